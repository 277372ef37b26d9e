"""Export the events most worth a human look — low confidence, reports that disagree on fatalities or
place, unplaced, undated — as a CSV with their evidence and a link to the article; fill its decision
columns and `review --apply FILE` turns them into corrections (corrections/corrections.jsonl), applied
at once and by every later refresh. A line that cannot apply is reported and nothing is written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.config import Settings

NAME = "review"
HELP = "export the review queue as CSV, or apply an analyst's filled decisions as corrections"
DEFAULT_OUT = Path("warehouse/review.csv")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder review`."""
    defaults = Settings().with_env()
    parser.add_argument(
        "--warehouse", type=Path, default=defaults.warehouse, help="DuckDB file (default: %(default)s)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="CSV to write (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=200, help="events in the queue (default: %(default)s)")
    parser.add_argument("--apply", type=Path, metavar="FILE", help="a filled review CSV: write its decisions")
    parser.add_argument(
        "--corrections",
        type=Path,
        default=defaults.raw_dir.parent / "corrections" / "corrections.jsonl",
        help="corrections file the decisions are added to (default: %(default)s)",
    )
    parser.add_argument("--reviewer", help="who decided, for rows whose reviewer column is empty")
    parser.add_argument("--wait", action="store_true", help="wait for a running refresh instead of failing")


def run(args: argparse.Namespace) -> int:
    """Export the queue, or apply a filled one (exit status 1, nothing written, when a line cannot apply)."""
    from eventcoder.publish.review import ReviewError, apply_decisions, export_queue, stale_corrections
    from eventcoder.warehouse.views import open_read_only

    if args.apply is None:
        n = export_queue(args.warehouse, args.out, args.limit)
        print(
            f"review queue written to {args.out}: {n} events; fill 'decision' (ok, set, not_event, merge, "
            "split), 'reason' and 'reviewer', then run eventcoder review --apply FILE"
        )
    else:
        try:
            done = apply_decisions(args.warehouse, args.apply, args.corrections, args.reviewer, args.wait)
        except ReviewError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"eventcoder review: {exc}", file=sys.stderr)
            return 1
        print(
            f"{done.written} corrections added to {done.path}; the warehouse now applies {done.applied} "
            f"corrections, {done.stale} no longer apply"
        )
    con = open_read_only(args.warehouse)
    try:
        for cid, kind, article, evidence, status, why in stale_corrections(con):
            print(f"  {status} correction {cid} ({kind}, {article}: {evidence!r}): {why}")
    finally:
        con.close()
    return 0
