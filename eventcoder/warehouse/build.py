"""The merge step: `event_mentions` → `events`, `mention_events` and `event_merges`, with the analysts'
corrections (table `corrections`) applied on top, incrementally."""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from eventcoder.warehouse.corrections import check_value, normalise
from eventcoder.warehouse.merge import (
    Link,
    MentionRow,
    MergedEvent,
    merge_mentions,
    merge_rule,
    recluster,
    window,
)
from eventcoder.warehouse.store import insert, run_script, sql
from eventcoder.warehouse.validation import validate_frame
from schemas.tables import EventSchema

log = logging.getLogger(__name__)


@dataclass
class Resolved:
    """A correction and the mentions its keys name now (none: it no longer applies)."""

    correction_id: str
    kind: str
    field: str | None
    value: str | None
    author: str
    reason: str
    mentions: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    problem: str | None = None
    event_id: str | None = None


def grouped(rows: Sequence[tuple]) -> dict[str, list[MentionRow]]:
    """Query rows (event_id, then MentionRow fields) grouped by event."""
    out: dict[str, list[MentionRow]] = {}
    for event_id, *fields in rows:
        out.setdefault(event_id, []).append(MentionRow(*fields))
    return out


def matching(evidence: str, event_type: str | None, found: list[tuple[str, str, str]]) -> list[str]:
    """The mentions (id, evidence, type) a key names: the same sentence, else one containing the other;
    the coded type decides between mentions of one sentence."""
    key = normalise(evidence)
    same = [f for f in found if normalise(f[1]) == key]
    if not same:
        same = [f for f in found if key in normalise(f[1]) or normalise(f[1]) in key]
    if len(same) > 1 and event_type:
        same = [f for f in same if f[2] == event_type] or same
    return [f[0] for f in same]


