"""Analyst corrections: edits are data, applied on top of a fresh analysis.

An `Edit` names an operation, the items it targets and a payload. Each target carries an
*anchor* (a span with its text: an actor's mention, a claim's content, an event's evidence) as
well as the id it had, because ids are renumbered when the pipeline changes: edits are re-found
by their anchor first, and an edit whose anchor no longer exists is reported, never dropped in
silence.

Undo and redo are entries of the same append-only log (`op="undo"`/`"redo"` naming the edit
they act on); `effective_edits` replays the log into the edits that are in force. Nothing is
ever deleted from the log, so two tabs appending at once lose nothing.

`apply_edits(analysis, log) -> (Analysis, problems)` is pure and deterministic.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sourcetrace.errors import SourcetraceError
from sourcetrace.mentions import MentionIndex
from sourcetrace.model import (
    Actor,
    ActorKind,
    Analysis,
    ChainLink,
    Claim,
    Event,
    LinkKind,
    Precision,
    Relation,
    Span,
)
from sourcetrace.spans import overlaps

EditOp = Literal[
    "rename_actor",
    "retype_actor",
    "merge_actors",
    "split_alias",
    "add_actor",
    "delete_actor",
    "set_link",
    "unattribute_claim",
    "dismiss_claim",
    "add_claim",
    "set_event_date",
    "delete_event",
    "add_event",
    "undo",
    "redo",
]
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
LINK_KINDS: tuple[str, ...] = get_args(LinkKind)
PRECISIONS: tuple[str, ...] = get_args(Precision)
UNATTRIBUTED_LABEL = "unattributed"


class CorrectionError(SourcetraceError):
    """A correction that cannot be made as asked (the message says why)."""


class Target(BaseModel):
    """The item an edit acts on, as it was when the edit was made."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    span: Span | None = None  # the anchor: re-found in a fresh analysis
    name: str | None = None  # what the analyst saw (for history and as a last-resort match)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


