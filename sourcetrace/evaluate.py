"""`python -m sourcetrace evaluate DIR`: attribution P/R/F1 per role against a BRAT folder.

The folder holds `text/NAME.txt` and `attributions/NAME*.ann` (the PolNeAR layout; with several
annotators' files for one text, the first in sorted order is used). Gold attributions are the
`Attribution` events with their Source, Cue and Content text-bound spans (possibly discontinuous,
"s e;s e").

What is compared (decided here, as PolNeAR is univocal — every token has one role in at most one
attribution): our *outermost* sentence-level attributions, i.e. those whose parent is None or a
document frame; frames themselves are not predictions and nested attributions are not scored.

Two conventions for a discontinuous span ("s e;s e", e.g. a quotation broken by "he said"):
* fragments (the headline figure) — each contiguous fragment is a span of its own, on the gold
  side and on ours. This is how the published anchors score: CofeNet converts PolNeAR to per-token
  tags, where a span broken by "he said" is two spans. Fragments separated only by spaces are one.
* merged — the fragments of one span are compared together, as one span.

Two matchings, both one-to-one per article and role:
* exact — same characters once each span (each part) is trimmed of spaces and punctuation at its
  edges: compared as the set of word characters covered;
* lenient — character Jaccard >= 0.5 on those sets, best pairs first.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sourcetrace.brat import ROLES, GoldAttribution, read_folder
from sourcetrace.model import Analysis, Span

CONVENTIONS = ("fragments", "merged")  # the first is the headline figure
LENIENT_JACCARD = 0.5
_WORD = re.compile(r"\w")

Chars = frozenset[int]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    lenient: int = 0

    def scores(self, matched: int) -> dict[str, float]:
        p = matched / self.predicted if self.predicted else 0.0
        r = matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1)}


def _new_counts() -> dict[str, dict[str, Counts]]:
    return {conv: {r: Counts() for r in ROLES} for conv in CONVENTIONS}


@dataclass
class Report:
    articles: int = 0
    # convention -> role -> counts
    counts: dict[str, dict[str, Counts]] = field(default_factory=_new_counts)

    def as_dict(self) -> dict:
        """`roles`: the headline figures (fragments); `merged`: the same roles, fragments merged."""
        out: dict = {"articles": self.articles, "convention": CONVENTIONS[0]}
        for conv, key in zip(CONVENTIONS, ("roles", "merged"), strict=True):
            out[key] = {
                role: {
                    "gold": c.gold,
                    "predicted": c.predicted,
                    "exact": c.scores(c.exact),
                    "lenient": c.scores(c.lenient),
                }
                for role, c in self.counts[conv].items()
            }
        return out


# --------------------------------------------------------------------------- matching


def chars(text: str, parts: list[tuple[int, int]]) -> Chars:
    """Word characters covered: the span with its edges trimmed of spaces and punctuation."""
    return frozenset(i for s, e in parts for i in range(s, min(e, len(text))) if _WORD.match(text[i]))


def _span_parts(span: Span) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in span.parts] if span.parts else [(span.start, span.end)]


def fragments(text: str, parts: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The contiguous fragments of a span, each as its own one-part span; parts with only spaces
    between them (no token apart) are one fragment."""
    out: list[list[tuple[int, int]]] = []
    for s, e in sorted(parts):
        if out and not text[out[-1][-1][1] : s].strip():
            out[-1].append((s, e))
        else:
            out.append([(s, e)])
    return out


def _spans(text: str, spans: list[list[tuple[int, int]]], convention: str) -> list[Chars]:
    if convention == "merged":
        found = [chars(text, parts) for parts in spans]
    else:
        found = [chars(text, frag) for parts in spans for frag in fragments(text, parts)]
    return [x for x in found if x]


def match(gold: list[Chars], predicted: list[Chars]) -> tuple[int, int]:
    """(exact, lenient) one-to-one matches."""
    free = list(gold)
    exact = 0
    for p in predicted:
        if p in free:
            free.remove(p)
            exact += 1
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            inter = len(g & p)
            if inter:
                j = inter / len(g | p)
                if j >= LENIENT_JACCARD:
                    pairs.append((j, gi, pi))
    used_g, used_p, lenient = set(), set(), 0
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            lenient += 1
    return exact, lenient


def outermost(analysis: Analysis) -> list:
    """Sentence-level attributions whose parent is None or a document frame."""
    frames = {a.id for a in analysis.attributions if a.frame}
    return [a for a in analysis.attributions if not a.frame and (a.parent is None or a.parent in frames)]


