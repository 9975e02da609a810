"""Article structure in plain text: publisher line, headline, datelines, boilerplate (stub)."""

from __future__ import annotations

from dataclasses import dataclass

from sourcetrace.model import ArticleStructure


@dataclass
class FoundStructure:
    structure: ArticleStructure
    title: str | None = None
    publisher: str | None = None
    published: str | None = None


def detect_structure(text: str) -> FoundStructure:
    return FoundStructure(structure=ArticleStructure())
