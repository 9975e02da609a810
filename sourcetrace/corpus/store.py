"""The corpus store: a directory of Parquet batches, queried with DuckDB.

Layout (a Hive-partitioned Parquet dataset, one partition per batch)::

    DB/
      corpus.json                       format marker
      batches/batch=<id>/articles.parquet, actors.parquet, claims.parquet,
                         attributions.parquet, events.parquet, relations.parquet
      .tmp-<id>/                        a batch being written (never read)

A batch is written whole under `.tmp-<id>` and then renamed into `batches/`: a rename is atomic,
so a reader (or an ingest run again after a kill) sees either all of a batch or none of it. The
manifest is the set of content hashes in the committed batches' articles tables; an ingest skips
those, so running it again loses and duplicates nothing. One ingest at a time holds `DB/.lock`.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sourcetrace.errors import SourcetraceError
from sourcetrace.model import Analysis, ChainLink

FORMAT = 1
MARKER = "corpus.json"
BATCHES = "batches"
TMP_PREFIX = ".tmp-"

_STR = pa.string()
_CHAIN_LINK = pa.struct([("label", _STR), ("kind", _STR), ("actor", _STR)])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article", _STR),  # the content hash: the article's key everywhere in the store
            ("title", _STR),
            ("publisher", _STR),
            ("published", _STR),
            ("source_path", _STR),
            ("url", _STR),
            ("wire", _STR),
            ("text", _STR),
            ("n_claims", pa.int32()),
            ("n_actors", pa.int32()),
            ("n_events", pa.int32()),
            ("analysis", _STR),  # the whole Analysis JSON, article text left out (it is `text`)
        ]
    ),
    "actors": pa.schema(
        [
            ("article", _STR),
            ("actor", _STR),
            ("name", _STR),
            ("type", _STR),
            ("kind", _STR),
            ("aliases", pa.list_(_STR)),
            ("mentions", pa.int32()),
        ]
    ),
    "claims": pa.schema(
        [
            ("article", _STR),
            ("claim", _STR),
            ("content", _STR),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("chain", pa.list_(_CHAIN_LINK)),
            ("innermost_kind", _STR),
            ("innermost_label", _STR),
            ("stance", _STR),
            ("hedged", pa.bool_()),
            ("hedge", _STR),
            ("actors", pa.list_(_STR)),
        ]
    ),
    "attributions": pa.schema(
        [
            ("article", _STR),
            ("attribution", _STR),
            ("cue", _STR),
            ("source", _STR),
            ("source_actor", _STR),
            ("source_kind", _STR),
            ("content", _STR),
            ("parent", _STR),
            ("stance", _STR),
            ("hedged", pa.bool_()),
        ]
    ),
    "events": pa.schema(
        [
            ("article", _STR),
            ("event", _STR),
            ("label", _STR),
            ("start", _STR),
            ("end", _STR),
            ("precision", _STR),
            ("actors", pa.list_(_STR)),
        ]
    ),
    "relations": pa.schema(
        [
            ("article", _STR),
            ("source", _STR),
            ("target", _STR),
            ("kind", _STR),
            ("weight", pa.float64()),
        ]
    ),
}
TABLES = tuple(SCHEMAS)


class StoreError(SourcetraceError):
    """The folder is not a corpus store, or another ingest holds it."""


def rows_of(analysis: Analysis, *, wire: str | None = None) -> dict[str, list[dict]]:
    """One analysis as rows of every table (pure: runs on a Dask worker as well as here)."""
    art = analysis.article
    key = art.content_hash
    slim = analysis.model_copy(update={"article": art.model_copy(update={"text": ""})})
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["articles"].append(
        {
            "article": key,
            "title": art.title,
            "publisher": art.publisher,
            "published": art.published,
            "source_path": art.source_path,
            "url": art.url,
            "wire": wire,
            "text": art.text,
            "n_claims": len(analysis.claims),
            "n_actors": len(analysis.actors),
            "n_events": len(analysis.events),
            "analysis": slim.model_dump_json(),
        }
    )
    for a in analysis.actors:
        rows["actors"].append(
            {
                "article": key,
                "actor": a.id,
                "name": a.name,
                "type": a.type,
                "kind": a.kind,
                "aliases": list(a.aliases),
                "mentions": len(a.mentions),
            }
        )
    for c in analysis.claims:
        if c.dismissed:
            continue
        last = c.chain[-1] if c.chain else None
        if last is not None and last.frame and last.kind == "outlet":
            # the framed outlet's own voice (NCRI › al-Malaf, no source inside): for the corpus, as
            # before chains ended in the frame, the claim rests on no source ("unattributed")
            last = ChainLink(label="unattributed", kind="unattributed")
        rows["claims"].append(
            {
                "article": key,
                "claim": c.id,
                "content": c.content.text,
                "start": c.content.start,
                "end": c.content.end,
                "chain": [{"label": link.label, "kind": link.kind, "actor": link.actor} for link in c.chain],
                "innermost_kind": last.kind if last else "unattributed",
                "innermost_label": last.label if last else None,
                "stance": c.stance,
                "hedged": c.hedged,
                "hedge": c.hedge.text if c.hedge else None,
                "actors": list(c.actors),
            }
        )
    for t in analysis.attributions:
        rows["attributions"].append(
            {
                "article": key,
                "attribution": t.id,
                "cue": t.cue.text,
                "source": t.source.text if t.source else None,
                "source_actor": t.source_actor,
                "source_kind": t.source_kind,
                "content": t.content.text,
                "parent": t.parent,
                "stance": t.stance,
                "hedged": t.hedged,
            }
        )
    for e in analysis.events:
        rows["events"].append(
            {
                "article": key,
                "event": e.id,
                "label": e.label,
                "start": e.start,
                "end": e.end,
                "precision": e.precision,
                "actors": list(e.actors),
            }
        )
    for r in analysis.relations:
        rows["relations"].append(
            {"article": key, "source": r.source, "target": r.target, "kind": r.kind, "weight": r.weight}
        )
    return rows


def merge_rows(parts: Iterable[dict[str, list[dict]]]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for part in parts:
        for t in TABLES:
            out[t].extend(part.get(t, ()))
    return out


class Store:
    """A corpus directory. `Store(path, create=True)` makes one; otherwise it must exist."""

    def __init__(self, path: str | os.PathLike, *, create: bool = False):
        self.path = Path(path)
        marker = self.path / MARKER
        if not marker.is_file():
            if not create:
                if self.path.is_dir():
                    raise StoreError(
                        f"{self.path} is not a corpus store (no {MARKER}); ingest into it first."
                    )
                raise StoreError(f"{self.path}: no such corpus store; create it with `corpus ingest --db`.")
            if self.path.exists() and not self.path.is_dir():
                raise StoreError(f"{self.path} is a file, not a folder for a corpus store.")
            if self.path.is_dir() and any(self.path.iterdir()):
                raise StoreError(
                    f"{self.path} is a folder with other files in it; choose a new or empty one."
                )
            (self.path / BATCHES).mkdir(parents=True, exist_ok=True)
            _write_atomic(marker, json.dumps({"format": FORMAT, "kind": "sourcetrace-corpus"}) + "\n")
        else:
            try:
                meta = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise StoreError(f"{marker} is damaged; it should be a small JSON file.") from None
            if meta.get("format") != FORMAT:
                raise StoreError(
                    f"{self.path} is a corpus store of format {meta.get('format')!r}; "
                    f"this version reads format {FORMAT}."
                )
            (self.path / BATCHES).mkdir(exist_ok=True)

    # ------------------------------------------------------------ writing

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """One ingest at a time: the lock goes away with the process, even when it is killed."""
        import fcntl

        handle = open(self.path / ".lock", "a+")  # noqa: SIM115 - held for the whole block
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(
                    f"Another ingest is writing to {self.path}; wait for it to finish."
                ) from None
            self.clean_incomplete()
            yield
        finally:
            handle.close()

    def clean_incomplete(self) -> int:
        """Remove batches a killed ingest left half-written; their articles are simply redone."""
        n = 0
        for tmp in self.path.glob(TMP_PREFIX + "*"):
            shutil.rmtree(tmp, ignore_errors=True)
            n += 1
        return n

    def write_batch(self, rows: dict[str, list[dict]]) -> str | None:
        """Write one batch (every table) and commit it with one rename; returns its id."""
        if not rows.get("articles"):
            return None
        batch_id = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
        tmp = self.path / f"{TMP_PREFIX}{batch_id}"
        tmp.mkdir()
        for table, schema in SCHEMAS.items():
            arrow = pa.Table.from_pylist(rows.get(table, []), schema=schema)
            target = tmp / f"{table}.parquet"
            pq.write_table(arrow, target, compression="zstd")
            _fsync(target)
        _fsync(tmp)
        final = self.path / BATCHES / f"batch={batch_id}"
        os.rename(tmp, final)  # the commit point
        _fsync(self.path / BATCHES)
        return batch_id

    # ------------------------------------------------------------ reading

    def batch_dirs(self) -> list[Path]:
        return sorted(p for p in (self.path / BATCHES).glob("batch=*") if p.is_dir())

    def manifest(self) -> set[str]:
        """Content hashes of every committed article."""
        hashes: set[str] = set()
        for d in self.batch_dirs():
            hashes.update(pq.read_table(d / "articles.parquet", columns=["article"]).column(0).to_pylist())
        return hashes

    def connect(self):
        """A DuckDB connection (in memory) with one view per table over the committed batches."""
        import duckdb

        con = duckdb.connect(":memory:")
        have = bool(self.batch_dirs())
        for table, schema in SCHEMAS.items():
            if have:
                pattern = str(self.path / BATCHES / "*" / f"{table}.parquet").replace("'", "''")
                con.execute(
                    f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}', "
                    "hive_partitioning = true, union_by_name = true)"
                )
            else:  # an empty store: the same columns, no rows
                con.register(f"_empty_{table}", pa.Table.from_pylist([], schema=schema))
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM _empty_{table}")
        return con

    def stats(self) -> dict[str, int]:
        con = self.connect()
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        publishers = con.execute("SELECT count(DISTINCT publisher) FROM articles").fetchone()[0]
        return {
            "articles": out["articles"],
            "claims": out["claims"],
            "actors": out["actors"],
            "events": out["events"],
            "attributions": out["attributions"],
            "relations": out["relations"],
            "publishers": publishers,
            "batches": len(self.batch_dirs()),
        }

    def analysis(self, article: str) -> Analysis:
        """The stored Analysis of one article (by content hash or a prefix of it)."""
        con = self.connect()
        row = con.execute(
            "SELECT text, analysis FROM articles WHERE starts_with(article, ?) LIMIT 2", [article]
        ).fetchall()
        if not row:
            raise StoreError(f"No article {article!r} in {self.path}.")
        text, data = row[0]
        a = Analysis.model_validate_json(data)
        return a.model_copy(update={"article": a.article.model_copy(update={"text": text})})


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
