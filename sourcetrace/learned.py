"""The learned cue scorer: is this token the head of a cue that reports speech or thought?

Trained on PolNeAR's train split (`python -m sourcetrace train`, see `sourcetrace/train.py`): a
logistic regression over parse features of one token — its lemma, part of speech and dependency,
its head, its children's dependencies (a `that` complement, a subject, a quotation after a colon),
the quotation marks around it, and whether the rule lexicons already list it. The rules in
`sourcetrace/attributions/` then resolve the source and the content of a learned cue from the parse,
exactly as for a lexicon cue, with content tags learned per lemma (`CueModel.verb_tags`); only the
decision "is this verb a cue" is learned (`attributions/cues.is_cue`, rule "learned_cues").

Inference needs no library beyond the standard one: the weights are a JSON table of feature ->
weight (`data/models/cues/weights.json`, with `provenance.json` beside it), and a token's score is
the sum of its features' weights, squashed. The model is fitted on candidate tokens (verbs, nouns,
adjectives, prepositions, auxiliaries); the analysis scores only the verbs the lexicon lacks.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "cues"
DEFAULT_TAGS: frozenset[str] = frozenset({"obj"})  # a verb the training data never showed as a cue
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "ADP", "AUX"})
_QUOTES = frozenset('"“”«»')
_CORE_DEPS = frozenset({"nsubj", "ccomp", "dobj", "xcomp", "nsubjpass"})
Range = tuple[int, int]


def is_candidate(tok: Token) -> bool:
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and len(tok.text) > 1


def _in_quote(regions: list[Range], pos: int) -> bool:
    i = bisect_right(regions, (pos, 1 << 62)) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


def features(tok: Token, regions: list[Range], verbs: dict, nouns: frozenset[str]) -> list[str]:
    """The token's features as strings ("l=say", "c=ccomp", ...)."""
    lemma = tok.lemma_.lower()
    pos, dep = tok.pos_, tok.dep_
    head = tok.head
    hl = head.lemma_.lower()
    f = [
        "bias",
        "l=" + lemma,
        "p=" + pos,
        "t=" + tok.tag_,
        "d=" + dep,
        "pd=" + pos + "|" + dep,
        "lp=" + lemma + "|" + pos,
        "hl=" + hl,
        "hp=" + head.pos_ + "|" + dep,
        "lhl=" + lemma + "|" + hl,
        "hhl=" + head.head.lemma_.lower() + "|" + dep,
    ]
    if lemma in verbs:
        f.append("lexv")
        f.extend("lexv=" + t for t in verbs[lemma])
    if lemma in nouns:
        f.append("lexn")
    if hl in verbs and head is not tok:
        f.append("head_lexv|" + dep)
    if tok.ent_type_:
        f.append("ent=" + tok.ent_type_)
    f.extend(_child_features(tok, lemma))
    f.extend(_context_features(tok, lemma, regions))
    return f


def _child_features(tok: Token, lemma: str) -> list[str]:
    """What hangs on the token: a subject and its type, prepositions, a "that" clause, a colon..."""
    f = []
    kids = set()
    for c in tok.children:
        cd = c.dep_
        kids.add(cd)
        if cd in ("nsubj", "nsubjpass"):
            f.append("subj_ent=" + (c.ent_type_ or c.pos_))
            if c.lower_ in ("he", "she", "they", "i", "we"):
                f.append("subj_pron")
        elif cd == "prep" or cd == "agent":
            f.append("prep=" + c.lower_)
            f.append("lprep=" + lemma + "|" + c.lower_)
        elif cd in ("ccomp", "acl", "xcomp") and any(
            m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.children
        ):
            f.append("that_clause")
            f.append("l_that=" + lemma)
        elif cd == "punct" and c.text == ":":
            f.append("colon")
        elif cd == "poss":
            f.append("poss=" + (c.ent_type_ or c.pos_))
        if cd in ("dobj", "xcomp", "nsubj", "prt"):
            f.append(cd + "_l=" + lemma + "|" + c.lemma_.lower())
    for cd in kids:
        f.append("c=" + cd)
        f.append("lc=" + lemma + "|" + cd)
    f.append("kids=" + "+".join(sorted(kids & _CORE_DEPS)))
    return f


