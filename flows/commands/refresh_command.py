"""Read raw/ (txt, txt + NAME.meta.json, JSONL feeds, HTML), code new and changed articles, and load
them into the warehouse in one transaction. Unreadable inputs go to the quarantine table. The exit
status is non-zero only when the run itself failed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.config import Settings

NAME = "refresh"
HELP = "code new and changed articles of the raw folder into the warehouse"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder refresh`."""
    defaults = Settings().with_env()
    parser.add_argument(
        "--raw", type=Path, default=defaults.raw_dir, help="raw folder (default: %(default)s)"
    )
    parser.add_argument(
        "--warehouse", type=Path, default=defaults.warehouse, help="DuckDB file (default: %(default)s)"
    )
    parser.add_argument("--model", default=defaults.model, help="spaCy model package (default: %(default)s)")
    parser.add_argument(
        "--workers", type=int, default=defaults.workers, help="coding processes (default: %(default)s)"
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=defaults.chunk_size,
        help="articles per coding task (default: %(default)s)",
    )
    parser.add_argument(
        "--max-file-bytes",
        type=int,
        default=defaults.max_file_bytes,
        help="larger input files are quarantined (default: %(default)s)",
    )
    parser.add_argument(
        "--max-article-chars",
        type=int,
        default=defaults.max_article_chars,
        help="longer articles are quarantined (default: %(default)s)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def print_summary(summary: object) -> None:
    """The closing summary of a refresh."""
    s = summary
    print(
        f"refresh {s.run_id}: read {s.n_read} inputs ({s.n_new} new or changed, {s.n_skipped} unchanged); "
        f"coded {s.n_coded} articles into {s.n_mentions} event mentions; "
        f"{s.n_quarantined} quarantined; {s.seconds:.1f} s"
    )
    tables = ", ".join(f"{k} {v}" for k, v in s.tables.items())
    print(f"warehouse {s.warehouse}: {tables}")
    for path, reason in s.quarantine_reasons:
        print(f"  quarantined {path}: {reason}")
    if s.n_quarantined > len(s.quarantine_reasons):
        print("  (see the quarantine table for the rest)")


def run(args: argparse.Namespace) -> int:
    """Run the refresh flow with the command's arguments."""
    from flows.refresh import refresh

    summary = refresh(
        raw_dir=args.raw,
        warehouse=args.warehouse,
        model=args.model,
        chunk_size=args.chunk_size,
        workers=args.workers,
        max_file_bytes=args.max_file_bytes,
        max_article_chars=args.max_article_chars,
        show_progress=sys.stderr.isatty() and not args.quiet,
    )
    if not args.quiet:
        print_summary(summary)
    return 0
