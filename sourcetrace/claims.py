"""Claims: one proposition with its whole attribution chain, outermost first.

A claim is either the content of an innermost attribution (its chain walks the parents up to
the publisher frame), or a body sentence that no attribution covers and that states something:
the article's own voice, whose chain ends in an "unattributed" link (never an invented source) —
or, inside a dateline's outlet frame, in that outlet's own voice: the chain ends in the outlet's
frame link ("NCRI › al-Malaf", kind outlet, `ChainLink.frame`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcetrace.attributions import find_hedge
from sourcetrace.attributions.base import doc_text
from sourcetrace.mentions import MentionIndex
from sourcetrace.model import Actor, Article, Attribution, ChainLink, Claim, Response, Span
from sourcetrace.spans import make_span, trim

UNATTRIBUTED_LABEL = "unattributed"
_RELATIVE = re.compile(r",|\s(?:who|whom|whose|which|that)\s")
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
_MIN_WORDS = 3
_MIN_LEFTOVER_WORDS = 4  # "that" or "and" left around a nested attribution is no claim of its own
_WORDS = re.compile(r"\w+")
# a "verb" in a noun's place is a noun the tagger got wrong ("dismissed reports that ...")
_NOUN_DEPS = ("dobj", "nsubj", "nsubjpass", "pobj")


def _label(att: Attribution, article: Article, actors: dict[str, Actor], parsed: dict[str, str]) -> str:
    """The link's words: its actor's name, else its source phrase, else (for a noun cue) the cue;
    `parsed` holds labels decided from the parse (`_parse_labels`)."""
    actor = actors.get(att.source_actor or "")
    if actor is not None and actor.name.strip():
        return actor.name
    if att.frame and att.source_kind == "publisher" and article.publisher:
        return article.publisher
    if att.source is not None and att.source.text.strip().lower() in _RELATIVE_PRONOUNS:
        # "a report that ... and that doesn't point to ...": the antecedent, never "that"
        return parsed.get(att.id, UNATTRIBUTED_LABEL)
    if att.source is not None:
        # "the two governments that had been formed by ..." -> "the two governments"
        label = _RELATIVE.split(att.source.text, maxsplit=1)[0].strip(" ,") or att.source.text
        if label.count("(") > label.count(")"):  # "The Prime Minister's Office (PMO": the name before it
            label = label[: label.index("(")].strip(" ,") or label
        if _WORDS.search(label):
            return label
    if att.id in parsed:
        return parsed[att.id]  # a link is an actor phrase, never a verb ("saying", "also said")
    # a noun cue names what speaks ("suggestions that ...", "Headline: report")
    return att.cue.text.strip(" :–-—") or UNATTRIBUTED_LABEL


def _link(
    att: Attribution, article: Article, actors: dict[str, Actor], parsed: dict[str, str] | None = None
) -> ChainLink:
    label = _label(att, article, actors, parsed or {})
    unnamed = label == UNATTRIBUTED_LABEL and att.source_actor is None and not att.frame
    return ChainLink(
        label=label,
        kind="unattributed" if unnamed else att.source_kind,
        actor=att.source_actor,
        attribution=att.id,
        frame=att.frame,
    )


def _chain(
    att: Attribution | None,
    by_id: dict[str, Attribution],
    article,
    actors,
    parsed: dict[str, str] | None = None,
) -> list[ChainLink]:
    """Links from the outermost frame down to `att`; `parsed`: labels decided from the parse."""
    links: list[ChainLink] = []
    seen: set[str] = set()
    while att is not None and att.id not in seen:  # guard against a malformed (cyclic) input
        seen.add(att.id)
        links.append(_link(att, article, actors, parsed))
        att = by_id.get(att.parent or "")
    links.reverse()
    # "X said he could not believe P": the belief nested in X's own statement is still X's word,
    # one hop, not "X › X" (the inner link, the one the claim is, stays)
    links = [link for link, inner in zip(links, [*links[1:], None], strict=False)
             if not (inner is not None and _teller(link) and _teller(inner) and link.actor
                     and link.actor == inner.actor)]
    if len(links) >= 2 and links[-1].kind == "unattributed" and _teller(links[-2]):
        # "the official said the North appears to have failed": a cue with no source of its own
        # (or an inanimate one: "X said the move signals P") inside what a teller says adds no
        # teller; the claim rests on the teller
        links.pop()
    return links


def _teller(link: ChainLink) -> bool:
    return not link.frame and link.kind not in ("publisher", "unattributed")


def _ranges(span: Span) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in span.parts] if span.parts else [(span.start, span.end)]


def _inside(span: Span, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in _ranges(span))


def _actors_in(span: Span, index: MentionIndex) -> list[str]:
    found = {a.id: None for s, e in _ranges(span) for a in index.within(s, e)}
    return list(found)


def _says_more(text: str, att: Attribution, nested: list[Attribution]) -> bool:
    """Whether the content holds at least a few words outside its nested attributions; the words
    of a nested source that is no teller ("the spokesman said the activities at the site were
    normal and did not imply P": the activities tell nothing) are the outer one's own."""
    holes = [
        r
        for n in nested
        for r in [*_ranges(n.content), (n.cue.start, n.cue.end)]
        + ([(n.source.start, n.source.end)] if n.source and n.source_kind != "unattributed" else [])
        + ([(n.recipient.start, n.recipient.end)] if n.recipient else [])
    ]
    left = [text[s:e] for outer in _ranges(att.content) for s, e in _pieces(outer, holes)]
    return len(_WORDS.findall(" ".join(left))) >= _MIN_LEFTOVER_WORDS


def _hedge(text: str, span: Span) -> Span | None:
    for s, e in _ranges(span):
        found = find_hedge(text, s, e)
        if found:
            return make_span(text, *found)
    return None


def _cue_hedge(text: str, att: Attribution) -> Span | None:
    """ "The minister is thought to have left", "The senator seemed to lose patience": a cue with no
    source that is itself a hedge (data/hedges.txt) hedges the claim."""
    if att.source is not None:
        return None
    found = find_hedge(text, att.cue.start, max(att.cue.end, att.content.end))
    return make_span(text, *found) if found and found[0] < att.cue.end else None


def _states_something(sent: SpacySpan) -> bool:
    """A declarative sentence with a verb, not a fragment, a question or a caption."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < _MIN_WORDS or sent.text.rstrip().endswith("?"):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    # an imperative ("Read the rest here.") addresses the reader, it asserts nothing
    return not (sent.root.tag_ == "VB" and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in sent))


def _pieces(outer: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`outer` with the `holes` cut out."""
    pieces, cur = [], outer[0]
    for s, e in sorted(holes):
        if e <= outer[0] or s >= outer[1]:
            continue
        if s > cur:
            pieces.append((cur, s))
        cur = max(cur, e)
    if cur < outer[1]:
        pieces.append((cur, outer[1]))
    return pieces


def _frame_at(frames: list[Attribution], start: int) -> Attribution | None:
    """The innermost document frame whose content holds `start`."""
    holders = [f for f in frames if _inside(f.content, start, start)]
    return min(holders, key=lambda f: f.content.end - f.content.start, default=None)


def build_claims(
    doc: Doc,
    article: Article,
    attributions: list[Attribution],
    actors: list[Actor],
    responses: list[Response] = (),
) -> list[Claim]:
    by_id = {a.id: a for a in attributions}
    sentence_level = [a for a in attributions if not a.frame]
    ctx = _Context(
        article,
        by_id,
        {a.id: a for a in actors},
        MentionIndex(actors),
        [a for a in attributions if a.frame],
        _parse_labels(doc, sentence_level),
        _deeds(doc, sentence_level),
    )
    # "The company declined to comment." states nothing: a response, never a claim (the
    # attribution stays, as corpora such as PolNeAR mark it)
    declined = [(r.cue.start, r.cue.end) for r in responses]
    silent = declined + _question_topics(doc, sentence_level)
    claims = _attributed(ctx, sentence_level, silent, declined) + _own_voice(ctx, doc, sentence_level, silent)
    claims.sort(key=lambda c: (c.content.start, c.content.end))
    claims = _once(claims)
    for n, claim in enumerate(claims, 1):
        claim.id = f"c{n}"
    return claims


_BULLET_OR_SPACE = re.compile(r"[\s•·▪◦‣*–—-]+")


_ONCE_WORDS = 10  # "No one was hurt", "the vote would be delayed": short words recur about other things


def _once(claims: list[Claim]) -> list[Claim]:
    """A sentence the text states twice with the same tellers and stance (a summary's bullet that
    repeats the story's sentence, one sentence read by two cues) is one claim, at its first place;
    a short one may be said again of something else ("In Kenya, officials said the vote would be
    delayed. In Uganda, ...") and stays."""
    seen: set[tuple] = set()
    out = []
    for c in claims:
        words = _BULLET_OR_SPACE.sub(" ", c.content.text).strip(" .,;:\"'“”‘’").lower()
        tellers = tuple((link.label, link.kind, link.actor) for link in c.chain)
        key = (words, tellers, c.stance)
        if len(words.split()) >= _ONCE_WORDS and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


@dataclass
class _Context:
    article: Article
    by_id: dict[str, Attribution]
    actor_by_id: dict[str, Actor]
    index: MentionIndex
    frames: list[Attribution]
    parsed: dict[str, str]
    deeds: frozenset[str] = frozenset()  # attributions whose cue reports an act or intention


# Cue verbs that report what someone did, decided or means to do rather than what they said
# ("agreed to send envoys", "offered help", "plans to disclose a bid", "sought the sacking of X"):
# inside another's words they are part of what was told ("QNA said Riyadh and Doha had agreed to
# send two envoys"), so the teller's whole content stays a claim beside the nested one.
_DEEDS = frozenset({
    "agree", "offer", "plan", "seek", "order", "decide", "intend", "defend", "demand", "consider",
    "propose", "threaten", "vow", "promise", "want", "hope", "like", "try", "refuse", "ask",
})


_QUESTION_WORDS = frozenset({"whether", "if", "what", "when", "who", "whom", "why", "how", "which", "where"})


def _question_topics(doc: Doc, attributions: list[Attribution]) -> list[tuple[int, int]]:
    """ "Asked about the report, X said P", "When asked whether he would run, X said no": what a
    question was about ("the report", a noun phrase with no verb) or asked ("whether ...") states
    nothing, so it is no claim (the attribution stays, as PolNeAR marks it)."""
    out = []
    for a in attributions:
        cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        if a.source is not None or cue is None or not any(t.lemma_.lower() == "ask" for t in cue):
            continue
        content = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
        if content is None or not len(content):
            continue
        asks = content[0].lower_ in _QUESTION_WORDS  # "When asked whether he would run"
        if asks or not any(t.pos_ in ("VERB", "AUX") for t in content):
            out.append((a.cue.start, a.cue.end))
    return out


def _deeds(doc: Doc, attributions: list[Attribution]) -> frozenset[str]:
    out = set()
    for a in attributions:
        span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        verbs = [t for t in span or () if t.pos_ in ("VERB", "AUX")]
        if verbs and verbs[-1].lemma_.lower() in _DEEDS:
            out.add(a.id)
    return frozenset(out)


def _parse_labels(doc: Doc, attributions: list[Attribution]) -> dict[str, str]:
    """Labels only the parse can give: "unattributed" for a cue headed by a verb ("saying", "also
    said"), which never lends its words to a link; the antecedent for a relative pronoun source
    ("a report that ... and that ...")."""
    out = {}
    for a in attributions:
        span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        # (or an adverb: "reportedly" names no one either)
        verb = span is not None and len(span) and span.root.pos_ in ("VERB", "AUX", "ADV")
        if verb and span.root.dep_ not in _NOUN_DEPS:
            out[a.id] = UNATTRIBUTED_LABEL
        elif a.source is None and span is not None and len(span) == 1:
            # a report that names no one is called what the text calls it: "media reports", not "reports"
            mods = [c for c in span.root.lefts if c.dep_ in ("compound", "amod", "nmod")]
            if mods:
                out[a.id] = doc_text(doc)[min(m.left_edge.idx for m in mods) : a.cue.end]
        if a.source is not None and a.source.text.strip().lower() in _RELATIVE_PRONOUNS:
            pronoun = doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
            noun = _antecedent(pronoun.root) if pronoun is not None and len(pronoun) else None
            if noun is not None:
                out[a.id] = doc_text(doc)[noun.left_edge.idx : noun.idx + len(noun.text)]
    return out


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative clause hangs on, through conjuncts ("a report that ... and that ...")."""
    verb = pronoun.head
    for _ in range(4):
        if verb.dep_ == "relcl":
            return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _attributed(
    ctx: _Context,
    sentence_level: list[Attribution],
    silent: list[tuple[int, int]],
    declined: list[tuple[int, int]],
) -> list[Claim]:
    """Innermost attributions: their content is the claim, their ancestry the chain; an outer one
    is a claim too when its content says more than what it nests ("A told B that X, but Y")."""
    text = ctx.article.text
    parents = {a.parent for a in sentence_level if a.parent}
    children: dict[str, list[Attribution]] = {}
    for a in sentence_level:
        if a.parent:
            children.setdefault(a.parent, []).append(a)
    claims = []
    for att in sentence_level:
        # the nested attribution carries the claim, unless the outer one denies it: "Belarus
        # denied that it sought to deploy missiles" is Belarus's denial of the whole clause
        nested = children.get(att.id, [])
        deed = any(n.id in ctx.deeds or _only_talk(n) for n in nested)  # "said X had agreed to send envoys"
        whole = att.stance == "denies" or deed or _says_more(text, att, nested)
        if att.id in parents and not whole:
            continue
        if _only_talk(att):
            continue  # "released a statement", "gathered to seek answers": no proposition to show
        if any(s < att.cue.end and att.cue.start < e for s, e in silent):
            continue
        if _only_declines(text, att.content, declined):
            continue  # "Velt said she would not comment": the response says it, no claim
        hedge = _hedge(text, att.content) or _cue_hedge(text, att)
        claims.append(
            Claim(
                id="",
                content=att.content,
                chain=_chain(att, ctx.by_id, ctx.article, ctx.actor_by_id, ctx.parsed),
                stance="denies" if _under_denial(att, ctx.by_id) else att.stance,
                hedged=att.hedged or hedge is not None,
                hedge=hedge,
                actors=_actors_in(att.content, ctx.index),
            )
        )
    return claims


# what may follow a no-comment in the words it ends: its topic ("would not comment on the talks",
# "would not speculate about who did it"), never a statement of its own
_DECLINED_TOPIC = frozenset({
    "on", "about", "regarding", "over", "further", "publicly", "when", "why", "whether", "who",
    "what", "how", "beyond", "for", "to", "at", "until",
})
_GOES_ON = (
    "because", "but", "although", "though", "since", "while", "as", "adding", "saying", "describing",
    "explaining", "recalling", ";",
)


# what a content that names only talk is made of: "a statement", "answers", "any questions", "how many"
_TALK_NOUNS = frozenset({
    "statement", "statements", "answer", "answers", "question", "questions", "comment", "comments",
    "source", "sources", "detail", "details", "information", "clarification", "response", "responses",
    "explanation", "remarks", "press release",
})
_TALK_FILLERS = frozenset({
    "a", "an", "the", "any", "some", "such", "more", "further", "its", "his", "her", "their", "our", "no",
    "brief", "short", "official", "written", "joint", "separate", "new",
})
_WORD = re.compile(r"[\w'’-]+")
# "referring to X": X is what is spoken of (an attribution in PolNeAR), a topic and no proposition
# "referred to the audit as a witch hunt", "referring to the fact that prices had doubled": a claim
_CHARACTERISED = re.compile(r"\b(?:as|that)\b", re.IGNORECASE)
_TOPIC_CUE = re.compile(r"(?:referring|refers|referred|refer)\s+to\b", re.IGNORECASE)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "our"})


def _only_talk(att: Attribution) -> bool:
    """Is the content no proposition, only the talk itself ("InterGlobe released a statement",
    "investors gathered to seek answers", "did not reveal how many")? A denial of it stays ("denied
    any such statements")."""
    if att.stance == "denies":
        return False
    if _TOPIC_CUE.match(att.cue.text) and not _CHARACTERISED.search(att.content.text):
        return True  # "Referring to the grain deal, Akar said: ...": what he spoke of, no claim
    words = [w.lower() for w in _WORD.findall(att.content.text)]
    if not 1 <= len(words) <= 4:
        return False
    if words[0] in _QUESTION_WORDS and len(words) <= 2:
        return True  # "how many", "why"
    if words[0] in _DEFINITE:
        return False  # "confirmed the remarks", "stood by its statement": a particular one, confirmed
    rest = [w for w in words if w not in _TALK_FILLERS]
    return bool(rest) and (" ".join(rest) in _TALK_NOUNS or all(w in _TALK_NOUNS for w in rest))


def _only_declines(text: str, content: Span, declined: list[tuple[int, int]]) -> bool:
    """Is the content only a no-comment and its subject ("she would not comment", "the company
    would not speculate about who was behind it")? Not "she would not comment, but the port will
    reopen" nor "cannot comment on the letter because he has not seen it": a statement follows."""
    for s, e in declined:
        if not (content.start <= s and e <= content.end):
            continue
        before = text[content.start : s].split()
        after = text[e : content.end].strip(" .,;:\n")
        reason = any(f" {w} " in f" {after.lower()} " for w in _GOES_ON)  # "... because he has not seen it"
        if len(before) <= 6 and (not after or after.split()[0].lower() in _DECLINED_TOPIC) and not reason:
            return True
    return False


def _under_denial(att: Attribution, by_id: dict[str, Attribution]) -> bool:
    """The attribution denies, or is nested inside what a denial denies ("X denied that Y said
    P": Y's P is denied in this chain, never asserted by it). A cue outside the denial's content
    ("refuted the rumours, saying P": the denier goes on) is not denied."""
    if att.stance == "denies":
        return True
    seen: set[str] = {att.id}
    cue = att.cue
    parent = by_id.get(att.parent or "")
    while parent is not None and parent.id not in seen and not parent.frame:
        if not _inside(parent.content, cue.start, cue.end):
            return False
        if parent.stance == "denies":
            return True
        seen.add(parent.id)
        cue, parent = parent.cue, by_id.get(parent.parent or "")
    return False


def _own_voice(
    ctx: _Context, doc: Doc, sentence_level: list[Attribution], silent: list[tuple[int, int]]
) -> list[Claim]:
    """The article's own voice: the headline when no cue claims it, and the sentences outside
    every attribution that state something."""
    text, st = ctx.article.text, ctx.article.structure
    claims = []
    taken = [r for a in sentence_level for r in [*_ranges(a.content), (a.cue.start, a.cue.end)]]
    taken += silent
    if st.headline is not None:
        headline_claimed = any(
            a.cue.start >= st.headline.start and a.cue.end <= st.headline.end for a in sentence_level
        )
        taken.append((st.headline.start, st.headline.end))
        if not headline_claimed:
            claims.append(_unattributed_in(ctx, (st.headline.start, st.headline.end)))
    covered = bytearray(len(text))  # characters inside an attribution: linear overlap checks
    for a, b in taken:
        covered[a:b] = b"\x01" * (b - a)
    for s, e in _body_pieces(doc, ctx.article):
        if any(covered[s:e]):
            continue
        piece = doc.char_span(s, e, alignment_mode="expand")
        if piece is None or text[e : e + 2].strip().startswith("?") or not _states_something(piece):
            continue
        claims.append(_unattributed_in(ctx, (s, e)))
    return claims


def _body_pieces(doc: Doc, article: Article) -> list[tuple[int, int]]:
    """The body's sentences, trimmed, with the page's furniture cut out of a sentence the parser
    ran across it (boilerplate, the publisher line, datelines, the headline)."""
    text, st = article.text, article.structure
    furniture = [(b.start, b.end) for b in st.boilerplate]
    if st.publisher_line is not None:
        furniture.append((st.publisher_line.start, st.publisher_line.end))
    furniture += [(d.span.start, d.span.end) for d in st.datelines]
    if st.headline is not None:
        furniture.append((st.headline.start, st.headline.end))
    out = []
    for sent in doc.sents:
        for s, e in _pieces((sent.start_char, sent.end_char), furniture):
            s, e = trim(text, s, e)
            if e > s and s >= st.body_start:  # the page's header: the headline is handled above
                out.append((s, e))
    return out


def _unattributed_in(ctx: _Context, r: tuple[int, int]) -> Claim:
    return _unattributed(ctx.article.text, r, ctx.frames, ctx.by_id, ctx.article, ctx.index, ctx.actor_by_id)


def _unattributed(
    text: str,
    r: tuple[int, int],
    frames: list[Attribution],
    by_id: dict[str, Attribution],
    article: Article,
    index: MentionIndex,
    actor_by_id: dict[str, Actor],
) -> Claim:
    content = make_span(text, *r)
    frame = _frame_at(frames, r[0])
    if frame is None:
        # the headline sits above the body: it is the publisher's own voice
        frame = next((f for f in frames if f.source_kind == "publisher"), None)
    chain = _chain(frame, by_id, article, actor_by_id)
    if not chain or chain[-1].kind != "outlet":
        # the page speaks: its publisher names no source. Inside an outlet's frame (a dateline,
        # "al-Malaf, July 10, 2007:") the framed outlet speaks: NCRI › al-Malaf is the whole chain
        chain.append(ChainLink(label=UNATTRIBUTED_LABEL, kind="unattributed"))
    hedge = _hedge(text, content)
    return Claim(
        id="",
        content=content,
        chain=chain,
        hedged=hedge is not None,
        hedge=hedge,
        actors=_actors_in(content, index),
    )
