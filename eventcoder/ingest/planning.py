"""Decide what a refresh must do with what ingest found: code, skip, record as duplicate, report as gone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from eventcoder.ingest.read import Container, IngestResult, Unchanged
from eventcoder.records import Article, InputRecord, Quarantined

T = TypeVar("T")


@dataclass
class RefreshPlan:
    """Articles to code, the raw_inputs/quarantine rows the run will write, and vanished inputs."""

    to_code: list[Article] = field(default_factory=list)
    inputs: list[InputRecord] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)
    n_read: int = 0
    n_unchanged: int = 0
    n_duplicates: int = 0

    @property
    def n_new(self) -> int:
        """Items that were new or changed."""
        return self.n_read - self.n_unchanged


def plan_refresh(
    results: Iterable[IngestResult],
    known_articles: Mapping[str, tuple[str, str]],
    known_inputs: Mapping[str, str] | None = None,
    on_to_code: Callable[[int], None] | None = None,
) -> RefreshPlan:
    """Split ingest results into articles to code, duplicates and quarantine; list vanished inputs.

    `known_articles` maps an article_id already in the warehouse to (coder_version, raw_path).
    An article whose normalised text the warehouse (or this run) already has is recorded as a
    duplicate of it and not coded again. `known_inputs` (raw_path -> hash) are the inputs the
    warehouse has seen; those not found this time are listed in `missing`. `on_to_code` is
    called with the number of articles to code each time one is added (a refresh starts its
    coder processes while reading goes on).
    """
    plan = RefreshPlan()
    in_run: dict[str, str] = {}
    unchanged_feeds: list[str] = []
    for result in results:
        if result.raw_path in plan.seen:
            result = same_path(result.raw_path)
        plan.seen.add(result.raw_path)
        if isinstance(result, Container):
            plan.inputs.append(InputRecord(result.raw_path, result.content_sha256, None, "container"))
            continue
        if isinstance(result, Unchanged) and result.raw_path.endswith(".jsonl"):
            unchanged_feeds.append(result.raw_path + "#")
            continue
        plan.n_read += 1
        if isinstance(result, Unchanged):
            plan.n_unchanged += 1
        elif isinstance(result, Quarantined):
            plan.quarantined.append(result)
            if result.content_sha256:
                plan.inputs.append(InputRecord(result.raw_path, result.content_sha256, None, "quarantined"))
        else:
            add_article(plan, result, in_run, known_articles)
            if on_to_code is not None:
                on_to_code(len(plan.to_code))
    feeds = tuple(unchanged_feeds)
    if feeds:
        items = sum(1 for p in (known_inputs or {}) if p.startswith(feeds))
        plan.n_read += items
        plan.n_unchanged += items
    plan.missing = missing_inputs(known_inputs or {}, plan.seen, feeds)
    return plan


def counting_articles(
    results: Iterable[IngestResult], on_article: Callable[[Article, int], None] | None
) -> Iterator[IngestResult]:
    """The results unchanged, calling on_article with each article and the number of articles so far."""
    n = 0
    for result in results:
        if on_article is not None and isinstance(result, Article):
            n += 1
            on_article(result, n)
        yield result


def same_path(raw_path: str) -> Quarantined:
    """A second input under a raw_path already used in the run: quarantined (raw_inputs has one row each)."""
    reason = (
        f"another input of this run is already recorded as {raw_path!r} (a feed item id such as "
        "'line2', or a file name with '#'); this one is not read: rename it or change its id"
    )
    return Quarantined(raw_path, "read", reason)


def missing_inputs(known: Mapping[str, str], seen: set[str], unchanged_feeds: tuple[str, ...]) -> list[str]:
    """Inputs the warehouse has seen that were not found (items of unchanged feeds count as found)."""
    return sorted(
        p for p in known if p not in seen and not (unchanged_feeds and p.startswith(unchanged_feeds))
    )


def add_article(
    plan: RefreshPlan, article: Article, in_run: dict[str, str], known: Mapping[str, tuple[str, str]]
) -> None:
    """Code an article unless its text is already coded (from another raw path)."""
    aid = article.article_id
    first_path = in_run.get(aid) or (known[aid][1] if aid in known else None)
    if first_path is not None and first_path != article.raw_path:
        plan.n_duplicates += 1
        plan.inputs.append(InputRecord(article.raw_path, article.content_sha256, aid, "duplicate"))
        return
    in_run[aid] = article.raw_path
    plan.to_code.append(article)
    plan.inputs.append(InputRecord(article.raw_path, article.content_sha256, aid, "coded"))


def chunks(items: Sequence[T], size: int, workers: int = 1) -> Iterator[list[T]]:
    """Chunks of at most `size` items that shrink towards the end, so `workers` finish together.

    With more than one worker, each chunk holds at most a 1/(2 x workers) share of what is left
    (and at least a quarter of `size`), so the last chunks are small and no worker codes a full
    chunk while the others idle.
    """
    floor = max(1, size // 4)
    start = 0
    while start < len(items):
        share = -(-(len(items) - start) // (2 * workers)) if workers > 1 else size
        step = min(size, max(floor, share))
        yield list(items[start : start + step])
        start += step
