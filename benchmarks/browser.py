"""Benchmarks 3-6, measured in headless Chromium (Playwright) against real Streamlit servers.

3 cold start (app vs a bare Streamlit app loading the same spaCy pipeline), 4 focus change timed
inside the browser (vs the same click round trip in a bare Streamlit app), 5 server RSS, 6 settling
time of a 300-actor network. Every server is started
here, in its own process group, and stopped by its own id.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from benchmarks.common import (
    CHROMIUM,
    ROOT,
    BenchResult,
    Row,
    Skip,
    cpu_seconds,
    fmt_mb,
    fmt_ratio,
    fmt_seconds,
    median,
    process_tree,
    ratio_row,
    rss_bytes,
    verdict,
)
from benchmarks.textgen import dev_articles, many_actor_article

# The checkout whose app is measured: this one, or another (`--app-root`) to try a change A/B.
APP_ROOT = ROOT
APP = APP_ROOT / "app.py"


def set_app_root(path: Path) -> None:
    global APP_ROOT, APP
    APP_ROOT = path.resolve()
    APP = APP_ROOT / "app.py"
BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
]
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
NETWORK_BOX = "[data-testid='sourcetrace-network']"
QUIET_MS = 300  # "rendered" = the script has finished and the DOM has not changed for this long
BASELINE_SCRIPT = '''"""Bare baseline for benchmark 3: the same spaCy pipeline, one line of output."""
import streamlit as st

from sourcetrace.nlp import get_pipeline


@st.cache_resource
def _nlp():
    return get_pipeline()


_nlp()
st.write("ready")
'''

# In the page: resolves when no DOM mutation has happened for `quiet` ms (max `limit` ms).
_QUIET_JS = """([quiet, limit]) => new Promise((resolve) => {
  const t0 = performance.now();
  let last = performance.now();
  const obs = new MutationObserver(() => { last = performance.now(); });
  obs.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  const tick = () => {
    const now = performance.now();
    if (now - last >= quiet || now - t0 >= limit) { obs.disconnect(); resolve(now - last); }
    else setTimeout(tick, 25);
  };
  tick();
})"""


_WATCH_RUN_JS = """() => {
  window.__benchRan = false;
  const app = document.querySelector('[data-testid="stApp"]');
  const obs = new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'running') {
      window.__benchRan = true;
      obs.disconnect();
    }
  });
  obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def _require_browser() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as err:
        raise Skip(f"playwright is not installed ({err})") from err
    if not CHROMIUM.exists():
        raise Skip(f"no chromium at {CHROMIUM} (apt-get install -y chromium)")


def app() -> Path:
    return APP


def _require_app() -> None:
    if not APP.exists():
        raise Skip("app.py does not exist yet")


def free_port() -> int:
    """Any free port, or the first free one of SOURCETRACE_TEST_PORTS ("8610-8619") when it is set,
    so benchmarks on a shared machine keep to their own range as the browser tests do."""
    wanted = os.environ.get("SOURCETRACE_TEST_PORTS", "").strip()
    low, _, high = wanted.partition("-")
    for port in range(int(low), int(high or low) + 1) if wanted else [0]:
        if port in _HANDED_OUT:  # a server started a moment ago may not be listening yet
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            found = s.getsockname()[1]
            if wanted:
                _HANDED_OUT.add(found)
            return found
    raise RuntimeError(f"no free port in SOURCETRACE_TEST_PORTS={wanted}")


_HANDED_OUT: set[int] = set()


