"""No-comment responses: "declined to comment", "did not respond to a request for comment", "could
not be reached", "was not available for comment", "had no immediate comment".

They state nothing, so they are never attributions or claims; but readers want to see who was
asked and did not answer, so each is recorded as a response of its actor.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sourcetrace.attributions.base import Found, Range, doc_text, trimmed
from sourcetrace.attributions.clauses import source_range
from sourcetrace.attributions.lexicons import body_words, can_tell
from sourcetrace.patterns import compile_scan

_NOT = r"(?:(?:did|does|has|have|had)\s+not|(?:did|does|has|have|had)n['’]t)"
_COULD_NOT = r"(?:could\s+not|couldn['’]t|cannot|can['’]t|was\s+not|wasn['’]t|were\s+not|weren['’]t)"
_BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)"
_ASKS = (
    r"(?:(?:a|an|the|repeated|several|multiple|numerous|two|three|emailed|e-mailed|written|phone|telephone"
    r"|further|our|reuters['’]?s?|[A-Z][\w.]*['’]s)\s+)*"
    r"(?:requests?|calls?|e-?mails?|messages?|inquiries|enquiries|queries|questions"
    r"|attempts\s+to\s+(?:reach|contact)\s+(?:him|her|them|it|the\s+\w+))"
)
_FOR_COMMENT = r"\s+for\s+(?:(?:immediate|further)\s+)?comments?"
_ASKED = rf"\s+(?:to\s+)?{_ASKS}(?:\s+(?:for|seeking)\s+comments?)?"
# "No-one at the SFO was immediately available for comment": the cue is the verb part (group "cue")
_NOBODY = r"(?:no[\s-]?one|nobody|none)\b[^.;!?\n]{0,60}?"
# compiled with its first letters as a lookahead (`compile_scan`): the same matches, in half the time
_NO_COMMENT = compile_scan(
    r"\b(?:"
    r"(?:declined|declines|decline|declining|refused|refuses|refuse|refusing)\s+(?:to\s+)?(?:immediately\s+)?"
    r"(?:comment|respond|elaborate|be\s+interviewed|speak\s+on\s+the\s+record|say|confirm|specify|disclose"
    r"|speculate)"
    r"|(?:refrained|refrains|refrain|refraining)\s+from\s+(?:commenting|comment|responding|speculating)"
    rf"|(?:{_COULD_NOT}|(?:would|will)\s+not|(?:wouldn|won)['’]t|declined\s+to|refused\s+to)\s+"
    r"(?:go\s+into|give|provide|discuss)\s+(?:(?:any|further|more|the)\s+)?details"
    # the same, said of what a teller did ("police had not released details"): kept only for a subject
    # who can answer (`_answers`)
    rf"|(?P<gap>(?:{_COULD_NOT}|{_NOT}|(?:would|will)\s+not|(?:wouldn|won)['’]t)\s+(?:"
    r"(?:go\s+into|gone\s+into|give|given|(?:provide|discuss|disclose|reveal|release)(?:e?d)?)\s+"
    r"(?:(?:any|further|more|the)\s+)?details"
    # "did not say whether it was successful", "would not say who was arrested": what was not said is
    # a question, nothing asserted ("I can't say how grateful I am" is emphasis, no question)
    r"|(?:say|said|(?:disclose|reveal|confirm|explain)(?:e?d)?|specif(?:y|ied)|elaborated?\s+on)"
    r"(?=\s+(?:whether|how|when|why|who|where|which|what)\b)(?!\s+how\s+\w+\s+(?:I|we|you)\b)))"
    # "He also remained mum on the kidnapping" ("kept mum" and "for years" are narration: "The family
    # kept mum about the abuse for years")
    r"|(?P<mum>(?:remained|remains|stayed)\s+mum(?=\s+(?:on|about|over|regarding)\b(?![^.;\n]*\bfor\s+(?:years|decades|months)\b)"
    r"|\s*[.,;]))"
    # "police said they would not be answering any questions", "declined to answer further questions"
    r"|(?:(?:would|will)\s+not\s+be\s+answering|(?:declined|declines|refused|refuses)\s+to\s+answer)\s+"
    r"(?:(?:any|further|more|the|reporters['’]?)\s+)*questions"
    r"|(?:(?:had|has|have)|there(?:['’]s|\s+is|\s+was))\s+nothing\s+(?:(?:further|more|else)\s+)?to\s+add"
    rf"|{_NOT}\s+(?:immediately\s+)?(?:comment|respond|reply)(?:ed)?(?:{_ASKED}|(?=\s*[.,;]|\s+(?:immediately|by|on|before)\b))"
    rf"|{_NOT}\s+(?:immediately\s+)?(?:return|answer)(?:ed)?{_ASKED}"
    rf"|{_COULD_NOT}\s+(?:immediately\s+)?(?:be\s+)?(?:reached|contacted)(?:{_FOR_COMMENT})?"
    rf"|{_COULD_NOT}\s+(?:immediately\s+)?comment(?=\s+on\b|\s*[.,;])"
    rf"|{_BE}\s+(?:not\s+(?:immediately\s+)?available|(?:immediately\s+)?unavailable){_FOR_COMMENT}"
    rf"|{_NOBODY}(?P<cue>{_BE}\s+(?:immediately\s+)?available{_FOR_COMMENT})"
    r"|(?:am|is|are|['’]re|['’]m|was|were)\s+not\s+commenting"
    r"|(?:will|would)\s+not\s+comment(?=\s+on\b|\s*[.,;])|(?:won|wouldn)['’]t\s+comment(?=\s+on\b|\s*[.,;])"
    # "Velt would not speculate about who was behind the blockade": nothing said of who was
    r"|(?:(?:will|would|could|did|does)\s+not|(?:won|wouldn|couldn|didn|doesn)['’]t|cannot|can['’]t)"
    r"\s+(?:want\s+to\s+)?speculate"
    # "Mr Moylan said he did not want to comment on an ongoing operation"
    # (in the past: "Officers often do not want to comment on open cases" is a habit, not a refusal)
    r"|(?:did\s+not|didn['’]t)\s+(?:want|wish)\s+to\s+(?:comment|elaborate|respond)"
    r"(?=\s+(?:on|about|further|publicly|until)\b|\s*[.,;])"
    r"|(?:had|has|have)\s+no\s+(?:immediate\s+)?comment"
    # "he would not be able to say anything at this stage", "could not say more": a refusal to say
    # anything at all ("would not say whether P" is "declined to say" already; "did not say how" is not)
    r"|(?:(?:will|would|could|did)\s+not|(?:won|wouldn|couldn|didn)['’]t|cannot|can['’]t)\s+"
    r"(?:be\s+able\s+to\s+)?(?:say|divulge|disclose)\s+(?:anything|much|more)(?:\s+(?:more|further|else))?"
    r"(?=\s*[.,;]|\s+(?:at\s+this|at\s+the\s+moment|at\s+present|yet|now|about|on|regarding|until)\b)"
    r"|(?:will|would|could)\s+not\s+be\s+able\s+to\s+comment(?=\s+on\b|\s*[.,;])"
    # "The SEC offered no comment when asked", "a spokesman refused to be drawn on whether P",
    # "the ministry remained tight-lipped about the talks" ("remained silent about the abuse for years"
    # is narration, so "silent" is not read)
    r"|(?:offered|offers|gave|gives|made|makes|provided|provides)\s+no\s+(?:immediate\s+|further\s+|official\s+)?"
    r"comment"
    r"|(?:declined|declines|refused|refuses)\s+to\s+be\s+drawn(?=\s+(?:on|into|about|over)\b)"
    r"|(?:remained|remains)\s+tight-lipped(?=\s+(?:on|about|over)\b"
    r"(?!\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+(?:week|weekend|day)\b|\d)))"
    r")\b",
    re.IGNORECASE,
)


def no_comment_spans(doc: Doc) -> list[tuple[Range, Token | None]]:
    """(cue range, subject token) for every no-comment phrase of the text."""
    out = []
    for m in _NO_COMMENT.finditer(doc_text(doc)):
        start = m.start("cue") if m.group("cue") else m.start()
        span = doc.char_span(start, m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        subj = _subject(span.root, widest=bool(m.group("cue")))
        if m.group("gap") and subj is not None and subj.pos_ != "PRON" and not _answers(subj):
            continue  # "The constitution does not specify when P": a gap in a thing, nobody's silence
        out.append(((start, m.end()), subj))
    return out


def _answers(subj: Token) -> bool:
    """Can `subj` be asked and not answer: a name, a person, an organisation (not a document)."""
    return can_tell(subj, entities=True, documents=False) or subj.lower_ in body_words()


def _subject(tok: Token, widest: bool = False) -> Token | None:
    """Who did not answer: the subject of the phrase's verb, or of the verb it hangs on; with
    `widest`, of a subject the parser split ("No", "-", "one at the SFO") the part with the
    longest phrase."""
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if widest:
            subjects.sort(key=lambda c: c.left_edge.i - c.right_edge.i)
        subj = subjects[0] if subjects else None
        if subj is not None:
            return None if subj.lower_ in ("it", "there") and subj.i > tok.i else subj
        if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head == tok:
            return None
        tok = tok.head
    return None


def response_find(doc: Doc, cue: Range, subj: Token | None) -> Found:
    """A raw find for the response, so that its subject resolves like any source."""
    source = source_range(subj, subj.head) if subj is not None else None
    if source is not None:
        source = (_stray_head_start(subj, source[0]), source[1])
    if source is not None and source[1] > cue[0]:
        source = (source[0], max(source[0], min(source[1], cue[0])))
    head = subj if subj is not None and source is not None and source[1] > source[0] else None
    return Found(cue=cue, content=[cue], source=source if head is not None else None, head=head)


def _stray_head_start(subj: Token, start: int) -> int:
    """ "Representatives for TalkTalk, Virgin Media O2 and Liberty Global declined": the parser
    hangs the head noun ("Representatives for TalkTalk") on the verb as a stray `dep` and takes the
    last names for the subject, or splits "No-one" into three subjects; the subject phrase then
    starts at the leftmost such part right before it."""
    doc = subj.doc
    left = subj.left_edge.i
    for c in sorted(subj.head.lefts, key=lambda c: -c.i):
        if c.i >= left or c.text == ",":
            continue
        stray = c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN")
        if not (stray or c.dep_ in ("nsubj", "nsubjpass")):
            break
        if not all(t.text == "," for t in doc[c.right_edge.i + 1 : left]):
            break
        left = c.left_edge.i
    return min(start, doc[left].idx)


def overlaps(r: Range, spans: list[Range]) -> bool:
    return any(s < r[1] and r[0] < e for s, e in spans)


_FIRST_PERSON = frozenset({"we", "i"})


def voiced(f: Found, finds: list[Found]) -> Found:
    """ "'We're not commenting on rumour,' a spokeswoman told Re/code": a first-person (or
    subjectless) no-comment inside what a teller says is that teller's; so is a third-person pronoun
    that opens the teller's words and announces the refusal ("Kamau said he would not comment", "the
    minister told reporters that she could not say more"): reported speech's "he" is the teller
    ("Kamau said Odero had not responded to requests for comment" keeps Odero, and "Kamau said he
    had not responded" keeps "he": a refusal reported, perhaps of someone else)."""
    third = f.head is not None and f.head.lower_ in _THIRD_PERSON
    third = third and _OWN_REFUSAL.match(doc_text(f.head.doc), f.cue[0]) is not None
    if f.head is not None and f.head.lower_ not in _FIRST_PERSON and not third:
        return f
    outer = [g for g in finds if g.source is not None and not g.frame and g.content_contains(f.cue)]
    if not outer:
        return f
    g = min(outer, key=lambda g: g.content_size())
    if third and not _opens(g, f.head):
        return f
    return Found(cue=f.cue, content=f.content, source=g.source, head=g.head, source_actor=g.source_actor)


_THIRD_PERSON = frozenset({"he", "she", "they", "it"})
# a refusal the teller announces ("would not comment", "could not say more"), not one reported of
# someone else in the past ("Kamau said he had not responded to requests for comment")
_OWN_REFUSAL = re.compile(r"(?:would|will|could|can|cannot|(?:can|won|wouldn|couldn)['’]t)\b", re.I)


def _opens(g: Found, pronoun: Token) -> bool:
    """Is `pronoun` the first word of one of `g`'s content ranges, or its second after "that"?"""
    doc = pronoun.doc
    for start, end in g.content:
        if not start <= pronoun.idx < end:
            continue
        before = doc.text[start : pronoun.idx].split()
        return not before or (len(before) == 1 and before[0].lower() == "that")
    return False


_ANNOUNCES = re.compile(r"\b(?:the following|as follows)\W*$", re.IGNORECASE)


def announced_statements(doc: Doc, finds: list[Found]) -> None:
    """ "The Club would like to clarify the following. The article is completely without foundation
    and ...": a cue whose content only announces what follows says the rest of its paragraph, in the
    speaker's own voice, not "the following"."""
    text = doc_text(doc)
    for f in finds:
        if f.verb is None or not f.content or not _ANNOUNCES.search(text, f.content[-1][0], f.content[-1][1]):
            continue
        sent = f.verb.sent
        end = text.find("\n", sent.end_char)
        end = len(text) if end < 0 else end
        said = trimmed(text, (sent.end_char, end))
        if said is not None:
            f.content = [said]
