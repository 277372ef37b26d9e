"""Soak: twenty refreshes over a growing raw folder, every third one killed with SIGKILL at a random point,
end with the same warehouse as one refresh over the final raw folder.

News arrives in publication order: short synthetic reports (txt with a date line, txt + sidecar, feed
items appended to one JSONL feed, HTML pages), several of them follow-ups of the same event by another
outlet (so events merge across runs), interleaved with the sample articles at their publication dates
(the undated ones last), and a few bad inputs on the way. File names sort in arrival order.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "raw"
RUNS = 20
SEED = int(os.environ.get("EVENTCODER_SOAK_SEED", "20261121"))
START = dt.date(2024, 1, 1)
PLACES = ("Quetta", "Peshawar", "Karachi", "Lahore", "Bannu", "Kabul", "Gwadar", "Dera Ismail Khan")
OUTLETS = ("Dawn", "The News", "Express Tribune", "Pajhwok")
FIRST = {
    "attack": "Gunmen killed {k} policemen at a checkpoint in {place} on {weekday}, officials said.",
    "bomb": "A roadside bomb killed {k} soldiers near {place} on {weekday}, the military said.",
    "arrest": "Police arrested {k} protesters in {place} on {weekday} after a rally against price rises.",
    "protest": "Thousands of traders protested in {place} on {weekday} against new taxes, organisers said.",
    "clash": "Security forces clashed with militants in {place} on {weekday}, and {k} militants were killed.",
}
FOLLOW_UP = {
    "attack": "{k} policemen were killed when gunmen attacked a checkpoint in {place} on {weekday}.",
    "bomb": "{k} soldiers died when a roadside bomb hit their vehicle near {place} on {weekday}.",
    "arrest": "{k} protesters were detained by police in {place} on {weekday}, a spokesman said.",
    "protest": "Traders staged a protest in {place} on {weekday} over the new taxes.",
    "clash": "{k} militants were killed in a clash with security forces in {place} on {weekday}.",
}
TAIL = "Officials said an investigation was under way. Residents described a tense night."
SAMPLE_DATES = {  # publication dates the sample articles print (None: undated)
    "002_893edb81bc77a5dd.txt": dt.date(2022, 1, 31),
    "004_2331504eab36535e.txt": dt.date(2023, 2, 17),
    "000_e1cf30ec1729aa8b.txt": dt.date(2024, 4, 7),
    "001_bb0aff6e56027302.txt": None,
    "003_7b630382d645071e.txt": None,
}


@dataclass(frozen=True)
class Arrival:
    """One input arriving in the raw folder: when it was published, and how to write it."""

    published: dt.date | None
    write: Callable[[Path], None]


def write_file(name: str, data: bytes) -> Callable[[Path], None]:
    """A writer of one file."""
    return lambda raw: (raw / name).write_bytes(data)


def append_line(name: str, line: str) -> Callable[[Path], None]:
    """A writer that appends one line to a feed."""

    def write(raw: Path) -> None:
        """Append the line."""
        with (raw / name).open("a", encoding="utf-8") as f:
            f.write(line + "\n")

    return write


def report(
    j: int, kind: str, place: str, k: int, event_day: dt.date, published: dt.date, follow: bool
) -> Arrival:
    """Report j of an event, in one of four formats chosen by j, published on `published`."""
    sentence = (FOLLOW_UP if follow else FIRST)[kind].format(
        k=k, place=place, weekday=event_day.strftime("%A")
    )
    outlet = OUTLETS[j % len(OUTLETS)]
    title = f"{kind.capitalize()} in {place}"
    text = f"{sentence} {TAIL} Report {j} by {outlet}."
    stem = f"r{j:03d}-{place.lower().replace(' ', '-')}"
    style = j % 4
    if style == 0:
        data = f"{title}\n\n{published:%B} {published.day}, {published.year}\n\n{text}\n".encode()
        return Arrival(published, write_file(f"{stem}.txt", data))
    if style == 1:
        meta = {"title": title, "source": outlet, "published_at": published.isoformat()}

        def write(raw: Path) -> None:
            """The text and its sidecar."""
            (raw / f"{stem}.txt").write_text(text, encoding="utf-8")
            (raw / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")

        return Arrival(published, write)
    if style == 2:
        item = {"id": f"w{j}", "text": text, "source": outlet, "published_at": published.isoformat()}
        return Arrival(published, append_line("wire.jsonl", json.dumps(item)))
    page = (
        f"<html><head><title>{title}</title><meta name='date' content='{published.isoformat()}'></head>"
        f"<body><article><h1>{title}</h1><p>{sentence}</p><p>{TAIL}</p><p>Report {j} by {outlet}.</p>"
        "</article></body></html>"
    )
    return Arrival(published, write_file(f"{stem}.html", page.encode()))


def synthetic_news(stories: int = 36) -> list[Arrival]:
    """Reports of `stories` events three days apart; every other event gets a follow-up the next day."""
    arrivals, j = [], 0
    kinds = list(FIRST)
    for i in range(stories):
        event_day = START + dt.timedelta(days=3 * i)
        kind, place, k = kinds[i % len(kinds)], PLACES[i % len(PLACES)], 2 + i
        for follow in (False, True) if i % 2 == 0 else (False,):
            published = event_day + dt.timedelta(days=2 if follow else 1)
            arrivals.append(report(j, kind, place, k, event_day, published, follow))
            j += 1
    return arrivals


def sample_news() -> list[Arrival]:
    """The sample articles, at their publication dates."""
    return [Arrival(day, write_file(name, (SEEDS / name).read_bytes())) for name, day in SAMPLE_DATES.items()]


def bad_news() -> dict[int, list[Callable[[Path], None]]]:
    """Bad inputs, by the batch they arrive with."""
    dated = (
        "Gunmen attack a checkpoint in Turbat\n\nMarch 1, 2024\n\nGunmen killed 3 guards in Turbat on Friday."
    )
    return {
        2: [append_line("wire.jsonl", '{"id": "broken", "text": "Gunmen')],
        4: [write_file("zz-notes.pdf", b"%PDF-1.4 not an input")],
        6: [write_file("zz-empty.txt", b"")],
        9: [write_file("zz-turbat.txt", dated.encode()), write_file("zz-turbat.meta.json", b"{not json")],
        12: [write_file("zz-binary.txt", bytes(range(256)) * 8)],
        14: [lambda raw: (raw / "zz-copy.txt").write_bytes(next(raw.glob("r004-*.txt")).read_bytes())],
        17: [append_line("wire.jsonl", json.dumps({"id": "w2", "text": "A different story."}))],
    }


def batches(runs: int = RUNS) -> list[list[Callable[[Path], None]]]:
    """What arrives before each run: news in publication order (undated last), split into `runs` batches."""
    news = sorted(synthetic_news() + sample_news(), key=lambda a: (a.published is None, a.published or START))
    size = -(-len(news) // runs)
    out = [[a.write for a in news[i * size : (i + 1) * size]] for i in range(runs)]
    for index, writers in bad_news().items():
        out[index].extend(writers)
    return out


def cli(raw: Path, warehouse: Path, env: dict[str, str]) -> subprocess.Popen:
    """`eventcoder refresh` in its own process group."""
    command = ["-m", "flows.cli", "refresh", "--raw", str(raw), "--warehouse", str(warehouse), "--quiet"]
    return subprocess.Popen(
        [sys.executable, *command],
        cwd=PROJECT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen, timeout: float) -> None:
    """Poll until the condition holds, the process ends or the time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None and not condition():
        time.sleep(0.02)


