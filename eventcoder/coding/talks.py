"""Whether talks told were held: a meeting of named parties (not places that "meet" at a border), talks
not told as stalled or as the backdrop of another event. Used by `triggers`; a pure part of the coding
core.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.attach import plausible_place_name
from eventcoder.coding.candidates import Candidate
from eventcoder.coding.cues import Cues
from eventcoder.coding.rules import PLACE_LABELS, conjuncts, lemma


def meeting_held(verb: Token) -> bool:
    """A verb "meet" that tells a meeting: parties named, no places meeting; any other talks verb is."""
    return lemma(verb) != "meet" or (meets_someone(verb) and not places_meet(verb))


def meets_someone(verb: Token) -> bool:
    """'X met Y' / 'X and Y met' / 'met with Y', where the parties are named."""
    named = {"PERSON", "ORG", "GPE", "NORP"}
    for child in verb.children:
        if child.dep_ == "dobj" and child.ent_type_ in named:
            return True
        if child.dep_ == "prep" and child.lower_ == "with":
            if any(g.ent_type_ in named for g in child.subtree):
                return True
        if child.dep_ == "nsubj" and child.conjuncts:
            return True
    return False


def places_meet(verb: Token) -> bool:
    """Places that meet ("the lake, where Niger, Chad and Nigeria meet"): a border, not a meeting."""
    if not any(c.lower_ == "where" for c in verb.children):
        return False
    named = [t for s in verb.children if s.dep_ == "nsubj" for t in conjuncts(s) if t.pos_ == "PROPN"]
    return bool(named) and all(t.ent_type_ in PLACE_LABELS or plausible_place_name(t) for t in named)


def talks_not_held(cand: Candidate, cues: Cues) -> bool:
    """Talks told as stalled ("talks have stalled", "suspended the talks") or as the backdrop of what the
    sentence reports ("attacked a post despite peace talks", "amid talks", with no date of their own)."""
    head = cand.head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and lemma(cand.anchor) in cues.stalled_verbs:
        return True
    backdrop = head.dep_ == "pobj" and head.head.lower_ in cues.backdrop_prepositions
    return backdrop and not cand.eventive and not any(t.ent_type_ == "DATE" for t in head.subtree)
