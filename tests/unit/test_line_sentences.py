"""A line break ends a sentence before the parser reads it (`sourcetrace.nlp.line_sentences`).

Left to itself, the parser ran a headline with no full stop into the first paragraph: in
"Strike ends\\n\\nPolice on Monday said P", "Strike" was the subject and told P."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.nlp import get_pipeline


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in get_pipeline()(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("Strike ends", "Police on Monday said three men were arrested."),
        ("Port stays open after talks", "Officials said the ferries would run on time."),
        ("By Ana Lima | Harbor Daily", "The mayor said taxes would rise."),
    ],
)
def test_a_line_without_a_full_stop_is_a_sentence_of_its_own(headline: str, body: str) -> None:
    assert _sentences(f"{headline}\n\n{body}") == [headline, body]


def test_the_source_is_in_the_paragraph_not_the_headline() -> None:
    analysis = analyze_text("Strike ends\n\nPolice on Monday said three men were arrested.")
    claim = next(c for c in analysis.claims if "three men" in c.content.text)
    assert [link.label for link in claim.chain] == ["Police"]


def test_a_line_that_goes_on_in_lower_case_is_no_new_sentence() -> None:
    # a pasted sentence broken before "saying": the parser decides, and keeps it one
    text = "He described the situation as “a terrible one”\nsaying a delegation has been sent."
    assert len(_sentences(text)) == 1


def test_a_hard_wrap_is_no_sentence_break() -> None:
    text = (
        "The minister told reporters on Monday that the new port at the mouth of\n"
        "River Dansa would open in May."
    )
    assert len(_sentences(text)) == 1


@pytest.mark.parametrize(
    "body",
    [
        '"We will not sell the land," said\nAna Lima, the mayor of the town.',
        "The strike had cost\n12 million dollars, according to a union statement.",
    ],
)
def test_a_sentence_broken_across_short_lines_stays_one(body: str) -> None:
    # a single break after a word that ends no sentence is left to the parser (found in review)
    assert len(_sentences(body)) == 1
