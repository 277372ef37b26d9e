"""Syntactic rules over the dependency parse: is a trigger real, and what attaches to it.

Every cue list these rules read lives in data/cues.json; each function below names the
list it uses. The rules take spaCy tokens and return plain values.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from eventcoder.coding.cues import Cues
from eventcoder.coding.dates import day_offset, is_month_name
from eventcoder.coding.places.words import PARTICLES
from eventcoder.coding.sentcache import has_word, remembered, sent_tokens

VERBAL = {"VERB", "AUX"}
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb with a tense of its own
# Relations through which a governing word can make its dependent irreal ("plans to attack",
# "fears of attacks", "called for talks", "accused X of breaking the truce").
IRREALIS_PATH = {
    "xcomp",
    "ccomp",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "acl",
    "nsubjpass",
    "attr",
    "acomp",
    "compound",
    "amod",
    "conj",
    "appos",
    "oprd",
    "npadvmod",
    "dep",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


_last_doc = threading.local()  # per thread: (the doc being coded, its entities)
_last_text = threading.local()  # per thread: (the doc being coded, its text)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc (spaCy rebuilds every entity span on each access)."""
    entry = getattr(_last_doc, "entry", None)
    if entry is None or entry[0] is not doc:
        entry = _last_doc.entry = (doc, tuple(doc.ents))
    return entry[1]


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc (spaCy joins every token's text on each access)."""
    entry = getattr(_last_text, "entry", None)
    if entry is None or entry[0] is not doc:
        entry = _last_text.entry = (doc, doc.text)
    return entry[1]


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside a span) from the doc's entities read once."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


def lemma(token: Token) -> str:
    """Lower-case lemma."""
    return token.lemma_.lower()


def event_head(span: Span) -> Token:
    """The word a trigger span stands for: its root, or the noun it modifies ("firing incident")."""
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i > root.i:
        return root.head
    return root


def anchor_verb(token: Token) -> Token:
    """The verb governing a token (the token itself when it is a verb); the root at worst."""
    current = token
    for _ in range(12):
        if current.pos_ in VERBAL and current.dep_ != "aux" and current.dep_ != "auxpass":
            return current
        if current.dep_ == "ROOT" or current.head == current:
            return current
        current = current.head
    return current


def path_up(token: Token, stop: Token | None = None, limit: int = 12) -> Iterator[Token]:
    """The token and its heads up to `stop` (inclusive) or the root."""
    current = token
    for _ in range(limit):
        yield current
        head = current.head
        if current == stop or head == current:
            return
        current = head


def is_passive(verb: Token) -> bool:
    """A verb with a passive subject or auxiliary."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def nonfinite_governors(verb: Token) -> list[Token]:
    """The verb and, while it is non-finite (gerund, infinitive, participle), the verbs above it."""
    out = [verb]
    current = verb
    for _ in range(4):
        if current.dep_ not in ("pcomp", "xcomp", "acl", "advcl") or current.tag_ not in ("VBG", "VB", "VBN"):
            break
        parent = current.head
        while parent.pos_ not in VERBAL and parent.head != parent:
            parent = parent.head
        if parent.pos_ not in VERBAL or parent in out:
            break
        out.append(parent)
        current = parent
    return out


def setting_free(tok: Token) -> Token | None:
    """The verb 'set' of which 'free' is the complement ("fighters set 24 hostages free": the release,
    told by 'set'), None for any other token."""
    if tok.lower_ != "free" or tok.dep_ not in ("amod", "oprd", "acomp", "xcomp", "ccomp"):
        return None
    verb = tok.head.head if tok.head.dep_ == "dobj" else tok.head
    return verb if verb.pos_ in VERBAL and lemma(verb) == "set" else None


def set_free(tok: Token) -> bool:
    """'free' as the complement of 'set' (see `setting_free`)."""
    return setting_free(tok) is not None


def freed(tok: Token) -> Token | None:
    """Who was set free: the object of the 'set' of a 'set ... free' (None for any other token)."""
    verb = setting_free(tok)
    return next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None


def never_done(verb: Token) -> bool:
    """A verb negated by a "never" fronted before it ("Never before had rebels attacked the town"), however
    the parser hung the inversion: on the verb itself or on the auxiliary it made the verb's head."""
    if not has_word(verb.doc, "never"):
        return False
    for tok in sent_tokens(verb.sent):
        if tok.lower_ != "never":
            continue
        governor = next((a for a in tok.ancestors if a.pos_ in VERBAL), None)
        if governor == verb or (
            governor is not None and lemma(governor) in ("have", "do", "be") and verb in governor.subtree
        ):
            return True
    return False


