"""The walkthrough view: present an analysis step by step, or arrange the steps beforehand.

Without `?step=` the page is the presenter's editor (order, hide, speaker notes, downloads);
with `?step=N` it is presentation mode: the app chrome hidden, large type, one step at a time,
next/previous buttons and the keyboard arrows. The steps come from `sourcetrace.walkthrough`;
the presenter's edits are kept in the session and saved in the workspace with the article.
"""

from __future__ import annotations

import re
import secrets
import threading
from pathlib import Path

import streamlit as st

from components import session
from components.network import load_library, signature
from components.workspace import WorkspaceError, workspace
from sourcetrace import export, render, walkthrough
from sourcetrace.chronology import chronology
from sourcetrace.figures import network_data, timeline_figure
from sourcetrace.model import Analysis

STEP_PARAM = "step"
PRESENTER_PARAM = "presenter"  # ?presenter=1: the presenter's window (notes, next step, clock)
DECK_PARAM = "deck"  # the audience window's link to the presenter's deck (a capability token)
EDITS_PREFIX = "wt-edits:"  # session: the presenter's edits per content hash (list of dicts)
FLASH_KEY = "wt-flash"  # session: one sentence about the last save, shown once
DECK_PREFIX = "wt-deck:"  # session: this presenter's deck token per content hash
MAX_DECKS = 32
MIN_LABEL_PX = 18  # network and timeline labels on a projector, in CSS pixels
TIMELINE_ROW_PX = 44  # a timeline row on a slide: an 18 px label and air
TIMELINE_MAX_PX = 400  # beyond this the rows share it (the network needs the rest)
HERE = Path(__file__).resolve().parent / "walkthrough_component"

