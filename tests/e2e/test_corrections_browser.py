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


def _merge(page) -> None:
    """On the Corrections page focused on KEEP: merge ABSORB into it and check the confirmation."""
    actor_box = page.get_by_role("combobox", name="Actor", exact=True)
    assert actor_box.input_value().startswith(KEEP)  # the focused actor is the one being corrected
    _choose(page, "Merge this other actor into it", ABSORB)
    page.get_by_role("button", name="Merge", exact=True).click()
    wait_for_app(page)
    alert = page.locator("[data-testid='stAlertContentSuccess']")
    assert alert.inner_text().strip() == f"Merged actor “{ABSORB}” into “{KEEP}”"
    assert actor_box.input_value().endswith(f"{KEEP} · named, GPE")


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
        time.sleep(2)  # past the reconnect grace: the first session may now be dropped
        second.close()  # storing this one for reconnects expires the first
        deadline = time.monotonic() + 30
        while mine in folders() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert folders() == {other}
    assert folders() == set()  # the server stopped: nothing left behind
