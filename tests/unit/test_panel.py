"""sourcetrace.panel: what the claims panel shows (its cards, their order, the focus line, "n of N
shown", "Show all", ✎), decided without Streamlit."""

from __future__ import annotations

import pytest

from sourcetrace.focus import Focus
from sourcetrace.model import Analysis, ChainLink
from sourcetrace.panel import FIRST_CARDS, card, card_words, claims_panel, filter_options
from sourcetrace.sourcing import ClaimSelection


@pytest.fixture
def analysis(made_up_analysis) -> Analysis:
    return made_up_analysis


def test_a_card_carries_its_chain_words_badges_and_hedge_as_text(analysis):
    c1, c2, c3 = analysis.claims
    assert card(c1) == {
        "id": "c1",
        "chain": [
            ["Daily Planet", "publisher", "publisher"], ["An official", "anonymous", "anonymous source"],
        ],
        "voice": None,
        "text": "Ali Reza met <Bob> in Paris on 2 May 2007",  # as written: the component sets it as text
        "badges": [["anonymous source", "orange"], ["1 hop", "gray"]],
        "hedge": None,
        "focused": False,
    }
    assert card(c2)["badges"] == [["document", "violet"], ["1 hop", "gray"], ["hedged", "orange"]]
    assert card(c3)["badges"] == [["named source", "blue"], ["1 hop", "gray"], ["denial", "red"]]
    fixed = c3.model_copy(update={"corrected": True, "dismissed": True})
    assert card(fixed)["badges"][-2:] == [["dismissed", "gray"], ["✎ corrected", "violet"]]
    assert card_words(card(c1)) == (
        "Daily Planet › An official › claim “Ali Reza met <Bob> in Paris on 2 May 2007” "
        "anonymous source 1 hop"
    )
    # line breaks and markup stay the article's characters; long words are cut at 240
    two = c1.model_copy(update={"content": c1.content.model_copy(update={"text": "one\n\n# two *x*"})})
    assert card(two)["text"] == "one\n\n# two *x*"
    long = c1.model_copy(update={"content": c1.content.model_copy(update={"text": "w " * 200})})
    assert len(card(long)["text"]) <= 240 and card(long)["text"].endswith("w…")


def test_own_voice_reads_whose_voice_and_who_republished_it(analysis):
    c1 = analysis.claims[0]
    own = c1.model_copy(update={"chain": [
        ChainLink(label="NCRI", kind="publisher"), ChainLink(label="al-Malaf", kind="outlet"),
        ChainLink(label="unattributed", kind="unattributed")]})
    data = card(own)
    assert data["voice"] == "No source named: al-Malaf's own voice, as republished by NCRI"
    assert data["chain"] == [["NCRI", "publisher", "publisher"], ["al-Malaf", "outlet", "outlet"]]
    assert data["badges"] == [["own voice", "gray"]]
    assert "unattributed" not in card_words(data) and "hop" not in card_words(data)


def test_nothing_focused_lists_every_claim_without_a_count(analysis):
    p = claims_panel(analysis, None)
    assert (p["total"], p["focus"], p["shown"], p["empty"], p["focused"], p["more"]) == (3, *[None] * 5)
    assert [c["id"] for c in p["cards"]] == ["c1", "c2", "c3"]
    labels, kinds = filter_options(analysis)
    assert (labels, kinds) == (["A report", "Ali Reza", "An official"], ["anonymous", "document", "named"])


def test_an_actor_focus_lists_its_claims_and_says_n_of_n(analysis):
    p = claims_panel(analysis, Focus(type="actor", id="a1"))
    assert p["focus"] == {"key": "actor:a1", "label": "Ali Reza"}
    assert p["shown"] == {"n": 2, "total": 3, "why": "about the focused actor"}
    assert [c["id"] for c in p["cards"]] == ["c1", "c3"]
    every = claims_panel(analysis, Focus(type="actor", id="a1"), only_focus=False)
    assert every["shown"] is None
    assert [c["id"] for c in every["cards"]] == ["c1", "c3", "c2"]  # what the focus concerns first


def test_a_focused_claim_keeps_its_place_and_is_marked(analysis):
    p = claims_panel(analysis, Focus(type="claim", id="c2"))
    assert p["shown"] is None and p["focused"] == "c2"
    assert [(c["id"], c["focused"]) for c in p["cards"]] == [("c1", False), ("c2", True), ("c3", False)]
    assert p["focus"]["label"] == "claim: the talks ran from 2005 to 2006"


def test_filters_and_a_selection_say_why_and_can_hide_everything(analysis):
    p = claims_panel(analysis, None, kinds=["document"], sources=["A report"])
    assert p["shown"] == {"n": 1, "total": 3, "why": "source: A report · kind: document"}
    sel = ClaimSelection(type="measure", id="anonymous")
    p = claims_panel(analysis, None, selection=sel)
    assert p["shown"] == {"n": 1, "total": 3, "why": "claims resting on an anonymous source"}
    assert [c["id"] for c in p["cards"]] == ["c1"]
    none = claims_panel(analysis, None, kinds=["outlet"])
    assert none["cards"] == [] and none["empty"] == "No claim matches these filters."
    assert none["shown"]["n"] == 0
    empty = claims_panel(analysis.model_copy(update={"claims": []}), None)
    assert empty["empty"] == "No claims were found in this article." and empty["total"] == 0


def test_the_first_cards_then_show_all_and_a_focused_card_low_in_the_list(analysis):
    c1 = analysis.claims[0]
    many = [c1.model_copy(update={"id": f"k{i}"}) for i in range(FIRST_CARDS + 4)]
    big = analysis.model_copy(update={"claims": many})
    p = claims_panel(big, None)
    assert len(p["cards"]) == FIRST_CARDS
    assert p["more"] == {"label": f"Show all {FIRST_CARDS + 4}", "expanded": False}
    p = claims_panel(big, None, show_all=True)
    assert len(p["cards"]) == FIRST_CARDS + 4
    assert p["more"] == {"label": f"Show the first {FIRST_CARDS}", "expanded": True}
    low = f"k{FIRST_CARDS + 2}"
    p = claims_panel(big, Focus(type="claim", id=low))
    assert [c["id"] for c in p["cards"]][-1] == low and len(p["cards"]) == FIRST_CARDS + 3
    assert p["focused"] == low
