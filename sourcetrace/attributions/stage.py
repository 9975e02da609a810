"""The attributions stage: frames, sentence-level finds, quotes, nesting, sources, output."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sourcetrace import learned, learned_sources
from sourcetrace.attributions.base import Found, Range, Rule, after_comma, trimmed
from sourcetrace.attributions.clauses import relative_source, source_range, subject
from sourcetrace.attributions.cues import (
    ACCORDING,
    ADJECTIVE,
    CUE_RULES,
    IN_POLL,
    LEARNED,
    MADE_CLEAR,
    MAKE_CASE,
    NOUN,
    REPORTEDLY,
    SEEM,
    VERB,
    WHEN_ASKED,
    cue_candidates,
    made_clear_find,
    make_case_find,
    verb_tags,
)
from sourcetrace.attributions.denials import DENIAL_RULES, flat_rebuttal, split_denials
from sourcetrace.attributions.impressions import (
    IMPRESSION_RULES,
    adjective_find,
    asked_find,
    drop_weak_nested,
    reportedly_find,
    seem_find,
)
from sourcetrace.attributions.lexicons import find_hedge, lexicons
from sourcetrace.attributions.nesting import (
    NESTING_RULES,
    drop_inner_xcomp,
    drop_occasion_nouns,
    inherit_outer,
    nest,
)
from sourcetrace.attributions.nouns import NOUN_RULES, according_find, noun_cue, poll_find
from sourcetrace.attributions.quotes import (
    QUOTE_RULES,
    continue_in_paragraphs,
    continue_open_paragraphs,
    extend_quotes,
    punctuation_finds,
    region_at,
)
from sourcetrace.attributions.responses import (
    announced_statements,
    no_comment_spans,
    overlaps,
    response_find,
    voiced,
)
from sourcetrace.attributions.sources import ActorBook, norm
from sourcetrace.attributions.twohop import (
    TWO_HOP_RULES,
    according_outer,
    as_reported_by,
    cited_afterwards,
    citing_sources,
    contained_teller,
    quoted_as_saying,
    report_quoting,
    seen_by,
    trailing_quoted,
)
from sourcetrace.attributions.verbs import NOUN_READ_RULE, VERB_RULES, noun_read_finds, verb_find
from sourcetrace.errors import InputError
from sourcetrace.model import Actor, Article, Attribution, Response
from sourcetrace.spans import make_span, quote_regions, trim

_FIRST_PERSON = {"i", "we", "you"}
_CONCEDE = {"admit", "acknowledge", "concede", "confess", "accept"}

STAGE_RULES = (
    Rule("headline_cue", '"Headline: report": the headline is attributed to the outlet the page republishes'),
    Rule("first_person_in_quote", '"I think" inside a quotation is the quoted voice, not a new source'),
    Rule(
        "no_comment",
        '"declined to comment", "could not be reached": a no-comment response of its actor, never a claim',
    ),
    Rule(
        "response_in_order",
        '"“P,” Inspector Lopes told a news conference. He declined to comment.": a no-comment\'s '
        "subject is resolved where it stands in the text, among the sources, not after all of them",
    ),
    Rule(
        "rebuttal",
        'a content that calls something untrue ("the report is false", "there is no truth in this", '
        '"baseless") is a denial (data/rebuttals.txt)',
    ),
    Rule(
        "announced_statement",
        '"the club would like to clarify the following. P": a cue whose content only announces what follows '
        "says the rest of its paragraph",
    ),
    Rule(
        "relative_source",
        '"party leaders who say P": the source\'s words are the relative pronoun ("who"), as PolNeAR '
        "marks them; the teller (actor, chain label) stays the antecedent",
    ),
    Rule(
        "focus_adverb",
        '"Even Republicans who have praised him warned P", "Just Trump said so": a focus adverb opening the '
        "source is no part of who speaks",
    ),
    Rule(
        "conjoined_cue",
        '"Rajoy said that he will try to form a government and insisted that P": a reporting verb with no '
        "subject of its own that the parser hung as a conjunct on a verb inside another cue's complement, in "
        "the same tense as that cue, is the cue's conjunct: it says P itself, the first cue's words stop "
        'before "and", and its source is the first cue\'s; so is a participle after a comma ("insisted that '
        'P, claiming that Q"); not a wish or thought ("and wanted a change") nor after "had"/"was" ("had '
        'noticed the report and denounced it")',
    ),
    Rule(
        "learned_cues",
        "the learned cue scorer (sourcetrace/learned.py, PolNeAR train): a verb the lexicon lacks is a cue "
        'when the model says so ("railed against", "bemoaned")',
    ),
    Rule(
        "teller_above",
        '"Voters are more likely to say that P", "She was quick to point out that P", "He began by saying '
        'that P": a cue with no teller of its own, in the infinitive of a predicative adjective or after a '
        "preposition, speaks through the subject of the clause it hangs on",
    ),
    Rule(
        "learned_tags",
        '"I understood the psychology of crookedness": a lexicon verb whose lexicon tags find no content, '
        "that the learned scorer calls a cue, is tried once more with the content tags learned for its "
        "lemma on PolNeAR train (an object as content here; never the object of a verb the lexicon says "
        'takes a recipient, "accused the minister of P")',
    ),
    Rule(
        "learned_sources",
        "the learned source resolver (sourcetrace/learned_sources.py, PolNeAR train): a cue the rules leave "
        'with no teller ("..., writing that P", "was quick to embrace P") takes the noun phrase of its '
        "sentence the model ranks first, when the model is sure enough",
    ),
)

RULES: tuple[Rule, ...] = (
    *(r for r in VERB_RULES if not r.core),
    NOUN_READ_RULE,
    *CUE_RULES,
    *NOUN_RULES,
    *IMPRESSION_RULES,
    *QUOTE_RULES,
    *NESTING_RULES,
    *DENIAL_RULES,
    *TWO_HOP_RULES,
    *STAGE_RULES,
)
RULE_NAMES = frozenset(r.name for r in RULES)

# Rules off by default: chosen when only PolNeAR dev existed, they cost more than they add on train
# (`python -m sourcetrace.attributions.ablation` on train folds 1-4; attributions/README.md). "+NAME"
# among the disabled rules switches one back on, to measure it.
DEFAULT_OFF: frozenset[str] = frozenset({"dash_credit"})


def check_rules(names: Collection[str]) -> frozenset[str]:
    """The rule names as a set ("+NAME" switches a rule of `DEFAULT_OFF` on); an unknown name is an
    InputError that lists the known ones."""
    unknown = sorted({n.removeprefix("+") for n in names} - RULE_NAMES)
    if unknown:
        known = ", ".join(r.name for r in RULES)
        raise InputError(f"Unknown attribution rule {', '.join(unknown)}; the rules are: {known}.")
    return frozenset(names)


def switched_off(names: Collection[str]) -> frozenset[str]:
    """The rules off for `disabled_rules`: those named, and `DEFAULT_OFF` unless named "+NAME"."""
    given = check_rules(names)
    on = {n[1:] for n in given if n.startswith("+")}
    return frozenset({n for n in given if not n.startswith("+")} | (DEFAULT_OFF - on))


# --------------------------------------------------------------------------- document frames


def _frames(article: Article, book: ActorBook) -> list[Found]:
    text, st = article.text, article.structure
    frames: list[Found] = []
    publisher_frame = None
    if article.publisher:
        line = st.publisher_line
        r = (line.start, line.end) if line else None
        actor = book.frame_actor(article.publisher, r, "publisher")
        body = trimmed(text, (st.body_start, len(text))) or (0, len(text))
        publisher_frame = Found(
            cue=r or (0, 0),
            content=[body],
            source=r,
            frame=True,
            source_actor=actor.id,
            source_kind="publisher",
        )
        frames.append(publisher_frame)
    for dl in st.datelines:
        if article.publisher and norm(dl.source) == norm(article.publisher):
            continue  # "NCRI –" on an NCRI page is the publisher's own voice
        at = text.find(dl.source, dl.span.start, dl.span.end)
        r = (at, at + len(dl.source)) if at >= 0 else None
        actor = book.frame_actor(dl.source, r, "outlet")
        covers = trimmed(text, (dl.covers.start, dl.covers.end))
        if covers is None:
            continue
        frames.append(
            Found(
                cue=(dl.span.start, dl.span.end),
                content=[covers],
                source=r,
                frame=True,
                source_actor=actor.id,
                source_kind="outlet",
                parent=publisher_frame,
            )
        )
    return frames


def _headline(article: Article, frames: list[Found]) -> Found | None:
    """ "Headline: report" — the headline's content, attributed to the outlet the page republishes."""
    st, text = article.structure, article.text
    if st.headline is None or st.headline_cue is None:
        return None
    content = trimmed(text, (st.headline.start, st.headline_cue.start))
    if content is None:
        return None
    outlet = next((f for f in frames if f.source_kind == "outlet"), None)
    publisher = next((f for f in frames if f.source_kind == "publisher"), None)
    return Found(
        cue=trim(text, st.headline_cue.start, st.headline_cue.end),
        content=[content],
        lemma="report",
        source_actor=outlet.source_actor if outlet else None,
        source_kind="outlet" if outlet else "document",
        parent=publisher,
    )


