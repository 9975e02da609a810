"""Source resolution: the actor a source phrase refers to, and the kind of the link.

Named actors come from the actors stage (found by mention offsets); anonymous people ("a U.S.
embassy official ...", later "the source", "he"), documents and frame outlets are created here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import Any

from spacy.tokens import Token

from sourcetrace.actors import (
    company_words,
    institution_heads,
    is_company_word,
    is_outlet_name,
    person_nouns,
    title_words,
)
from sourcetrace.attributions.agreement import (
    CAUSE_WORDS,
    SPEAKS_FOR,
    Agreement,
    literal_title_words,
    organisation_fit,
    plural,
    title_word_set,
)
from sourcetrace.attributions.base import Found, Range, after_comma, np_range, tok_end
from sourcetrace.attributions.clauses import is_line_wrap, which_thing
from sourcetrace.attributions.lexicons import body_words, can_tell, demonyms, inanimate, lexicons
from sourcetrace.mentions import MentionIndex
from sourcetrace.model import Actor
from sourcetrace.places import states_and_countries
from sourcetrace.spans import make_span, trim
from sourcetrace.structure import is_known_outlet

_DEFINITE = {"the", "this", "that", "these", "those", "same"}
# possessives too: "his claim that P", "its statement that P" (a noun cue's owner is its teller)
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "they", "them", "its", "their"}
_RELATIVE = {"that", "which", "who"}
_SUBJECTS = ("nsubj", "nsubjpass")
_MEDIA = {"media", "news", "broadcasting", "publishing", "newspaper", "press", "television", "tv", "tabloid"}
_EVIDENCE_LEMMAS = {"show", "prove", "indicate", "demonstrate"}  # what evidence does, not people
_REPORTING_LEMMAS = {"report", "publish", "write", "quote", "cite", "broadcast", "carry", "air", "according"}
# verbs that make their subject the issuer of a document object ("issued a statement")
_ISSUING = {
    "issue",
    "release",
    "publish",
    "send",
    "post",
    "circulate",
    "file",
    "write",
    "sign",
    "put",
    "distribute",
}
_SEEN = {"see", "obtain", "review", "view", "read", "examine", "access", "acquire", "sight"}  # not the owner
_BROKEN = {"break", "publish", "carry", "air", "broadcast", "print", "run"}  # "the report was broken by X"
_PASSED_ON = {"publish", "print", "carry", "air", "broadcast", "post", "leak"}  # by an outlet: not its own
_RELATIVE_TAIL = re.compile(r",\s*(?:which|who|that)\b")
_NEWS_KIN = {"news", "story", "report", "scoop"}  # one story, however the text names it again
_REPORT_DOCS = {"report", "story", "article", "dispatch"}  # what an outlet publishes
# papers through which their sender speaks, whoever it is ("the ministry's statement said")
_MESSAGES = {
    "statement", "letter", "email", "e-mail", "release", "communique", "announcement", "tweet", "post",
}
_NEWS_PIECES = {"article", "story", "dispatch", "column", "editorial"}  # made by outlets only
# "paper" is a newspaper ("the paper said") unless a word makes it a document
_PAPER_KINDS = {
    "white", "green", "cabinet", "policy", "discussion", "position", "research", "working",
    "consultation", "briefing", "strategy", "defense", "defence", "budget", "government", "draft",
}
_PAGES = {"website", "site", "page", "account"}  # published by whoever owns them: documents
# standing texts: "FIFA rules state that P" is the rules', not a statement FIFA makes
_PAGES |= {"rule", "regulation", "guideline", "constitution", "charter", "treaty"}
# bodies that issue documents ("a statement from the office of X")
_STATEMENTS = {"statement", "release", "communique", "announcement"}
_SPOKEN = {"statement", "communique"}  # what a teller says, never a paper of its own ("the release" may be)
_BODIES = {"office", "ministry", "department", "bureau", "commission", "council", "agency", "authority"}
_NAMED_NEXT_SENTENCES = 2  # sentences after a description where the name it stands for may come
_ISSUER_WINDOW = 400  # tokens looked back for "X issued a statement" before "the statement said"
# unnamed people who speak on the record for a body ("a Rosneft spokesman", "spokespeople for the
# journals"): the body stands behind the words, so the link is named, not anonymous
_ON_RECORD = {
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "representative",
}
# words for a kind of office-holder and the title words they cover (empty: any title), for "the
# official" after "Oil Minister X"
_LAWMAKERS = frozenset({"senator", "sen", "congressman", "congresswoman", "representative", "rep", "mp"})
_HYPERNYMS: dict[str, frozenset[str]] = {
    "official": frozenset(),
    "diplomat": frozenset({"ambassador", "envoy", "consul", "diplomat", "attache"}),
    "lawmaker": _LAWMAKERS,
    "legislator": _LAWMAKERS,
}
_OFF_RECORD = (
    "anonymity", "anonymous", "unnamed", "not to be named", "not be named", "not to be identified",
    "not be identified", "declined to be named", "declined to be identified", "not authorized",
    "not authorised",
)
# a cue noun with no source of its own names its teller: unnamed press reports are news media
# ("growing media reports that P"), rumours are nobody the text can name
_TELLING_NOUNS = {"report": "outlet", "story": "outlet", "rumor": "anonymous", "rumour": "anonymous"}
# how a news outlet tells its own scoop: "Sky News has learnt that P", "just-food understands P",
# "the Lisbon Post can reveal P" (a person who "has learnt" or "understands" stays a person)
_SCOOP = re.compile(
    r"\bunderstands\b|\b(?:has|have)\s+(?:\w+\s+)?learn(?:t|ed)\b|\bcan\s+(?:\w+\s+)?reveal\b", re.IGNORECASE
)
_SCOOP_LEMMAS = frozenset({"understand", "learn", "reveal"})
# a name followed by what it is, in lower case: "Interfax news agency", "Kompas daily", "ARD television"
_MEDIA_TAIL = re.compile(
    r"\b\w[\w.-]*\s+(?:news\s+agency|newspaper|daily|broadcaster|news\s+(?:website|channel|portal)"
    r"|(?:tv|television)(?:\s+channel)?|radio(?:\s+station)?|news\s+outlet)\W*$"
)


def norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


class ActorBook:
    """The actors list, extended in place with new anonymous, document and outlet actors."""

    def __init__(self, text: str, actors: list[Actor]):
        self.text = text
        self.actors = list(actors)
        self.history: list[Actor] = []  # source actors in reading order, for "he"/"the source"
        self.issuers: dict[str, Actor] = {}  # document head lemma -> who issued it ("Kyodo" report)
        self.reporters: set[str] = set()  # actors that reported something ("X reported"): outlets
        # every teller resolved so far, in reading order, with no actor too ("The police said"):
        # whom "the statement" refers to when no issuer was named (`_speech_referred`)
        self.tellers: list[tuple[Found, Actor | None, str]] = []
        self._referred: set[int] = set()  # offsets of statements read as the last teller's words
        self.agreement = Agreement()  # "she" is not a person the text calls "Mr"
        self._next = 1 + max((int(a.id[1:]) for a in actors if a.id[1:].isdigit()), default=0)
        self._names: dict[str, list[Actor]] = {}
        for actor in self.actors:
            self._index_name(actor)
        self.index = MentionIndex(self.actors)
        self._roles: dict[str, list[tuple[int, int, Actor]]] | None = None  # see _role_entries
        self._roles_doc = None
        self._roles_new: list[tuple[Any, Actor]] = []
        self._roles_seq = 0

    def _index_name(self, actor: Actor) -> None:
        for name in {norm(actor.name), *(norm(a) for a in actor.aliases)}:
            self._names.setdefault(name, []).append(actor)

    def named(self, name: str, kinds: tuple[str, ...] | None = None) -> Actor | None:
        """The first actor called `name` (canonical name or alias), optionally of these kinds."""
        return next((a for a in self._names.get(norm(name), []) if not kinds or a.kind in kinds), None)

    def reindex(self) -> None:
        self.index = MentionIndex(self.actors)

    def new(self, name: str, type_: str, kind: str) -> Actor:
        actor = Actor(id=f"a{self._next}", name=name, type=type_, kind=kind)  # type: ignore[arg-type]
        self._next += 1
        self.actors.append(actor)
        self._index_name(actor)
        return actor

    def mention(self, actor: Actor, r: Range) -> None:
        span = make_span(self.text, *r)
        if all((m.start, m.end) != (span.start, span.end) for m in actor.mentions):
            actor.mentions.append(span)
            actor.mentions.sort(key=lambda m: m.start)
            if self._roles is not None:
                self._roles_new.append((span, actor))
            self.agreement.noted(actor, span.start, span.end)

    def frame_actor(self, name: str, r: Range | None, kind: str) -> Actor:
        """The publisher/outlet actor named `name`; created when the actors stage has none."""
        actor = None
        if r is not None:
            found = self.index.at(*r)
            if found is not None and norm(name) in norm(found.name) + " " + " ".join(
                norm(a) for a in found.aliases
            ):
                actor = found
        actor = actor or self.named(name)
        if actor is None:
            actor = self.new(name, "ORG", kind)
        if r is not None:
            self.mention(actor, r)
        return actor

    def resolve(self, found: Found) -> tuple[Actor | None, str]:
        """The actor a source refers to and the kind of the link."""
        actor, kind = self._resolve(found)
        if actor is not None and self._cites_itself(found, actor):
            actor, kind = self._paper_cited(found), "document"
        if actor is not None and actor.type == "ORG" and kind == "named" and found.source is not None:
            if _MEDIA_TAIL.search(self.text, *found.source):
                actor.kind = kind = "outlet"  # "Interfax news agency quoted ...": the words say what it is
        if kind == "named" and found.lemma in _SCOOP_LEMMAS and _SCOOP.search(self.text, *found.cue):
            actor, kind = self._scoop_outlet(found, actor, kind)
        citing = found.verb is not None and found.verb.tag_ == "VBG" and found.lemma in ("cite", "quote")
        if actor is not None and found.lemma in _REPORTING_LEMMAS and not citing:
            self.reporters.add(actor.id)  # "X reported": not the Y of "citing Y"
        self.note_issued(found, actor)
        if found.source is not None and kind not in ("unattributed", "document"):
            self.tellers.append((found, actor, kind))
        return actor, kind

    @staticmethod
    def _cites_itself(found: Found, actor: Actor) -> bool:
        """ "“P,” Folha says, citing the report": "the report" read as the citer's own (an outlet's
        report is its word) cannot be whom the citer cites; it is the paper the text spoke of."""
        parent, head = found.parent, found.head
        if parent is None or head is None or found.lemma not in ("cite", "quote"):
            return False
        return parent.source_actor == actor.id and head.lemma_.lower() in lexicons().documents

    def _paper_cited(self, found: Found) -> Actor:
        """The paper a citer cites: the last one of its kind the text named ("the leaked report"),
        else a new one named as the text names it."""
        lemma = found.head.lemma_.lower()
        papers = (a for a in reversed(self.actors) if a.type == "DOCUMENT" and lemma in norm(a.name).split())
        actor = next(papers, None)
        if actor is None:
            start, end = found.source
            name = self.text[start:end].strip()
            if name[:1].isupper() and found.head.doc[found.head.left_edge.i].pos_ == "DET":
                name = name[0].lower() + name[1:]
            actor = self.new(name, "DOCUMENT", "document")
        return self._use(actor, found.source)

    def _scoop_outlet(self, found: Found, actor: Actor | None, kind: str) -> tuple[Actor | None, str]:
        """ "Sky News has learnt that P", "just-food understands P": a name telling its own scoop is
        a news outlet when the name says so (a known outlet, "Harbor Daily", "Interfax news agency")
        or is the lower-case or hyphenated name the tagger and the entity model miss ("just-food").
        The verb alone never makes an outlet: "Hamas understands that P", "The Labour Party
        understands that P" keep their organisation."""
        head, source = found.head, found.source
        if head is None or source is None:
            return actor, kind
        name = self.text[source[0] : source[1]].strip()
        if name.lower().startswith("the "):
            name = name[4:]
        one_word = " " not in name and "-" in name  # "just-food"
        if not (head.pos_ == "PROPN" or head.ent_type_ == "ORG" or one_word):
            return actor, kind  # "the company has learned that P": an organisation, not an outlet
        if actor is None:
            if not one_word and head.ent_type_ != "ORG":
                return actor, kind
            actor = self.named(name) or self.new(name, "ORG", "outlet")
            self._use(actor, source)
        words = [w.strip(".,").lower() for w in actor.name.split()]
        if actor.type in ("PERSON", "GPE", "NORP", "DOCUMENT") or _public_body(actor):
            return actor, kind
        if len(words) > 1 and is_company_word(words[-1]):
            return actor, kind  # "Harbor Gate Holdings has learned that its data was stolen"
        says_outlet = (
            actor.kind in ("outlet", "publisher")
            or is_outlet_name(name)
            or is_outlet_name(actor.name)
            or is_known_outlet(name)
            or _MEDIA_TAIL.search(self.text, *source) is not None
        )
        if not (says_outlet or one_word or name[:1].islower()):
            return actor, kind  # "Hamas understands that P": an organisation that knows P
        actor.kind, actor.type = "outlet", "ORG"
        return actor, "outlet"

    def _resolve(self, found: Found) -> tuple[Actor | None, str]:
        head = found.head
        if found.source is None and found.verb is None and found.lemma in _TELLING_NOUNS:
            return None, _TELLING_NOUNS[found.lemma]  # "reports that P", "rumors that P"
        if found.source is None or head is None:
            return None, "unattributed"
        source = found.source
        head = _head_within(head, source)
        head = _quantity_of(head)
        noun = antecedent(head)
        hung = found.verb is not None and found.verb.dep_ == "relcl" and found.verb.head == head
        relative = noun is not head or hung  # the antecedent of a relative clause's cue
        if noun is not head:  # "a report that said P": the report speaks, not "that"
            head, source = noun, np_range(noun)
        named = self._named_at(head) or self._titled_name(head, source) or self._name_before_noun(head)
        named = named or (self._apposition_of_name(head) if relative else None)
        if named is not None:
            return self._use(named, source), named.kind
        ante = elliptical_antecedent(head)
        if ante is not None:
            return self._elliptical(head, ante, source)
        if head.pos_ == "PRON":
            shows = found.lemma in _EVIDENCE_LEMMAS and head.lower_ in _THING_PRONOUNS
            if shows and not self._paper_before():
                # "Konishi says they show P", "it proves P": the papers or the facts show, nobody
                # tells P; inside a teller's words no hop, the teller's claim
                return None, "unattributed"
            return self._pronoun(head, source)
        referent = self._reference(head) or self._described(head)
        if referent is not None:
            return self._use(referent, source), referent.kind
        return self._unnamed(head, source)

    def _paper_before(self) -> bool:
        """Is the last thing a thing pronoun may stand for a paper (a document the text named)?"""
        prior = self._last(lambda a: a.type != "PERSON")
        return prior is not None and prior.type == "DOCUMENT"

    def _last(self, wanted) -> Actor | None:
        """The latest source actor `wanted` accepts; an actor that speaks again is asked once (the
        history holds it at every turn, and `wanted` reads only the actor)."""
        asked: set[int] = set()
        for a in reversed(self.history):
            if id(a) in asked:
                continue
            asked.add(id(a))
            if wanted(a):
                return a
        return None

    def _last_mentioned(self, wanted, before: int) -> Actor | None:
        """The actor of this sort whose latest mention before `before` is the nearest one."""
        best, best_at = None, -1
        for actor in self.actors:
            if not wanted(actor):
                continue
            at = max((m.start for m in actor.mentions if m.start < before), default=-1)
            if at > best_at:
                best, best_at = actor, at
        return best

    def _reference(self, head: Token) -> Actor | None:
        """ "the newspaper", "the company", "the report": the named antecedent, when there is one."""
        lemma = head.lemma_.lower()
        # "the Ministry added": a capitalised head the tagger calls a name is still a reference
        capitalised = head.pos_ == "PROPN" and not head.is_sent_start and lemma in lexicons().references
        # "the portal reported": a reference noun the tagger read as an adjective heading a phrase
        misread = head.pos_ == "ADJ" and head.dep_ in _SUBJECTS and lemma in lexicons().references
        nominal = head.pos_ == "NOUN" or head.lower_ == "medium" or capitalised or misread
        if not nominal or not _definite(head):
            return None  # "medium": often ADJ
        lex = lexicons()
        wanted = lex.references.get(lemma)
        if head.lower_ == "medium":
            wanted = "outlet"  # "according to the medium": the outlet named before ("the media" is not one)
        if wanted == "outlet" and lemma == "paper" and any(c.lower_ in _PAPER_KINDS for c in head.lefts):
            wanted = None  # "the white paper", "the cabinet paper": a document, not a newspaper
        media = wanted == "organisation" and any(c.lower_ in _MEDIA for c in head.lefts)
        if media:
            wanted = "outlet"  # "the media group", "the news company"
        if wanted is not None:
            named = self._compound_name(head, wanted)
            if named is not None:  # "the Rossiya Segodnya media group": the name it carries
                return named
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if wanted == "outlet" and owner is not None and lemma in lex.documents:
            # "the association's website", "its website": a page it publishes, not a news outlet
            return None
        if wanted == "outlet":
            # the outlet the text introduced with this noun ("the tabloid Blitz ... the tabloid's
            # claim"), else the outlet that last spoke, else the one last named ("an interview in
            # the Journal")
            return (
                self._introduced_as(head)
                or self._last(lambda a: a.kind == "outlet")
                or self._last(lambda a: a.type == "ORG" and a.kind == "named" and a.id in self.reporters)
                or self._last_mentioned(lambda a: a.kind == "outlet", head.idx)
                or (self._last_organisation() if media else None)
            )
        if wanted == "organisation":
            return self._organisation_for(head)
        if lemma in lex.documents:
            # "the Kyodo report": the owner it names beats the issuer remembered for "the report"
            owner = self._owner(head) if lemma not in _PAGES else None
            if owner is not None and not self._speaks_through(owner, lemma):
                return self._body_paper(head, lemma)
            if owner is not None:
                self.issuers[lemma] = owner
                return owner
            return (
                self.issuers.get(lemma)
                or self._issuer_before(head)
                or self._report_of(lemma)
                or self._speech_referred(head, lemma)
            )
        return None

    def _speech_referred(self, head: Token, lemma: str) -> Actor | None:
        """ "The police said P. The statement added that Q", "X said in a statement read on
        television: ... the statement said": a definite statement nobody was named as issuing is
        the words of the teller who spoke last, when the text named no statement before or only as
        where a teller spoke ("in a statement"); the teller the actors stage did not know becomes
        an actor here. A statement the text introduced otherwise ("A statement posted online
        said") stays a paper. Each such statement is the words of whoever spoke last before it,
        never remembered as the issuer of the next one ("The police said P. The statement added Q.
        ... The mayor said R. The statement added S": S is the mayor's)."""
        if lemma not in _SPOKEN or head.tag_ != "NN" or any(c.dep_ == "poss" for c in head.children):
            return None
        doc = head.doc
        for i in range(head.i - 1, max(-1, head.i - 1 - _ISSUER_WINDOW), -1):
            tok = doc[i]
            if tok.idx in self._referred:
                continue
            if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN" and not _occasion(tok):
                return None
        teller = next((t for t in reversed(self.tellers) if t[0].source[1] <= head.idx), None)
        if teller is None:
            return None
        found, actor, kind = teller
        if kind != "named" or actor is not None and actor.kind != "named":
            return None  # "Sources said", "Reuters reported": no statement of theirs, a paper
        said = max([found.source[1]] + [e for _, e in found.content if e <= head.idx])
        if _breaks_between(self.text, said, head.idx) > 1:
            return None  # the teller's words ended two paragraphs or more before
        if actor is None:
            actor = self._teller_actor(found, kind)
        if actor is not None:
            self._referred.add(head.idx)
        return actor

    def _teller_actor(self, found: Found, kind: str) -> Actor | None:
        """An actor for a teller phrase the actors stage did not know ("Deputy Health Minister
        Kito Obiang Mensah", "The police"), named as the text names it."""
        start, end = trim(self.text, *found.source)
        name = self.text[start:end]
        if name.count("(") > name.count(")"):  # "the Prime Minister's Office (PMO": as `_trim_entity`
            start, end = trim(self.text, start, start + name.index("("))
            name = self.text[start:end]
        words = name.split()
        if not words or words[0].lower() in _PERSON_PRONOUNS | _THING_PRONOUNS | _RELATIVE:
            return None  # a pronoun the book could not resolve refers to nobody it can name
        if name[:1].isupper() and words[0].lower() in _DEFINITE | {"a", "an"}:
            name = name[0].lower() + name[1:]
        head = found.head
        person = head is not None and (
            head.ent_type_ == "PERSON" or any(w.lower().strip(".,") in title_words() for w in words)
        )
        actor = self.named(name) or self.new(name, "PERSON" if person else "ORG", kind)
        self.mention(actor, (start, end))
        return actor

    def _introduced_as(self, head: Token) -> Actor | None:
        """ "the Bangladeshi tabloid Blitz", "the German magazine Der Spiegel": the name an earlier
        noun of the same word introduced, right after it, for "the tabloid" now."""
        doc = head.doc
        for i in range(head.i - 1, max(-1, head.i - 1 - _ISSUER_WINDOW), -1):
            tok = doc[i]
            if tok.lower_ != head.lower_ or tok.pos_ not in ("NOUN", "ADJ") or i + 1 >= len(doc):
                continue
            first = i + 2 if doc[i + 1].lower_ == "the" else i + 1  # "British tabloid the Sun"
            end = first
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            if end == first:
                continue
            start_char, end_char = doc[first].idx, tok_end(doc[end - 1])
            named = self.index.at(start_char, end_char) or self.named(self.text[start_char:end_char])
            if named is not None and named.type in ("PERSON", "GPE", "NORP", "LOC"):
                return None
            return named or self._new_outlet(start_char, end_char)
        return None

    def _new_outlet(self, start: int, end: int) -> Actor:
        actor = self.new(self.text[start:end], "ORG", "outlet")
        self.mention(actor, (start, end))
        return actor

    def _last_organisation(self) -> Actor | None:
        return self._last(lambda a: a.type in ("ORG", "NORP", "GPE") and a.kind == "named")

    def _organisation_for(self, head: Token) -> Actor | None:
        """ "the bank", "the ministry", "the party": the last organisation that spoke whose name
        says it is of that sort, else the last one named so, else the last that spoke, or was
        named, of no other sort (`agreement.organisation_fit`); else the description itself is the
        actor, so that "it" can refer to it."""
        if head.tag_ in ("NNS", "NNPS"):
            return None  # "the two governments", "the companies": not one of them
        lemma = head.lemma_.lower()
        words = company_words()
        cause = any(c.lower_ in CAUSE_WORDS for c in head.lefts if c.dep_ in ("amod", "compound"))
        if lemma == "group" and cause:
            lemma = "cause group"  # "the advocacy group", "the rights group": no company

        def fit(a: Actor) -> int:
            named = a.type in ("ORG", "NORP", "GPE") and a.kind == "named"
            return organisation_fit(a, lemma, words) if named else 0

        found = (
            self._last(lambda a: fit(a) == 2)
            or self._last_mentioned(lambda a: fit(a) == 2, head.idx)
            or self._last(lambda a: fit(a) == 1)
            or self._last_mentioned(lambda a: fit(a) == 1, head.idx)
        )
        if found is not None:
            return found
        start, end = np_range(head)
        name = self.text[start:end]
        if name[:1].isupper() and head.doc[head.left_edge.i].pos_ == "DET":
            name = name[0].lower() + name[1:]
        return self.named(name, ("named",)) or self.new(name, "ORG", "named")

    def _name_before_noun(self, head: Token) -> Actor | None:
        """ "Interfax news agency quoted ...", "Kompas daily reported": a name before a reference noun
        with no article is the body the noun says it is."""
        wanted = lexicons().references.get(head.lemma_.lower())
        if wanted is None or head.pos_ != "NOUN" or _definite(head):
            return None
        return self._compound_name(head, wanted)

    def _compound_name(self, head: Token, wanted: str) -> Actor | None:
        """The proper name compounded into a reference ("the Kivuli mining company", "the Rossiya
        Segodnya international media group"): its actor, created when the actors stage has none."""
        names = [c for c in head.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        if not names:
            return None
        first = names[0].left_edge if names[0].left_edge.pos_ == "PROPN" else names[0]
        last = names[-1]
        words = head.doc[first.i : last.i + 1]
        if not all(t.text[:1].isupper() for t in words if not t.is_punct):
            return None  # "the state news agency": no name in it
        start, end = first.idx, tok_end(last)
        if wanted == "outlet" and all(t.lower_ in demonyms() for t in words if not t.is_punct):
            return None  # "the Bangladeshi tabloid", "the German magazine": where it is, not its name
        found = self.index.at(start, end) or self.named(self.text[start:end])
        if found is not None and wanted == "outlet" and self._says_outlet(found, head, (start, end)):
            # "The Yeni Şafak newspaper said": the name the noun says is a newspaper is an outlet,
            # whatever the entity model took it for (a foreign name read as a person's)
            found.type, found.kind = "ORG", "outlet"
        if found is not None:
            return found
        if any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in head.doc[first.i : last.i + 1]):
            return None  # "the Iraqi government": a place, not the body's name
        actor = self.new(self.text[start:end], "ORG", "outlet" if wanted == "outlet" else "named")
        self.mention(actor, (start, end))
        return actor

    def _says_outlet(self, found: Actor, head: Token, name: Range) -> bool:
        """Is `found`, a named person or organisation, the name right before a lower-case media word
        ("The Yeni Şafak newspaper", "Kompas daily"), on one line, by its whole name?"""
        if found.kind != "named" or found.type not in ("PERSON", "ORG"):
            return False
        phrase = self.text[name[0] : tok_end(head)]
        if "\n" in phrase or _MEDIA_TAIL.search(phrase) is None:
            return False
        return norm(self.text[name[0] : name[1]]) in {norm(found.name), *(norm(a) for a in found.aliases)}

    def _report_of(self, lemma: str) -> Actor | None:
        """ "the report said", with no owner named: the outlet that last reported something."""
        if lemma not in _REPORT_DOCS:
            return None
        for actor in reversed(self.history):
            if actor.type == "DOCUMENT" and lemma in norm(actor.name).split():
                # a report of its own, named before ("a UN report ... the report"); an unnamed
                # media report ("a newspaper report ... the report") stays unnamed news media
                return actor if actor.kind == "outlet" else None
            if actor.id in self.reporters and actor.type not in ("DOCUMENT", "PERSON"):
                return actor
            recent = any(a is actor for _, a, _ in self.tellers[-3:])
            if actor.kind == "outlet" and actor.type == "ORG" and recent:
                return actor  # "the Sun claimed P ... the report stated": the outlet's own story, just told
        return None

    def _issuer_before(self, head: Token) -> Actor | None:
        """ "X issued a statement ... the statement said": the subject that issued the document."""
        doc, lemma = head.doc, head.lemma_.lower()
        # "X broke the news ... The report said": the news and the report are one story
        kin = {lemma} | (_NEWS_KIN if lemma in _REPORT_DOCS else set())
        for i in range(head.i - 1, max(-1, head.i - 1 - _ISSUER_WINDOW), -1):
            tok = doc[i]
            if tok.lemma_.lower() not in kin or tok.head.lemma_.lower() not in _ISSUING | _BROKEN:
                continue
            issuer = self._issuer_of(tok)
            if issuer is not None:
                self.issuers[lemma] = issuer
                return issuer
        return None

    def _issuer_of(self, doc_tok: Token) -> Actor | None:
        """ "X issued a statement" (the subject), "the report was first broken by X" (the agent:
        an outlet that broke a report is its teller; any named actor inside the agent's phrase)."""
        verb = doc_tok.head
        if doc_tok.dep_ == "dobj" and verb.lemma_.lower() in _ISSUING | {"break"}:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return self._actor_of(subj) if subj is not None else None
        if doc_tok.dep_ != "nsubjpass":
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None:
            return None
        found = self._actor_of(pobj)
        if found is None:
            inside = [a for a in self.index.within(*np_range(pobj)) if a.type not in ("DOCUMENT", "GPE")]
            found = inside[0] if inside else None
        return found if found is not None and found.type != "DOCUMENT" else None

    def _owner(self, head: Token) -> Actor | None:
        """Who a document belongs to: "Bloomberg's report", "the Kyodo report", "a report by
        Reuters", "a statement issued by the ministry"."""
        if any(c.lemma_.lower() in ("leak", "leaked") for c in head.children if c.dep_ in ("amod", "acl")):
            return None  # "a leaked assessment from the agency": the paper speaks, not the agency
        for child in head.children:
            lo, hi = sorted((tok_end(head), child.idx))
            if "\n" in self.text[lo:hi]:
                continue  # the parser ran on over a line break ("... reports\n\nBy NAME")
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                owner = self._named_at(child)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "in", "with"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                owner = self._issuing_body(pobj, child.lower_, head) if pobj is not None else None
            elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() not in _SEEN:
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                owner = self._named_at(pobj) if pobj is not None else None
                passed_on = child.lemma_.lower() in _PASSED_ON and head.lemma_.lower() not in _REPORT_DOCS
                if owner is not None and owner.kind == "outlet" and passed_on:
                    owner = None  # "an email published by VICE News": VICE passes it on (seen_by);
                    # "a report published by AFP" is AFP's own
            else:
                continue
            if owner is not None and owner.type != "DOCUMENT":
                return owner
        return self._publisher_of(head)

    def _publisher_of(self, head: Token) -> Actor | None:
        """ "Harbor Daily published a report about X, which said P", "X ran a story, which said P":
        the subject that issued or ran the paper owns it."""
        verb = head.head
        if head.dep_ != "dobj" or verb.lemma_.lower() not in _ISSUING | {"run"}:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        owner = self._actor_of(subj) if subj is not None else None
        return owner if owner is not None and owner.type not in ("DOCUMENT", "PERSON") else None

    def _actor_of(self, tok: Token) -> Actor | None:
        """The named actor a phrase (not a pronoun) refers to: by name, reference or description."""
        return self._named_at(tok) or self._reference(tok) or self._described(tok)

    def note_issued(self, found: Found, actor: Actor | None) -> None:
        """ "X said in a statement", "X wrote in a letter": the statement is X's from now on."""
        verb = found.verb
        if actor is None or verb is None or actor.type == "DOCUMENT":
            return
        lex = lexicons()
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "through", "via"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in lex.documents:
                    self.issuers[pobj.lemma_.lower()] = actor

    def _titled_name(self, head: Token, source: Range) -> Actor | None:
        """ "Tanzanian Minister for Health Ummy Mwalimu": a title heading a person's name (after the
        title: in "a senior Obama administration official" Obama is not the official)."""
        if not _is_title_token(head):
            return None
        _, end = np_range(head)
        people = [a for a in self.index.within(max(tok_end(head), source[0]), end) if a.type == "PERSON"]
        if len(people) != 1 or self._served_by_title(head, people[0], end):
            return None
        return people[0]

    @staticmethod
    def _served_by_title(head: Token, person: Actor, end: int) -> bool:
        """ "The senior official of the government of President Ali Saleh": a name reached from the
        title through a common noun ("government") is whom the office serves, not its holder
        ("Minister for Health Ummy Mwalimu" reaches the name through names only). A name apposed
        to a common noun ("the director of the museum Ana Lopes") is the holder named after the
        office, unless the noun is itself a title ("the government of the president Ali Saleh")."""
        doc = head.doc
        for m in person.mentions:
            if not tok_end(head) <= m.start < end:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not _is_title_token(root.head):
                return False
            tok = root.head
            while tok != head and tok.head != tok and tok.i > head.i:
                if tok.pos_ == "NOUN":
                    return True
                tok = tok.head
            return False
        return False

    def _described(self, head: Token) -> Actor | None:
        """ "the minister", "the information minister": the person last named before it whose
        title says so ("Information Minister Ali Saleh", "Ali Saleh, the information minister")."""
        if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS"):
            return None
        if not (_definite(head) or _body_possessive(head)):
            return None
        word = head.lower_
        if word in _HYPERNYMS:
            return self._described_by_kind(head)
        if not _is_title_token(head) and word in person_nouns() and not _restricted(head):
            return self._introduced_role(head)
        if not _is_title_token(head) or _restricted(head):
            return None  # "the cabinet minister accused of P": not the minister named before
        modifiers = {
            c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod") and c.lower_ not in _DEFINITE
        }
        best, best_key = None, (-1, -1)
        for actor in self.actors:
            if actor.type != "PERSON" or actor.kind != "named":
                continue
            words = title_word_set(actor)
            if word not in words:
                continue
            literal = literal_title_words(actor)
            if word in SPEAKS_FOR and word not in literal and modifiers and not modifiers & literal:
                # "The defence ministry spokesman" is not "White House Press Secretary X": a synonym
                # of the office only stands for a person whose title shares the description's words
                continue
            at = max((m.start for m in actor.mentions if m.start < head.idx), default=-1)
            key = (len(modifiers & words), at)
            if at >= 0 and key > best_key:
                best, best_key = actor, key
        best = best or self._named_next(head, word) or self._also_speaker(head)
        if best is None:
            return None
        if head.lemma_.lower() in lexicons().anonymous and self._prior_anonymous(head.lemma_.lower(), False):
            return None  # "the official" after "a U.S. embassy official": the unnamed one
        return best

    def _introduced_role(self, head: Token) -> Actor | None:
        """ "BBC security correspondent Frank Gardner said P ... our correspondent said Q", "striker
        David Villa ... the striker": a role word (data/person_nouns.txt) that is no title is the
        person last named right after the same word, unless an unnamed one of that role spoke."""
        lemma = head.lemma_.lower()
        if lemma in lexicons().anonymous and self._prior_anonymous(lemma, False):
            return None
        doc = head.doc
        entries = self._role_entries(doc).get(head.lower_, [])
        for i in range(bisect_left(entries, (head.idx,)) - 1, -1, -1):
            start, _, actor = entries[i]
            if actor.type != "PERSON" or actor.kind != "named":
                continue
            # "the lawyer for the prosecution" after "Defence lawyer Ana Lopes said P": a phrase of
            # its own that her sentence does not hold says it is someone else ("for the defence" is her)
            words = _own_modifier(head)
            said = doc.char_span(start, start + 1, alignment_mode="expand")
            if words and (said is None or not words <= {t.lower_ for t in said.sent}):
                return None
            return actor
        return None

    def _role_entries(self, doc) -> dict[str, list[tuple[int, int, Actor]]]:
        """Role word -> (start, order, actor) of the named people's mentions it stands right before
        or opens, sorted by start: built once per document, then kept up with new mentions."""
        if self._roles is None or self._roles_doc is not doc:
            self._roles, self._roles_doc, self._roles_new = {}, doc, []
            self._roles_new = [(m, actor) for actor in self.actors for m in actor.mentions]
        if self._roles_new:
            pending, self._roles_new = self._roles_new, []
            for m, actor in pending:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                # the role right before the name, or the first word of the name's mention
                words = {span[0].lower_, doc[span.start - 1].lower_ if span.start > 0 else ""}
                for word in words - {""}:
                    insort(self._roles.setdefault(word, []), (m.start, -self._roles_seq, actor))
                    self._roles_seq += 1
        return self._roles

    def _named_next(self, head: Token, word: str) -> Actor | None:
        """ "The Afghan general in charge of security denied reports ... General Omar Haidari,
        commander of the brigade, blamed ...": a description that comes before the name (a story's
        opening) is the one person named after it with that title, in its sentence or the next two
        ("Japan's communications minister has acknowledged P. The opposition says Q. ¶
        Communications Minister Matsumoto Takeaki said R")."""
        doc = head.doc
        sent = head.sent
        for _ in range(_NAMED_NEXT_SENTENCES):
            if sent.end >= len(doc):
                break
            sent = doc[sent.end].sent
        end = sent.end_char
        after = [
            a
            for a in self.actors
            if a.type == "PERSON"
            and a.kind == "named"
            and word in title_word_set(a)
            and any(head.idx < m.start < end for m in a.mentions)
        ]
        return after[0] if len(after) == 1 else None

    def _also_speaker(self, head: Token) -> Actor | None:
        """ "Amir Hakim said P. The party deputy president also said Q": a description whose title
        no named person carries, subject of an "also" cue, is the named person who spoke in the
        sentence before (the "also" says the same speaker goes on)."""
        verb = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or not any(c.lower_ == "also" for c in verb.children):
            return None
        prior = self.history[-1] if self.history else None
        if prior is None or prior.type != "PERSON" or prior.kind != "named":
            return None
        sent = head.sent
        before = head.doc[sent.start - 1].sent if sent.start > 0 else None
        if before is None or not any(before.start_char <= m.start < before.end_char for m in prior.mentions):
            return None
        return prior

    def _described_by_kind(self, head: Token) -> Actor | None:
        """ "Oil Minister Bijan Zanganeh said ... The official argued that P": a word for a kind of
        office-holder ("the official", "the diplomat") is the titled person last named before it,
        unless an unnamed one of that head spoke before, an unnamed person spoke since that person
        was named ("an intelligence officer told the paper ... The official said"), or the sentence
        withholds who."""
        lemma = head.lemma_.lower()
        if self._prior_anonymous(lemma, False) is not None:
            return None
        if any(cue in head.sent.text.lower() for cue in _OFF_RECORD):
            return None
        wanted = _HYPERNYMS[head.lower_]
        best, best_at = None, -1
        for actor in self.actors:
            if actor.type != "PERSON" or actor.kind != "named" or not actor.titles:
                continue
            words = title_word_set(actor)
            if wanted and not words & wanted:
                continue
            at = max((m.start for m in actor.mentions if m.start < head.idx), default=-1)
            if at > best_at:
                best, best_at = actor, at
        unnamed = (a for a in self.history if a.kind == "anonymous" and a.type == "PERSON")
        spoke = max((m.start for a in unnamed for m in a.mentions if m.start < head.idx), default=-1)
        return best if spoke < best_at else None

    def _issuing_body(self, pobj: Token, prep: str, document: Token) -> Actor | None:
        """Who issued a document named in "a report by X", "a statement from the office of X",
        "a report in the Courier" (an outlet only), "a letter with the signature of X"."""
        if prep == "with":
            if pobj.lemma_.lower() != "signature":
                return None
            of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            signer = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return self._named_at(signer) if signer is not None else None
        owner = self._named_at(pobj)
        if prep == "in":
            return owner if owner is not None and owner.kind == "outlet" else None
        if owner is None and document.lemma_.lower() in _REPORT_DOCS and self._unnamed_people(pobj):
            # "reports from journalists on board saying P", "a report by witnesses": they tell P
            owner, _ = self._unnamed(pobj, np_range(pobj))
            return owner
        spoken = document.lemma_.lower() in _STATEMENTS  # a leaked memo from X stays a memo
        if owner is None and prep == "from" and spoken and pobj.lemma_.lower() in _BODIES:
            # "a statement from the office of Premier X": the office speaks
            start, end = np_range(pobj)
            name = self.text[start:end]
            if name[:1].isupper() and pobj.doc[pobj.left_edge.i].pos_ == "DET":
                name = name[0].lower() + name[1:]
            owner = self.named(name) or self.new(name, "ORG", "named")
            self.mention(owner, (start, end))
        return owner

    def _named_at(self, head: Token) -> Actor | None:
        """The named actor the head (or a name in apposition after a comma) is a mention of."""
        commas = [c for c in head.children if c.dep_ == "appos" and after_comma(c)]
        # "the state news agency IRNA", "the newspaper Le Monde": the name in apposition speaks
        names = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and not after_comma(c)]
        lemma = head.lemma_.lower()
        # "British tabloid the Sun claimed": the parser may hang the name on the noun as its object
        names += [c for c in head.rights if c.dep_ in ("dobj", "npadvmod", "attr") and _names_noun(head, c)]
        named_noun = head.pos_ == "NOUN" and (lemma in lexicons().references or lemma in person_nouns())
        outlet_noun = lexicons().references.get(lemma) == "outlet"
        for tok in [*(names if named_noun else []), head, *commas]:
            named = self.index.at(tok.idx, tok_end(tok))
            if named is None and tok.pos_ == "PROPN":
                # a frame actor (an outlet from a dateline) named again in a sentence
                named = self.named(self.text[tok.left_edge.idx : tok_end(tok)])
            if named is not None:
                # "the tabloid the Sun": the noun says it; a person's name stays a person's unless "the"
                # stands before it ("tabloid the Beacon": nobody is "the Tom Brask")
                behind_the = tok.i > 0 and tok.doc[tok.left_edge.i].lower_ == "the"
                if tok in names and outlet_noun and named.kind == "named" and (
                    named.type == "ORG" or (named.type == "PERSON" and behind_the)
                ):
                    named.type, named.kind = "ORG", "outlet"
                return named
        if names and lemma in lexicons().references:
            return self._apposed_name(names[0], lemma)
        return None

    def _apposition_of_name(self, head: Token) -> Actor | None:
        """ "the plan of Ali Saleh Cordones, a retired General, who acknowledged P": a description in
        apposition after a name, which the parser made the relative clause's antecedent, is that
        named person or body, not an unnamed one."""
        anchor = head.head
        if head.dep_ != "appos" or not after_comma(head) or anchor.i > head.i or anchor.pos_ != "PROPN":
            return None
        if not any(c.dep_ == "det" for c in head.children):
            return None  # "Odero, Saleh": a list of names, not a description
        named = self.index.at(anchor.idx, tok_end(anchor))
        return named if named is not None and named.type in ("PERSON", "ORG") else None

    def _apposed_name(self, name: Token, lemma: str) -> Actor:
        """ "the Turkish news website TGRT", "the newspaper Le Monde" when the actors stage missed the
        name: the name is the body the reference says it is (an outlet, an organisation)."""
        start, end = name.left_edge.idx, tok_end(name)
        if name.left_edge.i < name.head.i:  # the apposition's own left edge reached back past the noun
            start = name.idx
        outlet = lexicons().references[lemma] == "outlet"
        actor = self.named(self.text[start:end]) or self.new(
            self.text[start:end], "ORG", "outlet" if outlet else "named"
        )
        self.mention(actor, (start, end))
        return actor

    def _pronoun(self, head: Token, source: Range) -> tuple[Actor | None, str]:
        if head.lower_ in _PERSON_PRONOUNS:
            prior = self._person_for(head)
        elif head.lower_ in _THING_PRONOUNS:
            # "it said": the last organisation, outlet or document; "they": or the last group of people
            plural = head.lower_ not in ("it", "its")
            prior = self._last(lambda a: a.type != "PERSON" or (plural and a.kind == "anonymous"))
            if prior is None and not plural:  # "... met the chief of Zenith Bank. It said P"
                organisation = ("named", "outlet")
                prior = self._last_mentioned(lambda a: a.type == "ORG" and a.kind in organisation, head.idx)
        else:
            prior = None
        if prior is not None:
            return self._use(prior, source), prior.kind
        return None, "anonymous"

    def _person_for(self, head: Token) -> Actor | None:
        """ "he", "she": the last person who spoke, or the named subject since, that the text does
        not give the other gender (`agreement`); else a person the text says is of this gender."""
        word, doc = head.lower_, head.doc
        prior = self._last(lambda a: a.type == "PERSON" and self.agreement.agrees(a, word, doc))
        prior = self._subject_since(prior, head) or self._speaker_over_nested(prior, head) or prior
        if prior is None:  # "she" when only men spoke: a woman the text named without a cue
            known = [a for a in self.actors if a.kind == "named" and self.agreement.known(a, word, doc)]
            prior = self._last_mentioned(lambda a: a in known, head.idx)
        # the evidence allows nobody: the last person, as without it (never a group)
        return prior or self._last(lambda a: a.type == "PERSON" and not plural(a, doc))

    def _speaker_over_nested(self, prior: Actor | None, head: Token) -> Actor | None:
        """ "Osei said he was informed by a government source that P. He also claimed Q": an unnamed
        source inside a named speaker's sentence does not take "he" from the sentence's speaker."""
        if prior is None or prior.kind != "anonymous":
            return None
        doc = head.doc
        at = max((m.start for m in prior.mentions if m.start < head.sent.start_char), default=-1)
        span = doc.char_span(at, at + 1, alignment_mode="expand") if at >= 0 else None
        if span is None or any(m.start >= span.sent.end_char and m.start < head.idx for m in prior.mentions):
            return None
        sent = span.sent
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.left_edge.idx <= at < tok_end(subj.right_edge):
            return None  # the unnamed source is the sentence's own speaker
        speaker = self.index.at(subj.idx, tok_end(subj)) or self._created_at(subj.idx, tok_end(subj))
        if speaker is None or speaker.type != "PERSON" or speaker.kind != "named":
            return None
        return speaker if self.agreement.agrees(speaker, head.lower_, doc) else None

    def _created_at(self, start: int, end: int) -> Actor | None:
        """An actor this stage created with a mention overlapping [start, end) (the index holds the
        actors stage's)."""
        known = set(map(id, self.index.actors))
        for actor in self.actors:
            if id(actor) not in known and any(m.start < end and start < m.end for m in actor.mentions):
                return actor
        return None

    def _subject_since(self, prior: Actor | None, head: Token) -> Actor | None:
        """ "Suga ducked questions ... “...,” he said": a named person who is the subject of a
        sentence after the last source, and before the pronoun, is who "he" is."""
        since = -1
        if prior is not None:
            since = max((m.start for m in prior.mentions if m.start < head.idx), default=-1)
        best, best_at = None, since
        doc = head.doc
        for actor in self.actors:
            if actor.type != "PERSON" or actor.kind != "named":
                continue
            if not self.agreement.agrees(actor, head.lower_, doc):
                continue
            for m in actor.mentions:
                if not best_at < m.start < head.idx:
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and _main_subject(span.root):
                    best, best_at = actor, m.start
        return best

    def _elliptical(self, head: Token, ante: Token, source: Range) -> tuple[Actor, str]:
        """ "Another warned" after "One official asked": another official, as unnamed as the first;
        "The latest, obtained by X," after "memos": the latest memo, a document."""
        lemma = ante.lemma_.lower()
        kind = "anonymous" if lemma in lexicons().anonymous else "document"
        name = f"{self.text[head.left_edge.idx : tok_end(head)]} {lemma}"
        if name[:1].isupper() and head.doc[head.left_edge.i].pos_ in ("DET", "PRON"):
            name = name[0].lower() + name[1:]
        type_ = "PERSON" if kind == "anonymous" else "DOCUMENT"
        actor = self.named(name, (kind,)) or self.new(name, type_, kind)
        return self._use(actor, source), kind

    def _unnamed(self, head: Token, source: Range) -> tuple[Actor | None, str]:
        """An anonymous person ("a senior official", later "the official") or a document."""
        lex = lexicons()
        lemma = head.lemma_.lower()
        np_start, np_end = np_range(head)
        if _partitive(head) and lemma not in lex.documents:  # "some of the researchers": the part speaks
            np_start = min(np_start, head.head.head.left_edge.idx)
        # the source was cut after page chrome the parser ran into it ("... 2009\n\nWorkers want")
        name_range = trim(self.text, max(np_start, source[0]), min(np_end, source[1]))
        name = self.text[name_range[0] : name_range[1]]
        if not name.strip():  # the cut left nothing of the phrase: its head's own words
            name = self.text[head.idx : tok_end(head)]
        if name[:1].isupper() and head.doc[head.left_edge.i].pos_ == "DET":
            name = name[0].lower() + name[1:]  # "The official" -> "the official"
        definite = _definite(head)
        if _national_media(head):
            # "the Chinese media", "state media denied P": a country's press speaking as one, an
            # unnamed outlet ("some Japanese media speculated" leaves the outlets unnamed)
            actor = self.named(name, ("outlet",)) or self.new(name, "ORG", "outlet")
            return self._use(actor, source), "outlet"
        if _people_described(head) or _unnamed_group(head, lex.anonymous):
            # "unnamed senior party figures" (people, not data figures), "Nepalese politicians said
            # P", "lower court judges saying P": people the text does not name, not a named body
            # ("Police said", "Authorities said", "the editors said")
            actor = self.named(name, ("anonymous",)) or self.new(name, "PERSON", "anonymous")
            return self._use(actor, source), "anonymous"
        if lemma in lex.anonymous and head.pos_ == "NOUN":
            kind = "named" if self._on_record(head) else "anonymous"
            prior = self._prior_unnamed(lemma, lex.anonymous[lemma], kind) if definite else None
            prior = prior or self.named(name, (kind,))
            actor = prior or self.new(name, "PERSON", kind)
            return self._use(actor, source), kind
        # "A circular from the ministry said": a subject with a determiner is a noun, however tagged
        nominal = head.pos_ == "NOUN" or any(c.dep_ == "det" for c in head.children)
        if lemma in lex.documents and nominal:
            owner = self._owner(head) if lemma not in _PAGES else None
            if owner is not None and not self._speaks_through(owner, lemma):
                return self._use(self._body_paper(head, lemma), source), "document"
            if owner is not None:
                # "a Kyodo report", "Bloomberg's report": Kyodo speaks; "the report" later means it too
                self.issuers[lemma] = owner
                return self._use(owner, source), owner.kind
            # "a media report", "the Turkish news website": unnamed news media, and so is
            # "the report" that refers back to it
            media = lemma in _REPORT_DOCS | _PAGES and _by_media(head)
            kind = "outlet" if media else "document"
            actor = self.named(name, (kind,)) or self.new(name, "DOCUMENT", kind)
            return self._use(actor, source), kind
        if head.pos_ == "NOUN" and (lemma in lex.people or _unnamed_role(head)):
            # "the woman who alleged P", "some refugees", "a cabinet minister", "one author", "some
            # of the researchers": people the text does not name (a bare "the minister" is the
            # office's holder, named by the office)
            actor = (self._prior_unnamed(lemma, False, "anonymous") if definite else None) or self.named(
                name, ("anonymous",)
            )
            actor = actor or self.new(name, "PERSON", "anonymous")
            return self._use(actor, source), "anonymous"
        if inanimate(head):
            # "The rare intervention by the central bank underscored that P", "yields rose,
            # suggesting P": an event or a measure tells nothing; the writer reads it
            return None, "unattributed"
        named = self._name_inside(head, source)
        if named is not None:
            return self._use(named, source), named.kind
        paper = self._missed_outlet(head, source)
        if paper is not None:
            return self._use(paper, source), "outlet"
        missed = self._missed_name(head, source)
        if missed is not None:
            return self._use(missed, source), "named"
        return None, "named"

    def _missed_outlet(self, head: Token, source: Range) -> Actor | None:
        """ "the Harbour Sentinel found that P" where the entity model found no name: a capitalised
        name that a newspaper's naming word ends ("Sentinel", "Courier", "Times") is an outlet."""
        if head.pos_ != "PROPN" or not head.is_title or head.ent_type_ == "PERSON":
            return None
        if head.dep_ == "conj" or any(c.dep_ in ("conj", "appos") for c in head.children):
            return None  # "News Corp Chairman and CEO Rupert Murdoch": a person, not a paper
        start, end = np_range(head)
        start, end = max(start, source[0]), min(end, source[1])
        words = head.doc.char_span(start, end, alignment_mode="expand")
        if words is None:
            return None
        names = [t for t in words if t.lower_ != "the"]
        if not 1 <= len(names) <= 4 or any(t.pos_ != "PROPN" or not t.is_title for t in names):
            return None
        if any(t.lower_ in title_words() for t in names):
            return None  # "News Corp Chairman": an office
        name = self.text[names[0].idx : tok_end(names[-1])]
        if not is_outlet_name(name):
            return None
        return self.named(name) or self.new(name, "ORG", "outlet")

    def _missed_name(self, head: Token, source: Range) -> Actor | None:
        """ "Odunlami, however, explained that P" where the entity model found no name: a bare
        capitalised surname (one or two proper nouns, no title, body or company word) that speaks
        is a named person, so that "she said" after it and the same name again are that person."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("", "PERSON") or not head.is_title:
            return None
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
            return None  # "Staples and Office Depot": two tellers, not a name
        start, end = np_range(head)
        start, end = max(start, source[0]), min(end, source[1])
        words = head.doc.char_span(start, end, alignment_mode="expand")
        if words is None or not 1 <= len(words) <= 2:
            return None
        if any(t.pos_ != "PROPN" or not t.is_title for t in words):
            return None
        lows = {t.lower_ for t in words}
        if lows & (body_words() | institution_heads() | title_words() | company_words() | _MEDIA):
            return None
        after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if head.is_sent_start and after is not None and after.text == ":":
            return None  # a speaker label ("Media: ..."), left to the label rules
        name = self.text[words.start_char : words.end_char]
        known = self.named(name, ("named",))
        if known is not None:
            return known
        # a person when the text gives the surname a first name somewhere ("Funmilayo Odunlami"),
        # else a body the model missed ("Glencore said"); the document is scanned only for a new name
        last = words[-1].lower_
        given = any(
            t.lower_ == last and t.i > 0 and t.doc[t.i - 1].pos_ == "PROPN" and t.doc[t.i - 1].is_title
            for t in head.doc
            if t.i != words[-1].i or len(words) == 2
        )
        if not given and name.lower() in states_and_countries():
            return self.new(name, "GPE", "named")  # "Uruguay has requested that P": a country speaks
        return self.new(name, "PERSON" if given else "ORG", "named")

    def _name_inside(self, head: Token, source: Range) -> Actor | None:
        """ "Water minister Dato Sri Amir Hakim Bin Amir said" where the entity model split the
        name (or missed it) here but found "Amir Hakim" elsewhere: a proper-noun source with no
        actor is the named person whose full name (two words or more) it holds, the rightmost."""
        if head.pos_ != "PROPN":
            return None
        start, end = np_range(head)
        start, end = max(start, source[0]), min(end, source[1])
        phrase = norm(self.text[start:end])
        best, best_at = None, -1
        for actor in self.actors:
            if actor.type != "PERSON" or actor.kind != "named":
                continue
            for name in {norm(actor.name), *(norm(a) for a in actor.aliases)}:
                if len(name.split()) < 2:
                    continue
                hits = [h.end() for h in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", phrase)]
                if hits and hits[-1] > best_at:
                    best, best_at = actor, hits[-1]
        return best

    @staticmethod
    def _unnamed_people(tok: Token) -> bool:
        """Unnamed people ("journalists", "witnesses", "sources"), not unnamed media or rumours."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma not in lexicons().anonymous:
            return False
        return lemma not in _MEDIA | {"medium", "rumor", "rumour"} and tok.lower_ not in _MEDIA

    def _speaks_through(self, owner: Actor, lemma: str) -> bool:
        """Does a paper's owner speak through it? An outlet through its report ("a Kyodo report",
        "Bloomberg's report"), anyone through a message ("the ministry's statement", "X's letter");
        a body's study or report is read as a paper ("the State Department report read")."""
        if lemma in _MESSAGES or lemma in _NEWS_PIECES:
            return True  # an "X article" makes X an outlet
        if owner.kind in ("outlet", "publisher") or owner.id in self.reporters or is_outlet_name(owner.name):
            return True
        return not _public_body(owner)

    def _body_paper(self, head: Token, lemma: str) -> Actor:
        """The paper a body made, named as the text names it ("the State Department report"), and
        what "the report" means from now on."""
        start, end = np_range(head)
        # "a report on X, which said P": the paper's name stops before the clause on it
        name = _RELATIVE_TAIL.split(self.text[start:end], maxsplit=1)[0]
        if name[:1].isupper() and head.doc[head.left_edge.i].pos_ == "DET":
            name = name[0].lower() + name[1:]
        actor = self.named(name, ("document",)) or self.new(name, "DOCUMENT", "document")
        self.issuers[lemma] = actor
        return actor

    def _on_record(self, head: Token) -> bool:
        """ "a Rosneft spokesman", "spokesmen for Gazprom": on the record for a body, unless the
        sentence withholds who ("a spokesman who spoke on condition of anonymity")."""
        if head.lemma_.lower() not in _ON_RECORD and head.lower_ not in _ON_RECORD:
            return False
        sent = head.sent
        return not any(cue in sent.text.lower() for cue in _OFF_RECORD)

    def _prior_unnamed(self, lemma: str, generic: bool, kind: str) -> Actor | None:
        """The earlier unnamed person "the official", "the spokesman" refers back to."""
        if kind == "anonymous":
            return self._prior_anonymous(lemma, generic)
        same = (a for a in reversed(self.history) if a.kind == kind and a.type == "PERSON")
        return next((a for a in same if lemma in norm(a.name).split()), None)

    def _prior_anonymous(self, lemma: str, generic: bool) -> Actor | None:
        anonymous = [a for a in reversed(self.history) if a.kind == "anonymous"]
        same_head = next((a for a in anonymous if lemma in norm(a.name).split()), None)
        if same_head is not None or not generic:
            return same_head
        return anonymous[0] if anonymous else None

    def _use(self, actor: Actor, r: Range) -> Actor:
        self.history.append(actor)
        self.mention(actor, r)
        return actor


