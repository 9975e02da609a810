"""Events: one short text per date construction, then the bundled article's timeline."""

from __future__ import annotations

import re

import pytest

from sourcetrace.analysis import prepare_article
from sourcetrace.events import extract_events, link_claims_to_events
from sourcetrace.model import Actor, Article, ArticleStructure, ChainLink, Claim, Event, Span
from sourcetrace.spans import make_span, overlaps
from tests.helpers import span_of as _span


def _article(text: str, published: str | None, boilerplate: list[tuple[int, int]] = ()) -> Article:
    spans = [Span(start=s, end=e, text=text[s:e]) for s, e in boilerplate]
    return Article(text=text, published=published, structure=ArticleStructure(boilerplate=spans))


def _events(nlp, text: str, published: str | None = "2007-07-10", actors=(), boilerplate=()):
    article = _article(text, published, boilerplate)
    return extract_events(nlp(text), article, list(actors))


def _one(events, date_text: str):
    found = [e for e in events if e.date_text is not None and e.date_text.text == date_text]
    assert len(found) == 1, [(e.date_text.text if e.date_text else None, e.label) for e in events]
    return found[0]


def _when(event) -> tuple[str | None, str | None, str]:
    return event.start, event.end, event.precision


def test_absolute_day_date(nlp):
    events, warnings = _events(nlp, "The army entered the city on April 9, 2003.")
    event = _one(events, "April 9, 2003")
    assert _when(event) == ("2003-04-09", "2003-04-09", "day")
    assert event.id == "e1"
    assert event.label == "The army entered the city"
    assert event.evidence.text == "The army entered the city on April 9, 2003."
    assert warnings == []


def test_absolute_date_without_space_after_comma(nlp):
    events, _ = _events(nlp, "The minister resigned on July 10,2007 after the vote.")
    event = _one(events, "July 10,2007")
    assert _when(event) == ("2007-07-10", "2007-07-10", "day")
    assert event.label.startswith("The minister resigned")


_TWO_DATES = "The treaty was signed in March 2001. The talks began in 1998."
_TWO_RELATIVE = "Last month the council met. Yesterday the mayor resigned."


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param(_TWO_DATES, "March 2001", ("2001-03-01", "2001-03-31", "month"), id="month"),
        pytest.param(_TWO_DATES, "1998", ("1998-01-01", "1998-12-31", "year"), id="year"),
        pytest.param(_TWO_RELATIVE, "Last month", ("2007-06-01", "2007-06-30", "month"), id="last-month"),
        pytest.param(_TWO_RELATIVE, "Yesterday", ("2007-07-09", "2007-07-09", "day"), id="yesterday"),
        pytest.param(  # "since" runs until publication
            "The blockade has been in place since March 2006.", "March 2006",
            ("2006-03-01", "2007-07-10", "month"), id="since-until-publication",
        ),
        pytest.param(  # from the lexicon; 2007-07-10 is a Tuesday, next week is 16 to 22 July
            "Next week the parliament votes on the bill.", "Next week",
            ("2007-07-16", "2007-07-22", "week"), id="next-week",
        ),
    ],
)
def test_interval_and_precision(nlp, text, date_text, expected):
    events, _ = _events(nlp, text)
    assert _when(_one(events, date_text)) == expected


def test_last_week_is_the_calendar_week_before_publication(nlp):
    # 2007-07-10 is a Tuesday: its week runs Monday 9 to Sunday 15, so last week is 2 to 8 July.
    events, warnings = _events(nlp, "Last week the draft legislation had been completed.")
    event = _one(events, "Last week")
    assert _when(event) == ("2007-07-02", "2007-07-08", "week")
    assert event.label == "the draft legislation had been completed"
    assert not event.unresolved and warnings == []


def test_relative_dates_without_publication_stay_unresolved(nlp):
    events, warnings = _events(
        nlp, "Last week the draft legislation had been completed. Yesterday the mayor resigned.", None
    )
    for date_text in ("Last week", "Yesterday"):
        event = _one(events, date_text)
        assert (event.start, event.end, event.unresolved) == (None, None, True)
    assert len(warnings) == 1
    assert '"Last week"' in warnings[0] and '"Yesterday"' in warnings[0]
    assert "no publication date" in warnings[0]


def test_absolute_dates_need_no_publication(nlp):
    events, warnings = _events(nlp, "The army entered the city on April 9, 2003.", None)
    assert (_one(events, "April 9, 2003").start, warnings) == ("2003-04-09", [])


