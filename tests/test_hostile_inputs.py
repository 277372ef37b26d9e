"""Bad input never breaks a refresh and nothing is lost: generated hostile inputs, properties of the
ingest and date code, limits that quarantine instead of truncating, bound SQL, safe release names."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import json
import os
import re
import signal
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hostile import (
    SQL_TEXT,
    Coded,
    Duplicate,
    Rejected,
    check_outcome,
    hostile_cases,
    outcome_of_plan,
    outcome_of_warehouse,
    write_cases,
)
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eventcoder.coding.dates import resolve_date
from eventcoder.config import PROJECT_ROOT, Settings
from eventcoder.ingest.cleaning import clean_text
from eventcoder.ingest.planning import RefreshPlan, plan_refresh
from eventcoder.ingest.published import parse_date_line, parse_published
from eventcoder.ingest.read import (
    Container,
    Limits,
    UnreadableInput,
    decode_bytes,
    normalise_text,
    read_inputs,
)
from eventcoder.publish.release import ReleaseError, make_release
from eventcoder.records import Article, Quarantined
from schemas.tables import InputSchema
from schemas.vocab import QUARANTINE_STAGES

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
STORY = "Gunmen killed two policemen at a checkpoint in Quetta on Monday, officials said."
HOSTILE = hostile_cases()


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail with TimeoutError instead of hanging (a read that blocks on a named pipe, a quadratic pass)."""

    def expire(signum: int, frame: object) -> None:
        """Interrupt whatever runs."""
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def hostile_raw(root: Path) -> Path:
    """A raw folder holding every generated hostile input (links may point to root/outside)."""
    raw = root / "raw"
    raw.mkdir(exist_ok=True)
    write_cases(raw, root / "outside", HOSTILE)
    return raw


def plan_of(raw: Path, known: dict[str, str] | None = None, known_ids: dict | None = None) -> RefreshPlan:
    """Ingest and plan a raw folder the way a refresh does, within a time limit."""
    with deadline(120):
        return plan_refresh(read_inputs(raw, known), known_ids or {}, known)


def second_read(raw: Path, plan: RefreshPlan) -> RefreshPlan:
    """The plan of a refresh right after the one that loaded `plan` (what the warehouse would know)."""
    known = {r.raw_path: r.content_sha256 for r in plan.inputs}
    ids = {r.article_id: ("v", r.raw_path) for r in plan.inputs if r.status == "coded"}
    return plan_of(raw, known, ids)


# ------------------------------------------------------------------------------------------ generated inputs


def test_the_generator_throws_over_200_bad_inputs_of_every_kind():
    paths = {
        e.raw_path for case in HOSTILE for e in case.expect if isinstance(e, Coded | Rejected | Duplicate)
    }
    assert len(HOSTILE) >= 200 and len(paths) >= 200
    assert {c.category for c in HOSTILE} == {
        "empty",
        "binary",
        "encodings",
        "long",
        "html",
        "feeds",
        "sidecars",
        "names",
        "links",
        "dates",
        "sql",
        "texts",
    }
    assert all(case.expect for case in HOSTILE)


def test_ingest_decodes_what_is_readable_and_quarantines_the_rest_with_reasons(tmp_path: Path):
    plan = plan_of(hostile_raw(tmp_path))
    assert check_outcome(HOSTILE, outcome_of_plan(plan)) == []
    assert all(q.stage in QUARANTINE_STAGES for q in plan.quarantined)
    paths = [r.raw_path for r in plan.inputs]
    assert len(paths) == len(set(paths)), "raw_inputs keeps one row per raw_path"
    InputSchema.validate(pd.DataFrame([r.__dict__ | {"run_id": "r"} for r in plan.inputs]))


def test_a_second_read_finds_every_hostile_input_unchanged_and_none_gone(tmp_path: Path):
    raw = hostile_raw(tmp_path)
    again = second_read(raw, plan_of(raw))
    assert (again.to_code, again.quarantined, again.missing, again.n_new) == ([], [], [], 0)


