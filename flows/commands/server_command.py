"""Start a local Prefect server (API and UI) for `eventcoder serve`, with telemetry off and its state in the
project's .prefect folder (PREFECT_HOME), on 127.0.0.1:4200 by default. It runs until stopped (Ctrl-C); in
the shell that serves, set PREFECT_API_URL to the URL it prints."""

from __future__ import annotations

import argparse
import os
import sys

NAME = "server"
HELP = "start a local Prefect server (API and UI) for `eventcoder serve`, telemetry off"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder server`."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=4200, help="port to listen on (default: %(default)s)")


def server_command(host: str, port: int) -> list[str]:
    """The `prefect server start` command line, run with this Python."""
    return [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]


def run(args: argparse.Namespace) -> int:
    """Replace this process with the Prefect server (telemetry off), after saying how to use it."""
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ["DO_NOT_TRACK"] = "1"
    url = f"http://{args.host}:{args.port}/api"
    print(
        f"Prefect server for eventcoder on http://{args.host}:{args.port} "
        f"(state in {os.environ['PREFECT_HOME']}); in the shell that serves: export PREFECT_API_URL={url}",
        flush=True,
    )
    command = server_command(args.host, args.port)
    os.execv(command[0], command)
    return 0  # not reached
