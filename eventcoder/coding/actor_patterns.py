"""spaCy matcher patterns of the dictionary's aliases: token dicts and, where possible, plain phrases."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

DASHES = ("-", "–", "—", "‑")
APOSTROPHES = ("'", "’", "‘")

MAX_PHRASE_VARIANTS = 64


def as_phrases(pattern: list[dict], tokenizer: Tokenizer) -> list[str] | None:
    """The pattern as the lower-case phrases it matches, for the ruler's PhraseMatcher (many times
    faster than token patterns); None when it reads case (an acronym) or has too many variants."""
    choices: list[list[str | None]] = []
    for p in pattern:
        value = p.get("LOWER", p.get("ORTH") if p.get("OP") == "?" else None)
        options = value.get("IN") if isinstance(value, dict) else [value]
        if not options or not all(isinstance(o, str) for o in options) or set(p) - {"LOWER", "ORTH", "OP"}:
            return None
        choices.append([*options, None] if p.get("OP") == "?" else list(options))
    phrases: list[list[str]] = [[]]
    for options in choices:
        phrases = [[*words, o] if o is not None else words for words in phrases for o in options]
        if len(phrases) > MAX_PHRASE_VARIANTS:
            return None
    out = [" ".join(words) for words in phrases if words]
    if not all([t.lower_ for t in tokenizer(text)] == text.split(" ") for text in out):
        return None
    return list(dict.fromkeys(out))


def token_pattern(tokens: list[str], cased: bool) -> list[dict]:
    """Matcher token dicts for an alias's spaCy tokens."""
    pattern: list[dict] = []
    for tok in tokens:
        if tok in DASHES:
            pattern.append({"ORTH": {"IN": list(DASHES)}, "OP": "?"})
        elif all(c in APOSTROPHES for c in tok):
            pattern.append({"ORTH": {"IN": list(APOSTROPHES)}, "OP": "?"})
        elif tok.lower() in {a + "s" for a in APOSTROPHES}:
            pattern.append({"LOWER": {"IN": [a + "s" for a in APOSTROPHES]}, "OP": "?"})
        elif any(a in tok for a in APOSTROPHES):
            plain = tok.lower()
            for a in APOSTROPHES:
                plain = plain.replace(a, "'")
            variants = [plain.replace("'", a) for a in APOSTROPHES] + [plain.replace("'", "")]
            pattern.append({"LOWER": {"IN": list(dict.fromkeys(variants))}})
        elif cased:
            pattern.append({"ORTH": tok})
        else:
            pattern.append({"LOWER": tok.lower()})
    return pattern
