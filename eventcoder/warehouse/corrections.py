"""Analysts' corrections: a JSONL file a team reviews in git, loaded into the `corrections` table and
applied on top of the coder's output by every merge.

Why a file beside `raw/` and not rows edited in the warehouse: the warehouse is rebuilt and recoded
by machines, while corrections are human decisions with an author and a reason that a team reviews
like code (diffs, blame, pull requests) and that must outlive any warehouse; DuckDB stays a
reproducible build of raw/ + corrections/.

A correction is keyed by the article (its raw path) and the evidence sentence of one of the event's
mentions — never by a row or event id — so it survives recoding; one whose key no longer matches a
mention is kept, marked `stale` and reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from schemas.tables import CorrectionSchema, EventSchema
from schemas.vocab import CORRECTION_KINDS

log = logging.getLogger(__name__)

DEFAULT_FILE = Path("corrections") / "corrections.jsonl"
# Columns of `events` a correction may set: the coded fields, not the ids, counts and provenance.
NOT_SETTABLE = {"event_id", "evidence", "confidence", "sources", "n_mentions", "n_articles",
                "first_reported_at", "notes", "corrected_fields"}  # fmt: skip
SETTABLE: tuple[str, ...] = tuple(c for c in EventSchema.to_schema().columns if c not in NOT_SETTABLE)
KEY_FIELDS = ("kind", "article", "evidence", "event_type", "field", "value", "other_article",
              "other_evidence", "other_event_type", "author", "created_at", "reason")  # fmt: skip


class CorrectionError(ValueError):
    """A correction that cannot be read or cannot apply."""


@dataclass(frozen=True)
class Correction:
    """One analyst's decision about one event, keyed by a mention's article and evidence sentence."""

    kind: str
    article: str
    evidence: str
    author: str
    created_at: str
    reason: str
    event_type: str | None = None
    field: str | None = None
    value: str | None = None
    other_article: str | None = None
    other_evidence: str | None = None
    other_event_type: str | None = None

    @property
    def correction_id(self) -> str:
        """A stable id: the hash of the correction's content."""
        body = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, object]:
        """The correction as the file stores it (empty fields left out)."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


def normalise(text: str | None) -> str:
    """Whitespace collapsed: how evidence sentences are compared."""
    return " ".join((text or "").split())


def check_value(field: str, value: str | None) -> object:
    """The value a `set` correction writes, coerced to the column's type; CorrectionError if the column
    does not allow it."""
    if field not in SETTABLE:
        raise CorrectionError(f"field {field!r} cannot be set; settable: {', '.join(SETTABLE)}")
    column = EventSchema.to_schema().columns[field]
    if value is None or value == "":
        if not column.nullable:
            raise CorrectionError(f"field {field} cannot be empty")
        return None
    try:
        frame = EventSchema.to_schema().select_columns([field]).validate(pd.DataFrame({field: [value]}))
    except Exception as exc:  # pandera's errors name the failed check
        raise CorrectionError(f"{field}={value!r} is not allowed: {first_line(str(exc))}") from None
    return frame[field].iloc[0]


def first_line(text: str) -> str:
    """The first non-empty line of a message."""
    return next((line.strip() for line in text.splitlines() if line.strip()), text)


def parse(record: object) -> Correction:
    """A correction from one JSON object, checked; CorrectionError says what is wrong."""
    if not isinstance(record, dict):
        raise CorrectionError("not a JSON object")
    unknown = set(record) - set(KEY_FIELDS)
    if unknown:
        raise CorrectionError(f"unknown keys {sorted(unknown)}")
    for key in ("kind", "article", "evidence", "author", "created_at", "reason"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise CorrectionError(f"{key!r} is required (a non-empty string)")
    for key in KEY_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise CorrectionError(f"{key!r} must be a string")
    correction = Correction(**record)
    if correction.kind not in CORRECTION_KINDS:
        raise CorrectionError(f"kind {correction.kind!r} is not one of {', '.join(CORRECTION_KINDS)}")
    try:
        dt.datetime.fromisoformat(correction.created_at.replace("Z", "+00:00"))
    except ValueError:
        raise CorrectionError(f"created_at {correction.created_at!r} is not an ISO 8601 time") from None
    if correction.kind == "set":
        if not correction.field:
            raise CorrectionError("a 'set' correction needs 'field'")
        check_value(correction.field, correction.value)
    if correction.kind == "merge" and not (correction.other_article and correction.other_evidence):
        raise CorrectionError("a 'merge' correction needs 'other_article' and 'other_evidence'")
    return correction


def read_corrections(path: Path) -> list[Correction]:
    """Every correction of a JSONL file (none when it does not exist); CorrectionError names the line."""
    if not path.is_file():
        return []
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(parse(json.loads(line)))
        except (ValueError, TypeError) as exc:
            raise CorrectionError(f"{path} line {number}: {exc}") from None
    return out


def append_corrections(path: Path, corrections: Sequence[Correction]) -> None:
    """Add corrections at the end of the file, all or none (written to a temporary file, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    if before and not before.endswith("\n"):
        before += "\n"
    lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in corrections)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as f:
        f.write(before + lines)
    os.replace(temp, path)


def corrections_frame(corrections: Iterable[Correction]) -> pd.DataFrame:
    """Rows of the corrections table (status 'stale' until the merge applies them)."""
    rows = [
        {
            "correction_id": c.correction_id,
            **{k: getattr(c, k) for k in KEY_FIELDS},
            "created_at": pd.Timestamp(c.created_at).tz_localize(None)
            if pd.Timestamp(c.created_at).tzinfo is None
            else pd.Timestamp(c.created_at).tz_convert("UTC").tz_localize(None),
            "status": "stale",
            "event_id": None,
            "status_reason": "not applied yet",
        }
        for c in corrections
    ]
    columns = list(CorrectionSchema.to_schema().columns)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    return frame.drop_duplicates("correction_id")


def store_corrections(con: duckdb.DuckDBPyConnection, corrections: Sequence[Correction]) -> int:
    """Replace the corrections table with the file's corrections (the next merge applies them)."""
    from eventcoder.warehouse.store import insert
    from eventcoder.warehouse.validation import validate_frame

    frame = corrections_frame(corrections)
    valid, failures = validate_frame(frame, CorrectionSchema)
    if failures:
        raise CorrectionError(f"a correction failed its schema: {failures[0].reason}")
    con.execute("DELETE FROM corrections")
    insert(con, "corrections", valid)
    return len(valid)


def load_corrections(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Read the corrections file into the corrections table; the number of corrections."""
    return store_corrections(con, read_corrections(path))


def default_path(raw_dir: Path) -> Path:
    """Where the corrections of a raw folder live: corrections/corrections.jsonl beside it."""
    return Path(raw_dir).parent / DEFAULT_FILE
