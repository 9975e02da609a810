"""Attributions: source + cue + content, nested, with document frames.

One pass over the parsed `Doc` (no second `nlp()` call):

* sentence-level cues — reporting verbs (a lemma lexicon in data/), "according to X", nouns
  with a "that" clause ("the claim that ..."), and a headline cue ("...: report");
* document frames — the page's publisher and datelines that hand the text to another outlet;
* nesting — an attribution whose cue lies inside another's content is its child; a sentence-level
  attribution outside every content is a child of the innermost frame around it;
* sources resolved to actors — named actors from the actors stage, plus anonymous people
  ("a U.S. embassy official ...", later "the source", "he") and documents created here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcetrace import learned
from sourcetrace.model import Actor, Article, Attribution
from sourcetrace.spans import make_span, trim

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_DEFINITE = {"the", "this", "that", "these", "those", "same"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_QUOTES = '"“”«»'
_WORD = re.compile(r"\w")
_SENTENCE_END = re.compile(r"[.!?:]")
_FIRST_PERSON = {"i", "we", "you"}
# when/where the telling happened, not what was told ("attacked X during the debate")
_ADVERBIAL_PREPS = {
    "during",
    "at",
    "in",
    "after",
    "before",
    "since",
    "until",
    "amid",
    "despite",
    "on",
    "from",
}
_GLOSS_WINDOW = 40
_MEDIUM = {"interview", "briefing", "statement", "email", "e-mail", "speech", "conference", "call", "post"}
_MAX_NESTING = 6
_RELATIVE = {"that", "which", "who", "whom"}
_TRAILING = {"which", "where", "who", "although", "though", "while", "whereas"}
_CUE_LEFT = ("aux", "auxpass", "neg", "advmod")


# --------------------------------------------------------------------------- lexicons


def _lines(name: str) -> list[list[str]]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(line.split())
    return rows


@dataclass(frozen=True)
class Lexicons:
    verbs: dict[str, frozenset[str]]  # lemma -> tags ("obj", "rcpt")
    nouns: frozenset[str]
    denials: frozenset[str]
    hedges: re.Pattern[str] | None
    anonymous: dict[str, bool]  # head lemma -> generic ("the source" may mean any earlier source)
    documents: frozenset[str]
    quantities: frozenset[str]
    speaker_stoplist: frozenset[str]


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The lexicons in data/, read once per process."""
    hedge_phrases = [" ".join(r) for r in _lines("hedges.txt")]
    hedges = None
    if hedge_phrases:
        # longest first so "it is not officially known whether" wins over shorter overlaps
        alts = sorted(hedge_phrases, key=len, reverse=True)
        hedges = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in alts) + r")\b", re.IGNORECASE)
    return Lexicons(
        verbs={r[0].lower(): frozenset(r[1:]) for r in _lines("reporting_verbs.txt")},
        nouns=frozenset(r[0].lower() for r in _lines("attribution_nouns.txt")),
        denials=frozenset(r[0].lower() for r in _lines("denial_cues.txt")),
        hedges=hedges,
        anonymous={r[0].lower(): "generic" in r[1:] for r in _lines("anonymous_heads.txt")},
        documents=frozenset(r[0].lower() for r in _lines("document_heads.txt")),
        quantities=frozenset(r[0].lower() for r in _lines("quantity_heads.txt")),
        speaker_stoplist=frozenset(" ".join(r).lower() for r in _lines("speaker_label_stoplist.txt")),
    )


