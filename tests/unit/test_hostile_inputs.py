"""Hostile input (issue 7): nothing a user can paste or upload crashes, leaks internals or loses text.

Every input of the issue, through the loader (`load_bytes` / `load_path`) and the CLI (exit 2 and
one stderr line for a refused input). A refused input raises `InputError` whose message is one
plain sentence; an accepted one is analysed and keeps the contract (see test_properties).
Big inputs are generated in tmp_path at test time, never committed.
"""

from __future__ import annotations

import io
import json
import logging
import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest

from sourcetrace import cli, logs
from sourcetrace.analysis import analyze_article
from sourcetrace.errors import InputError, ModelNotInstalled, SourcetraceError
from sourcetrace.load import load_bytes, load_path
from tests.unit.test_properties import check_contract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
MB = 1024 * 1024

ENGLISH = (
    "WASHINGTON, July 3, 2024: A senior official told reporters on Monday that the talks had ended. "
    "\"The negotiations are over,\" said John Smith, a spokesman for the ministry. "
    "Maria Garcia, the deputy minister, denied that any agreement had been signed.\n"
)

# Written for this test (no third-party text): three paragraphs of ordinary news prose each.
GERMAN = (
    "Die Regierung hat am Montag angekündigt, dass die neuen Regeln ab dem nächsten Jahr gelten "
    "sollen. Der Sprecher des Ministeriums sagte, man werde die Lage genau beobachten und weitere "
    "Schritte prüfen. Die Opposition kritisierte den Plan als zu spät und zu wenig durchdacht.\n"
)
FRENCH = (
    "Le gouvernement a annoncé lundi que les nouvelles règles entreront en vigueur l'année "
    "prochaine. Le porte-parole du ministère a déclaré que la situation serait suivie de près. "
    "L'opposition a jugé que ce plan arrivait trop tard et qu'il était mal préparé.\n"
)
ARABIC = (
    "أعلنت الحكومة يوم الاثنين أن القواعد الجديدة ستدخل حيز التنفيذ في العام المقبل. "
    "وقال المتحدث باسم الوزارة إن الوضع سيتابع عن كثب وإن خطوات أخرى قيد الدراسة.\n"
)


def assert_plain_sentence(message: str) -> None:
    """What a user may see: one short line, a full stop, no Python internals."""
    assert message, "an empty error message"
    assert "\n" not in message and "\r" not in message, f"more than one line: {message!r}"
    assert len(message) <= 300, f"not a sentence: {message!r}"
    assert message.rstrip()[-1] in ".!?", f"no full stop: {message!r}"
    for internal in ("Traceback", "Error:", "codec", "0x", "Errno", "File \"", "object at"):
        assert internal not in message, f"internals leak into {message!r}"


def refused(data: bytes, name: str = "upload.txt") -> str:
    with pytest.raises(InputError) as info:
        load_bytes(data, name=name)
    assert_plain_sentence(str(info.value))
    return str(info.value)


def cli_refuses(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The CLI on one bad file: exit 2, nothing on stdout, exactly one stderr line."""
    code = cli.main(["analyze", str(path)])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_INPUT
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {err!r}"
    assert lines[0].startswith("sourcetrace: ")
    assert_plain_sentence(lines[0].removeprefix("sourcetrace: "))
    return lines[0]


def tiny_png() -> bytes:
    """A real 1x1 PNG, built here so no binary file is committed."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0")) + chunk(
        b"IEND", b""
    )


def tiny_pdf() -> bytes:
    body = b"BT /F1 12 Tf 72 720 Td (The official said the talks ended.) Tj ET"
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"4 0 obj << /Length " + str(len(body)).encode() + b" /Filter /FlateDecode >>\nstream\n"
        + zlib.compress(body) + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


# ---------------------------------------------------------------- empty, whitespace, binary


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\t \r\n", "\u00a0\u2003\u3000\n".encode()],
                         ids=["empty", "spaces", "newlines-tabs", "unicode-spaces"])
def test_empty_and_whitespace_only_are_refused(data: bytes) -> None:
    refused(data)


def test_empty_file_through_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"  \n")
    cli_refuses(f, capsys)


