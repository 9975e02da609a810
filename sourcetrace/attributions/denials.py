"""A denial of a report is two claims: the report's proposition, attributed to the report (and its
outlet or source), and the denier's statement, with stance *denies*.

"Harbor Gate denied suggestions that it had bribed officials" must never read as Harbor Gate
asserting that it had bribed officials: the report's noun cue is not nested under the denier.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcetrace.attributions.base import Found, Range, Rule, np_range, tok_end
from sourcetrace.attributions.lexicons import Lexicons

DENIAL_RULES = (
    Rule(
        "denied_report",
        '"X denied reports that P": P is the reports\' claim (their outlet or source when named), '
        "not X's; X's claim denies it",
    ),
)
_SOURCE_PREPS = ("in", "by", "from", "of")


def split_denials(doc: Doc, finds: list[Found], lex: Lexicons) -> list[Found]:
    """Re-hang a report nested under its denier on the denier's parent; give a report object of a
    denial that carries the proposition itself its own attribution."""
    reports = lex.nouns | lex.documents
    by_cue = {f.cue: f for f in finds}
    added = []
    for f in finds:
        if f.lemma not in lex.denials or f.negated or f.verb is None:
            continue
        for g in finds:
            if g.parent is f and _is_denied_report(f, g, reports):
                g.parent = f.parent
                noun = doc.char_span(*g.cue, alignment_mode="expand")
                if g.source is None and noun is not None:
                    g.source, g.head = _report_source(noun.root)
        obj = next((c for c in f.verb.children if c.dep_ == "dobj" and c.lemma_.lower() in reports), None)
        if obj is not None and (obj.idx, tok_end(obj)) not in by_cue and _proposition_after(f, obj):
            source, head = _report_source(obj)
            added.append(
                Found(
                    cue=(obj.idx, tok_end(obj)),
                    content=list(f.content),
                    source=source,
                    head=head,
                    lemma=obj.lemma_.lower(),
                    parent=f.parent,
                    sent_end=f.sent_end,
                )
            )
    return finds + added


def _is_denied_report(f: Found, g: Found, reports: frozenset[str]) -> bool:
    """A report nested under a denial: a report noun cue ("denied reports that P") or a report
    that speaks and is what is denied ("dismissed a press release that claimed P")."""
    if g.verb is None and g.lemma in reports:
        return True
    return (
        g.source is not None
        and g.head is not None
        and g.head.lemma_.lower() in reports
        and f.content_contains(g.source)
    )


def _proposition_after(f: Found, obj: Token) -> bool:
    """The denial's content is a clause after the report noun ("denied a report ... that P")."""
    return f.content_start > tok_end(obj) and any(c.dep_ == "ccomp" for c in f.verb.children)


def _report_source(noun: Token) -> tuple[Range | None, Token | None]:
    """Who made the report: "a report in the Courier", "claims by the opposition", "the
    newspaper's report"; None when the report names no one ("suggestions that ...")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return np_range(poss), poss
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _SOURCE_PREPS:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                return np_range(pobj), pobj
    return None, None