def find_hedge(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first hedge phrase inside text[start:end], as character offsets."""
    spans = _hedge_spans(text)
    i = bisect_left(spans, (start, start))
    if i < len(spans) and spans[i][1] <= end:
        return spans[i]
    return None


@lru_cache(maxsize=8)
def _hedge_spans(text: str) -> list[tuple[int, int]]:
    """Every hedge in the text, found once: per-attribution lookups are then a bisection."""
    pattern = lexicons().hedges
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


# --------------------------------------------------------------------------- raw finds

Range = tuple[int, int]


@dataclass
class _Found:
    cue: Range
    content: list[Range]
    source: Range | None = None
    head: Token | None = None  # syntactic head of the source, for actor resolution
    lemma: str = ""
    recipient: Range | None = None
    negated: bool = False
    frame: bool = False
    source_actor: str | None = None
    source_kind: str | None = None
    parent: _Found | None = None
    hedge_tokens: list[Token] = field(default_factory=list)
    sent_end: int = 0  # end of the cue's sentence, for quotations that carry on after it
    id: str = ""
    verb: Token | None = None  # the cue's verb, for xcomp chains ("agreed to release")

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def content_end(self) -> int:
        return max(e for _, e in self.content)

    def content_contains(self, r: Range) -> bool:
        return any(s <= r[0] and r[1] <= e for s, e in self.content)

    def content_size(self) -> int:
        return sum(e - s for s, e in self.content)


def _tok_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _subtree(tok: Token) -> Range:
    return tok.left_edge.idx, _tok_end(tok.right_edge)


def _trimmed(text: str, r: Range) -> Range | None:
    s, e = trim(text, *r)
    return (s, e) if e > s and _WORD.search(text, s, e) else None


def _parts(text: str, ranges: list[Range]) -> list[Range]:
    """Sorted, trimmed ranges; neighbours separated only by punctuation or spaces are merged."""
    out: list[Range] = []
    for r in sorted(ranges):
        t = _trimmed(text, r)
        if t is None:
            continue
        if out and not _WORD.search(text, out[-1][1], t[0]):
            out[-1] = (out[-1][0], max(out[-1][1], t[1]))
        else:
            out.append(t)
    return out


def _minus(outer: Range, holes: list[Range]) -> list[Range]:
    """`outer` with the `holes` cut out."""
    pieces, cur = [], outer[0]
    for s, e in sorted(holes):
        if s > cur:
            pieces.append((cur, min(s, outer[1])))
        cur = max(cur, e)
    if cur < outer[1]:
        pieces.append((cur, outer[1]))
    return [p for p in pieces if p[1] > p[0]]


def quote_regions(text: str) -> list[Range]:
    """Quoted stretches, quote marks included; a line break closes a quote left open."""
    regions: list[Range] = []
    opened: int | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        width = 2 if text.startswith(("''", "``"), i) else 1
        if ch == "\n":
            if opened is not None:
                regions.append((opened, i))
                opened = None
        elif ch in "“«" or (ch == "”" and opened is None and _opens_line(text, i)):
            # a closing mark typed at the start of a line ("”Fear. I am ...") opens a quote
            opened = i if opened is None else opened
        elif ch in "”»":
            if opened is not None:
                regions.append((opened, i + 1))
                opened = None
        elif ch == '"' or width == 2:
            if opened is None:
                opened = i
            else:
                regions.append((opened, i + width))
                opened = None
        i += width
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _opens_line(text: str, i: int) -> bool:
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip() and i + 1 < len(text) and text[i + 1].isalnum()


def _region_at(regions: list[Range], pos: int) -> Range | None:
    """The quotation holding `pos` (regions are sorted and disjoint)."""
    i = bisect_right(regions, (pos, len(regions) + pos + 1)) - 1
    if i >= 0 and regions[i][0] <= pos < regions[i][1]:
        return regions[i]
    return None


_SPEAKER_LABEL = re.compile(
    r"^[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|de|van|von|al-\w+)){0,4})"
    r":[ \t]+(?P<said>\S[^\n]*)",
    re.MULTILINE,
)
_DASH_CREDIT = re.compile(
    r"\A[ \t\u00a0]*(?P<dash>[―—–])[ \t\u00a0]*(?P<name>[A-Z][^\n]{0,60}?)[ \t\u00a0.]*$", re.MULTILINE
)


def _punctuation_finds(doc: Doc, text: str, regions: list[Range]) -> list[_Found]:
    """Cues that are punctuation: a speaker label ("PENCE: Well, ...", "Poll: Voters ...") and a
    quotation credited after a dash ("“...” ― Sonya Herridge")."""
    stop = lexicons().speaker_stoplist
    finds: list[_Found] = []
    for m in _SPEAKER_LABEL.finditer(text):
        name = m.group("name")
        if name.lower() in stop or name.isdigit():
            continue
        colon = m.end("name")
        head = _head_at(doc, m.start("name"), colon)
        content = _trimmed(text, (m.start("said"), m.end("said")))
        if content is None or head is None or not _speaker_like(doc, name, m.start("name"), colon, head):
            continue
        finds.append(
            _Found(
                cue=(colon, colon + 1),
                content=[content],
                source=(m.start("name"), colon),
                head=head,
                lemma=":",
            )
        )
    for qs, qe in regions:
        line_end = text.find("\n", qe)
        line_end = len(text) if line_end < 0 else line_end
        m = _DASH_CREDIT.match(text[qe:line_end])
        if m is None:
            continue
        name = (qe + m.start("name"), qe + m.end("name"))
        head = _head_at(doc, *name)
        content = _trimmed(text, (qs, qe))
        if content is None or head is None:
            continue
        dash = qe + m.start("dash")
        finds.append(_Found(cue=(dash, dash + 1), content=[content], source=name, head=head, lemma="―"))
    return finds


def _speaker_like(doc: Doc, name: str, start: int, end: int, head: Token) -> bool:
    """A label that names someone: a transcript speaker (all capitals), a named entity, or an
    unnamed source/document ("Poll: ..."); not a headline kicker ("Stealth Over Health: ...")."""
    if name.isupper():
        return True
    lex = lexicons()
    if head.lemma_.lower() in lex.documents or head.lemma_.lower() in lex.anonymous:
        return True
    return any(
        ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and ent.start_char < end and start < ent.end_char
        for ent in doc.char_span(start, end, alignment_mode="expand").ents
    )


def _head_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _extend_quotes(finds: list[_Found], regions: list[Range], text: str) -> None:
    """A content that is part of a quotation takes the whole quotation, and a quotation that
    goes on right after "..., he said." (same paragraph, nothing attributed inside) is its next part."""

    starts = [r[0] for r in regions]
    longest = max((e - s for s, e in regions), default=0)
    for f in finds:
        if f.frame or f.lemma == "according":
            continue
        parts = []
        for s, e in f.content:
            i = bisect_left(starts, s - longest)
            while i < len(regions) and regions[i][0] < e:
                qs, qe = regions[i]
                inside_q = qs <= f.cue[0] < qe or (f.source is not None and qs <= f.source[0] < qe)
                if not inside_q and qs < e and s < qe and not (s <= qs and qe <= e):
                    s, e = min(s, qs), max(e, qe)
                i += 1
            parts.append((s, e))
        lead = min(f.cue[0], f.source[0] if f.source else f.cue[0])
        trail = max(f.cue[1], f.source[1] if f.source else 0, f.recipient[1] if f.recipient else 0)
        i = bisect_left(starts, trail)
        if parts[-1][1] <= lead and i < len(regions):
            # '“We will win,” he said, “and they will lose.”': the quotation resumes after the cue
            qs, qe = regions[i]
            if not _WORD.search(text, trail, qs) and "\n" not in text[trail:qs]:
                parts.append((qs, qe))
        if f.sent_end and any(qe >= parts[-1][1] and qs < parts[-1][1] for qs, qe in regions):
            # "“X,” she said. “Y.”" — the quote carries on after the cue's sentence
            after = max(f.cue[1], f.source[1] if f.source else 0, f.recipient[1] if f.recipient else 0)
            stop = _SENTENCE_END.search(text, after, min(len(text), after + 80))
            pos = stop.end() if stop else f.sent_end
            while True:
                nxt = next((r for r in regions if r[0] >= pos), None)
                if nxt is None or text[pos : nxt[0]].strip() or "\n" in text[pos : nxt[0]]:
                    break
                tail_end = text.find("\n", nxt[1])
                tail = text[nxt[1] : tail_end if tail_end >= 0 else len(text)]
                if tail.strip() and tail.strip()[0] not in "“\"'":
                    break  # '“Y,” she added.' is an attribution of its own
                parts.append(nxt)
                pos = nxt[1]
        f.content = _parts(text, parts)


def _cue_range(verb: Token, prep: Token | None = None) -> Range:
    """The verb with its contiguous auxiliaries, negation and adverbs ("has also said", "now says"),
    its particle, and a bare time right after it ("said Friday") — how the cue is usually delimited
    in attribution corpora (PolNeAR)."""
    start, end = verb.idx, _tok_end(verb)
    i = verb.i - 1
    while i >= 0 and verb.doc[i].head == verb and verb.doc[i].dep_ in _CUE_LEFT:
        start = verb.doc[i].idx
        i -= 1
    j = verb.i + 1
    while j < len(verb.doc):
        tok = verb.doc[j]
        if tok.head != verb:
            break
        if tok.dep_ in ("prt", "npadvmod") or (
            tok.dep_ == "advmod" and tok.pos_ == "ADV" and tok.lower_ != "that"
        ):
            end = _tok_end(tok)
            j = tok.right_edge.i + 1
        elif tok.dep_ == "prep" and tok.lower_ in ("in", "at") and any(
            c.dep_ == "pobj" and c.lemma_.lower() in _MEDIUM for c in tok.children
        ) and not any(t.dep_ in ("mark", "ccomp", "acl", "relcl") for t in tok.subtree):
            # "said in an interview (with CNN)", "said at a briefing": the occasion is part of the cue
            end = _tok_end(tok.right_edge)
            j = tok.right_edge.i + 1
        else:
            break
    if prep is not None:
        end = max(end, _tok_end(prep))
    return start, end


def _sentence(tok: Token) -> SpacySpan:
    """`tok.sent` in O(log n): spaCy's own walks the whole sentence on every call. The sentence
    bounds are kept, as plain integers, in the Doc's user_data."""
    doc = tok.doc
    bounds = doc.user_data.get("sourcetrace_sentence_bounds")
    if bounds is None or len(bounds[0]) == 0 or bounds[1][-1] != len(doc):
        sents = list(doc.sents)
        bounds = ([s.start for s in sents], [s.end for s in sents])
        doc.user_data["sourcetrace_sentence_bounds"] = bounds
    n = bisect_right(bounds[0], tok.i) - 1
    return doc[bounds[0][n] : bounds[1][n]]


def _after_comma(tok: Token) -> bool:
    return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","


def _np_range(head: Token) -> Range:
    """A source noun phrase without a trailing relative clause or parenthetical."""
    start = head.left_edge.idx
    end = _tok_end(head)
    for child in head.rights:
        if child.dep_ == "punct" and child.text == ",":
            continue
        if child.dep_ in ("prep", "compound", "amod", "nummod", "pobj", "nmod", "case"):
            end = max(end, _tok_end(child.right_edge))
        elif child.dep_ == "appos" and _after_comma(child):
            # "the website, al-Malaf," names the source; an appos without a comma is a misparse
            end = max(end, _tok_end(child.right_edge))
        else:
            break
    return start, end


def _source_range(subj: Token, verb: Token) -> Range:
    """The whole subject phrase ("Joseph, who has four children,", "Rep. X (D-N.C.)"), or just the
    antecedent when the subject is not the verb's own (a relative clause or a participle's host);
    never reaching back past the cue's paragraph or an all-capitals dateline ("BRUSSELS -")."""
    if subj.head == verb:
        s, e = _subtree(subj)
    else:
        s, e = _np_range(subj)
    doc = subj.doc
    for tok in doc[subj.left_edge.i : subj.i + 1]:
        if tok.text in ("\n", "\n\n") or "\n" in tok.text:
            s = max(s, _tok_end(tok))
        elif (
            tok.text in ("-", "—", "–")
            and tok.i > 0
            and all(t.is_upper or t.is_punct for t in doc[subj.left_edge.i : tok.i])
        ):
            s = max(s, _tok_end(tok))
    return s, e


def _subject(verb: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        subj = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subj.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return pobj
        if subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children):
            return None  # expletive "it is reported that"
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "another company that had declared ...": the antecedent speaks
        return subj
    if verb.head.pos_ in ("NOUN", "PROPN") and (
        verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG")
    ):
        return verb.head  # "a letter saying ...", not "a group called X"
    if depth < 3 and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)
    return None


