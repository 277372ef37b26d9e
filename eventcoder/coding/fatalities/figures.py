"""Fatalities by ACLED's rules: find every statement of a number of dead in a text and total them.

Rule based (precompiled regexes over a light tokenisation; no spaCy). The cue and number words are data, in
``data/fatality_cues.json``. A figure is found from a death cue: the people before a passive or intransitive
cue ("4 militants were killed", "2 of the injured later died", "12 dead"), the people after an active cue
("killing 5 people", "the killing of 3 militants and 1-2 policemen", "shot dead a man") or the number after
a toll ("the death toll rose to 20"). Lists are split into groups ("3 policemen, 2 militia members and 1
soldier" -> 3 figures); breakdowns ("5 civilians (2 men, 3 women)", "3 militants including a commander",
"11 people, 4 of them children") are not counted twice, unless an "including" item is plainly another kind
of people (militants including 2 commanders and 4 soldiers -> the soldiers count). Without a number, a
singular person counts 1 ("a policeman", "the district chief and his bodyguard" -> 2); bare plurals
("soldiers were killed") give no number.

Choices (ACLED: "the most conservative estimate available"):

* "at least / more than / over N" -> N; "nearly / around / about / some N" -> N; ranges ("10-15",
  "10 to 15", "10 or 11", "between 10 and 15") -> the lower bound; "fewer / less than N" -> N - 1.
* "up to / as many as / at most N" -> N: it is only an upper bound, so when another report of the same
  dead is lower, the lower one wins by the conflicting-reports rule below.
* Vague amounts: "a dozen" / "dozens" -> 12, "tens" -> 10, "scores" -> 20 (one score), "hundreds" -> 100,
  "thousands" -> 1000, "several" / "a few" / "a handful" -> 3, "a couple" / "both" -> 2, "a" / "an" /
  "one" -> 1; "many", "some", "a number of", "numerous", "multiple", "unknown number" -> no number.
* Wounded / injured / hurt / missing / arrested are never deaths. "casualties" alone is not counted
  ("fatal casualties" is). "killed or wounded 10" and "were killed and injured" are not death counts.
  Negated or hypothetical killing ("were not killed", "tried to kill") is not a death.
* Explicit zero ("no one was killed", "no casualties", "no deaths") -> 0, only when no positive figure is
  stated; "no immediate reports of casualties" is not explicit and gives None. killed_figures lists such
  statements as figures of count 0.
* Attackers who die count when the text says so ("the attacker blew himself up" -> 1); a suicide
  bombing does not add an unstated bomber to the figure the text gives (GUIDELINES: the number stated).
* Summing: groups of dead in one clause are summed; "also / another / other / more / additional / a third"
  figures add to what came before. Groups are compared by head noun, synonyms merged (militants =
  fighters = insurgents, soldiers = troops, ...). A later clause about a group already counted is:
  a repeat when the number is the same; when attributed to a source or contrasted ("police said 4,
  residents said 7") or definite ("the five victims"), an alternative account -- the lower one is kept,
  unless it restates every group already counted with the same numbers and adds others (then it extends
  the count); otherwise another death of that group. A later figure for "people" in general is a
  breakdown when smaller and an update when larger. A death toll replaces what came before and the latest
  toll wins, except a toll from a source with no update verb ("media put the toll at 21"), which is an
  alternative account; a cumulative toll ("since January", "over the past two weeks", or "bringing the
  toll to" next to the event's own figure) is ignored.
* "he was killed" / "killing him" count only when nothing else in the text gives a number of dead.
* Numbers that are not counts of people are skipped: years, dates, ages ("a 25-year-old"), times, units,
  labels ("Section 144"), things ("2 bombs").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from eventcoder.config import DATA_DIR
from typing import NamedTuple

_CUES: dict = json.loads((DATA_DIR / "fatality_cues.json").read_text("utf-8"))


@dataclass(frozen=True)
class KilledFigure:
    """One statement of a number of dead: its count, where it is, who died, and whether it adds."""

    count: int  # lowest credible number for this group of dead
    start: int  # char offsets of the figure's phrase in the given text
    end: int
    group: str | None  # who died, as written ("militants", "policemen", "civilians"), if said
    also: bool  # the phrase adds to an earlier figure ("were also killed", "another 3 died")


def _set(key: str) -> frozenset[str]:
    """A cue list of the data file, as a set."""
    return frozenset(_CUES[key])


_Index = dict[str, tuple[tuple[str, ...], ...]]


def _seqs(words: list[str]) -> _Index:
    """Multi-word cues as token tuples, indexed by first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in {tuple(w.split()) for w in words}:
        index.setdefault(seq[0], []).append(seq)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


_UNITS: dict[str, int] = _CUES["number_units"]
_TENS: dict[str, int] = _CUES["number_tens"]
_SCALES: dict[str, int] = _CUES["number_scales"]
_VAGUE: dict[tuple[str, ...], int] = {
    tuple(k.split()): v for k, v in _CUES["vague_numbers"].items() if not k.startswith("_")
}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)
_VAGUE_SEQS = _seqs([" ".join(k) for k in _VAGUE])
_NO_NUMBER = _seqs(_CUES["no_number_quantifiers"])
_MODIFIERS = _seqs([m for ms in _CUES["modifiers"].values() for m in ms])
_MODIFIER_KIND: dict[tuple[str, ...], str] = {
    tuple(m.split()): kind for kind, ms in _CUES["modifiers"].items() for m in ms
}
_QTY_UNITS = _set("quantity_units")
_QTY_BLOCKERS = _set("quantity_blockers_before")
_MONTHS = _set("months")
_PARTICIPLES = _seqs(_CUES["death_participles"])
_ACTIVE_PRESENT = _seqs(_CUES["death_active_present"])
_INTRANSITIVE = _seqs(_CUES["death_intransitive"])
_TO_DEATH_VERBS = _set("to_death_verbs")
_DEATH_NOUNS = _seqs(_CUES["death_nouns"])
_NOUNS_OF = _set("death_nouns_of")
_ACTIVE_PHRASES = _seqs(_CUES["death_active_phrases"])
_TOLL_QUALIFIERS = _set("toll_qualifiers")
_UPDATE_VERBS = _set("update_verbs")
_INJURY = _set("injury_words")
_AMBIGUOUS_WITH = _set("ambiguous_with")
_NOT_MODIFIERS = _INJURY | _AMBIGUOUS_WITH | {w for ws in _CUES["death_participles"] for w in ws.split()}
_MODAL_BLOCKERS = _set("modal_blockers")
_ALSO = _set("also_words")
_REPORTING = _set("reporting_words")
_CONTRAST = _set("contrast_words")
_PERSON = _set("person_nouns")
_PLURAL_COLLECTIVE = _set("plural_collectives")
_NONPERSON = _set("nonperson_nouns")
_CATEGORY: dict[str, str] = {w: cat for cat, ws in _CUES["categories"].items() for w in ws}
_SYNONYM: dict[str, str] = {
    w: key for key, ws in _CUES["synonym_groups"].items() if not key.startswith("_") for w in ws
}
_ADJ_ED = _set("adjectives_ed")
_ADJ_ING = _set("adjectives_ing")
_IRREGULAR_VERBS = _set("irregular_verbs")
_PRON_SINGULAR = _set("pronouns_singular")
_PRON_PLURAL = _set("pronouns_plural")
_REFLEXIVE = _set("reflexive_singular")
_GENERIC = _set("generic_groups")
_ABBREVIATIONS = _set("abbreviations")

