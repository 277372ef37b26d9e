"""Read raw inputs (txt, txt + sidecar, JSONL feeds, HTML) into articles; what cannot be read is quarantined.

Every input yields either an `Article`, an `Unchanged` marker (its bytes match what the
warehouse already holds) or a `Quarantined` record: nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from eventcoder.ingest.cleaning import clean_text
from eventcoder.ingest.language import detect_language
from eventcoder.ingest.published import check_published, parse_published
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


SPACY_MAX_CHARS = 1_000_000  # spaCy's nlp.max_length: a longer text fails its whole batch (error E088)


@dataclass(frozen=True)
class Limits:
    """Size limits; what exceeds them is quarantined, never truncated."""

    max_file_bytes: int = 20_000_000
    max_article_chars: int = 200_000

    def __post_init__(self) -> None:
        """Refuse limits the coder cannot honour (spaCy parses at most SPACY_MAX_CHARS at once)."""
        if self.max_file_bytes < 1:
            raise ValueError(f"max_file_bytes must be at least 1, not {self.max_file_bytes}")
        if not 1 <= self.max_article_chars <= SPACY_MAX_CHARS:
            raise ValueError(
                f"max_article_chars must be between 1 and {SPACY_MAX_CHARS:,} (the longest text spaCy "
                f"parses), not {self.max_article_chars:,}"
            )


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


def raw_root(raw: Path) -> Path:
    """The folder raw paths are relative to: the raw folder itself, or the folder of a single feed file."""
    return raw if raw.is_dir() else raw.parent


def input_scope(raw: Path, known: Mapping[str, str]) -> dict[str, str]:
    """The known inputs a refresh of `raw` sees: all for a folder, a feed file's own items for a file."""
    if raw.is_dir():
        return dict(known)
    name = raw.name
    return {path: sha for path, sha in known.items() if path == name or path.startswith(name + "#")}


def discover(raw_dir: Path) -> Iterator[Path]:
    """Every file (and link to a folder, not followed) under raw_dir, in stable order; hidden ones skipped."""
    if not raw_dir.is_dir():  # a single feed file
        yield raw_dir
        return
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        linked = {d for d in dirnames if os.path.islink(os.path.join(dirpath, d))}
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in linked)
        for name in sorted(set(filenames) | linked):
            if not name.startswith("."):
                yield Path(dirpath) / name


def relative_name(path: Path, raw_dir: Path) -> str:
    """Path relative to the raw folder, with forward slashes; bytes that are not UTF-8 as \\xNN escapes."""
    return os.fsencode(path.relative_to(raw_dir).as_posix()).decode("utf-8", "backslashreplace")


def decode_bytes(data: bytes) -> str:
    """Text of an input's bytes: BOMs honoured, UTF-8 first, then a detected legacy encoding."""
    text = normalise_text(decode_text(data))
    if not text.strip():
        raise UnreadableInput("decode", "the file is empty or holds only whitespace")
    return text


