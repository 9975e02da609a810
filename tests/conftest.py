"""Shared fixtures: the bundled article and its analysis (computed once per test session), and a
hand-made analysis whose every id is known (no engine involved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcetrace.model import Actor, Analysis, Article, ChainLink, Claim, Event, Relation, Span
from tests.helpers import span_of

# the banner (and CI failure) when browser tests are skipped; pytester for the banner's own tests
pytest_plugins = ["tests.browser_guard", "pytester"]

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "articles" / "ncri-2007-07-10-iranian-ambassador-iraq-security.txt"


@pytest.fixture(scope="session")
def nlp():
    """The shared spaCy pipeline (sourcetrace.nlp loads it once per process)."""
    from sourcetrace.nlp import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled_analysis():
    from sourcetrace.analysis import analyze_article
    from sourcetrace.load import load_path

    return analyze_article(load_path(BUNDLED))


MADE_UP_TEXT = (
    "Daily Planet\n\n"
    "An official said that Ali Reza met <Bob> in Paris on 2 May 2007.\n"
    "A report says the talks ran from 2005 to 2006. Ali Reza denied it."
)


def _span(words: str, nth: int = 0) -> Span:
    return span_of(MADE_UP_TEXT, words, nth)


@pytest.fixture
def made_up_analysis() -> Analysis:
    """Six actors, three relations, two events and three claims, every id known (no engine)."""
    article = Article(
        text=MADE_UP_TEXT, title="A made-up story", publisher="Daily Planet", published="2007-05-03"
    )
    actors = [
        Actor(id="a1", name="Ali Reza", type="PERSON", kind="named",
              mentions=[_span("Ali Reza"), _span("Ali Reza", 1)], aliases=["Reza"]),
        Actor(id="a2", name="<Bob>", type="PERSON", kind="named", mentions=[_span("<Bob>")]),
        Actor(id="a3", name="Paris", type="GPE", kind="named", mentions=[_span("Paris")]),
        Actor(id="a4", name="An official", type="PERSON", kind="anonymous", mentions=[_span("An official")]),
        Actor(id="a5", name="Daily Planet", type="ORG", kind="publisher", mentions=[_span("Daily Planet")]),
        Actor(id="a6", name="A report", type="DOCUMENT", kind="document", mentions=[_span("A report")]),
    ]
    sentence = _span("An official said that Ali Reza met <Bob> in Paris on 2 May 2007.")
    relations = [
        Relation(source="a1", target="a2", kind="meet", label="met", weight=3.0, evidence=[sentence]),
        Relation(source="a1", target="a3", kind="co-occurrence", weight=1.0, evidence=[sentence]),
        Relation(source="a4", target="a1", kind="source-of", weight=2.0, evidence=[sentence]),
    ]
    events = [
        Event(id="e1", label="Ali Reza met Bob", start="2007-05-02", end="2007-05-02", precision="day",
              evidence=sentence, actors=["a1", "a2"]),
        Event(id="e2", label="the talks", start="2005-01-01", end="2006-12-31", precision="year",
              evidence=_span("A report says the talks ran from 2005 to 2006."), uncertain=True),
    ]
    claims = [
        Claim(id="c1", content=_span("Ali Reza met <Bob> in Paris on 2 May 2007"), actors=["a1", "a2", "a3"],
              events=["e1"], chain=[ChainLink(label="Daily Planet", kind="publisher", actor="a5"),
                                    ChainLink(label="An official", kind="anonymous", actor="a4")]),
        Claim(id="c2", content=_span("the talks ran from 2005 to 2006"), hedged=True,
              chain=[ChainLink(label="Daily Planet", kind="publisher", actor="a5"),
                     ChainLink(label="A report", kind="document", actor="a6")]),
        Claim(id="c3", content=_span("it"), stance="denies",
              chain=[ChainLink(label="Daily Planet", kind="publisher", actor="a5"),
                     ChainLink(label="Ali Reza", kind="named", actor="a1")]),
    ]
    return Analysis(article=article, actors=actors, relations=relations, events=events, claims=claims)
