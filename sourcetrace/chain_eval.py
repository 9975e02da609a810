"""`python -m sourcetrace evaluate --chains GOLD DIR`: attribution chains against hand-made gold.

GOLD is one or more JSON files in the format of `benchmarks/chains/FORMAT.md` (or folders of
them); DIR holds the texts the gold names. Each text is analysed as a pasted page (`prepare_article` with no
metadata, so the publication date must come from the text) and scored:

* claims — a gold claim is found when a predicted claim's content contains its `content_key`
  (case, curly quotes and spacing normalised). Of several candidates the one whose chain matches
  is taken, then the one with the gold's stance (a denied report and its denial hold the same
  words), then the one with the shortest content.
* chain — the gold tellers, outermost first, match the *last* links of the predicted chain in
  order (extra outer links — the page's publisher, a dateline frame — are allowed). A teller
  matches a link when it is a substring of the link's label, its actor's name or aliases, or
  the source text of its attribution.
* innermost kind — the kind of the predicted chain's last link; gold `outlet` also accepts a
  named or publisher link (a named outlet counts as named too).
* stance, hedge — predicted against gold (`asserts` and not hedged unless the gold says so).
* alias merges and splits — a name is carried by an actor when it equals (normalised, without a
  leading "the") the actor's name, an alias or a mention's text.
* unattributed keys — violated when a predicted claim containing the key has a named, anonymous or
  document link; `must_not_attribute` — violated when such a claim has a link matching the teller.
* no-comment — a gold actor is found when a predicted no-comment record names it (its label,
  name, text, source text or actor). Records are read from a top-level list `no_comments`,
  `no_comment`, `responses` or `non_claims` of the analysis, or are attributions/claims whose
  stance is "no_comment"; the contract has none of these yet, so today this recall is 0. Predicted
  claims whose content is just "to comment (on ...)" are counted as comment claims (a defect).
* spurious — page-chrome names that an actor name or a claim's content contains (as words).
* verb labels — chain links whose label is empty or only reporting-verb forms and adverbs
  ("saying", "also said", "Quoting"), over every predicted claim.
* events — a predicted event whose start..end lies inside the gold window and whose label or
  evidence contains the key; dates — `article.published` equals the gold where the text states it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sourcetrace.claims import UNATTRIBUTED_LABEL
from sourcetrace.errors import InputError
from sourcetrace.model import Analysis, ChainLink, Claim

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_SOURCED = {"named", "anonymous", "document"}
_OUTLET_OK = {"outlet", "named", "publisher"}
_NO_COMMENT_KEYS = ("no_comments", "no_comment", "responses", "non_claims")
_NO_COMMENT_STANCES = {"no_comment", "no-comment", "declines", "declined"}
_COMMENT_CLAIM = re.compile(r"^(?:to\s+)?(?:immediately\s+)?comment(?:\s+on\b.*)?$")

# Reporting verbs (lemmas) whose forms must never be a chain link's label.
_REPORTING = (
    "say tell add state claim report quote cite mention note write announce confirm deny insist "
    "argue explain warn reveal disclose suggest indicate believe assert allege acknowledge admit "
    "declare stress emphasise emphasize point describe call comment reply respond continue "
    "accord refute reject dismiss caution urge tweet post speculate understand show"
).split()
_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "add": ["added", "adds", "adding"],
    "write": ["wrote", "written", "writes", "writing"],
    "show": ["showed", "shown", "showing"],
    "understand": ["understood", "understanding"],
    "accord": ["according"],
}
_FILLER = set(
    "also further later then earlier again reportedly allegedly reported has have had was were is "
    "are be been it he she they and as but who which that had not n't previously recently to by".split()
)


def _forms(lemma: str) -> set[str]:
    """Past, participle and -ing forms (bare lemmas and -s forms are mostly nouns too: "Report")."""
    if lemma in _IRREGULAR:
        return set(_IRREGULAR[lemma])
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    consonant_y = lemma.endswith("y") and lemma[-2] not in "aeiou"
    return {lemma[:-1] + "ied" if consonant_y else stem + "ed", stem + "ing"}


VERB_FORMS = frozenset(f for lemma in _REPORTING for f in _forms(lemma))


def norm(text: str) -> str:
    """Lower case, straight quotes, single spaces."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


