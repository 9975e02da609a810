"""Sourcetrace dashboard: page config, navigation, the loader and the shared selection.

Run with `streamlit run app.py` (or `make run`). The views live in pages/, the drawing in components/.
"""

import logging
from pathlib import Path

import streamlit as st

from components import leave_pages_directory_mode, state
from components.loader import render_loader
from components.style import apply_global_style
from sourcetrace import logs

ROOT = Path(__file__).resolve().parent
log = logging.getLogger("sourcetrace.app")
logs.configure()  # the operator's log on stderr; idempotent, so every rerun may call it

leave_pages_directory_mode()  # before any element: this run may be replaced by a clean one

# a local icon: a material icon as favicon would be fetched from fonts.gstatic.com
st.set_page_config(
    page_title="Sourcetrace", page_icon=str(ROOT / "components" / "assets" / "favicon.png"), layout="wide"
)
apply_global_style()

pages = [
    st.Page("pages/article.py", title="Article", icon=":material/article:", url_path="article", default=True),
    st.Page("pages/network.py", title="Network", icon=":material/hub:", url_path="network"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
]
# pages written by other parts of the project join the navigation once they exist
for file, title, icon in (
    ("walkthrough.py", "Walkthrough", ":material/school:"),
    ("corrections.py", "Corrections", ":material/edit_note:"),
    ("workspace.py", "Workspace", ":material/folder_open:"),
    ("corpus.py", "Corpus", ":material/library_books:"),
):
    if (ROOT / "pages" / file).exists():
        pages.append(st.Page(f"pages/{file}", title=title, icon=icon))
# navigation first: whatever fails below, Streamlit never falls back to running a page on its own
page = st.navigation(pages)

state.init_from_url()
render_loader()
try:
    from components.workspace import render_workspace_sidebar

    render_workspace_sidebar(state.current_article())  # the library of saved articles to reopen
except Exception:  # noqa: BLE001 - the views must still work when the workspace cannot
    log.exception("workspace sidebar failed")
    st.sidebar.caption(":material/error: The workspace library could not be shown; the views still work.")

state.sync_url()
page.run()
