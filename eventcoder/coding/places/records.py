"""The records of place resolution: gazetteer entries (`Country`, `Unit`, `Town`, `Region`), the place
phrases read from text (`PlacePhrase`) and the ACLED-style location they resolve to (`Place`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    """A country: display name, ISO codes, the coordinates of its capital and its total town population."""

    idx: int
    name: str
    iso2: str
    iso3: str
    latitude: float | None
    longitude: float | None
    population: int


@dataclass(frozen=True, slots=True)
class Unit:
    """An ADM1 or ADM2 unit with its parent ADM1 (None for an ADM1), seat coordinates and total population."""

    idx: int
    name: str
    level: int
    country: int
    adm1: int | None
    latitude: float | None
    longitude: float | None
    population: int
    seat: int | None


@dataclass(frozen=True, slots=True)
class Town:
    """A populated place with its ADM1/ADM2 (None when GeoNames has none), population and coordinates."""

    idx: int
    name: str
    country: int
    adm1: int | None
    adm2: int | None
    population: int
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Region:
    """A named region made of whole ADM1s that is no unit of its own ("Mindanao", "Darfur"), at the mean of
    its ADM1s' coordinates."""

    idx: int
    name: str
    country: int
    adm1s: tuple[int, ...]
    latitude: float | None
    longitude: float | None
    population: int


@dataclass(frozen=True)
class PlacePhrase:
    """A place named in the text: feature word, enclosing places (most specific first), near flag."""

    text: str
    kind: str | None = None
    qualifiers: tuple[str, ...] = ()
    near: bool = False
    site: bool = False  # written after "outside", "in front of": a building or site, not a village


@dataclass(frozen=True)
class Place:
    """An ACLED-style location: plain-ASCII names, WGS84 coordinates, geo_precision 1-4 (None if unplaced)."""

    location: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    iso3: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    province_level: bool = False  # an ADM1 or region alone: its admin2 is only its seat's
