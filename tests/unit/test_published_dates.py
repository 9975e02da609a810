"""Which date a pasted page states as its own, by class of page (benchmarks/dates/ measures them on
real pages). The texts are made up (fictional outlets and names)."""

from __future__ import annotations

import pytest

from sourcetrace.structure import detect_structure

_STORY = (
    "Dock workers at the port of Lisbon ended a four-day strike on Monday after the union accepted "
    "the offer, the union said.\n"
)
# other stories' teasers below the story: a title, its date stamp, its summary
_TEASERS = (
    "\nEditorial\n\nPort talks stall\n03 May, 2024\n\nPort talks stall\n\n"
    "REPORTERS across the region are facing delays at every berth, and the queues are growing...\n"
    "Ferry fares rise\nUpdated 02 May, 2024\n\n"
    "Ferry fares rise\n\nFARES rose for the second time this year, and commuters are angry...\n"
)


def test_a_print_editions_credit_dates_the_page_before_the_teasers_below_it():
    text = f"{_STORY}\nPublished in Harbour Daily, July 28th, 2017\n{_TEASERS}"
    found = detect_structure(text)
    credit = next(c for c in found.structure.chrome if c.span.text.startswith("Published in"))
    assert (credit.kind, credit.outlet, credit.date) == ("credit", "Harbour Daily", "2017-07-28")
    assert found.published == "2017-07-28"


@pytest.mark.parametrize(
    "line", ["Published in The Harbour Times on 3 May 2021", "First published in Harbour Daily, 3 May 2021."]
)
def test_print_credit_forms(line):
    assert detect_structure(f"Dock strike ends\n\n{_STORY}\n{line}\n").published == "2021-05-03"


def test_the_stamps_of_a_list_of_teasers_never_date_the_page():
    found = detect_structure(f"Dock strike ends\n\n{_STORY}{_TEASERS}")
    assert found.published is None
    stamps = [c for c in found.structure.chrome if c.span.text in ("03 May, 2024", "Updated 02 May, 2024")]
    assert [c.kind for c in stamps] == ["related", "related"]  # other stories: no event, no actor


def test_a_single_update_stamp_under_the_story_still_dates_it():
    text = f"Dock strike ends\n\n{_STORY}\nUpdated 02 May, 2024\n"
    assert detect_structure(text).published == "2024-05-02"


@pytest.mark.parametrize(
    ("line", "outlet", "day"),
    [("Source: Harbour Star July 20, 2021 20:03 UTC", "Harbour Star", "2021-07-20"),
     ("Source: Harbour Star, 20 July 2021", "Harbour Star", "2021-07-20")],
)
def test_a_source_credit_with_its_time_dates_a_summary(line, outlet, day):
    text = f"In Summary A county could be rocked by a graft scandal, the paper says.\n{line}"
    found = detect_structure(text)
    credit = found.structure.chrome[-1]
    assert (credit.kind, credit.span.text, credit.outlet, credit.date) == ("credit", line, outlet, day)
    assert found.published == day


def test_a_photo_source_without_a_date_stays_a_caption():
    found = detect_structure(f"Dock strike ends\n\nSource: Harbour Photo Agency\n\n{_STORY}")
    assert [(c.kind, c.date) for c in found.structure.chrome] == [("caption", None)]
    assert found.published is None


@pytest.mark.parametrize(
    ("text", "date_line", "day"),
    [  # the header ends at an unreadable first line; the date line follows the headline
        ("logo\n\nNews Watch (16-05-2019)\n\nThursday, 16 May 2019\n\n\nPM to open two bridges\n" + _STORY,
         "Thursday, 16 May 2019", "2019-05-16"),
        # a tag page: the list's title, the post's title, then the post's date
        ("Posts Tagged ‘Harbour’\n\nDock strike ends after four days in Lisbon\n\nMarch 20, 2017\n" + _STORY,
         "March 20, 2017", "2017-03-20"),
        # a bulletin's place and day under its title
        ("Harbour Board - Daily News\n\nDaily News 12 / 07 / 2021\nBrussels, 12 July 2021\n"
         "Port strategy: the board hosts a matchmaking event\n" + _STORY,
         "Brussels, 12 July 2021", "2021-07-12"),
        ("Port bulletin\n\nKUALA LUMPUR, Malaysia, 3 March 2015 10:15 am\n" + _STORY,
         "KUALA LUMPUR, Malaysia, 3 March 2015 10:15 am", "2015-03-03"),
    ],
)
def test_a_date_line_before_the_first_paragraph_dates_the_page(text, date_line, day):
    found = detect_structure(text)
    assert found.published == day
    assert [(c.kind, c.date) for c in found.structure.chrome if c.span.text == date_line] == [("date", day)]
    assert not found.structure.datelines  # "Brussels, 12 July 2021" names a place, not a teller


