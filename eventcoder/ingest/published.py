"""Publication dates: one owner for reading them from metadata values and from the header lines
news pages print ("April 07, 2024", "Published: 17 February 2023")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
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


# --- Publication dates printed in the text ------------------------------------------------------
#
# News pages print their date in a handful of header positions. Each form below is read only where
# it sits (a header line before the body, the start of the lede, a print-edition trailer line, a wire
# photo caption), never from a body sentence: "On March 3, 2020, militants attacked ..." is an event.
#
# origin     form                                                        what cleaning does with it
# byline     "Published March 8, 2024 Updated March 9, 2024", "Posted:   the line is dropped when it is
#            12 May 2023", "By Jane Doe | 12 May 2023"                    only byline (short, no sentence)
# header     a line that is only a date ("April 11, 2018")               the line is dropped
# dateline   "July 14, 2013|Reuters"; "KYIV, March 3 (Reuters) -",        a date|agency line is dropped;
#            "Manila [Philippines], November 4 (ANI/Xinhua):"             an agency dateline stays (lede)
# lede       "March 25, 2020 – Attacks ...", "Thursday, January 19,     the date and its dash are cut,
#            2023: Jowhar (AX) – ..."                                     the lede text stays
# footer     "Published in Dawn, June 3rd, 2022" (print-edition line)    the line is dropped
# caption    "... in Baghdad, Iraq November 14, 2019. REUTERS/Name"      kept (a caption, not furniture)
#
# Several candidates: a "Published"/"Posted" byline wins, then a header date line, a dateline or a
# date-first lede (first in reading order), then an "Updated" line, then the footer, then a caption
# (a wire photo is dated the day it was taken: the last resort).
#
# A dateline without a year ("KYIV, March 3 (Reuters) -") takes its year from other evidence: a full
# date elsewhere in the header with the same day and month, else the latest date with a year that the
# text states (a full date or a month and year): the dateline is the first such day and month on or
# after it (a report comes after the dated events it reports). With no year anywhere it stays null:
# the run date is never used (a re-run next year would give another answer).

_MON = (  # scoped case-insensitive: the dateline's place must still start with a capital
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_TIME = r"(?:\s*(?:,|\||at|-|–)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)"
# one full date, and one day and month without a year (for datelines)
_FULL = (
    rf"(?:{_WEEKDAY}?(?:{_MON}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}"
    rf"|{_YEAR}-\d{{2}}-\d{{2}}))"
)
_DAY_MONTH = rf"(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON})"
_FULL_RE = re.compile(_FULL, re.I)
_MONTH_YEAR_RE = re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", re.I)
_DASH = r"[-–—:|]"

_PUBLISHED_LABEL = r"(?:first\s+)?(?:published|posted|released)(?:\s+on)?"
_UPDATED_LABEL = r"(?:last\s+)?(?:updated|modified|edited)(?:\s+on)?"
_LABELLED = re.compile(
    rf"\b(?P<label>{_PUBLISHED_LABEL}|{_UPDATED_LABEL})\s*[:\-|]?\s*(?P<date>{_FULL})", re.I
)
_BY = re.compile(r"^\s*(?:by|written by|report(?:ed)? by)\s+\S", re.I)
_SEPARATED = re.compile(r"\s*[|•·]\s*|\s+[-–—/]\s+")
# parts of a date line that are neither name nor agency: a clock time, "10 months ago", "2 min read"
_STAMP = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?|\d+\s+\w+\s+ago|\d+\s+min(?:ute)?s?\s+read)$",
    re.I,
)
_AGENCY = re.compile(
    r"^\(?(?:reuters|ap|afp|ani|pti|ians|xinhua|anadolu|aa|efe|dpa|ansa|upi|bernama|apa|kyodo|yonhap|tass"
    r"|ria novosti|interfax|sputnik|wam|spa|qna|kuna|irna|apf|app|nna|mena|sana|ina|bna|agencies|ap photo)"
    r"(?:\s*[/,]\s*[a-z ]+)?\)?$",
    re.I,
)
# CITY[, Region| [Region]], <date> [(Agency)] - ...   ("KYIV, March 3 (Reuters) -")
_PLACE = r"[A-Z][A-Za-z.'’\-]*(?:\s+(?:[A-Z][A-Za-z.'’\-]*|de|del|da|do|al|el|la|of|upon)){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:\s*(?:,\s*|\s)\[?{_PLACE}\]?)?),\s*"
    rf"(?P<date>{_FULL}|{_DAY_MONTH})\s*(?:\((?P<agency>[^()]{{2,40}})\)\s*{_DASH}?|{_DASH})",
)
# "PESHAWAR, Pakistan --", "KABUL (AP) —": a dateline with no date, its city in capitals
_CAPS_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’\-]{{2,}}(?:\s+[A-Z][A-Z.'’\-]+){{0,2}}(?:,\s*{_PLACE})?\s*(?:\([^()]{{2,40}}\))?\s*(?:--|[–—:]|\s-\s)"
)
# "(JUBA)" after a lede's date: the place the story was filed from
_FILED = r"(?:\s*\([A-Z][A-Za-z .'’\-]{1,30}\))"
_LEDE = re.compile(rf"^(?P<date>{_FULL}){_TIME}?{_FILED}?\s*(?:{_DASH}|\s[-–—]\s)\s*(?=\S)", re.I)
# "April 3, 14 (BOR) – ": a two-digit year, read only before the place the story was filed from
_SHORT_YEAR_LEDE = re.compile(
    rf"^(?P<month>{_MON})\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{2}}){_FILED}\s*{_DASH}\s*(?=\S)"
)
# "By Jane Doe March 8, 2024": a byline that ends with the date, no separator
_BY_DATE = re.compile(rf"^\s*(?:by|written by)\s+\S.*?\s(?P<date>{_FULL})\s*$", re.I)
# a photo caption that ends with the day it was taken: "..., where the attack took place, March 20, 2015."
_CAPTION_END = re.compile(rf",\s+(?P<date>{_MON}\s+{_DAY},\s+{_YEAR})\.?$")
_FOOTER = re.compile(
    rf"^(?:published|printed|appeared|first published)\s+in\s+(?:the\s+)?[^,]{{2,60}},\s*"
    rf"(?P<date>{_FULL})\.?$",
    re.I,
)
_CAPTION = re.compile(
    rf"(?P<date>{_MON}\s+{_DAY},\s+{_YEAR})\.\s+(?:REUTERS|AFP|AP(?:\s+Photo)?|EPA|Getty Images|Anadolu)\s*/",
)

# the same, day first: "..., after the attack, 24 September 2023."
_CAPTION_END_DAY_FIRST = re.compile(rf",\s+{_DAY}\s+{_MON},?\s+{_YEAR}\.?$")
# a photo credit: "(Photo by AFP)", "Photo: Jane Doe", "REUTERS/Jane Doe", "AP Photo/Jane Doe"
_PHOTO_CREDIT = re.compile(
    r"\((?:photo|picture|image)s?\b[^)]{0,60}\)|^(?:photo|picture)s?\s*:|"
    r"\b(?:REUTERS|AFP|AP Photo|EPA|Getty Images|Anadolu)\s*/\s*[A-Z]",
    re.I | re.M,
)


def dateline_end(paragraph: str) -> int:
    """Where a dateline that opens a paragraph ends ("KYIV, March 3 (Reuters) -", "Manila [Philippines],
    November 4 (ANI/Xinhua):", "PESHAWAR, Pakistan --"), 0 when it opens with none: the place a dateline
    names is where the story was filed, not where its events happened."""
    found = _DATELINE.match(paragraph) or _CAPS_DATELINE.match(paragraph)
    return found.end() if found else 0


_DATELINE_CUT = re.compile(r"\s*(?:\(|--|[–—:|]|\s-\s)")  # where a dateline's place names end


def dateline_places(dateline: str) -> list[str]:
    """The place names a dateline opens with, capitals written as names ("PESHAWAR, Pakistan --" ->
    Peshawar, Pakistan; "Manila [Philippines], November 4 (Xinhua):" -> Manila, Philippines); no date."""
    found = _DATELINE.match(dateline)
    head = found.group("place") if found else _DATELINE_CUT.split(dateline, maxsplit=1)[0]
    names = []
    for part in re.split(r"\s*[,\[\]]\s*", head):
        part = part.strip(" .")
        if part and not any(c.isdigit() for c in part) and len(part.split()) <= 4:
            names.append(part.title() if part.isupper() else part)
    return names


def is_caption(paragraph: str) -> bool:
    """A photo caption: a paragraph with a photo credit, or one sentence ending with the day it was taken
    ("Police at the scene of the attack in Ocotlan, Mexico, March 20, 2015.")."""
    text = paragraph.strip()
    if _PHOTO_CREDIT.search(text) or ("/" in text and _CAPTION.search(text)):  # "REUTERS/Jane Doe"
        return True
    return "\n" not in text and (_CAPTION_END.search(text) or _CAPTION_END_DAY_FIRST.search(text)) is not None


ORIGIN_RANK = {"byline": 0, "header": 1, "dateline": 1, "lede": 1, "updated": 2, "footer": 3, "caption": 4}
TEXT_DATE_ORIGINS = ("byline", "header", "dateline", "lede", "footer", "caption")


@dataclass(frozen=True)
class TextDate:
    """A publication date the text prints, where it was read, and what cleaning should remove."""

    published_at: dt.date
    origin: str  # one of TEXT_DATE_ORIGINS
    line: int  # index of the line it was read from
    cut: int  # -1: drop the whole line; n > 0: cut the line's first n characters; 0: keep the line
    rank: int = 1


@dataclass(frozen=True)
class _YearlessDateline:
    month: int
    day: int
    line: int


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation."""
    return ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").index(
        name.strip(".").lower()[:3]
    ) + 1


