"""The one focus shared by every view: an actor, a claim or an event of the analysis.

`Focus` is what the session keeps, the URL carries (`?focus=actor:a3`, `str(focus)` and
`Focus.parse`) and every view is handed; what a focus lights up (its actors, its events, the
claims about it first) is decided here, never in a component.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from sourcetrace.model import Analysis, Claim
from sourcetrace.sourcing import claim_actor_ids, claim_concerns_event

FocusType = Literal["actor", "claim", "event"]
FOCUS_TYPES: tuple[str, ...] = get_args(FocusType)


class Focus(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    type: FocusType
    id: str = Field(min_length=1)

    @classmethod
    def parse(cls, value: str | None) -> Focus | None:
        """'actor:a3' -> Focus(type="actor", id="a3"); anything else -> None."""
        kind, sep, ident = (value or "").partition(":")
        if not sep or kind not in FOCUS_TYPES or not ident:
            return None
        return cls(type=kind, id=ident)

    def __str__(self) -> str:
        return f"{self.type}:{self.id}"

    def of(self, kind: FocusType) -> str | None:
        """The focused id when the focus is of this kind (focus.of("actor") -> "a3" or None)."""
        return self.id if self.type == kind else None

    def exists_in(self, analysis: Analysis) -> bool:
        lookup = {"actor": analysis.actor, "claim": analysis.claim, "event": analysis.event}[self.type]
        return lookup(self.id) is not None

    def label(self, analysis: Analysis) -> str | None:
        """How the focus is named to the reader; None when it names nothing in this analysis."""
        if self.type == "actor" and (actor := analysis.actor(self.id)):
            return actor.name
        if self.type == "claim" and (claim := analysis.claim(self.id)):
            text = claim.content.text
            return "claim: " + (text[:60] + ("…" if len(text) > 60 else ""))
        if self.type == "event" and (event := analysis.event(self.id)):
            return "event: " + event.label
        return None

    def actor_ids(self, analysis: Analysis) -> tuple[str | None, set[str]]:
        """(primary actor, actors to light): an actor and its neighbours, a claim's or an event's actors."""
        if self.type == "actor" and analysis.actor(self.id):
            linked = {self.id}
            for r in analysis.relations:
                if r.source == self.id:
                    linked.add(r.target)
                elif r.target == self.id:
                    linked.add(r.source)
            return self.id, linked
        if self.type == "claim" and (claim := analysis.claim(self.id)):
            return None, claim_actor_ids(claim)
        if self.type == "event" and (event := analysis.event(self.id)):
            return None, set(event.actors)
        return None, set()

    def event_ids(self, analysis: Analysis) -> set[str]:
        """Events the focus concerns: the event itself, an actor's events, a claim's events."""
        if self.type == "event":
            return {self.id} if analysis.event(self.id) else set()
        if self.type == "actor":
            return {e.id for e in analysis.events if self.id in e.actors}
        claim = analysis.claim(self.id)
        return set(claim.events) if claim else set()

    def concerns(self, claim: Claim, analysis: Analysis) -> bool:
        """The claim is the focus, or involves the focused actor, or concerns the focused event."""
        if self.type == "claim":
            return claim.id == self.id
        if self.type == "actor":
            return self.id in claim_actor_ids(claim)
        return claim_concerns_event(claim, analysis, self.id)


def actor_ids(analysis: Analysis, focus: Focus | None) -> tuple[str | None, set[str]]:
    return focus.actor_ids(analysis) if focus else (None, set())


def event_ids(analysis: Analysis, focus: Focus | None) -> set[str]:
    return focus.event_ids(analysis) if focus else set()


def order_claims(claims: Iterable[Claim], analysis: Analysis, focus: Focus | None) -> list[Claim]:
    """The claims an actor or event focus concerns first, then the rest (stable: article order
    within each). A focused claim keeps its place: its card must not jump away from where the
    reader clicked it (the panel scrolls to it instead)."""
    claims = list(claims)
    if focus is None or focus.type == "claim":
        return claims
    return sorted(claims, key=lambda claim: 0 if focus.concerns(claim, analysis) else 1)
