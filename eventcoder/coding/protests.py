"""How a protest is coded: its ACLED sub-type from the words of its sentences, and its sides (the crowd
as "Protesters (X)" or "Rioters (X)", the security forces that met it as the other side); and whether
a road blocked is a protest (`blocks_a_road`).

Used by mentions.to_mention and triggers; a pure part of the coding core.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from eventcoder.coding.actors import GENERIC_KINDS, Actor
from eventcoder.coding.candidates import ArticleContext, CoderResources, stated_dead
from eventcoder.coding.cues import Cues
from eventcoder.coding.generic import others_relative_clause
from eventcoder.coding.occurrences import Cluster, crowd_acts
from eventcoder.coding.rules import VERBAL, lemma, lookup_text, noun_phrase
from eventcoder.coding.same_sides import is_armed, is_crowd, is_government
from eventcoder.coding.sentcache import sent_text, sent_tokens

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})  # "riot police", "anti-riot units": no crowd


def protest_variant(cluster: Cluster, sentences: list[Span], res: CoderResources) -> str:
    """Peaceful, with intervention, excessive force, violent demonstration or mob violence."""
    told_in_body = [m for m in cluster.members if not m.headline] or cluster.members  # a headline's word
    variants = {m.variant for m in told_in_body}  # ('Police clash with protesters') does not decide it
    if "mob_violence" in variants:
        return "mob_violence"
    indices = sorted({m.sent_index for m in told_in_body})
    span = range(indices[0], min(indices[-1] + 2, len(sentences)))
    told = " ".join(sent_text(sentences[i]).lower() for i in span)
    cues = res.cues
    if says_any(told, cues.protest_excessive_force) and stated_dead(told):
        return "excessive_force"
    if "violent_demonstration" in variants:
        return "violent_demonstration"
    if says_any(" ".join(crowd_text(sentences[i]) for i in span), cues.protest_violence):
        return "violent_demonstration"
    forced = "protest" in variants  # force used on the crowd ("police shot at protesters"): refine_type's
    if (
        forced
        or says_any(told, cues.protest_intervention)
        or any(m.event_type == "arrest" for m in cluster.members)
    ):
        return "intervention"
    for v in ("hunger_strike", "strike", "blockade"):
        if v in variants:
            return v
    return "peaceful"


def crowd_text(sent: Span) -> str:
    """A sentence's words (lower case) without those that tell no act of its own: a past participle
    modifying a noun ("the return of looted funds") and a relative clause about someone else's act
    ("residents whose homes were torched", "families who say their sons were abducted"); a crowd's act
    told in a relative clause ("protesters, who pelted the police") stays."""
    return " ".join(t.lower_ for t in sent_tokens(sent) if not told_aside(t))


def told_aside(tok: Token) -> bool:
    """A past participle that modifies a noun ("looted funds"; "burning tyres" is an act), a passive with
    no agent ("several students were injured": what was done to them, not by them), or a word in a
    relative clause that is not its subject's own act."""
    if tok.dep_ == "amod" and tok.tag_ != "VBG":
        return True
    passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
    if passive and not any(c.dep_ == "agent" for c in tok.children):
        return True
    return others_relative_clause(tok) is not None


def says_any(text: str, phrases: frozenset[str]) -> bool:
    """Any of the phrases occurs in the (lower-case) text as whole words."""
    return phrase_pattern(phrases).search(text) is not None


@lru_cache(maxsize=64)
def phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """One compiled alternation of whole-word phrases."""
    return re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b"
    )


