"""Generate a release's CODEBOOK.md from the pandera models and the controlled vocabularies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import pandera.pandas as pa

from eventcoder.warehouse.views import VIEWS
from schemas.ddl import ColumnDoc, columns
from schemas.export import AcledExportSchema
from schemas.release import CHANGES_TABLE, ReleasedTable
from schemas.vocab import (
    ACLED_TYPES,
    ACTOR_TYPES,
    EVENT_TYPES,
    GEO_PRECISION,
    MERGE_RULE_MEANINGS,
    OUTLET_KINDS,
    PARTY_KINDS,
    PLOVER_TYPES,
    SOURCE_SCALES,
    TIME_PRECISION,
)

# The terms of eventcoder.coding.confidence(), in the order it adds them (a test checks they agree).
CONFIDENCE_TERMS: tuple[tuple[str, str], ...] = (
    ("start", "0.6 when the trigger is a verb (`gunmen attacked`), 0.5 when it is a noun (`the attack`)"),
    ("+0.10", "the trigger is a verb, or a noun governed by an eventive verb (`a bomb exploded`)"),
    (
        "−0.15",
        "the trigger is a supporting word (`killed`, `operation`): it makes an event only because "
        "its sentence reports casualties or arrests and no event word of its family is there",
    ),
    ("+0.10", "the date comes from a date phrase attached to the event (`date_origin` = phrase)"),
    ("+0.05", "the place is more precise than the country (`geo_precision` 1–3)"),
    ("+0.05", "`actor1` has a known actor type (`inter1` ≠ 0)"),
    ("+0.05", "the article reports the event more than once (its mentions were merged)"),
    ("clip", "the sum is kept within [0.05, 0.95] and rounded to two decimals"),
)


class CrosswalkEntry(Protocol):
    """A row of the crosswalk (eventcoder.crosswalk.CrosswalkRow)."""

    event_type: str
    sub_event_type: str
    variant: str
    acled_event_type: str
    acled_sub_event_type: str
    cameo_code: str
    plover_type: str
    description: str


@dataclass(frozen=True)
class ColumnRule:
    """The checks of one column beyond its type: allowed values, range and pattern."""

    allowed: tuple | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None


def column_rules(model: type[pa.DataFrameModel]) -> dict[str, ColumnRule]:
    """The checks of every column of a model, by column name."""
    out = {}
    for name, col in model.to_schema().columns.items():
        found: dict[str, object] = {}
        for check in col.checks:
            stats = check.statistics or {}
            if check.name == "isin":
                found["allowed"] = tuple(stats["allowed_values"])
            elif check.name == "greater_than_or_equal_to":
                found["minimum"] = stats["min_value"]
            elif check.name == "less_than_or_equal_to":
                found["maximum"] = stats["max_value"]
            elif check.name == "in_range":
                found["minimum"], found["maximum"] = stats["min_value"], stats["max_value"]
            elif check.name == "str_matches":
                found["pattern"] = stats["pattern"]
        out[name] = ColumnRule(**found)
    return out


def describe_rule(rule: ColumnRule) -> str:
    """The allowed values of a column in words."""
    parts = []
    if rule.allowed is not None:
        parts.append(", ".join(f"`{v}`" for v in rule.allowed))
    if rule.minimum is not None and rule.maximum is not None:
        parts.append(f"{rule.minimum} to {rule.maximum}")
    elif rule.minimum is not None:
        parts.append(f"≥ {rule.minimum}")
    elif rule.maximum is not None:
        parts.append(f"≤ {rule.maximum}")
    if rule.pattern is not None:
        parts.append(f"matches `{rule.pattern}`")
    return "; ".join(parts)


def cell(text: object) -> str:
    """Text made safe for a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """Lines of a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def column_section(spec: ReleasedTable) -> list[str]:
    """The column table of one released table."""
    rules = column_rules(spec.model)
    files = ", ".join(f"`{f}`" for f in spec.files)
    doc = first_line(spec.model.__doc__)
    key = ", ".join(f"`{k}`" for k in spec.key_columns)
    lines = [f"### {spec.table} ({files})", "", f"{doc} Key: {key}; rows ordered by it.", ""]
    rows = [column_row(c, rules[c.name]) for c in columns(spec.model) if c.name not in spec.withheld]
    table = markdown_table(("column", "type", "null", "meaning", "allowed values"), rows) + [""]
    if spec.withheld:
        withheld = ", ".join(f"`{c}`" for c in spec.withheld)
        table += [f"Not released: {withheld} (the outlets' text; the warehouse keeps it).", ""]
    return lines + table


def column_row(col: ColumnDoc, rule: ColumnRule) -> tuple[str, ...]:
    """One row of a column table."""
    nullable = "yes" if col.nullable else "no"
    allowed = "; ".join(p for p in (describe_rule(rule), "unique" if col.unique else "") if p)
    return (f"`{col.name}`", col.sql_type, nullable, col.description, allowed)


def code_table(title: str, column: str, codes: dict[int, str]) -> list[str]:
    """A section listing numeric codes and their meaning."""
    return [f"## {title}", "", *markdown_table((column, "meaning"), codes.items()), ""]


def event_type_section() -> list[str]:
    """Our event types and their sub-types."""
    rows = [(f"`{etype}`", ", ".join(f"`{s}`" for s in subs)) for etype, subs in EVENT_TYPES.items()]
    return ["## Event types and sub-types", "", *markdown_table(("event_type", "sub_event_type"), rows), ""]


def crosswalk_section(crosswalk: Iterable[CrosswalkEntry]) -> list[str]:
    """The crosswalk from our sub-types (and their variants) to ACLED, CAMEO and PLOVER."""
    header = ("event_type", "sub_event_type", "variant", "ACLED type", "ACLED sub-type", "CAMEO", "PLOVER")
    rows = [
        (
            r.event_type,
            r.sub_event_type,
            f"{r.variant}: {r.description}",
            r.acled_event_type,
            r.acled_sub_event_type,
            r.cameo_code,
            r.plover_type,
        )
        for r in crosswalk
    ]
    intro = (
        "Each coded event carries its ACLED type and sub-type, its CAMEO code and its PLOVER type, "
        "taken from this table (`eventcoder/data/crosswalk.csv`). A variant refines a sub-type "
        f"(an air strike is an `attack`/`explosion`). ACLED types: {', '.join(ACLED_TYPES)}. "
        f"PLOVER types: {', '.join(PLOVER_TYPES)}."
    )
    return ["## Crosswalk to ACLED, CAMEO and PLOVER", "", intro, "", *markdown_table(header, rows), ""]


def confidence_section() -> list[str]:
    """How `confidence` is computed."""
    intro = (
        "`confidence` (0–1) says how directly the text reports the event, not whether the report is "
        "true. It is the sum of these terms for the mention chosen as the event's evidence:"
    )
    return ["## Confidence", "", intro, "", *markdown_table(("term", "when"), CONFIDENCE_TERMS), ""]


def identity_section() -> list[str]:
    """How ids relate the released tables."""
    return [
        "## Identifiers and provenance",
        "",
        "- `article_id` is a hash of the article's normalised text: the same story read from two "
        "paths is one article.",
        "- `event_mentions.event_id` (a mention id) is a hash of the article, the evidence offsets and "
        "the event type: stable while the article and the coder are unchanged.",
        "- A merged event keeps the id of its earliest mention, so later reports do not change it and "
        "the changes between releases are keyed by `event_id`.",
        "- `mention_events` links each mention to its event; `event_mentions.article_id` links it to "
        "`articles`, whose `text` holds the evidence at `evidence_start`–`evidence_end`.",
        "",
    ]


def sources_section() -> list[str]:
    """Outlet kinds and scales of the `sources` table, and what a party to the conflict is."""
    parties = ", ".join(f"`{k}`" for k in PARTY_KINDS)
    return [
        "## Sources: outlet kinds and scales",
        "",
        "Each article's `source` is split at `;` into outlets (`sources`: one row per event and outlet). "
        "Outlets are typed from a list of well-known outlets (`eventcoder/coding/data/outlets.csv`, "
        "public knowledge: where each is based, its reach, its kind); others keep the country named in a "
        "bracket after their name and a kind guessed from words of the name, or stay untyped. An outlet of "
        f"kind {parties} speaks for a party to the conflict: an event reported only by such outlets has "
        "`party_sources_only` true (an `eventcoder export` column, and a tag of the ACLED layout).",
        "",
        *markdown_table(("kind", "meaning"), OUTLET_KINDS.items()),
        "",
        f"Scales: {', '.join(f'`{s}`' for s in SOURCE_SCALES)} (`new media`: ACLED's term for social "
        "media and aggregators).",
        "",
    ]


def merges_and_corrections_section() -> list[str]:
    """How events are merged and how analysts' corrections are applied and flagged."""
    rules = [(f"`{rule}`", meaning) for rule, meaning in MERGE_RULE_MEANINGS.items()]
    return [
        "## Merges and corrections",
        "",
        "An event merges the mentions that report one occurrence in ACLED's sense (same type, place, "
        "day and actors). `event_merges` gives, for every event of two or more mentions, each mention, "
        "the rule that joined it, the mention it was matched with and the evidence in words:",
        "",
        *markdown_table(("rule", "meaning"), rules),
        "",
        "Analysts review events and correct them; the corrections (`corrections.csv`) are applied on "
        "top of the coder's output by every refresh, so they survive recoding. Each is keyed by the "
        "article (`article`, its raw path) and the evidence sentence of one of the event's mentions, "
        "never by a row id, and records who (`author`), when (`created_at`) and why (`reason`):",
        "",
        "- `set`: the event's `field` is set to `value` (text, read as the column's type);",
        "- `not_event`: the mention is not an event; it stays in `event_mentions` but belongs to no "
        "event (a reviewer's decision marks every mention of the event);",
        "- `merge`: the event of this mention and the event of `other_article`/`other_evidence` are "
        "one event (rule `correction` in `event_merges`);",
        "- `split`: the mention leaves its event and stays an event of its own.",
        "",
        "`events.corrected_fields` flags every corrected event: the columns set, `merge`, `split` "
        "('; '-separated); it is empty for an event as coded. A correction whose key matches no mention "
        "any more (its article was recoded differently or removed) is kept with `status` `stale` and "
        "its `status_reason`; it applies again when its sentence comes back. `CHANGES.md` lists the "
        "corrections added since the previous release.",
        "",
    ]


