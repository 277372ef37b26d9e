"""Decide what a refresh must do with what ingest found: code, skip, or record as duplicate."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from eventcoder.ingest import Container, IngestResult, Unchanged
from eventcoder.records import Article, InputRecord, Quarantined


@dataclass
class RefreshPlan:
    """Articles to code and the raw_inputs/quarantine rows that the run will write."""

    to_code: list[Article] = field(default_factory=list)
    inputs: list[InputRecord] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    n_read: int = 0
    n_unchanged: int = 0
    n_duplicates: int = 0

    @property
    def n_new(self) -> int:
        """Items that were new or changed."""
        return self.n_read - self.n_unchanged


def plan_refresh(
    results: Iterable[IngestResult], known_articles: Mapping[str, tuple[str, str]]
) -> RefreshPlan:
    """Split ingest results into articles to code, duplicates and quarantine.

    `known_articles` maps an article_id already in the warehouse to (coder_version, raw_path).
    An article whose normalised text the warehouse (or this run) already has is recorded as a
    duplicate of it and not coded again.
    """
    plan = RefreshPlan()
    in_run: dict[str, str] = {}
    for result in results:
        if isinstance(result, Container):
            plan.seen.add(result.raw_path)
            plan.inputs.append(InputRecord(result.raw_path, result.content_sha256, None, "container"))
            continue
        plan.seen.add(result.raw_path)
        plan.n_read += 1
        if isinstance(result, Unchanged):
            plan.n_unchanged += 1
        elif isinstance(result, Quarantined):
            plan.quarantined.append(result)
            if result.content_sha256:
                plan.inputs.append(InputRecord(result.raw_path, result.content_sha256, None, "quarantined"))
        else:
            add_article(plan, result, in_run, known_articles)
    return plan


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
