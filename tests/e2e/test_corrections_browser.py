"""Corrections in headless Chromium: merge two actors on the Corrections page, then see the network
lose the absorbed node and the claims panel count the merged actor's claims.

The first server here is a personal install (SOURCETRACE_WORKSPACE=shared, as `make run` starts it)
with its own empty workspace (SOURCETRACE_HOME in a temporary folder), so the merge persists for a
new session yet never reaches the other browser tests or the user's own workspace. The last test
uses the shared test server in its default mode (session): a merge stays in the session that made it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    ARTIFACTS,
    chromium_path,
    open_app,
    paste,
    screenshot,
    serve_app,
    wait_for_app,
)

pytestmark = pytest.mark.e2e

ARTICLE = "ncri-2007-07-10-iranian-ambassador-iraq-security"
# an analyst's call on this article: "Washington" stands for the U.S. government here
KEEP, ABSORB = "United States", "Washington"
NETWORK = "[data-testid='sourcetrace-network']"
PANEL = ".st-key-claims-panel"


def _serve(home: Path, mode: str, log_name: str, *options: str):
    """`streamlit run app.py` with SOURCETRACE_HOME=home and SOURCETRACE_WORKSPACE=mode."""
    return serve_app(ARTIFACTS / log_name, *options, SOURCETRACE_HOME=str(home), SOURCETRACE_WORKSPACE=mode)


@pytest.fixture(scope="module")
def isolated_app_url(tmp_path_factory) -> Iterator[str]:
    """`streamlit run app.py` as a personal install: one persistent workspace, empty at first."""
    if chromium_path() is None:
        pytest.skip("No Chromium found: browser tests skipped.")
    home = tmp_path_factory.mktemp("workspace-home")
    with _serve(home, "shared", "streamlit-corrections-server.log") as url:
        yield url


def _node_ids(page) -> list[str]:
    page.wait_for_selector(f"{NETWORK}[data-settled='1']", timeout=60_000)
    return page.evaluate("globalThis.sourcetraceNetworks.network.body.data.nodes.getIds()")


def _panel_count(page) -> tuple[int, int]:
    """The claims panel's "N of M shown ..." line for the focused actor (its wording may change)."""
    found = re.search(r"(\d+) of (\d+) (?:claims|shown)", page.locator(PANEL).inner_text())
    assert found, page.locator(PANEL).inner_text()
    return int(found.group(1)), int(found.group(2))


