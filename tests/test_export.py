"""`eventcoder export`: filters, formats, the native and ACLED layouts, typed sources, claims, notes, and
releases cut from a filter."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from sample_warehouse import coded_fields, insert_row

from eventcoder.publish.export import (
    EventFilter,
    ExportError,
    export_events,
    open_publish,
    outlets_frame,
    region_rows,
)
from eventcoder.publish.notes import NoteFields, note
from eventcoder.publish.release import make_release, read_manifest, verify_release
from flows.cli import main
from schemas.ddl import all_ddl
from schemas.export import ACLED_COLUMNS, NATIVE_COLUMNS, AcledExportSchema
from schemas.vocab import OUTLET_KINDS, SOURCE_SCALES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

# ACLED's current export header, in its order (issue 20).
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
]  # fmt: skip


def hex_id(text: str) -> str:
    """A 16-hex-digit id of a text."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


AFGHANISTAN = {"country": "Afghanistan", "iso3": "AFG", "admin1": "Kabul", "admin2": "Kabul"}
AFGHANISTAN |= {"location": "Kabul", "latitude": 34.53, "longitude": 69.17}
CLASH = {"event_type": "clash", "sub_event_type": "armed_clash", "acled_event_type": "Battles"}
CLASH |= {"acled_sub_event_type": "Armed clash", "cameo_code": "193", "actor2": "Military Forces of Pakistan"}
CLASH |= {"inter2": 1, "interaction": 12}
IED = {"sub_event_type": "explosion", "acled_event_type": "Explosions/Remote violence"}
IED |= {"acled_sub_event_type": "Remote explosive/landmine/IED", "cameo_code": "183"}

# name → (fields over an attack in Swat on 15 September 2022, outlets, extra text of the article)
EVENTS: dict[str, tuple[dict, str, str]] = {
    "kept": (
        {"event_date": dt.date(2021, 3, 5), "fatalities": 2, "inter1": 2, "inter2": 7, "interaction": 27},
        "Dawn (Pakistan); Voice of Jihad",
        "",
    ),
    "too_early": ({"event_date": dt.date(2020, 12, 31)}, "Dawn", ""),
    "clash": ({**CLASH, "event_date": dt.date(2021, 6, 1)}, "The Express Tribune", ""),
    "afghan": ({**AFGHANISTAN, "event_date": dt.date(2021, 4, 1)}, "Pajhwok Afghan News", ""),
    "undated": ({"event_date": None, "time_precision": None}, "Dawn", ""),
    "claimed": (
        {**IED, "event_date": dt.date(2022, 1, 10), "fatalities": None, "actor1": None, "inter1": None},
        "Voice of Jihad",
        " The TTP claimed responsibility for the blast in a statement.",
    ),
    "unsure": ({"event_date": dt.date(2021, 2, 2), "confidence": 0.3}, "Geo TV; Twitter", ""),
    "unclaimed": (
        {"event_date": dt.date(2021, 7, 7)},
        "Khyber Daily Example",
        " No group has claimed responsibility for the attack so far.",
    ),
}
# kept by --country PAK --from 2021-01-01 --event-type attack
DONE_WHEN = {"kept", "claimed", "unsure", "unclaimed"}
RUN_FINISHED = dt.datetime(2022, 2, 1, 12, 0, 30)


def export_warehouse(path: Path) -> Path:
    """A hand-made warehouse: one article per event of EVENTS, one completed run."""
    con = duckdb.connect(str(path))
    try:
        for statement in all_ddl():
            con.execute(statement)
        for name, (fields, outlets, extra) in EVENTS.items():
            event_id = hex_id(name)
            event = coded_fields(event_id, **fields)
            article_id = hex_id("article " + name)
            text = event["evidence"] + extra
            insert_row(
                con,
                "articles",
                {
                    "article_id": article_id,
                    "raw_path": f"{name}.txt",
                    "source": outlets,
                    "published_at": dt.date(2022, 1, 12),
                    "format": "txt",
                    "text": text,
                    "n_chars": len(text),
                    "n_mentions": 1,
                    "coder_version": "test",
                    "run_id": "r1",
                },
            )
            mention = {"article_id": article_id, "evidence_start": 0, "evidence_end": len(event["evidence"])}
            mention |= {
                "trigger": "attacked",
                "date_origin": "phrase",
                "coder_version": "test",
                "run_id": "r1",
            }
            insert_row(con, "event_mentions", {**event, **mention})
            extras = {"sources": outlets, "n_mentions": 1, "n_articles": 1, "notes": event["evidence"]}
            insert_row(con, "events", {**event, **extras})
            insert_row(con, "mention_events", {"mention_id": event_id, "event_id": event_id})
        run = {"run_id": "r1", "started_at": RUN_FINISHED - dt.timedelta(seconds=30)}
        run |= {"finished_at": RUN_FINISHED, "status": "completed", "raw_dir": "raw"}
        run |= {"pipeline_version": "0.1.0", "coder_version": "test", "model_name": "m", "model_version": "1"}
        run |= {"data_versions": "{}"}
        insert_row(con, "runs", run)
    finally:
        con.close()
    return path


