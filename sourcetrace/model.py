"""The analysis contract: one `Analysis` per article.

These pydantic models *are* the contract of `python -m sourcetrace analyze` (see
docs/analysis-contract.md); `schema/analysis.schema.json` is generated from them
(`python -m sourcetrace schema`). Fields required by the minimum contract keep their
meaning; everything else is an extension that other tools may ignore.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

ActorKind = Literal["named", "anonymous", "publisher", "outlet", "document"]
LinkKind = Literal["publisher", "outlet", "named", "anonymous", "document", "unattributed"]
Precision = Literal["day", "week", "month", "year", "open"]
Stance = Literal["asserts", "denies"]
ChromeKind = Literal["byline", "date", "caption", "dateline", "related", "credit", "comments", "furniture"]

# The entity types an actor can have, in the order the app offers them: the spaCy/OntoNotes labels
# of someone or something that acts, speaks or is spoken of, and DOCUMENT (a cited report). On the
# wire `Actor.type` stays a plain string (a gazetteer may bring another label); the code lists
# the types here and nowhere else.
ACTOR_TYPES: tuple[str, ...] = (
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "DOCUMENT",
)

# A relation's kind on the wire is "co-occurrence", "source-of" or a verb lemma ("meet"); the code
# reads the family through `Relation.family`.
CO_OCCURRENCE = "co-occurrence"
SOURCE_OF = "source-of"
RelationFamily = Literal["co-occurrence", "typed", "source-of"]
RELATION_FAMILIES: tuple[str, ...] = get_args(RelationFamily)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Characters `text[start:end]` of the article; `parts` when discontinuous."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    parts: list[Span] | None = None


class Dateline(_Model):
    """An agency-style dateline ("al-Malaf, July 10,2007:") that hands what follows to a source."""

    span: Span
    source: str  # "al-Malaf", "NCRI"
    date: str | None = None  # YYYY-MM-DD when the dateline carries one
    covers: Span  # the text the dateline frames (up to the next dateline or the end)


class Chrome(_Model):
    """A piece of pasted page chrome: structure, never an actor, a claim or an event.

    byline ("By Joana Marques | Atlantic Wire"), date (a date line at the top), caption ("Photo:
    Reuters / ..."), dateline (the place of a wire dateline, "LISBON, March 15"), related (other
    stories' headlines), credit ("Reporting by ..."), comments (the comment form and what follows),
    furniture (share, subscribe, paywall and navigation lines).
    """

    span: Span
    kind: ChromeKind
    authors: list[str] = []  # a byline's names
    outlet: str | None = None  # a byline's news organisation ("Atlantic Wire")
    date: str | None = None  # YYYY-MM-DD when the line states a full date


class ArticleStructure(_Model):
    """Where the page's parts are; metadata only, the text itself is never edited."""

    publisher_line: Span | None = None
    headline: Span | None = None
    headline_cue: Span | None = None  # ": report" at the end of a headline
    datelines: list[Dateline] = []
    boilerplate: list[Span] = []  # "Exit mobile version", and every chrome span: never an entity or a claim
    body_start: int = 0
    chrome: list[Chrome] = []  # what each piece of pasted page chrome is (its spans are in boilerplate too)


class Article(_Model):
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source_path: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str = "en"
    content_hash: str = ""  # sha256 of text, the key corrections are stored under
    structure: ArticleStructure = ArticleStructure()


class Actor(_Model):
    id: str
    name: str
    type: str  # spaCy/OntoNotes label: PERSON, ORG, GPE, ...
    kind: ActorKind
    aliases: list[str] = []
    mentions: list[Span] = []
    titles: list[str] = []  # "National Security Advisor"
    nationality: list[str] = []  # adjectives attached to this actor: demonyms ("Iranian"), party/group words
    corrected: bool = False


class Relation(_Model):
    source: str
    target: str
    kind: str  # "co-occurrence" | "source-of" | a verb lemma
    weight: float = 1.0
    evidence: list[Span] = []
    label: str | None = None  # "coordinates with"

    @property
    def family(self) -> RelationFamily:
        """co-occurrence, source-of, or typed (a verb from the parse): the network's edge families."""
        if self.kind == CO_OCCURRENCE:
            return "co-occurrence"
        return "source-of" if self.kind == SOURCE_OF else "typed"


class Event(_Model):
    id: str
    label: str
    start: str | None  # YYYY-MM-DD; None = open start
    end: str | None  # YYYY-MM-DD; None = unresolved
    precision: Precision
    evidence: Span
    actors: list[str] = []
    date_text: Span | None = None  # the words that date it ("Last week")
    uncertain: bool = False  # open-ended, vague or approximate
    unresolved: bool = False  # relative date with no publication date to anchor it
    corrected: bool = False


class Attribution(_Model):
    id: str
    cue: Span
    source: Span | None
    source_actor: str | None
    content: Span
    parent: str | None = None
    source_kind: LinkKind = "named"
    recipient: Span | None = None  # "revealed to al-Malaf"
    recipient_actor: str | None = None
    stance: Stance = "asserts"
    hedged: bool = False
    frame: bool = False  # a document frame (publisher, dateline) rather than a sentence


class Response(_Model):
    """An actor's recorded non-answer ("declined to comment", "did not respond to a request for
    comment", "could not be reached"): never a claim, as it states nothing, but users want to see
    who was asked and did not answer."""

    id: str
    kind: Literal["no_comment"] = "no_comment"
    actor: str | None = None  # the actor who did not answer, when known
    source: Span | None = None  # the words naming them ("The company")
    cue: Span  # "declined to comment"


class ChainLink(_Model):
    label: str
    kind: LinkKind
    actor: str | None = None
    attribution: str | None = None
    # the link is a document frame (the page's publisher, a dateline's outlet), not a cue in a
    # sentence: a claim whose last link is a frame is in that frame's own voice
    frame: bool = False


class Claim(_Model):
    id: str
    content: Span
    chain: list[ChainLink]
    stance: Stance = "asserts"
    hedged: bool = False
    hedge: Span | None = None  # "it is not officially known whether"
    actors: list[str] = []  # actors named inside the content
    events: list[str] = []
    corrected: bool = False
    dismissed: bool = False


class PipelineInfo(_Model):
    model: str = ""
    model_version: str = ""
    sourcetrace_version: str = ""
    gazetteers: list[str] = []


class Analysis(_Model):
    schema_version: int = SCHEMA_VERSION
    article: Article
    actors: list[Actor] = []
    relations: list[Relation] = []
    events: list[Event] = []
    attributions: list[Attribution] = []
    claims: list[Claim] = []
    responses: list[Response] = []  # no-comment responses, in text order
    pipeline: PipelineInfo = PipelineInfo()
    warnings: list[str] = []

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def claim(self, claim_id: str | None) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)

    def event(self, event_id: str | None) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def json_schema() -> dict:
    return Analysis.model_json_schema()
