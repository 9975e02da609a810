"""Provenance: where a claim first appeared, who repeated it, how its sourcing changed on the way.

- Claim clusters: claims of different articles that state the same proposition. Candidates come
  from MinHash LSH over word shingles (datasketch; no all-pairs comparison), each candidate pair
  is confirmed with rapidfuzz, and confirmed pairs are joined (union-find). Appearances are
  ordered by publication date; `drift` lists what changed between consecutive appearances.
- Republication: article B republishes A when a large part of the shorter text appears in the
  other (shingle containment, candidates again from LSH); the edge runs from the earlier article.
- Corpus actors: the same actor across articles as one (`corpus_actors`), merged on normalised
  names and multi-word aliases only, never on a bare surname and never for anonymous sources.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from sourcetrace.corpus.store import Store

NUM_PERM = 64
CLAIM_THRESHOLD = 0.4  # LSH Jaccard threshold for candidate pairs of claims
MIN_CLAIM_WORDS = 5  # shorter claims ("he said so") are too generic to follow across articles
SORT_RATIO = 70  # rapidfuzz confirmation: token_sort_ratio at least this...
SET_RATIO = 90  # ...or token_set_ratio at least this with comparable lengths
SET_LENGTH_RATIO = 0.6
MIN_SHARED = 3  # content words two statements of one proposition share at least
CONTENT_COVER = 0.7  # ...covering this share of the shorter one's content words
ARTICLE_THRESHOLD = 0.2  # LSH Jaccard threshold for candidate republications
ARTICLE_SHINGLE = 5
REPUBLICATION_CONTAINMENT = 0.5  # share of the shorter article's shingles found in the other

UNDATED = "9999-99-99"
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SOURCED = ("anonymous", "document", "named", "outlet")


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text or "")]


def claim_shingles(tokens: Sequence[str]) -> set[str]:
    """Words and word pairs: tolerant of a hedge inserted or a tense changed."""
    toks = list(tokens)
    if toks and toks[0] == "that":  # "said that X" and "X" state the same thing
        toks = toks[1:]
    return set(toks) | {f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)}


def text_shingles(tokens: Sequence[str], k: int = ARTICLE_SHINGLE) -> set[str]:
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


def minhashes(shingle_sets: Sequence[set[str]], num_perm: int = NUM_PERM):
    from datasketch import MinHash

    return MinHash.bulk([[s.encode("utf-8") for s in sh] for sh in shingle_sets], num_perm=num_perm)


def candidate_pairs(shingle_sets: Sequence[set[str]], threshold: float, num_perm: int = NUM_PERM):
    """Index pairs (i < j) whose estimated Jaccard may reach `threshold`: each set is queried once."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for i, m in enumerate(minhashes(shingle_sets, num_perm)):
        if not shingle_sets[i]:
            continue
        for j in lsh.query(m):
            yield j, i
        lsh.insert(i, m)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_words(text: str) -> set[str]:
    """The words that carry the proposition: no stop words, no one-letter tokens."""
    stop = _stop_words()
    return {w for w in words(text) if len(w) > 1 and w not in stop}


def same_proposition(a: str, b: str) -> bool:
    """rapidfuzz confirms an LSH candidate, on top of the content words the two share.

    Both must share at least MIN_SHARED content words, covering CONTENT_COVER of the shorter
    one's ("the United States" in common is not a proposition); then the words must be nearly the
    same (token_sort_ratio) or one nearly contained in the other at a comparable length.
    """
    na, nb = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    if na and nb and not na & nb:  # "plus or minus 3.4 points" is not "plus or minus 5.7 points"
        return False
    ca, cb = content_words(a), content_words(b)
    shared = len(ca & cb)
    if shared < MIN_SHARED or shared / max(1, min(len(ca), len(cb))) < CONTENT_COVER:
        return False
    a2, b2 = a.casefold(), b.casefold()
    if a2.startswith("that "):
        a2 = a2[5:]
    if b2.startswith("that "):
        b2 = b2[5:]
    if fuzz.token_sort_ratio(a2, b2) >= SORT_RATIO:
        return True
    la, lb = len(a2), len(b2)
    return min(la, lb) / max(la, lb, 1) >= SET_LENGTH_RATIO and fuzz.token_set_ratio(a2, b2) >= SET_RATIO


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


