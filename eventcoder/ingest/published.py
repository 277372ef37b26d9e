"""Publication dates: one owner for reading them from metadata values and from the header lines
news pages print ("April 07, 2024", "Published: 17 February 2023")."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{4}-\d{2}-\d{2}\b", re.I
)
_DATE_PREFIX = re.compile(r"^(published|updated|posted|last updated|date)( on| at)?\s*[:|-]?\s*", re.I)


@lru_cache(maxsize=4096)
def parse_date_line(line: str) -> dt.date | None:
    """The date a short header line prints ("April 07, 2024", "Published: 17 February 2023"), if any."""
    text = _DATE_PREFIX.sub("", line.strip())
    if (
        not text
        or word_count(text) > 8
        or not (_MONTH.search(text) or re.search(r"\d{1,2}/\d{1,2}/\d{4}", text))
    ):
        return None
    parsed = common_date(text) or dateparser_date(text)
    if parsed is None or not (1900 <= parsed.year <= 2100):
        return None
    return parsed


_COMMON_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y-%m-%d",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
)


def common_date(text: str) -> dt.date | None:
    """The usual header date formats, read exactly (fast); None for anything else."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().rstrip(".").replace("Sept ", "Sep "))
    for fmt in _COMMON_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def dateparser_date(text: str) -> dt.date | None:
    """A full date (day, month and year) as dateparser reads it."""
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed is not None else None


def parse_published(value: object) -> dt.date | None:
    """A publication date from metadata (ISO string, or any full date dateparser reads)."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published_at must be a string, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(
        value, languages=["en"], settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
    )
    if parsed is None:
        raise ValueError(f"published_at {value!r} is not a date")
    return parsed.date()


def check_published(value: dt.date | None, today: dt.date) -> dt.date | None:
    """Reject publication dates before 1900 or in the future."""
    if value is None:
        return None
    if value.year < 1900 or value > today + dt.timedelta(days=1):
        raise ValueError(f"published_at {value.isoformat()} is impossible (before 1900 or in the future)")
    return value


def word_count(line: str) -> int:
    """Number of whitespace-separated words."""
    return len(line.split())
