"""The article view: headline and metadata, the text with entities and claims marked, the actors table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import session
from components.scroll import scroll_to
from sourcetrace import render
from sourcetrace.figures import type_color
from sourcetrace.focus import Focus
from sourcetrace.model import Analysis
from sourcetrace.render import escape_markdown


def render_header(analysis: Analysis) -> None:
    """Headline, then publisher and date: what every view shows first."""
    a = analysis.article
    title = a.title or (a.source_path and a.source_path.rsplit("/", 1)[-1]) or "Untitled article"
    st.markdown(f"#### {escape_markdown(title)}")
    meta = [a.publisher or "publisher unknown", a.published or "date unknown"]
    if a.url:
        meta.append(a.url)
    counts = (
        f"{len(analysis.actors)} actors · {len(analysis.claims)} claims · "
        f"{len(analysis.events)} events · {len(analysis.relations)} relations"
    )
    st.caption(escape_markdown(" · ".join(meta)) + "  \n" + counts)


def marked_text_html(analysis: Analysis, focus: Focus | None, visible_types: set[str] | None) -> str:
    """The article text as the dashboard shows it: the library's marked text in its scrolling box."""
    body = render.marked_text_html(analysis, focus=focus, visible_types=visible_types)
    return f'<div class="st-article">{body}</div>'


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
        types_key = session.widget_key(f"{key}-types")  # a type hidden in one article is shown in the next
        pills = f".st-key-{types_key} button"
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
            key=types_key,
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
