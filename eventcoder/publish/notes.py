"""The one-sentence `notes` of the ACLED layout, in ACLED's style, generated from an event's coded fields.

"On 3 May 2021, TTP attacked police forces of Pakistan in Bannu, Khyber Pakhtunkhwa, killing two
people." The words come from eventcoder/publish/data/notes.json; nothing is copied from an article.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

NOTES_FILE = Path(__file__).resolve().parent / "data" / "notes.json"
YEARS_BRACKET = re.compile(r"\s*\([^)]*\d[^)]*\)")
ANY_BRACKET = re.compile(r"\s*\([^)]*\)\s*$")
SHORT_NAME = re.compile(r"^([A-Za-z0-9-]{2,8}):\s")


@dataclass(frozen=True)
class NoteFields:
    """What a note is written from (columns of warehouse/sql/publish/acled_events.sql)."""

    event_date: dt.date | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    acled_sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    admin1: str | None
    country: str | None
    fatalities: int | None


@cache
def phrases(path: Path = NOTES_FILE) -> dict:
    """The sentences and words of notes.json."""
    return json.loads(path.read_text(encoding="utf-8"))


def date_phrase(day: dt.date | None, precision: int | None) -> str:
    """'On 3 May 2021', 'Around 3 May 2021' (week), 'In May 2021', 'In 2021' or 'On an unknown date'."""
    words = phrases()
    if day is None or precision is None:
        return words["dates"]["none"]
    template = words["dates"].get(str(precision), words["dates"]["1"])
    return template.format(day=day.day, month=words["months"][day.month - 1], year=day.year)


def actor_phrase(name: str | None, disorder_type: str) -> str:
    """An actor as a note names it: a short name before ':' (TTP), no bracket with years, generic sides
    (civilians, protesters) in lower case without their country; an unknown actor in words."""
    words = phrases()
    if not name:
        return words["unknown_actor"].get(disorder_type, "unidentified actors")
    short = SHORT_NAME.match(name)
    if short:
        return short.group(1)
    name = YEARS_BRACKET.sub("", name).strip()
    bare = ANY_BRACKET.sub("", name).strip()
    if bare in words["generic_actors"]:
        return "unidentified armed men" if bare == "Unidentified Armed Group" else bare.lower()
    return name


def number_words(n: int) -> str:
    """one … ten in words, larger numbers in digits."""
    numbers = phrases()["numbers"]
    return numbers[n] if 0 <= n < len(numbers) else f"{n:,}"


def place_phrase(location: str | None, admin1: str | None, country: str | None) -> str:
    """' in Bannu, Khyber Pakhtunkhwa', ' in Punjab', ' in Pakistan' or ''."""
    parts = [p for p in (location, admin1) if p]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts = parts[:1]
    if not parts and country:
        parts = [country]
    return f" in {', '.join(parts)}" if parts else ""


def killed_phrase(fatalities: int | None) -> str:
    """', killing one person', ', killing two people' or '' (none stated, or none killed)."""
    if not fatalities or fatalities <= 0:
        return ""
    one, many = phrases()["killed"]
    return one if fatalities == 1 else many.format(n=number_words(fatalities))


def action_phrase(f: NoteFields) -> str:
    """What happened, with its sides: 'TTP attacked police forces'."""
    words = phrases()
    actions = words["actions"]
    pair = actions.get(f"{f.event_type}/{f.sub_event_type}") or actions.get(f.acled_sub_event_type)
    with_two, with_one = pair or words["fallback"]
    a1 = actor_phrase(f.actor1, f.disorder_type)
    if f.actor2:
        return with_two.format(a1=a1, a2=actor_phrase(f.actor2, f.disorder_type))
    return with_one.format(a1=a1)


def note(f: NoteFields) -> str:
    """The one-sentence note of an event."""
    sentence = (
        f"{date_phrase(f.event_date, f.time_precision)}, {action_phrase(f)}"
        f"{place_phrase(f.location, f.admin1, f.country)}{killed_phrase(f.fatalities)}."
    )
    return sentence[0].upper() + sentence[1:]
