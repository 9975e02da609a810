"""Many users at once (issue 7) in the app: no crash, no cross-session leak, bounded memory.

10 browser sessions at once against one server on 127.0.0.1, each uploading a different article
and focusing a different actor; each sees only its own article and focus, the server survives,
and its memory stays bounded when the same load comes again. Bounded in count (10 sessions, 2
rounds) and in time (pytest-timeout), never timed. The library's half (threads sharing the
pipeline) is tests/unit/test_concurrency.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from sourcetrace.analysis import analyze_text
from tests.unit.test_concurrency import PEOPLE, PLACES, SESSIONS, article_text

# ---------------------------------------------------------------- app: 10 sessions at once


@pytest.fixture
def own_app(tmp_path: Path):
    """A server of its own with a fresh workspace: what one test writes, no other test sees."""
    from tests.e2e.test_failing_parts_browser import _app_server

    home = tmp_path / "home"
    home.mkdir()
    with _app_server(tmp_path, SOURCETRACE_HOME=str(home)) as url:
        yield url


def _server_pid(url: str) -> int:
    """The pid of the Streamlit server listening on this URL's port (found in /proc)."""
    port = str(urlsplit(url).port)
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(args) and port.encode() in args:
            return int(proc.name)
    raise AssertionError(f"no streamlit process for port {port}")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _run_round(browser, app_url: str, files: list[Path], focus: list[str]) -> None:
    """All sessions upload at once, then all open their focus at once; then every page is checked."""
    from tests.e2e.conftest import wait_for_app
    from tests.e2e.test_xss import LOADED_JS, UPLOAD_LABEL

    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in files]
    try:
        pages = [c.new_page() for c in contexts]
        for page in pages:
            page.goto(app_url, wait_until="commit")
        for page in pages:
            wait_for_app(page)
        for page, f in zip(pages, files, strict=True):  # fire all uploads before waiting on any
            uploader = page.locator("[data-testid='stFileUploader']").filter(has_text=UPLOAD_LABEL)
            uploader.locator("input[type=file]").set_input_files(str(f))
        refs = []
        for page in pages:
            page.wait_for_function(LOADED_JS, timeout=180_000)
            wait_for_app(page, timeout=180_000)
            refs.append(page.url.split("article=")[1].split("&")[0])
        for i, page in enumerate(pages):  # a second wave: every session opens its own focus at once
            page.goto(f"{app_url}/?article={refs[i]}&focus={focus[i]}", wait_until="commit")
        for page in pages:
            wait_for_app(page, timeout=180_000)

        for i, page in enumerate(pages):
            text = files[i].read_text(encoding="utf-8")
            expected_ref = "sha-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
            assert refs[i] == expected_ref, f"session {i} got another article: {refs[i]}"
            assert page.locator("[data-testid='stException']").count() == 0, f"session {i}: traceback"
            shown = page.locator("[data-testid='stMain']").inner_text()
            assert PEOPLE[i] in shown, f"session {i} does not show its own article"
            leaked = [p for j, p in enumerate(PEOPLE) if j != i and p.split()[-1] in shown]
            assert leaked == [], f"session {i} shows another session's article: {leaked}"
            assert f"Focus: {PEOPLE[i]}" in shown or f"Focus: {PEOPLE[i].split()[-1]}" in shown, (
                f"session {i} lost its focus"
            )
    finally:
        for c in contexts:
            c.close()


@pytest.mark.e2e
@pytest.mark.timeout(900)
def test_ten_sessions_at_once_stay_apart(own_app: str, browser, tmp_path: Path) -> None:
    app_url = own_app  # its own server: the memory measured is these sessions' alone
    from sourcetrace.load import load_path

    files, focus = [], []
    for i in range(SESSIONS):
        f = tmp_path / f"session-{i:02d}.txt"
        f.write_text(article_text(i), encoding="utf-8")
        files.append(f)
        analysis = analyze_text(load_path(f).text)
        person = next(a for a in analysis.actors if PEOPLE[i].split()[-1] in a.name)
        focus.append(f"actor:{person.id}")

    pid = _server_pid(app_url)
    with urlopen(f"{app_url}/_stcore/health", timeout=10) as r:
        assert r.read().decode().strip() == "ok"
    before = _rss_mb(pid)
    _run_round(browser, app_url, files, focus)
    after_first = _rss_mb(pid)
    _run_round(browser, app_url, files, focus)  # the same load again: memory must level off
    after_second = _rss_mb(pid)

    print(f"server RSS: {before:.0f} MB before, {after_first:.0f} MB after {SESSIONS} sessions, "
          f"{after_second:.0f} MB after {SESSIONS} more")  # shown with -s / -rP, for the record
    with urlopen(f"{app_url}/_stcore/health", timeout=10) as r:
        assert r.read().decode().strip() == "ok", "the server did not survive"
    assert after_first - before < 400, f"10 sessions took {after_first - before:.0f} MB"
    assert after_second - after_first < 150, (
        f"memory keeps growing: {before:.0f} -> {after_first:.0f} -> {after_second:.0f} MB"
    )


