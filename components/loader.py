"""The loader in the sidebar: bundled articles, upload, paste, URL (only when the operator allows it).

A failure is one sentence in the sidebar; the article already shown stays, and so does the
loader: the tab the reader was on (tracked by key) and what they pasted. The bundled-article
selector names a bundled article only while it is the one shown; otherwise it says another article
is loaded.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from components import session
from sourcetrace.load import MAX_BYTES

UPLOAD_TYPES = ["txt", "md", "html", "htm"]
BUNDLED_KEY = "loader-bundled"
TAB_KEY = "loader-tab"  # the open tab, kept across reruns (a failed paste stays on Paste)
ANOTHER = "(another article is loaded)"


def _pick_bundled(key: str) -> None:
    name = st.session_state[key]
    path = session.bundled_articles().get(name)
    if path is not None:
        session.try_show(lambda: session._load_path(path))


DETAILS = (("title", "loader-title"), ("publisher", "loader-publisher"), ("published", "loader-published"))


def _with_details(article):
    """The article with the publisher, headline and date the user gave instead of the detected ones."""
    update = {}
    for field, key in DETAILS:
        value = st.session_state.get(key)
        if isinstance(value, date):
            value = value.isoformat()
        value = " ".join(str(value or "").split())
        if value:
            update[field] = value
    return article.model_copy(update=update) if update else article


def _take_upload(key: str) -> None:
    upload = st.session_state.get(key)
    if upload is not None:
        session.try_show(lambda: _with_details(session.load_bytes(upload.getvalue(), upload.name)))


def _take_paste(key: str) -> None:
    text = st.session_state.get(key, "")
    if not text.strip():
        st.session_state[session.ERROR_KEY] = "Paste the article's text first."
        return
    session.try_show(lambda: _with_details(session.load_text(text)))


def _details_form() -> None:
    """Publisher, headline and date for the next upload or paste; blank keeps what the text says."""
    with st.expander("Details (optional)"):
        st.caption("For the next upload or paste; they replace what is detected in the text.")
        st.text_input("Publisher", key="loader-publisher", placeholder="who published the page")
        st.text_input("Headline", key="loader-title", placeholder="the article's headline")
        st.date_input("Publication date", value=None, key="loader-published", format="YYYY-MM-DD",
                      min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))


def _take_url(key: str) -> None:
    url = (st.session_state.get(key) or "").strip()
    if not url:
        st.session_state[session.ERROR_KEY] = "Enter the address of a page first."
        return
    session.try_show(lambda: session.load_url(url))


def render_loader() -> None:
    with st.sidebar:
        st.markdown("**Article**")
        error = st.session_state.get(session.ERROR_KEY)
        if error:
            st.error(error, icon=":material/error:")
        note = session.note()
        if note:
            st.info(note, icon=":material/link_off:")
        bundled = list(session.bundled_articles())
        current = st.session_state.get(session.ARTICLE_REF)
        # the widget shows what is loaded, whatever was picked in it before (set before it is drawn)
        st.session_state[BUNDLED_KEY] = current if current in bundled else None
        st.selectbox(
            "Bundled articles",
            bundled,
            placeholder=ANOTHER,
            key=BUNDLED_KEY,
            on_change=_pick_bundled,
            args=(BUNDLED_KEY,),
        )
        tabs = ["Upload", "Paste"] + (["URL"] if session.urls_allowed() else [])
        if st.session_state.get(TAB_KEY) not in tabs:
            st.session_state.pop(TAB_KEY, None)  # e.g. the URL tab of a server that no longer allows it
        for tab, name in zip(st.tabs(tabs, key=TAB_KEY, on_change="rerun"), tabs, strict=True):
            with tab:
                if name == "Upload":
                    st.file_uploader(
                        "A .txt, .md or .html file", type=UPLOAD_TYPES, key="loader-upload",
                        # the library refuses bigger inputs; say so before the upload, not after
                        max_upload_size=max(1, MAX_BYTES // (1024 * 1024)),
                        on_change=_take_upload, args=("loader-upload",),
                    )
                elif name == "Paste":
                    with st.form("loader-paste-form", border=False):
                        st.text_area("Article text", key="loader-paste", height=140,
                                     placeholder="Paste the text of a news article…")
                        st.form_submit_button("Analyse", on_click=_take_paste, args=("loader-paste",))
                else:
                    with st.form("loader-url-form", border=False):
                        st.text_input("Page address", key="loader-url", placeholder="https://…")
                        st.form_submit_button("Fetch and analyse", on_click=_take_url, args=("loader-url",))
        _details_form()
        if not session.urls_allowed():
            st.caption("Loading from a URL is off on this server (set SOURCETRACE_ALLOW_URLS=1 to allow it).")
