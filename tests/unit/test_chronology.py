"""Where events go on the timeline and what range it opens on (sourcetrace.chronology)."""

from __future__ import annotations

from datetime import date

from sourcetrace.chronology import chronology, place
from sourcetrace.model import Analysis, Article, Event
from sourcetrace.spans import make_span

TEXT = "One sentence stands in for every event's evidence."


def _event(eid: str, start: str | None, end: str | None, precision: str = "day", **kw) -> Event:
    return Event(
        id=eid,
        label=f"event {eid}",
        start=start,
        end=end,
        precision=precision,
        evidence=make_span(TEXT, 0, len(TEXT)),
        **kw,
    )


def _analysis(*events: Event) -> Analysis:
    return Analysis(article=Article(text=TEXT), events=list(events))


def test_each_event_is_placed_and_its_date_said_in_words() -> None:
    cases = {
        ("2007-07-10", "2007-07-10", "day"): ("day", "10 Jul 2007"),
        ("2007-07-02", "2007-07-08", "week"): ("span", "2 – 8 Jul 2007"),
        ("2007-06-01", "2007-06-30", "month"): ("span", "Jun 2007"),
        ("1979-01-01", "1979-12-31", "year"): ("span", "1979"),
        ("2003-04-10", "2007-07-10", "day"): ("span", "10 Apr 2003 – 10 Jul 2007"),
        (None, "2007-07-10", "open"): ("open_start", "before 10 Jul 2007"),
        ("2007-05-02", None, "open"): ("open_end", "from 2 May 2007"),
        (None, None, "open"): ("unplaced", "undated"),
    }
    for (start, end, precision), expected in cases.items():
        p = place(_event("e", start, end, precision))
        assert (p.placement, p.when) == expected, (start, end)
    stray = place(_event("e", "2007-07-01", "2007-07-01", unresolved=True))
    assert (stray.placement, stray.when) == (
        "unplaced",
        "unresolved: a relative date with no publication date",
    )
    assert place(_event("e", None, "2007-07-10", "open")).anchor == date(2007, 7, 10)
    assert place(_event("e", "2007-05-02", None, "open")).anchor == date(2007, 5, 2)


def test_unplaced_events_are_kept_apart_in_text_order() -> None:
    c = chronology(
        _analysis(
            _event("b", None, None, "open", unresolved=True),
            _event("a", "2007-07-10", "2007-07-10"),
            _event("c", None, None, "open"),
        )
    )
    assert [p.event.id for p in c.placed] == ["a"]
    assert [p.event.id for p in c.unplaced] == ["b", "c"]
    assert c.frame == c.extent == (date(2007, 7, 10), date(2007, 7, 10))
    assert chronology(_analysis(_event("c", None, None, "open"))).frame is None


def test_a_far_event_is_an_outlier_marked_outside_the_frame() -> None:
    c = chronology(
        _analysis(
            _event("rev", "1979-01-01", "1979-12-31", "year"),
            _event("a", "2007-04-23", "2007-04-29", "week"),
            _event("b", "2007-05-01", "2007-05-01"),
            _event("c", "2007-05-03", "2007-05-03"),
            _event("d", None, "2007-05-03", "open"),
        )
    )
    assert [(p.event.id, p.outside) for p in c.outliers] == [("rev", "before")]
    assert c.frame == (date(2007, 4, 23), date(2007, 5, 3))
    assert c.extent == (date(1979, 1, 1), date(2007, 5, 3))
    # and after the rest, the same
    late = chronology(
        _analysis(
            _event("a", "2007-05-01", "2007-05-01"),
            _event("b", "2007-05-02", "2007-05-02"),
            _event("c", "2007-05-03", "2007-05-03"),
            _event("z", "2031-01-01", "2031-01-01"),
        )
    )
    assert [(p.event.id, p.outside) for p in late.outliers] == [("z", "after")]


def test_no_outlier_when_a_span_bridges_or_the_groups_are_even() -> None:
    # the bundled article's shape: 2003 and 2007 joined by a span running from one to the other
    bridged = chronology(
        _analysis(
            _event("fall", "2003-04-09", "2003-04-09"),
            _event("meddling", "2003-04-10", "2007-07-10", uncertain=True),
            _event("draft", "2007-07-02", "2007-07-08", "week"),
            _event("report", "2007-07-10", "2007-07-10"),
            _event("open", None, "2007-07-10", "open"),
        )
    )
    assert bridged.outliers == ()
    assert bridged.frame == (date(2003, 4, 9), date(2007, 7, 10))
    # two events in 2003, two in 2007: neither side is a minority
    even = chronology(
        _analysis(
            _event("a", "2003-01-01", "2003-01-01"),
            _event("b", "2003-01-02", "2003-01-02"),
            _event("c", "2007-01-01", "2007-01-01"),
            _event("d", "2007-01-02", "2007-01-02"),
        )
    )
    assert even.outliers == ()
    # months apart is no outlier: the frame covers them
    near = chronology(
        _analysis(
            _event("a", "2007-01-05", "2007-01-05"),
            _event("b", "2007-05-01", "2007-05-01"),
            _event("c", "2007-05-02", "2007-05-02"),
            _event("d", "2007-05-03", "2007-05-03"),
        )
    )
    assert near.outliers == () and near.frame == (date(2007, 1, 5), date(2007, 5, 3))
