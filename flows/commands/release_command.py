"""Write an immutable, versioned release of the warehouse into OUT/VERSION: events.csv and
events.parquet, event_mentions, mention_events and articles as Parquet, CODEBOOK.md,
datapackage.json, manifest.json (versions, row counts, sha256), and CHANGES.md and changes.csv
against the previous release. An existing version is never overwritten. With filter options (--country,
--from, --to, --event-type, --min-confidence, as for `eventcoder export`) the release holds only the events
they keep, with their mentions, articles, sources and claims, and its manifest records the filter."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.config import Settings
from eventcoder.publish.export import ExportError, check_filter
from eventcoder.publish.release import ReleaseError, check_warehouse, release_dir
from flows.commands.export_command import add_filter_arguments, event_filter

NAME = "release"
HELP = "write a versioned dataset release (CSV, Parquet, codebook, manifest, changes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder release`."""
    parser.add_argument("--version", required=True, help="release version, e.g. 2026.1 or v1.2.3")
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=Settings().with_env().warehouse,
        help="DuckDB file, opened read-only (default: %(default)s)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("releases"), help="folder of releases (default: %(default)s)"
    )
    parser.add_argument("--quiet", action="store_true", help="no summary")
    add_filter_arguments(parser)


def print_summary(summary: object) -> None:
    """The closing summary of a release."""
    s = summary
    since = f"against {s.previous}" if s.previous else "first release"
    print(
        f"release {s.version} written to {s.path} ({s.bytes / 1e6:.2f} MB, {s.seconds:.1f} s); "
        f"{since}: {s.added} added, {s.removed} removed, {s.changed} changed"
    )
    rows = ", ".join(f"{name} {n}" for name, n in s.files.items() if n is not None)
    print(f"rows: {rows}")


def run(args: argparse.Namespace) -> int:
    """Refuse a bad version or a warehouse with nothing to release at once, else run the release flow."""
    try:
        release_dir(args.out, args.version)
        check_warehouse(args.warehouse)
        kept = event_filter(args)
        check_filter(args.warehouse, kept)
    except (ReleaseError, ExportError) as exc:
        print(f"eventcoder release: {exc}", file=sys.stderr)
        return 2
    from flows.release import release

    summary = release(version=args.version, warehouse=args.warehouse, out_dir=args.out, event_filter=kept)
    if not args.quiet:
        print_summary(summary)
    return 0
