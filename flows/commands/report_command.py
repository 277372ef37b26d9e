"""Write one self-contained HTML page about the warehouse: events over time by type, a map of event
locations, the most frequent actors, the fatality distribution, and the latest refresh's figures. The page
makes no network request (plotly.js and the map's country outlines are inlined), so it opens offline."""

from __future__ import annotations

import argparse
from pathlib import Path

from eventcoder.config import Settings

NAME = "report"
HELP = "write a self-contained HTML report (plots and a map) of the warehouse"
DEFAULT_OUT = Path("warehouse/report.html")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder report`."""
    defaults = Settings().with_env()
    parser.add_argument(
        "--warehouse", type=Path, default=defaults.warehouse, help="DuckDB file (default: %(default)s)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="HTML file to write (default: %(default)s)"
    )


def run(args: argparse.Namespace) -> int:
    """Build the report and say where it is."""
    from eventcoder.publish.report import write_report

    out = write_report(args.warehouse, args.out)
    print(f"report written to {out} ({out.stat().st_size / 1e6:.1f} MB, works offline)")
    return 0
