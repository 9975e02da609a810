"""The learned source resolver: who tells a cue the rules found no teller for?

The rules (`attributions/sources.py`, `clauses.subject`) take a cue's source from the parse: the
verb's subject, a passive's agent, a relative clause's antecedent, the subject of the verb a
conjunct hangs on. Some cues come out of them with no source at all, mostly participles and
infinitives whose teller is a subject further up ("..., writing that P", "was quick to embrace P",
"the senator, who went on to argue that P"). For those the resolver ranks the noun phrases of the
cue's sentence: every noun, proper noun and pronoun outside the cue and its content is a candidate,
described by its dependency path to the cue (up to their lowest common ancestor, then down), the
distance and side, its part of speech, entity type and dependency, and whether it is a pronoun. A
logistic regression (fitted on PolNeAR train by `python -m sourcetrace train`, weights as JSON in
`data/models/sources/`) scores each candidate; the best one is the source when its probability
reaches the shipped threshold, else the cue keeps no source (PolNeAR leaves some without one).

The rules decide first; only a cue they leave without a source is offered to the model (rule
"learned_sources", switched off with `--without learned_sources`). No library beyond the standard
one is needed to run it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from sourcetrace.learned import _in_quote

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "sources"
CANDIDATE_POS = frozenset({"NOUN", "PROPN", "PRON"})
MAX_PATH = 4  # dependency steps kept on each side of the lowest common ancestor
# closed classes of English: personal and relative pronouns
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
Range = tuple[int, int]


def _ancestors(tok: Token) -> list[Token]:
    """`tok` and its heads up to the sentence root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 40:
        out.append(out[-1].head)
    return out


def path(cue: Token, cand: Token) -> tuple[list[str], list[str]]:
    """The dependency labels from the cue up to the lowest common ancestor, and from there down to
    the candidate (each list ordered outward from the ancestor's side it starts on)."""
    up = _ancestors(cue)
    down = _ancestors(cand)
    where = {t.i: n for n, t in enumerate(up)}
    for m, t in enumerate(down):
        if t.i in where:
            n = where[t.i]
            return [x.dep_ for x in up[:n]], [x.dep_ for x in down[:m]][::-1]
    return [x.dep_ for x in up], ["?"]


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else ("8-15" if n < 16 else "16+"))


def candidates(cue: Token, skip: list[Range], within: Range | None = None) -> list[Token]:
    """The nouns, proper nouns and pronouns of the cue's sentence outside `skip` (the cue and its
    content), one per phrase: the phrase's head (a compound or flat name part is left out). A cue
    inside another attribution's content (`within`) is told by someone inside those words ("X called
    on Y to apologise for suggesting P": Y, never X)."""
    from sourcetrace.attributions.base import sentence

    sent = sentence(cue)  # spaCy's Token.sent walks the whole sentence on every call
    out = []
    for tok in sent:
        if tok.pos_ not in CANDIDATE_POS or tok.i == cue.i or tok.dep_ in ("compound", "flat"):
            continue
        if within is not None and not within[0] <= tok.idx < within[1]:
            continue
        if tok.dep_ == "poss" and tok.pos_ == "PRON":
            continue
        if any(s <= tok.idx < e for s, e in skip):
            continue
        if relative_of(tok) is not None:
            continue  # "leaders who say": the antecedent stands for it (rule "relative_source")
        if expletive(tok):
            continue
        out.append(tok)
    return out


def expletive(tok: Token) -> bool:
    """ "There are fears that P", "It is suggested that P": a placeholder subject, never a teller."""
    if tok.dep_ == "expl":
        return True
    return (
        tok.lower_ == "it"
        and tok.dep_ == "nsubjpass"
        and any(c.dep_ in ("ccomp", "csubjpass") for c in tok.head.children)
    )


def relative_of(tok: Token) -> Token | None:
    """The antecedent of a relative pronoun that is its clause's subject ("leaders who say"), else None."""
    if tok.lower_ in _RELATIVE and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


