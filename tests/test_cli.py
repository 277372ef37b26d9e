"""The command line: every command has --help and is documented in the README."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.cli import build_parser, commands

PROJECT = Path(__file__).resolve().parents[1]
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def subcommands() -> list[str]:
    """Names of the CLI's commands."""
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


def test_every_command_is_dispatched():
    assert subcommands() == sorted(commands())


@pytest.mark.parametrize("command", subcommands())
def test_every_command_is_documented_in_the_readme(command):
    assert f"eventcoder {command}" in README


@pytest.mark.parametrize("command", subcommands())
def test_every_command_has_help(command):
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", command, "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "usage: eventcoder" in result.stdout


def test_readme_quick_start_is_the_two_make_targets():
    assert "make refresh" in README and "make test" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def eventcoder(*args: str, env: dict[str, str] | None = None, cwd: Path = PROJECT, timeout: float = 600):
    """Run `eventcoder ARGS` in a process of its own, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """A user's environment: no Prefect server, a PREFECT_HOME of the test's own, one coder process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "EVENTCODER_"))}
    return env | {"PREFECT_HOME": str(tmp_path / "prefect"), "EVENTCODER_WORKERS": "1"}


@pytest.mark.parametrize(
    "raw, warehouse, words",
    [
        ("missing", "w.duckdb", ("raw folder", "missing", "does not exist")),
        ("notes.txt", "w.duckdb", ("notes.txt", "neither a folder nor a .jsonl feed")),
        ("raw", "raw", ("is a folder, not a DuckDB file",)),
        ("raw", "notes.txt", ("notes.txt", "is not a DuckDB database")),
        ("raw", "notes.txt/w.duckdb", ("cannot be created", "is not a folder")),
    ],
)
def test_refresh_refuses_unusable_paths_in_one_line_with_status_2(tmp_path, user_env, raw, warehouse, words):
    (tmp_path / "raw").mkdir()
    (tmp_path / "notes.txt").write_text("not a database\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = eventcoder("refresh", "--raw", raw, "--warehouse", warehouse, env=user_env, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("eventcoder refresh: ")
    assert all(w in result.stderr for w in words), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no lock file, no warehouse, no Prefect home
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "not a database\n"


@pytest.mark.slow
def test_the_readme_commands_from_one_feed_file_to_a_verified_release(tmp_path, user_env):
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "n1", "text": "Police arrested 12 protesters in Karachi on Monday, officials said."},
        {"id": 7, "text": "Gunmen killed two policemen in Quetta on Friday."},
        {"id": "n2", "text": "Protesters rallied in Lahore on Friday against price rises, police said."},
    ]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    result = eventcoder("refresh", "--raw", str(feed), "--warehouse", str(warehouse), env=user_env)
    assert result.returncode == 0, result.stderr
    assert "read 3 inputs" in result.stdout and "coded 2 articles" in result.stdout
    assert "1 quarantined in this run, 1 input still quarantined" in result.stdout
    assert "feed.jsonl#line2" in result.stdout and "no string `id`" in result.stdout
    assert not list(tmp_path.glob(".*.next*"))

    again = eventcoder("refresh", "--raw", str(feed), "--warehouse", str(warehouse), "--quiet", env=user_env)
    assert again.returncode == 0 and again.stdout == "" and again.stderr == ""

    query = eventcoder(
        "query", "SELECT raw_path FROM articles ORDER BY 1", "--warehouse", str(warehouse), "--format", "csv"
    )
    assert query.returncode == 0 and query.stdout == "raw_path\nfeed.jsonl#n1\nfeed.jsonl#n2\n"
    runs = eventcoder(
        "query",
        "SELECT status, n_coded FROM runs ORDER BY started_at",
        "--warehouse",
        str(warehouse),
        "--format",
        "json",
    )
    assert json.loads(runs.stdout) == [
        {"status": "completed", "n_coded": 2},
        {"status": "completed", "n_coded": 0},
    ]
    refused = eventcoder("query", "DELETE FROM events", "--warehouse", str(warehouse))
    assert refused.returncode == 2 and "refused" in refused.stderr

    report = eventcoder("report", "--warehouse", str(warehouse), "--out", str(tmp_path / "report.html"))
    assert report.returncode == 0 and (tmp_path / "report.html").stat().st_size > 1_000_000

    out = tmp_path / "releases"
    release = eventcoder(
        "release", "--version", "2026.1", "--warehouse", str(warehouse), "--out", str(out), env=user_env
    )
    assert release.returncode == 0, release.stderr
    assert "release 2026.1 written" in release.stdout
    verify = eventcoder("verify", str(out / "2026.1"), "--data")
    assert verify.returncode == 0 and "files verified" in verify.stdout


@pytest.mark.slow
def test_a_run_that_fails_is_recorded_in_runs_with_its_reason(seed_raw, tmp_path, user_env):
    warehouse = tmp_path / "w.duckdb"
    args = ["refresh", "--raw", str(seed_raw), "--warehouse", str(warehouse), "--quiet"]
    failed = eventcoder(*args, "--model", "no_such_model", env=user_env)
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines()[-1].startswith("eventcoder refresh failed: ")
    runs = eventcoder(
        "query",
        "SELECT status, model_name, error FROM runs",
        "--warehouse",
        str(warehouse),
        "--format",
        "json",
    )
    (run,) = json.loads(runs.stdout)
    assert (
        run["status"] == "failed" and run["model_name"] == "no_such_model" and "no_such_model" in run["error"]
    )
    assert not list(tmp_path.glob(".*.next*"))


def test_refresh_summary_counts_undated_and_non_english_articles(tmp_path, user_env):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "fr.txt").write_text(
        "Des manifestants se sont rassemblés samedi devant le parlement pour protester contre la hausse "
        "des prix, ont indiqué les organisateurs, qui annoncent de nouvelles marches la semaine prochaine.",
        encoding="utf-8",
    )
    (raw / "en.txt").write_text(
        "May 3, 2024\n\nProtesters rallied in Lahore on Friday against price rises, police said.\n",
        encoding="utf-8",
    )
    warehouse = tmp_path / "w.duckdb"
    result = eventcoder("refresh", "--raw", str(raw), "--warehouse", str(warehouse), env=user_env)
    assert result.returncode == 0, result.stderr
    assert "1 coded article without a publication date" in result.stdout
    assert "1 article not in English" in result.stdout
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    rows = dict(con.execute("SELECT raw_path, language FROM articles").fetchall())
    quality = con.execute("SELECT articles_undated, articles_non_english FROM coding_quality").fetchone()
    n_french = con.execute(
        "SELECT count(*) FROM event_mentions JOIN articles USING (article_id) WHERE raw_path = 'fr.txt'"
    ).fetchone()[0]
    assert rows == {"fr.txt": "fr", "en.txt": "en"} and quality == (1, 1) and n_french == 0


@pytest.mark.slow
def test_a_refresh_with_coder_processes_writes_nothing_to_stderr(tmp_path, user_env):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, town in enumerate(("Kisumu", "Nakuru", "Eldoret")):
        text = f"Protest in {town}\n\nTraders protested in {town} on 14 May 2024 against new market fees.\n"
        (raw / f"a{i}.txt").write_text(text, encoding="utf-8")
    env = user_env | {"EVENTCODER_WORKERS": "2", "EVENTCODER_CHUNK_SIZE": "1"}
    result = eventcoder(
        "refresh", "--raw", str(raw), "--warehouse", str(tmp_path / "w.duckdb"), "--quiet", env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the spawned coder processes do not load DuckDB, so print no leak warnings
