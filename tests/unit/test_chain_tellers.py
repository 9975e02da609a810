"""Who the teller of a claim is (issue 10 §2), on short invented sentences: things that cannot
speak are no tellers, the object of a control verb tells the infinitive's content, and an outlet
that "has learnt" or "understands" something is an outlet."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text


def chain(text: str, content_key: str) -> list[tuple[str, str]]:
    """The (label, kind) links of the one claim whose content holds `content_key`."""
    claims = [c for c in analyze_text(text).claims if content_key in c.content.text]
    assert len(claims) == 1, [c.content.text for c in analyze_text(text).claims]
    return [(link.label, link.kind) for link in claims[0].chain]


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # an event, an action or a change: the writer reads it; no person or organisation tells P
        (
            "The rare intervention by the central bank underscored that the yen had fallen too far.",
            "the yen had fallen too far",
            [("The rare intervention by the central bank", "unattributed")],
        ),
        (
            "The drop in sales indicated that consumers are cutting back.",
            "consumers are cutting back",
            [("The drop in sales", "unattributed")],
        ),
        (
            "The move signals that the government is worried about the currency.",
            "the government is worried",
            [("The move", "unattributed")],
        ),
        # evidence read like a paper is a document
        (
            "The data showed that inflation rose to 4 percent in March.",
            "inflation rose to 4 percent",
            [("the data", "document")],
        ),
        (
            "The survey results suggest that voters are tired of the war.",
            "voters are tired of the war",
            [("the survey results", "document")],
        ),
        # inside what a person says, the thing adds no hop: the claim rests on the person
        (
            "Rana Odero, an economist at Harbor Bank, said the move signals that the government is worried.",
            "the government is worried",
            [("Rana Odero", "named")],
        ),
        # people and bodies stay tellers, whatever their name's words mean
        (
            "The Odero campaign suggested that the vote had been rigged.",
            "the vote had been rigged",
            [("The Odero campaign", "named")],
        ),
        (
            "Strike Capital said the merger would close in June.",
            "the merger would close in June",
            [("Strike Capital", "named")],
        ),
    ],
)
def test_a_thing_that_cannot_speak_is_no_teller(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "The strike spread to three more ports, prompting the transport minister to say that talks "
            "would resume on Monday.",
            "talks would resume on Monday",
            [("the transport minister", "named")],
        ),
        (
            "Sales fell for a third month, leading analysts to warn that the retailer could run out of cash.",
            "the retailer could run out of cash",
            [("analysts", "anonymous")],
        ),
        (
            "The protests forced the president to admit that mistakes had been made.",
            "mistakes had been made",
            [("the president", "named")],
        ),
        (
            "The minister was forced to admit that the figures were wrong.",
            "the figures were wrong",
            [("The minister", "named")],
        ),
        # a request verb is a cue itself: what it asks for is its subject's, not the object's word
        (
            "Harbor Gate asked the court to rule that the contract was void.",
            "the contract was void",
            [("Harbor Gate", "named")],
        ),
    ],
)
def test_the_object_of_a_causative_verb_tells_the_infinitives_content(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "Sky News has learnt that the retailer is preparing to close 40 stores.",
            "preparing to close 40 stores",
            [("Sky News", "outlet")],
        ),
        # a lower-case, hyphenated name the entity model misses
        (
            "just-food understands the brewer is in talks to sell its cider business.",
            "in talks to sell its cider business",
            [("just-food", "outlet")],
        ),
        (
            "The brewer is in talks to sell its cider business, just-food understands.",
            "in talks to sell its cider business",
            [("just-food", "outlet")],
        ),
        (
            "The brewer is in talks, the Guardian understands.",
            "The brewer is in talks",
            [("Guardian", "outlet")],
        ),
        (
            "Harbor Daily can reveal that the contract was never signed.",
            "the contract was never signed",
            [("Harbor Daily", "outlet")],
        ),
        # a person, a company or a public body that learns or understands stays what it is
        (
            "Rana Odero has learnt that her contract will not be renewed.",
            "her contract will not be renewed",
            [("Rana Odero", "named")],
        ),
        (
            "The minister understands that voters are angry.",
            "voters are angry",
            [("The minister", "named")],
        ),
        (
            "Harbor Gate Holdings has learned that its data was stolen.",
            "its data was stolen",
            [("Harbor Gate Holdings", "named")],
        ),
        (
            # "the company" with no company named before is its own actor, lower-cased like an anonymous source
            "The company has learned that its data was stolen.",
            "its data was stolen",
            [("the company", "named")],
        ),
    ],
)
def test_an_outlet_telling_its_own_scoop_is_an_outlet(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "The police suspended the inquiry after the woman who alleged she had been attacked died.",
            "she had been attacked",
            [("the woman", "anonymous")],
        ),
        (
            "The council answered a call from some refugees, who feared that measles had broken out.",
            "measles had broken out",
            [("some refugees", "anonymous")],
        ),
        (
            "A passenger said the plane shook violently.",
            "the plane shook violently",
            [("a passenger", "anonymous")],
        ),
        (
            "A cabinet minister said the budget would be delayed.",
            "the budget would be delayed",
            [("a cabinet minister", "anonymous")],
        ),
        # a description narrowed by a clause is not the titled person named before
        (
            "Prime Minister Rana Odero says the cabinet minister accused of taking bribes has denied the "
            "allegation.",
            "the allegation",
            [("Rana Odero", "named"), ("the cabinet minister", "anonymous")],
        ),
        # the office alone, or the office of a named body, still names its holder
        (
            "Ali Saleh, the information minister, said the port was open. The minister added that ships "
            "were waiting.",
            "ships were waiting",
            [("Ali Saleh", "named")],
        ),
        (
            "The BJP's minority unit chief confirmed the remarks.",
            "the remarks",
            [("The BJP's minority unit chief", "named")],
        ),
    ],
)
def test_people_the_text_does_not_name_are_anonymous(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected
