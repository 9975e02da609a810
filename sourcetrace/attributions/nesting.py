"""Nesting: an attribution whose cue lies inside another's content is its child (of the smallest
such content; of two tellers sharing one content, the inner one); one outside every content is a
child of the innermost document frame around it."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from sourcetrace.attributions.base import QUOTES, Found, Rule, doc_text, minus, parts, tok_end
from sourcetrace.attributions.lexicons import lexicons
from sourcetrace.attributions.verbs import OCCASIONS
from sourcetrace.spans import quote_regions

_MAX_NESTING = 6

NESTING_RULES = (
    Rule(
        "continuing_teller",
        '"The AP reported that a U.S. official said P. The official said Q.": a speaker who goes on, '
        "referred to again, still speaks through the outlet that relayed them, until another teller speaks",
    ),
    Rule(
        "teller_not_said",
        '"According to a report by Reuters, the scope is unclear as its managers are still planning it": '
        "what a nested attribution says never holds the words of its tellers (their cue and source)",
    ),
    Rule(
        "quote_closes_content",
        '"“... The statement said that P,” the newspaper wrote": what a cue inside a quotation says '
        "ends at the quotation's closing mark; the teller after it, who wrote the whole quotation, is outer",
    ),
    Rule(
        "no_self_relay",
        '"The minister described it as “a terrible one” saying P": a participle whose teller is its '
        "holder's own speaker goes on speaking beside it, not through it (never minister › minister › P)",
    ),
    Rule(
        "inner_xcomp",
        '"agreed to release the funds": when both verbs are cues, the outer one speaks; with a "ctl" '
        'verb ("refused to disclose") the two are one cue',
    ),
    Rule(
        "occasion_noun",
        '"X confirmed in a statement that P": the statement is where the verb\'s teller spoke, not a '
        "second attribution of P (the parser hangs \"that P\" on the noun, and P was claimed twice)",
    ),
)


def drop_inner_xcomp(finds: list[Found]) -> list[Found]:
    """ "agreed to release the funds": when both verbs are cues, the outer one speaks and
    "to release the funds" is its content; the inner one would only repeat it with a longer cue."""
    verbs = lexicons().verbs
    outer = {f.verb.i: f for f in finds if f.verb is not None}
    dropped: set[int] = set()
    for f in finds:
        v = f.verb
        host = outer.get(v.head.i) if v is not None and v.dep_ == "xcomp" and v.head.i < v.i else None
        if host is not None and host.content_contains((v.idx, tok_end(v))):
            # "refused to disclose the records" (a "ctl" verb): one cue, "refused to disclose"
            dropped.add(id(host) if "ctl" in verbs.get(host.lemma, ()) else id(f))
    return [f for f in finds if id(f) not in dropped]


# where a teller speaks ("in a statement", "at a briefing"), never what another one claims
_OCCASION_NOUNS = OCCASIONS | {"communique", "release", "filing", "video", "broadcast"}


def drop_occasion_nouns(doc: Doc, finds: list[Found]) -> list[Found]:
    """ "X confirmed in a statement that P": a noun cue that is the object of "in"/"at" hung on a
    reporting verb whose find says the same words is that verb's occasion; only the verb's find stays."""
    by_verb = {f.verb.i: f for f in finds if f.verb is not None}
    dropped: set[int] = set()
    for f in finds:
        span = doc.char_span(*f.cue, alignment_mode="expand") if f.verb is None else None
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in ("in", "at"):
            continue
        if tok.lemma_.lower() not in _OCCASION_NOUNS:
            continue  # "protested at the allegation that P": the allegation is someone else's claim
        host = by_verb.get(tok.head.head.i)
        if host is not None and host.content == f.content:
            dropped.add(id(f))
    return [f for f in finds if id(f) not in dropped]


def nest(
    finds: list[Found], frames: list[Found], text: str | None = None, off: frozenset[str] = frozenset()
) -> None:
    """Parent = the smallest content holding the cue (sentence level first, then frames); with
    the article's `text` (rule `teller_not_said`), a child's content loses its tellers' words."""
    _untangle(finds)
    if text is not None and "quote_closes_content" not in off:
        close_quoted_contents(finds, text)
    pieces = sorted((s, e, n) for n, f in enumerate(finds) for s, e in f.content)
    starts = [p[0] for p in pieces]
    longest = max((e - s for s, e, _ in pieces), default=0)
    for n, f in enumerate(finds):
        if f.parent is not None:
            continue
        holders = []
        i = bisect_left(starts, f.cue[0] - longest)
        while i < len(pieces) and pieces[i][0] <= f.cue[0]:
            s, e, m = pieces[i]
            if m != n and f.cue[1] <= e:
                holders.append(finds[m])
            i += 1
        # a holder whose own cue is inside this one's content would make a loop with it: another
        # holder, when there is one, is the parent ('“P ... has been reported ...,” said KAA')
        holders = [g for g in holders if not f.content_contains(g.cue)] or holders
        if not holders:
            holders = [g for g in frames if g.content_contains(f.cue)]
        if holders:
            f.parent = _innermost(holders, _reports_a_clause(f))
    if "no_self_relay" not in off:
        _no_self_relay(finds, text)
    _limit_depth(finds, frames)
    _break_loops(finds, frames)
    if text is not None and "teller_not_said" not in off:
        drop_teller_words(finds, text)


