"""Agreement between a reference and what it stands for: "he"/"she" and a person, "the bank",
"the ministry" and an organisation (`organisation_fit`); "he" and "she" are never a group.

"She added" after "Grace Obi said P. John Adeyemi said Q." is Grace Obi when the text has told
the two apart. The evidence is the article's own words, never a guess from a first name:
- an honorific or a gendered role word at a mention or in a title ("Mrs. Obi", "Ms Obi",
  "spokeswoman Grace Obi", "Obi, the company's chairwoman");
- a pronoun the person's own clause uses for them ("Adeyemi said he was disappointed", "Obi said
  her team would win"): the subject of what they say, a possessive or a reflexive, with no noun
  phrase before it and no noun subject between it and the person's verb ("Smith said the minister
  resigned because she was exhausted" says nothing of Smith);
- a pronoun source already read as that person ("Tom Baro disagreed. He said P.").
A person with no evidence, or with evidence both ways, agrees with either pronoun, so a text
that never tells who is who resolves as before (the last person who spoke).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from sourcetrace.attributions.lexicons import body_words
from sourcetrace.model import Actor
from sourcetrace.places import is_city

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


def _tied(tok: Token, verb: Token) -> bool:
    """Is every clause between `tok` and the speaker's `verb` one whose subject is a pronoun or
    holds `tok` ("Obi said her team would win")? A noun subject on the way names the one the pronoun
    stands for ("Smith said the minister resigned because she was exhausted": the minister)."""
    h = tok.head if tok.dep_ == "poss" else tok
    while h.i != verb.i:
        if h.pos_ in ("VERB", "AUX"):
            for c in h.children:
                if c.dep_ in _SUBJECTS and c.pos_ != "PRON" and not c.left_edge.i <= tok.i <= c.right_edge.i:
                    return False
        if h.head.i == h.i:
            return False
        h = h.head
    return True


def _pronouns_in_clause(root: Token, after: int) -> list[Gender]:
    """The gendered pronouns the person's own clause uses for them, the subject after `after`: a
    pronoun subject of what they say ("Adeyemi said he was disappointed"), a possessive or a
    reflexive ("Obi said her team would win", "Obi described herself as"), never an object ("Obi said
    Adeyemi told her"). The scan stops at the first noun phrase: a pronoun after it may be its."""
    verb = root.head
    found: list[Gender] = []
    for tok in verb.subtree:
        if tok.i <= after:
            continue
        if tok.pos_ in ("NOUN", "PROPN") or tok.ent_type_ == "PERSON":
            break
        g = pronoun_gender(tok.lower_)
        if g is None:
            continue
        own = tok.dep_ in _SUBJECTS or tok.dep_ == "poss" or tok.lower_ in ("himself", "herself")
        if own and _tied(tok, verb):
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


def gender_of(
    actor: Actor, doc: Doc, evidence: Callable[[int, int], list[Gender]] | None = None
) -> Gender | None:
    """The gender the article gives a named person, or None (no evidence, or both ways).
    `evidence(start, end)` reads one mention (default `_mention_evidence` on `doc`; `Agreement`
    passes its per-document memo of it)."""
    if actor.type != "PERSON":
        return None
    read = evidence or (lambda start, end: _mention_evidence(doc, start, end))
    return _one(_votes(actor, read))


def _votes(actor: Actor, read: Callable[[int, int], list[Gender]]) -> set[Gender]:
    kinds: set[Gender] = {g for t in actor.titles for w in t.split() if (g := _word_gender(w)) is not None}
    for m in actor.mentions:
        kinds.update(read(m.start, m.end))
    return kinds


def _one(kinds: set[Gender]) -> Gender | None:
    return next(iter(kinds)) if len(kinds) == 1 else None


def plural(actor: Actor, doc: Doc) -> bool:
    """An unnamed group of people ("sources", "a number of media", "residents"): its first
    mention is headed by a plural noun (or "media", "press")."""
    if actor.kind != "anonymous" or not actor.mentions:
        return False
    m = actor.mentions[0]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and root.pos_ in ("NOUN", "NUM", "PRON"):
        root = pobj  # "a number of media", "some of the officials"
    return root.tag_ in ("NNS", "NNPS") or root.lower_ in ("media", "press")


@dataclass
class _Tally:
    """The genders one person's mentions and titles gave so far, over `count` mentions."""

    count: int
    titles: tuple[str, ...]
    kinds: set[Gender]


class Agreement:
    """Cached genders of one article's actors. A mention the teller adds (`noted`) adds its own
    votes to the person's running tally, so an article of n mentions reads each once, not the
    whole list again after every one."""

    def __init__(self) -> None:
        self._tallies: dict[str, _Tally] = {}
        self._pending: dict[str, list[tuple[int, int]]] = {}
        # per mention span and per first mention: the same in every call on one document
        self._evidence: dict[tuple[int, int], list[Gender]] = {}
        self._plural: dict[tuple[str, int, int], bool] = {}

    def _mention(self, doc: Doc, start: int, end: int) -> list[Gender]:
        key = (start, end)
        if key not in self._evidence:
            self._evidence[key] = _mention_evidence(doc, start, end)
        return self._evidence[key]

    def noted(self, actor: Actor, start: int, end: int) -> None:
        """A mention just added to `actor.mentions`: read into the tally at the next `gender`."""
        self._pending.setdefault(actor.id, []).append((start, end))

    def gender(self, actor: Actor, doc: Doc) -> Gender | None:
        if actor.type != "PERSON":
            return None
        read = lambda s, e: self._mention(doc, s, e)  # noqa: E731
        tally, pending = self._tallies.get(actor.id), self._pending.pop(actor.id, [])
        titles = tuple(actor.titles)
        if tally is None or tally.titles != titles or tally.count + len(pending) != len(actor.mentions):
            # first read, or mentions or titles changed behind the teller's back: all again
            tally = self._tallies[actor.id] = _Tally(len(actor.mentions), titles, _votes(actor, read))
        else:
            for start, end in pending:
                tally.kinds.update(read(start, end))
            tally.count += len(pending)
        return _one(tally.kinds)

    def plural(self, actor: Actor, doc: Doc) -> bool:
        if actor.kind != "anonymous" or not actor.mentions:
            return False
        key = (actor.id, actor.mentions[0].start, actor.mentions[0].end)
        if key not in self._plural:
            self._plural[key] = plural(actor, doc)
        return self._plural[key]

    def agrees(self, actor: Actor, pronoun: str, doc: Doc) -> bool:
        """Can this pronoun stand for this actor? A person of unknown gender agrees with both;
        "he" and "she" are never a group ("a number of media", "sources")."""
        wanted = pronoun_gender(pronoun)
        if wanted is not None and self.plural(actor, doc):
            return False
        got = self.gender(actor, doc)
        return wanted is None or got is None or got == wanted

    def known(self, actor: Actor, pronoun: str, doc: Doc) -> bool:
        """Does the article say this person is of the pronoun's gender?"""
        wanted = pronoun_gender(pronoun)
        return wanted is not None and self.gender(actor, doc) == wanted


# ---- "the bank", "the ministry", "the party": which organisation a description can stand for

# a description's head and the name words that make an organisation of its sort ("Zenith Bank" is
# a bank, "Ministry of Finance" a ministry); a head not listed is its own word
_CARS = frozenset({"motors", "motor", "auto", "automotive", "automobile", "cars", "automaker", "carmaker"})
_SORTS: dict[str, frozenset[str]] = {
    "bank": frozenset({"bank", "bancorp"}),
    "lender": frozenset({"bank", "bancorp", "lender"}),
    "airline": frozenset({"airline", "airlines", "airways", "air"}),
    "carrier": frozenset({"airline", "airlines", "airways", "telecom", "carrier"}),
    "insurer": frozenset({"insurance", "assurance", "insurer"}),
    "club": frozenset({"club", "fc"}),
    "fund": frozenset({"fund", "capital", "investment", "investments", "management", "asset", "assets"}),
    "organization": frozenset({"organization", "organisation"}),
    "organisation": frozenset({"organization", "organisation"}),
    "automaker": _CARS,
    "carmaker": _CARS,
    "drugmaker": frozenset({"pharma", "pharmaceutical", "pharmaceuticals", "drugmaker"}),
    "steelmaker": frozenset({"steel", "steelmaker"}),
    "brewer": frozenset({"brewery", "breweries", "brewing", "brewer"}),
}
# what a group stands for, which makes "the advocacy group", "the rights group" no company: an
# association, a movement or a body ("Natural Resources Defense Council"), never "P&G Co"
CAUSE_WORDS = frozenset(
    {
        "advocacy", "environmental", "environment", "rights", "campaign", "campaigning", "lobby",
        "lobbying", "pressure", "activist", "militant", "rebel", "opposition", "conservation",
        "watchdog", "consumer", "civic", "charity", "humanitarian", "religious", "islamist", "terror",
        "terrorist", "armed", "separatist", "protest", "interest", "nonprofit", "non-profit",
    }
)  # fmt: skip
_CAUSE_SORT = frozenset(
    {
        "group", "council", "committee", "union", "party", "organization", "organisation", "network",
        "coalition", "alliance", "front", "movement", "league", "association", "foundation",
        "federation", "watch", "campaign", "society", "institute", "center", "centre", "project",
    }
)  # fmt: skip
# heads any company answers to ("the company", "the group")
_COMPANY_HEADS = frozenset(
    {
        "company", "firm", "corporation", "conglomerate", "business", "group", "maker",
        "manufacturer", "operator", "developer", "retailer", "miner", "bank", "lender", "insurer",
        "carrier", "airline", "fund", "automaker", "carmaker", "chipmaker", "drugmaker", "steelmaker",
        "brewer", "producer", "supplier", "exporter", "provider",
    }
)  # fmt: skip
_ANY_COMPANY = frozenset({"company", "firm", "group", "business", "corporation", "conglomerate"})
_SORT_WORDS = frozenset(w for words in _SORTS.values() for w in words)
# name words of a trade ("Kivuli Mining", "Apex Motors"): not "the bank", not "the fund"
_TRADES = frozenset(
    {
        "mining", "energy", "motors", "pharmaceuticals", "petroleum", "oil", "steel", "telecom",
        "telecommunications", "news", "shimbun", "media", "insurance", "airlines", "airways",
    }
)  # fmt: skip
# words that make an organisation a public or political body, never "the company"
# (data/body_words.txt without the institutions a company may be named for: "Zenith Bank")
_BODY_WORDS = body_words(institutions=False)


def _name_words(actor: Actor) -> set[str]:
    return {w.strip(".,'’()").lower() for n in (actor.name, *actor.aliases) for w in n.split()}


def organisation_fit(actor: Actor, head: str, company_words: frozenset[str]) -> int:
    """How well a definite description ("the bank", head lemma `head`) fits an organisation: 2
    when its name says it is of that sort ("Zenith Bank", "Ministry of Finance", "the Labour
    Party"), 0 when its name or type says it is of another sort ("the ministry" is not "Zenith
    Bank", "the company" not a party or a country), 1 when nothing tells."""
    words = _name_words(actor)
    if head == "cause group":
        # "the advocacy group": an association by its name (2), never a company or a public body (0)
        if words & _CAUSE_SORT:
            return 2
        return 0 if words & (company_words | _BODY_WORDS) or actor.type in ("GPE", "NORP") else 1
    own = _SORTS.get(head, frozenset({head}))
    if words & own:
        return 2
    if head in _COMPANY_HEADS:
        if actor.type in ("GPE", "NORP") or words & _BODY_WORDS:
            return 0
        if head in _ANY_COMPANY:
            return 2 if words & company_words else 1  # "Acme Corp", "Kivuli Mining Ltd"
        # "the bank" is not "Kivuli Mining": a name with another trade's word is of that trade
        return 0 if words & ((_TRADES | _SORT_WORDS) - own) else 1
    if head == "government" and actor.type in ("GPE", "NORP"):
        # "Iran said ... the government added"; but "Police in Lisbon said ... The government said"
        # is not Lisbon's: a city is no government (a city that is a country is one: "Singapore")
        return 0 if actor.type == "GPE" and is_city(actor.name) else 1
    if actor.type == "GPE" and head in _CITY_CLUBS:
        return 1  # "Barcelona announced ... The club said": a club named after its city
    if actor.type == "GPE" or (actor.type == "NORP" and head not in _PEOPLES_BODIES):
        return 0  # "the union", "the council", "the ministry" are no city, no country and no people
    return 0 if words & ((_BODY_WORDS | _SORT_WORDS | company_words) - own) else 1


# what a people or a political camp (an NORP name: "Democrats", "Republicans") may be called
_PEOPLES_BODIES = frozenset({"party", "organisation", "organization"})
# what a team named after its city is called
_CITY_CLUBS = frozenset({"club", "team", "side", "squad", "franchise"})


# ---- "the CEO", "the chief executive": one office, two ways of writing it

_OFFICES = (
    ("chief executive", "ceo"),
    ("chief financial officer", "cfo"),
    ("chief operating officer", "coo"),
    ("chief technology officer", "cto"),
    ("member of parliament", "mp"),
)


# who speaks for a body, by any of its names: "Public Relations Officer Ana Lima ... the spokesperson"
SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_SPEAKS_FOR_OFFICES = ("public relations officer", "press secretary", "press officer", "press attache",
                       "press attaché", "information officer", "communications director")


def title_word_set(actor: Actor) -> set[str]:
    """The words of a person's titles, with an office's other spelling ("Acme CEO" is a chief
    executive, "chief executive of Acme" a CEO), for "the CEO" / "the chief executive"; a body's
    press secretary or public relations officer is its spokesperson."""
    words = literal_title_words(actor)
    text = " ".join(" ".join(t.lower().split()) for t in actor.titles)
    for long, short in _OFFICES:
        if long in text:
            words.add(short)
        if short in words:
            words |= set(long.split())
    if words & SPEAKS_FOR or any(
        re.search(rf"(?<!chief )\b{re.escape(office)}\b", text) for office in _SPEAKS_FOR_OFFICES
    ):
        words |= SPEAKS_FOR  # not a "chief information officer"
    return words


def literal_title_words(actor: Actor) -> set[str]:
    """The words of a person's titles as written, without other spellings or synonyms."""
    return {w.lower().strip(".,") for t in actor.titles for w in t.split()}
