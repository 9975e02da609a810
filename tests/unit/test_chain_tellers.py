"""Who the teller of a claim is (issue 10 §2), on short invented sentences: things that cannot
speak are no tellers, the object of a control verb tells the infinitive's content, and an outlet
that "has learnt" or "understands" something is an outlet."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text


def chain(text: str, content_key: str) -> list[tuple[str, str]]:
    """The (label, kind) links of the one claim whose content holds `content_key`."""
    claims = [c for c in analyze_text(text).claims if content_key in c.content.text]
    assert len(claims) == 1, [c.content.text for c in analyze_text(text).claims]
    return [(link.label, link.kind) for link in claims[0].chain]


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # an event, an action or a change: the writer reads it; no person or organisation tells P
        (
            "The rare intervention by the central bank underscored that the yen had fallen too far.",
            "the yen had fallen too far",
            [("The rare intervention by the central bank", "unattributed")],
        ),
        (
            "The drop in sales indicated that consumers are cutting back.",
            "consumers are cutting back",
            [("The drop in sales", "unattributed")],
        ),
        (
            "The move signals that the government is worried about the currency.",
            "the government is worried",
            [("The move", "unattributed")],
        ),
        # evidence read like a paper is a document
        (
            "The data showed that inflation rose to 4 percent in March.",
            "inflation rose to 4 percent",
            [("the data", "document")],
        ),
        (
            "The survey results suggest that voters are tired of the war.",
            "voters are tired of the war",
            [("the survey results", "document")],
        ),
        # inside what a person says, the thing adds no hop: the claim rests on the person
        (
            "Rana Odero, an economist at Harbor Bank, said the move signals that the government is worried.",
            "the government is worried",
            [("Rana Odero", "named")],
        ),
        # people and bodies stay tellers, whatever their name's words mean
        (
            "The Odero campaign suggested that the vote had been rigged.",
            "the vote had been rigged",
            [("The Odero campaign", "named")],
        ),
        (
            "Strike Capital said the merger would close in June.",
            "the merger would close in June",
            [("Strike Capital", "named")],
        ),
    ],
)
def test_a_thing_that_cannot_speak_is_no_teller(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "The strike spread to three more ports, prompting the transport minister to say that talks "
            "would resume on Monday.",
            "talks would resume on Monday",
            [("the transport minister", "named")],
        ),
        (
            "Sales fell for a third month, leading analysts to warn that the retailer could run out of cash.",
            "the retailer could run out of cash",
            [("analysts", "anonymous")],
        ),
        (
            "The protests forced the president to admit that mistakes had been made.",
            "mistakes had been made",
            [("the president", "named")],
        ),
        (
            "The minister was forced to admit that the figures were wrong.",
            "the figures were wrong",
            [("The minister", "named")],
        ),
        # a request verb is a cue itself: what it asks for is its subject's, not the object's word
        (
            "Harbor Gate asked the court to rule that the contract was void.",
            "the contract was void",
            [("Harbor Gate", "named")],
        ),
    ],
)
def test_the_object_of_a_causative_verb_tells_the_infinitives_content(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "Sky News has learnt that the retailer is preparing to close 40 stores.",
            "preparing to close 40 stores",
            [("Sky News", "outlet")],
        ),
        # a lower-case, hyphenated name the entity model misses
        (
            "just-food understands the brewer is in talks to sell its cider business.",
            "in talks to sell its cider business",
            [("just-food", "outlet")],
        ),
        (
            "The brewer is in talks to sell its cider business, just-food understands.",
            "in talks to sell its cider business",
            [("just-food", "outlet")],
        ),
        (
            "The brewer is in talks, the Guardian understands.",
            "The brewer is in talks",
            [("Guardian", "outlet")],
        ),
        (
            "Harbor Daily can reveal that the contract was never signed.",
            "the contract was never signed",
            [("Harbor Daily", "outlet")],
        ),
        # a person, a company or a public body that learns or understands stays what it is
        (
            "Rana Odero has learnt that her contract will not be renewed.",
            "her contract will not be renewed",
            [("Rana Odero", "named")],
        ),
        (
            "The minister understands that voters are angry.",
            "voters are angry",
            [("The minister", "named")],
        ),
        (
            "Harbor Gate Holdings has learned that its data was stolen.",
            "its data was stolen",
            [("Harbor Gate Holdings", "named")],
        ),
        (
            # "the company" with no company named before is its own actor, lower-cased like an anonymous
            # source
            "The company has learned that its data was stolen.",
            "its data was stolen",
            [("the company", "named")],
        ),
        # the verb alone makes no outlet: a group or a party the entity model knows keeps its kind
        (
            "Hamas understands that the ceasefire will hold.",
            "the ceasefire will hold",
            [("Hamas", "named")],
        ),
        (
            "The Labour Party understands that the vote will be delayed.",
            "the vote will be delayed",
            [("Labour Party", "named")],
        ),
        (
            "The Harbor Ministry has learnt that the bridge is unsafe.",
            "the bridge is unsafe",
            [("Harbor Ministry", "named")],
        ),
        # a media word after the name says what it is
        (
            "Kivuli news agency has learnt that the talks have failed.",
            "the talks have failed",
            [("Kivuli", "outlet")],
        ),
    ],
)
def test_an_outlet_telling_its_own_scoop_is_an_outlet(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "The police suspended the inquiry after the woman who alleged she had been attacked died.",
            "she had been attacked",
            [("the woman", "anonymous")],
        ),
        (
            "The council answered a call from some refugees, who feared that measles had broken out.",
            "measles had broken out",
            [("some refugees", "anonymous")],
        ),
        (
            "A passenger said the plane shook violently.",
            "the plane shook violently",
            [("a passenger", "anonymous")],
        ),
        (
            "A cabinet minister said the budget would be delayed.",
            "the budget would be delayed",
            [("a cabinet minister", "anonymous")],
        ),
        # a description narrowed by a clause is not the titled person named before
        (
            "Prime Minister Rana Odero says the cabinet minister accused of taking bribes has denied the "
            "allegation.",
            "the allegation",
            [("Rana Odero", "named"), ("the cabinet minister", "anonymous")],
        ),
        # the office alone, or the office of a named body, still names its holder
        (
            "Ali Saleh, the information minister, said the port was open. The minister added that ships "
            "were waiting.",
            "ships were waiting",
            [("Ali Saleh", "named")],
        ),
        (
            "The BJP's minority unit chief confirmed the remarks.",
            "the remarks",
            [("The BJP's minority unit chief", "named")],
        ),
    ],
)
def test_people_the_text_does_not_name_are_anonymous(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # a role word counted, indefinite, one of a group or bare picks out nobody: anonymous
        ("One author said the leak could do more harm than good.", "more harm than good",
         [("One author", "anonymous")]),
        ("Some of the researchers said the fears were premature.", "the fears were premature",
         [("some of the researchers", "anonymous")]),
        ("Several authors of an important, unpublished climate report said the leak could delay it.",
         "the leak could delay it",
         [("Several authors of an important, unpublished climate report", "anonymous")]),
        ("Other heads of various units within the port authority said the letter was not theirs.",
         "the letter was not theirs",
         [("Other heads of various units within the port authority", "anonymous")]),
        # the ones the text picks out, and a named body's people, are not
        ("Rana Odero and Ali Saleh met on Monday. The two leaders said the talks went well.",
         "the talks went well", [("The two leaders", "named")]),
        ("GCC leaders said the man was arrested.", "the man was arrested", [("GCC leaders", "named")]),
    ],
)
def test_a_role_word_that_picks_out_nobody_is_anonymous(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The bank is weighing a sale of its Asian unit, two of the people said, asking not to be identified "
        "discussing private information.",
        "The bank is weighing a sale, said the people, who asked not to be named because they were not "
        "authorized to speak publicly about the matter.",
        "The bank is weighing a sale, according to people familiar with the matter, who asked not to be "
        "named.",
    ],
)
def test_a_request_to_stay_unnamed_is_no_claim(nlp, text):
    claims = analyze_text(text).claims
    assert [c.content.text for c in claims] == [text.split(",")[0]]


def test_a_claim_conjoined_to_a_request_to_stay_unnamed_is_still_one(nlp):
    text = "The officials asked not to be named and said the talks had failed."
    assert chain(text, "the talks had failed") == [("the officials", "anonymous")]


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # the parser made "the sources" the subject of "reported" and "said" a conjunct of the report
        (
            "The revisions would walk back key parts of the proposal, said the sources, who asked not to be "
            "identified, Bloomberg reported.",
            "walk back key parts of the proposal",
            [("Bloomberg", "outlet"), ("the sources", "anonymous")],
        ),
        (
            "The revisions would walk back key parts of the landmark proposal — including one that might "
            "have had a large effect on big banks, said the sources, who asked not to be identified, "
            "Bloomberg reported.",
            "walk back key parts of the landmark proposal",
            [("Bloomberg", "outlet"), ("the sources", "anonymous")],
        ),
        (
            "The plan failed, said the minister, who resigned on Friday.",
            "The plan failed",
            [("the minister", "named")],
        ),
    ],
)
def test_an_inverted_teller_inside_a_relay_is_the_inner_link(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


def test_a_participle_after_a_quotation_is_the_speakers(nlp):
    text = (
        'Rana Odero explained that "all imported crops have entered illegally", stressing that "the ministry '
        'is working with the authorities to prevent it."'
    )
    claims = analyze_text(text).claims
    stressed = next(c for c in claims if c.content.text.startswith('that "the ministry'))
    assert [(link.label, link.kind) for link in stressed.chain] == [("Rana Odero", "named")]


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "Noteworthy, an adviser to the ministry said the talks had already begun.",
            "the talks had already begun",
            [("an adviser to the ministry", "anonymous")],
        ),
        (
            "Rana Odero, an adviser to the ministry, said the talks had begun.",
            "the talks had begun",
            [("Rana Odero", "named")],
        ),
    ],
)
def test_a_sentence_adverb_read_as_a_name_is_no_teller(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "The mine has closed, Atlantic Wire quoted Rana Odero as saying.",
            "The mine has closed",
            [("Atlantic Wire", "outlet"), ("Rana Odero", "named")],
        ),
        (
            "Harbor Gate denied that the mine had closed, the Lisbon Post quoted the company's chief "
            "executive, Rana Odero, as saying.",
            "that the mine had closed",
            [("Lisbon Post", "outlet"), ("Rana Odero", "named"), ("Harbor Gate", "named")],
        ),
    ],
)
def test_a_trailing_quoted_as_saying_relays_the_report_before_it(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # an unnamed source inside the speaker's sentence does not take "he" from the speaker
        (
            "Rana Odero said he was informed by a government source that the ministry is awarding the "
            "project to a friend. He also claimed that the funds would be used for the election.",
            "the funds would be used for the election",
            [("Rana Odero", "named")],
        ),
        # the unnamed source that is the sentence's own speaker keeps it
        (
            "A government source told Rana Odero that the deal was done. He said the price was too high.",
            "the price was too high",
            [("a government source", "anonymous")],
        ),
    ],
)
def test_he_is_the_sentence_speaker_not_a_source_nested_in_it(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


def test_a_report_quoting_someone_relays_what_they_claim(nlp):
    text = (
        "Rana Odero was commenting on a report today quoting opposition leader Tom Baro, who claimed that "
        "one of the projects was a flood scheme. He also claimed that the funds would be used for the "
        "election."
    )
    relayed = [("a report", "document"), ("Tom Baro", "named")]
    assert chain(text, "one of the projects was a flood scheme") == relayed
    # referred to again, the quoted person still speaks through the report
    assert chain(text, "the funds would be used") == relayed


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "The talks have begun, Interfax news agency quoted the Foreign Ministry as saying.",
            "The talks have begun",
            [("Interfax", "outlet"), ("Foreign Ministry", "named")],
        ),
        (
            "Harbor Gate said the mine was safe.",
            "the mine was safe",
            [("Harbor Gate", "named")],
        ),
    ],
)
def test_a_name_before_news_agency_is_that_outlet(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A spokesman in a statement said the talks had failed.", [("a spokesman", "named")]),
        ("The man in the video said the talks had failed.", [("the man in the video", "anonymous")]),
    ],
)
def test_where_the_teller_spoke_is_no_part_of_who(nlp, text, expected):
    assert chain(text, "the talks had failed") == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        (
            "“Political dialogue is necessary,” the IRNA quoted the president.",
            "Political dialogue is necessary",
            [("IRNA", "outlet"), ("the president", "named")],
        ),
        (
            "President Tom Baro spoke on Monday. “The talks have failed,” IRNA quoted him.",
            "The talks have failed",
            [("IRNA", "outlet"), ("Tom Baro", "named")],
        ),
    ],
)
def test_a_quotation_then_x_quoted_y_is_y_through_x(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


def test_a_quotation_then_x_quoted_y_as_saying_is_one_claim(nlp):
    claims = analyze_text("“The talks have failed,” IRNA quoted Rana Odero as saying.").claims
    assert [[link.label for link in c.chain] for c in claims] == [["IRNA", "Rana Odero"]]


def test_a_report_of_an_international_body_is_a_document(nlp):
    text = "Iran played down a United Nations report that said Iranian scientists had enriched uranium."
    assert chain(text, "Iranian scientists had enriched uranium") == [("a United Nations report", "document")]


def test_a_relayed_speaker_named_again_by_part_of_the_name_still_speaks_through_the_relay(nlp):
    text = (
        "Rana Odero was commenting on a report today quoting opposition leader Tom Baro, who claimed that "
        "one of the projects was a flood scheme. Baro said the contract was awarded without a tender."
    )
    assert chain(text, "the contract was awarded") == [("a report", "document"), ("Tom Baro", "named")]
    # the full name again introduces the speaker anew: no relay
    anew = text.replace("Baro said", "Tom Baro said")
    assert chain(anew, "the contract was awarded") == [("Tom Baro", "named")]


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # a country's press as one teller is an unnamed outlet
        (
            "The Kivuli mainstream media called the reports groundless.",
            "the reports groundless",
            [("the Kivuli mainstream media", "outlet")],
        ),
        (
            "In October, state media had said that the army was building a road.",
            "the army was building a road",
            [("state media", "outlet")],
        ),
        # some of them, unnamed: anonymous
        (
            "Some Japanese media speculated that the man was a spy.",
            "the man was a spy",
            [("some Japanese media", "anonymous")],
        ),
        # plural people no lexicon knows, with no article or body that names them
        (
            "Nepalese politicians said the army had annexed land.",
            "the army had annexed land",
            [("Nepalese politicians", "anonymous")],
        ),
        (
            "Lower court judges said the chief justice had influenced their rulings.",
            "the chief justice had influenced",
            [("Lower court judges", "anonymous")],
        ),
        (
            "The Harbor Post had quoted unnamed senior party figures as saying that the claims were a plot.",
            "the claims were a plot",
            [("Harbor Post", "outlet"), ("unnamed senior party figures", "anonymous")],
        ),
        (
            "However, the minister's staff has confirmed that she has resigned.",
            "she has resigned",
            [("the minister's staff", "anonymous")],
        ),
        # bodies, a named body's people, on-record spokespeople and the data stay as they were
        ("Police said the man was arrested.", "the man was arrested", [("Police", "named")]),
        ("Authorities said the man was arrested.", "the man was arrested", [("Authorities", "named")]),
        ("Emergency services said the man was found outside.", "the man was found outside",
         [("Emergency services", "named")]),
        ("GCC leaders said the man was arrested.", "the man was arrested", [("GCC leaders", "named")]),
        ("Official figures show the economy grew.", "the economy grew", [("Official figures", "document")]),
    ],
)
def test_unnamed_groups_of_people_and_of_media_have_their_kind(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


def test_a_pronoun_that_shows_is_no_hop_inside_what_a_teller_says(nlp):
    # the papers show: nobody tells P but the one who says the papers show it
    text = "Rana Odero says they clearly show a close aide of the mayor pressuring officials."
    assert chain(text, "a close aide of the mayor") == [("Rana Odero", "named")]
    alone = "They show that the mayor lied."
    assert chain(alone, "the mayor lied") == [("They", "unattributed")]
    # people who say are still tellers
    told = "Rana Odero says they told her that the mayor lied."
    assert chain(told, "the mayor lied")[0] == ("Rana Odero", "named")
    assert len(chain(told, "the mayor lied")) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "citing" read as an adjective of what it cites, after the reporting verb's phrase
        (
            "Investigators have requested data, Harbor Daily reported on Friday citing sources.",
            [("Harbor Daily", "outlet"), ("sources", "anonymous")],
        ),
        # a reason cited is still no teller
        (
            "Investigators have requested data, the union said on Friday citing safety concerns.",
            [("the union", "named")],
        ),
    ],
)
def test_a_misparsed_citing_after_the_reporting_verb_cites_a_teller(nlp, text, expected):
    assert chain(text, "Investigators have requested data") == expected


def test_an_inverted_said_after_an_opening_adverb_tells_the_words_before_it(nlp):
    text = (
        "Shortly after, talks between the bank and Harbor Ministry officials over a settlement restarted, "
        "said the person, who asked not to be identified."
    )
    assert chain(text, "talks between the bank") == [("the person", "anonymous")]


def test_an_outlet_citing_the_report_cites_the_paper_not_itself(nlp):
    text = (
        "Cited in the newspaper Harbor Daily, the leaked report outlines four scenarios. "
        "“The only threat is France,” Harbor Daily says, citing the report."
    )
    # the paper it cites is the leaked report the first sentence introduced, named as it was there
    expected = [("Harbor Daily", "outlet"), ("the leaked report", "document")]
    assert chain(text, "The only threat is France") == expected


@pytest.mark.parametrize(
    ("text", "teller"),
    [
        (
            "Harbor Motors was fined in May, the Kivuli Post said. Replying to the report, the automaker "
            "said that its board had not breached its duties.",
            "Harbor Motors",
        ),
        (
            "Kivuli Pharmaceuticals Ltd was fined in May, the Kivuli Post said. Replying to it, the "
            "drugmaker said that its board had not breached its duties.",
            "Kivuli Pharmaceuticals Ltd",
        ),
        # a trade's word of another trade is not the one meant
        (
            "Kivuli Mining and Harbor Motors were fined in May. The carmaker said that its board had not "
            "breached its duties.",
            "Harbor Motors",
        ),
    ],
)
def test_a_trade_description_refers_to_the_company_named_before(nlp, text, teller):
    assert chain(text, "its board had not breached") == [(teller, "named")]


@pytest.mark.parametrize(
    "text",
    [
        # the noun that introduced the name, not the outlet that spoke last, nor the nationality
        "The Harbor Post said the Kivuli tabloid Blitz had printed the story. The Bangladeshi tabloid's "
        "claim -- that the two ministers were involved in a relationship -- had triggered speculation.",
        "The Harbor Post said the story ran in the magazine Kivuli Weekly. The German magazine's claim "
        "-- that the two ministers were involved in a relationship -- had triggered speculation.",
    ],
)
def test_a_reference_noun_is_the_outlet_it_introduced(nlp, text):
    teller = chain(text, "the two ministers were involved")
    assert teller == [("Blitz" if "Blitz" in text else "Kivuli Weekly", "outlet")]


@pytest.mark.parametrize(
    ("text", "content_key"),
    [
        # "reported Y as saying", like "quoted Y as saying"; "the portal" read as an adjective
        (
            "Rana Odero spoke on Monday, according to a report by Harbor Mail. “Whatever concerns the "
            "religion will come to us,” the portal reported him as saying.",
            "Whatever concerns the religion",
        ),
        ("Harbor Mail reported Rana Odero as saying that the party would win.", "the party would win"),
    ],
)
def test_x_reported_y_as_saying_is_y_through_x(nlp, text, content_key):
    assert chain(text, content_key) == [("Harbor Mail", "outlet"), ("Rana Odero", "named")]


def test_a_description_in_the_opening_is_the_titled_person_named_two_sentences_on(nlp):
    text = (
        "Kenya's communications minister has acknowledged the authenticity of leaked papers. The "
        "opposition camp says the papers show a plot.\n\nCommunications Minister Rana Odero said, "
        "“We have confirmed the papers are real.”"
    )
    assert chain(text, "the authenticity of leaked papers") == [("Rana Odero", "named")]
    # further on, a description is no longer a forward reference
    later = text.replace("The opposition", "The opposition was angry. Protests began. The opposition")
    assert chain(later, "the authenticity of leaked papers") == [("Kenya's communications minister", "named")]


def test_citing_sources_privy_to_the_matter_cites_the_sources(nlp):
    # "privy" read as a verb whose subject is "sources"
    text = "The report, citing security sources privy to the matter, said the officer is being punished."
    expected = [("the report", "document"), ("security sources", "anonymous")]
    assert chain(text, "the officer is being punished") == expected


def test_the_report_is_the_outlet_that_broke_the_news(nlp):
    text = (
        "Harbor Television broke the news, which was also reported by Pulse. The report, citing security "
        "sources, said the officer is being punished."
    )
    expected = [("Harbor Television", "outlet"), ("security sources", "anonymous")]
    assert chain(text, "the officer is being punished") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the report, Rana Odero said the company had done nothing wrong.",
        "When asked whether the company had done nothing wrong, Rana Odero said no.",
    ],
)
def test_what_a_question_was_about_is_no_claim(nlp, text):
    claims = analyze_text(text).claims
    assert all(c.chain[-1].kind != "unattributed" for c in claims), [c.content.text for c in claims]
    assert [c.chain[-1].label for c in claims] == ["Rana Odero"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbor Daily cited two officials, who said the dam would be finished in May.",
            [("Harbor Daily", "outlet"), ("two officials", "anonymous")],
        ),
        (
            "The agency quoted a witness who said the police had fired first.",
            [("The agency", "named"), ("a witness", "anonymous")],
        ),
    ],
)
def test_x_cited_y_who_said_p_is_y_through_x(nlp, text, expected):
    claims = analyze_text(text).claims
    assert [[(link.label, link.kind) for link in c.chain] for c in claims] == [expected]


def test_a_teller_the_parser_hung_on_an_opening_phrase_still_tells(nlp):
    # "Rana Odero" read as an apposition of "Morning Show": the cue had no subject
    text = "In an interview with the host of Morning Show, Rana Odero said the vote was rigged."
    assert chain(text, "the vote was rigged") == [("Rana Odero", "named")]


def test_which_after_a_paper_about_a_person_is_the_paper(nlp):
    # the parser hangs ", which said P" on the person the report is about: "which" is the report
    text = "Harbor Daily published a report about Rana Odero, which said he had hidden assets abroad."
    assert chain(text, "he had hidden assets abroad") == [("Harbor Daily", "outlet")]
    body = "The ministry released a report on Rana Odero, which said he had hidden assets abroad."
    assert chain(body, "he had hidden assets abroad") == [("a report on Rana Odero", "document")]
    # "who" is the person
    met = "The minister met Rana Odero, who said he had hidden assets abroad."
    assert chain(met, "he had hidden assets abroad") == [("Rana Odero", "named")]


def test_a_participle_on_the_addressees_of_a_sent_paper_is_the_senders(nlp):
    text = "Rana Odero sent a memo to employees explaining that all staff have been asked to do this."
    assert chain(text, "all staff have been asked") == [("Rana Odero", "named")]


def test_who_after_a_place_and_people_is_the_people(nlp):
    text = (
        "A report that the leader is dead has set off a flurry of denials from U.S., French and "
        "Pakistani officials, who say the report cannot be independently confirmed."
    )
    teller = chain(text, "cannot be independently confirmed")
    assert len(teller) == 1 and teller[0][1] == "anonymous" and teller[0][0].endswith("officials")


def test_a_scenario_of_a_paper_is_a_document(nlp):
    # "One of the scenarios speculates P": a section of a plan or study, read, not heard
    text = "One of the scenarios speculates that Harbor could demand a vote."
    assert chain(text, "Harbor could demand a vote") == [("the scenarios", "document")]
    after = (
        "The leaked plan outlines four scenarios. "
        "One of the scenarios speculates that Harbor could demand a vote."
    )
    assert chain(after, "Harbor could demand a vote") == [("the scenarios", "document")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs "that P" on "came", which takes no clause: it is what the report says
        (
            "The remarks came in response to a report by a Japanese daily, the Harbor Shimbun, on Thursday "
            "that the North transported artillery shells and other munitions via train to Russia.",
            [("Harbor Shimbun", "outlet")],
        ),
        (
            "The remarks came in response to a report by the Harbor Shimbun that the North transported "
            "artillery shells to Russia.",
            [("Harbor Shimbun", "outlet")],
        ),
    ],
)
def test_a_report_by_a_named_outlet_tells_the_that_clause_after_it(nlp, text, expected):
    assert chain(text, "the North transported") == expected


def test_reports_by_unnamed_outlets_stay_the_reports(nlp):
    text = (
        "The move signals that the minister intends to ignore fresh reports by multiple media outlets "
        "that the documents are authentic."
    )
    inner = [c for c in analyze_text(text).claims if c.content.text == "that the documents are authentic"]
    assert [(link.label, link.kind) for link in inner[0].chain][-1] == ("fresh reports", "outlet")


def test_a_quotation_then_he_was_quoted_as_saying_is_his_whole_quotation(nlp):
    # the parser makes "quoted" a conjunct of the quotation's last verb
    text = (
        "Rana Odero spoke on Saturday.\n\n"
        '"I am the force spokesman. I am telling you that the news is not correct", he was quoted as saying.'
    )
    claims = [c for c in analyze_text(text).claims if "the news is not correct" in c.content.text]
    assert [c.content.text for c in claims] == [
        "I am the force spokesman. I am telling you that the news is not correct"
    ]
    assert [(link.label, link.kind) for link in claims[0].chain] == [("Rana Odero", "named")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army fired what Harbor Daily said was a new missile.", [("Harbor Daily", "outlet")]),
        ("The army fired what officials said was a new missile.", [("officials", "anonymous")]),
    ],
)
def test_a_free_relative_what_x_said_is_x_not_the_verb_around_it(nlp, text, expected):
    assert chain(text, "a new missile") == expected


def test_a_name_the_words_call_a_newspaper_is_an_outlet(nlp):
    # the entity model reads the headline's "Yeni Şafak" as a person; "the Yeni Şafak newspaper"
    # says it is an outlet, and "the Turkish newspaper" is that outlet again
    text = (
        "Yeni Şafak: talks fail\n\nThe Yeni Şafak newspaper said on Thursday that the talks had failed."
        "\n\n“No country has called,” the Turkish newspaper wrote.\n"
    )
    assert chain(text, "the talks had failed") == [("Yeni Şafak", "outlet")]
    assert chain(text, "No country has called") == [("Yeni Şafak", "outlet")]


@pytest.mark.parametrize(
    "text",
    [
        "Rana Odero said the plan came from Ali Saleh Cordones, a retired General, who publicly acknowledged "
        "that he was part of a plot.",
        "Rana Odero said the plan came from Ali Saleh, a retired general, who publicly acknowledged that he "
        "was part of a plot.",
    ],
)
def test_a_description_apposed_to_a_name_before_who_is_that_name(nlp, text):
    teller = chain(text, "he was part of a plot")[-1]
    assert teller[0].startswith("Ali Saleh") and teller[1] == "named"


def test_a_name_reached_through_a_common_noun_is_whom_the_office_serves(nlp):
    # "of the government of President Ali Saleh": Saleh is not the official; the titled person
    # named before is
    text = (
        "Interior Minister Rana Odero said on Sunday that rebels had landed. The senior official of the "
        "government of President Ali Saleh indicated that rifles were seized."
    )
    assert chain(text, "rifles were seized") == [("Rana Odero", "named")]
    assert chain("Tanzanian Minister for Health Ummy Mwalimu said the virus was contained.",
                 "the virus was contained")[0][1] == "named"


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        ("The director of the museum Ana Lopes said the painting was a fake.", "the painting was a fake",
         [("Ana Lopes", "named")]),
        ("The chief of the army staff General Tom Berg said troops were ready.", "troops were ready",
         [("Tom Berg", "named")]),
    ],
)
def test_a_name_apposed_to_the_office_is_its_holder(nlp, text, content_key, expected):
    # "the museum Ana Lopes": the name is apposed to the common noun, not reached through "of"
    assert chain(text, content_key) == expected


def test_a_participle_with_a_that_clause_in_a_verbless_sentence_is_its_verb(nlp):
    # a comma between subject and verb: the parser reads "reported" as a participle of the noun
    text = (
        "For his part, the president of the disputed National Reform Council Tomas Varga, "
        "reported from the Harbor Civic Palace that 8 people died and 2 were detained."
    )
    assert chain(text, "8 people died") == [("Tomas Varga", "named")]
    # a participle with no "that" clause of its own stays a participle
    assert chain("The report published by the Harbor Post on Monday said that the port was closed.",
                 "the port was closed") == [("Harbor Post", "outlet")]


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        ("Every copy is numbered, BBC security correspondent Rana Odero said. A search had been launched by "
         "police, our correspondent said.", "A search had been launched", [("Rana Odero", "named")]),
        ("Striker Ali Saleh said the team was tired. The striker added that the coach would stay.",
         "the coach would stay", [("Striker Ali Saleh", "named")]),
    ],
)
def test_a_role_word_is_the_person_it_introduced(nlp, text, content_key, expected):
    # a role word that is no title ("correspondent", "striker") is the person named right after it
    assert chain(text, content_key) == expected


def test_a_role_word_its_own_phrase_restricts_is_someone_else(nlp):
    # "the lawyer for the prosecution" is not the lawyer named before; "the lawyer" alone is
    text = "Lawyer Ana Lopes said the trial was slow. The lawyer for the prosecution said it was fair."
    assert chain(text, "it was fair") == [("The lawyer for the prosecution", "named")]
    text = "Lawyer Ana Lopes said the trial was slow. The lawyer added that it was unfair."
    assert chain(text, "it was unfair") == [("Lawyer Ana Lopes", "named")]
    # a phrase her own sentence holds restates who she is
    text = "Defence lawyer Ana Lopes said the trial was slow. The lawyer for the defence said it was unfair."
    assert chain(text, "it was unfair") == [("Ana Lopes", "named")]


def test_a_surname_the_entity_model_missed_is_a_person_she_can_stand_for(nlp):
    # "Odunlami" speaks but has no actor: the pronoun after the quotation went to the wife, the
    # person inside Odunlami's own sentence
    text = (
        "Funmilayo Odunlami, the Police Public Relations Officer in the state, made this known on Tuesday "
        "in Akure.\n\nOdunlami, however, explained that the victim was a security man, adding that the "
        "victim’s wife had reported the case at the police station.\n\n”It was a case of hit and run "
        "accident.\n\n“The news is fake,” she said."
    )
    assert chain(text, "hit and run accident") == [("Odunlami", "named")]
    assert chain(text, "the victim was a security man") == [("Odunlami", "named")]


@pytest.mark.parametrize("description", ["The advocacy group", "The environmental group", "The rights group"])
def test_a_group_named_for_its_cause_is_no_company(nlp, description):
    # "the group" answers to any company; "the advocacy group" to an association or council only
    text = (
        "The Harbor Defense Council said in a letter to the regulator that Kivuli Mining Co’s claims were "
        f"implausible. Kivuli Mining Co said it would reply. {description} wrote that the claims could "
        "mislead investors."
    )
    assert chain(text, "could mislead investors") == [("Harbor Defense Council", "named")]


@pytest.mark.parametrize(
    ("text", "content_key", "teller"),
    [
        ("Defence Minister Sergei Ivanov met the envoy on Monday. His claim that China is the main supplier "
         "of the parts surprised diplomats.", "China is the main supplier", "Sergei Ivanov"),
        ("Harbor Gate met the regulator on Monday. Its statement that the mine was safe was disputed.",
         "the mine was safe", "Harbor Gate"),
    ],
)
def test_a_possessive_pronoun_owning_a_noun_cue_is_a_pronoun(nlp, text, content_key, teller):
    # "his claim that P": the possessive is "he" (it was an anonymous "his")
    assert chain(text, content_key) == [(teller, "named")]


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # the parser hung an apposition after the verb on the subject: the subject still ends
        # before its verb (the source was cut to nothing, the claim left unattributed)
        (
            "Some of the families claim you lied to them, the mother of the officer.",
            "you lied to them",
            [("some of the families", "anonymous")],
        ),
        # an apposition the parser hung where it belongs is untouched
        (
            "Some of the neighbours say the police ignored them, the owner of the bakery.",
            "the police ignored them",
            [("some of the neighbours", "anonymous")],
        ),
    ],
)
def test_a_subject_ends_before_its_verb(nlp, text, content_key, expected):
    assert chain(text, content_key) == expected


@pytest.mark.parametrize(
    ("text", "content_key", "expected"),
    [
        # a part of a group of people is unnamed, whatever the group's noun ("family" is no person noun)
        (
            "Many of the families said the water was dirty.",
            "water was dirty",
            [("many of the families", "anonymous")],
        ),
        (
            "Two of the banks said the rates would rise.",
            "rates would rise",
            [("two of the banks", "anonymous")],
        ),
        # a part of a set of papers stays a paper
        (
            "Some of the documents show the minister lied.",
            "the minister lied",
            [("the documents", "document")],
        ),
    ],
)
def test_a_part_of_an_unnamed_group_is_anonymous(text, content_key, expected):
    assert chain(text, content_key) == expected


def _parsed(nlp, words, heads, deps):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_a_subject_phrase_stops_at_its_verb(nlp):
    from sourcetrace.attributions.clauses import source_range

    # "A spokesman denied the report against Baro, the chairman of the party.": "the chairman" hung
    # on "spokesman" (a misparse seen on real pages and PolNeAR train) is no part of the source
    words = ["A", "spokesman", "denied", "the", "report", "against", "Baro", ",", "the", "chairman", "."]
    heads = [1, 2, 2, 4, 2, 4, 5, 1, 9, 1, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "det", "appos", "punct"]
    doc = _parsed(nlp, words, heads, deps)
    assert doc.text[slice(*source_range(doc[1], doc[2]))] == "A spokesman"
    # an apposition before the verb stays the subject's: "A spokesman, the chairman, denied the report."
    words = ["A", "spokesman", ",", "the", "chairman", ",", "denied", "the", "report", "."]
    heads = [1, 6, 1, 4, 1, 1, 6, 8, 6, 6]
    deps = ["det", "nsubj", "punct", "det", "appos", "punct", "ROOT", "det", "dobj", "punct"]
    doc = _parsed(nlp, words, heads, deps)
    assert doc.text[slice(*source_range(doc[1], doc[6]))] == "A spokesman , the chairman ,"  # as before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no commas: the parser reads "X citing Y" as the reporting verb's clausal subject
        (
            "Harbor Daily citing a source claimed that the minister had resigned.",
            [("Harbor Daily", "outlet"), ("a source", "anonymous")],
        ),
        # or "citing Y" as a modifier of the outlet's name, inside its source
        (
            "Dawn citing police sources said the minister had resigned.",
            [("Dawn", "named"), ("police sources", "anonymous")],
        ),
        # with commas, as before
        (
            "Harbor Daily, citing a source, claimed that the minister had resigned.",
            [("Harbor Daily", "outlet"), ("a source", "anonymous")],
        ),
    ],
)
def test_an_outlet_citing_a_teller_without_commas_relays_it(nlp, text, expected):
    assert chain(text, "the minister had resigned") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # regional outlets and agencies of the tryouts' pages, from the gazetteer
    ("Officials in Kathmandu said the team had arrived, Republica reported.",
     [("Republica", "outlet"), ("Officials in Kathmandu", "anonymous")]),
    ("Police in Kedah said two shots were fired, Berita Harian reported.",
     [("Berita Harian", "outlet"), ("Police in Kedah", "named")]),
])
def test_regional_outlets_are_outlets(nlp, text, expected):
    key = "the team had arrived" if "Kathmandu" in text else "two shots were fired"
    assert chain(text, key) == expected
