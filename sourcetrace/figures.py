"""Pictures of an analysis that do not need Streamlit: vis-network data and the plotly timeline.

Shared by the dashboard (components/) and the standalone HTML export. Every string that comes
from the article is plain text here: vis-network 9 shows string tooltips as text, and plotly
hover text is HTML-escaped before it is handed over.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from datetime import date, timedelta

from sourcetrace.chronology import Placed, chronology
from sourcetrace.focus import Focus, actor_ids
from sourcetrace.layout import network_layout, node_size
from sourcetrace.model import RELATION_FAMILIES, Analysis, Relation

# One colour per entity type, shared by the text highlights, the legend and the network.
TYPE_COLORS: dict[str, str] = {
    "PERSON": "#2f6fb0",
    "ORG": "#c0622f",
    "GPE": "#3a8f4b",
    "NORP": "#8a5fb5",
    "LOC": "#2a9d8f",
    "FAC": "#b5892a",
    "EVENT": "#c2417a",
    "WORK_OF_ART": "#6b7b8c",
    "LAW": "#6d4c41",
}
OTHER_COLOR = "#7a828c"

# A distinct shape for the kinds of actor a reader must tell apart at a glance.
KIND_SHAPES: dict[str, str] = {
    "named": "dot",
    "anonymous": "diamond",
    "publisher": "square",
    "outlet": "hexagon",
    "document": "triangle",
}

EDGE_CLASSES = RELATION_FAMILIES


def type_color(entity_type: str) -> str:
    return TYPE_COLORS.get(entity_type, OTHER_COLOR)


def _clip(text: str, limit: int = 320) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def network_data(
    analysis: Analysis,
    focus: Focus | None = None,
    *,
    types: Iterable[str] | None = None,
    min_weight: float = 0.0,
    edge_classes: Iterable[str] | None = None,
) -> dict:
    """{"nodes": [...], "edges": [...], "options": {...}, "focus": {...}} for vis-network.

    `types` keeps actors of these entity types (None: all); `edge_classes` keeps co-occurrence,
    typed and/or source-of edges (None: all); edges lighter than `min_weight` are dropped. Every
    node carries its fixed position (`sourcetrace.layout`, over the whole graph: a filter hides
    nodes, never moves the rest) and physics is off, so the picture is a function of the analysis.
    Tooltips (`title`) are plain text: the node's name, type, kind and mentions; the edge's two
    actors, its relation and its whole evidence sentence.
    """
    keep_types = set(types) if types is not None else None
    keep_edges = set(edge_classes) if edge_classes is not None else None
    actors = [a for a in analysis.actors if keep_types is None or a.type in keep_types]
    ids = {a.id for a in actors}
    names = {a.id: a.name for a in analysis.actors}
    max_mentions = max((len(a.mentions) for a in analysis.actors), default=1) or 1
    where = network_layout(analysis)

    nodes = []
    for a in actors:
        n = len(a.mentions)
        lines = [f"{a.name} ({a.type}, {a.kind})", f"{n} mention{'s' if n != 1 else ''}"]
        if a.aliases:
            lines.append("also: " + ", ".join(a.aliases))
        if a.titles:
            lines.append("titles: " + ", ".join(a.titles))
        x, y = where.get(a.id, (0.0, 0.0))
        nodes.append(
            {
                "id": a.id,
                "label": _clip(a.name, 40),
                "title": "\n".join(lines),
                "size": node_size(n, max_mentions),
                "color": type_color(a.type),
                "shape": KIND_SHAPES.get(a.kind, "dot"),
                "group": a.type,
                "kind": a.kind,
                "mentions": n,
                "x": x,
                "y": y,
            }
        )

    edges = []
    for i, r in enumerate(analysis.relations):
        if r.source not in ids or r.target not in ids or r.weight < min_weight:
            continue
        cls = r.family
        if keep_edges is not None and cls not in keep_edges:
            continue
        edge = {
            "id": f"r{i}",
            "from": r.source,
            "to": r.target,
            "title": edge_tooltip(r, names),
            "width": round(1 + 2.5 * math.log1p(r.weight), 2),
            "kind": r.kind,
            "class": cls,
            "weight": r.weight,
            "dashes": cls == "co-occurrence",
        }
        if cls != "co-occurrence":
            edge["arrows"] = "to"
            # bent apart from the pair's co-occurrence edge (and from each other), so each can be hovered
            edge["smooth"] = {"type": "curvedCW" if cls == "typed" else "curvedCCW", "roundness": 0.18}
        edges.append(edge)

    primary, highlighted = actor_ids(analysis, focus)
    return {
        "nodes": nodes,
        "edges": edges,
        "options": network_options(),
        # active: some focus is set (a click on the background then clears it)
        "focus": {"primary": primary, "highlight": sorted(highlighted & ids), "active": focus is not None},
    }


def edge_tooltip(relation: Relation, names: dict[str, str]) -> str:
    """Both actors and the relation on the first line ("NCRI → source of → al-Malaf · weight 2",
    "A — B · named together in 3 sentences"), then the whole first evidence sentence."""
    a, b = names.get(relation.source, relation.source), names.get(relation.target, relation.target)
    weight = f"{relation.weight:g}"
    if relation.family == "co-occurrence":
        n = len(relation.evidence) or int(relation.weight)
        head = f"{a} — {b} · named together in {n} sentence{'s' if n != 1 else ''}"
    else:
        head = f"{a} → {relation.label or relation.kind.replace('-', ' ')} → {b} · weight {weight}"
    lines = [head]
    if relation.evidence:
        lines.append(" ".join(relation.evidence[0].text.split()))
        more = len(relation.evidence) - 1
        if more:
            lines.append(f"(and {more} more sentence{'s' if more != 1 else ''})")
    return "\n".join(lines)


def network_options() -> dict:
    """Fixed positions (physics off): the picture never drifts and is the same on every visit."""
    return {
        "autoResize": True,
        "nodes": {"font": {"size": 20, "face": "sans-serif", "color": "#1b1f24"}, "borderWidth": 1},
        "edges": {
            "color": {"color": "#9aa4af", "highlight": "#1f4e79", "hover": "#1f4e79"},
            "smooth": {"type": "continuous"},
            "hoverWidth": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "physics": {"enabled": False},
    }


# ---------------------------------------------------------------- timeline
#
# Where each event goes (a day, a span, open on one side, or not on the axis at all) and the range
# the timeline opens on are decided in sourcetrace.chronology; this only draws them.

ACCENT = "#1f4e79"
FOCUS_LINE = "#e0a100"
HOVER_LINE_CHARS = 70  # plotly hover labels do not wrap: longer lines run off the chart
GAP = "\u2002\u2002"  # two en spaces between a mark and its words (plotly sets text right at the point)


def timeline_extent(analysis: Analysis) -> tuple[date, date] | None:
    """The earliest and latest known dates of the events (None without any placed event)."""
    return chronology(analysis).extent


def _wrap(text: str, width: int = HOVER_LINE_CHARS) -> list[str]:
    lines: list[str] = []
    line = ""
    for w in text.split():
        if len(line) + len(w) > width and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return [*lines, line] if line else lines


def _hover(p: Placed, note: str = "") -> str:
    """The full label and the whole evidence sentence, escaped and wrapped by hand."""
    e = p.event
    flags = [e.precision]
    if e.uncertain:
        flags.append("uncertain")
    if p.placement in ("open_start", "open_end"):
        flags.append("open start" if p.placement == "open_start" else "open end")
    label = "<br>".join(f"<b>{html.escape(x)}</b>" for x in _wrap(e.label, 60))
    sentence = "<br>".join(html.escape(x) for x in _wrap(" ".join(e.evidence.text.split())))
    extra = f"<br><i>{html.escape(note)}</i>" if note else ""
    return f"{label}<br>{html.escape(p.when)} · {', '.join(flags)}{extra}<br><br>{sentence}"


def _outline(ids: list[str], marked: set[str]) -> dict:
    return {"width": [3 if i in marked else 0.5 for i in ids],
            "color": [FOCUS_LINE if i in marked else ACCENT for i in ids]}


def _day_trace(go, items: list[Placed], faded: bool, marked: set[str]):
    ids = [p.event.id for p in items]
    return go.Scatter(
        x=[p.first.isoformat() for p in items], y=ids, mode="markers",
        name="Day" + (" (uncertain)" if faded else ""), customdata=ids,
        hovertext=[_hover(p) for p in items], hovertemplate="%{hovertext}<extra></extra>",
        marker={"size": [18 if i in marked else 13 for i in ids],
                "symbol": "circle-open" if faded else "circle", "color": ACCENT,
                "opacity": 0.45 if faded else 1.0, "line": _outline(ids, marked)},
    )


def _span_trace(go, items: list[Placed], faded: bool, marked: set[str], min_span: timedelta):
    ids = [p.event.id for p in items]
    # bars on a date axis: base = start, length in milliseconds (what px.timeline does)
    lengths = [max(p.last - p.first + timedelta(days=1), min_span) for p in items]
    return go.Bar(
        base=[p.first.isoformat() for p in items], x=[n.total_seconds() * 1000 for n in lengths], y=ids,
        orientation="h", name="Interval" + (" (uncertain)" if faded else ""), customdata=ids,
        hovertext=[_hover(p) for p in items], hovertemplate="%{hovertext}<extra></extra>",
        marker={"color": ACCENT, "opacity": 0.3 if faded else 0.85,
                "pattern": {"shape": "/" if faded else ""}, "line": _outline(ids, marked)},
        width=0.55,
    )


def _open_traces(go, items: list[Placed], marked: set[str], frame: tuple[date, date]):
    """An open event: one mark at its known day, an arrowhead pointing to the open side, a short
    dotted tail beyond it and its date in words ("before 10 Jul 2007") on the side with room.
    One clickable mark per event (the tail and its words are not points)."""
    lo, hi = frame
    stub = max(timedelta(days=2), (hi - lo) * 0.06)
    xs: list[str | None] = []
    ys: list[str | None] = []
    texts: list[str] = []
    positions: list[str] = []
    for p in items:
        day = p.anchor
        assert day is not None
        before = p.placement == "open_start"
        tip = day - stub if before else day + stub
        # the words go beyond the tail, unless that runs off the frame: then on the day's other side
        beyond = (tip - lo) > (hi - lo) * 0.3 if before else (hi - tip) > (hi - lo) * 0.3
        xs += [tip.isoformat(), day.isoformat(), None]
        ys += [p.event.id, p.event.id, None]
        # beyond the tip, away from the day; or beside the day, away from the tail (clear of its mark)
        side = "middle left" if before == beyond else "middle right"
        words = f"{p.when}{GAP}" if side == "middle left" else f"{GAP}{p.when}"
        texts += [words if beyond else "", "" if beyond else words, ""]
        positions += [side, side, side]
    ids = [p.event.id for p in items]
    tail = go.Scatter(
        x=xs, y=ys, mode="lines+text", name="open", hoverinfo="skip", showlegend=False,
        text=texts, textposition=positions, textfont={"color": ACCENT, "size": 12},
        line={"color": ACCENT, "width": 2, "dash": "dot"},
    )
    heads = go.Scatter(
        x=[p.anchor.isoformat() for p in items], y=ids, mode="markers",  # type: ignore[union-attr]
        name="Open (before or from a day)", customdata=ids,
        hovertext=[_hover(p) for p in items], hovertemplate="%{hovertext}<extra></extra>",
        marker={"symbol": [f"triangle-{'left' if p.placement == 'open_start' else 'right'}" for p in items],
                "size": [18 if i in marked else 14 for i in ids], "color": ACCENT, "opacity": 0.8,
                "line": _outline(ids, marked)},
    )
    return [tail, heads]


def _edge_trace(go, items: list[Placed], marked: set[str], lo: date, hi: date, pad: timedelta):
    """Events far outside the frame: an arrow at the frame's edge, their date beside it."""
    ids = [p.event.id for p in items]
    before = [p.outside == "before" for p in items]
    return go.Scatter(
        x=[(lo - pad * 0.5 if b else hi + pad * 0.5).isoformat() for b in before], y=ids,
        mode="markers+text", name="Outside this range", customdata=ids,
        text=[f"{GAP}◂ {p.when}" if b else f"{p.when} ▸{GAP}" for p, b in zip(items, before, strict=True)],
        textposition=["middle right" if b else "middle left" for b in before],
        textfont={"color": "#8a4b00", "size": 12},
        hovertext=[_hover(p, "far outside the range shown: zoom out or choose every date") for p in items],
        hovertemplate="%{hovertext}<extra></extra>",
        marker={"symbol": ["arrow-bar-left" if b else "arrow-bar-right" for b in before], "color": "#8a4b00",
                "size": [18 if i in marked else 14 for i in ids], "line": {"width": 1.5, "color": "#8a4b00"}},
    )


