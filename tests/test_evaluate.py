"""`eventcoder evaluate`: matching, field checks, breakdowns, merges and the command on a small warehouse."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sample_warehouse import tiny_warehouse

from eventcoder.publish.evaluate import (
    CodedEvent,
    GoldEvent,
    evaluate,
    field_checks,
    load_gold,
    match_events,
)

PROJECT = Path(__file__).resolve().parents[1]
ATTACK = "Militants attacked a village in Swat, killing five people."
PROTEST = 'Traders protested in Karachi, saying "enough", on 2 October.'


def coded(article: str, evidence: str, merged_id: str | None = None, **fields: object) -> CodedEvent:
    """A coded mention with neutral fields."""
    values: dict[str, object] = {
        "article": f"raw/{article}",
        "mention_id": f"m-{article}-{evidence[:12]}",
        "merged_id": merged_id,
        "event_type": "attack",
        "sub_event_type": "armed_assault",
        "acled_event_type": None,
        "acled_sub_event_type": None,
        "event_date": None,
        "iso3": None,
        "admin1": None,
        "admin2": None,
        "location": None,
        "latitude": None,
        "longitude": None,
        "actor1": None,
        "actor2": None,
        "fatalities": None,
        "evidence": evidence,
    }
    return CodedEvent(**(values | fields))


def gold(article: str, evidence: str, **fields: object) -> GoldEvent:
    """A gold event of an attack unless fields say otherwise."""
    values: dict[str, object] = {"event_type": "attack", "sub_event_type": "armed_assault"}
    return GoldEvent(article=article, evidence=evidence, **(values | fields))


def test_a_mention_matches_when_half_the_gold_evidence_is_in_its_sentence():
    golds = [gold("a.txt", "attacked a village in Swat")]
    assert match_events(golds, [coded("a.txt", "Gunmen attacked a village yesterday.")], typed=False) == [
        (0, 0)
    ]
    assert match_events(golds, [coded("a.txt", "Gunmen fired on a bus.")], typed=False) == []


def test_matching_prefers_the_same_event_type_and_typed_matching_requires_it():
    golds = [gold("a.txt", "clashed with police in Swat", event_type="clash")]
    mentions = [
        coded("a.txt", "Militants clashed with police in Swat."),
        coded("a.txt", "Militants clashed with police in Swat.", event_type="clash"),
    ]
    assert match_events(golds, mentions, typed=False) == [(0, 1)]
    assert match_events(golds, mentions[:1], typed=True) == []


def test_field_checks_use_the_gold_date_window_places_and_aliases():
    g = gold(
        "a.txt",
        ATTACK,
        event_date="2022-09",
        iso3="PAK",
        location="Swat",
        actor1=("TTP",),
        fatalities=5,
        latitude=34.78,
        longitude=72.36,
    )
    p = coded(
        "a.txt",
        ATTACK,
        event_date=dt.date(2022, 9, 30),
        iso3="pak",
        admin2="Swat",
        location="Mingora",
        actor1="TTP: Tehreek-i-Taliban Pakistan",
        fatalities=5,
        latitude=34.9,
        longitude=72.4,
    )
    checks = field_checks(g, p)
    assert checks["date"] and checks["country"] and checks["location"] and checks["fatalities"]
    assert checks["actor1"] and checks["within_25km"]
    assert field_checks(gold("a.txt", ATTACK, event_date="2022-09-15"), p)["date"] is False
    assert field_checks(gold("a.txt", ATTACK), p)["date"] is None  # undated gold: not scored


def test_talks_accept_either_side_as_actor1():
    g = gold("a.txt", "talks", event_type="dialogue", actor1=("Government of Pakistan",), actor2=("TTP",))
    assert field_checks(g, coded("a.txt", "talks", event_type="dialogue", actor1="TTP"))["actor1"]


def test_scores_breakdowns_and_confusion():
    golds = [
        gold("a.txt", ATTACK, iso3="PAK"),
        gold("a.txt", "Police arrested ten men.", event_type="arrest"),
    ]
    mentions = [coded("a.txt", ATTACK, iso3="PAK"), coded("b.txt", PROTEST, event_type="protest")]
    ev = evaluate(golds, mentions, ["a.txt", "b.txt"])
    assert (ev.detection.tp, ev.detection.predicted, ev.detection.gold) == (1, 2, 2)
    assert ev.by_type["attack"].f1 == 1.0 and ev.by_type["arrest"].recall == 0.0
    assert ev.by_type["protest"].precision == 0.0 and ev.by_country["PAK"].recall == 1.0
    assert ev.confusion["arrest"]["(missed)"] == 1 and ev.confusion["(extra)"]["protest"] == 1


def test_a_merge_of_two_gold_events_is_wrong_and_a_split_event_key_is_a_missed_merge():
    golds = [
        gold("a.txt", ATTACK, event_key="swat-1"),
        gold("b.txt", "gunmen attacked a village in Swat", event_key="swat-1"),
        gold("c.txt", PROTEST, event_type="protest", event_key="karachi"),
    ]
    wrong = [
        coded("a.txt", ATTACK, "e1"),
        coded("b.txt", "gunmen attacked a village in Swat", "e2"),
        coded("c.txt", PROTEST, "e1", event_type="protest"),
    ]
    ev = evaluate(golds, wrong, ["a.txt", "b.txt", "c.txt"])
    assert (ev.merges.wrong, ev.merges.missed, ev.merges.gold_groups) == (1, 1, 1)
    right = [coded("a.txt", ATTACK, "e1"), coded("b.txt", "gunmen attacked a village in Swat", "e1")]
    ev = evaluate(golds, right, ["a.txt", "b.txt", "c.txt"])
    assert (ev.merges.wrong, ev.merges.right, ev.merges.missed) == (0, 1, 0)


def test_equal_gold_fields_in_two_articles_are_one_event_without_event_keys():
    fields = {"event_date": "2022-09-15", "iso3": "PAK", "location": "Swat", "actor1": ("TTP",)}
    golds = [
        gold("a.txt", ATTACK, **fields),
        gold("a.txt", PROTEST, event_type="protest"),  # two events in one article: not a feed of items
        gold("b.txt", "gunmen attacked a village in Swat", **fields),
    ]
    mentions = [coded("a.txt", ATTACK, "e1"), coded("b.txt", "gunmen attacked a village in Swat", "e2")]
    ev = evaluate(golds, mentions, ["a.txt", "b.txt"])
    assert (ev.merges.items_distinct, ev.merges.gold_groups, ev.merges.missed) == (False, 1, 1)


def test_feeds_of_one_event_per_item_count_any_merge_across_items_as_wrong():
    golds = [gold("f.jsonl#1", ATTACK), gold("f.jsonl#2", PROTEST, event_type="protest")]
    mentions = [coded("f.jsonl#1", ATTACK, "e1"), coded("f.jsonl#2", "Shops were closed.", "e1")]
    ev = evaluate(golds, mentions, ["f.jsonl#1", "f.jsonl#2"])
    assert ev.merges.items_distinct and ev.merges.wrong == 1
    assert evaluate(golds, mentions, ["f.jsonl#1", "f.jsonl#2"], items_distinct=False).merges.wrong == 0


def test_items_of_one_text_report_the_same_events_and_may_merge():
    """An item whose text repeats another's word for word tells the same events: joining them is no error."""
    kunar, nangarhar = "An operation in Kunar killed militants.", "Another in Nangarhar killed two."
    golds = [gold("f.jsonl#1", kunar, location="Kunar"), gold("f.jsonl#2", nangarhar, location="Nangarhar")]

    def both(item: str, key: str) -> list[CodedEvent]:
        return [coded(item, kunar, "e1", text_key=key), coded(item, nangarhar, "e2", text_key=key)]

    items = ["f.jsonl#1", "f.jsonl#2"]
    assert evaluate(golds, both(items[0], "t") + both(items[1], "t"), items).merges.wrong == 0
    assert evaluate(golds, both(items[0], "t") + both(items[1], "u"), items).merges.wrong == 2
    joined = [coded(i, e, "e1", text_key="t") for i in items for e in (kunar, nangarhar)]
    assert evaluate(golds, joined, items).merges.wrong == 1  # two gold events in one


