"""Merging real coded articles: reworded copies of one story are one event (the coder runs for real)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

COPIES = Path(__file__).resolve().parent / "data" / "protest_copies"


def test_four_reworded_copies_of_one_protest_story_are_one_protest_event(prefect_harness, tmp_path):
    from flows.cli import main

    raw, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    shutil.copytree(COPIES, raw)
    assert (
        main(["refresh", "--raw", str(raw), "--warehouse", str(warehouse), "--workers", "1", "--quiet"]) == 0
    )
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)
        events = con.execute("SELECT event_type, location, n_articles FROM events").fetchall()
        assert events == [("protest", "Peshawar", 4)]
        rules = {r[0] for r in con.execute("SELECT rule FROM event_merges").fetchall()}
        # each copy's "the demonstrators chanted slogans" is its own protest told again (merged inside the
        # article), so the copies join by their reworded reports; same_protest is tested in test_merge
        assert {"first", "same_report"} <= rules
        body = con.execute(
            "SELECT evidence_start >= length(title) FROM events e JOIN event_mentions m "
            "USING (evidence) JOIN articles a USING (article_id)"
        ).fetchall()
        assert body and all(row[0] for row in body)  # the event's evidence is a body sentence, not a headline
    finally:
        con.close()
