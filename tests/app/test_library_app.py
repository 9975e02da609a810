"""AppTest: the sidebar library (issue 12 point 11): publisher and date, identical titles told apart,
delete with undo, an edit count that follows undo, the import limit of uploads."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from sourcetrace import corrections as C
from sourcetrace.analysis import prepare_article
from sourcetrace.model import Analysis
from sourcetrace.render import escape_markdown
from sourcetrace.workspace import FILENAME, Workspace

pytestmark = pytest.mark.app

SHOWN = "Abelard Quince, the mayor of Lisbon, said on Monday that the bridge would reopen."
FIRST = "Dock strike ends\nLISBON, March 15 - Dock workers ended a four-day strike on Friday, the union said."
SECOND = "Dock strike ends\nLISBON, March 16 - The port reopened on Saturday after the strike, they said."
DOCK = {"title": "Dock strike ends", "publisher": "Atlantic Wire", "published": "2024-03-15"}


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))
    monkeypatch.setenv("SOURCETRACE_WORKSPACE", "shared")
    return tmp_path


def _harness(text: str) -> None:
    from components.library import render_workspace_sidebar
    from sourcetrace.analysis import prepare_article

    render_workspace_sidebar(prepare_article(text, title="Bridge to reopen", publisher="Wire"))


def _two_alike(home) -> tuple[str, str]:
    ws = Workspace(home / FILENAME)
    first, second = prepare_article(FIRST, **DOCK), prepare_article(SECOND, **DOCK)
    ws.add_article(first)
    ws.add_article(second)
    an = Analysis(article=first)
    for edit in (C.add_actor(an, "Dock workers", type="ORG", kind="named"),
                 C.add_actor(an, "the union", type="ORG", kind="named")):
        ws.append_edit(first.content_hash, edit)
    ws.append_edit(first.content_hash, C.undo_entry(ws.edits(first.content_hash)))
    return first.content_hash, second.content_hash


def _app() -> AppTest:
    at = AppTest.from_function(_harness, kwargs={"text": SHOWN}, default_timeout=30)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _listing(at: AppTest) -> list[tuple[str, str]]:
    """(title button, caption) of each listed article, in order."""
    titles = [b.label for b in at.sidebar.button if (b.key or "").startswith("ws-open-")]
    captions = [c.value for c in at.sidebar.caption if " · " in c.value]
    return list(zip(titles, captions, strict=True))


def test_each_article_with_publisher_date_and_edits_in_effect_and_alike_titles_told_apart(home):
    first, second = _two_alike(home)
    at = _app()
    assert _listing(at) == [
        ("Bridge to reopen", "Wire · undated · shown now"),
        ("Dock strike ends",
         escape_markdown("Atlantic Wire · 15 Mar 2024 · “LISBON, March 16 - The port reopened on…”")),
        ("Dock strike ends",  # two edits logged, one undone: one in effect
         escape_markdown("Atlantic Wire · 15 Mar 2024 · 1 edit · “LISBON, March 15 - Dock workers ended a…”")
         ),
    ]


def test_an_article_is_listed_with_its_corrected_headline_publisher_and_date(home):
    """set_article edits in force name the article in the library; undone, the filed ones return."""
    ws = Workspace(home / FILENAME)
    first = prepare_article(FIRST, **DOCK)
    ws.add_article(first)
    an = Analysis(article=first)
    ws.append_edit(first.content_hash, C.set_article(an, publisher="Lusa", published="2024-03-16"))
    ws.append_edit(first.content_hash, C.set_article(an, title="Lisbon dock strike over"))
    at = _app()
    assert _listing(at)[1] == ("Lisbon dock strike over", escape_markdown("Lusa · 16 Mar 2024 · 2 edits"))
    ws.append_edit(first.content_hash, C.undo_entry(ws.edits(first.content_hash)))
    at.run()
    assert _listing(at)[1] == ("Dock strike ends", escape_markdown("Lusa · 16 Mar 2024 · 1 edit"))
    assert ws.article(first.content_hash).publisher == "Atlantic Wire"  # reopened as filed, then corrected


def test_delete_and_undo(home):
    first, second = _two_alike(home)
    at = _app()
    at.button(key=f"ws-delete-{first[:16]}").click().run()
    assert [t for t, _ in _listing(at)] == ["Bridge to reopen", "Dock strike ends"]
    deleted = [m.value for m in at.sidebar.markdown if m.value.startswith("Deleted")]
    assert deleted == ["Deleted “Dock strike ends”."]
    assert not Workspace(home / FILENAME).has_article(first)
    at.button(key="ws-undo-delete").click().run()
    assert not at.exception
    assert len(_listing(at)) == 3 and not [m for m in at.sidebar.markdown if m.value.startswith("Deleted")]
    assert Workspace(home / FILENAME).articles()[-1].edits == 1  # back with its edit


def test_the_article_shown_cannot_be_deleted(home):
    at = _app()
    shown = prepare_article(SHOWN, title="Bridge to reopen", publisher="Wire").content_hash
    button = at.button(key=f"ws-delete-{shown[:16]}")
    assert button.disabled


def test_an_import_above_the_upload_limit_is_refused_with_the_limit_named(home, monkeypatch):
    from sourcetrace import load

    _two_alike(home)
    monkeypatch.setattr(load, "MAX_BYTES", 1024)
    at = _app()
    export = Workspace(home / FILENAME).export_bytes()
    assert len(export) > 1024
    at.sidebar.file_uploader(key="ws-import").set_value(("ws.json", export, "application/json")).run()
    assert [e.value for e in at.sidebar.error] == [
        "This workspace file is larger than the 1 KB limit for files; nothing was imported."
    ]
