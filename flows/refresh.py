"""Prefect flow `refresh`: raw articles → coded, validated events in the DuckDB warehouse.

Thin by design: each step is a task that calls the pure core (`eventcoder`), in this order:
read → plan → code (one task per chunk, in a pool of coder processes or on Dask; with the pool,
chunks go to the coder processes while reading goes on) → load (as chunks complete, then the run's
inputs) → merge events → commit. The flow holds the
warehouse's writer lock for the whole run and writes into the warehouse's next version
(`eventcoder.warehouse.versions`) in one DuckDB transaction; the commit renames that version
over the warehouse. A crash at any point leaves the warehouse as it was, and readers are
never turned away.

No `from __future__ import annotations` here: Prefect builds the flow's parameter model from
these annotations, and a deployment's runs validate their parameters against it.
"""

import datetime as dt
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from eventcoder import __version__
from eventcoder.coding.coder import ChunkResult, code_articles, coder_version, data_versions
from eventcoder.config import Settings, check_paths
from eventcoder.ingest.language import ArticleCounts, count_undated_and_non_english
from eventcoder.ingest.planning import RefreshPlan, chunks, counting_articles, plan_refresh
from eventcoder.ingest.read import IngestResult, Limits, input_scope, read_inputs
from eventcoder.pool import CoderPool, EarlyChunks, take_ahead
from eventcoder.records import Article, RunRecord
from eventcoder.warehouse.corrections import default_path as default_corrections
from eventcoder.warehouse.corrections import read_corrections, store_corrections
from eventcoder.warehouse.locking import WarehouseLock
from eventcoder.warehouse.store import (
    RunWriter,
    articles_to_recode,
    known_articles,
    known_inputs,
    record_failed_run,
    still_quarantined,
    table_counts,
)
from eventcoder.warehouse.versions import next_version, publish_next
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
    n_still_quarantined: int
    n_missing: int
    n_pruned: int
    n_undated: int  # coded articles without a publication date (relative dates stay null)
    n_non_english: int  # coded articles not in English (recorded with their language, no events coded)
    seconds: float
    tables: dict[str, int]
    quarantine_reasons: list[tuple[str, str]]
    missing: list[str]


# Coded articles are validated and inserted in batches of this many: pandera's cost is mostly
# per call, and a bounded batch keeps memory flat however large the run.
LOAD_BATCH = 512
DEFAULTS = Settings()


@task(cache_policy=NONE, retries=2, retry_delay_seconds=2)
def read_raw(
    settings: Settings, known: dict[str, str], on_article: Callable[[Article, int], None] | None = None
) -> list[IngestResult]:
    """Read every input of the raw folder (or feed file) that is new or changed."""
    limits = Limits(settings.max_file_bytes, settings.max_article_chars)
    return list(counting_articles(read_inputs(settings.raw_dir, known, limits), on_article))


@task(cache_policy=NONE)
def plan_run(
    results: list[IngestResult],
    known_ids: dict[str, tuple[str, str]],
    known: dict[str, str],
    recode: list[Article],
    run: RunRecord,
) -> RefreshPlan:
    """Decide what to code, record as duplicate, quarantine and report as gone; add articles to recode."""
    plan = plan_refresh(results, known_ids, known)
    coding_now = {a.raw_path for a in plan.to_code}
    again = [a for a in recode if a.raw_path not in coding_now]
    plan.to_code.extend(again)
    run.n_recoded = len(again)
    run.n_read, run.n_new, run.n_skipped = plan.n_read, plan.n_new, plan.n_unchanged
    run.n_missing = len(plan.missing)
    return plan


@task(cache_policy=NONE, retries=1, retry_delay_seconds=2)
def code_chunk(
    chunk: list[Article],
    model: str,
    batch_size: int,
    pool: CoderPool | None,
    sent: Future[ChunkResult] | None = None,
) -> ChunkResult:
    """Code one chunk of articles (in the coder pool when there is one, else in this process); `sent`:
    the chunk was sent to the pool while reading went on (a retry after it failed sends it again)."""
    if sent is not None and not (sent.done() and (sent.cancelled() or sent.exception() is not None)):
        return sent.result()
    if pool is None:
        return code_articles(chunk, model, batch_size)
    return pool.submit(chunk).result()


@task(cache_policy=NONE)
def load_coded(writer: RunWriter, result: ChunkResult) -> None:
    """Validate and insert coded articles (and record the quarantined ones) in the run's transaction."""
    writer.add_quarantine(result.quarantined)
    writer.add_coded(result.coded)


@task(cache_policy=NONE)
def load_inputs(writer: RunWriter, plan: RefreshPlan, prune: bool) -> None:
    """Record the run's quarantine and raw inputs; with prune, forget inputs gone from the raw folder."""
    writer.add_quarantine(plan.quarantined)
    writer.add_inputs(plan.inputs)
    if prune:
        writer.prune(plan.missing)
        writer.run.n_pruned = len(plan.missing)


