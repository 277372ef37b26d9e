"""Figures of dead: each statement of a number killed in a sentence, and the public API on top of them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventcoder.coding.fatalities.cues import (
    ACTIVE_PHRASES,
    ACTIVE_PRESENT,
    ADVERBS,
    ALSO,
    ALSO_ADVERBS,
    AMBIGUOUS_WITH,
    AUX_LEFT,
    BE_AUX,
    BRINGING_RE,
    COMPANIONS,
    CUE_FIRST_WORDS,
    CUE_JOINERS,
    CUE_RE,
    CUMULATIVE_RE,
    DEATH_NOUNS,
    DEFINITE,
    DETERMINERS,
    HAVE_AUX,
    INJURY,
    INTRANSITIVE,
    INTRANSITIVE_LINKS,
    IRREGULAR_VERBS,
    MODAL_BLOCKERS,
    NEGATIONS,
    NOUNS_OF,
    OF_PRONOUNS,
    PARTICIPLES,
    PRON_PLURAL,
    PRON_SINGULAR,
    REPORTING,
    SELF_BLAST,
    SEQUENCE_ADVERBS,
    STOP_PUNCT,
    SYNONYM,
    TALLY_RE,
    TO_DEATH,
    TO_DEATH_VERBS,
    TOLL_NOUNS,
    TOLL_QUALIFIERS,
    UPDATE_VERBS,
    ZERO_BLOCK_RE,
    ZERO_RES,
)
from eventcoder.coding.fatalities.numbers import parse_qty
from eventcoder.coding.fatalities.people import Item, make_item, object_items, starts_object, subject_items
from eventcoder.coding.fatalities.tokens import (
    Sentence,
    Tok,
    clause_of,
    is_person,
    mask,
    match_any,
    sentences,
)
from eventcoder.coding.fatalities.totals import Fig, event_total

SINGULAR_REMAINS = frozenset({"body", "corpse"})  # one person's remains: a figure of one, or none
_BEFORE_INTRANSITIVE = ADVERBS | HAVE_AUX | INTRANSITIVE_LINKS  # between a subject and "died"


@dataclass(frozen=True)
class KilledFigure:
    """One statement of a number of dead: its count, where it is, who died, and whether it adds."""

    count: int  # lowest credible number for this group of dead
    start: int  # char offsets of the figure's phrase in the given text
    end: int
    group: str | None  # who died, as written ("militants", "policemen", "civilians"), if said
    also: bool  # the phrase adds to an earlier figure ("were also killed", "another 3 died")


# --- what blocks a cue --------------------------------------------------------------------------------------


def _ambiguous(toks: list[Tok], i: int, e: int, hi: int) -> bool:
    """Whether a death cue is joined to an injury word ("killed or wounded", "injured and killed")."""
    if e + 1 < hi and toks[e].low in CUE_JOINERS and toks[e + 1].low in AMBIGUOUS_WITH:
        return True
    return i >= 2 and toks[i - 1].low in CUE_JOINERS and toks[i - 2].low in AMBIGUOUS_WITH


def _negation(low: str) -> bool:
    """Whether a word negates ("not", "never", "didn't")."""
    return low in NEGATIONS or low.endswith("n't")


def _blocked(toks: list[Tok], i: int, lo: int) -> bool:
    """Whether an active cue is negated or hypothetical ("failed to kill", "did not kill")."""
    for k in range(max(lo, i - 2), i):
        low = toks[k].low
        if low in MODAL_BLOCKERS or _negation(low):
            return True
    return False


def _find_aux(toks: list[Tok], i: int, lo: int) -> tuple[int | None, bool, bool]:
    """Walk left from a participle over adverbs and "shot and" chains -> (aux index, also, negated)."""
    k, also, neg = i - 1, False, False
    while k >= lo:
        low = toks[k].low
        if low in BE_AUX:
            while k - 1 >= lo and toks[k - 1].low in AUX_LEFT:
                k -= 1
                also = also or toks[k].low == "also"
                neg = neg or _negation(toks[k].low)
            return k, also, neg
        if low in ALSO_ADVERBS:
            also = True
        elif _negation(low):
            neg = True
        elif low in ("and", ",") and k - 1 >= lo and _is_participle(toks[k - 1].low):
            k -= 1
        elif low in SEQUENCE_ADVERBS and k - 1 >= lo and toks[k - 1].low == "and":
            pass
        elif low not in ADVERBS:
            return None, also, neg
        k -= 1
    return None, also, neg


def _is_participle(low: str) -> bool:
    """Whether a word can be a past participle in a chain ("kidnapped and killed", "shot and killed")."""
    return low.endswith("ed") or low in IRREGULAR_VERBS or low in TO_DEATH_VERBS


# --- cues in one sentence -----------------------------------------------------------------------------------


def _figures_from(
    sent: Sentence,
    items: list[Item],
    cue_at: int,
    also: bool = False,
    toll: bool = False,
    perfect: bool = False,
) -> list[Fig]:
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
            Fig(
                count=item.count,
                start=toks[item.start].start,
                end=toks[end_tok].end,
                group=_group_text(sent, item),
                key=SYNONYM.get(item.head, item.head) if item.head else None,
                also=also or item.also,
                clause=(sent.index, clause_of(sent, cue_at)),
                toll=toll,
                perfect=perfect,
                definite=item.definite,
                anaphoric=item.anaphoric,
            )
        )
    return out


def _group_text(sent: Sentence, item: Item) -> str | None:
    """Who died, as written (without determiners, "also", "other"), or None for pronouns and bare numbers."""
    toks = sent.toks
    words = [k for k in range(item.group_lo, item.group_hi) if toks[k].low not in (",", "and")]
    while words and (toks[words[0]].low in DETERMINERS or toks[words[0]].low in ALSO):
        words.pop(0)
    if not words:
        return None
    last = toks[words[-1]].low
    if last in OF_PRONOUNS or last in PRON_PLURAL or last in PRON_SINGULAR or last in ("one", "body"):
        return None
    return sent.text[toks[words[0]].start : toks[words[-1]].end]


def _passive_or_active(sent: Sentence, i: int, e: int) -> list[Fig]:
    """Figures of a participle cue at i..e: passive subject, active object, or reduced relative subject."""
    toks, lo, hi = sent.toks, sent.lo, sent.hi
    if _ambiguous(toks, i, e, hi):
        return []
    aux, also, neg = _find_aux(toks, i, lo)
    if aux is not None:
        if neg:
            return []
        perfect = toks[aux].low in HAVE_AUX  # "have been killed"
        figs = _figures_from(sent, subject_items(toks, aux, lo), i, also=also, perfect=perfect)
        return figs + _companions(sent, i, e) if figs else figs
    if _blocked(toks, i, lo):
        return []
    also = any(toks[k].low == "also" for k in range(max(lo, i - 2), i))
    if e < hi and toks[e].low == "them":  # "forced nine passengers off and shot them dead": the nine
        return _figures_from(sent, _named_before(toks, i, lo), i, also=also)
    if starts_object(toks, e, hi):
        figs = _figures_from(sent, object_items(toks, e, lo, hi), i, also=also)
        if figs:
            return figs
    return _figures_from(sent, subject_items(toks, i, lo), i, also=also)


def _named_before(toks: list[Tok], i: int, lo: int) -> list[Item]:
    """The last counted people named before token i in the sentence ("seized two soldiers and killed
    them"), whom "them" stands for."""
    for k in range(i - 1, lo - 1, -1):
        qty = parse_qty(toks, k, lo, i)
        if qty is not None and qty.value is not None and (k == lo or parse_qty(toks, k - 1, lo, i) is None):
            items = [it for it in object_items(toks, k, lo, i) if it.count and it.head and is_person(it.head)]
            if items:
                return items[:1]
    return []


def _companions(sent: Sentence, i: int, e: int) -> list[Fig]:
    """The people killed with a passive cue's subject ("was killed together with three bodyguards")."""
    toks, lo, hi = sent.toks, sent.lo, sent.hi
    for seq in COMPANIONS.get(toks[e].low, ()) if e < hi else ():
        if tuple(t.low for t in toks[e : e + len(seq)]) == seq:
            return _figures_from(sent, object_items(toks, e + len(seq), lo, hi), i)
    return []


def _intransitive(sent: Sentence, i: int, e: int, seq: tuple[str, ...]) -> list[Fig]:
    """Figures of "died", "lost their lives", "blew himself up": the subject before the cue."""
    toks, lo = sent.toks, sent.lo
    b, also = i, False
    while b > lo and toks[b - 1].low in _BEFORE_INTRANSITIVE:
        if _negation(toks[b - 1].low):
            return []
        also = also or toks[b - 1].low in ALSO_ADVERBS
        b -= 1
    items = subject_items(toks, b, lo)
    if seq in SELF_BLAST:
        counted = [it for it in items if it.count]
        if not counted:
            n = 2 if seq[1] in PRON_PLURAL else 1
            s = toks[b - 1] if b > lo else toks[i]
            return [Fig(n, s.start, toks[e - 1].end, None, "bomber", also, (sent.index, clause_of(sent, i)))]
        for it in counted:
            it.head = "bomber"
        items = counted
    perfect = any(toks[k].low in HAVE_AUX for k in range(b, i))  # "have died"
    return _figures_from(sent, items, i, also=also, perfect=perfect)


def _to_death(sent: Sentence, i: int, e: int) -> list[Fig]:
    """Figures of "stabbed to death" / "beat 2 men to death"; "sentenced to death" is not a death."""
    toks, lo = sent.toks, sent.lo
    if i > lo and toks[i - 1].low in TO_DEATH_VERBS:
        return _passive_or_active(sent, i - 1, e)
    for v in range(i - 2, max(lo, i - 8) - 1, -1):
        if toks[v].low in TO_DEATH_VERBS:
            if _blocked(toks, v, lo):
                return []
            return _figures_from(sent, object_items(toks, v + 1, lo, i), v)
    return []


def _toll(sent: Sentence, i: int) -> list[Fig]:
    """A death toll figure after "toll" ("the death toll rose to 20", "a toll of 12")."""
    toks, lo, hi = sent.toks, sent.lo, sent.hi
    if i > lo and toks[i - 1].low not in TOLL_QUALIFIERS:
        return []
    j, end = i + 1, min(hi, i + 14)
    while j < end:
        low = toks[j].low
        if low in STOP_PUNCT or low in INJURY:
            return []
        if low == "from":
            k = next((k for k in range(j + 1, min(hi, j + 6)) if toks[k].low == "to"), None)
            if k is None:  # "the toll from the strike on X on Saturday rose to 19": the figure it rose to
                k = next(
                    (k for k in range(j + 1, hi) if toks[k].low == "to" and toks[k - 1].low in UPDATE_VERBS),
                    None,
                )
            if k is not None:
                j, end = k + 1, max(end, min(hi, k + 4))
                continue
        qty = parse_qty(toks, j, lo, hi)
        if qty and qty.value is not None:
            item = make_item(toks, j, qty.end, qty.end, qty, False)
            figs = _figures_from(sent, [item], i, toll=True)
            update = any(toks[k].low in UPDATE_VERBS for k in range(max(lo, i - 4), j))
            for f in figs:
                f.update = update
            return figs
        j += 1
    return []


def _sentence_figures(sent: Sentence) -> list[Fig]:
    """All figures stated in one sentence, in order of their cues."""
    toks, lo, hi = sent.toks, sent.lo, sent.hi
    figs: list[Fig] = []
    i = lo
    while i < hi:
        low = toks[i].low
        if low not in CUE_FIRST_WORDS:
            i += 1
            continue
        found: list[Fig] = []
        e = i + 1
        if seq := match_any(toks, i, ACTIVE_PHRASES, hi):
            e = i + len(seq)
            found = _figures_from(sent, object_items(toks, e, lo, hi), i)
        elif low in NOUNS_OF and i + 1 < hi and toks[i + 1].low == "of":
            e = i + 2
            if not _ambiguous(toks, i, i + 1, hi):
                found = _figures_from(sent, object_items(toks, e, lo, hi), i)
            if low in SINGULAR_REMAINS:
                found = [
                    f for f in found if f.count == 1
                ]  # "the body of a man", not "a body of five experts"
        elif seq := match_any(toks, i, INTRANSITIVE, hi):
            e = i + len(seq)
            found = _intransitive(sent, i, e, seq)
        elif seq := match_any(toks, i, PARTICIPLES, hi):
            e = i + len(seq)
            found = _passive_or_active(sent, i, e)
        elif seq := match_any(toks, i, ACTIVE_PRESENT, hi):
            e = i + len(seq)
            if not _blocked(toks, i, lo) and not _ambiguous(toks, i, e, hi):
                also = any(toks[k].low == "also" for k in range(max(lo, i - 2), i))
                found = _figures_from(sent, object_items(toks, e, lo, hi), i, also=also)
        elif seq := match_any(toks, i, TO_DEATH, hi):
            e = i + len(seq)
            found = _to_death(sent, i, e)
        elif seq := match_any(toks, i, DEATH_NOUNS, hi):
            e = i + len(seq)
            if not (i > lo and toks[i - 1].low in DEFINITE) and not _ambiguous(toks, i, e, hi):
                items = [it for it in subject_items(toks, i, lo, False) if it.quantified or it.count == 0]
                # "left four rebels and one soldier dead": every group of people listed before "dead";
                # before a death noun ("3 arrests and 2 deaths"), the last figure only
                if seq != ("dead",) or not all(it.head and is_person(it.head) for it in items):
                    items = items[-1:]
                found = _figures_from(sent, items, i)
        elif low in TOLL_NOUNS:
            found = _toll(sent, i)
        figs.extend(found)
        i = max(e, i + 1)
    return figs


# --- whole text ---------------------------------------------------------------------------------------------


def _sources(sent: Sentence, clause: int) -> int:
    """How many reporting verbs a clause has ("police said", "according to"); 1 at least after "but"."""
    bounds = [sent.lo, *sent.clause_starts, sent.hi]
    a, b = bounds[clause], bounds[clause + 1]
    return max(sum(1 for k in range(a, b) if sent.toks[k].low in REPORTING), int(clause > 0))


def _zero_figures(masked: str) -> list[Fig]:
    """Explicit statements that nobody died ("no one was killed", "no casualties")."""
    out = []
    for rx in ZERO_RES:
        for m in rx.finditer(masked):
            if not ZERO_BLOCK_RE.search(masked[max(0, m.start() - 30) : m.end() + 10]):
                out.append(Fig(0, m.start(), m.end(), None, None, False))
    return out


def _all_figures(text: str) -> list[Fig]:
    """Every figure of dead in the text (internal form), in order."""
    if not isinstance(text, str) or not text.strip():
        return []
    masked = mask(text)
    figs: list[Fig] = []
    for sent in sentences(text, masked) if CUE_RE.search(masked) else ():
        sent_figs = _sentence_figures(sent)
        sources = {c: _sources(sent, c) for c in {f.clause[1] for f in sent_figs}}
        for f in sent_figs:
            f.sources = sources[f.clause[1]]
        figs.extend(_drop_cumulative_tolls(sent, masked, sent_figs))
    figs.extend(_zero_figures(masked))
    figs.sort(key=lambda f: f.start)
    out: list[Fig] = []
    for f in figs:
        if out and f.start < out[-1].end and f.count == out[-1].count:
            continue
        out.append(f)
    return out


def _drop_cumulative_tolls(sent: Sentence, masked: str, figs: list[Fig]) -> list[Fig]:
    """Drop tolls that sum up more than this event ("bringing the toll since May to 40"), and figures
    told in the present perfect over a stretch of time ("300 have been killed in weeks of unrest")."""
    if not any(f.toll or f.perfect for f in figs):
        return figs
    own = any(not f.toll for f in figs)
    text = masked[sent.toks[sent.lo].start : sent.toks[sent.hi - 1].end] if sent.hi > sent.lo else ""
    cumulative = bool(CUMULATIVE_RE.search(text)) or (own and bool(BRINGING_RE.search(text)))
    tally = bool(TALLY_RE.search(text))
    return [f for f in figs if not (f.toll and cumulative or f.perfect and tally)]


# --- public API ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _clause_figures(text: str) -> tuple[Fig, ...]:
    """`_all_figures`, memoised for the clause reading (asked once per pair of events of a sentence)."""
    return tuple(_all_figures(text))


@lru_cache(maxsize=4096)
def _analyse(text: str) -> tuple[tuple[KilledFigure, ...], int | None]:
    """Figures and total of a text, memoised (the coder asks about the same sentences repeatedly)."""
    figs = _all_figures(text)
    return tuple(KilledFigure(f.count, f.start, f.end, f.group, f.also) for f in figs), event_total(figs)


def killed_figures(text: str) -> list[KilledFigure]:
    """Every distinct statement of a number of dead in a text (a sentence or a few sentences), in order."""
    return list(_analyse(text)[0]) if isinstance(text, str) else []


@lru_cache(maxsize=4096)
def _clause_at(text: str, at: int) -> tuple[int, int] | None:
    """(sentence, contrast clause) of the text holding character `at` (clauses split at "while",
    "but", semicolons ...), or None when `at` is in no token."""
    masked = mask(text)
    for sent in sentences(text, masked):
        for k in range(sent.lo, sent.hi):
            if sent.toks[k].start <= at < sent.toks[k].end:
                return sent.index, clause_of(sent, k)
    return None


@lru_cache(maxsize=4096)
def clause_fatalities(text: str, at: int, other: int) -> int | None:
    """The dead of the clause holding character `at` when character `other` (another event's word) lies
    in another clause of the text ("One soldier died in an attack on Sunday, while on Friday militants
    killed five": 1 for the attack); None when both lie in one clause or the clause states none."""
    here = _clause_at(text, at)
    if here is None:
        return None
    if here == _clause_at(text, other):
        return _part_fatalities(text, at, other)
    figs = [f for f in _clause_figures(text) if f.clause == here]
    return event_total(figs) if figs else None


def _part_fatalities(text: str, at: int, other: int) -> int | None:
    """The dead of the part holding `at` when ", and" parts it from the other event's word ("militants
    killed seven civilians in A on Thursday, and four gendarmes died near B on Friday": 7 and 4)."""
    lo, hi = sorted((at, other))
    cut = text.rfind(", and ", lo, hi)
    if cut < 0:
        return None
    return count_fatalities(text[:cut] if at < cut else text[cut + 2 :])


def count_fatalities(text: str) -> int | None:
    """Total killed in the event the text reports, by ACLED's rules; None when no number of dead is stated."""
    return _analyse(text)[1] if isinstance(text, str) else None
