"""Analyst corrections through the library API, on a hand-made analysis whose every id is known."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcetrace import corrections as C
from sourcetrace.corrections import CorrectionError, Edit, Target, apply_edits
from sourcetrace.model import (
    Actor,
    Analysis,
    Article,
    Attribution,
    ChainLink,
    Claim,
    Event,
    Relation,
    Span,
)
from tests.helpers import span_of

TEXT = (
    "NCRI - al-Malaf reported that an official said Hassan Kazemi Qumi attends the meetings. "
    "Kazemi Qomi met Talabani on July 10, 2007. "
    "Qumi is powerful in Iranian circles."
)


def sp(words: str, nth: int = 0) -> Span:
    return span_of(TEXT, words, nth)


def make_analysis(id_offset: int = 0) -> Analysis:
    """The same story; `id_offset` renumbers every id, as a different pipeline would."""
    def a(n: int) -> str:
        return f"a{n + id_offset}"

    s1 = sp("NCRI - al-Malaf reported that an official said Hassan Kazemi Qumi attends the meetings.")
    s2 = sp("Kazemi Qomi met Talabani on July 10, 2007.")
    c1 = sp("Hassan Kazemi Qumi attends the meetings")
    c2 = sp("Qumi is powerful in Iranian circles", 0)
    return Analysis(
        article=Article(text=TEXT, publisher="NCRI", content_hash="h-test"),
        actors=[
            Actor(id=a(1), name="NCRI", type="ORG", kind="publisher", mentions=[sp("NCRI")]),
            Actor(id=a(2), name="al-Malaf", type="ORG", kind="outlet", mentions=[sp("al-Malaf")]),
            Actor(id=a(3), name="an official", type="PERSON", kind="anonymous", mentions=[sp("an official")]),
            Actor(id=a(4), name="Hassan Kazemi Qumi", type="PERSON", kind="named", aliases=["Qumi"],
                  mentions=[sp("Hassan Kazemi Qumi"), sp("Qumi", 1)]),
            Actor(id=a(5), name="Kazemi Qomi", type="PERSON", kind="named", mentions=[sp("Kazemi Qomi")]),
            Actor(id=a(6), name="Talabani", type="PERSON", kind="named", mentions=[sp("Talabani")]),
        ],
        relations=[
            Relation(source=a(2), target=a(3), kind="source-of", evidence=[s1]),
            Relation(source=a(5), target=a(6), kind="co-occurrence", evidence=[s2]),
            Relation(source=a(4), target=a(6), kind="co-occurrence", evidence=[s2]),
        ],
        events=[
            Event(id="e1", label="Kazemi Qomi met Talabani", start="2007-07-10", end="2007-07-10",
                  precision="day", evidence=s2, actors=[a(5), a(6)], date_text=sp("July 10, 2007")),
        ],
        attributions=[
            Attribution(id="t1", cue=sp("reported"), source=sp("al-Malaf"), source_actor=a(2),
                        content=sp("an official said Hassan Kazemi Qumi attends the meetings"),
                        source_kind="outlet"),
            Attribution(id="t2", cue=sp("said"), source=sp("an official"), source_actor=a(3), content=c1,
                        parent="t1", source_kind="anonymous"),
        ],
        claims=[
            Claim(id="c1", content=c1, actors=[a(4)], chain=[
                ChainLink(label="NCRI", kind="publisher", actor=a(1)),
                ChainLink(label="al-Malaf", kind="outlet", actor=a(2), attribution="t1"),
                ChainLink(label="an official", kind="anonymous", actor=a(3), attribution="t2"),
            ]),
            Claim(id="c2", content=c2, actors=[a(4)], chain=[
                ChainLink(label="NCRI", kind="publisher", actor=a(1)),
                ChainLink(label="unattributed", kind="unattributed"),
            ]),
        ],
    )


@pytest.fixture
def an() -> Analysis:
    return make_analysis()


def by_name(analysis: Analysis, name: str) -> Actor:
    return next(x for x in analysis.actors if x.name == name)


# --- actors ------------------------------------------------------------------------------------


def test_rename_actor_keeps_old_name_as_alias_and_leaves_input_untouched(an):
    out, problems = apply_edits(an, [C.rename_actor(an, "a2", "Al-Malaf (Iraqi news site)")])
    assert problems == []
    actor = out.actor("a2")
    assert actor.name == "Al-Malaf (Iraqi news site)"
    assert actor.aliases == ["al-Malaf"]
    assert actor.corrected is True
    assert out.claim("c1").chain[1].label == "Al-Malaf (Iraqi news site)"
    assert an.actor("a2").name == "al-Malaf" and an.actor("a2").corrected is False


def test_retype_actor_changes_type_and_kind(an):
    out, problems = apply_edits(an, [C.retype_actor(an, "a3", type="ORG", kind="document")])
    assert problems == []
    actor = out.actor("a3")
    assert (actor.type, actor.kind, actor.corrected) == ("ORG", "document", True)
    with pytest.raises(CorrectionError, match="not an actor kind"):
        C.retype_actor(an, "a3", kind="villain")


def test_merge_moves_mentions_aliases_and_every_reference(an):
    out, problems = apply_edits(an, [C.merge_actors(an, "a4", "a5")])
    assert problems == []
    assert out.actor("a5") is None
    keep = out.actor("a4")
    assert [m.text for m in keep.mentions] == ["Hassan Kazemi Qumi", "Kazemi Qomi", "Qumi"]
    assert keep.aliases == ["Qumi", "Kazemi Qomi"]
    assert keep.corrected is True
    assert out.event("e1").actors == ["a4", "a6"]
    # a5–a6 and a4–a6 became the same edge: folded into one of weight 2
    co = [r for r in out.relations if r.kind == "co-occurrence"]
    assert [(r.source, r.target, r.weight, len(r.evidence)) for r in co] == [("a4", "a6", 2.0, 1)]


def test_split_alias_creates_an_actor_with_those_mentions(an):
    edit = C.split_alias(an, "a4", "Qumi")
    out, problems = apply_edits(an, [edit])
    assert problems == []
    new = out.actor(f"a-{edit.id}")
    assert new is not None and new.name == "Qumi" and new.corrected
    assert [(m.start, m.text) for m in new.mentions] == [(sp("Qumi", 1).start, "Qumi")]
    old = out.actor("a4")
    assert [m.text for m in old.mentions] == ["Hassan Kazemi Qumi"] and old.aliases == []
    assert out.claim("c2").actors == [new.id]  # "Qumi is powerful" now rests on the split actor
    assert out.claim("c1").actors == ["a4"]
    assert [x.id for x in out.actors] == ["a1", "a2", "a3", "a4", new.id, "a5", "a6"]
    with pytest.raises(CorrectionError, match="reads"):
        C.split_alias(an, "a4", "Qomi")


def test_add_actor_finds_every_whole_word_mention(an):
    edit = C.add_actor(an, "Iranian", type="NORP", kind="named")
    out, problems = apply_edits(an, [edit])
    assert problems == []
    added = out.actor(f"a-{edit.id}")
    assert (added.name, added.type, added.kind, added.corrected) == ("Iranian", "NORP", "named", True)
    assert [(m.start, m.end) for m in added.mentions] == [(sp("Iranian").start, sp("Iranian").end)]
    assert out.claim("c2").actors == ["a4", added.id]


def test_add_actor_refuses_text_not_in_article_or_not_a_whole_word(an):
    with pytest.raises(CorrectionError, match="does not appear"):
        C.add_actor(an, "Maliki", type="PERSON", kind="named")
    out, problems = apply_edits(an, [C.add_actor(an, "Iran", type="GPE", kind="named")])
    assert len(problems) == 1 and "not a whole word" in problems[0]
    assert len(out.actors) == 6


def test_add_actor_that_the_analysis_now_finds_itself_is_reported(an):
    out, problems = apply_edits(an, [C.add_actor(an, "Talabani", type="PERSON", kind="named")])
    assert problems == [
        "Edit 1 (Added actor “Talabani” (PERSON, named)): an actor named “Talabani” already exists "
        "(the analysis may now find it itself). It was not applied."
    ]
    assert out == an


def test_delete_actor_forgets_it_everywhere(an):
    out, problems = apply_edits(an, [C.delete_actor(an, "a3")])
    assert problems == []
    assert out.actor("a3") is None
    assert out.claim("c1").chain[2].actor is None and out.claim("c1").chain[2].label == "an official"
    assert out.claim("c1").corrected is True
    assert next(t for t in out.attributions if t.id == "t2").source_actor is None
    assert all("a3" not in (r.source, r.target) for r in out.relations)


# --- claims ------------------------------------------------------------------------------------


def test_set_link_changes_source_actor_and_kind(an):
    out, problems = apply_edits(an, [C.set_link(an, "c1", 2, actor_id="a6", kind="named")])
    assert problems == []
    link = out.claim("c1").chain[2]
    assert (link.label, link.kind, link.actor) == ("Talabani", "named", "a6")
    assert out.claim("c1").corrected is True
    with pytest.raises(CorrectionError, match="no link 4"):
        C.set_link(an, "c1", 3, kind="named")


def test_unattribute_keeps_only_the_publisher(an):
    out, problems = apply_edits(an, [C.unattribute_claim(an, "c1")])
    assert problems == []
    assert [(k.label, k.kind, k.actor) for k in out.claim("c1").chain] == [
        ("NCRI", "publisher", "a1"), ("unattributed", "unattributed", None)
    ]


def test_dismiss_claim_keeps_it_marked(an):
    out, problems = apply_edits(an, [C.dismiss_claim(an, "c2")])
    assert problems == []
    assert (out.claim("c2").dismissed, out.claim("c2").corrected) == (True, True)
    assert len(out.claims) == 2


def test_add_claim_with_its_chain(an):
    edit = C.add_claim(an, "Kazemi Qomi met Talabani", [
        {"label": "", "kind": "publisher", "actor": "a1"},
        {"label": "", "kind": "unattributed"},
    ])
    out, problems = apply_edits(an, [edit])
    assert problems == []
    claim = out.claim(f"c-{edit.id}")
    assert claim.content == sp("Kazemi Qomi met Talabani")
    assert [(k.label, k.kind, k.actor) for k in claim.chain] == [
        ("NCRI", "publisher", "a1"), ("unattributed", "unattributed", None)
    ]
    assert claim.actors == ["a5", "a6"] and claim.corrected
    # the same span twice is refused, and said so
    _, problems = apply_edits(an, [edit, C.add_claim(an, "Kazemi Qomi met Talabani", [])])
    assert len(problems) == 1 and "already a claim" in problems[0]


# --- events ------------------------------------------------------------------------------------


def test_set_event_date_interval(an):
    out, problems = apply_edits(an, [C.set_event_date(an, "e1", "2007-07-01", "2007-07-31", "month")])
    assert problems == []
    ev = out.event("e1")
    assert (ev.start, ev.end, ev.precision, ev.corrected, ev.uncertain) == (
        "2007-07-01", "2007-07-31", "month", True, False
    )
    with pytest.raises(CorrectionError, match="ends"):
        C.set_event_date(an, "e1", "2007-08-01", "2007-07-01")
    with pytest.raises(CorrectionError, match="not a date"):
        C.set_event_date(an, "e1", "10/07/2007", None)


def test_delete_and_add_event(an):
    add = C.add_event(an, "Qumi is powerful", "Qumi in power", "2007-01-01", None, "open")
    out, problems = apply_edits(an, [C.delete_event(an, "e1"), add])
    assert problems == []
    assert [e.id for e in out.events] == [f"e-{add.id}"]
    ev = out.events[0]
    assert (ev.label, ev.start, ev.end, ev.precision, ev.uncertain, ev.actors) == (
        "Qumi in power", "2007-01-01", None, "open", True, ["a4"]
    )


# --- the log: undo, redo, history --------------------------------------------------------------


def test_undo_and_redo_are_log_entries(an):
    rename = C.rename_actor(an, "a6", "Jalal Talabani")
    merge = C.merge_actors(an, "a4", "a5")
    log = [rename, merge]
    log.append(C.undo_entry(log))
    assert C.effective_edits(log) == [rename]
    out, _ = apply_edits(an, log)
    assert out.actor("a5") is not None and out.actor("a6").name == "Jalal Talabani"
    log.append(C.redo_entry(log))
    assert C.effective_edits(log) == [rename, merge]
    assert C.redo_entry(log) is None
    # undo twice, then a new edit: the redo stack is gone
    log.append(C.undo_entry(log))
    log.append(C.undo_entry(log))
    assert C.effective_edits(log) == []
    assert C.replay(log).undone == [merge, rename]
    dismiss = C.dismiss_claim(an, "c2")
    log.append(dismiss)
    assert C.effective_edits(log) == [dismiss] and C.redo_entry(log) is None


def test_stale_undo_from_another_tab_changes_nothing(an):
    rename = C.rename_actor(an, "a6", "Jalal Talabani")
    undo = Edit(op="undo", payload={"edit": rename.id})
    assert C.effective_edits([rename, undo, undo]) == []
    assert C.effective_edits([rename, undo, Edit(op="redo", payload={"edit": rename.id})]) == [rename]


def test_describe_reads_without_an_analysis(an):
    rename = C.rename_actor(an, "a6", "Jalal Talabani")
    assert C.describe(rename) == "Renamed actor “Talabani” to “Jalal Talabani”"
    merge = C.merge_actors(an, "a4", "a5")
    assert C.describe(merge) == "Merged actor “Kazemi Qomi” into “Hassan Kazemi Qumi”"
    undo = Edit(op="undo", payload={"edit": rename.id})
    assert C.describe(undo, [rename, undo]) == "Undo: Renamed actor “Talabani” to “Jalal Talabani”"


# --- re-analysis: anchors, not ids -------------------------------------------------------------


def test_edits_follow_anchors_when_ids_are_renumbered(an):
    log = [C.merge_actors(an, "a4", "a5"), C.rename_actor(an, "a6", "Jalal Talabani"),
           C.set_link(an, "c1", 2, actor_id="a6")]
    fresh = make_analysis(id_offset=10)  # another pipeline: a4 is now a14, a6 is a16 ...
    out, problems = apply_edits(fresh, log)
    assert problems == []
    assert out.actor("a15") is None
    assert "Kazemi Qomi" in out.actor("a14").aliases
    assert out.actor("a16").name == "Jalal Talabani"
    assert out.claim("c1").chain[2].actor == "a16"


def test_an_edit_whose_anchor_is_gone_is_reported_and_the_rest_applied(an):
    log = [C.rename_actor(an, "a3", "a U.S. embassy official"), C.rename_actor(an, "a6", "Jalal Talabani")]
    fresh = make_analysis()
    fresh.actors = [x for x in fresh.actors if x.id != "a3"]  # the new model misses "an official"
    out, problems = apply_edits(fresh, log)
    assert problems == [
        "Edit 1 (Renamed actor “an official” to “a U.S. embassy official”): no actor is mentioned at "
        f"“an official” (characters {sp('an official').start}–{sp('an official').end}) any more. "
        "It was not applied."
    ]
    assert out.actor("a6").name == "Jalal Talabani"


def test_an_anchor_whose_text_moved_is_found_nearby(an):
    edit = Edit(op="rename_actor", payload={"name": "Jalal Talabani"},
                targets=[Target(id="zz", span=Span(start=0, end=8, text="Talabani"), name="Talabani")])
    out, problems = apply_edits(an, [edit])
    assert problems == [] and out.actor("a6").name == "Jalal Talabani"
    gone = Edit(op="rename_actor", payload={"name": "X"},
                targets=[Target(span=Span(start=0, end=6, text="Maliki"))])
    _, problems = apply_edits(an, [gone])
    assert problems == [
        "Edit 1 (Renamed actor “Maliki” to “X”): the text “Maliki” (characters 0–6) is no longer in the "
        "article. It was not applied."
    ]


def test_malformed_entry_is_reported_not_raised(an):
    bad = Edit(op="set_link", targets=[C.claim_target(an, "c1")], payload={"index": "first"})
    out, problems = apply_edits(an, [bad])
    assert problems == ["Edit 1 (set_link) is malformed (ValueError). It was not applied."]
    assert out == an


def test_apply_is_deterministic_and_json_round_trips(an):
    log = [C.split_alias(an, "a4", "Qumi"), C.add_actor(an, "Iranian", type="NORP", kind="named"),
           C.dismiss_claim(an, "c1")]
    again = [Edit.model_validate_json(e.model_dump_json()) for e in log]
    assert again == log
    first, _ = apply_edits(an, log)
    second, _ = apply_edits(an, again)
    assert first.model_dump() == second.model_dump()


# --- the bundled article, with the real engine ----------------------------------------------------


def test_add_event_on_the_bundled_article_survives_another_pipeline_setting(bundled_analysis, tmp_path):
    from sourcetrace.analysis import Settings, analyze_article

    words = "Last week the draft legislation had been completed"
    edit = C.add_event(bundled_analysis, words, "Draft legislation completed", "2007-06-25", "2007-07-01",
                       "week")
    out, problems = apply_edits(bundled_analysis, [edit])
    assert problems == []
    ev = out.event(f"e-{edit.id}")
    assert ev.evidence.text == words
    assert bundled_analysis.article.text[ev.evidence.start:ev.evidence.end] == words

    extra = tmp_path / "extra.jsonl"
    extra.write_text('{"label": "ORG", "pattern": "security apparatus"}\n', encoding="utf-8")
    fresh = analyze_article(bundled_analysis.article, Settings(gazetteers=(str(extra),)))
    out2, problems2 = apply_edits(fresh, [edit])
    assert problems2 == []
    again = out2.event(f"e-{edit.id}")
    assert again.model_dump(exclude={"actors"}) == ev.model_dump(exclude={"actors"})


def test_merge_on_the_bundled_article_survives_another_pipeline_setting(bundled_analysis, tmp_path):
    from sourcetrace.analysis import Settings, analyze_article

    named = [x for x in bundled_analysis.actors if x.kind == "named" and x.mentions]
    assert len(named) >= 2, "the engine finds at least two named actors in the bundled article"
    keep, absorb = named[0], named[1]
    log = [C.merge_actors(bundled_analysis, keep.id, absorb.id),
           C.rename_actor(bundled_analysis, keep.id, "Merged by the analyst")]
    extra = tmp_path / "extra.jsonl"
    extra.write_text('{"label": "ORG", "pattern": "security apparatus"}\n', encoding="utf-8")
    fresh = analyze_article(bundled_analysis.article, Settings(gazetteers=(str(extra),)))
    for analysis in (bundled_analysis, fresh):
        out, problems = apply_edits(analysis, log)
        assert problems == []
        merged = [x for x in out.actors if x.name == "Merged by the analyst"]
        assert len(merged) == 1 and merged[0].corrected
        spans = {(m.start, m.end) for m in merged[0].mentions}
        assert {(m.start, m.end) for m in keep.mentions + absorb.mentions} <= spans
        assert len(out.actors) == len(analysis.actors) - 1
        ids = {x.id for x in out.actors}
        assert all(r.source in ids and r.target in ids and r.source != r.target for r in out.relations)


# --- any sequence an analyst can click keeps the analysis consistent ------------------------------


def _consistent(out: Analysis) -> None:
    text = out.article.text
    for span in _all_spans(out.model_dump(exclude={"article"})):
        assert text[span["start"]:span["end"]] == span["text"]
    ids = {a.id for a in out.actors}
    assert len(ids) == len(out.actors)
    assert all(r.source in ids and r.target in ids and r.source != r.target for r in out.relations)
    assert all(set(c.actors) <= ids and all(k.actor in ids for k in c.chain if k.actor) for c in out.claims)
    assert all(set(e.actors) <= ids for e in out.events)
    assert all(t.source_actor in ids for t in out.attributions if t.source_actor)


def _all_spans(obj):
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys():
            yield obj
        for v in obj.values():
            yield from _all_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _all_spans(v)


def _random_edit(cur: Analysis, draw) -> Edit:
    actors = [a.id for a in cur.actors]
    op = draw(st.sampled_from(["rename", "retype", "merge", "split", "add_actor", "delete_actor", "link",
                               "unattribute", "dismiss", "add_claim", "date", "delete_event", "add_event",
                               "hop", "parent", "article"]))
    pick = lambda items: draw(st.sampled_from(items))  # noqa: E731
    words = pick(["Talabani", "Iranian", "Qumi", "meetings", "al-Malaf", "Kazemi Qomi met Talabani"])
    match op:
        case "rename":
            return C.rename_actor(cur, pick(actors), pick(["Jalal Talabani", "X", "al-Malaf"]))
        case "retype":
            return C.retype_actor(cur, pick(actors), type="ORG", kind=pick(list(C.ACTOR_KINDS)))
        case "merge":
            return C.merge_actors(cur, pick(actors), pick(actors))
        case "split":
            actor = cur.actor(pick(actors))
            return C.split_alias(cur, actor.id, pick([m.text for m in actor.mentions] or ["?"]))
        case "add_actor":
            return C.add_actor(cur, words, type="ORG", kind="named")
        case "delete_actor":
            return C.delete_actor(cur, pick(actors))
        case "link":
            claim = cur.claim(pick([c.id for c in cur.claims]))
            return C.set_link(cur, claim.id, len(claim.chain) - 1, actor_id=pick(actors), kind="named")
        case "unattribute":
            return C.unattribute_claim(cur, pick([c.id for c in cur.claims]))
        case "dismiss":
            return C.dismiss_claim(cur, pick([c.id for c in cur.claims]), pick([True, False]))
        case "add_claim":
            return C.add_claim(cur, words, [{"label": "", "kind": "named", "actor": pick(actors)}])
        case "date":
            event = pick([e.id for e in cur.events])
            return C.set_event_date(cur, event, "2007-07-01", "2007-07-31", "month")
        case "delete_event":
            return C.delete_event(cur, pick([e.id for e in cur.events]))
        case "hop":
            claim = cur.claim(pick([c.id for c in cur.claims]))
            return C.insert_hop(cur, claim.id, pick(list(range(len(claim.chain) + 1))),
                                kind=pick(list(C.HOP_KINDS)), actor_id=pick([None, *actors]), label="a hop")
        case "parent":
            claim = cur.claim(pick([c.id for c in cur.claims]))
            other = cur.claim(pick([c.id for c in cur.claims]))
            under = pick([None, *range(len(other.chain))])
            return C.set_parent(cur, claim.id, pick(list(range(len(claim.chain)))),
                                parent_claim_id=other.id if under is not None else None, under=under)
        case "article":
            return C.set_article(cur, title=pick([None, "A headline"]),
                                 publisher=pick([None, "NCRI", "Planet"]),
                                 published=pick([None, "2007-07-11"]))
        case _:
            return C.add_event(cur, words, "an event", "2007-07-10", "2007-07-10")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_click_sequence_stays_consistent_and_undoes_to_the_extraction(data):
    base = make_analysis()
    log: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 8))):
        current, _ = apply_edits(base, log)
        if not current.actors or not current.claims or not current.events:
            break
        try:
            log.append(_random_edit(current, data.draw))
        except CorrectionError:
            continue  # the panel refuses it with a message; nothing is logged
        out, _ = apply_edits(base, log)
        _consistent(out)
    assert apply_edits(base, log)[0] == apply_edits(base, log)[0]  # deterministic
    undone = list(log)
    while (undo := C.undo_entry(undone)) is not None:
        undone.append(undo)
    assert apply_edits(base, undone) == (base, [])


# --- one class per operation ------------------------------------------------------------------------


def test_every_operation_of_the_log_has_its_class():
    from typing import get_args

    assert sorted(C.OPERATIONS) == sorted(set(get_args(C.EditOp)) - {"undo", "redo"})
    assert all(cls.op == op for op, cls in C.OPERATIONS.items())


def test_a_stored_entry_is_read_back_as_its_operation(an):
    edit = C.set_event_date(an, "e1", "2007-07-10", "", "week")
    assert edit.payload == {"start": "2007-07-10", "end": None, "precision": "week"}
    operation = C.OPERATIONS[edit.op].of(edit)
    assert isinstance(operation, C.SetEventDate)
    assert (operation.start, operation.end, operation.precision) == ("2007-07-10", None, "week")
    assert C.dismiss_claim(an, "c1").payload == {}
    assert C.dismiss_claim(an, "c1", dismissed=False).payload == {"dismissed": False}
    assert C.retype_actor(an, "a4", kind="anonymous").payload == {"kind": "anonymous"}


def test_a_check_is_written_once_for_the_builder_and_the_stored_entry(an):
    """The builder refuses a bad value with its sentence; a stored entry with it is malformed."""
    with pytest.raises(CorrectionError) as refused:
        C.retype_actor(an, "a4", kind="ghost")
    assert str(refused.value) == (
        "“ghost” is not an actor kind (named, anonymous, publisher, outlet, document)."
    )
    forged = Edit(op="retype_actor", targets=[C.actor_target(an, "a4")], payload={"kind": "ghost"})
    out, problems = apply_edits(an, [forged])
    assert problems == ["Edit 1 (retype_actor) is malformed (ValueError). It was not applied."]
    assert out == an
    bad_dates = ({"start": "10 July 2007", "precision": "day"}, {"start": "2007-07-10", "end": "2007-07-01"},
                 {"precision": "fortnight"})
    for payload in bad_dates:
        stored = Edit(op="set_event_date", targets=[C.event_target(an, "e1")], payload=payload)
        assert apply_edits(an, [stored])[1] == [
            "Edit 1 (set_event_date) is malformed (ValueError). It was not applied."
        ]


def test_an_entry_with_the_wrong_number_of_targets_is_malformed(an):
    half_merge = Edit(op="merge_actors", targets=[C.actor_target(an, "a4")])
    no_target = Edit(op="rename_actor", payload={"name": "X"})
    out, problems = apply_edits(an, [half_merge, no_target])
    assert problems == [
        "Edit 1 (merge_actors) is malformed (ValueError). It was not applied.",
        "Edit 2 (rename_actor) is malformed (ValueError). It was not applied.",
    ]
    assert out == an
    assert C.describe(half_merge) == "merge_actors"  # the history still reads it


def test_a_new_claims_chain_starts_with_the_publisher(an):
    assert C.new_claim_chain(an, "a3", "anonymous") == [
        {"label": "NCRI", "kind": "publisher", "actor": "a1"},
        {"label": "", "kind": "anonymous", "actor": "a3"},
    ]
    assert C.new_claim_chain(an, "a3", "unattributed")[1] == {"label": "", "kind": "named", "actor": "a3"}
    no_actor = an.model_copy(update={"actors": [a for a in an.actors if a.kind != "publisher"]})
    assert C.new_claim_chain(no_actor, None, "named") == [
        {"label": "NCRI", "kind": "publisher"}, {"label": "", "kind": "unattributed"},
    ]
