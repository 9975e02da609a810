"""AppTest helpers for the claims panel: what its component was sent, and a click on it."""

from __future__ import annotations

import itertools
import json

from streamlit.testing.v1 import AppTest

_CLICKS = itertools.count(1)


def panel(at: AppTest) -> dict:
    """What the claims panel's component was sent (sourcetrace.panel.claims_panel).

    AppTest has no typed accessor for a components-v2 element: `at.get("bidi_component")` gives
    the generic element, whose proto carries the component's name and data. That is test-only
    reliance on Streamlit's message format (tests/app/test_pages.py reads the article component
    the same way); the app itself uses public API only."""
    found = [e.proto for e in at.get("bidi_component") if e.proto.component_name == "sourcetrace_claims"]
    assert len(found) == 1, "the claims panel is one component"
    return json.loads(found[0].json)["panel"]


def cards(at: AppTest) -> list[str]:
    """The claim ids of the cards the panel draws, in order."""
    return [c["id"] for c in panel(at)["cards"]]


def focus_label(at: AppTest) -> str | None:
    line = panel(at)["focus"]
    return line["label"] if line else None


def shown_line(at: AppTest) -> str | None:
    """The "n of N shown · why" line as the reader sees it, or None when every claim is listed."""
    shown = panel(at)["shown"]
    return f"{shown['n']} of {shown['total']} shown · {shown['why']}" if shown else None


def click(at: AppTest, view: str, op: str, claim_id: str | None = None) -> None:
    """A click on the panel of `view` as its frontend sends it ({op, id, n}); the app then runs."""
    at.session_state[f"claims-{view}"] = {"action": {"op": op, "id": claim_id, "n": next(_CLICKS)}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
