"""Readers are never turned away by a refresh: they get the warehouse before the run or after it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "flows.cli"]
sys.path.insert(0, str(PROJECT / "bench"))

from corpus import build_corpus  # noqa: E402


def eventcoder(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    """`eventcoder ARGS` in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_queries_during_a_refresh_always_get_the_before_or_after_answer(seed_raw, tmp_path):
    from eventcoder.publish.query import query_warehouse

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "EVENTCODER_"))}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "EVENTCODER_WORKERS": "1"}
    warehouse = tmp_path / "w.duckdb"
    first = eventcoder(["refresh", "--raw", str(seed_raw), "--warehouse", str(warehouse), "--quiet"], env)
    assert first.wait(timeout=600) == 0, first.stderr.read()
    more = tmp_path / "more"
    n = build_corpus(40, more)["articles"]

    refresh = eventcoder(["refresh", "--raw", str(more), "--warehouse", str(warehouse), "--quiet"], env)
    answers, failures, cli_answers = [], [], []
    next_cli = time.monotonic()
    while refresh.poll() is None:
        try:
            answers.append(query_warehouse(warehouse, "SELECT count(*) FROM articles").rows[0][0])
        except Exception as exc:  # what this test is about: no reader is refused
            failures.append(f"{type(exc).__name__}: {exc}")
        if time.monotonic() >= next_cli:  # and the command a user polls with, once a second or so
            query = subprocess.run(
                [
                    *CLI,
                    "query",
                    "SELECT count(*) FROM articles",
                    "--format",
                    "csv",
                    "--warehouse",
                    str(warehouse),
                ],
                cwd=PROJECT,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            if query.returncode != 0:
                failures.append(query.stderr)
            else:
                cli_answers.append(int(query.stdout.split()[-1]))
            next_cli = time.monotonic() + 1
        time.sleep(0.02)
    assert refresh.returncode == 0, refresh.stderr.read()
    assert failures == []
    answers.append(query_warehouse(warehouse, "SELECT count(*) FROM articles").rows[0][0])
    assert set(answers) | set(cli_answers) <= {5, 5 + n} and answers[-1] == 5 + n
    assert answers == sorted(answers)  # once the new version is there, nobody sees the old one again
    assert len(cli_answers) >= 3 and 5 in answers
    assert not list(tmp_path.glob(".*.next*"))


def test_a_pinned_warehouse_keeps_its_version_while_a_new_one_is_published(tmp_path):
    import duckdb

    from eventcoder.warehouse.versions import next_version, pinned, publish_next

    warehouse = tmp_path / "events.duckdb"
    with next_version(warehouse) as con:
        con.execute("CREATE TABLE notes AS SELECT 1 AS n")
        publish_next(warehouse, con)
    with pinned(warehouse) as source:
        assert source.name == warehouse.name and source != warehouse
        with next_version(warehouse) as con:
            con.execute("DELETE FROM notes")
            publish_next(warehouse, con)
        old = duckdb.connect(str(source), read_only=True)
        assert old.execute("SELECT count(*) FROM notes").fetchone() == (1,)
        old.close()
    new = duckdb.connect(str(warehouse), read_only=True)
    assert new.execute("SELECT count(*) FROM notes").fetchone() == (0,)
    new.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.duckdb"]
