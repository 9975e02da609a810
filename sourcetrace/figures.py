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

from sourcetrace.dates import day_or_none
from sourcetrace.focus import Focus, actor_ids
from sourcetrace.model import RELATION_FAMILIES, Analysis, Event

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
# An edge tooltip quotes the start of its evidence sentence: the dashboard sends every edge's
# tooltip again on each focus change, and full sentences were most of those bytes.
EDGE_EVIDENCE_CHARS = 140


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
    typed and/or source-of edges (None: all); edges lighter than `min_weight` are dropped.
    """
    keep_types = set(types) if types is not None else None
    keep_edges = set(edge_classes) if edge_classes is not None else None
    actors = [a for a in analysis.actors if keep_types is None or a.type in keep_types]
    ids = {a.id for a in actors}
    max_mentions = max((len(a.mentions) for a in actors), default=1) or 1

    nodes = []
    for a in actors:
        n = len(a.mentions)
        lines = [f"{a.name} ({a.type}, {a.kind})", f"{n} mention{'s' if n != 1 else ''}"]
        if a.aliases:
            lines.append("also: " + ", ".join(a.aliases))
        if a.titles:
            lines.append("titles: " + ", ".join(a.titles))
        nodes.append(
            {
                "id": a.id,
                "label": _clip(a.name, 40),
                "title": "\n".join(lines),
                # sqrt keeps a 20-mention actor visible without dwarfing the rest
                "size": round(12 + 22 * math.sqrt(n / max_mentions), 1),
                "color": type_color(a.type),
                "shape": KIND_SHAPES.get(a.kind, "dot"),
                "group": a.type,
                "kind": a.kind,
                "mentions": n,
            }
        )

    edges = []
    for i, r in enumerate(analysis.relations):
        if r.source not in ids or r.target not in ids or r.weight < min_weight:
            continue
        cls = r.family
        if keep_edges is not None and cls not in keep_edges:
            continue
        label = r.label or r.kind
        lines = [f"{label} (weight {r.weight:g})"]
        if r.evidence:
            lines.append(_clip(r.evidence[0].text, EDGE_EVIDENCE_CHARS))
        edge = {
            "id": f"r{i}",
            "from": r.source,
            "to": r.target,
            "title": "\n".join(lines),
            "width": round(1 + 2.5 * math.log1p(r.weight), 2),
            "kind": r.kind,
            "class": cls,
            "weight": r.weight,
            "dashes": cls == "co-occurrence",
        }
        if cls != "co-occurrence":
            edge["arrows"] = "to"
        edges.append(edge)

    primary, highlighted = actor_ids(analysis, focus)
    return {
        "nodes": nodes,
        "edges": edges,
        "options": network_options(),
        "focus": {"primary": primary, "highlight": sorted(highlighted & ids)},
    }


def network_options() -> dict:
    """Physics that settles quickly; the frontend turns it off once stabilised."""
    return {
        "autoResize": True,
        "nodes": {"font": {"size": 20, "face": "sans-serif", "color": "#1b1f24"}, "borderWidth": 1},
        "edges": {
            "color": {"color": "#9aa4af", "highlight": "#1f4e79", "hover": "#1f4e79"},
            "smooth": {"type": "continuous"},
            "hoverWidth": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "physics": {
            "solver": "forceAtlas2Based",
            # strong repulsion, long springs: labels of a dense news graph need room
            "forceAtlas2Based": {
                "gravitationalConstant": -120, "centralGravity": 0.01, "springLength": 140,
                "springConstant": 0.05, "avoidOverlap": 0.6,
            },
            # benchmark 6 (300 actors): settled in 0.64-0.74 s with 200 iterations, 1.31-1.41 s with 400
            "stabilization": {"enabled": True, "iterations": 200, "fit": True},
        },
    }


# ---------------------------------------------------------------- timeline


def event_interval(event: Event, fallback_start: date, fallback_end: date) -> tuple[date, date, bool]:
    """(start, end, open) drawn for an event; open ends borrow the extent of the other events."""
    start, end = day_or_none(event.start), day_or_none(event.end)
    is_open = start is None or end is None or event.precision == "open"
    # an open start runs from the earliest known date, an open end to the latest
    start = start if start is not None else min(fallback_start, end or fallback_start)
    end = end if end is not None else max(fallback_end, start)
    if end < start:
        start, end = end, start
    return start, end, is_open


def timeline_extent(analysis: Analysis) -> tuple[date, date] | None:
    """The earliest and latest known dates of the events (None without any dated event)."""
    days = [d for e in analysis.events for d in (day_or_none(e.start), day_or_none(e.end)) if d is not None]
    return (min(days), max(days)) if days else None


def _hover(event: Event, start: date, end: date) -> str:
    when = start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"
    if event.start is None:
        when = f"until {end.isoformat()} (open start)"
    elif event.end is None:
        when = f"from {start.isoformat()} (open end)"
    flags = [event.precision]
    if event.uncertain:
        flags.append("uncertain")
    if event.unresolved:
        flags.append("unresolved")
    sentence = html.escape(_clip(event.evidence.text, 300))
    # wrap the sentence by hand: plotly hover labels do not wrap
    words, lines, line = sentence.split(), [], ""
    for w in words:
        if len(line) + len(w) > 70 and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    if line:
        lines.append(line)
    return f"<b>{html.escape(event.label)}</b><br>{when} · {', '.join(flags)}<br><br>" + "<br>".join(lines)


def timeline_figure(
    analysis: Analysis, focus_event: str | None = None, *, highlight: Iterable[str] | None = None
):
    """A plotly Figure of the events: points for exact days, bars for intervals, faded when uncertain.

    `focus_event` and the events in `highlight` get an amber outline (an actor's or a claim's
    events when those are focused). Every mark carries the event id as customdata, so a
    selection maps back to an event.
    """
    marked = set(highlight or ()) | ({focus_event} if focus_event else set())
    import plotly.graph_objects as go

    fig = go.Figure()
    extent = timeline_extent(analysis)
    if extent is None:
        fig.update_layout(height=220, xaxis={"visible": False}, yaxis={"visible": False})
        return fig
    lo, hi = extent
    rows = sorted(
        analysis.events,
        key=lambda e: (day_or_none(e.start) or day_or_none(e.end) or lo, day_or_none(e.end) or hi),
    )
    labels = {e.id: _clip(e.label, 34) for e in rows}
    # a week is invisible on a four-year axis: draw short spans at least this wide (hover has the dates)
    min_span = max(timedelta(days=1), (hi - lo) * 0.012)
    # four families share one legend: exact/interval x certain/uncertain
    buckets: dict[tuple[str, bool], list[tuple[Event, date, date]]] = {}
    for e in rows:
        start, end, is_open = event_interval(e, lo, hi)
        exact = start == end and e.precision == "day" and not is_open
        faded = e.uncertain or is_open or e.unresolved
        buckets.setdefault(("day" if exact else "span", faded), []).append((e, start, end))

    accent = "#1f4e79"
    for (shape, faded), items in sorted(buckets.items()):
        ids = [e.id for e, _, _ in items]
        focus_width = [3 if i in marked else 0.5 for i in ids]
        focus_line = ["#e0a100" if i in marked else accent for i in ids]
        hover = [_hover(e, s, t) for e, s, t in items]
        name = ("Day" if shape == "day" else "Interval") + (" (uncertain or open)" if faded else "")
        if shape == "day":
            fig.add_trace(
                go.Scatter(
                    x=[s.isoformat() for _, s, _ in items],
                    y=ids,
                    mode="markers",
                    name=name,
                    customdata=ids,
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                    marker={
                        "size": [18 if i in marked else 13 for i in ids],
                        "symbol": "circle-open" if faded else "circle",
                        "color": accent,
                        "opacity": 0.45 if faded else 1.0,
                        "line": {"width": focus_width, "color": focus_line},
                    },
                )
            )
        else:
            # bars on a date axis: base = start, length in milliseconds (what px.timeline does)
            spans = [(s, max(t - s + timedelta(days=1), min_span)) for _, s, t in items]
            fig.add_trace(
                go.Bar(
                    base=[s.isoformat() for s, _ in spans],
                    x=[length.total_seconds() * 1000 for _, length in spans],
                    y=ids,
                    orientation="h",
                    name=name,
                    customdata=ids,
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                    marker={
                        "color": accent,
                        "opacity": 0.3 if faded else 0.85,
                        "pattern": {"shape": "/" if faded else ""},
                        "line": {"width": focus_width, "color": focus_line},
                    },
                    width=0.55,
                )
            )
    pad = max(timedelta(days=7), (hi - lo) * 0.03)
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
            "categoryarray": [e.id for e in reversed(rows)],
            "tickvals": [e.id for e in rows],
            "ticktext": [labels[e.id] for e in rows],
            "automargin": True,
        },
    )
    return fig
