"""Article structure in plain text: publisher line, headline, datelines, boilerplate.

Nothing here edits the text: every span indexes the exact input, so later stages can skip
boilerplate and hand dateline-framed text to its source without shifting offsets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from sourcetrace.model import ArticleStructure, Dateline, Span
from sourcetrace.spans import make_span

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BOILERPLATE_FILE = DATA_DIR / "boilerplate.txt"
GAZETTEER_FILE = DATA_DIR / "gazetteer.jsonl"

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
# "July 10,2007" (the missing space is common in scraped pages), "10 July 2007", "2007-07-10".
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\s*,?\s*\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# A source name: one to five capitalised (or "al-"/"el-" prefixed) words, possibly an acronym.
_NAME = r"(?:(?:al|el|an|ad|as|ar)-)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|the\s+|al-|el-)?[A-Z][\w.&'’-]*){0,4}"
_DASH = r"[–—]|-{1,2}"
# "NCRI – ...", "al-Malaf, July 10,2007: ...", "BAGHDAD (Reuters) - ...", "LONDON, May 3 (AP) — ..."
_DATELINE = re.compile(
    rf"(?P<lead>{_NAME})"
    rf"(?:\s*,\s*(?P<date>{_DATE}))?"
    rf"(?:\s*,\s*{_MONTH}\s+\d{{1,2}})?"
    r"(?:\s*\((?P<agency>[A-Z][\w.&'’ -]{0,30})\))?"
    rf"\s*(?P<sep>{_DASH}|:)\s+"
)
_HEADLINE_CUE = re.compile(
    r":\s*(?:report|reports|sources?|officials?|media|study|survey|poll|witnesses|statement)\W*$",
    re.IGNORECASE,
)


@dataclass
class FoundStructure:
    structure: ArticleStructure
    title: str | None = None
    publisher: str | None = None
    published: str | None = None


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    exact: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    if BOILERPLATE_FILE.exists():
        for raw in BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("re:"):
                regexes.append(re.compile(line[3:], re.IGNORECASE))
            else:
                exact.add(_normalise_line(line))
    return frozenset(exact), tuple(regexes)


def _normalise_line(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip().strip(".:!…").strip()).lower()


def is_boilerplate(line: str) -> bool:
    exact, regexes = _boilerplate_patterns()
    norm = _normalise_line(line)
    if not norm:
        return False
    return norm in exact or any(r.fullmatch(line.strip()) for r in regexes)


def parse_date(text: str) -> str | None:
    """YYYY-MM-DD from "July 10,2007", "10 July 2007" or "2007-07-10"; None when not a full date."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        words = re.findall(r"[A-Za-z]+|\d+", text)
        month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS), None)
        nums = [int(w) for w in words if w.isdigit()]
        years = [n for n in nums if n >= 1000]
        days = [n for n in nums if n < 100]
        if month is None or not years or not days:
            return None
        y, mo, d = years[0], month, days[0]
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None  # "Feb 31": not a real day


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def _paragraph_starts(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """Offsets of the first non-space character of each non-blank line."""
    # Scraped text often has one line per paragraph, so every non-blank line start counts.
    starts = []
    for s, e in lines:
        content = text[s:e]
        if content.strip():
            starts.append(s + len(content) - len(content.lstrip()))
    return starts


@lru_cache(maxsize=1)
def _known_outlets() -> frozenset[str]:
    """News organisations of the gazetteer (kind "outlet"), lower-cased."""
    names: set[str] = set()
    if GAZETTEER_FILE.exists():
        for line in GAZETTEER_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                if entry.get("kind") == "outlet" and isinstance(entry.get("pattern"), str):
                    names.add(entry["pattern"].lower())
    return frozenset(names)


def _is_publisher_line(line: str, next_line: str) -> bool:
    """A short name alone on the first line ("NCRI", "Reuters", "The Guardian"), above a headline.

    A short first line above a full sentence is more likely a terse headline ("Trump Wins")
    than a publisher, unless it is an acronym or a known news organisation.
    """
    words = line.split()
    if not 1 <= len(words) <= 4 or len(line) > 40 or re.search(r"[.!?;,:”\"']\s*$", line) or ":" in line:
        return False
    if not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "&") or w[:3] == "al-" for w in words):
        return False
    letters = re.sub(r"[^A-Za-z]", "", line)
    if (letters.isupper() and len(words) == 1) or line.strip().lower() in _known_outlets():
        return True
    return not re.search(r"[.!?]\s*$", next_line.strip())


