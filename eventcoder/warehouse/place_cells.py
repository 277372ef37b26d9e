"""Where the merge's candidate index files a mention's place, so that a lookup finds only the events
whose places may agree with the mention's (merge.py: `hard_conflict` sets apart two fine places
that `fine_places_agree` does not join, and two countries).

A mention is filed under cells of its country, and under the mark of its country (EVERY):

- a fine mention (placed more precisely than its country) under its location's name, its province
  and district (`adm`), its location as a province or district (`reg`, precision 3) and, for a town
  with coordinates, the cell of a grid of GRID_DEGREES (UNPLACED when it has none of these);
- a country-level mention, or one whose coordinates no grid cell holds, under ANY.

A fine mention looks in its country at ANY, its name, its province and district as `reg` (the
province-level places that contain it), its location as `adm` (the places a province-level place
contains) and, for a town, every grid cell within `km`; and at the ANY of mentions without a
country. A mention that is not fine looks at the mark of its country and of no country (everywhere,
when it has none). Two places that `fine_places_agree` joins always share a cell, so a lookup finds
every event a mention can join; a bucket keeps its filing order, so that the events found come in
the order the whole bucket lists them.
"""

from __future__ import annotations

import math
from typing import Protocol, TypeVar

from eventcoder.coding.geo import EARTH_RADIUS_KM

GRID_DEGREES = 0.1  # a grid cell's side: 11 km of latitude
COLUMNS = round(360 / GRID_DEGREES)
MARGIN = 1.001  # neighbours are looked up a little beyond `km`: rounding never loses one
ANY = ("any",)
UNPLACED = ("unplaced",)  # a fine place that no other fine place agrees with: seen by country-level lookups
EVERY = "every cell of"  # (EVERY, country) is filed with every mention of the country (None: no country)

Cell = tuple  # a place cell of a country: ("name", location), ("grid", row, column), ANY, ...
Place = frozenset[tuple]  # where a mention is filed: (country, *cell) for each cell, and (EVERY, country)
Lookup = frozenset[tuple] | None  # where a lookup looks, as filed (None: everywhere)
E = TypeVar("E")


class Placed(Protocol):
    """The fields of a mention that say where it is."""

    @property
    def iso3(self) -> str | None: ...
    @property
    def location(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def admin2(self) -> str | None: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...
    @property
    def geo_precision(self) -> int | None: ...


def fine(m: Placed) -> bool:
    """Placed more precisely than its country."""
    return bool(m.iso3) and (m.geo_precision or 4) < 4


def is_town(m: Placed) -> bool:
    """A place whose distance to another town decides whether they are one (`fine_places_agree`)."""
    return (m.geo_precision or 4) <= 2 and m.latitude is not None


def grid_cell(lat: float, lon: float) -> Cell | None:
    """The grid cell of a point (None: no point of the earth, or unknown)."""
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90:
        return None
    return ("grid", math.floor(lat / GRID_DEGREES), math.floor(east(lon) / GRID_DEGREES) % COLUMNS)


def east(lon: float) -> float:
    """A longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def cells_near(lat: float, lon: float, km: float) -> list[Cell] | None:
    """The grid cells of every point within `km` of a point (None: too near a pole, or no point): its
    latitude within km / R radians, and its longitude within the widest difference a distance of km
    allows between two latitudes that far from the equator (hav d = hav dlat + cos a cos b hav dlon)."""
    if grid_cell(lat, lon) is None:
        return None
    reach = km * MARGIN / EARTH_RADIUS_KM
    farthest = abs(math.radians(lat)) + reach
    if farthest >= math.pi / 2:
        return None
    ratio = math.sin(reach / 2) ** 2 / (math.cos(math.radians(lat)) * math.cos(farthest))
    if ratio >= 1:
        return None
    dlat, dlon, lon = math.degrees(reach), math.degrees(2 * math.asin(math.sqrt(ratio))), east(lon)
    rows = range(math.floor((lat - dlat) / GRID_DEGREES), math.floor((lat + dlat) / GRID_DEGREES) + 1)
    cols = range(math.floor((lon - dlon) / GRID_DEGREES), math.floor((lon + dlon) / GRID_DEGREES) + 1)
    if len(cols) >= COLUMNS:
        return None
    return [("grid", row, col % COLUMNS) for row in rows for col in cols]


def filing_cells(m: Placed) -> Place:
    """Where a mention is filed: cells of its country, and the mark of its country (`EVERY`)."""
    country = m.iso3 or None
    return frozenset(((EVERY, country), *((country, *cell) for cell in own_cells(m))))


def own_cells(m: Placed) -> tuple[Cell, ...]:
    """The cells of its country a mention is filed under."""
    if not fine(m):
        return (ANY,)
    grid = grid_cell(m.latitude, m.longitude) if is_town(m) and m.longitude is not None else None
    if is_town(m) and grid is None:
        return (ANY,)  # coordinates no cell holds: found by every lookup of the country
    cells = [("name", m.location)] if m.location else []
    cells += [("adm", a) for a in dict.fromkeys((m.admin1, m.admin2)) if a]
    if (m.geo_precision or 4) == 3 and m.location:
        cells.append(("reg", m.location))
    return (*cells, *([grid] if grid else [])) or (UNPLACED,)


def lookup_cells(m: Placed, km: float) -> Lookup:
    """Where an event whose places may agree with a mention's is filed (None: anywhere)."""
    country = m.iso3 or None
    cells = cells_looked_at(m, km)
    if cells is None:
        return None if country is None else frozenset(((EVERY, country), (EVERY, None)))
    return frozenset(((None, *ANY), *((country, *cell) for cell in cells)))


def cells_looked_at(m: Placed, km: float) -> set[Cell] | None:
    """The cells of its country where a mention looks (None: every cell)."""
    if not fine(m):
        return None
    cells = {ANY}
    if is_town(m):
        near = cells_near(m.latitude, m.longitude, km) if m.longitude is not None else None
        if near is None:
            return None
        cells.update(near)
    if m.location:
        cells.add(("name", m.location))
        if (m.geo_precision or 4) == 3:
            cells.add(("adm", m.location))
    cells.update(("reg", a) for a in (m.admin1, m.admin2) if a)
    return cells


def filed_where(bucket: list[tuple[Place, E]], lookup: Lookup) -> list[E]:
    """The events of a bucket (in filing order, repeats kept) filed where a lookup looks (`lookup_cells`)."""
    if lookup is None:
        return [event for _, event in bucket]
    return [event for place, event in bucket if not lookup.isdisjoint(place)]