# Presentation mode: no header, sidebar or toolbar; the slide fills the window, type scales with it.
# --wt-slide-h is the window less the navigation bar; --wt-fit (set by present.js) shrinks the
# text of a slide too long for the screen.
_CHROME_CSS = """
header[data-testid="stHeader"], section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: .8rem 2rem .4rem !important; max-width: 100% !important; }
.st-key-wt-nav button { font-size: 1.1rem; min-height: 3rem; }
.st-key-wt-clicker, .st-key-wt-link { display: none !important; }
/* nor their wrappers, nor the style blocks: each would add a flex gap above the slide */
[data-testid="stLayoutWrapper"]:has(> .st-key-wt-clicker),
[data-testid="stLayoutWrapper"]:has(> .st-key-wt-link),
[data-testid="stElementContainer"]:has(> [data-testid="stMarkdown"] style) { display: none !important; }
"""
_PRESENT_CSS = (
    _CHROME_CSS
    + """
:root { --wt-slide-h: calc(100vh - 5.6rem); --wt-type: clamp(18px, calc(1.05vw + 0.75vh), 34px); }
.st-key-wt-slide { height: var(--wt-slide-h); min-height: var(--wt-slide-h); max-height: var(--wt-slide-h);
  flex: 0 0 auto; overflow: hidden; }
.st-key-wt-text { font-size: calc(var(--wt-fit, 1) * var(--wt-type)); line-height: 1.4; }
.st-key-wt-text [data-testid="stMarkdownContainer"] { font-size: inherit; }
.st-key-wt-text h2 { font-size: 1.55em; line-height: 1.15; margin: 0 0 .45em; padding: 0; }
.st-key-wt-text .wt-eyebrow { font-size: .7em; letter-spacing: .08em; text-transform: uppercase;
  color: #5b6470; }
.st-key-wt-text .wt-quote { font-family: Georgia, serif; font-size: 1.3em; line-height: 1.32; color: #1b1f24;
  border-left: .22em solid #1f4e79; margin: .3em 0 .7em; padding: .05em 0 .05em .7em; }
.st-key-wt-text p, .st-key-wt-text li { font-size: 1em; line-height: 1.4; margin: .25em 0; }
.st-key-wt-text ul, .st-key-wt-text ol { font-size: inherit; }
.st-key-wt-text ul { margin: .2em 0 0 1.1em; padding: 0; }
.wt-chain .st-chain { display: flex; flex-wrap: wrap; align-items: center; gap: .3em; margin: .3em 0 .7em; }
.wt-chain .st-link { display: inline-flex; flex-direction: column; padding: .15em .55em; border-radius: .4em;
  border: 1px solid #dde2e8; background: #f3f5f8; font-size: .95em; line-height: 1.2; }
.wt-chain .st-link small { font-size: .62em; color: #5b6470; }
.wt-chain .st-k-publisher { border-color: #b7c7da; background: #eef3f9; }
.wt-chain .st-k-outlet { border-color: #e2c3a6; background: #fbf1e7; }
.wt-chain .st-k-anonymous { border-color: #d9b3b3; background: #fbeeee; }
.wt-chain .st-k-document { border-color: #c5d7b0; background: #f1f7ea; }
.wt-chain .st-k-unattributed { border-style: dashed; background: #fff; }
.wt-chain .st-sep { color: #5b6470; font-size: 1.1em; }
.wt-net { width: 100%; border: 1px solid #dfe3e8; border-radius: .5rem; background: #fff; overflow: hidden; }
.wt-net-empty { display: flex; align-items: center; justify-content: center; color: #5b6570; }
.wt-figures { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 1.2em;
  margin: .6em 0 .9em; }
.wt-figure { border: 1px solid #dde2e8; border-radius: .5em; padding: .5em .8em .7em; background: #f7f9fb; }
.wt-figure b { display: block; font-size: clamp(3.6em, 15vh, 6.5em); line-height: 1.05; color: #1f4e79;
  font-weight: 700; }
.wt-figure .wt-of { font-size: 1.05em; color: #46505c; }
.wt-figure .wt-label { display: block; font-size: .95em; line-height: 1.25; margin-top: .3em; }
"""
)
# The presenter's window: what is on the screen now, the speaker note, what comes next, the clock.
_PRESENTER_CSS = (
    _CHROME_CSS
    + """
.st-key-wt-now { font-size: 1.05rem; }
.st-key-wt-now h2 { font-size: 1.6rem; margin: 0 0 .3rem; padding: 0; }
.st-key-wt-now .wt-eyebrow { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em;
  color: #5b6470; }
.st-key-wt-now .wt-quote { font-family: Georgia, serif; font-size: 1.2rem; border-left: 4px solid #1f4e79;
  padding-left: .6rem; margin: .3rem 0 .5rem; }
.st-key-wt-now .st-chain { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.st-key-wt-now .st-link { display: inline-flex; flex-direction: column; padding: .1rem .5rem;
  border-radius: .4rem; border: 1px solid #dde2e8; background: #f3f5f8; }
.st-key-wt-now .st-link small { font-size: .7rem; color: #5b6470; }
.wt-figures { display: flex; gap: 1rem; flex-wrap: wrap; }
.wt-figure b { font-size: 1.6rem; color: #1f4e79; margin-right: .3rem; }
.wt-note { font-size: 1.6rem; line-height: 1.45; white-space: pre-wrap; background: #fffbe8;
  border: 1px solid #eadca0; border-radius: .5rem; padding: .8rem 1rem; }
.wt-note.wt-none { font-size: 1.1rem; color: #5b6470; background: #f6f7f9; border-color: #dde2e8; }
.wt-next { font-size: 1.15rem; color: #1b1f24; }
.wt-next b { font-size: 1.35rem; }
.wt-presenter-bar { display: flex; align-items: center; gap: 1rem; font: 1.1rem sans-serif; }
.wt-elapsed { font: 700 2.2rem ui-monospace, monospace; color: #1f4e79; }
.wt-presenter-bar button { font: 600 1rem sans-serif; padding: .5rem 1rem; border-radius: .5rem;
  border: 1px solid #c9d1da; background: #fff; cursor: pointer; }
.wt-presenter-bar .wt-open { background: #1f4e79; color: #fff; border-color: #1f4e79; }
"""
)

# Printing the editor gives the presenter's outline: every step with its chain and speaker note,
# without the app's chrome or the controls (the report download is the handout: see export).
_EDITOR_PRINT_CSS = """
@media print {
  header[data-testid="stHeader"], section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], footer,
  .stButton, .stDownloadButton, [data-testid="stCheckbox"], [data-testid="stAlert"],
  [data-testid="stTextInput"]:has(input:placeholder-shown) { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  [data-testid="stVerticalBlockBorderWrapper"], [class*="-row-"] { break-inside: avoid; }
  [data-testid="stTextInput"] input { border: 0; font-style: italic; }
}
"""
_PRESENT_PRINT_CSS = """
@media print { .st-key-wt-nav { display: none !important; } }
"""

def _style(css: str) -> None:
    st.html(f"<style>{css}</style>")


@st.cache_resource
def _present_component():
    """The presentation's window link: step sync, the presenter's clock and audience button, text fit."""
    js = "// Sourcetrace presentation\n" + (HERE / "present.js").read_text(encoding="utf-8")
    # in the page DOM (no shadow root): it measures the slide, and the page's CSS styles its bar
    return st.components.v2.component("sourcetrace_present", js=js, isolate_styles=False)


