"""Build a varied benchmark corpus of N articles from the sample articles (and, when present, the
ACLED notes feed of ../shared/eval, used only on the benchmarking machine, never committed).

Each article is a different combination of paragraphs: a headline and date, then 2-4 paragraphs
drawn without replacement from the pool (sample-article paragraphs and ACLED notes), so no text
repeats and every article is distinct. A fixed seed makes the corpus the same on every run.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
ACLED_FEED = PROJECT.parent / "shared" / "eval" / "acled" / "feed" / "acled_notes.jsonl"


def paragraph_pool() -> list[str]:
    """Paragraphs of the sample articles plus the ACLED notes when available."""
    from eventcoder.ingest.cleaning import clean_text

    pool: list[str] = []
    for path in sorted((PROJECT / "raw").glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        pool += [p for p in text.split("\n\n") if len(p.split()) >= 12]
    if ACLED_FEED.exists():
        for line in ACLED_FEED.read_text(encoding="utf-8").splitlines():
            pool.append(json.loads(line)["text"])
    return pool


def build_corpus(n: int, out: Path, seed: int = 7) -> dict[str, int]:
    """Write n distinct articles as .txt files under out; return counts of articles and words."""
    rng = random.Random(seed)
    pool = paragraph_pool()
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    start = dt.date(2024, 1, 1)
    for i in range(n):
        paragraphs = rng.sample(pool, k=rng.randint(2, 4))
        day = start + dt.timedelta(days=i % 365)
        headline = " ".join(paragraphs[0].split()[:8]).rstrip(".,;:")
        text = f"{headline}\n\n{day:%B %d, %Y}\n\n" + "\n\n".join(paragraphs) + f"\n\n(Article {i})\n"
        (out / f"article_{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return {"articles": n, "words": words, "pool_paragraphs": len(pool)}
