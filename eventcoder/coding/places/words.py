"""The word lists of place parsing and of the gazetteer's name keys, read from `data/place_words.json`.

Keys of the data file (all lower case), and the names they are read into here:

* `kind_words` (KIND_WORDS): a feature word after a name ("district", "oblast", "lga") -> the kind a
  `PlacePhrase` carries; every kind is one of KINDS below. `name_kind_words` (NAME_KIND_WORDS): those that
  are part of the name when capitalised ("a cattle camp", "Kobarre refugee camp"; "Zarvo Camp" is a
  military camp's name).
  (The nouns that mark or continue a place phrase in the dependency parse, "road", "camp", "zone", are
  another list, `place_kind_words` of data/cues.json.)
* `near_words`, `direction_words`: words that make a place "near"; a direction adjective before a feature
  word ("the northern city of Kano") does not. `site_words`: words before a building or site rather than
  a village ("outside the Parliament"); `building_words`: buildings a capitalised modifier may say the
  kind of ("a Pentecostal church": no place unless the gazetteer holds the modifier). `street_words`:
  words that open a street's name ("the rue de X", "Avenida X"): the name after them is a street's, no
  town. `holder_words`: what a side holds ("the positions of X"): the names after their "of" name who
  holds them, not where.
* `lead_words`: words dropped before a name; `particles`: lower-case words inside a name ("Qala i Naw");
  `not_modifiers`: words that end a name instead of modifying its feature word ("Zamfara State on Sunday").
* `clause_end_words`: words that start another clause after the places ("in Kharkiv, where ...");
  `placing_verbs`: verbs in -ed that do not end the place clause ("X, located in Y district").
* `date_words`: capitalised words that date rather than place an event; `center_words`: "X district
  center"; `common_words`: everyday words GeoNames also has as names, no place on their own;
  `organisation_heads`: last words of an organisation's name ("Zarvo Front"), no place unless the
  gazetteer holds the whole name.
* `level_separators` (of them, `near_separators` make the inner place near): words splitting a clause into
  levels; `border_words`: a place beside, not around, the first one; `district_phrases`: Nigeria's "local
  government area" and its abbreviation, read as "district".
* `generic_suffixes`, `generic_prefixes` (tried in file order), `english_generic`, `seat_words`,
  `seat_connectors`, `not_alone`, `arabic_articles`: the gazetteer's name keys (see `keys`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from eventcoder.config import DATA_DIR

PLACE_WORDS_FILE = DATA_DIR / "place_words.json"

# The kinds a PlacePhrase carries (the values of `kind_words`), by what they ask for.
TOWN_KINDS = frozenset({"city", "town", "village"})
ADM2_KINDS = frozenset({"district", "county"})
ADM1_KINDS = frozenset({"province", "state", "region", "county"})
KINDS = TOWN_KINDS | ADM2_KINDS | ADM1_KINDS | {"area"}


def _load() -> dict[str, Any]:
    """The data file, checked: every feature word maps to a known kind."""
    data: dict[str, Any] = json.loads(PLACE_WORDS_FILE.read_text(encoding="utf-8"))
    unknown = set(data["kind_words"].values()) - KINDS
    if unknown:
        raise ValueError(f"{PLACE_WORDS_FILE.name}: unknown kinds {sorted(unknown)}")
    return data


_DATA = _load()


def _set(key: str) -> frozenset[str]:
    """One list of the data file as a set."""
    return frozenset(_DATA[key])


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first ("outside of" is tried before "outside")."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


KIND_WORDS: dict[str, str] = dict(_DATA["kind_words"])
NAME_KIND_WORDS = _set("name_kind_words")
NEAR_WORDS = _set("near_words")
SITE_WORDS = _set("site_words")
BUILDING_WORDS = _set("building_words")
STREET_WORDS = _set("street_words")
WORLD_REGIONS = frozenset(" ".join(r.split()) for r in _DATA["world_regions"])  # no place of a country
HOLDER_WORDS = _set("holder_words")
DIRECTION_WORDS = _set("direction_words")
LEAD_WORDS = _set("lead_words")
PARTICLES = _set("particles")
NOT_MODIFIERS = _set("not_modifiers")
CLAUSE_END_WORDS = _set("clause_end_words")
PLACING_VERBS = _set("placing_verbs")
DATE_WORDS = _set("date_words")
CENTER_WORDS = _set("center_words")
COMMON_WORDS = _set("common_words")
ORGANISATION_HEADS = _set("organisation_heads")
PARTY_PREPOSITIONS = _set("party_prepositions")  # "a truce with Islamabad": a party, not a place
LEVEL_SEPARATORS = _set("level_separators")
NEAR_SEPARATORS = _set("near_separators")
BORDER_WORDS = _set("border_words")
DISTRICT_PHRASES = _set("district_phrases")

GENERIC_SUFFIXES: tuple[str, ...] = tuple(_DATA["generic_suffixes"])
GENERIC_PREFIXES: tuple[str, ...] = tuple(_DATA["generic_prefixes"])
ENGLISH_GENERIC = _set("english_generic")
ROMANCE_COMPASS = _set("romance_compass_words")  # ADM1 names kept as ACLED writes them ("Nord-Kivu")
SEAT_WORDS = _set("seat_words")
SEAT_CONNECTORS = _set("seat_connectors")
NOT_ALONE = _set("not_alone")
ARABIC_ARTICLES = _set("arabic_articles")