def _verb_find(
    verb: Token, tags: frozenset[str], text: str, regions: list[Range] | None = None
) -> _Found | None:
    sent = _sentence(verb)
    content_children = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(c.i > verb.i and (_opens_with_that(c) or _semicolon_before(c, verb)) for c in content_children):
        # "Should X fail, they worry that ...": a clause before the cue that the parser calls a
        # complement is a condition when a "that" complement follows
        content_children = [c for c in content_children if c.i > verb.i]
    subj = _subject(verb)
    recipient: Range | None = None
    for child in verb.children:
        if child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ == "to" and child.i > verb.i):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                recipient = _np_range(pobj)
            elif child.dep_ == "dative":
                recipient = _np_range(child)
        if child.dep_ == "dobj" and "rcpt" in tags:
            recipient = _np_range(child)
    prep = None
    if not content_children and subj is not None:
        # "called for X", "spoke about X": the lexicon names the preposition that opens the content
        prep = next((c for c in verb.rights if c.dep_ == "prep" and "+" + c.lower_ in tags), None)
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
        if pobj is not None:
            content_children = [pobj]
        else:
            prep = None
        inside = next((c for c in verb.rights if c.dep_ == "prep" and "~" + c.lower_ in tags), None)
        if prep is None and inside is not None and inside.n_rights:
            # "did not respond to requests for comment": the preposition opens the content
            content_children = [inside]
    if not content_children and subj is not None:
        deps = ("xcomp", "dobj", "oprd") if "obj" in tags else ("xcomp",)
        if "quote" in tags:
            deps = ()  # "continued to rise" is no report: only a quotation or a colon's text is
        content_children = [c for c in verb.children if c.dep_ in deps]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if (
        not content_children
        and "obj" in tags
        and agent is not None
        and passive is not None
        and subj is not None
    ):
        # "Trump is supported by far fewer publications": the passive subject is what is endorsed
        content_children = [passive]
        prep = agent
    ranges = [_subtree(c) for c in content_children]
    if (
        len(content_children) == 1
        and content_children[0].pos_ == "PRON"
        and content_children[0].n_rights == 0
    ):
        return None  # "they have defended them": a bare pronoun states nothing
    if content_children and content_children[0].dep_ in ("xcomp",) and "rcpt" in tags:
        # "urged Trump to stop": the addressee is part of what is urged
        dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < content_children[0].i), None)
        if dobj is not None:
            ranges = [(dobj.left_edge.idx, ranges[0][1])] + ranges[1:]
    if content_children and content_children[0].dep_ in ("dobj", "xcomp", "oprd", "pobj", "pcomp"):
        # "described Clinton as a politician", "slammed Kaine for his work": the object and
        # what completes it, up to the end of the verb's clause
        tail = [
            c
            for c in verb.rights
            if c.i > content_children[0].i
            and c.i > (prep.i if prep is not None else -1)
            and c.dep_ not in ("punct", "cc", "conj", "advcl", "parataxis", "ccomp", "npadvmod", "advmod")
            and not (c.dep_ == "prep" and c.lower_ in _ADVERBIAL_PREPS)
        ]
        if tail:
            ranges = [(ranges[0][0], max(_tok_end(c.right_edge) for c in tail))] + ranges[1:]
    if not ranges and subj is not None:
        # "revealed (to X) that ...": a misparsed complement still starts at "that"
        that = next(
            (t for t in verb.subtree if t.i > verb.i and t.lower_ == "that" and t.dep_ == "mark"), None
        )
        if that is not None and not any(t.dep_ in ("ccomp", "advcl") for t in verb.doc[verb.i + 1 : that.i]):
            ranges = [(that.idx, _tok_end(verb.right_edge))]
    if not ranges and verb.dep_ == "parataxis":
        # "Taxes, he said, would rise": the content is the sentence around the cue
        ranges = _minus((sent.start_char, sent.end_char), [_subtree(verb)])
    if not ranges and regions is not None:
        # 'Trump said, “When ...' — the quotation right after the cue, however long
        after = verb.i + 1
        while after < len(verb.doc) and (verb.doc[after].text in (",", ":") or verb.doc[after].is_space):
            after += 1
        if after < len(verb.doc):
            q = _region_at(regions, verb.doc[after].idx)
            if q is not None and q[0] == verb.doc[after].idx:
                ranges = [q]
    if not ranges and regions is not None and subj is not None:
        # '“... Probably not,” Ms. Moore said.' — a quotation ending right before the source or
        # cue, wherever the sentence splitter cut it
        lead = min(verb.idx, subj.left_edge.idx)
        i = bisect_right(regions, (lead, lead)) - 1
        while i >= 0 and regions[i][1] > lead:
            i -= 1
        before = regions[i] if i >= 0 else None
        if (
            before is not None
            and not _WORD.search(text, before[1], lead)
            and "\n" not in text[before[1] : lead]
        ):
            ranges = [before]
    if (
        not ranges
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        # "It does not say whether he had a gun, as police have said": the clause it glosses
        host = verb.head
        ranges = _minus(_subtree(host), [_subtree(verb)])
    if not ranges and subj is not None and subj.i < verb.i and verb.dep_ == "ROOT":
        # "People like Scott, he said." — the parser found no complement: the words before ", X said"
        comma = subj.left_edge.i - 1
        if (
            comma > sent.start
            and verb.doc[comma].text == ","
            and all(t.is_punct or t.is_space for t in verb.doc[verb.i + 1 : sent.end])
        ):
            ranges = [(sent.start_char, verb.doc[comma].idx)]
    if not ranges and "quote" not in tags and any(ch in sent.text for ch in _QUOTES):
        ranges = _quoted(sent, _subtree(verb), text)
    if not ranges and verb.i + 1 < sent.end and verb.doc[verb.i + 1].text == ":":
        ranges = [(verb.doc[verb.i + 1].idx + 1, sent.end_char)]
    if not ranges:
        ranges = _previous_quote(verb, subj)
    cue = _cue_range(verb, prep)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        # "tries to draw", "appeared to suggest", "could not resist pointing out": one cue
        cue = (_cue_range(verb.head)[0], cue[1])
    carrier = verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and carrier.pos_ == "NOUN"
        and carrier.dep_ == "dobj"
        and carrier.head.pos_ == "VERB"
        and carrier.head.i < carrier.i
        and carrier.lemma_.lower() not in lexicons().anonymous
    ):
        teller = next((c for c in carrier.head.children if c.dep_ == "nsubj"), None)
        if teller is not None and teller.i < carrier.head.i:
            # "sent a letter to the board urging ...": the sender speaks through the letter, and
            # "sent a letter ... urging" is one cue
            cue = (_cue_range(carrier.head)[0], cue[1])
            subj = teller
    source = _source_range(subj, verb) if subj is not None else None
    if ranges and content_children and all(c.i < verb.i for c in content_children) and subj is not None:
        # "X ..., but Y, the source added.": everything before the cue is what was said
        rest = [t for t in verb.doc[verb.i + 1 : sent.end] if not t.is_punct and not t.is_space]
        if all(
            t.head == verb and t.dep_ in ("npadvmod", "advmod", "prep", "pobj") or t.head.head == verb
            for t in rest
        ):
            first = min(subj.left_edge.idx, verb.idx)
            ranges = [(sent.start_char, first)]
    ranges = [_clip_paragraph(text, r, verb.idx) for r in ranges]
    if any(c.dep_ == "ccomp" and c.i > verb.i and _opens_with_that(c) for c in content_children):
        # "reported that X, which was reached in August": a "that" clause keeps its tail
        ranges = [r for r in ranges if r[1] > r[0]]
    else:
        ranges = [_cut_trailing(verb.doc, r) for r in ranges if r[1] > r[0]]
    if subj is not None and subj.head == verb:
        # two subjects ("the governments that ... and President X have denied"): a misparse
        # split one noun phrase; the source runs from the first to the one nearest the verb
        first = min((c for c in verb.lefts if c.dep_ == "nsubj"), key=lambda c: c.i, default=subj)
        between = text[_tok_end(first.right_edge) : subj.left_edge.idx]
        if not any(ch in between for ch in ",;:" + _QUOTES):
            source = (min(source[0], first.left_edge.idx), source[1])
    # never let the content swallow the cue or the source (inverted quotes, odd parses)
    holes = [cue] + ([source] if source else [])
    ranges = [p for r in ranges for p in _minus(r, [h for h in holes if r[0] < h[1] and h[0] < r[1]])]
    parts = _drop_opening_conjunction(text, _parts(text, ranges))
    if not parts or ("src" in tags and source is None):
        return None
    negated = any(c.dep_ == "neg" for c in verb.children)
    return _Found(
        cue=cue,
        content=parts,
        source=source,
        head=subj,
        lemma=verb.lemma_.lower(),
        recipient=recipient,
        negated=negated,
        hedge_tokens=[c for c in verb.children if c.dep_ == "advmod"],
        sent_end=sent.end_char,
        verb=verb,
    )


