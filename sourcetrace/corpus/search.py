"""Search a corpus: claims by their words, and what one actor says (or is said about) across it."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from sourcetrace.corpus.provenance import corpus_actors, name_key, words
from sourcetrace.corpus.store import Store

_CLAIM_SQL = """SELECT c.article, c.claim, c.content, c.chain, c.innermost_kind, c.stance, c.hedged,
                       c.actors, a.title, a.publisher, a.published
                FROM claims c JOIN articles a USING (article)"""
MIN_FUZZY = 75  # partial_ratio a claim needs when not every word of the query is in it


def _hit(row, score: float | None = None) -> dict:
    article, claim, content, chain, kind, stance, hedged, _actors, title, publisher, published = row
    out = {
        "article": article,
        "claim_id": claim,
        "title": title,
        "publisher": publisher,
        "published": published,
        "content": content,
        "chain": [link["label"] for link in chain],
        "innermost_kind": kind,
        "stance": stance,
        "hedged": bool(hedged),
    }
    if score is not None:
        out["score"] = round(score, 1)
    return out


def search_claims(store: Store, text: str, *, limit: int = 50) -> dict:
    """Claims containing every word of `text` (DuckDB), best first; else the closest ones (rapidfuzz)."""
    con = store.connect()
    terms = [w for w in words(text) if len(w) >= 2] or words(text)
    if not terms:
        return {"query": text, "claims": []}
    where = " AND ".join("lower(c.content) LIKE ?" for _ in terms)
    rows = con.execute(f"{_CLAIM_SQL} WHERE {where}", [f"%{_escape(t)}%" for t in terms]).fetchall()
    if not rows:  # no claim has every word: the nearest ones by fuzzy match, above a floor
        every = con.execute(_CLAIM_SQL).fetchall()
        best = process.extract(
            text, [r[2] for r in every], scorer=fuzz.partial_ratio, limit=limit, score_cutoff=MIN_FUZZY
        )
        hits = [_hit(every[i], score) for _, score, i in best]
    else:
        scored = sorted(
            rows, key=lambda r: (-fuzz.partial_ratio(text.casefold(), r[2].casefold()), r[10] or "9999", r[0])
        )
        hits = [_hit(r, fuzz.partial_ratio(text.casefold(), r[2].casefold())) for r in scored[:limit]]
    return {"query": text, "claims": hits}


def _escape(term: str) -> str:
    return term.replace("%", "").replace("_", "")


def find_actor(actors: list[dict], name: str) -> dict | None:
    """The corpus actor whose name or an alias is `name` (normalised); else the closest above 90."""
    key = name_key(name)
    for a in actors:
        if name_key(a["name"]) == key or any(name_key(x) == key for x in a["aliases"]):
            return a
    choices = {i: name_key(a["name"]) for i, a in enumerate(actors)}
    best = process.extractOne(key, choices, scorer=fuzz.WRatio, score_cutoff=90)
    return actors[best[2]] if best else None


def search_actor(store: Store, name: str, *, limit: int = 200) -> dict:
    """What one actor says across the corpus (claims resting on it) and where it is named in a claim."""
    actor = find_actor(corpus_actors(store), name)
    if actor is None:
        return {"query": name, "actor": None, "claims": [], "mentioned_in": []}
    members = {tuple(m) for m in actor["members"]}
    con = store.connect()
    articles = sorted({m[0] for m in members})
    rows = con.execute(
        f"{_CLAIM_SQL} WHERE c.article IN (SELECT unnest(?)) ORDER BY a.published NULLS LAST, c.start",
        [articles],
    ).fetchall()
    said, named = [], []
    for r in rows:
        chain_actors = {(r[0], link["actor"]) for link in r[3] if link["actor"]}
        if chain_actors & members:
            said.append(_hit(r))
        elif {(r[0], a) for a in (r[7] or ())} & members:
            named.append(_hit(r))
    summary = {k: v for k, v in actor.items() if k != "members"}
    return {"query": name, "actor": summary, "claims": said[:limit], "mentioned_in": named[:limit]}


def find_claim(analysis, content: str, start: int | None = None, claim_id: str | None = None) -> str | None:
    """The id of the claim in a fresh analysis that is the stored one (same id and text, else same text)."""
    claims = [c for c in analysis.claims if not c.dismissed]
    same = next((c for c in claims if c.id == claim_id and c.content.text == content), None)
    if same is not None:
        return same.id
    by_text = [c for c in claims if c.content.text == content]
    if by_text:
        return min(by_text, key=lambda c: abs(c.content.start - (start or 0))).id
    best = process.extractOne(
        content, {c.id: c.content.text for c in claims}, scorer=fuzz.ratio, score_cutoff=85
    )
    return best[2] if best else None
