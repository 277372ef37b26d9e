"""Does merging keep one event per real-world event when every report arrives several times, reworded?

    python bench/merge_feed.py [FEED] [--copies 5] [--out bench/out]

FEED is a `.jsonl` feed (`{"id", "text", "source"}` a line; default: the ACLED world development
notes in ../shared/eval, which stay on the benchmarking machine). Each note is written COPIES times,
each copy from another outlet and reworded by one phrase the way syndicated copies differ (an
attribution added, a lead-in, a trailing remark); the feed once and the copied feed are each coded
by `eventcoder refresh` into their own warehouse, as a user would run it. Per event type it prints
the events of the single feed, the reports and events of the copied feed, and their ratio (1.0:
every set of copies became one event again; above 1: copies left apart; below 1: distinct events
merged). Writes the table as JSON to OUT/merge_feed.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[1]
WORLD_FEED = PROJECT.parent / "shared" / "eval" / "acled-world" / "feed" / "acled_world_dev.jsonl"
EVENTCODER = [sys.executable, "-m", "flows.cli"]
COUNTS = "SELECT event_type, count(*) FROM {table} GROUP BY event_type"

# One-phrase variations of a report, as copies of one story in different outlets differ.
VARIATIONS = (
    lambda t: t,
    lambda t: t.rstrip(". ") + ", according to local sources.",
    lambda t: "Local media reported that " + t[:1].lower() + t[1:],
    lambda t: t.rstrip() + " Further details were not immediately available.",
    lambda t: t.rstrip(". ") + ", a resident told reporters.",
)


def copied_feed(feed: Path, copies: int, out: Path) -> int:
    """Write every note of feed `copies` times, each copy reworded by one phrase; return the lines written."""
    if not 1 <= copies <= len(VARIATIONS):
        raise SystemExit(f"--copies must be 1..{len(VARIATIONS)}")
    lines = 0
    with out.open("w", encoding="utf-8") as sink:
        for raw in feed.read_text(encoding="utf-8").splitlines():
            note = json.loads(raw)
            for k in range(copies):
                copy = {
                    "id": f"{note['id']}-copy{k}",
                    "text": VARIATIONS[k](note["text"]),
                    "source": f"{note.get('source') or 'outlet'} (copy {k})",
                }
                sink.write(json.dumps(copy, ensure_ascii=False) + "\n")
                lines += 1
    return lines


def refresh(raw: Path, warehouse: Path) -> float:
    """`eventcoder refresh` of raw into warehouse; its wall time in seconds."""
    start = time.monotonic()
    subprocess.run(
        [*EVENTCODER, "refresh", "--raw", str(raw), "--warehouse", str(warehouse), "--quiet"],
        cwd=PROJECT,
        check=True,
    )
    return time.monotonic() - start


def counts(warehouse: Path, table: str) -> dict[str, int]:
    """Rows of a table by event type."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return dict(con.execute(COUNTS.format(table=table)).fetchall())


def compare(single: Path, copied: Path) -> list[dict[str, object]]:
    """Per event type: events once, reports and events copied, and the ratio of the two event counts."""
    once, reports, events = (
        counts(single, "events"),
        counts(copied, "event_mentions"),
        counts(copied, "events"),
    )
    rows = []
    for etype in sorted(set(once) | set(events)):
        n, m = once.get(etype, 0), events.get(etype, 0)
        rows.append(
            {
                "event_type": etype,
                "events_once": n,
                "reports_copied": reports.get(etype, 0),
                "events_copied": m,
                "ratio": round(m / n, 3) if n else None,
            }
        )
    return rows


def main() -> int:
    """Build the copied feed, code both feeds, print and save the per-type table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("feed", nargs="?", type=Path, default=WORLD_FEED, help="a .jsonl feed")
    parser.add_argument("--copies", type=int, default=5, help="copies of each note (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "out", help="folder for the JSON")
    args = parser.parse_args()
    if not args.feed.is_file():
        parser.error(f"no feed at {args.feed}")
    with tempfile.TemporaryDirectory(prefix="merge-feed-") as tmp:
        work = Path(tmp)
        copied = work / "copied.jsonl"
        lines = copied_feed(args.feed, args.copies, copied)
        seconds_once = refresh(args.feed, work / "once.duckdb")
        seconds_copied = refresh(copied, work / "copied.duckdb")
        rows = compare(work / "once.duckdb", work / "copied.duckdb")
    print(f"{lines} reports ({args.copies} copies of each note)")
    print(f"refresh: {seconds_once:.0f} s the feed once, {seconds_copied:.0f} s the copied feed")
    print(f"{'event type':<12} {'events once':>12} {'reports':>9} {'events copied':>14} {'ratio':>7}")
    for r in rows:
        once, reports, copied = r["events_once"], r["reports_copied"], r["events_copied"]
        print(f"{r['event_type']:<12} {once:>12} {reports:>9} {copied:>14} {r['ratio']!s:>7}")
    total_once = sum(r["events_once"] for r in rows)
    total_copied = sum(r["events_copied"] for r in rows)
    print(
        f"{'all':<12} {total_once:>12} {'':>9} {total_copied:>14} {total_copied / max(total_once, 1):>7.3f}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "merge_feed.json").write_text(
        json.dumps({"feed": args.feed.name, "copies": args.copies, "reports": lines, "types": rows}, indent=2)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
