"""One writer per warehouse: an OS file lock held for the whole refresh, with who holds it.

The lock is `FILE.lock` beside the warehouse, taken with the `filelock` package (flock on
POSIX): the operating system releases it when the holder dies, even by SIGKILL, so a crash
never leaves a stale lock. `FILE.lock.json` tells a second writer who is running.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout


class WarehouseBusy(RuntimeError):
    """Another process is writing the warehouse."""


@dataclass(frozen=True)
class Holder:
    """Who holds a warehouse lock."""

    pid: int
    host: str
    run_id: str
    started_at: str

    def describe(self) -> str:
        """A sentence naming the running writer."""
        return f"run {self.run_id} (pid {self.pid} on {self.host}, started {self.started_at} UTC)"


def lock_path(warehouse: Path) -> Path:
    """The lock file of a warehouse."""
    return warehouse.with_name(warehouse.name + ".lock")


def read_holder(warehouse: Path) -> Holder | None:
    """Who last took the lock (None when unknown)."""
    try:
        return Holder(
            **json.loads(lock_path(warehouse).with_suffix(".lock.json").read_text(encoding="utf-8"))
        )
    except (OSError, ValueError, TypeError):
        return None


class WarehouseLock:
    """Exclusive right to write a warehouse, for the duration of a `with` block."""

    def __init__(self, warehouse: Path, run_id: str, wait: bool = False, timeout: float = -1) -> None:
        self.warehouse = warehouse
        self.run_id = run_id
        self.wait = wait
        self.timeout = timeout
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        self.lock = FileLock(str(lock_path(warehouse)), thread_local=False)

    def __enter__(self) -> WarehouseLock:
        try:
            self.lock.acquire(timeout=self.timeout if self.wait else 0)
        except Timeout:
            holder = read_holder(self.warehouse)
            who = holder.describe() if holder else "another process"
            raise WarehouseBusy(
                f"warehouse {self.warehouse} is being written by {who}; "
                "wait for it to finish, or run with --wait to queue behind it"
            ) from None
        info = Holder(
            os.getpid(),
            socket.gethostname(),
            self.run_id,
            dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"),
        )
        lock_path(self.warehouse).with_suffix(".lock.json").write_text(
            json.dumps(info.__dict__), encoding="utf-8"
        )
        return self

    def __exit__(self, *exc: object) -> None:
        lock_path(self.warehouse).with_suffix(".lock.json").unlink(missing_ok=True)
        self.lock.release()
