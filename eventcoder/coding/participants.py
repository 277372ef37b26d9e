"""Participants of a candidate: who did it (actor 1) and to whom, or the other side (actor 2).

The parse gives the tokens (subject, agent, object, 'by'/'between' phrases, a claim of
responsibility); `resolve_actor` turns a token into a dictionary actor, following pronouns and
'the group' back to the armed actor they stand for.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventcoder.coding.actors import Actor, is_unidentified
from eventcoder.coding.anaphora import (
    ARMED_TYPES,
    NON_STATE_ARMED,
    antecedent,
    former_or_latter,
    patient_antecedent,
)
from eventcoder.coding.candidates import VIOLENT, ArticleContext, Candidate, CoderResources, body_trigger
from eventcoder.coding.claims import blamed, blamed_by_reporter, charged_with, claimed_in_relative
from eventcoder.coding.cues import Cues
from eventcoder.coding.forces import (
    PARTY_KINDS,
    STATE_KINDS,
    bare_nationality,
    first_nationality,
    joint_side,
    named_group,
    national_forces,
    party_members,
    state_initiative,
    weapon_owner,
)
from eventcoder.coding.nlp import inside_trigger
from eventcoder.coding.places import country_for_name, town_named
from eventcoder.coding.places.keys import compact
from eventcoder.coding.places.words import BUILDING_WORDS, DIRECTION_WORDS
from eventcoder.coding.rules import (
    VERBAL,
    bracketed_units,
    crewed_by,
    freed,
    has_active_subject,
    has_name_after,
    headline_passive,
    is_definite,
    is_passive,
    lemma,
    lookup_text,
    named_entity_before,
    noun_phrase,
    of_objects,
    path_up,
    possessor,
    represented,
    set_free,
    span_ents,
    venue_name,
)
from eventcoder.coding.sentcache import remembered, sent_tokens
from eventcoder.coding.sides import gerund_sides, paired, pitted_sides, their_parties
from eventcoder.coding.subjects import (
    exposed_to,
    names_side,
    repelled_attackers,
    repels,
    reported_by_onlooker,
    speaker_of,
    subject_of,
    suffered,
)

SYMMETRIC_TYPES = frozenset({"clash", "dialogue", "agreement", "ceasefire"})
PARTY_EVENTS = frozenset({"dialogue", "agreement", "ceasefire"})  # a capital names a party's government


def attach_actors(cand: Candidate, ctx: ArticleContext, res: CoderResources) -> None:
    """Actor 1 (who did it) and actor 2 (to whom, or the other party) from the parse."""
    agent_tok, patient_tok = participants(cand, res.cues)
    country = cand.place.iso3 if cand.place and cand.place.iso3 else ctx.nationality
    if agent_tok is not None and not cand.nominal and lemma(agent_tok) in res.cues.occasion_nouns:
        agent_tok = nominal_agent(agent_tok) or agent_tok  # "an Israeli strike killed": the strike's doer
    if agent_tok is not None and not cand.nominal and lemma(agent_tok) in res.cues.striking_munitions:
        agent_tok = weapon_owner(agent_tok) or agent_tok  # "a Russian missile struck": Russia's
    cand.actor1 = resolve_actor(agent_tok, cand, country, ctx, res, role=1) if agent_tok is not None else None
    unnamed = cand.actor1 is not None and is_unidentified(cand.actor1)
    cand.doer_told_again = unnamed and agent_tok is not None and is_definite(agent_tok, res.cues)
    if cand.event_type in VIOLENT and agent_tok is None and getattr(patient_tok, "dep_", None) != "nsubj":
        cand.subject_actor = armed_subject_before(cand, country, ctx, res)  # not the subject acted on
    cand.actor2 = (
        resolve_actor(patient_tok, cand, country, ctx, res, role=2) if patient_tok is not None else None
    )
    if cand.event_type in VIOLENT and cand.actor2 is None and patient_tok is not None:
        cand.actor2 = armed_of_targets(patient_tok, cand, country, ctx, res)  # "a bank and security posts"
    if crowd_weapon(cand) and cand.actor1 is not None and cand.actor1.inter in ARMED_TYPES:
        cand.actor1, cand.actor2 = cand.actor2, cand.actor1  # "police fired tear gas": the crowd's other side
    if cand.event_type in VIOLENT and party_members(patient_tok, cand.actor2, res.cues):
        cand.assoc2.append(cand.actor2.name)
        cand.actor2 = res.actors.generic("civilians", country)  # "attacked 3 CNL members": civilians
    if cand.event_type in ("dialogue", "agreement") and patient_tok is not None and cand.actor2 is None:
        cand.unnamed_party = lemma(patient_tok)
    if cand.event_type in VIOLENT and cand.actor1 is not None and cand.actor1.inter == 7:
        cand.actor1 = res.actors.generic("unidentified", cand.actor1.country or country)
    claimant = claimed_by(cand, res.cues)
    if claimant is not None:
        cand.actor1 = resolve_actor(claimant, cand, country, ctx, res, role=1) or cand.actor1
    mediator = mediated_by(cand, res.cues)
    if mediator is not None:
        found = resolve_actor(mediator, cand, country, ctx, res, role=1)
        if found is not None:
            cand.assoc1.append(found.name)
        if cand.actor1 is not None and found is not None and cand.actor1.name == found.name:
            cand.actor1 = None
    taken = cand.territory or cand.variant in ("overtakes_territory", "regains_territory")
    if taken and cand.actor2 is None and (lost := prep_object(cand.head, {"from"})) is not None:
        cand.actor2 = resolve_actor(lost, cand, country, ctx, res, role=2)  # "captured from al Shabaab"
    on_target = patient_tok is not None and patient_tok.head == cand.head and patient_tok.dep_ == "dobj"
    on_target = on_target and patient_tok is not None and not in_trigger(patient_tok, cand)
    if (  # the civilians the fire killed are no side of it; "A and B ministers held talks": B the other
        cand.event_type in ("clash", *PARTY_EVENTS)
        and (cand.actor2 is None or res.actors.is_generic(cand.actor2, "civilians"))
        and agent_tok is not None
        and cand.actor1 is not None
        and not (cand.event_type == "clash" and on_target)
    ):  # "forces of A and B clashed"; but "A and B troops recaptured X": allies acting on X
        kinds = STATE_KINDS if cand.event_type == "clash" else PARTY_KINDS
        cand.actor2 = joint_side(agent_tok, cand.actor1, res.actors, kinds) or cand.actor2
    cand.paired_sides = cand.event_type == "clash" and agent_tok is not None and paired(agent_tok)
    two_unnamed = agent_tok is not None and patient_tok is not None and agent_tok.i != patient_tok.i
    two_unnamed = two_unnamed and patient_tok.pos_ != "PRON"  # "gunmen attacked him": not told who
    two_unnamed = two_unnamed and cand.actor1 is not None and is_unidentified(cand.actor1)
    if cand.actor1 and cand.actor2 and cand.actor1.name == cand.actor2.name and not two_unnamed:
        cand.actor2 = None  # one side told twice; "gunmen shot dead a militia commander": two armed groups
    if (
        cand.event_type == "clash"
        and cand.actor1
        and cand.actor2
        and cand.actor2.inter == 1 != cand.actor1.inter
    ):
        if state_initiative(cand.head, res.cues):  # "gang members exchanged fire with police during a raid"
            cand.actor1, cand.actor2 = cand.actor2, cand.actor1
    named = [a for a in (cand.actor1, cand.actor2) if a is not None and a.inter in (2, 3, 4)]
    ctx.last_armed_actor = named[0] if named else ctx.last_armed_actor  # a group fought or talked with too


def armed_of_targets(
    target: Token, cand: Candidate, country: str | None, ctx: ArticleContext, res: CoderResources
) -> Actor | None:
    """The state force among a list of targets whose first names none ("attacked a bank and a police
    station": the police)."""
    for other in target.conjuncts:
        found = resolve_actor(holder_of(other, res.cues) or other, cand, country, ctx, res, role=2)
        if found is not None and found.inter == 1 and not res.actors.is_generic(found, "government"):
            return found
    return None


def crowd_weapon(cand: Candidate) -> bool:
    """A protest told by the force used on it ("tear gas", "water cannon")."""
    return cand.event_type == "protest" and cand.variant == "intervention"


AFFILIATION_SPAN = 8  # words from a participant to the group a modifier ties it to


def armed_subject_before(
    cand: Candidate, country: str | None, ctx: ArticleContext, res: CoderResources
) -> Actor | None:
    """When the parse gives a violent event no agent, the first armed actor before its trigger that
    is the subject of a verb governing it ('an SAF soldier fired on a family, killing two', 'a
    gendarme shot and killed'), or names who did a nominal one ('a police raid')."""
    governors = [t for t in path_up(cand.head) if t.i != cand.head.i]
    for tok in sent_tokens(cand.sent):
        if tok.i >= cand.head.i:
            break
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and subject_like(tok, cand, governors, res.cues):
            actor = resolve_actor(tok, cand, country, ctx, res, role=1)
            if actor is not None and actor.inter in ARMED_TYPES:
                return actor
    return None


def subject_like(tok: Token, cand: Candidate, governors: list[Token], cues: Cues) -> bool:
    """The word modifying a nominal trigger ('police | raid'); for a verb, the active subject (or the
    last modifier of a noun read as the verb: 'a gendarme | shot') of a verb above it that does
    not report or suffer ('the army said ...', 'soldiers died ...', 'guards came under fire'), or a
    root noun above it."""
    if tok.dep_ == "compound" and tok.head.i == cand.head.i:
        return True
    if tok.dep_ == "ROOT":  # "Officers at the scene of a bomb blast": come after it
        return tok in governors and not any(lemma(t) in cues.aftermath_nouns for t in governors)
    # a clash noun told as the circumstance of the subject's verb ("took the town after clashes with X")
    circumstance = (
        cand.head.dep_ == "pobj" and cand.head.head.dep_ == "prep" and cand.head.head.head == tok.head
    )
    if cand.nominal and not (cand.event_type == "clash" and tok.dep_ == "nsubj" and circumstance):
        return False
    if tok.dep_ == "compound" and tok.i + 1 == tok.head.i:
        verb = tok.head
    elif tok.dep_ == "nsubj":
        verb = tok.head
    else:
        return False
    if verb.i == cand.head.i and repels(verb, cues):
        return False  # "the officer repelled the attack": who repels defends
    reports = lemma(verb) in cues.reporting_verbs or lemma(verb) in cues.discovery_verbs
    return (verb in governors or verb.i == cand.head.i) and not reports and not suffered(verb, cues)


def claimed_by(cand: Candidate, cues: Cues) -> Token | None:
    """'X claimed responsibility for the attack', 'blamed X for it', '..., blaming X': X is actor 1."""
    if not cand.nominal:
        return blamed_by_reporter(cand.head, cues)
    for tok in path_up(cand.head, limit=4):
        if lemma(tok) in cues.claim_verbs and any(lemma(c) == "responsibility" for c in tok.children):
            return subject_of(tok)
    return claimed_in_relative(cand.head, cues) or blamed(cand.head) or blamed_by_reporter(cand.anchor, cues)


def mediated_by(cand: Candidate, cues: Cues) -> Token | None:
    """'X brokered the talks': X is a mediator, not a party."""
    if cand.event_type not in ("dialogue", "agreement", "ceasefire"):
        return None
    verb = cand.anchor
    if lemma(verb) in cues.mediator_verbs:
        return subject_of(verb) or by_agent(verb)
    return None


def by_agent(token: Token) -> Token | None:
    """The object of a 'by' phrase (passive agent or nominal 'attack by X'), also on a conjoined
    verb ('was shot and killed by X')."""
    heads = [token, *token.conjuncts]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("agent", "prep") and child.lower_ == "by":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return named_after(objs[0])
    return None


def fired_by(weapon: Token, cues: Cues) -> Token | None:
    """Who fired, dropped or planted a weapon, when a participle after it says so ("shells fired by the
    rebels", "barrel bombs dropped by army helicopters", "dropped from regime helicopters")."""
    agent = participle_agent(weapon)
    if agent is not None:
        return agent
    for child in weapon.children:
        if child.dep_ == "acl" and child.pos_ == "VERB":
            source = prep_object(child, {"from"})
            if source is not None and lemma(source) in cues.air_subjects:
                return source
    return None


def named_after(tok: Token) -> Token:
    """The token itself, or — when the parser stopped at a modifier ('by the paramilitary | Rapid
    Support Forces') — the root of the named entity that follows it."""
    if tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.i + 1 >= len(tok.doc):
        return tok
    nxt = tok.doc[tok.i + 1]
    for ent in span_ents(tok.sent):
        if ent.start == nxt.i and ent.label_ in ("ORG", "NORP", "GPE"):
            return ent.root
    return tok


def prep_object(
    token: Token, preps: set[str] | frozenset[str], skip: frozenset[str] = frozenset()
) -> Token | None:
    """The object of the first of the given prepositions under a token that names no time ("On 1 May,
    gunmen fired at a post": the post, not May) and is none of the skipped words."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [
                g
                for g in child.children
                if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and g.lower_ not in skip
            ]
            if objs:
                return objs[0]
    return None


def patient_of(head: Token) -> Token | None:
    """What a verb or noun trigger is done to (object, passive subject, 'of' complement)."""
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    if head.pos_ not in VERBAL:
        objs = of_objects(head)
        if objs:
            return objs[0]
    return reduced_relative_subject(head)


def reduced_relative_subject(verb: Token) -> Token | None:
    """The subject of a passive verb the parser left without one, having read the participle of a
    reduced relative before it as the main verb ("90 pupils held for months were freed": "held" the
    root with "pupils" its subject, "freed" a clause below it)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    above = [verb.head] if verb.dep_ in ("ccomp", "advcl", "conj") else []
    below = [c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i < verb.i]  # or hung below
    for participle in above + below:
        if participle.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in participle.children):
            continue
        subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i), None)
        if subject is not None:
            return subject
    return None


