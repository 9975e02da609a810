"""Pasted web copy end to end: its chrome is structure, never an actor, a claim or an event.

The texts are synthetic (fictional names), written like what a reader copies from a news page:
navigation, a byline with outlet and date, a share line, a photo caption, a wire dateline, a
newsletter blurb, credits, related stories and the comments.
"""

from __future__ import annotations

import json

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.cli import main
from sourcetrace.spans import overlaps

PASTED = """Skip to content
World
Dock strike ends after talks in Lisbon
By Joana Marques | Atlantic Wire | March 15, 2024
Share this
Dock workers walk out of the port of Lisbon on March 14, 2024. Photo: Reuters / Carla Dias

LISBON, March 15 (Atlantic Wire) - Dock workers at the port of Lisbon ended a four-day strike on Friday \
after the union reached a deal with the port authority, union leader Rui Costa said.

"We have a fair agreement," Costa told reporters outside the port.

Subscribe to our newsletter
Get the day's headlines delivered to your inbox every morning.

The port authority said ships would be unloaded again from Saturday.

Reporting by Joana Marques; Editing by Tiago Lopes

Related stories
Ferry fares rise for the second time this year
Port of Porto expands its container terminal

Leave a comment
Ana Silva: Finally some good news for the city.
"""


@pytest.fixture(scope="module")
def analysis():
    return analyze_text(PASTED)


def _chrome_spans(analysis):
    return [(c.span.start, c.span.end) for c in analysis.article.structure.chrome]


def test_headline_date_and_outlet_frame_come_from_the_page(analysis):
    art = analysis.article
    assert (art.title, art.publisher, art.published) == (
        "Dock strike ends after talks in Lisbon", None, "2024-03-15"
    )
    assert [(d.source, d.span.text) for d in art.structure.datelines] == [
        ("Atlantic Wire", "LISBON, March 15 (Atlantic Wire) -")
    ]
    assert [c.kind for c in art.structure.chrome] == [
        "furniture", "furniture", "byline", "furniture", "caption", "dateline", "furniture", "furniture",
        "credit", "related", "related", "related", "comments", "comments",
    ]


def test_chrome_yields_no_actor(analysis):
    assert [(a.name, a.type, a.kind) for a in analysis.actors] == [
        ("Lisbon", "GPE", "named"),
        ("Atlantic Wire", "ORG", "outlet"),
        ("Rui Costa", "PERSON", "named"),
    ]
    chrome = _chrome_spans(analysis)
    for actor in analysis.actors:
        for m in actor.mentions:
            assert not any(overlaps(m.start, m.end, s, e) for s, e in chrome), (actor.name, m.text)


def test_chrome_yields_no_claim_and_the_agency_frames_the_story(analysis):
    assert [([link.label for link in c.chain], c.content.text) for c in analysis.claims] == [
        (["unattributed"], "Dock strike ends after talks in Lisbon"),
        (["Atlantic Wire", "Rui Costa"],
         "Dock workers at the port of Lisbon ended a four-day strike on Friday after the union reached "
         "a deal with the port authority"),
        (["Atlantic Wire", "Rui Costa"], "We have a fair agreement"),
        (["Atlantic Wire", "The port authority"], "ships would be unloaded again from Saturday"),
    ]
    chrome = _chrome_spans(analysis)
    for a in analysis.attributions:
        if not a.frame:
            for span in (a.cue, a.content):
                assert not any(overlaps(span.start, span.end, s, e) for s, e in chrome), span.text


def test_chrome_yields_no_event(analysis):
    chrome = _chrome_spans(analysis)
    for event in analysis.events:
        evidence = event.evidence
        assert not any(overlaps(evidence.start, evidence.end, s, e) for s, e in chrome), event.label
    assert [(e.date_text.text, e.start) for e in analysis.events][0] == ("Friday", "2024-03-15")


def test_details_given_by_the_user_override_what_the_page_says():
    a = analyze_text(
        PASTED, title="Lisbon dockers back at work", publisher="Harbour Times", published="2024-03-16"
    )
    assert (a.article.title, a.article.publisher, a.article.published) == (
        "Lisbon dockers back at work", "Harbour Times", "2024-03-16"
    )
    quote = next(c for c in a.claims if c.content.text == "We have a fair agreement")
    assert [(link.label, link.kind) for link in quote.chain] == [
        ("Harbour Times", "publisher"), ("Atlantic Wire", "outlet"), ("Rui Costa", "named")
    ]


def test_cli_title_publisher_and_published_flags(capsys, tmp_path):
    f = tmp_path / "pasted.txt"
    f.write_text(PASTED, encoding="utf-8")
    code = main([
        "analyze", str(f), "--title", "  Lisbon dockers   back at work ", "--publisher", "Harbour Times",
        "--published", "2024-03-16",
    ])
    article = json.loads(capsys.readouterr().out)["article"]
    assert (code, article["title"], article["publisher"], article["published"]) == (
        0, "Lisbon dockers back at work", "Harbour Times", "2024-03-16"
    )
    # without the flags, the text's own headline and date
    assert main(["analyze", str(f), "--headline", ""]) == 0
    article = json.loads(capsys.readouterr().out)["article"]
    assert (article["title"], article["publisher"], article["published"]) == (
        "Dock strike ends after talks in Lisbon", None, "2024-03-15"
    )


def test_chrome_between_a_headline_and_the_body_is_cut_from_the_subject():
    text = (
        "Port authority seeks a partner for the refinery\n\n0\n\nMinister of Ports Rui Costa\n"
        "Minister of Ports Rui Costa\n"
        "The government says it is looking for a partner to run the refinery.\n\n"
        "The minister said the jobs of the workers would be protected.\n"
    )
    a = analyze_text(text)
    assert [c.kind for c in a.article.structure.chrome] == ["furniture", "furniture", "furniture"]
    says = next(t for t in a.attributions if t.cue.text == "says")
    assert (says.source.text, says.content.text) == (
        "The government", "it is looking for a partner to run the refinery"
    )
