"""Generated bad inputs for a refresh, each with what the refresh must make of it.

`hostile_cases()` returns one `HostileCase` per input (a file, a feed line, a link, a pipe):
the bytes to write under `raw/CATEGORY/` and the expected outcome, which `check_outcome` checks
against what ingest planned or what the warehouse holds:

- `Coded`: the article loads, its text holds `marker` (decoded right), and (in the warehouse) it
  has at least one event mention;
- `Rejected`: a `quarantine` row with that raw_path and stage whose reason holds every given word;
- `Duplicate`: a `raw_inputs` row with status `duplicate`;
- `Meta`: an article's metadata field (published_at, title, source, url) has that value;
- `EventsInRange`: every event mention of the article is undated or dated from 1900 to its
  publication date.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import duckdb

from eventcoder.ingest.planning import RefreshPlan

EVENT = "Gunmen killed {n} policemen at a checkpoint in Quetta on Monday, officials said."
TAIL = "The attackers fled on motorcycles and a search operation was under way."
ACCENTED = "Protesters in Córdoba and Zürich said “no” to the café tax, Señora Muñoz reported {n} times."
SQL_TEXT = "'; DROP TABLE articles; --"
PUBLISHED = dt.date(2024, 3, 4)
OUTSIDE = "{outside}"  # replaced by a folder beside raw/ when the cases are written


@dataclass(frozen=True)
class Coded:
    """The input loads as an article whose text holds marker."""

    raw_path: str
    marker: str


@dataclass(frozen=True)
class Rejected:
    """The input is quarantined at stage with a reason holding every word."""

    raw_path: str
    stage: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Duplicate:
    """The input is recorded as a duplicate of an article read from another path."""

    raw_path: str


@dataclass(frozen=True)
class Meta:
    """An article's metadata field has this value."""

    raw_path: str
    name: str
    value: object


@dataclass(frozen=True)
class EventsInRange:
    """Every event mention of the article is undated or dated between 1900 and its publication date."""

    raw_path: str


Expectation = Coded | Rejected | Duplicate | Meta | EventsInRange