class Edit(BaseModel):
    """One analyst correction: one entry of the append-only log."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=_new_id)
    op: EditOp
    targets: list[Target] = []
    payload: dict[str, Any] = {}
    at: str = Field(default_factory=_now)
    author: str | None = None


# --- the log: undo / redo --------------------------------------------------------------------


@dataclass
class History:
    """The log replayed: edits in force (log order) and the redo stack (next redo last)."""

    active: list[Edit] = field(default_factory=list)
    undone: list[Edit] = field(default_factory=list)

    @property
    def can_undo(self) -> bool:
        return bool(self.active)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)


def replay(log: Iterable[Edit]) -> History:
    """Undo removes the named edit, redo restores it in its original place; a new edit clears redo."""
    entries = list(log)
    position = {e.id: i for i, e in enumerate(entries)}
    active: dict[str, Edit] = {}
    undone: list[Edit] = []
    for entry in entries:
        target = entry.payload.get("edit")
        if entry.op == "undo":
            # a stale undo (the other tab already undid it) changes nothing
            if target in active:
                undone.append(active.pop(target))
        elif entry.op == "redo":
            match = next((e for e in undone if e.id == target), None)
            if match is not None:
                undone.remove(match)
                active[match.id] = match
        else:
            active[entry.id] = entry
            undone.clear()
    ordered = sorted(active.values(), key=lambda e: position[e.id])
    return History(active=ordered, undone=undone)


def effective_edits(log: Iterable[Edit]) -> list[Edit]:
    return replay(log).active


def undo_entry(log: Iterable[Edit], author: str | None = None) -> Edit | None:
    """The log entry that undoes the latest edit in force (None when there is nothing to undo)."""
    history = replay(log)
    if not history.active:
        return None
    return Edit(op="undo", payload={"edit": history.active[-1].id}, author=author)


def redo_entry(log: Iterable[Edit], author: str | None = None) -> Edit | None:
    history = replay(log)
    if not history.undone:
        return None
    return Edit(op="redo", payload={"edit": history.undone[-1].id}, author=author)


def describe(edit: Edit, log: Iterable[Edit] = ()) -> str:
    """One line for the history panel, from the edit alone (no analysis needed)."""
    names = [t.name or (t.span.text if t.span else t.id) or "?" for t in edit.targets]
    first = names[0] if names else "?"
    p = edit.payload
    match edit.op:
        case "rename_actor":
            return f"Renamed actor “{first}” to “{p.get('name')}”"
        case "retype_actor":
            changes = ", ".join(f"{k} → {p[k]}" for k in ("type", "kind") if p.get(k))
            return f"Changed actor “{first}”: {changes}"
        case "merge_actors":
            return f"Merged actor “{names[1] if len(names) > 1 else '?'}” into “{first}”"
        case "split_alias":
            return f"Split “{p.get('alias')}” out of actor “{first}”"
        case "add_actor":
            return f"Added actor “{p.get('name') or first}” ({p.get('type')}, {p.get('kind')})"
        case "delete_actor":
            return f"Deleted actor “{first}”"
        case "set_link":
            what = [f"kind → {p['kind']}"] if p.get("kind") else []
            if len(names) > 1:
                what.append(f"source → “{names[1]}”")
            if p.get("label"):
                what.append(f"label → “{p['label']}”")
            return f"Changed link {int(p.get('index', 0)) + 1} of claim “{_short(first)}”: {', '.join(what)}"
        case "unattribute_claim":
            return f"Marked claim “{_short(first)}” unattributed"
        case "dismiss_claim":
            verb = "Dismissed" if p.get("dismissed", True) else "Restored"
            return f"{verb} claim “{_short(first)}”"
        case "add_claim":
            return f"Added claim “{_short(first)}”"
        case "set_event_date":
            return f"Dated event “{_short(first)}”: {_interval(p.get('start'), p.get('end'))}"
        case "delete_event":
            return f"Deleted event “{_short(first)}”"
        case "add_event":
            when = _interval(p.get("start"), p.get("end"))
            return f"Added event “{_short(p.get('label') or first)}”: {when}"
        case "undo" | "redo":
            ref = next((e for e in log if e.id == p.get("edit")), None)
            inner = describe(ref) if ref else f"edit {p.get('edit')}"
            return f"{edit.op.capitalize()}: {inner}"
    return edit.op


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _interval(start: str | None, end: str | None) -> str:
    if start and end and start == end:
        return start
    return f"{start or '…'} – {end or '…'}"


# --- building edits from the current analysis (the UI and the tests use these) -----------------


def actor_target(analysis: Analysis, actor_id: str) -> Target:
    actor = analysis.actor(actor_id)
    if actor is None:
        raise CorrectionError(f"There is no actor {actor_id} in this analysis.")
    anchor = actor.mentions[0] if actor.mentions else None
    return Target(id=actor.id, span=anchor, name=actor.name)


def claim_target(analysis: Analysis, claim_id: str) -> Target:
    claim = analysis.claim(claim_id)
    if claim is None:
        raise CorrectionError(f"There is no claim {claim_id} in this analysis.")
    return Target(id=claim.id, span=claim.content, name=claim.content.text)


def event_target(analysis: Analysis, event_id: str) -> Target:
    event = analysis.event(event_id)
    if event is None:
        raise CorrectionError(f"There is no event {event_id} in this analysis.")
    return Target(id=event.id, span=event.evidence, name=event.label)


def text_target(analysis: Analysis, text: str, occurrence: int = 0) -> Target:
    """A span selected by its words: the `occurrence`-th place they appear in the article."""
    words = text.strip()
    if not words:
        raise CorrectionError("Select some text first.")
    starts = [m.start() for m in re.finditer(re.escape(words), analysis.article.text)]
    if not starts:
        raise CorrectionError(f"“{_short(words)}” does not appear in the article text.")
    if not 0 <= occurrence < len(starts):
        raise CorrectionError(f"“{_short(words)}” appears {len(starts)} time(s), not {occurrence + 1}.")
    s = starts[occurrence]
    return Target(span=Span(start=s, end=s + len(words), text=words), name=words)


def rename_actor(analysis: Analysis, actor_id: str, name: str) -> Edit:
    name = name.strip()
    if not name:
        raise CorrectionError("An actor needs a name.")
    return Edit(op="rename_actor", targets=[actor_target(analysis, actor_id)], payload={"name": name})


def retype_actor(
    analysis: Analysis, actor_id: str, *, type: str | None = None, kind: str | None = None
) -> Edit:
    if kind is not None and kind not in ACTOR_KINDS:
        raise CorrectionError(f"“{kind}” is not an actor kind ({', '.join(ACTOR_KINDS)}).")
    payload = {k: v for k, v in (("type", type), ("kind", kind)) if v}
    if not payload:
        raise CorrectionError("Choose a new type or kind.")
    return Edit(op="retype_actor", targets=[actor_target(analysis, actor_id)], payload=payload)


def merge_actors(analysis: Analysis, keep_id: str, absorb_id: str) -> Edit:
    if keep_id == absorb_id:
        raise CorrectionError("Choose two different actors to merge.")
    return Edit(
        op="merge_actors", targets=[actor_target(analysis, keep_id), actor_target(analysis, absorb_id)]
    )


def split_alias(analysis: Analysis, actor_id: str, alias: str) -> Edit:
    target = actor_target(analysis, actor_id)
    actor = analysis.actor(actor_id)
    moved = [m for m in actor.mentions if m.text.casefold() == alias.casefold()]  # type: ignore[union-attr]
    if not moved:
        raise CorrectionError(f"No mention of “{target.name}” reads “{alias}”.")
    # anchor on a mention that stays, so the actor is found again after the split moved the others
    stay = [m for m in actor.mentions if m.text.casefold() != alias.casefold()]  # type: ignore[union-attr]
    if stay:
        target = Target(id=target.id, span=stay[0], name=target.name)
    return Edit(op="split_alias", targets=[target], payload={"alias": alias})


def add_actor(analysis: Analysis, text: str, *, type: str, kind: str, name: str | None = None,
              occurrence: int = 0) -> Edit:
    if kind not in ACTOR_KINDS:
        raise CorrectionError(f"“{kind}” is not an actor kind ({', '.join(ACTOR_KINDS)}).")
    payload = {"type": type.strip() or "ORG", "kind": kind}
    if name and name.strip():
        payload["name"] = name.strip()
    return Edit(op="add_actor", targets=[text_target(analysis, text, occurrence)], payload=payload)


def delete_actor(analysis: Analysis, actor_id: str) -> Edit:
    return Edit(op="delete_actor", targets=[actor_target(analysis, actor_id)])


def set_link(analysis: Analysis, claim_id: str, index: int, *, actor_id: str | None = None,
             kind: str | None = None, label: str | None = None) -> Edit:
    target = claim_target(analysis, claim_id)
    claim = analysis.claim(claim_id)
    if not 0 <= index < len(claim.chain):  # type: ignore[union-attr]
        raise CorrectionError(f"The claim has no link {index + 1}.")
    if kind is not None and kind not in LINK_KINDS:
        raise CorrectionError(f"“{kind}” is not a link kind ({', '.join(LINK_KINDS)}).")
    targets = [target] + ([actor_target(analysis, actor_id)] if actor_id else [])
    payload: dict[str, Any] = {"index": index}
    if kind:
        payload["kind"] = kind
    if label and label.strip():
        payload["label"] = label.strip()
    if len(payload) == 1 and len(targets) == 1:
        raise CorrectionError("Choose a new source, kind or label for the link.")
    return Edit(op="set_link", targets=targets, payload=payload)


def unattribute_claim(analysis: Analysis, claim_id: str) -> Edit:
    return Edit(op="unattribute_claim", targets=[claim_target(analysis, claim_id)])


def dismiss_claim(analysis: Analysis, claim_id: str, dismissed: bool = True) -> Edit:
    """Dismiss a claim (it stays listed, marked), or restore a dismissed one with `dismissed=False`."""
    payload = {} if dismissed else {"dismissed": False}
    return Edit(op="dismiss_claim", targets=[claim_target(analysis, claim_id)], payload=payload)


def add_claim(analysis: Analysis, text: str, chain: list[dict[str, Any]], *, stance: str = "asserts",
              hedged: bool = False, occurrence: int = 0) -> Edit:
    """`chain` is outermost first: [{"label", "kind", "actor": actor id or None}, ...]."""
    links = []
    for link in chain:
        if link.get("kind") not in LINK_KINDS:
            raise CorrectionError(f"“{link.get('kind')}” is not a link kind ({', '.join(LINK_KINDS)}).")
        entry: dict[str, Any] = {"label": (link.get("label") or "").strip(), "kind": link["kind"]}
        if link.get("actor"):
            entry["actor"] = actor_target(analysis, link["actor"]).model_dump(mode="json")
            entry["label"] = entry["label"] or entry["actor"]["name"]
        if not entry["label"]:
            entry["label"] = UNATTRIBUTED_LABEL if link["kind"] == "unattributed" else link["kind"]
        links.append(entry)
    if stance not in ("asserts", "denies"):
        raise CorrectionError("A claim either asserts or denies.")
    return Edit(
        op="add_claim",
        targets=[text_target(analysis, text, occurrence)],
        payload={"chain": links, "stance": stance, "hedged": hedged},
    )


def _check_interval(start: str | None, end: str | None, precision: str) -> None:
    for value in (start, end):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise CorrectionError(f"“{value}” is not a date (YYYY-MM-DD).") from None
    if start and end and start > end:
        raise CorrectionError(f"The interval ends ({end}) before it starts ({start}).")
    if precision not in PRECISIONS:
        raise CorrectionError(f"“{precision}” is not a precision ({', '.join(PRECISIONS)}).")


def set_event_date(analysis: Analysis, event_id: str, start: str | None, end: str | None,
                   precision: str = "day") -> Edit:
    start, end = start or None, end or None
    _check_interval(start, end, precision)
    return Edit(
        op="set_event_date",
        targets=[event_target(analysis, event_id)],
        payload={"start": start, "end": end, "precision": precision},
    )


def delete_event(analysis: Analysis, event_id: str) -> Edit:
    return Edit(op="delete_event", targets=[event_target(analysis, event_id)])


def add_event(analysis: Analysis, text: str, label: str, start: str | None, end: str | None,
              precision: str = "day", occurrence: int = 0) -> Edit:
    start, end = start or None, end or None
    _check_interval(start, end, precision)
    if not label.strip():
        raise CorrectionError("An event needs a label.")
    return Edit(
        op="add_event",
        targets=[text_target(analysis, text, occurrence)],
        payload={"label": label.strip(), "start": start, "end": end, "precision": precision},
    )


# --- applying ----------------------------------------------------------------------------------


class _Skip(Exception):
    """An edit that cannot be applied to this analysis; the message says why."""


def apply_edits(analysis: Analysis, log: Iterable[Edit]) -> tuple[Analysis, list[str]]:
    """The analysis with every edit in force applied, and one sentence per edit that could not be.

    `log` may hold undo/redo entries; the input analysis is not modified.
    """
    entries = list(log)
    result = analysis.model_copy(deep=True)
    problems: list[str] = []
    for n, edit in enumerate(effective_edits(entries), start=1):
        try:
            _APPLY[edit.op](result, edit)
        except _Skip as why:
            problems.append(f"Edit {n} ({describe(edit)}): {why} It was not applied.")
        except (KeyError, TypeError, ValueError, ValidationError) as e:
            # a malformed entry (hand-edited or from a future version) must not break the analysis
            problems.append(f"Edit {n} ({edit.op}) is malformed ({type(e).__name__}). It was not applied.")
    return result, problems


def _locate(text: str, span: Span) -> Span | None:
    """The anchor in this text: at its offsets, else its words at the nearest place."""
    if text[span.start : span.end] == span.text and span.text:
        return span
    starts = [m.start() for m in re.finditer(re.escape(span.text), text)] if span.text else []
    if not starts:
        return None
    s = min(starts, key=lambda x: abs(x - span.start))
    return Span(start=s, end=s + len(span.text), text=span.text)


def _where(span: Span) -> str:
    return f"“{_short(span.text, 40)}” (characters {span.start}–{span.end})"


def _actor(a: Analysis, target: Target) -> Actor:
    if target.span is not None:
        span = _locate(a.article.text, target.span)
        if span is None:
            raise _Skip(f"the text {_where(target.span)} is no longer in the article.")
        index = MentionIndex(a.actors)
        found = index.exactly(span.start, span.end) or index.at(span.start, span.end)
        if found is not None:
            return found
        raise _Skip(f"no actor is mentioned at {_where(span)} any more.")
    # an actor without mentions (a publisher from metadata): same id and name, else same name
    by_id = a.actor(target.id)
    if by_id is not None and (target.name is None or by_id.name == target.name):
        return by_id
    if target.name:
        named = [x for x in a.actors if x.name.casefold() == target.name.casefold()]
        if named:
            return named[0]
    raise _Skip(f"the actor “{target.name or target.id}” is not in this analysis any more.")


def _by_span(items: list, get_span, target: Target, what: str, text: str):
    if target.span is None:
        found = next((x for x in items if x.id == target.id), None)
        if found is None:
            raise _Skip(f"the {what} {target.id} is not in this analysis any more.")
        return found
    span = _locate(text, target.span)
    if span is None:
        raise _Skip(f"the text {_where(target.span)} is no longer in the article.")
    for x in items:
        s = get_span(x)
        if s.start == span.start and s.end == span.end:
            return x
    # a re-analysis may cut the span a little differently: accept a majority overlap
    best, best_ov = None, 0
    for x in items:
        s = get_span(x)
        ov = min(span.end, s.end) - max(span.start, s.start)
        if ov > best_ov and ov * 2 >= min(span.end - span.start, s.end - s.start):
            best, best_ov = x, ov
    if best is None:
        raise _Skip(f"no {what} covers {_where(span)} any more.")
    return best


def _claim(a: Analysis, target: Target) -> Claim:
    return _by_span(a.claims, lambda c: c.content, target, "claim", a.article.text)


def _event(a: Analysis, target: Target) -> Event:
    return _by_span(a.events, lambda e: e.evidence, target, "event", a.article.text)


def _fresh_span(a: Analysis, target: Target) -> Span:
    if target.span is None:
        raise _Skip("it names no text.")
    span = _locate(a.article.text, target.span)
    if span is None:
        raise _Skip(f"the text {_where(target.span)} is no longer in the article.")
    return span


def _actors_within(a: Analysis, span: Span) -> list[str]:
    """The actors named inside a new claim's content or event's sentence."""
    return [x.id for x in MentionIndex(a.actors).within(span.start, span.end)]


def _inside(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _op_rename(a: Analysis, e: Edit) -> None:
    actor = _actor(a, e.targets[0])
    old, new = actor.name, str(e.payload["name"])
    if old != new and old not in actor.aliases:
        actor.aliases.append(old)  # keep the extracted name findable
    actor.aliases = [x for x in actor.aliases if x != new]
    actor.name = new
    actor.corrected = True
    for claim in a.claims:
        for link in claim.chain:
            if link.actor == actor.id and link.label == old:
                link.label = new


def _op_retype(a: Analysis, e: Edit) -> None:
    actor = _actor(a, e.targets[0])
    if e.payload.get("kind"):
        if e.payload["kind"] not in ACTOR_KINDS:
            raise _Skip(f"“{e.payload['kind']}” is not an actor kind.")
        actor.kind = e.payload["kind"]
    if e.payload.get("type"):
        actor.type = str(e.payload["type"])
    actor.corrected = True


def _rewire(a: Analysis, old: str, new: str | None) -> None:
    """Point every reference to actor `old` at `new` (None: forget it)."""
    def swap(ids: list[str]) -> list[str]:
        out = [x for x in ids if x != old] if new is None else [new if x == old else x for x in ids]
        return _dedupe(out)

    for ev in a.events:
        ev.actors = swap(ev.actors)
    for c in a.claims:
        c.actors = swap(c.actors)
        for link in c.chain:
            if link.actor == old:
                link.actor = new
    for t in a.attributions:
        if t.source_actor == old:
            t.source_actor = new
        if t.recipient_actor == old:
            t.recipient_actor = new
    relations = []
    for r in a.relations:
        if old in (r.source, r.target):
            if new is None:
                continue
            r.source = new if r.source == old else r.source
            r.target = new if r.target == old else r.target
        relations.append(r)
    a.relations = _merge_relations(relations)


def _dedupe(items: list) -> list:
    return list(dict.fromkeys(items))


def _merge_relations(relations: list[Relation]) -> list[Relation]:
    """Drop self-loops and fold duplicates (weights add, evidence joins)."""
    out: dict[tuple[str, str, str], Relation] = {}
    for r in relations:
        if r.source == r.target:
            continue
        key = (r.source, r.target, r.kind)
        if key in out:
            kept = out[key]
            kept.weight += r.weight
            seen = {(s.start, s.end) for s in kept.evidence}
            kept.evidence.extend(s for s in r.evidence if (s.start, s.end) not in seen)
        else:
            out[key] = r
    return list(out.values())


def _op_merge(a: Analysis, e: Edit) -> None:
    keep, absorb = _actor(a, e.targets[0]), _actor(a, e.targets[1])
    if keep.id == absorb.id:
        raise _Skip("both anchors now point to the same actor.")
    for alias in [absorb.name, *absorb.aliases]:
        if alias != keep.name and alias not in keep.aliases:
            keep.aliases.append(alias)
    seen = {(m.start, m.end) for m in keep.mentions}
    keep.mentions = sorted(
        keep.mentions + [m for m in absorb.mentions if (m.start, m.end) not in seen], key=lambda m: m.start
    )
    keep.titles = _dedupe(keep.titles + absorb.titles)
    keep.nationality = _dedupe(keep.nationality + absorb.nationality)
    keep.corrected = True
    a.actors = [x for x in a.actors if x.id != absorb.id]
    _rewire(a, absorb.id, keep.id)


def _new_actor_id(a: Analysis, e: Edit) -> str:
    base = f"a-{e.id}"
    taken = {x.id for x in a.actors}
    n, candidate = 1, base
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _assign_mentions(a: Analysis, actor: Actor, mentions: list[Span], previous: str | None) -> None:
    """Hand the references that rest on `mentions` to `actor` (from `previous`, or from no one)."""
    def hit(span: Span | None) -> bool:
        return span is not None and any(overlaps(span.start, span.end, m.start, m.end) for m in mentions)

    moved_attributions = set()
    for t in a.attributions:
        if t.source_actor == previous and hit(t.source):
            t.source_actor = actor.id
            moved_attributions.add(t.id)
    for c in a.claims:
        for link in c.chain:
            if link.attribution in moved_attributions and link.actor == previous:
                link.actor = actor.id
        if any(_inside(c.content, m) for m in mentions) and actor.id not in c.actors:
            c.actors.append(actor.id)
    for ev in a.events:
        if any(_inside(ev.evidence, m) for m in mentions) and actor.id not in ev.actors:
            ev.actors.append(actor.id)


def _op_split(a: Analysis, e: Edit) -> None:
    actor = _actor(a, e.targets[0])
    alias = str(e.payload["alias"])
    if actor.name.casefold() == alias.casefold():
        raise _Skip(f"“{alias}” is the actor's own name; rename it first.")
    moved = [m for m in actor.mentions if m.text.casefold() == alias.casefold()]
    if not moved:
        raise _Skip(f"no mention of “{actor.name}” reads “{alias}” any more.")
    stay = [m for m in actor.mentions if m.text.casefold() != alias.casefold()]
    new = Actor(id=_new_actor_id(a, e), name=alias, type=actor.type, kind=actor.kind, mentions=moved,
                corrected=True)
    actor.mentions = stay
    actor.aliases = [x for x in actor.aliases if x.casefold() != alias.casefold()]
    actor.corrected = True
    a.actors.insert(a.actors.index(actor) + 1, new)
    _assign_mentions(a, new, moved, actor.id)

    def rests_on(span: Span) -> list[Span]:
        return [m for m in stay if _inside(span, m)]

    # the old actor keeps what its remaining mentions still support
    for c in a.claims:
        if actor.id in c.actors and not rests_on(c.content):
            c.actors.remove(actor.id)
    for ev in a.events:
        if actor.id in ev.actors and not rests_on(ev.evidence):
            ev.actors.remove(actor.id)
    for r in a.relations:
        if actor.id in (r.source, r.target) and r.evidence:
            by_moved = all(any(_inside(s, m) for m in moved) for s in r.evidence)
            by_stay = any(rests_on(s) for s in r.evidence)
            if by_moved and not by_stay:
                r.source = new.id if r.source == actor.id else r.source
                r.target = new.id if r.target == actor.id else r.target
    a.relations = _merge_relations(a.relations)


def _word_occurrences(text: str, words: str) -> list[Span]:
    # whole words only: "Iran" must not find "Iranian"
    pattern = r"(?<!\w)" + re.escape(words) + r"(?!\w)"
    return [Span(start=m.start(), end=m.end(), text=m.group()) for m in re.finditer(pattern, text)]


def _op_add_actor(a: Analysis, e: Edit) -> None:
    span = _fresh_span(a, e.targets[0])
    name = str(e.payload.get("name") or span.text)
    if any(x.name.casefold() == name.casefold() for x in a.actors):
        raise _Skip(f"an actor named “{name}” already exists (the analysis may now find it itself).")
    boiler = a.article.structure.boilerplate
    taken = [m for x in a.actors for m in x.mentions]
    found = [
        m for m in _word_occurrences(a.article.text, span.text)
        if not any(overlaps(m.start, m.end, b.start, b.end) for b in boiler)
    ]
    if not found:
        raise _Skip(f"“{span.text}” is not a whole word or name anywhere in the article.")
    mentions = [m for m in found if not any(overlaps(m.start, m.end, t.start, t.end) for t in taken)]
    if not mentions:
        owner = _actor(a, Target(span=span))
        raise _Skip(f"every mention of “{span.text}” already belongs to “{owner.name}”; split it instead.")
    kind = e.payload.get("kind", "named")
    if kind not in ACTOR_KINDS:
        raise _Skip(f"“{kind}” is not an actor kind.")
    actor = Actor(id=_new_actor_id(a, e), name=name, type=str(e.payload.get("type") or "ORG"), kind=kind,
                  aliases=[span.text] if span.text != name else [], mentions=mentions, corrected=True)
    a.actors.append(actor)
    _assign_mentions(a, actor, mentions, None)


def _op_delete_actor(a: Analysis, e: Edit) -> None:
    actor = _actor(a, e.targets[0])
    for c in a.claims:
        if any(link.actor == actor.id for link in c.chain):
            c.corrected = True  # its chain now names a source with no actor behind it
    a.actors = [x for x in a.actors if x.id != actor.id]
    _rewire(a, actor.id, None)


def _link(a: Analysis, entry: dict[str, Any]) -> ChainLink:
    actor_id = None
    if entry.get("actor"):
        actor_id = _actor(a, Target.model_validate(entry["actor"])).id
    return ChainLink(label=str(entry.get("label") or entry["kind"]), kind=entry["kind"], actor=actor_id)


def _op_set_link(a: Analysis, e: Edit) -> None:
    claim = _claim(a, e.targets[0])
    index = int(e.payload["index"])
    if not 0 <= index < len(claim.chain):
        raise _Skip(f"the claim has no link {index + 1} any more.")
    link = claim.chain[index]
    if len(e.targets) > 1:
        actor = _actor(a, e.targets[1])
        link.actor = actor.id
        link.label = actor.name
    if e.payload.get("kind"):
        if e.payload["kind"] not in LINK_KINDS:
            raise _Skip(f"“{e.payload['kind']}” is not a link kind.")
        link.kind = e.payload["kind"]
    if e.payload.get("label"):
        link.label = str(e.payload["label"])
    claim.corrected = True


def _op_unattribute(a: Analysis, e: Edit) -> None:
    claim = _claim(a, e.targets[0])
    # the page's own voice stays (who published it); every named or unnamed source goes
    kept = [link for link in claim.chain if link.kind == "publisher"]
    claim.chain = kept + [ChainLink(label=UNATTRIBUTED_LABEL, kind="unattributed")]
    claim.corrected = True


def _op_dismiss(a: Analysis, e: Edit) -> None:
    claim = _claim(a, e.targets[0])
    claim.dismissed = bool(e.payload.get("dismissed", True))
    claim.corrected = True


def _op_add_claim(a: Analysis, e: Edit) -> None:
    span = _fresh_span(a, e.targets[0])
    if any(c.content.start == span.start and c.content.end == span.end and not c.dismissed for c in a.claims):
        raise _Skip(f"{_where(span)} is already a claim.")
    chain = [_link(a, entry) for entry in e.payload.get("chain", [])]
    if not chain:
        chain = [ChainLink(label=UNATTRIBUTED_LABEL, kind="unattributed")]
    actors = _actors_within(a, span)
    a.claims.append(Claim(
        id=f"c-{e.id}", content=span, chain=chain, stance=e.payload.get("stance", "asserts"),
        hedged=bool(e.payload.get("hedged", False)), actors=actors, corrected=True,
    ))


def _op_set_event_date(a: Analysis, e: Edit) -> None:
    event = _event(a, e.targets[0])
    try:
        _check_interval(e.payload.get("start"), e.payload.get("end"), e.payload.get("precision", "day"))
    except CorrectionError as why:
        raise _Skip(str(why)) from None
    event.start, event.end = e.payload.get("start"), e.payload.get("end")
    event.precision = e.payload.get("precision", "day")
    event.unresolved = event.end is None and event.start is None
    event.uncertain = event.precision == "open" or event.start is None or event.end is None
    event.corrected = True


def _op_delete_event(a: Analysis, e: Edit) -> None:
    event = _event(a, e.targets[0])
    a.events = [x for x in a.events if x.id != event.id]
    for c in a.claims:
        c.events = [x for x in c.events if x != event.id]


def _op_add_event(a: Analysis, e: Edit) -> None:
    span = _fresh_span(a, e.targets[0])
    p = e.payload
    try:
        _check_interval(p.get("start"), p.get("end"), p.get("precision", "day"))
    except CorrectionError as why:
        raise _Skip(str(why)) from None
    actors = _actors_within(a, span)
    a.events.append(Event(
        id=f"e-{e.id}", label=str(p["label"]), start=p.get("start"), end=p.get("end"),
        precision=p.get("precision", "day"), evidence=span, actors=actors,
        uncertain=p.get("precision") == "open" or not p.get("start") or not p.get("end"),
        unresolved=not p.get("start") and not p.get("end"), corrected=True,
    ))


_APPLY = {
    "rename_actor": _op_rename,
    "retype_actor": _op_retype,
    "merge_actors": _op_merge,
    "split_alias": _op_split,
    "add_actor": _op_add_actor,
    "delete_actor": _op_delete_actor,
    "set_link": _op_set_link,
    "unattribute_claim": _op_unattribute,
    "dismiss_claim": _op_dismiss,
    "add_claim": _op_add_claim,
    "set_event_date": _op_set_event_date,
    "delete_event": _op_delete_event,
    "add_event": _op_add_event,
}
