"""Who a source phrase names (attributions/sources.py ActorBook), on short invented sentences:
pronouns and descriptions give the named speaker the text identified before, documents their
issuer, reports their outlet; a description stays a description only without a named antecedent."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text


def teller(text: str, content_start: str, **meta) -> tuple[str, str]:
    claims = analyze_text(text, **meta).claims
    claim = next(c for c in claims if content_start in c.content.text)
    return claim.chain[-1].label, claim.chain[-1].kind


def tellers(text: str, content_start: str, **meta) -> list[str]:
    claims = analyze_text(text, **meta).claims
    claim = next(c for c in claims if content_start in c.content.text)
    return [link.label for link in claim.chain]


@pytest.mark.parametrize(
    ("text", "content_start", "expected"),
    [
        (
            "Information Minister Ali Saleh said the port was open. "
            "The information minister told reporters that ships were waiting.",
            "ships were waiting",
            ("Ali Saleh", "named"),
        ),
        (
            "Ali Saleh, the information minister, said the port was open. "
            "The minister added that ships were waiting.",
            "ships were waiting",
            ("Ali Saleh", "named"),
        ),
        (
            "Finance Minister Rana Odero said the budget was balanced. "
            "Police chief Tom Baro said the roads were shut. "
            "The finance minister said taxes would not rise.",
            "taxes would not rise",
            ("Rana Odero", "named"),
        ),
        (
            "Farm Minister Rana Odero met Governor Tom Baro. The governor said the dam was safe.",
            "the dam was safe",
            ("Tom Baro", "named"),
        ),
        (
            "Acme's chief executive, Tom Smith, said sales fell. The chief executive said prices would rise.",
            "prices would rise",
            ("Tom Smith", "named"),
        ),
        (
            "The bank's governor, Ana Lopes, said rates would hold. "
            "The governor added that inflation was easing.",
            "inflation was easing",
            ("Ana Lopes", "named"),
        ),
        (
            "Toyota Motor’s chief executive Akio Toyoda apologised on Friday. "
            "The CEO said the company would cooperate.",
            "the company would cooperate",
            ("Akio Toyoda", "named"),
        ),
        (
            "Acme CEO Tom Smith said sales fell. The chief executive said prices would rise.",
            "prices would rise",
            ("Tom Smith", "named"),
        ),
        (
            "Mayor Tom Baro said the bridge was safe. She added that repairs would start soon.",
            "repairs would start soon",
            ("Tom Baro", "named"),
        ),
    ],
)
def test_a_description_gives_the_named_person_with_that_title(nlp, text, content_start, expected):
    assert teller(text, content_start) == expected


def test_a_description_without_a_named_antecedent_stays_a_description(nlp):
    assert teller("The minister said the port was open.", "the port") == ("The minister", "named")
    # a title nobody named holds: no guess
    text = "Mayor Tom Baro said the bridge was safe. The minister said the port was open."
    assert teller(text, "the port") == ("The minister", "named")


def test_a_title_heading_a_name_is_that_person(nlp):
    text = "Tanzanian Minister for Health Ummy Mwalimu warned that the risk was high."
    assert teller(text, "that the risk") == ("Ummy Mwalimu", "named")


def test_a_source_does_not_run_in_from_the_headline(nlp):
    text = (
        "Minister: the agency spreads rumours\n\n"
        "Finance Minister Rana Odero denied that he spoke to the agency."
    )
    assert teller(text, "that he spoke") == ("Rana Odero", "named")


@pytest.mark.parametrize(
    ("text", "content_start", "expected"),
    [
        (
            "Acme Holdings said in a statement that profits fell. "
            "The statement added that 300 jobs would go.",
            "that 300 jobs",
            "Acme Holdings",
        ),
        (
            "Ali Saleh said in a letter that the port was open. The letter said ships were waiting.",
            "ships were waiting",
            "Ali Saleh",
        ),
        (
            "The Courier reported that the plant would close. "
            "It is likely that 200 jobs will go, the report said.",
            "It is likely",
            "Courier",
        ),
        (
            "The Courier reported that the plant would close. "
            "A report by Greenpeace said the site was unsafe. "
            "The report said the river was polluted.",
            "the river was polluted",
            "Greenpeace",
        ),
    ],
)
def test_a_document_speaks_for_its_issuer(nlp, text, content_start, expected):
    label, kind = teller(text, content_start)
    assert expected in label, (label, kind)
    assert kind != "document"


def test_the_newspaper_is_the_outlet_named_before_even_when_it_did_not_speak(nlp):
    text = (
        "An interview with the mayor in The Daily Courier caused a storm. "
        "The mayor was quoted by the newspaper as saying that the port would close."
    )
    assert tellers(text, "that the port")[-2:] == ["Daily Courier", "The mayor"]


def test_a_name_inside_a_reference_is_the_named_body(nlp):
    text = (
        "Kiev said it had arrested two agents. "
        "The Harbor Gate media group said in a statement that it has no staff there. "
        "The media group added that the arrests were staged."
    )
    assert teller(text, "that it has no staff")[0] == "Harbor Gate"
    assert teller(text, "that the arrests")[0] == "Harbor Gate"


def test_a_report_citing_sources_that_said(nlp):
    text = (
        "The fund issued a statement in reaction to a Courier News report, citing unnamed sources, "
        "that said the fund had built a stake. The report also said the shares had risen."
    )
    assert tellers(text, "the fund had built")[-2:] == ["Courier News", "unnamed sources"]
    assert teller(text, "the shares had risen")[0] == "Courier News"


def test_the_report_of_an_unnamed_body_is_not_the_outlet_that_reported_before(nlp):
    text = (
        "The Courier reported that the plant would close. "
        "A report by local experts said the site was unsafe. "
        "The report said the river was polluted."
    )
    assert teller(text, "the river was polluted") != ("Courier", "outlet")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quoting sources, the report said the talks had collapsed.", ["the report", "sources"]),
        (
            "The newspaper said, citing diplomats, that the talks had collapsed.",
            ["The newspaper", "diplomats"],
        ),
        (
            "The Courier reported, citing an unnamed official, that the talks had collapsed.",
            ["Courier", "an unnamed official"],
        ),
        (
            "The talks had collapsed, the Courier reported, quoting an unnamed official.",
            ["Courier", "an unnamed official"],
        ),
    ],
)
def test_a_cited_inner_source_is_a_link_under_its_teller(nlp, text, expected):
    claims = analyze_text(text, publisher="Daily").claims
    assert len(claims) == 1, [(c.content.text, [link.label for link in c.chain]) for c in claims]
    assert [link.label for link in claims[0].chain] == ["Daily", *expected]
    assert "the talks had collapsed" in claims[0].content.text.lower()
    assert not any(w in claims[0].content.text for w in ("citing", "quoting", "Quoting"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks collapsed, reported the NL Times.", "NL Times"),
        ("The talks collapsed, wrote the Guardian.", "Guardian"),
        ("The talks collapsed, said the state news agency IRNA.", "IRNA"),
        ('"We will not sign," said the state news agency IRNA, quoting a senior official.', "IRNA"),
    ],
)
def test_an_outlet_after_an_inverted_reporting_verb_is_the_source(nlp, text, expected):
    claims = analyze_text(text, publisher="Daily").claims
    assert len(claims) == 1
    labels = [link.label for link in claims[0].chain]
    assert labels[1] == expected, labels
    assert claims[0].content.text in ("The talks collapsed", "We will not sign")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The talks collapsed, according to the Wall Street Journal.", ["The Wall Street Journal"]),
        ("According to the Wall Street Journal, the talks collapsed.", ["The Wall Street Journal"]),
        (
            "The talks collapsed, according to a report in the Wall Street Journal.",
            ["The Wall Street Journal"],
        ),
        (
            "The minister said the talks collapsed, according to the Wall Street Journal.",
            ["The Wall Street Journal", "The minister"],
        ),
    ],
)
def test_an_outlet_inside_a_wire_dateline_is_its_own_link(nlp, body, expected):
    text = "LISBON, March 15 (Atlantic Wire) - " + body
    claims = [c for c in analyze_text(text, publisher="Daily").claims if "talks collapsed" in c.content.text]
    assert len(claims) == 1
    assert [link.label for link in claims[0].chain] == ["Daily", "Atlantic Wire", *expected]
    assert claims[0].content.text.lower() == "the talks collapsed"


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        ("Some Japanese media reported that the man had been detained.", "the man had been", "anonymous"),
        ("Rumours circulating on social media said that two people had died.", "two people", "anonymous"),
        ("The club's website says the stadium holds 40,000 people.", "the stadium", "document"),
        ("A media report said the fleet would sail in June.", "the fleet", "outlet"),
        ("A leaked assessment from the agency said the strikes had failed.", "the strikes", "document"),
        ("A circular from the ministry said that leaks would be punished.", "leaks would", "document"),
    ],
)
def test_unnamed_media_pages_and_papers_have_their_kind(nlp, text, content, expected):
    assert teller(text, content)[1] == expected


def test_a_document_from_an_office_or_with_a_signature_speaks_for_its_issuer(nlp):
    text = 'The claims are groundless," said a statement from the office of Premier Rana Odero.'
    assert teller(text, "groundless") == ("the office of Premier Rana Odero", "named")
    text = "A letter with the signature of Ambassador Ali Saleh said the reports were untrue."
    assert teller(text, "the reports were untrue") == ("Ali Saleh", "named")


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "An email published by VICE News warned that leaks damage the department.",
            "leaks damage",
            ["VICE News", "An email"],
        ),
        (
            "The memo which was sighted by the Daily Tribune warned that leakers would be punished.",
            "leakers would",
            ["Daily Tribune", "The memo"],
        ),
        (
            "VICE News obtained a memo. “Leaks hurt us all,” reads the memo, printed in full by the outlet.",
            "Leaks hurt",
            ["VICE News", "the memo"],
        ),
    ],
)
def test_a_paper_an_outlet_published_or_saw_is_passed_on_by_the_outlet(nlp, text, content, expected):
    assert [label.lower() for label in tellers(text, content)[-2:]] == [e.lower() for e in expected]


def test_a_report_published_by_its_author_is_the_authors(nlp):
    text = "A report published by Greenpeace said the river was polluted."
    assert teller(text, "the river") == ("Greenpeace", "named")


def test_a_participle_on_a_thing_is_said_by_the_clause_subject(nlp):
    text = "Health officials refuted rumours of an outbreak in the country saying people should not panic."
    assert teller(text, "people should not panic")[0] == "Health officials"
    # a paper can say: "a letter saying" stays the letter's sender's (sent_document) or the letter's
    assert teller("A letter saying the roads were closed was posted.", "the roads")[0] != "unattributed"


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "“The talks are dead. The plan is over,” spokesman Tom Baro was quoted as saying by the Post.",
            "The talks are dead. The plan is over",
            ["Post", "Tom Baro"],
        ),
        (
            "The striker has no intention of leaving Spain, his agent was quoted as saying on Friday.",
            "The striker has no intention of leaving Spain",
            ["his agent"],
        ),
        (
            "A senior Israeli official was quoted by Haaretz, saying that Jerusalem was worried.",
            "that Jerusalem was worried",
            ["Haaretz", "a senior Israeli official"],
        ),
        (
            "The president was quoted as supporting the proposal to deploy the missiles.",
            "supporting the proposal to deploy the missiles",
            ["The president"],
        ),
    ],
)
def test_quoted_speech_in_every_word_order(nlp, text, content, expected):
    claims = analyze_text(text, publisher="Daily").claims
    claim = next(c for c in claims if c.content.text == content)
    assert [link.label for link in claim.chain] == ["Daily", *expected]


def test_a_cited_source_before_a_conjoined_cue(nlp):
    text = (
        "The story was followed by the Daily Courier, which quoted unnamed sources and said the port closed."
    )
    assert tellers(text, "the port closed")[-2:] == ["Daily Courier", "unnamed sources"]


def test_a_leaked_paper_speaks_for_itself(nlp):
    text = "A leaked assessment from the Harbor Authority said the port had closed."
    assert teller(text, "the port had closed")[1] == "document"


def test_what_is_said_in_a_letter_is_its_signers(nlp):
    text = (
        "A letter with the signature of Ambassador Ali Saleh said the reports were untrue. "
        "It is said in the letter that the reports aim at causing damage, APA reports."
    )
    assert tellers(text, "the reports aim")[-2:] == ["APA", "Ali Saleh"]


def test_he_is_the_person_the_sentence_before_was_about(nlp):
    text = (
        "A senior official said the papers were real. Tom Baro ducked questions about them on Monday. "
        "“We need not confirm anything,” he said."
    )
    assert teller(text, "We need not confirm")[0] == "Tom Baro"
    # the subject of a relative clause inside what was said is not who speaks next
    text = (
        "Spokesman Ian Kelly said the issue reflects graft, a problem that Tom Baro has taken seriously. "
        "He also said the sector has promise."
    )
    assert teller(text, "the sector has promise")[0] == "Ian Kelly"


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "The Courier got an outline. The outline, according to the Courier, says the fleet is growing.",
            "the fleet is growing",
            ["Courier", "the outline"],
        ),
        (
            "The Courier got an outline. "
            "The outline also said, according to the Courier, that ships were sold.",
            "that ships were sold",
            ["Courier", "the outline"],
        ),
        (
            "The Courier got an outline. "
            "The outline, according to the Courier report, says the fleet is growing.",
            "the fleet is growing",
            ["Courier", "the outline"],
        ),
    ],
)
def test_an_according_to_aside_inside_a_report_tells_it(nlp, text, content, expected):
    assert tellers(text, content)[-2:] == expected


def test_an_outlet_quoting_an_outlet_after_the_report(nlp):
    text = 'The chief said the man is "armed and dangerous", news agency ANI quoted media outlet CNN.'
    assert tellers(text, "armed and dangerous") == ["ANI", "CNN", "The chief"]


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "A Harbor Gate spokesman said the talks had collapsed.",
            "the talks",
            ("a Harbor Gate spokesman", "named"),
        ),
        (
            "A spokeswoman for the ministry told the Courier that the port was open.",
            "the port",
            ("a spokeswoman for the ministry", "named"),
        ),
        (
            "A Harbor Gate spokesman said the talks had collapsed. "
            "The spokesman added that 300 jobs would go.",
            "300 jobs",
            ("a Harbor Gate spokesman", "named"),
        ),
        (
            "A spokesman, who spoke on condition of anonymity, said the talks had collapsed.",
            "the talks",
            ("a spokesman", "anonymous"),
        ),
        ("A senior official said the talks had collapsed.", "the talks", ("a senior official", "anonymous")),
        (
            "A spokesman who declined to be named said the talks had collapsed.",
            "the talks",
            ("a spokesman", "anonymous"),
        ),
        (
            "An unnamed spokesman said the talks had collapsed.",
            "the talks",
            ("an unnamed spokesman", "anonymous"),
        ),
        (
            "A representative of Harbor Gate said the talks had collapsed.",
            "the talks",
            ("a representative of Harbor Gate", "named"),
        ),
    ],
)
def test_a_spokesperson_speaks_on_the_record_unless_the_text_withholds_who(nlp, text, content, expected):
    assert teller(text, content) == expected


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "The minister responded to growing media reports that the port had been sold.",
            "that the port had been sold",
            ("growing media reports", "outlet"),
        ),
        (
            "The minister dismissed rumors that the port had been sold.",
            "that the port had been sold",
            ("rumors", "anonymous"),
        ),
    ],
)
def test_a_report_or_rumour_with_no_source_is_unnamed_media_or_anonymous(nlp, text, content, expected):
    claims = [c for c in analyze_text(text).claims if content in c.content.text]
    inner = min(claims, key=lambda c: len(c.content.text))  # the report's claim, not the minister's
    assert (inner.chain[-1].label, inner.chain[-1].kind) == expected


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "A newspaper report claimed that the port had been sold. "
            "The report also said that the sale was secret.",
            "the sale was secret",
            ("a newspaper report", "outlet"),
        ),
        (
            "A report by Greenpeace said the river was polluted. The report said fish had died.",
            "fish had died",
            ("Greenpeace", "named"),
        ),
        (
            "A report said the river was polluted. The report said fish had died.",
            "fish had died",
            ("the report", "document"),
        ),
        (
            "The ferries were halted, the Kenyan news website reported.",
            "The ferries",
            ("the Kenyan news website", "outlet"),
        ),
        (
            "The ferries were halted, the Kenyan news website Vrtx reported.",
            "The ferries",
            ("Vrtx", "outlet"),
        ),
        (
            "The club's website says the stadium holds 40,000 people.",
            "the stadium",
            ("the club's website", "document"),
        ),
    ],
)
def test_unnamed_news_media_and_the_report_that_refers_back_to_them(nlp, text, content, expected):
    assert teller(text, content) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Oil Minister Rana Odero spoke on the radio. The official argued that prices would rise.",
            ("Rana Odero", "named"),
        ),
        (
            "Ambassador Ali Saleh met the board. The diplomat said that prices would rise.",
            ("Ali Saleh", "named"),
        ),
        (
            # an unnamed official spoke before: "the official" is that one
            "Oil Minister Rana Odero spoke on the radio. A senior official said the port was shut. "
            "The official argued that prices would rise.",
            ("a senior official", "anonymous"),
        ),
        (
            # a diplomat is not any office-holder
            "Oil Minister Rana Odero spoke on the radio. The diplomat said that prices would rise.",
            ("the diplomat", "anonymous"),
        ),
    ],
)
def test_the_official_is_the_titled_person_named_before(nlp, text, expected):
    assert teller(text, "prices would rise") == expected


def test_a_source_cut_to_its_paragraph_is_headed_inside_what_is_left(nlp):
    """The parser ran a headline into the sentence and made its noun the subject; the source was cut
    to the paragraph ("The Defense Ministry"): the head is the root of what is left, not "reports"."""
    from sourcetrace.attributions.sources import _head_within

    text = "Ministry checking media reports\n\nThe Defense Ministry said it was checking them."
    doc = nlp(text)
    reports = next(t for t in doc if t.text == "reports")
    start = text.index("The Defense")
    source = (start, start + len("The Defense Ministry"))
    assert _head_within(reports, source).text == "Ministry"
    ministry = next(t for t in doc if t.text == "Ministry" and t.idx > start)
    assert _head_within(ministry, source) is ministry


def test_the_official_after_an_unnamed_source_spoke_is_not_the_named_one(nlp):
    text = (
        "Security Adviser Rana Odero got the report. "
        "“The agency wrote it,” an intelligence officer told the Courier. "
        "The official said the president was not involved."
    )
    assert teller(text, "the president was not involved") == ("the official", "anonymous")


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "The test failed, a news agency report said.",
            "The test failed",
            [("a news agency report", "outlet")],
        ),
        (
            "A report by local media said the test failed.",
            "the test failed",
            [("a report by local media", "outlet")],
        ),
        ("A press report said the test failed.", "the test failed", [("a press report", "outlet")]),
        (
            # an outlet's own report speaks as the outlet; a paper it publishes is passed on
            "According to the report published by Reuters, the test failed.",
            "the test failed",
            [("Reuters", "outlet")],
        ),
        (
            "An email published by VICE News said the test failed.",
            "the test failed",
            [("Vice News", "outlet"), ("an email", "document")],  # the gazetteer name
        ),
    ],
)
def test_a_report_made_by_news_media_is_an_outlet(nlp, text, content, expected):
    claims = analyze_text(text, publisher="Daily").claims
    claim = next(c for c in claims if content in c.content.text)
    assert [(link.label, link.kind) for link in claim.chain[1:]] == expected


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        ("The complaint said the firm had hidden losses.", "hidden losses", ("the complaint", "document")),
        (
            "The indictment alleges that the firm had hidden losses.",
            "hidden losses",
            ("the indictment", "document"),
        ),
        # a standing text speaks for itself, not as its owner's statement
        (
            "The league's rules state that an agent can act for only one party.",
            "one party",
            ("the league's rules", "document"),
        ),
        # a paper with an owner still speaks as the owner ("a Kyodo report")
        (
            "The Harbor Gate complaint said the firm had hidden losses.",
            "hidden losses",
            ("Harbor Gate", "named"),
        ),
    ],
)
def test_legal_and_standing_papers_are_documents(nlp, text, content, expected):
    assert teller(text, content) == expected


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        # a public body's report is read as a paper, and "the report" later is that paper
        (
            "The State Department report said the site was active. The report also said data was blocked.",
            "data was blocked",
            ("the State Department report", "document"),
        ),
        ("The U.S. report said the site was active.", "the site", ("the U.S. report", "document")),
        # an outlet speaks through its report, anyone through a statement, an X article makes X an outlet
        ("Bloomberg's report said the site was active.", "the site", ("Bloomberg", "outlet")),
        (
            "The State Department's statement said the site was active.",
            "the site",
            ("State Department", "named"),
        ),
        ("A Harbor Gate article said the site was active.", "the site", ("Harbor Gate", "named")),
    ],
)
def test_a_public_bodys_report_is_a_document(nlp, text, content, expected):
    assert teller(text, content) == expected


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "The navy denied it, despite reports from journalists on board saying the contrary.",
            "the contrary",
            ("journalists on board", "anonymous"),
        ),
        ("A report by witnesses said the ship was hit.", "the ship was hit", ("witnesses", "anonymous")),
        # unnamed media stay news media
        (
            "A report by local media said the ship was hit.",
            "the ship was hit",
            ("a report by local media", "outlet"),
        ),
    ],
)
def test_a_report_from_unnamed_people_is_theirs(nlp, text, content, expected):
    assert teller(text, content) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Courier reported that the fleet was growing. The white paper says that ships were sold.",
            ("the white paper", "document"),
        ),
        (
            "The Courier reported that the fleet was growing. The paper says that ships were sold.",
            ("Courier", "outlet"),
        ),
    ],
)
def test_a_white_paper_is_a_document_and_the_paper_a_newspaper(nlp, text, expected):
    label, kind = teller(text, "ships were sold")
    assert (label, kind) == expected


def test_the_medium_is_the_outlet_named_before(nlp):
    text = "The Courier reported that the plant would close. According to the medium, 200 jobs will go."
    assert teller(text, "200 jobs will go") == ("Courier", "outlet")


def test_it_suggests_is_the_paper_speaking_again(nlp):
    text = (
        "A leaked cabinet paper said the office was overwhelmed. "
        "It also suggests that a fee could be charged."
    )
    assert teller(text, "a fee could be charged") == ("a leaked cabinet paper", "document")
    # an expletive "it" with a copula stays no teller
    text = "It is suggested that a fee could be charged."
    claims = [c for c in analyze_text(text).claims if "a fee could be charged" in c.content.text]
    assert all(c.chain[-1].kind == "unattributed" for c in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The report was first broken by the Lisbon Post website. "
            "The report claimed that the minister had resigned.",
            "Lisbon Post",
        ),
        (
            "Harbor Gate issued a statement on Monday. The statement claimed that the minister had resigned.",
            "Harbor Gate",
        ),
    ],
)
def test_the_report_is_whoever_broke_or_issued_it(nlp, text, expected):
    assert expected in teller(text, "the minister had resigned")[0]


def test_a_name_before_the_title_is_not_the_official(nlp):
    text = (
        "A senior Carter administration official said on Tuesday that the plan would go ahead. "
        "“We welcome constructive steps,” the official said."
    )
    official = ("a senior Carter administration official", "anonymous")
    assert teller(text, "the plan would go ahead") == official
    assert teller(text, "We welcome constructive steps") == official


@pytest.mark.parametrize(
    ("text", "content_start", "expected"),
    [
        (
            "Harbor Post\n\nOne official asked what the navy knew.\n\n"
            "Another warned that it is highly likely that the navy would come.",
            "it is highly likely",
            ["another official"],
        ),
        (
            "Harbor Post\n\nSeveral news outlets were given secret memos from a meeting of deputy ministers "
            "this week.\n\nThe latest, obtained by The Canadian Press on Tuesday, warned that the "
            "reputation was being eroded.",
            "the reputation was being eroded",
            ["The Canadian Press", "the latest memo"],
        ),
        (
            "Harbor Post\n\nThe minister met two envoys. Another of the envoys said the talks failed.",
            "the talks failed",
            ["Another of the envoys"],
        ),
    ],
)
def test_an_elliptical_subject_is_the_noun_it_leaves_out(nlp, text, expected, content_start):
    # "Another warned" after "One official": another official, unnamed too; "The latest" of the memos
    # is a memo the outlet obtained; "Another of the envoys" names its noun itself
    assert tellers(text, content_start) == expected


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        # a pronoun the person's own clause used ("said he was disappointed")
        (
            "Ana Lopes said the talks had failed. Her deputy, Tom Baro, said he was disappointed. "
            "She added that a new round was planned.",
            "a new round was planned",
            "Ana Lopes",
        ),
        # honorifics
        (
            "Ms Lopes chaired the meeting. Mr Baro said the deal was fair. "
            "She said the strike would last a week.",
            "the strike would last a week",
            "Lopes",
        ),
        (
            "Tom Baro said he would not resign. Mrs. Lopes, the council's chairwoman, said the vote "
            "was close. He said the vote was unfair.",
            "the vote was unfair",
            "Tom Baro",
        ),
        # a gendered role word, and a "he" already read as the other person
        (
            '"We will not sign this deal," said Ana Lopes, the union\'s spokeswoman. Tom Baro, the mayor, '
            "disagreed. He said the deal was fair. She also said the strike would last a week.",
            "the strike would last a week",
            "Ana Lopes",
        ),
        # no evidence either way: the last person who spoke, as before
        (
            "Ana Lopes said the talks had failed. Tom Baro said the deal was fair. "
            "She said the strike would last a week.",
            "the strike would last a week",
            "Tom Baro",
        ),
        # a pronoun about someone else in the person's clause says nothing of the person: "she" is
        # the minister's, "him" the object's, "her" after another noun phrase may be its
        (
            "Ali Khan said the plan was sound. John Smith said the minister had resigned because she "
            "was exhausted. He added that the party would recover.",
            "the party would recover",
            "John Smith",
        ),
        (
            "Ana Lopes said the talks had failed. Tom Baro said the mayor had praised her. "
            "He added that a new round was planned.",
            "a new round was planned",
            "Tom Baro",
        ),
        (
            "Ana Lopes said the talks had failed. Tom Baro said the report cleared her of blame. "
            "He added that a new round was planned.",
            "a new round was planned",
            "Tom Baro",
        ),
        # "it" is never a person, "she" never an organisation
        (
            "Zenith Bank said profits rose. Chief executive Ana Lopes said costs were down. "
            "It added that dividends would rise.",
            "dividends would rise",
            "Zenith Bank",
        ),
        (
            "Zenith Bank said profits rose. Chief executive Ana Lopes said costs were down. "
            "She added that dividends would rise.",
            "dividends would rise",
            "Ana Lopes",
        ),
    ],
)
def test_he_and_she_agree_with_what_the_text_says_of_the_person(nlp, text, content, expected):
    assert teller(text, content) == (expected, "named")


def test_a_name_with_a_role_in_apposition_is_a_person_whatever_the_model_says(nlp):
    text = (
        "Prime Minister Taro Aso said no inquiry was needed. "
        "“The government is hiding something,” Renho, the head of the Democratic Party, said later. "
        "The refusal “will only deepen suspicions,” she said."
    )
    assert teller(text, "will only deepen suspicions") == ("Renho", "named")


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        # the description's head names the sort of organisation it stands for
        (
            "The Ministry of Finance said taxes would rise. Zenith Bank said profits fell. "
            "The ministry added that the bank was safe.",
            "the bank was safe",
            "Ministry of Finance",
        ),
        (
            "Zenith Bank said profits rose. The Labour Party said the figures were false. "
            "The bank said it stood by them.",
            "it stood by them",
            "Zenith Bank",
        ),
        (
            "The Labour Party said the figures were false. Zenith Bank said profits rose. "
            "The party said it would ask for an inquiry.",
            "it would ask for an inquiry",
            "Labour Party",
        ),
        (
            "Acme Corp said sales fell. Analysts at Morgan Bank said the company was losing ground. "
            "The lender said rates would rise.",
            "rates would rise",
            "Morgan Bank",
        ),
        (
            "Elliott Investment Management said it had no stake. The hedge fund said the report was wrong.",
            "the report was wrong",
            "Elliott Investment Management",
        ),
        # a company named but not yet a source
        (
            "Talks between Acme Corp and the union broke down on Monday. "
            "The company said the union had walked out.",
            "the union had walked out",
            "Acme Corp",
        ),
        # a sort nobody named is the description itself, and "it" refers back to it
        (
            "Zenith Bank said profits rose. The ministry said the bank had broken no rules.",
            "the bank had broken no rules",
            "the ministry",
        ),
        (
            "The ministry said the deal was unfair. It also said the workers would strike.",
            "the workers would strike",
            "the ministry",
        ),
        # an organisation named before whose name does not say its sort ("Societe Generale")
        (
            "Regulators have not notified Societe Generale director Robert Day, his spokesman said. "
            "Day sold shares before the French bank announced its losses. "
            "The bank has also said it was contacted by prosecutors.",
            "it was contacted by prosecutors",
            "Societe Generale",
        ),
        # "it" for an organisation named before that has not spoken yet
        (
            "Mary Okafor met the chief of Zenith Bank on Monday. It said the loans were safe.",
            "the loans were safe",
            "Zenith Bank",
        ),
    ],
)
def test_an_organisation_description_finds_an_organisation_of_its_sort(nlp, text, content, expected):
    assert teller(text, content) == (expected, "named")


def test_he_and_she_are_never_a_group(nlp):
    text = (
        "A number of media cited the minister's interview, Tass reported. "
        "Peskov told Tass he had said nothing. "
        "She recalled that the talks had been reported."
    )
    assert teller(text, "the talks had been reported") == ("Peskov", "named")


def test_she_after_a_spokesperson_the_model_read_as_an_organisation(nlp):
    text = (
        "Department spokesperson Marika Champion said officials visited the site. "
        "She added that the department was responsible for the health of citizens."
    )
    assert teller(text, "the department was responsible") == ("Marika Champion", "named")


def test_a_description_before_the_name_is_the_one_person_named_next_with_that_title(nlp):
    text = (
        "The Afghan general in charge of security at the ministry denied reports by local media that an "
        "attack had been foiled. General Omar Zadran, commander of the security brigade, blamed spies."
    )
    assert teller(text, "reports by local media") == ("Omar Zadran", "named")
    # two people named next with that title: no guess
    two = (
        "The general in charge of security denied reports that an attack had been foiled. "
        "General Omar Zadran and General Ali Noori blamed spies."
    )
    assert teller(two, "reports that an attack") == ("The general in charge of security", "named")


def test_a_bodys_office_holder_named_after_it_and_a_dateline_after_the_headline(nlp):
    text = (
        "Ministry Denies Talks With Rebels\n\n"
        "KABUL (Kabul Wire): The Ministry of Interior has rejected a report claiming its spokesman "
        "spoke about talks with the rebels.\n\n"
        "The Daily Courier reported Thursday, quoting ministry spokesman Mufti Abdul Karim Nasiri as "
        "saying the talks had begun.\n\n"
        "However, the ministry spokesman said the report was baseless."
    )
    assert teller(text, "a report claiming its spokesman") == ("Ministry of Interior", "named")
    report = next(c for c in analyze_text(text).claims if c.content.text.startswith("talks with the rebels"))
    assert [link.label for link in report.chain][-2:] == ["a report", "Abdul Karim Nasiri"]
    assert teller(text, "the report was baseless") == ("Abdul Karim Nasiri", "named")
    # a person's spokesman is not the titled person named before
    other = (
        "Tom Baro, a spokesman for the council, said the road was shut. Ana Lopes said it was open. "
        "Her spokesman said the signs were wrong."
    )
    assert teller(other, "the signs were wrong") == ("Her spokesman", "named")


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "The Kenya Airports Authority said the reports were fake. "
            "“We are treating this report as fake news,” the Authority concluded.",
            "fake news",
            "Kenya Airports Authority",
        ),
        (
            "The Ministry of Health said clinics were open. “We have enough vaccines,” the Ministry added.",
            "enough vaccines",
            "Ministry of Health",
        ),
        (
            "Acme Holdings Company said sales fell. Zenith Bank said profits rose. "
            "The Company added that prices would rise.",
            "prices would rise",
            "Acme Holdings Company",
        ),
    ],
)
def test_a_body_called_by_its_capitalised_head_is_the_body_named_before(nlp, text, content, expected):
    assert teller(text, content) == (expected, "named")


def test_a_cue_inside_a_quotation_is_the_speakers_even_when_a_misread_cue_holds_it_too(nlp):
    # "has been reported" is read with the words before it as its content, so it and "has
    # concluded" hold each other's cue; the speaker's quotation holds both and is the parent
    text = (
        "“Our investigation has concluded that there was no cargo of this nature that has passed "
        "through the airport for the last two weeks and no missing cargo has been reported to the "
        "police,” said the authority in a statement."
    )
    claim = next(c for c in analyze_text(text).claims if c.content.text.startswith("that there was no cargo"))
    assert [(link.label, link.kind) for link in claim.chain] == [
        ("the authority in a statement", "named"),
        ("Our investigation", "document"),
    ]


def test_a_proper_name_source_the_model_split_is_the_person_named_in_it_elsewhere(nlp):
    # the entity model reads "Datuk Seri Tuan" as one person here and finds "Tuan Rashid" only in
    # the next sentence: the speaker is the person whose full name the source phrase holds
    text = (
        "IPOH: Caretaker Housing and Local Government minister Datuk Seri Tuan Rashid Tuan Man said "
        "the ministry had approved no projects.\nTuan Rashid was commenting on a report today."
    )
    analysis = analyze_text(text)
    names = {a.id: a.name for a in analysis.actors}
    said = next(t for t in analysis.attributions if "approved no projects" in t.content.text)
    assert names[said.source_actor] == "Tuan Rashid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "also" goes on with the person who spoke in the sentence before, under a new description
        (
            "Jonas Berg said the plant would close in June.\n"
            "The Labour deputy leader also said the workers would be paid in full.",
            "Jonas Berg",
        ),
        # without "also" the description may be someone else: it is not given to Berg
        (
            "Jonas Berg said the plant would close in June.\n"
            "The Labour deputy leader said the workers would be paid in full.",
            None,
        ),
    ],
)
def test_a_description_that_also_speaks_is_the_person_who_spoke_before(nlp, text, expected):
    analysis = analyze_text(text)
    names = {a.id: a.name for a in analysis.actors}
    said = next(t for t in analysis.attributions if "the workers" in t.content.text)
    assert names.get(said.source_actor) == expected


@pytest.mark.parametrize("head", ["automaker", "carmaker"])
def test_the_automaker_is_the_company_named_before_not_a_country_that_spoke(nlp, head):
    # "U.S. regulators" spoke last; "the automaker" is of the company's sort, never a country
    text = (
        "Kestrel Motors faces a probe over its engines. U.S. regulators revealed the cheating in 2015. "
        f"The {head} said that its board had not breached its duties."
    )
    analysis = analyze_text(text)
    claim = next(c for c in analysis.claims if "its board had not" in c.content.text)
    assert analysis.actor(claim.chain[-1].actor).name == "Kestrel Motors"


@pytest.mark.parametrize(
    ("text", "content_start", "expected"),
    [
        # "the statement" nobody was named as issuing: the words of the teller who spoke last
        (
            "The police said the road was closed on Monday.\n"
            "The statement added that the driver had fled to Kent.",
            "the driver had fled",
            ("the police", "named"),
        ),
        # each such statement is the last teller's, never remembered as the next statement's issuer
        (
            "The police said the road was closed on Monday. The statement added that the driver had fled."
            "\n\nLater, the mayor said the town was calm. The statement added that schools would reopen.",
            "schools would reopen",
            ("the mayor", "named"),
        ),
        # a statement named before only as where someone spoke ("In a statement, she ...")
        (
            "In a statement, she called the report a lie. Ana Lopes said: “My attention has been drawn to a "
            "story.”\nThe statement added: “I own no house in London.”",
            "I own no house",
            ("Ana Lopes", "named"),
        ),
        # a statement the text introduced as a paper stays one; "the release" may be a paper of its own
        (
            "A statement posted on the club's website said the coach had left. "
            "The statement added that a new coach would be named soon.",
            "a new coach would be named",
            ("the statement", "document"),
        ),
        (
            "Tom Baro said the mine was safe. The release added that no worker was hurt.",
            "no worker was hurt",
            ("the release", "document"),
        ),
        # only a named person or body's statement, and only from its own or the previous paragraph
        (
            "Sources said the talks had failed. The statement added that new talks were planned.",
            "new talks were planned",
            ("the statement", "document"),
        ),
        (
            "Reuters reported the talks had failed. The statement said new talks were planned.",
            "new talks were planned",
            ("the statement", "document"),
        ),
        (
            "John Smith said the plant was safe.\n\nThe weather was fine on Tuesday and many people "
            "visited the fair.\n\nThe statement said the plant would reopen.",
            "the plant would reopen",
            ("the statement", "document"),
        ),
        (  # a quoted paragraph carrying on the teller's words is no paragraph between
            "Ana Lopes said: “The plant is safe.”\n\n“Nobody was hurt.”\n\n"
            "The statement added: “The plant will reopen.”",
            "The plant will reopen",
            ("Ana Lopes", "named"),
        ),
        (
            "John Smith said the plant was safe.\n\nThe statement said the plant would reopen.",
            "the plant would reopen",
            ("John Smith", "named"),
        ),
        # an issuer named stays the issuer
        (
            "The ministry issued a statement on Monday. The statement said the port was open.",
            "the port was open",
            ("the ministry", "named"),
        ),
    ],
)
def test_the_statement_is_the_words_of_the_last_teller(text, content_start, expected):
    assert teller(text, content_start) == expected


def test_a_teller_label_never_keeps_an_unbalanced_parenthesis():
    """ "X (ACRONYM) said": the teller's link, and "the statement" that is its words
    (`ActorBook._teller_actor`), carry the brackets whole (`spans.trim` keeps a closing bracket whose
    opener is inside), never the parser's cut "The Prime Minister's Office (PMO"."""
    text = (
        "The Prime Minister's Office (PMO) said the port was open. "
        "The statement (PMO) added that ships (U.S.) could dock."
    )
    assert teller(text, "the port was open") == ("The Prime Minister's Office (PMO)", "named")
    assert teller(text, "ships (U.S.) could dock") == ("the Prime Minister's Office (PMO)", "named")
