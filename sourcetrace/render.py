"""One renderer per picture, shared by the dashboard and the standalone report.

- `marked_text_html`: the article text with actor mentions, claim contents, cues, boilerplate and
  the focus marked (templates/_marked_text.html);
- `chain_html`: a claim's chain publisher › outlet › source as chips (templates/_chain.html);
- `escape_markdown`: article text shown through st.markdown, read as neither HTML nor Markdown;
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

import jinja2
from markupsafe import Markup

from sourcetrace.figures import type_color
from sourcetrace.focus import Focus, actor_ids
from sourcetrace.mentions import Mention, MentionIndex
from sourcetrace.model import Analysis, Claim, Span

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

_MARKDOWN_SPECIALS = "\\`*_{}[]<>()#+-.!|~:$"


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
    return env


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def escape_markdown(text: str) -> str:
    """Article text through st.markdown: no HTML, no Markdown syntax."""
    out = html.escape(text, quote=False)
    for ch in _MARKDOWN_SPECIALS:
        out = out.replace(ch, "\\" + ch)
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
            piece.anchors.append(Markup('<a class="st-anchor" id="actor-{}"></a>').format(aid))
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
    if number is None:
        return Markup('<a class="st-anchor" id="claim-{}"></a>').format(claim_id)
    return Markup('<a class="cn" id="claim-{0}" href="#c-{0}">{1}</a>').format(claim_id, number)


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
