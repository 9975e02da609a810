"""Article structure: publisher line, headline and its cue, datelines, boilerplate; offsets untouched."""

from __future__ import annotations

import pytest

from sourcetrace.structure import detect_structure, is_boilerplate, parse_date


def _spans_match(text: str, found) -> None:
    s = found.structure
    spans = [s.publisher_line, s.headline, s.headline_cue, *s.boilerplate]
    for d in s.datelines:
        spans += [d.span, d.covers]
    for span in spans:
        if span is not None:
            assert text[span.start:span.end] == span.text


def test_bundled_article_structure(bundled_text):
    found = detect_structure(bundled_text)
    s = found.structure
    assert found.publisher == "NCRI"
    assert s.publisher_line.text == "NCRI" and s.publisher_line.start == 0
    assert found.title == "Iranian regime’s ambassador supervises illegal security apparatus in Iraq: report"
    assert s.headline.text == found.title
    assert s.headline_cue.text == ": report"
    assert s.body_start == s.headline.end
    assert [(d.span.text, d.source, d.date) for d in s.datelines] == [
        ("NCRI –", "NCRI", None),
        ("al-Malaf, July 10,2007:", "al-Malaf", "2007-07-10"),
    ]
    ncri, malaf = s.datelines
    assert ncri.covers.text.startswith("The Iraqi news website, al-Malaf reported")
    assert ncri.covers.end < malaf.span.start
    assert malaf.covers.text.startswith("Day by day more facts")
    # The framed text stops before the trailing page furniture.
    assert malaf.covers.text.endswith("penetrating in southern Iraq.")
    assert [b.text for b in s.boilerplate] == ["Exit mobile version"]
    assert found.published == "2007-07-10"
    _spans_match(bundled_text, found)


def test_agency_dateline_with_place_and_agency():
    text = "Talks stall again\n\nWASHINGTON (AP) — The talks stalled on Monday, officials said.\n"
    s = detect_structure(text).structure
    assert [(d.span.text, d.source, d.date) for d in s.datelines] == [("WASHINGTON (AP) —", "AP", None)]
    assert s.datelines[0].covers.text == "The talks stalled on Monday, officials said."


def test_place_only_dateline_names_no_source():
    text = "Virginian could make history\n\nNEWPORT NEWS, Va. - In a tradition he kept for years, he spoke.\n"
    assert detect_structure(text).structure.datelines == []


def test_dash_apposition_is_not_a_dateline():
    text = "A doctor and his critics\n\nMehmet Oz — a surgeon and TV star — has been called a charlatan.\n"
    assert detect_structure(text).structure.datelines == []


def test_undated_dash_lead_later_in_the_body_is_not_a_dateline():
    text = (
        "Debate preview\n\nThe debate is on Monday, organisers said.\n\n"
        "Kall -- co-editor of a book on debates -- said the candidate likes surprises.\n"
    )
    assert detect_structure(text).structure.datelines == []


def test_headline_without_publisher_line():
    text = "Obama Seeks More Refugees.\n\nPresident Barack Obama sounded a call on Monday.\n\nMore text.\n"
    found = detect_structure(text)
    assert found.publisher is None
    assert found.title == "Obama Seeks More Refugees."
    assert found.structure.headline_cue is None
    assert found.structure.body_start == len("Obama Seeks More Refugees.")


def test_headline_line_ending_with_a_semicolon_is_not_a_publisher():
    text = "Derelict Obama and Clinton; \nTrump will go on offense.\n\nLast weekend, America was attacked.\n"
    assert detect_structure(text).publisher is None


def test_boilerplate_lines_from_the_data_file():
    text = "Share this:\nThe minister spoke.\nAdvertisement\nWe use cookies to improve your experience.\n"
    found = detect_structure(text)
    assert [b.text for b in found.structure.boilerplate] == [
        "Share this:",
        "Advertisement",
        "We use cookies to improve your experience.",
    ]
    _spans_match(text, found)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Exit mobile version", True), ("  SHARE THIS  ", True), ("Advertisement", True),
     ("The advertisement was pulled.", False), ("Exit polls show a tie", False)],
)
def test_is_boilerplate(line, expected):
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("July 10,2007", "2007-07-10"), ("10 July 2007", "2007-07-10"), ("Sept. 28, 2016", "2016-09-28"),
     ("2007-07-10", "2007-07-10"), ("July 10", None), ("Feb 31, 2007", None), ("", None)],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_empty_and_single_line_texts():
    assert detect_structure("").structure.headline is None
    one = detect_structure("Just one sentence here.")
    assert one.structure.headline is None and one.structure.datelines == []


def test_terse_headline_above_a_sentence_is_not_a_publisher():
    text = "Trump Wins\n\nDonald Trump won the election on Tuesday, officials said.\n\nMore text.\n"
    found = detect_structure(text)
    assert found.publisher is None
    assert found.title == "Trump Wins"


@pytest.mark.parametrize("first", ["Reuters", "NCRI", "Fox News"])
def test_known_outlet_or_acronym_is_a_publisher_even_above_a_dotted_headline(first):
    text = f"{first}\n\nMinister resigns over budget.\n\nThe minister resigned on Monday.\n"
    found = detect_structure(text)
    assert (found.publisher, found.title) == (first, "Minister resigns over budget.")


def test_publisher_name_above_an_undotted_headline():
    text = "Kurdistan Daily\n\nMinister resigns over budget\n\nThe minister resigned on Monday.\n"
    assert detect_structure(text).publisher == "Kurdistan Daily"
