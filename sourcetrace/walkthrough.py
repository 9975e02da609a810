"""Walkthrough (presentation mode): an analysis as a sequence of steps, without any UI.

The default order tells the story the way a presenter would: the article and who published it,
the key actors, each claim in reading order with its chain, and a closing summary of sourcing.
A presenter's edits (order, hidden steps, speaker notes) are stored apart from the steps as
`{"key", "hidden", "note"}` dicts, so they survive a re-analysis: a step's key is stable
("article", "actors", "claim:<id>", "summary") and edits for steps that no longer exist are dropped.

Nothing here judges a claim: the summary counts how claims are sourced, never whether they are true.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from sourcetrace.model import Analysis, Claim, Event

# claim_sources and rests_on_own_voice are the export's too (sourcetrace/export.py reads them here)
from sourcetrace.sourcing import claim_sources, rests_on_own_voice, sourcing_profile, voice  # noqa: F401

StepKind = Literal["article", "actors", "claim", "summary"]


@dataclass(frozen=True)
class Step:
    """One slide. `actors` are lit in the network, `event` is the moment shown on the timeline."""

    key: str
    kind: StepKind
    title: str
    lines: list[str] = field(default_factory=list)  # plain text, one paragraph each
    claim: str | None = None
    chain: list[str] = field(default_factory=list)  # chain labels, outermost first
    chain_kinds: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    event: str | None = None
    hidden: bool = False
    note: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SourcingSummary:
    """How the article's claims are sourced (dismissed claims left out)."""

    claims: int
    anonymous: int  # an unnamed person somewhere in the chain
    single_source: int  # exactly one originating source
    documents: int  # a report, document or study in the chain
    own_voice: int  # no source at all: the article (or its publisher) speaks
    outlets: list[str]  # other news organisations the article relays, in order of first use
    top_source: str | None  # the source most claims rest on (None unless it carries two or more)
    top_source_claims: int

    def to_dict(self) -> dict:
        return asdict(self)


def sourcing_summary(analysis: Analysis) -> SourcingSummary:
    """The counts of `sourcing.sourcing_profile` (the Sources view lists the claims behind them)."""
    p = sourcing_profile(analysis)
    return SourcingSummary(
        claims=len(p.claims),
        anonymous=len(p.anonymous),
        single_source=len(p.single_source),
        documents=len(p.documents),
        own_voice=len(p.own_voice),
        outlets=list(p.outlets),
        top_source=p.top_source,
        top_source_claims=p.top_source_claims,
    )


def summary_figures(analysis: Analysis) -> list[tuple[str, int, int]]:
    """The summary slide's large figures: (what the claims rest on, how many, of how many).

    In the order of the summary step's first four lines, which say the same in words; none
    when the article has no claims (the step then says so).
    """
    s = sourcing_summary(analysis)
    if s.claims == 0:
        return []
    return [
        ("an anonymous source", s.anonymous, s.claims),
        ("one source only", s.single_source, s.claims),
        ("a document", s.documents, s.claims),
        ("the article's own voice", s.own_voice, s.claims),
    ]


def key_actors(analysis: Analysis, n: int = 5) -> list[str]:
    """Ids of the `n` most central actors (degree, then betweenness; see graph.key_actors)."""
    from sourcetrace.graph import key_actors as graph_key_actors

    return graph_key_actors(analysis, n)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _event_for(analysis: Analysis, claim: Claim) -> Event | None:
    """The claim's own event, else the first event whose evidence lies inside the claim."""
    for event_id in claim.events:
        if event := analysis.event(event_id):
            return event
    for event in analysis.events:
        if claim.content.start <= event.evidence.start < claim.content.end:
            return event
    return None


def _when(event: Event) -> str:
    if event.start and event.end and event.start != event.end:
        return f"{event.start} – {event.end}"
    return event.start or event.end or "undated"


def _article_step(analysis: Analysis) -> Step:
    art = analysis.article
    lines = []
    if art.publisher:
        lines.append(f"Published by {art.publisher}" + (f" on {art.published}." if art.published else "."))
    elif art.published:
        lines.append(f"Published on {art.published}.")
    if art.site_name and art.site_name != art.publisher:
        lines.append(f"Site: {art.site_name}.")
    if art.url:
        lines.append(f"Address: {art.url}")
    for d in art.structure.datelines:
        lines.append(f"Dateline: {d.source}" + (f", {d.date}" if d.date else "") + ".")
    words = len(art.text.split())
    lines.append(
        f"{_plural(words, 'word')}, {_plural(len(analysis.actors), 'actor')}, "
        f"{_plural(len([c for c in analysis.claims if not c.dismissed]), 'claim')}, "
        f"{_plural(len(analysis.events), 'dated event')}."
    )
    publisher_ids = [a.id for a in analysis.actors if a.kind == "publisher"]
    return Step(
        key="article",
        kind="article",
        title=art.title or (art.source_path or "Untitled article"),
        lines=lines,
        actors=publisher_ids,
    )


