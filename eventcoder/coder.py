"""The coder: articles in, validated-ready mention records out; one instance per process.

`code_articles` is what a coding task calls. The spaCy pipeline and dictionaries load once
per process (the first call) and are reused by every later chunk in that process, whether
the process is the flow's own, a worker of the process pool or a Dask worker.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language

from eventcoder import __version__
from eventcoder.actors import ActorDictionary
from eventcoder.cleaning import furniture_version
from eventcoder.coding import CoderResources, code_doc
from eventcoder.config import DATA_DIR
from eventcoder.nlp import build_pipeline, load_triggers
from eventcoder.records import Article, Mention, Quarantined
from eventcoder.rules import load_cues

DATA_FILES = ("triggers.jsonl", "cues.json", "actors.jsonl", "demonyms.csv", "crosswalk.csv", "furniture.tsv")


@dataclass(frozen=True)
class CodedArticle:
    """One article and the mentions coded from it."""

    article: Article
    mentions: list[Mention]


@dataclass(frozen=True)
class ChunkResult:
    """What a coding task returns: coded articles and what failed."""

    coded: list[CodedArticle]
    quarantined: list[Quarantined]


@cache
def data_versions() -> dict[str, str]:
    """Version of each data file (its header version, or a content hash)."""
    versions = {
        "triggers": load_triggers()[0],
        "cues": load_cues().version,
        "actors": ActorDictionary.load().version,
        "furniture": furniture_version(),
    }
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update((DATA_DIR / name).read_bytes())
    versions["data_sha256"] = digest.hexdigest()[:12]
    return versions


@cache
def coder_version() -> str:
    """Coder version: the package version plus a hash of the data files it reads."""
    return f"{__version__}+{data_versions()['data_sha256']}"


@cache
def load_coder(model: str) -> tuple[Language, CoderResources]:
    """The spaCy pipeline and dictionaries of this process (loaded on first use)."""
    actors = ActorDictionary.load()
    nlp = build_pipeline(model, actors.entity_ruler_patterns())
    return nlp, CoderResources(actors=actors, cues=load_cues())


def code_articles(articles: Sequence[Article], model: str, batch_size: int = 32) -> ChunkResult:
    """Code a chunk of articles; an article whose coding fails is quarantined, the others are kept."""
    nlp, res = load_coder(model)
    coded: list[CodedArticle] = []
    failed: list[Quarantined] = []
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        try:
            coded.append(CodedArticle(article, code_doc(doc, article, res)))
        except Exception as exc:  # a bug on one article must not lose the chunk
            failed.append(
                Quarantined(
                    article.raw_path,
                    "code",
                    f"the coder failed on this article: {type(exc).__name__}: {exc}",
                    json.dumps({"article_id": article.article_id}),
                )
            )
    return ChunkResult(coded, failed)
