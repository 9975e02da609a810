"""The Corpus page in headless Chromium at 1280×800: the demo corpus's top claim, its dated path
drawn, no request beyond 127.0.0.1, and an appearance opening the article view with its claim."""

from __future__ import annotations

from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.conftest import ARTIFACTS, chromium_path, screenshot, serve_app, wait_for_app

pytestmark = pytest.mark.e2e

PORT = 8620  # this test's own port (the corpus range is 8620-8629)


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory):
    if chromium_path() is None:
        pytest.skip("No Chromium found: browser tests skipped.")
    with (
        mock.patch("tests.e2e.conftest._free_port", return_value=PORT),
        serve_app(
            ARTIFACTS / "streamlit-corpus.log", SOURCETRACE_HOME=str(tmp_path_factory.mktemp("home"))
        ) as url,
    ):
        yield url


def test_the_corpus_page_draws_a_claims_path_and_opens_an_appearance(corpus_url, page):
    remote: list[str] = []
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(corpus_url) else None)
    page.goto(f"{corpus_url}/corpus?cluster=p1")
    wait_for_app(page)
    page.get_by_text("p1 · the ferry contract may have been awarded without a public tender").wait_for(
        timeout=60_000
    )
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=30_000)
    # the five outlets are the figure's rows, and the drift is listed in words
    for outlet in (
        "The Harbor Ledger",
        "Coastal Wire",
        "The Daily Meridian",
        "Northgate Evening Post",
        "The Bay Chronicle",
    ):
        assert page.locator(".js-plotly-plot .ytick text", has_text=outlet).count() == 1
    assert (
        page.get_by_text("the anonymous source “a port authority official” became a named one").count() == 1
    )
    screenshot(page, "corpus-page-1280x800")
    assert [u for u in remote if not u.startswith(("data:", "blob:"))] == []

    page.locator(".st-key-corpus-app-2").get_by_role("button", name="Open article").click()
    # the article view is the default page: "/" with the article and the focused claim in the query
    page.wait_for_url(lambda u: "/corpus" not in u and "focus=claim" in u, timeout=60_000)
    wait_for_app(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query["article"][0].startswith("sha-")
    assert query["focus"][0].startswith("claim:")
    page.get_by_role("heading", name="Ferry deal at Port Seldon under scrutiny").wait_for(timeout=30_000)
    screenshot(page, "corpus-open-article-1280x800")
