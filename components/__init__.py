"""Rendering functions for the dashboard: (analysis, focus) -> UI; the session and the workspace."""
