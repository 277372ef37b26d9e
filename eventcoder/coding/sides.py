"""The two sides a clash noun names around it: "clashes pitting X against Y" (`pitted_sides`) and "fighting
between X and Y" told by a gerund the parser reads as a verb (`gerund_sides`); the parties "their" talks
stand for (`their_parties`). Used by `participants`; a pure part of the coding core.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.rules import VERBAL, of_objects, path_up
from eventcoder.coding.subjects import subject_of

PITTING_WORDS = frozenset({"pitting", "pitted", "pits"})


def pitted_sides(noun: Token) -> tuple[Token, Token] | None:
    """The two sides of "clashes pitting X against Y" (the heads of X and Y), however the parser hangs
    them: the last noun between "pitting" and "against", and the object of "against"."""
    doc, end = noun.doc, noun.sent.end
    pit = next((t for t in doc[noun.i + 1 : min(noun.i + 3, end)] if t.lower_ in PITTING_WORDS), None)
    if pit is None:
        return None
    against = next((t for t in doc[pit.i + 1 : min(pit.i + 10, end)] if t.lower_ == "against"), None)
    if against is None:
        return None
    first = [t for t in doc[pit.i + 1 : against.i] if t.pos_ in ("NOUN", "PROPN")]
    other = next((g for g in against.children if g.dep_ == "pobj"), None)
    return (first[-1], other) if first and other is not None else None


GERUND_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "ROOT"})


def gerund_sides(head: Token) -> tuple[Token, Token | None] | None:
    """The sides of "Fighting between X and Y erupted": a gerund standing as a noun (a subject, object,
    a headline's root or, misparsed, an adverbial clause opening the sentence, with no subject of its
    own) and the objects of its "between"."""
    opening = head.dep_ == "advcl" and head.i == head.sent.start  # "Fighting between X and Y ... killed 24"
    if head.tag_ != "VBG" or (head.dep_ not in GERUND_NOUN_DEPS and not opening):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in head.children):
        return None
    between = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    first = next((g for g in between.children if g.dep_ == "pobj"), None) if between is not None else None
    if first is None:
        return None
    return first, next((c for c in first.conjuncts if c.i > first.i), None)


def their_parties(head: Token) -> Token | None:
    """Who "their" stands for in "their talks", "a meeting of their ministers": the subject of a verb
    above the noun naming two or more parties ("X and Y agreed to resume talks after a meeting of their
    ministers", "X and Y said their talks ..."); None when the noun has no "their" or no such subject."""
    owners = (head, *of_objects(head))
    if not any(c.dep_ == "poss" and c.lower_ == "their" for t in owners for c in t.children):
        return None
    for tok in path_up(head):
        subject = subject_of(tok) if tok.i != head.i and tok.pos_ in VERBAL else None
        if subject is not None and head not in subject.subtree:  # not the talks themselves
            return subject if subject.conjuncts else None
    return None


PAIR_WORDS = frozenset({"two", "rival", "both"})


def paired(noun: Token) -> bool:
    """A plural naming both sides of a fight alike ("two armed groups", "rival militias")."""
    return noun.tag_ == "NNS" and any(c.lower_ in PAIR_WORDS for c in noun.children)
