"""Actor dictionary (data/actors.jsonl, data/demonyms.csv) and resolution of actor mentions."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pycountry
import pytest

from eventcoder.coding.actors import (
    ACTORS_PATH,
    DEMONYMS_PATH,
    ENTRY_FIELDS,
    GENERIC_KINDS,
    LABELS,
    VERSION_RE,
    Actor,
    ActorDictionary,
    ActorEntry,
    normalise,
    parse_entry,
    read_countries,
)

ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    """The packaged dictionary."""
    return ActorDictionary.load()


def raw_entries() -> list[dict]:
    """The dictionary's entries as written in actors.jsonl (header excluded)."""
    lines = ACTORS_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:] if line.strip()]


def resolved(actors: ActorDictionary, mention: str, country: str | None = None) -> str | None:
    """Name of the actor a mention resolves to."""
    actor = actors.resolve(mention, country)
    return None if actor is None else actor.name


# ----- the data files -----


def test_header_has_a_version_and_description():
    header = json.loads(ACTORS_PATH.read_text(encoding="utf-8").splitlines()[0])
    assert VERSION_RE.match(header["version"])
    assert header["description"]


def test_loaded_dictionary_reports_the_header_version(actors):
    header = json.loads(ACTORS_PATH.read_text(encoding="utf-8").splitlines()[0])
    assert actors.version == header["version"]


def test_every_entry_has_valid_fields():
    entries = raw_entries()
    names = {e["name"] for e in entries}
    assert len(names) == len(entries), "canonical names must be unique"
    for e in entries:
        assert set(e) <= ENTRY_FIELDS and {"name", "inter", "country", "aliases"} <= set(e), e
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] != ""
        assert isinstance(e["inter"], int) and 1 <= e["inter"] <= 8, e["name"]
        assert e["country"] is None or e["country"] in ISO3, e["name"]
        assert e["aliases"] and all(isinstance(a, str) and a.strip() for a in e["aliases"]), e["name"]
        assert e.get("label", "ORG") in LABELS
        assert all(iso in ISO3 and aliases for iso, aliases in e.get("local_aliases", {}).items())
        assert all(iso in ISO3 and target in names for iso, target in e.get("branches", {}).items()), e[
            "name"
        ]


def test_no_alias_belongs_to_two_actors():
    owner: dict[str, str] = {}
    for e in raw_entries():
        for alias in [e["name"], *e["aliases"]]:
            key = normalise(alias.replace("{country}", ""))
            assert owner.setdefault(key, e["name"]) == e["name"], (alias, owner[key], e["name"])


def test_every_alias_resolves_to_its_canonical_name(actors):
    for entry in actors.entries:
        for alias in entry.aliases:
            assert resolved(actors, alias) == entry.base_name, alias
        for iso3, aliases in entry.local_aliases:
            for alias in aliases:
                assert resolved(actors, alias, iso3) == entry.name, (alias, iso3)


def test_demonyms_table_rows_are_valid():
    with DEMONYMS_PATH.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["country", "iso3", "demonyms", "names", "capitals", "of_the"]
    assert len({r["iso3"] for r in rows}) == len(rows)
    for r in rows:
        assert r["iso3"] in ISO3 and r["country"].strip(), r
        assert r["of_the"] in ("", "1"), r


def test_every_iso_country_has_generic_actors(actors):
    for c in pycountry.countries:
        for kind in GENERIC_KINDS:
            actor = actors.generic(kind, c.alpha_3)
            assert actor.country == c.alpha_3 and actor.inter == GENERIC_KINDS[kind].inter


def test_a_generic_actor_moved_to_another_country_is_named_for_it(actors):
    kenya, japan = actors.generic("military", "KEN"), actors.generic("military", "JPN")
    assert actors.moved(japan, "JPN", "KEN") == kenya
    civilians = actors.generic("civilians", "JPN")
    assert actors.moved(civilians, "JPN", "KEN") == actors.generic("civilians", "KEN")
    assert actors.moved(kenya, "JPN", "KEN") == kenya  # named for another country: as it is
    named = actors.resolve("al-Shabaab", "KEN")
    assert named is not None and actors.moved(named, named.country, "KEN") == named


