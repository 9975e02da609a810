"""Quotations: where they are, cues that are punctuation, and a content that takes a whole quote."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcetrace.attributions.base import (
    QUOTES,
    WORD,
    Found,
    Range,
    Rule,
    head_at,
    minus,
    parts,
    sentence,
    trimmed,
)
from sourcetrace.attributions.lexicons import lexicons


def overlaps(r: Range, spans) -> bool:
    return any(s < r[1] and r[0] < e for s, e in spans)

_SENTENCE_END = re.compile(r"[.!?:]")
_SENTENCE_STOP = re.compile(r"[.!?]")
# a stop that ends a sentence: not the points of "U.S. prosecutors" (a letter or a lower-case word next)
_STOP_THEN_SENTENCE = re.compile(r"[.!?:](?=[\"”’')\]]*(?:\s+[^a-z\s]|\s*$))")
# the point of a known abbreviation ("U.S. President Joe Biden", "the U.N. Security Council", "Dr.
# Mwangi"): an initial's point or a title's, which a capital word follows without ending a sentence
_ABBREVIATION_POINT = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Adm|Sgt|Cpl|Rev|Hon|St|Mt|Ft|Pres))\.$"
)
# ... unless a closing quote or a paragraph end follows it: there the text really ends a sentence
_REAL_END = re.compile(r"[\"”’')\]]|[ \t]*(?:\n|$)")


def _sentence_stop(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first stop in [start, end) that ends a sentence (`_STOP_THEN_SENTENCE`), an
    abbreviation's point not counted unless a closing quote or a paragraph end follows it."""
    for m in _STOP_THEN_SENTENCE.finditer(text, start, end):
        abbreviation = m.group() == "." and _ABBREVIATION_POINT.search(text, max(0, m.start() - 5), m.end())
        if not abbreviation or _REAL_END.match(text, m.end()):
            return m
    return None


def region_at(regions: list[Range], pos: int) -> Range | None:
    """The quotation holding `pos` (regions are sorted and disjoint)."""
    i = bisect_right(regions, (pos, math.inf)) - 1  # the last region starting at or before pos
    if i >= 0 and regions[i][0] <= pos < regions[i][1]:
        return regions[i]
    return None


# --------------------------------------------------------------------------- punctuation cues

_SPEAKER_LABEL = re.compile(
    r"^[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|de|van|von|al-\w+)){0,4})"
    r":[ \t]+(?P<said>\S[^\n]*)",
    re.MULTILINE,
)
_DASH_CREDIT = re.compile(
    r"\A[ \t\u00a0]*(?P<dash>[―—–])[ \t\u00a0]*(?P<name>[A-Z][^\n]{0,60}?)[ \t\u00a0.]*$", re.MULTILINE
)

QUOTE_RULES = (
    Rule("speaker_label", 'a speaker label is a cue: "PENCE: Well, ...", "Poll: Voters ..."'),
    Rule(
        "label_named_elsewhere",
        '"Sanders: Clinton Email Story Has Moved": a label the tagger calls no name is a speaker when '
        'the article names him elsewhere ("Bernie Sanders")',
    ),
    Rule("dash_credit", 'a quotation credited after a dash: "“...” ― Lena Marsh"'),
    Rule(
        "quoted_question",
        '"“There is nothing like that. How can the person say he has it on good authority? The news is '
        'not correct,” he said.": a cue inside a question of a quotation is the speaker\'s question, no '
        "attribution: it would take the quotation (and the speaker's cue) for itself",
    ),
    Rule("quote_whole", "a content that is part of a quotation takes the whole quotation"),
    Rule("quote_resumes", '"“We will win,” he said, “and they will lose.”": the quote resumes after the cue'),
    Rule("quote_carries_on", '"“X,” she said. “Y.”": the quote carries on after the cue\'s sentence'),
    Rule(
        "quote_paragraph",
        "a paragraph that is only a quotation, with no cue, goes on the quotation of the paragraph before",
    ),
    Rule(
        "quote_left_open",
        'a paragraph that opens a quotation and leaves it open for the next one, with no cue ("“P1" ¶ '
        '"“P2.”" after "..., he said."), goes on the last speaker\'s quotation',
    ),
    Rule(
        "quote_after_indirect",
        'a paragraph that is only a quotation, with no cue, right after a paragraph whose last speaker '
        'reported in their own words ("The ministry said P." ¶ "“Q.”"), goes on that speaker\'s words',
    ),
    Rule(
        "quote_after_two_hop",
        "the quotation paragraphs are looked at again once the two-hop cues are found: "
        "'“P,” he was quoted as saying.' ¶ '“Q.”' goes on the quoted one's words",
    ),
    Rule(
        "quote_open_paragraphs",
        'paragraphs that open a quotation and leave it open ("“P1" ¶ "“P2" ¶ "“P3,” the source said") are '
        "one quotation: the cue after its closing mark speaks all of them",
    ),
)