def has_negation(tokens: list[Token], cues: Cues) -> bool:
    """A negator on any of the tokens, on the subject of a verb among them, or a 'without' above them."""
    determiners, prepositions = cues.negators["determiners"], cues.negators["prepositions"]
    for tok in tokens:
        for child in tok.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ == "det" and child.lower_ in determiners:
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in VERBAL:
                if any(d.dep_ == "det" and d.lower_ in determiners for d in child.children):
                    return True
                if child.lower_ in cues.negators["pronouns"]:
                    return True
        if tok.dep_ == "pobj" and tok.head.lower_ in prepositions:
            return True
        if tok.lower_ in prepositions and tok.dep_ == "prep":
            return True
    return False


def has_modal(verb: Token, cues: Cues) -> bool:
    """A modal or future auxiliary on the verb (or on a conjoined verb whose subject it shares)."""
    heads = [verb]
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in VERBAL and not own_subject:
        heads.append(verb.head)
    return any(c.dep_ == "aux" and c.lower_ in cues.modal_aux for h in heads for c in h.children)


def is_infinitive(verb: Token) -> bool:
    """A 'to'-infinitive verb."""
    return verb.pos_ in VERBAL and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def shares_infinitive(verb: Token) -> bool:
    """A bare verb in a list of 'to'-infinitives ("told them to stop attacks, keep the truce and ..."):
    it shares the first one's 'to'."""
    if verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "conj", "advcl"):
        return False
    return any(s.i < verb.i and s.dep_ in ("xcomp", "conj") and is_infinitive(s) for s in verb.head.children)


def irrealis_reason(start: Token, cues: Cues, exempt: Token | None = None) -> str | None:
    """Why the event at `start` did not (yet) happen, looking up its chain of heads; None if real.

    `exempt` is the verb that makes the event (e.g. 'called' in 'called off a truce'): its
    lemma is not read as a cue of irreality.
    """
    previous: Token | None = None
    for tok in path_up(start, limit=8):
        lem = lemma(tok)
        # 'after the talks', 'during the clashes': what such a phrase names took place.
        if tok.dep_ == "prep" and tok.lower_ in cues.presupposing_prepositions:
            return None
        if previous is not None and tok != exempt and tok.pos_ in VERBAL | {"NOUN", "ADJ", "ADP", "ADV"}:
            if lem in cues.irrealis_heads and not coordinate_act(previous, tok):
                return f"governed by '{tok.text}'"
        if tok.pos_ in VERBAL:
            if has_modal(tok, cues):
                return f"modal on '{tok.text}'"
            if (is_infinitive(tok) or shares_infinitive(tok)) and tok.dep_ != "ROOT":
                head_lemma = lemma(tok.head)
                if head_lemma not in cues.irrealis_exempt_for_infinitive:
                    return f"infinitive under '{tok.head.text}'"
            if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in tok.children):
                return f"conditional at '{tok.text}'"
        for child in tok.children:
            if child.dep_ in ("amod", "compound") and child.lower_ in cues.irrealis_modifiers:
                if not hyphenated(child):  # "a pre-planned offensive", "well-planned attacks" took place
                    return f"modifier '{child.text}'"
        if tok.dep_ not in IRREALIS_PATH and tok.dep_ != "ROOT":
            return None
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None
        previous = tok
    return None


