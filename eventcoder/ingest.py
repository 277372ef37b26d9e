"""Read raw inputs (txt, txt + sidecar, JSONL feeds, HTML) into articles; what cannot be read is quarantined.

Every input yields either an `Article`, an `Unchanged` marker (its bytes match what the
warehouse already holds) or a `Quarantined` record: nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import dateparser

from eventcoder.cleaning import clean_text
from eventcoder.records import Article, Quarantined

TEXT_SUFFIXES = {".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".meta.json"
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


class UnreadableInput(ValueError):
    """An input whose bytes or structure cannot be turned into an article."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    """Size limits; what exceeds them is quarantined, never truncated."""

    max_file_bytes: int = 20_000_000
    max_article_chars: int = 200_000


@dataclass(frozen=True)
class Unchanged:
    """A raw item whose bytes match the hash the warehouse already has."""

    raw_path: str
    content_sha256: str


@dataclass(frozen=True)
class Container:
    """A feed file that was read (its items are reported separately)."""

    raw_path: str
    content_sha256: str


IngestResult = Article | Unchanged | Quarantined | Container


def sha256_hex(data: bytes) -> str:
    """Hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def discover(raw_dir: Path) -> Iterator[Path]:
    """Every regular file under raw_dir, recursively, in a stable order; hidden entries skipped."""
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def relative_name(path: Path, raw_dir: Path) -> str:
    """Path relative to the raw folder, with forward slashes."""
    return path.relative_to(raw_dir).as_posix()


def decode_bytes(data: bytes) -> str:
    """Text of an input's bytes: BOMs honoured, UTF-8 first, then a detected legacy encoding."""
    if not data.strip():
        raise UnreadableInput("decode", "the file is empty or holds only whitespace")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return normalise_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise UnreadableInput(
                    "decode", f"starts with a {codec} byte-order mark but is not {codec}: {exc}"
                ) from None
    try:
        return normalise_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise UnreadableInput("decode", "binary data (NUL bytes), not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.3:
        raise UnreadableInput("decode", "not text in any encoding that could be detected (binary or corrupt)")
    return normalise_text(str(best))


def normalise_text(text: str) -> str:
    """NFC, no control characters other than tab and newlines, one newline style."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    cleaned = text.translate(_CONTROL)
    if text and len(cleaned) < 0.9 * len(text):
        raise UnreadableInput("decode", "binary data (control characters), not text")
    return cleaned


def parse_published(value: object) -> dt.date | None:
    """A publication date from metadata (ISO string, or any full date dateparser reads)."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published_at must be a string, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(
        value, languages=["en"], settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
    )
    if parsed is None:
        raise ValueError(f"published_at {value!r} is not a date")
    return parsed.date()


def check_published(value: dt.date | None, today: dt.date) -> dt.date | None:
    """Reject publication dates before 1900 or in the future."""
    if value is None:
        return None
    if value.year < 1900 or value > today + dt.timedelta(days=1):
        raise ValueError(f"published_at {value.isoformat()} is impossible (before 1900 or in the future)")
    return value


def optional_str(meta: Mapping[str, object], key: str) -> str | None:
    """A metadata string field, or None; other types are an error."""
    value = meta.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string, got {type(value).__name__}")
    return value.strip() or None


def make_article(
    raw_path: str,
    fmt: str,
    raw_text: str,
    sha: str,
    meta: Mapping[str, object],
    limits: Limits,
    today: dt.date,
) -> Article:
    """An article from decoded text and metadata (metadata wins over what the text prints)."""
    clean = clean_text(raw_text)
    if not clean.text.strip():
        raise UnreadableInput("parse", "no article text left after removing page furniture")
    if len(clean.text) > limits.max_article_chars:
        raise UnreadableInput(
            "parse",
            f"article has {len(clean.text):,} characters, above the limit max_article_chars="
            f"{limits.max_article_chars:,}",
        )
    published = meta.get("_published")
    origin = meta.get("_published_origin")
    if published is None and clean.published_at is not None:
        published, origin = clean.published_at, "text"
    try:
        published = check_published(published, today)  # type: ignore[arg-type]
    except ValueError:
        published, origin = None, None
    return Article(
        raw_path=raw_path,
        format=fmt,
        text=clean.text,
        content_sha256=sha,
        title=optional_str(meta, "title") or clean.title,
        source=optional_str(meta, "source"),
        url=optional_str(meta, "url"),
        published_at=published,  # type: ignore[arg-type]
        published_at_origin=origin if published else None,  # type: ignore[arg-type]
    )