def test_a_gold_line_without_evidence_is_refused_with_its_line(tmp_path):
    path = tmp_path / "x.gold.jsonl"
    path.write_text('{"article": "a.txt", "event_type": "attack", "evidence": "x"}\n{"article": "a.txt"}\n')
    with pytest.raises(ValueError, match=r"x.gold.jsonl:2: missing event_type, evidence"):
        load_gold(path)


@pytest.fixture(scope="module")
def gold_files(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The tiny warehouse, a gold file for it (one wrong fatality figure, one missed arrest), its manifest."""
    folder = tmp_path_factory.mktemp("evaluate")
    warehouse = tiny_warehouse(folder / "tiny.duckdb")
    lines = [
        {
            "article": "b000000000000001.txt",
            "event_type": "attack",
            "sub_event_type": "armed_assault",
            "event_date": "2022-09-15",
            "iso3": "PAK",
            "location": "Swat",
            "actor1": ["TTP"],
            "actor2": [],
            "fatalities": 4,
            "evidence": "attacked a village in Swat, killing five people",
        },
        {
            "article": "b000000000000001.txt",
            "event_type": "arrest",
            "sub_event_type": "arrest",
            "event_date": None,
            "iso3": "PAK",
            "location": None,
            "actor1": [],
            "actor2": [],
            "fatalities": None,
            "evidence": "Police arrested ten men in Peshawar",
        },
        {
            "article": "b000000000000002.txt",
            "event_type": "protest",
            "sub_event_type": "protest",
            "event_date": "2022-10-02",
            "iso3": "PAK",
            "location": "Karachi",
            "actor1": ["Protesters"],
            "actor2": [],
            "fatalities": None,
            "evidence": "Traders protested in Karachi",
        },
    ]
    gold_path = folder / "tiny.gold.jsonl"
    gold_path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    manifest = folder / "tiny.articles.txt"
    manifest.write_text("b000000000000001.txt\nb000000000000002.txt\n", encoding="utf-8")
    return warehouse, gold_path, manifest


def run_evaluate(*argv: str) -> subprocess.CompletedProcess:
    """`eventcoder evaluate ...` in a new process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "evaluate", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT,
    )


