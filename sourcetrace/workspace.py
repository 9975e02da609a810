"""The workspace: an embedded SQLite database of analysed articles and the analyst's corrections.

Tables: `articles` (the library: title, publisher, date, content hash, text, when added),
`edits` (the append-only log of corrections, keyed by the article's content hash; triggers refuse
UPDATE and DELETE), `walkthroughs` + `walkthrough_steps` (notes and order of a walkthrough).

Corrections are stored against the content hash, never against an analysis, so a fresh analysis
(another model, a better lexicon) gets them re-applied (`sourcetrace.corrections.apply_edits`).

Concurrency: WAL journal, a busy timeout, and one short transaction per operation with a fresh
connection each time (Streamlit runs every session in its own thread; two tabs or two processes
appending edits at once both land).

Location: `$SOURCETRACE_HOME/workspace.sqlite3`, else the platform's user data folder.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sourcetrace.corrections import Edit, apply_edits, describe
from sourcetrace.errors import SourcetraceError
from sourcetrace.model import Analysis, Article

FILENAME = "workspace.sqlite3"
USER_VERSION = 1  # PRAGMA user_version: the layout below
EXPORT_FORMAT = "sourcetrace-workspace"
EXPORT_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    content_hash TEXT PRIMARY KEY,
    title        TEXT,
    publisher    TEXT,
    published    TEXT,
    source_path  TEXT,
    url          TEXT,
    text         TEXT NOT NULL,
    added_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS edits (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    content_hash TEXT NOT NULL,
    edit_id      TEXT NOT NULL UNIQUE,
    op           TEXT NOT NULL,
    at           TEXT NOT NULL,
    body         TEXT NOT NULL  -- the Edit as JSON
);
CREATE INDEX IF NOT EXISTS edits_by_article ON edits (content_hash, seq);
CREATE TRIGGER IF NOT EXISTS edits_append_only_update BEFORE UPDATE ON edits
BEGIN SELECT RAISE(ABORT, 'the edit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS edits_append_only_delete BEFORE DELETE ON edits
BEGIN SELECT RAISE(ABORT, 'the edit log is append-only'); END;
CREATE TABLE IF NOT EXISTS walkthroughs (
    content_hash TEXT PRIMARY KEY,
    saved_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS walkthrough_steps (
    content_hash TEXT NOT NULL,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    hidden       INTEGER NOT NULL,
    note         TEXT NOT NULL,
    PRIMARY KEY (content_hash, position)
);
"""

