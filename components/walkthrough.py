"""The walkthrough view: present an analysis step by step, or arrange the steps beforehand.

Without `?step=` the page is the presenter's editor (order, hide, speaker notes, downloads);
with `?step=N` it is presentation mode: the app chrome hidden, large type, one step at a time,
next/previous buttons and the keyboard arrows. The steps come from `sourcetrace.walkthrough`;
the presenter's edits are kept in the session and saved in the workspace with the article.
"""

from __future__ import annotations

import re

import streamlit as st

from components import session
from components.network import load_library, renderer, signature
from components.workspace import WorkspaceError, workspace
from sourcetrace import export, render, walkthrough
from sourcetrace.figures import network_data, timeline_figure
from sourcetrace.model import Analysis

STEP_PARAM = "step"
EDITS_PREFIX = "wt-edits:"  # session: the presenter's edits per content hash (list of dicts)
FLASH_KEY = "wt-flash"  # session: one sentence about the last save, shown once
NETWORK_HEIGHT = 560

# Presentation mode: no header, sidebar or toolbar; large type for a projector.
_PRESENT_CSS = """
<style>
header[data-testid="stHeader"], section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 1rem !important; max-width: 100% !important; }
.st-key-wt-slide { font-size: 1.55rem; line-height: 1.45; }
.st-key-wt-slide h2 { font-size: 2.4rem; line-height: 1.2; margin: 0 0 .6rem; padding: 0; }
.st-key-wt-slide .wt-eyebrow { font-size: 1rem; letter-spacing: .08em; text-transform: uppercase;
  color: #5b6470; }
.wt-quote { font-family: Georgia, serif; font-size: 1.9rem; line-height: 1.35; color: #1b1f24;
  border-left: 6px solid #1f4e79; margin: .4rem 0 1rem; padding: .1rem 0 .1rem 1rem; }
.st-key-wt-slide p, .st-key-wt-slide li { font-size: 1.45rem; line-height: 1.45; }
.st-key-wt-slide [data-testid="stMetricLabel"] p { font-size: 1.2rem; }
.st-key-wt-slide ul { margin: .2rem 0 0 1.1rem; padding: 0; }
.st-key-wt-slide li { margin: .25rem 0; }
.st-key-wt-slide p { margin: .3rem 0; }
.wt-chain .st-chain { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem;
  margin: .5rem 0 1rem; }
.wt-chain .st-link { display: inline-flex; flex-direction: column; padding: .2rem .7rem; border-radius: .5rem;
  border: 1px solid #dde2e8; background: #f3f5f8; font-size: 1.35rem; line-height: 1.25; }
.wt-chain .st-link small { font-size: .85rem; color: #5b6470; }
.wt-chain .st-k-publisher { border-color: #b7c7da; background: #eef3f9; }
.wt-chain .st-k-outlet { border-color: #e2c3a6; background: #fbf1e7; }
.wt-chain .st-k-anonymous { border-color: #d9b3b3; background: #fbeeee; }
.wt-chain .st-k-document { border-color: #c5d7b0; background: #f1f7ea; }
.wt-chain .st-k-unattributed { border-style: dashed; background: #fff; }
.wt-chain .st-sep { color: #5b6470; font-size: 1.6rem; }
.st-key-wt-nav button { font-size: 1.15rem; min-height: 3rem; }
.st-key-wt-clicker { display: none !important; }
.st-key-wt-slide [data-testid="stMetricValue"] { font-size: 3rem; }
</style>
"""

# ---------------------------------------------------------------- edits (session + workspace)


def load_edits(content_hash: str) -> list[dict] | None:
    """This session's edits for the article, else the ones saved in the workspace."""
    key = EDITS_PREFIX + content_hash
    if key not in st.session_state:
        ws, _ = workspace()
        saved = None
        if ws is not None and content_hash:
            try:
                saved = ws.load_walkthrough(content_hash)
            except WorkspaceError:  # a damaged workspace must not stop the presentation
                saved = None
        st.session_state[key] = saved
    return st.session_state[key]


