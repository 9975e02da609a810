"""Walkthrough view: present the analysis step by step (?step=N), or arrange the steps first."""

from components.walkthrough import render_walkthrough

render_walkthrough()
