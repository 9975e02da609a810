"""The network view in headless Chromium (issue 12 point 5, and point 3's background click).

A stable layout (the library's positions, the same on a second visit and after a reload); a focus
lights the actor's neighbourhood and dims the rest; tooltips beside the node, edge tooltips with
both actors and the whole sentence as text; a PNG download of the network as shown; a click on
the background clears the focus everywhere. Screenshots at three sizes, with and without a focus.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from sourcetrace.figures import network_data
from sourcetrace.focus import Focus
from sourcetrace.layout import network_layout
from tests.e2e.conftest import open_app, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

ARTICLE = "ncri-2007-07-10-iranian-ambassador-iraq-security"
KAZEMI = "Hassan Kazemi Qumi"
NETWORK = "[data-testid='sourcetrace-network']"
TIP = "[data-testid='sourcetrace-network-tooltip']"
PANEL = ".st-key-claims-panel"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIZES = [(1280, 800), (1440, 900), (1920, 1080)]
FADE = "#d9dee4"  # network.js: a dimmed node


def _actor(analysis, name: str):
    actor = next((a for a in analysis.actors if a.name == name), None)
    assert actor is not None, f"{name!r} is not among the actors: {[a.name for a in analysis.actors]}"
    return actor


def _settled(page) -> None:
    page.wait_for_selector(f"{NETWORK}[data-settled='1']", state="attached", timeout=60_000)


def _positions(page) -> dict[str, list[float]]:
    return page.evaluate(
        "() => Object.fromEntries(Object.entries(globalThis.sourcetraceNetworks.network.getPositions())"
        ".map(([k, p]) => [k, [p.x, p.y]]))"
    )


def _on_screen(page, node_id: str) -> dict:
    """The node's centre and box (label included) in page pixels."""
    return page.evaluate(
        """(id) => {
            const net = globalThis.sourcetraceNetworks.network;
            const c = net.body.container.getBoundingClientRect();
            const p = net.canvasToDOM(net.getPosition(id));
            const b = net.getBoundingBox(id);
            const a = net.canvasToDOM({x: b.left, y: b.top}), z = net.canvasToDOM({x: b.right, y: b.bottom});
            return {x: c.left + p.x, y: c.top + p.y,
                    box: {left: c.left + a.x, top: c.top + a.y, right: c.left + z.x, bottom: c.top + z.y}};
        }""",
        node_id,
    )


def _wait_network_focus(page, actor_id: str) -> None:
    """The network (inside the component's shadow root) shows this focus ('' for none)."""
    page.wait_for_function(
        "(id) => globalThis.sourcetraceNetworks?.network?.body.container.dataset.focus === id",
        arg=actor_id, timeout=20_000,
    )


def _focus_param(page) -> str | None:
    return parse_qs(urlsplit(page.url).query).get("focus", [None])[0]


def _empty_spot(page) -> dict:
    """A point of the canvas with no node and no edge under it (vis-network's own hit tests)."""
    spot = page.evaluate(
        """() => {
            const net = globalThis.sourcetraceNetworks.network;
            const c = net.body.container.getBoundingClientRect();
            for (let y = 40; y < c.height - 10; y += 23) {
                for (let x = 20; x < c.width - 90; x += 29) {
                    const near = [[0, 0], [12, 0], [-12, 0], [0, 12], [0, -12]].every(([dx, dy]) => {
                        const p = {x: x + dx, y: y + dy};
                        return net.getNodeAt(p) === undefined && net.getEdgeAt(p) === undefined;
                    });
                    if (near) return {x: c.left + x, y: c.top + y};
                }
            }
            return null;
        }"""
    )
    assert spot is not None, "no empty spot on the canvas"
    return spot


def _overlap(a: dict, b: dict) -> bool:
    across = a["left"] < b["right"] and b["left"] < a["right"]
    return across and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def test_the_layout_is_the_librarys_and_the_same_on_a_second_visit(page, app_url, bundled_analysis):
    open_app(page, app_url, "network")
    _settled(page)
    first = _positions(page)
    expected = network_layout(bundled_analysis)
    assert first == {k: [x, y] for k, (x, y) in expected.items()}
    view = page.evaluate("() => [globalThis.sourcetraceNetworks.network.getScale(), "
                         "globalThis.sourcetraceNetworks.network.getViewPosition()]")

    # another page and back, by the sidebar (no reload): the network is mounted again
    page.locator("[data-testid='stSidebarNav'] a", has_text="Timeline").click()
    page.wait_for_function("() => location.pathname.endsWith('/timeline')", timeout=20_000)
    wait_for_app(page)
    page.locator("[data-testid='stSidebarNav'] a", has_text="Network").click()
    page.wait_for_function("() => location.pathname.endsWith('/network')", timeout=20_000)
    wait_for_app(page)
    _settled(page)
    assert _positions(page) == first

    page.reload()
    wait_for_app(page)
    _settled(page)
    assert _positions(page) == first
    again = page.evaluate("() => [globalThis.sourcetraceNetworks.network.getScale(), "
                          "globalThis.sourcetraceNetworks.network.getViewPosition()]")
    assert again == view  # the same frame too: the picture looks the same


