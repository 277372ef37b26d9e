"""Versioned dataset releases: CSV + Parquet + codebook + datapackage + manifest + changes, immutable.

A release is written into a hidden sibling folder of DIR/VERSION and renamed into place at the
end, so a crash never leaves a half release under the version name. Data files are written by
DuckDB's COPY in key order, so the same warehouse gives byte-identical data files.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import duckdb
import pyarrow.parquet as pq

from eventcoder import __version__
from eventcoder.coding.crosswalk import load_crosswalk
from eventcoder.publish.export import PUBLISH_SQL_DIR, EventFilter, open_publish, select_events
from eventcoder.warehouse.store import connect
from eventcoder.warehouse.versions import pinned
from schemas.codebook import codebook_markdown
from schemas.datapackage import package_descriptor
from schemas.release import CHANGES_TABLE, RELEASED_TABLES, ReleasedTable

MANIFEST = "manifest.json"
CODEBOOK = "CODEBOOK.md"
CHANGES_MD = "CHANGES.md"
CHANGES_CSV = "changes.csv"
CORRECTIONS_CSV = "corrections.csv"
DATAPACKAGE = "datapackage.json"
REPORT_FILE = "report.html"
EVENTS_PARQUET = "events.parquet"
# A version (and every file of a release) is a plain file name: a letter or digit, then letters, digits,
# '.', '_', '+', '-'; never '..'.
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")
LABEL_COLUMNS = ("event_date", "event_type", "location", "country")  # how CHANGES.md names an event
CHANGES_LISTED = 200  # rows per section of CHANGES.md; changes.csv has them all
T = TypeVar("T")


class ReleaseError(ValueError):
    """A release that cannot or must not be written."""


class ReleaseExistsError(ReleaseError):
    """The version already exists: releases are immutable."""


@dataclass(frozen=True)
class RunInfo:
    """The latest completed refresh of the warehouse: which coder and model made the data."""

    run_id: str
    finished_at: str
    coder_version: str
    model_name: str
    model_version: str


@dataclass(frozen=True)
class PreviousRelease:
    """An existing release of the output folder."""

    version: str
    path: Path
    created_at: str


@dataclass(frozen=True)
class ReleasePlan:
    """Where a release goes and what it is compared with."""

    version: str
    out_dir: Path
    final: Path
    staging: Path
    created_at: str
    previous: PreviousRelease | None


@dataclass(frozen=True)
class EventChange:
    """One event added, removed or changed since the previous release."""

    event_id: str
    change: str
    fields: tuple[str, ...] = ()
    label: str = ""


@dataclass(frozen=True)
class CorrectionNote:
    """An analyst's correction new in this release, as CHANGES.md lists it."""

    correction_id: str
    label: str


@dataclass(frozen=True)
class ChangeSet:
    """The changes of a release against its previous one (all events are added for a first release)."""

    previous: str | None
    changes: tuple[EventChange, ...]
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    corrections: tuple[CorrectionNote, ...] = ()

    def count(self, kind: str) -> int:
        """Number of changes of one kind."""
        return sum(1 for c in self.changes if c.change == kind)


@dataclass(frozen=True)
class FileEntry:
    """One file of a release as the manifest records it."""

    name: str
    bytes: int
    sha256: str
    rows: int | None = None


@dataclass(frozen=True)
class Manifest:
    """What a release is, what made it and what it holds."""

    version: str
    created_at: str
    pipeline_version: str
    coder_version: str
    model_name: str
    model_version: str
    run_id: str
    previous_release: str | None
    files: tuple[FileEntry, ...] = field(default_factory=tuple)
    filter: dict[str, object] | None = None  # the events kept (eventcoder.publish.export.EventFilter)

    def to_json(self) -> str:
        """The manifest as indented JSON, files by name."""
        body = asdict(self)
        body["files"] = {f.name: {k: v for k, v in asdict(f).items() if k != "name"} for f in self.files}
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """A manifest read back from its JSON."""
        body = json.loads(text)
        files = tuple(FileEntry(name, **entry) for name, entry in body.pop("files").items())
        return cls(**body, files=files)


