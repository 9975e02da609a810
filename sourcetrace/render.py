"""One renderer per picture, shared by the dashboard and the standalone report.

- `marked_text_html`: the article text with actor mentions, claim contents, cues, boilerplate and
  the focus marked (templates/_marked_text.html);
- `chain_html`: a claim's chain publisher › outlet › source as chips (templates/_chain.html);
- `escape_markdown`: article text shown through st.markdown, read as neither HTML nor Markdown;
- `text_html`: article text placed inside our own HTML, escaped, its line breaks kept as
  character references (so a blank line can never end an HTML block in st.markdown);
- `article_view` / `article_focus`: what the dashboard's interactive article text draws (every
  run of text with its marks, the tooltips' chains, which marks a focus lights), as plain data
  for components/article_component, which only draws it;
- the report page itself (templates/report.html, filled by sourcetrace.export.to_html).

HTML comes from Jinja2 templates with autoescape on, so every string from the article is escaped
where it is placed; only our own markup and the report's inlined libraries are marked safe.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import get_args

import jinja2
from markupsafe import Markup

from sourcetrace.figures import type_color
from sourcetrace.focus import Focus, actor_ids
from sourcetrace.mentions import Mention, MentionIndex
from sourcetrace.model import ACTOR_TYPES, ActorKind, Analysis, Claim, Span
from sourcetrace.sourcing import direct_source, hops, voice

TEMPLATES = Path(__file__).parent / "templates"

# The names the app, the walkthrough and the report give the kinds of chain link.
KIND_LABELS = {
    "publisher": "publisher",
    "outlet": "outlet",
    "named": "named source",
    "anonymous": "anonymous source",
    "document": "document",
    "unattributed": "own voice",
}

_MARKDOWN_SPECIALS = "\\`*_{}[]<>()#+-.!|~:$@"
_LITERAL = {":": "&#58;", ".": "&#46;", "@": "&#64;"}  # never part of an autolink or a directive


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(kind_label=lambda kind: KIND_LABELS.get(kind, kind), type_color=type_color)
    env.filters["zip"] = lambda first, second: list(zip(first, second, strict=False))
    env.filters["text"] = text_html
    return env


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def text_html(text: str) -> Markup:
    """Article text inside our HTML: escaped, and its line breaks as `&#10;` references.

    Shown in an element with `white-space: pre-wrap`, the breaks appear as in the article; inside
    st.markdown no literal newline is left to end the HTML block and let Markdown read the rest.
    """
    escaped = html.escape(text, quote=True)
    return Markup(escaped.replace("\r\n", "&#10;").replace("\r", "&#10;").replace("\n", "&#10;"))


def escape_markdown(text: str) -> str:
    """Article text through st.markdown: no HTML, no Markdown syntax.

    Backslashes stop Markdown's syntax; ":", "@" and "." become character references, which show
    as themselves but stop what a backslash does not: GFM's links made from bare addresses
    ("https://…", "www.…", "name@host") and Streamlit's ":colour[…]" and ":emoji:" directives.
    """
    out = html.escape(text, quote=False)
    for ch in _MARKDOWN_SPECIALS:
        out = out.replace(ch, _LITERAL.get(ch, "\\" + ch))
    return out


# ---------------------------------------------------------------- chains


def chain_html(links: Iterable[tuple[str, str]], *, tail: str | None = None) -> str:
    """(label, kind) pairs, outermost first, as chips joined by ›; `tail` is a last plain chip."""
    macro = environment().get_template("_chain.html").module.chain  # type: ignore[attr-defined]
    return str(macro(list(links), tail))


def claim_chain_html(claim: Claim, *, tail: str | None = None) -> str:
    return chain_html(((link.label, link.kind) for link in claim.chain), tail=tail)


# ---------------------------------------------------------------- the marked text


@dataclass
class Piece:
    """A run of text covered by the same marks."""

    text: str
    mention: Mention | None = None
    mention_class: str = ""  # "st-ent-focus" | "st-ent-linked" | ""
    claims: list[str] = field(default_factory=list)
    claim_focus: bool = False
    cue: bool = False
    boiler: bool = False
    event_focus: bool = False
    anchors: list[Markup] = field(default_factory=list)  # our own empty or numbered links


@dataclass
class _Marks:
    index: MentionIndex
    claims: list[tuple[int, int, str]]
    cues: list[Span]
    boiler: list[Span]
    event: Span | None
    primary: str | None
    linked: set[str]
    focus_claim: str | None
    numbers: dict[str, int]

    def cuts(self, length: int) -> list[int]:
        bounds = {0, length}
        for m in self.index.mentions:
            bounds.update((m.start, m.end))
        for s, e, _ in self.claims:
            bounds.update((s, e))
        for span in [*self.cues, *self.boiler, *([self.event] if self.event else [])]:
            bounds.update((span.start, span.end))
        return sorted(b for b in bounds if 0 <= b <= length)


def _covers(spans: Iterable[Span], lo: int, hi: int) -> bool:
    return any(s.start <= lo and hi <= s.end for s in spans)


def _piece(marks: _Marks, text: str, lo: int, hi: int, anchored: set[str]) -> Piece:
    piece = Piece(text=text[lo:hi], mention=marks.index.covering(lo, hi))
    if piece.mention is not None:
        aid = piece.mention.actor.id
        piece.mention_class = (
            "st-ent-focus" if aid == marks.primary else "st-ent-linked" if aid in marks.linked else ""
        )
        if f"actor-{aid}" not in anchored:  # the first mention: where a focus scrolls to
            anchored.add(f"actor-{aid}")
            piece.anchors.append(Markup('<span class="st-anchor" id="actor-{}"></span>').format(aid))
    piece.claims = [cid for s, e, cid in marks.claims if s <= lo and hi <= e]
    piece.claim_focus = marks.focus_claim in piece.claims
    for cid in piece.claims:
        if cid not in anchored:
            anchored.add(cid)
            piece.anchors.append(_claim_anchor(cid, marks.numbers.get(cid)))
    piece.cue = _covers(marks.cues, lo, hi)
    piece.boiler = _covers(marks.boiler, lo, hi)
    piece.event_focus = marks.event is not None and _covers([marks.event], lo, hi)
    return piece


def _claim_anchor(claim_id: str, number: int | None) -> Markup:
    """An empty mark where a claim begins; a numbered one links to its card in the report.

    The number is drawn from `data-n` by CSS (::before), so it is not part of the text: the
    text box holds the article's characters and nothing else (innerText, copy and paste).
    """
    if number is None:
        return Markup('<span class="st-anchor" id="claim-{}"></span>').format(claim_id)
    numbered = '<a class="cn" id="claim-{0}" href="#c-{0}" data-n="{1}" aria-label="claim {1}"></a>'
    return Markup(numbered).format(claim_id, number)


def marked_pieces(
    analysis: Analysis,
    *,
    focus: Focus | None = None,
    visible_types: set[str] | None = None,
    claims: Iterable[Claim] | None = None,
    numbers: dict[str, int] | None = None,
    cues: bool = False,
    boilerplate: bool = False,
) -> list[Piece]:
    """The text cut at every span boundary, each piece with the marks covering it.

    `visible_types` keeps mentions of those entity types (None: all); `claims` are the claims to
    mark (None: all); `numbers` gives claims a numbered link instead of an empty anchor; `cues`
    and `boilerplate` mark attribution cues and page furniture.
    """
    text = analysis.article.text
    primary, linked = actor_ids(analysis, focus)
    event = analysis.event(focus.of("event")) if focus else None
    shown = [a for a in analysis.actors if visible_types is None or a.type in visible_types]
    marked = analysis.claims if claims is None else claims
    attributions = analysis.attributions if cues else []
    marks = _Marks(
        index=MentionIndex(
            a.model_copy(update={"mentions": [m for m in a.mentions if 0 <= m.start < m.end <= len(text)]})
            for a in shown
        ),
        claims=[(c.content.start, c.content.end, c.id) for c in marked if c.content.end > c.content.start],
        cues=[t.cue for t in attributions if not t.frame and t.cue.end > t.cue.start],
        boiler=list(analysis.article.structure.boilerplate) if boilerplate else [],
        event=event.evidence if event is not None else None,
        primary=primary,
        linked=linked,
        focus_claim=focus.of("claim") if focus else None,
        numbers=numbers or {},
    )
    bounds = marks.cuts(len(text))
    anchored: set[str] = set()
    pairs = zip(bounds, bounds[1:], strict=False)
    return [_piece(marks, text, lo, hi, anchored) for lo, hi in pairs if lo < hi]


def marked_text_html(analysis: Analysis, **options: object) -> str:
    """The marked text as HTML (the pieces, without a container); see `marked_pieces` for options."""
    return render("_marked_text.html", pieces=marked_pieces(analysis, **options))  # type: ignore[arg-type]


# ---------------------------------------------------------------- the interactive article text
#
# What components/article_component draws, decided here: the text cut into runs at every mention,
# claim and event boundary; each marked run with its classes, its actor, its claims (innermost
# first: the one a click focuses), its events, and whether it is a keyboard stop; the tooltips'
# words; and, apart, which marks a focus lights. The component only builds the DOM from this (as
# text nodes: nothing from the article is ever read as HTML) and reports clicks and selections.

_LINK_KINDS_OF_ACTORS = {"named", "anonymous", "document", "outlet", "publisher"}


def chain_text(claim: Claim) -> str:
    """The chain as one line of words, outermost first: "NCRI › al-Malaf › a U.S. embassy official"."""
    return " › ".join(link.label for link in claim.chain if link.kind != "unattributed")


def claim_tooltip(claim: Claim) -> dict:
    """What hovering a claim shows: its chain as (label, kind name) pairs and one line about it."""
    links = [[link.label, KIND_LABELS.get(link.kind, link.kind)] for link in claim.chain
             if link.kind != "unattributed"]
    own = voice(claim)
    if own is not None:
        note = f"No source named: {own}"
    else:
        kind = direct_source(claim)[1]
        n = hops(claim)
        note = f"{KIND_LABELS.get(kind, kind)} · {n} hop{'s' if n != 1 else ''}"
    extras = [word for flag, word in ((claim.stance == "denies", "denial"), (claim.hedged, "hedged"),
                                      (claim.corrected, "✎ corrected")) if flag]
    return {"chain": links, "note": " · ".join([note, *extras])}


def _claim_runs(claims: list[tuple[int, int, str]], bounds: list[int]) -> list[list[str]]:
    """For each run [bounds[i], bounds[i+1]): the ids of the claims covering it, innermost first."""
    by_start = sorted(claims)
    active: dict[str, tuple[int, int]] = {}
    nxt = 0
    out: list[list[str]] = []
    for lo in bounds[:-1]:
        while nxt < len(by_start) and by_start[nxt][0] <= lo:
            s, e, cid = by_start[nxt]
            active[cid] = (s, e)
            nxt += 1
        for cid in [cid for cid, (_, e) in active.items() if e <= lo]:
            del active[cid]
        out.append([cid for cid, _ in sorted(active.items(), key=lambda kv: (kv[1][1] - kv[1][0], kv[0]))])
    return out


def _tab_stops(runs: list[list], first_of_claim: dict[str, int]) -> None:
    """Mark the keyboard stops: where each mention begins (1) and each claim's first run that is not
    a name (2; its first run when it has only names)."""
    for i, run in enumerate(runs):
        if run[3] and (i == 0 or runs[i - 1][3] != run[3] or runs[i - 1][1] != run[0]):
            run[6] = 1
    for cid, first in first_of_claim.items():
        stop = next((j for j in range(first, len(runs)) if cid in runs[j][4] and not runs[j][3]), None)
        if stop is None:
            stop = first
        if not runs[stop][6]:
            runs[stop][6] = 2


def article_view(analysis: Analysis, *, visible_types: set[str] | None = None) -> dict:
    """The article text for the interactive view, as JSON-ready data.

    `runs` lists the marked runs only (the text between them is plain), each as
    [start, end, classes, actor id or "", claim ids innermost first, event ids, stop] where stop is
    1 for an actor's keyboard stop, 2 for a claim's, 0 otherwise. `visible_types` keeps mentions of
    those entity types (None: all).
    """
    text = analysis.article.text
    n = len(text)
    shown = [a for a in analysis.actors if visible_types is None or a.type in visible_types]
    index = MentionIndex(
        a.model_copy(update={"mentions": [m for m in a.mentions if 0 <= m.start < m.end <= n]}) for a in shown
    )
    claims = [(c.content.start, c.content.end, c.id) for c in analysis.claims
              if 0 <= c.content.start < c.content.end <= n]
    events = [(e.evidence.start, e.evidence.end, e.id) for e in analysis.events
              if 0 <= e.evidence.start < e.evidence.end <= n]
    cuts = {0, n}
    for m in index.mentions:
        cuts.update((m.start, m.end))
    for s, e, _ in claims + events:
        cuts.update((s, e))
    bounds = sorted(cuts)
    claim_ids = _claim_runs(claims, bounds)
    event_ids = _claim_runs(events, bounds)
    runs: list[list] = []
    first_of_claim: dict[str, int] = {}
    for i, (lo, hi) in enumerate(zip(bounds, bounds[1:], strict=False)):
        mention = index.covering(lo, hi)
        if mention is None and not claim_ids[i] and not event_ids[i]:
            continue
        classes = (["st-ent"] if mention else []) + (["st-claim"] if claim_ids[i] else [])
        for cid in claim_ids[i]:
            first_of_claim.setdefault(cid, len(runs))
        actor = mention.actor.id if mention else ""
        runs.append([lo, hi, " ".join(classes), actor, claim_ids[i], event_ids[i], 0])
    _tab_stops(runs, first_of_claim)
    used_actors = {run[3] for run in runs if run[3]}
    used_claims = {cid for run in runs for cid in run[4]}
    return {
        "text": text,
        "runs": runs,
        "actors": {
            a.id: {"tip": f"{' '.join(a.name.split())} · {a.type} · {a.kind}", "color": type_color(a.type),
                   "name": a.name}
            for a in shown if a.id in used_actors
        },
        "claims": {c.id: claim_tooltip(c) for c in analysis.claims if c.id in used_claims},
    }


def article_focus(analysis: Analysis, focus: Focus | None) -> dict:
    """Which marks of `article_view` a focus lights, and which one the text scrolls to.

    {"key": "actor:a3" or "", "primary": actor id, "linked": [actor ids], "claim": claim id,
    "event": event id, "target": "actor" | "claim" | "event" | ""}: the text scrolls to the first
    mention of the primary actor, the claim's first run, or the event's sentence.
    """
    primary, linked = actor_ids(analysis, focus)
    claim = focus.of("claim") if focus and analysis.claim(focus.id) else None
    event = focus.of("event") if focus and analysis.event(focus.id) else None
    target = "actor" if primary else "claim" if claim else "event" if event else ""
    return {
        "key": str(focus) if focus and target else "",
        "primary": primary or "",
        "linked": sorted(linked - {primary} if primary else linked),
        "claim": claim or "",
        "event": event or "",
        "target": target,
    }


def selection_words(text: str, start: int, end: int) -> tuple[str, int]:
    """A selection [start, end) of the text as (words, occurrence): what a correction's text target
    takes (`corrections.text_target`). Spaces around the selection are left out; ValueError when it
    holds no words or lies outside the text."""
    if not (0 <= start < end <= len(text)):
        raise ValueError("The selection is not inside the article text.")
    raw = text[start:end]
    words = raw.strip()
    if not words:
        raise ValueError("Select some words first.")
    at = start + (len(raw) - len(raw.lstrip()))
    occurrence, pos = 0, text.find(words)
    while pos != -1 and pos < at:
        occurrence += 1
        pos = text.find(words, pos + len(words))  # non-overlapping, as text_target counts them
    if pos != at:
        raise ValueError("These words overlap another place where they appear; select a little more.")
    return words, occurrence


def correction_choices(analysis: Analysis) -> dict:
    """What the text's selection popover offers: actor types and kinds for "Add as actor", and the
    sources a claim can rest on for "Add claim…" (no source first: the article's own voice)."""
    publisher = next((a.name for a in analysis.actors if a.kind == "publisher"), analysis.article.publisher)
    sources = sorted(analysis.actors, key=lambda a: (a.kind == "publisher", a.name.casefold()))
    return {
        "types": list(ACTOR_TYPES),
        "kinds": list(get_args(ActorKind)),
        "publisher": publisher or "",
        "sources": [["", "no source: the article's own voice"]]
        + [[a.id, f"{' '.join(a.name.split())} ({KIND_LABELS.get(a.kind, a.kind)})"] for a in sources],
    }


def actor_link_kind(kind: str) -> str:
    """The chain-link kind a source of this actor kind takes in a claim the reader adds."""
    return kind if kind in _LINK_KINDS_OF_ACTORS else "named"