def decode_text(data: bytes) -> str:
    """The bytes decoded: BOM, UTF-8, UTF-8 with a few broken sequences, else a detected legacy encoding."""
    if not data.strip():  # before the control-character check: \v and \f are whitespace here
        raise UnreadableInput("decode", "the file is empty or holds only whitespace")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnreadableInput(
                    "decode", f"starts with a {codec} byte-order mark but is not {codec}: {exc}"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise UnreadableInput("decode", "binary data (NUL bytes), not text")
    damaged = damaged_utf8(data)
    if damaged is not None:
        return damaged
    return legacy_text(data)


def legacy_text(data: bytes) -> str:
    """Text in the legacy encoding detected; cp1252 (the web's Western default) wins a tie: ñ is not ń."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > 0.3:
        raise UnreadableInput("decode", "not text in any encoding that could be detected (binary or corrupt)")
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    return str(next((m for m in tied if "cp1252" in m.could_be_from_charset), best))


def damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken byte sequences (each shown as U+FFFD), or None if it is not UTF-8."""
    # Valid multi-byte characters must outnumber the broken sequences: cp1252 text almost never forms any.
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
    return text if 0 < broken < multibyte else None


def normalise_text(text: str) -> str:
    """NFC, no control characters other than tab and newlines, one newline style."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    cleaned = text.translate(_CONTROL)
    if text and len(cleaned) < 0.9 * len(text):
        raise UnreadableInput("decode", "binary data (control characters), not text")
    return cleaned


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
    if not any(c.isalnum() for c in clean.text):
        raise UnreadableInput(
            "parse", "no article text (no letter or digit) left after removing page furniture"
        )
    if len(clean.text) > limits.max_article_chars:
        raise UnreadableInput(
            "parse",
            f"article has {len(clean.text):,} characters, above the limit max_article_chars="
            f"{limits.max_article_chars:,}",
        )
    published = meta.get("_published")
    origin = meta.get("_published_origin")
    if published is None and clean.published_at is not None:
        published, origin = clean.published_at, clean.published_origin
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
        language=detect_language(clean.text),
    )


def parse_sidecar(data: bytes, sidecar_name: str) -> tuple[dict[str, object], str | None]:
    """Metadata of the bytes of a NAME.meta.json, and a problem description if it is unusable."""
    try:
        meta = json.loads(data.decode("utf-8-sig"))
        if not isinstance(meta, dict):
            raise ValueError("it is not a JSON object")
        for key in ("title", "source", "url"):
            optional_str(meta, key)
        published = parse_published(meta.get("published_at"))
        check_published(published, dt.date.today())
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        return {}, f"sidecar {sidecar_name} ignored: {describe_error(exc)}"
    if published is not None:
        meta["_published"], meta["_published_origin"] = published, "sidecar"
    return meta, None


def describe_error(exc: BaseException) -> str:
    """A short message for a parse error (RecursionError's own says nothing about the input)."""
    if isinstance(exc, RecursionError):
        return "it is nested too deeply to be read"
    return str(exc)


def read_file_bytes(path: Path, raw_dir: Path, limits: Limits) -> bytes:
    """The bytes of a regular file in raw_dir under the size limit (links out, loops, pipes refused)."""
    try:
        resolved = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a symlink loop this way
        raise UnreadableInput("read", "symbolic link loop, not followed") from None
    except FileNotFoundError:
        if path.is_symlink() and not path.resolve().is_relative_to(raw_dir.resolve()):
            raise UnreadableInput(
                "read", "symbolic link pointing outside the raw folder, not followed"
            ) from None
        raise
    if not resolved.is_relative_to(raw_dir.resolve()):
        raise UnreadableInput("read", "symbolic link pointing outside the raw folder, not followed")
    info = resolved.stat()
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput("read", "symbolic link to a folder, not followed (its files are not read)")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput("read", "not a regular file (a pipe, socket or device), not read")
    if info.st_size > limits.max_file_bytes:
        raise UnreadableInput(
            "read",
            f"file is {info.st_size:,} bytes, above the limit max_file_bytes={limits.max_file_bytes:,}",
        )
    return resolved.read_bytes()


def stat_fingerprint(path: Path, name: str) -> str:
    """A stand-in hash for a file whose bytes are not read: its name in raw/, size and mtime."""
    try:
        st = path.lstat()
        key = f"{name}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        key = name
    return sha256_hex(key.encode("utf-8", "surrogateescape"))


def read_txt(
    path: Path,
    name: str,
    data: bytes,
    known: Mapping[str, str],
    limits: Limits,
    today: dt.date,
    raw_dir: Path,
) -> Iterator[IngestResult]:
    """A plain-text article, with its sidecar's metadata when there is one."""
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    sidecar_name = name[: -len(path.suffix)] + SIDECAR_SUFFIX
    shown = sidecar_name.rsplit("/", 1)[-1]  # its file name, non-UTF-8 bytes escaped
    side_bytes: bytes | None = None
    meta: dict[str, object] = {}
    problem = None
    if os.path.lexists(sidecar):  # never raises (a name too long for a sidecar is no sidecar)
        try:
            side_bytes = read_file_bytes(sidecar, raw_dir, limits)
        except UnreadableInput as exc:
            problem = f"sidecar {shown} ignored: {exc.reason}"
        except OSError as exc:
            problem = f"sidecar {shown} ignored: could not read it: {exc.strerror or exc}"
    sha = sha256_hex(data + (side_bytes or b""))
    if known.get(name) == sha:
        yield Unchanged(name, sha)
        if sidecar_name in known:  # a quarantined sidecar is still there, not gone
            yield Unchanged(sidecar_name, known[sidecar_name])
        return
    if side_bytes is not None:
        meta, problem = parse_sidecar(side_bytes, shown)
    if problem:
        unread = side_bytes is None
        side_sha = stat_fingerprint(sidecar, sidecar_name) if unread else sha256_hex(side_bytes)
        yield Quarantined(sidecar_name, "read" if unread else "parse", problem, None, side_sha)
    try:
        yield make_article(name, "txt", decode_bytes(data), sha, meta, limits, today)
    except UnreadableInput as exc:
        yield Quarantined(name, exc.stage, exc.reason, None, sha)


def read_html(
    path: Path,
    name: str,
    data: bytes,
    known: Mapping[str, str],
    limits: Limits,
    today: dt.date,
    raw_dir: Path,
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


def html_date_params(today: dt.date) -> dict[str, object]:
    """htmldate's settings (trafilatura reads the page's date with htmldate): the original publication
    date from the page's metadata, markup and URL only. Its extensive search, trafilatura's default,
    also takes a date from any body sentence ("On March 3, 2020, militants attacked ..." gives
    2020-03-03); without it, a page whose metadata has no date is read like a text (bylines,
    datelines, a date that starts the lede)."""
    return {"original_date": True, "extensive_search": False, "max_date": today.isoformat()}


def html_article(name: str, data: bytes, sha: str, limits: Limits, today: dt.date) -> Iterator[Article]:
    """The article of an HTML page (raises UnreadableInput when there is none)."""
    import trafilatura  # imported here: heavy, and only HTML needs it

    page = decode_bytes(data)
    document = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, date_extraction_params=html_date_params(today)
    )
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
    path: Path,
    name: str,
    data: bytes,
    known: Mapping[str, str],
    limits: Limits,
    today: dt.date,
    raw_dir: Path,
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

    def rejected(path: str, reason: str, stage: str = "parse") -> Quarantined | Unchanged:
        """The line's quarantine record, or unchanged if this very line was quarantined before (a feed
        that grows does not quarantine its old lines again)."""
        if known.get(path) == line_sha:
            return Unchanged(path, line_sha)
        return Quarantined(path, stage, reason, sample, line_sha)

    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return rejected(where, f"line {number} is not valid JSON: {exc.msg}")
    except (ValueError, RecursionError) as exc:  # a number too long to convert, nesting too deep
        return rejected(where, f"line {number} cannot be read as JSON: {describe_error(exc)}")
    if not isinstance(item, dict):
        return rejected(where, f"line {number} is not a JSON object")
    if not encodable(item):
        return rejected(
            where, f"line {number} holds an invalid \\u escape (a lone surrogate), not text", "decode"
        )
    item_id, body = item.get("id"), item.get("text")
    if not isinstance(item_id, str) or not item_id.strip():
        return rejected(where, f"line {number} has no string `id`")
    item_path = f"{name}#{item_id}"
    if item_id in first_line:
        reason = f"duplicate id {item_id!r} (first on line {first_line[item_id]})"
        return rejected(f"{item_path}#line{number}", reason)
    first_line[item_id] = number
    if not isinstance(body, str) or not body.strip():
        return rejected(item_path, f"line {number} has no non-empty string `text`")
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


def encodable(value: object) -> bool:
    """True when every string of a parsed JSON value is valid Unicode (no lone surrogate from an escape)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError, RecursionError):
        return False
    return True


READERS = {"txt": read_txt, "html": read_html, "jsonl": read_jsonl}


def read_inputs(
    raw_dir: Path, known: Mapping[str, str] | None = None, limits: Limits | None = None
) -> Iterator[IngestResult]:
    """Every input under raw_dir (a folder, or one feed file) as articles, unchanged markers or quarantine
    records."""
    known = known or {}
    limits = limits or Limits()
    today = dt.date.today()
    files, raw_dir = raw_dir, raw_root(raw_dir)
    for path in discover(files):
        name = relative_name(path, raw_dir)
        if name.endswith(SIDECAR_SUFFIX):
            stem = path.name[: -len(SIDECAR_SUFFIX)]
            if not os.path.exists(path.with_name(stem + ".txt")):
                fingerprint = stat_fingerprint(path, name)
                if known.get(name) == fingerprint:
                    yield Unchanged(name, fingerprint)
                else:
                    reason = "sidecar without its article (no matching .txt file)"
                    yield Quarantined(name, "read", reason, None, fingerprint)
            continue
        fmt = TEXT_SUFFIXES.get(path.suffix.lower())
        unsupported = UnreadableInput("read", f"unsupported input format {path.suffix or '(no extension)'!r}")
        try:
            if fmt is None and not path.is_symlink():  # never opened (a link is checked first)
                raise unsupported
            data = read_file_bytes(path, raw_dir, limits)
            if fmt is None:
                raise unsupported
        except (UnreadableInput, OSError) as exc:
            fingerprint = stat_fingerprint(path, name)
            if known.get(name) == fingerprint:  # quarantined before and not touched since
                yield Unchanged(name, fingerprint)
            elif isinstance(exc, UnreadableInput):
                yield Quarantined(name, exc.stage, exc.reason, None, fingerprint)
            else:
                reason = f"could not read the file: {exc.strerror or exc}"
                yield Quarantined(name, "read", reason, None, fingerprint)
            continue
        yield from READERS[fmt](path, name, data, known, limits, today, raw_dir)
