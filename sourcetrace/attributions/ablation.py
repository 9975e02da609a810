"""What each attribution rule contributes: `python -m sourcetrace.attributions.ablation BRAT_DIR`.

The folder is parsed once; the attributions stage then runs once with every rule on and once per
rule with that rule off, and each run is scored as `sourcetrace evaluate` scores it (exact F1 per
role). Prints a Markdown table of F1 deltas (off minus on): a negative delta is what the rule
adds, a positive one what it costs on that folder.
"""

from __future__ import annotations

import argparse
import sys

from sourcetrace.attributions.stage import DEFAULT_OFF, RULES, find_attributions
from sourcetrace.evaluate import CONVENTIONS, ROLES, Report, read_folder, score
from sourcetrace.model import Analysis

# (convention, role) columns: every role by fragments (the headline figure), contents also merged
COLUMNS = [(CONVENTIONS[0], role) for role in ROLES] + [(CONVENTIONS[1], "Content")]


def _f1(report: Report, conv: str, role: str) -> float:
    c = report.counts[conv][role]
    p = c.exact / c.predicted if c.predicted else 0.0
    r = c.exact / c.gold if c.gold else 0.0
    return 200 * p * r / (p + r) if p + r else 0.0


def ablation(
    folder: str,
    model: str | None = None,
    *,
    folds: frozenset[int] | None = None,
    rules: frozenset[str] | None = None,
    cache: bool = False,
) -> list[tuple[str, str, dict[tuple[str, str], float]]]:
    """(rule, what it does, exact F1 per role) for every rule off (or every rule in `rules`), after
    ("all rules on", "", F1); with `folds`, only the articles of those folds (`sourcetrace folds`)."""
    from sourcetrace.actors import extract_actors
    from sourcetrace.analysis import parse_text, prepare_article
    from sourcetrace.nlp import get_pipeline

    nlp = get_pipeline(model)
    if cache:
        from sourcetrace.corpus_cache import parsed_folder

        cached = parsed_folder(folder, model)
        items = [(n, t, g) for n, t, g, _ in cached]
        docs = [d for *_, d in cached]
    else:
        items = read_folder(folder)
        docs = list(nlp.pipe(parse_text(t) for _, t, _ in items))
    if folds is not None:
        from sourcetrace.folds import fold_names

        sets = fold_names([name for name, *_ in items])
        keep = set().union(*(sets[i] for i in folds))
        chosen = [i for i, (name, *_) in enumerate(items) if name in keep]
        items, docs = [items[i] for i in chosen], [docs[i] for i in chosen]
    articles = [prepare_article(text, source_path=name) for name, text, _ in items]
    parsed = [(a, doc, extract_actors(doc, a)) for a, doc in zip(articles, docs, strict=True)]

    def run(off: tuple[str, ...]) -> dict[tuple[str, str], float]:
        report = Report()
        for (article, doc, actors), (_, _, gold) in zip(parsed, items, strict=True):
            atts, _ = find_attributions(doc, article, actors, disabled_rules=off)
            score(Analysis(article=article, attributions=atts), gold, report)
        return {col: _f1(report, *col) for col in COLUMNS}

    rows = [("all rules on", "", run(()))]
    ablated = [rule for rule in RULES if rules is None or rule.name in rules]
    for rule in ablated:  # a rule off by default is switched on instead: its row "+name", off minus on
        if rule.name in DEFAULT_OFF:
            on = run(("+" + rule.name,))
            rows.append(("+" + rule.name, rule.doc, {c: 2 * rows[0][2][c] - on[c] for c in COLUMNS}))
        else:
            rows.append((rule.name, rule.doc, run((rule.name,))))
    return rows


def format_rows(rows: list[tuple[str, str, dict[tuple[str, str], float]]]) -> str:
    base = rows[0][2]
    lines = [
        "| rule | what it decides | Δ Source | Δ Cue | Δ Content | Δ Content (merged) |",
        "|---|---|---|---|---|---|",
        "| (all rules on: exact F1) | | " + " | ".join(f"{base[c]:.2f}" for c in COLUMNS) + " |",
    ]
    for name, doc, f1 in rows[1:]:
        what = " ".join(doc.split()).replace("|", "/")
        lines.append(
            f"| `{name}` | {what} | " + " | ".join(f"{f1[c] - base[c]:+.2f}" for c in COLUMNS) + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sourcetrace.attributions.ablation", description=__doc__)
    parser.add_argument("folder", help="BRAT folder (text/, attributions/), e.g. PolNeAR dev")
    parser.add_argument("--model", help="spaCy pipeline name or path")
    parser.add_argument("--folds", metavar="FOLDS", help='only these folds\' articles ("1-4")')
    parser.add_argument("--rules", metavar="RULE[,RULE]", help="switch off only these rules, one at a time")
    parser.add_argument("--cache", action="store_true", help="reuse (or store) the folder's parses")
    args = parser.parse_args(argv)
    folds = rules = None
    if args.folds:
        from sourcetrace.folds import _fold_list

        folds = _fold_list(args.folds, 10)
    if args.rules:
        from sourcetrace.attributions.stage import check_rules

        rules = check_rules([r.strip() for r in args.rules.split(",") if r.strip()])
    rows = ablation(args.folder, args.model, folds=folds, rules=rules, cache=args.cache)
    print(format_rows(rows), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