@dataclass
class ClaimRow:
    article: str
    claim: str
    content: str
    start: int
    chain: list[dict]
    innermost_kind: str
    stance: str
    hedged: bool
    hedge: str | None
    title: str | None
    publisher: str | None
    published: str | None


def load_claims(store: Store) -> list[ClaimRow]:
    con = store.connect()
    rows = con.execute(
        """SELECT c.article, c.claim, c.content, c.start, c.chain, c.innermost_kind, c.stance, c.hedged,
                  c.hedge, a.title, a.publisher, a.published
           FROM claims c JOIN articles a USING (article)
           ORDER BY a.published NULLS LAST, a.article, c.start"""
    ).fetchall()
    return [ClaimRow(*r) for r in rows]


def cluster_claims(claims: Sequence[ClaimRow], *, min_articles: int = 2) -> list[list[ClaimRow]]:
    """Groups of claims stating one proposition in at least `min_articles` articles."""
    tokens = [words(c.content) for c in claims]
    usable = [i for i, t in enumerate(tokens) if len(t) >= MIN_CLAIM_WORDS]
    sets = [claim_shingles(tokens[i]) for i in usable]
    union = _Union(len(usable))
    for a, b in candidate_pairs(sets, CLAIM_THRESHOLD):
        ca, cb = claims[usable[a]], claims[usable[b]]
        if ca.article == cb.article or not same_proposition(ca.content, cb.content):
            continue
        # no chaining: each side must also state the other group's first claim (its seed), so
        # A~B and B~C never join A and C when A and C say different things
        sa, sb = claims[usable[union.find(a)]], claims[usable[union.find(b)]]
        if same_proposition(sa.content, cb.content) and same_proposition(sb.content, ca.content):
            union.join(a, b)
    groups: dict[int, list[ClaimRow]] = defaultdict(list)
    for k, i in enumerate(usable):
        groups[union.find(k)].append(claims[i])
    out = []
    for members in groups.values():
        per_article: dict[str, ClaimRow] = {}
        for c in members:  # one appearance per article: its first statement of the claim
            if c.article not in per_article or c.start < per_article[c.article].start:
                per_article[c.article] = c
        if len(per_article) >= min_articles:
            out.append(sorted(per_article.values(), key=_when))
    return out


def _when(c) -> tuple:
    return (c.published or UNDATED, c.publisher or "", c.article)


def appearance(c: ClaimRow) -> dict:
    return {
        "article": c.article,
        "claim_id": c.claim,
        "title": c.title,
        "publisher": c.publisher,
        "published": c.published,
        "content": c.content,
        "chain": [link["label"] for link in c.chain],
        "chain_kinds": [link["kind"] for link in c.chain],
        "innermost_kind": c.innermost_kind,
        "innermost_label": c.chain[-1]["label"] if c.chain else None,
        "stance": c.stance,
        "hedged": bool(c.hedged),
        "hedge": c.hedge,
    }


