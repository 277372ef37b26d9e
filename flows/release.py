"""Prefect flow `release`: the warehouse → an immutable, versioned dataset release.

Thin by design: the recipe is `eventcoder.publish.release.make_release`, the one the tests run;
the flow runs each of its steps (plan, export, report page, codebook, diff, changes, datapackage,
manifest, publish) as a Prefect task named after the core function it calls.

No `from __future__ import annotations` here: Prefect builds the flow's parameter model from
these annotations.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from prefect import Task, flow, get_run_logger, task
from prefect.cache_policies import NONE

from eventcoder.publish.export import EventFilter
from eventcoder.publish.release import ReleaseResult, make_release


@dataclass(frozen=True)
class ReleaseSummary:
    """What a release wrote, for the CLI's closing summary."""

    version: str
    path: str
    previous: str | None
    files: dict[str, int | None]
    bytes: int
    added: int
    removed: int
    changed: int
    seconds: float


@cache
def as_task(step: Callable) -> Task:
    """A step of the release recipe as a Prefect task (one task object per step)."""
    return task(step, cache_policy=NONE)


@flow(name="release", persist_result=False)
def release(
    version: str,
    warehouse: Path = Path("warehouse/events.duckdb"),
    out_dir: Path = Path("releases"),
    event_filter: EventFilter | None = None,
) -> ReleaseSummary:
    """Write release `version` of the warehouse (the events a filter keeps, if given) into out_dir/version."""
    started = time.monotonic()
    result = make_release(warehouse, out_dir, version, step=as_task, event_filter=event_filter)
    summary = summary_of(version, result, round(time.monotonic() - started, 2))
    get_run_logger().info("release %s written to %s", version, summary.path)
    return summary


def summary_of(version: str, result: ReleaseResult, seconds: float) -> ReleaseSummary:
    """The closing summary of a written release."""
    return ReleaseSummary(
        version=version,
        path=str(result.path),
        previous=result.changes.previous,
        files={f.name: f.rows for f in result.manifest.files},
        bytes=sum(f.bytes for f in result.manifest.files),
        added=result.changes.count("added"),
        removed=result.changes.count("removed"),
        changed=result.changes.count("changed"),
        seconds=seconds,
    )