_INSERT_ARTICLE = (
    "INSERT OR IGNORE INTO articles (content_hash, title, publisher, published, source_path, url, text,"
    " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
# OR IGNORE: an edit id is unique, so re-sending or re-importing an edit never duplicates it
_INSERT_EDIT = "INSERT OR IGNORE INTO edits (content_hash, edit_id, op, at, body) VALUES (?, ?, ?, ?, ?)"
_INSERT_STEP = (
    "INSERT INTO walkthrough_steps (content_hash, position, key, hidden, note) VALUES (?, ?, ?, ?, ?)"
)


class WorkspaceError(SourcetraceError):
    """The workspace cannot be used as asked; the message says which file and what to do."""


class WorkspaceCorrupt(WorkspaceError):
    pass


class WorkspaceLocked(WorkspaceError):
    pass


class WorkspaceReadOnly(WorkspaceError):
    pass


def default_path() -> Path:
    """SOURCETRACE_HOME (a folder) if set, else the platform's user data folder."""
    home = os.environ.get("SOURCETRACE_HOME")
    if home:
        return Path(home).expanduser() / FILENAME
    import platformdirs

    return platformdirs.user_data_path("sourcetrace") / FILENAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ArticleRecord:
    """One line of the library."""

    content_hash: str
    title: str | None
    publisher: str | None
    published: str | None
    added_at: str
    edits: int


@dataclass(frozen=True)
class ImportSummary:
    articles: int
    edits_added: int
    edits_known: int


class Workspace:
    """A workspace file. Every method opens its own short-lived connection (thread- and process-safe)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, timeout: float = 5.0):
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self.timeout = timeout
        if read_only:
            if not self.path.is_file():
                raise WorkspaceError(f"There is no workspace at {self.path}.")
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise WorkspaceReadOnly(
                    f"Cannot create the workspace folder {self.path.parent}: {e.strerror}."
                ) from e
        self._prepare()

    # -- connections --------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=self.timeout, isolation_level=None)
        else:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        return conn

    @contextmanager
    def _db(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One connection, one transaction; sqlite errors become one plain sentence."""
        if write and self.read_only:
            raise WorkspaceReadOnly(f"The workspace {self.path} is open read-only; nothing was saved.")
        conn = None
        try:
            conn = self._connect()
            # IMMEDIATE takes the write lock up front, so a busy database waits (busy_timeout)
            # instead of failing half-way through
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            if conn is not None and conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise self._explain(e) from e
        except BaseException:
            if conn is not None and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            if conn is not None:
                conn.close()

    def _explain(self, e: sqlite3.Error) -> WorkspaceError:
        msg = str(e).lower()
        if "locked" in msg or "busy" in msg:
            return WorkspaceLocked(
                f"The workspace {self.path} is locked by another program; try again, or close it there."
            )
        if "readonly" in msg or "read-only" in msg or "unable to open" in msg or "permission" in msg:
            return WorkspaceReadOnly(f"The workspace {self.path} cannot be written ({e}).")
        if isinstance(e, sqlite3.DatabaseError) and not isinstance(e, sqlite3.OperationalError):
            return WorkspaceCorrupt(
                f"The workspace {self.path} is damaged or is not a Sourcetrace workspace ({e}); "
                "move it aside to start a new one."
            )
        return WorkspaceError(f"The workspace {self.path} could not be used ({e}).")

    def _prepare(self) -> None:
        try:
            conn = self._connect()
        except sqlite3.Error as e:
            raise self._explain(e) from e
        try:
            # any read of a non-database file fails here, before the app relies on it
            check = conn.execute("PRAGMA quick_check(1)").fetchone()
            if check is None or check[0] != "ok":
                raise WorkspaceCorrupt(
                    f"The workspace {self.path} is damaged ({check[0] if check else 'no answer'}); "
                    "move it aside to start a new one."
                )
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > USER_VERSION:
                raise WorkspaceError(
                    f"The workspace {self.path} was made by a newer Sourcetrace; update to open it."
                )
            if self.read_only:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if not {"articles", "edits"} <= tables:
                    raise WorkspaceCorrupt(f"{self.path} is not a Sourcetrace workspace.")
                return
            if version == USER_VERSION and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return  # ready: opening must not wait for another tab's write lock
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise WorkspaceLocked(f"The workspace {self.path} is in use and cannot switch to WAL mode.")
            conn.execute("BEGIN IMMEDIATE")
            # not executescript: it would COMMIT first; one statement at a time inside our transaction
            for statement in _split_sql(_SCHEMA):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {USER_VERSION}")
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            raise self._explain(e) from e
        finally:
            conn.close()

    # -- the library --------------------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Put the article in the library (once per content hash); True when it was new."""
        if not article.content_hash:
            raise WorkspaceError("The article has no content hash; analyse it first.")
        with self._db(write=True) as db:
            cur = db.execute(
                _INSERT_ARTICLE,
                (article.content_hash, article.title, article.publisher, article.published,
                 article.source_path, article.url, article.text, _now()),
            )
            return cur.rowcount == 1

    def has_article(self, content_hash: str) -> bool:
        with self._db() as db:
            row = db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def articles(self) -> list[ArticleRecord]:
        """The library, most recently added first."""
        with self._db() as db:
            rows = db.execute(
                "SELECT a.content_hash, a.title, a.publisher, a.published, a.added_at,"
                " (SELECT COUNT(*) FROM edits e WHERE e.content_hash = a.content_hash)"
                " FROM articles a ORDER BY a.added_at DESC, a.rowid DESC"
            ).fetchall()
        return [ArticleRecord(*row) for row in rows]

    def article(self, content_hash: str) -> Article | None:
        """The stored article (text and metadata; its structure is found again on analysis)."""
        with self._db() as db:
            row = db.execute(
                "SELECT text, title, publisher, published, source_path, url"
                " FROM articles WHERE content_hash = ?",
                (content_hash,),
            ).fetchone()
        if row is None:
            return None
        text, title, publisher, published, source_path, url = row
        return Article(text=text, title=title, publisher=publisher, published=published,
                       source_path=source_path, url=url, content_hash=content_hash)

    # -- the edit log -------------------------------------------------------------------------

    def append_edit(self, content_hash: str, edit: Edit) -> None:
        """One edit, one transaction. Appending the same edit twice is a no-op (ids are unique)."""
        with self._db(write=True) as db:
            db.execute(_INSERT_EDIT, (content_hash, edit.id, edit.op, edit.at, edit.model_dump_json()))

    def read_log(self, content_hash: str) -> tuple[list[Edit], list[str]]:
        """The article's log in the order it was written, and a sentence per unreadable entry."""
        with self._db() as db:
            rows = db.execute(
                "SELECT seq, body FROM edits WHERE content_hash = ? ORDER BY seq", (content_hash,)
            ).fetchall()
        log, problems = [], []
        for seq, body in rows:
            try:
                log.append(Edit.model_validate_json(body))
            except ValidationError:
                problems.append(f"Stored edit #{seq} cannot be read by this version of Sourcetrace; skipped.")
        return log, problems

    def edits(self, content_hash: str) -> list[Edit]:
        return self.read_log(content_hash)[0]

    def apply_to(self, analysis: Analysis) -> tuple[Analysis, list[str]]:
        """The analysis with this workspace's corrections for its text, and what could not be applied."""
        log, unreadable = self.read_log(analysis.article.content_hash)
        if not log:
            return analysis, unreadable
        corrected, problems = apply_edits(analysis, log)
        return corrected, unreadable + problems

    # -- walkthroughs (notes and order; used by the export/walkthrough view) --------------------

    def save_walkthrough(self, content_hash: str, steps: list[dict]) -> None:
        """Replace the walkthrough: steps in order, each {"key": str, "hidden": bool, "note": str}."""
        clean = []
        for i, step in enumerate(steps):
            if not isinstance(step, dict) or not isinstance(step.get("key"), str):
                raise WorkspaceError(f"Walkthrough step {i + 1} has no key.")
            clean.append((content_hash, i, step["key"], int(bool(step.get("hidden", False))),
                          str(step.get("note") or "")))
        with self._db(write=True) as db:
            db.execute("INSERT OR REPLACE INTO walkthroughs (content_hash, saved_at) VALUES (?, ?)",
                       (content_hash, _now()))
            db.execute("DELETE FROM walkthrough_steps WHERE content_hash = ?", (content_hash,))
            db.executemany(_INSERT_STEP, clean)

    def load_walkthrough(self, content_hash: str) -> list[dict] | None:
        """The saved steps in order; None when no walkthrough was ever saved for this article."""
        with self._db() as db:
            saved = db.execute("SELECT 1 FROM walkthroughs WHERE content_hash = ?", (content_hash,))
            if saved.fetchone() is None:
                return None
            rows = db.execute(
                "SELECT key, hidden, note FROM walkthrough_steps WHERE content_hash = ? ORDER BY position",
                (content_hash,),
            ).fetchall()
        return [{"key": k, "hidden": bool(h), "note": n} for k, h, n in rows]

    # -- export / import ----------------------------------------------------------------------

    def export_data(self, content_hash: str | None = None) -> dict[str, Any]:
        """Everything (or one article) as one JSON-ready document; ordering is stable."""
        with self._db() as db:
            where, args = ("WHERE content_hash = ?", (content_hash,)) if content_hash else ("", ())
            hashes = [r[0] for r in db.execute(
                f"SELECT content_hash FROM (SELECT content_hash FROM articles {where}"
                f" UNION SELECT content_hash FROM edits {where}"
                f" UNION SELECT content_hash FROM walkthroughs {where}) ORDER BY content_hash",
                args * 3,
            )]
            entries = []
            for h in hashes:
                row = db.execute(
                    "SELECT title, publisher, published, source_path, url, text, added_at"
                    " FROM articles WHERE content_hash = ?", (h,)
                ).fetchone()
                article = None
                if row is not None:
                    keys = ("title", "publisher", "published", "source_path", "url", "text", "added_at")
                    article = dict(zip(keys, row, strict=True))
                edits = [json.loads(b) for (b,) in db.execute(
                    "SELECT body FROM edits WHERE content_hash = ? ORDER BY seq", (h,))]
                entries.append({"content_hash": h, "article": article, "edits": edits, "walkthrough": None})
        for entry in entries:
            entry["walkthrough"] = self.load_walkthrough(entry["content_hash"])
        return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "articles": entries}

    def export_bytes(self, content_hash: str | None = None) -> bytes:
        return json.dumps(self.export_data(content_hash), ensure_ascii=False, indent=1).encode("utf-8")

    def import_bytes(self, data: bytes) -> ImportSummary:
        """Merge an export into this workspace, all or nothing. Known edits are not duplicated."""
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise WorkspaceError("This file is not a Sourcetrace workspace export (not JSON).") from None
        if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
            raise WorkspaceError("This file is not a Sourcetrace workspace export.")
        if not isinstance(doc.get("version"), int) or doc["version"] > EXPORT_VERSION:
            raise WorkspaceError("This export was made by a newer Sourcetrace; update to import it.")
        entries = doc.get("articles")
        if not isinstance(entries, list):
            raise WorkspaceError("This workspace export has no article list.")
        # validate everything before writing anything
        plan = []
        for i, entry in enumerate(entries):
            try:
                h = entry["content_hash"]
                edits = [Edit.model_validate(e) for e in entry.get("edits") or []]
                art = entry.get("article")
                if art is not None and not isinstance(art.get("text"), str):
                    raise ValueError("article without text")
                walk = entry.get("walkthrough")
            except (KeyError, TypeError, ValueError, AttributeError, ValidationError):
                raise WorkspaceError(
                    f"Entry {i + 1} of the workspace export is malformed; nothing was imported."
                ) from None
            plan.append((h, art, edits, walk))
        added = known = 0
        with self._db(write=True) as db:
            for h, art, edits, walk in plan:
                if art is not None:
                    db.execute(_INSERT_ARTICLE, (
                        h, art.get("title"), art.get("publisher"), art.get("published"),
                        art.get("source_path"), art.get("url"), art["text"], art.get("added_at") or _now(),
                    ))
                for edit in edits:
                    cur = db.execute(_INSERT_EDIT, (h, edit.id, edit.op, edit.at, edit.model_dump_json()))
                    added += cur.rowcount
                    known += 1 - cur.rowcount
                if walk is not None:
                    db.execute("INSERT OR REPLACE INTO walkthroughs (content_hash, saved_at) VALUES (?, ?)",
                               (h, _now()))
                    db.execute("DELETE FROM walkthrough_steps WHERE content_hash = ?", (h,))
                    db.executemany(
                        _INSERT_STEP,
                        [(h, j, str(s["key"]), int(bool(s.get("hidden"))), str(s.get("note") or ""))
                         for j, s in enumerate(walk)],
                    )
        return ImportSummary(articles=len(plan), edits_added=added, edits_known=known)


