"""A made-up page's parts and the chrome helpers the chrome test files share. All names are fictional."""

from __future__ import annotations

from sourcetrace.analysis import analyze_text
from sourcetrace.structure import detect_structure

HEAD = "Dock strike ends in Lisbon after four days"
STORY = "The port authority said on Friday that ships would be unloaded again from Saturday morning."
QUOTE = '"We have a fair agreement," union leader Rui Costa told reporters outside the port.'


def chrome(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every chrome block the structure stage finds in `text`."""
    return [(c.kind, c.span.text) for c in detect_structure(text).structure.chrome]


def actor_names(text: str) -> set[str]:
    """Every name and alias of the actors the whole analysis finds in `text`."""
    return {n for a in analyze_text(text).actors for n in (a.name, *a.aliases)}
