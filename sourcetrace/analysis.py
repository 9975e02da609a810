"""The pipeline, stage by stage: load -> nlp -> actors -> relations -> events -> attributions/claims.

`analyze_text` is the one entry point the CLI, the app and the exporters use.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sourcetrace import __version__
from sourcetrace import actors as actors_stage
from sourcetrace import attributions as attributions_stage
from sourcetrace import claims as claims_stage
from sourcetrace import events as events_stage
from sourcetrace import relations as relations_stage
from sourcetrace import structure as structure_stage
from sourcetrace.attributions.base import doc_text
from sourcetrace.errors import InputError
from sourcetrace.model import Analysis, Article, PipelineInfo, Span
from sourcetrace.nlp import get_pipeline
from sourcetrace.wraps import unwrap


@dataclass(frozen=True)
class Settings:
    """What changes an analysis besides the text (part of every cache key)."""

    model: str | None = None
    gazetteers: tuple[str, ...] = field(default_factory=tuple)
    # attribution rules switched off by name (sourcetrace.attributions.RULES), to measure each one
    disabled_rules: tuple[str, ...] = field(default_factory=tuple)


def prepare_article(
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    source_path: str | None = None,
    site_name: str | None = None,
    url: str | None = None,
) -> Article:
    """An Article with its structure found; explicit metadata wins over what the text suggests."""
    parsed = parse_text(text)
    found = structure_stage.detect_structure(parsed)  # a hard-wrapped paragraph is one line
    if parsed != text:
        _respan(found.structure, text)
    return Article(
        text=text,
        title=title or found.title,
        publisher=publisher or found.publisher,
        published=published or found.published,
        source_path=source_path,
        site_name=site_name,
        url=url,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        structure=found.structure,
    )


def analyze_article(article: Article, settings: Settings = Settings()) -> Analysis:
    nlp = get_pipeline(settings.model, settings.gazetteers)
    _check_length(article, nlp)
    return _analyze_doc(article, nlp(parse_text(article.text)), nlp, settings)


def analyze_text(text: str, settings: Settings = Settings(), **metadata: str | None) -> Analysis:
    return analyze_article(prepare_article(text, **metadata), settings)


def analyze_many(articles: Iterable[Article], settings: Settings = Settings()) -> Iterator[Analysis]:
    """Analyses in input order, parsing through `nlp.pipe`."""
    nlp = get_pipeline(settings.model, settings.gazetteers)
    pending = list(articles)
    for article in pending:
        _check_length(article, nlp)
    for article, doc in zip(pending, nlp.pipe(parse_text(a.text) for a in pending), strict=True):
        yield _analyze_doc(article, doc, nlp, settings)


def parse_text(text: str) -> str:
    """What the parser reads: the article's text with its hard wraps as spaces (`sourcetrace.wraps`),
    the same length, so the Doc's offsets are the article's. Every path that parses an article
    for analysis (the app, the CLI, the corpus, evaluate, train) parses this."""
    return unwrap(text)


def _check_length(article: Article, nlp) -> None:
    """spaCy refuses texts over nlp.max_length with a ValueError; say it as one sentence instead."""
    if len(article.text) > nlp.max_length:
        raise InputError(
            f"The text has {len(article.text):,} characters; "
            f"articles of up to {nlp.max_length:,} can be analysed."
        )


def _analyze_doc(article: Article, doc: Doc, nlp, settings: Settings = Settings()) -> Analysis:
    shown = article
    if doc_text(doc) != article.text:  # parsed unwrapped: the stages read what was parsed
        article = article.model_copy(update={"text": doc_text(doc)})
    warnings: list[str] = []
    actors = actors_stage.extract_actors(doc, article)
    sourcing = attributions_stage.find_sourcing(doc, article, actors, disabled_rules=settings.disabled_rules)
    attributions, actors, responses = sourcing.attributions, sourcing.actors, sourcing.responses
    claims = claims_stage.build_claims(doc, article, attributions, actors, responses)
    relations = relations_stage.build_relations(doc, actors, attributions)
    events, event_warnings = events_stage.extract_events(doc, article, actors)
    warnings.extend(event_warnings)
    claims = events_stage.link_claims_to_events(claims, events)
    analysis = Analysis(
        article=shown,
        actors=actors,
        relations=relations,
        events=events,
        attributions=attributions,
        claims=claims,
        responses=responses,
        warnings=warnings,
        pipeline=_pipeline_info(nlp).model_copy(deep=True),
    )
    if shown is not article:  # spans read the article's own characters again
        _respan(analysis, shown.text)
    return analysis


_PIPELINE_INFO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _pipeline_info(nlp) -> PipelineInfo:
    """What an analysis says of the pipeline that made it, read once per pipeline: spaCy's
    `Language.meta` rebuilds its dict (labels of every component included) on each read, which was
    2 % of an analysis when read four times per article. A pipeline's meta is set when it is loaded."""
    info = _PIPELINE_INFO.get(nlp)
    if info is None:
        meta = nlp.meta
        info = PipelineInfo(
            model=meta.get("name", ""),
            model_version=meta.get("version", ""),
            sourcetrace_version=__version__,
            gazetteers=[str(g) for g in meta.get("sourcetrace_gazetteers", [])],
        )
        _PIPELINE_INFO[nlp] = info
    return info


def _respan(node, text: str) -> None:
    """Every Span in `node` (a model, or lists of them) made to read `text[start:end]`."""
    if isinstance(node, Span):
        node.text = text[node.start:node.end]
        for part in node.parts or ():
            _respan(part, text)
    elif isinstance(node, list | tuple):
        for item in node:
            _respan(item, text)
    elif isinstance(node, dict):
        for item in node.values():
            _respan(item, text)
    elif hasattr(node, "__pydantic_fields__"):
        for name in type(node).model_fields:
            _respan(getattr(node, name), text)