def acled_layout_section() -> list[str]:
    """The columns of `eventcoder export --layout acled` and how each is derived."""
    rows = [(f"`{c.name}`", c.sql_type, c.description) for c in columns(AcledExportSchema)]
    intro = (
        "`eventcoder export --layout acled` writes the events in the columns and order of ACLED's current "
        "exports (older ACLED exports add `data_id`, `event_id_no_cnty` and `iso3`), derived from the "
        "`events` table and the crosswalk as follows. It is not ACLED data: values are this dataset's."
    )
    return ["## ACLED layout", "", intro, "", *markdown_table(("column", "type", "derived from"), rows), ""]


def views_section() -> list[str]:
    """The analysis views of the warehouse (not release files)."""
    intro = (
        "The warehouse (`warehouse/events.duckdb`) also has these views, one SQL file each in "
        "`warehouse/sql/views/`. They are not release files; their columns are listed in the README "
        "(For the data scientist)."
    )
    rows = [(f"`{name}`", description) for name, description in VIEWS.items()]
    return ["## Warehouse views", "", intro, "", *markdown_table(("view", "content"), rows), ""]


def files_section(tables: Sequence[ReleasedTable]) -> list[str]:
    """The files of a release."""
    rows = [(f"`{f}`", first_line(t.model.__doc__)) for t in tables for f in t.files]
    rows += [
        ("`changes.csv`, `CHANGES.md`", "events added, removed and changed since the previous release"),
        ("`CODEBOOK.md`", "this file"),
        ("`datapackage.json`", "Frictionless Data Package: a Table Schema for every data file"),
        ("`manifest.json`", "versions, previous release, row counts and sha256 of every other file"),
    ]
    return ["## Files", "", *markdown_table(("file", "content"), rows), ""]


