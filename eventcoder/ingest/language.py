"""The language of an article (ISO 639-1), with py3langid: langid.py's naive Bayes model over byte
n-grams, shipped in the wheel (4.6 MB), offline, about 0.2 ms for a short text.

Only two-letter (ISO 639-1) labels of the model are kept. Names mislead a byte n-gram model on short
texts ("On 8 May 2020, Imbonerakure tortured a CNL member in Ruramba (Kayokwe, Mwaro)." reads as
Shona), so the model reads the text without its capitalised words when enough letters remain. A text
is declared non-English only when the model is fairly sure (probability at least MIN_CONFIDENCE); an
unsure guess counts as English when English is among the model's three best guesses (this pipeline
reads English news). Too little to judge (under MIN_LETTERS letters) gives None. Plain English prose
(ENGLISH_SHARE of its words function words only English has) is English without the model: most
articles, at a tenth of its cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from eventcoder.config import INGEST_DATA_DIR

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

    from eventcoder.records import Article

ENGLISH = "en"
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 4_000  # the start of the article decides: enough for any language, fast on long texts
MIN_LETTERS = 10  # fewer letters (a single name) are too little to judge: None
MIN_LOWERCASE_LETTERS = 12  # fewer left without the capitalised words: read the whole sample
_CAPITALISED = re.compile(r"\b[^\W\d_a-z]\w*")  # names, acronyms, sentence starts (any script with case)
_WITH_DIGIT = re.compile(r"\S*\d\S*")  # numbers, codes, "item 12", "word0": no language in them
MIN_PROSE_WORDS = 4  # a line with fewer words (a menu item, a list number) says little of the language
ENGLISH_SHARE = 0.08  # this share of English function words in the sample: English, no model asked
MIN_SHARE_WORDS = 20  # ... among at least so many words
_WORD = re.compile(r"[^\W\d_]+")


@cache
def identifier() -> LanguageIdentifier:
    """py3langid's model with normalised probabilities, restricted to ISO 639-1 languages (loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([code for code in ident.labels if len(code) == 2])
    return ident


def prose_sample(text: str) -> str:
    """Up to SAMPLE_CHARS of the article's prose: its lines of several words, without tokens that
    hold digits (lists, codes and numbered junk do not sway the model), in reading order."""
    kept: list[str] = []
    size = 0
    for line in text.splitlines():
        words = _WITH_DIGIT.sub(" ", line).split()
        if len(words) >= MIN_PROSE_WORDS:
            kept.append(" ".join(words))
            size += len(kept[-1]) + 1
            if size >= SAMPLE_CHARS:
                break
    return "\n".join(kept)[:SAMPLE_CHARS] if kept else _WITH_DIGIT.sub(" ", text[:SAMPLE_CHARS])


def has_letters(text: str, at_least: int) -> bool:
    """The text holds at least so many letters (read only as far as needed)."""
    count = 0
    for char in text:
        if char.isalpha():
            count += 1
            if count >= at_least:
                return True
    return False


@cache
def english_function_words() -> frozenset[str]:
    """Function words only English uses (data/english_function_words.txt)."""
    text = (INGEST_DATA_DIR / "english_function_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def plainly_english(sample: str) -> bool:
    """At least ENGLISH_SHARE of the sample's words (MIN_SHARE_WORDS or more) are English function words:
    English prose ("the", "of", "and" alone are about a tenth of it); other languages have none of them."""
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_SHARE_WORDS:
        return False
    known = english_function_words()
    return sum(w in known for w in words) >= ENGLISH_SHARE * len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when it has too little to judge."""
    sample = prose_sample(text)
    if not has_letters(sample, MIN_LETTERS):
        return None
    if plainly_english(sample):
        return ENGLISH
    lowercase = _CAPITALISED.sub(" ", sample)
    if has_letters(lowercase, MIN_LOWERCASE_LETTERS):
        sample = lowercase
    ranked = identifier().rank(sample)
    best, probability = ranked[0]
    if best == ENGLISH or probability >= MIN_CONFIDENCE:
        return best
    return ENGLISH if ENGLISH in (code for code, _ in ranked[:3]) else best


@dataclass(frozen=True)
class ArticleCounts:
    """How many of a run's articles have no publication date and how many are not in English."""

    articles: int
    undated: int
    non_english: int


def count_undated_and_non_english(articles: Iterable[Article]) -> ArticleCounts:
    """Articles, undated articles (published_at null) and non-English ones (a language other than en)."""
    total = undated = non_english = 0
    for article in articles:
        total += 1
        undated += article.published_at is None
        non_english += article.language is not None and article.language != ENGLISH
    return ArticleCounts(total, undated, non_english)
