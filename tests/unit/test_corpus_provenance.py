"""Provenance on the demo corpus (one claim through five outlets), drift rules, corpus actors, search."""

from __future__ import annotations

import json

import pytest

from sourcetrace.corpus.ingest import ingest
from sourcetrace.corpus.provenance import ClaimRow, claim_clusters, corpus_actors, drift, name_key, provenance
from sourcetrace.corpus.search import search_actor, search_claims
from sourcetrace.corpus.store import Store
from tests.unit.corpus_helpers import DEMO, DEMO_METADATA, DEMO_PUBLISHERS


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "db"
    ingest([DEMO], db, metadata=DEMO_METADATA, progress=False)
    return Store(db)


def test_the_tender_claim_is_one_cluster_in_date_order(demo):
    report = provenance(demo)
    top = report["clusters"][0]
    assert top["id"] == "p1" and top["publishers"] == 5
    assert [a["publisher"] for a in top["appearances"]] == DEMO_PUBLISHERS
    assert top["first"]["publisher"] == "The Harbor Ledger" and top["first"]["published"] == "2025-03-03"
    assert [a["innermost_kind"] for a in top["appearances"]] == [
        "anonymous",
        "anonymous",
        "named",
        "unattributed",
        "named",
    ]
    assert top["appearances"][1]["chain"] == [
        "Coastal Wire",
        "The Harbor Ledger",
        "a port authority official",
    ]
    assert [(d["from_publisher"], d["to_publisher"], d["kind"]) for d in top["drift"]] == [
        ("Coastal Wire", "The Daily Meridian", "source_named"),
        ("Coastal Wire", "The Daily Meridian", "hedge_dropped"),
        ("The Daily Meridian", "Northgate Evening Post", "source_dropped"),
        ("Northgate Evening Post", "The Bay Chronicle", "source_added"),
        ("Northgate Evening Post", "The Bay Chronicle", "denied"),
    ]
    assert top["drift"][0]["text"] == (
        "Coastal Wire → The Daily Meridian: the anonymous source “a port authority official” "
        "became a named one, “Mara Ellison”"
    )
    # every other cluster is the republished copy: the Harbor Ledger and Coastal Wire only
    assert all(
        {a["publisher"] for a in c["appearances"]}
        <= {"The Harbor Ledger", "Coastal Wire", "The Daily Meridian"}
        for c in report["clusters"][1:]
    )


def test_republication_is_found_from_the_texts(demo):
    edges = provenance(demo)["republications"]
    assert [(e["source_publisher"], e["target_publisher"]) for e in edges] == [
        ("The Harbor Ledger", "Coastal Wire")
    ]
    assert edges[0]["overlap"] >= 0.8


def test_min_articles_filters_clusters(demo):
    assert provenance(demo, min_articles=4)["clusters"][0]["articles"] == 5
    assert len(provenance(demo, min_articles=4)["clusters"]) == 1
    assert provenance(demo, min_articles=6)["clusters"] == []


def _row(
    article, content, kind, label, *, stance="asserts", hedged=False, published="2025-01-01", publisher=None
):
    return ClaimRow(
        article=article,
        claim="c1",
        content=content,
        start=0,
        chain=[
            {"label": publisher or article, "kind": "publisher", "actor": None},
            {"label": label, "kind": kind, "actor": None},
        ],
        innermost_kind=kind,
        stance=stance,
        hedged=hedged,
        hedge="reportedly" if hedged else None,
        title=None,
        publisher=publisher or article,
        published=published,
    )


def test_a_lost_denial_and_a_document_named_are_drift():
    text = "the mayor ordered the audit of the harbour accounts"
    rows = [
        _row("A", text, "document", "a leaked memo", published="2025-01-01"),
        _row("B", text, "named", "Jo Park", stance="denies", published="2025-01-02"),
        _row(
            "C",
            "The mayor ordered the audit of the harbour accounts",
            "named",
            "Jo Park",
            published="2025-01-03",
        ),
    ]
    (cluster,) = claim_clusters(rows)
    assert [d["kind"] for d in cluster["drift"]] == ["source_named", "denied", "denial_lost"]
    assert cluster["drift"][2]["text"] == "B → C: the denial by “Jo Park” was lost: the claim is now asserted"


