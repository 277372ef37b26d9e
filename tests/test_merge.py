"""Merging mentions across articles into one row per real-world event: one test per rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from eventcoder.warehouse.merge import (
    MentionRow,
    MergedEvent,
    add_to_index,
    best_mention,
    candidates,
    merge_mentions,
    recluster,
    same_occurrence,
    same_report,
)

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


# ACLED's event definition: precision containment, protests, copies, headlines.

LOGAR = replace(
    ATTACK,
    event_type="clash",
    sub_event_type="armed_clash",
    event_date=dt.date(2020, 4, 29),
    actor1="Taliban",
    actor2="Military Forces of Afghanistan",
    iso3="AFG",
    location="Kharwar",
    admin1="Logar",
    geo_precision=3,
    place_text="in Kharwar district, Logar",
    fatalities=15,
    evidence="On 29 April 2020, soldiers were killed following attacks by Taliban militants in Kharwar "
    "district, Logar.",
)


def country_level(evidence: str, **changes) -> MentionRow:
    """A report of the Logar clash's day and sides placed only at country level."""
    base = {"mention_id": "b" * 16, "article_id": "2" * 16, "location": "Afghanistan", "admin1": None}
    fields = {"geo_precision": 4, "place_text": None, "latitude": None, "longitude": None, "fatalities": 2}
    return replace(LOGAR, **(base | fields | {"evidence": evidence} | changes))


def test_a_country_level_mention_never_merges_with_an_event_in_a_place_it_does_not_name():
    kandahar = country_level(
        "On 29 April 2020, 2 soldiers were killed by a Taliban sniper outside of Maruf, Kandahar."
    )
    assert not same_occurrence(LOGAR, kandahar)
    events = merge_mentions([], [LOGAR, kandahar])
    assert len(events) == 2


def test_a_country_level_mention_that_names_the_place_is_the_same_event():
    named = country_level(
        "On 29 April 2020, two soldiers died in a Taliban attack in Kharwar district, Logar province."
    )
    assert same_occurrence(LOGAR, named)
    link = merge_mentions([], [LOGAR, named])[0].links[named.mention_id]
    assert link.rule == "same_occurrence" and "names Kharwar" in link.evidence


def test_two_country_level_attacks_of_one_day_are_not_one_place():
    a = country_level("Taliban attacked an army post on Wednesday.", mention_id="c" * 16, article_id="3" * 16)
    b = country_level("Taliban fighters stormed a checkpoint on Wednesday, killing four.")
    assert not same_occurrence(a, b)


def test_country_level_ceasefires_of_the_same_sides_merge():
    truce = replace(
        country_level(
            "The TTP declared a ceasefire with the government.", mention_id="c" * 16, article_id="3" * 16
        ),
        event_type="ceasefire",
        sub_event_type="declared",
    )
    other = replace(
        truce, mention_id="d" * 16, article_id="4" * 16, evidence="Government and TTP agree truce."
    )
    assert same_occurrence(truce, other)


PROTEST = replace(
    ATTACK,
    event_type="protest",
    sub_event_type="protest",
    actor1="Protesters (Pakistan)",
    actor2=None,
    assoc_actor_1="Journalists (Pakistan)",
    iso3="PAK",
    location="Lahore",
    admin1="Punjab",
    latitude=31.55,
    longitude=74.34,
    place_text="in Lahore",
    fatalities=None,
    evidence="Journalists protested outside the press club in Lahore on Thursday.",
)


def test_protests_by_the_same_group_at_one_place_and_day_merge_across_articles():
    other = mention(
        **{
            k: getattr(PROTEST, k)
            for k in (
                "event_type",
                "sub_event_type",
                "actor1",
                "actor2",
                "assoc_actor_1",
                "iso3",
                "location",
                "admin1",
                "latitude",
                "longitude",
                "place_text",
                "fatalities",
            )
        },
        evidence="Hundreds of reporters rallied in Lahore against the arrests.",
    )
    assert same_occurrence(PROTEST, other)


