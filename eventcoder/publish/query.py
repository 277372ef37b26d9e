"""Read-only SQL against the warehouse, printed as a table, CSV or JSON (the core of `eventcoder query`)."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

FORMATS = ("table", "csv", "json")
READ_STATEMENTS = {
    duckdb.StatementType.SELECT,
    duckdb.StatementType.EXPLAIN,
    duckdb.StatementType.PRAGMA,
    duckdb.StatementType.CALL,
}
MAX_CELL_CHARS = 80


class ReadOnlyError(ValueError):
    """The SQL would change something: `eventcoder query` only reads."""


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of one query."""

    columns: list[str]
    rows: list[tuple]


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The one statement of sql, or ReadOnlyError / ValueError if it writes or is not exactly one."""
    statements = con.extract_statements(sql)
    if len(statements) != 1:
        raise ValueError(f"give exactly one SQL statement (got {len(statements)})")
    kind = statements[0].type
    if kind not in READ_STATEMENTS:
        raise ReadOnlyError(
            f"{kind.name} statements are refused: eventcoder query opens the warehouse read-only "
            "(SELECT, EXPLAIN, PRAGMA and CALL only); `eventcoder refresh` is what changes it"
        )
    return statements[0].query


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> QueryResult:
    """Run one read-only statement and fetch its result."""
    statement = check_read_only(con, sql)
    try:
        cursor = con.execute(statement)
    except duckdb.InvalidInputException as exc:
        if "read-only" in str(exc):
            raise ReadOnlyError(f"the warehouse is opened read-only: {exc}") from exc
        raise
    if cursor.description is None:
        return QueryResult([], [])
    return QueryResult([d[0] for d in cursor.description], cursor.fetchall())


def query_warehouse(warehouse: Path, sql: str) -> QueryResult:
    """Open the warehouse read-only (views, sources, claims and event_sourcing included), run one statement,
    close."""
    from eventcoder.publish.export import open_publish

    con = open_publish(warehouse)
    try:
        return run_query(con, sql)
    finally:
        con.close()


def plain_value(value: object) -> object:
    """A JSON-friendly version of a DuckDB value (dates as ISO text, decimals as numbers)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    return value


def cell_text(value: object) -> str:
    """How a value reads in a table or CSV cell (NULL as empty)."""
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def shorten(text: str, width: int) -> str:
    """Text cut to width characters, with an ellipsis when cut, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def is_numeric_column(values: list[object]) -> bool:
    """True when every non-null value is a number and there is at least one."""
    present = [v for v in values if v is not None]
    return bool(present) and all(
        isinstance(v, int | float | decimal.Decimal) and not isinstance(v, bool) for v in present
    )


def format_table(result: QueryResult, max_cell_chars: int = MAX_CELL_CHARS) -> str:
    """A plain-text table: header, rule, rows (numbers right-aligned, NULL shown as NULL), row count."""
    if not result.columns:
        return "(statement returned no result)\n"
    numeric = [is_numeric_column([row[i] for row in result.rows]) for i in range(len(result.columns))]
    cells = [
        [shorten(cell_text(v), max_cell_chars) if v is not None else "NULL" for v in row]
        for row in result.rows
    ]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(result.columns)]

    def line(values: list[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)]
        return " | ".join(parts).rstrip()

    lines = [line(list(result.columns)), "-+-".join("-" * w for w in widths)]
    lines += [line(row) for row in cells]
    count = len(result.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_csv(result: QueryResult) -> str:
    """CSV with a header row (NULL as an empty field)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([cell_text(v) for v in row] for row in result.rows)
    return out.getvalue()


def format_json(result: QueryResult) -> str:
    """A JSON array with one object per row (NULL as null, dates as ISO text)."""
    records = [
        {col: plain_value(v) for col, v in zip(result.columns, row, strict=True)} for row in result.rows
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def format_result(result: QueryResult, fmt: str) -> str:
    """The result in one of FORMATS."""
    formatters = {"table": format_table, "csv": format_csv, "json": format_json}
    if fmt not in formatters:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return formatters[fmt](result)