@pytest.mark.e2e
@pytest.mark.timeout(300)
def test_a_stranger_never_sees_another_sessions_article(own_app: str, browser, tmp_path: Path) -> None:
    """Session A uploads an article; session B, a stranger on the same server, finds no trace of it
    anywhere on its page: not in the views, not in the sidebar's library (every expander opened)."""
    from tests.e2e.conftest import wait_for_app
    from tests.e2e.test_xss import LOADED_JS, UPLOAD_LABEL

    mine = tmp_path / "session-a.txt"
    mine.write_text(article_text(0), encoding="utf-8")
    secret = [PEOPLE[0].split()[-1], PLACES[0]]
    ctx_a = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx_b = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a = ctx_a.new_page()
        a.goto(own_app)
        wait_for_app(a)
        uploader = a.locator("[data-testid='stFileUploader']").filter(has_text=UPLOAD_LABEL)
        uploader.locator("input[type=file]").set_input_files(str(mine))
        a.wait_for_function(LOADED_JS, timeout=180_000)
        wait_for_app(a)
        assert PEOPLE[0] in a.locator("[data-testid='stMain']").inner_text()

        b = ctx_b.new_page()
        b.goto(own_app)
        wait_for_app(b)
        for summary in b.locator("[data-testid='stExpander'] summary").all():
            summary.click()  # open every expander (the library lists filed articles inside one)
        b.wait_for_timeout(500)
        wait_for_app(b)
        page_b = b.locator("[data-testid='stApp']").inner_text()
        seen = [word for word in secret if word in page_b]
        assert seen == [], f"a stranger's session shows another session's article: {seen}"
    finally:
        ctx_a.close()
        ctx_b.close()


@pytest.mark.e2e
@pytest.mark.timeout(300)
def test_a_strangers_correction_never_reaches_another_session(
    own_app: str, browser, bundled_analysis
) -> None:
    """Session A renames an actor of the bundled article (to markup, as an attacker would); session B,
    opening the same bundled article, sees the analysis as extracted: no stored text, no script."""
    from tests.e2e.conftest import wait_for_app

    if not (Path(__file__).resolve().parents[2] / "pages" / "corrections.py").exists():
        pytest.fail("no corrections page: this test needs pages/corrections.py")
    actor = bundled_analysis.actors[0]
    planted = 'Zqx Stranger <img src=x onerror="window.__pwned=1">'
    ctx_a = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx_b = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a = ctx_a.new_page()
        a.goto(f"{own_app}/corrections?focus=actor:{actor.id}")
        wait_for_app(a)
        main = a.locator("[data-testid='stMain']")
        main.get_by_label("New name").first.fill(planted)
        main.get_by_label("New name").first.press("Enter")
        wait_for_app(a)
        main.get_by_role("button", name="Rename").first.click()
        wait_for_app(a)
        # in A's own session (no reload: a reload is a new session) the rename shows
        assert "Zqx Stranger" in a.locator("[data-testid='stApp']").inner_text(), "the rename did not apply"

        b = ctx_b.new_page()
        b.goto(own_app)
        wait_for_app(b)
        for summary in b.locator("[data-testid='stExpander'] summary").all():
            summary.click()
        wait_for_app(b)
        assert b.evaluate("() => typeof window.__pwned") == "undefined"
        assert "Zqx Stranger" not in b.locator("[data-testid='stApp']").inner_text(), (
            "another session's correction is shown to a stranger"
        )
    finally:
        ctx_a.close()
        ctx_b.close()
