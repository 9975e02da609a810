"""The corrections panel: fix actors, claims, events and the article; undo, redo, and the history.

Every button appends one `Edit` to the workspace log in its callback, before the page reruns, so
the rerun (every view included) already shows the corrected analysis. The edits are built from the
analysis on screen (`sourcetrace.corrections` builders), which anchor them to spans of the text.

Safe by default: the actor to correct and the actor to merge into it start empty (Merge waits
for both); a delete says what it takes away and asks first; every correction's message carries an
Undo for that correction, shown where it was made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import streamlit as st

from components.library import render_status
from components.session import AUTHOR_KEY, problems, record_edit, widget_key
from components.workspace import workspace, writable
from sourcetrace import corrections
from sourcetrace.errors import SourcetraceError
from sourcetrace.focus import Focus, FocusType
from sourcetrace.model import ACTOR_TYPES, Analysis
from sourcetrace.render import escape_markdown as _md  # article words are never read as Markdown

FLASH_KEY = "_corrections_flash"  # session: {"kind", "text", "edit", "where"} about the last correction
PENDING_KEY = "_corrections_pending_delete"  # session: ("actor" | "event", id) awaiting confirmation
MARK = "✎ "  # prefix of a corrected item in the lists


def _flash(kind: str, text: str, edit_id: str | None = None, where: str | None = None) -> None:
    st.session_state[FLASH_KEY] = {"kind": kind, "text": text, "edit": edit_id, "where": where}


def _save(analysis: Analysis, build: Callable[[], corrections.Edit | None], where: str | None = None,
          clear: dict[str, object] | None = None) -> None:
    """Build the edit from what is on screen and append it; a refusal becomes one sentence.

    `where` is the part of the panel that made it: its message (and Undo) is shown there. `clear`
    empties the form's widgets once it is saved (key -> empty value), so nothing chosen for this
    correction is left chosen for the next one."""
    if writable() is None:
        _flash("error", "The workspace is read-only: the correction was not saved.", where=where)
        return
    try:
        edit = build()
        if edit is None:
            return
        message = record_edit(analysis, edit)
    except SourcetraceError as err:
        _flash("error", str(err), where=where)
        return
    for widget, empty in (clear or {}).items():
        st.session_state[widget] = empty
    undoable = edit.id if edit.op not in ("undo", "redo") else None
    _flash("success", message, undoable, where)


def _undo(analysis: Analysis, edit_id: str, where: str | None) -> None:
    """Undo the correction just made, from its message."""
    _save(analysis, lambda: corrections.undo_entry(_log(analysis), edit_id=edit_id), where)


def render_flash(analysis: Analysis, where: str | None, key: str, disabled: bool = False) -> None:
    """The last correction's message if it was made here (shown once), with its Undo."""
    flash = st.session_state.get(FLASH_KEY)
    if not flash or flash.get("where") != where:
        return
    st.session_state.pop(FLASH_KEY)
    if flash["kind"] != "success":
        st.error(_md(flash["text"]))
        return
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key=f"{key}-flash"):
        st.success(_md(flash["text"]))
        if flash.get("edit"):
            st.button("Undo", key=f"{key}-flash-undo", icon=":material/undo:", disabled=disabled,
                      on_click=_undo, args=(analysis, flash["edit"], where),
                      help="Undo this correction (the history keeps it, struck through)")


def _ask_delete(kind: str, item_id: str) -> None:
    st.session_state[PENDING_KEY] = (kind, item_id)


def _cancel_delete() -> None:
    st.session_state.pop(PENDING_KEY, None)


def _confirm_delete(analysis: Analysis, build: Callable[[], corrections.Edit], where: str) -> None:
    st.session_state.pop(PENDING_KEY, None)
    _save(analysis, build, where)


def _delete_control(analysis: Analysis, kind: str, item_id: str, key: str, disabled: bool) -> None:
    """"Delete this …", then what it takes away with Delete / Cancel: nothing goes on one click."""
    if st.session_state.get(PENDING_KEY) != (kind, item_id):
        st.button(f"Delete this {kind}", key=f"{key}-delete", icon=":material/delete:", disabled=disabled,
                  on_click=_ask_delete, args=(kind, item_id))
        return
    if kind == "actor":
        note = corrections.deletion_note(analysis, actor_id=item_id)
        build = lambda: corrections.delete_actor(analysis, item_id)  # noqa: E731
    else:
        note = corrections.deletion_note(analysis, event_id=item_id)
        build = lambda: corrections.delete_event(analysis, item_id)  # noqa: E731
    with st.container(border=True, key=f"{key}-confirm"):
        st.warning(_md(note), icon=":material/delete:")
        c1, c2 = st.columns(2)
        c1.button("Delete", key=f"{key}-delete-confirm", type="primary", disabled=disabled, width="stretch",
                  on_click=_confirm_delete, args=(analysis, build, kind))
        c2.button("Cancel", key=f"{key}-delete-cancel", width="stretch", on_click=_cancel_delete)


