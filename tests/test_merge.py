"""Merging mentions across articles into one row per real-world event: one test per rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from eventcoder.warehouse.merge import MentionRow, MergedEvent, merge_mentions, recluster, same_occurrence

ATTACK = MentionRow(
    mention_id="a" * 16,
    article_id="1" * 16,
    event_type="attack",
    sub_event_type="explosion",
    event_date=dt.date(2024, 5, 19),
    time_precision=1,
    actor1="Islamic State (West Africa)",
    actor2="Civilians (Nigeria)",
    iso3="NGA",
    location="Maiduguri",
    admin1="Borno",
    latitude=11.85,
    longitude=13.16,
    geo_precision=1,
    fatalities=12,
    confidence=0.8,
    published_at=dt.date(2024, 5, 19),
    place_text="at a market in Maiduguri",
)


def mention(**changes) -> MentionRow:
    """The attack as reported by another article, with changes."""
    base = {"mention_id": "b" * 16, "article_id": "2" * 16, "published_at": dt.date(2024, 5, 20)}
    return replace(ATTACK, **(base | changes))


def test_two_outlets_on_the_same_attack_are_one_event():
    other = mention(fatalities=14, confidence=0.7, place_text="in Maiduguri")
    events = merge_mentions([], [ATTACK, other])
    assert len(events) == 1 and {m.mention_id for m in events[0].mentions} == {"a" * 16, "b" * 16}
    assert events[0].event_id == ATTACK.mention_id


def test_later_background_mention_with_month_precision_joins():
    later = mention(event_date=dt.date(2024, 5, 16), time_precision=3, place_text=None, fatalities=None)
    assert same_occurrence(ATTACK, later)


def test_different_attacks_same_day_in_different_districts_stay_apart():
    elsewhere = mention(location="Konduga", latitude=11.65, longitude=13.42, place_text="in Konduga")
    assert not same_occurrence(ATTACK, elsewhere)


def test_talks_and_ceasefire_on_the_same_day_stay_apart():
    talks = mention(
        event_type="dialogue", sub_event_type="talks", actor1="Government of Nigeria", actor2=None
    )
    truce = replace(
        talks, mention_id="c" * 16, article_id="3" * 16, event_type="ceasefire", sub_event_type="declared"
    )
    assert not same_occurrence(talks, truce)


def test_truce_declared_and_truce_called_off_stay_apart():
    declared = mention(event_type="ceasefire", sub_event_type="declared", actor1="A", actor2="B")
    ended = replace(declared, mention_id="c" * 16, article_id="3" * 16, sub_event_type="ended")
    assert not same_occurrence(declared, ended)


def test_mentions_of_one_article_never_merge():
    assert not same_occurrence(ATTACK, replace(ATTACK, mention_id="b" * 16))


def test_different_days_or_actors_stay_apart():
    assert not same_occurrence(ATTACK, mention(event_date=dt.date(2024, 5, 18)))
    assert not same_occurrence(ATTACK, mention(actor1="Boko Haram"))
    assert not same_occurrence(ATTACK, mention(actor1=None))


def test_undated_mentions_stay_events_of_their_own():
    assert not same_occurrence(replace(ATTACK, event_date=None), mention(event_date=None))


def test_two_villages_of_one_district_are_two_places():
    a = replace(ATTACK, location="Zhari", geo_precision=3, place_text="in Pasab village of Zhari district")
    b = mention(location="Zhari", geo_precision=3, place_text="in Sangisar village of Zhari district")
    assert not same_occurrence(a, b)


def test_adding_a_mention_keeps_the_event_id():
    first = merge_mentions([], [ATTACK])
    earlier_report = mention(mention_id="0" * 16, published_at=dt.date(2024, 5, 19))
    again = merge_mentions(first, [earlier_report])
    assert [e.event_id for e in again] == [ATTACK.mention_id]
    assert len(again[0].mentions) == 2


def test_an_event_that_loses_its_first_mention_keeps_its_id_and_the_rest():
    third = mention(mention_id="c" * 16, article_id="3" * 16, published_at=dt.date(2024, 5, 21))
    events = merge_mentions([], [ATTACK, mention(), third])
    survivors = recluster([MergedEvent(events[0].event_id, [m for m in events[0].mentions if m != ATTACK])])
    assert [e.event_id for e in survivors] == [ATTACK.mention_id]
    assert {m.mention_id for m in survivors[0].mentions} == {"b" * 16, "c" * 16}
