"""Sources view: the article's sourcing profile and one row per source, with the claims panel beside it."""

from components.layout import view_page
from components.sources import render_sources

view_page("sources", lambda analysis, focus: render_sources(analysis, key="sources"))