def test_a_day_or_month_opening_a_sentence_names_no_group(actors):
    # "On Monday rebels captured ...": the parser may read "Monday rebels" as one name
    for mention in ("Monday rebels", "Sunday militants", "June rebels"):
        assert actors.resolve(mention, "KEN") == actors.generic("unidentified", "KEN"), mention
    assert actors.resolve("Red Star militia", "KEN").name == "Red Star Militia"


def test_invalid_entries_are_rejected():
    good = {"name": "X", "inter": 2, "country": "PAK", "aliases": ["X"]}
    assert parse_entry(good, "t").name == "X"
    for bad in (
        {**good, "inter": 9},
        {**good, "country": "Pakistan"},
        {**good, "aliases": []},
        {**good, "x": 1},
    ):
        with pytest.raises(ValueError):
            parse_entry(bad, "t")


def test_header_without_version_is_rejected(tmp_path: Path):
    path = tmp_path / "actors.jsonl"
    path.write_text(
        '{"description": "no version"}\n{"name": "X", "inter": 2, "country": null, "aliases": ["X"]}\n'
    )
    with pytest.raises(ValueError, match="version"):
        ActorDictionary.load(path)


def test_an_alias_shared_by_two_actors_is_rejected():
    entries = [ActorEntry("A: Alpha", 2, None, ("Alpha",)), ActorEntry("B: Beta", 2, None, ("alpha",))]
    with pytest.raises(ValueError, match="belongs to both"):
        ActorDictionary("2026.01.1", entries, read_countries(DEMONYMS_PATH))


def test_load_is_cached():
    assert ActorDictionary.load() is ActorDictionary.load()


# ----- resolve: one test per rule -----


def test_named_alias_wins_over_generic_nouns_and_demonyms(actors):
    assert resolved(actors, "Taliban militants") == "Taliban"
    assert resolved(actors, "Pakistani Taliban") == "TTP: Tehreek-i-Taliban Pakistan"
    assert resolved(actors, "Afghan Taliban") == "Taliban"
    assert resolved(actors, "Taliban government") == "Taliban"
    assert resolved(actors, "ANDSF forces", "AFG") == "Military Forces of Afghanistan"
    assert resolved(actors, "suspected Boko Haram militants", "NGA").startswith("Boko Haram")


def test_demonym_and_generic_noun_give_that_countrys_generic_actor(actors):
    assert resolved(actors, "Afghan soldiers") == "Military Forces of Afghanistan"
    assert resolved(actors, "Afghan military forces", "AFG") == "Military Forces of Afghanistan"
    assert resolved(actors, "Indian troops", "PAK") == "Military Forces of India"
    assert resolved(actors, "Pakistani civilians") == "Civilians (Pakistan)"
    assert resolved(actors, "Afghan policemen") == "Police Forces of Afghanistan"
    assert resolved(actors, "Pakistan's army") == "Military Forces of Pakistan"
    assert resolved(actors, "Kabul police") == "Police Forces of Afghanistan"


def test_bare_generic_noun_takes_the_event_country(actors):
    assert resolved(actors, "police", "PAK") == "Police Forces of Pakistan"
    assert resolved(actors, "militants", "AFG") == "Unidentified Armed Group (Afghanistan)"
    assert resolved(actors, "unknown gunmen", "AFG") == "Unidentified Armed Group (Afghanistan)"
    assert resolved(actors, "protesters", "PAK") == "Protesters (Pakistan)"
    assert resolved(actors, "a violent mob", "PAK") == "Rioters (Pakistan)"
    assert resolved(actors, "residents", "AFG") == "Civilians (Afghanistan)"
    assert resolved(actors, "journalists and media workers", "PAK") == "Civilians (Pakistan)"
    assert resolved(actors, "the authorities", "AFG") == "Government of Afghanistan"


