"""State belongs to its article, and the library (issue 12 points 4 and 11), in headless Chromium.

Each test would have caught the bug it is named after: a type hidden in one article hiding entities
in the next, the bundled selector naming the bundled article while a paste is shown, a failed paste
sending the reader back to the Upload tab, an invalid ?focus= left in the URL without a word, and a
library that listed identical titles alike, could not delete, or took imports bigger than uploads.
Screenshots of the loader and the library at 1280×800, 1440×900 and 1920×1080 go to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.conftest import open_app, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
WIRE = (ROOT / "tests" / "fixtures" / "wire" / "dock-strike.txt").read_text(encoding="utf-8")
# the same story as filed again later: the same headline, byline and date, another last paragraph
WIRE_AGAIN = WIRE.replace("The European Commission declined to comment.",
                          "The European Commission said it welcomed the deal.")
FRENCH = (
    "Les dockers de Lisbonne ont mis fin vendredi à une grève de quatre jours après un accord avec "
    "le port, a déclaré le chef du syndicat. La grève avait bloqué les navires pendant toute la semaine."
)
SIZES = [(1280, 800), (1440, 900), (1920, 1080)]
SIZE_IDS = [f"{w}x{h}" for w, h in SIZES]
SIDEBAR = "[data-testid='stSidebar']"


@pytest.fixture
def watched(page):
    """The page, and the page errors and off-host requests seen while the test runs."""
    seen: dict[str, list[str]] = {"errors": [], "remote": []}
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: None if urlsplit(r.url).hostname in ("127.0.0.1", None)
            or r.url.startswith(("data:", "blob:")) else seen["remote"].append(r.url))
    yield page, seen
    assert seen == {"errors": [], "remote": []}


def _ref(page) -> str:
    return parse_qs(urlsplit(page.url).query).get("article", [""])[0]


def _paste_here(page, text: str, expect_loaded: bool = True) -> None:
    """Paste in the loader of this page (same session: no reload)."""
    before = _ref(page)
    sidebar = page.locator(SIDEBAR)
    sidebar.get_by_role("tab", name="Paste").click()
    wait_for_app(page)
    sidebar.locator("textarea").fill(text)
    sidebar.get_by_role("button", name="Analyse").click()
    if expect_loaded:
        page.wait_for_function(
            "(before) => { const r = new URLSearchParams(location.search).get('article') || '';"
            " return r.startsWith('sha-') && r !== before; }", arg=before, timeout=90_000,
        )
    wait_for_app(page)


def _pills(page) -> dict[str, str]:
    """Entity-type pill (its type) -> aria-pressed ("true": the type is shown)."""
    pills = page.locator("[class*='st-key-article-text-types'] button")
    return {pills.nth(i).inner_text().split(" · ")[0]: pills.nth(i).get_attribute("aria-pressed")
            for i in range(pills.count())}


def _selector_text(page) -> str:
    """What the bundled-article selector shows: its value, else its placeholder."""
    box = page.locator(f"{SIDEBAR} [data-testid='stSelectbox'] input")
    return box.input_value() or box.get_attribute("placeholder") or ""


# ---------------------------------------------------------------- point 4: state belongs to its article


def test_a_type_hidden_in_one_article_is_shown_in_the_next(watched, app_url):
    page, _ = watched
    open_app(page, app_url)
    assert _pills(page)["ORG"] == "true"
    org = page.locator("[class*='st-key-article-text-types'] button", has_text="ORG")
    org.click()
    wait_for_app(page)
    assert _pills(page)["ORG"] == "false"
    _paste_here(page, WIRE)
    pills = _pills(page)
    assert set(pills) == {"ORG", "PERSON"}
    assert pills == {"ORG": "true", "PERSON": "true"}  # every type of the new article is shown


def test_the_bundled_selector_says_another_article_is_loaded(watched, app_url):
    page, _ = watched
    open_app(page, app_url)
    assert _selector_text(page) == "ncri-2007-07-10-iranian-ambassador-iraq-security"
    _paste_here(page, WIRE)
    assert _selector_text(page) == "(another article is loaded)"
    # and picking the bundled article again loads it (its name was still the widget's value)
    page.locator(f"{SIDEBAR} [data-testid='stSelectbox'] input").click()
    page.get_by_role("option", name="ncri-2007-07-10-iranian-ambassador-iraq-security").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('article') === "
                           "'ncri-2007-07-10-iranian-ambassador-iraq-security'", timeout=60_000)
    wait_for_app(page)
    assert _selector_text(page) == "ncri-2007-07-10-iranian-ambassador-iraq-security"
    _paste_here(page, WIRE)
    assert _selector_text(page) == "(another article is loaded)"


def test_a_failed_paste_stays_on_the_paste_tab_with_the_text(watched, app_url):
    page, _ = watched
    open_app(page, app_url)
    before = _ref(page)
    _paste_here(page, FRENCH, expect_loaded=False)
    sidebar = page.locator(SIDEBAR)
    sidebar.locator("[data-testid='stAlertContentError']").wait_for(timeout=30_000)
    error = sidebar.locator("[data-testid='stAlertContentError'] [data-testid='stMarkdownContainer']")
    assert error.inner_text() == (
        "The input does not look like English; Sourcetrace reads English only for now."
    )
    assert sidebar.get_by_role("tab", name="Paste").get_attribute("aria-selected") == "true"
    assert sidebar.locator("textarea").input_value() == FRENCH
    assert sidebar.locator("textarea").is_visible()
    assert _ref(page) == before  # the article shown is still the one before


@pytest.mark.parametrize("focus", ["actor:a999", "nonsense"])
def test_an_invalid_focus_is_dropped_from_the_url_with_a_note(watched, app_url, focus):
    page, _ = watched
    open_app(page, app_url, focus=focus)
    assert "focus" not in parse_qs(urlsplit(page.url).query)
    note = page.locator(f"{SIDEBAR} [data-testid='stAlertContentInfo'] [data-testid='stMarkdownContainer']")
    note = note.inner_text()
    reason = "names nothing in this article" if ":" in focus else "is not an actor, a claim or an event"
    assert note == f"The link's focus “{focus}” {reason}, so it was dropped."


def test_a_claim_list_naming_nothing_is_dropped_from_the_url_with_a_note(watched, app_url):
    page, _ = watched
    open_app(page, app_url, claims="measure:bogus")
    assert "claims" not in parse_qs(urlsplit(page.url).query)
    note = page.locator(f"{SIDEBAR} [data-testid='stAlertContentInfo'] [data-testid='stMarkdownContainer']")
    assert note.inner_text() == (
        "The link's list of claims “measure:bogus” names nothing in this article, so every claim is listed."
    )


# ---------------------------------------------------------------- point 11: the library


def _library(page):
    """The library's expander, opened."""
    expander = page.locator(f"{SIDEBAR} .st-key-ws-articles")
    if expander.locator("details").get_attribute("open") is None:
        expander.locator("summary").click()
        wait_for_app(page)
    return expander


