"""Analyst corrections: edits are data, applied on top of a fresh analysis.

An `Edit` is one entry of the append-only log as it is stored: an operation's name, the items it
targets and a payload. Each kind of correction is one pydantic model (`RenameActor`,
`MergeActors`, `SetEventDate`, ...) that owns its payload's fields and their checks, its builder
from the analysis on screen (`RenameActor.build`, also `rename_actor`), its one-line description
and how it applies; `OPERATIONS` maps the log's op names to them. A check is written once: a
builder refuses bad input with that sentence (CorrectionError), and a stored entry that fails the
same check is reported as malformed when it is applied.

Each target carries an *anchor* (a span with its text: an actor's mention, a claim's content, an
event's evidence) as well as the id it had, because ids are renumbered when the pipeline changes:
edits are re-found by their anchor first, and an edit whose anchor no longer exists is reported,
never dropped in silence.

Undo and redo are entries of the same log (`op="undo"`/`"redo"` naming the edit they act on);
`effective_edits` replays the log into the edits that are in force. Nothing is ever deleted from
the log, so two tabs appending at once lose nothing.

`apply_edits(analysis, log) -> (Analysis, problems)` is pure and deterministic.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from sourcetrace.dates import check_day
from sourcetrace.errors import SourcetraceError
from sourcetrace.mentions import MentionIndex
from sourcetrace.model import (
    CO_OCCURRENCE,
    SOURCE_OF,
    Actor,
    ActorKind,
    Analysis,
    Article,
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
    "insert_hop",
    "set_parent",
    "set_article",
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


def undo_entry(log: Iterable[Edit], author: str | None = None, edit_id: str | None = None) -> Edit | None:
    """The log entry that undoes the latest edit in force, or the edit `edit_id` (the one just made,
    undone from where it was made); None when there is no such edit in force."""
    history = replay(log)
    if edit_id is not None:
        target = next((e for e in history.active if e.id == edit_id), None)
    else:
        target = history.active[-1] if history.active else None
    if target is None:
        return None
    return Edit(op="undo", payload={"edit": target.id}, author=author)


def redo_entry(log: Iterable[Edit], author: str | None = None) -> Edit | None:
    history = replay(log)
    if not history.undone:
        return None
    return Edit(op="redo", payload={"edit": history.undone[-1].id}, author=author)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def interval_label(start: str | None, end: str | None) -> str:
    if start and end and start == end:
        return start
    return f"{start or '…'} – {end or '…'}"


# --- the items an edit targets, from the analysis on screen ---------------------------------------


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


# --- the checks every operation shares (each written once) -----------------------------------------


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"“{value}” is not {what} ({', '.join(allowed)}).")
    return value


def _reason(err: ValidationError) -> str:
    """Our own sentence when a check of ours refused the value, else pydantic's."""
    first = err.errors()[0]
    cause = (first.get("ctx") or {}).get("error")
    return str(cause) if cause is not None else first["msg"]


class _Skip(Exception):
    """An edit that cannot be applied to this analysis; the message says why."""


class Operation(BaseModel):
    """One kind of correction: its payload's fields and checks, its description, how it applies.

    `targets` are the items it acts on (`arity` of them); every other field is the log entry's
    payload. `build` (a classmethod on each operation) makes the log entry from the analysis on
    screen; `apply` changes a copy of a fresh analysis, raising _Skip when the anchors are gone.
    """

    model_config = ConfigDict(extra="forbid")

    op: ClassVar[str]
    arity: ClassVar[tuple[int, int]] = (1, 1)  # fewest and most targets

    targets: list[Target]

    @model_validator(mode="after")
    def _count_targets(self) -> Self:
        low, high = self.arity
        if not low <= len(self.targets) <= high:
            raise ValueError(f"{self.op} acts on {low}–{high} item(s), not {len(self.targets)}.")
        return self

    @classmethod
    def of(cls, edit: Edit) -> Self:
        """The operation a log entry holds (ValidationError when it is malformed)."""
        return cls.model_validate({**edit.payload, "targets": edit.targets})

    @classmethod
    def _entry(cls, targets: list[Target], **fields: Any) -> Edit:
        """The log entry, or the first check that refused it as a CorrectionError."""
        try:
            operation = cls(targets=targets, **fields)
        except ValidationError as err:
            raise CorrectionError(_reason(err)) from None
        payload = operation.model_dump(mode="json", exclude={"targets"}, exclude_unset=True)
        return Edit(op=cls.op, targets=operation.targets, payload=payload)

    def describe(self, names: list[str]) -> str:  # pragma: no cover - every operation overrides it
        raise NotImplementedError

    def apply(self, a: Analysis, edit: Edit) -> None:  # pragma: no cover - every operation overrides it
        raise NotImplementedError


# --- actors -----------------------------------------------------------------------------------------


class RenameActor(Operation):
    op = "rename_actor"
    name: str

    @field_validator("name")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("An actor needs a name.")
        return value.strip()

    @classmethod
    def build(cls, analysis: Analysis, actor_id: str, name: str) -> Edit:
        if not name.strip():
            raise CorrectionError("An actor needs a name.")
        return cls._entry([actor_target(analysis, actor_id)], name=name)

    def describe(self, names: list[str]) -> str:
        return f"Renamed actor “{names[0]}” to “{self.name}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        self._rename(_actor(a, self.targets[0]))

    def _rename(self, actor: Actor) -> None:
        old, new = actor.name, self.name
        if old != new and old not in actor.aliases:
            actor.aliases.append(old)  # keep the extracted name findable
        actor.aliases = [x for x in actor.aliases if x != new]
        actor.name = new
        actor.corrected = True  # the chains that name it follow in _settle


