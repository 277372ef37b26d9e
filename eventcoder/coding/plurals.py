"""Plurals that tell events in general: a plural event noun with no place of its own ("attacks on
schools"), one taken one by one ("each of the six protests"), a verb told of kinds of people
("kidnap farmers for ransom"), unless an armed side answered with them then ("The army responded
with air strikes on RSF positions"). Also what is told of many occurrences or none in particular: a
clause told of a whole country ("shot dead across the country"), a present-tense "as" clause ("as it
battles the army"). Used by triggers.make_candidate and `generic`; a pure part of the coding core.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.attach import place_preps
from eventcoder.coding.candidates import Candidate
from eventcoder.coding.cues import Cues
from eventcoder.coding.places import country_for_name
from eventcoder.coding.rules import lemma, told_set

ARMED_ENTS = frozenset({"ORG", "NORP"})  # "Hamas responded", "Israeli forces responded"


def generic_plural(cand: Candidate, cues: Cues) -> bool:
    """A plural noun ('attacks') with no place of its own: events in general, not one occurrence."""
    head = cand.head
    if not cand.nominal or head.tag_ not in ("NNS", "NNPS"):
        return False
    if counted_plural(head, cues):  # "each of the first six protests in Tbilisi"
        return True
    if head.lower_ in cues.plurale_tantum or told_set(head, cues) or answered_with(cand, cues):
        return False
    return not any(rank < 50 for rank, _ in place_preps(cand, cues))


def answered_with(cand: Candidate, cues: Cues) -> bool:
    """Strikes an armed side answered with, in the simple past ("The army responded with air strikes on
    RSF positions"): what it did then, not strikes in general."""
    verb, prep = cand.anchor, cand.head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if cand.head.dep_ != "pobj" or prep.lower_ != "with" or prep.head != verb or verb.tag_ != "VBD":
        return False
    return subject is not None and (lemma(subject) in cues.armed_subjects or subject.ent_type_ in ARMED_ENTS)


def counted_plural(head: Token, cues: Cues) -> bool:
    """A plural event noun taken one by one or as a whole ("each of the first six protests", "all of the
    raids"): several occurrences told together; a specific date of their own still makes them news
    (the caller checks it). A bare number is not enough: "fired six missiles" is one strike."""
    of = head.head
    return head.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in cues.distributive_quantifiers


def habitual_clause(cand: Candidate, cues: Cues) -> bool:
    """A verb told of kinds of people or things, not of one occurrence: its object a bare plural
    ("have attacked schools", "kidnap farmers for ransom") and either an indefinite place ("in some
    areas", "in many villages") or a bare plural subject and no place of its own."""
    head = cand.head
    if cand.nominal or head.tag_ not in ("VBN", "VBP", "VBZ"):
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in cues.just_happened_aux for c in head.children)
    if head.tag_ == "VBN" and not perfect:
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if not objects or not bare_plural(objects[0]):
        return False
    preps = [c for c in head.children if c.dep_ == "prep"]
    if any(
        bare_plural(o, cues.indefinite_quantifiers) for p in preps for o in p.children if o.dep_ == "pobj"
    ):
        return True
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return bool(subjects) and bare_plural(subjects[0]) and not place_preps(cand, cues)


def bare_plural(noun: Token, quantifiers: frozenset[str] = frozenset()) -> bool:
    """A common plural noun with no article, number or possessor ("schools"); with quantifiers, one
    that carries one of them instead ("some areas")."""
    if noun.tag_ != "NNS" or noun.ent_type_:
        return False
    if quantifiers:
        return any(
            c.dep_ in ("det", "nummod", "poss", "amod") and c.lower_ in quantifiers for c in noun.children
        )
    return not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def country_wide(verb: Token, cues: Cues) -> bool:
    """A clause told of a whole country ("shot dead across the country", "killed nationwide"): a tally of
    many occurrences, however recent its start."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in cues.nationwide_words:
            return True
        if child.dep_ == "prep" and child.lower_ in ("across", "throughout"):
            if any(g.dep_ == "pobj" and whole_country(g, cues) for g in child.children):
                return True
    return False


def whole_country(noun: Token, cues: Cues) -> bool:
    """Whether the noun is "the country", "the nation" or a country's name ("across Bangladesh")."""
    name = noun.doc[noun.left_edge.i : noun.i + 1].text.removeprefix("the ")
    return lemma(noun) in cues.nationwide_words or country_for_name(name) is not None


def told_country_wide(cand: Candidate, cues: Cues) -> bool:
    """The candidate's clause, or the one it hangs on, is told of a whole country ("nearly 100 were
    killed across Bangladesh as protesters clashed with police")."""
    return any(country_wide(v, cues) for v in {cand.head, cand.anchor, cand.anchor.head})


def ongoing_clause(cand: Candidate) -> bool:
    """A present-tense clause opened by "as" or "while" in the body ("has besieged the city for weeks as it
    battles the army for control"): what is going on, no one occurrence."""
    verb = cand.head
    if cand.nominal or cand.headline or verb.tag_ not in ("VBZ", "VBP") or verb.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children)
