"""Page chrome classes found on unseen pasted pages (benchmarks/chrome): each on a made-up page,
with the prose and the quotes next to it that must stay what they are.

All names are fictional."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.structure import detect_structure, is_boilerplate
from tests.chrome_pages import HEAD, QUOTE, STORY, chrome


def test_a_date_run_into_the_headline_is_split_off_and_dates_the_page():
    found = detect_structure(f"Dock strike ends in Lisbon after four daysFriday, March 15, 2024\n{STORY}\n")
    assert found.title == "Dock strike ends in Lisbon after four days"
    assert found.published == "2024-03-15"
    assert chrome(f"Dock strike ends in Lisbon after four daysFriday, March 15, 2024\n{STORY}\n") == [
        ("date", "Friday, March 15, 2024")
    ]


def test_a_reading_time_run_into_the_headline_is_chrome():
    text = f"Why the dock strike ended so suddenly4 min read . Updated: 15 Mar 2024, 10:23 PM IST\n{STORY}\n"
    found = detect_structure(text)
    assert found.title == "Why the dock strike ended so suddenly"
    assert chrome(text) == [("date", "4 min read . Updated: 15 Mar 2024, 10:23 PM IST")]


def test_a_headline_ending_with_a_day_name_in_prose_stays_whole():
    found = detect_structure(f"Ministers meet again on Friday\n{STORY}\n")
    assert found.title == "Ministers meet again on Friday"
    assert chrome(f"Ministers meet again on Friday\n{STORY}\n") == []


def test_a_reporters_sign_off_in_parentheses_is_a_credit():
    text = f"Dock strike ends\n\n{STORY} (Tiago Lopes)\n"
    found = detect_structure(text)
    assert [(c.kind, c.span.text, c.authors) for c in found.structure.chrome] == [
        ("credit", "(Tiago Lopes)", ["Tiago Lopes"])
    ]


def test_a_parenthesised_aside_inside_prose_is_not_a_sign_off():
    text = "Dock strike ends\n\nThe union (Lisbon Dockers) said the strike was over and work would resume.\n"
    assert chrome(text) == []


def test_an_author_box_below_the_story_is_a_credit():
    bio = ("Marta Sousa is a senior reporter at Atlantic Wire who covers ports and shipping. Her work has "
           'appeared in "Harbour Weekly" and Coastline Review.')
    found = detect_structure(f"Dock strike ends\n\n{STORY}\n\n{bio}\n")
    assert [(c.kind, c.authors) for c in found.structure.chrome] == [("credit", ["Marta Sousa"])]


def test_a_person_described_in_the_story_is_not_an_author_box():
    line = "Marta Sousa is a senior reporter at Atlantic Wire who said she was detained for two days."
    assert chrome(f"Reporter freed\n\n{line}\n") == []


def test_a_caption_said_twice_in_a_row_is_chrome_but_a_headline_repeated_is_the_headline():
    text = ("Dock strike ends\nDock strike ends\n\nLisbon is the largest port in Portugal.\n"
            f"Lisbon is the largest port in Portugal.\n\n{STORY}\n")
    found = detect_structure(text)
    assert found.title == "Dock strike ends"
    assert [k for k, _ in chrome(text)] == ["furniture", "caption", "caption"]


def test_a_long_caption_closed_by_a_photo_credit_is_chrome():
    ministers = ", ".join(f"Minister {n} of the region" for n in ("Ana Reis", "Rui Melo", "Luis Paz"))
    caption = ("(From L) " + ministers + " and union leaders of the northern ports and the southern ports "
               "deliver a speech after a "
               "meeting in Porto on March 14, 2024 as port workers gather in a fresh push to end an "
               "escalating dispute over wages and hours in the port. (Photo by CARLA DIAS / AFP)")
    assert len(caption.split()) > 60
    assert chrome(f"Dock strike ends\n\n{caption}\n\n{STORY}\n") == [("caption", caption)]


def test_a_photographer_joined_to_the_agency_by_a_hyphen_is_a_caption():
    caption = "Fans celebrate in the stadium after the final. Marta Sousa-USA TODAY Sports"
    assert chrome(f"Cup final\n\n{STORY}\n\n{caption}\n") == [("caption", caption)]


def test_an_agencys_picture_restrictions_are_a_caption():
    caption = ("This picture released on March 14 shows the port. / AFP PHOTO / KCNA VIA KNS / STR "
               "---EDITORS NOTE--- RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT")
    assert chrome(f"Port reopens\n\n{STORY}\n\n{caption}\n") == [("caption", caption)]


def test_titles_after_lone_bullets_and_a_bulleted_title_inside_the_story_are_related():
    teasers = ("-\nMassacre at sea: the navy takes on the smugglersIn the Spotlight\n"
               "-\nThe ferry ad: touching?\n")
    bullet = "  • Ferry fares rise for the second time this year"
    text = f"Dock strike ends\n\n{STORY}\n\n{bullet}\n\n{STORY}\n\n{teasers}"
    assert [(k, t) for k, t in chrome(text) if k == "related"] == [
        ("related", "• Ferry fares rise for the second time this year"),
        ("related", "Massacre at sea: the navy takes on the smugglersIn the Spotlight"),
        ("related", "The ferry ad: touching?"),
    ]


def test_a_bulleted_list_of_points_stays_prose():
    text = (f"Dock strike ends\n\n{STORY}\n- For workers: wages rise by four percent next year.\n"
            "- For ships: unloading resumes on Saturday.\n")
    assert chrome(text) == []


@pytest.mark.parametrize("line", [
    "Read Time:11 Second",
    "(The views expressed by the author in the article are his/her own.)",
    "Website | + posts",
    "News in English",
    "Related Post",
    "We will use your email address only for sending you newsletters. Please see our Privacy Notice.",
    "A free daily email with the biggest news stories of the day – and the best features from Site.com",
    "For all the latest updates, download our app Android and iOS.",
    "(To view our epaper please click here. For all the latest News, visit Harbour Daily.)",
    "This is a Premium article available exclusively to our subscribers. To read 250+ such articles",
    "You have exhausted your free article limit. Please support quality journalism.",
    "You have read {{data.cm.views}} out of {{data.cm.maxViews}} free articles.",
    "X Harbour Daily operates by its editorial values to provide you quality journalism.",
    "HomeOpinionLettersTourism minister should be taught a lesson",
    "Comments are closed.",
])
def test_page_furniture_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The minister said the app would be free to download for every citizen from next month.",
    "The views of the union were put to the minister, who said they are his own concern too.",
    "Home affairs minister Rui Costa said the port would reopen.",
    "The paper said it would support independent journalism in the region with a new fund.",
])
def test_prose_is_not_furniture(line):
    assert not is_boilerplate(line)


def test_a_quote_by_a_named_person_stays_a_claim_and_chrome_yields_no_actor():
    text = (f"Dock strike ends\n\n{QUOTE}\n\n{STORY} (Tiago Lopes)\n\n"
            "Marta Sousa has worked as a senior writer at Atlantic Wire since 2014.\n")
    a = analyze_text(text)
    names = {n for actor in a.actors for n in (actor.name, *actor.aliases)}
    assert "Rui Costa" in names
    assert not names & {"Tiago Lopes", "Marta Sousa"}
    contents = [c.content.text for c in a.claims]
    assert any("We have a fair agreement" in c for c in contents)
    assert not any("Tiago Lopes" in c or "Marta Sousa" in c for c in contents)


# --------------------------------------------------------------------------- classes of the validation
# part, fixed after its one measurement


def test_a_feeds_mark_after_a_truncated_summary_is_split_off():
    text = f"Dock strike ends\n\n{STORY} The union said the deal was signed by the via IFTTT\n"
    assert chrome(text) == [("furniture", "via IFTTT")]


def test_via_in_prose_is_not_a_feed_mark():
    text = f"Dock strike ends\n\n{STORY} The ships came in via Lisbon.\n"
    assert chrome(text) == []


def test_a_caption_that_says_where_people_stand_is_a_caption():
    caption = ("Port chief Rui Costa, center, speaks about the strike Friday at the harbour office. "
               "Mayor Ana Reis, to his right, also spoke.")
    assert chrome(f"Dock strike ends\n\n{caption}\n\n{STORY}\n") == [("caption", caption)]


def test_a_blogger_template_in_arabic_dates_the_page_and_opens_the_comments():
    text = (f"احدث المواضيع\n\nالخميس، 26 مايو 2016\n\nDock strike ends\n\n{STORY}\n\n"
            "ليست هناك تعليقات:\n\nإرسال تعليق\n")
    found = detect_structure(text)
    assert found.title == "Dock strike ends"
    assert found.published == "2016-05-26"
    assert [k for k, _ in chrome(text)] == ["furniture", "date", "comments", "comments"]


@pytest.mark.parametrize("line", [
    "This transcript has been automatically generated and may not be 100% accurate.",
    "AI summarized text",
    "How informative is this news?",
])
def test_transcript_and_aggregator_labels(line):
    assert is_boilerplate(line)


def test_a_stamp_split_off_a_teasers_title_is_chrome_with_what_follows_it():
    text = (f"Port news\n\n{STORY}\n\n"
            "Black box recovered from the crashed planeWed, 24 Dec 2025 14:43:53 GMT Read More »\n")
    assert chrome(text) == [("date", "Wed, 24 Dec 2025 14:43:53 GMT Read More »")]


def test_a_pictures_labelled_block_is_a_caption_and_its_photographer_no_actor():
    block = ("Photo\n\nPrime Minister Ana Reis speaking with union leaders at the port in Lisbon on "
             "March 14, 2024.\n\nCredit\nPool photo by Carla Dias\n")
    text = f"Dock strike ends\n\n{STORY}\n\n{block}\n{QUOTE}\n"
    assert [k for k, _ in chrome(text)] == ["caption"] * 4
    a = analyze_text(text)
    names = {n for actor in a.actors for n in (actor.name, *actor.aliases)}
    assert "Carla Dias" not in names and "Rui Costa" in names


def test_a_lone_photo_label_without_a_credit_line_leaves_the_story_alone():
    text = f"Dock strike ends\n\n{STORY}\n\nPhoto\n\n{STORY}\n\nCredit union members said they agreed.\n"
    assert chrome(text) == []


@pytest.mark.parametrize("line", [
    "This summary was created by an AI system. The use of this summary is subject to our Terms of Service.",
    "View original article on NPR",
    "Contact us about this post",
    "Read more here.",
    "0 views0 comments",
    "Illustration for article titled U.S. Senators Describe Moment They Were Inspired To Run For Office",
])
def test_aggregator_and_cms_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Stay updated with the latest news on Atlantic Wire",
    "Catch all the Business News, Market News, Breaking News Events and Latest News Updates on Harbour Mint.",
    "Get the latest news from Lisbon on our app.",
    "Get latest news & live updates on the go on your pc with News App.",
    "Keep up to date with the latest headlines from Atlantic Wire",
])
def test_calls_to_keep_reading_the_sites_news_are_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Stay tuned: the minister said the latest news would come on Monday.",
    "For the latest news, officials told reporters they would update the toll.",
    "Get the latest figures before the vote, the union urged its members in a letter on the news.",
    # found by a review: prose that opens like a call but reports, or ends on no site
    "Stay connected: the state pledged to restore the networks, though news reports say outages go on.",
    "For the latest news the family depended on neighbours, Wanjiru Kamau recalled.",
    "Stay tuned, because the latest outbreak news suggests the worst is yet to come, Dr Otieno cautioned.",
    "Get the latest news on the storm as residents brace for landfall.",
    "For the latest news on the war, thousands gathered outside the radio station each evening.",
])
def test_a_sentence_with_a_teller_is_no_call_to_read_the_news(line):
    assert not is_boilerplate(line)


def test_a_call_to_stay_updated_is_no_claim():
    a = analyze_text(f"Dock strike ends\n\n{STORY}\n\nStay updated with the latest news on Atlantic Wire\n")
    assert not any("Stay updated" in c.content.text for c in a.claims)


_OTHER_STORIES = [
    "'Betrayal of our fishermen': Costa sharpens attack on Lisbon over trade deal",
    "Harbour tolls to rise, ferry operators warn ahead of summer season",
    "Student found dead in Porto, six days after going missing",
    "Vote on motion to remove Speaker Ana Reis to be taken up on March 9: Lima",
]


def test_headlines_after_the_last_paragraph_are_other_stories():
    text = f"{HEAD}\n\n{STORY}\n\n{QUOTE}\n\n" + "\n\n".join(_OTHER_STORIES) + "\n\nSCROLL FOR NEXT\n"
    assert [(k, t) for k, t in chrome(text) if k == "related"] == [("related", h) for h in _OTHER_STORIES]
    a = analyze_text(text)
    assert not any("Student found dead" in c.content.text or "Speaker Ana Reis" in c.content.text
                   for c in a.claims)


@pytest.mark.parametrize("tail", [
    _OTHER_STORIES[:2],  # two lines may be the story's own last words
    # a list inside the story: the story goes on below it
    [*_OTHER_STORIES[:3], "The union said the port would reopen on Saturday after four days of talks."],
    # a list the story's last sentence announces: its items, not other stories
    ["The union set out its demands in a letter to the minister on Friday:", *_OTHER_STORIES[1:]],
])
def test_fewer_headlines_or_a_list_the_story_goes_on_after_are_no_other_stories(tail):
    text = f"{HEAD}\n\n{STORY}\n\n{QUOTE}\n\n" + "\n\n".join(tail) + "\n"
    assert [t for k, t in chrome(text) if k == "related"] == []


def test_a_summary_boxs_label_and_a_piped_photo_credit_are_chrome_and_a_repeated_bullet_one_claim():
    caption = "A patrol car outside Pangani police station on October 12. PHOTO | ANA LIMA"
    bullet = "The suspects were arrested along the harbour road at around 5.45pm on Sunday."
    text = f"{HEAD}\n\n{caption}\n\nWhat you need to know:\n\n  • {bullet}\n\n{STORY}\n\n{bullet}\n"
    kinds = dict((t, k) for k, t in chrome(text))
    assert kinds.get(caption) == "caption"
    assert kinds.get("What you need to know:") is not None
    contents = [c.content.text for c in analyze_text(text).claims]
    assert not any("patrol car" in c or "need to know" in c for c in contents)
    assert sum("arrested along the harbour road" in c for c in contents) == 1


def test_a_clock_written_with_h_dates_the_page():
    found = detect_structure(f"{HEAD}\n\n30 Mar 2017 / 12:14 H.\n\n{STORY}\n")
    assert found.published == "2017-03-30"
    assert chrome(f"{HEAD}\n\n30 Mar 2017 / 12:14 H.\n\n{STORY}\n") == [("date", "30 Mar 2017 / 12:14 H.")]


def test_a_papers_print_credit_names_the_publisher_when_nothing_else_does():
    found = detect_structure(f"{HEAD}\n\n{STORY}\n\nPublished in Atlantic Daily, March 15th, 2024\n")
    assert (found.publisher, found.published) == ("Atlantic Daily", "2024-03-15")


def test_review_of_the_summary_caption_and_credit_classes():
    # found by a review: a paragraph that reports speech with a picture's credit run on is the story
    para = ("Police arrested three men on Sunday after a chase along the harbour road, commander Ruth "
            "Adair said. She said the men had been linked to a string of robberies. PHOTO | ANGIR MWANGI")
    assert "Ruth Adair" in {x.name for x in analyze_text(f"{HEAD}\n\n{para}\n").actors}
    assert [k for k, t in chrome(f"{HEAD}\n\n{para}\n") if t == para] == []
    # a headline that is the label's words without its colon stays the headline
    assert detect_structure(f"What you need to know\n\n{STORY}\n").title == "What you need to know"
    found = detect_structure(f"{HEAD}\n\n{STORY}\n\nPublished in the Atlantic Daily, March 15th, 2024\n")
    assert found.publisher == "Atlantic Daily"


def test_a_short_claim_said_again_of_something_else_stays_twice():
    text = ("In Kenya, officials said the vote would be delayed. "
            "In Uganda, officials said the vote would be delayed.")
    assert len(analyze_text(text).claims) == 2


def test_widgets_menu_labels_and_a_date_before_counters():
    text = (f"Skip to main content\n\nNews Ticker\n\n{HEAD}\n\n"
            "9 September 2019 12:01 am - 0     - {{hitsCtrl.values.hits}}\n\nNo Result\nView All Result\n\n"
            f"{STORY}\n")
    found = detect_structure(text)
    assert (found.title, found.published, found.publisher) == (HEAD, "2019-09-09", None)
    assert {t for _, t in chrome(text)} >= {"News Ticker", "No Result", "View All Result"}