def _split_sql(script: str) -> list[str]:
    """The schema's statements, cut where sqlite3 itself says a statement is complete (so a
    trigger body's inner `;` stays inside its statement)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def open_workspace(
    path: str | Path | None = None, timeout: float = 5.0
) -> tuple[Workspace | None, str | None]:
    """The workspace for the app: read-write if possible, else read-only, else none — with the reason.

    Never raises a WorkspaceError: a damaged or locked file must not stop the app from opening.
    """
    try:
        return Workspace(path, timeout=timeout), None
    except WorkspaceError as first:
        try:
            ws = Workspace(path, read_only=True, timeout=timeout)
        except WorkspaceError:
            return None, f"{first} The app works without saving corrections."
        return ws, f"{first} The workspace is open read-only: corrections cannot be saved."


# -- command line: `python -m sourcetrace workspace list|export|import` ---------------------------


def add_parser(sub) -> None:
    w = sub.add_parser("workspace", help="list, export or import the workspace of corrections")
    w.add_argument("--db", help="workspace file (default: SOURCETRACE_HOME or the user data folder)")
    actions = w.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="the articles in the workspace, with their number of edits")
    e = actions.add_parser("export", help="write the workspace (or one article) as one file")
    e.add_argument("--article", help="content hash (or its first characters) of one article")
    e.add_argument("--output", "-o", help="file to write (default: standard output)")
    i = actions.add_parser("import", help="merge an exported file into the workspace")
    i.add_argument("file")
    h = actions.add_parser("history", help="the edit log of one article")
    h.add_argument("article", help="content hash (or its first characters)")
    w.set_defaults(func=_cmd_workspace)


def _cmd_workspace(args) -> int:
    import sys

    ws = Workspace(args.db, read_only=args.action in ("list", "export", "history"))
    if args.action == "list":
        for r in ws.articles():
            print(f"{r.content_hash[:12]}  {r.added_at}  {r.edits:4d} edits  {r.title or '(untitled)'}")
        return 0
    if args.action == "import":
        try:
            data = Path(args.file).read_bytes()
        except OSError as e:
            raise WorkspaceError(f"Cannot read {args.file}: {e.strerror}.") from e
        s = ws.import_bytes(data)
        print(f"imported {s.articles} article(s): {s.edits_added} new edit(s), {s.edits_known} already known")
        return 0
    content_hash = _resolve_hash(ws, args.article) if getattr(args, "article", None) else None
    if args.action == "history":
        log = ws.edits(content_hash)  # type: ignore[arg-type]
        for n, edit in enumerate(log, start=1):
            print(f"{n:3d}  {edit.at}  {describe(edit, log)}")
        return 0
    data = ws.export_bytes(content_hash)
    if args.output:
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.write(data.decode("utf-8") + "\n")
    return 0


def _resolve_hash(ws: Workspace, prefix: str) -> str:
    known = {r.content_hash for r in ws.articles()}
    with ws._db() as db:
        known |= {row[0] for row in db.execute("SELECT DISTINCT content_hash FROM edits")}
    matches = sorted(h for h in known if h.startswith(prefix))
    if len(matches) != 1:
        what = "no article" if not matches else f"{len(matches)} articles"
        raise WorkspaceError(f"“{prefix}” matches {what} in the workspace {ws.path}.")
    return matches[0]