def test_anchored_day_after_and_ongoing_span(nlp):
    text = (
        "Foreign meddling in local affairs had begun from the day after the fall of Baghdad "
        "on April 9, 2003, and is still continuing."
    )
    events, _ = _events(nlp, text)
    ongoing = _one(events, "the day after the fall of Baghdad on April 9, 2003")
    assert _when(ongoing) == ("2003-04-10", "2007-07-10", "day")
    assert ongoing.uncertain is True
    assert ongoing.label.endswith("still continuing")
    fall = _one(events, "April 9, 2003")
    assert (fall.start, fall.end) == ("2003-04-09", "2003-04-09")
    assert fall.label == "the fall of Baghdad"


def test_anchored_before_without_ongoing(nlp):
    events, _ = _events(nlp, "Two days before the election on May 5, 2005, the party split.")
    event = _one(events, "Two days before the election on May 5, 2005")
    assert (event.start, event.end, event.precision, event.uncertain) == (
        "2005-05-03", "2005-05-03", "day", False,
    )


def test_vague_past_has_open_start(nlp):
    events, _ = _events(nlp, "Previously Washington had revealed the smuggling network.")
    event = _one(events, "Previously")
    assert (event.start, event.end, event.precision, event.uncertain) == (None, "2007-07-10", "open", True)
    assert event.label == "Washington had revealed the smuggling network"


def test_vague_past_without_publication_is_unresolved(nlp):
    events, warnings = _events(nlp, "Previously Washington had revealed the smuggling network.", None)
    event = _one(events, "Previously")
    assert (event.start, event.end, event.unresolved) == (None, None, True)
    assert len(warnings) == 1


def test_earlier_as_comparison_is_not_a_vague_date(nlp):
    events, _ = _events(nlp, "The vote came earlier than planned.")
    assert events == []


def test_no_event_from_boilerplate(nlp):
    text = "The army entered the city on April 9, 2003.\nArchived on May 1, 2010"
    start = text.index("Archived")
    events, _ = _events(nlp, text, boilerplate=[(start, len(text))])
    assert [e.date_text.text for e in events] == ["April 9, 2003"]


def test_actors_of_the_sentence(nlp):
    text = "On May 2, 2004 Talabani met Rubaie in Baghdad. Nothing else happened."
    talabani = Actor(id="a1", name="Talabani", type="PERSON", kind="named",
                     mentions=[Span(start=15, end=23, text="Talabani")])
    other = Actor(id="a2", name="Nobody", type="PERSON", kind="named",
                  mentions=[Span(start=47, end=54, text="Nothing")])
    events, _ = _events(nlp, text, actors=[talabani, other])
    assert _one(events, "May 2, 2004").actors == ["a1"]


def test_dateline_date_is_labelled_as_the_report_date(nlp):
    text = "al-Malaf, July 10,2007: Day by day more facts are unfolding."
    events, _ = _events(nlp, text)
    event = _one(events, "July 10,2007")
    assert event.label == "al-Malaf report dated July 10,2007"
    assert (event.start, event.end) == ("2007-07-10", "2007-07-10")


def test_spans_index_the_text(nlp):
    text = "Last week the bill passed. It was drafted on 3 June 2007 by the committee."
    events, _ = _events(nlp, text)
    assert [e.id for e in events] == ["e1", "e2"]
    for e in events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert text[e.date_text.start:e.date_text.end] == e.date_text.text
    assert _one(events, "3 June 2007").start == "2007-06-03"


# ---------------------------------------------------------------- bundled article


@pytest.fixture(scope="module")
def bundled_events(nlp, bundled_text):
    article = prepare_article(bundled_text, published="2007-07-10")
    return extract_events(nlp(bundled_text), article, [])


def test_bundled_timeline_spans_2003_to_publication(bundled_events):
    events, warnings = bundled_events
    assert warnings == []
    assert min(e.start for e in events if e.start) == "2003-04-09"
    assert max(e.end for e in events if e.end) == "2007-07-10"


def test_bundled_last_week_and_day_after(bundled_events):
    events, _ = bundled_events
    last_week = _one(events, "Last week")
    assert _when(last_week) == ("2007-07-02", "2007-07-08", "week")
    day_after = _one(events, "the day after the fall of Baghdad on April 9, 2003")
    assert (day_after.start, day_after.end) == ("2003-04-10", "2007-07-10")
    previously = _one(events, "Previously")
    assert _when(previously) == (None, "2007-07-10", "open")


def test_durations_are_not_dates(nlp):
    events, _ = _events(nlp, "The world has not seen such a crisis in 75 years. It lasted for two weeks.")
    assert events == []


def test_today_inside_a_newspaper_name_is_not_a_date(nlp):
    events, _ = _events(nlp, "The senator told USA Today about the plan.")
    assert [e.date_text.text for e in events] == []


