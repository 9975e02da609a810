"""The session module owns the article, the focus and the corrected analysis every view sees.

The saved corrections are applied exactly once per run, whichever page shows them: applied twice,
a merge reports a false "not applied" warning that also lands in the JSON download.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sourcetrace import corrections
from sourcetrace.workspace import FILENAME, Workspace

pytestmark = pytest.mark.app

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def merged(tmp_path, monkeypatch, bundled_analysis):
    """A personal workspace holding one merge of two actors of the bundled article."""
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))
    monkeypatch.setenv("SOURCETRACE_WORKSPACE", "shared")
    keep, absorb = bundled_analysis.actors[0], bundled_analysis.actors[1]
    ws = Workspace(tmp_path / FILENAME)
    ws.add_article(bundled_analysis.article)
    ws.append_edit(bundled_analysis.article.content_hash,
                   corrections.merge_actors(bundled_analysis, keep.id, absorb.id))
    return keep, absorb


def test_walkthrough_downloads_carry_the_corrections_applied_once(merged, bundled_analysis, monkeypatch):
    import components.walkthrough as walkthrough
    from sourcetrace import export

    keep, absorb = merged
    downloaded: list[dict] = []
    original = walkthrough.render_downloads

    def spy(analysis, steps, key):  # what the "Analysis (JSON)" button would hand over
        downloaded.append(json.loads(export.to_json(analysis)))
        original(analysis, steps, key)

    monkeypatch.setattr(walkthrough, "render_downloads", spy)
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("pages/walkthrough.py").run()
    assert not at.exception, [e.value for e in at.exception]

    data = downloaded[-1]
    ids = [a["id"] for a in data["actors"]]
    assert len(ids) == len(bundled_analysis.actors) - 1
    assert keep.id in ids and absorb.id not in ids
    assert data["warnings"] == bundled_analysis.warnings  # no false "It was not applied."


def test_every_view_shows_the_same_corrected_analysis(merged, bundled_analysis):
    keep, absorb = merged
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    assert not [c for c in captions if "not applied" in c]
    assert f"{len(bundled_analysis.actors) - 1} actors · " in captions[0]
    at.switch_page("pages/network.py").run()
    assert not at.exception
    assert f"{len(bundled_analysis.actors) - 1} actors · " in at.caption[0].value


def _redate_harness() -> None:
    import streamlit as st

    from components import session
    from sourcetrace.analysis import prepare_article
    from tests.unit.test_corrections_redate import TEXT

    st.session_state[session.ARTICLE_KEY] = prepare_article(
        TEXT, title="Harbour board resigns", publisher="Portmarrow Courier", published="2024-05-15")
    shown = session.analysis()
    st.session_state["_events"] = [(e.start, e.end, e.corrected) for e in shown.events]
    st.session_state["_published"] = shown.article.published


def test_a_corrected_date_reaches_the_events_the_session_shows(tmp_path, monkeypatch):
    """The Corrections page's Article tab sets the date: "yesterday" and "last week" move with it."""
    from sourcetrace.analysis import analyze_text
    from tests.unit.test_corrections_redate import TEXT

    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))
    monkeypatch.setenv("SOURCETRACE_WORKSPACE", "shared")
    filed = analyze_text(TEXT, title="Harbour board resigns", publisher="Portmarrow Courier",
                         published="2024-05-15")
    at = AppTest.from_function(_redate_harness, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["_events"] == [("2024-05-14", "2024-05-14", False),
                                           ("2024-05-06", "2024-05-12", False)]
    Workspace(tmp_path / FILENAME).append_edit(filed.article.content_hash,
                                               corrections.set_article(filed, published="2024-06-20"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["_published"] == "2024-06-20"
    assert at.session_state["_events"] == [("2024-06-19", "2024-06-19", True),
                                           ("2024-06-10", "2024-06-16", True)]
