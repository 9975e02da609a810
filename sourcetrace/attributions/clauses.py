"""Parse helpers for verb cues: the subject, the source phrase, the cue's extent, and the edges of
a content (paragraph, trailing gloss, opening conjunction)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sourcetrace.actors import person_nouns
from sourcetrace.attributions.base import Found, Range, np_range, subtree, tok_end
from sourcetrace.attributions.lexicons import lexicons
from sourcetrace.wraps import goes_on

_RELATIVE = {"that", "which", "who", "whom"}
_TRAILING = {"which", "where", "who", "although", "though", "while", "whereas"}
_CUE_LEFT = ("aux", "auxpass", "neg", "advmod")
_MEDIUM = {"interview", "briefing", "statement", "email", "e-mail", "speech", "conference", "call", "post"}
_GLOSS_WINDOW = 40
# verbs whose "it" subject is an organisation, outlet or document that speaks ("It said that ...")
_ACTIVE_SAYING = {
    "say",
    "add",
    "report",
    "state",
    "write",
    "announce",
    "claim",
    "tell",
    "note",
    "warn",
    "insist",
    "argue",
    "deny",
    "confirm",
    "explain",
    "reveal",
    "quote",
    "cite",
    "allege",
    "stress",
    "urge",
    "suggest",
    "recommend",
    "propose",
}


_STORIES = frozenset({"story", "dispatch", "column", "editorial", "piece", "profile", "investigation"})


def subject(verb: Token, depth: int = 0) -> Token | None:
    """Who speaks through `verb`: its subject, a passive's agent, a relative clause's antecedent, or
    the subject of the verb it hangs on ("said X and added Y")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return _own_subject(verb, min(subjects, key=lambda c: abs(c.i - verb.i)))
    if verb.head.pos_ in ("NOUN", "PROPN") and (
        verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG")
    ):
        if verb.dep_ == "acl" and depth < 3 and not _can_speak(verb.head):
            # "refuted rumours of an outbreak in the country, saying ...": the refuter says it
            up = verb.head
            while up.head != up and up.pos_ not in ("VERB", "AUX"):
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                return subject(up, depth + 1)
        return verb.head  # "a letter saying ...", not "a group called X"
    if _verbless_root_participle(verb):
        return verb.head
    if depth < 3 and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head, depth + 1)
    return None


def _verbless_root_participle(verb: Token) -> bool:
    """ "For his part, the president of the assembly Ali Saleh, reported from the palace that P": a
    comma between subject and verb led the parser to read the verb as a participle of the subject
    noun, in a sentence left with no verb; a participle with a "that" complement of its
    own is the sentence's verb, the noun its subject ("the report published by X" has no "that")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in [*noun.ancestors, noun.sent.root]):
        return False  # the noun has a verb of its own
    if verb.i < noun.i or verb.doc[verb.i - 1].text != ",":
        return False
    return any(c.dep_ == "ccomp" and c.i > verb.i and opens_with_that(c) for c in verb.children)


def _can_speak(noun: Token) -> bool:
    """A noun that can say something: a name, a person, a body, a paper ("a letter saying")."""
    lex, lemma = lexicons(), noun.lemma_.lower()
    return (
        noun.pos_ == "PROPN"
        or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or lemma in lex.documents
        or lemma in lex.anonymous
        or lemma in lex.references
        or lemma in lex.nouns
        or lemma in person_nouns()
    )


def _own_subject(verb: Token, subj: Token) -> Token | None:
    if subj.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children) and _expletive(verb):
        return None  # expletive "it is reported that", "it suggests that" (a fact, not a teller)
    if subj.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return which_thing(subj, verb.head)  # "another company that had declared ...": the antecedent speaks
    return subj


def which_thing(rel: Token, noun: Token) -> Token:
    """ "a report about Rana Odero, which said P": "which" never stands for a person; the parser hung
    the clause on the person a paper is about, so the paper ("report") is what "which" stands for;
    nor "who" for a place ("U.S. and French officials, who say P")."""
    if rel.lower_ == "who" and noun.ent_type_ in ("GPE", "LOC"):
        # "denials from U.S., French and Pakistani officials, who say P": "who" is no place; the
        # parser hung the clause on the first conjunct, the people are the last
        people = [c for c in noun.conjuncts if c.i > noun.i and c.pos_ == "NOUN"]
        return people[-1] if people else noun
    papers = lexicons().documents | _STORIES
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        # "an article with no direct sources that said P": "no sources" are none and say nothing;
        # the paper they are missing from does, however the parser hung the "with"
        paper = prep.head if prep.head.lemma_.lower() in papers else _object_before(prep)
        return paper if paper is not None and paper.lemma_.lower() in papers else noun
    if rel.lower_ != "which" or not (noun.ent_type_ == "PERSON" or noun.lower_ in ("him", "her")):
        return noun
    if prep is not None and prep.dep_ == "prep" and prep.head.lemma_.lower() in papers:
        return prep.head
    return noun


def _object_before(prep: Token) -> Token | None:
    """ "put out an article with ...", the "with" hung on the verb: the verb's object before it."""
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)


