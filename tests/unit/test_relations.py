"""Relations: co-occurrence weights, typed dependency edges and source-of edges, on hand-made actors."""

from __future__ import annotations

import re

from sourcetrace.model import Actor, Attribution
from sourcetrace.relations import build_relations
from tests.helpers import span_at as _span


def _actor(text: str, actor_id: str, *names: str, kind: str = "named") -> Actor:
    """An actor whose mentions are every occurrence of its names in `text`."""
    mentions = [
        _span(text, m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)
    ]
    return Actor(id=actor_id, name=names[0], type="PERSON", kind=kind,
                 mentions=sorted(mentions, key=lambda s: s.start))


def _edges(relations, kind: str):
    return {(r.source, r.target): r for r in relations if r.kind == kind}


CO_TEXT = "Talabani met Rubaie in Baghdad. Rubaie later called Talabani. Obeidi stayed home."


def test_cooccurrence_weight_counts_sentences(nlp):
    text = CO_TEXT
    actors = [_actor(text, "a1", "Talabani"), _actor(text, "a2", "Rubaie"), _actor(text, "a3", "Obeidi")]
    relations = build_relations(nlp(text), actors, [])
    cooc = _edges(relations, "co-occurrence")
    assert list(cooc) == [("a1", "a2")]  # Obeidi shares no sentence with anyone
    edge = cooc[("a1", "a2")]
    assert edge.weight == 2.0
    assert [e.text for e in edge.evidence] == [
        "Talabani met Rubaie in Baghdad.", "Rubaie later called Talabani.",
    ]
    for r in relations:
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.text


def test_typed_edge_from_subject_verb_object(nlp):
    text = CO_TEXT
    actors = [_actor(text, "a1", "Talabani"), _actor(text, "a2", "Rubaie")]
    relations = build_relations(nlp(text), actors, [])
    meet = [r for r in relations if r.kind == "meet"]
    assert [(r.source, r.target, r.label, r.weight) for r in meet] == [("a1", "a2", "met", 1.0)]
    call = [r for r in relations if r.kind == "call"]
    assert [(r.source, r.target, r.label) for r in call] == [("a2", "a1", "called")]
    assert relations[0].kind == "meet"  # typed edges come first


def test_typed_edge_through_preposition_and_naming_modifier(nlp):
    text = (
        'The source said that an Iranian intelligence officer identified as "Hashemi" played the role '
        "of the liaison officer and fully coordinates with al-Vaeli and al-Rubai’i in order to complete "
        "the structure."
    )
    actors = [
        _actor(text, "a1", "Hashemi"),
        _actor(text, "a2", "al-Vaeli"),
        _actor(text, "a3", "al-Rubai’i"),
    ]
    relations = build_relations(nlp(text), actors, [])
    typed = [(r.source, r.target, r.kind, r.label) for r in relations if r.kind == "coordinate"]
    assert typed == [
        ("a1", "a2", "coordinate", "coordinates with"),
        ("a1", "a3", "coordinate", "coordinates with"),
    ]


def test_passive_agent_points_from_doer(nlp):
    text = "Rubaie was appointed by Talabani."
    actors = [_actor(text, "a1", "Rubaie"), _actor(text, "a2", "Talabani")]
    relations = build_relations(nlp(text), actors, [])
    appointed = [(r.source, r.target, r.kind) for r in relations if r.kind == "appoint"]
    assert appointed == [("a2", "a1", "appoint")]


def test_source_of_edge_from_attribution(nlp):
    text = "The official said that Qumi attends the meetings with al-Vaeli. It rained."
    actors = [
        _actor(text, "a1", "The official", kind="anonymous"),
        _actor(text, "a2", "Qumi"),
        _actor(text, "a3", "al-Vaeli"),
    ]
    cue = text.index("said")
    content_start = text.index("Qumi")
    content_end = text.index(".")
    attribution = Attribution(
        id="t1", cue=_span(text, cue, cue + 4), source=_span(text, 0, 12), source_actor="a1",
        content=_span(text, content_start, content_end),
    )
    relations = build_relations(nlp(text), actors, [attribution])
    sourced = _edges(relations, "source-of")
    assert list(sourced) == [("a1", "a2"), ("a1", "a3")]
    assert [e.text for e in sourced[("a1", "a2")].evidence] == [
        "The official said that Qumi attends the meetings with al-Vaeli."
    ]
    assert sourced[("a1", "a2")].weight == 1.0


