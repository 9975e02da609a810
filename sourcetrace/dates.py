"""Days as the analysis carries them: YYYY-MM-DD strings on the wire, `datetime.date` in the code.

The one parser every module uses: the timeline (figures), the corrections' checks and the
loader's --published. Empty or missing means an open end, never "today".
"""

from __future__ import annotations

from datetime import date

ISO_DAY = "YYYY-MM-DD"


def parse_day(value: str | None) -> date | None:
    """'2007-07-10' -> date(2007, 7, 10); None or '' -> None; anything else -> ValueError."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"“{value}” is not a date ({ISO_DAY}).") from None


def day_or_none(value: str | None) -> date | None:
    """The day, or None when it is missing or not a YYYY-MM-DD date (for drawing, never for checking)."""
    try:
        return parse_day(value)
    except ValueError:
        return None


def check_day(value: str | None) -> str | None:
    """The value itself when it is a YYYY-MM-DD day (None when empty); ValueError otherwise."""
    return parse_day(value) and value
