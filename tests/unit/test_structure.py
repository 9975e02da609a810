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


# --------------------------------------------------------------------------- pasted web copy

HEAD = "Dock strike ends after talks"


def _chrome(found) -> list[tuple[str, str]]:
    return [(c.kind, c.span.text) for c in found.structure.chrome]


def test_chrome_spans_are_boilerplate_and_index_the_text():
    text = (
        "Dock strike ends\nBy Joana Marques | Atlantic Wire | March 15, 2024\nShare this\n\n"
        "LISBON, March 15 (Atlantic Wire) - Dock workers ended a strike on Friday, the union said.\n"
    )
    found = detect_structure(text)
    assert [b.text for b in found.structure.boilerplate] == [c.span.text for c in found.structure.chrome]
    for c in found.structure.chrome:
        assert text[c.span.start:c.span.end] == c.span.text
    _spans_match(text, found)


def test_pipe_byline_gives_author_outlet_and_publication_date():
    text = (
        "Dock strike ends after talks\nBy Joana Marques | Atlantic Wire | March 15, 2024\n\n"
        "Dock workers ended a strike on Friday, the union said.\n"
    )
    found = detect_structure(text)
    byline = found.structure.chrome[0]
    assert (byline.kind, byline.authors, byline.outlet, byline.date) == (
        "byline", ["Joana Marques"], "Atlantic Wire", "2024-03-15"
    )
    assert (found.title, found.publisher, found.published) == (
        "Dock strike ends after talks", None, "2024-03-15"
    )


@pytest.mark.parametrize(
    ("line", "authors", "outlet", "day"),
    [
        ("By Rui Costa and Ana Lima", ["Rui Costa", "Ana Lima"], None, None),
        ("By KIM SOO-JIN", ["KIM SOO-JIN"], None, None),
        ("By Nadia al-Rashid, Atlantic Wire", ["Nadia al-Rashid"], "Atlantic Wire", None),
        ("By Rui Costa, Ana Lima and Tiago Lopes", ["Rui Costa", "Ana Lima", "Tiago Lopes"], None, None),
        ("Staff and wire reports", [], None, None),
        ("From the Harbour Gazette Network and wire reports", [], "the Harbour Gazette Network", None),
        ("Tiago Lopes, Police Reporter", ["Tiago Lopes"], None, None),
        ("Written by Rita Fonseca on June 26, 2023", ["Rita Fonseca"], None, "2023-06-26"),
        ("Written by on June 26, 2023", [], None, "2023-06-26"),
        ("Posted on 3 May 2022 by Rui Costa", ["Rui Costa"], None, "2022-05-03"),
        ("Staff Correspondent", [], None, None),
        ("By Rita Fonseca / Staff writer, with Harbour Wire", ["Rita Fonseca"], None, None),
    ],
)
def test_bylines(line, authors, outlet, day):
    found = detect_structure(f"{HEAD}\n{line}\n\nDock workers ended a strike on Friday.\n")
    assert found.title == "Dock strike ends after talks"
    [byline] = found.structure.chrome
    assert (byline.kind, byline.span.text, byline.authors, byline.outlet, byline.date) == (
        "byline", line, authors, outlet, day
    )


@pytest.mark.parametrize(
    "line",
    ["By the end of the year, prices had doubled.", "By Monday, the talks had collapsed.",
     "Rui Costa, the union leader, said the strike was over."],
)
def test_sentences_are_not_bylines(line):
    found = detect_structure(f"Dock strike ends after talks\n\n{line}\n\nMore text follows here.\n")
    assert found.structure.chrome == []


@pytest.mark.parametrize(
    ("line", "day"),
    [("2021/06/03", "2021-06-03"), ("March 2, 2022 8:15 pm", "2022-03-02"),
     ("Published: 4 May 2023", "2023-05-04"),
     ("Sunday 22 September 2019", "2019-09-22"), ("Tuesday, August 19, 2014, 08:45 GMT+7", "2014-08-19"),
     ("This content was published on May 13, 2021 - 00:31", "2021-05-13"),
     ("Published 8 December 2017", "2017-12-08"),
     ("Feb 11, 2023, 5:45 AM", "2023-02-11"), ("Published: 4 May 2023 | Updated: 5 May 2023", "2023-05-04"),
     ("Updated 3 hours ago", None),
     ("Updated: 00:00 GMT, Jan 1, 1970 | Published: 03:28 GMT, Oct 22, 2018 |", "2018-10-22"),
     ("Published : Wednesday, 17 February, 2021 at 12:00 AM  Count : 77", "2021-02-17"),
     ("General News of Friday, 14 October 2022", "2022-10-14"),
     ("PublishDate: Thursday, January 28, 2021 15:07", "2021-01-28"),
     ("Publish Date: 3 May 2021", "2021-05-03"),
     ("Publication date: 12 March 2019", "2019-03-12"), ("Date post: 23-Jan-2023", "2023-01-23"),
     ("Last updated on: 14th August, 2020 | 10:04 PM", "2020-08-14"),
     ("09 June 2006 [08:28] - HARBOUR.PT", "2006-06-09")],
)
@pytest.mark.parametrize("where", ["above", "below"])
def test_date_lines_at_the_top_are_chrome_and_give_the_publication_date(line, day, where):
    head = "Council approves new bridge"
    top = f"{line}\n{head}" if where == "above" else f"{head}\n{line}"
    found = detect_structure(f"{top}\n\nThe council approved the bridge on Wednesday, its chairwoman said.\n")
    assert found.title == head
    assert _chrome(found) == [("date", line)]
    assert found.published == day