@dataclass(frozen=True)
class Problem:
    """Something about a release that does not match its manifest."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


@dataclass(frozen=True)
class ReleaseResult:
    """A written release."""

    path: Path
    manifest: Manifest
    changes: ChangeSet


def check_version(version: str) -> str:
    """The version if it is a safe folder name, else ReleaseError."""
    if not isinstance(version, str) or not SAFE_NAME.fullmatch(version) or ".." in version:
        raise ReleaseError(
            f"unsafe release version {version!r}: use letters, digits, '.', '_', '+' and '-', "
            "starting with a letter or digit, at most 64 characters, no '..' (e.g. 2026.1, v1.2.3)"
        )
    return version


def release_dir(out_dir: Path, version: str) -> Path:
    """The folder of a new release, refused when the version is unsafe or already released."""
    final = out_dir / check_version(version)
    if final.exists() or final.is_symlink():
        raise ReleaseExistsError(
            f"release {version} already exists at {final}; releases are immutable, choose a new version"
        )
    return final


def utc_now() -> str:
    """The current UTC time, ISO 8601 with microseconds and Z."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def read_manifest(release: Path) -> Manifest:
    """The manifest of a release folder."""
    return Manifest.from_json((release / MANIFEST).read_text(encoding="utf-8"))


def find_previous(out_dir: Path) -> PreviousRelease | None:
    """The latest release in out_dir by creation time (folders without a manifest are not releases)."""
    found = []
    if not out_dir.is_dir():
        return None
    for path in out_dir.iterdir():
        if path.name.startswith(".") or not (path / MANIFEST).is_file():
            continue
        try:
            manifest = read_manifest(path)
        except (ValueError, TypeError, KeyError) as exc:
            raise ReleaseError(f"release {path} has an unreadable {MANIFEST}: {exc}") from exc
        found.append(PreviousRelease(path.name, path, manifest.created_at))
    return max(found, key=lambda p: (p.created_at, p.version), default=None)


def plan_release(out_dir: Path, version: str, created_at: str | None = None) -> ReleasePlan:
    """Check the version, find the previous release and open a hidden staging folder beside the target."""
    final = release_dir(out_dir, version)
    previous = find_previous(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}.partial-", dir=out_dir))
    return ReleasePlan(version, out_dir, final, staging, created_at or utc_now(), previous)


def latest_run(con: duckdb.DuckDBPyConnection) -> RunInfo | None:
    """The latest completed refresh of the warehouse, if any."""
    row = con.execute(
        "SELECT run_id, CAST(finished_at AS VARCHAR), coder_version, model_name, model_version FROM runs "
        "WHERE status = ? ORDER BY finished_at DESC, run_id DESC LIMIT 1",
        ["completed"],
    ).fetchone()
    return RunInfo(*row) if row else None