_OPENING_CONJUNCTION = re.compile(
    r"(?:(?:And|But|So|Yet|However|Still)\b,?\s+"
    # or a dateline the sentence splitter left on the sentence: "WASHINGTON ― ", "FLINT, Mich. — "
    r"|[A-Z][A-Z.'-]+(?:,?[ \t]+[A-Z][\w.]*){0,3}[ \t]*[―—–-]{1,2}[ \t]+)(?=\w)"
)
_CLOSING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or)\W*$")


def _drop_opening_conjunction(text: str, parts: list[Range]) -> list[Range]:
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


def _semicolon_before(clause: Token, verb: Token) -> bool:
    """ "It is unlikely; the team says she will go on": a clause before the semicolon is the
    writer's, whatever the parser hung on the cue."""
    doc = verb.doc
    return any(
        t.text == ";" for c in verb.lefts if c.dep_ == "ccomp" for t in doc[c.right_edge.i + 1 : verb.i]
    ) or any(t.text == ";" and t.head == verb for t in verb.lefts)


def _opens_with_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


_COLON_BREAK = re.compile(r"[^\n:]*:[ \t]*\n\s*[\"“]?")


def _clip_paragraph(text: str, r: Range, cue_at: int) -> Range:
    """Keep a content inside the cue's paragraph (the parser sometimes runs over a line break)."""
    s, e = r
    if cue_at < s and _COLON_BREAK.fullmatch(text, cue_at, s):
        # "He continued:" + a new paragraph: the colon hands the next paragraph to the cue
        brk = text.find("\n", s, e)
        return s, (brk if brk >= 0 else e)
    if "\n" in text[e:cue_at] or "\n" in text[cue_at:s]:
        return s, s  # a clause the parser hung on the cue from another paragraph
    if cue_at >= e:
        brk = text.rfind("\n", s, e)
        return (min(max(s, brk + 1), e), e) if brk >= 0 else r
    start_from = max(s, cue_at)
    brk = text.find("\n", start_from, e)
    if brk >= 0:
        e = brk
    if cue_at > s:
        before = text.rfind("\n", s, cue_at)
        if before >= 0:
            s = before + 1
    return s, max(s, e)


