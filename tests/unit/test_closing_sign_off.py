"""A story with no dateline that closes with a news agency's sign-off ("— AFP", "(Reuters)", "-AFP",
"... said. (AFP)") is that agency's copy: the sign-off frames the body as a wire dateline would,
and is chrome. Look-alikes keep what they had. Invented text; the agencies are the gazetteer's."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text

HEAD = "Ministry denies report of port closure\n\n"
BODY = (
    "The foreign ministry on Sunday denied a report that the port would close next month.\n\n"
    '"There is no such plan," spokesman Ali Noor told reporters.'
)


def _chain(text: str, content_words: str) -> list[str]:
    claim = next(c for c in analyze_text(text).claims if content_words in c.content.text)
    return [link.label for link in claim.chain]


@pytest.mark.parametrize(
    ("ending", "agency"),
    [
        ("\n\n— AFP", "AFP"),
        ("\n\n(Reuters)", "Reuters"),
        ("\n\n-Reuters", "Reuters"),
        ("\n\n-- Xinhua", "Xinhua"),
        ("\n\n— The Associated Press", "The Associated Press"),
        (" (AFP)", "AFP"),
        ("\n\n— AFP\n\nShare this article\n\nLeave a comment", "AFP"),
    ],
)
def test_agency_sign_off_frames_the_story(ending: str, agency: str) -> None:
    analysis = analyze_text(HEAD + BODY + ending)
    frames = [d.source for d in analysis.article.structure.datelines]
    assert frames == [agency]
    assert _chain(HEAD + BODY + ending, "There is no such plan") == [agency, "Ali Noor"]
    assert not any(agency in c.content.text for c in analysis.claims)


@pytest.mark.parametrize(
    "ending",
    [
        "\n\n— Ana Lima",  # a reporter's sign-off names no agency
        "\n\n— Staff",
        "\n\n— AFP\n\nThe port reopened on Monday, the harbour master said.",  # story text after it
        "\n\n— The Economist",  # a magazine's epigraph credit: an outlet, no news agency
        "\n\n— Sana",  # first names, not SANA or ANI
        "\n\n— Ani",
        "\n\nSources:\n\n- Reuters",  # a list of sources
        "\n\n- Reuters\n- AFP",
        # a live blog signs each entry: the last signature does not frame the others
        "\n\n— Reuters\n\nThe port reopened on Monday, the harbour master said.\n\n— AFP",
    ],
)
def test_no_agency_sign_off_no_frame(ending: str) -> None:
    analysis = analyze_text(HEAD + BODY + ending)
    assert analysis.article.structure.datelines == []
    assert _chain(HEAD + BODY + ending, "There is no such plan") == ["Ali Noor"]


def test_a_leading_dateline_keeps_its_frame() -> None:
    text = HEAD + "KARACHI (Reuters) - " + BODY + "\n\n— AFP"
    frames = [d.source for d in analyze_text(text).article.structure.datelines]
    assert frames == ["Reuters"]


def test_a_dash_glued_to_the_last_sentence_keeps_its_speaker() -> None:
    # "said.—Reuters" is left alone: the last sentence's speaker stays its speaker
    text = HEAD + BODY + "\n\nOfficials said the port will reopen on Monday.—Reuters"
    assert _chain(text, "port will reopen")[-1] == "Officials"


def test_a_parenthesised_agency_after_the_last_sentence_frames_it_and_keeps_its_speaker() -> None:
    text = HEAD + BODY + "\n\nOfficials said the port will reopen on Monday. (Reuters)"
    assert [d.source for d in analyze_text(text).article.structure.datelines] == ["Reuters"]
    assert _chain(text, "port will reopen") == ["Reuters", "Officials"]