# --------------------------------------------------------------------------- sentence level


def _verb_find(
    tok, kind: str, text: str, regions: list[Range] | None, off: frozenset[str], scorer=None
) -> Found | None:
    """A verb cue's attribution by its lexicon (or learned) tags; a lexicon verb whose tags find
    nothing and that the scorer calls a cue is tried once more with its learned tags ("learned_tags")."""
    tags = verb_tags(tok, lexicons(), scorer)
    found = verb_find(tok, tags, text, regions, off)
    if found is not None or kind != VERB or scorer is None or "learned_tags" in off:
        return found
    more = scorer.tags(tok.lemma_.lower(), default=frozenset())
    if "rcpt" in tags:  # "accused the minister of P": the lexicon's recipient is never the content
        more -= {"obj"}
    more |= tags
    return verb_find(tok, more, text, regions, off) if more != tags and scorer.is_cue(tok) else None


def _find(
    tok, kind: str, text: str, regions: list[Range] | None, off: frozenset[str], scorer=None
) -> Found | None:
    """The attribution a cue candidate heads, by its kind."""
    if kind == ACCORDING:
        return None if "according_to" in off else according_find(tok, text)
    if kind == IN_POLL:
        return None if "in_poll" in off else poll_find(tok, text)
    if kind == REPORTEDLY:
        return None if "reportedly" in off else reportedly_find(tok, text)
    if kind == VERB and "see_as" in off and tok.lemma_.lower() not in lexicons().verbs:
        return None  # "see X as Y" (cues.SEE_AS) switched off
    if kind in (VERB, LEARNED):
        return _verb_find(tok, kind, text, regions, off, scorer)
    if kind == NOUN:
        return noun_cue(tok, text, off)
    if kind == SEEM and "seemed_to" in off:  # switched off: a passive lexicon verb is a verb again
        if tok.lemma_.lower() not in lexicons().verbs:
            return None
        return verb_find(tok, verb_tags(tok, lexicons(), scorer), text, regions, off)
    if kind == SEEM:
        return seem_find(tok, text, scorer)
    if kind == WHEN_ASKED and "when_asked" in off:  # switched off: the lexicon's "ask" again
        return verb_find(tok, verb_tags(tok, lexicons(), scorer), text, regions, off)
    if kind == WHEN_ASKED:
        return asked_find(tok, text)
    if kind == MAKE_CASE:
        return None if "make_the_case" in off else make_case_find(tok, text)
    if kind == MADE_CLEAR:
        return None if "made_clear" in off else made_clear_find(tok, text)
    if kind == ADJECTIVE:
        return None if "attitude_adjective" in off else adjective_find(tok, text)
    return None


