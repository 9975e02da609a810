"""A deep link opened first on a fresh server: Streamlit would run pages/network.py alone (its
legacy pages/ mode lasts until a session calls st.navigation); the page's require_frame() switches
the server to st.navigation with public API only, so the view appears inside app.py's frame."""

from __future__ import annotations

import tempfile
from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.conftest import ARTIFACTS, open_app, screenshot, serve_app, wait_for_app

pytestmark = pytest.mark.e2e

ARTICLE = "ncri-2007-07-10-iranian-ambassador-iraq-security"


def test_a_deep_link_first_on_a_fresh_server_opens_inside_the_app(browser, bundled_analysis):
    kazemi = next(a for a in bundled_analysis.actors if a.name == "Hassan Kazemi Qumi")
    with tempfile.TemporaryDirectory() as home, serve_app(
        ARTIFACTS / "streamlit-fresh-server.log", SOURCETRACE_HOME=home, SOURCETRACE_WORKSPACE="session"
    ) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        try:
            page.goto(f"{url}/network?article={ARTICLE}&focus=actor:{kazemi.id}")
            wait_for_app(page)
            page.wait_for_selector(".st-key-claims-panel", timeout=60_000)
            assert urlparse(page.url).path.endswith("/network")
            # app.py's frame: its navigation (seven pages, our titles) and the sidebar loader
            nav = page.locator("[data-testid='stSidebarNav'] a")
            titles = [text.split("\n")[-1] for text in nav.all_inner_texts()]  # after the icon's name
            assert titles == [
                "Article", "Network", "Timeline", "Sources", "Walkthrough", "Corrections", "Corpus"
            ]
            assert page.get_by_text("Bundled articles").is_visible()
            assert f"Focus: {kazemi.name}" in page.locator(".st-key-claims-panel").inner_text()
            assert page.locator("[data-testid='sourcetrace-network']").count() == 1
        finally:
            context.close()


@pytest.mark.parametrize("size", [(1280, 800), (1440, 900), (1920, 1080)])
def test_the_article_views_own_path_opens_it_with_the_links_focus(browser, app_url, bundled_analysis, size):
    """/article is the Article view's own URL path (as /network is the network's); Streamlit serves
    the default page at / only, so /article opened "Page not found" before the view."""
    kazemi = next(a for a in bundled_analysis.actors if a.name == "Hassan Kazemi Qumi")
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        open_app(page, app_url, "article", article=ARTICLE, focus=f"actor:{kazemi.id}")
        page.wait_for_selector(".st-key-claims-panel", timeout=60_000)
        assert page.get_by_text("Page not found").count() == 0
        assert "not found" not in page.locator("body").inner_text().lower()
        assert f"Focus: {kazemi.name}" in page.locator(".st-key-claims-panel").inner_text()
        assert urlparse(page.url).path.endswith("/article")  # the link stays as it was shared
        assert parse_qs(urlparse(page.url).query)["focus"] == [f"actor:{kazemi.id}"]
        assert page.locator("[data-testid='stSidebarNav'] a").count() == 7  # no eighth entry
        screenshot(page, f"article-path-{size[0]}x{size[1]}")
        assert errors == []
    finally:
        context.close()


def test_the_article_path_first_on_a_fresh_server_opens_the_view(browser, bundled_analysis):
    """The same link as the first request a server gets (legacy pages/ mode until st.navigation)."""
    kazemi = next(a for a in bundled_analysis.actors if a.name == "Hassan Kazemi Qumi")
    with tempfile.TemporaryDirectory() as home, serve_app(
        ARTIFACTS / "streamlit-fresh-article.log", SOURCETRACE_HOME=home, SOURCETRACE_WORKSPACE="session"
    ) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        try:
            open_app(page, url, "article", article=ARTICLE, focus=f"actor:{kazemi.id}")
            page.wait_for_selector(".st-key-claims-panel", timeout=60_000)
            assert page.get_by_text("Page not found").count() == 0
            assert f"Focus: {kazemi.name}" in page.locator(".st-key-claims-panel").inner_text()
            assert page.locator("[data-testid='stSidebarNav'] a").count() == 7
        finally:
            context.close()