def features(
    cue: Token, cand: Token, in_quote: bool, nearest_named: int | None, weak: bool = False
) -> list[str]:
    """The candidate's features as strings ("up=xcomp|acomp", "down=nsubj", ...); `weak`: an
    impression or a noun cue."""
    up, down = path(cue, cand)
    ups = "|".join(up[:MAX_PATH]) + ("|+" if len(up) > MAX_PATH else "")
    downs = "|".join(down[:MAX_PATH]) + ("|+" if len(down) > MAX_PATH else "")
    before = cand.i < cue.i
    lower = cand.lower_
    pron = "personal" if lower in _PERSONAL else ("relative" if lower in _RELATIVE else "")
    ent = cand.ent_type_ or "-"
    kind = ent if ent != "-" else (pron or cand.pos_)
    cl = cue.lemma_.lower()
    f = [
        "bias",
        "cl=" + cl,
        "cl_up=" + cl + "|" + ups,
        "cl_kind=" + cl + "|" + kind,
        "weak=" + str(weak),
        "up=" + ups,
        "down=" + downs,
        "path=" + ups + "/" + downs,
        "nup=" + _bucket(len(up)),
        "ndown=" + _bucket(len(down)),
        "cd=" + cue.dep_,
        "ct=" + cue.tag_,
        "cp=" + cue.pos_,
        "cdt=" + cue.dep_ + "|" + cue.tag_,
        "kd=" + cand.dep_,
        "kp=" + cand.pos_,
        "kind=" + kind,
        "down_kind=" + downs + "|" + kind,
        "up_kd=" + ups + "|" + cand.dep_,
        "side=" + ("before" if before else "after"),
        "dist=" + _bucket(abs(cand.i - cue.i)),
        "side_kind=" + ("b" if before else "a") + "|" + kind,
        "kh=" + cand.head.pos_ + "|" + cand.dep_,
    ]
    if pron:
        f.append("pron=" + pron)
    if in_quote:
        f.append("in_quote")
        f.append("in_quote|" + kind)
    if nearest_named is not None and cand.i == nearest_named:
        f.append("nearest_named")
    if cand.head.i == cue.i:
        f.append("child_of_cue=" + cand.dep_)
    if up and down and down[-1] in ("nsubj", "nsubjpass"):
        f.append("subject_of_ancestor|" + up[-1])
    return f


@dataclass(frozen=True)
class SourceModel:
    weights: dict[str, float]
    threshold: float  # probability the best candidate needs

    def probability(self, feats: list[str]) -> float:
        w = self.weights
        z = sum(w.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


_active: list[SourceModel] = []  # a model being trained (train.py), used instead of the shipped one
_recording: list[list] = []  # while examples are gathered (train_sources.py): finds recorded, not resolved


def recorded(found, regions: list[Range], within: Range | None = None) -> bool:
    """While training examples are gathered, note a find the rules left without a source (and resolve
    nothing): True then."""
    if not _recording:
        return False
    _recording[-1].append((found, regions, within))
    return True


def enclosing(found, finds: list) -> Range | None:
    """The narrowest content part of another find that holds this find's cue, if any."""
    s, e = found.cue
    holders = [p for g in finds if g is not found for p in g.content if p[0] <= s and e <= p[1]]
    return min(holders, key=lambda p: p[1] - p[0]) if holders else None


def load(path_: Path | str = MODEL_DIR) -> SourceModel | None:
    """The shipped source model, or None when there is none (the rules then work alone)."""
    return _active[-1] if _active else _load(str(path_))


@lru_cache(maxsize=4)
def _load(path_: str) -> SourceModel | None:
    weights = Path(path_) / "weights.json"
    if not weights.exists():
        return None
    data = json.loads(weights.read_text(encoding="utf-8"))
    return SourceModel(weights=data["weights"], threshold=float(data["threshold"]))


def cue_token(found, doc) -> Token | None:
    """The token a find's cue hangs on: its verb, else the cue's syntactic head."""
    if found.verb is not None:
        return found.verb
    span = doc.char_span(found.cue[0], found.cue[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def candidate_features(
    found, cue: Token, regions: list[Range], within: Range | None = None
) -> list[tuple[list[str], Token]]:
    """(features, candidate) for every candidate of a find whose cue hangs on `cue`."""
    cands = candidates(cue, [found.cue, *found.content], within)
    in_quote = _in_quote(regions, found.cue[0])
    named = [t for t in cands if t.ent_type_ in _NAMED and t.i < cue.i]
    nearest = max(named, key=lambda t: t.i).i if named else None
    return [(features(cue, c, in_quote, nearest, found.weak), c) for c in cands]


def scored(
    found, doc, regions: list[Range], model: SourceModel, within: Range | None = None
) -> list[tuple[float, Token]]:
    """(probability, candidate) for every candidate of a find, best first."""
    cue = cue_token(found, doc)
    if cue is None:
        return []
    out = [(model.probability(f), c) for f, c in candidate_features(found, cue, regions, within)]
    return sorted(out, key=lambda x: (-x[0], x[1].i))


def resolved_range(cand: Token, cue: Token) -> Range:
    """The source words a chosen candidate gives, as the rules would write them: its phrase
    (`clauses.source_range`), or the relative pronoun for an antecedent of the cue's relative clause
    (rule "relative_source" makes that change after resolution; here only for training labels)."""
    from sourcetrace.attributions.clauses import source_range

    r = source_range(cand, cue)
    if cue.dep_ == "relcl" and cand.i == cue.head.i:
        rel = next((k for k in cue.children if relative_of(k) is not None), None)
        if rel is not None and rel.idx >= r[1]:
            r = (rel.idx, rel.idx + len(rel.text))
    return r


def best(
    found, doc, regions: list[Range], model: SourceModel | None = None, within: Range | None = None
) -> Token | None:
    """The candidate the model makes the teller of a find without a source, or None."""
    model = model or load()
    if model is None:
        return None
    ranked = scored(found, doc, regions, model, within)
    return ranked[0][1] if ranked and ranked[0][0] >= model.threshold else None
