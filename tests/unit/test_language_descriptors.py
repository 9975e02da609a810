"""A language before an outlet word describes the outlet ("the Urdu daily Jang", "the Arabic-language
newspaper Al-Sahil", "Pakistan's English Daily the Dawn"): it is no actor and no part of the outlet's
name. A name that holds a language ("Arabic News Daily", "English Premier League") stays whole.
The outlets are invented; the languages are data/languages.txt."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text

HEAD = "Talks fail\n\n"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The Urdu daily Qaumi Sada reported that the minister had resigned.", "Qaumi Sada"),
        ("The Arabic-language newspaper Al-Sahil reported that the border had closed.", "Al-Sahil"),
        ("The Arabic daily Al-Sahil reported that the border had closed.", "Al-Sahil"),
    ],
)
def test_a_language_before_an_outlet_word_is_no_actor_and_no_part_of_the_name(sentence, label):
    analysis = analyze_text(HEAD + sentence + "\n")
    claim = next(c for c in analysis.claims if "had" in c.content.text)
    assert claim.chain[-1].label.endswith(label)  # "The Urdu daily Qaumi Sada" as the label is left
    languages = {"urdu", "arabic", "english"}
    assert not [a.name for a in analysis.actors if a.name.lower() in languages]


def test_a_capitalised_descriptor_is_no_actor_either():
    analysis = analyze_text(HEAD + "Pakistan's English Daily the Dawn reported that talks had failed.\n")
    assert "English Daily" not in [a.name for a in analysis.actors]


def test_a_name_that_holds_a_language_stays_whole():
    analysis = analyze_text(HEAD + "Arabic News Daily reported that the talks had failed.\n")
    assert [c.chain[-1].label for c in analysis.claims if "talks had failed" in c.content.text] == [
        "Arabic News Daily"
    ]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Ana Velt told Czech Radio that the port would close.", "Czech Radio"),
        ("Turkish Radio quoted Ana Velt as saying the port would close.", "Turkish Radio"),
        ("Russian media reported that the port would close.", "Russia"),  # a country's media
    ],
)
def test_an_outlet_named_with_a_language_stays_an_actor(sentence, actor):
    assert actor in [a.name for a in analyze_text(HEAD + sentence + "\n").actors]
