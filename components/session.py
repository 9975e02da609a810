"""The session: the article shown, the one focus, and the corrected analysis every view sees.

This module is the only owner of those three things; pages ask it, components are handed what it
returns. The cached loaders live here too, in exactly one place: the spaCy pipeline
(st.cache_resource) and the analyses (st.cache_data, keyed by the article and the settings).
`analysis()` is the extracted analysis with the workspace's saved corrections applied once
(`corrected`); the workspace (components/workspace.py) only hands over the edits. The focus is
a `sourcetrace.focus.Focus`, mirrored in the URL (?article=...&focus=actor:a3)
so a copied link reopens the same article and focus; the claims the reader asked the panel to list
(a `sourcetrace.sourcing.ClaimSelection`, ?claims=measure:anonymous) likewise.

State belongs to its article: the views key their widgets (type filters, claims-panel filters,
the timeline's range) with `widget_key`, which adds the shown article's content hash, so another
article starts with every type shown and no filter on; a link's focus or claim list that names
nothing in its article is dropped from the URL with one sentence (`note`).
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from components import workspace
from sourcetrace import load, logs
from sourcetrace.analysis import Settings, analyze_article
from sourcetrace.errors import SourcetraceError
from sourcetrace.focus import Focus
from sourcetrace.model import Analysis, Article
from sourcetrace.sourcing import ClaimSelection

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_DIR = ROOT / "data" / "articles"
DEFAULT_ARTICLE = "ncri-2007-07-10-iranian-ambassador-iraq-security"

ARTICLE_KEY = "article"  # session: the Article being shown
ARTICLE_REF = "article_ref"  # session: its name in the URL
FOCUS_KEY = "focus"  # session: the shared focus
SELECTION_KEY = "claims_selection"  # session: the claims the reader asked the panel to list
ERROR_KEY = "loader_error"  # session: the last loader failure, shown until the next success
SCROLL_KEY = "scroll_to"  # session: a span the article view should scroll to once
NOTE_KEY = "session_note"  # session: one sentence about the link just opened (a focus dropped)
PROBLEMS_KEY = "_workspace_problems"  # session: saved edits the last run could not apply
AUTHOR_KEY = "corrections_author"  # session: the name the analyst signs corrections with (optional)


def settings() -> Settings:
    return Settings(model=os.environ.get("SOURCETRACE_MODEL") or None)


@st.cache_resource(show_spinner="Loading the language model…")
def pipeline(model: str | None, gazetteers: tuple[str, ...]):
    """The spaCy pipeline, loaded once per server process and shared by every session."""
    from sourcetrace.nlp import get_pipeline

    return get_pipeline(model, gazetteers)


@st.cache_data(max_entries=32, show_spinner="Analysing the article…")
def _analyze(article_json: str, model: str | None, gazetteers: tuple[str, ...]) -> Analysis:
    # keyed by the whole article (text and metadata) and the settings
    s = Settings(model=model, gazetteers=gazetteers)
    pipeline(s.model, s.gazetteers)
    return analyze_article(Article.model_validate_json(article_json), s)


def analyze(article: Article) -> Analysis:
    s = settings()
    return _analyze(article.model_dump_json(), s.model, s.gazetteers)


@st.cache_resource
def _loaded_articles() -> dict[str, Article]:
    """Articles loaded on this server (uploads, pastes, URLs), so their links reopen them.

    Shared by every session of the process, yet only reachable by a link's 16-hex content hash (a
    capability: whoever has the link may reopen it). Never list it: a session's library is its own
    workspace (components/library.py), so a stranger sees no other session's article.
    """
    return {}


def bundled_articles() -> dict[str, Path]:
    files = sorted(p for p in ARTICLES_DIR.glob("*") if p.suffix.lower() in (".txt", ".md", ".html", ".htm"))
    return {p.stem: p for p in files}


def article_ref(article: Article) -> str:
    """The article's name in the URL: a bundled file's stem, else a prefix of its content hash."""
    if article.source_path:
        stem = Path(article.source_path).stem
        if stem in bundled_articles() and Path(article.source_path).resolve() == bundled_articles()[stem]:
            return stem
    return "sha-" + (article.content_hash or "")[:16]


def keyed(name: str, content_hash: str | None) -> str:
    """`name` with the first 12 characters of an article's content hash (the key `widget_key` gives)."""
    digest = (content_hash or "")[:12]
    return f"{name}-{digest}" if digest else name


def widget_key(name: str) -> str:
    """`name` made the shown article's own: a view's widget keyed with it starts afresh for another
    article. Corrections do not change the content hash, so a filter survives an edit."""
    article = st.session_state.get(ARTICLE_KEY)
    return keyed(name, article.content_hash if article is not None else None)


