"""The DuckDB warehouse: schema from the pandera models, SQL from warehouse/sql, one transaction per run."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from eventcoder.config import SQL_DIR
from eventcoder.records import Article, InputRecord, Mention, Quarantined, RunRecord
from eventcoder.warehouse.validation import validate_frame
from eventcoder.warehouse.views import create_views
from schemas.ddl import all_ddl, column_names, columns
from schemas.tables import (
    TABLES,
    ArticleSchema,
    InputSchema,
    MentionSchema,
    QuarantineSchema,
    RunSchema,
)


@cache
def sql(name: str) -> str:
    """The text of warehouse/sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file (created with its tables when new)."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table the schemas define, add columns a newer schema has, and (re)create the views."""
    for statement in all_ddl():
        con.execute(statement)
    for table, model in TABLES.items():
        present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
        for col in columns(model):
            if col.name not in present:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {col.name} {col.sql_type}")
    create_views(con)


def statements(text: str) -> list[str]:
    """The statements of a SQL file: comment lines dropped, split on semicolons."""
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))
    return [part.strip() for part in body.split(";") if part.strip()]


def run_script(con: duckdb.DuckDBPyConnection, name: str, params: Sequence[object] = ()) -> None:
    """Run each statement of a SQL file, binding the parameters to each statement that uses them."""
    for statement in statements(sql(name)):
        con.execute(statement, list(params) if "$" in statement else [])


def known_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Hash of every raw input already recorded, by raw_path."""
    return dict(con.execute(sql("known_inputs")).fetchall())


def known_articles(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """(coder_version, raw_path) of every article already coded, by article_id."""
    rows = con.execute("SELECT article_id, coder_version, raw_path FROM articles").fetchall()
    return {aid: (version, path) for aid, version, path in rows}


def articles_to_recode(con: duckdb.DuckDBPyConnection, coder_version: str) -> list[Article]:
    """Articles coded by another coder version, rebuilt from their stored text and metadata."""
    return [Article(*row) for row in con.execute(sql("articles_to_recode"), [coder_version]).fetchall()]


def frame(rows: Iterable[object], table: str, extra: dict[str, object] | None = None) -> pd.DataFrame:
    """A frame of dataclass rows with the table's columns (extra columns set to constants)."""
    records = [shallow_record(r) for r in rows]
    df = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=column_names(table))
    for key, value in (extra or {}).items():
        df[key] = value
    return df


def shallow_record(row: object) -> dict[str, object]:
    """A flat dataclass row as a dict (`dataclasses.asdict` deep-copies every value: a third of the
    time of loading a coded chunk)."""
    return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}  # type: ignore[arg-type]


