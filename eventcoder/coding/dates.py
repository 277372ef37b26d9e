"""Event-date resolution: one DATE phrase plus the publication date in, an ACLED-style date out.

``resolve_date(phrase, published)`` returns an :class:`EventDate` (or ``None`` when the phrase does not
place an event in time). Every phrase is resolved to a *window* ``start..end`` and a precision code:

* 1 = day, 2 = week, 3 = month (ACLED's ``time_precision`` codes) and 4 = year (our addition).
* Placement follows ACLED: precision 1 is the day itself; for precision 2-4 the window is first clipped so
  it does not extend past the publication date, and ``date`` is the middle day of the clipped window
  (``start + (end - start) // 2``). "earlier this month" published 2024-04-07 -> 2024-04-01..2024-04-07,
  date 2024-04-04.
* A window that starts after the publication date (a future event, a scheduled election) is rejected, as
  is anything before 1900 or after 2100.

Rules, tried in order (first full match on the normalised phrase wins):

* Explicit days: "27 April 2020", "April 27, 2020", "Monday, 27 April 2020", "2020-04-27", "27/04/2020"
  (a numeric day/month order that cannot be told apart, e.g. 04/05/2020, is unplaceable -> None), and
  same-month ranges "27-28 April 2020" (precision 2 up to 7 days, else 3). A day-month without a year
  takes the publication year, or the year before if that day would fall after publication; without a
  publication date it is None.
* Months: "November 2021", "June this year", "August last year", "last June", bare "June" (most recent
  June that has begun), "last month", "this month", "earlier this month", "two months ago" -> precision 3,
  window = the calendar month.
* Years: "2015", "this year", "earlier this year", "last year", "three years ago" -> precision 4.
* Parts of a period keep the precision of the period named but narrow the window: early = days 1-10 of a
  month or Jan-Apr of a year, mid = 11-20 / May-Aug, late = 21-end / Sep-Dec ("beginning/start of",
  "middle of", "end of" alike). So "early March" is precision 3 on March 1-10 and "mid-2021" is precision 4
  on May-Aug 2021. Halves and quarters ("the first half of 2021", "Q3 2020") have no ACLED code of their
  own; they get precision 4 (the honest, coarser code) on their true window.
* Weeks: "last week" (the previous Monday-Sunday week), "this week", "earlier this week" (Monday up to
  publication), "two weeks ago" (the 7 days centred on publication minus 14 days), "the weekend"
  (the most recent Saturday-Sunday) -> precision 2.
* Days relative to publication: "today", "tonight", "this morning", "yesterday", "last night",
  "overnight" (= the night before publication), "three days ago", "on Sunday"/"Sunday night"/"early
  Sunday"/"in the early hours of Sunday" (the most recent Sunday on or before publication; "last Sunday"
  is strictly before it) -> precision 1.
  "a few days ago" -> precision 2 on the 2-7 days before publication.
* "recently", "recent", "recent days", "lately" -> precision 2 on the 14 days up to publication.
* Not event dates -> None: phrases relative to another event ("days after", "a week earlier", "the next
  day"), durations ("for three days", "two decades", "the past decade", "since 2016": a since-phrase is a
  start bound, not the event date), the future ("next week", "tomorrow", "later this month"), vague
  periods ("the 1990s", "some time", "years"), bare numbers that are not years, and lowercase "may" or
  "march" without a number (the modal verb and the verb, not the months).
* Anything relative needs the publication date: with ``published=None`` it is None, never today's date.

Whatever the rules above do not read goes to ``dateparser`` (English only, ``RELATIVE_BASE`` = publication,
past preferred), but only if every word of it is a month, weekday, number or time word; the precision is
read from which parts the phrase gives (day and month -> 1, month and year -> 3), and a result that
contradicts the year or month written in the phrase is dropped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import dateparser

__all__ = ["EventDate", "is_recent_cue", "resolve_date"]


@dataclass(frozen=True)
class EventDate:
    """A resolved event date: ACLED placement, precision code and the window the phrase admits."""

    date: dt.date  # where ACLED puts it: the day itself, or the middle of the window
    precision: int  # 1 day, 2 week, 3 month, 4 year (ACLED codes 1-3, plus 4 for a year)
    start: dt.date  # first day the phrase admits
    end: dt.date  # last day the phrase admits (clipped to the publication date)
    text: str  # the phrase as given


DAY, WEEK, MONTH, YEAR = 1, 2, 3, 4
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_PHRASE_CHARS = 120
RECENT_DAYS = 14  # "recently": the 14 days up to publication
RECENT_CUE_MAX_DAYS_AGO = 6  # "N days ago" is a recent cue up to this N

_Window = tuple[dt.date, dt.date, int]
_Handler = Callable[[re.Match[str], dt.date | None], _Window | None]

_TABLES = json.loads((Path(__file__).parent / "data" / "date_phrases.json").read_text(encoding="utf-8"))
_MONTHS = MappingProxyType({name: n for n, names in enumerate(_TABLES["months"], start=1) for name in names})
_WEEKDAYS = MappingProxyType({name: n for n, names in enumerate(_TABLES["weekdays"]) for name in names})
_NUMBER_WORDS = MappingProxyType(dict(_TABLES["number_words"]))
_FULL_MONTH_NAMES = frozenset(names[0] for names in _TABLES["months"])
_FULL_WEEKDAY_NAMES = frozenset(names[0] for names in _TABLES["weekdays"])
_OFFSET_DIRECTIONS = MappingProxyType(dict(_TABLES["offset_directions"]))
del _TABLES


def is_month_name(word: str) -> bool:
    """A month's name or abbreviation, in any case, with or without its full stop ("Apr", "Sept.")."""
    return word.lower().rstrip(".") in _MONTHS


