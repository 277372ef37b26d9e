"""Prefect flow `release`: the warehouse → an immutable, versioned dataset release.

Thin by design: each task calls one function of `eventcoder.publish.release`, in the order of
`make_release`. Files are written into a hidden staging folder; the last task renames it to
the version, and a failure removes it, so no half release ever carries the version's name.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE

from eventcoder.publish.export import EventFilter
from eventcoder.publish.release import (
    ChangeSet,
    Manifest,
    ReleasePlan,
    RunInfo,
    compare_with_previous,
    discard,
    export_tables,
    plan_release,
    publish,
    write_changes,
    write_codebook,
    write_datapackage,
    write_manifest,
    write_report_page,
)


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


@task(cache_policy=NONE)
def plan(out_dir: Path, version: str) -> ReleasePlan:
    """Check the version, find the previous release, open the staging folder."""
    return plan_release(out_dir, version)


@task(cache_policy=NONE)
def export(warehouse: Path, staging: Path, event_filter: EventFilter | None = None) -> RunInfo:
    """Copy the released tables (of the events the filter keeps) to CSV and Parquet."""
    return export_tables(warehouse, staging, event_filter=event_filter)


@task(cache_policy=NONE)
def report_page(warehouse: Path, staging: Path) -> None:
    """Write the offline report page of the warehouse into the release."""
    write_report_page(warehouse, staging)


@task(cache_policy=NONE)
def codebook(staging: Path, version: str) -> None:
    """Write CODEBOOK.md from the schemas."""
    write_codebook(staging, version)


@task(cache_policy=NONE)
def datapackage(staging: Path, version: str, created_at: str) -> None:
    """Write datapackage.json, checked with frictionless."""
    write_datapackage(staging, version, created_at)


@task(cache_policy=NONE)
def diff(release_plan: ReleasePlan) -> ChangeSet:
    """Diff the staged events against the previous release's."""
    return compare_with_previous(release_plan.staging, release_plan.previous)


@task(cache_policy=NONE)
def changes_files(staging: Path, version: str, changes: ChangeSet) -> None:
    """Write changes.csv and CHANGES.md."""
    write_changes(staging, version, changes)


@task(cache_policy=NONE)
def manifest_file(
    release_plan: ReleasePlan, run: RunInfo, event_filter: EventFilter | None = None
) -> Manifest:
    """Write manifest.json over every other file."""
    return write_manifest(release_plan, run, event_filter)


@task(cache_policy=NONE)
def move_into_place(release_plan: ReleasePlan) -> Path:
    """Rename the staging folder to the version (refused if the version exists)."""
    return publish(release_plan)


@flow(name="release", persist_result=False)
def release(
    version: str,
    warehouse: Path = Path("warehouse/events.duckdb"),
    out_dir: Path = Path("releases"),
    event_filter: EventFilter | None = None,
) -> ReleaseSummary:
    """Write release `version` of the warehouse (the events a filter keeps, if given) into out_dir/version."""
    logger = get_run_logger()
    started = time.monotonic()
    release_plan = plan(out_dir, version)
    try:
        run = export(warehouse, release_plan.staging, event_filter)
        report_page(warehouse, release_plan.staging)
        codebook(release_plan.staging, version)
        changes = diff(release_plan)
        changes_files(release_plan.staging, version, changes)
        datapackage(release_plan.staging, version, release_plan.created_at)
        manifest = manifest_file(release_plan, run, event_filter)
        path = move_into_place(release_plan)
    except BaseException:
        discard(release_plan)
        raise
    summary = ReleaseSummary(
        version=version,
        path=str(path),
        previous=changes.previous,
        files={f.name: f.rows for f in manifest.files},
        bytes=sum(f.bytes for f in manifest.files),
        added=changes.count("added"),
        removed=changes.count("removed"),
        changed=changes.count("changed"),
        seconds=round(time.monotonic() - started, 2),
    )
    logger.info("release %s written to %s", version, summary.path)
    return summary
