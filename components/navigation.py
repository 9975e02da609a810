"""The app's pages, declared once, and the frame (app.py) every page runs inside.

A Streamlit server started in a folder with a `pages/` directory runs in its legacy multipage
mode until some session calls `st.navigation` (documented: from then on every session ignores
`pages/`). So a deep link (/network?focus=...) opened first on a fresh server runs
pages/network.py alone, without app.py. `require_frame()` at the top of each page notices that,
declares the navigation (which switches the whole server over) and reruns: the rerun goes through
app.py like every later one. Public API only: `st.navigation`, `st.Page`, `st.rerun`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

# file in pages/, title, icon, URL path; the first is the default page (served at / and at its path)
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("article.py", "Article", ":material/article:", "article"),
    ("network.py", "Network", ":material/hub:", "network"),
    ("timeline.py", "Timeline", ":material/timeline:", "timeline"),
    ("sources.py", "Sources", ":material/record_voice_over:", "sources"),
    ("walkthrough.py", "Walkthrough", ":material/school:", "walkthrough"),
    ("corrections.py", "Corrections", ":material/edit_note:", "corrections"),
    ("corpus.py", "Corpus", ":material/library_books:", "corpus"),
)

FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
_frame = threading.local()  # each session's script runs in its own thread


def pages() -> list[st.Page]:
    """The pages, the default first; and the default page once more, hidden, at its own path.

    Streamlit serves the default page at / only (its public url_path is "", and a request for any
    other path is "Page not found"), yet /article is the Article view's path as /network is the
    network's, and links name it. So the default page is declared with url_path="" and a hidden
    page runs the same file at /article: a deep link /article?focus=... opens the view as it was
    shared. The hidden page is not listed in the navigation, and st.switch_page("pages/article.py")
    still finds the default first.
    """
    (file, title, icon, url_path), *rest = PAGES
    return [
        st.Page(f"pages/{file}", title=title, icon=icon, url_path="", default=True),
        *(st.Page(f"pages/{f}", title=t, icon=i, url_path=u) for f, t, i, u in rest),
        st.Page(f"pages/{file}", title=title, icon=icon, url_path=url_path, visibility="hidden"),
    ]


@contextmanager
def framed() -> Iterator[None]:
    """app.py runs the chosen page inside this: the page then knows the frame is around it."""
    _frame.depth = getattr(_frame, "depth", 0) + 1
    try:
        yield
    finally:
        _frame.depth -= 1


def require_frame() -> None:
    """Called first by every page: run alone (legacy pages/ mode), switch to st.navigation and rerun."""
    if getattr(_frame, "depth", 0):
        return
    # the local favicon first: else the page's material icon is fetched from fonts.gstatic.com
    st.set_page_config(page_title="Sourcetrace", page_icon=str(FAVICON), layout="wide")
    st.navigation(pages(), position="hidden")
    st.rerun()
