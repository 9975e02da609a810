"""Two-hop cues: one sentence, two tellers.

* "X, citing/quoting Y, said P" — Y told X: the chain is X › Y › P, and Y is no content of X's;
* "Y was quoted (by X) as saying P", "X quoted Y as saying P" — X › Y › P.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from sourcetrace.actors import is_outlet_name, title_words
from sourcetrace.attributions.base import (
    WORD,
    Found,
    Range,
    Rule,
    doc_text,
    minus,
    np_range,
    parts,
    sentence,
    subtree,
    tok_end,
)
from sourcetrace.attributions.clauses import cue_range
from sourcetrace.attributions.lexicons import can_tell, lexicons
from sourcetrace.attributions.sources import antecedent, elliptical_antecedent, noun_before
from sourcetrace.nlp import entity_kind_and_id

TWO_HOP_RULES = (
    Rule("citing_source", '"X, citing Y, said P": Y is X\'s source for P (X › Y › P), not what X said'),
    Rule(
        "quoted_as_saying",
        '"Y was quoted by X as saying P", "X quoted Y as saying P", "P, Y was quoted as saying by X", '
        '"Y was quoted by X, saying P", "Y was quoted as supporting P": X › Y › P',
    ),
    Rule(
        "seen_by",
        '"according to a memo seen by X, P", "a letter obtained by X says P", "an email published by '
        'VICE News": X › the memo › P',
    ),
    Rule(
        "trailing_quoted",
        '"Porter said P, news agency ANI quoted media outlet CNN": ANI › CNN › Porter › P (the whole '
        "report before the comma is what X quoted Y as saying)",
    ),
    Rule(
        "as_reported_by",
        '"“P,” the mayor added, as quoted by state media": state media › the mayor › P; "The port will '
        'close, as reported by the Courier": the Courier\'s P (never the clause\'s subject as a teller)',
    ),
    Rule(
        "report_quoting",
        '"He was commenting on a report quoting Karim Osei, who claimed that P": the report relays what '
        "the person it quotes says in the sentence (report › Osei › P)",
    ),
    Rule(
        "cited_afterwards",
        '"Kyodo reported P. Kyodo citing government sources for its information.": a sentence that only '
        "says whom a teller cited sources the report just before (Kyodo › sources › P), no claim",
    ),
    Rule(
        "contained_teller",
        '"The leaked files include letters from judges saying P", "The leak contains talks with an '
        'adviser, who said P": a teller inside what a document holds speaks through it (files › judges '
        '› P); "The complaint contained a note urging P": the participle is the note\'s (complaint › note)',
    ),
    Rule(
        "according_outer",
        '"The minister said P, according to the Courier", "The outline, according to the report, says '
        'P": the Courier tells what the minister said (Courier › minister › P), not the reverse',
    ),
)
_SEEING = {"see", "obtain", "review", "view", "read", "examine", "access", "acquire", "sight"}
# "a memo published by VICE News": an outlet that publishes a paper passes it on (not when X
# publishes its own report: then X is the paper's owner)
_PUBLISHING = {"publish", "print", "carry", "air", "broadcast", "post", "leak"}
_CITING = {"cite", "quote"}
_KNOWING = {"privy", "familiar", "close", "aware", "knowledgeable", "briefed"}  # "sources privy to"
_QUOTING_HOSTS = {"quote", "cite", "report"}  # "the portal reported him as saying"
_REPORTS = {"report", "story", "article"}
_COMPLEMENTS = ("dobj", "ccomp", "xcomp")
_SAYING = {"say", "tell", "add", "state"}  # "quoted as saying P": a cue of its own


_AS_BY = {"quote", "report", "cite", "publish", "carry", "broadcast", "air"}


def as_reported_by(doc: Doc, finds: list[Found], text: str) -> list[Found]:
    """ "“P,” the mayor added, as quoted by state media": state media tells what the mayor said, so
    it is the outer teller (state media › the mayor › P); with no report around it ("The port will
    close, as reported by the Courier") the Courier tells the clause. The passive participle is
    never a cue of its own with the clause's subject as its teller."""
    added: list[Found] = []
    for v in doc:
        if v.lemma_.lower() not in _AS_BY or v.tag_ != "VBN" or v.dep_ != "advcl":
            continue
        mark = next((m for m in v.children if m.dep_ == "mark" and m.lower_ == "as" and m.i < v.i), None)
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if mark is None or pobj is None or not _teller(pobj):
            continue
        sent = sentence(v)
        first = doc[v.left_edge.i]
        comma = first.i > sent.start and doc[first.i - 1].text == ","
        hole = (doc[first.i - 1].idx if comma else first.idx, tok_end(v.right_edge))
        finds = [f for f in finds if f.verb is None or f.verb.i != v.i]
        host = _reporting_ancestor(v, finds)
        cue = (mark.idx, tok_end(agent))
        if host is None:
            content = parts(text, minus(subtree(v.head), [hole]))
            if content and v.head.i < v.i:
                added.append(Found(cue=cue, content=content, source=np_range(pobj), head=pobj, lemma="report",
                                   sent_end=sent.end_char))
            continue
        host.content = parts(text, [p for r in host.content for p in minus(r, [hole])]) or host.content
        outer = Found(cue=cue, content=list(host.content), source=np_range(pobj), head=pobj, lemma="quote",
                      parent=host.parent, sent_end=host.sent_end)
        host.parent = outer
        added.append(outer)
    return finds + added


def _reporting_ancestor(v: Token, finds: list[Found]) -> Found | None:
    """The find of the nearest verb above `v` that is a cue ("added", "said")."""
    by_verb = {f.verb.i: f for f in finds if f.verb is not None}
    up = v.head
    while up.i not in by_verb and up.head != up:
        up = up.head
    return by_verb.get(up.i)


def citing_sources(doc: Doc, finds: list[Found], text: str) -> list[Found]:
    """ "The agency, citing two diplomats, said the talks collapsed": "citing two diplomats" is a
    source under the agency's attribution, with the agency's content."""
    by_verb = {f.verb.i: f for f in finds if f.verb is not None}
    by_source = {f.head.i: f for f in finds if f.head is not None and f.verb is not None}
    # "a Bloomberg report, citing unnamed sources, that said P": the report is the host
    by_antecedent = {antecedent(f.head).i: f for f in finds if f.head is not None and f.verb is not None}
    added = []
    for v in doc:
        if _misparsed_opening(v):
            pass  # "Quoting sources, the report said": "Quoting" tagged as part of a name
        elif v.lemma_.lower() not in _CITING or v.tag_ not in ("VBG", "VBD", "VBZ"):
            continue
        elif v.tag_ == "VBG" and v.dep_ not in ("advcl", "acl", "amod") and not _progressive(v):
            if not _subject_clause_aside(v, by_verb):
                continue
        obj = _cited(v)
        if _cited_who_said(v, obj, by_verb):
            continue
        if (v.tag_ != "VBG" or _progressive(v)) and not _misparsed_opening(v):
            # "the Times, which quoted sources and said P", "The official was citing an assessment
            # and said P": the conjoined "said" is the host
            said = next((c for c in v.children if c.dep_ == "conj" and c.i in by_verb), None)
            if said is None or obj is None or not _teller(obj):
                continue
            _cite_under(by_verb[said.i], v, obj, by_verb, added, text)
            continue
        # "The agency, citing Y, said"; "The mayor, quoting Y, said" (on the subject);
        # "According to X, citing Y, ..." (on the clause)
        host = by_verb.get(v.head.i) or by_source.get(v.head.i) or _according_host(finds, v)
        if host is None:
            noun = noun_before(v)
            host = by_antecedent.get(noun.i) if noun is not None else None
        if host is None and obj is not None:
            host = _aside_host(finds, v, obj)
        if host is None and _misparsed_opening(v) and v.i > sentence(v).start:
            # "P, Bloomberg reported on Friday citing sources": "citing" read as an adjective of
            # what it cites, inside the reporting verb's phrase; that verb is the host
            host = _reporting_ancestor(v, finds)
        host = _enclosing(finds, host, v) if host is not None else None
        # one quotes a teller; one cites a teller or a reason ("citing her work")
        teller = obj is not None and (_teller(obj) or (v.lemma_.lower() == "quote" and obj.pos_ == "NOUN"))
        if host is None or host.verb == v or not teller:
            continue  # "citing her work", "citing a threat to safety": a reason given, not a source
        _citer_alone(host, v)
        hole = (v.idx, max(subtree(v)[1], np_range(obj)[1]))
        host.content = parts(text, [p for r in host.content for p in minus(r, [hole])]) or host.content
        _cite_under(host, v, obj, by_verb, added, text)
    return finds + added


def _citer_alone(host: Found, v: Token) -> None:
    """ "Dawn citing police sources said P": an aside with no commas, inside the host's source as
    the parser reads it, is no part of who the host is ("Dawn", not "Dawn citing police sources");
    "X citing Y claimed P" read as a clausal subject has the citer as the subject of "citing"."""
    doc = v.doc
    if host.source is not None and host.source[0] < v.idx < host.source[1]:
        end = doc[v.i - 1]
        while end.i > 0 and (end.is_punct or end.is_space) and end.idx > host.source[0]:
            end = end.nbor(-1)
        host.source = (host.source[0], tok_end(end))
        if host.head is not None and host.head.i >= v.i:
            host.head = end
    elif host.source is None and v.dep_ == "csubj" and host.verb is not None and host.verb.i == v.head.i:
        citer = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        if citer is not None:
            host.source, host.head = (citer.left_edge.idx, tok_end(citer)), citer


def _subject_clause_aside(v: Token, by_verb: dict) -> bool:
    """ "The News International citing a source claimed that P": an aside with no commas, which the
    parser reads as the reporting verb's clausal subject, with the citer as the subject of
    "citing"; the citer reports P through whom it cites."""
    return (
        v.dep_ == "csubj"
        and v.head.i in by_verb
        and v.head.i > v.i
        and any(c.dep_ == "nsubj" and c.i < v.i for c in v.children)
    )


def _cited_who_said(v: Token, obj: Token | None, by_verb: dict) -> bool:
    """ "The paper cited two officials, who said P", "X quoted a witness who said P": the cited
    teller says P through the citer (X › Y › P); the citer's own content is no more than P (it was
    a claim "two officials", the people cited)."""
    if obj is None or v.i not in by_verb or not _teller(obj):
        return False
    said = next((c for c in obj.children if c.dep_ == "relcl" and c.i in by_verb), None)
    if said is None:
        return False
    host, inner = by_verb[v.i], by_verb[said.i]
    if inner.parent is not None or not inner.content:
        return False
    host.content = list(inner.content)
    inner.parent = host
    return True


def _enclosing(finds: list[Found], host: Found, v: Token) -> Found:
    """ "X reported on Thursday, citing Y, that Z was considering P": an aside hung on a cue of the
    content ("considering") that comes after it belongs to the report that contains that cue."""
    if host.verb is None or host.verb.i < v.i or v.i == sentence(v).start:
        return host
    verb = (host.verb.idx, tok_end(host.verb))
    outer = [
        f
        for f in finds
        if f is not host
        and f.verb is not None
        and f.verb.i < v.i
        and f.verb.lemma_.lower() not in _CITING
        and sentence(f.verb).start == sentence(v).start
        and f.content_contains(verb)
    ]
    return max(outer, key=lambda f: f.verb.i, default=host)


def _cite_under(host: Found, v: Token, obj: Token, by_verb: dict, added: list[Found], text: str) -> None:
    """The cited teller `obj` as a find under `host`, with the host's content."""
    f = by_verb.get(v.i)
    if f is None:
        f = Found(cue=(0, 0), content=[], verb=v, lemma=v.lemma_.lower(), sent_end=host.sent_end)
        added.append(f)
    start, end = np_range(obj)
    f.source, f.head = (max(start, obj.doc[v.i + 1].idx), end), obj  # never "Quoting sources"
    f.cue = (v.idx, tok_end(v))
    f.content = list(host.content)
    f.parent = host


def _progressive(v: Token) -> bool:
    """ "was citing", "is quoting": a finite verb in the progressive."""
    return v.tag_ == "VBG" and any(c.dep_ == "aux" and c.i < v.i for c in v.children)


def _misparsed_opening(v: Token) -> bool:
    """ "Quoting sources, the report said", "P, X reported on Friday citing sources": "Quoting" or
    "citing" parsed as a modifier (an adjective, a name's first word) of the noun it cites."""
    return v.lower_ in ("quoting", "citing") and v.dep_ in ("amod", "compound") and v.head.i > v.i


def _cited(v: Token) -> Token | None:
    """Whom "citing"/"quoting" names: its object; "Quoting sources, the report said" is misparsed
    with "Quoting" as an adjective of "sources" (or the first word of a name)."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None and _misparsed_opening(v):
        obj = v.head
    if obj is None:
        # "citing security sources privy to the matter": "privy" read as a verb with "sources"
        # its subject, the clause the object of "citing"
        clause = next((c for c in v.children if c.dep_ == "ccomp" and c.lower_ in _KNOWING), None)
        obj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return obj


def _aside_host(finds: list[Found], v: Token, obj: Token) -> Found | None:
    """ "The newspaper said, citing diplomats, that P", "Quoting sources, the report said P": an
    aside set off by commas (or opening the sentence) belongs to the reporting verb of its
    sentence, even when the parser hangs it on the content's verb."""
    doc, sent = v.doc, sentence(v)
    after = np_range(obj)[1]
    nxt = next((t for t in doc[obj.i + 1 : sent.end] if t.idx >= after), None)
    opens = v.i == sent.start or doc[v.i - 1].text == ","
    # closed by a comma, or ending the sentence ("P, the Post reported, citing two officials.")
    ends = nxt is not None and nxt.is_punct and all(t.is_punct or t.is_space for t in doc[nxt.i : sent.end])
    if not opens or nxt is None or (nxt.text != "," and not (ends and v.i > sent.start)):
        return None
    near = [
        f
        for f in finds
        if f.verb is not None
        and f.verb is not v
        and f.verb.lemma_.lower() not in _CITING
        and sent.start <= f.verb.i < sent.end
        and (f.verb.i < v.i or v.i == sent.start)
    ]
    return min(near, key=lambda f: abs(f.verb.i - v.i), default=None)


def _teller(tok: Token) -> bool:
    """A phrase that can tell: a name, an unnamed person, a document, an outlet or organisation."""
    if can_tell(tok, entities=True, documents=False):
        return True
    # "citing a report", not "citing the release of prisoners" (an event)
    return tok.lemma_.lower() in lexicons().documents and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    )


