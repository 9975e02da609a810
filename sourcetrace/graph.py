"""The actor graph of an analysis and its metrics (networkx): who is central, who clusters together.

Pure functions of an `Analysis`; the dashboard and the walkthrough ("key actors") share them.
Metrics are computed on the undirected, weight-summed view of the graph: centrality here says
how connected an actor is in the text, not who acts on whom.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from sourcetrace.model import Analysis


def actor_graph(
    analysis: Analysis, kinds: Iterable[str] | None = None, min_weight: float = 0
) -> nx.MultiDiGraph:
    """Every actor as a node; one edge per relation of the chosen kinds with weight >= min_weight.

    Node attributes: name, type, kind, mentions (count). Edge key: the relation kind; attributes:
    kind, weight, label, evidence (list of (start, end)). Co-occurrence edges carry
    `directed=False` (their direction is only the actors' order).
    """
    wanted = set(kinds) if kinds is not None else None
    graph = nx.MultiDiGraph()
    for actor in analysis.actors:
        graph.add_node(
            actor.id, name=actor.name, type=actor.type, kind=actor.kind, mentions=len(actor.mentions)
        )
    for rel in analysis.relations:
        if wanted is not None and rel.kind not in wanted:
            continue
        if rel.weight < min_weight or rel.source == rel.target:
            continue
        if rel.source not in graph or rel.target not in graph:
            continue  # a relation to an actor removed by a correction: nothing to draw
        graph.add_edge(
            rel.source,
            rel.target,
            key=rel.kind,
            kind=rel.kind,
            weight=rel.weight,
            label=rel.label,
            evidence=[(s.start, s.end) for s in rel.evidence],
            directed=rel.family != "co-occurrence",
        )
    return graph


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """One edge per actor pair, weight = the sum of the pair's relation weights."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += data["weight"]
        else:
            simple.add_edge(u, v, weight=data["weight"])
    for _, _, data in simple.edges(data=True):
        data["distance"] = 1.0 / data["weight"] if data["weight"] > 0 else float("inf")
    return simple


def centrality(
    analysis: Analysis, kinds: Iterable[str] | None = None, min_weight: float = 0
) -> dict[str, dict[str, float | int]]:
    """{actor_id: {"degree", "betweenness", "community"}}; communities numbered largest first."""
    simple = undirected(actor_graph(analysis, kinds, min_weight))
    if simple.number_of_nodes() == 0:
        return {}
    degree = nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else dict.fromkeys(simple, 0.0)
    # Strong ties are short: a pair named together in many sentences is close.
    betweenness = nx.betweenness_centrality(simple, weight="distance", normalized=True)
    community = _communities(simple)
    return {
        node: {
            "degree": round(degree[node], 6),
            "betweenness": round(betweenness[node], 6),
            "community": community[node],
        }
        for node in simple.nodes
    }


def _communities(simple: nx.Graph) -> dict[str, int]:
    order = {node: i for i, node in enumerate(simple.nodes)}
    if simple.number_of_edges() == 0:
        groups = [{node} for node in simple.nodes]
    else:
        groups = [set(g) for g in nx.community.greedy_modularity_communities(simple, weight="weight")]
    # Deterministic numbering: biggest community first, ties by the earliest actor.
    groups.sort(key=lambda g: (-len(g), min(order[n] for n in g)))
    return {node: i for i, group in enumerate(groups) for node in group}


def key_actors(analysis: Analysis, n: int = 5, kinds: Iterable[str] | None = None) -> list[str]:
    """The n most central actors: degree, then betweenness, then mentions, then first appearance."""
    metrics = centrality(analysis, kinds)
    end = len(analysis.article.text)
    first = {a.id: min((m.start for m in a.mentions), default=end) for a in analysis.actors}
    mentions = {a.id: len(a.mentions) for a in analysis.actors}
    ranked = sorted(
        metrics,
        key=lambda a: (-metrics[a]["degree"], -metrics[a]["betweenness"], -mentions[a], first[a], a),
    )
    return ranked[: max(n, 0)]
