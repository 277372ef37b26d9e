"""The benchmark (`make bench`, bench/run.py), run for real on a small corpus: its table and its JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def bench(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run bench/run.py with ARGS in a process of its own, with a Prefect home of the test's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "EVENTCODER_"))}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    return subprocess.run(
        [sys.executable, "bench/run.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_bench_measures_each_repeat_and_writes_its_figures(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = bench(tmp_path, "--n", "8", "--workers", "1", "--repeats", "2", "--out", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "refresh / bare nlp.pipe throughput" in done.stdout
    assert done.stdout.count(" s = ") == 2  # one ratio per repeat
    (written,) = out.glob("bench-*.json")
    figures = json.loads(written.read_text(encoding="utf-8"))
    steps = [m["step"] for m in figures["measures"]]
    assert steps == [
        "prefect fixed start (empty flow)",
        "bare nlp.pipe",
        "refresh",
        "no-op refresh",
        "release export",
        "refresh 5xN",
    ]
    assert figures["corpus"]["articles"] == 8 and figures["corpus_5x"]["articles"] == 40
    assert len(figures["pairs"]) == 2 and all(p["ratio"] > 0 for p in figures["pairs"])
    by = {m["step"]: m for m in figures["measures"]}  # the best run of each, of the repeats
    assert round(by["bare nlp.pipe"]["seconds"], 1) == min(p["bare_s"] for p in figures["pairs"])
    assert by["refresh"]["in_flow_seconds"] == min(p["in_flow_s"] for p in figures["pairs"])
    assert figures["ratio_refresh_to_bare"] > 0
    assert figures["peak_rss_mb_n"] > 0 and figures["peak_rss_mb_5n"] > 0


def test_bench_refuses_zero_repeats(tmp_path: Path) -> None:
    done = bench(tmp_path, "--repeats", "0", "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and "--repeats must be at least 1" in done.stderr
    assert not (tmp_path / "out").exists()