def _choose(page, label: str, option: str) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label` (type to filter, then click)."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option").filter(has_text=option).first.click()
    wait_for_app(page)


def _merge(page, keep: str = KEEP, absorb: str = ABSORB) -> None:
    """On the Corrections page focused on `keep`: merge `absorb` into it and check the confirmation."""
    actor_box = page.get_by_role("combobox", name="Actor", exact=True)
    assert actor_box.input_value().startswith(keep)  # the focused actor is the one being corrected
    merge = page.get_by_role("button", name="Merge", exact=True)
    assert merge.is_disabled()  # no merge target is preselected: one click merges nothing
    _choose(page, "Merge this other actor into it", absorb)
    assert merge.is_enabled()
    merge.click()
    wait_for_app(page)
    alert = page.locator("[data-testid='stAlertContentSuccess']")
    assert alert.inner_text().strip() == f"Merged actor “{absorb}” into “{keep}”"
    assert actor_box.input_value().endswith(f"{keep} · named, GPE")


def test_merging_two_actors_updates_the_network_and_the_panel(page, isolated_app_url, bundled_analysis):
    from sourcetrace.corrections import apply_edits, merge_actors
    from sourcetrace.sourcing import filter_claims

    ids = {a.name: a.id for a in bundled_analysis.actors}
    assert KEEP in ids and ABSORB in ids, sorted(ids)
    keep, absorb = ids[KEEP], ids[ABSORB]
    merged, problems = apply_edits(bundled_analysis, [merge_actors(bundled_analysis, keep, absorb)])
    assert problems == []
    n_claims = len(bundled_analysis.claims)
    before = len(filter_claims(bundled_analysis, actor=keep))
    after = len(filter_claims(merged, actor=keep))
    assert after > before, "the merge must change what the panel counts for the test to mean anything"

    focus = {"article": ARTICLE, "focus": f"actor:{keep}"}
    # the root first, as a reader arrives (older app.py versions ran a deep-linked page alone on a
    # fresh server); the deep links below then open each view with the focus
    open_app(page, isolated_app_url, "", article=ARTICLE)
    open_app(page, isolated_app_url, "network", **focus)
    nodes_before = _node_ids(page)
    assert keep in nodes_before and absorb in nodes_before
    assert _panel_count(page) == (before, n_claims)

    open_app(page, isolated_app_url, "corrections", **focus)
    _merge(page)
    caption = page.locator("[data-testid='stCaptionContainer']").filter(has_text="mention(s)").first
    kept = merged.actor(keep)
    assert ABSORB in kept.aliases
    assert caption.inner_text() == (
        f"{len(kept.mentions)} mention(s); also called {', '.join(kept.aliases)} · ✎ corrected by the analyst"
    )
    assert _panel_count(page) == (after, n_claims)
    screenshot(page, "corrections-after-merge")

    # a new session on the network view: the saved merge is applied before anything is drawn
    open_app(page, isolated_app_url, "network", **focus)
    nodes_after = _node_ids(page)
    assert absorb not in nodes_after and keep in nodes_after
    assert sorted(nodes_after) == sorted(n for n in nodes_before if n != absorb)
    assert _panel_count(page) == (after, n_claims)
    screenshot(page, "network-after-merge")


def test_export_then_import_the_workspace_from_the_sidebar(page, isolated_app_url, tmp_path):
    import json

    open_app(page, isolated_app_url, "", article=ARTICLE)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Articles (", exact=False).click()
    with page.expect_download() as download:
        sidebar.get_by_role("button", name="Export the workspace").click()
    exported = tmp_path / "workspace.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "sourcetrace-workspace"
    n_articles = len(data["articles"])
    n_edits = sum(len(a["edits"]) for a in data["articles"])
    assert n_articles >= 1

    importer = sidebar.get_by_role("region", name="Import a workspace file")
    importer.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(exported))
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stAlertContentSuccess']", timeout=30_000)
    message = sidebar.locator("[data-testid='stAlertContentSuccess']").inner_text().strip()
    assert message == f"Imported {n_articles} article(s): 0 new edit(s), {n_edits} already here."


def test_session_mode_keeps_a_merge_in_the_session_that_made_it(browser, app_url, bundled_analysis):
    """The default (hosted) mode: the sidebar says work lasts for the session; the merge is seen in
    every view of this session and in no other session opening the same article."""
    from components.workspace import SESSION_NOTE

    ids = {a.name: a.id for a in bundled_analysis.actors}
    keep, absorb = ids[KEEP], ids[ABSORB]
    focus = {"article": ARTICLE, "focus": f"actor:{keep}"}
    mine = browser.new_context(viewport={"width": 1280, "height": 800})
    stranger = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = mine.new_page()
        open_app(page, app_url, "corrections", **focus)
        assert SESSION_NOTE in page.locator("[data-testid='stSidebar']").inner_text()
        _merge(page)
        # another view of the same session (the navigation, not a reload: a reload is a new session)
        page.locator("[data-testid='stSidebarNav'] a", has_text="Network").click()
        page.wait_for_function("() => location.pathname.endsWith('/network')", timeout=20_000)
        wait_for_app(page)
        nodes_mine = _node_ids(page)
        assert keep in nodes_mine and absorb not in nodes_mine

        other = stranger.new_page()
        open_app(other, app_url, "network", **focus)
        nodes_other = _node_ids(other)
        assert keep in nodes_other and absorb in nodes_other, "a stranger's session shows another's merge"
        assert sorted(nodes_mine) == sorted(n for n in nodes_other if n != absorb)
    finally:
        mine.close()
        stranger.close()


def test_a_closed_sessions_workspace_folder_is_deleted(browser, tmp_path):
    """Session mode: each session's folder goes once Streamlit drops the closed session (after its
    reconnect grace, here 1 s, when the session store is next touched), and all go with the server."""
    from components.workspace import FOLDER_PREFIX

    sessions = tmp_path / "sessions"

    def folders() -> set[str]:
        return {p.name for p in sessions.glob(FOLDER_PREFIX + "*")}

    with _serve(tmp_path, "session", "streamlit-sessions-server.log",
                "--server.disconnectedSessionTTL", "1") as url:
        first = browser.new_context()
        open_app(first.new_page(), url, "", article=ARTICLE)
        (mine,) = folders()
        second = browser.new_context()
        open_app(second.new_page(), url, "", article=ARTICLE)
        (other,) = folders() - {mine}
        first.close()
        # a session is dropped once its reconnect grace is past and the session store is next
        # touched (another session closing); under load the first close may be seen late, so keep
        # closing short-lived sessions until it goes, or a minute has passed
        deadline = time.monotonic() + 60
        while mine in folders() and time.monotonic() < deadline:
            time.sleep(1.5)  # past the reconnect grace (1 s)
            touch = browser.new_context()
            open_app(touch.new_page(), url, "", article=ARTICLE)
            touch.close()
        assert mine not in folders()
        assert other in folders()  # the live session keeps its folder
        second.close()
    assert folders() == set()  # the server stopped: nothing left behind


# ---------------------------------------------------------------- issue 12 points 9 and 10

# a wire story written for this test: both "United States" and "Washington" are named, and one
# claim rests on Washington's word
STORY = """Talks on the strait stall as sanctions loom

GENEVA, May 11 - The United States warned on Monday that new sanctions were likely if the talks failed.

Washington said the other side had walked out of the talks on Sunday evening.

A senior diplomat said the delegations would meet again next week in Geneva.

The Foreign Ministry in Tehran said the sanctions were illegal and would not change its position.
"""
SIZES = [(1280, 800), (1440, 900), (1920, 1080)]


def _chips(page, selector: str) -> list[str]:
    """The labels of the chain chips inside `selector` (each chip's kind, in <small>, left out)."""
    return page.evaluate(
        """(s) => [...document.querySelectorAll(s + ' .st-link:not(.st-tail)')].map(el => {
              const c = el.cloneNode(true); c.querySelectorAll('small').forEach(n => n.remove());
              return c.textContent.trim(); })""",
        selector,
    )


def _watch(page) -> tuple[list[str], list[str]]:
    """Page errors, and requests that leave 127.0.0.1."""
    from urllib.parse import urlparse

    errors: list[str] = []
    remote: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: remote.append(r.url) if urlparse(r.url).scheme in (
        "http", "https", "ws", "wss") and urlparse(r.url).hostname != "127.0.0.1" else None)
    return errors, remote


def test_a_merge_reaches_every_view_and_export(page, isolated_app_url, tmp_path):
    """Issue 12 point 9, end to end: merge "Washington" into "United States" on the Corrections page;
    the claim that rested on Washington reads United States, marked ✎, in the claims panel, the
    network, the Sources view, the walkthrough and the JSON export."""
    import json

    from sourcetrace.analysis import analyze_article
    from sourcetrace.corrections import apply_edits, merge_actors
    from sourcetrace.load import load_text
    from sourcetrace.walkthrough import build_steps, visible

    extracted = analyze_article(load_text(STORY))
    ids = {a.name: a.id for a in extracted.actors}
    assert KEEP in ids and ABSORB in ids, sorted(ids)
    keep, absorb = ids[KEEP], ids[ABSORB]
    (claim,) = [c for c in extracted.claims if c.chain and c.chain[-1].actor == absorb]
    merged, problems = apply_edits(extracted, [merge_actors(extracted, keep, absorb)])
    assert problems == [] and merged.claim(claim.id).chain[-1].label == KEEP

    errors, remote = _watch(page)
    ref = paste(page, isolated_app_url, STORY)
    focus = {"article": ref, "focus": f"actor:{keep}"}
    card = f"{PANEL} .st-claim-card[data-claim='{claim.id}']"
    open_app(page, isolated_app_url, "corrections", article=ref)  # nothing focused: every card shown
    assert _chips(page, card)[-1] == ABSORB and "✎" not in page.locator(card).inner_text()
    open_app(page, isolated_app_url, "corrections", **focus)
    _merge(page)

    # the claims panel beside the form: the card names the kept actor and is marked
    assert _chips(page, card)[-1] == KEEP
    assert ABSORB not in _chips(page, PANEL)
    assert "✎ corrected" in page.locator(card).inner_text()
    screenshot(page, "corrections-merge-reaches-the-panel")

    open_app(page, isolated_app_url, "network", **focus)  # a new session: the saved merge applies
    nodes = _node_ids(page)
    assert keep in nodes and absorb not in nodes

    open_app(page, isolated_app_url, "sources", article=ref)
    sources = page.locator("[data-testid='stMain'] .who").all_inner_texts()
    assert any(s.startswith(KEEP) for s in sources) and not any(ABSORB in s for s in sources), sources

    steps = visible(build_steps(merged))
    n = next(i for i, s in enumerate(steps, 1) if s.key == f"claim:{claim.id}")
    open_app(page, isolated_app_url, "walkthrough", article=ref, step=str(n))
    slide = _chips(page, "[data-testid='stMain']")
    assert KEEP in slide and ABSORB not in slide, slide

    open_app(page, isolated_app_url, "walkthrough", article=ref)
    with page.expect_download() as download:
        page.get_by_role("button", name="Analysis (JSON)").click()
    saved = tmp_path / "analysis.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    exported = next(c for c in data["claims"] if c["id"] == claim.id)
    assert (exported["chain"][-1]["label"], exported["chain"][-1]["actor"], exported["corrected"]) == (
        KEEP, keep, True)
    assert ABSORB not in [a["name"] for a in data["actors"]]
    assert errors == [] and remote == []


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_corrections_page_is_safe_by_default(browser, app_url, bundled_analysis, size):
    """Issue 12 point 10 at three window sizes: the merge target starts empty and Merge waits for it;
    Delete asks first and says what goes (Cancel keeps the actor); a claim's hop can be inserted."""
    ids = {a.name: a.id for a in bundled_analysis.actors}
    absorb = ids[ABSORB]
    (claim,) = [c for c in bundled_analysis.claims if c.chain and c.chain[-1].actor == absorb]
    w, h = size
    context = browser.new_context(viewport={"width": w, "height": h})
    try:
        page = context.new_page()
        errors, remote = _watch(page)
        open_app(page, app_url, "corrections", article=ARTICLE, focus=f"actor:{absorb}")
        merge_box = page.get_by_role("combobox", name="Merge this other actor into it", exact=True)
        assert merge_box.input_value() == ""
        assert page.get_by_role("button", name="Merge", exact=True).is_disabled()
        screenshot(page, f"corrections-merge-form-{w}x{h}")

        page.get_by_role("button", name="Delete this actor").click()
        wait_for_app(page)
        confirm = page.locator(".st-key-corr-actor-confirm")
        note = confirm.locator("[data-testid='stAlertContentWarning'] [data-testid='stMarkdownContainer']"
                               ).inner_text().strip()
        assert note.startswith(f"Delete “{ABSORB}”? It goes from every view (1 mention"), note
        confirm.scroll_into_view_if_needed()
        screenshot(page, f"corrections-delete-confirm-{w}x{h}")
        confirm.get_by_role("button", name="Cancel").click()
        wait_for_app(page)
        assert page.locator(".st-key-corr-actor-confirm").count() == 0
        assert page.get_by_role("combobox", name="Actor", exact=True).input_value().startswith(ABSORB)

        open_app(page, app_url, "corrections", article=ARTICLE, focus=f"claim:{claim.id}")
        page.get_by_role("tab", name="Claims").click()
        hop = page.get_by_role("button", name="Insert hop")
        assert hop.is_disabled()  # no actor and no words yet
        words = page.get_by_role("textbox", name="Or its words")
        words.fill("Reuters")
        words.press("Enter")
        wait_for_app(page)
        assert hop.is_enabled()
        hop.scroll_into_view_if_needed()
        screenshot(page, f"corrections-hop-insert-{w}x{h}")
        assert errors == [] and remote == []
    finally:
        context.close()
