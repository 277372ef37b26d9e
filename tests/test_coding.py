"""The coder's rules, one behaviour per test, on short sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

PUB = dt.date(2024, 5, 20)  # a Monday


def only(mentions, event_type=None):
    """The single mention (of a type) coded from a text."""
    found = [m for m in mentions if event_type is None or m.event_type == event_type]
    assert len(found) == 1, [(m.event_type, m.evidence) for m in mentions]
    return found[0]


# -- what is an event -------------------------------------------------------------------------


def test_a_reported_bombing_is_an_event(code_text):
    m = only(code_text("A roadside bomb killed three soldiers in Kandahar on Sunday, officials said."))
    assert (m.event_type, m.sub_event_type) == ("attack", "explosion")
    assert m.acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    "text",
    [
        "Officials fear that militants could attack polling stations in Peshawar.",
        "The group threatened to launch attacks across the province.",
        "Analysts warned of a potential attack on the capital.",
        "If the talks fail, the rebels may resume attacks.",
        "The army plans to hold talks with the rebels next month.",
        "Protesters demanded the release of the detained activists.",
        "The army told the rebels to stop their raids, keep the truce going and free their hostages.",
    ],
)
def test_hypotheticals_plans_and_demands_are_not_events(code_text, text):
    assert code_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police did not arrest anyone after the rally.",
        "No attack took place on Friday.",
        "The government has not released the prisoners.",
    ],
)
def test_negated_events_are_not_coded(code_text, text):
    assert [m for m in code_text(text) if m.event_type in ("arrest", "attack", "release")] == []


@pytest.mark.parametrize(
    "text",
    [
        "There has been a surge in terrorist attacks in the region.",
        "The militants continued their attacks on security forces.",
        "Attacks against police have increased in recent years.",
    ],
)
def test_trends_are_not_events(code_text, text):
    assert code_text(text) == []


def test_a_statement_is_not_an_event_but_the_attack_it_condemns_is_coded_once(code_text):
    text = (
        "Gunmen stormed a school in Kaduna on Saturday, killing two teachers. "
        "The governor condemned the attack and called for calm."
    )
    m = only(code_text(text))
    assert m.event_type == "attack" and "stormed a school" in m.evidence


def test_same_attack_mentioned_twice_is_one_event(code_text):
    text = (
        "A suicide bomber killed 12 people at a market in Maiduguri on Tuesday. "
        "The bombing was the deadliest in the city this year."
    )
    m = only(code_text(text))
    assert m.acled_sub_event_type == "Suicide bomb"
    assert m.fatalities == 12


def test_a_claim_of_responsibility_names_the_attacker(code_text):
    text = (
        "A bomb exploded near a police station in Quetta on Monday, wounding four people. "
        "The Balochistan Liberation Army claimed responsibility for the attack."
    )
    m = only(code_text(text))
    assert m.actor1 == "BLA: Baloch Liberation Army"


def test_a_characterisation_is_not_an_event(code_text):
    mentions = code_text("The journalist's arrest is an attack on press freedom, the union said.")
    assert [m for m in mentions if m.event_type in ("attack", "clash")] == []


def test_one_sentence_gives_one_mention_per_event_type(code_text):
    # "clashed" is refined to a riot, the protest's type: one id, so one mention, the placed one
    mentions = code_text(
        "On 12 March 2024, farmers held a protest demonstration in Mirpur Khas town, against the "
        "arrest of the villagers who clashed with another group over a water channel."
    )
    assert len({m.event_id for m in mentions}) == len(mentions)
    protest = only(mentions, "protest")
    assert protest.location == "Mirpur Khas"


# -- types from the sides ----------------------------------------------------------------------


def test_attack_on_civilians_is_violence_against_civilians(code_text):
    m = only(code_text("Gunmen shot dead five villagers in Zamfara state on Saturday."))
    assert (m.event_type, m.acled_event_type) == ("attack", "Violence against civilians")
    assert m.fatalities == 5


def test_attack_on_soldiers_is_an_armed_clash(code_text):
    m = only(
        code_text(
            "Taliban militants attacked a police checkpoint in Ghazni on Sunday, killing four policemen."
        )
    )
    assert (m.event_type, m.acled_sub_event_type) == ("clash", "Armed clash")
    assert m.actor1 == "Taliban"
    assert m.actor2 == "Police Forces of Afghanistan"


def test_repelled_attack_codes_the_attacker_as_actor1(code_text):
    m = only(
        code_text(
            "Afghan forces repelled an attack by Taliban militants in Kunduz on Friday, killing six of them."
        )
    )
    assert m.actor1 == "Taliban" and m.actor2 == "Military Forces of Afghanistan"


def test_air_strike_by_the_army(code_text):
    m = only(code_text("An airstrike by Nigerian military jets killed 20 insurgents in Borno on Wednesday."))
    assert m.acled_sub_event_type == "Air/drone strike"
    assert m.actor1 == "Military Forces of Nigeria"


def test_kidnapping_is_an_abduction(code_text):
    m = only(code_text("Unknown gunmen kidnapped three aid workers in Diffa on Thursday."))
    assert (m.event_type, m.sub_event_type) == ("attack", "abduction")


def test_peaceful_protest_and_protest_with_intervention(code_text):
    calm = only(code_text("Hundreds of farmers protested outside parliament in Nairobi on Monday."))
    assert calm.acled_sub_event_type == "Peaceful protest" and calm.actor1 == "Protesters (Kenya)"
    broken_up = only(
        code_text(
            "Teachers rallied in Lahore on Monday. Police fired tear gas to disperse the demonstrators."
        ),
        "protest",
    )
    assert broken_up.acled_sub_event_type == "Protest with intervention"


def test_protesters_the_police_shoot_at_are_protesters_not_rioters(code_text):
    # the crowd is the object of the force ("shot and wounded five demonstrators"), not its author
    m = only(code_text("Police shot and wounded five demonstrators in Nakuru on Tuesday."), "protest")
    assert (m.actor1, m.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")
    assert m.acled_sub_event_type == "Protest with intervention"
    m = only(code_text("Five protesters were shot dead by police in Nakuru on Tuesday."), "protest")
    assert m.acled_sub_event_type == "Excessive force against protesters"


def test_protesters_who_throw_stones_are_a_riot_named_as_the_report_names_the_crowd(code_text):
    # the violence is the event type's; the crowd keeps the report's word for it
    m = only(code_text("Demonstrators pelted police with stones and torched tyres in Dhaka on Sunday."))
    assert (m.acled_event_type, m.actor1) == ("Riots", "Protesters (Bangladesh)")
    m = only(code_text("Rioters pelted police with stones and torched tyres in Dhaka on Sunday."))
    assert (m.acled_event_type, m.actor1) == ("Riots", "Rioters (Bangladesh)")
    text = (
        "Demonstrators marched through Nakuru on Monday against fuel prices. Later a mob pelted police with"
        " stones and torched tyres in the town."
    )
    assert [m.actor1 for m in code_text(text) if m.acled_event_type == "Riots"] == ["Rioters (Kenya)"]


def test_a_note_tagging_the_crowd_size_names_violent_demonstrators_rioters(code_text):
    text = "On 4 May 2021, demonstrators pelted police with stones in Nakuru town. [size=around 50]"
    m = only(code_text(text))
    assert (m.acled_event_type, m.actor1) == ("Riots", "Rioters (Kenya)")


def test_the_side_that_broke_a_truce_by_an_attack_is_its_actor(code_text):
    text = (
        "A truce took hold in the valley on Friday. "
        "On Saturday the Kenyan government violated it by shelling a town."
    )
    violated = [m for m in code_text(text) if m.sub_event_type == "violated"]
    assert len(violated) == 1 and violated[0].actor1 == "Government of Kenya"


@pytest.mark.parametrize("who", ["officials representing", "officials of", "envoys from"])
def test_the_people_at_talks_stand_for_whom_they_represent(code_text, who):
    # the venue's country is no party; the country the officials speak for is
    m = only(code_text(f"Talks between {who} Kenya and the Zarvo Front were held in Geneva on Monday."))
    assert (m.actor1, m.actor2, m.iso3) == ("Government of Kenya", "Zarvo Front", "CHE")


def test_a_government_that_strikes_does_so_by_its_forces(code_text):
    m = only(code_text("The Kenyan government shelled Zarvo Front positions near Garissa on Monday."))
    assert (m.actor1, m.actor2) == ("Military Forces of Kenya", "Zarvo Front")
    talks = only(code_text("The government and the Zarvo Front signed a ceasefire in Nairobi on Monday."))
    assert talks.actor1 == "Government of Kenya"  # in talks and truces the government is itself


def test_who_facilitated_talks_is_no_party_to_them(code_text):
    text = (
        "Both sides said a Nairobi delegation led by a retired general sat down on Monday with a team "
        "representing the Zarvo Front, in talks facilitated by Tanzania."
    )
    m = only(code_text(text), "dialogue")
    assert m.actor1 == "Government of Kenya" and "Tanzania" not in (m.actor2 or "")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Clashes pitting Kenya's government troops against Zarvo Front rebels near Garissa have killed "
            "at least 20 fighters.",
            ("Military Forces of Kenya", "Zarvo Front"),
        ),
        (
            "Fighting pitting police against Zarvo Front rebels killed 20 people near Garissa on Monday.",
            ("Police Forces of Kenya", "Zarvo Front"),
        ),
    ],
)
def test_clashes_pitting_one_side_against_another(code_text, text, sides):
    m = only(code_text(text))
    assert (m.event_type, m.actor1, m.actor2) == ("clash", *sides)


def test_an_arrest_told_without_who_made_it_is_the_polices(code_text):
    m = only(code_text("Four people were arrested in Garissa on Monday."))
    assert (m.event_type, m.actor1) == ("arrest", "Police Forces of Kenya")
    m = only(code_text("Soldiers arrested four people in Garissa on Monday."))
    assert m.actor1 == "Military Forces of Kenya"  # one who is named keeps the arrest


def test_people_detained_as_members_of_a_group_are_that_group(code_text):
    m = only(
        code_text("Four people suspected of belonging to al-Shabaab were arrested in Garissa on Monday.")
    )
    assert (m.actor1, m.actor2) == ("Police Forces of Kenya", "Al Shabaab")
    m = only(code_text("Four traders were arrested in Garissa on Monday."))
    assert m.actor2 == "Civilians (Kenya)"


@pytest.mark.parametrize("held", ["the governmental positions", "government positions"])
def test_positions_of_the_government_are_held_by_its_forces(code_text, held):
    text = f"Rebels shell army posts\n\nZarvo Front fighters fired mortars at {held} near Garissa on Monday."
    m = only(code_text(text))
    assert (m.actor1, m.actor2) == ("Zarvo Front", "Military Forces of Kenya")


@pytest.mark.parametrize(
    ("site", "side"),
    [
        ("a checkpoint manned by soldiers", "Military Forces of Kenya"),
        ("a post held by police", "Police Forces of Kenya"),
    ],
)
def test_a_site_struck_is_its_crews(code_text, site, side):
    text = f"Militants attack post in Kenya\n\nAl-Shabaab militants attacked {site} near Garissa on Monday."
    m = only(code_text(text), "clash")
    assert (m.actor1, m.actor2) == ("Al Shabaab", side)


def test_ceasefire_declared_ended_and_talks(code_text):
    text = (
        "The rebels declared a ceasefire on 2 March 2023. "
        "They called off the truce in April 2023. "
        "Government and rebel negotiators held talks in Doha on 3 May 2023."
    )
    kinds = {(m.event_type, m.sub_event_type): m for m in code_text(text)}
    assert set(kinds) == {("ceasefire", "declared"), ("ceasefire", "ended"), ("dialogue", "talks")}
    assert kinds[("ceasefire", "declared")].event_date == dt.date(2023, 3, 2)
    assert kinds[("dialogue", "talks")].location == "Doha" and kinds[("dialogue", "talks")].iso3 == "QAT"


def test_walking_away_from_a_truce_ends_it(code_text):
    mentions = code_text("The Zarvo Front walked away from its truce with the government in November 2022.")
    assert [(m.event_type, m.sub_event_type, m.event_date.month) for m in mentions] == [
        ("ceasefire", "ended", 11)
    ]
    text = (
        "Somalia update from the capital\n\nAl-Shabaab walked away from its truce with the army in May 2022."
    )
    assert [m.actor1 for m in code_text(text)] == ["Al Shabaab"]  # who walked away ended it


def test_talks_that_have_stalled_are_no_meeting(code_text):
    assert code_text("Talks in Kampala between the government and the rebels have stalled.") == []
    assert len(code_text("Talks in Kampala between the government and the rebels resumed on Monday.")) == 1


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Police took several party activists into custody at the bridge in Nakuru on Monday.", "arrest"),
        ("The rebels took two engineers hostage in Garissa on Monday.", "attack"),
        ("Near Garissa on Tuesday, the army said, rebels took 12 servicemen prisoner.", "arrest"),
    ],
)
def test_a_term_written_around_its_object_is_found(code_text, text, event_type):
    assert event_type in [m.event_type for m in code_text(text)]


def test_release_and_arrest(code_text):
    text = (
        "Police arrested 14 suspects in Karachi on Monday. "
        "Authorities released 30 prisoners in Kabul on Friday."
    )
    kinds = {m.event_type: m for m in code_text(text)}
    assert set(kinds) == {"arrest", "release"}
    assert kinds["arrest"].acled_sub_event_type == "Arrests"
    assert kinds["release"].cameo_code == "0841"


# -- dates --------------------------------------------------------------------------------------


def test_on_sunday_is_the_sunday_before_publication(code_text):
    m = only(code_text("Gunmen killed two traders in Kano on Sunday."))
    assert m.event_date == dt.date(2024, 5, 19) and m.time_precision == 1


def test_month_precision_is_placed_mid_month(code_text):
    m = only(code_text("In September 2022, militants attacked a village in Swat, killing five people."))
    assert m.time_precision == 3 and m.event_date.month == 9 and m.event_date.day in (15, 16)


def test_days_after_is_not_a_date(code_text):
    m = only(code_text("The bombing took place days after the truce collapsed.", published=None), "attack")
    assert m.event_date is None


def test_no_date_and_not_just_happened_stays_null(code_text):
    m = only(code_text("Rebels once ambushed a convoy near Goma."), "clash")
    assert m.event_date is None and m.date_origin == "none"


def test_present_perfect_takes_the_publication_date(code_text):
    m = only(code_text("Security forces have arrested a senior commander of the group in Mosul."))
    assert m.event_date == PUB and m.date_origin == "published"


def test_undated_article_gets_no_invented_date(code_text):
    m = only(code_text("Gunmen killed two traders in Kano on Sunday.", published=None))
    assert m.event_date is None


# -- fatalities and places -----------------------------------------------------------------------


def test_a_notes_closing_count_of_its_dead_is_the_events(code_text):
    m = only(
        code_text(
            "On 2 March 2024, gunmen raided a cattle camp near Rumbek and drove off the herd. "
            "Unknown fatalities coded as 10 and spread across two locations."
        ),
        "attack",
    )
    assert m.fatalities == 5


def test_wounded_are_not_fatalities(code_text):
    m = only(code_text("A grenade attack in Srinagar on Monday wounded 11 people."))
    assert m.fatalities is None


def test_dozens_killed_is_twelve(code_text):
    m = only(code_text("Dozens of civilians were killed when jets bombed a market in Idlib on Tuesday."))
    assert m.fatalities == 12


def test_district_resolves_with_admin_levels(code_text):
    m = only(code_text("Militants attacked a police post in Lakki Marwat district on Monday."))
    assert m.iso3 == "PAK" and m.admin1 == "Khyber Pakhtunkhwa"
    assert m.latitude is not None and m.geo_precision in (2, 3)


def test_country_level_place_when_nothing_finer_is_known(code_text):
    m = only(code_text("The Pakistani Taliban announced a ceasefire on Monday."))
    assert m.iso3 == "PAK" and m.geo_precision == 4


def test_evidence_offsets_point_into_the_text(code_text):
    text = "Officials met on Friday. Gunmen killed two traders in Kano on Sunday."
    m = only(code_text(text), "attack")
    assert text[m.evidence_start : m.evidence_end].strip() == m.evidence
    assert 0 < m.confidence <= 1


# -- rules found on articles from other countries -----------------------------------------------


def test_agreeing_to_extend_a_truce_is_a_declared_ceasefire_placed_where_it_applies(code_text):
    text = (
        "Colombia's government and the ELN rebels agreed on Saturday to extend their ceasefire "
        "after a round of peace talks in Caracas."
    )
    kinds = {(m.event_type, m.sub_event_type): m for m in code_text(text)}
    truce = kinds[("ceasefire", "declared")]
    assert truce.iso3 == "COL" and truce.event_date == dt.date(2024, 5, 18)
    assert {truce.actor1, truce.actor2} == {"Government of Colombia", "ELN: National Liberation Army"}
    assert kinds[("dialogue", "talks")].location == "Caracas"


def test_a_truce_signed_at_talks_abroad_lies_in_the_parties_country_and_the_talks_at_the_venue(code_text):
    text = (
        "Officials said delegates of the Ethiopian government and the Tigray rebels signed a truce during"
        " talks in the Kenyan capital of Nairobi on Saturday."
    )
    kinds = {(m.event_type, m.sub_event_type): m for m in code_text(text)}
    truce, talks = kinds[("ceasefire", "declared")], kinds[("dialogue", "talks")]
    assert (truce.iso3, truce.geo_precision) == ("ETH", 4)
    assert (talks.iso3, talks.location) == ("KEN", "Nairobi")


def test_announcing_one_will_keep_a_truce_declares_it_and_a_capital_party_is_its_government(code_text):
    text = "The TTP announced on Thursday that it would observe an indefinite ceasefire with Islamabad."
    (truce,) = code_text(text)
    assert (truce.event_type, truce.sub_event_type) == ("ceasefire", "declared")
    assert (truce.actor2, truce.iso3, truce.geo_precision) == ("Government of Pakistan", "PAK", 4)
    (truce,) = code_text("The group has consented to prolong its truce until May 30.")
    assert truce.sub_event_type == "declared"
    assert code_text("The rebels said they would observe a ceasefire if the army withdrew.") == []
    assert code_text("The rebels said they would not observe the truce.") == []


def test_people_described_by_their_capture_can_be_released(code_text):
    mentions = code_text(
        "Police detained 40 students in Dhaka on Monday. Some of those detained were freed later."
    )
    assert [m.event_type for m in mentions] == ["arrest", "release"]
    assert (
        code_text("Women protested against the law that releases some of the prisoners.")[0].event_type
        == "protest"
    )
    assert [m.event_type for m in code_text("Some of the footage was released on Tuesday.")] == []


def test_a_party_named_after_its_kind_is_that_party_not_a_generic_force(code_text):
    text = (
        "Mediators said representatives of the Sudanese army and the paramilitary Rapid Support Forces"
        " signed a truce in Khartoum on Saturday."
    )
    truce = only(code_text(text))
    assert {truce.actor1, truce.actor2} == {"Military Forces of Sudan", "RSF: Rapid Support Forces"}
    attack = only(code_text("The militant group Boko Haram attacked a village in Borno state on Monday."))
    assert attack.actor1.startswith("Boko Haram")
    attack = only(code_text("Later the group attacked a village in Borno state on Monday."))
    assert attack.actor1 == "Unidentified Armed Group (Nigeria)"  # an anaphor without a name


def test_continuing_activity_is_not_an_event(code_text):
    assert code_text("The rebels have continued to kidnap civilians in the region.") == []


def test_shooting_down_drones_is_not_an_attack(code_text):
    assert code_text("Air defences shot down 20 drones over Kyiv overnight, the air force said.") == []


def test_captives_released_as_them_are_a_release(code_text):
    text = "Gunmen abducted five teachers in Bamenda on Monday but later released them."
    assert sorted(m.event_type for m in code_text(text)) == ["attack", "release"]
    assert code_text("The ministry released them in a statement on Monday.") == []


def test_release_of_a_kidnapped_officer(code_text):
    m = only(code_text("Last month the rebels released a kidnapped police officer in Arauca province."))
    assert m.event_type == "release" and m.time_precision == 3


def test_an_abduction_that_left_dead_is_an_attack(code_text):
    text = "Gunmen killed 12 villagers and abducted dozens of others in Zamfara State on Sunday."
    m = only(code_text(text))
    assert (m.event_type, m.sub_event_type, m.fatalities) == ("attack", "armed_assault", 12)


def test_headline_and_body_report_one_event_with_the_body_as_evidence(code_text):
    text = (
        "Maoists kill two policemen in Chhattisgarh ambush\n\n"
        "Two policemen were killed in an ambush by Maoists in Bijapur district of Chhattisgarh on Tuesday."
    )
    m = only(code_text(text))
    assert m.evidence.startswith("Two policemen") and m.location == "Bijapur" and m.fatalities == 2


def test_shootings_at_a_protest_belong_to_the_protest(code_text):
    text = (
        "Police fired tear gas at protesters in Nairobi on Tuesday. "
        "At least five people were shot dead outside parliament."
    )
    m = only(code_text(text))
    assert m.event_type == "protest" and m.fatalities == 5


def test_taking_to_the_streets_of_a_city_places_the_protest_there(code_text):
    text = "Thousands of people took to the streets of Mombasa on Tuesday to protest tax increases."
    m = only(code_text(text))
    assert (m.event_type, m.location, m.country) == ("protest", "Mombasa", "Kenya")


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, crowds poured onto the streets of Kisumu to demand that the governor step down.",
        "Some 150 people came out onto the streets of Kisumu on Friday, throwing stones at cars.",
        "Students spilled into the streets of Kisumu on Friday.",
    ],
)
def test_crowds_pouring_or_coming_out_onto_the_streets_protest(code_text, text):
    assert [(m.event_type, m.location) for m in code_text(text)] == [("protest", "Kisumu")]


def test_hacking_villagers_to_death_is_an_attack(code_text):
    m = only(code_text("Gunmen hacked two villagers to death in Zamfara State on Monday, police said."))
    assert (m.event_type, m.fatalities, m.admin1) == ("attack", 2, "Zamfara")


def test_armed_villagers_who_attack_are_not_coded_as_civilians(code_text):
    text = "Armed villagers attacked a police post in Zamfara State on Sunday, killing two officers."
    m = only(code_text(text))
    assert m.event_type in ("attack", "clash") and m.actor1 == "Unidentified Armed Group (Nigeria)"


# -- nationality is not place ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_iso3"),
    [
        ("Turkish jets bombed positions near the village on Monday, killing four fighters.", "TUR"),
        ("An Armenian soldier was killed by sniper fire on Tuesday, the ministry said.", "ARM"),
        ("French forces carried out an air strike on Sunday, killing ten militants.", "FRA"),
        ("Turkey responded by shelling the villages on Sunday, killing ten fighters.", "TUR"),
    ],
)
def test_a_nationality_names_the_actor_not_the_place(code_text, text, not_iso3):
    m = only(code_text(text))
    assert m.iso3 != not_iso3


def test_a_foreign_army_acts_where_the_event_is(code_text):
    text = "French forces carried out an air strike near Gao, Mali, on Sunday, killing ten militants."
    m = only(code_text(text))
    assert m.iso3 == "MLI"
    assert m.actor1 == "Military Forces of France"


def test_a_currency_is_no_place(code_text):
    text = "Shopkeepers protesting the soaring US dollar rate blocked a road in Byblos on Monday."
    assert only(code_text(text), "protest").iso3 == "LBN"


def test_an_unattributed_drive_by_shooting_is_a_gang_attack(code_text):
    m = only(code_text("A man was shot dead in a drive-by shooting in Culiacan, Mexico, on Sunday."))
    assert m.actor1 == "Unidentified Gang (Mexico)"


def test_a_thing_thrown_by_a_group_names_the_group(code_text):
    m = only(code_text("On Monday a hand grenade was thrown by Al Shabaab militants at a market in Kismayo."))
    assert m.actor1 == "Al Shabaab"


def test_the_subject_fires_every_weapon_of_a_list(code_text):
    m = only(
        code_text("On Friday, Malian troops fired rifles, grenade launchers and mortars at a camp near Gao."),
        "attack",
    )
    assert m.actor1 == "Military Forces of Mali"


def test_violence_in_a_note_tagging_a_crowd_size_is_a_riot(code_text):
    text = "On 3 March 2024, villagers attacked two policemen in Kaduna over a land row. [size=no report]"
    m = only(code_text(text))
    assert (m.event_type, m.acled_event_type) == ("protest", "Riots")
    assert m.actor1.startswith("Rioters")
    plain = only(code_text(text.replace(" [size=no report]", "")))
    assert plain.event_type != "protest"


def test_a_soldier_named_before_a_killing_the_parse_left_alone_is_its_actor(code_text):
    m = only(code_text("On Tuesday a gendarme shot and killed a taxi driver in Garoua after a quarrel."))
    assert m.actor1 == "Military Forces of Cameroon"


def test_the_army_reporting_a_bombing_is_not_its_actor(code_text):
    m = only(
        code_text("The army said on Wednesday that a roadside bomb killed two soldiers near Gao."), "attack"
    )
    assert m.actor1 != "Military Forces of Mali"


def test_armed_men_in_a_drive_by_are_a_gang(code_text):
    m = only(code_text("On Sunday two armed men on a motorbike shot a shopkeeper in Culiacan in a drive-by."))
    assert m.actor1.startswith("Unidentified Gang")


def test_explosions_of_fired_weapons_are_shelling_by_the_army(code_text):
    m = only(code_text("On Monday monitors counted 14 explosions involving mortars near Avdiivka, Ukraine."))
    assert (m.event_type, m.acled_sub_event_type) == ("attack", "Shelling/artillery/missile attack")
    assert m.actor1.startswith("Military Forces")


def test_explosions_and_shots_in_both_directions_are_a_clash(code_text):
    text = "On Monday monitors counted 40 explosions and shots in both directions near Avdiivka, Ukraine."
    m = only(code_text(text))
    assert m.event_type == "clash"


def test_an_explosion_without_a_weapon_named_stays_a_bombing(code_text):
    m = only(code_text("On Monday an explosion hit a busy market in Mogadishu, killing four people."))
    assert m.acled_sub_event_type == "Remote explosive/landmine/IED"


def test_small_arms_fire_on_positions_is_a_clash(code_text):
    text = "On Monday rebels fired grenade launchers and small arms at army positions near Avdiivka, Ukraine."
    m = only(code_text(text))
    assert m.event_type == "clash"


def test_launched_grenades_are_shelling(code_text):
    m = only(code_text("On Monday rebels fired grenade launchers at army positions near Avdiivka, Ukraine."))
    assert m.acled_sub_event_type == "Shelling/artillery/missile attack"
    # the parser makes "grenade" a verb coordinated with "fired" when armoured vehicles come first
    text = "On Monday the Kenyan Forces fired IFVs and grenade launchers at the positions of the Zarvo Front."
    assert only(code_text(text)).acled_sub_event_type == "Shelling/artillery/missile attack"


def test_a_side_filled_from_another_mention_is_never_the_events_other_side():
    from types import SimpleNamespace

    from eventcoder.coding.actors import Actor
    from eventcoder.coding.mentions import first_actor

    front = Actor("Zarvo Front", 3, "KEN")
    army = Actor("Military Forces of Kenya", 1, "KEN")
    best = SimpleNamespace(actor1=front, actor2=None)
    # told the other way round: the army fired on the front
    other = SimpleNamespace(actor1=army, actor2=front)
    cluster = SimpleNamespace(members=[best, other])
    assert first_actor(cluster, best, "actor2") == front  # without the other side, nothing stops it
    assert first_actor(cluster, best, "actor2", other=front) is None
    cluster.members.append(SimpleNamespace(actor1=front, actor2=army))
    assert first_actor(cluster, best, "actor2", other=front) == army


def test_bare_troops_are_the_forces_of_the_one_nationality_the_article_names(code_text):
    # a raid across a border: "soldiers" are the Kenyan forces the article names, not Somalia's
    lede = (
        "Kenyan troops push into Somali border town\n\n{} have pushed deeper into southern Somalia this week."
    )
    told = " On Monday, {} shot dead four civilians in Dhobley, residents said."
    m = only(code_text(lede.format("Kenyan forces") + told.format("soldiers")))
    assert (m.actor1, m.iso3) == ("Military Forces of Kenya", "SOM")
    # forces of two countries named, or the soldiers said to be the government's: the event's country
    m = only(code_text(lede.format("Kenyan and Somali forces") + told.format("soldiers")))
    assert m.actor1 == "Military Forces of Somalia"
    m = only(code_text(lede.format("Kenyan forces") + told.format("government soldiers")))
    assert m.actor1 == "Military Forces of Somalia"


def test_country_names_the_model_mislabels_or_misses_are_countries(coder):
    from spacy.tokens import Span

    from eventcoder.coding.nlp import CountryLabels

    nlp, res = coder
    labels = CountryLabels(nlp, res.actors.country_labels())
    text = "Niger said Kenyan troops crossed from Somalia near the Niger Delta and the Kenya-Somalia border."
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 0, 1, label="PERSON")]  # "Niger" read as a person, "Somalia" left untagged
    labelled = {(e.text, e.label_) for e in labels(doc).ents}
    assert {("Niger", "GPE"), ("Kenyan", "NORP"), ("Somalia", "GPE")} <= labelled
    # part of another name, or two countries' link: no mention of the country
    assert {e.start for e in doc.ents} == {0, 2, 6}


def test_a_country_the_model_takes_for_a_person_still_places_the_event(code_text):
    # whatever the model reads "Niger" as, the country is the place of an event told only there
    (m,) = code_text("Gunmen killed five soldiers in Niger on Monday, the army said.")
    assert m.iso3 == "NER"


def test_bare_militants_are_the_one_armed_group_the_article_names(code_text):
    lede = "Attacks in northern Kenya\n\n{} attacked a police post in Mandera on Monday."
    told = " Militants also raided a market in Lamu on Tuesday, killing two traders."
    raid = [m for m in code_text(lede.format("Al-Shabaab fighters") + told) if m.location == "Lamu"]
    assert [m.actor1 for m in raid] == ["Al Shabaab"]
    # two groups named: which one is not told
    two = lede.format("Al-Shabaab and Islamic State fighters") + told
    raid = [m for m in code_text(two) if m.location == "Lamu"]
    assert [m.actor1 for m in raid] == ["Unidentified Armed Group (Kenya)"]


def test_a_release_told_without_who_freed_them_is_by_those_who_held_them(code_text):
    text = (
        "Protesters detained in Kenya\n\nPolice detained 30 protesters in Nakuru on Monday. Some of those"
        " detained were released later."
    )
    (release,) = [m for m in code_text(text) if m.event_type == "release"]
    assert release.actor1 == "Police Forces of Kenya"
    text = (
        "Hostages freed in Kenya\n\nAl-Shabaab fighters kidnapped five engineers near Garissa in March. The"
        " engineers were released on Friday."
    )
    (release,) = [m for m in code_text(text) if m.event_type == "release"]
    assert (release.actor1, release.iso3) == ("Al Shabaab", "KEN")  # the captors say who, not where


def test_people_described_by_their_arrest_at_their_release_are_no_new_arrest(code_text):
    text = (
        "Kenyan police free detained traders\n\nPolice detained 30 traders in Nakuru on Monday. Some of"
        " those detained were released on Tuesday."
    )
    assert sorted(m.event_type for m in code_text(text)) == ["arrest", "release"]


def test_a_number_freed_after_captives_were_told_is_a_release(code_text):
    text = (
        "Missionaries freed in Kenya\n\nGunmen kidnapped 17 missionaries near Garissa in October. The final"
        " 12 were released on Thursday, police said."
    )
    assert sorted(m.event_type for m in code_text(text)) == ["attack", "release"]
    assert [m.event_type for m in code_text("Budget in Kenya\n\nThe ministry released 12 on Thursday.")] == []


def test_others_hurt_beside_soldiers_killed_are_the_soldiers_side(code_text):
    text = (
        "Soldiers killed in Kenya\n\nTwo soldiers died and four others were injured in a firefight with"
        " Al-Shabaab fighters in Lamu on Monday."
    )
    (m,) = code_text(text)
    assert (m.event_type, m.actor1, m.actor2) == ("clash", "Military Forces of Kenya", "Al Shabaab")


def test_talks_told_with_one_party_do_not_take_its_own_forces_as_the_other(code_text):
    text = (
        "Talks revived in Kenya\n\nSoldiers clashed with Al-Shabaab fighters in Lamu on Monday. Soldiers"
        " also clashed with Al-Shabaab fighters in Garissa on Tuesday, and soldiers raided a camp in"
        " Mandera on Wednesday. On Thursday the government of Kenya revived peace talks."
    )
    talks = [m for m in code_text(text) if m.event_type == "dialogue"]
    assert talks and all(m.actor2 != "Military Forces of Kenya" for m in talks)


def test_a_note_of_two_reported_strikes_is_told_by_its_first(code_text):
    # both sentences are dated by their report, the second by a day the note does not repeat
    text = (
        "Reported on 2 May 2024, an airstrike by Kenyan military forces hit houses, injuring 1 civilian, in"
        " Mandera district, Mandera. Reported on the same day, shelling by Kenyan military forces killed 1"
        " civilian, in Mandera district, Mandera."
    )
    [strike] = code_text(text)
    assert strike.evidence.startswith("Reported on 2 May 2024, an airstrike")