def test_focus_lights_the_neighbourhood_and_dims_the_rest(page, app_url, bundled_analysis):
    kazemi = _actor(bundled_analysis, KAZEMI)
    open_app(page, app_url, "network")
    _settled(page)
    spot = _on_screen(page, kazemi.id)
    page.mouse.click(spot["x"], spot["y"])
    _wait_network_focus(page, kazemi.id)
    wait_for_app(page)
    assert _focus_param(page) == f"actor:{kazemi.id}"
    primary, lit = Focus(type="actor", id=kazemi.id).actor_ids(bundled_analysis)
    assert primary == kazemi.id and len(lit) > 1
    state = page.evaluate(
        """() => {
            const d = globalThis.sourcetraceNetworks.network.body.data;
            return {nodes: d.nodes.get().map(n => [n.id, n.color.background, n.font.color]),
                    edges: d.edges.get().map(e => [e.from, e.to, e.color.color])};
        }"""
    )
    colours = {n["id"]: n["color"] for n in network_data(bundled_analysis)["nodes"]}
    for node_id, background, font in state["nodes"]:
        if node_id in lit:
            assert (background, font) == (colours[node_id], "#1b1f24"), node_id
        else:
            assert (background, font) == (FADE, "#a3abb4"), node_id
    lit_edges = {(f, t) for f, t, c in state["edges"] if c == "#5b6b7c"}
    touching = {(f, t) for f, t, _ in state["edges"] if kazemi.id in (f, t)}
    assert lit_edges == touching and touching
    assert all(c == "#e6e9ed" for f, t, c in state["edges"] if (f, t) not in touching)
    assert f"Focus: {KAZEMI}" in page.locator(PANEL).inner_text()


def test_node_tooltip_sits_beside_the_node(page, app_url, bundled_analysis):
    open_app(page, app_url, "network")
    _settled(page)
    by_mentions = sorted(bundled_analysis.actors, key=lambda a: -len(a.mentions))
    for actor in by_mentions[:4]:  # the biggest nodes: the easiest to cover
        spot = _on_screen(page, actor.id)
        page.mouse.move(spot["x"] - 40, spot["y"] - 40)
        page.mouse.move(spot["x"], spot["y"], steps=4)
        tip = page.locator(TIP)
        tip.wait_for(state="visible", timeout=5_000)
        assert tip.get_attribute("data-for") == f"node:{actor.id}"
        assert tip.inner_text().startswith(f"{actor.name} ({actor.type}, {actor.kind})")
        rect = tip.bounding_box()
        box = {"left": rect["x"], "top": rect["y"], "right": rect["x"] + rect["width"],
               "bottom": rect["y"] + rect["height"]}
        assert not _overlap(box, spot["box"]), (actor.name, box, spot["box"])
        net = page.locator(NETWORK).bounding_box()
        assert net["x"] <= box["left"] and box["right"] <= net["x"] + net["width"] + 0.5
        page.mouse.move(5, 5)
        tip.wait_for(state="hidden", timeout=5_000)


