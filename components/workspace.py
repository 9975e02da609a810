"""This session's workspace: which file, opened once, and what it holds (articles and edits).

It draws nothing and knows nothing of the views: the session module (components/session.py)
asks it for the saved edits of an article and applies them; the sidebar library and the status
line (components/library.py) draw what it returns.

Where the workspace lives is the operator's choice, SOURCETRACE_WORKSPACE (environment variable or
st.secrets key of that name):
- `session` (the default, safe on a hosted server): each browser session gets a workspace of its own
  in a private temporary folder, removed when the session ends; no session sees another's library
  or corrections. Export/import keep the work.
- `shared`: one persistent file (SOURCETRACE_HOME or the user data folder) for every session of this
  server: a personal install, where two tabs and a restart lose nothing (`make run` sets it).

A damaged or locked workspace never stops the app: it opens read-only or not at all, with one
sentence saying why, and the analysis is shown as extracted.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from pathlib import Path

import streamlit as st

from sourcetrace.model import Analysis, Article
from sourcetrace.workspace import FILENAME, Workspace, WorkspaceError, open_workspace

__all__ = [
    "WorkspaceError", "apply_saved", "file_article", "remove_article", "restore_article", "workspace",
    "writable",
]

WS_KEY = "_workspace"  # session: (Workspace | None, message | None), opened once per session
FILED_KEY = "_workspace_filed"  # session: content hashes already in the library
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


class SessionFolder(tempfile.TemporaryDirectory):
    """A private folder (mode 0700) holding one session's workspace file: a TemporaryDirectory.

    It is kept in the session's state; when Streamlit drops that state (the session ended), the
    object is freed and TemporaryDirectory's finalizer deletes the folder (a new session's start
    runs the collector, see `_open`, so this does not wait on the collector's own schedule). A server killed
    outright leaves folders behind: those are swept after a day (`sweep_stale_folders`).
    """

    def __init__(self, root: Path | None = None) -> None:
        root = root if root is not None else sessions_root()
        root.mkdir(parents=True, exist_ok=True)
        super().__init__(prefix=FOLDER_PREFIX, dir=root, ignore_cleanup_errors=True)
        self.path = Path(self.name)

    def remove(self) -> None:
        self.cleanup()


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
        # A dropped session's folder goes when its state is freed; that state sits in reference
        # cycles, and Streamlit's post-run collection is off (.streamlit/config.toml: it cost 140 ms
        # a click), so collect once here, when a session starts: the folders of sessions Streamlit
        # has dropped go now instead of whenever the collector next runs.
        gc.collect()
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


def apply_saved(analysis: Analysis, reanalyse=None) -> tuple[Analysis, list[str]]:
    """The analysis with the saved edits for its text applied, and what could not be (`reanalyse`
    analyses the article again when a correction changed its date: see `Workspace.apply_to`).

    Files the article in the library on the way. Raises WorkspaceError when the file went bad or
    got locked mid-session; the workspace is then put aside for the session with the reason.
    """
    ws, _ = workspace()
    if ws is None or not analysis.article.content_hash:
        return analysis, []
    try:
        file_article(ws, analysis.article)
        return ws.apply_to(analysis, reanalyse)
    except WorkspaceError as err:
        st.session_state[WS_KEY] = (None, f"{err} The analysis is shown without corrections.")
        raise


def file_article(ws: Workspace, article: Article) -> None:
    """Put the article in the library once per session (the write is skipped after that)."""
    filed = st.session_state.setdefault(FILED_KEY, set())
    if not ws.read_only and article.content_hash and article.content_hash not in filed:
        ws.add_article(article)
        filed.add(article.content_hash)


def remove_article(ws: Workspace, content_hash: str) -> bool:
    """Delete the article from the library (undoably); loaded again later, it is filed afresh."""
    removed = ws.remove_article(content_hash)
    st.session_state.setdefault(FILED_KEY, set()).discard(content_hash)
    return removed


def restore_article(ws: Workspace, content_hash: str) -> bool:
    """Undo `remove_article`: listed again, with its edits."""
    return ws.restore_article(content_hash)
