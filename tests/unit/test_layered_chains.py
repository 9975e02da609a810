"""Layered chains (issue 10 §2): which teller relays which, on short invented sentences — a
quotation's own cues stay inside it, and the outer teller after it relays them."""

from __future__ import annotations

from sourcetrace.analysis import analyze_text


def chain(text: str, content_key: str) -> list[tuple[str, str]]:
    """The (label, kind) links of the shortest claim whose content holds `content_key` (a relay's
    claim holds the words of the claims it relays)."""
    claims = [c for c in analyze_text(text).claims if content_key in c.content.text]
    assert claims, [c.content.text for c in analyze_text(text).claims]
    return [(link.label, link.kind) for link in min(claims, key=lambda c: len(c.content.text)).chain]


def test_a_cue_inside_a_quotation_says_nothing_past_its_closing_mark():
    # the parser's sentence runs on past the closing mark: the statement's content held the
    # newspaper's cue, and the newspaper hung inside what the statement said
    text = (
        "The Harbor Daily newspaper said on Thursday that the port had been closed.\n\n"
        "“Nobody has contacted the port authority. The ministry issued a statement and said that "
        "extra patrols had been ordered. The statement said that in the event of a storm, every "
        "ship is moved,” the newspaper wrote."
    )
    assert chain(text, "Nobody has contacted") == [("Harbor Daily", "outlet")]
    assert chain(text, "every ship is moved") == [("Harbor Daily", "outlet"), ("the ministry", "named")]


def test_sources_that_are_none_say_nothing_the_paper_does():
    text = "The Harbor Daily put out an article with no direct sources that said that the mayor had resigned."
    assert chain(text, "the mayor had resigned") == [("Harbor Daily", "outlet")]


def test_whom_an_outlet_quotes_as_saying_speaks_whatever_the_noun():
    # "the emergency services", "the fire brigade": no person, title or teller word, yet quoted as saying
    text = (
        "So far, no injuries have been reported, the Harbor Daily newspaper quoted the emergency services "
        "as saying."
    )
    assert chain(text, "no injuries have been reported") == [
        ("Harbor Daily", "outlet"),
        ("the emergency services", "named"),
    ]


def test_a_teller_after_the_sentence_reports_the_speakers_participle_too():
    text = (
        "A police spokesperson confirmed the arrest, adding that the woman was helping police, "
        "reports the Harbor Daily."
    )
    assert chain(text, "the woman was helping police") == [
        ("Harbor Daily", "outlet"),
        ("a police spokesperson", "named"),
    ]
    # with no teller after it, the participle is the speaker's own second claim, not the first's
    text = "The mayor said the bridge would close, adding that a ferry would run."
    assert chain(text, "the bridge would close") == [("The mayor", "named")]
    assert chain(text, "a ferry would run") == [("The mayor", "named")]


def test_a_participle_after_a_quoted_phrase_is_the_speakers():
    # "saying" hung on the quoted words (or the "as" before them) has no subject of its own
    text = "The minister described the situation as “a terrible one” saying a delegation has been sent."
    assert chain(text, "a delegation has been sent") == [("The minister", "named")]
    assert chain(text, "the situation as") == [("The minister", "named")]


def test_a_speaker_quoted_by_an_outlet_goes_on_through_it_after_a_quoted_phrase():
    text = (
        "The sports minister, Karim Osei, has said that the decision was wrong.\n"
        "The Harbor Daily reports that Osei, in an interview on Monday, called on the league to act.\n"
        "He was quoted to have described the situation as “a terrible one”\n"
        "saying a delegation has been sent.\n"
        "According to him, the talks will resume in May."
    )
    relayed = [("Harbor Daily", "outlet"), ("Karim Osei", "named")]
    assert chain(text, "a delegation has been sent") == relayed
    # "him" refers as "he" does: the relay goes on
    assert chain(text, "the talks will resume in May") == relayed


def test_a_sentence_that_only_says_whom_a_teller_cited_sources_its_report_before():
    text = "The Harbor Daily reported that the mayor will resign. The newspaper cited two officials."
    relayed = [("Harbor Daily", "outlet"), ("two officials", "anonymous")]
    assert chain(text, "the mayor will resign") == relayed
    text = "Kivuli Wire reported that the port will close. Kivuli Wire citing officials for its information."
    # no claim "officials for its information": the citing is how the report was sourced
    assert [c.content.text for c in analyze_text(text).claims] == ["that the port will close"]
    assert chain(text, "the port will close") == [("Kivuli Wire", "outlet"), ("officials", "anonymous")]
    # a reason cited is no source
    text = "The mayor said the port will close. He cited safety concerns."
    assert chain(text, "the port will close") == [("The mayor", "named")]


def labels(text: str, content_key: str) -> list[str]:
    return [label for label, _ in chain(text, content_key)]


def test_a_teller_inside_what_a_document_holds_speaks_through_it():
    """The speaker sits in the object of "include"/"contain": the document relays them.
    Kind gap, not pinned: the chain-gold conventions make "a former guard" anonymous (an unnamed
    person), "The leaked files" a document and "The newspaper" an outlet; the engine types the three
    named, so those chains assert their labels only."""
    assert chain(
        "The dossier includes emails from the director saying that the audit was delayed.",
        "audit was delayed",
    ) == [("the dossier", "document"), ("the director", "anonymous")]
    assert labels(
        "The report contains an interview with a former guard who said the prisoners were beaten.",
        "prisoners were beaten",
    ) == ["the report", "a former guard"]
    # a paper marked as one by its passage ("leaked"), and an outlet that carries an interview
    assert labels(
        "The leaked files included several letters from local judges saying how the minister had "
        "influenced their rulings.",
        "influenced their rulings",
    ) == ["The leaked files", "local judges"]
    assert labels(
        "The newspaper carried an interview with a former guard who said the prisoners were beaten.",
        "prisoners were beaten",
    ) == ["The newspaper", "a former guard"]
    # inside another's words, the document is relayed in turn
    assert chain(
        "The mayor said the report includes emails from the director saying that the audit was delayed.",
        "audit was delayed",
    ) == [("The mayor", "named"), ("the report", "document"), ("the director", "anonymous")]


def test_a_participle_after_a_containment_verbs_object_is_the_objects():
    # the parser hangs "urging" on "contained": the note urges, through the complaint that holds it
    assert chain(
        "The complaint contained a note urging investigators to contact the police before proceeding.",
        "contact the police",
    ) == [("the complaint", "document"), ("a note", "document")]
    # what holds it is no paper: the note speaks alone (never "The box")
    assert chain("The box contained a note saying the money was gone.", "money was gone") == [
        ("a note", "document")
    ]


def test_what_a_group_includes_is_no_relay():
    assert chain("The team included a doctor who said the water was unsafe.", "water was unsafe") == [
        ("a doctor", "anonymous")
    ]


def test_a_warning_a_letter_includes_is_the_content_of_no_speaker():
    """ "The letter included a warning that P": no one in the sentence warns, and the letter is not
    made a teller by "include" (what the engine does today, pinned as such)."""
    assert chain("The letter included a warning that the plant would close.", "plant would close") == [
        ("unattributed", "unattributed")
    ]