def drift(before: dict, after: dict) -> list[dict]:
    """What changed in the sourcing from one appearance to the next (nothing when nothing did)."""
    changes: list[tuple[str, str]] = []
    k0, k1 = before["innermost_kind"], after["innermost_kind"]
    l0, l1 = before["innermost_label"], after["innermost_label"]
    if k0 in ("anonymous", "document") and k1 == "named":
        changes.append(("source_named", f"the {k0} source “{l0}” became a named one, “{l1}”"))
    elif k0 in _SOURCED and k1 == "unattributed":
        changes.append(("source_dropped", f"the {k0} source “{l0}” disappeared into the outlet's own voice"))
    elif k0 == "unattributed" and k1 in _SOURCED:
        changes.append(("source_added", f"a {k1} source appeared, “{l1}”"))
    elif k0 in _SOURCED and k1 in _SOURCED and k0 != k1:
        changes.append(("source_kind", f"the source went from {k0} “{l0}” to {k1} “{l1}”"))
    elif k0 == k1 == "named" and not _same_name(l0, l1):
        changes.append(("source_changed", f"the named source changed from “{l0}” to “{l1}”"))
    if before["hedged"] and not after["hedged"]:
        hedge = f" (“{before['hedge']}”)" if before.get("hedge") else ""
        changes.append(("hedge_dropped", f"the hedge was dropped{hedge}"))
    elif after["hedged"] and not before["hedged"]:
        changes.append(("hedge_added", "a hedge was added"))
    if before["stance"] == "denies" and after["stance"] != "denies":
        changes.append(("denial_lost", f"the denial by “{l0}” was lost: the claim is now asserted"))
    elif after["stance"] == "denies" and before["stance"] != "denies":
        changes.append(("denied", f"“{l1}” denies it"))
    return [
        {
            "kind": kind,
            "from": before["article"],
            "to": after["article"],
            "from_publisher": before["publisher"],
            "to_publisher": after["publisher"],
            "before": {"kind": k0, "label": l0, "hedged": before["hedged"], "stance": before["stance"]},
            "after": {"kind": k1, "label": l1, "hedged": after["hedged"], "stance": after["stance"]},
            "text": f"{before['publisher'] or 'earlier'} → {after['publisher'] or 'later'}: {text}",
        }
        for kind, text in changes
    ]


def claim_clusters(claims: Sequence[ClaimRow], *, min_articles: int = 2) -> list[dict]:
    clusters = []
    for members in cluster_claims(claims, min_articles=min_articles):
        apps = [appearance(c) for c in members]
        changes = [d for a, b in zip(apps, apps[1:], strict=False) for d in drift(a, b)]
        first = apps[0]
        clusters.append(
            {
                "claim": first["content"],
                "appearances": apps,
                "first": first,
                "drift": changes,
                "articles": len(apps),
                "publishers": len({a["publisher"] or a["article"] for a in apps}),
            }
        )
    # ranked by how far the claim spread, then by when it first appeared
    clusters.sort(
        key=lambda c: (-c["publishers"], -c["articles"], c["first"]["published"] or UNDATED, c["claim"])
    )
    for n, c in enumerate(clusters, start=1):
        c["id"] = f"p{n}"
    return [{"id": c.pop("id"), **c} for c in clusters]


def republications(store: Store) -> list[dict]:
    """Edges earlier -> later between articles whose texts largely overlap."""
    con = store.connect()
    arts = con.execute(
        "SELECT article, title, publisher, published, wire, text FROM articles ORDER BY article"
    ).fetchall()
    sets = [text_shingles(words(a[5])) for a in arts]
    edges = []
    for i, j in candidate_pairs(sets, ARTICLE_THRESHOLD, num_perm=128):
        si, sj = sets[i], sets[j]
        small = min(len(si), len(sj))
        if not small:
            continue
        containment = len(si & sj) / small
        if containment < REPUBLICATION_CONTAINMENT:
            continue
        src, dst = _direction(arts[i], arts[j], len(si), len(sj))
        edges.append(
            {
                "source": src[0],
                "target": dst[0],
                "source_title": src[1],
                "target_title": dst[1],
                "source_publisher": src[2],
                "target_publisher": dst[2],
                "source_published": src[3],
                "target_published": dst[3],
                "overlap": round(containment, 3),
            }
        )
    edges.sort(
        key=lambda e: (e["target_published"] or UNDATED, e["source_published"] or UNDATED, e["target"])
    )
    return edges


def _direction(a, b, size_a: int, size_b: int):
    """(source, target): the earlier one first; the wire named by the other; else the shorter one."""
    da, db = a[3] or UNDATED, b[3] or UNDATED
    if da != db:
        return (a, b) if da < db else (b, a)
    if b[4] and a[2] and b[4].casefold() == a[2].casefold():
        return a, b
    if a[4] and b[2] and a[4].casefold() == b[2].casefold():
        return b, a
    return (a, b) if size_a <= size_b else (b, a)


