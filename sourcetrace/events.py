"""Events: dated happenings on the timeline (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcetrace.model import Actor, Article, Event


def extract_events(doc: Doc, article: Article, actors: list[Actor]) -> tuple[list[Event], list[str]]:
    """Events, and warnings (e.g. relative dates left unresolved for lack of a publication date)."""
    return [], []
