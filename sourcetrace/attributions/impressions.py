"""Cues of impression and attitude: "X seemed to Y", "X is expected to Y" (an impression nobody is
named for: no source) and an attitude adjective ("is confident that P", "are worried about P").

PolNeAR annotates both as attributions. "Sanders seemed to reap the benefits" has the cue
"seemed", no source, and a content in two fragments: the subject and the complement ("Sanders",
"to reap the benefits"). "Cruz is confident that P" has the source "Cruz", the cue "is confident"
and the content P; a preposition that opens the content joins the cue ("are worried about").
Chosen on PolNeAR train folds 1-9 (`python -m sourcetrace folds`), never on dev.
"""

from __future__ import annotations

from spacy.tokens import Token

from sourcetrace.attributions.base import Found, Range, Rule, minus, np_range, parts, subtree, tok_end
from sourcetrace.attributions.clauses import (
    clip_paragraph,
    cue_range,
    drop_opening_conjunction,
    opens_with_that,
    source_range,
    subject,
)
from sourcetrace.attributions.lexicons import lexicons

IMPRESSION_RULES = (
    Rule(
        "seemed_to",
        '"Sanders seemed to reap the benefits", "it appears that P", and a passive with no agent ("is '
        'expected to win", "is known as X"): an impression, no source; the content is the subject and '
        "the complement",
    ),
    Rule(
        "attitude_adjective",
        'an attitude adjective (data/attribution_adjectives.txt) with what it is about, its subject the '
        'source: "Cruz is confident that P", "Republicans are worried about P", "was eager to show P"',
    ),
    Rule(
        "when_asked",
        '"When asked whether he would run, Sanders said no", "Carson, asked about his claims, ...": an '
        '"asked" with no subject of its own is a cue with no source ("asked", "asked about"), the question '
        "its content",
    ),
    Rule(
        "reportedly",
        '"The club is reportedly spending $1.5 million on ads": a report nobody is named for; cue '
        '"reportedly", no source, the content its clause around it (two fragments)',
    ),
    Rule(
        "weak_inside_content",
        'an impression ("seemed to") or a noun cue ("raised questions about") inside another\'s content '
        "is part of what was said, not a new hop: \"The Journal reported that officials held talks about X\"",
    ),
)

SEEM_VERBS = frozenset({"seem", "appear"})
# "X is expected to Y", "X is said to Y", "X is seen as Y", "known as": an impression nobody is named for
PASSIVE_VERBS = frozenset(
    {
        "expect", "say", "believe", "think", "report", "rumor", "rumour", "know", "see", "view",
        "regard", "consider", "describe", "perceive", "deem", "suppose", "understand", "predict", "ask",
    }
)  # fmt: skip
_COMPLEMENTS = ("xcomp", "acomp", "oprd", "ccomp")


