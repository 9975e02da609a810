"""A denial of a report is two claims: the report's proposition, attributed to the report (and its
outlet or source), and the denier's statement, with stance *denies*.

"Harbor Gate denied suggestions that it had bribed officials" must never read as Harbor Gate
asserting that it had bribed officials: the report's noun cue is not nested under the denier.
The same holds when the report's clause hangs on the noun ("dismissed reports that P"), when the
denial is no denial verb but calls its object untrue ("called the report fabricated", "described
the claims as baseless"), and for what is said in one breath with a denial ("denying the claim
and saying that P"). Passive denials ("the report was denied by X", "the claims were rejected by
the ministry as baseless") are found by the verb rules with the denier as the agent; their
subject is what is denied.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection

from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from sourcetrace.attributions.base import Found, Range, Rule, doc_text, np_range, subtree, tok_end, trimmed
from sourcetrace.attributions.clauses import opens_with_that
from sourcetrace.attributions.lexicons import Lexicons, lexicons

DENIAL_RULES = (
    Rule(
        "denied_report",
        '"X denied reports that P", "X dismissed reports that P": P is the reports\' claim (their outlet '
        "or source when named), not X's; X's claim denies it. \"denied a story published by X last week "
        'that allegedly linked Y to Z": a relative clause right after the object, hung by the parser on a '
        "noun before the denial, is part of what is denied",
    ),
    Rule(
        "answered_report",
        '"He was responding to media reports that P", "reacted to claims that P": P is the reports\' '
        "claim, not the responder's",
    ),
    Rule(
        "called_untrue",
        '"X called the report fabricated", "described the claims as baseless": calling an object untrue '
        "(data/rebuttals.txt) denies it; a report in it keeps its proposition as its own claim; \"calling "
        'claims that P “rubbish”": a quoted name the parser buried at the end of the object is no part of P',
    ),
    Rule(
        "denial_participle",
        '"refuted rumors of an outbreak saying P": a participle the parser hung on the denied thing '
        'is the denier\'s (X › P), no part of what is denied; "denied a report saying P": the report\'s; '
        '"insisted that P, dismissing the denial as lies": the speaker\'s own denial, no part of P',
    ),
    Rule(
        "phrasal_denial",
        '"ruled out reports that P", "brushed aside the claims", "waved off suggestions that P": a verb '
        'and its particle (data/denial_cues.txt, "rule+out") deny like "denied"; "has not ruled out P" '
        "does not",
    ),
    Rule(
        "doubted_truth",
        '"questioned the authenticity of the letter", "denounced its authenticity", "challenged the '
        'accuracy of the report": doubting that a thing is genuine or true denies it',
    ),
    Rule(
        "according_rebuttal",
        '"According to an official, the statements attributed to the president were not true": a '
        "content an according-to source gives that calls something untrue (data/rebuttals.txt) denies it",
    ),
    Rule(
        "first_person_denial",
        '"“I want to refute the information published in Bild,” the agent told Goal", "“We deny the '
        'report,” she said": a quotation whose speaker denies in the first person (a denial verb whose '
        'subject is "I" or "we", or its infinitive after "want", "wish", "would like") is a denial',
    ),
    Rule(
        "denial_conjunct",
        '"denying the claim and saying that P": what is said in one breath with a denial denies too '
        '(not after "but")',
    ),
)
_SOURCE_PREPS = ("in", "by", "from", "of")
# what calls an object untrue: "called it [fabricated]", "branded the report [a lie]"
_COMPLEMENT_DEPS = ("oprd", "acomp", "xcomp", "attr")
_ANSWERS = {"respond", "react", "reply", "answer", "retort"}
# verbs that call their object something; words a quoted name for an untrue story may be
_CALLING = {"call", "brand", "label", "term", "dub", "describe"}
_UNTRUE_WORDS = {"rubbish", "garbage", "hogwash", "tosh", "drivel", "hoax", "fiction", "fantasy", "smear"}
# what an "as" phrase may call the object, beside data/rebuttals.txt: "dismissed it as propaganda"
_AS_UNTRUE = _UNTRUE_WORDS | {
    "absurd", "manipulation", "propaganda", "slander", "disinformation", "lie", "fake", "rumour", "rumor",
    "fabrication", "nonsense", "baseless", "ridiculous", "preposterous", "speculation",
}
_NEEDS_MORE = {"DET", "AUX", "ADP", "PART", "ADV", "PUNCT", "CCONJ", "SCONJ"}  # "was a “hoax”"
_CONTRAST = {"but", "yet", "although", "though", "while", "whereas"}


def split_denials(doc: Doc, finds: list[Found], lex: Lexicons, off: Collection[str] = ()) -> list[Found]:
    """Re-hang a report nested under its denier on the denier's parent; give a report object of a
    denial that carries the proposition itself its own attribution; mark denials that no denial
    verb shows. `off`: rules switched off."""
    reports = lex.nouns | lex.documents
    cues = {f.cue for f in finds}
    text = doc_text(doc)  # spaCy rebuilds Doc.text on every read: once, not once per find
    added: list[Found] = []
    denying: dict[int, Found] = {}  # verb token index -> its denial
    for f in finds:
        if f.verb is None and not f.negated and "according_rebuttal" not in off:
            f.denies = f.denies or _according_rebuttal(text, f, lex)
        if f.verb is None or f.negated:
            continue
        new: list[Found] = []
        phrasal = "phrasal_denial" not in off and _phrasal_denial(f.verb, lex)
        f.denies = f.denies or phrasal or ("doubted_truth" not in off and _doubts_truth(f.verb))
        if f.lemma in lex.denials or phrasal:
            denying[f.verb.i] = f
            if "denied_report" not in off:
                _object_relative(f)
                new = _denied_report(doc, f, finds, reports, cues)
            if "called_untrue" not in off:
                _called_untrue(f, lex)
                # "rejected the report as false": the report is what is denied, not "as false"
                f.content = [_without_untrue_tail(doc, r, f.verb) for r in f.content]
        elif f.lemma in _ANSWERS and "answered_report" not in off:
            _rehang(doc, f, finds, reports)  # "responding to reports that P": P stays the reports'
            new = _answered_clause(f, reports, cues)
        elif "called_untrue" not in off and _called_untrue(f, lex):
            denying[f.verb.i] = f
            _rehang(doc, f, finds, reports)
            new = _report_in_object(f, reports, cues)
        added += new
        cues.update(n.cue for n in new)
        if f.verb.i in denying and "denial_participle" not in off:
            _participle_of_denier(f, finds, lex, reports)
    if "denial_participle" not in off:
        _denial_participle_apart(finds, lex)
    if "first_person_denial" not in off:
        _first_person_denials(doc, finds, lex)
    if "denial_conjunct" not in off:
        for f in finds:
            if f.verb is not None and not f.negated and _conjunct_of_denial(f.verb, denying):
                f.denies = True
    return finds + added


_FIRST_PERSON = frozenset({"i", "we"})
_WISHES = frozenset({"want", "wish", "like", "love", "hope"})


def _first_person_denials(doc: Doc, finds: list[Found], lex: Lexicons) -> None:
    todo = [f for f in finds if f.verb is not None and not (f.negated or f.denies or f.lemma in lex.denials)]
    if not todo:
        return
    # the denying tokens are found once per document: testing each find's content token by token
    # was quadratic when contents nest (one long sentence of many "X said that ..." clauses)
    spots = [(t.idx, tok_end(t)) for t in doc if t.pos == VERB and _first_person_denial_verb(t, lex)]
    ends = [e for _s, e in spots]
    for f in todo:
        f.denies = any(_spot_inside(spots, ends, s, e) for s, e in f.content)


def _spot_inside(spots: list[Range], ends: list[int], start: int, end: int) -> bool:
    """Does a token of `spots` (sorted, disjoint) overlap [start, end), as `Doc.char_span(...,
    alignment_mode="expand")` would take it in?"""
    i = bisect_right(ends, start)
    return i < len(spots) and spots[i][0] < end


def _first_person_denial_verb(tok: Token, lex: Lexicons) -> bool:
    """A denial verb (or its phrasal form) not negated, whose subject, or the subject of the wish
    verb it completes ("I want to refute"), is "I" or "we", and which denies something told: its
    object is a told thing ("refute the claims", "reject these allegations") or it takes a
    that-clause ("we deny that P"). "We reject the budget proposal" and "I dismissed him" deny
    nothing told."""
    if tok.pos_ != "VERB" or not (tok.lemma_.lower() in lex.denials or _phrasal_denial(tok, lex)):
        return False
    if not any(
        (c.dep_ == "dobj" and _told_thing(c, lex)) or (c.dep_ == "ccomp" and opens_with_that(c))
        for c in tok.children
    ):
        return False
    verb = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _WISHES else tok
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    negated = any(c.dep_ == "neg" for c in (*tok.children, *verb.children))
    return bool(subjects) and subjects[0].lower_ in _FIRST_PERSON and not negated


def _phrasal_denial(v: Token, lex: Lexicons) -> bool:
    """ "ruled out", "brushed aside": the verb's lemma and particle are a denial cue ("rule+out")."""
    return any(
        f"{v.lemma_.lower()}+{c.lower_}" in lex.denials for c in v.children if c.dep_ in ("prt", "advmod")
    )