def full_date(text: str) -> dt.date | None:
    """The date of a full-date phrase ("Thursday, January 19, 2023", "3rd June 2022", "2024-03-08")."""
    text = re.sub(rf"^{_WEEKDAY}", "", text.strip(), flags=re.I)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if iso:
            return _plausible(dt.date(int(iso[1]), int(iso[2]), int(iso[3])))
        mdy = re.fullmatch(rf"({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text, re.I)
        if mdy:
            return _plausible(dt.date(int(mdy[3]), month_number(mdy[1]), int(mdy[2])))
        dmy = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON}),?\s+(\d{{4}})", text, re.I)
        if dmy:
            return _plausible(dt.date(int(dmy[3]), month_number(dmy[2]), int(dmy[1])))
    except ValueError:  # February 30
        return None
    return None


def day_month(text: str) -> tuple[int, int] | None:
    """(month, day) of a day-and-month phrase without a year ("July 14", "14 Aug")."""
    m = re.fullmatch(rf"({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?", text.strip(), re.I) or None
    if m:
        month, day = month_number(m[1]), int(m[2])
    else:
        m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON})", text.strip(), re.I)
        if not m:
            return None
        month, day = month_number(m[2]), int(m[1])
    try:
        dt.date(2000, month, day)  # a leap year: February 29 is a day and month
    except ValueError:
        return None
    return month, day


