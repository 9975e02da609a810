"""Parsed BRAT folders, cached as spaCy DocBin files outside the repository.

Training and model selection read the same PolNeAR articles many times; parsing them is most of
the cost (about 1 s of CPU per 5k characters). `parsed_folder` parses a folder once with the shared
pipeline and keeps the Docs in the user cache folder (platformdirs), keyed by the pipeline and the
texts, so a second run — or `evaluate` after `train` — starts from the parse.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from spacy.tokens import Doc, DocBin

from sourcetrace.brat import GoldAttribution, read_folder


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sourcetrace")) / "parses"


def _key(nlp, texts: list[str]) -> str:
    h = hashlib.sha256()
    h.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{','.join(nlp.pipe_names)}".encode())
    h.update(str(nlp.meta.get("sourcetrace_tokenizer")).encode())
    h.update(str(nlp.meta.get("sourcetrace_sentences")).encode())
    for g in nlp.meta.get("sourcetrace_gazetteers", []):
        p = Path(g)
        h.update(p.read_bytes() if p.exists() else g.encode())
    for t in texts:
        h.update(hashlib.sha256(t.encode("utf-8")).digest())
    return h.hexdigest()[:24]


def parsed_folder(
    folder: str | Path, model: str | None = None, cache: Path | None = None, log=None
) -> list[tuple[str, str, list[GoldAttribution], Doc]]:
    """(name, text, gold, doc) for every annotated text of a BRAT folder."""
    from sourcetrace.analysis import parse_text
    from sourcetrace.nlp import get_pipeline

    nlp = get_pipeline(model)
    items = read_folder(folder)
    texts = [parse_text(t) for _, t, _ in items]  # what the analysis parses (hard wraps as spaces)
    path = (cache or cache_dir()) / f"{_key(nlp, texts)}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(items) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return [(n, t, g, d) for (n, t, g), d in zip(items, docs, strict=True)]
    if log:
        log(f"parsing {len(texts)} texts from {folder} (cached in {path.parent})")
    docs = list(nlp.pipe(texts))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return [(n, t, g, d) for (n, t, g), d in zip(items, docs, strict=True)]
