"""Page chrome classes counted on the development chain sets (three or more articles from two or
more sets each), fixed as layout mechanisms: each on made-up pages of several shapes, with the
prose next to it that must stay what it is.

All names are fictional."""

from __future__ import annotations

import pytest

from sourcetrace.structure import _byline, detect_structure
from tests.chrome_pages import HEAD, QUOTE, STORY, actor_names, chrome

# a first paragraph too long to be read as a headline
LEAD = ("The port authority said on Friday that ships would be unloaded again from Saturday morning, after "
        "four days in which no container left the docks and hundreds of lorries waited outside the gates.")

# ---------------------------------------------------------------- bylines the field parser missed


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("By Harbour News Service", [], "Harbour News Service"),  # an outlet, no person
        ("By Atlantic News Agency", [], "Atlantic News Agency"),
        ("By Marta Sousa in Porto", ["Marta Sousa"], None),  # where the reporter filed from
        ("By Marta Sousa and Rui Costa in New York", ["Marta Sousa", "Rui Costa"], None),
        ("By Marta Sousa in New York, Atlantic Wire", ["Marta Sousa"], "Atlantic Wire"),
        ("Marta Sousa, The Associated Press", ["Marta Sousa"], "The Associated Press"),  # no "By"
        ("Marta Sousa and Rui Costa, Atlantic Wire", ["Marta Sousa", "Rui Costa"], "Atlantic Wire"),
    ],
)
def test_bylines_naming_an_outlet_or_the_place_filed_from(line, authors, outlet):
    found = _byline(line, header=True)
    assert found is not None and found.kind == "byline"
    assert (found.authors, found.outlet) == (authors, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "By the numbers",  # a section's label, no name
        "By Jane Doe in the field",  # "in" a common noun: not a place filed from
        "Marta Sousa, the port's director",  # a name and a description, not an outlet
        "Lisbon dockers end strike, Harbour News says",  # a headline with its source
        "By land and sea, the dockers came home",
    ],
)
def test_lines_that_are_no_such_bylines(line):
    assert _byline(line, header=True) is None


def test_an_outlet_byline_above_the_story_is_no_headline_and_no_actor():
    text = f"By Harbour News Service\n\nLISBON: {LEAD}\n\n{QUOTE}\n"
    found = detect_structure(text)
    assert found.title is None
    assert chrome(text)[0] == ("byline", "By Harbour News Service")
    assert "Harbour News Service" not in actor_names(text)


def test_a_reporter_and_agency_line_is_no_headline():
    text = f"Marta Sousa, The Associated Press\n\nLISBON -- {LEAD}\n\n{QUOTE}\n"
    found = detect_structure(text)
    assert found.title is None
    assert ("byline", "Marta Sousa, The Associated Press") in chrome(text)


def test_a_byline_with_the_place_filed_from_below_the_headline_is_chrome():
    text = f"{HEAD}\n\nBy Marta Sousa in Porto\n\n{STORY}\n\n{QUOTE}\n"
    found = detect_structure(text)
    assert found.title == HEAD
    assert chrome(text) == [("byline", "By Marta Sousa in Porto")]
    assert "Marta Sousa" not in actor_names(text)


# ---------------------------------------------------------------- a widget speaking to the reader


@pytest.mark.parametrize(
    "line",
    [
        "Get all your news in one place.",
        "Get the latest updates as we post them — right on your browser",
        "Sign up for Harbour Updates!",  # no "you", but an exclaimed widget imperative
        "Don't let rising prices catch you off guard. Stay ahead with our daily briefing.",
        "You can follow us on Facebook: facebook.com/harbournews or Twitter: @harbournews",
        "Download the app to get your alerts first",
    ],
)
def test_a_line_addressing_the_reader_is_furniture(line):
    text = f"{HEAD}\n\n{LEAD}\n\n{line}\n\n{QUOTE}\n"
    assert chrome(text) == [("furniture", line)]


@pytest.mark.parametrize(
    "line",
    [
        '"Get out of my office," the minister told the union leader, witnesses said.',  # a quotation
        "Q: Do you think the strike will end?",  # an interview's question
        "Can you imagine a port without dockers? The union says the city should try.",  # a question
        "Follow-up talks are planned for Monday, the union said.",  # "Follow-up" is no imperative
        "Sign up sheets were handed out at the gates on Friday.",  # no reader, no exclamation
        "Watch the ports, your economy depends on them, the minister told parliament on Friday.",
    ],
)
def test_prose_questions_and_quotes_are_not_reader_promos(line):
    text = f"{HEAD}\n\n{LEAD}\n\n{line}\n\n{QUOTE}\n"
    assert chrome(text) == []


def test_a_promo_above_the_headline_is_no_headline_and_its_small_print_goes_with_it():
    text = (f"Get all your news in one place.\n100's of premium titles.\nOne app.\nStart reading\n"
            f"Harbour News\nBy Marta Sousa\n\n{HEAD}\n\n{LEAD}\n\n{QUOTE}\n")
    found = detect_structure(text)
    assert (found.title, found.publisher) == (HEAD, "Harbour News")
    assert chrome(text) == [
        ("furniture", "Get all your news in one place."),
        ("furniture", "100's of premium titles."),
        ("furniture", "One app."),
        ("furniture", "Start reading"),
        ("byline", "By Marta Sousa"),
    ]


def test_a_question_to_the_reader_above_a_promo_goes_with_it_but_a_paragraph_after_it_stays():
    text = (f"{HEAD}\n\n{LEAD}\n\nPort fees are rising - will you react or anticipate?\n"
            f"Don't let new fees catch you off guard. Stay ahead with our data.\n\n{QUOTE}\n")
    assert chrome(text) == [
        ("furniture", "Port fees are rising - will you react or anticipate?"),
        ("furniture", "Don't let new fees catch you off guard. Stay ahead with our data."),
    ]
    asked = "Will the dockers accept the offer? Nobody can tell you yet."
    assert chrome(f"{HEAD}\n\n{LEAD}\n\n{asked}\n\n{QUOTE}\n") == []


def test_a_date_line_behind_a_widgets_separator_dates_the_page():
    text = f"{HEAD}\n\n. Last Updated: 07/27/2016\n\n{LEAD}\n"
    found = detect_structure(text)
    assert (found.title, found.published) == (HEAD, "2016-07-27")
