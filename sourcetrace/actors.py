"""Actors: spaCy entities resolved into people, organisations and countries.

Three steps. `_Collector` takes mentions from `doc.ents` (dropping boilerplate, non-actor labels
and known small-model failure classes; trimming determiners, titles and honorifics, which become
titles; relabelling what the model types as a class wrongly: a company's formal name or an outlet
is an organisation, a name after a person noun is a person; marking outlets by name and context).
`_Propagator` finds names the model missed from the ones it found: a surname after the full name,
a company's short form, an acronym of a long name, "Mr X", capitalised runs closed by a legal
form or a public body's head. `_Resolver` merges groups of mentions (networkx's union-find): same
gazetteer id, country or normalised name; parenthesised acronyms; surname <-> full name and
transliteration variants (rapidfuzz); company short forms ("Kivuli Mining Ltd" / "Kivuli"),
"the Post" for an outlet's last word, "X Ministry" / "Ministry of X", initial-letter acronyms;
then mistyped short forms join the names they are short for. Candidates are blocked by
normalised token, core and initials, so cost grows with the number of distinct names, never with
mentions squared. Word lists live in data/ (titles, company words, outlet words and cues, person
nouns, institution heads, the gazetteer).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from networkx.utils import UnionFind
from rapidfuzz.distance import Indel
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sourcetrace.model import Actor, Article, Span
from sourcetrace.nlp import entity_kind_and_id
from sourcetrace.places import geonames_countries
from sourcetrace.spans import make_span

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COUNTRIES_FILE = DATA_DIR / "countries.jsonl"
GROUPS_FILE = DATA_DIR / "groups.jsonl"
TITLES_FILE = DATA_DIR / "titles.txt"
COMPANY_WORDS_FILE = DATA_DIR / "company_words.txt"
OUTLET_WORDS_FILE = DATA_DIR / "outlet_words.txt"
OUTLET_CUES_FILE = DATA_DIR / "outlet_cues.txt"
PERSON_NOUNS_FILE = DATA_DIR / "person_nouns.txt"
INSTITUTION_HEADS_FILE = DATA_DIR / "institution_heads.txt"
LANGUAGES_FILE = DATA_DIR / "languages.txt"

# Labels that never name someone who can act or speak.
NON_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
     "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
)
PLACE_LABELS = frozenset({"GPE", "LOC"})
# A quoted name after one of these is a person, whatever the model says ('identified as "Hashemi"').
NAMING_CUES = ("identified as", "named", "called", "known as", "nicknamed", "alias", "dubbed")
_QUOTES = "\"'“”‘’«»"
_CONNECTORS = frozenset({"of", "for", "the", "on", "and"})
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "a", "an"})
# Lower-case words that belong to a name ("al-Malaf", "de Blasio", "bin Laden").
_NAME_PARTICLES_ALL = frozenset(
    {"al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ibn", "bint", "abu", "de", "del", "della",
     "da", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "ten", "dos", "das", "y", "e"}
)
_STANCE_PREFIXES = frozenset({"pro", "anti", "un", "non"})
_TITLE_CONNECTORS = frozenset({"of", "for", "the", "on"})
_NAME_PARTICLES = frozenset({"al", "el"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam"})
_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z&])+\.?")
# Mixed-case and numbered acronyms ("MoD", "DoJ", "IC3"): two capitals at least.
_LOOSE_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})(?:[A-Z]\.?|[a-z](?=[A-Z])|[0-9]|&)+")
_PAREN_ACRONYMS = re.compile(
    r"\s*\(\s*([A-Z](?:\.?[A-Z&])+\.?(?:\s*/\s*[A-Z](?:\.?[A-Z&])+\.?)*)\s*\)"
    r"|,\s+or\s+([A-Z][A-Z0-9&]+)(?=\s*[,.;:)\u2013\u2014-])"
)
# "(IC3)", "(PMO)", "(VMO2)": an acronym in parentheses, right after the words it may spell out
_SPELT_ACRONYM = re.compile(r"(?<=\w)\s\(((?:[A-Z][a-z]?){1,7}[A-Z0-9]?[0-9]?)\)")
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\b(?![\w-])")
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "al", "el", "de", "in", "on"})
MAX_TITLE_TOKENS = 8


@dataclass
class _Mention:
    start: int
    end: int
    label: str
    surface: str
    gaz_kind: str | None = None
    gaz_id: str | None = None
    country: str | None = None  # the country or party this mention names ("Iranian" -> Iran)
    demonym: bool = False
    country_type: str = "GPE"
    titles: list[str] = field(default_factory=list)
    outlet: bool = False  # a news outlet by its name or its context ("newspaper X", "X reported")
    after_the: bool = False  # written "the X" ("the Post")


@dataclass
class _Cluster:
    mentions: list[int]
    tokens: tuple[str, ...]
    family: str
    last_start: int


@lru_cache(maxsize=1)
def _affiliations() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(adjective -> (name, type), name-or-alias -> (name, type)), keys normalised.

    Countries ("Iranian" -> Iran) and political parties ("Republican" -> Republican Party):
    an adjective of affiliation is a mention of what it points to, not an actor of its own.
    """
    adjectives: dict[str, tuple[str, str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for path, default_type in ((COUNTRIES_FILE, "GPE"), (GROUPS_FILE, "ORG")):
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            target = (row.get("country") or row["name"], row.get("type", default_type))
            names[_norm(target[0])] = target
            for alias in row.get("aliases", []):
                names[_norm(alias)] = target
            for adj in row.get("demonyms", []) + row.get("adjectives", []):
                adjectives[_norm(adj)] = target
    # every other country and territory GeoNames knows ("Uruguay", "Falkland Islands"): no demonyms
    for country in geonames_countries():
        names.setdefault(_norm(country), (country, "GPE"))
    return adjectives, names


def title_words() -> frozenset[str]:
    """The words that head a person's title (data/titles.txt), lower-case."""
    return _title_words()


def is_outlet_name(surface: str) -> bool:
    """A name that says it is a news outlet ("VICE News", "The Canadian Press", "Nigerian Tribune")."""
    return _is_outlet_name(surface)


def is_company_word(token: str) -> bool:
    """A legal form or business word that closes a company's name ("Holdings", "Ltd", "Group")."""
    return _is_company_word(token.lower())


def institution_heads() -> frozenset[str]:
    """Words that head a public body's name ("ministry", "department"; data/institution_heads.txt)."""
    return _institution_heads()


def person_nouns() -> frozenset[str]:
    """Nouns naming a person's role ("agent", "spokesperson", "striker"; data/person_nouns.txt)."""
    return _person_nouns()


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    if not TITLES_FILE.exists():
        return frozenset()
    return frozenset(
        w.strip().lower()
        for w in TITLES_FILE.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=1)
def _company_word_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(formal words: legal forms and holding words, every company word)."""
    formal: set[str] = set()
    every: set[str] = set()
    section = "formal"
    for line in _read_lines(COMPANY_WORDS_FILE):
        if line.startswith("["):
            section = line.strip("[]").strip()
            continue
        word = line.lower().rstrip(".")
        every.add(word)
        if section == "formal":
            formal.add(word)
    return frozenset(formal), frozenset(every)


def _company_words() -> frozenset[str]:
    return _company_word_sets()[1]


def company_words() -> frozenset[str]:
    """Every word of a company's name form (data/company_words.txt: "Ltd", "Holdings", "Mining")."""
    return _company_words()


@lru_cache(maxsize=1)
def _closing_words() -> re.Pattern:
    """Capitalised legal forms, holding words and public bodies' heads, as they start a token."""
    words = sorted(_company_word_sets()[0] | _institution_heads(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?i:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


# A token with two capitals at least ("FMA", "MoD", "IC3"): a possible acronym.
_CAPITALS = re.compile(r"(?<![\w.&-])[A-Z][\w.&]*[A-Z0-9][\w.&]*")


def _is_institution_head(tok) -> bool:
    return tok.text[:1].isupper() and tok.lower_ in _institution_heads()


def _is_formal_word(tok) -> bool:
    """ "Inc", "Ltd.", "Holdings": written with a capital, it closes a company's formal name."""
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in _company_word_sets()[0]


@lru_cache(maxsize=1)
def _institution_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in _read_lines(INSTITUTION_HEADS_FILE))


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in _read_lines(PERSON_NOUNS_FILE))


@lru_cache(maxsize=1)
def _outlet_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words that make a name an outlet anywhere in it, words that do so as its last word)."""
    anywhere, last = set(), set()
    for line in _read_lines(OUTLET_WORDS_FILE):
        where, _, word = line.partition(":")
        (anywhere if where.strip() == "any" else last).add(word.strip())
    return frozenset(anywhere), frozenset(last)


@lru_cache(maxsize=1)
def _surname_outlet_words() -> frozenset[str]:
    """Last words of outlets' names that are surnames too ("surname:" in data/outlet_words.txt)."""
    lines = _read_lines(OUTLET_WORDS_FILE)
    return frozenset(line.partition(":")[2].strip() for line in lines if line.startswith("surname:"))


@lru_cache(maxsize=1)
def _outlet_cues() -> dict[str, tuple[str, ...]]:
    """{"before": phrases, "after": phrases, "unless": last words}."""
    cues: dict[str, list[str]] = {"before": [], "after": [], "unless": []}
    for line in _read_lines(OUTLET_CUES_FILE):
        where, _, phrase = line.partition(":")
        cues.setdefault(where.strip(), []).append(phrase.strip().lower())
    return {k: tuple(v) for k, v in cues.items()}


@lru_cache(maxsize=8192)
def _norm_tokens(name: str) -> tuple[str, ...]:
    """Comparable tokens: no accents, apostrophes, possessives, leading "the", "al-" particles."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    s = re.sub(r"'s\b", "", s)
    s = s.replace("'", "")
    tokens = [t for t in re.split(r"[^\w]+", s) if t]
    while tokens and tokens[0] in ("the", *_HONORIFICS):
        tokens = tokens[1:]
    tokens = _without_styles(tokens)
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in _NAME_PARTICLES] or tokens
    return tuple(tokens)


# Malaysian and Bruneian styles before a name ("Datuk Seri Anwar", "Tan Sri Muhyiddin", "Dato'
# Sri Najib"): "Tan" and "Tun" only with "Sri"/"Seri" after them ("Tan" alone is a surname).
_STYLES = frozenset({"datuk", "dato", "datin", "datok"})
_STYLE_PAIRS = frozenset({"tan", "tun", "toh", *_STYLES})
_STYLE_SECOND = frozenset({"seri", "sri"})


def _without_styles(tokens: list[str]) -> list[str]:
    if len(tokens) >= 2 and tokens[0] in _STYLE_PAIRS and tokens[1] in _STYLE_SECOND:
        return tokens[2:]
    if tokens and tokens[0] in _STYLES:
        return tokens[1:]
    return tokens


def _norm(name: str) -> str:
    return " ".join(_norm_tokens(name))


def _skeleton(token: str) -> str:
    """Consonants only: transliterations of one name mostly differ in vowels (Qumi/Qomi)."""
    return re.sub(r"[aeiouy]", "", token)


def _same_name_token(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    if min(len(a), len(b)) >= 5 and Indel.normalized_similarity(a, b) >= 0.8:
        return True
    skel_a, skel_b = _skeleton(a), _skeleton(b)
    return len(skel_a) >= 2 and skel_a == skel_b and abs(len(a) - len(b)) <= 2


# Generational suffixes a full name may end with ("Benigno Aquino III", "Martin Luther King Jr."):
# the surname is the word before them.
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _without_suffix(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tokens[:-1] if len(tokens) >= 2 and tokens[-1] in _NAME_SUFFIXES else tokens


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Surname <-> full name, or the same name spelt differently; never two different first names."""
    a, b = _without_suffix(a), _without_suffix(b)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    if len(short) == len(long_):
        return all(_same_name_token(x, y) for x, y in zip(short, long_, strict=True))
    if len(short) >= 2 and all(_same_name_token(x, y) for x, y in zip(short, long_, strict=False)):
        # "Tuan Ibrahim" for "Tuan Ibrahim Tuan Man", "Abdulla Yameen" for "Abdulla Yameen Abdul
        # Gayoom": a name without its patronymic or second surname, two words at least
        return True
    # The shorter form must end with the surname and its other tokens appear in order.
    if not _same_name_token(short[-1], long_[-1]):
        return False
    j = 0
    for tok in short[:-1]:
        while j < len(long_) - 1 and not _same_name_token(tok, long_[j]):
            j += 1
        if j >= len(long_) - 1:
            return False
        j += 1
    return True


def _initials(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t not in _INITIAL_SKIP)


def _family(label: str) -> str:
    if label in PLACE_LABELS:
        return "PLACE"
    return label


def _is_quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES


def _after_naming_cue(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].rstrip(_QUOTES + " ").lower()
    return any(before.endswith(cue) for cue in NAMING_CUES)


def _is_title_word(word: str) -> bool:
    """A title or honorific ("President", "Gen.", "Mr")."""
    w = word.lower()
    return w in _title_words() or w.rstrip(".") in _title_words() or w.rstrip(".") in _HONORIFICS


def _is_title_token(tok) -> bool:
    return tok.lower_ in _title_words() or tok.lower_.rstrip(".") in _title_words()


def _title_before(doc: Doc, start: int, own_start: int | None = None) -> tuple[int, int] | None:
    """Token range of a capitalised title right before a name ("Iraqi President", "Minister of
    State for National Security"); tokens from `own_start` on belong to the name's own entity."""
    i, first = start - 1, start
    floor = start if own_start is None else own_start
    while i >= 0 and start - i <= MAX_TITLE_TOKENS:
        tok = doc[i]
        other_person = tok.ent_type_ == "PERSON" and i < floor
        joined = tok.text == "-" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
        if joined and doc[i - 1].text[:1].isupper():  # "Inspector-General of Police"
            first = i
            i -= 1
            continue
        if tok.is_punct or tok.is_space or other_person or "\n" in tok.whitespace_:
            break
        if tok.text[:1].isupper() or tok.lower_ in _TITLE_CONNECTORS:
            first = i
            i -= 1
            continue
        break
    # "But Attorney General": a sentence's first word is not part of the title.
    while first < start and (
        doc[first].lower_ in _CONNECTORS or not doc[first].text[:1].isupper()
        or (doc[first].is_stop and not _is_title_token(doc[first]))
    ):
        first += 1
    if first < start and any(_is_title_token(t) for t in doc[first:start]):
        return first, start
    return None


def _title_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token range of a title in apposition after a name ("al-Obeidi, Defense Minister and ...")."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    first = i
    while i < len(doc) and i - first < MAX_TITLE_TOKENS:
        tok = doc[i]
        if tok.ent_type_ == "PERSON":
            return None  # the title of the next person in a list
        if tok.text[:1].isupper() or (tok.lower_ in _TITLE_CONNECTORS and i > first):
            i += 1
            continue
        break
    last = i
    while last > first and doc[last - 1].lower_ in _CONNECTORS:
        last -= 1
    if last > first and doc[first].text[:1].isupper() and any(_is_title_token(t) for t in doc[first:last]):
        return first, last
    return None


def _title_in_appositive(doc: Doc, ent: SpacySpan) -> tuple[int, int] | None:
    """A lower-case title in apposition, from the parse ("Qumi, the Iranian regime’s ambassador
    to Iraq," -> "Iranian regime’s ambassador to Iraq"); None without a parser."""
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end or not _is_title_token(child):
            continue
        first, last = child.left_edge.i, child.right_edge.i + 1
        # It must follow the name directly ("Name, the ..."), not a later item of a list.
        if first != ent.end + 1 or doc[ent.end].text != ",":
            continue
        if any(t.ent_type_ == "PERSON" for t in doc[first:last]):
            continue
        if last - first > MAX_TITLE_TOKENS:
            last = child.i + 1  # keep the head, drop a long tail
        while first < child.i and doc[first].pos_ == "DET":
            first += 1
        while last > child.i + 1 and (doc[last - 1].is_punct or doc[last - 1].lower_ in _CONNECTORS):
            last -= 1
        return first, last
    return None


def _role_inside(doc: Doc, first: int, last: int) -> int | None:
    """ "Department spokesperson Marika Champion" read as one organisation: the token of a
    person noun inside the entity (lower-case, or opening the sentence) with one to three
    capitalised proper nouns after it, which are a person's name (the words up to the noun are
    the title)."""
    for i in range(first, last - 1):
        tok = doc[i]
        if tok.lower_ not in _person_nouns() or tok.lower_ in _SHARED_ROLES:
            continue
        if tok.text[:1].isupper() and not tok.is_sent_start:
            continue  # "Foreign Minister Ali Saleh" is the title heading a name, read elsewhere
        name = doc[i + 1 : last]
        if len(name) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
            if not _is_company(_norm_tokens(name.text)):
                return i
    return None


def _person_after_title(doc: Doc, first: int, last: int) -> int | None:
    """ "the Minister for Information and Broadcasting Pervaiz Rasheed" read as one organisation:
    a capitalised title opening the entity, then the name of a person the text names elsewhere
    ("Pervaiz Rasheed says ..."): the token before the name (the words up to it are the title)."""
    if last - first < 2 or not (_is_title_token(doc[first]) and doc[first].text[:1].isupper()):
        return None
    people = {e.text for e in doc.ents if e.label_ == "PERSON" and not (first <= e.start < last)}
    for n in (3, 2, 1):
        j = last - n
        if j <= first:
            continue
        name = doc[j:last]
        if all(t.pos_ == "PROPN" and not _is_title_token(t) for t in name) and name.text in people:
            return j - 1
    return None


def _title_in_front(doc: Doc, ent: SpacySpan, start: int | None = None) -> tuple[int, int] | None:
    """A title in apposition before the name ("Acme's chief executive, Tom Smith, said", "The
    bank's governor, Ana Lopes,", "The company's finance director Ana Lopes"): the name is the
    apposition of a title noun right before it (and its comma); or the lower-case words the parse
    hangs on the name before it ("Toyota Motor’s chief executive Akio Toyoda", "MoI spokesman Mufti
    Abdul Mateen Qani"), when a title word is among them, up to `start` (where a capitalised title
    read by `_title_before` begins); None without a parser."""
    head = ent.root.head
    comma = ent.start >= 2 and doc[ent.start - 1].text == ","
    if ent.root.dep_ == "appos" and head.i == ent.start - 1 - comma:
        # "The bank's governor, Ana Lopes," / "The company's finance director Ana Lopes"
        if not _is_title_token(head) or head.pos_ not in ("NOUN", "PROPN"):  # "Special Public Prosecutor, X,"
            return None
        first, last = head.left_edge.i, head.i + 1
    else:
        last = ent.start if start is None else start
        first = _modifiers_before(doc, last, ent.end)
        if first == last or not any(_is_title_token(t) and t.text[:1].islower() for t in doc[first:last]):
            return None  # capitalised titles are _title_before's
    people = [t for t in doc[first:last] if t.ent_type_ == "PERSON" and not _is_title_token(t)]
    if last - first > MAX_TITLE_TOKENS or people:
        return None
    while first < last - 1 and doc[first].pos_ == "DET":
        first += 1
    return first, last


def _modifiers_before(doc: Doc, start: int, end: int) -> int:
    """The first token of the unbroken run before token `start` that the parse hangs on the name
    (ending at `end`), directly or through each other (compounds, adjectives, possessives, "’s")."""
    first = start
    i = start - 1
    while i >= 0 and start - i <= MAX_TITLE_TOKENS:
        tok = doc[i]
        hangs = i < tok.head.i < end and tok.dep_ in ("compound", "amod", "nmod", "poss", "det")
        hangs = hangs and tok.pos_ not in ("VERB", "AUX")  # "quoted" misparsed as an adjective
        hangs = hangs or (tok.dep_ == "case" and tok.head.i == i - 1)  # the "’s" of "Toyota Motor’s"
        if not hangs or "\n" in tok.whitespace_:
            break
        first, i = i, i - 1
    return first


def _is_headline_misparse(article: Article, doc: Doc, first: int, last: int) -> bool:
    """A Title-Case headline the model read as one long name ("Obama Power Plant Rules Face Key Test")."""
    headline = article.structure.headline
    if headline is None or last - first < 4:
        return False
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    return headline.start <= start and end <= headline.end and (end - start) >= 0.6 * len(headline.text)


def _inside_title(doc: Doc, ent: SpacySpan) -> bool:
    """An ORG fragment that is a portfolio inside a title ("Minister of the Interior")."""
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or doc[i].lower_ not in ("of", "for"):
        return False
    span = _title_before(doc, ent.start)
    return span is not None


_SpanKey = tuple[int, int]


# ---- name shapes: companies, outlets, acronyms


def _is_company_word(token: str, fuzzy: bool = False) -> bool:
    words = _company_words()
    if token in words:
        return True
    return fuzzy and len(token) >= 5 and any(len(w) >= 5 and _same_name_token(token, w) for w in words)


def _is_company(tokens: tuple[str, ...]) -> bool:
    """A formal organisation name: it ends in a legal form or business word ("Snap Inc")."""
    return len(tokens) >= 2 and _is_company_word(tokens[-1]) and not _is_company_word(tokens[0])


def _is_country_name(tokens: tuple[str, ...]) -> bool:
    """A country's name or alias ("U.S."), not a party's ("Democratic")."""
    target = _affiliations()[1].get(" ".join(tokens))
    return target is not None and target[1] != "ORG"


@lru_cache(maxsize=4096)
def _cores(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Short forms of a formal name, longest first: "TalkTalk Telecom Group Ltd" -> "TalkTalk
    Telecom Group", "TalkTalk Telecom", "TalkTalk". Never a country ("Japan" of "Japan News")."""
    out: list[tuple[str, ...]] = []
    rest = list(tokens)
    while len(rest) >= 2 and _is_company_word(rest[-1], fuzzy=True):
        rest.pop()
        if rest[-1] in _CONNECTORS or rest[-1] == "&":
            break  # "Ministry of Energy" is no "Ministry"
        core = tuple(rest)
        if not core or len("".join(core)) < 2 or _is_company_word(core[-1]) and len(core) == 1:
            break
        if _is_country_name(core):
            break
        out.append(core)
    return tuple(out)


def _same_tokens(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(_same_name_token(x, y) for x, y in zip(a, b, strict=True))


def _org_fits(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One organisation: the same name spelt alike, or one is a short form of the other
    ("Kivuli Mining" / "Kivuli Mining Ltd"); never two names that share only a word."""
    if a == b or _head_reordered(a, b) or _head_reordered(b, a):
        return True
    if len(a) == len(b):
        return _same_org(a, b)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(_same_tokens(short, core) for core in _cores(long_))


def _head_reordered(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "Defense Ministry" is "Ministry of (National) Defense": the same head, and one's words
    all among the other's."""
    if len(a) < 2 or len(b) < 3 or a[-1] != b[0] or b[1] != "of" or a[-1] not in _institution_heads():
        return False
    mods_a = {t for t in a[:-1] if t not in _CONNECTORS}
    mods_b = {t for t in b[2:] if t not in _CONNECTORS}
    return bool(mods_a) and (mods_a <= mods_b or mods_b <= mods_a)


def _is_outlet_name(surface: str, person: bool = False) -> bool:
    """A name an outlet's word makes an outlet; for a name the model read as a person's, not a last
    word that is also a surname ("Emily Post", "Mara Courier"; "Mirembe Shimbun" and "Kivuli Wire"
    stay outlets)."""
    anywhere, last = _outlet_words()
    words = re.findall(r"[\w’'/-]+", surface)
    if len(words) < 2:
        return False
    if person and words[-1] in _surname_outlet_words():
        return any(w in anywhere for w in words)
    return any(w in anywhere for w in words) or words[-1] in last


def _place_abbreviation(surface: str) -> bool:
    """ "S.C.", "N.C.": two dotted letters abbreviate a place far more often than a body."""
    return "." in surface and len(re.sub(r"[^A-Za-z0-9]", "", surface)) <= 2


def _acronym_keys(surface: str) -> frozenset[str]:
    """How an acronym can spell a name's initials: "MoD" -> {mod, md}, "IC3" -> {ic3, iccc}."""
    s = surface.strip().replace(".", "")
    if not (_ACRONYM.fullmatch(surface.strip()) or _LOOSE_ACRONYM.fullmatch(s)) or len(s) > 8:
        return frozenset()
    keys = {s.lower().replace("&", "")}
    keys.add(re.sub(r"[^A-Z]", "", s).lower())
    keys.add(re.sub(r"([A-Za-z])([2-9])", lambda m: m.group(1) * int(m.group(2)), s).lower().replace("&", ""))
    return frozenset(k for k in keys if len(k) >= 2)


def _initials_keys(tokens: tuple[str, ...]) -> frozenset[str]:
    """A long name's initials, with and without small words and a leading country
    ("U.S. Federal Trade Commission" -> ftc as well as usftc)."""
    if len(tokens) < 2:
        return frozenset()
    variants = [tokens]
    for k in (1, 2, 3):
        if len(tokens) - k >= 2 and _is_country_name(tokens[:k]):
            variants.append(tokens[k:])
    # "Kohlberg Kravis Roberts & Co." -> kkr: the initials without the legal form
    variants += [core for core in _cores(tokens)[:1] if len(core) >= 2]
    keys: set[str] = set()
    for v in variants:
        keys.add(_initials(v))
        keys.add("".join(t if any(c.isdigit() for c in t) and len(t) <= 3 else t[0] for t in v))
    return frozenset(k for k in keys if len(k) >= 2)


def _title_codes(titles: list[str]) -> set[str]:
    """The acronyms of a title's first capitalised words, two words or more ("Inspector General of
    Police" -> ig, igp; "Prime Minister" -> pm). Three letters or more only up to a body's word
    ("Police"): "National Security Adviser" -> nsa also spells an agency's name, an office's code
    never ends on the office ("IGP", not "NSA")."""
    from sourcetrace.attributions.lexicons import body_words

    bodies = body_words()
    codes = set()
    for title in titles:
        words = [w for w in title.split() if w.lower() not in _TITLE_CONNECTORS]
        if not words or not all(w[:1].isupper() and w.isalpha() for w in words[:2]):
            continue
        caps = []
        for w in words:
            if not (w[:1].isupper() and w.isalpha()):
                break
            caps.append(w[0].lower())
        codes.update(
            "".join(caps[:k]) for k in range(2, len(caps) + 1) if k == 2 or words[k - 1].lower() in bodies
        )
    return codes


# ---- collecting mentions


# what a language may describe: "the Urdu daily", "its Persian service", "the Arabic-language channel"
# ("Russian media", "the Turkish press" are a country's media: the country stays an actor)
_LANGUAGE_OF = frozenset({
    "daily", "newspaper", "paper", "weekly", "tabloid", "magazine", "journal", "service", "edition",
    "channel", "television", "tv", "radio", "broadcaster", "website", "site", "station", "network",
    "agency", "version", "programme", "program", "broadcast", "section",
})


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(w.lower() for w in _read_lines(LANGUAGES_FILE))


def _language_descriptor(doc: Doc, i: int, any_case: bool = False) -> int | None:
    """ "Urdu daily", "Arabic-language newspaper", "Persian service": the index of the outlet word
    after the language at token `i`, or None when `i` is no such language (`any_case`: "English
    Daily the Dawn" too)."""
    if doc[i].lower_ not in _languages():
        return None
    j = i + 1
    if j + 1 < len(doc) and doc[j].text in ("-", "‐") and doc[j + 1].lower_ == "language":
        j += 2
    if j >= len(doc) or doc[j].lower_ not in _LANGUAGE_OF:
        return None
    # "English Daily the Dawn": a capitalised word describes only when the paper's name follows it;
    # "Czech Radio", "Turkish Radio" are names
    named_next = j + 1 < len(doc) and doc[j + 1].lower_ == "the"
    return j if doc[j].is_lower or (any_case and named_next) else None


def _trim_entity(doc: Doc, ent: SpacySpan, gaz_id: str | None) -> tuple[int, int] | None:
    """Token range of the name inside an entity: no leading determiners, quotes, dashes or
    lower-case words, no trailing punctuation, possessive or swallowed "(ACRONYM"."""
    first_tok, last_tok = ent.start, ent.end
    for i in range(ent.start + 1, ent.end):
        if doc[i].text == "(":
            last_tok = i  # "World Health Organization (WHO": the acronym is read separately
            break
    while first_tok < last_tok:
        tok = doc[first_tok]
        if tok.is_punct or tok.is_space:
            first_tok += 1
        elif last_tok - first_tok > 1 and _language_descriptor(doc, first_tok) is not None:
            first_tok += 1  # "Urdu daily Jang": the language describes the paper ("daily" goes next)
        elif last_tok - first_tok > 1 and (
            (tok.lower_ in _DETERMINERS and not (gaz_id or "").lower().startswith(tok.lower_ + " "))
            or (tok.is_lower and tok.is_alpha and tok.lower_ not in _NAME_PARTICLES_ALL)
        ):
            first_tok += 1
        else:
            break
    while last_tok > first_tok and (doc[last_tok - 1].is_punct or doc[last_tok - 1].is_space):
        last_tok -= 1
    if last_tok - first_tok > 1 and doc[last_tok - 1].lower_ in ("’s", "'s"):
        last_tok -= 1
    if first_tok >= last_tok:
        return None
    if last_tok == ent.end:
        # "Twitter Inc", "Blackstone Group LP": a legal form right after the name belongs to it.
        while last_tok < len(doc) and _is_formal_word(doc[last_tok]) and not doc[last_tok].ent_type_:
            last_tok += 1
    return first_tok, last_tok


def _strip_person_titles(doc: Doc, first: int, last: int) -> int:
    """A person's name without the titles and honorifics the model swept into it
    ("Ayatollah Ali Khamenei" -> "Ali Khamenei", "Mr Kim" -> "Kim"); the title is read back by
    `_title_before`."""
    while last - first > 1:
        word = doc[first].lower_.rstrip(".")
        if word in _HONORIFICS or _is_title_token(doc[first]) or doc[first].lower_ in _title_words():
            first += 1
        else:
            break
    return first


def _given_names_before(doc: Doc, first: int) -> int:
    """A person's name the model cut short after an honorific ("Mr Oh [Chong Song]"): up to two
    capitalised proper nouns between the honorific and the name belong to it."""
    i = first
    while i > 0 and first - i < 2:
        prev = doc[i - 1]
        if prev.ent_type_ or prev.pos_ != "PROPN" or not prev.is_alpha or not prev.text[:1].isupper():
            break
        if _is_title_word(prev.text) or "\n" in prev.whitespace_:
            break
        i -= 1
    if i < first and i > 0 and doc[i - 1].lower_.rstrip(".") in _HONORIFICS:
        return i
    return first


def _given_names_start(doc: Doc, surname: int) -> int:
    """The first of up to two title-case proper nouns right before token `surname` that can be given
    names (no title, honorific, company, institution or role word, no line break): `surname` if none."""
    first = surname
    while first > 0 and surname - first < 2:
        prev = doc[first - 1]
        if prev.pos_ != "PROPN" or not prev.is_alpha or not prev.is_title or "\n" in prev.whitespace_:
            break
        if _is_title_word(prev.text) or prev.lower_.rstrip(".") in _HONORIFICS or _is_formal_word(prev):
            break
        if _is_institution_head(prev) or prev.lower_ in _person_nouns():
            break
        first -= 1
    return first


def _determined(doc: Doc, word, first: int) -> bool:
    """A determiner before the words `first`..`word` or on `word`: "a", "the", "another", "every"."""
    if any(c.dep_ in ("det", "predet") for c in word.children):
        return True
    return first > 0 and doc[first - 1].pos_ == "DET"


def _modifies_noun(tok) -> bool:
    """ "French officials", "the Ana French era": the word describes a noun after it."""
    return tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.i > tok.i


def _span_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Character offsets without leading punctuation glued to the first word ("-Elliott")."""
    while start < end and not text[start].isalnum() and text[start] not in _QUOTES + "(":
        start += 1
    return start, end


def _outlet_context(text: str, start: int, end: int, label: str) -> bool:
    """ "newspaper X", "the daily X", "X news agency", "X reported on Monday"."""
    cues = _outlet_cues()
    before = " " + re.sub(r"\s+", " ", text[max(0, start - 40):start].lower()).strip()
    if any(before.endswith(" " + cue) for cue in cues["before"]):
        return True
    after = re.sub(r"\s+", " ", text[end:end + 40].lower()).strip()
    for cue in cues["after"]:
        if re.match(re.escape(cue) + r"\b", after):
            if cue not in ("reported", "quoted", "reports that"):
                return True
            # Anyone may report; a name the model read as a person or an institution stays one.
            last = text[start:end].split()[-1].lower()
            return label != "PERSON" and last not in cues["unless"]
    return False


def _written_with_the(text: str, start: int) -> bool:
    return bool(re.search(r"(?:^|[^\w])the\s+$", text[max(0, start - 6):start], re.IGNORECASE))


def _relabel(doc: Doc, first: int, m: _Mention) -> None:
    """Labels the small model gets wrong as a class: a formal company name or an outlet is an
    organisation; a name right after a person noun ("spokesperson Sambit Patra") is a person."""
    tokens = _norm_tokens(m.surface)
    if m.gaz_id or m.country:
        return
    if _is_company(tokens) or m.outlet:
        m.label = "ORG"
    elif (
        m.label in ("ORG", "GPE", "FAC", "NORP", "LOC")
        and first > 0
        and doc[first - 1].lower_ in _person_nouns()
        and 2 <= len(tokens) <= 4
        and all(w[:1].isupper() for w in m.surface.split())
    ):
        m.label = "PERSON"


# Person nouns a body can also be ("Acme, the market leader", "a key player", "the founder of the
# coalition", "a state actor"): in apposition they do not make a name a person.
_SHARED_ROLES = frozenset({"leader", "player", "founder", "agent", "actor", "author", "coach", "analyst"})


def _role_in_appositive(ent: SpacySpan) -> bool:
    """ "U Win Zaw Htay, director of News and Periodicals Enterprise, told ...": a name followed by a
    person's role in apposition is a person, whatever label the model gave it."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    return any(
        c.dep_ == "appos"
        and c.i > ent.end
        and c.left_edge.i == ent.end + 1  # right after the comma, with its determiner or not
        and c.lower_ in _person_nouns()
        and c.lower_ not in _SHARED_ROLES
        and c.tag_ == "NN"
        # "The Caucus, former governor L. Douglas Wilder and others": the role of a person named next
        and not any(t.ent_type_ == "PERSON" for t in c.subtree)
        and not any(t.pos_ == "PROPN" and t.dep_ in ("compound", "appos", "flat") for t in c.children)
        for c in ent.root.children
    )


def _named_role(ent: SpacySpan) -> bool:
    """ "Buhari's minister of state for petroleum resources, Timipre Sylva, resigned": a name in
    apposition after a person's role names that person, whatever label the model gave it."""
    root, head = ent.root, ent.root.head
    return (
        root.dep_ == "appos"
        and head.i < ent.start
        and ent.start > 0
        and ent.doc[ent.start - 1].text == ","
        and head.lower_ in _person_nouns()
        and head.lower_ not in _SHARED_ROLES
        and head.tag_ == "NN"
        and not any(t.ent_type_ in ("ORG", "GPE") for t in head.subtree if t.i < ent.start and t.i > head.i)
    )


def _acronym_pairs(text: str, m: _Mention, ent_ids: dict[_SpanKey, str], ent_id: str) -> list[_Mention]:
    """ "People’s Mojahedin of Iran (PMOI/MEK)", "China Metallurgical Group Corp., or MCC": the
    acronyms alias the name before them."""
    paren = _PAREN_ACRONYMS.match(text, m.end)
    if not paren:
        return []
    group = 1 if paren.group(1) else 2
    if group == 2 and m.label != "ORG":
        return []
    out = []
    pos = paren.start(group)
    _, country_names = _affiliations()
    for part in re.split(r"\s*/\s*", paren.group(group)):
        p_start = text.index(part, pos)
        pos = p_start + len(part)
        other = ent_ids.get((p_start, pos))
        if other and other != ent_id:
            continue  # the acronym is a different known organisation
        if _norm(part) in country_names and not m.country:
            continue  # "Metro (UK)", "Sky News (US)": where it is, not another name for it
        out.append(
            _Mention(p_start, pos, m.label, part, m.gaz_kind, m.gaz_id, m.country, False, m.country_type)
        )
    return out


def _joined_people(doc: Doc) -> list[SpacySpan]:
    """The entities, where the model cut one long name into people side by side ("Datuk Seri" +
    "Wan Razali" + "Wan Hassan", one space apart and nothing between) joined back into one: two
    people are never written without a comma or a word between them."""
    out: list[SpacySpan] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and ent.label_ == prev.label_ == "PERSON"
            and ent.start == prev.end
            and doc[prev.end - 1].whitespace_ == " "
            and not prev.ent_id_ and not ent.ent_id_
        ):
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


class _Collector:
    """Mentions in text order, and pairs of mentions a parenthesised acronym ties together."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc, self.article, self.text = doc, article, article.text
        self.boiler = [(b.start, b.end) for b in article.structure.boilerplate]
        self.datelines = [(d.span.start, d.span.end) for d in article.structure.datelines]
        self.mentions: list[_Mention] = []
        self.pairs: list[tuple[_SpanKey, _SpanKey]] = []
        self.taken: set[_SpanKey] = set()
        self.ent_ids = {(e.start_char, e.end_char): e.ent_id_ for e in doc.ents}
        # Tokens of titles before a person ("National Security Advisor Muwaffak ..."): an ORG
        # the model finds inside one is a portfolio, not an actor.
        self.in_titles: set[int] = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                rng = _title_before(doc, ent.start)
                if rng:
                    self.in_titles.update(range(*rng))

    def add(self, m: _Mention) -> bool:
        if (m.start, m.end) in self.taken or m.end <= m.start:
            return False
        self.taken.add((m.start, m.end))
        self.mentions.append(m)
        return True

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(b0 < end and start < b1 for b0, b1 in self.boiler)

    def run(self) -> tuple[list[_Mention], list[tuple[_SpanKey, _SpanKey]]]:
        for ent in _joined_people(self.doc):
            m = self.mention(ent)
            if m is None or not self.add(m):
                continue
            if m.label in ("PERSON", "NORP") or any(d0 <= m.start < d1 for d0, d1 in self.datelines):
                continue  # not "WASHINGTON (AP) —": a dateline's agency is a source, not an alias
            for alias in _acronym_pairs(self.text, m, self.ent_ids, ent.ent_id_):
                if self.add(alias):
                    self.pairs.append(((m.start, m.end), (alias.start, alias.end)))
        self.spelt_out_acronyms()
        self.full_names()
        _Propagator(self).run()
        self.add_frame_actors()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions, self.pairs

    def full_names(self) -> None:
        """ "Police Inspector Ivo Marek told ..." (no entity) or "the Foreign Ministry Anton
        Petrik" (one organisation entity) where the model reads the surname alone as a person
        elsewhere ("Petrik told reporters"): the capitalised given name (one or two proper nouns, no
        title) right before that surname is the person's full name, a person's mention; an
        organisation entity that swept it in ends before it."""
        doc, text = self.doc, self.text
        surnames = {
            m.surface
            for m in self.mentions
            if m.label == "PERSON"
            and re.fullmatch(r"[A-Z][a-z][\w'’-]+", m.surface)
            and not _is_title_word(m.surface)
        }
        if not surnames:
            return
        for tok in doc:
            if tok.text not in surnames or tok.i == 0:
                continue
            first = _given_names_start(doc, tok.i)
            if first == tok.i or self.in_boilerplate(doc[first].idx, tok.idx + len(tok.text)):
                continue
            start, end = doc[first].idx, tok.idx + len(tok.text)
            if any(m.label == "PERSON" and m.start <= start and end <= m.end for m in self.mentions):
                continue  # the model found the full name here
            swept = [
                m for m in self.mentions if m.start < start < m.end and m.end == end and m.label != "PERSON"
            ]
            if any(m.start < end and start < m.end and m not in swept for m in self.mentions):
                continue
            if swept and first == 0:
                continue
            cut = doc[first - 1]
            if swept and (_is_title_word(cut.text) or cut.lower_ in _person_nouns() or cut.is_upper):
                continue  # "Congress MLA Ravi Sen": a title the role rules read, no body
            for m in swept:  # "the Foreign Ministry Anton Petrik": the organisation ends before the name
                m.end = cut.idx + len(cut.text)
                m.surface = text[m.start : m.end]
                self.taken.add((m.start, m.end))
            self.add(_Mention(start, end, "PERSON", text[start:end]))

    def spelt_out_acronyms(self) -> None:
        """ "The Internet Crime Complaint Center (IC3)", "Prime Minister's Office (PMO)": capitalised
        words whose initials the parenthesised acronym after them spells name an organisation and
        the acronym its alias, where the model saw no entity there (not a role: "National Security
        Adviser (NSA)" is a person's title)."""
        doc, text = self.doc, self.text
        for hit in _SPELT_ACRONYM.finditer(text):
            acronym = hit.group(1)
            keys = _acronym_keys(acronym)
            before = doc.char_span(hit.start(), hit.start(), alignment_mode="expand")
            if not keys or before is None or self.in_boilerplate(hit.start(), hit.end()):
                continue
            end_tok = before.start  # the first token of " (IC3)": the name ends before it
            if end_tok == 0 or not doc[end_tok - 1].text[:1].isupper() or doc[end_tok - 1].ent_type_:
                continue
            if _is_title_word(doc[end_tok - 1].text) or doc[end_tok - 1].lower_ in _person_nouns():
                continue
            name = self._name_spelling(end_tok, keys)
            if name is None:
                continue
            n_start = doc[name].idx
            n_end = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
            a_start = text.index(acronym, hit.start())
            spans = ((n_start, n_end), (a_start, a_start + len(acronym)))
            if any(m.start < e and s < m.end for m in self.mentions for s, e in spans):
                continue
            full = _Mention(n_start, n_end, "ORG", text[n_start:n_end])
            short = _Mention(a_start, a_start + len(acronym), "ORG", acronym)
            if self.add(full) and self.add(short):
                self.pairs.append((spans[0], spans[1]))

    def _name_spelling(self, end_tok: int, keys: frozenset[str]) -> int | None:
        """The first token of the capitalised run before `end_tok` whose initials are an acronym key."""
        doc, first = self.doc, end_tok - 1
        for i in range(end_tok - 1, max(-1, end_tok - 1 - MAX_TITLE_TOKENS), -1):
            tok = doc[i]
            if tok.ent_type_ or "\n" in tok.whitespace_ and i < end_tok - 1:
                break
            if tok.text[:1].isupper():
                first = i
                tokens = _norm_tokens(doc[first:end_tok].text)
                if len(tokens) >= 2 and _initials_keys(tokens) & keys:
                    return first
            elif tok.lower_ not in _CONNECTORS and tok.text not in ("&", "'s", "’s"):
                break
        return None

    def keep_label(self, ent: SpacySpan) -> str | None:
        """The entity's label, or None when it names no actor."""
        label = ent.label_
        start, end = ent.start_char, ent.end_char
        if self.in_boilerplate(start, end) or ent[0].lower_ in ("’s", "'s", "’", "'"):
            return None  # boilerplate; "’s Office": a possessive fragment, not a name
        if label == "WORK_OF_ART" and _is_quoted(self.text, start, end) and _after_naming_cue(
            self.text, start
        ):
            label = "PERSON"
        if label in NON_ACTOR_LABELS:
            return None
        if len(ent) > 1 and ent[0].lower_ in _STANCE_PREFIXES and ent[1].text == "-":
            return None  # "pro-Clinton", "un-American": a stance, not an actor
        _, gaz_id = entity_kind_and_id(ent.ent_id_)
        if label == "ORG" and gaz_id is None and (
            all(t in self.in_titles for t in range(ent.start, ent.end)) or _inside_title(self.doc, ent)
        ):
            return None
        return label

    def surname_read_as_people(self, tok: int, end: int) -> int | None:
        """ "Ana French, a spokeswoman, said ... French said": a surname the model read as a people
        (NORP) after a given name, or that surname again; the person's first token, or None ("the
        French", "A Cuban who asked", "French officials", "Many French", "Senate Republicans",
        "A Blue Dog Democrat" stay the people)."""
        doc = self.doc
        word = doc[tok]
        if end - tok != 1 or _modifies_noun(word) or word.tag_ == "NNPS" or word.text.endswith("s"):
            return None  # a plural is a group, never a surname
        given = _given_names_start(doc, tok)
        if _determined(doc, word, given):
            return None  # one of a people ("The French", "A Cuban", "Another Rust Belt Democrat")
        if given < tok and not any(t.ent_type_ for t in doc[given:tok]):
            return given  # not "Wisconsin Republican": a place or an organisation before it is no name
        if any(m.label == "PERSON" and m.surface.split()[-1] == word.text for m in self.mentions):
            return tok
        return None

    def misread_people(self, label: str, gaz_id: str | None, first: int, last: int) -> tuple[str, int]:
        """(label, first token) once a surname read as a people and a country read as a person are
        set right."""
        if gaz_id is not None:
            return label, first
        person = self.surname_read_as_people(first, last) if label == "NORP" else None
        if person is not None:
            return "PERSON", person
        if label == "PERSON" and self.country_read_as_person(first, last):
            return "GPE", first
        return label, first

    def country_read_as_person(self, first: int, last: int) -> bool:
        """ "Nepal" or "Türkiye" typed a person: a country's name is the country, unless the text
        uses the name for a person anywhere: after a title, an honorific or a role ("Mr Jordan",
        "Coach Jordan"), with an age ("Jordan, 12,"), or inside a person's name ("Jim Jordan ...
        Jordan said", "Chad Pellman ... Chad added")."""
        doc = self.doc
        name = doc[first:last].text
        if _norm(name) not in _affiliations()[1] or _affiliations()[1][_norm(name)][1] != "GPE":
            return False
        return not self._names_a_person(name)

    def _names_a_person(self, name: str) -> bool:
        doc = self.doc
        words, n = f" {name} ", len(name.split())
        if any(e.label_ == "PERSON" and len(e) > n and words in f" {e.text} " for e in doc.ents):
            return True
        for tok in doc:
            if tok.text != name.split()[0] or doc[tok.i : tok.i + n].text != name:
                continue
            before = doc[tok.i - 1] if tok.i > 0 else None
            if before is not None and (
                _is_title_word(before.text) or before.lower_.rstrip(".") in _HONORIFICS
                or before.lower_ in _person_nouns()
            ):
                return True  # "Mr Jordan", "Coach Jordan"
            end = tok.i + n
            if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].like_num:
                return True  # "Jordan, 12, told reporters": a person's age
        return False

    def mention(self, ent: SpacySpan) -> _Mention | None:
        doc, text = self.doc, self.text
        label = self.keep_label(ent)
        if label is None:
            return None
        gaz_kind, gaz_id = entity_kind_and_id(ent.ent_id_)
        rng = _trim_entity(doc, ent, gaz_id)
        if rng is None or _is_headline_misparse(self.article, doc, *rng):
            return None
        described = _language_descriptor(doc, rng[0], any_case=True)
        if described is not None and described + 1 >= rng[1]:
            return None  # "the Arabic daily Al-Watan", "English Daily the Dawn": a language, no actor
        first_tok, last_tok = rng
        role = _role_inside(doc, first_tok, last_tok) if label != "PERSON" and gaz_id is None else None
        if role is None and label != "PERSON" and gaz_id is None:
            role = _person_after_title(doc, first_tok, last_tok)
        if role is not None:  # "Department spokesperson Marika Champion": the name after the role
            label, first_tok = "PERSON", role + 1
        label, first_tok = self.misread_people(label, gaz_id, first_tok, last_tok)
        if label == "PERSON":
            first_tok = _strip_person_titles(doc, _given_names_before(doc, first_tok), last_tok)
            if all(_is_title_word(t.text) for t in doc[first_tok:last_tok]):
                return None  # "Mufti" the model cut off "Abdul Mateen Qani": a title, not a person
        if not any(c.isupper() for c in doc[first_tok:last_tok].text):
            return None  # "state", "n’t": a name is written with a capital
        last = doc[last_tok - 1]
        start, end = _span_edges(text, doc[first_tok].idx, last.idx + len(last.text))
        if start >= end:
            return None
        m = _Mention(start, end, label, text[start:end], gaz_kind, gaz_id)
        self.affiliate(m)
        m.outlet = gaz_kind == "outlet" or (
            not m.country
            # "Mara Ledger", "Emily Post": a person's surname may be a newspaper's word
            and (
                _is_outlet_name(m.surface, person=(label == "PERSON"))
                or _outlet_context(text, start, end, label)
            )
        )
        m.after_the = _written_with_the(text, start)
        # "told The Gazette", "the Post said": an outlet's last word written with "the" is the outlet
        m.outlet = m.outlet or (m.after_the and m.surface in _outlet_words()[1] and not m.country)
        _relabel(doc, first_tok, m)
        if m.label in ("ORG", "GPE", "FAC", "LOC") and not (m.gaz_id or m.country or m.outlet):
            if not _is_company(_norm_tokens(m.surface)) and (_role_in_appositive(ent) or _named_role(ent)):
                m.label = "PERSON"
        if m.label == "PERSON":
            before = _title_before(doc, first_tok, ent.start)
            front = _title_in_front(doc, ent, before[0] if before else None)
            # "ministry spokesman Mufti Abdul Karim": the lower-case words run on into the title
            before = (front[0], before[1]) if before and front and front[1] == before[0] else before or front
            if role is not None:
                before = (rng[0], role + 1)
            after = _title_after(doc, ent.end) or _title_in_appositive(doc, ent)
            m.titles = [doc[r[0]:r[1]].text for r in (before, after) if r]
        return m

    @staticmethod
    def affiliate(m: _Mention) -> None:
        demonyms, country_names = _affiliations()
        key = _norm(m.surface)
        if m.label == "NORP" and key in demonyms:
            (m.country, m.country_type), m.demonym = demonyms[key], True
        elif m.label in (*PLACE_LABELS, "ORG", "NORP") and key in country_names and not m.gaz_id:
            m.country, m.country_type = country_names[key]

    def add_frame_actors(self) -> None:
        """The publisher line and dateline sources are actors even when the model misses them."""
        text, structure = self.text, self.article.structure
        covered = [(m.start, m.end) for m in self.mentions]
        extra: list[tuple[int, int]] = []
        if structure.publisher_line is not None:
            extra.append((structure.publisher_line.start, structure.publisher_line.end))
        for d in structure.datelines:
            pos = text.find(d.source, d.span.start, d.span.end)
            if pos >= 0:
                extra.append((pos, pos + len(d.source)))
        for s, e in extra:
            if not any(c0 < e and s < c1 for c0, c1 in covered):
                self.add(_Mention(s, e, "ORG", text[s:e]))


def _wordish(ch: str) -> bool:
    r"""What `(?<![\w-])` and `(?![\w-])` keep off a whole word: a word character or a hyphen."""
    return ch.isalnum() or ch in "_-"


def _whole_word_at(text: str, word: str) -> Iterator[int]:
    """Where `word` stands in `text` with no word character or hyphen glued on either side. Found
    with str.find: a regex built per name ("Wang" ... "Wenbin") is compiled anew for every name of
    every article, as many as the regex cache holds, and was 4 % of an analysis."""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not _wordish(text[i - 1])) and (end == len(text) or not _wordish(text[end])):
            yield i
        i = text.find(word, i + 1)


def _followed_by_word(text: str, end: int, word: str) -> bool:
    """Does whitespace then `word` follow `end` ("Wang| Wenbin")?"""
    k = end
    while k < len(text) and text[k].isspace():
        k += 1
    return k > end and text.startswith(word, k)


def _preceded_by_word(text: str, start: int, word: str) -> bool:
    """Does `word` and one whitespace character come just before `start` ("Wang |Wenbin")?"""
    return start > len(word) and text[start - 1].isspace() and text.startswith(word, start - 1 - len(word))


class _Propagator:
    """Names the model found once and missed elsewhere: a person's surname after the full name
    ("Narendra Modi" ... "Modi said"), a company's short form ("TalkTalk Telecom Group Ltd" ...
    "TalkTalk"), an organisation's acronym ("Federal Government" ... "the FG")."""

    def __init__(self, collector: _Collector) -> None:
        self.c = collector
        doc = collector.doc
        self.covered = sorted(
            [(e.start_char, e.end_char) for e in doc.ents] + [(m.start, m.end) for m in collector.mentions]
        )

    def overlaps(self, s: int, e: int) -> bool:
        return any(c0 < e and s < c1 for c0, c1 in self.covered)

    def forms(self) -> tuple[dict[str, str], dict[str, str]]:
        """(surface form -> label, acronym key -> label) to look for."""
        forms: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for m in self.c.mentions:
            if m.country or m.demonym:
                continue
            words = m.surface.split()
            tokens = _norm_tokens(m.surface)
            if m.label == "PERSON" and len(words) >= 2 and len(tokens) >= 2:
                if len(words) >= 3 and _norm(words[-1]) in _NAME_SUFFIXES:
                    words = words[:-1]  # "Benigno Aquino III" -> "Aquino"
                last = words[-1].rstrip(",.")
                if len(last) >= 3 and last[0].isupper() and not last.isupper() and not _is_title_word(last):
                    forms.setdefault(last, "PERSON")
                first = words[0].rstrip(",.")
                if len(words) == 2 and self.family_first(first, last):
                    forms.setdefault(first, "PERSON")  # "Takaichi Sanae" ... "Takaichi said"
            elif m.label == "ORG" and len(tokens) >= 2:
                for core in _cores(tokens):
                    surface = " ".join(words[:len(core)]).rstrip(",.")
                    if _norm_tokens(surface) == core and len(surface) >= 3:
                        forms.setdefault(surface, "ORG")
                for key in _initials_keys(tokens):
                    acronyms.setdefault(key, "ORG")
        return forms, acronyms

    def family_first(self, first: str, last: str) -> bool:
        """A two-word name whose first word the text uses alone and whose last word it never does
        ("Wang Wenbin" ... "Wang said"): the family name comes first."""
        if len(first) < 3 or not first[0].isupper() or first.isupper() or _is_title_word(first):
            return False
        text = self.c.text
        first_alone = any(
            not _followed_by_word(text, i + len(first), last) for i in _whole_word_at(text, first)
        )
        last_alone = any(not _preceded_by_word(text, i, first) for i in _whole_word_at(text, last))
        return first_alone and not last_alone

    def in_headline(self, start: int, end: int) -> bool:
        headline = self.c.article.structure.headline
        return headline is not None and headline.start <= start and end <= headline.end

    def free(self, start: int, end: int, acronym: bool = False) -> bool:
        """Not inside another name: no capitalised word glued on either side ("Aston Villa")."""
        doc = self.c.doc
        span = doc.char_span(start, end)
        if span is None or self.overlaps(start, end) or self.c.in_boilerplate(start, end):
            return False
        if acronym and self.in_headline(start, end):
            return True  # a Title-Case headline capitalises every neighbour
        if span.start > 0 and not span[0].is_sent_start:
            prev = doc[span.start - 1]
            if (
                prev.text[:1].isupper()
                and not _is_title_token(prev)
                and not _is_title_word(prev.text)
                and not (prev.is_sent_start and prev.lower_ in _DETERMINERS)  # "The CMO said"
            ):
                return False
        nxt = doc[span.end] if span.end < len(doc) else None
        return not (nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start)

    def tokens_matching(self, pattern: re.Pattern) -> list:
        """Tokens that start where `pattern` matches the text (cheaper than walking every token)."""
        doc, out = self.c.doc, []
        for hit in pattern.finditer(self.c.text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if span is not None and len(span) and span[0].idx == hit.start():
                out.append(span[0])
        return out

    def formal_names(self) -> None:
        """ "Temasek Holdings", "Harbor Gate Group Ltd", "the Defense Ministry": capitalised
        words closed by a legal form, a holding word or a public body's head name an
        organisation, even where the model saw no entity (not in a Title-Case headline)."""
        doc = self.c.doc
        for tok in self.tokens_matching(_closing_words()):
            if tok.ent_type_ or tok.i == 0 or not (_is_formal_word(tok) or _is_institution_head(tok)):
                continue
            if self.in_headline(tok.idx, tok.idx + 1):
                continue
            first = tok.i
            while first > 0:
                prev = doc[first - 1]
                if prev.ent_type_ or not prev.text[:1].isupper() or prev.is_punct:
                    break
                if prev.is_stop or prev.is_sent_start and prev.pos_ != "PROPN" or _is_formal_word(prev):
                    break
                first -= 1
            if first == tok.i:
                continue
            end = tok.i + 1
            while end < len(doc) and _is_formal_word(doc[end]) and not doc[end].ent_type_:
                end += 1
            start_c, end_c = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
            if not self.overlaps(start_c, end_c) and not self.c.in_boilerplate(start_c, end_c):
                m = _Mention(start_c, end_c, "ORG", self.c.text[start_c:end_c])
                if self.c.add(m):
                    self.covered.append((start_c, end_c))

    def run(self) -> None:
        self.formal_names()
        forms, acronyms = self.forms()
        found: list[_Mention] = []
        text = self.c.text
        if forms:
            names = sorted(forms, key=len, reverse=True)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
            for hit in pattern.finditer(text):
                label = forms[hit.group()]
                span = self.c.doc.char_span(hit.start(), hit.end())
                if label == "PERSON" and (span is None or span[-1].pos_ != "PROPN"):
                    continue  # "May" the month is not "Theresa May"
                if self.free(hit.start(), hit.end()):
                    found.append(_Mention(hit.start(), hit.end(), label, hit.group()))
        if acronyms:
            for tok in self.tokens_matching(_CAPITALS):
                plain = tok.text[:1].isupper() and not _place_abbreviation(tok.text)
                keys = _acronym_keys(tok.text) if plain else frozenset()
                hit_key = next((k for k in keys if k in acronyms), None)
                end = tok.idx + len(tok.text)
                if hit_key and self.free(tok.idx, end, acronym=True) and not _is_country_name((tok.lower_,)):
                    found.append(_Mention(tok.idx, tok.idx + len(tok.text), acronyms[hit_key], tok.text))
        # "Mr Oh", "Ms Rautela": whoever an honorific names is a person.
        for hit in _HONORIFIC_NAME.finditer(text):
            if not _is_title_word(hit.group(1)) and self.free(hit.start(1), hit.end(1)):
                found.append(_Mention(hit.start(1), hit.end(1), "PERSON", hit.group(1)))
        for m in found:
            m.after_the = _written_with_the(text, m.start)
            self.c.add(m)
        self.given_names()

    def given_names(self) -> None:
        """ "Saikia" ... "I challenge Debabrata Saikia", "Minister of Agriculture, Tarık Ahmet": a
        capitalised name right before a known person's surname is that person's given name, where
        the model saw no person there (or only a product or facility)."""
        c, doc = self.c, self.c.doc
        bare: set[str] = set()  # surnames seen without a given name ("Saikia", "LoP Saikia")
        full: set[str] = set()  # surnames of full names the text gives ("Carla Villa")
        for m in c.mentions:
            words = m.surface.split()
            if m.label != "PERSON" or not words:
                continue
            given = [w for w in words[:-1] if not (_is_title_word(w) or _LOOSE_ACRONYM.fullmatch(w))]
            (full if given else bare).add(words[-1])
        surnames = {
            n
            for n in bare - full
            if len(n) >= 3 and n[0].isupper() and not n.isupper() and not _is_title_word(n)
        }
        if not surnames:
            return
        alternatives = "|".join(map(re.escape, sorted(surnames, key=len, reverse=True)))
        pattern = re.compile(r"(?<![\w-])([A-Z][^\W\d_]+)\s(" + alternatives + r")(?![\w-])")
        for hit in pattern.finditer(c.text):
            span = doc.char_span(hit.start(), hit.end())
            if span is None or len(span) != 2 or span[0].pos_ != "PROPN":
                continue
            if c.in_boilerplate(hit.start(), hit.end()):
                continue
            given = span[0].text
            if _is_title_word(given) or given.lower() in _HONORIFICS or given.lower() in _DETERMINERS:
                continue
            inside = [m for m in c.mentions if m.start < hit.end() and hit.start() < m.end]
            if any(m.label != "PERSON" or m.start < hit.start() or m.end > hit.end() for m in inside):
                continue
            if any(len(m.surface.split()) > 1 for m in inside):
                continue  # the full name is found already
            if any(e.label_ in ("ORG", "GPE", "LOC", "NORP") for e in span.ents):
                continue
            for m in inside:
                c.mentions.remove(m)
                c.taken.discard((m.start, m.end))
            c.add(_Mention(hit.start(), hit.end(), "PERSON", hit.group()))


def _collect(doc: Doc, article: Article) -> tuple[list[_Mention], list[tuple[_SpanKey, _SpanKey]]]:
    """Mentions in text order, and pairs of mentions a parenthesised acronym ties together."""
    return _Collector(doc, article).run()


def _group_key(m: _Mention) -> str:
    if m.gaz_id:
        return f"gaz:{m.gaz_id}"
    if m.country:
        return f"country:{m.country}"
    return f"{_family(m.label)}:{_norm(m.surface)}"


def extract_actors(doc: Doc, article: Article) -> list[Actor]:
    mentions, pairs = _collect(doc, article)
    if not mentions:
        return []
    return _resolve(article, mentions, pairs)


# heads a body is called by after its full name, written with "the" and a capital ("the
# Authority", "the Company"), beside data/institution_heads.txt
_SHORT_BODY_HEADS = frozenset({"company", "bank", "board", "court", "party", "union", "corporation", "group"})


class _Resolver:
    """Mention groups merged into actors: a union-find (networkx's) over group keys, each set
    named by its first-mentioned group so ids follow first mention."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.mentions = mentions
        # Exact groups (gazetteer id, country, normalised name), in order of first mention.
        self.groups: dict[str, list[int]] = {}
        for i, m in enumerate(mentions):
            self.groups.setdefault(_group_key(m), []).append(i)
        self.sets = UnionFind(self.groups)
        self.anchor = {k: k for k in self.groups}  # the set's root in networkx -> its first group
        self.by_token: dict[tuple[str, str], list[str]] = {}
        self.by_initials: dict[str, list[str]] = {}
        self.by_acronym: dict[str, list[str]] = {}
        # names the text uses as one word alone ("Wang", "Caddell")
        self.singles = {t[0] for t in (_norm_tokens(m.surface) for m in mentions) if len(t) == 1}

    def find(self, k: str) -> str:
        return self.anchor[self.sets[k]]

    def union(self, keep: str, other: str) -> None:
        a, b = self.find(keep), self.find(other)
        if a == b:
            return
        # The group seen first stays the root so ids follow first mention.
        if self.groups[b][0] < self.groups[a][0]:
            a, b = b, a
        self.sets.union(a, b)
        self.anchor[self.sets[a]] = a
        self.groups[a] = sorted(self.groups[a] + self.groups[b])

    def roots(self) -> list[str]:
        return [k for k in self.groups if self.find(k) == k]

    def first(self, key: str) -> _Mention:
        return self.mentions[self.groups[key][0]]

    def variants(self, root: str) -> set[tuple[str, ...]]:
        ms = self.mentions
        return {_norm_tokens(ms[i].surface) for i in self.groups[root] if not ms[i].demonym}

    def last_before(self, root: str, at: int) -> int:
        """Index of the root's last mention before mention `at` (-1 if none)."""
        pos = bisect_left(self.groups[root], at)
        return self.groups[root][pos - 1] if pos else -1

    def latest(self, candidates: list[str], at: int, ok) -> str | None:
        """Of the candidates' roots that `ok` accepts, the one mentioned last before `at`."""
        best, best_last = None, -1
        for root in dict.fromkeys(self.find(c) for c in candidates):
            if ok(root):
                last = self.last_before(root, at)
                if last > best_last:
                    best, best_last = root, last
        return best

    def is_outlet(self, root: str) -> bool:
        return any(self.mentions[i].outlet for i in self.groups[root])

    # 1. Parenthesised acronyms tie their group to the name before them.
    def merge_pairs(self, pairs: list[tuple[_SpanKey, _SpanKey]]) -> None:
        at = {(m.start, m.end): m for m in self.mentions}
        for a, b in pairs:
            if a in at and b in at:
                self.union(_group_key(at[a]), _group_key(at[b]))

    # 2. Alias merging between groups, blocked by normalised token and acronym.
    def merge_aliases(self) -> None:
        for key in list(self.groups):
            if self.find(key) != key:
                continue
            m = self.first(key)
            fam = _family(m.label)
            tokens = _norm_tokens(m.surface)
            if not tokens or m.country:
                continue
            target = self.name_target(key, fam, tokens) if fam in ("PERSON", "ORG") else None
            target = target or self.acronym_target(key, fam, tokens)
            if target is not None:
                self.union(target, key)
            self.index(key, fam, tokens)

    def name_target(self, key: str, fam: str, tokens: tuple[str, ...]) -> str | None:
        candidates: list[str] = []
        for tok in tokens:
            candidates.extend(self.by_token.get((fam, tok), []))
            candidates.extend(self.by_token.get((fam, "#" + tok[0] + _skeleton(tok)), []))
        if not candidates:
            return None
        at = self.groups[key][0]
        if fam == "PERSON":
            # Every name already in the cluster must fit: "Talabani" may have joined
            # "Jalal Talabani", but "Hero Talabani" must not join them.
            return self.latest(
                candidates, at, lambda r: all(_same_person(tokens, v) for v in self.variants(r))
            )
        target = self.latest(candidates, at, lambda r: self.org_fits_all(tokens, r))
        if target is None and len(tokens) == 1 and any(self.mentions[i].after_the for i in self.groups[key]):
            # "the Post" after "The Washington Post": an outlet named by its last word; "the
            # Authority", "the Commission" after "the Kenya Airports Authority": a body by its head
            body = tokens[0] in _institution_heads() or tokens[0] in _SHORT_BODY_HEADS
            target = self.latest(
                candidates, at,
                lambda r: (self.is_outlet(r) or body)
                and any(len(v) >= 2 and v[-1] == tokens[0] for v in self.variants(r)),
            )
        return target

    def leading_word_target(self, key: str, tok: str) -> str | None:
        """ "Danske" after "Danske Bank", "JPMorgan" after "JPMorgan Chase & Co.", "Folha" after
        "Folha de Sao Paulo": a company, bank or outlet called by its first word, when one
        organisation alone starts with it and no person carries it."""
        if len(tok) < 3 or tok in _institution_heads() or tok in _SHORT_BODY_HEADS or _is_company_word(tok):
            return None
        if _is_country_name((tok,)) or any(r != key for r in self.person_roots(tok)):
            return None
        roots = [
            r for r in dict.fromkeys(self.find(k) for k in self.by_token.get(("ORG", tok), []))
            if r != self.find(key)
            and any(
                len(v) >= 2 and v[0] == tok
                and (_is_company(v) or v[-1] in _SHORT_BODY_HEADS or self.is_outlet(r))
                for v in self.variants(r)
            )
        ]
        return roots[0] if len(roots) == 1 else None

    def org_fits_all(self, tokens: tuple[str, ...], root: str) -> bool:
        """Every spelt-out name of the cluster fits ("Ping An" may join "Ping An Asset
        Management", but "Ping An Insurance" must not join them)."""
        ms = self.mentions
        names = {_norm_tokens(ms[i].surface) for i in self.groups[root] if not _acronym_keys(ms[i].surface)}
        names = names or self.variants(root)  # "HSBC" before "HSBC Holdings Plc"
        return all(_org_fits(tokens, v) for v in names)

    def acronym_target(self, key: str, fam: str, tokens: tuple[str, ...]) -> str | None:
        m = self.first(key)
        codes = _acronym_keys(m.surface)
        if not codes and fam == "ORG" and len(tokens) >= 2:
            hits = [k for code in _initials_keys(tokens) for k in self.by_acronym.get(code, [])]
        elif fam == "ORG" or not _place_abbreviation(m.surface):
            hits = [k for code in codes for k in self.by_initials.get(code, [])]
        else:
            hits = []
        if not hits:
            return None
        return self.find(max(hits, key=lambda k: self.groups[self.find(k)][-1]))

    def index(self, key: str, fam: str, tokens: tuple[str, ...]) -> None:
        for tok in tokens:
            self.by_token.setdefault((fam, tok), []).append(key)
            self.by_token.setdefault((fam, "#" + tok[0] + _skeleton(tok)), []).append(key)
        surface = self.first(key).surface
        codes = _acronym_keys(surface)
        if codes:
            for code in codes:
                self.by_acronym.setdefault(code, []).append(key)
        elif fam == "ORG" and len(tokens) >= 2:
            for code in _initials_keys(tokens):
                self.by_initials.setdefault(code, []).append(key)

    # 3. Names the model mistyped, matched against the names they are short for.
    def person_roots(self, tok: str) -> list[str]:
        return list(dict.fromkeys(self.find(k) for k in self.by_token.get(("PERSON", tok), [])))

    def nearest(self, roots: list[str], at: int) -> str:
        # The bearer mentioned last before `at`, else the first one mentioned after it.
        before = [(self.last_before(r, at), r) for r in roots if self.groups[r][0] < at]
        return max(before)[1] if before else min((self.groups[r][0], r) for r in roots)[1]

    def merge_mistyped(self) -> None:
        by_core: dict[tuple[str, ...], list[str]] = {}
        for root in self.roots():
            if _family(self.first(root).label) == "ORG":
                for v in self.variants(root):
                    for core in _cores(v):
                        by_core.setdefault(core, []).append(root)
        for key in list(self.groups):
            if self.find(key) != key:
                continue
            m = self.first(key)
            tokens = _norm_tokens(m.surface)
            if not tokens or m.gaz_id or m.country:
                continue
            fam = _family(m.label)
            if fam in ("ORG", "PLACE"):
                self.surname_typed_org(key, tokens)
            elif fam == "PERSON" and len(tokens) == 1 and len(self.variants(key)) == 1:
                self.first_name_alone(key, tokens)
            one_word = len(tokens) == 1 and len(self.variants(key)) == 1 and not m.demonym
            if self.find(key) == key and fam in ("ORG", "PERSON", "NORP", "FAC") and one_word:
                # "Danske" beside "Danske Bank", before or after it; "Juul" (PERSON) beside
                # "Juul Labs Inc": the company's first word
                target = self.leading_word_target(key, tokens[0])
                if target is not None:
                    self.union(target, key)
            mistypable = fam in ("PERSON", "NORP", "FAC") or (fam == "PLACE" and _acronym_keys(m.surface))
            if self.find(key) == key and mistypable and tokens in by_core:
                # "Elliott" (PERSON) or "CP" (GPE) beside "Elliott Investment Management" or "CP
                # Group": a company's short form.
                if all(len(v) <= len(tokens) for v in self.variants(key)):
                    roots = list(dict.fromkeys(self.find(r) for r in by_core[tokens]))
                    self.union(self.nearest(roots, self.groups[key][0]), key)

    def merge_title_acronyms(self) -> None:
        """ "The Inspector General of Police Joseph Boinnet ..." then "the IG said": an acronym
        written with "the" that spells the first words of one person's capitalised title
        ("Inspector General" -> IG, "Prime Minister" -> PM) is that person, not an organisation
        the model typed it as; never when two people carry such a title."""
        by_code: dict[str, set[str]] = {}
        for root in self.roots():
            for i in self.groups[root]:
                m = self.mentions[i]
                if _family(m.label) == "PERSON":
                    for code in _title_codes(m.titles):
                        by_code.setdefault(code, set()).add(root)
        if not by_code:
            return
        for key in list(self.groups):
            ms = [self.mentions[i] for i in self.groups[key]]
            m = ms[0]
            if self.find(key) != key or _family(m.label) == "PERSON" or m.gaz_id or m.country or m.outlet:
                continue
            if not (_ACRONYM.fullmatch(m.surface) and all(x.after_the for x in ms)):
                continue
            people = {self.find(r) for r in by_code.get(m.surface.replace(".", "").lower(), ())}
            if len(people) == 1:
                self.union(people.pop(), key)

    def surname_typed_org(self, key: str, tokens: tuple[str, ...]) -> None:
        # "Caddell" (ORG) after "Pat Caddell": the model's label drifts, the surname does not;
        # "Wang" (ORG) beside "Wang Wenbin", whose "Wenbin" is never used alone: a family name first
        singles = self.singles
        roots = [
            r for r in self.person_roots(tokens[-1])
            if r != key
            and any(
                len(v) >= len(tokens) and v[-len(tokens):] == tokens
                or len(tokens) == 1 and len(v) == 2 and v[0] == tokens[0] and v[1] not in singles
                for v in map(_without_suffix, self.variants(r))
            )
        ]
        if roots and not _is_company(tokens):
            self.union(self.nearest(roots, self.groups[key][0]), key)

    def first_name_alone(self, key: str, tokens: tuple[str, ...]) -> None:
        # "Hillary" alone: the one person in the article with that first name.
        roots = [
            r for r in self.person_roots(tokens[0])
            if r != key and any(len(v) >= 2 and v[0] == tokens[0] for v in self.variants(r))
        ]
        if len(roots) == 1:
            self.union(roots[0], key)


def _resolve(
    article: Article, mentions: list[_Mention], pairs: list[tuple[_SpanKey, _SpanKey]]
) -> list[Actor]:
    text = article.text
    resolver = _Resolver(mentions)
    resolver.merge_pairs(pairs)
    resolver.merge_aliases()
    resolver.merge_mistyped()
    resolver.merge_title_acronyms()
    # 4. Build actors in order of first mention.
    roots = sorted(resolver.roots(), key=lambda k: resolver.groups[k][0])
    publisher_key = _norm(article.publisher) if article.publisher else None
    pub_line = article.structure.publisher_line
    # Who a dateline hands the text to ("al-Malaf, July 10,2007:") is a news organisation.
    dateline_sources: set[_SpanKey] = set()
    for d in article.structure.datelines:
        pos = text.find(d.source, d.span.start, d.span.end)
        if pos >= 0:
            dateline_sources.add((pos, pos + len(d.source)))
    actors: list[Actor] = []
    for n, root in enumerate(roots, start=1):
        ms = [mentions[i] for i in resolver.groups[root]]
        actors.append(_make_actor(f"a{n}", ms, text, publisher_key, pub_line, dateline_sources))
    return actors


def _same_org(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Organisations merge on a spelling variant of the whole name, never on a shared word."""
    if len(a) != len(b) or len(a) < 2:
        return False
    return all(_same_name_token(x, y) for x, y in zip(a, b, strict=True))


def _canonical_name(counts: Counter[str], first_pos: dict[str, int]) -> str:
    """The longest, most complete variant; but a one-off longer form ("Crooked Hillary Clinton")
    gives way to the full name the article repeats ("Hillary Clinton")."""
    ranked = sorted(
        counts, key=lambda s: (len(_norm_tokens(s)), len(s), counts[s], -first_pos[s]), reverse=True
    )
    name = ranked[0]
    while counts[name] == 1:
        tokens = _norm_tokens(name)
        shorter = [
            s for s in ranked
            if 2 <= len(_norm_tokens(s)) < len(tokens) and tokens[-len(_norm_tokens(s)):] == _norm_tokens(s)
            and counts[s] > 1
        ]
        if not shorter:
            break
        name = shorter[0]
    return name


def _actor_name(ms: list[_Mention], named: list[_Mention]) -> str:
    country = next((m.country for m in ms if m.country), None)
    gaz_id = next((m.gaz_id for m in ms if m.gaz_id), None)
    if country:
        return country  # "United States" rather than "U.S."
    if gaz_id and any(_norm(m.surface) == _norm(gaz_id) for m in named):
        return gaz_id  # the gazetteer's spelling ("Quds Force" for "Quds force")
    if not named:
        return ms[0].surface
    counts = Counter(m.surface for m in named)
    first_pos: dict[str, int] = {}
    for m in named:
        first_pos.setdefault(m.surface, m.start)
    return _canonical_name(counts, first_pos)


def _actor_type(ms: list[_Mention], named: list[_Mention], name: str) -> str:
    country = next((m for m in ms if m.country), None)
    if country:
        return country.country_type
    # An acronym's label says little ("MoD" read as a place): the spelt-out names decide.
    spelt = [m for m in named if not _acronym_keys(m.surface)] or named
    labels = Counter(m.label for m in spelt if m.label != "NORP")
    gaz_label = next((m.label for m in ms if m.gaz_id), None)
    if gaz_label:
        return gaz_label
    if any(_is_company(_norm_tokens(m.surface)) or m.outlet for m in named):
        return "ORG"  # a company or an outlet is never a person, place or facility
    if "PERSON" in labels:
        return "PERSON"  # "Caddell" typed ORG once is still the person
    if labels:
        # The label the full name carries ("Ministry of Defence"), not its acronym's ("MoD").
        own = Counter(m.label for m in named if m.surface == name and m.label != "NORP")
        return (own or labels).most_common(1)[0][0]
    return ms[0].label


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def _make_actor(
    actor_id: str,
    ms: list[_Mention],
    text: str,
    publisher_key: str | None,
    pub_line: Span | None,
    dateline_sources: set[_SpanKey] = frozenset(),
) -> Actor:
    named = [m for m in ms if not m.demonym]
    name = _actor_name(ms, named)
    in_pub_line = pub_line is not None and any(pub_line.start <= m.start < pub_line.end for m in ms)
    if in_pub_line or (publisher_key and any(_norm(m.surface) == publisher_key for m in named)):
        kind = "publisher"
    elif any(m.outlet or (m.start, m.end) in dateline_sources for m in ms):
        kind = "outlet"
    else:
        kind = "named"
    titles = _unique(t for m in ms for t in m.titles)
    # "President" adds nothing next to "Iraqi President".
    titles = [t for t in titles if not any(o != t and o.endswith(" " + t) for o in titles)]
    spans = sorted({(m.start, m.end) for m in ms})
    return Actor(
        id=actor_id,
        name=name,
        type=_actor_type(ms, named, name),
        kind=kind,
        aliases=_unique(m.surface for m in named if m.surface != name),
        mentions=[make_span(text, s, e) for s, e in spans],
        titles=titles,
        nationality=_unique(m.surface for m in ms if m.demonym),
    )
