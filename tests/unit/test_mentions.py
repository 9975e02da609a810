"""Which actor is mentioned here (sourcetrace.mentions), on the hand-made analysis."""

from __future__ import annotations

from sourcetrace.mentions import MentionIndex
from sourcetrace.model import Actor
from tests.conftest import MADE_UP_TEXT
from tests.helpers import span_of


def _at(words: str, nth: int = 0) -> tuple[int, int]:
    span = span_of(MADE_UP_TEXT, words, nth)
    return span.start, span.end


def test_the_actor_at_a_span(made_up_analysis):
    index = MentionIndex(made_up_analysis.actors)
    assert index.at(*_at("Ali Reza", 1)).id == "a1"
    assert index.at(*_at("Reza met")).id == "a1"  # the most overlap: 'Reza' over 'met'
    assert index.at(*_at(" said that ")) is None
    assert index.exactly(*_at("Paris")).id == "a3"
    assert index.exactly(*_at("Pari")) is None


def test_the_actors_around_and_inside_a_span(made_up_analysis):
    index = MentionIndex(made_up_analysis.actors)
    sentence = _at("An official said that Ali Reza met <Bob> in Paris on 2 May 2007.")
    assert [a.id for a in index.within(*sentence)] == ["a1", "a2", "a3", "a4"]
    assert index.overlapping(*_at("official said that Ali")) == ["a4", "a1"]  # in order of mention
    assert [(m.start, m.end) for m in index.mentions_overlapping(*_at("<Bob> in Paris"))] == [
        _at("<Bob>"), _at("Paris")
    ]


def test_the_shortest_mention_covering_a_piece():
    text = "the Iraqi Prime Minister Maliki"
    whole = Actor(id="a1", name="Iraqi Prime Minister Maliki", type="PERSON", kind="named",
                  mentions=[span_of(text, "Iraqi Prime Minister Maliki")])
    country = Actor(id="a2", name="Iraq", type="GPE", kind="named", mentions=[span_of(text, "Iraqi")])
    index = MentionIndex([whole, country])
    start = text.index("Iraqi")
    assert index.covering(start, start + 5).actor.id == "a2"  # the nested name wins
    assert index.covering(start + 6, start + 11).actor.id == "a1"
    assert index.covering(0, 3) is None


def test_ties_go_to_the_first_actor_in_the_list():
    text = "Ali Reza spoke"
    one = Actor(id="a1", name="Ali Reza", type="PERSON", kind="named", mentions=[span_of(text, "Ali Reza")])
    two = Actor(id="a2", name="Ali", type="PERSON", kind="named", mentions=[span_of(text, "Ali Reza")])
    assert MentionIndex([two, one]).at(0, 8).id == "a2"
    assert MentionIndex([one, two]).exactly(0, 8).id == "a1"
