"""Span helpers every test shares (the fixtures are in tests/conftest.py)."""

from __future__ import annotations

from sourcetrace.model import Span


def span_at(text: str, start: int, end: int) -> Span:
    """Characters [start, end) of `text` as a Span."""
    return Span(start=start, end=end, text=text[start:end])


def span_of(text: str, words: str, nth: int = 0) -> Span:
    """The span of the `nth` (0-based) place `words` appear in `text`; ValueError if there is none."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return span_at(text, start, start + len(words))
