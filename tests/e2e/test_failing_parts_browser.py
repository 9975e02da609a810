"""Failing parts in the app (issue 7), in headless Chromium: a missing model, a corrupt or locked
workspace, hostile uploads. Each starts its own Streamlit server on 127.0.0.1 with the failing
part configured through the environment; the library and CLI halves are in
tests/unit/test_failing_parts.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.unit.test_failing_parts import INSTALL_COMMAND, MB, ROOT, _workspace_with_one_article
from tests.unit.test_hostile_inputs import assert_plain_sentence

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