# ---------------------------------------------------------------- corpus actors


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    path = Path(__file__).resolve().parents[2] / "data" / "titles.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def name_key(name: str) -> str:
    """'Councillor Tobias Rehn' -> 'tobias rehn'; 'The Harbor Ledger' -> 'harbor ledger'."""
    toks = words(name)
    titles = _title_words()
    while len(toks) > 1 and (toks[0] in titles or toks[0] == "the"):
        toks = toks[1:]
    return " ".join(toks)


def _fold(text: str) -> str:
    """Accents off: 'Calderón' and 'Calderon' are one spelling here."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _same_name(a: str | None, b: str | None) -> bool:
    """The same source under two spellings or with a title: 'Councillor Tobias Rehn', 'Tobias Rehn'."""
    ka, kb = name_key(_fold(a or "")), name_key(_fold(b or ""))
    ta, tb = ka.split(), kb.split()
    if ka == kb:
        return True
    if len(ta) >= 2 and len(tb) >= 2:
        # a title kept in the name ('Councillor Tobias Rehn'), a middle initial ('Donald J. Trump')
        return ka.endswith(kb) or kb.endswith(ka) or (ta[0] == tb[0] and ta[-1] == tb[-1])
    return False


def corpus_actors(store: Store) -> list[dict]:
    """One entry per actor across the corpus, with its members (article, actor id)."""
    con = store.connect()
    rows = con.execute("SELECT article, actor, name, type, kind, aliases, mentions FROM actors").fetchall()
    keys: list[str] = []
    for article, actor, name, typ, kind, _aliases, _m in rows:
        if kind == "anonymous":  # "an official" in one article is not the one in another
            keys.append(f"anon:{article}:{actor}")
        else:
            keys.append(f"{'P' if typ == 'PERSON' else 'O'}:{name_key(name)}")
    index = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    union = _Union(len(index))
    for (_a, _id, _n, typ, kind, aliases, _m), key in zip(rows, keys, strict=True):
        if kind == "anonymous":
            continue
        for alias in aliases or ():
            ak = name_key(alias)
            # a multi-word alias that is another actor's name is the same actor; a bare surname never merges
            other = f"{'P' if typ == 'PERSON' else 'O'}:{ak}"
            if len(ak.split()) >= 2 and other in index:
                union.join(index[key], index[other])
        # 'Councillor Tobias Rehn' is 'Tobias Rehn' when the corpus has that person: a title word
        # the lexicon lacks stays in the name, but a full two-word name at its end is enough
        parts = key.split(":", 1)[1].split()
        if typ == "PERSON" and len(parts) >= 3 and (tail := f"P:{' '.join(parts[-2:])}") in index:
            union.join(index[key], index[tail])
    groups: dict[int, list[int]] = defaultdict(list)
    for n, key in enumerate(keys):
        groups[union.find(index[key])].append(n)
    out = []
    for members in groups.values():
        names = Counter(rows[n][2] for n in members)
        name = max(names, key=lambda s: (names[s], len(s)))
        every = {rows[n][2] for n in members} | {a for n in members for a in (rows[n][5] or ())}
        aliases = sorted(every - {name})
        out.append(
            {
                "name": name,
                "type": Counter(rows[n][3] for n in members).most_common(1)[0][0],
                "kind": Counter(rows[n][4] for n in members).most_common(1)[0][0],
                "aliases": aliases,
                "articles": len({rows[n][0] for n in members}),
                "mentions": sum(rows[n][6] or 0 for n in members),
                "members": sorted({(rows[n][0], rows[n][1]) for n in members}),
            }
        )
    out.sort(key=lambda a: (-a["articles"], -a["mentions"], a["name"]))
    for n, a in enumerate(out, start=1):
        a["id"] = f"ca{n}"
    return out


def provenance(store: Store, *, min_articles: int = 2) -> dict:
    """Clusters, republication edges and the number of corpus actors: the whole report."""
    clusters = claim_clusters(load_claims(store), min_articles=min_articles)
    return {"clusters": clusters, "republications": republications(store)}
