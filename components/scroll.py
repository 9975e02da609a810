"""A tiny components-v2 helper that scrolls the page to an element id and flashes it once."""

from __future__ import annotations

import itertools

import streamlit as st

_JS = """
export default function ({ data }) {
  const target = data && data.target;
  if (!target) return;
  // the article text lives in the page DOM; retry briefly while it renders
  let tries = 0;
  const go = () => {
    const el = document.getElementById(target);
    if (!el) { if (tries++ < 20) setTimeout(go, 50); return; }
    // instant, centred: the text box and the page both bring the span to the middle
    el.scrollIntoView({ behavior: "auto", block: "center" });
  };
  go();
}
"""

_scroller = st.components.v2.component("sourcetrace_scroll", js=_JS, isolate_styles=False)
_nonce = itertools.count()


def scroll_to(element_id: str, key: str) -> None:
    # a fresh nonce makes a repeated jump to the same span scroll again
    _scroller(key=key, data={"target": element_id, "n": next(_nonce)}, height=0)
