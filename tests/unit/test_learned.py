"""The learned cue scorer (sourcetrace/learned.py): the shipped artefact, its features, its hook in
the attributions stage, and the training helpers — on made-up sentences and the tiny BRAT fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcetrace import learned
from sourcetrace.analysis import Settings, analyze_text
from sourcetrace.attributions import lexicons, quote_regions
from sourcetrace.brat import read_folder
from sourcetrace.nlp import get_pipeline

BRAT = Path(__file__).resolve().parent.parent / "fixtures" / "brat"


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def sentence_level(text: str, *off: str) -> list[tuple[str, str | None, str]]:
    analysis = analyze_text(text, Settings(disabled_rules=off))
    return [
        (a.cue.text, a.source.text if a.source else None, a.content.text)
        for a in analysis.attributions
        if not a.frame
    ]


def test_the_shipped_model_loads_with_its_provenance_beside_it():
    model = learned.load()
    assert model is not None
    assert 0 < model.threshold < 1
    assert len(model.weights) > 1000 and "bias" in model.weights
    # content tags learned per lemma, in the lexicon's vocabulary
    assert model.verb_tags["rail"] == frozenset({"+against"})
    assert all(t == "obj" or t[0] in "+~" for tags in model.verb_tags.values() for t in tags)
    provenance = json.loads((learned.MODEL_DIR / "provenance.json").read_text(encoding="utf-8"))
    assert {"data", "command", "date", "git_commit", "attribution_exact_f1", "training_seconds"} <= set(
        provenance
    )
    assert provenance["threshold"] == model.threshold


def test_no_shipped_model_means_the_rules_work_alone(tmp_path):
    assert learned.load(tmp_path) is None


def test_features_describe_the_token_in_its_parse(nlp):
    text = "The mayor bemoaned that the bridge was closed."
    doc = nlp(text)
    tok = doc[2]
    feats = learned.features(tok, quote_regions(text), lexicons().verbs, lexicons().nouns)
    assert {"bias", "l=bemoan", "p=VERB", "d=ROOT", "that_clause", "c=nsubj", "c=ccomp"} <= set(feats)
    assert "lexv" not in feats and "in_quote" not in feats
    quoted = '"We bemoan the cost," she said.'
    qdoc = nlp(quoted)
    assert "in_quote" in learned.features(qdoc[2], quote_regions(quoted), lexicons().verbs, lexicons().nouns)


def test_only_verbs_nouns_adjectives_and_prepositions_are_scored(nlp):
    doc = nlp("He quickly said 42 times, to them.")
    assert [t.text for t in doc if learned.is_candidate(t)] == ["said", "times", "to"]


def test_a_verb_the_lexicon_lacks_becomes_a_cue_resolved_by_the_rules():
    assert "rail" not in lexicons().verbs and "bemoan" not in lexicons().verbs
    text = "The senator railed against the new tax on Monday."
    assert sentence_level(text) == [("railed against", "The senator", "the new tax")]
    assert sentence_level(text, "learned_cues") == []
    text = "The governor bemoaned the cost of the new stadium."
    assert sentence_level(text) == [("bemoaned", "The governor", "the cost of the new stadium")]
    assert sentence_level(text, "learned_cues") == []


def test_a_lexicon_verb_whose_tags_find_nothing_tries_the_learned_tags():
    # "understand" and "repeat" take no object in the lexicon; train learned "obj" for both
    assert "obj" not in lexicons().verbs["understand"] and "obj" not in lexicons().verbs["repeat"]
    assert learned.load().tags("understand") == frozenset({"obj"})
    text = "The minister understood the risks of the new plan."
    assert sentence_level(text) == [("understood", "The minister", "the risks of the new plan")]
    assert sentence_level(text, "learned_tags") == []
    assert sentence_level(text, "learned_cues") == []  # no scorer, no second try
    text = "The union leaders repeated their demand for higher wages."
    assert sentence_level(text) == [("repeated", "The union leaders", "their demand for higher wages")]
    assert sentence_level(text, "learned_tags") == []
    # "accuse" takes a recipient in the lexicon: the learned "obj" never makes the accused the content
    assert "rcpt" in lexicons().verbs["accuse"] and "obj" in learned.load().tags("accuse")
    text = "The opposition leader accused the minister and his family the of hiding large debts."
    assert sentence_level(text) == sentence_level(text, "learned_tags") == []
    # the lexicon's own tags still decide when they find a content
    text = "The governor has long opposed the new pipeline."
    assert sentence_level(text) == sentence_level(text, "learned_tags") == [
        ("has long opposed", "The governor", "the new pipeline")
    ]


def test_lexicon_cues_are_the_same_with_the_learned_part_on_or_off():
    text = "The mayor said that the bridge is safe. Critics decried the decision as reckless."
    assert sentence_level(text) == sentence_level(text, "learned_cues")
    assert sentence_level(text) == [
        ("said", "The mayor", "that the bridge is safe"),
        ("decried", "Critics", "the decision as reckless"),
    ]


def test_a_learned_cue_that_overlaps_a_rule_cue_is_dropped():
    class F:
        def __init__(self, cue):
            self.cue = cue

    rule, overlapping, apart = F((10, 40)), F((10, 16)), F((50, 56))
    kept = learned.drop_overlapping([rule, overlapping, apart], {id(overlapping), id(apart)})
    assert kept == [rule, apart]
    assert learned.drop_overlapping([rule, overlapping], set()) == [rule, overlapping]


def test_training_labels_are_the_heads_of_gold_cues(nlp):
    from sourcetrace.train import cue_heads, examples, verb_tags

    (name, text, gold), _ = read_folder(BRAT)
    doc = nlp(text)
    assert sorted(doc[i].text for i in cue_heads(doc, gold)) == ["added", "said"]
    labelled = {tok.text: label for _, label, tok in examples(doc, gold)}
    assert labelled["said"] == 1 and labelled["added"] == 1 and labelled["bridge"] == 0
    # tokens inside a gold content are left out of fitting (nested speech is unlabelled in PolNeAR)
    outside = {tok.text for _, _, tok in examples(doc, gold, inside_content=False)}
    assert "said" in outside and "bridge" not in outside
    # "said that ..." takes a clause, not an object: no tag learned
    assert verb_tags([(name, text, gold, doc)], min_count=1) == {}


def test_verb_tags_learn_how_a_verb_takes_its_content(nlp):
    from sourcetrace.brat import GoldAttribution
    from sourcetrace.train import verb_tags

    text = "Smith railed against the plan. Jones slammed the budget."
    doc = nlp(text)
    gold = [
        GoldAttribution(source=[(0, 5)], cue=[(6, 20)], content=[(21, 29)]),
        GoldAttribution(source=[(31, 36)], cue=[(37, 44)], content=[(45, 55)]),
    ]
    assert verb_tags([("x", text, gold, doc)], min_count=1) == {"rail": ["+against"], "slam": ["obj"]}


def test_the_validation_split_is_a_fixed_seeded_tenth():
    from sourcetrace.train import split

    names = [f"article-{n:03d}" for n in range(840)]
    held = split(names)
    assert len(held) == 84 and held == split(list(reversed(names)))
    assert held != split(names, seed=14)


def test_parsed_folders_are_cached_outside_the_repository(tmp_path, nlp):
    from sourcetrace.corpus_cache import parsed_folder

    first = parsed_folder(BRAT, cache=tmp_path)
    assert [name for name, _, _, _ in first] == ["bridge", "vote"]
    assert len(list(tmp_path.glob("*.spacy"))) == 1
    again = parsed_folder(BRAT, cache=tmp_path)
    assert [[(t.text, t.dep_, t.head.i) for t in d] for *_, d in again] == [
        [(t.text, t.dep_, t.head.i) for t in d] for *_, d in first
    ]
