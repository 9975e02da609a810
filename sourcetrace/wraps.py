"""Hard-wrapped copy: line breaks that only wrap a paragraph at a fixed width.

Text copied from a wire terminal, an e-mail or a PDF breaks every line at about the same width,
in the middle of sentences and names ("Staples\\nis willing to sell", "the United\\nStates"). The
parser and the rules read a line break as the end of a line of the page (a headline, a byline, a
list item), so a cue or a name broken across one is lost. `unwrap` gives the text to parse: the
same text with those breaks read as spaces, character for character the same length, so every
offset found in it is an offset of the article's own text. A text that is not hard-wrapped is
returned unchanged.

The decision is the page's first, then each break's: a page is hard-wrapped when several of its
breaks fall where no line of a page ends (the next line goes on in lower case, or the line ends
with a comma or a word such as "the"); then a single break after a line as wide as the page's wrap
width is a wrap. Where blank lines set the paragraphs apart, that holds for a line ending a sentence
too; where they do not, a line that ends a sentence ends its paragraph. A blank line and a short
line (a heading, a sign-off, a paragraph's last line) keep their breaks.
"""

from __future__ import annotations

import re

MIN_CONTINUED = 3  # breaks going on mid-sentence needed before a page counts as hard-wrapped
MIN_SHARE = 0.25  # ... and their share of the page's single breaks
WIDTH_SHARE = 0.6  # a wrapped line is at least this share of the wrap width
MIN_WIDTH = 30  # narrower lines than this are a list or a poem, never a wrap width

_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]", "|")
_STOPPED = re.compile(r"[.!?:;][\"'”’»)\]]*$")  # a stop, perhaps inside closing marks
_COMMA_CLOSED = re.compile(r",[\"'”’»)\]]+$")  # '... project,”' / 'he said.': no end
_GOES_ON = re.compile(r"^[ \t]*(?:[a-z]|[,;%]|\$?\d[\d,.]*\s+[a-z])")
# a line that ends in one of these words (or a comma) ends mid-sentence: the next line carries it on
_CARRIED_BY = frozenset(
    "a an the of to in on at for with by from as and or but nor that which who whose whom than into "
    "about after before over under between against through during without said says told its his her "
    "their".split()
)


_URL_END = re.compile(r"(?:https?://|www\.)\S+$")


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer("\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def goes_on(line: str, following: str) -> bool:
    """A break no page ends a line at, the one definition of a hard wrap: the line ends no sentence
    and the next one goes on in lower case ("Doreen Bolger, the museum director, said" / "the
    museum's probe ..."; "... project,”" / "he said."), or the line ends in a comma or a word no
    sentence ends in before a word ("... in an interview with" / "Journalists on Monday"). A line
    that ends in a noun ("a broad slate of problems" / "American ...") may be a headline."""
    tail = line.rstrip()
    nxt = following.lstrip(" \t")
    if not tail or not nxt or _STOPPED.search(tail):
        return False
    if tail.endswith(_ENDS) and not _COMMA_CLOSED.search(tail):
        return False  # a closing mark or a bar ends a line
    last = tail.rsplit(None, 1)[-1]
    if last.endswith(",") or last.lower() in _CARRIED_BY:
        return nxt[0].isalnum() or bool(_GOES_ON.match(nxt))
    return (nxt[0].islower() or bool(_GOES_ON.match(nxt))) and not _headline_shape(tail)


def _headline_shape(line: str) -> bool:
    """ "Housing Plan Unveiled": two words or more, each capitalised or a function word, no comma —
    a heading above a lower-case line, not a sentence's first piece ("Ana Lopes said")."""
    words = line.split()
    capitalised = all(w[:1].isupper() or w.lower() in _CARRIED_BY for w in words)
    return len(words) >= 2 and "," not in line and capitalised


def _width(lengths: list[int]) -> int:
    """The wrap width: the length most long lines reach (the 80th percentile of non-empty lines)."""
    ordered = sorted(lengths)
    return ordered[int(0.8 * (len(ordered) - 1))] if ordered else 0


def unwrap(text: str) -> str:
    """`text` with its hard wraps as spaces (same length); unchanged when it is not hard-wrapped."""
    if text.count("\n") < MIN_CONTINUED:
        return text
    spans = _lines(text)
    pairs = [(a, b) for a, b in zip(spans, spans[1:], strict=False)
             if text[a[0]:a[1]].strip() and text[b[0]:b[1]].strip()]
    if not pairs:
        return text
    continued = sum(goes_on(text[a[0]:a[1]], text[b[0]:b[1]]) for a, b in pairs)
    if continued < MIN_CONTINUED or continued < MIN_SHARE * len(pairs):
        return text
    width = _width([len(text[s:e].rstrip()) for s, e in spans if text[s:e].strip()])
    if width < MIN_WIDTH:
        return text
    # paragraphs set apart by blank lines: every wide line inside one is wrapped, even one that
    # happens to end a sentence; without blank lines a line that ends a sentence ends a paragraph
    blank_lines = len(re.findall(r"\n[ \t]*\n", text)) >= MIN_CONTINUED - 1
    chars = list(text)
    for a, _ in pairs:
        line = text[a[0]:a[1]].rstrip()
        if len(line) < WIDTH_SHARE * width or (line.endswith(_ENDS) and not blank_lines):
            continue
        if _URL_END.search(line):
            continue  # a line ending with a link ("Read more at: http://...") ends there
        chars[a[1]] = " "  # the break between the two lines
    return "".join(chars)
