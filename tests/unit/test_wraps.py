"""Hard-wrapped copy (sourcetrace.wraps): a paragraph broken at a fixed width reads as the
paragraph, and every span still reads the article's own characters. Made-up texts only."""

from __future__ import annotations

import re

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.attributions.clauses import is_line_wrap
from sourcetrace.model import Span
from sourcetrace.wraps import goes_on, unwrap

# a wire story as a terminal or an e-mail shows it: no blank lines, a paragraph ends with its sentence
WIRE = (
    "June 4 Harbor Gate Holdings is willing to sell two of its\n"
    "ports to win approval for its takeover of Kivuli Mining Ltd,\n"
    "Bloomberg reported on Thursday, citing two people familiar\n"
    "with the matter.\n"
    "The company has already offered to sell assets worth half that\n"
    "amount, one of the people told Bloomberg.\n"
    "Harbor Gate did not respond to a request for comment.\n"
)

PARAGRAPHS = [
    "The finance minister, Amina Okafor, said on Tuesday that the government would not raise "
    "fuel prices this year, despite pressure from the International Monetary Fund.",
    "\u201cWe will not put the burden on ordinary families,\u201d Okafor told reporters in the "
    "capital. She said the budget had room for the subsidy until December.",
    "According to a document seen by the Morning Herald, the fund had asked for the subsidy to "
    "end by March. A spokesman for the fund declined to comment.",
]


def hard_wrap(text: str, width: int) -> str:
    """`text` broken at the last space before `width` on every line (same length)."""
    out, col, last = list(text), 0, None
    for i, ch in enumerate(text):
        if ch == "\n":
            col, last = 0, None
            continue
        col += 1
        if ch == " ":
            last = i
        if col > width and last is not None:
            out[last], col, last = "\n", i - last, None
    return "".join(out)


def test_a_wire_story_wrapped_without_blank_lines_reads_as_its_paragraphs():
    out = unwrap(WIRE)
    assert len(out) == len(WIRE)
    assert out.splitlines() == [
        "June 4 Harbor Gate Holdings is willing to sell two of its ports to win approval for its "
        "takeover of Kivuli Mining Ltd, Bloomberg reported on Thursday, citing two people familiar "
        "with the matter.",
        "The company has already offered to sell assets worth half that amount, one of the people "
        "told Bloomberg.",
        "Harbor Gate did not respond to a request for comment.",
    ]


def test_paragraphs_set_apart_by_blank_lines_keep_them_and_lose_only_the_wraps():
    text = hard_wrap("\n\n".join(PARAGRAPHS), 64)
    assert text.count("\n") > 8
    assert unwrap(text) == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("text", [
    # a pasted web page: a line is a paragraph, chrome lines end without a stop
    "Daily Planet\nHome | World | Business\nHarbor Gate chief resigns\nBy Jane Doe | June 4, 2024\n"
    "The chief executive of Harbor Gate resigned on Tuesday, the company said in a statement.\n"
    "Share this\nRelated stories\nKivuli Mining posts record profit\n",
    # a short list whose lines go on in lower case: too narrow for a wrap width
    "We need:\neggs\nflour\nmilk\nand sugar\n",
    # one paragraph, no breaks
    PARAGRAPHS[0],
])
def test_text_that_is_not_hard_wrapped_is_left_alone(text):
    assert unwrap(text) == text


def _spans(node):
    if isinstance(node, Span):
        yield node
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _spans(item)
    elif hasattr(node, "__pydantic_fields__"):
        for name in type(node).model_fields:
            yield from _spans(getattr(node, name))


def _reading(analysis):
    """What a reader sees of an analysis, line breaks read as spaces."""
    def flat(s: str) -> str:
        return re.sub(r"\s+", " ", s)

    return (
        sorted(flat(a.name) for a in analysis.actors),
        [([flat(link.label) for link in c.chain], c.stance, c.content.start, c.content.end)
         for c in analysis.claims],
        sorted((r.actor, flat(r.cue.text)) for r in analysis.responses),
    )


@pytest.mark.parametrize("width", [52, 64, 72])
def test_a_hard_wrapped_article_is_analysed_as_its_paragraphs(width):
    plain = "Morning Herald\n\n" + "\n\n".join(PARAGRAPHS)
    wrapped = hard_wrap(plain, width)
    assert wrapped != plain
    expected, got = analyze_text(plain), analyze_text(wrapped)
    assert got.article.text == wrapped  # the article is shown as pasted
    assert _reading(got) == _reading(expected)
    for span in _spans(got):
        assert wrapped[span.start:span.end] == span.text


def test_a_cue_broken_across_a_wrap_keeps_its_chain():
    analysis = analyze_text(WIRE)
    chains = {tuple(link.label for link in c.chain) for c in analysis.claims}
    assert ("Bloomberg", "two people familiar with the matter") in chains
    for span in _spans(analysis):
        assert WIRE[span.start:span.end] == span.text


def test_a_wire_revision_note_wrapped_at_the_top_is_chrome_not_a_claim():
    note = ("(Corrects paragraph 2 to say the Morning Herald reported that Kivuli Mining was in\n"
            "talks with two banks. Kivuli has made no announcement)\n")
    text = note + WIRE
    analysis = analyze_text(text)
    chrome = [c.span for c in analysis.article.structure.chrome]
    assert any(s.start == 0 and s.end == len(note) - 1 for s in chrome)
    assert all(c.content.start >= len(note) for c in analysis.claims)
    assert analysis.article.title is None or not analysis.article.title.startswith("(")


def test_a_hard_wrap_has_one_definition_for_unwrapping_and_for_clauses():
    # wraps.goes_on decides both whether a page is hard-wrapped and where a clause's paragraph ends
    assert goes_on("Marta Quintela, the board's chair, said", "the repairs would start")
    assert goes_on("for the board to act before the storms come back to the coast,”", "she said.")
    assert goes_on("said in an interview with", "Journalists on Monday")
    assert not goes_on("the old pier.", "Marta Quintela said")
    assert not goes_on("laid out a broad slate of problems", "American firm Lusa said P.")
    assert not goes_on("the plan (see the map)", "the board met")  # a closing mark ends its line
    assert not goes_on("Housing Plan Unveiled", "the council approved it on Monday.")  # a heading's shape
    assert goes_on("Housing Minister Ana Lopes said", "the council approved it on Monday.")
    text = "The talks went on,\nthe minister said."
    assert is_line_wrap(text, text.index("\n"))
    assert not is_line_wrap("The talks went on,\n\nthe minister said.", len("The talks went on,"))
