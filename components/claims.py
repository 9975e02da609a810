"""The claims side panel: a card per claim, its chain of sources as breadcrumbs, badges and filters."""

from __future__ import annotations

import streamlit as st

from components import session
from components.scroll import keep_in_view
from sourcetrace import render
from sourcetrace.focus import Focus, order_claims
from sourcetrace.model import Analysis, Claim
from sourcetrace.render import escape_markdown
from sourcetrace.sourcing import direct_source, filter_claims, hops, voice

KIND_BADGES: dict[str, tuple[str, str]] = {
    # source kind -> (label, streamlit badge colour)
    "named": ("named source", "blue"),
    "anonymous": ("anonymous source", "orange"),
    "document": ("document", "violet"),
    "unattributed": ("own voice", "gray"),
    "outlet": ("outlet", "green"),
    "publisher": ("publisher only", "gray"),
}

PANEL_CSS = """
<style>
.st-crumbs { font-size: 0.84rem; line-height: 1.45; color: #46505c; margin-bottom: 0.25rem; }
.st-crumbs .st-link { display: inline; padding: 0; border: 0; background: none; }
.st-crumbs .st-link small { display: none; }
.st-crumbs .st-last { color: #1b1f24; font-weight: 600; }
.st-crumbs .st-one-word, .st-crumbs .st-tail { white-space: nowrap; }
.st-crumbs .st-sep { color: #9aa4af; margin: 0 0.25rem; }
.st-claim-text { font-size: 0.92rem; line-height: 1.45; margin: 0.15rem 0 0.35rem;
  overflow-wrap: anywhere; white-space: pre-wrap; }
.st-voice { font-size: 0.8rem; color: #46505c; font-style: italic; margin: 0.1rem 0 0.2rem; }
.st-hedge { font-size: 0.8rem; color: #5b6570; margin-top: 0.2rem; overflow-wrap: anywhere;
  white-space: pre-wrap; }
div[class*="st-key-claimcard-"] { background: #fff; }
/* the panel scrolls inside itself beside the view: a card low in it and the view both stay in sight */
@media (min-width: 640px) {
  [data-testid="stColumn"]:has(.st-key-claims-panel) > [data-testid="stVerticalBlock"],
  [data-testid="stLayoutWrapper"]:has(> .st-key-claims-panel) { height: 100%; }
  .st-key-claims-panel { position: sticky; top: 0.75rem; max-height: calc(100vh - 1.5rem); overflow-y: auto;
    overscroll-behavior: contain; padding-right: 0.35rem; }
}
div[class*="st-key-claimcard-"].focused, div[class*="st-key-claimfocus-"] {
  border-color: #e0a100 !important; box-shadow: 0 0 0 2px #f5d77a; background: #fffbea; }
</style>
"""


def crumbs_html(links: list[tuple[str, str]], tail: str | None = None) -> str:
    """(label, kind) links as the panel shows a chain: the library's chips, compact, then `tail`."""
    return f'<div class="st-crumbs">{render.chain_html(links, tail=tail)}</div>'


def breadcrumbs_html(claim: Claim) -> str:
    """The chain ending in "claim"; a claim with no source has no "unattributed" link to show:
    its voice line says whose voice it is."""
    links = [(link.label, link.kind) for link in claim.chain if link.kind != "unattributed"]
    return crumbs_html(links, tail="claim")


PANEL = ".st-key-claims-panel"  # the panel's container (components/layout.py), its own scroll box
FIRST_CARDS = 8  # cards drawn before "Show all": each card is a few elements sent on every focus change