def _plausible(day: dt.date) -> dt.date | None:
    return day if 1900 <= day.year <= 2100 else None


def is_byline_only(line: str) -> bool:
    """A short line with no sentence in it (a byline, a date|agency line): safe to drop from the text."""
    return word_count(line) <= 16 and not re.search(r"[a-z]{3,}[.!?]['\"”’)]*(\s|$)", line)


def header_line_date(line: str, index: int) -> TextDate | _YearlessDateline | None:
    """The publication date one header line prints, in any of the header forms (None if it prints none)."""
    stripped = line.strip()
    if not stripped:
        return None
    whole = parse_date_line(stripped)
    if whole is not None:
        label = re.match(rf"\s*({_PUBLISHED_LABEL}|{_UPDATED_LABEL})\b", stripped, re.I)
        if label is None:
            return TextDate(whole, "header", index, -1, ORIGIN_RANK["header"])
        updated = re.match(_UPDATED_LABEL, label[1], re.I) is not None
        return TextDate(whole, "byline", index, -1, ORIGIN_RANK["updated" if updated else "byline"])
    labelled = [m for m in _LABELLED.finditer(stripped) if full_date(m["date"]) is not None]
    if labelled and word_count(stripped) <= 25:
        first = next((m for m in labelled if not re.match(_UPDATED_LABEL, m["label"], re.I)), None)
        chosen = first or labelled[0]
        rank = ORIGIN_RANK["byline" if first else "updated"]
        cut = -1 if is_byline_only(stripped) else 0
        return TextDate(full_date(chosen["date"]), "byline", index, cut, rank)  # type: ignore[arg-type]
    found = separated_date(stripped, index)
    if found is not None:
        return found
    by_date = _BY_DATE.match(stripped) if word_count(stripped) <= 16 else None
    if by_date is not None and (day := full_date(by_date["date"])) is not None:
        return TextDate(day, "byline", index, -1 if is_byline_only(stripped) else 0, ORIGIN_RANK["byline"])
    lede = lede_date(stripped)
    if lede is not None:
        return TextDate(lede[0], "lede", index, len(line) - len(line.lstrip()) + lede[1], ORIGIN_RANK["lede"])
    dateline = _DATELINE.match(stripped)
    if dateline is not None and (dateline["agency"] is None or _AGENCY.match(dateline["agency"].strip())):
        day = full_date(dateline["date"])
        if day is not None:
            return TextDate(day, "dateline", index, 0, ORIGIN_RANK["dateline"])
        month_day = day_month(dateline["date"])
        if month_day is not None and dateline["agency"] is not None:
            return _YearlessDateline(month_day[0], month_day[1], index)
    return None


