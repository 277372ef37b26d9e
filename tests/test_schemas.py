"""Schemas are the single source of truth: DDL, vocabularies and the crosswalk agree with them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from eventcoder.coding.crosswalk import load_crosswalk
from eventcoder.warehouse.store import ensure_schema
from schemas.ddl import all_ddl, column_names, columns
from schemas.tables import TABLES
from schemas.vocab import ACLED_TYPES, EVENT_TYPES, PLOVER_TYPES

PROJECT = Path(__file__).resolve().parents[1]


def test_ddl_builds_every_table_with_the_schema_columns():
    con = duckdb.connect()
    ensure_schema(con)
    for table in TABLES:
        described = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        assert described == column_names(table)
    assert len(all_ddl()) == len(TABLES)


def test_contract_columns_exist():
    required = {
        "articles": {"article_id", "raw_path", "title", "source", "url", "published_at"},
        "event_mentions": {
            "event_id",
            "article_id",
            "event_type",
            "sub_event_type",
            "event_date",
            "time_precision",
            "actor1",
            "actor2",
            "country",
            "iso3",
            "admin1",
            "admin2",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "fatalities",
            "evidence",
        },
        "events": {"event_id", "event_type", "event_date", "fatalities"},
    }
    for table, cols in required.items():
        assert cols <= set(column_names(table)), table


def test_every_column_is_documented():
    for table, model in TABLES.items():
        for col in columns(model):
            assert col.description, f"{table}.{col.name} has no description"


def test_crosswalk_rows_use_allowed_values():
    acled_subs = {s for subs in ACLED_TYPES.values() for s in subs}
    for (etype, sub, _), row in load_crosswalk().items():
        assert sub in EVENT_TYPES[etype]
        assert row.acled_sub_event_type in ACLED_TYPES[row.acled_event_type]
        assert row.acled_sub_event_type in acled_subs
        assert row.plover_type in PLOVER_TYPES
        assert row.cameo_code.isdigit()


def test_every_sub_event_type_has_a_crosswalk_row():
    covered = {(etype, sub) for etype, sub, _ in load_crosswalk()}
    assert covered == {(etype, sub) for etype, subs in EVENT_TYPES.items() for sub in subs}


def test_a_run_start_loads_what_the_first_validation_of_a_run_would():
    """`load_run_start` (run while Prefect starts) leaves nothing for a run's first validations to import
    (a fresh process: pandera loads its backends and typing modules on first use)."""
    code = (
        "import sys\n"
        "import pandas as pd\n"
        "from flows.commands.refresh_command import load_run_start\n"
        "from eventcoder.warehouse.validation import validate_frame\n"
        "from schemas.tables import EventSchema, MentionSchema\n"
        "load_run_start()\n"
        "before = set(sys.modules)\n"
        "validate_frame(pd.DataFrame({'event_id': ['e1']}), MentionSchema)\n"
        "validate_frame(pd.DataFrame({'event_id': ['e1']}), EventSchema)\n"
        "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in WARMED))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", "WARMED = ('pandera', 'dask', 'hypothesis')\n" + code],
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