def _actors_step(analysis: Analysis, n: int) -> Step:
    ids = key_actors(analysis, n)
    lines = []
    for actor_id in ids:
        actor = analysis.actor(actor_id)
        if actor is None:
            continue
        extra = ", ".join(actor.titles[:1] + ([actor.kind] if actor.kind != "named" else []))
        mentions = _plural(len(actor.mentions), "mention")
        lines.append(f"{actor.name} ({extra + ', ' if extra else ''}{mentions})")
    if not lines:
        lines.append("No actors were found in this article.")
    return Step(key="actors", kind="actors", title="Key actors", lines=lines, actors=ids)


def _claim_step(analysis: Analysis, claim: Claim, number: int, total: int) -> Step:
    event = _event_for(analysis, claim)
    lines = [claim.content.text]
    if claim.hedge:
        lines.append(f"Hedged: “{claim.hedge.text}”.")
    elif claim.hedged:
        lines.append("The claim is hedged.")
    if claim.stance == "denies":
        lines.append("Stated as a denial.")
    if own := voice(claim):
        lines.append(f"No source is named: this rests on {own}.")
    if event is not None:
        lines.append(f"When: {_when(event)} ({event.label}).")
    actor_ids = list(dict.fromkeys([link.actor for link in claim.chain if link.actor] + claim.actors))
    return Step(
        key=f"claim:{claim.id}",
        kind="claim",
        title=f"Claim {number} of {total}",
        lines=lines,
        claim=claim.id,
        chain=[link.label for link in claim.chain],
        chain_kinds=[link.kind for link in claim.chain],
        actors=actor_ids,
        event=event.id if event else None,
    )


def _summary_step(analysis: Analysis) -> Step:
    s = sourcing_summary(analysis)
    if s.claims == 0:
        lines = ["No claims were found in this article."]
    else:
        of = f"of {s.claims}"
        lines = [
            f"{s.anonymous} {of} claims rest on an anonymous source.",
            f"{s.single_source} {of} rest on one source only.",
            f"{s.documents} {of} rest on a document.",
            f"{s.own_voice} {of} rest on the article's own voice (no source named).",
        ]
        if s.top_source:
            lines.append(f"Most relied-on source: {s.top_source} ({_plural(s.top_source_claims, 'claim')}).")
        if s.outlets:
            lines.append("Relayed from: " + ", ".join(s.outlets) + ".")
    return Step(key="summary", kind="summary", title="How the claims are sourced", lines=lines)


def reading_order(analysis: Analysis) -> list[Claim]:
    return sorted(
        (c for c in analysis.claims if not c.dismissed), key=lambda c: (c.content.start, c.content.end)
    )


def build_steps(analysis: Analysis, n_actors: int = 5) -> list[Step]:
    """The default walkthrough: article, key actors, each claim in reading order, summary."""
    claims = reading_order(analysis)
    steps = [_article_step(analysis), _actors_step(analysis, n_actors)]
    steps += [_claim_step(analysis, c, i, len(claims)) for i, c in enumerate(claims, 1)]
    steps.append(_summary_step(analysis))
    return steps


def apply_edits(steps: list[Step], edits: list[dict] | None) -> list[Step]:
    """Steps in the presenter's order with their hidden flags and notes.

    Edits naming a step that no longer exists are ignored; steps the edits do not mention (a
    claim found by a newer analysis) keep their default place after their default predecessor.
    """
    if not edits:
        return list(steps)
    by_key = {s.key: s for s in steps}
    ordered: list[Step] = []
    seen: set[str] = set()
    for edit in edits:
        key = edit.get("key")
        if key in by_key and key not in seen:
            seen.add(key)
            ordered.append(
                replace(by_key[key], hidden=bool(edit.get("hidden", False)), note=str(edit.get("note") or ""))
            )
    for i, step in enumerate(steps):
        if step.key in seen:
            continue
        # after the step that precedes it by default (or first if none does)
        prev = next((steps[j].key for j in range(i - 1, -1, -1) if steps[j].key in seen), None)
        pos = 0 if prev is None else next(k for k, s in enumerate(ordered) if s.key == prev) + 1
        ordered.insert(pos, step)
        seen.add(step.key)
    return ordered


def edits_of(steps: list[Step]) -> list[dict]:
    """What `Workspace.save_walkthrough` stores: order, hidden flag and note of every step."""
    return [{"key": s.key, "hidden": s.hidden, "note": s.note} for s in steps]


def visible(steps: list[Step]) -> list[Step]:
    return [s for s in steps if not s.hidden]


def move(steps: list[Step], key: str, offset: int) -> list[Step]:
    """The steps with `key` moved `offset` places (clamped to the ends)."""
    out = list(steps)
    i = next((k for k, s in enumerate(out) if s.key == key), None)
    if i is None:
        return out
    j = max(0, min(len(out) - 1, i + offset))
    out.insert(j, out.pop(i))
    return out


def clamp_step(n: int | str | None, count: int) -> int:
    """A 1-based step number from the URL, clamped to [1, count]; junk becomes 1."""
    try:
        value = int(str(n).strip()) if n is not None else 1
    except ValueError:
        value = 1
    return max(1, min(max(count, 1), value))
