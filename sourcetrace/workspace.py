"""The workspace: an embedded SQLite database of analysed articles and the analyst's corrections.

Tables: `articles` (the library: title, publisher, date, content hash, text, when added; a deleted
article keeps its row, marked `removed_at`, until it is restored or filed again),
`edits` (the append-only log of corrections, keyed by the article's content hash; triggers refuse
UPDATE and DELETE), `walkthroughs` + `walkthrough_steps` (notes and order of a walkthrough).

Corrections are stored against the content hash, never against an analysis, so a fresh analysis
(another model, a better lexicon) gets them re-applied (`sourcetrace.corrections.apply_edits`).

Concurrency: WAL journal, a busy timeout, and one short transaction per operation with a fresh
connection each time (Streamlit runs every session in its own thread; two tabs or two processes
appending edits at once both land).

Deleting an article from the library can be undone (`remove_article`, `restore_article`): the row is
only marked. Filing the same text again later starts it afresh: the edits logged before are no longer
in effect (`edits_from`, the first log entry that counts), since the log itself is append-only.
The library's edit count is the number of edits in effect (undo counted), not the log's length.

Imports are refused above the same size as uploads (`sourcetrace.load.MAX_BYTES`).

Location: `$SOURCETRACE_HOME/workspace.sqlite3`, else the platform's user data folder.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sourcetrace import load
from sourcetrace.corrections import Edit, apply_edits, corrected_metadata, describe, effective_edits
from sourcetrace.errors import SourcetraceError
from sourcetrace.model import Analysis, Article

FILENAME = "workspace.sqlite3"
USER_VERSION = 2  # PRAGMA user_version: the layout below, then the migrations up to this one
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

# what each version adds to the one before (the schema above is version 1)
_MIGRATIONS = {
    2: (
        "ALTER TABLE articles ADD COLUMN removed_at TEXT",  # deleted from the library (undoable)
        "ALTER TABLE articles ADD COLUMN edits_from INTEGER NOT NULL DEFAULT 0",  # first seq in effect
    ),
}

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
    """One line of the library; `edits` counts the edits in effect (an undone edit is not counted).
    Title, publisher and date are the corrected ones where a set_article edit in force sets them."""

    content_hash: str
    title: str | None
    publisher: str | None
    published: str | None
    added_at: str
    edits: int
    opening: str = ""  # the text's first characters (to tell apart articles of the same title)


@dataclass(frozen=True)
class LibraryEntry:
    """How one article is listed: its title, then publisher · date · edits, and, when another
    article would read the same, what tells them apart (its first words, else a short hash)."""

    content_hash: str
    title: str
    details: str
    tell: str | None = None


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
        self._removals = True  # the file has the columns of deletion (False: a version 1 file read-only)
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
                self._removals = version >= 2  # an older file read as it is: nothing deleted in it
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
            # read again under the write lock: another process may have migrated the file meanwhile
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for step in range(max(version, 1) + 1, USER_VERSION + 1):
                for statement in _MIGRATIONS[step]:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {USER_VERSION}")
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            raise self._explain(e) from e
        finally:
            conn.close()

    # -- the library --------------------------------------------------------------------------

    def _live(self, alias: str = "") -> str:
        """SQL: the article row is in the library (not deleted)."""
        return f"{alias}removed_at IS NULL" if self._removals else "1"

    def _in_effect(self, alias: str = "e") -> str:
        """SQL: the edit counts (it was logged since its article was last filed afresh)."""
        if not self._removals:
            return "1"
        return (f"{alias}.seq >= COALESCE((SELECT f.edits_from FROM articles f"
                f" WHERE f.content_hash = {alias}.content_hash), 0)")

    def add_article(self, article: Article) -> bool:
        """Put the article in the library (once per content hash); True when it was new.

        An article deleted from the library is filed afresh: listed again, with the metadata given
        now and none of the edits logged before its deletion.
        """
        if not article.content_hash:
            raise WorkspaceError("The article has no content hash; analyse it first.")
        meta = (article.title, article.publisher, article.published, article.source_path, article.url)
        with self._db(write=True) as db:
            cur = db.execute(_INSERT_ARTICLE, (article.content_hash, *meta, article.text, _now()))
            if cur.rowcount == 1:
                return True
            cur = db.execute(
                "UPDATE articles SET removed_at = NULL, title = ?, publisher = ?, published = ?,"
                " source_path = ?, url = ?, added_at = ?,"
                " edits_from = (SELECT COALESCE(MAX(seq), 0) + 1 FROM edits)"
                " WHERE content_hash = ? AND removed_at IS NOT NULL",
                (*meta, _now(), article.content_hash),
            )
            return cur.rowcount == 1

    def remove_article(self, content_hash: str) -> bool:
        """Delete the article from the library, undoably (`restore_article`); True when it was listed."""
        with self._db(write=True) as db:
            cur = db.execute(
                "UPDATE articles SET removed_at = ? WHERE content_hash = ? AND removed_at IS NULL",
                (_now(), content_hash),
            )
            return cur.rowcount == 1

    def restore_article(self, content_hash: str) -> bool:
        """Undo `remove_article`: the article is listed again with its edits; True when it was deleted."""
        with self._db(write=True) as db:
            cur = db.execute(
                "UPDATE articles SET removed_at = NULL WHERE content_hash = ? AND removed_at IS NOT NULL",
                (content_hash,),
            )
            return cur.rowcount == 1

    def has_article(self, content_hash: str) -> bool:
        with self._db() as db:
            row = db.execute(f"SELECT 1 FROM articles WHERE content_hash = ? AND {self._live()}",
                             (content_hash,)).fetchone()
        return row is not None

    def articles(self) -> list[ArticleRecord]:
        """The library, most recently added first; each with the number of its edits in effect."""
        with self._db() as db:
            rows = db.execute(
                "SELECT content_hash, title, publisher, published, added_at, substr(text, 1, 300)"
                f" FROM articles WHERE {self._live()} ORDER BY added_at DESC, rowid DESC"
            ).fetchall()
            logs: dict[str, list[Edit]] = {}
            for h, body in db.execute(
                f"SELECT e.content_hash, e.body FROM edits e WHERE {self._in_effect()} ORDER BY e.seq"
            ):
                try:
                    logs.setdefault(h, []).append(Edit.model_validate_json(body))
                except ValidationError:
                    continue  # unreadable here: not counted (the article's view says so)
        records = []
        for h, title, publisher, published, added, text in rows:
            log = logs.get(h, [])
            # listed as the analyst corrected it (set_article), not as it was filed
            meta = {"title": title, "publisher": publisher, "published": published, **corrected_metadata(log)}
            records.append(ArticleRecord(h, meta["title"], meta["publisher"], meta["published"], added,
                                         len(effective_edits(log)), text))
        return records

    def article(self, content_hash: str) -> Article | None:
        """The stored article (text and metadata; its structure is found again on analysis)."""
        with self._db() as db:
            row = db.execute(
                "SELECT text, title, publisher, published, source_path, url"
                f" FROM articles WHERE content_hash = ? AND {self._live()}",
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
        """The article's log in effect, in the order it was written, and a sentence per unreadable entry."""
        with self._db() as db:
            rows = db.execute(
                f"SELECT e.seq, e.body FROM edits e WHERE e.content_hash = ? AND {self._in_effect()}"
                " ORDER BY e.seq",
                (content_hash,),
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

    def apply_to(self, analysis: Analysis,
                 reanalyse: Callable[[Article], Analysis] | None = None) -> tuple[Analysis, list[str]]:
        """The analysis with this workspace's corrections for its text, and what could not be applied
        (`reanalyse`: see `sourcetrace.corrections.apply_edits`; a corrected date re-dates events)."""
        log, unreadable = self.read_log(analysis.article.content_hash)
        if not log:
            return analysis, unreadable
        corrected, problems = apply_edits(analysis, log, reanalyse)
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
        """Everything (or one article) as one JSON-ready document; ordering is stable.

        What was deleted from the library is not exported, nor edits no longer in effect.
        """
        removed = "0"
        if self._removals:
            removed = ("(SELECT COUNT(*) FROM articles r"
                       " WHERE r.content_hash = u.content_hash AND r.removed_at IS NOT NULL)")
        with self._db() as db:
            where, args = ("WHERE content_hash = ?", (content_hash,)) if content_hash else ("", ())
            hashes = [r[0] for r in db.execute(
                f"SELECT content_hash FROM (SELECT content_hash FROM articles {where}"
                f" UNION SELECT content_hash FROM edits {where}"
                f" UNION SELECT content_hash FROM walkthroughs {where}) u WHERE {removed} = 0"
                " ORDER BY content_hash",
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
                    f"SELECT e.body FROM edits e WHERE e.content_hash = ? AND {self._in_effect()}"
                    " ORDER BY e.seq", (h,))]
                entries.append({"content_hash": h, "article": article, "edits": edits, "walkthrough": None})
        for entry in entries:
            entry["walkthrough"] = self.load_walkthrough(entry["content_hash"])
        return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "articles": entries}

    def export_bytes(self, content_hash: str | None = None) -> bytes:
        return json.dumps(self.export_data(content_hash), ensure_ascii=False, indent=1).encode("utf-8")

    def import_bytes(self, data: bytes) -> ImportSummary:
        """Merge an export into this workspace, all or nothing. Known edits are not duplicated.

        A file above the upload limit (`sourcetrace.load.MAX_BYTES`, one limit for every file the
        app takes in) is refused; an article deleted here that the file holds is listed again.
        """
        if len(data) > load.MAX_BYTES:
            raise WorkspaceError(
                f"This workspace file is larger than the {load.size_limit()} limit for files; "
                "nothing was imported."
            )
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
                    db.execute("UPDATE articles SET removed_at = NULL WHERE content_hash = ?", (h,))
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