_ZERO_RES = tuple(re.compile(p, re.I) for p in _CUES["zero_patterns"])
_ZERO_BLOCK_RE = re.compile(r"\b(?:" + "|".join(_CUES["zero_blockers"]) + r")", re.I)
_BRINGING_RE = re.compile(r"\bbr(?:ing|ings|inging|ought)\b", re.I)
_CUMULATIVE_RE = re.compile(
    r"\b(?:since|this (?:year|month|week)|so far|to date|cumulative|altogether|"
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)|"
    r"in recent (?:days|weeks|months))\b",
    re.I,
)

_TOKEN_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:[-–—/][\w.]+)*|[^\W\d_]\w*(?:['’-]\w+)*|\S")
_INT_RE = re.compile(r"\d{1,7}(?:,\d{3})*")
_RANGE_RE = re.compile(r"(\d{1,7})[-–](\d{1,7})")
_PAREN_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_RELATIVE_RE = re.compile(r",\s*(?:who|which|whom|whose)\b[^,.;()]*,")
_DEATH_WORD_RE = re.compile(
    r"\b(?:kill|dead|death|died|die|slain|murder|execut|behead|lynch|martyr|fatal)", re.I
)
_SENT_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*\n")

_BE_AUX = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "get", "got", "gets", "getting", "'re"}
)
_HAVE_AUX = frozenset({"has", "have", "had", "having"})
_AUX = (
    _BE_AUX
    | _HAVE_AUX
    | frozenset({"will", "would", "could", "can", "may", "might", "should", "did", "do", "does"})
)
_AUX_LEFT = _AUX | frozenset({"also", "not", "never", "reportedly", "allegedly"})
_ADVERBS = frozenset(
    {"also", "reportedly", "later", "allegedly", "all", "both", "subsequently", "then", "eventually",
     "instantly", "immediately", "apparently", "initially", "mistakenly", "accidentally", "brutally",
     "been", "being", "not", "never", "each", "soon", "finally", "ultimately", "tragically",
     "reported", "confirmed", "believed", "thought", "feared", "said", "presumed", "likely", "probably",
     "to", "have", "had", "has", "since", "fatally", "either", "thereby", "too", "as", "well",
     "who", "that", "which", "were", "was", "is", "are", "on-the-spot", "there", "n't"}
)  # fmt: skip
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "from", "by", "with", "during", "near", "after", "before", "following", "since",
     "until", "till", "into", "onto", "inside", "outside", "across", "against", "through", "throughout",
     "toward", "towards", "amid", "amidst", "under", "behind", "beside", "besides", "within", "without",
     "via", "per", "upon", "over", "for", "to", "as", "like", "among", "amongst", "around", "about",
     "between", "than", "off", "out", "up", "down", "along", "beyond", "despite", "while", "when",
     "where", "whereas", "because", "if", "although", "though", "once", "unless", "that", "which", "who",
     "whom", "whose", "then", "but", "or", "so", "yet", "nor", "there", "here", "whether", "according",
     "reportedly", "allegedly", "later", "today", "yesterday", "tonight", "overnight"}
)  # fmt: skip
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»", "`"})
_STOP_PUNCT = frozenset({".", ";", ":", "!", "?", '"', "“", "”", "—", "(", ")", "[", "]", "|"})
_SEPARATORS: dict[str, tuple[tuple[tuple[str, ...], bool], ...]] = {
    "as": ((("as", "well", "as"), False),),
    "along": ((("along", "with"), False),),
    "together": ((("together", "with"), False),),
    "including": ((("including",), True),),
    "among": ((("among", "them"), True), (("among", "whom"), True)),
    "and": ((("and",), False),),
    ",": (((",",), False),),
    "&": ((("&",), False),),
    "plus": ((("plus",), False),),
}
_DETERMINERS = frozenset(
    {"the", "these", "those", "a", "an", "his", "her", "their", "its", "our", "this", "that", "each",
     "every", "all", "of", "at", "least"}
)  # fmt: skip
_DEFINITE = frozenset({"the", "these", "those"})
_ZERO_WORDS = frozenset({"no", "none", "nobody", "noone", "neither"})
_OF_PRONOUNS = frozenset({"them", "whom", "those", "these", "which", "us", "you"})
_OBJECT_STARTERS = frozenset(
    {"the", "these", "those", "a", "an", "his", "her", "their", "its", "our", "both", "all", "him", "them",
     "himself", "herself", "themselves", "everyone", "everybody", "another", "two", "one", "each", "some",
     "several", "dozens", "hundreds", "scores", "many", "no", "none", "other", "others", "also", "at"}
)  # fmt: skip
_IRREGULAR_SINGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "police": "police",
    "personnel": "personnel", "staff": "staff", "feet": "foot", "wives": "wife", "lives": "life",
    "thieves": "thief", "taliban": "taliban", "mujahideen": "mujahideen", "series": "series",
    "news": "news", "bus": "bus", "corps": "corps", "boss": "boss", "bosses": "boss",
}  # fmt: skip


class _Tok(NamedTuple):
    """A token of the masked text with its char offsets."""

    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Qty:
    """A parsed quantity: its value (None for "many"), its kind and the token index after it."""

    value: int | None
    kind: str
    end: int


@dataclass(slots=True)
class _Item:
    """One member of a list of people: how many, who, and how it relates to other figures."""

    count: int | None
    start: int
    end: int
    group_lo: int
    group_hi: int
    head: str | None
    valid: bool
    definite: bool = False
    also: bool = False
    anaphoric: bool = False
    quantified: bool = False
    subset: bool = False
    category: str | None = None
    lenient: bool = False  # an unknown noun taken for people only because of its determiner
    comma_before: bool = False  # joined to the previous member by a bare comma
    breakdown: bool = False  # "4 of them", "2 of whom": part of a figure just given


@dataclass(slots=True)
class _Fig:
    """A figure with what the totalling needs to know beyond the public KilledFigure."""

    count: int
    start: int
    end: int
    group: str | None
    key: str | None
    also: bool
    clause: tuple[int, int] = (0, 0)
    toll: bool = False
    update: bool = False  # a toll that "rose/climbed to" a new figure
    definite: bool = False
    anaphoric: bool = False
    sources: int = 0  # reporting verbs in the figure's clause ("said", "according to")


@dataclass(slots=True)
class _Account:
    """One account of dead in the event: a running number and the groups it covers."""

    value: int
    groups: dict[str | None, int] = field(default_factory=dict)


# --- tokens and numbers -------------------------------------------------------------------------------------


def _singular(word: str) -> str:
    """A crude singular of an English noun ("policemen" -> "policeman", "militants" -> "militant")."""
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if len(word) > 4 and word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _is_person(word: str) -> bool:
    """Whether a head noun names people."""
    return word in _PERSON or _singular(word) in _PERSON


def _match(toks: list[_Tok], i: int, seq: tuple[str, ...], hi: int) -> bool:
    """Whether the tokens at i spell seq (before hi)."""
    return i + len(seq) <= hi and all(toks[i + k].low == w for k, w in enumerate(seq))


def _match_any(toks: list[_Tok], i: int, seqs: _Index, hi: int) -> tuple[str, ...] | None:
    """The longest of the indexed cues spelled at i, if any."""
    if i >= hi:
        return None
    for seq in seqs.get(toks[i].low, ()):
        if _match(toks, i, seq, hi):
            return seq
    return None


def _word_number(toks: list[_Tok], i: int, hi: int) -> tuple[int, int] | None:
    """A spelled-out cardinal at i ("twenty-one", "one hundred and five", "two dozen") -> (value, next)."""
    total = current = 0
    j = i
    seen = False
    while j < hi:
        parts = toks[j].low.split("-")
        if all(p in _UNITS or p in _TENS for p in parts) and parts[0]:
            current += sum(_UNITS.get(p, 0) + _TENS.get(p, 0) for p in parts)
        elif seen and toks[j].low in _SCALES:
            scale = _SCALES[toks[j].low]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        elif seen and toks[j].low == "dozen":
            current = max(current, 1) * 12
        elif seen and toks[j].low == "and" and j + 1 < hi and toks[j + 1].low.split("-")[0] in _NUMBER_WORDS:
            if j - 1 >= i and toks[j - 1].low in _SCALES:
                j += 1
                continue
            break
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else None


def _core_number(toks: list[_Tok], i: int, hi: int) -> tuple[int, int, str] | None:
    """A bare number at i (digits, a digit range, words, "a dozen", "hundreds") -> (value, next, kind)."""
    if i >= hi:
        return None
    low = toks[i].low
    if low[0].isdigit():
        if _INT_RE.fullmatch(low):
            value = int(low.replace(",", ""))
            nxt = toks[i + 1].low if i + 1 < hi else ""
            if len(low) == 4 and 1800 <= value <= 2100 and not _is_person(nxt):
                return None
            return value, i + 1, "exact"
        m = _RANGE_RE.fullmatch(low)
        if m:
            return min(int(m.group(1)), int(m.group(2))), i + 1, "lower"
        return None
    if low in ("a", "an") and i + 1 < hi and toks[i + 1].low in _SCALES:
        return _SCALES[toks[i + 1].low], i + 2, "exact"
    words = _word_number(toks, i, hi)
    if words:
        return words[0], words[1], "exact"
    seq = _match_any(toks, i, _VAGUE_SEQS, hi)
    if seq:
        value, j = _VAGUE[seq], i + len(seq)
        if j < hi and toks[j].low == "dozen":
            value, j = value * 12, j + 1
        return value, j, "vague"
    return None


def _number_ok(toks: list[_Tok], i: int, j: int, lo: int, hi: int) -> bool:
    """Whether the number spanning tokens i..j counts things (not a date, age, time, unit or label)."""
    if i > lo and (toks[i - 1].low in _QTY_BLOCKERS or toks[i - 1].low in _MONTHS):
        return False
    if j < hi:
        nxt = toks[j].low
        if nxt in _QTY_UNITS or nxt in _MONTHS or nxt.startswith(("year-old", "-year")):
            return False
        if nxt in (":", "/", ".") and j + 1 < hi and toks[j + 1].low[:1].isdigit():
            return False
    return True


def _parse_qty(toks: list[_Tok], i: int, lo: int, hi: int) -> _Qty | None:
    """A quantity at token i: optional modifier, then a number or range, or a no-number quantifier."""
    if i >= hi:
        return None
    if toks[i].low == "between":
        first = _core_number(toks, i + 1, hi)
        if first and first[1] < hi and toks[first[1]].low in ("and", "to", "-"):
            second = _core_number(toks, first[1] + 1, hi)
            if second and _number_ok(toks, i, second[1], lo, hi):
                return _Qty(min(first[0], second[0]), "lower", second[1])
    kind, j = "exact", i
    for seq in _MODIFIERS.get(toks[i].low, ()):
        if _match(toks, i, seq, hi) and _core_number(toks, i + len(seq), hi):
            kind, j = _MODIFIER_KIND[seq], i + len(seq)
            break
    core = _core_number(toks, j, hi)
    if core is None:
        seq = _match_any(toks, i, _NO_NUMBER, hi)
        if seq:
            end = i + len(seq)
            return _Qty(None, "none", end + 1 if end < hi and toks[end].low == "of" else end)
        return None
    value, end, ckind = core
    if end + 1 < hi and toks[end].low in ("to", "or", "-", "–"):
        second = _core_number(toks, end + 1, hi)
        if second and second[0] >= value:
            end, ckind = second[1], "lower"
    if not _number_ok(toks, j, end, lo, hi):
        return None
    if kind == "below":
        value = max(value - 1, 0)
    return _Qty(value, kind if kind != "exact" else ckind, end)


# --- lists of people ----------------------------------------------------------------------------------------


def _separator(toks: list[_Tok], p: int, hi: int) -> tuple[int, bool] | None:
    """A list separator at p -> (its length, whether what follows is a breakdown like "including")."""
    for seq, subset in _SEPARATORS.get(toks[p].low, ()):
        if _match(toks, p, seq, hi):
            return len(seq), subset
    return None


def _category(head: str | None) -> str | None:
    """The kind of people (state / militant / civilian) a head noun names, if plain."""
    if head is None:
        return None
    return _CATEGORY.get(head) or _CATEGORY.get(_singular(head))


def _parse_item(toks: list[_Tok], p: int, lo: int, hi: int) -> tuple[_Item, int]:
    """One list member starting at p (up to the next separator) -> (item, next token index)."""
    start = p
    also = definite = det = False
    qty: _Qty | None = None
    while p < hi:
        qty = _parse_qty(toks, p, lo, hi)
        if qty:
            break
        low = toks[p].low
        if low in _ALSO and low not in ("others", "more"):
            also = True
        elif low in _DEFINITE:
            definite = det = True
        elif low in _DETERMINERS:
            det = det or low not in ("of", "all", "at", "least")
        else:
            break
        p += 1
    zero = breakdown = False
    if qty:
        p = qty.end
        if p < hi and toks[p].low == "of":
            p += 1
            breakdown = p < hi and toks[p].low in ("them", "whom")
    elif p < hi and toks[p].low in _ZERO_WORDS:
        zero = True
        p += 1
    g_lo = p
    while p < hi and not _separator(toks, p, hi) and not (p > g_lo and _starts_number(toks, p, hi)):
        p += 1
    item = _make_item(toks, start, g_lo, p, qty, zero, (also, definite, det))
    item.breakdown = breakdown
    return item, p


def _starts_number(toks: list[_Tok], p: int, hi: int) -> bool:
    """Whether a number (not "a"/"one" inside a name) begins at p, starting a new list member."""
    low = toks[p].low
    return (low[0].isdigit() or low in _UNITS or low in _TENS) and _core_number(toks, p, hi) is not None


def _make_item(
    toks: list[_Tok], start: int, g_lo: int, g_hi: int, qty: _Qty | None, zero: bool,
    flags: tuple[bool, bool, bool] = (False, False, False),
) -> _Item:  # fmt: skip
    """Build an item from its parts (flags: also, definite, determiner): count, head noun, validity."""
    also, definite, det = flags
    words = [k for k in range(g_lo, g_hi) if toks[k].low not in _ALSO or toks[k].low == "others"]
    also = also or any(toks[k].low in _ALSO for k in range(g_lo, g_hi))
    cut = next((k for k in words if k > g_lo and (toks[k].low == "of" or _participle_like(toks[k]))), None)
    head_words = [k for k in words if cut is None or k < cut]
    head_tok = next((toks[k] for k in reversed(head_words) if toks[k].low[0].isalpha()), None)
    head = head_tok.low.removesuffix("'s").removesuffix("’s") if head_tok else None
    if head == "others":
        also, head = True, None
    item = _Item(None, start, g_hi, g_lo, g_hi, None, False, definite=definite, also=also)
    if head and (head in _OF_PRONOUNS or head in _PRON_PLURAL):
        head = None
    if qty:
        item.count, item.quantified = qty.value, True
        item.valid = head is None or (_singular(head) not in _NONPERSON and head not in _MONTHS)
        item.head = _singular(head) if head else None
    elif zero:
        item.count, item.valid = 0, head is None or _is_person(head) or head in ("one", "body")
    elif head in _PRON_SINGULAR and len(words) == 1:
        item.count, item.valid, item.anaphoric = 1, True, True
    elif head in _REFLEXIVE:
        item.count, item.valid, item.head = 1, True, "bomber"
    elif head_tok is not None and _names_people(toks, head_words, head_tok, det):
        head = head or ""
        plural = head in _PLURAL_COLLECTIVE or _singular(head) != head
        item.count, item.valid, item.head = (None if plural else 1), True, _singular(head)
        item.lenient = not any(_is_person(toks[k].low) for k in head_words)
    elif head is None and not words and toks[start].low in ("them", "they", "all", "both"):
        item.count, item.valid = (2 if toks[start].low == "both" else None), True
    if item.head in _GENERIC:
        item.head = None
    item.category = _category(item.head) if item.valid else None
    return item


def _names_people(toks: list[_Tok], head_words: list[int], head_tok: _Tok, det: bool) -> bool:
    """Whether an unnumbered phrase names people ("a policeman", "police chief Ahmad", "his bodyguard")."""
    head = head_tok.low
    if not head[0].isalpha() or _singular(head) in _NONPERSON or head in _NONPERSON or head in _MONTHS:
        return False
    if _is_person(head) or any(_is_person(toks[k].low) for k in head_words):
        return True
    return det and head_tok.text[0].islower() and head not in _PREPOSITIONS


def _items(toks: list[_Tok], a: int, b: int, lo: int) -> list[_Item]:
    """The members of the list of people spanning tokens a..b, in order."""
    out: list[_Item] = []
    subset = comma = False
    p = a
    while p < b:
        sep = _separator(toks, p, b)
        if sep:
            subset = subset or sep[1]
            comma = toks[p].low == "," and not (p + 1 < b and toks[p + 1].low == "and")
            p += sep[0]
            continue
        item, nxt = _parse_item(toks, p, lo, b)
        item.subset, item.comma_before = subset or (item.breakdown and bool(out)), comma
        comma = False
        out.append(item)
        p = max(nxt, p + 1)
    return out


def _resolve_subsets(items: list[_Item]) -> list[_Item]:
    """Drop breakdown members ("including 2 commanders") unless they name another kind of people."""
    anchor: str | None = None
    out = []
    for item in items:
        if not item.subset:
            anchor = item.category
            out.append(item)
        elif item.category and anchor and item.category != anchor:
            out.append(item)
    return out


# --- spans around cues --------------------------------------------------------------------------------------


def _in_number_phrase(toks: list[_Tok], k: int, hi: int) -> bool:
    """Whether token k belongs to a quantity phrase ("at least 5", "up to 7", "4 or 5", "between 2 and 3")."""
    for s in range(max(k - 3, 0), k + 1):
        qty = _parse_qty(toks, s, 0, hi)
        if qty and qty.end > k:
            return True
    return False


def _participle_like(tok: _Tok) -> bool:
    """Whether a token looks like an -ed / -ing verb form rather than an adjective."""
    low = tok.low
    if not tok.text[0].islower() or "-" in low:
        return False
    if low.endswith("ed") and len(low) > 3:
        return low not in _ADJ_ED
    return low.endswith("ing") and len(low) > 4 and low not in _ADJ_ING


def _is_verb(toks: list[_Tok], k: int, hi: int) -> bool:
    """Whether token k is a verb ending a noun phrase (not "wounded soldiers", "police guarding a post")."""
    tok = toks[k]
    if not tok.text[0].islower() or "-" in tok.low:
        return False
    if tok.low in _IRREGULAR_VERBS:
        return not (k > 0 and toks[k - 1].low == "the")
    if not _participle_like(tok) or (k > 0 and toks[k - 1].low in _DEFINITE):
        return False
    if k + 1 < hi and _is_person(toks[k + 1].low) and toks[k + 1].low not in _PRON_PLURAL:
        return False
    modifier = k > 0 and _is_person(toks[k - 1].low) and toks[k - 1].low not in _PRON_PLURAL
    return not modifier or tok.low in _NOT_MODIFIERS


def _is_stop(toks: list[_Tok], k: int, hi: int) -> bool:
    """Whether token k ends a noun phrase of people (a clause boundary, preposition, verb, auxiliary)."""
    low = toks[k].low
    if low in _REPORTING:
        return not (low in _ADJ_ED and k + 1 < hi and _is_person(toks[k + 1].low))
    if low in _STOP_PUNCT or low in _AUX:
        return True
    if low in _PREPOSITIONS:
        for s in range(max(k - 2, 0), k + 1):
            sep = _separator(toks, s, hi)
            if sep and s + sep[0] > k:
                return False
        return not _in_number_phrase(toks, k, hi)
    return _is_verb(toks, k, hi)


def _span_back(toks: list[_Tok], b: int, lo: int) -> int:
    """Start of the phrase of people that ends just before token b."""
    a = b
    while a > lo and not _is_stop(toks, a - 1, b):
        a -= 1
    return a


def _span_fwd(toks: list[_Tok], a: int, hi: int) -> int:
    """End of the phrase of people that starts at token a."""
    b = a
    while b < hi and not _is_stop(toks, b, hi):
        b += 1
    return b


def _subject(toks: list[_Tok], b: int, lo: int) -> list[_Item]:
    """The people before token b (subject of a passive or intransitive death cue), nearest list only."""
    while b > lo and toks[b - 1].low in ("who", "that", ","):
        b -= 1
    if b < len(toks) and toks[b].low == ",":
        b = _skip_relative_back(toks, b, lo)
    a = _span_back(toks, b, lo)
    items = _items(toks, a, b, lo)
    kept: list[_Item] = []
    for item in reversed(items):
        if (not item.valid and not item.subset) or (item.lenient and kept and kept[-1].comma_before):
            break
        kept.append(item)
    kept.reverse()
    return [it for it in _resolve_subsets([it for it in kept if it.valid])]


def _skip_relative_back(toks: list[_Tok], b: int, lo: int) -> int:
    """From the comma closing ", who killed 3 people," go back to the comma opening it (else stay)."""
    for k in range(b - 1, lo, -1):
        if toks[k].low == ",":
            return b
        if toks[k].low in ("who", "which") and toks[k - 1].low == ",":
            return k - 1
    return b


def _continuations(toks: list[_Tok], b: int, lo: int, hi: int) -> list[_Item]:
    """Elliptical extra objects after a place or time: "killed 2 soldiers in Kabul and 3 in Kandahar"."""
    out: list[_Item] = []
    while b < hi and toks[b].low in _PREPOSITIONS and len(out) < 3:
        j = b + 1
        while j < min(hi, b + 6) and not _is_stop(toks, j, hi) and toks[j].low not in ("and", ","):
            j += 1
        while j < hi and toks[j].low in (",", "and"):
            j += 1
        if j == b + 1 or j >= hi or toks[j - 1].low not in ("and", ","):
            break
        qty = _parse_qty(toks, j, lo, hi)
        if not qty or qty.value is None:
            break
        end = _span_fwd(toks, j, hi)
        item, nxt = _parse_item(toks, j, lo, end)
        if not item.valid or nxt != end or (end < hi and (toks[end].low in _AUX or _is_verb(toks, end, hi))):
            break
        out.append(item)
        b = end
    return out


def _object(toks: list[_Tok], a: int, lo: int, hi: int) -> list[_Item]:
    """The people after token a (object of an active death cue), first list only."""
    b = _span_fwd(toks, a, hi)
    items = _items(toks, a, b, lo)
    if len(items) > 1 and b < hi and toks[b].low in _AUX:
        items = items[:-1]
    elif items and items[-1].valid:
        items += _continuations(toks, b, lo, hi)
    kept: list[_Item] = []
    for item in items:
        if (not item.valid and not item.subset) or (item.lenient and item.comma_before):
            break
        kept.append(item)
    return _resolve_subsets([it for it in kept if it.valid])


def _starts_object(toks: list[_Tok], e: int, hi: int) -> bool:
    """Whether an object of people (rather than a preposition or clause end) begins at e."""
    if e >= hi:
        return False
    low = toks[e].low
    if low in _OBJECT_STARTERS or _parse_qty(toks, e, 0, hi) or _is_person(low):
        return True
    return toks[e].text[0].isupper() and low not in _PREPOSITIONS


def _ambiguous(toks: list[_Tok], i: int, e: int, hi: int) -> bool:
    """Whether a death cue is joined to an injury word ("killed or wounded", "injured and killed")."""
    if e + 1 < hi and toks[e].low in ("and", "or", "/", "and/or") and toks[e + 1].low in _AMBIGUOUS_WITH:
        return True
    return i >= 2 and toks[i - 1].low in ("and", "or", "/", "and/or") and toks[i - 2].low in _AMBIGUOUS_WITH


def _blocked(toks: list[_Tok], i: int, lo: int) -> bool:
    """Whether an active cue is negated or hypothetical ("failed to kill", "did not kill")."""
    for k in range(max(lo, i - 2), i):
        low = toks[k].low
        if low in _MODAL_BLOCKERS or low.endswith("n't"):
            return True
    return False


def _find_aux(toks: list[_Tok], i: int, lo: int) -> tuple[int | None, bool, bool]:
    """Walk left from a participle over adverbs and "shot and" chains -> (aux index, also, negated)."""
    k, also, neg = i - 1, False, False
    while k >= lo:
        low = toks[k].low
        if low in _BE_AUX:
            while k - 1 >= lo and toks[k - 1].low in _AUX_LEFT:
                k -= 1
                also = also or toks[k].low == "also"
                neg = neg or toks[k].low in ("not", "never")
            return k, also, neg
        if low in ("also", "too"):
            also = True
        elif low in ("not", "never") or low.endswith("n't"):
            neg = True
        elif low in ("and", ",") and k - 1 >= lo and _is_participle(toks[k - 1].low):
            k -= 1
        elif (
            low in ("later", "then", "subsequently", "eventually")
            and k - 1 >= lo
            and toks[k - 1].low == "and"
        ):
            pass
        elif low not in _ADVERBS or low in ("who", "that", "which", "to", "as", "there"):
            return None, also, neg
        k -= 1
    return None, also, neg


def _is_participle(low: str) -> bool:
    """Whether a word can be a past participle in a chain ("kidnapped and killed", "shot and killed")."""
    return low.endswith("ed") or low in _IRREGULAR_VERBS or low in _TO_DEATH_VERBS


# --- cues in one sentence -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sentence:
    """Tokens of one sentence, its bounds and clause boundaries."""

    text: str
    toks: list[_Tok]
    lo: int
    hi: int
    index: int
    clause_starts: list[int] = field(default_factory=list)


def _figures_from(
    sent: _Sentence, items: list[_Item], cue_at: int, also: bool = False, toll: bool = False
) -> list[_Fig]:
    """Turn counted items into figures."""
    toks = sent.toks
    out = []
    for item in items:
        if item.count is None:
            continue
        end_tok = max(item.end - 1, item.start)
        while end_tok > item.start and toks[end_tok].low in (",", "and"):
            end_tok -= 1
        out.append(
            _Fig(
                count=item.count,
                start=toks[item.start].start,
                end=toks[end_tok].end,
                group=_group_text(sent, item),
                key=_SYNONYM.get(item.head, item.head) if item.head else None,
                also=also or item.also,
                clause=(sent.index, _clause_of(sent, cue_at)),
                toll=toll,
                definite=item.definite,
                anaphoric=item.anaphoric,
            )
        )
    return out


def _group_text(sent: _Sentence, item: _Item) -> str | None:
    """Who died, as written (without determiners, "also", "other"), or None for pronouns and bare numbers."""
    toks = sent.toks
    words = [k for k in range(item.group_lo, item.group_hi) if toks[k].low not in (",", "and")]
    while words and (toks[words[0]].low in _DETERMINERS or toks[words[0]].low in _ALSO):
        words.pop(0)
    if not words:
        return None
    last = toks[words[-1]].low
    if last in _OF_PRONOUNS or last in _PRON_PLURAL or last in _PRON_SINGULAR or last in ("one", "body"):
        return None
    return sent.text[toks[words[0]].start : toks[words[-1]].end]


def _clause_of(sent: _Sentence, k: int) -> int:
    """Index of the clause (split at contrast words and semicolons) holding token k."""
    return sum(1 for s in sent.clause_starts if s <= k)


def _passive_or_active(sent: _Sentence, i: int, e: int) -> list[_Fig]:
    """Figures of a participle cue at i..e: passive subject, active object, or reduced relative subject."""
    toks, lo, hi = sent.toks, sent.lo, sent.hi
    if _ambiguous(toks, i, e, hi):
        return []
    aux, also, neg = _find_aux(toks, i, lo)
    if aux is not None:
        if neg:
            return []
        return _figures_from(sent, _subject(toks, aux, lo), i, also=also)
    if _blocked(toks, i, lo):
        return []
    also = any(toks[k].low == "also" for k in range(max(lo, i - 2), i))
    if _starts_object(toks, e, hi):
        figs = _figures_from(sent, _object(toks, e, lo, hi), i, also=also)
        if figs:
            return figs
    return _figures_from(sent, _subject(toks, i, lo), i, also=also)


def _intransitive(sent: _Sentence, i: int, e: int, seq: tuple[str, ...]) -> list[_Fig]:
    """Figures of "died", "lost their lives", "blew himself up": the subject before the cue."""
    toks, lo = sent.toks, sent.lo
    b, also = i, False
    while b > lo and toks[b - 1].low in _ADVERBS | _HAVE_AUX and toks[b - 1].low not in ("who", "that", "to"):
        if toks[b - 1].low in ("not", "never") or toks[b - 1].low.endswith("n't"):
            return []
        also = also or toks[b - 1].low in ("also", "too")
        b -= 1
    items = _subject(toks, b, lo)
    if seq[-1] == "up" or seq[0] in ("detonated", "exploded"):
        counted = [it for it in items if it.count]
        if not counted:
            n = 2 if seq[1] == "themselves" else 1
            s = toks[b - 1] if b > lo else toks[i]
            return [
                _Fig(n, s.start, toks[e - 1].end, None, "bomber", also, (sent.index, _clause_of(sent, i)))
            ]
        for it in counted:
            it.head = "bomber"
        items = counted
    return _figures_from(sent, items, i, also=also)


def _to_death(sent: _Sentence, i: int) -> list[_Fig]:
    """Figures of "stabbed to death" / "beat 2 men to death"; "sentenced to death" is not a death."""
    toks, lo = sent.toks, sent.lo
    if i > lo and toks[i - 1].low in _TO_DEATH_VERBS:
        return _passive_or_active(sent, i - 1, i + 2)
    for v in range(i - 2, max(lo, i - 8) - 1, -1):
        if toks[v].low in _TO_DEATH_VERBS:
            if _blocked(toks, v, lo):
                return []
            return _figures_from(sent, _object(toks, v + 1, lo, i), v)
    return []


def _toll(sent: _Sentence, i: int) -> list[_Fig]:
    """A death toll figure after "toll" ("the death toll rose to 20", "a toll of 12")."""
    toks, lo, hi = sent.toks, sent.lo, sent.hi
    if i > lo and toks[i - 1].low not in _TOLL_QUALIFIERS:
        return []
    j = i + 1
    while j < min(hi, i + 14):
        low = toks[j].low
        if low in _STOP_PUNCT or low in _INJURY:
            return []
        if low == "from":
            k = next((k for k in range(j + 1, min(hi, j + 6)) if toks[k].low == "to"), None)
            if k is not None:
                j = k + 1
                continue
        qty = _parse_qty(toks, j, lo, hi)
        if qty and qty.value is not None:
            item = _make_item(toks, j, qty.end, qty.end, qty, False)
            figs = _figures_from(sent, [item], i, toll=True)
            update = any(toks[k].low in _UPDATE_VERBS for k in range(max(lo, i - 4), j))
            for f in figs:
                f.update = update
            return figs
        j += 1
    return []


_CUE_FIRST_WORDS = frozenset(
    {
        *_ACTIVE_PHRASES,
        *_NOUNS_OF,
        *_INTRANSITIVE,
        *_PARTICIPLES,
        *_ACTIVE_PRESENT,
        *_DEATH_NOUNS,
        "to",
        "toll",
    }
)
_CUE_RE = re.compile(
    r"kill|dead|death|die|slain|slay|murder|execut|behead|assassinat|lynch|massacr|slaughter|martyr|neutrali|"
    r"eliminat|gunned|gunning|fatal|perish|lost|losing|succumb|blew|blow|detonat|explod|toll|bodies|corpse|"
    r"lives|life",
    re.I,
)


def _sentence_figures(sent: _Sentence) -> list[_Fig]:
    """All figures stated in one sentence, in order of their cues."""
    toks, lo, hi = sent.toks, sent.lo, sent.hi
    figs: list[_Fig] = []
    i = lo
    while i < hi:
        low = toks[i].low
        if low not in _CUE_FIRST_WORDS:
            i += 1
            continue
        found: list[_Fig] = []
        e = i + 1
        if seq := _match_any(toks, i, _ACTIVE_PHRASES, hi):
            e = i + len(seq)
            found = _figures_from(sent, _object(toks, e, lo, hi), i)
        elif low in _NOUNS_OF and i + 1 < hi and toks[i + 1].low == "of":
            e = i + 2
            if not _ambiguous(toks, i, i + 1, hi):
                found = _figures_from(sent, _object(toks, e, lo, hi), i)
        elif seq := _match_any(toks, i, _INTRANSITIVE, hi):
            e = i + len(seq)
            found = _intransitive(sent, i, e, seq)
        elif seq := _match_any(toks, i, _PARTICIPLES, hi):
            e = i + len(seq)
            found = _passive_or_active(sent, i, e)
        elif seq := _match_any(toks, i, _ACTIVE_PRESENT, hi):
            e = i + len(seq)
            if not _blocked(toks, i, lo) and not _ambiguous(toks, i, e, hi):
                also = any(toks[k].low == "also" for k in range(max(lo, i - 2), i))
                found = _figures_from(sent, _object(toks, e, lo, hi), i, also=also)
        elif low == "to" and i + 1 < hi and toks[i + 1].low == "death":
            e = i + 2
            found = _to_death(sent, i)
        elif seq := _match_any(toks, i, _DEATH_NOUNS, hi):
            e = i + len(seq)
            if not (i > lo and toks[i - 1].low in _DEFINITE) and not _ambiguous(toks, i, e, hi):
                items = [it for it in _subject(toks, i, lo)[-1:] if it.quantified or it.count == 0]
                found = _figures_from(sent, items, i)
        elif low == "toll":
            found = _toll(sent, i)
        figs.extend(found)
        i = max(e, i + 1)
    return figs


# --- whole text ---------------------------------------------------------------------------------------------


def _mask(text: str) -> str:
    """Blank out parentheses, brackets and relative clauses without death words (offsets are kept)."""
    masked = text.replace("\u2013", "-").replace("\u2014", "-")
    for _ in range(2):
        masked = _PAREN_RE.sub(lambda m: " " * len(m.group()), masked)
    return _RELATIVE_RE.sub(
        lambda m: m.group() if _DEATH_WORD_RE.search(m.group()) else " " * len(m.group()), masked
    )


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Char spans of sentences (a period ends one unless it follows an abbreviation or an initial)."""
    spans, start = [], 0
    for m in _SENT_END_RE.finditer(text):
        if not m.group().startswith("\n"):
            prev = re.search(r"([\w.]+)$", text[start : m.start()])
            word = prev.group(1) if prev else ""
            if word.lower().rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            nxt = text[m.end() : m.end() + 1]
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(["):
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentences(text: str, masked: str) -> list[_Sentence]:
    """Tokenise the masked text and cut it into sentences and clauses."""
    toks = [
        _Tok(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end())
        for m in _TOKEN_RE.finditer(masked)
        if m.group() not in _QUOTES
    ]
    out: list[_Sentence] = []
    t = 0
    for n, (_, e) in enumerate(_sentence_bounds(masked)):
        lo = t
        while t < len(toks) and toks[t].start < e:
            t += 1
        sent = _Sentence(text, toks, lo, t, n)
        sent.clause_starts = [
            k for k in range(lo + 1, t) if toks[k].low in _CONTRAST or toks[k - 1].low == ";"
        ]
        out.append(sent)
    return out


def _sources(sent: _Sentence, clause: int) -> int:
    """How many reporting verbs a clause has ("police said", "according to"); 1 at least after "but"."""
    bounds = [sent.lo, *sent.clause_starts, sent.hi]
    a, b = bounds[clause], bounds[clause + 1]
    return max(sum(1 for k in range(a, b) if sent.toks[k].low in _REPORTING), int(clause > 0))


def _zero_figures(masked: str) -> list[_Fig]:
    """Explicit statements that nobody died ("no one was killed", "no casualties")."""
    out = []
    for rx in _ZERO_RES:
        for m in rx.finditer(masked):
            if not _ZERO_BLOCK_RE.search(masked[max(0, m.start() - 30) : m.end() + 10]):
                out.append(_Fig(0, m.start(), m.end(), None, None, False))
    return out


def _all_figures(text: str) -> list[_Fig]:
    """Every figure of dead in the text (internal form), in order."""
    if not isinstance(text, str) or not text.strip():
        return []
    masked = _mask(text)
    figs: list[_Fig] = []
    for sent in _sentences(text, masked) if _CUE_RE.search(masked) else ():
        sent_figs = _sentence_figures(sent)
        sources = {c: _sources(sent, c) for c in {f.clause[1] for f in sent_figs}}
        for f in sent_figs:
            f.sources = sources[f.clause[1]]
        figs.extend(_drop_cumulative_tolls(sent, masked, sent_figs))
    figs.extend(_zero_figures(masked))
    figs.sort(key=lambda f: f.start)
    out: list[_Fig] = []
    for f in figs:
        if out and f.start < out[-1].end and f.count == out[-1].count:
            continue
        out.append(f)
    return out


def _drop_cumulative_tolls(sent: _Sentence, masked: str, figs: list[_Fig]) -> list[_Fig]:
    """Drop tolls that sum up more than this event ("bringing the toll since May to 40")."""
    if not any(f.toll for f in figs):
        return figs
    own = any(not f.toll for f in figs)
    text = masked[sent.toks[sent.lo].start : sent.toks[sent.hi - 1].end] if sent.hi > sent.lo else ""
    cumulative = bool(_CUMULATIVE_RE.search(text)) or (own and bool(_BRINGING_RE.search(text)))
    return [f for f in figs if not (f.toll and cumulative)]


# --- totalling ----------------------------------------------------------------------------------------------


def _clause_total(figs: list[_Fig]) -> tuple[int, dict[str | None, int]]:
    """Sum of one clause's figures; when it cites two sources, figures for the same group are alternatives."""
    groups: dict[str | None, int] = {}
    for f in figs:
        if f.key not in groups:
            groups[f.key] = f.count
        else:
            groups[f.key] = min(groups[f.key], f.count) if f.sources >= 2 else groups[f.key] + f.count
    return sum(groups.values()), groups


def _merge(main: _Account, figs: list[_Fig], total: int) -> None:
    """Fold a clause that speaks of dead already counted into the current account."""
    value, groups = _clause_total(figs)
    generic = None in groups or set(main.groups) <= {None}
    if any(f.sources or f.definite for f in figs):
        if all(groups.get(k) == v for k, v in main.groups.items()):
            main.value = max(main.value, value)  # a fuller restatement: every group again, same numbers
            main.groups.update(groups)
        else:
            main.value = min(main.value, value)  # another account of the same dead: the lower one
            for k, v in groups.items():
                main.groups.setdefault(k, v)
    elif generic:
        if value > main.value and value != total:
            main.value = value
    else:
        for k, v in groups.items():
            if main.groups.get(k) == v:
                continue
            main.value += v
            main.groups[k] = main.groups.get(k, 0) + v


def _total(figs: list[_Fig]) -> int | None:
    """Total dead of the event from its figures, by the rules in the module docstring."""
    positive = [f for f in figs if f.count > 0]
    if not positive:
        return 0 if figs else None
    if any(not f.anaphoric for f in positive):
        positive = [f for f in positive if not f.anaphoric]
    accounts: list[_Account] = []
    main: _Account | None = None
    for _, clause_iter in groupby(
        sorted(positive, key=lambda f: (f.clause, f.start)), key=lambda f: f.clause
    ):
        clause = list(clause_iter)
        rest = [f for f in clause if not f.also]
        tolls = [f for f in rest if f.toll]
        if tolls and main is not None and tolls[-1].sources and not tolls[-1].update:
            main.value = min(main.value, tolls[-1].count)
        elif tolls:
            main = _Account(tolls[-1].count, {None: tolls[-1].count})
            accounts = [main]
        elif rest:
            value, groups = _clause_total(rest)
            total = sum(a.value for a in accounts)
            if main is None:
                main = _Account(value, dict(groups))
                accounts.append(main)
            elif (
                set(groups) & set(main.groups)
                or None in groups
                or None in main.groups
                or any(f.definite for f in rest)
            ):
                _merge(main, rest, total)
            else:
                main = _Account(value, dict(groups))
                accounts.append(main)
        accounts.extend(_Account(f.count, {f.key: f.count}) for f in clause if f.also)
    return sum(a.value for a in accounts)


# --- public API ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _analyse(text: str) -> tuple[tuple[KilledFigure, ...], int | None]:
    """Figures and total of a text, memoised (the coder asks about the same sentences repeatedly)."""
    figs = _all_figures(text)
    return tuple(KilledFigure(f.count, f.start, f.end, f.group, f.also) for f in figs), _total(figs)


def killed_figures(text: str) -> list[KilledFigure]:
    """Every distinct statement of a number of dead in a text (a sentence or a few sentences), in order."""
    return list(_analyse(text)[0]) if isinstance(text, str) else []


def count_fatalities(text: str) -> int | None:
    """Total killed in the event the text reports, by ACLED's rules; None when no number of dead is stated."""
    return _analyse(text)[1] if isinstance(text, str) else None
