"""Sourcetrace dashboard: page config, navigation, the loader and the shared selection.

Run with `streamlit run app.py` (or `make run`). The views live in pages/, the drawing in components/.
"""

import logging
from pathlib import Path

import streamlit as st

from components import navigation, session
from components.library import render_workspace_sidebar
from components.loader import render_loader
from components.style import apply_global_style
from sourcetrace import logs

ROOT = Path(__file__).resolve().parent
log = logging.getLogger("sourcetrace.app")
logs.configure()  # the operator's log on stderr; idempotent, so every rerun may call it

# a local icon: a material icon as favicon would be fetched from fonts.gstatic.com
st.set_page_config(
    page_title="Sourcetrace", page_icon=str(ROOT / "components" / "assets" / "favicon.png"), layout="wide"
)
apply_global_style()

# navigation first: whatever fails below, Streamlit never falls back to running a page on its own
page = st.navigation(navigation.pages())

session.init_from_url()
render_loader()
try:
    render_workspace_sidebar(session.current_article())  # the library of saved articles to reopen
except Exception:  # noqa: BLE001 - the views must still work when the workspace cannot
    log.exception("workspace sidebar failed")
    st.sidebar.caption(":material/error: The workspace library could not be shown; the views still work.")

session.sync_url()
with navigation.framed():
    page.run()