def first_line(doc: str | None) -> str:
    """The first line of a docstring."""
    return (doc or "").strip().splitlines()[0] if doc else ""


def codebook_markdown(
    version: str, tables: Sequence[ReleasedTable], crosswalk: Iterable[CrosswalkEntry]
) -> str:
    """The whole codebook of a release, as Markdown."""
    lines = [
        f"# eventcoder dataset {version}: codebook",
        "",
        "Events of political violence and conflict coded from news articles, in ACLED's style. "
        "Generated from the pipeline's schemas; `manifest.json` says which pipeline, coder and model "
        "produced the data. CSV files are UTF-8 with a header; an empty field is null. Dates are ISO "
        "8601 (YYYY-MM-DD).",
        "",
        *files_section(tables),
        "## Columns",
        "",
    ]
    for spec in (*tables, CHANGES_TABLE):
        lines += column_section(spec)
    lines += event_type_section()
    lines += crosswalk_section(crosswalk)
    lines += code_table("Time precision (`time_precision`)", "code", TIME_PRECISION)
    lines += [
        "For week, month and year precision `event_date` is the middle of the window, cut at the "
        "publication date (ACLED's convention).",
        "",
    ]
    lines += code_table("Geo precision (`geo_precision`)", "code", GEO_PRECISION)
    lines += code_table("Actor types (`inter1`, `inter2`)", "code", ACTOR_TYPES)
    lines += [
        "`interaction` combines the two actor types, lower first (`12` = state forces against rebels); "
        "a single actor type times ten when there is no second one (`60` = protesters alone).",
        "",
    ]
    lines += confidence_section()
    lines += identity_section()
    lines += sources_section()
    lines += acled_layout_section()
    lines += merges_and_corrections_section()
    lines += views_section()
    return "\n".join(lines).rstrip() + "\n"
