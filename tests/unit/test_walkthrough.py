"""Walkthrough steps from hand-made analyses (no NLP model needed)."""

from __future__ import annotations

import pytest

from sourcetrace import walkthrough as wt
from sourcetrace.model import Actor, Analysis, Article, ChainLink, Claim, Event, Relation
from tests.helpers import span_of

TEXT = (
    "Ministry denies talks\n"
    "An official said the talks began in May. "
    "The report says costs rose. "
    "Prices are high. "
    "Reuters reported that Smith resigned."
)


def _span(fragment: str):
    return span_of(TEXT, fragment)


def _link(label: str, kind: str, actor: str | None = None) -> ChainLink:
    return ChainLink(label=label, kind=kind, actor=actor)


PUB = _link("Daily Paper", "publisher", "a0")


def analysis() -> Analysis:
    actors = [
        Actor(id="a0", name="Daily Paper", type="ORG", kind="publisher", mentions=[]),
        Actor(id="a1", name="an official", type="PERSON", kind="anonymous", mentions=[_span("An official")]),
        Actor(
            id="a2", name="Smith", type="PERSON", kind="named", mentions=[_span("Smith")], titles=["Minister"]
        ),
        Actor(id="a3", name="Reuters", type="ORG", kind="outlet", mentions=[_span("Reuters")]),
        Actor(
            id="a4", name="The report", type="WORK_OF_ART", kind="document", mentions=[_span("The report")]
        ),
    ]
    claims = [
        # deliberately out of reading order: the walkthrough sorts by position
        Claim(
            id="c4",
            content=_span("Smith resigned"),
            chain=[PUB, _link("Reuters", "outlet", "a3")],
            actors=["a2"],
        ),
        Claim(
            id="c1",
            content=_span("the talks began in May"),
            chain=[PUB, _link("an official", "anonymous", "a1")],
            hedged=True,
        ),
        Claim(id="c2", content=_span("costs rose"), chain=[PUB, _link("The report", "document", "a4")]),
        Claim(id="c3", content=_span("Prices are high"), chain=[PUB, _link("Daily Paper", "unattributed")]),
        Claim(id="c9", content=_span("Ministry denies talks"), chain=[PUB], dismissed=True),
    ]
    events = [
        Event(
            id="e1",
            label="talks began",
            start="2007-05-01",
            end="2007-05-31",
            precision="month",
            evidence=_span("the talks began in May"),
            actors=[],
        ),
    ]
    relations = [
        Relation(source="a3", target="a2", kind="co-occurrence"),
        Relation(source="a1", target="a2", kind="co-occurrence"),
    ]
    return Analysis(
        article=Article(
            text=TEXT,
            title="Ministry denies talks",
            publisher="Daily Paper",
            published="2007-07-10",
            content_hash="h",
        ),
        actors=actors,
        claims=claims,
        events=events,
        relations=relations,
    )


def test_default_order_is_article_actors_claims_in_reading_order_summary() -> None:
    steps = wt.build_steps(analysis())
    assert [s.key for s in steps] == [
        "article",
        "actors",
        "claim:c1",
        "claim:c2",
        "claim:c3",
        "claim:c4",
        "summary",
    ]
    assert [s.title for s in steps[2:6]] == ["Claim 1 of 4", "Claim 2 of 4", "Claim 3 of 4", "Claim 4 of 4"]


def test_article_step_names_publisher_and_counts() -> None:
    step = wt.build_steps(analysis())[0]
    assert step.title == "Ministry denies talks"
    assert step.lines == [
        "Published by Daily Paper on 2007-07-10.",
        "24 words, 5 actors, 4 claims, 1 dated event.",
    ]
    assert step.actors == ["a0"]


def test_key_actors_step_lists_most_connected_first() -> None:
    step = wt.build_steps(analysis(), n_actors=2)[1]
    assert step.actors[0] == "a2"  # two relations: the hub
    assert len(step.actors) == 2
    assert step.lines[0] == "Smith (Minister, 1 mention)"