@dataclass
class HostileCase:
    """One bad input: the files, links and pipes that make it, and what a refresh must make of it."""

    category: str
    label: str
    expect: tuple[Expectation, ...]
    files: dict[str, bytes] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    fifos: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What a run made of its inputs, read from a refresh plan or from the warehouse."""

    articles: dict[str, dict[str, object]]
    statuses: dict[str, str]
    quarantine: list[tuple[str, str, str]]
    event_dates: dict[str, list[dt.date | None]] | None = None


class Stories:
    """Short articles that each report one attack with a different death toll, so none is a duplicate."""

    def __init__(self) -> None:
        """Start the death tolls at 2."""
        self.n = 1

    def marker(self) -> str:
        """A fresh event sentence."""
        self.n += 1
        return EVENT.format(n=self.n)

    def text(self, marker: str | None = None) -> tuple[str, str]:
        """A fresh (marker, article text) pair."""
        marker = marker or self.marker()
        return marker, f"{marker} {TAIL}\n"


def coded(category: str, label: str, path: str, data: bytes, marker: str, *more: Expectation) -> HostileCase:
    """A case whose one file must load as an article holding marker."""
    return HostileCase(category, label, (Coded(path, marker), *more), files={path: data})


def rejected(category: str, label: str, path: str, data: bytes, stage: str, *words: str) -> HostileCase:
    """A case whose one file must be quarantined."""
    return HostileCase(category, label, (Rejected(path, stage, words),), files={path: data})


def random_bytes(seed: int, size: int, low: int = 0, high: int = 256) -> bytes:
    """Reproducible random bytes in [low, high)."""
    rng = random.Random(seed)
    return bytes(rng.randrange(low, high) for _ in range(size))


# ------------------------------------------------------------------------------------------ categories


def empty_inputs(s: Stories) -> list[HostileCase]:
    """Empty and whitespace-only files of every format."""
    c = "empty"
    blanks = {
        "empty.txt": b"",
        "space.txt": b" ",
        "newlines.txt": b"\n\n\n",
        "ascii-whitespace.txt": b" \t\r\n\x0b\x0c ",
        "utf8-bom-only.txt": b"\xef\xbb\xbf",
        "utf8-bom-spaces.txt": b"\xef\xbb\xbf  \n",
        "utf16-bom-only.txt": b"\xff\xfe",
        "utf16-spaces.txt": "  \n ".encode("utf-16"),
        "unicode-spaces.txt": "\u00a0\u2003\u3000\n".encode(),
        "empty.jsonl": b"",
        "blank-lines.jsonl": b"\n \n\t\n",
        "empty.html": b"",
        "blank.html": b"   \n",
    }
    cases = [rejected(c, name, f"{c}/{name}", data, "decode", "empty") for name, data in blanks.items()]
    cases += [
        rejected(
            c, "zero-width only", f"{c}/zero-width.txt", "\u200b\u200c\ufeff\n".encode(), "parse", "no letter"
        ),
        rejected(c, "punctuation only", f"{c}/punctuation.txt", b"... !!! ---\n", "parse", "no letter"),
        rejected(
            c,
            "furniture only",
            f"{c}/furniture.txt",
            b"Share on Facebook\nAll rights reserved\n",
            "parse",
            "no letter",
        ),
    ]
    return cases


def binary_inputs(s: Stories) -> list[HostileCase]:
    """Binary files named as text, HTML or feeds."""
    c = "binary"
    zipped = BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.txt", s.text()[1])
    story = s.text()[1]
    blobs = {
        "random.txt": random_bytes(1, 4096),
        "random-no-nul.txt": random_bytes(2, 4096, 1),
        "random-high.txt": random_bytes(3, 4096, 128),
        "random-1mb.txt": random_bytes(4, 1_000_000),
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random_bytes(5, 2000),
        "archive.txt": gzip.compress(story.encode() * 20),
        "zip.txt": zipped.getvalue(),
        "doc.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        + random_bytes(6, 3000),
        "program.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(8) + random_bytes(7, 3000),
        "utf32.txt": story.encode("utf-32"),
        "utf16-no-bom.txt": story.encode("utf-16-le"),
        "control-chars.txt": bytes(range(1, 9)) * 300 + b"Gunmen killed people.",
        "random.html": random_bytes(8, 4096),
        "random.jsonl": random_bytes(9, 4096),
    }
    return [rejected(c, name, f"{c}/{name}", data, "decode", "binary") for name, data in blobs.items()]


def encoding_inputs(s: Stories) -> list[HostileCase]:
    """Texts in every encoding we read, broken UTF-8, odd line endings, and encodings that lie."""
    c = "encodings"

    def accented() -> tuple[str, str]:
        """A fresh accented marker and its article."""
        marker = ACCENTED.format(n=s.n + 1000)
        return marker, f"Protest in Córdoba\n\n{marker} {s.text()[1]}"

    cases = []
    for name, encode in {
        "utf8-bom.txt": lambda t: b"\xef\xbb\xbf" + t.encode(),
        "utf16-le-bom.txt": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
        "utf16-be-bom.txt": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        "cp1252.txt": lambda t: t.encode("cp1252"),
        "latin1.txt": lambda t: t.replace("“", '"').replace("”", '"').encode("latin-1"),
        "latin9.txt": lambda t: t.replace("“", '"').replace("”", '"').encode("iso-8859-15"),
        "crlf.txt": lambda t: t.replace("\n", "\r\n").encode(),
        "cr-only.txt": lambda t: t.replace("\n", "\r").encode(),
        "nfd.txt": lambda t: __import__("unicodedata").normalize("NFD", t).encode(),
        "sprinkled-nul.txt": lambda t: t.replace(" tax", "\x00 tax").encode(),
        "utf16-bom.html": lambda t: "\ufeff<html><body><article>{}</article></body></html>".format(
            "".join(f"<p>{p}</p>" for p in t.split("\n\n"))
        ).encode("utf-16-le"),
        "cp1252.html": lambda t: (
            "<html><head><meta charset='windows-1252'></head><body>{}</body></html>".format(
                "".join(f"<p>{p}</p>" for p in t.split("\n\n"))
            ).encode("cp1252")
        ),
    }.items():
        marker, text = accented()
        if "latin" in name:
            marker = marker.replace("“", '"').replace("”", '"')
        cases.append(coded(c, name, f"{c}/{name}", encode(text), marker))
    for name, damage in {
        "stray-ff.txt": lambda b: b.replace(b" tax", b"\xff tax", 1),
        "truncated-end.txt": lambda b: b + "é".encode()[:1],
        "overlong.txt": lambda b: b.replace(b" tax", b"\xc0\xaf tax", 1),
        "lone-continuation.txt": lambda b: b.replace(b" tax", b"\x80 tax", 1),
        "encoded-surrogate.txt": lambda b: b.replace(b" tax", b"\xed\xa0\x80 tax", 1),
    }.items():
        marker, text = accented()
        kept = marker.split(" tax")[0]  # the accents before the broken byte survive intact
        cases.append(coded(c, name, f"{c}/{name}", damage(text.encode()), kept))
    story = s.text()[1]
    for name, data, words in (
        (
            "utf16-odd-length.txt",
            b"\xff\xfe" + story.encode("utf-16-le") + b"\x00",
            ("utf-16", "byte-order mark"),
        ),
        (
            "utf16-lone-surrogate.txt",
            b"\xff\xfe" + b"\x00\xd8" + story.encode("utf-16-le"),
            ("byte-order mark",),
        ),
        ("utf8-bom-then-cp1252.txt", b"\xef\xbb\xbf" + "Córdoba “no”".encode("cp1252"), ("byte-order mark",)),
    ):
        cases.append(rejected(c, name, f"{c}/{name}", data, "decode", *words))
    return cases


def long_inputs(s: Stories) -> list[HostileCase]:
    """Files above max_file_bytes, articles above max_article_chars, very long lines, line floods."""
    c = "long"
    marker, story = s.text()
    line = " ".join(f"word{i}" for i in range(8_000)) + " " + marker
    prose = ("The council met again and talked about the budget for the coming year. " * 3_500) + story
    flood = "\n".join(f"item {i}" for i in range(40_000)) + "\n" + story
    many_marker, many_story = s.text()
    many = "\n".join(f"note {i}" for i in range(2_500)) + "\n" + many_story
    return [
        rejected(c, "50 MB text", f"{c}/fifty-mb.txt", b"word " * 10_000_000, "read", "max_file_bytes"),
        rejected(
            c,
            "article above the limit",
            f"{c}/long-article.txt",
            prose.encode(),
            "parse",
            "max_article_chars",
        ),
        rejected(
            c, "300k characters, no space", f"{c}/no-spaces.txt", b"x" * 300_000, "parse", "max_article_chars"
        ),
        rejected(
            c, "40,000 short lines", f"{c}/line-flood.txt", flood.encode(), "parse", "max_article_chars"
        ),
        coded(c, "one 60k-character line", f"{c}/one-long-line.txt", line.encode(), marker),
        coded(c, "2,500 short lines", f"{c}/many-lines.txt", many.encode(), many_marker),
    ]


def html_inputs(s: Stories) -> list[HostileCase]:
    """HTML without a body, fragments, broken markup, odd metadata."""
    c = "html"

    def page(head: str, body: str) -> tuple[str, bytes]:
        """A fresh marker and a page carrying it in three paragraphs."""
        marker, story = s.text()
        paras = "".join(f"<p>{story} Paragraph {i} adds more detail.</p>" for i in range(3))
        return marker, f"<html><head>{head}</head>{body.format(paras=paras)}</html>".encode()

    cases = []
    for name, head, body in (
        ("plain.html", "<title>Attack in Quetta</title>", "<body><article>{paras}</article></body>"),
        ("no-body-tag.html", "<title>Attack</title>", "{paras}"),
        ("unclosed.html", "", "<body><div><p>{paras}<div><table><tr><td>"),
        ("nul-inside.html", "", "<body><article>\x00{paras}</article></body>"),
        (
            "date-1850.html",
            "<meta name='date' content='1850-01-01'>",
            "<body><article>{paras}</article></body>",
        ),
        (
            "date-future.html",
            "<meta name='date' content='2999-01-01'>",
            "<body><article>{paras}</article></body>",
        ),
        (
            "date-garbage.html",
            "<meta name='date' content='99999-99-99'>",
            "<body><article>{paras}</article></body>",
        ),
        ("PAGE.HTM", "<title>Upper case</title>", "<body><article>{paras}</article></body>"),
    ):
        marker, data = page(head, body)
        extra = (Meta(f"{c}/{name}", "published_at", None),) if "date" in name else ()
        cases.append(coded(c, name, f"{c}/{name}", data, marker, *extra))
    marker, story = s.text()
    fragment = "".join(f"<p>{story} Paragraph {i} adds more detail.</p>" for i in range(3))
    cases.append(coded(c, "fragment", f"{c}/fragment.html", fragment.encode(), marker))
    marker, story = s.text()
    xml = '<?xml version="1.0" encoding="utf-8"?>' + f"<html><body><article><p>{story}</p><p>{story}</p>"
    xml += "</article></body></html>"
    cases.append(coded(c, "xml declaration", f"{c}/xml-declaration.html", xml.encode(), marker))
    marker, story = s.text()
    huge = f'<html><body><p title="{"x" * 1_000_000}">{story}</p><p>{story} More.</p></body></html>'
    cases.append(coded(c, "1 MB attribute", f"{c}/huge-attribute.html", huge.encode(), marker))
    for name, text in (
        ("head-only.html", "<html><head><title>Nothing here</title></head></html>"),
        ("script-only.html", "<html><body><script>var x = 1;</script></body></html>"),
        ("comment-only.html", f"<!-- {story} -->"),
        ("deep-divs.html", "<div>" * 5_000 + "x" + "</div>" * 5_000),
    ):
        cases.append(rejected(c, name, f"{c}/{name}", text.encode(), "parse", "no main text"))
    return cases


def feed_inputs(s: Stories) -> list[HostileCase]:
    """JSONL feeds: broken lines, missing or mistyped fields, duplicate and colliding ids, odd values."""
    c = "feeds"
    path = f"{c}/feed.jsonl"
    lines: list[tuple[str, str, tuple[Expectation, ...]]] = []

    def item(label: str, obj: object, *expect: Expectation) -> None:
        """A feed line made from a JSON value."""
        lines.append((label, json.dumps(obj, ensure_ascii=False), expect))

    def raw(label: str, text: str, *expect: Expectation) -> None:
        """A feed line given as text."""
        lines.append((label, text, expect))

    def at(n: int) -> str:
        """The raw_path of a line that has no usable id."""
        return f"{path}#line{n}"

    def bad_line(label: str, text: str, stage: str, *words: str) -> None:
        """A line rejected under its line number."""
        raw(label, text, Rejected(at(len(lines) + 1), stage, words))

    marker, story = s.text()
    item("good", {"id": "ok-1", "text": story}, Coded(f"{path}#ok-1", marker))
    bad_line("truncated", '{"id": "cut", "text": "Gunmen', "parse", "not valid JSON")
    bad_line("single quotes", "{'id': 'single', 'text': 'x'}", "parse", "not valid JSON")
    bad_line("trailing comma", '{"id": "trailing", "text": "x",}', "parse", "not valid JSON")
    bad_line("not json", "this is not json at all", "parse", "not valid JSON")
    bad_line("array", "[1, 2, 3]", "parse", "not a JSON object")
    bad_line("string", '"just a string"', "parse", "not a JSON object")
    bad_line("null", "null", "parse", "not a JSON object")
    bad_line("number", "42", "parse", "not a JSON object")
    bad_line("deep nesting", "[" * 100_000 + "]" * 100_000, "parse", "nested too deeply")
    bad_line("5000-digit number", '{"id": ' + "9" * 5_000 + ', "text": "x"}', "parse", "cannot be read")
    bad_line("lone surrogate in text", '{"id": "s1", "text": "Gunmen \\ud800 killed"}', "decode", "surrogate")
    bad_line("lone surrogate in id", '{"id": "\\udc00", "text": "Gunmen killed"}', "decode", "surrogate")
    for label, text in (
        ("missing", None),
        ("empty", ""),
        ("blank", " \n\t"),
        ("number", 42),
        ("list", ["a"]),
    ):
        obj = {"id": f"text-{label}"} | ({} if text is None else {"text": text})
        item(f"text {label}", obj, Rejected(f"{path}#text-{label}", "parse", ("no non-empty string `text`",)))
    item("text null", {"id": "text-null", "text": None}, Rejected(f"{path}#text-null", "parse", ("`text`",)))
    item(
        "text object",
        {"id": "text-obj", "text": {"a": 1}},
        Rejected(f"{path}#text-obj", "parse", ("`text`",)),
    )
    raw("text NaN", '{"id": "text-nan", "text": NaN}', Rejected(f"{path}#text-nan", "parse", ("`text`",)))
    for label, value in (
        ("bool", True),
        ("float", 1.5),
        ("null", None),
        ("empty", ""),
        ("blank", "  "),
        ("list", [1]),
    ):
        item(
            f"id {label}",
            {"id": value, "text": s.text()[1]},
            Rejected(at(len(lines) + 1), "parse", ("no string `id`",)),
        )
    item("no id", {"text": s.text()[1]}, Rejected(at(len(lines) + 1), "parse", ("no string `id`",)))
    item("int id", {"id": 7, "text": s.text()[1]}, Rejected(at(len(lines) + 1), "parse", ("no string `id`",)))
    marker, story = s.text()
    item("string id after an int one", {"id": "7", "text": story}, Coded(f"{path}#7", marker))
    n = len(lines) + 1
    item(
        "same id again",
        {"id": "7", "text": s.text()[1]},
        Rejected(f"{path}#7#line{n}", "parse", ("duplicate id",)),
    )
    n = len(lines) + 1
    item(
        "repeated id",
        {"id": "ok-1", "text": s.text()[1]},
        Rejected(f"{path}#ok-1#line{n}", "parse", ("duplicate",)),
    )
    marker, story = s.text()
    item(
        "id like a line reference",
        {"id": "line2", "text": story},
        Rejected(f"{path}#line2", "read", ("line2",)),
    )
    for label, obj, words in (
        ("title number", {"title": 5}, ("title must be a string",)),
        ("source list", {"source": ["a"]}, ("source must be a string",)),
        ("date number", {"published_at": 20240101}, ("published_at must be a string",)),
        ("date impossible day", {"published_at": "2024-02-30"}, ("not a date",)),
        ("control-character text", {"text": "\u0001" * 500 + "abc"}, ("binary",)),
        ("text above the limit", {"text": "word " * 50_000}, ("max_article_chars",)),
    ):
        key = label.replace(" ", "-")
        stage = "decode" if "control" in label else "parse"
        item(label, {"id": key, "text": s.text()[1]} | obj, Rejected(f"{path}#{key}", stage, words))
    for label, date, expected in (
        ("published 1850", "1850-01-01", None),
        ("published 2999", "2999-01-01", None),
        ("published ok", "2024-03-04", PUBLISHED),
    ):
        key = label.replace(" ", "-")
        marker, story = s.text()
        item(
            label,
            {"id": key, "text": story, "published_at": date},
            Coded(f"{path}#{key}", marker),
            Meta(f"{path}#{key}", "published_at", expected),
            EventsInRange(f"{path}#{key}"),
        )
    for label, key in (("control characters in id", "a\u0000b\nc\td"), ("unicode id", "é-日本-🙂-\u202e")):
        marker, story = s.text()
        item(label, {"id": key, "text": story}, Coded(f"{path}#{key}", marker))
    body = "\n".join(text for _, text, _ in lines) + "\n"
    cases = [HostileCase(c, label, expect) for label, _, expect in lines]
    cases[0].files[path] = body.encode()
    cases += other_feeds(s)
    return cases


def other_feeds(s: Stories) -> list[HostileCase]:
    """Feeds in UTF-16 or with CRLF, feeds of broken lines only, and a 1 MB line."""
    c = "feeds"
    (m1, t1), (m2, t2) = s.text(), s.text()
    utf16 = json.dumps({"id": "u1", "text": t1}) + "\n" + json.dumps({"id": "u2", "text": t2}) + "\n"
    (m3, t3), (m4, t4) = s.text(), s.text()
    crlf = json.dumps({"id": "c1", "text": t3}) + "\r\n\r\n" + json.dumps({"id": "c2", "text": t4}) + "\r\n"
    return [
        HostileCase(
            c,
            "utf-16 feed",
            (Coded(f"{c}/utf16.jsonl#u1", m1), Coded(f"{c}/utf16.jsonl#u2", m2)),
            files={f"{c}/utf16.jsonl": b"\xff\xfe" + utf16.encode("utf-16-le")},
        ),
        HostileCase(
            c,
            "crlf feed",
            (Coded(f"{c}/crlf.jsonl#c1", m3), Coded(f"{c}/crlf.jsonl#c2", m4)),
            files={f"{c}/crlf.jsonl": crlf.encode()},
        ),
        HostileCase(
            c,
            "broken feed",
            tuple(Rejected(f"{c}/broken.jsonl#line{n}", "parse", ("JSON",)) for n in (1, 2)),
            files={f"{c}/broken.jsonl": b"{\n}}}\n"},
        ),
        HostileCase(
            c,
            "1 MB line",
            (Rejected(f"{c}/megaline.jsonl#big", "parse", ("max_article_chars",)),),
            files={f"{c}/megaline.jsonl": json.dumps({"id": "big", "text": "x " * 500_000}).encode()},
        ),
    ]


def sidecar_inputs(s: Stories) -> list[HostileCase]:
    """Sidecars that are not JSON, not objects, mistyped, with impossible dates, links or pipes."""
    c = "sidecars"
    cases = []
    for i, (label, data, stage, words) in enumerate(
        (
            ("not json", b"{not json", "parse", ("sidecar", "ignored")),
            ("empty", b"", "parse", ("sidecar", "ignored")),
            ("array", b"[1, 2]", "parse", ("not a JSON object",)),
            ("string", b'"title"', "parse", ("not a JSON object",)),
            ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "parse", ("nested too deeply",)),
            ("utf-16", json.dumps({"title": "x"}).encode("utf-16"), "parse", ("sidecar", "decode")),
            ("title number", b'{"title": 5}', "parse", ("title must be a string",)),
            ("date before 1900", b'{"published_at": "1850-01-01"}', "parse", ("impossible",)),
            ("date in the future", b'{"published_at": "2999-12-31"}', "parse", ("impossible",)),
            ("date year 1", b'{"published_at": "0001-01-01"}', "parse", ("impossible",)),
            ("impossible day", b'{"published_at": "2024-02-30"}', "parse", ("not a date",)),
            ("zero date", b'{"published_at": "0000-00-00"}', "parse", ("not a date",)),
            ("date number", b'{"published_at": 20240101}', "parse", ("must be a string",)),
        )
    ):
        marker, story = s.text()
        stem = f"{c}/s{i:02d}"
        cases.append(
            HostileCase(
                c,
                label,
                (
                    Coded(f"{stem}.txt", marker),
                    Rejected(f"{stem}.meta.json", stage, words),
                    Meta(f"{stem}.txt", "published_at", None),
                ),
                files={f"{stem}.txt": story.encode(), f"{stem}.meta.json": data},
            )
        )
    marker, story = s.text()
    cases.append(
        HostileCase(
            c,
            "text date wins over a bad sidecar",
            (
                Coded(f"{c}/dated.txt", marker),
                Rejected(f"{c}/dated.meta.json", "parse", ("impossible",)),
                Meta(f"{c}/dated.txt", "published_at", PUBLISHED),
            ),
            files={
                f"{c}/dated.txt": f"Attack in Quetta kills policemen\n\nMarch 4, 2024\n\n{story}".encode(),
                f"{c}/dated.meta.json": b'{"published_at": "1850-01-01"}',
            },
        )
    )
    marker, story = s.text()
    good = {"title": "Sidecar title", "source": "Dawn", "published_at": "2024-03-04"}
    cases.append(
        HostileCase(
            c,
            "sidecar with a BOM",
            (
                Coded(f"{c}/bom.txt", marker),
                Meta(f"{c}/bom.txt", "title", "Sidecar title"),
                Meta(f"{c}/bom.txt", "published_at", PUBLISHED),
            ),
            files={
                f"{c}/bom.txt": story.encode(),
                f"{c}/bom.meta.json": b"\xef\xbb\xbf" + json.dumps(good).encode(),
            },
        )
    )
    for label, name, how, words in (
        ("link outside raw/", "leak", "link", ("outside the raw folder",)),
        ("dangling link", "dangling", "dangling", ("could not read",)),
        ("named pipe", "pipe", "fifo", ("not a regular file",)),
    ):
        marker, story = s.text()
        case = HostileCase(
            c,
            label,
            (
                Coded(f"{c}/{name}.txt", marker),
                Rejected(f"{c}/{name}.meta.json", "read", words),
                Meta(f"{c}/{name}.txt", "title", None),
            ),
            files={f"{c}/{name}.txt": story.encode()},
        )
        if how == "link":
            case.links[f"{c}/{name}.meta.json"] = f"{OUTSIDE}/leak.meta.json"
        elif how == "dangling":
            case.links[f"{c}/{name}.meta.json"] = "nowhere.meta.json"
        else:
            case.fifos = (f"{c}/{name}.meta.json",)
        cases.append(case)
    cases.append(
        rejected(
            c, "sidecar alone", f"{c}/orphan.meta.json", b'{"title": "x"}', "read", "without its article"
        )
    )
    return cases


def name_inputs(s: Stories) -> list[HostileCase]:
    """File names with spaces, quotes, unicode, leading dashes, shell and SQL metacharacters, bad bytes."""
    c = "names"
    names = [
        "with space.txt",
        "  padded  .txt",
        "it's.txt",
        'say "hi".txt',
        "-rf.txt",
        "--help.txt",
        "-.txt",
        "Ünïcödé.txt",
        __import__("unicodedata").normalize("NFD", "Ünïcödé-nfd.txt"),
        "日本語の記事.txt",
        "مقالة.txt",
        "emoji 🔥.txt",
        "tab\there.txt",
        "new\nline.txt",
        "back\\slash.txt",
        "hash#1.txt",
        "percent %s %d {0}.txt",
        "star*and?.txt",
        "$(touch pwned).txt",
        "`id`.txt",
        f"{SQL_TEXT}.txt",
        "x" * 251 + ".txt",
        "UPPER.TXT",
        "mixed.TxT",
    ]
    cases = []
    for name in names:
        marker, story = s.text()
        cases.append(coded(c, repr(name), f"{c}/{name}", story.encode(), marker))
    for raw_name, shown in ((b"caf\xe9.txt", "caf\\xe9.txt"), (b"\xff\xfe.txt", "\\xff\\xfe.txt")):
        marker, story = s.text()
        case = coded(c, shown, f"{c}/{shown}", story.encode(), marker)
        case.files = {f"{c}/{os.fsdecode(raw_name)}": story.encode()}
        cases.append(case)
    marker, story = s.text()
    bad = os.fsdecode(b"bad\xff")
    cases.append(
        HostileCase(
            c,
            "non-UTF-8 name with a broken sidecar",
            (Coded(f"{c}/bad\\xff.txt", marker), Rejected(f"{c}/bad\\xff.meta.json", "parse", ("bad\\xff",))),
            files={f"{c}/{bad}.txt": story.encode(), f"{c}/{bad}.meta.json": b"{not json"},
        )
    )
    for name, words in (
        ("no-extension", ("unsupported", "no extension")),
        ("doc.pdf", ("unsupported", ".pdf")),
        ("story.txt.gz", ("unsupported", ".gz")),
        ("trailing.txt ", ("unsupported",)),
    ):
        cases.append(rejected(c, repr(name), f"{c}/{name}", s.text()[1].encode(), "read", *words))
    return cases


def link_inputs(s: Stories) -> list[HostileCase]:
    """Symbolic links out of raw/, dangling, looping, to folders; named pipes; a folder named like a file."""
    c = "links"
    outside = ("outside the raw folder",)
    cases = [
        HostileCase(
            c,
            "to a file outside",
            (Rejected(f"{c}/outside.txt", "read", outside),),
            links={f"{c}/outside.txt": f"{OUTSIDE}/secret.txt"},
        ),
        HostileCase(
            c,
            "to /etc/passwd",
            (Rejected(f"{c}/passwd.txt", "read", outside),),
            links={f"{c}/passwd.txt": "/etc/passwd"},
        ),
        HostileCase(
            c,
            "relative, leaving raw/",
            (Rejected(f"{c}/relative.txt", "read", outside),),
            links={f"{c}/relative.txt": "../../outside/secret.txt"},
        ),
        HostileCase(
            c,
            "to a folder outside",
            (Rejected(f"{c}/folder-outside", "read", outside),),
            links={f"{c}/folder-outside": OUTSIDE},
        ),
        HostileCase(
            c,
            "dangling, outside",
            (Rejected(f"{c}/gone-outside.txt", "read", outside),),
            links={f"{c}/gone-outside.txt": "/nonexistent/story.txt"},
        ),
        HostileCase(
            c,
            "outside, unsupported type",
            (Rejected(f"{c}/outside.pdf", "read", outside),),
            links={f"{c}/outside.pdf": f"{OUTSIDE}/secret.txt"},
        ),
        HostileCase(
            c,
            "dangling",
            (Rejected(f"{c}/dangling.txt", "read", ("could not read",)),),
            links={f"{c}/dangling.txt": "nowhere.txt"},
        ),
        HostileCase(
            c,
            "to itself",
            (Rejected(f"{c}/loop.txt", "read", ("loop",)),),
            links={f"{c}/loop.txt": "loop.txt"},
        ),
        HostileCase(
            c, "ping", (Rejected(f"{c}/ping.txt", "read", ("loop",)),), links={f"{c}/ping.txt": "pong.txt"}
        ),
        HostileCase(
            c, "pong", (Rejected(f"{c}/pong.txt", "read", ("loop",)),), links={f"{c}/pong.txt": "ping.txt"}
        ),
        HostileCase(
            c,
            "to a folder inside",
            (Rejected(f"{c}/folder-inside", "read", ("folder",)),),
            links={f"{c}/folder-inside": "../names"},
        ),
        HostileCase(
            c,
            "named pipe",
            (Rejected(f"{c}/pipe.txt", "read", ("not a regular file",)),),
            fifos=(f"{c}/pipe.txt",),
        ),
        HostileCase(
            c,
            "named pipe, no extension",
            (Rejected(f"{c}/pipe", "read", ("unsupported",)),),
            fifos=(f"{c}/pipe",),
        ),
    ]
    marker, story = s.text()
    cases.append(coded(c, "the file a link points to", f"{c}/a-real.txt", story.encode(), marker))
    cases.append(
        HostileCase(
            c, "link inside raw/", (Duplicate(f"{c}/b-link.txt"),), links={f"{c}/b-link.txt": "a-real.txt"}
        )
    )
    marker, story = s.text()
    cases.append(coded(c, "folder named like a file", f"{c}/folder.txt/inner.txt", story.encode(), marker))
    return cases


def date_inputs(s: Stories) -> list[HostileCase]:
    """Publication and event dates before 1900 or after publication, in article text."""
    c = "dates"
    cases = []
    for name, header, published in (
        ("line-1850.txt", "March 4, 1850", None),
        ("line-2099.txt", "March 4, 2099", None),
        ("line-1899.txt", "31 December 1899", None),
        ("line-ok.txt", "March 4, 2024", PUBLISHED),
    ):
        marker, story = s.text()
        text = f"Gunmen attack a checkpoint in Quetta\n\n{header}\n\n{story}"
        path = f"{c}/{name}"
        cases.append(
            coded(
                c,
                name,
                path,
                text.encode(),
                marker,
                Meta(path, "published_at", published),
                EventsInRange(path),
            )
        )
    for name, when in (
        ("event-1850.txt", "on 12 May 1850"),
        ("event-1899.txt", "in 1899"),
        ("event-after-publication.txt", "on 9 March 2024"),
        ("event-far-future.txt", "on 5 June 2030"),
        ("event-next-week.txt", "next week"),
    ):
        marker = f"Gunmen killed {s.n + 500} policemen at a checkpoint in Quetta {when}, officials said."
        s.n += 1
        text = f"Gunmen attack a checkpoint in Quetta\n\nMarch 4, 2024\n\n{marker} {TAIL}"
        path = f"{c}/{name}"
        cases.append(
            coded(
                c,
                name,
                path,
                text.encode(),
                marker,
                Meta(path, "published_at", PUBLISHED),
                EventsInRange(path),
            )
        )
    return cases


def sql_inputs(s: Stories) -> list[HostileCase]:
    """SQL metacharacters in a text, a feed id, a title, a source and a URL."""
    c = "sql"
    marker = f"{SQL_TEXT} Robert'); DROP TABLE students;-- $1 ? %s {{0}} \\' \"\" ; {s.marker()}"
    meta = {"title": "x'); DROP TABLE events; --", "source": "x' OR '1'='1", "url": "http://x/?q=';--"}
    path = f"{c}/feed.jsonl#{SQL_TEXT}"
    other = marker.replace(EVENT.format(n=s.n), s.marker())
    return [
        coded(c, "sql in text", f"{c}/sql text.txt", f"{other} {TAIL}".encode(), other),
        HostileCase(
            c,
            "sql in feed id and metadata",
            (Coded(path, marker), *(Meta(path, k, v) for k, v in meta.items())),
            files={
                f"{c}/feed.jsonl": json.dumps({"id": SQL_TEXT, "text": f"{marker} {TAIL}"} | meta).encode()
            },
        ),
    ]


def text_inputs(s: Stories) -> list[HostileCase]:
    """Odd characters in readable texts, and the same story under two paths."""
    c = "texts"
    cases = []
    for name, wrap in (
        ("rtl-override.txt", lambda t: "\u202e" + t + "\u202c"),
        ("zero-width.txt", lambda t: t.replace(". The", ".\u200b\u200d The")),
        ("zalgo.txt", lambda t: "Z\u0337\u0321a\u0336\u031bl\u0335g\u0334o\u0338 " + t),
        ("emoji.txt", lambda t: "🔥🔥 " + t + " 🙏"),
        ("math-letters.txt", lambda t: "𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 " + t),
        ("line-separators.txt", lambda t: t.replace(". ", ".\u2028", 1)),
        ("form-feeds.txt", lambda t: "\x0c" + t + "\x0c"),
        ("html-in-txt.txt", lambda t: "<script>alert(1)</script>\n\n" + t),
        ("blank-runs.txt", lambda t: "\n" * 5_000 + t + "\n" * 5_000),
        ("date-lines.txt", lambda t: "March 4, 2024\n" * 200 + "\n" + t),
    ):
        marker, story = s.text()
        cases.append(coded(c, name, f"{c}/{name}", wrap(story).encode(), marker))
    marker, story = s.text()
    cases.append(coded(c, "original", f"{c}/dup-a.txt", story.encode(), marker))
    cases.append(
        HostileCase(
            c,
            "same story, other spacing",
            (Duplicate(f"{c}/dup-b.txt"),),
            files={f"{c}/dup-b.txt": ("  " + story.replace(" ", "  ") + "\n\n").encode()},
        )
    )
    return cases


CATEGORIES = (
    empty_inputs,
    binary_inputs,
    encoding_inputs,
    long_inputs,
    html_inputs,
    feed_inputs,
    sidecar_inputs,
    name_inputs,
    link_inputs,
    date_inputs,
    sql_inputs,
    text_inputs,
)


def hostile_cases() -> list[HostileCase]:
    """Every generated bad input, category by category."""
    s = Stories()
    return [case for category in CATEGORIES for case in category(s)]


# ------------------------------------------------------------------------------------------ writing


def write_cases(raw: Path, outside: Path, cases: Iterable[HostileCase]) -> None:
    """Write the cases' files, links and pipes under raw (and the files links may point to in outside)."""
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(EVENT.format(n=9999) + " LEAKED", encoding="utf-8")
    (outside / "leak.meta.json").write_text(json.dumps({"title": "LEAKED"}), encoding="utf-8")
    for case in cases:
        for rel, data in case.files.items():
            path = raw / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for rel, target in case.links.items():
            path = raw / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target.replace(OUTSIDE, str(outside)), path)
        for rel in case.fifos:
            path = raw / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(path)


