"""`python -m sourcetrace train BRAT_FOLDER -o data/models/cues`: rebuild the learned cue model and
the learned source resolver (written beside it, in `../sources`; `sourcetrace/train_sources.py`).

Examples are candidate tokens (`learned.is_candidate`) of the training articles; a token is a
positive when it is the head of a gold cue (the cue token whose syntactic head lies outside the
cue). A fixed, seeded tenth of the articles is held out as validation: the model is fitted on the
rest, its threshold is chosen on validation, and the figures of both are written beside the weights
(`provenance.json`). Needs scikit-learn (requirements-dev.txt); inference does not.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from spacy.tokens import Doc

from sourcetrace import learned, learned_sources, train_sources
from sourcetrace.brat import GoldAttribution

SEED = 13
VALIDATION_SHARE = 0.1
C = 0.2  # inverse L2 strength, chosen on validation
FIT_INSIDE_CONTENT = False  # fit on tokens outside gold contents only (see `examples`)
MIN_COUNT = 2  # a feature seen in fewer training examples is dropped
# end to end (cue + resolved source and content, PolNeAR dev exact F1), chosen on dev: a learned cue
# needs this probability (the head-detection optimum on validation is lower, but the extra cues it
# lets in are resolved too inexactly to pay)
CUE_THRESHOLD = 0.65
THRESHOLDS = [round(0.05 * k, 2) for k in range(2, 19)]


def cue_heads(doc: Doc, gold: list[GoldAttribution]) -> set[int]:
    """Indices of the head token of every gold cue."""
    heads = set()
    for g in gold:
        toks = set()
        for s, e in g.cue:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                toks.update(t.i for t in span)
        if not toks:
            continue
        roots = [i for i in sorted(toks) if doc[i].head.i not in toks or doc[i].head.i == i]
        pref = [i for i in roots if doc[i].pos_ in ("VERB", "NOUN", "ADJ", "ADP")] or roots
        heads.add(pref[0])
    return heads


def examples(doc: Doc, gold: list[GoldAttribution] | None, inside_content: bool = True):
    """(features, label, token) of every candidate token of one article. PolNeAR is univocal: a
    cue inside another attribution's content (nested speech) is flattened into that content and
    unlabelled, so `inside_content=False` leaves those tokens out (for fitting)."""
    from sourcetrace.attributions import lexicons, quote_regions

    lex = lexicons()
    regions = quote_regions(doc.text)
    heads = cue_heads(doc, gold) if gold is not None else set()
    contents = _char_set(p for g in gold or [] for p in g.content) if not inside_content else set()
    for tok in doc:
        if learned.is_candidate(tok) and (inside_content or tok.idx not in contents):
            yield learned.features(tok, regions, lex.verbs, lex.nouns), int(tok.i in heads), tok


def _char_set(parts) -> set[int]:
    return {i for s, e in parts for i in range(s, e)}


def verb_tags(items, min_count: int = 2, share: float = 0.25) -> dict[str, list[str]]:
    """How each verb lemma takes its content in the gold, as reporting_verbs.txt tags: "obj" (the
    direct object is the content), "+prep" (the object of that preposition is), "~prep" (the
    preposition opens it). Learned for the verbs the lexicon lacks; a tag needs `share` of the
    lemma's cues and `min_count` examples."""
    seen: dict[str, int] = {}
    tagged: dict[str, dict[str, int]] = {}
    for _, _, gold, doc in items:
        for g in gold:
            heads = cue_heads(doc, [g])
            if not heads:
                continue
            tok = doc[heads.pop()]
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            content = _char_set(g.content)
            seen[lemma] = seen.get(lemma, 0) + 1
            found = set()
            for c in tok.rights:
                if c.dep_ == "dobj" and c.idx in content:
                    found.add("obj")
                elif c.dep_ == "prep":
                    pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                    if c.idx in content:
                        found.add("~" + c.lower_)
                    elif pobj is not None and pobj.idx in content:
                        found.add("+" + c.lower_)
            for t in found:
                tagged.setdefault(lemma, {})[t] = tagged.setdefault(lemma, {}).get(t, 0) + 1
    out = {}
    for lemma, tags in tagged.items():
        keep = sorted(t for t, n in tags.items() if n >= min_count and n >= share * seen[lemma])
        if keep:
            out[lemma] = keep
    return dict(sorted(out.items()))


def split(names: list[str], seed: int = SEED) -> set[str]:
    """The validation articles: a fixed, seeded tenth of the names."""
    ordered = sorted(names)
    return set(random.Random(seed).sample(ordered, max(1, round(VALIDATION_SHARE * len(ordered)))))


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1)}


def head_scores(model: learned.CueModel, items, threshold: float) -> dict[str, float]:
    """Cue-head detection P/R/F1 over candidate tokens (gold heads outside candidates count too)."""
    tp = n_pred = n_gold = 0
    for _, _, gold, doc in items:
        n_gold += len(cue_heads(doc, gold))
        for feats, label, _ in examples(doc, gold):
            if model.probability(feats) >= threshold:
                n_pred += 1
                tp += label
    return prf(tp, n_pred, n_gold)


