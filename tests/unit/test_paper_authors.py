"""Who speaks through a paper another body relays, and what a definite description may refer to.

"The Sun reported a statement from Berjo saying P" is Berjo's word relayed by the Sun (before: the
Sun's own, twice). "The union said" refers to
no city, country or people named before it (before: the last city named spoke), "the government" to no
city (before: "Police in Lisbon said ... The government said" was Lisbon's). All names are
fictional."""

from __future__ import annotations

import pytest

from sourcetrace.analysis import analyze_text
from sourcetrace.places import is_city


def _chain(text: str, words: str) -> list[str]:
    claim = next(c for c in analyze_text(text).claims if words in c.content.text)
    return [link.label for link in claim.chain]


HEAD = "Port stays open\n\n"


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ('The Harbour Sun reported a statement from Ana Velt saying, "We will not sell the port."',
         ["The Harbour Sun", "Ana Velt"]),
        ("The Daily Tide published Ana Velt's statement saying the port would stay open.",
         ["Daily Tide", "Ana Velt"]),
    ],
)
def test_a_relayed_papers_author_speaks_through_the_relay(sentence: str, chain: list[str]) -> None:
    text = HEAD + sentence + "\n"
    words = "not sell the port" if "sell" in sentence else "port would stay open"
    assert _chain(text, words) == chain
    assert len([c for c in analyze_text(text).claims if words in c.content.text]) == 1


@pytest.mark.parametrize("head", ["union", "council", "committee", "ministry"])
def test_a_description_of_a_body_does_not_refer_to_a_city_named_before(head: str) -> None:
    text = (
        HEAD + "Dock workers gathered in Lisbon on Monday, police said.\n\n"
        f"The {head} issued a statement saying the strike was over.\n"
    )
    assert _chain(text, "strike was over") == [f"the {head}"]


def test_the_government_may_still_be_the_country_named_before() -> None:
    text = HEAD + (
        "Portugal said on Monday the port would stay open. "
        "The government added that talks would go on."
    )
    assert _chain(text, "talks would go on") == ["Portugal"]


@pytest.mark.parametrize("place", ["Lisbon", "Madrid"])
def test_the_government_is_no_city_named_before(place: str) -> None:
    # "Police in Lisbon": the city says where the police are; a city has no government of its name
    text = HEAD + (
        f"Police in {place} said on Monday that three people were arrested. "
        "The government said the march had been peaceful."
    )
    assert _chain(text, "march had been peaceful") == ["the government"]


@pytest.mark.parametrize("place", ["Singapore", "Jamaica", "Luxembourg", "Monaco"])
def test_the_government_may_be_a_city_that_is_a_country(place: str) -> None:
    # GeoNames has a city of each name; each is a country too (Jamaica, Luxembourg, Monaco are not in
    # the countries file: found in review)
    text = HEAD + (
        f"{place} said on Monday the port would reopen. "
        "The government added that trade would recover."
    )
    assert _chain(text, "trade would recover") == [place]


def test_a_city_with_a_states_name_may_be_the_government() -> None:
    assert not is_city("Washington") and not is_city("New York") and is_city("Lisbon")


def test_a_paper_from_a_place_names_no_author() -> None:
    # GeoNames knows the city: "a statement from Lisbon" is where it came from, not who wrote it
    text = HEAD + "The Daily Tide published a statement from Lisbon saying the talks would resume.\n"
    assert _chain(text, "talks would resume") == ["Daily Tide"]


def test_a_club_may_be_the_city_it_is_named_after() -> None:
    text = HEAD + (
        "Barcelona announced on Monday that Ana Velt had signed a new contract. "
        "The club said she would stay until 2030."
    )
    assert _chain(text, "stay until 2030") == ["Barcelona"]


@pytest.mark.parametrize(
    ("sentence", "words", "chain"),
    [
        ("Ana Velt released a statement from prison saying she was innocent.", "she was innocent", ["Velt"]),
        ("The union delivered a letter by hand urging the mayor to resign.", "to resign", ["the union"]),
    ],
)
def test_a_paper_from_a_place_or_by_hand_has_no_author(sentence: str, words: str, chain: list[str]) -> None:
    assert _chain(HEAD + sentence + "\n", words) == chain