def test_weekday_of_publication_is_that_day(nlp):
    # 2007-07-10 was a Tuesday; the Monday before it was the 9th.
    events, _ = _events(nlp, "The minister resigned on Tuesday. The cabinet met on Monday.")
    tuesday = _one(events, "Tuesday")
    assert (tuesday.start, tuesday.end, tuesday.uncertain) == ("2007-07-10", "2007-07-10", True)
    assert _one(events, "Monday").start == "2007-07-09"


def test_future_tense_looks_forward(nlp):
    events, _ = _events(nlp, "The minister will visit Basra on Friday.")
    event = _one(events, "Friday")
    assert (event.start, event.uncertain) == ("2007-07-13", True)


def test_bundled_full_pipeline_dates_from_the_dateline(bundled_analysis):
    a = bundled_analysis
    assert a.article.published == "2007-07-10"
    assert min(e.start for e in a.events if e.start) == "2003-04-09"
    assert max(e.end for e in a.events if e.end) == "2007-07-10"
    report = _one(a.events, "July 10,2007")
    assert report.label == "al-Malaf report dated July 10,2007"
    assert [a.actor(i).name for i in report.actors] == ["al-Malaf"]
    fall = _one(a.events, "April 9, 2003")
    assert "al-Malaf, July" not in fall.evidence.text  # the dateline frames the sentence, not in it
    assert [e.id for e in a.events] == [f"e{i}" for i in range(1, len(a.events) + 1)]


def test_label_of_an_infinitive_keeps_its_subject(nlp):
    events, _ = _events(nlp, "The envoy plans to visit Basra in January 2008.")
    assert _one(events, "January 2008").label == "The envoy plans to visit Basra"


def test_vague_past_ends_at_the_dated_context_before_it(nlp):
    text = "In March 2006 the army withdrew from the city. Previously it had patrolled the streets."
    events, warnings = _events(nlp, text, None)
    event = _one(events, "Previously")
    assert (event.start, event.end, event.precision, event.unresolved) == (None, "2006-03-01", "open", False)
    assert warnings == []
    # In another paragraph the context is gone: back to the publication date.
    events, _ = _events(nlp, text.replace(" Previously", "\n\nPreviously"))
    assert _one(events, "Previously").end == "2007-07-10"


def test_weekends_and_the_past_few_days(nlp):
    text = (
        "This past weekend the protesters gathered. This weekend the council meets. "
        "The past few days the talks stalled."
    )
    events, _ = _events(nlp, text)  # published Tuesday 2007-07-10
    past = _one(events, "This past weekend")
    assert _when(past) == ("2007-07-07", "2007-07-08", "week")
    assert past.uncertain is False
    coming = _one(events, "This weekend")
    assert (coming.start, coming.end, coming.uncertain) == ("2007-07-14", "2007-07-15", True)
    days = _one(events, "The past few days")
    assert (days.start, days.end, days.uncertain) == ("2007-07-07", "2007-07-10", True)


def test_label_keeps_coordinated_subjects(nlp):
    events, _ = _events(nlp, "Last week Rubaie and Vaeli prepared the draft law.")
    assert _one(events, "Last week").label == "Rubaie and Vaeli prepared the draft law"


# ---------------------------------------------------------------- claims ↔ events


def _claim(claim_id: str, content: Span, events: list[str] | None = None) -> Claim:
    chain = [ChainLink(label="(unattributed)", kind="unattributed")]
    return Claim(id=claim_id, content=content, chain=chain, events=events or [])


def test_claim_links_the_events_dated_inside_it(nlp):
    text = "The minister said the bill passed last week. Yesterday the mayor resigned."
    events, _ = _events(nlp, text)
    last_week, yesterday = _one(events, "last week"), _one(events, "Yesterday")
    bill, mayor = _span(text, "the bill passed last week"), _span(text, "the mayor resigned")
    claims = link_claims_to_events([_claim("c1", bill), _claim("c2", mayor)], events)
    assert [c.events for c in claims] == [[last_week.id], []]
    assert yesterday.id == "e2"  # c2 shares the sentence but not the date words: not linked


def test_date_of_the_saying_is_not_the_claims(nlp):
    # "Last week" dates the revealing; the claim is what was revealed.
    text = "Last week Washington revealed that the militia smuggled arms."
    events, _ = _events(nlp, text)
    assert [e.date_text.text for e in events] == ["Last week"]
    claims = link_claims_to_events([_claim("c1", _span(text, "the militia smuggled arms"))], events)
    assert claims[0].events == []


def test_claim_links_several_events_in_event_order(nlp):
    text = "Meddling had begun from the day after the fall of Baghdad on April 9, 2003, and continues."
    events, _ = _events(nlp, text)
    assert len(events) == 2
    claims = link_claims_to_events([_claim("c1", _span(text, text[:-1]))], events)
    assert claims[0].events == [e.id for e in events] == ["e1", "e2"]


