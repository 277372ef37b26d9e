"""The review queue: export the events most worth a human look as CSV, and turn an analyst's filled
decisions into corrections (eventcoder/warehouse/corrections.py), all or none."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from eventcoder.warehouse.build import update_events
from eventcoder.warehouse.corrections import (
    Correction,
    CorrectionError,
    append_corrections,
    check_value,
    load_corrections,
)
from eventcoder.warehouse.locking import WarehouseLock
from eventcoder.warehouse.store import connect, sql
from eventcoder.warehouse.views import open_read_only

LOW_CONFIDENCE = 0.5
# The analyst fills these columns; the others describe the event.
DECISION_COLUMNS = ("decision", "changes", "merge_with", "split_mentions", "reason", "reviewer")
DECISIONS = {
    "ok": "nothing to correct (no correction is written)",
    "set": "set fields: changes = 'field=value; field=value' (an empty value clears the field)",
    "not_event": "the event is not an event (every mention of it is marked)",
    "merge": "the event and the event in merge_with are one event",
    "split": "the mentions in split_mentions ('; '-separated ids from mention_ids) leave the event",
}


class ReviewError(ValueError):
    """Decisions that cannot be applied: every line's problem, nothing written."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(f"{len(problems)} decision(s) cannot be applied; nothing was written")
        self.problems = list(problems)


@dataclass(frozen=True)
class Key:
    """What a correction is keyed by: a mention's article, evidence and coded type."""

    mention_id: str
    article: str
    evidence: str
    event_type: str


@dataclass(frozen=True)
class Applied:
    """What `review --apply` did."""

    written: int
    applied: int
    stale: int
    path: Path


def export_queue(warehouse: Path, out: Path, limit: int = 200, low_confidence: float = LOW_CONFIDENCE) -> int:
    """Write the review queue as CSV (decision columns empty); the number of events in it."""
    con = open_read_only(warehouse)
    try:
        cursor = con.execute(sql("review/queue"), [low_confidence, limit])
        header = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([*header, *DECISION_COLUMNS])
        for row in rows:
            writer.writerow([*("" if v is None else v for v in row), *("" for _ in DECISION_COLUMNS)])
    return len(rows)


def event_keys(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Key]:
    """The mentions of an event as correction keys, the one whose sentence is the event's first."""
    return [Key(*row) for row in con.execute(sql("review/event_mentions"), [event_id]).fetchall()]


def now_utc() -> str:
    """The current UTC time, ISO 8601 with Z."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_changes(text: str) -> list[tuple[str, str | None]]:
    """'field=value; field=value' as (field, value) pairs, each value checked against its column."""
    pairs = []
    for part in (p for p in text.split(";") if p.strip()):
        if "=" not in part:
            raise CorrectionError(f"{part.strip()!r} is not field=value")
        name, value = (x.strip() for x in part.split("=", 1))
        check_value(name, value)
        pairs.append((name, value or None))
    if not pairs:
        raise CorrectionError("decision 'set' needs changes: field=value; field=value")
    return pairs


def row_corrections(
    con: duckdb.DuckDBPyConnection, row: dict[str, str], reviewer: str | None, created_at: str
) -> list[Correction]:
    """The corrections one filled row asks for ([] for 'ok' or no decision); CorrectionError if it cannot."""
    decision = (row.get("decision") or "").strip().lower()
    if decision in ("", "ok"):
        return []
    if decision not in DECISIONS:
        raise CorrectionError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
    author = (row.get("reviewer") or "").strip() or reviewer
    reason = (row.get("reason") or "").strip()
    if not author:
        raise CorrectionError("no reviewer: fill the reviewer column or pass --reviewer")
    if not reason:
        raise CorrectionError("no reason: say why in the reason column")
    event_id = (row.get("event_id") or "").strip()
    keys = event_keys(con, event_id)
    if not keys:
        raise CorrectionError(f"event {event_id!r} is not in the warehouse (refreshed since the export?)")
    base = {"author": author, "created_at": created_at, "reason": reason}

    def keyed(key: Key, **more: str | None) -> Correction:
        """A correction keyed by one mention."""
        return Correction(
            article=key.article, evidence=key.evidence, event_type=key.event_type, **base, **more
        )

    if decision == "set":
        return [
            keyed(keys[0], kind="set", field=f, value=v) for f, v in parse_changes(row.get("changes") or "")
        ]
    if decision == "not_event":
        return [keyed(k, kind="not_event") for k in keys]
    if decision == "merge":
        other_id = (row.get("merge_with") or "").strip()
        others = event_keys(con, other_id) if other_id != event_id else []
        if not others:
            raise CorrectionError(f"merge_with {other_id!r} is not another event of the warehouse")
        o = others[0]
        return [
            keyed(
                keys[0],
                kind="merge",
                other_article=o.article,
                other_evidence=o.evidence,
                other_event_type=o.event_type,
            )
        ]
    wanted = [m.strip() for m in (row.get("split_mentions") or "").split(";") if m.strip()]
    by_id = {k.mention_id: k for k in keys}
    unknown = [m for m in wanted if m not in by_id]
    if not wanted or unknown:
        raise CorrectionError(
            f"split_mentions must list mentions of the event (from mention_ids); not: {unknown}"
        )
    return [keyed(by_id[m], kind="split") for m in wanted]


def read_decisions(warehouse: Path, decisions: Path, reviewer: str | None = None) -> list[Correction]:
    """Every correction the filled CSV asks for; ReviewError lists each line that cannot apply."""
    created_at = now_utc()
    out: list[Correction] = []
    problems: list[str] = []
    con = open_read_only(warehouse)
    try:
        with decisions.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"event_id", "decision"} - set(reader.fieldnames or [])
            if missing:
                raise ReviewError([f"{decisions}: no column {', '.join(sorted(missing))}"])
            for row in reader:
                try:
                    out.extend(row_corrections(con, row, reviewer, created_at))
                except CorrectionError as exc:
                    problems.append(f"{decisions} line {reader.line_num}: event {row.get('event_id')}: {exc}")
    finally:
        con.close()
    if problems:
        raise ReviewError(problems)
    return out


def apply_decisions(
    warehouse: Path, decisions: Path, corrections_file: Path, reviewer: str | None = None, wait: bool = False
) -> Applied:
    """Turn the CSV's decisions into corrections: append them to the corrections file and apply them to
    the warehouse in one transaction (ReviewError before anything is written)."""
    found = read_decisions(warehouse, decisions, reviewer)
    with WarehouseLock(warehouse, f"review-{uuid.uuid4().hex[:8]}", wait=wait):
        before = corrections_file.read_bytes() if corrections_file.is_file() else None
        append_corrections(corrections_file, found)
        try:
            counts = refresh_corrections(warehouse, corrections_file)
        except BaseException:
            restore(corrections_file, before)
            raise
    return Applied(len(found), counts[0], counts[1], corrections_file)


def restore(path: Path, before: bytes | None) -> None:
    """Put a file back as it was (removed if it did not exist)."""
    if before is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(before)


def refresh_corrections(warehouse: Path, corrections_file: Path) -> tuple[int, int]:
    """Load the corrections file into the warehouse and re-merge, in one transaction; (applied, stale)."""
    con = connect(warehouse)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            load_corrections(con, corrections_file)
            update_events(con)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return con.execute(sql("corrections/counts")).fetchone()
    finally:
        con.close()


def stale_corrections(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Corrections that no longer apply: (id, kind, article, evidence, status, why)."""
    return con.execute(sql("corrections/stale")).fetchall()