def test_bare_generic_noun_without_country_has_no_country_part(actors):
    assert actors.resolve("militants") == Actor("Unidentified Armed Group", 3, None)
    assert actors.resolve("police") == Actor("Police Forces", 1, None)
    assert actors.resolve("soldiers", "ZZZ") == Actor("Military Forces", 1, None)


def test_generic_names_follow_acled_style(actors):
    assert actors.generic("military", "USA").name == "Military Forces of the United States"
    assert actors.generic("civilians", "USA").name == "Civilians (United States)"
    assert actors.generic("government", "COD").name == "Government of the Democratic Republic of Congo"
    assert actors.generic("unidentified", "PAK") == Actor("Unidentified Armed Group (Pakistan)", 3, "PAK")


def test_acled_names_resolve_to_themselves(actors):
    assert resolved(actors, "Military Forces of Afghanistan (2014-)") == "Military Forces of Afghanistan"
    assert resolved(actors, "Police Forces of Pakistan (2018-) Frontier Corps") == "Police Forces of Pakistan"
    assert resolved(actors, "Civilians (Pakistan)") == "Civilians (Pakistan)"
    assert resolved(actors, "TTP: Tehreek-i-Taliban Pakistan") == "TTP: Tehreek-i-Taliban Pakistan"


def test_matching_tolerates_case_determiners_plurals_and_punctuation(actors):
    ttp = "TTP: Tehreek-i-Taliban Pakistan"
    for mention in (
        "the Tehreek-i-Taliban Pakistan (TTP)",
        "TTP's",
        "the TTP’s",
        "Tehreek e Taliban Pakistan",
    ):
        assert resolved(actors, mention) == ttp, mention
    assert resolved(actors, "TALIBAN") == resolved(actors, "taliban") == "Taliban"
    assert resolved(actors, "Da’ish") == resolved(actors, "Da'ish") == "Islamic State"
    assert resolved(actors, "Houthis") == resolved(actors, "Houthi") == "Houthi Movement - Ansar Allah"
    assert resolved(actors, "two soldiers", "AFG") == "Military Forces of Afghanistan"


def test_short_acronyms_match_in_case_in_mixed_case_text(actors):
    assert resolved(actors, "IS fighters") == "Islamic State"
    assert resolved(actors, "Is this") is None
    assert resolved(actors, "UN peacekeepers") == "United Nations"


def test_head_noun_decides_between_generic_nouns(actors):
    assert resolved(actors, "government forces", "SYR") == "Military Forces of Syria"
    assert resolved(actors, "police officials", "PAK") == "Police Forces of Pakistan"
    assert resolved(actors, "government officials", "PAK") == "Government of Pakistan"
    assert resolved(actors, "women protesters", "PAK") == "Protesters (Pakistan)"
    assert resolved(actors, "rebel forces", "SDN") == "Unidentified Armed Group (Sudan)"


def test_protesting_named_group_is_protesters_with_the_group_as_associate(actors):
    assert actors.resolve_all("PTI protesters", "PAK") == (
        Actor("Protesters (Pakistan)", 6, "PAK"),
        Actor("PTI: Pakistan Tehreek-e-Insaf", 3, "PAK"),
    )
    assert resolved(actors, "PTI leaders", "PAK") == "PTI: Pakistan Tehreek-e-Insaf"


def test_country_alone_is_its_government_and_plural_demonym_its_civilians(actors):
    assert resolved(actors, "Pakistan") == "Government of Pakistan"
    assert resolved(actors, "the United States") == "Government of the United States"
    assert resolved(actors, "Afghans") == "Civilians (Afghanistan)"
    assert resolved(actors, "Afghan") is None


