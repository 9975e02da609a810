"""Relations between actors: co-occurrence, typed (dependency) and source-of edges (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcetrace.model import Actor, Attribution, Relation


def build_relations(doc: Doc, actors: list[Actor], attributions: list[Attribution]) -> list[Relation]:
    return []
