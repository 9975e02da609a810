"""What every part of the stage shares: character ranges, the raw find, parse helpers, rules."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sourcetrace.spans import trim

Range = tuple[int, int]

QUOTES = '"“”«»'
WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Rule:
    """One named decision of the stage, which `Settings(disabled_rules=...)` can switch off.

    `apply` is given the rule's working state (a `VerbCall` for verb rules) and changes it; rules
    without `apply` are decided where their name is checked (`on(name)`)."""

    name: str
    doc: str
    apply: Callable | None = None
    fallback: bool = False  # runs only while no content has been found yet
    core: bool = False  # plumbing, not a decision: cannot be switched off


@dataclass
class Found:
    cue: Range
    content: list[Range]
    source: Range | None = None
    head: Token | None = None  # syntactic head of the source, for actor resolution
    lemma: str = ""
    recipient: Range | None = None
    negated: bool = False
    frame: bool = False
    weak: bool = False  # an impression or a noun cue: no new hop inside another's content
    source_actor: str | None = None
    source_kind: str | None = None
    parent: Found | None = None
    hedge_tokens: list[Token] = field(default_factory=list)
    sent_end: int = 0  # end of the cue's sentence, for quotations that carry on after it
    id: str = ""
    verb: Token | None = None  # the cue's verb, for xcomp chains ("agreed to release")
    denies: bool = False  # a denial the cue's lemma does not show ("called the report fabricated")

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def content_end(self) -> int:
        return max(e for _, e in self.content)

    def content_contains(self, r: Range) -> bool:
        return any(s <= r[0] and r[1] <= e for s, e in self.content)

    def content_size(self) -> int:
        return sum(e - s for s, e in self.content)


def tok_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def subtree(tok: Token) -> Range:
    return tok.left_edge.idx, tok_end(tok.right_edge)


def trimmed(text: str, r: Range) -> Range | None:
    s, e = trim(text, *r)
    return (s, e) if e > s and WORD.search(text, s, e) else None


def parts(text: str, ranges: list[Range]) -> list[Range]:
    """Sorted, trimmed ranges; neighbours separated only by punctuation or spaces are merged."""
    out: list[Range] = []
    for r in sorted(ranges):
        t = trimmed(text, r)
        if t is None:
            continue
        if out and not WORD.search(text, out[-1][1], t[0]):
            out[-1] = (out[-1][0], max(out[-1][1], t[1]))
        else:
            out.append(t)
    return out


def minus(outer: Range, holes: list[Range]) -> list[Range]:
    """`outer` with the `holes` cut out."""
    pieces, cur = [], outer[0]
    for s, e in sorted(holes):
        if s > cur:
            pieces.append((cur, min(s, outer[1])))
        cur = max(cur, e)
    if cur < outer[1]:
        pieces.append((cur, outer[1]))
    return [p for p in pieces if p[1] > p[0]]


def sentence(tok: Token) -> SpacySpan:
    """`tok.sent` in O(log n): spaCy's own walks the whole sentence on every call. The sentence
    bounds are kept, as plain integers, in the Doc's user_data."""
    doc = tok.doc
    bounds = doc.user_data.get("sourcetrace_sentence_bounds")
    if bounds is None or len(bounds[0]) == 0 or bounds[1][-1] != len(doc):
        sents = list(doc.sents)
        bounds = ([s.start for s in sents], [s.end for s in sents])
        doc.user_data["sourcetrace_sentence_bounds"] = bounds
    n = bisect_right(bounds[0], tok.i) - 1
    return doc[bounds[0][n] : bounds[1][n]]


def doc_text(doc: SpacyDoc) -> str:
    """`doc.text`, read once: spaCy rebuilds the string from its tokens on every read (a Doc's text
    never changes; retokenizing keeps it). Kept in the Doc's user_data."""
    text = doc.user_data.get("sourcetrace_text")
    if text is None:
        text = doc.text
        doc.user_data["sourcetrace_text"] = text
    return text


def after_comma(tok: Token) -> bool:
    return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","


def np_range(head: Token) -> Range:
    """A source noun phrase without a trailing relative clause or parenthetical."""
    start = head.left_edge.idx
    end = tok_end(head)
    for child in head.rights:
        if child.dep_ == "punct" and child.text == ",":
            continue
        if child.dep_ in ("prep", "compound", "amod", "nummod", "pobj", "nmod", "case"):
            end = max(end, tok_end(child.right_edge))
        elif child.dep_ == "appos" and after_comma(child):
            # "the website, al-Malaf," names the source; an appos without a comma is a misparse
            end = max(end, tok_end(child.right_edge))
        else:
            break
    return start, end


def head_at(doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
