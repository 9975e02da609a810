"""The Sources view: the article's sourcing profile, then one row per source.

Every figure and every row comes from sourcetrace.sourcing; clicking one makes it the session's
claim selection, so the claims panel beside the view lists exactly the claims behind it. Article
strings are escaped where they are placed (render.text_html: line breaks kept as references), never
read as Markdown or HTML.
"""

from __future__ import annotations

import zlib

import streamlit as st

from components import session
from components.claims import KIND_BADGES, PANEL_CSS, crumbs_html
from sourcetrace.model import Analysis
from sourcetrace.render import text_html as text
from sourcetrace.sourcing import MEASURES, ClaimSelection, SourceRow, source_rows, sourcing_profile

SAID_CHARS = 220  # a claim longer than this is cut in the row (the panel shows it whole)

SOURCES_CSS = """
<style>
.st-src { display: grid; grid-template-columns: minmax(11rem, 1fr) 2.2fr; gap: 0.3rem 1.2rem;
  font-size: 0.9rem; line-height: 1.45; }
@media (max-width: 1100px) { .st-src { grid-template-columns: 1fr; } }
.st-src .who { font-weight: 600; font-size: 1rem; overflow-wrap: anywhere; }
.st-src .kind { display: inline-block; font-size: 0.75rem; font-weight: 500; border-radius: 0.4rem;
  padding: 0 0.45rem; margin-left: 0.35rem; vertical-align: 0.08rem; background: #eef1f5; color: #3d4651; }
.st-src .k-anonymous { background: #fdebd3; color: #8a4b00; }
.st-src .k-named { background: #e1ecfb; color: #1d4f91; }
.st-src .k-document { background: #efe6fb; color: #5b2e91; }
.st-src .k-outlet { background: #e2f4e5; color: #22683a; }
.st-src .meta { color: #5b6570; font-size: 0.82rem; margin-top: 0.2rem; overflow-wrap: anywhere; }
.st-src .meta .st-crumbs { display: inline; font-size: 0.82rem; }
.st-src .declined { color: #8a4b00; font-size: 0.82rem; margin-top: 0.2rem; }
.st-src ul { margin: 0; padding-left: 1.1rem; }
.st-src li { margin: 0 0 0.2rem; overflow-wrap: anywhere; white-space: pre-wrap; }
.st-src .form { font-size: 0.72rem; color: #5b6570; text-transform: uppercase; letter-spacing: 0.04em;
  margin-right: 0.3rem; }
.st-src .none { color: #5b6570; font-style: italic; }
/* one height for the four figures: their labels wrap onto up to three lines on a laptop screen */
.st-key-sources-profile button { min-height: 5.2rem; width: 100%; }
@media (max-width: 1439px) { .st-key-sources-profile button { min-height: 6.4rem; } }
.st-profile-notes { color: #46505c; font-size: 0.86rem; line-height: 1.45; margin-bottom: 0.6rem; }
.st-key-sources-profile button p { font-size: 0.92rem; line-height: 1.3; }
.st-key-sources-profile button strong { font-size: 1.5rem; display: block; }
</style>
"""


def render_sources(analysis: Analysis, key: str) -> None:
    st.markdown(PANEL_CSS + SOURCES_CSS, unsafe_allow_html=True)
    selection = session.get_selection(analysis)
    _profile(analysis, selection, key)
    rows = source_rows(analysis)
    st.markdown(f"#### Sources · {len(rows)}")
    if not rows:
        st.info("No source is named in this article: every claim rests on its own voice.")
        return
    st.caption("Who the claims rest on, what each says, who passed it on and who declined to comment. "
               "Click a row's button to list its claims in the panel.")
    for row in rows:
        _row(row, selection, key)


