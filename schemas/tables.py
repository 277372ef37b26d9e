"""Pandera models of every stage and table: the single source of truth for columns.

DDL (`schemas.ddl`), the codebook and the release's datapackage are generated from
these classes; a test checks the warehouse against them.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import (
    ACLED_SUB_EVENT_TYPES,
    ACLED_TYPES,
    ACTOR_TYPES,
    CORRECTION_KINDS,
    CORRECTION_STATUSES,
    EVENT_TYPES,
    GEO_PRECISION,
    INPUT_FORMATS,
    MERGE_RULES,
    PLOVER_TYPES,
    QUARANTINE_STAGES,
    RUN_STATUSES,
    SUB_EVENT_TYPES,
    TIME_PRECISION,
)

HEX_ID = r"^[0-9a-f]{16}$"


class _Config:
    coerce = True
    strict = "filter"


class ArticleSchema(pa.DataFrameModel):
    """One row per distinct article (deduplicated by its normalised text)."""

    article_id: Series[str] = pa.Field(
        unique=True,
        str_matches=HEX_ID,
        description="sha256 of the normalised clean text, first 16 hex digits",
    )
    raw_path: Series[str] = pa.Field(
        description="where the article was first read, relative to the raw folder; FILE#ID for feed items",
    )
    title: Series[str] = pa.Field(nullable=True, description="headline, if the input has one")
    source: Series[str] = pa.Field(nullable=True, description="outlet or feed source")
    url: Series[str] = pa.Field(nullable=True, description="URL of the original page")
    published_at: Series[pa.Date] = pa.Field(
        nullable=True,
        description="publication date; null when the input gives none (never the run date)",
    )
    published_at_origin: Series[str] = pa.Field(
        nullable=True,
        isin=["sidecar", "feed", "html", "text", "byline", "header", "dateline", "lede", "footer", "caption"],
        description="where published_at came from: sidecar, feed or html metadata; else where the text "
        "printed it: byline (Published/Posted/Updated or By NAME | date), header (a date line before the "
        "body), dateline (agency line or dateline), lede (a date that starts the lede), footer "
        "(Published in OUTLET, date), caption (a wire photo's date, the last resort); text: older runs",
    )
    language: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^[a-z]{2}$",
        description="language of the text, ISO 639-1 (detected with py3langid); null when the text has "
        "no letters to judge, or the article was coded before languages were detected",
    )
    format: Series[str] = pa.Field(isin=list(INPUT_FORMATS), description="input format")
    text: Series[str] = pa.Field(description="clean article text that the coder read (furniture stripped)")
    n_chars: Series[pd.Int64Dtype] = pa.Field(ge=0, description="length of text in characters")
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=0, description="event mentions coded from the article")
    coder_version: Series[str] = pa.Field(description="version of the coder that coded the article")
    run_id: Series[str] = pa.Field(description="run that coded the article")

    Config = _Config


class _CodedFields(pa.DataFrameModel):
    """Fields of a coded event, shared by mentions and merged events."""

    event_id: Series[str] = pa.Field(unique=True, str_matches=HEX_ID, description="stable event id")
    event_type: Series[str] = pa.Field(isin=list(EVENT_TYPES), description="event type (docs/GUIDELINES.md)")
    sub_event_type: Series[str] = pa.Field(isin=list(SUB_EVENT_TYPES), description="sub-event type")
    acled_event_type: Series[str] = pa.Field(isin=list(ACLED_TYPES), description="ACLED event type")
    acled_sub_event_type: Series[str] = pa.Field(
        isin=list(ACLED_SUB_EVENT_TYPES), description="ACLED sub-event type"
    )
    cameo_code: Series[str] = pa.Field(str_matches=r"^\d{2,4}$", description="CAMEO event code")
    plover_type: Series[str] = pa.Field(isin=list(PLOVER_TYPES), description="PLOVER event type")
    event_date: Series[pa.Date] = pa.Field(
        nullable=True,
        description="date of the event; for week/month/year precision the middle of the window "
        "(ACLED's convention); null when the text gives no way to place it",
    )
    time_precision: Series[pd.Int16Dtype] = pa.Field(
        nullable=True,
        isin=list(TIME_PRECISION),
        description="1 day, 2 week, 3 month, 4 year; null when event_date is null",
    )
    actor1: Series[str] = pa.Field(nullable=True, description="side that did it, ACLED-style name")
    assoc_actor_1: Series[str] = pa.Field(
        nullable=True, description="actors acting with actor1, '; '-separated"
    )
    inter1: Series[pd.Int16Dtype] = pa.Field(nullable=True, isin=list(ACTOR_TYPES), description="actor1 type")
    actor2: Series[str] = pa.Field(nullable=True, description="side it was done to, or the other party")
    assoc_actor_2: Series[str] = pa.Field(nullable=True, description="actors with actor2, '; '-separated")
    inter2: Series[pd.Int16Dtype] = pa.Field(nullable=True, isin=list(ACTOR_TYPES), description="actor2 type")
    interaction: Series[pd.Int16Dtype] = pa.Field(
        nullable=True,
        ge=0,
        le=88,
        description="ACLED interaction code: the two inter codes, lower first (e.g. 12)",
    )
    country: Series[str] = pa.Field(nullable=True, description="country where it took place")
    iso3: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3")
    admin1: Series[str] = pa.Field(nullable=True, description="first-level region (province, state)")
    admin2: Series[str] = pa.Field(nullable=True, description="second-level region (district)")
    location: Series[str] = pa.Field(nullable=True, description="most specific place named for the event")
    latitude: Series[float] = pa.Field(nullable=True, ge=-90, le=90, description="WGS84 latitude")
    longitude: Series[float] = pa.Field(nullable=True, ge=-180, le=180, description="WGS84 longitude")
    geo_precision: Series[pd.Int16Dtype] = pa.Field(
        nullable=True,
        isin=list(GEO_PRECISION),
        description="1 town, 2 part of a region or near a town, 3 larger region, 4 country",
    )
    fatalities: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=0,
        description="number killed in the event by ACLED's rules; null if not stated",
    )
    evidence: Series[str] = pa.Field(description="the sentence that reports the event")
    confidence: Series[float] = pa.Field(ge=0, le=1, description="how the event was found (see codebook)")

    Config = _Config


class MentionSchema(_CodedFields):
    """One event coded from one article (table event_mentions)."""

    article_id: Series[str] = pa.Field(str_matches=HEX_ID, description="article the mention was coded from")
    evidence_start: Series[pd.Int64Dtype] = pa.Field(ge=0, description="offset of evidence in articles.text")
    evidence_end: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="end offset of evidence in articles.text"
    )
    trigger: Series[str] = pa.Field(description="the word or phrase that signalled the event")
    date_text: Series[str] = pa.Field(nullable=True, description="the phrase the date was resolved from")
    date_origin: Series[str] = pa.Field(
        isin=["phrase", "context", "published", "lead", "none"],
        description="phrase: attached to the trigger; context: from the surrounding narrative; "
        "published: the publication date (the text says it just happened); lead: an undated event of "
        "a news report, dated like the report's lead event (else its publication day); none: undatable",
    )
    date_start: Series[pa.Date] = pa.Field(
        nullable=True, description="first day the date phrase admits (merging compares these windows)"
    )
    date_end: Series[pa.Date] = pa.Field(nullable=True, description="last day the date phrase admits")
    place_text: Series[str] = pa.Field(nullable=True, description="the place phrase the location came from")
    coder_version: Series[str] = pa.Field(description="version of the coder (code and data files)")
    run_id: Series[str] = pa.Field(description="run that coded the mention")


class EventSchema(_CodedFields):
    """One row per real-world event (table events): mentions merged."""

    sources: Series[str] = pa.Field(nullable=True, description="outlets that reported it, '; '-separated")
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=1, description="mentions merged into the event")
    n_articles: Series[pd.Int64Dtype] = pa.Field(ge=1, description="distinct articles reporting it")
    first_reported_at: Series[pa.Date] = pa.Field(
        nullable=True, description="earliest publication date among its articles"
    )
    notes: Series[str] = pa.Field(description="short summary built from the best evidence sentence")
    corrected_fields: Series[str] = pa.Field(
        nullable=True,
        description="what an analyst's correction changed: the columns set, 'merge' or 'split', "
        "'; '-separated (table corrections); null when the event is as coded",
    )


class MentionEventSchema(pa.DataFrameModel):
    """Which merged event each mention belongs to (table mention_events)."""

    mention_id: Series[str] = pa.Field(unique=True, str_matches=HEX_ID, description="event_mentions.event_id")
    event_id: Series[str] = pa.Field(str_matches=HEX_ID, description="events.event_id")

    Config = _Config


class EventMergeSchema(pa.DataFrameModel):
    """Why each mention of a merged event is in it (table event_merges; events of one mention have no row)."""

    event_id: Series[str] = pa.Field(str_matches=HEX_ID, description="events.event_id")
    mention_id: Series[str] = pa.Field(unique=True, str_matches=HEX_ID, description="event_mentions.event_id")
    rule: Series[str] = pa.Field(
        isin=list(MERGE_RULES),
        description="first: the event's first mention; same_occurrence: same type, day, place and sides "
        "(ACLED's event); same_report: the same report reworded in another article; headline: the "
        "headline's report of the body's event; same_protest: one protest of an article reported twice; "
        "correction: merged by an analyst",
    )
    partner_id: Series[str] = pa.Field(
        nullable=True, description="the mention it was matched with (null for the first mention)"
    )
    evidence: Series[str] = pa.Field(description="what the rule found, in words")

    Config = _Config


class CorrectionSchema(pa.DataFrameModel):
    """An analyst's correction applied on top of the coder's output (table corrections, from
    corrections/corrections.jsonl)."""

    correction_id: Series[str] = pa.Field(
        unique=True, str_matches=HEX_ID, description="hash of the correction"
    )
    kind: Series[str] = pa.Field(
        isin=list(CORRECTION_KINDS),
        description="set: set a field of the event; not_event: the event is not an event; merge: the "
        "event and the other one are one event; split: the mention leaves its event",
    )
    article: Series[str] = pa.Field(description="raw_path of the article of the mention it is keyed by")
    evidence: Series[str] = pa.Field(
        description="evidence sentence of that mention (the key that survives recoding)"
    )
    event_type: Series[str] = pa.Field(
        nullable=True, description="coded type of that mention, to tell apart mentions of one sentence"
    )
    field: Series[str] = pa.Field(nullable=True, description="set: the events column set")
    value: Series[str] = pa.Field(
        nullable=True, description="set: the value, as text (null clears the field)"
    )
    other_article: Series[str] = pa.Field(
        nullable=True, description="merge: article of the other event's mention"
    )
    other_evidence: Series[str] = pa.Field(
        nullable=True, description="merge: evidence of the other event's mention"
    )
    other_event_type: Series[str] = pa.Field(nullable=True, description="merge: type of the other mention")
    author: Series[str] = pa.Field(description="who made the correction")
    created_at: Series[pd.Timestamp] = pa.Field(description="when (UTC)")
    reason: Series[str] = pa.Field(description="why")
    status: Series[str] = pa.Field(
        isin=list(CORRECTION_STATUSES),
        description="applied; stale: its key matches no mention any more (the article was recoded or "
        "removed), reported and kept; invalid: it cannot apply (a value the column does not allow)",
    )
    event_id: Series[str] = pa.Field(nullable=True, description="the event it applies to (when applied)")
    status_reason: Series[str] = pa.Field(nullable=True, description="why it is stale or invalid")

    Config = _Config


class InputSchema(pa.DataFrameModel):
    """One row per raw input item seen (table raw_inputs): what was read and what became of it."""

    raw_path: Series[str] = pa.Field(
        unique=True, description="path relative to the raw folder (FILE#ID for feeds)"
    )
    content_sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$", description="sha256 of the raw item's bytes"
    )
    article_id: Series[str] = pa.Field(nullable=True, description="article it became (null if quarantined)")
    status: Series[str] = pa.Field(
        isin=["coded", "duplicate", "quarantined", "container"],
        description="coded; duplicate (same text as another input); quarantined; container (a feed file)",
    )
    run_id: Series[str] = pa.Field(description="run that last read it")

    Config = _Config


class QuarantineSchema(pa.DataFrameModel):
    """Inputs and records that could not be read or failed validation (table quarantine)."""

    run_id: Series[str] = pa.Field(description="run that quarantined it")
    raw_path: Series[str] = pa.Field(description="input it came from")
    stage: Series[str] = pa.Field(isin=list(QUARANTINE_STAGES), description="stage that failed")
    reason: Series[str] = pa.Field(description="what went wrong, for a person to read")
    record: Series[str] = pa.Field(nullable=True, description="the failing record as JSON, if any")

    Config = _Config


class RunSchema(pa.DataFrameModel):
    """One row per refresh (table runs)."""

    run_id: Series[str] = pa.Field(unique=True, description="run id")
    started_at: Series[pd.Timestamp] = pa.Field(description="start (UTC)")
    finished_at: Series[pd.Timestamp] = pa.Field(nullable=True, description="end (UTC)")
    status: Series[str] = pa.Field(isin=list(RUN_STATUSES), description="completed or failed")
    raw_dir: Series[str] = pa.Field(description="raw folder read")
    n_read: Series[pd.Int64Dtype] = pa.Field(ge=0, description="input items read")
    n_new: Series[pd.Int64Dtype] = pa.Field(ge=0, description="new or changed items")
    n_skipped: Series[pd.Int64Dtype] = pa.Field(ge=0, description="unchanged items skipped")
    n_coded: Series[pd.Int64Dtype] = pa.Field(ge=0, description="articles coded")
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=0, description="event mentions coded")
    n_quarantined: Series[pd.Int64Dtype] = pa.Field(ge=0, description="items or records quarantined")
    n_missing: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="inputs the warehouse had that are gone from the raw folder"
    )
    n_pruned: Series[pd.Int64Dtype] = pa.Field(ge=0, description="gone inputs removed with --prune")
    n_recoded: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="articles recoded with --recode (coded by an older coder version)"
    )
    pipeline_version: Series[str] = pa.Field(description="eventcoder package version")
    coder_version: Series[str] = pa.Field(description="coder version (code and data files)")
    model_name: Series[str] = pa.Field(description="spaCy model")
    model_version: Series[str] = pa.Field(description="spaCy model version")
    data_versions: Series[str] = pa.Field(description="versions of the data files, as JSON")
    error: Series[str] = pa.Field(nullable=True, description="why a failed run failed (null otherwise)")

    Config = _Config


TABLES: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticleSchema,
    "event_mentions": MentionSchema,
    "events": EventSchema,
    "mention_events": MentionEventSchema,
    "event_merges": EventMergeSchema,
    "corrections": CorrectionSchema,
    "raw_inputs": InputSchema,
    "quarantine": QuarantineSchema,
    "runs": RunSchema,
}