def test_the_same_raw_folder_given_relative_or_absolute_is_the_same_input(tmp_path: Path, monkeypatch):
    raw = hostile_raw(tmp_path)
    first = plan_of(raw)
    monkeypatch.chdir(tmp_path)
    known = {r.raw_path: r.content_sha256 for r in first.inputs}
    again = plan_of(
        Path("raw"), known, {r.article_id: ("v", r.raw_path) for r in first.inputs if r.article_id}
    )
    assert (again.quarantined, again.missing, again.n_new) == ([], [], 0)


def test_a_feed_that_grows_does_not_quarantine_its_old_bad_lines_again(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": STORY}) + "\n{broken\n" + json.dumps({"id": "b"}) + "\n")
    first = plan_of(tmp_path)
    assert {q.raw_path for q in first.quarantined} == {"feed.jsonl#line2", "feed.jsonl#b"}
    with feed.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "c", "text": STORY.replace("two", "three")}) + "\n")
    again = second_read(tmp_path, first)
    assert [a.raw_path for a in again.to_code] == ["feed.jsonl#c"] and again.quarantined == []


def test_a_quarantined_sidecar_is_not_reported_gone_when_its_article_is_unchanged(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published_at": "1850-01-01"}', encoding="utf-8")
    first = plan_of(tmp_path)
    assert [q.raw_path for q in first.quarantined] == ["a.meta.json"]
    assert second_read(tmp_path, first).missing == []


# ------------------------------------------------------------------------------------------ limits


def test_limits_are_settings_with_the_documented_defaults():
    from eventcoder.config import Settings
    from flows.cli import build_parser
    from flows.refresh import refresh

    args = build_parser().parse_args(["refresh"])
    flow_default = inspect.signature(refresh.fn).parameters["settings"].default
    for name, documented in (("max_file_bytes", "20 MB"), ("max_article_chars", "200,000")):
        value = getattr(Settings(), name)
        assert value == getattr(Limits(), name) == getattr(args, name) == getattr(flow_default, name)
        assert f"`{name}` ({documented}, `--{name.replace('_', '-')}`" in README


def test_limits_can_be_set_from_the_environment(monkeypatch):
    monkeypatch.setenv("EVENTCODER_MAX_ARTICLE_CHARS", "1234")
    monkeypatch.setenv("EVENTCODER_MAX_FILE_BYTES", "5678")
    settings_ = Settings().with_env()
    assert (settings_.max_article_chars, settings_.max_file_bytes) == (1234, 5678)


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["refresh", "--max-article-chars", "2000000"], {}, "between 1 and 1,000,000"),
        (["refresh", "--workers", "0"], {}, "between 1 and 64"),
        (["refresh", "--chunk-size", "ten"], {}, "not a whole number"),
        (["refresh"], {"EVENTCODER_WORKERS": "two"}, "EVENTCODER_WORKERS='two' is not a whole number"),
        (["refresh"], {"EVENTCODER_MAX_FILE_BYTES": "0"}, "max_file_bytes must be at least 1"),
    ],
)
def test_impossible_limits_are_usage_errors_before_anything_runs(argv, env, message, monkeypatch, capsys):
    from flows.cli import main

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's usage error
        status = exc.code
    assert status == 2
    assert message in capsys.readouterr().err


def test_the_core_refuses_an_article_limit_spacy_cannot_parse():
    with pytest.raises(ValueError, match="1,000,000"):
        Limits(max_article_chars=1_000_001)


def test_a_file_at_the_size_limit_is_read_whole_and_one_byte_more_is_quarantined(tmp_path: Path):
    body = (STORY + " ") * 30
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    size = len(body.encode())
    (article,) = plan_of_limits(tmp_path, Limits(max_file_bytes=size)).to_code
    assert article.text == body.strip()
    (problem,) = plan_of_limits(tmp_path, Limits(max_file_bytes=size - 1)).quarantined
    assert (problem.stage, problem.raw_path) == ("read", "a.txt")
    assert f"{size:,} bytes" in problem.reason and f"max_file_bytes={size - 1:,}" in problem.reason


