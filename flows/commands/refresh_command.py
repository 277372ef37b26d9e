"""Read raw/ (txt, txt + NAME.meta.json, JSONL feeds, HTML), code new and changed articles, and load
them into the warehouse in one transaction. Unreadable inputs go to the quarantine table. Only one
refresh writes a warehouse at a time. Exit status: 0 done, 1 the run failed (recorded in `runs`),
2 a raw folder or warehouse that cannot be used (nothing started)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from dataclasses import replace
from pathlib import Path

from eventcoder.config import Settings, SettingsError, check_paths
from eventcoder.ingest.read import SPACY_MAX_CHARS
from eventcoder.warehouse.locking import WarehouseLock

NAME = "refresh"
HELP = "code new and changed articles of the raw folder into the warehouse"


def bounded_int(low: int, high: int | None = None):
    """An argparse type: an integer from low to high, else a clear usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low or (high is not None and value > high):
            bound = f"at least {low:,}" if high is None else f"between {low:,} and {high:,}"
            raise argparse.ArgumentTypeError(f"must be {bound}, not {value:,}")
        return value

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder refresh`."""
    add_refresh_options(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress bar, summary or log lines")


def add_refresh_options(parser: argparse.ArgumentParser) -> None:
    """The options of a refresh (shared by `refresh` and `serve`); defaults from Settings and EVENTCODER_*."""
    parser.add_argument(
        "--corrections",
        type=Path,
        default=None,
        help="analysts' corrections applied on top of the coding (default: corrections/corrections.jsonl "
        "beside the raw folder)",
    )
    defaults = Settings().with_env()
    parser.add_argument(
        "--raw",
        type=Path,
        default=defaults.raw_dir,
        help="raw folder, or one .jsonl feed (default: %(default)s)",
    )
    parser.add_argument(
        "--warehouse", type=Path, default=defaults.warehouse, help="DuckDB file (default: %(default)s)"
    )
    parser.add_argument("--model", default=defaults.model, help="spaCy model package (default: %(default)s)")
    parser.add_argument(
        "--workers",
        type=bounded_int(1, 64),
        default=defaults.workers,
        help="coding processes (default: %(default)s)",
    )
    parser.add_argument(
        "--chunk-size",
        type=bounded_int(1),
        default=defaults.chunk_size,
        help="articles per coding task (default: %(default)s)",
    )
    parser.add_argument(
        "--max-file-bytes",
        type=bounded_int(1),
        default=defaults.max_file_bytes,
        help="larger input files are quarantined (default: %(default)s)",
    )
    parser.add_argument(
        "--max-article-chars",
        type=bounded_int(1, SPACY_MAX_CHARS),
        default=defaults.max_article_chars,
        help="longer articles are quarantined (default: %(default)s)",
    )
    parser.add_argument(
        "--prune",
        action="store_true",
        default=defaults.prune,
        help="remove the rows of inputs gone from the raw folder",
    )
    parser.add_argument(
        "--recode",
        action="store_true",
        default=defaults.recode,
        help="recode, in place, articles coded by an older coder version",
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        default=defaults.wait,
        help="if another refresh is writing the warehouse, wait for it instead of exiting",
    )
    parser.add_argument(
        "--task-runner",
        choices=["local", "dask"],
        default=defaults.task_runner,
        help="where coding tasks run: local processes, or a Dask cluster (default: %(default)s)",
    )
    parser.add_argument(
        "--dask-address",
        default=defaults.dask_address,
        help="scheduler of an existing Dask cluster (default: start a local one with --workers)",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    """The Settings the command's options ask for (the rest from EVENTCODER_* or the defaults)."""
    return replace(
        Settings().with_env(),
        raw_dir=args.raw,
        warehouse=args.warehouse,
        model=args.model,
        chunk_size=args.chunk_size,
        workers=args.workers,
        max_file_bytes=args.max_file_bytes,
        max_article_chars=args.max_article_chars,
        prune=args.prune,
        recode=args.recode,
        wait=args.wait,
        task_runner=args.task_runner,
        dask_address=args.dask_address,
        corrections=args.corrections,
    )


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 input', '2 inputs'."""
    return f"{n:,} {word if n == 1 else words or word + 's'}"


def print_summary(summary: object) -> None:
    """The closing summary of a refresh."""
    s = summary
    print(
        f"refresh {s.run_id}: read {plural(s.n_read, 'input')} ({s.n_new:,} new or changed, "
        f"{s.n_skipped:,} unchanged); coded {plural(s.n_coded, 'article')} ({s.n_recoded:,} recoded) into "
        f"{plural(s.n_mentions, 'event mention')}; {s.n_quarantined:,} quarantined in this run, "
        f"{plural(s.n_still_quarantined, 'input')} still quarantined; {s.seconds:.1f} s"
    )
    if s.n_undated or s.n_non_english:
        print(
            f"  {plural(s.n_undated, 'coded article')} without a publication date (their relative dates "
            f"stay null); {plural(s.n_non_english, 'article')} not in English (recorded with their "
            "language in articles.language, no events coded)"
        )
    tables = ", ".join(f"{k} {v:,}" for k, v in s.tables.items())
    print(f"warehouse {s.warehouse}: {tables}")
    for path, reason in s.quarantine_reasons[:20]:
        print(f"  quarantined {path}: {reason}")
    if len(s.quarantine_reasons) > 20:
        print(f"  ... and {len(s.quarantine_reasons) - 20:,} more (see the quarantine table)")
    if s.missing:
        action = "removed (--prune)" if s.n_pruned else "still in the warehouse; --prune removes them"
        gone = plural(len(s.missing), "input is", "inputs are")
        print(f"  {gone} gone from the raw folder, {action}: {', '.join(s.missing[:5])}")


def checked_settings(args: argparse.Namespace, command: str) -> Settings | None:
    """The Settings of the options, or None after saying on one line why its paths cannot work."""
    settings = settings_from(args)
    try:
        check_paths(settings)
    except SettingsError as exc:
        print(f"eventcoder {command}: {exc}", file=sys.stderr)
        return None
    return settings


def run(args: argparse.Namespace) -> int:
    """Check the paths, take the warehouse's writer lock, then run the refresh flow."""
    settings = checked_settings(args, "refresh")
    if settings is None:
        return 2
    if args.quiet:
        quiet_logs()
    from flows.refresh import new_run_id

    run_id = new_run_id()
    try:
        lock = WarehouseLock(settings.warehouse, run_id, wait=settings.wait)
    except OSError as exc:  # the warehouse's folder cannot be created
        print(f"eventcoder refresh: warehouse {settings.warehouse}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    from eventcoder.pool import discard_ahead

    with lock:
        start_coders_ahead(settings)
        try:
            summary = run_flow(settings, run_id, show_progress=sys.stderr.isatty() and not args.quiet)
        finally:
            discard_ahead()
    if not args.quiet:
        print_summary(summary)
        print_stale_corrections(settings.warehouse)
    return 0


def start_coders_ahead(settings: Settings) -> None:
    """Start the coder processes (and load the language model) now, while Prefect starts (the flow takes
    them), when the raw folder holds more than a chunk of files the warehouse has no record of;
    otherwise the flow starts them itself once reading finds more than a chunk to code (a no-op
    refresh never starts them)."""
    if settings.task_runner != "local" or settings.workers < 2 or not settings.raw_dir.is_dir():
        return
    try:
        new = unrecorded_files(settings.raw_dir, settings.warehouse, settings.chunk_size + 1)
    except Exception:  # only a guess: the flow reads and reports whatever is wrong
        return
    if new > settings.chunk_size:
        from eventcoder.pool import start_ahead

        start_ahead(settings.model, settings.workers, settings.batch_size)
        threading.Thread(target=load_run_start, name="load-run-start", daemon=True).start()


def load_run_start() -> None:
    """Load what a run needs first, while Prefect waits for its API to start: the language model (about
    0.5 s), the coder's data versions for the run's row and the warehouse's schemas (about 0.5 s; all
    kept for the process)."""
    from eventcoder.coding.coder import data_versions
    from eventcoder.ingest.language import identifier
    from eventcoder.warehouse.validation import load_schemas
    from schemas import tables

    identifier()
    data_versions()
    load_schemas(
        [tables.ArticleSchema, tables.MentionSchema, tables.EventSchema, tables.InputSchema, tables.RunSchema]
    )


def unrecorded_files(raw: Path, warehouse: Path, enough: int) -> int:
    """Input files under raw whose name the warehouse has not recorded (counted up to `enough`)."""
    import duckdb

    from eventcoder.ingest.read import TEXT_SUFFIXES, discover, relative_name
    from eventcoder.warehouse.store import known_inputs

    known: dict[str, str] = {}
    if warehouse.is_file():
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            known = known_inputs(con)
        finally:
            con.close()
    count = 0
    for path in discover(raw):
        if path.suffix.lower() in TEXT_SUFFIXES and relative_name(path, raw) not in known:
            count += 1
            if count >= enough:
                break
    return count


def print_stale_corrections(warehouse: Path) -> None:
    """Name the analysts' corrections that no longer apply (their article was recoded or removed)."""
    from eventcoder.publish.review import stale_corrections
    from eventcoder.warehouse.views import open_read_only

    con = open_read_only(warehouse)
    try:
        for cid, kind, article, evidence, status, why in stale_corrections(con):
            print(f"  {status} correction {cid} ({kind}, {article}: {evidence!r}): {why}")
    finally:
        con.close()


def quiet_logs() -> None:
    """Silence Prefect's and Dask's log lines (errors still end the command with a one-line message)."""
    os.environ["PREFECT_LOGGING_LEVEL"] = "CRITICAL"
    os.environ["DASK_LOGGING__DISTRIBUTED"] = "critical"
    if "dask" in sys.modules:  # its config was read before the variable was set: `distributed` reads it
        sys.modules["dask"].config.set({"logging.distributed": "critical"})
    for name in ("distributed", "prefect"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def run_flow(settings: Settings, run_id: str, show_progress: bool):
    """The refresh flow under the lock the caller holds (a Dask run first starts an API its workers share)."""
    from flows.api import shared_api
    from flows.refresh import refresh

    if settings.task_runner == "dask":
        shared_api()
    return refresh(settings=settings, run_id=run_id, show_progress=show_progress, lock_held=True)