@pytest.mark.parametrize("kind", ["pdf", "png"])
def test_pdf_or_png_renamed_txt_is_refused(kind: str, tmp_path: Path, capsys) -> None:
    data = tiny_pdf() if kind == "pdf" else tiny_png()
    f = tmp_path / f"article-{kind}.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as info:
        load_path(f)
    assert_plain_sentence(str(info.value))
    refused(data, name=f.name)
    cli_refuses(f, capsys)


def test_nul_bytes_in_the_middle_are_refused_as_binary() -> None:
    refused(ENGLISH.encode() + b"\x00\x00\x00\x01\x02" * 40 + ENGLISH.encode())


# ---------------------------------------------------------------- size


def test_50_mb_file_is_refused_without_reading_it_into_memory(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.txt"
    line = ENGLISH.encode()
    with big.open("wb") as f:
        for _ in range(50 * MB // len(line) + 1):
            f.write(line)
    assert big.stat().st_size > 50 * MB

    tracemalloc.start()
    try:
        with pytest.raises(InputError) as info:
            load_path(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_plain_sentence(str(info.value))
    # the size is known from the file system: reading even half of it is a defect
    assert peak < 25 * MB, f"load_path allocated {peak / MB:.0f} MB to refuse a 50 MB file"
    cli_refuses(big, capsys)


def test_50_mb_of_bytes_is_refused() -> None:
    refused(b"word " * (10 * MB))  # 50 MB already in memory (an upload): still refused


# ---------------------------------------------------------------- encodings


def test_cp1252_smart_quotes_are_accepted_and_decoded_right() -> None:
    text = "\u201cThe talks are over,\u201d the minister\u2019s spokesman said \u2014 twice.\n" + ENGLISH
    article = load_bytes(text.encode("cp1252"), name="windows.txt")
    assert article.text == text
    check_contract(article.text, analyze_article(article))


def test_utf8_bom_is_not_part_of_the_text() -> None:
    article = load_bytes(b"\xef\xbb\xbf" + ENGLISH.encode(), name="bom.txt")
    assert article.text == ENGLISH


def test_invalid_utf8_never_crashes_and_loses_no_valid_text(capsys, tmp_path: Path) -> None:
    # bytes 0x81 and 0x8d are invalid in UTF-8 *and* undefined in cp1252
    data = ENGLISH.encode() + b"The envoy \x81\x8d\xff left.\n" + "Café owners in Zürich agreed.\n".encode()
    try:
        article = load_bytes(data, name="broken.txt")
    except InputError as err:  # refusing is allowed, with a plain sentence
        assert_plain_sentence(str(err))
        f = tmp_path / "broken.txt"
        f.write_bytes(data)
        cli_refuses(f, capsys)
        return
    # accepting is allowed too, but the valid UTF-8 around the bad bytes must survive intact
    assert ENGLISH in article.text
    assert "Café owners in Zürich agreed." in article.text
    check_contract(article.text, analyze_article(article))


# ---------------------------------------------------------------- language


@pytest.mark.parametrize("text", [GERMAN * 2, FRENCH * 2, ARABIC * 2], ids=["de", "fr", "ar"])
def test_non_english_is_refused_with_english_only_message(text: str, tmp_path: Path, capsys) -> None:
    message = refused(text.encode())
    assert "English only for now" in message
    f = tmp_path / "foreign.txt"
    f.write_text(text, encoding="utf-8")
    assert "English only for now" in cli_refuses(f, capsys)


def test_english_with_foreign_names_and_quotes_is_accepted() -> None:
    text = ENGLISH + "The spokesman quoted the banner, which read «حزب الله» and \u201cLe Monde\u201d.\n"
    article = load_bytes(text.encode(), name="mixed.txt")
    assert article.text == text


# ---------------------------------------------------------------- shapes of text


def test_a_list_of_names_with_no_sentences_is_analysed() -> None:
    text = "\n".join(["John Smith", "Maria Garcia", "Ali al-Hassan", "Li Wei", "Anna Kowalska",
                      "Pierre Dubois", "Kwame Mensah", "Sofia Rossi"]) + "\n"
    article = load_bytes(text.encode(), name="names.txt")
    analysis = analyze_article(article)
    check_contract(text, analysis)
    # no verb, no cue: nothing in the text may be attributed to anyone (a document frame, such as
    # a first line read as the publisher, is page metadata, not a sentence's attribution)
    assert [t for t in analysis.attributions if not t.frame] == []
    assert all(link.kind in ("publisher", "unattributed") for c in analysis.claims for link in c.chain)


@pytest.mark.timeout(180)  # bounded, not timed: a quadratic stage would hang here
def test_one_100000_character_sentence_is_analysed() -> None:
    clause = "the official said that the envoy from Baghdad met the minister in Paris"
    parts, size = [], 0
    while size < 100_000:
        parts.append(clause)
        size += len(clause) + 5
    text = "According to Reuters, " + " and ".join(parts) + ".\n"
    assert len(text) >= 100_000 and text.count(".") == 1
    article = load_bytes(text.encode(), name="long.txt")
    check_contract(text, analyze_article(article))


@pytest.mark.timeout(600)
def test_text_over_the_parsers_length_limit_is_a_sentence_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1.2 million characters: under the 10 MB byte limit, over spaCy's default nlp.max_length.

    Refusing it (InputError, one sentence) or analysing it are both fine; spaCy's ValueError
    E088 escaping as a traceback (CLI) or as "(ValueError)" (app) is not.
    """
    text = ENGLISH * (1_200_000 // len(ENGLISH) + 1)
    assert 1_000_000 < len(text) and len(text.encode()) < 10 * MB
    f = tmp_path / "long.txt"
    f.write_text(text, encoding="utf-8")
    code = cli.main(["analyze", str(f)])  # a ValueError would escape main() and fail here
    out, err = capsys.readouterr()
    if code == cli.EXIT_INPUT:
        assert out == "" and len(err.splitlines()) == 1
        assert_plain_sentence(err.strip().removeprefix("sourcetrace: "))
    else:
        assert code == 0 and json.loads(out)["article"]["text"] == text
    try:
        analyze_article(load_path(f))
    except SourcetraceError as refusal:  # the library's own refusal: one plain sentence
        assert_plain_sentence(str(refusal))


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH + "The minister said \u201cthe envoy told us \u2018we will leave\u201d and then left.\n",
        ENGLISH + "\u201c\u201c\u201c said the source.\u201d\u201d\n\u2019\u2019 \u2018quoted\u2019 \"\n",
        ENGLISH + 'Smith said: "Jones told me \u2018Garcia wrote \u00abthe talks failed\u00bb\u2019."\n',
        ENGLISH + '"He said "she said "they said "it said\n' * 5,
        ENGLISH + "\u201d closing first, then opening \u201c and nothing else.\n",
    ],
    ids=["unbalanced", "runs", "three-levels", "unclosed-repeated", "reversed"],
)
def test_unbalanced_and_nested_quotes_keep_the_contract(text: str) -> None:
    article = load_bytes(text.encode(), name="quotes.txt")
    check_contract(text, analyze_article(article))


def test_rtl_combining_marks_and_emoji_spans_equal_their_slices() -> None:
    text = (
        ENGLISH
        + "The spokesman for \u062d\u0632\u0628 \u0627\u0644\u0644\u0647, Jose\u0301 Marti\u0301nez, "
        "said \u201cwe \U0001f44d\U0001f3fd the deal \U0001f1ee\U0001f1f7\u201d on Monday.\n"
        + "\u202eA reversed official said the talks ended.\u202c "
        "Zalgo: Z\u0351\u0352\u0353a\u0354l\u0355g\u0356o said it.\n"
        + "\U0001f469\u200d\U0001f4bb Ali al-Hassan told reporters "
        "that \u05e9\u05dc\u05d5\u05dd was the word.\n"
    )
    article = load_bytes(text.encode(), name="scripts.txt")
    assert article.text == text
    check_contract(text, analyze_article(article))


# ---------------------------------------------------------------- markup


def test_html_page_with_script_iframe_onerror_and_javascript_links() -> None:
    path = FIXTURES / "xss-article.html"
    article = load_path(path)
    # the visible prose survives extraction...
    assert "A senior official told reporters on Monday that the talks had ended." in article.text
    assert "Maria Garcia, the deputy minister, denied" in article.text
    # ...and nothing executable does: every canary sits in a tag, an attribute or a script
    for executable in ("__pwned", "<script", "<iframe", "onerror", "javascript:", "onload", "srcdoc"):
        assert executable not in article.text, f"{executable!r} survived HTML extraction"
    check_contract(article.text, analyze_article(article))


def test_markup_in_a_text_file_is_text_kept_verbatim() -> None:
    """A .txt is not HTML: tags in it are characters of the article, kept and matched exactly."""
    path = FIXTURES / "xss-article.txt"
    raw = path.read_text(encoding="utf-8")
    article = load_path(path)
    assert article.text == raw
    analysis = analyze_article(article)
    # entity and claim text may contain markup; it stays data (exact slices), never cleaned
    check_contract(raw, analysis)


def test_cli_batch_keeps_good_articles_when_others_are_bad(tmp_path: Path, capsys) -> None:
    """Nothing lost on bad input: a bad file in a folder costs one stderr line, not the batch."""
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "c-image.txt").write_bytes(tiny_png())
    code = cli.main(["analyze", str(tmp_path), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["article"]["text"] for r in rows] == [ENGLISH]
    assert len(err.splitlines()) == 2 and all(x.startswith("sourcetrace: ") for x in err.splitlines())


# ---------------------------------------------------------------- logs: operator record, user sentence


def test_report_logs_context_and_returns_one_sentence(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=logs.LOGGER_NAME)
    try:
        raise KeyError("c7")
    except KeyError as err:
        sentence = logs.report(err, stage="claims", article_hash="0123456789abcdef" * 4, view="network")
    assert_plain_sentence(sentence)
    assert sentence.startswith("Something went wrong in the claims step")
    [record] = [r for r in caplog.records if r.name == logs.LOGGER_NAME]
    assert record.levelno == logging.ERROR
    message = record.getMessage()
    ref = sentence.split("reference ")[1].rstrip(").")
    for part in (f"ref={ref}", "stage=claims", "article=0123456789ab", "view=network", "error=KeyError"):
        assert part in message, f"{part} missing from {message!r}"
    assert record.exc_info is not None and record.exc_info[0] is KeyError  # the traceback, for the operator


def test_refused_input_is_logged_as_a_warning_without_traceback(caplog) -> None:
    caplog.set_level(logging.INFO, logger=logs.LOGGER_NAME)
    sentence = logs.report(InputError("upload.txt: the text is empty."), stage="load")
    assert sentence == "upload.txt: the text is empty."
    [record] = caplog.records
    assert record.levelno == logging.WARNING and record.exc_info is None


@pytest.mark.parametrize(
    ("err", "expected"),
    [
        (InputError("Line one\nline two"), "Line one line two."),
        (ModelNotInstalled("No English spaCy pipeline is installed; install one with: pip x."),
         "No English spaCy pipeline is installed; install one with: pip x."),
        (OSError(28, "No space left on device"), "The disk is full, so the file could not be written."),
        (OSError(30, "Read-only file system"),
         "The destination is read-only, so the file could not be written."),
        (PermissionError(13, "Permission denied"),
         "Permission was denied, so the file could not be read or written."),
        (TimeoutError("timed out"), "The operation took too long and was stopped."),
        (MemoryError(), "The article is too large to analyse on this server."),
    ],
    ids=["multiline-input", "model", "enospc", "erofs", "eacces", "timeout", "memory"],
)
def test_user_message_is_one_plain_sentence(err: BaseException, expected: str) -> None:
    assert logs.user_message(err) == expected
    assert_plain_sentence(logs.user_message(err))


def test_user_message_for_database_failures() -> None:
    import sqlite3

    assert "read-only" in logs.user_message(sqlite3.OperationalError("database is locked"))
    assert "damaged" in logs.user_message(sqlite3.DatabaseError("file is not a database"))


def test_user_message_cuts_a_huge_exception_text() -> None:
    sentence = logs.user_message(SourcetraceError("x" * 10_000))
    assert len(sentence) == logs.MAX_SENTENCE and sentence.endswith("…")


def test_configure_is_idempotent() -> None:
    stream = io.StringIO()
    logger = logs.get_logger()
    before = list(logger.handlers), logger.level
    try:
        logs.configure("DEBUG", stream)
        logs.configure("WARNING", stream)  # Streamlit reruns the script: no second handler
        ours = [h for h in logger.handlers if getattr(h, "_sourcetrace_handler", False)]
        assert len(ours) == 1 and logger.level == logging.WARNING
        logger.warning("hello")
        logger.info("quiet")
        assert stream.getvalue().count("hello") == 1 and "quiet" not in stream.getvalue()
    finally:
        logger.handlers[:] = before[0]
        logger.setLevel(before[1])
