"""The article view: headline and metadata, the interactive text, the actors table.

The text is a components-v2 component (components/article_component): sourcetrace.render decides
every run, class and tooltip (`article_view`) and what a focus lights (`article_focus`); the
component draws them as text nodes, scrolls its own box to the focus, and reports a click on a
name or a claim (focus it) and an action on selected words (add an actor or a claim, through
the corrections log).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import streamlit as st

from components import session
from sourcetrace import render
from sourcetrace.errors import SourcetraceError
from sourcetrace.figures import type_color
from sourcetrace.focus import Focus
from sourcetrace.model import Analysis
from sourcetrace.render import escape_markdown
from sourcetrace.selection import edit_from_selection


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


HERE = Path(__file__).resolve().parent
TEXT_HEIGHT = "62vh"  # the text box scrolls inside itself: a focus never moves the page
FLASH_KEY = "_article_flash"  # session: (kind, sentence) about the last correction made in the text
RERUN_KEY = "_article_edited"  # session: a correction was just saved; the whole page must rerun

LEGEND_CSS = """
<style>
.st-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 0.9rem; font-size: 0.85rem;
  margin: 0.2rem 0 0.4rem; }
.st-legend span.sw { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px;
  margin-right: 0.3rem; vertical-align: -0.1rem; }
</style>
"""


@st.cache_resource
def renderer():
    """The interactive text (components/article_component), registered once per process.

    Mounted in the page (not a shadow root), so the reader's text selection is the page's own.
    """
    folder = HERE / "article_component"
    # a leading comment line: a css/js string without a newline that contains "/" is taken as a path
    js = "// Sourcetrace article text\n" + (folder / "article.js").read_text(encoding="utf-8")
    css = "/* Sourcetrace article text */\n" + (folder / "article.css").read_text(encoding="utf-8")
    return st.components.v2.component("sourcetrace_article", js=js, css=css, isolate_styles=False)


def view_data(analysis: Analysis, visible: set[str] | None, key: str) -> dict:
    """`render.article_view` with a signature, rebuilt only when the marks or the types change.

    Every rerun builds a new Analysis (unpickled, corrections re-applied), so the cache compares
    what the view is made of instead of the object; the signature tells the frontend to redraw.
    """
    slot = f"{key}-view"
    made_of = (analysis.article.text, analysis.actors, analysis.claims, analysis.events,
               None if visible is None else sorted(visible))
    cached = st.session_state.get(slot)
    if cached and cached[0] == made_of:
        return cached[1]
    view = render.article_view(analysis, visible_types=visible)
    body = json.dumps(view, sort_keys=True, ensure_ascii=False)
    view["signature"] = hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]
    st.session_state[slot] = (made_of, view)
    return view


def _value(key: str, name: str) -> object:
    state = st.session_state.get(key)
    try:
        return state.get(name) if state is not None else None
    except AttributeError:
        return None


def _on_click(key: str) -> None:
    """A mention or a claim clicked (or Enter on it) in the text: focus it in every view."""
    clicked = _value(key, "clicked")
    if isinstance(clicked, dict) and clicked.get("type") in ("actor", "claim") and clicked.get("id"):
        session.set_focus(Focus(type=clicked["type"], id=str(clicked["id"])))


def _on_action(analysis: Analysis, key: str) -> None:
    """A correction made from the selected words, through the same operations (and log) as the
    Corrections page; the analysis on screen anchors it."""
    action = _value(key, "action")
    if not isinstance(action, dict):
        return
    try:
        edit = edit_from_selection(analysis, action)
        message = session.record_edit(analysis, edit)
    except (ValueError, TypeError, KeyError, SourcetraceError) as err:
        st.session_state[FLASH_KEY] = ("error", str(err))
        return
    st.session_state[FLASH_KEY] = ("success", f"{message}. Undo it on the Corrections page.")
    st.session_state[RERUN_KEY] = True


def render_text(analysis: Analysis, focus: Focus | None, key: str) -> None:
    """Legend (toggles entity types) and the interactive article text."""
    if st.session_state.pop(RERUN_KEY, False):
        # the click reran only the view's fragment, on the analysis read before the correction:
        # every view, the header and the panel must show it
        st.rerun(scope="app")
    counts: dict[str, int] = {}
    for actor in analysis.actors:
        counts[actor.type] = counts.get(actor.type, 0) + len(actor.mentions)
    types = sorted(counts, key=lambda t: (-counts[t], t))
    st.markdown(LEGEND_CSS, unsafe_allow_html=True)
    visible: set[str] | None = None
    if types:
        visible = _type_pills(types, counts, key)
        st.markdown(
            '<div class="st-legend"><span><span class="sw" style="background:none;border-bottom:2px dotted '
            '#1f4e79;border-radius:0"></span>claim content (dotted underline) · click a type to hide or show'
            " · click a name or a claim to focus it · select words to add an actor or a claim</span></div>",
            unsafe_allow_html=True,
        )
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash and flash[0] == "error":
        st.error(flash[1], icon=":material/error:")
    elif flash:
        st.toast(flash[1], icon=":material/edit_note:")
    nonce_key = f"{key}-scroll-n"
    if st.session_state.pop(session.SCROLL_KEY, None):  # "Show in text": scroll even to the same focus
        st.session_state[nonce_key] = st.session_state.get(nonce_key, 0) + 1
    renderer()(
        key=key,
        data={
            "view": view_data(analysis, visible, key),
            "focus": render.article_focus(analysis, focus),
            "scroll": st.session_state.get(nonce_key, 0),
            "choices": render.correction_choices(analysis),
            "height": TEXT_HEIGHT,
        },
        on_clicked_change=lambda: _on_click(key),
        on_action_change=lambda: _on_action(analysis, key),
    )


def _type_pills(types: list[str], counts: dict[str, int], key: str) -> set[str]:
    """The entity-type toggles, each pill carrying its type's colour: they are the legend."""
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
        # Streamlit 1.67 marks an unselected pill aria-pressed="false" (older ones data-selected)
        f'{pills}[aria-pressed="false"] p, {pills}[data-selected="false"] p'
        " { color: #8a939d; text-decoration: line-through; }\n"
        f'{pills}[aria-pressed="false"] p::before, {pills}[data-selected="false"] p::before'
        " { opacity: .35; }\n"
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
    return set(chosen or [])


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
