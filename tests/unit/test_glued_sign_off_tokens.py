"""A sign-off glued to a sentence's last word ("he said.—Reuters", "said.-AFP", "plan.”—Reuters"):
the stock tokenizer kept "said.—Reuters" as one token, so the sentence lost its cue and the agency
ran into the claim's words. The project's pipeline splits the stop, the quotation mark and the dash
off; hyphenated words and "U.S.—Mexico" stay whole. Invented text; the agencies are the gazetteer's."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.nlp import get_pipeline

HEAD = (
    "Ministry denies port report\n\n"
    "The foreign ministry on Sunday denied a report that the port would close.\n\n"
)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("he said.—Reuters", ["he", "said", ".", "—", "Reuters"]),
        ("he said.-AFP", ["he", "said", ".", "-", "AFP"]),
        ("he said.--Xinhua", ["he", "said", ".", "--", "Xinhua"]),
        ("no such plan.”—Reuters", ["no", "such", "plan", ".", "”", "—", "Reuters"]),
        ("no such plan.'—Reuters", ["no", "such", "plan", ".", "'", "—", "Reuters"]),
        ("by the end of 2025.—Reuters", ["by", "the", "end", "of", "2025", ".", "—", "Reuters"]),
        ("the U.S.—Mexico border", ["the", "U.S.—Mexico", "border"]),
        ("a well-known re-elected mayor", ["a", "well", "-", "known", "re", "-", "elected", "mayor"]),
    ],
)
def test_the_tokenizer_splits_a_glued_sign_off_and_nothing_else(text, tokens):
    assert [t.text for t in get_pipeline().tokenizer(text)] == tokens


@pytest.mark.parametrize(
    "last",
    [
        '"There is no such plan," spokesman Ali Noor said.—Reuters',
        '"There is no such plan," spokesman Ali Noor said.-AFP',
        'Spokesman Ali Noor said: "There is no such plan."—Reuters',
    ],
)
def test_a_last_sentence_with_a_glued_sign_off_keeps_its_speaker_and_its_words(last):
    analysis = analyze_text(HEAD + last + "\n")
    claim = next(c for c in analysis.claims if "no such plan" in c.content.text)
    assert claim.chain[-1].label == "Ali Noor"
    assert claim.content.text.rstrip(".") == "There is no such plan"
