"""The workspace in the app: saved corrections applied to every view, and the sidebar library.

`corrected(analysis)` is called right after the (cached) analysis: it files the article in the
workspace library and re-applies the analyst's saved edits, so every view shows the corrected
analysis. A damaged or locked workspace never stops the app: the analysis is shown as extracted,
read-only, with one sentence saying why.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from sourcetrace.errors import SourcetraceError
from sourcetrace.model import Analysis, Article
from sourcetrace.workspace import Workspace, WorkspaceError, open_workspace

WS_KEY = "_workspace"  # session: (Workspace | None, message | None), opened once per session
PROBLEMS_KEY = "_workspace_problems"  # session: edits the last run could not apply
FILED_KEY = "_workspace_filed"  # session: content hashes already in the library
NOTICE_KEY = "_workspace_notice"  # session: (kind, sentence) from the last workspace action
OPEN_TIMEOUT_S = 1.0  # a locked file must not hold the page for long


def workspace() -> tuple[Workspace | None, str | None]:
    """This session's workspace and, when it is missing or read-only, the reason."""
    if WS_KEY not in st.session_state:
        st.session_state[WS_KEY] = open_workspace(timeout=OPEN_TIMEOUT_S)
    return st.session_state[WS_KEY]


def retry_workspace() -> None:
    """Forget the failed opening; the next run tries again (the lock may be gone)."""
    st.session_state.pop(WS_KEY, None)


def writable() -> Workspace | None:
    ws, _ = workspace()
    return ws if ws is not None and not ws.read_only else None


def problems() -> list[str]:
    return st.session_state.get(PROBLEMS_KEY, [])


def corrected(analysis: Analysis) -> Analysis:
    """The analysis with this workspace's saved corrections for its text (unchanged if there are none)."""
    ws, _ = workspace()
    st.session_state[PROBLEMS_KEY] = []
    if ws is None or not analysis.article.content_hash:
        return analysis
    try:
        _file(ws, analysis.article)
        fixed, found = ws.apply_to(analysis)
    except WorkspaceError as err:
        # the file went bad or got locked mid-session: show the analysis as extracted, say why
        st.session_state[WS_KEY] = (None, f"{err} The analysis is shown without corrections.")
        return analysis
    st.session_state[PROBLEMS_KEY] = found
    if found:
        # every view shows the analysis warnings: an edit that no longer applies is seen everywhere
        fixed = fixed.model_copy(update={"warnings": [*fixed.warnings, *found]})
    return fixed


def render_status(key: str = "ws-status") -> bool:
    """The workspace's state in one line when it is not plainly usable; True when edits can be saved."""
    ws, message = workspace()
    if message:
        st.warning(message, icon=":material/lock:")
        st.button("Try the workspace again", key=f"{key}-retry", on_click=retry_workspace)
    return ws is not None and not ws.read_only


# ---------------------------------------------------------------- sidebar: library, export, import


def _reopen(content_hash: str) -> None:
    from components import state
    from sourcetrace.analysis import prepare_article

    ws, _ = workspace()
    stored = ws.article(content_hash) if ws is not None else None
    if stored is None:
        st.session_state[NOTICE_KEY] = ("error", "That article is no longer in the workspace.")
        return
    # the structure is found again from the text; the metadata is what was filed
    state.try_show(lambda: prepare_article(
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
    title = record.title or "(untitled)"
    title = title if len(title) <= 48 else title[:47] + "…"
    edits = f" · {record.edits} edit{'s' if record.edits != 1 else ''}" if record.edits else ""
    return f"{title}{edits}"


def _file(ws: Workspace, article: Article) -> None:
    """Put the article in the library once per session (the write is skipped after that)."""
    filed = st.session_state.setdefault(FILED_KEY, set())
    if not ws.read_only and article.content_hash and article.content_hash not in filed:
        ws.add_article(article)
        filed.add(article.content_hash)


def render_workspace_sidebar(article: Article | None = None, key: str = "ws") -> None:
    """The library of analysed articles to reopen (the one shown is filed first), export and import."""
    current_hash = article.content_hash if article is not None else None
    with st.sidebar:
        st.markdown("**Workspace**")
        ws, message = workspace()
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
                _file(ws, article)
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
