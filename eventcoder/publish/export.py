"""Filtered exports of the events (the core of `eventcoder export`), and what they and releases derive:
typed sources, claims of responsibility and the ACLED layout.

`open_publish` opens the warehouse read-only with the analysis views plus, as temporary tables and views
of that connection (the warehouse file is never written), the reference data of eventcoder/publish/data
and the derived tables of warehouse/sql/publish/: `sources`, `claims`, `event_sourcing`.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from eventcoder.coding.places.keys import outlet_key
from eventcoder.config import DATA_DIR as CODER_DATA_DIR
from eventcoder.config import SQL_DIR
from eventcoder.publish.notes import NoteFields, note
from eventcoder.warehouse.views import open_read_only
from schemas.export import (
    ACLED_COLUMNS,
    NATIVE_COLUMNS,
    AcledExportSchema,
    NativeExportSchema,
    OutletSchema,
)
from schemas.vocab import (
    ACLED_ACTOR_TYPE_NAMES,
    ACLED_DISORDER_EXCEPTIONS,
    ACLED_DISORDER_TYPES,
    ACLED_SUB_EVENT_TYPES,
    ACLED_TYPES,
    EVENT_TYPES,
    OUTLET_KINDS,
    PARTY_KINDS,
    SOURCE_SCALES,
    SUB_EVENT_TYPES,
)

PUBLISH_SQL_DIR = SQL_DIR / "publish"
DATA_DIR = Path(__file__).resolve().parent / "data"
OUTLETS_FILE = CODER_DATA_DIR / "outlets.csv"  # the coder reads it too: an outlet's country sets the focus
REGIONS_FILE = DATA_DIR / "acled_regions.csv"
LAYOUTS = ("native", "acled")
FORMATS = ("csv", "parquet", "json")
# Temporary views of a publishing connection, in the order they are created (each reads the earlier ones).
PUBLISH_VIEWS = ("sources", "claims", "event_sourcing")


class ExportError(ValueError):
    """An export that cannot be written as asked (unknown country or event type, bad dates...)."""


def publish_sql(name: str) -> str:
    """The text of warehouse/sql/publish/<name>.sql."""
    return (PUBLISH_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def read_data_csv(path: Path) -> list[dict[str, str | None]]:
    """Rows of a data CSV (lines starting with '#' are comments; empty fields are null)."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return [{k: (v or None) for k, v in row.items()} for row in csv.DictReader(lines)]


def outlets_frame(path: Path = OUTLETS_FILE) -> pd.DataFrame:
    """The outlets list, validated against OutletSchema."""
    frame = pd.DataFrame(read_data_csv(path), columns=list(OutletSchema.to_schema().columns))
    return OutletSchema.validate(frame, lazy=True)


def country_rows() -> tuple[list[tuple[str, str]], list[tuple[str, int]]]:
    """(name key, ISO3) for every name of every country, and (ISO3, ISO numeric), from pycountry."""
    import pycountry

    names: dict[str, str] = {}
    numeric = []
    for c in pycountry.countries:
        numeric.append((c.alpha_3, int(c.numeric)))
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(outlet_key(value), c.alpha_3)  # compared as outlet names are
    for alias, iso3 in (("uk", "GBR"), ("us", "USA"), ("usa", "USA"), ("kosovo", "XKX"), ("russia", "RUS")):
        names.setdefault(alias, iso3)
    return sorted(names.items()), numeric


def region_rows(path: Path = REGIONS_FILE) -> list[tuple[str, str]]:
    """(ISO3, ACLED region) of every country of acled_regions.csv."""
    return [(iso3, row["region"]) for row in read_data_csv(path) for iso3 in (row["iso3s"] or "").split("|")]