def coordinate_act(verb: Token, head: Token) -> bool:
    """A finite verb coordinated with the one above it ("stopped a vehicle and detained two suspects"):
    an act of its own, not what that verb stopped, planned or threatened."""
    return verb.dep_ == "conj" and verb.head.i == head.i and verb.tag_ in FINITE_TAGS


def hyphenated(tok: Token) -> bool:
    """The second part of a hyphenated word ("planned" in "pre-planned")."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_


def is_trend(head: Token, anchor: Token, cues: Cues) -> bool:
    """A plural or habitual mention of events (a surge in attacks, continued their attacks)."""
    if head.tag_ in ("NNS", "NNPS"):
        if lemma(head.head) in cues.trend_heads or lemma(anchor) in cues.trend_verbs:
            return True
        of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        if of is not None and lemma(of.head) in cues.trend_heads:  # "a string of attacks"
            return True
        marks = trend_marks(head, cues)
        counted = bool(marks) and all(m in cues.counting_modifiers for m in marks)
        if marks and not (counted and (place_list(head) or told_set(head, cues))):
            return True  # "similar attacks in A and B": one at each place
    bare_mass_noun = (
        head.tag_ == "NN" and head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in head.children)
    )
    if bare_mass_noun and head != anchor and lemma(anchor) in cues.trend_verbs:
        return True
    of = head.head if head.dep_ == "pobj" and head.head.lower_ in ("of", "in") else None
    if bare_mass_noun and of is not None and lemma(of.head) in cues.trend_heads:
        return True  # "an escalation of fighting", "a surge in violence"
    if anchor.pos_ in VERBAL and anchor.tag_ == "VBG":
        aux = {c.lower_ for c in anchor.children if c.dep_ == "aux"}
        if "been" in aux:
            return True
    return False


def trend_marks(noun: Token, cues: Cues) -> list[str]:
    """The noun's modifiers that can tell a trend ("repeated", "several", "past")."""
    return [
        c.lower_
        for c in noun.children
        if c.dep_ in ("amod", "compound", "det") and c.lower_ in cues.trend_modifiers
    ]


def told_set(noun: Token, cues: Cues) -> bool:
    """A counted set told as happened: only counting modifiers, and the subject of a simple-past verb
    ("several explosions went off"), not a trend ("several attacks have hit")."""
    marks = trend_marks(noun, cues)
    verb = noun.head
    return (
        bool(marks)
        and all(m in cues.counting_modifiers for m in marks)
        and noun.dep_ in ("nsubj", "nsubjpass")
        and verb.tag_ == "VBD"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def place_list(head: Token) -> bool:
    """The noun's own place phrase names several places ("in the A and B areas", "in A and B"), or its
    verb's ("similar marches were held in A, B and C")."""
    verb = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
    for prep in (c for t in (head, *verb) for c in t.children):
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "on"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                if any(
                    t.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children)
                    for t in obj.subtree
                ):
                    return True
    return False


def names_people(tok: Token) -> bool:
    """A participle made a noun by its article ("three of the wounded", "among the injured") or a plural
    that owns a noun ("the protesters' anger", "the demonstrators' demands"): the people it names, not an
    occurrence."""
    if tok.dep_ == "poss" and tok.tag_ in ("NNS", "NNPS"):
        return True
    return (
        tok.tag_ in ("VBN", "JJ")
        and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "attr")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and all(c.dep_ in ("det", "amod", "advmod") for c in tok.children)
    )


def is_definite(head: Token, cues: Cues) -> bool:
    """A noun introduced as already known (the/this/its/their)."""
    return any(
        (c.dep_ == "det" and c.lower_ in cues.anaphoric_determiners)
        or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in head.children
    )


def clause_of(token: Token) -> Token:
    """The verb heading the clause a token belongs to."""
    return anchor_verb(token)


def clause_chain(anchor: Token) -> list[Token]:
    """The anchor's clause verb and the clause verbs above it (dates and places said once a sentence)."""
    chain = [anchor]
    if anchor.pos_ not in VERBAL:
        chain += [c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.pos_ in VERBAL]
    current = anchor
    for _ in range(6):
        if current.dep_ == "ROOT" or current.head == current:
            break
        current = clause_of(current.head)
        if current in chain:
            break
        chain.append(current)
    return chain