_FOCUS = re.compile(r"(?:even|just)\s+(?=\w)", re.IGNORECASE)


def _without_focus_adverb(text: str, source: Range) -> Range:
    """ "Even Republicans who praised him warned P": "even" marks the surprise, it is not who speaks
    (PolNeAR leaves it out of the source 12 times in 14 on train folds 1-9)."""
    m = _FOCUS.match(text, source[0], source[1])
    return (m.end(), source[1]) if m and m.end() < source[1] else source


def _host_clause(verb):
    """The verb or copula whose clause a teller-less cue hangs in: "likely to say" (an adjective's
    infinitive) or "by saying" (a preposition's gerund); None otherwise."""
    up = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "xcomp" and infinitive and up.pos_ == "ADJ" and up.dep_ == "acomp":
        host = up.head
    elif verb.dep_ == "pcomp" and up.dep_ == "prep" and verb.tag_ == "VBG":
        host = up.head
    else:
        return None
    # the host a main clause: "called on X to join her in supporting Y" lends no teller to "supporting"
    main = host.dep_ in ("ROOT", "conj")
    return host if host.pos_ in ("VERB", "AUX") and host is not verb and main else None


def _teller_above(found: Found) -> None:
    """A cue without a source speaks through the subject of the clause it hangs in (rule
    "teller_above")."""
    verb = found.verb
    if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return
    host = _host_clause(verb)
    if host is None:
        return
    # the host's own words' subject ("was quoted by X as saying": the one quoted, not the agent)
    surface = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
    subj = min(surface, key=lambda c: abs(c.i - host.i)) if surface else subject(host)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.lower_ in ("it", "there"):
        return
    found.source, found.head = source_range(subj, host), subj


