"""The dates benchmark's scoring (benchmarks/dates): what counts as found, wrong, missed and false."""

from __future__ import annotations

import json
from collections import Counter

from benchmarks.dates.__main__ import run, summary, verdict


def test_verdicts():
    assert verdict("2021-07-12", "2021-07-12") == "found"
    assert verdict("2021-07-12", "2021-12-07") == "wrong"
    assert verdict("2021-07-12", None) == "missed"
    assert verdict(None, "2021-07-12") == "false"
    assert verdict(None, None) == "null ok"


def test_summary_counts_stated_and_null_pages_apart():
    counts = Counter({"found": 3, "wrong": 1, "missed": 1, "false": 2, "null ok": 5})
    assert summary(counts) == "found 3/5 · wrong 1 · missed 1 · false 2/7"


def test_run_scores_each_part_from_the_texts(tmp_path, capsys):
    story = "The union said the strike was over.\n"
    (tmp_path / "a.txt").write_text(f"Dock strike ends\nPublished: 3 May 2021\n\n{story}")
    (tmp_path / "b.txt").write_text(f"Dock strike ends\n\n{story}")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"validation": ["b"], "pages": [
        {"key": "a", "published": "2021-05-03"}, {"key": "b", "published": None},
        {"key": "c", "published": None},
    ]}))
    totals = run(gold, tmp_path, "all")
    assert (totals["dev"], totals["validation"]) == (Counter({"found": 1}), Counter({"null ok": 1}))
    assert "c: no text" in capsys.readouterr().err