def test_a_bare_month_in_the_body_is_not_a_date_line():
    text = "Council approves new bridge\n\nThe council met.\n\nMarch 2020\n\nThe bridge opened later.\n"
    assert detect_structure(text).structure.chrome == []


@pytest.mark.parametrize(
    "line",
    ["Photo: Reuters / Carla Dias", "(Facebook Photo/Harbour Park)", "Image source, Getty Images",
     "Smoke rises over the port of Lisbon on May 12, 2021. REUTERS/Rui Costa",
     "Dock workers at the gate. Picture date: Tuesday May 5, 2023. "
     "Photo credit should read: Ana Lima/PA Wire",
     "Dock workers at the port gate on Friday (Xinhua/Ding Wei)",
     "Dock workers at the port gate on May 3, 2021.(Harbour Daily/Ding Wei)",
     "A blueprint of the new port. (Xinhua Photo) Photo Gallery",
     "Dock workers outside the port on Oct. 3, 2018. Photo by Ana Lima | The Harbour Signal",
     "PORT AUTHORITY / AFP Dock workers outside the port gate in Lisbon on Friday.",
     "Dock workers outside the port gate in Lisbon on Friday. Credit: Ana Lima"],
)
def test_photo_captions(line):
    found = detect_structure(f"{HEAD}\n\n{line}\n\nDock workers ended a strike on Friday.\n")
    assert _chrome(found) == [("caption", line)]


@pytest.mark.parametrize(
    "line",
    ["The group was founded by the People’s Mojahedin of Iran (PMOI/MEK).",
     "Harbour Gate was valued at $2.9 billion, a figure disputed by Michael R. Bloomberg.",
     "“VIDEO: the minister told me it was a video,” Rui Costa wrote.",
     "Reuters"],
)
def test_sentences_ending_with_a_name_are_not_captions(line):
    found = detect_structure(f"{HEAD}\n\nDock workers ended a strike.\n\n{line}\n\nMore text.\n")
    assert found.structure.chrome == []


def test_related_stories_and_comments_at_the_end_are_chrome():
    text = (
        "Dock strike ends after talks\n\nDock workers ended a strike on Friday, the union said.\n\n"
        "READ MORE: Ferry fares rise again\n\nThe port reopens on Saturday.\n\n"
        "Related stories\nFerry fares rise for the second time this year\nPort of Porto expands\n\n"
        "Leave a comment\nAna Silva: Finally some good news.\n"
    )
    assert _chrome(detect_structure(text)) == [
        ("related", "READ MORE: Ferry fares rise again"),
        ("related", "Related stories"),
        ("related", "Ferry fares rise for the second time this year"),
        ("related", "Port of Porto expands"),
        ("comments", "Leave a comment"),
        ("comments", "Ana Silva: Finally some good news."),
    ]


def test_a_related_block_stops_at_a_full_paragraph():
    para = "Dock workers " + "and their families " * 15 + "marched on Friday, the union said."
    text = f"Dock strike ends after talks\n\nThe strike ended.\n\nRelated\nFerry fares rise\n\n{para}\n"
    found = detect_structure(text)
    assert _chrome(found) == [("related", "Related"), ("related", "Ferry fares rise")]


def test_a_paywall_offer_takes_its_plans_and_prices_until_the_next_prose():
    plans = ["Subscribe to read the full story →", "Harbour Quarterly", "€9", "3 Months",
             "Harbour Saver", "€30", "1 Year", "Renews automatically, cancel anytime",
             "Complimentary Access to The Lisbon Gazette"]
    text = (
        "Dock strike ends after talks\n\nDock workers ended a strike on Friday, the union said.\n\n"
        + "\n".join(plans)
        + "\n\nThe port authority said ships would be unloaded again from Saturday morning onwards.\n"
    )
    assert _chrome(detect_structure(text)) == [("furniture", line) for line in plans]


def test_teasers_of_other_stories_end_with_a_time_stamp():
    text = (
        "Dock strike ends after talks\n\nDock workers ended a strike on Friday, the union said.\n\n"
        "The port reopens on Saturday.\n\n(Facebook Photo/Ferry Co)\n"
        "Ferry fares rise again\nThe ferry company raised its fares on Monday, it said.\n1 day ago\n"
    )
    assert _chrome(detect_structure(text)) == [
        ("caption", "(Facebook Photo/Ferry Co)"),
        ("related", "Ferry fares rise again"),
        ("related", "The ferry company raised its fares on Monday, it said."),
        ("date", "1 day ago"),
    ]


