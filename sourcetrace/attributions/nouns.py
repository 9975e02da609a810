"""Cues that are not verbs: "according to X" and a noun with a "that" clause ("the claim that ...")."""

from __future__ import annotations

from spacy.tokens import Token

from sourcetrace.attributions.base import Found, Rule, minus, np_range, parts, sentence, subtree, tok_end
from sourcetrace.attributions.clauses import drop_opening_conjunction

NOUN_RULES = (
    Rule("according_to", '"according to X, ...": X is the source, the rest of the clause the content'),
    Rule("noun_that", 'a noun cue with a "that" clause: "the claim that the vote was rigged"'),
)


def according_find(tok: Token, text: str) -> Found | None:
    # "according to X"; "as per X" (tok is "as")
    to = next((c for c in tok.children if c.lower_ in ("to", "per") and c.i == tok.i + 1), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source = np_range(pobj)
    cue = (tok.idx, tok_end(to))
    sent = sentence(tok)
    clause = tok.head if tok.head != tok else sent.root
    outer = subtree(clause) if clause.dep_ != "ROOT" else (sent.start_char, sent.end_char)
    holes = [(tok.left_edge.idx, max(source[1], cue[1]))]
    pieces = drop_opening_conjunction(text, parts(text, minus(outer, holes)))
    if not pieces:
        return None
    return Found(cue=cue, content=pieces, source=source, head=pobj, lemma="according")


def noun_find(noun: Token, text: str) -> Found | None:
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    pieces = parts(text, [subtree(clause)])
    if not pieces:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    return Found(
        cue=(noun.idx, tok_end(noun)),
        content=pieces,
        source=np_range(poss) if poss is not None else None,
        head=poss,
        lemma=noun.lemma_.lower(),
    )