def test_capitals_are_government_metonyms_only_when_asked(actors):
    assert actors.resolve("Islamabad", "PAK") is None
    assert actors.resolve("Islamabad", "PAK", capitals=True) == Actor("Government of Pakistan", 1, "PAK")


def test_ambiguous_demonym_prefers_the_event_country(actors):
    assert resolved(actors, "Congolese soldiers", "COG") == "Military Forces of the Republic of Congo"
    assert resolved(actors, "Congolese soldiers") == "Military Forces of the Democratic Republic of Congo"


def test_country_branch_of_a_transnational_group(actors):
    assert resolved(actors, "Daesh", "AFG") == "Islamic State (Khorasan)"
    assert resolved(actors, "ISIS", "NGA") == "Islamic State (West Africa)"
    assert resolved(actors, "ISIS in Syria") == "Islamic State (Syria)"
    assert resolved(actors, "al-Shabaab", "MOZ") == "Islamic State (Mozambique)"
    assert resolved(actors, "al-Shabaab", "SOM") == "Al Shabaab"
    assert resolved(actors, "ISIS-K") == "Islamic State (Khorasan)"


def test_local_aliases_apply_only_in_their_country(actors):
    assert resolved(actors, "FC", "PAK") == "Police Forces of Pakistan"
    assert actors.resolve("FC") is None
    assert resolved(actors, "Rangers", "PAK") == "Police Forces of Pakistan"
    assert actors.resolve("Rangers", "USA") is None
    assert resolved(actors, "Maoists", "IND") == "CPI (Maoist): Communist Party of India (Maoist)"
    assert resolved(actors, "ADF", "CMR") == "Ambazonian Separatists"
    assert resolved(actors, "ADF", "COD") == "ADF: Allied Democratic Forces"


def test_per_country_entry_is_named_after_the_country(actors):
    assert actors.resolve("Fulani herdsmen", "NGA") == Actor("Fulani Ethnic Militia (Nigeria)", 4, "NGA")
    assert actors.resolve("Fulani herdsmen") == Actor("Fulani Ethnic Militia", 4, None)


def test_text_that_names_no_actor_is_none(actors):
    for mention in ("", "the attack", "a roadside bomb", "last week", "Kabul"):
        assert actors.resolve(mention, "AFG") is None, mention


def test_unknown_group_keeps_its_name_with_inter_0(actors):
    assert actors.unknown("the Jundallah group's") == Actor("Jundallah group", 0, None)
    assert actors.unknown("  Lashkar-e-Khorasan ") == Actor("Lashkar-e-Khorasan", 0, None)


# ----- spaCy patterns -----


def test_entity_ruler_patterns_match_tokenisation_quirks(actors):
    spacy = pytest.importorskip("spacy")
    from eventcoder.coding.nlp import add_actor_ruler

    nlp = spacy.blank("en")
    add_actor_ruler(nlp, actors.entity_ruler_patterns())
    text = (
        "Pakistan says Tehreek-e-Taliban Pakistan and Da’ish are alike; ISIS-Khorasan and Daesh deny it. "
        "Is the TTP’s chief in Kabul?"
    )
    found = {(e.text, e.ent_id_) for e in nlp(text).ents}
    assert ("Tehreek-e-Taliban Pakistan", "TTP: Tehreek-i-Taliban Pakistan") in found
    assert ("Da’ish", "Islamic State") in found
    assert ("ISIS-Khorasan", "Islamic State (Khorasan)") in found
    assert ("Daesh", "Islamic State") in found
    assert ("TTP", "TTP: Tehreek-i-Taliban Pakistan") in found
    assert not any(e.text == "Is" for e in nlp(text).ents)
    assert all(p["label"] in LABELS and p["id"] for p in actors.entity_ruler_patterns())


# -- names outside the dictionary, gangs, nationality --------------------------------------------


