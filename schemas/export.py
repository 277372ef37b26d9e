"""Pandera models of what the publish layer derives and exports: the outlets list, the `sources` and
`claims` tables, the sourcing summary of each event, and the two export layouts (native and ACLED).

They are the single source of truth for these columns: the SQL of warehouse/sql/publish/ selects them in
this order (a test checks), and the codebook, the datapackage and the README's table of derived ACLED
columns are generated from or checked against the descriptions here.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.tables import HEX_ID, EventSchema
from schemas.vocab import (
    ACLED_ACTOR_TYPE_NAMES,
    ACLED_SUB_EVENT_TYPES,
    ACLED_TYPES,
    OUTLET_KINDS,
    SOURCE_SCALES,
)

ISO3 = r"^[A-Z]{3}$"
DISORDER_TYPES = (
    "Political violence",
    "Demonstrations",
    "Strategic developments",
    "Political violence; Demonstrations",
)


class _Config:
    coerce = True
    strict = "filter"


class OutletSchema(pa.DataFrameModel):
    """One well-known outlet (eventcoder/coding/data/outlets.csv), from public knowledge of the outlet."""

    outlet: Series[str] = pa.Field(unique=True, description="the outlet's usual name")
    aliases: Series[str] = pa.Field(
        nullable=True, description="other names it is cited under, '|'-separated (matched like `outlet`)"
    )
    country: Series[str] = pa.Field(
        nullable=True, str_matches=ISO3, description="country it is based in (ISO3); empty for platforms"
    )
    scale: Series[str] = pa.Field(isin=list(SOURCE_SCALES), description="how far it reaches")
    kind: Series[str] = pa.Field(isin=list(OUTLET_KINDS), description="what kind of outlet it is")
    areas: Series[str] = pa.Field(
        nullable=True,
        description="ADM1s (or regions) a local outlet mainly reports from, '|'-separated; the place "
        "resolver prefers namesakes there",
    )

    Config = _Config


class SourceSchema(pa.DataFrameModel):
    """One outlet reporting one event (the `sources` table): multi-outlet strings split and typed."""

    event_id: Series[str] = pa.Field(str_matches=HEX_ID, description="events.event_id")
    outlet: Series[str] = pa.Field(description="the outlet as the article names it (one of its ';'-parts)")
    outlet_name: Series[str] = pa.Field(description="the outlets list's name when listed, else `outlet`")
    country: Series[str] = pa.Field(
        nullable=True, str_matches=ISO3, description="country the outlet is based in (ISO3), when known"
    )
    scale: Series[str] = pa.Field(
        nullable=True, isin=list(SOURCE_SCALES), description="the outlet's reach, when known"
    )
    kind: Series[str] = pa.Field(nullable=True, isin=list(OUTLET_KINDS), description="the kind of outlet")
    typed_by: Series[str] = pa.Field(
        nullable=True,
        isin=["outlets list", "name"],
        description="outlets list: from eventcoder/coding/data/outlets.csv; name: guessed from words of "
        "the name (ministry, news agency, TV, radio, Twitter...); null: unknown",
    )
    party_to_conflict: Series[bool] = pa.Field(
        description="the outlet speaks for a party to the conflict (kind government or armed group channel)"
    )
    n_articles: Series[pd.Int64Dtype] = pa.Field(ge=1, description="articles of the event citing the outlet")

    Config = _Config


class ClaimSchema(pa.DataFrameModel):
    """A claim of responsibility, on the event it claims (the `claims` table)."""

    event_id: Series[str] = pa.Field(str_matches=HEX_ID, description="the event claimed (events.event_id)")
    claimed_by: Series[str] = pa.Field(description="who claimed it, as the article names them")
    article_id: Series[str] = pa.Field(str_matches=HEX_ID, description="first article reporting the claim")
    claim: Series[str] = pa.Field(description="the sentence that reports the claim")

    Config = _Config


class EventSourcingSchema(pa.DataFrameModel):
    """How each event is sourced (the `event_sourcing` view): scale, parties, claims."""

    event_id: Series[str] = pa.Field(unique=True, str_matches=HEX_ID, description="events.event_id")
    n_outlets: Series[pd.Int64Dtype] = pa.Field(ge=0, description="distinct outlets reporting the event")
    source_scale: Series[str] = pa.Field(
        nullable=True,
        description="the outlets' scales in ACLED's style, narrowest first, '-'-joined (Local, National, "
        "International, New media: e.g. `National-International`); null when no outlet's scale is known",
    )
    party_sources_only: Series[bool] = pa.Field(
        description="every outlet of the event speaks for a party to the conflict (true: weigh with care)"
    )
    claimed_by: Series[str] = pa.Field(
        nullable=True, description="who claimed responsibility, '; '-separated (from the `claims` table)"
    )

    Config = _Config


class NativeExportSchema(EventSchema):
    """One event in this project's columns, with how it is sourced (`eventcoder export --layout native`)."""

    source_scale: Series[str] = pa.Field(
        nullable=True, description="the outlets' scales in ACLED's style, narrowest first (`event_sourcing`)"
    )
    party_sources_only: Series[bool] = pa.Field(description="every outlet speaks for a party to the conflict")
    claimed_by: Series[str] = pa.Field(
        nullable=True, description="who claimed responsibility, '; '-separated"
    )


