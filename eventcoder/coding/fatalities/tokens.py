"""A light tokenisation for the fatalities rules: masking, sentences and clauses, tokens, cue matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from eventcoder.coding.fatalities.cues import (
    ABBREVIATIONS,
    CONTRAST,
    DEATH_WORD_RE,
    IRREGULAR_SINGULAR,
    OFFSET_MARKS,
    OFFSET_UNITS,
    PERSON,
    QUOTES,
    RELATIVE_RE,
    Index,
)

_TOKEN_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:[-–—/][\w.]+)*|[^\W\d_]\w*(?:['’-]\w+)*|\S")
_PAREN_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SENT_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*\n")


class Tok(NamedTuple):
    """A token of the masked text with its char offsets."""

    text: str
    low: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """Tokens of one sentence, its bounds and clause boundaries."""

    text: str
    toks: list[Tok]
    lo: int
    hi: int
    index: int
    clause_starts: list[int] = field(default_factory=list)


def singular(word: str) -> str:
    """A crude singular of an English noun ("policemen" -> "policeman", "militants" -> "militant")."""
    if word in IRREGULAR_SINGULAR:
        return IRREGULAR_SINGULAR[word]
    if len(word) > 4 and word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_person(word: str) -> bool:
    """Whether a head noun names people."""
    return word in PERSON or singular(word) in PERSON


def matches(toks: list[Tok], i: int, seq: tuple[str, ...], hi: int) -> bool:
    """Whether the tokens at i spell seq (before hi)."""
    return i + len(seq) <= hi and all(toks[i + k].low == w for k, w in enumerate(seq))


def match_any(toks: list[Tok], i: int, index: Index, hi: int) -> tuple[str, ...] | None:
    """The longest of the indexed cues spelled at i, if any."""
    if i >= hi:
        return None
    for seq in index.get(toks[i].low, ()):
        if matches(toks, i, seq, hi):
            return seq
    return None


def mask(text: str) -> str:
    """Blank out parentheses, brackets and relative clauses without death words (offsets are kept)."""
    masked = text.replace("\u2013", "-").replace("\u2014", "-")
    for _ in range(2):
        masked = _PAREN_RE.sub(lambda m: " " * len(m.group()), masked)
    return RELATIVE_RE.sub(
        lambda m: m.group() if DEATH_WORD_RE.search(m.group()) else " " * len(m.group()), masked
    )


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Char spans of sentences (a period ends one unless it follows an abbreviation or an initial)."""
    spans, start = [], 0
    for m in _SENT_END_RE.finditer(text):
        if not m.group().startswith("\n"):
            prev = re.search(r"([\w.]+)$", text[start : m.start()])
            word = prev.group(1) if prev else ""
            if word.lower().rstrip(".") in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            nxt = text[m.end() : m.end() + 1]
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(["):
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentences(text: str, masked: str) -> list[Sentence]:
    """Tokenise the masked text and cut it into sentences and clauses."""
    toks = [
        Tok(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end())
        for m in _TOKEN_RE.finditer(masked)
        if m.group() not in QUOTES
    ]
    out: list[Sentence] = []
    t = 0
    for n, (_, e) in enumerate(_sentence_bounds(masked)):
        lo = t
        while t < len(toks) and toks[t].start < e:
            t += 1
        sent = Sentence(text, toks, lo, t, n)
        sent.clause_starts = [
            k
            for k in range(lo + 1, t)
            if toks[k].low in CONTRAST or toks[k - 1].low == ";" or offset_clause(toks, k, t)
        ]
        out.append(sent)
    return out


def offset_clause(toks: list[Tok], k: int, hi: int) -> bool:
    """Token k opens a clause set days apart after a comma (", two days after militants attacked X",
    ", days after ...")."""
    if k + 1 < hi and toks[k - 1].low == "," and toks[k].low == "days" and toks[k + 1].low in OFFSET_MARKS:
        return True
    return (
        k + 2 < hi
        and toks[k - 1].low == ","
        and toks[k + 1].low in OFFSET_UNITS
        and toks[k + 2].low in OFFSET_MARKS
    )


def clause_of(sent: Sentence, k: int) -> int:
    """Index of the clause (split at contrast words and semicolons) holding token k."""
    return sum(1 for s in sent.clause_starts if s <= k)