ARMY_WEAPON_VARIANTS = ("shelling", "air_drone_strike")  # fired by armies: an unnamed side is the military


def nominal_agent(head: Token, possessive: bool = True, forces: frozenset[str] = frozenset()) -> Token | None:
    """Who did a nominal event: 'attack by X', 'X's attack', 'Taliban attack', 'Taliban-planted bomb', and
    with `possessive` (violence: one side's act) 'its attack', the actor named last before "its"; with
    `forces` (state force nouns), a force named as the modifier ('a police operation', 'an army raid')."""
    agent = by_agent(head)
    if agent is not None:
        return agent
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and child.ent_type_ not in ("DATE", "TIME"):
            return child  # "X's attack"; "Saturday's attack" is only its day
        if child.dep_ == "poss" and possessive and child.lower_ in ("its", "their"):
            return possessor(child)  # "solidarity with X after its attack"
        if child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in ("ORG", "NORP", "GPE"):
            return child
        # "Saturday's Russian missile strike": the nationality parsed on "missile" ("missile launcher" is
        # no trigger)
        if child.dep_ == "compound" and inside_trigger(child) and inside_trigger(head):
            if (whose := weapon_owner(child)) is not None:
                return whose
        if child.dep_ == "amod" and child.pos_ == "VERB":
            for g in child.children:
                if g.dep_ == "npadvmod" and g.pos_ == "PROPN":
                    return g
    force = next((c for c in head.children if c.dep_ in ("compound", "amod") and lemma(c) in forces), None)
    return participle_agent(head) or force


