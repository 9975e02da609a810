"""Pictures of an analysis that do not need Streamlit: vis-network data and the plotly timeline.

Shared by the dashboard (components/) and the standalone HTML export (stub).
"""

from __future__ import annotations

from sourcetrace.model import Analysis


def network_data(analysis: Analysis) -> dict:
    """{"nodes": [...], "edges": [...], "options": {...}} for vis-network."""
    return {"nodes": [], "edges": [], "options": {}}


def timeline_figure(analysis: Analysis, focus_event: str | None = None):
    """A plotly Figure of the events."""
    import plotly.graph_objects as go

    return go.Figure()
