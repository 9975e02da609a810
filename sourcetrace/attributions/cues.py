"""THE place where a token is decided to be a cue candidate.

Everything downstream (the verb rules, "according to", noun cues) only looks at the tokens this
module hands it. A learned cue scorer plugs in here: `is_cue` is the one decision, `cue_candidates`
walks a Doc with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from sourcetrace.attributions.lexicons import Lexicons

ACCORDING, VERB, NOUN = "according", "verb", "noun"


def is_cue(tok: Token, lex: Lexicons) -> str | None:
    """The kind of cue `tok` may head ("according", "verb" or "noun"), or None when it is none."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return ACCORDING
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in lex.verbs:
        return VERB
    if tok.pos_ == "NOUN" and lemma in lex.nouns:
        return NOUN
    return None


def cue_candidates(doc: Doc, lex: Lexicons) -> Iterator[tuple[Token, str]]:
    """Every token of `doc` that may head a cue, with its kind, in text order."""
    for tok in doc:
        kind = is_cue(tok, lex)
        if kind is not None:
            yield tok, kind


def verb_tags(tok: Token, lex: Lexicons) -> frozenset[str]:
    """The lexicon's tags for a reporting verb ("obj", "rcpt", "+for", ...); none for a verb the
    lexicon does not list."""
    return lex.verbs.get(tok.lemma_.lower(), frozenset())