def denies_with_particle(v: Token, lex: Lexicons) -> bool:
    """ "shot down expectations that P", "knocked down the report": a phrasal denial verb with an
    object is a cue even where the reporting lexicon lacks its verb ("shoot" reports nothing alone)."""
    if v.pos_ != "VERB" or not _phrasal_denial(v, lex):
        return False
    return any(c.dep_ == "dobj" and _told_thing(c, lex) for c in v.children)


# told things the lexicons' nouns and documents lack ("rejected the story")
_TOLD_STORIES = frozenset({"story", "reporting", "lie"})


def _told_thing(noun: Token, lex: Lexicons) -> bool:
    """What can be untrue: a report, a claim, "expectations that P" — never "a drone" shot down."""
    lemma = noun.lemma_.lower()
    if lemma in lex.nouns or lemma in lex.documents or lemma in _TOLD_STORIES:
        return True
    return any(c.dep_ in ("acl", "ccomp") and opens_with_that(c) for c in noun.children)


_DOUBTING = {"question", "doubt", "challenge", "denounce", "contest", "query"}
_TRUTH_NOUNS = {"authenticity", "veracity", "accuracy", "credibility", "truthfulness", "genuineness", "truth"}


def _doubts_truth(v: Token) -> bool:
    """ "questioned the authenticity of the letter": a doubting verb whose object is a thing's truth."""
    if v.lemma_.lower() not in _DOUBTING:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _TRUTH_NOUNS for c in v.children)