class Server:
    """One `streamlit run` process, started from the repo root so it reads .streamlit/config.toml."""

    def __init__(self, script: Path, env: dict[str, str] | None = None) -> None:
        self.script = script
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="bench-streamlit-", suffix=".log", delete=False)
        self.started = 0.0
        cmd = [
            sys.executable, "-m", "streamlit", "run", str(script),
            "--server.headless", "true", "--server.port", str(self.port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]
        # a workspace of its own: what the benchmark loads never lands in the user's workspace
        self.home = tempfile.mkdtemp(prefix="bench-sourcetrace-home-")
        full_env = {
            **os.environ, "PYTHONPATH": str(APP_ROOT), "SOURCETRACE_HOME": self.home,
            "SOURCETRACE_WORKSPACE": "session", **(env or {}),
        }
        self.started = time.perf_counter()
        # own session: stopping it reaches its children too, and nothing else
        self.proc = subprocess.Popen(
            cmd, cwd=APP_ROOT, env=full_env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited ({self.proc.returncode}); log: {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.read().strip() == b"ok":
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"streamlit did not answer /_stcore/health in {timeout:.0f} s")

    def rss(self) -> int:
        return rss_bytes(self.proc.pid)

    def cpu(self) -> float:
        return cpu_seconds(process_tree(self.proc.pid))

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)
        _HANDED_OUT.discard(self.port)


def browser_cpu(exclude: Server | None = None) -> float:
    """CPU seconds of the browser side: this process's descendants outside the server's tree."""
    skip = set(process_tree(exclude.proc.pid)) if exclude else set()
    return cpu_seconds([p for p in process_tree(os.getpid())[1:] if p not in skip])


@contextmanager
def server(script: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    s = Server(script, env)
    try:
        yield s
    finally:
        s.stop()


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


MAIN_ELEMENT = "[data-testid='stMainBlockContainer'] [data-testid='stElementContainer']"


def wait_rendered(page, timeout_ms: int = 120_000) -> None:
    """The script run is over, the main area shows something and the DOM has been still for QUIET_MS.

    (A fresh page reports "notRunning" before its first run starts, hence the element check.)
    """
    page.wait_for_selector(APP_READY, timeout=timeout_ms)
    page.wait_for_selector(MAIN_ELEMENT, state="attached", timeout=timeout_ms)
    page.wait_for_selector(APP_READY, timeout=timeout_ms)
    page.evaluate(_QUIET_JS, [QUIET_MS, 5000])


def view_paths(page) -> list[str]:
    """Every page in the app's navigation (sidebar links), in order."""
    hrefs = page.eval_on_selector_all(
        "[data-testid='stSidebarNav'] a, [data-testid='stSidebarNavLink']",
        "els => els.map(e => e.getAttribute('href')).filter(Boolean)",
    )
    out: list[str] = []
    for h in hrefs:
        path = urlparse(h).path or "/"
        if path not in out:
            out.append(path)
    return out


# ---------------------------------------------------------------------------- 3 cold start


def goto_view(page, path: str) -> None:
    """Switch view the way a reader does: click its sidebar link (one rerun, no page reload)."""
    link = page.locator(f"[data-testid='stSidebarNav'] a[href$='{path}']").first
    if link.count() == 0:
        page.goto(page.url.split("?", 1)[0].rsplit("/", 1)[0] + path, wait_until="domcontentloaded")
    else:
        # note the switch to "running" as it happens: polling for it afterwards can miss a fast
        # rerun, and waiting for it then would add the wait to the measurement
        page.evaluate(_WATCH_RUN_JS)
        link.click()
        page.wait_for_function("(p) => window.location.pathname.endsWith(p)", arg=path, timeout=30_000)
        page.wait_for_function("() => window.__benchRan === true", timeout=30_000)
    wait_rendered(page)
    if path.endswith("/network") and page.locator(NETWORK_BOX).count() == 0:
        page.wait_for_selector(NETWORK_BOX, state="attached", timeout=30_000)


def _cold_app(b) -> tuple[float, list[tuple[str, float]], tuple[float, float]]:
    """Seconds from process start to every view rendered, when each view was done, CPU seconds used."""
    cpu0 = browser_cpu()
    with server(app()) as s:
        s.wait_healthy()
        marks = [("health", time.perf_counter() - s.started)]
        ctx = b.new_context(viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        page.goto(s.url + "/", wait_until="domcontentloaded")
        wait_rendered(page)
        marks.append(("/", time.perf_counter() - s.started - QUIET_MS / 1000))
        for path in (p for p in view_paths(page) if p != "/"):
            goto_view(page, path)
            marks.append((path, time.perf_counter() - s.started - QUIET_MS / 1000))
        cpu = (s.cpu(), browser_cpu(exclude=s) - cpu0)
        ctx.close()
        return marks[-1][1], marks, cpu


def _cold_baseline(b, script: Path) -> tuple[float, tuple[float, float]]:
    cpu0 = browser_cpu()
    with server(script) as s:
        s.wait_healthy()
        ctx = b.new_context(viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        page.goto(s.url + "/", wait_until="domcontentloaded")
        wait_rendered(page)
        page.get_by_text("ready").wait_for()
        elapsed = time.perf_counter() - s.started - QUIET_MS / 1000
        cpu = (s.cpu(), browser_cpu(exclude=s) - cpu0)
        ctx.close()
        return elapsed, cpu


def bench_cold_start(repeats: int = 3) -> BenchResult:
    _require_browser()
    _require_app()
    with tempfile.TemporaryDirectory(prefix="bench-bare-") as tmp, browser() as b:
        script = Path(tmp) / "bare_app.py"
        script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        base: list[float] = []
        subj: list[float] = []
        base_cpu: list[tuple[float, float]] = []  # (server, browser) CPU seconds
        subj_cpu: list[tuple[float, float]] = []
        runs: list[list[tuple[str, float]]] = []

        def baseline() -> None:
            t, c = _cold_baseline(b, script)
            base.append(t)
            base_cpu.append(c)

        for i in range(repeats):
            # alternate which goes first so disk-cache warmth and load drift hit both alike
            if i % 2 == 0:
                baseline()
            t, marks, c = _cold_app(b)
            subj.append(t)
            subj_cpu.append(c)
            runs.append(marks)
            if i % 2 == 1:
                baseline()
    n_views = len(runs[0]) - 1
    r = median(subj) / median(base)
    res = BenchResult()
    res.rows.append(
        ratio_row(
            "3",
            f"cold start: process -> all {n_views} views rendered vs bare app",
            fmt_seconds(median(subj)),
            fmt_seconds(median(base)),
            r,
            1.5,
        )
    )
    s_total = median([a + b for a, b in subj_cpu])
    b_total = median([a + b for a, b in base_cpu])
    r_cpu = s_total / b_total
    res.rows.append(
        ratio_row(
            "3cpu",
            "  same, CPU seconds (server + browser), load-independent",
            f"{s_total:.1f} s",
            f"{b_total:.1f} s",
            r_cpu,
            1.5,
        )
    )
    first = median([m[1][1] for m in runs])
    r_first = first / median(base)
    res.rows.append(
        Row(
            "3first",
            "  process -> first view (article) rendered vs bare app",
            fmt_seconds(first),
            fmt_seconds(median(base)),
            fmt_ratio(r_first),
            "reference",
            "",
        )
    )
    typical = min(runs, key=lambda m: abs(m[-1][1] - median(subj)))
    res.notes.append(
        f"3: medians of {repeats} alternating cold starts; first view by URL, the others by their sidebar "
        "link; the run nearest the median, seconds since process start: "
        + ", ".join(f"{k} {v:.1f}" for k, v in typical)
        + f". CPU medians app vs bare: server {median([a for a, _ in subj_cpu]):.1f} s vs "
        f"{median([a for a, _ in base_cpu]):.1f} s, browser {median([b for _, b in subj_cpu]):.1f} s vs "
        f"{median([b for _, b in base_cpu]):.1f} s."
    )
    return res


# ---------------------------------------------------------------------------- 4 interaction

# In the page: arm a one-shot timer. t0 = the pointerdown of the click (event.timeStamp shares
# performance.now()'s clock); t1 = the first moment every view on the page shows the new focus:
# the network box carries it (its nodes recoloured), the claims panel names the actor, the URL
# holds ?focus=actor:ID, and the script is idle.
_ARM_JS = """([id, label]) => {
  const net = globalThis.sourcetraceNetworks.network;
  const box = net.body.container.closest('[data-testid="sourcetrace-network"]') || net.body.container;
  const app = document.querySelector('[data-testid="stApp"]');
  const want = label.slice(0, 30);
  const b = globalThis.__bench = {t0: null, t1: null};
  const check = () => {
    if (b.t1 !== null || b.t0 === null) return;
    if (box.dataset.focus !== id) return;
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return;
    if (new URLSearchParams(location.search).get('focus') !== 'actor:' + id) return;
    const panel = document.querySelector('.st-key-claims-panel') || document.body;
    if (!panel.textContent.includes('Focus: ' + want)) return;
    b.t1 = performance.now();
    obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  obs.observe(box, {attributes: true});
  window.addEventListener('pointerdown', (e) => { b.t0 = e.timeStamp; setTimeout(check, 0); },
                          {capture: true, once: true});
}"""

_NODE_XY_JS = """(id) => {
  const net = globalThis.sourcetraceNetworks.network;
  const c = net.body.container.getBoundingClientRect();
  const p = net.canvasToDOM(net.getPosition(id));
  const hit = net.getNodeAt(p);
  return {x: c.left + p.x, y: c.top + p.y, hit: hit === undefined ? null : String(hit),
          inside: p.x > 5 && p.y > 5 && p.x < c.width - 5 && p.y < c.height - 5};
}"""

# The baseline: the same round trip in a bare Streamlit app. A components-v2 component sets a
# state value on click; its callback changes the focus, a fragment reruns, the component gets the
# new focus in `data`, a text names it and the URL carries it. What Streamlit itself costs per click.
CLICK_BASELINE_SCRIPT = '''"""Bare baseline for benchmark 4: a click, a fragment rerun, views updated."""
import streamlit as st

JS = """// the baseline's clickable box
export default function ({ data, parentElement, setStateValue }) {
  let box = parentElement.querySelector(".bench-box");
  if (!box) {
    box = document.createElement("div");
    box.className = "bench-box";
    box.style.cssText = "width: 400px; height: 300px; background: #dde";
    box.addEventListener("click", () => setStateValue("clicked", {n: Date.now()}));
    parentElement.appendChild(box);
    globalThis.__benchBox = box;
  }
  box.dataset.focus = data.focus;
}
"""
component = st.components.v2.component("bench_click", js=JS)


def _clicked() -> None:
    n = st.session_state.get("n", 0) + 1
    st.session_state["n"] = n
    st.query_params["focus"] = f"item:{n}"


@st.fragment
def body() -> None:
    n = st.session_state.get("n", 0)
    component(key="box", data={"focus": str(n)}, default={"clicked": None}, on_clicked_change=_clicked)
    st.write(f"Focus: item {n}")


body()
'''

_ARM_BASELINE_JS = """(want) => {
  const box = globalThis.__benchBox;
  const app = document.querySelector('[data-testid="stApp"]');
  const b = globalThis.__bench = {t0: null, t1: null};
  const check = () => {
    if (b.t1 !== null || b.t0 === null) return;
    if (box.dataset.focus !== want) return;
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return;
    if (new URLSearchParams(location.search).get('focus') !== 'item:' + want) return;
    if (!document.body.textContent.includes('Focus: item ' + want)) return;
    b.t1 = performance.now();
    obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  obs.observe(box, {attributes: true});
  window.addEventListener('pointerdown', (e) => { b.t0 = e.timeStamp; setTimeout(check, 0); },
                          {capture: true, once: true});
}"""

_WAIT_T1 = "() => globalThis.__bench && globalThis.__bench.t1 !== null"
_ELAPSED = "() => globalThis.__bench.t1 - globalThis.__bench.t0"


class _AppClicks:
    """The dashboard's network view: clicks nodes in turn, each a new focus."""

    def __init__(self, page, s: Server) -> None:
        self.page, self.server = page, s
        page.goto(s.url + "/", wait_until="domcontentloaded")
        wait_rendered(page)
        goto_view(page, "/network")
        page.wait_for_selector(f"{NETWORK_BOX}[data-settled='1']", state="attached", timeout=60_000)
        page.locator(NETWORK_BOX).scroll_into_view_if_needed()
        self.nodes = page.evaluate(
            "() => globalThis.sourcetraceNetworks.network.body.data.nodes.get()"
            ".map(n => ({id: String(n.id), label: String(n.label || '')}))"
        )
        if len(self.nodes) < 2:
            raise Skip(f"the bundled article's network has {len(self.nodes)} node(s): nothing to switch")
        self.i = 0
        self.current: str | None = None

    def click(self) -> tuple[float, float, float] | None:
        """(seconds, server CPU s, browser CPU s) of one focus change; None if no node was clickable."""
        for _ in range(len(self.nodes)):
            node = self.nodes[self.i % len(self.nodes)]
            self.i += 1
            xy = self.page.evaluate(_NODE_XY_JS, node["id"])
            if xy["hit"] != node["id"] or not xy["inside"] or node["id"] == self.current:
                continue  # hidden under another node, off-canvas, or focused already
            self.page.evaluate(_ARM_JS, [node["id"], node["label"].rstrip("…")])
            out = _timed_click(self.page, self.server, xy["x"], xy["y"])
            self.current = node["id"]
            return out
        return None


class _BaselineClicks:
    def __init__(self, page, s: Server) -> None:
        self.page, self.server = page, s
        page.goto(s.url + "/", wait_until="domcontentloaded")
        wait_rendered(page)
        page.wait_for_function("() => Boolean(globalThis.__benchBox)", timeout=30_000)
        self.n = 0

    def click(self) -> tuple[float, float, float] | None:
        self.n += 1
        self.page.evaluate(_ARM_BASELINE_JS, str(self.n))
        r = self.page.evaluate("() => globalThis.__benchBox.getBoundingClientRect().toJSON()")
        return _timed_click(self.page, self.server, r["x"] + r["width"] / 2, r["y"] + r["height"] / 2)


def _timed_click(page, s: Server, x: float, y: float) -> tuple[float, float, float]:
    c_server, c_browser = s.cpu(), browser_cpu(exclude=s)
    page.mouse.click(x, y)
    page.wait_for_function(_WAIT_T1, timeout=15_000)
    used = (s.cpu() - c_server, browser_cpu(exclude=s) - c_browser)
    elapsed = page.evaluate(_ELAPSED) / 1000
    wait_rendered(page)  # let the page settle before the next click
    return elapsed, used[0], used[1]


def bench_interaction(repeats: int = 9) -> BenchResult:
    _require_browser()
    _require_app()
    runs: dict[str, list[tuple[float, float, float]]] = {"app": [], "base": []}
    with tempfile.TemporaryDirectory(prefix="bench-click-") as tmp:
        script = Path(tmp) / "click_app.py"
        script.write_text(CLICK_BASELINE_SCRIPT, encoding="utf-8")
        with server(app()) as s_app, server(script) as s_base, browser() as b:
            s_app.wait_healthy()
            s_base.wait_healthy()
            ctx_app = b.new_context(viewport={"width": 1400, "height": 1000})
            ctx_base = b.new_context(viewport={"width": 1400, "height": 1000})
            clicks = {
                "app": _AppClicks(ctx_app.new_page(), s_app),
                "base": _BaselineClicks(ctx_base.new_page(), s_base),
            }
            # alternate app and baseline clicks (ABBA) so load drift hits both alike
            for i in range(repeats * 2):
                which = ("app", "base") if (i // 2) % 2 == 0 else ("base", "app")
                name = which[i % 2]
                out = clicks[name].click()
                if out is not None:
                    runs[name].append(out)
            ctx_app.close()
            ctx_base.close()
    if not runs["app"]:
        raise RuntimeError("no node could be clicked")
    times = [t for t, _, _ in runs["app"]]
    base = [t for t, _, _ in runs["base"]]
    m, mb = median(times), median(base)
    res = BenchResult()
    res.rows.append(
        Row(
            "4",
            f"focus change: node click -> network, panel and URL updated ({len(times)} clicks)",
            fmt_seconds(m),
            fmt_seconds(mb),
            f"{fmt_seconds(m)} ({fmt_ratio(m / mb)})",
            "<= 150 ms",
            verdict(m, 0.15),
        )
    )
    cpu = median([a + b for _, a, b in runs["app"]])
    cpu_server = median([a for _, a, _ in runs["app"]])
    cpu_browser = median([b for _, _, b in runs["app"]])
    cpu_base = median([a + b for _, a, b in runs["base"]])
    res.rows.append(
        Row(
            "4cpu",
            "  same, CPU used per change (server + browser processes; they overlap)",
            fmt_seconds(cpu),
            fmt_seconds(cpu_base),
            fmt_ratio(cpu / cpu_base) if cpu_base > 0 else "",
            "reference",
            "",
        )
    )
    res.notes.append(
        f"4: bundled article, network view; browser clock (pointerdown -> the network recoloured, the panel "
        f"naming the actor, ?focus= in the URL, script idle); min {min(times) * 1000:.0f} ms, max "
        f"{max(times) * 1000:.0f} ms; CPU per change: server {cpu_server * 1000:.0f} ms, "
        f"browser {cpu_browser * 1000:.0f} ms (10 ms ticks). Baseline: a bare "
        f"Streamlit app whose component click reruns a fragment that updates the component, one text and "
        f"the URL ({len(base)} clicks, alternated with the app's)."
    )
    return res


# ---------------------------------------------------------------------------- 5 memory


def _upload(page, path: Path, timeout_ms: int = 120_000) -> None:
    """Load one article through the sidebar's upload loader; wait until the URL names it."""
    before = page.url
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(str(path))
    page.wait_for_function("(u) => window.location.href !== u", arg=before, timeout=timeout_ms)
    wait_rendered(page)


def bench_memory(n_articles: int = 20) -> BenchResult:
    _require_browser()
    _require_app()
    texts, origin = dev_articles()
    texts = texts[:n_articles]
    with tempfile.TemporaryDirectory(prefix="bench-mem-") as tmp, server(app()) as s, browser() as b:
        folder = Path(tmp)
        paths = []
        for i, t in enumerate(texts):
            p = folder / f"article-{i:02d}.txt"
            p.write_text(t, encoding="utf-8")
            paths.append(p)
        s.wait_healthy()
        rss_idle = s.rss()
        ctx = b.new_context(viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        page.goto(s.url + "/", wait_until="domcontentloaded")
        wait_rendered(page)
        # every view of the bundled article, so its figures are cached too; then back to the first
        for path in [p for p in view_paths(page) if p != "/"]:
            goto_view(page, path)
        page.goto(s.url + "/", wait_until="domcontentloaded")
        wait_rendered(page)
        rss_one = s.rss()
        for p in paths:
            _upload(page, p)
        rss_many = s.rss()
        ctx.close()
    res = BenchResult()
    res.rows.append(
        Row("5a", "server RSS, bundled article loaded (vs idle server)", fmt_mb(rss_one), fmt_mb(rss_idle))
    )
    res.rows.append(
        Row(
            "5b",
            f"server RSS after {len(paths)} more articles ({origin.split(' (')[0]}, uploaded)",
            fmt_mb(rss_many),
            fmt_mb(rss_one),
            fmt_mb(rss_many),
            "<= 600 MB",
            verdict(rss_many / 2**20, 600),
        )
    )
    res.notes.append(
        f"5: VmRSS of the streamlit process and its children; baseline column = before (idle server, then "
        f"bundled article); {(rss_many - rss_one) / max(1, len(paths)) / 2**20:.1f} MB per extra article."
    )
    return res


# ---------------------------------------------------------------------------- 6 network settle

_SETTLE_HTML = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; } #host { width: 1000px; }</style></head><body><div id="host"></div></body></html>"""

# In the page: mount the dashboard's own component module on `graph`, resolve with the time from
# mounting to "settled" (the module stops physics after stabilisation), then watch that nothing
# moves for another second.
_SETTLE_JS = """async ([moduleSrc, graph, height]) => {
  const url = URL.createObjectURL(new Blob([moduleSrc], {type: 'text/javascript'}));
  const mod = await import(url);
  const host = document.getElementById('host');
  const t0 = performance.now();
  mod.default({data: {graph, signature: 'bench', height, name: 'bench', empty_message: ''},
               parentElement: host, setStateValue: () => {}, setTriggerValue: () => {}, key: 'bench'});
  // the module may defer drawing until globalThis.vis exists: wait for its handle
  await new Promise((resolve) => {
    const tick = () => (globalThis.sourcetraceNetworks && globalThis.sourcetraceNetworks.bench
      ? resolve() : setTimeout(tick, 5));
    tick();
  });
  const box = host.querySelector('[data-testid="sourcetrace-network"]');
  const net = globalThis.sourcetraceNetworks.bench;
  let stabilized = null;
  net.once('stabilized', () => { stabilized = performance.now() - t0; });
  await new Promise((resolve) => {
    const tick = () => (box.dataset.settled === '1' ? resolve() : setTimeout(tick, 10));
    tick();
  });
  const settled = performance.now() - t0;
  const before = net.getPositions();
  await new Promise((r) => setTimeout(r, 1000));
  const after = net.getPositions();
  let drift = 0;
  for (const id in before) {
    drift = Math.max(drift, Math.hypot(after[id].x - before[id].x, after[id].y - before[id].y));
  }
  return {settled, stabilized, drift, nodes: Object.keys(before).length};
}"""


def _network_height() -> str:
    """The dashboard's network height (a CSS length), so the settle test draws the same canvas."""
    try:
        from components.network import HEIGHT  # the app's own module (imports streamlit)

        return f"{HEIGHT}px" if isinstance(HEIGHT, int | float) else str(HEIGHT)
    except Exception:  # noqa: BLE001 - an older or broken app: fall back to the old fixed size
        return "540px"


def bench_network(repeats: int = 3, n_people: int = 300) -> BenchResult:
    _require_browser()
    module = APP_ROOT / "components" / "network_component" / "network.js"
    if not module.exists():
        raise Skip("components/network_component/network.js does not exist yet")
    import pyvis

    from sourcetrace.analysis import analyze_text
    from sourcetrace.figures import network_data

    vis_js = (Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(
        encoding="utf-8"
    )
    analysis = analyze_text(many_actor_article(n_people))
    t_layout = time.perf_counter()
    graph = network_data(analysis)  # positions included: sourcetrace.layout, once per article
    t_layout = time.perf_counter() - t_layout
    graph = json.loads(json.dumps(graph))  # plain JSON, as the component receives it
    n_nodes, n_edges = len(graph["nodes"]), len(graph["edges"])
    if n_nodes < 2:
        raise RuntimeError(f"the generated article gave {n_nodes} actors")
    src = module.read_text(encoding="utf-8")
    settled: list[float] = []
    drifts: list[float] = []
    stabilized: list[float] = []
    with browser() as b:
        for _ in range(repeats):
            ctx = b.new_context(viewport={"width": 1400, "height": 900})
            page = ctx.new_page()
            page.set_content(_SETTLE_HTML)
            page.add_script_tag(content=vis_js)
            out = page.evaluate(_SETTLE_JS, [src, graph, _network_height()])
            settled.append(out["settled"] / 1000)
            drifts.append(out["drift"])
            if out["stabilized"] is not None:
                stabilized.append(out["stabilized"] / 1000)
            ctx.close()
    m = median(settled)
    ok = m <= 3.0 and max(drifts) < 0.5
    res = BenchResult()
    res.rows.append(
        Row(
            "6",
            f"network {n_nodes} actors / {n_edges} edges: mount -> settled, still after",
            fmt_seconds(m),
            "",
            fmt_seconds(m),
            "<= 3 s",
            "met" if ok else "MISSED",
        )
    )
    res.notes.append(
        f"6: dashboard's network.js + vis-network 9.1.2 in Chromium on network_data() of a generated article "
        f"naming {n_people} people; max drift in the second after settling {max(drifts):.2f} px"
        + (f"; vis 'stabilized' event at {fmt_seconds(median(stabilized))}" if stabilized else "")
        + f"; the positions (sourcetrace.layout, computed on the server once per article and cached) took "
        f"{fmt_seconds(t_layout)} before the browser got them."
    )
    return res


# ---------------------------------------------------------------------------- 8 article text

_ARTICLE_HTML = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px sans-serif; } .host { width: 900px; }</style></head><body></body></html>"""

# In the page: mount the dashboard's article component on `data` in a fresh host (subject), or put
# the same text in a <pre> with the same box style (baseline); the time runs from the call to the
# first frame after a forced layout, i.e. until the text is drawn. Subject and baseline alternate.
_ARTICLE_JS = """async ([moduleSrc, css, data, repeats]) => {
  const url = URL.createObjectURL(new Blob([moduleSrc], {type: 'text/javascript'}));
  const mod = await import(url);
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const fresh = () => {
    document.querySelectorAll('.host').forEach((h) => h.remove());
    const host = document.createElement('div');
    host.className = 'host';
    document.body.appendChild(host);
    return host;
  };
  const subject = [], baseline = [];
  let spans = 0, same = true;
  for (let i = 0; i < repeats; i++) {
    let host = fresh();
    await frame();
    let t0 = performance.now();
    mod.default({data, parentElement: host, setStateValue: () => {}, setTriggerValue: () => {}});
    host.getBoundingClientRect();
    document.body.offsetHeight;
    await frame();
    subject.push(performance.now() - t0);
    const box = host.querySelector('.st-article');
    spans = box.querySelectorAll('span[data-s]').length;
    same = same && box.innerText === data.view.text;
    host = fresh();
    await frame();
    t0 = performance.now();
    const pre = document.createElement('pre');
    pre.className = 'st-article';
    pre.textContent = data.view.text;
    host.appendChild(pre);
    host.getBoundingClientRect();
    document.body.offsetHeight;
    await frame();
    baseline.push(performance.now() - t0);
  }
  return {subject, baseline, spans, same};
}"""


def long_article(chars: int = 150_000) -> str:
    """A generated article of at least `chars` characters (paragraphs of generated articles)."""
    from benchmarks.textgen import generated_articles

    parts: list[str] = []
    n = 0
    for text in generated_articles(400, seed=21):
        parts.append(text)
        n += len(text) + 2
        if n >= chars:
            break
    return "\n\n".join(parts)


def bench_article(repeats: int = 5, chars: int = 150_000) -> BenchResult:
    """8: the dashboard's article component (components/article_component) draws a 150 KB article."""
    _require_browser()
    folder = APP_ROOT / "components" / "article_component"
    if not (folder / "article.js").exists():
        raise Skip("components/article_component/article.js does not exist yet")
    import hashlib

    from sourcetrace import render
    from sourcetrace.analysis import analyze_text

    analysis = analyze_text(long_article(chars))
    t0 = time.process_time()
    view = render.article_view(analysis)
    body = json.dumps(view, sort_keys=True, ensure_ascii=False)
    view["signature"] = hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]
    data = {"view": view, "focus": render.article_focus(analysis, None), "scroll": 0,
            "choices": render.correction_choices(analysis), "height": "62vh"}
    python_s = time.process_time() - t0
    payload = len(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    src = (folder / "article.js").read_text(encoding="utf-8")
    css = (folder / "article.css").read_text(encoding="utf-8")
    with browser() as b:
        ctx = b.new_context(viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        page.set_content(_ARTICLE_HTML)
        out = page.evaluate(_ARTICLE_JS, [src, css, data, repeats])
        ctx.close()
    if not out["same"]:
        raise RuntimeError("the component's box did not hold the article's text exactly")
    subject, baseline = median(out["subject"]) / 1000, median(out["baseline"]) / 1000
    res = BenchResult()
    res.rows.append(Row("8", f"article text of {len(analysis.article.text) / 1000:.0f} KB: mount -> drawn "
                        "vs the same text in a <pre>", fmt_seconds(subject), fmt_seconds(baseline),
                        fmt_seconds(subject), "<= 1 s", verdict(subject, 1.0)))
    res.rows.append(Row("8ratio", "the same, component / <pre>", fmt_seconds(subject), fmt_seconds(baseline),
                        fmt_ratio(subject / baseline if baseline else float("inf")), "reference", ""))
    res.notes.append(
        f"8: {out['spans']} marked runs ({len(analysis.actors)} actors, {len(analysis.claims)} claims, "
        f"{len(analysis.events)} events); render.article_view + signature in Python "
        f"{python_s * 1000:.0f} ms CPU; {payload / 1024:.0f} KB of data sent to the component; "
        f"medians of {repeats}, subject and baseline alternating."
    )
    return res
