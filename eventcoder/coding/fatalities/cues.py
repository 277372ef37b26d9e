"""The word lists of ``data/fatality_cues.json`` as sets, indexes and patterns, and the prefilter.

Every word the fatalities rules read is in the data file; only punctuation (quotes, stop marks), which is
syntax of the tokeniser rather than vocabulary, is defined here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from eventcoder.config import DATA_DIR

CUES_PATH = DATA_DIR / "fatality_cues.json"

Index = dict[str, tuple[tuple[str, ...], ...]]

QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»", "`"})  # dropped by the tokeniser
STOP_PUNCT = frozenset({".", ";", ":", "!", "?", '"', "“", "”", "—", "(", ")", "[", "]", "|"})

_RAW: dict[str, Any] = json.loads(CUES_PATH.read_text("utf-8"))


def _without_comments(value: Any) -> Any:
    """A data value with its comment keys (those starting with "_") dropped, at any depth."""
    if isinstance(value, dict):
        return {k: _without_comments(v) for k, v in value.items() if not k.startswith("_")}
    return value


def _cue(key: str) -> Any:
    """One top-level entry of the data file, without comments."""
    return _without_comments(_RAW[key])


def _word_set(key: str) -> frozenset[str]:
    """A word list of the data file, as a set."""
    return frozenset(_cue(key))


def _seqs(words: Iterable[str]) -> Index:
    """Multi-word cues as token tuples, indexed by first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in {tuple(w.split()) for w in words}:
        index.setdefault(seq[0], []).append(seq)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _words_re(words: Iterable[str], end: str = r"\b") -> re.Pattern[str]:
    """A case-insensitive regex finding any of the words (or word patterns) from a word start."""
    return re.compile(r"\b(?:" + "|".join(words) + ")" + end, re.I)


# --- numbers and quantities ---------------------------------------------------------------------------------

UNITS: dict[str, int] = _cue("number_units")
TENS: dict[str, int] = _cue("number_tens")
SCALES: dict[str, int] = _cue("number_scales")
VAGUE: dict[tuple[str, ...], int] = {tuple(k.split()): v for k, v in _cue("vague_numbers").items()}
VAGUE_SEQS = _seqs(" ".join(k) for k in VAGUE)
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS)
NO_NUMBER = _seqs(_cue("no_number_quantifiers"))
MODIFIERS = _seqs(m for ms in _cue("modifiers").values() for m in ms)
MODIFIER_KIND: dict[tuple[str, ...], str] = {
    tuple(m.split()): kind for kind, ms in _cue("modifiers").items() for m in ms
}
QTY_UNITS = _word_set("quantity_units")
QTY_BLOCKERS = _word_set("quantity_blockers_before")
MONTHS = _word_set("months")

# --- death cues ---------------------------------------------------------------------------------------------

PARTICIPLES = _seqs(_cue("death_participles"))
ACTIVE_PRESENT = _seqs(_cue("death_active_present"))
INTRANSITIVE = _seqs(_cue("death_intransitive"))
SELF_BLAST = frozenset(tuple(p.split()) for p in _cue("self_blast_phrases"))  # intransitive: the bomber died
TO_DEATH_VERBS = _word_set("to_death_verbs")
TO_DEATH = _seqs(_cue("to_death_phrases"))
DEATH_NOUNS = _seqs(_cue("death_nouns"))
NOUNS_OF = _word_set("death_nouns_of")
ACTIVE_PHRASES = _seqs(_cue("death_active_phrases"))
TOLL_NOUNS = _word_set("toll_nouns")
TOLL_QUALIFIERS = _word_set("toll_qualifiers")
UPDATE_VERBS = _word_set("update_verbs")
INJURY = _word_set("injury_words")
AMBIGUOUS_WITH = _word_set("ambiguous_with")
CUE_JOINERS = _word_set("cue_joiners")
NOT_MODIFIERS = INJURY | AMBIGUOUS_WITH | {w for ws in _cue("death_participles") for w in ws.split()}
MODAL_BLOCKERS = _word_set("modal_blockers")
ZERO_RES = tuple(re.compile(p, re.I) for p in _cue("zero_patterns"))
ZERO_BLOCK_RE = _words_re(_cue("zero_blockers"), end="")
DEATH_WORD_RE = _words_re(_cue("death_word_stems"), end="")
CUMULATIVE_RE = _words_re(_cue("cumulative_patterns"))
BRINGING_RE = _words_re(_cue("bringing_words"))
TALLY_RE = _words_re(_cue("perfect_tally_patterns"))  # "have been killed in weeks of unrest": a tally

# --- people and the words around them -----------------------------------------------------------------------