def _learned_sources(
    finds: list[Found], doc: Doc, text: str, blocked: list[Range], regions: list[Range], off: frozenset[str]
) -> None:
    """Rule "learned_sources": the cues the rules left without a source take the teller the learned
    resolver ranks first, if it is sure enough (`learned_sources.best`)."""
    model = learned_sources.load()
    for f in finds:
        if f.source is not None or f.frame:
            continue
        within = learned_sources.enclosing(f, finds)
        if learned_sources.recorded(f, regions, within) or model is None:
            continue
        tok = learned_sources.best(f, doc, regions, model, within)
        cue = learned_sources.cue_token(f, doc) if tok is not None else None
        if tok is not None and cue is not None:
            f.source, f.head = source_range(tok, cue), tok
            _fix_source(f, text, blocked, off)


def _fix_source(found: Found, text: str, blocked: list[Range], off: frozenset[str] = frozenset()) -> None:
    """Cut boilerplate, datelines and the publisher line off a source, and keep its head inside."""
    if found.source is None:
        return
    found.source = trimmed(text, _cut_structure(found.source, blocked))
    if found.source is not None and "\n" in text[found.source[0] : found.source[1]]:
        # a subject the parser ran in from the line above (a headline): the source is on the cue's line
        found.source = trimmed(text, (text.rindex("\n", *found.source) + 1, found.source[1]))
        if found.source is not None:  # and the cue's line may open with a dateline ("KABUL (Pajhwok): ...")
            found.source = trimmed(text, _cut_structure(found.source, blocked))
    if found.source is not None:
        # page chrome inside the subject (a caption between a headline and the body): the subject
        # is what follows the last piece of it, next to the cue
        inner = [be for bs, be in blocked if found.source[0] < bs and be <= found.source[1]]
        if inner:
            found.source = trimmed(text, (max(inner), found.source[1]))
    if found.source is not None and "focus_adverb" not in off:
        found.source = _without_focus_adverb(text, found.source)
    head = found.head
    if found.source is None:
        found.head = None
    elif head is not None and head.idx < found.source[0]:
        # the head was cut away with a dateline: use the first subject after the cut
        found.head = next(
            (c for c in head.head.children if c.dep_ == "nsubj" and c.idx >= found.source[0]), head
        )
    elif head is not None and head.dep_ == "nsubj":
        # with two subjects the head is the first one ("the governments", not the misparse)
        found.head = min(
            (c for c in head.head.lefts if c.dep_ == "nsubj" and c.idx >= found.source[0]),
            key=lambda c: c.i,
            default=head,
        )


