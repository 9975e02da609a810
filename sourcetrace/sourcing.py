"""On whose word a claim rests, and which claims a reader asks for: the claims panel's decisions.

The panel (components/claims.py), the corrections page and the tests ask these; none of them
decides again. Ordering by the shared focus is `Focus.first` (sourcetrace/focus.py).
"""

from __future__ import annotations

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
) -> list[Claim]:
    """Claims whose direct source / source kind is chosen and that involve `actor` and `event`
    (None or empty: any), in article order."""
    out = []
    for claim in analysis.claims:
        label, kind = direct_source(claim)
        if (
            (sources and label not in sources)
            or (kinds and kind not in kinds)
            or (actor and actor not in claim_actor_ids(claim))
            or (event and not claim_concerns_event(claim, analysis, event))
        ):
            continue
        out.append(claim)
    return out
