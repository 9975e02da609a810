"""Reference, continuation and missed-claim classes found on development sets J, K and L
(refs11), each on made-up sentences: hard-wrapped paragraphs, and the speakers the text names.

All names are fictional."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.attributions.clauses import is_line_wrap


def tellers(text: str) -> list[tuple[str, str]]:
    """(chain labels joined by ' > ', content) of every live claim."""
    out = []
    for c in analyze_text(text).claims:
        if not c.dismissed:
            out.append((" > ".join(link.label for link in c.chain), c.content.text))
    return out


def teller_of(text: str, content_start: str) -> str:
    return next(t for t, c in tellers(text) if c.startswith(content_start))


# --- a hard wrap inside a paragraph is no paragraph break

WRAPPED = (
    "The harbour board met on Tuesday and heard the report of its engineers about\n"
    "the old pier.\n"
    "Marta Quintela, the board's chair, said\n"
    "the repairs would start in the spring and would be paid for by\n"
    "the city.\n"
    "“It is very important for the board to act before the winter storms come back to the\n"
    "coast,”\n"
    "she said.\n"
)


def test_a_line_carried_on_in_lower_case_or_after_a_function_word_is_a_wrap():
    at = WRAPPED.index("said\n") + 4
    assert is_line_wrap(WRAPPED, at)  # "said" / "the repairs ..."
    assert is_line_wrap(WRAPPED, WRAPPED.index("by\n") + 2)  # "paid for by" / "the city."
    assert not is_line_wrap(WRAPPED, WRAPPED.index("pier.\n") + 5)  # a sentence ends there
    teaser = "Firm plans to cut jobs and laid out a broad slate of problems\nAmerican firm Lusa said P."
    assert not is_line_wrap(teaser, teaser.index("\n"))  # a headline may end in a noun
    assert not is_line_wrap("The talks went on,\n\nthe minister said.", len("The talks went on,"))


def test_a_speaker_line_wrapped_before_its_content_is_neither_a_subheading_nor_cut_off():
    assert teller_of(WRAPPED, "the repairs would start") == "Marta Quintela"
    assert "the city" in next(c for _, c in tellers(WRAPPED) if c.startswith("the repairs"))
    assert teller_of(WRAPPED, "It is very important") == "Marta Quintela"


def test_a_title_case_line_with_no_comma_before_a_lower_case_line_is_still_a_subheading():
    text = (
        "Council backs plan\n\nThe council met on Monday to discuss the new housing plan for the eastern "
        "districts of the city.\n\nHousing Plan Unveiled\nthe council approved it after a long debate "
        "that ran late into the night, officials said.\n\nThe mayor said the vote was a victory for "
        "every family waiting for a home in the city.\n"
    )
    assert teller_of(text, "the council approved it") == "officials"


# --- a title's acronym and a title the model read as an organisation are the titled person


def actor_of(text: str, content_start: str) -> tuple[str, str]:
    analysis = analyze_text(text)
    claim = next(c for c in analysis.claims if not c.dismissed and c.content.text.startswith(content_start))
    actor = analysis.actor(claim.chain[-1].actor)
    return (actor.name, actor.type) if actor is not None else (claim.chain[-1].label, "")


def test_the_acronym_of_a_persons_title_is_that_person():
    text = (
        "The Inspector General of Police Joseph Kamau has dismissed a letter circulating online.\n\n"
        "Speaking on Friday, the IG said the letter was fake.\n\n"
        "The IG further said that the police are on high alert."
    )
    assert actor_of(text, "the letter was fake") == ("Joseph Kamau", "PERSON")
    assert actor_of(text, "that the police are on high alert") == ("Joseph Kamau", "PERSON")


def test_a_three_letter_acronym_that_ends_on_the_office_is_no_person():
    # "NSA" spells "National Security Adviser" and an agency's name; "IGP" ends on the body, "Police"
    text = (
        "National Security Adviser Jake Sullivan said the talks were useful. The NSA said its analysts "
        "had found no threat."
    )
    assert actor_of(text, "its analysts had found no threat") == ("NSA", "ORG")
    text = (
        "The Inspector General of Police Joseph Kamau said the road was closed.\n\n"
        "Speaking on Friday, the IGP said the letter was fake."
    )
    assert actor_of(text, "the letter was fake") == ("Joseph Kamau", "PERSON")


def test_an_acronym_two_titles_spell_stays_apart():
    text = (
        "The Inspector General of Police Joseph Kamau and the Inspector General of Prisons Ruth "
        "Atieno met on Monday.\n\nSpeaking on Friday, the IG said the letter was fake."
    )
    assert actor_of(text, "the letter was fake")[0] not in ("Joseph Kamau", "Ruth Atieno")


def test_a_title_read_as_an_organisation_before_a_named_person_is_the_person():
    text = (
        "Tariq Mehmood says the report is safe.\n\n"
        "Responding to reports that the copy had gone missing from the Prime Minister’s office, the "
        "Minister for Information and Broadcasting Tariq Mehmood on Saturday categorically denied it, "
        "saying the copy was safe.\n\n"
        "Replying to a question, the Minister said a committee had been set up in February."
    )
    assert actor_of(text, "the copy was safe") == ("Tariq Mehmood", "PERSON")
    assert actor_of(text, "a committee had been set up") == ("Tariq Mehmood", "PERSON")


# --- "our correspondent" is the correspondent the page named


def test_our_correspondent_is_the_correspondent_named_before():
    text = (
        "The plan is secret, Harbour News security correspondent Tomas Varga said.\n\n"
        "The papers were left on a train, our correspondent said."
    )
    assert teller_of(text, "The papers were left") == "Tomas Varga"
    alone = "The papers were left on a train, our correspondent said."
    assert teller_of(alone, "The papers were left") == "our correspondent"


# --- a quotation carries on after an aside whose abbreviation points end no sentence


def test_a_quote_carries_on_after_an_aside_with_an_abbreviation():
    text = (
        "“We are in talks with the government,” Ruth Atieno said in an interview, referring to U.S. "
        "prosecutors. “I have also spoken with officials from the embassy.”"
    )
    analysis = analyze_text(text)
    claim = next(c for c in analysis.claims if c.content.text.startswith("We are in talks"))
    assert claim.chain[-1].label == "Ruth Atieno"
    assert [p.text for p in claim.content.parts] == [
        "We are in talks with the government", "I have also spoken with officials from the embassy"
    ]


@pytest.mark.parametrize("aside", ["U.S. President Joe Biden", "the U.N. Security Council", "Dr. Mwangi"])
def test_an_abbreviation_point_before_a_capital_word_ends_no_sentence(aside):
    # review 11: "U.S. President", "U.N. Security Council" ended the quotation's run
    text = (
        f"“We are in talks with the government,” Ruth Atieno said in an interview, referring to {aside}. "
        "“I have also spoken with officials from the embassy.”"
    )
    claim = next(c for c in analyze_text(text).claims if c.content.text.startswith("We are in talks"))
    assert [p.text for p in claim.content.parts] == [
        "We are in talks with the government", "I have also spoken with officials from the embassy"
    ]


def test_a_sentence_after_the_abbreviation_still_ends_the_run():
    text = (
        "“We are ready,” Ruth Atieno said, referring to Dr. Mwangi. Officials declined to comment. "
        "“The plan is good.”"
    )
    claim = next(c for c in analyze_text(text).claims if c.content.text.startswith("We are ready"))
    assert (claim.content.text, claim.content.parts) == ("We are ready", None)


# --- what a thing "implies" inside a speaker's words leaves the speaker's claim whole


def test_a_speakers_claim_keeps_the_subject_of_a_nested_evidence_verb():
    text = (
        "A ministry spokesman said the activities at the site were normal "
        "and did not imply a test was imminent."
    )
    said = [(t, c) for t, c in tellers(text) if t == "a ministry spokesman"]
    assert any(c.startswith("the activities at the site") and "were normal" in c for _, c in said)
    assert not [t for t, _ in tellers(text) if "activities" in t]  # the activities tell nothing


# --- refusing what was asked for is a deed, no denial


def test_denying_a_request_is_a_deed_the_teller_reports():
    text = (
        "The agency's director Ana Lopes denied a request by the ministry to publicly challenge the "
        "reports, according to two officials. The minister denied the report."
    )
    said = tellers(text)
    assert ("two officials", "The agency's director Ana Lopes denied a request by the ministry to publicly "
            "challenge the reports") in said
    assert ("The minister", "the report") in said


# --- "British tabloid the Beacon claimed": the noun names an outlet, whatever the parser hung on it

TABLOID = (
    "League denies match-fixing report\n"
    "The league rejected reports that officials are investigating the final.\n"
    "British tabloid the Beacon claimed that officials are investigating the match after its probe "
    "found evidence of betting.\n"
    '"The new investigation will centre on two suspect overs," the report stated.\n'
    "According to the newspaper, the scoring pattern matched a target given to bookies in advance. "
    "The tabloid claimed it received details of calls between a fixer and a bookie.\n"
)


def test_a_name_after_an_outlet_noun_and_the_is_that_outlet_and_later_references_find_it():
    analysis = analyze_text(TABLOID)
    beacon = next(a for a in analysis.actors if a.name == "Beacon")
    assert (beacon.type, beacon.kind) == ("ORG", "outlet")
    assert teller_of(TABLOID, "that officials are investigating the match") == "Beacon"
    assert teller_of(TABLOID, "the scoring pattern") == "Beacon"
    assert teller_of(TABLOID, "it received details") == "Beacon"


def test_the_report_after_an_outlets_claim_is_that_outlets_story():
    assert teller_of(TABLOID, "The new investigation") == "Beacon"


def test_the_report_after_a_named_report_document_stays_that_document():
    text = ("A UN report found that the harbour was polluted. The Beacon said the city had ignored it.\n"
            '"Levels are rising," the report said.\n')
    assert teller_of(text, "Levels are rising") == "UN"


@pytest.mark.parametrize("noun", ["company", "minister"])
def test_a_name_after_a_noun_that_names_no_outlet_is_not_made_an_outlet(noun):
    text = f"The {noun} Harbour Freight said on Friday that the port would reopen.\n"
    analysis = analyze_text(text)
    assert not any(a.kind == "outlet" for a in analysis.actors)


# --- a newspaper's name says what it is: "the Harbour Sentinel found ... The newspaper found"


@pytest.mark.parametrize("name", ["Harbour Sentinel", "Lisbon Mirror", "Coastal Courier"])
def test_a_newspaper_named_by_its_last_word_is_an_outlet_and_the_newspaper_finds_it(name):
    text = (f"Panel missed studies\nIn December, the {name} found that the panel's report gave more weight "
            "to industry-funded studies. The newspaper found that the panel missed dozens of studies that "
            "were publicly available.\n")
    analysis = analyze_text(text)
    assert any(a.name.endswith(name) and a.kind == "outlet" for a in analysis.actors)
    assert teller_of(text, "that the panel missed").endswith(name)


@pytest.mark.parametrize("person", ["Mara Ledger", "Dana Sentinel", "Oskar Mirror", "Tomas Courier"])
def test_a_person_whose_surname_is_a_newspapers_word_stays_a_person(person):
    surname = person.split()[1]
    text = (f"Actor {person} said on Friday that the film was finished. {surname} told reporters it would "
            "open in May.\n")
    actors = analyze_text(text).actors
    assert not any(a.kind == "outlet" for a in actors)


def test_a_person_after_an_outlet_noun_stays_a_person():
    text = "The network Tom Brask founded last year reported that the deal was off.\n"
    brask = [a for a in analyze_text(text).actors if "Brask" in a.name]
    assert brask and all(a.type == "PERSON" and a.kind != "outlet" for a in brask)


def test_a_mirror_inside_a_company_name_is_no_outlet():
    text = "Mirror Glass Works said on Friday that it would close its plant.\n"
    assert not any(a.kind == "outlet" for a in analyze_text(text).actors)


def test_a_chairman_of_a_news_company_named_with_his_office_is_no_outlet():
    text = ("The Harbour Times reported that Coastal News Chairman and CEO Rui Costa is looking to buy "
            "the paper.\n")
    analysis = analyze_text(text)
    assert not any("Chairman" in a.name and a.kind == "outlet" for a in analysis.actors)


# --- a body's press secretary or public relations officer is "the spokesperson" later


@pytest.mark.parametrize(("opening", "teller"), [
    ("Police Public Relations Officer Benjamin Okafor said", "Benjamin Okafor"),
    ("Benjamin Okafor, the police public relations officer, said", "Benjamin Okafor"),
    ("Police Press Secretary Benjamin Okafor said", "Benjamin Okafor"),
    ("Police spokeswoman Benjamin Okafor said", "Benjamin Okafor"),
    # another office is no spokesperson: the reference stays unnamed
    ("Police Commissioner Benjamin Okafor said", "the spokesperson"),
    ("Chief Information Officer Benjamin Okafor said", "the spokesperson"),
])
def test_the_spokesperson_is_the_person_named_with_a_press_office_and_no_other(opening, teller):
    text = (f"{opening} on Friday that the memo was false.\n"
            "The memo listed several officers.\n"
            "The spokesperson said the port remains safe.\n")
    assert teller_of(text, "the port remains safe") == teller


def test_another_bodys_spokesman_is_not_a_press_secretary_named_before():
    text = ("White House Press Secretary Kara Linn said the talks were over.\n"
            "The defence ministry spokesman said the troops would stay.\n")
    assert teller_of(text, "the troops would stay") == "the defence ministry spokesman"