def save_edits(content_hash: str, steps: list[walkthrough.Step]) -> None:
    """Keep the edits in the session, and in the workspace when it can be written."""
    edits = walkthrough.edits_of(steps)
    st.session_state[EDITS_PREFIX + content_hash] = edits
    ws, _ = workspace()
    if ws is None or ws.read_only or not content_hash:
        st.session_state[FLASH_KEY] = (
            "The workspace cannot be written: these changes last for this session only."
        )
        return
    try:
        ws.save_walkthrough(content_hash, edits)
    except WorkspaceError as err:  # say why, keep the session copy
        st.session_state[FLASH_KEY] = f"{session.user_message(err)} The changes last for this session only."


def current_steps(analysis: Analysis) -> list[walkthrough.Step]:
    edits = load_edits(analysis.article.content_hash)
    return walkthrough.apply_edits(walkthrough.build_steps(analysis), edits)


# ---------------------------------------------------------------- the step in the URL


def step_from_url(count: int) -> int | None:
    """The 1-based step of presentation mode, or None when the page is in editor mode."""
    raw = st.query_params.get(STEP_PARAM)
    if raw is None:
        return None
    n = walkthrough.clamp_step(raw, count)
    if str(n) != raw:
        st.query_params[STEP_PARAM] = str(n)  # a junk or out-of-range link is corrected in place
    return n


def go_to(n: int | None) -> None:
    if n is None:
        if STEP_PARAM in st.query_params:
            del st.query_params[STEP_PARAM]
    else:
        st.query_params[STEP_PARAM] = str(n)


# ---------------------------------------------------------------- presentation


def slide_html(step: walkthrough.Step, eyebrow: str) -> str:
    """The slide's text as HTML (templates/_slide.html, autoescaped: article strings stay text)."""
    return render.render("_slide.html", step=step, eyebrow=eyebrow)


def _network(analysis: Analysis, step: walkthrough.Step) -> None:
    """The whole network with the step's actors lit (the dashboard's component, data kept stable)."""
    load_library()  # vis-network travels in its own component; without it nothing is drawn
    graph = network_data(analysis)
    graph["focus"] = {"primary": None, "highlight": [a for a in step.actors if analysis.actor(a)]}
    renderer()(
        key="wt-network",
        data={
            "graph": graph,
            "signature": signature(graph),
            "height": f"{NETWORK_HEIGHT}px",  # a CSS length: a bare number is ignored
            "name": "wt-network",
            "empty_message": "No actors were found.",
        },
        height=NETWORK_HEIGHT + 2,
    )


def _nav(n: int, count: int) -> None:
    """Previous / progress / next / exit; the arrow keys and Esc press the buttons (Streamlit shortcuts)."""
    with st.container(key="wt-nav", horizontal=True, vertical_alignment="center", gap="medium"):
        st.button(
            "Previous",
            key="wt-prev",
            icon=":material/arrow_back:",
            disabled=n <= 1,
            on_click=go_to,
            args=(n - 1,),
            shortcut="Left",
        )
        st.progress(n / count, text=f"Step {n} of {count}", width="stretch")
        st.button(
            "Next",
            key="wt-next",
            type="primary",
            icon=":material/arrow_forward:",
            icon_position="right",
            disabled=n >= count,
            on_click=go_to,
            args=(n + 1,),
            shortcut="Right",
        )
        st.button(
            "Exit",
            key="wt-exit",
            icon=":material/close:",
            on_click=go_to,
            args=(None,),
            shortcut="Esc",
            help="Leave presentation mode",
        )
    # Presentation clickers send PageDown/PageUp; a button has one shortcut, so two hidden twins.
    with st.container(key="wt-clicker"):
        st.button(
            "Next",
            key="wt-next-page",
            disabled=n >= count,
            on_click=go_to,
            args=(n + 1,),
            shortcut="PageDown",
        )
        st.button(
            "Previous", key="wt-prev-page", disabled=n <= 1, on_click=go_to, args=(n - 1,), shortcut="PageUp"
        )


