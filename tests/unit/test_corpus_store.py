"""The store: batches land whole or not at all; the manifest is what was committed."""

from __future__ import annotations

import json

import pytest

from sourcetrace.corpus.store import Store, StoreError, rows_of
from sourcetrace.model import Analysis, Article, ChainLink, Claim, Span


def _analysis(text: str, publisher: str = "The Kestrel Gazette") -> Analysis:
    import hashlib

    art = Article(
        text=text,
        publisher=publisher,
        published="2025-01-02",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    claim = Claim(
        id="c1",
        content=Span(start=0, end=len(text), text=text),
        chain=[
            ChainLink(label=publisher, kind="publisher"),
            ChainLink(label="an official", kind="anonymous"),
        ],
        hedged=True,
    )
    return Analysis(article=art, claims=[claim])


def test_a_batch_is_committed_whole_and_read_back(tmp_path):
    store = Store(tmp_path / "db", create=True)
    a, b = _analysis("The bridge will close in May."), _analysis("The bridge will reopen in June.")
    rows = rows_of(a)
    for t, r in rows_of(b).items():
        rows[t].extend(r)
    assert store.write_batch(rows) is not None
    assert store.manifest() == {a.article.content_hash, b.article.content_hash}
    assert store.stats() == {
        "articles": 2,
        "claims": 2,
        "actors": 0,
        "events": 0,
        "attributions": 0,
        "relations": 0,
        "publishers": 1,
        "batches": 1,
    }
    con = store.connect()
    assert con.execute(
        "SELECT innermost_kind, hedged, chain[2].label FROM claims ORDER BY content"
    ).fetchall() == [("anonymous", True, "an official"), ("anonymous", True, "an official")]
    back = store.analysis(a.article.content_hash[:12])
    assert back == a  # the text comes back from its own column


def test_a_half_written_batch_is_invisible_and_cleaned(tmp_path):
    store = Store(tmp_path / "db", create=True)
    store.write_batch(rows_of(_analysis("The bridge will close in May.")))
    # a kill during a write leaves a temp folder with some tables in it: never read, removed on the next run
    tmp = tmp_path / "db" / ".tmp-00000000000000000001-deadbeef"
    tmp.mkdir()
    (tmp / "articles.parquet").write_bytes(b"PAR1 half a file")
    again = Store(tmp_path / "db")
    assert again.stats()["articles"] == 1
    with again.writer_lock():
        assert not tmp.exists()


def test_an_empty_store_answers_with_zeros(tmp_path):
    store = Store(tmp_path / "db", create=True)
    assert store.stats()["articles"] == 0
    assert store.connect().execute("SELECT count(*) FROM claims").fetchone() == (0,)


def test_one_writer_at_a_time(tmp_path):
    store = Store(tmp_path / "db", create=True)
    with store.writer_lock():
        with pytest.raises(StoreError, match="Another ingest is writing"):
            with Store(tmp_path / "db").writer_lock():
                pass


def test_what_is_not_a_store_is_refused_in_one_sentence(tmp_path):
    with pytest.raises(StoreError, match="no such corpus store"):
        Store(tmp_path / "missing")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="is not a corpus store"):
        Store(tmp_path / "other")
    with pytest.raises(StoreError, match="other files in it"):
        Store(tmp_path / "other", create=True)
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "corpus.json").write_text(json.dumps({"format": 99}))
    with pytest.raises(StoreError, match="format 99"):
        Store(tmp_path / "db")


def test_a_framed_outlets_own_voice_is_stored_as_resting_on_no_source():
    # NCRI › al-Malaf with no source inside the dateline frame: the corpus keeps "unattributed"
    text = "The port reopened."
    framed = Claim(
        id="c1",
        content=Span(start=0, end=17, text="The port reopened"),
        chain=[
            ChainLink(label="NCRI", kind="publisher", frame=True),
            ChainLink(label="al-Malaf", kind="outlet", frame=True),
        ],
    )
    told = framed.model_copy(
        update={"id": "c2", "chain": [framed.chain[0], ChainLink(label="al-Malaf", kind="outlet")]}
    )
    rows = rows_of(Analysis(article=Article(text=text), claims=[framed, told]))
    assert [(r["innermost_kind"], r["innermost_label"]) for r in rows["claims"]] == [
        ("unattributed", "unattributed"),
        ("outlet", "al-Malaf"),
    ]


def test_the_demo_build_is_keyed_by_the_engine_files_not_only_its_version(tmp_path, monkeypatch):
    """A demo corpus built into the temp folder by an earlier engine (same version number, other
    rules or lexicons) is never reused; compiled caches do not count."""
    from sourcetrace.corpus import demo

    (tmp_path / "rules.py").write_text("RULES = ('a',)\n")
    monkeypatch.setattr(demo, "ENGINE_DIRS", (tmp_path,))
    first = demo.demo_key()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0compiled")
    assert demo.demo_key() == first
    (tmp_path / "rules.py").write_text("RULES = ('a', 'b')\n")
    second = demo.demo_key()
    assert second != first
    (tmp_path / "lexicon.txt").write_text("say\n")
    assert demo.demo_key() not in (first, second)
