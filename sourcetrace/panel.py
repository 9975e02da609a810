"""What the claims panel beside every view shows, as data: every decision, none of the drawing.

`claims_panel` decides the panel's lines and cards for an analysis, a focus and the reader's
filters: the focus line, "n of N shown" and why, which claims are listed and in what order (what
the focus concerns first, a focused claim in its place), how many cards are drawn before "Show
all", and for each card its chain, whose own voice it is in, its words (cut), its badges (✎ when an
analyst's correction changed it) and its hedge. The Streamlit component
(components/claims_component) only puts these strings into the page as text and reports clicks.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sourcetrace.focus import Focus, order_claims
from sourcetrace.model import Analysis, Claim
from sourcetrace.render import KIND_LABELS
from sourcetrace.sourcing import ClaimSelection, direct_source, filter_claims, hops, voice

# source kind -> (label, badge colour): the panel's badges and the Sources view's kind labels
KIND_BADGES: dict[str, tuple[str, str]] = {
    "named": ("named source", "blue"),
    "anonymous": ("anonymous source", "orange"),
    "document": ("document", "violet"),
    "unattributed": ("own voice", "gray"),
    "outlet": ("outlet", "green"),
    "publisher": ("publisher only", "gray"),
}
FIRST_CARDS = 8  # cards drawn before "Show all"
QUOTE_CHARS = 240  # a card quotes the claim's words up to this many characters


def kind_label(kind: str) -> str:
    return KIND_BADGES.get(kind, (kind, ""))[0]


def filter_options(analysis: Analysis) -> tuple[list[str], list[str]]:
    """The panel's filter choices: the direct sources' labels and their kinds, sorted."""
    labels = sorted({direct_source(c)[0] for c in analysis.claims})
    kinds = sorted({direct_source(c)[1] for c in analysis.claims})
    return labels, kinds


def badges(claim: Claim) -> list[tuple[str, str]]:
    """(label, colour) badges of a card; the labels are ours, never article text."""
    if voice(claim) is not None:  # no source: no hops to count (the voice line says who relays it)
        out = [("own voice", "gray")]
    else:
        _, kind = direct_source(claim)
        label, colour = KIND_BADGES.get(kind, (kind, "gray"))
        n = hops(claim)
        out = [(label, colour), (f"{n} hop{'s' if n != 1 else ''}", "gray")]
    if claim.stance == "denies":
        out.append(("denial", "red"))
    if claim.hedged:
        out.append(("hedged", "orange"))
    if claim.dismissed:
        out.append(("dismissed", "gray"))
    if claim.corrected:
        out.append(("✎ corrected", "violet"))
    return out


def quote(text: str) -> str:
    """The claim's words as a card quotes them: the article's characters, cut after QUOTE_CHARS."""
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def card(claim: Claim, *, focused: bool = False) -> dict:
    """One card: its chain ending in "claim" (a claim with no source shows no "unattributed" link;
    its voice line says whose voice it is), its words, badges and hedge."""
    own = voice(claim)
    return {
        "id": claim.id,
        "chain": [
            [link.label, link.kind, KIND_LABELS.get(link.kind, link.kind)]
            for link in claim.chain if link.kind != "unattributed"
        ],
        "voice": f"No source named: {own}" if own else None,
        "text": quote(claim.content.text),
        "badges": [list(b) for b in badges(claim)],
        "hedge": claim.hedge.text if claim.hedge is not None else None,
        "focused": focused,
    }


def card_words(data: dict) -> str:
    """A card as its words read, in order (chain, voice, quote, badges, hedge): for tests and
    for every surface that compares what the panel says."""
    chain = " › ".join([*(label for label, _, _ in data["chain"]), "claim"])
    parts = [chain, data["voice"] or "", f"“{data['text']}”", " ".join(label for label, _ in data["badges"])]
    if data["hedge"] is not None:
        parts.append(f"hedge: “{data['hedge']}”")
    return " ".join(p for p in parts if p)


def shown_reasons(
    analysis: Analysis, focus: Focus | None, *, by_focus: bool, sources: Sequence[str],
    kinds: Sequence[str], selection: ClaimSelection | None,
) -> list[str]:
    """Why claims are hidden, one phrase per filter in effect (empty: every claim is listed)."""
    reasons = [selection.label(analysis) or ""] if selection else []
    if by_focus and focus:
        reasons.append(f"about the focused {focus.type}")
    if sources:
        reasons.append("source: " + ", ".join(sources))
    if kinds:
        reasons.append("kind: " + ", ".join(kind_label(k) for k in kinds))
    return reasons


def claims_panel(
    analysis: Analysis,
    focus: Focus | None,
    *,
    sources: Sequence[str] = (),
    kinds: Sequence[str] = (),
    only_focus: bool = True,
    selection: ClaimSelection | None = None,
    show_all: bool = False,
) -> dict:
    """The panel for this focus and these filters, as the component draws it.

    `selection` is the claims the reader asked to list (a sourcing figure, a source), already
    checked against the analysis. Keys: total, focus ({key, label} or None), shown ({n, total,
    why} when a filter or the selection hides claims), empty (a sentence when no card is drawn),
    cards (in order), focused (the focused claim's id when its card is drawn), more ({label,
    expanded} when there are more than FIRST_CARDS to list).
    """
    total = len(analysis.claims)
    label = focus.label(analysis) if focus else None
    out: dict = {
        "total": total,
        "focus": {"key": str(focus), "label": label} if focus and label is not None else None,
        "shown": None, "empty": None, "cards": [], "focused": None, "more": None,
    }
    if not analysis.claims:
        out["empty"] = "No claims were found in this article."
        return out
    by_focus = only_focus and focus is not None and focus.type in ("actor", "event")
    within: Collection[str] | None = selection.claim_ids(analysis) if selection else None
    shown = filter_claims(
        analysis, list(sources), list(kinds),
        focus.of("actor") if by_focus and focus else None,
        focus.of("event") if by_focus and focus else None,
        within,
    )
    reasons = shown_reasons(
        analysis, focus, by_focus=by_focus, sources=sources, kinds=kinds, selection=selection
    )
    if reasons:
        out["shown"] = {"n": len(shown), "total": total, "why": " · ".join(reasons)}
    if not shown:
        out["empty"] = "No claim matches these filters."
        return out
    # what the focus concerns comes first, so it is in view beside every view; a focused claim
    # keeps its place (order_claims), and its card is always drawn
    shown = order_claims(shown, analysis, focus)
    focus_claim = focus.of("claim") if focus else None
    limit = len(shown) if show_all else FIRST_CARDS
    at = next((i for i, claim in enumerate(shown) if claim.id == focus_claim), None)
    if at is not None and at >= limit:
        limit = at + 1
    out["cards"] = [card(c, focused=c.id == focus_claim) for c in shown[:limit]]
    out["focused"] = focus_claim if at is not None else None
    if len(shown) > FIRST_CARDS:
        out["more"] = {
            "label": f"Show the first {FIRST_CARDS}" if show_all else f"Show all {len(shown)}",
            "expanded": show_all,
        }
    return out