def _v(key: str):
    return st.session_state.get(key)


def _text(key: str) -> str:
    return (st.session_state.get(key) or "").strip()


def _nth(key: str) -> int:
    """A 1-based occurrence widget as a 0-based index."""
    return max(int(st.session_state.get(key) or 1), 1) - 1



# ---------------------------------------------------------------- labels


def _words_input(key: str) -> tuple[str, str]:
    """The words of a new claim or event, and which occurrence of them: their widgets' keys (the
    article's own, read by _text/_nth)."""
    words, nth = widget_key(f"{key}-add-text"), widget_key(f"{key}-add-nth")
    c1, c2 = st.columns([5, 1])
    c1.text_input("Its words, exactly as in the text", key=words)
    c2.number_input("Occurrence", min_value=1, value=1, step=1, key=nth,
                    help="When the words appear more than once: which one (1 = the first)")
    return words, nth


def actor_label(analysis: Analysis, actor_id: str | None) -> str:
    actor = analysis.actor(actor_id)
    if actor is None:
        return "(none)"
    return f"{MARK if actor.corrected else ''}{actor.name} · {actor.kind}, {actor.type}"


def claim_label(analysis: Analysis, claim_id: str) -> str:
    claim = analysis.claim(claim_id)
    if claim is None:
        return "(none)"
    text = " ".join(claim.content.text.split())
    text = text if len(text) <= 70 else text[:69] + "…"
    state = " [dismissed]" if claim.dismissed else ""
    return f"{MARK if claim.corrected else ''}{text}{state}"


def event_label(analysis: Analysis, event_id: str) -> str:
    ev = analysis.event(event_id)
    if ev is None:
        return "(none)"
    when = corrections.interval_label(ev.start, ev.end)
    return f"{MARK if ev.corrected else ''}{ev.label} · {when}"


def _corrected_note(corrected: bool) -> str:
    # the selectbox may keep showing the old label of the chosen item: say it here too
    return f" · {MARK}corrected by the analyst" if corrected else ""


def _chain_text(analysis: Analysis, claim_id: str) -> str:
    claim = analysis.claim(claim_id)
    return " › ".join(f"{link.label} ({link.kind})" for link in claim.chain) if claim else ""


# ---------------------------------------------------------------- the panel


def render_corrections(analysis: Analysis, focus: Focus | None = None, key: str = "corr") -> None:
    """The whole panel: status, undo/redo, the three kinds of items, and the history."""
    can_save = render_status(key=f"{key}-status")
    render_flash(analysis, None, key=key, disabled=not can_save)
    for problem in problems():
        st.warning(_md(problem), icon=":material/report:")
    render_undo_redo(analysis, key=f"{key}-history", disabled=not can_save)
    actors, claims, events, article, history = st.tabs(["Actors", "Claims", "Events", "Article", "History"])
    with actors:
        render_actor_corrections(analysis, focus, key=f"{key}-actor", disabled=not can_save)
    with claims:
        render_claim_corrections(analysis, focus, key=f"{key}-claim", disabled=not can_save)
    with events:
        render_event_corrections(analysis, focus, key=f"{key}-event", disabled=not can_save)
    with article:
        render_article_corrections(analysis, key=f"{key}-article", disabled=not can_save)
    with history:
        st.text_input("Sign your corrections (optional)", key=AUTHOR_KEY,
                      placeholder="your name or initials, shown in the history")
        render_history(analysis, key=f"{key}-log")


def _log(analysis: Analysis) -> list[corrections.Edit]:
    ws, _ = workspace()
    if ws is None:
        return []
    try:
        return ws.edits(analysis.article.content_hash)
    except SourcetraceError:
        return []


