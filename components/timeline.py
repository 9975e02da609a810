"""The timeline view: the plotly figure from sourcetrace.figures, with point selection as focus."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import session
from sourcetrace.figures import timeline_extent, timeline_figure
from sourcetrace.focus import Focus, event_ids
from sourcetrace.model import Analysis


def render_timeline(analysis: Analysis, focus: Focus | None, key: str) -> None:
    if not analysis.events:
        st.info("No dated events were found in this article.")
        return
    focus_event = focus.of("event") if focus else None
    fig = timeline_figure(analysis, focus_event=focus_event, highlight=event_ids(analysis, focus))

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
    extent = timeline_extent(analysis)
    undated = sum(1 for e in analysis.events if e.start is None and e.end is None)
    note = f"{len(analysis.events)} events"
    if extent:
        note += f" · {extent[0].isoformat()} to {extent[1].isoformat()}"
    if undated:
        note += f" · {undated} without a date"
    st.caption(note + " · solid: exact; faded or hatched: uncertain or open-ended · click a mark to focus it")
    with st.expander("Events as a table"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "event": e.label,
                        "start": e.start or "open",
                        "end": e.end or "open",
                        "precision": e.precision,
                        "uncertain": e.uncertain,
                        "evidence": e.evidence.text,
                    }
                    for e in analysis.events
                ]
            ),
            hide_index=True,
            width="stretch",
        )
