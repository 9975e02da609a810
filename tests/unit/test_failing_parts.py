"""Failing parts (issue 7): a missing model, a locked or corrupt workspace, a full or read-only disk,
a URL that hangs or never ends. Each becomes one plain sentence; nothing is lost or overwritten.

Library and CLI tests, no browser: the same failures in the app, in headless Chromium, are in
tests/e2e/test_failing_parts_browser.py.
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
