"""The benchmark harness's pure helpers (no timing is asserted anywhere: the benchmarks are
`make bench`, never part of `make test`)."""

from __future__ import annotations

import os

import pytest

from benchmarks.common import (
    STATUS_MET,
    STATUS_MISSED,
    Row,
    fmt_mb,
    fmt_ratio,
    fmt_seconds,
    interleaved,
    median,
    parse_only,
    render_table,
    rss_bytes,
    verdict,
)
from benchmarks.textgen import generated_articles, many_actor_article, person_names

KNOWN = ["1", "2", "3", "4", "5", "6"]


def test_parse_only_selects_in_benchmark_order() -> None:
    assert parse_only("5, 1,2", KNOWN) == ["1", "2", "5"]
    assert parse_only(None, KNOWN) == KNOWN
    assert parse_only("", KNOWN) == KNOWN


def test_parse_only_rejects_unknown_numbers() -> None:
    with pytest.raises(ValueError, match="unknown benchmark"):
        parse_only("1,9", KNOWN)


def test_median_and_verdict() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert verdict(1.3, 1.3) == STATUS_MET
    assert verdict(1.31, 1.3) == STATUS_MISSED
    with pytest.raises(ValueError):
        median([])


def test_formatting() -> None:
    assert fmt_seconds(0.1834) == "183 ms"
    assert fmt_seconds(2.414) == "2.41 s"
    assert fmt_seconds(95.2) == "95 s"
    assert fmt_ratio(1.234) == "1.23x"
    assert fmt_mb(512 * 2**20) == "512 MB"


def test_interleaved_alternates_baseline_and_subject() -> None:
    calls: list[str] = []

    def base() -> float:
        calls.append("b")
        return 1.0

    def subj() -> float:
        calls.append("s")
        return 2.0

    b, s = interleaved(base, subj, 4)
    assert calls == ["b", "s", "s", "b", "b", "s", "s", "b"]
    assert b == [1.0] * 4 and s == [2.0] * 4


def test_render_table_is_markdown_with_one_line_per_row() -> None:
    rows = [Row("1a", "overhead", "1.2 s", "1.0 s", "1.20x", "<= 1.30x", STATUS_MET), Row("3", "cold")]
    lines = render_table(rows).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("| #")
    assert set(lines[1]) <= {"|", "-"}
    assert lines[2].split("|")[1].strip() == "1a"
    assert lines[2].split("|")[5].strip() == "1.20x"
    assert all(len(line) == len(lines[0]) for line in lines)


def test_rss_of_this_process_is_positive() -> None:
    assert rss_bytes(os.getpid(), include_children=False) > 0


def test_generated_text_is_deterministic() -> None:
    first = generated_articles(3)
    assert first == generated_articles(3)
    assert len(first) == 3
    assert len(set(first)) == 3


def test_person_names_are_distinct() -> None:
    names = person_names(300)
    assert len(names) == 300
    assert len(set(names)) == 300
    with pytest.raises(ValueError):
        person_names(10_000)


def test_many_actor_article_names_every_person() -> None:
    text = many_actor_article(40)
    assert all(name in text for name in person_names(40))
    assert many_actor_article(40) == text