def punctuation_finds(doc: Doc, text: str, regions: list[Range], off: frozenset[str]) -> list[Found]:
    """Cues that are punctuation: a speaker label ("PENCE: Well, ...", "Poll: Voters ...") and a
    quotation credited after a dash ("“...” ― Lena Marsh")."""
    finds = [] if "speaker_label" in off else _speaker_labels(doc, text, "label_named_elsewhere" not in off)
    if "dash_credit" not in off:
        finds.extend(_dash_credits(doc, text, regions))
    return finds


def _speaker_labels(doc: Doc, text: str, named_elsewhere: bool = True) -> list[Found]:
    stop = lexicons().speaker_stoplist
    finds: list[Found] = []
    lower: dict[str, frozenset[str]] = {}  # the lower-case words, read at the first label in capitals
    for m in _SPEAKER_LABEL.finditer(text):
        name = m.group("name")
        if name.lower() in stop or name.isdigit():
            continue
        colon = m.end("name")
        head = head_at(doc, m.start("name"), colon)
        content = trimmed(text, (m.start("said"), m.end("said")))
        if content is None or head is None or not _speaker_like(
            doc, name, m.start("name"), colon, head, named_elsewhere, lower
        ):
            continue
        finds.append(
            Found(
                cue=(colon, colon + 1),
                content=[content],
                source=(m.start("name"), colon),
                head=head,
                lemma=":",
            )
        )
    return finds


def _dash_credits(doc: Doc, text: str, regions: list[Range]) -> list[Found]:
    finds: list[Found] = []
    for qs, qe in regions:
        line_end = text.find("\n", qe)
        line_end = len(text) if line_end < 0 else line_end
        m = _DASH_CREDIT.match(text[qe:line_end])
        if m is None:
            continue
        name = (qe + m.start("name"), qe + m.end("name"))
        head = head_at(doc, *name)
        content = trimmed(text, (qs, qe))
        if content is None or head is None:
            continue
        dash = qe + m.start("dash")
        finds.append(Found(cue=(dash, dash + 1), content=[content], source=name, head=head, lemma="―"))
    return finds


def _speaker_like(
    doc: Doc, name: str, start: int, end: int, head: Token, named_elsewhere: bool,
    lower: dict[str, frozenset[str]],
) -> bool:
    """A label that names someone: a transcript speaker (all capitals), a named entity, or an
    unnamed source/document ("Poll: ..."); not a headline kicker ("Stealth Over Health: ...")."""
    if name.isupper():
        if "words" not in lower:
            lower["words"] = frozenset(t.text for t in doc if t.is_lower)
        return not _common_words_label(name, lower["words"])
    lex = lexicons()
    if head.lemma_.lower() in lex.documents or head.lemma_.lower() in lex.anonymous:
        return True
    if any(
        ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and ent.start_char < end and start < ent.end_char
        for ent in doc.char_span(start, end, alignment_mode="expand").ents
    ):
        return True
    # "Sanders: Clinton Email Story Has Moved": a headline's name the tagger missed there is a
    # name when the article names him elsewhere ("Bernie Sanders")
    return named_elsewhere and any(
        ent.label_ in ("PERSON", "ORG") and ent[-1].text == head.text and not start <= ent.start_char < end
        for ent in doc.ents
    )


def _common_words_label(name: str, lower: frozenset[str]) -> bool:
    """ "SECURITY: Lahore police set up pickets ... enhanced security of main roads": a label in
    capitals whose every word the text also writes in lower case (`lower`) is a section's label,
    not a transcript's speaker ("PENCE: Well, ..." is a name the text never writes in lower case)."""
    words = {w.lower() for w in re.findall(r"[A-Z][A-Z'’-]+", name)}
    return bool(words) and words <= lower


# --------------------------------------------------------------------------- contents and quotes


