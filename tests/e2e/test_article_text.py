"""The article text in headless Chromium (issue 12, points 1-3).

1. The text shown is the article, character for character: an article full of Markdown and HTML
   (`*preliminary*`, `# Not a heading`, `[site](https://…)`, `<b>bold</b>`, `_x_`, backslashes,
   blank lines) reads exactly as written in the Article view's box and in the report, and no view
   turns any of it into markup.
2. The text is interactive: a click or Enter on a name or a claim focuses it everywhere; hovering a
   claim shows its chain in a tooltip inside the box; selected words open a popover that adds an
   actor or a claim, which every view then shows.
3. Focus keeps the reader's place: a focus set anywhere scrolls the text box (never the page) to
   the focused mention or claim; focusing a card low in the claims panel keeps that card and the
   network in view.

Screenshots (test-artifacts/article-text-*.png) at 1280x800, 1440x900 and 1920x1080.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from sourcetrace import render
from sourcetrace.analysis import analyze_article
from sourcetrace.export import to_html
from sourcetrace.load import load_text
from tests.e2e.conftest import open_app, paste, screenshot, wait_for_app, wait_still

pytestmark = pytest.mark.e2e

ARTICLE = "ncri-2007-07-10-iranian-ambassador-iraq-security"
BOX = ".st-article"
PANEL = ".st-key-claims-panel"
NETWORK = "[data-testid='sourcetrace-network']"
SIZES = [(1280, 800), (1440, 900), (1920, 1080)]

MARKDOWN_ARTICLE = (
    "Harbor Ledger\n\n"
    "Port deal is *preliminary*, officials say\n\n"
    "# Not a heading\n\n"
    "The port authority said the contract was *preliminary* and that the terms posted at "
    "[site](https://example.org) would change before the vote.\n"
    "Minister Ana Duarte said that <b>bold</b> promises about _x_ were premature.\n\n\n"
    "A spokesman said the folder C:\\ports\\new and the mark \\* stay as they were written.\n"
    "    An indented line   with  three spaces.\n"
)
# what an article's Markdown or HTML would have become, had any of it been read as markup
MARKUP = "a, em, strong, b, i, h1, h2, h3, h4, h5, h6, code, pre, img, ul, ol, blockquote"

# every element made from the article's own words, anywhere in the document (shadow roots too)
_MADE_MARKUP_JS = r"""
() => {
  const words = ["preliminary", "Not a heading", "site", "bold", "x"];
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll("em, strong, b, i, h1, h2, h3, h4, h5, h6, code, a")) {
      const t = (el.textContent || "").trim();
      if (words.includes(t)) found.push(`<${el.tagName.toLowerCase()}>${t}`);
      const href = el.tagName === "A" ? el.getAttribute("href") || "" : "";
      if (href.includes("example.org")) found.push("a[href]");
    }
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found;
}
"""

# select [start, end) of the article text inside the box, as a reader's mouse would, then release
_SELECT_JS = r"""
([start, end]) => {
  const box = document.querySelector(".st-article");
  const point = (offset) => {
    let pos = 0;
    for (const node of box.childNodes) {
      const text = node.nodeType === 3 ? node : node.firstChild;
      const len = node.textContent.length;
      if (offset <= pos + len) return [text, offset - pos];
      pos += len;
    }
    throw new Error("offset outside the text");
  };
  const range = document.createRange();
  range.setStart(...point(start));
  range.setEnd(...point(end));
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  const r = range.getBoundingClientRect();
  box.dispatchEvent(new MouseEvent("mouseup", {bubbles: true, clientX: r.right, clientY: r.bottom}));
}
"""

_VISIBLE_IN_BOX_JS = r"""
(selector) => {
  const box = document.querySelector(".st-article").getBoundingClientRect();
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
}
"""


def _open_article(page, app_url: str, **params: str) -> None:
    """The Article view, once its text has been drawn (the component mounts after the script ends)."""
    open_app(page, app_url, "", **params)
    page.wait_for_selector(f"{BOX} span[data-s]", timeout=30_000)


def _main_scroll(page) -> float:
    """How far the page itself is scrolled (Streamlit scrolls its main section, not the window)."""
    return page.evaluate("() => document.querySelector('main.stMain').scrollTop")


def _box_scroll(page) -> float:
    return page.evaluate("() => document.querySelector('.st-article').scrollTop")


def _wait_focus(page, focus: str) -> None:
    page.wait_for_function(
        "(f) => decodeURIComponent(location.search).includes('focus=' + f)", arg=focus, timeout=20_000
    )
    wait_for_app(page)


def _wait_box_focus(page, focus: str) -> None:
    page.wait_for_selector(f"{BOX}[data-focus='{focus}']", timeout=20_000)


def _wait_scroll_settled(page) -> None:
    """Smooth scrolling: wait until the box has stopped moving."""
    page.wait_for_function(
        """() => new Promise((resolve) => {
            const box = document.querySelector('.st-article');
            let last = box.scrollTop, still = 0;
            const tick = () => {
              if (box.scrollTop === last) { if (++still >= 6) return resolve(true); }
              else { still = 0; last = box.scrollTop; }
              setTimeout(tick, 50);
            };
            tick();
        })""",
        timeout=15_000,
    )


def _run(view: dict, text: str, words: str, stop: int | None = None) -> list:
    """The first marked run of `view` holding exactly `words` (and that keyboard stop)."""
    return next(r for r in view["runs"] if text[r[0]:r[1]] == words and (stop is None or r[6] == stop))


# ---------------------------------------------------------------- 1. the text is the article


@pytest.fixture(scope="module")
def markdown_analysis():
    return analyze_article(load_text(MARKDOWN_ARTICLE))


def test_the_article_box_holds_the_text_exactly_and_no_markup(page, app_url, markdown_analysis):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    paste(page, app_url, MARKDOWN_ARTICLE)
    box = page.locator(BOX)
    box.wait_for(timeout=30_000)
    expected = markdown_analysis.article.text
    assert "# Not a heading\n\n" in expected and "[site](https://example.org)" in expected
    assert box.inner_text() == expected
    assert box.evaluate("(b, sel) => b.querySelectorAll(sel).length", MARKUP) == 0
    assert page.evaluate(_MADE_MARKUP_JS) == []
    # the claims panel quotes the claims as written too
    quoted = [c.content.text for c in markdown_analysis.claims if "*preliminary*" in c.content.text]
    assert quoted, [c.content.text for c in markdown_analysis.claims]
    assert "*preliminary*" in page.locator(PANEL).inner_text()
    assert errors == []
    screenshot(page, "article-text-markdown-1280x800")


def test_no_other_view_reads_the_article_as_markup(page, app_url, markdown_analysis):
    from sourcetrace import walkthrough as wt

    ref = paste(page, app_url, MARKDOWN_ARTICLE)
    for view in ("network", "timeline", "sources", "walkthrough"):
        open_app(page, app_url, view, article=ref)
        assert page.evaluate(_MADE_MARKUP_JS) == [], view
    open_app(page, app_url, "sources", article=ref)
    assert "*preliminary*" in page.locator("[data-testid='stMainBlockContainer']").inner_text()
    # a claim's slide in presentation mode quotes it as written, line breaks and all
    steps = wt.visible(wt.build_steps(markdown_analysis))
    n = next(i for i, s in enumerate(steps, 1) if s.kind == "claim" and "*preliminary*" in s.lines[0])
    open_app(page, app_url, "walkthrough", article=ref, step=str(n))
    quote = page.locator(".wt-quote")
    assert quote.inner_text() == steps[n - 1].lines[0]
    assert page.evaluate(_MADE_MARKUP_JS) == []


def test_the_report_holds_the_text_exactly(page, markdown_analysis, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(to_html(markdown_analysis), encoding="utf-8")
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(report.as_uri())
    article = page.locator(".article")
    assert article.inner_text() == markdown_analysis.article.text
    # our own numbered links to the claims are the only links; nothing else became markup
    assert article.evaluate("(a) => a.querySelectorAll('a:not(.cn)').length") == 0
    assert article.evaluate("(a) => [...a.querySelectorAll('a.cn')].every(x => x.hash.startsWith('#c-'))")
    assert article.evaluate(
        "(a, sel) => a.querySelectorAll(sel.replace('a, ', '')).length", MARKUP
    ) == 0
    assert page.evaluate(_MADE_MARKUP_JS) == []
    quote = page.locator("li.claim-item blockquote", has_text="*preliminary*").first
    assert "*preliminary*" in quote.inner_text()


# ---------------------------------------------------------------- 2. the text is interactive


def test_clicking_a_name_or_a_claim_focuses_it_everywhere(page, app_url, bundled_analysis):
    text = bundled_analysis.article.text
    view = render.article_view(bundled_analysis)
    kazemi = next(a for a in bundled_analysis.actors if a.name == "Hassan Kazemi Qumi")
    _open_article(page, app_url)
    name = page.locator(f"{BOX} span[data-actor='{kazemi.id}']").first
    name.click()
    _wait_focus(page, f"actor:{kazemi.id}")
    _wait_box_focus(page, f"actor:{kazemi.id}")
    assert "Focus: Hassan Kazemi Qumi" in page.locator(PANEL).inner_text()
    assert page.locator(f"{BOX} .st-ent-focus[data-actor='{kazemi.id}']").count() == len(kazemi.mentions)

    # a claim's words that are not a name: the claim is focused, and lit in the text
    claim_id = "c4"
    start, end = next((r[0], r[1]) for r in view["runs"] if r[6] == 2 and r[4][0] == claim_id)
    page.locator(f"{BOX} span[data-s='{start}']").click()
    _wait_focus(page, f"claim:{claim_id}")
    _wait_box_focus(page, f"claim:{claim_id}")
    assert page.locator(f"{BOX} .st-claim-focus").count() >= 1
    assert page.locator(f"{PANEL} .st-claim-card.st-focused[data-claim='{claim_id}']").count() == 1
    assert text[start:end] in page.locator(f"{BOX} .st-claim-focus").all_inner_texts()


def test_keyboard_reaches_names_and_claims_and_enter_focuses(page, app_url, bundled_analysis):
    view = render.article_view(bundled_analysis)
    _open_article(page, app_url)
    stops = page.locator(f"{BOX} span[tabindex='0']")
    assert stops.count() == sum(1 for r in view["runs"] if r[6])
    claim_run = next(r for r in view["runs"] if r[6] == 2 and r[4][0] == "c2")
    page.locator(f"{BOX} span[data-s='{claim_run[0]}']").focus()
    page.keyboard.press("Enter")
    _wait_focus(page, "claim:c2")
    actor_run = next(r for r in view["runs"] if r[6] == 1 and r[3] == "a1")
    el = page.locator(f"{BOX} span[data-s='{actor_run[0]}']")
    el.focus()
    page.keyboard.press("Tab")  # the next stop, then back: the stops are in the tab order
    page.keyboard.press("Shift+Tab")
    assert el.evaluate("(e) => document.activeElement === e")
    page.keyboard.press("Enter")
    _wait_focus(page, "actor:a1")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_hovering_a_claim_shows_its_chain_inside_the_box(browser, app_url, bundled_analysis, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        view = render.article_view(bundled_analysis)
        claim = bundled_analysis.claim("c2")  # NCRI › al-Malaf › a U.S. embassy official in Baghdad
        run = next(r for r in view["runs"] if r[6] == 2 and r[4][0] == claim.id)
        _open_article(page, app_url)
        span = page.locator(f"{BOX} span[data-s='{run[0]}']")
        span.hover()
        tip = page.locator(".st-tip")
        tip.wait_for(state="visible", timeout=5_000)
        chain = " › ".join(link.label for link in claim.chain)
        assert chain == "NCRI › al-Malaf › a U.S. embassy official in Baghdad"
        assert chain in tip.inner_text()
        assert "anonymous source · 2 hops" in tip.inner_text()
        box, t = page.locator(BOX).bounding_box(), tip.bounding_box()
        assert box["x"] <= t["x"] and t["x"] + t["width"] <= box["x"] + box["width"]
        assert box["y"] <= t["y"] and t["y"] + t["height"] <= box["y"] + box["height"]
        # the tooltip does not cover the words it describes
        s = span.bounding_box()
        assert t["y"] >= s["y"] + s["height"] or t["y"] + t["height"] <= s["y"]
        screenshot(page, f"article-text-tooltip-{size[0]}x{size[1]}")
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_selected_words_add_an_actor(browser, app_url, bundled_analysis, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        text = bundled_analysis.article.text
        words = "security apparatus"
        start = text.index(words)
        assert not any(m.start <= start < m.end for a in bundled_analysis.actors for m in a.mentions)
        _open_article(page, app_url)
        page.evaluate(_SELECT_JS, [start - 1, start + len(words)])  # a space too: it is left out
        pop = page.locator(".st-pop")
        pop.wait_for(state="visible", timeout=5_000)
        assert "“security apparatus”" in pop.inner_text()
        box, p = page.locator(BOX).bounding_box(), pop.bounding_box()
        assert box["x"] <= p["x"] and p["x"] + p["width"] <= box["x"] + box["width"]
        assert box["y"] <= p["y"] and p["y"] + p["height"] <= box["y"] + box["height"]
        pop.locator("select[name='type']").select_option("ORG")
        screenshot(page, f"article-text-popover-{size[0]}x{size[1]}")
        pop.get_by_role("button", name="Add as actor").click()
        added = page.locator(f"{BOX} span[data-actor]", has_text=words)
        added.first.wait_for(timeout=30_000)
        wait_for_app(page)
        # every whole-word mention became the new actor's, and the actors table lists it
        assert added.count() == text.count(words)
        assert page.locator("[data-testid='stToast']").filter(has_text="Added actor").count() == 1
        assert page.locator(f"{BOX}").inner_text() == text
    finally:
        context.close()


def test_selected_words_add_a_claim_with_its_chain(page, app_url, bundled_analysis):
    text = bundled_analysis.article.text
    source = next(a for a in bundled_analysis.actors if a.kind == "anonymous")
    words = "had began from the day after the fall of Baghdad"
    start = text.index(words)
    n = len(bundled_analysis.claims)
    _open_article(page, app_url)
    assert f"Claims · {n}" in page.locator(PANEL).inner_text()
    page.evaluate(_SELECT_JS, [start, start + len(words)])
    pop = page.locator(".st-pop")
    pop.wait_for(state="visible", timeout=5_000)
    pop.get_by_role("button", name="Add claim…").click()
    pop.locator("select[name='source']").select_option(source.id)
    assert pop.locator(".st-pop-chain").inner_text() == f"NCRI › {' '.join(source.name.split())} › claim"
    screenshot(page, "article-text-popover-claim")
    pop.get_by_role("button", name="Add claim", exact=True).click()
    page.wait_for_function("(n) => document.querySelector('.st-key-claims-panel').innerText"
                           ".includes('Claims · ' + n)", arg=n + 1, timeout=30_000)
    wait_for_app(page)
    # the words are a claim in the text now, and hovering them shows the chain just given
    run = page.locator(f"{BOX} span.st-claim[data-s='{start}']")
    assert run.count() == 1
    run.hover()
    tip = page.locator(".st-tip")
    tip.wait_for(state="visible", timeout=5_000)
    assert f"NCRI › {source.name}" in tip.inner_text()
    assert "corrected" in tip.inner_text()


# ---------------------------------------------------------------- 3. focus keeps the reader's place


def test_a_focus_from_the_url_or_the_panel_scrolls_the_box_not_the_page(page, app_url, bundled_analysis):
    last = max(bundled_analysis.claims, key=lambda c: c.content.start)
    _open_article(page, app_url, article=ARTICLE, focus=f"claim:{last.id}")
    _wait_box_focus(page, f"claim:{last.id}")
    _wait_scroll_settled(page)
    assert _box_scroll(page) > 0
    assert page.evaluate(_VISIBLE_IN_BOX_JS, f"{BOX} .st-claim-focus")
    assert _main_scroll(page) == 0

    # focus another claim from its card in the panel: the box moves there, the page stays
    first = min(bundled_analysis.claims, key=lambda c: c.content.start)
    # the reader scrolls the panel (it scrolled itself to the focused card) back to its first card
    page.evaluate("(p) => document.querySelector(p).scrollTo(0, 0)", PANEL)
    focus_button = f"{PANEL} button[data-act='focus'][data-claim='{first.id}']"
    button = page.locator(focus_button)
    button.scroll_into_view_if_needed()
    wait_still(page, focus_button)
    before = _main_scroll(page)
    button.click()
    _wait_focus(page, f"claim:{first.id}")
    _wait_box_focus(page, f"claim:{first.id}")
    _wait_scroll_settled(page)
    assert page.evaluate(_VISIBLE_IN_BOX_JS, f"{BOX} .st-claim-focus")
    assert _main_scroll(page) == before
    screenshot(page, "article-text-focus-scrolled")


def test_a_network_click_scrolls_the_text_to_the_actor(page, app_url, bundled_analysis):
    # the actor whose first mention is furthest down the text
    named = [a for a in bundled_analysis.actors if a.mentions]
    actor = max(named, key=lambda a: min(m.start for m in a.mentions))
    open_app(page, app_url, "network")
    page.wait_for_selector(f"{NETWORK}[data-settled='1']", timeout=60_000)
    point = page.evaluate(
        "(id) => { const n = globalThis.sourcetraceNetworks.network;"
        " return n.canvasToDOM(n.getPositions([id])[id]); }", actor.id,
    )
    box = page.locator(NETWORK).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    _wait_focus(page, f"actor:{actor.id}")
    page.locator("[data-testid='stSidebarNav'] a", has_text="Article").click()
    page.wait_for_selector(f"{BOX}[data-focus='actor:{actor.id}']", timeout=30_000)
    wait_for_app(page)
    _wait_scroll_settled(page)
    assert _box_scroll(page) > 0
    assert page.evaluate(_VISIBLE_IN_BOX_JS, f"{BOX} .st-ent-focus")
    assert _main_scroll(page) == 0


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_focusing_a_low_card_keeps_it_and_the_network_in_view(browser, app_url, bundled_analysis, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        claim = bundled_analysis.claims[-3]
        open_app(page, app_url, "network")
        page.wait_for_selector(f"{NETWORK}[data-settled='1']", timeout=60_000)
        page.locator(f"{PANEL} button[data-act='more']").click()
        wait_for_app(page)
        selector = f"{PANEL} .st-claim-card[data-claim='{claim.id}']"
        card = page.locator(selector)
        card.scroll_into_view_if_needed()
        wait_still(page, selector)
        before = card.bounding_box()
        card.locator("button[data-act='focus']").click()
        _wait_focus(page, f"claim:{claim.id}")
        focused = page.locator(f"{PANEL} .st-claim-card.st-focused[data-claim='{claim.id}']")
        focused.wait_for(timeout=20_000)
        wait_still(page, f"{PANEL} .st-claim-card.st-focused[data-claim='{claim.id}']")
        after = focused.bounding_box()
        viewport = page.viewport_size
        # the card stayed where the reader clicked it, in view; the network beside it too
        assert abs(after["y"] - before["y"]) < 40, (before, after)
        assert 0 <= after["y"] and after["y"] + after["height"] <= viewport["height"]
        net = page.locator(NETWORK).bounding_box()
        assert net["y"] + net["height"] / 2 >= 0 and net["y"] + net["height"] / 2 <= viewport["height"]
        assert net["y"] + net["height"] <= viewport["height"] + 1 and net["y"] >= -net["height"] * 0.25
        assert "Focus: claim:" in page.locator(PANEL).inner_text()
        screenshot(page, f"article-text-low-card-{size[0]}x{size[1]}")
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_screenshots_of_the_article_with_a_focus(browser, app_url, bundled_analysis, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        kazemi = next(a for a in bundled_analysis.actors if a.name == "Hassan Kazemi Qumi")
        _open_article(page, app_url, article=ARTICLE, focus=f"actor:{kazemi.id}")
        _wait_box_focus(page, f"actor:{kazemi.id}")
        assert f"focus=actor:{kazemi.id}" in unquote(page.url)
        screenshot(page, f"article-text-focus-{size[0]}x{size[1]}")
    finally:
        context.close()
