"""Attributions: source + cue + content, nested, with document frames (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcetrace.model import Actor, Article, Attribution


def find_attributions(
    doc: Doc, article: Article, actors: list[Actor]
) -> tuple[list[Attribution], list[Actor]]:
    """Attributions found, and the actors list extended with anonymous/document sources."""
    return [], actors
