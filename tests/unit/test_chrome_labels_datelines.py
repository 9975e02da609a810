"""Section labels above the headline, the small print below the story and datelines that name no
teller (issue 10, section 3): each on a made-up page, beside the look-alikes that must keep their
reading. All names are fictional."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.structure import detect_structure, is_boilerplate
from tests.chrome_pages import HEAD, QUOTE, STORY, chrome


def _chains(text: str) -> list[str]:
    return [" › ".join(h.label for h in c.chain) for c in analyze_text(text).claims]


# --------------------------------------------------------------------------- section labels


@pytest.mark.parametrize("label", ["You are here", "Breaking Headline", "News World", "America",
                                   "Asia / Pacific", "Middle East", "South Korea", "Latest News"])
def test_a_section_label_above_the_headline_is_furniture_not_the_headline_or_the_publisher(label):
    found = detect_structure(f"{label}\n{HEAD}\n{STORY}\n{QUOTE}\n")
    assert found.title == HEAD
    assert found.publisher is None
    assert chrome(f"{label}\n{HEAD}\n{STORY}\n{QUOTE}\n") == [("furniture", label)]


def test_a_stack_of_labels_and_a_trail_above_the_headline_are_all_furniture():
    text = f"You are here\nHome / News / World\nBreaking Headline\n{HEAD}\n{STORY}\n"
    found = detect_structure(text)
    assert found.title == HEAD
    assert [k for k, _ in chrome(text)] == ["furniture", "furniture", "furniture"]


@pytest.mark.parametrize("name", ["Gulf News", "The National", "Harbour Herald", "Global News",
                                  "Business Today", "City Press", "Metro", "Africa News"])
def test_an_outlets_name_above_the_headline_stays_the_publisher(name):
    # "Gulf News" is made of section words but the gazetteer knows it; "The National" opens with "The"
    found = detect_structure(f"{name}\n{HEAD}\n{STORY}\n")
    assert found.publisher == name
    assert found.title == HEAD


@pytest.mark.parametrize("headline", ["North Korea", "Latest News Wrap", "Global Markets Today"])
def test_a_section_worded_line_right_above_the_story_is_the_headline(headline):
    # a label is never the header's last line: what stands right above the story is its headline
    text = f"{headline}\nTORONTO -- Stocks fell on Friday as bond yields jumped, traders said.\n"
    assert detect_structure(text).title == headline


def test_a_short_headline_of_other_words_stays_the_headline():
    found = detect_structure(f"Harbour strike ends\n{STORY}\n")
    assert found.title == "Harbour strike ends"


def test_a_section_word_inside_the_story_is_not_touched():
    text = f"{HEAD}\nWorld leaders said on Friday the deal was fair.\nEurope\n{STORY}\n"
    assert ("furniture", "World leaders said on Friday the deal was fair.") not in chrome(text)


# --------------------------------------------------------------------------- small print


@pytest.mark.parametrize("line", [
    "Reporter Tiago Lopes can be reached at tlopes@example.com.",
    "Tiago Lopes covers the port. He can be reached at 555-201-3344.",
    "Marta Sousa may be reached at +351 21 555 0100.",
])
def test_an_authors_contact_line_below_the_story_is_chrome(line):
    text = f"{HEAD}\n{STORY}\n{QUOTE}\n{line}\n"
    assert [k for k, t in chrome(text) if t == line] == ["furniture"]
    assert all(line[:20] not in c.content.text for c in analyze_text(text).claims)


def test_a_hotline_in_the_story_is_not_a_contact_line():
    line = "The port authority said the hotline can be reached at 555-201-3344 from Saturday."
    assert chrome(f"{HEAD}\n{line}\n") == []


@pytest.mark.parametrize("line", [
    "Disclaimer: The Harbour Herald is not responsible for the content of external sites.",
    "The Harbour Herald is not responsible for the content of external internet sites.",
    "About the author: Marta Sousa writes on ports and shipping.",
])
def test_a_sites_disclaimer_and_author_box_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The minister said the port authority is not responsible for the delays.",
    "Meta argued in court that it is not responsible for the content of third-party websites linked from it.",
    "Disclaimer: the mayor said the figures were preliminary and would change.",
    "About the author: the mayor said he had never read the book.",
])
def test_a_story_sentence_about_responsibility_or_an_author_is_not_a_disclaimer(line):
    assert not is_boilerplate(line)


# --------------------------------------------------------------------------- datelines naming no teller


def test_a_place_in_parentheses_opening_the_story_is_a_place_not_an_outlet():
    text = (f"{HEAD}\n(NEW YORK) — Shipping rates rose on Friday, analysts said.\n"
            '"Rates are climbing," said Rui Costa, a broker at Atlantic Freight.\n')
    found = detect_structure(text)
    assert found.structure.datelines == []
    assert ("dateline", "(NEW YORK) —") in chrome(text)
    assert _chains(text) == ["unattributed", "analysts", "Rui Costa"]


@pytest.mark.parametrize("agency", ["AP", "XINHUA NEWS", "Atlantic Wire", "DOW JONES", "PRESS ASSOCIATION"])
def test_an_agency_in_parentheses_still_frames_the_story(agency):
    text = f"{HEAD}\nLISBON ({agency}) — Shipping rates rose on Friday, analysts said.\n"
    assert [d.source for d in detect_structure(text).structure.datelines] == [agency]
    text = f"{HEAD}\n({agency}) — Shipping rates rose on Friday, analysts said.\n"
    assert [d.source for d in detect_structure(text).structure.datelines] == [agency]


@pytest.mark.parametrize("byline", ["Staff Reporter", "Our Correspondent", "News Desk", "Monitoring Desk"])
def test_the_pages_own_staff_byline_in_the_dateline_is_no_outlet(byline):
    text = (f"{HEAD}\nLISBON ({byline}): Harbour master Rui Costa said on Friday that the port would "
            "reopen on Saturday.\nHe said ships would be unloaded first.\n")
    found = detect_structure(text)
    assert found.structure.datelines == []
    assert chrome(text) == [("dateline", f"LISBON ({byline}):")]
    assert _chains(text) == ["unattributed", "Rui Costa", "Rui Costa"]


def test_an_agency_between_slashes_after_place_and_day_frames_the_story():
    text = (f"{HEAD}\nLISBON, March 15. /Atlantic Wire/. The port will reopen on Saturday, harbour "
            'master Rui Costa told reporters.\n"We are ready," he said.\n')
    found = detect_structure(text)
    assert [(d.source, d.span.text) for d in found.structure.datelines] == [
        ("Atlantic Wire", "LISBON, March 15. /Atlantic Wire/.")
    ]
    assert ("dateline", "LISBON") in chrome(text)
    assert _chains(text) == ["unattributed", "Atlantic Wire › Rui Costa", "Atlantic Wire › Rui Costa"]


def test_a_press_release_dateline_without_a_year_names_no_teller_either():
    text = (f"{HEAD}\nPORTVALE, March 4 /PRNewswire/ -- Atlantic Freight said on Friday it would open a new "
            "terminal.\n")
    found = detect_structure(text)
    assert found.structure.datelines == []
    assert ("date", "PORTVALE, March 4 /PRNewswire/ --") in chrome(text)


def test_a_press_release_dateline_with_a_year_stays_the_issuers_voice():
    text = (f"{HEAD}\nLISBON, March 15, 2024 /PRNewswire/ -- Atlantic Freight said on Friday it would "
            "open a new terminal.\n")
    found = detect_structure(text)
    assert found.structure.datelines == []
    assert ("date", "LISBON, March 15, 2024 /PRNewswire/ --") in chrome(text)


def test_you_are_here_with_a_glued_trail_is_a_breadcrumb():
    text = f"You are here: HomeNewsWorld2024 03 15Article 123456\n{HEAD}\n{STORY}\n"
    found = detect_structure(text)
    assert found.title == HEAD
    assert chrome(text)[0] == ("furniture", "You are here: HomeNewsWorld2024 03 15Article 123456")


def test_tags_under_the_headline_do_not_make_the_story_chrome():
    text = f"{HEAD}\nTags\nPorts\nLabour\n{STORY}\n{QUOTE}\n"
    assert STORY not in [t for _, t in chrome(text)]


def test_the_agencys_box_after_about_the_author_is_a_credit_never_a_claim():
    box = ("Atlantic Wire is an international news agency headquartered in Lisbon. Founded in 1901 as "
           "Lusitania Press, it is the oldest agency in the region.")
    text = f"{HEAD}\n{STORY}\n{QUOTE}\nTags\n\nAbout the author\n\nAtlantic Wire\n\n{box}\n\nAdd Comment\n"
    kinds = dict((t, k) for k, t in chrome(text))
    assert kinds["About the author"] == kinds["Atlantic Wire"] == kinds[box] == "credit"
    assert kinds["Add Comment"] == "comments"
    analysis = analyze_text(text)
    contents = [c.content.text for c in analysis.claims]
    assert not any("Lusitania" in t or "Atlantic Wire" in t for t in contents)
    assert not any("Lusitania" in n for a in analysis.actors for n in (a.name, *a.aliases))


def test_a_long_paragraph_after_about_the_author_is_the_story_again():
    sentence = "The port authority said the ships would be unloaded in the order they arrived"
    para = " ".join([sentence] * 4) + "."
    text = f"{HEAD}\n{STORY}\nAbout the author\n{para}\n"
    assert para not in [t for _, t in chrome(text)]


def test_a_story_sentence_after_about_the_author_ends_the_box():
    text = f"{HEAD}\n{STORY}\nAbout the author\nAna Lima\nThe mayor said the port would reopen on Monday.\n"
    kinds = dict((t, k) for k, t in chrome(text))
    assert kinds["Ana Lima"] == "credit"
    assert "The mayor said the port would reopen on Monday." not in kinds


def test_a_disclaimer_about_quoted_articles_is_boilerplate():
    assert is_boilerplate("The Harbour Herald is not responsible for the content of quoted articles.")


# --------------------------------------------------------------------------- a place in capitals and a colon


def test_a_capitals_colon_dateline_is_no_actor_and_no_claims_content():
    # "LAHORE: ...", "KARACHI: ..." as South Asian and Gulf papers open a story. Real cities here (the
    # rest is invented), because the harm came from how the model reads a real city in capitals:
    # "KARACHI" was an ORG actor, and "The port minister has called ..." a claim whose content was "LAHORE"
    text = (
        "Port strike enters second week\n\n"
        "LAHORE: The port minister has called the strike illegal. Union leader Asif Khan said the "
        "workers would not return until wages were paid.\n\n"
        "KARACHI: Traders in the city said the strike would hurt small shops.\n"
    )
    analysis = analyze_text(text)
    assert not {a.name.lower() for a in analysis.actors} & {"lahore", "karachi"}
    assert all("LAHORE" not in c.content.text and "KARACHI" not in c.content.text for c in analysis.claims)
    assert _chains(text)[-2:] == ["Asif Khan", "Traders in the city"]