def test_split_quote_skips_the_date_in_the_cue_between_its_parts():
    text = "\"The bill,\" he said on Monday, \"has passed.\""
    first, second = _span(text, "The bill"), _span(text, "has passed")
    content = make_span(text, first.start, second.end).model_copy(update={"parts": [first, second]})
    monday = Event(
        id="e1", label="he said", start="2007-07-09", end="2007-07-09", precision="day",
        evidence=_span(text, "he said on Monday"), date_text=_span(text, "Monday"),
    )
    assert link_claims_to_events([_claim("c1", content)], [monday])[0].events == []
    whole = make_span(text, first.start, second.end)
    assert link_claims_to_events([_claim("c1", whole)], [monday])[0].events == ["e1"]


def test_event_without_date_words_links_by_its_evidence():
    text = "The army withdrew. The talks failed."
    added = Event(id="e-x", label="talks failed", start=None, end=None, precision="open",
                  evidence=_span(text, "The talks failed"))
    claims = [_claim("c1", _span(text, "The army withdrew")), _claim("c2", _span(text, "talks"))]
    assert [c.events for c in link_claims_to_events(claims, [added])] == [[], ["e-x"]]


def test_links_keep_existing_events_and_do_not_repeat_them():
    text = "On May 2, 2004 the council met."
    may = Event(id="e1", label="the council met", start="2004-05-02", end="2004-05-02", precision="day",
                evidence=_span(text, text[:-1]), date_text=_span(text, "May 2, 2004"))
    claim = _claim("c1", _span(text, text[:-1]), events=["e-hand", "e1"])
    assert link_claims_to_events([claim], [may])[0].events == ["e-hand", "e1"]
    assert link_claims_to_events([], [may]) == []
    assert link_claims_to_events([claim], [])[0] is claim


def test_links_on_a_long_text_match_the_all_pairs_answer():
    # Many sentences: bisection must find exactly what checking every pair finds.
    text = " ".join(f"On May {n % 28 + 1}, 2004 council {n} met." for n in range(300))
    events, claims = [], []
    for n, m in enumerate(re.finditer(r"On (May \d+, 2004) (council \d+ met)", text)):
        events.append(Event(
            id=f"e{n}", label=m.group(2), start="2004-05-01", end="2004-05-01", precision="day",
            evidence=make_span(text, *m.span()), date_text=make_span(text, *m.span(1)),
        ))
        # Every third claim is the whole sentence (its date included), the others only "council N met".
        claims.append(_claim(f"c{n}", make_span(text, *(m.span() if n % 3 == 0 else m.span(2)))))
    linked = link_claims_to_events(claims, events)
    expected = [
        [e.id for e in events if overlaps(e.date_text.start, e.date_text.end, c.content.start, c.content.end)]
        for c in claims
    ]
    assert [c.events for c in linked] == expected
    assert expected[:4] == [["e0"], [], [], ["e3"]]
    assert sum(map(len, expected)) == 100


def _claim_starting(analysis, words: str) -> Claim:
    found = [c for c in analysis.claims if c.content.text.startswith(words)]
    assert len(found) == 1, [c.content.text[:40] for c in analysis.claims]
    return found[0]


def test_bundled_claims_link_the_events_dated_inside_them(bundled_analysis):
    a = bundled_analysis
    completed = _claim_starting(a, "Last week the draft legislation had been completed")
    assert completed.events == [_one(a.events, "Last week").id]
    meddling = _claim_starting(a, "Day by day more facts are unfolding")
    assert meddling.events == [
        _one(a.events, "the day after the fall of Baghdad on April 9, 2003").id,
        _one(a.events, "April 9, 2003").id,
    ]
    # "Previously" dates Washington's revealing, not the Quds force involvement it revealed.
    revealed = _claim_starting(a, "the Iranian Quds force")
    assert revealed.events == []
    linked = {c.id for c in a.claims if c.events}
    assert linked == {completed.id, meddling.id}


# ---------------------------------------------------------------- events ↔ actors


def test_bundled_events_carry_every_actor_of_their_evidence(bundled_analysis):
    a = bundled_analysis
    for event in a.events:
        ev = event.evidence
        expected = [x.id for x in a.actors if any(m.start < ev.end and ev.start < m.end for m in x.mentions)]
        assert event.actors == expected, (event.label, event.actors, expected)
    def names(date_text: str) -> set[str]:
        return {a.actor(i).name for i in _one(a.events, date_text).actors}

    assert names("April 9, 2003") == {"Iran", "Iraq", "Baghdad"}
    assert {"Washington", "Quds Force", "Iraq"} <= names("Previously")
    assert names("Last week") == set()  # "the draft legislation had been completed": nobody named