def _cut_trailing(doc: Doc, r: Range) -> Range:
    """Drop a trailing comment after a comma (", which ...", ", where ...", ", implicitly
    putting ...", ", more than half a point less ...") — the writer's gloss, not what was said."""
    s, e = r
    span = doc.char_span(s, e, alignment_mode="expand") if e > s else None
    if span is None:
        return r
    # a gloss is short: look for its comma among the last tokens only (linear on nested contents)
    for tok in span[max(0, len(span) - _GLOSS_WINDOW) :]:
        if tok.i == 0 or doc[tok.i - 1].text != "," or tok.idx <= s:
            continue
        tail = doc[tok.i : span.end]
        roots = [t for t in tail if not (tok.i <= t.head.i < span.end) or t.head == t]
        words = [t for t in roots if not t.is_punct]
        if len(words) != 1:
            continue
        root = words[0]
        comment = (root.dep_ in ("relcl", "advcl", "acl") and tok.lower_ in _TRAILING) or (
            root.dep_ in ("advcl", "acl") and root.tag_ in ("VBG", "VBN") and tok.i <= root.i <= tok.i + 1
        )
        if comment:
            return s, doc[tok.i - 1].idx
    return r


def _quoted(sent: SpacySpan, exclude: Range, text: str) -> list[Range]:
    """Quoted stretches of a sentence outside `exclude` (the cue's own clause)."""
    out, opening = [], None
    for i in range(sent.start_char, sent.end_char):
        ch = text[i]
        if ch not in _QUOTES:
            continue
        is_open = ch in "“«" or (ch == '"' and opening is None)
        if is_open and opening is None:
            opening = i
        elif opening is not None:
            r = (opening, i + 1)
            if not (exclude[0] <= r[0] and r[1] <= exclude[1]):
                out.extend(_minus(r, [exclude]))
            opening = None
    return out


