"""Analysts' corrections: made through the review queue, kept in corrections/corrections.jsonl, applied by
every refresh (also after --recode) and carried by releases."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from eventcoder.warehouse.build import update_events
from eventcoder.warehouse.corrections import Correction, CorrectionError, read_corrections, store_corrections

SEEDS = Path(__file__).resolve().parents[1] / "raw"


def rows(warehouse: Path, query: str, params: list | None = None) -> list[tuple]:
    """Rows of a read-only query."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def event_with(warehouse: Path, evidence_part: str) -> str:
    """The id of the event one of whose mentions' evidence contains the text."""
    found = rows(
        warehouse,
        "SELECT DISTINCT l.event_id FROM mention_events l JOIN event_mentions m ON m.event_id = l.mention_id "
        "WHERE m.evidence LIKE ?",
        [f"%{evidence_part}%"],
    )
    assert len(found) == 1, (evidence_part, found)
    return found[0][0]


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def fill(queue: Path, decisions: dict[str, dict[str, str]]) -> None:
    """Fill the decision columns of the exported queue (events not in it are added as rows)."""
    table = read_csv(queue)
    header = (
        list(table[0]) if table else ["event_id", "decision", "changes", "merge_with", "reason", "reviewer"]
    )
    for row in table:
        row.update(decisions.get(row["event_id"], {}))
    listed = {row["event_id"] for row in table}
    table += [{"event_id": eid, **d} for eid, d in decisions.items() if eid not in listed]
    with queue.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header, restval="")
        writer.writeheader()
        writer.writerows(table)


@pytest.fixture(scope="module")
def reviewed(prefect_harness, tmp_path_factory):
    """The sample articles refreshed, three decisions made through the review queue (a field set, a
    non-event, a merge), then every article recoded and a release written."""
    from flows.cli import main

    root = tmp_path_factory.mktemp("review")
    raw = root / "raw"
    shutil.copytree(SEEDS, raw)
    warehouse, queue, releases = root / "w.duckdb", root / "queue.csv", root / "releases"
    corrections = root / "corrections" / "corrections.jsonl"
    assert (
        main(["refresh", "--raw", str(raw), "--warehouse", str(warehouse), "--workers", "1", "--quiet"]) == 0
    )
    assert main(["review", "--warehouse", str(warehouse), "--out", str(queue), "--limit", "500"]) == 0
    exported = read_csv(queue)
    swat = event_with(warehouse, "attack in Swat")
    embassy = event_with(warehouse, "Pakistani embassy")
    talks = [
        event_with(warehouse, "begun peace talks"),
        event_with(warehouse, "sought the intercession"),
    ]
    fill(
        queue,
        {
            swat: {
                "decision": "set",
                "changes": "location=Mingora; fatalities=6",
                "reason": "Mingora per police",
            },
            embassy: {"decision": "not_event", "reason": "a report of a claim, not an attack"},
            talks[0]: {
                "decision": "merge",
                "merge_with": talks[1],
                "reason": "the same Pakistan-TTP talks",
            },
        },
    )
    applied = [
        "review",
        "--apply",
        str(queue),
        "--warehouse",
        str(warehouse),
        "--corrections",
        str(corrections),
    ]
    assert main([*applied, "--reviewer", "A. Analyst"]) == 0
    before = {
        "swat": rows(
            warehouse, "SELECT location, fatalities, corrected_fields FROM events WHERE event_id = ?", [swat]
        ),
        "talks": rows(
            warehouse,
            "SELECT count(DISTINCT event_id) FROM mention_events WHERE event_id IN (?, ?)",
            talks,
        ),
    }
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE articles SET coder_version = 'old'")
    con.close()
    recode = [
        "refresh",
        "--raw",
        str(raw),
        "--warehouse",
        str(warehouse),
        "--workers",
        "1",
        "--recode",
        "--quiet",
    ]
    assert main(recode) == 0
    assert rows(warehouse, "SELECT DISTINCT coder_version FROM articles") != [("old",)]
    assert (
        main(
            [
                "release",
                "--version",
                "2026.1",
                "--warehouse",
                str(warehouse),
                "--out",
                str(releases),
                "--quiet",
            ]
        )
        == 0
    )
    return {
        "warehouse": warehouse,
        "release": releases / "2026.1",
        "corrections": corrections,
        "before": before,
        "swat": swat,
        "embassy": embassy,
        "talks": talks,
        "queue": exported,
    }