def _name_norm(text: str) -> str:
    n = norm(text).strip(" ,.;:\"'()")
    n = re.sub(r"^the\s+", "", n)
    return re.sub(r"'s$", "", n)


def _has_words(haystack: str, needle: str) -> bool:
    """`needle` occurs in `haystack` as whole words (both normalised)."""
    if not needle:
        return False
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def is_verb_label(label: str) -> bool:
    """A label that is no actor phrase: empty, or reporting-verb forms and fillers only."""
    words = re.findall(r"[\w']+", norm(label))
    if not words:
        return True
    return any(w in VERB_FORMS for w in words) and all(w in VERB_FORMS or w in _FILLER for w in words)


# --------------------------------------------------------------------------- gold


@dataclass
class GoldArticle:
    name: str
    gold_file: str
    data: dict


def gold_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """(file, came from a folder) for each JSON file named; a folder stands for its *.json files."""
    out: list[tuple[Path, bool]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.glob("*.json") if q.is_file())
            if not found:
                raise InputError(f"No gold JSON files in the folder {p}.")
            out.extend((q, True) for q in found)
        elif p.is_file():
            out.append((p, False))
        else:
            raise InputError(f"No gold file or folder at {p}.")
    return out


def read_gold(paths: Iterable[str | Path]) -> tuple[list[str], list[GoldArticle], list[str]]:
    """(gold files read, their articles in order, warnings); a name seen twice keeps its first entry.

    A JSON file without an 'articles' object is an error when named, skipped when found in a folder.
    """
    files: list[str] = []
    articles: list[GoldArticle] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for path, from_folder in gold_files(paths):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"The gold file {path} could not be read as JSON: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
            if from_folder:
                warnings.append(f"{path}: not a gold file (no 'articles' object); skipped")
                continue
            raise InputError(
                f"The gold file {path} has no 'articles' object (see benchmarks/chains/FORMAT.md)."
            )
        files.append(str(path))
        for name, entry in data["articles"].items():
            if name in seen:
                warnings.append(f"{name}: in {seen[name]} and {path}; the first is used")
                continue
            seen[name] = str(path)
            articles.append(GoldArticle(name=name, gold_file=str(path), data=entry))
    return files, articles, warnings


# --------------------------------------------------------------------------- matching


def _link_texts(link: ChainLink, analysis: Analysis) -> list[str]:
    texts = [link.label]
    actor = analysis.actor(link.actor)
    if actor is not None:
        texts += [actor.name, *actor.aliases]
    if link.attribution:
        att = next((a for a in analysis.attributions if a.id == link.attribution), None)
        if att is not None and att.source is not None:
            texts.append(att.source.text)
    return [norm(t) for t in texts if t]


def link_matches(teller: str, link: ChainLink, analysis: Analysis) -> bool:
    t = norm(teller)
    return any(t in text for text in _link_texts(link, analysis))


def chain_matches(tellers: list[str], chain: list[ChainLink], analysis: Analysis) -> bool:
    """The tellers match the last len(tellers) links, in order."""
    if not tellers or len(chain) < len(tellers):
        return False
    tail = chain[len(chain) - len(tellers) :]
    return all(link_matches(t, link, analysis) for t, link in zip(tellers, tail, strict=True))


def kind_matches(gold_kind: str | None, chain: list[ChainLink]) -> bool:
    if not chain or not gold_kind:
        return False
    got = chain[-1].kind
    return got in _OUTLET_OK if gold_kind == "outlet" else got == gold_kind


def _live_claims(analysis: Analysis) -> list[Claim]:
    return [c for c in analysis.claims if not c.dismissed]