def _items(page) -> list[str]:
    return page.locator(f"{SIDEBAR} [class*='st-key-ws-item-']").all_inner_texts()


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_library_tells_alike_articles_apart_and_deletes_with_undo(sized_page, app_url, size):
    page, errors = sized_page
    open_app(page, app_url)
    _paste_here(page, WIRE)
    first = _ref(page)[len("sha-"):]
    _paste_here(page, WIRE_AGAIN)
    second = _ref(page)[len("sha-"):]
    library = _library(page)
    assert library.locator("summary").inner_text().endswith("Articles (3)")
    items = [" ".join(t.split()) for t in _items(page)]
    assert len(items) == 3
    # the same headline, byline and date: a short hash tells them apart; the shown one says so
    assert items[0].startswith("Dock strike ends after talks")
    assert items[0].endswith(f"unknown publisher · 15 Mar 2024 · #{second[:8]} · shown now")
    assert items[1].endswith(f"unknown publisher · 15 Mar 2024 · #{first[:8]}")
    assert "NCRI · 10 Jul 2007" in items[2]
    library.scroll_into_view_if_needed()
    screenshot(page, f"library-{size[0]}x{size[1]}")

    # (a button with a tooltip can be in the DOM twice while it renders: the visible one)
    delete = page.locator(f".st-key-ws-delete-{first[:16]} button:visible").first
    assert page.locator(f".st-key-ws-delete-{second[:16]} button:visible").first.is_disabled()  # shown
    delete.click()
    wait_for_app(page)
    assert library.locator("summary").inner_text().endswith("Articles (2)")
    assert library.locator("details").get_attribute("open") is not None  # still open
    deleted = page.locator(f"{SIDEBAR} .st-key-ws-deleted")
    assert " ".join(deleted.inner_text().split()).startswith("Deleted “Dock strike ends after talks”.")
    assert not any(f"#{first[:8]}" in t for t in _items(page))
    deleted.scroll_into_view_if_needed()
    screenshot(page, f"library-deleted-{size[0]}x{size[1]}")
    deleted.get_by_role("button", name="Undo").click()
    wait_for_app(page)
    assert library.locator("summary").inner_text().endswith("Articles (3)")
    assert page.locator(f"{SIDEBAR} .st-key-ws-deleted").count() == 0
    assert any(f"#{first[:8]}" in t for t in _items(page))
    assert errors == []