def extend_quotes(finds: list[Found], regions: list[Range], text: str, off: frozenset[str]) -> None:
    """A content that is part of a quotation takes the whole quotation, and a quotation that
    goes on right after "..., he said." (same paragraph, nothing attributed inside) is its next part."""
    if "quoted_question" not in off:
        finds[:] = [f for f in finds if not _quoted_question(f, regions, text)]
    starts = [r[0] for r in regions]
    longest = max((e - s for s, e in regions), default=0)
    cues = sorted(f.cue[0] for f in finds)
    for f in finds:
        if f.frame or f.lemma == "according":
            continue
        pieces = list(f.content) if "quote_whole" in off else _whole_quotes(f, regions, starts, longest)
        if "quote_resumes" not in off:
            _resumed(f, regions, starts, text, pieces, cues)
        if "quote_carries_on" not in off:
            _carried_on(f, regions, text, pieces)
        f.content = parts(text, pieces)


def _quoted_question(f: Found, regions: list[Range], text: str) -> bool:
    """The cue (and its source) lie inside a quotation, in a sentence of it that ends with "?"."""
    if f.frame or f.verb is None:
        return False
    region = region_at(regions, f.cue[0])
    if region is None or (f.source is not None and region_at(regions, f.source[0]) != region):
        return False
    stop = _SENTENCE_STOP.search(text, f.cue[1], region[1])
    return stop is not None and stop.group() == "?"


def _whole_quotes(f: Found, regions: list[Range], starts: list[int], longest: int) -> list[Range]:
    pieces = []
    for s, e in f.content:
        i = bisect_left(starts, s - longest)
        while i < len(regions) and regions[i][0] < e:
            qs, qe = regions[i]
            inside_q = qs <= f.cue[0] < qe or (f.source is not None and qs <= f.source[0] < qe)
            if not inside_q and qs < e and s < qe and not (s <= qs and qe <= e):
                s, e = min(s, qs), max(e, qe)
            i += 1
        pieces.append((s, e))
    return pieces


def _attribution_end(f: Found) -> int:
    """Where the cue, its source and its recipient end."""
    return max(f.cue[1], f.source[1] if f.source else 0, f.recipient[1] if f.recipient else 0)


def _own_cue(qe: int, text: str, cues: list[int]) -> bool:
    """Is a quotation ending at `qe` followed, before its sentence ends, by a cue of its own?"""
    if _SENTENCE_STOP.match(text, max(0, qe - 2)):
        return False  # '“This land is ours.” He added ...': the quotation ended its sentence
    stop = _SENTENCE_STOP.search(text, qe + 1)
    end = stop.start() if stop else len(text)
    i = bisect_left(cues, qe)
    return i < len(cues) and cues[i] < end


def _resumed(
    f: Found, regions: list[Range], starts: list[int], text: str, pieces: list[Range], cues: list[int]
) -> None:
    """'“We will win,” he said, “and they will lose.”': the quotation resumes after the cue."""
    lead = min(f.cue[0], f.source[0] if f.source else f.cue[0])
    trail = _attribution_end(f)
    i = bisect_left(starts, trail)
    if pieces[-1][1] <= lead and i < len(regions):
        qs, qe = regions[i]
        # '“X,” she said. “Y,” he added.': a quotation with a cue of its own is not hers
        if not WORD.search(text, trail, qs) and "\n" not in text[trail:qs] and not _own_cue(qe, text, cues):
            pieces.append((qs, qe))


def _carried_on(f: Found, regions: list[Range], text: str, pieces: list[Range]) -> None:
    """'“X,” she said. “Y.”' — the quote carries on after the cue's sentence."""
    if not f.sent_end or not any(qe >= pieces[-1][1] and qs < pieces[-1][1] for qs, qe in regions):
        return
    after = _attribution_end(f)
    stop = _sentence_stop(text, after, min(len(text), after + 80))
    pos = stop.end() if stop else f.sent_end
    while True:
        nxt = next((r for r in regions if r[0] >= pos), None)
        if nxt is None or text[pos : nxt[0]].strip() or "\n" in text[pos : nxt[0]]:
            break
        tail_end = text.find("\n", nxt[1])
        tail = text[nxt[1] : tail_end if tail_end >= 0 else len(text)]
        if tail.strip() and tail.strip()[0] not in "“\"'":
            break  # '“Y,” she added.' is an attribution of its own
        pieces.append(nxt)
        pos = nxt[1]


