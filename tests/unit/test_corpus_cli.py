"""`python -m sourcetrace corpus ...`: each command on the demo corpus, errors in one line."""

from __future__ import annotations

import json

import pytest

from sourcetrace.cli import main
from tests.unit.corpus_helpers import DEMO, DEMO_METADATA, DEMO_PUBLISHERS


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "db"
    assert (
        main(
            [
                "corpus",
                "ingest",
                str(DEMO),
                "--db",
                str(path),
                "--metadata",
                str(DEMO_METADATA),
                "--in-process",
                "--no-progress",
            ]
        )
        == 0
    )
    return path


def _json(capsys, argv):
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_stats_json(db, capsys):
    stats = _json(capsys, ["corpus", "stats", "--db", str(db), "--format", "json"])
    assert {k: stats[k] for k in ("articles", "publishers", "batches")} == {
        "articles": 5,
        "publishers": 5,
        "batches": 1,
    }
    assert stats["claims"] >= 20 and stats["actors"] >= 10 and stats["events"] >= 1


def test_ingest_again_reports_skips_as_json(db, capsys):
    out = _json(
        capsys,
        ["corpus", "ingest", str(DEMO), "--db", str(db), "--in-process", "--no-progress", "--format", "json"],
    )
    assert out == {"added": 0, "skipped": 5, "failed": 0, "batches": 0}


def test_provenance_json(db, capsys):
    clusters = _json(
        capsys, ["corpus", "provenance", "--db", str(db), "--format", "json", "--min-articles", "4"]
    )
    assert len(clusters) == 1
    c = clusters[0]
    assert set(c) >= {"id", "claim", "appearances", "first", "drift"}
    assert [a["publisher"] for a in c["appearances"]] == DEMO_PUBLISHERS
    assert set(c["appearances"][0]) >= {
        "article",
        "title",
        "publisher",
        "published",
        "chain",
        "innermost_kind",
    }
    full = _json(capsys, ["corpus", "provenance", "--db", str(db), "--format", "json", "--republications"])
    assert [e["target_publisher"] for e in full["republications"]] == ["Coastal Wire"]


def test_provenance_text(db, capsys):
    capsys.readouterr()
    assert main(["corpus", "provenance", "--db", str(db), "--min-articles", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0]
        == "p1  5 articles, 5 publishers: the ferry contract may have been awarded without a public tender"
    )
    assert out[-1].startswith("republication: Ferry contract questioned at Port Seldon -> Report: ")


def test_search_json(db, capsys):
    hits = _json(capsys, ["corpus", "search", "--db", str(db), "without a public tender", "--format", "json"])
    assert [h["publisher"] for h in hits["claims"][:5]] == DEMO_PUBLISHERS
    vale = _json(capsys, ["corpus", "search", "--db", str(db), "--actor", "Oren Vale", "--format", "json"])
    assert vale["actor"]["name"] == "Oren Vale"
    assert {h["stance"] for h in vale["claims"]} == {"asserts", "denies"}


def test_a_missing_store_is_one_line_and_exit_2(tmp_path, capsys):
    capsys.readouterr()
    assert main(["corpus", "stats", "--db", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"sourcetrace: {tmp_path / 'nope'}: no such corpus store; create it with `corpus ingest --db`."
    ]


def test_ingest_on_its_own_local_cluster(tmp_path, capsys):
    from tests.unit.corpus_helpers import generated_articles, write_jsonl

    feed = write_jsonl(tmp_path / "feed.jsonl", generated_articles(3))
    out = _json(
        capsys,
        [
            "corpus",
            "ingest",
            str(feed),
            "--db",
            str(tmp_path / "db"),
            "--workers",
            "1",
            "--batch-size",
            "2",
            "--no-progress",
            "--format",
            "json",
        ],
    )
    assert out == {"added": 3, "skipped": 0, "failed": 0, "batches": 2}
    assert (
        _json(capsys, ["corpus", "stats", "--db", str(tmp_path / "db"), "--format", "json"])["articles"] == 3
    )