def test_claim_step_carries_chain_actors_and_event() -> None:
    steps = {s.key: s for s in wt.build_steps(analysis())}
    c1 = steps["claim:c1"]
    assert c1.chain == ["Daily Paper", "an official"]
    assert c1.chain_kinds == ["publisher", "anonymous"]
    assert c1.actors == ["a0", "a1"]
    assert c1.event == "e1"
    assert c1.lines == [
        "the talks began in May",
        "The claim is hedged.",
        "When: 2007-05-01 – 2007-05-31 (talks began).",
    ]
    c4 = steps["claim:c4"]
    assert c4.actors == ["a0", "a3", "a2"]
    assert c4.event is None
    assert steps["claim:c3"].lines[1] == "No source is named: this rests on Daily Paper's own voice."


def test_sourcing_summary_counts() -> None:
    s = wt.sourcing_summary(analysis())
    assert (s.claims, s.anonymous, s.single_source, s.documents, s.own_voice) == (4, 1, 3, 1, 1)
    assert s.outlets == ["Reuters"]
    assert (s.top_source, s.top_source_claims) == (None, 0)  # every source carries one claim


def test_most_relied_on_source() -> None:
    a = analysis()
    extra = Claim(id="c6", content=_span("Prices are high"), chain=[PUB, _link("an official", "anonymous")])
    a = a.model_copy(update={"claims": [*a.claims, extra]})
    s = wt.sourcing_summary(a)
    assert (s.top_source, s.top_source_claims, s.anonymous) == ("an official", 2, 2)
    assert wt.build_steps(a)[-1].lines[4] == "Most relied-on source: an official (2 claims)."


def test_summary_step_text() -> None:
    step = wt.build_steps(analysis())[-1]
    assert step.lines[:4] == [
        "1 of 4 claims rest on an anonymous source.",
        "3 of 4 rest on one source only.",
        "1 of 4 rest on a document.",
        "1 of 4 rest on the article's own voice (no source named).",
    ]
    assert step.lines[-1] == "Relayed from: Reuters."


def test_summary_figures_are_the_summary_lines_as_numbers() -> None:
    assert wt.summary_figures(analysis()) == [
        ("an anonymous source", 1, 4),
        ("one source only", 3, 4),
        ("a document", 1, 4),
        ("the article's own voice", 1, 4),
    ]
    assert wt.summary_figures(Analysis(article=Article(text="Nothing here.", content_hash="x"))) == []


def test_summary_slide_draws_the_figures_large_and_the_rest_as_lines() -> None:
    from sourcetrace import render

    a = analysis()
    step = wt.build_steps(a)[-1]
    html = render.render("_slide.html", step=step, eyebrow="Daily Paper", figures=wt.summary_figures(a))
    assert html.count('<div class="wt-figure">') == 4
    figure = '<b>3</b><span class="wt-of">of 4 claims</span><span class="wt-label">rest on one source only'
    assert figure in html
    assert "3 of 4 rest on one source only." not in html  # said once, as a figure
    assert "<li>Relayed from: Reuters.</li>" in html


def test_presenter_note_and_next_step_are_escaped_text() -> None:
    from sourcetrace import render

    note = render.render("_note.html", note="<b>Pause</b> & ask")
    assert note == '<div class="wt-note" data-testid="wt-note">&lt;b&gt;Pause&lt;/b&gt; &amp; ask</div>'
    assert "No speaker note for this step." in render.render("_note.html", note=None)
    claim = wt.build_steps(analysis())[2]
    upnext = render.render("_next.html", step=claim)
    assert f"<b>{claim.title}</b><p>{claim.lines[0]}</p><p>{' › '.join(claim.chain)}</p>" in upnext
    assert "End of the walkthrough" in render.render("_next.html", step=None)


def test_outlet_relaying_a_person_is_not_a_second_source() -> None:
    claim = Claim(
        id="c",
        content=_span("Smith resigned"),
        chain=[PUB, _link("Reuters", "outlet"), _link("an official", "anonymous")],
    )
    assert wt.claim_sources(claim) == ["an official"]
    two = claim.model_copy(update={"chain": [PUB, _link("Smith", "named"), _link("The report", "document")]})
    assert wt.claim_sources(two) == ["Smith", "The report"]


