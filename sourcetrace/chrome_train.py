"""Train the chrome line classifier of `sourcetrace/chrome_model.py` (dev only: needs scikit-learn).

    .venv/bin/python -m sourcetrace.chrome_train -o data/models/chrome

Examples are the lines of real pasted pages (texts outside the repository, research use):

* the chrome benchmark's sets 1-5 (`benchmarks/chrome/gold*.json`, texts in /work/chrome-texts): a line
  is **chrome** when it holds one of the page's gold chrome phrases, or a gold chrome name in a line
  of 15 words or fewer; a line holding none is **body** when it is an ordinary sentence (eight words
  or more, sentence-final punctuation); other lines (headlines, subheadings, unmarked short lines)
  are left out;
* the development chain sets (A+B, C, D, E, F, G, H, I; never the held-out J, K, L): a line holding
  a gold claim's `content_key` is **body**, a line of 15 words or fewer holding a gold
  `spurious_actor_names` entry is **chrome**.

The threshold is chosen by leave-one-site-out cross-validation (a site is an origin's host): of
the thresholds whose out-of-fold precision on the lines no rule reads (where the model is used)
is at least `--precision` (0.97) with no body line of a chain claim above them, the highest whose
recall is within two points of the best. Fixed seed; the weights and provenance go to `-o`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sourcetrace.chain_eval import norm
from sourcetrace.chrome_model import FEATURES, continues_paragraph, line_features, reports_speech
from sourcetrace.structure import _Lines, _rules_domain

ROOT = Path(__file__).resolve().parent.parent
CHROME_SETS = ["gold.json", "gold-2.json", "gold-3.json", "gold-4.json", "gold-5.json"]
CHAIN_SETS = [
    ("benchmarks/chains/gold-a.json", "/work/chain-texts"),
    ("benchmarks/chains/gold-b.json", "/work/chain-texts"),
    ("benchmarks/chains-heldout/gold-c.json", "/work/chain-texts-heldout"),
    ("benchmarks/chains-heldout/gold-d.json", "/work/chain-texts-heldout-d"),
    ("benchmarks/chains/gold-e.json", "/work/chain-texts-e"),
    ("benchmarks/chains-heldout/gold-f.json", "/work/chain-texts-heldout-f"),
    ("benchmarks/chains-heldout/gold-g.json", "/work/chain-texts-heldout-g"),
    ("benchmarks/chains/gold-h.json", "/work/chain-texts-h"),
    ("benchmarks/chains/gold-i.json", "/work/chain-texts-i"),
]
SEED = 20261201


def _host(origin: str) -> str:
    o = origin.removeprefix("pages corpus:").strip().split("://")[-1]
    return o.split("/")[0].removeprefix("www.").lower()


def page_lines(text: str) -> tuple[list[str], set[int]]:
    """The page's lines as `structure` splits them, and those its rules already read as chrome."""
    from sourcetrace import chrome_model
    from sourcetrace.structure import detect_structure

    chrome_model.ENABLED = False  # what the rules alone read
    lines = _Lines(text)
    found = detect_structure(text)
    starts = {c.span.start for c in found.structure.chrome}
    ruled = {i for i, (s, _) in enumerate(lines.spans) if s in starts}
    if found.structure.headline is not None:
        ruled |= {i for i, (s, _) in enumerate(lines.spans) if s == found.structure.headline.start}
    return [lines.line(i).strip() for i in range(len(lines.spans))], ruled


def _kept(lines: list[str], i: int) -> bool:
    """What the model is never asked about (structure and chrome_model protect it)."""
    return reports_speech(lines[i]) or continues_paragraph(lines, i) or _rules_domain(lines, i)


