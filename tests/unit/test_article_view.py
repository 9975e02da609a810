"""The interactive article text's decisions (sourcetrace.render.article_view and friends): which
runs of text are marked, with which classes, actor, claims and events; the keyboard stops; what a
focus lights; the tooltips' chains; a selection as a correction's words."""

from __future__ import annotations

import pytest

from sourcetrace import render
from sourcetrace.focus import Focus
from sourcetrace.model import Actor, Analysis, Article, ChainLink, Claim
from tests.conftest import MADE_UP_TEXT
from tests.helpers import span_of


def _run(view: dict, words: str, nth: int = 0) -> list:
    span = span_of(MADE_UP_TEXT, words, nth)
    return next(r for r in view["runs"] if r[0] == span.start and r[1] == span.end)


def test_runs_carry_classes_actor_claims_events_and_stops(made_up_analysis):
    view = render.article_view(made_up_analysis)
    assert view["text"] == MADE_UP_TEXT
    s = MADE_UP_TEXT.index("Ali Reza")
    # the name inside claim c1 and the sentence of event e1: a name's keyboard stop
    assert _run(view, "Ali Reza") == [s, s + 8, "st-ent st-claim", "a1", ["c1"], ["e1"], 1]
    # the claim's words after the name: the claim's own stop (its first run is a name)
    met = MADE_UP_TEXT.index(" met ")
    assert _run(view, " met ") == [met, met + 5, "st-claim", "", ["c1"], ["e1"], 2]
    # a sentence with an event and nothing else is marked (for the event's focus), never a stop
    said = MADE_UP_TEXT.index(" said that ")
    assert _run(view, " said that ") == [said, said + 11, "", "", [], ["e1"], 0]
    # the runs are in order and never overlap; unmarked text lies between them
    starts = [r[0] for r in view["runs"]]
    assert starts == sorted(starts)
    assert all(a[1] <= b[0] for a, b in zip(view["runs"], view["runs"][1:], strict=False))
    assert view["actors"]["a2"] == {"tip": "<Bob> · PERSON · named", "color": "#2f6fb0", "name": "<Bob>"}
    assert view["claims"]["c1"] == {
        "chain": [["Daily Planet", "publisher"], ["An official", "anonymous source"]],
        "note": "anonymous source · 1 hop",
    }
    assert view["claims"]["c3"]["note"] == "named source · 1 hop · denial"


def test_hidden_types_leave_their_names_unmarked(made_up_analysis):
    view = render.article_view(made_up_analysis, visible_types={"GPE"})
    assert {r[3] for r in view["runs"]} == {"", "a3"}
    assert set(view["actors"]) == {"a3"}
    # Ali Reza is still claim text, no longer a name: one run up to Paris
    assert _run(view, "Ali Reza met <Bob> in ")[2:5] == ["st-claim", "", ["c1"]]


def test_nested_claims_list_the_innermost_first():
    text = "He said she said the port closed."
    outer, inner = span_of(text, "she said the port closed"), span_of(text, "the port closed")
    analysis = Analysis(
        article=Article(text=text),
        claims=[Claim(id="c1", content=outer, chain=[]), Claim(id="c2", content=inner, chain=[])],
    )
    view = render.article_view(analysis)
    assert [r[4] for r in view["runs"]] == [["c1"], ["c2", "c1"]]
    assert [r[6] for r in view["runs"]] == [2, 2]


def test_a_focus_lights_its_marks_and_names_what_to_scroll_to(made_up_analysis):
    actor = render.article_focus(made_up_analysis, Focus(type="actor", id="a1"))
    assert actor == {"key": "actor:a1", "primary": "a1", "linked": ["a2", "a3", "a4"], "claim": "",
                     "event": "", "target": "actor"}
    claim = render.article_focus(made_up_analysis, Focus(type="claim", id="c2"))
    assert claim == {"key": "claim:c2", "primary": "", "linked": ["a5", "a6"], "claim": "c2",
                     "event": "", "target": "claim"}
    event = render.article_focus(made_up_analysis, Focus(type="event", id="e1"))
    assert (event["event"], event["target"], event["linked"]) == ("e1", "event", ["a1", "a2"])
    none = {"key": "", "primary": "", "linked": [], "claim": "", "event": "", "target": ""}
    assert render.article_focus(made_up_analysis, None) == none
    assert render.article_focus(made_up_analysis, Focus(type="claim", id="c99")) == none


def test_a_selection_becomes_words_and_their_occurrence():
    text = "Ali Reza met Bob. Later Ali Reza left."
    second = text.index("Ali Reza", 5)
    assert render.selection_words(text, second - 1, second + 9) == ("Ali Reza", 1)
    assert render.selection_words(text, 0, 8) == ("Ali Reza", 0)
    with pytest.raises(ValueError, match="Select some words"):
        render.selection_words(text, 8, 9)
    with pytest.raises(ValueError, match="not inside"):
        render.selection_words(text, 30, 99)
    # "aa" at 1 overlaps the first "aa": the correction's target could not find it
    with pytest.raises(ValueError, match="overlap"):
        render.selection_words("aaa", 1, 3)


def test_choices_offer_types_kinds_and_sources(made_up_analysis):
    choices = render.correction_choices(made_up_analysis)
    assert choices["types"][:2] == ["PERSON", "ORG"]
    assert choices["kinds"] == ["named", "anonymous", "publisher", "outlet", "document"]
    assert choices["publisher"] == "Daily Planet"
    assert choices["sources"][0] == ["", "no source: the article's own voice"]
    assert choices["sources"][1:3] == [["a2", "<Bob> (named source)"], ["a6", "A report (document)"]]
    assert choices["sources"][-1] == ["a5", "Daily Planet (publisher)"]


def test_text_html_escapes_and_keeps_line_breaks_without_newlines():
    out = render.text_html('a <b>\n\n# x "q"\r\nz')
    assert str(out) == "a &lt;b&gt;&#10;&#10;# x &quot;q&quot;&#10;z"


def test_chain_text_and_link_kinds():
    claim = Claim(id="c", content=span_of("x", "x"), chain=[
        ChainLink(label="NCRI", kind="publisher"), ChainLink(label="al-Malaf", kind="outlet"),
        ChainLink(label="an official", kind="anonymous")])
    assert render.chain_text(claim) == "NCRI › al-Malaf › an official"
    assert render.actor_link_kind("anonymous") == "anonymous"
    assert render.actor_link_kind("bogus") == "named"
    assert Actor(id="a", name="x", type="ORG", kind="outlet").kind == render.actor_link_kind("outlet")
