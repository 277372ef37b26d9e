"""Analysis views of the warehouse, one `CREATE OR REPLACE VIEW` per file of warehouse/sql/views.

| view | one row per | answers |
| --- | --- | --- |
| `events_by_month` | month × country × event type | how many events, how many killed, when |
| `actor_dyads` | actor1 × actor2 (actor2 null if one-sided) | who did what to whom, how often, since when |
| `events_by_admin1` | country × admin1 × event type | where, by province or state |
| `event_sources` | mention of an event (via mention_events) | who reported an event, in which sentence |
| `coding_quality` | refresh run | how much a run coded and how well |

Columns:
- events_by_month: month (1st of the month; null if undated), country, iso3, event_type, n_events,
  n_with_fatalities, fatalities.
- actor_dyads: actor1, actor2, n_events, fatalities, first_date, last_date, event_types.
- events_by_admin1: country, iso3, admin1 (null: placed at country level only), event_type, n_events,
  fatalities, n_districts, first_date, last_date.
- event_sources: the event's event_id, event_type, sub_event_type, event_date, country, location, actor1,
  actor2, fatalities, n_mentions, n_articles; the mention's mention_id, article_id, outlet, title, url,
  published_at, raw_path, evidence, evidence_start, evidence_end, mention_confidence; why it is in the event
  (event_merges): merge_rule, merged_with (the mention it was matched with), merge_evidence; and the event's
  corrected_fields (what an analyst's correction changed).
- coding_quality: from runs run_id, started_at, finished_at, status, coder_version, n_read, n_new,
  articles_coded, mentions_coded, quarantined; still in the warehouse articles_kept,
  articles_without_events, articles_undated (no publication date), articles_non_english (language not
  en), mentions_kept, events_kept; mentions_per_article, quarantine_stages,
  confidence_min, confidence_q1, confidence_median, confidence_q3, confidence_max, confidence_mean,
  share_undated, share_unlocated, share_without_actor1 (shares of the run's kept mentions).

Fatalities are summed over the events that state a figure (n_with_fatalities counts them). No view drops
a row for a missing value: a null month, country or admin1 is a group of its own.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventcoder.config import SQL_DIR

VIEWS_DIR = SQL_DIR / "views"

VIEWS: dict[str, str] = {
    "events_by_month": "events and fatalities by month, country and event type",
    "actor_dyads": "actor pairs with event counts, fatalities, first and last date",
    "events_by_admin1": "events and fatalities by first-level region and event type",
    "event_sources": "each event with its mentions, articles, outlets and evidence sentences",
    "coding_quality": "per refresh: articles, mentions, events, quarantine, confidence quartiles",
}


class WarehouseMissingError(FileNotFoundError):
    """The warehouse file does not exist."""


def view_sql(name: str) -> str:
    """The CREATE OR REPLACE VIEW statement of one view."""
    return (VIEWS_DIR / f"{name}.sql").read_text(encoding="utf-8")


def create_views(con: duckdb.DuckDBPyConnection, temporary: bool = False) -> list[str]:
    """Create (or replace) every view; temporary views work on a read-only connection."""
    for name in VIEWS:
        statement = view_sql(name)
        if temporary:
            statement = statement.replace("CREATE OR REPLACE VIEW", "CREATE OR REPLACE TEMP VIEW", 1)
        con.execute(statement)
    return list(VIEWS)


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse with every view available."""
    if not Path(path).is_file():
        raise WarehouseMissingError(f"no warehouse at {path}: run `eventcoder refresh` first")
    con = duckdb.connect(str(path), read_only=True)
    try:
        create_views(con, temporary=True)
    except Exception:
        con.close()
        raise
    return con
