"""A correction from words the reader selected in the article text (the Article view's popover).

The popover sends an action (`op`, the selection's `start`/`end`, and the type, kind or source the
reader chose); this module decides what it means: which words and which occurrence of them, the
defaults, and which `sourcetrace.corrections` operation builds the edit. The component only draws.
"""

from __future__ import annotations

from sourcetrace import corrections, render
from sourcetrace.model import ACTOR_TYPES, Analysis

DEFAULT_TYPE = "ORG"  # a selected name the NER missed is most often an organisation or outlet
DEFAULT_KIND = "named"


def edit_from_selection(analysis: Analysis, action: dict) -> corrections.Edit:
    """The Edit an action of the selection popover asks for ("add_actor" or "add_claim")."""
    words, nth = render.selection_words(analysis.article.text, int(action["start"]), int(action["end"]))
    if action.get("op") == "add_actor":
        kind = str(action.get("kind") or DEFAULT_KIND)
        type_ = str(action.get("type") or DEFAULT_TYPE)
        if type_ not in ACTOR_TYPES:
            raise ValueError(f"“{type_}” is not an actor type.")
        return corrections.AddActor.build(analysis, words, type=type_, kind=kind, occurrence=nth)
    if action.get("op") == "add_claim":
        source = analysis.actor(str(action.get("source") or "")) if action.get("source") else None
        if action.get("source") and source is None:
            raise ValueError("That source is no longer an actor of this article.")
        kind = render.actor_link_kind(source.kind) if source else "unattributed"
        chain = corrections.new_claim_chain(analysis, source.id if source else None, kind)
        return corrections.AddClaim.build(analysis, words, chain, occurrence=nth)
    raise ValueError("Unknown correction.")