def test_protests_of_one_city_and_day_by_unnamed_or_other_groups_stay_apart():
    labourers = replace(
        PROTEST,
        mention_id="b" * 16,
        article_id="2" * 16,
        assoc_actor_1="Labour Group (Pakistan)",
        evidence="Labourers protested in Lahore demanding wages.",
    )
    unnamed = replace(labourers, assoc_actor_1=None, evidence="People protested in Lahore over power cuts.")
    assert not same_occurrence(PROTEST, labourers)
    assert not same_occurrence(PROTEST, unnamed)


def test_reworded_copies_of_one_report_merge_even_unplaced_and_undated():
    text = "Gunmen stormed a wedding party and shot dead a guest, police said."
    a = replace(
        ATTACK,
        event_date=None,
        time_precision=None,
        iso3=None,
        location=None,
        admin1=None,
        latitude=None,
        longitude=None,
        geo_precision=None,
        place_text=None,
        evidence=text,
        lede=text,
    )
    copy = replace(
        a,
        mention_id="b" * 16,
        article_id="2" * 16,
        evidence="According to local sources, " + text.lower(),
        lede="According to local sources, " + text.lower(),
    )
    assert same_occurrence(a, copy)
    assert merge_mentions([], [a, copy])[0].links[copy.mention_id].rule == "same_report"


def test_one_boilerplate_sentence_in_two_different_reports_does_not_merge():
    sentence = "During the day, one Ukrainian soldier was killed at an unspecified location."
    a = replace(
        ATTACK,
        event_date=None,
        iso3=None,
        location=None,
        geo_precision=None,
        place_text=None,
        evidence=sentence,
        lede="On 1 May 2020, rebels fired mortars near Avdiivka. " + sentence,
    )
    b = replace(
        a,
        mention_id="b" * 16,
        article_id="2" * 16,
        lede="On 3 May 2020, rebels fired near Marinka. " + sentence,
    )
    assert not same_occurrence(a, b)


def test_copies_are_filed_together_but_one_sentence_in_many_different_reports_is_not():
    sentence = "Gunmen on motorbikes killed three traders on the road to the market."
    report = replace(
        ATTACK,
        actor1=None,
        event_date=None,
        evidence=sentence,
        lede="Gunmen killed three traders. " + sentence,
    )
    copy = replace(
        report, mention_id="b" * 16, article_id="2" * 16, lede="Gunmen killed three traders, residents said."
    )
    other = replace(
        report,
        mention_id="c" * 16,
        article_id="3" * 16,
        lede="Schools reopened in the capital after the holiday.",
    )
    index: dict = {}
    add_to_index(index, MergedEvent(report.mention_id, [report]), report)
    assert [e.event_id for e in candidates(index, copy)] == [report.mention_id]
    assert candidates(index, other) == []


def test_a_copy_of_one_day_is_looked_up_on_its_day_and_still_found_by_month_dated_copies():
    sentence = "Gunmen on motorbikes killed three traders on the road to the market."
    report = replace(ATTACK, actor1=None, evidence=sentence, lede="Gunmen killed three traders. " + sentence)
    same_day = replace(report, mention_id="b" * 16, article_id="2" * 16)
    next_day = replace(same_day, event_date=dt.date(2024, 5, 20))
    in_may = replace(same_day, event_date=dt.date(2024, 5, 1), time_precision=3)
    in_june = replace(in_may, event_date=dt.date(2024, 6, 1))
    index: dict = {}
    add_to_index(index, MergedEvent(report.mention_id, [report]), report)
    assert [e.event_id for e in candidates(index, same_day)] == [report.mention_id]
    assert candidates(index, next_day) == []  # a report of another day is never the same event
    assert [e.event_id for e in candidates(index, in_may)] == [report.mention_id]
    assert candidates(index, in_june) == []
    by_month: dict = {}
    add_to_index(by_month, MergedEvent(in_may.mention_id, [in_may]), in_may)
    assert [e.event_id for e in candidates(by_month, report)] == [in_may.mention_id]