# ---------------------------------------------------------------- calendar names without a year
# Published Tuesday 2019-05-14 unless told: a future clause looks forward, a past one back.

_MAY = "2019-05-14"


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("The minister will visit Paris in June.", "June",
                     ("2019-06-01", "2019-06-30", "month"), id="future-month-forward"),
        pytest.param("The minister visited Paris in June.", "June",
                     ("2018-06-01", "2018-06-30", "month"), id="past-month-backward"),
        pytest.param("The minister visited Paris in March.", "March",
                     ("2019-03-01", "2019-03-31", "month"), id="past-month-this-year"),
        pytest.param("The company plans to cut jobs in March.", "March",
                     ("2020-03-01", "2020-03-31", "month"), id="plans-to-is-future"),
        pytest.param("Elections are scheduled for June.", "June",
                     ("2019-06-01", "2019-06-30", "month"), id="scheduled-for-is-future"),
        pytest.param("The festival is in June.", "June",  # no tense to go by: the nearest June
                     ("2019-06-01", "2019-06-30", "month"), id="present-nearest"),
        pytest.param("The vote took place on June 3.", "June 3",
                     ("2018-06-03", "2018-06-03", "day"), id="past-month-day"),
        pytest.param("The vote will take place on 3 June.", "3 June",
                     ("2019-06-03", "2019-06-03", "day"), id="future-day-month"),
        pytest.param("Last June the bank collapsed.", "Last June",
                     ("2018-06-01", "2018-06-30", "month"), id="last-june"),
        pytest.param("Next March the bank will merge.", "Next March",
                     ("2020-03-01", "2020-03-31", "month"), id="next-march"),
    ],
)
def test_month_names_resolve_by_tense(nlp, text, date_text, expected):
    events, warnings = _events(nlp, text, _MAY)
    event = _one(events, date_text)
    assert _when(event) == expected
    assert warnings == []


