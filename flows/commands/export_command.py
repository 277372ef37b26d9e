"""Write the events you ask for to one file: filter by country (name or ISO3, repeatable), date range,
event type (ours, e.g. attack, or ACLED's, e.g. "Battles") and minimum confidence; write CSV, Parquet or
JSON, in this project's columns (native: the events table plus how each event is sourced) or in the
columns and order of ACLED's current exports (acled), which scripts written for ACLED data read. The
warehouse is opened read-only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.config import Settings

NAME = "export"
HELP = "write filtered events to CSV, Parquet or JSON, in native or ACLED columns"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder export`."""
    add_filter_arguments(parser)
    parser.add_argument(
        "--format",
        choices=("csv", "parquet", "json"),
        default=None,
        help="file format (default: from the extension of --out, else csv)",
    )
    parser.add_argument(
        "--layout",
        choices=("native", "acled"),
        default="native",
        help="native: this project's columns; acled: ACLED's export columns and order (default: %(default)s)",
    )
    parser.add_argument("--out", type=Path, required=True, help="file to write (replaced if it exists)")
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=Settings().with_env().warehouse,
        help="DuckDB file, opened read-only (default: %(default)s)",
    )
    parser.add_argument("--quiet", action="store_true", help="no summary")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The event filter options (shared with `eventcoder release`)."""
    parser.add_argument(
        "--country",
        action="append",
        metavar="NAME|ISO3",
        help="keep events in this country (repeat for several): Pakistan, PAK",
    )
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="keep events on or after")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="keep events on or before")
    parser.add_argument(
        "--event-type",
        action="append",
        metavar="TYPE",
        help="keep events of this type (repeatable): ours (attack, clash, protest...), a sub-type, or "
        'ACLED\'s ("Battles", "Peaceful protest")',
    )
    parser.add_argument(
        "--min-confidence", type=float, metavar="X", help="keep events whose confidence is at least X (0-1)"
    )


def event_filter(args: argparse.Namespace) -> object:
    """The EventFilter of the parsed options (ExportError when one is invalid)."""
    from eventcoder.publish.export import filter_from_options

    return filter_from_options(
        args.country, args.date_from, args.date_to, args.event_type, args.min_confidence
    )


def run(args: argparse.Namespace) -> int:
    """Export, then say how many events went where; a bad option or missing warehouse exits 2."""
    from eventcoder.publish.export import ExportError, export_events
    from eventcoder.warehouse.views import WarehouseMissingError

    try:
        result = export_events(args.warehouse, args.out, event_filter(args), args.layout, args.format)
    except (ExportError, WarehouseMissingError) as exc:
        print(f"eventcoder export: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        kept = ", ".join(f"{k}={v}" for k, v in result.filter.items()) or "no filter"
        print(
            f"{result.rows} events ({kept}) written to {result.path} "
            f"({result.layout} layout, {result.format}, {len(result.columns)} columns)"
        )
    return 0