def bounded_by_preposition(span: Span, stop: Token, cues: Cues) -> bool:
    """A date phrase under 'since', 'until', 'for'... before reaching `stop`: a bound, not the date
    ("over the past decade"; but "over the weekend" names one occasion)."""
    occasion = span.root.lower_ in cues.single_periods
    return any(
        tok.lower_ in cues.bound_prepositions
        and tok.dep_ in ("prep", "mark", "advmod")
        and not (occasion and tok.lower_ == "over")
        for tok in path_up(span.root, stop=stop)
    )


def month_as_modifier(ent: Span, cues: Cues) -> bool:
    """A month's name that is also a noun, opening its sentence as the modifier of a noun ("March
    coordinator Ana Souza": the march's coordinator; capitals tell nothing there): no date."""
    root = ent.root
    return (
        len(ent) == 1
        and root.lower_ in cues.month_homographs
        and root.i == root.sent.start
        and root.dep_ == "compound"
        and root.head.pos_ == "NOUN"
    )


def in_subject(tok: Token) -> bool:
    """A token inside the doer of a clause ("the forces of X located at Y fired"), below no verb of its own;
    not inside a passive subject ("people living in X were shot": the victims' place is the event's)."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "nsubj":
            return True
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("acl", "amod"):
            return False
    return False


def headline_passive(verb: Token, verbs: frozenset[str]) -> bool:
    """A headline's bare participle ("Three police officers shot dead in X"): its subject was acted on."""
    deps = {c.dep_ for c in verb.children}
    bare = "nsubj" in deps and not deps & {"dobj", "aux", "auxpass", "agent"}
    return bare and verb.tag_ in ("VBD", "VBN") and lemma(verb) in verbs


def attachment_rank(span: Span, head: Token, chain: list[Token]) -> int | None:
    """0 if a phrase modifies the trigger, 1+k if it sits in the k-th clause of the chain, else None."""
    for tok in path_up(span.root, limit=10):
        if tok == head:
            return 0
        if tok.pos_ in VERBAL or tok.dep_ == "ROOT":
            if tok in chain:
                return 1 + chain.index(tok)
            shares_subject = tok.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
            )
            if not shares_subject:
                return None
    return None


def phrase_text(prep: Token, cues: Cues) -> str:
    """Text of a locative phrase: the preposition's subtree, extended over a trailing place list
    the parser attached elsewhere ("in Laman area of Qala I Naw district, Badghis")."""
    return remembered(prep.doc, ("phrase_text", prep.i, id(cues)), lambda: read_phrase_text(prep, cues))


def read_phrase_text(prep: Token, cues: Cues) -> str:
    """`phrase_text`, worked out."""
    tokens = list(prep.subtree)
    doc = prep.doc
    end = tokens[-1].i + 1
    sent_end = prep.sent.end
    while end < sent_end:
        tok = doc[end]
        closing = bracketed_units_end(doc, end, sent_end)
        if closing:
            end = closing
            continue
        if tok.head.dep_ == "nsubj" and tok.head.i > tok.i and lemma(tok.head.head) in cues.reporting_verbs:
            break  # "near X, the U.S. military said": the speaker, no unit of X
        if tok.dep_ == "nsubj" and tok.head.i > tok.i and lemma(tok.head) in cues.reporting_verbs:
            break  # "truce in Gaza, Qatar says": the speaker
        named = tok.pos_ == "PROPN" or (
            tok.ent_iob_ != "O" and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        )
        if (
            named
            or tok.text in cues.place_continuation
            or tok.lower_ in cues.place_kind_words
            or tok.text == "I"
            or name_particle(doc, end, sent_end)
        ):
            end += 1
            continue
        break
    while end > tokens[0].i + 1 and doc[end - 1].text in cues.place_trailing:
        end -= 1
    return doc[tokens[0].i : end].text