def note() -> str | None:
    """One sentence about the link just opened (an unusable focus it named), until the next change."""
    return st.session_state.get(NOTE_KEY)


def _load_path(path: Path) -> Article:
    return load.load_path(path)


def load_reference(ref: str | None) -> Article | None:
    """The article a URL names, or None when it is unknown here."""
    if not ref:
        return None
    bundled = bundled_articles()
    if ref in bundled:
        return _load_path(bundled[ref])
    return _loaded_articles().get(ref)


def load_bytes(data: bytes, filename: str) -> Article:
    """An uploaded file, through the library's loader (which decides by the file name)."""
    return load.load_bytes(data, name=filename, filename=filename)


def load_text(text: str) -> Article:
    return load.load_text(text)


def load_url(url: str) -> Article:
    return load.load_url(url)


def urls_allowed() -> bool:
    """The URL loader is off unless the operator turns it on (hosted demos must not fetch)."""
    if os.environ.get("SOURCETRACE_ALLOW_URLS") == "1":
        return True
    try:
        return bool(st.secrets.get("SOURCETRACE_ALLOW_URLS", False))
    except Exception:  # no secrets.toml at all: that is the default, not an error
        return False


def user_message(err: Exception) -> str:
    """One sentence for the user; our own errors already are one."""
    if isinstance(err, SourcetraceError):
        return str(err)
    if isinstance(err, UnicodeDecodeError):
        return "This file is not UTF-8 text; save it as UTF-8 (or upload the HTML page) and try again."
    return f"This input could not be analysed ({type(err).__name__}); the previous article is still shown."


def try_show(load) -> bool:
    """Load and analyse a new article; on any failure keep the current one and remember why.

    `load` is a zero-argument callable returning an Article. The analysis runs here, before the
    switch, so an article that cannot be analysed never replaces one that could.
    """
    article = None
    try:
        article = load()
        analyze(article)
    except Exception as err:  # noqa: BLE001 - every failure becomes a message, never a traceback
        # the operator's log gets the context (stage, article hash, traceback for a bug)
        logs.log_error(err, stage="load" if article is None else "analysis",
                       article_hash=article.content_hash if article is not None else None)
        st.session_state[ERROR_KEY] = user_message(err)
        return False
    ref = article_ref(article)
    if ref.startswith("sha-"):
        store = _loaded_articles()
        store[ref] = article
        while len(store) > 64:  # bounded: the oldest uploads go first
            store.pop(next(iter(store)))
    st.session_state[ARTICLE_KEY] = article
    st.session_state[ARTICLE_REF] = ref
    st.session_state[ERROR_KEY] = None
    st.session_state[NOTE_KEY] = None
    st.session_state[SELECTION_KEY] = None  # a selection belongs to the article it was made in
    set_focus(None)
    return True


def init_from_url() -> None:
    """On a session's first run: the article and focus named in the URL, else the bundled article."""
    if ARTICLE_KEY in st.session_state:
        return
    ref = st.query_params.get("article")
    raw_focus = st.query_params.get("focus")
    focus = Focus.parse(raw_focus)
    raw_claims = st.query_params.get("claims")
    selection = ClaimSelection.parse(raw_claims)
    article = None
    try:
        article = load_reference(ref)
    except Exception as err:  # noqa: BLE001
        st.session_state[ERROR_KEY] = user_message(err)
    if article is None:
        if ref:  # a focus only means something in the article it was made in
            st.session_state[ERROR_KEY] = (
                "The article in this link is not loaded on this server; the bundled article is shown instead."
            )
            focus = selection = None
        article = _load_path(bundled_articles()[DEFAULT_ARTICLE])
    st.session_state[ARTICLE_KEY] = article
    st.session_state[ARTICLE_REF] = article_ref(article)
    st.session_state[FOCUS_KEY] = focus
    st.session_state[SELECTION_KEY] = selection
    if ref is None or article_ref(article) == ref:
        _check_link(raw_focus, focus, raw_claims, selection)


def _check_link(raw_focus: str | None, focus: Focus | None, raw_claims: str | None,
                selection: ClaimSelection | None) -> None:
    """Drop a link's focus or claim list that is malformed or names nothing in its article, and
    say so in one sentence (shown until the next focus or article)."""
    if not raw_focus and not raw_claims:
        return
    try:
        shown = analysis()
    except Exception as err:  # noqa: BLE001 - the view reports a failing analysis itself
        logs.log_error(err, stage="analysis", article_hash=current_article().content_hash)
        return
    notes = []
    if raw_focus and (focus is None or not focus.exists_in(shown)):
        reason = "is not an actor, a claim or an event" if focus is None else "names nothing in this article"
        st.session_state[FOCUS_KEY] = None
        notes.append(f"The link's focus “{_clip(raw_focus)}” {reason}, so it was dropped.")
    if raw_claims and (selection is None or selection.claim_ids(shown) is None):
        st.session_state[SELECTION_KEY] = None
        notes.append(f"The link's list of claims “{_clip(raw_claims)}” names nothing in this article, "
                     "so every claim is listed.")
    st.session_state[NOTE_KEY] = " ".join(notes) or None


