"""The article view: headline and metadata, the text with entities and claims marked, the actors table."""

from __future__ import annotations

import html
from bisect import bisect_right

import pandas as pd
import streamlit as st

from components import session
from components.scroll import scroll_to
from sourcetrace.figures import type_color
from sourcetrace.focus import Focus, actor_ids
from sourcetrace.model import Analysis


def render_header(analysis: Analysis) -> None:
    """Headline, then publisher and date: what every view shows first."""
    a = analysis.article
    title = a.title or (a.source_path and a.source_path.rsplit("/", 1)[-1]) or "Untitled article"
    st.markdown(f"#### {_md_escape(title)}")
    meta = [a.publisher or "publisher unknown", a.published or "date unknown"]
    if a.url:
        meta.append(a.url)
    counts = (
        f"{len(analysis.actors)} actors · {len(analysis.claims)} claims · "
        f"{len(analysis.events)} events · {len(analysis.relations)} relations"
    )
    st.caption(_md_escape(" · ".join(meta)) + "  \n" + counts)


def _md_escape(text: str) -> str:
    """Article strings shown through st.markdown: no HTML, no Markdown syntax."""
    out = html.escape(text, quote=False)
    for ch in "\\`*_{}[]<>()#+-.!|~:$":
        out = out.replace(ch, "\\" + ch)
    return out


def marked_text_html(analysis: Analysis, focus: Focus | None, visible_types: set[str] | None) -> str:
    """The article text as escaped HTML: entity mentions coloured by type, claim contents underlined.

    The text is cut at every span boundary; each piece is escaped and wrapped with the classes of
    what covers it, so nested spans (a name inside a claim) never produce broken HTML.
    """
    text = analysis.article.text
    primary, linked = actor_ids(analysis, focus)
    focus_claim = focus.of("claim") if focus else None
    focus_event = analysis.event(focus.of("event")) if focus else None

    mentions: list[tuple[int, int, str, str, str]] = []  # start, end, actor id, type, name
    for actor in analysis.actors:
        if visible_types is not None and actor.type not in visible_types:
            continue
        for m in actor.mentions:
            if 0 <= m.start < m.end <= len(text):
                mentions.append((m.start, m.end, actor.id, actor.type, actor.name))
    claims = [
        (c.content.start, c.content.end, c.id) for c in analysis.claims if c.content.end > c.content.start
    ]
    extra: list[tuple[int, int, str]] = []
    if focus_event is not None:
        extra.append((focus_event.evidence.start, focus_event.evidence.end, "focus-event"))

    cuts = {0, len(text)}
    for s, e, *_ in mentions:
        cuts.update((s, e))
    for s, e, _ in claims + extra:
        cuts.update((s, e))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    mentions.sort()
    starts = [m[0] for m in mentions]

    out: list[str] = []
    anchored: set[str] = set()
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        if lo == hi:
            continue
        piece = html.escape(text[lo:hi])
        classes: list[str] = []
        attrs = ""
        style = ""
        # the shortest mention covering this piece wins (nested names are rare)
        covering = [m for m in mentions[: bisect_right(starts, lo)] if m[1] >= hi]
        if covering:
            s, e, aid, etype, name = min(covering, key=lambda m: m[1] - m[0])
            classes.append("st-ent")
            if aid == primary:
                classes.append("st-ent-focus")
            elif aid in linked:
                classes.append("st-ent-linked")
            style = f"--ent:{type_color(etype)}"
            attrs = f' title="{html.escape(name)} · {etype}" data-actor="{aid}"'
        in_claims = [cid for s, e, cid in claims if s <= lo and hi <= e]
        if in_claims:
            classes.append("st-claim")
            if focus_claim in in_claims:
                classes.append("st-claim-focus")
        if any(s <= lo and hi <= e for s, e, _ in extra):
            classes.append("st-event-focus")
        anchor = ""
        if covering and f"actor-{aid}" not in anchored:  # the first mention: where "focus" scrolls to
            anchored.add(f"actor-{aid}")
            anchor += f'<a class="st-anchor" id="actor-{aid}"></a>'
        for cid in in_claims:
            if cid not in anchored:
                anchored.add(cid)
                anchor += f'<a class="st-anchor" id="claim-{cid}"></a>'
        if classes:
            style_attr = f' style="{style}"' if style else ""
            out.append(f'{anchor}<span class="{" ".join(classes)}"{style_attr}{attrs}>{piece}</span>')
        else:
            out.append(anchor + piece)
    return '<div class="st-article">' + "".join(out) + "</div>"