def test_a_district_sees_many_events_a_day_so_reports_naming_different_villages_stay_apart():
    kinda = replace(
        ATTACK,
        actor1="Military Forces of Syria",
        actor2=None,
        iso3="SYR",
        location="Idlib",
        admin1="Idleb",
        geo_precision=3,
        place_text="in Idleb",
        evidence="On 9 May 2020, regime forces shelled Kinda in Idleb.",
    )
    nayrab = replace(
        kinda,
        mention_id="b" * 16,
        article_id="2" * 16,
        evidence="On 9 May 2020, regime forces shelled the outskirts of Nayrab in Idleb.",
    )
    assert not same_occurrence(kinda, nayrab)
    again = replace(nayrab, evidence="Regime forces shelled Kinda on 9 May 2020.")
    assert same_occurrence(kinda, again)


def test_a_headline_and_the_body_report_of_it_are_one_event():
    headline = replace(
        ATTACK,
        evidence_start=0,
        headline_end=40,
        place_text=None,
        location=None,
        geo_precision=None,
        iso3=None,
        latitude=None,
        longitude=None,
        evidence="Bomb kills 12 at Maiduguri market",
    )
    body = replace(ATTACK, mention_id="b" * 16, evidence_start=60, headline_end=40)
    events = merge_mentions([], [headline, body])
    assert len(events) == 1 and events[0].links[headline.mention_id].rule == "headline"
    assert best_mention(events[0]) == body


def test_two_body_events_of_one_article_stay_apart():
    other = replace(ATTACK, mention_id="b" * 16, evidence_start=80, location="Konduga", latitude=11.65)
    same_place = replace(ATTACK, mention_id="c" * 16, evidence_start=120)
    assert len(merge_mentions([], [ATTACK, other, same_place])) == 3


def test_one_protest_reported_twice_in_an_article_is_one_event():
    sit_in = replace(PROTEST, evidence_start=10, assoc_actor_1="Traders (Pakistan)")
    blocked = replace(
        PROTEST,
        mention_id="b" * 16,
        evidence_start=200,
        assoc_actor_1=None,
        evidence="Traders blocked the road in Lahore.",
    )
    events = merge_mentions([], [sit_in, blocked])
    assert len(events) == 1 and events[0].links[blocked.mention_id].rule == "same_protest"
    elsewhere = replace(blocked, mention_id="c" * 16, location="Multan", latitude=30.2, longitude=71.5)
    assert len(merge_mentions([], [sit_in, elsewhere])) == 2


def test_a_report_that_ties_two_events_makes_them_one():
    base = "gunmen stormed a wedding party and shot dead a guest near the market"

    def report(mention_id: str, article_id: str, text: str) -> MentionRow:
        """An undated, actorless report whose text alone can tie it to others."""
        return replace(
            ATTACK,
            mention_id=mention_id,
            article_id=article_id,
            event_date=None,
            time_precision=None,
            actor1=None,
            evidence=text,
            lede=text,
        )

    one = report("a" * 16, "1" * 16, base + " police officials told reporters later")
    two = report("b" * 16, "2" * 16, base + " witnesses described panic among families")
    bridge = report("c" * 16, "3" * 16, base)
    assert not same_occurrence(one, two) and same_occurrence(one, bridge) and same_occurrence(two, bridge)
    events = merge_mentions([], [one, two])
    assert len(events) == 2
    merged = merge_mentions(events, [bridge])
    assert len(merged) == 1 and {m.mention_id for m in merged[0].mentions} == {"a" * 16, "b" * 16, "c" * 16}
    assert merged[0].links["b" * 16].partner_id == "c" * 16


def shelling(village: str, article: str, **changes) -> MentionRow:
    """A report of artillery on a village that the coder placed only at its province's town."""
    fields = {
        "mention_id": article * 16,
        "article_id": article * 16,
        "sub_event_type": "shelling",
        "actor1": "Military Forces of Nigeria",
        "actor2": None,
        "place_text": "in Borno",
        "evidence": f"On 19 May 2024, army artillery shelled {village} in Borno countryside.",
    }
    return replace(ATTACK, **(fields | changes))