ALSO = _word_set("also_words")
ALSO_ADVERBS = _word_set("also_adverbs")
REPORTING = _word_set("reporting_words")
CONTRAST = _word_set("contrast_words")
OFFSET_UNITS = _word_set("offset_units")  # ", two days after militants attacked ...": another day's clause
OFFSET_MARKS = _word_set("offset_marks")
RESULT_PARTICIPLES = _word_set("result_participles")  # "leaving 1 soldier killed": its object is the dead
PERSON = _word_set("person_nouns")
PLURAL_COLLECTIVE = _word_set("plural_collectives")
NONPERSON = _word_set("nonperson_nouns")
CATEGORY: dict[str, str] = {w: cat for cat, ws in _cue("categories").items() for w in ws}
SYNONYM: dict[str, str] = {w: key for key, ws in _cue("synonym_groups").items() for w in ws}
ADJ_ED = _word_set("adjectives_ed")
ADJ_ING = _word_set("adjectives_ing")
IRREGULAR_VERBS = _word_set("irregular_verbs")
IRREGULAR_SINGULAR: dict[str, str] = _cue("irregular_singulars")
PRON_SINGULAR = _word_set("pronouns_singular")
PRON_PLURAL = _word_set("pronouns_plural")
REFLEXIVE = _word_set("reflexive_singular")
GENERIC = _word_set("generic_groups")
ABBREVIATIONS = _word_set("abbreviations")
BE_AUX = _word_set("be_auxiliaries")
HAVE_AUX = _word_set("have_auxiliaries")
AUX = BE_AUX | HAVE_AUX | _word_set("modal_auxiliaries")
AUX_LEFT = AUX | _word_set("before_auxiliary")
NEGATIONS = _word_set("negations")
SEQUENCE_ADVERBS = _word_set("sequence_adverbs")
ADVERBS = _word_set("adverbs")
INTRANSITIVE_LINKS = _word_set("intransitive_links")
PREPOSITIONS = _word_set("prepositions")
ORIGIN_PREPOSITIONS = _word_set("origin_prepositions")  # "two farmers from X village were killed"
ORIGIN_PARTICIPLES = _word_set("origin_participles")
ORIGIN_PLACE_WORDS = _word_set("origin_place_words")
COMPANIONS = _seqs(_cue("companion_joiners"))  # "was killed together with three bodyguards"
SEPARATORS = _seqs([*_cue("list_separators"), *_cue("breakdown_separators")])
BREAKDOWN_SEPARATORS = frozenset(tuple(s.split()) for s in _cue("breakdown_separators"))
DETERMINERS = _word_set("determiners")
DEFINITE = _word_set("definite_determiners")
ZERO_WORDS = _word_set("zero_words")
OF_PRONOUNS = _word_set("of_pronouns")
OBJECT_STARTERS = _word_set("object_starters")
RELATIVE_RE = re.compile(r",\s*(?:" + "|".join(_cue("relative_pronouns")) + r")\b[^,.;()]*,")

# --- the prefilter ------------------------------------------------------------------------------------------


def _index_phrases(*indexes: Index) -> list[str]:
    """Every cue of the indexes, as a space-separated phrase."""
    return [" ".join(seq) for index in indexes for group in index.values() for seq in group]


# Every phrase a figure can start from in a sentence (figures._sentence_figures matches these indexes), so
# the prefilter and the parser read the same lists and cannot drift apart.
CUE_PHRASES: tuple[str, ...] = (
    *_index_phrases(ACTIVE_PHRASES, INTRANSITIVE, PARTICIPLES, ACTIVE_PRESENT, TO_DEATH, DEATH_NOUNS),
    *(f"{noun} of" for noun in NOUNS_OF),
    *TOLL_NOUNS,
)
CUE_FIRST_WORDS = frozenset(p.split()[0] for p in CUE_PHRASES)


def _phrase_pattern(phrase: str) -> str:
    """A phrase as the tokeniser reads it: its words apart by spaces or dropped quotes, ’ read as '."""
    gap = "[\\s" + re.escape("".join(sorted(QUOTES))) + "]+"
    return gap.join(re.escape(w).replace("'", "['’]") for w in phrase.split())


def _prefilter_re(phrases: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive regex finding any of the phrases as whole tokens."""
    alternatives = sorted({_phrase_pattern(p) for p in phrases}, key=len, reverse=True)
    # A word token never follows a letter and never precedes a word character: whole tokens, no more.
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(alternatives) + r")(?!\w)", re.I)


CUE_RE = _prefilter_re(CUE_PHRASES)  # a text without a match states no figure of dead

# --- a note's own statement of its dead ---------------------------------------------------------------------

_NUM = r"(?:\d+|" + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True)) + ")"
_SUMMARY: dict[str, list[str]] = _cue("note_summary")
SUMMARY_COUNT_RES = tuple(re.compile(p.replace("NUM", _NUM), re.I) for p in _SUMMARY["count_patterns"])
SUMMARY_ADD_RES = tuple(re.compile(p.replace("NUM", _NUM), re.I) for p in _SUMMARY["addition_patterns"])
SUMMARY_SPLIT_RES = tuple(re.compile(p.replace("NUM", _NUM), re.I) for p in _SUMMARY["split_patterns"])
