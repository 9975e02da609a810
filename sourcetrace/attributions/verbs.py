"""Reporting-verb cues: source, cue and content of one verb, decided by an ordered tuple of rules.

`verb_find` walks `VERB_RULES` in order over one `VerbCall` (the verb and what has been decided
so far). A rule marked `fallback` runs only while no content has been found, so the order of the
fallbacks is their priority. `core` steps are plumbing (the content of the chosen clauses, the
cue's and source's extent) and cannot be switched off; every other rule can, by name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcetrace.actors import person_nouns
from sourcetrace.attributions.base import (
    QUOTES,
    WORD,
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
from sourcetrace.attributions.clauses import (
    clip_paragraph,
    cue_range,
    cut_trailing,
    drop_opening_conjunction,
    opens_with_that,
    semicolon_before,
    source_range,
    subject,
)
from sourcetrace.attributions.lexicons import body_words, can_tell, lexicons
from sourcetrace.attributions.quotes import previous_quote, quoted, region_at
from sourcetrace.places import is_place_name

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
_OBJECT_DEPS = ("dobj", "xcomp", "oprd", "pobj", "pcomp")
_HYPOTHETICAL = {"anyone", "anybody", "whoever", "whomever"}
_CONDITION_DEPTH = 3  # "if anyone says", "if he were to say": the cue or a verb just above it
_DENIED_PRONOUNS = {"this", "that", "it", "these", "those", "them"}
# a source's request to stay unnamed: "who asked not to be identified", "requested anonymity"
_ANONYMITY = re.compile(
    r"(?:not\s+to\s+be\s+(?:publicly\s+)?(?:identified|named|quoted)|(?:for\s+|on\s+condition\s+of\s+)?anonymity"
    r"|to\s+remain\s+(?:anonymous|unnamed)|to\s+be\s+(?:identified|named))\b",
    re.IGNORECASE,
)
_NOT_THAT_CLAUSE = ("so", "now", "given", "such")  # "so that", "now that": no complement
_NOT_TAIL = ("punct", "cc", "conj", "advcl", "parataxis", "ccomp", "npadvmod", "advmod")
# what a teller phrase is made of ("technology news website Re/code", "the paper's editor")
_TELLER_POS = ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART", "SYM", "PUNCT")
_TELLER_WORDS = 6  # "the London-based trade website just-food"
_RELAYS = frozenset({"report", "say", "write", "quote", "add", "tell"})  # ", Bloomberg reported."
# sentence adverbs the tagger (and the entity model) may read as a name when they open a sentence
_SENTENCE_ADVERBS = frozenset({
    "noteworthy", "notably", "interestingly", "significantly", "importantly", "separately",
    "additionally", "meanwhile", "moreover", "furthermore", "similarly", "likewise", "nevertheless",
    "nonetheless", "surprisingly", "remarkably", "ironically", "crucially", "tellingly", "incidentally",
    "previously", "earlier", "later", "besides", "overall", "however",
})
# verbs that make their object do what the infinitive says ("forcing the bank to signal P",
# "prompting the minister to say P", "led analysts to warn P"): the object speaks, not the subject
_CAUSATIVE = frozenset({
    "force", "prompt", "lead", "cause", "drive", "push", "spur", "compel", "oblige", "pressure",
    "inspire", "provoke", "trigger", "move",
})


@dataclass
class VerbCall:
    """One reporting verb and what the rules have decided about it so far."""

    verb: Token
    tags: frozenset[str]
    text: str
    regions: list[Range] | None
    sent: SpacySpan
    subj: Token | None = None
    children: list[Token] = field(default_factory=list)  # the clauses/objects that are the content
    recipient: Range | None = None
    prep: Token | None = None  # a preposition that opens the content ("called for X")
    ranges: list[Range] = field(default_factory=list)
    cue: Range = (0, 0)
    source: Range | None = None
    keep_tail: bool = False
    rejected: bool = False
    relative: bool = False  # the content is a relative clause's antecedent (`relative_object`)
    source_span: Range | None = None  # a teller phrase a rule delimited itself (the parse split it)

    def has_that_clause(self) -> bool:
        return any(c.dep_ == "ccomp" and c.i > self.verb.i and opens_with_that(c) for c in self.children)


# --------------------------------------------------------------------------- what the content is


def _complements(c: VerbCall) -> None:
    c.children = [t for t in c.verb.children if t.dep_ == "ccomp"]


def _reduced_relative(c: VerbCall) -> None:
    """ "X told the court presided over by Judge Y that P": a participle with no subject or auxiliary
    that the parser made the complement is a reduced relative of the object ("the court presided
    over by ..."); the "that" clause it holds is what was told."""
    for k in c.verb.children:
        # the tagger reads the participle now as VBN, now as VBD (then the parser calls it xcomp)
        if k.dep_ not in ("ccomp", "xcomp") or k.tag_ not in ("VBN", "VBD") or k.i < c.verb.i:
            continue
        if any(t.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for t in k.children):
            continue
        inner = next((t for t in k.children if t.dep_ == "ccomp" and opens_with_that(t)), None)
        obj = next((t for t in c.verb.children if t.dep_ in ("dobj", "dative") and t.i < k.i), None)
        if inner is not None and obj is not None:
            kept = [t for t in c.children if t.i not in (k.i, inner.i)]
            c.children = sorted([*kept, inner], key=lambda t: t.i)


def _that_advcl(c: VerbCall) -> None:
    """ "X reported on Thursday, citing two officials, that P": a "that" clause after the cue that
    the parser hung on it as an adverbial clause is its complement (not "so that", "now that")."""
    v = c.verb
    if any(t.dep_ == "ccomp" and t.i > v.i for t in c.children):
        return
    for t in v.children:
        if t.dep_ != "advcl" or t.i < v.i:
            continue
        that = next((m for m in t.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if that is not None and that.i > v.i and v.doc[that.i - 1].lower_ not in _NOT_THAT_CLAUSE:
            c.children.append(t)
            return


def _condition_before_that(c: VerbCall) -> None:
    """ "Should X fail, they worry that ...": a clause before the cue that the parser calls a
    complement is a condition when a "that" complement (or a semicolon) follows."""
    v = c.verb
    if any(t.i > v.i and (opens_with_that(t) or semicolon_before(t, v)) for t in c.children):
        c.children = [t for t in c.children if t.i > v.i]


def _find_subject(c: VerbCall) -> None:
    c.subj = subject(c.verb)


def _raised_subject(c: VerbCall) -> None:
    """ "The white paper is expected to say that P", "The minister is due to announce P": the passive
    subject of the verb above is who will say it (not a source-less report)."""
    v = c.verb
    if c.subj is not None or v.dep_ != "xcomp" or v.head.i > v.i:
        return
    head = v.head
    passive = next((t for t in head.children if t.dep_ == "nsubjpass"), None)
    if passive is not None and not any(t.dep_ == "agent" for t in head.children):
        c.subj = passive


def _opening_word_subject(c: VerbCall) -> None:
    """ "Noteworthy, an adviser to the ministry said P": a sentence-opening word the parser made the
    subject, with the real teller in apposition after its comma, is a sentence adverb ("Notably,");
    the apposition speaks. A name keeps its apposition ("Odero, an adviser, said": Odero)."""
    subj, doc = c.subj, c.verb.doc
    if subj is None or subj.i != c.sent.start or subj.i + 1 >= len(doc):
        return
    if subj.ent_type_ and subj.lower_ not in _SENTENCE_ADVERBS:
        return
    if doc[subj.i + 1].text != "," or any(k.dep_ not in ("punct", "appos") for k in subj.children):
        return
    appos = next((k for k in subj.children if k.dep_ == "appos"), None)
    if appos is not None and appos.pos_ == "NOUN" and any(k.dep_ == "det" for k in appos.children):
        if can_tell(appos, entities=True, documents=True):
            c.subj = appos


def _apposition_before_cue(c: VerbCall) -> None:
    """ "Vaccines will be shipped as the number of suspected cases grows, the head of the agency said
    Friday": a subject that cannot tell ("the number of suspected cases"), with a teller phrase in
    apposition after its comma that ends right before the cue (no comma closing it), is the
    parser's misreading of "P, X said": the apposition speaks ("Odero, an adviser, said" keeps
    Odero: a name can tell, and the apposition is closed by a comma)."""
    subj, v, doc = c.subj, c.verb, c.verb.doc
    if subj is None or subj.head != v or subj.i > v.i or can_tell(subj, entities=True, documents=True):
        return
    if subj.lemma_.lower() in person_nouns() or _is_person_word(subj):
        return
    t = v.i - 1
    while t > c.sent.start and doc[t].head == v and doc[t].dep_ in ("aux", "advmod", "neg"):
        t -= 1
    appos = next((k for k in subj.children if k.dep_ == "appos" and k.right_edge.i == t), None)
    if appos is None or doc[appos.left_edge.i - 1].text != ",":
        return
    if can_tell(appos, entities=True, documents=False) or _is_person_word(appos):
        c.subj = appos


def _acronym_subject(c: VerbCall) -> None:
    """ '"P," Salama with WHO said.': the parser read the acronym "WHO" as the pronoun "who" and made
    it the subject, the name before it an adverb; a capitalised pronoun of two letters or more is an
    acronym, and a name right before "with/of/from/at" + the acronym is who speaks (for the body)."""
    subj, doc = c.subj, c.verb.doc
    if subj is None or subj.pos_ != "PRON" or len(subj.text) < 2 or not subj.text.isupper():
        return
    if subj.i < 2 or doc[subj.i - 1].lower_ not in ("with", "of", "from", "at", "for"):
        return
    name = doc[subj.i - 2]
    if name.pos_ == "PROPN" and name.is_title:
        c.subj = name
        c.source_span = (name.left_edge.idx if name.left_edge.i >= name.i - 3 else name.idx, tok_end(subj))


def _is_person_word(tok: Token) -> bool:
    """A word for a person's role or title ("the head", "a spokesman")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("NOUN", "PROPN") and (lemma in person_nouns() or lemma in lexicons().people)


def _participle_after_quote(c: VerbCall) -> None:
    """ 'He explained that "imports have entered illegally", stressing that P': a participle after a
    closing quotation that the parser hung on a verb inside it is the speaker's, not the quoted
    clause's subject's ("all imported crops" stressed nothing)."""
    v, regions = c.verb, c.regions
    if v.tag_ != "VBG" or not regions or region_at(regions, v.idx) is not None:
        return
    # no subject at all: 'He was quoted as describing it as “a terrible one” saying P', hung on the
    # quoted words or on the "as" before them
    if c.subj is None and _right_after_quotation(v, regions):
        pass
    elif c.subj is None or region_at(regions, c.subj.idx) is None or region_at(regions, v.head.idx) is None:
        return
    up = v.head
    while up.head != up and (region_at(regions, up.idx) is not None or up.pos_ not in ("VERB", "AUX")):
        up = up.head
    if region_at(regions, up.idx) is None and up.pos_ in ("VERB", "AUX"):
        speaker = subject(up) or _quoted_one(up)
        if speaker is not None and region_at(regions, speaker.idx) is None:
            c.subj = speaker


def _quoted_one(v: Token) -> Token | None:
    """ "He was quoted to have described it as ...": who is quoted speaks (no agent needed)."""
    host = v.head if v.dep_ == "xcomp" else v
    if host.lemma_.lower() != "quote":
        return None
    return next((c for c in host.children if c.dep_ == "nsubjpass"), None)


def _right_after_quotation(v: Token, regions: list[Range]) -> bool:
    """The participle follows a closing quotation mark (past spaces and line breaks)."""
    i = v.i - 1
    while i >= 0 and v.doc[i].is_space:
        i -= 1
    return i >= 0 and v.doc[i].text in QUOTES and region_at(regions, v.doc[i].idx) is not None


def _control_object(c: VerbCall) -> None:
    """ "Yields jumped, forcing the Bank of England to signal that P", "The strike prompted the
    minister to say P", "leading analysts to warn P": the object of a causative verb tells what its
    infinitive says, not the causer (a request verb, "urged X to say", is a cue itself)."""
    v = c.verb
    obj = _controller(v)
    if obj is not None:
        c.subj = obj


def _controller(v: Token) -> Token | None:
    """The object of the causative verb `v` is the infinitive of, when it stands before `v`."""
    head = v.head
    if v.dep_ not in ("xcomp", "ccomp") or head.i > v.i or head.lemma_.lower() not in _CAUSATIVE:
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in v.children):
        return None
    return next((t for t in head.children if t.dep_ == "dobj" and t.i < v.i), None)


def _appositive_teller(c: VerbCall) -> None:
    """ "The DOJ is also looking into the trades, a source close to the investigation told Reuters": a
    cue with no subject after its complement, right after a teller phrase the parser hung on the
    complement's last noun as an apposition: the phrase is the teller (and no part of what it said);
    so is one the parser hung on an opening phrase ("In an interview with the host of Morning Show,
    Rana Odero said P")."""
    v, doc = c.verb, c.verb.doc
    before = any(t.dep_ == "ccomp" and t.i < v.i for t in v.children)
    opening = any(t.dep_ in ("prep", "advcl") and t.i < v.i for t in v.children)
    if c.subj is not None or not (before or opening):
        return
    t = v.i - 1
    while t > c.sent.start and doc[t].head == v and doc[t].dep_ in ("aux", "advmod", "neg"):
        t -= 1  # "a source also told"
    for tok in [doc[t], *doc[t].ancestors]:
        if tok.i >= v.i:
            return
        if tok.dep_ == "appos" and tok.right_edge.i == t and doc[tok.left_edge.i - 1].text == ",":
            if can_tell(tok, entities=True, documents=True):
                c.subj = tok
            return


_NOT_DESCRIPTOR = frozenset({
    "who", "whom", "whose", "which", "that", "when", "while", "after", "before", "because", "as", "if",
    "since", "where", "although", "though", "but",
})
_DESCRIPTOR_WORDS = 16


def _name_before_descriptors(c: VerbCall) -> None:
    """ "Vinay A Gaonkar, DCP (crime and traffic), Mangaluru, said P": a sentence that opens with a
    name (a person's or an organisation's, or capitalised words the entity model missed) followed
    by comma-separated descriptors (a title, a department in brackets, a place) and then the cue;
    the parser reads a title as a verb or the place as the subject, and the name is who speaks,
    with its descriptors. A descriptor has no verb, no clause word ("who", "which", "as"), no other
    person and no list ("Odero, a lawyer, and Kamau, a judge, said" is two tellers)."""
    v, doc, sent = c.verb, c.verb.doc, c.sent
    first = doc[sent.start]
    if first.ent_type_ in ("PERSON", "ORG") and first.ent_iob_ == "B":
        end = first.i + 1
        while end < v.i and doc[end].ent_iob_ == "I":
            end += 1
    elif not first.ent_type_ and first.pos_ == "PROPN" and first.is_title:
        end = first.i + 1  # a name the entity model missed ("Suresh B Naik")
        while end < v.i and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_:
            end += 1
    else:
        return
    t = v.i - 1
    while t > end and doc[t].head == v and doc[t].dep_ in ("aux", "advmod", "neg"):
        t -= 1  # "Name, title, also said"
    if doc[end].text != "," or doc[t].text != "," or t <= end + 1 or t - end > _DESCRIPTOR_WORDS:
        return
    if c.subj is not None and not end < c.subj.i < v.i:
        return  # the parser found a subject of its own outside the descriptors ("X, a judge, said")
    depth = 0
    for tok in doc[end + 1 : t]:
        depth += (tok.text == "(") - (tok.text == ")")
        if tok.tag_.startswith("VB") or tok.tag_ == "MD" or tok.lower_ in _NOT_DESCRIPTOR:
            return
        if depth == 0 and tok.lower_ in ("and", "or", "&"):
            return  # "Tesla, Ford and GM, analysts at Barclays, said": a list, not one name's descriptors
        if tok.ent_type_ == "PERSON" or any(q in tok.text for q in QUOTES) or tok.is_space:
            return
    c.subj = doc[end - 1]
    c.source_span = (first.idx, tok_end(doc[t - 1]))


def _conditional(c: VerbCall) -> None:
    """ "If anyone says the vote was rigged, let them prove it", "whoever claims that ...": speech
    that is only supposed is no attribution."""
    if c.subj is not None and c.subj.lower_ in _HYPOTHETICAL:
        c.rejected = True
        return
    tok = c.verb
    for _ in range(_CONDITION_DEPTH):
        if tok.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in tok.children
        ):
            c.rejected = True
            return
        if tok.head == tok:
            return
        tok = tok.head


def _inverted_teller(c: VerbCall) -> None:
    """ "The talks collapsed, reported the NL Times", "..., wrote the Guardian": a teller right after
    a cue that follows its content, whatever the parser made of it (an object, a conjunct)."""
    v = c.verb
    if v.i == 0 or v.doc[v.i - 1].text not in (",", *QUOTES, "’") or v.i <= c.sent.start + 1:
        return
    own = c.subj is not None and c.subj.head == v and c.subj.i < v.i and not _cut_off(c.subj, v)
    if own or (c.subj is not None and c.subj.i > v.i):
        return  # "..., the Courier reported" (its own subject), "..., said the Courier" (already right)
    teller = next((t for t in v.rights if t.dep_ in ("dobj", "attr", "npadvmod", "appos")), None)
    teller = teller or _phrase_after(v)
    if teller is None or not can_tell(teller, entities=True, documents=False):
        return
    if not _ends_clause(teller, c.sent):
        return
    c.subj = teller
    # "..., said the sources, who asked not to be named, Bloomberg reported": the parser hung the
    # teller in a clause of its own (the relay's), which is no part of what the teller said
    c.children = [t for t in c.children if not t.left_edge.i <= teller.i <= t.right_edge.i]
    if not c.children and v.dep_ == "conj" and v.head.i < v.i:
        c.children = [v.head]  # "The talks collapsed, reported X": the clause it is conjoined to


def _cut_off(subj: Token, v: Token) -> bool:
    """ "Talks over a settlement restarted, said the person": a subject the parser found before the
    cue, with a comma between its phrase and the cue, is the content's, misparsed."""
    return subj.right_edge.i < v.i - 1 and v.doc[v.i - 1].text == ","


def _phrase_after(v: Token) -> Token | None:
    """The head of the noun phrase right after `v` when the parser hung it elsewhere ("said the
    sources, ..., Bloomberg reported": "the sources" a subject of "reported")."""
    doc = v.doc
    if v.i + 1 >= len(doc):
        return None
    tok = doc[v.i + 1]
    while tok.dep_ in ("det", "amod", "compound", "nummod", "poss") and tok.head.i > tok.i:
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") and tok.i - v.i <= _TELLER_WORDS else None


def _said_in_document(c: VerbCall) -> None:
    """ "It is said in the letter that P", "In the letter, it is stated that P": the paper says P."""
    v = c.verb
    if c.subj is not None or not any(t.dep_ == "nsubjpass" and t.lower_ == "it" for t in v.children):
        return
    docs = lexicons().documents
    for prep in v.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
            if pobj is None or pobj.lemma_.lower() not in docs:
                continue
            if any(t.dep_ in ("acl", "ccomp") for t in pobj.children):
                return  # "in the report that P" misparsed: the noun cue "report that P" has it
            c.subj = pobj
            return


def _ends_clause(teller: Token, sent: SpacySpan) -> bool:
    """Nothing after the teller but punctuation, a time or a ", citing X" aside."""
    return _only_asides_after(teller.right_edge.i, sent)


def _only_asides_after(last: int, sent: SpacySpan) -> bool:
    """Nothing after token `last` in the sentence but punctuation, a time or a ", citing X" aside."""
    doc = sent.doc
    for t in doc[last + 1 : sent.end]:
        if t.is_punct or t.is_space:
            continue
        host = t
        while host.head != host and host.head.i > last:
            host = host.head
        if host.lemma_.lower() in ("cite", "quote") or host.ent_type_ in ("DATE", "TIME"):
            continue
        if host.pos_ == "VERB" and host.lemma_.lower() in _RELAYS and _only_asides_after(host.i, sent):
            continue  # "..., said the sources, Bloomberg reported": the relay around the report
        if (
            host.dep_ == "prep"
            and host.lower_ in ("on", "in")
            and any(c.ent_type_ in ("DATE", "TIME") for c in host.children)
        ):
            continue
        return False
    return True


def _recipient(c: VerbCall) -> None:
    """ "told the newspaper", "revealed to the newspaper", "briefed reporters" (an "rcpt" verb)."""
    for child in c.verb.children:
        if child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ == "to" and child.i > c.verb.i):
            pobj = next((t for t in child.children if t.dep_ == "pobj"), None)
            if pobj is not None:
                c.recipient = np_range(pobj)
            elif child.dep_ == "dative":
                c.recipient = np_range(child)
        if child.dep_ == "dobj" and "rcpt" in c.tags:
            c.recipient = np_range(child)


def _prep_content(c: VerbCall) -> None:
    """ "called for X", "spoke about X": the lexicon names the preposition ("+for") that opens the
    content; the preposition joins the cue."""
    if c.children or c.subj is None:
        return
    prep = next((t for t in c.verb.rights if t.dep_ == "prep" and "+" + t.lower_ in c.tags), None)
    pobj = next((t for t in prep.children if t.dep_ in ("pobj", "pcomp")), None) if prep else None
    if pobj is not None:
        c.children, c.prep = [pobj], prep


def _own_prep(c: VerbCall, tok: Token) -> bool:
    """The verb's content "of" ("accuse X of Y") wherever the parser hung it; "warned staff about the
    danger" is left to the verb rules (the parse may be right: "about" a subject, "the danger")."""
    return tok.dep_ == "prep" and tok.lower_ == "of" and "+of" in c.tags


def _prep_inside(c: VerbCall) -> None:
    """ "did not respond to requests for comment" ("~to"): the preposition opens the content and
    stays in it."""
    if c.children or c.subj is None:
        return
    inside = next((t for t in c.verb.rights if t.dep_ == "prep" and "~" + t.lower_ in c.tags), None)
    if inside is not None and inside.n_rights:
        c.children = [inside]


def _object_content(c: VerbCall) -> None:
    """ "denied the allegations" ("obj" verbs), "promised to act" (an xcomp): the object or the
    to-clause is the content; a "quote" verb takes neither ("continued to rise" is no report)."""
    if c.children or c.subj is None:
        return
    deps = ("xcomp", "dobj", "oprd") if "obj" in c.tags or _document_finds(c) else ("xcomp",)
    if "quote" in c.tags:
        deps = ()
    c.children = [t for t in c.verb.children if t.dep_ in deps]
    if not c.children and "quote" not in c.tags:
        # "has explained the situation as a “collective hysterical reaction”": an object with what
        # the teller calls it is what is said, as "described X as Y" is
        obj = next((t for t in c.verb.children if t.dep_ == "dobj"), None)
        after = obj.i if obj is not None else len(c.verb.doc)
        asides = [t for t in c.verb.rights if t.dep_ == "prep" and t.lower_ == "as" and t.n_rights]
        called = next((t for t in asides if t.i > after), None)
        if obj is not None and called is not None:
            c.children = [obj, called]
        elif obj is not None and "rcpt" in c.tags and any(_own_prep(c, k) for k in obj.children):
            # "accused the mayor of corruption" with "of" hung on the object: both are what is said,
            # and the accused is no recipient
            c.children, c.recipient = [obj], None


def _document_finds(c: VerbCall) -> bool:
    """ "A recent CNN survey found 90 percent support for X", "One 2009 paper found improvements in
    Y": what a poll, study or report finds is its object (not what a person finds)."""
    subj = c.subj
    if c.verb.lemma_.lower() != "find" or subj is None:
        return False
    return subj.lemma_.lower() in lexicons().documents


_PRO_FORMS = frozenset({"so", "no", "yes", "otherwise"})


def _pro_form(c: VerbCall) -> None:
    """ "half said so", "46 percent said yes", "Sanders said no to the war", "said otherwise", "26
    percent said the same": a word that stands for a whole answer is what was said (the parser calls
    it an adverb, an interjection or the subject)."""
    if c.children or c.subj is None or c.verb.lemma_.lower() != "say":
        return
    doc, i = c.verb.doc, c.verb.i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.head == c.verb and nxt.lower_ in _PRO_FORMS:
        c.children = [nxt]
    elif nxt is not None and nxt.lower_ == "the" and i + 2 < len(doc) and doc[i + 2].lower_ == "same":
        if doc[i + 2].head == c.verb:  # "26 percent said the same" (the parser's subject)
            c.children = [doc[i + 2]]


def _shifted_object(c: VerbCall) -> None:
    """ "dismissed as completely untrue the news broadcast by X": an object moved after what it is
    called, which the parser hung on the "as" phrase, is the verb's object."""
    if c.children or c.subj is None or "obj" not in c.tags or "quote" in c.tags:
        return
    for t in c.verb.rights:
        if t.dep_ in ("advcl", "prep", "oprd", "acomp") and t.left_edge.lower_ == "as":
            obj = next((o for o in t.children if o.dep_ == "dobj" and o.i > t.i), None)
            if obj is not None:
                c.children = [obj]
                return


def _passive_endorsed(c: VerbCall) -> None:
    """ "Trump is supported by far fewer publications": the passive subject is what is endorsed."""
    v = c.verb
    agent = next((t for t in v.children if t.dep_ == "agent"), None)
    passive = next((t for t in v.children if t.dep_ == "nsubjpass"), None)
    if (
        not c.children
        and "obj" in c.tags
        and agent is not None
        and passive is not None
        and c.subj is not None
    ):
        c.children, c.prep = [passive], agent
        lex = lexicons()
        if v.lemma_.lower() in lex.denials:
            # "It was dismissed by the Premier as “an early draft”": what the denier calls it is said
            # too (not "as baseless": calling it untrue is the denial itself)
            c.children += [
                t
                for t in v.rights
                if t.dep_ == "prep"
                and t.lower_ == "as"
                and t.n_rights
                and not (lex.rebuttals is not None and lex.rebuttals.search(c.text, *subtree(t)))
            ]


def _content_ranges(c: VerbCall) -> None:
    c.ranges = [subtree(t) for t in c.children]


def _bare_pronoun(c: VerbCall) -> None:
    """ "they have defended them": a bare pronoun states nothing — unless it is denied ("Suga
    denied this": the denial of what was just said)."""
    if len(c.children) == 1 and c.children[0].pos_ == "PRON" and c.children[0].n_rights == 0:
        if c.verb.lemma_.lower() in lexicons().denials and c.children[0].lower_ in _DENIED_PRONOUNS:
            return
        relative = c.children[0].tag_ in ("WDT", "WP")
        if (not relative or c.verb.lemma_.lower() in _NAMING) and any(_calls_it(k) for k in c.verb.children):
            return  # "see him as the stronger candidate", "Florida, which he describes as his second home"
        c.rejected = True


# naming verbs: "what they described as P" is a gold cue 6 times in 9 on train folds 1-9, "what he sees
# as P" none in 9 (PolNeAR reads a view in a relative clause as the writer's)
_NAMING = frozenset({"describe", "call", "label", "dub", "term", "characterize", "characterise"})


def _calls_it(tok: Token) -> bool:
    """What an object is called: "(describes it) as his second home", "(called it) a disgrace"."""
    return (tok.dep_ == "prep" and tok.lower_ == "as") or tok.dep_ == "oprd"


def _anonymity_request(c: VerbCall) -> None:
    """ "said the people, who asked not to be identified", "asking not to be named", "requested
    anonymity", "declined to be identified": a source asking to stay unnamed says nothing about the
    story (and the request is no claim of whoever the parser made its subject)."""
    starts = [r[0] for r in c.ranges] + [t.left_edge.idx for t in c.children]
    if any(_ANONYMITY.match(c.text, s) for s in starts):
        c.rejected = True
        return
    # "asking not to be identified discussing private information", "who asked not to be named
    # because they were not authorised to speak": a cue inside the request (or its reason) is part
    # of it; not one conjoined to it ("asked not to be named and said P")
    tok = c.verb
    for _ in range(_CONDITION_DEPTH + 1):
        asks = [tok, *(k for k in tok.children if k.dep_ in ("xcomp", "ccomp") and k.i > tok.i)]
        if any(k.dep_ in ("xcomp", "ccomp") and _ANONYMITY.match(c.text, k.left_edge.idx) for k in asks):
            c.rejected = True
            return
        if tok.dep_ == "conj" or tok.head == tok:
            return
        tok = tok.head


def _relative_denial(c: VerbCall) -> Token | None:
    """The antecedent of a denial's relative pronoun object: "the report, which X rejected"."""
    v = c.verb
    if v.dep_ != "relcl" or v.lemma_.lower() not in lexicons().denials or len(c.children) != 1:
        return None
    obj = c.children[0]
    if obj.dep_ != "dobj" or obj.lower_ not in ("which", "that") or obj.i > v.i:
        return None
    return v.head


def _relative_object(c: VerbCall) -> None:
    """ "queries about the report, which the minister rejected as “untruthful”": a denial's relative
    pronoun stands for its antecedent, which is what is denied; what the denier calls it ("as
    untruthful") is said too."""
    head = _relative_denial(c)
    if head is None:
        return
    start = head.left_edge.idx
    end = max([tok_end(t.right_edge) for t in head.lefts] + [tok_end(head)])
    for t in head.rights:
        if t.dep_ in ("prep", "acl", "amod", "compound") and t.i < c.verb.i:
            end = max(end, tok_end(t.right_edge))  # "initiatives contained in the report"
    rest = [t for t in c.verb.rights if t.dep_ == "prep" and t.lower_ == "as"]
    c.children, c.relative = [head], True
    c.ranges = [(start, end)] + [subtree(t) for t in rest]


def _addressee_in_content(c: VerbCall) -> None:
    """ "urged Trump to stop": the addressee is part of what is urged."""
    if c.children and c.children[0].dep_ == "xcomp" and "rcpt" in c.tags:
        first = c.children[0]
        dobj = next((t for t in c.verb.children if t.dep_ == "dobj" and t.i < first.i), None)
        if dobj is not None:
            c.ranges = [(dobj.left_edge.idx, c.ranges[0][1])] + c.ranges[1:]


def _object_tail(c: VerbCall) -> None:
    """ "described Clinton as a politician", "slammed Kaine for his work": the object and what
    completes it, up to the end of the verb's clause (not "during the debate")."""
    if not c.children or c.children[0].dep_ not in _OBJECT_DEPS or c.relative:
        return
    first = c.children[0].i
    after = c.prep.i if c.prep is not None else -1
    tail = [
        t
        for t in c.verb.rights
        if t.i > first
        and t.i > after
        and t.dep_ not in _NOT_TAIL
        and not (t.dep_ == "prep" and t.lower_ in _ADVERBIAL_PREPS and not _from_a_document(t))
    ]
    if tail:
        c.ranges = [(c.ranges[0][0], max(tok_end(t.right_edge) for t in tail))] + c.ranges[1:]


def _from_a_document(prep: Token) -> bool:
    """ "quoted an excerpt from a transcript", "cited figures from the report": where the quoted
    words come from is part of what is quoted, not when or where the telling happened."""
    if prep.lower_ != "from":
        return False
    pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
    return pobj is not None and pobj.lemma_.lower() in lexicons().documents


# --------------------------------------------------------------------------- fallbacks


def _misparsed_that(c: VerbCall) -> None:
    """ "revealed (to X) that ...": a misparsed complement still starts at "that"."""
    v = c.verb
    if c.subj is None:
        return
    that = next((t for t in v.subtree if t.i > v.i and t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is not None and not any(t.dep_ in ("ccomp", "advcl") for t in v.doc[v.i + 1 : that.i]):
        c.ranges = [(that.idx, tok_end(v.right_edge))]


def _parenthetical(c: VerbCall) -> None:
    """ "Taxes, he said, would rise": the content is the sentence around the cue."""
    if c.verb.dep_ == "parataxis":
        c.ranges = minus((c.sent.start_char, c.sent.end_char), [subtree(c.verb)])


def _quote_after_cue(c: VerbCall) -> None:
    """'Trump said, “When ...' — the quotation right after the cue, however long."""
    if c.regions is None:
        return
    doc, after = c.verb.doc, c.verb.i + 1
    while after < len(doc) and (doc[after].text in (",", ":") or doc[after].is_space):
        after += 1
    if after < len(doc):
        q = region_at(c.regions, doc[after].idx)
        if q is not None and q[0] == doc[after].idx:
            c.ranges = [q]


def _quote_before_cue(c: VerbCall) -> None:
    """'“... Probably not,” Ms. Moore said.' — a quotation ending right before the source or cue,
    wherever the sentence splitter cut it."""
    if c.regions is None or c.subj is None:
        return
    lead = min(c.verb.idx, c.subj.left_edge.idx)
    i = bisect_right(c.regions, (lead, lead)) - 1
    while i >= 0 and c.regions[i][1] > lead:
        i -= 1
    before = c.regions[i] if i >= 0 else None
    if (
        before is not None
        and not WORD.search(c.text, before[1], lead)
        and "\n" not in c.text[before[1] : lead]
    ):
        c.ranges = [before]


def _as_clause(c: VerbCall) -> None:
    """ "It does not say whether he had a gun, as police have said": the clause it glosses."""
    v = c.verb
    if v.dep_ == "advcl" and any(t.dep_ == "mark" and t.lower_ == "as" for t in v.children):
        c.ranges = minus(subtree(v.head), [subtree(v)])


def _words_before_comma(c: VerbCall) -> None:
    """ "People like Scott, he said." — the parser found no complement: the words before ", X said"."""
    v, subj, sent = c.verb, c.subj, c.sent
    if subj is None or subj.i >= v.i or v.dep_ != "ROOT":
        return
    comma = subj.left_edge.i - 1
    if (
        comma > sent.start
        and v.doc[comma].text == ","
        and all(t.is_punct or t.is_space for t in v.doc[v.i + 1 : sent.end])
    ):
        c.ranges = [(sent.start_char, v.doc[comma].idx)]


def _inverted_content(c: VerbCall) -> None:
    """ "Later, talks restarted, said the person, who asked not to be identified": a cue after a comma
    with its teller after it, whose content the parser made an adverbial clause of the cue (an
    opening adverb before it): the words before the comma."""
    v, subj, sent = c.verb, c.subj, c.sent
    if subj is None or subj.i < v.i or v.i <= sent.start + 1 or v.doc[v.i - 1].text != ",":
        return
    if not _ends_clause(subj, sent):
        return
    before = [t for t in v.children if t.i < v.i and t.dep_ in ("advcl", "parataxis", "nsubj", "ccomp")]
    if before and all(t.right_edge.i < v.i - 1 for t in before):
        c.ranges = [(sent.start_char, v.doc[v.i - 1].idx)]


def _appos_before(tok: Token) -> bool:
    return tok.dep_ == "appos" and tok.head.i < tok.i


def _inverted_report(c: VerbCall) -> None:
    """ "Cargo volumes fell, the Lisbon Post reported on Sunday, citing two officials": a cue right
    after a teller phrase that opens at a comma, with only a time or an aside after it, reports
    the words before the comma, whatever the parser made of the phrase (an adverbial clause of the
    content's verb, a clause on the teller, "technology news website Re/code" in pieces)."""
    v, sent, doc = c.verb, c.sent, c.verb.doc
    t = v.i - 1
    while t > sent.start and doc[t].head == v and doc[t].dep_ in ("aux", "advmod", "neg"):
        t -= 1  # "the Post also reported", "the Post has reported"
    last = t
    # "..., the Saudi Press Agency, SPA, reported": the name its acronym follows
    while t - 1 > sent.start and doc[t].text == "," and _appos_before(doc[t - 1]):
        t = doc[t - 1].head.i
    if doc[last].text == ",":
        last -= 1
    teller = doc[t]
    if t <= sent.start or teller.pos_ not in ("PROPN", "NOUN"):
        return
    named = teller.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
    if not (named or can_tell(teller, entities=True, documents=False)):
        return
    comma = t
    while comma > sent.start and doc[comma].text != "," and doc[comma].pos_ in _TELLER_POS:
        comma -= 1
    if comma <= sent.start or doc[comma].text != ",":
        return
    if any(x.dep_ == "ccomp" and x.i > v.i for x in v.children):
        return  # its complement follows: not inverted
    if _only_asides_after(v.i, sent):
        c.subj = teller
        c.source_span = (doc[comma + 1].idx, tok_end(doc[max(last, t)]))
        c.ranges = [(sent.start_char, doc[comma].idx)]


def _quoted_in_sentence(c: VerbCall) -> None:
    """The quoted stretches of the cue's sentence, outside the cue's own clause."""
    if "quote" not in c.tags and any(ch in c.sent.text for ch in QUOTES):
        c.ranges = quoted(c.sent, subtree(c.verb), c.text)


def _colon_after_cue(c: VerbCall) -> None:
    """ "He said: ..." — the rest of the sentence after the colon."""
    v = c.verb
    if v.i + 1 < c.sent.end and v.doc[v.i + 1].text == ":":
        c.ranges = [(v.doc[v.i + 1].idx + 1, c.sent.end_char)]


def _previous_quote(c: VerbCall) -> None:
    """'“...” He said.' split by the sentencizer: the quote is the previous sentence."""
    c.ranges = previous_quote(c.verb, c.subj)


# --------------------------------------------------------------------------- cue and source


def _cue(c: VerbCall) -> None:
    c.cue = cue_range(c.verb, c.prep)


def _xcomp_cue(c: VerbCall) -> None:
    """ "tries to draw", "appeared to suggest", "could not resist pointing out": one cue."""
    v = c.verb
    if v.dep_ == "xcomp" and v.head.pos_ in ("VERB", "AUX") and v.head.i < v.i and _controller(v) is None:
        c.cue = (cue_range(v.head)[0], c.cue[1])


def _sent_document(c: VerbCall) -> None:
    """ "sent a letter to the board urging ...": the sender speaks through the letter, and
    "sent a letter ... urging" is one cue."""
    v, carrier = c.verb, c.verb.head
    if (
        v.dep_ == "acl"
        and v.tag_ == "VBG"
        and carrier.pos_ == "NOUN"
        and carrier.dep_ == "dobj"
        and carrier.head.pos_ == "VERB"
        and carrier.head.i < carrier.i
        and carrier.lemma_.lower() not in lexicons().anonymous
    ):
        author = _paper_author(carrier)
        if author is not None:
            # "The Sun reported a statement from Berjo saying P": Berjo's words, which the Sun relays
            c.subj = author
            return
        teller = next((t for t in carrier.head.children if t.dep_ == "nsubj"), None)
        if teller is not None and teller.i < carrier.head.i:
            c.cue = (cue_range(carrier.head)[0], c.cue[1])
            c.subj = teller
        return
    sender = _sent_to(v)
    if sender is not None:
        teller = next((t for t in sender.children if t.dep_ == "nsubj"), None)
        if teller is not None and teller.i < sender.i:
            c.subj = teller  # the cue stays the participle (PolNeAR marks "explaining")


def _paper_author(paper: Token) -> Token | None:
    """Who a paper is from: "a statement from Berjo", "a letter by the board", "Berjo's statement"
    (not a place: "a letter from Lisbon")."""
    for t in paper.children:
        if t.dep_ == "poss" and t.i < paper.i:
            return t
        if t.dep_ == "prep" and t.lower_ in ("from", "by") and t.i > paper.i:
            who = next((o for o in t.children if o.dep_ == "pobj"), None)
            if who is not None and _can_author(who):
                return who
    return None


def _can_author(who: Token) -> bool:
    """A name or a noun for people or a body ("from Berjo", "from his lawyer", "by the ministry"),
    not a place ("from Lisbon") nor a thing ("from prison", "by hand"); a company the model calls
    GPE ("from Berjaya") is a name, not a place GeoNames knows."""
    if who.ent_type_ == "GPE":
        return not is_place_name(_entity_text(who))
    if who.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if who.ent_type_ or who.pos_ not in ("PROPN", "NOUN"):
        return False
    lemma = who.lemma_.lower()
    return who.pos_ == "PROPN" or lemma in person_nouns() or lemma in body_words()


def _entity_text(tok: Token) -> str:
    """The words of the entity `tok` is in ("New York" for "York"), else its own."""
    return next((e.text for e in tok.doc.ents if e.start <= tok.i < e.end), tok.text)


_SENDING = frozenset({"send", "write", "address", "email", "e-mail", "circulate", "forward", "issue"})


def _sent_to(v: Token) -> Token | None:
    """ "X sent a memo to employees explaining P": a participle the parser hung on the addressees of
    a sent paper is the sender's (through the paper), not the addressees' words."""
    if v.dep_ != "acl" or v.tag_ != "VBG" or v.head.dep_ != "pobj":
        return None
    to = v.head.head
    sender = to.head
    if to.lower_ != "to" or to.dep_ not in ("dative", "prep") or sender.lemma_.lower() not in _SENDING:
        return None
    return sender if any(t.dep_ == "dobj" for t in sender.children) else None


def _source(c: VerbCall) -> None:
    c.source = c.source_span or (source_range(c.subj, c.verb) if c.subj is not None else None)


OCCASIONS = frozenset({
    "statement", "interview", "explanation", "speech", "briefing", "letter", "post", "tweet", "comment",
    "remark", "conference", "address", "testimony", "hearing", "message", "editorial", "op-ed",
})


def _occasion_off_source(c: VerbCall) -> None:
    """ "The director general of the ports department in an explanation of the incident highlighted
    P", "The ministry in a statement said P": where the teller spoke is the occasion, no part of who."""
    subj = c.subj
    if c.source is None or subj is None or subj.i > c.verb.i:
        return
    for prep in subj.rights:
        pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at") or pobj is None:
            continue
        if pobj.lemma_.lower() in OCCASIONS and tok_end(prep.right_edge) >= c.source[1] > prep.idx:
            _end_source_before(c, subj, prep)
            return


def _end_source_before(c: VerbCall, subj: Token, tok: Token) -> None:
    """Cut the source at `tok` (a modifier of `subj` after it), and the punctuation before it."""
    end = c.verb.doc[tok.i - 1]
    while end.i > subj.i and (end.is_punct or end.is_space):
        end = end.nbor(-1)
    if end.i >= subj.i:
        c.source = (c.source[0], tok_end(end))


_WHEN_WORDS = frozenset({"here", "there", "yesterday", "today", "tonight", "earlier", "later", "recently"})
_WHEN_PREPS = frozenset({"on", "at", "in", "during"})


def _time_off_source(c: VerbCall) -> None:
    """ "The minister on Monday said P", "Police here on Sunday said P": when and where the telling
    happened, hung on the subject, is no part of who told ("The minister", "Police")."""
    subj = c.subj
    if c.source is None or subj is None or subj.i > c.verb.i or c.source_span is not None:
        return
    for tok in subj.rights:
        if tok.i > c.verb.i or tok.idx >= c.source[1]:
            return
        pobj = next((t for t in tok.children if t.dep_ == "pobj"), None) if tok.dep_ == "prep" else None
        when = pobj is not None and pobj.ent_type_ in ("DATE", "TIME") and tok.lower_ in _WHEN_PREPS
        when = when or (tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME"))
        when = when or (tok.dep_ == "advmod" and tok.lower_ in _WHEN_WORDS)
        if when:
            _end_source_before(c, subj, tok)
            return


def _all_before_cue(c: VerbCall) -> None:
    """ "X ..., but Y, the source added.": everything before the cue is what was said."""
    v, subj, sent = c.verb, c.subj, c.sent
    if not (c.ranges and c.children and all(t.i < v.i for t in c.children) and subj is not None):
        return
    if c.relative:
        return  # "the plan, which the minister rejected": the antecedent, not the sentence before it
    rest = [t for t in v.doc[v.i + 1 : sent.end] if not t.is_punct and not t.is_space]
    if all(
        t.head == v and t.dep_ in ("npadvmod", "advmod", "prep", "pobj") or t.head.head == v for t in rest
    ):
        c.ranges = [(sent.start_char, min(subj.left_edge.idx, v.idx))]


# --------------------------------------------------------------------------- the content's edges


def _paragraph(c: VerbCall) -> None:
    """A content stays inside the cue's paragraph (the parser sometimes runs over a line break)."""
    c.ranges = [clip_paragraph(c.text, r, c.verb.idx) for r in c.ranges]


def _drop_empty(c: VerbCall) -> None:
    c.ranges = [r for r in c.ranges if r[1] > r[0]]


def _that_keeps_tail(c: VerbCall) -> None:
    """ "reported that X, which was reached in August": a "that" clause keeps its tail."""
    c.keep_tail = c.has_that_clause()


def _trailing_gloss(c: VerbCall) -> None:
    """A trailing ", which ..." / ", who ..." / ", implicitly putting ..." is the writer's gloss."""
    if not c.keep_tail:
        c.ranges = [cut_trailing(c.verb.doc, r, reported=r[1] <= c.verb.idx) for r in c.ranges]


def _two_subjects(c: VerbCall) -> None:
    """ "the governments that ... and President X have denied": a misparse split one noun phrase
    into two subjects; the source runs from the first to the one nearest the verb."""
    v, subj = c.verb, c.subj
    if subj is None or subj.head != v or c.source is None:
        return
    first = min((t for t in v.lefts if t.dep_ == "nsubj"), key=lambda t: t.i, default=subj)
    between = c.text[tok_end(first.right_edge) : subj.left_edge.idx]
    if not any(ch in between for ch in ",;:" + QUOTES):
        c.source = (min(c.source[0], first.left_edge.idx), c.source[1])


def _holes(c: VerbCall) -> None:
    """Never let the content swallow the cue or the source (inverted quotes, odd parses)."""
    holes = [c.cue] + ([c.source] if c.source else [])
    pieces = [p for r in c.ranges for p in minus(r, [h for h in holes if r[0] < h[1] and h[0] < r[1]])]
    c.ranges = parts(c.text, pieces)


def _free_relative_told(c: VerbCall) -> None:
    """ "The army fired what officials said was a new missile": a verb that reports nothing ("fired")
    whose clause is "what X said ...", a free relative naming a thing, tells nothing; X tells it."""
    if c.verb.lemma_.lower() in lexicons().verbs or not c.children:
        return
    told = [k for k in c.children if k.dep_ == "ccomp" and k.lemma_.lower() in lexicons().verbs]
    what = all(k.left_edge.tag_ == "WP" and k.left_edge.lower_ == "what" for k in told)
    if told and len(told) == len(c.children) and what:
        c.rejected = True


def _opening_conjunction(c: VerbCall) -> None:
    """ "But taxes will rise, he said.": "But" (or a dateline left on the sentence) is not said."""
    c.ranges = drop_opening_conjunction(c.text, c.ranges)


VERB_RULES: tuple[Rule, ...] = (
    Rule("complements", "", _complements, core=True),
    Rule("free_relative_told", _free_relative_told.__doc__, _free_relative_told),
    Rule("reduced_relative", _reduced_relative.__doc__, _reduced_relative),
    Rule("that_advcl", _that_advcl.__doc__, _that_advcl),
    Rule("condition_before_that", _condition_before_that.__doc__, _condition_before_that),
    Rule("subject", "", _find_subject, core=True),
    Rule("raised_subject", _raised_subject.__doc__, _raised_subject),
    Rule("control_object", _control_object.__doc__, _control_object),
    Rule("participle_after_quote", _participle_after_quote.__doc__, _participle_after_quote),
    Rule("apposition_before_cue", _apposition_before_cue.__doc__, _apposition_before_cue),
    Rule("acronym_subject", _acronym_subject.__doc__, _acronym_subject),
    Rule("opening_word_subject", _opening_word_subject.__doc__, _opening_word_subject),
    Rule("appositive_teller", _appositive_teller.__doc__, _appositive_teller),
    Rule("name_before_descriptors", _name_before_descriptors.__doc__, _name_before_descriptors),
    Rule("conditional", _conditional.__doc__, _conditional),
    Rule("inverted_teller", _inverted_teller.__doc__, _inverted_teller),
    Rule("said_in_document", _said_in_document.__doc__, _said_in_document),
    Rule("recipient", _recipient.__doc__, _recipient),
    Rule("prep_content", _prep_content.__doc__, _prep_content),
    Rule("prep_inside", _prep_inside.__doc__, _prep_inside),
    Rule("object_content", _object_content.__doc__, _object_content),
    Rule("pro_form", _pro_form.__doc__, _pro_form),
    Rule("shifted_object", _shifted_object.__doc__, _shifted_object),
    Rule("passive_endorsed", _passive_endorsed.__doc__, _passive_endorsed),
    Rule("content_ranges", "", _content_ranges, core=True),
    Rule("relative_object", _relative_object.__doc__, _relative_object),
    Rule("bare_pronoun", _bare_pronoun.__doc__, _bare_pronoun),
    Rule("anonymity_request", _anonymity_request.__doc__, _anonymity_request),
    Rule("addressee_in_content", _addressee_in_content.__doc__, _addressee_in_content),
    Rule("object_tail", _object_tail.__doc__, _object_tail),
    Rule("misparsed_that", _misparsed_that.__doc__, _misparsed_that, fallback=True),
    Rule("parenthetical", _parenthetical.__doc__, _parenthetical, fallback=True),
    Rule("quote_after_cue", _quote_after_cue.__doc__, _quote_after_cue, fallback=True),
    Rule("quote_before_cue", _quote_before_cue.__doc__, _quote_before_cue, fallback=True),
    Rule("as_clause", _as_clause.__doc__, _as_clause, fallback=True),
    Rule("words_before_comma", _words_before_comma.__doc__, _words_before_comma, fallback=True),
    Rule("inverted_content", _inverted_content.__doc__, _inverted_content, fallback=True),
    Rule("inverted_report", _inverted_report.__doc__, _inverted_report, fallback=True),
    Rule("quoted_in_sentence", _quoted_in_sentence.__doc__, _quoted_in_sentence, fallback=True),
    Rule("colon_after_cue", _colon_after_cue.__doc__, _colon_after_cue, fallback=True),
    Rule("previous_quote", _previous_quote.__doc__, _previous_quote, fallback=True),
    Rule("cue", "", _cue, core=True),
    Rule("xcomp_cue", _xcomp_cue.__doc__, _xcomp_cue),
    Rule("sent_document", _sent_document.__doc__, _sent_document),
    Rule("source", "", _source, core=True),
    Rule("occasion_off_source", _occasion_off_source.__doc__, _occasion_off_source),
    Rule("time_off_source", _time_off_source.__doc__, _time_off_source),
    Rule("all_before_cue", _all_before_cue.__doc__, _all_before_cue),
    Rule("paragraph", _paragraph.__doc__, _paragraph),
    Rule("that_keeps_tail", _that_keeps_tail.__doc__, _that_keeps_tail),
    Rule("drop_empty", "", _drop_empty, core=True),
    Rule("trailing_gloss", _trailing_gloss.__doc__, _trailing_gloss),
    Rule("two_subjects", _two_subjects.__doc__, _two_subjects),
    Rule("holes", "", _holes, core=True),
    Rule("opening_conjunction", _opening_conjunction.__doc__, _opening_conjunction),
)


def verb_find(
    verb: Token,
    tags: frozenset[str],
    text: str,
    regions: list[Range] | None = None,
    off: frozenset[str] = frozenset(),
) -> Found | None:
    """Source, cue and content of the reporting verb `verb`, or None when it reports nothing."""
    c = VerbCall(verb=verb, tags=tags, text=text, regions=regions, sent=sentence(verb))
    for rule in VERB_RULES:
        if rule.name in off or (rule.fallback and c.ranges):
            continue
        rule.apply(c)
        if c.rejected:
            return None
    if not c.ranges or ("src" in tags and c.source is None):
        return None
    return Found(
        cue=c.cue,
        content=c.ranges,
        source=c.source,
        head=c.subj,
        lemma=verb.lemma_.lower(),
        recipient=c.recipient,
        negated=any(t.dep_ == "neg" for t in verb.children),
        hedge_tokens=[t for t in verb.children if t.dep_ == "advmod"],
        sent_end=c.sent.end_char,
        verb=verb,
    )


NOUN_READ_RULE = Rule(
    "noun_read_cue",
    '"The brewer is in talks to sell its cider arm, just-food understands.": a reporting verb\'s -s form '
    "closing its sentence after \", TELLER\" that the tagger read as a plural noun is the cue; the teller "
    "phrase its source, the words before the comma its content",
)


def noun_read_finds(doc: Doc, text: str, finds: list[Found]) -> list[Found]:
    """The attributions `noun_read_cue` finds: one per sentence whose last word is a reporting verb
    read as a noun ("..., the Lisbon Post understands."), unless a cue there was already found."""
    cues = {f.cue[0] for f in finds}
    out = []
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        last = words[-1] if len(words) >= 4 else None
        if last is None or last.tag_ != "NNS" or last.idx in cues:
            continue
        lemma = last.lower_[:-1] if last.lower_.endswith("s") else ""
        teller = _teller_before(last, sent) if lemma in lexicons().verbs else None
        if teller is None:
            continue
        comma, head = teller
        content = parts(text, [(sent.start_char, doc[comma].idx)])
        if content:
            source = (doc[comma + 1].idx, tok_end(head))
            out.append(Found(cue=(last.idx, tok_end(last)), content=content, source=source, head=head,
                             lemma=lemma, sent_end=sent.end_char))
    return out


def _teller_before(last: Token, sent: SpacySpan) -> tuple[int, Token] | None:
    """(the comma, the head) of a teller phrase between a comma and `last`: words of a name or a noun
    phrase, one of them a name, an entity, a hyphenated word ("just-food") or a teller noun."""
    doc, i = last.doc, last.i - 1
    while i > sent.start and doc[i].text != "," and last.i - i <= _TELLER_WORDS:
        tok = doc[i]
        joined = tok.whitespace_ == "" and doc[i + 1].text == "-"
        if tok.pos_ not in _TELLER_POS and not joined:
            return None
        i -= 1
    if i <= sent.start or doc[i].text != "," or i + 1 >= last.i:
        return None
    phrase = doc[i + 1 : last.i]
    head = phrase[-1]
    if head.is_punct:
        return None
    hyphen = any(t.text == "-" and t.whitespace_ == "" for t in phrase)  # "just-food"
    named = hyphen or any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "NORP") for t in phrase)
    return (i, head) if named or can_tell(head, entities=True, documents=True) else None
