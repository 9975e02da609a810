"""Where each actor sits in the network picture: a seeded layout, a pure function of the analysis.

The dashboard, the walkthrough and the exported report draw the network with physics off at
these positions, so an article looks the same on every visit (another page and back, a reload,
another machine with the same libraries). The layout is computed over the whole actor graph,
never over a filtered view of it: switching an edge family or a type off hides nodes, it never
moves the others.

networkx's spring layout (Fruchterman-Reingold, fixed seed, weights = the pair's summed relation
weights) places the actors; a deterministic pass then pushes apart nodes whose label boxes
overlap, since a news graph's long names need more room than a force layout gives them.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from sourcetrace.graph import actor_graph, undirected
from sourcetrace.model import Analysis

SEED = 7  # any fixed value: the point is that it never changes between runs
LABEL_CHARS = 40  # labels are clipped to this many characters (figures.network_data)
CHAR_PX = 10.5  # width of one label character at the network's 20 px font, roughly
LINE_PX = 26  # height of a label line
GAP_PX = 18  # room kept between two nodes' boxes
ITERATIONS = 100  # spring iterations (networkx's default is 50): 300 actors in about 0.5 s
_OVERLAP_ROUNDS = 60


Positions = dict[str, tuple[float, float]]


def layout_key(analysis: Analysis) -> tuple:
    """What the layout depends on, and nothing else: the actors (id, label length, mentions) and
    the relations (pair and weight). Two analyses with the same key get the same positions."""
    actors = tuple((a.id, min(len(a.name), LABEL_CHARS), len(a.mentions)) for a in analysis.actors)
    relations = tuple(sorted((r.source, r.target, float(r.weight)) for r in analysis.relations))
    return (analysis.article.content_hash or "", actors, relations)


def network_layout(analysis: Analysis) -> Positions:
    """{actor id: (x, y)} in pixels, centred on 0; the same analysis gives the same positions."""
    key = layout_key(analysis)
    cached = _CACHE.get(key)
    if cached is None:  # computed once per article and set of corrections, in this process
        cached = _compute(analysis)
        _CACHE[key] = cached
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
    return dict(cached)


_CACHE: dict[tuple, tuple[tuple[str, tuple[float, float]], ...]] = {}
_CACHE_SIZE = 64


def node_size(mentions: int, max_mentions: int) -> float:
    """A node's radius in pixels (sqrt keeps a 20-mention actor visible without dwarfing the rest)."""
    return round(12 + 22 * math.sqrt(mentions / max(1, max_mentions)), 1)


def _compute(analysis: Analysis) -> tuple[tuple[str, tuple[float, float]], ...]:
    ids = [a.id for a in analysis.actors]
    if not ids:
        return ()
    if len(ids) == 1:
        return ((ids[0], (0.0, 0.0)),)
    simple = undirected(actor_graph(analysis))
    graph = nx.Graph()
    graph.add_nodes_from(ids)  # in the analysis' order: the seed then means the same start
    pairs = sorted(simple.edges(data=True), key=lambda e: (e[0], e[1]))
    graph.add_edges_from((u, v, {"weight": d["weight"]}) for u, v, d in pairs)
    n = len(ids)
    # k: the ideal distance in the unit box; a sparse news graph spreads too thin at networkx's 1/sqrt(n)
    raw = nx.spring_layout(graph, k=1.6 / math.sqrt(n), iterations=ITERATIONS, seed=SEED, weight="weight")
    xy = np.array([raw[i] for i in ids], dtype=float)
    xy -= xy.mean(axis=0)
    spread = float(np.abs(xy).max()) or 1.0
    scale = 110 * math.sqrt(n)  # pixels: the picture grows with the number of actors
    xy = xy / spread * scale
    max_mentions = max(len(a.mentions) for a in analysis.actors)
    half_w = np.array(
        [max(node_size(len(a.mentions), max_mentions), min(len(a.name), LABEL_CHARS) * CHAR_PX / 2)
         for a in analysis.actors]
    )
    half_h = np.array([node_size(len(a.mentions), max_mentions) + LINE_PX / 2 for a in analysis.actors])
    xy = _separate(xy, half_w + GAP_PX / 2, half_h + GAP_PX / 2)
    # whole pixels: what vis-network reports back (getPositions rounds), so a test can compare them
    return tuple((i, (float(round(x)), float(round(y)))) for i, (x, y) in zip(ids, xy, strict=True))


def _separate(xy: np.ndarray, half_w: np.ndarray, half_h: np.ndarray) -> np.ndarray:
    """Push apart every pair of boxes that overlap, along the axis where they overlap least.

    Deterministic (no randomness, a fixed number of rounds); pairs at the same point are split
    along a direction fixed by their order.
    """
    xy = xy.copy()
    n = len(xy)
    order = np.arange(n)
    for _ in range(_OVERLAP_ROUNDS):
        dx = xy[:, None, 0] - xy[None, :, 0]
        dy = xy[:, None, 1] - xy[None, :, 1]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        # the sign of each push: away from the other node; ties broken by index order
        sx = np.where(dx != 0, np.sign(dx), np.sign(order[:, None] - order[None, :]))
        sy = np.where(dy != 0, np.sign(dy), np.sign(order[:, None] - order[None, :]))
        along_x = clash & (over_x <= over_y)
        along_y = clash & ~along_x
        push_x = np.where(along_x, sx * over_x / 2, 0.0).sum(axis=1)
        push_y = np.where(along_y, sy * over_y / 2, 0.0).sum(axis=1)
        xy[:, 0] += push_x * 0.6
        xy[:, 1] += push_y * 0.6
    return xy
