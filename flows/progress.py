"""Progress of long work: a bar on a terminal, periodic log lines elsewhere."""

from __future__ import annotations

import logging
import time


class Progress:
    """Counts work done; draws a rich progress bar when interactive, else logs every ~10 %."""

    def __init__(
        self, total: int, label: str, interactive: bool, logger: logging.Logger | logging.LoggerAdapter
    ) -> None:
        self.total = total
        self.done = 0
        self.label = label
        self.logger = logger
        self.started = time.monotonic()
        self.next_log = max(1, total // 10)
        self.bar = None
        if interactive and total > 0:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TimeRemainingColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            self.bar = RichProgress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                transient=False,
            )
            self.task = self.bar.add_task(label, total=total)
            self.bar.start()

    def advance(self, n: int) -> None:
        """Record n more items done."""
        self.done += n
        if self.bar is not None:
            self.bar.update(self.task, advance=n)
        elif self.done >= self.next_log or self.done >= self.total:
            rate = self.done / max(time.monotonic() - self.started, 1e-6)
            self.logger.info("%s: %d/%d (%.1f per second)", self.label, self.done, self.total, rate)
            self.next_log = self.done + max(1, self.total // 10)

    def close(self) -> None:
        """Stop drawing."""
        if self.bar is not None:
            self.bar.stop()
