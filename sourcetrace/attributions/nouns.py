"""Cues that are not verbs: "according to X", a noun with a "that" clause ("the claim that ...") and a
noun with the preposition that opens its content, as a verb's object ("raised questions about X")."""

from __future__ import annotations

from spacy.tokens import Token

from sourcetrace.attributions.base import (
    Found,
    Range,
    Rule,
    minus,
    np_range,
    parts,
    sentence,
    subtree,
    tok_end,
)
from sourcetrace.attributions.clauses import cue_range, drop_opening_conjunction, subject_found
from sourcetrace.attributions.lexicons import lexicons

NOUN_RULES = (
    Rule("according_to", '"according to X, ...": X is the source, the rest of the clause the content'),
    Rule(
        "noun_that",
        'a noun cue with a "that" clause: "the claim that the vote was rigged"; also "a report by X, '
        'the Harbor Shimbun, on Thursday that P" where the parser hung "that P" on a verb that takes none',
    ),
    Rule(
        "in_poll",
        '"In a CBS News poll released Monday, 45 percent chose X": a poll or survey that opens the '
        "sentence is the source of its finding (cue \"In\"), the rest of the clause the content",
    ),
    Rule(
        "noun_prep",
        'a noun cue with the preposition that opens its content (data/attribution_noun_preps.txt), as '
        'a verb\'s object: "Trump raised questions about X", "made no mention of X"; the verb joins the cue',
    ),
)