def _is_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and len(line) <= 250


def _dateline_at(text: str, start: int, first_paragraph: bool) -> Dateline | None:
    m = _DATELINE.match(text, start)
    if not m:
        return None
    lead, date_text, agency = m.group("lead"), m.group("date"), m.group("agency")
    sep = m.group("sep")
    if sep == ":" and not date_text:
        return None  # "Meanwhile: ..." or a speaker label, not a dateline
    if agency:
        source = agency.strip()
    else:
        letters = re.sub(r"[^A-Za-z]", "", lead)
        # "MIDWAY ATOLL -" or "NEWPORT NEWS, Va. -" place the story; they name no source.
        if letters.isupper() and len(letters) > 5:
            return None
        # Without a date or an agency, only the body's opening ("NCRI – ...") is a dateline;
        # later "Kall -- co-editor of ..." is an aside.
        if not date_text and (not first_paragraph or len(lead.split()) > 3):
            return None
        # "Mehmet Oz — Ivy League-trained surgeon — has been ..." is an apposition between dashes.
        sentence = re.split(r"(?<=[.!?])\s", text[m.end():m.end() + 400], maxsplit=1)[0]
        if sep != ":" and sep in sentence:
            return None
        source = lead
    if not date_text and sep == "-" and " " not in lead and not lead.isupper():
        return None  # "Well-known - ..." style hyphen use inside a sentence start
    # The span ends after the separator, before the framed text.
    end = m.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Dateline(
        span=make_span(text, start, end),
        source=source,
        date=parse_date(date_text) if date_text else None,
        covers=make_span(text, m.end(), m.end()),  # filled in by the caller
    )


def detect_structure(text: str) -> FoundStructure:
    lines = _lines(text)
    boilerplate = [
        make_span(text, s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip()))
        for s, e in lines
        if text[s:e].strip() and is_boilerplate(text[s:e])
    ]
    boiler_starts = {b.start for b in boilerplate}
    content = [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip()))
        for s, e in lines
        if text[s:e].strip()
    ]
    content = [(s, e) for s, e in content if s not in boiler_starts]

    publisher_line: Span | None = None
    headline: Span | None = None
    headline_cue: Span | None = None
    body_start = 0
    i = 0
    if len(content) >= 3 and _is_publisher_line(
        text[content[0][0]:content[0][1]], text[content[1][0]:content[1][1]]
    ):
        publisher_line = make_span(text, *content[0])
        i = 1
    if len(content) > i + 1 and _is_headline(text[content[i][0]:content[i][1]]):
        headline = make_span(text, *content[i])
        body_start = headline.end
        cue = _HEADLINE_CUE.search(headline.text)
        if cue:
            cue_end = headline.start + len(headline.text.rstrip(".!?…"))
            headline_cue = make_span(text, headline.start + cue.start(), cue_end)
    elif publisher_line is not None:
        body_start = publisher_line.end

    datelines: list[Dateline] = []
    first = True
    for start in _paragraph_starts(text, lines):
        if start < body_start or start in boiler_starts:
            continue
        found = _dateline_at(text, start, first)
        first = False
        if found:
            datelines.append(found)
    ends = [d.span.start for d in datelines[1:]] + [len(text)]
    for d, end in zip(datelines, ends[: len(datelines)], strict=True):
        cover_start = d.span.end
        # Trailing page furniture is not part of what the dateline frames.
        later_boiler = [b.start for b in boilerplate if cover_start <= b.start < end]
        if later_boiler:
            tail = text[min(later_boiler):end]
            if all(not ln.strip() or is_boilerplate(ln) for ln in tail.splitlines()):
                end = min(later_boiler)
        while cover_start < end and text[cover_start].isspace():
            cover_start += 1
        while end > cover_start and text[end - 1].isspace():
            end -= 1
        d.covers = make_span(text, cover_start, end)

    published = next((d.date for d in datelines if d.date), None)
    return FoundStructure(
        structure=ArticleStructure(
            publisher_line=publisher_line,
            headline=headline,
            headline_cue=headline_cue,
            datelines=datelines,
            boilerplate=boilerplate,
            body_start=body_start,
        ),
        title=headline.text if headline else None,
        publisher=publisher_line.text if publisher_line else None,
        published=published,
    )