def protest_actors(
    actor1: Actor | None,
    actor2: Actor | None,
    riot: bool,
    ctx: ArticleContext,
    cluster: Cluster,
    res: CoderResources,
) -> tuple[Actor | None, Actor | None]:
    """Protest events are coded to 'Protesters (X)' or 'Rioters (X)'; the group itself is associated."""
    placed = cluster.placed()
    iso3 = (placed.place.iso3 if placed else None) or ctx.main_country or (actor1.country if actor1 else None)
    crowd = res.actors.generic(
        "rioters" if riot and called_rioters(cluster, ctx, res.cues) else "protesters", iso3
    )
    # the other side is who met the crowd (police, a counter-crowd, those attacked), never the government
    # it protests against: a protest's grievance is no actor
    second = actor2 if actor2 is not None and not is_crowd(actor2) and not is_government(actor2) else None
    if second is None and actor1 is not None and is_armed(actor1):
        second = actor1
    if second is not None and second.inter == GENERIC_KINDS["civilians"].inter:
        # "police fired at protesters, killing five people": the dead are of the crowd; the force that met
        # it is the other side, when one is told
        second = intervening_force(cluster, iso3, res) or second
    else:
        second = second or intervening_force(cluster, iso3, res)
    paired = any(m.paired_sides for m in cluster.members)  # "two groups clashed": a crowd on each side
    return crowd, crowd if paired and (second is None or second.inter == 7 or second == actor1) else second


def called_rioters(cluster: Cluster, ctx: ArticleContext, cues: Cues) -> bool:
    """A violent crowd is "Rioters (X)" as ACLED names it, unless a report (not a note tagging the crowd's
    size, as ACLED's own do) calls it protesters and the riot's sentences never rioters or a mob: the
    crowd keeps the report's name, the violence is in the sub-event type."""
    if crowd_sized(ctx, cues):
        return True
    told = [tok for m in cluster.members for tok in sent_tokens(m.sent)]
    if any(lemma(t) in cues.rioter_nouns and t.pos_ == "NOUN" and t.dep_ not in MODIFIER_DEPS for t in told):
        return True
    doc = cluster.first.sent.doc
    return not any(lemma(t) in cues.protester_nouns - cues.rioter_nouns for t in doc)


def intervening_force(cluster: Cluster, iso3: str | None, res: CoderResources) -> Actor | None:
    """State forces the protest's sentences tell acting on the crowd or acted on by it ("police fired
    tear gas to disperse them", "a mob pelted stones at the police"): the protest's other side."""
    for member in cluster.members:
        for tok in sent_tokens(member.sent):
            if lemma(tok) not in res.cues.security_nouns:
                continue
            acting = tok.dep_ == "nsubj" and lemma(tok.head) not in res.cues.reporting_verbs
            acting = acting and not any(c.dep_ == "neg" for c in tok.head.children)  # "did not intervene"
            acted_on = (tok.dep_ == "pobj" and tok.head.lower_ in res.cues.nominal_target_prepositions) or (
                tok.dep_ == "dobj" and crowd_acts(tok.head, res.cues)
            )
            if acting or acted_on:
                found = res.actors.resolve(lookup_text(noun_phrase(tok)), iso3)
                if found is not None and is_armed(found) and found.inter == 1:
                    return found
    return None


def crowd_sized(ctx: ArticleContext, cues: Cues) -> bool:
    """Whether the text tags the size of a crowd ('[size=about 30]', as ACLED notes of demonstrations
    do): violence it reports is then a crowd's, a riot."""
    text = ctx.article.text or ""
    return any(tag in text for tag in cues.crowd_size_tags)


def dispersed_crowd(head: Token, anchor: Token, cues: Cues) -> bool:
    """A crowd a force used a weapon to disperse ("police used tear gas to disperse protesters"): it had
    gathered, though the dispersal is told as a purpose. Not one a force was sent, planned or tried to
    disperse."""
    if head.dep_ != "dobj" or head.head.i != anchor.i or phrasal_lemma(anchor) not in cues.dispersal_verbs:
        return False
    used = anchor.head.tag_ == "VBD" and lemma(anchor.head) in cues.crowd_weapon_verbs  # "fired", "used"
    return anchor.dep_ in ("xcomp", "advcl") and used