def _previous_quote(verb: Token, subj: Token | None) -> list[Range]:
    """'“...” He said.' split by the sentencizer: the quote is the previous sentence."""
    sent = _sentence(verb)
    words = [t for t in sent if not t.is_punct]
    if subj is None or len(words) > 4 or sent.start == 0:
        return []
    prev = _sentence(verb.doc[sent.start - 1])
    if prev.text.rstrip()[-1:] in '”"' or sent.text.lstrip()[:1] in '”"':
        return [(prev.start_char, prev.end_char)]
    return []


def _according_find(tok: Token, text: str) -> _Found | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source = _np_range(pobj)
    cue = (tok.idx, _tok_end(to))
    sent = _sentence(tok)
    clause = tok.head if tok.head != tok else sent.root
    outer = _subtree(clause) if clause.dep_ != "ROOT" else (sent.start_char, sent.end_char)
    holes = [(tok.left_edge.idx, max(source[1], cue[1]))]
    parts = _drop_opening_conjunction(text, _parts(text, _minus(outer, holes)))
    if not parts:
        return None
    return _Found(cue=cue, content=parts, source=source, head=pobj, lemma="according")


def _noun_find(noun: Token, text: str) -> _Found | None:
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
    parts = _parts(text, [_subtree(clause)])
    if not parts:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    return _Found(
        cue=(noun.idx, _tok_end(noun)),
        content=parts,
        source=_np_range(poss) if poss is not None else None,
        head=poss,
        lemma=noun.lemma_.lower(),
    )


# --------------------------------------------------------------------------- actors


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