def participle_agent(noun: Token) -> Token | None:
    """Who did what a participle after the noun tells ("a bomb planted by militants")."""
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and (agent := by_agent(child)) is not None:
            return agent
    return None


def participants(cand: Candidate, cues: Cues) -> tuple[Token | None, Token | None]:
    """Tokens heading actor 1 and actor 2 of a candidate."""
    head, anchor = cand.head, cand.anchor
    if set_free(head):  # "fighters set 24 hostages free": who set whom free
        return subject_of(anchor), freed(head)
    if cand.nominal:
        agent, patient = nominal_participants(cand, cues)
    else:
        agent, patient = verbal_participants(cand, cues)
    if not cand.nominal and cand.headline and headline_passive(head, cues.victim_verbs):
        agent, patient = None, agent  # "Three police officers shot dead in X": the officers were shot
    if agent is None and (pitted := pitted_sides(head) or gerund_sides(head)) is not None:
        # "clashes pitting X against Y", "Fighting between X and Y erupted"
        agent, patient = pitted
    if body_trigger(cand, cues):
        agent, patient = None, next(iter(of_objects(head)), None)  # who found a body did not kill
    if repels(head, cues) or repels(anchor, cues):
        verb = head if not cand.nominal else anchor
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        attacker = None
        if obj is not None:  # "repelled an attack by / of X", "X's attack": the repelled attack is X's
            attacker = nominal_agent(obj) or next((c for c in obj.children if c.dep_ == "poss"), None)
            attacker = attacker or prep_object(obj, {"of"})
        defender = subject_of(verb)
        if attacker is not None and defender is not None and attacker in defender.subtree and obj is not None:
            attacker = repelled_attackers(obj, verb)  # "their attacks": not the defenders'
        # "security forces beat back assaults": the forces defend; the attackers are unnamed
        agent = attacker or (agent if agent is not None and agent != defender else None)
        patient = defender
    if cand.nominal and patient is None and (exposed := exposed_to(head, cues)) is not None:
        patient = exposed  # "subjected the troops to heavy fire": the troops
    if cand.event_type in VIOLENT:
        victims = victims_in(cand, cues)
        if patient is None:
            patient = victims
        elif agent is None and cand.event_type == "clash" and victims is not None and victims.i != patient.i:
            agent = victims
    return agent, holder_of(patient, cues)


