"""What a dataset release ships: its tables, their files and keys, and the schema of changes.csv."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa
from pandera.typing import Series

from schemas.export import ClaimSchema, SourceSchema
from schemas.tables import HEX_ID, TABLES

CHANGE_KINDS: tuple[str, ...] = ("added", "removed", "changed")


class ChangeSchema(pa.DataFrameModel):
    """One row per event added, removed or changed since the previous release (changes.csv)."""

    event_id: Series[str] = pa.Field(unique=True, str_matches=HEX_ID, description="events.event_id")
    change: Series[str] = pa.Field(
        isin=list(CHANGE_KINDS),
        description="added: new in this release; removed: gone from it; changed: some field differs",
    )
    fields: Series[str] = pa.Field(
        nullable=True, description="for changed events, the columns whose values differ, '; '-separated"
    )

    class Config:
        coerce = True
        strict = "filter"


@dataclass(frozen=True)
class ReleasedTable:
    """A table as a release ships it: its name, its files, its model and its key (the row order)."""

    table: str
    files: tuple[str, ...]
    model: type[pa.DataFrameModel]
    key: str | tuple[str, ...]
    withheld: tuple[str, ...] = ()

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The key as a tuple of columns (one for most tables)."""
        return (self.key,) if isinstance(self.key, str) else tuple(self.key)

    def column_names(self) -> list[str]:
        """The columns the release ships, in schema order (withheld ones left out)."""
        return [c for c in self.model.to_schema().columns if c not in self.withheld]


RELEASED_TABLES: tuple[ReleasedTable, ...] = (
    ReleasedTable("events", ("events.csv", "events.parquet"), TABLES["events"], "event_id"),
    ReleasedTable("event_mentions", ("event_mentions.parquet",), TABLES["event_mentions"], "event_id"),
    ReleasedTable("mention_events", ("mention_events.parquet",), TABLES["mention_events"], "mention_id"),
    # The article text is the outlets' copyright: releases ship its metadata, length and the
    # evidence sentences (in event_mentions), not the text itself.
    ReleasedTable("articles", ("articles.parquet",), TABLES["articles"], "article_id", withheld=("text",)),
    # Derived by the publish layer (warehouse/sql/publish/): the outlets of each event, typed, and claims.
    ReleasedTable("sources", ("sources.parquet",), SourceSchema, ("event_id", "outlet")),
    ReleasedTable("claims", ("claims.parquet",), ClaimSchema, ("event_id", "claimed_by")),
    ReleasedTable("event_merges", ("event_merges.parquet",), TABLES["event_merges"], "mention_id"),
    ReleasedTable("corrections", ("corrections.csv",), TABLES["corrections"], "correction_id"),
)
CHANGES_TABLE = ReleasedTable("changes", ("changes.csv",), ChangeSchema, "event_id")

# (table, column) → (table, column) it refers to.
FOREIGN_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    ("event_mentions", "article_id"): ("articles", "article_id"),
    ("mention_events", "mention_id"): ("event_mentions", "event_id"),
    ("mention_events", "event_id"): ("events", "event_id"),
    ("sources", "event_id"): ("events", "event_id"),
    ("claims", "event_id"): ("events", "event_id"),
    ("claims", "article_id"): ("articles", "article_id"),
    ("event_merges", "mention_id"): ("event_mentions", "event_id"),
    ("event_merges", "event_id"): ("events", "event_id"),
}