@pytest.mark.parametrize(
    "text",
    [  # a bare date after the first paragraph may be a subheading or another story's
        f"Dock strike ends\n\n{_STORY}\nMarch 20, 2017\n\nThe port authority said ships would sail again.\n",
        # a comment's author and date
        f"Dock strike ends\n\n{_STORY}\nComments\n\nAna Lima, 12 July 2021\nGood news at last.\n",
        f"Dock strike ends\n\n{_STORY}\n2 responses to this post.\n\n  1. Posted by Rui C. on July 23, 2012 "
        "at 1:47 pm\n\n    I am glad the strike is over.\n",
        # a quoted letter's date inside the story
        f"Dock strike ends\n\n{_STORY}\nOne of the letters follows:\n\nAug. 12, 2016\n\nDear members,\n",
    ],
)
def test_dates_of_comments_letters_and_the_body_never_date_the_page(text):
    assert detect_structure(text).published is None


def test_a_date_line_beats_a_place_and_date_above_it():
    # a blog's header photo captioned with its place and day, then the post's date
    text = "Harbour Marshes, Kent, 7th December 2014\n\nWednesday, 20 November 2013\n\n\n" + _STORY
    found = detect_structure(text)
    assert found.published == "2013-11-20"
    assert [c.date for c in found.structure.chrome] == ["2014-12-07", "2013-11-20"]


_HEAD = "Dock strike ends after four days\n"


@pytest.mark.parametrize(
    ("line", "day"),
    [("2015-03-03T10:15:00+05:30", "2015-03-03"),  # a CMS's ISO stamp with its offset
     ("Posted on March 3, 2015 by admin in News", "2015-03-03"),  # a blog's handle and category
     ("Posted in World on March 3, 2015", "2015-03-03"),
     ("Filed under Politics on 3 May 2015 by Ana Lima", "2015-05-03"),
     ("Article date: 03/03/2015", "2015-03-03"),
     ("Filed: March 3, 2015, 10:15 a.m. ET", "2015-03-03"),
     ("3 March 2015 • 10:15am", "2015-03-03"),  # the clock run into "am"
     ("PUBLISHED : Tuesday, 03 March, 2015, 10:15am", "2015-03-03"),
     ("By: Harbour News Service | Lisbon | Published: March 3, 2015 10:15 am", "2015-03-03"),
     ("On March 3, 2015 10:15 am In News by Ana Lima", "2015-03-03"),
     ("(03-03-2015)", "2015-03-03")],
)
def test_date_line_forms_under_the_headline(line, day):
    found = detect_structure(f"{_HEAD}{line}\n\n{_STORY}")
    assert (found.title, found.published) == ("Dock strike ends after four days", day)
    assert [c.span.text for c in found.structure.chrome] == [line]


def test_an_originally_published_note_at_the_end_dates_the_page():
    text = f"{_HEAD}\n{_STORY}\nThis article was originally published on March 3, 2015.\n"
    assert detect_structure(text).published == "2015-03-03"


@pytest.mark.parametrize(
    "line",
    ["Posted on March 3, 2015 by the council to every member of the union.",
     "On March 3, 2015 by a vote of five to two, the council approved the plan to reopen the port."],
)
def test_a_posted_on_line_that_runs_into_a_sentence_is_no_byline(line):
    assert detect_structure(f"{_HEAD}\n{line}\n\n{_STORY}").published is None


def test_a_dated_wire_dateline_before_a_hyphenated_word():
    # "four-day" is a hyphen, not the dash of an apposition that would make the dateline prose
    text = "Dock strike ends\n\nLISBON, March 3, 2015 - Dock workers ended a four-day strike on Monday.\n"
    found = detect_structure(text)
    [dateline] = found.structure.datelines
    assert (dateline.span.text, dateline.date) == ("LISBON, March 3, 2015 -", "2015-03-03")
    assert found.published == "2015-03-03"


@pytest.mark.parametrize(
    "tail",
    ["Leave a comment\nAna Lima says:\nMarch 5, 2015 at 3:12 pm\nGreat news for the port.\n",
     "3 comments\nPosted on March 5, 2015 by Rui Costa\nAbout time the strike ended.\n",
     "Related stories\nFerry fares rise again\nMarch 1, 2015 10:15 am\n"],
)
def test_a_comments_or_related_stories_date_never_dates_the_page(tail):
    found = detect_structure(f"{_HEAD}\n{_STORY}\n{tail}")
    assert found.published is None


def test_a_date_under_the_headline_beats_the_comments_below():
    comments = "Leave a comment\nAna Lima says:\nMarch 5, 2015 at 3:12 pm\nGood.\n"
    text = f"{_HEAD}March 3, 2015\n\n{_STORY}\n{comments}"
    assert detect_structure(text).published == "2015-03-03"