def timeline_figure(
    analysis: Analysis, focus_event: str | None = None, *, highlight: Iterable[str] | None = None,
    every_date: bool = False,
):
    """A plotly Figure of the placed events: points for exact days, bars for spans (faded when
    uncertain), open events from their known day with a dotted arrow, outliers marked at the edge.

    The x range is the chronology's frame (`every_date`: every known date). `focus_event` and
    the events in `highlight` get an amber outline. Every mark carries the event id as customdata,
    so a selection maps back to an event. Unplaced events are not drawn (the view lists them).
    """
    marked = set(highlight or ()) | ({focus_event} if focus_event else set())
    import plotly.graph_objects as go

    fig = go.Figure()
    chron = chronology(analysis)
    if chron.frame is None or chron.extent is None:
        fig.update_layout(height=220, xaxis={"visible": False}, yaxis={"visible": False})
        return fig
    lo, hi = chron.extent if every_date else chron.frame
    rows = list(chron.placed)
    # a week is invisible on a four-year axis: draw short spans at least this wide (hover has the dates)
    min_span = max(timedelta(days=1), (hi - lo) * 0.012)
    pad = max(timedelta(days=7), (hi - lo) * 0.03)
    buckets: dict[tuple[str, bool], list[Placed]] = {}
    for p in rows:
        faded = p.event.uncertain or p.placement in ("open_start", "open_end")
        buckets.setdefault((p.placement, faded), []).append(p)
    for (placement, faded), items in sorted(buckets.items()):
        if placement == "day":
            fig.add_trace(_day_trace(go, items, faded, marked))
        elif placement == "span":
            fig.add_trace(_span_trace(go, items, faded, marked, min_span))
    opened = [p for p in rows if p.placement in ("open_start", "open_end")]
    if opened:
        fig.add_traces(_open_traces(go, opened, marked, (lo, hi)))
    outliers = [p for p in rows if p.outside] if not every_date else []
    if outliers:
        fig.add_trace(_edge_trace(go, outliers, marked, lo, hi, pad))
    fig.update_layout(
        height=max(260, 70 + 38 * len(rows)),
        margin={"l": 10, "r": 36, "t": 12, "b": 30},
        barmode="overlay",
        clickmode="event+select",
        dragmode="pan",
        # the marks explain themselves (the dashboard's caption says solid = exact, faded = uncertain);
        # a legend squeezed beside long labels wrapped into a column on narrow screens
        showlegend=False,
        modebar={"orientation": "v"},
        hoverlabel={"align": "left"},
        xaxis={"type": "date", "range": [(lo - pad).isoformat(), (hi + pad).isoformat()], "showgrid": True},
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [p.event.id for p in reversed(rows)],
            "tickvals": [p.event.id for p in rows],
            "ticktext": [_clip(p.event.label, 34) for p in rows],
            "automargin": True,
        },
    )
    return fig