def _clip(raw: str) -> str:
    return raw if len(raw) <= 40 else raw[:39] + "…"


def current_article() -> Article:
    return st.session_state[ARTICLE_KEY]


def analysis() -> Analysis:
    """The analysis the views see: the current article's, with the saved corrections applied once."""
    return corrected(analyze(current_article()))


def corrected(extracted: Analysis) -> Analysis:
    """`extracted` with this session's workspace corrections for its text (unchanged if there are none).

    The article is filed in the workspace library on the way. A workspace that went bad or got
    locked mid-session is put aside (read-only from then on) and the analysis shown as extracted.
    A corrected publication date re-dates the events anchored on it: the library has the article
    analysed again (cached, like any analysis) with that date and re-applies the edits to it.
    """
    st.session_state[PROBLEMS_KEY] = []
    try:
        fixed, found = workspace.apply_saved(extracted, reanalyse=analyze)
    except workspace.WorkspaceError:
        return extracted
    st.session_state[PROBLEMS_KEY] = found
    if found:
        # every view shows the analysis warnings: an edit that no longer applies is seen everywhere
        fixed = fixed.model_copy(update={"warnings": [*fixed.warnings, *found]})
    return fixed


def problems() -> list[str]:
    """The saved edits the last `corrected` could not apply, one sentence each."""
    return st.session_state.get(PROBLEMS_KEY, [])


def sync_url() -> None:
    """Mirror the article and the focus in the URL; other parameters (?step=) are left alone."""
    ref = st.session_state.get(ARTICLE_REF)
    if ref and st.query_params.get("article") != ref:
        st.query_params["article"] = ref
    focus = get_focus()
    encoded = str(focus) if focus else None
    if encoded:
        if st.query_params.get("focus") != encoded:
            st.query_params["focus"] = encoded
    elif "focus" in st.query_params:
        del st.query_params["focus"]
    selection = st.session_state.get(SELECTION_KEY)
    if selection:
        if st.query_params.get("claims") != str(selection):
            st.query_params["claims"] = str(selection)
    elif "claims" in st.query_params:
        del st.query_params["claims"]


# ---------------------------------------------------------------- focus


def get_focus(analysis: Analysis | None = None) -> Focus | None:
    """The focus, or None if it names nothing in this analysis."""
    focus = st.session_state.get(FOCUS_KEY)
    if focus is None or analysis is None:
        return focus
    return focus if focus.exists_in(analysis) else None


def set_focus(focus: Focus | None) -> None:
    st.session_state[FOCUS_KEY] = focus
    st.session_state[NOTE_KEY] = None  # the note was about the link's focus; a new one replaces it
    sync_url()


# ---------------------------------------------------------------- the claims the panel lists


def get_selection(analysis: Analysis | None = None) -> ClaimSelection | None:
    """The claims the reader asked to see (a sourcing figure, a source), or None if it names
    nothing in this analysis."""
    selection = st.session_state.get(SELECTION_KEY)
    if selection is None or analysis is None:
        return selection
    return selection if selection.claim_ids(analysis) is not None else None


def set_selection(selection: ClaimSelection | None) -> None:
    st.session_state[SELECTION_KEY] = selection
    st.session_state[NOTE_KEY] = None
    sync_url()


# ---------------------------------------------------------------- a correction made in a view


def record_edit(analysis: Analysis, edit) -> str:
    """Append one correction (a `sourcetrace.corrections.Edit` built from `analysis`, the analysis on
    screen) to this session's workspace, as the Corrections page does; the next run shows it in
    every view, signed with the name in `AUTHOR_KEY` when the analyst gave one. Returns its one-line
    description; a read-only workspace raises CorrectionError."""
    from sourcetrace import corrections

    ws = workspace.writable()
    if ws is None:
        raise corrections.CorrectionError("The workspace is read-only: the correction was not saved.")
    author = str(st.session_state.get(AUTHOR_KEY) or "").strip()
    if author and not edit.author:
        edit.author = author  # signed the same way wherever the correction was made
    ws.append_edit(analysis.article.content_hash, edit)
    return corrections.describe(edit, ws.edits(analysis.article.content_hash))