def score(analysis: Analysis, gold: list[GoldAttribution], report: Report) -> None:
    text = analysis.article.text
    predicted = outermost(analysis)
    sides = {
        "Source": (
            [g.source for g in gold if g.source],
            [_span_parts(a.source) for a in predicted if a.source],
        ),
        "Cue": ([g.cue for g in gold], [_span_parts(a.cue) for a in predicted]),
        "Content": ([g.content for g in gold], [_span_parts(a.content) for a in predicted]),
    }
    for conv in CONVENTIONS:
        for role, (g_spans, p_spans) in sides.items():
            g, p = _spans(text, g_spans, conv), _spans(text, p_spans, conv)
            exact, lenient = match(g, p)
            c = report.counts[conv][role]
            c.gold += len(g)
            c.predicted += len(p)
            c.exact += exact
            c.lenient += lenient
    report.articles += 1


def evaluate_folder(
    folder: str | Path, model: str | None = None, without: tuple[str, ...] = (), *, cache: bool = False
) -> Report:
    """Scores over a BRAT folder; `without` names attribution rules to switch off ("learned_cues"
    runs the rules alone); `cache=True` reuses (or writes) the folder's parse in the user cache."""
    from sourcetrace.analysis import Settings, _analyze_doc, analyze_many, prepare_article
    from sourcetrace.nlp import get_pipeline

    report = Report()
    settings = Settings(model=model, disabled_rules=without)
    if cache:
        from sourcetrace.corpus_cache import parsed_folder

        nlp = get_pipeline(model)
        for name, text, gold, doc in parsed_folder(folder, model):
            article = prepare_article(text, source_path=name)
            score(_analyze_doc(article, doc, nlp, settings), gold, report)
        return report
    items = read_folder(folder)
    articles = [prepare_article(text, source_path=name) for name, text, _ in items]
    for analysis, (_, _, gold) in zip(analyze_many(articles, settings), items, strict=True):
        score(analysis, gold, report)
    return report


_TITLES = {
    "roles": "by fragments (each contiguous part of a span is a span, as the published anchors score)",
    "merged": "merged (the parts of a discontinuous span scored as one span)",
}


def format_table(report: Report) -> str:
    data = report.as_dict()
    lines = [f"{data['articles']} articles; outermost attributions (parent None or a frame)"]
    for key, title in _TITLES.items():
        lines += [
            title,
            f"{'role':<8} {'gold':>5} {'pred':>5}   {'exact P':>7} {'R':>5} {'F1':>5}"
            f"   {'lenient P':>9} {'R':>5} {'F1':>5}",
        ]
        for role, r in data[key].items():
            e, le = r["exact"], r["lenient"]
            lines.append(
                f"{role:<8} {r['gold']:>5} {r['predicted']:>5}"
                f"   {e['precision']:>7} {e['recall']:>5} {e['f1']:>5}"
                f"   {le['precision']:>9} {le['recall']:>5} {le['f1']:>5}"
            )
    return "\n".join(lines)


def cmd_evaluate(args: argparse.Namespace) -> int:
    if getattr(args, "chains", None):  # chain gold on real texts: sourcetrace/chain_eval.py
        from sourcetrace.chain_eval import cmd_chains

        return cmd_chains(args)
    without = tuple(r.strip() for r in (args.without or "").split(",") if r.strip())
    if without:
        from sourcetrace.attributions import check_rules

        check_rules(without)  # an unknown name is one sentence before the corpus is parsed
    if not args.learned:
        without = (*without, "learned_cues")
    report = evaluate_folder(args.folder, model=args.model, without=without, cache=args.cache)
    print(json.dumps(report.as_dict(), indent=2) if args.json else format_table(report))
    return 0


def add_parser(subparsers) -> None:
    e = subparsers.add_parser("evaluate", help="attribution P/R/F1 per role against a BRAT folder")
    e.add_argument("folder", help="folder with text/*.txt and attributions/*.ann (PolNeAR layout)")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--model", help="spaCy pipeline name or path")
    e.add_argument(
        "--without",
        metavar="RULE[,RULE]",
        help="switch these attribution rules off (see sourcetrace.attributions.RULES) to measure them",
    )
    e.add_argument(
        "--chains",
        action="append",
        metavar="GOLD",
        help="chain gold JSON file or folder "
        "(repeatable): score claims and chains of the texts in FOLDER (benchmarks/chains/FORMAT.md)",
    )
    e.add_argument(
        "--no-learned",
        dest="learned",
        action="store_false",
        help="the rules alone, without the learned cue scorer (same as --without learned_cues)",
    )
    e.add_argument(
        "--cache", action="store_true", help="parse the folder once and reuse the parse (user cache folder)"
    )
    e.set_defaults(func=cmd_evaluate)
