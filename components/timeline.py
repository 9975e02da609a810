"""The timeline view: the plotly figure from sourcetrace.figures, with point selection as focus.

What is drawn where (open events, unplaced events, the range and its outliers) is decided in
sourcetrace.chronology; this arranges the figure, the list of events not on the axis and the
events table. Article strings are escaped where they are placed.
"""

from __future__ import annotations

import html

import streamlit as st

from components import session
from sourcetrace.chronology import Chronology, Placed, chronology
from sourcetrace.figures import timeline_figure
from sourcetrace.focus import Focus, event_ids
from sourcetrace.model import Analysis

TABLE_CSS = """
<style>
.st-events { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 0.8rem;
  line-height: 1.35; }
.st-events th { text-align: left; font-weight: 600; color: #3d4651; border-bottom: 1px solid #cfd6de;
  padding: 0.3rem 0.35rem; }
.st-events td { vertical-align: top; border-bottom: 1px solid #eef1f4; padding: 0.3rem 0.35rem;
  overflow-wrap: break-word; }
.st-events td small { display: block; color: #5b6570; }
.st-events .c-event { width: 25%; } .st-events .c-when { width: 19%; } .st-events .c-flags { width: 14%; }
.st-events tr.focused td { background: #fffbea; }
.st-unplaced { font-size: 0.88rem; }
.st-unplaced .why { color: #5b6570; font-size: 0.8rem; }
</style>
"""
# four columns, every field: the actors under the event, the precision and the dating words under
# the date (seven narrow columns broke words in two on a laptop screen)
COLUMNS = (("event", "Event · actors"), ("when", "When · precision · dated by"), ("flags", "Flags"),
           ("evidence", "Evidence"))
UNDER = {"event": ("actors",), "when": ("precision", "dated")}


def render_timeline(analysis: Analysis, focus: Focus | None, key: str) -> None:
    if not analysis.events:
        st.info("No dated events were found in this article.")
        return
    st.markdown(TABLE_CSS, unsafe_allow_html=True)
    chron = chronology(analysis)
    focus_event = focus.of("event") if focus else None
    every = False
    if chron.outliers:
        every = st.toggle(
            "Every date", key=session.widget_key(f"{key}-every"),
            help="Widen the range to every event, the far-off ones included",
        )
    if chron.placed:
        _figure(analysis, focus, key, every)
        st.caption(_caption(chron, every))
    else:
        st.info("No event of this article can be placed on a time axis.")
    if chron.unplaced:
        _unplaced(chron, focus_event, key)
    with st.expander("Events as a table"):
        st.markdown(events_table_html(analysis, chron, focus_event), unsafe_allow_html=True)


def _figure(analysis: Analysis, focus: Focus | None, key: str, every: bool) -> None:
    focus_event = focus.of("event") if focus else None
    fig = timeline_figure(
        analysis, focus_event=focus_event, highlight=event_ids(analysis, focus), every_date=every
    )

    def _on_select() -> None:
        points = st.session_state[key].selection.points
        ids = [p.get("customdata") for p in points if p.get("customdata")]
        ids = [i[0] if isinstance(i, list) else i for i in ids]
        if ids:
            session.set_focus(Focus(type="event", id=str(ids[0])))
        elif focus_event:
            session.set_focus(None)

    st.plotly_chart(
        fig,
        key=key,
        on_select=_on_select,
        selection_mode="points",
        width="stretch",
        config={"displaylogo": False, "scrollZoom": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    )


def _caption(chron: Chronology, every: bool) -> str:
    lo, hi = chron.extent if every or not chron.frame else chron.frame  # type: ignore[misc]
    note = f"{len(chron.placed)} events · {lo.isoformat()} to {hi.isoformat()}"
    if chron.outliers and not every:
        n = len(chron.outliers)
        note += f" · {n} far outside, marked ◂ ▸ at the edge"
    if chron.unplaced:
        note += f" · {len(chron.unplaced)} not on the axis (below)"
    return note + (" · solid: exact; faded or hatched: uncertain; dotted arrow: open (before or from a day)"
                   " · click a mark to focus it")


def _unplaced(chron: Chronology, focus_event: str | None, key: str) -> None:
    n = len(chron.unplaced)
    st.markdown(f"**Not on the timeline · {n}**", help="Events with no date the axis can show: "
                "a relative date with no publication date to anchor it, or no date at all")
    for p in chron.unplaced:
        with st.container(horizontal=True, gap="small", vertical_alignment="center",
                          key=f"{key}-unplaced-{p.event.id}"):
            dated = f" · “{_esc(p.event.date_text.text)}”" if p.event.date_text else ""
            why = f'<span class="why"> · {_esc(p.when)}{dated}</span>'
            st.markdown(f'<div class="st-unplaced">{_esc(p.event.label)}{why}</div>', unsafe_allow_html=True)
            st.button(
                ":material/center_focus_strong: Focus", key=f"{key}-focus-{p.event.id}", type="tertiary",
                on_click=session.set_focus, args=(Focus(type="event", id=p.event.id),),
                disabled=p.event.id == focus_event,
            )


def _row(analysis: Analysis, p: Placed) -> dict[str, str]:
    e = p.event
    flags = [f for f, on in (("uncertain", e.uncertain), ("unresolved", e.unresolved),
                             ("far outside", bool(p.outside)), ("corrected", e.corrected)) if on]
    names = [a.name for a in (analysis.actor(i) for i in e.actors) if a is not None]
    return {
        "event": e.label, "when": p.when, "precision": e.precision, "flags": ", ".join(flags),
        "dated": f"“{e.date_text.text}”" if e.date_text else "", "actors": ", ".join(names),
        "evidence": " ".join(e.evidence.text.split()),
    }


def events_table_html(analysis: Analysis, chron: Chronology, focus_event: str | None) -> str:
    """Every event (on the axis in time order, then the rest), every column, text wrapped: a
    table that fits its column instead of scrolling sideways."""
    head = "".join(f'<th class="c-{k}">{label}</th>' for k, label in COLUMNS)
    body = []
    for p in (*chron.placed, *chron.unplaced):
        row = _row(analysis, p)
        cls = ' class="focused"' if p.event.id == focus_event else ""
        cells = "".join(f"<td>{_esc(row[k])}{_under(row, k)}</td>" for k, _ in COLUMNS)
        body.append(f'<tr data-event="{html.escape(p.event.id)}"{cls}>{cells}</tr>')
    rows = "".join(body)
    return f'<table class="st-events"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _under(row: dict[str, str], key: str) -> str:
    return "".join(f"<small>{_esc(row[u])}</small>" for u in UNDER.get(key, ()) if row[u])


def _esc(text: str) -> str:
    """Article text inside one line of HTML: escaped, and no line break that could end the block."""
    return html.escape(" ".join(text.split()))
