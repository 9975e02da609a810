"""Span edges keep brackets balanced (spans.trim): a trailing ")" whose "(" is inside the span is
part of the span ("Sen. Ada Brink (R-Iowa)"); a stray one outside is still trimmed. Invented text."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.spans import trim


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen. Ada Brink (R-Iowa).", "Sen. Ada Brink (R-Iowa)"),
        ("Rep. Ola Finn (D-Calif.),", "Rep. Ola Finn (D-Calif.)"),
        ("the report [PDF]", "the report [PDF]"),
        ("the union (and its lawyers) ", "the union (and its lawyers)"),
        # look-alikes: a closing bracket with no opener inside, or an opener never closed
        ("he said), ", "he said"),
        ("(the mayor", "the mayor"),
        ("the deal (first reported in May)).", "the deal (first reported in May)"),
        ("  (Reuters) ", "Reuters"),
    ],
)
def test_trim_keeps_a_closed_bracket(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def _source_of(text: str, content_words: str) -> str:
    analysis = analyze_text(text)
    att = next(a for a in analysis.attributions if content_words in a.content.text)
    assert att.source is not None
    return att.source.text


@pytest.mark.parametrize(
    ("text", "content_words", "expected"),
    [
        (
            "Sen. Dara Quill (R-Iowa) said the farm bill would fail in the Senate.",
            "farm bill",
            "Sen. Dara Quill (R-Iowa)",
        ),
        (
            "Rep. Mina Sole (D-Calif.) told reporters that the vote would be close.",
            "vote would be close",
            "Rep. Mina Sole (D-Calif.)",
        ),
        (
            "Rep. Ivo Marsh, R-Ohio, said the budget was late.",
            "budget was late",
            "Rep. Ivo Marsh, R-Ohio",
        ),
    ],
)
def test_party_state_parenthetical_stays_whole_in_the_source(
    text: str, content_words: str, expected: str
) -> None:
    assert _source_of(text, content_words) == expected
