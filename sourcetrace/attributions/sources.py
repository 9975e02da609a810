"""Source resolution: the actor a source phrase refers to, and the kind of the link.

Named actors come from the actors stage (found by mention offsets); anonymous people ("a U.S.
embassy official ...", later "the source", "he"), documents and frame outlets are created here.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from sourcetrace.attributions.base import Found, Range, after_comma, np_range, tok_end
from sourcetrace.attributions.lexicons import lexicons
from sourcetrace.model import Actor
from sourcetrace.spans import make_span, trim

_DEFINITE = {"the", "this", "that", "these", "those", "same"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}


def norm(name: str) -> str:
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


class ActorBook:
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
        head = found.head
        if found.source is None or head is None:
            return None, "unattributed"
        head = _quantity_of(head)
        named = self._named_at(head)
        if named is not None:
            return self._use(named, found.source), named.kind
        if head.pos_ == "PRON":
            return self._pronoun(head, found.source)
        return self._unnamed(head, found.source)

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
            prior = next((a for a in reversed(self.history) if a.type == "PERSON"), None)
            if prior is not None:
                return self._use(prior, source), prior.kind
        return None, "anonymous"

    def _unnamed(self, head: Token, source: Range) -> tuple[Actor | None, str]:
        """An anonymous person ("a senior official", later "the official") or a document."""
        lex = lexicons()
        lemma = head.lemma_.lower()
        name_range = trim(self.text, *np_range(head))
        name = self.text[name_range[0] : name_range[1]]
        if name[:1].isupper() and head.doc[head.left_edge.i].pos_ == "DET":
            name = name[0].lower() + name[1:]  # "The official" -> "the official"
        definite = any(c.lower_ in _DEFINITE for c in head.children if c.dep_ in ("det", "amod"))
        if lemma in lex.anonymous and head.pos_ == "NOUN":
            prior = self._prior_anonymous(lemma, lex.anonymous[lemma]) if definite else None
            prior = prior or self.named(name, ("anonymous",))
            actor = prior or self.new(name, "PERSON", "anonymous")
            return self._use(actor, source), "anonymous"
        if lemma in lex.documents and head.pos_ == "NOUN":
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


def _quantity_of(head: Token) -> Token:
    """ "most of the officials": the officials speak."""
    lex = lexicons()
    if head.lemma_.lower() in lex.quantities or head.lower_ in lex.quantities:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return pobj or head
    return head
