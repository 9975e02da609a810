"""Loading: plain text, HTML (trafilatura), URL, stdin -> an Article ready for analysis (stub)."""

from __future__ import annotations

from pathlib import Path

from sourcetrace.analysis import prepare_article
from sourcetrace.errors import InputError
from sourcetrace.model import Article

MAX_BYTES = 10 * 1024 * 1024


def load_path(path: str | Path, *, publisher: str | None = None, published: str | None = None) -> Article:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file.")
    return load_bytes(p.read_bytes(), name=str(p), publisher=publisher, published=published)


def load_bytes(
    data: bytes, *, name: str = "", publisher: str | None = None, published: str | None = None
) -> Article:
    text = data.decode("utf-8")
    if not text.strip():
        raise InputError(f"{name or 'input'}: the text is empty.")
    return prepare_article(text, publisher=publisher, published=published, source_path=name or None)


def load_stdin(*, publisher: str | None = None, published: str | None = None) -> Article:
    import sys

    return load_bytes(sys.stdin.buffer.read(), name="<stdin>", publisher=publisher, published=published)