def render_undo_redo(analysis: Analysis, key: str, disabled: bool = False) -> None:
    log = _log(analysis)
    history = corrections.replay(log)
    cols = st.columns(2)
    cols[0].button(
        "Undo", key=f"{key}-undo", icon=":material/undo:", disabled=disabled or not history.can_undo,
        help=corrections.describe(history.active[-1]) if history.active else "Nothing to undo",
        on_click=_save, args=(analysis, lambda: corrections.undo_entry(_log(analysis))), width="stretch",
    )
    cols[1].button(
        "Redo", key=f"{key}-redo", icon=":material/redo:", disabled=disabled or not history.can_redo,
        help=corrections.describe(history.undone[-1]) if history.undone else "Nothing to redo",
        on_click=_save, args=(analysis, lambda: corrections.redo_entry(_log(analysis))), width="stretch",
    )


def render_history(analysis: Analysis, key: str) -> None:
    """Every entry of the article's log, oldest first; undone edits are struck through."""
    log = _log(analysis)
    if not log:
        st.caption("No corrections yet for this article.")
        return
    active = {e.id for e in corrections.replay(log).active}
    lines = []
    for n, edit in enumerate(log, start=1):
        text = _md(corrections.describe(edit, log))
        if edit.op not in ("undo", "redo") and edit.id not in active:
            text = f"~~{text}~~ (undone)"
        who = f" · {_md(edit.author)}" if edit.author else ""
        lines.append(f"{n}. {text} — {edit.at.replace('T', ' ')[:16]}{who}")
    with st.container(key=key):
        st.markdown("\n".join(lines))


def _pick(label: str, ids: list[str], focus: Focus | None, kind: FocusType, key: str, format_func,
          empty: str | None = None) -> str | None:
    """A selectbox of items that follows the shared focus when it changes to an item of this kind;
    with `empty` (its placeholder) nothing is chosen until the analyst or the focus chooses."""
    focused = focus.of(kind) if focus else None
    focused = focused if focused in ids else None
    seen_key = f"{key}-seen-focus"
    if focused and st.session_state.get(seen_key) != focused:
        st.session_state[key] = focused  # set before the widget exists: no default is passed below
    st.session_state[seen_key] = focused
    if st.session_state.get(key) not in ids:
        st.session_state.pop(key, None)  # the item is gone (merged, deleted): back to the default
    if empty is not None:
        return st.selectbox(label, ids, index=None, key=key, format_func=format_func, placeholder=empty)
    return st.selectbox(label, ids, key=key, format_func=format_func)


# ---------------------------------------------------------------- actors


def render_actor_corrections(
    analysis: Analysis, focus: Focus | None, key: str, disabled: bool = False
) -> None:
    ids = [a.id for a in analysis.actors]
    if ids:
        actor_id = _pick("Actor", ids, focus, "actor", widget_key(f"{key}-pick"),
                         lambda i: actor_label(analysis, i),
                         empty="Choose an actor (or focus one in any view)")
        render_flash(analysis, "actor", key=key, disabled=disabled)  # a delete's message and its Undo
        if actor_id is None:
            st.caption("Choose the actor to rename, retype, merge, split or delete.")
        else:
            _actor_form(analysis, analysis.actor(actor_id), ids, key, disabled)
    else:
        render_flash(analysis, "actor", key=key, disabled=disabled)
        st.caption("No actors were found in this article.")

    st.markdown("**Add a missed actor**")
    words, name, type_, kind = (widget_key(f"{key}-add-{part}") for part in ("text", "name", "type", "kind"))
    st.text_input("Its words, exactly as in the text (every mention is found)", key=words)
    c1, c2, c3 = st.columns(3)
    c1.text_input("Name (optional)", key=name)
    c2.selectbox("Type", ACTOR_TYPES, key=type_)
    c3.selectbox("Kind", corrections.ACTOR_KINDS, key=kind)
    st.button("Add actor", key=f"{key}-add", disabled=disabled, on_click=_save, args=(
        analysis, lambda: corrections.add_actor(
            analysis, _text(words), type=_v(type_), kind=_v(kind), name=_text(name),
        ),
    ))


