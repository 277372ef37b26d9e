"""The merge's candidate index by place: a lookup finds every event whose places may agree."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import replace

from eventcoder.coding.geo import EARTH_RADIUS_KM, km_between
from eventcoder.warehouse.merge import (
    MAX_KM,
    MentionRow,
    MergedEvent,
    add_to_index,
    candidates,
    fine,
    fine_places_agree,
)
from eventcoder.warehouse.place_cells import (
    GRID_DEGREES,
    cells_near,
    filed_where,
    filing_cells,
    grid_cell,
    lookup_cells,
)

TOWN = MentionRow(
    mention_id="a" * 16,
    article_id="1" * 16,
    event_type="attack",
    sub_event_type="armed clash",
    event_date=dt.date(2024, 5, 19),
    time_precision=1,
    actor1="Unidentified Armed Group (Nigeria)",
    actor2="Civilians (Nigeria)",
    iso3="NGA",
    location="Konduga",
    admin1="Borno",
    latitude=11.65,
    longitude=13.42,
    geo_precision=1,
    fatalities=3,
    confidence=0.8,
    published_at=dt.date(2024, 5, 19),
    admin2="Konduga LGA",
)


def report(**changes) -> MentionRow:
    """The town's report from another article, with changes."""
    return replace(TOWN, **({"mention_id": "b" * 16, "article_id": "2" * 16} | changes))


def found(event: MentionRow, mention: MentionRow) -> bool:
    """The mention's lookup finds the event of one mention."""
    index: dict = {}
    add_to_index(index, MergedEvent(event.mention_id, [event]), event)
    return [e.event_id for e in candidates(index, mention)] == [event.mention_id]


def point_at(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point km away from (lat, lon) on a bearing (radians)."""
    p, d = math.radians(lat), km / EARTH_RADIUS_KM
    p2 = math.asin(math.sin(p) * math.cos(d) + math.cos(p) * math.sin(d) * math.cos(bearing))
    dl = math.atan2(math.sin(bearing) * math.sin(d) * math.cos(p), math.cos(d) - math.sin(p) * math.sin(p2))
    return math.degrees(p2), (lon + math.degrees(dl) + 180) % 360 - 180


def test_two_towns_8_km_apart_in_different_provinces_are_candidates():
    north = replace(TOWN, location="Kaduna North", admin1="Kaduna", admin2=None, latitude=10.0, longitude=7.4)
    lat, lon = point_at(10.0, 7.4, 8.0, math.radians(200))
    south = report(location="Zaria Road", admin1="Kogi", admin2=None, latitude=lat, longitude=lon)
    assert found(north, south) and found(south, north)


def test_two_towns_far_apart_with_different_names_are_not_candidates():
    far = report(location="Bama", admin2="Bama LGA", latitude=11.52, longitude=13.69)
    assert km_between(TOWN.latitude, TOWN.longitude, far.latitude, far.longitude) > MAX_KM
    assert not found(TOWN, far) and not found(far, TOWN)


def test_one_name_is_one_place_wherever_its_coordinates():
    assert found(TOWN, report(latitude=12.5, longitude=14.5))


def test_a_district_finds_its_towns_and_the_towns_find_it():
    district = report(location="Konduga LGA", admin2="Konduga LGA", geo_precision=3, latitude=None)
    assert found(TOWN, district) and found(district, TOWN)


def test_a_province_finds_its_towns_and_the_towns_find_it():
    province = report(location="Borno", admin1="Borno", admin2=None, geo_precision=3, latitude=11.8)
    assert found(TOWN, province) and found(province, TOWN)
    assert not found(replace(TOWN, admin1="Yobe", admin2=None), province)


def test_a_country_level_report_finds_fine_ones_and_is_found_by_them():
    country = report(location=None, admin1=None, admin2=None, latitude=None, longitude=None, geo_precision=4)
    assert found(TOWN, country) and found(country, TOWN)
    unknown = replace(country, iso3=None)
    assert found(TOWN, unknown) and found(unknown, TOWN)


def test_another_country_is_not_a_candidate():
    assert not found(TOWN, report(iso3="CMR"))
    assert not found(TOWN, report(iso3="CMR", geo_precision=4))


def test_coordinates_no_cell_holds_are_found_by_every_fine_report_and_look_everywhere():
    odd = report(location="Nowhere", admin2=None, latitude=math.nan)
    assert found(odd, TOWN) and found(TOWN, odd)
    polar = report(location="Far", admin2=None, latitude=89.99, longitude=0.0)
    assert found(TOWN, polar) and not found(polar, TOWN)  # near a pole a lookup sees the whole country


def test_every_point_within_max_km_is_in_a_cell_looked_up():
    rng = random.Random(7)
    for _ in range(20000):
        lat = rng.choice([rng.uniform(-80, 80), round(rng.uniform(-80, 80), 1), rng.uniform(60, 88)])
        lon = rng.choice([rng.uniform(-180, 180), round(rng.uniform(-180, 180), 1), rng.uniform(179.9, 180)])
        lat2, lon2 = point_at(lat, lon, rng.uniform(MAX_KM * 0.9, MAX_KM), rng.uniform(0, 2 * math.pi))
        if km_between(lat, lon, lat2, lon2) > MAX_KM:
            continue
        near = cells_near(lat, lon, MAX_KM)
        assert near is None or grid_cell(lat2, lon2) in near, (lat, lon, lat2, lon2)


def test_the_grid_wraps_at_the_date_line_and_a_cell_is_never_narrower_than_max_km_in_latitude():
    assert grid_cell(0.0, 179.99) in cells_near(0.0, -179.99, MAX_KM)
    assert GRID_DEGREES * math.pi / 180 * EARTH_RADIUS_KM >= MAX_KM


def test_a_lookup_finds_every_mention_whose_place_may_agree():
    rng = random.Random(11)
    names, admins = ["A", "B", "C", None], ["P", "Q", "A", None]
    places = [
        report(
            iso3=rng.choice(["NGA", "NGA", "CMR", None]),
            location=rng.choice(names),
            admin1=rng.choice(admins),
            admin2=rng.choice(admins),
            geo_precision=rng.choice([1, 2, 3, 4, None]),
            latitude=rng.choice([None, 10 + rng.uniform(0, 0.3)]),
            longitude=10 + rng.uniform(0, 0.3),
        )
        for _ in range(300)
    ]
    for x in places:
        bucket = [(filing_cells(x), x)]
        for m in places:
            countries = not (x.iso3 and m.iso3 and x.iso3 != m.iso3)
            if countries and not (fine(x) and fine(m) and not fine_places_agree(x, m)):
                assert filed_where(bucket, lookup_cells(m, MAX_KM)) == [x], (x, m)