def test_the_review_queue_has_evidence_links_and_decision_columns(reviewed):
    table = reviewed["queue"]
    assert {
        "event_id",
        "reasons",
        "evidence",
        "link",
        "mention_ids",
        "decision",
        "reason",
        "reviewer",
    } <= set(table[0])
    assert all(row["reasons"] and row["evidence"] and row["link"] for row in table)


def test_a_field_set_through_the_review_queue_survives_recode_and_is_released(reviewed):
    assert reviewed["before"]["swat"] == [("Mingora", 6, "fatalities; location")]
    warehouse = reviewed["warehouse"]
    after = rows(
        warehouse,
        "SELECT location, fatalities, corrected_fields FROM events WHERE evidence LIKE ?",
        ["%attack in Swat%"],
    )
    assert after == [("Mingora", 6, "fatalities; location")]
    released = read_csv(reviewed["release"] / "events.csv")
    swat = [r for r in released if "attack in Swat" in r["evidence"]]
    assert [(r["location"], r["fatalities"], r["corrected_fields"]) for r in swat] == [
        ("Mingora", "6", "fatalities; location")
    ]
    corrections = read_csv(reviewed["release"] / "corrections.csv")
    sets = {(r["field"], r["value"], r["status"], r["author"]) for r in corrections if r["kind"] == "set"}
    assert sets == {
        ("location", "Mingora", "applied", "A. Analyst"),
        ("fatalities", "6", "applied", "A. Analyst"),
    }
    assert "set location = Mingora" in (reviewed["release"] / "CHANGES.md").read_text(encoding="utf-8")


def test_an_event_marked_not_an_event_survives_recode_and_is_released(reviewed):
    warehouse = reviewed["warehouse"]
    assert rows(warehouse, "SELECT count(*) FROM events WHERE evidence LIKE ?", ["%Pakistani embassy%"]) == [
        (0,)
    ]
    assert rows(
        warehouse, "SELECT count(*) FROM event_mentions WHERE evidence LIKE ?", ["%Pakistani embassy%"]
    ) != [(0,)]
    assert not [
        r for r in read_csv(reviewed["release"] / "events.csv") if "Pakistani embassy" in r["evidence"]
    ]
    kinds = [r for r in read_csv(reviewed["release"] / "corrections.csv") if r["kind"] == "not_event"]
    assert kinds and all(r["status"] == "applied" and "claim" in r["reason"] for r in kinds)
    assert "not_event" in (reviewed["release"] / "CHANGES.md").read_text(encoding="utf-8")


def test_a_merge_made_through_the_review_queue_survives_recode_and_is_released(reviewed):
    assert reviewed["before"]["talks"] == [(1,)]
    warehouse = reviewed["warehouse"]
    merged = event_with(warehouse, "begun peace talks")
    assert merged == event_with(warehouse, "sought the intercession")
    assert rows(warehouse, "SELECT corrected_fields FROM events WHERE event_id = ?", [merged]) == [("merge",)]
    links = duckdb.sql(
        f"SELECT rule FROM '{reviewed['release'] / 'event_merges.parquet'}' WHERE event_id = '{merged}'"
    )
    assert sorted(r[0] for r in links.fetchall()) == ["correction", "first"]
    assert any(r["kind"] == "merge" for r in read_csv(reviewed["release"] / "corrections.csv"))


def test_the_corrections_file_is_jsonl_with_who_when_and_why(reviewed):
    corrections = read_corrections(reviewed["corrections"])
    assert {c.kind for c in corrections} == {"set", "not_event", "merge"}
    assert all(c.author == "A. Analyst" and c.reason and c.created_at.endswith("Z") for c in corrections)
    lines = reviewed["corrections"].read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["article"].endswith(".txt") for line in lines)