def test_the_import_limit_is_the_upload_limit(watched, app_url):
    page, _ = watched
    open_app(page, app_url)
    _library(page)
    limits = page.locator(f"{SIDEBAR} [data-testid='stFileUploaderDropzoneInstructions']").all_inner_texts()
    assert len(limits) == 2  # the article upload, the workspace import
    assert [t.split("•")[0].strip() for t in limits] == ["10MB per file", "10MB per file"]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_loader_screenshots_after_a_failed_paste(browser, app_url, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        open_app(page, app_url)
        _paste_here(page, FRENCH, expect_loaded=False)
        assert page.locator(SIDEBAR).get_by_role("tab", name="Paste").get_attribute("aria-selected") == "true"
        screenshot(page, f"loader-failed-paste-{size[0]}x{size[1]}")
        _paste_here(page, WIRE)
        assert _selector_text(page) == "(another article is loaded)"
        screenshot(page, f"loader-pasted-{size[0]}x{size[1]}")
    finally:
        context.close()



@pytest.fixture(scope="module")
def shared_with_an_undone_edit(tmp_path_factory):
    """A server over a personal workspace in which the bundled article has two edits, one undone."""
    from sourcetrace import corrections as C
    from sourcetrace.load import load_path
    from sourcetrace.model import Analysis
    from sourcetrace.workspace import FILENAME, Workspace
    from tests.e2e.conftest import ARTIFACTS, serve_app

    home = tmp_path_factory.mktemp("shared-home")
    bundled = load_path(ROOT / "data" / "articles" / "ncri-2007-07-10-iranian-ambassador-iraq-security.txt")
    ws = Workspace(home / FILENAME)
    ws.add_article(bundled)
    an = Analysis(article=bundled)
    for words in ("security apparatus", "ministerial security meetings"):
        ws.append_edit(bundled.content_hash, C.add_actor(an, words, type="ORG", kind="named"))
    ws.append_edit(bundled.content_hash, C.undo_entry(ws.edits(bundled.content_hash)))
    with serve_app(ARTIFACTS / "streamlit-server-shared.log", SOURCETRACE_HOME=str(home),
                   SOURCETRACE_WORKSPACE="shared") as url:
        yield url


def test_the_edit_count_is_the_edits_in_effect(watched, shared_with_an_undone_edit):
    page, _ = watched
    open_app(page, shared_with_an_undone_edit)
    _library(page)
    [item] = [" ".join(t.split()) for t in _items(page)]
    assert item.endswith("NCRI · 10 Jul 2007 · 1 edit · shown now")  # 3 log entries, 1 edit in effect