def holder_of(target: Token | None, cues: Cues) -> Token | None:
    """Who holds a position struck ("fired on the positions of the army of X": the army, "the rebels'
    positions": the rebels; "a checkpoint manned by soldiers": the soldiers), else the target itself."""
    if target is not None and (crew := crewed_by(target)) is not None:
        return crew
    if target is None or lemma(target) not in cues.position_words:
        return target
    owners = [*of_objects(target), *(c for c in target.children if c.dep_ == "poss")]
    return next((o for o in owners if o.pos_ in ("NOUN", "PROPN")), target)


def verbal_participants(cand: Candidate, cues: Cues) -> tuple[Token | None, Token | None]:
    """Subject (or passive agent) and object of a verb trigger."""
    head = cand.head
    if is_passive(head) and not has_active_subject(head):
        agent = by_agent(head)
        if agent is not None and lemma(agent) in cues.striking_munitions:
            agent = fired_by(agent, cues) or agent  # "hit by shells fired by the rebels": who fired them
        patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    else:
        agent = subject_of(head) or by_agent(head)
        patient = next((c for c in head.children if c.dep_ == "dobj"), None)
        if patient is not None and in_trigger(patient, cand):  # "exchanged fire with police": the other side
            # the parser hangs "with" on the verb or on "fire" ("exchanged fire with civil police officers")
            patient = prep_object(head, {"with"}) or prep_object(patient, {"with"})  # none: "X and Y" may be
        weapons = cues.generic_weapon_words | cues.fired_weapon_words
        # "fired with weapons on X", "fired small arms at X": the weapons are no side, X is
        # "X and Y exchanged fire at the border": two sides, and "at" places them
        pair = cand.event_type in SYMMETRIC_TYPES and agent is not None and bool(agent.conjuncts)
        against = prep_object(head, {"with", "against"}) if pair and patient is None else None
        if against is not None and names_side(against, cues):  # not "clashed with deadly results"
            pair, patient = False, against  # "troops and allied militias clashed with X": X, not the allies
        armed = patient is not None and bool({lemma(patient), patient.lower_} & weapons)
        aimed = patient is not None and cand.event_type not in SYMMETRIC_TYPES and inside_trigger(patient)
        armed = armed or aimed  # "fired tear gas at X", "fired a RPG at a checkpoint": X, the checkpoint
        if (patient is None and not pair) or armed:
            patient = prep_object(head, cues.verbal_target_prepositions, skip=weapons) or patient
    return agent, other_party(cand, agent, patient)