def resolve_corrections(con: duckdb.DuckDBPyConnection) -> list[Resolved]:
    """Every correction of the table with the mentions its keys name, oldest first."""
    found: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for correction_id, side, mention_id, evidence, event_type in con.execute(
        sql("corrections/keyed_mentions")
    ).fetchall():
        found.setdefault((correction_id, side), []).append((mention_id, evidence, event_type))
    out = []
    rows = con.execute(sql("corrections/all")).fetchall()
    for (
        cid,
        kind,
        article,
        evidence,
        etype,
        fld,
        value,
        o_article,
        o_evidence,
        o_type,
        author,
        reason,
    ) in rows:
        r = Resolved(cid, kind, fld, value, author, reason)
        here = found.get((cid, "this"))
        r.mentions = matching(evidence, etype, here or [])
        if kind == "merge":
            r.others = matching(o_evidence, o_type, found.get((cid, "other")) or [])
        if not here:
            r.problem = (
                f"article {article} has no coded mention in the warehouse (gone, or coded without events)"
            )
        elif not r.mentions:
            r.problem = f"no mention of {article} has this evidence any more (recoded?)"
        elif kind == "merge" and not r.others:
            r.problem = f"no mention of {o_article} has the other evidence any more"
        out.append(r)
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """Garbage collection paused (also as a decorator): merging allocates many small objects and frees
    few, so the collector would only walk them (and the whole heap of the flow's process) again and again;
    what the step leaves for it is collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@gc_paused()
def update_events(con: duckdb.DuckDBPyConnection) -> int:
    """Bring `events`, `mention_events` and `event_merges` up to date with `event_mentions` and the
    corrections, incrementally.

    Events that lost a mention are rebuilt from the mentions they keep; new mentions join a
    compatible known event or start one; events a correction names (or named before) are rebuilt
    and corrected again. Only touched events are rewritten; their number is returned.
    """
    lost = [row[0] for row in con.execute(sql("dangling_links")).fetchall()]
    run_script(con, "delete_dangling_links")
    resolved = resolve_corrections(con)
    applied = [r for r in resolved if r.problem is None]
    rejected = {m for r in applied if r.kind == "not_event" for m in r.mentions}
    alone = frozenset(m for r in applied if r.kind == "split" for m in r.mentions)
    new = [MentionRow(*row) for row in con.execute(sql("mentions_to_merge")).fetchall()]
    new = [m for m in new if m.mention_id not in rejected]
    named = sorted({m for r in resolved for m in (*r.mentions, *r.others)})
    corrected = [row[0] for row in con.execute(sql("corrections/corrected_events"), [named]).fetchall()]
    if not lost and not new and not corrected:
        mark_corrections(con, resolved, {})
        return 0
    rebuilt = sorted(set(lost) - set(corrected))
    touched = grouped(con.execute(sql("event_members"), [rebuilt]).fetchall()) if rebuilt else {}
    # Events a correction names are taken apart: their mentions merge again like new ones, so that
    # a correction withdrawn (or a split) lets them join the events they belong to.
    again = grouped(con.execute(sql("event_members"), [corrected]).fetchall()) if corrected else {}
    new += [m for members in again.values() for m in members if m.mention_id not in rejected]
    for event_id, members in candidate_events(con, new).items():
        if event_id not in again:
            touched.setdefault(event_id, members)
    known = [
        MergedEvent(event_id, [m for m in members if m.mention_id not in rejected])
        for event_id, members in sorted(touched.items())
    ]
    merged = merge_mentions(recluster(known, alone), new, alone)
    merged = apply_merges([e for e in merged if e.mentions], applied)
    ids = sorted(set(lost) | set(touched) | set(again) | {e.event_id for e in merged})
    run_script(con, "delete_events", [ids])
    write_links(con, merged)
    built = con.execute(sql("events"), [sorted(e.event_id for e in merged)]).df()
    event_of = {m.mention_id: e.event_id for e in merged for m in e.mentions}
    built = apply_sets(built, applied, event_of, rejected)
    valid, failures = validate_frame(built, EventSchema)
    if failures:
        raise ValueError(f"merged events failed their schema: {failures[0].reason}")
    insert(con, "events", valid)
    mark_corrections(con, resolved, event_of)
    return len(merged)


def candidate_events(
    con: duckdb.DuckDBPyConnection, new: Sequence[MentionRow]
) -> dict[str, list[MentionRow]]:
    """Known events new mentions could join: same types, dates near theirs or undated."""
    if not new:
        return {}
    windows = [w for m in new if (w := window(m)) is not None]
    first = min((w[0] for w in windows), default=dt.date.max) - dt.timedelta(days=366)
    last = max((w[1] for w in windows), default=dt.date.min + dt.timedelta(days=366)) + dt.timedelta(days=366)
    if first > last:
        first, last = last, first
    types = sorted({m.event_type for m in new})
    return grouped(con.execute(sql("candidate_events"), [types, first, last]).fetchall())


def apply_merges(events: list[MergedEvent], applied: Sequence[Resolved]) -> list[MergedEvent]:
    """Join the events an analyst said are one (the one first reported keeps its id)."""
    by_mention = {m.mention_id: e for e in events for m in e.mentions}
    for r in applied:
        if r.kind != "merge":
            continue
        a = next((by_mention[m] for m in r.mentions if m in by_mention), None)
        b = next((by_mention[m] for m in r.others if m in by_mention), None)
        if a is None or b is None or a is b:
            continue
        keep, gone = sorted((a, b), key=lambda e: e.mentions[0].order_key())
        partner = next(m for m in r.mentions + r.others if by_mention.get(m) is keep)
        for m in gone.mentions:
            keep.add(m, Link(m.mention_id, "correction", partner, f"merged by {r.author}: {r.reason}"))
            by_mention[m.mention_id] = keep
        gone.mentions = []
    return [e for e in events if e.mentions]


def explain(event: MergedEvent, mention: MentionRow) -> Link:
    """The link of a mention (the rule with the first member that joins it, for events whose links
    were not recorded)."""
    if mention.mention_id in event.links:
        return event.links[mention.mention_id]
    for member in event.mentions:
        if member is not mention and (rule := merge_rule(member, mention)) is not None:
            return Link(mention.mention_id, rule[0], member.mention_id, rule[1])
    return Link(mention.mention_id, "correction", None, "kept together by a correction")


def write_links(con: duckdb.DuckDBPyConnection, events: Sequence[MergedEvent]) -> None:
    """Insert mention_events for every mention and event_merges for every event of two or more."""
    links = pd.DataFrame(
        [(m.mention_id, e.event_id) for e in events for m in e.mentions], columns=["mention_id", "event_id"]
    )
    insert(con, "mention_events", links)
    rows = []
    for e in events:
        if len(e.mentions) < 2:
            continue
        first, *rest = e.mentions
        rows.append((e.event_id, first.mention_id, "first", None, "the event's first report"))
        for m in rest:
            link = explain(e, m)
            rows.append((e.event_id, m.mention_id, link.rule, link.partner_id, link.evidence))
    insert(
        con,
        "event_merges",
        pd.DataFrame(rows, columns=["event_id", "mention_id", "rule", "partner_id", "evidence"]),
    )


def apply_sets(
    built: pd.DataFrame, applied: Sequence[Resolved], event_of: dict[str, str], rejected: set[str]
) -> pd.DataFrame:
    """Set the fields analysts corrected and record on each event what was corrected."""
    if built.empty:
        return built
    built = built.astype({"corrected_fields": "object"})
    row_of = {event_id: i for i, event_id in enumerate(built["event_id"])}
    notes: dict[str, list[str]] = {}
    for r in applied:
        events = {event_of[m] for m in (*r.mentions, *r.others) if m in event_of}
        if r.mentions and all(m in rejected for m in r.mentions):
            continue
        for event_id in events:
            r.event_id = r.event_id or event_id
            if event_id not in row_of:
                continue
            label = r.field if r.kind == "set" else r.kind
            if r.kind == "set":
                value = check_value(r.field, r.value)
                column = built[r.field]
                if value is not None and str(column.dtype) not in ("object", "string"):
                    built[r.field] = column.astype("object")
                built.at[row_of[event_id], r.field] = value
            notes.setdefault(event_id, [])
            if label not in notes[event_id]:
                notes[event_id].append(label)
    for event_id, labels in notes.items():
        built.at[row_of[event_id], "corrected_fields"] = "; ".join(sorted(labels))
    return built


def mark_corrections(
    con: duckdb.DuckDBPyConnection, resolved: Sequence[Resolved], event_of: dict[str, str]
) -> None:
    """Record in the corrections table which corrections apply (and to which event) and which are
    stale, and log the stale ones."""
    for r in resolved:
        if r.problem is None and r.event_id is None:
            r.event_id = next((event_of[m] for m in r.mentions if m in event_of), None)
            if r.event_id is None and r.kind != "not_event":
                r.event_id = con.execute(sql("corrections/event_of_mention"), [r.mentions]).fetchone()[0]
        status = "stale" if r.problem else "applied"
        con.execute(
            sql("corrections/mark"), [status, None if r.problem else r.event_id, r.problem, r.correction_id]
        )
        if r.problem:
            log.warning("correction %s no longer applies: %s", r.correction_id, r.problem)