ACTOR_NAMES = list(ACLED_ACTOR_TYPE_NAMES.values())


class AcledExportSchema(pa.DataFrameModel):
    """One event in the columns and order of ACLED's current exports (`eventcoder export --layout acled`).

    Each description says how the column is derived from the events table.
    """

    event_id_cnty: Series[str] = pa.Field(
        unique=True,
        description="`iso3` (XXX when unknown) followed by `event_id`: unique, stable, not ACLED's",
    )
    event_date: Series[pa.Date] = pa.Field(nullable=True, description="`event_date` (YYYY-MM-DD)")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="the year of `event_date`")
    time_precision: Series[pd.Int16Dtype] = pa.Field(
        nullable=True, isin=[1, 2, 3], description="`time_precision`, with 4 (year) written as 3"
    )
    disorder_type: Series[str] = pa.Field(
        isin=list(DISORDER_TYPES),
        description="from the ACLED event type: Battles, Explosions/Remote violence and Violence against "
        "civilians → Political violence; Protests and Riots → Demonstrations (Mob violence: Political "
        "violence; Excessive force against protesters: Political violence; Demonstrations); Strategic "
        "developments → Strategic developments",
    )
    event_type: Series[str] = pa.Field(isin=list(ACLED_TYPES), description="`acled_event_type` (crosswalk)")
    sub_event_type: Series[str] = pa.Field(
        isin=list(ACLED_SUB_EVENT_TYPES), description="`acled_sub_event_type` (crosswalk)"
    )
    actor1: Series[str] = pa.Field(
        nullable=True,
        description="`actor1`; when none is coded, ACLED's placeholder for the event type: Unidentified "
        "Armed Group (COUNTRY) for political violence, Protesters (COUNTRY), Rioters (COUNTRY)",
    )
    assoc_actor_1: Series[str] = pa.Field(nullable=True, description="`assoc_actor_1`")
    inter1: Series[str] = pa.Field(
        nullable=True, isin=ACTOR_NAMES, description="ACLED's name of the `inter1` code (null for 0, unknown)"
    )
    actor2: Series[str] = pa.Field(nullable=True, description="`actor2`")
    assoc_actor_2: Series[str] = pa.Field(nullable=True, description="`assoc_actor_2`")
    inter2: Series[str] = pa.Field(
        nullable=True, isin=ACTOR_NAMES, description="ACLED's name of the `inter2` code (null for 0, unknown)"
    )
    interaction: Series[str] = pa.Field(
        nullable=True,
        description="the two actor type names, lower code first, '-'-joined (`State forces-Rebel group`); "
        "`NAME only` for a single actor",
    )
    civilian_targeting: Series[str] = pa.Field(
        nullable=True,
        isin=["Civilian targeting"],
        description="`Civilian targeting` when a violent event's actor2 is civilians (inter2 = 7)",
    )
    iso: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="ISO 3166-1 numeric code of `iso3`")
    region: Series[str] = pa.Field(
        nullable=True, description="ACLED's region of the country (eventcoder/publish/data/acled_regions.csv)"
    )
    country: Series[str] = pa.Field(nullable=True, description="`country`")
    admin1: Series[str] = pa.Field(nullable=True, description="`admin1`")
    admin2: Series[str] = pa.Field(nullable=True, description="`admin2`")
    admin3: Series[str] = pa.Field(nullable=True, description="always empty: the coder does not code admin3")
    location: Series[str] = pa.Field(
        nullable=True, description="`location`, else the most specific of admin2, admin1, country"
    )
    latitude: Series[float] = pa.Field(nullable=True, ge=-90, le=90, description="`latitude`")
    longitude: Series[float] = pa.Field(nullable=True, ge=-180, le=180, description="`longitude`")
    geo_precision: Series[pd.Int16Dtype] = pa.Field(
        nullable=True, isin=[1, 2, 3], description="`geo_precision`, with 4 (country only) written as 3"
    )
    source: Series[str] = pa.Field(nullable=True, description="`sources`: the outlets, '; '-separated")
    source_scale: Series[str] = pa.Field(
        nullable=True, description="from the `sources` table: the outlets' scales, narrowest first"
    )
    notes: Series[str] = pa.Field(
        description="one sentence generated from the coded fields in ACLED's style (date, actors, action, "
        "place, fatalities): not the article's words"
    )
    fatalities: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="`fatalities`, with 0 when the articles state no figure (ACLED's convention)"
    )
    tags: Series[str] = pa.Field(
        nullable=True,
        description="'; '-separated: `claimed by NAME`, `reported only by a party to the conflict`, "
        "`fatalities not stated`",
    )
    timestamp: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Unix time of the latest refresh that coded one of the event's mentions"
    )

    Config = _Config


ACLED_COLUMNS: tuple[str, ...] = tuple(AcledExportSchema.to_schema().columns)
NATIVE_COLUMNS: tuple[str, ...] = tuple(NativeExportSchema.to_schema().columns)