def in_trigger(tok: Token, cand: Candidate) -> bool:
    """A word of the trigger phrase itself ("fire" of "exchanged fire"): no participant."""
    return cand.trigger.start <= tok.i < cand.trigger.end


def other_party(cand: Candidate, agent: Token | None, patient: Token | None) -> Token | None:
    """For events between two sides, 'X and Y clashed / agreed / held talks': Y is the other side."""
    if agent is None or patient is not None or cand.event_type not in SYMMETRIC_TYPES:
        return patient
    others = [c for c in agent.conjuncts if c.i > agent.i]  # "Police and gang members": parsed as the
    others += [c for c in agent.lefts if c.dep_ == "nmod" and [g.dep_ for g in c.children] == ["cc"]]  # nmod
    return others[0] if others else None


def nominal_participants(cand: Candidate, cues: Cues) -> tuple[Token | None, Token | None]:
    """Who did a nominal event and to whom: its own modifiers first, then its governing verb."""
    head, anchor = cand.head, cand.anchor
    agent = nominal_agent(head, cand.event_type in VIOLENT, cues.state_force_nouns)  # "their truce": both's
    if agent is not None and agent.head.dep_ == "agent" and lemma(agent.head.head) in cues.mediator_verbs:
        agent = None  # "talks facilitated by X": X mediates
    pronoun = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children)
    if pronoun and head.dep_ == "dobj" and repels(head.head, cues):  # "X repulsed their attacks": not X's
        agent = repelled_attackers(head, head.head)
    targets = (
        {"with"}
        if cand.event_type in ("dialogue", "agreement", "ceasefire")
        else cues.nominal_target_prepositions
    )
    patient = prep_object(head, targets)
    between = prep_object(head, {"between"})
    if between is None and head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in VERBAL:
        between = prep_object(head.head, {"between"})  # "clashes broke out on Monday between X and Y"
    if between is not None:
        agent = agent or between
        others = [c for c in between.conjuncts if c.i > between.i]
        if not others and (party := represented(between)) is not None:  # "officials representing X and Y"
            others = [c for c in party.conjuncts if c.i > party.i]
        patient = others[0] if others else patient
    if cand.event_type in ("dialogue", "agreement") and agent is None:
        agent, patient = named_parties(head, patient, cues)
    if cand.event_type in ("dialogue", "agreement", "ceasefire") and agent is None:
        agent = their_parties(head)  # "X and Y ... a meeting of their ministers": X (and Y, below)
    walked_out = cand.event_type == "ceasefire" and cand.sub_event_type == "ended" and anchor.i != head.i
    if agent is None and anchor.pos_ in VERBAL and (walked_out or done_by_subject(head, anchor, cues)):
        describes = lemma(anchor) in cues.reference_verbs and not cand.eventive
        describes = describes or reported_by_onlooker(anchor, cues)  # "residents reported air strikes"
        # "two guerrillas died in the bombing": its victims; "soldiers died in a gunfight": a side
        describes = describes or (suffered(anchor, cues) and cand.event_type != "clash")
        if not describes and lemma(anchor) not in cues.mediator_verbs:
            agent = subject_of(anchor) if not is_passive(anchor) else by_agent(anchor)
    patient = other_party(cand, agent, patient)
    if head.dep_ == "nsubj" and patient is None:
        patient = next((c for c in anchor.children if c.dep_ == "dobj"), None)
    if head.dep_ == "pobj" and patient is None and anchor.pos_ in VERBAL and is_passive(anchor):
        patient = next((c for c in anchor.children if c.dep_ == "nsubjpass"), None)
    return agent, patient


