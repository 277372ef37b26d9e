"""Name keys of the gazetteer: how a name is folded to plain ASCII and matched.

Names are matched through *keys*: `compact()` (ASCII, lower case, letters and digits only, a final "h"
after a vowel dropped, so "Lashkar Gah" meets "Lashkargah" and "Hilla" meets "Hillah"; also without a
leading Arabic article: "Al Hudaydah"; a town also without a final "City": "Marawi City") and, as a fuzzy
fallback, `skeleton()` (consonants only, a few transliteration variants merged, so "Puli Alam" meets
"Pul-e Alam" and "Maymana" meets "Maimanah"). Units are also matched without their generic word
("Zhob District" -> "Zhob", `strip_generic`). The word lists come from `data/place_words.json` (`words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from unidecode import unidecode

from eventcoder.coding.places.words import (
    ARABIC_ARTICLES,
    DIRECTION_WORDS,
    ENGLISH_GENERIC,
    GENERIC_PREFIXES,
    GENERIC_SUFFIXES,
    NOT_ALONE,
    ROMANCE_COMPASS,
    SEAT_CONNECTORS,
    SEAT_WORDS,
)

# Transliteration marks for ayn/hamza ("Ma’rib", "Qal‘ah") are dropped; an apostrophe before a capital is
# kept.
# Letters unidecode spells with a symbol: the schwa of Azerbaijani ("Ağcabədi" is "Agcabadi", not "Agcab@di").
_LETTERS = str.maketrans({"\u0259": "a", "\u018f": "A"})
_TRANSLIT_MARK = re.compile(r"[\u02bb\u02bc\u02be\u02bf\u2018\u00b4]()|\u2019(?=([A-Z])?)")


def ascii_name(text: str) -> str:
    """Plain-ASCII form of a name ("Imām Şāḩib" -> "Imam Sahib"; "Ma’rib" -> "Marib", "d’Ivoire" kept)."""
    if text.isascii():
        return " ".join(text.replace("`", "'").split())
    text = _TRANSLIT_MARK.sub(lambda m: "'" if m.group(2) else "", text).translate(_LETTERS)
    return " ".join(unidecode(text).replace("`", "'").split())


_FOLD_TABLE = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))


def fold_words(text: str) -> list[str]:
    """ASCII words of a name, lower case, punctuation and apostrophes dropped ("Qal'ah-ye Now")."""
    if not text.isascii():
        text = unidecode(text.translate(_LETTERS))
        if not text.isascii():  # unidecode may leave nothing unusual, but be safe
            text = text.encode("ascii", "ignore").decode()
    return text.lower().encode().translate(_FOLD_TABLE, b"'`").decode().split()


def join_key(words: list[str]) -> str:
    """Folded words as one key; a final "h" after a vowel is dropped ("Hillah" and "Hilla" meet)."""
    key = "".join(words)
    if len(key) > 3 and key[-1] == "h" and key[-2] in "aeiou":
        return key[:-1]
    return key


def compact(text: str) -> str:
    """The exact-match key: folded words joined without spaces."""
    return join_key(fold_words(text))


def name_keys(words: list[str]) -> list[str]:
    """Exact keys of a folded name: as written and without a leading Arabic article."""
    if len(words) > 1 and words[0] in ARABIC_ARTICLES:
        return [join_key(words), join_key(words[1:])]
    return [join_key(words)]


_REPEAT = re.compile(r"(.)\1+")
_SKELETON_TABLE = bytes.maketrans(b"qcw", b"kkv")
SKELETON_DROPPED = "aeiouyh"  # the letters a skeleton leaves out
_DROPPED_BYTES = SKELETON_DROPPED.encode()


def skeleton(key: str) -> str:
    """The fuzzy key of a compact key: consonants only, q/c->k, w->v, no h or y, repeats collapsed."""
    s = key.encode().translate(_SKELETON_TABLE, _DROPPED_BYTES).decode()
    return _REPEAT.sub(_first_of_run, s) if _REPEAT.search(s) else s


def _first_of_run(run: re.Match[str]) -> str:
    """One letter of a run of repeats (a function: re expands a template string far slower)."""
    return run.group(1)


_SUFFIX_LAST = frozenset(w.split()[-1] for w in GENERIC_SUFFIXES)
_PREFIX_FIRST = frozenset(w.split()[0] for w in GENERIC_PREFIXES)


def strip_generic(words: list[str]) -> list[str]:
    """Drop a leading or trailing generic unit word ("Zhob District" -> zhob); keep an adjective alone."""
    if len(words) < 2 or (words[0] not in _PREFIX_FIRST and words[-1] not in _SUFFIX_LAST):
        return words
    text = " ".join(words)
    if words[0] in _PREFIX_FIRST:
        for prefix in GENERIC_PREFIXES:
            if text.startswith(prefix + " "):
                text = text[len(prefix) + 1 :]
                break
    if words[-1] in _SUFFIX_LAST:
        for suffix in GENERIC_SUFFIXES:
            if text.endswith(" " + suffix):
                text = text[: -len(suffix) - 1]
                break
    out = text.split()
    if not out or (len(out) == 1 and out[0] in NOT_ALONE):
        return words
    return out


def seat_key(words: list[str]) -> str | None:
    """Key of a name without a "district centre" word ("Markaz-e Sayyidabad" -> sayyidabad), else None."""
    if len(words) < 2:
        return None
    if words[0] in SEAT_WORDS:
        rest = words[2:] if words[1] in SEAT_CONNECTORS and len(words) > 2 else words[1:]
        return join_key(rest)
    if words[-1] in SEAT_WORDS:
        return join_key(words[:-1])
    return None


def display_unit_name(raw: str, aliases: Iterable[str] = ()) -> str:
    """ACLED-style name of a GeoNames unit: with aliases given (ADM1s), an English alias when GeoNames gives a
    transliteration ("Ḩalab" with "Aleppo Governorate" -> "Aleppo"); else ASCII without the generic word
    ("Zhob District" -> "Zhob").
    """
    name = ascii_name(raw)
    folded = fold_words(name)
    keep = strip_generic(folded)
    if not raw.isascii() or keep != folded:
        for alias in aliases:
            words = alias.split()
            if len(words) > 1 and words[-1].lower() in ENGLISH_GENERIC and is_latin(alias):
                return display_unit_name(alias)
    if keep == folded:
        return name
    words = name.split()
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            if fold_words(" ".join(words[start:end])) == keep:
                return " ".join(words[start:end])
    return name


def english_unit_name(name: str, aliases: Sequence[str], city: str | None = None) -> str:
    """An ADM1's English name where GeoNames gives the local one: the name of the city the unit is, when
    given and one of its aliases ("Erevan" -> "Yerevan", "Krung Thep Maha Nakhon" -> "Bangkok"; not a
    longer or shorter form: "Iklin" is no "L-Iklin"); else the shortest alias made of a compass word and
    the name's own words ("Kentriki Makedonia" -> "Central Macedonia", "Sulawesi Utara" -> "North
    Sulawesi"), unless written in French, Spanish or Portuguese ("Nord-Kivu", as ACLED writes it); else
    the name."""
    words = fold_words(name)
    latin = [a for a in aliases if a.isascii() and a.strip()]
    if city:
        city_words = fold_words(city)
        if (
            city_words
            and not _has_span(words, city_words)
            and not _has_span(city_words, words)
            and any(fold_words(a) == city_words for a in latin)
        ):
            return ascii_name(city)
    if not DIRECTION_WORDS.isdisjoint(words) or not ROMANCE_COMPASS.isdisjoint(words):
        return name  # English already, or French, Spanish or Portuguese, kept as written ("Nord-Kivu")
    best = name
    for alias in latin:
        own = strip_generic(fold_words(alias))
        rest = [w for w in own if w not in DIRECTION_WORDS]
        if rest and len(rest) < len(own) and _span_similarity("".join(rest), words) >= 0.75:
            english = display_unit_name(alias)
            if best == name or len(english.split()) < len(best.split()):
                best = english
    return best


def _has_span(words: list[str], part: list[str]) -> bool:
    """True when part occurs in words as consecutive words."""
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _span_similarity(key: str, words: list[str]) -> float:
    """Best similarity of a key to the joined words of any span of words (1 for the same consonant
    skeleton: "Kazakhstan" and "Qazaqstan")."""
    spans = ("".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return max(
        (
            1.0 if skeleton(key) == skeleton(span) else SequenceMatcher(None, key, span).ratio()
            for span in spans
        ),
        default=0.0,
    )


_NON_LATIN = re.compile(r"[^\x00-\u024f\u02b0-\u036f\u1e00-\u1eff\u2018\u2019]")


def is_latin(text: str) -> bool:
    """True when a name is in Latin script (other scripts transliterate to noise and are not indexed)."""
    return text.isascii() or _NON_LATIN.search(text) is None


def unit_keys(names: Iterable[str]) -> set[str]:
    """Compact keys of a unit's names, each with and without its generic word."""
    keys: set[str] = set()
    for name in names:
        if not name or not is_latin(name):
            continue
        words = fold_words(name)
        if words:
            keys.update(name_keys(words))
            keys.update(name_keys(strip_generic(words)))
    keys.discard("")
    return keys


def outlet_key(name: str) -> str:
    """An outlet's name as names are compared (as warehouse/sql/publish/outlet_key.sql does): lower
    case, no accents, no leading 'the', any other run of characters than letters and digits a space."""
    text = re.sub(r"^the\s+", "", unidecode(name).lower().strip())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()
