"""Corpus view: claims that travelled across articles, one claim's dated path and its drift."""

from components import navigation
from components.corpus import render_corpus

navigation.require_frame()  # a deep link (/corpus?cluster=...) opened first on a fresh server

render_corpus()
