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
from dataclasses import dataclass, field

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


# A pool started ahead of the refresh flow (by the command line, while Prefect starts), which the flow
# adopts when it asks for the same processes: their start (about 2 CPU-seconds each) is then done.
_ahead: CoderPool | None = None


def start_ahead(model: str, workers: int, batch_size: int = 32) -> None:
    """Start coder processes now for a refresh that will ask for them (`take_ahead`)."""
    global _ahead
    if _ahead is None:
        _ahead = CoderPool(model, workers, batch_size)
        _ahead.warm()


def take_ahead(model: str, workers: int, batch_size: int = 32) -> CoderPool | None:
    """The pool started ahead, if it is the one asked for (one that is not is stopped); None if none."""
    global _ahead
    pool, _ahead = _ahead, None
    if pool is not None and (pool.model, pool.workers, pool.batch_size) != (model, workers, batch_size):
        pool.close()
        return None
    return pool


def discard_ahead() -> None:
    """Stop a pool started ahead that no refresh took (the run ended before it asked for one)."""
    pool = take_ahead("", 0)
    if pool is not None:
        pool.close()


@dataclass
class EarlyChunks:
    """Chunks of articles sent to the coder processes while reading goes on, before the run's plan says
    what to code. At most `limit` such chunks wait or run at once, so that what is left when reading
    ends is still cut into chunks that shrink towards the end. `take` hands back the chunks whose
    articles the plan codes (the same objects); a chunk holding an article the plan does not code (a
    duplicate, an input read twice) is dropped, and its other articles are coded again."""

    pool: CoderPool
    size: int
    limit: int
    buffer: list[Article] = field(default_factory=list)
    sent: list[tuple[list[Article], Future[ChunkResult]]] = field(default_factory=list)

    def add(self, article: Article) -> None:
        """An article read: sent with others once a chunk is full and the pool has room."""
        if not self.pool.started:
            return
        self.buffer.append(article)
        if len(self.buffer) >= self.size and self.waiting() < self.limit:
            chunk, self.buffer = self.buffer, []
            self.sent.append((chunk, self.pool.submit(chunk)))

    def waiting(self) -> int:
        """Chunks sent that are not coded yet."""
        return sum(1 for _, future in self.sent if not future.done())

    def take(
        self, to_code: Sequence[Article]
    ) -> tuple[list[tuple[list[Article], Future[ChunkResult]]], list[Article]]:
        """The chunks sent whose articles are all to code, and the articles to code that are in none."""
        wanted = {id(a) for a in to_code}
        kept = [(chunk, future) for chunk, future in self.sent if all(id(a) in wanted for a in chunk)]
        for chunk, future in self.sent:
            if not all(id(a) in wanted for a in chunk):
                future.cancel()
        done = {id(a) for chunk, _ in kept for a in chunk}
        self.sent, self.buffer = [], []
        return kept, [a for a in to_code if id(a) not in done]