class RetypeActor(Operation):
    op = "retype_actor"
    type: str | None = None
    kind: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str | None) -> str | None:
        return None if value is None else _one_of(value, ACTOR_KINDS, "an actor kind")

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.type and not self.kind:
            raise ValueError("Choose a new type or kind.")
        return self

    @classmethod
    def build(cls, analysis: Analysis, actor_id: str, *, type: str | None = None,
              kind: str | None = None) -> Edit:
        fields = {"type": type} if type else {}
        if kind is not None:
            fields["kind"] = kind
        if kind is not None and kind not in ACTOR_KINDS:
            raise CorrectionError(f"“{kind}” is not an actor kind ({', '.join(ACTOR_KINDS)}).")
        return cls._entry([actor_target(analysis, actor_id)], **fields)

    def describe(self, names: list[str]) -> str:
        changes = ", ".join(f"{k} → {v}" for k, v in (("type", self.type), ("kind", self.kind)) if v)
        return f"Changed actor “{names[0]}”: {changes}"

    def apply(self, a: Analysis, edit: Edit) -> None:
        actor = _actor(a, self.targets[0])
        if self.kind:
            actor.kind = self.kind  # type: ignore[assignment]  # checked against ACTOR_KINDS
        if self.type:
            actor.type = self.type
        actor.corrected = True


class MergeActors(Operation):
    """The second target is folded into the first."""

    op = "merge_actors"
    arity = (2, 2)

    @classmethod
    def build(cls, analysis: Analysis, keep_id: str, absorb_id: str) -> Edit:
        if keep_id == absorb_id:
            raise CorrectionError("Choose two different actors to merge.")
        return cls._entry([actor_target(analysis, keep_id), actor_target(analysis, absorb_id)])

    def describe(self, names: list[str]) -> str:
        return f"Merged actor “{names[1]}” into “{names[0]}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        keep, absorb = _actor(a, self.targets[0]), _actor(a, self.targets[1])
        if keep.id == absorb.id:
            raise _Skip("both anchors now point to the same actor.")
        for alias in [absorb.name, *absorb.aliases]:
            if alias != keep.name and alias not in keep.aliases:
                keep.aliases.append(alias)
        seen = {(m.start, m.end) for m in keep.mentions}
        keep.mentions = sorted(
            keep.mentions + [m for m in absorb.mentions if (m.start, m.end) not in seen],
            key=lambda m: m.start,
        )
        keep.titles = _dedupe(keep.titles + absorb.titles)
        keep.nationality = _dedupe(keep.nationality + absorb.nationality)
        keep.corrected = True
        a.actors = [x for x in a.actors if x.id != absorb.id]
        _rewire(a, absorb.id, keep.id)


class SplitAlias(Operation):
    op = "split_alias"
    alias: str

    @classmethod
    def build(cls, analysis: Analysis, actor_id: str, alias: str) -> Edit:
        target = actor_target(analysis, actor_id)
        actor = analysis.actor(actor_id)
        moved = [m for m in actor.mentions if m.text.casefold() == alias.casefold()]  # type: ignore[union-attr]
        if not moved:
            raise CorrectionError(f"No mention of “{target.name}” reads “{alias}”.")
        # anchor on a mention that stays, so the actor is found again after the split moved the others
        stay = [m for m in actor.mentions if m.text.casefold() != alias.casefold()]  # type: ignore[union-attr]
        if stay:
            target = Target(id=target.id, span=stay[0], name=target.name)
        return cls._entry([target], alias=alias)

    def describe(self, names: list[str]) -> str:
        return f"Split “{self.alias}” out of actor “{names[0]}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        actor = _actor(a, self.targets[0])
        alias = self.alias
        if actor.name.casefold() == alias.casefold():
            raise _Skip(f"“{alias}” is the actor's own name; rename it first.")
        moved = [m for m in actor.mentions if m.text.casefold() == alias.casefold()]
        if not moved:
            raise _Skip(f"no mention of “{actor.name}” reads “{alias}” any more.")
        stay = [m for m in actor.mentions if m.text.casefold() != alias.casefold()]
        new = Actor(id=_new_actor_id(a, edit), name=alias, type=actor.type, kind=actor.kind, mentions=moved,
                    corrected=True)
        actor.mentions = stay
        actor.aliases = [x for x in actor.aliases if x.casefold() != alias.casefold()]
        actor.corrected = True
        a.actors.insert(a.actors.index(actor) + 1, new)
        _assign_mentions(a, new, moved, actor.id)
        _keep_what_stays(a, actor, new, moved, stay)


def _keep_what_stays(a: Analysis, actor: Actor, new: Actor, moved: list[Span], stay: list[Span]) -> None:
    """After a split, the old actor keeps what its remaining mentions still support."""
    def rests_on(span: Span) -> list[Span]:
        return [m for m in stay if _inside(span, m)]

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


class AddActor(Operation):
    """Every whole-word mention of the target's words becomes the new actor's."""

    op = "add_actor"
    type: str = "ORG"
    kind: str = "named"
    name: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        return _one_of(value, ACTOR_KINDS, "an actor kind")

    @classmethod
    def build(cls, analysis: Analysis, text: str, *, type: str, kind: str, name: str | None = None,
              occurrence: int = 0) -> Edit:
        if kind not in ACTOR_KINDS:
            raise CorrectionError(f"“{kind}” is not an actor kind ({', '.join(ACTOR_KINDS)}).")
        fields: dict[str, Any] = {"type": type.strip() or "ORG", "kind": kind}
        if name and name.strip():
            fields["name"] = name.strip()
        return cls._entry([text_target(analysis, text, occurrence)], **fields)

    def describe(self, names: list[str]) -> str:
        return f"Added actor “{self.name or names[0]}” ({self.type}, {self.kind})"

    def apply(self, a: Analysis, edit: Edit) -> None:
        span = _fresh_span(a, self.targets[0])
        name = self.name or span.text
        if any(x.name.casefold() == name.casefold() for x in a.actors):
            raise _Skip(f"an actor named “{name}” already exists (the analysis may now find it itself).")
        boiler = a.article.structure.boilerplate
        found = [
            m for m in _word_occurrences(a.article.text, span.text)
            if not any(overlaps(m.start, m.end, b.start, b.end) for b in boiler)
        ]
        if not found:
            raise _Skip(f"“{span.text}” is not a whole word or name anywhere in the article.")
        index = MentionIndex(a.actors)
        mentions = [m for m in found if not index.overlapping(m.start, m.end)]
        if not mentions:
            owner = _actor(a, Target(span=span))
            raise _Skip(
                f"every mention of “{span.text}” already belongs to “{owner.name}”; split it instead."
            )
        actor = Actor(id=_new_actor_id(a, edit), name=name, type=self.type or "ORG", kind=self.kind,
                      aliases=[span.text] if span.text != name else [], mentions=mentions, corrected=True)
        a.actors.append(actor)
        _assign_mentions(a, actor, mentions, None)
        _co_occur(a, actor)


