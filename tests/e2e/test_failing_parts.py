"""Failing parts (issue 7): a missing model, a locked or corrupt workspace, a full or read-only disk,
a URL that hangs or never ends. Each becomes one plain sentence; nothing is lost or overwritten.

Library and CLI tests run everywhere; the app tests (marked e2e) start their own Streamlit server
on 127.0.0.1 with the failing part configured through the environment.
"""

from __future__ import annotations

import errno
import http.server
import os
import sqlite3
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sourcetrace import cli
from sourcetrace.analysis import Settings, analyze_text
from sourcetrace.errors import InputError, ModelNotInstalled
from sourcetrace.fetch import fetch_url
from tests.unit.test_hostile_inputs import assert_plain_sentence

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data" / "articles" / "ncri-2007-07-10-iranian-ambassador-iraq-security.txt"
INSTALL_COMMAND = "pip install -r requirements.txt"
MB = 1024 * 1024


def _one_stderr_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {err!r}"
    assert lines[0].startswith("sourcetrace: ")
    message = lines[0].removeprefix("sourcetrace: ")
    assert_plain_sentence(message)
    return message


# ---------------------------------------------------------------- model not installed


def test_missing_model_names_the_install_command() -> None:
    with pytest.raises(ModelNotInstalled) as info:
        analyze_text("The official said the talks ended.", Settings(model="no_such_model"))
    assert INSTALL_COMMAND in str(info.value)
    assert_plain_sentence(str(info.value))


def test_no_model_at_all_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from sourcetrace import nlp

    monkeypatch.delenv("SOURCETRACE_MODEL", raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a, **k: None)
    with pytest.raises(ModelNotInstalled) as info:
        nlp.resolve_model_name(None)
    assert INSTALL_COMMAND in str(info.value)


