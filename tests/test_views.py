"""Warehouse views and the query cookbook: every view and cookbook query runs on the sample warehouse."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from sample_warehouse import sample_warehouse, tiny_warehouse

from eventcoder.warehouse import views
from eventcoder.warehouse.views import VIEWS, VIEWS_DIR, create_views, open_read_only
from schemas.ddl import all_ddl

PROJECT = Path(__file__).resolve().parents[1]
COOKBOOK = PROJECT / "docs" / "queries.sql"
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def cookbook_queries() -> list[tuple[str, str, str]]:
    """(name, question, sql) of each query in docs/queries.sql."""
    text = COOKBOOK.read_text(encoding="utf-8")
    pattern = r"^-- name: (\S+)\n-- question: ([^\n]+)\n(.*?)(?=^-- name:|\Z)"
    return [(n, q, sql.strip()) for n, q, sql in re.findall(pattern, text, re.MULTILINE | re.DOTALL)]


QUERIES = cookbook_queries()


@pytest.fixture(scope="module")
def sample(prefect_harness, tmp_path_factory) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the sample warehouse (views included)."""
    con = open_read_only(sample_warehouse(tmp_path_factory))
    yield con
    con.close()


def test_each_view_has_its_own_sql_file_named_after_it():
    files = sorted(p.stem for p in VIEWS_DIR.glob("*.sql"))
    assert files == sorted(VIEWS)
    for name in VIEWS:
        body = "\n".join(
            line for line in views.view_sql(name).splitlines() if not line.startswith("--")
        ).strip()
        assert body.startswith(f"CREATE OR REPLACE VIEW {name} AS"), name


def test_each_view_is_documented_in_the_module_and_the_readme():
    for name in VIEWS:
        assert f"`{name}`" in views.__doc__, name
        assert f"`{name}`" in README, name


def test_views_are_created_on_an_empty_warehouse_and_are_empty(tmp_path):
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    for statement in all_ddl():
        con.execute(statement)
    assert create_views(con) == list(VIEWS)
    assert create_views(con) == list(VIEWS)  # idempotent
    for name in VIEWS:
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone() == (0,)
    con.close()


def test_views_work_on_a_read_only_connection(tmp_path):
    path = tiny_warehouse(tmp_path / "tiny.duckdb")
    con = open_read_only(path)
    assert con.execute("SELECT sum(n_events) FROM events_by_month").fetchone() == (3,)
    con.close()


def test_a_missing_warehouse_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="eventcoder refresh"):
        open_read_only(tmp_path / "none.duckdb")


def test_tiny_warehouse_views_count_what_the_tables_hold(tmp_path):
    con = open_read_only(tiny_warehouse(tmp_path / "tiny.duckdb"))
    months = con.execute(
        "SELECT month, event_type, n_events, fatalities FROM events_by_month ORDER BY 1"
    ).fetchall()
    assert [(str(m), t, n, f) for m, t, n, f in months] == [
        ("2022-09-01", "attack", 1, 5),
        ("2022-10-01", "protest", 1, 0),
        ("None", "dialogue", 1, 0),
    ]
    dyads = con.execute("SELECT actor1, actor2, n_events FROM actor_dyads ORDER BY actor1").fetchall()
    assert ("Protesters (Pakistan)", None, 1) in dyads
    quality = con.execute(
        "SELECT articles_kept, mentions_kept, events_kept, quarantine_stages, confidence_median "
        "FROM coding_quality"
    ).fetchone()
    assert quality == (2, 3, 3, "decode", 0.7)
    con.close()


def test_coding_quality_counts_undated_and_non_english_articles(tmp_path):
    path = tiny_warehouse(tmp_path / "tiny.duckdb")
    con = duckdb.connect(str(path))
    counts = "SELECT articles_undated, articles_non_english FROM coding_quality"
    assert con.execute(counts).fetchone() == (0, 0)  # both dated, languages unknown (older rows)
    con.execute("UPDATE articles SET language = 'en'")
    con.execute(
        "UPDATE articles SET published_at = NULL, language = 'fr' WHERE article_id = 'b000000000000002'"
    )
    assert con.execute(counts).fetchone() == (1, 1)
    con.close()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(VIEWS))
def test_view_runs_on_the_sample_warehouse(sample, name):
    assert con_count(sample, name) > 0


def con_count(con: duckdb.DuckDBPyConnection, relation: str) -> int:
    """Rows of a table or view."""
    return con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]


@pytest.mark.slow
def test_views_account_for_every_event_and_mention(sample):
    events = con_count(sample, "events")
    assert sample.execute("SELECT sum(n_events) FROM events_by_month").fetchone()[0] == events
    assert sample.execute("SELECT sum(n_events) FROM events_by_admin1").fetchone()[0] == events
    with_actor = sample.execute("SELECT count(*) FROM events WHERE actor1 IS NOT NULL").fetchone()[0]
    assert sample.execute("SELECT sum(n_events) FROM actor_dyads").fetchone()[0] == with_actor
    assert con_count(sample, "event_sources") == con_count(sample, "event_mentions")
    run = sample.execute(
        "SELECT articles_coded, quarantined, quarantine_stages FROM coding_quality"
    ).fetchone()
    assert run == (5, 1, "decode")


def test_the_cookbook_has_at_least_ten_named_questions():
    names = [name for name, _, _ in QUERIES]
    assert len(QUERIES) >= 10 and len(set(names)) == len(names)
    lines = COOKBOOK.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("-- name:") for line in lines) == len(QUERIES)
    for name, question, sql in QUERIES:
        assert re.fullmatch(r"[a-z0-9_]+", name) and question.endswith("?") and sql, name


@pytest.mark.slow
@pytest.mark.parametrize("sql", [sql for _, _, sql in QUERIES], ids=[name for name, _, _ in QUERIES])
def test_cookbook_query_runs_on_the_sample_warehouse(sample, sql):
    cursor = sample.execute(sql)
    assert cursor.description and isinstance(cursor.fetchall(), list)


def test_each_view_is_in_the_release_codebook():
    from schemas.codebook import views_section

    section = "\n".join(views_section())
    assert all(f"`{name}`" in section for name in VIEWS)
