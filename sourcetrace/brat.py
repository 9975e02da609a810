"""BRAT attribution folders (the PolNeAR layout): `text/NAME.txt` and `attributions/NAME*.ann`.

Read by the evaluation (sourcetrace.evaluate), the parse cache (sourcetrace.corpus_cache) and
training; kept apart from the scoring so the cache can read a folder without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sourcetrace.errors import InputError

ROLES = ("Source", "Cue", "Content")


@dataclass
class GoldAttribution:
    source: list[tuple[int, int]] | None
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


def _offsets(field_: str) -> list[tuple[int, int]]:
    out = []
    for piece in field_.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return out


def read_ann(text: str) -> list[GoldAttribution]:
    """Attribution events of a BRAT .ann file (Source optional, Cue and Content required)."""
    bounds: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            kind, _, where = cols[1].partition(" ")
            if kind in ROLES:
                bounds[cols[0]] = _offsets(where)
        elif cols[0].startswith("E"):
            roles = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789")] = ref
            events.append(roles)
    gold = []
    for roles in events:
        cue, content = bounds.get(roles.get("Cue", "")), bounds.get(roles.get("Content", ""))
        if cue is None or content is None:
            continue
        gold.append(GoldAttribution(source=bounds.get(roles.get("Source", "")), cue=cue, content=content))
    return gold


def read_folder(folder: str | Path) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold attributions) for every text that has an annotation file."""
    root = Path(folder)
    texts, anns = root / "text", root / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise InputError(f"{root}: expected a BRAT folder with text/ and attributions/ subfolders.")
    out = []
    for txt in sorted(texts.glob("*.txt")):
        # "NAME.ann" or "NAME_<annotator>.ann" — not the files of a longer name starting with NAME_
        suffixed = [f for f in anns.glob(f"{txt.stem}_*.ann") if "_" not in f.stem[len(txt.stem) + 1 :]]
        candidates = sorted(anns.glob(f"{txt.stem}.ann")) + sorted(suffixed)
        if not candidates:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, read_ann(candidates[0].read_text(encoding="utf-8"))))
    if not out:
        raise InputError(f"{root}: no text has an annotation file in attributions/.")
    return out
