"""The Walkthrough page in Chromium: ?step=N, chrome hidden, arrow keys, Esc back to the editor."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import ARTIFACTS, open_app, screenshot, wait_for_app, wait_still

pytestmark = pytest.mark.e2e

ARTICLE = "ncri-2007-07-10-iranian-ambassador-iraq-security"


# The expectations are read from the page's own counts (steps = article + key actors + claims +
# summary), never from a fresh analysis: the page is the truth, whatever corrections its workspace
# holds (none from other tests on the session-mode server, some on a server run in shared mode).


def _claims_total(page) -> int:
    title = page.locator(".st-key-wt-slide h2").inner_text()
    m = re.fullmatch(r"Claim \d+ of (\d+)", title)
    assert m, title
    return int(m.group(1))


def _step_in_url(page) -> str | None:
    m = re.search(r"[?&]step=(\d+)", page.url)
    return m.group(1) if m else None


@pytest.mark.viewport(1600, 900)
def test_presentation_steps_with_url_and_arrow_keys(page, app_url) -> None:
    # a deep link is the first thing this page loads (on a fresh server, the hardest case)
    open_app(page, app_url, "walkthrough", article=ARTICLE, step="3")
    slide = page.locator(".st-key-wt-slide")
    claims = _claims_total(page)
    assert slide.locator("h2").inner_text() == f"Claim 1 of {claims}"
    total = claims + 3
    assert page.get_by_text(f"Step 3 of {total}").is_visible()
    # presentation mode: no header, no sidebar
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert not page.locator("header[data-testid='stHeader']").is_visible()
    # large type for a projector
    size = page.evaluate(
        "() => getComputedStyle(document.querySelector('.st-key-wt-slide .wt-quote')).fontSize"
    )
    assert float(size.rstrip("px")) >= 28
    # the claim's actors are lit in the network (the dashboard's component draws a canvas)
    page.locator(".st-key-wt-slide canvas").first.wait_for(timeout=20_000)
    page.wait_for_timeout(1500)  # let the layout settle before the picture
    screenshot(page, "walkthrough-step-3")

    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('step=4')", timeout=20_000)
    wait_for_app(page)
    assert slide.locator("h2").inner_text() == f"Claim 2 of {claims}"
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('step=3')", timeout=20_000)
    wait_for_app(page)
    # a presentation clicker sends PageDown / PageUp
    page.keyboard.press("PageDown")
    page.wait_for_function("() => location.search.includes('step=4')", timeout=20_000)
    wait_for_app(page)
    page.keyboard.press("PageUp")
    page.wait_for_function("() => location.search.includes('step=3')", timeout=20_000)
    wait_for_app(page)
    assert page.get_by_text(f"Step 3 of {total}").is_visible()

    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.search.includes('step=')", timeout=20_000)
    wait_for_app(page)
    assert _step_in_url(page) is None
    assert page.get_by_role("button", name="Start presenting").is_visible()
    assert page.locator("[data-testid='stSidebar']").count() == 1


@pytest.mark.viewport(1600, 900)
def test_last_step_is_the_sourcing_summary(page, app_url) -> None:
    open_app(page, app_url, "walkthrough", article=ARTICLE, step="3")
    total = _claims_total(page) + 3
    open_app(page, app_url, "walkthrough", article=ARTICLE, step=str(total))
    assert page.get_by_text(f"Step {total} of {total}").is_visible()
    assert page.locator(".st-key-wt-slide h2").inner_text() == "How the claims are sourced"
    values = page.locator(".wt-figure b").all_inner_texts()
    assert len(values) == 4 and all(re.fullmatch(r"\d+", v) for v in values)
    assert page.locator(".wt-figure .wt-of").all_inner_texts() == [f"of {total - 3} claims"] * 4
    assert page.get_by_role("button", name=re.compile("Next")).is_disabled()
    screenshot(page, "walkthrough-summary")


@pytest.mark.viewport(1280, 800)
def test_embedded_walkthrough(page, app_url) -> None:
    """?embed=true (how a hosted demo is put in another page) keeps ?step=N working."""
    open_app(page, app_url, "walkthrough", article=ARTICLE, step="2", embed="true")
    assert page.locator(".st-key-wt-slide h2").inner_text() == "Key actors"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('step=3')", timeout=20_000)
    wait_for_app(page)
    assert "embed=true" in page.url
    assert page.locator("[data-testid='stAlert']").count() == 0


# ---------------------------------------------------------------- a projector (issue 12, point 12)

SIZES = [(1280, 800), (1440, 900), (1920, 1080)]


class Offline:
    """Every page of a browser context: page errors, and requests that would leave 127.0.0.1 (aborted)."""

    def __init__(self, context) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        context.route("**/*", self._route)
        context.on("page", self.watch)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def watch(self, page) -> None:
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture
def projector(browser, request):
    """(context, Offline) at the test's viewport; every page it opens is watched."""
    marker = request.node.get_closest_marker("viewport")
    width, height = marker.args if marker else (1280, 800)
    context = browser.new_context(viewport={"width": width, "height": height})
    guard = Offline(context)
    yield context, guard
    context.close()


