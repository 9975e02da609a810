"""Ingest: files and JSON Lines -> analyses -> atomic Parquet batches.

One code path, two engines. `analyze_chunk` turns a list of articles into store rows; it runs in
this process (`workers=0`) or as Dask tasks on a LocalCluster of worker processes or an existing
cluster (`scheduler="tcp://..."`), where each worker loads the spaCy pipeline once (`PipelineLoader`).
The driver loads the inputs (refusing bad ones in one sentence, as `analyze` does), skips content
already in the store, and commits each finished chunk as one batch.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sourcetrace.analysis import Settings, analyze_many
from sourcetrace.corpus.store import Store, merge_rows, rows_of
from sourcetrace.errors import InputError, SourcetraceError
from sourcetrace.model import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_BATCH = 16

Report = Callable[[str], None]


@dataclass
class IngestResult:
    added: int = 0
    skipped: int = 0  # already in the store (same content hash), or twice in this input
    failed: int = 0  # bad files or lines, reported and skipped
    batches: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"added": self.added, "skipped": self.skipped, "failed": self.failed, "batches": self.batches}


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Metadata:
    publisher: str | None = None
    published: str | None = None
    title: str | None = None
    wire: str | None = None


_KEY_COLUMNS = ("file", "filename", "name", "path")
_COLUMNS = {
    "publisher": ("publisher", "outlet", "source"),
    "published": ("published", "date", "publication_date"),
    "title": ("title", "headline"),
    "wire": ("wire", "agency"),
}
_NONE = {"", "none", "null", "na", "n/a"}


def read_metadata(path: str | Path) -> dict[str, Metadata]:
    """A CSV or TSV keyed by file name (with or without extension): publisher, date, title, wire."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise InputError(f"{p}: the metadata file cannot be read ({err.strerror or 'missing'}).") from None
    delimiter = "\t" if p.suffix.lower() in (".tsv", ".tab") or "\t" in text.split("\n", 1)[0] else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    fields = {f.lower().strip(): f for f in (reader.fieldnames or [])}
    key = next((fields[k] for k in _KEY_COLUMNS if k in fields), None)
    if key is None:
        raise InputError(
            f"{p}: the metadata file needs a column naming the file ({', '.join(_KEY_COLUMNS)})."
        )
    cols = {
        name: next((fields[c] for c in options if c in fields), None) for name, options in _COLUMNS.items()
    }
    out: dict[str, Metadata] = {}
    for row in reader:
        name = (row.get(key) or "").strip()
        if not name:
            continue
        values = {}
        for attr, col in cols.items():
            v = (row.get(col) or "").strip() if col else ""
            values[attr] = None if v.lower() in _NONE else v
        meta = Metadata(**values)
        out[Path(name).name] = meta
        out.setdefault(Path(name).stem, meta)
    return out


@dataclass(frozen=True)
class Source:
    """One article to load: a file, or one line of a JSON Lines file."""

    name: str  # shown in messages: the path, or "file.jsonl:12"
    path: Path
    line: str | None = None


def discover(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Folders (recursively: .txt/.md/.html/.htm and .jsonl), files, JSON Lines files line by line."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES + JSONL_SUFFIXES
            )
            for f in files:
                yield from discover([f])
        elif p.suffix.lower() in JSONL_SUFFIXES and p.is_file():
            try:
                with p.open(encoding="utf-8", errors="replace") as handle:
                    for i, line in enumerate(handle, start=1):
                        if line.strip():
                            yield Source(name=f"{p}:{i}", path=p, line=line)
            except OSError as err:
                yield Source(name=f"{p}: cannot be read ({err.strerror})", path=p, line="")
        else:
            yield Source(name=str(p), path=p)


def load_source(source: Source, metadata: dict[str, Metadata]) -> tuple[Article, str | None]:
    """The Article of one source and its wire agency, or an InputError in one sentence."""
    from sourcetrace.load import load_path, load_text

    if source.line is None:
        meta = metadata.get(source.path.name) or metadata.get(source.path.stem) or Metadata()
        article = load_path(
            source.path, publisher=meta.publisher, published=_date(meta.published, source.name)
        )
        if meta.title:
            article = article.model_copy(update={"title": meta.title})
        return article, meta.wire
    if source.line == "":
        raise InputError(source.name)
    try:
        record = json.loads(source.line)
    except ValueError:
        raise InputError(f"{source.name} is not a JSON object.") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{source.name} has no "text" field (a string is required).')
    meta = metadata.get(str(record.get("id") or "")) or Metadata()

    def field_(name: str) -> str | None:
        value = record.get(name)
        return str(value) if value not in (None, "") else None

    article = load_text(
        record["text"],
        name=source.name,
        title=field_("title") or meta.title,
        publisher=field_("publisher") or meta.publisher,
        published=_date(field_("published") or meta.published, source.name),
        source_path=source.name,
        url=field_("url"),
    )
    return article, field_("wire") or meta.wire


