"""Settlements as a text names them: "the town of X", "the villages of A, B and C" (`settlement_of`), the
settlement or place a verb takes ("overran the town of X": `taken_settlement`; "recaptured X":
`taken_place`) and where a proper name written before a word begins (`name_start`). Used by `attach` to
place violent events; a pure part of the coding core.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.cues import Cues
from eventcoder.coding.rules import lemma


def taken_settlement(verb: Token, cues: Cues) -> str | None:
    """The settlement a verb's object names ("overran the town of X"), or the object of its control
    ("took control of the town of X")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and lemma(obj) in cues.control_nouns:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    settled = settlement_of(obj, cues) if obj is not None else None
    return settled[0] if settled is not None else None


def settlement_of(noun: Token, cues: Cues) -> tuple[str, int] | None:
    """ "the town of X", "the village of X-Y": the settlement word with its name as written ("town of X")
    and the index after the name; None for any other noun."""
    if lemma(noun) not in cues.settlement_words:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    name = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if name is None or name.pos_ != "PROPN" or name.ent_type_ == "NORP":  # "the town of X": a place,
        return None  # whatever the tagger took X for
    last = name  # "the villages of A, B and C": the list
    more = [c for c in last.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    while more and noun.tag_ == "NNS":
        last = more[-1]
        more = [c for c in last.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return f"{noun.text} of {noun.doc[name_start(name, name.i) : last.i + 1].text}", last.i + 1


def name_start(target: Token, end: int) -> int:
    """Where the proper name before token `end` begins (compound PROPNs, hyphenated: "Kiru-Adok")."""
    doc, start = target.doc, end
    while start > 0:
        before = doc[start - 1]
        if before.dep_ == "compound" and before.pos_ == "PROPN":
            start -= 1
        elif (  # "Pont-Sonde": the hyphen may hang on the last word, the first word on either
            start > 1
            and before.text == "-"
            and not before.whitespace_
            and doc[start - 2].pos_ == "PROPN"
            and not doc[start - 2].whitespace_
        ):
            start -= 2
        else:
            break
    return start


def taken_place(verb: Token) -> str | None:
    """The place a verb of taking territory names as its object ("recaptured X, the capital of Y state"):
    a proper name of no actor of the dictionary."""
    # the object, or a name right after the verb the parser took for its subject ("had recaptured Wad
    # Madani, the capital of ...")
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "nsubj")), None)
    if obj is None or obj.pos_ != "PROPN" or obj.ent_id_ or obj.ent_type_ in ("NORP", "DATE"):
        return None
    return obj.doc[name_start(obj, obj.i) : obj.i + 1].text  # a place taken, whatever the tagger says
