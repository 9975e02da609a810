"""Fitting the learned source resolver (`sourcetrace/learned_sources.py`) on PolNeAR train.

Examples come from the engine itself: each training article is analysed (with the cue model given),
and every cue the rules leave without a source is recorded before anything is resolved. A candidate
is a positive when the source words it would give (`learned_sources.resolved_range`) are exactly the
gold source of the gold attribution whose cue the find's cue overlaps (word characters, as
`evaluate` compares them). Finds scored by `evaluate` (outermost ones) are kept, and nested ones that
match a gold cue; a find PolNeAR does not annotate teaches "no source" (every candidate negative).
Needs scikit-learn (requirements-dev.txt); inference does not.
"""

from __future__ import annotations

from sourcetrace import learned, learned_sources
from sourcetrace.evaluate import chars

C = 1.0  # inverse L2 strength, chosen by cross-fitting inside train folds 1-9
THRESHOLD = 0.4  # the best candidate's probability needed, chosen the same way
MIN_COUNT = 2
SEED = 13


def article_examples(text: str, name: str, gold, doc) -> list[list[tuple[list[str], int]]]:
    """One list of (features, label) per recorded find of one article."""
    from sourcetrace.actors import extract_actors
    from sourcetrace.analysis import prepare_article
    from sourcetrace.attributions.stage import find_sourcing

    article = prepare_article(text, source_path=name)
    if doc.text != article.text:
        article = article.model_copy(update={"text": doc.text})
    learned_sources._recording.append([])
    try:
        find_sourcing(doc, article, extract_actors(doc, article))
    finally:
        finds = learned_sources._recording.pop()
    text = article.text
    golds = [(chars(text, g.cue), g) for g in gold]
    out = []
    for f, regions, within in finds:
        fc = chars(text, [f.cue])
        g = next((g for gc, g in golds if gc & fc), None)
        if not (f.parent is None or f.parent.frame or g is not None):
            continue
        cue = learned_sources.cue_token(f, doc)
        if cue is None:
            continue
        gch = chars(text, g.source) if g is not None and g.source else None
        out.append([
            (feats, int(gch is not None and chars(text, [learned_sources.resolved_range(c, cue)]) == gch))
            for feats, c in learned_sources.candidate_features(f, cue, regions, within)
        ])
    return [x for x in out if x]


def examples(items, cue_model: learned.CueModel | None, log=None) -> list[list[tuple[list[str], int]]]:
    """Every article's examples, the analysis run with `cue_model` as its learned cue scorer."""
    rows = []
    if cue_model is not None:
        learned._active.append(cue_model)
    try:
        for n, (name, text, gold, doc) in enumerate(items, 1):
            rows.extend(article_examples(text, name, gold, doc))
            if log is not None and n % 200 == 0:
                log(f"  source examples: {n}/{len(items)} articles")
    finally:
        if cue_model is not None:
            learned._active.pop()
    return rows


def fit(rows, c: float = C, threshold: float = THRESHOLD) -> learned_sources.SourceModel:
    """A logistic regression over every candidate of every recorded find."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    flat = [(feats, label) for find in rows for feats, label in find]
    counts: dict[str, int] = {}
    for feats, _ in flat:
        for k in set(feats):
            counts[k] = counts.get(k, 0) + 1
    x_rows = [{k: 1 for k in feats if counts[k] >= MIN_COUNT} for feats, _ in flat]
    labels = [label for _, label in flat]
    vec = DictVectorizer()
    x = vec.fit_transform(x_rows).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # what liblinear takes
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=SEED)
    clf.fit(x, labels)
    weights = {n: round(float(w), 4) for n, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)}
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    return learned_sources.SourceModel({k: w for k, w in sorted(weights.items()) if w != 0.0}, threshold)