def _expletive(verb: Token) -> bool:
    """Is "it" in "it <verb> that ..." a placeholder? Not before a saying verb in the active voice
    ("It said", "It also reported": the organisation or outlet named before)."""
    if any(c.dep_ in ("auxpass", "acomp", "attr") for c in verb.children):
        return True
    return verb.lemma_.lower() not in _ACTIVE_SAYING


def source_range(subj: Token, verb: Token) -> Range:
    """The whole subject phrase ("Joseph, who has four children,", "Rep. X (D-N.C.)"), or just the
    antecedent when the subject is not the verb's own (a relative clause or a participle's host);
    never reaching back past the cue's paragraph or an all-capitals dateline ("BRUSSELS -")."""
    s, e = subtree(subj) if subj.head == verb else np_range(subj)
    doc = subj.doc
    if subj.head == verb and subj.i < verb.i and e > verb.idx:
        # a subject ends before its verb: words after the verb the parser hung on it ("A spokesman
        # ... denied P against Baro, the chairman of the party": "the chairman" an apposition of
        # "spokesman") are no part of who speaks
        before = [t for t in subj.subtree if t.i < verb.i]
        i = before[-1].i
        while i > subj.i and (doc[i].is_space or doc[i].text == ","):
            i -= 1
        e = tok_end(doc[i])
    for tok in doc[subj.left_edge.i : subj.i + 1]:
        if tok.text in ("\n", "\n\n") or "\n" in tok.text:
            s = max(s, tok_end(tok))
        elif (
            tok.text in ("-", "—", "–")
            and tok.i > 0
            and all(t.is_upper or t.is_punct for t in doc[subj.left_edge.i : tok.i])
        ):
            s = max(s, tok_end(tok))
    if s <= verb.idx < e:  # "a report about X, which said P": the phrase stops before its clause
        # back over the spaces and commas before the clause, by tokens: spaCy rebuilds Doc.text on
        # every read, and this runs once per attribution
        i = verb.left_edge.i
        while i > 0 and doc[i - 1].idx >= s and (doc[i - 1].is_space or doc[i - 1].text == ","):
            i -= 1
        e = max(s, tok_end(doc[i - 1])) if i > 0 else s
    return s, e


def relative_source(found: Found) -> Range | None:
    """ "party leaders who say P": the relative pronoun, the words PolNeAR marks as the source (439
    times to the antecedent's 38 on train folds 1-9), for a cue in a relative clause whose subject
    resolved to its antecedent; the antecedent stays the teller (`found.head`, the actor)."""
    verb, head = found.verb, found.head
    if verb is None or head is None or verb.dep_ != "relcl" or head != verb.head or found.source is None:
        return None
    rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _RELATIVE), None)
    return (rel.idx, tok_end(rel)) if rel is not None and rel.idx >= found.source[1] else None


def subject_found(of: Token, cue: Range, content: list[Range], lemma: str, **extra) -> Found:
    """The attribution the subject of the verb `of` makes (no subject: no source), for the cue kinds
    that speak through a verb's subject: "has made (it) clear", "made the case", "raised questions
    about"; `extra` are further Found fields (`verb=`, `weak=`)."""
    subj = subject(of)
    return Found(cue=cue, content=content, source=source_range(subj, of) if subj is not None else None,
                 head=subj, lemma=lemma, **extra)


