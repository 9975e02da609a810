"""No-comment responses: recorded for their actor, never claims."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import Settings, analyze_text


def responses(a) -> list[tuple[str | None, str, str | None]]:
    names = {x.id: x.name for x in a.actors}
    return [(r.source.text if r.source else None, r.cue.text, names.get(r.actor or "")) for r in a.responses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation nobody named is the description itself ("the company")
        ("The company declined to comment.", [("The company", "declined to comment", "the company")]),
        (
            "A spokesman did not immediately respond to requests for comment on Monday.",
            [("A spokesman", "did not immediately respond to requests for comment", "a spokesman")],
        ),
        (
            "The minister could not be reached for comment.",
            [("The minister", "could not be reached for comment", None)],
        ),
        (
            "An official was not immediately available for comment.",
            [("An official", "was not immediately available for comment", "an official")],
        ),
        (
            "The ministry had no immediate comment.",
            [("The ministry", "had no immediate comment", "the ministry")],
        ),
        (
            "The spokesman refused to say whether the minister would resign.",
            [("The spokesman", "refused to say", "the spokesman")],
        ),
        (
            "Lawyers for the family did not return calls seeking comment.",
            [("Lawyers for the family", "did not return calls seeking comment", "Lawyers for the family")],
        ),
        (
            "Staples and Office Depot were not immediately available for comments.",
            [("Staples and Office Depot", "were not immediately available for comments", None)],
        ),
        (
            "No-one at the ministry was immediately available for comment.",
            [("No-one at the ministry", "was immediately available for comment", None)],
        ),
        (
            "Nobody from the embassy was available for comment.",
            [("Nobody from the embassy", "was available for comment", None)],
        ),
        (
            "Representatives for TalkTalk, Virgin Media O2 and Liberty Global declined to comment.",
            [
                (
                    "Representatives for TalkTalk, Virgin Media O2 and Liberty Global",
                    "declined to comment",
                    None,
                )
            ],
        ),
    ],
)
def test_no_comment_is_a_response_of_its_actor_and_no_claim(text, expected):
    a = analyze_text(text)
    assert responses(a) == expected
    assert a.claims == []


def test_named_actor_who_declined():
    text = "Jane Doe, the mayor, said the bridge is safe. Jane Doe declined to comment on the budget."
    a = analyze_text(text)
    assert responses(a) == [("Jane Doe", "declined to comment", "Jane Doe")]
    assert [c.content.text for c in a.claims] == ["the bridge is safe"]


def test_could_not_comment_and_a_first_person_refusal_inside_a_quotation():
    a = analyze_text("The firm said it could not comment on the report.")
    assert responses(a) == [("The firm", "could not comment", "the firm")]  # "it" opens the firm's words
    # the first-person refusal is its teller's
    a = analyze_text('"We are not commenting on rumours," a company spokeswoman said.')
    assert responses(a) == [("a company spokeswoman", "are not commenting", "a company spokeswoman")]


def test_someone_available_for_comment_is_no_response():
    assert analyze_text("The minister was available for comment on Monday.").responses == []


@pytest.mark.parametrize(
    "text",
    [
        "The poll does not answer the question of turnout.",
        "He did not respond to the criticism of his plan.",
        "The council refused to discuss the plan with the rebels.",
    ],
)
def test_other_refusals_are_not_no_comment(text):
    assert analyze_text(text).responses == []


def test_no_comment_rule_can_be_switched_off():
    text = "The company declined to comment."
    off = analyze_text(text, Settings(disabled_rules=("no_comment",)))
    assert off.responses == []
    assert [c.content.text for c in off.claims] == ["to comment"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refs11, from sets K and L: more ways of saying nothing
        (
            "Harbour Board officials did not respond to attempts to reach them for comment Thursday.",
            [("Harbour Board officials", "did not respond to attempts to reach them for comment",
              "Harbour Board officials")],
        ),
        ("The ministry refrained from commenting on the exchanges.",
         [("The ministry", "refrained from commenting", "the ministry")]),
        ("The ministry would not go into details.",
         [("The ministry", "would not go into details", "the ministry")]),
        (
            "\"As I've said, there's nothing further to add to that,\" Tomas Varga responded.",
            [("Tomas Varga", "there's nothing further to add", "Tomas Varga")],
        ),
    ],
)
def test_more_ways_of_saying_nothing_are_no_comments_and_no_claims(text, expected):
    a = analyze_text(text)
    assert responses(a) == expected
    assert not [c for c in a.claims if not c.dismissed and "nothing further" in c.content.text]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Harbour Gate offered no comment when asked whether the report was accurate.", "offered no comment"),
        ("Harbour Gate refused to be drawn on whether it would bid.", "refused to be drawn"),
        ("Harbour Gate remained tight-lipped about the talks.", "remained tight-lipped"),
        ("Ana Velt would not speculate about who was behind the blockade.", "would not speculate"),
        ("Ana Velt declined to speculate on the cause of the fire.", "declined to speculate"),
        ("Ana Velt wouldn't speculate about the motive.", "wouldn't speculate"),
        ("Ana Velt did not want to speculate about the motive.", "did not want to speculate"),
        ("Ana Velt refrained from speculating about the motive.", "refrained from speculating"),
        ("Ana Velt cannot speculate about the motive.", "cannot speculate"),
    ],
)
def test_other_ways_of_declining_to_comment_are_no_comment(text, cue):
    a = analyze_text(text)
    assert [r.cue.text for r in a.responses] == [cue]
    assert a.claims == []


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Gate made no profit last year.",
        "The crowd remained tight-lipped on Sunday.",
        "Ana Torvik said she remained silent about the abuse for years.",
        "The law remains silent on the question of compensation.",
        "Witnesses said the gunman kept silent about his motives.",
        "Harbour Gate offered no details of the new terminal in its annual report.",
        "Analysts speculate that the port will be sold next year.",
    ],
)
def test_look_alikes_of_declining_are_no_response(text):
    assert analyze_text(text).responses == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked about the blockade, Velt said she would not comment.",
        "Velt said she would not speculate about who was behind the blockade.",
        "A ministry spokesman said the ministry does not comment on individual cases.",
    ],
)
def test_saying_that_one_will_not_comment_is_a_response_and_no_claim(sentence):
    # the no-comment is all the words reported by "said": nothing is claimed
    a = analyze_text("Strike ends\n\n" + sentence)
    assert len(a.responses) == 1
    assert [c.content.text for c in a.claims if c.content.text != "Strike ends"] == []


def test_a_statement_after_the_no_comment_is_still_claimed():
    a = analyze_text(
        "Strike ends\n\nThe minister said he could not comment on the letter because he had not seen it."
    )
    assert len(a.responses) == 1
    assert any("had not seen it" in c.content.text for c in a.claims)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Asked about the delay, Ana Velt said she would not be able to say anything at this stage.",
         "would not be able to say anything"),
        ("Ana Velt could not say more.", "could not say more"),
        ("Ana Velt would not say anything about the victims.", "would not say anything"),
        ("Ana Velt said she would not be able to comment on the case.", "would not be able to comment"),
        ("Ana Velt wouldn't disclose anything further.", "wouldn't disclose anything further"),
        # what was not said is a question: nothing is asserted
        ("Ana Velt did not say whether the operation was successful.", "did not say"),
        ("Ana Velt could not say how the money was spent.", "could not say"),
        ("Ana Velt has not specified when the port will reopen.", "has not specified"),
        ("By Monday, Ana Velt had not released details of the equipment.", "had not released details"),
        ("Ana Velt did not disclose details of the operation.", "did not disclose details"),
        ("Ana Velt remained mum on the kidnapping.", "remained mum"),
        ("Ana Velt said she would not be answering any questions regarding the talks.",
         "would not be answering any questions"),
        ("Ana Velt refused to answer reporters' questions.", "refused to answer reporters' questions"),
    ],
)
def test_refusing_to_say_anything_is_no_comment_and_no_claim(text, cue):
    a = analyze_text("Strike ends\n\n" + text)
    assert [r.cue.text for r in a.responses] == [cue]
    assert [c.content.text for c in a.claims if c.content.text != "Strike ends"] == []
    names = {x.id: x.name for x in a.actors}
    assert [names.get(r.actor or "", "").endswith("Velt") for r in a.responses] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Velt said she would say more about the plan on Monday.",
        "Ana Velt did not say that the port would close.",  # what she did not say is a statement
        "Police released details of the arrests on Monday.",
        "Ana Velt said the mayor had not kept his promise.",
    ],
)
def test_saying_something_or_a_gap_is_no_refusal_to_say_anything(text):
    assert [r.cue.text for r in analyze_text(text).responses if "say" in r.cue.text] == []


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # "Kamau" alone is no PERSON to the model, so "he" found nobody before
        ("Kamau said he would not comment on the case.", "Kamau"),
        ("Ana Velt told reporters that she would not comment on the case.", "Ana Velt"),
        # the words reported are about someone else's silence: that person is who did not answer
        ("Ana Velt said Rui Costa had not responded to requests for comment.", "Rui Costa"),
    ],
)
def test_a_pronoun_opening_the_tellers_words_is_the_teller_who_declines(text, who):
    a = analyze_text(text)
    names = {x.id: x.name for x in a.actors}
    assert [names.get(r.actor or "") for r in a.responses] == [who]
    assert [r.source.text for r in a.responses] == [who]  # the teller's words, not "he"


@pytest.mark.parametrize(
    "text",
    [
        # found by a review: a finding, emphasis, a document's gap, narration
        "The autopsy did not reveal anything, police said.",
        '"I can\'t say how grateful I am to the rescuers," Ana Velt said.',
        "The constitution does not specify when elections must be held, lawyers said.",
        "The carers kept mum on a drip for three days, her son said.",
        "The family remained mum about the abuse for years, a cousin said.",
    ],
)
def test_what_only_looks_like_a_refusal_stays_a_claim(text):
    a = analyze_text(text)
    assert a.responses == []
    assert len(a.claims) == 1


def test_a_refusal_reported_in_the_past_keeps_its_pronoun():
    # "he" may be Odero: only a refusal the teller announces ("would not") is the teller's
    a = analyze_text("Asked about Odero, Kamau said he had not responded to requests for comment.")
    assert [r.source.text for r in a.responses] == ["he"]


def test_not_wanting_to_comment_is_no_comment():
    a = analyze_text("Strike ends\n\nMr Moylan said he did not want to comment on an ongoing operation.")
    assert [r.cue.text for r in a.responses] == ["did not want to comment"]
    assert [c.content.text for c in a.claims if c.content.text != "Strike ends"] == []


def test_a_habit_of_not_commenting_is_no_refusal():
    text = "Officers often do not want to comment on cases they have not closed, Rask explained."
    assert analyze_text(text).responses == []
