"""Corpus view: claims that travelled across articles, one claim's dated path and its drift."""

from components.corpus import render_corpus

render_corpus()