@pytest.mark.parametrize(
    ("mention", "name", "inter"),
    [
        ("the Tarnow Valley Brigade", "Tarnow Valley Brigade", 3),
        ("Blue Heron militia", "Blue Heron Militia", 3),
        ("Ostrava Liberation Front fighters", "Ostrava Liberation Front", 2),
        ("the Velmar Ethnic Militia", "Velmar Ethnic Militia", 4),
        ("QZX rebels", "QZX", 2),
        ("the Popular Front for the Freedom of Lorvania", "Popular Front for the Freedom of Lorvania", 2),
    ],
)
def test_a_named_group_outside_the_dictionary_keeps_its_name(actors, mention, name, inter):
    assert actors.resolve(mention, "NGA") == Actor(name, inter, None)


@pytest.mark.parametrize(
    "mention",
    [
        "Nigerian Army",
        "the Mexican Army",
        "unknown armed group",
        "rebels",
        "Two rebels",
        "Several militiamen",
        "Turkana rebels",
        "Suspected Turkana rebels",
    ],
)
def test_known_words_alone_are_no_new_name(actors, mention):
    resolved = actors.resolve(mention, "NGA")
    assert resolved is None or resolved.name.startswith(("Military Forces", "Unidentified"))


def test_gang_members_and_drive_by_shootings_are_an_unidentified_gang(actors):
    from eventcoder.coding.actor_words import perpetrator_kind

    assert actors.resolve("unidentified gang", "SLV").name == "Unidentified Gang (El Salvador)"
    assert perpetrator_kind("A man was shot dead in a drive-by attack.") == "gang"
    assert perpetrator_kind("Armed men shot a man dead.") == "unidentified"


def test_military_police_are_military_forces(actors):
    assert actors.resolve("military police officers", "BRA").name == "Military Forces of Brazil"


def test_police_units_named_by_a_military_noun_are_police_forces(actors):
    assert actors.resolve("two police commandos", "KEN").name == "Police Forces of Kenya"
    assert actors.resolve("police special forces", "KEN").name == "Police Forces of Kenya"
    assert actors.resolve("army commandos", "KEN").name == "Military Forces of Kenya"


def test_lowercase_aliases_hold_only_in_their_country(actors):
    assert actors.resolve("municipal police", "MEX").name == "Police Forces of Mexico"
    assert actors.resolve("municipal police", "KEN").name == "Police Forces of Kenya"


def test_per_country_ethnic_militia_takes_the_event_country(actors):
    assert actors.resolve("Nuer militia", "SSD").name == "Nuer Ethnic Militia (South Sudan)"
    assert actors.resolve("clan militia", "SOM").name == "Unidentified Clan Militia (Somalia)"


def test_home_is_the_fixed_country_of_named_actors_only(actors):
    assert actors.home(actors.resolve("Houthi rebels", "YEM")) == "YEM"
    assert actors.home(actors.resolve("gunmen", "NGA")) is None
    assert actors.home(actors.resolve("Nuer militia", "SSD")) is None


def test_every_region_has_named_armed_groups():
    regions = {
        "west africa": {"NGA", "MLI", "BFA", "NER", "CMR", "TCD", "SEN"},
        "east and central africa": {"SOM", "ETH", "SDN", "SSD", "COD", "CAF", "BDI", "KEN", "UGA", "MOZ"},
        "middle east and north africa": {"SYR", "IRQ", "YEM", "LBY", "LBN", "PSE", "TUR", "IRN", "EGY"},
        "south and southeast asia": {"IND", "BGD", "MMR", "PHL", "THA", "IDN", "NPL", "LKA"},
        "latin america": {"MEX", "COL", "BRA", "VEN", "HTI", "ECU", "SLV", "HND", "PER", "CHL"},
        "europe and north america": {"UKR", "RUS", "GBR", "ESP", "FRA", "ARM", "AZE", "GRC", "USA"},
    }
    armed = [e for e in raw_entries() if e["inter"] in (2, 3, 4)]
    for region, iso3s in regions.items():
        assert sum(e["country"] in iso3s for e in armed) >= 15, region