def test_an_article_at_the_length_limit_is_kept_whole_and_one_character_more_is_quarantined(tmp_path: Path):
    body = (STORY + " ") * 30
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    n = len(body.strip())
    (article,) = plan_of_limits(tmp_path, Limits(max_article_chars=n)).to_code
    assert len(article.text) == n
    (problem,) = plan_of_limits(tmp_path, Limits(max_article_chars=n - 1)).quarantined
    assert problem.stage == "parse" and f"{n:,} characters" in problem.reason
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"id": "x", "text": body}), encoding="utf-8")
    (tmp_path / "a.txt").unlink()
    plan = plan_of_limits(tmp_path, Limits(max_article_chars=n - 1))
    assert plan.to_code == [] and [q.raw_path for q in plan.quarantined] == ["f.jsonl#x"]


def plan_of_limits(raw: Path, limits: Limits) -> RefreshPlan:
    """The plan of a raw folder under given limits."""
    return plan_refresh(read_inputs(raw, limits=limits), {})


def test_a_named_pipe_is_never_opened(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "a.meta.json")
    plan = plan_of(tmp_path)
    assert [a.raw_path for a in plan.to_code] == ["a.txt"]
    assert {q.raw_path: q.stage for q in plan.quarantined} == {"pipe.txt": "read", "a.meta.json": "read"}


def test_forty_thousand_short_lines_are_cleaned_in_seconds():
    with deadline(20):
        clean = clean_text("\n".join(f"item {i}" for i in range(40_000)) + "\n" + STORY)
    assert STORY in clean.text


# ------------------------------------------------------------------------------------------ properties

CLEAN_CHARS = st.characters(blacklist_categories=("Cs", "Cc"))
TEXTS = st.text(alphabet=st.one_of(CLEAN_CHARS, st.sampled_from("\n\t ")), max_size=400)
ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
}


def expected_decoding(text: str) -> str | None:
    """What decode_bytes must return for this text, or None when it must refuse it."""
    try:
        normal = normalise_text(text)
    except UnreadableInput:
        return None
    return normal if normal.strip() else None


def assert_clean(text: str) -> None:
    """Decoded text: not blank, NFC, one newline style, no control characters, encodable."""
    assert text.strip() and "\r" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert not any(ord(c) < 32 and c not in "\t\n" for c in text)
    text.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=3000), TEXTS.map(lambda t: t.encode("cp1252", "ignore"))))
def test_decode_bytes_gives_clean_text_or_a_decode_reason(data: bytes):
    try:
        text = decode_bytes(data)
    except UnreadableInput as exc:
        assert exc.stage == "decode" and exc.reason
        return
    assert_clean(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), encoding=st.sampled_from(sorted(ENCODERS)))
def test_unicode_text_round_trips_through_every_byte_order_mark(text: str, encoding: str):
    data = ENCODERS[encoding](text)
    want = expected_decoding(text.removeprefix("\ufeff") if encoding == "utf-8" else text)
    if want is None:
        with pytest.raises(UnreadableInput):
            decode_bytes(data)
    else:
        assert decode_bytes(data) == want


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2AF), min_size=3, max_size=200),
    where=st.integers(min_value=0),
    junk=st.sampled_from([b"\xff", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xc0\xaf"]),
)
def test_utf8_with_one_broken_sequence_keeps_every_other_character(text: str, where: int, junk: bytes):
    assume(sum(c > "\x7f" for c in text) > 3 and "\ufffd" not in text)
    cut = where % (len(text) + 1)
    data = text[:cut].encode() + junk + text[cut:].encode()
    want = expected_decoding(text[:cut] + "\ufffd" * len(junk.decode("utf-8", "replace")) + text[cut:])
    assume(want is not None)
    assert decode_bytes(data) == want


FURNITURE = [
    "Share on Facebook",
    "Related Posts",
    "Leave a Reply",
    "• Home",
    "No Result",
    "12 comments",
    "Tags: x",
]
HEADERS = ["March 4, 2024", "Published: 17 February 2023", "4 March 1850", "1/2/2099", "Updated 2024-13-45"]
LINES = st.one_of(
    st.text(alphabet=CLEAN_CHARS, max_size=60),
    st.sampled_from(FURNITURE + HEADERS + [STORY, "Gunmen kill two in Quetta", "x " * 30]),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=60).map("\n".join))
