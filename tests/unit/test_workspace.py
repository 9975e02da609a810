"""The SQLite workspace: library, append-only edit log, walkthroughs, export/import, failure modes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sourcetrace import corrections as C
from sourcetrace.corrections import Edit
from sourcetrace.model import Analysis, Article
from sourcetrace.workspace import (
    FILENAME,
    Workspace,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceReadOnly,
    default_path,
    open_workspace,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Reuters reported that Jalal Talabani met Nouri al-Maliki in Baghdad on Monday."


def article(text: str = TEXT, **meta) -> Article:
    import hashlib

    return Article(text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), **meta)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace(tmp_path / "ws.sqlite3")


def filled(ws: Workspace) -> tuple[Article, list[Edit]]:
    art = article(title="Talabani meets Maliki", publisher="Reuters", published="2007-07-10")
    ws.add_article(art)
    an = Analysis(article=art)
    edits = [
        C.add_actor(an, "Jalal Talabani", type="PERSON", kind="named"),
        C.add_event(an, "met Nouri al-Maliki in Baghdad on Monday", "meeting", "2007-07-09", "2007-07-09"),
    ]
    for e in edits:
        ws.append_edit(art.content_hash, e)
    ws.save_walkthrough(art.content_hash, [{"key": "actor:a1", "hidden": False, "note": "who"},
                                           {"key": "claim:c1", "hidden": True, "note": ""}])
    return art, edits


def test_location_is_sourcetrace_home_else_user_data_dir(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / FILENAME
    Workspace().add_article(article())
    assert (tmp_path / "home" / FILENAME).is_file()
    monkeypatch.delenv("SOURCETRACE_HOME")
    assert default_path() == platformdirs.user_data_path("sourcetrace") / FILENAME


def test_real_sqlite_file_in_wal_mode_with_tables(ws):
    conn = sqlite3.connect(ws.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "edits", "walkthroughs", "walkthrough_steps"} <= tables
    conn.close()


def test_library_lists_articles_once_with_their_edit_count(ws):
    art, edits = filled(ws)
    assert ws.add_article(art) is False  # the same text again changes nothing
    other = article("A second, shorter story.", title="Second")
    assert ws.add_article(other) is True
    records = ws.articles()
    assert [(r.title, r.edits) for r in records] == [("Second", 0), ("Talabani meets Maliki", 2)]
    assert (records[1].publisher, records[1].published) == ("Reuters", "2007-07-10")
    back = ws.article(art.content_hash)
    assert (back.text, back.title, back.content_hash) == (TEXT, "Talabani meets Maliki", art.content_hash)
    assert ws.article("nope") is None


def test_edit_log_is_append_only_and_survives_reopening(ws):
    art, edits = filled(ws)
    ws.append_edit(art.content_hash, edits[0])  # re-sent: not duplicated
    assert Workspace(ws.path).edits(art.content_hash) == edits
    conn = sqlite3.connect(ws.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM edits")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE edits SET op = 'undo'")
    conn.close()


def test_apply_to_reapplies_saved_corrections_on_a_fresh_analysis(ws):
    art, edits = filled(ws)
    fresh = Analysis(article=art)
    out, problems = ws.apply_to(fresh)
    assert problems == []
    assert [a.name for a in out.actors] == ["Jalal Talabani"]
    assert [(e.label, e.start) for e in out.events] == [("meeting", "2007-07-09")]
    ws.append_edit(art.content_hash, C.undo_entry(edits))
    out, _ = ws.apply_to(fresh)
    assert out.events == [] and len(out.actors) == 1


def test_unreadable_stored_edit_is_reported(ws):
    art, _ = filled(ws)
    conn = sqlite3.connect(ws.path)
    conn.execute("INSERT INTO edits (content_hash, edit_id, op, at, body) VALUES (?, 'x', 'teleport', '', ?)",
                 (art.content_hash, json.dumps({"id": "x", "op": "teleport"})))
    conn.commit()
    conn.close()
    out, problems = ws.apply_to(Analysis(article=art))
    assert problems == ["Stored edit #3 cannot be read by this version of Sourcetrace; skipped."]
    assert len(out.actors) == 1 and len(out.events) == 1


def test_walkthrough_round_trip(ws):
    art, _ = filled(ws)
    assert ws.load_walkthrough(art.content_hash) == [
        {"key": "actor:a1", "hidden": False, "note": "who"},
        {"key": "claim:c1", "hidden": True, "note": ""},
    ]
    one = [{"key": "claim:c1", "hidden": False, "note": "first now"}]
    ws.save_walkthrough(art.content_hash, one)
    assert ws.load_walkthrough(art.content_hash) == one
    ws.save_walkthrough(art.content_hash, [])
    assert ws.load_walkthrough(art.content_hash) == []
    assert ws.load_walkthrough("never-saved") is None
    with pytest.raises(WorkspaceError, match="step 1 has no key"):
        ws.save_walkthrough(art.content_hash, [{"note": "x"}])


def test_import_of_export_is_identity(ws, tmp_path):
    filled(ws)
    ws.add_article(article("A second, shorter story.", title="Second"))
    exported = ws.export_bytes()
    other = Workspace(tmp_path / "other.sqlite3")
    summary = other.import_bytes(exported)
    assert (summary.articles, summary.edits_added, summary.edits_known) == (2, 2, 0)
    assert other.export_data() == ws.export_data()
    assert other.export_bytes() == exported
    again = other.import_bytes(exported)  # idempotent: nothing duplicated
    assert (again.edits_added, again.edits_known) == (0, 2)
    assert other.export_data() == ws.export_data()


def test_export_one_article_with_its_corrections(ws, tmp_path):
    art, edits = filled(ws)
    ws.add_article(article("A second, shorter story.", title="Second"))
    one = json.loads(ws.export_bytes(art.content_hash))
    assert [e["content_hash"] for e in one["articles"]] == [art.content_hash]
    assert [e["id"] for e in one["articles"][0]["edits"]] == [e.id for e in edits]
    other = Workspace(tmp_path / "other.sqlite3")
    other.import_bytes(ws.export_bytes(art.content_hash))
    assert [r.title for r in other.articles()] == ["Talabani meets Maliki"]
    assert other.edits(art.content_hash) == edits


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n", "not JSON"),
        (b'{"format": "something-else"}', "not a Sourcetrace workspace export"),
        (b'{"format": "sourcetrace-workspace", "version": 99, "articles": []}', "newer Sourcetrace"),
        (b'{"format": "sourcetrace-workspace", "version": 1, "articles": [{"content_hash": "h",'
         b' "edits": [{"op": "teleport"}]}]}', "Entry 1 of the workspace export is malformed"),
    ],
)
def test_bad_import_is_refused_and_writes_nothing(ws, data, message):
    filled(ws)
    before = ws.export_data()
    with pytest.raises(WorkspaceError, match=message):
        ws.import_bytes(data)
    assert ws.export_data() == before


def test_corrupt_file_gives_a_clear_message(tmp_path):
    bad = tmp_path / "ws.sqlite3"
    bad.write_bytes(b"this is not a database " * 200)
    with pytest.raises(WorkspaceCorrupt, match="is damaged or is not a Sourcetrace workspace"):
        Workspace(bad)
    ws, message = open_workspace(bad)
    assert ws is None
    assert message.startswith(f"The workspace {bad} is damaged")
    assert message.endswith("The app works without saving corrections.")


def test_locked_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "ws.sqlite3"
    Workspace(path).add_article(article())
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(WorkspaceLocked, match="is locked by another program"):
            Workspace(path, timeout=0.1)
        ws, message = open_workspace(path, timeout=0.1)
        assert ws is None and "is locked by another program" in message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [r.content_hash for r in Workspace(path).articles()] == [article().content_hash]


def test_a_writer_holding_the_lock_does_not_stop_reading(tmp_path):
    path = tmp_path / "ws.sqlite3"
    Workspace(path).add_article(article())
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        ws = Workspace(path, timeout=0.1)  # WAL: readers go on while another tab writes
        assert len(ws.articles()) == 1
        with pytest.raises(WorkspaceLocked):
            ws.append_edit("h", Edit(op="undo", payload={"edit": "x"}))
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_read_only_workspace_reads_and_refuses_writes(tmp_path):
    art, edits = filled(Workspace(tmp_path / "ws.sqlite3"))
    ro = Workspace(tmp_path / "ws.sqlite3", read_only=True)
    assert ro.edits(art.content_hash) == edits
    with pytest.raises(WorkspaceReadOnly, match="open read-only; nothing was saved"):
        ro.append_edit(art.content_hash, edits[0])
    with pytest.raises(WorkspaceError, match="There is no workspace at"):
        Workspace(tmp_path / "missing.sqlite3", read_only=True)


_WRITER = textwrap.dedent(
    """
    import sys
    from sourcetrace.corrections import Edit
    from sourcetrace.workspace import Workspace

    path, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ws = Workspace(path, timeout=30)
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for i in range(n):
        ws.append_edit("same-article", Edit(id=f"{who}-{i}", op="dismiss_claim", author=who))
    """
)


def test_two_processes_appending_edits_to_one_article_both_land(tmp_path):
    path = tmp_path / "ws.sqlite3"
    Workspace(path)
    n = 40
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), who, str(n)], cwd=ROOT,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for who in ("tab1", "tab2")
    ]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    log = Workspace(path).edits("same-article")
    assert len(log) == 2 * n
    for who in ("tab1", "tab2"):
        assert [e.id for e in log if e.author == who] == [f"{who}-{i}" for i in range(n)]


def test_cli_analyze_with_workspace_applies_corrections(tmp_path, bundled_text):
    from sourcetrace.analysis import prepare_article

    art = prepare_article(bundled_text)
    ws = Workspace(tmp_path / "ws.sqlite3")
    ws.add_article(art)
    words = "Last week the draft legislation had been completed"
    add = C.add_event(Analysis(article=art), words, "Draft legislation completed", "2007-06-25",
                      "2007-07-01", "week")
    ws.append_edit(art.content_hash, add)
    ws.append_edit(art.content_hash, Edit(op="rename_actor", payload={"name": "X"}, targets=[
        C.Target(span=C.Span(start=0, end=6, text="Maliki"), name="Maliki")]))
    run = subprocess.run(
        [sys.executable, "-m", "sourcetrace", "analyze", "--workspace", str(ws.path),
         str(ROOT / "data/articles/ncri-2007-07-10-iranian-ambassador-iraq-security.txt")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    added = [e for e in data["events"] if e["id"] == f"e-{add.id}"]
    assert len(added) == 1
    assert (added[0]["label"], added[0]["start"], added[0]["end"], added[0]["corrected"]) == (
        "Draft legislation completed", "2007-06-25", "2007-07-01", True
    )
    assert run.stderr == (
        "sourcetrace: Edit 2 (Renamed actor “Maliki” to “X”): the text “Maliki” (characters 0–6) is no "
        "longer in the article. It was not applied.\n"
    )


def test_cli_workspace_export_import(tmp_path):
    src = Workspace(tmp_path / "a.sqlite3")
    filled(src)
    out = tmp_path / "export.json"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "sourcetrace", "workspace", *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    assert cli("--db", str(src.path), "export", "-o", str(out)).returncode == 0
    run = cli("--db", str(tmp_path / "b.sqlite3"), "import", str(out))
    assert run.returncode == 0, run.stderr
    assert run.stdout == "imported 1 article(s): 2 new edit(s), 0 already known\n"
    assert Workspace(tmp_path / "b.sqlite3").export_data() == src.export_data()
    bad = cli("--db", str(tmp_path / "b.sqlite3"), "import", str(tmp_path / "missing.json"))
    assert bad.returncode == 2
    assert bad.stderr.startswith("sourcetrace: Cannot read ") and "Traceback" not in bad.stderr


# ---------------------------------------------------------------- the app's per-session folders


def test_session_folder_is_private_and_goes_with_its_owner(tmp_path):
    import gc
    import stat

    from components.workspace import FOLDER_PREFIX, SessionFolder

    folder = SessionFolder(tmp_path / "sessions")
    path = folder.path
    assert path.parent == tmp_path / "sessions" and path.name.startswith(FOLDER_PREFIX)
    assert stat.S_IMODE(path.stat().st_mode) == 0o700
    Workspace(path / FILENAME).add_article(article())
    del folder
    gc.collect()
    assert not path.exists()


def test_sessions_root_is_sourcetrace_home_else_the_temp_folder(monkeypatch, tmp_path):
    import tempfile

    from components.workspace import sessions_root

    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))
    assert sessions_root() == tmp_path / "sessions"
    monkeypatch.delenv("SOURCETRACE_HOME")
    assert sessions_root() == Path(tempfile.gettempdir())


def test_stale_session_folders_are_swept_and_live_ones_kept(tmp_path):
    import os
    import time

    from components.workspace import FOLDER_PREFIX, sweep_stale_folders

    two_days_ago = time.time() - 2 * 24 * 3600
    old, live, other = tmp_path / f"{FOLDER_PREFIX}old", tmp_path / f"{FOLDER_PREFIX}live", tmp_path / "keep"
    for folder in (old, live, other):
        folder.mkdir()
        (folder / FILENAME).write_bytes(b"x")
    for path in (old / FILENAME, old, other / FILENAME, other):
        os.utime(path, (two_days_ago, two_days_ago))
    os.utime(live, (two_days_ago, two_days_ago))  # an old folder whose file was written just now
    assert sweep_stale_folders(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


def test_the_schema_splits_where_sqlite_says_a_statement_ends():
    from sourcetrace.workspace import _SCHEMA, _split_sql

    statements = _split_sql(_SCHEMA)
    assert [s.split("(")[0].split(" ON ")[0] for s in statements] == [
        "CREATE TABLE IF NOT EXISTS articles ",
        "CREATE TABLE IF NOT EXISTS edits ",
        "CREATE INDEX IF NOT EXISTS edits_by_article",
        "CREATE TRIGGER IF NOT EXISTS edits_append_only_update BEFORE UPDATE",
        "CREATE TRIGGER IF NOT EXISTS edits_append_only_delete BEFORE DELETE",
        "CREATE TABLE IF NOT EXISTS walkthroughs ",
        "CREATE TABLE IF NOT EXISTS walkthrough_steps ",
    ]
    assert all(s.endswith(";") for s in statements)
    assert statements[3].endswith("RAISE(ABORT, 'the edit log is append-only'); END;")


# ---------------------------------------------------------------- the library: delete, undo, counts


def test_a_deleted_article_leaves_the_library_and_undo_brings_it_back_with_its_edits(ws, tmp_path):
    art, edits = filled(ws)
    other = article("A second, shorter story.", title="Second")
    ws.add_article(other)
    assert ws.remove_article(art.content_hash) is True
    assert ws.remove_article(art.content_hash) is False  # already out
    assert [r.title for r in ws.articles()] == ["Second"]
    assert ws.article(art.content_hash) is None and not ws.has_article(art.content_hash)
    assert [e["content_hash"] for e in ws.export_data()["articles"]] == [other.content_hash]
    assert ws.restore_article(art.content_hash) is True
    assert ws.restore_article(art.content_hash) is False  # already back
    assert [(r.title, r.edits) for r in ws.articles()] == [("Second", 0), ("Talabani meets Maliki", 2)]
    assert ws.edits(art.content_hash) == edits
    assert ws.load_walkthrough(art.content_hash) is not None


def test_a_deleted_article_filed_again_starts_without_its_old_edits(ws):
    art, edits = filled(ws)
    ws.remove_article(art.content_hash)
    again = art.model_copy(update={"publisher": "Reuters World"})
    assert ws.add_article(again) is True  # filed afresh, with the metadata given now
    [record] = ws.articles()
    assert (record.publisher, record.edits) == ("Reuters World", 0)
    assert ws.edits(art.content_hash) == []
    fresh = C.add_actor(Analysis(article=art), "Nouri al-Maliki", type="PERSON", kind="named")
    ws.append_edit(art.content_hash, fresh)
    assert ws.edits(art.content_hash) == [fresh]
    assert [e["id"] for e in ws.export_data()["articles"][0]["edits"]] == [fresh.id]
    assert ws.restore_article(art.content_hash) is False  # nothing to undo any more


def test_the_edit_count_is_the_edits_in_effect(ws):
    art, edits = filled(ws)
    log = ws.edits(art.content_hash)
    undo = C.undo_entry(log)
    ws.append_edit(art.content_hash, undo)
    assert [r.edits for r in ws.articles()] == [1]  # the log holds 3 entries; 1 edit is in effect
    log = ws.edits(art.content_hash)
    ws.append_edit(art.content_hash, C.undo_entry(log))
    assert [r.edits for r in ws.articles()] == [0]
    ws.append_edit(art.content_hash, C.redo_entry(ws.edits(art.content_hash)))
    assert [r.edits for r in ws.articles()] == [1]


def test_an_import_above_the_upload_limit_is_refused_naming_it(ws, monkeypatch):
    from sourcetrace import load

    filled(ws)
    before = ws.export_data()
    data = ws.export_bytes()
    monkeypatch.setattr(load, "MAX_BYTES", len(data) - 1)
    with pytest.raises(WorkspaceError) as err:
        ws.import_bytes(data)
    assert str(err.value) == (
        f"This workspace file is larger than the {(len(data) - 1) // 1024} KB limit for files; "
        "nothing was imported."
    )
    assert ws.export_data() == before
    monkeypatch.setattr(load, "MAX_BYTES", len(data))  # at the limit: taken
    assert ws.import_bytes(data).articles == 1


def test_a_version_1_workspace_is_migrated_and_keeps_everything(tmp_path):
    from sourcetrace import workspace as W

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for statement in W._split_sql(W._SCHEMA):  # the version 1 layout
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    art = article(title="Old one", publisher="Reuters", published="2007-07-10")
    edit = C.add_actor(Analysis(article=art), "Jalal Talabani", type="PERSON", kind="named")
    conn.execute(W._INSERT_ARTICLE, (art.content_hash, art.title, art.publisher, art.published, None, None,
                                     art.text, "2020-01-01T00:00:00+00:00"))
    conn.execute(W._INSERT_EDIT, (art.content_hash, edit.id, edit.op, edit.at, edit.model_dump_json()))
    conn.close()
    old = Workspace(path, read_only=True)  # read as it is: nothing deleted in it
    assert [(r.title, r.edits) for r in old.articles()] == [("Old one", 1)]
    assert old.edits(art.content_hash) == [edit]
    ws = Workspace(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == W.USER_VERSION == 2
    conn.close()
    assert [(r.title, r.edits) for r in ws.articles()] == [("Old one", 1)]
    assert ws.remove_article(art.content_hash) and ws.articles() == []


def _record(h: str, title: str | None, publisher: str | None, published: str | None, opening: str,
            edits: int = 0):
    from sourcetrace.workspace import ArticleRecord

    return ArticleRecord(h * 16, title, publisher, published, "2026-12-01T12:00:00+00:00", edits, opening)


def test_the_library_lists_publisher_and_date_and_tells_identical_titles_apart():
    from sourcetrace.workspace import LibraryEntry, library_entries

    records = [
        _record("a", "Dock strike ends", "Atlantic Wire", "2024-03-15",
                "Dock strike ends\nLISBON, March 15 - Dock workers ended a four-day strike on Friday", 2),
        _record("b", "Dock strike ends", "Atlantic Wire", "2024-03-15",
                "Dock strike ends\nLISBON, March 16 - The port reopened on Saturday after the strike"),
        _record("c", "Dock strike ends", "Harbour Times", "2024-03-15", "Dock strike ends\nSame words"),
        _record("d", "Talks resume", None, None, "Talks resume\nThe union and the city met again."),
        _record("e", None, None, "2007-07-10",
                "Reuters reported that Jalal Talabani met Nouri al-Maliki in Baghdad"),
        _record("f", "Dock strike ends", "Atlantic Wire", "2024-03-15",
                "Dock strike ends\nLISBON, March 15 - Dock workers ended a four-day strike on Friday"),
    ]
    assert library_entries(records) == [
        LibraryEntry("a" * 16, "Dock strike ends", "Atlantic Wire · 15 Mar 2024 · 2 edits", "#aaaaaaaa"),
        LibraryEntry("b" * 16, "Dock strike ends", "Atlantic Wire · 15 Mar 2024",
                     "“LISBON, March 16 - The port reopened on…”"),
        LibraryEntry("c" * 16, "Dock strike ends", "Harbour Times · 15 Mar 2024", None),
        LibraryEntry("d" * 16, "Talks resume", "unknown publisher · undated", None),
        LibraryEntry("e" * 16, "“Reuters reported that Jalal Talabani met Nouri al-Maliki…”",
                     "unknown publisher · 10 Jul 2007", None),
        LibraryEntry("f" * 16, "Dock strike ends", "Atlantic Wire · 15 Mar 2024", "#ffffffff"),
    ]


def test_cli_workspace_list_delete_restore(tmp_path):
    ws = Workspace(tmp_path / "a.sqlite3")
    art, _ = filled(ws)

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "sourcetrace", "workspace", "--db", str(ws.path), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    [record] = ws.articles()
    listed = cli("list")
    assert listed.stdout == (f"{art.content_hash[:12]}  {record.added_at}     2 edits  "
                             "Talabani meets Maliki · Reuters · 10 Jul 2007\n")
    assert cli("delete", art.content_hash[:8]).stdout == f"deleted {art.content_hash[:12]}\n"
    assert cli("list").stdout == "" and ws.articles() == []
    assert cli("restore", art.content_hash[:8]).stdout == f"restored {art.content_hash[:12]}\n"
    assert cli("list").stdout == listed.stdout


def test_two_openings_of_a_version_1_file_migrate_it_once(tmp_path):
    from sourcetrace import workspace as W

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for statement in W._split_sql(W._SCHEMA):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    first = Workspace(path)
    # a second process that read version 1 before the first migrated: it must not add the columns twice
    real_connect = sqlite3.connect

    class StaleVersion:
        def __init__(self, conn):
            self.conn, self.stale = conn, True

        def execute(self, sql, *args):
            if sql == "PRAGMA user_version" and self.stale:
                self.stale = False
                return real_connect(":memory:").execute("SELECT 1")
            return self.conn.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self.conn, name)

    second = Workspace.__new__(Workspace)
    second.path, second.read_only, second.timeout, second._removals = path, False, 5.0, True
    second._connect = lambda: StaleVersion(Workspace._connect(second))  # type: ignore[method-assign]
    second._prepare()
    assert first.articles() == [] and second.articles() == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
