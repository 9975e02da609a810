"""Claims stage alone on short texts, and the chains of the bundled article."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.attributions import find_attributions
from sourcetrace.claims import build_claims
from sourcetrace.model import Actor, Article, ArticleStructure, Claim
from sourcetrace.sourcing import voice
from tests.helpers import span_of as span


def claims_of(nlp, text: str, actors: list[Actor] | None = None, **article) -> list[Claim]:
    art = Article(text=text, **article)
    doc = nlp(text)
    atts, actors = find_attributions(doc, art, actors or [])
    return build_claims(doc, art, atts, actors)


def chain(claim: Claim) -> list[tuple[str, str]]:
    return [(link.label, link.kind) for link in claim.chain]


def test_unattributed_and_attributed_sentences_under_the_publisher(nlp):
    text = "The bridge collapsed on Monday. The mayor said that repairs will start soon."
    claims = claims_of(nlp, text, publisher="Daily Bugle")
    assert [c.id for c in claims] == ["c1", "c2"]
    assert [c.content.text for c in claims] == [
        "The bridge collapsed on Monday",
        "that repairs will start soon",
    ]
    assert chain(claims[0]) == [("Daily Bugle", "publisher"), ("unattributed", "unattributed")]
    assert chain(claims[1]) == [("Daily Bugle", "publisher"), ("The mayor", "named")]
    assert claims[1].chain[1].attribution is not None


def test_nested_chain_is_outermost_first(nlp):
    text = "The newspaper reported that an official revealed that the plan was dropped."
    (claim,) = claims_of(nlp, text)
    assert claim.content.text == "that the plan was dropped"
    assert chain(claim) == [("The newspaper", "named"), ("an official", "anonymous")]


def test_no_source_is_invented(nlp):
    (claim,) = claims_of(nlp, "The dam was built in 1950.")
    assert chain(claim) == [("unattributed", "unattributed")]
    assert claim.chain[0].actor is None and claim.chain[0].attribution is None


def test_a_report_nobody_is_named_for_is_unattributed_not_reportedly(nlp):
    (claim,) = claims_of(nlp, "The club is reportedly spending $1.5 million on ads.")
    assert [p.text for p in claim.content.parts] == ["The club is", "spending $1.5 million on ads"]
    assert chain(claim) == [("unattributed", "unattributed")]


def test_hedge_span(nlp):
    (claim,) = claims_of(nlp, "It is not known whether the dam will hold.")
    assert claim.hedged is True
    assert claim.hedge.text == "It is not known whether"


def test_denial_stance_reaches_the_claim(nlp):
    (claim,) = claims_of(nlp, "The company denied the allegations.")
    assert (claim.content.text, claim.stance) == ("the allegations", "denies")


def test_claim_actors_are_those_named_in_the_content(nlp):
    text = "Jane Doe said that Acme will close its plant."
    actors = [
        Actor(id="a1", name="Jane Doe", type="PERSON", kind="named", mentions=[span(text, "Jane Doe")]),
        Actor(id="a2", name="Acme", type="ORG", kind="named", mentions=[span(text, "Acme")]),
    ]
    (claim,) = claims_of(nlp, text, actors)
    assert claim.actors == ["a2"]
    assert claim.chain[-1].actor == "a1"


def test_questions_fragments_and_boilerplate_are_not_claims(nlp):
    text = "Why did it fail?\nRead more.\nThe plant closed in May.\nExit mobile version\n"
    structure = ArticleStructure(boilerplate=[span(text, "Exit mobile version")])
    claims = claims_of(nlp, text, structure=structure)
    assert [c.content.text for c in claims] == ["The plant closed in May"]


def test_headline_without_cue_is_the_publishers_claim(nlp):
    text = "Plant to close in May\n\nThe plant will close in May.\n"
    structure = ArticleStructure(headline=span(text, "Plant to close in May"), body_start=23)
    claims = claims_of(nlp, text, publisher="Bugle", structure=structure)
    assert [c.content.text for c in claims] == ["Plant to close in May", "The plant will close in May"]
    assert chain(claims[0]) == [("Bugle", "publisher"), ("unattributed", "unattributed")]


def test_sentence_inside_a_dateline_frame_is_the_outlets_own_voice(nlp):
    from sourcetrace.structure import detect_structure

    text = (
        "Port reopens after strike\n\n"
        "LISBON, March 15 (Atlantic Wire) - The port reopened on Monday after a four-day strike. "
        "The union said that the deal was fair.\n"
    )
    found = detect_structure(text)
    claims = claims_of(nlp, text, publisher="Daily Bugle", structure=found.structure)
    by_text = {c.content.text: c for c in claims}
    reopened = by_text["The port reopened on Monday after a four-day strike"]
    # the framed outlet speaks: no "unattributed" hop after it
    assert chain(reopened) == [("Daily Bugle", "publisher"), ("Atlantic Wire", "outlet")]
    assert voice(reopened) == "Atlantic Wire's own voice, as republished by Daily Bugle"
    said = by_text["that the deal was fair"]
    assert chain(said) == [("Daily Bugle", "publisher"), ("Atlantic Wire", "outlet"), ("the union", "named")]
    assert voice(said) is None
    # the headline sits above the frame: the page's own voice, still unattributed
    assert chain(by_text["Port reopens after strike"]) == [
        ("Daily Bugle", "publisher"),
        ("unattributed", "unattributed"),
    ]


def test_framed_outlet_without_a_publisher_speaks_alone(nlp):
    from sourcetrace.structure import detect_structure

    text = "Port reopens after strike\n\nLISBON, March 15 (Atlantic Wire) - The port reopened on Monday.\n"
    claims = claims_of(nlp, text, structure=detect_structure(text).structure)
    reopened = next(c for c in claims if c.content.text == "The port reopened on Monday")
    assert chain(reopened) == [("Atlantic Wire", "outlet")]
    assert voice(reopened) == "Atlantic Wire's own voice"


# --------------------------------------------------------------------------- bundled article


def test_bundled_chain_to_the_anonymous_official(bundled_analysis):
    claim = next(
        c
        for c in bundled_analysis.claims
        if "Hassan Kazemi Qumi" in c.content.text and "is routinely participating in" in c.content.text
    )
    assert chain(claim) == [
        ("NCRI", "publisher"),
        ("al-Malaf", "outlet"),
        ("a U.S. embassy official in Baghdad", "anonymous"),
    ]


def test_bundled_resolved_sources_share_the_official_label(bundled_analysis):
    def last_label(fragment: str) -> tuple[str, str]:
        claim = next(c for c in bundled_analysis.claims if fragment in c.content.text)
        return chain(claim)[-1]

    official = ("a U.S. embassy official in Baghdad", "anonymous")
    assert last_label("an Iranian intelligence officer identified as") == official  # The source said
    assert last_label("the management of security meetings") == official  # He noted
    assert last_label("have prepared official draft legislation") == official  # According to the same source


def test_bundled_denial_document_headline_and_boilerplate(bundled_analysis):
    claims = bundled_analysis.claims
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]
    assert [c.content.start for c in claims] == sorted(c.content.start for c in claims)
    denied = next(c for c in claims if c.content.text == "these meddling")
    assert denied.stance == "denies"
    assert chain(denied)[-1] == ("the two Iraqi governments", "named")
    document = next(c for c in claims if c.content.text.startswith("the role of Iranian Quds force"))
    assert chain(document)[-1][1] == "document"
    headline = claims[0]
    assert (
        headline.content.text == "Iranian regime’s ambassador supervises illegal security apparatus in Iraq"
    )
    assert chain(headline) == [("NCRI", "publisher"), ("al-Malaf", "outlet")]
    assert not any("Exit mobile version" in c.content.text for c in claims)
    hedged = next(c for c in claims if c.hedge is not None)
    assert hedged.hedge.text == "it is not officially known whether"


def test_bundled_sentence_inside_the_outlet_frame_is_the_outlets_own_voice(bundled_analysis):
    # no source inside al-Malaf's dateline frame: al-Malaf speaks (issue 10), no "unattributed" hop
    claim = next(c for c in bundled_analysis.claims if c.content.text.startswith("Day by day more facts"))
    assert chain(claim) == [("NCRI", "publisher"), ("al-Malaf", "outlet")]
    assert [link.frame for link in claim.chain] == [True, True]
    assert voice(claim) == "al-Malaf's own voice, as republished by NCRI"
    # al-Malaf as the teller of a sentence ("al-Malaf reported") is a source, not a frame
    told = next(c for c in bundled_analysis.claims if c.content.text.startswith("One of the functions"))
    assert chain(told) == [("NCRI", "publisher"), ("al-Malaf", "outlet")]
    assert [link.frame for link in told.chain] == [True, False] and voice(told) is None


def test_outer_attribution_that_says_more_is_a_claim_too(nlp):
    text = (
        "The aide said that the mayor told reporters that he would resign, but the council refused the offer."
    )
    claims = claims_of(nlp, text)
    assert [c.content.text for c in claims] == [
        "that the mayor told reporters that he would resign, but the council refused the offer",
        "that he would resign",
    ]
    assert chain(claims[1]) == [("the aide", "anonymous"), ("the mayor", "named")]


def test_a_teller_who_reports_a_deed_keeps_the_whole_clause_as_a_claim(nlp):
    # "had agreed to send", "plans to disclose": what someone did or means to do, told by another,
    # is the teller's claim as a whole (beside the nested one); a nested speech verb is not a deed
    claims = claims_of(nlp, "The agency said the two governments had agreed to send envoys.")
    assert [(c.content.text, [label for label, _ in chain(c)]) for c in claims] == [
        ("the two governments had agreed to send envoys", ["The agency"]),
        ("to send envoys", ["The agency", "the two governments"]),
    ]
    told = claims_of(nlp, "The agency said the minister told reporters the talks had failed.")
    assert [c.content.text for c in told] == ["the talks had failed"]


def test_imperative_is_not_a_claim(nlp):
    assert [c.content.text for c in claims_of(nlp, "Read the rest here. The mayor resigned.")] == [
        "The mayor resigned"
    ]


@pytest.mark.parametrize(
    ("text", "report_chain"),
    [
        (
            "Harbor Gate denied suggestions that it had bribed officials.",
            [("Daily", "publisher"), ("suggestions", "unattributed")],
        ),
        (
            "The firm denied a report in the Courier that it had hidden losses.",
            [("Daily", "publisher"), ("Courier", "outlet")],
        ),
        (
            "The ministry rejected claims by the opposition that the vote was rigged.",
            [("Daily", "publisher"), ("the opposition", "named")],
        ),
        (
            "The ministry dismissed reports that the port would close.",
            [("Daily", "publisher"), ("reports", "outlet")],  # unnamed news media
        ),
        (
            # a report that names no one is called what the text calls it
            "The ministry dismissed media reports that the port would close.",
            [("Daily", "publisher"), ("media reports", "outlet")],
        ),
        (
            "The ministry rejected claims by the opposition that the port would close as baseless.",
            [("Daily", "publisher"), ("the opposition", "named")],
        ),
        (
            "Reports that the port would close were denied by the ministry.",
            [("Daily", "publisher"), ("Reports", "outlet")],
        ),
        (
            "The ministry called the Courier's report that the port would close fabricated.",
            [("Daily", "publisher"), ("Courier", "outlet")],
        ),
    ],
)
def test_a_denied_report_is_two_claims_and_never_the_deniers_assertion(nlp, text, report_chain):
    from sourcetrace.analysis import analyze_text

    claims = analyze_text(text, publisher="Daily").claims
    denial = [c for c in claims if c.stance == "denies"]
    report = [c for c in claims if c.stance == "asserts"]
    assert len(denial) == 1 and len(report) == 1, [(c.stance, c.content.text) for c in claims]
    assert [(link.label, link.kind) for link in report[0].chain] == report_chain
    assert report[0].content.text.startswith("that ")
    assert denial[0].chain[-1].label not in ("suggestions", "Courier", "the opposition")


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (
            "The Courier reported that the mayor had resigned. The report was denied by the city council.",
            ("the city council", "The report"),
        ),
        (
            "The Courier said the mayor took bribes. The claims were rejected by Maria Costa as baseless.",
            ("Maria Costa", "The claims"),
        ),
        (
            "The Courier said the port would close. The report was dismissed by the Premier as nonsense.",
            ("the Premier", "The report"),
        ),
        (
            "The Courier said the port would close. Maria Costa rejected the report as false.",
            ("Maria Costa", "the report"),
        ),
        (
            "The Courier said the port would close. Maria Costa called the report fabricated.",
            ("Maria Costa", "the report fabricated"),
        ),
    ],
)
def test_a_report_denied_in_the_next_sentence_stays_the_reports(nlp, text, denied):
    from sourcetrace.analysis import analyze_text

    claims = analyze_text(text, publisher="Daily").claims
    assert [(c.chain[-1].label, c.stance) for c in claims] == [("Courier", "asserts"), (denied[0], "denies")]
    assert claims[1].content.text == denied[1]


def test_what_is_said_with_a_denial_denies_and_a_denied_speech_is_no_assertion(nlp):
    from sourcetrace.analysis import analyze_text

    text = "Officials responded to the paper, denying the claim and saying that the talks had failed."
    claims = analyze_text(text).claims
    assert [(c.content.text, c.stance) for c in claims] == [
        ("to the paper", "asserts"),
        ("the claim", "denies"),
        ("that the talks had failed", "denies"),
    ]
    # "X denied that Y said P": X's denial is a claim, and Y's P is never asserted in X's chain
    claims = analyze_text("The ministry denied that the minister had said the port would close.").claims
    assert [(chain(c), c.content.text, c.stance) for c in claims] == [
        ([("the ministry", "named")], "that the minister had said the port would close", "denies"),
        ([("the ministry", "named"), ("the minister", "named")], "the port would close", "denies"),
    ]
    (this,) = analyze_text("But the minister denied this at a news conference.").claims
    assert (chain(this), this.content.text, this.stance) == ([("the minister", "named")], "this", "denies")


def test_a_dismissed_document_that_speaks_is_its_own_claim_not_the_dismissers(nlp):
    from sourcetrace.analysis import analyze_text

    text = "The bank dismissed as a forgery a letter that claimed the bank would close its branches."
    claims = analyze_text(text, publisher="Daily").claims
    assert [(c.stance, [(link.label, link.kind) for link in c.chain][1:]) for c in claims] == [
        ("denies", [("the bank", "named")]),
        ("asserts", [("a letter", "document")]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister was quoted by the Courier as saying that the tax would rise.",
        "Quoting officials, taxes will rise next year.",
        "Without naming anyone, it also said that the owners had agreed.",
    ],
)
def test_a_chain_link_is_never_a_verb_or_empty(nlp, text):
    from sourcetrace.analysis import analyze_text

    for claim in analyze_text(text, publisher="Daily").claims:
        for link in claim.chain:
            span = nlp(link.label)
            assert link.label.strip() and not (
                len(span) and span[0].pos_ in ("VERB", "AUX") and link.kind != "unattributed"
            ), link
            assert link.label.lower() not in ("saying", "also said", "quoting", "said"), link


def _teller(claims, content_start: str) -> tuple[str, str]:
    claim = next(c for c in claims if c.content.text.startswith(content_start))
    return claim.chain[-1].label, claim.chain[-1].kind


@pytest.mark.parametrize(
    ("text", "content_start", "teller"),
    [
        (
            "The Courier reported that the plant would close. The newspaper said 200 jobs would go.",
            "200 jobs",
            "Courier",
        ),
        (
            "The Courier reported that the plant would close. It also said the owners had agreed.",
            "the owners",
            "Courier",
        ),
        (
            "Acme Holdings said profits fell. The company added that it would cut 300 jobs.",
            "that it would cut",
            "Acme Holdings",
        ),
        (
            "Acme Holdings issued a statement on Monday. The statement said the plant was safe.",
            "the plant was safe",
            "Acme Holdings",
        ),
        (
            "A Reuters report said the talks had stalled.",
            "the talks had stalled",
            "Reuters",
        ),
    ],
)
def test_a_reference_resolves_to_its_named_antecedent(nlp, text, content_start, teller):
    from sourcetrace.analysis import analyze_text

    assert _teller(analyze_text(text).claims, content_start)[0] == teller


def test_it_is_still_a_placeholder_before_a_passive_or_a_fact(nlp):
    from sourcetrace.analysis import analyze_text

    for text in ("It is reported that the plant will close.", "It seems that the plant will close."):
        claims = analyze_text(text).claims
        assert all(link.kind in ("publisher", "unattributed") for c in claims for link in c.chain), text


@pytest.mark.parametrize(
    ("text", "tellers"),
    [
        ("The agency, citing two diplomats, said the talks had collapsed.", ["The agency", "two diplomats"]),
        ("The mayor, quoting a city engineer, said the bridge was unsafe.", ["The mayor", "a city engineer"]),
        ("The talks had collapsed, the agency said, citing two diplomats.", ["the agency", "two diplomats"]),
        (
            "According to the Courier, citing unnamed sources, the talks collapsed.",
            ["Courier", "unnamed sources"],
        ),
        (
            "The minister was quoted by the Courier as saying that taxes would rise.",
            ["Courier", "The minister"],
        ),
        ("The Courier quoted the minister as saying that taxes would rise.", ["Courier", "the minister"]),
        ("The minister was quoted as saying that taxes would rise.", ["The minister"]),
    ],
)
def test_two_hop_cues_make_two_tellers(nlp, text, tellers):
    from sourcetrace.analysis import analyze_text

    claims = analyze_text(text, publisher="Daily").claims
    assert len(claims) == 1, [(c.content.text, [link.label for link in c.chain]) for c in claims]
    assert [link.label for link in claims[0].chain] == ["Daily", *tellers]
    assert not claims[0].content.text.startswith(("citing", "quoting"))


def test_citing_a_reason_is_no_second_teller(nlp):
    from sourcetrace.analysis import analyze_text

    text = "The union endorsed her, citing her work after the floods."
    claims = analyze_text(text, publisher="Daily").claims
    assert all(link.label != "her work after the floods" for c in claims for link in c.chain)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("If confirmed, the deal could collapse within weeks.", "If confirmed"),
        ("The army may have used force against the crowd.", "may have"),
        ("It remains unclear whether the talks will resume.", "It remains unclear"),
        ("The minister is thought to have left the country.", "is thought to"),
        ("The senator seemed to lose patience with the committee.", "seemed to"),
        ("The deal collapsed within weeks.", None),
    ],
)
def test_hedged_claims_carry_their_hedge(nlp, text, hedge):
    from sourcetrace.analysis import analyze_text

    (claim,) = analyze_text(text).claims
    assert (claim.hedge.text if claim.hedge else None, claim.hedged) == (hedge, hedge is not None)


def test_a_relative_pronoun_is_never_a_link_label(nlp):
    from sourcetrace.analysis import analyze_text

    text = "The council cited a study that found the river was clean and that warned against dredging."
    for claim in analyze_text(text).claims:
        assert all(link.label.lower() not in ("that", "which", "who") for link in claim.chain), claim.chain


@pytest.mark.parametrize(
    ("text", "tellers", "content"),
    [
        (
            "According to a memo seen by Reuters, the plant will close in June.",
            ["Reuters", "a memo"],
            "the plant will close in June",
        ),
        (
            "A letter obtained by the Courier says the mine will close.",
            ["Courier", "a letter"],
            "the mine will close",
        ),
    ],
)
def test_a_document_seen_by_an_outlet_is_told_by_the_outlet(nlp, text, tellers, content):
    from sourcetrace.analysis import analyze_text

    (claim,) = analyze_text(text, publisher="Daily").claims
    assert ([link.label for link in claim.chain][1:], claim.content.text) == (tellers, content)


@pytest.mark.parametrize(
    ("text", "content", "chain"),
    [
        (
            '"The North appears to have failed in its launch," said a senior official.',
            "The North appears to have failed in its launch",
            [("Daily", "publisher"), ("a senior official", "anonymous")],
        ),
        (
            # "it appeared" is what the official said (weak_inside_content), hedged by "appeared to"
            "The official said it appeared to be a medium-range missile.",
            "it appeared to be a medium-range missile",
            [("Daily", "publisher"), ("the official", "anonymous")],
        ),
    ],
)
def test_a_cue_with_no_source_inside_what_a_teller_says_adds_no_link(nlp, text, content, chain):
    from sourcetrace.analysis import analyze_text

    claims = analyze_text(text, publisher="Daily").claims
    claim = next(c for c in claims if c.content.text == content)
    assert [(link.label, link.kind) for link in claim.chain] == chain


def test_a_speaker_reporting_their_own_belief_is_one_hop_not_two():
    from sourcetrace.analysis import analyze_text

    text = ("Harbor Gate Holdings reported losses on Monday.\n\n"
            "Jane Doe, chief executive of Harbor Gate, said she could not believe the mistakes "
            "being made by the board.")
    [claim] = [c for c in analyze_text(text).claims if "mistakes" in c.content.text]
    assert [link.label for link in claim.chain] == ["Jane Doe"]


def _chain_of(text: str, key: str) -> list[str]:
    from sourcetrace.analysis import analyze_text

    claim = next(c for c in analyze_text(text).claims if key in c.content.text)
    return [link.label for link in claim.chain]


def test_a_quotation_left_open_goes_on_past_a_cue_the_quoted_words_hold(nlp):
    # "residents are not angry" is inside the quotation with its subject: the quoted words' own
    # cue, no speaker of the paragraph, so the run still belongs to the mayor
    text = (
        "Mayor Ana Ruiz said: “We must act now.\n\n"
        "“The council has failed the city.\n\n"
        "“What I cannot understand is why residents are not angry enough to protest.”\n"
    )
    assert _chain_of(text, "The council has failed the city") == ["Mayor Ana Ruiz"]


def test_paragraphs_opened_with_either_mark_go_on_to_the_closing_cue(nlp):
    # a paragraph may open with a closing mark ("”The report ..."); a cue inside the first paragraph
    # ("the minister attacked") is the quoted words' own
    text = (
        "The embassy issued a statement on Monday.\n\n"
        "“There is no sign that the minister attacked the press.\n\n"
        "”The report is the work of rivals who want tension between our countries.\n\n"
        "“We will keep working together,” the spokesman said.\n"
    )
    assert _chain_of(text, "The report is the work of rivals") == ["the spokesman"]


def test_a_speaker_opening_a_quoted_paragraph_speaks_it(nlp):
    text = (
        "Partial transcript as follows:\n\n"
        "\"HOST: Welcome to the show. Tell us about the plan.\n\n"
        "\"GUEST: The plan will cut taxes for every family.\n"
    )
    assert _chain_of(text, "The plan will cut taxes") == ["GUEST"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the talk, no proposition: not a claim (the attribution stays)
        ("Harbour Gate released a statement on Monday.", []),
        ("The ministry issued a brief statement.", []),
        # nested: the teller's whole sentence is the claim, not "answers"
        (
            "Questions remain about the spending, with investors gathering to seek answers, Harbor Daily "
            "reported.",
            ["Questions remain about the spending, with investors gathering to seek answers"],
        ),
        # a denial of it stays, and so does a proposition about answers
        ("Harbour Gate denied any such statements.", ["any such statements"]),
        ("Rui Costa said investors wanted answers.", ["investors wanted answers"]),
    ],
)
def test_a_content_that_names_only_talk_is_no_claim(text, expected):
    assert [c.content.text for c in analyze_text(text).claims] == expected


def test_what_a_teller_refers_to_is_a_topic_not_a_claim():
    text = 'Referring to the grain export deal, Rui Costa said: "The deal is working."'
    assert [c.content.text for c in analyze_text(text).claims] == ["The deal is working"]


def test_an_attitude_adjective_whose_clause_hangs_on_the_copula_is_a_cue():
    # the parser hung "that P" on "was", not on "adamant"
    a = analyze_text("But Quallo was adamant that he was not being forced to resign.")
    assert [([link.label for link in c.chain], c.content.text) for c in a.claims] == [
        (["Quallo"], "that he was not being forced to resign")
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # found by a review: an impersonal "it is doubtful that" is nobody's attitude; "referred to X as
    # Y" characterises X (a claim); a habit of not commenting is no refusal
    ("It is doubtful that the bill will pass the Senate this year.",
     [(["unattributed"], "It is doubtful that the bill will pass the Senate this year")]),
    ('Ms Farrow referred to the audit as "a witch hunt".', [(["Farrow"], 'the audit as "a witch hunt')]),
])
def test_look_alikes_of_the_tryout_classes(text, expected):
    a = analyze_text(text)
    assert [([link.label for link in c.chain], c.content.text) for c in a.claims] == expected