def continue_in_paragraphs(
    finds: list[Found],
    regions: list[Range],
    text: str,
    left_open: bool = True,
    indirect: bool = True,
    silent: tuple[Range, ...] = (),
) -> None:
    """'“We will stay,” the farmer said.' + a paragraph '“This land is ours.”' with no cue: the
    last speaker is still speaking, so the quotation is the next part of their content. With
    `left_open` (rule `quote_left_open`), so is a paragraph that opens a quotation and leaves it
    open for the next paragraph to carry on ('“This land is ours.' ¶ '“We will not leave.”'), and
    a speaker whose own paragraph leaves the quotation open so. With `indirect` (rule
    `quote_after_indirect`), a speaker whose words were reported, not quoted ('The ministry said the
    draft was old.' ¶ '“It is academic work.”'), speaks the quotation too. A cue nested inside the
    last speaker's words ("X said that Y told him P", a cue inside X's quotation) does not take the
    turn from X (rule `quote_paragraph`), and a
    no-comment (`silent`: "refused to confirm if P") makes no claim to carry the quotation."""
    speaker: Found | None = None
    by_cue = sorted((f for f in finds if not f.frame), key=lambda f: f.cue[0])
    # a cue the quotation holds with its source ('“... Nigerians are not angry ...”') is the quoted
    # words', not a speaker of the paragraph: it neither claims the paragraph nor ends the run
    outer = [f for f in finds if not _inside_quotation(f, regions, text)]
    cues = sorted(f.cue[0] for f in outer)
    k = 0
    for n, (qs, qe) in enumerate(regions):
        while k < len(by_cue) and by_cue[k].cue[0] < qs:
            f = by_cue[k]
            quotes = f.source is not None and _quotes_someone(f, regions, text, left_open)
            reports = indirect and _reports_someone(f, regions, text) and not overlaps(f.cue, silent)
            # a cue inside the last speaker's words ("... cases that three locations are reporting
            # ...," she said) is theirs to tell: it does not take the turn
            if speaker is None or not speaker.content_contains(f.cue):
                speaker = f if quotes or reports else None
            k += 1
        line_start = text.rfind("\n", 0, qs) + 1
        line_end = text.find("\n", qe)
        line_end = len(text) if line_end < 0 else line_end
        closed = _closed(text, (qs, qe))  # not left open at a line end
        carried = left_open and _open_run_without_cue(text, regions, n, cues)
        alone = line_start > 0 and not text[line_start:qs].strip() and not WORD.search(text, qe, line_end)
        alone = alone and (closed or carried)
        if speaker is None or not alone or _claimed(outer, (line_start, line_end)):
            continue
        if not _paragraph_follows(text, speaker.content_end, line_start, speaker):
            speaker = None
            continue
        piece = trimmed(text, (qs, qe))
        if piece is not None:  # its own fragment: never merged with the last across the paragraph break
            speaker.content = [*speaker.content, piece]


def _inside_quotation(f: Found, regions: list[Range], text: str) -> bool:
    """The cue and its source (if any) lie inside one quotation, after its first words."""
    if f.frame:
        return False
    region = region_at(regions, f.cue[0])
    if region is None or (f.source is not None and region_at(regions, f.source[0]) != region):
        return False
    # '"WALLACE: Let's start ...': a speaker opening the quoted paragraph speaks it
    return WORD.search(text, region[0], f.source[0] if f.source else f.cue[0]) is not None


def _reports_someone(f: Found, regions: list[Range], text: str) -> bool:
    """A verb cue with a source outside any quotation, whose words are the reporter's own (no
    quotation in them): "The ministry said the draft was old"."""
    if f.frame or f.verb is None or f.source is None or not f.content:
        return False
    if region_at(regions, f.cue[0]) is not None or region_at(regions, f.source[0]) is not None:
        return False
    return not any(
        region_at(regions, s) is not None or region_at(regions, e - 1) is not None for s, e in f.content
    )


def _quotes_someone(f: Found, regions: list[Range], text: str, left_open: bool = False) -> bool:
    """Does the content end in a quotation that was closed (not left open at a line end), or,
    with `left_open`, left open for the next paragraph to carry on?"""
    region = region_at(regions, f.content[-1][0])
    if region is None:
        return False
    if _closed(text, region):
        return True
    return left_open and _carried_to_next_paragraph(text, regions, regions.index(region))


def _carried_to_next_paragraph(text: str, regions: list[Range], n: int) -> bool:
    """'“We will not leave.' at a paragraph's end, and the next paragraph opens a quotation: the
    newspaper convention for a quotation that goes on (an opening mark, no closing one)."""
    qs, qe = regions[n]
    if text[qs] not in '“"«' or qe >= len(text) or text[qe] != "\n" or text[qe - 1] in '”"»':
        return False
    if n + 1 >= len(regions):
        return False
    nxt = regions[n + 1]
    return not text[qe : nxt[0]].strip() and text[nxt[0]] in '“"«' and _opens_paragraph(text, nxt)


