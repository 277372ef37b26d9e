"""Score coded events against a hand-coded gold set: detection and typed precision/recall/F1, per-field
accuracy on matched events, breakdowns by event type and by country, a confusion table of event types,
and the events level (wrong and missed merges). The gold format is described in the README, "Measuring
quality". With --raw, the folder is first coded into a temporary warehouse by the refresh flow."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from eventcoder.config import Settings
from flows.commands import refresh_command

NAME = "evaluate"
HELP = "score coded events against a hand-coded gold set (F1, field accuracy, merges)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder evaluate`."""
    defaults = Settings().with_env()
    parser.add_argument("--gold", type=Path, required=True, help="gold events, one JSON object a line")
    parser.add_argument(
        "--articles", type=Path, required=True, help="manifest: every coded article's name, one a line"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--warehouse",
        type=Path,
        default=defaults.warehouse,
        help="score this warehouse, read-only (default: %(default)s)",
    )
    source.add_argument(
        "--raw", type=Path, help="code this raw folder into a temporary warehouse and score it"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=defaults.workers,
        help="coding processes for --raw (default: %(default)s)",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json", "markdown"),
        default="table",
        help="output format (default: %(default)s)",
    )
    parser.add_argument("--verbose", action="store_true", help="list misses, extras and wrong fields")
    parser.add_argument(
        "--one-event-per-article",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="every article reports its own event, so any merge across articles is wrong "
        "(default: detected from the gold: exactly one gold event per article and no event_key)",
    )


def code_raw(raw: Path, warehouse: Path, workers: int) -> None:
    """Code a raw folder into a new warehouse with the refresh command, quietly."""
    parser = argparse.ArgumentParser()
    refresh_command.add_arguments(parser)
    argv = ["--raw", str(raw), "--warehouse", str(warehouse), "--workers", str(workers), "--quiet"]
    refresh_command.run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Score the warehouse (or a temporary one coded from --raw) and print the report."""
    from eventcoder.publish.evaluate import evaluate_warehouse, format_evaluation

    for path in (args.gold, args.articles):
        if not path.is_file():
            print(f"eventcoder evaluate: no file at {path}", file=sys.stderr)
            return 2
    try:
        with tempfile.TemporaryDirectory(prefix="eventcoder-evaluate-") as tmp:
            warehouse = args.warehouse
            if args.raw is not None:
                if not args.raw.is_dir():
                    raise FileNotFoundError(f"raw folder {args.raw} does not exist")
                started = time.monotonic()
                warehouse = Path(tmp) / "evaluate.duckdb"
                code_raw(args.raw, warehouse, args.workers)
                print(f"coded {args.raw} in {time.monotonic() - started:.0f} s", file=sys.stderr)
            evaluation = evaluate_warehouse(args.gold, args.articles, warehouse, args.one_event_per_article)
    except (FileNotFoundError, ValueError) as exc:
        print(f"eventcoder evaluate: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(format_evaluation(evaluation, args.format, args.verbose))
    return 0
