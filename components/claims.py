"""The claims side panel: its heading and filters, then ONE components-v2 element with the focus
line, "n of N shown", the cards (chain, words, badges, Focus / Show in text) and "Show all".

sourcetrace.panel decides everything the panel says (`claims_panel`); the component
(components/claims_component) puts it into the page as text and reports a click as the "action"
state value {op, id, n}. One element instead of five per card: Streamlit's frontend pays a few
milliseconds per element a focus change reruns (README, benchmark 4).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import session
from sourcetrace import render
from sourcetrace.focus import Focus
from sourcetrace.model import Analysis
from sourcetrace.panel import FIRST_CARDS, KIND_BADGES, claims_panel, filter_options, kind_label

__all__ = ["FIRST_CARDS", "KIND_BADGES", "PANEL_CSS", "crumbs_html", "panel_data", "render_panel"]

HERE = Path(__file__).resolve().parent
PANEL = ".st-key-claims-panel"  # the panel's container (components/layout.py), its own scroll box

PANEL_CSS = """
<style>
.st-crumbs { font-size: 0.84rem; line-height: 1.45; color: #46505c; margin-bottom: 0.25rem; }
.st-crumbs .st-link { display: inline; padding: 0; border: 0; background: none; }
.st-crumbs .st-link small { display: none; }
.st-crumbs .st-last { color: #1b1f24; font-weight: 600; }
.st-crumbs .st-one-word, .st-crumbs .st-tail { white-space: nowrap; }
.st-crumbs .st-sep { color: #9aa4af; margin: 0 0.25rem; }
/* the panel scrolls inside itself beside the view: a card low in it and the view both stay in sight */
@media (min-width: 640px) {
  [data-testid="stColumn"]:has(.st-key-claims-panel) > [data-testid="stVerticalBlock"],
  [data-testid="stLayoutWrapper"]:has(> .st-key-claims-panel) { height: 100%; }
  .st-key-claims-panel { position: sticky; top: 0.75rem; max-height: calc(100vh - 1.5rem); overflow-y: auto;
    overscroll-behavior: contain; padding-right: 0.35rem; }
}
</style>
"""


def crumbs_html(links: list[tuple[str, str]], tail: str | None = None) -> str:
    """(label, kind) links as a compact chain (the Sources view's "passed on by"), then `tail`."""
    return f'<div class="st-crumbs">{render.chain_html(links, tail=tail)}</div>'


@st.cache_resource
def renderer():
    """The panel's component, registered once per process; mounted in the page (no shadow root),
    so the theme's fonts and the Material Symbols font Streamlit loads reach it."""
    folder = HERE / "claims_component"
    # a leading comment line: a css/js string without a newline that contains "/" is taken as a path
    js = "// Sourcetrace claims panel\n" + (folder / "claims.js").read_text(encoding="utf-8")
    css = "/* Sourcetrace claims panel */\n" + (folder / "claims.css").read_text(encoding="utf-8")
    return st.components.v2.component("sourcetrace_claims", js=js, css=css, isolate_styles=False)


def _keys(key: str) -> dict[str, str]:
    """The session keys of a panel's filters (the shown article's own) and its "Show all" flag."""
    return {
        "sources": session.widget_key(f"{key}-sources"),
        "kinds": session.widget_key(f"{key}-kinds"),
        "onlyfocus": session.widget_key(f"{key}-onlyfocus"),
        "all": session.widget_key(f"{key}-all"),
    }


def panel_data(analysis: Analysis, focus: Focus | None, key: str) -> dict:
    """What the panel shows now, from the session's filters, selection and "Show all" flag."""
    k = _keys(key)
    state = st.session_state
    return claims_panel(
        analysis, focus,
        sources=state.get(k["sources"]) or [],
        kinds=state.get(k["kinds"]) or [],
        only_focus=bool(state.get(k["onlyfocus"], True)),
        selection=session.get_selection(analysis),
        show_all=bool(state.get(k["all"])),
    )


def render_heading(analysis: Analysis) -> None:
    """The panel's style and heading, in one element (every element costs the browser time per rerun)."""
    st.markdown(f"{PANEL_CSS}\n\n#### Claims · {len(analysis.claims)}", unsafe_allow_html=True)


def render_panel(
    analysis: Analysis, focus: Focus | None, key: str, on_article_page: bool, heading: bool = True
) -> None:
    """The right-hand panel shown beside every view; `heading=False` when the page drew
    render_heading itself (above the panel, outside the fragment a focus change reruns)."""
    last_key = f"{key}-last-action"
    # a click the callback did not carry out (AppTest sets the state directly): before any widget
    # of the panel is drawn, so clearing the filters may still set them; then every view reruns
    if _take_action(_value(key), key, last_key, on_article_page):
        st.rerun()
    if heading:
        render_heading(analysis)
    if analysis.claims:
        _filters(analysis, focus, key)

    def _on_action() -> None:
        _take_action(_value(key), key, last_key, on_article_page)

    renderer()(
        key=key,
        data={"panel": panel_data(analysis, focus, key), "keep": str(focus) if focus else "", "box": PANEL},
        default={"action": None},
        on_action_change=_on_action,
    )


def _filters(analysis: Analysis, focus: Focus | None, key: str) -> None:
    k = _keys(key)
    labels, kinds = filter_options(analysis)
    with st.expander("Filters", expanded=False):
        st.multiselect("Source", labels, key=k["sources"], placeholder="any source")
        st.multiselect("Source kind", kinds, key=k["kinds"], placeholder="any kind", format_func=kind_label)
        st.toggle(
            "Only claims about the focused actor or event", value=True, key=k["onlyfocus"],
            disabled=focus is None or focus.type == "claim",
        )


def _value(key: str) -> object:
    state = st.session_state.get(key)
    try:
        return state.get("action") if state is not None else None
    except AttributeError:
        return None


def _take_action(action: object, key: str, last_key: str, on_article_page: bool) -> bool:
    """Carry out a click in the panel once; True when it was new."""
    if not isinstance(action, dict) or action.get("op") not in ("focus", "show", "clear", "unfilter", "more"):
        return False
    stamp = (action.get("op"), action.get("id"), action.get("n"))
    if st.session_state.get(last_key) == stamp:
        return False
    st.session_state[last_key] = stamp
    op, claim_id = action["op"], action.get("id")
    if op in ("focus", "show") and not (isinstance(claim_id, str) and claim_id):
        return False
    if op == "focus":
        session.set_focus(Focus(type="claim", id=claim_id))
    elif op == "show":
        _show_in_text(claim_id, on_article_page)
    elif op == "clear":
        session.set_focus(None)
    elif op == "unfilter":
        _clear_filters(key)
    else:
        flag = _keys(key)["all"]
        st.session_state[flag] = not st.session_state.get(flag)
    return True


def _clear_filters(key: str) -> None:
    k = _keys(key)
    st.session_state[k["sources"]] = []
    st.session_state[k["kinds"]] = []
    st.session_state[k["onlyfocus"]] = False
    session.set_selection(None)


def _show_in_text(claim_id: str, on_article_page: bool) -> None:
    session.set_focus(Focus(type="claim", id=claim_id))
    st.session_state[session.SCROLL_KEY] = f"claim-{claim_id}"
    if not on_article_page:
        # switching pages cannot happen inside a callback; the page does it on its rerun
        st.session_state["goto_article"] = True