class DeleteActor(Operation):
    op = "delete_actor"

    @classmethod
    def build(cls, analysis: Analysis, actor_id: str) -> Edit:
        return cls._entry([actor_target(analysis, actor_id)])

    def describe(self, names: list[str]) -> str:
        return f"Deleted actor “{names[0]}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        actor = _actor(a, self.targets[0])
        for c in a.claims:
            if any(link.actor == actor.id for link in c.chain):
                c.corrected = True  # its chain now names a source with no actor behind it
        a.actors = [x for x in a.actors if x.id != actor.id]
        _rewire(a, actor.id, None)


# --- claims -----------------------------------------------------------------------------------------


class SetLink(Operation):
    """Link `index` of the claim's chain gets a new source (the second target), kind or label."""

    op = "set_link"
    arity = (1, 2)
    index: int = Field(ge=0)
    kind: str | None = None
    label: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str | None) -> str | None:
        return None if value is None else _one_of(value, LINK_KINDS, "a link kind")

    @model_validator(mode="after")
    def _something(self) -> Self:
        if len(self.targets) == 1 and not self.kind and not self.label:
            raise ValueError("Choose a new source, kind or label for the link.")
        return self

    @classmethod
    def build(cls, analysis: Analysis, claim_id: str, index: int, *, actor_id: str | None = None,
              kind: str | None = None, label: str | None = None) -> Edit:
        target = claim_target(analysis, claim_id)
        claim = analysis.claim(claim_id)
        if not 0 <= index < len(claim.chain):  # type: ignore[union-attr]
            raise CorrectionError(f"The claim has no link {index + 1}.")
        if kind is not None and kind not in LINK_KINDS:
            raise CorrectionError(f"“{kind}” is not a link kind ({', '.join(LINK_KINDS)}).")
        targets = [target] + ([actor_target(analysis, actor_id)] if actor_id else [])
        fields: dict[str, Any] = {"index": index}
        if kind:
            fields["kind"] = kind
        if label and label.strip():
            fields["label"] = label.strip()
        return cls._entry(targets, **fields)

    def describe(self, names: list[str]) -> str:
        what = [f"kind → {self.kind}"] if self.kind else []
        if len(names) > 1:
            what.append(f"source → “{names[1]}”")
        if self.label:
            what.append(f"label → “{self.label}”")
        return f"Changed link {self.index + 1} of claim “{_short(names[0])}”: {', '.join(what)}"

    def apply(self, a: Analysis, edit: Edit) -> None:
        claim = _claim(a, self.targets[0])
        if not self.index < len(claim.chain):
            raise _Skip(f"the claim has no link {self.index + 1} any more.")
        link = claim.chain[self.index]
        if len(self.targets) > 1:
            actor = _actor(a, self.targets[1])
            _move_sourcing(a, claim, link, actor.id)
            link.actor = actor.id
            link.label = actor.name
            _follow(link)
        if self.kind:
            link.kind = self.kind  # type: ignore[assignment]  # checked against LINK_KINDS
        if self.label:
            link.label = self.label
            _follow(link, False)  # the analyst's words stay, whatever the actor is called later
        claim.corrected = True


class UnattributeClaim(Operation):
    op = "unattribute_claim"

    @classmethod
    def build(cls, analysis: Analysis, claim_id: str) -> Edit:
        return cls._entry([claim_target(analysis, claim_id)])

    def describe(self, names: list[str]) -> str:
        return f"Marked claim “{_short(names[0])}” unattributed"

    def apply(self, a: Analysis, edit: Edit) -> None:
        claim = _claim(a, self.targets[0])
        # the page's own voice stays (who published it); every named or unnamed source goes
        kept = [link for link in claim.chain if link.kind == "publisher"]
        for link in claim.chain:
            if link.kind != "publisher":
                _move_sourcing(a, claim, link, None)  # the network loses what rested on that source
        claim.chain = kept + [ChainLink(label=UNATTRIBUTED_LABEL, kind="unattributed")]
        claim.corrected = True


class DismissClaim(Operation):
    """Dismiss a claim (it stays listed, marked), or restore a dismissed one (`dismissed=False`)."""

    op = "dismiss_claim"
    dismissed: bool = True

    @classmethod
    def build(cls, analysis: Analysis, claim_id: str, dismissed: bool = True) -> Edit:
        fields = {} if dismissed else {"dismissed": False}
        return cls._entry([claim_target(analysis, claim_id)], **fields)

    def describe(self, names: list[str]) -> str:
        return f"{'Dismissed' if self.dismissed else 'Restored'} claim “{_short(names[0])}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        claim = _claim(a, self.targets[0])
        claim.dismissed = self.dismissed
        claim.corrected = True


