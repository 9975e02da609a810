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