# ------------------------------------------------------------------------------------------ checking


def outcome_of_plan(plan: RefreshPlan) -> Outcome:
    """What ingest and planning made of the inputs (no event mentions: nothing is coded yet)."""
    articles = {
        a.raw_path: {
            "text": a.text,
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "published_at": a.published_at,
        }
        for a in plan.to_code
    }
    statuses = {r.raw_path: r.status for r in plan.inputs}
    quarantine = [(q.raw_path, q.stage, q.reason) for q in plan.quarantined]
    return Outcome(articles, statuses, quarantine)


def outcome_of_warehouse(con: duckdb.DuckDBPyConnection) -> Outcome:
    """What a refresh left in the warehouse (a DuckDB connection)."""
    articles = {}
    for path, text, title, source, url, published in con.execute(
        "SELECT raw_path, text, title, source, url, published_at FROM articles"
    ).fetchall():
        articles[path] = {
            "text": text,
            "title": title,
            "source": source,
            "url": url,
            "published_at": published,
        }
    statuses = dict(con.execute("SELECT raw_path, status FROM raw_inputs").fetchall())
    quarantine = con.execute("SELECT raw_path, stage, reason FROM quarantine").fetchall()
    dates: dict[str, list[dt.date | None]] = {}
    for path, date in con.execute(
        "SELECT a.raw_path, m.event_date FROM event_mentions m JOIN articles a USING (article_id)"
    ).fetchall():
        dates.setdefault(path, []).append(date)
    return Outcome(articles, statuses, [tuple(q) for q in quarantine], dates)