@pytest.mark.parametrize(
    "line",
    ["Share this", "Share on WhatsApp", "Subscribe to our newsletter",
     "Get our headlines delivered to your inbox",
     "Subscribe to continue reading", "You have reached your limit of free articles this month.",
     "Already a subscriber? Log in", "Leave a Reply", "Your email address will not be published.",
     "Follow us on Twitter and Facebook", "5 min read", "Advertisement", "Advertisement Banner",
     "Category: NEWS", "Home Blog Page 2269", "Home > World > Europe", "161", "Photo Gallery",
     "About The Author",
     "Scroll to Top", "https://example.com/news/2024/03/15/dock-strike.html", "Your Comment",
     "We will update this story as details become available.",
     "The story is developing. Check back for updates.",
     "This article was updated at 11:23 a.m. with further details about the strike.",
     "Start your day with the Harbour Times Newsletter", "@harbourtimes",
     "« 1 ... 706 707 (708) 709 ... 809 »",
     "Share on: WhatsApp", "Share: Facebook Twitter Email",
     "Follow Harbour Times on Telegram. Only the most important news",
     "You’ve reached your limit of {{free_limit}} free articles this month.",
     "Already subscribed? Log in", "Subscribe now for unlimited access.",
     "This was published 8 years ago", "This article is more than 5 years old",
     "md/kb/vt",
     "We’re sorry, this feature is currently unavailable. We’re working to restore it. Please try again."],
)
def test_share_subscribe_and_paywall_lines(line):
    found = detect_structure(f"Dock strike ends after talks\n\nDock workers ended a strike.\n\n{line}\n")
    assert [b.text for b in found.structure.boilerplate] == [line]


def test_headline_is_not_the_first_line_of_chrome():
    text = (
        "Skip to content\nConnect with us\nOpinion\n\nDock strike ends after talks\n\nPublished\n\non\n\n"
        "Dock workers ended a strike on Friday, the union said.\n"
    )
    found = detect_structure(text)
    assert found.title == "Dock strike ends after talks"
    assert found.publisher is None
    assert [k for k, _ in _chrome(found)] == ["furniture"] * 5


def test_a_repeated_headline_is_the_headline_once():
    text = (
        "Dock strike ends after talks\nShare on Facebook\nDock strike ends after talks\n\n"
        "Dock workers ended a strike on Friday, the union said.\n"
    )
    found = detect_structure(text)
    assert found.structure.headline.start == 0
    assert _chrome(found) == [("furniture", "Share on Facebook"), ("furniture", HEAD)]


def test_end_credits_and_agency_sign_off():
    text = (
        "Dock strike ends after talks\n\nDock workers ended a strike on Friday, the union said.\n\n"
        "Ana Lima contributed to this report.\n(Reporting by Rui Costa; Editing by Tiago Lopes)\nReuters\n"
    )
    assert _chrome(detect_structure(text)) == [
        ("credit", "Ana Lima contributed to this report."),
        ("credit", "(Reporting by Rui Costa; Editing by Tiago Lopes)"),
        ("credit", "Reuters"),
    ]


@pytest.mark.parametrize(
    ("opening", "dateline", "source", "place", "day"),
    [
        ("LISBON, March 15 (Atlantic Wire) - Dock", "LISBON, March 15 (Atlantic Wire) -", "Atlantic Wire",
         "LISBON, March 15", None),
        ("MADRID, June 3 (Iberia Press) – Rail", "MADRID, June 3 (Iberia Press) –", "Iberia Press",
         "MADRID, June 3", None),
        ("LONDON (Reuters) -The", "LONDON (Reuters) -", "Reuters", "LONDON", None),
        ("PORTO/BRAGA (Atlantic Wire) -Dock", "PORTO/BRAGA (Atlantic Wire) -", "Atlantic Wire", "PORTO/BRAGA",
         None),
        ("SEOUL, South Korea (AP) — Dock", "SEOUL, South Korea (AP) —", "AP", "SEOUL, South Korea", None),
        ("BRAGA, Minho, April 29 (Iberia Press) -- Dock", "BRAGA, Minho, April 29 (Iberia Press) --",
         "Iberia Press", "BRAGA, Minho, April 29", None),
        ("(Iberia Press) - Dock", "(Iberia Press) -", "Iberia Press", None, None),
        ("MINSK (Harbour News / Iberia Press - 14th August, 2020) Dock",
         "MINSK (Harbour News / Iberia Press - 14th August, 2020)", "Iberia Press", "MINSK", "2020-08-14"),
    ],
)
def test_wire_datelines_frame_the_agency_and_the_place_is_chrome(opening, dateline, source, place, day):
    text = f"Dock strike ends after talks\n\n{opening} workers ended a strike on Friday, the union said.\n"
    found = detect_structure(text)
    [d] = found.structure.datelines
    assert (d.span.text, d.source, d.date) == (dateline, source, day)
    assert d.covers.text.endswith("the union said.")
    agency_date = [("dateline", "- 14th August, 2020")] if day else []
    assert _chrome(found) == ([("dateline", place)] if place else []) + agency_date
    _spans_match(text, found)


def test_an_agency_before_a_slash_is_the_publisher_when_none_is_named():
    text = "Dock strike ends\n\nMINSK (Harbour News / Iberia Press) Dock workers ended a strike on Friday.\n"
    assert detect_structure(text).publisher == "Harbour News"


def test_a_party_and_state_in_parentheses_is_not_an_agency():
    text = "Senator speaks\n\nSen. Ana Lima (D-Ore.) — a critic of the port deal — spoke on Friday.\n"
    found = detect_structure(text)
    assert found.structure.datelines == [] and found.structure.chrome == []


def test_place_only_dateline_at_the_opening_is_chrome():
    text = "Man arrested at the lake\n\nPHOENIX — Police arrested a man on Friday, officers said.\n"
    found = detect_structure(text)
    assert found.structure.datelines == []
    assert _chrome(found) == [("dateline", "PHOENIX —")]


def test_capitalised_run_in_subheading_later_is_not_a_dateline():
    text = (
        "Man arrested at the lake\n\nPolice arrested a man on Friday, officers said.\n\n"
        "QUESTIONS REMAIN — Officers did not say why he ran.\n"
    )
    assert detect_structure(text).structure.chrome == []


