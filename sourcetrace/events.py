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
from functools import cached_property, lru_cache
from pathlib import Path

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcetrace.mentions import MentionIndex
from sourcetrace.model import Actor, Article, Claim, Event, Span
from sourcetrace.patterns import compile_scan
from sourcetrace.spans import make_span, overlaps, trimmed_span

TEMPORAL_FILE = Path(__file__).resolve().parent.parent / "data" / "temporal.json"
MAX_LABEL = 80
_SPACE = " \t\r\n\u00a0"  # evidence keeps the sentence's own punctuation

_MONTH_TITLE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH = rf"(?:{_MONTH_TITLE}|{_MONTH_TITLE.upper()})"  # "June", "JUNE" (datelines); never "june"
_YEAR = r"(?:1[6-9]|20)\d\d"
_ORD = r"(?:st|nd|rd|th)?"
# (pattern, precision); ordered most specific first, overlaps are dropped in that order.
_ABSOLUTE = [
    (compile_scan(rf"\b{_MONTH}\.?\s+\d{{1,2}}{_ORD}(?:\s*,\s*|\s+){_YEAR}\b"), "day"),
    (compile_scan(rf"\b\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b"), "day"),
    (compile_scan(rf"\b{_YEAR}-[01]\d-[0-3]\d\b"), "day"),
    (compile_scan(rf"\b{_MONTH}\.?,?\s+(?:of\s+)?{_YEAR}\b"), "month"),
    (
        compile_scan(rf"\b(?i:in|since|from|until|by|during|of|early|mid|late)[\s-]+(?P<year>{_YEAR})\b"),
        "year",
    ),
]
# "a 2021 merger", "the 2020 presidential race": a year used as a modifier (checked on the parse).
_MODIFIER_YEAR = compile_scan(
    r"\b(?i:a|an|the|its|his|her|their|our|this|that)\s+(?P<year>(?:19|20)\d\d)\b(?![-–/%.,]?\d)"
)
_DECADE = compile_scan(r"\b(?:the\s+)?(?P<decade>(?:1[6-9]|20)\d0)'?s\b")
# "the '90s", "the early 80s": a decade of the 1900s, told without its century.
_SHORT_DECADE = compile_scan(
    r"\b(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<decade>['’]?(?P<short>[2-9]0)s)\b"
)
_HAS_YEAR = compile_scan(rf"\b{_YEAR}\b")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_REL = r"(?P<rel>(?i:last|next|this|past|coming))"
_YREL = r"(?:,?\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+year\b)?"  # "June (of) this year"
_NO_MORE_DIGITS = r"(?![,.]?\d)"
_SEASON = compile_scan(
    rf"\b(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))\b"
    rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR})\b)?"
)
_SEASON_CONTEXT = compile_scan(
    r"\b(?:in|during|since|by|until|over|through|early|late|mid)(?:\s+the)?\s+$", re.I
)
# Names of months and weekdays without a year; resolved against the publication date.
_MONTH_FIRST = compile_scan(
    rf"\b(?:{_REL}\s+)?(?P<month>{_MONTH})\b(?:\.?\s+(?P<day>\d{{1,2}}){_ORD}\b{_NO_MORE_DIGITS})?{_YREL}"
)
_DAY_FIRST = compile_scan(rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<month>{_MONTH})\b{_YREL}")
_WEEKDAY_NAME = compile_scan(
    rf"\b(?:{_REL}\s+)?(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
    r"(?:\s+(?i:morning|afternoon|evening|night)\b)?"
)
# Lists and ranges that share a month: "27 and 29 May", "May 27 and 29", "3-5 June 2017", "June 3-5".
_DASH = r"(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b)"
_AND = r"(?:&|\band\b|\bor\b)"
_DAY_PAIR = rf"(?P<d1>\d{{1,2}}){_ORD}\s*(?P<sep>{_DASH}|{_AND})\s*(?P<d2>\d{{1,2}}){_ORD}"
_SHARED_MONTH = [
    compile_scan(rf"\b{_DAY_PAIR}\s+(?:of\s+)?(?P<month>{_MONTH})\b(?:\.?,?\s+(?P<year>{_YEAR})\b)?"),
    compile_scan(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY_PAIR}\b{_NO_MORE_DIGITS}(?:,?\s+(?P<year>{_YEAR})\b)?"),
]
# "2001-2005", "the 2019-20 season", "between 2001 and 2005".
_YEAR_RANGE = compile_scan(
    rf"\b(?P<between>(?i:between)\s+)?(?P<y1>{_YEAR})\s*(?P<sep>-|–|—|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*"
    rf"(?P<y2>{_YEAR}|\d\d)\b(?![-/]\d)"
)
_RANGE_GAP = compile_scan(r"\s*(?P<sep>-|–|—|to|until|till|through|and)\s*", re.I)
_BEFORE_RANGE = compile_scan(r"\b(?P<word>from|between)\s+$", re.I)
# A lone number spaCy calls a DATE is a clock time or a count in these places ("at 1803 GMT", "Views: 1788").
_CLOCK_AFTER = compile_scan(r"\s*(?:GMT|UTC|[ECMP][SD]?T|BST|CES?T|IST|JST|hrs|hours|h|local)\b")
_COUNT_BEFORE = compile_scan(r"(?:\bat|:)\s*$", re.I)
_NAMES_A_TIME = compile_scan(rf"\b(?:{_WEEKDAY}|{_MONTH}|ago|today|tonight|tomorrow|yesterday)\b", re.I)
_NAMES_A_MONTH = compile_scan(rf"\b{_MONTH_TITLE}\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}", re.I)
_BARE_NAME = compile_scan(
    rf"(?:on\s+|in\s+)?(?:{_WEEKDAY}|{_MONTH}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)", re.I
)
_FUTURE_AUX = {"will", "wo", "'ll", "shall", "would"}  # "said the talks would resume on Monday"
_MODAL_AUX = {"can", "could", "may", "might", "should", "must"}
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc", "conj", "parataxis"}
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# "last June" is the one before this month; "next June" the one after; "this June" this year's.
_DIRECTION_OF_REL = {"last": "before", "past": "before", "next": "after", "coming": "after", "this": "this"}
_YEAR_OF_REL = {"this": 0, "last": -1, "next": 1}


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
    calendar_preps: frozenset[str]
    parts: dict[str, str]
    part_before: re.Pattern  # "early", "later", "the end of" just before a date
    future_heads: frozenset[str]
    range_blockers: frozenset[str]
    ahead: re.Pattern  # "in two weeks"
    period_parts: dict[str, tuple[str, str]]  # "by year end": (unit, part) of the publication's period
    period_part: re.Pattern
    anaphoric: re.Pattern  # "two days later", "the next day": counted from the date told before
    seasons: dict[str, int]  # first month
    coming_days: dict[str, int]


