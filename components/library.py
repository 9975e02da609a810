"""The workspace in the sidebar: the library of saved articles to reopen, export and import;
and the one-line status of a workspace that cannot be written.

It draws what components/workspace.py returns; reopening an article goes through the session.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from components import session
from components.workspace import (
    SESSION_NOTE,
    WorkspaceError,
    file_article,
    mode,
    retry_workspace,
    workspace,
    workspace_mode,
    writable,
)
from sourcetrace.analysis import prepare_article
from sourcetrace.errors import SourcetraceError
from sourcetrace.model import Article
from sourcetrace.render import escape_markdown

NOTICE_KEY = "_workspace_notice"  # session: (kind, sentence) from the last workspace action


def render_status(key: str = "ws-status") -> bool:
    """The workspace's state in one line when it is not plainly usable; True when edits can be saved."""
    ws, message = workspace()
    if message:
        st.warning(message, icon=":material/lock:")
        st.button("Try the workspace again", key=f"{key}-retry", on_click=retry_workspace)
    return ws is not None and not ws.read_only


def _reopen(content_hash: str) -> None:
    ws, _ = workspace()
    stored = ws.article(content_hash) if ws is not None else None
    if stored is None:
        st.session_state[NOTICE_KEY] = ("error", "That article is no longer in the workspace.")
        return
    # the structure is found again from the text; the metadata is what was filed
    session.try_show(lambda: prepare_article(
        stored.text, title=stored.title, publisher=stored.publisher, published=stored.published,
        source_path=stored.source_path, url=stored.url,
    ))


def _import(key: str) -> None:
    upload = st.session_state.get(key)
    ws = writable()
    if upload is None:
        return
    if ws is None:
        st.session_state[NOTICE_KEY] = ("error", "The workspace is read-only; nothing was imported.")
        return
    try:
        s = ws.import_bytes(upload.getvalue())
    except SourcetraceError as err:
        st.session_state[NOTICE_KEY] = ("error", str(err))
        return
    st.session_state[NOTICE_KEY] = (
        "success",
        f"Imported {s.articles} article(s): {s.edits_added} new edit(s), {s.edits_known} already here.",
    )


def _label(record) -> str:
    title = record.title or ""
    title = title if len(title) <= 48 else title[:47] + "…"
    # a button label is Markdown: the article's title is escaped so it shows as written
    title = escape_markdown(title) if title else "(untitled)"
    edits = f" · {record.edits} edit{'s' if record.edits != 1 else ''}" if record.edits else ""
    return f"{title}{edits}"


def render_workspace_sidebar(article: Article | None = None, key: str = "ws") -> None:
    """The library of analysed articles to reopen (the one shown is filed first), export and import."""
    current_hash = article.content_hash if article is not None else None
    with st.sidebar:
        st.markdown("**Workspace**")
        ws, message = workspace()
        problem = workspace_mode()[1]
        if problem:
            st.warning(problem, icon=":material/settings:")
        if mode() == "session":
            st.caption(SESSION_NOTE)
        if message:
            st.caption(f":material/lock: {message}")
        notice = st.session_state.pop(NOTICE_KEY, None)
        if notice:
            (st.success if notice[0] == "success" else st.error)(notice[1])
        if ws is None:
            st.button("Try again", key=f"{key}-retry", on_click=retry_workspace)
            return
        try:
            if article is not None:
                file_article(ws, article)
            records = ws.articles()
        except WorkspaceError as err:
            st.caption(f":material/error: {err}")
            return
        with st.expander(f"Articles ({len(records)})", expanded=False):
            if not records:
                st.caption("Articles you analyse are filed here with their corrections.")
            for r in records[:50]:
                here = r.content_hash == current_hash
                st.button(
                    _label(r), key=f"{key}-open-{r.content_hash[:16]}", disabled=here, width="stretch",
                    help=f"{r.publisher or 'unknown publisher'}, {r.published or 'undated'};"
                    f" filed {r.added_at[:10]}",
                    on_click=_reopen, args=(r.content_hash,),
                )
            stamp = date.today().isoformat()
            st.download_button(
                "Export the workspace", data=ws.export_bytes, file_name=f"sourcetrace-workspace-{stamp}.json",
                mime="application/json", key=f"{key}-export-all", width="stretch", on_click="ignore",
            )
            if current_hash:
                st.download_button(
                    "Export this article and its corrections",
                    data=lambda: ws.export_bytes(current_hash),
                    file_name=f"sourcetrace-article-{current_hash[:12]}.json", mime="application/json",
                    key=f"{key}-export-one", width="stretch", on_click="ignore",
                )
            st.file_uploader(
                "Import a workspace file", type=["json"], key=f"{key}-import", on_change=_import,
                args=(f"{key}-import",), disabled=ws.read_only,
            )
