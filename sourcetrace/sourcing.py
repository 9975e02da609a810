"""On whose word a claim rests, and which claims a reader asks for: the claims panel's and the
Sources view's decisions (the sourcing profile, one row per source, whose own voice speaks).

The panel (components/claims.py), the Sources view (components/sources.py), the walkthrough's
summary, the corrections page and the tests ask these; none of them decides again. Ordering by
the shared focus is `Focus.first` (sourcetrace/focus.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sourcetrace.model import Analysis, Claim
from sourcetrace.spans import overlaps


def direct_source(claim: Claim) -> tuple[str, str]:
    """(label, kind) of the innermost link: the source the claim rests on."""
    if not claim.chain:
        return "unattributed", "unattributed"
    last = claim.chain[-1]
    return last.label, last.kind


def hops(claim: Claim) -> int:
    """Hand-overs between the reader's page and the source: links after the first."""
    return max(len(claim.chain) - 1, 0)


def claim_actor_ids(claim: Claim) -> set[str]:
    """The actors a claim touches: every source of its chain and every actor named in its content."""
    return {link.actor for link in claim.chain if link.actor} | set(claim.actors)


def claim_concerns_event(claim: Claim, analysis: Analysis, event_id: str) -> bool:
    """The claim names the event, or its content overlaps the sentence the event comes from."""
    if event_id in claim.events:
        return True
    event = analysis.event(event_id)
    return event is not None and overlaps(
        claim.content.start, claim.content.end, event.evidence.start, event.evidence.end
    )


def filter_claims(
    analysis: Analysis,
    sources: list[str] | None = None,
    kinds: list[str] | None = None,
    actor: str | None = None,
    event: str | None = None,
    within: Collection[str] | None = None,
) -> list[Claim]:
    """Claims whose direct source / source kind is chosen, that involve `actor` and `event` and
    whose id is `within` (None or empty: any; `within` empty: none), in article order."""
    out = []
    for claim in analysis.claims:
        label, kind = direct_source(claim)
        if (
            (within is not None and claim.id not in within)
            or (sources and label not in sources)
            or (kinds and kind not in kinds)
            or (actor and actor not in claim_actor_ids(claim))
            or (event and not claim_concerns_event(claim, analysis, event))
        ):
            continue
        out.append(claim)
    return out


# ---------------------------------------------------------------- the sourcing profile
#
# How the article's claims are sourced, as sets of claim ids: the walkthrough's closing summary
# counts these sets, the Sources view shows them and the claims panel lists the claims behind each.

Measure = Literal["anonymous", "single_source", "documents", "own_voice"]
# measure -> what the claims rest on, as the Sources view and the walkthrough word it
MEASURES: dict[str, str] = {
    "anonymous": "an anonymous source",
    "single_source": "one source only",
    "documents": "a document",
    "own_voice": "the article's own voice",
}
_RELAYS = ("publisher", "outlet")
_ORIGINATORS = ("named", "anonymous", "document")


def rests_on_own_voice(claim: Claim) -> bool:
    """No source named for the claim itself: the text (the page, or the report it relays) speaks.

    The last link is "unattributed", the publisher, or a frame: a dateline's outlet that frames
    the text ("NCRI › al-Malaf" with no source inside al-Malaf's report).
    """
    if not claim.chain:
        return True
    last = claim.chain[-1]
    return last.kind in ("unattributed", "publisher") or last.frame


def claim_sources(claim: Claim) -> list[str]:
    """Labels of the links that originate a claim; an outlet counts only if nobody is behind it.

    A claim in the article's own voice has no source: relaying it does not make the relay one.
    """
    return [claim.chain[i].label for i in _source_links(claim)]


def measure_holds(claim: Claim, measure: str) -> bool:
    kinds = {link.kind for link in claim.chain}
    if measure == "anonymous":
        return "anonymous" in kinds  # an unnamed person somewhere in the chain
    if measure == "single_source":
        return len(set(claim_sources(claim))) == 1  # exactly one originating source
    if measure == "documents":
        return "document" in kinds  # a report, document or study in the chain
    if measure == "own_voice":
        return rests_on_own_voice(claim)  # no source at all: the article (or its publisher) speaks
    raise ValueError(f"unknown sourcing measure {measure!r}")