def is_weekday_name(word: str) -> bool:
    """A weekday's name or abbreviation, in any case ("Monday", "Tues.")."""
    return word.lower().rstrip(".") in _WEEKDAYS


# Words that may surround an explicit date handed to dateparser (after the rules have had their go).
_FALLBACK_WORDS = frozenset({"of", "the", "at", "am", "pm", "gmt", "utc", "t", "z"})


def _alternation(names: Iterable[str]) -> str:
    """A regex alternation of the given names, longest first."""
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


_MON = rf"(?P<month>{_alternation(_MONTHS)})"
_WD = rf"(?:{_alternation(_WEEKDAYS)})"  # abbreviations allowed: only inside an explicit date
_WD_FULL = rf"(?:{_alternation(_FULL_WEEKDAY_NAMES)})"  # alone, "sun"/"sat"/"wed" are ordinary words
_NUM = rf"(?P<n>\d{{1,3}}|{_alternation(_NUMBER_WORDS)})"
_MOD = (
    r"(?:(?P<mod>early|mid|late|beginning of|start of|middle of|end of|"
    r"the beginning of|the start of|the middle of|the end of)[ -]?)?"
)
_PART_OF_DAY = r"(?:(?:early|late) )?(?:morning|afternoon|evening|night)"
_YEAR = r"(?P<year>\d{4})"


def _match_num(token: str) -> int:
    """The integer a number token ("3", "three", "a couple of") stands for."""
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February, year 0)."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_window(year: int, month: int, mod: str | None = None) -> _Window:
    """The calendar month (or its early/mid/late part) at month precision."""
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(_part(mod), (1, last))
    return dt.date(year, month, first_day), dt.date(year, month, last_day), MONTH


def _year_window(year: int, mod: str | None = None) -> _Window:
    """The calendar year (or its early/mid/late third) at year precision."""
    first_month, last_month = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(_part(mod), (1, 12))
    last_day = calendar.monthrange(year, last_month)[1]
    return dt.date(year, first_month, 1), dt.date(year, last_month, last_day), YEAR


