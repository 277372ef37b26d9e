"""Run one read-only SQL statement against the warehouse and print the result as a table, CSV or JSON.
The warehouse is opened read-only, with the analysis views (events_by_month, actor_dyads, events_by_admin1,
event_sources, coding_quality) available; a statement that would write is refused. Give "-" to read the
SQL from standard input. docs/queries.sql has a cookbook of queries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.config import Settings

NAME = "query"
HELP = "run read-only SQL against the warehouse (views included); print a table, CSV or JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder query`."""
    defaults = Settings().with_env()
    parser.add_argument("sql", help='one SQL statement, e.g. "SELECT * FROM events_by_month", or - for stdin')
    parser.add_argument(
        "--warehouse", type=Path, default=defaults.warehouse, help="DuckDB file (default: %(default)s)"
    )
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: %(default)s)",
    )


def run(args: argparse.Namespace) -> int:
    """Run the statement and print its result; a refused or failing statement exits 2 with the reason."""
    import duckdb

    from eventcoder.publish.query import format_result, query_warehouse
    from eventcoder.warehouse.views import WarehouseMissingError

    sql = sys.stdin.read() if args.sql == "-" else args.sql
    try:
        result = query_warehouse(args.warehouse, sql)
    except (ValueError, WarehouseMissingError, duckdb.Error) as exc:
        print(f"eventcoder query: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(format_result(result, args.format))
    return 0
