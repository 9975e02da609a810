"""Ingest: folders, JSON Lines and metadata in; bad files reported and skipped; a killed ingest
run again loses and duplicates nothing; the same rows on a 2-worker Dask LocalCluster."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from sourcetrace.corpus.ingest import ingest, read_metadata
from sourcetrace.corpus.store import Store
from tests.unit.corpus_helpers import (
    DEMO,
    DEMO_METADATA,
    DEMO_PUBLISHERS,
    ROOT,
    generated_articles,
    write_jsonl,
)


def _claims(store: Store) -> list[tuple]:
    con = store.connect()
    return con.execute(
        "SELECT a.publisher, c.content, [x.label FOR x IN c.chain], c.stance, c.hedged "
        "FROM claims c JOIN articles a USING (article) ORDER BY a.published, c.start"
    ).fetchall()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "db"
    result = ingest([DEMO], db, metadata=DEMO_METADATA, progress=False)
    assert result.as_dict() == {"added": 5, "skipped": 0, "failed": 0, "batches": 1}
    return Store(db)


def test_the_demo_folder_lands_with_its_metadata(demo_store):
    con = demo_store.connect()
    rows = con.execute("SELECT publisher, published, title, wire FROM articles ORDER BY published").fetchall()
    assert [r[0] for r in rows] == DEMO_PUBLISHERS
    assert [r[1] for r in rows] == ["2025-03-03", "2025-03-04", "2025-03-06", "2025-03-08", "2025-03-10"]
    assert rows[1][2:] == ("Report: ferry contract questioned at Port Seldon", "The Harbor Ledger")
    tender = [c for c in _claims(demo_store) if c[1].endswith("awarded without a public tender")]
    assert tender == [
        (
            "The Harbor Ledger",
            "the ferry contract may have been awarded without a public tender",
            ["The Harbor Ledger", "a port authority official"],
            "asserts",
            True,
        ),
        (
            "Coastal Wire",
            "the ferry contract may have been awarded without a public tender",
            ["Coastal Wire", "The Harbor Ledger", "a port authority official"],
            "asserts",
            True,
        ),
        (
            "The Daily Meridian",
            "the ferry contract was awarded without a public tender",
            ["The Daily Meridian", "Mara Ellison"],
            "asserts",
            False,
        ),
        (
            "Northgate Evening Post",
            "The ferry contract was awarded without a public tender",
            ["Northgate Evening Post", "unattributed"],
            "asserts",
            False,
        ),
        (
            "The Bay Chronicle",
            "that the ferry contract was awarded without a public tender",
            ["The Bay Chronicle", "Oren Vale"],
            "denies",
            False,
        ),
    ]


def test_ingesting_again_skips_what_is_there(demo_store, tmp_path):
    before = demo_store.stats()
    result = ingest([DEMO], demo_store.path, metadata=DEMO_METADATA, progress=False)
    assert result.as_dict() == {"added": 0, "skipped": 5, "failed": 0, "batches": 0}
    assert demo_store.stats() == before


def test_bad_files_and_lines_are_reported_and_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.txt").write_bytes(b"%PDF-1.4 not an article")
    (folder / "empty.md").write_text("   \n")
    good = generated_articles(2)
    lines = [json.dumps(good[0]), "{not json", '{"title": "x"}', json.dumps(good[1])]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    messages: list[str] = []
    result = ingest([folder], tmp_path / "db", report=messages.append, progress=False)
    assert (result.added, result.failed, result.skipped) == (2, 4, 0)
    assert sorted(m.split(str(folder) + "/")[1] for m in messages) == [
        "empty.md is empty: there is no text to analyse.",
        "feed.jsonl:2 is not a JSON object.",
        'feed.jsonl:3 has no "text" field (a string is required).',
        "scan.txt is a PDF file, not text; save the article as plain text or HTML.",
    ]
    con = Store(tmp_path / "db").connect()
    assert con.execute("SELECT title, publisher, published, url FROM articles ORDER BY title").fetchall() == [
        ("Council vote on item 0", "The Kestrel Gazette", "2025-01-01", "https://example.invalid/0"),
        ("Council vote on item 1", "The Kestrel Gazette", "2025-01-02", "https://example.invalid/1"),
    ]


def test_metadata_is_keyed_by_file_name_with_or_without_extension(tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text(
        "filename,publisher,publication_date,title,wire\nstory-1,Daily Kite,2016-05-01,Kites,None\n"
    )
    got = read_metadata(meta)
    assert got["story-1"].publisher == "Daily Kite" and got["story-1"].published == "2016-05-01"
    assert got["story-1"].wire is None and got["story-1"].title == "Kites"


def test_a_killed_ingest_run_again_loses_and_duplicates_nothing(tmp_path):
    n = 40
    feed = write_jsonl(tmp_path / "feed.jsonl", generated_articles(n))
    db = tmp_path / "db"
    cmd = [
        sys.executable,
        "-m",
        "sourcetrace",
        "corpus",
        "ingest",
        str(feed),
        "--db",
        str(db),
        "--in-process",
        "--batch-size",
        "1",
        "--no-progress",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            batches = db / "batches"
            if batches.is_dir() and len(list(batches.glob("batch=*"))) >= 3:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the ingest ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)  # no clean-up of any kind: as a crash or an OOM kill
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    committed = len(Store(db).manifest())
    assert 3 <= committed < n
    result = ingest([feed], db, progress=False)
    assert (result.added, result.skipped, result.failed) == (n - committed, committed, 0)
    con = Store(db).connect()
    assert con.execute("SELECT count(*), count(DISTINCT article) FROM articles").fetchone() == (n, n)
    titles = {t for (t,) in con.execute("SELECT title FROM articles").fetchall()}
    assert titles == {f"Council vote on item {i}" for i in range(n)}
    assert not list(db.glob(".tmp-*"))


def test_a_two_worker_local_cluster_gives_the_same_rows(demo_store, tmp_path):
    from sourcetrace.corpus.engine import start_client

    client, cluster = start_client(2)
    try:
        # through the scheduler's address, as `--scheduler tcp://...` reaches an existing cluster
        result = ingest(
            [DEMO],
            tmp_path / "db",
            metadata=DEMO_METADATA,
            progress=False,
            batch_size=2,
            scheduler=cluster.scheduler_address,
        )
        assert result.as_dict() == {"added": 5, "skipped": 0, "failed": 0, "batches": 3}
        # the worker plugin loaded the pipeline once per worker process, before the first task
        loaded = client.run(lambda: len(__import__("sourcetrace.nlp", fromlist=["_cache"])._cache))
        assert list(loaded.values()) == [1, 1]
        assert all(addr.startswith("tcp://127.0.0.1:") for addr in loaded)
        profiling = client.run(lambda: __import__("dask").config.get("distributed.worker.profile.enabled"))
        assert list(profiling.values()) == [False, False]
    finally:
        client.close()
        cluster.close()
    dask_store = Store(tmp_path / "db")
    assert sorted(_claims(dask_store)) == sorted(_claims(demo_store))
    assert dask_store.stats() | {"batches": 1} == demo_store.stats()


def test_the_progress_bar_counts_articles_with_a_rate_and_an_eta(tmp_path, capsys):
    feed = write_jsonl(tmp_path / "feed.jsonl", generated_articles(2))
    ingest([feed], tmp_path / "db", progress=True, batch_size=1)
    err = capsys.readouterr().err
    last = err.replace("\r", "\n").strip().splitlines()[-1]
    assert last.startswith("ingest: 100%") and " 2/2 [" in last
    assert "<00:00" in last  # the ETA, after the elapsed time
    assert "article/s]" in last or "s/article]" in last  # tqdm flips the rate below 1 article/s