def read_sidecar(path: Path) -> tuple[dict[str, object], str | None]:
    """Metadata of NAME.meta.json beside NAME.txt, and a problem description if it is unusable."""
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, None
    try:
        meta = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
        if not isinstance(meta, dict):
            raise ValueError("it is not a JSON object")
        for key in ("title", "source", "url"):
            optional_str(meta, key)
        published = parse_published(meta.get("published_at"))
        check_published(published, dt.date.today())
    except (ValueError, UnicodeDecodeError) as exc:
        return {}, f"sidecar {sidecar.name} ignored: {exc}"
    if published is not None:
        meta["_published"], meta["_published_origin"] = published, "sidecar"
    return meta, None


def read_file_bytes(path: Path, raw_dir: Path, limits: Limits) -> bytes:
    """The bytes of an input, refusing symlinks that leave raw_dir and files above the size limit."""
    resolved = path.resolve()
    if not resolved.is_relative_to(raw_dir.resolve()):
        raise UnreadableInput("read", "symbolic link pointing outside the raw folder, not followed")
    size = resolved.stat().st_size
    if size > limits.max_file_bytes:
        raise UnreadableInput(
            "read", f"file is {size:,} bytes, above the limit max_file_bytes={limits.max_file_bytes:,}"
        )
    return resolved.read_bytes()


def stat_fingerprint(path: Path) -> str:
    """A stand-in hash for a file whose bytes are not read (too large, or a link leaving raw/)."""
    try:
        st = path.lstat()
        key = f"{path}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        key = str(path)
    return sha256_hex(key.encode("utf-8", "surrogateescape"))


def read_txt(
    path: Path, name: str, data: bytes, known: Mapping[str, str], limits: Limits, today: dt.date
) -> Iterator[IngestResult]:
    """A plain-text article, with its sidecar's metadata when there is one."""
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    sha = sha256_hex(data + (sidecar.read_bytes() if sidecar.is_file() else b""))
    if known.get(name) == sha:
        yield Unchanged(name, sha)
        return
    meta, problem = read_sidecar(path)
    if problem:
        sidecar_name = name[: -len(path.suffix)] + SIDECAR_SUFFIX
        yield Quarantined(sidecar_name, "parse", problem, None, sha256_hex(sidecar.read_bytes()))
    try:
        yield make_article(name, "txt", decode_bytes(data), sha, meta, limits, today)
    except UnreadableInput as exc:
        yield Quarantined(name, exc.stage, exc.reason, None, sha)


def read_html(
    path: Path, name: str, data: bytes, known: Mapping[str, str], limits: Limits, today: dt.date
) -> Iterator[IngestResult]:
    """An HTML page: main text and metadata extracted by trafilatura."""
    sha = sha256_hex(data)
    if known.get(name) == sha:
        yield Unchanged(name, sha)
        return
    try:
        yield from html_article(name, data, sha, limits, today)
    except UnreadableInput as exc:
        yield Quarantined(name, exc.stage, exc.reason, None, sha)


def html_article(name: str, data: bytes, sha: str, limits: Limits, today: dt.date) -> Iterator[Article]:
    """The article of an HTML page (raises UnreadableInput when there is none)."""
    import trafilatura  # imported here: heavy, and only HTML needs it

    page = decode_bytes(data)
    document = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    extracted = document.as_dict() if document is not None else {}
    body = extracted.get("text") or ""
    if not body.strip():
        raise UnreadableInput("parse", "no main text found in the HTML page")
    meta: dict[str, object] = {
        "title": extracted.get("title"),
        "source": extracted.get("sitename") or extracted.get("hostname"),
        "url": extracted.get("url"),
    }
    try:
        published = parse_published(extracted.get("date"))
        if published is not None:
            meta["_published"], meta["_published_origin"] = published, "html"
    except ValueError:
        pass
    title = meta["title"]
    text = f"{title}\n\n{body}" if isinstance(title, str) and title and not body.startswith(title) else body
    yield make_article(name, "html", text, sha, meta, limits, today)


