"""Lists of people around a death cue: their members, counts and head nouns, and where the list ends."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.coding.fatalities.cues import (
    ACTIVE_PRESENT,
    ADJ_ED,
    ADJ_ING,
    ALSO,
    AUX,
    BREAKDOWN_SEPARATORS,
    CATEGORY,
    DEFINITE,
    DETERMINERS,
    GENERIC,
    IRREGULAR_VERBS,
    MONTHS,
    NONPERSON,
    NOT_MODIFIERS,
    OBJECT_STARTERS,
    OF_PRONOUNS,
    ORIGIN_PARTICIPLES,
    ORIGIN_PLACE_WORDS,
    ORIGIN_PREPOSITIONS,
    PLURAL_COLLECTIVE,
    PREPOSITIONS,
    PRON_PLURAL,
    PRON_SINGULAR,
    REFLEXIVE,
    REPORTING,
    RESULT_PARTICIPLES,
    SEPARATORS,
    STOP_PUNCT,
    ZERO_WORDS,
)
from eventcoder.coding.fatalities.numbers import Qty, in_number_phrase, parse_qty, starts_number
from eventcoder.coding.fatalities.tokens import Tok, is_person, matches, singular


@dataclass(slots=True)
class Item:
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


def _separator(toks: list[Tok], p: int, hi: int) -> tuple[int, bool] | None:
    """A list separator at p -> (its length, whether what follows is a breakdown like "including")."""
    for seq in SEPARATORS.get(toks[p].low, ()):
        if matches(toks, p, seq, hi):
            return len(seq), seq in BREAKDOWN_SEPARATORS
    return None


def _category(head: str | None) -> str | None:
    """The kind of people (state / militant / civilian) a head noun names, if plain."""
    if head is None:
        return None
    return CATEGORY.get(head) or CATEGORY.get(singular(head))


def _parse_item(toks: list[Tok], p: int, lo: int, hi: int) -> tuple[Item, int]:
    """One list member starting at p (up to the next separator) -> (item, next token index)."""
    start = p
    also = definite = det = False
    qty: Qty | None = None
    while p < hi:
        qty = parse_qty(toks, p, lo, hi)
        if qty:
            break
        low = toks[p].low
        if low in ALSO and low not in ("others", "more"):
            also = True
        elif low in DEFINITE:
            definite = det = True
        elif low in DETERMINERS:
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
            q = p + 1 if p < hi and toks[p].low in DEFINITE else p
            whole = parse_qty(toks, q, lo, hi) if q < hi else None
            if whole:  # "four of the 10 people": four people, of a whole of ten
                p = whole.end
    elif p < hi and toks[p].low in ZERO_WORDS:
        zero = True
        p += 1
    g_lo = p
    while p < hi and not _separator(toks, p, hi) and not (p > g_lo and starts_number(toks, p, hi)):
        p += 1
    item = make_item(toks, start, g_lo, p, qty, zero, (also, definite, det))
    item.breakdown = breakdown
    return item, p


def make_item(
    toks: list[Tok], start: int, g_lo: int, g_hi: int, qty: Qty | None, zero: bool,
    flags: tuple[bool, bool, bool] = (False, False, False),
) -> Item:  # fmt: skip
    """Build an item from its parts (flags: also, definite, determiner): count, head noun, validity."""
    also, definite, det = flags
    words = [k for k in range(g_lo, g_hi) if toks[k].low not in ALSO or toks[k].low == "others"]
    also = also or any(toks[k].low in ALSO for k in range(g_lo, g_hi))
    cut = next((k for k in words if k > g_lo and (toks[k].low == "of" or _participle_like(toks[k]))), None)
    head_words = [k for k in words if cut is None or k < cut]
    head_tok = next((toks[k] for k in reversed(head_words) if toks[k].low[0].isalpha()), None)
    head = head_tok.low.removesuffix("'s").removesuffix("’s") if head_tok else None
    if head == "others":
        also, head = True, None
    item = Item(None, start, g_hi, g_lo, g_hi, None, False, definite=definite, also=also)
    if head and (head in OF_PRONOUNS or head in PRON_PLURAL):
        head = None
    if qty:
        item.count, item.quantified = qty.value, True
        item.valid = head is None or (singular(head) not in NONPERSON and head not in MONTHS)
        item.head = singular(head) if head else None
    elif zero:
        item.count, item.valid = 0, head is None or is_person(head) or head in ("one", "body")
    elif head in PRON_SINGULAR and len(words) == 1:
        item.count, item.valid, item.anaphoric = 1, True, True
    elif head in REFLEXIVE:
        item.count, item.valid, item.head = 1, True, "bomber"
    elif head_tok is not None and _names_people(toks, head_words, head_tok, det):
        head = head or ""
        plural = head in PLURAL_COLLECTIVE or singular(head) != head
        item.count, item.valid, item.head = (None if plural else 1), True, singular(head)
        item.lenient = not any(is_person(toks[k].low) for k in head_words)
    elif head is None and not words and toks[start].low in ("them", "they", "all", "both"):
        item.count, item.valid = (2 if toks[start].low == "both" else None), True
    if item.head in GENERIC:
        item.head = None
    item.category = _category(item.head) if item.valid else None
    return item


def _names_people(toks: list[Tok], head_words: list[int], head_tok: Tok, det: bool) -> bool:
    """Whether an unnumbered phrase names people ("a policeman", "police chief Ahmad", "his bodyguard")."""
    head = head_tok.low
    if not head[0].isalpha() or singular(head) in NONPERSON or head in NONPERSON or head in MONTHS:
        return False
    if is_person(head) or any(is_person(toks[k].low) for k in head_words):
        return True
    return det and head_tok.text[0].islower() and head not in PREPOSITIONS


def _items(toks: list[Tok], a: int, b: int, lo: int) -> list[Item]:
    """The members of the list of people spanning tokens a..b, in order."""
    out: list[Item] = []
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
    if out and b < len(toks) and toks[b].low in REPORTING and out[-1].comma_before:
        out.pop()  # "killing three people, the governor (two aides) said": the speaker, not one of the dead
    return out


def _resolve_subsets(items: list[Item]) -> list[Item]:
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


def _participle_like(tok: Tok) -> bool:
    """Whether a token looks like an -ed / -ing verb form rather than an adjective."""
    low = tok.low
    if not tok.text[0].islower() or "-" in low:
        return False
    if low.endswith("ed") and len(low) > 3:
        return low not in ADJ_ED
    return low.endswith("ing") and len(low) > 4 and low not in ADJ_ING


def _is_verb(toks: list[Tok], k: int, hi: int) -> bool:
    """Whether token k is a verb ending a noun phrase (not "wounded soldiers", "police guarding a post")."""
    tok = toks[k]
    if not tok.text[0].islower() or "-" in tok.low:
        return False
    if tok.low in IRREGULAR_VERBS:
        return not (k > 0 and toks[k - 1].low == "the")
    if not _participle_like(tok) or (k > 0 and toks[k - 1].low in DEFINITE):
        return False
    if k + 1 < hi and is_person(toks[k + 1].low) and toks[k + 1].low not in PRON_PLURAL:
        return False
    modifier = k > 0 and is_person(toks[k - 1].low) and toks[k - 1].low not in PRON_PLURAL
    return not modifier or tok.low in NOT_MODIFIERS


def _is_stop(toks: list[Tok], k: int, hi: int) -> bool:
    """Whether token k ends a noun phrase of people (a clause boundary, preposition, verb, auxiliary)."""
    low = toks[k].low
    if low in REPORTING:
        return not (low in ADJ_ED and k + 1 < hi and is_person(toks[k + 1].low))
    if low in STOP_PUNCT or low in AUX:
        return True
    if low in PREPOSITIONS:
        for s in range(max(k - 2, 0), k + 1):
            sep = _separator(toks, s, hi)
            if sep and s + sep[0] > k:
                return False
        return not in_number_phrase(toks, k, hi)
    return _is_verb(toks, k, hi)


def _span_back(toks: list[Tok], b: int, lo: int) -> int:
    """Start of the phrase of people that ends just before token b."""
    a = b
    while a > lo and not _is_stop(toks, a - 1, b):
        a -= 1
    return a


def _span_fwd(toks: list[Tok], a: int, hi: int) -> int:
    """End of the phrase of people that starts at token a."""
    b = a
    while b < hi and not _is_stop(toks, b, hi):
        b += 1
    return b


def subject_items(toks: list[Tok], b: int, lo: int, verbs_cut: bool = True) -> list[Item]:
    """The people before token b (subject of a passive or intransitive death cue), nearest list only; with
    `verbs_cut`, none a participle before acts on (not "left four rebels and a soldier dead")."""
    while b > lo and toks[b - 1].low in ("who", "that", ","):
        b -= 1
    if b < len(toks) and toks[b].low == ",":
        b = _skip_relative_back(toks, b, lo)
    kept = _kept_items(toks, b, lo)
    for _ in range(2):  # "two people living in X (village, in Y county) were shot dead": before their place
        origin = _origin_start(toks, b, lo) if not kept else None
        if origin is None:
            break
        b = origin - 1 if origin - 1 > lo and toks[origin - 1].low == "," else origin
        kept = _kept_items(toks, b, lo)
    cut = max((n for n, item in enumerate(kept) if verbs_cut and _verb_object(toks, item, lo)), default=-1)
    return [it for it in _resolve_subsets([it for it in kept[cut + 1 :] if it.valid])]


def _kept_items(toks: list[Tok], b: int, lo: int) -> list[Item]:
    """The nearest list of people items ending at token b."""
    a = _span_back(toks, b, lo)
    items = _items(toks, a, b, lo)
    kept: list[Item] = []
    for item in reversed(items):
        if (not item.valid and not item.subset) or (item.lenient and kept and kept[-1].comma_before):
            break
        kept.append(item)
    kept.reverse()
    return kept


def _verb_object(toks: list[Tok], item: Item, lo: int) -> bool:
    """The item is the object of a participle before it, not a subject of the cue after it ("freeing
    about 4,000 inmates, and 12 people were killed", "gunmen holding 12 hostages were killed"); not of a
    reporting one ("saying 10 had been killed") nor one whose object is the dead ("leaving 1 soldier
    killed")."""
    low = toks[item.start - 1].low if item.start > lo else ""
    verb = len(low) > 4 and low.endswith("ing") and low not in ADJ_ING | NOT_MODIFIERS | REPORTING
    return verb and low not in ACTIVE_PRESENT and low not in RESULT_PARTICIPLES


def _origin_start(toks: list[Tok], b: int, lo: int) -> int | None:
    """Where a phrase that qualifies the people before token b starts: a place ("from X village",
    "living in X": a preposition of origin, after "living", "based"..., and capitalised or place words
    only), else a participle within six words ("protesting against the government")."""
    k = b - 1
    placed = ORIGIN_PLACE_WORDS | {"the"}
    while k > lo and k > b - 7 and (toks[k].text[:1].isupper() or toks[k].low in placed):
        k -= 1
    if k == b - 1 or toks[k].low not in ORIGIN_PREPOSITIONS:
        # "four people protesting against the government were killed": a participle after the people
        return next((j for j in range(b - 2, max(lo, b - 7), -1) if toks[j].low.endswith("ing")), None)
    return k - 1 if k - 1 > lo and toks[k - 1].low in ORIGIN_PARTICIPLES else k


def _skip_relative_back(toks: list[Tok], b: int, lo: int) -> int:
    """From the comma closing ", who killed 3 people," go back to the comma opening it (else stay)."""
    for k in range(b - 1, lo, -1):
        if toks[k].low == ",":
            return b
        if toks[k].low in ("who", "which") and toks[k - 1].low == ",":
            return k - 1
    return b


def _continuations(toks: list[Tok], b: int, lo: int, hi: int) -> list[Item]:
    """Elliptical extra objects after a place or time: "killed 2 soldiers in Kabul and 3 in Kandahar"."""
    out: list[Item] = []
    while b < hi and toks[b].low in PREPOSITIONS and len(out) < 3:
        j = b + 1
        while j < min(hi, b + 6) and not _is_stop(toks, j, hi) and toks[j].low not in ("and", ","):
            j += 1
        while j < hi and toks[j].low in (",", "and"):
            j += 1
        if j == b + 1 or j >= hi or toks[j - 1].low not in ("and", ","):
            break
        qty = parse_qty(toks, j, lo, hi)
        if not qty or qty.value is None:
            break
        end = _span_fwd(toks, j, hi)
        item, nxt = _parse_item(toks, j, lo, end)
        if not item.valid or nxt != end or (end < hi and (toks[end].low in AUX or _is_verb(toks, end, hi))):
            break
        out.append(item)
        b = end
    return out


def object_items(toks: list[Tok], a: int, lo: int, hi: int) -> list[Item]:
    """The people after token a (object of an active death cue), first list only."""
    b = _span_fwd(toks, a, hi)
    items = _items(toks, a, b, lo)
    if len(items) > 1 and b < hi and toks[b].low in AUX:
        items = items[:-1]
    elif items and items[-1].valid:
        items += _continuations(toks, b, lo, hi)
    kept: list[Item] = []
    for item in items:
        if (not item.valid and not item.subset) or (item.lenient and item.comma_before):
            break
        kept.append(item)
    return _resolve_subsets([it for it in kept if it.valid])


def starts_object(toks: list[Tok], e: int, hi: int) -> bool:
    """Whether an object of people (rather than a preposition or clause end) begins at e."""
    if e >= hi:
        return False
    low = toks[e].low
    if low in OBJECT_STARTERS or parse_qty(toks, e, 0, hi) or is_person(low):
        return True
    return toks[e].text[0].isupper() and low not in PREPOSITIONS