def test_edge_tooltip_names_both_actors_and_shows_the_whole_sentence_as_text(page, app_url, bundled_analysis):
    open_app(page, app_url, "network")
    _settled(page)
    graph = network_data(bundled_analysis)
    names = {a.id: a.name for a in bundled_analysis.actors}
    # a typed edge (the longest evidence sentences first) with a point that only it covers
    candidates = sorted((e for e in graph["edges"] if e["class"] == "typed"), key=lambda e: -len(e["title"]))
    found = page.evaluate(
        """(ids) => {
            const net = globalThis.sourcetraceNetworks.network;
            const c = net.body.container.getBoundingClientRect();
            for (const id of ids) {
                const curve = net.body.edges[id].edgeType;  // the drawn (curved) line
                for (let t = 0.3; t < 0.71; t += 0.05) {
                    const p = net.canvasToDOM(curve.getPoint(t));
                    const around = [[0, 0], [0.5, 0], [-0.5, 0], [0, 0.5], [0, -0.5]]
                        .map(([dx, dy]) => ({x: p.x + dx, y: p.y + dy}));
                    if (around.every((q) => net.getEdgeAt(q) === id && net.getNodeAt(q) === undefined))
                        return {id, x: c.left + p.x, y: c.top + p.y};
                }
            }
            return null;
        }""",
        [e["id"] for e in candidates],
    )
    assert found is not None, "no typed edge can be hovered on its own"
    edge = next(e for e in candidates if e["id"] == found["id"])
    relation = bundled_analysis.relations[int(edge["id"][1:])]
    sentence = " ".join(relation.evidence[0].text.split())
    point = found
    page.mouse.move(point["x"] - 30, point["y"] - 30)
    page.mouse.move(point["x"], point["y"], steps=4)
    tip = page.locator(TIP)
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.get_attribute("data-for") == f"edge:{edge['id']}"
    text = tip.inner_text()
    head = text.splitlines()[0]
    assert names[relation.source] in head and names[relation.target] in head
    assert sentence in " ".join(text.split())
    assert tip.evaluate("el => el.children.length") == 0  # text only, never markup


def test_png_download_of_the_network_as_shown(page, app_url, bundled_analysis):
    kazemi = _actor(bundled_analysis, KAZEMI)
    open_app(page, app_url, "network", focus=f"actor:{kazemi.id}")
    _settled(page)
    with page.expect_download(timeout=20_000) as info:
        page.locator("[data-testid='sourcetrace-network-png']").click()
    download = info.value
    assert download.suggested_filename == f"sourcetrace-network-{ARTICLE}.png"
    data = open(download.path(), "rb").read()
    assert data[:8] == PNG_SIGNATURE and len(data) > 1000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    canvas = page.evaluate("() => { const k = globalThis.sourcetraceNetworks.network.body.container"
                           ".querySelector('canvas'); return [k.width, k.height]; }")
    assert [width, height] == canvas  # the canvas as drawn, focus highlight included


def test_clicking_the_background_clears_the_focus_everywhere(page, app_url, bundled_analysis):
    kazemi = _actor(bundled_analysis, KAZEMI)
    open_app(page, app_url, "network", focus=f"actor:{kazemi.id}")
    _settled(page)
    assert f"Focus: {KAZEMI}" in page.locator(PANEL).inner_text()
    assert page.locator(NETWORK).get_attribute("data-focus") == kazemi.id
    spot = _empty_spot(page)
    page.mouse.click(spot["x"], spot["y"])
    _wait_network_focus(page, "")
    wait_for_app(page)
    assert _focus_param(page) is None
    assert "Nothing focused" in page.locator(PANEL).inner_text()
    faded = page.evaluate("() => globalThis.sourcetraceNetworks.network.body.data.nodes.get()"
                          f".filter(n => n.color.background === '{FADE}').length")
    assert faded == 0
    # the focus is gone from the other views too
    page.locator("[data-testid='stSidebarNav'] a", has_text="Timeline").click()
    page.wait_for_function("() => location.pathname.endsWith('/timeline')", timeout=20_000)
    wait_for_app(page)
    assert _focus_param(page) is None and "Nothing focused" in page.locator(PANEL).inner_text()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_network_screenshots_with_and_without_focus(sized_page, app_url, bundled_analysis, size):
    kazemi = _actor(bundled_analysis, KAZEMI)
    page, errors = sized_page
    open_app(page, app_url, "network")
    _settled(page)
    net = page.locator(NETWORK).bounding_box()
    assert net["y"] + net["height"] <= size[1]  # the whole network in the window
    screenshot(page, f"network-v2-{size[0]}x{size[1]}")
    spot = _on_screen(page, kazemi.id)
    page.mouse.click(spot["x"], spot["y"])
    _wait_network_focus(page, kazemi.id)
    wait_for_app(page)
    page.mouse.move(spot["x"] - 60, spot["y"] - 60)
    page.mouse.move(spot["x"], spot["y"], steps=4)  # hover it again: its tooltip beside it
    page.locator(TIP).wait_for(state="visible", timeout=5_000)
    screenshot(page, f"network-v2-focus-{size[0]}x{size[1]}")
    assert errors == []
