"""The chrome benchmark's scoring (benchmarks/chrome): which chrome names became actors and which
chrome strings stand inside claims."""

from __future__ import annotations

import json
from collections import Counter

from benchmarks.chrome.__main__ import run, score_page, summary

PAGE = {"key": "p", "names": ["Jane Roe", "Getty Images"], "phrases": ["Leave a reply", "min read"]}


def test_a_name_counts_as_an_actor_only_as_whole_words():
    hits = score_page(PAGE, ["Jane Roe", "Getty Imagesque"], [])
    assert hits == {"actors": ["Jane Roe"], "claims": []}


def test_names_and_phrases_count_inside_claims_normalised():
    hits = score_page(PAGE, [], ["the   port was shut, said JANE ROE", "5 min read . Updated"])
    assert hits == {"actors": [], "claims": ["Jane Roe", "min read"]}


def test_summary():
    counts = Counter(pages=2, names=3, actors=1, strings=7, claims=2)
    assert summary(counts) == "2 pages · chrome actors 1/3 names · chrome in claims 2/7 strings"


def test_run_counts_each_part_from_the_texts(tmp_path, capsys):
    story = "The union said the strike was over.\n"
    (tmp_path / "a.txt").write_text(f"Dock strike ends\n\n{story}\nLeave a Reply\n")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"validation": ["b"], "pages": [
        {"key": "a", "names": [], "phrases": ["Leave a Reply"]}, {"key": "b", "names": ["X"], "phrases": []},
    ]}))
    totals = run(gold, tmp_path, "all")
    assert totals["dev"] == Counter(pages=1, names=0, actors=0, strings=1, claims=0)
    assert totals["validation"] == Counter()
    assert "b: no text" in capsys.readouterr().err
