"""An actor name with a blank line in it (NER joined a publisher line to a headline) must not break
the marked text: st.markdown ends an HTML block at a blank line, so no tag may contain one."""

from __future__ import annotations

import re

from sourcetrace import render
from sourcetrace.model import Actor, Analysis, Article, Span


def test_no_tag_of_the_marked_text_spans_a_line_break():
    text = "Harbor Ledger\n\nFerry contract questioned at Port Seldon\n"
    name = "Harbor Ledger\n\nFerry"
    analysis = Analysis(
        article=Article(text=text),
        actors=[Actor(id="a1", name=name, type="ORG", kind="publisher",
                      mentions=[Span(start=0, end=len(name), text=name)])],
    )
    html = render.marked_text_html(analysis)
    tags = re.findall(r"<[^>]*>", html)
    assert any('title="Harbor Ledger Ferry · ORG · publisher"' in t for t in tags)
    assert [t for t in tags if "\n" in t] == []