def test_review_apply_reports_every_bad_line_and_writes_nothing(reviewed, tmp_path, capsys):
    from flows.cli import main

    warehouse = tmp_path / "w.duckdb"
    shutil.copy(reviewed["warehouse"], warehouse)
    before = rows(warehouse, "SELECT * FROM events ORDER BY event_id")
    bad = tmp_path / "bad.csv"
    good_event = rows(warehouse, "SELECT min(event_id) FROM events")[0][0]
    with bad.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["event_id", "decision", "changes", "merge_with", "split_mentions", "reason", "reviewer"]
        )
        writer.writerow([good_event, "set", "location=Somewhere", "", "", "fine", "B"])
        writer.writerow([good_event, "delete", "", "", "", "why", "B"])
        writer.writerow([good_event, "set", "geo_precision=9", "", "", "why", "B"])
        writer.writerow(["ffffffffffffffff", "not_event", "", "", "", "why", "B"])
        writer.writerow([good_event, "merge", "", good_event, "", "why", "B"])
        writer.writerow([good_event, "not_event", "", "", "", "", "B"])
    corrections = tmp_path / "corrections.jsonl"
    status = main(
        ["review", "--apply", str(bad), "--warehouse", str(warehouse), "--corrections", str(corrections)]
    )
    err = capsys.readouterr().err
    assert status == 1 and not corrections.exists()
    for line in (3, 4, 5, 6, 7):
        assert f"line {line}:" in err
    assert "line 2:" not in err and "'delete' is not one of" in err and "geo_precision" in err
    assert rows(warehouse, "SELECT * FROM events ORDER BY event_id") == before


def test_a_correction_that_no_longer_applies_is_kept_and_reported_stale(reviewed, tmp_path, capsys):
    from flows.cli import main

    warehouse = tmp_path / "w.duckdb"
    shutil.copy(reviewed["warehouse"], warehouse)
    gone = Correction(
        "set",
        "000_e1cf30ec1729aa8b.txt",
        "A sentence the coder no longer picks.",
        "C",
        "2026-01-01T00:00:00Z",
        "typo",
        field="location",
        value="Kabul",
    )
    con = duckdb.connect(str(warehouse))
    store_corrections(con, [gone])
    update_events(con)
    con.close()
    assert rows(warehouse, "SELECT status, status_reason FROM corrections") == [
        ("stale", "no mention of 000_e1cf30ec1729aa8b.txt has this evidence any more (recoded?)")
    ]
    assert main(["review", "--warehouse", str(warehouse), "--out", str(tmp_path / "q.csv")]) == 0
    assert "stale correction" in capsys.readouterr().out


def test_a_bad_corrections_file_names_its_line(tmp_path):
    path = tmp_path / "corrections.jsonl"
    good = Correction("not_event", "a.txt", "A bomb.", "D", "2026-01-01T00:00:00Z", "no").to_dict()
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "kind": "erase"}) + "\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="line 2: kind 'erase'"):
        read_corrections(path)


def test_a_split_takes_a_mention_out_of_its_event(tmp_path):
    from eventcoder.warehouse.store import connect
    from tests.test_warehouse import DAY, A, B, CodedArticle, attack, load

    con = connect(tmp_path / "w.duckdb")
    ma, mb = attack(A, 0, "Maiduguri", 11.85, DAY), attack(B, 0, "Maiduguri", 11.85, DAY)
    load(con, "r1", [CodedArticle(A, [ma]), CodedArticle(B, [mb])])
    assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)
    split = Correction(
        "split", B.raw_path, mb.evidence, "E", dt.datetime(2026, 1, 1).isoformat(), "two bombs"
    )
    store_corrections(con, [split])
    update_events(con)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (2,)
    assert con.execute(
        "SELECT corrected_fields FROM events WHERE event_id = ?", [mb.event_id]
    ).fetchone() == ("split",)
    store_corrections(con, [])
    update_events(con)
    assert con.execute("SELECT count(*), max(corrected_fields) FROM events").fetchone() == (1, None)
    con.close()
