"""Records passed between stages: plain frozen dataclasses, validated as frames at stage boundaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from eventcoder.coding.identity import normalise_for_identity, short_hash


@dataclass(frozen=True)
class Article:
    """One article, read and cleaned, ready to code."""

    raw_path: str
    format: str
    text: str
    content_sha256: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published_at: dt.date | None = None
    published_at_origin: str | None = None
    language: str | None = None  # ISO 639-1, detected from the text (None: nothing to judge)

    @cached_property
    def article_id(self) -> str:
        """Deterministic id from the normalised text: the same story from two paths is one article."""
        return short_hash(normalise_for_identity(self.text))


@dataclass(frozen=True)
class Quarantined:
    """An input or record that could not be used, with a reason a person understands."""

    raw_path: str
    stage: str
    reason: str
    record: str | None = None
    content_sha256: str | None = None


@dataclass
class Mention:
    """One event coded from one article (a row of event_mentions)."""

    article_id: str
    event_type: str
    sub_event_type: str
    evidence: str
    evidence_start: int
    evidence_end: int
    trigger: str
    confidence: float
    acled_event_type: str = ""
    acled_sub_event_type: str = ""
    cameo_code: str = ""
    plover_type: str = ""
    event_date: dt.date | None = None
    time_precision: int | None = None
    date_text: str | None = None
    date_origin: str = "none"
    date_start: dt.date | None = None  # first day the date phrase admits
    date_end: dt.date | None = None  # last day it admits
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    place_text: str | None = None
    fatalities: int | None = None
    part: str | None = None  # the place of a sentence that reports one event per place (not stored)

    @property
    def event_id(self) -> str:
        """Stable id: article, evidence offsets and event type (and the place, for one of several)."""
        if self.part is not None:
            return short_hash(
                self.article_id, self.evidence_start, self.evidence_end, self.event_type, self.part
            )
        return short_hash(self.article_id, self.evidence_start, self.evidence_end, self.event_type)


@dataclass(frozen=True)
class InputRecord:
    """What became of one raw input item (a row of raw_inputs)."""

    raw_path: str
    content_sha256: str
    article_id: str | None
    status: str


@dataclass
class RunRecord:
    """Counts and versions of one refresh (a row of runs)."""

    run_id: str
    started_at: dt.datetime
    raw_dir: str
    pipeline_version: str
    coder_version: str
    model_name: str
    model_version: str
    data_versions: str
    status: str = "running"
    finished_at: dt.datetime | None = None
    n_read: int = 0
    n_new: int = 0
    n_skipped: int = 0
    n_coded: int = 0
    n_mentions: int = 0
    n_quarantined: int = 0
    n_missing: int = 0
    n_pruned: int = 0
    n_recoded: int = 0
    error: str | None = None