def candidates(key: str, analysis: Analysis) -> list[Claim]:
    k = norm(key)
    return [c for c in _live_claims(analysis) if k in norm(c.content.text)]


def best_claim(gold: dict, analysis: Analysis) -> Claim | None:
    found = candidates(gold["content_key"], analysis)
    if not found:
        return None
    tellers = gold.get("chain") or []
    stance = gold.get("stance", "asserts")

    # a denial of a report is two claims holding the same words (the report's and the denier's):
    # when the chain tells them apart it decides, then the gold's stance, and only then the length
    def rank(c: Claim) -> tuple[bool, bool, int]:
        return not chain_matches(tellers, c.chain, analysis), c.stance != stance, len(c.content.text)

    return min(found, key=rank)


def _carried(actor) -> set[str]:
    names = [actor.name, *actor.aliases, *(m.text for m in actor.mentions)]
    return {_name_norm(n) for n in names if n}


def _actors_carrying(name: str, analysis: Analysis) -> list[str]:
    n = _name_norm(name)
    return [a.id for a in analysis.actors if n in _carried(a)]


def _texts_of(entry, analysis: Analysis) -> list[str]:
    """Names and words a predicted no-comment record gives (dicts from model_dump)."""
    out: list[str] = []
    if isinstance(entry, str):
        return [entry]
    if not isinstance(entry, dict):
        return out
    for key, value in entry.items():
        if isinstance(value, str):
            if key in ("actor", "source_actor", "actor_id"):
                actor = analysis.actor(value)
                if actor is not None:
                    out += [actor.name, *actor.aliases]
            elif key in ("label", "name", "text", "source_text", "who"):
                out.append(value)
        elif (
            isinstance(value, dict)
            and isinstance(value.get("text"), str)
            and key in ("source", "span", "who")
        ):
            out.append(value["text"])
    return out


def no_comment_records(analysis: Analysis) -> list[list[str]]:
    """Every predicted no-comment response, as the texts naming who declined."""
    dumped = analysis.model_dump()
    records: list[list[str]] = []
    for key in _NO_COMMENT_KEYS:
        for entry in dumped.get(key) or []:
            records.append(_texts_of(entry, analysis))
    for kind in ("attributions", "claims"):
        for entry in dumped.get(kind) or []:
            if str(entry.get("stance", "")).lower() in _NO_COMMENT_STANCES:
                texts = _texts_of(entry, analysis)
                for link in entry.get("chain") or []:
                    texts += _texts_of(link, analysis)
                records.append(texts)
    return records


def _event_in(gold: dict, event) -> bool:
    start = event.start or event.end
    end = event.end or event.start
    if start is None or end is None:
        return False
    if not (gold["start"] <= start and end <= gold["end"]):
        return False
    key = norm(gold["key"])
    return key in norm(event.label) or key in norm(event.evidence.text)


# --------------------------------------------------------------------------- scoring


COUNTS = (
    "claims",
    "claims_found",
    "chain_ok",
    "kind_ok",
    "stance_ok",
    "denials",
    "denials_ok",
    "hedge_ok",
    "merges",
    "merges_ok",
    "splits",
    "splits_violated",
    "unattributed",
    "unattributed_violated",
    "must_not_attribute",
    "must_not_attribute_violated",
    "no_comment",
    "no_comment_found",
    "comment_claims",
    "spurious",
    "spurious_actor_hits",
    "spurious_claim_hits",
    "links",
    "verb_labels",
    "events",
    "events_found",
    "dates",
    "dates_found",
)


@dataclass
class ArticleScore:
    name: str
    gold_file: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    claims: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    published: str | None = None


