"""`python bench/merge_feed.py FEED`, run as a user runs it: copies of every report become one event again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]

# Reports of our own: two attacks in one province on one day at different villages, a protest, an arrest.
NOTES = [
    "On 3 March 2024, gunmen attacked the village of Kawuri in Borno state, killing 4 farmers.",
    "On 3 March 2024, gunmen attacked the village of Dalwa in Borno state, killing 2 herders.",
    "On 4 March 2024, hundreds of traders protested in Kano over new market taxes.",
    "On 5 March 2024, police arrested 6 students in Zaria after a rally at the university.",
]


def test_copies_of_every_report_give_one_event_each(tmp_path):
    feed = tmp_path / "notes.jsonl"
    feed.write_text(
        "".join(json.dumps({"id": f"N{i}", "text": t, "source": "Own"}) + "\n" for i, t in enumerate(NOTES))
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "EVENTCODER_"))}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "EVENTCODER_WORKERS": "1"}
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "bench/merge_feed.py", str(feed), "--copies", "3", "--out", str(out)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "12 reports (3 copies of each note)" in result.stdout
    table = json.loads((out / "merge_feed.json").read_text())
    types = {row["event_type"]: row for row in table["types"]}
    assert types["attack"]["events_once"] == 2  # the two villages stay two attacks
    for row in table["types"]:
        assert row["reports_copied"] == 3 * row["events_once"]
        assert row["events_copied"] == row["events_once"], row


def test_a_missing_feed_is_refused_with_its_path(tmp_path):
    result = subprocess.run(
        [sys.executable, "bench/merge_feed.py", str(tmp_path / "none.jsonl")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "no feed at" in result.stderr