def _actor_form(analysis: Analysis, actor, ids: list[str], key: str, disabled: bool) -> None:
    also = f"; also called {', '.join(actor.aliases)}" if actor.aliases else ""
    st.caption(_md(f"{len(actor.mentions)} mention(s){also}{_corrected_note(actor.corrected)}"))
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    # the article's own keys: another article's a3 is another actor
    name, type_, kind = (widget_key(f"{key}-{part}-{actor.id}") for part in ("name", "type", "kind"))
    c1.text_input("New name", value=actor.name, key=name)
    c2.button("Rename", key=f"{key}-rename", disabled=disabled, on_click=_save, args=(
        analysis, lambda: corrections.rename_actor(analysis, actor.id, _text(name))),
        width="stretch")

    c1, c2, c3 = st.columns([2, 2, 1], vertical_alignment="bottom")
    types = ACTOR_TYPES if actor.type in ACTOR_TYPES else [actor.type, *ACTOR_TYPES]
    c1.selectbox("Type", types, index=types.index(actor.type), key=type_)
    c2.selectbox("Kind", corrections.ACTOR_KINDS, index=corrections.ACTOR_KINDS.index(actor.kind), key=kind)
    c3.button("Change", key=f"{key}-retype", disabled=disabled, on_click=_save, args=(
        analysis, lambda: corrections.retype_actor(
            analysis, actor.id,
            type=_v(type_) if _v(type_) != actor.type else None,
            kind=_v(kind) if _v(kind) != actor.kind else None,
        )), width="stretch")

    others = [i for i in ids if i != actor.id]
    if others:
        merge_key = widget_key(f"{key}-merge-{actor.id}")
        if st.session_state.get(merge_key) not in others:
            st.session_state.pop(merge_key, None)  # merged or deleted meanwhile: nothing chosen
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        absorb = c1.selectbox("Merge this other actor into it", others, index=None, key=merge_key,
                              placeholder="Choose the actor to fold into this one",
                              format_func=lambda i: actor_label(analysis, i))
        c2.button("Merge", key=f"{key}-merge", disabled=disabled or absorb is None, on_click=_save, args=(
            analysis, lambda: corrections.merge_actors(analysis, actor.id, _v(merge_key)), None,
            {merge_key: None},
        ), width="stretch", help=None if absorb else "Choose the actor to merge into this one first")

    variants = sorted({m.text for m in actor.mentions if m.text.casefold() != actor.name.casefold()})
    if variants:
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        split = widget_key(f"{key}-split-{actor.id}")
        c1.selectbox("Split this alias out as its own actor", variants, key=split)
        c2.button("Split", key=f"{key}-split", disabled=disabled, on_click=_save, args=(
            analysis, lambda: corrections.split_alias(analysis, actor.id, _v(split))),
            width="stretch")

    _delete_control(analysis, "actor", actor.id, key, disabled)


# ---------------------------------------------------------------- claims


def _link_source_options(analysis: Analysis) -> list[str]:
    return ["", *[a.id for a in analysis.actors]]


def render_claim_corrections(
    analysis: Analysis, focus: Focus | None, key: str, disabled: bool = False
) -> None:
    ids = [c.id for c in analysis.claims]
    actor_options = _link_source_options(analysis)
    if ids:
        claim_id = _pick("Claim", ids, focus, "claim", widget_key(f"{key}-pick"),
                         lambda i: claim_label(analysis, i))
        claim = analysis.claim(claim_id)
        st.caption(_md(f"Chain: {_chain_text(analysis, claim.id)}{_corrected_note(claim.corrected)}"))
        if claim.chain:
            # names of their own: the callback reads them later, after the add form's are bound
            link_at, link_who, link_kind = (widget_key(f"{key}-{part}-{claim.id}")
                                            for part in ("link", "link-actor", "link-kind"))
            c1, c2, c3, c4 = st.columns([1, 3, 2, 1.4], vertical_alignment="bottom")
            c1.selectbox("Link", list(range(len(claim.chain))), index=len(claim.chain) - 1,
                         key=link_at, format_func=lambda i: str(i + 1))
            c2.selectbox("Source actor", actor_options, key=link_who,
                         format_func=lambda i: "(keep)" if not i else actor_label(analysis, i))
            c3.selectbox("Kind", ["", *corrections.LINK_KINDS], key=link_kind,
                         format_func=lambda k: k or "(keep)")
            c4.button("Change", key=f"{key}-setlink", disabled=disabled, on_click=_save, args=(
                analysis, lambda: corrections.set_link(
                    analysis, claim.id, int(_v(link_at)), actor_id=_v(link_who) or None,
                    kind=_v(link_kind) or None,
                )), width="stretch")
        c1, c2 = st.columns(2)
        c1.button("Mark unattributed", key=f"{key}-unattr", disabled=disabled, width="stretch",
                  on_click=_save, args=(analysis, lambda: corrections.unattribute_claim(analysis, claim.id)),
                  help="No source is named for it: only the page's own voice remains")
        if claim.dismissed:
            c2.button("Restore claim", key=f"{key}-restore", disabled=disabled, width="stretch",
                      on_click=_save,
                      args=(analysis, lambda: corrections.dismiss_claim(analysis, claim.id, False)),
                      help="It is a claim after all")
        else:
            c2.button("Dismiss claim", key=f"{key}-dismiss", disabled=disabled, width="stretch",
                      on_click=_save, args=(analysis, lambda: corrections.dismiss_claim(analysis, claim.id)),
                      help="Not a claim: it stays listed, marked dismissed")
        _insert_hop_form(analysis, claim, actor_options, key, disabled)
        _set_parent_form(analysis, claim, key, disabled)
    else:
        st.caption("No claims were found in this article.")

    st.markdown("**Add a claim**")
    words, nth = _words_input(key)
    source, kind = widget_key(f"{key}-add-source"), widget_key(f"{key}-add-kind")
    c1, c2 = st.columns(2)
    c1.selectbox("On whose word (direct source)", actor_options, key=source,
                 format_func=lambda i: "(no source named)" if not i else actor_label(analysis, i))
    c2.selectbox("Source kind", corrections.LINK_KINDS, index=corrections.LINK_KINDS.index("named"), key=kind)
    st.button("Add claim", key=f"{key}-add", disabled=disabled, on_click=_save,
              args=(analysis, lambda: corrections.add_claim(
                  analysis, _text(words), corrections.new_claim_chain(analysis, _v(source), _v(kind)),
                  occurrence=_nth(nth))))


