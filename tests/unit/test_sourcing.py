"""On whose word a claim rests and which claims the panel lists (sourcetrace.sourcing)."""

from __future__ import annotations

from sourcetrace.sourcing import claim_actor_ids, claim_concerns_event, direct_source, filter_claims, hops


def test_claim_helpers(made_up_analysis):
    analysis = made_up_analysis
    c1, c2, c3 = analysis.claims
    assert direct_source(c1) == ("An official", "anonymous")
    assert direct_source(c1.model_copy(update={"chain": []})) == ("unattributed", "unattributed")
    assert hops(c1) == 1
    assert claim_actor_ids(c1) == {"a1", "a2", "a3", "a4", "a5"}
    assert claim_concerns_event(c1, analysis, "e1") and not claim_concerns_event(c3, analysis, "e1")
    assert [c.id for c in filter_claims(analysis, kinds=["anonymous", "document"])] == ["c1", "c2"]
    assert [c.id for c in filter_claims(analysis, sources=["Ali Reza"])] == ["c3"]
    assert [c.id for c in filter_claims(analysis, actor="a1")] == ["c1", "c3"]
    assert [c.id for c in filter_claims(analysis, event="e1")] == ["c1"]  # named by the claim
    assert [c.id for c in filter_claims(analysis, event="e2")] == ["c2"]  # inside the event's sentence
    assert [c.id for c in filter_claims(analysis, kinds=["document"], actor="a1")] == []