def _keep(found: Found, blocked: list[Range], regions: list[Range] | None, off: frozenset[str]) -> bool:
    if any(s < be and bs < e for bs, be in blocked for s, e in [found.cue, *found.content]):
        return False  # nothing inside boilerplate, the publisher line or a dateline
    # "I think" inside a quotation is the quoted speaker's voice, not a new source
    return not (
        regions
        and "first_person_in_quote" not in off
        and found.head is not None
        and found.head.lower_ in _FIRST_PERSON
        and region_at(regions, found.cue[0]) is not None
    )


def _sentence_finds(
    doc: Doc,
    article: Article,
    blocked: list[Range],
    regions: list[Range] | None = None,
    off: frozenset[str] = frozenset(),
) -> list[Found]:
    text, lex = article.text, lexicons()
    finds: list[Found] = []
    scorer = None if "learned_cues" in off else learned.cue_scorer(regions or [], lex.verbs, lex.nouns)
    learned_finds: set[int] = set()
    for tok, kind in cue_candidates(doc, lex, scorer):
        found = _find(tok, kind, text, regions, off, scorer)
        if found is None:
            continue
        if kind == LEARNED:
            learned_finds.add(id(found))
        if found.source is None and "teller_above" not in off:
            _teller_above(found)
        _fix_source(found, text, blocked, off)
        # content the parser ran in from a caption or dateline above starts after them
        found.content = [c for c in (_cut_leading(text, c, blocked) for c in found.content) if c]
        if found.content and _keep(found, blocked, regions, off):
            finds.append(found)
    if "noun_read_cue" not in off:
        for found in noun_read_finds(doc, text, finds):
            _fix_source(found, text, blocked, off)
            if _keep(found, blocked, regions, off):
                finds.append(found)
    if "inner_xcomp" not in off:
        finds = drop_inner_xcomp(finds)
    if "occasion_noun" not in off:
        finds = drop_occasion_nouns(doc, finds)
    finds = learned.drop_overlapping(finds, learned_finds)
    if "conjoined_cue" not in off:
        _conjoined_cues(finds, text)
    if "learned_sources" not in off:
        _learned_sources(finds, doc, text, blocked, regions or [], off)
    if regions is not None:
        finds.extend(_free_punctuation_finds(doc, text, finds, blocked, regions, off))
    return finds


_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "conj"})


def _misattached_to(f: Found, by_verb: dict) -> tuple[Found, int] | None:
    """(the cue whose complement holds `f`'s verb as a conjunct or a participle, where its words stop)."""
    v = f.verb
    if v is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    if "src" in lexicons().verbs.get(v.lemma_.lower(), ()):
        return None  # "said she was tired and wanted a change": a wish or a thought stays what was said
    if not any(c.dep_ == "ccomp" for c in v.children):
        return None  # "said the bank broke the rules and admitted its errors": a deed of P's subject
    first = v.head
    if first.i in by_verb or first.pos_ not in ("VERB", "AUX"):
        return None  # "said P and added Q" parsed as it is: nothing to mend
    if v.dep_ == "conj":
        cc = max((c for c in first.children if c.dep_ == "cc" and c.i < v.i), key=lambda c: c.i, default=None)
        if cc is None or cc.lower_ not in ("and", "but"):
            return None
        if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in ("have", "be") for c in first.children):
            return None  # "had noticed the report and denounced it": the conjunct may share "had"
        cut = cc.idx
    elif v.dep_ == "advcl" and v.tag_ == "VBG" and after_comma(v):
        cut = v.left_edge.idx  # "insisted that P, claiming that Q"
    else:
        return None
    up, steps = first, 0
    while up.dep_ in _CONTENT_DEPS and up.head != up and steps < 4:
        if up.head.i in by_verb and up.dep_ == "ccomp":
            g = by_verb[up.head.i]
            tense = v.dep_ != "conj" or g.verb.tag_ == v.tag_
            ok = tense and g.verb.i < v.i and g.source is not None
            return (g, cut) if ok and g.content_contains(f.cue) else None
        up, steps = up.head, steps + 1
    return None


