"""Crosswalk from our event types to ACLED, CAMEO and PLOVER (one data table: data/crosswalk.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventcoder.config import DATA_DIR

CROSSWALK_FILE = DATA_DIR / "crosswalk.csv"


@dataclass(frozen=True)
class CrosswalkRow:
    """One variant of an event sub-type and its codes in the other ontologies."""

    event_type: str
    sub_event_type: str
    variant: str
    acled_event_type: str
    acled_sub_event_type: str
    cameo_code: str
    plover_type: str
    description: str


@cache
def load_crosswalk(path: Path = CROSSWALK_FILE) -> dict[tuple[str, str, str], CrosswalkRow]:
    """All rows keyed by (event_type, sub_event_type, variant)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [CrosswalkRow(**row) for row in csv.DictReader(f)]
    return {(r.event_type, r.sub_event_type, r.variant): r for r in rows}


def crosswalk(event_type: str, sub_event_type: str, variant: str) -> CrosswalkRow:
    """The row of a variant, falling back to the sub-type's first row."""
    table = load_crosswalk()
    row = table.get((event_type, sub_event_type, variant))
    if row is not None:
        return row
    for (etype, sub, _), candidate in table.items():
        if etype == event_type and sub == sub_event_type:
            return candidate
    raise KeyError(f"no crosswalk row for {event_type}/{sub_event_type}")
