"""`eventcoder` command line: one sub-command per module of flows/commands, each running a flow or a query."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from collections.abc import Callable
from types import ModuleType

from eventcoder.config import PROJECT_ROOT


def command_modules() -> list[ModuleType]:
    """The command modules, each with NAME, HELP, add_arguments(parser) and run(args) -> exit status.

    Imported when the command line is built, not with this module: the coder processes of a refresh
    are started with 'spawn' and import the main module again, and should not load Prefect and DuckDB
    for nothing (DuckDB's bindings would also print pages of "leaked instance" warnings at their exit).
    """
    from flows.commands import (
        evaluate_command,
        export_command,
        query_command,
        refresh_command,
        release_command,
        report_command,
        review_command,
        serve_command,
        server_command,
        verify_command,
    )

    return [
        refresh_command,
        release_command,
        verify_command,
        query_command,
        export_command,
        report_command,
        evaluate_command,
        review_command,
        serve_command,
        server_command,
    ]


def prefect_environment() -> None:
    """Offline-friendly Prefect defaults: no telemetry, quiet logs, patience on a busy machine, and the
    project's .prefect folder as PREFECT_HOME (the one `make` uses) unless PREFECT_HOME is set."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The temporary API takes 5-15 s to start on two busy cores; Prefect gives up after 20.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_HOME", str(PROJECT_ROOT / ".prefect"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="eventcoder",
        description="Code news articles into an ACLED-style event dataset in DuckDB.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.__doc__)
        module.add_arguments(command)
    return parser


def commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    """Each command's run function by its name."""
    return {module.NAME: module.run for module in command_modules()}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `eventcoder` console script."""
    try:
        parser = build_parser()
    except ValueError as exc:  # a bad EVENTCODER_* setting: a usage error, like a bad option
        print(f"eventcoder: {exc}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    prefect_environment()
    try:
        return commands()[args.command](args)
    except KeyboardInterrupt:
        print("interrupted; the warehouse is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # the run itself failed: say why, exit non-zero
        print(f"eventcoder {args.command} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        release_frames(exc)
        return 1


def release_frames(exc: BaseException) -> None:
    """Drop the locals of a failed command's frames, so the DuckDB objects in them are freed now.

    Prefect keeps a failed run's exception (and so its frames) until exit; DuckDB objects still
    alive then make its bindings print pages of "leaked instance" warnings after the error line.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__
    gc.collect()


if __name__ == "__main__":
    sys.exit(main())
