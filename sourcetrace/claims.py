"""Claims: one proposition with its whole attribution chain, outermost first (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcetrace.model import Actor, Article, Attribution, Claim


def build_claims(
    doc: Doc, article: Article, attributions: list[Attribution], actors: list[Actor]
) -> list[Claim]:
    return []
