"""The words of actor mentions: tokens as written and lower-cased, the phrase lists of
data/actor_nouns.json (name heads, weapon, operation, gang and unknown-party cues), what no name is
made of, and the kind of an unnamed perpetrator.

Used by actors.ActorDictionary and mentions; a pure part of the coding core.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from unidecode import unidecode

from eventcoder.coding.dates import is_month_name, is_weekday_name
from eventcoder.coding.fatalities.cues import NUMBER_WORDS
from eventcoder.config import DATA_DIR

GENERIC_NOUNS_PATH = DATA_DIR / "actor_nouns.json"
POSSESSIVE_RE = re.compile(r"(?<=[A-Za-z0-9])'[sS]\b")
WORD_RE = re.compile(r"[A-Za-z0-9]+")
NAME_STOPWORDS = frozenset(
    {"the", "a", "an", "unknown", "unidentified", "suspected", "alleged", "armed"}
    | {"several", "many", "some", "other", "more", "few", "both", "dozens", "hundreds", "scores"}
)  # "Two rebels", "Several militiamen" open a sentence: a count is no name
NAME_LINKS = frozenset({"of", "for", "the", "and", "de", "du", "des", "la", "del", "al", "el"})


def not_a_name(word: str) -> bool:
    """A capitalised word that names nobody: an article, a hedge, a count ("Two", "Twenty-one") or a day
    ("On Monday rebels captured ...")."""
    low = word.lower()
    calendar = (is_weekday_name(word) or is_month_name(word)) and low not in ("may", "march")
    return low in NAME_STOPWORDS or low.isdigit() or low.split("-")[0] in NUMBER_WORDS or calendar


@dataclass(frozen=True)
class Tokens:
    """A mention split into word tokens, lower-cased and as written."""

    lower: tuple[str, ...]
    orig: tuple[str, ...]
    uniform_case: bool


def tokenize(text: str) -> Tokens:
    """Split a mention into ASCII word tokens: possessives, apostrophes and punctuation dropped."""
    ascii_text = unidecode(text)
    ascii_text = POSSESSIVE_RE.sub(" ", ascii_text)
    ascii_text = ascii_text.replace("'", "").replace("`", "")
    orig = tuple(WORD_RE.findall(ascii_text))
    letters = "".join(orig)
    return Tokens(tuple(t.lower() for t in orig), orig, letters == letters.upper())  # a headline in capitals


@cache
def name_heads(path: Path = GENERIC_NOUNS_PATH) -> dict[tuple[str, ...], int]:
    """Head nouns of names outside the dictionary, as word tuples, with the inter they are kept with."""
    heads = json.loads(path.read_text(encoding="utf-8"))["named_heads"]
    return {tuple(k.split()): v for k, v in heads.items() if not k.startswith("_")}


@cache
def phrase_set(key: str, path: Path = GENERIC_NOUNS_PATH) -> frozenset[tuple[str, ...]]:
    """A phrase list of actor_nouns.json as word tuples: "member_heads" (heads that name a group's
    members, not the group: "Ansar Dine fighters"), "gang_cues" (words that make an unattributed
    attack a gang's: "drive-by"), "state_weapon_cues" (weapons only armies use: "artillery"),
    "irregular_weapon_cues" (weapons of the shelling kind that armed groups fire too: "rockets"),
    "state_operation_cues" (what only a state's forces conduct: "operation", "crackdown") or
    "unknown_party_cues" (the text calls the side unknown: "unknown party")."""
    return frozenset(tuple(p.split()) for p in json.loads(path.read_text(encoding="utf-8"))[key])


def irregular_weapon(words: Sequence[str]) -> bool:
    """A trigger that names a weapon armed groups fire too ("rockets landed"): its kind alone makes no
    army the doer."""
    return any((w.lower(),) in phrase_set("irregular_weapon_cues") for w in words)


def perpetrator_kind(text: str, army_weapons: bool = False) -> str:
    """Generic kind of an attack's unnamed perpetrator: the military when the text has a weapon only
    armies use (shelling, artillery, air strikes) or an operation ("gunned down in an operation"), or
    the event's type says so (`army_weapons`), and the text does not call the side unknown; a gang
    when it has a gang cue; else unidentified."""
    words = tokenize(text).lower
    grams = {words[i : i + n] for n in (1, 2, 3) for i in range(len(words) - n + 1)}
    said_unknown = any(cue in grams for cue in phrase_set("unknown_party_cues"))
    state = phrase_set("state_weapon_cues") | phrase_set("state_operation_cues")
    if not said_unknown and (army_weapons or any(cue in grams for cue in state)):
        return "military"
    return "gang" if any(cue in grams for cue in phrase_set("gang_cues")) else "unidentified"