class NewLink(BaseModel):
    """A link of an added claim's chain; `actor` is the source's anchor, not only its id."""

    model_config = ConfigDict(extra="forbid")

    label: str = ""
    kind: str
    actor: Target | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        return _one_of(value, LINK_KINDS, "a link kind")


def _new_link(a: Analysis, link: NewLink) -> ChainLink:
    """A chain link of an added claim or hop; a source named by its actor reads the actor's name
    (now and after any later rename or merge), a label the analyst typed stays as typed."""
    if link.actor is None:
        return ChainLink(label=link.label or link.kind, kind=link.kind)  # type: ignore[arg-type]
    actor = _actor(a, link.actor)
    typed = link.label and link.label != link.actor.name
    made = ChainLink(label=link.label if typed else actor.name, kind=link.kind,  # type: ignore[arg-type]
                     actor=actor.id)
    _follow(made, not typed)
    return made


def new_claim_chain(analysis: Analysis, source_id: str | None, kind: str) -> list[dict[str, Any]]:
    """The chain of a claim the analyst adds: the page's publisher (its actor if there is one, else
    the article's publisher name), then the direct source of that kind, or the article's own voice."""
    chain: list[dict[str, Any]] = []
    publisher = next((a for a in analysis.actors if a.kind == "publisher"), None)
    if publisher is not None:
        chain.append({"label": publisher.name, "kind": "publisher", "actor": publisher.id})
    elif analysis.article.publisher:
        chain.append({"label": analysis.article.publisher, "kind": "publisher"})
    if source_id:
        chain.append({"label": "", "kind": kind if kind != "unattributed" else "named", "actor": source_id})
    else:
        chain.append({"label": "", "kind": "unattributed"})
    return chain


class AddClaim(Operation):
    op = "add_claim"
    chain: list[NewLink] = []
    stance: Literal["asserts", "denies"] = "asserts"
    hedged: bool = False

    @classmethod
    def build(cls, analysis: Analysis, text: str, chain: list[dict[str, Any]], *, stance: str = "asserts",
              hedged: bool = False, occurrence: int = 0) -> Edit:
        """`chain` is outermost first: [{"label", "kind", "actor": actor id or None}, ...]."""
        links = []
        for link in chain:
            if link.get("kind") not in LINK_KINDS:
                raise CorrectionError(f"“{link.get('kind')}” is not a link kind ({', '.join(LINK_KINDS)}).")
            entry: dict[str, Any] = {"label": (link.get("label") or "").strip(), "kind": link["kind"]}
            if link.get("actor"):
                entry["actor"] = actor_target(analysis, link["actor"])
                entry["label"] = entry["label"] or entry["actor"].name
            if not entry["label"]:
                entry["label"] = UNATTRIBUTED_LABEL if link["kind"] == "unattributed" else link["kind"]
            links.append(entry)
        if stance not in ("asserts", "denies"):
            raise CorrectionError("A claim either asserts or denies.")
        target = text_target(analysis, text, occurrence)
        return cls._entry([target], chain=links, stance=stance, hedged=hedged)

    def describe(self, names: list[str]) -> str:
        return f"Added claim “{_short(names[0])}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        span = _fresh_span(a, self.targets[0])
        if any(c.content.start == span.start and c.content.end == span.end and not c.dismissed
               for c in a.claims):
            raise _Skip(f"{_where(span)} is already a claim.")
        chain = [_new_link(a, link) for link in self.chain] or [
            ChainLink(label=UNATTRIBUTED_LABEL, kind="unattributed")
        ]
        a.claims.append(Claim(
            id=f"c-{edit.id}", content=span, chain=chain, stance=self.stance, hedged=self.hedged,
            actors=_actors_within(a, span), corrected=True,
        ))


# --- events -----------------------------------------------------------------------------------------


class _Dated(Operation):
    """An interval of YYYY-MM-DD days (either end may be open) and how precise it is."""

    start: str | None = None
    end: str | None = None
    precision: str = "day"

    @field_validator("start", "end")
    @classmethod
    def _days(cls, value: str | None) -> str | None:
        return check_day(value)

    @field_validator("precision")
    @classmethod
    def _precision(cls, value: str) -> str:
        return _one_of(value, PRECISIONS, "a precision")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"The interval ends ({self.end}) before it starts ({self.start}).")
        return self

    def _date(self, event: Event) -> None:
        event.start, event.end = self.start, self.end
        event.precision = self.precision  # type: ignore[assignment]  # checked against PRECISIONS
        event.unresolved = event.end is None and event.start is None
        event.uncertain = event.precision == "open" or event.start is None or event.end is None


class SetEventDate(_Dated):
    op = "set_event_date"

    @classmethod
    def build(cls, analysis: Analysis, event_id: str, start: str | None, end: str | None,
              precision: str = "day") -> Edit:
        target = event_target(analysis, event_id)
        return cls._entry([target], start=start or None, end=end or None, precision=precision)

    def describe(self, names: list[str]) -> str:
        return f"Dated event “{_short(names[0])}”: {interval_label(self.start, self.end)}"

    def apply(self, a: Analysis, edit: Edit) -> None:
        event = _event(a, self.targets[0])
        self._date(event)
        event.corrected = True


class DeleteEvent(Operation):
    op = "delete_event"

    @classmethod
    def build(cls, analysis: Analysis, event_id: str) -> Edit:
        return cls._entry([event_target(analysis, event_id)])

    def describe(self, names: list[str]) -> str:
        return f"Deleted event “{_short(names[0])}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        event = _event(a, self.targets[0])
        a.events = [x for x in a.events if x.id != event.id]
        for c in a.claims:
            c.events = [x for x in c.events if x != event.id]


