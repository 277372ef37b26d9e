"""Gazetteer look-ups by name while reading text: is a word a country (`country_for_name`), a known place
(`is_known_place`), what a demonym's capital is (`capital_of`)."""

from __future__ import annotations

from functools import lru_cache

from eventcoder.coding.places.gazetteer import gazetteer
from eventcoder.coding.places.keys import fold_words, join_key, name_keys, strip_generic
from eventcoder.coding.places.words import COMMON_WORDS


@lru_cache(maxsize=65536)
def country_for_name(name: str) -> tuple[str, str] | None:
    """(country name, iso3) for a country name, alias or demonym/adjective; None otherwise ("Washington");
    memoised, as the gazetteer is fixed for the process."""
    g = gazetteer()
    words = fold_words(name)
    if words and words[0] == "the":
        words = words[1:]
    key = join_key(words)
    core = name.strip()[4:] if name.strip().lower().startswith("the ") else name.strip()
    if len(key) <= 3 and not core.isupper():  # "CAR", "DRC", "US" are acronyms: "a car", "us" are none
        idx = g.demonyms.get(key)
    else:
        idx = g.country_index.get(key) or g.demonyms.get(key) or g.country_parts.get(key)
    if idx is None and key.endswith("s"):
        idx = g.demonyms.get(key[:-1])
    if idx is None or idx not in g.countries:
        return None
    c = g.countries[idx]
    return c.name, c.iso3


@lru_cache(maxsize=65536)
def is_known_place(name: str) -> bool:
    """Cheap check that a (capitalised) name is a country, ADM1/ADM2 or populated place in the gazetteer
    (memoised: the same names recur in every article)."""
    g = gazetteer()
    words = fold_words(name)
    if not words or (len(words) == 1 and words[0] in COMMON_WORDS):
        return False
    for key in {*name_keys(words), *name_keys(strip_generic(words))}:
        if key in g.country_index or key in g.unit_index or key in g.town_index or key in g.region_index:
            return True
    return False


def capital_of(demonym: str) -> str | None:
    """Name of the capital of the country of a demonym ("Afghan" -> "Kabul")."""
    found = country_for_name(demonym)
    g = gazetteer()
    country = g.by_iso3.get(found[1]) if found else None
    town = g.capitals.get(country.idx) if country else None
    return g.town(town).name if town is not None else None
