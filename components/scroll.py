"""Keep the claims panel's focused card in view, scrolling the panel (never the page).

The panel beside every view scrolls inside itself (components/claims.py PANEL_CSS), so a focus
set anywhere (the text, the network, the timeline, a link) brings its card into the panel's view
without moving the view beside it: a claim's card is scrolled to where the reader can see it, an
actor's or event's claims (listed first) from the top. Only when the focus changes: otherwise the
reader's own scrolling is left alone.
"""

from __future__ import annotations

import streamlit as st

_JS = """
export default function ({ data }) {
  const panel = document.querySelector(data.panel);
  if (!panel || panel.dataset.keptFor === data.focus) return;
  panel.dataset.keptFor = data.focus;
  if (!data.focus) return;
  let tries = 0;
  const go = () => {
    const card = data.card ? panel.querySelector(data.card) : null;
    if (data.card && !card) { if (tries++ < 20) setTimeout(go, 50); return; }
    if (!card) { panel.scrollTo({ top: 0, behavior: "smooth" }); return; }
    const p = panel.getBoundingClientRect();
    const r = card.getBoundingClientRect();
    if (r.top >= p.top && r.bottom <= p.bottom) return; // already in view: the reader's place is kept
    const top = panel.scrollTop + r.top - p.top - Math.max(8, (p.height - r.height) / 3);
    panel.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
  };
  requestAnimationFrame(go);
}
"""

_scroller = st.components.v2.component("sourcetrace_panel_scroll", js=_JS, isolate_styles=False)


def keep_in_view(panel: str, focus: str, card: str, key: str) -> None:
    """Scroll the `panel` element to the `card` element inside it when `focus` (its URL form) changed;
    an empty `card` scrolls the panel to its top."""
    _scroller(key=key, data={"panel": panel, "focus": focus, "card": card}, height=0)
