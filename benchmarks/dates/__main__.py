"""`python -m benchmarks.dates DIR [--gold benchmarks/dates/gold.json] [--part dev|validation|all]`.

Each text in DIR (`<key>.txt`) is analysed as a pasted page without metadata, the way
`sourcetrace evaluate --chains` does (`prepare_article`, which runs the structure stage), and its
publication date is compared with the gold: found (the gold date), wrong (another date), missed
(none where the gold has one), false (a date where the gold says the text states none). Printed per
page and overall, for the development and validation parts separately.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.common import page_set, page_set_main

GOLD = Path(__file__).resolve().parent / "gold.json"
VERDICTS = ("found", "wrong", "missed", "false", "null ok")


def verdict(gold: str | None, got: str | None) -> str:
    if gold is None:
        return "false" if got else "null ok"
    if got == gold:
        return "found"
    return "wrong" if got else "missed"


def summary(counts: Counter) -> str:
    stated = counts["found"] + counts["wrong"] + counts["missed"]
    nulls = counts["false"] + counts["null ok"]
    return (f"found {counts['found']}/{stated} · wrong {counts['wrong']} · missed {counts['missed']} · "
            f"false {counts['false']}/{nulls}")


def run(gold_path: Path, texts: Path, part: str) -> dict[str, Counter]:
    from sourcetrace.analysis import prepare_article

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    totals: dict[str, Counter] = {"dev": Counter(), "validation": Counter()}
    for name, page, file_name, text in page_set(gold, texts, part):
        got = prepare_article(text, source_path=file_name).published
        v = verdict(page["published"], got)
        totals[name][v] += 1
        print(f"{name:10} {v:8} {page['key']:32} gold {page['published'] or '-':10}  got {got or '-'}")
    for name, counts in totals.items():
        if counts:
            print(f"{name}: {summary(counts)}")
    return totals


def main(argv: list[str] | None = None) -> int:
    return page_set_main("python -m benchmarks.dates", __doc__, GOLD, run, argv)


if __name__ == "__main__":
    sys.exit(main())
