"""Browser fixtures shared by every end-to-end test: a Streamlit server and headless Chromium.

The server is `streamlit run app.py` on a free port, started once per session; a test is ready
when /_stcore/health answers "ok" and the app's script has finished
([data-testid=stApp][data-test-script-state=notRunning]). Without Chromium the tests are skipped
with a message saying so; CI installs it (.ci/run).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
]
SERVER_TIMEOUT_S = 90
SCRIPT_TIMEOUT_MS = 90_000


def chromium_path() -> str | None:
    """Debian's chromium: /usr/bin/chromium, else `chromium` on PATH (SOURCETRACE_CHROMIUM overrides)."""
    for candidate in (os.environ.get("SOURCETRACE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "viewport(width, height): browser window size for the `page` fixture")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if chromium_path() is not None:
        return
    skip = pytest.mark.skip(
        reason="No Chromium found (/usr/bin/chromium or `chromium` on PATH): browser tests skipped. "
        "Install it with `apt-get install -y chromium` (CI does, see .ci/run)."
    )
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


def _free_port() -> int:
    """Any free port, or the first free one of SOURCETRACE_TEST_PORTS ("8610-8619") when it is set
    (a machine shared by several test runs gives each its own range)."""
    wanted = os.environ.get("SOURCETRACE_TEST_PORTS", "").strip()
    low, _, high = wanted.partition("-")
    candidates = range(int(low), int(high or low) + 1) if wanted else [0]
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"No free port in SOURCETRACE_TEST_PORTS={wanted}.")


@contextmanager
def serve_app(log_path: Path, *options: str, **env: str) -> Iterator[str]:
    """`streamlit run app.py` on 127.0.0.1 and a free port; stopped on exit.

    The server gets a host's defaults whatever this shell sets (SOURCETRACE_WORKSPACE unset), plus
    `env`; `options` are extra `streamlit run` flags. Ready when /_stcore/health answers "ok".
    """
    port = _free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    base = {k: v for k, v in os.environ.items() if k != "SOURCETRACE_WORKSPACE"}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *options],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**base, **env},
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + SERVER_TIMEOUT_S
        try:
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit exited early: {log_path.read_text()[-2000:]}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.read().decode().strip() == "ok":
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("streamlit did not answer /_stcore/health in time")
                time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    """Base URL of a running `streamlit run app.py` (stopped after the session).

    The server gets its own empty workspace folder (SOURCETRACE_HOME), so browser tests never
    touch the developer's saved articles, and runs as a hosted demo does whatever the developer's
    environment says (SOURCETRACE_WORKSPACE=session): each browser session has its own workspace.
    """
    if chromium_path() is None:
        pytest.skip("No Chromium found: browser tests skipped.")
    with serve_app(
        ARTIFACTS / "streamlit-server.log",
        SOURCETRACE_HOME=str(tmp_path_factory.mktemp("workspace")),
        SOURCETRACE_WORKSPACE="session",
    ) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh 1280×800 page; `@pytest.mark.viewport(w, h)` asks for another size."""
    marker = request.node.get_closest_marker("viewport")
    width, height = marker.args if marker else (1280, 800)
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def sized_page(browser, size):
    """(page, errors): a fresh page at the test's parametrized `size` (width, height), and the
    page errors it raised (a test ends with `assert errors == []`)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg, errors
    context.close()


def wait_for_app(page, timeout: int = SCRIPT_TIMEOUT_MS) -> None:
    """Wait until the app's script has run to the end (and is not about to run again)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout
    )
    # a fragment or a query-param sync may start one more short run; let it finish too
    page.wait_for_timeout(300)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout
    )
    # lazily loaded elements (tables, pills, charts) show a skeleton until their code arrives
    try:
        page.wait_for_function(
            "() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=15_000
        )
    except Exception:  # noqa: BLE001 - a slow element is the test's business, not the fixture's
        pass

# an uploaded or pasted article is loaded once its content-hash reference is in the URL
LOADED_JS = "() => (new URLSearchParams(location.search).get('article') || '').startsWith('sha-')"


def article_ref(page) -> str:
    """The loaded article's reference in the URL (an upload or a paste: 'sha-...')."""
    refs = parse_qs(urlsplit(page.url).query).get("article", [])
    assert refs and refs[0].startswith("sha-"), f"the article was not loaded: {page.url}"
    return refs[0]


def paste(page, base: str, text: str) -> str:
    """Paste `text` in the sidebar loader, wait until it is analysed and shown; its reference."""
    page.goto(base)
    wait_for_app(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_role("tab", name="Paste").click()
    sidebar.locator("textarea").fill(text)
    sidebar.get_by_role("button", name="Analyse").click()
    page.wait_for_function(LOADED_JS, timeout=90_000)
    wait_for_app(page)
    return article_ref(page)


def open_app(page, base_url: str, path: str = "", **params: str) -> None:
    """Open a view (path '' = the default page) with query parameters and wait for it."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    page.goto(f"{base_url}/{path}" + (f"?{query}" if query else ""))
    wait_for_app(page)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def wait_still(page, selector: str, timeout: int = 15_000) -> None:
    """Wait until the element's box (and the page's scroll) stops moving: 6 checks 50 ms apart alike.

    For smooth scrolls and fits that run after a rerun, instead of a fixed sleep.
    """
    page.wait_for_function(
        """(sel) => new Promise((resolve) => {
            const where = () => {
              const el = document.querySelector(sel);
              const main = document.querySelector('main.stMain');
              if (!el) return null;
              const r = el.getBoundingClientRect();
              return [r.x, r.y, r.width, r.height, main ? main.scrollTop : 0].join(',');
            };
            let last = where(), still = 0;
            const tick = () => {
              const now = where();
              if (now !== null && now === last) { if (++still >= 6) return resolve(true); }
              else { still = 0; last = now; }
              setTimeout(tick, 50);
            };
            tick();
        })""",
        arg=selector,
        timeout=timeout,
    )