def name_particle(doc: Doc, i: int, stop: int) -> bool:
    """A lower-case particle between two capitalised words of one name ("Rio Grande do Sul", "Ciudad del
    Este"), whatever the tagger made of it; an English preposition or conjunction is not one."""
    tok = doc[i]
    return (
        tok.is_lower
        and tok.lower_ in PARTICLES
        and tok.pos_ not in ("ADP", "CCONJ", "SCONJ")
        and i + 1 < stop
        and doc[i + 1].is_title
        and doc[i - 1].is_title
    )


BRACKET_WORDS = 12  # the longest "(X, Y, Z)" of units read as one


def bracketed_units_end(doc: Doc, start: int, stop: int) -> int:
    """End of a bracket of capitalised names opening at `start` ("(At Tuhayat, Al Hudaydah)": units
    written after a place, whatever the tagger made of "At"), else 0."""
    if doc[start].text != "(":
        return 0
    for i in range(start + 1, min(stop, start + BRACKET_WORDS)):
        tok = doc[i]
        if tok.text == ")":
            return i + 1 if i > start + 1 else 0
        if not (
            tok.is_title
            or tok.is_upper
            or tok.text in (",", "-", "/")
            or tok.is_lower
            and i + 1 < stop
            and doc[i + 1].is_title
        ):
            return 0
    return 0


def bracketed_units(name: Token) -> str:
    """The bracket of units written right after a name ("X (Y district, Z)"), wherever the parser attached
    it, with a space before it; "" when none follows."""
    doc, stop = name.doc, name.sent.end
    for after in (name.i + 1, name.right_edge.i + 1):  # read as the name's apposition, or the verb's
        end = bracketed_units_end(doc, after, stop) if after < stop else 0
        if end:
            return " " + doc[after:end].text
    return ""


def date_phrase(span: Span) -> str:
    """Text of a DATE entity, with a day number the model left out ('3 | May 2020')."""
    return remembered(span.doc, ("date_phrase", span.start, span.end), lambda: read_date_phrase(span))


def read_date_phrase(span: Span) -> str:
    """`date_phrase`, worked out."""
    start = span.start
    doc = span.doc
    month = start - 1 if start - 1 > span.sent.start and is_month_name(doc[start - 1].text) else None
    if month is not None and doc[month - 1].text.isdigit() and 1 <= int(doc[month - 1].text) <= 31:
        start = month  # "29 Apr | 2020": the model left the day and month out, its day is read below
    while start > 0 and doc[start - 1].like_num and doc[start - 1].text.isdigit() and start > span.sent.start:
        if not 1 <= int(doc[start - 1].text) <= 31:
            break
        start -= 1
    end = span.end
    for tok in span:  # "on Sunday, two days after ...": the model ran the day and the offset together
        rest = doc[tok.i + 1 : span.end].text
        if tok.text == "," and (day_offset(f"{rest} after") or rest.lower() == "days"):
            end = tok.i
            break
    return doc[start:end].text