def test_missing_model_through_the_cli_is_one_line_and_exit_2() -> None:
    env = {**os.environ, "SOURCETRACE_MODEL": "no_such_model"}
    done = subprocess.run(
        [sys.executable, "-m", "sourcetrace", "analyze", str(BUNDLED)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert INSTALL_COMMAND in _one_stderr_line(done.stderr)


# ---------------------------------------------------------------- workspace locked or corrupt


def _workspace_with_one_article(path: Path):
    from sourcetrace.analysis import prepare_article
    from sourcetrace.workspace import Workspace

    ws = Workspace(path)
    ws.add_article(prepare_article("The official said the talks ended.\n"))
    return ws


def test_corrupt_workspace_opens_without_saving_and_is_not_overwritten(tmp_path: Path) -> None:
    from sourcetrace.workspace import open_workspace

    path = tmp_path / "workspace.sqlite3"
    garbage = b"this is not a database, but it is somebody's file\n" * 200
    path.write_bytes(garbage)
    ws, message = open_workspace(path, timeout=0.5)
    assert ws is None or ws.read_only
    assert message is not None and "\n" not in message and "Traceback" not in message
    assert "corrections cannot be saved" in message or "without saving" in message
    assert path.read_bytes() == garbage, "a damaged workspace must never be overwritten"


def test_truncated_workspace_is_never_overwritten(tmp_path: Path) -> None:
    from sourcetrace.workspace import open_workspace

    path = tmp_path / "workspace.sqlite3"
    _workspace_with_one_article(path)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    data = path.read_bytes()
    half = data[: len(data) // 2]
    path.write_bytes(half)
    ws, message = open_workspace(path, timeout=0.5)
    if ws is not None and not ws.read_only:
        # SQLite may still read a file cut after its first pages; then it must still work
        assert message is None
        ws.articles()
    else:
        assert message and "\n" not in message
        assert path.read_bytes() == half


def test_locked_workspace_falls_back_to_read_only_with_a_message(tmp_path: Path) -> None:
    from sourcetrace.analysis import prepare_article
    from sourcetrace.workspace import WorkspaceError, open_workspace

    path = tmp_path / "workspace.sqlite3"
    _workspace_with_one_article(path)
    # another program holds the database in exclusive, non-WAL locking: nobody else may write
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")
        holder.execute("BEGIN EXCLUSIVE")
        ws, message = open_workspace(path, timeout=0.3)
        assert message is not None and "\n" not in message and "Traceback" not in message
        assert "read-only" in message or "without saving" in message
        if ws is not None:
            assert ws.read_only
            with pytest.raises(WorkspaceError) as info:
                ws.add_article(prepare_article("Another official denied it.\n"))
            assert "\n" not in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_workspace_locked_by_a_writer_mid_session_is_a_sentence(tmp_path: Path) -> None:
    from sourcetrace.workspace import WorkspaceError, WorkspaceLocked

    path = tmp_path / "workspace.sqlite3"
    ws = _workspace_with_one_article(path)
    ws.timeout = 0.3
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # a writer elsewhere holds the write lock
        with pytest.raises(WorkspaceError) as info:
            ws.save_walkthrough(ws.articles()[0].content_hash, [{"key": "k1", "hidden": False, "note": ""}])
        assert isinstance(info.value, WorkspaceLocked)
        assert "\n" not in str(info.value) and "Traceback" not in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# ---------------------------------------------------------------- export to a full or read-only disk


def test_export_to_a_full_disk_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full (a device that is always full) exists on Linux only")
    code = cli.main(["export", str(BUNDLED), "--html", "/dev/full"])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_INPUT
    message = _one_stderr_line(err)
    assert "/dev/full" in message and "No space left on device" in message


def test_export_to_a_read_only_disk_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ro" / "report.html"
    target.parent.mkdir()
    real_write = Path.write_text

    def read_only_fs(self: Path, *args, **kwargs):
        if self.parent == target.parent:  # tests run as root here: chmod would not stop a write
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", read_only_fs)
    code = cli.main(["export", str(BUNDLED), "--html", str(target)])
    _, err = capsys.readouterr()
    assert code == cli.EXIT_INPUT
    message = _one_stderr_line(err)
    assert str(target) in message and os.strerror(errno.EROFS) in message
    assert not target.exists()


# ---------------------------------------------------------------- a URL that hangs or never ends


@contextmanager
def _local_server(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/article"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no request lines in the test output
        pass


class _Hangs(_Quiet):
    def do_GET(self) -> None:
        time.sleep(120)  # longer than any test's pytest-timeout: only the client's own limit ends it


class _Trickles(_Quiet):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(300):  # one byte every 0.1 s: each read succeeds, the whole never ends
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass


class _OneGigabyteDeclared(_Quiet):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(1024 * MB))
        self.end_headers()
        try:
            self.wfile.write(b"The official said. " * 1000)
        except OSError:
            pass


class _OneGigabyteStreamed(_Quiet):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()  # no Content-Length: the size is only known by counting
        block = b"The official said the talks ended. " * 2000
        try:
            for _ in range(1024 * MB // len(block)):
                self.wfile.write(block)
        except OSError:
            pass


@pytest.mark.timeout(30)
def test_url_that_hangs_times_out() -> None:
    with _local_server(_Hangs) as url:
        with pytest.raises(InputError) as info:  # bounded by pytest-timeout, not timed here
            fetch_url(url, allow_private=True, timeout=1.0)
    assert_plain_sentence(str(info.value))
    assert "longer than 1 seconds" in str(info.value)


@pytest.mark.timeout(30)
def test_url_that_trickles_is_cut_by_the_total_time_budget() -> None:
    with _local_server(_Trickles) as url:
        with pytest.raises(InputError) as info:
            fetch_url(url, allow_private=True, timeout=1.0)
    assert_plain_sentence(str(info.value))
    assert "longer than 1 seconds" in str(info.value)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "handler", [_OneGigabyteDeclared, _OneGigabyteStreamed], ids=["declared", "streamed"]
)
def test_url_that_sends_1_gb_is_cut_at_the_size_limit(handler) -> None:
    limit = 5_000_000
    with _local_server(handler) as url:
        tracemalloc.start()
        try:
            with pytest.raises(InputError) as info:
                fetch_url(url, allow_private=True, max_bytes=limit, timeout=30.0)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert_plain_sentence(str(info.value).replace("5,000,000", "5000000"))
    assert "larger than the 5,000,000 bytes" in str(info.value)
    assert peak < 3 * limit, f"{peak / MB:.0f} MB held to refuse a page over {limit / MB:.0f} MB"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("handler", [_Hangs, _OneGigabyteStreamed], ids=["hangs", "1gb"])
def test_load_url_applies_the_limits_by_default(handler, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the app calls: `load.load_url` with no arguments still has a time and a size limit."""
    from sourcetrace import fetch
    from sourcetrace.load import load_url

    monkeypatch.setattr(fetch, "is_public", lambda ip: True)  # let the test's 127.0.0.1 server pass
    with _local_server(handler) as url:
        with pytest.raises(InputError) as info:  # bounded by pytest-timeout, not timed here
            load_url(url)
    assert_plain_sentence(str(info.value).replace("5,000,000", "5000000"))
    assert "longer than" in str(info.value) or "larger than" in str(info.value)


def test_a_private_address_is_refused_by_default() -> None:
    with pytest.raises(InputError) as info:
        fetch_url("http://127.0.0.1:9/")
    assert "private or local network" in str(info.value)


# ---------------------------------------------------------------- the app with a failing part


def _app_server(tmp_path: Path, **env: str):
    """`streamlit run app.py` on 127.0.0.1 with extra environment (the failing part)."""
    from tests.e2e.conftest import serve_app

    return serve_app(tmp_path / "streamlit.log", **env)


def _page_text_and_exceptions(browser, url: str) -> tuple[str, int]:
    from tests.e2e.conftest import wait_for_app

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        wait_for_app(page)
        text = page.locator("[data-testid='stApp']").inner_text()
        return text, page.locator("[data-testid='stException']").count()
    finally:
        context.close()


@pytest.mark.e2e
@pytest.mark.timeout(240)
def test_app_without_the_model_explains_how_to_install_it(browser, tmp_path: Path) -> None:
    with _app_server(tmp_path, SOURCETRACE_MODEL="no_such_model", SOURCETRACE_HOME=str(tmp_path)) as url:
        text, exceptions = _page_text_and_exceptions(browser, url)
    assert exceptions == 0, "a traceback was shown"
    assert "Traceback" not in text
    assert INSTALL_COMMAND in text


@pytest.mark.e2e
@pytest.mark.timeout(300)
@pytest.mark.parametrize("failure", ["corrupt", "locked"])
def test_app_with_a_corrupt_or_locked_workspace_opens_and_says_so(
    browser, tmp_path: Path, failure: str
) -> None:
    from sourcetrace.workspace import FILENAME

    home = tmp_path / "home"
    home.mkdir()
    db = home / FILENAME
    holder = None
    if failure == "corrupt":
        db.write_bytes(b"not a database\n" * 500)
        before = db.read_bytes()
    else:
        _workspace_with_one_article(db)
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("PRAGMA journal_mode=DELETE")
        # read before locking: closing any descriptor of the file drops this process's POSIX locks
        before = db.read_bytes()
        holder.execute("BEGIN EXCLUSIVE")  # another program holds the file for the whole visit
    try:
        # the one persistent file of a personal install (a per-session workspace has no such file)
        with _app_server(tmp_path, SOURCETRACE_HOME=str(home), SOURCETRACE_WORKSPACE="shared") as url:
            text, exceptions = _page_text_and_exceptions(browser, url)
            more = [
                _page_text_and_exceptions(browser, f"{url}/{view}")
                for view in ("corrections", "walkthrough")
                if (ROOT / "pages" / f"{view}.py").exists()
            ]
    finally:
        if holder is not None:
            holder.execute("ROLLBACK")
            holder.close()
    every = text + "".join(t for t, _ in more)
    assert exceptions == 0 and all(n == 0 for _, n in more), "a traceback was shown"
    assert "Traceback" not in every
    assert "Actors" in text  # the article view works as usual
    # the reason is shown: read-only, or working without saving
    said = every[every.find("Workspace"):][:400]
    assert "corrections cannot be saved" in every or "without saving corrections" in every, said
    assert db.read_bytes() == before, "the workspace file was changed"


# ---------------------------------------------------------------- the app with hostile uploads


HOSTILE_UPLOADS = ["empty", "whitespace", "pdf", "png", "german", "undecodable", "50mb"]


def _hostile_file(tmp_path: Path, name: str) -> Path:
    from tests.unit.test_hostile_inputs import ENGLISH, GERMAN, tiny_pdf, tiny_png

    path = tmp_path / f"hostile-{name}.txt"
    if name == "50mb":  # written line by line: never 50 MB in this process's memory
        with path.open("wb") as f:
            line = ENGLISH.encode()
            for _ in range(50 * MB // len(line) + 1):
                f.write(line)
        return path
    data = {
        "empty": b"",
        "whitespace": b" \n\t\n",
        "pdf": tiny_pdf(),
        "png": tiny_png(),
        "german": (GERMAN * 2).encode(),
        "undecodable": ENGLISH.encode() + b"The envoy \x81\x8d\xff left.\n",
    }[name]
    path.write_bytes(data)
    return path


SIDEBAR_ERROR = (
    "[data-testid='stSidebar'] [data-testid='stAlertContentError'] [data-testid='stMarkdownContainer']"
)


def _sidebar_error(page) -> str:
    alert = page.locator(SIDEBAR_ERROR)
    alert.first.wait_for(timeout=180_000)
    return alert.first.inner_text().strip()


@pytest.mark.e2e
@pytest.mark.timeout(400)
@pytest.mark.parametrize("name", HOSTILE_UPLOADS)
def test_app_refuses_hostile_uploads_in_one_sentence_and_keeps_the_article(
    app_url: str, browser, tmp_path: Path, name: str
) -> None:
    from tests.e2e.conftest import wait_for_app
    from tests.e2e.test_xss import UPLOAD_LABEL

    path = _hostile_file(tmp_path, name)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(app_url)
        wait_for_app(page)
        shown_before = page.locator("[data-testid='stMain']").inner_text().splitlines()[0]
        url_before = page.url
        uploader = page.locator("[data-testid='stFileUploader']").filter(has_text=UPLOAD_LABEL)
        uploader.locator("input[type=file]").set_input_files(str(path))
        # the app's sentence in the sidebar, or the uploader's own refusal before sending the file
        # (it knows the library's 10 MB limit): either way one sentence, and nothing else changes
        refusal = page.locator(SIDEBAR_ERROR).or_(uploader.locator("[role=alert]"))
        refusal.first.wait_for(timeout=180_000)
        message = refusal.first.inner_text().strip().removeprefix("Error: ")
        wait_for_app(page, timeout=180_000)
        assert_plain_sentence(message)
        if name == "50mb":
            assert "10" in message and "MB" in message, message
        if name == "german":
            assert "English only for now" in message
        assert page.locator("[data-testid='stException']").count() == 0, "a traceback is shown"
        # nothing lost: the article shown before is still shown, and its link still names it
        assert page.locator("[data-testid='stMain']").inner_text().splitlines()[0] == shown_before
        assert page.url == url_before
    finally:
        context.close()


@pytest.mark.e2e
@pytest.mark.timeout(300)
def test_app_paste_of_foreign_or_blank_text_is_one_sentence(app_url: str, browser) -> None:
    from tests.e2e.conftest import wait_for_app
    from tests.unit.test_hostile_inputs import FRENCH

    for text, expected in ((FRENCH * 2, "English only for now"), ("   \n\n  ", None)):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(app_url)
            wait_for_app(page)
            sidebar = page.locator("[data-testid='stSidebar']")
            sidebar.get_by_role("tab", name="Paste").click()
            sidebar.locator("textarea").fill(text)
            sidebar.get_by_role("button", name="Analyse").click()
            message = _sidebar_error(page)
            assert_plain_sentence(message)
            if expected:
                assert expected in message
            assert page.locator("[data-testid='stException']").count() == 0
        finally:
            context.close()


@pytest.mark.e2e
@pytest.mark.timeout(300)
def test_app_logs_a_refused_upload_for_the_operator(browser, tmp_path: Path) -> None:
    """The user reads one sentence; the operator's log gets the stage, the error type and a reference."""
    from tests.e2e.conftest import wait_for_app
    from tests.e2e.test_xss import UPLOAD_LABEL
    from tests.unit.test_hostile_inputs import tiny_pdf

    bad = tmp_path / "scan.txt"
    bad.write_bytes(tiny_pdf())
    with _app_server(tmp_path, SOURCETRACE_HOME=str(tmp_path)) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(url)
            wait_for_app(page)
            uploader = page.locator("[data-testid='stFileUploader']").filter(has_text=UPLOAD_LABEL)
            uploader.locator("input[type=file]").set_input_files(str(bad))
            message = _sidebar_error(page)
        finally:
            context.close()
    log = (tmp_path / "streamlit.log").read_text(encoding="utf-8", errors="replace")
    records = [line for line in log.splitlines() if " sourcetrace" in line and "stage=" in line]
    assert records, f"nothing logged for the operator; server log:\n{log[-2000:]}"
    assert any("stage=load" in r and "error=InputError" in r for r in records), records
    assert "Traceback" not in log, "a refused input is expected: no traceback in the operator's log"
    assert_plain_sentence(message)