def _no_self_relay(finds: list[Found], text: str | None) -> None:
    """ "The minister described the situation as “a terrible one” saying P": the parser hung the
    participle inside the description, so the minister relayed himself. A participle cue whose
    source is its holder's own subject phrase is the same speaker going on: a sibling of the holder,
    whose content stops before it."""
    for f in finds:
        p, v = f.parent, f.verb
        if p is None or p.frame or v is None or v.tag_ != "VBG" or f.head is None or p.head is None:
            continue
        if f.head.i != p.head.i:
            continue
        if f.cue[0] <= p.cue[0]:
            continue
        f.parent = p.parent
        cut = [(v.left_edge.idx, f.content_end)]
        kept = [piece for r in p.content for piece in minus(r, cut)]
        kept = parts(text, kept) if text is not None else kept
        p.content = kept or p.content


def close_quoted_contents(finds: list[Found], text: str) -> None:
    """ "“None of them has called. The statement said that P,” the newspaper wrote": the parser's
    sentence runs past the closing mark, so the statement's content held the newspaper's cue and
    the newspaper, who wrote the whole quotation, hung inside what the statement said. What a cue
    inside a quotation says stops at the quotation's closing mark when a teller's cue follows it."""
    regions = [r for r in quote_regions(text) if r[1] - r[0] > 2]
    if not regions:
        return
    starts = [r[0] for r in regions]
    cues = sorted(f.cue[0] for f in finds if not f.frame)
    for g in finds:
        if g.frame or not g.content:
            continue
        i = bisect_left(starts, g.cue[0] + 1) - 1
        if i < 0 or not regions[i][0] < g.cue[0] < regions[i][1]:
            continue
        close = regions[i][1]
        if g.content_end <= close:
            continue
        after = bisect_left(cues, close)
        if after == len(cues) or cues[after] >= g.content_end:
            continue  # no teller's cue after the closing mark inside the content
        kept = [(s, min(e, close)) for s, e in g.content if s < close]
        g.content = parts(text, kept) or g.content


def drop_teller_words(finds: list[Found], text: str) -> None:
    """A nested attribution's content never holds its tellers' cue or source: the parser may give
    an inner cue a clause that starts with the outer one ("According to a report by Reuters, the
    scope is unclear as its managers are still planning it": the managers' content is "the scope
    is unclear", not "According to a report by Reuters, ..."). Frames are no words of a sentence."""
    for f in finds:
        holes: list[tuple[int, int]] = []
        p, depth = f.parent, 0
        while p is not None and depth < _MAX_NESTING:
            if not p.frame:
                holes += [p.cue] + ([p.source] if p.source is not None else [])
            p, depth = p.parent, depth + 1
        inside = [h for h in holes if f.content_contains(h)]
        if not inside:
            continue
        kept = parts(text, [piece for r in f.content for piece in minus(r, inside)])
        if kept:
            f.content = kept


def _untangle(finds: list[Found]) -> None:
    """ "X has said that P, the Saudi Press Agency, SPA, reported": the parser hangs the post-posed
    report inside X's clause, so each content holds the other's cue. The later report is the outer
    one (it tells what X said): X's content stops before its teller."""
    # a later cue inside g's content: only those between g's cue and its content's end (in cue
    # order), not every pair of the document, which is quadratic on a long article
    ordered = sorted(finds, key=lambda f: f.cue[0])
    starts = [f.cue[0] for f in ordered]
    for g in finds:
        if g.verb is None or not g.content:
            continue
        end = max(e for _, e in g.content)
        for r in ordered[bisect_left(starts, g.cue[1]) : bisect_left(starts, end)]:
            if r is g or r.source is None:
                continue
            if not (g.content_contains(r.cue) and r.content_contains(g.cue)):
                continue
            doc = g.verb.doc
            start = doc.char_span(r.source[0], r.source[1], alignment_mode="expand")
            if start is None or start.start == 0 or doc[start.start - 1].text != ",":
                continue  # the teller is set off by a comma: "..., the Post reported"
            if any(q in doc_text(doc)[start.sent.start_char : r.source[0]] for q in QUOTES):
                continue  # '"..., he said, ...," X recalled': a quotation's own cues, not a post-posed report
            cut = doc[start.start - 1].idx
            g.content = [(s, min(e, cut)) for s, e in g.content if s < cut] or g.content


def _reports_a_clause(f: Found) -> bool:
    """A cue that reports a clause ("had revealed that P"), not one with an object only ("had
    discussed the sale", "was considering options": often an event rather than speech)."""
    return f.verb is not None and any(c.dep_ == "ccomp" and c.i > f.verb.i for c in f.verb.children)


