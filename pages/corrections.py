"""Corrections view: fix what the extraction got wrong; every view shows the result at once.

Not a fragment (unlike the other views): a correction must rerun the whole app, so the header,
the claims panel and every other view are computed again from the corrected analysis.
"""

import streamlit as st

from components import navigation, session
from components.article import render_header
from components.claims import render_panel
from components.corrections import render_corrections

navigation.require_frame()  # a deep link opened first on a fresh server runs this page alone
try:
    analysis = session.analysis()
except Exception as err:  # noqa: BLE001 - a message, never a traceback
    st.error(session.user_message(err))
    st.stop()

render_header(analysis)
focus = session.get_focus(analysis)
main, side = st.columns([7, 3], gap="medium")
with main:
    st.markdown("#### Corrections")
    render_corrections(analysis, focus, key="corr")
with side, st.container(key="claims-panel"):
    render_panel(analysis, focus, key="claims-corrections", on_article_page=False)
