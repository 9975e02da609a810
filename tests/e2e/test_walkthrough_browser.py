"""The Walkthrough page in Chromium: ?step=N, chrome hidden, arrow keys, Esc back to the editor."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import open_app, screenshot, wait_for_app

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
    values = page.locator("[data-testid='stMetricValue']").all_inner_texts()
    assert len(values) == 4 and all(re.fullmatch(rf"\d+ of {total - 3}", v) for v in values)
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
