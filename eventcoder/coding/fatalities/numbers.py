"""Numbers and quantities: digits, number words, ranges, vague amounts and their modifiers ("at least 5")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventcoder.coding.fatalities.cues import (
    MODIFIER_KIND,
    MODIFIERS,
    MONTHS,
    NO_NUMBER,
    NUMBER_WORDS,
    QTY_BLOCKERS,
    QTY_UNITS,
    SCALES,
    TENS,
    UNITS,
    VAGUE,
    VAGUE_SEQS,
)
from eventcoder.coding.fatalities.tokens import Tok, is_person, match_any, matches

_INT_RE = re.compile(r"\d{1,7}(?:,\d{3})*")
_RANGE_RE = re.compile(r"(\d{1,7})[-–](\d{1,7})")


@dataclass(frozen=True, slots=True)
class Qty:
    """A parsed quantity: its value (None for "many"), its kind and the token index after it."""

    value: int | None
    kind: str
    end: int


def _word_number(toks: list[Tok], i: int, hi: int) -> tuple[int, int] | None:
    """A spelled-out cardinal at i ("twenty-one", "one hundred and five", "two dozen") -> (value, next)."""
    total = current = 0
    j = i
    seen = False
    while j < hi:
        parts = toks[j].low.split("-")
        if all(p in UNITS or p in TENS for p in parts) and parts[0]:
            current += sum(UNITS.get(p, 0) + TENS.get(p, 0) for p in parts)
        elif seen and toks[j].low in SCALES:
            scale = SCALES[toks[j].low]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        elif seen and toks[j].low == "dozen":
            current = max(current, 1) * 12
        elif seen and toks[j].low == "and" and j + 1 < hi and toks[j + 1].low.split("-")[0] in NUMBER_WORDS:
            if j - 1 >= i and toks[j - 1].low in SCALES:
                j += 1
                continue
            break
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else None


def core_number(toks: list[Tok], i: int, hi: int) -> tuple[int, int, str] | None:
    """A bare number at i (digits, a digit range, words, "a dozen", "hundreds") -> (value, next, kind)."""
    if i >= hi:
        return None
    low = toks[i].low
    if low[0].isdigit():
        if _INT_RE.fullmatch(low):
            value = int(low.replace(",", ""))
            nxt = toks[i + 1].low if i + 1 < hi else ""
            if len(low) == 4 and 1800 <= value <= 2100 and not is_person(nxt):
                return None
            return value, i + 1, "exact"
        m = _RANGE_RE.fullmatch(low)
        if m:
            return min(int(m.group(1)), int(m.group(2))), i + 1, "lower"
        return None
    if low in ("a", "an") and i + 1 < hi and toks[i + 1].low in SCALES:
        return SCALES[toks[i + 1].low], i + 2, "exact"
    words = _word_number(toks, i, hi)
    if words:
        return words[0], words[1], "exact"
    seq = match_any(toks, i, VAGUE_SEQS, hi)
    if seq:
        value, j = VAGUE[seq], i + len(seq)
        if j < hi and toks[j].low == "dozen":
            value, j = value * 12, j + 1
        return value, j, "vague"
    return None


def _number_ok(toks: list[Tok], i: int, j: int, lo: int, hi: int) -> bool:
    """Whether the number spanning tokens i..j counts things (not a date, age, time, unit or label)."""
    if i > lo and (toks[i - 1].low in QTY_BLOCKERS or toks[i - 1].low in MONTHS):
        return False
    if j < hi:
        nxt = toks[j].low
        if nxt in QTY_UNITS or nxt in MONTHS or nxt.startswith(("year-old", "-year")):
            return False
        if nxt in (":", "/", ".") and j + 1 < hi and toks[j + 1].low[:1].isdigit():
            return False
    return True


def parse_qty(toks: list[Tok], i: int, lo: int, hi: int) -> Qty | None:
    """A quantity at token i: optional modifier, then a number or range, or a no-number quantifier."""
    if i >= hi:
        return None
    if toks[i].low == "between":
        first = core_number(toks, i + 1, hi)
        if first and first[1] < hi and toks[first[1]].low in ("and", "to", "-"):
            second = core_number(toks, first[1] + 1, hi)
            if second and _number_ok(toks, i, second[1], lo, hi):
                return Qty(min(first[0], second[0]), "lower", second[1])
    kind, j = "exact", i
    for seq in MODIFIERS.get(toks[i].low, ()):
        if matches(toks, i, seq, hi) and core_number(toks, i + len(seq), hi):
            kind, j = MODIFIER_KIND[seq], i + len(seq)
            break
    core = core_number(toks, j, hi)
    if core is None:
        seq = match_any(toks, i, NO_NUMBER, hi)
        if seq:
            end = i + len(seq)
            return Qty(None, "none", end + 1 if end < hi and toks[end].low == "of" else end)
        return None
    value, end, ckind = core
    if end + 1 < hi and toks[end].low in ("to", "or", "-", "–"):
        second = core_number(toks, end + 1, hi)
        if second and second[0] >= value:
            end, ckind = second[1], "lower"
    if not _number_ok(toks, j, end, lo, hi):
        return None
    if kind == "below":
        value = max(value - 1, 0)
    return Qty(value, kind if kind != "exact" else ckind, end)


def in_number_phrase(toks: list[Tok], k: int, hi: int) -> bool:
    """Whether token k belongs to a quantity phrase ("at least 5", "up to 7", "4 or 5", "between 2 and 3")."""
    for s in range(max(k - 3, 0), k + 1):
        qty = parse_qty(toks, s, 0, hi)
        if qty and qty.end > k:
            return True
    return False


def starts_number(toks: list[Tok], p: int, hi: int) -> bool:
    """Whether a number (not "a"/"one" inside a name) begins at p, starting a new list member."""
    low = toks[p].low
    return (low[0].isdigit() or low in UNITS or low in TENS) and core_number(toks, p, hi) is not None