def test_relayed_claim_without_a_named_source_is_own_voice() -> None:
    relayed = Claim(
        id="c",
        content=_span("Prices are high"),
        chain=[PUB, _link("Reuters", "outlet"), _link("-", "unattributed")],
    )
    assert wt.rests_on_own_voice(relayed)
    assert wt.claim_sources(relayed) == []
    outlet_only = relayed.model_copy(update={"chain": [PUB, _link("Reuters", "outlet")]})
    assert not wt.rests_on_own_voice(outlet_only)
    assert wt.claim_sources(outlet_only) == ["Reuters"]
    assert wt.rests_on_own_voice(relayed.model_copy(update={"chain": [PUB]}))


def test_empty_analysis_still_has_three_steps() -> None:
    empty = Analysis(article=Article(text="Nothing here.", content_hash="x"))
    steps = wt.build_steps(empty)
    assert [s.key for s in steps] == ["article", "actors", "summary"]
    assert steps[0].title == "Untitled article"
    assert steps[1].lines == ["No actors were found in this article."]
    assert steps[2].lines == ["No claims were found in this article."]


def test_edits_reorder_hide_and_annotate() -> None:
    steps = wt.build_steps(analysis())
    edits = wt.edits_of(steps)
    edits.insert(0, edits.pop(5))  # claim:c4 first
    edits[1] = {"key": "article", "hidden": False, "note": "Start with the headline."}
    edits[3] = {**edits[3], "hidden": True}  # claim:c1
    out = wt.apply_edits(steps, edits)
    assert [s.key for s in out] == [
        "claim:c4",
        "article",
        "actors",
        "claim:c1",
        "claim:c2",
        "claim:c3",
        "summary",
    ]
    assert out[1].note == "Start with the headline."
    assert [s.key for s in wt.visible(out)] == [
        "claim:c4",
        "article",
        "actors",
        "claim:c2",
        "claim:c3",
        "summary",
    ]
    assert wt.edits_of(out)[3] == {"key": "claim:c1", "hidden": True, "note": ""}


def test_edits_survive_a_reanalysis_with_new_and_vanished_claims() -> None:
    old = wt.build_steps(analysis())
    edits = wt.edits_of(wt.move(old, "summary", -10)) + [{"key": "claim:gone", "hidden": True, "note": "x"}]
    a = analysis()
    new_claim = Claim(id="c5", content=_span("Prices"), chain=[PUB])
    a = a.model_copy(update={"claims": [c for c in a.claims if c.id != "c2"] + [new_claim]})
    out = wt.apply_edits(wt.build_steps(a), edits)
    # c2 vanished, "claim:gone" ignored, c5 (reading position between c1 and c3) after c1
    assert [s.key for s in out] == [
        "summary",
        "article",
        "actors",
        "claim:c1",
        "claim:c5",
        "claim:c3",
        "claim:c4",
    ]


def test_move_clamps_at_the_ends() -> None:
    steps = wt.build_steps(analysis())
    assert [s.key for s in wt.move(steps, "actors", -5)][:2] == ["actors", "article"]
    assert wt.move(steps, "summary", 3)[-1].key == "summary"
    assert wt.move(steps, "nope", 1) == steps


@pytest.mark.parametrize(
    ("raw", "count", "expected"),
    [
        ("3", 7, 3),
        ("0", 7, 1),
        ("99", 7, 7),
        ("abc", 7, 1),
        (None, 7, 1),
        ("-2", 7, 1),
        (" 2 ", 7, 2),
        ("4", 0, 1),
    ],
)
def test_clamp_step(raw, count, expected) -> None:
    assert wt.clamp_step(raw, count) == expected


def test_bundled_article_walkthrough_shape(bundled_analysis) -> None:
    steps = wt.build_steps(bundled_analysis)
    assert steps[0].key == "article" and steps[1].key == "actors" and steps[-1].key == "summary"
    claims = [s for s in steps if s.kind == "claim"]
    assert len(claims) == len([c for c in bundled_analysis.claims if not c.dismissed])
    starts = [bundled_analysis.claim(s.claim).content.start for s in claims]
    assert starts == sorted(starts)
