"""A small learned line classifier for pasted-page chrome: is this line page furniture?

The rules in `structure.py` read chrome by its layout and its strings; each new group of sites
brings kinds they have never seen (author boxes, player errors, slogans, widget ids, promo
blurbs). This model reads a line by its *shape* only — length, place in the page, capitalised
words, digits, separators, a finite verb, sentence-final punctuation, likeness to its
neighbours, a run of short lines, widget vocabulary — never a site's name. `structure.py` asks
it only about lines no rule has read, with a high-precision threshold, and never about a line
that reports speech (a reporting verb in a sentence of five words or more) or that continues a
hard-wrapped paragraph.

Logistic regression over standardised features; the weights are plain JSON
(`data/models/chrome/weights.json`), read with the standard library, so nothing is unpickled and
scikit-learn is needed only to train (requirements-dev.txt). Training (never in CI):

    .venv/bin/python -m sourcetrace.chrome_train -o data/models/chrome

reads the chrome benchmark's sets 1-5 (benchmarks/chrome/gold*.json, texts in /work/chrome-texts)
and the development chain sets' texts (lines holding a gold claim are body lines), chooses the
threshold by leave-one-site-out cross-validation and writes the weights and their provenance.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "chrome"

ENABLED = True  # switched off to train (the rules alone say what is "ruled") and to measure its effect

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")
_SEPARATORS = re.compile(r"[|•·»›→←/>]|\s[-–—]\s")
_ADDRESS = re.compile(r"@\w|https?:|www\.|\.(?:com|org|net|co|gov)\b", re.IGNORECASE)
_CODE_TOKEN = re.compile(r"\w_\w|\[[^\]\s]{1,20}\]|\{\{|\}\}|<[a-z/]")
_GLUED = re.compile(r"[a-z][A-Z]|[a-z]\d|\d[A-Za-z]{3,}")
_CLOCK_OR_DATE = re.compile(
    r"\d{1,2}[:.]\d{2}|\b\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”«»]|(?<!\w)['‘]|['’](?!\w)")
_BULLET = re.compile(r"^\s*(?:[-•·●▪►*–—]|\d{1,2}[.)])\s")
_AUX = frozenset(
    "is are was were be been being am has have had will would can could shall should may might must "
    "do does did says said told tells asked added".split())
_FUNCTION = frozenset(
    "the a an of to in on at for and or but by with from as that this these those it its he she they "
    "we his her their our who which than into about after before over under while because not".split())
# Words of page widgets, of every kind of site (generic English, never a site's name).
_WIDGET = frozenset(
    "share shares shared tweet tweets comment comments reply replies subscribe subscribed subscription "
    "newsletter newsletters sign login log register email e-mail follow followers like likes menu search "
    "home homepage related posts post recent popular trending latest read more next previous prev view "
    "views click tap here advertisement advertisment ad ads sponsored promoted cookie cookies privacy "
    "policy terms copyright rights reserved contact about tags tag category categories archive archives "
    "loading load video videos player watch photo photos image images gallery credit credits caption "
    "print download app apps facebook twitter whatsapp linkedin telegram youtube instagram pinterest "
    "reddit rss feed logo updated published posted min mins minute minutes ago required fields "
    "website skip content javascript browser enable allow accept continue premium free trial "
    "account profile profiles widget top stories news desk edition epaper e-paper sections".split())

# Words no sentence of a story needs but widgets use: a short line between paragraphs holding one is
# not protected as a subheading ("Advertisement", "Share this", "Tagged Topics").
_WIDGET_ONLY = frozenset(
    "subscribe subscription newsletter comments reply login advertisement advertisment sponsored cookie "
    "cookies copyright tagged loading javascript browser logo rss".split())

_READER = frozenset("you your yours please click tap".split())

FEATURES = (
    "log_chars", "log_words", "position", "in_top3", "in_bottom3", "cap_share", "allcaps_share",
    "digit_share", "ends_sentence", "ends_colon", "separators", "address", "code_token", "glued",
    "has_aux", "ed_share", "reporting_verb", "function_share", "quoted", "widget_share", "widget_any",
    "prev_log_chars", "next_log_chars", "neighbour_likeness", "repeated", "short_run", "starts_lower",
    "clock_or_date", "mean_word_len", "comma_rate", "bullet", "no_letters",
)


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """Inflected forms of the reporting verbs (said, says, saying, denied, told ...): the lemmas the
    attribution lexicons read from data/reporting_verbs.txt."""
    from sourcetrace.attributions.lexicons import lexicons

    forms: set[str] = {"according", "quoted", "quoting", "citing", "told", "said", "says", "saying"}
    for v in lexicons().verbs:
        if not v.isalpha():
            continue
        stem = v[:-1] if v.endswith("e") else v
        ies = v[:-1] + "ie" if v.endswith("y") and v[-2:-1] not in "aeiou" else v
        forms |= {v, v + "s", ies + "s" if ies != v else v + "s", stem + "ed", stem + "ing",
                  (v[:-1] + "ied") if ies != v else stem + "ed"}
    return frozenset(forms)


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def reports_speech(line: str) -> bool:
    """A sentence of five words or more with a reporting verb: never dropped by the model."""
    words = [w.lower() for w in _words(line)]
    return len(words) >= 5 and any(w in _reporting_forms() for w in words)


def _prose(line: str) -> bool:
    return len(line.split()) >= 8 and bool(_SENTENCE_END.search(line))


def story_span(lines: list[str]) -> tuple[int, int]:
    """The first and last ordinary sentences of the page (-1, -1 when it has none): the story runs
    between them; the header is above, the tail below."""
    prose = [i for i, line in enumerate(lines) if _prose(line)]
    return (prose[0], prose[-1]) if prose else (-1, -1)


def _sentence(line: str) -> bool:
    """A sentence of the story, however short: capital (or a quote) first, a stop last, two words or
    more ("More text.", "COSTA: Wrong.", "- For workers: wages rise next year.")."""
    if _prose(line):
        return True
    line = _BULLET.sub("", line, count=1).lstrip("“\"‘'([")
    return len(line.split()) >= 2 and line[:1].isupper() and bool(_SENTENCE_END.search(line))


_QUOTED = re.compile(r"^\s*[“\"‘].*[”\"’]\s*$")
_BARE_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}")


def _bare_name(line: str) -> bool:
    """One to three capitalised words and nothing else ("Reuters", "Edward Lima"): a name alone is
    for the rules to read (a byline, a sign-off, a speaker, a list of names), never the model."""
    return bool(_BARE_NAME.fullmatch(line.strip())) and not {w.lower() for w in _words(line)} & _WIDGET


def _in_list_between_paragraphs(lines: list[str], i: int) -> bool:
    """A short line in a run of them (one to six) standing between two paragraphs with no widget word
    and no word to the reader anywhere in the run: a subheading, a list of points or names inside the
    story (a run with one is a widget block, read as a whole: "To Get Our Latest Update" / "Enter
    your email address:" / "Delivered by FeedBurner")."""
    lo = i
    while lo > 0 and not _prose(lines[lo - 1]) and i - lo < 6:
        lo -= 1
    hi = i
    while hi + 1 < len(lines) and not _prose(lines[hi + 1]) and hi - i < 6:
        hi += 1
    if lo == 0 or hi + 1 >= len(lines) or not _prose(lines[lo - 1]) or not _prose(lines[hi + 1]):
        return False
    stop = _WIDGET_ONLY | _READER
    return all(not {w.lower() for w in _words(lines[j])} & stop for j in range(lo, hi + 1))


def continues_paragraph(lines: list[str], i: int, story: tuple[int, int] | None = None) -> bool:
    """A line of the story's flow, never dropped by the model: a hard-wrapped paragraph's piece (the
    line above is long and ends no sentence, or this long line ends none and the next opens in lower
    case); any sentence that does not speak to the reader or name a widget; inside the story (between
    its first and last ordinary sentences) any line with no page-widget word (a subheading, a list of
    points or names); the page's last line cut off mid-sentence ("The hedge fund has previously b")."""
    line = lines[i]
    above = lines[i - 1] if i > 0 else ""
    below = lines[i + 1] if i + 1 < len(lines) else None
    if len(above.split()) >= 8 and not _SENTENCE_END.search(above):
        return True
    if below is not None and len(line.split()) >= 8 and not _SENTENCE_END.search(line) \
            and below[:1].islower():
        return True
    words = {w.lower() for w in _words(line)}
    if words & _WIDGET_ONLY or words & _READER or _CODE_TOKEN.search(line) or _ADDRESS.search(line):
        return False  # "This post cannot be displayed in your browser." speaks to the reader
    if _sentence(line) or _bare_name(line) or _QUOTED.match(line):
        return True  # a story's sentence stays, whatever its words ("Twitter shares fell 3.1%.")
    if _in_list_between_paragraphs(lines, i):
        return True
    if below is None and _prose(above):  # the page's last line, cut off: mostly lower-case words
        lower = [w for w in _words(line) if w[:1].islower()]
        if len(_words(line)) >= 3 and 2 * len(lower) > len(_words(line)):
            return True
    return False


def _likeness(a: str, b: str) -> float:
    wa, wb = {w.lower() for w in _words(a)}, {w.lower() for w in _words(b)}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _short(line: str) -> bool:
    return len(_words(line)) < 6 and not _SENTENCE_END.search(line)


def line_features(lines: list[str], i: int) -> list[float]:
    """The shape of line `i` among the page's non-blank lines `lines` (no site names)."""
    line = lines[i]
    n = len(lines)
    words = _words(line)
    tokens = _TOKEN.findall(line)
    lower = [w.lower() for w in words]
    nw = max(len(words), 1)
    letters = sum(c.isalpha() for c in line)
    caps = sum(w[0].isupper() for w in words)
    run = 1
    j = i - 1
    while j >= 0 and _short(lines[j]) and run < 12:
        run, j = run + 1, j - 1
    j = i + 1
    while j < n and _short(lines[j]) and run < 12:
        run, j = run + 1, j + 1
    prev = lines[i - 1] if i > 0 else ""
    nxt = lines[i + 1] if i + 1 < n else ""
    forms = _reporting_forms()
    return [
        math.log1p(len(line)),
        math.log1p(len(words)),
        i / (n - 1) if n > 1 else 0.0,
        float(i < 3),
        float(i >= n - 3),
        caps / nw,
        sum(w.isupper() and len(w) > 1 for w in words) / nw,
        sum(c.isdigit() for c in line) / max(len(line), 1),
        float(bool(_SENTENCE_END.search(line))),
        float(line.rstrip().endswith(":")),
        min(len(_SEPARATORS.findall(line)), 5) / 5,
        float(bool(_ADDRESS.search(line))),
        float(bool(_CODE_TOKEN.search(line))),
        min(len(_GLUED.findall(line)), 3) / 3,
        float(any(w in _AUX for w in lower)),
        sum(len(w) > 4 and w.endswith("ed") for w in lower) / nw,
        float(any(w in forms for w in lower)),
        sum(w in _FUNCTION for w in lower) / nw,
        float(bool(_QUOTES.search(line))),
        sum(w in _WIDGET for w in lower) / nw,
        float(any(w in _WIDGET for w in lower)),
        math.log1p(len(prev)),
        math.log1p(len(nxt)),
        max(_likeness(line, prev), _likeness(line, nxt)),
        float(sum(other.strip() == line.strip() for other in lines) > 1),
        math.log(run),
        float(bool(words) and words[0][0].islower()),
        float(bool(_CLOCK_OR_DATE.search(line))),
        sum(len(w) for w in words) / nw,
        line.count(",") / nw,
        float(bool(_BULLET.match(line))),
        float(letters == 0 or len(tokens) == 0),
    ]


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict | None:
    """The shipped weights, or None when no model is shipped (the rules then work alone)."""
    f = Path(path) if path else MODEL_DIR / "weights.json"
    if not f.exists():
        return None
    model = json.loads(f.read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURES:
        return None  # weights of another feature set: never guess
    return model


def probability(model: dict, feats: list[float]) -> float:
    z = model["intercept"]
    for x, m, s, w in zip(feats, model["mean"], model["scale"], model["coef"], strict=True):
        z += w * (x - m) / s
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def furniture_lines(lines: list[str], candidates: list[int], model: dict | None = None,
                    protect: Callable[[list[str], int], bool] | None = None) -> list[int]:
    """Of the `candidates` (indices of lines no rule has read), those the model calls furniture
    above its high-precision threshold; a line that reports speech, a line of the story's flow
    (`continues_paragraph`) or one `protect` keeps is never among them."""
    model = model if model is not None else load_model()
    if model is None or not ENABLED:
        return []
    out = []
    story = story_span(lines)
    for i in candidates:
        if reports_speech(lines[i]) or continues_paragraph(lines, i, story) \
                or (protect is not None and protect(lines, i)):
            continue
        if probability(model, line_features(lines, i)) >= model["threshold"]:
            out.append(i)
    return out