def _date(value: str | None, name: str) -> str | None:
    """A metadata date as YYYY-MM-DD; a timestamp keeps its date part."""
    if not value:
        return None
    from sourcetrace.load import check_published

    try:
        return check_published(value[:10])
    except InputError:
        raise InputError(
            f"{name}: the publication date {value!r} is not a date in the form YYYY-MM-DD."
        ) from None


# ---------------------------------------------------------------- the task


def analyze_chunk(
    articles_json: list[tuple[str, str | None]], model: str | None, gazetteers: tuple[str, ...]
) -> tuple[dict[str, list[dict]], list[str]]:
    """Analyse a chunk of (Article JSON, wire) and return its store rows and the failures.

    Pure and self-contained, so it runs unchanged in this process or on a Dask worker. When the
    chunk fails as a whole, each article is tried alone so one bad article costs only itself.
    """
    settings = Settings(model=model, gazetteers=tuple(gazetteers))
    items = [(Article.model_validate_json(a), wire) for a, wire in articles_json]
    try:
        analyses = list(analyze_many([a for a, _ in items], settings))
        return merge_rows(rows_of(x, wire=w) for x, (_, w) in zip(analyses, items, strict=True)), []
    except Exception:  # noqa: BLE001 - retried one by one below, each failure named
        pass
    parts, errors = [], []
    for article, wire in items:
        try:
            (analysis,) = analyze_many([article], settings)
            parts.append(rows_of(analysis, wire=wire))
        except SourcetraceError as err:
            errors.append(f"{article.source_path or article.content_hash[:12]}: {err}")
        except Exception as err:  # noqa: BLE001 - an engine bug on one article must not stop the corpus
            errors.append(
                f"{article.source_path or article.content_hash[:12]}: analysis failed ({type(err).__name__})."
            )
    return merge_rows(parts), errors


# ---------------------------------------------------------------- the driver


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    metadata: str | Path | None = None,
    settings: Settings = Settings(),
    batch_size: int = DEFAULT_BATCH,
    report: Report | None = None,
    progress: bool | None = None,
    client=None,
) -> IngestResult:
    """Ingest `paths` into the store at `db` (created when missing).

    workers=0 and no scheduler: in this process. Otherwise on Dask (a LocalCluster of `workers`
    processes, the `scheduler` address, or an already started `client`).
    """
    report = report or (lambda msg: print(f"sourcetrace: {msg}", file=sys.stderr))
    store = Store(db, create=True)
    meta = read_metadata(metadata) if metadata else {}
    result = IngestResult()
    with store.writer_lock():
        done = store.manifest()
        sources = list(discover(paths))  # cheap: names and lines; loading happens as chunks are asked for
        bar = _bar(len(sources), progress)

        def chunks() -> Iterator[list[tuple[str, str | None]]]:
            # loaded lazily, so the workers parse the first chunks while the rest is still being read
            chunk: list[tuple[str, str | None]] = []
            for source in sources:
                try:
                    article, wire = load_source(source, meta)
                except SourcetraceError as err:
                    report(str(err))
                    result.failed += 1
                    result.errors.append(str(err))
                    bar.update(1)
                    continue
                if article.content_hash in done:
                    result.skipped += 1
                    bar.update(1)
                    continue
                done.add(article.content_hash)
                chunk.append((article.model_dump_json(), wire))
                if len(chunk) >= max(1, batch_size):
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk

        try:
            for rows, errors in _run(chunks(), settings, workers, scheduler, client):
                for e in errors:
                    report(e)
                result.failed += len(errors)
                result.errors.extend(errors)
                if store.write_batch(rows):
                    result.batches += 1
                n = len(rows["articles"])
                result.added += n
                bar.update(n + len(errors))
        finally:
            bar.close()
    return result


def _bar(total: int, progress: bool | None):
    from tqdm import tqdm

    # articles/s and the ETA are tqdm's own rate and remaining time; None = only on a terminal
    return tqdm(
        total=total,
        unit="article",
        desc="ingest",
        disable=None if progress is None else not progress,
        file=sys.stderr,
        smoothing=0.1,
    )


def _run(chunks: Iterator[list], settings: Settings, workers: int, scheduler: str | None, client):
    args = (settings.model, tuple(settings.gazetteers))
    first = next(chunks, None)
    if first is None:  # nothing new: no cluster to start
        return
    chunks = itertools.chain([first], chunks)
    if client is None and not scheduler and workers <= 0:
        for chunk in chunks:
            yield analyze_chunk(chunk, *args)
        return
    from sourcetrace.corpus.engine import run_on_dask

    yield from run_on_dask(analyze_chunk, chunks, args, workers=workers, scheduler=scheduler, client=client)
