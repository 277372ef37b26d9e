"""Who the text says did an event it tells without naming who did: a claim of responsibility or a
blame. "X claimed responsibility for the attack" names the attack's side in the claim's own clause
(participants.claimed_by); this module reads the two other ways news writes it:

* a claim in a relative clause of the event's noun: "the attack, which was claimed by X"
  (`claimed_in_relative`);
* a blame on the event's noun: "Police blamed X for the attack", "X was blamed for the bombing"
  (`blamed`), or in the report of it: "..., activists said, blaming X" (`blamed_by_reporter`);
* a claim told in a sentence of its own, with no event word: "The X group claimed responsibility."
  (`claim_subjects`): it claims the violent event told just before it (mentions.to_mention).

And the opposite: an event told only as what people were arrested for ("arrested two over the killing",
"in connection with the attack", `charged_with`) was not done by the arresters, nor in the arrest.

A pure part of the coding core.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventcoder.coding.cues import Cues
from eventcoder.coding.nlp import TRIGGER_SPANS, trigger_at
from eventcoder.coding.rules import lemma
from eventcoder.coding.sentcache import remembered

BLAME_PREPOSITIONS = {"blame": "for"}  # "blamed X for" ("accused X of" tells an allegation: no event)
BLAMED_ON = "on"  # "blamed the attack on X": the event blamed, then who
CLAIM_REACH = 2  # a claim told on its own is of a violent event told this many sentences before at most


def blamed(noun: Token) -> Token | None:
    """The one a blame names for the event noun ("blamed X for the attack", "X was blamed for it", "blamed
    the attack on X", "the attack was blamed on X", "attacks blamed on X"), or None."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and BLAME_PREPOSITIONS.get(lemma(verb)) == prep.lower_:
        return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if noun.dep_ in ("dobj", "nsubjpass"):
        verb = noun.head
    else:
        verb = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if verb is None or lemma(verb) not in BLAME_PREPOSITIONS:
        return None
    # the parser hangs "on X" on the verb or on the noun blamed
    preps = (c for c in (*verb.children, *noun.children) if c.dep_ == "prep" and c.lower_ == BLAMED_ON)
    on = next(preps, None)
    who = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    return who if names_someone(who) else None


def claimed_in_relative(noun: Token, cues: Cues) -> Token | None:
    """The claimant a relative clause of the event noun names ("the attack, which was claimed by X")."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or lemma(clause) not in cues.claim_verbs:
            continue
        agent = next((c for c in clause.children if c.dep_ == "agent"), None)
        who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if who is not None:
            return who
    return None


def names_someone(who: Token | None) -> bool:
    """A blamed phrase that holds a name: a blame on a kind of people ("blamed on jihadists") names no one
    the event's own words do not."""
    return who is not None and any(t.pos_ == "PROPN" for t in who.subtree)


def blamed_by_reporter(verb: Token, cues: Cues) -> Token | None:
    """The one the report of an event blames ("23 civilians were killed, activists said, blaming X"): the
    object of the reporting verb's participle of blame, when it holds a name (not "blaming jihadists")."""
    report = verb.head if verb.dep_ == "ccomp" else None
    if report is None or lemma(report) not in cues.reporting_verbs:
        return None
    for clause in report.children:
        if clause.dep_ == "advcl" and lemma(clause) in BLAME_PREPOSITIONS:
            who = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if names_someone(who):
                return who
    return None


def claim_subjects(doc: Doc, cues: Cues) -> tuple[Token, ...]:
    """The subjects of the doc's claims of responsibility that tell no event word of their own ("The
    group claimed responsibility in a statement"), in order."""
    return remembered(doc, ("claim_subjects", id(cues)), lambda: read_claim_subjects(doc, cues))


def read_claim_subjects(doc: Doc, cues: Cues) -> tuple[Token, ...]:
    """`claim_subjects`, worked out."""
    triggers = {t for span in doc.spans.get(TRIGGER_SPANS, ()) for t in range(span.start, span.end)}
    found = []
    for tok in doc:
        if lemma(tok) not in cues.claim_verbs or tok.pos_ != "VERB":
            continue
        if not any(lemma(c) == "responsibility" and c.dep_ == "dobj" for c in tok.children):
            continue
        if any(t.i in triggers for t in tok.subtree):
            continue  # "claimed responsibility for the attack": the attack's own clause tells it
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if subjects:
            found.append(named_in(subjects[0]))
    return tuple(found)


def named_in(subject: Token) -> Token:
    """The dictionary name a subject's noun phrase holds before its head ("the X extremist group" -> X),
    else the subject."""
    return next((t for t in subject.subtree if t.ent_id_ and t.i < subject.i), subject)


def charged_with(noun: Token, cues: Cues) -> bool:
    """A violent noun told as what people were arrested for ("arrested over the killing", "for the attack",
    "in connection with the bombing", "in that attack": one told before)."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    pointed = any(c.dep_ == "det" and c.lower_ in ("that", "those") for c in noun.children)
    pointed = pointed and prep.lower_ == "in"
    if prep.lower_ in cues.charge_prepositions or pointed:
        verb = prep.head
    elif prep.lower_ == "with" and lemma(prep.head) in cues.charge_nouns and prep.head.head.dep_ == "prep":
        verb = prep.head.head.head
    else:
        return False
    return trigger_at(verb, "arrest")
