"""Ingest: each input format, metadata, furniture, decoding, dedup, and what gets quarantined."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from eventcoder.ingest.cleaning import clean_text
from eventcoder.ingest.planning import chunks, plan_refresh
from eventcoder.ingest.read import Container, Limits, Unchanged, decode_bytes, read_inputs
from eventcoder.records import Article, Quarantined

STORY = (
    "Two policemen were killed on Monday when gunmen opened fire on a checkpoint in Quetta, officials said. "
    "The attackers fled on motorcycles and a search operation was under way."
)


def articles(results) -> list[Article]:
    """The articles among ingest results."""
    return [r for r in results if isinstance(r, Article)]


def quarantined(results) -> list[Quarantined]:
    """The quarantine records among ingest results."""
    return [r for r in results if isinstance(r, Quarantined)]


def test_txt_headline_and_printed_date(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        f"Gunmen kill two policemen in Quetta\n\nMarch 4, 2024\n\n{STORY}\n", encoding="utf-8"
    )
    (article,) = articles(read_inputs(tmp_path))
    assert article.title == "Gunmen kill two policemen in Quetta"
    assert article.published_at == dt.date(2024, 3, 4)
    assert article.published_at_origin == "header"
    assert "March 4, 2024" not in article.text
    assert article.text.startswith("Gunmen kill two policemen in Quetta")


def test_first_line_that_is_a_sentence_is_not_a_headline(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY + "\n\nMore text follows here.\n", encoding="utf-8")
    (article,) = articles(read_inputs(tmp_path))
    assert article.title is None


def test_no_publication_date_stays_null(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (article,) = articles(read_inputs(tmp_path))
    assert article.published_at is None


def test_sidecar_metadata_wins_over_the_text(tmp_path: Path):
    (tmp_path / "a.txt").write_text(f"Headline in the file\n\nMarch 4, 2024\n\n{STORY}", encoding="utf-8")
    meta = {
        "title": "Sidecar title",
        "source": "Dawn",
        "url": "https://example.org/x",
        "published_at": "2024-03-05",
    }
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (article,) = articles(read_inputs(tmp_path))
    assert (article.title, article.source, article.url) == ("Sidecar title", "Dawn", "https://example.org/x")
    assert article.published_at == dt.date(2024, 3, 5)
    assert article.published_at_origin == "sidecar"


def test_broken_sidecar_is_quarantined_and_the_article_still_loads(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    results = list(read_inputs(tmp_path))
    assert len(articles(results)) == 1
    (problem,) = quarantined(results)
    assert problem.raw_path == "a.meta.json" and "sidecar" in problem.reason


def test_jsonl_feed_items_are_articles_named_file_hash_id(tmp_path: Path):
    lines = [
        {"id": "A1", "text": STORY, "source": "Feed", "published_at": "2024-01-02"},
        {"id": "7", "text": "Protesters rallied in Lahore on Friday against price rises, police said."},
        {"id": 8, "text": "Police dispersed a rally in Quetta on Friday, officials said."},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    results = list(read_inputs(tmp_path))
    assert [r.raw_path for r in articles(results)] == ["feed.jsonl#A1", "feed.jsonl#7"]
    assert [(q.raw_path, q.reason) for q in quarantined(results)] == [
        ("feed.jsonl#line3", "line 3 has no string `id`")
    ]
    assert articles(results)[0].published_at == dt.date(2024, 1, 2)
    assert any(isinstance(r, Container) for r in results)


def test_bad_feed_lines_are_quarantined_one_by_one(tmp_path: Path):
    lines = [
        json.dumps({"id": "ok", "text": STORY}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "ok", "text": "A duplicate id."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "n", "text": 5}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    results = list(read_inputs(tmp_path))
    assert [a.raw_path for a in articles(results)] == ["feed.jsonl#ok"]
    reasons = [q.reason for q in quarantined(results)]
    assert len(reasons) == 5
    assert any("not valid JSON" in r for r in reasons)
    assert any("duplicate id" in r for r in reasons)
    assert sum("no non-empty string `text`" in r for r in reasons) == 2


def test_html_main_text_is_extracted(tmp_path: Path):
    page = (
        "<html><head><title>Blast in Peshawar</title><meta name='date' content='2024-02-01'></head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a></nav><article><h1>Blast in Peshawar</h1>"
        f"<p>{STORY}</p><p>{STORY}</p></article><footer>Share on Facebook</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (article,) = articles(read_inputs(tmp_path))
    assert "Share on Facebook" not in article.text and "Home" not in article.text
    assert "checkpoint in Quetta" in article.text
    assert article.title == "Blast in Peshawar"
    assert article.published_at == dt.date(2024, 2, 1)


def test_page_furniture_is_stripped_from_a_scraped_text(tmp_path: Path):
    menu = "\n".join(
        ["• Home", "• About Us", "• Analysis", "• Reports", "• Contact", "No Result", "View All Result"] * 3
    )
    header = "Gunmen kill two policemen in Quetta\n\n17 February 2023\n\nShare on Facebook"
    text = f"{menu}\n\n{header}\n\n{STORY}\n\n"
    text += "Related Posts\n\nAnother story title\n\nLeave a Reply\n"
    clean = clean_text(text)
    assert clean.title == "Gunmen kill two policemen in Quetta"
    assert clean.published_at == dt.date(2023, 2, 17)
    assert "Home" not in clean.text and "Related Posts" not in clean.text and "Share on" not in clean.text
    assert "Another story title" not in clean.text


def test_the_bulleted_links_after_an_also_read_line_are_furniture():
    text = (
        f"Blast in Peshawar\n\n{STORY}\n\nAlso read: Police chief replaced\n\n"
        "| Scores held as protests turn violent in three cities\n\n"
        "Earlier, officials said the road would stay closed.\n\n| A bulleted sentence stays.\n"
    )
    clean = clean_text(text)
    assert "Scores held" not in clean.text and "Also read" not in clean.text
    assert "Earlier, officials said" in clean.text and "A bulleted sentence stays." in clean.text


def test_seed_with_menus_keeps_its_body_and_headline():
    raw = (Path(__file__).resolve().parents[1] / "raw" / "004_2331504eab36535e.txt").read_text(
        encoding="utf-8"
    )
    clean = clean_text(raw)
    assert clean.title == "Islamabad Support for Taliban Deals Setback for Pakistan Counterterrorism Gains"
    assert clean.published_at == dt.date(2023, 2, 17)
    assert "TTP declared a truce in November 2021" in clean.text
    assert "Editorial board and staff" not in clean.text and "Related Posts" not in clean.text


def test_encodings_are_decoded():
    text = "Attaque à Niamey: deux morts."
    assert decode_bytes(text.encode("utf-8-sig")) == text
    assert decode_bytes(text.encode("utf-16")) == text
    assert decode_bytes("Protesters in Córdoba said “no”.".encode("cp1252")).startswith("Protesters in C")


def test_empty_binary_and_unknown_files_are_quarantined(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\t\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    results = list(read_inputs(tmp_path))
    assert [a.raw_path for a in articles(results)] == ["good.txt"]
    by_path = {q.raw_path: q for q in quarantined(results)}
    assert set(by_path) == {"empty.txt", "blank.txt", "image.txt", "doc.pdf"}
    assert "empty" in by_path["empty.txt"].reason
    assert "binary" in by_path["image.txt"].reason
    assert "unsupported" in by_path["doc.pdf"].reason


def test_limits_quarantine_instead_of_truncating(tmp_path: Path):
    (tmp_path / "big.txt").write_text(STORY * 50, encoding="utf-8")
    results = list(read_inputs(tmp_path, limits=Limits(max_file_bytes=1000)))
    (problem,) = quarantined(results)
    assert "max_file_bytes" in problem.reason
    results = list(read_inputs(tmp_path, limits=Limits(max_article_chars=500)))
    (problem,) = quarantined(results)
    assert "max_article_chars" in problem.reason


def test_unchanged_inputs_are_skipped_by_hash(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (first,) = articles(read_inputs(tmp_path))
    results = list(read_inputs(tmp_path, known={"a.txt": first.content_sha256}))
    assert results == [Unchanged("a.txt", first.content_sha256)]


def test_same_text_from_two_paths_is_one_article(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(STORY + "\n", encoding="utf-8")
    plan = plan_refresh(read_inputs(tmp_path), {})
    assert [a.raw_path for a in plan.to_code] == ["a.txt"]
    assert {(r.raw_path, r.status) for r in plan.inputs} == {("a.txt", "coded"), ("sub/b.txt", "duplicate")}


def test_article_id_is_deterministic(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    ids = {articles(read_inputs(tmp_path))[0].article_id for _ in range(2)}
    assert len(ids) == 1 and len(next(iter(ids))) == 16


def test_plan_reports_articles_to_code_as_it_reads(tmp_path: Path):
    for i in range(3):
        text = f"Headline {i}\n\nBody number {i} of the article.\n"
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    counts: list[int] = []
    plan = plan_refresh(read_inputs(tmp_path), {}, on_to_code=counts.append)
    assert counts == [1, 2, 3] and len(plan.to_code) == 3


def test_chunks_shrink_at_the_end_so_workers_finish_together():
    sizes = [len(c) for c in chunks(list(range(2000)), 64, workers=2)]
    assert sum(sizes) == 2000 and max(sizes) == 64
    assert min(sizes[:-1]) == 16 and sizes[-1] <= 16  # small at the end, never below a quarter
    assert sizes == sorted(sizes, reverse=True)
    assert [len(c) for c in chunks(list(range(200)), 64, workers=1)] == [64, 64, 64, 8]
    assert list(chunks([], 64, workers=2)) == []


def test_a_single_feed_file_is_read_with_its_items_named_after_it(tmp_path: Path):
    from eventcoder.ingest.read import input_scope

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "A1", "text": STORY}) + "\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text(STORY, encoding="utf-8")
    assert [r.raw_path for r in articles(list(read_inputs(feed)))] == ["feed.jsonl#A1"]
    known = {"feed.jsonl": "a", "feed.jsonl#A1": "b", "other.txt": "c", "feed.jsonl2#x": "d"}
    assert input_scope(feed, known) == {"feed.jsonl": "a", "feed.jsonl#A1": "b"}
    assert input_scope(tmp_path, known) == known


def test_hard_wrapped_wire_copy_is_joined_back_into_its_paragraphs():
    raw = (
        "Army and rebels fight near Bukavu\n\n"
        "BUKAVU, June 2 (Wire) - The Congolese army's\n"
        "troops fought rebels on Sunday on the outskirts of the city, a\n"
        "spokesman said; fighting started at 2 p.m.\n"
        "local time (1200 GMT). Talks in Kampala between the\n"
        "Congolese government and the rebels have stalled.\n\n"
        "Home\nNews\nabout us\n"
    )
    paragraphs = clean_text(raw).text.split("\n\n")
    assert paragraphs[1] == (
        "BUKAVU, June 2 (Wire) - The Congolese army's troops fought rebels on Sunday on the outskirts of"
        " the city, a spokesman said; fighting started at 2 p.m. local time (1200 GMT). Talks in Kampala"
        " between the Congolese government and the rebels have stalled."
    )
    assert "about us" in paragraphs  # a short menu line is left alone
