"""Event-date resolution: one test per rule, plus hypothesis properties over any and formatted phrases."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.coding.dates import EventDate, is_recent_cue, resolve_date

PUB = dt.date(2024, 4, 7)  # a Sunday
WEDNESDAY = dt.date(2024, 4, 10)
D = dt.date


def resolved(phrase: str, published: dt.date | None = PUB) -> tuple[dt.date, int, dt.date, dt.date]:
    """(date, precision, start, end) of a phrase that must resolve."""
    result = resolve_date(phrase, published)
    assert result is not None, phrase
    return result.date, result.precision, result.start, result.end


# --- explicit dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["27 April 2020", "April 27, 2020", "2020-04-27", "on 27 April 2020", "the 27th of April 2020",
     "Monday, 27 April 2020", "Apr. 27th, 2020", "27/04/2020", "2020-04-27T10:00:00Z",
     "27 April 2020 at 10:30 GMT", "the night of 27 April 2020", "27-Apr-2020"],
)  # fmt: skip
def test_explicit_day_is_that_day(phrase: str) -> None:
    assert resolved(phrase) == (D(2020, 4, 27), 1, D(2020, 4, 27), D(2020, 4, 27))


def test_explicit_day_resolves_without_publication_date() -> None:
    assert resolved("Jan 31, 2022", None)[:2] == (D(2022, 1, 31), 1)


def test_day_month_takes_publication_year() -> None:
    assert resolved("on March 10")[0] == D(2024, 3, 10)


def test_day_month_after_publication_takes_previous_year() -> None:
    assert resolved("on May 10")[0] == D(2023, 5, 10)


def test_day_month_without_publication_date_is_unplaceable() -> None:
    assert resolve_date("on May 10", None) is None


def test_ambiguous_numeric_day_month_order_is_unplaceable() -> None:
    assert resolve_date("04/05/2020", PUB) is None


def test_nonexistent_day_is_none() -> None:
    assert resolve_date("30 February 2020", PUB) is None


def test_day_range_in_one_month_is_week_precision_window() -> None:
    assert resolved("27-28 April 2020") == (D(2020, 4, 27), 2, D(2020, 4, 27), D(2020, 4, 28))


def test_explicit_date_after_publication_is_rejected() -> None:
    assert resolve_date("20 April 2024", PUB) is None


# --- months -------------------------------------------------------------------------------------------


def test_month_year_is_month_precision_middle_of_month() -> None:
    assert resolved("November 2021") == (D(2021, 11, 15), 3, D(2021, 11, 1), D(2021, 11, 30))
    assert resolved("in December 2021")[:2] == (D(2021, 12, 16), 3)


def test_month_last_year() -> None:
    assert resolved("August last year")[1:] == (3, D(2023, 8, 1), D(2023, 8, 31))


def test_month_this_year() -> None:
    assert resolved("February this year")[1:] == (3, D(2024, 2, 1), D(2024, 2, 29))


def test_month_this_year_after_publication_is_future() -> None:
    assert resolve_date("June this year", PUB) is None


def test_bare_month_is_most_recent_one_begun() -> None:
    assert resolved("in March")[2] == D(2024, 3, 1)
    assert resolved("June")[2] == D(2023, 6, 1)


def test_last_named_month_is_before_current_month() -> None:
    assert resolved("last April")[2] == D(2023, 4, 1)


def test_last_month_is_previous_calendar_month() -> None:
    assert resolved("last month") == (D(2024, 3, 16), 3, D(2024, 3, 1), D(2024, 3, 31))


def test_earlier_this_month_is_clipped_to_publication() -> None:
    assert resolved("earlier this month") == (D(2024, 4, 4), 3, D(2024, 4, 1), D(2024, 4, 7))
    assert resolved("this month") == (D(2024, 4, 4), 3, D(2024, 4, 1), D(2024, 4, 7))


def test_months_ago_is_that_calendar_month() -> None:
    assert resolved("two months ago")[1:] == (3, D(2024, 2, 1), D(2024, 2, 29))


def test_early_month_narrows_window_keeps_month_precision() -> None:
    assert resolved("early March") == (D(2024, 3, 5), 3, D(2024, 3, 1), D(2024, 3, 10))
    assert resolved("late last month")[1:] == (3, D(2024, 3, 21), D(2024, 3, 31))


def test_lowercase_may_and_march_are_verbs_not_months() -> None:
    assert resolve_date("may", PUB) is None
    assert resolve_date("march", PUB) is None
    assert resolved("May")[1] == 3


def test_bare_month_abbreviation_is_not_a_month() -> None:
    assert resolve_date("Mar", PUB) is None


# --- years --------------------------------------------------------------------------------------------


def test_year_is_year_precision_middle_of_year() -> None:
    assert resolved("2015") == (D(2015, 7, 2), 4, D(2015, 1, 1), D(2015, 12, 31))
    assert resolved("in 2007")[1] == 4


def test_last_year_and_this_year() -> None:
    assert resolved("last year")[1:] == (4, D(2023, 1, 1), D(2023, 12, 31))
    assert resolved("this year")[1:] == (4, D(2024, 1, 1), PUB)


def test_years_ago_is_that_calendar_year() -> None:
    assert resolved("three years ago")[1:] == (4, D(2021, 1, 1), D(2021, 12, 31))


def test_late_year_is_year_precision_last_third() -> None:
    assert resolved("late 2021")[1:] == (4, D(2021, 9, 1), D(2021, 12, 31))
    assert resolved("the end of last year")[2] == D(2023, 9, 1)


def test_mid_year_is_may_to_august() -> None:
    assert resolved("mid-2021") == (D(2021, 7, 1), 4, D(2021, 5, 1), D(2021, 8, 31))


def test_first_half_of_year_is_year_precision_six_months() -> None:
    assert resolved("the first half of 2021") == (D(2021, 4, 1), 4, D(2021, 1, 1), D(2021, 6, 30))
    assert resolved("the second half of last year")[2:] == (D(2023, 7, 1), D(2023, 12, 31))


def test_quarter_is_year_precision_three_months() -> None:
    assert resolved("Q3 2023")[1:] == (4, D(2023, 7, 1), D(2023, 9, 30))


def test_implausible_years_are_none() -> None:
    for phrase in ("1850", "2150", "12", "300"):
        assert resolve_date(phrase, PUB) is None, phrase


def test_year_after_publication_is_none() -> None:
    assert resolve_date("2025", PUB) is None


# --- weeks and days relative to publication -----------------------------------------------------------


@pytest.mark.parametrize("phrase", ["today", "tonight", "this morning", "earlier today", "two hours ago"])
def test_today_phrases_are_publication_day(phrase: str) -> None:
    assert resolved(phrase) == (PUB, 1, PUB, PUB)


@pytest.mark.parametrize("phrase", ["yesterday", "last night", "yesterday afternoon", "overnight"])
def test_yesterday_phrases_are_day_before_publication(phrase: str) -> None:
    assert resolved(phrase)[:2] == (D(2024, 4, 6), 1)


def test_weekday_is_most_recent_on_or_before_publication() -> None:
    assert resolved("on Sunday")[0] == PUB
    assert resolved("Saturday night")[0] == D(2024, 4, 6)
    assert resolved("Monday", WEDNESDAY)[0] == D(2024, 4, 8)


def test_a_weekday_told_early_or_late_is_that_day() -> None:
    for phrase in ("early Saturday", "late on Saturday", "overnight Saturday", "late Saturday night"):
        assert resolved(phrase)[:2] == (D(2024, 4, 6), 1), phrase
    assert resolved("in the early hours of Saturday")[:2] == (D(2024, 4, 6), 1)
    assert is_recent_cue("early Saturday")


def test_last_weekday_is_strictly_before_publication() -> None:
    assert resolved("last Sunday")[0] == D(2024, 3, 31)


def test_days_ago_is_that_day() -> None:
    assert resolved("three days ago") == (D(2024, 4, 4), 1, D(2024, 4, 4), D(2024, 4, 4))


def test_weeks_ago_is_week_precision_centred() -> None:
    assert resolved("two weeks ago") == (D(2024, 3, 24), 2, D(2024, 3, 21), D(2024, 3, 27))


def test_last_week_is_previous_monday_to_sunday() -> None:
    assert resolved("last week", WEDNESDAY) == (D(2024, 4, 4), 2, D(2024, 4, 1), D(2024, 4, 7))


def test_earlier_this_week_is_clipped_to_publication() -> None:
    assert resolved("earlier this week", WEDNESDAY) == (D(2024, 4, 9), 2, D(2024, 4, 8), WEDNESDAY)


def test_weekend_is_most_recent_saturday_sunday() -> None:
    assert resolved("over the weekend", WEDNESDAY)[1:] == (2, D(2024, 4, 6), D(2024, 4, 7))


def test_recently_is_week_precision_fourteen_days() -> None:
    assert resolved("recently") == (D(2024, 3, 31), 2, D(2024, 3, 25), PUB)


# --- not event dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase", ["days after", "hours later", "a week earlier", "the next day", "the same day"]
)
def test_days_after_is_not_a_date(phrase: str) -> None:
    assert resolve_date(phrase, PUB) is None


@pytest.mark.parametrize("phrase", ["for three days", "two decades", "the past decade", "since 2016"])
def test_durations_are_not_dates(phrase: str) -> None:
    assert resolve_date(phrase, PUB) is None


@pytest.mark.parametrize("phrase", ["next week", "tomorrow", "next year", "later this month"])
def test_future_is_not_an_event_date(phrase: str) -> None:
    assert resolve_date(phrase, PUB) is None


@pytest.mark.parametrize("phrase", ["the 1990s", "some time", "years", "asdf", "", "   ", "on"])
def test_vague_and_nonsense_are_none(phrase: str) -> None:
    assert resolve_date(phrase, PUB) is None


@pytest.mark.parametrize("phrase", ["today", "yesterday", "last month", "this year", "on Sunday", "recently"])
def test_relative_phrase_without_publication_date_is_none(phrase: str) -> None:
    assert resolve_date(phrase, None) is None


def test_datetime_publication_is_treated_as_its_day() -> None:
    assert resolve_date("yesterday", dt.datetime(2024, 4, 7, 23, 59)) == resolve_date("yesterday", PUB)


def test_text_is_the_phrase_as_given() -> None:
    assert resolve_date(" on Sunday ", PUB) == EventDate(PUB, 1, PUB, PUB, " on Sunday ")


# --- recent cues --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "today",
        "tonight",
        "this morning",
        "yesterday",
        "last night",
        "on Sunday",
        "Saturday night",
        "two days ago",
    ],
)
def test_recent_cues(phrase: str) -> None:
    assert is_recent_cue(phrase)


@pytest.mark.parametrize(
    "phrase", ["last month", "2015", "27 April 2020", "ten days ago", "days after", "", "Sun"]
)
def test_not_recent_cues(phrase: str) -> None:
    assert not is_recent_cue(phrase)


# --- properties ---------------------------------------------------------------------------------------

VOCABULARY = (
    "on in the of last this next earlier early mid late ago after before since for days day weeks week "
    "months month years year today yesterday tomorrow night morning Sunday Monday May may March June "
    "Jan Sept weekend recently half first second quarter Q3 2 12 27 31 1899 1900 2015 2021 2100 2101 - / , ."
).split()
phrases = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=5).map(" ".join),
)
publications = st.one_of(st.none(), st.dates(), st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(phrase=phrases, published=publications)
def test_any_phrase_resolves_to_a_consistent_window_or_none(phrase: str, published: dt.date | None) -> None:
    result = resolve_date(phrase, published)
    if result is None:
        return
    assert result.start <= result.date <= result.end
    assert result.precision in (1, 2, 3, 4)
    assert result.start.year >= 1900
    assert result.precision != 1 or result.start == result.date == result.end
    if published is not None:
        assert result.end <= published


MONTH_NAMES = "January February March April May June July August September October November December".split()
WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
STYLES = (
    lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1][:3]}. {d.day}, {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"on {WEEKDAY_NAMES[d.weekday()]}, {d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"the {d.day}th of {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
)


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    style=st.sampled_from(STYLES),
    later=st.one_of(st.none(), st.integers(min_value=0, max_value=4000)),
)
def test_formatted_real_dates_resolve_to_that_day(day: dt.date, style, later: int | None) -> None:
    published = None if later is None else min(day + dt.timedelta(days=later), D(2100, 12, 31))
    result = resolve_date(style(day), published)
    assert result is not None and (result.date, result.precision) == (day, 1)


def test_the_previous_weekday_is_the_one_before_publication() -> None:
    assert resolved("the previous Friday")[0] == D(2024, 4, 5)
    assert resolved("the previous Sunday")[0] == D(2024, 3, 31)  # publication is a Sunday


@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        ("A day earlier", -1),
        ("two days later", 2),
        ("the day before", -1),
        ("The next day", 1),
        ("the following day", 1),
        ("the same day", 0),
        ("a week later", 7),
        ("on Friday", None),
        ("days later", None),
    ],
)
def test_an_offset_phrase_counts_days_from_the_event_told_before(phrase, days):
    from eventcoder.coding.dates import day_offset

    assert day_offset(phrase) == days


def test_an_event_told_a_day_earlier_is_dated_from_the_event_before_it(code_text):
    lead = "Gunmen killed three police officers in Kano on 3 May.\n\n"
    later = lead + "Two days later, soldiers clashed with the gunmen near Zaria."
    assert {m.location: str(m.event_date) for m in code_text(later)} == {
        "Kano": "2024-05-03",
        "Zaria": "2024-05-05",
    }
    # not a DATE entity for the parser: the phrase is read in the sentence
    before = lead + "The day before, soldiers clashed with gunmen near Kaduna."
    assert {m.location: str(m.event_date) for m in code_text(before)} == {
        "Kano": "2024-05-03",
        "Kaduna": "2024-05-02",
    }


@pytest.mark.parametrize(
    "opening",
    ["On 29 Apr 2020,", "On 28 Apr 2020,", "On 29 April 2020,", "On 29 Apr. 2020,"],
)
def test_a_day_and_abbreviated_month_the_model_left_out_of_the_year_are_read(code_text, opening):
    # the model may tag "29" a number and "2020" alone a date: the day and month before it are the date's
    text = f"{opening} police destroyed five hideouts and killed 7 militants in Garissa."
    (mention,) = code_text(text, dt.date(2020, 5, 2))
    assert (mention.event_date.month, mention.event_date.day, mention.time_precision) == (
        4,
        int(opening.split()[1]),
        1,
    )