def test_different_propositions_and_same_article_repeats_do_not_cluster():
    rows = [
        _row("A", "the mayor ordered the audit of the harbour accounts", "named", "Jo Park"),
        _row("A", "the mayor ordered the audit of the harbour accounts again", "named", "Jo Park"),
        _row("B", "the governor vetoed the budget for the northern railway", "named", "Li Wu"),
        _row("C", "he said so", "named", "Li Wu"),
        _row("D", "he said so", "named", "Li Wu"),
    ]
    assert claim_clusters(rows) == []


def test_no_drift_when_the_sourcing_is_the_same():
    a = {
        "article": "A",
        "publisher": "A",
        "innermost_kind": "named",
        "innermost_label": "Jo Park",
        "hedged": False,
        "hedge": None,
        "stance": "asserts",
    }
    assert drift(a, dict(a, article="B", publisher="B", innermost_label="jo park")) == []


def test_corpus_actors_join_articles_without_over_merging(demo):
    actors = {a["name"]: a for a in corpus_actors(demo)}
    assert actors["Councillor Tobias Rehn"]["articles"] == 3
    assert actors["Councillor Tobias Rehn"]["aliases"] == ["Tobias Rehn"]
    assert actors["The Harbor Ledger"]["articles"] == 2
    anonymous = [a for a in actors.values() if a["kind"] == "anonymous"]
    assert anonymous and all(a["articles"] == 1 for a in anonymous)  # never merged across articles
    assert name_key("The Harbor Ledger") == "harbor ledger"


def test_search_by_text_and_by_actor(demo):
    hits = search_claims(demo, "awarded without a public tender")["claims"]
    assert [h["publisher"] for h in hits[:5]] == DEMO_PUBLISHERS
    fuzzy = search_claims(demo, "tendr notice in the public registr")["claims"]
    assert {h["publisher"] for h in fuzzy} == {"The Harbor Ledger", "Coastal Wire"}
    assert search_claims(demo, "zeppelin")["claims"] == []
    rehn = search_actor(demo, "Tobias Rehn")
    assert rehn["actor"]["articles"] == 3
    assert [h["publisher"] for h in rehn["claims"]] == [
        "The Daily Meridian",
        "Northgate Evening Post",
        "The Bay Chronicle",
    ]
    assert search_actor(demo, "Nobody Atall")["actor"] is None


def test_the_report_is_json(demo):
    json.dumps(provenance(demo))


def test_a_respelling_or_a_title_is_no_change_of_source():
    a = {
        "article": "A",
        "publisher": "A",
        "innermost_kind": "named",
        "innermost_label": "Felipe Calderon",
        "hedged": False,
        "hedge": None,
        "stance": "asserts",
    }
    assert drift(a, dict(a, article="B", innermost_label="Felipe Calderón")) == []
    assert (
        drift(
            dict(a, innermost_label="Tobias Rehn"),
            dict(a, article="B", innermost_label="Councillor Tobias Rehn"),
        )
        == []
    )
    assert [d["kind"] for d in drift(a, dict(a, article="B", innermost_label="Vicente Fox"))] == [
        "source_changed"
    ]


def test_different_figures_are_different_claims_and_a_middle_initial_is_the_same_source():
    rows = [
        _row("A", "The margin of sampling error is plus or minus 3.4 percentage points", "unattributed", "x"),
        _row("B", "The margin of sampling error is plus or minus 5.7 percentage points", "unattributed", "x"),
    ]
    assert claim_clusters(rows) == []
    a = {
        "article": "A",
        "publisher": "A",
        "innermost_kind": "named",
        "innermost_label": "Donald Trump",
        "hedged": False,
        "hedge": None,
        "stance": "asserts",
    }
    assert drift(a, dict(a, article="B", innermost_label="Donald J. Trump")) == []


def test_the_benchmark_claims_cluster_exactly_by_the_proposition_they_state():
    from benchmarks.corpus import synthetic_claims

    rows = synthetic_claims(400)
    assert len(rows) == 400
    truth: dict[str, set[str]] = {}
    for r in rows:
        truth.setdefault(r.claim.split(".")[0], set()).add(r.article)
    recurring = {p for p, articles in truth.items() if len(articles) >= 2}
    clusters = [{a["claim_id"].split(".")[0] for a in c["appearances"]} for c in claim_clusters(rows)]
    assert all(len(c) == 1 for c in clusters)  # no cluster mixes two propositions
    assert {next(iter(c)) for c in clusters} == recurring  # and every recurring one is found
    assert len(recurring) == 35