def _place_label(chain, i: int) -> str:
    return f"before {i + 1} · {chain[i].label}" if i < len(chain) else "at the end"


def _insert_hop_form(analysis: Analysis, claim, actor_options: list[str], key: str, disabled: bool) -> None:
    """A hop the extraction missed: where in the chain, who (an actor, or the words), what kind."""
    st.markdown("**Insert a hop**", help="A relay or source the chain misses, e.g. the outlet a "
                "quote was taken from. A source inserted before “unattributed” replaces it.")
    chain, k = claim.chain, f"{key}-hop-{claim.id}"
    at, who_key, label, kind = (widget_key(f"{k}-{part}") for part in ("at", "actor", "label", "kind"))
    places = list(range(len(chain) + 1))
    default = len(chain) - 1 if chain and chain[-1].kind == "unattributed" else len(chain)
    c1, c2, c3, c4 = st.columns([2, 3, 2, 2], vertical_alignment="bottom")
    c1.selectbox("Where", places, index=default, key=at, format_func=lambda i: _place_label(chain, i))
    who = c2.selectbox("Its actor", actor_options, key=who_key,
                       format_func=lambda i: "(none)" if not i else actor_label(analysis, i))
    words = c3.text_input("Or its words", key=label, placeholder="e.g. Reuters")
    c4.selectbox("Kind", corrections.HOP_KINDS, index=corrections.HOP_KINDS.index("outlet"), key=kind)
    st.button("Insert hop", key=f"{key}-hop", disabled=disabled or not (who or words.strip()), on_click=_save,
              args=(analysis, lambda: corrections.insert_hop(
                  analysis, claim.id, int(_v(at)), kind=_v(kind), actor_id=_v(who_key) or None,
                  label=_text(label)),
                  None, {who_key: "", label: ""}))


def _set_parent_form(analysis: Analysis, claim, key: str, disabled: bool) -> None:
    """Re-parent a hop: the hops above it become another chain's (or only the page)."""
    if len(claim.chain) < 2:
        return
    st.markdown("**Re-parent a hop**", help="The hop came through another relay: the hops above it "
                "become the chosen chain's, or only the page's publisher.")
    hop, under_key = (widget_key(f"{key}-parent-{claim.id}-{part}") for part in ("hop", "under"))
    parents = corrections.hop_parents(analysis)
    hops = list(range(1, len(claim.chain)))
    c1, c2, c3 = st.columns([2, 4, 1], vertical_alignment="bottom")
    c1.selectbox("Hop", hops, index=len(hops) - 1, key=hop,
                 format_func=lambda i: f"{i + 1} · {claim.chain[i].label}")
    under = c2.selectbox("Hang it under", list(parents), index=None, key=under_key,
                         format_func=parents.__getitem__, placeholder="Choose a chain or the page")

    def build() -> corrections.Edit:
        return corrections.set_parent_under(analysis, claim.id, int(_v(hop)), _v(under_key))

    c3.button("Re-parent", key=f"{key}-parent", disabled=disabled or under is None, width="stretch",
              on_click=_save, args=(analysis, build, None, {under_key: None}))


