"""Walkthrough view: present the analysis step by step (?step=N), or arrange the steps first."""

from components import session
from components.walkthrough import render_walkthrough

# On a fresh server, a deep link (/walkthrough?step=3) can run this file without app.py first
# (Streamlit still auto-discovers the pages/ folder until st.navigation has run once).
session.init_from_url()
render_walkthrough()
