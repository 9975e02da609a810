"""AppTest: state belongs to its article (issue 12 point 4).

A type switched off, a claims filter or the timeline's range set for one article is not carried
into the next; the bundled-article selector says when another article is shown; a failed paste
keeps the pasted text; a link's focus that names nothing is dropped with one sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.loader import BUNDLED_KEY, TAB_KEY
from components.session import ARTICLE_KEY, DEFAULT_ARTICLE, FOCUS_KEY, keyed
from tests.app import panel as claims_panel

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
# a wire story written for these tests: ORG and PERSON actors, as in the bundled article
WIRE = (ROOT / "tests" / "fixtures" / "wire" / "dock-strike.txt").read_text(encoding="utf-8")
FRENCH = (
    "Les dockers de Lisbonne ont mis fin vendredi à une grève de quatre jours après un accord avec "
    "le port, a déclaré le chef du syndicat. La grève avait bloqué les navires pendant toute la semaine."
)


@pytest.fixture(autouse=True)
def _own_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))


def _app(path: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if path:
        at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _paste(at: AppTest, text: str) -> None:
    at.sidebar.text_area(key="loader-paste").input(text)
    next(b for b in at.sidebar.button if b.label == "Analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _types_key(at: AppTest) -> str:
    return keyed("article-text-types", at.session_state[ARTICLE_KEY].content_hash)


def test_a_type_hidden_in_one_article_is_shown_in_the_next(bundled_analysis):
    at = _app("pages/article.py")
    pills = at.pills(key=_types_key(at))
    bundled_types = list(pills.value)
    assert "ORG" in bundled_types and len(bundled_types) > 1
    pills.set_value([t for t in bundled_types if t != "ORG"]).run()
    assert "ORG" not in at.pills(key=_types_key(at)).value
    kinds = keyed("claims-article-kinds", bundled_analysis.article.content_hash)
    at.multiselect(key=kinds).set_value(["anonymous"]).run()

    _paste(at, WIRE)
    pasted = at.session_state[ARTICLE_KEY]
    assert pasted.content_hash != bundled_analysis.article.content_hash
    shown = at.pills(key=_types_key(at))
    # every type of the new article is on: the pills' value is all of their options
    assert len(shown.value) == len(shown.options) and "ORG" in shown.value
    assert at.multiselect(key=keyed("claims-article-kinds", pasted.content_hash)).value == []
    assert claims_panel.shown_line(at) is None


def test_the_bundled_selector_says_another_article_is_loaded():
    at = _app()
    assert at.sidebar.selectbox(key=BUNDLED_KEY).value == DEFAULT_ARTICLE
    _paste(at, WIRE)
    assert at.session_state[ARTICLE_KEY].content_hash  # the paste is shown
    selector = at.sidebar.selectbox(key=BUNDLED_KEY)
    assert selector.value is None
    assert selector.placeholder == "(another article is loaded)"
    selector.set_value(DEFAULT_ARTICLE).run()
    assert at.query_params["article"] == DEFAULT_ARTICLE
    assert at.sidebar.selectbox(key=BUNDLED_KEY).value == DEFAULT_ARTICLE


def test_a_failed_paste_keeps_the_text_and_the_paste_tab():
    at = _app()
    at.session_state[TAB_KEY] = "Paste"  # the reader opened the Paste tab
    at.run()
    before = at.session_state[ARTICLE_KEY]
    _paste(at, FRENCH)
    assert [e.value for e in at.sidebar.error] == [
        "The input does not look like English; Sourcetrace reads English only for now."
    ]
    assert at.session_state[ARTICLE_KEY] == before
    assert at.sidebar.text_area(key="loader-paste").value == FRENCH
    assert at.session_state[TAB_KEY] == "Paste"


def test_a_focus_naming_nothing_is_dropped_with_a_note():
    at = _app(focus="actor:a999")
    assert at.session_state[FOCUS_KEY] is None
    assert "focus" not in at.query_params
    assert [i.value for i in at.sidebar.info] == [
        "The link's focus “actor:a999” names nothing in this article, so it was dropped."
    ]


def test_a_malformed_focus_is_dropped_with_a_note():
    at = _app(focus="nonsense")
    assert "focus" not in at.query_params
    assert [i.value for i in at.sidebar.info] == [
        "The link's focus “nonsense” is not an actor, a claim or an event, so it was dropped."
    ]


def test_a_valid_focus_is_kept_without_a_note(bundled_analysis):
    actor = bundled_analysis.actors[0]
    at = _app(focus=f"actor:{actor.id}")
    assert str(at.session_state[FOCUS_KEY]) == f"actor:{actor.id}"
    assert at.query_params["focus"] == f"actor:{actor.id}"
    assert not at.sidebar.info


def test_a_claim_list_naming_nothing_is_dropped_with_a_note():
    at = _app(claims="measure:bogus")
    assert "claims" not in at.query_params
    assert [i.value for i in at.sidebar.info] == [
        "The link's list of claims “measure:bogus” names nothing in this article, so every claim is listed."
    ]


def test_a_valid_claim_list_is_kept_without_a_note():
    at = _app(claims="measure:anonymous")
    assert at.query_params["claims"] == "measure:anonymous"
    assert not at.sidebar.info
