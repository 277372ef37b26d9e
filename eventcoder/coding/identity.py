"""Identity of articles and mentions: the hashes that make ids stable (part of the coder's version)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def short_hash(*parts: object) -> str:
    """First 16 hex digits of the sha256 of the parts joined by a unit separator."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def normalise_for_identity(text: str) -> str:
    """Text as used for article identity: NFKC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
