"""Two-hop cues: one sentence, two tellers.

* "X, citing/quoting Y, said P" — Y told X: the chain is X › Y › P, and Y is no content of X's;
* "Y was quoted (by X) as saying P", "X quoted Y as saying P" — X › Y › P.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcetrace.attributions.base import Found, Rule, minus, np_range, parts, subtree, tok_end
from sourcetrace.attributions.clauses import cue_range
from sourcetrace.attributions.lexicons import lexicons
from sourcetrace.attributions.sources import antecedent, noun_before

TWO_HOP_RULES = (
    Rule("citing_source", '"X, citing Y, said P": Y is X\'s source for P (X › Y › P), not what X said'),
    Rule("quoted_as_saying", '"Y was quoted by X as saying P", "X quoted Y as saying P": X › Y › P'),
    Rule("seen_by", '"according to a memo seen by X, P", "a letter obtained by X says P": X › the memo › P'),
)
_SEEING = {"see", "obtain", "review", "view", "read", "examine", "access", "acquire"}
_CITING = {"cite", "quote"}
_QUOTING_HOSTS = {"quote", "cite"}


def citing_sources(doc: Doc, finds: list[Found], text: str) -> list[Found]:
    """ "The agency, citing two diplomats, said the talks collapsed": "citing two diplomats" is a
    source under the agency's attribution, with the agency's content."""
    by_verb = {f.verb.i: f for f in finds if f.verb is not None}
    by_source = {f.head.i: f for f in finds if f.head is not None and f.verb is not None}
    # "a Bloomberg report, citing unnamed sources, that said P": the report is the host
    by_antecedent = {antecedent(f.head).i: f for f in finds if f.head is not None and f.verb is not None}
    added = []
    for v in doc:
        if v.lemma_.lower() not in _CITING or v.tag_ != "VBG" or v.dep_ not in ("advcl", "acl"):
            continue
        # "The agency, citing Y, said"; "The mayor, quoting Y, said" (on the subject);
        # "According to X, citing Y, ..." (on the clause)
        host = by_verb.get(v.head.i) or by_source.get(v.head.i) or _according_host(finds, v)
        if host is None:
            noun = noun_before(v)
            host = by_antecedent.get(noun.i) if noun is not None else None
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        # one quotes a teller; one cites a teller or a reason ("citing her work")
        teller = obj is not None and (_teller(obj) or (v.lemma_.lower() == "quote" and obj.pos_ == "NOUN"))
        if host is None or host.verb == v or not teller:
            continue  # "citing her work", "citing a threat to safety": a reason given, not a source
        hole = subtree(v)
        host.content = parts(text, [p for r in host.content for p in minus(r, [hole])]) or host.content
        f = by_verb.get(v.i)
        if f is None:
            f = Found(cue=(0, 0), content=[], verb=v, lemma=v.lemma_.lower(), sent_end=host.sent_end)
            added.append(f)
        f.source, f.head = np_range(obj), obj
        f.cue = (v.idx, tok_end(v))
        f.content = list(host.content)
        f.parent = host
    return finds + added


def _teller(tok: Token) -> bool:
    """A phrase that can tell: a name, an unnamed person, a document, an outlet or organisation."""
    lex = lexicons()
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or lemma in lex.anonymous
        # "citing a report", not "citing the release of prisoners" (an event)
        or (lemma in lex.documents and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children))
        or lemma in lex.references
    )


def _according_host(finds: list[Found], v: Token) -> Found | None:
    """ "According to the Courier, citing two diplomats, the talks collapsed"."""
    for f in finds:
        if f.lemma == "according" and f.head is not None and f.content_contains((v.idx, tok_end(v))):
            return f
    return None


def quoted_as_saying(finds: list[Found]) -> list[Found]:
    """ "The minister was quoted by the Courier as saying that P": the Courier › the minister › P."""
    out = []
    for f in finds:
        v = f.verb
        host = _quoting_host(v) if v is not None else None
        if host is None:
            out.append(f)
            continue
        out.extend(_two_tellers(f, v, host))
    return [f for f in out if not _is_host_verb(f, out)]


def _quoting_host(v: Token) -> Token | None:
    """The "quoted" of "... quoted ... as saying": `v` is the "saying" under "as"."""
    prep = v.head
    if v.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    host = prep.head
    return host if host.lemma_.lower() in _QUOTING_HOSTS and host.pos_ == "VERB" else None


def _two_tellers(f: Found, v: Token, host: Token) -> list[Found]:
    passive = next((c for c in host.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in host.children if c.dep_ == "agent"), None)
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
        cue=(host_cue[0], tok_end(agent) if agent is not None else host_cue[1]),
        content=list(f.content),
        source=np_range(reporter),
        head=reporter,
        lemma="quote",
        parent=f.parent,
        sent_end=f.sent_end,
    )
    f.cue = (v.head.idx, f.cue[1])  # "as saying"
    f.parent = outer
    return [outer, f]


def _is_host_verb(f: Found, finds: list[Found]) -> bool:
    """The host's own find ("was cited" with some content) is replaced by the two tellers."""
    return f.verb is not None and any(
        g.verb is not None and _quoting_host(g.verb) == f.verb for g in finds if g is not f
    )


def seen_by(finds: list[Found]) -> list[Found]:
    """ "According to a memo seen by Reuters, P": Reuters saw the memo and tells what it says, so
    Reuters is the outer teller of the memo's attribution."""
    lex = lexicons()
    added = []
    for f in finds:
        head = f.head
        if head is None or f.source is None or head.lemma_.lower() not in lex.documents:
            continue
        acl = next((c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _SEEING), None)
        agent = next((c for c in acl.children if c.dep_ == "agent"), None) if acl is not None else None
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None:
            continue
        hole = subtree(acl)  # "seen by Reuters" is not what the memo says
        f.content = parts(head.doc.text, [p for r in f.content for p in minus(r, [hole])]) or f.content
        outer = Found(
            cue=(acl.idx, tok_end(agent)),
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