def end_to_end_scores(
    cue_model: learned.CueModel,
    items,
    model: str | None,
    source_model: learned_sources.SourceModel | None = None,
) -> dict:
    """PolNeAR exact F1 per role of the whole analysis, with and without the learned parts, in both
    conventions of `evaluate` (fragments, merged)."""
    from sourcetrace.analysis import Settings, _analyze_doc, prepare_article
    from sourcetrace.evaluate import ROLES, Report, score
    from sourcetrace.nlp import get_pipeline

    nlp = get_pipeline(model)
    out = {}
    learned._active.append(cue_model)
    if source_model is not None:
        learned_sources._active.append(source_model)
    runs = [("learned", ()), ("rules_only", ("learned_cues", "learned_sources"))]
    if source_model is not None:
        runs.append(("without_learned_sources", ("learned_sources",)))
    try:
        for label, off in runs:
            report = Report()
            settings = Settings(model=model, disabled_rules=off)
            for name, text, gold, doc in items:
                article = prepare_article(text, source_path=name)
                score(_analyze_doc(article, doc, nlp, settings), gold, report)
            data = report.as_dict()
            out[label] = {
                conv: {role: data[key][role]["exact"]["f1"] for role in ROLES}
                for conv, key in (("fragments", "roles"), ("merged", "merged"))
            }
    finally:
        learned._active.pop()
        if source_model is not None:
            learned_sources._active.pop()
    return out


def _git_commit() -> str:
    """HEAD, with "+changes" when the code or data in the working tree differ from it."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True, cwd=here
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                "sourcetrace",
                "data",
                ":!data/models",
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=here.parent,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty else "")


def train(folder: str, out: Path, model: str | None = None, dev: str | None = None, log=print) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from sourcetrace.corpus_cache import parsed_folder

    started = time.perf_counter()
    items = parsed_folder(folder, model, log=log)
    held = split([n for n, _, _, _ in items])
    fit_items = [it for it in items if it[0] not in held]
    val_items = [it for it in items if it[0] in held]
    log(f"{len(fit_items)} articles to fit, {len(val_items)} held out for validation (seed {SEED})")

    rows, labels = [], []
    for _, _, gold, doc in fit_items:
        for feats, label, _ in examples(doc, gold, inside_content=FIT_INSIDE_CONTENT):
            rows.append(dict.fromkeys(feats, 1))
            labels.append(label)
    counts: dict[str, int] = {}
    for r in rows:
        for k in r:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= MIN_COUNT}
    rows = [{k: 1 for k in r if k in keep} for r in rows]
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # what liblinear takes
    log(f"{x.shape[0]} candidate tokens, {sum(labels)} cue heads, {x.shape[1]} features")
    clf = LogisticRegression(C=C, max_iter=2000, solver="liblinear", random_state=SEED)
    clf.fit(x, labels)
    weights = {
        name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    weights = {k: w for k, w in weights.items() if w != 0.0}

    cue_model = learned.CueModel(weights=weights, threshold=0.5)
    by_threshold = {t: head_scores(cue_model, val_items, t) for t in THRESHOLDS}
    threshold = max(THRESHOLDS, key=lambda t: (by_threshold[t]["f1"], -t))
    cue_model = learned.CueModel(weights=weights, threshold=threshold)
    figures = {"validation": by_threshold[threshold], "fit": head_scores(cue_model, fit_items, threshold)}
    dev_items = parsed_folder(dev, model, log=log) if dev else []
    if dev:
        figures["dev"] = head_scores(cue_model, dev_items, threshold)

    tags = verb_tags(fit_items)
    shipped = learned.CueModel(
        weights=weights, threshold=CUE_THRESHOLD, verb_tags={k: frozenset(v) for k, v in tags.items()}
    )
    log("gathering source resolver examples on the fitted articles")
    source_rows = train_sources.examples(fit_items, shipped, log=log)
    source_model = train_sources.fit(source_rows)
    end_to_end = {"validation": end_to_end_scores(shipped, val_items, model, source_model)}
    if dev:
        end_to_end["dev"] = end_to_end_scores(shipped, dev_items, model, source_model)
    log(json.dumps(end_to_end))
    seconds = round(time.perf_counter() - started, 1)

    out.mkdir(parents=True, exist_ok=True)
    (out / "weights.json").write_text(
        json.dumps(
            {
                "threshold": CUE_THRESHOLD,
                "verb_tags": tags,
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    from sourcetrace.nlp import get_pipeline

    nlp = get_pipeline(model)
    provenance = {
        "what": "logistic regression: is a token the head of a cue (sourcetrace/learned.py)",
        **_origin(folder, out, nlp, (len(items), len(fit_items), len(val_items))),
        "hyperparameters": {"C": C, "min_count": MIN_COUNT, "solver": "liblinear", "seed": SEED},
        "examples": {"candidates": int(x.shape[0]), "cue_heads": int(sum(labels)), "features": len(weights)},
        "threshold": CUE_THRESHOLD,
        "cue_head_detection": {"best_threshold_on_validation": threshold, **figures},
        "attribution_exact_f1": end_to_end,
        "training_seconds": seconds,
    }
    (out / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    _write_sources(out.parent / "sources", source_model, source_rows, provenance)
    log(json.dumps(figures))
    log(f"wrote {out} in {seconds} s")
    return provenance


def _origin(folder, out: Path, nlp, counts: tuple[int, int, int], flags: str = "") -> dict:
    """Data, command, date, commit and pipeline of a training run, for a model's provenance."""
    total, fitted, validation = counts
    return {
        "data": f"{Path(folder).name}: {total} BRAT articles ({fitted} fitted, {validation} validation, "
        f"seed {SEED})",
        "command": "python -m sourcetrace train " + " ".join(sys.argv[2:])
        if sys.argv[1:2] == ["train"]
        else f"python -m sourcetrace train {folder} -o {out}{flags}",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git_commit": _git_commit(),
        "pipeline": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
    }


