"""Where each event goes on the timeline, and what range the timeline opens on: no UI.

- An event with both ends known is a day or a span; with one end missing it is open ("before
  10 Jul 2007", "from 2 May 2007"), drawn from its known end only, never from the axis start.
- An unresolved event (a relative date with no publication date to anchor it) or one with no
  date at all is unplaced: listed apart, never stretched over the axis.
- The default frame covers where the events are. An event (or a small group) far from all the
  others, less than a quarter of the events, is an outlier: left out of the frame, marked at its
  edge. A span bridging two groups joins them, so it is never cut away.

Shared by the dashboard's timeline (components/timeline.py), the report and the walkthrough
through sourcetrace.figures, which only draws what this decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sourcetrace.dates import day_or_none
from sourcetrace.model import Analysis, Event

Placement = Literal["day", "span", "open_start", "open_end", "unplaced"]
Side = Literal["", "before", "after"]

# An outlier group is this far from the rest at least, and at least this many times the rest's span.
OUTLIER_MIN_GAP = timedelta(days=365)
OUTLIER_SPAN_FACTOR = 2
OUTLIER_MAX_SHARE = 0.25  # outliers are at most a quarter of the placed events (and one at least)


@dataclass(frozen=True)
class Placed:
    event: Event
    placement: Placement
    start: date | None  # the known start (None: open start or unplaced)
    end: date | None  # the known end (None: open end or unplaced)
    when: str  # "9 Apr 2003", "2 – 8 Jul 2007", "before 10 Jul 2007", "from 2 May 2007", "undated"
    outside: Side = ""  # which side of the default frame an outlier lies on

    @property
    def anchor(self) -> date | None:
        """The one day an open event is drawn from (its known end)."""
        return self.end if self.placement == "open_start" else self.start

    @property
    def first(self) -> date:
        return self.start or self.end  # type: ignore[return-value]

    @property
    def last(self) -> date:
        return self.end or self.start  # type: ignore[return-value]


@dataclass(frozen=True)
class Chronology:
    placed: tuple[Placed, ...]  # in time order
    unplaced: tuple[Placed, ...]  # in text order, each with why in `when`
    frame: tuple[date, date] | None  # the range the timeline opens on (unpadded)
    extent: tuple[date, date] | None  # every known date

    @property
    def outliers(self) -> tuple[Placed, ...]:
        return tuple(p for p in self.placed if p.outside)


def _fmt(d: date) -> str:
    return f"{d.day} {d.strftime('%b')} {d.year}"


def _range_text(start: date, end: date) -> str:
    if start == end:
        return _fmt(start)
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    if (start.year, start.month) == (end.year, end.month):
        if start.day == 1 and (end + timedelta(days=1)).day == 1:
            return f"{start.strftime('%b')} {start.year}"
        return f"{start.day} – {end.day} {end.strftime('%b')} {end.year}"
    return f"{_fmt(start)} – {_fmt(end)}"


def place(event: Event) -> Placed:
    """Where one event goes, and how its date is said."""
    start, end = day_or_none(event.start), day_or_none(event.end)
    if event.unresolved or (start is None and end is None):
        why = "unresolved: a relative date with no publication date" if event.unresolved else "undated"
        return Placed(event, "unplaced", None, None, why)
    if start is None:
        return Placed(event, "open_start", None, end, f"before {_fmt(end)}")  # type: ignore[arg-type]
    if end is None:
        return Placed(event, "open_end", start, None, f"from {_fmt(start)}")
    if end < start:
        start, end = end, start
    kind: Placement = "day" if start == end and event.precision == "day" else "span"
    return Placed(event, kind, start, end, _range_text(start, end))


def _groups(placed: list[Placed]) -> list[list[Placed]]:
    """Events whose dates overlap or touch, merged: a span bridging two dates joins them."""
    groups: list[list[Placed]] = []
    last: date | None = None
    for p in sorted(placed, key=lambda p: (p.first, p.last)):
        if groups and last is not None and p.first <= last:
            groups[-1].append(p)
            last = max(last, p.last)
        else:
            groups.append([p])
            last = p.last
    return groups


def _far(group: list[Placed], rest: list[list[Placed]], gap: timedelta) -> bool:
    lo = min(p.first for g in rest for p in g)
    hi = max(p.last for g in rest for p in g)
    return gap >= max(OUTLIER_MIN_GAP, (hi - lo) * OUTLIER_SPAN_FACTOR)


def _frame(placed: list[Placed]) -> tuple[tuple[date, date], dict[str, Side]]:
    groups = _groups(placed)
    budget = max(1, int(len(placed) * OUTLIER_MAX_SHARE))
    outside: dict[str, Side] = {}
    trimmed = True
    while trimmed and len(groups) > 1:
        trimmed = False
        left, right = groups[0], groups[-1]
        left_gap = groups[1][0].first - max(p.last for p in left)
        right_gap = right[0].first - max(p.last for g in groups[:-1] for p in g)
        # the farther end first, so a far outlier never shields a nearer one
        for group, gap, side in sorted(
            [(left, left_gap, "before"), (right, right_gap, "after")], key=lambda t: -t[1]
        ):
            rest = [g for g in groups if g is not group]
            if len(group) <= budget - len(outside) and _far(group, rest, gap):
                outside.update({p.event.id: side for p in group})  # type: ignore[misc]
                groups = rest
                trimmed = True
                break
    lo = min(p.first for g in groups for p in g)
    hi = max(p.last for g in groups for p in g)
    return (lo, hi), outside


def chronology(analysis: Analysis) -> Chronology:
    placed, unplaced = [], []
    for event in analysis.events:
        p = place(event)
        (unplaced if p.placement == "unplaced" else placed).append(p)
    if not placed:
        return Chronology(placed=(), unplaced=tuple(unplaced), frame=None, extent=None)
    frame, outside = _frame(placed)
    extent = (min(p.first for p in placed), max(p.last for p in placed))
    ordered = sorted(placed, key=lambda p: (p.first, p.last, p.event.id))
    return Chronology(
        placed=tuple(Placed(p.event, p.placement, p.start, p.end, p.when, outside.get(p.event.id, ""))
                     for p in ordered),
        unplaced=tuple(unplaced),
        frame=frame,
        extent=extent,
    )
