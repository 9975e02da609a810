"""AppTest: the Corpus page on the bundled demo corpus: clusters, one claim's path, its drift,
deep links (?cluster=), and an appearance opening the article view with the claim focused."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180
PUBLISHERS = [
    "The Harbor Ledger",
    "Coastal Wire",
    "The Daily Meridian",
    "Northgate Evening Post",
    "The Bay Chronicle",
]


@pytest.fixture(autouse=True)
def _own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))
    monkeypatch.delenv("SOURCETRACE_CORPUS_DIRS", raising=False)


def _corpus(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/corpus.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_demo_corpus_shows_the_claim_that_travelled_first():
    at = _corpus()
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "id",
        "publishers",
        "articles",
        "claim",
        "first",
        "first publisher",
        "drift",
    ]
    top = table.iloc[0]
    assert (top["id"], top["publishers"], top["first"], top["first publisher"]) == (
        "p1",
        5,
        "2025-03-03",
        "The Harbor Ledger",
    )
    assert top["drift"] == "source named, hedge dropped, source dropped, source added, denied"
    text = _markdown(at)
    assert "##### p1 · the ferry contract may have been awarded without a public tender" in text
    assert (
        "- :red[source named] — Coastal Wire → The Daily Meridian\\: the anonymous source "
        "“a port authority official” became a named one, “Mara Ellison”"
    ) in text.splitlines()
    assert (
        "**Coastal Wire** · 2025\\-03\\-04 · Report\\: ferry contract questioned at Port Seldon  \n"
        "Coastal Wire › The Harbor Ledger › a port authority official  \n"
        ":gray-badge[anonymous] :gray-badge[hedged]"
    ) in [m.value for m in at.markdown]
    assert [t.value for t in at.text][:5] == [
        "the ferry contract may have been awarded without a public tender",
        "the ferry contract may have been awarded without a public tender",
        "the ferry contract was awarded without a public tender",
        "The ferry contract was awarded without a public tender",
        "that the ferry contract was awarded without a public tender",
    ]
    # the counts of claims, actors and events are the engine's; the articles and publishers are the corpus's
    assert at.caption[0].value.startswith(
        "The bundled demo corpus (fictional outlets) · 5 articles from 5 publishers · "
    )


def test_a_cluster_link_reopens_that_cluster():
    at = _corpus(cluster="p2")
    assert (
        "##### p2 · The contract, worth 40 million crowns, covers three new ferries for the Seldon crossing"
        in _markdown(at)
    )


def test_an_appearance_opens_its_article_with_the_claim_focused():
    at = _corpus(cluster="p1")
    at.button(key="corpus-open-2").click().run()  # The Daily Meridian, where the source got a name
    assert not at.exception, [e.value for e in at.exception]
    article = at.session_state["article"]
    assert article.publisher == "The Daily Meridian"
    # the article view, not the corpus
    assert "#### Ferry deal at Port Seldon under scrutiny" in _markdown(at)
    assert "#### Corpus: claims across articles" not in _markdown(at)
    focus = at.session_state["focus"]
    assert focus.type == "claim"
    from sourcetrace.analysis import analyze_article

    claim = analyze_article(article).claim(focus.id)
    assert claim.content.text == "the ferry contract was awarded without a public tender"
    assert [link.label for link in claim.chain] == ["The Daily Meridian", "Mara Ellison"]


def test_a_folder_outside_the_allowed_ones_is_refused_in_one_sentence():
    at = _corpus(corpus="/etc")
    assert [e.value for e in at.error] == [
        "This server opens the bundled demo corpus only; the operator can allow folders with "
        "SOURCETRACE_CORPUS_DIRS."
    ]