def score_article(gold: GoldArticle, analysis: Analysis) -> ArticleScore:
    """Every count of one article, section by section (claims, merges, own voice, no-comments,
    chrome, link labels, events and dates)."""
    s = ArticleScore(name=gold.name, gold_file=gold.gold_file, published=analysis.article.published)
    live = _live_claims(analysis)
    for section in (_score_claims, _score_merges, _score_own_voice):
        section(gold.data, analysis, s)
    _score_no_comments(gold.data, analysis, live, s)
    _score_chrome(gold.data, analysis, live, s)
    _score_links(live, s)
    _score_events_and_date(gold.data, analysis, s)
    return s


def _score_claims(g: dict, analysis: Analysis, s: ArticleScore) -> None:
    c = s.counts
    for claim in g.get("claims", []):
        c["claims"] += 1
        tellers = claim.get("chain") or []
        stance = claim.get("stance", "asserts")
        hedged = bool(claim.get("hedged", False))
        c["denials"] += stance == "denies"
        pred = best_claim(claim, analysis)
        row = {
            "id": claim.get("id"),
            "content_key": claim["content_key"],
            "gold_chain": tellers,
            "found": pred is not None,
        }
        if pred is not None:
            c["claims_found"] += 1
            ok = {
                "chain_ok": chain_matches(tellers, pred.chain, analysis),
                "kind_ok": kind_matches(claim.get("innermost_kind"), pred.chain),
                "stance_ok": pred.stance == stance,
                "hedge_ok": pred.hedged == hedged,
            }
            for k, v in ok.items():
                c[k] += v
            c["denials_ok"] += stance == "denies" and pred.stance == "denies"
            row.update(
                ok,
                content=pred.content.text,
                chain=[link.label for link in pred.chain],
                kinds=[link.kind for link in pred.chain],
                stance=pred.stance,
                hedged=pred.hedged,
            )
            if not ok["chain_ok"]:
                s.problems.append(
                    f"chain {claim.get('id')}: gold {' › '.join(tellers)}; got {' › '.join(row['chain'])}"
                )
        else:
            s.problems.append(f"missed {claim.get('id')}: {claim['content_key']!r}")
        s.claims.append(row)


def _score_merges(g: dict, analysis: Analysis, s: ArticleScore) -> None:
    c = s.counts
    for a, b in g.get("must_merge", []):
        c["merges"] += 1
        if set(_actors_carrying(a, analysis)) & set(_actors_carrying(b, analysis)):
            c["merges_ok"] += 1
        else:
            s.problems.append(f"not merged: {a} / {b}")
    for a, b in g.get("must_not_merge", []):
        c["splits"] += 1
        if set(_actors_carrying(a, analysis)) & set(_actors_carrying(b, analysis)):
            c["splits_violated"] += 1
            s.problems.append(f"wrongly merged: {a} / {b}")


def _score_own_voice(g: dict, analysis: Analysis, s: ArticleScore) -> None:
    c = s.counts
    for key in g.get("unattributed_keys", []):
        c["unattributed"] += 1
        if any(link.kind in _SOURCED for cl in candidates(key, analysis) for link in cl.chain):
            c["unattributed_violated"] += 1
            s.problems.append(f"own voice given a source: {key!r}")
    for item in g.get("must_not_attribute", []):
        c["must_not_attribute"] += 1
        if any(
            link_matches(item["teller"], link, analysis)
            for cl in candidates(item["content_key"], analysis)
            for link in cl.chain
        ):
            c["must_not_attribute_violated"] += 1
            s.problems.append(f"attributed to {item['teller']}: {item['content_key']!r}")


def _score_no_comments(g: dict, analysis: Analysis, live: list, s: ArticleScore) -> None:
    c = s.counts
    records = [[norm(t) for t in r] for r in no_comment_records(analysis)]
    for who in g.get("no_comment", []):
        c["no_comment"] += 1
        w = norm(who)
        if any(w in t for r in records for t in r):
            c["no_comment_found"] += 1
        else:
            s.problems.append(f"no-comment not recorded: {who}")
    c["comment_claims"] = sum(bool(_COMMENT_CLAIM.match(norm(cl.content.text).strip(" .,"))) for cl in live)


