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