def _conjoined_cues(finds: list[Found], text: str) -> None:
    """Rule `conjoined_cue`: "X said that P and insisted that Q" with "insisted" hung on P's verb."""
    by_verb = {f.verb.i: f for f in finds if f.verb is not None}
    for f in finds:
        hit = _misattached_to(f, by_verb)
        if hit is None:
            continue
        g, cut = hit
        kept = [r for r in (trimmed(text, (s, min(e, cut))) for s, e in g.content if s < cut) if r]
        if kept:
            g.content = kept
            f.source, f.head = g.source, g.head


def _free_punctuation_finds(
    doc: Doc, text: str, finds: list[Found], blocked: list[Range], regions: list[Range], off: frozenset[str]
) -> list[Found]:
    """Speaker labels and dash credits over text no other cue claims."""
    taken = bytearray(len(text))  # characters already claimed: linear overlap checks
    # a cue inside a quotation is the quoted voice's (nested later), so it claims nothing here
    outside = [f for f in finds if region_at(regions, f.cue[0]) is None]
    for bs, be in blocked + [c for f in outside for c in [f.cue, *f.content]]:
        taken[bs:be] = b"\x01" * (be - bs)
    # the colon of a dateline, or a quotation another cue already claims, is not free
    return [
        found
        for found in punctuation_finds(doc, text, regions, off)
        if not any(any(taken[s:e]) for s, e in [found.cue, *found.content])
    ]


def _cut_leading(text: str, r: Range, blocked: list[Range]) -> Range | None:
    """The range without the page structure it starts with (a caption, then a dateline, ...)."""
    cut = trimmed(text, _cut_structure(r, blocked))
    while cut is not None and cut != r:
        r, cut = cut, trimmed(text, _cut_structure(cut, blocked))
    return cut


def _cut_structure(r: Range, blocked: list[Range]) -> Range:
    s, e = r
    for bs, be in sorted(blocked):
        if bs <= s < be or (s <= bs and be <= e and bs - s <= 1):
            s = max(s, be)
    return s, e


# --------------------------------------------------------------------------- the stage


def _blocked(article: Article) -> list[Range]:
    st = article.structure
    blocked = [(b.start, b.end) for b in st.boilerplate]
    blocked += [(d.span.start, d.span.end) for d in st.datelines]
    if st.publisher_line is not None:
        blocked.append((st.publisher_line.start, st.publisher_line.end))
    if st.headline_cue is not None:
        blocked.append((st.headline_cue.start, st.headline_cue.end))
    return blocked


@dataclass
class Sourcing:
    """What the stage finds: attributions, the actors extended with unnamed sources, responses."""

    attributions: list[Attribution]
    actors: list[Actor]
    responses: list[Response] = field(default_factory=list)


def find_attributions(
    doc: Doc, article: Article, actors: list[Actor], disabled_rules: Collection[str] = ()
) -> tuple[list[Attribution], list[Actor]]:
    """Attributions found, and the actors list extended with anonymous/document sources."""
    found = find_sourcing(doc, article, actors, disabled_rules)
    return found.attributions, found.actors