def insert(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    """Insert a validated frame into a table, by column name."""
    if df.empty:
        return
    cols = column_names(table)
    con.register("_incoming", df[cols])
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _incoming")
    finally:
        con.unregister("_incoming")


class RunWriter:
    """Writes one refresh into the warehouse inside a single transaction (all or nothing)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
        self.con = con
        self.run = run
        self.con.execute("BEGIN TRANSACTION")

    def add_quarantine(self, items: Sequence[Quarantined]) -> None:
        """Record quarantined inputs and records."""
        if not items:
            return
        df = frame(items, "quarantine", {"run_id": self.run.run_id})
        valid, failures = validate_frame(df, QuarantineSchema)
        if failures:
            raise ValueError(f"quarantine rows failed their own schema: {failures[:3]}")
        insert(self.con, "quarantine", valid)
        self.run.n_quarantined += len(items)

    def add_inputs(self, records: Sequence[InputRecord]) -> None:
        """Record what became of each raw input read in this run (replacing earlier rows)."""
        if not records:
            return
        df = frame(records, "raw_inputs", {"run_id": self.run.run_id})
        valid, failures = validate_frame(df, InputSchema)
        if failures:
            raise ValueError(f"raw_inputs rows failed their schema: {failures[:3]}")
        run_script(self.con, "delete_raw_inputs", [list(valid["raw_path"])])
        insert(self.con, "raw_inputs", valid)

    def add_coded(self, coded: Sequence[object]) -> list[Quarantined]:
        """Load coded articles and their mentions; rows failing validation come back as quarantine."""
        if not coded:
            return []
        quarantined: list[Quarantined] = []
        mentions: list[Mention] = [m for c in coded for m in c.mentions]  # type: ignore[attr-defined]
        mention_df = mentions_frame(mentions, self.run)
        valid_mentions, failures = validate_frame(mention_df, MentionSchema)
        path_of = {c.article.article_id: c.article.raw_path for c in coded}  # type: ignore[attr-defined]
        for failure in failures:
            row = mention_df.loc[failure.index]
            quarantined.append(
                Quarantined(
                    path_of.get(row["article_id"], "?"),
                    "validate",
                    f"event mention rejected: {failure.reason}",
                    row.to_json(date_format="iso", default_handler=str),
                )
            )
        counts = valid_mentions["article_id"].value_counts().to_dict() if not valid_mentions.empty else {}
        article_df = articles_frame(coded, self.run, counts)
        valid_articles, article_failures = validate_frame(article_df, ArticleSchema)
        for failure in article_failures:
            row = article_df.loc[failure.index]
            quarantined.append(
                Quarantined(row["raw_path"], "validate", f"article rejected: {failure.reason}", None)
            )
        ids = list(article_df["article_id"])
        run_script(self.con, "delete_article_mentions", [ids])
        run_script(self.con, "delete_articles", [ids])
        insert(self.con, "articles", valid_articles)
        kept = set(valid_articles["article_id"]) if not valid_articles.empty else set()
        if not valid_mentions.empty:
            insert(self.con, "event_mentions", valid_mentions[valid_mentions["article_id"].isin(kept)])
            self.run.n_mentions += int(valid_mentions["article_id"].isin(kept).sum())
        self.run.n_coded += len(kept)
        self.add_quarantine(quarantined)
        return quarantined

    def prune(self, raw_paths: Sequence[str]) -> None:
        """Forget inputs that are gone from the raw folder (their articles and events go with them)."""
        if raw_paths:
            run_script(self.con, "prune_inputs", [list(raw_paths)])

    def remove_orphans(self) -> int:
        """Drop articles (and their mentions) that no raw input refers to any more."""
        orphans = [row[0] for row in self.con.execute(sql("orphan_articles")).fetchall()]
        if orphans:
            run_script(self.con, "delete_article_mentions", [orphans])
            run_script(self.con, "delete_articles", [orphans])
        return len(orphans)

    def merge_events(self) -> int:
        """Drop articles no input refers to any more, then merge new mentions into `events` (rebuilding the
        events that lost one); the number of events rewritten."""
        from eventcoder.warehouse.build import update_events  # build reads this module: imported late

        self.remove_orphans()
        return update_events(self.con)

    def commit(self) -> None:
        """Write the run's row and commit everything the run wrote at once."""
        self.run.status = "completed"
        self.run.finished_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # the merge is part of the run
        insert_run(self.con, self.run)
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        """Undo everything this run wrote."""
        self.con.execute("ROLLBACK")


def mentions_frame(mentions: Sequence[Mention], run: RunRecord) -> pd.DataFrame:
    """Mentions as a frame with their ids, coder version and run id."""
    df = frame(mentions, "event_mentions", {"coder_version": run.coder_version, "run_id": run.run_id})
    if mentions:
        df["event_id"] = [m.event_id for m in mentions]
    return df


def articles_frame(coded: Sequence[object], run: RunRecord, counts: dict[str, int]) -> pd.DataFrame:
    """Article rows of coded articles."""
    rows = []
    for item in coded:
        a = item.article  # type: ignore[attr-defined]
        rows.append(
            {
                "article_id": a.article_id,
                "raw_path": a.raw_path,
                "title": a.title,
                "source": a.source,
                "url": a.url,
                "published_at": a.published_at,
                "published_at_origin": a.published_at_origin,
                "language": a.language,
                "format": a.format,
                "text": a.text,
                "n_chars": len(a.text),
                "n_mentions": counts.get(a.article_id, 0),
                "coder_version": run.coder_version,
                "run_id": run.run_id,
            }
        )
    return pd.DataFrame.from_records(rows)


def insert_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    """Write (or replace) the runs row of a run."""
    df = pd.DataFrame.from_records([dataclasses.asdict(run)])
    valid, failures = validate_frame(df, RunSchema)
    if failures:
        raise ValueError(f"run row failed its schema: {failures[0].reason}")
    con.execute(sql("delete_run"), [run.run_id])
    insert(con, "runs", valid)


def record_failed_run(con: duckdb.DuckDBPyConnection, run: RunRecord, reason: str) -> bool:
    """Record a failed run with its reason, unless its row is there already; True when written."""
    if con.execute(sql("run_exists"), [run.run_id]).fetchone():
        return False
    run.status = "failed"
    run.error = reason
    run.finished_at = run.finished_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    insert_run(con, run)
    return True


def still_quarantined(con: duckdb.DuckDBPyConnection) -> int:
    """Inputs that stay quarantined until they change."""
    return con.execute(sql("still_quarantined")).fetchone()[0]


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of each warehouse table."""
    names = ("articles", "event_mentions", "events", "raw_inputs", "quarantine", "runs", "corrections")
    return {n: con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