def test_clean_text_never_fails_and_keeps_only_lines_of_the_input(raw: str):
    clean = clean_text(raw)
    source = " ".join(raw.split())
    assert clean.published_at is None or 1900 <= clean.published_at.year <= 2100
    assert clean.title is None or clean.text.startswith(clean.title)
    for paragraph in clean.text.split("\n\n") if clean.text else []:
        assert paragraph and paragraph == paragraph.strip()
        assert " ".join(paragraph.split()) in source


NAMES = st.sampled_from(
    [
        "a.txt",
        "a.meta.json",
        "b.txt",
        "c.jsonl",
        "d.html",
        "e.HTM",
        "f.pdf",
        "g",
        "sub/h.txt",
        "sub/h.meta.json",
    ]
    + ["-i.txt", "j k.txt", "'; DROP TABLE x; --.txt", "l#1.txt", "m.jsonl"]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
ITEMS = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.sampled_from(["a", "b", "7", "line1", "line2"]), st.integers(0, 9), JSON_VALUES),
        "text": st.one_of(st.just(STORY), st.text(max_size=80), JSON_VALUES),
        "title": st.one_of(st.text(max_size=20), JSON_VALUES),
        "published_at": st.one_of(st.dates().map(str), st.text(max_size=12), JSON_VALUES),
    },
)
SURROGATES = st.lists(st.integers(0xD800, 0xDFFF).map(chr), min_size=1, max_size=3).map("".join)
FEED_LINES = st.one_of(
    ITEMS.map(json.dumps),
    st.builds(lambda s: json.dumps({"id": s, "text": STORY + s}), SURROGATES),
    JSON_VALUES.map(json.dumps),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
)
CONTENTS = st.one_of(
    st.binary(max_size=200),
    st.just(STORY.encode()),
    TEXTS.map(lambda t: t.encode("utf-16")),
    TEXTS.map(lambda t: (STORY + t).encode("cp1252", "ignore")),
    st.lists(FEED_LINES, max_size=6).map(lambda lines: "\n".join(lines).encode()),
    st.builds(lambda v: json.dumps(v).encode(), JSON_VALUES),
)


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    """Write files (relative path -> bytes) under root."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def accounted(name: str, paths: set[str]) -> bool:
    """True when some ingest result stands for the file `name`."""
    return name in paths or any(p.startswith(name + "#") for p in paths)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(NAMES, CONTENTS, max_size=8))
def test_read_inputs_accounts_for_every_file_and_a_second_read_changes_nothing(files: dict[str, bytes]):
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp)
        write_tree(raw, files)
        results = list(read_inputs(raw))
        plan = plan_refresh(results, {})
        paths = {r.raw_path for r in results}
        for name in files:
            with_article = name.endswith(".meta.json") and name.replace(".meta.json", ".txt") in files
            assert with_article or accounted(name, paths), name
        for result in results:
            result.raw_path.encode("utf-8")
            if isinstance(result, Quarantined):
                assert result.stage in QUARANTINE_STAGES and result.reason.strip()
            if isinstance(result, Article):
                assert_clean(result.text) if result.text.strip() else pytest.fail("blank article")
        inputs = [r.raw_path for r in plan.inputs]
        assert len(inputs) == len(set(inputs))
        again = second_read(raw, plan)
        assert (again.to_code, again.quarantined, again.missing, again.n_new) == ([], [], [], 0)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FEED_LINES, min_size=1, max_size=12))
def test_every_feed_line_becomes_an_article_or_a_quarantine_record(lines: list[str]):
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp)
        (raw / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
        results = list(read_inputs(raw))
        plan = plan_refresh(results, {})
        nonblank = [ln for ln in lines if ln.strip()]
        if not nonblank:
            assert [type(r) for r in results] == [Quarantined] and results[0].stage == "decode"
            return
        assert isinstance(results[0], Container) and len(results) == 1 + len(nonblank)
        for result in results[1:]:
            assert isinstance(result, Article | Quarantined)
            assert result.raw_path.startswith("feed.jsonl#")
            result.raw_path.encode("utf-8")
            if isinstance(result, Quarantined):
                assert result.stage in QUARANTINE_STAGES and result.record is not None
        inputs = [r.raw_path for r in plan.inputs]
        assert len(inputs) == len(set(inputs))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), JSON_VALUES, st.dates().map(str)))
def test_parse_published_gives_a_date_or_a_value_error(value: object):
    try:
        result = parse_published(value)
    except ValueError as exc:
        assert str(exc)
        return
    assert result is None or isinstance(result, dt.date)


MONTHS = "January February March April May June July August September October November December".split()
STYLES = (
    lambda d: f"{MONTHS[d.month - 1]} {d.day:02d}, {d.year}",
    lambda d: f"Published: {d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"Updated on {MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    lambda d: d.isoformat(),
)
DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@settings(max_examples=300, deadline=None)
@given(day=DAYS, style=st.sampled_from(STYLES))
def test_parse_date_line_reads_header_dates_and_refuses_impossible_years(day: dt.date, style):
    expected = day if 1900 <= day.year <= 2100 else None
    assert parse_date_line(style(day)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parse_date_line_never_fails(line: str):
    result = parse_date_line(line)
    assert result is None or 1900 <= result.year <= 2100


PHRASE_WORDS = (
    "on in of the last next ago early late mid since 12 31 2 1850 1899 1900 1901 2024 2030 2099 2100 2101 "
    "٢٠٢١ ２０２１ ² May June December Monday week month year years days yesterday tomorrow - / , ."
).split()
PHRASES = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=6).map(" ".join),
    st.builds(lambda d, s: s(d), DAYS, st.sampled_from(STYLES[:1] + STYLES[3:])),
)


@settings(max_examples=500, deadline=None)
@given(phrase=PHRASES, published=st.one_of(st.none(), st.dates()))
def test_resolve_date_never_places_an_event_before_1900_or_after_publication(phrase: str, published):
    result = resolve_date(phrase, published)
    if result is None:
        return
    assert 1900 <= result.start.year and result.end.year <= 2100
    assert result.start <= result.date <= result.end
    assert published is None or result.end <= published


@settings(max_examples=300, deadline=None)
@given(day=DAYS, style=st.sampled_from(STYLES[:1] + STYLES[3:]), later=st.integers(-4000, 4000))
def test_an_explicit_day_resolves_to_itself_only_when_possible(day: dt.date, style, later: int):
    try:
        published = day + dt.timedelta(days=later)
    except OverflowError:
        published = None
    result = resolve_date(style(day), published)
    possible = 1900 <= day.year <= 2100 and (published is None or day <= published)
    assert (result.date if result else None) == (day if possible else None)


# ------------------------------------------------------------------------------------------ SQL and releases

# Every value interpolated into SQL text in eventcoder/ and flows/, and why it is safe: each is a table or
# column name taken from the schemas (or quote_ident of one), or a fixed fragment built from them. Data
# values are always bound with ? or $n. A new interpolation fails this test until it is reviewed here.
SQL_INTERPOLATIONS = {
    "eventcoder/warehouse/store.py": {"table", "col.name", "col.sql_type", "', '.join(cols)", "n"},
    "eventcoder/publish/release.py": {
        "cols",
        "quote_ident(spec.table)",
        "key",  # quote_ident of the key columns
        "source",  # quote_ident(spec.table), or a scope file of warehouse/sql/publish/scope
        "quote_ident(c)",
        "', '.join(differs)",
        "' OR '.join(differs)",
        "label",
        "export_query(spec, scoped)",
        "copy_options(file)",
    },
    # temporary table names fixed in reference_tables(); COPY options fixed per format
    "eventcoder/publish/export.py": {
        "name",
        "copy_options(fmt)",
        "table",  # a file name of warehouse/sql/publish/scope
        "scope",  # the text of that file
    },
    "eventcoder/publish/query.py": {"kind.name"},  # an error message that names SQL statements, not SQL
}
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|DELETE|UPDATE|COPY|ALTER|CREATE|DESCRIBE|DROP|PRAGMA|FROM|WHERE)\b")


def sql_interpolations(path: Path) -> set[str]:
    """Source of every expression formatted into a string that reads like SQL, in one module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if SQL_WORDS.search(literal):
                found |= {ast.unparse(v.value) for v in node.values if isinstance(v, ast.FormattedValue)}
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
        ):
            if isinstance(node.func.value, ast.Constant) and SQL_WORDS.search(str(node.func.value.value)):
                found.add("str.format")
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant)
        ):
            if SQL_WORDS.search(str(node.left.value)):
                found.add("% formatting")
    return found


