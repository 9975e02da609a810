"""The workspace in the sidebar: the library of saved articles to reopen, delete (with undo),
export and import; and the one-line status of a workspace that cannot be written.

Each article is listed with its headline, publisher and date as corrected (set_article edits in
force) and the number of its edits in effect; articles
that would read alike get what tells them apart (`sourcetrace.workspace.library_entries` decides).
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
    remove_article,
    restore_article,
    retry_workspace,
    workspace,
    workspace_mode,
    writable,
)
from sourcetrace import load
from sourcetrace.analysis import prepare_article
from sourcetrace.errors import SourcetraceError
from sourcetrace.model import Article
from sourcetrace.render import escape_markdown
from sourcetrace.workspace import LibraryEntry, library_entries

NOTICE_KEY = "_workspace_notice"  # session: (kind, sentence) from the last workspace action
DELETED_KEY = "_workspace_deleted"  # session: (content hash, title) of the article last deleted
SHOWN = 50  # articles listed (most recent first)
# a title is read whole: the open button's label wraps, left-aligned, instead of ending in "…"
LIBRARY_CSS = """<style>
[class*="st-key-{key}-open-"] button {{ justify-content: flex-start; text-align: left; height: auto; }}
[class*="st-key-{key}-open-"] button p {{ white-space: normal; overflow: visible; text-overflow: clip;
  overflow-wrap: anywhere; }}
</style>"""


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


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _delete(content_hash: str, title: str) -> None:
    ws = writable()
    if ws is None:
        st.session_state[NOTICE_KEY] = ("error", "The workspace is read-only; nothing was deleted.")
        return
    try:
        remove_article(ws, content_hash)
    except WorkspaceError as err:
        st.session_state[NOTICE_KEY] = ("error", str(err))
        return
    st.session_state[DELETED_KEY] = (content_hash, title)


def _undo_delete() -> None:
    deleted = st.session_state.pop(DELETED_KEY, None)
    ws = writable()
    if deleted is None or ws is None:
        return
    try:
        back = restore_article(ws, deleted[0])
    except WorkspaceError as err:
        st.session_state[NOTICE_KEY] = ("error", str(err))
        return
    if not back:
        st.session_state[NOTICE_KEY] = ("error", f"“{_short(deleted[1])}” is already in the library again.")


def _render_deleted(key: str, listed: set[str]) -> None:
    """"Deleted “…”" with an Undo button, while the article is still out of the library."""
    deleted = st.session_state.get(DELETED_KEY)
    if deleted is None:
        return
    if deleted[0] in listed:  # filed again since (loaded once more): nothing left to undo
        st.session_state.pop(DELETED_KEY, None)
        return
    with st.container(key=f"{key}-deleted", horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(f"Deleted “{escape_markdown(_short(deleted[1], 40))}”.", width="stretch")
        st.button("Undo", key=f"{key}-undo-delete", icon=":material/undo:", on_click=_undo_delete)


def _render_entry(entry: LibraryEntry, here: bool, key: str, read_only: bool, added: str) -> None:
    """One article: its title (a button that reopens it), a delete button, then publisher · date · edits."""
    slug = entry.content_hash[:16]
    with st.container(key=f"{key}-item-{slug}", gap=None):
        # columns, not a horizontal container: a long title wraps instead of pushing the bin below
        open_col, delete_col = st.columns([6, 1], gap="small", vertical_alignment="center")
        open_col.button(
            escape_markdown(_short(entry.title)), key=f"{key}-open-{slug}", disabled=here,
            width="stretch",
            help=f"“{entry.title}” is the article shown." if here
            else f"Open “{entry.title}” again (filed {added[:10]}).",
            on_click=_reopen, args=(entry.content_hash,),
        )
        delete_col.button(
            "", icon=":material/delete:", key=f"{key}-delete-{slug}", type="tertiary",
            disabled=here or read_only,
            help="Open another article to delete this one." if here else "Delete it from the library",
            on_click=_delete, args=(entry.content_hash, entry.title),
        )
        details = [entry.details, *([entry.tell] if entry.tell else []), *(["shown now"] if here else [])]
        st.caption(escape_markdown(" · ".join(details)))


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
        _render_deleted(key, {r.content_hash for r in records})
        # keyed: the expander stays open when its count changes (a delete, an undo)
        with st.expander(f"Articles ({len(records)})", expanded=False, key=f"{key}-articles"):
            st.markdown(LIBRARY_CSS.format(key=key), unsafe_allow_html=True)
            if not records:
                st.caption("Articles you analyse are filed here with their corrections.")
            added = {r.content_hash: r.added_at for r in records}
            for entry in library_entries(records[:SHOWN]):
                _render_entry(entry, entry.content_hash == current_hash, key, ws.read_only,
                              added[entry.content_hash])
            if len(records) > SHOWN:
                st.caption(f"The {SHOWN} most recent of {len(records)} are listed.")
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
                # the library refuses bigger files (the limit of every file the app takes in)
                max_upload_size=max(1, load.MAX_BYTES // (1024 * 1024)),
            )
