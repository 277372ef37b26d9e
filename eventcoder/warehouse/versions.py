"""Readers never wait for a refresh: each run writes a new version of the warehouse file and renames it
over the old one.

DuckDB lets one process open a file read-write or any number open it read-only, never both: a
refresh that wrote the warehouse in place would turn readers away for its whole run. So a run
copies the warehouse to a hidden sibling `.NAME.next`, writes everything into that copy (one
transaction, as before), checkpoints and closes it, and renames it over `NAME`. The rename is
atomic: a reader opening `NAME` gets the version before the run or the one after it, and a
reader that has the old version open keeps reading it (POSIX keeps a renamed-over file alive
while it is open). A run that dies leaves `NAME` untouched; its half-written copy is removed by
the next run. Only the holder of the writer lock (`locking.WarehouseLock`) calls these.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

from eventcoder.warehouse.store import connect


def next_path(warehouse: Path) -> Path:
    """The hidden sibling a run writes the warehouse's next version into."""
    return warehouse.with_name(f".{warehouse.name}.next")


def wal_path(database: Path) -> Path:
    """DuckDB's write-ahead log of a database file."""
    return database.with_name(database.name + ".wal")


def discard_next(warehouse: Path) -> None:
    """Remove a next version left by a run that did not finish (and its write-ahead log)."""
    for path in (next_path(warehouse), wal_path(next_path(warehouse))):
        path.unlink(missing_ok=True)


def open_next(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection to a fresh copy of the warehouse (a new, empty one if there is none)."""
    discard_next(warehouse)
    if wal_path(warehouse).exists():  # written in place by another client: fold its log in first
        connect(warehouse).close()
    target = next_path(warehouse)
    if warehouse.exists():
        shutil.copyfile(warehouse, target)
        shutil.copymode(warehouse, target)
    return connect(target)


@contextmanager
def next_version(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse's next version; discarded unless published (`publish_next`) inside."""
    con = open_next(warehouse)
    try:
        yield con
    finally:
        with suppress(duckdb.Error):
            con.close()  # a published version's connection is closed already
        discard_next(warehouse)


def publish_next(warehouse: Path, con: duckdb.DuckDBPyConnection) -> None:
    """Checkpoint and close the next version's connection, then rename the file over the warehouse."""
    con.execute("CHECKPOINT")
    con.close()
    target = next_path(warehouse)
    if wal_path(target).exists():
        raise RuntimeError(f"{target} still has a write-ahead log after its checkpoint; not published")
    sync(target)
    os.replace(target, warehouse)
    sync(warehouse.parent)


@contextmanager
def pinned(warehouse: Path) -> Iterator[Path]:
    """A path (same file name) to the warehouse's current version that stays that version while the block
    runs, however many refreshes publish meanwhile: a hard link in a hidden folder beside it (the path
    itself when the folder is read-only or the file is missing)."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{warehouse.name}.read-", dir=warehouse.parent))
    except OSError:
        yield warehouse
        return
    try:
        link = folder / warehouse.name
        try:
            os.link(warehouse, link)
        except OSError:
            link = warehouse
        yield link
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sync(path: Path) -> None:
    """Flush a file or folder to disk, so a rename survives a power cut with the data it names."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
