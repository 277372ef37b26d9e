"""`eventcoder query`: read-only SQL with the views, printed as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from sample_warehouse import sample_warehouse, tiny_warehouse

from eventcoder.publish.query import (
    QueryResult,
    ReadOnlyError,
    format_csv,
    format_json,
    format_table,
    query_warehouse,
)
from flows.cli import main

EVENTS_SQL = "SELECT event_id, event_type, event_date, fatalities, evidence FROM events ORDER BY event_id"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    """A small hand-made warehouse (with views)."""
    return tiny_warehouse(tmp_path_factory.mktemp("query") / "tiny.duckdb")


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one `eventcoder` command."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_table_format_aligns_columns_and_shows_nulls(tiny, capsys):
    status, out, _ = run_cli(capsys, "query", EVENTS_SQL, "--warehouse", str(tiny))
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split(" | ")[0].strip() == "event_id" and set(lines[1]) <= {"-", "+"}
    assert "2022-09-15" in lines[2] and lines[2].split(" | ")[3].strip() == "5"
    assert "NULL" in lines[4] and lines[-1] == "(3 rows)"
    assert len({line.index(" | ") for line in lines[:1] + lines[2:-1]}) == 1


def test_long_cells_are_shortened_in_a_table_only():
    result = QueryResult(["text"], [("word " * 40,)])
    assert format_table(result, max_cell_chars=20).splitlines()[2].endswith("…")
    assert "word " * 39 in format_csv(result)


def test_csv_format_round_trips(tiny, capsys):
    status, out, _ = run_cli(capsys, "query", EVENTS_SQL, "--warehouse", str(tiny), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 3
    assert rows[0]["event_date"] == "2022-09-15" and rows[0]["fatalities"] == "5"
    assert rows[1]["evidence"].count('"') == 2 and rows[2]["event_date"] == ""


def test_json_format_gives_one_object_per_row(tiny, capsys):
    status, out, _ = run_cli(capsys, "query", EVENTS_SQL, "--warehouse", str(tiny), "--format", "json")
    rows = json.loads(out)
    assert status == 0 and [r["event_type"] for r in rows] == ["attack", "protest", "dialogue"]
    assert rows[0]["event_date"] == "2022-09-15" and rows[2]["event_date"] is None
    assert rows[0]["fatalities"] == 5


def test_views_are_available(tiny):
    result = query_warehouse(tiny, "SELECT outlet FROM event_sources ORDER BY mention_id")
    assert result.rows == [("Dawn",), (None,), ("Dawn",)]
    result = query_warehouse(tiny, "SELECT articles_kept FROM coding_quality")
    assert result.rows == [(2,)]


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM events",
        "INSERT INTO runs SELECT * FROM runs",
        "UPDATE events SET fatalities = 0",
        "DROP TABLE events",
        "CREATE TABLE copy AS SELECT * FROM events",
        "COPY events TO 'events.csv'",
        "ATTACH ':memory:' AS other",
    ],
)
def test_write_statements_are_refused_and_change_nothing(tiny, sql):
    with pytest.raises(ReadOnlyError, match="read-only"):
        query_warehouse(tiny, sql)
    con = duckdb.connect(str(tiny), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (3,)
    con.close()


def test_a_write_hidden_in_explain_analyze_fails_on_the_read_only_connection(tiny):
    with pytest.raises(ReadOnlyError, match="read-only"):
        query_warehouse(tiny, "EXPLAIN ANALYZE DELETE FROM events")


def test_the_cli_explains_a_refused_or_broken_statement(tiny, tmp_path, capsys):
    status, out, err = run_cli(capsys, "query", "DELETE FROM events", "--warehouse", str(tiny))
    assert status == 2 and out == "" and "DELETE statements are refused" in err
    status, _, err = run_cli(capsys, "query", "SELECT 1; SELECT 2", "--warehouse", str(tiny))
    assert status == 2 and "exactly one SQL statement" in err
    status, _, err = run_cli(capsys, "query", "SELECT * FROM nowhere", "--warehouse", str(tiny))
    assert status == 2 and "nowhere" in err
    status, _, err = run_cli(capsys, "query", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert status == 2 and "no warehouse" in err


def test_sql_can_come_from_stdin(tiny, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT count(*) AS n FROM events;\n"))
    status, out, _ = run_cli(capsys, "query", "-", "--warehouse", str(tiny), "--format", "csv")
    assert status == 0 and out == "n\n3\n"


def test_format_json_handles_every_duckdb_type():
    con = duckdb.connect()
    cursor = con.execute(
        "SELECT DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05' AS t, 1.5::DECIMAL(4, 2) AS x, "
        "[1, 2] AS l, {'a': 1} AS s, INTERVAL 3 DAY AS i, NULL AS n"
    )
    result = QueryResult([c[0] for c in cursor.description], cursor.fetchall())
    row = json.loads(format_json(result))[0]
    assert row["d"] == "2024-01-02" and row["t"] == "2024-01-02T03:04:05" and row["x"] == 1.5
    assert row["l"] == [1, 2] and row["s"] == {"a": 1} and row["n"] is None
    assert "3 days" in row["i"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_on_the_sample_warehouse(prefect_harness, tmp_path_factory, capsys, fmt):
    warehouse = sample_warehouse(tmp_path_factory)
    sql = "SELECT * FROM event_sources ORDER BY event_date, mention_id"
    status, out, err = run_cli(capsys, "query", sql, "--warehouse", str(warehouse), "--format", fmt)
    assert status == 0 and err == ""
    assert "Swat" in out and "Tehreek-i-Taliban Pakistan" in out
