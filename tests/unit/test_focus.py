"""The shared focus (sourcetrace.focus) on the hand-made analysis: its URL form, what it names,
which actors and events it lights up, and which claims come first."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sourcetrace.focus import Focus, actor_ids, event_ids, order_claims


@pytest.mark.parametrize(
    ("value", "parsed"),
    [("actor:a3", Focus(type="actor", id="a3")), ("claim:c1", Focus(type="claim", id="c1")),
     ("event:e2", Focus(type="event", id="e2")), ("bogus:a1", None), ("actor:", None), ("", None),
     (None, None), ("actor", None)],
)
def test_focus_in_the_url(value, parsed):
    assert Focus.parse(value) == parsed
    if parsed:
        assert str(parsed) == value


def test_a_focus_is_typed():
    with pytest.raises(ValidationError):
        Focus(type="bogus", id="a1")
    with pytest.raises(ValidationError):
        Focus(type="actor", id="")
    focus = Focus(type="actor", id="a1")
    assert (focus.of("actor"), focus.of("claim"), focus.of("event")) == ("a1", None, None)
    assert hash(focus) == hash(Focus(type="actor", id="a1"))  # frozen: usable as a key


def test_what_a_focus_names(made_up_analysis):
    assert Focus(type="actor", id="a2").label(made_up_analysis) == "<Bob>"
    claim = Focus(type="claim", id="c1").label(made_up_analysis)
    assert claim == "claim: Ali Reza met <Bob> in Paris on 2 May 2007"
    assert Focus(type="event", id="e2").label(made_up_analysis) == "event: the talks"
    assert Focus(type="actor", id="nope").label(made_up_analysis) is None
    assert Focus(type="claim", id="c3").exists_in(made_up_analysis)
    assert not Focus(type="event", id="e9").exists_in(made_up_analysis)


def test_the_actors_a_focus_lights(made_up_analysis):
    assert actor_ids(made_up_analysis, None) == (None, set())
    assert actor_ids(made_up_analysis, Focus(type="actor", id="a1")) == ("a1", {"a1", "a2", "a3", "a4"})
    assert actor_ids(made_up_analysis, Focus(type="claim", id="c1")) == (None, {"a1", "a2", "a3", "a4", "a5"})
    assert actor_ids(made_up_analysis, Focus(type="event", id="e1")) == (None, {"a1", "a2"})
    assert actor_ids(made_up_analysis, Focus(type="actor", id="nope")) == (None, set())


def test_the_events_a_focus_concerns(made_up_analysis):
    assert event_ids(made_up_analysis, None) == set()
    assert event_ids(made_up_analysis, Focus(type="actor", id="a2")) == {"e1"}
    assert event_ids(made_up_analysis, Focus(type="claim", id="c1")) == {"e1"}
    assert event_ids(made_up_analysis, Focus(type="event", id="e2")) == {"e2"}
    assert event_ids(made_up_analysis, Focus(type="event", id="e9")) == set()


def test_claims_about_the_focus_come_first(made_up_analysis):
    claims, analysis = made_up_analysis.claims, made_up_analysis
    assert [c.id for c in order_claims(claims, analysis, None)] == ["c1", "c2", "c3"]
    assert [c.id for c in order_claims(claims, analysis, Focus(type="actor", id="a1"))] == ["c1", "c3", "c2"]
    assert [c.id for c in order_claims(claims, analysis, Focus(type="event", id="e2"))] == ["c2", "c1", "c3"]
    # a focused claim keeps its place in the panel (its card does not jump to the top)
    assert [c.id for c in order_claims(claims, analysis, Focus(type="claim", id="c3"))] == ["c1", "c2", "c3"]