def read_jsonl(
    path: Path, name: str, data: bytes, known: Mapping[str, str], limits: Limits, today: dt.date
) -> Iterator[IngestResult]:
    """A feed: one article per line with `id` and `text`; each line stands or fails alone."""
    sha = sha256_hex(data)
    if known.get(name) == sha:
        yield Unchanged(name, sha)
        return
    try:
        text = decode_bytes(data)
    except UnreadableInput as exc:
        yield Quarantined(name, exc.stage, exc.reason, None, sha)
        return
    yield Container(name, sha)
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield feed_item(name, number, line, first_line, known, limits, today)


def feed_item(
    name: str,
    number: int,
    line: str,
    first_line: dict[str, int],
    known: Mapping[str, str],
    limits: Limits,
    today: dt.date,
) -> IngestResult:
    """One line of a feed as an article, an unchanged marker or a quarantine record."""
    line_sha = sha256_hex(line.encode("utf-8"))
    where = f"{name}#line{number}"
    sample = line[:2000]
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return Quarantined(where, "parse", f"line {number} is not valid JSON: {exc.msg}", sample, line_sha)
    if not isinstance(item, dict):
        return Quarantined(where, "parse", f"line {number} is not a JSON object", sample, line_sha)
    item_id, body = item.get("id"), item.get("text")
    if isinstance(item_id, int) and not isinstance(item_id, bool):
        item_id = str(item_id)
    if not isinstance(item_id, str) or not item_id.strip():
        return Quarantined(where, "parse", f"line {number} has no string `id`", sample, line_sha)
    item_path = f"{name}#{item_id}"
    if item_id in first_line:
        reason = f"duplicate id {item_id!r} (first on line {first_line[item_id]})"
        return Quarantined(f"{item_path}#line{number}", "parse", reason, sample, line_sha)
    first_line[item_id] = number
    if not isinstance(body, str) or not body.strip():
        return Quarantined(
            item_path, "parse", f"line {number} has no non-empty string `text`", sample, line_sha
        )
    if known.get(item_path) == line_sha:
        return Unchanged(item_path, line_sha)
    try:
        meta = dict(item)
        for key in ("title", "source", "url"):
            optional_str(meta, key)
        published = parse_published(item.get("published_at"))
        if published is not None:
            meta["_published"], meta["_published_origin"] = published, "feed"
        return make_article(item_path, "jsonl", normalise_text(body), line_sha, meta, limits, today)
    except ValueError as exc:
        stage = exc.stage if isinstance(exc, UnreadableInput) else "parse"
        return Quarantined(item_path, stage, f"line {number}: {exc}", sample, line_sha)


READERS = {"txt": read_txt, "html": read_html, "jsonl": read_jsonl}


def read_inputs(
    raw_dir: Path, known: Mapping[str, str] | None = None, limits: Limits | None = None
) -> Iterator[IngestResult]:
    """Every input under raw_dir as articles, unchanged markers or quarantine records."""
    known = known or {}
    limits = limits or Limits()
    today = dt.date.today()
    for path in discover(raw_dir):
        name = relative_name(path, raw_dir)
        if name.endswith(SIDECAR_SUFFIX):
            stem = path.name[: -len(SIDECAR_SUFFIX)]
            if not path.with_name(stem + ".txt").exists():
                fingerprint = stat_fingerprint(path)
                if known.get(name) == fingerprint:
                    yield Unchanged(name, fingerprint)
                else:
                    reason = "sidecar without its article (no matching .txt file)"
                    yield Quarantined(name, "read", reason, None, fingerprint)
            continue
        fmt = TEXT_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            fingerprint = stat_fingerprint(path)
            if known.get(name) == fingerprint:
                yield Unchanged(name, fingerprint)
            else:
                reason = f"unsupported input format {path.suffix or '(no extension)'!r}"
                yield Quarantined(name, "read", reason, None, fingerprint)
            continue
        try:
            data = read_file_bytes(path, raw_dir, limits)
        except UnreadableInput as exc:
            fingerprint = stat_fingerprint(path)
            if known.get(name) == fingerprint:
                yield Unchanged(name, fingerprint)
            else:
                yield Quarantined(name, exc.stage, exc.reason, None, fingerprint)
            continue
        except OSError as exc:
            yield Quarantined(
                name, "read", f"could not read the file: {exc.strerror or exc}", None, stat_fingerprint(path)
            )
            continue
        yield from READERS[fmt](path, name, data, known, limits, today)
