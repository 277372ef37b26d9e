"""Resolution from the article's own context (issue 18, item 2): country focus, admin names beside a place,
the fallback to the named unit. Places chosen from public knowledge, not from any evaluation set."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from eventcoder.coding.places import country_focus, gazetteer, named_place, resolve_places
from eventcoder.coding.places.candidates import candidates
from eventcoder.coding.places.focus import (
    filed_countries,
    outlet_areas,
    outlet_countries,
    outlet_rows,
    place_shares,
)
from eventcoder.coding.places.phrases import parse_place_phrases, place_groups


def test_a_big_city_outvotes_the_hamlets_of_its_name() -> None:
    shares = place_shares("Mombasa")
    assert max(shares, key=shares.__getitem__) == "KEN"


def test_two_place_names_of_one_country_make_the_focus() -> None:
    assert country_focus([("Arequipa", "GPE"), ("Cusco", "GPE")]) == ["PER"]


def test_a_lone_small_place_name_makes_no_context_of_its_own() -> None:
    assert country_focus([("Lodwar", "GPE")]) == []
    assert country_focus([("Mombasa", "GPE")]) == ["KEN"]  # a city of 100,000+ counts as two names


def test_an_old_name_of_a_big_city_makes_no_context_of_its_own() -> None:
    # Mbandaka's colonial name: a city of 100,000+ counts as two names by its own name only.
    assert country_focus([("Mbandaka", "GPE")]) == ["COD"]
    assert country_focus([("Coquilhatville", "GPE")]) == []
    # In a Kenyan report the name is a village the gazetteer lacks, not the Congolese city.
    for name in ("Coquilhatville", "Jadotville"):
        lone = resolve_places(name, ())[0]
        assert lone.iso3 == "COD"  # read without context it is the city
        kenyan = resolve_places(name, ("KEN",))[0]
        assert (kenyan.iso3, kenyan.geo_precision) == ("KEN", None)
    # A capital or a city of a million is known abroad by its other names.
    assert resolve_places("Stanleyville", ("KEN",))[0].iso3 == "COD"
    assert resolve_places("Rangoon", ("KEN",))[0].iso3 == "MMR"


def test_a_named_country_and_the_outlet_count() -> None:
    assert country_focus([("Ghana", "GPE")]) == ["GHA"]
    assert outlet_countries("The Kenyan Observer; Radio Ghana") == ["KEN", "GHA"]
    assert "GHA" in country_focus([], "Ghanaian Times")


def test_a_bracketed_unit_with_its_feature_word_encloses_the_place() -> None:
    group = place_groups("in Kassala (Kassala state), against the new decree")[0]
    assert group[0].text == "Kassala" and group[0].qualifiers == ("Kassala state",)


def test_the_bracketed_unit_picks_the_namesake_inside_it() -> None:
    (place,) = resolve_places("in Santa Cruz (Bolivia)")
    assert place.iso3 == "BOL"
    (place,) = resolve_places("in Cordoba (Veracruz)")
    assert place.iso3 == "MEX" and place.admin1 == "Veracruz"


def test_an_unknown_village_falls_back_to_its_district_at_precision_2() -> None:
    (place,) = resolve_places("in Qwertyzville village (Gulu district, Northern region)", ["UGA"])
    assert place.iso3 == "UGA" and place.admin2 == "Gulu" and place.geo_precision == 2


def test_new_feature_words_name_districts() -> None:
    group = place_groups("in Zzyzx in Sreemangal upazila (Moulvibazar, Sylhet)")[0]
    assert group[0].qualifiers[0] == "Sreemangal district"


def test_a_place_named_in_the_sentence_needs_its_units_when_the_parser_took_it_for_a_person() -> None:
    assert named_place([("Nakuru and killed two", True)]) is None
    place = named_place([("Nakuru (Nakuru county) and killed two", True)])
    assert place is not None and place.iso3 == "KEN"


def test_a_listed_national_outlet_gives_its_home_country() -> None:
    assert outlet_countries("Annahar; Radio Ghana") == ["LBN", "GHA"]
    assert outlet_countries("The Dawn (Pakistan)") == ["PAK"]
    assert "LBN" in country_focus([("Tripoli", "GPE")], "An-Nahar")


def test_an_outlet_name_joined_by_a_hyphen_names_its_country() -> None:
    assert outlet_countries("Monitoring Mission-Georgia") == ["GEO"]


def test_a_unit_spelled_otherwise_is_found_with_no_country_known() -> None:
    (place,) = resolve_places("in Qwertyzville (Kandahar province)")
    assert place.iso3 == "AFG" and place.geo_precision == 2
    (place,) = resolve_places("in Qwertyzville (Qandahar province)")
    assert place.iso3 == "AFG"


def test_a_demonym_read_as_a_place_names_its_country() -> None:
    g = gazetteer()
    assert [c.ref[0] for c in candidates(g, "Chadian", None)] == ["c"]


def test_a_country_named_outright_beats_a_town_of_its_name_in_the_main_country() -> None:
    (place,) = resolve_places("in Jordan", ["USA", "JOR"])
    assert place.iso3 == "JOR" and place.geo_precision == 4


def test_ampersand_inside_an_abbreviation_is_one_name() -> None:
    (place,) = resolve_places("in Kotli (AJ&K)")
    assert place.iso3 == "PAK" and place.admin1 == "Azad Jammu and Kashmir"


def test_the_sentence_opening_place_frames_a_neighbourhood_elsewhere(code_text) -> None:
    text = "On 2 May 2022, in Recife, Pernambuco, a man was shot dead in Qwertyland neighbourhood by gunmen."
    (m,) = code_text(text)
    assert (m.iso3, m.location) == ("BRA", "Recife")


def test_an_unplaced_trigger_takes_the_place_its_sentence_names(code_text) -> None:
    text = "On 3 May 2022, gunmen attacked Qwertyville (Kisoro district, Western region), killing two."
    (m,) = code_text(text)
    assert m.iso3 == "UGA" and m.admin2 == "Kisoro" and m.geo_precision == 2


def test_qualifiers_are_read_together() -> None:
    (place,) = resolve_places("in Barangay Qwerty, Plaridel, Bulacan")
    assert place.admin2 == "Bulacan" and place.geo_precision == 2
    assert place.location == "Qwerty"  # the barangay the gazetteer lacks, near the town, keeps its name


def test_an_unknown_place_with_a_bracketed_name_falls_back_to_the_unit() -> None:
    (place,) = resolve_places("in Qwertyville (Buenos Aires)")
    assert place.iso3 == "ARG" and place.admin1 == "Buenos Aires" and place.geo_precision == 2


def test_a_town_the_parser_takes_for_a_nationality_is_still_a_place(code_text) -> None:
    for text, iso3 in (
        ("On 9 May 2023, dozens of bakers held a protest in Qorveh against the price of flour.", "IRN"),
        ("On 7 May 2023, musicians rallied in Thessaloniki demanding support for concert halls.", "GRC"),
    ):
        (m,) = code_text(text)
        assert m.iso3 == iso3 and m.geo_precision == 1


def test_a_demonym_after_in_is_no_place() -> None:
    from eventcoder.coding.places.focus import after_locative

    nlp = spacy.blank("en")
    doc = nlp("Clashes broke out in Syrian territory.")
    doc.ents = [Span(doc, 4, 5, label="NORP")]
    assert not after_locative(doc.ents[0])


def test_a_name_written_after_in_keeps_its_locative(code_text) -> None:
    text = "On 4 May 2023, teachers went on strike, in Phillaur city (Punjab) demanding their arrears."
    (m,) = code_text(text)
    assert m.iso3 == "IND" and m.admin1 == "Punjab"


def test_a_currency_leaves_the_country_focus_alone(code_text) -> None:
    text = "On 28 April 2023, rioters angry at the soaring US dollar rate threw stones at soldiers in Sidon."
    (m,) = code_text(text)
    assert m.iso3 == "LBN"


def test_a_one_word_town_taken_for_a_group_still_places_the_event(code_text) -> None:
    text = (
        "On 6 May 2023, protests were held in several parts of Madurai city (Madurai, Tamil Nadu) over fees."
    )
    (m,) = code_text(text)
    assert m.iso3 == "IND" and m.admin1 == "Tamil Nadu"


def test_in_support_of_is_no_place() -> None:
    from eventcoder.coding.cues import load_cues

    assert "support" in load_cues().figurative_locatives


def test_a_spelling_variant_must_lie_inside_every_unit_written_beside_it() -> None:
    (place,) = resolve_places("in Palaai town (Kottayam, Kerala)")
    assert place.location == "Palai"
    (place,) = resolve_places("in Palaai town (Kozhikode, Kerala)")
    assert place.admin2 == "Kozhikode" and place.geo_precision == 2


def test_a_name_inside_a_bracketed_unit_list_is_a_place_word() -> None:
    from eventcoder.coding.attach import written_as_place
    from eventcoder.coding.cues import load_cues

    doc = spacy.blank("en")("Clashes at Qwerty (Gulu, Kampala) today.")
    doc.ents = [Span(doc, 6, 7, label="PERSON")]
    assert written_as_place(doc[6], load_cues())  # "Kampala" between "," and ")"
    assert not written_as_place(doc[2], load_cues())


def test_the_countryside_of_a_province_is_a_place(code_text) -> None:
    from eventcoder.coding.cues import load_cues

    assert {"countryside", "vicinity"} <= load_cues().place_kind_words
    (m,) = code_text("On 3 May 2023, gunmen shot dead a shepherd in the countryside of Hama.")
    assert m.iso3 == "SYR" and m.admin1 == "Hama"


def test_a_state_written_by_its_iso_code_qualifies_the_place() -> None:
    (place,) = resolve_places("in Qwertypur village (Kozhikode, KL)")
    assert place.iso3 == "IND" and place.admin1 == "Kerala" and place.geo_precision == 2
    (place,) = resolve_places("in Dallas (TX)")
    assert place.iso3 == "USA" and place.admin1 == "Texas"


def test_a_bracket_inside_a_qualifier_names_its_enclosing_unit() -> None:
    (place,) = resolve_places("in Jalalabad, Fazilka (Punjab)")
    assert place.iso3 == "IND" and place.admin2 == "Fazilka"
    (place,) = resolve_places("in Samana subdivision of Patiala district (Punjab)")
    assert place.iso3 == "IND" and place.admin1 == "Punjab"


def test_a_unit_name_written_with_a_lowercase_prefix_still_qualifies_the_place() -> None:
    # "(eThekwini, KwaZulu-Natal)" was dropped as an uncapitalised aside, leaving the town's US namesake
    place = resolve_places("Verulam (eThekwini, KwaZulu-Natal)")[0]
    assert (place.iso3, place.admin1) == ("ZAF", "Kwazulu-Natal")


def test_a_town_abroad_is_not_taken_when_the_bracket_names_a_unit_of_another_country() -> None:
    # no Denver in Chaco: the place lies somewhere in Chaco, not in Colorado (unless the article is American)
    inside = resolve_places("Denver (Chaco)", ("ARG",))[0]
    assert (inside.iso3, inside.admin1, inside.geo_precision) == ("ARG", "Chaco", 2)
    assert resolve_places("Denver (Chaco)", ("USA",))[0].iso3 == "USA"


def test_a_feature_word_does_not_move_a_place_to_a_country_less_in_context() -> None:
    # "the Serail in Tripoli": the unknown building falls back to Tripoli, read as an enclosing unit; Libya's
    # province of that name must not beat Lebanon's city in an article about Lebanon
    place = resolve_places("outside the Serail in Tripoli", ("LBN", "LBY"))[0]
    assert place.iso3 == "LBN"


def test_a_participle_ends_the_place_clause() -> None:
    place = resolve_places(
        "in the village of Tal Jabin in Idlib province denouncing HTS plans for new crossings"
    )
    assert [(p.iso3, p.admin1) for p in place] == [("SYR", "Idleb")]


def test_a_common_word_is_no_town_abroad(code_text) -> None:
    text = (
        "On 3 May 2024, gunmen shot dead a police officer who worked at the Airport police station "
        "in Mogadishu."
    )
    assert [(m.iso3, m.location) for m in code_text(text)] == [("SOM", "Mogadishu")]


def test_a_country_in_brackets_after_an_outlet_name_decides_between_namesakes() -> None:
    # India's Telegraph is a listed national outlet; "The Telegraph (UK)" is another paper
    assert outlet_countries("The Telegraph") == ["IND"]
    assert outlet_countries("The Telegraph (UK)") == ["GBR"]
    assert outlet_countries("The Nation (Nigeria)") == ["NGA"]


def test_a_verb_in_the_past_ends_the_place_clause_but_one_that_places_does_not() -> None:
    group = place_groups("in Tyre gathered at the Port Roundabout and chanted slogans")[0]
    assert group[0].text == "Tyre" and group[0].qualifiers == ()
    group = place_groups("in the village of Zzyzx, located in Hermel district")[0]
    assert group[0].qualifiers == ("Hermel district",)


def test_a_local_outlet_names_the_regions_it_reports_from() -> None:
    assert outlet_areas("Riodoce") == (("MEX", "Sinaloa"),)
    assert outlet_areas("Reuters; OSCE SMM-Ukraine") == (("UKR", "Donetsk"), ("UKR", "Luhansk"))
    assert outlet_areas("Reuters") == ()
    assert outlet_areas(None) == ()


def test_every_outlet_area_is_a_unit_the_gazetteer_knows() -> None:
    g = gazetteer()
    missing = [
        (row["outlet"], name)
        for row in outlet_rows()
        for name in (row["areas"] or "").split("|")
        if name and not g.adm1s_named(row["country"], name)
    ]
    assert missing == []


def test_the_outlets_region_decides_between_namesakes_of_equal_standing() -> None:
    sinaloa = (("MEX", "Sinaloa"),)
    (alone,) = resolve_places("in Primero de Mayo", ("MEX",))
    (local,) = resolve_places("in Primero de Mayo", ("MEX",), sinaloa)
    assert alone.admin1 != "Sinaloa" and local.admin1 == "Sinaloa"
    (city,) = resolve_places("in Guadalajara", ("MEX",), sinaloa)  # a big city is still the big city
    assert city.admin1 == "Jalisco"
    (qualified,) = resolve_places("in Primero de Mayo (Veracruz)", ("MEX",), sinaloa)
    assert qualified.admin1 == "Veracruz"


def test_a_spelling_variant_outside_the_bracketed_unit_is_a_place_inside_it() -> None:
    (variant,) = resolve_places("in Nagaonn (Kerala)", ("IND",))  # not Nagaon in Assam
    assert (variant.admin1, variant.geo_precision) == ("Kerala", 2)
    (afghan,) = resolve_places("in Jalalabadd (Kunar)", ("AFG",))  # not Jalalabad in Nangarhar
    assert (afghan.admin1, afghan.geo_precision) == ("Kunar", 2)
    (slip,) = resolve_places("in Kabul (Nangarhar)", ("AFG",))  # a city meant anywhere stays itself
    assert (slip.location, slip.geo_precision) == ("Kabul", 1)


def test_a_unit_beside_the_place_picks_its_namesake_in_another_country(code_text) -> None:
    text = (
        "Protests in the south of India\n\nTraders protested at Hyderabad on Monday, police said. On Tuesday,"
        " students rallied in Hyderabad, in Sindh province, against the same tax."
    )
    mentions = code_text(text)
    assert len(mentions) == 2
    # the second names its province; the first, bare, is the same Hyderabad: one place per name
    assert [(m.iso3, m.admin1) for m in mentions] == [("PAK", "Sindh")] * 2


def test_a_village_the_gazetteer_lacks_keeps_its_name_in_the_unit_beside_it(code_text) -> None:
    (mention,) = code_text("Protest\n\nHundreds of farmers protested in Kerow, in Lamu county, on Monday.")
    assert (mention.location, mention.admin1, mention.iso3, mention.geo_precision) == (
        "Kerow",
        "Lamu",
        "KEN",
        2,
    )


def test_villages_placed_at_one_units_coordinates_are_one_place() -> None:
    from eventcoder.coding.places import Place
    from eventcoder.coding.several import PlaceShare, distinct_places

    def village(name: str) -> PlaceShare:
        return PlaceShare(Place(name, "Lamu", None, "Kenya", "KEN", -2.27, 40.9, 2), f"in {name}", None)

    assert [s.place.location for s in distinct_places([village("Kerow"), village("Dabasso")])] == ["Kerow"]
    towns = [PlaceShare(Place(n, "Lamu", None, "Kenya", "KEN", -2.27, 40.9, 1), n, None) for n in ("A", "B")]
    assert len(distinct_places(towns)) == 2


def test_a_neighbourhood_named_like_a_far_town_of_the_province_is_in_the_opening_town(code_text) -> None:
    text = (
        "On 6 May 2023, in Monterrey, Nuevo Leon, two suspects were killed after exchanging fire with"
        " state police during an operation in Linares neighbourhood."
    )
    (m,) = code_text(text)
    assert (m.location, m.geo_precision) == ("Monterrey", 1)


def test_a_lower_case_particle_inside_a_state_name_keeps_the_name_whole(code_text) -> None:
    text = "On 3 May 2023, in Santa Maria, Rio Grande do Sul, about 200 farmers gathered in protest."
    (m,) = code_text(text)
    assert (m.location, m.admin2, m.geo_precision) == ("Santa Maria", "Santa Maria", 1)


def test_a_road_joining_two_towns_is_placed_near_the_first(code_text) -> None:
    (place,) = resolve_places("on the Nakuru-Eldoret highway", ["KEN"])
    assert (place.location, place.geo_precision) == ("Nakuru", 2)
    (m,) = code_text("On 4 May 2023, gunmen ambushed a bus on the Garissa - Mandera road, killing four.")
    assert (m.iso3, m.location, m.geo_precision) == ("KEN", "Garissa", 2)


def test_spanish_articles_inside_a_name_keep_it_whole() -> None:
    (place,) = resolve_places("in San Juan de los Lagos, Jalisco")
    assert (place.location, place.geo_precision) == ("San Juan de los Lagos", 1)


def test_an_organisation_named_in_the_locative_phrase_is_no_place() -> None:
    group = place_groups("at the positions of the Zarvo Front in the area of Kobarre, Mandera")[0]
    assert [p.text for p in group] == ["Kobarre", "Mandera"]
    (place,) = resolve_places("at positions of the Lamu People's Militia near Mokowe, Lamu", ["KEN"])
    assert place.location != "Lamu People's Militia" and place.admin1 == "Lamu"


def test_a_village_the_gazetteer_lacks_keeps_its_name_when_the_event_was_near_it() -> None:
    for text in (
        "near Kobarre, Mandera",
        "in the area of Kobarre, Mandera",
        "near Kobarre in Mandera county",
    ):
        (place,) = resolve_places(text, ["KEN"])
        assert (place.location, place.admin1, place.geo_precision) == ("Kobarre", "Mandera", 2), text


def test_a_countrys_capital_is_its_capital_city() -> None:
    for text in ("in Kenya's capital", "in Kenya's capital city on Monday", "in the capital of Kenya"):
        (place,) = resolve_places(text, [])
        assert (place.location, place.iso3, place.geo_precision) == ("Nairobi", "KEN", 1), text
    (place,) = resolve_places("in Brazil's capital city", [])
    assert place.iso3 == "BRA"  # not the town Brazil of Indiana
    (place,) = resolve_places("in Lamu's capital", ["KEN"])
    assert place.location == "Lamu"


def test_the_unit_of_a_distance_is_no_place_however_it_is_written() -> None:
    for text in ("at 2.4 KM south of Kobarre village, Mandera county", "in Kobarre, 12 Km from Mandera"):
        assert [p.text for p in place_groups(text)[0]] == ["Kobarre", "Mandera"], text


def test_names_that_hold_positions_are_no_place() -> None:
    assert [p.text for p in parse_place_phrases("at the positions of al-Shabaab near Lamu")] == ["Lamu"]
    text = "on the positions of the military forces of Kenya near Kobarre"  # a country holds them too
    assert [p.text for p in parse_place_phrases(text)] == ["Kobarre"]
    # a place the gazetteer holds below a country is where the posts are
    assert [p.text for p in parse_place_phrases("at police posts of Garissa town")] == ["Garissa"]


def test_a_street_named_after_a_town_is_no_town() -> None:
    # Kisumu and Nakuru are towns; a street named after one, written street word first, is in the city
    streets = ("on the rue de Kisumu in Nairobi", "along Avenida Nakuru, Nairobi", "on the avenue in Nairobi")
    for text in streets:
        assert [p.text for p in parse_place_phrases(text)] == ["Nairobi"], text
    assert parse_place_phrases("at a shop on Avenue Kisumu") == []


def test_a_part_or_site_of_a_named_town_is_a_place_phrase(coder):
    # "in the eastern part of X town": the phrase places the event, whatever the tagger made of X
    from eventcoder.coding.attach import locative_place_prep

    nlp, res = coder
    doc = nlp("Fighting broke out in the eastern part of Bula Hawo town on Monday.")
    doc.ents = [Span(doc, 8, 10, label="ORG")]  # the tagger's organisation
    prep = next(t for t in doc if t.lower_ == "in")
    assert locative_place_prep(prep, res.cues)
    doc = nlp("Fighting broke out in the eastern part of the night on Monday.")
    assert not locative_place_prep(next(t for t in doc if t.lower_ == "in"), res.cues)
    doc = nlp("Doctors rallied outside the teaching hospital of Kisumu on Monday.")
    doc.ents = [Span(doc, 7, 8, label="ORG")]  # "of X": a town the gazetteer knows, however tagged
    assert locative_place_prep(next(t for t in doc if t.lower_ == "outside"), res.cues)


def test_a_dateline_names_where_the_story_was_filed() -> None:
    from eventcoder.ingest.published import dateline_end, dateline_places

    for line, names in [
        ("GARISSA, May 19 (Reuters) - Two jets", ["Garissa"]),
        ("DERA ISMAIL KHAN, Pakistan (AP) — A", ["Dera Ismail Khan", "Pakistan"]),
        ("Kisumu [Kenya], November 4 (Xinhua): The", ["Kisumu", "Kenya"]),
        ("NAKURU - Police said", ["Nakuru"]),
    ]:
        assert dateline_places(line[: dateline_end(line)]) == names
    # its country counts as named; a body place of another country still leads when named more
    assert country_focus([], filed=filed_countries(["Garissa"])) == ["KEN"]
    assert (
        country_focus([("Arusha", "GPE"), ("Tanzania", "GPE")], filed=filed_countries(["Nairobi"]))[0]
        == "TZA"
    )


def test_an_event_with_no_place_is_in_the_country_of_the_dateline(code_text) -> None:
    text = (
        "Jets strike village\n\nGARISSA, May 19 (Reuters) - Two air force jets dropped bombs on a village "
        "on Sunday, killing six people, residents said."
    )
    (mention,) = code_text(text)
    assert (mention.iso3, mention.geo_precision) == ("KEN", 4)  # the dateline's city is not the place
    assert mention.actor1 == "Military Forces of Kenya"


def test_a_camp_is_a_settlement_unless_its_name_holds_the_word() -> None:
    (place,) = resolve_places("near Kobarre refugee camp, Mandera", ["KEN"])
    assert (place.location, place.admin1, place.geo_precision) == ("Kobarre", "Mandera", 2)
    phrase = parse_place_phrases("in Kobarre cattle camp in Lamu county")[0]
    assert (phrase.text, phrase.kind) == ("Kobarre", "village")
    phrase = parse_place_phrases("in Zarvo Camp in Lamu county")[0]  # a military camp's name
    assert (phrase.text, phrase.kind) == ("Zarvo Camp", None)


def test_a_name_written_with_units_the_gazetteer_lacks_is_no_namesake_abroad() -> None:
    # South Sudan's payams are below the gazetteer's units; Kenya's Kisumu is no payam of an unknown county
    (place,) = resolve_places("in Kisumu payam of Zarvo", ["SSD"])
    assert place.iso3 == "SSD" and place.latitude is None
    (place,) = resolve_places("in Kisumu", ["SSD"])  # a city named alone is still the city abroad
    assert place.iso3 == "KEN"


def test_the_town_struck_is_read_from_the_verb_its_place_phrase_hangs_on(code_text) -> None:
    text = (
        "Raid in Kenya\n\nRaiders struck Kobarre cattle camp in Lamu county on Sunday, killing four herders."
    )
    (mention,) = code_text(text)
    assert (mention.location, mention.admin1, mention.geo_precision) == ("Kobarre", "Lamu", 2)
    text = "Raid in Kenya\n\nRaiders struck a cattle camp in Lamu county on Sunday, killing four herders."
    (mention,) = code_text(text)
    assert (mention.location, mention.geo_precision) == ("Lamu", 3)


def test_the_village_a_jet_struck_with_bombs_is_the_place_not_the_county(code_text) -> None:
    # "with three bombs" is a second reading of the verb (the bombs) that sees only "in Mandera county"
    text = (
        "Air strike in Kenya\n\nOn Tuesday, a military jet struck Kobarre village in Mandera county with"
        " three bombs."
    )
    (mention,) = code_text(text)
    assert (mention.location, mention.admin1, mention.geo_precision) == ("Kobarre", "Mandera", 2)


def test_a_village_the_sentence_opens_with_is_finer_than_the_county_its_trigger_names(code_text) -> None:
    # the parser hangs "in Mandera county" on the verb and "in Kobarre village" on "living"
    text = (
        "Raid in Kenya\n\nOn Monday two people living in Kobarre village, in Mandera county, were shot dead "
        "by gunmen."
    )
    (mention,) = code_text(text)
    assert (mention.location, mention.admin1, mention.geo_precision) == ("Kobarre", "Mandera", 2)
    text = "Raid in Kenya\n\nOn Monday two people were shot dead by gunmen in Mandera county."
    (mention,) = code_text(text)
    assert (mention.location, mention.geo_precision) == ("Mandera", 3)


def test_an_unknown_name_with_its_unit_after_a_comma_is_the_place(code_text) -> None:
    text = (
        "Convoy ambushed in Kenya\n\nA convoy was ambushed on Monday at Kobarre, in the Mandera region,"
        " killing four soldiers."
    )
    (mention,) = code_text(text)
    assert (mention.location, mention.admin1, mention.geo_precision) == ("Kobarre", "Mandera", 2)


def test_an_event_told_without_a_place_in_a_story_of_one_town_is_in_that_town(code_text) -> None:
    lede = "Police detain protesters in Kenyan town\n\nSecurity forces in Garissa detained 57 on Friday."
    later = " The unrest began on 30 September, when demonstrators and police clashed with deadly results."
    protest = next(m for m in code_text(lede + later) if m.event_type == "protest")
    assert (protest.location, protest.iso3, protest.geo_precision) == ("Garissa", "KEN", 2)
    # a story of two towns does not say which
    two = lede + " In Lamu, police arrested 12 people on Saturday." + later
    protest = next(m for m in code_text(two) if m.event_type == "protest")
    assert (protest.location, protest.geo_precision) == ("Kenya", 4)


def test_a_dateline_names_a_town_not_a_province_of_the_same_name() -> None:
    # "BENI, June 10 -": the Congolese town, not Bolivia's more populous Beni department
    assert filed_countries(["BENI"]) == ["COD"]
