"""Views of the document being coded, built once per document.

spaCy builds new Token objects on every iteration of a span and joins every token's text on every
`Span.text`; the rules read the same sentences many times over, so their tokens, text and words are
kept here for the document being coded (one per thread). `label_line` tells a sentence that is a
section label by its shape.
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


LABEL_WORDS = 4  # a line of at most this many words, no closing stop, below the title is a label


def label_line(sent: Span) -> bool:
    """A short line with no closing stop (the caller skips the title): a section label or kicker ("Iran
    protests", "World news"), which names a topic and reports nothing."""
    tokens = sent_tokens(sent)
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    last = next((t for t in reversed(tokens) if not t.is_space), None)
    if len(words) > LABEL_WORDS or last is None or last.text in (".", "!", "?"):
        return False
    doc = sent.doc
    alone_before = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    alone_after = sent.end >= len(doc) or "\n" in doc[sent.end - 1].text_with_ws or doc[sent.end].is_space
    return alone_before and alone_after
