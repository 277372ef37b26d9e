"""Generate DuckDB DDL and column documentation from the pandera models."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandera.pandas as pa

from schemas.tables import TABLES

_SQL_TYPES = {
    "str": "VARCHAR",
    "string": "VARCHAR",
    "string[pyarrow]": "VARCHAR",
    "string[python]": "VARCHAR",
    "Int16": "SMALLINT",
    "Int64": "BIGINT",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
    "datetime64[ns]": "TIMESTAMP",
    "datetime64[us]": "TIMESTAMP",
}


@dataclass(frozen=True)
class ColumnDoc:
    """One column as the codebook and datapackage describe it."""

    name: str
    sql_type: str
    nullable: bool
    description: str
    allowed: tuple | None
    unique: bool


def sql_type(dtype: object) -> str:
    """DuckDB type of a pandera dtype."""
    key = str(dtype)
    if key not in _SQL_TYPES:
        raise KeyError(f"no DuckDB type for pandera dtype {key!r}")
    return _SQL_TYPES[key]


def columns(model: type[pa.DataFrameModel]) -> list[ColumnDoc]:
    """The columns of a model, in order, with type, nullability, description and allowed values."""
    out = []
    for name, col in model.to_schema().columns.items():
        allowed = None
        for check in col.checks:
            if check.name == "isin":
                allowed = tuple(check.statistics["allowed_values"])
        out.append(
            ColumnDoc(name, sql_type(col.dtype), col.nullable, col.description or "", allowed, col.unique)
        )
    return out


def create_table_sql(table: str, model: type[pa.DataFrameModel]) -> str:
    """CREATE TABLE IF NOT EXISTS statement for one model."""
    cols = ",\n    ".join(f"{c.name} {c.sql_type}{'' if c.nullable else ' NOT NULL'}" for c in columns(model))
    return f"CREATE TABLE IF NOT EXISTS {table} (\n    {cols}\n);"


def all_ddl() -> list[str]:
    """DDL for every warehouse table."""
    return [create_table_sql(name, model) for name, model in TABLES.items()]


def column_names(table: str) -> list[str]:
    """Column names of a table, in schema order."""
    return list(_column_names(table))


@cache
def _column_names(table: str) -> tuple[str, ...]:
    """Column names of a table (memoised: building a pandera schema takes milliseconds)."""
    return tuple(c.name for c in columns(TABLES[table]))