@pytest.fixture
def warehouse(tmp_path) -> Path:
    return export_warehouse(tmp_path / "events.duckdb")


def read_csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def test_the_acled_layout_is_acleds_current_header_in_order():
    assert list(ACLED_COLUMNS) == ACLED_HEADER


def test_done_when_pakistan_attacks_since_2021_in_the_acled_layout(warehouse, tmp_path, capsys):
    out = tmp_path / "pak.csv"
    argv = [
        "export",
        "--country",
        "PAK",
        "--from",
        "2021-01-01",
        "--event-type",
        "attack",
        "--layout",
        "acled",
    ]
    assert main([*argv, "--out", str(out), "--warehouse", str(warehouse)]) == 0
    header, rows = read_csv_rows(out)
    assert header == ACLED_HEADER
    assert {r["event_id_cnty"] for r in rows} == {"PAK" + hex_id(name) for name in DONE_WHEN}
    assert all(r["country"] == "Pakistan" and r["event_date"] >= "2021-01-01" for r in rows)
    assert f"{len(DONE_WHEN)} events" in capsys.readouterr().out


def test_acled_columns_are_derived_as_documented(warehouse, tmp_path):
    out = export_events(warehouse, tmp_path / "all.csv", layout="acled").path
    rows = {r["event_id_cnty"][3:]: r for r in read_csv_rows(out)[1]}
    kept, claimed = rows[hex_id("kept")], rows[hex_id("claimed")]
    assert (kept["disorder_type"], kept["event_type"], kept["sub_event_type"]) == (
        "Political violence",
        "Violence against civilians",
        "Attack",
    )
    assert (kept["iso"], kept["region"], kept["year"], kept["admin3"]) == ("586", "South Asia", "2021", "")
    assert kept["inter1"] == "Rebel group" and kept["inter2"] == "Civilians"
    assert (
        kept["interaction"] == "Rebel group-Civilians" and kept["civilian_targeting"] == "Civilian targeting"
    )
    assert kept["source_scale"] == "National" and kept["fatalities"] == "2" and kept["tags"] == ""
    assert kept["timestamp"] == str(int(RUN_FINISHED.replace(tzinfo=dt.UTC).timestamp()))
    assert (
        kept["notes"]
        == "On 5 March 2021, TTP attacked civilians in Swat, Khyber Pakhtunkhwa, killing two people."
    )
    # no actor1: ACLED's placeholder; no figure: 0 and a tag; a claim and party-only sourcing: tags
    assert (
        claimed["actor1"] == "Unidentified Armed Group (Pakistan)"
        and claimed["inter1"] == "Political militia"
    )
    assert claimed["fatalities"] == "0"
    assert claimed["tags"] == (
        "claimed by TTP; reported only by a party to the conflict; fatalities not stated"
    )
    assert claimed["notes"].startswith(
        "On 10 January 2022, unidentified armed men detonated an explosive device"
    )
    AcledExportSchema.validate(pd.read_csv(out, dtype=str).astype(object).where(lambda d: d.notna(), None))


def test_every_country_filter_spelling_gives_the_same_events(warehouse, tmp_path):
    found = []
    for spelling in (["PAK"], ["pak"], ["Pakistan"], ["PK"]):
        result = export_events(warehouse, tmp_path / "x.csv", EventFilter(countries=tuple(spelling)))
        found.append(result.rows)
    assert found == [len(EVENTS) - 1] * 4
    both = export_events(warehouse, tmp_path / "y.csv", EventFilter(countries=("PAK", "Afghanistan")))
    assert both.rows == len(EVENTS)


