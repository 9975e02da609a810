"""The workspace in the app: saved corrections applied to every view, and the sidebar library.

Where the workspace lives is the operator's choice, SOURCETRACE_WORKSPACE (environment variable or
st.secrets key of that name):
- `session` (the default, safe on a hosted server): each browser session gets a workspace of its own
  in a private temporary folder, removed when the session ends; no session sees another's library
  or corrections. Export/import keep the work.
- `shared`: one persistent file (SOURCETRACE_HOME or the user data folder) for every session of this
  server: a personal install, where two tabs and a restart lose nothing (`make run` sets it).

`corrected(analysis)` is called right after the (cached) analysis: it files the article in the
workspace library and re-applies the analyst's saved edits, so every view shows the corrected
analysis. A damaged or locked workspace never stops the app: the analysis is shown as extracted,
read-only, with one sentence saying why.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import weakref
from datetime import date
from pathlib import Path

import streamlit as st

from sourcetrace.errors import SourcetraceError
from sourcetrace.model import Analysis, Article
from sourcetrace.workspace import FILENAME, Workspace, WorkspaceError, open_workspace

WS_KEY = "_workspace"  # session: (Workspace | None, message | None), opened once per session
PROBLEMS_KEY = "_workspace_problems"  # session: edits the last run could not apply
FILED_KEY = "_workspace_filed"  # session: content hashes already in the library
NOTICE_KEY = "_workspace_notice"  # session: (kind, sentence) from the last workspace action
MODE_KEY = "_workspace_mode"  # session: "session" | "shared", read when the workspace is opened
FOLDER_KEY = "_workspace_folder"  # session: the SessionFolder of a per-session workspace
OPEN_TIMEOUT_S = 1.0  # a locked file must not hold the page for long

SETTING = "SOURCETRACE_WORKSPACE"
MODES = ("session", "shared")
DEFAULT_MODE = "session"  # a hosted server must never mix strangers' work
FOLDER_PREFIX = "sourcetrace-session-"
STALE_AFTER_S = 24 * 3600  # folders left by a killed server are swept after a day
SESSION_NOTE = "Work here lasts for this session only: export the workspace to keep it."


def workspace_mode() -> tuple[str, str | None]:
    """The configured mode and, when the setting is not understood, one sentence saying so.

    The environment wins over st.secrets (as for every setting an operator passes at launch).
    """
    raw = os.environ.get(SETTING)
    if raw is None:
        try:
            raw = st.secrets.get(SETTING)
        except Exception:  # no secrets.toml at all: that is the default, not an error
            raw = None
    if raw is None or str(raw).strip() == "":
        return DEFAULT_MODE, None
    value = str(raw).strip().lower()
    if value in MODES:
        return value, None
    shown = str(raw) if len(str(raw)) <= 40 else str(raw)[:39] + "…"
    return DEFAULT_MODE, (
        f"{SETTING} is “{shown}”, which is neither “session” nor “shared”, so each session gets a "
        "workspace of its own."
    )


def sessions_root() -> Path:
    """Where per-session folders are made: SOURCETRACE_HOME/sessions, else the system temp folder."""
    home = os.environ.get("SOURCETRACE_HOME")
    return Path(home).expanduser() / "sessions" if home else Path(tempfile.gettempdir())


class SessionFolder:
    """A private folder (mode 0700, from mkdtemp) holding one session's workspace file.

    It is kept in the session's state; when Streamlit drops that state (the session ended), the
    object is freed and the folder deleted. A server killed outright leaves folders behind: those
    are swept after a day (`sweep_stale_folders`).
    """

    def __init__(self, root: Path | None = None) -> None:
        root = root if root is not None else sessions_root()
        root.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=root))
        self._remove = weakref.finalize(self, shutil.rmtree, str(self.path), ignore_errors=True)

    def remove(self) -> None:
        self._remove()


def sweep_stale_folders(root: Path, max_age_s: float = STALE_AFTER_S) -> int:
    """Delete this user's session folders untouched for longer than max_age_s; how many went."""
    limit = time.time() - max_age_s
    uid = os.getuid() if hasattr(os, "getuid") else None  # Windows has no uids: temp folders are per user
    removed = 0
    try:
        candidates = [p for p in root.glob(FOLDER_PREFIX + "*") if p.is_dir() and not p.is_symlink()]
    except OSError:
        return 0
    for folder in candidates:
        try:
            if uid is not None and folder.stat().st_uid != uid:
                continue  # someone else's server on a shared temp folder: not ours to delete
            newest = max([folder.stat().st_mtime, *(f.stat().st_mtime for f in folder.iterdir())])
        except OSError:
            continue
        if newest < limit:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


@st.cache_resource(show_spinner=False)
def _swept(root: str) -> int:
    """The stale-folder sweep, once per server process and folder."""
    return sweep_stale_folders(Path(root))


def _open() -> tuple[Workspace | None, str | None]:
    chosen, _ = workspace_mode()
    st.session_state[MODE_KEY] = chosen
    if chosen == "shared":
        return open_workspace(timeout=OPEN_TIMEOUT_S)
    folder = st.session_state.get(FOLDER_KEY)
    if folder is None:
        root = sessions_root()
        try:
            _swept(str(root))
            folder = SessionFolder(root)
        except OSError as e:
            return None, (
                f"No private folder for this session's workspace could be made in {root} "
                f"({e.strerror or e}). The app works without saving corrections."
            )
        st.session_state[FOLDER_KEY] = folder
    ws, message = open_workspace(folder.path / FILENAME, timeout=OPEN_TIMEOUT_S)
    if ws is not None:
        ws.session_folder = folder  # type: ignore[attr-defined]  # the folder outlives every handle on its file
    return ws, message


def workspace() -> tuple[Workspace | None, str | None]:
    """This session's workspace and, when it is missing or read-only, the reason."""
    if WS_KEY not in st.session_state:
        st.session_state[WS_KEY] = _open()
    return st.session_state[WS_KEY]


def mode() -> str:
    """The mode this session's workspace was opened in."""
    workspace()
    return st.session_state.get(MODE_KEY, DEFAULT_MODE)


def retry_workspace() -> None:
    """Forget the failed opening; the next run tries again (the lock may be gone)."""
    st.session_state.pop(WS_KEY, None)
    st.session_state.pop(FILED_KEY, None)  # a new opening may be another file: file the article again


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