def kill_at_random(proc: subprocess.Popen, warehouse: Path, rng: random.Random) -> str:
    """SIGKILL the refresh while Prefect starts, once it holds the lock or has the warehouse open."""
    lock_info = warehouse.with_name(warehouse.name + ".lock.json")
    wal = warehouse.with_name(warehouse.name + ".wal")
    point = rng.choice(["starting", "locked", "writing"])
    if point == "starting":
        time.sleep(rng.uniform(0.1, 5.0))
    elif point == "locked":
        wait_for(lock_info.exists, proc, 120)
        time.sleep(rng.uniform(0.0, 1.5))
    else:
        wait_for(lambda: lock_info.exists() and wal.exists(), proc, 120)
        time.sleep(rng.uniform(0.0, 1.0))
    if proc.poll() is not None:
        return f"finished before the kill ({point})"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    return f"killed {point}"


def completed_runs(warehouse: Path) -> int:
    """Number of completed runs recorded in the warehouse (0 when it does not exist yet)."""
    if not warehouse.exists():
        return 0
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM runs WHERE status = 'completed'").fetchone()[0]
    finally:
        con.close()


def test_twenty_refreshes_killed_every_third_equal_one_refresh_of_the_final_raw(
    prefect_harness, tmp_path: Path, snapshot
):
    from eventcoder.config import Settings
    from flows.refresh import refresh

    rng = random.Random(SEED)
    raw, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect"), "EVENTCODER_WORKERS": "1"}
    env.pop("PREFECT_API_URL", None)
    kills = []
    for run, writers in enumerate(batches(), start=1):
        for write in writers:
            write(raw)
        if run % 3:
            summary = refresh(Settings(raw_dir=raw, warehouse=warehouse, workers=1))
            assert summary.n_missing == 0, f"run {run} reports inputs gone: {summary.missing}"
            continue
        before, done = (snapshot(warehouse) if warehouse.exists() else None), completed_runs(warehouse)
        outcome = kill_at_random(cli(raw, warehouse, env), warehouse, rng)
        kills.append(f"run {run}: {outcome}")
        if completed_runs(warehouse) == done and before is not None:
            assert snapshot(warehouse) == before, f"run {run} {outcome} changed the warehouse (seed {SEED})"
    assert sum(k.count("killed") for k in kills) >= 4, kills
    reference = tmp_path / "reference.duckdb"
    refresh(Settings(raw_dir=raw, warehouse=reference, workers=1))
    final, single = snapshot(warehouse), snapshot(reference)
    for table in single:
        assert final[table] == single[table], f"{table} differs from a single refresh (seed {SEED}; {kills})"
    assert len(single["articles"]) >= 50 and len(single["events"]) < len(single["event_mentions"])