def render_panel(analysis: Analysis, focus: Focus | None, key: str, on_article_page: bool) -> None:
    """The right-hand panel shown beside every view."""
    # the style and the heading in one element: every element costs a round trip per rerun
    st.markdown(f"{PANEL_CSS}\n\n#### Claims · {len(analysis.claims)}", unsafe_allow_html=True)
    focus_actor = focus.of("actor") if focus else None
    focus_event = focus.of("event") if focus else None
    if not analysis.claims:
        _focus_line(analysis, focus, key)
        st.info("No claims were found in this article.")
        return
    selection = session.get_selection(analysis)

    with st.expander("Filters", expanded=False):
        labels = sorted({direct_source(c)[0] for c in analysis.claims})
        kinds = sorted({direct_source(c)[1] for c in analysis.claims})
        sources = st.multiselect(
            "Source", labels, key=session.widget_key(f"{key}-sources"), placeholder="any source"
        )
        chosen_kinds = st.multiselect(
            "Source kind", kinds, key=session.widget_key(f"{key}-kinds"), placeholder="any kind",
            format_func=lambda k: KIND_BADGES.get(k, (k, ""))[0],
        )
        only_focus = st.toggle(
            "Only claims about the focused actor or event", value=True,
            key=session.widget_key(f"{key}-onlyfocus"),
            disabled=focus_actor is None and focus_event is None,
        )
    actor_filter = focus_actor if only_focus else None
    event_filter = focus_event if only_focus else None
    within = selection.claim_ids(analysis) if selection else None
    shown = filter_claims(analysis, sources, chosen_kinds, actor_filter, event_filter, within)

    _focus_line(analysis, focus, key)
    reasons = [selection.label(analysis) or ""] if selection else []
    if (actor_filter or event_filter) and focus:
        reasons.append(f"about the focused {focus.type}")
    if sources:
        reasons.append("source: " + ", ".join(sources))
    if chosen_kinds:
        reasons.append("kind: " + ", ".join(KIND_BADGES.get(k, (k, ""))[0] for k in chosen_kinds))
    if reasons:
        _shown_line(analysis, key, len(shown), reasons)
    if not shown:
        st.caption("No claim matches these filters.")
        return

    focus_claim = focus.of("claim") if focus else None
    # what the focus concerns comes first, so it is in view beside every view
    shown = order_claims(shown, analysis, focus)
    all_key = session.widget_key(f"{key}-all")
    show_all = bool(st.session_state.get(all_key))
    limit = len(shown) if show_all else FIRST_CARDS
    at = next((i for i, claim in enumerate(shown) if claim.id == focus_claim), None)
    if at is not None and at >= limit:  # a focused claim's card is always drawn, in its place
        limit = at + 1
    for claim in shown[:limit]:
        _card(claim, analysis, key, focused=claim.id == focus_claim, on_article_page=on_article_page)
    card = '[class*="st-key-claimfocus-"]' if at is not None else ""
    keep_in_view(PANEL, str(focus) if focus else "", card, key=f"{key}-keep")
    if len(shown) > FIRST_CARDS:
        label = (
            f":material/unfold_less: Show the first {FIRST_CARDS}" if show_all
            else f":material/unfold_more: Show all {len(shown)}"
        )
        st.button(label, key=f"{key}-more", type="tertiary", on_click=_toggle, args=(all_key,))


def _shown_line(analysis: Analysis, key: str, shown: int, reasons: list[str]) -> None:
    """"n of N shown" and why, whenever a filter or a selection hides claims; one button shows all."""
    with st.container(key=f"{key}-shown", horizontal=True, gap="small", vertical_alignment="center"):
        why = " · ".join(escape_markdown(reason) for reason in reasons)
        st.markdown(f"**{shown} of {len(analysis.claims)} shown** · {why}")
        st.button(
            ":material/filter_alt_off: Show all", key=f"{key}-unfilter", type="tertiary",
            on_click=_clear_filters, args=(key,), help="Clear the filters and the selection",
        )


def _clear_filters(key: str) -> None:
    st.session_state[session.widget_key(f"{key}-sources")] = []
    st.session_state[session.widget_key(f"{key}-kinds")] = []
    st.session_state[session.widget_key(f"{key}-onlyfocus")] = False
    session.set_selection(None)


def _toggle(flag: str) -> None:
    st.session_state[flag] = not st.session_state.get(flag)


