"""Place records from gazetteer entries: the `Place` for a chosen entry (precision as `resolve`'s docstring
says), a village the gazetteer lacks named inside a unit, and a name nothing resolved."""

from __future__ import annotations

from dataclasses import replace

from eventcoder.coding.places.candidates import Ref
from eventcoder.coding.places.gazetteer import Gazetteer
from eventcoder.coding.places.keys import ascii_name
from eventcoder.coding.places.phrases import alternatives
from eventcoder.coding.places.records import Place, PlacePhrase
from eventcoder.coding.places.words import ADM1_KINDS, ADM2_KINDS, TOWN_KINDS


def named_within(place: Place, unknown: PlacePhrase, province: bool) -> Place:
    """A village the gazetteer lacks, placed in the district or province written beside it ("X in Y
    district", "near X, Y", "in the area of X, Y") or near the town ("X village in Y township"): the
    location is the village as written, its admin levels and coordinates the unit's or town's (precision
    2; in a province, no district: the seat's is not the village's); in a country alone, the country's
    (precision 4: "the village of X in northern Y"). A
    quarter or site of a town the gazetteer holds is placed at the town, as before, and so is a site
    ("outside the Parliament in Y")."""
    if (
        place.geo_precision not in (2, 4)
        or unknown.kind not in (None, "area", *TOWN_KINDS)
        or (unknown.site and not unknown.kind)
    ):
        return place  # a region is no unit to place a village in
    written = written_name(unknown.text)
    if not written:
        return place
    return replace(place, location=written, admin2=None if province else place.admin2)


def written_name(text: str) -> str | None:
    """A place name as the text writes it (its first alternative, in ASCII), for a place the gazetteer
    lacks."""
    names = alternatives(text)
    return ascii_name(names[0]) if names and names[0] else None


def to_place(g: Gazetteer, ref: Ref, phrase: PlacePhrase, missed: bool) -> Place:
    """Build the Place for a chosen entry (precision per the module docstring)."""
    kind, i = ref
    if kind == "c":
        c = g.countries[i]
        return Place(c.name, None, None, c.name, c.iso3, c.latitude, c.longitude, 4)
    if kind == "r":
        r = g.regions[i]
        c = g.countries[r.country]
        adm1 = g.units[r.adm1s[0]].name if len(r.adm1s) == 1 else None
        return Place(r.name, adm1, None, c.name, c.iso3, r.latitude, r.longitude, 3, province_level=True)
    if kind == "t":
        t = g.town(i)
        inexact = missed and phrase.kind not in TOWN_KINDS
        precision = 2 if inexact or phrase.near or phrase.kind in ADM2_KINDS | ADM1_KINDS else 1
        return town_place(g, t.idx, precision)
    u = g.units[i]
    precision = 2 if (missed or phrase.near or phrase.kind in TOWN_KINDS) else 3
    country = g.countries[u.country]
    if u.level == 2:
        adm1 = g.units[u.adm1].name if u.adm1 is not None else None
        return Place(u.name, adm1, u.name, country.name, country.iso3, u.latitude, u.longitude, precision)
    seat = g.town(u.seat) if u.seat is not None else None
    adm2 = g.units[seat.adm2].name if seat is not None and seat.adm2 is not None else None
    location = seat.name if seat is not None else u.name
    return Place(
        location, u.name, adm2, country.name, country.iso3, u.latitude, u.longitude, precision, precision == 3
    )


def town_place(g: Gazetteer, idx: int, precision: int) -> Place:
    """The Place of a populated place."""
    t = g.town(idx)
    country = g.countries.get(t.country)
    adm1 = g.units[t.adm1].name if t.adm1 is not None else None
    adm2 = g.units[t.adm2].name if t.adm2 is not None else None
    return Place(
        t.name,
        adm1,
        adm2,
        country.name if country else None,
        country.iso3 if country else None,
        t.latitude,
        t.longitude,
        precision,
    )


def unknown_place(g: Gazetteer, phrases: list[PlacePhrase], ctx: list[int]) -> Place:
    """Nothing resolved: the name as written and the article's main country, without coordinates."""
    location = written_name(phrases[0].text) if phrases else None
    country = g.countries[ctx[0]] if ctx else None
    return Place(
        location or None,
        None,
        None,
        country.name if country else None,
        country.iso3 if country else None,
        None,
        None,
        None,
    )