ARTICLE_CSS = """
<style>
.st-article { white-space: pre-wrap; line-height: 1.7; font-size: 1.0rem; overflow-wrap: anywhere;
  max-height: 62vh; overflow-y: auto; padding: 0.75rem 1rem; border: 1px solid #dfe3e8;
  border-radius: 0.5rem; background: #fff; }
.st-ent { background: color-mix(in srgb, var(--ent) 20%, transparent);
  border-bottom: 2px solid var(--ent); border-radius: 2px; }
.st-ent-linked { background: color-mix(in srgb, var(--ent) 38%, transparent); }
.st-ent-focus { background: color-mix(in srgb, var(--ent) 60%, transparent); outline: 2px solid #e0a100;
  color: #000; }
.st-claim { text-decoration: underline dotted #1f4e79; text-underline-offset: 4px; }
.st-claim-focus { background: #fff1b8; text-decoration: underline solid #e0a100 2px; }
.st-event-focus { background: #dbeafe; }
.st-anchor { scroll-margin-top: 6rem; }
.st-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 0.9rem; font-size: 0.85rem;
  margin: 0.2rem 0 0.4rem; }
.st-legend span.sw { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px;
  margin-right: 0.3rem; vertical-align: -0.1rem; }
</style>
"""


def render_text(analysis: Analysis, focus: Focus | None, key: str) -> None:
    """Legend (toggles entity types) and the marked article text."""
    counts: dict[str, int] = {}
    for actor in analysis.actors:
        counts[actor.type] = counts.get(actor.type, 0) + len(actor.mentions)
    types = sorted(counts, key=lambda t: (-counts[t], t))
    st.markdown(ARTICLE_CSS, unsafe_allow_html=True)
    visible: set[str] | None = None
    if types:
        # the toggles are the legend: each pill carries its type's colour (pills keep option order)
        pills = f".st-key-{key}-types button"
        swatches = "".join(
            f'{pills}:nth-of-type({i}) p::before {{ background: {type_color(t)}; }}\n'
            for i, t in enumerate(types, start=1)
        )
        st.markdown(
            "<style>"
            f'{pills} p::before {{ content: ""; display: inline-block; width: .75rem; height: .75rem;'
            " border-radius: 2px; margin-right: .4rem; vertical-align: -.05rem; }\n"
            f'{pills}[data-selected="false"] p {{ color: #8a939d; text-decoration: line-through; }}\n'
            f'{pills}[data-selected="false"] p::before {{ opacity: .35; }}\n'
            f"{swatches}</style>",
            unsafe_allow_html=True,
        )
        chosen = st.pills(
            "Entity types shown",
            options=types,
            default=types,
            selection_mode="multi",
            format_func=lambda t: f"{t} · {counts[t]}",
            key=f"{key}-types",
            label_visibility="collapsed",
        )
        visible = set(chosen or [])
        st.markdown(
            '<div class="st-legend"><span><span class="sw" style="background:none;border-bottom:2px dotted '
            '#1f4e79;border-radius:0"></span>claim content (dotted underline) · click a type to hide or show'
            "</span></div>",
            unsafe_allow_html=True,
        )
    st.markdown(marked_text_html(analysis, focus, visible), unsafe_allow_html=True)
    target = st.session_state.pop(session.SCROLL_KEY, None)
    if target:
        scroll_to(target, key=f"{key}-scroll")


CORRECTED_MARK = "✎ "  # the corrections view marks an analyst's edits the same way


def actors_frame(analysis: Analysis) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": a.id,
                "name": (CORRECTED_MARK if a.corrected else "") + a.name,
                "type": a.type,
                "kind": a.kind,
                "aliases": ", ".join(a.aliases),
                "mentions": len(a.mentions),
            }
            for a in sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name))
        ],
        columns=["id", "name", "type", "kind", "aliases", "mentions"],
    )


def render_actors_table(analysis: Analysis, focus: Focus | None, key: str) -> None:
    """The actors; selecting a row focuses that actor in every view."""
    frame = actors_frame(analysis)
    if frame.empty:
        st.info("No actors were found in this article.")
        return

    def _on_select() -> None:
        rows = st.session_state[key].selection.rows
        if rows:
            actor_id = str(frame.iloc[rows[0]]["id"])
            session.set_focus(Focus(type="actor", id=actor_id))
            st.session_state[session.SCROLL_KEY] = f"actor-{actor_id}"
        elif focus and focus.type == "actor":
            session.set_focus(None)

    st.dataframe(
        frame.drop(columns=["id"]),
        key=key,
        on_select=_on_select,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(frame), 360),
        column_config={
            "name": st.column_config.TextColumn("Actor", width="medium"),
            "type": st.column_config.TextColumn("Type", width="small"),
            "kind": st.column_config.TextColumn("Kind", width="small"),
            "aliases": st.column_config.TextColumn("Aliases", width="medium"),
            "mentions": st.column_config.NumberColumn("Mentions", width="small"),
        },
    )