def _focus_line(analysis: Analysis, focus: Focus | None, key: str) -> None:
    """What is focused (in every view) and a way to clear it (the "shown" line says how many
    claims concern it when the panel lists only those)."""
    if not focus:
        st.caption("Nothing focused: click an actor, a claim or an event.")
        return
    name = focus.label(analysis) or ""
    with st.container(key=f"{key}-focusline"):
        # an HTML block: the name as written (Markdown would make a bare address in it a link)
        st.markdown(f"<div>Focus: <strong>{render.text_html(name)}</strong></div>", unsafe_allow_html=True)
        st.button(
            ":material/close: Clear the focus", key=f"{key}-clear", on_click=session.set_focus, args=(None,),
            type="tertiary", help="Clear the focus in every view",
        )


def badges_markdown(claim: Claim) -> str:
    """The card's badges in Streamlit's badge syntax (labels are ours, never article text)."""
    if voice(claim) is not None:  # no source: no hops to count (the voice line says who relays it)
        badges = [":gray-badge[own voice]"]
    else:
        _, kind = direct_source(claim)
        label, colour = KIND_BADGES.get(kind, (kind, "gray"))
        n = hops(claim)
        badges = [f":{colour}-badge[{label}]", f":gray-badge[{n} hop{'s' if n != 1 else ''}]"]
    if claim.stance == "denies":
        badges.append(":red-badge[denial]")
    if claim.hedged:
        badges.append(":orange-badge[hedged]")
    if claim.dismissed:
        badges.append(":gray-badge[dismissed]")
    if claim.corrected:
        badges.append(":violet-badge[✎ corrected]")
    return " ".join(badges)


def card_markdown(claim: Claim) -> str:
    """The static part of a card as ONE markdown block: breadcrumbs, text, badges, hedge.

    Article text only ever sits inside escaped HTML blocks, its line breaks as character references
    (render.text_html), so it can neither end the block nor be read as Markdown; the quote keeps
    the article's characters and line breaks (cut after 240 characters).
    """
    text = claim.content.text
    short = text if len(text) <= 240 else text[:239].rstrip() + "…"
    own = voice(claim)
    parts = [
        breadcrumbs_html(claim)
        + (f'<div class="st-voice">No source named: {render.text_html(own)}</div>' if own else "")
        + f'<div class="st-claim-text">“{render.text_html(short)}”</div>',
        badges_markdown(claim),
    ]
    if claim.hedge is not None:
        parts.append(f'<div class="st-hedge">hedge: “{render.text_html(claim.hedge.text)}”</div>')
    return "\n\n".join(parts)


def _card(claim: Claim, analysis: Analysis, key: str, focused: bool, on_article_page: bool) -> None:
    card_key = f"claimfocus-{key}-{claim.id}" if focused else f"claimcard-{key}-{claim.id}"
    with st.container(border=True, key=card_key, gap="small"):
        st.markdown(card_markdown(claim), unsafe_allow_html=True)
        # one row without st.columns: two blocks fewer per card
        with st.container(horizontal=True, gap="small"):
            st.button(
                ":material/center_focus_strong: Focus", key=f"{key}-focus-{claim.id}", type="tertiary",
                on_click=session.set_focus, args=(Focus(type="claim", id=claim.id),), disabled=focused,
                help="Focus this claim in every view",
            )
            st.button(
                ":material/find_in_page: Show in text", key=f"{key}-show-{claim.id}", type="tertiary",
                on_click=_show_in_text, args=(claim.id, on_article_page),
                help="Open the article view at this claim",
            )


def _show_in_text(claim_id: str, on_article_page: bool) -> None:
    session.set_focus(Focus(type="claim", id=claim_id))
    st.session_state[session.SCROLL_KEY] = f"claim-{claim_id}"
    if not on_article_page:
        # switching pages cannot happen inside a callback; the page does it on its rerun
        st.session_state["goto_article"] = True