def prep_targets(token: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of the token's prepositions among the given ones ("fired at A and at B": A, B)."""
    return [
        g
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]


def of_objects(token: Token) -> list[Token]:
    """The objects of a token's "of" phrases ("the capture of Goma", "some of the detainees")."""
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def has_name_after(token: Token) -> bool:
    """A noun followed at once by its name in apposition: "the group Boko Haram", "the paramilitary RSF"."""
    return any(c.dep_ == "appos" and c.left_edge.i == token.i + 1 for c in token.rights)


def lookup_text(phrase: Span) -> str:
    """A phrase as the dictionary reads it: a word capitalised only because it opens the sentence, which
    the parser tags a common noun or the article also writes in lower case, is lower-cased ("Security
    forces in X detained ...": no group called "Security")."""
    first = phrase[0]
    if not (first.is_sent_start and first.is_title and not first.ent_type_) or len(phrase) < 2:
        return phrase.text
    if first.tag_ in ("NN", "NNS", "JJ") or first.lower_ in lowercase_words(phrase.doc):
        return first.lower_ + phrase.text[len(first.text) :]
    return phrase.text


def lowercase_words(doc: Doc) -> frozenset[str]:
    """The words the document writes in lower case somewhere (computed once per document)."""
    found = doc.user_data.get("lowercase_words")
    if found is None:
        found = frozenset(t.text for t in doc if t.is_lower)
        doc.user_data["lowercase_words"] = found
    return found


def noun_phrase(token: Token) -> Span:
    """The noun phrase headed by a token: its left modifiers, itself, 'of X' (not a conjunct's: "Kenya's army
    and members of a militia"), a bracketed abbreviation and a name set right after it."""
    doc = token.doc
    if token.ent_type_ and token.ent_iob_ != "O":
        for ent in span_ents(token.sent):
            if ent.start <= token.i < ent.end:
                return ent
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "nmod", "nummod", "poss", "quantmod", "npadvmod"):
            start = min(start, child.left_edge.i)
    end = token.i + 1
    owned = any(c.dep_ == "poss" for c in token.lefts)  # "X's army and members of Y": of Y is the members'
    joined = min((c.i for c in token.rights if c.dep_ == "conj" and owned), default=len(doc))
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i < joined:
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "appos" and child.i == end + 1 and doc[end].text == "(":
            end = max(end, child.right_edge.i + 2)
        elif child.dep_ == "appos" and child.left_edge.i == end:  # its name: "the paramilitary RSF"
            end = child.right_edge.i + 1
    while start < end and doc[start].dep_ == "det":
        start += 1
    return doc[start:end] if end <= len(doc) else doc[start : len(doc)]


def conjuncts(token: Token) -> list[Token]:
    """The token and the words conjoined with it."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def possessor(pronoun: Token, skip: frozenset[int] = frozenset()) -> Token | None:
    """The actor "its" or "their" stands for: the last dictionary actor named before it in its sentence."""
    before = pronoun.doc[pronoun.sent.start : pronoun.i]
    return next((t for t in reversed(before) if t.ent_id_ and t.i not in skip), None)


def named_entity_before(phrase: Span) -> Token | None:
    """A dictionary group named right before a phrase the parser cut it from ('IS | militants' when
    'IS' was read as a verb): the last token of that entity, else None."""
    if phrase.start == 0:
        return None
    prev = phrase.doc[phrase.start - 1]
    return prev if prev.ent_id_ and prev.ent_type_ in ("ORG", "NORP") else None


REPRESENTING_PREPOSITIONS = frozenset({"of", "from", "for"})


def represented(person: Token) -> Token | None:
    """Whom the people a noun names speak for: "officials representing X", "envoys of X", "delegates
    from X" (X's head), else None."""
    for child in person.rights:
        if child.dep_ == "prep" and child.lower_ in REPRESENTING_PREPOSITIONS:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.lemma_ == "represent":
            return next((g for g in child.children if g.dep_ == "dobj"), None)
    return None


def has_active_subject(verb: Token) -> bool:
    """A verb the parser calls passive only for a word it misread as an auxiliary ('IS militants
    attacked': 'IS' read as 'is'): it has an active subject and no passive subject or agent."""
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"nsubjpass", "agent"}


CREWING_VERBS = frozenset({"man", "guard", "staff", "hold", "occupy", "defend", "run"})


def crewed_by(site: Token) -> Token | None:
    """Who holds a site a participle says ("a checkpoint manned by soldiers", "a post held by rebels"):
    the agent of the participle, else None."""
    for child in site.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in CREWING_VERBS:
            by = next((c for c in child.children if c.dep_ == "agent"), None)
            found = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if found is not None:
                return found
    return None


def venue_name(tok: Token) -> bool:
    """A name that is the object of "in" or "at" (its last word's, "in Addis Ababa"): the venue of talks."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok.head.dep_ == "prep" and tok.head.lower_ in ("in", "at")


def period_clause(clause: Token, cues: Cues) -> bool:
    """A clause opened by 'since' or 'until' ("since the protests began")."""
    return clause.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in cues.period_openers for g in clause.children
    )
