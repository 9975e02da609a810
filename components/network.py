"""The network view: actors as a vis-network graph in a two-way Streamlit component.

vis-network is inlined from the copy pyvis ships (pyvis/lib/vis-9.1.2), so the page requests
nothing from the internet. Clicking a node sets the shared focus; the focus goes back to the
frontend inside `data`, where it only recolours nodes (the graph is not rebuilt); a click on the
background clears it. Positions come from sourcetrace.layout (physics off), so every visit draws
the same picture. Tooltips and the PNG download live in the frontend (network_component/network.js).
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
from pathlib import Path

import streamlit as st

from components import session
from sourcetrace.figures import EDGE_CLASSES, KIND_SHAPES, network_data, type_color
from sourcetrace.focus import Focus
from sourcetrace.model import Analysis

HERE = Path(__file__).resolve().parent
# found without importing pyvis (which pulls in jinja2, networkx and more just to name a folder)
_PYVIS = importlib.util.find_spec("pyvis")
VIS_JS = Path(_PYVIS.origin if _PYVIS and _PYVIS.origin else "pyvis/__init__.py").resolve().parent / (
    "lib/vis-9.1.2/vis-network.min.js"
)
# fills the window below the header and filters, within sensible bounds
HEIGHT = "clamp(420px, calc(100vh - 290px), 860px)"

_CSS = """
/* the network's box, its tooltip (text, placed beside the node) and its PNG button */
.st-net { position: relative; width: 100%; border: 1px solid #dfe3e8; border-radius: 0.5rem;
  background: #fff; overflow: hidden; }
.st-net-empty { display: flex; height: 100%; align-items: center; justify-content: center;
  color: #5b6570; font: 0.95rem sans-serif; }
.st-net-tip { position: absolute; display: none; padding: 6px 8px; white-space: pre-wrap;
  max-width: min(420px, 80%); font: 13px/1.4 sans-serif; color: #1b1f24; background: #fffdf3;
  border: 1px solid #d6c98f; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,.15);
  pointer-events: none; z-index: 5; overflow-wrap: anywhere; }
.st-net-png { position: absolute; top: 8px; right: 8px; z-index: 4; padding: 3px 9px;
  font: 600 12px/1.4 sans-serif; color: #1f4e79; background: rgba(255,255,255,.92);
  border: 1px solid #c9d3dd; border-radius: 4px; cursor: pointer; }
.st-net-png:hover { background: #eef3f8; border-color: #1f4e79; }
"""

_SHAPE_GLYPHS = {"dot": "●", "diamond": "◆", "square": "■", "hexagon": "⬢", "triangle": "▲"}


@st.cache_resource
def _library():
    """vis-network as its own component (UMD: defines globalThis.vis when its module loads)."""
    js = (
        "// vis-network 9.1.2 as shipped by pyvis, inlined: nothing is fetched from a CDN\n"
        + VIS_JS.read_text(encoding="utf-8")
        + "\n;\nexport default function () {}\n"
    )
    return st.components.v2.component("sourcetrace_vis_library", js=js)


@st.cache_resource
def renderer():
    """Registered once per process: our small module, which waits for globalThis.vis."""
    js = "// Sourcetrace network\n" + (HERE / "network_component" / "network.js").read_text(encoding="utf-8")
    return st.components.v2.component("sourcetrace_network", js=js, css=_CSS)


def load_library() -> None:
    """Mount vis-network once per page run, outside the view's fragment.

    A component's code travels with every rerun that renders it; kept out of the fragment, a
    focus change sends a few kilobytes instead of the 470 KB library.
    """
    with st.sidebar:
        _library()(key="vis-library")


def signature(graph: dict) -> str:
    """Changes when nodes or edges change, never when only the focus does."""
    body = json.dumps([graph["nodes"], graph["edges"]], sort_keys=True)
    return hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]


def _cached_signature(graph: dict, key: str) -> str:
    """`signature(graph)`, recomputed only when the nodes or edges differ from the last rerun's.

    Every rerun builds a new Analysis (the cached one is unpickled, corrections re-applied), so
    the cache cannot be keyed by the object; comparing the lists is C-speed, unlike json + sha1.
    """
    slot = f"{key}-signature"
    cached = st.session_state.get(slot)
    if cached and cached[0] == graph["nodes"] and cached[1] == graph["edges"]:
        return cached[2]
    sig = signature(graph)
    st.session_state[slot] = (graph["nodes"], graph["edges"], sig)
    return sig


Filters = tuple[list[str], float, list[str]]  # actor types, minimum edge weight, edge families


def render_filters(analysis: Analysis, key: str) -> Filters | None:
    """Types, minimum weight and edge families; the edge families stay in view, the rest in a popover.
    Drawn outside the view's fragment (components/layout.py), so a focus change does not redraw
    them; None when there are no actors (the view says so)."""
    if not analysis.actors:
        return None
    types = sorted({a.type for a in analysis.actors})
    top = max((r.weight for r in analysis.relations), default=1.0)
    present = [c for c in EDGE_CLASSES if any(r.family == c for r in analysis.relations)]
    present = present or list(EDGE_CLASSES)
    # one horizontal block, not three columns: every block is redrawn on each focus change
    row = st.container(
        horizontal=True, horizontal_alignment="distribute", vertical_alignment="center", key=f"{key}-filters"
    )
    chosen_edges = row.pills(
        "Edges", present, default=present, selection_mode="multi", key=session.widget_key(f"{key}-edges"),
        label_visibility="collapsed",
    )
    with row.popover("Filters", icon=":material/filter_list:"):
        chosen_types = st.multiselect(
            "Actor types", types, default=types, key=session.widget_key(f"{key}-types")
        )
        min_weight = 0.0
        if top > 1.0:
            min_weight = st.slider(
                "Minimum edge weight", 0.0, float(top), 0.0, step=0.5, key=session.widget_key(f"{key}-weight")
            )
        else:
            st.caption("Every edge has weight 1.")
    return chosen_types, min_weight, list(chosen_edges or [])


def legend_html(analysis: Analysis) -> str:
    types = sorted({a.type for a in analysis.actors})
    kinds = [k for k in KIND_SHAPES if any(a.kind == k for a in analysis.actors)]
    colour = "".join(
        f'<span><span style="color:{type_color(t)}">●</span> {html.escape(t)}</span>' for t in types
    )
    shapes = "".join(f"<span>{_SHAPE_GLYPHS[KIND_SHAPES[k]]} {k}</span>" for k in kinds)
    edges = "<span>┄ co-occurrence</span><span>→ typed / source-of</span>"
    return (
        '<div class="st-legend" style="display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.82rem;'
        f'color:#46505c;margin-top:.3rem">{colour}<span style="color:#c3c9d0">|</span>{shapes}'
        f'<span style="color:#c3c9d0">|</span>{edges}</div>'
    )


def render_network(analysis: Analysis, focus: Focus | None, key: str, filters: Filters | None) -> None:
    """The clickable network and its legend, drawn with the `filters` render_filters returned."""
    if not analysis.actors or filters is None:
        st.info("No actors were found in this article, so there is no network to draw.")
        return
    types, min_weight, edge_classes = filters
    graph = network_data(analysis, focus, types=types, min_weight=min_weight, edge_classes=edge_classes)
    last_key = f"{key}-last-click"

    def _on_click() -> None:
        clicked = (st.session_state.get(key) or {}).get("clicked")
        _take_click(clicked, last_key)

    result = renderer()(
        key=key,
        data={
            "graph": graph,
            "signature": _cached_signature(graph, key),
            "height": HEIGHT,
            "name": key,
            "layout": (analysis.article.content_hash or "")[:16],
            "filename": f"sourcetrace-network-{st.session_state.get(session.ARTICLE_REF) or 'article'}.png",
            "empty_message": "No actor matches these filters.",
        },
        default={"clicked": None},
        on_clicked_change=_on_click,
    )
    # AppTest (and any path where the callback did not run) sets the state directly
    if _take_click(getattr(result, "clicked", None), last_key):
        st.rerun()
    # legend and counts in one element: each element is a delta the browser redraws on a focus change
    counts = (
        f"{len(graph['nodes'])} actors · {len(graph['edges'])} edges · click a node to focus it, "
        "the background to clear the focus"
    )
    st.markdown(
        legend_html(analysis)
        + f'<div style="font-size:.8rem;color:#5b6570;margin-top:.15rem">{html.escape(counts)}</div>',
        unsafe_allow_html=True,
    )


def _take_click(clicked: object, last_key: str) -> bool:
    """Focus the clicked actor (a click on the background, id None, clears the focus) once per
    click; True when this click is new."""
    if not isinstance(clicked, dict) or "id" not in clicked:
        return False
    stamp = (clicked.get("id"), clicked.get("n"))
    if st.session_state.get(last_key) == stamp:
        return False
    st.session_state[last_key] = stamp
    node = clicked["id"]
    session.set_focus(None if node is None else Focus(type="actor", id=str(node)))
    return True
