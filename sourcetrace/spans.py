"""Span helpers: every span's text is exactly `text[start:end]`."""

from __future__ import annotations

import re

from sourcetrace.model import Span

_EDGE = " \t\r\n\u00a0.,;:!?\"'“”‘’()[]{}—–-"
_PAIRS = {")": "(", "]": "[", "}": "{"}
# what `quote_regions` reads: a pair of '' or `` (one mark, as TeX and some feeds write it; before the
# single characters, so "''" is never two), a line break, a curly or angled quote, a straight quote
_QUOTE_MARKS = re.compile("''|``|[\n“«”»\"]")


def make_span(text: str, start: int, end: int) -> Span:
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Span(start=start, end=end, text=text[start:end])


def trim(text: str, start: int, end: int, chars: str = _EDGE) -> tuple[int, int]:
    """Narrow [start, end) past leading and trailing spaces and punctuation, but never past a closing
    bracket whose opening one stays inside: "Sen. Ada Brink (R-Iowa)", not "Sen. Ada Brink (R-Iowa"."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        opener = _PAIRS.get(text[end - 1])
        if opener is not None and _unclosed(text, start, end - 1, opener, text[end - 1]):
            break
        end -= 1
    return start, end


def _unclosed(text: str, start: int, end: int, opener: str, closer: str) -> bool:
    """Does text[start:end] open `opener` more often than it closes it?"""
    part = text[start:end]
    return part.count(opener) > part.count(closer)


def trimmed_span(text: str, start: int, end: int, chars: str = _EDGE) -> Span:
    return make_span(text, *trim(text, start, end, chars))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Quoted stretches, quote marks included; a line break closes a quote left open. The text is
    read mark by mark (`_QUOTE_MARKS`), not character by character: the stages ask this of every
    article twice, and a Python loop over each character was 2 % of an analysis."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            if opened is not None:
                regions.append((opened, i))
                opened = None
        elif ch in "“«" or (ch == "”" and opened is None and _opens_line(text, i)):
            # a closing mark typed at the start of a line ("”Fear. I am ...") opens a quote
            opened = i if opened is None else opened
        elif ch in "”»":
            if opened is not None:
                regions.append((opened, i + 1))
                opened = None
        elif opened is None:  # a straight double quote, or a pair of '' or ``
            opened = i
        else:
            regions.append((opened, m.end()))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _opens_line(text: str, i: int) -> bool:
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip() and i + 1 < len(text) and text[i + 1].isalnum()