def problems(expectation: Expectation, outcome: Outcome) -> list[str]:
    """How the outcome misses one expectation (empty when it is met)."""
    path = expectation.raw_path
    article = outcome.articles.get(path)
    if isinstance(expectation, Coded):
        if article is None or outcome.statuses.get(path) != "coded":
            return [f"{path!r}: not coded (status {outcome.statuses.get(path)!r})"]
        if expectation.marker not in article["text"]:
            return [f"{path!r}: text lacks {expectation.marker!r}: {article['text'][:200]!r}"]
        if outcome.event_dates is not None and not outcome.event_dates.get(path):
            return [f"{path!r}: no event mention coded"]
        return []
    if isinstance(expectation, Rejected):
        rows = [(stage, reason) for p, stage, reason in outcome.quarantine if p == path]
        if not any(
            stage == expectation.stage and readable(reason, expectation.words) for stage, reason in rows
        ):
            return [f"{path!r}: no quarantine at {expectation.stage} with {expectation.words}; got {rows}"]
        if article is not None:
            return [f"{path!r}: quarantined but also loaded"]
        return []
    if isinstance(expectation, Duplicate):
        status = outcome.statuses.get(path)
        return [] if status == "duplicate" else [f"{path!r}: status {status!r}, not duplicate"]
    if isinstance(expectation, Meta):
        if article is None:
            return [f"{path!r}: no article to check {expectation.name}"]
        value = article[expectation.name]
        return [] if value == expectation.value else [f"{path!r}: {expectation.name} is {value!r}"]
    return events_in_range(path, article, outcome)