def cue_range(verb: Token, prep: Token | None = None) -> Range:
    """The verb with its contiguous auxiliaries, negation and adverbs ("has also said", "now says"),
    its particle, and a bare time right after it ("said Friday") — how the cue is usually delimited
    in attribution corpora (PolNeAR)."""
    start, end = verb.idx, tok_end(verb)
    i = verb.i - 1
    while i >= 0 and verb.doc[i].head == verb and verb.doc[i].dep_ in _CUE_LEFT:
        start = verb.doc[i].idx
        i -= 1
    j = verb.i + 1
    while j < len(verb.doc):
        tok = verb.doc[j]
        if tok.head != verb or not (_cue_modifier(tok) or _occasion(tok)):
            break
        # "said in an interview (with CNN)", "said at a briefing": the occasion is part of the cue
        end = tok_end(tok) if _cue_modifier(tok) else tok_end(tok.right_edge)
        j = tok.right_edge.i + 1
    if prep is not None:
        end = max(end, tok_end(prep))
    return start, end


def _cue_modifier(tok: Token) -> bool:
    return tok.dep_ in ("prt", "npadvmod") or (
        tok.dep_ == "advmod" and tok.pos_ == "ADV" and tok.lower_ not in _NOT_CUE_ADVERBS
    )


_NOT_CUE_ADVERBS = frozenset({"that", "so", "otherwise"})  # "said so": what was said, not how


def _occasion(tok: Token) -> bool:
    return (
        tok.dep_ == "prep"
        and tok.lower_ in ("in", "at")
        and any(c.dep_ == "pobj" and c.lemma_.lower() in _MEDIUM for c in tok.children)
        and not any(t.dep_ in ("mark", "ccomp", "acl", "relcl") for t in tok.subtree)
    )


_OPENING_CONJUNCTION = re.compile(
    r"(?:(?:And|But|So|Yet|However|Still)\b,?\s+"
    # or a dateline the sentence splitter left on the sentence: "WASHINGTON ― ", "FLINT, Mich. — "
    r"|[A-Z][A-Z.'-]+(?:,?[ \t]+[A-Z][\w.]*){0,3}[ \t]*[―—–-]{1,2}[ \t]+)(?=\w)"
)
_CLOSING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or)\W*$")


def drop_opening_conjunction(text: str, parts: list[Range]) -> list[Range]:
    """ "But taxes will rise, he said.": the sentence's link to the one before is the writer's,
    not part of what was said (PolNeAR leaves it out)."""
    if parts:
        m = _OPENING_CONJUNCTION.match(text, parts[0][0], parts[0][1])
        if m is not None:
            parts = [(m.end(), parts[0][1]), *parts[1:]]
        # "that the reforms were not complete, and" — a dangling conjunction ends nothing said
        s, e = parts[-1]
        m = _CLOSING_CONJUNCTION.search(text, max(s, e - 12), e)
        if m is not None and m.start() > s:
            parts = [*parts[:-1], (s, m.start())]
    return parts


def semicolon_before(clause: Token, verb: Token) -> bool:
    """ "It is unlikely; the team says she will go on": a clause before the semicolon is the
    writer's, whatever the parser hung on the cue."""
    doc = verb.doc
    return any(
        t.text == ";" for c in verb.lefts if c.dep_ == "ccomp" for t in doc[c.right_edge.i + 1 : verb.i]
    ) or any(t.text == ";" and t.head == verb for t in verb.lefts)


def opens_with_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


_COLON_BREAK = re.compile(r"[^\n:]*:[ \t]*\n\s*[\"“]?")


def is_line_wrap(text: str, at: int) -> bool:
    """Is the line break at `at` a hard wrap inside a paragraph, not a paragraph break? A single
    break after a line that ends mid-sentence, before a line that goes on in lower case
    ('Doreen Bolger, the museum director, said' / 'the museum's probe ...'; '... project,”' /
    'he said.'), or after a line that ends in a word no sentence ends in or a comma ('... in an
    interview with' / 'Journalists on Monday'); a line that ends in a noun ('... a broad slate of
    problems' / 'American ...') may be a headline or a teaser, and its break stays a break."""
    if text[at] != "\n":
        return False
    line = text[text.rfind("\n", 0, at) + 1 : at]
    end = text.find("\n", at + 1)
    return goes_on(line, text[at + 1 : end if end >= 0 else len(text)])  # one definition: wraps.py


