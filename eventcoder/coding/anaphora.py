"""Anaphora: whom "they", "the group", "the latter" stand for (the actor named before them), for
`participants.resolve_actor`. A pure part of the coding core."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.actors import Actor
from eventcoder.coding.candidates import ArticleContext, CoderResources
from eventcoder.coding.cues import Cues
from eventcoder.coding.rules import lemma, lookup_text, noun_phrase, span_ents
from eventcoder.coding.subjects import subject_of

ARMED_TYPES = (1, 2, 3, 4, 8)
NON_STATE_ARMED = tuple(t for t in ARMED_TYPES if t != 1)  # all but state forces


def antecedent(tok: Token, country: str | None, ctx: ArticleContext, res: CoderResources) -> Actor | None:
    """What 'they', 'their' or 'the group' stands for: the nearest armed actor named before it in
    the sentence (for 'the group' or 'the militants', a non-state one: never the police or army),
    else the last armed non-state actor of the article."""
    wanted = NON_STATE_ARMED if tok.pos_ in ("NOUN", "PROPN") else ARMED_TYPES
    # "rebels in X said they had captured", "rebels killed ten when they blew up ...": the rebels
    speaker = reporting_subject(tok, res.cues) or main_clause_subject(tok)
    if speaker is not None:
        actor = res.actors.resolve(lookup_text(noun_phrase(speaker)), country)
        if actor is not None and actor.inter in wanted:
            return actor
    for prev in reversed(list(tok.sent[: tok.i - tok.sent.start])):
        if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ not in ("compound", "amod"):
            actor = res.actors.resolve(lookup_text(noun_phrase(prev)), country)
            if actor is not None and actor.inter in wanted:
                return actor
    return ctx.last_armed_actor


SIMULTANEOUS_MARKS = frozenset({"when", "as", "while"})


def main_clause_subject(tok: Token) -> Token | None:
    """The subject of the clause an adverbial clause hangs on, for the pronoun subject opening it ("X
    killed ten officers when they blew up a vehicle": X, not the officers); a "when" clause hanging on a
    verb conjoined to X's too ("X killed two and wounded three when they attacked"), not an "after" one
    ("X clashed with Y after they kidnapped a herder": Y, the nearest)."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.dep_ != "advcl" or verb.i < verb.head.i:
        return None
    own = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if own is not None or not marks & SIMULTANEOUS_MARKS:
        return own
    subject = subject_of(verb.head)  # "X killed two and wounded three when they ...": X, the conjunct's too
    return subject if subject is not None and subject.pos_ != "PRON" else None


def patient_antecedent(tok: Token, country: str | None, res: CoderResources) -> Actor | None:
    """Whom an object pronoun stands for ("forced nine passengers off and shot them"): the nearest people
    named before it in the sentence who are no country's government."""
    for prev in reversed(list(tok.sent[: tok.i - tok.sent.start])):
        if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj"):
            actor = res.actors.resolve(lookup_text(noun_phrase(prev)), country)
            if actor is not None and not res.actors.is_generic(actor, "government"):
                return actor
    return None


def reporting_subject(tok: Token, cues: Cues) -> Token | None:
    """The subject of the reporting verb whose clause a pronoun subject opens ("X said it had ...")."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.dep_ != "ccomp" or lemma(verb.head) not in cues.reporting_verbs:
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def former_or_latter(tok: Token, country: str | None, res: CoderResources) -> Actor | None:
    """'the latter' / 'the former': the last or the first of the actors named before it in the sentence."""
    named: list[Actor] = []
    for ent in span_ents(tok.sent):
        if ent.end <= tok.i and ent.label_ in ("ORG", "NORP", "GPE"):
            actor = res.actors.resolve(ent.text, country)
            if actor is not None and (not named or named[-1].name != actor.name):
                named.append(actor)
    if not named:
        return None
    return named[-1] if tok.lower_ == "latter" else named[0]
