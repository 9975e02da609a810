"""The pictures of sourcetrace.figures on the hand-made analysis: network data and the timeline
figure. No engine and no browser involved."""

from __future__ import annotations

import pytest

from sourcetrace.figures import KIND_SHAPES, network_data, timeline_figure, type_color
from sourcetrace.focus import Focus, event_ids
from sourcetrace.model import Analysis
from tests.conftest import MADE_UP_TEXT

TEXT = MADE_UP_TEXT


@pytest.fixture
def analysis(made_up_analysis) -> Analysis:
    return made_up_analysis


def test_network_nodes_carry_size_colour_and_shape(analysis):
    nodes = {n["id"]: n for n in network_data(analysis)["nodes"]}
    assert len(nodes) == 6
    assert nodes["a1"]["size"] > nodes["a2"]["size"]  # two mentions against one
    assert nodes["a1"]["color"] == type_color("PERSON") != nodes["a3"]["color"]
    shapes = {nodes[i]["shape"] for i in ("a1", "a4", "a5", "a6")}
    assert len(shapes) == 4  # named, anonymous, publisher, document all differ
    assert nodes["a4"]["shape"] == KIND_SHAPES["anonymous"]
    assert nodes["a2"]["title"].startswith("<Bob> (PERSON, named)")  # plain text, vis shows it as text


def test_network_edges_show_relation_and_evidence(analysis):
    edges = {(e["from"], e["to"]): e for e in network_data(analysis)["edges"]}
    met = edges[("a1", "a2")]
    # both actors by name, the relation, then the whole sentence (plain text: the frontend shows it as text)
    assert met["title"] == (
        "Ali Reza → met → <Bob> · weight 3\n"
        "An official said that Ali Reza met <Bob> in Paris on 2 May 2007."
    )
    assert edges[("a1", "a3")]["title"].splitlines()[0] == "Ali Reza — Paris · named together in 1 sentence"
    assert edges[("a4", "a1")]["title"].splitlines()[0] == "An official → source of → Ali Reza · weight 2"
    assert met["width"] > edges[("a1", "a3")]["width"]
    assert edges[("a1", "a3")]["dashes"] is True and "arrows" not in edges[("a1", "a3")]
    assert edges[("a4", "a1")]["class"] == "source-of"


def test_network_edge_tooltips_show_the_whole_evidence_sentence(analysis):
    long = analysis.relations[0].evidence[0].model_copy(update={"text": "word\n " * 100 + "end."})
    second = analysis.relations[0].evidence[0]
    relations = [analysis.relations[0].model_copy(update={"evidence": [long, second]})]
    edge = network_data(analysis.model_copy(update={"relations": relations}))["edges"][0]
    lines = edge["title"].splitlines()
    assert lines[1] == "word " * 100 + "end."  # never clipped; white space made single spaces
    assert lines[2] == "(and 1 more sentence)"


def test_network_filters(analysis):
    assert len(network_data(analysis, types=["PERSON"])["nodes"]) == 3
    assert [(e["from"], e["to"]) for e in network_data(analysis, types=["PERSON"])["edges"]] == [
        ("a1", "a2"), ("a4", "a1")
    ]
    assert [e["kind"] for e in network_data(analysis, min_weight=2.0)["edges"]] == ["meet", "source-of"]
    assert [e["class"] for e in network_data(analysis, edge_classes=["typed"])["edges"]] == ["typed"]
    assert network_data(analysis, edge_classes=[])["edges"] == []


def test_network_focus_highlights_neighbours(analysis):
    focus = network_data(analysis, Focus(type="actor", id="a1"))["focus"]
    assert focus == {"primary": "a1", "highlight": ["a1", "a2", "a3", "a4"], "active": True}
    claim_focus = network_data(analysis, Focus(type="claim", id="c1"))["focus"]
    assert claim_focus == {"primary": None, "highlight": ["a1", "a2", "a3", "a4", "a5"], "active": True}
    assert network_data(analysis, Focus(type="actor", id="nope"))["focus"]["highlight"] == []
    assert network_data(analysis)["focus"] == {"primary": None, "highlight": [], "active": False}


def test_timeline_points_bars_and_faded_uncertain(analysis):
    fig = timeline_figure(analysis)
    by_id = {}
    for trace in fig.data:
        for i, cid in enumerate(trace.customdata):
            by_id[cid] = (trace, i)
    day, _ = by_id["e1"]
    assert day.type == "scatter" and day.x[0] == "2007-05-02" and day.marker.symbol == "circle"
    span, _ = by_id["e2"]
    assert span.type == "bar" and span.base[0] == "2005-01-01" and span.marker.opacity == 0.3
    lo, hi = fig.layout.xaxis.range
    assert lo < "2005-01-01" < "2007-05-02" < hi
    assert lo > "2004-10-01" and hi < "2007-08-01"  # the events' extent, lightly padded
    assert "&lt;Bob&gt;" in day.hovertext[0] and "<Bob>" not in day.hovertext[0]