def lede_date(line: str) -> tuple[dt.date, int] | None:
    """The date that starts a lede and where the lede text after it begins ("March 25, 2020 – Attacks")."""
    lede = _LEDE.match(line)
    if lede is not None and (day := full_date(lede["date"])) is not None:
        return day, lede.end()
    short = _SHORT_YEAR_LEDE.match(line)
    if short is None:
        return None
    try:
        day = dt.date(2000 + int(short["year"]), month_number(short["month"]), int(short["day"]))
    except ValueError:
        return None
    return day, short.end()


def separated_date(line: str, index: int) -> TextDate | None:
    """A short line of parts separated by | • · or a spaced dash, one of them a date ("July 14, 2013|Reuters",
    "By Jane Doe | 12 May 2023")."""
    parts = [p for p in _SEPARATED.split(line) if p.strip()]
    if len(parts) < 2 or word_count(line) > 16:
        return None
    for part in parts:
        day = parse_date_line(part) if _FULL_RE.fullmatch(part.strip()) or _FULL_RE.search(part) else None
        if day is None:
            continue
        others = [p.strip() for p in parts if p is not part]
        if not all(_BY.match(p) or _AGENCY.match(p) or _STAMP.match(p) or reads_like_name(p) for p in others):
            return None  # "March 25, 2020 – Attacks ...": a lede, not a byline
        if _BY.match(line):
            origin = "byline"
        elif any(_AGENCY.match(p) for p in others):
            origin = "dateline"
        else:
            origin = "header"
        return TextDate(day, origin, index, -1 if is_byline_only(line) else 0, ORIGIN_RANK[origin])
    return None


