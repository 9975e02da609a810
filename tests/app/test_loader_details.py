"""AppTest: the loader's details (publisher, headline, date) replace what a pasted text says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.session import ARTICLE_KEY

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[2]
PASTED = (
    "Dock strike ends after talks\nBy Joana Marques | Atlantic Wire | March 15, 2024\nShare this\n\n"
    "LISBON, March 15 (Atlantic Wire) - Dock workers ended a four-day strike on Friday after the union "
    "reached a deal with the port authority, union leader Rui Costa said.\n"
)


@pytest.fixture(autouse=True)
def _own_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))


def _paste(at: AppTest, text: str) -> None:
    at.sidebar.text_area(key="loader-paste").input(text)
    next(b for b in at.sidebar.button if b.label == "Analyse").click().run()
    assert not at.exception and not at.sidebar.error


def test_details_override_what_the_pasted_text_says():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    _paste(at, PASTED)
    article = at.session_state[ARTICLE_KEY]
    assert (article.title, article.publisher, article.published) == (
        "Dock strike ends after talks", None, "2024-03-15"
    )
    at.sidebar.text_input(key="loader-publisher").input("Harbour Times")
    at.sidebar.text_input(key="loader-title").input("  Lisbon dockers back at work ")
    at.sidebar.date_input(key="loader-published").set_value(date(2024, 3, 16))
    _paste(at, PASTED + "\nThe port reopens on Saturday.\n")
    article = at.session_state[ARTICLE_KEY]
    assert (article.title, article.publisher, article.published) == (
        "Lisbon dockers back at work", "Harbour Times", "2024-03-16"
    )