def done_by_subject(head: Token, anchor: Token, cues: Cues) -> bool:
    """The anchor's subject is who did a nominal event: 'X launched an attack', 'X began talks',
    'X took part in talks' — not 'X recovered bodies after the gunfight'."""
    while head.dep_ == "conj" and head.head.i != head.i:
        if object_joined_to_verb(head, anchor):
            return True
        head = head.head
    if head.dep_ in ("dobj", "attr", "oprd"):
        return True
    if charged_with(head, cues):
        return False  # "arrested five in connection with the killing": the arresters did not kill
    if head.dep_ == "nsubjpass" and head.head.i == anchor.i and by_agent(anchor) is not None:
        return True
    path = [t for t in path_up(head, stop=anchor) if t.dep_ == "prep"]
    return bool(path) and all(t.lower_ in cues.participation_prepositions for t in path)


def object_joined_to_verb(noun: Token, verb: Token) -> bool:
    """A noun the parser joined to a verb with an object as its conjunct: one of a list of objects
    ("fired mortars, grenade launchers and small arms at ...": launchers hung on "fired")."""
    return (
        noun.head.i == verb.i
        and noun.pos_ in ("NOUN", "PROPN")
        and verb.pos_ in VERBAL
        and any(c.dep_ == "dobj" and c.i < noun.i for c in verb.children)
    )


def party_start(tok: Token) -> bool:
    """First token of a named party, or a country inside a hyphenated dyad ('Pakistan-US')."""
    if tok.ent_iob_ == "B" and tok.ent_type_ in ("GPE", "ORG", "NORP"):
        return True
    after_hyphen = tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–")
    return after_hyphen and tok.pos_ == "PROPN" and country_for_name(tok.text) is not None


def named_parties(head: Token, patient: Token | None, cues: Cues) -> tuple[Token | None, Token | None]:
    """Parties of talks named around the noun: 'Pakistan-US Dialogue', 'meeting of SCO advisers'."""
    named: list[Token] = []
    for child in head.children:
        if child.dep_ in ("compound", "nmod", "amod"):
            named += [t for t in child.subtree if party_start(t)]
        if child.dep_ == "prep" and child.lower_ in cues.named_party_prepositions:
            named += [t for t in child.subtree if t.ent_type_ in ("ORG", "GPE") and party_start(t)]
    named = [t for t in named if not venue_name(t)]
    named = sorted(set(named), key=lambda t: (0 if t.ent_id_ else 1, t.i))
    if not named:
        return None, patient
    agent = named[0]
    rest = [t for t in named[1:] if patient is None or t.i != patient.i]
    return agent, patient or (rest[0] if rest else None)


