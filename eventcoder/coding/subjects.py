"""Who a verb's subject is, however the parser hung it: inherited from the verb it is conjoined with or
controlled by, the noun before a verb left with none, or the subject of a parenthetical participle the
parser made its head ("The attackers, believed to be jihadists, also targeted X"); whether a noun can
name a side (`names_side`), whether a reporting verb's subject is an onlooker (`reported_by_onlooker`),
who suffers what a verb tells (`suffered`: "died", "came under fire"; `exposed_to`: "subjected the
troops to heavy fire"), who tells it (`speaker_of`) and who defends (`repels`: "repelled the attack";
`repelled_attackers`).
Used by `participants`, `triggers`, `generic` and `mentions`; a pure part of the coding core.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.cues import Cues
from eventcoder.coding.rules import FINITE_TAGS, lemma, possessor


def subject_of(verb: Token) -> Token | None:
    """Active subject of a verb (inherited from the verb it is conjoined with or controlled by, or that its
    participle clause follows: "soldiers launched an operation, detaining five")."""
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i
    controller = verb.head if verb.dep_ in ("conj", "xcomp") or participle else gerund_controller(verb)
    for v in (verb, controller):
        if v is None:
            continue
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
        if subjects:  # of two (a dateline's place misread as one), the one next to the verb
            child = max((c for c in subjects if c.i < v.i), key=lambda c: c.i, default=subjects[0])
            return (noun_before(child) or child) if child.ent_type_ in TIME_ENTS else child
    if verb.tag_ in FINITE_TAGS and not any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return noun_before(verb) or parenthetical_subject(verb)  # no subject: one hung elsewhere
    return None


def gerund_controller(verb: Token) -> Token | None:
    """The verb whose subject does a gerund after a preposition ("X responded by firing rockets", "gunmen
    fled after killing two": X, the gunmen)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPS:
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") and prep.head.i < verb.i else None


GERUND_PREPS = frozenset({"by", "after", "before", "while", "without", "upon"})


def parenthetical_subject(verb: Token) -> Token | None:
    """The subject the parser gave a participle set off before the verb ("The attackers, believed to be
    jihadists, also targeted": "believed" took "attackers", who are the ones believed, not believers)."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and c.tag_ in PARTICIPLES):
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        set_off = subject is not None and any(t.text == "," for t in verb.doc[subject.i + 1 : clause.i])
        if set_off and subject.pos_ in ("NOUN", "PROPN"):  # not "when gunmen attacked, ..."
            return subject
    return None


TIME_ENTS = frozenset({"DATE", "TIME"})
DATE_GLUE = frozenset({"ADP", "DET", "NUM", "PUNCT"})  # "troops | on Thursday, 15 March | attacked"
MISHUNG = frozenset({"appos", "conj", "nsubj"})
PARTICIPLES = frozenset({"VBN", "VBD"})  # "believed", "said" (a past participle the parser may tag as past)


def noun_before(word: Token) -> Token | None:
    """The noun just before a verb with no subject, or before a date read as its subject, that the
    parser hung on an earlier noun ("According to X, the group's spokesman, troops on Thursday 15
    March attacked": the troops)."""
    for tok in reversed(word.doc[word.sent.start : word.i]):
        if tok.ent_type_ in TIME_ENTS or tok.pos_ in DATE_GLUE and tok.text != ",":
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in MISHUNG:
            return None
        # "near X village, Y county, the army and the Zarvo Front clashed": the parser chains the
        # subjects onto the places; the pair joined by "and" before the verb is the subject
        while tok.dep_ == "conj" and any(
            t.dep_ == "cc" and t.head == tok.head for t in word.doc[tok.head.i : tok.i]
        ):
            tok = tok.head
        return tok
    return None


def names_side(tok: Token, cues: Cues) -> bool:
    """A noun that can name a side: a name, or a word for armed men, forces, a crowd or people."""
    if tok.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
        return True
    return side_word(lemma(tok), cues) or lemma(tok) in cues.crowd_nouns or lemma(tok) in cues.person_words


def reported_by_onlooker(verb: Token, cues: Cues) -> bool:
    """A reporting verb whose subject names no side ("residents reported air strikes"; not "the army
    reported clashes with X", a side telling its own fight)."""
    subject = subject_of(verb) if lemma(verb) in cues.reporting_verbs else None
    return subject is not None and subject.pos_ == "NOUN" and not side_word(lemma(subject), cues)


def side_word(word: str, cues: Cues) -> bool:
    """A word for armed men, a state's forces or security (looked up without building a union per call)."""
    return word in cues.armed_subjects or word in cues.state_force_nouns or word in cues.security_nouns


def suffered(verb: Token, cues: Cues) -> bool:
    """A verb whose subject suffers what happened ("died", "came under fire")."""
    if lemma(verb) in cues.victim_subject_verbs:
        return True
    return any(f"{lemma(verb)} {c.lower_}" in cues.victim_subject_phrases for c in verb.children)


def exposed_to(head: Token, cues: Cues) -> Token | None:
    """Who a verb "subjected" or "exposed" to a noun trigger ("subjected Armenian troops to heavy fire")."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "to" or lemma(prep.head) not in cues.exposing_verbs:
        return None
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")), None)


def speaker_of(tok: Token, cues: Cues) -> Token | None:
    """The subject of the reporting verb a word is told under ("the army said its jets struck": the army)."""
    verb = next((a for a in tok.ancestors if lemma(a) in cues.reporting_verbs), None)
    return subject_of(verb) if verb is not None else None


def repelled_attackers(noun: Token, verb: Token) -> Token | None:
    """Whose "their attacks" a verb of fending off repelled: the actor named last before the pronoun that is
    not among the verb's subjects (the defenders)."""
    return possessor(noun, frozenset(t.i for c in verb.lefts if c.dep_ == "nsubj" for t in c.subtree))


def repels(verb: Token, cues: Cues) -> bool:
    """A verb of fending off an attack ("repelled", "beat back", "fought off"): its subject defends."""
    prts = [c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")]
    return lemma(verb) in cues.repel_verbs or any(f"{lemma(verb)} {p}" in cues.repel_verbs for p in prts)