def temp_table(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    """Create (or replace) a temporary table from a data frame."""
    con.register("_reference_rows", frame)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _reference_rows")
    finally:
        con.unregister("_reference_rows")


def reference_tables() -> dict[str, pd.DataFrame]:
    """The reference data the publishing SQL reads, by temporary table name."""
    names, numeric = country_rows()
    scales = [(s, i, s[0].upper() + s[1:]) for i, s in enumerate(SOURCE_SCALES)]
    return {
        "outlets": outlets_frame(),
        "outlet_kinds": pd.DataFrame(
            [(k, k in PARTY_KINDS) for k in OUTLET_KINDS], columns=["kind", "party"]
        ),
        "source_scales": pd.DataFrame(scales, columns=["scale", "rank", "label"]),
        "country_names": pd.DataFrame(names, columns=["name_key", "iso3"]),
        "iso_numeric": pd.DataFrame(numeric, columns=["iso3", "iso"]),
        "acled_regions": pd.DataFrame(region_rows(), columns=["iso3", "region"]),
        "acled_actor_types": pd.DataFrame(list(ACLED_ACTOR_TYPE_NAMES.items()), columns=["code", "name"]),
        "acled_disorder_types": pd.DataFrame(
            list(ACLED_DISORDER_TYPES.items()), columns=["acled_event_type", "disorder_type"]
        ),
        "acled_disorder_exceptions": pd.DataFrame(
            list(ACLED_DISORDER_EXCEPTIONS.items()), columns=["acled_sub_event_type", "disorder_type"]
        ),
    }


def add_publish_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create the reference tables, macros and derived views on a (read-only) connection; their names."""
    tables = reference_tables()
    for name, frame in tables.items():
        temp_table(con, name, frame)
    for statement in con.extract_statements(publish_sql("outlet_key")):
        con.execute(statement.query)
    for name in PUBLISH_VIEWS:
        con.execute(publish_sql(name))
    return [*tables, *PUBLISH_VIEWS]


def open_publish(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection with the analysis views, the reference tables and the derived views."""
    con = open_read_only(warehouse)
    try:
        con.execute("SET enable_progress_bar = false")
        add_publish_views(con)
    except Exception:
        con.close()
        raise
    return con


# ------------------------------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class EventFilter:
    """Which events an export or a release keeps (an empty filter keeps every event)."""

    countries: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[str, ...] = ()
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ExportError(f"--from {self.date_from} is after --to {self.date_to}")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise ExportError(f"--min-confidence must be between 0 and 1, not {self.min_confidence}")
        allowed = event_type_names()
        unknown = [t for t in self.event_types if t.lower() not in allowed]
        if unknown:
            raise ExportError(
                f"unknown event type {unknown[0]!r}: use one of ours ({', '.join(EVENT_TYPES)}), a sub-type, "
                "or an ACLED event or sub-event type"
            )

    def is_empty(self) -> bool:
        """True when the filter keeps every event."""
        return not (
            self.countries
            or self.date_from
            or self.date_to
            or self.event_types
            or self.min_confidence is not None
        )

    def describe(self) -> dict[str, object]:
        """The filter as a release manifest records it (only what was given)."""
        out: dict[str, object] = {}
        if self.countries:
            out["country"] = list(self.countries)
        if self.date_from:
            out["from"] = self.date_from.isoformat()
        if self.date_to:
            out["to"] = self.date_to.isoformat()
        if self.event_types:
            out["event_type"] = list(self.event_types)
        if self.min_confidence is not None:
            out["min_confidence"] = self.min_confidence
        return out


def event_type_names() -> set[str]:
    """Every event type a filter accepts, lower case."""
    names = set(EVENT_TYPES) | set(SUB_EVENT_TYPES) | set(ACLED_TYPES) | set(ACLED_SUB_EVENT_TYPES)
    return {n.lower() for n in names}


def resolve_countries(con: duckdb.DuckDBPyConnection, given: Iterable[str]) -> tuple[list[str], list[str]]:
    """ISO3 codes and lower-case names of the countries asked for (a name, ISO3 or ISO2 code each).

    A value pycountry does not know is kept as a name when the warehouse has a country of that name;
    otherwise ExportError."""
    import pycountry

    known_names = {row[0] for row in con.execute("SELECT DISTINCT lower(country) FROM events").fetchall()}
    iso3s, names = [], []
    for value in given:
        text = value.strip()
        try:
            iso3s.append(pycountry.countries.lookup(text).alpha_3)
        except LookupError:
            if text.upper() == "XKX" or text.lower() == "kosovo":
                iso3s.append("XKX")
            elif text.lower() not in known_names:
                raise ExportError(
                    f"unknown country {value!r}: give its name (Pakistan) or ISO3 code (PAK)"
                ) from None
        names.append(text.lower())
    return sorted(set(iso3s)), sorted(set(names))


def select_events(con: duckdb.DuckDBPyConnection, event_filter: EventFilter) -> int:
    """Fill the temporary table selected_events with the events the filter keeps; how many."""
    iso3s, names = resolve_countries(con, event_filter.countries)
    con.execute(
        publish_sql("selected_events"),
        {
            "iso3s": iso3s,
            "country_names": names,
            "date_from": event_filter.date_from,
            "date_to": event_filter.date_to,
            "event_types": [t.lower() for t in event_filter.event_types],
            "min_confidence": event_filter.min_confidence,
        },
    )
    return con.execute("SELECT count(*) FROM selected_events").fetchall()[0][0]


def scope_to_selection(con: duckdb.DuckDBPyConnection) -> None:
    """Shadow each table that has a scope query (warehouse/sql/publish/scope/) with a temporary view of
    the rows of the selected events, so every later query and view of this connection (a filtered
    release's report) sees only them. Needs `select_events` first."""
    scoped = sorted(path.stem for path in (PUBLISH_SQL_DIR / "scope").glob("*.sql"))
    for table in scoped:  # all computed from the whole tables before any is shadowed
        scope = (PUBLISH_SQL_DIR / "scope" / f"{table}.sql").read_text(encoding="utf-8")
        con.execute(f"CREATE OR REPLACE TEMP TABLE _scoped_{table} AS {scope}")
    for table in scoped:  # a view: some of these names are already the connection's temporary views
        con.execute(f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT * FROM _scoped_{table}")


def check_filter(warehouse: Path, event_filter: EventFilter) -> None:
    """ExportError when a country of the filter is unknown (checked before a release flow starts)."""
    if not event_filter.countries:
        return
    con = open_read_only(warehouse)
    try:
        resolve_countries(con, event_filter.countries)
    finally:
        con.close()


# ------------------------------------------------------------------------------------------------- layouts


def with_notes(table: pa.Table) -> pa.Table:
    """The ACLED rows with `notes` written and the helper columns (names starting with _) dropped."""
    rows = table.to_pylist()
    notes = [
        note(
            NoteFields(
                event_date=r["event_date"],
                time_precision=r["_time_precision"],
                disorder_type=r["disorder_type"],
                event_type=r["_event_type"],
                sub_event_type=r["_sub_event_type"],
                acled_sub_event_type=r["sub_event_type"],
                actor1=r["actor1"],
                actor2=r["actor2"],
                location=r["_location"],
                admin1=r["admin1"],
                country=r["country"],
                fatalities=r["_fatalities"],
            )
        )
        for r in rows
    ]
    table = table.set_column(table.column_names.index("notes"), "notes", pa.array(notes, pa.string()))
    return table.select(list(ACLED_COLUMNS))


def layout_table(con: duckdb.DuckDBPyConnection, layout: str) -> pa.Table:
    """The selected events in a layout, as an Arrow table in the layout's column order."""
    if layout == "acled":
        table = with_notes(con.sql(publish_sql("acled_events")).to_arrow_table())
        model, columns = AcledExportSchema, ACLED_COLUMNS
    elif layout == "native":
        table = con.sql(publish_sql("native_events")).to_arrow_table().select(list(NATIVE_COLUMNS))
        model, columns = NativeExportSchema, NATIVE_COLUMNS
    else:
        raise ExportError(f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS)}")
    if table.num_rows:
        model.validate(table.to_pandas(), lazy=True)
    assert tuple(table.column_names) == tuple(columns)
    return table


def copy_options(fmt: str) -> str:
    """COPY options of an export format."""
    options = {
        "csv": "FORMAT csv, HEADER true",
        "parquet": "FORMAT parquet, COMPRESSION zstd",
        "json": "FORMAT json, ARRAY true",
    }
    if fmt not in options:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return options[fmt]


def format_of(path: Path, fmt: str | None) -> str:
    """The format asked for, else the one of the file's extension, else csv."""
    if fmt:
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "csv"


@dataclass(frozen=True)
class ExportResult:
    """A written export."""

    path: Path
    rows: int
    columns: tuple[str, ...]
    layout: str
    format: str
    filter: dict[str, object] = field(default_factory=dict)


def write_table(con: duckdb.DuckDBPyConnection, table: pa.Table, out: Path, fmt: str) -> None:
    """Write an Arrow table with DuckDB's COPY (rows in the table's order)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    con.register("_export_rows", table)
    try:
        con.execute(f"COPY (SELECT * FROM _export_rows) TO ? ({copy_options(fmt)})", [str(out)])
    finally:
        con.unregister("_export_rows")


def export_events(
    warehouse: Path,
    out: Path,
    event_filter: EventFilter | None = None,
    layout: str = "native",
    fmt: str | None = None,
) -> ExportResult:
    """Write the events the filter keeps, in a layout and format, to out."""
    event_filter = event_filter or EventFilter()
    fmt = format_of(out, fmt)
    copy_options(fmt)  # refuse an unknown format before reading anything
    con = open_publish(warehouse)
    try:
        select_events(con, event_filter)
        table = layout_table(con, layout)
        write_table(con, table, out, fmt)
    finally:
        con.close()
    return ExportResult(out, table.num_rows, tuple(table.column_names), layout, fmt, event_filter.describe())


def parse_date(text: str, option: str) -> dt.date:
    """A YYYY-MM-DD date of an option, or ExportError."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ExportError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def filter_from_options(
    countries: Sequence[str] | None,
    date_from: str | None,
    date_to: str | None,
    event_types: Sequence[str] | None,
    min_confidence: float | None,
) -> EventFilter:
    """The filter of the command-line options of `export` and `release`."""
    return EventFilter(
        countries=tuple(countries or ()),
        date_from=parse_date(date_from, "--from") if date_from else None,
        date_to=parse_date(date_to, "--to") if date_to else None,
        event_types=tuple(event_types or ()),
        min_confidence=min_confidence,
    )
