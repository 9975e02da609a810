"""Actors: spaCy entities resolved into people and organisations (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcetrace.model import Actor, Article


def extract_actors(doc: Doc, article: Article) -> list[Actor]:
    return []