def test_date_type_and_confidence_filters(warehouse, tmp_path):
    def ids(**kwargs) -> set[str]:
        out = export_events(warehouse, tmp_path / "f.csv", EventFilter(**kwargs)).path
        return {r["event_id"] for r in read_csv_rows(out)[1]}

    assert ids(date_to=dt.date(2020, 12, 31)) == {hex_id("too_early")}
    assert hex_id("undated") not in ids(date_from=dt.date(1900, 1, 1))
    assert ids(event_types=("clash",)) == ids(event_types=("Battles",)) == {hex_id("clash")}
    assert ids(event_types=("explosion",)) == {hex_id("claimed")}
    assert hex_id("unsure") not in ids(min_confidence=0.5) and len(ids(min_confidence=0.5)) == len(EVENTS) - 1


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_every_format_holds_the_same_rows_and_columns(warehouse, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert (
        main(["export", "--warehouse", str(warehouse), "--out", str(out), "--layout", "acled", "--quiet"])
        == 0
    )
    if fmt == "csv":
        frame = pd.read_csv(out)
    elif fmt == "parquet":
        frame = pd.read_parquet(out)
    else:
        records = json.loads(out.read_text(encoding="utf-8"))
        assert isinstance(records, list) and list(records[0]) == ACLED_HEADER
        frame = pd.DataFrame(records)
    assert list(frame.columns) == ACLED_HEADER and len(frame) == len(EVENTS)


def test_the_native_layout_adds_how_each_event_is_sourced(warehouse, tmp_path):
    out = tmp_path / "native.parquet"
    assert main(["export", "--warehouse", str(warehouse), "--out", str(out), "--format", "parquet"]) == 0
    frame = pd.read_parquet(out).set_index("event_id")
    assert list(frame.reset_index().columns) == list(NATIVE_COLUMNS)
    assert frame.loc[hex_id("claimed"), "claimed_by"] == "TTP"
    assert bool(frame.loc[hex_id("claimed"), "party_sources_only"]) is True
    assert bool(frame.loc[hex_id("kept"), "party_sources_only"]) is False
    assert frame.loc[hex_id("unsure"), "source_scale"] == "National-New media"
    assert pd.isna(frame.loc[hex_id("unclaimed"), "claimed_by"])  # "no group has claimed" is no claim


def test_sources_are_split_and_typed(warehouse):
    con = open_publish(warehouse)
    try:
        rows = con.execute(
            "SELECT outlet, outlet_name, country, scale, kind, typed_by, party_to_conflict FROM sources "
            "WHERE event_id = ? ORDER BY outlet",
            [hex_id("kept")],
        ).fetchall()
        unknown = con.execute("SELECT kind, typed_by FROM sources WHERE event_id = ?", [hex_id("unclaimed")])
        unknown = unknown.fetchone()
    finally:
        con.close()
    assert rows == [
        ("Dawn (Pakistan)", "Dawn", "PAK", "national", "newspaper", "outlets list", False),
        ("Voice of Jihad", "Voice of Jihad", "AFG", "national", "armed group channel", "outlets list", True),
    ]
    assert unknown == (None, None)


def test_bad_options_exit_2_with_a_reason(warehouse, tmp_path, capsys):
    base = ["export", "--warehouse", str(warehouse), "--out", str(tmp_path / "x.csv")]
    assert main([*base, "--country", "Atlantis"]) == 2
    assert "unknown country 'Atlantis'" in capsys.readouterr().err
    assert main([*base, "--event-type", "picnic"]) == 2
    assert "unknown event type 'picnic'" in capsys.readouterr().err
    assert main([*base, "--from", "2021-13-01"]) == 2
    assert main([*base, "--from", "2022-01-01", "--to", "2021-01-01"]) == 2
    assert (
        main(["export", "--warehouse", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "x.csv")]) == 2
    )
    assert not (tmp_path / "x.csv").exists()
    with pytest.raises(ExportError):
        EventFilter(min_confidence=1.5)