# -- how the library lists its articles ------------------------------------------------------------

OPENING_WORDS = 8  # words of the text that tell apart two articles listed alike


def day_label(published: str | None) -> str:
    """'2007-07-10' -> '10 Jul 2007'; 'undated' for none; any other string as it is."""
    if not published:
        return "undated"
    try:
        d = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{d.day} {d.strftime('%b')} {d.year}"


def _opening(record: ArticleRecord) -> str:
    """The text's first words, the headline left out when the text starts with it."""
    text = " ".join(record.opening.split())
    title = " ".join((record.title or "").split())
    if title and text.casefold().startswith(title.casefold()):
        text = text[len(title):].lstrip(" .:-–—|")
    words = text.split()
    return " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")


def library_entries(records: list[ArticleRecord]) -> list[LibraryEntry]:
    """Each record as the library lists it. Articles that would read alike (same title, publisher
    and date) get what tells them apart: their first words when those differ, else a short hash."""
    def same(r: ArticleRecord) -> tuple[str, str, str]:
        return (" ".join((r.title or "").split()).casefold(), (r.publisher or "").casefold(),
                r.published or "")

    groups: dict[tuple[str, str, str], list[ArticleRecord]] = {}
    for r in records:
        groups.setdefault(same(r), []).append(r)
    entries = []
    for r in records:
        title = " ".join((r.title or "").split()) or (f"“{_opening(r)}”" if _opening(r) else "(untitled)")
        parts = [r.publisher or "unknown publisher", day_label(r.published)]
        if r.edits:
            parts.append(f"{r.edits} edit{'s' if r.edits != 1 else ''}")
        tell = None
        alike = groups[same(r)]
        if len(alike) > 1:
            openings = [_opening(o) for o in alike]
            mine = _opening(r)
            tell = f"“{mine}”" if mine and openings.count(mine) == 1 and r.title else f"#{r.content_hash[:8]}"
        entries.append(LibraryEntry(r.content_hash, title, " · ".join(parts), tell))
    return entries


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
    actions.add_parser("list", help="the articles in the library: publisher, date, edits in effect")
    e = actions.add_parser("export", help="write the workspace (or one article) as one file")
    e.add_argument("--article", help="content hash (or its first characters) of one article")
    e.add_argument("--output", "-o", help="file to write (default: standard output)")
    i = actions.add_parser("import", help="merge an exported file into the workspace")
    i.add_argument("file")
    h = actions.add_parser("history", help="the edit log of one article")
    h.add_argument("article", help="content hash (or its first characters)")
    d = actions.add_parser("delete", help="delete an article from the library (`restore` undoes it)")
    d.add_argument("article", help="content hash (or its first characters)")
    r = actions.add_parser("restore", help="put a deleted article back in the library, with its edits")
    r.add_argument("article", help="content hash (or its first characters)")
    w.set_defaults(func=_cmd_workspace)


