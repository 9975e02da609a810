"""One parser for days (sourcetrace.dates) and the typed readings of the model's strings."""

from __future__ import annotations

from datetime import date

import pytest

from sourcetrace.dates import check_day, day_or_none, parse_day
from sourcetrace.figures import TYPE_COLORS
from sourcetrace.model import ACTOR_TYPES, RELATION_FAMILIES, Relation


def test_a_day_is_yyyy_mm_dd_and_empty_is_open():
    assert parse_day("2007-07-10") == date(2007, 7, 10)
    assert parse_day(None) is None and parse_day("") is None
    with pytest.raises(ValueError, match="“10 July 2007” is not a date \\(YYYY-MM-DD\\)."):
        parse_day("10 July 2007")
    assert check_day("2003-04-09") == "2003-04-09" and check_day("") is None
    assert day_or_none("2007-02-30") is None and day_or_none("2007-02-28") == date(2007, 2, 28)


def test_a_relation_reads_its_family_and_keeps_its_kind_on_the_wire():
    verb = Relation(source="a1", target="a2", kind="meet")
    kinds = ("co-occurrence", "source-of", "meet")
    families = [Relation(source="a", target="b", kind=k).family for k in kinds]
    assert families == ["co-occurrence", "source-of", "typed"]
    assert RELATION_FAMILIES == ("co-occurrence", "typed", "source-of")
    assert verb.model_dump()["kind"] == "meet" and "family" not in verb.model_dump()


def test_entity_types_are_listed_once():
    assert set(TYPE_COLORS) <= set(ACTOR_TYPES)
    assert len(set(ACTOR_TYPES)) == len(ACTOR_TYPES) and ACTOR_TYPES[0] == "PERSON"