def is_passive_impression(tok: Token) -> bool:
    """ "is expected to win", "was said to be furious", "are seen as a circus", "a year expected to
    produce": a passive with no agent and a complement."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBN" or tok.lemma_.lower() not in PASSIVE_VERBS:
        return False
    deps = {c.dep_ for c in tok.children}
    if "agent" in deps or not ("auxpass" in deps or tok.dep_ == "acl"):
        return False
    if tok.lemma_.lower() == "ask":  # "was asked to name", "was asked about X"
        return "xcomp" in deps or _asked_about(tok) is not None
    return "xcomp" in deps or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)


_OWN_SUBJECT = frozenset({"nsubj", "nsubjpass", "auxpass", "aux", "dobj", "dative"})


def is_bare_asked(tok: Token) -> bool:
    """ "When asked whether P", "asked about X", "when asked to name X": an "asked" that modifies
    another clause, with no subject (nor object) of its own, and a question."""
    if tok.lemma_.lower() != "ask" or tok.tag_ not in ("VBN", "VBD"):
        return False
    if tok.dep_ not in ("advcl", "relcl", "acl"):
        return False
    if any(c.dep_ in _OWN_SUBJECT for c in tok.children):
        return False
    if tok.tag_ == "VBD" and not _opens_sentence(tok) and (
        tok.dep_ != "advcl" or tok.i == 0 or tok.doc[tok.i - 1].lower_ != ","
    ):
        return False  # a past tense is bare only as an aside ('"...," said Carson, asked about X') or
        # opening the sentence ("Asked what X looks like, Devine replied": the tagger's VBD)
    return _question(tok) is not None


def _opens_sentence(tok: Token) -> bool:
    """ "Asked if P, X said": the first word of its sentence (after an opening quote or dash)."""
    return all(t.is_punct or t.is_space for t in tok.doc[tok.sent.start : tok.i])


_IF = frozenset({"if", "whether"})


def _question(tok: Token) -> Token | None:
    """What was asked: a "whether" clause, a to-clause, or an "about" phrase; an "if"/"whether"
    clause the parser hung on "asked" as an adverbial clause ("Asked if he was bullied, ...") too."""
    for c in tok.rights:
        if c.dep_ in ("ccomp", "xcomp"):
            return c
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF and m.i < c.i for m in c.children):
            return c
    return _asked_about(tok)


def asked_find(verb: Token, text: str) -> Found | None:
    """ "When asked whether he would run": cue "asked", no source, content "whether he would run";
    "when asked about the merger": cue "asked about", content "the merger"."""
    question = _question(verb)
    if question is None:
        return None
    if question.dep_ == "prep":
        return _asked(verb, question, text, bare=True)
    content = parts(text, [clip_paragraph(text, subtree(question), verb.idx)])
    if not content:
        return None
    return Found(cue=(verb.idx, tok_end(verb)), content=content, lemma="ask", verb=verb, weak=True)


def _asked_about(tok: Token) -> Token | None:
    return next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "about"), None)


def _complement(verb: Token) -> Token | None:
    """What the subject seems: a to-clause, an adjective, a clause ("it seems that P"), or "like X"."""
    comp = next((c for c in verb.children if c.dep_ in _COMPLEMENTS and c.i > verb.i), None)
    if comp is None:
        comp = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("like", "as") and c.i > verb.i),
            None,
        )
    return comp


def _mark_like(comp: Token) -> Token | None:
    """The "like" that opens the clause ("it seems like P"), when it does."""
    first = comp.doc[comp.left_edge.i]
    return first if first.lower_ == "like" and first.dep_ == "mark" and first.head == comp else None


def _speaks(tok: Token, scorer) -> bool:
    """Is the complement a cue of its own ("seemed to suggest"): then the verb rules have it."""
    lex = lexicons()
    return tok.pos_ == "VERB" and (
        tok.lemma_.lower() in lex.verbs or (scorer is not None and scorer.is_cue(tok))
    )


def seem_find(verb: Token, text: str, scorer=None) -> Found | None:
    about = _asked_about(verb) if verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" else None
    if about is not None and not any(c.dep_ == "xcomp" for c in verb.children):
        return _asked(verb, about, text)
    comp = _complement(verb)
    if comp is None or (comp.dep_ == "xcomp" and _speaks(comp, scorer)):
        return None
    # "a voter who seemed to be confused": the relative pronoun is the subject fragment
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        subj = verb.head if verb.dep_ == "acl" else subject(verb)  # "a year expected to produce"
    cue = cue_range(verb)
    pieces: list[Range] = [subtree(comp)]
    if subj is not None and subj.lower_ == "it" and subj.head == verb:
        cue = (min(cue[0], subj.idx), cue[1])  # "it appears (that) P", "it may seem"
        mark = comp if comp.dep_ == "prep" else _mark_like(comp)
        if mark is not None:  # "it seems like P": "like" joins the cue
            cue, pieces = (cue[0], tok_end(mark)), [(tok_end(mark), subtree(comp)[1])]
    elif subj is not None:
        if comp.dep_ == "prep" and verb.tag_ == "VBN":  # "is known as X": "as" joins the cue
            cue, pieces = (cue[0], tok_end(comp)), [(tok_end(comp), subtree(comp)[1])]
        pieces.insert(0, subtree(subj) if subj.head == verb else np_range(subj))
    elif comp.dep_ != "ccomp":
        return None  # "seemed to Y" with nobody who seems
    pieces = [clip_paragraph(text, p, verb.idx) for p in pieces]
    pieces = [q for p in pieces for q in minus(p, [cue])]
    content = drop_opening_conjunction(text, parts(text, pieces))
    if not content:
        return None
    return Found(cue=cue, content=content, lemma=verb.lemma_.lower(), verb=verb, weak=True)


_ADJ_PREPS = frozenset({"about", "of", "with", "on", "over", "in", "at", "toward", "towards"})


def _expletive_subject(copula: Token) -> bool:
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "there", "this") for c in copula.children)


def adjective_find(adj: Token, text: str) -> Found | None:
    """ "Cruz is confident that P": source "Cruz", cue "is confident", content P; a preposition that
    opens the content joins the cue ("are worried about")."""
    copula = adj.head
    if copula.pos_ not in ("AUX", "VERB") or copula.i > adj.i:
        return None
    comp = next((c for c in adj.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i), None)
    if comp is None and not _expletive_subject(copula):
        # "Quallo was adamant that P": the parser hung the "that" clause on the copula ("It is
        # doubtful that P" says nobody's doubt: it stays the writer's sentence)
        comp = next(
            (c for c in copula.children if c.dep_ == "ccomp" and c.i > adj.i and opens_with_that(c)), None
        )
    prep = None
    if comp is None:
        prep = next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in _ADJ_PREPS), None)
        comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
    if comp is None:
        return None
    # the copula with its auxiliaries and negation, up to the adjective: "have not been critical of"
    cue = (cue_range(copula)[0], tok_end(prep if prep is not None else adj))
    subj = subject(copula)
    source = source_range(subj, copula) if subj is not None else None
    pieces = [clip_paragraph(text, subtree(comp), adj.idx)]
    content = drop_opening_conjunction(text, parts(text, [q for p in pieces for q in minus(p, [cue])]))
    if not content or (source is not None and source[0] < cue[1] and cue[0] < source[1]):
        return None
    # "CTV reported the department was concerned that P": a named holder of a stated belief is a
    # hop inside another's words; "about X" or a source-less adjective stays words
    weak = source is None or comp.dep_ != "ccomp" or not any(c.dep_ == "mark" for c in comp.children)
    return Found(cue=cue, content=content, source=source, head=subj, lemma=adj.lemma_.lower(), weak=weak)


def _asked(verb: Token, about: Token, text: str, *, bare: bool = False) -> Found | None:
    """ "He was asked about the merger": cue "was asked about", content what he was asked about
    (`bare`: "when asked about", the cue without "when")."""
    pobj = next((c for c in about.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return None
    content = parts(text, [clip_paragraph(text, subtree(pobj), verb.idx)])
    if not content:
        return None
    cue = (verb.idx if bare else cue_range(verb)[0], tok_end(about))
    return Found(cue=cue, content=content, lemma="ask", verb=verb, weak=True)


def is_reportedly(tok: Token) -> bool:
    """ "reportedly" modifying a verb (65% of its uses on PolNeAR train folds 1-9 are gold cues;
    "allegedly", 18%, is a hedge, not a cue)."""
    return tok.lower_ == "reportedly" and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX")


def reportedly_find(tok: Token, text: str) -> Found | None:
    """Cue "reportedly", no source, content the clause it modifies without it; a reporting verb
    it modifies keeps its own cue ("The tribunal reportedly accuses the club of lying")."""
    if _speaks(tok.head, None):
        return None
    cue = (tok.idx, tok_end(tok))
    outer = clip_paragraph(text, subtree(tok.head), tok.idx)
    content = drop_opening_conjunction(text, parts(text, minus(outer, [cue])))
    if not content:
        return None
    return Found(cue=cue, content=content, lemma="reportedly", verb=tok.head, weak=True)


def drop_weak_nested(finds: list[Found]) -> list[Found]:
    """A weak cue whose cue lies inside another find's content is that content's words, not a hop."""
    contents = [c for f in finds if not f.weak for c in f.content]
    return [f for f in finds if not (f.weak and any(s <= f.cue[0] and f.cue[1] <= e for s, e in contents))]

