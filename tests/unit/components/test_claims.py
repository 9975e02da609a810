"""components/claims.py without Streamlit running: a card's chain and its one markdown block."""

from __future__ import annotations

import pytest

from components.claims import breadcrumbs_html, card_markdown
from sourcetrace.model import Analysis, ChainLink
from tests.conftest import MADE_UP_TEXT

TEXT = MADE_UP_TEXT


@pytest.fixture
def analysis(made_up_analysis) -> Analysis:
    return made_up_analysis


def test_breadcrumbs_escape_the_chain(analysis):
    c1 = analysis.claims[0]
    evil = c1.model_copy(update={"chain": [ChainLink(label="<img src=x>", kind="named")]})
    assert "&lt;img src=x&gt;" in breadcrumbs_html(evil) and "<img" not in breadcrumbs_html(evil)


def test_card_is_one_markdown_block_with_badges_and_escaped_text(analysis):
    c1, c2, c3 = analysis.claims
    card = card_markdown(c1)
    assert card.startswith('<div class="st-crumbs">')
    assert "“Ali Reza met &lt;Bob&gt; in Paris on 2 May 2007”" in card and "<Bob>" not in card
    assert card.split("\n\n")[1] == ":orange-badge[anonymous source] :gray-badge[1 hop]"
    assert "corrected" not in card
    assert card_markdown(c2).split("\n\n")[1].endswith(":orange-badge[hedged]")
    assert card_markdown(c3).split("\n\n")[1].endswith(":red-badge[denial]")
    fixed = c3.model_copy(update={"corrected": True})
    assert card_markdown(fixed).split("\n\n")[1].endswith(":red-badge[denial] :violet-badge[✎ corrected]")
    # a blank line in the article text would end the HTML block and let the rest be read as Markdown
    two = c1.model_copy(update={"content": c1.content.model_copy(update={"text": "one\n\n# two *x*"})})
    assert card_markdown(two).count("\n\n") == 1
    # ... and its line breaks are kept, as character references the browser shows as breaks
    assert "“one&#10;&#10;# two *x*”" in card_markdown(two)
