"""Typed look-ups in the place index (`index_build`): candidates for a name, admin units by name.

The index is a read-only SQLite file queried per look-up (standard library only: no DuckDB in the coding
core), so a process holds a few MB of page cache instead of the gazetteer's arrays. `place_index()` opens it
once per process and builds it first when it is missing (under a file lock, so parallel workers build once).

    idx = place_index()
    idx.candidates("Fier")                          # every populated place with that name or alternate name
    idx.candidates("Fier", iso3="ALB", admin1="Fier")  # restricted to a country and an ADM1 (name or code)
    idx.units("ALB", "Fier", level=1)               # ADM1/ADM2 units of a country by name

Names are matched by the exact key of `keys` (`compact`: ASCII-folded, lower case, letters and digits; also
without a leading Arabic article). No ranking happens here: candidates come most populous first, and the
resolver ranks them with the article's context.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from eventcoder.coding.places.keys import fold_words, name_keys, strip_generic


@dataclass(frozen=True, slots=True)
class IndexedUnit:
    """An ADM1 or ADM2 unit: GeoNames admin code ("AF.24.1402"), its ADM1 (itself for an ADM1), its seat."""

    id: int
    code: str
    level: int
    name: str
    ascii_name: str
    iso2: str
    iso3: str
    adm1_id: int | None
    adm1_name: str | None
    population: int
    seat_id: int | None
    latitude: float | None  # the seat's coordinates (None when the unit has no place)
    longitude: float | None


@dataclass(frozen=True, slots=True)
class IndexedPlace:
    """A populated place with its country, ADM1/ADM2 (names and GeoNames codes), population, coordinates."""

    id: int  # GeoNames id
    name: str
    ascii_name: str
    matched: str  # the name (own or alternate) the query matched
    feature_code: str | None
    iso2: str
    iso3: str
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    admin2_code: str | None
    population: int
    latitude: float
    longitude: float


_PLACE_SQL = """
SELECT p.id, p.name, p.ascii_name, n.name, p.feature_code, p.iso2, c.iso3, a1.ascii_name, a1.code,
       a2.ascii_name, a2.code, p.population, p.lat, p.lon
FROM names n JOIN places p ON p.id = n.place JOIN countries c ON c.iso2 = p.iso2
LEFT JOIN units a1 ON a1.id = p.adm1 LEFT JOIN units a2 ON a2.id = p.adm2
WHERE n.key IN ({keys})
"""
_UNIT_SQL = """
SELECT u.id, u.code, u.level, u.name, u.ascii_name, u.iso2, c.iso3,
       CASE WHEN u.level = 1 THEN u.id ELSE a1.id END,
       CASE WHEN u.level = 1 THEN u.ascii_name ELSE a1.ascii_name END,
       u.population, u.seat, s.lat, s.lon
FROM unit_names k JOIN units u ON u.id = k.unit JOIN countries c ON c.iso2 = u.iso2
LEFT JOIN units a1 ON a1.id = u.parent LEFT JOIN places s ON s.id = u.seat
WHERE k.key IN ({keys})
"""


def query_keys(name: str, *, unit: bool = False) -> list[str]:
    """The exact keys a name is looked up by (a unit's also without its generic word: "Zhob District")."""
    words = fold_words(name)
    keys = name_keys(words)
    if unit:
        keys += name_keys(strip_generic(words))
    return list(dict.fromkeys(k for k in keys if k))


class PlaceIndex:
    """Read-only queries on one index file; safe to share between threads (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise FileNotFoundError(f"no place index at {path}")
        self.path = path
        self._local = threading.local()
        self._iso3_to_2 = dict(self._db().execute("SELECT iso3, iso2 FROM countries"))
        self.candidates = functools.lru_cache(maxsize=8192)(self._candidates)  # type: ignore[method-assign]

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def meta(self) -> dict[str, str]:
        """Schema version, source package versions and table counts the file was built with."""
        return dict(self._db().execute("SELECT key, value FROM meta"))

    def _country_filter(self, iso3: str | None, alias: str) -> tuple[str, list[str]]:
        if iso3 is None:
            return "", []
        return f" AND {alias}.iso2 = ?", [self._iso3_to_2.get(iso3.upper(), "")]

    def _candidates(
        self, name: str, iso3: str | None = None, admin1: str | None = None
    ) -> tuple[IndexedPlace, ...]:
        """Populated places with this name or alternate name, most populous first; optionally only those in
        a country (ISO3) and an ADM1 (its name, any alias, or its GeoNames code such as "AF.24")."""
        keys = query_keys(name)
        if not keys:
            return ()
        sql = _PLACE_SQL.format(keys=",".join("?" * len(keys)))
        where, params = self._country_filter(iso3, "p")
        if admin1 is not None:
            adm1_ids = [u.id for u in self.units(iso3, admin1, level=1)] if iso3 else []
            adm1_ids += [i for (i,) in self._db().execute("SELECT id FROM units WHERE code = ?", (admin1,))]
            if not adm1_ids:
                return ()
            where += f" AND p.adm1 IN ({','.join('?' * len(adm1_ids))})"
            params += adm1_ids
        rows = self._db().execute(sql + where + " ORDER BY p.population DESC, p.id", [*keys, *params])
        seen: dict[int, IndexedPlace] = {}
        for row in rows:
            if row[0] not in seen:
                seen[row[0]] = IndexedPlace(*row)
        return tuple(seen.values())

    def units(self, iso3: str | None, name: str, level: int | None = None) -> tuple[IndexedUnit, ...]:
        """ADM1/ADM2 units (of a country by ISO3, of any with None) with this name or alias, ADM1s first."""
        keys = query_keys(name, unit=True)
        if not keys:
            return ()
        sql = _UNIT_SQL.format(keys=",".join("?" * len(keys)))
        where, params = self._country_filter(iso3, "u")
        if level is not None:
            where += " AND u.level = ?"
            params.append(level)
        rows = self._db().execute(
            sql + where + " ORDER BY u.level, u.population DESC, u.id", [*keys, *params]
        )
        seen: dict[int, IndexedUnit] = {}
        for row in rows:
            seen.setdefault(row[0], IndexedUnit(*row))
        return tuple(seen.values())

    def place(self, place_id: int) -> IndexedPlace | None:
        """One place by GeoNames id (matched = its own name)."""
        row = self._db().execute("SELECT key FROM names WHERE place = ? LIMIT 1", (place_id,)).fetchone()
        if row is None:
            return None
        return next((p for p in self._candidates_by_key(row[0]) if p.id == place_id), None)

    def _candidates_by_key(self, key: str) -> list[IndexedPlace]:
        sql = _PLACE_SQL.format(keys="?")
        return [IndexedPlace(*r) for r in self._db().execute(sql, (key,))]


def ensure_index(path: Path | None = None) -> Path:
    """The index file, built first (once, under a lock) when it is missing."""
    # imported here, not above: `python -m eventcoder.coding.places.index_build` (make setup) imports this
    # package first, and a module-level import would load index_build twice (runpy's RuntimeWarning)
    from eventcoder.coding.places.index_build import build_index, default_index_path

    path = path or default_index_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path) + ".lock"):
            if not path.exists():
                build_index(path)
    return path


@functools.cache
def place_index() -> PlaceIndex:
    """The process's place index (built on first use if `make setup` has not built it)."""
    return PlaceIndex(ensure_index())
