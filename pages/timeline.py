"""Timeline view: when things happened, with the claims panel beside it."""

from components.layout import view_page
from components.timeline import render_timeline

view_page("timeline", lambda analysis, focus: render_timeline(analysis, focus, key="timeline"))
