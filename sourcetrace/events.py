"""Events: dated happenings on the timeline.

Date expressions are found by regex (absolute dates, tolerant of "July 10,2007"), by the
lexicon in data/temporal.json (relative, anchored, vague and ongoing expressions) and by
spaCy's DATE entities; dateparser parses the expression strings (once per distinct string),
and the interval logic (weeks, months, "the day after X", "still continuing") is ours.
Relative expressions are resolved only against `article.published`; without it they stay
unresolved and a warning says so.
"""

from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcetrace.model import Actor, Article, Claim, Event, Span
from sourcetrace.spans import make_span, overlaps, trimmed_span

TEMPORAL_FILE = Path(__file__).resolve().parent.parent / "data" / "temporal.json"
MAX_LABEL = 80
_SPACE = " \t\r\n\u00a0"  # evidence keeps the sentence's own punctuation

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"(?:1[6-9]|20)\d\d"
# (pattern, precision); ordered most specific first, overlaps are dropped in that order.
_ABSOLUTE = [
    (re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,\s*|\s+){_YEAR}\b"), "day"),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b"), "day"),
    (re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b"), "day"),
    (re.compile(rf"\b{_MONTH}\.?,?\s+{_YEAR}\b"), "month"),
    (re.compile(rf"\b(?i:in|since|from|until|by|during|of)\s+(?P<year>{_YEAR})\b"), "year"),
]
_DECADE = re.compile(r"\b(?:the\s+)?(?P<decade>(?:1[6-9]|20)\d0)'?s\b")
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A DATE entity without a year is a point in time only if it names one; "75 years" is a duration.
_NAMES_A_TIME = re.compile(rf"\b(?:{_WEEKDAY}|{_MONTH}|ago|today|tonight|tomorrow|yesterday)\b", re.I)
_BARE_NAME = re.compile(rf"(?:on\s+|in\s+)?(?:{_WEEKDAY}|{_MONTH}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)", re.I)
_FUTURE_AUX = {"will", "wo", "'ll", "shall"}
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc", "conj", "parataxis"}


@dataclass(frozen=True)
class _Lexicon:
    relative: re.Pattern
    spans: re.Pattern  # weekends and "the past few days": intervals dateparser does not give
    weekend: dict[str, int]
    past_days: dict[str, int]
    anchored: re.Pattern
    vague: re.Pattern
    ongoing: re.Pattern
    numbers: dict[str, int]
    start_markers: frozenset[str]
    ongoing_start_markers: frozenset[str]
    vague_blockers: frozenset[str]
    anchor_window: int