def test_timeline_marks_focused_events(analysis):
    fig = timeline_figure(analysis, highlight=event_ids(analysis, Focus(type="actor", id="a2")))
    day = next(t for t in fig.data if "e1" in t.customdata)
    assert day.marker.line.color[0] == "#e0a100"
    assert event_ids(analysis, Focus(type="claim", id="c1")) == {"e1"}
    assert event_ids(analysis, Focus(type="event", id="e9")) == set()


def test_timeline_without_events_is_an_empty_figure(analysis):
    empty = analysis.model_copy(update={"events": []})
    assert timeline_figure(empty).data == ()


def _timeline_with(analysis: Analysis, *extra) -> Analysis:
    from sourcetrace.model import Event

    sentence = analysis.events[0].evidence
    made = [Event(id=eid, label=label, start=s, end=e, precision=p, evidence=sentence, unresolved=u)
            for eid, label, s, e, p, u in extra]
    return analysis.model_copy(update={"events": [*analysis.events, *made]})


def test_timeline_draws_open_events_from_their_known_day(analysis):
    a = _timeline_with(analysis, ("e3", "the deal was struck", None, "2007-05-02", "open", False))
    fig = timeline_figure(a)
    tail = next(t for t in fig.data if t.type == "scatter" and t.mode == "lines+text")
    scatters = [t for t in fig.data if t.type == "scatter"]
    heads = next(t for t in scatters if t.mode == "markers" and "e3" in t.customdata)
    assert tail.line.dash == "dot" and tail.y[:2] == ("e3", "e3") and tail.x[1] == "2007-05-02"
    # the dotted tail runs back a short way, never from the axis start
    lo = fig.layout.xaxis.range[0]
    assert lo < "2005-01-01" < tail.x[0] < "2007-05-02"
    assert tail.text[0] == "before 2 May 2007\u2002\u2002"  # beyond the tip, clear of it
    # one clickable mark, at the known day, pointing to the open side
    assert (heads.x, heads.marker.symbol) == (("2007-05-02",), ("triangle-left",))
    assert all(t.type != "bar" or "e3" not in t.customdata for t in fig.data)


def test_timeline_leaves_unplaced_events_off_and_marks_outliers_at_the_edge(analysis):
    a = _timeline_with(
        analysis,
        ("e3", "a stray", None, None, "open", True),
        ("e4", "the revolution", "1979-01-01", "1979-12-31", "year", False),
        ("e5", "talks resumed", "2007-05-03", "2007-05-03", "day", False),
        ("e6", "talks ended", "2007-05-04", "2007-05-04", "day", False),
    )
    fig = timeline_figure(a)
    drawn = {i for t in fig.data for i in (t.customdata or ())}
    assert "e3" not in drawn and "e3" not in fig.layout.yaxis.tickvals
    lo, hi = fig.layout.xaxis.range
    assert "2004-10-01" < lo < "2005-01-01" and hi > "2007-05-04"  # framed where the events are
    edge = next(t for t in fig.data if t.name == "Outside this range")
    assert edge.customdata == ("e4",) and edge.marker.symbol == ("arrow-bar-left",)
    assert lo < edge.x[0] < "2005-01-01" and edge.text == ("\u2002\u2002◂ 1979",)
    wide = timeline_figure(a, every_date=True)
    assert wide.layout.xaxis.range[0] < "1979-01-01"
    assert all(t.name != "Outside this range" for t in wide.data)


def test_timeline_hover_has_the_whole_label_wrapped(analysis):
    label = "the long negotiations over the future of the port and its customs " * 2
    a = _timeline_with(analysis, ("e3", label.strip(), "2007-05-02", "2007-05-02", "day", False))
    fig = timeline_figure(a)
    hover = next(t.hovertext[list(t.customdata).index("e3")] for t in fig.data if "e3" in t.customdata)
    bold = [x for x in hover.split("<br>") if x.startswith("<b>")]
    assert " ".join(b.removeprefix("<b>").removesuffix("</b>") for b in bold) == label.strip()
    assert [len(b) - len("<b></b>") for b in bold] == [57, 61, 11]  # plotly does not wrap: we do