# ---------------------------------------------------------------- events


def render_event_corrections(
    analysis: Analysis, focus: Focus | None, key: str, disabled: bool = False
) -> None:
    ids = [e.id for e in analysis.events]
    if ids:
        event_id = _pick("Event", ids, focus, "event", widget_key(f"{key}-pick"),
                         lambda i: event_label(analysis, i))
        render_flash(analysis, "event", key=key, disabled=disabled)  # a delete's message and its Undo
        ev = analysis.event(event_id)
        st.caption(_md(f"Evidence: “{' '.join(ev.evidence.text.split())}”{_corrected_note(ev.corrected)}"))
        # names of their own: the callbacks read them later, after the add form's are bound
        ev_start, ev_end, ev_precision = (widget_key(f"{key}-{part}-{ev.id}")
                                          for part in ("start", "end", "precision"))
        c1, c2, c3, c4 = st.columns([2, 2, 2, 1.5], vertical_alignment="bottom")
        c1.text_input("Start (YYYY-MM-DD)", value=ev.start or "", key=ev_start)
        c2.text_input("End (YYYY-MM-DD)", value=ev.end or "", key=ev_end)
        c3.selectbox("Precision", corrections.PRECISIONS, index=corrections.PRECISIONS.index(ev.precision),
                     key=ev_precision)
        c4.button("Set date", key=f"{key}-date", disabled=disabled, width="stretch", on_click=_save, args=(
            analysis, lambda: corrections.set_event_date(analysis, ev.id, _text(ev_start), _text(ev_end),
                                                         _v(ev_precision))))
        _delete_control(analysis, "event", ev.id, key, disabled)
    else:
        render_flash(analysis, "event", key=key, disabled=disabled)
        st.caption("No events were found in this article.")

    st.markdown("**Add an event**")
    words, nth = _words_input(key)
    label, start, end, precision = (widget_key(f"{key}-add-{part}") for part in ("label", "start", "end",
                                                                                  "precision"))
    st.text_input("Label", key=label)
    c1, c2, c3 = st.columns(3)
    c1.text_input("Start (YYYY-MM-DD)", key=start)
    c2.text_input("End (YYYY-MM-DD)", key=end)
    c3.selectbox("Precision", corrections.PRECISIONS, key=precision)
    st.button("Add event", key=f"{key}-add", disabled=disabled, on_click=_save, args=(
        analysis, lambda: corrections.add_event(analysis, _text(words), _text(label), _text(start),
                                                _text(end), _v(precision), occurrence=_nth(nth))))


# ---------------------------------------------------------------- the article


def _value_key(key: str, value: str | None) -> str:
    """A widget key that changes with the value shown, so a correction or an undo refills it."""
    return f"{key}-{hashlib.sha1((value or '').encode('utf-8')).hexdigest()[:8]}"


def render_article_corrections(analysis: Analysis, key: str, disabled: bool = False) -> None:
    """The page's headline, publisher and date as the analyst reads them (any article, bundled too)."""
    art = analysis.article
    st.caption("As the page names itself: the header, the chains' publisher link, the walkthrough, "
               "the report and the exports follow; a new date re-dates “yesterday”, “last week”.")
    title = _value_key(widget_key(f"{key}-title"), art.title)
    publisher = _value_key(widget_key(f"{key}-publisher"), art.publisher)
    published = _value_key(widget_key(f"{key}-published"), art.published)
    st.text_input("Headline", value=art.title or "", key=title)
    c1, c2 = st.columns([3, 2])
    c1.text_input("Publisher", value=art.publisher or "", key=publisher,
                  help="Who published the page: the head of every chain")
    c2.text_input("Date (YYYY-MM-DD)", value=art.published or "", key=published)
    st.button("Set", key=f"{key}-set", disabled=disabled, on_click=_save, args=(
        analysis, lambda: corrections.set_article(
            analysis, title=_text(title), publisher=_text(publisher), published=_text(published))))
