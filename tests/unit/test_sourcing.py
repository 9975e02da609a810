"""On whose word a claim rests and which claims the panel lists (sourcetrace.sourcing)."""

from __future__ import annotations

import pytest

from sourcetrace.model import Actor, Analysis, Article, ChainLink, Claim, Response
from sourcetrace.sourcing import (
    ClaimSelection,
    claim_actor_ids,
    claim_concerns_event,
    claim_form,
    direct_source,
    filter_claims,
    hops,
    source_rows,
    sourcing_profile,
    voice,
)
from sourcetrace.spans import make_span


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


# ---------------------------------------------------------------- profile, voice, sources, selection


TEXT = (
    "Daily Planet\n\n"
    "“We will not back down,” the minister said. "
    "An aide said the plan was \"a disaster for everyone\" and would go. "
    "Reuters reported that the aide, citing a memo, said costs rose. "
    "Prices are high. "
    "The ministry declined to comment. "
    "Reuters said the vote was close."
)
PUB = ChainLink(label="Daily Planet", kind="publisher", actor="p")
REUTERS = ChainLink(label="Reuters", kind="outlet", actor="r")


def _s(fragment: str):
    start = TEXT.index(fragment)
    return make_span(TEXT, start, start + len(fragment))


def _profile_analysis() -> Analysis:
    actors = [
        Actor(id="p", name="Daily Planet", type="ORG", kind="publisher"),
        Actor(id="m", name="the minister", type="PERSON", kind="named"),
        Actor(id="x", name="An aide", type="PERSON", kind="anonymous"),
        Actor(id="r", name="Reuters", type="ORG", kind="outlet"),
        Actor(id="y", name="The ministry", type="ORG", kind="named"),
    ]
    aide = ChainLink(label="An aide", kind="anonymous", actor="x")
    claims = [
        Claim(id="q", content=_s("“We will not back down,”"),
              chain=[PUB, ChainLink(label="the minister", kind="named", actor="m")]),
        Claim(id="pq", content=_s("the plan was \"a disaster for everyone\" and would go"),
              chain=[PUB, aide]),
        # the aide passed on what a memo says, through Reuters
        Claim(id="two", content=_s("costs rose"),
              chain=[PUB, REUTERS, ChainLink(label="the aide", kind="anonymous", actor="x"),
                     ChainLink(label="a memo", kind="document")]),
        Claim(id="own", content=_s("Prices are high"),
              chain=[PUB, REUTERS, ChainLink(label="unattributed", kind="unattributed")]),
        Claim(id="out", content=_s("the vote was close"), chain=[PUB, REUTERS]),
        Claim(id="gone", content=_s("Prices are high"), chain=[PUB, aide], dismissed=True),
    ]
    responses = [Response(id="r1", actor="y", source=_s("The ministry"), cue=_s("declined to comment"))]
    return Analysis(article=Article(text=TEXT), actors=actors, claims=claims, responses=responses)


def test_profile_lists_the_claims_behind_each_figure() -> None:
    p = sourcing_profile(_profile_analysis())
    assert p.claims == ("q", "pq", "two", "own", "out")  # the dismissed claim is not counted
    assert p.anonymous == ("pq", "two")
    assert p.single_source == ("q", "pq", "out")  # "two" rests on the aide and the memo
    assert p.documents == ("two",)
    assert p.own_voice == ("own",)
    assert p.outlets == ("Reuters",)
    assert p.of("documents") == ("two",)
    with pytest.raises(ValueError):
        p.of("verdict")


def test_own_voice_names_whose_voice_and_who_republished_it() -> None:
    a = _profile_analysis()
    assert voice(a.claim("own")) == "Reuters' own voice, as republished by Daily Planet"
    assert voice(a.claim("out")) is None and voice(a.claim("q")) is None
    page = a.claim("own").model_copy(update={"chain": [PUB]})
    assert voice(page) == "Daily Planet's own voice"
    nested = a.claim("own").model_copy(
        update={"chain": [PUB, REUTERS, ChainLink(label="al-Malaf", kind="outlet"),
                          ChainLink(label="unattributed", kind="unattributed")]}
    )
    assert voice(nested) == "al-Malaf's own voice, as republished by Reuters, then Daily Planet"
    assert voice(page.model_copy(update={"chain": []})) == "the article's own voice"


def test_quote_partial_quote_paraphrase() -> None:
    a = _profile_analysis()
    assert [claim_form(a.claim(i)) for i in ("q", "pq", "two")] == ["quote", "partial quote", "paraphrase"]
    two_quotes = a.claim("q").model_copy(update={"content": make_span('"a" and "b"', 0, 11)})
    assert claim_form(two_quotes) == "paraphrase"  # quoted words of fewer than three, not one quotation


def test_one_row_per_source_with_what_it_says_and_who_passed_it_on() -> None:
    rows = {r.id: r for r in source_rows(_profile_analysis())}
    assert list(rows) == ["m", "x", "document:a memo", "r", "y"]
    assert [(s.claim, s.form) for s in rows["m"].said] == [("q", "quote")]
    aide = rows["x"]
    assert (aide.label, aide.kind, aide.claims, aide.relayed) == ("An aide", "anonymous", ("pq",), ("two",))
    pub, reuters = ("Daily Planet", "publisher"), ("Reuters", "outlet")
    assert aide.passed_on_by == ((pub,), (pub, reuters))
    assert aide.aliases == ("the aide",)
    memo = rows["document:a memo"]
    assert (memo.actor, memo.claims) == (None, ("two",))
    assert memo.passed_on_by == ((pub, reuters, ("the aide", "anonymous")),)
    assert rows["r"].claims == ("out",)  # an outlet is a source only when nobody is behind it
    ministry = rows["y"]
    assert (ministry.label, ministry.claims) == ("The ministry", ())
    assert ministry.declined == ("declined to comment",)


def test_claim_selection_parses_and_selects() -> None:
    a = _profile_analysis()
    assert str(ClaimSelection.parse("measure:anonymous")) == "measure:anonymous"
    for junk in (None, "", "measure:verdict", "actor:x", "source:", "anonymous"):
        assert ClaimSelection.parse(junk) is None
    assert ClaimSelection.parse("measure:own_voice").claim_ids(a) == {"own"}
    assert ClaimSelection.parse("measure:own_voice").label(a) == "claims resting on the article's own voice"
    aide = ClaimSelection.parse("source:x")
    assert (aide.claim_ids(a), aide.label(a)) == ({"pq"}, "claims resting on An aide")
    assert ClaimSelection.parse("source:nobody").claim_ids(a) is None
    assert [c.id for c in filter_claims(a, within={"pq", "own"})] == ["pq", "own"]
    assert filter_claims(a, within=set()) == []