def test_a_dateline_never_reaches_back_over_a_line_break():
    text = (
        "Leaders watch an opera\n\nPhoto Gallery\n\n"
        "BEIJING, Dec. 30 (Harbour Daily) -- Leaders watched an opera "
        "on Tuesday, the paper said.\n"
    )
    found = detect_structure(text)
    assert [(d.span.text, d.source) for d in found.structure.datelines] == [
        ("BEIJING, Dec. 30 (Harbour Daily) --", "Harbour Daily")
    ]
    assert _chrome(found) == [("furniture", "Photo Gallery"), ("dateline", "BEIJING, Dec. 30")]


def test_a_bulleted_headline_under_a_category_line():
    text = (
        "Category: NEWS\n\n  • Blasts heard in the port city\n\n"
        "    LISBON — Loud blasts were heard on Saturday.\n"
    )
    found = detect_structure(text)
    assert found.title == "Blasts heard in the port city"
    assert _chrome(found) == [("furniture", "Category: NEWS"), ("dateline", "LISBON —")]


def test_a_line_said_twice_in_a_transcript_is_speech_not_a_repeated_caption():
    text = "Debate night\n\nCOSTA: Wrong.\n\nLIMA: The port will close.\n\nCOSTA: Wrong.\n\n“No.”\n\n“No.”\n"
    assert detect_structure(text).structure.chrome == []


# --------------------------------------------------------------------------- which date is the article's

_STORY = "Dock workers at the port of Lisbon ended a four-day strike on Monday, the union said.\n"


def test_the_sites_today_header_loses_to_the_articles_labelled_date():
    text = (
        "Friday, November 22, 2024\nAdvertisement\n  1. You Are At:\n  2. News\n  3. World\n"
        "  4. Port of Lisbon: dock strike ends after four days\n\n"
        "Port of Lisbon: dock strike ends after four days\n\n"
        "Dock workers went back to work after the union accepted the offer.\n\n"
        "Edited by: Harbour Daily Desk Lisbon Updated on: October 14, 2019 11:54 IST\n\n" + _STORY
    )
    found = detect_structure(text)
    assert (found.title, found.published) == (
        "Port of Lisbon: dock strike ends after four days", "2019-10-14"
    )
    assert [(c.kind, c.date) for c in found.structure.chrome] == [
        ("date", "2024-11-22"), ("furniture", None), ("furniture", None), ("furniture", None),
        ("furniture", None), ("furniture", None), ("credit", "2019-10-14"),
    ]
    _spans_match(text, found)


@pytest.mark.parametrize(
    ("below", "day"),
    [("Published: 3 May 2021", "2021-05-03"), ("By Rui Costa | Harbour Daily | 3 May 2021", "2021-05-03"),
     ("Updated: 4 May 2021", "2021-05-04"), ("", "2024-11-22")],
)
def test_a_date_at_the_top_apart_from_the_headline_is_the_last_resort(below, day):
    text = f"Friday, November 22, 2024\nWorld\nHome > World > Europe\nDock strike ends\n{below}\n\n{_STORY}"
    found = detect_structure(text)
    assert (found.title, found.published) == ("Dock strike ends", day)


def test_a_labelled_published_date_beats_an_earlier_unlabelled_one():
    text = f"Dock strike ends\nMarch 2, 2022 8:15 pm\n\n{_STORY}\nPublished: March 1, 2022\n"
    assert detect_structure(text).published == "2022-03-01"


@pytest.mark.parametrize(
    ("text", "title", "date_line", "day"),
    [(" date 2023-06-13 Minister denies port sale report\n\nThe minister said the port is not for sale.",
      "Minister denies port sale report", "date 2023-06-13", "2023-06-13"),
     ("Dock strike ends\nPublished: 4 May 2023 Dock workers ended a four-day strike, the union said.",
      "Dock strike ends", "Published: 4 May 2023", "2023-05-04"),
     ("Date: 2023-05-04 10:15 (Atlantic Wire) -- Dock workers ended a four-day strike, the union said.",
      None, "Date: 2023-05-04 10:15", "2023-05-04")],
)
def test_a_labelled_date_run_into_the_next_line_is_a_date_line_of_its_own(text, title, date_line, day):
    found = detect_structure(text)
    assert (found.title, found.published) == (title, day)
    assert (found.structure.chrome[0].kind, found.structure.chrome[0].span.text) == ("date", date_line)
    _spans_match(text, found)


def test_a_labelled_date_run_into_the_story_keeps_the_wire_dateline():
    text = "Date: 2023-05-04 10:15 (Atlantic Wire) -- Dock workers ended a four-day strike on Friday.\n"
    [d] = detect_structure(text).structure.datelines
    assert (d.span.text, d.source) == ("(Atlantic Wire) --", "Atlantic Wire")


@pytest.mark.parametrize(
    "line",
    ["Published on March 3, 2021, the report found that the port was losing money.",
     "Posted 3 May 2022 to every member, the letter asked for a vote."],
)
def test_a_sentence_opening_with_a_labelled_date_is_not_split(line):
    found = detect_structure(f"Dock strike ends\n\n{line}\n\n{_STORY}")
    assert (found.structure.chrome, found.published) == ([], None)