def open_warehouse(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an existing warehouse, without progress bars."""
    if not warehouse.is_file():
        raise ReleaseError(f"warehouse {warehouse} does not exist")
    con = connect(warehouse, read_only=True)
    con.execute("SET enable_progress_bar = false")
    return con


def check_warehouse(warehouse: Path) -> RunInfo:
    """The latest completed refresh of the warehouse; ReleaseError when there is none to release."""
    con = open_warehouse(warehouse)
    run = latest_run(con)
    con.close()
    del con  # no connection in an error's traceback: Prefect keeps failed states until exit
    if run is None:
        raise ReleaseError(f"warehouse {warehouse} has no completed refresh to release")
    return run


def quote_ident(name: str) -> str:
    """A SQL identifier, double-quoted."""
    return '"' + name.replace('"', '""') + '"'


def export_query(spec: ReleasedTable, scoped: bool = False) -> str:
    """SELECT of a released table: its schema's columns in schema order, rows in key order; scoped, only
    the rows of the selected events (warehouse/sql/publish/scope/TABLE.sql)."""
    cols = ", ".join(quote_ident(c) for c in spec.column_names())
    key = ", ".join(quote_ident(c) for c in spec.key_columns)
    source = f"({scope_sql(spec.table)}) AS scoped" if scoped else quote_ident(spec.table)
    return f"SELECT {cols} FROM {source} ORDER BY {key}"


def copy_options(file: str) -> str:
    """COPY options for a release file, by its extension."""
    if file.endswith(".csv"):
        return "FORMAT csv, HEADER true"
    return "FORMAT parquet, COMPRESSION zstd"


def export_tables(
    warehouse: Path,
    staging: Path,
    tables: Sequence[ReleasedTable] = RELEASED_TABLES,
    event_filter: EventFilter | None = None,
) -> RunInfo:
    """Copy the released tables from the warehouse (opened read-only, with the derived sources and claims)
    into the staging folder; with a filter, only the selected events and what belongs to them."""
    run = check_warehouse(warehouse)
    con = open_publish(warehouse)
    scoped = event_filter is not None and not event_filter.is_empty()
    try:
        if scoped:
            select_events(con, event_filter)
        for spec in tables:
            expected = con.execute(f"SELECT count(*) FROM ({export_query(spec, scoped)})").fetchone()[0]
            for file in spec.files:
                target = staging / file
                con.execute(f"COPY ({export_query(spec, scoped)}) TO ? ({copy_options(file)})", [str(target)])
                if count_rows(target) != expected:
                    raise ReleaseError(f"{file} has {count_rows(target)} rows, table {spec.table} {expected}")
    finally:
        con.close()
        del con
    return run


def scope_sql(table: str) -> str:
    """The SELECT of a table's rows that belong to the selected events (a filtered release)."""
    return (PUBLISH_SQL_DIR / "scope" / f"{table}.sql").read_text(encoding="utf-8")


def count_rows(path: Path) -> int:
    """Data rows of a CSV (header excluded) or Parquet file."""
    if path.suffix == ".parquet":
        return pq.ParquetFile(path).metadata.num_rows
    with path.open(encoding="utf-8", newline="") as f:
        return max(sum(1 for _ in csv.reader(f)) - 1, 0)


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_report_page(warehouse: Path, staging: Path, event_filter: EventFilter | None = None) -> Path:
    """report.html: the offline report (plots and figures) of the release's events as of this release."""
    from eventcoder.publish.report import write_report

    return write_report(warehouse, staging / REPORT_FILE, event_filter)


def write_codebook(staging: Path, version: str) -> Path:
    """Write CODEBOOK.md, generated from the schemas, vocabularies and crosswalk."""
    path = staging / CODEBOOK
    path.write_text(codebook_markdown(version, RELEASED_TABLES, load_crosswalk().values()), encoding="utf-8")
    return path


def parquet_columns(con: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    """Column names of a Parquet file."""
    return [row[0] for row in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()]


def diff_events(old: Path | None, new: Path, previous: str | None = None) -> ChangeSet:
    """Events added, removed and changed (with the changed columns) from one events.parquet to another."""
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        new_cols = parquet_columns(con, new)
        if old is None:
            label = label_sql([c for c in LABEL_COLUMNS if c in new_cols], "n")
            rows = con.execute(
                f"SELECT event_id, {label} FROM read_parquet(?) AS n ORDER BY event_id", [str(new)]
            ).fetchall()
            return ChangeSet(previous, tuple(EventChange(i, "added", (), text or "") for i, text in rows))
        old_cols = parquet_columns(con, old)
        common = [c for c in new_cols if c in old_cols and c != "event_id"]
        return ChangeSet(
            previous,
            tuple(changed_rows(con, old, new, common)),
            tuple(c for c in new_cols if c not in old_cols),
            tuple(c for c in old_cols if c not in new_cols),
        )
    finally:
        con.close()


def label_sql(cols: list[str], *aliases: str) -> str:
    """SQL of a short label of an event (date, type, place), each part from the first alias that has it."""
    parts = [f"coalesce({', '.join(f'{a}.{quote_ident(c)}' for a in aliases)})" for c in cols]
    return f"concat_ws(', ', {', '.join(parts)})" if parts else "''"


def changed_rows(
    con: duckdb.DuckDBPyConnection, old: Path, new: Path, common: list[str]
) -> list[EventChange]:
    """Rows that differ between two events files, compared on their common columns."""
    differs = [f"o.{quote_ident(c)} IS DISTINCT FROM n.{quote_ident(c)}" for c in common] or ["false"]
    label = label_sql([c for c in LABEL_COLUMNS if c in common], "n", "o")
    rows = con.execute(
        f"SELECT coalesce(n.event_id, o.event_id) AS id, o.event_id IS NULL, n.event_id IS NULL, "
        f"[{', '.join(differs)}], {label} "
        "FROM read_parquet(?) AS o FULL JOIN read_parquet(?) AS n ON o.event_id = n.event_id "
        f"WHERE o.event_id IS NULL OR n.event_id IS NULL OR ({' OR '.join(differs)}) ORDER BY id",
        [str(old), str(new)],
    ).fetchall()
    out = []
    for event_id, added, removed, flags, text in rows:
        kind = "added" if added else "removed" if removed else "changed"
        fields = tuple(c for c, flag in zip(common, flags, strict=True) if flag) if kind == "changed" else ()
        out.append(EventChange(event_id, kind, fields, text or ""))
    return out


def compare_with_previous(staging: Path, previous: PreviousRelease | None) -> ChangeSet:
    """The changes of the staged events against the previous release's (checked against its manifest),
    with the corrections added since."""
    if previous is None:
        return replace(
            diff_events(None, staging / EVENTS_PARQUET), corrections=new_corrections(staging, None)
        )
    problems = check_file(previous.path, entry_of(read_manifest(previous.path), EVENTS_PARQUET))
    if problems:
        raise ReleaseError(f"previous release {previous.version} fails verification: {problems[0]}")
    changes = diff_events(previous.path / EVENTS_PARQUET, staging / EVENTS_PARQUET, previous.version)
    return replace(changes, corrections=new_corrections(staging, previous.path))


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file with a header (none when it does not exist)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def new_corrections(staging: Path, previous: Path | None) -> tuple[CorrectionNote, ...]:
    """The corrections of the staged release that the previous one did not carry."""
    known = {r["correction_id"] for r in read_csv_rows(previous / CORRECTIONS_CSV)} if previous else set()
    return tuple(
        CorrectionNote(r["correction_id"], correction_label(r))
        for r in read_csv_rows(staging / CORRECTIONS_CSV)
        if r["correction_id"] not in known
    )


def correction_label(row: dict[str, str]) -> str:
    """One line about a correction: what, on which event, why, who and when, and whether it applies."""
    what = f"set {row['field']} = {row['value'] or '(empty)'}" if row["kind"] == "set" else row["kind"]
    where = f"event `{row['event_id']}`" if row.get("event_id") else f"{row['article']}"
    status = "" if row["status"] == "applied" else f" [{row['status']}: {row['status_reason']}]"
    return f"{what} on {where}: {row['reason']} ({row['author']}, {row['created_at'][:10]}){status}"


def entry_of(manifest: Manifest, name: str) -> FileEntry:
    """The manifest entry of one file."""
    for entry in manifest.files:
        if entry.name == name:
            return entry
    raise ReleaseError(f"{name} is not listed in the manifest of release {manifest.version}")


def write_changes(staging: Path, version: str, changes: ChangeSet) -> None:
    """Write changes.csv (every change) and CHANGES.md (a summary for people)."""
    with (staging / CHANGES_CSV).open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(CHANGES_TABLE.column_names())
        for c in changes.changes:
            writer.writerow([c.event_id, c.change, "; ".join(c.fields)])
    (staging / CHANGES_MD).write_text(changes_markdown(version, changes), encoding="utf-8")


def changes_markdown(version: str, changes: ChangeSet) -> str:
    """CHANGES.md: counts, schema changes and the changed events (first CHANGES_LISTED of each kind)."""
    since = f"since {changes.previous}" if changes.previous else "(first release: every event is new)"
    counts = ", ".join(f"{changes.count(k)} {k}" for k in ("added", "removed", "changed"))
    lines = [
        f"# Changes in {version} {since}",
        "",
        f"Events: {counts}. Every change is in `changes.csv`.",
        "",
    ]
    if changes.columns_added or changes.columns_removed:
        lines += [
            f"Columns added: {', '.join(changes.columns_added) or 'none'}; "
            f"columns removed: {', '.join(changes.columns_removed) or 'none'}.",
            "",
        ]
    if changes.corrections:
        since = f"since {changes.previous}" if changes.previous else "in this release"
        lines += [f"## Corrections {since} ({len(changes.corrections)})", ""]
        lines += [f"- `{c.correction_id}` {c.label}" for c in changes.corrections]
        lines += [
            "",
            "Every correction is in `corrections.csv`; corrected events are flagged in "
            "`events.corrected_fields`.",
            "",
        ]
    for kind in ("added", "removed", "changed"):
        rows = [c for c in changes.changes if c.change == kind]
        if not rows:
            continue
        lines += [f"## {kind.capitalize()} ({len(rows)})", ""]
        lines += [
            f"- `{c.event_id}` {c.label}".rstrip() + (f" — {', '.join(c.fields)}" if c.fields else "")
            for c in rows[:CHANGES_LISTED]
        ]
        if len(rows) > CHANGES_LISTED:
            lines.append(f"- … and {len(rows) - CHANGES_LISTED} more (see `changes.csv`)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_datapackage(staging: Path, version: str, created_at: str) -> Path:
    """Write datapackage.json (a Table Schema per data file) and check it with frictionless."""
    path = staging / DATAPACKAGE
    descriptor = package_descriptor(version, created_at, (*RELEASED_TABLES, CHANGES_TABLE))
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    errors = datapackage_errors(path)
    if errors:
        raise ReleaseError(f"{DATAPACKAGE} is not a valid Data Package: {'; '.join(errors[:5])}")
    return path


def datapackage_errors(path: Path, data: bool = False) -> list[str]:
    """Frictionless errors of a datapackage.json: of the descriptor, and with data=True of every row too."""
    from frictionless import Package

    if not data:
        report = Package.validate_descriptor(str(path))
    else:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor["resources"] = [inline_parquet(r, path.parent) for r in descriptor["resources"]]
        report = Package(descriptor, basepath=str(path.parent)).validate()
    return [row[0] for row in report.flatten(["message"])]


def inline_parquet(resource: dict, folder: Path) -> dict:
    """A Parquet resource with its rows inline (frictionless reads Parquet through pandas, which turns
    null integers into NaN); other resources unchanged."""
    if resource.get("format") != "parquet":
        return resource
    table = pq.read_table(folder / resource["path"])
    rows = [table.column_names, *(list(r.values()) for r in table.to_pylist())]
    kept = {k: v for k, v in resource.items() if k not in ("path", "format", "mediatype", "encoding")}
    return {**kept, "data": rows}


def file_entries(staging: Path) -> tuple[FileEntry, ...]:
    """Manifest entries of every file in the staging folder, by name."""
    out = []
    for path in sorted(staging.iterdir()):
        rows = count_rows(path) if path.suffix in (".csv", ".parquet") else None
        out.append(FileEntry(path.name, path.stat().st_size, sha256_file(path), rows))
    return tuple(out)


def write_manifest(plan: ReleasePlan, run: RunInfo, event_filter: EventFilter | None = None) -> Manifest:
    """Write manifest.json: versions, previous release, the filter the release was cut with (null: every
    event), and rows and sha256 of every other file."""
    manifest = Manifest(
        version=plan.version,
        created_at=plan.created_at,
        pipeline_version=__version__,
        coder_version=run.coder_version,
        model_name=run.model_name,
        model_version=run.model_version,
        run_id=run.run_id,
        previous_release=plan.previous.version if plan.previous else None,
        files=file_entries(plan.staging),
        filter=event_filter.describe() if event_filter and not event_filter.is_empty() else None,
    )
    (plan.staging / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def publish(plan: ReleasePlan) -> Path:
    """Make the files read-only and rename the staging folder to the version (refused if it exists)."""
    for path in plan.staging.iterdir():
        path.chmod(0o444)
    plan.staging.chmod(0o755)
    release_dir(plan.out_dir, plan.version)  # again: another process may have released it meanwhile
    os.rename(plan.staging, plan.final)
    return plan.final


def discard(plan: ReleasePlan) -> None:
    """Remove the staging folder of a release that failed."""
    shutil.rmtree(plan.staging, ignore_errors=True)


def run_directly(step: Callable[..., T]) -> Callable[..., T]:
    """The step itself: how make_release runs its steps when no flow wraps them."""
    return step


def make_release(
    warehouse: Path,
    out_dir: Path,
    version: str,
    created_at: str | None = None,
    step: Callable[[Callable[..., T]], Callable[..., T]] = run_directly,
    event_filter: EventFilter | None = None,
) -> ReleaseResult:
    """Write release `version` of the warehouse (only the events the filter keeps, if given) into
    out_dir/version: the one release recipe.

    `step` wraps each step before it runs (flows.release runs each as a Prefect task); a failure
    removes the staging folder, so no half release ever carries the version's name.
    """
    plan = step(plan_release)(out_dir, version, created_at)
    try:
        with pinned(warehouse) as source:  # every step reads the same version, even if a refresh publishes
            run = step(export_tables)(source, plan.staging, event_filter=event_filter)
            step(write_report_page)(source, plan.staging, event_filter)
        step(write_codebook)(plan.staging, version)
        changes = step(compare_with_previous)(plan.staging, plan.previous)
        step(write_changes)(plan.staging, version, changes)
        step(write_datapackage)(plan.staging, version, plan.created_at)
        manifest = step(write_manifest)(plan, run, event_filter)
        return ReleaseResult(step(publish)(plan), manifest, changes)
    except BaseException:
        discard(plan)
        raise


def check_file(release: Path, entry: FileEntry) -> list[Problem]:
    """Problems of one listed file: missing, or its size, sha256 or row count differ from the manifest."""
    if not SAFE_NAME.fullmatch(entry.name) or ".." in entry.name:
        return [Problem(entry.name, "the manifest lists a file name that is not a plain file name")]
    path = release / entry.name
    if not path.is_file():
        return [Problem(entry.name, "missing")]
    problems = []
    digest = sha256_file(path)
    if digest != entry.sha256:
        problems.append(Problem(entry.name, f"sha256 differs: manifest {entry.sha256}, file {digest}"))
    if path.stat().st_size != entry.bytes:
        problems.append(
            Problem(entry.name, f"size differs: manifest {entry.bytes}, file {path.stat().st_size}")
        )
    if entry.rows is not None:
        try:
            rows = count_rows(path)
        except Exception as exc:  # a damaged file: say so, do not crash
            return [*problems, Problem(entry.name, f"cannot be read to count rows: {exc}")]
        if rows != entry.rows:
            problems.append(Problem(entry.name, f"row count differs: manifest {entry.rows}, file {rows}"))
    return problems


def verify_release(release: Path) -> list[Problem]:
    """Every way a release folder differs from its manifest (an empty list: the release is intact)."""
    if not release.is_dir():
        return [Problem(str(release), "not a folder")]
    try:
        manifest = read_manifest(release)
    except FileNotFoundError:
        return [Problem(MANIFEST, "missing")]
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        return [Problem(MANIFEST, f"unreadable: {exc}")]
    problems = [p for entry in manifest.files for p in check_file(release, entry)]
    listed = {entry.name for entry in manifest.files} | {MANIFEST}
    problems += [
        Problem(p.name, "not listed in the manifest")
        for p in sorted(release.iterdir())
        if p.name not in listed
    ]
    return problems
