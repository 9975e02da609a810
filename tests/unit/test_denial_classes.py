"""Denials of reports on unseen text (development sets H and I): the classes, on made-up sentences."""

from __future__ import annotations

import pytest

from sourcetrace.attributions import find_attributions
from sourcetrace.model import Article
from sourcetrace.nlp import get_pipeline


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def stances(nlp, text: str, off: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    doc = nlp(text)
    atts, _ = find_attributions(doc, Article(text=text), [], disabled_rules=off)
    return [(a.cue.text, a.stance) for a in atts if not a.frame]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("“I know nothing about a secret base. This is another hoax,” the envoy said.", "denies"),
        ("The envoy said the story of a secret base was a hoax.", "denies"),
        ("“The report is premised on a meeting that never took place,” the spokesman said.", "denies"),
        ("The spokesman said reports of a secret base were fake.", "denies"),
        ("The spokesman said the hearing took place on Monday.", "asserts"),
        ("The spokesman said the base was built in 2004.", "asserts"),
    ],
)
def test_a_hoax_a_fake_and_what_never_took_place_deny(nlp, text, stance):
    assert [s for _, s in stances(nlp, text)] == [stance]
    assert [s for _, s in stances(nlp, text, ("rebuttal",))] == ["asserts"]


def contents(nlp, text: str, off: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    atts, _ = find_attributions(doc, Article(text=text), [], disabled_rules=off)
    return [(a.cue.text, a.stance, a.content.text) for a in atts if not a.frame]


def test_belying_a_report_denies_it_and_the_report_keeps_its_claim(nlp):
    text = "In a statement, the aide belied a newspaper report which alleged that the minister walked out."
    assert contents(nlp, text, ("learned_cues",)) == [
        ("belied", "denies", "a newspaper report which alleged that the minister walked out"),
        ("alleged", "asserts", "that the minister walked out"),
    ]


def test_a_relative_clause_the_parser_hung_before_the_denial_is_part_of_what_is_denied(nlp):
    text = (
        "The minister held on Friday a briefing in which she denied an article printed by the daily Clarion "
        "this week that allegedly tied the army to smugglers."
    )
    denied = "an article printed by the daily Clarion this week"
    assert contents(nlp, text, ("learned_cues",)) == [
        ("denied", "denies", denied + " that allegedly tied the army to smugglers")
    ]
    assert contents(nlp, text, ("learned_cues", "denied_report")) == [("denied", "denies", denied)]
    plain = "The minister held on Friday a briefing in which she denied an article printed by the Clarion."
    assert contents(nlp, plain, ("learned_cues",)) == [
        ("denied", "denies", "an article printed by the Clarion")
    ]


def test_a_denial_participle_after_a_claim_is_the_speakers_own_and_no_part_of_it(nlp):
    text = "Security sources insisted that the transfer took place, dismissing the aide's denial as lies."
    assert contents(nlp, text, ("learned_cues",)) == [
        ("insisted", "asserts", "that the transfer took place"),
        ("dismissing", "denies", "the aide's denial"),
    ]
    doc = nlp(text)
    atts, _ = find_attributions(doc, Article(text=text), [], disabled_rules=("learned_cues",))
    assert [(a.source.text if a.source else None, a.parent) for a in atts if not a.frame] == [
        ("Security sources", None),
        ("Security sources", None),
    ]
    assert contents(nlp, text, ("learned_cues", "denial_participle", "conjoined_cue"))[0] == (
        "insisted",
        "denies",
        "that the transfer took place, dismissing the aide's denial as lies",
    )


def test_calling_a_claim_a_quoted_rubbish_denies_it(nlp):
    text = (
        "The chancellor made a defence of the leader, calling claims that he was unpopular with voters "
        "“rubbish”."
    )
    assert contents(nlp, text, ("learned_cues",)) == [
        ("calling", "denies", "claims that he was unpopular with voters"),
        ("claims", "asserts", "that he was unpopular with voters"),
    ]
    assert contents(nlp, text, ("learned_cues", "called_untrue"))[0][:2] == ("calling", "asserts")
    # a quoted word the clause needs stays: the threat was a “hoax” is what the reports say
    hoax = "The police denied reports that the bomb threat was a “hoax”."
    assert contents(nlp, hoax, ("learned_cues",))[0] == (
        "denied",
        "denies",
        "reports that the bomb threat was a “hoax",
    )


def test_a_statement_announced_by_the_following_is_the_rest_of_the_paragraph(nlp):
    text = (
        "After a story in the Courier which claims that the coach has quit, the club would like to clarify "
        "the following. The story is completely without foundation and the club is weighing legal action.\n"
        "The coach was not available."
    )
    said = "The story is completely without foundation and the club is weighing legal action"
    assert ("would like", "denies", said) in contents(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "“We strongly deny the report,” the spokeswoman said.",
        "The ministry said the story looks like another newspaper fake.",
        "“The report is not based on fact. It is a pure rumour,” the envoy said.",
        "“We believe this reporting to be unsubstantiated,” an official said.",
        "The minister said the sources in the capital were not telling the truth.",
        "The ministry described the report as fake.",
    ],
)
def test_a_first_person_denial_a_fake_and_a_rumour_in_the_content_deny(nlp, text):
    # set D, F and G classes: the content rejects the report in words the rebuttal list now holds
    assert [s for _, s in stances(nlp, text)] == ["denies"]
    off = ("rebuttal", "called_untrue", "first_person_denial")
    assert [s for _, s in stances(nlp, text, off)] == ["asserts"]


@pytest.mark.parametrize(
    "text",
    [
        "“We strongly support the report,” the spokeswoman said.",
        "The ministry said the passport was found in a newspaper office.",
        "The envoy said there was a rumour of a new ambassador before the vote.",
    ],
)
def test_support_and_a_rumour_mentioned_in_passing_do_not_deny(nlp, text):
    assert [s for _, s in stances(nlp, text)] == ["asserts"]


def test_a_phrasal_denial_verb_the_lexicon_lacks_is_a_cue_only_for_a_told_thing(nlp):
    # "shoot" reports nothing alone; "shot down expectations that P" denies them
    text = "A senior ministry official on Friday shot down expectations that the plant would close next week."
    assert stances(nlp, text) == [("shot down", "denies"), ("expectations", "asserts")]
    # the switch governs the stance (as for "ruled out"); the cue is found by the cue detector
    assert stances(nlp, text, ("phrasal_denial",)) == [("shot down", "asserts"), ("expectations", "asserts")]
    assert stances(nlp, "The army shot down a drone near the border on Friday.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The army dismissed the allegation as “baseless fabrication aimed at tarnishing its image”.",
         "the allegation as “baseless fabrication aimed at tarnishing its image"),
        ('Singhal dismissed the allegations as "baseless and politically motivated".',
         'the allegations as "baseless and politically motivated'),
    ],
)
def test_what_the_denier_calls_the_report_in_quotation_marks_is_part_of_the_denial(nlp, text, content):
    assert contents(nlp, text) == [("dismissed", "denies", content)]


def test_an_unquoted_as_false_and_a_clauses_untrue_tail_stay_out_of_what_is_denied(nlp):
    assert contents(nlp, "The army rejected the report as false.") == [("rejected", "denies", "the report")]
    found = contents(nlp, "The army dismissed claims that soldiers were killed as “baseless”.")
    assert ("dismissed", "denies", "claims that soldiers were killed") in found
    assert all("baseless" not in c for _, _, c in found)