# The slide's box, its parts and how they sit in the window (CSS pixels).
_LAYOUT_JS = """() => {
  const box = (sel) => { const e = document.querySelector(sel); if (!e) return null;
    const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height}; };
  const main = document.querySelector("[data-testid='stMain']");
  const svgText = [...document.querySelectorAll(".st-key-wt-timeline .main-svg text")]
    .filter((t) => t.textContent.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize));
  const fig = document.querySelector(".wt-figure b");
  return {
    window: innerHeight, slide: box(".st-key-wt-slide"), text: box(".st-key-wt-text"),
    net: box(".wt-net"), timeline: box(".st-key-wt-timeline"),
    scroll: [main.scrollHeight, main.clientHeight],
    labelPx: parseFloat((document.querySelector(".wt-net") || {dataset: {}}).dataset.labelPx || "0"),
    timelinePx: svgText, figurePx: fig ? parseFloat(getComputedStyle(fig).fontSize) : 0,
    bodyPx: Math.min(...[...document.querySelectorAll(".st-key-wt-text p, .st-key-wt-text li")]
      .map((e) => parseFloat(getComputedStyle(e).fontSize))),
  };
}"""


def _steps_to_check(analysis) -> dict[str, int]:
    """1-based steps: key actors, the longest claim, a claim with a timeline, the summary."""
    from sourcetrace import walkthrough as wt

    steps = wt.visible(wt.build_steps(analysis))
    claims = [i for i, s in enumerate(steps, 1) if s.kind == "claim"]
    longest = max(claims, key=lambda i: len(" ".join(steps[i - 1].lines)))
    timed = next(i for i in claims if steps[i - 1].event)
    return {"actors": 2, "longest-claim": longest, "timeline": timed, "summary": len(steps)}


@pytest.mark.parametrize(
    "size", [pytest.param(s, marks=pytest.mark.viewport(*s), id=f"{s[0]}x{s[1]}") for s in SIZES]
)
def test_slide_fills_the_projector_and_nothing_is_clipped(projector, app_url, bundled_analysis, size) -> None:
    context, guard = projector
    page = context.new_page()
    width, height = size
    for name, n in _steps_to_check(bundled_analysis).items():
        open_app(page, app_url, "walkthrough", article=ARTICLE, step=str(n))
        if name != "summary":
            page.wait_for_selector(".wt-net[data-settled='1']", timeout=30_000)
        # the fit and the label sizing run after the layout settles: wait for both to be done
        page.wait_for_selector(".st-key-wt-text[data-fit]", timeout=30_000)
        wait_still(page, ".st-key-wt-text")
        m = page.evaluate(_LAYOUT_JS)
        where = f"{name} (step {n}) at {width}x{height}"
        # the slide runs to the window's bottom edge, and the page does not scroll
        assert m["slide"]["bottom"] <= height and m["slide"]["bottom"] >= height - 24, (where, m)
        assert m["scroll"][0] <= m["scroll"][1], (where, m)
        # nothing is cut: the text, the network and the timeline end inside the window
        for part in ("text", "net", "timeline"):
            if m[part] is not None:
                assert m[part]["bottom"] <= height, (where, part, m)
        assert m["bodyPx"] >= 18, (where, m)
        if name == "summary":
            assert m["figurePx"] >= 3 * m["bodyPx"] and m["figurePx"] >= 60, (where, m)
        else:
            # the network takes the slide's height (less the timeline's), labels legible at the back
            below = m["timeline"]["height"] + 18 if m["timeline"] else 0
            assert m["net"]["height"] >= m["slide"]["height"] - below - 4, (where, m)
            assert m["net"]["height"] >= 0.4 * height, (where, m)
            assert m["labelPx"] >= 18, (where, m)
        if name == "timeline":
            assert m["timeline"] is not None and m["timelinePx"], (where, m)
            assert min(m["timelinePx"]) >= 18, (where, m)
        screenshot(page, f"present-{width}x{height}-{name}")
    # the presenter's window at the same size: its panels fit across, the clock in view
    open_app(page, app_url, "walkthrough", article=ARTICLE, step="6", presenter="1")
    for part in ("wt-elapsed", "wt-note", "wt-next"):
        box = page.get_by_test_id(part).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (part, box)
        assert box["y"] + box["height"] <= height, (part, box)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    screenshot(page, f"present-{width}x{height}-presenter")
    assert guard.errors == [] and guard.outside == []


def _wait_step(page, n: int) -> None:
    page.wait_for_function(
        f"() => new URLSearchParams(location.search).get('step') === '{n}'", timeout=30_000
    )
    wait_for_app(page)


def _elapsed(page) -> str:
    return page.get_by_test_id("wt-elapsed").inner_text()


