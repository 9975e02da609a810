"""THE place where a token is decided to be a cue candidate.

Everything downstream (the verb rules, "according to", noun cues) only looks at the tokens this
module hands it. The learned cue scorer (`sourcetrace/learned.py`, trained on PolNeAR train) plugs in
here: `is_cue` is the one decision, `cue_candidates` walks a Doc with it. With a scorer, a verb the
lexicon lacks is a cue when the model says so (kind "learned"); the lexicon stays as it is (its
cues are precise), and the rules resolve source and content alike.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from sourcetrace.attributions.base import Found, Rule, parts, subtree, tok_end
from sourcetrace.attributions.clauses import clip_paragraph, cue_range, subject_found
from sourcetrace.attributions.denials import denies_with_particle
from sourcetrace.attributions.impressions import (
    SEEM_VERBS,
    is_bare_asked,
    is_passive_impression,
    is_reportedly,
)
from sourcetrace.attributions.lexicons import Lexicons
from sourcetrace.attributions.nouns import poll_of
from sourcetrace.learned import Scorer

ACCORDING, VERB, NOUN, LEARNED, SEEM, ADJECTIVE = "according", "verb", "noun", "learned", "seem", "adjective"
MADE_CLEAR, WHEN_ASKED, MAKE_CASE = "made_clear", "when_asked", "make_the_case"
IN_POLL, REPORTEDLY = "in_poll", "reportedly"


def _deliberates(tok: Token) -> bool:
    """ "Seoul will consider options for responding", "the board may consider a bid": "consider"
    with a modal and a plain object weighs a course of action to come; it reports no view
    ("considers the plan unworkable", "consider that P", "was considering options" stay cues)."""
    if tok.lemma_.lower() != "consider" or tok.tag_ != "VB":
        return False
    deps = {c.dep_ for c in tok.children}
    if "dobj" not in deps or deps & {"ccomp", "oprd", "xcomp", "acomp"}:
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


# what one asks for and is granted or refused: "denied a request", "denied him entry", "rejected bail"
_ASKED_FOR = frozenset({
    "request", "permission", "access", "entry", "visa", "bail", "application", "petition", "motion",
    "asylum", "licence", "license", "passage", "leave", "parole", "clemency", "waiver", "extension",
})


def _refuses(tok: Token) -> bool:
    """ "Comey denied a request by the White House to challenge the reports", "refused permission":
    refusing what was asked for is a deed, no denial of a claim ("rejected the request" stays a cue:
    PolNeAR reads rejecting as a stance, dev source/cue/content 74.3/70.9/64.0 -> 74.2/70.8/63.9)."""
    if tok.lemma_.lower() not in ("deny", "refuse"):
        return False
    return any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _ASKED_FOR for c in tok.children)


def _according(tok: Token) -> bool:
    """ "according to X"; "As per the report, ...": "according to" in South Asian English."""
    word = tok.lower_
    if word not in ("according", "as") or tok.i + 1 >= len(tok.doc):
        return False  # asked of every token: the next one is read only after these two words
    return tok.doc[tok.i + 1].lower_ == ("to" if word == "according" else "per")


# the parts of speech a cue's head has (every branch of `is_cue` asks for one of them, so
# `cue_candidates` asks `is_cue` only of those tokens: two in five, same cues), and the
# words that head one whatever their tag ("according to", "as per", "In a poll", "reportedly")
_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_CUE_WORDS = frozenset({"according", "as", "in", "reportedly"})


def _may_head_cue(tok: Token) -> bool:
    """Asked of every token first: a name, a determiner or a comma never heads a cue."""
    return tok.pos_ in _CUE_POS or tok.tag_ in ("VBN", "VBD") or tok.lower_ in _CUE_WORDS


def is_cue(tok: Token, lex: Lexicons, learned: Scorer | None = None) -> str | None:
    """The kind of cue `tok` may head ("according", "verb", "noun", "seem": "X seemed to Y",
    "adjective": "is confident that", or "learned": a verb the lexicon lacks that the learned scorer
    calls a cue), or None when it is none."""
    if _according(tok):
        return ACCORDING
    if poll_of(tok) is not None:
        return IN_POLL  # "In a CBS News poll released Monday, P": the poll is the source
    if is_reportedly(tok):
        return REPORTEDLY  # "The club is reportedly spending $1.5 million": nobody is named
    lemma = tok.lemma_.lower()
    if is_passive_impression(tok):
        return SEEM  # "is expected to win": before the lexicon, which would want a teller
    if is_bare_asked(tok):
        return WHEN_ASKED  # "When asked whether P": no subject of its own, before the lexicon's "ask"
    # "shot down expectations that P": a phrasal denial, whether or not the lexicon has its verb
    reporting = lemma in lex.verbs or denies_with_particle(tok, lex)
    if tok.pos_ == "VERB" and _refuses(tok):
        return None  # "denied a request", "denied him bail": a refusal, whatever a scorer says
    if tok.pos_ == "VERB" and reporting and not _deliberates(tok):
        return VERB
    if tok.pos_ == "VERB" and lemma == "make" and _clear(tok) is not None:
        return MADE_CLEAR
    if tok.pos_ == "VERB" and lemma == "make" and _made_case(tok) is not None:
        return MAKE_CASE
    if tok.pos_ == "VERB" and lemma in SEE_AS and _object_as(tok):
        return VERB  # "they see Trump as the likelier winner": a view, as "view X as Y" is
    if tok.pos_ == "NOUN" and (lemma in lex.nouns or _prep_after(tok, lex.noun_preps.get(lemma))):
        return NOUN
    if tok.pos_ in ("VERB", "AUX") and lemma in SEEM_VERBS:
        return SEEM
    # the tagger reads "was concerned that" now as an adjective, now as a participle ("concern")
    adjectival = tok.pos_ == "ADJ" or tok.tag_ == "VBN"
    if adjectival and tok.dep_ in ("acomp", "oprd") and lex.adjectives & {lemma, tok.lower_}:
        return ADJECTIVE
    if learned is not None and tok.pos_ == "VERB" and learned.is_cue(tok):
        return LEARNED
    return None


CUE_RULES = (
    Rule(
        "see_as",
        '"Democrats see Sanders as an agent of her decline", "portrayed him as weak": a verb of '
        'viewing with an object and an "as" phrase is a cue like "view X as Y" (the object and its tail)',
    ),
    Rule(
        "made_clear",
        '"Trump has made clear that he will run", "She made it clear the comment hit a nerve": "make '
        'clear" is a cue, what follows "clear" in the clause the content',
    ),
    Rule(
        "make_the_case",
        '"They have made the case that she is too close to Wall Street", "made the point that P", "has made '
        'no secret of his frustration": the verb and its object are the cue, the "that" clause (or what has '
        "no secret made of it) the content",
    ),
)
_CASE_NOUNS = frozenset({"case", "point", "argument"})
SEE_AS = frozenset({"see", "regard", "portray", "paint", "cast", "characterize", "characterise", "depict"})


def _clear(tok: Token) -> Token | None:
    """The "clear" of "made (it) clear", right after the verb or its "it"."""
    doc, i = tok.doc, tok.i + 1
    if i < len(doc) and doc[i].lower_ == "it":
        i += 1  # "made it clear"
    return doc[i] if i < len(doc) and doc[i].lower_ == "clear" and doc[i].head == tok else None


def made_clear_find(verb: Token, text: str) -> Found | None:
    """Source (the subject), cue ("has made (it) clear") and content (the rest of the clause)."""
    clear = _clear(verb)
    if clear is None or clear.i + 1 >= len(verb.doc):
        return None
    end = max(tok_end(verb.right_edge), tok_end(clear.right_edge))
    cue = (cue_range(verb)[0], tok_end(clear))
    content = parts(text, [clip_paragraph(text, (verb.doc[clear.i + 1].idx, end), verb.idx)])
    if not content:
        return None
    return subject_found(verb, cue, content, "make", verb=verb)


def _made_case(verb: Token) -> tuple[Token, Token] | None:
    """(the cue's last token, the content's head) of "made the case that P", "made no secret of X"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if obj.lemma_.lower() == "secret" and any(c.lower_ == "no" for c in obj.lefts):
        of = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return (of, pobj) if pobj is not None else None
    if obj.lemma_.lower() not in _CASE_NOUNS:
        return None
    clause = next(
        (
            c
            for h in (obj, verb)
            for c in h.rights
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    return (obj, clause) if clause is not None else None


def make_case_find(verb: Token, text: str) -> Found | None:
    """Source (the subject), cue ("have made the case", "has made no secret of"), content."""
    found = _made_case(verb)
    if found is None:
        return None
    last, head = found
    content = parts(text, [clip_paragraph(text, subtree(head), verb.idx)])
    if not content:
        return None
    return subject_found(verb, (cue_range(verb)[0], tok_end(last)), content, "make", verb=verb)


def _object_as(tok: Token) -> bool:
    """An object and an "as" phrase: "see X as Y"."""
    kids = list(tok.children)
    return any(c.dep_ == "dobj" for c in kids) and any(c.dep_ == "prep" and c.lower_ == "as" for c in kids)


def _prep_after(tok: Token, preps: frozenset[str] | None) -> bool:
    """ "attacks on", "support for": the noun's own preposition, right after it."""
    if not preps or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.head == tok and nxt.dep_ == "prep" and nxt.lower_ in preps


def cue_candidates(doc: Doc, lex: Lexicons, learned: Scorer | None = None) -> Iterator[tuple[Token, str]]:
    """Every token of `doc` that may head a cue, with its kind, in text order."""
    for tok in doc:
        kind = is_cue(tok, lex, learned) if _may_head_cue(tok) else None
        if kind is not None:
            yield tok, kind


def verb_tags(tok: Token, lex: Lexicons, learned: Scorer | None = None) -> frozenset[str]:
    """The lexicon's tags for a reporting verb ("obj", "rcpt", "+for", ...); for a verb the
    lexicon does not list, the tags learned for its lemma (or none)."""
    lemma = tok.lemma_.lower()
    if lemma in SEE_AS and lemma not in lex.verbs and _object_as(tok):
        return frozenset({"obj"})
    if lemma in lex.verbs or learned is None:
        return lex.verbs.get(lemma, frozenset())
    return learned.tags(lemma)
