"""The bundled demo corpus (data/corpus-demo/): built once into the system temp folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from sourcetrace import __version__
from sourcetrace.analysis import Settings
from sourcetrace.corpus.store import MARKER, Store

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "corpus-demo"
DEMO_METADATA = DEMO_DIR / "metadata.tsv"


ENGINE_DIRS = (Path(__file__).resolve().parents[1], DEMO_DIR.parent)  # sourcetrace/ and data/


def demo_key(settings: Settings = Settings()) -> str:
    """Changes with the demo's files, the engine (its code, lexicons, gazetteers and model, not just
    the version number, which a change in development leaves alone) and the settings: a build in
    the temp folder made by another version of the engine is never reused."""
    h = hashlib.sha256(f"{__version__}|{settings.model}|{settings.gazetteers}".encode())
    for root in ENGINE_DIRS:
        for f in sorted(root.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def build_demo(settings: Settings = Settings(), root: str | os.PathLike | None = None) -> Store:
    """The demo store, ingested in this process the first time (a few seconds), then reused."""
    from sourcetrace.corpus.ingest import ingest

    base = Path(root or tempfile.gettempdir())
    final = base / f"sourcetrace-corpus-demo-{demo_key(settings)}"
    if (final / MARKER).is_file():
        return Store(final)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=base))
    try:
        ingest(
            [DEMO_DIR],
            work / "db",
            metadata=DEMO_METADATA,
            settings=settings,
            progress=False,
            report=lambda _msg: None,
        )
        try:
            os.rename(work / "db", final)  # atomic: another process that built it first wins
        except OSError:
            if not (final / MARKER).is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Store(final)