def _words(phrases: list[str]) -> str:
    # Longest first so "the previous week" wins over "week"-like prefixes.
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(TEMPORAL_FILE.read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    return _Lexicon(
        relative=compile_scan(rf"\b(?:{_words(raw['relative'])}|{raw['relative_ago']})\b", flags),
        spans=compile_scan(rf"\b(?:{_words([*raw['weekend'], *raw['past_days'], *raw['coming_days']])})\b",
                         flags),
        weekend={k.lower(): int(v) for k, v in raw["weekend"].items()},
        past_days={k.lower(): int(v) for k, v in raw["past_days"].items()},
        anchored=compile_scan(rf"\b{raw['anchored']}\b", flags),
        vague=compile_scan(rf"\b(?:{_words(raw['vague_past'])})\b", flags),
        ongoing=compile_scan(rf"\b(?:{_words(raw['ongoing'])})\b", flags),
        numbers={k.lower(): int(v) for k, v in raw["numbers"].items()},
        start_markers=frozenset(w.lower() for w in raw["start_markers"]),
        ongoing_start_markers=frozenset(w.lower() for w in raw["ongoing_start_markers"]),
        vague_blockers=frozenset(w.lower() for w in raw["vague_blockers"]),
        anchor_window=int(raw["anchor_window"]),
        calendar_preps=frozenset(w.lower() for w in raw["calendar_preps"]),
        parts={" ".join(k.lower().split()): v for k, v in raw["parts"].items()},
        part_before=compile_scan(rf"\b(?P<part>{_words(list(raw['parts']))})[\s-]+$", flags),
        future_heads=frozenset(w.lower() for w in raw["future_heads"]),
        range_blockers=frozenset(w.lower() for w in raw["range_blockers"]),
        ahead=compile_scan(rf"\b{raw['relative_in']}\b", flags),
        coming_days={k.lower(): int(v) for k, v in raw["coming_days"].items()},
        period_parts={k.lower(): (v[0], v[1]) for k, v in raw["period_parts"].items()},
        anaphoric=compile_scan(rf"\b{raw['anaphoric']}\b", flags),
        seasons={k.lower(): int(v) for k, v in raw["seasons"].items()},
        period_part=compile_scan(rf"(?<![\d-])(?<!\d\s)\b(?:{_words(list(raw['period_parts']))})\b", flags),
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
        first = day.replace(day=1)
        return first, first + relativedelta(months=1, days=-1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


_PRECISIONS = ["day", "week", "month", "year"]
_MAX_COUNT = 1000  # "in 99999 years" is past any calendar we can write
_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


def _shift(day: date, unit: str, n: int) -> date:
    """`day` moved by n units; month ends clip ("a month after January 31" is the end of February)."""
    return day + relativedelta(**{_UNITS[unit]: n})


def _part(begin: date, finish: date, precision: str, part: str, published: date | None) -> tuple[date, date]:
    """The part of [begin, finish] that "early", "mid", "late", "earlier", "later" … name."""
    if part == "until":  # "earlier this month": from its start up to publication
        return begin, min(finish, published) if published and begin <= published else finish
    if part == "from":  # "later this year": from publication to its end
        return (max(begin, published) if published and published <= finish else begin), finish
    if precision == "day":
        return begin, finish  # "late Monday" is still Monday
    if part in ("q1", "q2", "q3", "q4"):
        if precision != "year" or finish.year > begin.year:
            return begin, finish
        first = date(begin.year, 3 * int(part[1]) - 2, 1)
        return first, first + relativedelta(months=3, days=-1)
    if precision == "year" and finish.year > begin.year:  # a decade: "the early 1990s"
        edges = [begin.year, begin.year + 4, begin.year + 7, finish.year + 1]
        pieces = [(date(a, 1, 1), date(b - 1, 12, 31)) for a, b in zip(edges, edges[1:], strict=False)]
    elif precision == "year":  # January-April, May-August, September-December
        pieces = [(date(begin.year, m, 1), date(begin.year, m + 3, 1) + relativedelta(months=1, days=-1))
                  for m in (1, 5, 9)]
    elif precision == "month":  # 1-10, 11-20, 21 to the end
        pieces = [(begin, begin.replace(day=10)), (begin.replace(day=11), begin.replace(day=20)),
                  (begin.replace(day=21), finish)]
    else:
        third = ((finish - begin).days + 1) // 3
        pieces = [(begin, begin + timedelta(days=third - 1)),
                  (begin + timedelta(days=third), finish - timedelta(days=third)),
                  (finish - timedelta(days=third - 1), finish)]
    half = begin + (finish - begin) // 2
    if precision in ("year", "month") and finish.year == begin.year and finish.month - begin.month in (0, 11):
        half = begin.replace(month=6, day=30) if precision == "year" else begin.replace(day=15)
    chosen = {
        "early": pieces[0], "mid": pieces[1], "late": pieces[2],
        "first_half": (begin, half), "second_half": (half + timedelta(days=1), finish),
    }
    return chosen.get(part, (begin, finish))


# ---------------------------------------------------------------- calendar names without a year


def _on_or_near(candidates: list[date], ref: date, direction: str) -> date | None:
    """The candidate date `direction` of ref: past/future include ref, before/after exclude it."""
    pick = {
        "past": lambda d: d <= ref, "before": lambda d: d < ref,
        "future": lambda d: d >= ref, "after": lambda d: d > ref,
    }
    if direction in ("past", "before"):
        return max((d for d in candidates if pick[direction](d)), default=None)
    if direction in ("future", "after"):
        return min((d for d in candidates if pick[direction](d)), default=None)
    # No tense to go by: the nearest; a tie goes to the past, where news mostly is.
    return min(candidates, key=lambda d: (abs((d - ref).days), d > ref), default=None)


def _month_date(
    published: date, month: int, day: int | None, direction: str, year: int | None
) -> date | None:
    years = [year] if year is not None else [published.year - 1, published.year, published.year + 1]
    if day is not None:
        days = [date(y, month, day) for y in years if 1 <= day <= calendar.monthrange(y, month)[1]]
        return _on_or_near(days, published, direction) if year is None else (days[0] if days else None)
    firsts = [date(y, month, 1) for y in years]
    return _on_or_near(firsts, published.replace(day=1), direction) if year is None else firsts[0]


def _season_start(published: date, first_month: int, direction: str) -> date | None:
    starts = [date(y, first_month, 1) for y in (published.year - 2, published.year - 1, published.year,
                                                 published.year + 1)]
    current = next((d for d in starts if d <= published < d + relativedelta(months=3)), None)
    if direction == "this" or (direction in ("past", "future", "near") and current is not None):
        return current or min(d for d in starts if d > published)  # the one we are in, or the coming one
    return _on_or_near(starts, published, direction)


def _weekday_date(published: date, weekday: int, direction: str) -> date:
    if direction == "this":  # "this Friday": the Friday of the publication's week
        return published + timedelta(days=weekday - published.weekday())
    back, ahead = (published.weekday() - weekday) % 7, (weekday - published.weekday()) % 7
    return {
        "past": published - timedelta(days=back),
        "before": published - timedelta(days=back or 7),
        "future": published + timedelta(days=ahead),
        "after": published + timedelta(days=ahead or 7),
    }[direction]


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


def _tense(doc: Doc, start: int, end: int, lex: _Lexicon) -> str | None:
    """The time of the clause a date hangs on: "future" ("will announce … on Friday", "could resume in
    June", "is due to vote on Friday", "scheduled for June"), "past", "present" (finite: "the election
    is in June"), or None when it hangs on no verb. Participles and gerunds without an auxiliary
    ("founded in June", "after receiving a request in July") count as past."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if verb.lemma_.lower() in lex.future_heads and prep is not None and prep.lower_ == "for":
        return "future"  # "scheduled for June", "planned for Friday"
    chain = _verb_chain(verb)
    if any(_points_ahead(v, v is not verb, lex) for v in chain):
        return "future"
    auxes = [c for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(v.tag_ == "VBD" for v in chain) or any(c.tag_ == "VBD" or c.lemma_ == "have" for c in auxes):
        return "past"
    if any(t.tag_ in ("VBZ", "VBP") for t in [*chain, *auxes]):
        return "present"
    return "past"


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the infinitive of ("plans to cut"), or shares an auxiliary with."""
    chain = [verb]
    while len(chain) < 4:
        v = chain[-1]
        bare_conj = v.dep_ == "conj" and v.tag_ == "VB" and not any(c.dep_ == "aux" for c in v.children)
        if v.head is v or not (v.dep_ == "xcomp" or bare_conj):
            break
        head = v.head
        if head.pos_ == "ADJ" and head.dep_ == "acomp":
            head = head.head  # "won't be able to seal the deal until December": the copula's tense
        chain.append(head)
    return chain


def _points_ahead(v: Token, governs: bool, lex: _Lexicon) -> bool:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE_AUX for c in auxes):
        return True
    if any(c.lower_ in _MODAL_AUX for c in auxes) and not any(c.lemma_ == "have" for c in auxes):
        return True  # "could resume in June"; "could have met in June" is past
    if governs and (v.lemma_.lower() in lex.future_heads or v.lemma_ == "be"):
        return True  # "plans to cut jobs in March", "is to visit in June"
    return any(c.dep_ == "acomp" and c.lemma_.lower() in lex.future_heads for c in v.children)  # "is due"


def _looks_ahead(doc: Doc, start: int, end: int, lex: _Lexicon) -> bool:
    """A future clause, modals included: "could resume in a few weeks"."""
    return _tense(doc, start, end, lex) == "future"


def _direction(rel: str | None, tense: str | None, weekday: bool) -> str:
    if rel:
        return _DIRECTION_OF_REL[rel.lower()]
    if tense == "future":
        return "future"
    # A weekday is mostly a past one ("said on Monday"); a month in a present clause ("the election is
    # in June") the nearest.
    return "near" if tense == "present" and not weekday else "past"


def _calendar(
    s: int, e: int, published: date | None, month: int, day: int | None, year: int | None,
    direction: str, guessed: bool,
) -> _Candidate | None:
    """A month (and day) without its year, or with the year told relatively ("June this year")."""
    cand = _Candidate(s, e, "relative", "day" if day is not None else "month")
    cand.extra.update(calendar=(month, day), guessed=guessed)
    if published is None:
        return cand
    if direction == "this":
        year = published.year
    when = _month_date(published, month, day, direction, year)
    if when is None:
        return None  # "30 February"
    cand.begin, cand.finish = _interval(when, cand.precision)
    return cand


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
    if phrase in lex.coming_days:
        cand.extra["guessed"] = True  # "the coming weeks" is approximate by nature
        cand.precision = "month" if lex.coming_days[phrase] > 7 else "week"
        if published is not None:
            cand.begin, cand.finish = published, published + timedelta(days=lex.coming_days[phrase])
        return cand
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


# ---------------------------------------------------------------- candidates


class _Finder:
    """The date candidates of one text: each pass adds the ones whose characters are still free."""

    def __init__(self, doc: Doc, text: str, published: date | None, lex: _Lexicon) -> None:
        self.doc, self.text, self.published, self.lex = doc, text, published, lex
        self.taken: list[_Candidate] = []
        # Character masks keep the overlap checks linear in the text, however many dates it holds.
        self.used = bytearray(len(text))
        # "USA TODAY" is a newspaper, not a day: lexicon words inside other names are not dates.
        self.named = bytearray(len(text))
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                self.named[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)

    @cached_property
    def token_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    def free(self, s: int, e: int) -> bool:
        return not any(self.used[s:e])

    def unnamed(self, s: int, e: int) -> bool:
        return self.free(s, e) and not any(self.named[s:e])

    def take(self, cand: _Candidate | None) -> None:
        if cand is None:
            return
        self.taken.append(cand)
        self.used[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)

    def word_before(self, s: int) -> str:
        words = re.findall(r"[A-Za-z]+", self.text[max(0, s - 20):s])
        return words[-1].lower() if words else ""

    # -- passes, in order

    def shared_month(self) -> None:
        """ "27 and 29 May" (two days), "3-5 June 2017" (one span)."""
        for pattern in _SHARED_MONTH:
            for m in pattern.finditer(self.text):
                if self.free(*m.span()):
                    self._shared_month(m)

    def _shared_month(self, m: re.Match) -> None:
        month = _MONTH_NUMBER[m.group("month")[:3].lower()]
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        year = int(m.group("year")) if m.group("year") else None
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return
        direction = _direction(None, _tense(self.doc, *m.span(), self.lex), False)
        if re.fullmatch(_AND, m.group("sep").strip() or ","):
            # A list: each day is its own event; the first day's words are just its number.
            # "27 and 29 May" -> "27", "29 May"; "May 27 and 29" -> "May 27", "29".
            for (s, e), day in (((m.start(), m.end("d1")), d1), ((m.start("d2"), m.end()), d2)):
                if (cand := self._dated(s, e, month, day, year, direction)) is not None:
                    cand.extra["group"] = m.span()  # the label leaves out the whole list
                    self.take(cand)
            return
        if d2 <= d1:
            return
        start = self._dated(m.start(), m.end(), month, d1, year, direction)
        if start is None:
            return
        if start.begin is not None:
            end_day = min(d2, calendar.monthrange(start.begin.year, month)[1])
            start.finish = start.begin.replace(day=end_day)
        start.extra["range"] = True
        self.take(start)

    def _dated(self, s: int, e: int, month: int, day: int | None, year: int | None, direction: str):
        if year is not None:
            when = date(year, month, day) if day and 1 <= day <= calendar.monthrange(year, month)[1] else None
            if day is not None and when is None:
                return None
            when = when or date(year, month, 1)
            precision = "day" if day is not None else "month"
            return _Candidate(s, e, "absolute", precision, *_interval(when, precision))
        return _calendar(s, e, self.published, month, day, None, direction, guessed=True)

    def year_ranges(self) -> None:
        for m in _YEAR_RANGE.finditer(self.text):
            s = m.start("y1") if m.group("between") else m.start()
            if not self.free(s, m.end()) or (m.group("sep").lower() == "and" and not m.group("between")):
                continue
            y1, raw = int(m.group("y1")), m.group("y2")
            y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
            if y1 < y2 <= y1 + 100 and not self._counts_something(m.end()):
                cand = _Candidate(s, m.end(), "absolute", "year", date(y1, 1, 1), date(y2, 12, 31))
                cand.extra["range"] = True
                self.take(cand)

    def _counts_something(self, end: int) -> bool:
        """ "a force of 1800 troops", "at 1803 GMT": a number, not a year ("by 2020 prices had
        doubled" is a year, so only after "of" and in ranges is a plural noun taken as counted)."""
        if _CLOCK_AFTER.match(self.text, end):
            return True
        i = bisect_left(self.token_starts, end)
        return i < len(self.doc) and self.doc[i].tag_ == "NNS"

    def absolute(self) -> None:
        for pattern, precision in _ABSOLUTE:
            for m in pattern.finditer(self.text):
                s, e = (m.start("year"), m.end("year")) if precision == "year" else m.span()
                counted = precision == "year" and m.group(0)[:2].lower() == "of"
                if self.free(s, e) and not (counted and self._counts_something(e)):
                    self.take(_absolute(self.text, s, e, precision))

    def modifier_years(self) -> None:
        """ "a 2021 merger": the year is a date when a singular noun or an adjective follows it."""
        for m in _MODIFIER_YEAR.finditer(self.text):
            s, e = m.span("year")
            span = self.doc.char_span(s, e)
            if span is None or not self.free(s, e) or span.end >= len(self.doc):
                continue
            if self.doc[span.end].tag_ in ("NN", "NNP", "NNPS", "JJ"):
                self.take(_absolute(self.text, s, e, "year"))

    def decades(self) -> None:
        found = [(m.span(), int(m.group("decade"))) for m in _DECADE.finditer(self.text)]
        found += [(m.span("decade"), 1900 + int(m.group("short"))) for m in _SHORT_DECADE.finditer(self.text)]
        for (s, e), first in found:
            if self.free(s, e):
                self.take(_Candidate(s, e, "decade", "year", date(first, 1, 1), date(first + 9, 12, 31)))

    def anchored(self) -> None:
        lex = self.lex
        for m in lex.anchored.finditer(self.text):
            if self.free(*m.span()):
                count = lex.numbers.get(m.group("count").lower()) or int(m.group("count"))
                if count > _MAX_COUNT:
                    continue  # "99999 years after": no calendar date
                sign = -1 if m.group("direction").lower() in ("before", "prior to") else 1
                self.take(_Candidate(*m.span(), "anchored", offset=(m.group("unit").lower(), sign * count)))

    def anaphoric(self) -> None:
        """ "two days later", "the next day": resolved after the passes, from the date told before."""
        for m in self.lex.anaphoric.finditer(self.text):
            if not self.free(*m.span()):
                continue
            if m.group("which"):
                unit = m.group("unit2").lower()
                unit = "day" if unit in ("morning", "evening", "night") else unit
                n = 1 if m.group("which").lower() in ("next", "following") else -1
            else:
                unit = m.group("unit").lower()
                n = self.lex.numbers.get(m.group("count").lower()) or int(m.group("count"))
                n = n if m.group("direction").lower() == "later" else -n
                if abs(n) > _MAX_COUNT:
                    continue
            cand = _Candidate(*m.span(), "anchored", offset=(unit, n))
            cand.extra["back"] = True
            self.take(cand)

    def weekends(self) -> None:
        for m in self.lex.spans.finditer(self.text):
            if self.unnamed(*m.span()):
                phrase = " ".join(m.group(0).lower().split())
                self.take(_span_phrase(m.start(), m.end(), phrase, self.published, self.lex))

    def ahead(self) -> None:
        """ "will resume in two weeks": that far after publication; "unseen in 75 years" is no date."""
        for m in self.lex.ahead.finditer(self.text):
            if not self.unnamed(*m.span()) or not _looks_ahead(self.doc, *m.span(), self.lex):
                continue
            count_word, unit = " ".join(m.group("count").lower().split()), m.group("unit").lower()
            count = self.lex.numbers.get(count_word) or int(count_word)
            if count > _MAX_COUNT:
                continue
            cand = _Candidate(*m.span(), "relative", unit)
            cand.extra["guessed"] = count_word in ("a few", "a couple of", "several")
            if self.published is not None:
                cand.begin, cand.finish = _interval(_shift(self.published, unit, count), cand.precision)
            self.take(cand)

    def months(self) -> None:
        """ "in June", "last June", "June 3", "3 June", "June this year"."""
        for pattern in (_DAY_FIRST, _MONTH_FIRST):
            for m in pattern.finditer(self.text):
                if not self.unnamed(*m.span()):
                    continue
                rel, day, yrel = m.groupdict().get("rel"), m.group("day"), m.group("yrel")
                if not (rel or day or yrel) and not self._bare_month_is_a_date(m.start()):
                    continue  # "May" the verb, "June" the name
                year = self.published.year + _YEAR_OF_REL[yrel.lower()] if yrel and self.published else None
                direction = _direction(rel, _tense(self.doc, *m.span(), self.lex), False)
                month = _MONTH_NUMBER[m.group("month")[:3].lower()]
                cand = _calendar(*m.span(), self.published, month, int(day) if day else None, year,
                                 direction, guessed=not (rel or yrel))
                self.take(cand)

    def _bare_month_is_a_date(self, s: int) -> bool:
        """ "in June", "since March"; after "to", "and", "or", "through" only with a date just before
        ("from March to May"), so "talked to June and April" is no date."""
        word = self.word_before(s)
        if word not in self.lex.calendar_preps:
            return False
        if word in ("to", "and", "or", "through"):
            return any(self.used[max(0, s - 25):s])  # a date taken just before: "from March to May"
        return True

    def seasons(self) -> None:
        """ "last summer", "in the spring", "the winter of 2019"; northern-hemisphere months, uncertain."""
        for m in _SEASON.finditer(self.text):
            rel, year, season = m.group("rel"), m.group("year"), m.group("season").lower()
            context = _SEASON_CONTEXT.search(self.text, max(0, m.start() - 20), m.start())
            told = rel or year or (season != "fall" and context)
            if not told or not self.unnamed(*m.span()):
                continue
            cand = _Candidate(*m.span(), "absolute" if year else "relative", "month")
            cand.extra["guessed"] = True  # hemisphere and edges are conventions
            first_month = self.lex.seasons[season]
            if year:
                cand.begin = date(int(year), first_month, 1)
            elif self.published is not None:
                direction = _direction(rel, _tense(self.doc, *m.span(), self.lex), False)
                cand.begin = _season_start(self.published, first_month, direction)
            if cand.begin is not None:
                cand.finish = cand.begin + relativedelta(months=3, days=-1)
            self.take(cand)

    def weekdays(self) -> None:
        """ "on Friday", "last Monday", "next Tuesday", "Sunday night"."""
        for m in _WEEKDAY_NAME.finditer(self.text):
            if not self.unnamed(*m.span()):
                continue
            if self._names_the_next_date(m):
                continue
            rel = m.group("rel")
            cand = _Candidate(*m.span(), "relative", "day")
            cand.extra["guessed"] = rel is None  # past or coming is a guess from the tense, so say so
            if self.published is not None:
                direction = _direction(rel, _tense(self.doc, *m.span(), self.lex), True)
                weekday = _WEEKDAY_NUMBER[m.group("weekday").lower()]
                cand.begin = cand.finish = _weekday_date(self.published, weekday, direction)
            self.take(cand)

    def _names_the_next_date(self, m: re.Match) -> bool:
        """ "Friday, November 22, 2024": the weekday is that date's own; the date takes its words."""
        gap = re.match(r"\s*,?\s*", self.text[m.end():])
        at = m.end() + gap.end()
        date_after = next((c for c in self.taken if c.start == at and c.precision == "day"), None)
        if date_after is None:
            return False
        self.used[m.start():at] = b"\x01" * (at - m.start())
        date_after.start = m.start()
        month, day = date_after.extra.get("calendar", (None, None))
        if self.published is not None and day is not None:
            # "Thursday, July 25" without a year: the year whose July 25 is a Thursday, nearest first.
            weekday = _WEEKDAY_NUMBER[m.group("weekday").lower()]
            years = [self.published.year + k for k in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6)]
            fits = [date(y, month, day) for y in years if 1 <= day <= calendar.monthrange(y, month)[1]
                    and date(y, month, day).weekday() == weekday]
            if fits:
                date_after.begin = date_after.finish = fits[0]
                date_after.extra["guessed"] = False
        return True

    def period_parts(self) -> None:
        """ "by year end", "by the end of the month": the part of the publication's own period."""
        for m in self.lex.period_part.finditer(self.text):
            if not self.unnamed(*m.span()):
                continue
            unit, part = self.lex.period_parts[" ".join(m.group(0).lower().split())]
            cand = _Candidate(*m.span(), "relative", unit)
            cand.extra["guessed"] = True
            if self.published is not None:
                cand.begin, cand.finish = _part(*_interval(self.published, unit), unit, part, self.published)
            self.take(cand)

    def relative(self) -> None:
        for m in self.lex.relative.finditer(self.text):
            if self.unnamed(*m.span()):
                self.take(_relative(self.text, *m.span(), self.published, "relative"))

    def vague(self) -> None:
        for m in self.lex.vague.finditer(self.text):
            if self.unnamed(*m.span()) and _is_vague_adverb(self.doc, self.text, *m.span(), self.lex):
                self.take(_Candidate(*m.span(), "vague", "open"))

    def entities(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ == "DATE" and self.free(ent.start_char, ent.end_char):
                self.take(self._entity(ent))

    def _entity(self, ent: SpacySpan) -> _Candidate | None:
        phrase, s, e = _normalise(ent.text), ent.start_char, ent.end_char
        if re.fullmatch(r"\d{4}", phrase) and (
            _CLOCK_AFTER.match(self.text, e) or _COUNT_BEFORE.search(self.text[max(0, s - 10):s])
            or (self.word_before(s) == "of" and self._counts_something(e))
        ):
            return None  # "at 1803 GMT", "Views: 1788", "a force of 1800 troops"
        if _HAS_YEAR.search(phrase):
            parsed = _parse(phrase, None, False)
            if parsed is None:
                return None
            precision = parsed[1] if parsed[1] in ("day", "week", "month", "year") else "day"
            if precision != "year" and not _NAMES_A_MONTH.search(phrase):
                return None  # "24, 2021": dateparser took the missing month from today's date
            return _Candidate(s, e, "absolute", precision, *_interval(parsed[0], precision))
        if _BARE_NAME.fullmatch(phrase):
            return None  # a month or weekday name the calendar passes did not take: not a date here
        if _NAMES_A_TIME.search(phrase) and _parse(phrase.lower(), self.published or date(2000, 1, 1), False):
            # Only keep entity texts that name a time dateparser can read; resolve them if we may.
            future = _tense(self.doc, s, e, self.lex) == "future"
            return _relative(self.text, s, e, self.published, "relative", future)
        return None

    def run(self) -> list[_Candidate]:
        passes = (
            self.shared_month, self.year_ranges, self.seasons, self.absolute, self.modifier_years,
            self.decades, self.anchored, self.anaphoric, self.weekends, self.ahead, self.period_parts,
            self.months, self.weekdays, self.relative, self.vague, self.entities,
        )
        for step in passes:
            step()
        self.taken.sort(key=lambda c: c.start)
        self._parts()
        self._ranges()
        _attach_anchors(self.taken, self.text, self.lex)
        return self.taken

    # -- after the passes

    def _parts(self) -> None:
        """ "early June", "mid-2019", "earlier this month", "the end of last year": part of the period."""
        for cand in self.taken:
            if cand.kind not in ("absolute", "relative", "decade") or cand.extra.get("range"):
                continue
            m = self.lex.part_before.search(self.text, max(0, cand.start - 40), cand.start)
            if m is None or not self.free(m.start(), m.end()):
                continue
            part = self.lex.parts[" ".join(m.group("part").lower().split())]
            cand.start = m.start()
            if part == "week":  # "the week of Oct. 8"
                cand.precision = "week"
                if cand.begin is not None:
                    cand.begin, cand.finish = _interval(cand.begin, "week")
                continue
            cand.extra["guessed"] = True  # where "early" ends is a convention, not the text's
            if cand.begin is not None:
                cand.begin, cand.finish = _part(cand.begin, cand.finish, cand.precision, part, self.published)

    def _ranges(self) -> None:
        """ "from March 3 to March 7, 2005", "between January and March": one span, not two dates."""
        out: list[_Candidate] = []
        for cand in self.taken:
            prior = out[-1] if out else None
            merged = self._merge(prior, cand) if prior is not None else None
            if merged is not None:
                out[-1] = merged
            else:
                out.append(cand)
        self.taken[:] = out

    def _merge(self, a: _Candidate, b: _Candidate) -> _Candidate | None:
        if a.kind not in ("absolute", "relative") or b.kind not in ("absolute", "relative"):
            return None
        gap = _RANGE_GAP.fullmatch(self.text, a.end, b.start)
        before = _BEFORE_RANGE.search(self.text, max(0, a.start - 12), a.start)
        if gap is None or before is None or (gap.group("sep").lower() == "and") != (
            before.group("word").lower() == "between"
        ):
            return None
        span = self.doc.char_span(a.start, b.end, alignment_mode="expand")
        verb = _verb_of(span.root) if span is not None else None
        if verb is not None and verb.lemma_.lower() in self.lex.range_blockers:
            return None  # "postponed from March to May": two dates
        begin = a.begin
        if "calendar" in a.extra and b.kind == "absolute" and b.begin is not None:
            month, day = a.extra["calendar"]  # "from March 3 to March 7, 2005": 2005 dates both
            begin = date(b.begin.year, month, min(day or 1, calendar.monthrange(b.begin.year, month)[1]))
            if begin > b.begin:
                begin = begin - relativedelta(years=1)
        finish = b.finish
        if "calendar" in b.extra and a.kind == "absolute" and begin is not None:
            month, day = b.extra["calendar"]  # "from March 3, 2005 to March 7": 2005 dates both
            end = date(begin.year, month, 1)
            finish = _interval(end, "month")[1] if day is None else end.replace(
                day=min(day, calendar.monthrange(begin.year, month)[1]))
        if begin is not None and finish is not None and "calendar" in b.extra and finish < begin:
            finish = finish + relativedelta(years=1)  # "from November to February"
        if begin is not None and finish is not None and finish < begin:
            return None
        kind = "absolute" if "absolute" in (a.kind, b.kind) and begin is not None else "relative"
        precision = max(a.precision, b.precision, key=_PRECISIONS.index)
        merged = _Candidate(a.start, b.end, kind, precision, begin, finish)
        merged.extra.update(range=True, guessed=bool(a.extra.get("guessed") and b.extra.get("guessed")))
        return merged


def _find_candidates(doc: Doc, text: str, published: date | None, lex: _Lexicon) -> list[_Candidate]:
    return _Finder(doc, text, published, lex).run()


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


def _attach_back(before: list[_Candidate], cand: _Candidate, text: str) -> None:
    """ "On March 3 the army entered. Two days later it left.": March 5, from the date just before."""
    for prior in reversed(before):
        if "\n" in text[prior.end:cand.start]:
            return  # another paragraph: no longer the story's last date
        if prior.begin is not None and prior.kind in ("absolute", "relative") and prior.precision != "open":
            unit, n = cand.offset
            cand.anchor = prior
            # the coarser of the two: "two days later" than "in June" is no exact day
            cand.precision = max(unit, prior.precision, key=_PRECISIONS.index)
            cand.begin = _shift(prior.begin, unit, n)
            cand.begin, cand.finish = _interval(cand.begin, cand.precision)
            return


def _attach_anchors(cands: list[_Candidate], text: str, lex: _Lexicon) -> None:
    """ "the day after the fall of Baghdad on April 9, 2003": resolve against the next dated candidate."""
    for i, cand in enumerate(cands):
        if cand.kind != "anchored":
            continue
        if cand.extra.get("back"):
            _attach_back(cands[:i], cand, text)
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
        self.index = MentionIndex(actors)

    def actors_in(self, span: Span) -> list[str]:
        return sorted(self.index.overlapping(span.start, span.end), key=self.order.__getitem__)


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


def _evidence_start(article: Article, start: int, cand: _Candidate) -> int:
    for b in article.structure.boilerplate:
        # a caption or byline the parser ran into the sentence is not part of its evidence
        if start < b.end <= cand.start and b.start < cand.start:
            start = max(start, b.end)
    for line in article.structure.datelines:
        # "al-Malaf, July 10,2007: Day by day…": the dateline frames the sentence, it is not part of it.
        if line.span.start <= start < line.span.end <= cand.start:
            start = line.span.end
    return start


def _ongoing(text: str, sent: SpacySpan, cand: _Candidate, lex: _Lexicon) -> tuple[bool, str | None]:
    """ "began from X … and is still continuing", "since X": (runs until publication, the marker)."""
    ongoing_match = lex.ongoing.search(sent.text)
    preceding = re.findall(r"[A-Za-z]+", text[max(sent.start_char, cand.start - 25):cand.start].lower())[-2:]
    starts = any(w in lex.start_markers for w in preceding)
    ongoing = starts and not cand.extra.get("range") and (
        ongoing_match is not None or any(w in lex.ongoing_start_markers for w in preceding)
    )
    return ongoing, ongoing_match.group(0) if ongoing_match is not None else None


def _event(
    doc: Doc, article: Article, mentions: _Mentions, cand: _Candidate, published: date | None, lex: _Lexicon
) -> Event | None:
    text = article.text
    sent = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if sent is None:
        return None
    sent = sent[0].sent
    start = _evidence_start(article, sent.start_char, cand)
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

    date_tokens = _tokens_of(doc, *cand.extra.get("group", (cand.start, cand.end)))
    ongoing, marker = _ongoing(text, sent, cand, lex)

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
    if cand.kind == "anchored" and not cand.extra.get("back"):
        date_tokens |= _tokens_of(doc, cand.anchor.start, cand.anchor.end)
        base["date_text"] = make_span(text, cand.start, cand.anchor.end)
    if ongoing:
        # "began from X … and is still continuing": from X until the article was published.
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
