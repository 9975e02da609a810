"""How far the dev figure is from text nobody tuned on: `python -m sourcetrace folds TRAIN [--k K]`.

PolNeAR dev was read, rule by rule, over earlier sessions; its figure is optimistic. The train split
was never used to choose a rule (only to fit the learned cue scorer), so scoring the rules on K
disjoint parts of train shows what they are worth on unseen text, and how much one 84-article
sample varies. Fold 0 is the fixed, seeded validation tenth (`sourcetrace.train.split`); the other
articles are shuffled with the same seed and dealt into folds 1..K-1.

The learned cue scorer was fitted on the articles outside fold 0, so only fold 0 may be scored with
it: `evaluate_folds` runs every fold with the rules alone and, when asked, fold 0 once more with the
learned cues on.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from dataclasses import dataclass
from pathlib import Path

from sourcetrace.errors import InputError
from sourcetrace.evaluate import ROLES, Report, score
from sourcetrace.train import SEED, split


def fold_names(names: list[str], k: int = 10, seed: int = SEED) -> list[set[str]]:
    """K disjoint sets of names: fold 0 the validation tenth, the rest dealt out after a seeded shuffle."""
    if k < 2:
        raise ValueError("--folds needs at least 2 folds.")
    held = split(names, seed)
    rest = sorted(set(names) - held)
    random.Random(seed).shuffle(rest)
    return [held] + [set(rest[i :: k - 1]) for i in range(k - 1)]


@dataclass
class FoldResult:
    fold: int
    learned: bool
    report: Report

    def f1(self) -> dict[str, float]:
        """Exact F1 per role, by fragments (the headline convention)."""
        roles = self.report.as_dict()["roles"]
        return {role: roles[role]["exact"]["f1"] for role in ROLES}


def evaluate_folds(
    folder: str | Path,
    k: int = 10,
    model: str | None = None,
    without: tuple[str, ...] = (),
    *,
    learned_on_validation: bool = True,
    cache: bool = False,
    only: frozenset[int] | None = None,
) -> list[FoldResult]:
    """Every fold (or the folds in `only`) with the rules alone (plus `without`), then fold 0 with the
    learned cues if asked and fold 0 is among them."""
    from sourcetrace.analysis import Settings, _analyze_doc, parse_text, prepare_article
    from sourcetrace.brat import read_folder
    from sourcetrace.nlp import get_pipeline

    nlp = get_pipeline(model)
    if cache:
        from sourcetrace.corpus_cache import parsed_folder

        items = parsed_folder(folder, model)
    else:
        read = read_folder(folder)
        docs = nlp.pipe(parse_text(t) for _, t, _ in read)
        items = [(n, t, g, d) for (n, t, g), d in zip(read, docs, strict=True)]
    folds = fold_names([name for name, *_ in items], k)
    chosen = [i for i in range(k) if only is None or i in only]
    runs = [(i, False) for i in chosen] + ([(0, True)] if learned_on_validation and 0 in chosen else [])
    results = []
    for fold, learned in runs:
        off = tuple(without) if learned else (*without, "learned_cues")
        settings = Settings(model=model, disabled_rules=off)
        report = Report()
        for name, text, gold, doc in items:
            if name in folds[fold]:
                score(_analyze_doc(prepare_article(text, source_path=name), doc, nlp, settings), gold, report)
        results.append(FoldResult(fold, learned, report))
    return results


def summary(results: list[FoldResult]) -> dict[str, dict[str, float]]:
    """Mean, standard deviation, min and max of the rules-alone F1 over the folds, per role."""
    rules = [r.f1() for r in results if not r.learned]
    out = {}
    for role in ROLES:
        xs = [f[role] for f in rules]
        out[role] = {
            "mean": round(statistics.mean(xs), 1),
            "sd": round(statistics.stdev(xs), 1) if len(xs) > 1 else 0.0,
            "min": min(xs),
            "max": max(xs),
        }
    return out


def format_folds(results: list[FoldResult]) -> str:
    lines = [
        "exact F1 by fragments; fold 0 is the validation tenth; the learned cues were fitted outside fold 0",
        f"{'fold':<5} {'engine':<22} {'articles':>8} " + " ".join(f"{r:>12}" for r in ROLES),
    ]
    for r in results:
        f = r.f1()
        engine = "rules + learned cues" if r.learned else "rules alone"
        scores = " ".join(f"{f[x]:>12}" for x in ROLES)
        lines.append(f"{r.fold:<5} {engine:<22} {r.report.articles:>8} {scores}")
    s = summary(results)
    spread = " ".join(f"{s[x]['mean']:.1f} ± {s[x]['sd']:.1f}".rjust(12) for x in ROLES)
    lines.append(f"{'all':<5} {'rules alone, mean ± sd':<22} {'':>8} {spread}")
    return "\n".join(lines)


def cmd_folds(args: argparse.Namespace) -> int:
    without = tuple(r.strip() for r in (args.without or "").split(",") if r.strip())
    if without:
        from sourcetrace.attributions import check_rules

        check_rules(without)  # an unknown name is one sentence before the corpus is parsed
    only = _fold_list(args.only, args.k) if args.only else None
    results = evaluate_folds(
        args.folder, args.k, model=args.model, without=without,
        learned_on_validation=args.learned, cache=args.cache, only=only,
    )
    if args.json:
        folds = [{"fold": r.fold, "learned": r.learned, **r.report.as_dict()} for r in results]
        print(json.dumps({"folds": folds, "rules_alone": summary(results)}, indent=2))
    else:
        print(format_folds(results))
    return 0


def _fold_list(text: str, k: int) -> frozenset[int]:
    """ "1-9" or "0,2,5": the folds to run (each in 0..k-1)."""
    folds: set[int] = set()
    for part in (p.strip() for p in text.split(",") if p.strip()):
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            raise InputError(f"--only takes fold numbers like 1-9 or 0,2,5, not {part!r}.")
        folds.update(range(int(lo), int(hi or lo) + 1))
    if not folds or max(folds) >= k:
        raise InputError(f"--only: folds run from 0 to {k - 1}.")
    return frozenset(folds)


def add_parser(subparsers) -> None:
    f = subparsers.add_parser(
        "folds",
        help="the rules alone on K disjoint parts of a BRAT folder (fold 0: the seeded validation tenth, "
        "also scored with the learned cues) and their spread",
    )
    f.add_argument("folder", help="folder with text/*.txt and attributions/*.ann (PolNeAR train)")
    f.add_argument("--k", type=int, default=10, help="number of folds (default 10)")
    f.add_argument("--json", action="store_true", help="print the figures as JSON")
    f.add_argument("--model", help="spaCy pipeline name or path")
    f.add_argument("--without", metavar="RULE[,RULE]", help="switch these attribution rules off as well")
    f.add_argument(
        "--only", metavar="FOLDS",
        help='run only these folds ("1-9": the folds rules are chosen on, never fold 0; "0,3")',
    )
    f.add_argument(
        "--no-learned", dest="learned", action="store_false", help="skip fold 0's run with the learned cues"
    )
    f.add_argument(
        "--cache", action="store_true", help="parse the folder once and reuse the parse (user cache folder)"
    )
    f.set_defaults(func=cmd_folds)