def test_houthi_forces_inside_yemen_are_the_supreme_political_council(actors):
    spc = "Military Forces of Yemen (2016-) Supreme Political Council"
    assert resolved(actors, "Houthi fighters", "YEM") == spc
    assert resolved(actors, "the Houthis", "YEM") == spc
    assert resolved(actors, "Houthi rebels", "SAU") == "Houthi Movement - Ansar Allah"
    assert resolved(actors, "pro-Hadi troops", "YEM") == "Military Forces of Yemen"


def test_a_generic_actor_with_a_branch_takes_it_in_that_country(actors):
    assert resolved(actors, "Saudi warplanes", "YEM") == "Operation Restoring Hope"
    assert resolved(actors, "Saudi military aircraft", "YEM") == "Operation Restoring Hope"
    assert resolved(actors, "Saudi military aircraft", "SAU") == "Military Forces of Saudi Arabia"


def test_acled_spellings_of_group_names(actors):
    assert resolved(actors, "Mai-Mai fighters", "COD") == "Mayi Mayi Militia"
    assert resolved(actors, "Boko Haram insurgents", "NGA").startswith("Boko Haram - Jamatu Ahli")
    assert resolved(actors, "QSD", "SYR") == resolved(actors, "SDF") == "QSD: Syrian Democratic Forces"
    assert resolved(actors, "AAS", "SYR") == "AAS: Ahrar al Sham"
    naf = "NAF: United Armed Forces of Novorossiya"
    assert resolved(actors, "the Donetsk People's Militia", "UKR") == naf
    assert resolved(actors, "dahalo", "MDG") == "Dahalo Militia"


def test_an_unnamed_perpetrator_with_an_armys_weapons_is_the_military() -> None:
    from eventcoder.coding.actor_words import perpetrator_kind

    assert perpetrator_kind("Artillery shells hit two villages overnight.") == "military"
    assert perpetrator_kind("Warplanes struck a fuel depot near the border.") == "military"
    assert perpetrator_kind("Two men on a motorbike carried out a drive-by shooting.") == "gang"
    assert perpetrator_kind("Gunmen opened fire on a minibus.") == "unidentified"


def test_the_unnamed_side_of_an_operation_is_the_military() -> None:
    from eventcoder.coding.actor_words import perpetrator_kind

    assert perpetrator_kind("Three militants were gunned down in a security operation.") == "military"
    assert perpetrator_kind("Gunmen killed three traders in Kerow.") == "unidentified"


def test_an_army_weapon_fired_by_a_side_called_unknown_stays_unidentified() -> None:
    from eventcoder.coding.actor_words import perpetrator_kind

    assert perpetrator_kind("Heavy artillery fire by an unknown party hit the suburb.") == "unidentified"


def test_state_sub_units_carry_acleds_period(actors):
    assert resolved(actors, "LNA", "LBY") == "Military Forces of Libya (2014-) Haftar Faction"
    gna = "Military Forces of Libya (2016-) Government of National Accord"
    assert resolved(actors, "GNA forces", "LBY") == gna


def test_an_event_of_army_weapons_has_the_military_as_its_unnamed_side() -> None:
    from eventcoder.coding.actor_words import perpetrator_kind

    assert perpetrator_kind("Three explosions were recorded near the town.", army_weapons=True) == "military"
    unknown = "Explosions by an unknown party hit the town."
    assert perpetrator_kind(unknown, army_weapons=True) == "unidentified"


def test_a_group_whose_name_ends_in_another_groups_name_is_itself(actors):
    assert resolved(actors, "Jaish al-Fatah", "SYR") == "Jaish al Fatah"
    assert resolved(actors, "Fatah", "PSE") == "Fatah Movement"