@st.cache_resource
def _slide_network_component():
    js = "// Sourcetrace slide network\n" + (HERE / "slide_network.js").read_text(encoding="utf-8")
    return st.components.v2.component("sourcetrace_slide_network", js=js, isolate_styles=False)


@st.cache_resource
def _decks() -> dict[str, tuple[Analysis, list[walkthrough.Step]]]:
    """Decks the presenters of this server published: token -> (corrected analysis, steps).

    The audience window is a new browser session, which in the default session-mode workspace
    holds neither the presenter's corrections nor their order, hidden steps or notes; it reads
    the presenter's deck by the token in its link (?deck=), like a loaded article's capability.
    """
    return {}


_DECKS_LOCK = threading.Lock()


def publish_deck(analysis: Analysis, steps: list[walkthrough.Step]) -> str:
    """Keep this presenter's deck for the audience window; its token (one per session and article)."""
    slot = DECK_PREFIX + analysis.article.content_hash
    token = st.session_state.get(slot) or secrets.token_urlsafe(12)
    st.session_state[slot] = token
    decks = _decks()
    with _DECKS_LOCK:
        decks.pop(token, None)
        decks[token] = (analysis, list(steps))
        while len(decks) > MAX_DECKS:
            decks.pop(next(iter(decks)))
    return token


def deck(token: str | None) -> tuple[Analysis, list[walkthrough.Step]] | None:
    if not token:
        return None
    with _DECKS_LOCK:
        return _decks().get(token)


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
    """Another step of the presentation; None leaves it for the editor (and the presenter's view)."""
    if n is None:
        for param in (STEP_PARAM, PRESENTER_PARAM, DECK_PARAM):
            if param in st.query_params:
                del st.query_params[param]
    else:
        st.query_params[STEP_PARAM] = str(n)


def present(presenter: bool) -> None:
    """From the editor: presentation mode in this window, or the presenter's view (?presenter=1)."""
    st.query_params[STEP_PARAM] = "1"
    if presenter:
        st.query_params[PRESENTER_PARAM] = "1"


def is_presenter() -> bool:
    return st.query_params.get(PRESENTER_PARAM) == "1"


# ---------------------------------------------------------------- presentation


def slide_html(step: walkthrough.Step, eyebrow: str, analysis: Analysis | None = None) -> str:
    """The slide's text as HTML (templates/_slide.html, autoescaped: article strings stay text)."""
    figures = walkthrough.summary_figures(analysis) if analysis is not None and step.kind == "summary" else []
    return render.render("_slide.html", step=step, eyebrow=eyebrow, figures=figures)


def _eyebrow(analysis: Analysis) -> str:
    art = analysis.article
    return " · ".join(x for x in (art.publisher, art.published) if x) or "Walkthrough"


def _network(analysis: Analysis, step: walkthrough.Step, height: str) -> None:
    """The whole network with the step's actors lit, labels legible from the back of the room."""
    load_library()  # vis-network travels in its own component; without it nothing is drawn
    graph = network_data(analysis)
    graph.pop("focus", None)
    _slide_network_component()(
        key="wt-network",
        data={
            "graph": graph,
            "signature": signature(graph),
            "lit": [a for a in step.actors if analysis.actor(a)],
            "height": height,  # a CSS length: the slide's height, less the timeline's
            "min_label_px": MIN_LABEL_PX,
            "name": "wt-network",
            "empty_message": "No actors were found.",
        },
    )


def projector_timeline(analysis: Analysis, event: str):
    """The timeline with the step's event outlined, every label at least MIN_LABEL_PX.

    One row per placed event, tall enough for its label, within TIMELINE_MAX_PX (the network
    takes the rest of the slide).
    """
    fig = timeline_figure(analysis, focus_event=event)
    size = MIN_LABEL_PX
    rows = len(chronology(analysis).placed)
    fig.update_layout(
        height=min(TIMELINE_MAX_PX, 56 + TIMELINE_ROW_PX * max(rows, 1)),
        font={"size": size},
        margin={"l": 10, "r": 30, "t": 10, "b": 10},
        hoverlabel={"font": {"size": size}},
    )
    fig.update_xaxes(tickfont={"size": size}, automargin=True)
    fig.update_yaxes(tickfont={"size": size}, automargin=True)
    fig.for_each_trace(lambda t: t.update(textfont={"size": size}) if "textfont" in t else None)
    return fig


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


