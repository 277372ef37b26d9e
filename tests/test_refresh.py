"""The refresh flow: sample articles in, validated warehouse out, idempotent, bad input quarantined."""

from __future__ import annotations

import json

import duckdb
import pytest

from schemas.ddl import column_names
from schemas.tables import TABLES

pytestmark = pytest.mark.slow


def test_refresh_codes_the_sample_articles_and_is_idempotent(prefect_harness, seed_raw, tmp_path, snapshot):
    from eventcoder.config import Settings
    from flows.refresh import refresh

    warehouse = tmp_path / "events.duckdb"
    first = refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1))
    assert (first.n_read, first.n_coded, first.n_quarantined) == (5, 5, 0)
    assert first.tables["articles"] == 5 and first.tables["event_mentions"] >= 10
    before = snapshot(warehouse)

    second = refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1))
    assert (second.n_new, second.n_coded, second.n_mentions) == (0, 0, 0)
    assert snapshot(warehouse) == before

    con = duckdb.connect(str(warehouse), read_only=True)
    runs = con.execute("SELECT status, n_read, n_coded FROM runs ORDER BY started_at").fetchall()
    assert runs == [("completed", 5, 5), ("completed", 5, 0)]
    for table, model in TABLES.items():
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        assert cols == column_names(table), table
        model.validate(con.execute(f"SELECT * FROM {table}").df(), lazy=True)
    con.close()


def test_bad_inputs_are_quarantined_while_the_rest_loads(prefect_harness, seed_raw, tmp_path):
    from eventcoder.config import Settings
    from flows.refresh import refresh

    (seed_raw / "empty.txt").write_bytes(b"")
    (seed_raw / "binary.txt").write_bytes(bytes(range(256)) * 8)
    good = {"id": "n1", "text": "Police arrested 12 protesters in Karachi on Monday, officials said."}
    (seed_raw / "feed.jsonl").write_text(
        json.dumps(good) + "\n" + '{"id": "n2", "text": ' + "\n", encoding="utf-8"
    )
    warehouse = tmp_path / "events.duckdb"
    summary = refresh(Settings(raw_dir=seed_raw, warehouse=warehouse, workers=1))
    assert summary.n_coded == 6
    con = duckdb.connect(str(warehouse), read_only=True)
    quarantined = dict(con.execute("SELECT raw_path, stage FROM quarantine").fetchall())
    assert quarantined == {"empty.txt": "decode", "binary.txt": "decode", "feed.jsonl#line2": "parse"}
    paths = {r[0] for r in con.execute("SELECT raw_path FROM articles").fetchall()}
    assert "feed.jsonl#n1" in paths and len(paths) == 6
    con.close()


def test_refresh_with_the_coder_pool_gives_the_same_rows(prefect_harness, seed_raw, tmp_path, snapshot):
    from eventcoder.config import Settings
    from flows.refresh import refresh

    inline, pooled = tmp_path / "inline.duckdb", tmp_path / "pooled.duckdb"
    refresh(Settings(raw_dir=seed_raw, warehouse=inline, workers=1))
    refresh(Settings(raw_dir=seed_raw, warehouse=pooled, workers=2, chunk_size=2))
    a, b = snapshot(inline), snapshot(pooled)
    assert a["event_mentions"] == b["event_mentions"] and a["articles"] == b["articles"]


def test_missing_raw_folder_fails_the_run_with_a_clear_error(prefect_harness, tmp_path):
    from eventcoder.config import Settings, SettingsError
    from flows.refresh import refresh

    with pytest.raises(SettingsError, match="does not exist"):
        refresh(Settings(raw_dir=tmp_path / "nope", warehouse=tmp_path / "w.duckdb"))


def test_run_artifact_cells_escape_markdown_in_file_names():
    from flows.refresh import md_cell

    cell = md_cell("odd|name`with\nnewline*.txt")
    assert "\n" not in cell and "\\|" in cell and "\\`" in cell and "\\*" in cell
    assert cell.replace("\\", "") == "odd|name`with newline*.txt"


def test_coder_version_covers_every_file_of_the_coding_folder():
    from eventcoder.coding.coder import coding_files
    from eventcoder.config import CODING_DIR, DATA_DIR

    names = {p.relative_to(CODING_DIR).as_posix() for p in coding_files()}
    assert {"document.py", "places/resolve.py", "dates.py", "identity.py"} <= names
    assert {f"data/{p.name}" for p in DATA_DIR.iterdir()} <= names
    assert not any(n.endswith("report.html") or "__pycache__" in n for n in names)


class _FakePool:
    """A coder pool that codes nothing: each chunk's future holds the chunk itself (done or not)."""

    started = True

    def __init__(self, done: bool = True) -> None:
        self.done = done

    def submit(self, chunk):
        from concurrent.futures import Future

        future = Future()
        if self.done:
            future.set_result(list(chunk))
        return future


def test_early_chunks_keep_only_the_chunks_whose_articles_the_plan_codes():
    from eventcoder.pool import EarlyChunks

    articles = [object() for _ in range(5)]
    early = EarlyChunks(_FakePool(), size=2, limit=4)
    for a in articles:
        early.add(a)
    planned = [articles[0], articles[1], articles[3], articles[4]]  # articles[2]: a duplicate, not coded
    sent, rest = early.take(planned)
    assert [chunk for chunk, _ in sent] == [[articles[0], articles[1]]]
    assert rest == [articles[3], articles[4]]  # from the dropped chunk, and the one never sent


def test_early_chunks_wait_when_the_pool_has_enough_to_do():
    from eventcoder.pool import EarlyChunks

    articles = [object() for _ in range(6)]
    early = EarlyChunks(_FakePool(done=False), size=2, limit=1)
    for a in articles:
        early.add(a)
    sent, rest = early.take(articles)
    assert [chunk for chunk, _ in sent] == [articles[:2]] and rest == articles[2:]
