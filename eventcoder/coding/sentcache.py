"""Views of the document being coded, built once per document.

spaCy builds new Token objects on every iteration of a span and joins every token's text on every
`Span.text`; the rules read the same sentences many times over, so their tokens, text and words are
kept here for the document being coded (one per thread).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

_current = threading.local()  # per thread: (the doc being coded, its memo)


def doc_memo(doc: Doc) -> dict[Any, Any]:
    """A dict that lives while `doc` is the document being coded on this thread."""
    entry = getattr(_current, "entry", None)
    if entry is None or entry[0] is not doc:
        entry = _current.entry = (doc, {})
    return entry[1]


def remembered(doc: Doc, key: Hashable, compute: Callable[[], T]) -> T:
    """What `compute()` gives, computed once per document under `key` (for pure functions of the parse)."""
    memo = doc_memo(doc)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def sent_tokens(sent: Span) -> tuple[Token, ...]:
    """The tokens of a sentence (or any span), built once per document."""
    memo = doc_memo(sent.doc)
    key = ("tokens", sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(sent)
    return found


def doc_spans(doc: Doc, key: str) -> tuple[Span, ...]:
    """`doc.spans[key]`, built once per document."""
    memo = doc_memo(doc)
    found = memo.get(("spans", key))
    if found is None:
        found = memo[("spans", key)] = tuple(doc.spans[key])
    return found


def sent_text(sent: Span) -> str:
    """`sent.text`, joined once per document."""
    memo = doc_memo(sent.doc)
    key = ("text", sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = sent.text
    return found


WORDS_RE = re.compile(r"[a-z]+")  # the words of a lower-cased text


def sent_words(sent: Span) -> tuple[str, ...]:
    """A sentence's words, lower case, letters only (read once per document)."""
    return remembered(
        sent.doc,
        ("sent_words", sent.start, sent.end),
        lambda: tuple(WORDS_RE.findall(sent_text(sent).lower())),
    )


def has_word(doc: Doc, word: str) -> bool:
    """A token of the document is `word` in lower case (`Token.lower_`): rules a search out at once."""
    memo = doc_memo(doc)
    found = memo.get("lower_ids")
    if found is None:
        found = memo["lower_ids"] = frozenset(doc.to_array(LOWER).tolist())
    return hash_string(word) in found