def _cmd_workspace(args) -> int:
    import sys

    ws = Workspace(args.db, read_only=args.action in ("list", "export", "history"))
    if args.action == "list":
        records = ws.articles()
        for r, e in zip(records, library_entries(records), strict=True):
            tell = f" · {e.tell}" if e.tell else ""
            print(f"{r.content_hash[:12]}  {r.added_at}  {r.edits:4d} edits  {e.title} · "
                  f"{r.publisher or 'unknown publisher'} · {day_label(r.published)}{tell}")
        return 0
    if args.action in ("delete", "restore"):
        content_hash = _resolve_hash(ws, args.article, removed=args.action == "restore")
        change = ws.remove_article if args.action == "delete" else ws.restore_article
        if change(content_hash):
            print(f"{args.action}d {content_hash[:12]}")
        else:
            state = "deleted" if args.action == "delete" else "in the library"
            print(f"{content_hash[:12]} was already {state}")
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


def _resolve_hash(ws: Workspace, prefix: str, removed: bool = False) -> str:
    """The one content hash starting with `prefix` (of a deleted article when `removed`)."""
    known = set() if removed else {r.content_hash for r in ws.articles()}
    with ws._db() as db:
        if removed:
            rows = db.execute("SELECT content_hash FROM articles WHERE removed_at IS NOT NULL")
            known = {row[0] for row in rows}
        else:
            known |= {row[0] for row in db.execute("SELECT DISTINCT content_hash FROM edits")}
    matches = sorted(h for h in known if h.startswith(prefix))
    if len(matches) != 1:
        what = "no article" if not matches else f"{len(matches)} articles"
        raise WorkspaceError(f"“{prefix}” matches {what} in the workspace {ws.path}.")
    return matches[0]
