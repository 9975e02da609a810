"""No script from an article ever runs (issue 7): a canary article in headless Chromium.

The canary articles (tests/fixtures/hostile/xss-article.{txt,html}) carry <script>, <img onerror>,
<svg onload>, <iframe src=javascript:>, javascript: links, "</script><script>" inside entity names
and a fetch() to a remote host; every payload would set `window.__pwned` (or window.top's). Each is
loaded through the app's own loader (upload, paste) and shown in every view, with a focus on its
actors, claims and events, in every walkthrough step, and in the exported HTML report. After each,
in every frame: `window.__pwned` is undefined, no element carries a canary as an event handler,
javascript: URL or injected script, no dialog opened, and no request left 127.0.0.1 (or file://).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sourcetrace.analysis import analyze_article
from sourcetrace.load import load_path
from tests.e2e.conftest import LOADED_JS, article_ref, paste, wait_for_app

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "hostile"
TXT = FIXTURES / "xss-article.txt"
HTML = FIXTURES / "xss-article.html"
VIEWS = ["", "network", "timeline", "sources"]  # "" is the default view (article)
OPTIONAL_VIEWS = ["corrections", "workspace"]  # joined the navigation when their page exists

# Every place a canary could hide once rendered: handlers, javascript: URLs, srcdoc, injected scripts.
# Shadow roots (components v2) are walked too. Text that merely *shows* the payload is fine.
SCAN_JS = r"""
() => {
  const bad = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      for (const a of Array.from(el.attributes)) {
        const n = a.name.toLowerCase(), v = a.value || '';
        if (!v.includes('__pwned')) continue;
        if (n.startsWith('on') || /^\s*javascript:/i.test(v) || n === 'srcdoc')
          bad.push(`<${el.tagName.toLowerCase()} ${n}="${v.slice(0, 60)}">`);
      }
      if (el.tagName === 'SCRIPT' && /^\s*window\.(top\.)?__pwned/.test(el.textContent || ''))
        bad.push(`<script>${(el.textContent || '').slice(0, 60)}</script>`);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return bad;
}
"""


UPLOAD_LABEL = "A .txt, .md or .html file"  # the article uploader (the workspace has its own)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """A server of this module's own (fresh workspace): the canary articles it files stay here."""
    from tests.e2e.test_failing_parts_browser import _app_server

    tmp = tmp_path_factory.mktemp("xss-app")
    (tmp / "home").mkdir()
    with _app_server(tmp, SOURCETRACE_HOME=str(tmp / "home")) as url:
        yield url


@dataclass
class Guard:
    """What a canary could leave behind in one browser context."""

    allowed: tuple[str, ...]
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.allowed):
            route.continue_()
        else:  # recorded and never sent: the test machine stays offline whatever happens
            self.outside.append(url)
            route.abort()


@pytest.fixture
def guarded(browser, request):
    """A new page whose requests are limited to the app (or file://) and whose dialogs are recorded."""
    contexts = []

    def make(*allowed: str):
        guard = Guard(allowed=(*allowed, "data:", "blob:", "about:"))
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        context.route("**/*", guard.route)
        page = context.new_page()
        page.on("dialog", lambda d: (guard.dialogs.append(d.message), d.dismiss()))
        return page, guard

    yield make
    for c in contexts:
        c.close()


def assert_no_script_ran(page, guard: Guard, where: str) -> None:
    page.wait_for_timeout(400)  # let components mount and any onerror/onload fire first
    for frame in page.frames:
        try:
            state = frame.evaluate(
                "() => [typeof window.__pwned, (() => { try { return typeof window.top.__pwned }"
                " catch (e) { return 'undefined' } })()]"
            )
        except Exception as err:  # noqa: BLE001 - a frame gone mid-check is not a canary
            if "detached" in str(err).lower() or "destroyed" in str(err).lower():
                continue
            raise
        assert state == ["undefined", "undefined"], f"{where}: a canary ran in frame {frame.url!r}"
        try:
            found = frame.evaluate(SCAN_JS)
        except Exception as err:  # noqa: BLE001
            if "detached" in str(err).lower() or "destroyed" in str(err).lower():
                continue
            raise
        assert found == [], f"{where}: live markup from the article in {frame.url!r}: {found}"
    assert guard.dialogs == [], f"{where}: a dialog opened: {guard.dialogs}"
    assert guard.outside == [], f"{where}: requests left the machine: {guard.outside}"