class AddEvent(_Dated):
    op = "add_event"
    label: str

    @field_validator("label")
    @classmethod
    def _labelled(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("An event needs a label.")
        return value.strip()

    @classmethod
    def build(cls, analysis: Analysis, text: str, label: str, start: str | None, end: str | None,
              precision: str = "day", occurrence: int = 0) -> Edit:
        fields = {"label": label, "start": start or None, "end": end or None, "precision": precision}
        try:  # the interval is checked before the words are looked for, as the form reads
            cls(targets=[Target()], **fields)
        except ValidationError as err:
            raise CorrectionError(_reason(err)) from None
        return cls._entry([text_target(analysis, text, occurrence)], **fields)

    def describe(self, names: list[str]) -> str:
        return f"Added event “{_short(self.label or names[0])}”: {interval_label(self.start, self.end)}"

    def apply(self, a: Analysis, edit: Edit) -> None:
        span = _fresh_span(a, self.targets[0])
        event = Event(id=f"e-{edit.id}", label=self.label, start=None, end=None, precision="day",
                      evidence=span, actors=_actors_within(a, span), corrected=True)
        self._date(event)
        a.events.append(event)


# --- chains: a hop the extraction missed, or hung under the wrong relay --------------------------------

HOP_KINDS: tuple[str, ...] = tuple(k for k in LINK_KINDS if k != "unattributed")
_ORIGINATORS = ("named", "anonymous", "document")


class InsertHop(Operation):
    """A hop inserted into a claim's chain before link `index` (`index` = the chain's length: at the
    end); the second target, when there is one, is the hop's actor, else `label` names it."""

    op = "insert_hop"
    arity = (1, 2)
    index: int = Field(ge=0)
    kind: str = "named"
    label: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        return _one_of(value, HOP_KINDS, "a hop's kind")

    @field_validator("label")
    @classmethod
    def _label(cls, value: str | None) -> str | None:
        return value.strip() if value and value.strip() else None

    @model_validator(mode="after")
    def _named(self) -> Self:
        if len(self.targets) == 1 and not self.label:
            raise ValueError("Name the hop: choose its actor or type its words.")
        return self

    @classmethod
    def build(cls, analysis: Analysis, claim_id: str, index: int, *, kind: str = "named",
              actor_id: str | None = None, label: str | None = None) -> Edit:
        target = claim_target(analysis, claim_id)
        claim = analysis.claim(claim_id)
        if not 0 <= index <= len(claim.chain):  # type: ignore[union-attr]
            raise CorrectionError(f"A hop goes before link 1 to {len(claim.chain)} or at the end, "  # type: ignore[union-attr]
                                  f"not at place {index + 1}.")
        targets = [target] + ([actor_target(analysis, actor_id)] if actor_id else [])
        fields: dict[str, Any] = {"index": index, "kind": kind}
        if label and label.strip():
            fields["label"] = label
        return cls._entry(targets, **fields)

    def describe(self, names: list[str]) -> str:
        who = names[1] if len(names) > 1 else self.label
        return f"Inserted hop “{who}” ({self.kind}) at place {self.index + 1} of claim “{_short(names[0])}”"

    def apply(self, a: Analysis, edit: Edit) -> None:
        claim = _claim(a, self.targets[0])
        if self.index > len(claim.chain):
            raise _Skip(f"the claim's chain has {len(claim.chain)} link(s) now, no place {self.index + 1}.")
        actor = self.targets[1] if len(self.targets) > 1 else None
        hop = _new_link(a, NewLink(label=self.label or "", kind=self.kind, actor=actor))
        chain = list(claim.chain)
        chain.insert(self.index, hop)
        if self.kind in _ORIGINATORS and chain[-1].kind == "unattributed" and self.index >= len(chain) - 2:
            chain.pop()  # a source is named now: the claim no longer rests on a relay's own voice
        claim.chain = chain
        claim.corrected = True


class SetParent(Operation):
    """Re-parent hop `index` of a claim: the hops before it become those of another claim's chain up
    to and including its link `under` (the second target), or only the page's publisher (no second
    target: the hop speaks to the page directly)."""

    op = "set_parent"
    arity = (1, 2)
    index: int = Field(ge=0)
    under: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _under(self) -> Self:
        if (len(self.targets) > 1) != (self.under is not None):
            raise ValueError("Choose the claim and the hop to hang it under, or hang it under the page.")
        return self

    @classmethod
    def build(cls, analysis: Analysis, claim_id: str, index: int, *, parent_claim_id: str | None = None,
              under: int | None = None) -> Edit:
        target = claim_target(analysis, claim_id)
        claim = analysis.claim(claim_id)
        if not 0 <= index < len(claim.chain):  # type: ignore[union-attr]
            raise CorrectionError(f"The claim has no link {index + 1}.")
        targets, fields = [target], {"index": index}
        if parent_claim_id is not None:
            parent = analysis.claim(parent_claim_id)
            under = len(parent.chain) - 1 if parent is not None and under is None else under
            if parent is None or not 0 <= under < len(parent.chain):  # type: ignore[operator]
                raise CorrectionError("Choose a hop of the other claim's chain to hang it under.")
            if parent.chain[under].kind == "unattributed":
                raise CorrectionError("A hop hangs under a source or a relay, not under “unattributed”.")
            targets.append(claim_target(analysis, parent_claim_id))
            fields["under"] = under
        return cls._entry(targets, **fields)

    def describe(self, names: list[str]) -> str:
        where = f"under hop {self.under + 1} of claim “{_short(names[1], 40)}”" if len(names) > 1 else (
            "directly under the page")
        return f"Re-parented hop {self.index + 1} of claim “{_short(names[0])}” {where}"

    def apply(self, a: Analysis, edit: Edit) -> None:
        claim = _claim(a, self.targets[0])
        if self.index >= len(claim.chain):
            raise _Skip(f"the claim has no link {self.index + 1} any more.")
        if len(self.targets) > 1:
            parent = _claim(a, self.targets[1])
            if self.under is None or self.under >= len(parent.chain):
                raise _Skip(f"the other claim has no link {(self.under or 0) + 1} any more.")
            above = parent.chain[: self.under + 1]
        else:
            above = [link for link in claim.chain[: self.index] if link.kind == "publisher"]
        rest = claim.chain[self.index:]
        claim.chain = [link.model_copy() for link in above] + rest
        for old, copy in zip(above, claim.chain, strict=False):
            _follow(copy, _follows(old))
        claim.corrected = True


# --- the article's own metadata -------------------------------------------------------------------


class SetArticle(Operation):
    """The article's headline, publisher or publication day as the analyst reads the page."""

    op = "set_article"
    arity = (0, 0)
    title: str | None = None
    publisher: str | None = None
    published: str | None = None

    @field_validator("title", "publisher")
    @classmethod
    def _words(cls, value: str | None) -> str | None:
        return " ".join(value.split()) if value and value.strip() else None

    @field_validator("published")
    @classmethod
    def _day(cls, value: str | None) -> str | None:
        return check_day(value or None)

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not (self.title or self.publisher or self.published):
            raise ValueError("Give the headline, the publisher or the date to set.")
        return self

    @classmethod
    def build(cls, analysis: Analysis, *, title: str | None = None, publisher: str | None = None,
              published: str | None = None) -> Edit:
        art = analysis.article
        changed = {k: v for k, v in (("title", title), ("publisher", publisher), ("published", published))
                   if v and v.strip() and " ".join(v.split()) != getattr(art, k)}
        if not changed and (title or publisher or published):
            raise CorrectionError("The article already reads so: nothing to change.")
        return cls._entry([], **changed)

    def describe(self, names: list[str]) -> str:
        what = [f"{label} → “{value}”" for label, value in
                (("headline", self.title), ("publisher", self.publisher), ("date", self.published)) if value]
        return f"Set the article's {', '.join(what)}"

    def apply(self, a: Analysis, edit: Edit) -> None:
        art = a.article
        if self.title:
            art.title = self.title
        if self.published:
            art.published = self.published
        if self.publisher and self.publisher != art.publisher:
            _set_publisher(a, self.publisher)


def _set_publisher(a: Analysis, name: str) -> None:
    """The page's publisher is `name`: its actor is renamed (the chains follow), a publisher link
    without an actor reads it, and a chain with no publisher link gets one at its head."""
    old = a.article.publisher
    publishers = [x for x in a.actors if x.kind == "publisher"]
    actor = next((x for x in publishers if old and x.name.casefold() == old.casefold()), None)
    if actor is None and len(publishers) == 1:
        actor = publishers[0]
    if actor is not None:
        RenameActor(targets=[Target(id=actor.id, name=actor.name)], name=name)._rename(actor)
    a.article.publisher = name
    for claim in a.claims:
        heads = [link for link in claim.chain if link.kind == "publisher"]
        for link in heads:
            if link.actor is None and (link.label == old or old is None):
                link.label = name
        if not heads:
            head = ChainLink(label=name, kind="publisher", actor=actor.id if actor else None)
            _follow(head, actor is not None)
            claim.chain = [head, *claim.chain]


OPERATIONS: dict[str, type[Operation]] = {
    cls.op: cls
    for cls in (RenameActor, RetypeActor, MergeActors, SplitAlias, AddActor, DeleteActor, SetLink,
                UnattributeClaim, DismissClaim, AddClaim, SetEventDate, DeleteEvent, AddEvent, InsertHop,
                SetParent, SetArticle)
}

# the builders the UI and the tests call, by the name of what the analyst does
rename_actor = RenameActor.build
retype_actor = RetypeActor.build
merge_actors = MergeActors.build
split_alias = SplitAlias.build
add_actor = AddActor.build
delete_actor = DeleteActor.build
set_link = SetLink.build
unattribute_claim = UnattributeClaim.build
dismiss_claim = DismissClaim.build
add_claim = AddClaim.build
set_event_date = SetEventDate.build
delete_event = DeleteEvent.build
add_event = AddEvent.build
insert_hop = InsertHop.build
set_parent = SetParent.build

PARENT_PAGE = "page"  # the re-parent choice "directly under the page"


def hop_parents(analysis: Analysis) -> dict[str, str]:
    """Where a hop can hang (choice -> label): the page, or any relay or source of a chain, each once
    (by its path of labels and kinds); a choice other than the page is "<claim id>:<link index>"."""
    out = {PARENT_PAGE: "directly under the page"}
    seen = set()
    for c in analysis.claims:
        for i, link in enumerate(c.chain):
            path = tuple((x.label, x.kind) for x in c.chain[: i + 1])
            if link.kind != "unattributed" and path not in seen:
                seen.add(path)
                out[f"{c.id}:{i}"] = " › ".join(label for label, _ in path)
    return out


def set_parent_under(analysis: Analysis, claim_id: str, hop: int, choice: str) -> Edit:
    """The set_parent edit for one of `hop_parents`' choices."""
    if choice == PARENT_PAGE:
        return set_parent(analysis, claim_id, hop)
    parent, _, at = str(choice).rpartition(":")
    if not parent or not at.isdigit():
        raise CorrectionError("Choose a chain or the page to hang the hop under.")
    return set_parent(analysis, claim_id, hop, parent_claim_id=parent, under=int(at))
set_article = SetArticle.build


def corrected_metadata(log: Iterable[Edit]) -> dict[str, str]:
    """The article's headline, publisher and date as the set_article edits in force set them (the
    latest wins), by field name ("title", "publisher", "published"); a field no edit sets is absent.
    The library lists these, and a corrected date is the anchor the extraction dates events by."""
    fields: dict[str, str] = {}
    for edit in effective_edits(log):
        if edit.op != SetArticle.op:
            continue
        try:
            operation = SetArticle.of(edit)
        except ValidationError:
            continue  # malformed: apply_edits reports it
        fields.update({k: v for k, v in operation.model_dump(exclude={"targets"}).items() if v})
    return fields


def _names(targets: list[Target]) -> list[str]:
    return [t.name or (t.span.text if t.span else t.id) or "?" for t in targets]


def describe(edit: Edit, log: Iterable[Edit] = ()) -> str:
    """One line for the history panel, from the edit alone (no analysis needed)."""
    if edit.op in ("undo", "redo"):
        ref = next((e for e in log if e.id == edit.payload.get("edit")), None)
        inner = describe(ref) if ref else f"edit {edit.payload.get('edit')}"
        return f"{edit.op.capitalize()}: {inner}"
    try:
        operation = OPERATIONS[edit.op].of(edit)
    except ValidationError:
        return edit.op
    return operation.describe(_names(edit.targets))


# --- applying ---------------------------------------------------------------------------------------


def apply_edits(analysis: Analysis, log: Iterable[Edit],
                reanalyse: Callable[[Article], Analysis] | None = None) -> tuple[Analysis, list[str]]:
    """The analysis with every edit in force applied, and one sentence per edit that could not be.

    `log` may hold undo/redo entries; the input analysis is not modified. A corrected publication
    date is the anchor of every relative date ("last week", "yesterday", "in June"): with
    `reanalyse` (the caller's analysis of an Article, cached and with its settings), the article is
    analysed again with that date and the edits are applied to the fresh analysis, re-found by their
    anchors as after any re-analysis; without it the events keep the dates of the filed date.
    Headline and publisher stay edits (SetArticle.apply): the actors and chains the other edits
    name are the extraction's. After the edits, every view's data is settled against the
    corrected actors (`_settle`): a chain names its sources as they are called now, and whatever
    reads differently from `analysis` (a re-dated event too) is marked corrected.
    """
    entries = list(log)
    active = effective_edits(entries)
    if not active:
        return analysis.model_copy(deep=True), []
    base = analysis
    published = corrected_metadata(active).get("published")
    if reanalyse is not None and published and published != analysis.article.published:
        base = reanalyse(analysis.article.model_copy(update={"published": published}))
    result = base.model_copy(deep=True)
    problems: list[str] = []
    names = {x.id: x.name for x in result.actors}
    # the links whose words are their actor's name: they follow the actor (see _settle)
    follows = {id(link): link for c in result.claims for link in c.chain
               if link.actor is not None and names.get(link.actor) == link.label}
    token = _FOLLOWS.set(follows)
    try:
        for n, edit in enumerate(active, start=1):
            try:
                operation = OPERATIONS[edit.op].of(edit)
            except ValidationError:
                # a malformed entry (hand-edited or from a future version) must not break the analysis
                problems.append(f"Edit {n} ({edit.op}) is malformed (ValueError). It was not applied.")
                continue
            try:
                operation.apply(result, edit)
            except _Skip as why:
                what = operation.describe(_names(edit.targets))
                problems.append(f"Edit {n} ({what}): {why} It was not applied.")
    finally:
        _FOLLOWS.reset(token)
    _settle(analysis, result, follows)
    return result, problems


# chain links (by id) whose label is their actor's name, while apply_edits runs; the dict keeps
# each link alive, so no other object can take its id meanwhile
_FOLLOWS: ContextVar[dict[int, ChainLink] | None] = ContextVar("sourcetrace_follows", default=None)


def _follow(link: ChainLink, follows: bool = True) -> None:
    """Whether `link` reads its actor's name from now on (True) or keeps its own words (False)."""
    table = _FOLLOWS.get()
    if table is None:
        return
    if follows:
        table[id(link)] = link
    else:
        table.pop(id(link), None)


def _follows(link: ChainLink) -> bool:
    table = _FOLLOWS.get()
    return table is not None and id(link) in table


def _settle(extracted: Analysis, a: Analysis, follows: dict[int, ChainLink]) -> None:
    """Derive what the views show from the corrected actors, then mark what changed.

    The engine copies an actor's name and kind into each chain link when it analyses the article;
    a correction changes the actor, so the links are derived again here: a link that read its
    actor's name reads the actor's name now (renamed, merged into another, split out), a link of
    the kind its actor had takes the actor's corrected kind, and a dismissed claim's source-of
    edges leave the network (a restored one keeps them: this runs on the final state). A claim,
    event or actor that now reads differently from the extraction is marked corrected (✎ in every
    view), whichever edit did it.
    """
    actors = {x.id: x for x in a.actors}
    kind_then = {x.id: x.kind for x in extracted.actors}
    for claim in a.claims:
        for link in claim.chain:
            actor = actors.get(link.actor or "")
            if actor is None:
                link.actor = None
                continue
            if id(link) in follows:
                link.label = actor.name
            then = kind_then.get(actor.id)
            if then is not None and actor.kind != then and link.kind == then:
                link.kind = actor.kind
    was_dismissed = {c.id for c in extracted.claims if c.dismissed}
    for claim in a.claims:
        if claim.dismissed and claim.id not in was_dismissed:
            for link in claim.chain:  # not a claim: the network's edges that rested on it go too
                _move_sourcing(a, claim, link, None)
    _mark_changed(extracted, a)


def _claim_view(claim: Claim) -> tuple:
    chain = tuple((link.label, link.kind, link.actor) for link in claim.chain)
    return claim.content.start, claim.content.end, chain, claim.stance, claim.hedged, claim.dismissed


def _event_view(event: Event, a: Analysis) -> tuple:
    names = tuple(x.name for i in event.actors if (x := a.actor(i)) is not None)
    return event.label, event.start, event.end, event.precision, event.evidence.start, names


def _actor_view(actor: Actor) -> tuple:
    mentions = tuple((m.start, m.end) for m in actor.mentions)
    return actor.name, actor.type, actor.kind, tuple(actor.aliases), mentions


def _mark_changed(extracted: Analysis, a: Analysis) -> None:
    claims = {c.id: _claim_view(c) for c in extracted.claims}
    for claim in a.claims:
        if claims.get(claim.id) != _claim_view(claim):
            claim.corrected = True
    events = {e.id: _event_view(e, extracted) for e in extracted.events}
    for event in a.events:
        if events.get(event.id) != _event_view(event, a):
            event.corrected = True
    actors = {x.id: _actor_view(x) for x in extracted.actors}
    for actor in a.actors:
        if actors.get(actor.id) != _actor_view(actor):
            actor.corrected = True


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
    for response in a.responses:  # who declined to comment (the Sources view)
        if response.actor == old:
            response.actor = new
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


def _word_occurrences(text: str, words: str) -> list[Span]:
    # whole words only: "Iran" must not find "Iranian"
    pattern = r"(?<!\w)" + re.escape(words) + r"(?!\w)"
    return [Span(start=m.start(), end=m.end(), text=m.group()) for m in re.finditer(pattern, text)]


def _only_user(a: Analysis, claim: Claim, attribution: str | None) -> bool:
    """Whether the attribution behind a link is this claim's alone (a shared outer frame is not)."""
    return attribution is not None and not any(
        c is not claim and any(link.attribution == attribution for link in c.chain) for c in a.claims
    )


def _move_sourcing(a: Analysis, claim: Claim, link: ChainLink, new: str | None) -> None:
    """The link's source becomes `new` (None: no one): its attribution, when no other claim shares
    it, and the network's source-of edges that rest on it (from the attribution's cue sentence to
    the actors named in its content) go with it."""
    if link.actor == new or not _only_user(a, claim, link.attribution):
        return
    att = next((t for t in a.attributions if t.id == link.attribution), None)
    if att is None or att.source_actor != link.actor or link.actor is None:
        return
    old, cue = link.actor, att.cue
    named = {x.id for x in MentionIndex(a.actors).within(att.content.start, att.content.end)}
    moved: list[Relation] = []
    kept: list[Relation] = []
    for r in a.relations:
        ours = [s for s in r.evidence if s.start <= cue.start < s.end or (s.start, s.end) ==
                (att.content.start, att.content.end)]
        if r.kind != SOURCE_OF or r.source != old or r.target not in named or not ours:
            kept.append(r)
            continue
        rest = [s for s in r.evidence if s not in ours]
        if rest:
            kept.append(r.model_copy(update={"evidence": rest, "weight": max(r.weight - 1, 1.0)}))
        if new is not None:
            moved.append(Relation(source=new, target=r.target, kind=SOURCE_OF, weight=1.0, evidence=ours,
                                  label=r.label))
    att.source_actor = new
    a.relations = _merge_relations(kept + moved)


_SENTENCE_END = re.compile(r"(?:[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9]))|\n\s*")


def _sentence_around(a: Analysis, span: Span) -> Span:
    """The sentence a mention sits in: a sentence the analysis already knows (an edge's or an
    event's evidence), else the text between sentence ends around it."""
    known = [s for r in a.relations for s in r.evidence] + [e.evidence for e in a.events]
    inside = [s for s in known if s.start <= span.start and span.end <= s.end]
    if inside:
        return min(inside, key=lambda s: s.end - s.start)
    text = a.article.text
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, span.start)), default=0)
    found = _SENTENCE_END.search(text, span.end)
    end = found.start() if found else len(text)
    return Span(start=start, end=end, text=text[start:end])