def test_month_with_this_year_is_not_a_guess(nlp):
    events, _ = _events(nlp, "In June this year, the minister warned of an outbreak.", "2019-09-14")
    event = _one(events, "June this year")
    assert (_when(event), event.uncertain) == (("2019-06-01", "2019-06-30", "month"), False)
    assert event.label == "the minister warned of an outbreak"


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("The deal is expected to close in April of this year.", "April of this year",
                     ("2019-04-01", "2019-04-30", "month"), id="of-this-year"),
        pytest.param("In June of last year the bank fell.", "June of last year",
                     ("2018-06-01", "2018-06-30", "month"), id="of-last-year"),
        pytest.param("The deal closed in April of 2013.", "April of 2013",
                     ("2013-04-01", "2013-04-30", "month"), id="of-a-year"),
    ],
)
def test_month_of_a_year(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    event = _one(events, date_text)
    assert (_when(event), event.uncertain, len(events)) == (expected, False, 1)


def test_month_needs_a_preposition_to_be_a_date(nlp):
    events, _ = _events(nlp, "May the council decide. June Carter sang at the show.", _MAY)
    assert events == []


def test_month_without_publication_is_unresolved(nlp):
    events, warnings = _events(nlp, "The minister will visit Paris in June.", None)
    event = _one(events, "June")
    assert (event.start, event.end, event.unresolved) == (None, None, True)
    assert '"June"' in warnings[0]


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("The vote is due to take place on Friday.", "Friday", "2019-05-17", id="due-to"),
        pytest.param("The minister is to visit Basra on Thursday.", "Thursday", "2019-05-16", id="is-to"),
        pytest.param("The minister resigned on Thursday.", "Thursday", "2019-05-09", id="past"),
        pytest.param("The report was published last Friday.", "last Friday", "2019-05-10", id="last"),
        pytest.param("The talks resume next Tuesday.", "next Tuesday", "2019-05-21", id="next"),
        pytest.param("The council meets this Thursday.", "this Thursday", "2019-05-16", id="this"),
    ],
)
def test_weekdays_against_the_publication_date(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    event = _one(events, date_text)
    assert (event.start, event.end, event.precision) == (expected, expected, "day")


def test_weekday_beside_a_full_date_is_that_date(nlp):
    events, _ = _events(nlp, "Twitter reported its results on Tuesday, July 29, 2014.", _MAY)
    event = _one(events, "Tuesday, July 29, 2014")
    assert (_when(event), event.uncertain) == (("2014-07-29", "2014-07-29", "day"), False)
    assert len(events) == 1


# ---------------------------------------------------------------- lists and ranges


def test_list_of_days_sharing_a_month_is_one_event_per_day(nlp):
    text = "The agencies' 27 and 29 May reports quoting the ambassador are false."
    events, _ = _events(nlp, text, "2006-06-09")
    first, second = _one(events, "27"), _one(events, "29 May")
    assert _when(first) == ("2006-05-27", "2006-05-27", "day")
    assert _when(second) == ("2006-05-29", "2006-05-29", "day")
    assert first.label == second.label  # one happening told twice: the same words label both


def test_list_of_weekdays(nlp):
    events, _ = _events(nlp, "On Saturday and Tuesday, the daily newspaper reported the leak.", "2017-06-08")
    found = [(e.date_text.text, e.start) for e in events]
    assert found == [("Saturday", "2017-06-03"), ("Tuesday", "2017-06-06")]


@pytest.mark.parametrize(
    ("text", "published", "date_text", "expected"),
    [
        pytest.param("The summit ran June 3-5, 2017.", None, "June 3-5, 2017",
                     ("2017-06-03", "2017-06-05", "day"), id="month-day-dash-day"),
        pytest.param("The summit ran from 3 to 5 June 2017.", None, "3 to 5 June 2017",
                     ("2017-06-03", "2017-06-05", "day"), id="day-to-day-month"),
        pytest.param("The talks ran from March 3 to March 7, 2005.", None, "March 3 to March 7, 2005",
                     ("2005-03-03", "2005-03-07", "day"), id="year-told-once"),
        pytest.param("Prices rose between 2001 and 2005.", None, "2001 and 2005",
                     ("2001-01-01", "2005-12-31", "year"), id="between-years"),
        pytest.param("He coached the team in the 2019-20 season.", None, "2019-20",
                     ("2019-01-01", "2020-12-31", "year"), id="season"),
        pytest.param("The army held the town from January 2005 to March 2006.", None,
                     "January 2005 to March 2006", ("2005-01-01", "2006-03-31", "month"), id="with-years"),
        pytest.param("The works will last from November to February.", _MAY, "November to February",
                     ("2019-11-01", "2020-02-29", "month"), id="across-new-year"),
    ],
)
def test_ranges_are_one_span(nlp, text, published, date_text, expected):
    events, warnings = _events(nlp, text, published)
    assert _when(_one(events, date_text)) == expected
    assert len(events) == 1 and warnings == []


def test_rescheduling_is_two_dates_not_a_span(nlp):
    events, _ = _events(nlp, "The vote was postponed from March 2019 to May 2019.")
    found = [(e.date_text.text, e.start) for e in events]
    assert found == [("March 2019", "2019-03-01"), ("May 2019", "2019-05-01")]


# ---------------------------------------------------------------- parts of periods, years as modifiers


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("Earlier this month the council met.", "Earlier this month",
                     ("2019-05-01", "2019-05-14", "month"), id="earlier-this-month"),
        pytest.param("Later this year the council will vote.", "Later this year",
                     ("2019-05-14", "2019-12-31", "year"), id="later-this-year"),
        pytest.param("Sales fell late last year.", "late last year",
                     ("2018-09-01", "2018-12-31", "year"), id="late-last-year"),
        pytest.param("The plant will close in mid-2020.", "mid-2020",
                     ("2020-05-01", "2020-08-31", "year"), id="mid-year"),
        pytest.param("The election was held in early June 2017.", "early June 2017",
                     ("2017-06-01", "2017-06-10", "month"), id="early-month"),
        pytest.param("The firm was founded in the early 1990s.", "early 1990s",
                     ("1990-01-01", "1993-12-31", "year"), id="early-decade"),
        pytest.param("The firm was founded in the 1990s.", "the 1990s",
                     ("1990-01-01", "1999-12-31", "year"), id="decade"),
        pytest.param("Sales fell last year.", "last year",
                     ("2018-01-01", "2018-12-31", "year"), id="last-year"),
    ],
)
def test_parts_of_periods(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    assert _when(_one(events, date_text)) == expected


def test_year_as_a_modifier_is_a_date(nlp):
    events, _ = _events(nlp, "The operator, formed in a 2021 merger by two groups, is for sale.", None)
    event = _one(events, "2021")
    assert _when(event) == ("2021-01-01", "2021-12-31", "year")


@pytest.mark.parametrize(
    "text",
    ["The 1500 employees were told.", "Shares were up 0.6% at 1803 GMT.", "Views: 1788"],
)
def test_numbers_that_are_not_years(nlp, text):
    events, _ = _events(nlp, text)
    assert events == []


def test_upper_case_dateline_date(nlp):
    events, _ = _events(nlp, "Talks to resume\n\nSEPTEMBER 24, 2021\n\nThe minister told reporters.", None)
    assert _when(_one(events, "SEPTEMBER 24, 2021")) == ("2021-09-24", "2021-09-24", "day")
    assert len(events) == 1  # and no "24, 2021" with a month dateparser took from today


@pytest.mark.parametrize(
    ("text", "date_text", "expected", "uncertain"),
    [
        pytest.param("The plant will close in two months.", "in two months",
                     ("2019-07-01", "2019-07-31", "month"), False, id="in-two-months"),
        pytest.param("The minister will decide in three days.", "in three days",
                     ("2019-05-17", "2019-05-17", "day"), False, id="in-three-days"),
        pytest.param("The talks could resume in a few weeks.", "in a few weeks",
                     ("2019-06-03", "2019-06-09", "week"), True, id="modal-few-weeks"),
        pytest.param("Prices may rise in the coming weeks.", "the coming weeks",
                     ("2019-05-14", "2019-06-11", "month"), True, id="coming-weeks"),
    ],
)
def test_future_counts_from_publication(nlp, text, date_text, expected, uncertain):
    events, _ = _events(nlp, text, _MAY)
    event = _one(events, date_text)
    assert (_when(event), event.uncertain) == (expected, uncertain)


def test_in_n_years_in_a_past_clause_is_a_duration(nlp):
    events, _ = _events(nlp, "The region has not had such rains in 40 years.", _MAY)
    assert events == []


def test_weekday_picks_the_year_of_a_date_without_one(nlp):
    # 25 July was a Thursday in 2013, not in 2014: the weekday tells the year.
    events, _ = _events(nlp, "The minister said on Thursday, July 25, that talks could begin.", "2014-01-10")
    event = _one(events, "Thursday, July 25")
    assert (_when(event), event.uncertain) == (("2013-07-25", "2013-07-25", "day"), False)


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("Medtronic, which agreed to buy the firm in August, said it would divest.", "August",
                     ("2018-08-01", "2018-08-31", "month"), id="infinitive-of-a-past-verb"),
        pytest.param("The deal awaits approval after receiving a request in late July.", "late July",
                     ("2018-07-21", "2018-07-31", "month"), id="gerund-is-past"),
        pytest.param("The company was founded in June.", "June",
                     ("2018-06-01", "2018-06-30", "month"), id="passive-past"),
        pytest.param("Nuclear talks can resume in September.", "September",
                     ("2019-09-01", "2019-09-30", "month"), id="modal-looks-ahead"),
        pytest.param("The talks could have ended in June.", "June",
                     ("2018-06-01", "2018-06-30", "month"), id="modal-perfect-is-past"),
        pytest.param("The vote is likely to take place in June.", "June",
                     ("2019-06-01", "2019-06-30", "month"), id="likely-to"),
        pytest.param("The firm won't be able to seal the deal until late December.", "late December",
                     ("2019-12-21", "2019-12-31", "month"), id="wont-be-able-to"),
    ],
)
def test_tense_of_the_clause(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    assert _when(_one(events, date_text)) == expected


def test_said_in_a_clause_joined_to_a_future_one_is_past(nlp):
    text = "The firms have long expected to finish the deal, but the firm said on Friday that it had no news."
    events, _ = _events(nlp, text, "2015-10-19")  # a Monday
    assert _one(events, "Friday").start == "2015-10-16"


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("The deal will close in the first quarter of 2016.", "the first quarter of 2016",
                     ("2016-01-01", "2016-03-31", "year"), id="quarter-of-a-year"),
        pytest.param("Sales rose in the fourth quarter of last year.", "the fourth quarter of last year",
                     ("2018-10-01", "2018-12-31", "year"), id="quarter-of-last-year"),
        pytest.param("The report is due by the end of the month.", "the end of the month",
                     ("2019-05-21", "2019-05-31", "month"), id="end-of-the-month"),
        pytest.param("The firms expect to finish the deal by year end.", "year end",
                     ("2019-09-01", "2019-12-31", "year"), id="year-end"),
    ],
)
def test_quarters_and_ends_of_periods(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    event = _one(events, date_text)
    assert (_when(event), event.uncertain) == (expected, True)


def test_year_end_of_a_named_year_is_not_this_year(nlp):
    events, _ = _events(nlp, "The firm reported in its 2016 year-end earnings release.", _MAY)
    assert [(e.date_text.text, e.start) for e in events] == [("2016", "2016-01-01")]


def test_month_after_a_connective_needs_a_month_before_it(nlp):
    events, _ = _events(nlp, "The minister talked to June and April about the plan.", _MAY)
    assert events == []
    events, _ = _events(nlp, "The talks ran between January and March.", _MAY)
    assert [(e.date_text.text, e.start, e.end) for e in events] == [
        ("January and March", "2019-01-01", "2019-03-31"),
    ]


@pytest.mark.parametrize(
    "text",
    ["The army sent a force of 1800 troops.", "Between 1600 and 1800 troops were sent."],
)
def test_counts_of_things_are_not_years(nlp, text):
    events, _ = _events(nlp, text, _MAY)
    assert events == []


def test_a_year_before_a_plural_noun_after_in_is_still_a_year(nlp):
    text = "In 2015 talks resumed. By 2020 prices had doubled. The 2016 elections came."
    events, _ = _events(nlp, text, _MAY)
    found = [(e.date_text.text, e.start) for e in events]
    assert found == [("2015", "2015-01-01"), ("2020", "2020-01-01"), ("2016", "2016-01-01")]


# ---------------------------------------------------------------- dates counted from the date told before


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("On March 3, 2019 the army entered the town. Two days later it left.", "Two days later",
                     ("2019-03-05", "2019-03-05", "day"), id="days-later"),
        pytest.param("The minister resigned on Friday. The next day, his deputy quit.", "The next day",
                     ("2019-05-11", "2019-05-11", "day"), id="the-next-day"),
        pytest.param("The deal closed in June 2018. A year earlier the talks had failed.", "A year earlier",
                     ("2017-01-01", "2017-12-31", "year"), id="coarser-of-the-two"),
        pytest.param("The talks resume next week. The following week the leaders meet.", "The following week",
                     ("2019-05-27", "2019-06-02", "week"), id="following-week"),
    ],
)
def test_dates_counted_from_the_date_before(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    assert _when(_one(events, date_text)) == expected


def test_counted_date_needs_a_date_in_its_paragraph(nlp):
    events, _ = _events(nlp, "The next day he left.", _MAY)
    assert events == []
    events, _ = _events(nlp, "The army entered on March 3, 2019.\n\nTwo days later it left.", _MAY)
    assert [e.date_text.text for e in events] == ["March 3, 2019"]


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("The band was big in the '90s.", "'90s", ("1990-01-01", "1999-12-31"), id="apostrophe"),
        pytest.param("Rates peaked in the early 80s.", "early 80s", ("1980-01-01", "1983-12-31"), id="early"),
    ],
)
def test_decades_without_their_century(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    assert (_one(events, date_text).start, _one(events, date_text).end) == expected


def test_an_age_is_not_a_decade(nlp):
    events, _ = _events(nlp, "He was in his 40s when he left.", _MAY)
    assert events == []


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param("Last summer the drought hit the farms.", "Last summer",
                     ("2018-06-01", "2018-08-31"), id="last-summer"),
        pytest.param("The vote will take place in the autumn.", "autumn",
                     ("2019-09-01", "2019-11-30"), id="future"),
        pytest.param("Prices fell in the spring.", "spring",
                     ("2019-03-01", "2019-05-31"), id="current-season"),
        pytest.param("The plant closed in the winter of 2017.", "winter of 2017",
                     ("2017-12-01", "2018-02-28"), id="winter-runs-into-next-year"),
        pytest.param("Last fall the company moved.", "Last fall",
                     ("2018-09-01", "2018-11-30"), id="last-fall"),
        pytest.param("Sales rose in the second half of 2018.", "the second half of 2018",
                     ("2018-07-01", "2018-12-31"), id="second-half"),
    ],
)
def test_seasons_and_halves(nlp, text, date_text, expected):
    events, _ = _events(nlp, text, _MAY)
    event = _one(events, date_text)
    assert ((event.start, event.end), event.uncertain) == (expected, True)


def test_fall_of_a_city_is_no_season(nlp):
    events, _ = _events(nlp, "The fall of Baghdad shocked the region. Summer camps open.", _MAY)
    assert events == []


def test_the_week_of_a_day(nlp):
    events, _ = _events(nlp, "The talks were held the week of March 7, 2018.", _MAY)  # a Wednesday
    assert _when(_one(events, "the week of March 7, 2018")) == ("2018-03-05", "2018-03-11", "week")


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("It happened on June 0 and on 0 June.", ["June"]),  # the month of "0 June" is all that is left
        ("Tuesday, June 0 came. It happened on 30 and 31 February.", ["Tuesday"]),
        ("In 99999 years he will go. On May 2, 2019 it began. 99999 years later it ended.", ["May 2, 2019"]),
        ("It ended 99999 years after the war on May 2, 2019.", ["May 2, 2019"]),
    ],
)
def test_impossible_dates_give_no_event_and_no_error(nlp, text, dated):
    events, _ = _events(nlp, text, _MAY)
    assert [e.date_text.text for e in events] == dated