def _two_hops(doc: Doc, finds: list[Found], text: str, off: frozenset[str]) -> list[Found]:
    """The two-hop rules (twohop.py), in order: two tellers in one sentence."""
    if "quoted_as_saying" not in off:
        finds = quoted_as_saying(finds, doc)
    if "as_reported_by" not in off:
        finds = as_reported_by(doc, finds, text)
    if "citing_source" not in off:
        finds = citing_sources(doc, finds, text)
    if "seen_by" not in off:
        finds = seen_by(finds)
    if "contained_teller" not in off:
        finds = contained_teller(finds)
    if "report_quoting" not in off:
        finds = report_quoting(doc, finds, text)
    if "trailing_quoted" not in off:
        finds = trailing_quoted(doc, finds, text)
    if "cited_afterwards" not in off:
        finds = cited_afterwards(doc, finds, text)
    if "according_outer" not in off:
        finds = according_outer(finds, text)
    return finds


def find_sourcing(
    doc: Doc, article: Article, actors: list[Actor], disabled_rules: Collection[str] = ()
) -> Sourcing:
    """The stage: attributions, actors (with anonymous/document sources added) and no-comment
    responses. `disabled_rules` names rules (see `RULES`) to switch off, to measure each one."""
    off = switched_off(disabled_rules)
    text = article.text
    book = ActorBook(text, [a.model_copy(deep=True) for a in actors])
    frames = _frames(article, book)
    book.reindex()  # frame actors created above are found by offset from now on
    regions = quote_regions(text)
    blocked = _blocked(article)
    silent = (
        []
        if "no_comment" in off
        else [(r, subj) for r, subj in no_comment_spans(doc) if not overlaps(r, blocked)]
    )
    finds = _sentence_finds(doc, article, blocked, regions, off)
    extend_quotes(finds, regions, text, off)
    _continue_quotes(finds, regions, text, off, silent)
    finds = _two_hops(doc, finds, text, off)
    if "quote_after_two_hop" not in off:
        # '"P", he was quoted as saying.' ¶ '"Q"': a speaker the two-hop rules made speaks on too
        _continue_quotes(finds, regions, text, off, silent)
    headline = _headline(article, frames) if "headline_cue" not in off else None
    if headline is not None:
        finds = [f for f in finds if not headline.content_contains(f.cue)]
        finds.append(headline)
    if "weak_inside_content" not in off:
        finds = drop_weak_nested(finds)
    if "announced_statement" not in off:
        announced_statements(doc, finds)
    nest(finds, frames, text, off)
    finds = split_denials(doc, finds, lexicons(), off)

    every = sorted([*frames, *finds], key=lambda f: (f.cue[0], not f.frame))
    for n, f in enumerate(every, 1):
        f.id = f"t{n}"
    raw = [response_find(doc, r, subj) for r, subj in silent]
    in_order = _resolve_in_order(finds, raw if "response_in_order" not in off else [], book)
    if "continuing_teller" not in off:
        inherit_outer(finds)
    _relative_sources(finds, off)
    responses = []
    for n, g in enumerate(raw):
        v = voiced(g, finds)
        if v is g and n in in_order:
            v.source_actor = in_order[n].id if in_order[n] is not None else None
        responses.append(_response(n + 1, v, text, book))
    rebut = "rebuttal" not in off
    return Sourcing([_attribution(f, text, book, rebut) for f in every], book.actors, responses)


