"""components/article.py without Streamlit running: the marked text in its box, the actors table."""

from __future__ import annotations

import html as htmllib

import pytest

from components.article import actors_frame, marked_text_html
from sourcetrace.focus import Focus
from sourcetrace.model import Analysis
from tests.conftest import MADE_UP_TEXT

TEXT = MADE_UP_TEXT


@pytest.fixture
def analysis(made_up_analysis) -> Analysis:
    return made_up_analysis


def test_marked_text_escapes_and_keeps_the_text(analysis):
    out = marked_text_html(analysis, Focus(type="actor", id="a1"), None)
    assert "<Bob>" not in out and "&lt;Bob&gt;" in out
    # removing the markup gives back exactly the article text
    import re

    assert htmllib.unescape(re.sub(r"<[^>]+>", "", out)) == TEXT
    assert out.count('class="st-ent st-ent-focus"') == 1  # Ali Reza outside any claim
    assert out.count("st-ent-focus") == 2
    assert '<a class="st-anchor" id="claim-c1"></a>' in out


def test_marked_text_hides_unchosen_types(analysis):
    out = marked_text_html(analysis, None, {"GPE"})
    assert 'data-actor="a3"' in out and 'data-actor="a1"' not in out


def test_actors_table_marks_corrected_actors(analysis):
    actors = [a.model_copy(update={"corrected": a.id == "a3"}) for a in analysis.actors]
    frame = actors_frame(analysis.model_copy(update={"actors": actors}))
    names = dict(zip(frame["id"], frame["name"], strict=True))
    assert names["a3"] == "✎ Paris"
    assert names["a1"] == "Ali Reza"