def _profile(analysis: Analysis, selection: ClaimSelection | None, key: str) -> None:
    profile = sourcing_profile(analysis)
    total = len(profile.claims)
    st.markdown(f"#### Sourcing profile · {total} claim{'s' if total != 1 else ''}")
    if not total:
        st.info("No claims were found in this article.")
        return
    with st.container(key=f"{key}-profile"):
        # four equal columns side by side (one above the other on a narrow screen)
        columns = st.columns(len(MEASURES), gap="small")
        for column, (measure, rests_on) in zip(columns, MEASURES.items(), strict=True):
            chosen = ClaimSelection(type="measure", id=measure)
            active = selection == chosen
            n = len(profile.of(measure))
            column.button(
                f"**{n}** of {total} rest on {rests_on}", key=f"{key}-measure-{measure}",
                type="primary" if active else "secondary",
                on_click=_select, args=(None if active else chosen,),
                help="List these claims in the panel" if not active else "Show every claim again",
                disabled=n == 0 and not active, width="stretch", wrap=True,
            )
    notes = []
    declined = [r.label for r in source_rows(analysis) if r.declined]
    notes.append(
        "Declined to comment: " + ", ".join(text(label) for label in declined) if declined
        else "Nobody is recorded as declining to comment"
    )
    if profile.top_source:
        top = text(profile.top_source)
        notes.append(f"Most relied-on source: {top} ({profile.top_source_claims} claims)")
    if profile.outlets:
        notes.append("Relayed from: " + ", ".join(text(o) for o in profile.outlets))
    if notes:
        st.markdown(f'<div class="st-profile-notes">{" · ".join(notes)}</div>', unsafe_allow_html=True)


def row_html(row: SourceRow) -> str:
    """One source as HTML: who and what kind, who passed it on, what it declined; what it says."""
    kind_label = KIND_BADGES.get(row.kind, (row.kind, ""))[0]
    left = [f'<div class="who">{text(row.label)}<span class="kind k-{text(row.kind)}">'
            f"{text(kind_label)}</span></div>"]
    if row.aliases:
        left.append('<div class="meta">also: ' + text(", ".join(row.aliases)) + "</div>")
    for path in row.passed_on_by:
        left.append(f'<div class="meta">passed on by {crumbs_html(list(path))}</div>')
    if row.relayed:
        n = len(row.relayed)
        plural = "s" if n != 1 else ""
        left.append(f'<div class="meta">passes on {n} claim{plural} of a source behind it</div>')
    for cue in row.declined:
        left.append(f'<div class="declined">{text(cue)}</div>')
    if row.said:
        items = []
        for said in row.said:
            words = said.text if len(said.text) <= SAID_CHARS else said.text[: SAID_CHARS - 1].rstrip() + "…"
            items.append(f'<li><span class="form">{said.form}</span>“{text(words)}”</li>')
        right = "<ul>" + "".join(items) + "</ul>"
    else:
        right = '<span class="none">no claim rests on it</span>'
    return f'<div class="st-src"><div>{"".join(left)}</div><div>{right}</div></div>'


def _row(row: SourceRow, selection: ClaimSelection | None, key: str) -> None:
    chosen = ClaimSelection(type="source", id=row.id)
    active = selection == chosen
    with st.container(border=True, key=f"{key}-row-{css_key(row.id)}", gap="small"):
        st.markdown(row_html(row), unsafe_allow_html=True)
        if row.said:
            n = len(row.said)
            st.button(
                ":material/filter_alt: Show all claims again" if active
                else f":material/filter_alt: List its {n} claim{'s' if n != 1 else ''} in the panel",
                key=f"{key}-pick-{css_key(row.id)}", type="primary" if active else "tertiary",
                on_click=_select, args=(None if active else chosen,),
            )


def css_key(source_id: str) -> str:
    """A source id as part of a widget key and CSS class: an actor id as it is ("a22"), the id of a
    source without an actor (it holds text) as a checksum."""
    if source_id.isalnum():
        return source_id
    return f"x{zlib.crc32(source_id.encode('utf-8')):08x}"


def _select(selection: ClaimSelection | None) -> None:
    session.set_selection(selection)
