"""Actors: spaCy entities resolved into people, organisations and countries.

One pass over `doc.ents` collects mentions (dropping boilerplate, non-actor labels and known
small-model failure classes), then aliases are merged: same gazetteer id, same country
(name, alias or demonym), same normalised name, surname <-> full name, transliteration
variants (rapidfuzz), parenthesised and initial-letter acronyms. Candidates are blocked by
normalised token and first letter, so cost grows with the number of distinct names, never
with mentions squared.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Indel
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sourcetrace.model import Actor, Article, Span
from sourcetrace.nlp import entity_kind_and_id
from sourcetrace.spans import make_span

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COUNTRIES_FILE = DATA_DIR / "countries.jsonl"
GROUPS_FILE = DATA_DIR / "groups.jsonl"
TITLES_FILE = DATA_DIR / "titles.txt"

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
_PAREN_ACRONYMS = re.compile(
    r"\s*\(\s*([A-Z](?:\.?[A-Z&])+\.?(?:\s*/\s*[A-Z](?:\.?[A-Z&])+\.?)*)\s*\)"
)
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
    return adjectives, names


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    if not TITLES_FILE.exists():
        return frozenset()
    return frozenset(
        w.strip().lower()
        for w in TITLES_FILE.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )


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
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in _NAME_PARTICLES] or tokens
    return tuple(tokens)


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


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Surname <-> full name, or the same name spelt differently; never two different first names."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    if len(short) == len(long_):
        return all(_same_name_token(x, y) for x, y in zip(short, long_, strict=True))
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


def _is_title_token(tok) -> bool:
    return tok.lower_ in _title_words() or tok.lower_.rstrip(".") in _title_words()


def _title_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """Token range of a capitalised title right before a name ("Iraqi President", "Minister of
    State for National Security")."""
    i, first = start - 1, start
    while i >= 0 and start - i <= MAX_TITLE_TOKENS:
        tok = doc[i]
        if tok.is_punct or tok.is_space or tok.ent_type_ == "PERSON" or "\n" in tok.whitespace_:
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


def _collect(doc: Doc, article: Article) -> tuple[list[_Mention], list[tuple[_SpanKey, _SpanKey]]]:
    """Mentions in text order, and pairs of mentions a parenthesised acronym ties together."""
    text = article.text
    boiler = [(b.start, b.end) for b in article.structure.boilerplate]
    demonyms, country_names = _affiliations()
    mentions: list[_Mention] = []
    pairs: list[tuple[_SpanKey, _SpanKey]] = []
    taken: set[_SpanKey] = set()

    def add(m: _Mention) -> bool:
        if (m.start, m.end) in taken or m.end <= m.start:
            return False
        taken.add((m.start, m.end))
        mentions.append(m)
        return True

    # Tokens of titles before a person ("National Security Advisor Muwaffak ..."): an ORG
    # the model finds inside one is a portfolio, not an actor.
    in_titles: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            rng = _title_before(doc, ent.start)
            if rng:
                in_titles.update(range(*rng))

    ent_ids = {(e.start_char, e.end_char): e.ent_id_ for e in doc.ents}
    dateline_spans = [(d.span.start, d.span.end) for d in article.structure.datelines]

    for ent in doc.ents:
        label = ent.label_
        start, end = ent.start_char, ent.end_char
        if any(b0 < end and start < b1 for b0, b1 in boiler):
            continue
        if ent[0].lower_ in ("’s", "'s", "’", "'"):
            continue  # "’s Office": a possessive fragment, not a name
        if label == "WORK_OF_ART" and _is_quoted(text, start, end) and _after_naming_cue(text, start):
            label = "PERSON"
        if label in NON_ACTOR_LABELS:
            continue
        gaz_kind, gaz_id = entity_kind_and_id(ent.ent_id_)
        if label == "ORG" and gaz_id is None and (
            all(t in in_titles for t in range(ent.start, ent.end)) or _inside_title(doc, ent)
        ):
            continue
        first_tok, last_tok = ent.start, ent.end
        # Quotes and dashes the model swept into the entity ("Ava DuVernay’s ‘") are not the name.
        if len(ent) > 1 and ent[0].lower_ in _STANCE_PREFIXES and ent[1].text == "-":
            continue  # "pro-Clinton", "un-American": a stance, not an actor
        # "the Mahdi Army", "this White House", "the “Justice ... Act", "federal Securities and
        # Exchange Commission": determiners, quotes and lower-case words lead into the name.
        while first_tok < last_tok:
            tok = doc[first_tok]
            if tok.is_punct or tok.is_space:
                first_tok += 1
            elif last_tok - first_tok > 1 and (
                (tok.lower_ in _DETERMINERS and not (gaz_id or "").lower().startswith(tok.lower_ + " "))
                or (tok.is_lower and tok.is_alpha and tok.lower_ not in _NAME_PARTICLES_ALL)
            ):
                first_tok += 1
            else:
                break
        while last_tok > first_tok and (doc[last_tok - 1].is_punct or doc[last_tok - 1].is_space):
            last_tok -= 1
        if first_tok >= last_tok:
            continue
        if _is_headline_misparse(article, doc, first_tok, last_tok):
            continue
        if last_tok - first_tok > 1 and doc[last_tok - 1].lower_ in ("’s", "'s"):
            last_tok -= 1
        if not any(c.isupper() for c in doc[first_tok:last_tok].text):
            continue  # "state", "n’t": a name is written with a capital
        start, end = doc[first_tok].idx, doc[last_tok - 1].idx + len(doc[last_tok - 1].text)
        surface = text[start:end]
        m = _Mention(start, end, label, surface, gaz_kind, gaz_id)
        key = _norm(surface)
        if label == "NORP" and key in demonyms:
            (m.country, m.country_type), m.demonym = demonyms[key], True
        elif label in (*PLACE_LABELS, "ORG", "NORP") and key in country_names and not gaz_id:
            m.country, m.country_type = country_names[key]
        if label == "PERSON":
            before = _title_before(doc, first_tok)
            after = _title_after(doc, ent.end) or _title_in_appositive(doc, ent)
            for rng in (before, after):
                if rng:
                    m.titles.append(doc[rng[0]:rng[1]].text)
        if not add(m):
            continue
        # "People’s Mojahedin of Iran (PMOI/MEK)": the acronyms alias the name before them.
        # Not "WASHINGTON (AP) —": a dateline's agency is a source, not an alias of the place.
        paren = _PAREN_ACRONYMS.match(text, end)
        if paren and label not in ("PERSON", "NORP") and not any(
            d0 <= start < d1 for d0, d1 in dateline_spans
        ):
            pos = paren.start(1)
            for part in re.split(r"\s*/\s*", paren.group(1)):
                p_start = text.index(part, pos)
                pos = p_start + len(part)
                other = ent_ids.get((p_start, pos))
                if other and other != ent.ent_id_:
                    continue  # the acronym is a different known organisation
                add(_Mention(p_start, pos, label, part, gaz_kind, gaz_id, m.country, False, m.country_type))
                pairs.append(((start, end), (p_start, pos)))

    # The publisher line and dateline sources are actors even when the model misses them.
    covered = [(m.start, m.end) for m in mentions]
    extra: list[tuple[int, int]] = []
    pub = article.structure.publisher_line
    if pub is not None:
        extra.append((pub.start, pub.end))
    for d in article.structure.datelines:
        pos = text.find(d.source, d.span.start, d.span.end)
        if pos >= 0:
            extra.append((pos, pos + len(d.source)))
    for s, e in extra:
        if not any(c0 < e and s < c1 for c0, c1 in covered):
            add(_Mention(s, e, "ORG", text[s:e]))
    mentions.sort(key=lambda m: m.start)
    return mentions, pairs


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


def _resolve(
    article: Article, mentions: list[_Mention], pairs: list[tuple[_SpanKey, _SpanKey]]
) -> list[Actor]:
    text = article.text
    # 1. Exact groups (gazetteer id, country, normalised name), in order of first mention.
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(_group_key(m), []).append(i)
    parent = {k: k for k in groups}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(keep: str, other: str) -> None:
        a, b = find(keep), find(other)
        if a != b:
            first_a = min(groups[a][0], groups[b][0])
            # The group seen first stays the root so ids follow first mention.
            if groups[b][0] == first_a:
                a, b = b, a
            parent[b] = a
            groups[a] = sorted(groups[a] + groups[b])

    # Parenthesised acronyms tie their group to the name before them.
    at = {(m.start, m.end): m for m in mentions}
    for a, b in pairs:
        if a in at and b in at:
            union(_group_key(at[a]), _group_key(at[b]))

    def variants(root: str) -> set[tuple[str, ...]]:
        surfaces = {mentions[i].surface for i in groups[root] if not mentions[i].demonym}
        return {_norm_tokens(s) for s in surfaces}

    def last_before(root: str, at: int) -> int:
        """Index of the root's last mention before mention `at` (-1 if none)."""
        pos = bisect_left(groups[root], at)
        return groups[root][pos - 1] if pos else -1

    # 2. Alias merging between groups, blocked by normalised token and acronym.
    by_token: dict[tuple[str, str], list[str]] = {}
    by_initials: dict[str, list[str]] = {}
    by_acronym: dict[str, list[str]] = {}
    for key in list(groups):
        idxs = groups[key]
        if find(key) != key:
            continue
        m = mentions[idxs[0]]
        fam = _family(m.label)
        tokens = _norm_tokens(m.surface)
        if not tokens or m.country:
            continue
        target: str | None = None
        if fam == "PERSON" or fam == "ORG":
            candidates: list[str] = []
            for tok in tokens:
                candidates.extend(by_token.get((fam, tok), []))
                candidates.extend(by_token.get((fam, "#" + tok[0] + _skeleton(tok)), []))
            seen: set[str] = set()
            best_last = -1
            for cand in candidates:
                if cand in seen:
                    continue
                seen.add(cand)
                c_tokens = _norm_tokens(mentions[groups[cand][0]].surface)
                root = find(cand)
                if fam == "PERSON":
                    # Every name already in the cluster must fit: "Talabani" may have joined
                    # "Jalal Talabani", but "Hero Talabani" must not join them.
                    ok = all(_same_person(tokens, v) for v in variants(root))
                else:
                    ok = _same_org(tokens, c_tokens)
                if ok:
                    # Ambiguous surname: the most recently mentioned bearer wins.
                    last = last_before(root, idxs[0])
                    if last > best_last:
                        target, best_last = root, last
        if target is None and fam == "ORG":
            surface = m.surface.strip()
            if _ACRONYM.fullmatch(surface):
                letters = re.sub(r"[^A-Za-z]", "", surface).lower()
                hits = by_initials.get(letters, [])
                target = find(hits[-1]) if hits else None
            elif len(tokens) >= 2:
                hits = by_acronym.get(_initials(tokens), [])
                target = find(hits[-1]) if hits else None
        if target is not None:
            union(target, key)
        for tok in tokens:
            by_token.setdefault((fam, tok), []).append(key)
            by_token.setdefault((fam, "#" + tok[0] + _skeleton(tok)), []).append(key)
        if fam == "ORG":
            surface = m.surface.strip()
            if _ACRONYM.fullmatch(surface):
                by_acronym.setdefault(re.sub(r"[^A-Za-z]", "", surface).lower(), []).append(key)
            elif len(tokens) >= 2:
                by_initials.setdefault(_initials(tokens), []).append(key)

    # 3. People the model mistyped or named by first name only, matched against PERSON names.
    def person_roots(tok: str) -> list[str]:
        return list(dict.fromkeys(find(k) for k in by_token.get(("PERSON", tok), [])))

    def nearest(roots: list[str], at: int) -> str:
        # The bearer mentioned last before `at`, else the first one mentioned after it.
        before = [(last_before(r, at), r) for r in roots if groups[r][0] < at]
        return max(before)[1] if before else min((groups[r][0], r) for r in roots)[1]

    for key in list(groups):
        if find(key) != key:
            continue
        m = mentions[groups[key][0]]
        tokens = _norm_tokens(m.surface)
        if not tokens or m.gaz_id or m.country:
            continue
        fam = _family(m.label)
        if fam in ("ORG", "PLACE"):
            # "Caddell" (ORG) after "Pat Caddell": the model's label drifts, the surname does not.
            roots = [
                r for r in person_roots(tokens[-1])
                if r != key and any(len(v) >= len(tokens) and v[-len(tokens):] == tokens for v in variants(r))
            ]
            if roots:
                union(nearest(roots, groups[key][0]), key)
        elif fam == "PERSON" and len(tokens) == 1 and len(variants(key)) == 1:
            # "Hillary" alone: the one person in the article with that first name.
            roots = [
                r for r in person_roots(tokens[0])
                if r != key and any(len(v) >= 2 and v[0] == tokens[0] for v in variants(r))
            ]
            if len(roots) == 1:
                union(roots[0], key)

    # 4. Build actors in order of first mention.
    roots = sorted({find(k) for k in groups}, key=lambda k: groups[k][0])
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
        ms = [mentions[i] for i in groups[root]]
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


def _make_actor(
    actor_id: str,
    ms: list[_Mention],
    text: str,
    publisher_key: str | None,
    pub_line: Span | None,
    dateline_sources: set[_SpanKey] = frozenset(),
) -> Actor:
    named = [m for m in ms if not m.demonym]
    counts = Counter(m.surface for m in named)
    first_pos: dict[str, int] = {}
    for m in named:
        first_pos.setdefault(m.surface, m.start)
    country = next((m.country for m in ms if m.country), None)
    gaz_id = next((m.gaz_id for m in ms if m.gaz_id), None)
    if country:
        name = country  # "United States" rather than "U.S."
    elif gaz_id and any(_norm(m.surface) == _norm(gaz_id) for m in named):
        name = gaz_id  # the gazetteer's spelling ("Quds Force" for "Quds force")
    elif named:
        name = _canonical_name(counts, first_pos)
    else:
        name = country or ms[0].surface
    labels = Counter(m.label for m in named if m.label != "NORP")
    gaz_label = next((m.label for m in ms if m.gaz_id), None)
    country_type = next((m.country_type for m in ms if m.country), "GPE")
    if country:
        actor_type = country_type
    elif "PERSON" in labels and not gaz_label:
        actor_type = "PERSON"  # "Caddell" typed ORG once is still the person
    elif gaz_label:
        actor_type = gaz_label
    elif labels:
        actor_type = labels.most_common(1)[0][0]
    else:
        actor_type = ms[0].label
    in_pub_line = pub_line is not None and any(pub_line.start <= m.start < pub_line.end for m in ms)
    if in_pub_line or (publisher_key and any(_norm(m.surface) == publisher_key for m in named)):
        kind = "publisher"
    elif any(m.gaz_kind == "outlet" or (m.start, m.end) in dateline_sources for m in ms):
        kind = "outlet"
    else:
        kind = "named"
    aliases: list[str] = []
    for m in named:
        if m.surface != name and m.surface not in aliases:
            aliases.append(m.surface)
    titles: list[str] = []
    for m in ms:
        for t in m.titles:
            if t not in titles:
                titles.append(t)
    # "President" adds nothing next to "Iraqi President".
    titles = [t for t in titles if not any(o != t and o.endswith(" " + t) for o in titles)]
    nationality: list[str] = []
    for m in ms:
        if m.demonym and m.surface not in nationality:
            nationality.append(m.surface)
    spans = sorted({(m.start, m.end) for m in ms})
    return Actor(
        id=actor_id,
        name=name,
        type=actor_type,
        kind=kind,
        aliases=aliases,
        mentions=[make_span(text, s, e) for s, e in spans],
        titles=titles,
        nationality=nationality,
    )
