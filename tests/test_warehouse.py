"""The warehouse writer: one transaction per run, incremental merge of mentions into events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.coding.coder import CodedArticle
from eventcoder.records import Article, InputRecord, Mention, RunRecord
from eventcoder.warehouse.store import RunWriter, connect, table_counts


def article(name: str, text: str, published: dt.date) -> Article:
    """A hand-made article."""
    return Article(name, "txt", text, "f" * 64, title=None, source=name.split(".")[0], published_at=published)


def attack(a: Article, start: int, location: str, lat: float, day: dt.date) -> Mention:
    """A hand-made attack mention of an article."""
    return Mention(
        article_id=a.article_id,
        event_type="attack",
        sub_event_type="explosion",
        evidence=a.text[start : start + 20],
        evidence_start=start,
        evidence_end=start + 20,
        trigger="bomb",
        confidence=0.8,
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Remote explosive/landmine/IED",
        cameo_code="183",
        plover_type="ASSAULT",
        event_date=day,
        time_precision=1,
        date_origin="phrase",
        actor1="Islamic State (West Africa)",
        inter1=2,
        country="Nigeria",
        iso3="NGA",
        location=location,
        latitude=lat,
        longitude=13.1,
        geo_precision=1,
        place_text=f"in {location}",
        fatalities=3,
    )


def run_record(run_id: str) -> RunRecord:
    """A run row."""
    return RunRecord(run_id, dt.datetime(2024, 5, 20, 12), "raw", "0.1.0", "test", "model", "model-1", "{}")


def load(con, run_id: str, coded: list[CodedArticle]) -> None:
    """One run that loads coded articles."""
    writer = RunWriter(con, run_record(run_id))
    writer.add_coded(coded)
    writer.add_inputs(
        [InputRecord(c.article.raw_path, "e" * 64, c.article.article_id, "coded") for c in coded]
    )
    writer.merge_events()
    writer.commit()


DAY = dt.date(2024, 5, 19)
A = article("dawn.txt", "A bomb killed three people in Maiduguri on Sunday. " * 2, DAY)
B = article(
    "reuters.txt", "Three people died when a bomb exploded in Maiduguri. " * 2, DAY + dt.timedelta(days=1)
)
C = article("bbc.txt", "Another bomb went off in Konduga on Sunday, killing three. " * 2, DAY)


@pytest.fixture
def con(tmp_path: Path):
    """A fresh warehouse."""
    connection = connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


def events(con) -> list[tuple]:
    """(event_id, n_mentions, sources) of every event."""
    return con.execute("SELECT event_id, n_mentions, sources FROM events ORDER BY event_id").fetchall()


def test_mentions_of_one_attack_from_two_outlets_merge_incrementally(con):
    ma = attack(A, 0, "Maiduguri", 11.85, DAY)
    load(con, "r1", [CodedArticle(A, [ma])])
    assert events(con) == [(ma.event_id, 1, "dawn")]
    load(con, "r2", [CodedArticle(B, [attack(B, 0, "Maiduguri", 11.85, DAY)])])
    assert events(con) == [(ma.event_id, 2, "dawn; reuters")]
    load(con, "r3", [CodedArticle(C, [attack(C, 0, "Konduga", 11.65, DAY)])])
    assert len(events(con)) == 2
    counts = table_counts(con)
    assert counts["events"] <= counts["event_mentions"]
    linked = con.execute("SELECT count(*), count(DISTINCT mention_id) FROM mention_events").fetchone()
    assert linked == (counts["event_mentions"], counts["event_mentions"])


def test_removing_a_mention_rebuilds_its_event_and_keeps_the_id(con):
    ma, mb = attack(A, 0, "Maiduguri", 11.85, DAY), attack(B, 0, "Maiduguri", 11.85, DAY)
    load(con, "r1", [CodedArticle(A, [ma]), CodedArticle(B, [mb])])
    assert events(con) == [(ma.event_id, 2, "dawn; reuters")]
    writer = RunWriter(con, run_record("r2"))
    writer.add_inputs([InputRecord(B.raw_path, "e" * 64, None, "quarantined")])
    writer.merge_events()
    writer.commit()
    assert events(con) == [(ma.event_id, 1, "dawn")]
    writer = RunWriter(con, run_record("r3"))
    writer.add_inputs([InputRecord(A.raw_path, "e" * 64, None, "quarantined")])
    writer.merge_events()
    writer.commit()
    assert events(con) == []


def test_a_run_that_fails_leaves_the_warehouse_as_it_was(con):
    load(con, "r1", [CodedArticle(A, [attack(A, 0, "Maiduguri", 11.85, DAY)])])
    before = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("articles", "events")}
    writer = RunWriter(con, run_record("r2"))
    writer.add_coded([CodedArticle(B, [attack(B, 0, "Maiduguri", 11.85, DAY)])])
    writer.rollback()
    assert {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in before} == before


def test_an_invalid_mention_is_quarantined_not_loaded(con):
    bad = attack(A, 0, "Maiduguri", 11.85, DAY)
    bad.latitude = 123.0
    writer = RunWriter(con, run_record("r1"))
    rejected = writer.add_coded([CodedArticle(A, [bad])])
    writer.add_inputs([InputRecord(A.raw_path, "e" * 64, A.article_id, "coded")])
    writer.merge_events()
    writer.commit()
    assert len(rejected) == 1 and "latitude" in rejected[0].reason
    assert con.execute("SELECT stage FROM quarantine").fetchall() == [("validate",)]
    assert table_counts(con)["event_mentions"] == 0 and table_counts(con)["articles"] == 1


def test_event_merges_says_which_rule_joined_each_mention(con):
    ma, mb = attack(A, 0, "Maiduguri", 11.85, DAY), attack(B, 0, "Maiduguri", 11.85, DAY)
    load(con, "r1", [CodedArticle(A, [ma]), CodedArticle(B, [mb])])
    rows = con.execute("SELECT mention_id, rule, partner_id, evidence FROM event_merges ORDER BY rule")
    rows = rows.fetchall()
    first, joined = (ma.event_id, "first", None), (mb.event_id, "same_occurrence", ma.event_id)
    assert [r[:3] for r in rows] == [first, joined]
    assert "Maiduguri" in rows[1][3] and "Islamic State" in rows[1][3]
    sources = con.execute("SELECT mention_id, merge_rule FROM event_sources ORDER BY merge_rule").fetchall()
    assert sources == [(ma.event_id, "first"), (mb.event_id, "same_occurrence")]


def test_the_lowest_figure_is_taken_only_among_reports_of_the_same_event(con):
    ma, mb = attack(A, 0, "Maiduguri", 11.85, DAY), attack(B, 0, "Maiduguri", 11.85, DAY)
    mb.fatalities = 5
    elsewhere = attack(C, 0, "Konduga", 11.65, DAY)
    elsewhere.fatalities = 1
    load(con, "r1", [CodedArticle(A, [ma]), CodedArticle(B, [mb]), CodedArticle(C, [elsewhere])])
    killed = dict(con.execute("SELECT location, fatalities FROM events").fetchall())
    assert killed == {"Maiduguri": 3, "Konduga": 1}