def antecedent(tok: Token) -> Token:
    """ "a report that said", "the official who spoke": the noun a relative pronoun stands for."""
    if tok.lower_ not in _RELATIVE or tok.dep_ not in ("nsubj", "nsubjpass"):
        return tok
    if tok.head.dep_ == "relcl":
        return which_thing(tok, tok.head.head)
    if tok.tag_ not in ("WDT", "WP"):
        return tok
    # the parser made "that" a main subject ("a Bloomberg report, citing sources, that said"):
    # the noun right before it, past a participle between commas
    noun = noun_before(tok)
    return noun if noun is not None and can_tell(noun, entities=False, documents=True) else tok


def noun_before(tok: Token) -> Token | None:
    """The head of the noun phrase right before `tok`, past a ", citing X," aside."""
    doc, i = tok.doc, tok.i - 1
    while i >= 0 and doc[i].is_punct:
        if doc[i].text == ",":
            j = i - 1
            while j >= 0 and doc[j].text != "," and doc[j].tag_ != "VBG":
                j -= 1
            if j >= 0 and doc[j].tag_ == "VBG" and j > 0 and doc[j - 1].text == ",":
                i = j - 1  # skip the aside
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = doc[i]
    while noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i and noun.head.i < tok.i:
        noun = noun.head
    return noun


