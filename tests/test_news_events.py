"""Event detection on news: several events in one sentence, discourse, aggregates, type confusions and
fatalities per event; one behaviour per test, on sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow


def places(mentions, event_type=None):
    """The coded locations (of one event type), sorted."""
    return sorted(m.location or "" for m in mentions if event_type is None or m.event_type == event_type)


# -- several events in one sentence -------------------------------------------------------------


def test_protests_in_a_list_of_towns_are_one_event_per_town(code_text):
    mentions = code_text("Protests were held in Mombasa, Kisumu and Nakuru on Friday.")
    assert places(mentions, "protest") == ["Kisumu", "Mombasa", "Nakuru"]
    assert len({m.event_id for m in mentions}) == 3


@pytest.mark.parametrize(
    "text, towns",
    [
        (
            "Protesters clashed with police in Nairobi and the port city of Mombasa on Thursday.",
            ["Mombasa", "Nairobi"],
        ),
        (
            "Protests were held in Nairobi and Marsabit on Friday.",
            ["Marsabit", "Nairobi"],
        ),  # tagged a facility
    ],
)
def test_towns_coordinated_by_their_kind_or_tagged_as_sites_are_one_event_each(code_text, text, towns):
    # "A and the port city of B": B is the list's second town, not the unit A lies in
    mentions = code_text(text)
    assert places(mentions, "protest") == towns
    assert {m.admin1 for m in mentions} == set(towns)


def test_a_preposition_repeated_down_a_list_of_towns_is_one_event_per_town(code_text):
    text = (
        "Students marched in neighbourhoods of Nairobi, in the port city of Mombasa, in the lakeside city"
        " of Kisumu and in Nakuru on Tuesday."
    )
    assert places(code_text(text), "protest") == ["Kisumu", "Mombasa", "Nairobi", "Nakuru"]
    text = "Residents demonstrated in Kiambu town, in Thika subdivision, on Tuesday."  # where the town lies
    assert len(code_text(text)) == 1


def test_a_list_ending_in_its_kind_of_place_is_one_event_per_place(code_text):
    text = (
        "On 4 May 2021, gang members were killed in police operations in Nakuru, Kisumu, Kakamega,"
        " and Bungoma counties."
    )
    assert places(code_text(text)) == ["Bungoma", "Kakamega", "Kisumu", "Nakuru"]


def test_protests_that_rock_a_list_of_towns_are_one_event_per_town(code_text):
    assert places(code_text("Rallies paralysed Nakuru and Eldoret on Monday."), "protest") == [
        "Eldoret",
        "Nakuru",
    ]
    assert places(code_text("Demonstrations swept Mombasa on Friday."), "protest") == ["Mombasa"]


def test_towns_given_as_examples_are_one_event_each(code_text):
    text = "Protests were held in several towns, including Nakuru, Eldoret and Kisumu, on Tuesday."
    assert places(code_text(text), "protest") == ["Eldoret", "Kisumu", "Nakuru"]
    text = "Rallies took place across Kenya on Tuesday, including in Nakuru and Eldoret."
    assert places(code_text(text), "protest") == ["Eldoret", "Nakuru"]


def test_numbers_per_place_are_the_fatalities_of_each_place(code_text):
    mentions = code_text("Six gunmen were killed by police on Sunday: four in Kumasi and two in Tamale.")
    assert sorted((m.location, m.fatalities) for m in mentions) == [("Kumasi", 4), ("Tamale", 2)]


def test_a_county_with_a_figure_of_its_own_in_a_list_of_towns_is_one_more_event(code_text):
    text = "Police said four people died in Kisumu, three in Tana River and two in Nakuru on Monday."
    mentions = code_text(text)
    assert sorted(m.fatalities for m in mentions) == [2, 3, 4]


def test_a_whole_sentence_figure_is_not_given_to_each_place(code_text):
    mentions = code_text("Fighting in the Garissa and Wajir counties killed 12 people on Monday.")
    assert places(mentions) == ["Garissa", "Wajir"]
    assert {m.fatalities for m in mentions} == {None}


def test_places_struck_are_one_event_each(code_text):
    mentions = code_text("Gereshk and Sangin were shelled on Sunday night, residents said.")
    assert places(mentions, "attack") == ["Gereshk", "Sangin"]


def test_a_town_hit_by_munitions_is_struck_by_whoever_fired_them(code_text):
    text = "Army jets bombed Eldoret on Sunday.\n\nKisumu and Nakuru were hit by shells fired by the rebels."
    struck = [m for m in code_text(text) if m.location in ("Kisumu", "Nakuru")]
    assert sorted(m.location for m in struck) == ["Kisumu", "Nakuru"]
    unnamed_rebels = "Unidentified Armed Group (Kenya)"
    assert {(m.sub_event_type, m.actor1) for m in struck} == {("explosion", unnamed_rebels)}


def test_a_town_named_with_who_holds_it_is_still_the_town(code_text):
    text = "Army jets bombed Eldoret on Sunday.\n\nRebel-held Kisumu was hit by barrel bombs on Monday."
    assert "Kisumu" in places(code_text(text), "attack")


def test_a_headline_list_of_towns_without_and_is_one_event_per_town(code_text):
    text = "Scores of workers held as protests turned violent in Multan, Quetta, Peshawar on Monday."
    assert places(code_text(text), "protest") == ["Multan", "Peshawar", "Quetta"]
    # a town and the units that enclose it stay one place
    text = "Gunmen killed two people in Jamrud, Khyber, Khyber Pakhtunkhwa on Monday."
    assert places(code_text(text)) == ["Jamrud"]


def test_a_town_and_its_province_are_one_place(code_text):
    mentions = code_text("On 2 May 2020, in Acapulco, Guerrero, a woman was shot dead in a bar. 1 fatality.")
    assert len(mentions) == 1 and mentions[0].fatalities == 1


def test_a_spot_and_its_unit_in_one_clause_of_two_verbs_are_one_event(code_text):
    # "shot and killed": the place phrases hang on the second verb, one inside the other
    mentions = code_text("Gunmen shot and killed a trader in Mpeketoni in Lamu on Monday.")
    assert [(m.location, m.admin1) for m in mentions] == [("Mpeketoni", "Lamu")]
    text = "Gunmen shot and wounded a chief in the town of Upper Kobarre in the eastern countryside of Lamu."
    assert [(m.location, m.admin1, m.geo_precision) for m in code_text(text)] == [
        ("Upper Kobarre", "Lamu", 2)
    ]
    text = "Gunmen shot a man in Garissa on Monday and killed two women in Wajir."
    assert sorted(m.location for m in code_text(text)) == ["Garissa", "Wajir"]


def test_events_in_two_districts_of_one_province_are_two_events(code_text):
    text = (
        "Soldiers killed three rebels in Gulu district on Monday, the army said.\n\n"
        "Two rebels were also killed by troops in Lira district."
    )
    assert places(code_text(text)) == ["Gulu", "Lira"]


def test_two_spots_of_one_city_are_one_event(code_text):
    text = (
        "Workers scuffled with police outside the Nairobi High Court and the Central Post Office on Monday."
    )
    assert len([m for m in code_text(text) if m.event_type == "protest"]) <= 1


def test_neighbourhoods_of_one_town_are_one_event(code_text):
    text = (
        "Nairobi unrest\n\nProtesters clashed with police in the Kibera and Mathare neighbourhoods on"
        " Monday, Kenyan police said."
    )
    assert len(code_text(text)) == 1


def test_a_hyphenated_name_is_one_place_not_a_list(code_text):
    # the parser coordinates "Bab" and "Salam": each part alone is a town of some other country
    text = (
        "Opposition supporters clashed with riot police outside Bab-e-Salam and the Post Master General"
        " office in Kisumu."
    )
    assert [(m.location, m.iso3) for m in code_text(text)] == [("Kisumu", "KEN")]


# -- type confusions ----------------------------------------------------------------------------


def acled_kinds(mentions):
    """The ACLED sub-event type of every mention, in order."""
    return [m.acled_sub_event_type for m in mentions]


def only_type(mentions):
    """(event_type, sub_event_type) of the single mention."""
    assert len(mentions) == 1, [(m.event_type, m.evidence) for m in mentions]
    return mentions[0].event_type, mentions[0].sub_event_type


def test_an_assault_on_a_police_station_is_a_clash(code_text):
    text = "Militants attacked a police station in Kisumu on Monday, killing two officers."
    assert only_type(code_text(text)) == ("clash", "armed_clash")


def test_an_army_vehicle_that_came_under_attack_is_a_clash(code_text):
    assert only_type(code_text("An army vehicle came under attack near Kisumu on Monday.")) == (
        "clash",
        "armed_clash",
    )


def test_a_crowd_gathering_right_after_protests_are_told_is_a_protest(code_text):
    text = (
        "Opposition protests\n\nProtesters in Nakuru blocked the main highway on Friday. In Kisumu, party"
        " workers converged on the central square, where their leaders joined them."
    )
    assert places(code_text(text), "protest") == ["Kisumu", "Nakuru"]
    assert code_text("Hospital news\n\nRelatives gathered at the hospital in Kisumu on Friday.") == []


def test_an_assault_foiled_or_thwarted_was_fought_off_a_foiled_plot_never_happened(code_text):
    mentions = code_text("On 3 May 2021, police in Mandera foiled an attack by gunmen on a police post.")
    assert [(m.event_type, m.location) for m in mentions] == [("clash", "Mandera")]
    assert code_text("On 3 May 2021, police in Mandera foiled a plot to bomb a church.") == []


def test_an_assault_on_a_wedding_party_stays_an_attack(code_text):
    text = "Gunmen attacked a wedding party in Kisumu on Monday, killing six guests."
    assert only_type(code_text(text)) == ("attack", "armed_assault")


def test_fire_across_the_line_in_a_truce_article_is_a_violation(code_text):
    text = "Border guards fired across the line of control on Tuesday despite the truce, killing a farmer."
    assert only_type(code_text(text)) == ("ceasefire", "violated")


def test_troops_that_fired_across_the_line_fired_on_the_other_side(code_text):
    text = "On Sunday, border troops fired across the line of contact near Zarnok, in breach of the truce."
    assert only_type(code_text(text)) == ("ceasefire", "violated")
    text = "Gunmen fired across the river at a police post in Kisumu on Monday."
    assert only_type(code_text(text))[0] in ("attack", "clash")


def test_party_workers_clashing_with_police_are_a_protest(code_text):
    assert only_type(code_text("Party workers clashed with police in Kisumu on Monday."))[0] == "protest"


def test_people_protesting_who_are_shot_by_police_are_a_protest(code_text):
    text = "Four people protesting against the government were shot dead by police in Kisumu on Monday."
    assert only_type(code_text(text))[0] == "protest"


def test_supporters_who_open_fire_on_a_gathering_are_attackers(code_text):
    text = (
        "Government supporters opened fire on an opposition gathering in Kisumu on Monday, killing a student."
    )
    assert only_type(code_text(text))[0] == "attack"


# -- discourse: headline and body ---------------------------------------------------------------


def test_a_headline_restating_the_lead_event_is_not_a_second_event(code_text):
    text = (
        "Rebels kill two peacekeepers in northern Mali\n\n"
        "Two peacekeepers died on Tuesday when their convoy was ambushed near Tessalit, the mission said."
    )
    mentions = code_text(text)
    assert len(mentions) == 1, [(m.event_type, m.evidence) for m in mentions]
    assert mentions[0].evidence.startswith("Two peacekeepers died")


def test_a_first_line_that_restates_the_sidecar_title_is_the_headline(coder):
    import datetime as dt

    from eventcoder.coding.document import code_doc
    from eventcoder.records import Article

    nlp, res = coder
    text = (
        "Rebels Kill Two Peacekeepers in Northern Mali\n\n"
        "Two peacekeepers died on Tuesday when their convoy was ambushed near Tessalit, the mission said."
    )
    article = Article(
        "t.txt",
        "txt",
        text,
        "0" * 64,
        title="Rebels kill 2 peacekeepers in northern Mali",
        published_at=dt.date(2024, 5, 20),
    )
    mentions = code_doc(nlp(text), article, res)
    assert len(mentions) == 1 and mentions[0].evidence.startswith("Two peacekeepers died")


# -- dates --------------------------------------------------------------------------------------


def test_a_clock_time_before_the_day_does_not_hide_the_day(code_text):
    (mention,) = code_text(
        "Raiders struck a cattle camp near Pibor at around 2am on Tuesday, killing four herders."
    )
    assert str(mention.event_date) == "2024-05-14"  # publication (2024-05-20) is a Monday


def test_an_undated_event_of_a_report_takes_the_lead_events_day(code_text):
    text = (
        "Gunmen attacked a police post in Dorvale on Saturday, killing two officers, officials said.\n\n"
        "The post guards the only road to the border. The valley has long been poor.\n\n"
        "Four suspects were arrested by police in a raid on a hideout in the hills."
    )
    later = [m for m in code_text(text) if m.evidence.startswith("Four suspects")]
    assert [(str(m.event_date), m.date_origin) for m in later] == [("2024-05-18", "lead")]


def test_an_undated_event_of_an_undated_report_stays_undated(code_text):
    text = "Four suspects were arrested by police in a raid on a hideout in the hills near Dorvale."
    assert {m.event_date for m in code_text(text, published=None)} == {None}


def test_what_happened_later_that_day_is_another_event(code_text):
    text = (
        "On Friday, two farmers were shot dead by insurgents in Kilwe village. That same Friday, later in "
        "the day, insurgents raided an outlying neighbourhood of Tamba town and killed three people."
    )
    assert len([m for m in code_text(text) if m.event_type == "attack"]) == 2


def test_what_happened_over_the_weekend_is_dated_to_the_weekend(code_text):
    text = (
        "A bomb killed a soldier in Mandera on Monday. Over the weekend, shops in Lamu were bombed, "
        "and two traders died. Over the past decade, bandits have raided Kerow many times."
    )
    dated = {m.location: (str(m.event_date), m.time_precision) for m in code_text(text)}
    assert dated == {"Mandera": ("2024-05-20", 1), "Lamu": ("2024-05-18", 2)}


def test_several_blasts_that_went_off_are_an_event_several_attacks_that_have_hit_are_a_trend(code_text):
    blasts = code_text("Several explosions went off in Eldoret, police said.")
    assert only_type(blasts) == ("attack", "explosion")
    assert code_text("Several attacks have hit Eldoret, police said.") == []


def test_an_abduction_and_blasts_told_in_two_clauses_are_two_events(code_text):
    text = "In Kisumu, four police officers were abducted and several explosions went off."
    assert sorted(m.sub_event_type for m in code_text(text)) == ["abduction", "explosion"]
    assert len(code_text("A shoot-out broke out in Nakuru and a suspect was shot.")) == 1


def test_violence_at_another_town_in_a_clause_of_its_own_is_another_event(code_text):
    text = "Lamu was shelled six times on Monday, while Mpeketoni was struck three times, officials said."
    assert sorted(m.location for m in code_text(text)) == ["Lamu", "Mpeketoni"]
    text = "In Kisumu, gunmen shot dead a trader, and a soldier was attacked in Mpeketoni neighbourhood."
    assert len(code_text(text)) == 1  # a neighbourhood: part of the town told before
    text = (
        "On Monday, clashes erupted between youths and soldiers in Lamu while soldiers carried out "
        "arrest raids in Mpeketoni nearby."
    )
    assert len(code_text(text)) == 1  # a noun's clause ("carried out raids") tells no second scene


def test_march_opening_a_sentence_as_a_modifier_is_the_march_not_the_month(code_text):
    text = (
        "Thousands protested in Kisumu on Tuesday against the finance bill.\n\n"
        "March coordinator Ann Otieno estimated that 4,000 people had joined the demonstration."
    )
    assert [str(m.event_date) for m in code_text(text)] == ["2024-05-14"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "On 3 May 2024, unidentified gunmen attacked Mahenge (Faskari LGA, Katsina) and killed a farmer.",
            ("Mahenge", "Katsina", "NGA", 2, "Civilians (Nigeria)"),
        ),
        (
            "Gunmen attacked Nkove (Lamu West, Lamu) overnight and killed a farmer.",
            ("Nkove", "Lamu", "KEN", 2, "Civilians (Kenya)"),
        ),
        (
            "Gunmen attacked Nkove village (Lamu West, Lamu) overnight and killed a farmer.",
            ("Nkove", "Lamu", "KEN", 2, "Civilians (Kenya)"),
        ),
    ],
)
def test_a_town_attacked_is_placed_by_the_units_in_brackets_after_it(code_text, text, expected):
    # a namesake abroad (Mahenge and Nkove are towns of Tanzania) is not the town the units name,
    # however the parser attached the bracket; the town's people are hit, not a group of its name
    (m,) = code_text(text)
    assert (m.location, m.admin1, m.iso3, m.geo_precision, m.actor2) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On Monday a supply convoy under military escort was ambushed at Kobarre, in Lamu county.",
        "On Monday, militants killed two herders at Kobarre, Lamu county.",
    ],
)
def test_a_name_written_with_its_unit_after_a_comma_is_the_place(code_text, text):
    # a village the gazetteer lacks, tagged a person: its unit after the comma makes it a place phrase
    (m,) = code_text(text)
    assert (m.location, m.admin1, m.geo_precision) == ("Kobarre", "Lamu", 2)


def test_forces_at_a_namesake_abroad_are_named_for_the_place_the_article_means(code_text):
    # "in Sendai" alone is the Japanese city; the article placed its Sendai in Lamu county, Kenya, so
    # the soldiers there are Kenya's, not Japan's
    text = (
        "Gunmen attacked homes in Sendai township, Lamu county, on Monday and killed a farmer.\n"
        "On Tuesday, soldiers raided homes in Sendai and killed two suspected gunmen."
    )
    raid = next(m for m in code_text(text) if m.event_type == "clash")
    assert (raid.iso3, raid.location, raid.actor1) == ("KEN", "Sendai", "Military Forces of Kenya")


def test_a_town_shelled_in_a_provinces_countryside_is_the_town(code_text):
    # the parser reads "X in Y countryside" as the countryside's modifier X: X is still what was shelled
    (m,) = code_text("On Tuesday government troops shelled Usoke in Idleb countryside with mortars.")
    assert (m.location, m.admin1, m.iso3, m.geo_precision) == ("Usoke", "Idleb", "SYR", 2)


@pytest.mark.parametrize(
    "headline, body",
    [
        (
            "Militants kill two in attack in Mandera",
            "Militants attacked Kobarre village in Mandera county on Monday, killing two people.",
        ),
        (
            "Seventeen soldiers killed by rebels in Garissa",
            "Seventeen soldiers have been killed by rebels in an encounter near Kobarre, in Garissa county.",
        ),
    ],
)
def test_the_body_places_an_event_its_headline_places_in_the_same_province(code_text, headline, body):
    # the headline's town is the province's seat; the body tells the village
    (m,) = code_text(f"{headline}\n\n{body}")
    assert m.location == "Kobarre"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("On Monday jets bombed Kobarre, a small village in the south of Lamu county.", "attack"),
        ("On Monday gunmen attacked Kobarre, a village in Lamu county, and killed two farmers.", "attack"),
        ("Rebels captured Kobarre, a village in Lamu county, on Monday.", "clash"),
    ],
)
def test_a_town_struck_or_taken_is_the_name_set_beside_its_kind_of_settlement(code_text, text, kind):
    # "X, a village in Y": the place phrase hangs on the apposition; X is what was struck or taken
    (m,) = code_text(text)
    assert (m.event_type, m.location, m.admin1, m.geo_precision) == (kind, "Kobarre", "Lamu", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized the town of Mpeketoni in Kenya's Lamu county on Sunday after fighting with troops.",
        "Bandits raided the village of Mpeketoni, in Lamu county, on Sunday and stole 200 cattle.",
        "Gunmen attacked the town of Mpeketoni, in Lamu county, on Sunday and killed two farmers.",
    ],
)
def test_a_settlement_named_as_the_object_struck_or_taken_is_the_place(code_text, text):
    # "the town of X" as the verb's object is where it happened, before the unit the clause names after it
    places = {(m.location, m.admin1, m.geo_precision) for m in code_text(text)}
    assert ("Mpeketoni", "Lamu", 1) in places
    assert all(location == "Mpeketoni" for location, _, _ in places)


@pytest.mark.parametrize(
    "text, town, county",
    [
        ("Soldiers shelled the town of Banissa in Mandera county on Monday.", "Banissa", "Mandera"),
        ("Rebels attacked the village of Habaswein, in Wajir county, on Monday.", "Habaswein", "Wajir"),
    ],
)
def test_a_town_named_after_of_is_a_place_whatever_the_tagger_took_it_for(code_text, text, town, county):
    # the tagger takes these names for a person and an organisation; "the town of X" names a town
    (mention,) = code_text(text)
    assert (mention.location, mention.admin1) == (town, county)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Air force jets killed 30 Zarvo Front fighters in raids on their camps near Garissa on Monday.",
            "explosion",
        ),
        ("Five Zarvo Front fighters were killed by a drone near Garissa on Monday.", "explosion"),
        (
            "Troops killed 30 Zarvo Front fighters in raids on their camps near Garissa on Monday.",
            "armed_clash",
        ),
        ("Air force intelligence officers shot dead two farmers near Garissa on Monday.", "armed_assault"),
    ],
)
def test_a_killing_by_aircraft_is_an_air_strike(code_text, text, sub_event_type):
    # the subject's (or agent's) head is an aircraft or a drone: an air strike, whoever was hit
    (mention,) = code_text(text)
    assert mention.sub_event_type == sub_event_type


def test_a_clause_set_days_after_another_is_another_days_event(code_text):
    # "on Sunday, two days after militants attacked X": the attack two days before, in its own place,
    # with its own dead; the killing keeps Sunday and its three dead
    text = (
        "Gunmen killed three people in Garissa on Sunday, two days after militants attacked a post in Wajir."
    )
    found = {(m.location, m.event_date, m.fatalities) for m in code_text(text, dt.date(2024, 5, 21))}
    assert found == {("Garissa", dt.date(2024, 5, 19), 3), ("Wajir", dt.date(2024, 5, 17), None)}


def test_a_killing_in_a_clause_set_days_before_is_its_own_event(code_text):
    # "attacked X on Sunday, two days after militants killed five in Y": the killing two days before in Y
    text = (
        "NAIROBI - Gunmen attacked a police post in Garissa on Sunday, two days after militants killed five"
        " people in Wajir."
    )
    found = {(m.location, m.event_date, m.fatalities) for m in code_text(text, dt.date(2024, 5, 21))}
    assert found == {("Garissa", dt.date(2024, 5, 19), None), ("Wajir", dt.date(2024, 5, 17), 5)}


def test_an_arrest_a_day_after_a_protest_is_not_part_of_it(code_text):
    text = "Police arrested 20 people in Nakuru on Sunday, a day after protesters clashed with police there."
    found = {(m.event_type, m.event_date) for m in code_text(text, dt.date(2024, 5, 21))}
    assert found == {("arrest", dt.date(2024, 5, 19)), ("protest", dt.date(2024, 5, 18))}


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers killed at least 20 civilians in the village of Zzqxville in central Mali last week.",
        "Soldiers killed at least 20 civilians in Zzqxville, central Mali, last week, residents said.",
    ],
)
def test_an_unknown_village_in_a_country_named_beside_it_is_in_that_country(code_text, text):
    # Guinea has a prefecture named Mali: the country written beside a village is the country
    (mention,) = code_text(text)
    assert (mention.iso3, mention.actor2) == ("MLI", "Civilians (Mali)")


def test_two_events_of_one_sentence_each_count_their_own_dead(code_text):
    text = (
        "On Sunday one soldier died and a policeman was hurt in an attack on a checkpoint in Mandera, "
        "while on Friday suspected militants killed five police officers in skirmishes near Garissa."
    )
    dead = {(m.location, m.fatalities) for m in code_text(text, dt.date(2024, 5, 21))}
    assert {("Mandera", 1), ("Garissa", 5)} <= dead


def test_an_event_noun_describing_a_kind_of_people_is_no_event(code_text):
    assert code_text("The coffins stood for farmers who died in clashes over land, organisers said.") == []


def test_a_town_shelled_in_a_province_is_the_place_shelled(code_text):
    # the object of a strike, with the place phrase after it: the town, in the unit the phrase names
    (mention,) = code_text("Soldiers shelled Kobarre in Lamu on Monday, residents said.")
    assert (mention.location, mention.admin1, mention.geo_precision) == ("Kobarre", "Lamu", 2)
    assert mention.actor2 == "Civilians (Kenya)"
    (mention,) = code_text("Soldiers shelled Mpeketoni in Lamu on Monday, residents said.")
    assert (mention.location, mention.geo_precision) == ("Mpeketoni", 1)
    (mention,) = code_text("Soldiers shelled Kobarre village in the east of Lamu county on Monday.")
    assert (mention.location, mention.admin1) == ("Kobarre", "Lamu")
    # a site of a side ("the ... College") is no town: the place phrase places it
    (mention,) = code_text("On Monday jets bombed the Zarvo Front Training College in Lamu, Kenya.")
    assert mention.location == "Lamu"


def test_towns_shelled_that_the_gazetteer_lacks_are_events_of_their_own(code_text):
    # "A and B were hit by shells": the names are towns, in the country the article tells of; a list of
    # the same towns elsewhere ("a truce in A, B and C") does not move them, nor does another town's place
    text = (
        "A brief truce in Kobarre, Al-Qurdaha and Mandera is over, and the three Kenyan towns were under "
        "bombardment again on Monday.\n\n"
        "Kobarre and Al-Qurdaha were still being hit by shells and makeshift rockets as the morning "
        "went on.\n\n"
        "Mandera, meanwhile, was hit by about 14 bombs dropped from helicopters."
    )
    attacks = [m for m in code_text(text) if m.event_type == "attack"]
    assert sorted((m.location, m.iso3) for m in attacks) == [
        ("Al-Qurdaha", "KEN"),
        ("Kobarre", "KEN"),
        ("Mandera", "KEN"),
    ]
    assert {m.actor2 for m in attacks if m.location != "Mandera"} == {"Civilians (Kenya)"}


def test_the_day_set_beside_a_date_dates_what_happened_that_day(code_text):
    # "since 8 October, the day X fired rockets": the clause on "the day" is dated by the date it explains
    text = (
        "The border has been tense since October 8, 2023, the day the Zarvo Front fired rockets at Kenya "
        "to show solidarity with al-Shabaab after its attack on Kenya on October 7."
    )
    dated = sorted((m.event_date, m.actor1) for m in code_text(text, dt.date(2024, 4, 18)))
    # "its attack": the group named last before the pronoun did it
    assert dated == [(dt.date(2023, 10, 7), "Al Shabaab"), (dt.date(2023, 10, 8), "Zarvo Front")]


def test_their_attacks_repulsed_are_the_attackers_not_the_defenders(code_text):
    text = "Four al-Shabaab fighters were killed when soldiers repulsed their attacks on checkpoints in Lamu."
    (mention,) = code_text(text)
    assert (mention.actor1, mention.actor2) == ("Al Shabaab", "Military Forces of Kenya")


def test_an_attack_on_a_town_is_placed_there_and_hits_its_people(code_text):
    (mention,) = code_text("Rebels launched an attack on Mandera on Monday, killing four people.")
    assert (mention.location, mention.actor2) == ("Mandera", "Civilians (Kenya)")


def test_a_countrys_assault_on_a_whole_country_is_the_war_unless_dated(code_text):
    assert code_text("With its brutal assault on Somalia, Ethiopia has brought war back to the region.") == []
    assert code_text("Ethiopia's attack on Somalia has drawn condemnation across the region.") == []
    assert len(code_text("Ethiopia's attack on Somalia on Tuesday killed four people.")) == 1


def test_fighting_framed_by_a_whole_war_is_no_event_unless_dated(code_text):
    text = "During the civil war in neighbouring Somalia, the Zarvo Front fought alongside federal troops."
    assert code_text(text) == []
    assert len(code_text("During the war, soldiers shelled Mandera on Tuesday, killing four people.")) == 1


def test_a_press_conference_is_no_talks_a_conference_of_two_sides_is(code_text):
    assert code_text("The minister used the daily press conference to praise the fall in murders.") == []
    text = "Officials of Kenya and Somalia met at a conference in Nairobi on Monday to discuss the border."
    assert only_type(code_text(text)) == ("dialogue", "talks")


def test_an_arrest_reported_as_a_statement_of_its_own_is_an_event_of_its_own(code_text):
    text = (
        "Police said that the gunfight had left three people dead in Lamu, and that officers had "
        "detained five suspects."
    )
    assert sorted(m.event_type for m in code_text(text)) == ["arrest", "clash"]
    text = "Three people were killed and five were arrested in Lamu on Monday."
    assert [m.event_type for m in code_text(text)] == ["attack"]


def test_grenades_an_assault_was_carried_out_with_are_its_means_artillery_is_the_event(code_text):
    text = (
        "An assault by militants on a police post in Lamu on Tuesday, carried out with machine guns and "
        "rocket-propelled grenades, left two officers dead."
    )
    assert only_type(code_text(text)) == ("clash", "armed_clash")
    shelling = code_text("Soldiers attacked rebel positions in Lamu with heavy artillery on Tuesday.")
    assert only_type(shelling) == ("attack", "explosion")


def test_a_caption_told_apart_folds_into_the_body_event_that_took_in_the_headline():
    from types import SimpleNamespace

    from eventcoder.coding.headlines import fold_headlines
    from eventcoder.coding.occurrences import Cluster

    def mention(headline: bool) -> SimpleNamespace:
        return SimpleNamespace(headline=headline, shadow=False, family="violent")

    caption, headline, body = mention(True), mention(True), mention(False)
    folded = fold_headlines([Cluster([caption]), Cluster([headline, body])])
    assert [c.members for c in folded] == [[caption, headline, body]]


def test_protesters_arrested_are_the_arrest_not_a_protest_of_their_own(code_text):
    arrest = code_text("Police in Kisumu detained 40 protesters on Monday.")
    assert [m.event_type for m in arrest] == ["arrest"]
    tear_gas = code_text("Police fired tear gas at protesters in Kisumu on Monday.")
    assert [m.event_type for m in tear_gas] == ["protest"]


def test_arrests_told_with_a_protest_leave_it_a_protest(code_text):
    text = "Protesters marched in Kisumu on Monday, and police detained 40 protesters."
    assert [m.event_type for m in code_text(text)] == ["protest"]


def test_one_after_another_over_time_is_a_series_not_an_event(code_text):
    text = "The Zarvo Front has weakened as one commander after another has been caught or killed."
    assert code_text(text) == []
    assert len(code_text("Gunmen shot the passengers one after another in Lamu on Monday.")) == 1


def test_a_ceasefire_agreement_is_the_ceasefire_coded_once(code_text):
    text = "A cessation of hostilities agreement was signed by the warring parties in Kisumu on 21 May."
    assert only_type(code_text(text)) == ("ceasefire", "declared")
    peace = code_text("A peace agreement was signed by the warring parties in Kisumu on 21 December 2017.")
    assert only_type(peace) == ("agreement", "agreement")


def test_guns_that_went_quiet_tell_a_truce_taking_hold(code_text):
    mentions = code_text("Fighting raged in Lamu on Friday. The guns went quiet in Lamu on Saturday.")
    assert sorted((m.event_type, str(m.event_date)) for m in mentions) == [
        ("ceasefire", "2024-05-18"),
        ("clash", "2024-05-17"),
    ]


# -- tallies over a stretch of time -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bandit attacks have plagued the northern valleys since 2015, officials said.",
        "By some estimates, about 40,000 people have been killed in the war.",
        "Since the 2019 coup, Larvania has been mired in conflict, with the army battling rebels.",
    ],
)
def test_a_tally_since_long_ago_or_over_a_whole_war_is_no_event(code_text, text):
    assert code_text(text) == []


def test_a_clause_dated_only_by_an_earlier_year_is_background(code_text):
    assert code_text("Zarvo Front gunmen attacked a police post in Kerow in 2011.") == []
    assert code_text("The Zarvo Front took up arms in Kerow in 2011 and later spread its raids east.") == []
    assert code_text("Zarvo Front gunmen attacked a police post in Kerow on Tuesday.") != []


def test_a_tally_since_a_recent_day_is_still_the_event(code_text):
    mentions = code_text(
        "Since the fighting began in Kerow on Saturday, 12 people have died, officials said."
    )
    assert len(mentions) == 1


def test_a_tally_shared_by_two_verbs_or_since_a_campaign_began_is_no_event(code_text):
    text = "Dozens of police posts in Kisumu have been raided and burned since January, officials said."
    assert code_text(text) == []
    text = "Nine soldiers have been killed since the Zarvo Front began its campaign in Kerow on May 1."
    assert code_text(text) == []
    assert len(code_text("Since the fighting began in Kerow on May 1, nine soldiers have died.")) == 1


def test_the_offensive_a_tally_starts_from_is_no_event_of_its_own(code_text):
    text = "Five peacekeepers have died since rebels launched an offensive against the president on May 1."
    assert code_text(text) == []
    assert code_text("Three soldiers have been killed in Kerow since the offensive of May 1.") == []


def test_occasions_counted_in_the_hundreds_are_a_tally(code_text):
    text = (
        "Rebels have violated the truce more than 300 times along the front so far this year, killing or"
        " wounding dozens of civilians."
    )
    assert code_text(text) == []
    # a few strikes of one day at one place are one event
    assert len(code_text("Soldiers shelled Kerow three times on Monday, a resident said.")) == 1


def test_the_wounded_of_an_attack_are_no_event_of_their_own(code_text):
    assert code_text("Three of the wounded were women, officials said on Monday.") == []
    assert code_text("Among the injured were two children, the hospital said on Monday.") == []


def test_hostages_set_free_are_released_by_who_set_them_free(code_text):
    (mention,) = code_text(
        "On Friday, Zarvo Front fighters set 12 hostages free in Lamu, the Red Cross said."
    )
    assert (mention.event_type, mention.actor1) == ("release", "Zarvo Front")
    # a dateline's place the parser reads as a second subject is not the actor
    (mention,) = code_text(
        "LAMU, Nov 24: On Friday, Zarvo Front fighters set 12 hostages free, the Red Cross said."
    )
    assert mention.actor1 == "Zarvo Front"


def test_what_had_never_happened_before_is_no_event(code_text):
    assert code_text("Never before in this conflict had rebels attacked Kakuma, the commissioner said.") == []
    assert code_text("Never before had rebels attacked Kakuma, the commissioner said on Monday.") == []


def test_a_weapon_named_by_an_event_word_is_no_event(code_text):
    text = "Police in Kisumu seized two assault rifles and a bomb squad searched the house on Monday."
    assert code_text(text) == []


def test_the_protesters_owning_a_noun_are_no_protest(code_text):
    text = "The protesters' anger is aimed at the ruling party's rigging of October's elections in Kenya."
    assert code_text(text) == []


def test_people_hit_by_the_fighting_are_the_conflicts_toll(code_text):
    text = "The deal eases the passage of aid to people hit by the fighting in Mandera County."
    assert [m.event_type for m in code_text(text)] == []
    # fighting that hit a place on a day of its own is an event
    assert len(code_text("The village of Kerow was hit by fighting on Monday, residents said.")) == 1


def test_an_escalation_of_fighting_is_a_trend_not_an_occurrence(code_text):
    text = "Clashes in Kenya\n\nThe governor of Turkana reported an escalation of fighting in Lodwar."
    assert [m.event_type for m in code_text(text) if m.location == "Lodwar"] == []


def test_a_dated_attack_that_opened_a_stretch_is_still_coded(code_text):
    text = "More than 300 people have been killed in the town since the March 3, 2022 attack on its market."
    assert [m.event_type for m in code_text(text)] == ["attack"]


def test_a_verb_told_of_kinds_of_people_or_things_is_no_occurrence(code_text):
    assert code_text("In some areas, gunmen have kidnapped farmers for ransom.") == []
    assert code_text("Armed groups have attacked schools, aid workers say.") == []
    assert code_text("In many villages militants burn churches.") == []
    assert len(code_text("Gunmen have killed 12 villagers in Zamfara.")) == 1  # counted: one occurrence
    assert len(code_text("Protesters have blocked roads in Nairobi.")) == 1  # its own place
    assert len(code_text("Gunmen attacked schools in Kaduna on Monday.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Troops killed 19 insurgents during several operations in the district, officials said.",
        "The spokesman said police had also detained dozens of suspects in a number of raids.",
        "The spokesman said soldiers had also detained Zarvo Front members, among them foreigners plotting"
        " deadly attacks, in a number of raids.",
        "Zarvo Front fighters had opened fire on army posts a number of times recently, he said.",
        "In May, troops killed a number of Zarvo Front fighters, some of them commanders, in several raids.",
        "Police have killed several of the gang's leaders in recent operations in Kerow.",
        "After jihadists killed 74 soldiers in attacks in March and April, the army closed the markets.",
        "The two sides met in Geneva to end a war that has lasted decades and killed thousands of people.",
        "Larvania and Norvia are fighting a jihadist insurgency that began a decade ago.",
        "According to UN figures, some 3,000 people were killed in the two countries last year.",
        "A report by a research group recorded 97 militant attacks across Kenya in February, which left"
        " 87 people dead.",
    ],
)
def test_a_sum_over_unnamed_occasions_a_wars_toll_or_a_statistic_is_no_event(code_text, text):
    assert [m.event_type for m in code_text(text) if m.event_type != "dialogue"] == []


def test_a_count_of_one_dated_day_or_of_named_operations_is_still_an_event(code_text):
    assert len(code_text("Troops killed 19 insurgents in an operation in Garissa on Monday.")) == 1
    assert len(code_text("Jihadists killed 17 soldiers in attacks on two posts in Garissa on Monday.")) == 1
    assert len(code_text("Gunmen attacked the village of Kerow several times on Monday.")) == 1
    assert len(code_text("According to police figures, gunmen killed 12 people in Wajir on Monday.")) == 1


def test_a_diplomatic_protest_is_no_demonstration(code_text):
    text = "The ministry summoned the envoy in Nairobi on Monday and handed him a protest note."
    assert [m.event_type for m in code_text(text)] == []
    assert code_text("Nairobi lodged a strong protest with Kampala over the border incident on Monday.") == []
    assert [m.event_type for m in code_text("Students staged a protest in Nairobi on Monday.")] == ["protest"]


def test_the_capture_of_a_town_is_no_arrest(code_text):
    text = "The rebels, whose capture of Bukavu in February drew condemnation, held talks in Doha."
    assert "arrest" not in [m.event_type for m in code_text(text)]


def test_a_war_that_killed_thousands_is_no_event_whatever_day_the_report_names(code_text):
    text = (
        "Officials said on Tuesday that the two sides had met in Nairobi for talks to end a conflict that"
        " has lasted decades and killed thousands."
    )
    assert [m.event_type for m in code_text(text)] == ["dialogue"]


def test_a_protest_being_planned_or_barred_is_no_protest(code_text):
    text = (
        "The police told the court that a protest being planned by a group of students was likely to block"
        " roads in Nairobi."
    )
    assert code_text(text) == []
    assert code_text("Court order bars protest in Nairobi") == []
    assert len(code_text("A protest planned by students took place in Nairobi on Monday.")) == 1


def test_a_conference_centre_is_a_venue_not_talks(code_text):
    text = "At the conference centre in Pretoria, the mediator explained that the deal covers disarmament."
    assert [m.event_type for m in code_text(text) if m.event_type == "dialogue"] == []


def test_places_that_meet_are_no_meeting(code_text):
    text = "The raid on the market near the lake, where Niger, Chad and Nigeria meet, lasted five hours."
    assert "dialogue" not in [m.event_type for m in code_text(text)]


def test_a_photo_captions_closing_date_is_the_day_of_the_photo_not_of_the_event(code_text):
    text = (
        "Police officers inspect bullet marks at the scene of a shootout in Garissa, Kenya,"
        " March 20, 2015.\n\n"
        "The Thursday night shootout in Garissa killed five police officers, the police said on Friday."
    )
    mentions = code_text(text, dt.date(2015, 3, 20))
    assert [m.event_date for m in mentions] == [dt.date(2015, 3, 19)]


def test_a_clash_told_again_with_its_hour_or_an_unnamed_side_is_the_same_clash(code_text):
    text = (
        "Troops fought Zarvo Front rebels on Sunday on the outskirts of Bukavu, the army said. The"
        " rebels said in a statement that the clashes started at 2 p.m. local time when government troops"
        " launched an assault on rebel positions near the city."
    )
    mentions = code_text(text)
    assert len({m.event_id for m in mentions}) == 1
    assert [m.location for m in mentions] == ["Bukavu"]  # "on the outskirts of" a town places it
    text = (
        "Troops fought Zarvo Front rebels near Bukavu. Four soldiers were killed in Bukavu on Sunday when"
        " troops clashed with rebel gunmen there, the army said."
    )
    mentions = code_text(text)
    assert len(mentions) == 1 and "Zarvo Front" in (mentions[0].actor1, mentions[0].actor2)


def test_a_town_or_post_seized_captured_or_taken_over_is_a_battle_for_it(code_text):
    mentions = code_text("Militiamen seized the town of Garissa on Tuesday after heavy fighting.")
    assert [(m.event_type, m.location) for m in mentions] == [("clash", "Garissa")]
    text = "The town of Mandera was captured from the rebels on Tuesday by government troops."
    mentions = code_text(text)
    assert [(m.event_type, m.location, m.actor1) for m in mentions] == [
        ("clash", "Mandera", "Military Forces of Kenya")
    ]
    assert mentions[0].actor2 is not None  # who lost it: "from the rebels"
    text = "Heavily armed gunmen took over the police station in Kisumu on Tuesday."
    assert [m.event_type for m in code_text(text)] == ["clash"]


@pytest.mark.parametrize(
    "text",
    [
        "The army seized power in a coup in Niamey on Wednesday.",
        "Police seized weapons and drugs in Garissa on Tuesday.",
        "Over the years the rebels gradually began capturing territories in the north.",
        "Demonstrators took over the finance ministry in Nairobi on Tuesday.",  # an occupation: a protest
    ],
)
def test_power_goods_or_territories_in_general_taken_are_no_battle(code_text, text):
    assert [m.event_type for m in code_text(text) if m.event_type == "clash"] == []


def test_two_clauses_of_two_days_are_two_events(code_text):
    text = (
        "One soldier died in an attack on a security checkpoint in Garissa last Sunday, while on Friday"
        " suspected militants killed five security officers in skirmishes."
    )
    assert sorted(m.event_date.day for m in code_text(text)) == [17, 19]


def test_the_day_a_report_was_filed_or_made_gives_way_to_the_day_of_the_event(code_text):
    text = (
        "MOMBASA, June 4 (Wire): The army said that two soldiers died in a firefight with rebels in"
        " Kwale county. According to the army, the gunbattle broke out in a village in Kwale county on"
        " Thursday and went on for an hour."
    )
    mentions = code_text(text, dt.date(2021, 6, 4))
    assert [m.event_date for m in mentions] == [dt.date(2021, 6, 3)]


# -- a definite mention points back -------------------------------------------------------------


def test_the_latest_attack_is_the_one_just_told(code_text):
    text = (
        "Kenya school abduction\n\nGunmen stormed a school in Mandera on Friday and abducted 30 pupils.\n\n"
        "Officials have voiced concern over the latest abduction."
    )
    mentions = code_text(text)
    assert [(m.location, m.event_date) for m in mentions] == [("Mandera", dt.date(2024, 5, 17))]


def test_the_clash_after_a_raid_is_the_raid(code_text):
    text = "Raiders struck a cattle camp near Pibor on Tuesday, killing four. A raider died in the clash."
    assert len(code_text(text)) == 1


def test_the_attack_after_a_broken_truce_is_the_violation(code_text):
    text = (
        "The army broke the ceasefire on Thursday by shelling rebel positions at Kirwa village, the rebels "
        "said. Two fighters were wounded in the attack, they added."
    )
    assert not [m for m in code_text(text) if m.evidence.startswith("Two fighters")]


def test_a_headline_clash_of_police_with_protesters_is_the_bodys_protest(code_text):
    text = (
        "Police clash with protesters demanding governor's resignation\n\n"
        "Protesters demanding the resignation of the governor were met with tear gas from police in Dorvale "
        "on Tuesday, witnesses said."
    )
    mentions = code_text(text)
    assert [m.event_type for m in mentions] == ["protest"]
    assert mentions[0].sub_event_type == "protest" and not mentions[0].actor1.startswith("Rioters")


def test_talks_are_placed_at_a_venue_their_sentence_names_and_never_at_a_party_home(code_text):
    held = code_text(
        "Government envoys and rebel commanders held peace talks that ended in Nairobi, Kenya, on 3 May 2024."
    )
    assert [(m.event_type, m.iso3, m.location) for m in held] == [("dialogue", "KEN", "Nairobi")]
    unplaced = code_text("Sudanese army officers and rebel leaders held peace talks on 3 May 2024.")
    assert [(m.event_type, m.iso3) for m in unplaced] == [("dialogue", None)]


def test_police_of_several_towns_firing_on_demonstrators_is_one_protest_per_town(code_text):
    # the sentence opens with the list ("Police in A and B"): each town is its own event's place, the first
    # town does not frame the second as the opening place of a single event would
    mentions = code_text("Police in Nakuru and Eldoret fired tear gas at demonstrators on Monday.")
    assert sorted((m.event_type, m.location) for m in mentions) == [
        ("protest", "Eldoret"),
        ("protest", "Nakuru"),
    ]


def test_places_hit_by_shells_are_the_places_of_the_shelling(code_text):
    # the weapon is the agent of a passive violent verb: its subjects are where it struck
    mentions = code_text("Binnish and Saraqib were hit by shells and rockets on Sunday.")
    assert sorted((m.event_type, m.location) for m in mentions) == [
        ("attack", "Binnish"),
        ("attack", "Saraqib"),
    ]


def test_talks_with_no_venue_in_their_sentence_are_held_where_the_article_holds_its_talks(code_text):
    text = (
        "Government and rebel delegations opened peace talks in Nairobi, Kenya, on 13 May.\n\n"
        "On Friday the two delegations met again and held talks on a prisoner exchange."
    )
    mentions = code_text(text)
    assert [(m.event_type, str(m.event_date), m.location) for m in mentions] == [
        ("dialogue", "2024-05-13", "Nairobi"),
        ("dialogue", "2024-05-17", "Nairobi"),
    ]


def test_an_event_with_no_place_lies_in_the_country_of_the_places_the_article_names(code_text):
    # no country is named, but every place named is Kenyan (Peruvian): the unplaced arrest (talks) is there
    arrest = code_text(
        "Police in Nakuru and Eldoret fired tear gas at demonstrators on Monday.\n\n"
        "Officers also detained dozens of opposition activists on Monday, a party spokesman said."
    )
    assert [(m.iso3, m.location) for m in arrest if m.event_type == "arrest"] == [("KEN", "Kenya")]
    talks = code_text(
        "Fighting between the army and the rebels continued near Ayacucho and Huancayo on Sunday.\n\n"
        "The president reopened negotiations with the rebel leadership on Monday."
    )
    assert [(m.iso3, m.geo_precision) for m in talks if m.event_type == "dialogue"] == [("PER", 4)]


def test_a_photo_caption_restating_the_lead_event_is_not_a_second_event(code_text):
    text = (
        "Police officers guard the market outside Dravik after the attack, 4 June 2024.\n\n"
        "Gunmen attacked a market outside Dravik on Sunday night, killing one trader."
    )
    mentions = code_text(text)
    assert len({m.event_id for m in mentions}) == 1
    assert mentions[0].evidence.startswith("Gunmen attacked")


def test_fire_on_positions_written_apart_is_a_clash_and_firing_a_manager_is_nothing(code_text):
    # "fired ... on" with the weapons between: the verb and its preposition are still the trigger;
    # positions are held by an armed side, so with no heavy weapon named the assault is a clash
    mentions = code_text(
        "On 3 May 2024, rebels fired with unspecified weapons on the positions of the army near Kano."
    )
    assert [(m.event_type, m.sub_event_type, m.location) for m in mentions] == [
        ("clash", "armed_clash", "Kano")
    ]
    assert code_text("The company fired its manager on Monday.") == []


def test_fire_aimed_at_protesters_is_the_protest_not_an_attack(code_text):
    mentions = code_text("Police fired tear gas at the protesters in Kano on Friday.")
    assert [(m.event_type, m.actor1, m.acled_sub_event_type) for m in mentions] == [
        ("protest", "Protesters (Nigeria)", "Protest with intervention")
    ]


# -- the scene a report opens with -----------------------------------------------------------------


def test_an_event_told_after_its_scene_takes_the_scene_place_and_evidence(code_text):
    text = (
        "On 12 March 2023, in Eldoret, Uasin Gishu county, officers of the police went to a market to look"
        " for a wanted man. A shoot-out broke out and one of his guards was wounded."
    )
    (clash,) = [m for m in code_text(text) if m.event_type == "clash"]
    assert clash.location == "Eldoret" and clash.iso3 == "KEN" and clash.geo_precision == 1
    assert clash.evidence.startswith("On 12 March 2023, in Eldoret")  # the sentence that places and dates it
    assert clash.actor1 == "Police Forces of Kenya" and clash.actor2 == "Unidentified Armed Group (Kenya)"


def test_a_scene_in_another_paragraph_or_behind_another_event_is_not_taken(code_text):
    text = (
        "On 12 March 2023, gunmen attacked a bus in Garissa, killing two passengers.\n\n"
        "A shoot-out broke out later and a soldier was wounded."
    )
    clash = [m for m in code_text(text) if m.event_type == "clash"]
    # not the scene's town (precision 1); the story's one town, "near" it, is what it may take
    assert all(m.location != "Garissa" or m.geo_precision == 2 for m in clash)
    assert all(m.evidence.startswith("A shoot-out") for m in clash)


def test_a_shootout_is_an_exchange_of_fire(code_text):
    mentions = code_text("Two robbers and a guard died in a shootout outside a bank in Kisumu on Monday.")
    assert [m.event_type for m in mentions] == ["clash"]


# -- events told without their usual word ----------------------------------------------------------


def test_a_gathering_that_says_what_it_demands_is_a_protest(code_text):
    mentions = code_text(
        "On 3 May 2024, about 40 nurses gathered outside the ministry in Accra to demand back pay."
    )
    assert [(m.event_type, m.location) for m in mentions] == [("protest", "Accra")]
    mentions = code_text(
        "On 4 May 2024, in Kumasi, traders did a motorcade demanding the reopening of the market."
    )
    assert [m.event_type for m in mentions] == ["protest"]


def test_a_gathering_without_a_protest_purpose_is_no_event(code_text):
    assert code_text("On 3 May 2024, relatives gathered at the hospital in Accra to mourn the victims.") == []
    assert code_text("Investigators gathered evidence at the scene in Accra on Friday.") == []
    assert (
        code_text("The minister told a business gathering in Accra on Monday that growth would recover.")
        == []
    )


def test_a_body_found_with_marks_of_violence_is_an_attack(code_text):
    text = (
        "On 30 March 2024, in Tegucigalpa, a man was found dead in a ditch."
        " The body had several gunshot wounds."
    )
    (attack,) = code_text(text)
    assert attack.event_type == "attack" and attack.location == "Tegucigalpa" and attack.fatalities == 1


def test_a_death_alone_is_no_attack(code_text):
    text = (
        "On 30 March 2024, a woman was found dead in her home in Tegucigalpa."
        " Relatives said she had been ill."
    )
    assert code_text(text) == []


def test_fire_counted_by_a_monitor_is_an_event_of_its_kind(code_text):
    shots = code_text(
        "On 5 May 2020, the monitors recorded a total of 24 shots involving small arms near Avdiivka."
    )
    assert [m.event_type for m in shots] == ["clash"]  # small-arms fire is an exchange of fire
    shells = code_text("On 5 May 2020, the monitors observed a total of 40 projectiles near Avdiivka.")
    assert [(m.event_type, m.sub_event_type) for m in shells] == [("attack", "explosion")]


def test_shots_or_bursts_counted_tell_how_fire_was_heard_not_what_fired(code_text):
    for weapons in ("unknown weapons", "heavy machineguns"):
        for unit in ("shots", "bursts of fire"):
            text = (
                f"On 3 May 2024, the monitors observed a total of 13 {unit} involving {weapons} near Kobarre."
            )
            assert acled_kinds(code_text(text)) == ["Shelling/artillery/missile attack"], text
    for told in ("involving small arms", "involving unknown weapons in both directions"):
        text = f"On 3 May 2024, the monitors observed a total of 13 shots {told} near Kobarre."
        assert acled_kinds(code_text(text)) == ["Armed clash"], text


def test_shots_nobody_counted_make_no_event_of_their_own(code_text):
    assert code_text("Shots rang out near the market in Avdiivka on Tuesday.") == []
    (attack,) = code_text("On 5 May 2020, a gunman fired two shots at a car in Avdiivka, killing the driver.")
    assert attack.event_type == "attack" and attack.sub_event_type == "armed_assault"


# -- what the parser gets wrong ---------------------------------------------------------------------


def test_a_common_word_capitalised_at_the_start_of_a_sentence_names_no_group(code_text):
    text = (
        "Protests in Kenya\n\nThe Associated Press\n\n"
        "Security forces in Kisumu detained 20 protesters on Friday, witnesses said.\n\n"
        "The protesters had marched on the governor's office before security forces moved in."
    )
    assert {m.actor1 for m in code_text(text) if m.event_type == "arrest"} == {"Military Forces of Kenya"}


def test_there_was_a_clash_asserts_one(code_text):
    mentions = code_text(
        "On 3 May 2021, there was a clash between soldiers and rebels near Beni, North Kivu."
    )
    assert [(m.event_type, m.iso3) for m in mentions] == [("clash", "COD")]
    assert code_text("This was an attack on democracy, the minister said on Monday.") == []


def test_a_place_taken_for_a_date_does_not_hide_the_real_date(coder):
    from spacy.tokens import Span

    from eventcoder.coding.document import code_doc
    from eventcoder.records import Article

    nlp, res = coder
    text = (
        "On 6 May 2020, Turkish jets conducted airstrikes on a hill in Bradost region of Erbil, north Iraq."
    )
    doc = nlp(text)
    erbil = next(i for i, t in enumerate(doc) if t.text == "Erbil")
    doc.ents = [e for e in doc.ents if e.end <= erbil] + [Span(doc, erbil, erbil + 1, label="DATE")]
    article = Article("t.txt", "txt", text, "0" * 64, published_at=dt.date(2020, 5, 9))
    (attack,) = code_doc(doc, article, res)  # "conducted airstrikes" on a named day is one occurrence
    assert attack.event_type == "attack" and attack.event_date == dt.date(2020, 5, 6)


def test_beating_and_torture_done_to_people_are_attacks(code_text):
    (attack,) = code_text(
        "On 1 May 2020, police beat a young man to death in Abidjan for breaking the curfew."
    )
    assert attack.event_type == "attack" and attack.actor1 == "Police Forces of Ivory Coast"
    assert attack.fatalities == 1
    (attack,) = code_text("On 9 May 2020, four journalists were severely beaten by police in Mbuji-Mayi.")
    assert attack.event_type == "attack" and attack.iso3 == "COD"
    assert code_text("Nigeria beat Ghana 2-0 in Abuja on Sunday.") == []
    assert code_text("Rights groups say torture is widespread in the country's prisons.") == []


def test_a_relative_clause_ends_the_place_phrase(code_text):
    text = (
        "On 5 February 2024, gunmen stormed a police station in Bannu, a Khyber Pakhtunkhwa district that"
        " borders Afghanistan and was long a stronghold of the Pakistani Taliban."
    )
    (clash,) = code_text(text)
    assert clash.iso3 == "PAK" and clash.location == "Bannu"
    text = (
        "On 5 February 2024, gunmen stormed a police station in a district that was once a Pakistani"
        " Taliban stronghold."
    )
    assert [m.location for m in code_text(text)] != ["Taliban"]


def test_the_village_close_to_a_town_takes_the_town(code_text):
    (clash,) = code_text(
        "On 7 May 2020, rebels clashed with soldiers in the Kasindi village close to Beni town."
    )
    assert clash.iso3 == "COD" and clash.location == "Beni" and clash.geo_precision == 2


def test_weapons_carried_are_the_attackers_instruments(code_text):
    text = (
        "Attackers carrying rockets and grenades stormed a police station in Bannu on Monday, killing"
        " 10 officers."
    )
    (clash,) = code_text(text)  # an assault on a police station, not a rocket attack
    assert clash.event_type == "clash" and clash.fatalities == 10
    (attack,) = code_text("Soldiers carried out an airstrike on a hideout in Bannu on Monday.")
    assert attack.event_type == "attack" and attack.sub_event_type == "explosion"


def test_rockets_fired_at_someone_are_an_attack_and_a_drone_shot_down_is_none(code_text):
    (attack,) = code_text("The army fired rockets at rebel positions near Goma on Monday.")
    assert attack.event_type == "attack" and attack.iso3 == "COD"
    assert code_text("Air defences shot down a drone over Kharkiv on Monday.") == []


# -- where an event with no place of its own happened ------------------------------------------------


def test_talks_with_no_venue_take_the_one_country_the_article_is_about(code_text):
    text = (
        "Kenyan troops killed five militants in Garissa on Monday. The government and the rebels held peace"
        " talks on Tuesday."
    )
    talks = [m for m in code_text(text) if m.event_type == "dialogue"]
    assert [(m.iso3, m.geo_precision) for m in talks] == [("KEN", 4)]


def test_the_dateline_city_is_where_the_story_was_filed_not_where_it_happened(code_text):
    (attack,) = code_text("NAIROBI, Kenya -- Gunmen killed three people on Monday, police said.")
    assert attack.iso3 == "KEN" and attack.location != "Nairobi"
    (attack,) = code_text("Gunmen killed three people in Nairobi on Monday, police said.")
    assert attack.location == "Nairobi"


def test_lines_between_headline_and_dateline_restate_the_story_the_dated_lede_tells_it(code_text):
    text = (
        "Gunmen kill five traders at a market in northern Ghana\n\nDaily Courier\n\n"
        "Officials say gunmen opened fire at a market in Tamale on Monday, killing five traders\n\n"
        "TAMALE, Ghana -- Gunmen on motorbikes opened fire at the central market in Tamale on Monday,"
        " killing five traders, police said.\n\nThe market reopened on Wednesday."
    )
    (attack,) = code_text(text)
    assert attack.evidence.startswith("Gunmen on motorbikes") and attack.fatalities == 5  # dateline apart
    assert attack.location == "Tamale"


def test_people_blocking_a_road_protest_and_security_forces_closing_one_do_not(code_text):
    (protest,) = code_text("On 8 May 2020, young locals blocked some streets in Goma to express their anger.")
    assert protest.event_type == "protest" and protest.location == "Goma"
    (protest,) = code_text("On 8 May 2020, traders barricaded the main highway in Kumasi with burning tyres.")
    assert protest.event_type == "protest"
    assert code_text("On 8 May 2020, police blocked the roads leading to parliament in Accra.") == []
    assert code_text("The senate blocked the bill on Monday.") == []
    (protest,) = code_text(
        "On 8 May 2020, farmers mounted a road blockade near Tamale over fertiliser prices."
    )
    assert protest.event_type == "protest"


def test_armed_men_blocking_a_road_to_attack_it_hold_no_protest(code_text):
    for text in (
        "Gunmen abducted 20 passengers in Mandera on Sunday. The attackers blocked the road near Kobarre"
        " and opened fire on vehicles.",
        "On Sunday, militants stormed Kobarre village in Mandera county and blocked the road to Lafey.",
    ):
        assert "protest" not in [m.event_type for m in code_text(text)], text
    text = "On Sunday, residents marched to the county office in Mandera and blocked the road."
    assert [m.event_type for m in code_text(text)] == ["protest"]


def test_an_armed_actor_targeting_something_is_an_attack(code_text):
    (strike,) = code_text("On 7 May 2020, the air force targeted a rebel fuel truck near Mizdah.")
    assert (strike.event_type, strike.sub_event_type, strike.iso3) == ("attack", "explosion", "LBY")
    (clash,) = code_text("On 7 May 2020, militants targeted a police checkpoint in Bannu.")
    assert clash.event_type == "clash"  # an assault on a checkpoint
    assert code_text("The campaign targeted young voters in Accra on Monday.") == []


def test_an_airstrike_keeps_the_place_of_what_it_was_targeting(code_text):
    text = "On 2 May 2020, jets conducted airstrikes targeting militants in Rafah (Rafah, North Sinai)."
    (strike,) = code_text(text)
    assert strike.location == "Rafah" and strike.geo_precision == 1


def test_a_car_is_not_the_central_african_republic(code_text):
    (strike,) = code_text("On 7 May 2020, a drone strike targeted a car near Marib, killing two.")
    assert strike.actor2 is None or "Central African" not in strike.actor2


def test_protests_told_town_by_town_are_one_event_per_town_even_when_close(code_text):
    text = (
        "In Kohat, shopkeepers are demonstrating outside the main bazaar against power cuts.\n\n"
        "In Peshawar, hundreds of teachers are protesting near the press club over unpaid salaries."
    )
    places = sorted(m.location for m in code_text(text) if m.event_type == "protest")
    assert places == ["Kohat", "Peshawar"]


def test_armed_men_who_struck_or_hit_a_target_attacked_it(code_text):
    (post,) = code_text("Gunmen struck a police post near Kohat on Monday but were beaten back.")
    assert (post.event_type, post.location) == ("clash", "Kohat")
    (bus,) = code_text("Militants hit a bus carrying pilgrims near Quetta on Tuesday, killing five.")
    assert (bus.event_type, bus.fatalities) == ("attack", 5)
    assert [m.event_type for m in code_text("The rebels struck a deal with the army on Monday.")] != [
        "attack"
    ]
    assert code_text("A powerful earthquake struck the region on Monday.") == []
    assert code_text("Floods hit the district on Monday.") == []


def test_a_weapon_that_struck_a_target_was_fired_at_it(code_text):
    (school,) = code_text("A missile struck a school in Kohat on Monday.")
    assert (school.event_type, school.location) == ("attack", "Kohat")
    assert code_text("The ball hit the goalpost in Kabul on Monday.") == []


def test_a_group_that_said_it_had_targeted_posts_attacked_them(code_text):
    (posts,) = code_text("The Taliban said they had targeted army posts in Kunduz on Sunday.")
    assert (posts.event_type, posts.actor1, posts.location) == ("clash", "Taliban", "Kunduz")
    assert code_text("The party said it had targeted young voters in Kunduz on Sunday.") == []


def test_a_named_place_hit_by_armed_men_or_weapons_or_a_number_of_times_was_attacked(code_text):
    (town,) = code_text("Kunduz was hit by Taliban rockets on Monday, officials said.")
    assert (town.event_type, town.location, town.actor1) == ("attack", "Kunduz", "Taliban")
    (again,) = code_text("Kohat was struck three times on Monday, officials said.")
    assert (again.event_type, again.location) == ("attack", "Kohat")
    assert code_text("Kunduz was hit by floods on Monday.") == []
    assert code_text("Several villages were hit on Monday, officials said.") == []


def test_a_rocket_barrage_is_shelling_but_a_barrage_of_criticism_is_none(code_text):
    (barrage,) = code_text("On Monday, militants launched a rocket barrage at Kohat, police said.")
    assert (barrage.event_type, barrage.location) == ("attack", "Kohat")
    assert code_text("The minister faced a barrage of criticism in Kohat on Monday.") == []


def test_the_fighting_a_toll_is_counted_over_is_no_event_unless_dated(code_text):
    assert code_text("Officials put the death toll of the fighting at 426, including 76 civilians.") == []
    (day,) = code_text("The death toll from Monday's fighting in Kunduz rose to 12, officials said.")
    assert (day.event_type, day.fatalities) == ("clash", 12)


def test_events_taken_one_by_one_or_as_a_whole_are_no_event_but_a_counted_weapon_is(code_text):
    assert code_text("Each of the first six protests in Kohat was violently suppressed.") == []
    assert code_text("All of the raids in Kunduz were carried out by night.") == []
    (strike,) = code_text("Militants fired six rockets at Kohat on Monday, police said.")
    assert strike.event_type == "attack"


def test_a_short_label_line_below_the_title_is_no_event(code_text):
    text = (
        "Kenya: police disperse crowds\n\nKenya protests\n\n"
        "Police fired tear gas at protesters in Nairobi on Tuesday."
    )
    assert [m.evidence for m in code_text(text)] == [
        "Police fired tear gas at protesters in Nairobi on Tuesday."
    ]
    (lone,) = code_text("Kabul blast\n\nA bomb exploded in Kabul on Monday, killing four.")
    assert lone.fatalities == 4


@pytest.mark.parametrize(
    "text",
    [
        # a background attack dated long before does not take in the undated targeting told before it
        "Militants said they had targeted a police post in Kohat.\n\n"
        "Militants attacked the post in Kohat on 3 March 2023, killing two policemen.",
        # an undated shooting told after a background attack is an event of its own
        "Bus attacked\n\nGunmen attacked a bus near Kohat on 3 March 2023, killing two passengers.\n\n"
        "Gunmen opened fire on a van near Kohat, wounding four passengers, police said.",
    ],
)
def test_a_background_event_dated_long_before_and_a_current_one_are_two_events(code_text, text):
    dates = sorted(str(m.event_date) for m in code_text(text, dt.date(2024, 5, 20)))
    assert dates == ["2023-03-03", "2024-05-20"]


def test_an_unknown_place_takes_the_district_its_clause_names_next(code_text):
    text = (
        "Gunmen attacked a police checkpoint in Peshawar on Monday.\n\n"
        "Gunmen also attacked the police checkpoint at Qwertykot in Kohat district on Monday."
    )
    places = sorted((m.location, m.admin2, m.geo_precision) for m in code_text(text))
    assert places == [("Peshawar", "Peshawar", 1), ("Qwertykot", "Kohat", 2)]


def test_attacks_in_two_districts_of_one_article_are_two_events(code_text):
    text = (
        "Militants attacked a police post in Peshawar on Wednesday.\n\n"
        "Militants also attacked a police checkpoint in Jamrud on Wednesday."
    )
    places = sorted(m.admin2 for m in code_text(text))
    assert places == ["Khyber", "Peshawar"]


def test_a_dated_string_of_attacks_told_one_by_one_is_no_event_of_its_own(code_text):
    text = (
        "Gunmen carried out a string of attacks on police posts across Khyber Pakhtunkhwa province "
        "on Tuesday.\n\n"
        "In Kohat, militants attacked a police post and one constable was killed.\n\n"
        "In Bannu, gunmen attacked a checkpoint but were driven back."
    )
    coded = code_text(text)
    assert sorted(m.location for m in coded) == ["Bannu", "Kohat"]
    assert all("string of attacks" not in m.evidence for m in coded)
    (alone,) = code_text("Gunmen carried out a string of attacks on police posts in Kohat on Tuesday.")
    assert alone.location == "Kohat"  # a set the article does not break down is still coded


def test_forces_who_beat_back_an_assault_are_its_target(code_text):
    (m,) = code_text("In Kohat, security forces beat back an assault on a checkpoint on Monday.")
    assert m.event_type == "clash"
    assert m.actor1.startswith("Unidentified Armed Group") and m.actor2 == "Military Forces of Pakistan"


def test_an_armed_site_named_with_a_proper_noun_is_still_an_armed_site(code_text):
    (m,) = code_text(
        "In Bannu, militants attacked the Qwerty check post on Monday; no casualties were reported."
    )
    assert m.event_type == "clash"


def test_a_toll_over_years_or_of_the_war_itself_is_no_event(code_text):
    assert code_text("In more than three decades, the insurgency has killed 40,000 people.") == []
    assert code_text("The conflict has killed thousands of civilians since it began.") == []
    assert code_text("Over the past two years, gunmen have killed 300 villagers in Zamfara.") == []
    (day,) = code_text("Two people have been killed in the past 24 hours in Kabul.")  # a day is news
    assert day.fatalities == 2


def test_a_place_of_those_who_welcome_an_event_is_not_its_place(code_text):
    text = (
        "Peace talks between the Philippine government and the rebels resumed on Monday in Oslo.\n\n"
        "The resumption of talks has been welcomed by church groups in Manila."
    )
    (talks,) = code_text(text)
    assert (talks.event_type, talks.location) == ("dialogue", "Oslo")


def test_a_pre_planned_operation_that_was_carried_out_took_place(code_text):
    (m,) = code_text("On Monday the army carried out a pre-planned offensive in Kidal that killed 12 rebels.")
    assert (m.event_type, m.location, m.actor1) == ("clash", "Kidal", "Military Forces of Mali")
    assert code_text("The army said a planned offensive against the rebels in Kidal would begin soon.") == []


def test_two_clauses_of_one_sentence_protesting_in_two_towns_are_two_events(code_text):
    text = (
        "Students in Lahore are demonstrating outside the university, while in Multan traders "
        "have staged a sit-in at the main bazaar."
    )
    assert sorted(m.location for m in code_text(text) if m.event_type == "protest") == ["Lahore", "Multan"]
    told = (
        "On Monday youths demonstrated outside the court in Beirut against activists who had been "
        "detained during demonstrations in Tripoli and Sidon."
    )
    assert [m.location for m in code_text(told) if m.event_type == "protest"] == ["Beirut"]


# -- places written with their units -----------------------------------------------------------


def test_a_two_word_town_the_tagger_takes_for_a_person_places_its_own_event(code_text):
    text = (
        "Clashes in Pakistan\n\nTroops killed two gunmen in a raid in Dera Bugti, the army said.\n\n"
        "Two soldiers and two militants were killed when troops and gunmen traded fire in Kot Addu."
    )
    assert sorted((m.location, m.fatalities) for m in code_text(text)) == [("Dera Bugti", 2), ("Kot Addu", 4)]


def test_units_in_brackets_after_an_area_place_the_event(code_text):
    # the bracket opens with "At", which the tagger reads as a preposition; without the bracket the area's
    # name is a town of another country
    text = (
        "On 2 March 2021, rebel forces reportedly fired machine guns at farms in Rafah area"
        " (At Tuhayat, Al Hudaydah). No fatalities reported."
    )
    (mention,) = code_text(text)
    assert (mention.iso3, mention.admin1) == ("YEM", "Al Hudaydah")


def test_a_village_the_model_read_with_its_bracket_as_one_name_is_placed_by_its_units(code_text):
    text = (
        "On 3 March 2021, insurgents attacked Qwertykot (Mucojo, Cabo Delgado), beheaded 2 people"
        " and burned huts."
    )
    (mention,) = code_text(text)
    assert (mention.iso3, mention.admin1) == ("MOZ", "Cabo Delgado")


def test_a_district_named_with_its_arabic_article_is_the_place(code_text):
    # the parser takes "As" for a preposition governing the district
    text = (
        "On 3 May 2021, government forces thwarted a rebel incursion in As Safra district (Sadah),"
        " killing several fighters."
    )
    (mention,) = code_text(text)
    assert (mention.iso3, mention.location) == ("YEM", "As Safra")


def test_the_district_airstrikes_targeted_is_the_place(code_text):
    text = "On 3 May 2021, three coalition airstrikes targeted Raghwan district (Marib). No one was hurt."
    (mention,) = code_text(text)
    assert (mention.iso3, mention.location) == ("YEM", "Raghwan")


def test_a_country_that_qualifies_the_protesters_gives_way_to_the_town_they_gathered_in(code_text):
    text = (
        "On 27 April 2021, dozens of protesters from the opposition movement in Lebanon gathered at the main"
        " square in Zahle to denounce the rising cost of living."
    )
    (mention,) = code_text(text)
    assert (mention.iso3, mention.location) == ("LBN", "Zahle")


def test_a_currency_named_after_a_country_gives_no_nationality_to_the_soldiers(code_text):
    text = (
        "On 27 April 2021, rioters protesting against the high US dollar exchange rate clashed with soldiers"
        " in Tripoli. A rioter died of his wounds on Tuesday and 30 soldiers were injured."
    )
    assert all("United States" not in (m.actor2 or "") for m in code_text(text))


# -- the dead of a protest article, place by place ------------------------------------------------


def test_the_dead_counted_place_by_place_in_a_protest_article_are_violent_protests(code_text):
    text = (
        "Students demanding the government's resignation clashed with police across Bangladesh on Sunday.\n\n"
        "Elsewhere, four people died in Rangpur, four in Khulna and three in Jessore."
    )
    dead = sorted((m.location, m.fatalities) for m in code_text(text) if m.fatalities)
    assert dead == [("Jessore", 3), ("Khulna", 4), ("Rangpur", 4)]
    assert {m.event_type for m in code_text(text) if m.fatalities} == {"protest"}


def test_deaths_of_one_place_or_of_illness_are_no_event(code_text):
    assert code_text("Two people died in a road accident in Dhaka on Sunday.") == []
    assert code_text("An elderly man died in hospital in Kabul on Monday after a long illness.") == []


def test_the_dead_of_an_article_led_by_an_armed_attack_stay_violence(code_text):
    text = (
        "Taliban fighters attacked army posts in northern Afghanistan on Sunday.\n\n"
        "Four soldiers died in Kunduz, two in Baghlan and one in Takhar."
    )
    assert "protest" not in {m.event_type for m in code_text(text)}


def test_a_capital_is_not_the_city_that_once_bore_its_name(code_text):
    # GeoNames lists "Islamabad" among the historical names of Chattogram, a bigger city
    (mention,) = code_text("Protesters rallied in Islamabad on Monday.")
    assert (mention.iso3, mention.location) == ("PAK", "Islamabad")


def test_civilians_are_named_by_the_country_where_they_were_attacked(code_text):
    (mention,) = code_text("Russian missiles struck Lviv on Sunday, killing two residents.")
    assert mention.iso3 == "UKR" and mention.actor2 == "Civilians (Ukraine)"


def test_a_body_found_with_marks_of_violence_is_an_attack_by_unknown_killers(code_text):
    (mention,) = code_text(
        "Body found\n\nOn 17 May 2024, in Kisumu, the body of a man was found by a road with gunshot wounds."
    )
    assert (mention.event_type, mention.sub_event_type, mention.fatalities) == ("attack", "armed_assault", 1)
    assert mention.actor1 == "Unidentified Armed Group (Kenya)"
    text = "Bodies found\n\nPolice recovered two bodies from a river in Kisumu on Monday. Both had been shot."
    (mention,) = code_text(text)
    assert mention.fatalities == 2 and not (mention.actor1 or "").startswith("Police")


@pytest.mark.parametrize(
    "text",
    [
        "Climber found\n\nThe body of the missing climber was found on Mount Kenya on Monday.",
        "Funeral\n\nThe body of the slain governor was taken to Kisumu for burial on Monday.",
        "Audit\n\nA government body found on Monday that the county had misused funds.",
    ],
)
def test_a_body_found_without_marks_of_violence_or_not_found_is_no_event(code_text, text):
    assert code_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2024, journalists gathered in Nakuru to commemorate press freedom day and denounce"
        " the treatment of reporters by the police.",
        "On 4 May 2024, fishermen gathered in Kisumu during a visit of the minister to demand action on"
        " the lake's pollution.",
        "On 6 May 2024, in Nakuru, school transport workers did a motorcade to demand an allowance.",
        "On 7 May 2024, a group of traders gathered in Uhuru Park to draw attention to their losses.",
    ],
)
def test_a_gathering_whose_clause_says_what_for_is_a_protest(code_text, text):
    assert [m.event_type for m in code_text(text)] == ["protest"]


def test_a_gathering_with_no_protest_purpose_is_no_protest(code_text):
    text = "On 7 May 2024, relatives gathered at the hospital in Kisumu to wait for news of the injured."
    assert code_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Release\n\nOn Friday, 20 fishermen held for two weeks by pirates off Lamu were released.",
        "Release\n\nOn Friday, 90 schoolchildren held for three months in northern Kenya were freed.",
    ],
)
def test_captives_named_before_a_participle_the_parser_took_for_the_verb_are_released(code_text, text):
    assert [m.event_type for m in code_text(text)] == ["release"]


@pytest.mark.parametrize(
    "text",
    [
        "Shooting\n\nOn 1 May 2024, in Kisumu, armed men on a motorbike carried out a drive-by shooting"
        " against a police officer. The officer repelled the attack.",
        "Killing\n\nOn 2 May 2024, in Nakuru, a man was found dead with his hands tied next to a threatening"
        " message signed by a criminal group.",
    ],
)
def test_unnamed_killers_with_the_marks_of_organised_crime_are_a_gang(code_text, text):
    (mention,) = code_text(text)
    assert mention.actor1 == "Unidentified Gang (Kenya)"


def test_a_time_before_the_target_is_no_target(code_text):
    (mention,) = code_text("Shooting\n\nOn 1 May 2024, in Kisumu, gunmen fired at a police post.")
    assert (mention.event_type, mention.actor2) == ("clash", "Police Forces of Kenya")


def test_a_site_where_a_person_was_assaulted_is_no_target(code_text):
    (mention,) = code_text(
        "Assault\n\nOn 1 May 2024, militiamen assaulted a trader at a police station in Kisumu."
    )
    assert mention.event_type == "attack"


def test_an_attacks_unnamed_victims_are_civilians_of_where_it_happened(code_text):
    (mention,) = code_text("Shooting\n\nGunmen opened fire in a market in Kisumu on Monday, police said.")
    assert (mention.event_type, mention.actor2) == ("attack", "Civilians (Kenya)")


def test_who_holds_the_positions_fired_on_is_the_other_side(code_text):
    text = (
        "Border fire\n\nOn 2 May 2024, the army of Kenya fired with unspecified weapons on the positions"
        " of the army of Uganda near Busia."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.actor2) == ("clash", "Military Forces of Uganda")


def test_forces_of_two_countries_exchanging_fire_are_the_two_sides(code_text):
    text = "Border fire\n\nOn 28 April 2024, military forces of Kenya and Uganda exchanged fire near Busia."
    (mention,) = code_text(text)
    assert {mention.actor1, mention.actor2} == {"Military Forces of Kenya", "Military Forces of Uganda"}


@pytest.mark.parametrize(
    "sides",
    [
        "Kenyan and Ugandan troops exchanged fire",
        "Kenyan and Ugandan soldiers clashed",
        "the military forces of Kenya and Uganda exchanged fire",
    ],
)
def test_two_nationalities_sharing_troops_are_the_two_sides_not_the_civilians_killed(code_text, sides):
    # the civilian the fire killed is no side of it; "A and B troops" names two armies, not B's alone
    text = f"Border fire\n\nOn 28 April 2024, {sides} near Busia, killing a civilian, officials said."
    (mention,) = code_text(text)
    assert (mention.event_type, mention.actor1, mention.actor2) == (
        "clash",
        "Military Forces of Kenya",
        "Military Forces of Uganda",
    )


def test_the_government_a_crowd_protests_against_is_no_side_of_the_protest(code_text):
    text = "Protest\n\nOn 28 April 2024, citizens protested in Nakuru against the government of Kenya."
    (mention,) = code_text(text)
    assert (mention.event_type, mention.actor2) == ("protest", None)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "Protest\n\nOn 3 May 2024, hundreds of traders protested in Kisumu; police fired tear gas.",
            "Police",
        ),
        ("Riot\n\nOn 28 April 2024, a mob pelted stones at the police in Eldoret town.", "Police"),
        ("Protest\n\nOn 3 May 2024, hundreds of traders protested in Kisumu, police said.", None),
    ],
)
def test_police_acting_on_a_crowd_are_the_protests_other_side(code_text, text, side):
    (mention,) = code_text(text)
    assert (mention.actor2 or "").startswith(side) if side else mention.actor2 is None


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Police fired tear gas at protesters in Nakuru on Tuesday, killing at least five people.", "Police"),
        ("Rioters attacked residents of a Nakuru suburb on Tuesday, injuring ten people.", "Civilians"),
    ],
)
def test_the_dead_of_a_crowd_met_by_force_are_not_the_protests_other_side(code_text, text, side):
    # the people killed when police fired on protesters are of the crowd: the police are the other side;
    # people a crowd attacked stay its other side
    (mention,) = code_text(text)
    assert mention.event_type == "protest"
    assert mention.actor2.startswith(side)


def test_a_subject_the_parser_hung_before_a_date_still_acts(code_text):
    # the parse makes "May" the verb's subject, or gives it none and hangs the troops on the speaker
    text = (
        "Clashes in the north\n\nAccording to John Oduor, a spokesman for the Zarvo Front in Nakuru County,"
        " government troops on Thursday 16 May attacked the group's positions at Kerow village."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.actor1) == ("clash", "Military Forces of Kenya")


def test_a_speaker_named_before_a_comma_is_no_place(code_text):
    text = (
        "Clashes in the north\n\nAccording to John Oduor, a spokesman for the Zarvo Front in Nakuru County,"
        " government troops attacked the group's positions at Kerow village on Thursday."
    )
    (mention,) = code_text(text)
    assert mention.iso3 == "KEN" and mention.location != "John Oduor"


def test_the_militants_are_never_the_police_named_before_them(code_text):
    text = (
        "Attacks in the north\n\nPolice officers guarding a mast in Kerow, Mandera County, were ambushed by"
        " the militants on Friday."
    )
    (mention,) = code_text(text)
    assert mention.actor1 == "Unidentified Armed Group (Kenya)"


def test_who_beats_off_an_assault_defends(code_text):
    text = (
        "Attacks in the north\n\nPolice officers guarding a mast in Kerow were ambushed by the militants on"
        " Friday. The officers beat off the assault, though one of them was killed."
    )
    (mention,) = code_text(text)
    assert (mention.actor1, mention.actor2, mention.fatalities) == (
        "Unidentified Armed Group",
        "Police Forces",
        1,
    )


def test_talks_of_one_party_with_two_others_are_two_events(code_text):
    text = (
        "Talks in Mandera\n\nAl-Shabaab negotiated with the Kerow council in Mandera on Monday. Kenyan"
        " government officials held talks with al-Shabaab leaders in Mandera on Monday."
    )
    talks = code_text(text)
    assert {(m.actor1, m.actor2) for m in talks} == {
        ("Al Shabaab", "Kerow council"),
        ("Government of Kenya", "Al Shabaab"),
    }


def test_similar_attacks_at_listed_places_are_one_event_at_each(code_text):
    text = (
        "Attacks on police posts\n\nMilitants attacked a police post in Nakuru on Monday night, killing two"
        " officers. Police foiled similar attacks in the Kerow and Shimbir areas without suffering any"
        " casualties. In Eldoret, militants attacked a checkpoint; no casualties were reported."
    )
    events = {m.location: m.fatalities for m in code_text(text)}
    assert events == {"Nakuru": 2, "Kerow": 0, "Shimbir": 0, "Eldoret": 0}


def test_frequent_attacks_at_listed_places_stay_a_trend(code_text):
    assert code_text("Attacks\n\nMilitants have carried out frequent attacks in Eldoret and Busia.") == []


def test_an_act_coordinated_with_stopping_a_car_took_place(code_text):
    text = "Arrests\n\nPolice stopped a car at a checkpoint in Nakuru on Monday and detained two suspects."
    (mention,) = code_text(text)
    assert (mention.event_type, mention.location) == ("arrest", "Nakuru")


def test_a_police_raid_that_arrests_is_the_arrest(code_text):
    (mention,) = code_text("Raid\n\nPolice raided a house in Nakuru on Monday and arrested three suspects.")
    assert (mention.event_type, mention.actor1) == ("arrest", "Police Forces of Kenya")


def test_a_sentence_opening_separately_tells_another_event(code_text):
    text = (
        "Arrests in Nakuru\n\nPolice arrested four suspects in Nakuru on Monday, a spokesman said."
        " Separately, police sources said officers detained two men at a checkpoint."
    )
    assert [m.event_type for m in code_text(text)] == ["arrest", "arrest"]


def test_an_event_in_a_when_clause_on_a_date_has_that_date(code_text):
    text = (
        "Unrest in Kisumu\n\nUnrest has flared on and off in the city since 30 April, when protesters and"
        " security forces clashed with deadly results."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.event_date) == ("protest", dt.date(2024, 4, 30))


def test_the_start_of_a_period_dates_no_event_told_after_it(code_text):
    text = (
        "Unrest in Kisumu\n\nSecurity forces in Kisumu detained 57 protesters on Friday. Unrest has flared in"
        " the city since 30 April, when protesters and security forces clashed. The police said roughly 150"
        " people had come out onto the streets, throwing stones at cars."
    )
    last = code_text(text)[-1]
    assert (last.event_type, last.event_date) == ("protest", dt.date(2024, 5, 17))


def test_fighting_that_has_driven_people_from_their_homes_is_no_event(code_text):
    text = "Crisis\n\nThe fighting has driven more than 700,000 Kenyans from their homes, some into Uganda."
    assert code_text(text) == []
    assert (
        code_text(
            "Crisis\n\nFighting between the army and separatists has displaced 300,000 people in Kenya."
        )
        == []
    )
    dated = "Crisis\n\nFighting on Monday forced 3,000 people from their homes in Kerow, Mandera County."
    assert [m.event_type for m in code_text(dated)] == ["clash"]


def test_the_act_a_truce_was_broken_by_is_the_violation(code_text):
    text = "Truce broken\n\nOn Saturday the army violated the truce by attacking the rebel town of Kerow."
    assert [(m.event_type, m.sub_event_type) for m in code_text(text)] == [("ceasefire", "violated")]


def test_an_act_told_as_violating_the_truce_is_the_violation(code_text):
    text = "Troops shelled villages near Nakuru on Monday, once again violating the ceasefire agreement."
    assert [(m.event_type, m.sub_event_type) for m in code_text(text)] == [("ceasefire", "violated")]


def test_a_violation_and_the_act_told_after_it_are_one_event(code_text):
    text = (
        "Truce broken\n\nThe army has broken the ceasefire and killed one of the rebels' fighters, the Zarvo"
        " Front said. According to its spokesman, government troops on Thursday attacked the group's"
        " positions at Kerow village, in Mandera County."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.sub_event_type, mention.location, mention.fatalities) == (
        "ceasefire",
        "violated",
        "Kerow",
        1,
    )


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2021, about 200 traders demonstrated in Nakuru town against new market fees. Rioters"
        " pelted stones at the police.",
        "On 6 May 2021, members of the Zarvo Front held a demonstration in Kisumu against fuel prices."
        " Police clashed with the demonstrators.",
    ],
)
def test_the_crowd_told_again_as_rioters_is_the_same_protest(code_text, text):
    assert len(code_text(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2024, soldiers ambushed a Zarvo Front camp near Kerow village (Mandera). After heavy"
        " gunfire from both sides, the militants escaped from the area. One militant was killed and several"
        " others injured.",
        "On 2 May 2024, in Nakuru, a shoot-out broke out when police approached two men on a motorcycle. A"
        " suspect was shot and died and the other was detained.",
    ],
)
def test_casualties_told_after_an_exchange_of_fire_are_the_same_event(code_text, text):
    assert [m.event_type for m in code_text(text)] == ["clash"]


def test_a_counter_demonstration_is_another_protest(code_text):
    text = (
        "Marches in Nairobi\n\nThousands of opposition supporters marched in Nairobi on Tuesday against the"
        " president. At the president's call, his supporters held a counter-demonstration in the capital."
    )
    assert [m.event_type for m in code_text(text)] == ["protest", "protest"]


def test_a_town_seized_is_another_event_than_fighting_told_region_wide(code_text):
    text = (
        "Fighting in Kenya\n\nFighting has broken out between the army and the Zarvo Front in the Rift Valley"
        " region. Some 60 km west of Nakuru, the Zarvo Front had seized the town of Eldoret, according to a"
        " diplomatic source."
    )
    assert [m.event_type for m in code_text(text)] == ["clash", "clash"]


def test_later_before_the_that_of_a_report_is_when_it_was_said(coder):
    """'It said later that hostages had been released': the parser may hang 'later' on 'released'."""
    from spacy.tokens import Doc

    from eventcoder.coding.generic import told_as_next

    nlp, res = coder
    words = ["It", "said", "later", "that", "hostages", "had", "been", "released", "."]
    heads = [1, 1, 7, 7, 7, 7, 7, 1, 1]
    deps = ["nsubj", "ROOT", "advmod", "mark", "nsubjpass", "aux", "auxpass", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert not told_as_next(doc[7], res.cues)
    words = ["Hostages", "were", "later", "released", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[3, 3, 3, 3, 3],
        deps=["nsubjpass", "auxpass", "advmod", "ROOT", "punct"],
    )
    assert told_as_next(doc[3], res.cues)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Unrest\n\nTroops fired tear gas in Kisumu, in Nakuru and in Eldoret on 14 May 2024.", 3),
        ("Unrest\n\nOn 20 May 2024, students were dispersed with tear gas outside a college in Eldoret.", 1),
        ("Unrest\n\nOn 20 May 2024, tear gas shells were lobbed at the crowd in Nakuru.", 1),
    ],
)
def test_force_used_on_an_unnamed_crowd_tells_a_protest(code_text, text, places):
    mentions = code_text(text)
    assert len(mentions) == places
    assert all(m.event_type == "protest" and m.actor1.startswith("Protesters") for m in mentions)
    assert all(m.acled_sub_event_type == "Protest with intervention" for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Trade\n\nKenya imports tear gas from abroad, the ministry said on 14 May 2024.",
        "Unrest\n\nOn 20 May 2024, soldiers fired rubber bullets at Kenyan fishermen off Lamu.",
    ],
)
def test_crowd_weapons_named_or_aimed_at_people_are_no_protest(code_text, text):
    assert not any(m.event_type == "protest" for m in code_text(text))


def test_a_march_through_a_town_is_placed_there(code_text):
    (mention,) = code_text("March\n\nOn 14 May 2024, thousands marched through Kisumu against the tax bill.")
    assert mention.location == "Kisumu"


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("Raid\n\nArmed men burst into a radio station in Kisumu on 14 May 2024.", True),
        ("Raid\n\nOn 14 May 2024, gunmen broke into a school in Eldoret.", True),
        ("Theft\n\nOn 14 May 2024, thieves broke into a shop in Eldoret.", False),
    ],
)
def test_armed_men_bursting_into_a_building_attack_it(code_text, text, attack):
    assert any(m.event_type == "attack" for m in code_text(text)) is attack


@pytest.mark.parametrize(
    ("text", "abduction"),
    [
        ("Kidnap\n\nOn 14 May 2024, a group of 17 pastors was taken by a gang near Kisumu.", True),
        ("Kidnap\n\nOn 14 May 2024, five aid workers were snatched by gunmen near Mandera.", True),
        ("Fighting\n\nOn 14 May 2024, the town of Kerow was seized by rebels.", False),
        ("Council\n\nOn 14 May 2024, the decision was taken by the county council in Kisumu.", False),
    ],
)
def test_people_taken_by_armed_men_are_abducted(code_text, text, abduction):
    assert any(m.sub_event_type == "abduction" for m in code_text(text)) is abduction


def test_troops_subjected_to_heavy_fire_are_the_other_side(code_text):
    text = "Border\n\nOn 14 May 2024, Ugandan forces subjected Kenyan troops to heavy fire near Lamu."
    (mention,) = code_text(text)
    assert (mention.event_type, mention.actor1, mention.actor2) == (
        "clash",
        "Military Forces of Uganda",
        "Military Forces of Kenya",
    )


def test_gunmen_spraying_a_building_with_rifle_fire_attack(code_text):
    text = "Attack\n\nOn 14 May 2024, gunmen sprayed a mosque in Lamu with automatic rifle fire."
    assert [m.event_type for m in code_text(text)] == ["attack"]


def test_an_air_strike_on_the_attackers_is_another_event(code_text):
    text = (
        "Soldiers killed\n\nNine soldiers died on 14 May 2024 when militants attacked an army post in "
        "Mandera, a security source said.\n\nAfterwards an air strike killed all of the attackers, "
        "the source said."
    )
    assert sorted(m.acled_sub_event_type for m in code_text(text)) == ["Air/drone strike", "Armed clash"]


def test_the_mention_that_names_the_town_is_the_evidence_before_the_regions(code_text):
    text = (
        "Militants attack bus in Kenya\n\nMilitants attacked travellers in Lamu county on Tuesday, officials "
        "said.\n\nThe militants opened fire on a bus in Mpeketoni on Tuesday, the county commissioner said."
    )
    (mention,) = code_text(text)
    assert mention.evidence.startswith("The militants opened fire on a bus in Mpeketoni")


def test_a_toll_told_later_with_nothing_of_its_own_belongs_to_the_protest(code_text):
    text = (
        "Protesters shot in Kenya\n"
        "\n"
        "Police fired on demonstrators in Kisumu on Tuesday as thousands marched against the tax bill.\n"
        "\n"
        "The bill raises taxes on bread and fuel.\n"
        "\n"
        "Parliament passed it last week after a long debate.\n"
        "\n"
        "The president said he would sign it.\n"
        "\n"
        "Opposition leaders called the bill unfair.\n"
        "\n"
        "A doctor said at least 10 people had been killed by gunfire."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.fatalities) == ("protest", 10)


def test_cities_that_saw_clashes_as_a_crowd_took_on_police_had_protests_each(code_text):
    text = (
        "Unrest in Kenya\n\nKisumu, Nakuru and Eldoret were among the major cities that saw violent clashes "
        "on 15 May 2024, as supporters of the opposition took on riot police."
    )
    mentions = code_text(text)
    assert sorted(m.location for m in mentions) == ["Eldoret", "Kisumu", "Nakuru"]
    assert {(m.event_type, m.actor2) for m in mentions} == {("protest", "Police Forces of Kenya")}


def test_a_town_that_witnessed_fighting_is_its_place(code_text):
    text = "Fighting\n\nKisumu witnessed heavy fighting between soldiers and rebels on 15 May 2024."
    (mention,) = code_text(text)
    assert (mention.event_type, mention.location) == ("clash", "Kisumu")


def test_clashes_amid_shelling_are_the_clash(code_text):
    text = (
        "Fighting\n\nOn 9 May 2024, clashes took place between army forces against Al Shabaab militants "
        "near Mandera, amid army shelling on the area."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.sub_event_type) == ("clash", "armed_clash")


@pytest.mark.parametrize(
    "text",
    [
        "Killing\n\nOn 6 May 2024, unknown gunmen shot dead a militia commander near Mandera.",
        "Killing\n\nOn 6 May 2024, two rebel fighters were found dead near Mandera, killed by gunmen.",
    ],
)
def test_unnamed_gunmen_killing_unnamed_fighters_clash_with_them(code_text, text):
    (mention,) = code_text(text)
    assert (mention.event_type, mention.actor2) == ("clash", "Unidentified Armed Group (Kenya)")


def test_gunmen_attacking_a_pronoun_are_not_its_side(code_text):
    text = "Attack\n\nA bus driver was targeted in Kisumu on 6 May 2024: gunmen attacked him and shot him."
    (mention,) = code_text(text)
    assert mention.event_type == "attack"


@pytest.mark.parametrize(
    ("text", "event_type", "actor2"),
    [
        (
            "Attack\n\nOn 1 May 2024, militants attacked three ODM members in Kisumu.",
            "attack",
            "Civilians (Kenya)",
        ),
        (
            "Attack\n\nOn 1 May 2024, soldiers attacked Al Shabaab members near Mandera.",
            "clash",
            "Al Shabaab",
        ),
    ],
)
def test_members_of_a_party_attacked_are_civilians(code_text, text, event_type, actor2):
    (mention,) = code_text(text)
    assert (mention.event_type, mention.actor2) == (event_type, actor2)
    assert mention.assoc_actor_2 == ("ODM: Orange Democratic Movement" if event_type == "attack" else None)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Fight\n\nOn 4 May 2024, clashes took place between two armed families in Kisumu.", "clash"),
        ("Fight\n\nOn 4 May 2024, armed militiamen from two clans clashed near Mandera.", "clash"),
        ("Fight\n\nOn 4 May 2024, two families clashed with sticks and stones in Kisumu.", "protest"),
    ],
)
def test_a_fight_of_families_or_clans_told_armed_is_a_clash(code_text, text, event_type):
    assert [m.event_type for m in code_text(text)] == [event_type]


def test_the_clash_of_armed_clans_told_again_stays_one_clash(code_text):
    text = (
        "Fight\n\nOn 4 May 2024, armed militiamen from two clans clashed near Mandera. Two people were "
        "killed in the clash, which was related to a dispute over grazing land between the clans."
    )
    assert [m.event_type for m in code_text(text)] == ["clash"]


def test_the_side_fire_was_exchanged_with_is_the_other_party(code_text) -> None:
    text = "On 28 April 2023, in Kisumu, two robbers exchanged fire with police officers, police said."
    (clash,) = code_text(text)
    assert (clash.event_type, clash.actor2) == ("clash", "Police Forces of Kenya")


def test_a_crowds_violence_is_a_violent_demonstration_only_when_a_demonstration_is_told(code_text) -> None:
    fight = "On 4 May 2023, ruling party supporters and opposition supporters fought one another in Kisumu."
    (m,) = code_text(fight)
    assert m.acled_sub_event_type == "Mob violence"
    for text in (
        "On 4 May 2023, protesters threw stones at police in Eldoret.",
        "On 4 May 2023, party supporters clashed with police during a rally in Nakuru.",
    ):
        (m,) = code_text(text)
        assert m.acled_sub_event_type == "Violent demonstration"


def test_artillery_a_clash_was_fought_with_or_fire_exchanged_is_a_clash(code_text) -> None:
    for text in (
        "On 3 May 2023, Zarvo Front and army forces clashed with heavy artillery fire near Kisumu.",
        "On 3 May 2023, a clash between the army and Zarvo Front fighters, involving heavy artillery fire,"
        " was reported in Kisumu.",
        "On 3 May 2023, the army and Zarvo Front fighters exchanged artillery fire near Kisumu.",
    ):
        (m,) = code_text(text)
        assert m.acled_sub_event_type == "Armed clash", text
    (m,) = code_text("On 3 May 2023, the army shelled Zarvo Front positions near Kisumu with artillery.")
    assert m.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_police_intervening_or_arrests_told_after_a_protest_make_it_one_with_intervention(code_text) -> None:
    for text in (
        "On 5 May 2023, nurses held a sit-in outside the hospital in Nakuru to demand unpaid wages."
        " Police intervened and moved the nurses away from the gate.",
        "On 5 May 2023, traders staged a protest in Eldoret against new market fees."
        " Several arrests were made.",
    ):
        protests = [m for m in code_text(text) if m.event_type == "protest"]
        assert [m.acled_sub_event_type for m in protests] == ["Protest with intervention"], text


def test_the_group_whose_attack_was_repelled_is_the_attacker(code_text) -> None:
    (m,) = code_text("On 3 May 2023, army forces repelled an attack of Zarvo Front fighters near Kisumu.")
    assert (m.event_type, m.actor1, m.actor2) == ("clash", "Zarvo Front", "Military Forces of Kenya")


def test_an_attack_by_unnamed_gunmen_told_again_of_the_group_that_did_it_is_one_event(code_text):
    text = (
        "Gunmen killed two traders at a market in Garissa on Monday. Al-Shabaab fighters attacked the"
        " market in Garissa with guns, police said."
    )
    assert [m.event_type for m in code_text(text)] == ["attack"]


def test_militants_tied_to_a_named_group_by_a_modifier_are_that_group(code_text):
    for text in (
        "Militants belonging to al-Shabaab attacked a police post in Mandera on Friday.",
        "Fighters loyal to al-Shabaab attacked a police post in Mandera on Friday.",
        "Several villages in Mandera were attacked on Friday by militants suspected to belong to al-Shabaab.",
        "Militants from al-Shabaab attacked a police post in Mandera on Friday.",
    ):
        assert [m.actor1 for m in code_text(text)] == ["Al Shabaab"], text
    # a group named after another preposition is no affiliation
    text = "Gunmen killed a trader in Mandera on Monday, raising questions about al-Shabaab's reach."
    assert [m.actor1 for m in code_text(text)] == ["Unidentified Armed Group (Kenya)"]


def test_violence_told_of_others_in_a_relative_clause_leaves_a_protest_peaceful(code_text):
    peaceful = (
        "On 27 April 2020, families who say their sons were abducted by the Zarvo Front continued their"
        " sit-in protest in front of the party office in Nakuru town. [size=no report]",
        "On 29 April 2020, protesters gathered at the Kobarre roundabout in Nakuru demanding the return"
        " of looted funds. [size=no report]",
        "On 29 April 2020, residents whose homes were torched by raiders last month protested outside the"
        " county office in Nakuru. [size=around 40]",
    )
    for text in peaceful:
        assert acled_kinds(code_text(text)) == ["Peaceful protest"], text
    violent = (
        "On 29 April 2020, protesters, who pelted the police with stones, gathered outside the county"
        " office in Nakuru. [size=around 40]",
        "On 29 April 2020, traders marched to the county office in Nakuru, where they burned tires and"
        " hurled rocks at its gate. [size=around 40]",
    )
    for text in violent:
        assert acled_kinds(code_text(text)) == ["Violent demonstration"], text


def test_roads_blocked_with_burning_tyres_are_a_violent_demonstration(code_text):
    text = (
        "On 1 May 2020, in Nakuru, about 70 people blocked roads with burning tyres to demonstrate against"
        " the closure of a bank. [size=about 70]"
    )
    assert [(m.acled_sub_event_type, m.actor1) for m in code_text(text)] == [
        ("Violent demonstration", "Rioters (Kenya)")
    ]


def test_heavy_machine_gun_fire_on_positions_is_shelling_unless_small_arms_are_told(code_text):
    text = (
        "On 2 May 2020, the Zarvo Front fired 82mm mortars and heavy machine guns at the positions of the"
        " Kenyan army near Kobarre, Mandera."
    )
    assert acled_kinds(code_text(text)) == ["Shelling/artillery/missile attack"]
    text = text.replace("and heavy machine guns", ", heavy machine guns and small arms")
    assert acled_kinds(code_text(text)) == ["Armed clash"]


def test_a_list_of_weapons_fired_at_positions_names_both_sides(code_text):
    # the parser hangs "grenade launchers" on "fired" as a conjunct; it is one of the weapons fired
    text = (
        "On 3 May 2024, the Kenyan Forces fired anti-aircraft guns, grenade launchers, heavy machine guns"
        " and small arms at the positions of the Zarvo Front in the area of Kobarre, Mandera."
    )
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [("Military Forces of Kenya", "Zarvo Front")]
    # the weapons fired are no side: the holder of the positions fired at is
    text = "On 3 May 2024, Kenyan troops fired small arms at the positions of the Zarvo Front near Lamu."
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [("Military Forces of Kenya", "Zarvo Front")]


def test_who_holds_the_positions_fired_at_is_no_place(code_text):
    text = "On 3 May 2024, Kenyan troops fired mortars at the positions of al-Shabaab near Lamu."
    assert [m.location for m in code_text(text)] == ["Lamu"]


def test_is_in_capitals_before_a_noun_is_the_islamic_state_not_the_verb(code_text):
    # read as the verb "is", it took the sentence's date and subject with it
    text = "On 1 May 2020, IS snipers shot and wounded two policemen in Mosul."
    [mention] = code_text(text)
    assert (mention.actor1, mention.event_date) == ("Islamic State (Iraq)", dt.date(2020, 5, 1))


def test_a_place_told_by_its_kind_struck_by_armed_men_or_weapons_was_attacked(code_text):
    text = "The village was struck by drones on Monday, residents of Mandera said."
    assert acled_kinds(code_text(text)) == ["Air/drone strike"]
    text = "A police post in Mandera was hit by mortar shells on Monday."
    assert acled_kinds(code_text(text)) == ["Shelling/artillery/missile attack"]
    assert code_text("The village was hit by floods on Monday, residents of Mandera said.") == []


def test_a_place_struck_with_no_locative_phrase_is_where_it_happened(code_text):
    # the residents' place belongs to the reporting clause, not to the strike
    text = "Kobarre village was struck by drones on Monday, residents in Kenya said."
    assert [(m.location, m.iso3) for m in code_text(text)] == [("Kobarre", "KEN")]
    text = "Garissa was struck by drones on Monday, residents in Mandera said."
    assert [m.location for m in code_text(text)] == ["Garissa"]


def test_places_struck_in_clauses_of_their_own_are_events_of_their_own(code_text):
    # Kobarre is no place the gazetteer holds (taken for a person by the tagger); it keeps its name
    text = (
        "Kenyan officials said on Thursday that Kobarre, in the north-east, was hit six times by drones and"
        " warplanes, while Garissa, also in the north-east, was struck three times."
    )
    assert sorted((m.location, m.acled_sub_event_type, m.actor1) for m in code_text(text)) == [
        ("Garissa", "Air/drone strike", "Military Forces of Kenya"),
        ("Kobarre", "Air/drone strike", "Military Forces of Kenya"),
    ]


def test_a_nationality_on_a_strike_from_afar_is_that_countrys_forces(code_text):
    text = "Ethiopian air raids on villages in northern Kenya killed two people on Thursday."
    assert [m.actor1 for m in code_text(text)] == ["Military Forces of Ethiopia"]
    # an attack told by the attackers' nationality alone names no army
    text = "Somali attacks on villages in northern Kenya killed two people on Thursday."
    assert [m.actor1 for m in code_text(text)] == ["Unidentified Armed Group (Kenya)"]


def test_a_list_of_place_phrases_of_several_prepositions_is_one_event_per_place(code_text):
    text = (
        "Al-Shabaab said it had targeted army positions in Mandera, at Garissa and Lamu, and at Wajir on"
        " Sunday."
    )
    assert places(code_text(text)) == ["Garissa", "Lamu", "Mandera", "Wajir"]


def test_weapons_fired_at_an_area_are_shelling_at_people_an_attack(code_text):
    for text in (
        "On 6 May 2024, Zarvo Front fighters fired machine guns at residential neighbourhoods on the"
        " outskirts of Garissa town.",
        "On 6 May 2024, the army fired heavy and medium weapons at scattered areas of Kobarre village.",
    ):
        assert acled_kinds(code_text(text)) == ["Shelling/artillery/missile attack"]
    text = "On 6 May 2024, gunmen fired rifles at a crowd in Garissa, killing two."
    assert acled_kinds(code_text(text)) == ["Attack"]


def test_clans_families_and_shoot_outs_fight_as_armed_groups_sticks_make_a_mob(code_text):
    for text in (
        "On 2 May 2024, clan-based clashes erupted in and around Kobarre, Mandera, leaving dozens dead.",
        "On 2 May 2024, residents reported that a shoot-out took place in a neighbourhood of Garissa.",
        "On 2 May 2024, clashes broke out between two families in Garissa town, leaving two dead.",
    ):
        assert acled_kinds(code_text(text)) == ["Armed clash"], text
    text = "On 2 May 2024, two families clashed with sticks and stones in Garissa, leaving one dead."
    assert acled_kinds(code_text(text)) == ["Mob violence"]


def test_what_a_crowd_claims_befell_its_own_is_no_event_the_parser_misread(code_text):
    # the parser makes "kidnapped" the sentence's root and "families" its subject
    text = (
        "On 27 April 2020, families who claim their children have been kidnapped by the Zarvo Front"
        " continued their sit-in protest in front of the party office in Nakuru town."
    )
    assert acled_kinds(code_text(text)) == ["Peaceful protest"]
    text = "Gunmen who said they belonged to the Zarvo Front kidnapped two traders in Garissa on Friday."
    assert [m.sub_event_type for m in code_text(text)] == ["abduction"]


def test_two_sides_the_parser_chained_onto_a_list_of_places_are_the_clash_s_sides(code_text):
    # no subject for "clashed": the parser joins "the Kenyan military" to the places before it
    text = (
        "On 2 May 2024, near Kobarre village, Mandera county, the Kenyan military and the Zarvo Front"
        " clashed."
    )
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [("Military Forces of Kenya", "Zarvo Front")]


def test_a_day_a_report_was_made_on_does_not_part_the_event_from_its_own_day(code_text):
    # "said on Thursday that ...": the statement's day, the firefight happened on the Wednesday told after
    text = (
        "Three police killed in clash with militants\n"
        "Kenyan police said on Thursday that three officers died and five others were wounded in a firefight"
        " with Al-Shabaab militants in the country's northeast. According to the police, the gunbattle broke"
        " out in a village in Mandera county on Wednesday and lasted an hour."
    )
    [clash] = code_text(text)
    assert (clash.event_date, clash.admin1, clash.fatalities) == (dt.date(2024, 5, 15), "Mandera", 3)


def test_the_sentence_with_the_event_s_own_day_and_place_is_its_evidence_over_the_report(code_text):
    text = (
        "Ten killed in Kenyan air strike\n"
        "Ten civilians were killed when the Kenyan military carried out an air strike on a village, residents"
        " said on Wednesday.\n\n"
        "On Tuesday afternoon, a military jet struck Kobarre village in Mandera county with two bombs, an"
        " official said."
    )
    [strike] = code_text(text)
    assert strike.evidence.startswith("On Tuesday afternoon, a military jet struck")
    assert (strike.event_date, strike.fatalities) == (dt.date(2024, 5, 14), 10)


def test_a_dateline_is_no_part_of_the_lede_s_parse(code_text):
    text = (
        "Attack in Kenya\n"
        "NAIROBI, March 3 (Agency) - Al-Shabaab fighters attacked a police post in Mandera on Monday, killing"
        " two officers."
    )
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [("Al Shabaab", "Police Forces of Kenya")]


def test_a_claim_of_responsibility_told_on_its_own_names_who_did_the_attack_just_told(code_text):
    text = (
        "Suicide bomber kills 12 at Kenyan base\n"
        "A suicide bomber drove a vehicle into a military base in Garissa on Saturday, killing 12 soldiers,"
        " officials said. The al-Shabaab extremist group claimed responsibility."
    )
    assert [m.actor1 for m in code_text(text)] == ["Al Shabaab"]
    text = (
        "Two attacks in Kenya\n"
        "Gunmen killed three traders in Mandera on Monday. In a separate incident, a bomb killed two soldiers"
        " in Garissa. Al-Shabaab claimed responsibility."
    )
    by_place = {m.location: m.actor1 for m in code_text(text)}
    assert by_place == {"Mandera": "Unidentified Armed Group (Kenya)", "Garissa": "Al Shabaab"}
    text = "A roadside bomb killed five officers in Garissa on Monday. No group claimed responsibility."
    assert [m.actor1 for m in code_text(text)] == ["Unidentified Armed Group (Kenya)"]


def test_the_group_blamed_for_an_attack_did_it(code_text):
    for blame in ("Police blamed Al-Shabaab for the attack.", "Al-Shabaab was blamed for the bombing."):
        text = f"A roadside bomb killed five police officers in Garissa on Monday. {blame}"
        assert [m.actor1 for m in code_text(text)] == ["Al Shabaab"], blame


@pytest.mark.parametrize(
    "text",
    [
        "Attacks blamed on Zarvo Front militants killed two soldiers in Garissa on Tuesday.",
        "The attack in Garissa on Tuesday, which killed two soldiers, has been blamed on the Zarvo Front.",
        "Two soldiers were killed in Garissa on Tuesday. Police blamed the attack on the Zarvo Front.",
    ],
)
def test_the_group_an_attack_is_blamed_on_did_it(code_text, text):
    assert [m.actor1 for m in code_text(text)] == ["Zarvo Front"]


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed by a landmine in Garissa on Tuesday, the army said, blaming Zarvo Front.",
        "A drone strike killed 23 civilians in Garissa on Tuesday, activists said, blaming the Zarvo Front.",
    ],
)
def test_the_group_a_report_blames_did_it(code_text, text):
    # "..., officials said, blaming X": the reporting verb's participle names the doer
    assert [m.actor1 for m in code_text(text)] == ["Zarvo Front"]


def test_a_weapon_in_a_headline_is_no_group(code_text):
    # headline capitals make the tagger take "Landmine" for an organisation: a weapon, no actor
    text = "Landmine kills two soldiers in Kenya\n\nTwo soldiers were killed by a landmine in Garissa."
    assert [m.actor1 for m in code_text(text)] == ["Unidentified Armed Group (Kenya)"]


@pytest.mark.parametrize(
    ("victims", "event_type", "side"),
    [
        ("a village chief and his son", "attack", "Civilians (Kenya)"),
        ("an imam", "attack", "Civilians (Kenya)"),
        ("an army chief", "clash", "Military Forces of Kenya"),
    ],
)
def test_a_chief_or_a_cleric_killed_is_a_civilian(code_text, victims, event_type, side):
    # a village's chief, a cleric, a relative: civilians; an army's chief stays its army
    (mention,) = code_text(f"Gunmen killed {victims} in Garissa on Monday.")
    assert (mention.event_type, mention.actor2) == (event_type, side)


def test_the_people_a_headline_tells_shot_dead_were_shot(code_text):
    # "Three police officers shot dead in X" (a headline's bare participle): the officers were shot
    text = (
        "Three police officers shot dead in Kenya's Garissa\n\nNAIROBI - Three police officers were shot dead"
        " in an ambush near Garissa on Tuesday, officials said."
    )
    (mention,) = code_text(text)
    assert (mention.actor1, mention.actor2) == ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")


@pytest.mark.parametrize("where", ["Mandera clash", "Kenya gunfight"])
def test_the_side_the_body_tells_killed_is_not_the_events_doer(code_text, where):
    # the headline's "Two soldiers killed in X clash" parses the soldiers as the clash's doers; the body
    # tells them killed: they are the other side, never both
    text = (
        f"Two soldiers killed in {where}\n\nMANDERA - Two soldiers and three militants were killed in a clash"
        " in Mandera on Monday, police said."
    )
    (mention,) = code_text(text)
    assert (mention.actor1, mention.actor2) == (
        "Unidentified Armed Group (Kenya)",
        "Military Forces of Kenya",
    )


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Kenyan troops and Zarvo Front fighters exchanged fire at the border, killing two civilians.",
            {"Military Forces of Kenya", "Zarvo Front"},
        ),
        (
            "Police and gang members exchanged fire in Nakuru on Monday.",
            {"Police Forces of Kenya", "Unidentified Gang (Kenya)"},
        ),
    ],
)
def test_two_sides_that_exchanged_fire_are_the_clashs_sides(code_text, text, sides):
    # "X and Y exchanged fire at the border": "at" places them, the civilians killed are no side; the
    # parser's "Police and | gang members" (Police a modifier of members) still names two sides
    (mention,) = code_text(text)
    assert {mention.actor1, mention.actor2} == sides


def test_force_used_on_a_crowd_is_where_the_crowd_it_dispersed_was(code_text):
    text = (
        "Protest in Kenya\nPolice fired tear gas on Tuesday to disperse hundreds of protesters who marched"
        " through central Nairobi against new taxes."
    )
    assert [(m.event_type, m.location) for m in code_text(text)] == [("protest", "Nairobi")]


def test_the_fighting_between_two_named_groups_is_the_clash_of_unnamed_militias_just_told(code_text):
    text = (
        "Clashes in Garissa kill 27\n"
        "Heavy clashes between two rival militias in Garissa killed at least 27 people on Tuesday, officials"
        " said. The fighting between Al-Shabaab and the Zarvo Front erupted after a commander was detained."
    )
    [clash] = code_text(text)
    assert (clash.location, clash.fatalities, clash.actor1) == ("Garissa", 27, "Al Shabaab")


def test_an_airport_or_port_named_by_its_town_places_the_event_there(code_text):
    for site in ("Wajir airport", "Lamu port", "Garissa airport"):  # tagged ORG, none, PERSON
        text = f"Arrests in Kenya\nOn Saturday, 46 traders were arrested at {site}."
        assert [(m.location, m.geo_precision) for m in code_text(text)] == [(site.split()[0], 1)], site


def test_a_road_written_by_its_number_is_a_road_people_block(code_text):
    for road in ("the A104", "the KN 5", "KE-230"):
        text = f"On 7 May 2020, farmers blocked {road} near Nakuru demanding fertiliser."
        assert [m.event_type for m in code_text(text)] == ["protest"], road


def test_where_the_doers_are_based_is_not_where_they_struck(code_text):
    # a place phrase inside the active subject tells where the attackers come from; the clause's other
    # place phrase tells where they struck (the frame and the trigger's phrase alike)
    based = code_text(
        "Militants based in Lamu attacked a police post near Zzqxville, Mandera county, on Monday."
    )
    assert [(m.location, m.admin1) for m in based] == [("Zzqxville", "Mandera")]
    stationed = code_text(
        "On 8 May 2020, troops of the Zarvo Front stationed at Garissa fired on the positions of the army"
        " near Zzqxville, Mandera."
    )
    assert [m.admin1 for m in stationed] == ["Mandera"]
    # victims living somewhere were shot there; alone, the subject's place is still the event's
    assert code_text("Two people living in Zzqxville village, in Wajir county, were shot dead.")[
        0
    ].admin1 == ("Wajir")
    assert code_text("Protesters in Nakuru marched against the tax bill on Tuesday.")[0].location == "Nakuru"


def test_an_opening_locative_is_its_own_phrase_not_the_words_after_it(code_text):
    # "in X, workers of the Metro protested": the frame is X; "the Metro" (a town's name abroad) is no unit
    # of it
    protest = code_text("On 8 May 2024, in Nakuru, workers of the Metro protested over unpaid wages.")
    assert [(m.location, m.iso3) for m in protest] == [("Nakuru", "KEN")]


def test_the_other_side_of_an_exchange_of_fire_is_read_wherever_the_parser_hangs_with(code_text):
    # "exchanged fire with civil police officers": the parser hangs "with" on "fire", not on the verb
    clash = code_text("Gunmen exchanged fire with civil police officers in Garissa on Monday.")[0]
    assert (clash.actor1, clash.actor2) == ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")


def test_the_side_whose_operation_it_was_began_the_clash(code_text):
    # ACLED's actor 1 is the side that initiated: a clash during a police operation or patrol is the police's
    # (drug traffickers are a gang: the noun was no actor at all, and the operation's default side took it)
    raid = code_text("Drug traffickers exchanged fire with police during an operation in Garissa on Monday.")[
        0
    ]
    assert (raid.actor1, raid.actor2) == ("Police Forces of Kenya", "Unidentified Gang (Kenya)")
    killed = code_text(
        "Two bandits were killed after exchanging fire with soldiers during a patrol in Garissa."
    )
    assert killed[0].actor1 == "Military Forces of Kenya"
    theirs = code_text("Militants clashed with soldiers during their raid on a village near Garissa.")[0]
    assert theirs.actor1 == "Unidentified Armed Group (Kenya)"  # the operation was the militants'


def test_an_arrest_made_during_a_raid_is_the_arrest(code_text):
    # "arrested three during a raid": the raid is the arrest's, no attack by an unidentified group
    arrest = code_text("Police arrested three suspected militants during a raid in Garissa on Tuesday.")
    assert [(m.event_type, m.actor1) for m in arrest] == [("arrest", "Police Forces of Kenya")]
    seized = code_text(
        "Police said they had arrested two suspects and seized weapons during a raid in Wajir."
    )
    assert [m.event_type for m in seized] == ["arrest"]
    abducted = code_text("Gunmen abducted three farmers during a raid on a village near Garissa on Tuesday.")
    assert [m.sub_event_type for m in abducted] == ["abduction"]


def test_force_used_on_people_told_as_protesting_is_the_protest(code_text):
    # "students protesting in X" are protesters: tear gas fired at them is the protest's intervention
    protest = code_text("Police fired tear gas at students protesting in Nakuru on Thursday.")
    assert [(m.event_type, m.actor1, m.actor2) for m in protest] == [
        ("protest", "Protesters (Kenya)", "Police Forces of Kenya")
    ]


def test_a_province_and_a_town_in_it_can_be_one_occurrence(code_text):
    # a province alone is placed at its seat, with the seat's district: that district is no claim that
    # the event lay there, so the town of the next sentence, in another district of the province, is it
    text = (
        "Four Colombian soldiers were killed when rebels of the Zarvo Front attacked a military patrol in the"
        " southern province of Narino, the army said on Thursday. The ambush took place near the town of"
        " Tumaco on Wednesday afternoon."
    )
    assert [(m.event_type, m.location, m.fatalities) for m in code_text(text)] == [("clash", "Tumaco", 4)]


def test_an_event_joined_to_a_when_clause_takes_its_date(code_text):
    # "since April 2017, when rebels ambushed and killed ...": the parser may hang "when" on either verb
    text = "It was the worst loss since April 2017, when rebels ambushed and killed 25 soldiers in Wajir."
    assert [m.event_date.year for m in code_text(text)] == [2017]


def test_members_of_an_armed_group_struck_are_the_group_not_civilians(code_text):
    # a party's members attacked are civilians (ACLED), an armed group's members are the group
    strike = code_text(
        "An Israeli drone strike on a car in the town of Bint Jbeil killed two Hezbollah members."
    )
    assert strike[0].actor2 == "Hezbollah"
    party = code_text("Gunmen shot dead two members of the opposition Zarvo party in Garissa on Sunday.")
    assert party[0].actor2 == "Civilians (Kenya)"


def test_an_arrest_for_a_killing_is_the_arrest_alone(code_text):
    # the killing is what the arrest is for: told before, not done by the arresters nor part of the arrest
    text = "Gunmen killed a trader in Garissa on Monday. Police arrested two men over the killing on Tuesday."
    assert [(m.event_type, m.actor1) for m in code_text(text)] == [
        ("attack", "Unidentified Armed Group (Kenya)"),
        ("arrest", "Police Forces of Kenya"),
    ]
    linked = code_text("Police in Garissa arrested five people in connection with the bombing.")
    assert [m.event_type for m in linked] == ["arrest"]


def test_negotiators_from_a_government_stand_for_it_not_for_the_venue(code_text):
    text = "Negotiators from the Afghan government and the Taliban resumed peace talks in Doha on Tuesday."
    talks = code_text(text)[0]
    assert (talks.actor1, talks.actor2, talks.iso3) == ("Government of Afghanistan", "Taliban", "QAT")


def test_an_event_told_the_next_day_is_another_occurrence(code_text):
    text = (
        "Gunmen killed eight people in the village of Kobarre in eastern Kenya on Sunday, a local official"
        " said. The next day, soldiers killed 12 suspected militants in the same area, the army said."
    )
    mentions = code_text(text)
    assert [(m.event_type, m.fatalities) for m in mentions] == [("attack", 8), ("clash", 12)]
    assert (mentions[1].event_date - mentions[0].event_date).days == 1


def test_a_ledes_opening_count_stays_with_its_sentence_after_a_dateline(code_text):
    # "NAIROBI, May 3 - Two soldiers and three militants were killed ...": the parser split "Two" off
    text = "NAIROBI, May 3 - Two Kenyan soldiers and three militants were killed in a gunfight in Garissa."
    assert [m.fatalities for m in code_text(text)] == [5]


def test_a_town_retaken_from_a_group_is_a_battle_with_it(code_text):
    # "recaptured", "retook": the state regains territory (ACLED's battle), as "seized" is one
    retaken = code_text(
        "Kenyan soldiers retook the town of Lafey from the Zarvo Front after heavy fighting on Sunday."
    )
    assert [(m.event_type, m.actor1, m.actor2, m.location) for m in retaken] == [
        ("clash", "Military Forces of Kenya", "Zarvo Front", "Lafey")
    ]


def test_a_headline_killing_is_the_deadly_riot_the_body_tells(code_text):
    text = (
        "Two killed as mobs torch homes in Kenya\n\n"
        "NAKURU, Kenya - Two people were killed and at least a dozen houses were set on fire when armed "
        "mobs attacked a village in Nakuru county on Sunday night, police said on Monday."
    )
    assert [(m.event_type, m.fatalities) for m in code_text(text)] == [("protest", 2)]


def test_a_claim_in_a_relative_clause_names_the_doer_of_the_event_told_before(code_text):
    text = (
        "Gunmen killed five villagers in Garissa on Saturday. "
        "The attack, which was claimed by the Zarvo Front, drew condemnation."
    )
    assert [m.actor1 for m in code_text(text)] == ["Zarvo Front"]
    clash = (
        "Militants attacked a checkpoint in Garissa on Saturday, killing 11 soldiers. "
        "Five soldiers were wounded in the attack, which was claimed by the Zarvo Front."
    )
    assert [m.actor1 for m in code_text(clash)] == ["Zarvo Front"]
    officer = clash.replace("killing 11 soldiers", "killing an officer and 10 soldiers, the army said")
    assert [m.actor1 for m in code_text(officer)] == ["Zarvo Front"]


def test_attacks_told_as_repeated_over_time_are_no_event_of_their_own(code_text):
    text = (
        "Gunmen shot dead a trader near Garissa on Tuesday. "
        "The area has been repeatedly attacked by the Zarvo Front in recent weeks."
    )
    assert [m.actor1 for m in code_text(text)] == ["Unidentified Armed Group (Kenya)"]
    assert code_text("The Zarvo Front has frequently raided villages near Garissa.") == []


def test_the_attackers_told_again_continue_the_raid_just_told(code_text):
    text = (
        "At least 32 people were killed when armed youths raided cattle camps in Lamu county on Saturday. "
        "The attackers made off with thousands of cattle and abducted 12 women, an official said. "
        "Seven of the attackers were also killed, he said."
    )
    assert [(m.sub_event_type, m.fatalities) for m in code_text(text)] == [("armed_assault", 39)]
    again = "Gunmen raided a village near Lamu on Saturday. Gunmen abducted 12 women in Garissa on Sunday."
    assert len(code_text(again)) == 2


def test_forces_that_came_under_fire_did_not_fire(code_text):
    text = "Kenya said its soldiers had come under fire near Mandera and that one of its soldiers was killed."
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [
        ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")
    ]


def test_the_town_taken_after_clashes_is_their_place_and_its_takers_a_side(code_text):
    text = (
        "Fighters of the Zarvo Front took control of the town of Mpeketoni in Kenya's Lamu county on "
        "Friday after clashes with the army, residents said."
    )
    [clash] = code_text(text)
    assert (clash.event_type, clash.location, clash.actor1) == ("clash", "Mpeketoni", "Zarvo Front")
    assert clash.actor2 == "Military Forces of Kenya"


def test_a_present_clause_describing_a_place_is_no_event(code_text):
    text = (
        "Gunmen burst into a bar in Kenya's Lamu county on Saturday night, killing 11 people. "
        "The attack in the town of Mpeketoni was the latest in the county, where gangs are fighting over "
        "land."
    )
    assert [(m.event_type, m.location) for m in code_text(text)] == [("attack", "Mpeketoni")]
    assert code_text("Troops patrol the hills near Lamu, where militants attack convoys.") == []


def test_a_group_blamed_is_the_one_talked_with_and_no_base_kills(code_text):
    text = (
        "Kenya's government and the Zarvo Front resumed peace talks in Nairobi on Monday. "
        "Earlier this month, the group was blamed for an attack on a military base in Lamu county that "
        "killed two soldiers."
    )
    attack = [m for m in code_text(text) if m.event_type != "dialogue"]
    assert [(m.actor1, m.actor2) for m in attack] == [("Zarvo Front", "Military Forces of Kenya")]


def test_a_nationality_strike_that_killed_is_its_army_and_a_bomber_is_not_his_own_target(code_text):
    strike = "A Kenyan strike on a camp near Mandera on Tuesday killed a senior Zarvo Front commander."
    assert [m.actor1 for m in code_text(strike)] == ["Military Forces of Kenya"]
    missile = "A Russian missile strike on a hardware store in Kharkiv killed six people on Saturday."
    assert [m.actor1 for m in code_text(missile)] == ["Military Forces of Russia"]
    operation = "A police operation killed five suspected robbers in Garissa on Monday."
    assert [m.actor1 for m in code_text(operation)] == ["Police Forces of Kenya"]
    bomber = "A suicide bomber blew himself up in a mosque in Garissa during prayers, killing 46 people."
    assert [(m.actor2, m.fatalities) for m in code_text(bomber)] == [("Civilians (Kenya)", 47)]


def test_an_armed_sides_arson_is_its_attack_not_a_riot(code_text):
    text = (
        "Members of the Zarvo Front killed 70 people in an attack on the town of Mpeketoni in Lamu county "
        "on Thursday. The gunmen also set fire to at least 45 homes, forcing residents to flee."
    )
    assert [(m.event_type, m.actor1) for m in code_text(text)] == [("attack", "Zarvo Front")]
    torched = code_text("Gunmen torched 20 houses in a village near Lamu on Monday.")
    assert [(m.event_type, m.actor2) for m in torched] == [("attack", "Civilians (Kenya)")]
    tents = code_text("Police set fire to protesters' tents in Nairobi on Monday.")
    assert [m.event_type for m in tents] == ["protest"]


def test_the_speaker_after_a_place_is_no_unit_of_it(code_text):
    text = "On Thursday, U.S. forces struck a Zarvo Front camp near the town of Mandera, the U.S. army said."
    assert [(m.iso3, m.location) for m in code_text(text)] == [("KEN", "Mandera")]


def test_a_clash_set_days_after_another_is_its_own_event_even_of_one_type(code_text):
    two = (
        "Police killed three militants in Garissa on Sunday, two days after militants attacked a police "
        "post in Mandera, killing two officers."
    )
    events = code_text(two, published=dt.date(2024, 5, 10))
    assert sorted((m.location, m.event_date, m.fatalities) for m in events) == [
        ("Garissa", dt.date(2024, 5, 5), 3),
        ("Mandera", dt.date(2024, 5, 3), 2),
    ]
    vague = two.replace("two days after", "days after")
    events = code_text(vague, published=dt.date(2024, 5, 10))
    mandera = [m for m in events if m.location == "Mandera"]
    assert [(m.time_precision, m.fatalities) for m in mandera] == [(2, 2)]
    three = code_text(two.replace("two days after", "three days after"), published=dt.date(2024, 5, 10))
    assert [(m.event_date, m.time_precision) for m in three if m.location == "Mandera"] == [
        (dt.date(2024, 5, 2), 1)
    ]


def test_the_violence_that_has_killed_thousands_is_a_tally_not_the_events_dead(code_text):
    text = (
        "Kenya's army said on Friday it had killed about 100 militants who attacked a military base in "
        "the town of Mandera on Sunday. Kenya has been battling an insurgency since 2011. The violence "
        "has killed more than 17,000 people and displaced two million."
    )
    assert [m.fatalities for m in code_text(text)] == [100]
    since = code_text("Fighting in Garissa has killed 20 people since Saturday, officials said.")
    assert [m.fatalities for m in since] == [20]


def test_a_drone_strike_is_the_event_and_the_strike_told_again_places_it(code_text):
    text = (
        "A drone strike on a town square in Kenya's Lamu county killed at least 26 people, a hospital "
        "official said on Tuesday, as fighting between the army and the Zarvo Front intensified. "
        "The strike hit the town of Mpeketoni on Sunday, the official said."
    )
    events = code_text(text, published=dt.date(2024, 5, 10))
    assert [(m.sub_event_type, m.location, m.event_date, m.fatalities) for m in events] == [
        ("explosion", "Mpeketoni", dt.date(2024, 5, 5), 26)
    ]
    labour = code_text("A nationwide strike by doctors hit hospitals in Nairobi on Monday.")
    assert [m.event_type for m in labour] == ["protest"]


def test_they_in_what_a_speaker_said_is_the_speaker(code_text):
    text = (
        "Rebels in Kenya's Lamu county said on Wednesday they had captured the town of Mpeketoni after "
        "days of fighting with the army."
    )
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [
        ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")
    ]


def test_similar_marches_held_in_several_towns_are_one_protest_each(code_text):
    text = (
        "Hundreds of women marched through central Nairobi on Saturday. "
        "Similar marches were held in Mombasa, Kisumu and Nakuru."
    )
    assert [m.location for m in code_text(text)] == ["Nairobi", "Mombasa", "Kisumu", "Nakuru"]
    assert code_text("Similar attacks have hit Lamu in recent months.") == []


def test_a_crowd_that_rallied_outside_a_building_protested(code_text):
    rally = code_text("Thousands of Kenyans rallied outside parliament in Nairobi on Monday.")
    assert [(m.event_type, m.location) for m in rally] == [("protest", "Nairobi")]
    assert code_text("The opposition rallied support in Nairobi on Monday.") == []
    assert code_text("Kenyan shares rallied in Nairobi on Monday.") == []
    assert code_text("The Kenyan shilling rallied against the dollar in Nairobi on Monday.") == []


def test_police_that_did_not_intervene_are_no_side_of_the_protest(code_text):
    text = (
        "Thousands of Kenyans rallied outside parliament in Nairobi on Monday to protest against the tax "
        "bill. The rally was peaceful, and police did not intervene."
    )
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [("Protesters (Kenya)", None)]


def test_hundreds_of_students_who_clashed_with_police_are_a_crowd(code_text):
    events = code_text("Hundreds of students clashed with police in Nairobi on Thursday.")
    assert [(m.event_type, m.actor2) for m in events] == [("protest", "Police Forces of Kenya")]
    militants = code_text("Dozens of militants clashed with police in Garissa on Thursday.")
    assert [m.event_type for m in militants] == ["clash"]


def test_them_shot_are_the_people_just_named_not_the_countrys_government(code_text):
    text = (
        "Gunmen stopped a bus near the town of Mandera in Kenya's Mandera county on Friday night, forced "
        "nine passengers off and shot them dead, officials said."
    )
    assert [m.actor2 for m in code_text(text)] == ["Civilians (Kenya)"]


def test_a_drone_that_slammed_into_a_building_killing_people_is_a_drone_strike(code_text):
    text = "A drone slammed into an apartment building in Garissa overnight, killing at least three people."
    assert [m.sub_event_type for m in code_text(text)] == ["explosion"]


def test_arrests_in_an_operation_or_crackdown_are_arrests_not_a_clash(code_text):
    text = "Police arrested seven pastors in Garissa during a crackdown on unregistered churches."
    assert [(m.event_type, m.actor1) for m in code_text(text)] == [("arrest", "Police Forces of Kenya")]
    fought = code_text("Soldiers killed five militants and arrested two in Garissa during an operation.")
    assert [(m.event_type, m.fatalities) for m in fought] == [("clash", 5)]


def test_people_described_as_detained_are_no_arrest_told(code_text):
    text = "The Red Cross began moving 900 people detained in connection with the conflict in Kenya."
    assert code_text(text) == []
    dated = code_text("Police in Garissa said 12 people detained on Sunday had been charged.")
    assert [m.event_type for m in dated] == ["arrest"]


def test_a_participle_clause_takes_the_subject_of_the_clause_it_follows(code_text):
    text = "Soldiers launched an operation in Garissa on Sunday, detaining five suspects."
    assert [(m.event_type, m.actor1) for m in code_text(text)] == [("arrest", "Military Forces of Kenya")]


def test_a_local_alias_names_the_countrys_group_also_when_tagged_as_the_generic_one(code_text):
    text = (
        "RAIPUR, India - Maoist rebels blew up a police vehicle in Chhattisgarh state on Wednesday, "
        "killing six officers."
    )
    assert [m.actor1 for m in code_text(text)] == ["CPI (Maoist): Communist Party of India (Maoist)"]


def test_a_place_near_the_village_struck_is_no_second_scene(code_text):
    text = (
        "Dozens of Israeli settlers stormed the village of Al-Mughayyir near Ramallah on Saturday, burning "
        "cars, and a Palestinian man was shot dead, medics said."
    )
    assert [(m.location, m.fatalities) for m in code_text(text)] == [("Al Mughayyir", 1)]


def test_a_crowd_hurt_did_no_violence_of_its_own(code_text):
    text = (
        "Police fire tear gas at students\n\nNAIROBI - Police fired tear gas on Tuesday to disperse hundreds"
        " of students marching to parliament in Nairobi.\n\nSeveral students were injured and ten were"
        " arrested, police said."
    )
    assert [(m.event_type, m.actor1) for m in code_text(text)] == [("protest", "Protesters (Kenya)")]
    hurt = (
        "Students hurled stones at police during a protest in Nairobi on Tuesday, and two officers were"
        " injured."
    )
    assert [m.actor1 for m in code_text(hurt)] == ["Rioters (Kenya)"]


def test_the_sides_of_fighting_that_broke_out_between_them(code_text):
    text = "Clashes broke out on Sunday between the army and the Zarvo Front near Garissa."
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [("Military Forces of Kenya", "Zarvo Front")]


def test_of_after_a_possessed_noun_and_its_conjunct_is_the_conjuncts(code_text):
    text = "Fighting erupted between Kenya's military and members of a militia near Garissa on Sunday."
    assert [m.actor1 for m in code_text(text)] == ["Military Forces of Kenya"]


def test_deaths_an_accident_or_disaster_caused_are_no_event(code_text):
    for text in (
        "A bridge collapse killed 14 people in Nakuru last week.",
        "Five people were killed when their bus crashed near Nakuru on Sunday.",
        "Twelve people died in a landslide in Muranga on Sunday.",
    ):
        assert code_text(text) == [], text
    march = (
        "Thousands marched through Nakuru on Tuesday to demand accountability for the collapse of a bridge"
        " that killed 14 people last week."
    )
    assert [(m.event_type, m.fatalities) for m in code_text(march)] == [("protest", None)]
    shot = "Police shot dead two protesters in Nairobi on Tuesday, a week after a stampede killed nine."
    assert [m.fatalities for m in code_text(shot)] == [2]
    stormed = "Police shot dead five people when protesters stormed parliament in Nairobi on Tuesday."
    assert 5 in [m.fatalities for m in code_text(stormed)]  # "stormed" is no storm


def test_who_confirmed_or_denied_an_attack_did_not_carry_it_out(code_text):
    text = (
        "Gunmen abducted 20 people in a raid on a village near Garissa on Sunday. A police spokesman "
        "confirmed the attack but said the number of those kidnapped was still being verified."
    )
    assert [(m.event_type, m.actor1) for m in code_text(text)] == [
        ("attack", "Unidentified Armed Group (Kenya)")
    ]


def test_a_village_another_mention_names_is_placed_in_the_county_of_the_event(code_text):
    text = (
        "Gunmen kill six in Kenya\n\nNAIROBI - Gunmen killed six people in the northeastern county of"
        " Mandera on Monday, police said.\n\nThe attack was carried out in the village of Kotile after a"
        " dispute over grazing land, a police spokesman said."
    )
    events = code_text(text)
    assert [(m.location, m.admin1, m.geo_precision) for m in events] == [("Kotile", "Mandera", 2)]


def test_a_groups_site_struck_names_no_place(code_text):
    text = (
        "An Israeli air strike on a school sheltering families in Gaza City killed 15 people on Saturday. "
        "The Israeli military said it had targeted a Hamas command centre inside the school."
    )
    assert [(m.event_type, m.location) for m in code_text(text)] == [("attack", "Gaza")]


def test_a_crowd_that_kills_is_mob_violence_not_an_armed_groups_attack(code_text):
    events = code_text("An angry crowd beat two men to death in a market in Garissa on Friday.")
    assert [(m.event_type, m.actor1, m.fatalities) for m in events] == [("protest", "Rioters (Kenya)", 2)]
    gunmen = code_text("Gunmen shot dead two men in a market in Garissa on Friday.")
    assert [m.event_type for m in gunmen] == ["attack"]
    stormed = code_text(
        "Hundreds of students stormed the county offices in Garissa on Friday and set them on fire."
    )
    assert [m.event_type for m in stormed] == ["protest"]


def test_the_venue_of_talks_is_no_party_of_them(code_text):
    text = (
        "Kenya's government and the Zarvo Front agreed on Saturday to extend a ceasefire by six months,"
        " negotiators said after a round of talks in Addis Ababa."
    )
    talks = [m for m in code_text(text) if m.event_type == "dialogue"]
    assert [(m.actor1, m.actor2, m.location) for m in talks] == [
        ("Government of Kenya", "Zarvo Front", "Addis Ababa")
    ]


def test_the_toll_of_clashes_told_a_day_before_is_theirs(code_text):
    text = (
        "Police arrested an opposition leader on Sunday, a day after clashes between party supporters and"
        " police in Nairobi killed a policeman and injured more than 100 people."
    )
    violent = [m for m in code_text(text) if m.event_type != "arrest"]
    assert [(m.event_type, m.fatalities) for m in violent] == [("protest", 1)]


def test_officials_of_a_capital_and_a_town_are_the_towns_not_the_government(code_text):
    text = (
        "A fresh ceasefire was agreed on Monday between rival militias near Garissa. The truce was signed"
        " by officials from Nairobi and Garissa."
    )
    events = code_text(text)
    assert [m.event_type for m in events] == ["ceasefire"]
    assert "Government of Kenya" not in (events[0].actor1, events[0].actor2)


def test_villages_attacked_in_a_list_are_one_event_each(code_text):
    # GUIDELINES: several places named for one kind of event are several events; villages the gazetteer
    # lacks keep their names, whatever the tagger took one for, in the country the phrase after them names
    text = (
        "Villages attacked\n\nNAIROBI, July 3 (Reuters) - Gunmen attacked the villages of Zwerqa, Korelo and"
        " Ngaremara in northern Kenya on Saturday night, killing 12 people, police said on Monday."
    )
    mentions = code_text(text)
    assert [(m.event_type, m.location, m.iso3) for m in mentions] == [
        ("attack", "Zwerqa", "KEN"),
        ("attack", "Korelo", "KEN"),
        ("attack", "Ngaremara", "KEN"),
    ]


def test_towns_attacked_are_places_not_a_side(code_text):
    # "the towns of A, B and C in northern Kenya" named Kenya's government as the side attacked
    text = (
        "Towns attacked\n\nNAIROBI, July 3 (Reuters) - Gunmen attacked the towns of Garissa, Wajir and"
        " Mandera in northern Kenya on Saturday night, police said on Monday."
    )
    mentions = code_text(text)
    assert [m.location for m in mentions] == ["Garissa", "Wajir", "Mandera"]
    assert all(m.actor2 != "Government of Kenya" for m in mentions)


def test_the_strike_told_again_places_the_air_strike_told_before(code_text):
    # "the strike" alone is too vague a word (dockers strike too); after an air or drone strike it tells
    # that strike again: its place is the strike's, and it is never an event of its own
    text = (
        "Drone strike\n\nNAIROBI, May 8 (Reuters) - A drone strike killed at least 12 people in a town in"
        " Kenya's Marsabit county on Tuesday, residents said.\n\nThe strike hit a market in Moyale, two"
        " residents said. The county commander said his forces carried out the strike."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.location, mention.fatalities) == ("attack", "Moyale", 12)


def test_a_labour_strike_is_no_strike_told_again(code_text):
    text = (
        "Dockers strike\n\nMOMBASA, May 8 (Reuters) - Dock workers went on strike in Mombasa on Tuesday"
        " over pay.\n\nThe strike paralysed the port, officials said."
    )
    assert [m.event_type for m in code_text(text)] == ["protest"]


def test_the_group_another_trigger_of_the_sentence_names_is_the_side(code_text):
    # the raid is the sentence's event, its object "a militant camp" names no group; the killing names it
    text = (
        "Raid\n\nNAIROBI, May 8 (Reuters) - Kenyan troops killed nine al Shabaab fighters and freed four"
        " hostages in a raid on a militant camp near Garissa on Sunday, the army said."
    )
    (mention,) = [m for m in code_text(text) if m.event_type == "clash"]
    assert (mention.actor1, mention.actor2) == ("Military Forces of Kenya", "Al Shabaab")


def test_the_town_a_force_recaptured_is_the_place(code_text):
    # "recaptured X, the capital of Y": the town taken, though the parser made it the verb's subject
    text = (
        "Town retaken\n\nPORT SUDAN, May 8 (Reuters) - The Sudanese army said on Tuesday it had recaptured"
        " Wad Madani, the capital of Gezira state, from the Rapid Support Forces."
    )
    (mention,) = code_text(text)
    assert (mention.event_type, mention.location, mention.admin1) == ("clash", "Wad Medani", "Gezira")
    # a name that is no town of the article's countries is no place taken
    text = (
        "Takeover\n\nNAIROBI, May 8 (Reuters) - Rebels said on Tuesday they had seized Zwerqa from the army."
    )
    assert [m.location for m in code_text(text)] != ["Zwerqa"]


def test_the_district_told_after_the_province_places_the_event(code_text):
    # both are precision 3; the district named inside the state is the finer place, not the state's seat
    text = (
        "Gunmen kill 11\n\nABUJA, May 8 (Reuters) - Gunmen burst into a wedding party in Nigeria's Zamfara"
        " state early on Sunday and opened fire, killing 11 people, police said.\n\nThe attack took place"
        " at a farm in the Maru local government area, police said."
    )
    (mention,) = code_text(text)
    assert (mention.admin2, mention.admin1, mention.geo_precision) == ("Maru", "Zamfara", 3)


@pytest.mark.parametrize(
    "background",
    [
        "The county has been plagued by years of fighting between rival clan militias.",
        "The attack came after months of clashes over grazing land.",
        "The region has seen decades of conflict between herders and farmers.",
    ],
)
def test_years_of_fighting_are_no_event(code_text, background):
    text = (
        "Raid\n\nNAIROBI, May 8 (Reuters) - Gunmen killed 11 people in a raid on a village in Marsabit county"
        f" on Sunday, police said.\n\n{background}"
    )
    assert [m.event_type for m in code_text(text)] == ["attack"]


def test_a_day_is_no_doer_and_the_nationality_on_the_weapon_is(code_text):
    # "Saturday's" is the strike's day; "Russian" hangs on "missile" in the parse, still whose strike it was
    text = (
        "Toll rises\n\nKYIV, May 8 (Reuters) - The death toll from Saturday's Russian missile strike on a"
        " store in Kharkiv has risen to 19, officials said."
    )
    (mention,) = code_text(text)
    assert (mention.actor1, mention.fatalities) == ("Military Forces of Russia", 19)


def test_a_toll_updated_on_a_day_dates_the_toll_and_the_strike_told_again_dates_the_strike(code_text):
    # "rose to 19 on Monday" is the toll's day; "the strike" after a missile strike tells it again, its day
    text = (
        "Toll rises\n\nNAIROBI, May 8 (Reuters) - The death toll from a missile strike on a market in Lodwar"
        " rose to 19 on Monday, officials said.\n\nThe strike on Saturday afternoon also wounded more than"
        " 50 people."
    )
    (mention,) = code_text(text)
    assert (mention.location, mention.fatalities, str(mention.event_date)) == ("Lodwar", 19, "2024-05-18")


def test_a_march_in_a_town_beside_protests_placed_nowhere_is_an_event_of_its_own(code_text):
    # the first clause names no place the gazetteer holds ("in at least 10 of the 47 counties"); the second
    # clause's town is an occurrence of its own, one event per place
    text = (
        "Roads blocked\n\nNAIROBI, May 8 (Reuters) - Protesters blocked highways in at least 10 of Kenya's 47"
        " counties on Tuesday, as thousands marched in Kisumu, police said.\n\nIn the western town of"
        " Busia, clashes between protesters and police left one officer dead, police said."
    )
    assert sorted(m.location for m in code_text(text)) == ["Busia", "Kisumu"]


def test_a_village_in_a_region_named_after_its_seat_has_no_district(code_text):
    # the region is placed at its seat Monywa, whose district is Monywa: the village is not in it
    text = (
        "Air strike\n\nBANGKOK, May 8 (Reuters) - An air strike by Myanmar's military killed 15 people in a"
        " village in the Sagaing region on Tuesday, residents said.\n\nThe jet dropped two bombs on a school"
        " in Zwerqa village in Zarvo township, residents said."
    )
    (mention,) = code_text(text)
    assert (mention.location, mention.admin2, mention.admin1, mention.geo_precision) == (
        "Zwerqa",
        None,
        "Sagaing",
        2,
    )


def test_a_nationality_parsed_apart_from_its_noun_takes_the_noun_of_the_other(code_text):
    # the parser reads "Kyrgyz" alone and "Tajik border guards" as its conjunct: Kyrgyz border guards
    text = "Border fire\n\nOn 28 April 2024, Kyrgyz and Tajik border guards exchanged fire near Batken."
    (mention,) = code_text(text)
    assert (mention.actor1, mention.actor2) == ("Police Forces of Kyrgyzstan", "Police Forces of Tajikistan")
    # villagers are no state force: the reading is not taken for them
    text = "Border fight\n\nOn 28 April 2024, Kyrgyz and Tajik villagers fought near Batken."
    assert all(m.actor1 != "Police Forces of Kyrgyzstan" for m in code_text(text))


def test_rockets_fired_by_nobody_named_are_an_unidentified_groups(code_text):
    # armed groups fire rockets too: the weapon alone names no army (shelling and air strikes still do)
    text = "Three rockets landed near a military base in Mandera on Friday, causing no casualties."
    assert [m.actor1 for m in code_text(text)] == ["Unidentified Armed Group (Kenya)"]
    text = "Artillery shells landed near a military base in Mandera on Friday, causing no casualties."
    assert [m.actor1 for m in code_text(text)] == ["Military Forces of Kenya"]


def test_the_people_killed_in_a_clash_of_two_named_groups_are_no_side_of_it(code_text):
    text = (
        "At least 12 people were killed in clashes between two armed groups in Mandera on Monday, "
        "officials said. The fighting between al Shabaab and the Zarvo Front erupted after the arrest "
        "of a commander."
    )
    [clash] = code_text(text)
    assert (clash.actor1, clash.actor2) == ("Al Shabaab", "Zarvo Front")


def test_a_truce_told_without_parties_is_between_the_named_sides_not_two_armed_groups(code_text):
    text = (
        "At least 12 people were killed in clashes between two armed groups in Mandera on Monday. "
        "The fighting between al Shabaab and the Zarvo Front erupted after the arrest of a commander. "
        "A truce was announced on Tuesday."
    )
    truce = next(m for m in code_text(text) if m.event_type == "ceasefire")
    assert {truce.actor1, truce.actor2} == {"Al Shabaab", "Zarvo Front"}


def test_fighting_between_two_groups_read_as_a_gerund_names_both_sides(code_text):
    # the parser tags a sentence's first "Fighting" as a verb; "The fighting" is a noun
    [clash] = code_text("Fighting between al Shabaab and the Zarvo Front erupted on Monday in Mandera.")
    assert (clash.actor1, clash.actor2) == ("Al Shabaab", "Zarvo Front")


def test_a_truce_of_armed_groups_told_with_no_place_lies_where_they_fight(code_text):
    # al Shabaab's home is Somalia; the fighting the truce ends is in Kenya
    text = (
        "Fighting between al Shabaab and the Zarvo Front killed 12 people in Mandera on Monday. "
        "A truce was announced on Tuesday."
    )
    truce = next(m for m in code_text(text) if m.event_type == "ceasefire")
    assert truce.iso3 == "KEN"


def test_a_building_named_for_the_government_is_no_government_side(code_text):
    # "Government Secondary School": the school's name; the people in it are the side attacked
    [attack] = code_text("Gunmen attacked the Government Girls Secondary School in Mandera on Monday.")
    assert attack.actor2 == "Civilians (Kenya)"


def test_the_doer_told_again_with_details_is_the_same_occurrence_with_the_reports_evidence(code_text):
    text = (
        "Gunmen abducted 20 students from a boarding school in northern Kenya, police said.\n\n"
        "The gunmen struck the school in Mandera at about 11 pm on Monday, a police spokesman said."
    )
    [event] = code_text(text)
    assert (event.sub_event_type, event.location) == ("abduction", "Mandera")
    assert event.evidence.startswith("Gunmen abducted 20 students")


def test_attackers_and_assailants_are_armed_subjects_of_a_targeting_verb(code_text):
    [clash] = code_text("Assailants targeted a police post in Mandera on Monday.")
    assert (clash.event_type, clash.actor2) == ("clash", "Police Forces of Kenya")


def test_a_subject_the_parser_gave_a_parenthetical_participle_is_the_verbs(code_text):
    # "believed" took "The attackers" as its subject; "targeted" was left with none
    text = "The attackers, believed to be jihadists, targeted a police post in Mandera on Monday."
    [clash] = code_text(text)
    assert (clash.actor1, clash.actor2) == ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")


def test_an_act_done_also_to_another_kind_of_side_is_a_second_event(code_text):
    text = (
        "Gunmen killed 12 worshippers at a mosque in Mandera on Sunday. The attackers also targeted "
        "a police post in the same area, where two officers were killed."
    )
    events = code_text(text)
    assert sorted((m.event_type, m.actor2) for m in events) == [
        ("attack", "Civilians (Kenya)"),
        ("clash", "Police Forces of Kenya"),
    ]
    text = (
        "Gunmen killed 12 worshippers at a mosque in Mandera on Sunday. Two police officers were also killed."
    )
    assert len(code_text(text)) == 1


def test_a_town_the_tagger_calls_a_group_is_the_place_struck_on(code_text):
    # "Air strikes on Idlib": the tagger reads the town after "strikes on" as an organisation
    [strike] = code_text("Air strikes on Idlib killed 15 people on Sunday.")
    assert (strike.location, strike.iso3) == ("Idlib", "SYR")
    [strike] = code_text("Shelling by al Shabaab on Mandera killed 15 people on Sunday.")
    assert (strike.location, strike.iso3) == ("Mandera", "KEN")


def test_strikes_an_armed_side_answered_with_are_an_event(code_text):
    text = (
        "Shelling by al Shabaab in Mandera killed 15 people on Sunday. "
        "The army responded with air strikes on militant positions east of the town."
    )
    strikes = [m for m in code_text(text) if m.actor1 == "Military Forces of Kenya"]
    assert [(m.event_type, m.sub_event_type) for m in strikes] == [("attack", "explosion")]
    # told with no armed side: strikes in general, no event of their own
    text = "Shelling by al Shabaab in Mandera killed 15 people on Sunday. Residents fear more air strikes."
    assert len(code_text(text)) == 1


def test_villages_of_a_list_the_gazetteer_lacks_lie_where_the_articles_attack_does(code_text):
    text = (
        "Gunmen attacked three villages near the town of Mandera overnight, killing 12 people, officials "
        "said. The attacks on Zwerqa, Xelbani and Dambalo came a week after a curfew was lifted."
    )
    listed = [m for m in code_text(text) if m.location == "Xelbani"]
    assert [(m.admin1, m.geo_precision) for m in listed] == [("Mandera", 2)]


def test_a_states_execution_of_a_court_sentence_is_no_event(code_text):
    assert (
        code_text("Kenya executed a man on Tuesday who had been convicted of murder, the judiciary said.")
        == []
    )
    assert code_text("A man was executed in Nairobi on Monday after being convicted of spying.") == []
    # an armed group's court, or soldiers killing captives, is violence
    text = "Al Shabaab held a court in Jilib which sentenced a man to death and executed him on Monday."
    assert [m.event_type for m in code_text(text)] == ["attack"]
    assert [m.fatalities for m in code_text("Soldiers executed five men in Mandera on Monday.")] == [5]


def test_they_opening_a_when_clause_is_the_main_clauses_subject(code_text):
    text = (
        "Al Shabaab militants killed 10 police officers on Wednesday when they blew up a vehicle with a "
        "roadside bomb in Mandera, police said."
    )
    [attack] = code_text(text)
    assert (attack.actor1, attack.actor2) == ("Al Shabaab", "Police Forces of Kenya")


def test_a_force_named_as_the_modifier_of_an_operation_did_it(code_text):
    text = "At least 10 people were killed during a police operation against gangs in Mombasa on Thursday."
    [event] = code_text(text)
    assert event.actor1 == "Police Forces of Kenya"


def test_the_armed_side_among_targets_listed_after_a_civilian_one_is_the_side_attacked(code_text):
    [clash] = code_text("Militants attacked a bank and a police station in Mandera on Monday.")
    assert (clash.event_type, clash.actor2) == ("clash", "Police Forces of Kenya")


def test_a_sentence_initial_noun_stands_for_its_antecedent_as_the_dictionary_reads_it(code_text):
    # "Security forces" opening the sentence is no group called "Security Forces"
    text = (
        "Security forces detained the women on Monday when they blocked a road leading to the army camp "
        "in Garissa."
    )
    protest = next(m for m in code_text(text) if m.event_type == "protest")
    assert protest.actor2 == "Military Forces of Kenya"


def test_a_gerund_after_a_preposition_is_done_by_the_subject_of_the_verb_it_hangs_on(code_text):
    text = "Al Shabaab responded by firing mortars at an army base in Mandera on Monday."
    [strike] = code_text(text)
    assert (strike.actor1, strike.actor2) == ("Al Shabaab", "Military Forces of Kenya")
    [attack] = code_text("Gunmen fled after killing two farmers in Lamu on Monday.")
    assert (attack.actor1, attack.fatalities) == ("Unidentified Armed Group (Kenya)", 2)


def test_tear_gas_fired_on_a_crowd_is_the_protests_intervention_not_an_attack(code_text):
    text = (
        "Thousands of residents protested against the curfew in Garissa on Monday, and rioters attacked "
        "the police station. Police responded by firing tear gas, and three officers were wounded."
    )
    [protest] = code_text(text)
    assert (protest.event_type, protest.actor2) == ("protest", "Police Forces of Kenya")
    # aimed at people named by who they are, it is an attack on them
    [attack] = code_text("Police in Lamu fired tear gas and live rounds at Somali fishermen on Monday.")
    assert attack.event_type == "attack"


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Somalia agreed on Wednesday to resume talks after a meeting of their foreign ministers "
        "in Mombasa.",
        "Kenya and Somalia said their talks in Mombasa on Wednesday had been constructive.",
    ],
)
def test_their_talks_are_held_by_the_parties_the_pronoun_stands_for(code_text, text):
    [talks] = code_text(text)
    assert (talks.event_type, talks.actor1, talks.actor2) == (
        "dialogue",
        "Government of Kenya",
        "Government of Somalia",
    )


def test_a_noun_event_a_verb_refers_to_keeps_only_its_own_date(code_text):
    text = (
        "Kenya and Somalia held talks on their maritime border in Mombasa on Wednesday. The talks follow "
        "a brief exchange of fire on the border in February in which two Kenyan soldiers were killed."
    )
    talks = [m for m in code_text(text) if m.event_type == "dialogue"]
    assert [t.event_date for t in talks] == [dt.date(2024, 5, 15)]


def test_a_town_named_with_its_country_is_no_government(code_text):
    [capture] = code_text("Al Shabaab fighters seized a Kenya border town near Mandera on Tuesday.")
    assert capture.actor2 != "Government of Kenya"


def test_allies_joined_to_one_side_are_not_the_side_it_fought(code_text):
    [clash] = code_text(
        "Kenyan troops and allied militias clashed with Al Shabaab fighters near Lamu on Tuesday."
    )
    assert (clash.actor1, clash.actor2) == ("Military Forces of Kenya", "Al Shabaab")
    # "with" naming no side leaves the pair as it was
    [protest] = code_text("Protesters and police clashed with deadly results in Lamu on Tuesday.")
    assert protest.actor2 == "Police Forces of Kenya"


def test_a_group_claiming_an_attack_the_target_fired_back_at_joins_it(code_text):
    # the police who returned fire are the attack's other side, not a doer the claimant differs from
    text = (
        "Militants attacked a police station in Kenya's northeastern Mandera county late on Tuesday, killing "
        "four policemen, officials said. Police returned fire and killed two of the attackers.\n\n"
        "The Zarvo Front, an armed group, claimed responsibility for the raid in Lafey sub-county."
    )
    [clash] = code_text(text)
    assert (clash.actor1, clash.actor2, clash.fatalities) == ("Zarvo Front", "Police Forces of Kenya", 6)


def test_a_fighter_jet_is_the_army_s(code_text):
    [strike] = code_text("A fighter jet dropped bombs on a market in Lamu on Tuesday, killing five people.")
    assert strike.actor1 == "Military Forces of Kenya"


def test_a_force_is_never_both_sides_of_a_clash(code_text):
    # the headline reads the dead soldiers as a side, the body as the side acted on: the other side is
    # the militants, unnamed
    text = (
        "Two soldiers, three militants killed in Kashmir gunfight\n\n"
        "Two Indian soldiers and three militants were killed in a gunfight in the Doda district of Jammu and "
        "Kashmir on Monday night, the army said.\n\nTroops had launched a search operation in a forest area "
        "after receiving intelligence about the presence of militants, an army spokesman said."
    )
    [clash] = code_text(text)
    assert (clash.actor1, clash.actor2) == ("Military Forces of India", "Unidentified Armed Group (India)")


def test_a_fight_between_two_groups_alike_has_them_on_both_sides(code_text):
    [clash] = code_text("Clashes between two armed groups in Garissa killed nine people on Tuesday.")
    assert clash.actor1 == clash.actor2 == "Unidentified Armed Group (Kenya)"  # the dead are no side
    text = "On 3 May 2020, two groups of farmers clashed over land in Garissa, injuring five. [size=20]"
    [riot] = code_text(text)
    assert riot.actor1 == riot.actor2 == "Rioters (Kenya)"


def test_two_events_of_one_sentence_joined_by_and_each_count_their_own_dead(code_text):
    text = (
        "Separate attacks kill 11 in northern Kenya\n\n"
        "Suspected militants killed at least seven civilians in an attack on a market in Mandera on "
        "Thursday, and four police officers died when their vehicle hit a roadside bomb near Garissa on "
        "Friday, officials said."
    )
    dead = {m.location: m.fatalities for m in code_text(text, dt.date(2024, 5, 6))}
    assert dead == {"Mandera": 7, "Garissa": 4}


def test_a_pronoun_subject_of_the_verb_a_clash_noun_hangs_on_is_its_side(code_text):
    text = "Kenyan police said they had rescued ten hostages after a gun battle with the kidnappers in Lamu."
    clash = next(m for m in code_text(text) if m.event_type == "clash")
    assert (clash.actor1, clash.actor2) == ("Police Forces of Kenya", "Unidentified Armed Group (Kenya)")


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks were suspended in January.",
        "The government suspended the talks in January.",
        "The talks collapsed in January.",
    ],
)
def test_talks_suspended_or_collapsed_are_no_talks_held(code_text, sentence):
    text = f"The Kenyan government and the Zarvo Front resumed peace talks in Nairobi on Thursday. {sentence}"
    assert [m.event_date for m in code_text(text) if m.event_type == "dialogue"] == [dt.date(2024, 5, 16)]


def test_an_onlooker_reporting_a_strike_did_not_carry_it_out(code_text):
    [strike] = code_text("Residents reported air strikes on villages near Lamu on Sunday.")
    assert strike.actor1 == "Military Forces of Kenya"  # the strikes' unnamed doer, not the residents
    [clash] = code_text("The army reported clashes with Al Shabaab fighters near Lamu on Sunday.")
    assert clash.actor1 == "Military Forces of Kenya"  # a side telling its own fight


def test_the_state_s_strikes_answering_a_group_s_attack_are_another_event(code_text):
    text = (
        "Al Shabaab fighters killed nine Kenyan soldiers in an attack on a military base near Mandera on "
        "Saturday, prompting Kenyan air strikes on militant targets in Somalia."
    )
    kinds = sorted((m.sub_event_type, m.actor1) for m in code_text(text, dt.date(2024, 1, 14)))
    assert kinds == [("armed_clash", "Al Shabaab"), ("explosion", "Military Forces of Kenya")]


def test_who_died_in_a_bombing_did_not_carry_it_out(code_text):
    text = (
        "Kenyan troops killed a senior Al Shabaab commander in an air strike near Mandera on Thursday. "
        "Two other fighters died in the bombing near the border with Somalia."
    )
    [strike] = code_text(text)
    assert (strike.actor1, strike.fatalities) == ("Military Forces of Kenya", 3)  # one strike, three dead
    [clash] = code_text("Two Kenyan soldiers died in a gunfight with Al Shabaab fighters near Mandera.")
    assert {clash.actor1, clash.actor2} == {"Military Forces of Kenya", "Al Shabaab"}  # the dead are a side


def test_officers_at_the_scene_of_a_blast_are_not_its_doers(code_text):
    text = (
        "A roadside bomb exploded in Mandera on Sunday.\n\n"
        "Police officers at the scene of the bomb blast in central Mandera on Sunday."
    )
    assert [m.actor1 for m in code_text(text)] == ["Unidentified Armed Group (Kenya)"]


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("Kenyan and Somali foreign ministers held talks in Nairobi on Friday.", "Government of"),
        ("Kenyan and Somali military commanders held talks in Mandera on Friday.", "Military Forces of"),
    ],
)
def test_two_nationalities_sharing_the_talkers_are_both_parties(code_text, sentence, sides):
    [talks] = code_text(sentence)
    assert (talks.actor1, talks.actor2) == (f"{sides} Kenya", f"{sides} Somalia")


def test_gunfire_traded_is_a_clash_of_both_subjects(code_text):
    [clash] = code_text("Gunmen and police traded gunfire for two hours in Garissa on Monday.")
    assert (clash.sub_event_type, clash.actor1, clash.actor2) == (
        "armed_clash",
        "Unidentified Armed Group (Kenya)",
        "Police Forces of Kenya",
    )


def test_an_event_told_with_no_place_lies_in_the_country_of_the_article_s_others(code_text):
    text = (
        "Thousands of people rallied outside the parliament in Nairobi on Tuesday against a new tax law "
        "that critics say copies Ugandan legislation.\n\nThe interior ministry said 11 people were detained."
    )
    arrest = next(m for m in code_text(text) if m.event_type == "arrest")
    assert (arrest.iso3, arrest.location) == ("KEN", "Nairobi")


def test_a_tally_over_the_past_decade_is_no_occurrence(code_text):
    text = (
        "Al Shabaab fighters killed 12 civilians in an attack on a village near Mandera on Sunday. "
        "The group has killed hundreds of civilians in the region over the past decade."
    )
    [attack] = code_text(text)
    assert attack.fatalities == 12
    text = (
        "Violence has climbed over the past year, since the Zarvo Front walked away from its truce with "
        "the Kenyan government in November 2022."
    )
    assert [m.sub_event_type for m in code_text(text)] == ["ended"]  # its own clause, its own date


def test_an_unnamed_group_attacking_the_detachment_again_is_the_named_group_s_assault(code_text):
    text = (
        "Al Shabaab fighters attacked an army base in Mandera on Tuesday, killing 20 soldiers.\n\n"
        '"A large number of terrorists attacked the detachment in Mandera," one source said.'
    )
    [clash] = code_text(text)
    assert (clash.sub_event_type, clash.actor1, clash.fatalities) == ("armed_clash", "Al Shabaab", 20)


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("Police used tear gas to disperse protesters in Garissa on Thursday.", "Garissa"),
        ("Police fired tear gas to disperse protesters in the port city of Mombasa on Thursday.", "Mombasa"),
        ("Police used batons on Thursday to break up a protest by traders in Garissa.", "Garissa"),
    ],
)
def test_a_crowd_dispersed_with_tear_gas_is_a_protest_where_it_gathered(code_text, sentence, where):
    [protest] = code_text(sentence)
    assert (protest.event_type, protest.location) == ("protest", where)
    assert protest.event_date == dt.date(2024, 5, 16)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police were deployed to disperse any protesters in Garissa on Thursday.",
        "Police plan to disperse the protesters in Garissa on Thursday.",
    ],
)
def test_a_crowd_a_force_was_sent_or_plans_to_disperse_is_no_protest(code_text, sentence):
    assert code_text(sentence) == []


def test_a_reporting_verb_parsed_as_the_event_s_conjunct_dates_the_report(code_text):
    text = (
        "An air strike by Kenya's military on a village near Mandera killed 11 people, including four "
        "children, a local group and residents said on Monday.\n\n"
        "The strike hit a school on Sunday afternoon."
    )
    [strike] = code_text(text, dt.date(2024, 5, 14))
    assert strike.event_date == dt.date(2024, 5, 12)  # Sunday, not the Monday it was said


@pytest.mark.parametrize(
    "text",
    [
        "A Russian missile struck a hotel in Kharkiv on Friday.",
        "A Russian drone attack on Kharkiv overnight killed one person, the governor said on Friday.\n\n"
        "Russian missiles also struck the city of Zaporizhzhia in the south, damaging a power plant.",
    ],
)
def test_a_munition_striking_a_place_is_its_nation_s_strike(code_text, text):
    kinds = {(m.sub_event_type, m.actor1) for m in code_text(text, dt.date(2024, 3, 22))}
    assert kinds == {("explosion", "Military Forces of Russia")}


def test_a_headline_s_speaker_after_its_place_is_no_unit_of_the_place(code_text):
    text = "Gunmen kill six in attack on Mandera, Somalia says\n\nGunmen killed six people there on Sunday."
    assert [(m.location, m.iso3) for m in code_text(text)] == [("Mandera", "KEN")]


def test_talks_told_as_weeks_of_negotiations_are_no_occurrence(code_text):
    text = (
        "The Kenyan government and the Zarvo Front agreed to a truce on Wednesday, after weeks of "
        "negotiations mediated by Uganda."
    )
    assert [m.event_type for m in code_text(text)] == ["ceasefire"]


def test_its_aircraft_are_the_speaker_s_forces(code_text):
    text = (
        "Ethiopian troops clashed with Al Shabaab fighters near Mandera on Sunday.\n\n"
        "The Kenyan army said its jets had bombed Al Shabaab camps near Lamu on Monday."
    )
    strike = next(m for m in code_text(text) if m.sub_event_type == "explosion")
    assert strike.actor1 == "Military Forces of Kenya"  # not the other nationality's, nor the place's


def test_an_opening_gerund_with_between_names_both_sides_however_parsed(code_text):
    text = (
        "Fighting between Kenyan and Somali border guards along the disputed frontier killed at least 24 "
        "people on Friday, officials said, as the two countries accused each other of using tanks."
    )
    [clash] = code_text(text)
    assert {clash.actor1, clash.actor2} == {"Police Forces of Kenya", "Police Forces of Somalia"}


def test_they_opening_a_when_clause_on_a_conjoined_verb_is_the_main_subject(code_text):
    text = (
        "Al Shabaab fighters killed two soldiers and wounded three others when they attacked a military "
        "checkpoint in Mandera late on Tuesday, the army said."
    )
    [clash] = code_text(text)
    assert (clash.actor1, clash.actor2) == ("Al Shabaab", "Military Forces of Kenya")


def test_a_clause_told_a_year_after_its_background_adds_none_of_its_dead(code_text):
    text = (
        "Hundreds of people marched through central Nairobi on Wednesday to demand lower taxes.\n\n"
        "The case has renewed anger over police brutality a year after dozens of people were killed during "
        "protests against tax increases."
    )
    [march] = code_text(text)
    assert march.fatalities is None


def test_several_attacks_told_with_no_day_are_no_occurrence(code_text):
    text = (
        "The commander was responsible for several attacks on army positions in Garissa county in 2022 "
        "and 2023, the statement said."
    )
    assert code_text(text) == []
    [raid] = code_text("Gunmen carried out several attacks on villages near Garissa on Sunday.")
    assert raid.event_date == dt.date(2024, 5, 19)  # told with its day: one occurrence
    text = (
        "Gunmen stormed a police post in Mandera on Sunday. Elsewhere in the county, at least seven police "
        "officers were abducted and several explosions went off."
    )
    assert "explosion" in {m.sub_event_type for m in code_text(text)}  # no date of their own: the news's


def test_raids_hung_on_the_detainees_noun_are_the_arrests(code_text):
    text = (
        "Kenyan police detained 70 people suspected of links to Al Shabaab in raids across Garissa county "
        "on Friday, the interior minister said."
    )
    assert [m.event_type for m in code_text(text)] == ["arrest"]


def test_held_since_a_time_long_past_is_no_arrest_of_the_news(code_text):
    text = (
        "The Kenyan government released an opposition leader on Monday, who had been detained since the "
        "coup attempt in July, his lawyers said on Tuesday."
    )
    assert [m.event_type for m in code_text(text, dt.date(2024, 1, 9))] == ["release"]


def test_fire_aimed_with_a_crowd_weapon_names_its_target(code_text):
    text = (
        "Supporters of the opposition clashed with police during a rally in Nairobi on Saturday.\n\n"
        "Police fired tear gas and rubber bullets at the protesters, who threw stones."
    )
    assert [m.event_type for m in code_text(text)] == ["protest"]  # one protest, told twice
    [strike] = code_text("Al Shabaab fighters fired a missile at a U.S.-owned cargo ship off Lamu on Monday.")
    assert strike.actor2 != "Government of the United States"  # whose ship it is names no government


def test_troops_acting_after_the_attack_did_not_carry_it_out(code_text):
    text = (
        "Suspected militants ambushed two army vehicles near Mandera on Thursday, killing four soldiers.\n\n"
        "Troops launched a search operation in the forested area after the attack."
    )
    [clash] = code_text(text)
    assert (clash.actor1, clash.actor2) == ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")


def test_people_shot_dead_during_protests_are_the_protests_dead(code_text):
    text = (
        "Kenyans protest against tax rises\n\n"
        "At least three people were shot dead during protests against the tax rises in Nairobi on Thursday, "
        "the opposition said."
    )
    [protest] = code_text(text)
    assert (protest.event_type, protest.fatalities) == ("protest", 3)
    assert protest.actor2 != "Civilians (Kenya)"  # the dead are the crowd, no side of their protest


def test_the_capital_named_with_another_city_is_a_list_of_two(code_text):
    text = (
        "Supporters of the opposition clashed with police in the capital Nairobi and the western city of "
        "Kisumu on Thursday."
    )
    assert sorted(m.location for m in code_text(text)) == ["Kisumu", "Nairobi"]


def test_a_protest_verb_whose_object_is_people_is_no_protest(code_text):
    led = code_text(
        "The gunmen arrived on motorcycles and marched the villagers into the bush in Mandera county on "
        "Thursday, a resident said. Police said the attackers paraded them through two villages."
    )
    assert "protest" not in {m.event_type for m in led}
    marched = code_text("Hundreds of students marched the streets of Garissa on Thursday.")
    assert [m.event_type for m in marched] == ["protest"]
    charged = code_text("In Lamu, police baton charged the villagers on Friday.")
    assert "protest" in {m.event_type for m in charged}


def test_a_date_in_the_clause_of_what_killed_them_dates_the_event(code_text):
    text = (
        "The Zarvo Front agreed a ceasefire with the army in March. At least 10 civilians were killed by a "
        "bomb that hit a displacement camp near Garissa on Friday, the army said."
    )
    bombed = [m for m in code_text(text, published=dt.date(2024, 5, 2)) if m.event_type == "attack"]
    assert [(m.location, m.event_date) for m in bombed] == [("Garissa", dt.date(2024, 4, 26))]


def test_a_tally_across_the_country_since_the_protests_began_is_no_event_of_its_own(code_text):
    text = (
        "Protests broke out in Garissa and Lamu on Tuesday, where police used tear gas.\n\n"
        "Rights groups said at least 20 people had been shot dead across the country since the protests "
        "began last week."
    )
    coded = code_text(text)
    assert sorted((m.location, m.fatalities, m.event_date) for m in coded) == [
        ("Garissa", None, dt.date(2024, 5, 14)),
        ("Lamu", None, dt.date(2024, 5, 14)),
    ]
    local = code_text("At least 20 people had been shot dead in Garissa since the protests began on Monday.")
    assert [m.fatalities for m in local if m.event_type == "attack"] == [20]


def test_strikes_carried_out_by_aircraft_are_an_air_strike_told_for_the_first_time(code_text):
    text = (
        "The army said on Thursday that its aircraft had carried out strikes on the militants near Mandera."
    )
    [strike] = code_text(text)
    assert (strike.sub_event_type, strike.location) == ("explosion", "Mandera")
    workers = code_text("Dock workers carried out strikes in Mombasa on Thursday.")
    assert "explosion" not in {m.sub_event_type for m in workers}


def test_a_present_tense_as_clause_tells_what_goes_on_not_an_occurrence(code_text):
    text = (
        "Shells hit the main hospital in Garissa on Saturday, killing nine patients, an aid group said.\n\n"
        "The Zarvo Front has been besieging the town for weeks as it battles the army for control of the "
        "region."
    )
    assert [m.event_type for m in code_text(text)] == ["attack"]
    past = "Soldiers killed 12 militants near Garissa on Monday as they fought off an assault on a base."
    assert [m.event_type for m in code_text(past)] == ["clash"]


def test_blowing_something_up_is_an_explosion_and_tensions_blowing_up_none(code_text):
    [blast] = code_text("Rebels blew up a section of the oil pipeline near Garissa on Saturday.")
    assert (blast.event_type, blast.sub_event_type, blast.location) == ("attack", "explosion", "Garissa")
    assert code_text("Tensions blew up between the two parties in Nairobi on Monday.") == []


def test_a_hyphenated_town_the_gazetteer_lacks_keeps_its_whole_name(code_text):
    [attack] = code_text("Gunmen attacked the town of Pont-Zarvo in Kenya's Garissa county on Thursday.")
    assert (attack.location, attack.admin1) == ("Pont-Zarvo", "Garissa")


def test_people_an_armed_group_detains_are_abducted_not_arrested(code_text):
    [taken] = code_text("Zarvo Front fighters detained six traders near Garissa on Monday, residents said.")
    assert (taken.event_type, taken.sub_event_type) == ("attack", "abduction")
    [arrest] = code_text("Police detained six traders near Garissa on Monday.")
    assert arrest.event_type == "arrest"


def test_a_part_of_a_country_struck_is_no_side_of_the_strike(code_text):
    [strike] = code_text("Kenyan air strikes on southern and eastern Somalia killed 49 people on Monday.")
    assert (strike.actor1, strike.actor2) == ("Military Forces of Kenya", "Civilians (Somalia)")


def test_an_attack_the_same_day_at_a_village_the_gazetteer_lacks_is_another_event(code_text):
    text = (
        "Dozens of worshippers were killed on Sunday in an attack on a mosque in Garissa, security sources "
        "said. On the same day, gunmen killed 15 people at a church in the village of Zarvoka."
    )
    assert sorted((m.location, m.fatalities) for m in code_text(text)) == [("Garissa", 12), ("Zarvoka", 15)]


def test_ranking_the_victim_among_others_adds_no_dead(code_text):
    text = (
        "Gunmen shot dead a county official in the town of Garissa on Monday, police said.\n\n"
        "She was the second official killed in the county in a week."
    )
    [attack] = code_text(text)
    assert attack.fatalities == 1


def test_a_plural_noun_opening_the_lede_after_a_headline_is_the_noun_not_a_name(code_text):
    # with no full stop after the headline the tagger reads "Airstrikes", "Mortars" as names
    air = "Attack in Kenya\n\nAirstrikes killed five people in Garissa on Monday."
    mortars = "Attack in Kenya\n\nMortars fired by militants hit a market in Garissa on Monday, killing 3."
    assert [m.acled_sub_event_type for m in code_text(air)] == ["Air/drone strike"]
    assert [(m.acled_sub_event_type, m.actor1) for m in code_text(mortars)] == [
        ("Shelling/artillery/missile attack", "Unidentified Armed Group (Kenya)")
    ]


def test_a_place_or_name_opening_a_sentence_stays_a_name(coder):
    nlp, _ = coder
    for text, word in (
        ("Report\n\nParis was calm on Monday.", "Paris"),
        ("Report\n\nDoctors Without Borders said five died.", "Doctors"),
        ("Report\n\nKenyans voted on Monday.", "Kenyans"),
    ):
        tok = next(t for t in nlp(text) if t.text == word)
        assert tok.pos_ == "PROPN" or tok.ent_type_, word


def test_a_sentence_opening_in_a_separate_incident_tells_another_occurrence(code_text):
    text = (
        "Attacks in Kenya\n"
        "Three rockets were fired on Monday at a military base near Garissa, causing no casualties, officials"
        " said. In a separate incident, a roadside bomb hit a supply convoy on the road to Garissa, damaging"
        " one truck, police said."
    )
    assert [m.sub_event_type for m in code_text(text)] == ["explosion", "explosion"]
    assert len({m.acled_sub_event_type for m in code_text(text)}) == 2


def test_a_headline_subject_found_in_passing_is_not_the_side_attacked(code_text):
    text = (
        "Kenya's north: bomb wounds rangers in Mandera\n\n"
        "MANDERA (Wire) - A bomb planted on a road in Mandera wounded four paramilitary rangers on Sunday,"
        " police said."
    )
    assert [(m.actor1, m.actor2) for m in code_text(text)] == [
        ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")
    ]


def test_two_nationalities_sharing_troops_that_act_on_a_target_are_allies_not_sides(code_text):
    allies = "Kenyan and Somali troops recaptured the town of Mandera on Monday after heavy fighting."
    sides = "Kenyan and Somali troops exchanged fire near Mandera on Monday."
    assert "Military Forces of Somalia" not in {m.actor2 for m in code_text(allies)}
    assert [m.actor2 for m in code_text(sides)] == ["Military Forces of Somalia"]


def test_a_town_a_strike_told_again_hit_places_the_strike(code_text):
    text = (
        "Drone strike in Kenya\n\nA drone strike in Garissa county on Sunday killed 26 people. The strike hit"
        " Mado Gashi as people gathered near a bus station."
    )
    assert [m.location for m in code_text(text)] == ["Mado Gashi"]  # a name of two words too


def test_talks_told_as_the_backdrop_of_an_attack_are_no_event(code_text):
    text = (
        "Two Kenyan soldiers were killed when Zarvo Front rebels attacked a military post in Mandera on"
        " Monday, the army said, despite peace talks between the government and the group."
    )
    assert [m.event_type for m in code_text(text)] == ["clash"]
    held = "Peace talks between the government and the Zarvo Front opened in Nairobi on Monday."
    assert [m.event_type for m in code_text(held)] == ["dialogue"]


def test_police_arresting_people_in_an_attack_told_before_did_not_carry_it_out(code_text):
    text = (
        "Gunmen shot dead a prosecutor in Garissa on Wednesday, police said. Last week masked gang members"
        " stormed a radio station in Garissa during a broadcast. Police arrested 13 people in that attack."
    )
    assert "Police Forces of Kenya" not in {m.actor1 for m in code_text(text) if m.event_type == "attack"}


def test_a_whole_country_s_toll_told_then_in_one_district_is_that_district_s_event(code_text):
    text = (
        "Nearly 100 people were killed across Kenya on Sunday as protesters clashed with police, doctors say."
        " In Garissa county, a mob attacked a police station, killing 13 officers, police said."
    )
    assert [(m.location, m.fatalities) for m in code_text(text)] == [("Garissa", 13)]


def test_a_sentence_counting_up_to_a_day_is_a_running_total_not_an_occurrence(code_text):
    assert code_text("As of Monday, police had arrested 200 people in Nairobi.") == []
    text = "Until 12 March 2024, 240 inmates of jails in Nairobi had been freed on bail, officials said."
    assert code_text(text) == []
    assert [m.event_type for m in code_text("Police arrested 20 people in Nairobi on Monday.")] == ["arrest"]


def test_a_body_found_dismembered_is_an_attack_however_the_tagger_reads_the_word(code_text):
    found = code_text("On 2 May 2024, in Garissa, the dismembered body of a man was found near the river.")
    assert [m.event_type for m in found] == ["attack"]
    assert code_text("On 2 May 2024, in Garissa, the body of a man was found near the river.") == []


def test_force_told_as_the_answer_to_the_event_just_told_is_part_of_it(code_text):
    text = (
        "On 7 May 2024, in Garissa, traders protested against a new market levy and blocked the main road."
        " Soldiers responded with live ammunition."
    )
    assert [m.event_type for m in code_text(text)] == ["protest"]
    text = "On 7 May 2024, Zarvo Front militants attacked a police post in Mandera. Police shot back."
    assert [m.event_type for m in code_text(text)] == ["clash"]


def test_a_crowd_that_later_marches_on_holds_the_same_protest(code_text):
    text = "On 7 May 2024, traders protested in Garissa. They later marched to the county offices."
    assert [m.event_type for m in code_text(text)] == ["protest"]
    text = "On 7 May 2024, traders protested in Garissa. Later, students protested against fees in Garissa."
    assert len(code_text(text)) == 2
