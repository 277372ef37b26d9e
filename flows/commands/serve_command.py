"""Serve the refresh flow as a Prefect deployment with a cron schedule (hourly by default) and run it until
stopped (Ctrl-C). It needs a Prefect server, which schedules the runs: start one with `eventcoder server`
and point PREFECT_API_URL at it. Takes every option `eventcoder refresh` takes; scheduled runs get absolute
paths and queue behind a running refresh (--wait) instead of failing."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict, replace

from eventcoder.config import Settings
from flows.commands.refresh_command import add_refresh_options, checked_settings, quiet_logs

NAME = "serve"
HELP = "run the refresh on a schedule (a Prefect deployment served by this process)"
FIX = (
    "start one with `eventcoder server` (in another shell) and, in this shell, "
    "`export PREFECT_API_URL=http://127.0.0.1:4200/api`"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder serve`: the schedule, then every option of `eventcoder refresh`."""
    parser.add_argument("--cron", default="0 * * * *", help="when to refresh, cron syntax (default: hourly)")
    parser.add_argument("--name", default="scheduled-refresh", help="deployment name (default: %(default)s)")
    add_refresh_options(parser)
    parser.add_argument("--quiet", action="store_true", help="no log lines from Prefect or Dask")


def deployment_parameters(settings: Settings) -> dict[str, object]:
    """Parameters every scheduled run gets: the settings with absolute paths (runs may start elsewhere) and
    wait=True (a scheduled run queues behind a manual one)."""
    chosen = replace(settings.resolved(), wait=True)
    return {
        "settings": {k: str(v) if k in ("raw_dir", "warehouse") else v for k, v in asdict(chosen).items()}
    }


SERVER_WAIT_SECONDS = 90  # a server started just before `serve` takes 10-30 s to answer on two busy cores


def server_problem(wait: float = SERVER_WAIT_SECONDS) -> str | None:
    """Why no Prefect server can schedule runs (None: one answers at PREFECT_API_URL within `wait` s)."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        return f"no Prefect server is configured (PREFECT_API_URL is not set): {FIX}"
    deadline = time.monotonic() + wait
    error = server_error(url)
    if error:
        print(f"waiting up to {wait:.0f} s for the Prefect server at {url} ...", file=sys.stderr, flush=True)
    while error and time.monotonic() < deadline:
        time.sleep(1)
        error = server_error(url)
    if error:
        return f"no Prefect server answers at PREFECT_API_URL={url} ({error}): {FIX}"
    return None


def server_error(url: str) -> str | None:
    """Why the API at url is not healthy (None: it is)."""
    import httpx

    try:
        httpx.get(f"{url.rstrip('/')}/health", timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        return type(exc).__name__
    return None


def run(args: argparse.Namespace) -> int:
    """Check the paths and the server, then serve the refresh deployment until interrupted."""
    settings = checked_settings(args, "serve")
    if settings is None:
        return 2
    if args.quiet:
        quiet_logs()
    problem = server_problem()
    if problem:
        print(f"eventcoder serve: {problem}", file=sys.stderr)
        return 2
    from flows.refresh import refresh

    print(f"serving deployment refresh/{args.name} on schedule {args.cron!r}; Ctrl-C stops it", flush=True)
    refresh.serve(name=args.name, cron=args.cron, parameters=deployment_parameters(settings))
    return 0