def victims_in(cand: Candidate, cues: Cues) -> Token | None:
    """Who was killed or hurt in the sentence ('killing five people', 'two soldiers were killed')."""
    sent = cand.sent
    key = ("victims_in", sent.start, sent.end, id(cues))
    return remembered(sent.doc, key, lambda: sent_victims(sent, cues))


def sent_victims(sent: Span, cues: Cues) -> Token | None:
    """`victims_in` for a sentence, worked out."""
    for tok in sent_tokens(sent):
        if lemma(tok) in cues.victim_verbs:
            for child in tok.children:
                if child.dep_ == "dobj" or (child.dep_ == "nsubjpass"):
                    return child
    return None


def resolve_actor(
    tok: Token, cand: Candidate, country: str | None, ctx: ArticleContext, res: CoderResources, role: int
) -> Actor | None:
    """The dictionary actor a participant names (a country stands for its government or army)."""
    cues = res.cues
    if tok.lower_ in cues.positional_anaphors:
        return former_or_latter(tok, country, res)
    if lemma(tok) in cues.settlement_words and of_objects(tok):
        return None  # "the towns of A and B in Kenya": places struck, no side (nor the country's government)
    if tok.ent_type_ == "GPE" and any(c.dep_ == "amod" and c.lower_ in DIRECTION_WORDS for c in tok.children):
        return None  # "air strikes on southern Lebanon": a part of the country struck, no side
    if tok.pos_ == "PROPN" and tok.lower_ in BUILDING_WORDS:
        return None  # "the Government Day Secondary School": a building's name, no government
    if lemma(tok) == "other" and tok.head.dep_ == "conj":  # "two soldiers died and four others were hurt"
        first = next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        tok = first if first is not None and lemma(first) in cues.state_force_nouns else tok
    anaphor = tok.lower_ in cues.anaphoric_nouns and not has_name_after(tok)
    if tok.pos_ == "PRON" or (anaphor and is_definite(tok, cues)):
        if tok.lower_ in cues.relative_pronouns and tok.head.dep_ == "relcl":
            tok = tok.head.head
            if lemma(tok) in cues.armed_sites:  # "an attack on a base that killed two": no base kills
                return None
        elif tok.lower_ in cues.non_actor_pronouns:
            return None
        else:
            object_pronoun = role == 2 and tok.pos_ == "PRON" and tok.dep_ in ("dobj", "pobj")
            found = (
                patient_antecedent(tok, country, res)
                if object_pronoun
                else antecedent(tok, country, ctx, res)
            )
            if found is not None or tok.pos_ == "PRON":
                return found  # "the militants" with none named before: militants, unidentified
    whose = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    owned = whose is not None and lemma(tok) in cues.state_force_nouns
    owner = (possessor(whose) or speaker_of(tok, cues)) if owned else None
    if (
        owner is not None
        and (found := resolve_actor(owner, cand, country, ctx, res, role))
        and found.inter == 1
    ):
        return found  # "Pakistan's military said its aircraft had struck": Pakistan's
    entity = next((e for e in span_ents(tok.sent) if e.start <= tok.i < e.end), None)
    if entity is not None and entity.ent_id_ and not res.actors.local_alias(entity.text, country):
        return res.actors.resolve(entity.ent_id_, country) or res.actors.resolve(entity.text, country)
    phrase = noun_phrase(tok)
    if entity is not None and entity.label_ == "GPE" and "-" in entity.text:
        phrase = tok.doc[tok.i : tok.i + 1]
    party = represented(tok)  # "officials of X", "envoys representing X": X's government
    if party is not None and res.actors.is_generic(res.actors.resolve(tok.text, country), "government"):
        if any(c.pos_ == "PROPN" and not named_actor(c, country, res) for c in party.conjuncts):
            return None  # "officials from Tripoli and Tarhuna": the towns' own, no government
        if (party_country := country_for_name(party.text)) is not None:
            return res.actors.generic("government", party_country[1])
        if (whose := resolve_actor(party, cand, country, ctx, res, role)) is not None:
            return whose  # "negotiators from the Afghan government": that government, not the venue's
    bare = bare_nationality(tok)  # "Kyrgyz and Tajik border guards": Kyrgyz border guards, a state force
    if bare is not None and (forces := res.actors.resolve(bare, country)) is not None and forces.inter == 1:
        return forces
    actor = res.actors.resolve(first_nationality(phrase, tok) or lookup_text(phrase), country)
    before = named_entity_before(phrase)
    if before is not None and (actor is None or res.actors.is_unidentified(actor)):
        actor = res.actors.resolve(before.ent_id_, country) or actor
    country_only = country_for_name(phrase.text)
    # "Israeli air raids", "a Russian missile": a nationality modifying the noun of a strike from afar (an
    # army's weapons) is its country's forces, as the country's name would be ("Palestinian attacks": no)
    norp = entity is not None and entity.label_ == "NORP" and tok.dep_ == "amod"
    on_event = tok.head == cand.head or (tok.head.dep_ == "compound" and tok.head.head == cand.head)
    of_event = norp and on_event and cand.variant in ARMY_WEAPON_VARIANTS
    strikes = lemma(tok.head) in cues.army_strike_nouns or lemma(tok.head) in cues.striking_munitions
    of_event = of_event or (norp and tok.head.dep_ in ("nsubj", "pobj") and strikes)  # "by Israeli drones"
    if (
        country_only is not None
        and (entity is None or entity.label_ == "GPE" or of_event)
        and len(phrase) <= 3
    ):
        return res.actors.generic("military" if cand.event_type in VIOLENT else "government", country_only[1])
    if actor is None and cand.event_type in PARTY_EVENTS:  # "a truce with Islamabad": its government
        actor = res.actors.resolve(phrase.text, country, capitals=True)
    # "militants suspected to belong to X", "people linked to X" (detained): X
    if actor is None or is_unidentified(actor) or res.actors.is_generic(actor, "civilians"):
        actor = affiliated_group(tok, country, res) or actor
    if lemma(tok) in cues.settlement_words | cues.conveyance_words and res.actors.is_generic(
        actor, "government"
    ):
        return None  # "seized a Congo mining town", "a U.S.-owned cargo ship": a place, a ship, no government
    if actor is not None:  # "government positions" are held by its forces; bare "troops" the named ones
        if lemma(tok) in cues.position_words:
            return res.actors.armed(actor)
        return national_forces(named_group(actor, tok, ctx, res.actors, cues), tok, ctx, res.actors, cues)
    modifiers = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if modifiers:
        actor = res.actors.resolve(tok.doc[modifiers[0].left_edge.i : tok.i].text, country)
        if actor is not None:
            return actor
    if entity is not None and entity.label_ == "ORG" and tok.ent_type_ == "ORG" and not inside_trigger(tok):
        located = compact(cand.place.location or "") if cand.place is not None else ""
        placed_here = bool(located) and (
            located == compact(tok.text) or compact(entity.text).startswith(located)
        )
        # "militants attacked Kerow", "shelled Kobarre in Lamu": the town is the place, its people hit
        if placed_here or names_town(entity.text, ctx, bracketed_units(entity.root)):
            hit = role == 2 and cand.event_type in VIOLENT
            return res.actors.generic("civilians", country) if hit else None
        return res.actors.unknown(entity.text)
    if tok.ent_type_ == "PERSON" and role == 2 and cand.event_type in VIOLENT:
        return res.actors.generic("civilians", country)
    return None


