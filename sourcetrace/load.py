"""Loading: plain text, HTML (trafilatura), URL, stdin -> an Article ready for analysis.

Every failure is an `InputError` whose message is one plain sentence naming the input, so the
CLI prints one line and the app shows it as is. Nothing is fetched here except through
`sourcetrace.fetch.fetch_url`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sourcetrace.analysis import prepare_article
from sourcetrace.dates import day_or_none, parse_day
from sourcetrace.errors import InputError
from sourcetrace.model import Article

MAX_BYTES = 10 * 1024 * 1024
# spaCy's own default `nlp.max_length`: the parser needs about 1 GB per 100,000 characters beyond it.
MAX_CHARS = 1_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown", "")

# Magic numbers of files people rename to .txt by mistake: (prefix, what to call it).
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an audio file"),
    (b"OggS", "an audio file"),
    (b"RIFF", "a media file"),
)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS_FOR_LANGUAGE = 12
MIN_STOPWORD_SHARE = 0.15
MIN_LATIN_SHARE = 0.8


def _label(name: str) -> str:
    return name or "The input"


def size_limit() -> str:
    """MAX_BYTES in words ("10 MB"), for every sentence that names the limit (uploads, imports)."""
    mb = MAX_BYTES / (1024 * 1024)
    return f"{mb:g} MB" if mb >= 1 else f"{MAX_BYTES // 1024} KB"


def check_published(published: str | None) -> str | None:
    """A --published value must be a real YYYY-MM-DD date."""
    if published is None or published == "":
        return None
    try:
        return parse_day(published.strip()).isoformat()  # type: ignore[union-attr]  # not empty here
    except (ValueError, AttributeError):
        raise InputError(
            f"The publication date {published!r} is not a date in the form YYYY-MM-DD."
        ) from None


def _check_binary(data: bytes, name: str) -> None:
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{_label(name)} is {what}, not text; save the article as plain text or HTML.")
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{_label(name)} is a binary file, not text; save the article as plain text or HTML."
        )


def decode(data: bytes, name: str = "") -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252 when that gives printable text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        _check_binary(data, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    # Windows "smart quotes" are legitimate; control characters mean it was not really cp1252.
    if text is not None and not _CONTROL.search(text):
        return text
    raise InputError(f"{_label(name)} is not readable text (it is neither UTF-8 nor Windows-1252).")


def check_english(text: str, name: str = "") -> None:
    """Cheap language check: English text is mostly Latin letters and full of English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(text[:20000])
    letters = sum(len(w) for w in words)
    if not letters:
        return
    latin = sum(1 for w in words for c in w if c.isascii() or "\u00c0" <= c <= "\u024f")
    not_english = latin / letters < MIN_LATIN_SHARE
    # Only lower-case words are weighed: a list of names has none and is not "foreign".
    common = [w for w in words if w.islower()]
    if not not_english and len(common) >= MIN_WORDS_FOR_LANGUAGE:
        share = sum(1 for w in common if w in STOP_WORDS) / len(common)
        not_english = share < MIN_STOPWORD_SHARE
    if not_english:
        raise InputError(
            f"{_label(name)} does not look like English; Sourcetrace reads English only for now."
        )


def _clean_newlines(text: str) -> str:
    # One newline convention, so offsets agree across platforms; nothing else is changed.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(
    text: str,
    *,
    name: str = "",
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    source_path: str | None = None,
    site_name: str | None = None,
    url: str | None = None,
) -> Article:
    """Pasted or decoded plain text; `title`, `publisher` and `published` override what the text says."""
    published = check_published(published)
    title, publisher = _override(title), _override(publisher)
    text = _clean_newlines(text)
    if not text.strip():
        raise InputError(f"{_label(name)} is empty: there is no text to analyse.")
    if len(text.encode("utf-8", errors="ignore")) > MAX_BYTES:
        raise InputError(f"{_label(name)} is larger than the {size_limit()} limit.")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{_label(name)} has {len(text):,} characters; articles of up to {MAX_CHARS:,} can be analysed."
        )
    check_english(text, name)
    return prepare_article(
        text,
        title=title,
        publisher=publisher,
        published=published,
        source_path=source_path,
        site_name=site_name,
        url=url,
    )


