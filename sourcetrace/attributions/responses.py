"""No-comment responses: "declined to comment", "did not respond to a request for comment", "could
not be reached", "was not available for comment", "had no immediate comment".

They state nothing, so they are never attributions or claims; but readers want to see who was
asked and did not answer, so each is recorded as a response of its actor.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sourcetrace.attributions.base import Found, Range
from sourcetrace.attributions.clauses import source_range

_NOT = r"(?:(?:did|does|has|have|had)\s+not|(?:did|does|has|have|had)n['’]t)"
_COULD_NOT = r"(?:could\s+not|couldn['’]t|cannot|can['’]t|was\s+not|wasn['’]t|were\s+not|weren['’]t)"
_BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)"
_ASKS = (
    r"(?:(?:a|an|the|repeated|several|multiple|numerous|two|three|emailed|e-mailed|written|phone|telephone"
    r"|further|our|reuters['’]?s?|[A-Z][\w.]*['’]s)\s+)*"
    r"(?:requests?|calls?|e-?mails?|messages?|inquiries|enquiries|queries|questions)"
)
_ASKED = rf"\s+(?:to\s+)?{_ASKS}(?:\s+(?:for|seeking)\s+comment)?"
_NO_COMMENT = re.compile(
    r"\b(?:"
    r"(?:declined|declines|decline|refused|refuses|refuse)\s+(?:to\s+)?(?:immediately\s+)?"
    r"(?:comment|respond|elaborate|be\s+interviewed|speak\s+on\s+the\s+record|say|confirm|specify|disclose)"
    rf"|{_NOT}\s+(?:immediately\s+)?(?:comment|respond|reply)(?:ed)?(?:{_ASKED}|(?=\s*[.,;]|\s+(?:immediately|by|on|before)\b))"
    rf"|{_NOT}\s+(?:immediately\s+)?(?:return|answer)(?:ed)?{_ASKED}"
    rf"|{_COULD_NOT}\s+(?:immediately\s+)?(?:be\s+)?(?:reached|contacted)(?:\s+for\s+comment)?"
    rf"|{_BE}\s+(?:not\s+(?:immediately\s+)?available|(?:immediately\s+)?unavailable)\s+for\s+comment"
    r"|(?:had|has|have)\s+no\s+(?:immediate\s+)?comment"
    r")\b",
    re.IGNORECASE,
)


def no_comment_spans(doc: Doc) -> list[tuple[Range, Token | None]]:
    """(cue range, subject token) for every no-comment phrase of the text."""
    out = []
    for m in _NO_COMMENT.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        out.append(((m.start(), m.end()), _subject(span.root)))
    return out


def _subject(tok: Token) -> Token | None:
    """Who did not answer: the subject of the phrase's verb, or of the verb it hangs on."""
    for _ in range(3):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return None if subj.lower_ in ("it", "there") and subj.i > tok.i else subj
        if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head == tok:
            return None
        tok = tok.head
    return None


def response_find(doc: Doc, cue: Range, subj: Token | None) -> Found:
    """A raw find for the response, so that its subject resolves like any source."""
    source = source_range(subj, subj.head) if subj is not None else None
    if source is not None and source[1] > cue[0]:
        source = (source[0], max(source[0], min(source[1], cue[0])))
    head = subj if subj is not None and source is not None and source[1] > source[0] else None
    return Found(cue=cue, content=[cue], source=source if head is not None else None, head=head)


def overlaps(r: Range, spans: list[Range]) -> bool:
    return any(s < r[1] and r[0] < e for s, e in spans)
