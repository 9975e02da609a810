"""Layout classes of page chrome and page dates read on the development chain sets D, F and G
(pasted archive pages, wire copy on syndicating sites): each on a made-up page, with the prose
next to it that must stay prose.

All names are fictional."""

from __future__ import annotations

from sourcetrace.analysis import analyze_text
from sourcetrace.structure import detect_structure, is_boilerplate

HEAD = "Dock strike ends in Lisbon after four days"
STORY = "The port authority said on Friday that ships would be unloaded again from Saturday morning."
QUOTE = '"We have a fair agreement," union leader Rui Costa told reporters outside the port.'


def chrome(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.span.text) for c in detect_structure(text).structure.chrome]


def actor_names(text: str) -> set[str]:
    return {n for a in analyze_text(text).actors for n in (a.name, *a.aliases)}


# --- a byline after the date among fields: "<date>|By X and Y | X and Y,SPECIAL TO THE SUN"


def test_a_date_first_byline_names_its_authors_and_dates_the_page():
    text = (f"{HEAD}\n\nUnion leaders hail the deal\n\n"
            "March 08, 2003|By Marta Quintela and Ivo Sardinha | "
            "Marta Quintela and Ivo Sardinha,SPECIAL TO THE HERALD"
            f"\n\n{STORY}\n\n{QUOTE}\n")
    found = detect_structure(text)
    assert found.published == "2003-03-08"
    bylines = [c for c in found.structure.chrome if c.kind == "byline"]
    assert [(c.authors, c.date) for c in bylines] == [(["Marta Quintela", "Ivo Sardinha"], "2003-03-08")]
    names = actor_names(text)
    assert "Marta Quintela" not in names and "Ivo Sardinha" not in names
    assert "Rui Costa" in names


def test_fields_whose_later_part_is_a_sentence_with_by_are_no_byline():
    line = "March 08, 2003 | By the time the ships left, the strike was over."
    assert not [c for c in detect_structure(f"{HEAD}\n\n{line}\n\n{STORY}\n").structure.chrome
                if c.kind == "byline"]


# --- an archive record's header: labelled fields in capitals on one line


def test_an_archive_record_header_is_chrome_and_its_date_field_dates_the_page():
    record = ("Harbour Times Copyright (c) 1995, Harbour Media, Inc. DATE: TUESDAY, August 17, 1993 TAG: "
              "9308170310 SECTION: NATIONAL PAGE: A-2 EDITION: METRO SOURCE: Atlantic Wire LENGTH: Short")
    text = f"{record}\n{STORY}\n{QUOTE}\n"
    found = detect_structure(text)
    assert found.published == "1993-08-17"
    assert ("date", record) in chrome(text)
    assert "Harbour Media" not in actor_names(text)


def test_a_sentence_with_two_capital_labels_is_no_record_header():
    line = "NOTE: the port reopens on Monday. UPDATE: ships wait outside, said the union."
    assert chrome(f"{HEAD}\n\n{line}\n\n{STORY}\n") == []


# --- a labelled date beside the agency's name: "Last Updated: <date> <time> | Xinhua"


def test_a_labelled_date_beside_an_agency_dates_the_page_and_is_no_caption():
    text = f"{HEAD}\n\nLast Updated: 2014-02-01 07:05 | Reuters\n\n{STORY}\n"
    found = detect_structure(text)
    assert found.published == "2014-02-01"
    assert [(c.kind, c.outlet, c.authors) for c in found.structure.chrome] == [("byline", "Reuters", [])]


# --- a date in brackets opening the first paragraph, a copyright in brackets


def test_a_bracketed_date_opening_the_dateline_paragraph_dates_the_page():
    text = (f"{HEAD}\n\n[November 16, 2018]  LISBON (Atlantic Wire) - Dock workers ended their strike on "
            f"Friday, the union said.\n\n{STORY}\n\n[© 2018 Atlantic Wire Holdings. All rights reserved.]\n")
    found = detect_structure(text)
    assert found.published == "2018-11-16"
    assert ("date", "[November 16, 2018]") in chrome(text)
    assert [d.source for d in found.structure.datelines] == ["Atlantic Wire"]
    assert ("furniture", "[© 2018 Atlantic Wire Holdings. All rights reserved.]") in chrome(text)
    assert "Atlantic Wire Holdings" not in actor_names(text)


def test_a_bracketed_aside_in_the_story_is_prose():
    line = "[The union] said on Friday that ships would be unloaded again from Saturday morning."
    assert chrome(f"{HEAD}\n\n{line}\n") == []


def test_a_bracketed_line_is_furniture_only_when_its_inside_is():
    assert is_boilerplate("[© 2018 Harbour News. All rights reserved.]")
    assert not is_boilerplate("[The union's statement follows below.]")


# --- a headline naming its source after a colon is the headline, not a photo credit


def test_a_headline_that_names_its_source_after_a_colon_is_the_headline():
    head = "U.S. investigators approach three banks in Danske probe: Reuters"
    text = f"{head}\nSend a link to a friend  Share\n{STORY}\n"
    found = detect_structure(text)
    assert found.title == head
    assert chrome(text) == [("furniture", "Send a link to a friend  Share")]


def test_a_caption_closed_by_its_agency_is_still_a_caption():
    line = "Dock workers walk past the ships in Lisbon on Friday. Photo: Reuters"
    assert ("caption", line) in chrome(f"{HEAD}\n\n{STORY}\n\n{line}\n\n{QUOTE}\n")