def _quoted_teller(tok: Token) -> bool:
    """Who can be quoted: a teller, a person by title ("quoted the president") or a pronoun for one
    ("IRNA quoted him")."""
    titled = tok.pos_ == "NOUN" and tok.lower_ in title_words()
    return _teller(tok) or titled or tok.lower_ in ("him", "her", "them")


def _according_host(finds: list[Found], v: Token) -> Found | None:
    """ "According to the Courier, citing two diplomats, the talks collapsed"."""
    for f in finds:
        if f.lemma == "according" and f.head is not None and f.content_contains((v.idx, tok_end(v))):
            return f
    return None


def quoted_as_saying(finds: list[Found], doc: Doc | None = None) -> list[Found]:
    """ "The minister was quoted by the Courier as saying that P": the Courier › the minister › P."""
    if doc is not None:
        finds = finds + _quoted_without_cue(doc, finds)
    out = []
    for f in finds:
        v = f.verb
        host = _quoting_host(v) if v is not None else None
        if host is None:
            out.append(f)
            continue
        out.extend(_two_tellers(f, v, host))
    return [f for f in out if not _is_host_verb(f, out)]


def _quoted_without_cue(doc: Doc, finds: list[Found]) -> list[Found]:
    """ "The president was quoted as supporting the plan" (no reporting verb after "as"), "P, his
    agent was quoted as saying on Friday" (the content before the cue): the quoted speech."""
    taken = {f.verb.i for f in finds if f.verb is not None}
    hosts = {f.verb.i: f for f in finds if f.verb is not None and f.source is None}
    added = []
    for host in doc:
        if host.lemma_.lower() != "quote" or host.tag_ != "VBN":
            continue
        passive = next((c for c in host.children if c.dep_ == "nsubjpass"), None)
        prep = next((c for c in host.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        v = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if prep else None
        if passive is None or v is None or v.i in taken:
            continue  # the host's own find ("was quoted" with no teller) gives way (`_is_host_verb`)
        before = [c for c in host.children if c.dep_ == "ccomp" and c.i < passive.i]
        conjoined = None if before else _quotation_conjoined(host, passive)
        own = hosts.get(host.i)
        if before and own is not None:
            content, cue = list(own.content), (v.idx, tok_end(v))  # its whole quotation
        elif before:
            content = [subtree(c) for c in before]  # "P, his agent was quoted as saying"
            cue = (v.idx, tok_end(v))
        elif conjoined is not None:
            content, cue = [conjoined], (v.idx, tok_end(v))  # '“... P”, he was quoted as saying'

        elif v.lemma_.lower() not in _SAYING and any(c.dep_ in _COMPLEMENTS for c in v.children):
            content = [subtree(v)]  # "was quoted as supporting the plan"
            cue = (prep.idx, tok_end(prep))
        else:
            continue
        content = parts(doc_text(doc), content)
        if content:
            sent = sentence(host)
            added.append(Found(cue=cue, content=content, verb=v, lemma="quote", sent_end=sent.end_char))
    return added


def _quotation_conjoined(host: Token, passive: Token) -> Range | None:
    """ '“I am the spokesman. I am telling you that P”, he was quoted as saying': the parser made
    "quoted" a conjunct of the quotation's verb; the quoted words before the closing quote are what
    was said (the whole quotation follows, `quotes.extend_quotes`)."""
    head = host.head
    if host.dep_ != "conj" or head.i >= passive.i:
        return None
    text = doc_text(host.doc)
    start, end = head.left_edge.idx, passive.left_edge.idx
    if start >= end or not any(ch in _CLOSING_QUOTES for ch in text[start:end]):
        return None
    while end > start and (text[end - 1].isspace() or text[end - 1] in _CLOSING_QUOTES + ",;"):
        end -= 1
    # the quotation's earlier sentences, back to its opening quote in the same paragraph
    opening = max(text.rfind(q, 0, start) for q in '“"')
    if opening >= 0 and "\n" not in text[opening:start]:
        start = opening + 1
    return (start, end) if end > start else None


_CLOSING_QUOTES = '”"\''


def _quoting_host(v: Token) -> Token | None:
    """The "quoted" of "... quoted ... as saying": `v` is the "saying" under "as"."""
    prep = v.head
    if v.dep_ == "advcl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == ",":
        # "A senior official was quoted by Haaretz, saying that P"
        host = v.head
        passive = any(c.dep_ == "nsubjpass" for c in host.children)
        return host if passive and host.lemma_.lower() in _QUOTING_HOSTS and host.pos_ == "VERB" else None
    if v.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    host = prep.head
    return host if host.lemma_.lower() in _QUOTING_HOSTS and host.pos_ == "VERB" else None


def _two_tellers(f: Found, v: Token, host: Token) -> list[Found]:
    passive = next((c for c in host.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in host.children if c.dep_ == "agent"), None)
    if agent is None:  # "was quoted as saying by the Post"
        agent = next((c for c in v.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
    reporter = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if passive is None:
        reporter = next((c for c in host.children if c.dep_ == "nsubj"), None)
        speaker = next((c for c in host.children if c.dep_ == "dobj"), None)
    else:
        speaker = passive
    if speaker is None:
        return [f]
    f.source, f.head = np_range(speaker), speaker
    host_cue = cue_range(host)
    if reporter is None:
        f.cue = (host_cue[0], f.cue[1])  # "was quoted as saying"
        return [f]
    outer = Found(
        cue=(host_cue[0], tok_end(agent) if agent is not None and agent.head == host else host_cue[1]),
        content=list(f.content),
        source=np_range(reporter),
        head=reporter,
        lemma="quote",
        parent=f.parent,
        sent_end=f.sent_end,
    )
    f.cue = (v.head.idx if v.dep_ == "pcomp" else v.idx, f.cue[1])  # "as saying", "saying"
    f.parent = outer
    if agent is not None and agent.head != host:  # "as saying by the Post": no content of theirs
        hole = (agent.idx, tok_end(reporter.right_edge))
        for g in (outer, f):
            g.content = parts(doc_text(v.doc), [p for r in g.content for p in minus(r, [hole])]) or g.content
    return [outer, f]


def _is_host_verb(f: Found, finds: list[Found]) -> bool:
    """The host's own find ("was cited" with some content) is replaced by the two tellers."""
    return f.verb is not None and any(
        g.verb is not None and _quoting_host(g.verb) == f.verb for g in finds if g is not f
    )


def _seen_by(head: Token) -> tuple[Token | None, Token | None]:
    """The participle and its agent in "a memo seen by X", "the memo which was sighted by X",
    "an email published by VICE News" (an outlet that publishes a paper)."""
    for c in head.children:
        lemma = c.lemma_.lower()
        if c.dep_ not in ("acl", "relcl") or (lemma not in _SEEING and lemma not in _PUBLISHING):
            continue
        if c.dep_ == "relcl" and not any(t.dep_ == "nsubjpass" for t in c.children):
            continue  # "the memo which X obtained" has no agent; "which was sighted by X" has
        agent = next((t for t in c.children if t.dep_ == "agent"), None)
        pobj = next((t for t in agent.children if t.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None or (lemma in _PUBLISHING and not outlet_phrase(pobj)):
            continue
        if lemma in _PUBLISHING and head.lemma_.lower() in _REPORTS:
            continue  # "the report published by AFP": the outlet's own report, it speaks (sources.py)
        return c, pobj
    return None, None


def outlet_phrase(tok: Token) -> bool:
    """Does this noun phrase name a news outlet: "the news outlet", "VICE News", a gazetteer outlet?"""
    lex = lexicons()
    if lex.references.get(tok.lemma_.lower()) == "outlet":
        return True
    if entity_kind_and_id(tok.ent_id_)[0] == "outlet":
        return True
    start, end = np_range(tok)
    return is_outlet_name(doc_text(tok.doc)[start:end])


def seen_by(finds: list[Found]) -> list[Found]:
    """ "According to a memo seen by Reuters, P": Reuters saw the memo and tells what it says, so
    Reuters is the outer teller of the memo's attribution."""
    lex = lexicons()
    added = []
    for f in finds:
        head = f.head
        paper = elliptical_antecedent(head) if head is not None else None  # "The latest, seen by X"
        if head is None or f.source is None or (paper or head).lemma_.lower() not in lex.documents:
            continue
        acl, pobj = _seen_by(head)
        if pobj is None:
            continue
        hole = subtree(acl)  # "seen by Reuters" is not what the memo says
        f.content = parts(doc_text(head.doc), [p for r in f.content for p in minus(r, [hole])]) or f.content
        outer = Found(
            cue=(acl.idx, tok_end(pobj.head)),
            content=list(f.content),
            source=np_range(pobj),
            head=pobj,
            lemma="report",
            parent=f.parent,
            sent_end=f.sent_end,
        )
        f.parent = outer
        added.append(outer)
    return finds + added


def according_outer(finds: list[Found], text: str) -> list[Found]:
    """ "The minister said the talks collapsed, according to the Courier", "The outline, according
    to the report, says P", "The outline also said, according to Kyodo, that P": an "according to"
    an outlet (or its report) set off by commas tells the whole report around it, cue included."""
    for a in finds:
        where = _according_aside(a)
        if where is None:
            continue
        cue_start, hole, trailing, teller = where
        sent = sentence(a.head)
        said = [
            f
            for f in finds
            if f is not a
            and f.verb is not None
            and f.parent is None
            and sent.start <= f.verb.i < sent.end
            and _around(f, a, trailing)
            and (teller or _governs(f.verb, a.head.doc[cue_start]))
        ]
        if not said or (not teller and len(said) > 1):
            continue
        first = min(said, key=lambda f: f.cue[0])
        start = min(first.cue[0], first.content_start, first.source[0] if first.source else first.cue[0])
        # '"P," said the official, according to Yonhap': the report runs to its cue and teller
        end = max(max(f.content_end, f.cue[1], f.source[1] if f.source else 0) for f in said)
        a.content = parts(text, minus((start, end), [hole])) or a.content
        for f in said:
            f.content = parts(text, [p for r in f.content for p in minus(r, [hole])]) or f.content
    return finds


def _around(f: Found, a: Found, trailing: bool) -> bool:
    """Is the aside `a` trailing `f`'s report, or inside it (between its source and its content)?"""
    if trailing:
        return f.verb.idx < a.cue[0] and f.content_start < a.cue[0]
    start = f.source[0] if f.source else f.cue[0]
    text = doc_text(a.head.doc)
    # before the content, or where it begins ("said, according to Kyodo, that P")
    return start < a.cue[0] and not WORD.search(text, f.content_start, max(f.content_start, a.cue[0] - 1))


def _governs(verb: Token, tok: Token) -> bool:
    """Is `tok` inside `verb`'s own clause (an ancestor chain with no conjunct on the way)?"""
    while tok.head != tok and tok != verb:
        if tok.dep_ == "conj":
            return False
        tok = tok.head
    return tok == verb


def _according_aside(a: Found) -> tuple[int, Range, bool, bool] | None:
    """(cue token, the aside's extent, trailing?, teller?) of a ", according to <outlet or report>"
    that ends its sentence (a relative clause on the outlet allowed) or is closed by a comma. Any
    other source (not a teller) only when the aside ends the sentence outside a quotation: "The firm
    declined the offer, according to an executive familiar with the talks" (PolNeAR's outer cue)."""
    head = a.head
    if a.lemma != "according" or head is None or a.source is None or a.parent is not None:
        return None
    lex = lexicons()
    lemma = head.lemma_.lower()
    teller = head.pos_ == "PROPN" or lex.references.get(lemma) == "outlet" or lemma in _REPORTS
    doc, sent = head.doc, sentence(head)
    cue = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand")
    if cue is None or cue.start == 0 or doc[cue.start - 1].text != ",":
        return None
    if not teller and _in_quotation(doc_text(doc), sent.start_char, cue.start_char):
        return None
    after = next((t for t in doc[head.i + 1 : sent.end] if t.idx >= a.source[1]), None)
    if after is not None and after.text == ",":
        return (cue.start, (doc[cue.start - 1].idx, tok_end(after)), False, True) if teller else None
    # "..., according to Kyodo News which said it had obtained an outline."
    own = subtree(head)[1]
    tail = [t for t in doc[head.i + 1 : sent.end] if t.idx >= own and not t.is_punct and not t.is_space]
    if tail:
        return None
    return cue.start, (doc[cue.start - 1].idx, max(a.source[1], own)), True, teller


def _in_quotation(text: str, start: int, end: int) -> bool:
    """Is a quotation open at `end` (opened after `start`)?"""
    span = text[start:end]
    return span.count("“") > span.count("”") or span.count('"') % 2 == 1


_CLOSING = ("”", '"', "’", "'")


def _after_comma_or_quote(doc: Doc, i: int) -> bool:
    """ "P, X quoted Y", '“P,” X quoted Y': the quoting phrase follows a comma, or a comma and the
    quotation's closing mark."""
    prev = doc[i - 1]
    return prev.text == "," or (prev.text in _CLOSING and i >= 2 and doc[i - 2].text == ",")


def _bare_as_saying(as_: Token) -> bool:
    """ "..., Interfax quoted the ministry as saying.": an "as saying" with nothing said after it (what
    was said is the report before the comma)."""
    words = [t for t in as_.subtree if not t.is_punct]
    return len(words) == 2 and words[1].lemma_.lower() in ("say", "state", "tell")


def trailing_quoted(doc: Doc, finds: list[Found], text: str) -> list[Found]:
    """ "He said P, news agency ANI quoted media outlet CNN", "Russia denied P, Interfax quoted the
    ministry as saying", '“P,” IRNA quoted the president.': X quoted Y on everything before."""
    added = []
    for v in doc:
        if v.lemma_.lower() != "quote" or v.tag_ not in ("VBD", "VBZ"):
            continue
        as_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is not None and not _bare_as_saying(as_):
            continue  # "X quoted Y as saying P": quoted_as_saying
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        teller = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if teller is None or teller.lower_ in ("which", "who", "that"):
            teller = v.head if v.dep_ == "relcl" else None
        # "X quoted the emergency services as saying": whom one quotes as saying speaks, whatever noun
        said = as_ is not None and obj is not None and obj.pos_ in ("NOUN", "PROPN")
        if obj is None or teller is None or not (said or _quoted_teller(obj)) or not _teller(teller):
            continue
        if as_ is not None and any(f.verb is not None and f.verb.head == as_ for f in finds):
            continue  # '“P,” X quoted Y as saying.': quoted_as_saying has it
        sent = sentence(v)
        # "news agency ANI quoted ...", parsed as a relative clause on "agency": the phrase starts there
        first = doc[(v.head if v.dep_ == "relcl" else teller).left_edge.i]
        if first.i <= sent.start + 1 or not _after_comma_or_quote(doc, first.i):
            continue
        last = max(obj.right_edge.i, as_.right_edge.i if as_ is not None else -1)
        if any(not (t.is_punct or t.is_space) for t in doc[last + 1 : sent.end]):
            continue  # the quoting ends the sentence
        content = parts(text, [(sent.start_char, doc[first.i - 1].idx)])
        if not content:
            continue
        hole = (doc[first.i - 1].idx, tok_end(doc[last]))
        name = doc[teller.i + 1] if teller.i + 1 < v.i else None
        if name is not None and name.pos_ == "PROPN" and teller.pos_ == "NOUN":
            teller = name  # "news agency ANI quoted": the name, however the parser hung it
        outer = Found(
            cue=(v.idx, tok_end(v)),
            content=content,
            source=(first.idx, tok_end(teller)),
            head=teller,
            lemma="quote",
            sent_end=sent.end_char,
        )
        inner = Found(
            cue=(v.idx, tok_end(v)),
            content=list(content),
            source=np_range(obj),
            head=obj,
            lemma="quote",
            parent=outer,
            sent_end=sent.end_char,
        )
        for f in finds:
            if f.verb is not None and f.verb.i == v.i:
                f.content = []  # the verb's own find gives way
            elif f.parent is None and sent.start_char <= f.cue[0] < hole[0]:
                f.content = parts(text, [p for r in f.content for p in minus(r, [hole])]) or f.content
                f.parent = inner
        added += [outer, inner]
    return [f for f in finds if f.content] + added


_RELAYING_DOCS = frozenset({"report", "article", "story", "dispatch", "interview", "broadcast", "post"})


def _relaying_doc_before(v: Token) -> Token | None:
    """The report a "quoting" participle hangs on: its head, or the noun right before it past a
    time ("a report today quoting X", which the parser hangs on the main verb)."""
    if v.dep_ == "acl":
        return v.head if v.head.lemma_.lower() in _RELAYING_DOCS and v.head.i < v.i else None
    i = v.i - 1
    while i > 0 and (v.doc[i].dep_ == "npadvmod" or v.doc[i].ent_type_ in ("DATE", "TIME")):
        i -= 1
    tok = v.doc[i]
    return tok if tok.pos_ == "NOUN" and tok.lemma_.lower() in _RELAYING_DOCS else None


def report_quoting(doc: Doc, finds: list[Found], text: str) -> list[Found]:
    """ "Amir Hakim was commenting on a report today quoting Karim Osei, who claimed that P": the
    report relays what the person it quotes says in the same sentence (report › Osei › P)."""
    added = []
    for v in doc:
        if v.lemma_.lower() not in ("quote", "cite") or v.tag_ != "VBG" or v.dep_ not in ("acl", "advcl"):
            continue
        report = _relaying_doc_before(v)
        if report is None:
            continue
        quoted = next((c for c in v.children if c.dep_ == "dobj"), None)
        if quoted is None:
            continue
        sent = sentence(v)
        voiced = [
            f
            for f in finds
            if f.head is not None
            and sent.start_char <= f.cue[0] < sent.end_char
            and (f.parent is None or f.parent.frame)
            and antecedent(f.head).i == quoted.i
        ]
        if not voiced:
            continue
        relay = Found(
            cue=(v.idx, tok_end(v)),
            content=[p for f in voiced for p in f.content],
            source=(report.left_edge.idx, tok_end(report)),
            head=report,
            lemma="report",
            sent_end=sent.end_char,
            parent=voiced[0].parent,
        )
        for f in voiced:
            f.parent = relay
        added.append(relay)
    return finds + added


_AFTERWARDS = 400  # characters: the citing sentence follows the report it sources


def cited_afterwards(doc: Doc, finds: list[Found], text: str) -> list[Found]:
    """ "Kyodo reported that G7 countries are considering a ban. Kyodo citing government sources for
    its information.": a sentence that only says whom a teller cited ("X cited Y", "X citing Y", "It
    quoted two officials") tells where X's report just before came from, no claim of its own: Y is
    X's source for it (X › Y › P), as in "X, citing Y, reported P"."""
    added: list[Found] = []
    drop: set[int] = set()
    by_cue = sorted(finds, key=lambda f: f.cue[0])  # indexed once: a scan per citing verb is quadratic
    starts = [f.cue[0] for f in by_cue]

    def cued(lo: int, hi: int) -> list[Found]:
        return by_cue[bisect_left(starts, lo):bisect_left(starts, hi)]

    by_verb: dict[int, list[Found]] = {}
    for f in finds:
        if f.verb is not None:
            by_verb.setdefault(f.verb.i, []).append(f)
    for v in doc:
        if v.lemma_.lower() not in _CITING or v.tag_ not in ("VBG", "VBD", "VBZ"):
            continue
        teller = _citing_subject(v)
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if teller is None or obj is None or not _teller(obj):
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj") or c.lower_ == "as" for c in v.children):
            continue  # "X cited Y, saying P", "quoted Y as saying P", "cited Y and said P": its own report
        if any(c.dep_ in ("acl", "relcl") for c in obj.children):
            continue  # "cited unidentified sources saying that P", "cited officials who said P"
        sent = sentence(v)
        if any(f.verb is None or f.verb.i != v.i for f in cued(sent.start_char, sent.end_char)):
            continue  # the sentence tells something else too
        window = cued(sent.start_char - _AFTERWARDS, sent.start_char)
        host = _report_before(window, teller, v, sent.start_char)
        if host is None:
            continue
        drop |= {id(f) for f in by_verb.get(v.i, [])}
        start, end = np_range(obj)
        # "citing sources for its information", "cited officials on the plan": what for is no part of who
        why = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ in ("for", "on", "about")), None)
        if why is not None:
            end = min(end, tok_end(doc[why.i - 1]))
        added.append(
            Found(cue=(v.idx, tok_end(v)), content=list(host.content), source=(start, end), head=obj,
                  lemma=v.lemma_.lower(), parent=host, sent_end=host.sent_end, verb=v)
        )
    return [f for f in finds if id(f) not in drop] + added


def _citing_subject(v: Token) -> Token | None:
    """Who cites, in a sentence that is only the citing: "Kyodo cited Y", "Kyodo citing Y" (the
    participle hung on the name as the sentence's root)."""
    sent = sentence(v)
    if v.dep_ == "ROOT":
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    elif v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.head.i < v.i:
        subj = v.head
    else:
        return None
    if subj is None or subj.left_edge.i != sent.start:
        return None
    return subj


def _report_before(finds: list[Found], teller: Token, v: Token, start: int) -> Found | None:
    """The report of the sentence before whose teller the citing subject names again ("Kyodo" for
    "Kyodo news agency in Japan") or refers to ("It", "The agency" for an outlet's report);
    `finds` may be only those cued in the window before `start`."""
    before = [
        f for f in finds
        if f.source is not None and f.head is not None and f.parent is None and f.verb is not None
        and start - _AFTERWARDS <= f.cue[0] < start and f.content_end <= start
    ]
    # the report itself, not a cue inside what it says (nesting comes later)
    before = [f for f in before if not any(g is not f and g.content_contains(f.cue) for g in before)]
    if not before:
        return None
    last = max(before, key=lambda f: f.cue[0])
    own = [t for t in teller.subtree if not v.left_edge.i <= t.i <= v.right_edge.i]
    words = {t.lower_ for t in own if not (t.is_punct or t.is_space)}
    named = {t.lower_ for t in last.head.doc.char_span(*last.source, alignment_mode="expand") or []}
    same = teller.pos_ == "PROPN" and words <= named
    # "It cited", "The newspaper cited" (a reference head, data/reference_heads.txt), "The report cited"
    the = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in teller.children)
    definite = teller.pos_ == "NOUN" and the
    lemma = teller.lemma_.lower()
    refers = definite and (lemma in lexicons().references or lemma == last.head.lemma_.lower())
    return last if same or refers or teller.lower_ == "it" else None


# verbs of containment: "the files include / contain / feature / comprise / carry X"
_CONTAINING = frozenset({"include", "contain", "feature", "comprise", "carry"})


def _container(verb: Token) -> tuple[Token, Token] | None:
    """(the document, the object) of an active containment verb with a document subject: "The
    leaked files included letters ...", "The complaint contained a note ..."."""
    if verb.lemma_.lower() not in _CONTAINING or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None:
        return None
    paper = elliptical_antecedent(subj) or subj
    return (subj, obj) if _paper(paper) else None


def _paper(tok: Token) -> bool:
    """A document: a document noun ("the complaint"), or any noun a paper's passage marks as one
    ("the leaked files", "testimonies obtained by X", "the leak"); or an outlet, which carries
    what others say ("The newspaper carried an interview with a guard who said P")."""
    lemma = tok.lemma_.lower()
    if lemma in lexicons().documents or lemma in _PUBLISHING or outlet_phrase(tok):
        return True
    passed = _SEEING | _PUBLISHING
    return any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in passed for c in tok.children)


def _object_participle(f: Found) -> Token | None:
    """ "The box contained a note urging P": the parser hung "urging" on "contained", so the box
    urged; a participle right after a containment verb's object (no comma) is the object's."""
    v = f.verb
    if v is None or v.tag_ != "VBG" or v.dep_ != "advcl" or v.head.lemma_.lower() not in _CONTAINING:
        return None
    obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
    if obj is None or obj.right_edge.i + 1 != v.i or not _teller(obj):
        return None
    return obj


_WITHIN_OBJECT = ("pobj", "prep", "conj", "appos", "dobj")  # "letters from judges", "talks with an adviser"


def contained_teller(finds: list[Found]) -> list[Found]:
    """ "The leaked files included letters from judges saying P", "The leak includes talks with an
    adviser, who said P": the teller is found inside what a document holds, so the document relays
    it (files › judges › P); a participle hung on the containment verb is its object's ("The
    complaint contained a note urging P": complaint › note)."""
    relays: dict[int, Found] = {}
    for f in finds:
        if f.parent is not None or f.frame:
            continue
        obj = _object_participle(f)
        if obj is not None:
            f.source, f.head = np_range(obj), obj
        head = f.head
        if head is None or f.source is None:
            continue
        verb = next((t for t in head.ancestors if t.dep_ not in _WITHIN_OBJECT), None)
        if obj is not None:
            verb = obj.head
        held = _container(verb) if verb is not None else None
        if held is None:
            continue
        paper, what = held
        if not (what.left_edge.i <= head.i <= what.right_edge.i) or f.verb is None or f.verb.i < what.i:
            continue
        outer = relays.get(verb.i)
        if outer is None:
            outer = Found(cue=(verb.idx, tok_end(verb)), content=[], source=np_range(paper), head=paper,
                          lemma="report", sent_end=f.sent_end)
            relays[verb.i] = outer
        outer.content = sorted(outer.content + list(f.content))
        f.parent = outer
    return finds + list(relays.values())
