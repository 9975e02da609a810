"""The learned source resolver (sourcetrace/learned_sources.py): candidates and features from the
parse, the decision with a hand-made model, its hook in the attributions stage (rule
"learned_sources"), the training examples, and the shipped artefact — on made-up sentences."""

from __future__ import annotations

import json

import pytest

from sourcetrace import learned_sources as ls
from sourcetrace.analysis import Settings, analyze_text
from sourcetrace.attributions.base import Found
from sourcetrace.nlp import get_pipeline


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def tok(doc, word):
    return next(t for t in doc if t.text == word)


def test_path_goes_up_to_the_common_ancestor_then_down(nlp):
    doc = nlp("The senator, who later went on to claim that the vote was rigged, left early.")
    claim, senator, who = tok(doc, "claim"), tok(doc, "senator"), tok(doc, "who")
    # claim -advcl-> went -relcl-> senator (the root): two steps up, none down
    assert ls.path(claim, senator) == (["advcl", "relcl"], [])
    # "who" hangs on "went": one step up, then down its nsubj
    assert ls.path(claim, who) == (["advcl"], ["nsubj"])


def test_candidates_are_phrase_heads_outside_the_cue_and_its_content(nlp):
    doc = nlp("Police officers who say that the law is unfair marched on Monday.")
    say = tok(doc, "say")
    content = (tok(doc, "that").idx, tok(doc, "unfair").idx + len("unfair"))
    names = [t.text for t in ls.candidates(say, [content])]
    # "Police" is a compound of "officers", "who" is stood for by its antecedent, "law" is inside the
    # content; "Monday" is a noun phrase of the sentence all the same
    assert names == ["officers", "Monday"]
    assert ls.relative_of(tok(doc, "who")).i == tok(doc, "officers").i
    assert ls.relative_of(tok(doc, "officers")) is None


def test_features_name_the_path_the_entity_type_and_the_pronoun_class(nlp):
    doc = nlp("She spent the week in Ohio, writing that the plant would close.")
    writing, she, ohio = tok(doc, "writing"), tok(doc, "She"), tok(doc, "Ohio")
    f = ls.features(writing, she, in_quote=False, nearest_named=ohio.i)
    assert {"up=advcl", "down=nsubj", "kind=personal", "pron=personal", "side=before", "cl=write"} <= set(f)
    assert "nearest_named" not in f and "in_quote" not in f
    g = ls.features(writing, ohio, in_quote=True, nearest_named=ohio.i)
    assert {"kind=GPE", "nearest_named", "in_quote", "in_quote|GPE"} <= set(g)
    assert not any(x.startswith("pron=") for x in g)


def _model(threshold: float) -> ls.SourceModel:
    # a hand-made model: the subject of the verb the cue hangs on is the teller
    return ls.SourceModel({"bias": -3.0, "down=nsubj": 2.0, "up=advcl": 2.0}, threshold)


def test_the_best_candidate_is_the_source_only_above_the_threshold(nlp):
    doc = nlp("She spent the week in Ohio, writing that the plant would close.")
    writing = tok(doc, "writing")
    that = tok(doc, "that")
    found = Found(cue=(writing.idx, writing.idx + 7), content=[(that.idx, len(doc.text) - 1)], verb=writing)
    ranked = ls.scored(found, doc, [], _model(0.5))
    assert [c.text for _, c in ranked][:1] == ["She"]
    assert ranked[0][0] == pytest.approx(1 / (1 + 2.718281828459045 ** -1.0), abs=1e-6)
    assert ls.best(found, doc, [], _model(0.5)).text == "She"
    assert ls.best(found, doc, [], _model(0.9)) is None  # not sure enough: no source


def test_the_stage_offers_only_cues_the_rules_leave_without_a_source(monkeypatch):
    text = "The minister was at pains to stress that the police had acted lawfully."

    def run(*off):
        a = analyze_text(text, Settings(disabled_rules=off))
        return [(x.cue.text, x.source.text if x.source else None) for x in a.attributions if not x.frame]

    monkeypatch.setattr(ls, "_active", [])
    rules = run("learned_sources")
    assert rules == [("to stress", None)]
    # a model that makes any noun before the cue its teller
    eager = ls.SourceModel({"bias": -1.0, "side=before": 3.0, "kind=NOUN": 1.0}, 0.5)
    monkeypatch.setattr(ls, "_active", [eager])
    assert run() == [("to stress", "The minister")]
    assert run("learned_sources") == rules  # switched off: the rules alone
    # a cue with a subject of its own keeps the rules' source, whatever the model says
    said = analyze_text("The minister said that the figures were wrong.", Settings())
    told = [(x.cue.text, x.source.text) for x in said.attributions if not x.frame]
    assert told == [("said", "The minister")]


def test_resolved_range_gives_the_relative_pronoun_for_the_antecedent(nlp):
    doc = nlp("Police officers who say that the law is unfair marched on Monday.")
    say, officers = tok(doc, "say"), tok(doc, "officers")
    s, e = ls.resolved_range(officers, say)
    assert doc.text[s:e] == "who"
    monday = tok(doc, "Monday")
    s, e = ls.resolved_range(monday, say)
    assert doc.text[s:e] == "Monday"


def test_the_shipped_model_loads_with_its_provenance_beside_it():
    model = ls.load()
    assert model is not None
    assert 0 < model.threshold < 1
    assert len(model.weights) > 100 and "bias" in model.weights
    prov = json.loads((ls.MODEL_DIR / "provenance.json").read_text(encoding="utf-8"))
    assert prov["threshold"] == model.threshold
    assert "folds 1-9" in prov["chosen_by"]
    assert set(prov["examples"]) == {"finds", "candidates", "positives", "features"}


def test_no_shipped_model_means_the_rules_work_alone(tmp_path):
    assert ls._load(str(tmp_path)) is None


def test_the_shipped_model_fills_a_pronoun_teller_of_a_predicative_participle():
    def run(text, *off):
        a = analyze_text(text, Settings(disabled_rules=off))
        return [(x.cue.text, x.source.text if x.source else None) for x in a.attributions if not x.frame]

    assert run("We are convinced that the vote was fair.", "learned_sources") == [("convinced", None)]
    assert run("We are convinced that the vote was fair.") == [("convinced", "We")]
    assert run("They are convinced that the election was stolen.") == [("convinced", "They")]
    # no teller where PolNeAR marks none: an expectation, an impression of a thing
    assert run("The plant is expected to close next year.") == [("is expected", None)]
    assert run("The report appeared to contradict the minister.") == [("appeared", None)]
    # a cue inside another's words is told from inside them, never by the outer teller
    inner = analyze_text("Axelrod calls on Dean to apologize for suggesting Trump uses cocaine.", Settings())
    assert [(x.cue.text, x.source.text if x.source else None) for x in inner.attributions if not x.frame] == [
        ("calls on", "Axelrod"),
        ("suggesting", None),
    ]


def test_an_expletive_subject_is_no_candidate(nlp):
    doc = nlp("It is suggested that a fee could be charged.")
    assert ls.expletive(tok(doc, "It"))
    assert [t.text for t in ls.candidates(tok(doc, "suggested"), [])] == ["fee"]
    doc = nlp("There are fears that the mine will close.")
    assert ls.expletive(tok(doc, "There"))
    # a referring "it" is a candidate: "It also suggests that P" (the paper speaking again)
    doc = nlp("It also suggests that a fee could be charged.")
    assert not ls.expletive(tok(doc, "It"))
    assert "It" in [t.text for t in ls.candidates(tok(doc, "suggests"), [])]