class MentionIndex:
    """Actors by mention offsets: `at(start, end)` is `spans.actor_at` in O(log n) per lookup."""

    def __init__(self, actors: list[Actor]):
        rows = sorted((m.start, m.end, n) for n, a in enumerate(actors) for m in a.mentions)
        self._actors = actors
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._longest = max((e - s for s, e, _ in rows), default=0)
        self._per_actor = []
        for a in actors:
            ms = sorted((m.start, m.end) for m in a.mentions)
            self._per_actor.append(([m[0] for m in ms], [m[1] for m in ms]))

    def at(self, start: int, end: int) -> Actor | None:
        best, best_overlap = None, 0
        i = bisect_left(self._starts, start - self._longest)
        while i < len(self._rows) and self._rows[i][0] < end:
            s, e, n = self._rows[i]
            overlap = min(end, e) - max(start, s)
            if overlap > best_overlap:
                best, best_overlap = self._actors[n], overlap
            i += 1
        return best

    def within(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention wholly inside [start, end), in list order."""
        found = []
        for n, (starts, ends) in enumerate(self._per_actor):
            i = bisect_left(starts, start)
            if i < len(starts) and ends[i] <= end:
                found.append(self._actors[n])
        return found


class _ActorBook:
    """The actors list, extended in place with new anonymous, document and outlet actors."""

    def __init__(self, text: str, actors: list[Actor]):
        self.text = text
        self.actors = list(actors)
        self.history: list[Actor] = []  # source actors in reading order, for "he"/"the source"
        self._next = 1 + max((int(a.id[1:]) for a in actors if a.id[1:].isdigit()), default=0)
        self._names: dict[str, list[Actor]] = {}
        for actor in self.actors:
            self._index_name(actor)
        self.index = MentionIndex(self.actors)

    def _index_name(self, actor: Actor) -> None:
        for name in {_norm(actor.name), *(_norm(a) for a in actor.aliases)}:
            self._names.setdefault(name, []).append(actor)

    def named(self, name: str, kinds: tuple[str, ...] | None = None) -> Actor | None:
        """The first actor called `name` (canonical name or alias), optionally of these kinds."""
        return next((a for a in self._names.get(_norm(name), []) if not kinds or a.kind in kinds), None)

    def reindex(self) -> None:
        self.index = MentionIndex(self.actors)

    def new(self, name: str, type_: str, kind: str) -> Actor:
        actor = Actor(id=f"a{self._next}", name=name, type=type_, kind=kind)  # type: ignore[arg-type]
        self._next += 1
        self.actors.append(actor)
        self._index_name(actor)
        return actor

    def mention(self, actor: Actor, r: Range) -> None:
        span = make_span(self.text, *r)
        if all((m.start, m.end) != (span.start, span.end) for m in actor.mentions):
            actor.mentions.append(span)
            actor.mentions.sort(key=lambda m: m.start)

    def frame_actor(self, name: str, r: Range | None, kind: str) -> Actor:
        """The publisher/outlet actor named `name`; created when the actors stage has none."""
        actor = None
        if r is not None:
            found = self.index.at(*r)
            if found is not None and _norm(name) in _norm(found.name) + " " + " ".join(
                _norm(a) for a in found.aliases
            ):
                actor = found
        actor = actor or self.named(name)
        if actor is None:
            actor = self.new(name, "ORG", kind)
        if r is not None:
            self.mention(actor, r)
        return actor

    def resolve(self, found: _Found) -> tuple[Actor | None, str]:
        """The actor a source refers to and the kind of the link."""
        head = found.head
        if found.source is None or head is None:
            return None, "unattributed"
        lex = lexicons()
        if head.lemma_.lower() in lex.quantities or head.lower_ in lex.quantities:
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            head = pobj or head
        commas = [c for c in head.children if c.dep_ == "appos" and _after_comma(c)]
        for tok in [head, *commas]:
            named = self.index.at(tok.idx, _tok_end(tok))
            if named is None and tok.pos_ == "PROPN":
                # a frame actor (an outlet from a dateline) named again in a sentence
                named = self.named(self.text[tok.left_edge.idx : _tok_end(tok)])
            if named is not None:
                return self._use(named, found.source), named.kind
        lemma = head.lemma_.lower()
        if head.pos_ == "PRON":
            if head.lower_ in _PERSON_PRONOUNS:
                prior = next((a for a in reversed(self.history) if a.type == "PERSON"), None)
                if prior is not None:
                    return self._use(prior, found.source), prior.kind
            return None, "anonymous"
        name_range = trim(self.text, *_np_range(head))
        name = self.text[name_range[0] : name_range[1]]
        if name[:1].isupper() and head.doc[head.left_edge.i].pos_ == "DET":
            name = name[0].lower() + name[1:]  # "The official" -> "the official"
        definite = any(c.lower_ in _DEFINITE for c in head.children if c.dep_ in ("det", "amod"))
        if lemma in lex.anonymous and head.pos_ == "NOUN":
            prior = self._prior_anonymous(lemma, lex.anonymous[lemma]) if definite else None
            prior = prior or self.named(name, ("anonymous",))
            actor = prior or self.new(name, "PERSON", "anonymous")
            return self._use(actor, found.source), "anonymous"
        if lemma in lex.documents and head.pos_ == "NOUN":
            actor = self.named(name, ("document",)) or self.new(name, "DOCUMENT", "document")
            return self._use(actor, found.source), "document"
        return None, "named"

    def _prior_anonymous(self, lemma: str, generic: bool) -> Actor | None:
        anonymous = [a for a in reversed(self.history) if a.kind == "anonymous"]
        same_head = next((a for a in anonymous if lemma in _norm(a.name).split()), None)
        if same_head is not None or not generic:
            return same_head
        return anonymous[0] if anonymous else None

    def _use(self, actor: Actor, r: Range) -> Actor:
        self.history.append(actor)
        self.mention(actor, r)
        return actor


# --------------------------------------------------------------------------- the stage


def _frames(article: Article, book: _ActorBook) -> list[_Found]:
    text, st = article.text, article.structure
    frames: list[_Found] = []
    publisher_frame = None
    if article.publisher:
        line = st.publisher_line
        r = (line.start, line.end) if line else None
        actor = book.frame_actor(article.publisher, r, "publisher")
        body = _trimmed(text, (st.body_start, len(text))) or (0, len(text))
        publisher_frame = _Found(
            cue=r or (0, 0),
            content=[body],
            source=r,
            frame=True,
            source_actor=actor.id,
            source_kind="publisher",
        )
        frames.append(publisher_frame)
    for dl in st.datelines:
        if article.publisher and _norm(dl.source) == _norm(article.publisher):
            continue  # "NCRI –" on an NCRI page is the publisher's own voice
        at = text.find(dl.source, dl.span.start, dl.span.end)
        r = (at, at + len(dl.source)) if at >= 0 else None
        actor = book.frame_actor(dl.source, r, "outlet")
        covers = _trimmed(text, (dl.covers.start, dl.covers.end))
        if covers is None:
            continue
        frames.append(
            _Found(
                cue=(dl.span.start, dl.span.end),
                content=[covers],
                source=r,
                frame=True,
                source_actor=actor.id,
                source_kind="outlet",
                parent=publisher_frame,
            )
        )
    return frames


def _headline(article: Article, frames: list[_Found], book: _ActorBook) -> _Found | None:
    """ "Headline: report" — the headline's content, attributed to the outlet the page republishes."""
    st, text = article.structure, article.text
    if st.headline is None or st.headline_cue is None:
        return None
    content = _trimmed(text, (st.headline.start, st.headline_cue.start))
    if content is None:
        return None
    outlet = next((f for f in frames if f.source_kind == "outlet"), None)
    publisher = next((f for f in frames if f.source_kind == "publisher"), None)
    return _Found(
        cue=trim(text, st.headline_cue.start, st.headline_cue.end),
        content=[content],
        lemma="report",
        source_actor=outlet.source_actor if outlet else None,
        source_kind="outlet" if outlet else "document",
        parent=publisher,
    )


def _sentence_finds(
    doc: Doc, article: Article, blocked: list[Range], regions: list[Range] | None = None
) -> list[_Found]:
    lex, text = lexicons(), article.text
    finds: list[_Found] = []
    learned_cue = learned.cue_scorer(regions or [], lex.verbs, lex.nouns)
    learned_finds: set[int] = set()
    for tok in doc:
        found = None
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            found = _according_find(tok, text)
        elif tok.pos_ == "VERB" and lemma in lex.verbs:
            if learned_cue is None or not learned_cue.rejects(tok):
                found = _verb_find(tok, lex.verbs[lemma], text, regions)
        elif tok.pos_ == "NOUN" and lemma in lex.nouns:
            found = _noun_find(tok, text)
        elif learned_cue is not None and tok.pos_ == "VERB" and (tags := learned_cue.new_cue(tok)) is not None:
            # the long tail the lexicon misses, learned from PolNeAR train (sourcetrace/learned.py)
            found = _verb_find(tok, tags, text, regions)
            learned_finds.add(id(found))
        if found is None:
            continue
        if found.source is not None:
            found.source = _trimmed(text, _cut_structure(found.source, blocked))
            if found.source is None:
                found.head = None
            elif found.head is not None and found.head.idx < found.source[0]:
                # the head was cut away with a dateline: use the first subject after the cut
                found.head = next(
                    (c for c in found.head.head.children if c.dep_ == "nsubj" and c.idx >= found.source[0]),
                    found.head,
                )
            elif found.head is not None and found.head.dep_ == "nsubj":
                # with two subjects the head is the first one ("the governments", not the misparse)
                found.head = min(
                    (c for c in found.head.head.lefts if c.dep_ == "nsubj" and c.idx >= found.source[0]),
                    key=lambda c: c.i,
                    default=found.head,
                )
        if any(s < be and bs < e for bs, be in blocked for s, e in [found.cue, *found.content]):
            continue  # nothing inside boilerplate, the publisher line or a dateline
        if (
            regions
            and found.head is not None
            and found.head.lower_ in _FIRST_PERSON
            and _region_at(regions, found.cue[0]) is not None
        ):
            continue  # "I think" inside a quotation is the quoted speaker's voice, not a new source
        finds.append(found)
    finds = learned.drop_overlapping(_drop_inner_xcomp(finds), learned_finds)
    if regions is not None:
        taken = bytearray(len(text))  # characters already claimed: linear overlap checks
        # a cue inside a quotation is the quoted voice's (nested later), so it claims nothing here
        outside = [f for f in finds if _region_at(regions, f.cue[0]) is None]
        for bs, be in blocked + [c for f in outside for c in [f.cue, *f.content]]:
            taken[bs:be] = b"\x01" * (be - bs)
        for found in _punctuation_finds(doc, text, regions):
            if any(any(taken[s:e]) for s, e in [found.cue, *found.content]):
                continue  # the colon of a dateline, or a quotation another cue already claims
            finds.append(found)
    return finds


def _drop_inner_xcomp(finds: list[_Found]) -> list[_Found]:
    """ "agreed to release the funds": when both verbs are cues, the outer one speaks and
    "to release the funds" is its content; the inner one would only repeat it with a longer cue."""
    verbs = lexicons().verbs
    outer = {f.verb.i: f for f in finds if f.verb is not None}
    dropped: set[int] = set()
    for f in finds:
        v = f.verb
        host = outer.get(v.head.i) if v is not None and v.dep_ == "xcomp" and v.head.i < v.i else None
        if host is not None and host.content_contains((v.idx, _tok_end(v))):
            # "refused to disclose the records" (a "ctl" verb): one cue, "refused to disclose"
            dropped.add(id(host) if "ctl" in verbs.get(host.lemma, ()) else id(f))
    return [f for f in finds if id(f) not in dropped]


def _cut_structure(r: Range, blocked: list[Range]) -> Range:
    s, e = r
    for bs, be in sorted(blocked):
        if bs <= s < be or (s <= bs and be <= e and bs - s <= 1):
            s = max(s, be)
    return s, e


def _nest(finds: list[_Found], frames: list[_Found]) -> None:
    """Parent = the smallest content holding the cue (sentence level first, then frames)."""
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
        if not holders:
            holders = [g for g in frames if g.content_contains(f.cue)]
        if holders:
            f.parent = min(holders, key=_Found.content_size)
    _limit_depth(finds, frames)
    for f in finds:
        # odd parses can make two contents hold each other's cue: break such a loop at `f`
        seen, up = {id(f)}, f.parent
        while up is not None and id(up) not in seen:
            seen.add(id(up))
            up = up.parent
        if up is f:
            f.parent = min(
                (g for g in frames if g.content_contains(f.cue)), key=_Found.content_size, default=None
            )


def _limit_depth(finds: list[_Found], frames: list[_Found]) -> None:
    """Real reporting nests a few levels ("X reported that an official said that ..."); a parse
    that chains hundreds of clauses ("A said that ... and B said that ...") would make chains, and
    the output, quadratic. Past _MAX_NESTING levels an attribution hangs on its frame instead."""
    depth: dict[int, int] = {}
    for f in sorted(finds, key=lambda f: f.cue[0]):
        up = f.parent
        d = 1 + (depth.get(id(up), 0) if up is not None and not up.frame else 0)
        if d > _MAX_NESTING:
            f.parent = min(
                (g for g in frames if g.content_contains(f.cue)), key=_Found.content_size, default=None
            )
            d = 1
        depth[id(f)] = d


def find_attributions(
    doc: Doc, article: Article, actors: list[Actor]
) -> tuple[list[Attribution], list[Actor]]:
    """Attributions found, and the actors list extended with anonymous/document sources."""
    text, st = article.text, article.structure
    book = _ActorBook(text, [a.model_copy(deep=True) for a in actors])
    frames = _frames(article, book)
    book.reindex()  # frame actors created above are found by offset from now on
    blocked = [(b.start, b.end) for b in st.boilerplate]
    blocked += [(d.span.start, d.span.end) for d in st.datelines]
    if st.publisher_line is not None:
        blocked.append((st.publisher_line.start, st.publisher_line.end))
    if st.headline_cue is not None:
        blocked.append((st.headline_cue.start, st.headline_cue.end))
    regions = quote_regions(text)
    finds = _sentence_finds(doc, article, blocked, regions)
    _extend_quotes(finds, regions, text)
    headline = _headline(article, frames, book)
    if headline is not None:
        finds = [f for f in finds if not any(headline.content_contains(c) for c in [f.cue])]
        finds.append(headline)
    _nest(finds, frames)

    every = sorted([*frames, *finds], key=lambda f: (f.cue[0], not f.frame))
    for n, f in enumerate(every, 1):
        f.id = f"t{n}"
    for f in sorted(finds, key=lambda f: f.cue[0]):
        if f.source_kind is None:
            actor, kind = book.resolve(f)
            f.source_actor, f.source_kind = (actor.id if actor else None), kind
    lex = lexicons()
    out = []
    for f in every:
        content = [make_span(text, s, e) for s, e in f.content]
        span = make_span(text, f.content_start, f.content_end)
        if len(content) > 1:
            span.parts = content
        hedged = not f.frame and (
            any(find_hedge(text, s, e) for s, e in f.content)
            or any(lex.hedges is not None and lex.hedges.fullmatch(t.text) for t in f.hedge_tokens)
        )
        recipient_actor = book.index.at(*f.recipient) if f.recipient else None
        out.append(
            Attribution(
                id=f.id,
                cue=make_span(text, *f.cue),
                source=make_span(text, *f.source) if f.source else None,
                source_actor=f.source_actor,
                content=span,
                parent=f.parent.id if f.parent is not None else None,
                source_kind=f.source_kind or "named",  # type: ignore[arg-type]
                recipient=make_span(text, *f.recipient) if f.recipient else None,
                recipient_actor=recipient_actor.id if recipient_actor else None,
                stance="denies" if f.lemma in lex.denials and not f.negated else "asserts",
                hedged=bool(hedged),
                frame=f.frame,
            )
        )
    return out, book.actors
