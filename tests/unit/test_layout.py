"""The network's layout is a pure function of the analysis: seeded, over the whole actor graph,
label boxes apart. No browser involved (tests/e2e/test_network_browser.py checks the page)."""

from __future__ import annotations

import pytest

from sourcetrace import layout
from sourcetrace.figures import network_data
from sourcetrace.model import Analysis


@pytest.fixture
def analysis(made_up_analysis) -> Analysis:
    return made_up_analysis


def _fresh(analysis: Analysis) -> dict[str, tuple[float, float]]:
    layout._CACHE.clear()  # computed again, not read back from the cache
    return layout.network_layout(analysis)


def test_two_runs_give_identical_positions(analysis, bundled_analysis):
    for a in (analysis, bundled_analysis):
        first = _fresh(a)
        assert first == _fresh(a) == layout.network_layout(a.model_copy(deep=True))
        assert list(first) == [actor.id for actor in a.actors]


def test_positions_reach_the_frontend_with_physics_off(analysis):
    graph = network_data(analysis)
    where = layout.network_layout(analysis)
    assert {n["id"]: (n["x"], n["y"]) for n in graph["nodes"]} == where
    assert graph["options"]["physics"] == {"enabled": False}


def test_a_filter_hides_nodes_without_moving_the_others(analysis):
    everyone = {n["id"]: (n["x"], n["y"]) for n in network_data(analysis)["nodes"]}
    people = {n["id"]: (n["x"], n["y"]) for n in network_data(analysis, types=["PERSON"])["nodes"]}
    typed = {n["id"]: (n["x"], n["y"]) for n in network_data(analysis, edge_classes=["typed"])["nodes"]}
    assert sorted(people) == ["a1", "a2", "a4"]
    assert people == {k: everyone[k] for k in people}
    assert typed == everyone


def test_a_correction_that_changes_the_graph_changes_the_layout(analysis):
    before = layout.network_layout(analysis)
    fewer = analysis.model_copy(update={"relations": analysis.relations[:1]})
    assert layout.layout_key(fewer) != layout.layout_key(analysis)
    assert layout.network_layout(fewer) != before


def test_label_boxes_do_not_overlap(bundled_analysis):
    where = layout.network_layout(bundled_analysis)
    boxes = {}
    most = max(len(a.mentions) for a in bundled_analysis.actors)
    for a in bundled_analysis.actors:
        x, y = where[a.id]
        size = layout.node_size(len(a.mentions), most)
        w = max(size, min(len(a.name), layout.LABEL_CHARS) * layout.CHAR_PX / 2)
        h = size + layout.LINE_PX / 2
        boxes[a.id] = (x - w, y - h, x + w, y + h)
    clashes = [
        (p, q) for p in boxes for q in boxes if p < q
        and boxes[p][0] < boxes[q][2] and boxes[q][0] < boxes[p][2]
        and boxes[p][1] < boxes[q][3] and boxes[q][1] < boxes[p][3]
    ]
    assert clashes == []


def test_no_actor_and_one_actor(analysis):
    assert layout.network_layout(analysis.model_copy(update={"actors": [], "relations": []})) == {}
    one = analysis.model_copy(update={"actors": analysis.actors[:1], "relations": []})
    assert layout.network_layout(one) == {"a1": (0.0, 0.0)}
