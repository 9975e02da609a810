"""A story with no dateline that closes with a news agency's sign-off ("— AFP", "(Reuters)", glued
"... said.—Reuters") is that agency's copy: the sign-off frames the body as a wire dateline would,
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
        ("—Reuters", "Reuters"),
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
