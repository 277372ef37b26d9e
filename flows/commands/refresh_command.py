"""Read raw/ (txt, txt + NAME.meta.json, JSONL feeds, HTML), code new and changed articles, and load
them into the warehouse in one transaction. Unreadable inputs go to the quarantine table. Only one
refresh writes a warehouse at a time. The exit status is non-zero only when the run itself failed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.config import Settings
from eventcoder.ingest.read import SPACY_MAX_CHARS
from eventcoder.warehouse.locking import WarehouseLock

NAME = "refresh"
HELP = "code new and changed articles of the raw folder into the warehouse"


def bounded_int(low: int, high: int | None = None):
    """An argparse type: an integer from low to high, else a clear usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low or (high is not None and value > high):
            bound = f"at least {low:,}" if high is None else f"between {low:,} and {high:,}"
            raise argparse.ArgumentTypeError(f"must be {bound}, not {value:,}")
        return value

    return parse


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
        "--workers",
        type=bounded_int(1, 64),
        default=defaults.workers,
        help="coding processes (default: %(default)s)",
    )
    parser.add_argument(
        "--chunk-size",
        type=bounded_int(1),
        default=defaults.chunk_size,
        help="articles per coding task (default: %(default)s)",
    )
    parser.add_argument(
        "--max-file-bytes",
        type=bounded_int(1),
        default=defaults.max_file_bytes,
        help="larger input files are quarantined (default: %(default)s)",
    )
    parser.add_argument(
        "--max-article-chars",
        type=bounded_int(1, SPACY_MAX_CHARS),
        default=defaults.max_article_chars,
        help="longer articles are quarantined (default: %(default)s)",
    )
    parser.add_argument(
        "--prune", action="store_true", help="remove the rows of inputs gone from the raw folder"
    )
    parser.add_argument(
        "--recode", action="store_true", help="recode, in place, articles coded by an older coder version"
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        help="if another refresh is writing the warehouse, wait for it instead of exiting",
    )
    parser.add_argument(
        "--task-runner",
        choices=["local", "dask"],
        default="local",
        help="where coding tasks run: local processes, or a Dask cluster (default: %(default)s)",
    )
    parser.add_argument(
        "--dask-address",
        help="scheduler of an existing Dask cluster (default: start a local one with --workers)",
    )
    parser.add_argument(
        "--corrections",
        type=Path,
        default=None,
        help="analysts' corrections applied on top of the coding (default: corrections/corrections.jsonl "
        "beside the raw folder)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def print_summary(summary: object) -> None:
    """The closing summary of a refresh."""
    s = summary
    print(
        f"refresh {s.run_id}: read {s.n_read} inputs ({s.n_new} new or changed, {s.n_skipped} unchanged); "
        f"coded {s.n_coded} articles ({s.n_recoded} recoded) into {s.n_mentions} event mentions; "
        f"{s.n_quarantined} quarantined; {s.seconds:.1f} s"
    )
    tables = ", ".join(f"{k} {v}" for k, v in s.tables.items())
    print(f"warehouse {s.warehouse}: {tables}")
    for path, reason in s.quarantine_reasons[:20]:
        print(f"  quarantined {path}: {reason}")
    if len(s.quarantine_reasons) > 20:
        print(f"  ... and {len(s.quarantine_reasons) - 20} more (see the quarantine table)")
    if s.missing:
        action = "removed (--prune)" if s.n_pruned else "still in the warehouse; --prune removes them"
        print(f"  {len(s.missing)} inputs are gone from the raw folder, {action}: {', '.join(s.missing[:5])}")


def task_runner(args: argparse.Namespace):
    """The Prefect task runner the options ask for (None: the flow's default)."""
    if args.task_runner != "dask":
        return None
    from prefect_dask import DaskTaskRunner

    if args.dask_address:
        return DaskTaskRunner(address=args.dask_address)
    cluster = {
        "n_workers": args.workers,
        "processes": True,
        "threads_per_worker": 1,
        "dashboard_address": None,
    }
    return DaskTaskRunner(cluster_kwargs=cluster)


def run(args: argparse.Namespace) -> int:
    """Take the warehouse's writer lock, then run the refresh flow with the command's arguments."""
    from flows.refresh import new_run_id

    run_id = new_run_id()
    with WarehouseLock(args.warehouse, run_id, wait=args.wait):
        summary = run_flow(args, run_id)
    if not args.quiet:
        print_summary(summary)
        print_stale_corrections(args.warehouse)
    return 0


def print_stale_corrections(warehouse: Path) -> None:
    """Name the analysts' corrections that no longer apply (their article was recoded or removed)."""
    from eventcoder.publish.review import stale_corrections
    from eventcoder.warehouse.views import open_read_only

    con = open_read_only(warehouse)
    try:
        for cid, kind, article, evidence, status, why in stale_corrections(con):
            print(f"  {status} correction {cid} ({kind}, {article}: {evidence!r}): {why}")
    finally:
        con.close()


def run_flow(args: argparse.Namespace, run_id: str):
    """The refresh flow, on the task runner the options ask for."""
    from flows.api import shared_api
    from flows.refresh import refresh

    runner = task_runner(args)
    if runner is not None:
        shared_api()
    flow = refresh.with_options(task_runner=runner) if runner is not None else refresh
    return flow(
        raw_dir=args.raw,
        warehouse=args.warehouse,
        model=args.model,
        chunk_size=args.chunk_size,
        workers=args.workers,
        max_file_bytes=args.max_file_bytes,
        max_article_chars=args.max_article_chars,
        inline=runner is not None,
        prune=args.prune,
        recode=args.recode,
        show_progress=sys.stderr.isatty() and not args.quiet,
        run_id=run_id,
        lock_held=True,
        corrections=args.corrections,
    )
