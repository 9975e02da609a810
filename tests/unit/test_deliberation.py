"""'consider' that weighs a course of action reports no view (development set I's missed claims)."""

from __future__ import annotations

import pytest

from sourcetrace.attributions import find_attributions
from sourcetrace.model import Article
from sourcetrace.nlp import get_pipeline


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def found(nlp, text: str) -> list[tuple[str | None, str, str]]:
    doc = nlp(text)
    atts, _ = find_attributions(doc, Article(text=text), [], disabled_rules=("learned_cues",))
    return [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in atts if not a.frame]


def test_weighing_options_is_what_an_outlet_reports_not_a_view(nlp):
    text = "The government will consider options for responding to the leak, the agency wrote."
    assert found(nlp, text) == [
        ("the agency", "wrote", "The government will consider options for responding to the leak")
    ]
    assert found(nlp, "The board may consider a bid from a rival.") == []


@pytest.mark.parametrize(
    "text",
    ["The minister considers the plan unworkable.", "Analysts consider that the bank will cut rates."],
)
def test_a_view_with_consider_stays_a_cue(nlp, text):
    assert [cue for _, cue, _ in found(nlp, text)] == ["considers" if "considers" in text else "consider"]
