"""Agreement between a personal pronoun and the named person it stands for.

"She added" after "Grace Obi said P. John Adeyemi said Q." is Grace Obi when the text has told
the two apart. The evidence is the article's own words, never a guess from a first name:
- an honorific or a gendered role word at a mention or in a title ("Mrs. Obi", "Ms Obi",
  "spokeswoman Grace Obi", "Obi, the company's chairwoman");
- a pronoun the person's own clause uses for them ("Adeyemi said he was disappointed", "Obi said
  her team would win"), when no other person is named in between;
- a pronoun source already read as that person ("Tom Baro disagreed. He said P.").
A person with no evidence, or with evidence both ways, agrees with either pronoun, so a text
that never tells who is who resolves as before (the last person who spoke).
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Token

from sourcetrace.model import Actor

Gender = Literal["m", "f"]

_PRONOUNS: dict[str, Gender] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
# honorifics and role words that say who a person is; "-man" compounds lean male
_WORDS: dict[str, Gender] = {
    **dict.fromkeys(
        "mr mister sir lord king prince duke earl baron emperor sultan spokesman chairman congressman "
        "businessman councilman assemblyman alderman policeman sportsman statesman father husband son "
        "brother uncle nephew grandfather grandson boyfriend widower".split(),
        "m",
    ),
    **dict.fromkeys(
        "mrs ms miss madam madame mme lady dame queen princess duchess countess baroness empress "
        "spokeswoman chairwoman congresswoman businesswoman councilwoman assemblywoman policewoman "
        "sportswoman stateswoman actress mother wife daughter sister aunt niece grandmother "
        "granddaughter girlfriend widow".split(),
        "f",
    ),
}
_SUBJECTS = ("nsubj", "nsubjpass")


def pronoun_gender(word: str) -> Gender | None:
    return _PRONOUNS.get(word.lower())


def _word_gender(word: str) -> Gender | None:
    return _WORDS.get(word.lower().strip(".,'’"))


def _pronouns_in_clause(root: Token, after: int) -> list[Gender]:
    """The gendered pronouns of the clause whose subject ends at `after`, up to the next person
    the clause names ("Obi said Adeyemi told her" stops at Adeyemi)."""
    verb = root.head
    found: list[Gender] = []
    for tok in verb.subtree:
        if tok.i <= after:
            continue
        if tok.ent_type_ == "PERSON":
            break
        g = pronoun_gender(tok.lower_)
        if g is not None:
            found.append(g)
    return found


def _mention_evidence(doc: Doc, start: int, end: int) -> list[Gender]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    if len(span) == 1 and pronoun_gender(span[0].text) is not None:
        # a pronoun already read as this person ("He said" after "Tom Baro disagreed"): the same
        # person is not "she" a sentence later
        return [pronoun_gender(span[0].text)]  # type: ignore[list-item]
    # the words of the mention ("the spokeswoman") and the one right before ("Mrs. Obi",
    # "spokeswoman Grace Obi"; not "the wife of John Adeyemi")
    words = [*span, *doc[max(0, span.start - 1) : span.start]]
    votes = [g for t in words if (g := _word_gender(t.text)) is not None]
    root = span.root
    # "Obi, the company's chairwoman," / "The company's chairwoman, Grace Obi,"
    roles = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        roles.append(root.head)
    votes += [g for r in roles if (g := _word_gender(r.text)) is not None]
    if root.dep_ in _SUBJECTS and root.head.pos_ in ("VERB", "AUX"):
        votes += _pronouns_in_clause(root, span.end - 1)
    return votes


def gender_of(actor: Actor, doc: Doc) -> Gender | None:
    """The gender the article gives a named person, or None (no evidence, or both ways)."""
    if actor.type != "PERSON":
        return None
    votes = [g for t in actor.titles for w in t.split() if (g := _word_gender(w)) is not None]
    for m in actor.mentions:
        votes += _mention_evidence(doc, m.start, m.end)
    kinds = set(votes)
    return kinds.pop() if len(kinds) == 1 else None


class Agreement:
    """Cached genders of one article's actors."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], Gender | None] = {}

    def gender(self, actor: Actor, doc: Doc) -> Gender | None:
        key = (actor.id, len(actor.mentions))
        if key not in self._cache:
            self._cache[key] = gender_of(actor, doc)
        return self._cache[key]

    def agrees(self, actor: Actor, pronoun: str, doc: Doc) -> bool:
        """Can this pronoun stand for this actor? A person of unknown gender agrees with both."""
        wanted = pronoun_gender(pronoun)
        got = self.gender(actor, doc)
        return wanted is None or got is None or got == wanted

    def known(self, actor: Actor, pronoun: str, doc: Doc) -> bool:
        """Does the article say this person is of the pronoun's gender?"""
        wanted = pronoun_gender(pronoun)
        return wanted is not None and self.gender(actor, doc) == wanted