def counted_claims(analysis: Analysis) -> list[Claim]:
    """The claims the profile counts: every claim the analyst has not dismissed."""
    return [c for c in analysis.claims if not c.dismissed]


@dataclass(frozen=True)
class SourcingProfile:
    """The claim ids behind each figure of the article's sourcing (dismissed claims left out)."""

    claims: tuple[str, ...]
    anonymous: tuple[str, ...]
    single_source: tuple[str, ...]
    documents: tuple[str, ...]
    own_voice: tuple[str, ...]
    outlets: tuple[str, ...]  # other news organisations the article relays, in order of first use
    top_source: str | None  # the source most claims rest on (None unless it carries two or more)
    top_source_claims: int

    def of(self, measure: str) -> tuple[str, ...]:
        if measure not in MEASURES:
            raise ValueError(f"unknown sourcing measure {measure!r}")
        return getattr(self, measure)


def sourcing_profile(analysis: Analysis) -> SourcingProfile:
    claims = counted_claims(analysis)
    sources: Counter[str] = Counter()
    for c in claims:
        for label in dict.fromkeys(claim_sources(c)):  # a source counts once per claim
            sources[label] += 1
    # a "most relied-on" source only means something when it carries more than one claim
    top = [(label, n) for label, n in sources.most_common(1) if n > 1]
    measured = {m: tuple(c.id for c in claims if measure_holds(c, m)) for m in MEASURES}
    return SourcingProfile(
        claims=tuple(c.id for c in claims),
        outlets=tuple(dict.fromkeys(link.label for c in claims for link in c.chain if link.kind == "outlet")),
        top_source=top[0][0] if top else None,
        top_source_claims=top[0][1] if top else 0,
        **measured,
    )


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def voice(claim: Claim) -> str | None:
    """Whose own voice a claim with no source is in, and who relays it; None when it has a source.

    NCRI › al-Malaf › (no source) -> "al-Malaf's own voice, as republished by NCRI"; a page that
    speaks itself -> "NCRI's own voice"; no chain at all -> "the article's own voice".
    """
    if not rests_on_own_voice(claim):
        return None
    relays = list(dict.fromkeys(link.label for link in claim.chain if link.kind in _RELAYS))
    if not relays:
        return MEASURES["own_voice"]
    *outer, speaker = relays
    text = f"{_possessive(speaker)} own voice"
    if outer:
        text += ", as republished by " + ", then ".join(reversed(outer))
    return text


# ---------------------------------------------------------------- one row per source

Form = Literal["quote", "partial quote", "paraphrase"]
_OPEN_QUOTES = "\"“‘«„"
_CLOSE_QUOTES = "\"”’»“"
_QUOTED = re.compile(r"[\"“«„]([^\"”»“]+)[\"”»“]")


def claim_form(claim: Claim) -> Form:
    """Quote (the content is inside quotation marks), partial quote (quoted words of three or
    more inside a paraphrase) or paraphrase."""
    text = claim.content.text.strip().rstrip(".,;:!?")
    if len(text) > 2 and text[0] in _OPEN_QUOTES and text.rstrip(".,;:!?")[-1] in _CLOSE_QUOTES:
        inner = text[1:].rstrip(".,;:!?")[:-1]
        if not any(q in inner for q in "\"“”"):  # one quotation, not "a" and "b" with words between
            return "quote"
    if any(len(m.group(1).split()) >= 3 for m in _QUOTED.finditer(claim.content.text)):
        return "partial quote"
    return "paraphrase"


@dataclass(frozen=True)
class Said:
    """One claim a source makes, as the Sources view lists it."""

    claim: str
    text: str
    form: Form


@dataclass(frozen=True)
class SourceRow:
    """A source of the article: what it says, what it passed on, who passed it on, what it declined."""

    id: str  # the actor's id, else "kind:label"
    label: str
    kind: str  # a chain link kind: named, anonymous, document, outlet (or an actor kind for a non-answer)
    actor: str | None
    said: tuple[Said, ...] = ()  # claims resting on it (it is their innermost source), article order
    relayed: tuple[str, ...] = ()  # claims it passed on from a source further in
    # the relay paths to it, each (label, kind) outermost first: ((NCRI, publisher), (al-Malaf, outlet))
    passed_on_by: tuple[tuple[tuple[str, str], ...], ...] = ()
    declined: tuple[str, ...] = ()  # its no-comment cues ("declined to comment")
    aliases: tuple[str, ...] = ()  # other labels the chains give it

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(s.claim for s in self.said)