def test_a_release_cut_from_a_filter_holds_only_its_events_and_records_the_filter(warehouse, tmp_path):
    kept = EventFilter(countries=("PAK",), date_from=dt.date(2021, 1, 1), event_types=("attack",))
    result = make_release(warehouse, tmp_path / "rel", "pak-attacks", event_filter=kept)
    manifest = read_manifest(result.path)
    assert manifest.filter == {"country": ["PAK"], "from": "2021-01-01", "event_type": ["attack"]}
    events = pd.read_parquet(result.path / "events.parquet")
    assert set(events["event_id"]) == {hex_id(n) for n in DONE_WHEN}
    articles = pd.read_parquet(result.path / "articles.parquet")
    assert len(articles) == len(DONE_WHEN)
    assert set(pd.read_parquet(result.path / "sources.parquet")["event_id"]) <= set(events["event_id"])
    assert list(pd.read_parquet(result.path / "claims.parquet")["claimed_by"]) == ["TTP"]
    page = (result.path / "report.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-country="([^"]*)"', page)  # the report's events table: this release's events
    assert len(rows) == len(events) and set(rows) == {"Pakistan"}
    assert verify_release(result.path) == []
    whole = read_manifest(make_release(warehouse, tmp_path / "rel", "all").path)
    assert whole.filter is None


def test_the_release_command_takes_the_filter_options(warehouse, tmp_path, capsys):
    argv = ["release", "--version", "v1", "--warehouse", str(warehouse), "--out", str(tmp_path / "rel")]
    assert main([*argv, "--country", "Atlantis"]) == 2
    assert "unknown country" in capsys.readouterr().err
    assert not (tmp_path / "rel" / "v1").exists()


def test_notes_read_like_acled_notes():
    fields = NoteFields(
        event_date=dt.date(2021, 5, 3),
        time_precision=1,
        disorder_type="Political violence",
        event_type="attack",
        sub_event_type="armed_assault",
        acled_sub_event_type="Attack",
        actor1=None,
        actor2="Police Forces of Pakistan (2018-)",
        location="Bannu",
        admin1="Khyber Pakhtunkhwa",
        country="Pakistan",
        fatalities=2,
    )
    assert note(fields) == (
        "On 3 May 2021, unidentified armed men attacked Police Forces of Pakistan in Bannu, "
        "Khyber Pakhtunkhwa, killing two people."
    )
    month = NoteFields(**{**fields.__dict__, "time_precision": 3, "fatalities": None, "location": None})
    assert (
        note(month)
        == "In May 2021, unidentified armed men attacked Police Forces of Pakistan in Khyber Pakhtunkhwa."
    )
    talks = NoteFields(
        **{**fields.__dict__, "event_type": "dialogue", "sub_event_type": "talks", "actor1": "TTP: Tehreek"}
    )
    assert note(talks).startswith("On 3 May 2021, TTP held talks with Police Forces of Pakistan")


def test_the_outlets_list_and_regions_are_valid():
    outlets = outlets_frame()
    assert set(outlets["kind"]) <= set(OUTLET_KINDS) and set(outlets["scale"]) <= set(SOURCE_SCALES)
    assert len(outlets) >= 100
    iso3s = [iso3 for iso3, _ in region_rows()]
    assert len(iso3s) == len(set(iso3s)) and {"PAK", "AFG", "UKR", "MEX"} <= set(iso3s)


def test_the_readme_documents_export_and_every_derived_acled_column():
    assert "eventcoder export" in README
    for option in ("--country", "--from", "--to", "--event-type", "--min-confidence", "--format", "--layout"):
        assert option in README
    for column in ACLED_HEADER:
        assert f"`{column}`" in README, column


@pytest.mark.slow
def test_the_release_flow_cuts_a_filtered_release_from_the_cli(prefect_harness, warehouse, tmp_path, capsys):
    out = tmp_path / "rel"
    argv = ["release", "--version", "2026.1-pak", "--warehouse", str(warehouse), "--out", str(out)]
    argv += ["--country", "PAK", "--from", "2021-01-01", "--event-type", "attack"]
    assert main(argv) == 0
    assert "release 2026.1-pak written" in capsys.readouterr().out
    manifest = read_manifest(out / "2026.1-pak")
    assert manifest.filter == {"country": ["PAK"], "from": "2021-01-01", "event_type": ["attack"]}
    assert {f.name: f.rows for f in manifest.files}["events.csv"] == len(DONE_WHEN)
    assert main(["verify", str(out / "2026.1-pak")]) == 0
