"""Scheduled refreshes for real: `eventcoder server` on a loopback port, `eventcoder serve` with a cron
schedule, and the Prefect scheduler's own run completing into the warehouse (the README's commands)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
DEADLINE_SECONDS = 420  # server start + up to a minute to the cron tick + one refresh, on two busy cores


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """`eventcoder ARGS` in its own process group, output to a log file."""
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=PROJECT,
        env=env,
        start_new_session=True,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def stop(proc: subprocess.Popen) -> None:
    """Stop a process group this test started: SIGTERM, then SIGKILL if it lingers."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)
    try:  # the group's other members (served flow runs)
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def flow_runs(api: str) -> list[dict]:
    """Every flow run the server knows, oldest first."""
    body = {"limit": 50, "offset": 0, "sort": "EXPECTED_START_TIME_ASC"}
    return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()


@pytest.fixture
def prefect_env(tmp_path: Path) -> Iterator[tuple[dict[str, str], str]]:
    """The environment of a user who followed the README: a PREFECT_HOME of its own, PREFECT_API_URL set."""
    api = f"http://127.0.0.1:{free_port()}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api, "EVENTCODER_WORKERS": "1"}
    yield env, api


def test_a_scheduled_refresh_runs_and_fills_the_warehouse(prefect_env, seed_raw, tmp_path):
    env, api = prefect_env
    port = api.split(":")[2].split("/")[0]
    warehouse = tmp_path / "warehouse" / "events.duckdb"
    server = start(["server", "--port", port], env, tmp_path / "server.log")
    serve = None
    try:
        serve_args = ["serve", "--cron", "* * * * *", "--raw", str(seed_raw), "--warehouse", str(warehouse)]
        serve = start(serve_args, env, tmp_path / "serve.log")
        deadline = time.monotonic() + DEADLINE_SECONDS
        done = None
        while done is None and time.monotonic() < deadline:
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            time.sleep(3)
            try:
                runs = flow_runs(api)
            except httpx.TransportError:  # the server is still starting
                continue
            failed = [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]
            assert not failed, (failed[0]["state"], (tmp_path / "serve.log").read_text())
            done = next((r for r in runs if r["state_type"] == "COMPLETED"), None)
        assert done is not None, (
            "no scheduled run completed in time:\n" + (tmp_path / "serve.log").read_text()
        )
        assert done["auto_scheduled"] is True  # made by the server's scheduler, not triggered by hand
        assert done["parameters"]["settings"]["raw_dir"] == str(seed_raw.resolve())
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
            assert con.execute("SELECT status FROM runs").fetchall()[0] == ("completed",)
        finally:
            con.close()
    finally:
        if serve is not None:
            stop(serve)
        stop(server)
    assert server.poll() is not None and serve.poll() is not None


def test_serve_without_a_prefect_server_exits_2_naming_the_fix(tmp_path, seed_raw):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    command = [sys.executable, "-m", "flows.cli", "serve", "--raw", str(seed_raw)]
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "PREFECT_API_URL is not set" in result.stderr and "eventcoder server" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_reports_a_configured_server_that_does_not_answer():
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.commands.serve_command import server_problem

    # A settings context, not the environment: the session's Prefect test harness may hold one already.
    with temporary_settings(updates={PREFECT_API_URL: f"http://127.0.0.1:{free_port()}/api"}):
        problem = server_problem(wait=0)
    assert problem is not None and "no Prefect server answers" in problem and "eventcoder server" in problem