def render_present(analysis: Analysis, steps: list[walkthrough.Step], n: int) -> None:
    shown = walkthrough.visible(steps)
    step = shown[n - 1]
    st.markdown(_PRESENT_CSS, unsafe_allow_html=True)
    _nav(n, len(shown))
    art = analysis.article
    eyebrow = " · ".join(x for x in (art.publisher, art.published) if x) or "Walkthrough"
    with st.container(key="wt-slide"):
        if step.kind == "summary":
            _summary_slide(analysis, step, eyebrow)
        else:
            left, right = st.columns([5, 6], gap="large")
            with left:
                st.markdown(slide_html(step, eyebrow), unsafe_allow_html=True)
            with right:
                _network(analysis, step)
                if step.kind == "claim" and step.event:
                    st.plotly_chart(
                        timeline_figure(analysis, focus_event=step.event),
                        key="wt-timeline",
                        width="stretch",
                        config={"displaylogo": False, "displayModeBar": False},
                    )
    if step.note:
        with st.expander("Speaker note", icon=":material/sticky_note_2:"):
            st.text(step.note)


def _summary_slide(analysis: Analysis, step: walkthrough.Step, eyebrow: str) -> None:
    s = walkthrough.sourcing_summary(analysis)
    st.markdown(render.render("_slide.html", step=step, eyebrow=eyebrow, heading_only=True),
                unsafe_allow_html=True)
    if s.claims:
        cols = st.columns(4)
        figures = [
            ("an anonymous source", s.anonymous),
            ("one source only", s.single_source),
            ("a document", s.documents),
            ("the article's own voice", s.own_voice),
        ]
        for col, (label, value) in zip(cols, figures, strict=True):
            col.metric(f"rest on {label}", f"{value} of {s.claims}")
    lines = step.lines[4:] or step.lines[:1]
    st.markdown(render.render("_slide_list.html", lines=lines), unsafe_allow_html=True)


# ---------------------------------------------------------------- editor


# The callbacks re-read the edits: two widgets changed in one rerun must not overwrite each other.


def _move(analysis: Analysis, key: str, offset: int) -> None:
    save_edits(analysis.article.content_hash, walkthrough.move(current_steps(analysis), key, offset))


def _set_hidden(analysis: Analysis, key: str, widget: str) -> None:
    hide = not st.session_state[widget]
    steps = [s if s.key != key else _replace(s, hidden=hide) for s in current_steps(analysis)]
    save_edits(analysis.article.content_hash, steps)


def _set_note(analysis: Analysis, key: str, widget: str) -> None:
    note = str(st.session_state[widget] or "").strip()
    steps = [s if s.key != key else _replace(s, note=note) for s in current_steps(analysis)]
    save_edits(analysis.article.content_hash, steps)


def _reset(analysis: Analysis) -> None:
    content_hash = analysis.article.content_hash
    save_edits(content_hash, walkthrough.build_steps(analysis))
    for k in [k for k in st.session_state if str(k).startswith(f"wt-{content_hash[:12]}-")]:
        del st.session_state[k]  # the widgets show the default values again


def _replace(step: walkthrough.Step, **changes) -> walkthrough.Step:
    from dataclasses import replace

    return replace(step, **changes)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "article"


def render_downloads(analysis: Analysis, steps: list[walkthrough.Step], key: str) -> None:
    """The standalone report and the data, built only when a button is pressed."""
    name = _slug(analysis.article.title or "article")
    report_help = (
        "One file that opens offline in any browser: article, network, timeline, "
        "claims and this walkthrough as slides."
    )
    downloads = (  # label, builder, file suffix, mime, key suffix, icon, help
        ("Report (HTML)", lambda: export.to_html(analysis, steps), ".html", "text/html", "html",
         ":material/download:", report_help),
        ("Analysis (JSON)", lambda: export.to_json(analysis), ".json", "application/json", "json",
         None, None),
        ("Claims (CSV)", lambda: export.claims_csv(analysis), "-claims.csv", "text/csv", "claims",
         None, None),
        ("Actors (CSV)", lambda: export.actors_csv(analysis), "-actors.csv", "text/csv", "actors",
         None, None),
    )
    with st.container(horizontal=True, gap="small"):
        for label, build, suffix, mime, key_suffix, icon, help_text in downloads:
            st.download_button(
                label,
                data=lambda build=build: build().encode("utf-8"),
                file_name=f"{name}{suffix}",
                mime=mime,
                icon=icon,
                key=f"{key}-{key_suffix}",
                on_click="ignore",
                help=help_text,
            )