@pytest.mark.parametrize(
    ("line", "day"),
    [("By : hl on 31 May 2021, 01:34     |     Source: harbournews", "2021-05-31"),  # a handle, not a name
     ("Daily Bulletin 24 / 09 / 2019", "2019-09-24"),  # a bulletin's label, then its day spaced out
     ("Feb 26, 2021, 08:24AM ISTSource: Harbour TV", "2021-02-26")],  # a source label run into the date
)
def test_header_forms_whose_date_comes_with_other_fields(line, day):
    found = detect_structure(f"{_HEAD}{line}\n\n{_STORY}")
    assert found.published == day
    assert [c.span.text for c in found.structure.chrome] == [line]


def test_a_date_and_source_line_a_few_lines_below_the_header():
    text = (f"  • Harbour\n  • {_HEAD}  • 907 views\n  • 3 years ago\n\n{_HEAD}\n"
            f"Feb 26, 2021, 08:24AM ISTSource: Harbour TV\n\n{_STORY}")
    assert detect_structure(text).published == "2021-02-26"


def test_a_two_digit_year_counts_only_after_a_label():
    assert detect_structure(f"{_HEAD}By Ana Lima\n(Updated 8/19/18)\n\n{_STORY}").published == "2018-08-19"
    text = f"{_HEAD}\n{_STORY}\nThe three ferries sailed on routes 8/19/18 and 4/12/20.\n"
    assert detect_structure(text).published is None


def test_a_sentence_opening_with_by_and_a_date_is_no_byline():
    text = f"{_HEAD}\nBy the time the strike ended on March 3, 2015, the port was empty.\n\n{_STORY}"
    assert detect_structure(text).published is None


def test_a_labelled_date_with_its_weekday_in_a_field_beats_the_sites_today_header():
    text = f"Thu | Jul 2, 2026\n\n{_HEAD}\nPublished:Thursday | February 3, 2022 | 12:48 AM\n\n{_STORY}"
    assert detect_structure(text).published == "2022-02-03"


def test_a_more_news_link_in_the_menu_above_the_story_opens_no_tail():
    menu = "Home\nLead Stories\nNews\nMore News\nPower FM\nWeather\nOther News\n\n"
    text = f"{menu}{_HEAD}published: Sunday | November 2, 2008\n\n{_STORY}"
    assert detect_structure(text).published == "2008-11-02"


def test_an_ambiguous_numeric_date_is_read_the_way_the_page_confirms():
    text = "Harbour Board - Daily News\n\nDaily News 12 / 07 / 2021\nBrussels, 12 July 2021\n\n" + _STORY
    found = detect_structure(text)
    [bulletin] = [c for c in found.structure.chrome if c.span.text.startswith("Daily News 12")]
    assert bulletin.date == "2021-12-07"  # alone, dateparser reads it month first
    assert found.published == "2021-07-12"  # the same day, confirmed in words below it


@pytest.mark.parametrize("line", [
    "Published: July 25, 2021 | Updated: 12/07/2021",
    "Updated: 12/07/2021 | Published: July 25, 2021",
])
def test_an_ambiguous_numeric_date_beside_another_date_on_its_line_is_no_crash(line):
    # the line's date may be the other one: only a reading of the numeric date itself is swapped
    found = detect_structure(f"{_HEAD}{line}\n\n{_STORY}")
    assert found.published == "2021-07-25"


@pytest.mark.parametrize(
    ("line", "day"),
    [("Kamis, 24 Februari 2011", "2011-02-24"), ("Lundi 3 mars 2015", "2015-03-03"),
     ("Selasa, 3 Maret 2015 10:15 WIB", "2015-03-03")],
)
def test_a_blog_date_header_in_another_language(line, day):
    found = detect_structure(f"{line}\n\n{_HEAD}\n{_STORY}")
    assert (found.title, found.published) == ("Dock strike ends after four days", day)


def test_a_short_foreign_headline_with_a_year_is_no_date():
    found = detect_structure(f"Jokowi menang 2019\n\n{_STORY}")
    assert (found.title, found.published) == ("Jokowi menang 2019", None)


@pytest.mark.parametrize(
    "opening",
    ["July 15, 2024: Dock workers", "Monday, 15 July 2024 - Dock workers", "15 July 2024 — Dock workers"],
)
def test_a_story_opening_with_its_day(opening):
    text = f"{_HEAD}\n{opening} at the port of Lisbon ended a four-day strike on Monday, the union said.\n"
    found = detect_structure(text)
    assert found.published == "2024-07-15"
    [lead] = [c for c in found.structure.chrome if c.kind == "date"]
    assert lead.span.text == opening[: -len(" Dock workers")]  # the date and its dash only: the story is text
    assert found.structure.datelines == []


def test_a_later_paragraph_opening_with_a_date_does_not_date_the_page():
    later = "March 3, 2015: the day the strike began, and nobody in the port has forgotten it.\n"
    text = f"{_HEAD}\n{_STORY}\n{later}"
    assert detect_structure(text).published is None