@dataclass
class _Row:
    label: str
    kind: str
    actor: str | None
    said: list[Said] = field(default_factory=list)
    relayed: list[str] = field(default_factory=list)
    paths: dict[tuple[tuple[str, str], ...], None] = field(default_factory=dict)
    declined: list[str] = field(default_factory=list)
    labels: dict[str, None] = field(default_factory=dict)


def _source_links(claim: Claim) -> list[int]:
    """Indices of the chain links that are sources of the claim (as `claim_sources` counts them)."""
    if rests_on_own_voice(claim):
        return []
    idx = [i for i, link in enumerate(claim.chain) if link.kind in _ORIGINATORS]
    if not idx:
        idx = [i for i, link in enumerate(claim.chain) if link.kind == "outlet"][-1:]
    return idx


def source_rows(analysis: Analysis) -> list[SourceRow]:
    """One row per source, in order of first appearance: the people, documents and outlets the
    claims rest on, and the actors recorded as not answering (analysis.responses)."""
    rows: dict[str, _Row] = {}

    def row(actor_id: str | None, label: str, kind: str) -> _Row:
        actor = analysis.actor(actor_id)
        key = actor.id if actor else f"{kind}:{label}"
        if key not in rows:
            rows[key] = _Row(label=actor.name if actor else label, kind=kind, actor=key if actor else None)
        rows[key].labels[label] = None
        return rows[key]

    for claim in sorted(counted_claims(analysis), key=lambda c: (c.content.start, c.content.end)):
        idx = _source_links(claim)
        for n, i in enumerate(idx):
            link = claim.chain[i]
            r = row(link.actor, link.label, link.kind)
            r.paths[tuple((x.label, x.kind) for x in claim.chain[:i])] = None
            if n == len(idx) - 1:
                text = " ".join(claim.content.text.split())
                r.said.append(Said(claim=claim.id, text=text, form=claim_form(claim)))
            else:
                r.relayed.append(claim.id)
    for response in analysis.responses:
        actor = analysis.actor(response.actor)
        label = actor.name if actor else (response.source.text if response.source else "someone unnamed")
        kind = actor.kind if actor else "named"
        row(response.actor, label, kind).declined.append(" ".join(response.cue.text.split()))
    return [
        SourceRow(
            id=key, label=r.label, kind=r.kind, actor=r.actor, said=tuple(r.said), relayed=tuple(r.relayed),
            passed_on_by=tuple(p for p in r.paths if p), declined=tuple(r.declined),
            aliases=tuple(lbl for lbl in r.labels if lbl != r.label),
        )
        for key, r in rows.items()
    ]


# ---------------------------------------------------------------- which claims the panel lists

SelectionType = Literal["measure", "source"]


class ClaimSelection(BaseModel):
    """A set of claims the reader asked to see (a figure of the profile, a source's claims):
    what the claims panel lists, carried in the URL as ?claims=measure:anonymous or source:a22."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: SelectionType
    id: str = Field(min_length=1)

    @classmethod
    def parse(cls, value: str | None) -> ClaimSelection | None:
        kind, sep, ident = (value or "").partition(":")
        if not sep or kind not in ("measure", "source") or not ident:
            return None
        if kind == "measure" and ident not in MEASURES:
            return None
        return cls(type=kind, id=ident)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return f"{self.type}:{self.id}"

    def claim_ids(self, analysis: Analysis) -> set[str] | None:
        """The claims selected; None when the selection names nothing in this analysis."""
        if self.type == "measure":
            return set(sourcing_profile(analysis).of(self.id))
        source = next((r for r in source_rows(analysis) if r.id == self.id), None)
        return set(source.claims) if source else None

    def label(self, analysis: Analysis) -> str | None:
        if self.type == "measure":
            return f"claims resting on {MEASURES[self.id]}"
        source = next((r for r in source_rows(analysis) if r.id == self.id), None)
        return f"claims resting on {source.label}" if source else None