def render_editor(analysis: Analysis, steps: list[walkthrough.Step]) -> None:
    content_hash = analysis.article.content_hash
    prefix = f"wt-{content_hash[:12]}-"
    shown = len(walkthrough.visible(steps))
    st.markdown("#### Walkthrough")
    st.caption(
        f"{len(steps)} steps, {shown} shown. Reorder, hide and annotate them; the changes are saved with "
        "the article. In presentation mode use the arrow keys or the buttons; Esc leaves."
    )
    with st.container(horizontal=True, gap="small"):
        st.button(
            "Start presenting",
            key="wt-start",
            type="primary",
            icon=":material/slideshow:",
            on_click=go_to,
            args=(1,),
            disabled=shown == 0,
        )
        st.button("Reset order, visibility and notes", key="wt-reset", on_click=_reset, args=(analysis,))
    render_downloads(analysis, steps, key="wt-dl")
    if flash := st.session_state.pop(FLASH_KEY, None):
        st.warning(flash, icon=":material/lock:")
    for i, step in enumerate(steps):
        with st.container(border=True, key=f"{prefix}row-{_slug(step.key)}"):
            head, controls = st.columns([7, 3], vertical_alignment="center")
            preview = step.lines[0] if step.kind == "claim" and step.lines else " · ".join(step.lines[:1])
            chain = " › ".join(step.chain)
            # an HTML block: the article's words as written, never Markdown (not even a bare address)
            head.markdown(
                f"<div><strong>{i + 1}. {render.text_html(step.title)}</strong>"
                + (f" — {render.text_html(_clip(preview))}" if preview else "")
                + (f'<br><span style="color:#5b6470">{render.text_html(chain)}</span>' if chain else "")
                + "</div>",
                unsafe_allow_html=True,
            )
            with controls.container(horizontal=True, gap="small", horizontal_alignment="right"):
                visible_keys = [s.key for s in walkthrough.visible(steps)]
                st.button(
                    "",
                    key=f"{prefix}play-{step.key}",
                    icon=":material/play_arrow:",
                    help="Present from this step",
                    disabled=step.hidden,
                    on_click=go_to,
                    args=(visible_keys.index(step.key) + 1 if step.key in visible_keys else None,),
                )
                st.button(
                    "",
                    key=f"{prefix}up-{step.key}",
                    icon=":material/arrow_upward:",
                    help="Move up",
                    disabled=i == 0,
                    on_click=_move,
                    args=(analysis, step.key, -1),
                )
                st.button(
                    "",
                    key=f"{prefix}down-{step.key}",
                    icon=":material/arrow_downward:",
                    help="Move down",
                    disabled=i == len(steps) - 1,
                    on_click=_move,
                    args=(analysis, step.key, 1),
                )
                shown_key = f"{prefix}shown-{step.key}"
                st.toggle(
                    "Show",
                    value=not step.hidden,
                    key=shown_key,
                    on_change=_set_hidden,
                    args=(analysis, step.key, shown_key),
                )
            note_key = f"{prefix}note-{step.key}"
            st.text_input(
                "Speaker note",
                value=step.note,
                key=note_key,
                on_change=_set_note,
                args=(analysis, step.key, note_key),
                placeholder="Speaker note (optional)",
                label_visibility="collapsed",
            )


def _clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- entry


def render_walkthrough() -> None:
    try:
        analysis = session.analysis()  # the presenter's corrections included, applied once
    except Exception as err:  # noqa: BLE001 - a message, never a traceback
        st.error(session.user_message(err))
        return
    steps = current_steps(analysis)
    shown = walkthrough.visible(steps)
    n = step_from_url(len(shown))
    if n is None or not shown:
        render_editor(analysis, steps)
    else:
        render_present(analysis, steps, n)
