"""Sourcetrace: who is in a news story, how they are connected, when things happened,
and on whose word each claim rests. A pure library: no Streamlit here."""

__version__ = "0.1.0"

from sourcetrace.model import Analysis  # noqa: E402

__all__ = ["Analysis", "__version__"]