def _find_break(text: str, start: int, end: int) -> int:
    at = text.find("\n", start, end)
    while at >= 0 and is_line_wrap(text, at):
        at = text.find("\n", at + 1, end)
    return at


def _rfind_break(text: str, start: int, end: int) -> int:
    at = text.rfind("\n", start, end)
    while at >= 0 and is_line_wrap(text, at):
        at = text.rfind("\n", start, at)
    return at


def clip_paragraph(text: str, r: Range, cue_at: int) -> Range:
    """Keep a content inside the cue's paragraph (the parser sometimes runs over a line break);
    a hard wrap inside a paragraph is no break (`is_line_wrap`)."""
    s, e = r
    if cue_at < s and _COLON_BREAK.fullmatch(text, cue_at, s):
        # "He continued:" + a new paragraph: the colon hands the next paragraph to the cue
        brk = text.find("\n", s, e)
        return s, (brk if brk >= 0 else e)
    if _find_break(text, e, cue_at) >= 0 or _find_break(text, cue_at, s) >= 0:
        return s, s  # a clause the parser hung on the cue from another paragraph
    if cue_at >= e:
        brk = _rfind_break(text, s, e)
        return (min(max(s, brk + 1), e), e) if brk >= 0 else r
    start_from = max(s, cue_at)
    brk = _find_break(text, start_from, e)
    if brk >= 0:
        e = brk
    if cue_at > s:
        before = _rfind_break(text, s, cue_at)
        if before >= 0:
            s = before + 1
    return s, max(s, e)


def cut_trailing(doc: Doc, r: Range, reported: bool = False) -> Range:
    """Drop a trailing comment after a comma (", which ...", ", where ...", ", implicitly
    putting ...", ", more than half a point less ...") — the writer's gloss, not what was said.
    `reported`: the range is what a teller after it reports (", reports the Herald"), so a
    speaker's reporting participle in it is speech going on, no gloss."""
    s, e = r
    span = doc.char_span(s, e, alignment_mode="expand") if e > s else None
    if span is None:
        return r
    # a gloss is short: look for its comma among the last tokens only (linear on nested contents)
    for tok in span[max(0, len(span) - _GLOSS_WINDOW) :]:
        if tok.i == 0 or doc[tok.i - 1].text != "," or tok.idx <= s:
            continue
        if _is_gloss(doc, tok, span.end, reported):
            return s, doc[tok.i - 1].idx
    return r


def _is_gloss(doc: Doc, tok: Token, end: int, reported: bool = False) -> bool:
    """Is doc[tok.i:end], right after a comma, one clause that comments on what came before?"""
    tail = doc[tok.i : end]
    roots = [t for t in tail if not (tok.i <= t.head.i < end) or t.head == t]
    words = [t for t in roots if not t.is_punct]
    if len(words) != 1:
        return False
    root = words[0]
    if reported and _goes_on_speaking(root):
        return False
    return (root.dep_ in ("relcl", "advcl", "acl") and tok.lower_ in _TRAILING) or (
        root.dep_ in ("advcl", "acl") and root.tag_ in ("VBG", "VBN") and tok.i <= root.i <= tok.i + 1
    )


def _goes_on_speaking(root: Token) -> bool:
    """ "A spokesperson confirmed the arrest, adding that P, reports the Herald": a reporting
    participle on a reporting verb with a subject is that speaker's speech going on, no gloss of the
    writer's; what the outer teller reports holds it (the speaker's own content never reaches it)."""
    verbs, head = lexicons().verbs, root.head
    return (
        root.tag_ == "VBG"
        and root.dep_ == "advcl"
        and root.lemma_.lower() in verbs
        and head.lemma_.lower() in verbs
        and any(c.dep_ == "nsubj" for c in head.children)
    )