def test_labelled_fields_around_a_date_are_a_byline():
    text = (
        "Port authority denies strike rumours\n\n"
        "Source: Atlantic Wire| 2019-09-14 18:12:08|Editor: Rui Costa\nVideo PlayerClose\n\n"
        "LISBON, Sept. 14 (Atlantic Wire) -- The port authority on Saturday denied rumours of a new strike.\n"
    )
    found = detect_structure(text)
    byline = found.structure.chrome[0]
    assert (byline.kind, byline.authors, byline.outlet, byline.date) == (
        "byline", ["Rui Costa"], "Atlantic Wire", "2019-09-14"
    )
    assert found.published == "2019-09-14"
    assert [(d.source, d.date) for d in found.structure.datelines] == [("Atlantic Wire", None)]


def test_a_source_credit_line_states_the_outlet_and_date():
    text = f"Dock strike ends\n\n{_STORY}\nThe port reopens.\n(Atlantic Wire News Agency July 18, 2003)\n"
    found = detect_structure(text)
    [credit] = found.structure.chrome
    assert (credit.kind, credit.span.text, credit.outlet, credit.date) == (
        "credit", "(Atlantic Wire News Agency July 18, 2003)", "Atlantic Wire News Agency", "2003-07-18"
    )
    assert found.published == "2003-07-18"


@pytest.mark.parametrize(
    ("chrome", "day"),
    [("Updated: March 16, 2024", "2024-03-15"),  # the update came a day after the story
     ("Updated: January 2, 2025", "2025-01-02"),  # too long after for the same story: the update's date
     ("URL: https://harbourdaily.example/news/2024/03/dock-strike-ends", "2024-03-15"),
     ("Copyright 2013 Harbour Wire.", None),  # a copyright year is the page's, not the story's
     ("[Copyright The Harbour Press, Ltd.]", None)],
)
def test_a_dateline_without_a_year_takes_the_year_the_page_states(chrome, day):
    text = f"Dock strike ends\n\nLISBON, March 15 (Atlantic Wire) - {_STORY}\n{chrome}\n"
    assert detect_structure(text).published == day


@pytest.mark.parametrize(
    ("opening", "dateline", "source", "also", "day", "pieces"),
    [("LAHORE, (Harbour News / Iberia Press - 5th Aug, 2020 ) :Dock",
      "LAHORE, (Harbour News / Iberia Press - 5th Aug, 2020 ) :", "Iberia Press", "Harbour News",
      "2020-08-05", ["LAHORE", "- 5th Aug, 2020"]),
     ("ISLAMABAD, (APP - Harbour Point News - 1st Sep, 2021 ) : Dock",
      "ISLAMABAD, (APP - Harbour Point News - 1st Sep, 2021 ) :", "APP", "Harbour Point News", "2021-09-01",
      ["ISLAMABAD", "- 1st Sep, 2021"])],
)
def test_a_dated_agency_dateline_after_a_comma(opening, dateline, source, also, day, pieces):
    text = f"Dock strike ends after talks\n\n{opening} workers ended a strike on Friday, the union said.\n"
    found = detect_structure(text)
    [d] = found.structure.datelines
    assert (d.span.text, d.source, d.date) == (dateline, source, day)
    assert (found.publisher, found.published) == (also, day)
    assert [c.span.text for c in found.structure.chrome] == pieces
    _spans_match(text, found)


@pytest.mark.parametrize(
    "text",
    ["Connect with us\n\nNational\n\nLeaked memo warns staff\n\nPublished\n\non\n\nBy Rui Costa\n\n"
     "The circular, dated 22nd May 2020, warned staff against leaks.\n",
     "Dock strike ends\n\nDock workers at the gate on May 3, 2021. Photo: Ana Lima / Harbour Daily\n\n"
     + _STORY,
     "Dock strike ends\n\nTokyo, March 1 (Harbour Press)--" + _STORY + "\n[Copyright The Harbour Press]\n",
     "Dock strike ends\n\n" + _STORY + "\nThe strike began on March 3, 2021, and cost the port dearly.\n"],
)
def test_a_text_that_states_no_publication_date_gets_none(text):
    assert detect_structure(text).published is None


@pytest.mark.parametrize(
    ("line", "day"),
    [("- Politics - May 23, 2023", "2023-05-23"), ("for Harbour Office | Date - 13-05-2012", "2012-05-13"),
     ("World | 3 May 2021 | 5 min read", "2021-05-03")],
)
def test_a_date_beside_the_pages_short_labels_under_the_headline(line, day):
    found = detect_structure(f"Dock strike ends after talks\n\n{line}\n\n{_STORY}")
    assert found.title == "Dock strike ends after talks"
    assert [(c.kind, c.span.text, c.date) for c in found.structure.chrome] == [("date", line, day)]
    assert found.published == day


def test_a_stray_close_button_above_the_page_header():
    text = (
        "close\nWed Aug 21, 2019\nOur Correspondent\nAugust 21, 2019\n\nPort fees rise, council told\n\n"
        "National\n\nOur Correspondent\nAugust 21, 2019\n\n" + _STORY
    )
    found = detect_structure(text)
    assert (found.title, found.published) == ("Port fees rise, council told", "2019-08-21")


def test_a_press_release_dateline_dates_the_release_and_frames_no_teller():
    text = (
        "CHILLICOTHE, Ohio, Feb. 21, 2022 /Harbour Newswire/ -- Harbour Pets is aware of the charges "
        "against one of its suppliers, the company said.\n"
    )
    found = detect_structure(text)
    assert found.structure.datelines == []
    assert [(c.kind, c.span.text, c.date) for c in found.structure.chrome] == [
        ("date", "CHILLICOTHE, Ohio, Feb. 21, 2022 /Harbour Newswire/ --", "2022-02-21")
    ]
    assert found.published == "2022-02-21"
    _spans_match(text, found)