def test_evaluate_command_prints_tables_and_misses(gold_files):
    warehouse, gold_path, manifest = gold_files
    done = run_evaluate(
        "--gold", str(gold_path), "--articles", str(manifest), "--warehouse", str(warehouse), "--verbose"
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "detection F1 (any type)     0.667" in out and "By country (typed)" in out
    assert "MISS  arrest" in out and "Police arrested ten men in Peshawar" in out
    assert "EXTRA dialogue" in out and "WRONG fatalities" in out
    assert out.strip().splitlines()[-1].startswith("detection_f1=0.667 typed_f1=0.667")


def test_evaluate_command_json_and_markdown(gold_files):
    warehouse, gold_path, manifest = gold_files
    common = ["--gold", str(gold_path), "--articles", str(manifest), "--warehouse", str(warehouse)]
    data = json.loads(run_evaluate(*common, "--format", "json").stdout)
    assert data["typed"] == {
        "precision": 0.667,
        "recall": 0.667,
        "f1": 0.667,
        "tp": 2,
        "predicted": 3,
        "gold": 3,
    }
    assert data["field_accuracy"]["fatalities"] == 0.0 and data["merges"]["wrong_merges"] == 0
    assert data["confusion"]["arrest"] == {"(missed)": 1}
    markdown = run_evaluate(*common, "--format", "markdown").stdout
    assert "## Scores" in markdown and "| attack | 1 | 1 | 1.000 | 1.000 | 1.000 |" in markdown


def test_evaluate_command_says_what_is_missing(gold_files, tmp_path):
    _, gold_path, manifest = gold_files
    done = run_evaluate(
        "--gold", str(gold_path), "--articles", str(manifest), "--warehouse", str(tmp_path / "none.duckdb")
    )
    assert done.returncode == 2 and "no warehouse at" in done.stderr


def test_make_eval_says_it_skips_without_the_shared_material(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.scorecard",
            "--shared",
            str(tmp_path / "no-shared"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT,
    )
    assert done.returncode == 0 and "make eval: skipped" in done.stdout
    assert not (tmp_path / "scores.json").exists()
