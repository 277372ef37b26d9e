"""Serve the refresh flow as a Prefect deployment with a cron schedule (hourly by default). Start a
Prefect server first (`prefect server start`) and point PREFECT_API_URL at it to see the runs in the
UI; the command runs until stopped (Ctrl-C)."""

from __future__ import annotations

import argparse
from pathlib import Path

from eventcoder.config import Settings

NAME = "serve"
HELP = "run the refresh on a schedule (a Prefect deployment served by this process)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder serve`."""
    defaults = Settings().with_env()
    parser.add_argument("--cron", default="0 * * * *", help="when to refresh, cron syntax (default: hourly)")
    parser.add_argument("--name", default="scheduled-refresh", help="deployment name (default: %(default)s)")
    parser.add_argument(
        "--raw", type=Path, default=defaults.raw_dir, help="raw folder (default: %(default)s)"
    )
    parser.add_argument(
        "--warehouse", type=Path, default=defaults.warehouse, help="DuckDB file (default: %(default)s)"
    )
    parser.add_argument(
        "--workers", type=int, default=defaults.workers, help="coding processes (default: %(default)s)"
    )
    parser.add_argument(
        "--prune", action="store_true", help="remove the rows of inputs gone from the raw folder"
    )


def deployment_parameters(args: argparse.Namespace) -> dict[str, object]:
    """Parameters every scheduled run gets (paths made absolute: runs may start elsewhere)."""
    return {
        "raw_dir": str(args.raw.resolve()),
        "warehouse": str(args.warehouse.resolve()),
        "workers": args.workers,
        "prune": args.prune,
        "wait": True,
    }


def run(args: argparse.Namespace) -> int:
    """Serve the refresh deployment until interrupted."""
    from flows.refresh import refresh

    refresh.serve(name=args.name, cron=args.cron, parameters=deployment_parameters(args))
    return 0