def _innermost(holders: list[Found], inner: bool) -> Found:
    """The smallest content holding a cue; of two tellers with the same content ("the report,
    quoting sources, said that the premier had revealed that P": the report and its sources), the
    inner one when the cue reports a clause (`inner`), so the chain reads report › sources ›
    premier; a cue with an object only stays under the outer teller."""
    if not inner:
        return min(holders, key=Found.content_size)
    ids = {id(h) for h in holders}

    def inner_depth(h: Found) -> int:
        n, up, seen = 0, h.parent, {id(h)}
        while up is not None and id(up) not in seen:
            seen.add(id(up))
            n += id(up) in ids
            up = up.parent
        return n

    smallest = min(h.content_size() for h in holders)
    tied = [h for h in holders if h.content_size() == smallest]
    # only tellers sharing the smallest content need their depth (a walk up the chain each):
    # ranking every holder by it is quadratic on a long run of nested clauses
    return tied[0] if len(tied) == 1 else min(tied, key=lambda h: -inner_depth(h))


def _innermost_frame(f: Found, frames: list[Found]) -> Found | None:
    return min((g for g in frames if g.content_contains(f.cue)), key=Found.content_size, default=None)


def _break_loops(finds: list[Found], frames: list[Found]) -> None:
    """Odd parses can make two contents hold each other's cue: break such a loop at `f`."""
    for f in finds:
        seen, up = {id(f)}, f.parent
        while up is not None and id(up) not in seen:
            seen.add(id(up))
            up = up.parent
        if up is f:
            f.parent = _innermost_frame(f, frames)


def _limit_depth(finds: list[Found], frames: list[Found]) -> None:
    """Real reporting nests a few levels ("X reported that an official said that ..."); a parse
    that chains hundreds of clauses ("A said that ... and B said that ...") would make chains, and
    the output, quadratic. Past _MAX_NESTING levels an attribution hangs on its frame instead."""
    depth: dict[int, int] = {}
    for f in sorted(finds, key=lambda f: f.cue[0]):
        up = f.parent
        d = 1 + (depth.get(id(up), 0) if up is not None and not up.frame else 0)
        if d > _MAX_NESTING:
            f.parent = _innermost_frame(f, frames)
            d = 1
        depth[id(f)] = d


_CONTINUE_WITHIN = 1500  # characters: a few paragraphs
_REFERRING = {"he", "she", "they", "it", "him", "her", "them", "the", "this", "that"}


def _top(f: Found) -> Found:
    while f.parent is not None and not f.parent.frame:
        f = f.parent
    return f


_RELAY_LEMMAS = {"report", "according", "quote", "cite"}


def _relays(outer: Found | None, f: Found) -> bool:
    """An outlet, a document or a report that relays another's speech ("The AP reported that ...",
    "according to Yonhap"), not the same speaker again."""
    if outer is None or outer.frame or outer.source is None or outer.source_actor == f.source_actor:
        return False
    return outer.source_kind in ("outlet", "document") or outer.lemma in _RELAY_LEMMAS


def _words(f: Found, name_only: bool = False) -> list[str]:
    """The words of a source; `name_only`: only its name's (proper nouns of no other entity:
    not the title or the party of "party deputy leader Karim Osei")."""
    if f.source is None or f.head is None:
        return []
    span = f.head.doc.char_span(*f.source, alignment_mode="expand")
    if span is None:
        return []
    keep = [t for t in span if not t.is_punct]
    if name_only:
        keep = [t for t in keep if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "")]
    return [t.lower_ for t in keep]


def _short_form(f: Found, inner: list[Found]) -> bool:
    """ "a report quoting party deputy leader Karim Osei, who claimed P. Osei said Q": the
    speaker named again by part of the name the relay gave (a surname, a given name) is referred
    to, not introduced anew."""
    if not inner:
        return False
    again, before = _words(f), set(_words(inner[0], name_only=True))
    return 0 < len(again) < len(before) and set(again) <= before


def inherit_outer(finds: list[Found]) -> None:
    """ "The AP reported that a U.S. official said P. The official said Q.": the official, referred
    to again ("the official", "he"), still speaks through the AP, so Q's chain is AP › official. Only
    while no other teller speaks in between, and within a few paragraphs."""
    ordered = sorted((f for f in finds if not f.frame), key=lambda f: f.cue[0])
    last_top: Found | None = None
    for f in ordered:
        top = f.parent is None or f.parent.frame
        if not top:
            continue
        prev = last_top
        last_top = f
        if prev is None or f.source_actor is None or f.head is None:
            continue
        first = f.head.doc[f.head.left_edge.i].lower_
        inner = [g for g in ordered if _top(g) is prev and g is not prev and g.source_actor == f.source_actor]
        if f.head.lower_ not in _REFERRING and first not in _REFERRING and not _short_form(f, inner):
            continue  # a full name introduces the speaker anew: "Lt Col Ana Lima said"
        if not inner or f.cue[0] - inner[-1].cue[0] > _CONTINUE_WITHIN or inner[-1].parent is not prev:
            continue  # relayed by the last teller itself ("The AP reported that a U.S. official said")
        if not _relays(prev, f):
            continue
        f.parent = inner[-1].parent
        last_top = prev  # the relay goes on