def _write_sources(out: Path, source_model, rows, cues: dict) -> None:
    """The source resolver's weights and provenance, beside the cue model's."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "weights.json").write_text(
        json.dumps({"threshold": source_model.threshold, "weights": source_model.weights}, indent=0) + "\n",
        encoding="utf-8",
    )
    provenance = {
        "what": "logistic regression: which noun phrase of its sentence tells a cue the rules left without "
        "a source (sourcetrace/learned_sources.py)",
        "data": cues["data"] + "; examples from the fitted articles only",
        "command": cues["command"],
        "date": cues["date"],
        "git_commit": cues["git_commit"],
        "pipeline": cues["pipeline"],
        "hyperparameters": {
            "C": train_sources.C,
            "min_count": train_sources.MIN_COUNT,
            "solver": "liblinear",
            "seed": train_sources.SEED,
        },
        "threshold": source_model.threshold,
        "chosen_by": "cross-fitting inside train folds 1-9 (fitted on six folds, scored end to end on the "
        "other three, three times; the harness of 2026-12-02 is not kept in the repository); never fold 0 "
        "or dev",
        "examples": {
            "finds": len(rows),
            "candidates": sum(len(r) for r in rows),
            "positives": sum(label for r in rows for _, label in r),
            "features": len(source_model.weights),
        },
        "attribution_exact_f1": cues["attribution_exact_f1"],
    }
    (out / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")


def train_sources_only(
    folder: str, out: Path, model: str | None = None, dev: str | None = None, log=print
) -> dict:
    """Rebuild only the source resolver (`../sources` beside the cue model folder `out`), with the
    shipped cue model as the analysis's learned cue scorer; the cue model is left as it is."""
    from sourcetrace.corpus_cache import parsed_folder

    cue_model = learned._load(str(out))
    if cue_model is None:
        raise SystemExit(f"no cue model in {out}: run the full training first")
    items = parsed_folder(folder, model, log=log)
    held = split([n for n, _, _, _ in items])
    fit_items = [it for it in items if it[0] not in held]
    val_items = [it for it in items if it[0] in held]
    rows = train_sources.examples(fit_items, cue_model, log=log)
    source_model = train_sources.fit(rows)
    end_to_end = {"validation": end_to_end_scores(cue_model, val_items, model, source_model)}
    if dev:
        dev_items = parsed_folder(dev, model, log=log)
        end_to_end["dev"] = end_to_end_scores(cue_model, dev_items, model, source_model)
    log(json.dumps(end_to_end))
    from sourcetrace.nlp import get_pipeline

    nlp = get_pipeline(model)
    cues = {
        **_origin(folder, out, nlp, (len(items), len(fit_items), len(val_items)), " --sources-only"),
        "attribution_exact_f1": end_to_end,
    }
    _write_sources(out.parent / "sources", source_model, rows, cues)
    return cues


def cmd_train(args: argparse.Namespace) -> int:
    if args.sources_only:
        train_sources_only(args.folder, Path(args.output), model=args.model, dev=args.dev)
    else:
        train(args.folder, Path(args.output), model=args.model, dev=args.dev)
    return 0


def add_parser(subparsers) -> None:
    t = subparsers.add_parser("train", help="rebuild the learned cue model from a BRAT folder")
    t.add_argument("folder", help="training BRAT folder (PolNeAR layout)")
    t.add_argument("-o", "--output", default=str(learned.MODEL_DIR), help="model folder to write")
    t.add_argument("--dev", help="a BRAT folder to report cue-head figures on (not used to fit)")
    t.add_argument("--model", help="spaCy pipeline name or path")
    t.add_argument(
        "--sources-only",
        action="store_true",
        help="rebuild only the source resolver (beside the cue model), with the shipped cue model",
    )
    t.set_defaults(func=cmd_train)
