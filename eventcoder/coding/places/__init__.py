"""Place resolution, offline: location clauses of news/ACLED text to ACLED-style places.

The entry point of the package; its modules, in the order a clause goes through them:

* `words` - the word lists, read from `data/place_words.json`;
* `keys` - how names are folded and matched (`compact`, `skeleton`);
* `gazetteer` - the GeoNames index (`gazetteer()`), its entries in `records`;
* `lookup` - name look-ups while reading text (`country_for_name`, `is_known_place`);
* `focus` - the article's countries from every place, country, demonym and its outlet (`country_focus`);
* `phrases` - a clause parsed into `PlacePhrase`s (`parse_place_phrases`);
* `candidates`, `resolve` - the phrases resolved to a `Place` (`resolve_place`, `resolve_places`).
"""

from __future__ import annotations

from eventcoder.coding.places.candidates import QUARTER_KM
from eventcoder.coding.places.focus import after_locative, country_focus, focus_mentions
from eventcoder.coding.places.gazetteer import Gazetteer, gazetteer
from eventcoder.coding.places.lookup import country_for_name, is_known_place
from eventcoder.coding.places.phrases import parse_place_phrases
from eventcoder.coding.places.records import Place, PlacePhrase
from eventcoder.coding.places.resolve import (
    beat_place,
    named_place,
    resolve_place,
    resolve_places,
    town_named,
)

__all__ = [
    "QUARTER_KM",
    "beat_place",
    "after_locative",
    "Gazetteer",
    "Place",
    "PlacePhrase",
    "country_focus",
    "country_for_name",
    "focus_mentions",
    "gazetteer",
    "is_known_place",
    "named_place",
    "parse_place_phrases",
    "resolve_place",
    "resolve_places",
    "town_named",
]
