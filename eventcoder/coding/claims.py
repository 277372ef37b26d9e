"""Who the text says did an event it tells without naming who did: a claim of responsibility or a
blame. "X claimed responsibility for the attack" names the attack's side in the claim's own clause
(participants.claimed_by); this module reads the two other ways news writes it:

* a blame on the event's noun: "Police blamed X for the attack", "X was blamed for the bombing"
  (`blamed`);
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
CLAIM_REACH = 2  # a claim told on its own is of a violent event told this many sentences before at most


def blamed(noun: Token) -> Token | None:
    """The one a blame names for the event noun ("blamed X for the attack", "X was blamed for it"), or
    None."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or BLAME_PREPOSITIONS.get(lemma(verb)) != prep.lower_:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
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
    "in connection with the bombing")."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in cues.charge_prepositions:
        verb = prep.head
    elif prep.lower_ == "with" and lemma(prep.head) in cues.charge_nouns and prep.head.head.dep_ == "prep":
        verb = prep.head.head.head
    else:
        return False
    return trigger_at(verb, "arrest")
