"""Span helpers: every span's text is exactly `text[start:end]`."""

from __future__ import annotations

from sourcetrace.model import Span

_EDGE = " \t\r\n\u00a0.,;:!?\"'“”‘’()[]{}—–-"


def make_span(text: str, start: int, end: int) -> Span:
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Span(start=start, end=end, text=text[start:end])


def trim(text: str, start: int, end: int, chars: str = _EDGE) -> tuple[int, int]:
    """Narrow [start, end) past leading and trailing spaces and punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def trimmed_span(text: str, start: int, end: int, chars: str = _EDGE) -> Span:
    return make_span(text, *trim(text, start, end, chars))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end