def hover_canvases(page) -> int:
    """Sweep the mouse over every canvas (the network): tooltips render actor names and evidence."""
    swept = 0
    for canvas in page.locator("canvas").all():
        box = canvas.bounding_box()
        if not box or box["width"] < 10 or box["height"] < 10:
            continue
        for i in range(1, 10):
            for j in range(1, 8):
                page.mouse.move(box["x"] + box["width"] * i / 10, box["y"] + box["height"] * j / 8)
                page.wait_for_timeout(350)  # vis-network shows a tooltip after 300 ms at rest
        swept += 1
    return swept


def _no_traceback(page, where: str) -> None:
    shown = page.locator("[data-testid='stException']")
    assert shown.count() == 0, f"{where}: a traceback is shown: {shown.first.inner_text()[:1500]}"


def upload(page, base: str, path: Path) -> str:
    page.goto(base)
    wait_for_app(page)
    uploader = page.locator("[data-testid='stFileUploader']").filter(has_text=UPLOAD_LABEL)
    uploader.locator("input[type=file]").set_input_files(str(path))
    page.wait_for_function(LOADED_JS, timeout=90_000)
    wait_for_app(page)
    return article_ref(page)


def views() -> list[str]:
    return VIEWS + [v for v in OPTIONAL_VIEWS if (ROOT / "pages" / f"{v}.py").exists()]


def visit(page, guard: Guard, base: str, view: str, **params: str) -> None:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    where = f"/{view}?{query}"
    page.goto(f"{base}/{view}?{query}")
    wait_for_app(page)
    _no_traceback(page, where)
    assert_no_script_ran(page, guard, where)


def focus_targets(path: Path) -> list[str]:
    """Focus values for the canary's own actors, claims and events (markup-bearing ones first)."""
    analysis = analyze_article(load_path(path))
    marked = sorted(analysis.actors, key=lambda a: "<" not in a.name + "".join(m.text for m in a.mentions))
    # a few of each kind: every focus renders through the same code, so more only costs time
    targets = [f"actor:{a.id}" for a in marked[:2]]
    targets += [f"claim:{c.id}" for c in analysis.claims[:2]]
    targets += [f"event:{e.id}" for e in analysis.events[:1]]
    return targets


def selection_targets(path: Path) -> list[str]:
    """?claims= values for the canary: each sourcing figure and each of its sources (markup first)."""
    from urllib.parse import quote

    from sourcetrace.sourcing import MEASURES, source_rows

    rows = sorted(source_rows(analyze_article(load_path(path))), key=lambda r: "<" not in r.label)
    return [f"measure:{m}" for m in MEASURES] + [quote(f"source:{r.id}", safe="") for r in rows[:3]]


@pytest.mark.timeout(600)
def test_uploaded_canary_runs_in_no_view(app_url: str, guarded) -> None:
    page, guard = guarded(app_url)
    ref = upload(page, app_url, TXT)
    _no_traceback(page, "after upload")
    assert_no_script_ran(page, guard, "after upload")
    # the payload is shown as text, so the user can read what the page contained
    assert "window.__pwned=1" in page.locator("[data-testid='stMain']").inner_text()
    for view in views():
        visit(page, guard, app_url, view, article=ref)
    visit(page, guard, app_url, "network", article=ref)
    assert hover_canvases(page) >= 1, "the network view has no canvas to hover"
    assert_no_script_ran(page, guard, "network, after hovering every node")
    for focus in focus_targets(TXT):
        for view in VIEWS:
            visit(page, guard, app_url, view, article=ref, focus=focus)
    # the Sources view's selections list the canary's claims in the panel: every figure, every source
    for selection in selection_targets(TXT):
        visit(page, guard, app_url, "sources", article=ref, claims=selection)


@pytest.mark.timeout(600)
def test_uploaded_html_page_runs_no_script(app_url: str, guarded) -> None:
    page, guard = guarded(app_url)
    ref = upload(page, app_url, HTML)
    assert_no_script_ran(page, guard, "after HTML upload")
    for view in views():
        visit(page, guard, app_url, view, article=ref)


