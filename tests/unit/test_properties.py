"""analyze_text is total: over arbitrary strings it never raises and its output keeps the contract.

Properties (issue 7): every span is in bounds and equals its slice (parts too), attribution
parents exist and form no cycle, every id a claim, relation or event points at exists, and the
output validates against the committed JSON Schema. Two generators: raw Unicode (all categories
but surrogates: RTL, combining marks, emoji, controls) and news-like sentences built from a small
general vocabulary of reporting verbs, quotes and titles, so the attribution stages really run.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcetrace.analysis import analyze_text
from sourcetrace.model import Analysis

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema" / "analysis.schema.json"

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,  # the first example loads spaCy; no timing assertions anywhere
    database=None,  # no .hypothesis/ files from a test run; failures print their example
    suppress_health_check=[HealthCheck.too_slow],
)

# Raw Unicode: everything except lone surrogates (not encodable as UTF-8, so no loader passes them).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)

# General newsroom vocabulary (no fact about any article): sources, cues, hedges, markup, scripts.
WORDS = [
    "said", "says", "told", "according to", "reported", "denied", "claimed", "added", "quoted",
    "an official", "a senior official", "the source", "sources", "the ministry", "the report",
    "the newspaper", "the embassy", "President", "Minister", "spokesman", "Reuters", "AP",
    "John Smith", "Maria García", "Ali al-Hassan", "Washington", "Baghdad", "Tehran", "Paris",
    "last week", "on Monday", "July 10, 2007", "in 2006", "yesterday", "two days ago",
    "it is not known whether", "may", "allegedly", "not", "and", "that", "he", "she", "they",
    "\"", "“", "”", "'", "‘", "’", "«", "»", "(", ")", ":", ";", ",", ".", "—", "\n", "\n\n",
    "<script>window.__pwned=1</script>", "<b>", "</b>", "&amp;", "javascript:alert(1)",
    "مسؤول", "قال", "שלום", "é", "e\u0301", "\u200f", "\u202e", "👍🏽", "🇮🇷", "\u00a0", "\t",
]
NEWSLIKE = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _spans(obj, path: str = "$"):
    """Every span-shaped dict in a model_dump, with where it was found (parts included)."""
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj["start"], int):
            yield path, obj
        for k, v in obj.items():
            if k != "text":
                yield from _spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _spans(v, f"{path}[{i}]")


def check_contract(text: str, analysis: Analysis) -> None:
    """The invariants every analysis must keep, whatever its input."""
    data = analysis.model_dump(mode="json")
    jsonschema.validate(data, _schema())
    art = data["article"]
    assert art["text"] == text, "the article text must be the exact input"
    assert art["content_hash"] == hashlib.sha256(text.encode("utf-8")).hexdigest()

    n = len(text)
    for where, span in _spans(data):
        assert 0 <= span["start"] <= span["end"] <= n, f"{where} out of bounds: {span}"
        assert text[span["start"]:span["end"]] == span["text"], f"{where} text != slice: {span}"

    actor_ids = [a["id"] for a in data["actors"]]
    assert len(actor_ids) == len(set(actor_ids)), "actor ids must be unique"
    actors = set(actor_ids)
    att_ids = [t["id"] for t in data["attributions"]]
    assert len(att_ids) == len(set(att_ids)), "attribution ids must be unique"
    atts = {t["id"]: t for t in data["attributions"]}
    event_ids = {e["id"] for e in data["events"]}

    for t in data["attributions"]:
        assert t["parent"] is None or t["parent"] in atts, f"{t['id']}: parent {t['parent']} missing"
        assert t["source_actor"] is None or t["source_actor"] in actors
        assert t["recipient_actor"] is None or t["recipient_actor"] in actors
        seen, cur = set(), t["id"]
        while cur is not None:  # walk to the root; a repeat is a cycle
            assert cur not in seen, f"attribution parent cycle through {cur}"
            seen.add(cur)
            cur = atts[cur]["parent"]

    for c in data["claims"]:
        assert c["chain"], f"{c['id']}: a claim always has a chain (unattributed at least)"
        for link in c["chain"]:
            assert link["actor"] is None or link["actor"] in actors, f"{c['id']}: {link}"
            assert link["attribution"] is None or link["attribution"] in atts, f"{c['id']}: {link}"
        assert set(c["actors"]) <= actors
        assert set(c["events"]) <= event_ids
    for r in data["relations"]:
        assert r["source"] in actors and r["target"] in actors, r
    for e in data["events"]:
        assert set(e["actors"]) <= actors, e


@PROPERTY_SETTINGS
@given(ANY_TEXT)
def test_analyze_text_is_total_on_arbitrary_unicode(text: str) -> None:
    check_contract(text, analyze_text(text))


@PROPERTY_SETTINGS
@given(NEWSLIKE)
def test_analyze_text_is_total_on_newslike_text(text: str) -> None:
    check_contract(text, analyze_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\x00",
        "\ufeff“",
        "\u202eThe official said: “\u05e9\u05dc\u05d5\u05dd”",
        "e\u0301\u0301\u0301 said the source",
        "👩🏽‍💻 told Reuters that 🇮🇷 “may” act.",
        '"""""""',
        "“He said “she said ‘they said “",
        "'",
    ],
    ids=["empty", "space", "newlines", "nul", "bom-quote", "rtl-override", "combining", "emoji",
         "quotes-only", "nested-unbalanced", "apostrophe"],
)
def test_known_edge_cases_keep_the_contract(text: str) -> None:
    check_contract(text, analyze_text(text))


def _broken(text: str, **fields) -> Analysis:
    from sourcetrace.analysis import prepare_article

    return Analysis(article=prepare_article(text), **fields)


def test_the_checker_itself_catches_broken_output() -> None:
    """The properties above can fail: hand-made defects are each caught."""
    from sourcetrace.model import Attribution, ChainLink, Claim, Span

    text = "Ali said it."
    bad_slice = Span(start=0, end=3, text="Bob")
    out_of_bounds = Span(start=5, end=99, text=text[5:])
    ok = Span(start=0, end=3, text="Ali")
    ghost = ChainLink(label="x", kind="named", actor="a9")  # no such actor

    def att(i: str, parent: str | None, cue: Span = ok) -> Attribution:
        return Attribution(id=i, cue=cue, source=None, source_actor=None, content=ok, parent=parent)

    cases = [
        _broken(text, attributions=[att("t1", None, bad_slice)]),
        _broken(text, attributions=[att("t1", None, out_of_bounds)]),
        _broken(text, attributions=[att("t1", "t2"), att("t2", "t1")]),
        _broken(text, attributions=[att("t1", "t9")]),
        _broken(text, claims=[Claim(id="c1", content=ok, chain=[ghost])]),
    ]
    for analysis in cases:
        with pytest.raises(AssertionError):
            check_contract(text, analysis)


# The loader is total too: any bytes under any of the accepted names give an Article or an
# InputError whose message is one plain sentence, never another exception.
@PROPERTY_SETTINGS
@given(
    st.one_of(
        st.binary(max_size=600),
        NEWSLIKE.map(lambda t: t.encode("utf-8")),
        ANY_TEXT.map(lambda t: t.encode("utf-8")),
        NEWSLIKE.map(lambda t: f"<html><body><p>{t}</p><script>x()</script></body></html>".encode()),
    ),
    st.sampled_from(["upload.txt", "page.html", "notes.md", "noext"]),
)
def test_load_bytes_is_total(data: bytes, name: str) -> None:
    from sourcetrace.errors import InputError
    from sourcetrace.load import load_bytes

    try:
        article = load_bytes(data, name=name)
    except InputError as err:
        message = str(err)
        assert message and "\n" not in message and len(message) <= 300, repr(message)
        assert "Traceback" not in message and "codec" not in message, repr(message)
        return
    assert article.text.strip(), "an accepted article is never blank"
    check_contract(article.text, analyze_text(article.text))
