"""Attributions stage alone, on short texts built by hand, and on the bundled article."""

from __future__ import annotations

import pytest

from sourcetrace.attributions import find_attributions, quote_regions
from sourcetrace.model import Actor, Article, ArticleStructure, Attribution, Dateline, Span
from tests.helpers import span_of as span


def run(
    nlp, text: str, actors: list[Actor] | None = None, off: tuple[str, ...] = (), **article
) -> tuple[list[Attribution], list[Actor]]:
    art = Article(text=text, **article)
    return find_attributions(nlp(text), art, actors or [], disabled_rules=off)


def only(atts: list[Attribution]) -> Attribution:
    sentence_level = [a for a in atts if not a.frame]
    assert len(sentence_level) == 1, [(a.cue.text, a.content.text) for a in sentence_level]
    return sentence_level[0]


def test_reporting_verb_with_that_clause(nlp):
    att = only(run(nlp, "The minister said that taxes would rise.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "The minister",
        "said",
        "that taxes would rise",
    )
    assert att.parent is None and att.stance == "asserts" and not att.hedged


def test_inverted_cue_after_the_content(nlp):
    att = only(run(nlp, "Taxes will rise next year, the minister said.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "the minister",
        "said",
        "Taxes will rise next year",
    )


def test_according_to(nlp):
    att = only(run(nlp, "According to the report, taxes will rise.")[0])
    assert (att.cue.text, att.source.text, att.content.text) == (
        "According to",
        "the report",
        "taxes will rise",
    )
    assert att.source_kind == "document"


def test_quote_with_the_speaker_after_it(nlp):
    text = "“We will win the vote”, the senator added."
    att = only(run(nlp, text)[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "the senator",
        "added",
        "We will win the vote",
    )


def test_discontinuous_quote_around_he_said(nlp):
    text = "“We will win,” he said, “and they will lose.”"
    att = only(run(nlp, text)[0])
    assert att.cue.text == "said"
    assert [p.text for p in att.content.parts] == ["We will win", "and they will lose"]
    assert att.content.text == text[att.content.start : att.content.end]


def test_quote_carries_on_after_the_cue_sentence(nlp):
    text = "“The plan is dead,” the mayor said. “Nobody will revive it.”\n"
    att = only(run(nlp, text)[0])
    assert [p.text for p in att.content.parts] == ["The plan is dead", "Nobody will revive it"]


def test_nested_attribution_is_a_child_of_the_outer_one(nlp):
    text = "The newspaper reported that an official revealed that the plan was dropped."
    atts, actors = run(nlp, text)
    outer, inner = sorted(atts, key=lambda a: a.cue.start)
    assert (outer.cue.text, inner.cue.text) == ("reported", "revealed")
    assert inner.parent == outer.id and outer.parent is None
    assert inner.content.text == "that the plan was dropped"
    assert inner.source.text == "an official" and inner.source_kind == "anonymous"
    official = next(a for a in actors if a.id == inner.source_actor)
    assert (official.name, official.kind, official.type) == ("an official", "anonymous", "PERSON")


def test_noun_cue_and_denial(nlp):
    atts, _ = run(nlp, "He dismissed the claim that the vote was rigged.")
    by_cue = {a.cue.text: a for a in atts}
    assert by_cue["claim"].content.text == "that the vote was rigged"
    assert by_cue["dismissed"].stance == "denies"
    # a denied report is not the denier's: it hangs where the denial hangs (issue 10)
    assert by_cue["claim"].parent is None


def test_denial_with_an_object(nlp):
    att = only(run(nlp, "The government denied the allegations.")[0])
    assert (att.cue.text, att.content.text, att.stance) == ("denied", "the allegations", "denies")


def test_hedge_marks_the_attribution(nlp):
    att = only(run(nlp, "The mayor said it is not known whether the law will pass.")[0])
    assert att.hedged is True


def test_recipient(nlp):
    text = "An aide revealed to the newspaper that the talks had failed."
    att = only(run(nlp, text)[0])
    assert att.recipient.text == "the newspaper"
    assert att.content.text == "that the talks had failed"


def test_anonymous_source_resolved_across_sentences(nlp):
    text = (
        "A senior official said that talks had stalled. "
        "The official added that a deal was close. "
        "He noted that nothing was signed. "
        "According to the same source, the talks resume on Monday."
    )
    atts, actors = run(nlp, text)
    assert [a.source.text for a in atts] == ["A senior official", "The official", "He", "the same source"]
    assert len({a.source_actor for a in atts}) == 1
    official = next(a for a in actors if a.id == atts[0].source_actor)
    assert official.name == "a senior official"
    assert [m.text for m in official.mentions] == [
        "A senior official",
        "The official",
        "He",
        "the same source",
    ]


def test_new_actor_ids_continue_after_existing_ones(nlp):
    text = "Paris is calm. A diplomat said that the embassy will reopen."
    paris = Actor(id="a7", name="Paris", type="GPE", kind="named", mentions=[span(text, "Paris")])
    atts, actors = run(nlp, text, [paris])
    assert [a.id for a in actors] == ["a7", "a8"]
    assert atts[0].source_actor == "a8" and actors[1].kind == "anonymous"


def test_named_source_uses_the_existing_actor(nlp):
    text = "Jane Doe said that the bridge is safe."
    jane = Actor(id="a1", name="Jane Doe", type="PERSON", kind="named", mentions=[span(text, "Jane Doe")])
    att = only(run(nlp, text, [jane])[0])
    assert (att.source_actor, att.source_kind) == ("a1", "named")


def test_document_frames_publisher_and_dateline(nlp):
    text = "NCRI\n\nal-Malaf, July 10, 2007: An official said that the talks failed.\n"
    dateline = span(text, "al-Malaf, July 10, 2007:")
    covers = Span(start=dateline.end + 1, end=len(text) - 1, text=text[dateline.end + 1 : len(text) - 1])
    structure = ArticleStructure(
        publisher_line=span(text, "NCRI"),
        datelines=[Dateline(span=dateline, source="al-Malaf", date="2007-07-10", covers=covers)],
        body_start=6,
    )
    atts, actors = run(nlp, text, publisher="NCRI", structure=structure)
    publisher, outlet, said = atts
    assert (publisher.frame, publisher.source_kind, publisher.parent) == (True, "publisher", None)
    assert (outlet.frame, outlet.source_kind, outlet.parent) == (True, "outlet", publisher.id)
    assert outlet.cue.text == "al-Malaf, July 10, 2007:"
    assert outlet.content.text == "An official said that the talks failed"
    assert (said.frame, said.parent, said.cue.text) == (False, outlet.id, "said")
    names = {a.id: (a.name, a.kind) for a in actors}
    assert names[publisher.source_actor] == ("NCRI", "publisher")
    assert names[outlet.source_actor] == ("al-Malaf", "outlet")


def test_headline_cue_is_attributed_to_the_outlet_frame(nlp):
    text = "Mayor resigns: report\n\nBugle, May 2, 2020: The mayor resigned today.\n"
    dateline = span(text, "Bugle, May 2, 2020:")
    covers = span(text, "The mayor resigned today.")
    structure = ArticleStructure(
        headline=span(text, "Mayor resigns: report"),
        headline_cue=span(text, ": report"),
        datelines=[Dateline(span=dateline, source="Bugle", covers=covers)],
        body_start=23,
    )
    atts, actors = run(nlp, text, publisher="Daily", structure=structure)
    headline = next(a for a in atts if a.cue.text == "report")
    assert headline.content.text == "Mayor resigns"
    assert headline.source_kind == "outlet"
    assert next(a.name for a in actors if a.id == headline.source_actor) == "Bugle"


def test_nothing_inside_boilerplate(nlp):
    text = "The minister said that taxes would rise.\nReaders said they like our newsletter.\n"
    structure = ArticleStructure(boilerplate=[span(text, "Readers said they like our newsletter.")])
    atts, _ = run(nlp, text, structure=structure)
    assert [a.cue.text for a in atts] == ["said"]
    assert atts[0].source.text == "The minister"


def test_quote_regions_pair_curly_and_straight_quotes():
    text = "“One,” he said. \"Two\" and ``three'' \n“open"
    assert [text[s:e] for s, e in quote_regions(text)] == ["“One,”", '"Two"', "``three''", "“open"]


def test_every_span_indexes_the_text(nlp):
    text = "“It is over,” she said. Officials, however, said the vote will go ahead, according to Reuters."
    atts, _ = run(nlp, text)
    assert atts
    for a in atts:
        for s in (a.cue, a.source, a.content, a.recipient, *(a.content.parts or [])):
            if s is not None:
                assert s.text == text[s.start : s.end]


# --------------------------------------------------------------------------- bundled article


def _by_cue(analysis, cue: str, contains: str) -> Attribution:
    return next(a for a in analysis.attributions if a.cue.text == cue and contains in a.content.text)


def test_bundled_chain_ncri_al_malaf_official(bundled_analysis):
    a = bundled_analysis
    revealed = _by_cue(a, "revealed", "Hassan Kazemi Qumi, the Iranian regime")
    reported = a.attributions[[x.id for x in a.attributions].index(revealed.parent)]
    assert reported.cue.text == "reported" and reported.source_kind == "outlet"
    publisher = next(x for x in a.attributions if x.id == reported.parent)
    assert publisher.frame and publisher.source_kind == "publisher"
    assert a.actor(publisher.source_actor).name == "NCRI"
    assert a.actor(reported.source_actor).name == "al-Malaf"
    official = a.actor(revealed.source_actor)
    assert (official.name, official.kind, official.type) == (
        "a U.S. embassy official in Baghdad",
        "anonymous",
        "PERSON",
    )


def test_bundled_al_malaf_dateline_frame(bundled_analysis):
    a = bundled_analysis
    frame = next(x for x in a.attributions if x.frame and x.source_kind == "outlet")
    assert frame.cue.text == "al-Malaf, July 10,2007:"
    assert frame.content.text.startswith("Day by day more facts are unfolding")
    assert a.actor(frame.source_actor).name == "al-Malaf"
    inside = _by_cue(a, "revealed", "Hassan Kazemi Qumi, the Iranian ambassador to Baghdad")
    assert inside.parent == frame.id
    assert inside.recipient.text == "al-Malaf"


def test_bundled_anonymous_source_is_one_actor(bundled_analysis):
    a = bundled_analysis
    sources = {x.source.text: x.source_actor for x in a.attributions if x.source is not None}
    first = sources["a U.S. embassy official in Baghdad"]
    assert sources["The official, who spoke on the condition of anonymity"] == first
    assert sources["The source"] == first
    assert sources["He"] == first
    assert sources["the same source"] == first
    assert len([x for x in a.actors if x.kind == "anonymous"]) == 1


def test_bundled_denial_and_document_source(bundled_analysis):
    a = bundled_analysis
    denied = _by_cue(a, "denied", "these meddling")
    assert denied.stance == "denies"
    assert "governments" in denied.source.text
    revealing = _by_cue(a, "are revealing", "the role of Iranian Quds force")
    assert revealing.source.text == "Dozens of intelligence reports"
    assert revealing.source_kind == "document"
    assert a.actor(revealing.source_actor).kind == "document"


def test_bundled_hedge(bundled_analysis):
    according = _by_cue(bundled_analysis, "According to", "draft legislation")
    assert according.hedged is True
    assert according.source.text == "the same source"


def test_speaker_label_and_dash_credit(nlp):
    text = "PENCE: Flowers will not attend the debate.\n“He is ignorant of our culture.” ― Pamela Padilla\n"
    atts, _ = run(nlp, text, off=("+dash_credit",))  # off by default: neutral on PolNeAR train
    assert [(a.source.text, a.cue.text, a.content.text) for a in atts] == [
        ("PENCE", ":", "Flowers will not attend the debate"),
        ("Pamela Padilla", "―", "He is ignorant of our culture"),
    ]


def test_furniture_label_is_not_a_speaker(nlp):
    assert run(nlp, "Update: The road reopened on Friday.\n")[0] == []


def test_a_section_label_in_capitals_is_not_a_speaker(nlp):
    # the text writes the label's word in lower case too: a common word, not a transcript's speaker
    text = "SECURITY: Police set up pickets and tightened security on the main roads.\n"
    assert run(nlp, text)[0] == []
    speaker = "PENCE: Flowers will not attend the debate, which is about security.\n"
    assert [a.source.text for a in run(nlp, speaker)[0]] == ["PENCE"]


def test_passive_with_agent(nlp):
    att = only(run(nlp, "The bill was endorsed by the senator.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == ("the senator", "was endorsed by", "The bill")


def test_as_clause_glosses_its_host(nlp):
    att = only(run(nlp, "The driver was not armed, as police have said.")[0])
    assert (att.source.text, att.cue.text) == ("police", "have said")
    assert att.content.text == "The driver was not armed"


def test_headline_kicker_is_not_a_speaker(nlp):
    assert run(nlp, "Stealth over health: the candidate skipped the hospital.\n")[0] == []


def test_inner_xcomp_cue_leaves_the_content_to_the_outer_cue(nlp):
    # PolNeAR convention: "agreed" is the cue and "to release ..." (with "to") the content
    att = only(run(nlp, "The mining company agreed to release the records.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "The mining company",
        "agreed",
        "to release the records",
    )


def test_condition_misparsed_as_complement_is_not_content(nlp):
    # a hand-built parse: the parser's "Should prices rise" as a ccomp of "worry"
    from spacy.tokens import Doc

    words = ["Should", "prices", "rise", ",", "critics", "worry", "that", "jobs", "will", "go", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, False, True, True, True, True, True, True, False, False],
        heads=[2, 2, 5, 5, 5, 5, 9, 9, 9, 5, 5],
        deps=["aux", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"],
        pos=["AUX", "NOUN", "VERB", "PUNCT", "NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"],
        lemmas=["should", "price", "rise", ",", "critic", "worry", "that", "job", "will", "go", "."],
    )
    atts, _ = find_attributions(doc, Article(text=doc.text), [])
    assert [(a.source.text, a.cue.text, a.content.text) for a in atts] == [
        ("critics", "worry", "that jobs will go")
    ]


def test_dash_credit_over_a_quote_opened_with_a_closing_mark_and_holding_a_cue(nlp):
    # "”" at the start of a line opens a quotation; the "said" quoted inside is nested under it
    text = "Readers wrote in.\n”The mayor said the park will close. I disagree.” ― Ana Ruiz\n"
    atts = [a for a in run(nlp, text, off=("+dash_credit",))[0] if not a.frame]
    outer = [a for a in atts if a.parent is None]
    assert [(a.source.text, a.cue.text, a.content.text) for a in outer] == [
        ("Ana Ruiz", "―", "The mayor said the park will close. I disagree")
    ]
    assert [(a.cue.text, a.parent) for a in atts if a.parent is not None] == [("said", outer[0].id)]


def test_control_verb_and_the_cue_in_its_to_clause_make_one_cue(nlp):
    att = only(run(nlp, "The governor refused to disclose the records.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "The governor",
        "refused to disclose",
        "the records",
    )


def test_opening_conjunction_is_not_content(nlp):
    att = only(run(nlp, "But taxes will rise next year, the minister said.")[0])
    assert (att.cue.text, att.content.text) == ("said", "taxes will rise next year")
    att = only(run(nlp, "And more than half of it is wrong, according to the report.")[0])
    assert (att.cue.text, att.content.text) == ("according to", "more than half of it is wrong")


def test_quote_only_verb_and_a_colon_that_hands_over_the_next_paragraph(nlp):
    assert [a for a in run(nlp, "Prices continued to rise.")[0] if not a.frame] == []
    att = only(run(nlp, "She continued, “We will win.”")[0])
    assert (att.source.text, att.cue.text, att.content.text) == ("She", "continued", "We will win")
    att = only(run(nlp, "She added:\n\n“The vote is lost.”\n\nThen she left.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == ("She", "added", "The vote is lost")


def test_dateline_left_on_the_sentence_is_not_content(nlp):
    text = "WASHINGTON ― The tax plan is an insult, top lawmakers said Friday."
    att = only(run(nlp, text)[0])
    assert (att.cue.text, att.content.text) == ("said Friday", "The tax plan is an insult")


def test_dangling_conjunction_ends_no_content():
    from sourcetrace.attributions import drop_opening_conjunction as _drop_opening_conjunction

    text = "He stressed that the reforms were not complete, and"
    assert _drop_opening_conjunction(text, [(12, len(text))]) == [(12, text.index(", and"))]


def test_clause_before_a_semicolon_is_not_the_cue_content(nlp):
    text = "It is an extremely unlikely scenario; the campaign says she will continue her march this week."
    att = only(run(nlp, text)[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "the campaign",
        "says",
        "she will continue her march this week",
    )


def test_likening_is_a_cue_with_its_object_as_content(nlp):
    att = only(run(nlp, "The senator likened the plan to a tax hike.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "The senator",
        "likened",
        "the plan to a tax hike",
    )


def test_charge_with_a_that_clause_is_a_noun_cue(nlp):
    atts = run(nlp, "Officials rejected the charge that the vote was rigged.")[0]
    noun = next(a for a in atts if a.cue.text == "charge")
    assert (noun.source, noun.content.text) == (None, "that the vote was rigged")


def test_trailing_who_clause_is_the_writer_gloss(nlp):
    att = only(run(nlp, "Supporters have questioned the health of the senator, who is 70.")[0])
    assert (att.cue.text, att.content.text) == ("have questioned", "the health of the senator")


def test_warned_against_and_decided_against_open_their_content(nlp):
    att = only(run(nlp, "The senator warned against potential hackers from China.")[0])
    assert (att.cue.text, att.content.text) == ("warned against", "potential hackers from China")
    att = only(run(nlp, "The agency decided against recommending charges.")[0])
    assert (att.cue.text, att.content.text) == ("decided against", "recommending charges")


def test_that_clause_keeps_its_trailing_which_clause(nlp):
    text = "The agency reported that the refugee limit was exceeded, which happened in August."
    att = only(run(nlp, text)[0])
    assert att.content.text == "that the refugee limit was exceeded, which happened in August"


def test_occasion_of_the_telling_is_part_of_the_cue(nlp):
    att = only(run(nlp, "The mayor said in an interview that taxes would rise.")[0])
    assert (att.cue.text, att.content.text) == ("said in an interview", "that taxes would rise")
    att = only(run(nlp, "Taxes will rise, the mayor said at a briefing Monday.")[0])
    assert (att.cue.text, att.content.text) == ("said at a briefing Monday", "Taxes will rise")


def test_preposition_that_stays_in_the_content(nlp):
    att = only(run(nlp, "The campaign did not immediately respond to requests for comment.")[0])
    assert (att.cue.text, att.content.text) == ("did not immediately respond", "to requests for comment")


def test_document_sent_with_a_participle_is_one_cue_of_its_sender(nlp):
    att = only(run(nlp, "The group issued a policy paper welcoming the decision.")[0])
    assert (att.source.text, att.cue.text, att.content.text) == (
        "The group",
        "issued a policy paper welcoming",
        "the decision",
    )


def test_a_quotation_with_a_cue_of_its_own_is_not_the_last_speakers(nlp):
    text = "“We will fix the roads,” the mayor said. “Then we will fix the schools,” she added."
    atts = [a for a in run(nlp, text)[0] if not a.frame]
    assert [(a.source.text, [p.text for p in a.content.parts or [a.content]]) for a in atts] == [
        ("the mayor", ["We will fix the roads"]),
        ("she", ["Then we will fix the schools"]),
    ]


def test_a_quotation_that_ends_its_sentence_still_carries_on(nlp):
    text = "“We will not leave,” the farmer said. “This land is ours.” He added that the police came."
    atts = [a for a in run(nlp, text)[0] if not a.frame]
    assert [(a.source.text, [p.text for p in a.content.parts or [a.content]]) for a in atts] == [
        ("the farmer", ["We will not leave", "This land is ours"]),
        ("He", ["that the police came"]),
    ]


def test_a_quoted_paragraph_goes_to_the_last_speaker_only_right_after_them(nlp):
    text = "“We will stay,” the farmer said.\n\nThe police left.\n\n“This land is ours.”\n"
    atts = [a for a in run(nlp, text)[0] if not a.frame]
    assert [[p.text for p in a.content.parts or [a.content]] for a in atts] == [["We will stay"]]


@pytest.mark.parametrize(
    "text",
    [
        "If the minister says taxes will rise, he is wrong.",
        "Whoever claims that the vote was rigged must prove it.",
        "Unless the council announces a delay, the works start on Monday.",
    ],
)
def test_supposed_speech_is_no_attribution(nlp, text):
    assert [a for a in run(nlp, text)[0] if not a.frame] == []


def test_a_condition_inside_what_is_said_keeps_the_attribution(nlp):
    att = only(run(nlp, "The minister said that if prices rise, wages will follow.")[0])
    assert (att.source.text, att.cue.text) == ("The minister", "said")


def test_untangling_post_posed_reports_looks_only_at_cues_inside_each_content(monkeypatch):
    """A long article's attributions are not compared pair by pair: 2,000 made-up attributions,
    each holding only its own sentence, cost a few content checks each, not 2,000."""
    from sourcetrace.attributions import nesting
    from sourcetrace.attributions.base import Found

    calls = []
    real = Found.content_contains
    monkeypatch.setattr(Found, "content_contains", lambda self, r: calls.append(1) or real(self, r))
    verb = object()  # _untangle asks only whether there is a verb before comparing
    finds = [Found(cue=(i * 100, i * 100 + 4), content=[(i * 100 + 5, i * 100 + 90)],
                   source=(i * 100 + 91, i * 100 + 99), verb=verb) for i in range(2000)]
    nesting._untangle(finds)
    assert len(calls) == 0  # no other cue lies inside any content
    finds[0].content = [(5, 250)]  # now the first holds the next two cues: each checked both ways
    nesting._untangle(finds)
    assert len(calls) == 4
