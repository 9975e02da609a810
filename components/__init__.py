"""Rendering functions for the dashboard: (analysis, selection) -> UI.

Importing this package also works around a Streamlit behaviour: a server started in a folder
with a `pages/` directory runs in the old multipage mode until some session calls
st.navigation, so a deep link (/network?focus=...) opened first on a fresh server would run
pages/network.py alone, without app.py. Turning the flag off and rerunning once makes that
first session go through app.py and its st.navigation like every later one.
"""

from __future__ import annotations


def leave_pages_directory_mode() -> None:
    """Called on import (a page run alone) and at the top of app.py (AppTest resets the flag)."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    except ImportError:  # a future Streamlit without this class: nothing to work around
        return
    if not PagesManager.uses_pages_directory:
        return
    PagesManager.uses_pages_directory = False
    if get_script_run_ctx(suppress_warning=True) is not None:
        import streamlit as st

        st.rerun()


leave_pages_directory_mode()
