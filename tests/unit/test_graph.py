"""Graph metrics on hand-made analyses with known answers."""

from __future__ import annotations

import networkx as nx

from sourcetrace.graph import actor_graph, centrality, key_actors
from sourcetrace.model import Actor, Analysis, Article, Relation, Span

TEXT = "a1 a2 a3 a4 a5 a1 a4 a4"


def _mentions(actor_id: str) -> list[Span]:
    spans, start = [], TEXT.find(actor_id)
    while start != -1:
        spans.append(Span(start=start, end=start + 2, text=actor_id))
        start = TEXT.find(actor_id, start + 1)
    return spans


def _analysis(edges: list[tuple[str, str, str, float]], ids=("a1", "a2", "a3", "a4", "a5")) -> Analysis:
    actors = [Actor(id=i, name=i.upper(), type="PERSON", kind="named", mentions=_mentions(i)) for i in ids]
    relations = [Relation(source=s, target=t, kind=k, weight=w) for s, t, k, w in edges]
    return Analysis(article=Article(text=TEXT), actors=actors, relations=relations)


# a1 is the hub of a1-a2, a1-a3, a1-a4; a4 alone bridges to a5.
STAR = [
    ("a1", "a2", "co-occurrence", 1.0),
    ("a1", "a3", "co-occurrence", 1.0),
    ("a1", "a4", "co-occurrence", 1.0),
    ("a4", "a5", "co-occurrence", 1.0),
]


def test_graph_has_every_actor_and_relation():
    graph = actor_graph(_analysis([*STAR, ("a2", "a1", "meet", 2.0)]))
    assert isinstance(graph, nx.MultiDiGraph)
    assert list(graph.nodes) == ["a1", "a2", "a3", "a4", "a5"]
    assert graph.nodes["a4"]["mentions"] == 3
    assert graph.number_of_edges() == 5
    assert graph["a2"]["a1"]["meet"]["weight"] == 2.0
    assert graph["a1"]["a2"]["co-occurrence"]["directed"] is False


def test_graph_filters_by_kind_and_weight():
    analysis = _analysis([*STAR, ("a2", "a1", "meet", 2.0)])
    assert [(u, v) for u, v in actor_graph(analysis, kinds=["meet"]).edges()] == [("a2", "a1")]
    assert [(u, v) for u, v in actor_graph(analysis, min_weight=2).edges()] == [("a2", "a1")]


def test_centrality_of_a_star_with_a_tail():
    metrics = centrality(_analysis(STAR))
    assert metrics["a1"]["degree"] == 0.75
    assert metrics["a5"]["degree"] == 0.25
    assert metrics["a1"]["betweenness"] == 0.833333  # 5 of the 6 pairs pass through a1
    assert metrics["a4"]["betweenness"] == 0.5
    assert metrics["a2"]["betweenness"] == 0.0
    groups = {m["community"] for m in metrics.values()}
    assert groups == {0, 1}
    assert metrics["a1"]["community"] == metrics["a2"]["community"] == metrics["a3"]["community"] == 0
    assert metrics["a4"]["community"] == metrics["a5"]["community"] == 1


def test_strong_ties_are_short_paths():
    # a1-a3 are linked once, but a1-a2-a3 are linked five times each: the way runs through a2.
    analysis = _analysis(
        [("a1", "a2", "co-occurrence", 5.0), ("a2", "a3", "co-occurrence", 5.0),
         ("a1", "a3", "co-occurrence", 1.0)],
        ids=("a1", "a2", "a3"),
    )
    metrics = centrality(analysis)
    assert (metrics["a2"]["betweenness"], metrics["a1"]["betweenness"]) == (1.0, 0.0)


def test_isolated_actors_get_their_own_community():
    metrics = centrality(_analysis([], ids=("a1", "a2")))
    assert metrics == {
        "a1": {"degree": 0.0, "betweenness": 0.0, "community": 0},
        "a2": {"degree": 0.0, "betweenness": 0.0, "community": 1},
    }
    assert centrality(_analysis([], ids=())) == {}


def test_key_actors_rank_by_centrality_then_mentions():
    assert key_actors(_analysis(STAR), 2) == ["a1", "a4"]
    # a2 and a3 tie on every metric and have one mention each: first appearance decides.
    assert key_actors(_analysis(STAR), 5) == ["a1", "a4", "a2", "a3", "a5"]
    # Without edges, mentions decide: a4 (3), a1 (2), then a2, a3, a5 in text order.
    assert key_actors(_analysis([]), 5) == ["a4", "a1", "a2", "a3", "a5"]
    assert key_actors(_analysis(STAR), 0) == []
