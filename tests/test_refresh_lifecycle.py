"""Refreshes over time: changed and removed inputs, recoding, one writer, crashes, Dask, the schedule."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import pytest

from eventcoder.warehouse.locking import WarehouseLock

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]


def rows(warehouse: Path, query: str) -> list[tuple]:
    """Rows of a read-only query."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def test_changed_article_replaces_its_mentions_and_removed_ones_are_reported_then_pruned(
    prefect_harness, seed_raw, tmp_path
):
    from eventcoder.config import Settings
    from flows.refresh import refresh

    warehouse = tmp_path / "w.duckdb"
    refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1))
    old = rows(warehouse, "SELECT article_id FROM articles WHERE raw_path = '000_e1cf30ec1729aa8b.txt'")
    changed = seed_raw / "000_e1cf30ec1729aa8b.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("\n\n", "\n\nGunmen killed two policemen in Quetta on Friday.\n\n", 1))
    (seed_raw / "003_7b630382d645071e.txt").unlink()
    summary = refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1))
    assert (summary.n_coded, summary.n_missing, summary.n_pruned) == (1, 1, 0)
    assert summary.missing == ["003_7b630382d645071e.txt"]
    new = rows(warehouse, "SELECT article_id FROM articles WHERE raw_path = '000_e1cf30ec1729aa8b.txt'")
    assert new != old and rows(warehouse, "SELECT count(*) FROM articles") == [(5,)]
    assert rows(warehouse, f"SELECT count(*) FROM event_mentions WHERE article_id = '{old[0][0]}'") == [(0,)]
    assert ("clash",) in rows(
        warehouse, f"SELECT event_type FROM event_mentions WHERE article_id = '{new[0][0]}'"
    )

    pruned = refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1, prune=True))
    assert (pruned.n_missing, pruned.n_pruned) == (1, 1)
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(4,)]
    linked = rows(warehouse, "SELECT count(*) FROM mention_events")
    assert linked == rows(warehouse, "SELECT count(*) FROM event_mentions")


def test_recode_recodes_articles_of_an_older_coder_in_place(prefect_harness, seed_raw, tmp_path, snapshot):
    from eventcoder.config import Settings
    from flows.refresh import refresh

    warehouse = tmp_path / "w.duckdb"
    refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1))
    before = snapshot(warehouse)
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE articles SET coder_version = 'old' WHERE raw_path LIKE '00%'")
    con.close()
    assert refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1)).n_recoded == 0
    summary = refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1, recode=True))
    assert (summary.n_recoded, summary.n_coded, summary.n_new) == (5, 5, 0)
    assert rows(warehouse, "SELECT DISTINCT coder_version FROM articles") != [("old",)]
    assert snapshot(warehouse) == before


def test_a_second_writer_is_refused_with_the_running_one_named(seed_raw, tmp_path, capsys):
    from flows.cli import main

    warehouse = tmp_path / "w.duckdb"
    with WarehouseLock(warehouse, "run-under-test"):
        status = main(["refresh", "--raw", str(seed_raw), "--warehouse", str(warehouse), "--quiet"])
    assert status == 1
    err = capsys.readouterr().err
    assert "run-under-test" in err and f"pid {os.getpid()}" in err and "--wait" in err


def cli(raw: Path, warehouse: Path, env: dict[str, str]) -> subprocess.Popen:
    """`eventcoder refresh` in its own process group."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "refresh",
            "--raw",
            str(raw),
            "--warehouse",
            str(warehouse),
            "--quiet",
        ],
        cwd=PROJECT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(condition, timeout: float) -> bool:
    """Poll a condition until it holds or the time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_refresh_killed_at_any_point_leaves_the_warehouse_intact(seed_raw, tmp_path, snapshot):
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect"), "EVENTCODER_WORKERS": "1"}
    env.pop("PREFECT_API_URL", None)
    reference = tmp_path / "reference.duckdb"
    assert cli(seed_raw, reference, env).wait(timeout=300) == 0
    warehouse = tmp_path / "w.duckdb"
    lock_info = warehouse.with_name(warehouse.name + ".lock.json")
    wal = warehouse.with_name(f".{warehouse.name}.next.wal")  # the run writes the next version
    kill_points = {
        "while Prefect starts": lambda: True,
        "with the lock taken": lambda: lock_info.exists(),
        "inside the transaction": lambda: wal.exists() and lock_info.exists(),
    }
    before = None
    for point, reached in kill_points.items():
        proc = cli(seed_raw, warehouse, env)
        hit = wait_for(reached, timeout=120)
        if point == "inside the transaction":
            time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert hit, f"never reached: {point}"
        if warehouse.exists():
            after = snapshot(warehouse)
            assert before is None or after == before, f"warehouse changed by a run killed {point}"
            assert after["events"] == [] or before is not None
            before = after
    assert cli(seed_raw, warehouse, env).wait(timeout=300) == 0
    assert snapshot(warehouse) == snapshot(reference)


def test_dask_runner_gives_the_same_rows_as_the_default_runner_and_quiet_means_quiet(
    seed_raw, tmp_path, snapshot
):
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    default, dask = tmp_path / "default.duckdb", tmp_path / "dask.duckdb"
    base = [
        sys.executable,
        "-m",
        "flows.cli",
        "refresh",
        "--raw",
        str(seed_raw),
        "--quiet",
        "--chunk-size",
        "2",
    ]
    subprocess.run([*base, "--warehouse", str(default)], cwd=PROJECT, env=env, check=True, timeout=300)
    with dask_dashboard_port_taken():  # another cluster on the machine must not make it speak
        result = subprocess.run(
            [*base, "--warehouse", str(dask), "--task-runner", "dask", "--workers", "2"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "distributed" not in result.stderr and "INFO" not in result.stderr
    a, b = snapshot(default), snapshot(dask)
    for table in ("articles", "event_mentions", "events", "mention_events"):
        assert a[table] == b[table], table


@contextmanager
def dask_dashboard_port_taken() -> Iterator[None]:
    """Hold Dask's default dashboard port (8787) while the block runs (if something else holds it, the
    condition is met already)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with suppress(OSError):
            sock.bind(("0.0.0.0", 8787))
            sock.listen()
        yield
    finally:
        sock.close()


def test_serve_builds_an_hourly_deployment_whose_parameters_validate(tmp_path):
    from eventcoder.config import Settings
    from flows.cli import build_parser
    from flows.commands.refresh_command import settings_from
    from flows.commands.serve_command import deployment_parameters
    from flows.refresh import refresh

    options = ["--raw", str(tmp_path), "--warehouse", str(tmp_path / "w.duckdb"), "--model", "m", "--recode"]
    args = build_parser().parse_args(["serve", *options, "--task-runner", "dask"])
    parameters = deployment_parameters(settings_from(args))
    deployment = refresh.to_deployment(name=args.name, cron=args.cron, parameters=parameters)
    assert deployment.name == "scheduled-refresh"
    assert deployment.schedules[0].schedule.cron == "0 * * * *"
    settings = refresh.validate_parameters(deployment.parameters)["settings"]
    assert isinstance(settings, Settings) and settings.raw_dir == tmp_path.resolve()
    assert (settings.wait, settings.recode, settings.model, settings.task_runner) == (True, True, "m", "dask")
    refresh_args = build_parser().parse_args(["refresh", *options])
    assert settings_from(refresh_args) == Settings(
        raw_dir=tmp_path, warehouse=tmp_path / "w.duckdb", model="m", recode=True
    )