def test_sql_is_never_formatted_with_data_values():
    modules = sorted((PROJECT_ROOT / "eventcoder").rglob("*.py")) + sorted(
        (PROJECT_ROOT / "flows").rglob("*.py")
    )
    for path in modules:
        rel = path.relative_to(PROJECT_ROOT).as_posix()
        unreviewed = sql_interpolations(path) - SQL_INTERPOLATIONS.get(rel, set())
        assert not unreviewed, f"{rel} formats {unreviewed} into SQL: bind values with ? instead"


UNSAFE_VERSIONS = [
    "../x",
    "..",
    ".",
    "a/../../b",
    "/tmp/evil",
    "x/y",
    "x\\y",
    "-rf",
    "--help",
    "",
    " ",
    "v1 ",
    "v1\n",
    "a\x00b",
    ".hidden",
    "~",
    "~/x",
    "$(touch pwned)",
    "`id`",
    SQL_TEXT,
    "v1;rm -rf",
    "１.０",
    "x" * 65,
    "C:\\x",
]


def tree(root: Path) -> set[str]:
    """Every path under root (links not followed)."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.mark.parametrize("version", UNSAFE_VERSIONS)
def test_release_refuses_an_unsafe_version_and_writes_nothing(tmp_path: Path, version: str, capsys):
    from flows.cli import main

    out, warehouse = tmp_path / "releases" / "out", tmp_path / "w.duckdb"
    warehouse.touch()
    target = Path(os.path.normpath(out / version.replace("\x00", "")))  # where a careless join would write
    before = tree(tmp_path), target.exists()
    status = main(["release", f"--version={version}", "--warehouse", str(warehouse), "--out", str(out)])
    assert status == 2 and "unsafe release version" in capsys.readouterr().err
    with pytest.raises(ReleaseError, match="unsafe"):
        make_release(warehouse, out, version)
    assert (tree(tmp_path), target.exists()) == before


def test_release_refuses_a_version_that_is_a_link_out_of_the_release_folder(tmp_path: Path):
    out, target = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    target.mkdir()
    (out / "v1").symlink_to(target)
    with pytest.raises(ReleaseError, match="already exists"):
        make_release(tmp_path / "w.duckdb", out, "v1")
    assert list(target.iterdir()) == [] and tree(out) == {"v1"}


# ------------------------------------------------------------------------------------------ the refresh


@pytest.fixture(scope="module")
def hostile_warehouse(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    """Raw folder, warehouse, summaries and snapshots of two refreshes over samples + hostile inputs."""
    from conftest import SEEDS, snapshot

    from eventcoder.config import Settings
    from flows.refresh import refresh

    root = tmp_path_factory.mktemp("hostile")
    raw = hostile_raw(root)
    for path in sorted(SEEDS.glob("*.txt")):
        (raw / path.name).write_bytes(path.read_bytes())
    warehouse = root / "events.duckdb"
    summaries, snapshots = [], []
    for _ in range(2):
        with deadline(600):
            summaries.append(refresh(Settings(raw_dir=raw, warehouse=warehouse, workers=1)))
        snapshots.append(snapshot(warehouse))
    return raw, warehouse, summaries, snapshots


def read_warehouse(warehouse: Path, query: str, params: list | None = None) -> list[tuple]:
    """Rows of a read-only query."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_a_refresh_over_every_hostile_input_completes_and_loads_all_good_articles(hostile_warehouse):
    raw, warehouse, (first, _), _ = hostile_warehouse
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        outcome = outcome_of_warehouse(con)
        runs = con.execute("SELECT status, n_quarantined FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    seeds = {p.name for p in raw.glob("0*.txt")}
    assert check_outcome(HOSTILE, outcome, extra_articles=seeds) == []
    assert seeds <= set(outcome.articles) and all(outcome.event_dates.get(s) for s in seeds)
    assert runs[0] == ("completed", len(outcome.quarantine)) and first.n_quarantined == len(
        outcome.quarantine
    )


@pytest.mark.slow
def test_a_second_refresh_over_the_hostile_inputs_changes_nothing(hostile_warehouse):
    raw, warehouse, (_, second), (before, after) = hostile_warehouse
    assert (second.n_new, second.n_coded, second.n_quarantined, second.n_missing) == (0, 0, 0, 0)
    assert after == before
    assert read_warehouse(warehouse, "SELECT count(*) FROM runs WHERE status = 'completed'") == [(2,)]


@pytest.mark.slow
def test_sql_metacharacters_round_trip_into_the_warehouse_unchanged(hostile_warehouse):
    _, warehouse, _, _ = hostile_warehouse
    tables = {r[0] for r in read_warehouse(warehouse, "SELECT table_name FROM information_schema.tables")}
    assert {"articles", "events", "event_mentions", "raw_inputs", "quarantine", "runs"} <= tables
    (row,) = read_warehouse(
        warehouse,
        "SELECT title, source, url, text FROM articles WHERE raw_path = ?",
        [f"sql/feed.jsonl#{SQL_TEXT}"],
    )
    assert row[:3] == ("x'); DROP TABLE events; --", "x' OR '1'='1", "http://x/?q=';--")
    assert row[3].startswith(f"{SQL_TEXT} Robert'); DROP TABLE students;-- $1 ? %s {{0}} \\' \"\" ;")
    assert read_warehouse(
        warehouse, "SELECT count(*) FROM articles WHERE raw_path = ?", [f"names/{SQL_TEXT}.txt"]
    ) == [(1,)]


@pytest.mark.slow
def test_the_readme_queries_of_the_quarantine_answer(hostile_warehouse):
    _, warehouse, _, _ = hostile_warehouse
    section = README[README.index("### Bad input") : README.index("## Running a refresh")]
    (block,) = re.findall(r"```sql\n(.*?)```", section, re.S)
    newest, current = [q.strip() for q in block.split(";") if q.strip()]
    rows = read_warehouse(warehouse, newest)
    assert len(rows) == len({(p, s, r) for _, p, s, r in rows}) and ("empty/empty.txt", "decode") in {
        (p, s) for _, p, s, _ in rows
    }
    assert ("feeds/feed.jsonl#line2", "parse") in {
        (p, s) for s, p, _, _ in read_warehouse(warehouse, current)
    }


@pytest.mark.slow
def test_a_release_of_the_hostile_warehouse_stays_in_its_folder_and_verifies(
    hostile_warehouse, tmp_path: Path
):
    from eventcoder.publish.release import verify_release

    _, warehouse, _, _ = hostile_warehouse
    result = make_release(warehouse, tmp_path / "out", "v1")
    assert result.path == tmp_path / "out" / "v1" and tree(tmp_path) == {"out", "out/v1"} | {
        f"out/v1/{p.name}" for p in result.path.iterdir()
    }
    assert verify_release(result.path) == []
    paths = {
        r[0] for r in duckdb.sql(f"SELECT raw_path FROM '{result.path / 'articles.parquet'}'").fetchall()
    }
    assert f"sql/feed.jsonl#{SQL_TEXT}" in paths and "names/caf\\xe9.txt" in paths


@pytest.mark.slow
def test_the_cli_limits_quarantine_what_exceeds_them_and_keep_the_rest_whole(prefect_harness, tmp_path: Path):
    from flows.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    small, long_ = STORY, " ".join([STORY.replace("two", str(n)) for n in range(3, 9)])
    (raw / "small.txt").write_text(small, encoding="utf-8")
    (raw / "long.txt").write_text(long_, encoding="utf-8")
    (raw / "big.txt").write_text(small + " " + "padding " * 100, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    args = ["refresh", "--raw", str(raw), "--warehouse", str(warehouse), "--workers", "1", "--quiet"]
    assert main([*args, "--max-file-bytes", "600", "--max-article-chars", str(len(long_) - 1)]) == 0
    assert read_warehouse(warehouse, "SELECT raw_path, text FROM articles") == [("small.txt", small)]
    quarantined = dict(read_warehouse(warehouse, "SELECT raw_path, reason FROM quarantine"))
    assert quarantined.keys() == {"long.txt", "big.txt"}
    assert f"max_article_chars={len(long_) - 1:,}" in quarantined["long.txt"]
    assert "max_file_bytes=600" in quarantined["big.txt"]