def test_two_villages_shelled_the_same_day_stay_apart_though_placed_alike():
    assert not same_occurrence(shelling("Kawuri", "1"), shelling("Dalwa", "2"))


def test_a_village_taken_for_the_victim_still_tells_the_reports_apart():
    # one copy of the coder read the village as the target side: its name is still a name the other lacks
    assert not same_occurrence(shelling("Kawuri", "1", actor2="Kawuri"), shelling("Dalwa", "2"))


def test_a_copy_that_adds_a_spokesman_or_a_weekday_is_still_the_same_event():
    first = shelling("Kawuri", "1")
    second = replace(
        shelling("Kawuri", "2"),
        evidence="Army artillery shelled Kawuri in Borno countryside on Sunday, spokesman Musa Garba said.",
    )
    assert same_occurrence(first, second)


def test_reworded_copies_that_differ_in_their_figures_are_not_one_report():
    text = "On 7 June 2024, traders protested in Kano over taxes."
    base = replace(ATTACK, place_text=None, evidence=text, lede=text)
    same = replace(base, mention_id="b" * 16, article_id="2" * 16)
    day_after = text.replace("7 June", "8 June")
    other_day = replace(same, evidence=day_after, lede=day_after)
    assert same_report(base, same) is not None
    assert same_report(base, other_day) is None


def test_a_short_sentence_copied_with_an_attribution_added_is_the_same_report():
    opening = "Police raided a depot in Kano on 7 June 2024. Four traders were arrested."
    base = replace(
        ATTACK, event_type="arrest", place_text=None, evidence="Four traders were arrested.", lede=opening
    )
    copy = replace(
        base,
        mention_id="b" * 16,
        article_id="2" * 16,
        evidence="Four traders were arrested, according to local sources.",
        lede=opening.rstrip(".") + ", according to local sources.",
    )
    assert same_report(base, copy) is not None


def test_openings_cut_at_different_words_are_still_one_opening():
    lead = "On 7 June 2024, traders protested in Kano over taxes. "
    story = lead + "shops shut. " * 26 + "all Marchers then walked to the Emir's palace."
    base = replace(ATTACK, place_text=None, evidence=lead.strip(), lede=story[:400])
    shifted = "Local media reported that " + story[:1].lower() + story[1:]
    copy = replace(base, mention_id="b" * 16, article_id="2" * 16, lede=shifted[:400])
    cut = copy.lede.split()[-1]
    assert cut == "Marc" and "Marchers" in base.lede  # the copy's cut goes through a name
    assert same_report(base, copy) is not None


def test_copies_of_one_sentence_about_several_places_stay_one_event_per_place():
    text = "Activists detained in Kano, Zaria and Katsina were freed on 7 June 2024."
    kano = replace(ATTACK, event_type="release", place_text="in Kano", evidence=text, lede=text)
    zaria_copy = replace(kano, mention_id="b" * 16, article_id="2" * 16, place_text="in Zaria")
    assert same_report(kano, zaria_copy) is None


def test_a_riot_and_a_peaceful_protest_at_one_place_and_day_stay_two_events():
    text = "On 9 June 2024, shopkeepers in Kano protested against police, who had slapped a trader."
    sit_in = replace(
        ATTACK,
        event_type="protest",
        sub_event_type="protest",
        acled_event_type="Protests",
        actor1="Protesters (Nigeria)",
        place_text="in Kano",
        evidence=text,
        lede=text,
    )
    brawl_text = "On 9 June 2024, shopkeepers in Kano fought police, who had slapped a trader."
    brawl = replace(
        sit_in,
        mention_id="b" * 16,
        article_id="2" * 16,
        acled_event_type="Riots",
        actor1="Rioters (Nigeria)",
        evidence=brawl_text,
        lede=brawl_text,
    )
    assert same_report(sit_in, brawl) is not None  # worded alike: without the type they would merge
    assert not same_occurrence(sit_in, brawl)