def events_in_range(path: str, article: dict | None, outcome: Outcome) -> list[str]:
    """Problems of an EventsInRange expectation: mentions dated before 1900 or after publication."""
    if article is None or outcome.event_dates is None:
        return [] if article is not None else [f"{path!r}: no article to check event dates"]
    last = article["published_at"] or dt.date.today()
    bad = [
        d for d in outcome.event_dates.get(path, []) if d is not None and not (1900 <= d.year and d <= last)
    ]
    return [f"{path!r}: event dates out of range {bad} (published {article['published_at']})"] if bad else []


def readable(reason: str, words: tuple[str, ...]) -> bool:
    """A reason a person understands: plain, short, no traceback, and holding the expected words."""
    plain = reason.strip() and len(reason) < 600 and "Traceback" not in reason and "\n" not in reason.strip()
    return bool(plain) and all(w.lower() in reason.lower() for w in words)


def check_outcome(
    cases: Iterable[HostileCase], outcome: Outcome, extra_articles: Iterable[str] = ()
) -> list[str]:
    """Every way the outcome differs from what the cases expect, including quarantine rows no case expects."""
    cases = list(cases)
    found = [p for case in cases for e in case.expect for p in problems(e, outcome)]
    expected_rows = {(e.raw_path, e.stage) for case in cases for e in case.expect if isinstance(e, Rejected)}
    found += [
        f"unexpected quarantine {p!r} at {stage}: {reason}"
        for p, stage, reason in outcome.quarantine
        if (p, stage) not in expected_rows
    ]
    expected_articles = {e.raw_path for case in cases for e in case.expect if isinstance(e, Coded)}
    found += [
        f"unexpected article {p!r}"
        for p in outcome.articles
        if p not in expected_articles | set(extra_articles)
    ]
    return found