def _ordinary_sentence(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip(" \"”’')").endswith((".", "!", "?"))


def examples(chrome_dir: Path) -> list[dict]:
    """One record per labelled line: features, label, site, source, whether a rule reads it."""
    out: list[dict] = []
    for g in CHROME_SETS:
        gold = json.loads((ROOT / "benchmarks" / "chrome" / g).read_text(encoding="utf-8"))
        for page in gold["pages"]:
            f = chrome_dir / f"{page['key']}.txt"
            if not f.is_file():
                continue
            lines, ruled = page_lines(f.read_text(encoding="utf-8"))
            phrases = [norm(p) for p in page.get("phrases", [])]
            names = [norm(n) for n in page.get("names", [])]
            for i, line in enumerate(lines):
                nl = norm(line)
                hit = any(p and p in nl for p in phrases) or (
                    len(line.split()) <= 15 and any(n and n in nl for n in names))
                if hit:
                    label = 1
                elif _ordinary_sentence(line):
                    label = 0
                else:
                    continue
                out.append({"x": line_features(lines, i), "y": label, "site": _host(page["origin"]),
                            "src": "chrome", "ruled": i in ruled, "claim": False, "line": line,
                            "speech": _kept(lines, i)})
    for gold_path, texts in CHAIN_SETS:
        gold = json.loads((ROOT / gold_path).read_text(encoding="utf-8"))
        for name, art in gold["articles"].items():
            f = Path(texts) / name
            if not f.is_file():
                continue
            lines, ruled = page_lines(f.read_text(encoding="utf-8"))
            keys = [norm(c["content_key"]) for c in art.get("claims", []) if c.get("content_key")]
            spurious = [norm(s) for s in art.get("spurious_actor_names", [])]
            for i, line in enumerate(lines):
                nl = norm(line)
                if any(k and k in nl for k in keys):
                    label, claim = 0, True
                elif len(line.split()) <= 15 and any(s and s in nl for s in spurious):
                    label, claim = 1, False
                else:
                    continue
                out.append({"x": line_features(lines, i), "y": label, "site": _host(art.get("origin", name)),
                            "src": "chains", "ruled": i in ruled, "claim": claim, "line": line,
                            "speech": _kept(lines, i)})
    return out


def _fit(xs, ys, c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(xs)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=SEED)
    clf.fit(scaler.transform(xs), ys)
    return scaler, clf


def out_of_fold(data: list[dict], c: float) -> list[float]:
    """Leave-one-site-out probabilities: each site's lines scored by a model fitted without it."""
    import numpy as np

    xs = np.array([d["x"] for d in data])
    ys = np.array([d["y"] for d in data])
    sites = np.array([d["site"] for d in data])
    probs = np.zeros(len(data))
    for site in sorted(set(sites)):
        held = sites == site
        scaler, clf = _fit(xs[~held], ys[~held], c)
        probs[held] = clf.predict_proba(scaler.transform(xs[held]))[:, 1]
    return probs.tolist()


def scores(data: list[dict], probs: list[float], t: float, only_free: bool = False) -> dict:
    """Precision and recall at threshold `t` (lines reporting speech are never called chrome)."""
    tp = fp = fn = claim_fp = 0
    for d, p in zip(data, probs, strict=True):
        if only_free and d["ruled"]:
            continue
        pred = p >= t and not d["speech"]
        if d["y"] and pred:
            tp += 1
        elif d["y"]:
            fn += 1
        elif pred:
            fp += 1
            claim_fp += d["claim"]
    return {"threshold": round(t, 3), "tp": tp, "fp": fp, "fn": fn, "claim_lines_dropped": claim_fp,
            "precision": round(100 * tp / (tp + fp), 1) if tp + fp else None,
            "recall": round(100 * tp / (tp + fn), 1) if tp + fn else None}


def choose_threshold(data: list[dict], probs: list[float], precision: float) -> float:
    """Of the thresholds whose out-of-fold precision on the lines no rule reads is at least
    `precision` with no chain-claim line above them, the highest whose recall there is within two
    points of the best (a margin: precision first)."""
    ok = []
    for t in [x / 100 for x in range(50, 100)]:
        s = scores(data, probs, t, only_free=True)  # where it is used: lines no rule reads
        if scores(data, probs, t)["claim_lines_dropped"] == 0 and s["precision"] is not None \
                and s["precision"] >= 100 * precision:
            ok.append((t, s["recall"]))
    if not ok:
        return 1.01  # nothing reaches the precision: the model says nothing
    best = max(r for _, r in ok)
    return max(t for t, r in ok if r >= best - 2.0)


def _by_weight(coef: list[float]) -> dict[str, float]:
    return dict(sorted(zip(FEATURES, [round(w, 3) for w in coef], strict=True), key=lambda kv: -abs(kv[1])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sourcetrace.chrome_train",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "data" / "models" / "chrome")
    parser.add_argument("--chrome-texts", type=Path, default=Path("/work/chrome-texts"))
    parser.add_argument("--precision", type=float, default=0.97)
    parser.add_argument("-C", type=float, default=0.5)
    args = parser.parse_args(argv)

    import numpy as np

    data = examples(args.chrome_texts)
    counts = Counter((d["src"], d["y"]) for d in data)
    probs = out_of_fold(data, args.C)
    t = choose_threshold(data, probs, args.precision)
    cv_all, cv_free = scores(data, probs, t), scores(data, probs, t, only_free=True)
    scaler, clf = _fit(np.array([d["x"] for d in data]), np.array([d["y"] for d in data]), args.C)
    args.out.mkdir(parents=True, exist_ok=True)
    weights = {"features": list(FEATURES), "mean": scaler.mean_.tolist(),
               "scale": [s if s > 0 else 1.0 for s in scaler.scale_.tolist()],
               "coef": clf.coef_[0].tolist(), "intercept": float(clf.intercept_[0]), "threshold": t}
    (args.out / "weights.json").write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                                cwd=ROOT).stdout.strip()
    except OSError:
        commit = ""
    provenance = {
        "what": "logistic regression: is a line of a pasted page its chrome (sourcetrace/chrome_model.py)",
        "data": {"chrome_sets": CHROME_SETS, "chain_sets": [g for g, _ in CHAIN_SETS],
                 "lines": {f"{src} {'chrome' if y else 'body'}": n for (src, y), n in sorted(counts.items())},
                 "sites": len({d["site"] for d in data})},
        "command": "python -m sourcetrace.chrome_train -o data/models/chrome",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git_commit": commit,
        "hyperparameters": {"C": args.C, "class_weight": "balanced", "seed": SEED,
                            "threshold_rule": f"leave-one-site-out precision >= {args.precision} on lines "
                                              "no rule reads, no chain-claim line above it; "
                                              "highest within 2 recall points"},
        "threshold": t,
        "leave_one_site_out": {"all_lines": cv_all, "lines_no_rule_reads": cv_free,
                               "curve_lines_no_rule_reads": [scores(data, probs, x / 20, only_free=True)
                                                             for x in range(6, 20)]},
        "weights_by_feature": _by_weight(clf.coef_[0].tolist()),
    }
    (args.out / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(provenance["leave_one_site_out"], indent=1), "threshold", t, dict(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