@task(cache_policy=NONE)
def merge_events(writer: RunWriter) -> int:
    """Merge the run's mentions into `events`; the number of events rewritten."""
    return writer.merge_events()


@task(cache_policy=NONE)
def commit(writer: RunWriter, warehouse: Path) -> tuple[dict[str, int], int]:
    """Commit the run and publish the new version of the warehouse; its table counts and stuck inputs."""
    writer.commit()
    tables, stuck = table_counts(writer.con), still_quarantined(writer.con)
    publish_next(warehouse, writer.con)
    return tables, stuck


def new_run_id() -> str:
    """A fresh run id."""
    return uuid.uuid4().hex[:16]


def utc_now() -> dt.datetime:
    """The current UTC time, naive (as stored in the warehouse)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def start_run(run_id: str, settings: Settings) -> RunRecord:
    """The runs row of a run that starts now."""
    return RunRecord(
        run_id=run_id,
        started_at=utc_now(),
        raw_dir=str(settings.raw_dir),
        pipeline_version=__version__,
        coder_version=coder_version(),
        model_name=settings.model,
        model_version=model_label(settings.model),
        data_versions=json.dumps(data_versions(), sort_keys=True),
    )


@flow(name="refresh", task_runner=ThreadPoolTaskRunner(max_workers=4), persist_result=False)
def refresh(
    settings: Settings = DEFAULTS,
    run_id: str | None = None,
    show_progress: bool = False,
    lock_held: bool = False,
) -> RefreshSummary:
    """Code new and changed articles of the raw folder into the warehouse, in one transaction.

    The run holds the warehouse's writer lock (`lock_held`: the caller already holds it). A run
    that fails is recorded in `runs` with status `failed` and its reason.
    """
    check_paths(settings)
    # a broken corrections file stops the run before any work
    fixes = read_corrections(settings.corrections or default_corrections(settings.raw_dir))
    run = start_run(run_id or new_run_id(), settings)
    started = time.monotonic()
    with (
        nullcontext() if lock_held else WarehouseLock(settings.warehouse, run.run_id, wait=settings.wait),
        failures_recorded(settings, run),
        next_version(settings.warehouse) as con,
        coder_pool(settings) as pool,
    ):
        known = input_scope(settings.raw_dir, known_inputs(con))
        # articles go to the coder processes as they are read (once they are started)
        early = EarlyChunks(pool, settings.chunk_size, 2 * pool.workers) if pool is not None else None
        # quote(): large arguments are data, never futures; unquoted, Prefect walks every article and
        # mention in them looking for futures (about 70 ms a task call for 512 articles)
        results = read_raw(settings, quote(known), stream_articles(pool, early, settings.chunk_size))
        recode = articles_to_recode(con, run.coder_version) if settings.recode else []
        plan = plan_run(quote(results), quote(known_articles(con)), quote(known), quote(recode), run)
        del results, recode
        log_plan(plan)
        counts = count_undated_and_non_english(plan.to_code)
        writer = RunWriter(con, run)
        code_all(plan.to_code, writer, settings, pool, show_progress, early)
        if pool is not None:
            pool.release()  # the workers exit while the run merges and commits
        load_inputs(writer, quote(plan), settings.prune)
        store_corrections(con, fixes)  # applied by the merge step, on top of the coding
        merge_events(writer)
        tables, stuck = commit(writer, settings.warehouse)
    summary = summary_of(run, plan, tables, stuck, counts, settings, round(time.monotonic() - started, 2))
    publish_artifact(summary)
    get_run_logger().info("refresh %s finished in %.1f s", run.run_id, summary.seconds)
    return summary


@contextmanager
def failures_recorded(settings: Settings, run: RunRecord) -> Iterator[None]:
    """Record a run that fails in `runs`, with its reason (in a version of its own), then re-raise."""
    try:
        yield
    except Exception as exc:
        run.finished_at = utc_now()
        try:
            with next_version(settings.warehouse) as con:
                if record_failed_run(con, run, f"{type(exc).__name__}: {exc}"[:2000]):
                    publish_next(settings.warehouse, con)
        except Exception as record_exc:  # never hide the run's own error behind this one
            get_run_logger().warning("could not record failed run %s: %s", run.run_id, record_exc)
        raise


@contextmanager
def coder_pool(settings: Settings) -> Iterator[CoderPool | None]:
    """Coder processes for the local runner with more than one worker (None: code in the task itself)."""
    if settings.task_runner != "local" or settings.workers < 2:
        yield None
        return
    ahead = take_ahead(settings.model, settings.workers, settings.batch_size)
    with ahead or CoderPool(settings.model, settings.workers, settings.batch_size) as pool:
        yield pool


def log_plan(plan: RefreshPlan) -> None:
    """Log what the run read and will code."""
    get_run_logger().info(
        "read %d inputs: %d new/changed, %d unchanged, %d duplicates, %d quarantined, %d gone; code %d",
        plan.n_read,
        plan.n_new,
        plan.n_unchanged,
        plan.n_duplicates,
        len(plan.quarantined),
        len(plan.missing),
        len(plan.to_code),
    )


def summary_of(
    run: RunRecord,
    plan: RefreshPlan,
    tables: dict[str, int],
    stuck: int,
    counts: ArticleCounts,
    settings: Settings,
    seconds: float,
) -> RefreshSummary:
    """The closing summary of a completed run."""
    return RefreshSummary(
        run_id=run.run_id,
        warehouse=str(settings.warehouse),
        n_read=run.n_read,
        n_new=run.n_new,
        n_skipped=run.n_skipped,
        n_coded=run.n_coded,
        n_recoded=run.n_recoded,
        n_mentions=run.n_mentions,
        n_quarantined=run.n_quarantined,
        n_still_quarantined=stuck,
        n_missing=run.n_missing,
        n_pruned=run.n_pruned,
        n_undated=counts.undated,
        n_non_english=counts.non_english,
        seconds=seconds,
        tables=tables,
        quarantine_reasons=[(q.raw_path, q.reason) for q in plan.quarantined],
        missing=plan.missing,
    )


def stream_articles(
    pool: CoderPool | None, early: EarlyChunks | None, chunk_size: int
) -> Callable[[Article, int], None] | None:
    """A callback for read_raw that starts the coder processes once more than a chunk is read (unless
    they were started ahead), and sends them chunks of articles while reading goes on."""
    if pool is None or early is None:
        return None

    def stream(article: Article, n_articles: int) -> None:
        """Start the pool's workers, and send them the article."""
        if n_articles > chunk_size:
            pool.warm()
        early.add(article)

    return stream


