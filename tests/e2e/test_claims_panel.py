"""The claims panel as one component in headless Chromium: its cards' buttons are real buttons the
keyboard reaches, focus and "show in text" from the keyboard, "Show all" and back, the article's
words shown as text, and screenshots of the Network page with a focused card low in the list at
1280×800, 1440×900 and 1920×1080 (test-artifacts/claims-panel-*.png; look at them)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from sourcetrace.panel import FIRST_CARDS, quote
from tests.e2e.conftest import open_app, screenshot, wait_for_app, wait_still

pytestmark = pytest.mark.e2e

PANEL = ".st-key-claims-panel"
NETWORK = "[data-testid='sourcetrace-network']"
SIZES = [(1280, 800), (1440, 900), (1920, 1080)]


CARDS_JS = "(p) => [...document.querySelectorAll(p + ' .st-claim-card')].map(e => e.dataset.claim)"
ACTIVE_JS = "() => [document.activeElement.dataset.act, document.activeElement.dataset.claim]"


def _cards(page) -> list[str]:
    return page.evaluate(CARDS_JS, PANEL)


def _wait_url_focus(page, focus: str) -> None:
    page.wait_for_function(
        "(f) => new URLSearchParams(location.search).get('focus') === f", arg=focus, timeout=20_000
    )
    wait_for_app(page)


def test_the_keyboard_reaches_every_card_button_and_enter_focuses(page, app_url, bundled_analysis):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_app(page, app_url, "network")
    first, second = bundled_analysis.claims[0], bundled_analysis.claims[1]
    assert _cards(page) == [c.id for c in bundled_analysis.claims[:FIRST_CARDS]]
    buttons = page.locator(f"{PANEL} .st-claim-card button")
    assert buttons.count() == 2 * FIRST_CARDS
    assert buttons.first.evaluate("b => b.tagName") == "BUTTON"
    assert buttons.first.get_attribute("tabindex") is None  # in the page's own tab order
    # Tab from the first card's Focus button goes to its Show in text, then to the next card's Focus
    focus_first = page.locator(f"{PANEL} button[data-act='focus'][data-claim='{first.id}']")
    focus_first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE_JS) == ["show", first.id]
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE_JS) == ["focus", second.id]
    page.keyboard.press("Enter")
    _wait_url_focus(page, f"claim:{second.id}")
    card = page.locator(f"{PANEL} .st-claim-card[data-claim='{second.id}']")
    assert "st-focused" in (card.get_attribute("class") or "")
    assert card.locator("button[data-act='focus']").is_disabled()
    assert _cards(page)[1] == second.id  # the focused card kept its place
    assert "Focus: claim: " in page.locator(PANEL).inner_text()
    # "Clear the focus" is a button too
    page.locator(f"{PANEL} button[data-act='clear']").press("Enter")
    page.wait_for_function("() => !new URLSearchParams(location.search).get('focus')", timeout=20_000)
    wait_for_app(page)
    assert "Nothing focused" in page.locator(PANEL).inner_text()
    # "Show all" lists every card, then the first ones again
    more = page.locator(f"{PANEL} button[data-act='more']")
    assert more.inner_text().endswith(f"Show all {len(bundled_analysis.claims)}")
    more.press("Enter")
    page.wait_for_function("(p) => document.querySelectorAll(p + ' .st-claim-card').length > 8", arg=PANEL,
                           timeout=20_000)
    assert _cards(page) == [c.id for c in bundled_analysis.claims]
    assert more.inner_text().endswith(f"Show the first {FIRST_CARDS}")
    more.click()
    page.wait_for_function("(p) => document.querySelectorAll(p + ' .st-claim-card').length === 8", arg=PANEL,
                           timeout=20_000)
    # Show in text from the keyboard opens the article at the claim
    page.locator(f"{PANEL} button[data-act='show'][data-claim='{second.id}']").press("Enter")
    page.wait_for_selector(".st-article .st-claim-focus", timeout=30_000)
    wait_for_app(page)
    assert f"focus=claim:{second.id}" in unquote(page.url) and "/network" not in page.url
    assert errors == []


def test_card_words_are_the_articles_characters(page, app_url, bundled_analysis):
    open_app(page, app_url, "network")
    claim = bundled_analysis.claims[1]
    text = page.locator(f"{PANEL} .st-claim-card[data-claim='{claim.id}'] .st-claim-text").inner_text()
    assert text == f"“{quote(claim.content.text)}”"
    # nothing inside a card is markup of the article's: one text node per line
    nodes = page.evaluate(
        "(p) => [...document.querySelectorAll(['.st-claim-text', '.st-voice', '.st-hedge']"
        ".map(c => p + ' ' + c).join(', '))].map(e => [e.childNodes.length, e.firstChild.nodeType])", PANEL
    )
    assert nodes and all(n == [1, 3] for n in nodes)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_screenshots_of_the_network_with_a_low_card_focused(sized_page, app_url, bundled_analysis, size):
    page, errors = sized_page
    open_app(page, app_url, "network")
    page.wait_for_selector(f"{NETWORK}[data-settled='1']", timeout=60_000)
    screenshot(page, f"claims-panel-network-{size[0]}x{size[1]}")
    claim = bundled_analysis.claims[-2]
    page.locator(f"{PANEL} button[data-act='more']").click()
    selector = f"{PANEL} .st-claim-card[data-claim='{claim.id}']"
    page.wait_for_selector(selector, timeout=20_000)
    page.locator(selector).scroll_into_view_if_needed()
    wait_still(page, selector)
    page.locator(f"{selector} button[data-act='focus']").click()
    _wait_url_focus(page, f"claim:{claim.id}")
    wait_still(page, f"{PANEL} .st-claim-card.st-focused[data-claim='{claim.id}']")
    box = page.locator(selector).bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= size[1]
    screenshot(page, f"claims-panel-low-card-{size[0]}x{size[1]}")
    assert errors == []
