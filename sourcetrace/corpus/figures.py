"""The path of one claim cluster as a dated graph of outlets (plotly; no Streamlit).

x = publication date, one row per publisher in order of first appearance; a marker per appearance
shaped by the kind of its innermost source; a dotted line follows the claim from appearance to
appearance, republication edges are arrows, and each change of sourcing is marked in red at the
appearance where it happened. Hover text is HTML-escaped: article strings are data.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

KIND_SYMBOLS = {
    "anonymous": "diamond",
    "document": "triangle-up",
    "named": "circle",
    "outlet": "hexagon",
    "publisher": "square",
    "unattributed": "circle-open",
}
KIND_COLORS = {
    "anonymous": "#b5892a",
    "document": "#6d4c41",
    "named": "#2f6fb0",
    "outlet": "#c0622f",
    "publisher": "#7a828c",
    "unattributed": "#7a828c",
}
DRIFT_SHORT = {
    "source_named": "source named",
    "source_dropped": "source dropped",
    "source_added": "source added",
    "source_kind": "source changed",
    "source_changed": "source changed",
    "hedge_dropped": "hedge dropped",
    "hedge_added": "hedge added",
    "denial_lost": "denial lost",
    "denied": "denied",
}
DRIFT_COLOR = "#c0392b"
REPUBLICATION_COLOR = "#3a8f4b"


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=False)


def path_rows(cluster: dict) -> list[str]:
    """Publishers in order of first appearance (the figure's rows, top to bottom)."""
    return list(dict.fromkeys(a["publisher"] or "publisher unknown" for a in cluster["appearances"]))


def path_figure(cluster: dict, republications: list[dict] = ()) -> go.Figure:
    apps = [a for a in cluster["appearances"] if a["published"]]
    rows = path_rows(cluster)
    y_of = {a["article"]: a["publisher"] or "publisher unknown" for a in cluster["appearances"]}
    x_of = {a["article"]: a["published"] for a in apps}
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[a["published"] for a in apps],
            y=[y_of[a["article"]] for a in apps],
            mode="lines",
            line={"color": "#b0b6bd", "width": 1.5, "dash": "dot"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for kind in KIND_SYMBOLS:
        group = [a for a in apps if a["innermost_kind"] == kind]
        if not group:
            continue
        fig.add_trace(
            go.Scatter(
                x=[a["published"] for a in group],
                y=[y_of[a["article"]] for a in group],
                mode="markers",
                name=f"source: {kind}",
                marker={
                    "symbol": KIND_SYMBOLS[kind],
                    "size": 16,
                    "color": KIND_COLORS[kind],
                    "line": {"width": 1.5, "color": KIND_COLORS[kind]},
                },
                customdata=[a["article"] for a in group],
                hovertext=[
                    f"<b>{_esc(a['publisher'])}</b> · {_esc(a['published'])}<br>"
                    f"{_esc(' › '.join(a['chain']))}<br><i>{_esc(a['content'][:160])}</i>"
                    + (" (hedged)" if a["hedged"] else "")
                    + (" (denied)" if a["stance"] == "denies" else "")
                    for a in group
                ],
                hoverinfo="text",
            )
        )
    in_cluster = set(x_of)
    for e in republications:
        if e["source"] in in_cluster and e["target"] in in_cluster:
            fig.add_annotation(
                x=x_of[e["target"]],
                y=y_of[e["target"]],
                ax=x_of[e["source"]],
                ay=y_of[e["source"]],
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=3,
                arrowsize=1.4,
                arrowwidth=2,
                arrowcolor=REPUBLICATION_COLOR,
                standoff=10,
                startstandoff=10,
                text="",
            )
    marks: dict[str, list[str]] = {}
    for d in cluster["drift"]:
        marks.setdefault(d["to"], []).append(DRIFT_SHORT.get(d["kind"], d["kind"]))
    for article, labels in marks.items():
        if article in x_of:
            fig.add_annotation(
                x=x_of[article],
                y=y_of[article],
                text=_esc(" · ".join(labels)),
                showarrow=False,
                yshift=20,
                font={"color": DRIFT_COLOR, "size": 12},
            )
    fig.update_layout(
        height=max(260, 70 * len(rows) + 110),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        plot_bgcolor="white",
        legend={"orientation": "h", "y": -0.2},
        hoverlabel={"align": "left"},
    )
    fig.update_yaxes(
        categoryorder="array", categoryarray=list(reversed(rows)), gridcolor="#eef0f2", title=None
    )
    fig.update_xaxes(type="date", gridcolor="#eef0f2", title=None)
    return fig
