"""A pool of coder processes: each loads the spaCy pipeline once and codes chunks sent to it.

Processes are started with 'spawn', so they inherit no threads or open handles from the
parent (a Prefect flow runs an event loop and a server thread). They import only the pure
core, never Prefect.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from eventcoder.coding.coder import ChunkResult, code_articles, load_coder
from eventcoder.coding.places import gazetteer
from eventcoder.records import Article


def _warm_up(model: str) -> None:
    """Load the pipeline and the gazetteer in a fresh worker process, then keep them out of the garbage
    collector's sight: they live as long as the process, and each full collection walked all their
    objects (about 800,000) again."""
    load_coder(model)
    gazetteer()
    gc.freeze()


def _ready() -> int:
    """A no-op task: its only effect is to start a worker process."""
    return os.getpid()


class CoderPool:
    """Worker processes that code chunks of articles in parallel."""

    def __init__(self, model: str, workers: int, batch_size: int = 32) -> None:
        self.model = model
        self.workers = workers
        self.batch_size = batch_size
        self.started = False
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_warm_up, initargs=(model,)
        )

    def warm(self) -> None:
        """Start every worker now (each loads the pipeline), without waiting for them."""
        if not self.started:
            self.started = True
            for _ in range(self.workers):
                self.executor.submit(_ready)

    def submit(self, chunk: Sequence[Article]) -> Future[ChunkResult]:
        """Code a chunk in a worker; the future holds its result."""
        self.started = True
        return self.executor.submit(code_articles, list(chunk), self.model, self.batch_size)

    def release(self) -> None:
        """Let the workers exit in the background once the coding is done (close() waits for them)."""
        self.executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers."""
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> CoderPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
