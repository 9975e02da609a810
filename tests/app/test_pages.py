"""AppTest: every view loads with no exception and shows the bundled article's actors, claims and
events; a loader failure is a message and the article already shown stays; the focus is shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.claims import FIRST_CARDS
from components.session import keyed
from sourcetrace.sourcing import filter_claims
from tests.app import panel as claims_panel

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180
VIEWS = ["pages/article.py", "pages/network.py", "pages/timeline.py"]


@pytest.fixture(autouse=True)
def _own_workspace(tmp_path, monkeypatch):
    """Articles these tests load must not land in the developer's own workspace."""
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))


def _app(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _article_data(at: AppTest) -> dict:
    """What the article view's text component was sent (sourcetrace.render.article_view/_focus)."""
    found = [e.proto for e in at.get("bidi_component") if e.proto.component_name == "sourcetrace_article"]
    assert len(found) == 1, "the article view draws its text with one component"
    return json.loads(found[0].json)


def _actor_id(analysis, name: str) -> str:
    return next(a.id for a in analysis.actors if a.name == name)


@pytest.mark.parametrize("page", VIEWS)
def test_every_view_loads_the_bundled_article_with_its_claims(page):
    at = _app(page)
    text = _markdown(at)
    title = "#### Iranian regime’s ambassador supervises illegal security apparatus in Iraq&#58; report"
    assert title in text
    assert "NCRI · 2007\\-07\\-10" in at.caption[0].value
    # the claims panel beside every view: a card whose chain runs NCRI › al-Malaf › the source
    assert "#### Claims · 19" in text
    chains = [[(kind, label) for label, kind, _ in card["chain"]] for card in claims_panel.panel(at)["cards"]]
    starts = [("publisher", "NCRI"), ("outlet", "al-Malaf")]
    assert any(chain[:2] == starts and len(chain) >= 3 for chain in chains)


def test_article_view_marks_entities_and_lists_actors(bundled_analysis):
    at = _app()
    frame = at.dataframe[0].value
    assert "Hassan Kazemi Qumi" in set(frame["name"])
    row = frame[frame["name"] == "Hassan Kazemi Qumi"].iloc[0]
    assert row["type"] == "PERSON"
    kazemi = _actor_id(bundled_analysis, "Hassan Kazemi Qumi")
    assert row["mentions"] == len(bundled_analysis.actor(kazemi).mentions) >= 2
    data = _article_data(at)
    assert data["view"]["text"] == bundled_analysis.article.text
    runs = data["view"]["runs"]
    text = bundled_analysis.article.text
    assert any(r[3] == kazemi and text[r[0]:r[1]] == "Hassan Kazemi Qumi" for r in runs)
    assert any("st-claim" in r[2].split() for r in runs)


def test_timeline_shows_the_events_over_their_extent():
    at = _app("pages/timeline.py")
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    labels = [t for trace in spec["data"] for t in trace["y"]]
    assert len(labels) >= 3
    ticks = spec["layout"]["yaxis"]["ticktext"]
    assert "the fall of Baghdad" in ticks
    lo, hi = spec["layout"]["xaxis"]["range"]
    assert lo < "2003-04-09" and hi > "2007-07-10"
    assert any("2003-04-09 to 2007-07-10" in c.value for c in at.caption)


def test_network_click_focuses_the_actor_in_the_panel(bundled_analysis):
    kazemi = _actor_id(bundled_analysis, "Hassan Kazemi Qumi")
    at = _app("pages/network.py")
    assert claims_panel.focus_label(at) is None  # "Nothing focused: …"
    # what the frontend sends on a node click
    at.session_state["network"] = {"clicked": {"id": kazemi, "n": 1}}
    at.run()
    assert not at.exception
    assert claims_panel.focus_label(at) == "Hassan Kazemi Qumi"
    assert claims_panel.panel(at)["focus"]["key"] == f"actor:{kazemi}"
    assert at.query_params["focus"] == f"actor:{kazemi}"


def test_deep_link_restores_the_focus(bundled_analysis):
    kazemi = _actor_id(bundled_analysis, "Hassan Kazemi Qumi")
    at = _app(article="ncri-2007-07-10-iranian-ambassador-iraq-security", focus=f"actor:{kazemi}")
    assert claims_panel.focus_label(at) == "Hassan Kazemi Qumi"
    focus = _article_data(at)["focus"]
    assert (focus["key"], focus["primary"], focus["target"]) == (f"actor:{kazemi}", kazemi, "actor")


def test_unknown_link_falls_back_to_the_bundled_article_with_a_message():
    at = _app(article="sha-0000000000000000", focus="actor:a1")
    assert "not loaded on this server" in at.sidebar.error[0].value
    assert "Iranian regime’s ambassador" in _markdown(at)


def test_loader_error_is_a_message_and_keeps_the_article():
    at = _app()
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20
    at.sidebar.file_uploader[0].set_value(("photo.txt", png, "text/plain"))
    at.run()
    assert not at.exception
    assert len(at.sidebar.error) == 1
    message = at.sidebar.error[0].value
    assert "Traceback" not in message and message.endswith((".", "!"))
    assert "Iranian regime’s ambassador" in _markdown(at)


def test_pasted_article_replaces_the_bundled_one():
    at = _app()
    at.sidebar.text_area(key="loader-paste").input(
        "Reuters\n\nMinister resigns: report\n\nLONDON - The minister resigned on Monday, "
        "the BBC reported, citing an unnamed official."
    )
    submit = [b for b in at.sidebar.button if b.label == "Analyse"]
    submit[0].click().run()
    assert not at.exception
    assert not at.sidebar.error
    assert "Minister resigns" in _markdown(at)
    assert at.query_params["article"].startswith("sha-")


def test_show_in_text_opens_the_article_at_the_claim(bundled_analysis):
    at = _app("pages/network.py")
    claim = bundled_analysis.claims[1]
    claims_panel.click(at, "network", "show", claim.id)
    assert at.query_params["focus"] == f"claim:{claim.id}"
    # now on the article view: the actors table is there, the claim is lit and the text scrolls to it
    assert len(at.dataframe) == 1
    data = _article_data(at)
    assert (data["focus"]["claim"], data["focus"]["target"]) == (claim.id, "claim")
    assert data["scroll"] == 1


def _cards(at: AppTest) -> list[str]:
    return claims_panel.cards(at)


def test_claims_panel_shows_the_first_eight_cards_then_all(bundled_analysis):
    n = len(bundled_analysis.claims)
    assert n > FIRST_CARDS
    at = _app()
    assert _cards(at) == [c.id for c in bundled_analysis.claims[:FIRST_CARDS]]
    assert claims_panel.panel(at)["more"] == {"label": f"Show all {n}", "expanded": False}
    claims_panel.click(at, "article", "more")
    assert _cards(at) == [c.id for c in bundled_analysis.claims]
    assert claims_panel.panel(at)["more"] == {"label": f"Show the first {FIRST_CARDS}", "expanded": True}
    claims_panel.click(at, "article", "more")
    assert len(_cards(at)) == FIRST_CARDS


def test_a_card_focuses_its_claim_and_clear_the_focus_clears_it(bundled_analysis):
    at = _app("pages/network.py")
    claim = bundled_analysis.claims[2]
    claims_panel.click(at, "network", "focus", claim.id)
    assert at.query_params["focus"] == f"claim:{claim.id}"
    data = claims_panel.panel(at)
    assert data["focused"] == claim.id and [c["id"] for c in data["cards"] if c["focused"]] == [claim.id]
    assert _cards(at)[2] == claim.id  # the card kept its place
    assert len(at.dataframe) == 0  # no actors table: still on the network, not the article view
    claims_panel.click(at, "network", "clear")
    assert "focus" not in at.query_params and claims_panel.focus_label(at) is None


def test_claim_filters_by_source_kind(bundled_analysis):
    at = _app()
    claims_panel.click(at, "article", "more")
    anonymous = [c.id for c in filter_claims(bundled_analysis, kinds=["anonymous"])]
    assert 0 < len(anonymous) < len(_cards(at)) == len(bundled_analysis.claims)
    kinds = keyed("claims-article-kinds", bundled_analysis.article.content_hash)
    at.multiselect(key=kinds).set_value(["anonymous"]).run()
    assert _cards(at) == anonymous
    badges = [card["badges"] for card in claims_panel.panel(at)["cards"]]
    assert len(badges) == len(anonymous)
    assert all(b[0] == ["anonymous source", "orange"] for b in badges)


def test_uploaded_html_page_is_analysed():
    at = _app()
    page = (
        b"<html><head><title>Mayor quits: report</title></head><body><article>"
        b"<h1>Mayor quits: report</h1><p>The mayor of Springfield resigned on Monday, "
        b"the Springfield Gazette reported, citing a city hall official.</p>"
        b"<p>The official said the mayor would leave office next week.</p></article></body></html>"
    )
    at.sidebar.file_uploader[0].set_value(("mayor.html", page, "text/html"))
    at.run()
    assert not at.exception
    assert not at.sidebar.error
    assert "Mayor quits" in _markdown(at)
    assert "<article>" not in _markdown(at)  # the page's text, not its markup
    assert at.query_params["article"].startswith("sha-")


def test_url_loader_is_off_unless_allowed(monkeypatch):
    monkeypatch.delenv("SOURCETRACE_ALLOW_URLS", raising=False)
    at = _app()
    assert [t.label for t in at.sidebar.tabs] == ["Upload", "Paste"]
    assert any("URL is off" in c.value for c in at.sidebar.caption)


def test_url_loader_refuses_a_private_address_with_a_message(monkeypatch):
    monkeypatch.setenv("SOURCETRACE_ALLOW_URLS", "1")
    at = _app()
    assert [t.label for t in at.sidebar.tabs] == ["Upload", "Paste", "URL"]
    at.sidebar.text_input(key="loader-url").input("http://127.0.0.1:9/private")
    next(b for b in at.sidebar.button if b.label == "Fetch and analyse").click().run()
    assert not at.exception
    assert len(at.sidebar.error) == 1
    assert "127.0.0.1" in at.sidebar.error[0].value  # says which address was refused
    assert "Iranian regime’s ambassador" in _markdown(at)
