"""components/article.py without Streamlit running: corrections from a selection, the actors table."""

from __future__ import annotations

import pytest

from components.article import actors_frame
from sourcetrace import corrections
from sourcetrace.model import Analysis
from sourcetrace.selection import edit_from_selection as correction_from_selection
from tests.conftest import MADE_UP_TEXT

TEXT = MADE_UP_TEXT


@pytest.fixture
def analysis(made_up_analysis) -> Analysis:
    return made_up_analysis


def test_a_selection_becomes_an_add_actor_edit(analysis):
    s = TEXT.index("talks")
    # the spaces selected around the word are left out
    edit = correction_from_selection(analysis, {"op": "add_actor", "start": s - 1, "end": s + 6,
                                                "type": "EVENT", "kind": "named"})
    assert edit.op == "add_actor"
    assert edit.payload == {"type": "EVENT", "kind": "named"}
    assert (edit.targets[0].span.start, edit.targets[0].span.text) == (s, "talks")
    fixed, problems = corrections.apply_edits(analysis, [edit])
    assert problems == []
    added = fixed.actors[-1]
    assert (added.name, added.type, [m.start for m in added.mentions], added.corrected) == (
        "talks", "EVENT", [s], True)


def test_a_selection_becomes_an_add_claim_edit_with_its_chain(analysis):
    s = TEXT.index("ran from")
    edit = correction_from_selection(analysis, {"op": "add_claim", "start": s, "end": s + 8, "source": "a4"})
    assert edit.op == "add_claim"
    assert edit.targets[0].span.text == "ran from"
    assert [(link["label"], link["kind"]) for link in edit.payload["chain"]] == [
        ("Daily Planet", "publisher"), ("An official", "anonymous")]
    fixed, problems = corrections.apply_edits(analysis, [edit])
    assert problems == []
    added = fixed.claims[-1]
    assert (added.content.text, [link.label for link in added.chain], added.corrected) == (
        "ran from", ["Daily Planet", "An official"], True)
    own = correction_from_selection(analysis, {"op": "add_claim", "start": s, "end": s + 8, "source": ""})
    assert [link["kind"] for link in own.payload["chain"]] == ["publisher", "unattributed"]


def test_a_bad_selection_action_is_one_sentence(analysis):
    with pytest.raises(ValueError, match="not an actor type"):
        correction_from_selection(analysis, {"op": "add_actor", "start": 0, "end": 5, "type": "<x>"})
    with pytest.raises(ValueError, match="no longer an actor"):
        correction_from_selection(analysis, {"op": "add_claim", "start": 0, "end": 5, "source": "a99"})
    with pytest.raises(ValueError, match="Select some words"):
        correction_from_selection(analysis, {"op": "add_actor", "start": 12, "end": 14})


def test_actors_table_marks_corrected_actors(analysis):
    actors = [a.model_copy(update={"corrected": a.id == "a3"}) for a in analysis.actors]
    frame = actors_frame(analysis.model_copy(update={"actors": actors}))
    names = dict(zip(frame["id"], frame["name"], strict=True))
    assert names["a3"] == "✎ Paris"
    assert names["a1"] == "Ali Reza"