def _part(mod: str | None) -> str | None:
    """Map a period modifier ("the end of", "mid") to early, mid or late."""
    if not mod:
        return None
    mod = mod.removeprefix("the ")
    return {"beginning of": "early", "start of": "early", "middle of": "mid", "end of": "late"}.get(mod, mod)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The (year, month) `by` months after (negative: before) the given one."""
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _day_window(day: dt.date) -> _Window:
    """A single day at day precision."""
    return day, day, DAY


# --- relative to publication -------------------------------------------------------------------------


def _today(_m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """Today, tonight, this morning, hours ago: the publication day."""
    return _day_window(pub) if pub else None


def _yesterday(_m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """Yesterday, last night, overnight: the day before publication."""
    return _day_window(pub - dt.timedelta(days=1)) if pub else None


def _day_before_yesterday(_m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """The day before yesterday: two days before publication."""
    return _day_window(pub - dt.timedelta(days=2)) if pub else None


def _weekday(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """(On/last) Sunday (night): the most recent such weekday on or before (last: before) publication."""
    if not pub:
        return None
    back = (pub.weekday() - _WEEKDAYS[m["wd"]]) % 7
    if back == 0 and m["pre"] in ("last", "past", "previous"):
        back = 7
    return _day_window(pub - dt.timedelta(days=back))


def _days_ago(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """N days ago: that day."""
    return _day_window(pub - dt.timedelta(days=_match_num(m["n"]))) if pub else None


def _few_days_ago(_m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """A few / several days ago: the 2-7 days before publication, week precision."""
    return (pub - dt.timedelta(days=7), pub - dt.timedelta(days=2), WEEK) if pub else None


def _weeks_ago(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """N weeks ago: the 7 days centred on publication minus N weeks."""
    if not pub:
        return None
    centre = pub - dt.timedelta(weeks=_match_num(m["n"]))
    return centre - dt.timedelta(days=3), centre + dt.timedelta(days=3), WEEK


def _calendar_week(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """Last week (previous Monday-Sunday) or this / earlier this week (Monday up to publication)."""
    if not pub:
        return None
    monday = pub - dt.timedelta(days=pub.weekday())
    if m["which"] == "last":
        monday -= dt.timedelta(weeks=1)
    return monday, monday + dt.timedelta(days=6), WEEK


def _weekend(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """The (last) weekend: the most recent Saturday-Sunday (last: the one before a current weekend)."""
    if not pub:
        return None
    saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    if m["which"] in ("last", "past") and pub.weekday() >= 5:
        saturday -= dt.timedelta(weeks=1)
    return saturday, saturday + dt.timedelta(days=1), WEEK


def _recently(_m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """Recently: the RECENT_DAYS days up to publication, week precision."""
    return (pub - dt.timedelta(days=RECENT_DAYS - 1), pub, WEEK) if pub else None


def _relative_month(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """(Early/late) last / this / earlier this month: that calendar month."""
    if not pub:
        return None
    year, month = _shift_month(pub.year, pub.month, -1 if m["which"] == "last" else 0)
    return _month_window(year, month, m["mod"])


def _months_ago(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """N months ago: the calendar month N months before publication's."""
    if not pub:
        return None
    return _month_window(*_shift_month(pub.year, pub.month, -_match_num(m["n"])))