def _html_document(html: str | bytes, url: str | None):
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (doc.text or "").strip():
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_recall=True
        )
    return doc


def load_html(
    html: str | bytes,
    *,
    url: str | None = None,
    name: str = "",
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    source_path: str | None = None,
) -> Article:
    """An HTML page: trafilatura extracts the body, title, site name and publication date."""
    published = check_published(published)
    label = name or url or "The page"
    if isinstance(html, bytes):
        html = decode(html, label)
    if not html.strip():
        raise InputError(f"{label} is empty: there is no text to analyse.")
    doc = _html_document(html, url)
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        raise InputError(f"{label} has no article text that could be extracted.")
    page_title = (doc.title or "").strip() or None
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    # The headline goes first, alone on its line, as in a plain-text article.
    if page_title and paragraphs and paragraphs[0] == page_title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([page_title] if page_title else []) + paragraphs) + "\n"
    site_name = (doc.sitename or "").strip() or None
    meta_date = _iso_date(doc.date)
    return load_text(
        text,
        name=label,
        title=_override(title) or page_title,
        publisher=publisher or site_name,
        published=published or meta_date,
        source_path=source_path,
        site_name=site_name,
        url=(doc.url or url) if doc is not None else url,
    )


def _override(value: str | None) -> str | None:
    """A headline or publisher given by the user: trimmed, and None when blank."""
    value = " ".join((value or "").split())
    return value or None


def _iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD day at the start of a page's date ("2007-07-10T08:00"), if it is a real day."""
    m = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    day = day_or_none(m[0]) if m else None
    return day.isoformat() if day else None


def _looks_like_html(data: bytes, filename: str) -> bool:
    suffix = Path(filename).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix in (".txt", ".md", ".text", ".markdown"):
        return False
    return bool(_HTML_SNIFF.match(data[:1024].lstrip(b"\xef\xbb\xbf")))


def load_bytes(
    data: bytes,
    *,
    name: str = "",
    filename: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Article:
    """Uploaded or read bytes: HTML by extension or by sniffing, plain text otherwise."""
    label = name or filename or "The input"
    if len(data) > MAX_BYTES:
        raise InputError(f"{label} is larger than the {size_limit()} limit.")
    if not data.strip():
        raise InputError(f"{label} is empty: there is no text to analyse.")
    source_path = name or filename or None
    if _looks_like_html(data, filename or name):
        _check_binary(data, label)
        return load_html(
            data, url=url, name=label, title=title, publisher=publisher, published=published,
            source_path=source_path,
        )
    text = decode(data, label)
    return load_text(
        text, name=label, title=title, publisher=publisher, published=published, source_path=source_path,
        url=url,
    )


def load_path(
    path: str | Path, *, title: str | None = None, publisher: str | None = None, published: str | None = None
) -> Article:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file.")
    if not p.is_file():
        raise InputError(f"{p} is not a file.")
    size = p.stat().st_size
    # Refused before reading, so a 50 MB file costs nothing.
    if size > MAX_BYTES:
        raise InputError(
            f"{p} is larger than the {size_limit()} limit ({size / (1024 * 1024):.1f} MB)."
        )
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{p} cannot be read ({err.strerror or 'access denied'}).") from None
    return load_bytes(
        data, name=str(p), filename=p.name, title=title, publisher=publisher, published=published
    )


def load_url(
    url: str, *, title: str | None = None, publisher: str | None = None, published: str | None = None
) -> Article:
    """A web page, fetched by `fetch.fetch_url`, then extracted like an HTML file."""
    from sourcetrace.fetch import fetch_url

    data, final_url = fetch_url(url)
    name = final_url or url
    path_name = Path(name.split("?", 1)[0]).name
    if _looks_like_html(data, path_name if Path(path_name).suffix else "page.html"):
        return load_html(
            data, url=final_url or url, name=name, title=title, publisher=publisher, published=published
        )
    return load_bytes(
        data, name=name, filename=path_name, title=title, publisher=publisher, published=published,
        url=final_url,
    )


def load_stdin(
    *, title: str | None = None, publisher: str | None = None, published: str | None = None
) -> Article:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"The standard input is larger than the {size_limit()} limit.")
    return load_bytes(data, name="<stdin>", title=title, publisher=publisher, published=published)
