"""The dashboard in headless Chromium: every view renders the bundled article, a node click focuses
an actor in the claims panel, the network loads nothing remote, a deep link restores the focus.

Screenshots go to test-artifacts/ (look at them: 1280×800 and 1920×1080).
"""

from __future__ import annotations

from urllib.parse import unquote, urlparse

import pytest

from tests.e2e.conftest import open_app, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

ARTICLE = "ncri-2007-07-10-iranian-ambassador-iraq-security"
KAZEMI = "Hassan Kazemi Qumi"
NETWORK = "[data-testid='sourcetrace-network']"
PANEL = ".st-key-claims-panel"


def _actor_id(analysis, name: str) -> str:
    actor = next((a for a in analysis.actors if a.name == name), None)
    assert actor is not None, f"{name!r} is not among the actors: {[a.name for a in analysis.actors]}"
    return actor.id


def _wait_focus_in_url(page, focus: str) -> None:
    page.wait_for_function(
        "(f) => decodeURIComponent(location.search).includes('focus=' + f)", arg=focus, timeout=20_000
    )


def _wait_network_settled(page) -> None:
    page.wait_for_selector(f"{NETWORK}[data-settled='1']", timeout=60_000)


def _click_node(page, node_id: str) -> None:
    """Click the node's centre, computed from vis-network's own canvas coordinates."""
    point = page.evaluate(
        """(id) => {
            const net = globalThis.sourcetraceNetworks.network;
            const pos = net.canvasToDOM(net.getPositions([id])[id]);
            return pos;
        }""",
        node_id,
    )
    box = page.locator(NETWORK).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_every_view_renders_the_bundled_article(browser, app_url, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        open_app(page, app_url)
        assert page.locator("h4").first.inner_text().startswith("Iranian regime’s ambassador")
        # the name is marked as an entity in the escaped text
        marked = page.locator(".st-article [data-actor]", has_text="Hassan Kazemi Qumi")
        marked.first.wait_for(timeout=15_000)  # the text component may paint after the script has run
        assert marked.count() >= 1
        assert "al-Malaf" in page.locator(".st-article").inner_text()
        screenshot(page, f"article-{size[0]}x{size[1]}")

        open_app(page, app_url, "network")
        _wait_network_settled(page)
        assert page.locator(f"{NETWORK} canvas").count() == 1
        n_nodes = page.evaluate("globalThis.sourcetraceNetworks.network.body.data.nodes.length")
        assert n_nodes >= 5
        screenshot(page, f"network-{size[0]}x{size[1]}")

        open_app(page, app_url, "timeline")
        page.wait_for_selector(".js-plotly-plot .point", timeout=30_000)
        assert page.locator(".js-plotly-plot .point").count() >= 3
        ticks = page.locator(".js-plotly-plot .ytick text").all_text_contents()
        assert any("fall of Baghdad" in t for t in ticks), ticks
        screenshot(page, f"timeline-{size[0]}x{size[1]}")
    finally:
        context.close()


def test_clicking_a_node_focuses_the_actor_in_the_claims_panel(page, app_url, bundled_analysis):
    kazemi = _actor_id(bundled_analysis, KAZEMI)
    open_app(page, app_url, "network")
    _wait_network_settled(page)
    panel = page.locator(PANEL)
    assert "Nothing focused" in panel.inner_text()

    _click_node(page, kazemi)
    page.wait_for_function(
        "(id) => decodeURIComponent(location.search).includes('focus=actor:' + id)",
        arg=kazemi,
        timeout=20_000,
    )
    wait_for_app(page)
    assert f"Focus: {KAZEMI}" in panel.inner_text()
    # the frontend highlights the clicked node without rebuilding the graph
    assert page.locator(NETWORK).get_attribute("data-focus") == kazemi
    screenshot(page, "network-node-clicked")


def test_network_requests_no_remote_resource(page, app_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_app(page, app_url, "network")
    _wait_network_settled(page)
    remote = [
        u for u in requests
        if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"
    ]
    assert remote == []
    # vis-network came inlined (a blob: module), not from a CDN or pyvis' Bootstrap links
    assert page.evaluate("typeof globalThis.vis?.Network") == "function"


def test_deep_link_restores_article_view_and_focus(page, app_url, bundled_analysis):
    kazemi = _actor_id(bundled_analysis, KAZEMI)
    open_app(page, app_url, "network", article=ARTICLE, focus=f"actor:{kazemi}")
    _wait_network_settled(page)
    assert urlparse(page.url).path.endswith("/network")
    assert f"Focus: {KAZEMI}" in page.locator(PANEL).inner_text()
    assert page.locator(NETWORK).get_attribute("data-focus") == kazemi
    screenshot(page, "deep-link-network-focus")

    # moving to another view keeps the article and the focus, in the panel and in the URL
    page.locator("[data-testid='stSidebarNav'] a", has_text="Timeline").click()
    page.wait_for_function("() => location.pathname.endsWith('/timeline')", timeout=20_000)
    wait_for_app(page)
    _wait_focus_in_url(page, f"actor:{kazemi}")
    assert f"Focus: {KAZEMI}" in page.locator(PANEL).inner_text()

    open_app(page, app_url, "", article=ARTICLE, focus=f"actor:{kazemi}")
    # the article's text component may paint after the script has run: wait for the mark, not a sleep
    focused = page.locator(".st-article .st-ent-focus", has_text="Kazemi")
    focused.first.wait_for(timeout=15_000)
    assert focused.count() >= 1
    screenshot(page, "deep-link-article-focus")


def test_clicking_a_timeline_event_focuses_it(page, app_url, bundled_analysis):
    fall = next(e for e in bundled_analysis.events if e.label == "the fall of Baghdad")
    open_app(page, app_url, "timeline")
    page.wait_for_selector(".js-plotly-plot .point", timeout=30_000)
    # the day marker on the row of "the fall of Baghdad"
    page.evaluate(
        """(id) => {
            const gd = document.querySelector('.js-plotly-plot');
            const t = gd.data.findIndex(tr => tr.type === 'scatter' && tr.customdata.includes(id));
            const i = gd.data[t].customdata.indexOf(id);
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            const x = xa._offset + xa.d2p(gd.data[t].x[i]);
            const y = ya._offset + ya.d2p(gd.data[t].y[i]);
            const r = gd.getBoundingClientRect();
            window.__target = [r.left + x, r.top + y];
        }""",
        fall.id,
    )
    x, y = page.evaluate("window.__target")
    page.mouse.click(x, y)
    page.wait_for_function(
        "(id) => decodeURIComponent(location.search).includes('focus=event:' + id)",
        arg=fall.id,
        timeout=20_000,
    )
    wait_for_app(page)
    assert "Focus: event: the fall of Baghdad" in page.locator(PANEL).inner_text()
    screenshot(page, "timeline-event-focused")


def test_show_in_text_jumps_to_the_claim_in_the_article(page, app_url, bundled_analysis):
    from playwright.sync_api import expect

    # a claim far down the text, so the jump has to scroll
    claim = max(bundled_analysis.claims, key=lambda c: c.content.start)
    open_app(page, app_url, "network")
    _wait_network_settled(page)
    wait_for_app(page)
    # the panel draws the first cards only: this claim's card appears with "Show all"
    page.locator(f"{PANEL} button[data-act='more']").click()
    page.locator(f"{PANEL} button[data-act='show'][data-claim='{claim.id}']").click()
    page.wait_for_selector(".st-article .st-claim-focus", timeout=30_000)
    wait_for_app(page)
    assert f"focus=claim:{claim.id}" in unquote(page.url)
    expect(page.locator(".st-article .st-claim-focus").first).to_be_in_viewport(timeout=10_000)
    screenshot(page, "show-in-text")


def test_selecting_an_actor_row_focuses_it(page, app_url, bundled_analysis):
    from components.article import actors_frame

    kazemi = _actor_id(bundled_analysis, KAZEMI)
    row = list(actors_frame(bundled_analysis)["id"]).index(kazemi)
    open_app(page, app_url)
    grid = page.locator(".st-key-actors-table [data-testid='stDataFrameResizable']")
    grid.scroll_into_view_if_needed()
    # rows are drawn on a canvas: click the selection cell of the row (35 px rows under the header)
    assert row < 9, "the row must be visible without scrolling the 360 px table"
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 35 * row + 17)
    page.wait_for_function(
        "(id) => decodeURIComponent(location.search).includes('focus=actor:' + id)",
        arg=kazemi,
        timeout=20_000,
    )
    wait_for_app(page)
    assert f"Focus: {KAZEMI}" in page.locator(PANEL).inner_text()
    page.locator(".st-article .st-ent-focus").first.wait_for(timeout=15_000)
    assert page.locator(".st-article .st-ent-focus").count() >= 1