def _co_occur(a: Analysis, actor: Actor) -> None:
    """An added actor's co-occurrence edges: with every actor named in a sentence it is named in."""
    index = MentionIndex(a.actors)
    order = {x.id: i for i, x in enumerate(a.actors)}
    edges: dict[tuple[str, str, int], Relation] = {}  # one per pair and sentence
    for mention in actor.mentions:
        sentence = _sentence_around(a, mention)
        for other in index.overlapping(sentence.start, sentence.end):
            if other == actor.id:
                continue
            first, second = sorted((actor.id, other), key=order.__getitem__)
            edges.setdefault((first, second, sentence.start), Relation(
                source=first, target=second, kind=CO_OCCURRENCE, evidence=[sentence]))
    a.relations = _merge_relations(a.relations + list(edges.values()))


# --- what a deletion takes away (the panel asks before it deletes) ----------------------------------


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def deletion_note(analysis: Analysis, *, actor_id: str | None = None, event_id: str | None = None) -> str:
    """One sentence on what deleting the actor or event takes from the views (before it is done)."""
    if actor_id is not None:
        actor = analysis.actor(actor_id)
        if actor is None:
            raise CorrectionError(f"There is no actor {actor_id} in this analysis.")
        chains = sum(any(link.actor == actor.id for link in c.chain) for c in analysis.claims)
        edges = sum(actor.id in (r.source, r.target) for r in analysis.relations)
        events = sum(actor.id in e.actors for e in analysis.events)
        parts = [_count(len(actor.mentions), "mention")] + [
            _count(n, what) for n, what in ((edges, "network edge"), (events, "event")) if n]
        said = (f" {_count(chains, 'claim')} keep{'s' if chains == 1 else ''} its words as a source, "
                "with no actor behind them.") if chains else ""
        return f"Delete “{actor.name}”? It goes from every view ({', '.join(parts)}).{said}"
    event = analysis.event(event_id)
    if event is None:
        raise CorrectionError(f"There is no event {event_id} in this analysis.")
    claims = sum(event.id in c.events for c in analysis.claims)
    linked = f" and from {_count(claims, 'claim')} linked to it" if claims else ""
    return (f"Delete the event “{_short(event.label)}” ({interval_label(event.start, event.end)})? "
            f"It goes from the timeline{linked}.")
