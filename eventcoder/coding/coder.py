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
from pathlib import Path

from spacy.language import Language

from eventcoder import __version__
from eventcoder.coding.actors import ActorDictionary
from eventcoder.coding.candidates import CoderResources
from eventcoder.coding.cues import load_cues
from eventcoder.coding.document import code_doc
from eventcoder.coding.nlp import build_pipeline, load_triggers
from eventcoder.config import CODING_DIR
from eventcoder.ingest.cleaning import furniture_version
from eventcoder.records import Article, Mention, Quarantined


def coding_files() -> list[Path]:
    """Every file under the coding folder (code and data), in a stable order: what decides the coding."""
    return sorted(
        p
        for p in CODING_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", ".pyo"}
    )


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
    """Version of each lexicon (its header version) and a hash of every file that decides the coding."""
    versions = {
        "triggers": load_triggers()[0],
        "cues": load_cues().version,
        "actors": ActorDictionary.load().version,
        "furniture": furniture_version(),
    }
    digest = hashlib.sha256()
    for path in coding_files():
        digest.update(path.relative_to(CODING_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    versions["data_sha256"] = digest.hexdigest()[:12]
    return versions


@cache
def coder_version() -> str:
    """Coder version: the package version plus a hash of the rules and data files (any change to how
    articles are coded gives a new version, so `refresh --recode` knows what to recode)."""
    return f"{__version__}+{data_versions()['data_sha256']}"


@cache
def load_coder(model: str) -> tuple[Language, CoderResources]:
    """The spaCy pipeline and dictionaries of this process (loaded on first use)."""
    actors = ActorDictionary.load()
    nlp = build_pipeline(model, actors.entity_ruler_patterns(), actors.acronyms(), actors.country_labels())
    return nlp, CoderResources(actors=actors, cues=load_cues())


CODED_LANGUAGES = frozenset({"en"})  # the rules and the model read English; None: too short to tell


def codable(article: Article) -> bool:
    """An article in a language the coder reads (or too short for its language to be told)."""
    return article.language is None or article.language in CODED_LANGUAGES


def code_articles(articles: Sequence[Article], model: str, batch_size: int = 32) -> ChunkResult:
    """Code a chunk of articles; an article whose coding fails is quarantined, the others are kept.

    An article in another language is kept with no mentions (its language is recorded and counted
    in the run summary and `coding_quality`): English rules read on it would only invent events.
    """
    nlp, res = load_coder(model)
    coded: list[CodedArticle] = [CodedArticle(a, []) for a in articles if not codable(a)]
    failed: list[Quarantined] = []
    readable = [a for a in articles if codable(a)]
    docs = nlp.pipe((a.text for a in readable), batch_size=batch_size)
    for article, doc in zip(readable, docs, strict=True):
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