def _context_features(tok: Token, lemma: str, regions: list[Range]) -> list[str]:
    """The words around the token and the quotation marks it sits in or after."""
    doc, i = tok.doc, tok.i
    f = []
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev is not None:
        f.append("prev=" + (prev.lower_ if prev.is_punct else prev.pos_))
        if prev.text in _QUOTES or (prev.text == "," and i > 1 and doc[i - 2].text in _QUOTES):
            f.append("after_quote")
    if nxt is not None:
        f.append("next=" + (nxt.lower_ if nxt.is_punct else nxt.pos_))
        if nxt.lower_ in ("to", "that", "of", "for", "about", "on"):
            f.append("lnext=" + lemma + "|" + nxt.lower_)
    if _in_quote(regions, tok.idx):
        f.append("in_quote")
        f.append("lq=" + lemma)
    return f


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    threshold: float  # probability above which a token is a cue
    verb_tags: dict[str, frozenset[str]] = field(default_factory=dict)  # learned from train

    def tags(self, lemma: str, default: frozenset[str] = DEFAULT_TAGS) -> frozenset[str]:
        """How a learned verb cue takes its content: the tags learned for its lemma, else `default`
        (the generic ones)."""
        return self.verb_tags.get(lemma, default)

    def probability(self, feats: list[str]) -> float:
        w = self.weights
        z = sum(w.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


_active: list[CueModel] = []  # a model being trained (train.py), used instead of the shipped one


def load(path: Path | str = MODEL_DIR) -> CueModel | None:
    """The shipped cue model, or None when there is none (the rules then work alone)."""
    return _active[-1] if _active else _load(str(path))


@lru_cache(maxsize=4)
def _load(path: str) -> CueModel | None:
    weights = Path(path) / "weights.json"
    if not weights.exists():
        return None
    data = json.loads(weights.read_text(encoding="utf-8"))
    return CueModel(
        weights=data["weights"],
        threshold=float(data["threshold"]),
        verb_tags={k: frozenset(v) for k, v in data.get("verb_tags", {}).items()},
    )


class Scorer:
    """The learned decision for one Doc: a cue the lexicons lack."""

    def __init__(self, model: CueModel, regions: list[Range], verbs: dict, nouns: frozenset[str]):
        self.model, self.regions, self.verbs, self.nouns = model, regions, verbs, nouns

    def probability(self, tok: Token) -> float:
        if not is_candidate(tok):
            return 0.0
        return self.model.probability(features(tok, self.regions, self.verbs, self.nouns))

    def is_cue(self, tok: Token) -> bool:
        return self.probability(tok) >= self.model.threshold

    def tags(self, lemma: str, default: frozenset[str] = DEFAULT_TAGS) -> frozenset[str]:
        """How a learned cue of this lemma takes its content (reporting_verbs.txt tags)."""
        return self.model.tags(lemma, default)


def cue_scorer(regions: list[Range], verbs: dict, nouns: frozenset[str]) -> Scorer | None:
    """The learned scorer for one Doc; None when no model is shipped (the rules then work alone).
    Switched off as the attribution rule "learned_cues" (`evaluate --no-learned`)."""
    model = load()
    return Scorer(model, regions, verbs, nouns) if model is not None else None


def drop_overlapping(finds: list, learned_ids: set[int]) -> list:
    """A learned cue that overlaps a rule's cue ("issued" in "issued a paper welcoming") is the
    rule's: the rules keep their finds, the learned part only adds."""
    if not learned_ids:
        return finds
    ruled = [f.cue for f in finds if id(f) not in learned_ids]
    return [
        f
        for f in finds
        if id(f) not in learned_ids or not any(s < f.cue[1] and f.cue[0] < e for s, e in ruled)
    ]
