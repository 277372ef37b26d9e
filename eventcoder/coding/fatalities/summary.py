"""A note's own statement of its dead, as ACLED closes its notes: "2 fatalities.", "Unknown fatalities
coded as 10 and spread across two locations." (-> 5), "Reports on fatalities range from 2 to 4." (-> 2).

Such a statement is the data set's count for the event and wins over figures read from the narrative.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventcoder.coding.fatalities.cues import (
    SUMMARY_ADD_RES,
    SUMMARY_COUNT_RES,
    SUMMARY_SPLIT_RES,
    TENS,
    UNITS,
)

SENTENCE_BREAK = re.compile(r"(?<=[A-Za-z)\]][.!?])\s*|\s*\[")


def _number(word: str) -> int:
    """Value of digits or a number word."""
    low = word.lower()
    return int(low) if low.isdigit() else UNITS.get(low, TENS.get(low, 0))


def sentence_summary(sentence: str) -> int | None:
    """The count one sentence states for the event, or None when it states none."""
    count = next((m for rx in SUMMARY_COUNT_RES if (m := rx.search(sentence))), None)
    if count is None:
        return None
    total = _number(count.group("n"))
    total += sum(_number(m.group("n")) for rx in SUMMARY_ADD_RES for m in rx.finditer(sentence))
    split = next((m for rx in SUMMARY_SPLIT_RES if (m := rx.search(sentence))), None)
    if split is not None and _number(split.group("k")) > 0:
        total //= _number(split.group("k"))
    return total


@lru_cache(maxsize=64)  # asked once per event of a text
def note_summary(text: str) -> int | None:
    """The dead a text states for its event in a summary sentence (the last one wins), else None."""
    found = [n for s in SENTENCE_BREAK.split(text or "") if (n := sentence_summary(s)) is not None]
    return found[-1] if found else None