def test_a_bare_name_then_a_date_under_the_headline_are_byline_and_date():
    text = "top of page\n\nDock strike ends after talks\n\nEdward Lima\n\n18 Apr 2023\n\n" + _STORY
    found = detect_structure(text)
    assert (found.title, found.published) == ("Dock strike ends after talks", "2023-04-18")
    assert [(c.kind, c.span.text, c.authors) for c in found.structure.chrome] == [
        ("furniture", "top of page", []), ("byline", "Edward Lima", ["Edward Lima"]),
        ("date", "18 Apr 2023", []),
    ]


def test_a_bare_name_under_the_headline_without_a_date_is_text():
    found = detect_structure("Dock strike ends after talks\n\nEdward Lima\n\n" + _STORY)
    assert found.structure.chrome == [] and found.published is None


def test_a_byline_with_a_social_handle_before_its_date():
    text = "Harbour.com\n\nDock strike ends\n\nAna Lima (@analima99) Published May 16, 2023 | 12:06 PM\n\n"
    found = detect_structure(text + _STORY)
    [byline] = found.structure.chrome
    assert (byline.kind, byline.authors, byline.date, found.published) == (
        "byline", ["Ana Lima"], "2023-05-16", "2023-05-16"
    )


def test_a_dated_photo_credit_in_parentheses_is_a_caption_not_a_source_credit():
    text = f"Dock strike ends\n\n{_STORY}\n(AP Photo, March 3, 2021)\n"
    found = detect_structure(text)
    assert [(c.kind, c.date) for c in found.structure.chrome] == [("caption", None)]
    assert found.published is None


def test_an_address_linked_in_the_story_gives_a_dateline_no_year():
    text = (
        "Dock strike ends\n\nLISBON, March 15 (Atlantic Wire) - " + _STORY
        + "\nThe last strike (https://harbourdaily.example/2015/03/strike) lasted a week.\n"
        + "\nRelated stories\nhttps://harbourdaily.example/2016/01/ferry-fares\n"
    )
    assert detect_structure(text).published is None


# --------------------------------------------------------------------------- page chrome classes (issue 10)


@pytest.mark.parametrize(
    ("first", "place"),
    [
        ("New Delhi: Dock workers at the port ended a four-day strike on Friday.", "New Delhi:"),
        ("LISBON—Dock workers at the port ended a four-day strike on Friday — the union said.", "LISBON—"),
    ],
)
def test_place_datelines_run_into_the_story_are_chrome(first, place):
    found = detect_structure(f"{HEAD}\n\n{first}\n\nThe union said the deal was fair.\n")
    assert found.title == HEAD
    assert _chrome(found) == [("dateline", place)]
    assert found.structure.datelines == []  # a place names no source


def test_a_dash_dateline_is_never_the_headline():
    first = "LISBON—Dock workers at the port ended a four-day strike on Friday — the union said."
    found = detect_structure(f"{first}\n\nThe union said the deal was fair.\n")
    assert found.title is None and _chrome(found) == [("dateline", "LISBON—")]


def test_a_title_before_a_colon_in_a_headline_is_no_place():
    text = "Costa: Union will return to work on Monday.\n\nThe union said the deal was fair.\n"
    found = detect_structure(text)
    assert found.title == "Costa: Union will return to work on Monday." and _chrome(found) == []


@pytest.mark.parametrize(
    "first",
    [
        "Update: Dock workers at the port ended a four-day strike on Friday.",
        "Costa: We will not go back to work until the deal is signed by all sides.",
        "PENCE: Well, I think the strike at the port is over for now, everyone.",
    ],
)
def test_a_label_or_a_speaker_before_a_colon_is_no_place(first):
    found = detect_structure(f"{HEAD}\n\n{first}\n\nThe union said the deal was fair.\n")
    assert [kind for kind, _ in _chrome(found)] != ["dateline"]


# Real cities here: a name in capitals before a colon is a place only when GeoNames knows the city
@pytest.mark.parametrize(
    ("first", "place"),
    [
        ("LISBON: Information Minister Ana Lima said on Tuesday that the cabinet approved the plan.",
         "LISBON:"),
        ("NEW DELHI: A federal cabinet meeting with a ten-point agenda was held on Monday.",
         "NEW DELHI:"),
    ],
)
def test_a_place_in_capitals_before_a_colon_opening_the_story_is_chrome(first, place):
    # South Asian and Gulf papers open "ISLAMABAD: ...", "RIYADH: ...": a place, no teller
    found = detect_structure(f"{HEAD}\n\n{first}\n\nThe union said the deal was fair.\n")
    assert found.title == HEAD
    assert _chrome(found) == [("dateline", place)]
    assert found.structure.datelines == []


@pytest.mark.parametrize("furniture", ["READ MORE: Rains lash the north", "ALSO READ: Rains lash the north",
                                       "TAGS: Lahore, rain"])
def test_page_furniture_in_capitals_does_not_hide_a_dateline(furniture):
    text = (f"{HEAD}\n\nLAHORE: At least 12 people were killed when a bus fell into a ravine on Tuesday.\n\n"
            f"{furniture}\n")
    assert ("dateline", "LAHORE:") in _chrome(detect_structure(text))