def _open_run_without_cue(text: str, regions: list[Range], n: int, cues: list[int]) -> bool:
    """Region `n` opens a paragraph, leaves the quotation open and the next paragraphs carry it
    on, up to one that closes it with no cue of its own; a run that ends in a cue ('“P1' ¶ '“P2,”
    the source said') is that cue's (`continue_open_paragraphs`)."""
    if not _opens_paragraph(text, regions[n]):
        return False
    j = n
    while _carried_to_next_paragraph(text, regions, j):
        j += 1
    if j == n:
        return False
    line_start = text.rfind("\n", 0, regions[j][0]) + 1
    line_end = text.find("\n", regions[j][1])
    line_end = len(text) if line_end < 0 else line_end
    i = bisect_left(cues, line_start)
    return not (i < len(cues) and cues[i] < line_end)


def _closed(text: str, region: Range) -> bool:
    qs, qe = region
    return text[qs] in '“"«' and text[qe - 1] in '”"»' and qe - qs > 2


def _claimed(finds: list[Found], r: Range) -> bool:
    return any(r[0] <= f.cue[0] < r[1] or any(s < r[1] and r[0] < e for s, e in f.content) for f in finds)


def _paragraph_follows(text: str, after: int, line_start: int, speaker: Found) -> bool:
    """Is the quotation's paragraph the next one after the speaker's (blank lines aside)?"""
    end = max(after, speaker.cue[1], speaker.source[1] if speaker.source else 0)
    gap = text[end:line_start]
    return "\n" in gap and not WORD.search(gap.split("\n", 1)[1])


def quoted(sent: SpacySpan, exclude: Range, text: str) -> list[Range]:
    """Quoted stretches of a sentence outside `exclude` (the cue's own clause)."""
    out, opening = [], None
    for i in range(sent.start_char, sent.end_char):
        ch = text[i]
        if ch not in QUOTES:
            continue
        is_open = ch in "“«" or (ch == '"' and opening is None)
        if is_open and opening is None:
            opening = i
        elif opening is not None:
            r = (opening, i + 1)
            if not (exclude[0] <= r[0] and r[1] <= exclude[1]):
                out.extend(minus(r, [exclude]))
            opening = None
    return out


def previous_quote(verb: Token, subj: Token | None) -> list[Range]:
    """'“...” He said.' split by the sentencizer: the quote is the previous sentence."""
    sent = sentence(verb)
    words = [t for t in sent if not t.is_punct]
    if subj is None or len(words) > 4 or sent.start == 0:
        return []
    prev = sentence(verb.doc[sent.start - 1])
    if prev.text.rstrip()[-1:] in '”"' or sent.text.lstrip()[:1] in '”"':
        return [(prev.start_char, prev.end_char)]
    return []


def continue_open_paragraphs(finds: list[Found], regions: list[Range], text: str) -> None:
    """The newspaper convention for a quotation over several paragraphs: each paragraph opens with
    a quotation mark and only the last one closes it ('“The NSA looked at the report.' ¶ '“Simply
    put, ...' ¶ '“The distrust ...,” the source said.'). A content that is the quotation of the last
    paragraph takes the paragraphs before it that open a quotation and leave it open, with no cue
    of their own."""
    starts = [r[0] for r in regions]
    outer = [g for g in finds if not _inside_quotation(g, regions, text)]
    for f in finds:
        if f.frame or not f.content or region_at(regions, f.cue[0]) is not None:
            continue  # a cue inside the quotation is the quotation's own, not its speaker's
        j = bisect_right(starts, f.content[0][0]) - 1
        if j < 0 or not regions[j][0] <= f.content[0][0] < regions[j][1] or f.cue[0] < regions[j][1]:
            continue
        if not _opens_paragraph(text, regions[j]):
            continue
        added: list[Range] = []
        while j > 0:
            prev, here = regions[j - 1], regions[j]
            gap = text[prev[1] : here[0]]
            left_open = prev[1] < len(text) and text[prev[1]] == "\n" and text[prev[1] - 1] not in "”\"»"
            if not (left_open and _opens_paragraph(text, prev) and not gap.strip()):
                break
            # a paragraph may open with a closing mark ('”Mr. President holds ...'), as quote_regions reads it
            if _claimed(outer, prev) or text[prev[0]] not in "“\"«”":
                break
            piece = trimmed(text, prev)
            if piece is None:
                break
            added.insert(0, piece)
            j -= 1
        if added:
            f.content = [*added, *f.content]


def _opens_paragraph(text: str, region: Range) -> bool:
    line_start = text.rfind("\n", 0, region[0]) + 1
    return not text[line_start : region[0]].strip()