def _resolve_in_order(finds: list[Found], raw: list[Found], book: ActorBook) -> dict[int, Actor | None]:
    """Resolve the sources in text order, the no-comment responses among them (rule
    `response_in_order`): "“P,” Inspector Lopes told a news conference. He declined to comment."
    is Lopes's no-comment, not that of whoever spoke last in the article. A first-person response
    inside a teller's words (`responses.voiced`) is left for its teller. Returns the actor resolved
    for each response by its index in `raw`."""
    pending = [(f.cue[0], n, f, -1) for n, f in enumerate(finds)]
    pending += [(g.cue[0], len(finds) + n, None, n) for n, g in enumerate(raw) if voiced(g, finds) is g]
    out: dict[int, Actor | None] = {}
    for _, _, f, n in sorted(pending, key=lambda p: (p[0], p[1])):
        if f is None:
            out[n] = book.resolve(raw[n])[0] if raw[n].source is not None else None
        elif f.source_kind is None:
            actor, kind = book.resolve(f)
            f.source_actor, f.source_kind = (actor.id if actor else None), kind
    return out


def _continue_quotes(
    finds: list[Found], regions: list[Range], text: str, off: frozenset[str], silent: list
) -> None:
    """Quotation paragraphs with no cue that go on the last speaker's words (`quotes`)."""
    if "quote_paragraph" not in off:
        continue_in_paragraphs(
            finds,
            regions,
            text,
            left_open="quote_left_open" not in off,
            indirect="quote_after_indirect" not in off,
            silent=tuple(r for r, _ in silent),
        )
    if "quote_open_paragraphs" not in off:
        continue_open_paragraphs(finds, regions, text)


def _relative_sources(finds: list[Found], off: frozenset[str]) -> None:
    """ "leaders who say P": the source's words are "who", the teller (resolved before) the leaders;
    nested inside another's words, the antecedent stays cut from them (the source is unchanged)."""
    if "relative_source" in off:
        return
    for f in finds:
        if f.parent is None:
            f.source = relative_source(f) or f.source


def _response(n: int, f: Found, text: str, book: ActorBook) -> Response:
    known = next((a for a in book.actors if a.id == f.source_actor), None) if f.source_actor else None
    actor = known if known is not None else book.resolve(f)[0]
    return Response(
        id=f"r{n}",
        actor=actor.id if actor is not None else None,
        source=make_span(text, *f.source) if f.source else None,
        cue=make_span(text, *f.cue),
    )


def _hedged(f: Found, text: str) -> bool:
    lex = lexicons()
    return not f.frame and (
        any(find_hedge(text, s, e) for s, e in f.content)
        or any(lex.hedges is not None and lex.hedges.fullmatch(t.text) for t in f.hedge_tokens)
    )


def _stance(f: Found, text: str, rebut: bool) -> str:
    """ "denied the report", and with `rebut` also "the report is false", "there is no truth in this"."""
    lex = lexicons()
    if f.lemma in lex.denials:
        return "asserts" if f.negated else "denies"
    if f.denies:  # decided by the denial rules (sourcetrace/attributions/denials.py)
        return "denies"
    # "Bush admitted that the claim was false" concedes his own; it denies no one else's report
    if rebut and not f.frame and lex.rebuttals is not None and f.verb is not None and f.lemma not in _CONCEDE:
        if any(flat_rebuttal(text, r, lex.rebuttals) for r in f.content) and not f.negated:
            return "denies"
    return "asserts"


def _attribution(f: Found, text: str, book: ActorBook, rebut: bool = True) -> Attribution:
    content = [make_span(text, s, e) for s, e in f.content]
    span = make_span(text, f.content_start, f.content_end)
    if len(content) > 1:
        span.parts = content
    recipient_actor = book.index.at(*f.recipient) if f.recipient else None
    return Attribution(
        id=f.id,
        cue=make_span(text, *f.cue),
        source=make_span(text, *f.source) if f.source else None,
        source_actor=f.source_actor,
        content=span,
        parent=f.parent.id if f.parent is not None else None,
        source_kind=f.source_kind or "named",  # type: ignore[arg-type]
        recipient=make_span(text, *f.recipient) if f.recipient else None,
        recipient_actor=recipient_actor.id if recipient_actor else None,
        stance=_stance(f, text, rebut),
        hedged=bool(_hedged(f, text)),
        frame=f.frame,
    )