def test_the_united_nations_is_a_datelines_place():
    text = f"{HEAD}\n\nUNITED NATIONS: The Security Council on Monday called for calm in the region.\n"
    assert _chrome(detect_structure(text)) == [("dateline", "UNITED NATIONS:")]


def test_a_roundup_of_places_keeps_its_opening_dateline():
    text = (f"{HEAD}\n\nLISBON: Dock workers at the port ended a four-day strike on Friday.\n\n"
            "PORTO: Traders in the city said the strike had hurt small shops.\n")
    assert _chrome(detect_structure(text)) == [("dateline", "LISBON:"), ("dateline", "PORTO:")]


@pytest.mark.parametrize(
    "first",
    [
        "BREAKING: Dock workers at the port ended a four-day strike on Friday night.",
        "REUTERS: Dock workers at the port ended a four-day strike on Friday night.",
        "SEN. COSTA: The strike at the port has cost the region a great deal of money.",
        "COSTA: The strike at the port has cost our region a great deal of money.",
        "COSTA: Thank you all for coming out tonight to the port of Portvale.",
        "LISBON:\nDock workers at the port ended a four-day strike on Friday night.",
        "LISBON: Strike over",
        # names, labels and bodies in capitals that are no city (the review's probes)
        "WORLD: The port ministers of ten countries met in Lisbon on Monday to talk.",
        "NASA: The agency launched a new probe to the outer planets on Monday night.",
        "EXPLAINER: Why is the port of Portvale closing for a whole month this summer?",
        "SECRETARY VOLE: The department has reviewed the port deal in full detail.",
        # a speaker named like a town: speech addressed or spoken in the first person, a question
        "MARLOW: Look, nobody told me about the loan until last week, believe me.",
        "MARLOW: Joining us now is the port's new owner, a tycoon from the north.",
        "WARREN: Did the bank lend the money to the port before the deal was signed?",
    ],
)
def test_a_label_a_speaker_or_an_outlet_in_capitals_before_a_colon_is_no_place(first):
    found = detect_structure(f"{HEAD}\n\n{first}\n\nThe union said the deal was fair.\n")
    assert "dateline" not in [kind for kind, _ in _chrome(found)]


def test_a_capitals_colon_dateline_pasted_without_its_headline_is_no_headline():
    text = (
        "LISBON: Information Minister Ana Lima said on Tuesday that the cabinet has turned down the "
        "pay rise for ministers, the Harbour Times reported.\n\nShe said the budget was tight.\n"
    )
    found = detect_structure(text)
    assert found.title is None
    assert _chrome(found) == [("dateline", "LISBON:")]


def test_a_kicker_in_capitals_pasted_as_the_first_line_stays_the_headline():
    text = "EXPLAINER: Why is the port of Portvale closing for a whole month?\n\nThe union said so.\n"
    assert detect_structure(text).title.startswith("EXPLAINER:")


@pytest.mark.parametrize(
    "transcript",
    [
        # the same names open paragraph after paragraph
        "HOLT: Good evening from the university hall in the city of Portvale.\n\n"
        "COSTA: Thank you, Lester.\n\nHOLT: The first segment is about the port strike.",
        # each label once: a speaker, whatever town shares the name, stays a speaker
        "WARREN: The port deal was never properly reviewed by the committee at all.\n\n"
        "TARIQ MARLOW: That is simply not true and the record shows it.",
        "QUESTION: What will happen to the port workers when the port closes?\n\n"
        "ANSWER: They will be paid in full until the port reopens in May.",
        # speakers named like towns, each again: a transcript, not a roundup of places
        "WARREN: The port deal was never properly reviewed by the committee at all.\n\n"
        "JACKSON: The committee reviewed the port deal twice last year in full.\n\n"
        "WARREN: The committee never saw the loan agreement for the port deal.",
    ],
)
def test_a_transcript_speaker_in_capitals_is_no_place(transcript):
    text = f"{HEAD}\n\n{transcript}\n"
    assert "dateline" not in [kind for kind, _ in _chrome(detect_structure(text))]


def test_a_place_in_capitals_deep_in_the_story_is_left_alone():
    paras = "\n\n".join(f"The union met for the {n} time on Friday." for n in ("first", "second", "third"))
    text = f"{HEAD}\n\n{paras}\n\nLISBON: Dock workers at the port ended a four-day strike on Friday.\n"
    assert _chrome(detect_structure(text)) == []


@pytest.mark.parametrize(
    "line",
    [
        "5m ago'Make Costa ambassador': union urges minister to act",
        "19m agoDock workers call for an inquiry into the port tapes",
        "40m agoi named newspaper of the year",
        "2h ago Minister promises new bridge for the harbour",
        "Money latest: Airline refuses refund to a stranded passenger",
    ],
)
def test_teasers_stamped_with_their_age_or_a_section_are_related_stories(line):
    found = detect_structure(f"{HEAD}\n\n{line}\n\nDock workers ended a strike on Friday, the union said.\n")
    assert found.title == HEAD
    assert _chrome(found) == [("related", line)]


def test_prose_opening_with_an_age_is_no_teaser():
    text = f"{HEAD}\n\n5 days ago, the minister said the talks had failed.\n"
    assert _chrome(detect_structure(text)) == []


def test_the_latest_is_a_headline_not_a_teaser():
    text = "The Latest: Dock strike ends after talks\n\nDock workers ended a strike on Friday.\n"
    found = detect_structure(text)
    assert found.title == "The Latest: Dock strike ends after talks" and _chrome(found) == []


