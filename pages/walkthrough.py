"""Walkthrough view: present the analysis step by step (?step=N), or arrange the steps first."""

from components import navigation
from components.walkthrough import render_walkthrough

navigation.require_frame()  # a deep link (/walkthrough?step=3) opened first on a fresh server
render_walkthrough()
