"""Page-wide styling that Streamlit's theme options do not cover (trusted CSS, no article text)."""

from __future__ import annotations

import streamlit as st

_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 2rem; max-width: 1800px; }
[data-testid="stMainBlockContainer"] h3 { padding-top: 0.2rem; }
[data-testid="stSidebarContent"] [data-testid="stSidebarHeader"] { height: 2.4rem; }
</style>
"""


def apply_global_style() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)