def _words(phrases: list[str]) -> str:
    # Longest first so "the previous week" wins over "week"-like prefixes.
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(TEMPORAL_FILE.read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    return _Lexicon(
        relative=re.compile(rf"\b(?:{_words(raw['relative'])}|{raw['relative_ago']})\b", flags),
        spans=re.compile(rf"\b(?:{_words([*raw['weekend'], *raw['past_days']])})\b", flags),
        weekend={k.lower(): int(v) for k, v in raw["weekend"].items()},
        past_days={k.lower(): int(v) for k, v in raw["past_days"].items()},
        anchored=re.compile(rf"\b{raw['anchored']}\b", flags),
        vague=re.compile(rf"\b(?:{_words(raw['vague_past'])})\b", flags),
        ongoing=re.compile(rf"\b(?:{_words(raw['ongoing'])})\b", flags),
        numbers={k.lower(): int(v) for k, v in raw["numbers"].items()},
        start_markers=frozenset(w.lower() for w in raw["start_markers"]),
        ongoing_start_markers=frozenset(w.lower() for w in raw["ongoing_start_markers"]),
        vague_blockers=frozenset(w.lower() for w in raw["vague_blockers"]),
        anchor_window=int(raw["anchor_window"]),
    )


# ---------------------------------------------------------------- parsing (dateparser, cached)


@lru_cache(maxsize=16)
def _parser(base: date | None, strict: bool, future: bool = False):
    from dateparser.date import DateDataParser

    settings: dict = {"PREFER_DATES_FROM": "future" if future else "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    if strict:
        settings["STRICT_PARSING"] = True
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse(text: str, base: date | None, strict: bool, future: bool = False) -> tuple[date, str] | None:
    """(date, period) dateparser reads in `text`, or None; cached per distinct string."""
    try:
        data = _parser(base, strict, future).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; treat as "no date"
        return None
    when = data.date_obj if data else None
    if when is None:
        return None
    if (when.hour, when.minute, when.second) != (0, 0, 0):
        # A clock time means it read something else ("1990s" as seconds ago): not a date for us.
        return None
    return when.date(), data.period or "day"


def _normalise(text: str) -> str:
    """ "July 10,2007" -> "July 10, 2007"; squeeze whitespace."""
    text = re.sub(r",(?=\d{4}\b)", ", ", text)
    return re.sub(r"\s+", " ", text).strip()


def _interval(day: date, precision: str) -> tuple[date, date]:
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def _shift(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = day.month - 1 + (n if unit == "month" else 12 * n)
    year, month = day.year + months // 12, months % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# ---------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str  # absolute | relative | anchored | vague | entity | decade
    precision: str = "day"
    begin: date | None = None
    finish: date | None = None
    anchor: _Candidate | None = None
    offset: tuple[str, int] | None = None  # anchored: (unit, signed count)
    extra: dict = field(default_factory=dict)


def _absolute(text: str, start: int, end: int, precision: str) -> _Candidate | None:
    phrase = _normalise(text[start:end])
    if precision == "year":
        year = int(re.search(_YEAR, phrase).group(0))
        return _Candidate(start, end, "absolute", "year", date(year, 1, 1), date(year, 12, 31))
    parsed = _parse(phrase, None, precision == "day") or _parse(phrase, None, False)
    if parsed is None:
        return None
    begin, finish = _interval(parsed[0], precision)
    return _Candidate(start, end, "absolute", precision, begin, finish)


def _relative(
    text: str, start: int, end: int, published: date | None, kind: str, future: bool = False
) -> _Candidate:
    cand = _Candidate(start, end, kind)
    phrase = _normalise(text[start:end]).lower()
    if _BARE_NAME.fullmatch(phrase):
        # "Friday", "in November": past or coming is a guess from the tense, so say so.
        cand.extra["guessed"] = True
    if published is None:
        return cand
    if re.fullmatch(rf"(?:on\s+)?{_WEEKDAY}", phrase) and phrase.split()[-1] == _weekday_name(published):
        parsed: tuple[date, str] | None = (published, "day")  # "Friday" in Friday's paper is that day
    else:
        parsed = _parse(phrase, published, False, future)
    if parsed is not None:
        cand.precision = parsed[1] if parsed[1] in ("day", "week", "month", "year") else "day"
        cand.begin, cand.finish = _interval(parsed[0], cand.precision)
    return cand


def _span_phrase(start: int, end: int, phrase: str, published: date | None, lex: _Lexicon) -> _Candidate:
    """ "this past weekend", "the past few days": an interval counted back from publication."""
    cand = _Candidate(start, end, "relative", "week")
    if phrase in lex.past_days:
        cand.extra["guessed"] = True  # "the past few days" is approximate by nature
        if published is not None:
            cand.begin, cand.finish = published - timedelta(days=lex.past_days[phrase] - 1), published
        return cand
    offset = lex.weekend[phrase]
    cand.extra["guessed"] = offset == 0  # "this weekend" may be the coming one or the one just gone
    if published is not None:
        saturday = published + timedelta(days=5 - published.weekday())
        saturday -= timedelta(weeks=-offset)  # offset -1: the weekend before the publication's week
        cand.begin, cand.finish = saturday, saturday + timedelta(days=1)
    return cand


def _weekday_name(day: date) -> str:
    return calendar.day_name[day.weekday()].lower()


def _future_tense(doc: Doc, start: int, end: int) -> bool:
    """Is the clause around [start, end) in the future ("will announce … on Friday")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in [span.root, *span.root.ancestors]:
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children)
    return False


def _find_candidates(doc: Doc, text: str, published: date | None, lex: _Lexicon) -> list[_Candidate]:
    taken: list[_Candidate] = []

    # Character masks keep the overlap checks linear in the text, however many dates it holds.
    used = bytearray(len(text))
    # "USA TODAY" is a newspaper, not a day: lexicon words inside other names are not dates.
    named = bytearray(len(text))
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            named[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)

    def free(s: int, e: int) -> bool:
        return not any(used[s:e])

    def unnamed(s: int, e: int) -> bool:
        return free(s, e) and not any(named[s:e])

    def take(cand: _Candidate) -> None:
        taken.append(cand)
        used[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)

    for pattern, precision in _ABSOLUTE:
        for m in pattern.finditer(text):
            s, e = (m.start("year"), m.end("year")) if precision == "year" else m.span()
            if free(s, e) and (cand := _absolute(text, s, e, precision)) is not None:
                take(cand)
    for m in _DECADE.finditer(text):
        if free(*m.span()):
            first = int(m.group("decade"))
            take(_Candidate(*m.span(), "decade", "year", date(first, 1, 1), date(first + 9, 12, 31)))
    for m in lex.anchored.finditer(text):
        if free(*m.span()):
            count = lex.numbers.get(m.group("count").lower()) or int(m.group("count"))
            sign = -1 if m.group("direction").lower() in ("before", "prior to") else 1
            take(_Candidate(*m.span(), "anchored", offset=(m.group("unit").lower(), sign * count)))
    for m in lex.spans.finditer(text):
        if unnamed(*m.span()):
            take(_span_phrase(m.start(), m.end(), " ".join(m.group(0).lower().split()), published, lex))
    for m in lex.relative.finditer(text):
        if unnamed(*m.span()):
            take(_relative(text, *m.span(), published, "relative"))
    for m in lex.vague.finditer(text):
        if unnamed(*m.span()) and _is_vague_adverb(doc, text, m.start(), m.end(), lex):
            take(_Candidate(*m.span(), "vague", "open"))
    for ent in doc.ents:
        if ent.label_ != "DATE" or not free(ent.start_char, ent.end_char):
            continue
        phrase = _normalise(ent.text)
        if _HAS_YEAR.search(phrase):
            parsed = _parse(phrase, None, False)
            if parsed is not None:
                precision = parsed[1] if parsed[1] in ("day", "week", "month", "year") else "day"
                begin, finish = _interval(parsed[0], precision)
                take(_Candidate(ent.start_char, ent.end_char, "absolute", precision, begin, finish))
        elif _NAMES_A_TIME.search(phrase) and _parse(phrase.lower(), published or date(2000, 1, 1), False):
            # Only keep entity texts that name a time dateparser can read; resolve them if we may.
            future = _future_tense(doc, ent.start_char, ent.end_char)
            take(_relative(text, ent.start_char, ent.end_char, published, "relative", future))
    taken.sort(key=lambda c: c.start)
    _attach_anchors(taken, text, lex)
    return taken


def _is_vague_adverb(doc: Doc, text: str, start: int, end: int, lex: _Lexicon) -> bool:
    """ "Previously Washington had…" yes; "earlier this month", "earlier than" no."""
    following = text[end:end + 20].split()
    if following and following[0].lower().strip(",.;:") in lex.vague_blockers:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if len(span) == 1:
        return span[0].pos_ == "ADV" or span[0].dep_ == "advmod"
    return True


def _attach_anchors(cands: list[_Candidate], text: str, lex: _Lexicon) -> None:
    """ "the day after the fall of Baghdad on April 9, 2003": resolve against the next dated candidate."""
    for i, cand in enumerate(cands):
        if cand.kind != "anchored":
            continue
        for nxt in cands[i + 1:]:
            if nxt.start - cand.end > lex.anchor_window or re.search(r"[.!?]\s", text[cand.end:nxt.start]):
                break
            if nxt.begin is not None and nxt.kind in ("absolute", "relative"):
                unit, n = cand.offset
                cand.anchor = nxt
                cand.precision = "day" if nxt.precision == "day" else nxt.precision
                cand.begin = _shift(nxt.begin, unit, n)
                cand.finish = cand.begin if cand.precision == "day" else _shift(nxt.finish, unit, n)
                break


# ---------------------------------------------------------------- labels


def _verb_of(token: Token) -> Token | None:
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _phrase_tokens(head: Token, exclude: set[int]) -> list[Token]:
    """The head's subtree without embedded clauses and without the date words."""
    out = [head]
    nominal_conj = any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in head.children)
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            out.extend(_phrase_tokens(child, exclude))  # "al-Vaele and al-Rubai'i have prepared"
        elif child.dep_ == "cc" and nominal_conj:
            out.append(child)
        elif child.dep_ not in _CLAUSE_DEPS:
            out.extend(t for t in child.subtree)
    return [t for t in out if t.i not in exclude]


def _subject(verb: Token) -> Token | None:
    seen = verb
    while True:
        subj = next((c for c in seen.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None or seen.dep_ != "conj" or seen.head is seen:
            return subj
        seen = seen.head


def _subject_tokens(subj: Token, exclude: set[int]) -> list[Token]:
    if subj.lower_ in _RELATIVE_PRONOUNS:
        # "…meddling in Iraqi internal affairs, that had began": the antecedent stands in for "that".
        head = subj.head.head if subj.head.dep_ == "relcl" else None
        if head is None:
            before = [t for t in subj.doc[subj.sent.start:subj.i] if not t.is_punct and not t.is_space]
            if before and before[-1].pos_ in ("NOUN", "PROPN"):
                head = before[-1]
                if head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN"):
                    head = head.head.head  # one step up: "meddling in … affairs"
        if head is not None:
            return _phrase_tokens(head, exclude | {subj.i})
    return _phrase_tokens(subj, exclude)


def _label(doc: Doc, sent: SpacySpan, date_tokens: set[int], ongoing: str | None = None) -> str:
    # The date's own head: the first date token whose head lies outside the date words.
    root = next(
        (doc[i] for i in sorted(date_tokens) if doc[i].head.i not in date_tokens or doc[i].head is doc[i]),
        None,
    )
    head = root.head if root is not None else sent.root
    tokens: list[Token] = []
    if root is not None and root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
        # "the fall of Baghdad on April 9, 2003": the dated thing is the noun the date modifies.
        noun = head.head
        tokens = _phrase_tokens(noun, date_tokens | {head.i})
    else:
        verb = _verb_of(root) if root is not None else sent.root
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            verb = sent.root
        holder = verb
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            # "… plans to visit her in January": the subject and its verb belong to the label too.
            holder = verb.head
            tokens += [c for c in holder.children if c.dep_ in ("aux", "auxpass", "neg")] + [holder]
        subj = _subject(holder)
        if subj is not None:
            tokens += _subject_tokens(subj, date_tokens)
        tokens += [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
        tokens.append(verb)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "oprd", "agent")]
        if not objects:
            objects = [
                c for c in verb.children
                if c.dep_ in ("prep", "dative")
                and not any(t.i in date_tokens or t.lower_ in _RELATIVE_PRONOUNS for t in c.subtree)
            ][:1]
        for obj in objects:
            tokens += _phrase_tokens(obj, date_tokens)
    keep = {t.i: t for t in tokens if t.i not in date_tokens and not t.is_space}
    tokens = [keep[i] for i in sorted(keep)]
    label = _join(tokens)
    if ongoing is not None:
        label = f"{label} … {ongoing}" if label else ongoing
    if len(label.split()) < 2:
        label = sent.text  # one bare word ("posted") says less than the sentence itself
    return _shorten(label)


def _join(tokens: list[Token]) -> str:
    out = ""
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        if prev is not None:
            out += prev.whitespace_ if prev.i + 1 == tok.i else " "
        out += tok.text
    return out.strip(" ,;:")


def _shorten(label: str) -> str:
    label = re.sub(r"\s+", " ", label).strip(" ,;:")
    if len(label) <= MAX_LABEL:
        return label
    cut = label[: MAX_LABEL - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


# ---------------------------------------------------------------- events


def _dateline_source(article: Article, cand: _Candidate) -> tuple[str, Span] | None:
    """Is this date the date of a dateline ("al-Malaf, July 10,2007:")? (source, dateline span)."""
    text = article.text
    for line in article.structure.datelines:
        if line.span.start <= cand.start and cand.end <= line.span.end:
            return line.source, line.span
    # Structure stage not (yet) telling: a short "Source, DATE:" opening a line.
    line_start = text.rfind("\n", 0, cand.start) + 1
    prefix = text[line_start:cand.start]
    after = re.match(r"\s*:", text[cand.end:])
    m = re.fullmatch(r"\s*([^\n:,.]{2,60}?),\s*", prefix)
    if m and after:
        return m.group(1).strip(), make_span(text, line_start, cand.end + after.end())
    return None


def _publication(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _in_boilerplate(article: Article, start: int, end: int) -> bool:
    return any(overlaps(start, end, b.start, b.end) for b in article.structure.boilerplate)


class _Intervals:
    """(start, end, key) rows sorted by start: the ones overlapping a range are found by bisection."""

    def __init__(self, rows: Iterable[tuple[int, int, str]]) -> None:
        self.rows = sorted(rows)
        self.starts = [s for s, _, _ in self.rows]
        self.longest = max((e - s for s, e, _ in self.rows), default=0)

    def overlapping(self, start: int, end: int) -> list[str]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [k for s, e, k in self.rows[lo:hi] if overlaps(s, e, start, end)]


class _Mentions:
    """The actors of a span, from their mentions, in the order of the actor list."""

    def __init__(self, actors: list[Actor]) -> None:
        self.order = {a.id: i for i, a in enumerate(actors)}
        self.index = _Intervals((m.start, m.end, a.id) for a in actors for m in a.mentions)

    def actors_in(self, span: Span) -> list[str]:
        return sorted(set(self.index.overlapping(span.start, span.end)), key=self.order.__getitem__)


def _tokens_of(doc: Doc, start: int, end: int) -> set[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def extract_events(doc: Doc, article: Article, actors: list[Actor]) -> tuple[list[Event], list[str]]:
    """Events, and warnings (e.g. relative dates left unresolved for lack of a publication date)."""
    text = article.text
    lex = _lexicon()
    published = _publication(article)
    mentions = _Mentions(actors)
    events: list[Event] = []
    unresolved: list[str] = []
    for cand in _find_candidates(doc, text, published, lex):
        if _in_boilerplate(article, cand.start, cand.end):
            continue
        event = _event(doc, article, mentions, cand, published, lex)
        if event is None:
            continue
        if cand.kind == "vague" and (context := _context_before(text, events, cand.start)) is not None:
            # "In March 2006 the army withdrew. Previously it had…": before that, not before publication.
            event = event.model_copy(update={"end": context, "unresolved": False})
        if event.unresolved:
            unresolved.append(text[cand.start:cand.end])
        events.append(event)
    events = [e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(events, 1)]
    warnings = []
    if unresolved:
        shown = ", ".join(f'"{t}"' for t in dict.fromkeys(unresolved))
        warnings.append(
            f"{len(unresolved)} relative date expression(s) left unresolved ({shown}): "
            "the article has no publication date to count from."
        )
    return events, warnings


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _context_before(text: str, events: list[Event], start: int) -> str | None:
    """The start of the nearest earlier dated event in the same paragraph, if any."""
    for prior in reversed(events):
        since = prior.date_text.end if prior.date_text is not None else prior.evidence.end
        if "\n" in text[min(since, start):start]:
            return None  # another paragraph: no longer the context of this "previously"
        if prior.start is not None and prior.date_text is not None and prior.date_text.end <= start:
            return prior.start
    return None


def _event(
    doc: Doc, article: Article, mentions: _Mentions, cand: _Candidate, published: date | None, lex: _Lexicon
) -> Event | None:
    text = article.text
    sent = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if sent is None:
        return None
    sent = sent[0].sent
    start = sent.start_char
    for b in article.structure.boilerplate:
        # a caption or byline the parser ran into the sentence is not part of its evidence
        if start < b.end <= cand.start and b.start < cand.start:
            start = max(start, b.end)
    for line in article.structure.datelines:
        # "al-Malaf, July 10,2007: Day by day…": the dateline frames the sentence, it is not part of it.
        if line.span.start <= start < line.span.end <= cand.start:
            start = line.span.end
    evidence = trimmed_span(text, start, sent.end_char, chars=_SPACE)
    date_text = make_span(text, cand.start, cand.end)
    base = {
        "id": "e0",
        "evidence": evidence,
        "date_text": date_text,
        "actors": mentions.actors_in(evidence),
    }

    dateline = _dateline_source(article, cand) if cand.kind == "absolute" else None
    if dateline is not None:
        source, span = dateline
        base["evidence"] = span
        base["actors"] = mentions.actors_in(span)
        return Event(
            label=_shorten(f"{source} report dated {text[cand.start:cand.end]}"),
            start=iso(cand.begin), end=iso(cand.finish), precision=cand.precision, **base,
        )

    date_tokens = _tokens_of(doc, cand.start, cand.end)
    ongoing_match = lex.ongoing.search(sent.text)
    preceding = re.findall(r"[A-Za-z]+", text[max(sent.start_char, cand.start - 25):cand.start].lower())[-2:]
    starts = any(w in lex.start_markers for w in preceding)
    ongoing = starts and (
        ongoing_match is not None or any(w in lex.ongoing_start_markers for w in preceding)
    )

    if cand.kind == "vague":
        label = _label(doc, sent, date_tokens)
        return Event(
            label=label, start=None, end=iso(published), precision="open",
            uncertain=True, unresolved=published is None, **base,
        )
    if cand.kind == "anchored" and cand.anchor is None:
        return None  # "the day after" with nothing datable after it: no honest date to give
    needs_anchor = cand.kind == "relative"
    if needs_anchor and published is None:
        return Event(
            label=_label(doc, sent, date_tokens), start=None, end=None, precision="open",
            unresolved=True, **base,
        )
    if cand.begin is None:
        return None
    if cand.kind == "anchored":
        date_tokens |= _tokens_of(doc, cand.anchor.start, cand.anchor.end)
        base["date_text"] = make_span(text, cand.start, cand.anchor.end)
    if ongoing:
        # "began from X … and is still continuing": from X until the article was published.
        marker = ongoing_match.group(0) if ongoing_match is not None else None
        end = published
        return Event(
            label=_label(doc, sent, date_tokens, marker),
            start=iso(cand.begin), end=iso(end), precision=cand.precision,
            uncertain=True, unresolved=end is None, **base,
        )
    return Event(
        label=_label(doc, sent, date_tokens), start=iso(cand.begin), end=iso(cand.finish),
        precision=cand.precision, uncertain=bool(cand.extra.get("guessed")), **base,
    )


# ---------------------------------------------------------------- claims ↔ events


def link_claims_to_events(claims: list[Claim], events: list[Event]) -> list[Claim]:
    """Claims with `events` filled: the events whose date words lie (partly) inside the claim.

    The date words, not the whole sentence, decide: in "Previously Washington had revealed
    [the claim]" the date belongs to the revealing, which the claim is not about. An event
    without date words (added by hand) is matched by its evidence instead. Events are sorted
    by start and found by bisection, so long texts with many claims stay near-linear.
    """
    order = {e.id: i for i, e in enumerate(events)}
    index = _Intervals((_dated(e).start, _dated(e).end, e.id) for e in events)
    linked: list[Claim] = []
    for claim in claims:
        # A quote split around "he said" is its parts: a date in the cue between them is not the claim's.
        parts = claim.content.parts or [claim.content]
        found = {i for part in parts for i in index.overlapping(part.start, part.end)}
        new = [i for i in sorted(found, key=order.__getitem__) if i not in claim.events]
        linked.append(claim.model_copy(update={"events": [*claim.events, *new]}) if new else claim)
    return linked


def _dated(event: Event) -> Span:
    return event.date_text or event.evidence
