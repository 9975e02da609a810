"""Sourcetrace dashboard: page config, navigation, the loader and the shared selection.

Run with `streamlit run app.py` (or `make run`). The views live in pages/, the drawing in components/.
"""

from pathlib import Path

import streamlit as st

from components import state
from components.loader import render_loader
from components.workspace import render_workspace_sidebar

ROOT = Path(__file__).resolve().parent

st.set_page_config(page_title="Sourcetrace", page_icon=":material/account_tree:", layout="wide")

state.init_from_url()
render_loader()
render_workspace_sidebar(state.current_article())  # the library of saved articles to reopen

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
):
    if (ROOT / "pages" / file).exists():
        pages.append(st.Page(f"pages/{file}", title=title, icon=icon))

page = st.navigation(pages)
state.sync_url()
page.run()