def _main_subject(tok: Token) -> bool:
    """The named subject of a main clause ("Suga ducked questions"), not of a relative clause
    ("a problem that Karzai has taken seriously")."""
    return tok.pos_ == "PROPN" and tok.dep_ in _SUBJECTS and tok.head.dep_ == "ROOT"


_SOME = {"some", "several", "many", "few", "certain", "other", "various", "most"}
_PEOPLE_ADJECTIVES = {"unnamed", "anonymous", "unidentified", "senior", "prominent"}
_GROUP_DEPS = {"poss", "nmod"}


def _national_media(head: Token) -> bool:
    """ "the Chinese media", "state media", "Chinese mainstream media": news media as one teller,
    not "some Japanese media" (a few of them, unnamed) nor "media reports" (a report)."""
    if head.pos_ != "NOUN" or head.lower_ != "media":
        return False
    return not any(c.dep_ == "det" and c.lower_ in _SOME for c in head.children)


def _people_described(head: Token) -> bool:
    """ "unnamed senior party figures": a document word ("figures") the words before it say are
    people."""
    return head.lemma_.lower() == "figure" and any(
        c.dep_ == "amod" and c.lower_ in _PEOPLE_ADJECTIVES for c in head.children
    )


def _unnamed_group(head: Token, known: dict[str, bool]) -> bool:
    """A plural common noun no lexicon knows, with no article or possessive that would pick out
    one group the text names ("Nepalese politicians", "lower court judges", "some investors"):
    unnamed people. A body ("Police", "Authorities", "the party's leaders"), a thing, a paper or a
    reference ("the editors") is not."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS":
        return False
    lemma = head.lemma_.lower()
    if lemma in body_words() or head.lower_ in body_words() or lemma in institution_heads():
        return False
    lex = lexicons()
    if lemma in _ON_RECORD or head.lower_ in _ON_RECORD:
        return False  # "spokespeople for the journals": on the record for a body
    if lemma in known or lemma in lex.documents or lemma in lex.references or lemma in _MEDIA:
        return False
    if inanimate(head):
        return False
    for c in head.children:
        if c.dep_ in _GROUP_DEPS or (c.dep_ == "det" and c.lower_ not in _SOME):
            return False
        if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP")):
            return False  # "GCC leaders", "Apple executives": a named body's people
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _is_title_token(tok: Token) -> bool:
    words = title_words()
    return tok.lower_ in words or tok.lower_.rstrip(".") in words


_BODIES_ENT = ("ORG", "NORP")  # "Labour candidates": the party's; "U.S. prosecutors" are unnamed


def _unnamed_role(head: Token) -> bool:
    """ "one author", "several authors of a report", "other heads of various units", "some of the
    researchers", "a cabinet minister": a word for a person's role or title (data/person_nouns.txt,
    data/titles.txt; a plural by its lemma) that picks out nobody — counted, indefinite, one of a
    group, or bare; a named body's people ("GCC leaders", "Labour candidates") stay the body's."""
    lemma = head.lemma_.lower()
    if head.tag_ == "NNS" and _partitive(head) and not inanimate(head):
        # "some of the families", "many of the residents": a part of a group of people, unnamed
        return not any(c.pos_ == "PROPN" or c.ent_type_ in _BODIES_ENT for c in head.subtree if c != head)
    if not (_is_title_token(head) or lemma in title_words() or lemma in person_nouns()):
        return False
    if _partitive(head):
        return True  # "some of the researchers", "two of the authors": a part of the group, unnamed
    if head.tag_ == "NNS" and not any(c.dep_ == "det" for c in head.children):
        if any(c.dep_ in ("compound", "nmod", "amod") and (c.pos_ == "PROPN" or c.ent_type_ in _BODIES_ENT)
               for c in head.children):
            return False
    return _unidentified(head)


def _partitive(head: Token) -> bool:
    """Is `head` the group in "some of the researchers", "one of the authors"?"""
    of = head.head if head.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.lemma_.lower() in lexicons().quantities


def _unidentified(head: Token) -> bool:
    """ "a cabinet minister", "the minister accused of P", "the minister who resigned": a title that
    does not pick out its holder by the office alone (indefinite, or narrowed by a clause)."""
    # "Congress' minority unit chief", "BJP's chief": the office of a body the text names
    owned = any(c.dep_ in ("poss", "nmod") for c in head.children)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "another") for c in head.children)
    return indefinite or not (_definite(head) or owned) or _restricted(head)


def _restricted(head: Token) -> bool:
    """A clause right after the head that says which one ("the minister accused of P", "the woman
    who alleged P"), not an aside between commas."""
    return any(
        c.dep_ in ("acl", "relcl") and c.i > head.i and head.doc[c.left_edge.i - 1].text != ","
        for c in head.children
    )


def _own_modifier(head: Token) -> set[str]:
    """ "the lawyer for the prosecution", "the striker from Rovers": the words of a phrase right after
    the role word that says which one (no article), lower-case; empty when there is none."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.i == head.i + 1), None)
    if prep is None:
        return set()
    return {t.lower_ for t in prep.subtree if t.i != prep.i and t.dep_ != "det" and not t.is_punct}


_OPEN_QUOTES = frozenset('“"‘\'«')


def _breaks_between(text: str, start: int, end: int) -> int:
    """How many paragraph breaks lie between two offsets (a run of line breaks is one; a hard wrap
    inside a paragraph is none, `is_line_wrap`; nor is a break before a paragraph that opens with a
    quotation mark, the speaker's quote carried on)."""
    count, at = 0, text.find("\n", start, end)
    while at >= 0:
        wrap = is_line_wrap(text, at)
        while at < end and text[at] in "\n \t":
            at += 1
        if not wrap and text[at : at + 1] not in _OPEN_QUOTES:
            count += 1
        at = text.find("\n", at, end)
    return count


def _occasion(tok: Token) -> bool:
    """ "said in a statement", "In a statement, she said": where a teller spoke."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in ("in", "through", "via")


def _names_noun(noun: Token, name: Token) -> bool:
    """Is `name` a proper name standing right after `noun`, with at most "the" between ("tabloid the
    Sun", "newspaper Harbour Post"): the noun's name, whatever dependency the parser gave it?"""
    if name.pos_ != "PROPN" or name.i <= noun.i:
        return False
    start = name.left_edge.i
    if noun.doc[start].lower_ == "the":
        start += 1
    between = noun.doc[noun.i + 1 : start]
    return all(t.lower_ == "the" for t in between) and all(
        t.pos_ == "PROPN" or t.lower_ == "the" for t in noun.doc[noun.i + 1 : name.i + 1]
    )


def _definite(head: Token) -> bool:
    return any(c.lower_ in _DEFINITE for c in head.children if c.dep_ in ("det", "amod"))


def _body_possessive(head: Token) -> bool:
    """ "its spokesman", "the ministry's spokesman", "our correspondent": a body's office-holder, as
    definite as "the spokesman" (not "her spokesman", a person's)."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None:
        return False
    if poss.pos_ == "PRON":
        # "our correspondent": the writing outlet's own, as definite as "the correspondent"
        return poss.lower_ in ("its", "their", "our")
    return poss.ent_type_ != "PERSON"


def _public_body(actor: Actor) -> bool:
    """A government, a public body or an institution ("the U.S.", "State Department", "World Health
    Organization"): an unknown organisation may be a news outlet the gazetteer lacks ("STAT")."""
    if actor.type in ("GPE", "NORP"):
        return True
    words = {w.strip(".,'’").lower() for w in actor.name.split()}
    return bool(words & (body_words() | institution_heads()))


def _by_media(head: Token) -> bool:
    """ "a media report", "a news agency report", "a press report", "a report by some media": a
    report (or page) whose words say news media made it."""
    if any(t.lower_ in _MEDIA for t in head.doc[head.left_edge.i : head.i]):
        return True
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "in"):
            if any(c.dep_ == "pobj" and c.lower_ in _MEDIA for c in prep.children):
                return True
    return False


def _head_within(head: Token, source: Range) -> Token:
    """The source's head inside the source: when the source was cut to its paragraph (the parser ran
    a headline or page chrome into the sentence, "... media reports\n\nThe Defense Ministry said"),
    the parser's subject may lie outside it; the root of what is left speaks."""
    if source[0] <= head.idx < source[1]:
        return head
    span = head.doc.char_span(*source, alignment_mode="expand")
    return span.root if span is not None and len(span) else head


def _quantity_of(head: Token) -> Token:
    """ "most of the officials": the officials speak."""
    lex = lexicons()
    if head.lemma_.lower() in lex.quantities or head.lower_ in lex.quantities:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return pobj or head
    return head


# "Another warned", "The latest, obtained by X, said": a head with its noun left out
_ELLIPTICAL = frozenset({"another", "latest", "other", "second", "third", "last", "earlier", "newest"})
_ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "ROOT", "conj"})
_ELLIPSIS_WINDOW = 80  # tokens back, about two short paragraphs


def elliptical_antecedent(head: Token) -> Token | None:
    """The noun an elliptical subject leaves out ("One official asked ... Another warned":
    official; "Several outlets were given memos ... The latest, obtained by X, warned": memos):
    the nearest earlier source or paper noun heading its own phrase (not the object of a
    preposition)."""
    if head.lower_ not in _ELLIPTICAL or head.pos_ in ("NOUN", "PROPN") and head.tag_ not in ("JJS", "JJ"):
        return None
    if any(c.dep_ in ("prep", "compound") or c.pos_ == "NOUN" for c in head.children):
        return None  # "another of the officials", "the latest report"
    lex = lexicons()
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - _ELLIPSIS_WINDOW), -1):
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.dep_ not in _ANTECEDENT_DEPS:
            continue
        lemma = tok.lemma_.lower()
        if lemma in lex.anonymous or lemma in lex.documents:
            return tok
    return None