def test_source_of_keeps_content_span_outside_cue_sentence(nlp):
    text = "Qumi runs the meetings. That is what the official said."
    actors = [_actor(text, "a1", "the official", kind="anonymous"), _actor(text, "a2", "Qumi")]
    cue = text.index("said")
    attribution = Attribution(
        id="t1", cue=_span(text, cue, cue + 4), source=_span(text, 36, 48), source_actor="a1",
        content=_span(text, 0, 22),
    )
    relations = build_relations(nlp(text), actors, [attribution])
    edge = _edges(relations, "source-of")[("a1", "a2")]
    assert [e.text for e in edge.evidence] == ["Qumi runs the meetings", "That is what the official said."]


def test_no_self_loops_and_deterministic(nlp):
    text = "Talabani praised Talabani's office. Talabani met Rubaie."
    actors = [_actor(text, "a1", "Talabani"), _actor(text, "a2", "Rubaie")]
    doc = nlp(text)
    first = build_relations(doc, actors, [])
    assert all(r.source != r.target for r in first)
    assert first == build_relations(doc, actors, [])


def test_no_actors_no_relations(nlp):
    assert build_relations(nlp("Nothing to see here."), [], []) == []


def test_frames_give_no_source_of_edges_and_nested_content_belongs_to_inner_source(nlp):
    text = "Al-Malaf reported that the official said that Qumi met al-Vaeli."
    actors = [
        _actor(text, "a1", "Al-Malaf"),
        _actor(text, "a2", "the official", kind="anonymous"),
        _actor(text, "a3", "Qumi"),
        _actor(text, "a4", "al-Vaeli"),
    ]
    whole = _span(text, 0, len(text))
    frame = Attribution(id="t0", cue=_span(text, 0, 8), source=None, source_actor="a1",
                        content=whole, frame=True)
    outer = Attribution(id="t1", cue=_span(text, 9, 17), source=_span(text, 0, 8), source_actor="a1",
                        content=_span(text, 23, len(text) - 1), parent="t0")
    inner = Attribution(id="t2", cue=_span(text, 36, 40), source=_span(text, 23, 35), source_actor="a2",
                        content=_span(text, 46, len(text) - 1), parent="t1")
    relations = build_relations(nlp(text), actors, [frame, outer, inner])
    assert list(_edges(relations, "source-of")) == [("a1", "a2"), ("a2", "a3"), ("a2", "a4")]


def test_passive_label_reads_active_and_time_prepositions_are_not_parties(nlp):
    text = "Rubaie was appointed by Talabani. Qumi waited until Talabani. Qumi served as Rubaie."
    actors = [_actor(text, "a1", "Rubaie"), _actor(text, "a2", "Talabani"), _actor(text, "a3", "Qumi")]
    relations = build_relations(nlp(text), actors, [])
    typed = [(r.source, r.target, r.kind, r.label) for r in relations if r.kind != "co-occurrence"]
    assert typed == [("a2", "a1", "appoint", "appointed")]


def test_bundled_article_typed_and_sourced_edges(bundled_analysis):
    a = bundled_analysis
    name = {actor.id: actor.name for actor in a.actors}
    typed = {(name[r.source], name[r.target], r.label) for r in a.relations if r.kind == "coordinate"}
    assert typed == {
        ("Hashemi", "Shirwan al-Vaeli", "coordinates with"),
        ("Hashemi", "Muwaffak al-Rubai’i", "coordinates with"),
    }
    revealed = [r for r in a.relations if r.kind == "reveal" and name[r.target] == "al-Malaf"]
    assert [a.actor(r.source).kind for r in revealed] == ["anonymous"]
    assert revealed[0].label == "revealed to"
    # The publisher's frame covers the whole page: it is the source of no single actor.
    publisher = next(actor.id for actor in a.actors if actor.kind == "publisher")
    assert not any(r.kind == "source-of" and r.source == publisher for r in a.relations)
    assert all(r.source != r.target for r in a.relations)
    for r in a.relations:
        assert r.evidence
        for ev in r.evidence:
            assert a.article.text[ev.start:ev.end] == ev.text