def test_read_more_block_inside_the_story_is_related_and_the_story_goes_on():
    text = (
        f"{HEAD}\n\nDock workers ended a strike on Friday, the union said.\n"
        "Read more from Harbour News:\nMinister promises new bridge\nFerry fares to rise in May\n"
        "The port authority said that ships would be unloaded again from Saturday morning onwards.\n"
    )
    assert _chrome(detect_structure(text)) == [
        ("related", "Read more from Harbour News:"),
        ("related", "Minister promises new bridge"),
        ("related", "Ferry fares to rise in May"),
    ]


def test_what_follows_the_closing_copyright_line_is_the_pages_footer():
    text = (
        f"{HEAD}\n\nDock workers ended a strike on Friday, the union said.\n"
        "The port authority said that ships would be unloaded again from Saturday.\n"
        "Copyright 2023 Harbour Wire.\n"
        "ferry fares lisbon port strike dock workers union news harbour bridge\n"
    )
    assert _chrome(detect_structure(text)) == [
        ("furniture", "Copyright 2023 Harbour Wire."),
        ("furniture", "ferry fares lisbon port strike dock workers union news harbour bridge"),
    ]


def test_a_cms_placeholder_is_furniture():
    line = "This block is broken or missing. You may be missing content or you might need to enable it."
    found = detect_structure(f"{HEAD}\n\n{line}\n\nDock workers ended a strike on Friday.\n")
    assert _chrome(found) == [("furniture", line)]


@pytest.mark.parametrize(
    ("line", "day"),
    [("Correction: October 2, 2016, Sunday.", "2016-10-02"), ("Corrected on October 3, 2016", "2016-10-03")],
)
def test_a_corrections_date_dates_the_page_like_an_update(line, day):
    text = f"{HEAD}\n\nDock workers ended a strike on Friday.\n\n{line}\n\nThe article was revised.\n"
    found = detect_structure(text)
    assert _chrome(found) == [("date", line)] and found.published == day
    # a stated publication date wins over the correction's
    text = f"{HEAD}\n\nPublished: October 1, 2016\n\nDock workers ended a strike on Friday.\n\n{line}\n"
    assert detect_structure(text).published == "2016-10-01"


def test_a_correction_without_a_date_is_no_date_line():
    text = f"{HEAD}\n\nCorrection: the port reopened on Monday, not on Sunday as we said earlier.\n"
    found = detect_structure(text)
    assert _chrome(found) == [] and found.published is None


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Lisbon – Dock workers ended a four-day strike on Friday, the union said.", "Lisbon –"),
        ("Port Said — Dock workers ended a four-day strike on Friday, the union said.", "Port Said —"),
    ],
)
def test_a_title_case_place_before_a_dash_is_chrome_not_a_source(body, place):
    found = detect_structure(f"{HEAD}\n\n{body}\n")
    assert found.structure.datelines == []
    assert _chrome(found) == [("dateline", place)]


def test_a_known_agency_before_a_dash_still_frames_the_story():
    found = detect_structure(f"{HEAD}\n\nXinhua – Dock workers ended a four-day strike on Friday.\n")
    assert [d.source for d in found.structure.datelines] == ["Xinhua"]


def test_a_colon_place_after_a_deck_and_a_widget_label_is_chrome():
    text = (
        f"{HEAD}\n\nThe union said the deal was fair.\n\nTrending Photos\n\n"
        "Lisbon: Dock workers ended a four-day strike on Friday after talks with the port.\n"
    )
    assert _chrome(detect_structure(text)) == [("furniture", "Trending Photos"), ("dateline", "Lisbon:")]


def test_a_place_and_day_on_a_line_of_their_own_are_chrome_and_no_headline():
    text = "PTI\n\nLisbon, Mar 15:\nDock workers ended a four-day strike on Friday, the union said.\n"
    found = detect_structure(text)
    assert found.structure.headline is None
    assert _chrome(found) == [("dateline", "Lisbon, Mar 15:")]


def test_a_headline_ticker_and_a_glued_breadcrumb_above_the_title_are_chrome():
    ticker = ("Ferry fares rise again for the second time    Minister: The port will reopen soon   "
              "Storm closes the northern harbour for two days")
    title = "Dock strike ends after talks with the port"
    text = (
        f"{ticker}\nLast Update : Saturday, April 19, 2014- 12:00 AM -Lisbon\n"
        f"Local News>>{title}\n{title}\n\nDock workers ended a strike on Friday, the union said.\n"
    )
    found = detect_structure(text)
    assert found.title == title
    assert _chrome(found) == [
        ("related", ticker),
        ("date", "Last Update : Saturday, April 19, 2014- 12:00 AM -Lisbon"),
        ("furniture", f"Local News>>{title}"),
    ]


def test_the_pages_title_signed_by_the_site_above_the_headline_is_chrome():
    text = f"{HEAD} – Harbour Snipers\n{HEAD}\n\nDock workers ended a strike on Friday, the union said.\n"
    found = detect_structure(text)
    assert found.title == HEAD
    assert _chrome(found) == [("furniture", f"{HEAD} – Harbour Snipers")]


@pytest.mark.parametrize("line", ["News Archive", "Live Tv", "News headlines", "Click to follow"])
def test_section_and_widget_labels(line):
    found = detect_structure(f"{HEAD}\n\nDock workers ended a strike.\n\n{line}\n\nThe port reopens.\n")
    assert _chrome(found) == [("furniture", line)]