def _score_chrome(g: dict, analysis: Analysis, live: list, s: ArticleScore) -> None:
    c = s.counts
    actor_names = [norm(n) for a in analysis.actors for n in (a.name, *a.aliases)]
    contents = [norm(cl.content.text) for cl in live]
    for name in g.get("spurious_actor_names", []):
        c["spurious"] += 1
        n = norm(name)
        if any(_has_words(a, n) for a in actor_names):
            c["spurious_actor_hits"] += 1
            s.problems.append(f"chrome as actor: {name}")
        if any(_has_words(t, n) for t in contents):
            c["spurious_claim_hits"] += 1
            s.problems.append(f"chrome inside a claim: {name}")


def _score_links(live: list, s: ArticleScore) -> None:
    c = s.counts
    for cl in live:
        for link in cl.chain:
            c["links"] += 1
            if link.label != UNATTRIBUTED_LABEL and is_verb_label(link.label):
                c["verb_labels"] += 1
                s.problems.append(f"verb label: {link.label!r}")


def _score_events_and_date(g: dict, analysis: Analysis, s: ArticleScore) -> None:
    c = s.counts
    for event in g.get("events", []):
        c["events"] += 1
        if any(_event_in(event, e) for e in analysis.events):
            c["events_found"] += 1
        else:
            s.problems.append(f"event not found: {event.get('id')} {event['start']}..{event['end']}")
    if g.get("published_in_text") and g.get("published"):
        c["dates"] += 1
        if analysis.article.published == g["published"]:
            c["dates_found"] += 1
        else:
            s.problems.append(f"publication date: gold {g['published']}, got {analysis.article.published}")


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def rates(c: dict[str, int]) -> dict[str, float | None]:
    found = c["claims_found"]
    return {
        "claim_recall": _ratio(found, c["claims"]),
        "chain_accuracy": _ratio(c["chain_ok"], found),
        "innermost_kind_accuracy": _ratio(c["kind_ok"], found),
        "stance_accuracy": _ratio(c["stance_ok"], found),
        "hedge_accuracy": _ratio(c["hedge_ok"], found),
        "merges_satisfied": _ratio(c["merges_ok"], c["merges"]),
        "no_comment_recall": _ratio(c["no_comment_found"], c["no_comment"]),
        "events_found": _ratio(c["events_found"], c["events"]),
        "dates_found": _ratio(c["dates_found"], c["dates"]),
    }


@dataclass
class ChainReport:
    gold_files: list[str]
    articles: list[ArticleScore]
    warnings: list[str] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        total = dict.fromkeys(COUNTS, 0)
        for a in self.articles:
            for k, v in a.counts.items():
                total[k] += v
        return total

    def as_dict(self) -> dict:
        total = self.totals()
        return {
            "gold_files": self.gold_files,
            "warnings": self.warnings,
            "overall": {"articles": len(self.articles), "counts": total, "rates": rates(total)},
            "articles": {
                a.name: {
                    "gold_file": a.gold_file,
                    "published": a.published,
                    "counts": a.counts,
                    "rates": rates(a.counts),
                    "claims": a.claims,
                    "problems": a.problems,
                }
                for a in self.articles
            },
        }


def evaluate_chains(
    gold: Iterable[str | Path], texts: str | Path, model: str | None = None, without: tuple[str, ...] = ()
) -> ChainReport:
    """Scores of the gold articles whose text is in `texts`; `without`: attribution rules to switch off."""
    from sourcetrace.analysis import Settings, analyze_many, prepare_article

    folder = Path(texts)
    if not folder.is_dir():
        raise InputError(f"No texts folder at {folder}.")
    files, items, warnings = read_gold(gold)
    present: list[tuple[GoldArticle, str]] = []
    for item in items:
        path = folder / item.name
        if not path.is_file():
            warnings.append(f"{item.name}: no text at {path}; skipped (rebuild it from its origin)")
            continue
        present.append((item, path.read_text(encoding="utf-8")))
    if not present:
        raise InputError(f"None of the {len(items)} gold articles has its text in {folder}.")
    articles = [prepare_article(text, source_path=item.name) for item, text in present]
    scores = [
        score_article(item, analysis)
        for (item, _), analysis in zip(
            present, analyze_many(articles, Settings(model=model, disabled_rules=without)), strict=True
        )
    ]
    return ChainReport(gold_files=files, articles=scores, warnings=warnings)


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{100 * value:5.1f}"


