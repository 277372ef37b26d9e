"""Frictionless Table Schemas and the Data Package descriptor of a release, from the pandera models."""

from __future__ import annotations

from collections.abc import Sequence

import pandera.pandas as pa

from schemas.codebook import ColumnRule, column_rules
from schemas.ddl import ColumnDoc, columns
from schemas.release import FOREIGN_KEYS, ReleasedTable

# DuckDB type → Table Schema field type.
_FIELD_TYPES = {
    "VARCHAR": "string",
    "SMALLINT": "integer",
    "BIGINT": "integer",
    "DOUBLE": "number",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "datetime",
}
_MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def field_descriptor(col: ColumnDoc, rule: ColumnRule) -> dict[str, object]:
    """The Table Schema field of one column: type, description and constraints."""
    constraints: dict[str, object] = {"required": not col.nullable}
    if col.unique:
        constraints["unique"] = True
    if rule.allowed is not None:
        constraints["enum"] = list(rule.allowed)
    if rule.minimum is not None:
        constraints["minimum"] = rule.minimum
    if rule.maximum is not None:
        constraints["maximum"] = rule.maximum
    if rule.pattern is not None:
        constraints["pattern"] = unanchored(rule.pattern)
    return {
        "name": col.name,
        "type": _FIELD_TYPES[col.sql_type],
        "description": col.description,
        "constraints": constraints,
    }


def unanchored(pattern: str) -> str:
    """A regex without ^ and $ (Table Schema patterns match the whole value)."""
    return pattern.removeprefix("^").removesuffix("$")


def table_schema(
    model: type[pa.DataFrameModel],
    key: tuple[str, ...],
    foreign_keys: list[dict],
    withheld: tuple[str, ...] = (),
) -> dict[str, object]:
    """The Table Schema of a model (withheld columns left out)."""
    rules = column_rules(model)
    schema: dict[str, object] = {
        "fields": [field_descriptor(c, rules[c.name]) for c in columns(model) if c.name not in withheld],
        "primaryKey": list(key),
        "missingValues": [""],
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def resource_name(file: str) -> str:
    """The resource name of a release file: events.parquet → events, events.csv → events_csv."""
    stem, _, ext = file.rpartition(".")
    return stem if ext == "parquet" else f"{stem}_{ext}"


def foreign_keys_of(spec: ReleasedTable, by_table: dict[str, str]) -> list[dict]:
    """Table Schema foreign keys of a table, pointing at the resources named in by_table."""
    out = []
    for (table, column), (ref_table, ref_column) in FOREIGN_KEYS.items():
        if table == spec.table and ref_table in by_table:
            out.append(
                {"fields": [column], "reference": {"resource": by_table[ref_table], "fields": [ref_column]}}
            )
    return out


def resource_descriptor(spec: ReleasedTable, file: str, by_table: dict[str, str]) -> dict[str, object]:
    """The Data Package resource of one release file."""
    ext = file.rpartition(".")[2]
    resource: dict[str, object] = {
        "name": resource_name(file),
        "type": "table",
        "path": file,
        "format": ext,
        "mediatype": _MEDIA_TYPES[ext],
        "description": (spec.model.__doc__ or "").strip().splitlines()[0],
        "schema": table_schema(spec.model, spec.key_columns, foreign_keys_of(spec, by_table), spec.withheld),
    }
    if ext == "csv":
        resource["encoding"] = "utf-8"
    return resource


def package_descriptor(version: str, created: str, tables: Sequence[ReleasedTable]) -> dict[str, object]:
    """The Data Package descriptor of a release of these tables (foreign keys point at the Parquet files)."""
    by_table = {t.table: resource_name(t.files[-1]) for t in tables}
    return {
        "name": "eventcoder-events",
        "title": "eventcoder: ACLED-style events coded from news articles",
        "version": version,
        "created": created,
        "description": "See CODEBOOK.md for every column and code; manifest.json for checksums.",
        "resources": [resource_descriptor(t, f, by_table) for t in tables for f in t.files],
    }
