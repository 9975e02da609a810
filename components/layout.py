"""One page = a header, a view and the claims panel beside it, rerun as a fragment on focus changes."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components import navigation, session
from components.article import render_header
from components.claims import render_panel
from sourcetrace import logs
from sourcetrace.focus import Focus
from sourcetrace.model import Analysis

ARTICLE_PAGE = "pages/article.py"


def view_page(view: str, render_view: Callable[[Analysis, Focus | None], None]) -> None:
    """The shared frame of every view; `render_view(analysis, focus)` draws the view itself."""
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

    @st.fragment
    def body() -> None:
        # a focus change reruns only this: the view and the panel, not the loader or the sidebar
        if st.session_state.pop("goto_article", False) and view != "article":
            st.switch_page(ARTICLE_PAGE)
        focus = session.get_focus(analysis)
        main, side = st.columns([2.3, 1], gap="medium")
        with main:
            render_view(analysis, focus)
        with side, st.container(key="claims-panel"):
            render_panel(analysis, focus, key=f"claims-{view}", on_article_page=view == "article")

    body()
