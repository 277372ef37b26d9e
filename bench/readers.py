"""How long readers wait during a refresh: `eventcoder query` polled every second (as a user would), and
an in-process reader opening the warehouse read-only and counting events every 50 ms.

    python bench/readers.py RAW [--warehouse FILE] [--seed-raw DIR]

The warehouse is first filled from --seed-raw (default: the sample articles), so readers have something
to read; then RAW (a folder or a .jsonl feed) is refreshed into it while both readers poll. Prints the
number of polls, failures, and the longest wait of each reader, and writes them as JSON to bench/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
EVENTCODER = [sys.executable, "-m", "flows.cli"]
QUERY = "SELECT count(*) FROM events"


def refresh(raw: Path, warehouse: Path) -> subprocess.Popen:
    """`eventcoder refresh` in the background."""
    return subprocess.Popen(
        [*EVENTCODER, "refresh", "--raw", str(raw), "--warehouse", str(warehouse), "--quiet"], cwd=PROJECT
    )


def poll_cli(warehouse: Path, running: threading.Event, out: list[dict]) -> None:
    """Run `eventcoder query` once a second while the refresh runs."""
    while running.is_set():
        started = time.monotonic()
        result = subprocess.run(
            [*EVENTCODER, "query", QUERY, "--warehouse", str(warehouse), "--format", "csv"],
            cwd=PROJECT,
            capture_output=True,
            text=True,
        )
        out.append(
            {
                "seconds": round(time.monotonic() - started, 3),
                "status": result.returncode,
                "answer": result.stdout.strip().splitlines()[-1] if result.returncode == 0 else None,
                "error": result.stderr.strip() or None,
            }
        )
        time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))


def poll_in_process(warehouse: Path, running: threading.Event, out: list[dict]) -> None:
    """Open the warehouse read-only (views included) and count events every 50 ms while the refresh runs."""
    from eventcoder.publish.query import query_warehouse

    while running.is_set():
        started = time.monotonic()
        try:
            answer, error = query_warehouse(warehouse, QUERY).rows[0][0], None
        except Exception as exc:  # a refused reader is what this measures
            answer, error = None, f"{type(exc).__name__}: {exc}"
        out.append({"seconds": round(time.monotonic() - started, 4), "answer": answer, "error": error})
        time.sleep(0.05)


def summary(polls: list[dict]) -> dict[str, object]:
    """Polls, failures, longest and median wait, and the distinct answers seen."""
    waits = sorted(p["seconds"] for p in polls)
    return {
        "polls": len(polls),
        "failures": sum(1 for p in polls if p["answer"] is None),
        "longest_s": waits[-1] if waits else None,
        "median_s": waits[len(waits) // 2] if waits else None,
        "answers": sorted({str(p["answer"]) for p in polls}),
        "errors": sorted({p["error"] for p in polls if p["answer"] is None})[:5],
    }


def main() -> int:
    """Fill the warehouse from the seeds, refresh RAW into it while readers poll, report their waits."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path, help="raw folder or .jsonl feed to refresh while readers poll")
    parser.add_argument("--warehouse", type=Path, help="warehouse (default: a new one in a temporary folder)")
    parser.add_argument("--seed-raw", type=Path, default=PROJECT / "raw", help="filled first (default: raw/)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="readers-"))
    warehouse = args.warehouse or tmp / "events.duckdb"
    os.environ.setdefault("PREFECT_HOME", str(tmp / "prefect"))
    if refresh(args.seed_raw, warehouse).wait() != 0:
        return 1
    running = threading.Event()
    running.set()
    cli_polls: list[dict] = []
    inproc_polls: list[dict] = []
    readers = [
        threading.Thread(target=poll_cli, args=(warehouse, running, cli_polls)),
        threading.Thread(target=poll_in_process, args=(warehouse, running, inproc_polls)),
    ]
    started = time.monotonic()
    proc = refresh(args.raw.resolve(), warehouse)
    for reader in readers:
        reader.start()
    status = proc.wait()
    seconds = round(time.monotonic() - started, 1)
    running.clear()
    for reader in readers:
        reader.join()
    report = {
        "raw": str(args.raw),
        "refresh_status": status,
        "refresh_seconds": seconds,
        "eventcoder_query": summary(cli_polls),
        "in_process_reader": summary(inproc_polls),
    }
    print(json.dumps(report, indent=1))
    out = PROJECT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"readers-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(report, indent=1) + "\n")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