def format_report(report: ChainReport) -> str:
    rows = [
        (
            "article",
            "claims",
            "chain",
            "kind",
            "stance",
            "merge",
            "split!",
            "own!",
            "nocom",
            "chrome!",
            "verb!",
            "events",
            "date",
        )
    ]

    def row(name: str, c: dict[str, int]) -> tuple:
        return (
            name,
            f"{c['claims_found']}/{c['claims']}",
            f"{c['chain_ok']}/{c['claims_found']}",
            f"{c['kind_ok']}/{c['claims_found']}",
            f"{c['stance_ok']}/{c['claims_found']}",
            f"{c['merges_ok']}/{c['merges']}",
            f"{c['splits_violated']}/{c['splits']}",
            f"{c['unattributed_violated'] + c['must_not_attribute_violated']}"
            f"/{c['unattributed'] + c['must_not_attribute']}",
            f"{c['no_comment_found']}/{c['no_comment']}",
            f"{c['spurious_actor_hits'] + c['spurious_claim_hits']}",
            f"{c['verb_labels']}",
            f"{c['events_found']}/{c['events']}",
            f"{c['dates_found']}/{c['dates']}" if c["dates"] else "-",
        )

    for a in report.articles:
        rows.append(row(a.name.removesuffix(".txt")[:38], a.counts))
    total = report.totals()
    rows.append(row("ALL", total))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = [f"{len(report.articles)} articles from {', '.join(report.gold_files)}"]
    for i, r in enumerate(rows):
        lines.append(
            "  ".join(str(v).ljust(widths[j]) if j == 0 else str(v).rjust(widths[j]) for j, v in enumerate(r))
        )
        if i == 0 or i == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    r = rates(total)
    lines += [
        "",
        f"claim recall {_pct(r['claim_recall'])}   chain accuracy {_pct(r['chain_accuracy'])}   "
        f"innermost kind {_pct(r['innermost_kind_accuracy'])}   stance {_pct(r['stance_accuracy'])}   "
        f"hedge {_pct(r['hedge_accuracy'])}   (chain/kind/stance/hedge over found claims)",
        f"denials read as denials {total['denials_ok']}/{total['denials']}   "
        f"merges satisfied {total['merges_ok']}/{total['merges']}   "
        f"splits violated {total['splits_violated']}/{total['splits']}   "
        f"own-voice given a source {total['unattributed_violated']}/{total['unattributed']}   "
        f"conditional/challenged attributed "
        f"{total['must_not_attribute_violated']}/{total['must_not_attribute']}",
        f"no-comment recall {total['no_comment_found']}/{total['no_comment']}   "
        f"'to comment' claims {total['comment_claims']}   "
        f"chrome as actor {total['spurious_actor_hits']}, in a claim {total['spurious_claim_hits']} "
        f"(of {total['spurious']} names)   verb labels {total['verb_labels']}/{total['links']} links",
        f"events found {total['events_found']}/{total['events']}   "
        f"publication dates found {total['dates_found']}/{total['dates']} (where the text states one)",
        "columns ending in ! count defects; own! = own-voice or conditional keys given a source",
    ]
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines)


def cmd_chains(args: argparse.Namespace) -> int:
    without = tuple(r.strip() for r in (getattr(args, "without", None) or "").split(",") if r.strip())
    if without:
        from sourcetrace.attributions import check_rules

        check_rules(without)
    report = evaluate_chains(args.chains, args.folder, model=getattr(args, "model", None), without=without)
    print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) if args.json else format_report(report))
    return 0
