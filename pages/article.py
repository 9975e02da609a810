"""Article view: the marked text and the actors table, with the claims panel beside them."""

import streamlit as st

from components.article import render_actors_table, render_text
from components.layout import view_page


def _view(analysis, focus) -> None:
    render_text(analysis, focus, key="article-text")
    st.markdown("#### Actors")
    render_actors_table(analysis, focus, key="actors-table")


view_page("article", _view)
