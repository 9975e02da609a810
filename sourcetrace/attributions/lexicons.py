"""The attribution lexicons in data/ (reporting verbs, nouns, denials, hedges, source heads)."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sourcetrace.patterns import compile_scan

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"


def _lines(name: str) -> list[list[str]]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(line.split())
    return rows


@dataclass(frozen=True)
class Lexicons:
    verbs: dict[str, frozenset[str]]  # lemma -> tags ("obj", "rcpt")
    nouns: frozenset[str]
    denials: frozenset[str]
    hedges: re.Pattern[str] | None
    anonymous: dict[str, bool]  # head lemma -> generic ("the source" may mean any earlier source)
    documents: frozenset[str]
    quantities: frozenset[str]
    speaker_stoplist: frozenset[str]
    references: dict[str, str]  # head lemma -> "outlet" | "organisation" ("the newspaper", "the company")
    rebuttals: re.Pattern[str] | None = None  # "is false", "no truth", "baseless": a content that denies
    noun_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # "attack" -> {"on", "against"}
    adjectives: frozenset[str] = frozenset()  # attitude adjectives: "confident that", "worried about"
    inanimate: frozenset[str] = frozenset()  # heads that cannot speak: "the intervention", "yields"
    people: frozenset[str] = frozenset()  # unnamed people: "the woman", "some refugees"


def _phrases(phrases: list[str], gap: str = r"\ ") -> re.Pattern[str] | None:
    """One pattern for whole-word phrases, longest first (so "it is not officially known whether"
    wins over shorter overlaps); `gap` is what may stand between two words."""
    if not phrases:
        return None
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", gap) for p in alts)
    return compile_scan(r"\b(?:" + body + r")\b", re.IGNORECASE)  # a scan of every article


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The lexicons in data/, read once per process."""
    hedges = _phrases([" ".join(r) for r in _lines("hedges.txt")])
    return Lexicons(
        verbs={r[0].lower(): frozenset(r[1:]) for r in _lines("reporting_verbs.txt")},
        nouns=frozenset(r[0].lower() for r in _lines("attribution_nouns.txt")),
        denials=frozenset(r[0].lower() for r in _lines("denial_cues.txt")),
        hedges=hedges,
        anonymous={r[0].lower(): "generic" in r[1:] for r in _lines("anonymous_heads.txt")},
        documents=frozenset(r[0].lower() for r in _lines("document_heads.txt")),
        quantities=frozenset(r[0].lower() for r in _lines("quantity_heads.txt")),
        speaker_stoplist=frozenset(" ".join(r).lower() for r in _lines("speaker_label_stoplist.txt")),
        references={r[0].lower(): r[1] for r in _lines("reference_heads.txt") if len(r) > 1},
        # a rebuttal's words may be quoted apart: didn't "ring true"
        rebuttals=_phrases([" ".join(r) for r in _lines("rebuttals.txt")], gap=r"[\s\"“”‘’']+"),
        noun_preps={
            r[0].lower(): frozenset(p.lower() for p in r[1:]) for r in _lines("attribution_noun_preps.txt")
        },
        adjectives=frozenset(r[0].lower() for r in _lines("attribution_adjectives.txt")),
        inanimate=frozenset(r[0].lower() for r in _lines("inanimate_heads.txt")),
        people=frozenset(r[0].lower() for r in _lines("people_heads.txt")),
    )


def find_hedge(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first hedge phrase inside text[start:end], as character offsets."""
    spans = _hedge_spans(text)
    i = bisect_left(spans, (start, start))
    if i < len(spans) and spans[i][1] <= end:
        return spans[i]
    return None


@lru_cache(maxsize=8)
def _hedge_spans(text: str) -> list[tuple[int, int]]:
    """Every hedge in the text, found once: per-attribution lookups are then a bisection."""
    pattern = lexicons().hedges
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def can_tell(tok, *, entities: bool, documents: bool) -> bool:
    """A word that can head a teller: a proper name, an unnamed person ("an official"), a reference
    ("the newspaper"); with `entities` a PERSON/ORG/NORP entity, with `documents` a document noun.
    One predicate for the source, two-hop and inverted-teller rules, which differ only in these two."""
    lex = lexicons()
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "PROPN"
        or (entities and tok.ent_type_ in ("PERSON", "ORG", "NORP"))
        or lemma in lex.anonymous
        or lemma in lex.references
        or (documents and lemma in lex.documents)
    )


def inanimate(tok) -> bool:
    """A head that cannot speak or think: an event, an action, a change, a measure or a market price
    ("The rare intervention by the central bank underscored that P", "Bond yields rose, suggesting
    P"; data/inanimate_heads.txt). As a cue's subject it is no teller. A proper name or a PERSON/ORG/
    NORP entity never is ("Strike Capital said"); evidence read like a paper ("the data show") is a
    document (data/document_heads.txt), not inanimate here."""
    if tok.pos_ != "NOUN" or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    return tok.lemma_.lower() in lexicons().inanimate or tok.lower_ in lexicons().inanimate


@lru_cache(maxsize=2)
def body_words(*, institutions: bool = True) -> frozenset[str]:
    """Words of a public or political body's name ("party", "ministry", "council"; data/body_words.txt),
    with the institutions a company's name may also hold ("bank", "fund") when `institutions`."""
    rows = _lines("body_words.txt")
    return frozenset(r[0].lower() for r in rows if institutions or "institution" not in r[1:])


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality words ("Bangladeshi", "German"; data/countries.jsonl), lower-case."""
    path = DATA_DIR / "countries.jsonl"
    if not path.exists():
        return frozenset()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return frozenset(d.lower() for row in rows for d in row.get("demonyms", []))