def named_actor(tok: Token, country: str | None, res: CoderResources) -> bool:
    """The name a token heads is a country or an actor of the dictionary (not a town's)."""
    text = noun_phrase(tok).text
    return country_for_name(text) is not None or res.actors.resolve(text, country) is not None


def affiliated_group(tok: Token, country: str | None, res: CoderResources) -> Actor | None:
    """The named armed group a participant's modifier ties it to ("militants belonging to X", "fighters
    loyal to X", "militants suspected to belong to X", "rebels from X"), within AFFILIATION_SPAN words."""
    for child in tok.rights:
        if child.i - tok.i > 3 or not (
            child.dep_ in ("acl", "amod")
            and lemma(child) in res.cues.affiliation_words
            or child.dep_ == "prep"
            and child.lower_ in res.cues.affiliation_prepositions
        ):
            continue
        for t in child.subtree:
            if t.ent_id_ and t.i - tok.i <= AFFILIATION_SPAN:
                actor = res.actors.resolve(t.ent_id_, country)
                if actor is not None and actor.inter in NON_STATE_ARMED and not is_unidentified(actor):
                    return actor
    return None


def names_town(name: str, ctx: ArticleContext, units: str = "") -> bool:
    """The name is, exactly, a town or village of the article's countries, or of any when it names none
    (a name the tagger took for an organisation); or one the units written after it place (" (Y, Z)")."""
    return town_named(name, tuple(ctx.countries), units)