def reads_like_name(part: str) -> bool:
    """A name, outlet or place: at most six words, each capitalised (or a short connector)."""
    words = part.split()
    connectors = ("de", "al", "el", "of", "the", "and")
    return 0 < len(words) <= 6 and all(w[0].isupper() or w in connectors for w in words)


def find_text_date(lines: list[str], header_end: int) -> TextDate | None:
    """The publication date the text prints: header lines up to and including lines[header_end] (the
    lede), then a print-edition footer line anywhere, then a wire photo caption. None when it prints none."""
    found: list[TextDate] = []
    yearless: list[_YearlessDateline] = []
    for i, line in enumerate(lines[: header_end + 1]):
        result = header_line_date(line, i)
        if isinstance(result, TextDate):
            found.append(result)
        elif isinstance(result, _YearlessDateline):
            yearless.append(result)
    for item in yearless:
        resolved = resolve_yearless(item, found, lines)
        if resolved is not None:
            found.append(resolved)
    if not found:
        found.extend(late_date_lines(lines, header_end))
    if not found:
        for i, line in enumerate(lines):
            footer = _FOOTER.match(line.strip())
            if footer and (day := full_date(footer["date"])) is not None:
                found.append(TextDate(day, "footer", i, -1, ORIGIN_RANK["footer"]))
    if not found:
        found.extend(caption_dates(lines, header_end))
    if not found:
        return None
    return min(found, key=lambda d: (d.rank, d.line))


def late_date_lines(lines: list[str], header_end: int) -> list[TextDate]:
    """A line that is only a date, just after a long standfirst taken for the lede ("31 August, 2015")."""
    found = []
    for i in range(header_end + 1, min(len(lines), header_end + 5)):
        line = lines[i].strip()
        day = parse_date_line(line) if is_byline_only(line) else None
        if day is not None:
            found.append(TextDate(day, "header", i, -1, ORIGIN_RANK["header"]))
    return found[:1]


def caption_dates(lines: list[str], header_end: int) -> list[TextDate]:
    """The day a photo was taken: a wire caption in the first lines, else a caption before the body
    that ends with the date ("..., where ten people died, March 20, 2015.")."""
    for i, line in enumerate(lines[:60]):
        caption = _CAPTION.search(line)
        if caption and (day := full_date(caption["date"])) is not None:
            return [TextDate(day, "caption", i, 0, ORIGIN_RANK["caption"])]
    for i, line in enumerate(lines[: header_end + 1]):
        caption = _CAPTION_END.search(line.strip())
        if caption and (day := full_date(caption["date"])) is not None:
            return [TextDate(day, "caption", i, 0, ORIGIN_RANK["caption"])]
    return []


def resolve_yearless(item: _YearlessDateline, found: list[TextDate], lines: list[str]) -> TextDate | None:
    """A year-less dateline with the year other evidence gives (see the notes above), or None."""
    for other in found:
        if (other.published_at.month, other.published_at.day) == (item.month, item.day):
            return TextDate(other.published_at, "dateline", item.line, 0, ORIGIN_RANK["dateline"] + 1)
    latest = latest_stated_date("\n".join(lines))
    if latest is None:
        return None
    for year in (latest.year, latest.year + 1):
        try:
            candidate = dt.date(year, item.month, item.day)
        except ValueError:  # February 29 in a common year
            continue
        if candidate >= latest:
            return TextDate(candidate, "dateline", item.line, 0, ORIGIN_RANK["dateline"] + 1)
    return None


def latest_stated_date(text: str) -> dt.date | None:
    """The latest full date or month and year ("in August 2021": its first day) the text states."""
    days = [d for m in _FULL_RE.finditer(text) if (d := full_date(m[0])) is not None]
    for m in _MONTH_YEAR_RE.finditer(text):
        parts = m[0].replace("of ", "").split()
        days.append(dt.date(int(parts[-1]), month_number(parts[0]), 1))
    return max(days, default=None)
