"""Faster scans with the same matches: a pattern told which characters can open a match.

The lexicons become long alternations behind a word boundary ("\\b(?:reportedly|allegedly|...)").
Python's regex engine cannot see past the boundary to a set of first characters, so it tries every
alternative at every word of the article. `compile_scan` reads the pattern's possible first
characters from its parse and puts them in front as a lookahead, `(?=[...])`: a match must begin
with one of them, so no match is gained or lost, and most words are passed over at the first
character. Where the first character cannot be known (a class such as \\w or \\s, an optional opening,
a flag switched inside the pattern) the pattern is compiled as it is.

The parse is read with the standard library's `re._parser` (Python 3.11+); should it change shape,
`first_characters` answers None and the patterns are compiled unchanged.
"""

from __future__ import annotations

import re

try:  # the standard library's own parser of patterns
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - an interpreter without it: no lookahead, same matches
    _parser = None

DIGIT = r"\d"  # stands in a set of first characters for any digit the pattern's \d matches
_MAX_RANGE = 64  # a wider range ("[a-z]") is kept, a class of thousands is not worth a lookahead


class _Unknown(Exception):
    """The pattern opens with something whose first character is not a small known set."""


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of `pattern` can begin with (`DIGIT` for any digit of \\d), or None
    when that is not a small known set (or a match may be empty). Case is the pattern's: under
    IGNORECASE the engine folds a lookahead's class as it folds the literals."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        chars, nullable = _first(list(parsed))
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    return None if nullable or not chars else frozenset(chars)


def compile_scan(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with a lookahead of its first characters when they are known."""
    chars = first_characters(pattern, flags)
    if chars is None:
        return re.compile(pattern, flags)
    cls = "".join(c if c == DIGIT else re.escape(c) for c in sorted(chars))
    try:
        return re.compile(f"(?=[{cls}])(?:{pattern})", flags)
    except re.error:  # "(?i)" opening the pattern may stand only at its very start
        return re.compile(pattern, flags)


def _first(items: list) -> tuple[set[str], bool]:
    """(first characters, may be empty) of a sequence of parsed items."""
    chars: set[str] = set()
    for op, av in items:
        got, nullable = _first_of(op, av)
        chars |= got
        if not nullable:
            return chars, False
    return chars, True


def _first_of(op, av) -> tuple[set[str], bool]:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero-width: the next item gives the character
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _class(av), False
    if op is _c.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            got, empty = _first(list(branch))
            chars |= got
            nullable = nullable or empty
        return chars, nullable
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown  # "(?i:...)": its case differs from the lookahead's
        return _first(list(sub))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        got, empty = _first(list(sub))
        return got, empty or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(list(av))
    raise _Unknown


def _class(items: list) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(chr(i) for i in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.add(DIGIT)  # "3 days later": the class escape itself, as the pattern means it
        else:
            raise _Unknown  # a category (\w, \s), a negation: any character may open
    return chars
