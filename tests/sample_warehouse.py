"""Warehouses for the view, query and report tests: the real sample one (built once per session) and a tiny
hand-made one (instant)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from eventcoder.warehouse.views import create_views
from schemas.ddl import all_ddl, columns
from schemas.tables import TABLES

SEEDS = Path(__file__).resolve().parents[1] / "raw"


def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five sample articles plus one empty file (quarantined), refreshed by the real flow, with views.

    Built once per test session (needs the `prefect_harness` fixture active) and shared by every module.
    """
    root = tmp_path_factory.getbasetemp() / "sample-warehouse"
    warehouse, ready = root / "events.duckdb", root / "ready"
    if ready.exists():
        return warehouse
    from eventcoder.config import Settings
    from flows.refresh import refresh

    shutil.rmtree(root, ignore_errors=True)
    raw = root / "raw"
    raw.mkdir(parents=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, raw / path.name)
    (raw / "empty.txt").write_bytes(b"")
    refresh(Settings(raw_dir=raw, warehouse=warehouse, workers=1))
    con = duckdb.connect(str(warehouse))
    try:
        create_views(con)
    finally:
        con.close()
    ready.touch()
    return warehouse


DEFAULTS = {"BIGINT": 0, "SMALLINT": 0, "DOUBLE": 0.0, "VARCHAR": "", "BOOLEAN": False}


def complete_row(table: str, row: dict[str, object]) -> dict[str, object]:
    """The row with a neutral value (0, '') for each required column it does not name."""
    missing = {
        c.name: DEFAULTS[c.sql_type]
        for c in columns(TABLES[table])
        if c.name not in row and not c.nullable and c.sql_type in DEFAULTS
    }
    return {**row, **missing}


def insert_row(con: duckdb.DuckDBPyConnection, table: str, row: dict[str, object]) -> None:
    """Insert one row, values bound; required columns it does not name get a neutral value."""
    row = complete_row(table, row)
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


def coded_fields(event_id: str, **fields: object) -> dict[str, object]:
    """The coded fields of an attack in Swat, with fields overriding them."""
    row: dict[str, object] = {
        "event_id": event_id,
        "event_type": "attack",
        "sub_event_type": "armed_assault",
        "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack",
        "cameo_code": "180",
        "plover_type": "ASSAULT",
        "event_date": dt.date(2022, 9, 15),
        "time_precision": 1,
        "actor1": "TTP: Tehreek-i-Taliban Pakistan",
        "actor2": "Civilians (Pakistan)",
        "country": "Pakistan",
        "iso3": "PAK",
        "admin1": "Khyber Pakhtunkhwa",
        "admin2": "Swat",
        "location": "Swat",
        "latitude": 34.78,
        "longitude": 72.36,
        "geo_precision": 1,
        "fatalities": 5,
        "evidence": "Militants attacked a village in Swat, killing five people.",
        "confidence": 0.8,
    }
    row.update(fields)
    return row


def tiny_warehouse(path: Path) -> Path:
    """A warehouse with two articles, three events (one undated and unplaced), one run and one quarantined
    input, with views: enough for fast tests of query and report."""
    con = duckdb.connect(str(path))
    try:
        for statement in all_ddl():
            con.execute(statement)
        run = "r1"
        events = [
            coded_fields("a000000000000001"),
            coded_fields(
                "a000000000000002",
                event_type="protest",
                sub_event_type="protest",
                acled_event_type="Protests",
                acled_sub_event_type="Peaceful protest",
                cameo_code="141",
                plover_type="PROTEST",
                event_date=dt.date(2022, 10, 2),
                actor1="Protesters (Pakistan)",
                actor2=None,
                admin1="Sindh",
                admin2="Karachi",
                location="Karachi",
                latitude=24.86,
                longitude=67.01,
                fatalities=None,
                evidence='Traders protested in Karachi, saying "enough", on 2 October.',
                confidence=0.55,
            ),
            coded_fields(
                "a000000000000003",
                event_type="dialogue",
                sub_event_type="talks",
                acled_event_type="Strategic developments",
                acled_sub_event_type="Other",
                cameo_code="040",
                plover_type="CONSULT",
                event_date=None,
                time_precision=None,
                actor1="Government of Pakistan",
                country=None,
                iso3=None,
                admin1=None,
                admin2=None,
                location=None,
                latitude=None,
                longitude=None,
                geo_precision=None,
                fatalities=None,
                evidence="The government held talks with the TTP.",
                confidence=0.7,
            ),
        ]
        articles = {"b000000000000001": events[:1] + events[2:], "b000000000000002": events[1:2]}
        for article_id, mentions in articles.items():
            insert_row(
                con,
                "articles",
                {
                    "article_id": article_id,
                    "raw_path": f"{article_id}.txt",
                    "title": "A headline",
                    "source": "Dawn" if article_id.endswith("1") else None,
                    "published_at": dt.date(2022, 10, 3),
                    "format": "txt",
                    "text": " ".join(m["evidence"] for m in mentions),
                    "n_chars": 100,
                    "n_mentions": len(mentions),
                    "coder_version": "test",
                    "run_id": run,
                },
            )
            offset = 0
            for m in mentions:
                extra = {
                    "article_id": article_id,
                    "evidence_start": offset,
                    "evidence_end": offset + len(m["evidence"]),
                    "trigger": "attacked",
                    "date_origin": "phrase",
                    "coder_version": "test",
                    "run_id": run,
                }
                insert_row(con, "event_mentions", {**m, **extra})
                offset += len(m["evidence"]) + 1
        for e in events:
            notes = {"sources": "Dawn", "n_mentions": 1, "n_articles": 1, "notes": e["evidence"]}
            insert_row(con, "events", {**e, **notes})
            insert_row(con, "mention_events", {"mention_id": e["event_id"], "event_id": e["event_id"]})
        started = dt.datetime(2022, 10, 4, 8, 0)
        insert_row(
            con,
            "runs",
            {
                "run_id": run,
                "started_at": started,
                "finished_at": started + dt.timedelta(seconds=30),
                "status": "completed",
                "raw_dir": "raw",
                "n_read": 3,
                "n_new": 3,
                "n_skipped": 0,
                "n_coded": 2,
                "n_mentions": 3,
                "n_quarantined": 1,
                "pipeline_version": "0.1.0",
                "coder_version": "test",
                "model_name": "model",
                "model_version": "model-1",
                "data_versions": "{}",
            },
        )
        insert_row(
            con,
            "quarantine",
            {"run_id": run, "raw_path": "empty.txt", "stage": "decode", "reason": "empty file"},
        )
        create_views(con)
    finally:
        con.close()
    return path