@pytest.mark.timeout(600)
def test_pasted_canary_runs_no_script(app_url: str, guarded) -> None:
    page, guard = guarded(app_url)
    text = TXT.read_text(encoding="utf-8") + "\nPasted variant: the spokesman said nothing else.\n"
    ref = paste(page, app_url, text)
    assert_no_script_ran(page, guard, "after paste")
    for view in VIEWS:
        visit(page, guard, app_url, view, article=ref)


@pytest.mark.timeout(600)
def test_walkthrough_runs_no_script_in_any_step(app_url: str, guarded) -> None:
    from sourcetrace import walkthrough as wt

    assert (ROOT / "pages" / "walkthrough.py").exists(), "no walkthrough page (pages/walkthrough.py)"
    page, guard = guarded(app_url)
    ref = upload(page, app_url, TXT)
    steps = wt.visible(wt.build_steps(analyze_article(load_path(TXT))))
    assert len(steps) >= 3  # article, actors, summary at least
    for n in range(1, len(steps) + 1):
        visit(page, guard, app_url, "walkthrough", article=ref, step=str(n))


@pytest.mark.timeout(300)
@pytest.mark.parametrize("source", [TXT, HTML], ids=["txt", "html"])
def test_exported_html_runs_no_script(source: Path, guarded, tmp_path: Path) -> None:
    from sourcetrace.export import to_html

    report = tmp_path / "report.html"
    report.write_text(to_html(analyze_article(load_path(source))), encoding="utf-8")
    page, guard = guarded("file://")
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    assert_no_script_ran(page, guard, f"export of {source.name}")
    hover_canvases(page)
    # click through everything clickable in the report (slides, tabs), checking after each
    clickable = page.locator("button:visible, [role=tab]:visible")
    for i in range(min(clickable.count(), 40)):
        try:
            clickable.nth(i).click(timeout=2_000)
        except Exception:  # noqa: BLE001 - a control hidden by the previous click is fine
            continue
    assert_no_script_ran(page, guard, f"export of {source.name}, after clicking through")
    if source.suffix == ".txt":  # in a .txt the payload is text: the reader must still see it
        assert re.search(r"window\.__pwned", page.locator("body").inner_text())


@pytest.mark.parametrize(
    "markup",
    [
        '<img src=x onerror="window.__pwned=1">',  # runs: the canary global is set
        '<b onmouseover="window.__pwned=1">x</b>',  # would run on hover: caught in the DOM scan
        '<a href="javascript:window.__pwned=1">x</a>',
        '<div id=h></div><script>document.getElementById("h").attachShadow({mode:"open"})'
        '.innerHTML = "<i onclick=window.__pwned=1>x</i>"</script>',  # inside a shadow root
        '<img src="http://canary.invalid/x.png">',  # a request leaving the machine
    ],
    ids=["onerror", "onmouseover", "javascript-link", "shadow-root", "remote-request"],
)
def test_the_canary_check_catches_live_markup(markup: str, guarded, tmp_path: Path) -> None:
    """The checks above can fail: each kind of live markup, planted on purpose, is caught."""
    planted = tmp_path / "planted.html"
    planted.write_text(f"<!DOCTYPE html><html><body>{markup}</body></html>", encoding="utf-8")
    page, guard = guarded("file://")
    page.goto(planted.as_uri())
    with pytest.raises(AssertionError):
        assert_no_script_ran(page, guard, "planted")


@pytest.mark.timeout(300)
def test_hostile_link_parameters_run_no_script(app_url: str, guarded) -> None:
    """A crafted link (?article=, ?focus=, ?step=, ?claims= with markup or a path) opens the app safely."""
    from urllib.parse import quote

    page, guard = guarded(app_url)
    payload = quote('"><img src=x onerror="window.__pwned=1">', safe="")
    for view, query in [
        ("", f"article={payload}&focus=actor:{payload}"),
        ("network", f"article=../../../../etc/passwd&focus=claim:{payload}"),
        ("timeline", f"article=sha-{payload}&focus=event:{payload}"),
        ("walkthrough", f"step={payload}&article=javascript:window.__pwned=1"),
        ("sources", f"claims=source:{payload}&focus=claim:{payload}"),
        ("timeline", f"claims=measure:{payload}"),
    ]:
        page.goto(f"{app_url}/{view}?{query}")
        wait_for_app(page)
        _no_traceback(page, f"/{view}?{query}")
        assert_no_script_ran(page, guard, f"/{view}?{query}")
        assert "root:x:0:0" not in page.locator("[data-testid='stApp']").inner_text()
