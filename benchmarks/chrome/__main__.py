"""`python -m benchmarks.chrome DIR [--gold benchmarks/chrome/gold.json] [--part dev|validation|all]`.

Each text in DIR (`<key>.txt`) is analysed as a pasted page without metadata, the way
`sourcetrace evaluate --chains` does (`prepare_article`, then the whole analysis), and checked
against the gold: a chrome **name** (a byline's author, a photographer, a related headline's name)
counts when an actor's name or alias contains it as words, or a live claim's content does; a
chrome **phrase** counts when a live claim's content contains it (case, quotes and spacing
normalised, as in `chain_eval`). Printed per page and per part.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.common import page_set, page_set_main
from sourcetrace.chain_eval import _has_words, norm

GOLD = Path(__file__).resolve().parent / "gold.json"


def score_page(page: dict, actor_names: list[str], contents: list[str]) -> dict[str, list[str]]:
    """The gold's chrome names found among the actors' names and inside the claims' contents, and
    its chrome phrases found inside the contents."""
    actors = [norm(a) for a in actor_names]
    claims = [norm(c) for c in contents]
    return {
        "actors": [n for n in page.get("names", []) if any(_has_words(a, norm(n)) for a in actors)],
        "claims": [p for p in (*page.get("names", []), *page.get("phrases", []))
                   if any(norm(p) in c for c in claims)],
    }


def summary(counts: Counter) -> str:
    return (f"{counts['pages']} pages · chrome actors {counts['actors']}/{counts['names']} names · "
            f"chrome in claims {counts['claims']}/{counts['strings']} strings")


def _seen(analysis) -> tuple[list[str], list[str]]:
    names = [n for a in analysis.actors for n in (a.name, *a.aliases)]
    return names, [c.content.text for c in analysis.claims if not c.dismissed]


def run(gold_path: Path, texts: Path, part: str) -> dict[str, Counter]:
    from sourcetrace.analysis import analyze_many, prepare_article

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    chosen = [(name, page, prepare_article(text, source_path=file_name))
              for name, page, file_name, text in page_set(gold, texts, part)]
    totals: dict[str, Counter] = {"dev": Counter(), "validation": Counter()}
    analyses = analyze_many([article for _, _, article in chosen])
    for (name, page, _), analysis in zip(chosen, analyses, strict=True):
        hits = score_page(page, *_seen(analysis))
        t = totals[name]
        names, phrases = len(page.get("names", [])), len(page.get("phrases", []))
        t.update(pages=1, names=names, actors=len(hits["actors"]), strings=names + phrases,
                 claims=len(hits["claims"]))
        flags = [f"actor: {n}" for n in hits["actors"]] + [f"in claim: {p}" for p in hits["claims"]]
        print(f"{name:10} {page['key']:30} {'; '.join(flags) or 'clean'}")
    for name, counts in totals.items():
        if counts:
            print(f"{name}: {summary(counts)}")
    return totals


def main(argv: list[str] | None = None) -> int:
    return page_set_main("python -m benchmarks.chrome", __doc__, GOLD, run, argv)


if __name__ == "__main__":
    sys.exit(main())
