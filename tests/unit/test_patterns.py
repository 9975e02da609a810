"""`compile_scan`: a lookahead of a pattern's first characters, and never a different match."""

import random
import re

import pytest

from sourcetrace import events
from sourcetrace.attributions.lexicons import lexicons
from sourcetrace.attributions.responses import _NO_COMMENT
from sourcetrace.patterns import DIGIT, compile_scan, first_characters


@pytest.mark.parametrize(
    ("pattern", "flags", "chars"),
    [
        (r"\b(?:reportedly|allegedly|it is unclear)\b", re.I, {"r", "a", "i"}),
        (r"(?<![\d-])\b(?:the end|by year end)", 0, {"t", "b"}),  # behind a lookbehind and a boundary
        (r"(?:on\s+)?(?:Monday|May)", 0, {"o", "M"}),  # an optional opening adds what follows
        (r"[A-C]\w+|x", 0, {"A", "B", "C", "x"}),
        (r"(?P<n>one|two)+ more", 0, {"o", "t"}),
        (r"\b(?:a|\d+)\s+days", re.I, {"a", DIGIT}),  # any digit \d matches, written as \d
    ],
)
def test_first_characters_of_a_pattern(pattern, flags, chars):
    assert first_characters(pattern, flags) == frozenset(chars)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+ said",  # a category: any word character may open
        r"a?b?",  # may match nothing
        r"(?i:in|on) June",  # its case is not the pattern's
        r"[^x]y",  # a negation
        r"(a)?(?(1)b|c)",  # a conditional
    ],
)
def test_no_first_characters_when_they_cannot_be_known(pattern):
    assert first_characters(pattern) is None
    assert compile_scan(pattern).pattern == pattern  # compiled as it is


def test_a_global_flag_at_the_start_keeps_the_pattern_as_it_is():
    assert compile_scan("(?i)said").pattern == "(?i)said"
    assert compile_scan("(?i)said").search("he SAID")


def test_the_lookahead_stands_in_front_of_the_known_ones():
    assert compile_scan(r"\b(?:declined|refused)\b", re.I).pattern == r"(?=[dr])(?:\b(?:declined|refused)\b)"


def test_case_folding_is_the_engines_own():
    # under IGNORECASE "k" also matches the Kelvin sign and "s" the long s: so must the lookahead
    plain, scan = re.compile("kiss|so", re.I), compile_scan("kiss|so", re.I)
    text = "\u212aiss KISS kiss \u017fo SO so"
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(plain.findall(text)) == 6


def test_a_digit_opens_what_the_patterns_digit_matches():
    # "٣" is an Arabic-Indic three: \d matches it, so the lookahead must too; under re.ASCII neither does
    text = "a days, 3 days, ٣ days, x days"
    for flags in (re.I, re.I | re.ASCII):
        plain, scan = re.compile(r"\b(?:a|\d+)\s+days", flags), compile_scan(r"\b(?:a|\d+)\s+days", flags)
        assert scan.findall(text) == plain.findall(text)
    assert len(compile_scan(r"\d+\s+days").findall(text)) == 2


def _texts(words: list[str], seed: int, n: int = 3000) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", "  ", "\n", ", ", ". ", "-", "'", "’", ""]
    return [
        "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 12))) for _ in range(n)
    ]


@pytest.mark.parametrize("name", ["hedges", "rebuttals", "no_comment", "relative", "anaphoric"])
def test_the_lexicon_scans_find_what_the_plain_patterns_find(name):
    if name == "no_comment":
        scan = _NO_COMMENT
    elif name in ("relative", "anaphoric"):
        scan = getattr(events._lexicon(), name)
    else:
        scan = getattr(lexicons(), name)
    assert scan.pattern.startswith("(?=[")  # these are the scans the lookahead is for
    plain = re.compile(scan.pattern[scan.pattern.index("(?:") :], scan.flags)
    words = re.findall(r"[A-Za-z’']+", plain.pattern)[:400] + ["Said", "the", "NOT", "x", "it", "3", "12"]
    for text in _texts(words, seed=len(name)):
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in plain.finditer(text)], text