def _sync(role: str, n: int, count: int, token: str | None) -> None:
    """The window link (present.js): tells the other window our step, follows when told to move."""
    result = _present_component()(
        key="wt-sync",
        data={"role": role, "step": n, "count": count, "deck": token},
        on_goto_change=lambda: None,
    )
    goto = getattr(result, "goto", None)
    if isinstance(goto, int) and goto != n and 1 <= goto <= count:
        go_to(goto)
        st.rerun()


def render_present(
    analysis: Analysis, steps: list[walkthrough.Step], n: int, token: str | None = None
) -> None:
    """The audience's slide: fills the window; speaker notes are never on it."""
    shown = walkthrough.visible(steps)
    step = shown[n - 1]
    _style(_PRESENT_CSS + _PRESENT_PRINT_CSS)
    _nav(n, len(shown))
    with st.container(key="wt-link"):
        _sync("audience", n, len(shown), token)
    eyebrow = _eyebrow(analysis)
    with st.container(key="wt-slide"):
        if step.kind == "summary":
            with st.container(key="wt-text"):
                st.markdown(slide_html(step, eyebrow, analysis), unsafe_allow_html=True)
            return
        left, right = st.columns([5, 6], gap="large")
        with left, st.container(key="wt-text"):
            st.markdown(slide_html(step, eyebrow), unsafe_allow_html=True)
        with right:
            figure = None
            if step.kind == "claim" and step.event and analysis.event(step.event):
                figure = projector_timeline(analysis, step.event)
            below = f" - {figure.layout.height + 18}px" if figure is not None else ""
            _network(analysis, step, f"calc(var(--wt-slide-h){below})")
            if figure is not None:
                st.plotly_chart(
                    figure,
                    key="wt-timeline",
                    width="stretch",
                    config={"displaylogo": False, "displayModeBar": False},
                )


def render_presenter(analysis: Analysis, steps: list[walkthrough.Step], n: int) -> None:
    """The presenter's window: the step on screen, its speaker note, the next step and the clock.

    It publishes the deck and opens the audience window (`?step=N&deck=...`, without the notes);
    both windows then move together, whichever one is stepped.
    """
    shown = walkthrough.visible(steps)
    step = shown[n - 1]
    token = publish_deck(analysis, steps)
    _style(_PRESENTER_CSS)
    _nav(n, len(shown))
    _sync("presenter", n, len(shown), token)
    now, later = st.columns([3, 2], gap="large")
    with now:
        st.caption(f"On the audience's screen · step {n} of {len(shown)}")
        with st.container(key="wt-now", border=True):
            st.markdown(slide_html(step, _eyebrow(analysis), analysis), unsafe_allow_html=True)
        st.caption("Speaker note")
        if step.note:
            st.markdown(render.render("_note.html", note=step.note), unsafe_allow_html=True)
        else:
            st.markdown(render.render("_note.html", note=None), unsafe_allow_html=True)
    with later:
        st.caption("Next")
        with st.container(key="wt-upnext", border=True):
            st.markdown(
                render.render("_next.html", step=shown[n] if n < len(shown) else None), unsafe_allow_html=True
            )
        st.caption(
            "Open the audience window on the projector, then step here or there: the other window "
            "follows. The clock counts from the start of the presentation."
        )


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
    _style(_EDITOR_PRINT_CSS)
    st.markdown("#### Walkthrough")
    st.caption(
        f"{len(steps)} steps, {shown} shown. Reorder, hide and annotate them; the changes are saved with "
        "the article. In presentation mode use the arrow keys or the buttons; Esc leaves. The presenter "
        "view keeps your notes, the next step and a clock here and the slides in an audience window."
    )
    with st.container(horizontal=True, gap="small"):
        st.button(
            "Start presenting",
            key="wt-start",
            type="primary",
            icon=":material/slideshow:",
            on_click=present,
            args=(False,),
            disabled=shown == 0,
            help="Present here, full window, one step at a time",
        )
        st.button(
            "Presenter view",
            key="wt-start-presenter",
            icon=":material/co_present:",
            on_click=present,
            args=(True,),
            disabled=shown == 0,
            help="Your notes, the next step and a clock here; the slides in an audience window that follows",
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
    # the audience window of a presenter's view shows the presenter's deck, not this session's
    audience = STEP_PARAM in st.query_params and not is_presenter()
    published = deck(st.query_params.get(DECK_PARAM)) if audience else None
    if published is not None:
        analysis, steps = published
    else:
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
    elif is_presenter():
        render_presenter(analysis, steps, n)
    else:
        render_present(analysis, steps, n, st.query_params.get(DECK_PARAM))