def code_all(
    articles: list[Article],
    writer: RunWriter,
    settings: Settings,
    pool: CoderPool | None,
    show_progress: bool,
    early: EarlyChunks | None = None,
) -> None:
    """Submit one coding task per chunk and load each result as it completes.

    Chunks go to the coder processes when they are already running or there is more than one
    chunk; a single chunk is coded in this process rather than paying for the processes' start.
    With the Dask runner, chunks go to the cluster's workers. Chunks sent while reading went on
    (`early`) are coded already or under way: their tasks wait for them.
    """
    sent, articles = early.take(articles) if early is not None else ([], articles)
    if not articles and not sent:
        return
    if pool is not None and not pool.started and len(articles) <= settings.chunk_size:
        pool = None
    n_workers = (
        pool.workers if pool is not None else settings.workers if settings.task_runner == "dask" else 1
    )
    total = len(articles) + sum(len(chunk) for chunk, _ in sent)
    progress = Progress(total, "coding articles", show_progress, get_run_logger())
    try:
        with dask_runner(settings) as runner:
            batch = ChunkResult([], [])
            for result in coded_chunks(
                chunks(articles, settings.chunk_size, n_workers), settings, pool, runner, sent
            ):
                batch.coded.extend(result.coded)
                batch.quarantined.extend(result.quarantined)
                if len(batch.coded) >= LOAD_BATCH:
                    load_coded(writer, quote(batch))
                    batch = ChunkResult([], [])
                progress.advance(len(result.coded) + len(result.quarantined))
            load_coded(writer, quote(batch))
    finally:
        progress.close()


def coded_chunks(
    parts: Iterator[list[Article]],
    settings: Settings,
    pool: CoderPool | None,
    runner: object | None,
    sent: Sequence[tuple[list[Article], Future[ChunkResult]]] = (),
) -> Iterator[ChunkResult]:
    """Each chunk's coding result as it completes (on the flow's runner, or the Dask runner); chunks
    already sent to the coder pool first."""
    early = [
        code_chunk.submit(quote(c), settings.model, settings.batch_size, pool, quote(f)) for c, f in sent
    ]
    if runner is None:
        futures = early + [
            code_chunk.submit(quote(c), settings.model, settings.batch_size, pool) for c in parts
        ]
    else:
        futures = [
            runner.submit(
                code_chunk,
                {"chunk": c, "model": settings.model, "batch_size": settings.batch_size, "pool": None},
            )
            for c in parts
        ]
        futures = early + futures
    for future in as_completed(futures):
        yield future.result()


def dask_runner(settings: Settings):
    """A DaskTaskRunner for the coding tasks when the settings ask for one (a null context otherwise)."""
    if settings.task_runner != "dask":
        return nullcontext()
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    cluster = {
        "n_workers": settings.workers,
        "processes": True,
        "threads_per_worker": 1,
        # the scheduler serves HTTP anyway: on a free port of its own, never 8787 (taken by another
        # cluster, it made distributed warn on stderr whatever --quiet said)
        "dashboard_address": "127.0.0.1:0",
    }
    return DaskTaskRunner(cluster_kwargs=cluster)


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
        "still quarantined": summary.n_still_quarantined,
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
