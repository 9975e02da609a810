"""Which actor is mentioned here: the one index every stage and view asks.

`MentionIndex(actors)` sorts every mention once; each question is then a bisection:
- `at(start, end)`: the actor whose mention overlaps [start, end) the most (a source span, a
  correction's anchor);
- `overlapping(start, end)`: the actor ids with a mention overlapping it, in order of mention;
- `within(start, end)`: the actors with a mention wholly inside it, in the actors' order (the
  actors a claim's content or an event's sentence names);
- `covering(start, end)`: the shortest mention that covers it (a piece of highlighted text).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from sourcetrace.model import Actor
from sourcetrace.spans import overlaps


class Mention(NamedTuple):
    start: int
    end: int
    actor: Actor


class MentionIndex:
    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors = list(actors)
        self._order = {id(a): n for n, a in enumerate(self.actors)}
        self.mentions = sorted(
            (Mention(m.start, m.end, a) for a in self.actors for m in a.mentions if m.end > m.start),
            key=lambda m: (m.start, m.end, self._order[id(m.actor)]),
        )
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def _near(self, start: int, end: int) -> list[Mention]:
        """Every mention that may overlap [start, end): those starting in [start - longest, end)."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def at(self, start: int, end: int) -> Actor | None:
        """The actor whose mention overlaps [start, end) the most (on a tie, the first in the list)."""
        best, best_key = None, (0, 0)
        for m in self._near(start, end):
            key = (min(end, m.end) - max(start, m.start), -self._order[id(m.actor)])
            if key[0] > 0 and key > best_key:
                best, best_key = m.actor, key
        return best

    def exactly(self, start: int, end: int) -> Actor | None:
        """The actor with a mention at exactly [start, end)."""
        i = bisect_left(self._starts, start)
        while i < len(self.mentions) and self.mentions[i].start == start:
            if self.mentions[i].end == end:
                return self.mentions[i].actor
            i += 1
        return None

    def mentions_overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions overlapping [start, end), in text order."""
        return [m for m in self._near(start, end) if overlaps(m.start, m.end, start, end)]

    def overlapping(self, start: int, end: int) -> list[str]:
        """Ids of the actors with a mention overlapping [start, end), in order of mention."""
        return list(dict.fromkeys(m.actor.id for m in self.mentions_overlapping(start, end)))

    def within(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention wholly inside [start, end), in the order of the actor list."""
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end)
        found = {id(m.actor): m.actor for m in self.mentions[lo:hi] if m.end <= end}
        return sorted(found.values(), key=lambda a: self._order[id(a)])

    def covering(self, start: int, end: int) -> Mention | None:
        """The shortest mention that covers [start, end) (nested names are rare)."""
        lo = bisect_left(self._starts, start - self._longest)
        hits = [m for m in self.mentions[lo : bisect_right(self._starts, start)] if m.end >= end]
        return min(hits, key=lambda m: m.end - m.start, default=None)