# "could be materially misleading", "may be false": a possibility, no denial
_UNSURE_BEFORE = re.compile(r"\b(?:could|may|might)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
# "whether the claims are misleading", "asked if the report was false": the conjunction opens the
# clause that holds the word (no comma, semicolon or stop between them); "Even if they repeat it,
# the report is false" has closed its "if" clause before the word
_WHETHER = re.compile(r"\b(?:whether|if)\b[^,;:.!?]*$", re.IGNORECASE)


def flat_rebuttal(text: str, r: Range, pattern) -> bool:
    """Does the content call something untrue (data/rebuttals.txt) outright? Not when the words are
    only possible ("P's claims could be materially misleading", "may be false") or asked ("to
    evaluate whether the claims are misleading", the word inside the whether/if clause): a doubt or
    a question, no denial."""
    s, e = r
    for m in pattern.finditer(text, s, e):
        before = text[max(s, m.start() - 60) : m.start()]
        if not (_UNSURE_BEFORE.search(before) or _WHETHER.search(text, max(s, m.start() - 300), m.start())):
            return True
    return False


def _according_rebuttal(text: str, f: Found, lex: Lexicons) -> bool:
    """An "according to" find whose content calls something untrue ("... were not true")."""
    if lex.rebuttals is None or not text[f.cue[0] : f.cue[1]].lower().startswith("according"):
        return False
    return any(lex.rebuttals.search(text, s, e) for s, e in f.content)


def _denied_report(
    doc: Doc, f: Found, finds: list[Found], reports: frozenset[str], cues: set[Range]
) -> list[Found]:
    _rehang(doc, f, finds, reports)
    obj = next(
        (c for c in f.verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in reports), None
    )
    if obj is None or (obj.idx, tok_end(obj)) in cues:
        return []
    if obj.dep_ == "dobj" and _proposition_after(f, obj):
        content = list(f.content)  # "denied a report in the Courier that P": P is the verb's clause
    else:
        # "dismissed reports that P" ("reports" parsed as a verb, too); "reports that P were denied"
        clause = _noun_clause(obj)
        if clause is None or not f.content_contains(subtree(clause)):
            return []
        content = [subtree(clause)]
    return [_report(f, obj, content)]


def _object_relative(f: Found) -> None:
    """ "denied a publication made by the magazine this weekend that allegedly linked the government
    to armed groups": the parser hangs "that allegedly linked ..." on a noun before the denial (the
    "press conference in which he denied"), so the content stops at the object. A relative clause
    that opens right where the object ends and is no part of the verb's own subtree continues it."""
    v = f.verb
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or not f.content or f.content[-1][1] != tok_end(obj.right_edge):
        return
    nxt = obj.right_edge.i + 1
    if nxt >= len(v.doc):
        return
    rel = v.doc[nxt].head
    if (
        rel.dep_ == "relcl"
        and rel.left_edge.i == nxt
        and v.doc[nxt].lower_ in ("that", "which")
        and rel.i not in {t.i for t in v.subtree}
        and rel.head.i < v.i
    ):
        f.content[-1] = (f.content[-1][0], tok_end(rel.right_edge))


def _answered_clause(f: Found, reports: frozenset[str], cues: set[Range]) -> list[Found]:
    """ "He was reacting to reports in the Sunday Times that P", parsed with the "that" clause on
    the verb: P is the reports' claim; the responder's content is what he answered (the reports)."""
    prep = next((c for c in f.verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if noun is None or noun.lemma_.lower() not in reports or (noun.idx, tok_end(noun)) in cues:
        return []
    after = [c for c in f.verb.children if c.dep_ == "ccomp" and c.i > noun.i]
    clause = next((c for c in after if opens_with_that(c)), None)
    if clause is None or not f.content_contains(subtree(clause)):
        return []
    report = _report(f, noun, [subtree(clause)])
    that = next(m for m in clause.children if m.dep_ == "mark")
    end = max(tok_end(t) for t in noun.doc[noun.i : that.i] if not t.is_punct and not t.is_space)
    f.content = [(noun.left_edge.idx, end)]
    return [report]


def _rehang(doc: Doc, f: Found, finds: list[Found], reports: frozenset[str]) -> None:
    for g in finds:
        if g.parent is f and _is_denied_report(f, g, reports):
            g.parent = f.parent
            g.content = [_without_untrue_tail(doc, r) for r in g.content]
            noun = doc.char_span(*g.cue, alignment_mode="expand")
            if g.source is None and noun is not None:
                g.source, g.head = _report_source(noun.root)


def _participle_of_denier(f: Found, finds: list[Found], lex: Lexicons, reports: frozenset[str]) -> None:
    """ "refuted rumors of an Ebola outbreak saying people should not be scared": "saying" is the
    denier's, though the parser hangs it on "outbreak", and no part of what is denied. A report,
    a person or a named thing can speak and keeps its participle: "denied a report saying P" is
    the report's P (and is denied), never the denier's."""
    for g in finds:
        if g.verb is None or g.verb.tag_ != "VBG" or g.verb.dep_ != "acl" or g.verb.i < f.verb.i:
            continue
        noun = g.verb.head
        if not any(t.i == f.verb.i for t in noun.ancestors) or not (g.parent is f or g.cue[0] <= f.cue[0]):
            continue
        if noun.lemma_.lower() in reports:
            g.source, g.head, g.parent = np_range(noun), noun, f.parent
            g.cue = (g.verb.idx, tok_end(g.verb))
            continue
        if g.parent is not f or noun.ent_type_ or noun.lemma_.lower() in lex.anonymous:
            continue
        g.source, g.head, g.parent = f.source, f.head, f.parent
        text, cut = doc_text(f.verb.doc), g.verb.left_edge.idx
        kept = [trimmed(text, (s, min(e, cut))) for s, e in f.content if s < cut]
        f.content = [r for r in kept if r is not None] or f.content


def _denial_participle_apart(finds: list[Found], lex: Lexicons) -> None:
    """ "Sources insisted that the transfer took place, dismissing the spokesman's denial as lies":
    the parser hangs the participle on the reported clause, but it is the speaker's own denial (a
    find of its own), no part of what he insists on, and its "lies" does not make P denied."""
    for g in finds:
        v = g.verb
        if v is None or g.lemma not in lex.denials or v.tag_ != "VBG" or v.dep_ != "advcl":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) or v.left_edge.i == 0:
            continue
        comma = v.doc[v.left_edge.i - 1]
        if comma.text != ",":
            continue
        for f in finds:
            if f is g or f.verb is None or f.verb.i >= v.i or not f.content:
                continue
            s, e = f.content[-1]
            if s < comma.idx and e >= tok_end(v) and v.head.i in {t.i for t in f.verb.subtree}:
                cut = trimmed(doc_text(v.doc), (s, comma.idx))
                if cut is not None:
                    f.content[-1] = cut
                    # the speaker's own denial, beside what he insists on, under his hedge
                    g.source, g.head, g.parent = f.source, f.head, f.parent
                    g.hedge_tokens = g.hedge_tokens or f.hedge_tokens


def _report(f: Found, noun: Token, content: list[Range]) -> Found:
    source, head = _report_source(noun)
    return Found(
        cue=(noun.idx, tok_end(noun)),
        content=[_without_untrue_tail(noun.doc, r) for r in content],
        source=source,
        head=head,
        lemma=noun.lemma_.lower(),
        parent=f.parent,
        sent_end=f.sent_end,
    )


def _called_untrue(f: Found, lex: Lexicons) -> bool:
    """ "called the report fabricated", "branded the claims a lie", "described them as baseless":
    the verb's object is called untrue, and the find is marked a denial. When a clause says what
    the object claims, the denier's content is the object with that clause."""
    v, pattern = f.verb, lex.rebuttals
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if pattern is None:
        return False
    if obj is None:
        return _small_clause_untrue(f, pattern) or _untrue_before_content(f, pattern)
    untrue = next(
        (
            c
            for c in v.children
            if c.i > obj.i
            and (c.dep_ in _COMPLEMENT_DEPS or (c.dep_ in ("prep", "advcl") and c.left_edge.lower_ == "as"))
            and (pattern.search(doc_text(v.doc), *subtree(c)) or _as_untrue(c))
        ),
        None,
    )
    if untrue is None:
        return _quoted_untrue_object(f, obj, pattern)
    clause = _object_clause(obj, v, untrue)
    if clause is not None:  # "called the report that P fabricated": not P alone, the report of P
        end = max(tok_end(clause.right_edge), tok_end(obj))
        f.content = [_without_untrue_tail(v.doc, (obj.left_edge.idx, end))]
    f.denies = True  # "called the charges fabricated": the content keeps what they are called
    return True


def _as_untrue(c: Token) -> bool:
    """ "denounced the report as a most absurd manipulation of public opinion", "dismissed the
    claims as propaganda": an "as" phrase whose head word (or its modifier) calls the object untrue."""
    if c.left_edge.lower_ != "as":
        return False
    return any(
        t.lemma_.lower() in _AS_UNTRUE
        for t in c.subtree
        if t.dep_ in ("pobj", "amod", "conj", "acomp", "attr", "dobj", "pcomp")
    )


def _quoted_untrue_object(f: Found, obj: Token, pattern) -> bool:
    """ "calling claims that he was unpopular “rubbish”": what the object is called is a quoted word
    the parser buried in the object's clause; the object (the claims) is what is denied, without it."""
    v = f.verb
    if v.lemma_.lower() not in _CALLING or not f.content:
        return False
    last = obj.right_edge
    while last.is_punct and last.i > obj.i:
        last = last.nbor(-1)
    if not _quoted_after_clause(last):
        return False
    if last.lower_ not in _UNTRUE_WORDS and not pattern.fullmatch(last.text):
        return False
    s, e = f.content[-1]
    if not s < last.idx <= e:
        return False
    cut = trimmed(doc_text(v.doc), (s, last.nbor(-1).idx))
    if cut is None:
        return False
    f.content[-1] = cut
    f.denies = True
    return True


def _untrue_before_content(f: Found, pattern) -> bool:
    """ "termed as “rubbish and baseless” media reports that P": what the reports are called comes
    before them (a heavy object moved to the end), so the verb has no object the parser found."""
    v, text = f.verb, doc_text(f.verb.doc)
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i and pattern.search(text, *subtree(c)):
            if all(c.idx < s for s, _ in f.content):
                f.denies = True
                return True
    return False


def _small_clause_untrue(f: Found, pattern) -> bool:
    """ "called the report fabricated" parsed as a clause "the report fabricated": a bare verb or
    adjective calling its subject untrue, with no auxiliary and no object of its own."""
    for c in f.verb.children:
        if c.dep_ != "ccomp" or c.tag_ not in ("VBD", "VBN", "JJ") or not pattern.fullmatch(c.text):
            continue
        if any(t.dep_ in ("aux", "auxpass", "dobj", "mark") for t in c.children):
            continue
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in c.children):
            f.denies = True
            return True
    return False


def _without_untrue_tail(doc: Doc, r: Range, verb: Token | None = None) -> Range:
    """ "claims that the port would close as baseless": the parser often hangs the denier's "as
    <untrue>" on the clause; it is no part of what is denied. What the denying `verb` itself calls
    its object in quotation marks is the denier's own words and stays ("dismissed the allegation as
    “baseless fabrication”")."""
    span = doc.char_span(*r, alignment_mode="expand")
    pattern = lexicons().rebuttals
    if span is None or pattern is None:
        return r
    for tok in span:
        if tok.lower_ == "as" and tok.i > span.start and pattern.search(doc_text(doc), tok.idx, r[1]):
            quoted = tok.i + 1 < len(doc) and doc[tok.i + 1].is_quote and doc[tok.i + 1].idx < r[1]
            head = tok.head
            on_verb = verb is not None and (head == verb or (head.dep_ == "dobj" and head.head == verb))
            if quoted and on_verb:
                return r  # "dismissed the allegation as “baseless fabrication”": the denier's own words
            end = doc[tok.i - 1]
            return r[0], tok_end(end)
    # "claims that he was unpopular “rubbish”": the quoted name the parser buried at the end
    words = [t for t in span if not t.is_punct]
    last = words[-1] if words else None
    if last is not None and last.lower_ in _UNTRUE_WORDS and _quoted_after_clause(last):
        return trimmed(doc_text(doc), (r[0], last.nbor(-1).idx)) or r
    return r


def _quoted_after_clause(word: Token) -> bool:
    """A quoted word that follows a finished clause ("unpopular with voters “rubbish”"), not one the
    clause needs ("was a “hoax”", "was “rubbish”")."""
    if word.i < 2 or not word.nbor(-1).is_quote:
        return False
    before = word.nbor(-2)
    return before.dep_ != "cop" and before.pos_ not in _NEEDS_MORE


def _report_in_object(f: Found, reports: frozenset[str], cues: set[Range]) -> list[Found]:
    """The report an untrue-calling denial names, when the sentence says what it claims."""
    obj = next((c for c in f.verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in reports or (obj.idx, tok_end(obj)) in cues:
        return []
    untrue = max((c.i for c in f.verb.children if c.i > obj.i), default=obj.i)
    clause = _object_clause(obj, f.verb, f.verb.doc[untrue])
    return [_report(f, obj, [subtree(clause)])] if clause is not None else []


def _object_clause(obj: Token, verb: Token, before: Token) -> Token | None:
    """The "that" clause saying what the object claims: on the noun, or (a frequent misparse) on
    the verb between the object and what calls it untrue."""
    clause = _noun_clause(obj)
    if clause is not None:
        return clause
    return next(
        (c for c in verb.children if c.dep_ == "ccomp" and obj.i < c.i < before.i and opens_with_that(c)),
        None,
    )


def _noun_clause(noun: Token) -> Token | None:
    """ "reports that the port would close": a clause on the noun opened by the conjunction "that"
    (not a relative clause: "reports that circulated")."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def _conjunct_of_denial(verb: Token, denying: dict[int, Found]) -> bool:
    """ "denying the claim and saying that P": the verb is a conjunct of a denial's verb that names
    only what it denies ("the claim", "the reports"), so what follows says what the denial is.
    A denial with its own clause ("denied that P and said that Q") and "but" leave Q asserted."""
    if verb.dep_ != "conj" or verb.head.i not in denying or verb.i in denying:
        return False
    denial = verb.head
    if any(c.dep_ == "ccomp" for c in denial.children):
        return False
    between = verb.doc[denial.i + 1 : verb.i]
    return not any(t.dep_ == "cc" and t.lower_ in _CONTRAST for t in between)


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