def according_find(tok: Token, text: str) -> Found | None:
    # "according to X"; "as per X" (tok is "as")
    to = next((c for c in tok.children if c.lower_ in ("to", "per") and c.i == tok.i + 1), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source = _restricted(pobj, np_range(pobj))
    cue = (tok.idx, tok_end(to))
    sent = sentence(tok)
    clause = tok.head if tok.head != tok else sent.root
    outer = subtree(clause) if clause.dep_ != "ROOT" else (sent.start_char, sent.end_char)
    holes = [(tok.left_edge.idx, max(source[1], cue[1]))]
    pieces = drop_opening_conjunction(text, parts(text, minus(outer, holes)))
    if not pieces:
        return None
    return Found(cue=cue, content=pieces, source=source, head=pobj, lemma="according")


def _restricted(noun: Token, source: Range) -> Range:
    """ "according to a poll released Thursday", "a senior official who spoke on the condition of
    anonymity": a clause that restricts the source (no comma before it) is part of it; ", which ..."
    is not."""
    doc, end = noun.doc, source[1]
    for child in noun.rights:
        comma = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
        if child.dep_ not in ("acl", "relcl") or comma:
            continue
        end = max(end, tok_end(child.right_edge))
    return source[0], end


POLL_NOUNS = frozenset({"poll", "survey"})


def poll_of(tok: Token) -> Token | None:
    """The poll of "In a CBS News poll released Monday, P" (an "in" that opens its sentence, after
    an opening quote or conjunction at most). Later in the sentence ("leads in the polls", "viewed
    him favorably in the mid-January poll") an "in" poll is a gold cue only one time in three on
    PolNeAR train folds 1-9, at the opening four times in five."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    if not all(t.is_punct or t.is_space or t.pos_ == "CCONJ" for t in tok.doc[tok.sent.start : tok.i]):
        return None
    return next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in POLL_NOUNS), None)


def poll_find(tok: Token, text: str) -> Found | None:
    """Source the poll (with what describes it: "released Monday"), cue "In", content the clause."""
    poll = poll_of(tok)
    if poll is None:
        return None
    source = subtree(poll)
    sent = sentence(tok)
    clause = tok.head
    outer = subtree(clause) if clause.dep_ != "ROOT" else (sent.start_char, sent.end_char)
    outer = drop_opening_conjunction(text, [outer])[0]  # "But in the latest polls, he trails"
    pieces = parts(text, minus(outer, [(tok.left_edge.idx, source[1])]))
    if not pieces:
        return None
    return Found(cue=(tok.idx, tok_end(tok)), content=pieces, source=source, head=poll, lemma="poll")


def noun_find(noun: Token, text: str) -> Found | None:
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    content = subtree(clause) if clause is not None else _stray_that_clause(noun)
    if content is None:
        return None
    pieces = parts(text, [content])
    if not pieces:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    teller = poss if poss is not None else _by_teller(noun)
    return Found(
        cue=(noun.idx, tok_end(noun)),
        content=pieces,
        source=np_range(teller) if teller is not None else None,
        head=teller,
        lemma=noun.lemma_.lower(),
    )


# what may stand between a report noun and its "that" clause the parser hung elsewhere: the
# noun's own phrase ("by a daily"), an apposition ("the Tokyo Shimbun"), a time ("on Thursday")
_GAP_DEPS = frozenset({"appos", "punct", "compound", "det", "amod", "prep", "pobj", "npadvmod"})
_GAP_MAX = 40  # tokens between a report noun and its stray "that"


def _stray_that_clause(noun: Token) -> Range | None:
    """ "came in response to a report by a daily, the Harbor Shimbun, on Thursday that P": the
    parser hung "that P" on the sentence's verb, which takes no "that" clause ("came"); the clause
    right after the report's phrase (an apposition or a time between) is what the report says.
    A verb that takes its own clause ("denied a report on Monday that P", "told the reporter that
    P") keeps it."""
    doc = noun.doc
    # the gap is a phrase, an apposition and a time: a short window, never the rest of a long sentence
    that = None
    for t in doc[noun.i + 1 : noun.i + 1 + _GAP_MAX]:
        if t.is_sent_start:
            break
        if t.lower_ == "that" and t.dep_ == "mark":
            that = t
            break
    if that is None:
        return None
    own = {t.i for t in noun.subtree}
    if that.head == noun or that.head.i in own:
        return None
    # "that" on the verb itself, or on the clause the parser hung on the verb
    verb = that.head if that.head.i < that.i else that.head.head
    if verb not in noun.ancestors or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in lexicons().verbs:
        return None
    for tok in doc[noun.i + 1 : that.i]:
        if not (tok.i in own or tok.dep_ in _GAP_DEPS or tok.ent_type_ in ("DATE", "TIME", "ORG", "GPE")):
            return None
    clause = that.head if that.head.i > that.i else that
    last = max(clause.right_edge.i, that.right_edge.i)
    while last > that.i and (doc[last].is_punct and doc[last].text in ".,;:!?" or doc[last].is_space):
        last -= 1  # by tokens: spaCy rebuilds Doc.text on every read
    end = tok_end(doc[last])
    return that.idx, end


def _by_teller(noun: Token) -> Token | None:
    """ "a report by a Japanese daily, the Harbor Shimbun": the name after "by" (or in its
    apposition) tells what the report says; "reports by multiple media outlets" name nobody, and
    stay the reports' word."""
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if pobj is None or pobj.pos_ not in ("PROPN", "NOUN"):
        return None
    doc = noun.doc
    after = pobj.right_edge.i + 1
    appos = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    named = appos or (pobj if pobj.pos_ == "PROPN" else None)
    if after + 1 >= len(doc) or doc[after].text != ",":
        return named
    # the apposition, wherever the parser hung it ("the Harbor Shimbun" on the sentence's subject)
    window = doc[after + 1 : min(len(doc), after + 8)]
    name = (t for t in window if t.dep_ == "appos" and t.pos_ == "PROPN" and t.left_edge.i == after + 1)
    return next(name, named)


def noun_cue(noun: Token, text: str, off: frozenset[str] = frozenset()) -> Found | None:
    """A noun cue: with a "that" clause (rule noun_that), else with its preposition (noun_prep)."""
    found = None if "noun_that" in off else noun_find(noun, text)
    if found is None and "noun_prep" not in off:
        found = noun_prep_find(noun, text)
    return found


def noun_prep_find(noun: Token, text: str) -> Found | None:
    """ "Trump has raised questions about X", "made no mention of X": a noun cue that is the object
    of a verb, with the preposition that opens its content; the verb joins the cue and its subject
    is the source. A reporting verb keeps its own cue ("expressed their support for X"). A noun
    that is no verb's object ("his attacks on X", "in support of X") is left alone: on train folds
    1-9 its cue matched the gold exactly in one case of four, which cost Cue F1."""
    preps = lexicons().noun_preps.get(noun.lemma_.lower())
    nxt = noun.doc[noun.i + 1] if preps and noun.i + 1 < len(noun.doc) else None
    if nxt is None or nxt.head != noun or nxt.dep_ != "prep" or nxt.lower_ not in preps:
        return None
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in lexicons().verbs:
        return None
    pobj = next((c for c in nxt.children if c.dep_ in ("pobj", "pcomp")), None)
    pieces = parts(text, [subtree(pobj)]) if pobj is not None else []
    if not pieces:
        return None
    return subject_found(verb, (cue_range(verb)[0], tok_end(nxt)), pieces, noun.lemma_.lower(), weak=True)