def phrasal_lemma(verb: Token) -> str:
    """A verb's lemma with its particle ("break up" of "to break up a protest")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma(verb)} {particle}" if particle else lemma(verb)


def blocks_a_road(head: Token, cues: Cues) -> bool:
    """People blocking a road, street or bridge ("residents blocked some streets in X", "traders barricaded
    the highway with burning tyres"); not security forces closing one, nor armed men stopping traffic
    ("the gunmen blocked the highway and opened fire on vehicles"), nor a bill or a plan "blocked"."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    if not any(lemma(o) in cues.road_words or road_number(o) for o in objects):
        return False
    verbs = (head, head.head) if head.dep_ == "conj" else (head,)  # "stormed the village and blocked ..."
    subject = next((c for v in verbs for c in v.children if c.dep_ == "nsubj"), None)
    armed = cues.security_nouns | cues.armed_subjects | cues.attacker_nouns
    return subject is None or lemma(subject) not in armed


ROAD_NUMBER = re.compile(r"[A-Z]{1,3}-?\d{1,4}")  # "the A104", "KE-230", "the KN 5"


def road_number(obj: Token) -> bool:
    """A road written by its number: letters and digits, together or the digits apart ("KN 5")."""
    if ROAD_NUMBER.fullmatch(obj.text):
        return True
    return (
        obj.text.isupper()
        and 1 <= len(obj.text) <= 3
        and any(c.dep_ == "nummod" and c.text.isdigit() and c.i == obj.i + 1 for c in obj.children)
    )


PURPOSE_DEPS = frozenset({"xcomp", "advcl", "acl", "conj"})


def protest_purpose(head: Token, anchor: Token, cues: Cues) -> bool:
    """A gathering that protests: its clause says what for ("gathered outside the ministry to demand
    their wages", "a motorcade demanding the end of the lockdown", "assembled against the decree");
    "relatives gathered at the hospital" or "police gathered evidence" do not."""
    for word in {head, anchor}:
        for child in word.children:
            if child.dep_ in PURPOSE_DEPS and lemma(child) in cues.protest_purposes:
                return True
            if child.dep_ == "prep" and child.lower_ == "against":
                return True
        for verb in purpose_clauses(word):
            if lemma(verb) in cues.protest_purposes:
                return True
            if any(c.dep_ == "dobj" and lemma(c) in cues.protest_purpose_objects for c in verb.children):
                return True  # "to draw attention to their plight"
    return False


def misread_place(obj: Token, cues: Cues) -> bool:
    """An object the parser made of a place phrase ("rallied outside | parliament")."""
    return any(c.dep_ == "amod" and c.lower_ in cues.locative_prepositions for c in obj.children)


def purpose_clauses(word: Token) -> list[Token]:
    """The infinitive or participle clauses below a word and its nouns ("gathered during a visit of the
    minister to demand ...", "did a motorcade to demand ...") with their conjuncts ("to commemorate ...
    and denounce ..."), not those of another finite clause."""
    found: list[Token] = []
    stack = list(word.children)
    while stack:
        tok = stack.pop()
        if tok.pos_ in VERBAL and tok.tag_ not in ("VB", "VBG"):
            continue  # a finite verb: a clause of its own
        if tok.dep_ in PURPOSE_DEPS | {"relcl"} and tok.tag_ in ("VB", "VBG"):
            found += [tok, *(c for c in tok.children if c.dep_ == "conj")]
            continue
        stack.extend(c for c in tok.children if c.dep_ not in ("conj", "ccomp"))
    return found


def led_people(verb: Token, cues: Cues) -> bool:
    """A protest verb whose object is people ("marched the villagers into the bush", "paraded the
    captives"): someone led or shown, no crowd's act; a route as object ("marched the streets") is one.
    Read on the crowd's own verbs only: force used on a crowd ("baton-charged the villagers") has it as
    object."""
    return any(
        c.dep_ == "dobj"
        and (lemma(c) in cues.person_words or c.lower_ in ("them", "him", "her") or c.ent_type_ == "PERSON")
        for c in verb.children
    )


def diplomatic_protest(head: Token, cues: Cues) -> bool:
    """A protest one government lodges with another ("handed him a protest note", "lodged a strong
    protest with Kabul"): diplomacy, not a demonstration."""
    if head.dep_ == "compound" and lemma(head.head) in cues.diplomatic_protest_nouns:
        return True
    return head.dep_ == "dobj" and lemma(head.head) in cues.diplomatic_protest_verbs


def crowd_goes_on(verb: Token, event_type: str) -> bool:
    """A protest the crowd just told goes on with ("They later marched to the governor's office"): the
    same day's protest, not another one, whatever "later" says."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return event_type == "protest" and subject is not None and subject.pos_ == "PRON"
