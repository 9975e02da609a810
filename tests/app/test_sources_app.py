"""AppTest: the Sources view (issue 12, point 8) and the claims panel's counts and own-voice wording
(point 7), on the bundled article."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.session import keyed
from components.sources import css_key
from sourcetrace import walkthrough as wt
from sourcetrace.sourcing import source_rows, sourcing_profile, voice
from tests.app import panel as claims_panel

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180
OWN_VOICE = "al-Malaf's own voice, as republished by NCRI"


@pytest.fixture(autouse=True)
def _own_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))


def _app(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _cards(at: AppTest, view: str) -> list[str]:
    return claims_panel.cards(at)


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_sources_view_lists_the_profile_and_one_row_per_source(bundled_analysis):
    at = _app("pages/sources.py")
    text = _markdown(at)
    p = sourcing_profile(bundled_analysis)
    assert len(p.claims) == 19
    assert (len(p.anonymous), len(p.single_source), len(p.documents), len(p.own_voice)) == (6, 11, 1, 8)
    labels = {b.key: b.label for b in at.button if b.key and b.key.startswith("sources-measure-")}
    assert labels == {
        "sources-measure-anonymous": "**6** of 19 rest on an anonymous source",
        "sources-measure-single_source": "**11** of 19 rest on one source only",
        "sources-measure-documents": "**1** of 19 rest on a document",
        "sources-measure-own_voice": "**8** of 19 rest on the article's own voice",
    }
    rows = source_rows(bundled_analysis)
    assert [r.label for r in rows] == [
        "al-Malaf", "a U.S. embassy official in Baghdad", "intelligence reports", "the two Iraqi governments",
        "Washington",
    ]
    assert "#### Sources · 5" in text
    official = rows[1]
    assert (official.kind, len(official.claims)) == ("anonymous", 6)
    assert official.passed_on_by == ((("NCRI", "publisher"), ("al-Malaf", "outlet")),)
    assert ('<div class="who">a U.S. embassy official in Baghdad<span class="kind k-anonymous">'
            "anonymous source</span></div>") in text
    # what it says, each claim with its form, escaped
    said = html.escape(official.said[0].text[:80])
    assert f'<li><span class="form">paraphrase</span>“{said}' in text
    top = "Most relied-on source: a U.S. embassy official in Baghdad (6 claims)"
    assert f"{top} · Relayed from: al-Malaf" in text


def test_a_profile_figure_lists_its_claims_in_the_panel_with_n_of_n(bundled_analysis):
    at = _app("pages/sources.py")
    assert claims_panel.shown_line(at) is None  # no filter, no count line
    at.button(key="sources-measure-own_voice").click().run()
    own = list(sourcing_profile(bundled_analysis).own_voice)
    assert _cards(at, "sources") == own[:8]
    assert at.query_params["claims"] == "measure:own_voice"
    assert claims_panel.shown_line(at) == "8 of 19 shown · claims resting on the article's own voice"
    assert at.button(key="sources-measure-own_voice").proto.type == "primary"
    # the same button again shows every claim
    at.button(key="sources-measure-own_voice").click().run()
    assert "claims" not in at.query_params
    assert len(_cards(at, "sources")) == 8 and claims_panel.shown_line(at) is None


def test_a_source_row_lists_that_sources_claims_and_show_all_clears_it(bundled_analysis):
    official = source_rows(bundled_analysis)[1]
    at = _app("pages/sources.py")
    at.button(key=f"sources-pick-{css_key(official.id)}").click().run()
    assert _cards(at, "sources") == list(official.claims)
    assert claims_panel.shown_line(at) == f"6 of 19 shown · claims resting on {official.label}"
    claims_panel.click(at, "sources", "unfilter")
    assert "claims" not in at.query_params
    assert len(_cards(at, "sources")) == 8


def test_a_link_with_a_selection_reopens_it_on_another_view(bundled_analysis):
    at = _app("pages/network.py", claims="measure:anonymous")
    assert _cards(at, "network") == list(sourcing_profile(bundled_analysis).anonymous)
    assert claims_panel.shown_line(at) == "6 of 19 shown · claims resting on an anonymous source"


def test_kind_filter_says_n_of_n_shown(bundled_analysis):
    at = _app("pages/article.py")
    kinds = keyed("claims-article-kinds", bundled_analysis.article.content_hash)
    at.multiselect(key=kinds).set_value(["document"]).run()
    assert claims_panel.shown_line(at) == "1 of 19 shown · kind: document"
    assert _cards(at, "article") == ["c5"] == [c.id for c in bundled_analysis.claims if c.id == "c5"]


def test_own_voice_reads_as_in_the_walkthrough(bundled_analysis):
    own = [c for c in bundled_analysis.claims if voice(c)]
    assert {voice(c) for c in own} == {OWN_VOICE}
    step = next(s for s in wt.build_steps(bundled_analysis) if s.claim == own[0].id)
    assert f"No source is named: this rests on {OWN_VOICE}." in step.lines
    at = _app("pages/article.py")
    card = next(c for c in claims_panel.panel(at)["cards"] if c["id"] == own[0].id)
    assert card["voice"] == f"No source named: {OWN_VOICE}"
    assert card["badges"] == [["own voice", "gray"]]
    assert all(kind != "unattributed" for _, kind, _ in card["chain"])
    assert "unattributed" not in str(card) and "hop" not in str(card["badges"])


def test_focus_filter_says_how_many_of_all_concern_the_focus(bundled_analysis):
    from sourcetrace.sourcing import filter_claims

    kazemi = next(a.id for a in bundled_analysis.actors if a.name == "Hassan Kazemi Qumi")
    n = len(filter_claims(bundled_analysis, actor=kazemi))
    assert 0 < n < 19
    at = _app("pages/network.py", focus=f"actor:{kazemi}")
    assert claims_panel.shown_line(at) == f"{n} of 19 shown · about the focused actor"
    assert len(_cards(at, "network")) == min(n, 8)