def _relative_year(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """(Early/late) last / this / earlier this year: that calendar year."""
    if not pub:
        return None
    return _year_window(pub.year - (1 if m["which"] == "last" else 0), m["mod"])


def _years_ago(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """N years ago: the calendar year N years before publication's."""
    return _year_window(pub.year - _match_num(m["n"])) if pub else None


# --- months and years -------------------------------------------------------------------------------


def _named_month(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """(Early) June [2021 | this year | last year]; a bare month is the most recent one that has begun."""
    month = _MONTHS[m["month"]]
    if m["year"]:
        return _month_window(int(m["year"]), month, m["mod"])
    if not pub or (m["month"] not in _FULL_MONTH_NAMES and not (m["mod"] or m["which"])):
        return None  # a bare "mar", "jan" or "dec" is more likely a word or a name than a month
    if m["which"] == "last":
        return _month_window(pub.year - 1, month, m["mod"])
    year = pub.year if m["which"] == "this" or month <= pub.month else pub.year - 1
    return _month_window(year, month, m["mod"])


def _last_named_month(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """Last June: the most recent June before publication's month; this June: June of publication's year."""
    if not pub:
        return None
    month = _MONTHS[m["month"]]
    if m["pre"] == "this":
        return _month_window(pub.year, month)
    return _month_window(pub.year if month < pub.month else pub.year - 1, month)


def _year(m: re.Match[str], _pub: dt.date | None) -> _Window | None:
    """(Early/mid/late) 2021: that calendar year, when it is plausible (1900-2100)."""
    year = int(m["year"])
    return _year_window(year, m["mod"]) if MIN_YEAR <= year <= MAX_YEAR else None


def _year_ref(m: re.Match[str], pub: dt.date | None) -> int | None:
    """The year a "…of 2021 / of this year / of last year" tail names."""
    if m["year"]:
        return int(m["year"])
    if not pub:
        return None
    return pub.year - (1 if m.groupdict().get("which") == "last" else 0)


def _half(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """The first / second half of a year: its six months, year precision (no half-year code exists)."""
    year = _year_ref(m, pub)
    if year is None:
        return None
    if m["ord"] in ("first", "1"):
        return dt.date(year, 1, 1), dt.date(year, 6, 30), YEAR
    return dt.date(year, 7, 1), dt.date(year, 12, 31), YEAR


_QUARTERS = MappingProxyType({"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4})


def _quarter(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """A quarter of a year (first quarter of 2021, Q3 2020): its three months, year precision."""
    year = _year_ref(m, pub)
    if year is None:
        return None
    quarter = int(m["ord"]) if m["ord"].isdigit() else _QUARTERS[m["ord"]]
    first_month = 3 * quarter - 2
    last_day = calendar.monthrange(year, first_month + 2)[1]
    return dt.date(year, first_month, 1), dt.date(year, first_month + 2, last_day), YEAR


# --- explicit days ----------------------------------------------------------------------------------


def _infer_year(month: int, day: int, pub: dt.date | None) -> int | None:
    """The year of a day-month without one: publication's, or the latest earlier one not after publication."""
    if not pub:
        return None
    for year in range(pub.year, pub.year - 8, -1):
        candidate = _date(year, month, day)
        if candidate and candidate <= pub:
            return year
    return None


def _explicit_day(m: re.Match[str], pub: dt.date | None) -> _Window | None:
    """27 April 2020, April 27, 27-28 April, Monday 27 April: a day (or a same-month range of days)."""
    month, day = _MONTHS[m["month"]], int(m["d"])
    last = int(m["d2"]) if m["d2"] else day
    if last < day:
        return None
    year = int(m["year"]) if m["year"] else _infer_year(month, last, pub)
    if year is None:
        return None
    start, end = _date(year, month, day), _date(year, month, last)
    if not (start and end):
        return None
    span = (end - start).days
    return start, end, DAY if span == 0 else WEEK if span < 7 else MONTH


def _iso_day(m: re.Match[str], _pub: dt.date | None) -> _Window | None:
    """2020-04-27 (also with / or . and an ISO time part): that day."""
    day = _date(int(m["year"]), int(m["m"]), int(m["d"]))
    return _day_window(day) if day else None


def _numeric_day(m: re.Match[str], _pub: dt.date | None) -> _Window | None:
    """27/04/2020 or 04/27/2020: that day when the day-month order is unambiguous."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if a > 12 >= b or a == b:
        day = _date(year, b, a)
    elif b > 12 >= a:
        day = _date(year, a, b)
    else:
        return None
    return _day_window(day) if day else None


def _rule(pattern: str, handler: _Handler) -> tuple[re.Pattern[str], _Handler]:
    """A compiled full-match rule."""
    return re.compile(pattern), handler


_YEAR_REF = r"(?:(?:the )?year )?(?:(?P<year>\d{4})|(?P<which>this|last) year)"

_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    _rule(
        rf"(?:today(?: {_PART_OF_DAY})?|tonight|earlier today|this {_PART_OF_DAY}|just now|"
        rf"(?:{_NUM}|several|a few|few) (?:hours?|minutes?) ago)",
        _today,
    ),
    _rule(rf"(?:(?:early|late) )?(?:yesterday(?: {_PART_OF_DAY})?|last night|overnight)", _yesterday),
    _rule(r"day before yesterday", _day_before_yesterday),
    _rule(
        rf"(?:(?P<pre>last|this|past|previous) )?(?P<wd>{_WD_FULL})(?: {_PART_OF_DAY}| overnight)?", _weekday
    ),
    _rule(rf"{_NUM} days? ago", _days_ago),
    _rule(r"(?:a few|few|several) days ago", _few_days_ago),
    _rule(rf"{_NUM} weeks? ago", _weeks_ago),
    _rule(r"(?P<which>last|this|earlier this) week", _calendar_week),
    _rule(r"(?:over )?(?:(?:the|this|(?P<which>last|past)) )?weekend", _weekend),
    _rule(r"(?:recently|recent|recent days|lately|very recently)", _recently),
    _rule(rf"{_MOD}(?P<which>last|this|earlier this) month", _relative_month),
    _rule(rf"{_NUM} months? ago", _months_ago),
    _rule(rf"{_MOD}(?P<which>last|this|earlier this) year", _relative_year),
    _rule(rf"{_NUM} years? ago", _years_ago),
    _rule(rf"(?:the )?(?P<ord>first|second|1|2) half of {_YEAR_REF}", _half),
    _rule(rf"(?:the )?(?P<ord>first|second|third|fourth|last|1|2|3|4) quarter of {_YEAR_REF}", _quarter),
    _rule(r"q(?P<ord>[1-4]) (?P<year>\d{4})", _quarter),
    _rule(r"(?P<year>\d{4})([/.-])(?P<m>\d{1,2})\2(?P<d>\d{1,2})", _iso_day),
    _rule(r"(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4})", _numeric_day),
    _rule(
        rf"(?:{_WD} )?(?:the )?(?P<d>\d{{1,2}})(?:-(?P<d2>\d{{1,2}}))? (?:of )?{_MON}(?: {_YEAR})?",
        _explicit_day,
    ),
    _rule(rf"(?:{_WD} )?{_MON} (?:the )?(?P<d>\d{{1,2}})(?:-(?P<d2>\d{{1,2}}))?(?: {_YEAR})?", _explicit_day),
    _rule(rf"(?P<pre>last|past|this) {_MON}", _last_named_month),
    _rule(rf"{_MOD}{_MON}(?: (?:of )?(?:{_YEAR}|(?:(?P<which>this|last) year)))?", _named_month),
    _rule(rf"{_MOD}(?:the )?(?:year )?{_YEAR}", _year),
)

_RECENT_CUE = re.compile(
    rf"(?:(?:early|late) )?(?:today(?: {_PART_OF_DAY})?|tonight|earlier today|this {_PART_OF_DAY}|just now|"
    rf"yesterday(?: {_PART_OF_DAY})?|last night|overnight|day before yesterday|"
    rf"(?:(?:last|this|past) )?{_WD_FULL}(?: {_PART_OF_DAY}| overnight)?|"
    rf"{_NUM} (?P<unit>day|hour|minute)s? ago|(?:a few|few|several) (?:hours?|minutes?) ago)"
)

# --- normalisation ----------------------------------------------------------------------------------

_LEADING_FILLER = re.compile(
    r"^(?:on|in|at|during|around|about|circa|approximately|sometime in|some time in|the)\s+"
)
_MODAL_WORDS = re.compile(r"\b(?:may|march)\b")  # case-sensitive: lowercase only
_ISO_TIMESTAMP = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?$")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_EDGE_PUNCTUATION = " -/.,;:'\"()[]"
_STRAY_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_CLOCK = re.compile(
    r"\s*\b(?:at |around |about |from )?\d{1,2}(?::\d{2}){0,2} ?(?:am|pm|a m|p m)(?!\w)"
    r"|\s*\b(?:at |around |about |from )?\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\s*\b(?:gmt|utc|local time)\b"
)
_TRAILING_PART_OF_DAY = re.compile(
    rf"\s+(?:in the |at |during the )?(?:{_PART_OF_DAY}|midday|noon|midnight|dawn)$"
)
_LEADING_PART_OF_DAY = re.compile(rf"^(?:the )?(?:{_PART_OF_DAY}|dawn|(?:early|small) hours) of (?:the )?")
# "early Sunday", "late on Saturday", "overnight Sunday": the weekday is the day
_DAY_QUALIFIER = re.compile(
    rf"^(?:early|late|overnight|before dawn)(?: on)? (?=(?:(?:last|this|past) )?{_WD_FULL})"
)


def _strip_fillers(s: str) -> str:
    """Drop leading prepositions and articles ("on", "in the", "sometime in")."""
    while True:
        stripped = _LEADING_FILLER.sub("", s)
        if stripped == s:
            return s
        s = stripped


def _normalise(phrase: str) -> str:
    """Lowercase, unify dashes and dots, drop ordinals, fillers, clock times and parts of an explicit day."""
    s = _ISO_TIMESTAMP.sub(r"\1", phrase.strip().lower()).replace("\u2019", "'").replace(",", " ")
    s = _ORDINAL.sub(r"\1", s)
    s = _STRAY_DOT.sub(" ", s)
    s = _DASHES.sub("-", " ".join(s.split()))
    s = _strip_fillers(s)
    s = _DAY_QUALIFIER.sub("", _LEADING_PART_OF_DAY.sub("", s))
    if any(c.isdigit() for c in s):
        s = _CLOCK.sub("", s).strip()
        s = _TRAILING_PART_OF_DAY.sub("", s)
    return _strip_fillers(" ".join(s.split()).strip(_EDGE_PUNCTUATION))


# --- dateparser fallback ----------------------------------------------------------------------------

_NO_PUBLICATION_BASE = dt.datetime(2000, 1, 1)  # only reached for phrases that carry their own year
_TOKEN_SPLIT = re.compile(r"[\s/.:+-]+")


def _fallback(s: str, pub: dt.date | None) -> _Window | None:
    """An explicit date in a form the rules do not read, parsed by dateparser; None for anything else."""
    tokens = [t for t in _TOKEN_SPLIT.split(s) if t]
    if not tokens or not all(
        t.isdigit() or t in _MONTHS or t in _WEEKDAYS or t in _FALLBACK_WORDS for t in tokens
    ):
        return None
    numbers = [t for t in tokens if t.isdigit()]
    month_names = [_MONTHS[t] for t in tokens if t in _MONTHS]
    years = [int(t) for t in numbers if len(t) == 4]
    days = [int(t) for t in numbers if len(t) <= 2]
    # Exactly one month name, at most one day and one four-digit year, and no other numbers: no guessing
    # which of several small numbers is a day or a two-digit year ("2 May 27").
    if len(month_names) != 1 or len(days) > 1 or len(years) > 1 or len(days) + len(years) != len(numbers):
        return None
    if not years and not (days and pub):
        return None
    base = dt.datetime(pub.year, pub.month, pub.day) if pub else _NO_PUBLICATION_BASE
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(s, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; an unparsable phrase is just None
        return None
    if parsed is None or parsed.month != month_names[0] or (years and parsed.year != years[0]):
        return None  # dateparser read something other than what the phrase says
    if days:
        return _day_window(parsed.date()) if parsed.day == days[0] else None
    return _month_window(parsed.year, parsed.month)


# --- public API -------------------------------------------------------------------------------------


def _place(window: _Window, pub: dt.date | None, text: str) -> EventDate | None:
    """Clip the window to publication and put the date where ACLED does (the day, or the window's middle)."""
    start, end, precision = window
    if pub is not None:
        if start > pub:
            return None
        end = min(end, pub)
    if start.year < MIN_YEAR or end.year > MAX_YEAR:
        return None
    date = start if precision == DAY else start + (end - start) // 2
    return EventDate(date=date, precision=precision, start=start, end=end, text=text)


def _window(s: str, pub: dt.date | None) -> _Window | None:
    """The window the first matching rule (or the dateparser fallback) gives a normalised phrase."""
    for pattern, handler in _RULES:
        m = pattern.fullmatch(s)
        if m:
            return handler(m, pub)
    return _fallback(s, pub)


@lru_cache(maxsize=65_536)
def _resolve(phrase: str, pub: dt.date | None) -> EventDate | None:
    """resolve_date, memoised on (phrase, publication day)."""
    if len(phrase) > MAX_PHRASE_CHARS or (
        _MODAL_WORDS.search(phrase) and not any(c.isdigit() for c in phrase)
    ):
        return None
    s = _normalise(phrase)
    if not s:
        return None
    try:
        window = _window(s, pub)
    except (ValueError, OverflowError):  # arithmetic off the ends of the calendar
        return None
    return _place(window, pub, phrase) if window else None


def resolve_date(phrase: str, published: dt.date | None) -> EventDate | None:
    """Resolve one DATE phrase against the article's publication date; None when it cannot be placed."""
    if not isinstance(phrase, str):
        return None
    if isinstance(published, dt.datetime):
        published = published.date()
    return _resolve(phrase, published)


_DIRECTION = _alternation(_OFFSET_DIRECTIONS)
_OFFSET = re.compile(
    rf"(?:(?P<n>\d+|{_alternation(_NUMBER_WORDS)})\s+(?P<unit>day|week)s?\s+(?P<dir>{_DIRECTION})"
    rf"|the\s+(?:(?P<unit2>day|week)\s+(?P<dir2>{_DIRECTION})|(?P<dir3>{_DIRECTION})\s+(?P<unit3>day|week)))"
)
_OFFSET_IN_TEXT = re.compile(rf"\b(?:{_OFFSET.pattern})\b")


def day_offset(phrase: str) -> int | None:
    """Days from the event told before for 'a day earlier', 'two days later', 'the day before', 'the next
    day', 'the same day' (weeks as seven days); None for any other phrase."""
    if not isinstance(phrase, str) or len(phrase) > MAX_PHRASE_CHARS:
        return None
    m = _OFFSET.fullmatch(" ".join(phrase.lower().split()).strip(" ,.;"))
    return _offset_days(m) if m else None


def find_day_offset(text: str) -> tuple[int, str] | None:
    """The first offset phrase written in a sentence ('The day before, soldiers ...'), with its text."""
    m = _OFFSET_IN_TEXT.search(text.lower())
    return (_offset_days(m), text[m.start() : m.end()]) if m else None


def _offset_days(m: re.Match[str]) -> int:
    """The days an offset phrase's match stands for."""
    unit = m["unit"] or m["unit2"] or m["unit3"]
    sign = _OFFSET_DIRECTIONS[m["dir"] or m["dir2"] or m["dir3"]]
    n = _match_num(m["n"]) if m["n"] else 1
    return sign * n * (7 if unit == "week" else 1)


@lru_cache(maxsize=16_384)
def is_recent_cue(phrase: str) -> bool:
    """True for phrases that mean 'just happened' relative to publication (today, yesterday, on Sunday...)."""
    if not isinstance(phrase, str) or len(phrase) > MAX_PHRASE_CHARS:
        return False
    m = _RECENT_CUE.fullmatch(_normalise(phrase))
    if not m:
        return False
    return not (m["unit"] == "day" and _match_num(m["n"]) > RECENT_CUE_MAX_DAYS_AGO)


def precision_window(date: dt.date | None, precision: int | None) -> tuple[dt.date, dt.date] | None:
    """The days a date of a precision stands for, when its own window is not known (mentions coded
    before mentions carried `date_start`/`date_end`): the day, the week around it, its month or
    its year."""
    if date is None:
        return None
    if precision in (None, DAY):
        return date, date
    if precision == WEEK:
        return date - dt.timedelta(days=4), date + dt.timedelta(days=4)
    if precision == MONTH:
        start = date.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return start, end
    return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)


def year_of(date: EventDate, published: dt.date | None, text: str) -> EventDate:
    """The year of a date, as a year-precision date (a later sentence's date dates a mention only to
    its year), clipped to the publication date."""
    start, end = dt.date(date.date.year, 1, 1), dt.date(date.date.year, 12, 31)
    middle = dt.date(date.date.year, 7, 2)
    if published and end > published:
        end = published
        middle = start + (end - start) / 2
    return EventDate(middle, YEAR, start, end, text)


def spans_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Two windows of days that share at least one day."""
    return a[0] <= b[1] and b[0] <= a[1]


def windows_overlap(a: EventDate | None, b: EventDate | None) -> bool:
    """Two dates that can be the same day (an unknown date can be any day)."""
    return a is None or b is None or spans_overlap((a.start, a.end), (b.start, b.end))
