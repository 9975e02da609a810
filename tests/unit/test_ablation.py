"""`python -m sourcetrace.attributions.ablation DIR`: each rule off in turn, on a folder or some folds."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcetrace.attributions.ablation import ablation, main
from sourcetrace.errors import InputError

BRAT = Path(__file__).resolve().parent.parent / "fixtures" / "brat"


def test_rules_limits_the_rows_to_the_named_rules_after_the_all_on_row():
    rows = ablation(str(BRAT), rules=frozenset({"paragraph", "quote_whole"}))
    assert [name for name, *_ in rows] == ["all rules on", "paragraph", "quote_whole"]  # RULES order


def test_every_fold_together_scores_as_the_whole_folder():
    whole = ablation(str(BRAT), rules=frozenset({"paragraph"}))
    every = ablation(str(BRAT), rules=frozenset({"paragraph"}), folds=frozenset(range(10)))
    assert every == whole


def test_an_unknown_rule_is_refused():
    with pytest.raises(InputError, match="Unknown attribution rule"):
        main([str(BRAT), "--rules", "no_such_rule"])


def test_a_rule_off_by_default_is_off_unless_named_with_a_plus(monkeypatch):
    from sourcetrace.attributions import stage

    monkeypatch.setattr(stage, "DEFAULT_OFF", frozenset({"paragraph"}))
    assert stage.switched_off(()) == frozenset({"paragraph"})
    assert stage.switched_off(("+paragraph",)) == frozenset()
    assert stage.switched_off(("+paragraph", "quote_whole")) == frozenset({"quote_whole"})
    with pytest.raises(InputError, match="Unknown attribution rule"):
        stage.switched_off(("+no_such_rule",))
