"""One page = a header, a view and the claims panel beside it, rerun as a fragment on focus changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components import navigation, session
from components.article import render_header
from components.claims import render_heading, render_panel
from sourcetrace import logs
from sourcetrace.model import Analysis

ARTICLE_PAGE = "pages/article.py"


COLUMNS = [2.3, 1]  # the view, the claims panel


def view_page(
    view: str,
    render_view: Callable[..., None],
    controls: Callable[[Analysis], Any] | None = None,
) -> None:
    """The shared frame of every view; `render_view(analysis, focus)` draws the view itself.

    `controls(analysis)`, when given, draws the view's own filters above it, outside the fragment
    (a focus change does not redraw them: every element a fragment rerun sends costs the browser
    time, benchmark 4); what it returns is handed to the view: `render_view(analysis, focus, chosen)`.
    A filter changed reruns the whole page, as any widget outside a fragment does.
    """
    navigation.require_frame()  # this page may have been run alone, without app.py
    try:
        analysis = session.analysis()
    except Exception as err:  # noqa: BLE001 - a message, never a traceback
        logs.log_error(err, stage=f"view {view}")
        st.error(session.user_message(err))
        return
    render_header(analysis)
    for warning in analysis.warnings[:5]:
        st.caption(f":material/info: {warning}")
    chosen: Any = None
    if controls is not None:
        top, head = st.columns(COLUMNS, gap="medium", vertical_alignment="bottom")
        with top:
            chosen = controls(analysis)
        with head:  # the panel's heading beside the filters, static too
            render_heading(analysis)

    @st.fragment
    def body() -> None:
        # a focus change reruns only this: the view and the panel, not the loader or the sidebar
        if st.session_state.pop("goto_article", False) and view != "article":
            st.switch_page(ARTICLE_PAGE)
        focus = session.get_focus(analysis)
        main, side = st.columns(COLUMNS, gap="medium")
        with main:
            if controls is None:
                render_view(analysis, focus)
            else:
                render_view(analysis, focus, chosen)
        with side, st.container(key="claims-panel"):
            render_panel(analysis, focus, key=f"claims-{view}", on_article_page=view == "article",
                         heading=controls is None)

    body()