@pytest.mark.viewport(1440, 900)
def test_presenter_view_drives_the_audience_window(projector, app_url, bundled_analysis) -> None:
    from sourcetrace import walkthrough as wt

    context, guard = projector
    steps = wt.visible(wt.build_steps(bundled_analysis))
    note = "Ask the room who the embassy official might be."
    presenter = context.new_page()
    # a speaker note on the key-actors step, written in the editor
    open_app(presenter, app_url, "walkthrough", article=ARTICLE)
    prefix = f"wt-{bundled_analysis.article.content_hash[:12]}-"
    field = presenter.locator(f".st-key-{prefix}note-actors input")
    field.fill(note)
    field.press("Enter")
    wait_for_app(presenter)
    presenter.get_by_role("button", name="Presenter view").click()
    _wait_step(presenter, 1)
    assert "presenter=1" in presenter.url
    assert presenter.get_by_test_id("wt-note").inner_text() == "No speaker note for this step."
    assert presenter.get_by_test_id("wt-next").locator("b").inner_text() == "Key actors"
    assert re.fullmatch(r"\d\d:\d\d", _elapsed(presenter))

    # the audience window opens on the presenter's step, without notes or the presenter's panels
    with presenter.expect_popup() as popup:
        presenter.get_by_test_id("wt-open-audience").click()
    audience = popup.value
    wait_for_app(audience)
    assert "presenter" not in audience.url and "deck=" in audience.url
    assert audience.locator(".st-key-wt-slide h2").inner_text() == steps[0].title

    # the presenter steps: the audience follows
    presenter.keyboard.press("ArrowRight")
    _wait_step(presenter, 2)
    assert presenter.get_by_test_id("wt-note").inner_text() == note
    _wait_step(audience, 2)
    assert audience.locator(".st-key-wt-slide h2").inner_text() == "Key actors"
    # the audience's slide never carries the note, nor the presenter's panels
    assert note not in audience.content()
    assert audience.get_by_test_id("wt-note").count() == 0
    assert audience.get_by_test_id("wt-elapsed").count() == 0
    presenter.get_by_role("button", name="Next").first.click()
    _wait_step(presenter, 3)
    _wait_step(audience, 3)
    assert audience.locator(".st-key-wt-slide h2").inner_text() == steps[2].title

    # the audience window's own arrows work, and the presenter follows them
    audience.keyboard.press("ArrowRight")
    _wait_step(audience, 4)
    _wait_step(presenter, 4)
    assert presenter.locator(".st-key-wt-now h2").inner_text() == steps[3].title
    audience.keyboard.press("ArrowLeft")
    _wait_step(audience, 3)
    _wait_step(presenter, 3)

    # the clock counts from the start of the presentation, not of the step
    presenter.evaluate(
        "() => { for (const k of Object.keys(sessionStorage)) if (k.startsWith('sourcetrace-present-start:'))"
        " sessionStorage.setItem(k, String(Date.now() - 3723000)); }"
    )
    presenter.wait_for_function(
        "() => /^1:02:0\\d$/.test(document.querySelector('[data-testid=wt-elapsed]').textContent)",
        timeout=5_000,
    )
    presenter.keyboard.press("ArrowRight")
    _wait_step(presenter, 4)
    _wait_step(audience, 4)
    assert re.fullmatch(r"1:02:\d\d", _elapsed(presenter))
    presenter.get_by_role("button", name="Restart clock").click()
    assert re.fullmatch(r"00:0\d", _elapsed(presenter))
    audience.wait_for_timeout(1500)
    screenshot(presenter, "present-presenter-1440x900")
    screenshot(audience, "present-audience-1440x900")
    assert guard.errors == [] and guard.outside == []


@pytest.mark.viewport(1280, 800)
def test_editor_prints_the_presenters_outline(projector, app_url, bundled_analysis) -> None:
    """Printing the Walkthrough page: every step, its chain and note; no chrome, no controls."""
    import unicodedata
    from io import BytesIO

    from pypdf import PdfReader

    from sourcetrace import walkthrough as wt

    context, guard = projector
    page = context.new_page()
    open_app(page, app_url, "walkthrough", article=ARTICLE)
    prefix = f"wt-{bundled_analysis.article.content_hash[:12]}-"
    field = page.locator(f".st-key-{prefix}note-actors input")
    field.fill("Point at the anonymous official.")
    field.press("Enter")
    wait_for_app(page)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['[data-testid=stSidebar]', '.stButton', '.stDownloadButton', '[data-testid=stCheckbox]']
          .map((sel) => [...document.querySelectorAll(sel)].every((e) => !e.offsetParent))"""
    )
    assert hidden == [True, True, True, True]
    pdf = page.pdf(format="A4")
    (ARTIFACTS / "walkthrough-outline.pdf").write_bytes(pdf)
    text = " ".join(
        unicodedata.normalize("NFKC", p.extract_text() or "") for p in PdfReader(BytesIO(pdf)).pages
    )
    text = " ".join(text.split())
    steps = wt.build_steps(bundled_analysis)
    positions = [text.find(f"{i}. {' '.join(s.title.split())}") for i, s in enumerate(steps, 1)]
    assert -1 not in positions and positions == sorted(positions), positions
    assert "Point at the anonymous official." in text
    assert "Speaker note (optional)" not in text and "Start presenting" not in text
    assert guard.errors == [] and guard.outside == []
