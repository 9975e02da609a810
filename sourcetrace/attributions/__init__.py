"""Attributions: source + cue + content, nested, with document frames.

One pass over the parsed `Doc` (no second `nlp()` call), module by module:

* `lexicons` — the lexicons in data/ (reporting verbs and their tags, nouns, denials, hedges);
* `cues` — THE one place where a token is decided to be a cue candidate (`is_cue`,
  `cue_candidates`); a learned cue scorer plugs in there;
* `verbs` — a reporting verb's source, cue and content, decided by `VERB_RULES`, an ordered tuple
  of named rules; `nouns` — "according to X" and noun cues ("the claim that ...", "raised questions
  about X"); `impressions` — "X seemed to Y", "X is expected to Y" (no source) and attitude
  adjectives ("is confident that P");
* `quotes` — quotations, punctuation cues (speaker labels, dash credits), quotes that carry on
  (in the sentence, the next sentence or the next paragraph);
* `twohop` — two tellers in one sentence ("X, citing Y, said", "Y was quoted by X as saying",
  "a memo seen by X"); `denials` — a denied report is two claims, never the denier's assertion;
* `nesting` — an attribution whose cue lies inside another's content is its child; one outside
  every content is a child of the innermost frame around it;
* `sources` — sources resolved to actors: named actors from the actors stage, plus anonymous
  people ("a U.S. embassy official ...", later "the source", "he") and documents created here;
* `responses` — no-comment responses ("declined to comment"): recorded, never claims;
* `stage` — document frames (the page's publisher, datelines that hand the text to another
  outlet), the headline cue, and `find_attributions`, the stage itself.

Every rule in `RULES` can be switched off by name (`Settings(disabled_rules=...)`, `python -m
sourcetrace evaluate DIR --without RULE[,RULE]`) to measure what it contributes; `python -m
sourcetrace.attributions.ablation DIR` prints what each contributes on a BRAT folder (F1 with the
rule off minus F1 with every rule on). The table for PolNeAR dev is in README.md beside this file.
"""

from sourcetrace.attributions.base import Found, Range, Rule
from sourcetrace.attributions.clauses import drop_opening_conjunction
from sourcetrace.attributions.cues import cue_candidates, is_cue
from sourcetrace.attributions.lexicons import DATA_DIR, Lexicons, find_hedge, lexicons
from sourcetrace.attributions.stage import (
    RULE_NAMES,
    RULES,
    Sourcing,
    check_rules,
    find_attributions,
    find_sourcing,
)
from sourcetrace.attributions.verbs import VERB_RULES
from sourcetrace.mentions import MentionIndex  # re-exported: one index for every stage
from sourcetrace.spans import quote_regions

__all__ = [
    "DATA_DIR",
    "RULES",
    "RULE_NAMES",
    "VERB_RULES",
    "Found",
    "Lexicons",
    "MentionIndex",
    "Range",
    "Rule",
    "Sourcing",
    "check_rules",
    "cue_candidates",
    "drop_opening_conjunction",
    "find_attributions",
    "find_hedge",
    "find_sourcing",
    "is_cue",
    "lexicons",
    "quote_regions",
]
