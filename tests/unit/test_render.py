"""The shared pictures (sourcetrace.render): marked text, chains, the Markdown escaper."""

from __future__ import annotations

import html
import re

from sourcetrace import render
from sourcetrace.focus import Focus
from sourcetrace.model import Attribution, Claim, Span
from tests.conftest import MADE_UP_TEXT


def _text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_the_marked_text_keeps_the_text_and_escapes_it(made_up_analysis):
    out = render.marked_text_html(made_up_analysis, focus=Focus(type="actor", id="a1"))
    assert _text_of(out) == MADE_UP_TEXT
    assert "<Bob>" not in out and "&lt;Bob&gt;" in out
    # the first mention carries the actor's anchor, inside the claim whose anchor comes with it
    assert (
        '<span class="st-anchor" id="actor-a1"></span><span class="st-anchor" id="claim-c1"></span>'
        '<span class="st-ent st-ent-focus st-claim" style="--ent:#2f6fb0" title="Ali Reza · PERSON · named" '
        'data-claims="c1" data-actor="a1">Ali Reza</span>'
    ) in out
    linked = 'class="st-ent st-ent-linked" style="--ent:#2f6fb0" title="An official · PERSON · anonymous"'
    assert linked in out
    assert out.count('id="actor-a1"') == 1


def test_the_report_marks_numbers_cues_and_boilerplate(made_up_analysis):
    text = made_up_analysis.article.text
    cue = Span(start=text.index("said"), end=text.index("said") + 4, text="said")
    said = Attribution(id="t1", cue=cue, source=None, source_actor="a4",
                       content=made_up_analysis.claims[0].content)
    analysis = made_up_analysis.model_copy(update={"attributions": [said]})
    out = render.marked_text_html(analysis, claims=analysis.claims[:1], numbers={"c1": 7}, cues=True)
    assert '<span class="st-cue">said</span>' in out
    # the number is drawn from data-n by CSS: the text stays the article's
    assert '<a class="cn" id="claim-c1" href="#c-c1" data-n="7" aria-label="claim 7"></a>' in out
    assert 'id="claim-c2"' not in out  # only the claims asked for are marked
    assert _text_of(out) == MADE_UP_TEXT


def test_a_chain_is_chips_with_escaped_labels():
    links = [("Daily <b>Planet</b>", "publisher"), ("an official", "anonymous")]
    out = render.chain_html(links, tail="claim")
    assert out == (
        '<span class="st-chain"><span class="st-link st-k-publisher" title="publisher">'
        "Daily &lt;b&gt;Planet&lt;/b&gt;<small>publisher</small></span><span class=\"st-sep\">›</span>"
        '<span class="st-link st-k-anonymous st-last" title="anonymous source">an official'
        '<small>anonymous source</small></span><span class="st-sep">›</span>'
        '<span class="st-link st-tail">claim</span></span>'
    )
    assert render.claim_chain_html(Claim(id="c", content=Span(start=0, end=1, text="x"), chain=[])) == (
        '<span class="st-chain"></span>'
    )


def test_markdown_is_escaped_once_for_every_view():
    assert render.escape_markdown("**al-Malaf** <script>") == "\\*\\*al\\-Malaf\\*\\* &lt;script&gt;"
    assert render.escape_markdown("Hassan Kazemi Qumi") == "Hassan Kazemi Qumi"
    # a bare address is not made a link, a colon never starts a Streamlit directive
    assert render.escape_markdown("at https://example.org :red[x]") == (
        "at https&#58;//example&#46;org &#58;red\\[x\\]"
    )
