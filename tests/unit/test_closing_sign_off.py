"""A story with no dateline that closes with a news agency's sign-off on a line of its own ("— AFP",
"(Reuters)", "-APP") is that agency's copy: the sign-off frames the body as a wire
dateline would, and is chrome. Look-alikes keep what they had. Invented text; the agencies are the
gazetteer's."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text

HEAD = "Ministry denies report of port closure\n\n"
BODY = (
    "The foreign ministry on Sunday denied a report that the port would close next month.\n\n"
    '"There is no such plan," spokesman Ali Noor told reporters.'
)


def _chain(text: str, content_words: str) -> list[str]:
    claim = next(c for c in analyze_text(text).claims if content_words in c.content.text)
    return [link.label for link in claim.chain]


def _frames(text: str) -> list[str]:
    return [d.source for d in analyze_text(text).article.structure.datelines]


@pytest.mark.parametrize(
    ("ending", "agency"),
    [
        ("\n\n— AFP", "AFP"),
        ("\n\n(Reuters)", "Reuters"),
        ("\n\n-Reuters", "Reuters"),
        ("\n\n-APP", "APP"),
        ("\n\n—Reuters", "Reuters"),
        ("\n\n-- Xinhua", "Xinhua"),
        ("\n\n— dpa", "dpa"),
        ("\n\n— The Associated Press", "The Associated Press"),
        ("\n\n— the Associated Press", "the Associated Press"),
        ("\n\n—PTI", "PTI"),  # a name the gazetteer keeps for sign-offs only
        ("\n\n— REUTERS", "REUTERS"),  # in capitals
        ("\n\n— AFP\n\nShare this article\n\nLeave a comment", "AFP"),
        ("\n\n— AFP\n\nPhoto: AFP", "AFP"),  # a photo credit after the sign-off
    ],
)
def test_agency_sign_off_frames_the_story(ending: str, agency: str) -> None:
    analysis = analyze_text(HEAD + BODY + ending)
    assert [d.source for d in analysis.article.structure.datelines] == [agency]
    assert _chain(HEAD + BODY + ending, "There is no such plan") == [agency, "Ali Noor"]
    assert not any(agency in c.content.text for c in analysis.claims)


@pytest.mark.parametrize(
    "ending",
    [
        "\n\n— Ana Lima",  # a reporter's sign-off names no agency
        "\n\n— Staff",
        "\n\n— AFP\n\nThe port reopened on Monday, the harbour master said.",  # story text after it
        "\n\n— The Economist",  # a magazine's epigraph credit: an outlet, no news agency
        "\n\n— Sana",  # first names, not SANA or ANI
        "\n\n— Ani",
        "\n\nRegnum Christi",  # no agency's name alone
        "\n\nSources:\n\n- Reuters",  # a list of sources
        "\n\n- Reuters\n- AFP",
        "\n\nTags\n\n— Xinhua",  # a heading, not the story's last sentence, before the name
        "\n\nMore from\n\n— Bloomberg",
        "\n\nXinhua",  # a bare name is as often a photo's credit
        "\n\nDock workers unload a ship at the port in Karachi on Sunday.\n\nAP",
        # a live blog signs each entry: the last signature does not frame the others
        "\n\n— Reuters\n\nThe port reopened on Monday, the harbour master said.\n\n— AFP",
        # a roundup credits each item to its outlet
        "\n\n— The New York Times\n\nThe governor said taxes would rise.\n\n— Reuters",
        "\n\n(Reuters)\n\nThe port of Karachi reopened after a strike, the harbour master said.\n\n(AFP)",
        # a reader's letter, however it says "I"
        "\n\nIt seems to me that nobody cares. My street floods every summer.\n\n— Tasnim",
        # a reader's letter signed with a name that is also an agency's
        "\n\nI think the ministry is wrong about the port.\n\n— Tasnim",
        "\n\nIn my view the ministry is wrong.\n\n— Antara",
    ],
)
def test_no_agency_sign_off_no_frame(ending: str) -> None:
    assert _frames(HEAD + BODY + ending) == []
    assert _chain(HEAD + BODY + ending, "There is no such plan") == ["Ali Noor"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The memorial to soldiers who died in World War I will be restored, officials said.",
        "Phase I of the metro line will open in March, the transport minister said.",
        "A stretch of I-95 was closed, police said, and Ambassador Roberto I. Gonzalez said he was safe.",
        "Updates are on its channel t.me/portnews, police said.",
        # quoted first person: straight quotes carried over a paragraph, single and curly quotes
        'The minister said: "I will not resign. My record speaks for itself.\n\n"The people know me,"'
        " he added.",
        "‘I will not resign,’ the minister told reporters.",
        "“I have done nothing wrong,” he said.",
    ],
)
def test_agency_copy_with_no_first_person_voice_is_framed(paragraph: str) -> None:
    assert _frames(HEAD + BODY + "\n\n" + paragraph + "\n\n— AFP") == ["AFP"]


@pytest.mark.parametrize("credit", ["(Reuters)", "(AFP)"])
def test_a_photo_credit_mid_story_does_not_block_the_frame(credit: str) -> None:
    # a caption's credit is no item's sign-off, whichever agency took the photo
    text = HEAD + BODY.replace(
        "\n\n", f"\n\nDock workers unload a ship at the port on Sunday. {credit}\n\n"
    ) + "\n\n— Reuters"
    assert _frames(text) == ["Reuters"]


def test_a_leading_dateline_keeps_its_frame() -> None:
    assert _frames(HEAD + "KARACHI (Reuters) - " + BODY + "\n\n— AFP") == ["Reuters"]


def test_a_dash_glued_to_the_last_sentence_keeps_its_speaker() -> None:
    # "said.—Reuters": the tokenizer splits the dash off, so the speaker stays the speaker
    text = HEAD + BODY + "\n\nOfficials said the port will reopen on Monday.—Reuters"
    assert _chain(text, "port will reopen")[-1] == "Officials"


@pytest.mark.parametrize(
    ("last", "agency"),
    [
        ('"It will reopen on Monday," the harbour master said.—Reuters', "Reuters"),
        ("The harbour master said the port would reopen on Monday.-AFP", "AFP"),
        ("The harbour master said the port would reopen on Monday. – APP", "APP"),
        ('The harbour master told reporters: "It will reopen on Monday."—Xinhua', "Xinhua"),
        # in parentheses: the paragraph was read as a photo caption and its claim lost
        ('"It will reopen on Monday," the harbour master told reporters. (AP)', "AP"),
        ("The harbour master said the port would reopen on Monday. (Reuters)", "Reuters"),
    ],
)
def test_a_sign_off_glued_to_the_last_sentence_of_speech_frames_the_story(last: str, agency: str) -> None:
    text = HEAD + BODY + "\n\n" + last
    analysis = analyze_text(text)
    assert [d.source for d in analysis.article.structure.datelines] == [agency]
    assert _chain(text, "There is no such plan") == [agency, "Ali Noor"]
    assert _chain(text, "reopen on Monday")[-1].lower() == "the harbour master"
    assert not any(agency in c.content.text for c in analysis.claims)


@pytest.mark.parametrize(
    "last",
    [
        "Dock workers unload a ship at the port in Karachi on Sunday.—AFP",  # a caption: no speech
        # captions that name a speech without reporting one (the review's probes)
        'A protester holds a placard reading "Hands off our port" in Portvale on Sunday.—AFP',
        "Supporters of the union, which says the closure is illegal, rally in Portvale on Sunday.—AFP",
        "Harbour master Ali Noor, who told reporters the port would open, walks past the docks.—Reuters",
        "Protesters hold a banner reading “Open the port” in Karachi on Sunday. (AP)",
        "The harbour master said the port would reopen on Monday.—Ana Lima",  # a reporter, no agency
        "The harbour master said the port would reopen on Monday.—The Economist",
        # a roundup: each item glued to its own agency
        "The governor said taxes would rise.—AFP\n\nThe harbour master said the port would reopen.—Reuters",
        "I think the harbour master said the port would reopen on Monday.—Tasnim",  # a reader's letter
    ],
)
def test_a_glued_ending_that_is_no_agency_copy_frames_nothing(last: str) -> None:
    assert _frames(HEAD + BODY + "\n\n" + last) == []


CAPTIONS = [
    "Police officers stand guard outside the ministry in Karachi on Sunday. (Reuters)",
    "A ship docks at the port on Sunday. (AFP)",
]


@pytest.mark.parametrize("caption", CAPTIONS)
@pytest.mark.parametrize(
    ("layout", "frames"),
    [
        # mid-story under a leading dateline: the dateline's frame alone
        (lambda c: HEAD + "KARACHI (Reuters) - " + BODY.replace("\n\n", "\n\n" + c + "\n\n"), ["Reuters"]),
        # the body's last line: a caption's credit is no sign-off
        (lambda c: HEAD + BODY + "\n\n" + c, []),
    ],
)
def test_a_photo_caption_credited_to_an_agency_stays_a_caption(caption, layout, frames) -> None:
    text = layout(caption)
    analysis = analyze_text(text)
    assert [d.source for d in analysis.article.structure.datelines] == frames
    assert not any(caption.split()[1] in c.content.text for c in analysis.claims)
    assert _chain(text, "There is no such plan")[-1] == "Ali Noor"


def test_an_acronym_that_names_a_party_is_no_agency() -> None:
    # "PTI" is India's news agency and Pakistan's party: the gazetteer leaves it out, so the party
    # stays a party
    text = (
        "Opposition rejects budget\n\nISLAMABAD: The PTI on Monday rejected the federal budget, saying it"
        " would burden the poor.\n\nPTI spokesman Raza Ali told reporters the party would protest."
    )
    analysis = analyze_text(text)
    assert [(a.name, a.kind) for a in analysis.actors if a.name == "PTI"] == [("PTI", "named")]

@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asia Pulp & Paper (APP) said on Monday it would stop clearing forest.", "APP"),
        ("QatarEnergy signed a 27-year SPA with Sinopec. The SPA says prices follow Brent crude.", "SPA"),
    ],
)
def test_sign_off_only_names_are_no_outlets_in_running_text(text: str, name: str) -> None:
    analysis = analyze_text("Deal signed\n\n" + text)
    assert name in analysis.article.text
    assert [a.name for a in analysis.actors if a.kind == "outlet"] == []


def test_a_place_dateline_opening_the_story_is_inside_the_sign_offs_frame() -> None:
    # "RIYADH — A minister said ...": the place is chrome, its paragraph the story's first
    text = HEAD + "PORTVALE — " + BODY + "\n\nThe port will reopen on Monday, officials said. — Reuters"
    assert _frames(text) == ["Reuters"]
    assert _chain(text, "port would close")[0] == "Reuters"


def test_a_caption_credited_to_another_agency_does_not_block_a_glued_sign_off() -> None:
    caption = "The minister in Lisbon on Sunday. — SPA"
    last = "The port will reopen, officials said. — Reuters"
    text = HEAD + caption + "\n" + caption + "\n\n" + BODY + "\n\n" + last
    assert _frames(text) == ["Reuters"]


def test_a_date_and_teasers_after_the_sign_off_do_not_hide_it() -> None:
    # a page's tail: the date, the views, then teasers laid out label / age / headline
    tail = (
        "\n\nJune 23, 2019\n710 views\nHIGHLIGHTS\nPORTUGAL\n4 hours ago\n\n"
        "Royal order strips officials of their titles\n\nPORTUGAL\n4 hours ago\n\n"
        "Internet usage hits 99% in 2023"
    )
    text = HEAD + BODY + "\n\n— AFP" + tail
    analysis = analyze_text(text)
    assert [d.source for d in analysis.article.structure.datelines] == ["AFP"]
    teasers = ("Royal order", "Internet usage")
    assert not any(t in c.content.text for c in analysis.claims for t in teasers)


def test_a_caption_glued_to_another_agency_mid_story_does_not_block_the_sign_off() -> None:
    caption = "Dock workers protest outside the harbour authority's offices in Portvale on Sunday.—AFP"
    text = HEAD + BODY.replace("\n\n", "\n\n" + caption + "\n\n") + "\n\n— Reuters"
    assert _frames(text) == ["Reuters"]


def test_a_live_blogs_entry_headline_under_its_stamp_is_no_teaser() -> None:
    # "3 hours ago", the entry's headline, then its photo or byline: the entry, not another story
    text = (
        "Port strike: live updates\n\nThe union and the ministry traded accusations on Monday.\n\n"
        "3 hours ago\n\nMinister says port will reopen in May\n\nBy Dana Vole\n\n"
        "The minister told reporters the port would reopen in May."
    )
    assert any("port will reopen in May" in c.content.text for c in analyze_text(text).claims)


# the second review's probes: captions that name speech without reporting it, a photographer's credit
CAPTIONS_WITH_WORDS = [
    "Smoke rises after what the army said was a strike on a depot in Portvale on Sunday. (AFP)",
    "A man police said was the gunman lies on the ground in Portvale on Sunday. (Reuters)",
    "Supporters of Ana Velt celebrate after the results were announced in Portvale on Sunday. (AP)",
    "Residents who were told to leave their homes wait at a shelter in Portvale on Sunday. (AP)",
    "Dock workers rally outside the port in Portvale, according to local media. (AP)",
    "Rescuers search the rubble in Portvale. Police said 12 people died. (REUTERS/Ana Lima)",
]


@pytest.mark.parametrize("caption", CAPTIONS_WITH_WORDS)
def test_a_caption_that_names_speech_stays_a_caption_and_frames_nothing(caption: str) -> None:
    text = HEAD + BODY + "\n\n" + caption
    analysis = analyze_text(text)
    assert [d.source for d in analysis.article.structure.datelines] == []
    assert not any("Portvale" in c.content.text for c in analysis.claims)
