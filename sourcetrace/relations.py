"""Relations between actors: co-occurrence, typed (dependency) and source-of edges.

Every edge keeps the sentences (or attribution spans) it rests on, so the network can always
show why two actors are linked. Work is per sentence, over the actors of that sentence only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcetrace.attributions.base import doc_text
from sourcetrace.mentions import MentionIndex
from sourcetrace.model import CO_OCCURRENCE, SOURCE_OF, Actor, Attribution, Relation, Span
from sourcetrace.spans import trimmed_span

_SPACE = " \t\r\n\u00a0"
_SUBJECT = ("nsubj", "nsubjpass")
_OBJECT = ("dobj", "attr", "dative", "oprd")
# Subtrees that are clauses of their own: an actor inside them is not the phrase's referent.
_CLAUSES = {"relcl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "parataxis", "prep"}
_KIND_ORDER = {SOURCE_OF: 1, CO_OCCURRENCE: 2}  # typed (verb) edges: 0
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=4)
def _word_list(name: str) -> frozenset[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _naming_verbs() -> frozenset[str]:
    return _word_list("naming_verbs.txt")


def _stop_preps() -> frozenset[str]:
    return _word_list("relation_stop_preps.txt")


@dataclass
class _Edge:
    source: str
    target: str
    kind: str
    label: str | None
    evidence: list[Span] = field(default_factory=list)
    weight: float = 0.0


class _Edges:
    """Accumulates edges keyed by (source, target, kind); weight counts distinct evidence."""

    def __init__(self) -> None:
        self.edges: dict[tuple[str, str, str], _Edge] = {}

    def add(self, source: str, target: str, kind: str, label: str | None, evidence: Iterable[Span]) -> None:
        if source == target:
            return  # no self-loops: "Talabani … President Talabani's office"
        edge = self.edges.setdefault((source, target, kind), _Edge(source, target, kind, label))
        known = {(s.start, s.end) for s in edge.evidence}
        new = [s for s in evidence if (s.start, s.end) not in known]
        if new or not edge.evidence:
            edge.weight += 1
        edge.evidence.extend(new)


def _actor_of_token(index: MentionIndex, token: Token) -> str | None:
    hits = index.overlapping(token.idx, token.idx + len(token.text))
    return hits[0] if hits else None


def _referents(index: MentionIndex, head: Token) -> list[str]:
    """The actors a noun phrase names: its head (and coordinated heads), else a naming modifier."""
    found: list[str] = []
    for tok in [head, *[c for c in head.conjuncts if c.i > head.i]]:
        actor = _actor_of_token(index, tok)
        if actor is None:
            # "an Iranian intelligence officer identified as "Hashemi"": the name is in a modifier.
            for child in tok.children:
                naming = child.dep_ == "acl" and child.lemma_.lower() in _naming_verbs()
                if naming or child.dep_ in ("appos", "compound"):
                    for t in child.subtree:
                        if (actor := _actor_of_token(index, t)) is not None:
                            break
                if actor is not None:
                    break
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def _is_predicate(token: Token) -> bool:
    if token.pos_ == "VERB":
        return True
    # The small model reads "fully coordinates with" as a plural noun; an adverb and a
    # preposition hanging on a conjoined "noun" betray a verb.
    return (
        token.dep_ == "conj"
        and token.tag_ in ("NNS", "VBZ")
        and any(c.dep_ == "advmod" for c in token.children)
        and any(c.dep_ == "prep" for c in token.children)
    )


def _subject_of(verb: Token) -> Token | None:
    current = verb
    for _ in range(8):  # conjoined predicates share the subject of the first one
        subj = next((c for c in current.children if c.dep_ in _SUBJECT), None)
        if subj is not None:
            return subj
        if current.dep_ != "conj" or current.head is current:
            return None
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            # A misparse hung the verb on a noun: the nearest verb above stands in.
            current = next((a for a in current.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if current is None:
                return None
    return None


def _verb_label(verb: Token, prep: Token | None) -> str:
    parts = [c.lower_ for c in verb.children if c.dep_ == "neg"] + [verb.lower_]
    parts += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if prep is not None:
        parts.append(prep.lower_)
    return " ".join(parts)


def _typed(sent: SpacySpan, index: MentionIndex, evidence: Span, edges: _Edges) -> None:
    for verb in sent:
        if not _is_predicate(verb):
            continue
        subj = _subject_of(verb)
        if subj is None:
            continue
        passive = subj.dep_ == "nsubjpass"
        subjects = _referents(index, subj)
        if not subjects:
            continue
        targets: list[tuple[str, Token | None]] = []
        for child in verb.children:
            if child.dep_ in _OBJECT:
                targets += [(a, None) for a in _referents(index, child)]
            elif child.dep_ in ("prep", "agent") and child.lower_ not in _stop_preps():
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    targets += [(a, child) for a in _referents(index, pobj)]
        lemma = verb.lemma_.lower() if verb.pos_ == "VERB" else verb.lower_.removesuffix("s")
        for target, prep in targets:
            for source in subjects:
                if passive and prep is not None and prep.dep_ == "agent":
                    # "X was attacked by Y": Y did it to X, so the label reads active ("attacked").
                    edges.add(target, source, lemma, _verb_label(verb, None), [evidence])
                else:
                    edges.add(source, target, lemma, _verb_label(verb, prep), [evidence])


def build_relations(doc: Doc, actors: list[Actor], attributions: list[Attribution]) -> list[Relation]:
    text = doc_text(doc)
    index = MentionIndex(actors)
    order = {a.id: i for i, a in enumerate(actors)}
    typed, cooc, sourced = _Edges(), _Edges(), _Edges()
    sentences: list[tuple[int, int, Span]] = []
    for sent in doc.sents:
        evidence = trimmed_span(text, sent.start_char, sent.end_char, chars=_SPACE)
        if evidence.start == evidence.end:
            continue
        sentences.append((sent.start_char, sent.end_char, evidence))
        present = sorted(index.overlapping(sent.start_char, sent.end_char), key=order.__getitem__)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                cooc.add(a, b, CO_OCCURRENCE, None, [evidence])
        _typed(sent, index, evidence, typed)

    children: dict[str, list[Span]] = {}
    for attribution in attributions:
        if attribution.parent is not None:
            children.setdefault(attribution.parent, []).append(attribution.content)
    for attribution in attributions:
        source = attribution.source_actor
        if source is None or source not in order or attribution.frame:
            # A frame (publisher, dateline) covers the whole text: an edge to everyone says nothing.
            continue
        content = attribution.content
        cue_sentence = next(
            (ev for s, e, ev in sentences if s <= attribution.cue.start < e), attribution.cue
        )
        evidence = [cue_sentence]
        if not (cue_sentence.start <= content.start and content.end <= cue_sentence.end):
            evidence.append(content)
        # Actors inside a nested attribution rest on that attribution's source, not on this one.
        nested = children.get(attribution.id, [])
        for m in index.mentions_overlapping(content.start, content.end):
            if content.start <= m.start and m.end <= content.end and not any(
                c.start <= m.start and m.end <= c.end for c in nested
            ):
                sourced.add(source, m.actor.id, SOURCE_OF, "source of", evidence)

    return _ordered([*typed.edges.values(), *sourced.edges.values(), *cooc.edges.values()], order)


def _ordered(edges: list[_Edge], order: dict[str, int]) -> list[Relation]:
    """Typed first, then source-of, then co-occurrence; each by first evidence, then actor order."""
    edges.sort(key=lambda e: (
        _KIND_ORDER.get(e.kind, 0),
        e.evidence[0].start if e.evidence else 0,
        order.get(e.source, 0),
        order.get(e.target, 0),
        e.kind,
    ))
    return [
        Relation(
            source=e.source,
            target=e.target,
            kind=e.kind,
            weight=float(e.weight),
            evidence=sorted(e.evidence, key=lambda s: (s.start, s.end)),
            label=e.label,
        )
        for e in edges
    ]
