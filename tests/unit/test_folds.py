"""`python -m sourcetrace folds DIR --k K`: the rules on disjoint parts of a split (fold 0: validation)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcetrace.cli import main
from sourcetrace.folds import fold_names
from sourcetrace.train import split

BRAT = Path(__file__).resolve().parent.parent / "fixtures" / "brat"


def test_folds_are_disjoint_cover_every_name_and_start_with_the_validation_tenth():
    names = [f"article-{i:03d}" for i in range(95)]
    folds = fold_names(names, k=10)
    assert len(folds) == 10
    assert folds[0] == split(names)  # the tenth the learned cues were never fitted on
    assert sorted(n for f in folds for n in f) == sorted(names)
    assert [len(f) for f in folds] == [10, 10, 10, 10, 10, 9, 9, 9, 9, 9]  # the 85 others dealt out in turn
    assert fold_names(list(reversed(names)), k=10) == folds  # a pure function of the set of names


def test_fewer_than_two_folds_is_refused():
    with pytest.raises(ValueError, match="at least 2"):
        fold_names(["a", "b"], k=1)


def test_cli_folds_score_each_part_and_the_parts_add_up_to_the_folder(capsys):
    assert main(["evaluate", str(BRAT), "--json"]) == 0
    whole = json.loads(capsys.readouterr().out)["roles"]
    assert main(["folds", str(BRAT), "--k", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    folds = data["folds"]
    runs = [(f["fold"], f["learned"], f["articles"]) for f in folds]
    assert runs == [(0, False, 1), (1, False, 1), (0, True, 1)]
    for role in ("Source", "Cue", "Content"):
        rules = [f["roles"][role] for f in folds if not f["learned"]]
        assert sum(r["gold"] for r in rules) == whole[role]["gold"]
        assert sum(r["predicted"] for r in rules) == whole[role]["predicted"]
    assert set(data["rules_alone"]) == {"Source", "Cue", "Content"}


def test_cli_folds_table(capsys):
    assert main(["folds", str(BRAT), "--k", "2", "--no-learned"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("exact F1 by fragments; fold 0 is the validation tenth")
    assert [line.split()[0] for line in out[2:]] == ["0", "1", "all"]  # no learned run when asked not to


def test_cli_folds_only_runs_the_folds_asked_for(capsys):
    assert main(["folds", str(BRAT), "--k", "2", "--only", "1", "--json"]) == 0
    runs = [(f["fold"], f["learned"]) for f in json.loads(capsys.readouterr().out)["folds"]]
    assert runs == [(1, False)]  # no fold 0, so no run with the learned cues either
    assert main(["folds", str(BRAT), "--k", "2", "--only", "0-1", "--no-learned", "--json"]) == 0
    assert [f["fold"] for f in json.loads(capsys.readouterr().out)["folds"]] == [0, 1]


def test_cli_folds_only_refuses_a_fold_out_of_range(capsys):
    assert main(["folds", str(BRAT), "--k", "2", "--only", "1-9"]) != 0
    assert "folds run from 0 to 1" in capsys.readouterr().err
