"""Validate a stage's frame with its pandera model; failing rows are split off with reasons."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors


def load_schemas(models: Sequence[type[pa.DataFrameModel]]) -> None:
    """Build the models' schemas and load pandera's pandas backends now, ahead of a first validation
    that would otherwise pay for them (pandera then imports its dask typing, and hypothesis when it is
    installed: about half a second, once per process)."""
    for model in models:
        model.to_schema()
    pa.DataFrameSchema({"n": pa.Column(int, pa.Check.ge(0))}).validate(pd.DataFrame({"n": [1]}))


@dataclass(frozen=True)
class RowFailure:
    """A row that failed validation, with the checks it failed."""

    index: int
    reason: str


def validate_frame(
    frame: pd.DataFrame, model: type[pa.DataFrameModel]
) -> tuple[pd.DataFrame, list[RowFailure]]:
    """The valid rows (coerced to the model's types) and one failure per invalid row.

    A failure that is not tied to a row (a missing column, a wrong type for the whole
    column) fails every row, so nothing is loaded that the schema does not allow.
    """
    if frame.empty:
        return frame, []
    try:
        return model.validate(frame, lazy=True), []
    except SchemaErrors as exc:
        cases = exc.failure_cases
    reasons: dict[int, list[str]] = defaultdict(list)
    frame_wide: list[str] = []
    for case in cases.itertuples(index=False):
        text = f"{case.column}: failed {case.check} (value {case.failure_case!r})"
        if pd.isna(case.index):
            frame_wide.append(text)
        else:
            reasons[int(case.index)].append(text)
    if frame_wide:
        why = "; ".join(sorted(set(frame_wide)))
        return frame.iloc[0:0], [RowFailure(int(i), why) for i in frame.index]
    bad = sorted(reasons)
    good = frame.drop(index=bad)
    return model.validate(good, lazy=True), [RowFailure(i, "; ".join(reasons[i])) for i in bad]
