"""Source resolution: the actor a source phrase refers to, and the kind of the link.

Named actors come from the actors stage (found by mention offsets); anonymous people ("a U.S.
embassy official ...", later "the source", "he"), documents and frame outlets are created here.
"""

from __future__ import annotations

from spacy.tokens import Token

from sourcetrace.attributions.base import Found, Range, after_comma, np_range, tok_end
from sourcetrace.attributions.lexicons import lexicons
from sourcetrace.mentions import MentionIndex
from sourcetrace.model import Actor
from sourcetrace.spans import make_span, trim

_DEFINITE = {"the", "this", "that", "these", "those", "same"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_THING_PRONOUNS = {"it", "they", "them"}
_REPORTING_LEMMAS = {"report", "publish", "write", "quote", "cite", "broadcast", "carry", "air", "according"}
# verbs that make their subject the issuer of a document object ("issued a statement")
_ISSUING = {
    "issue",
    "release",
    "publish",
    "send",
    "post",
    "circulate",
    "file",
    "write",
    "sign",
    "put",
    "distribute",
}
_SEEN = {"see", "obtain", "review", "view", "read", "examine", "access", "acquire"}  # not the owner
_ISSUER_WINDOW = 400  # tokens looked back for "X issued a statement" before "the statement said"


def norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


class ActorBook:
    """The actors list, extended in place with new anonymous, document and outlet actors."""

    def __init__(self, text: str, actors: list[Actor]):
        self.text = text
        self.actors = list(actors)
        self.history: list[Actor] = []  # source actors in reading order, for "he"/"the source"
        self.issuers: dict[str, Actor] = {}  # document head lemma -> who issued it ("Kyodo" report)
        self.reporters: set[str] = set()  # actors that reported something ("X reported"): outlets
        self._next = 1 + max((int(a.id[1:]) for a in actors if a.id[1:].isdigit()), default=0)
        self._names: dict[str, list[Actor]] = {}
        for actor in self.actors:
            self._index_name(actor)
        self.index = MentionIndex(self.actors)

    def _index_name(self, actor: Actor) -> None:
        for name in {norm(actor.name), *(norm(a) for a in actor.aliases)}:
            self._names.setdefault(name, []).append(actor)

    def named(self, name: str, kinds: tuple[str, ...] | None = None) -> Actor | None:
        """The first actor called `name` (canonical name or alias), optionally of these kinds."""
        return next((a for a in self._names.get(norm(name), []) if not kinds or a.kind in kinds), None)

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
            if found is not None and norm(name) in norm(found.name) + " " + " ".join(
                norm(a) for a in found.aliases
            ):
                actor = found
        actor = actor or self.named(name)
        if actor is None:
            actor = self.new(name, "ORG", kind)
        if r is not None:
            self.mention(actor, r)
        return actor

    def resolve(self, found: Found) -> tuple[Actor | None, str]:
        """The actor a source refers to and the kind of the link."""
        actor, kind = self._resolve(found)
        if actor is not None and found.lemma in _REPORTING_LEMMAS:
            self.reporters.add(actor.id)
        return actor, kind

    def _resolve(self, found: Found) -> tuple[Actor | None, str]:
        head = found.head
        if found.source is None or head is None:
            return None, "unattributed"
        head = _quantity_of(head)
        named = self._named_at(head)
        if named is not None:
            return self._use(named, found.source), named.kind
        if head.pos_ == "PRON":
            return self._pronoun(head, found.source)
        referent = self._reference(head)
        if referent is not None:
            return self._use(referent, found.source), referent.kind
        return self._unnamed(head, found.source)

    def _last(self, wanted) -> Actor | None:
        return next((a for a in reversed(self.history) if wanted(a)), None)

    def _reference(self, head: Token) -> Actor | None:
        """ "the newspaper", "the company", "the report": the named antecedent, when there is one."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or not _definite(head):
            return None
        lex = lexicons()
        wanted = lex.references.get(lemma)
        if wanted == "outlet":
            return self._last(lambda a: a.kind == "outlet") or self._last(
                lambda a: a.type == "ORG" and a.kind == "named" and a.id in self.reporters
            )
        if wanted == "organisation":
            return self._last(lambda a: a.type in ("ORG", "NORP", "GPE") and a.kind == "named")
        if lemma in lex.documents:
            return self.issuers.get(lemma) or self._issuer_before(head)
        return None

    def _issuer_before(self, head: Token) -> Actor | None:
        """ "X issued a statement ... the statement said": the subject that issued the document."""
        doc, lemma = head.doc, head.lemma_.lower()
        for i in range(head.i - 1, max(-1, head.i - 1 - _ISSUER_WINDOW), -1):
            tok = doc[i]
            if tok.lemma_.lower() != lemma or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _ISSUING:
                continue
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            issuer = self._named_at(subj) if subj is not None else None
            if issuer is not None:
                self.issuers[lemma] = issuer
                return issuer
        return None

    def _owner(self, head: Token) -> Actor | None:
        """Who a document belongs to: "Bloomberg's report", "the Kyodo report", "a report by
        Reuters", "a statement issued by the ministry"."""
        for child in head.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                owner = self._named_at(child)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                owner = self._named_at(pobj) if pobj is not None else None
            elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() not in _SEEN:
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                owner = self._named_at(pobj) if pobj is not None else None
            else:
                continue
            if owner is not None and owner.type != "DOCUMENT":
                return owner
        return None

    def _named_at(self, head: Token) -> Actor | None:
        """The named actor the head (or a name in apposition after a comma) is a mention of."""
        commas = [c for c in head.children if c.dep_ == "appos" and after_comma(c)]
        for tok in [head, *commas]:
            named = self.index.at(tok.idx, tok_end(tok))
            if named is None and tok.pos_ == "PROPN":
                # a frame actor (an outlet from a dateline) named again in a sentence
                named = self.named(self.text[tok.left_edge.idx : tok_end(tok)])
            if named is not None:
                return named
        return None

    def _pronoun(self, head: Token, source: Range) -> tuple[Actor | None, str]:
        if head.lower_ in _PERSON_PRONOUNS:
            prior = self._last(lambda a: a.type == "PERSON")
        elif head.lower_ in _THING_PRONOUNS:
            # "it said": the last organisation, outlet or document; "they": or the last group of people
            plural = head.lower_ != "it"
            prior = self._last(lambda a: a.type != "PERSON" or (plural and a.kind == "anonymous"))
        else:
            prior = None
        if prior is not None:
            return self._use(prior, source), prior.kind
        return None, "anonymous"

    def _unnamed(self, head: Token, source: Range) -> tuple[Actor | None, str]:
        """An anonymous person ("a senior official", later "the official") or a document."""
        lex = lexicons()
        lemma = head.lemma_.lower()
        np_start, np_end = np_range(head)
        # the source was cut after page chrome the parser ran into it ("... 2009\n\nWorkers want")
        name_range = trim(self.text, max(np_start, source[0]), np_end)
        name = self.text[name_range[0] : name_range[1]]
        if not name.strip():  # the cut left nothing of the phrase: its head's own words
            name = self.text[head.idx : tok_end(head)]
        if name[:1].isupper() and head.doc[head.left_edge.i].pos_ == "DET":
            name = name[0].lower() + name[1:]  # "The official" -> "the official"
        definite = _definite(head)
        if lemma in lex.anonymous and head.pos_ == "NOUN":
            prior = self._prior_anonymous(lemma, lex.anonymous[lemma]) if definite else None
            prior = prior or self.named(name, ("anonymous",))
            actor = prior or self.new(name, "PERSON", "anonymous")
            return self._use(actor, source), "anonymous"
        if lemma in lex.documents and head.pos_ == "NOUN":
            owner = self._owner(head)
            if owner is not None:
                # "a Kyodo report", "Bloomberg's report": Kyodo speaks; "the report" later means it too
                self.issuers[lemma] = owner
                return self._use(owner, source), owner.kind
            actor = self.named(name, ("document",)) or self.new(name, "DOCUMENT", "document")
            return self._use(actor, source), "document"
        return None, "named"

    def _prior_anonymous(self, lemma: str, generic: bool) -> Actor | None:
        anonymous = [a for a in reversed(self.history) if a.kind == "anonymous"]
        same_head = next((a for a in anonymous if lemma in norm(a.name).split()), None)
        if same_head is not None or not generic:
            return same_head
        return anonymous[0] if anonymous else None

    def _use(self, actor: Actor, r: Range) -> Actor:
        self.history.append(actor)
        self.mention(actor, r)
        return actor


def _definite(head: Token) -> bool:
    return any(c.lower_ in _DEFINITE for c in head.children if c.dep_ in ("det", "amod"))


def _quantity_of(head: Token) -> Token:
    """ "most of the officials": the officials speak."""
    lex = lexicons()
    if head.lemma_.lower() in lex.quantities or head.lower_ in lex.quantities:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return pobj or head
    return head
