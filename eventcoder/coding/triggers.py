"""From triggers to candidates: which triggers report a real occurrence, one per family a sentence.

A trigger survives the realis rules (not negated, not modal, planned, feared, demanded,
conditional; not a trend) and the checks of its event type; one sentence then gives one
candidate per merge family, its strongest trigger filled in from the others.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from eventcoder.coding.attach import attach, placename, struck_times
from eventcoder.coding.candidates import VIOLENT, ArticleContext, Candidate, CoderResources, body_trigger
from eventcoder.coding.cues import Cues
from eventcoder.coding.dating import opens_same_day
from eventcoder.coding.fire import blows_something_up
from eventcoder.coding.generic import (
    accident_as_killer,
    agreed_truce,
    cited_statistics,
    claimed_by_its_subject,
    conflict_as_killer,
    conflict_displaced,
    describes_a_place,
    during_a_war,
    has_new_event_marker,
    has_specific_date,
    holds_captives,
    is_characterisation,
    is_grievance,
    judicial_execution,
    kind_of_people,
    not_its_kind,
    one_after_another,
    over_a_period,
    over_several_occasions,
    planned_participle,
    said_of_captives,
    starts_a_period,
    tallied_conflict,
    war_on_a_country,
    years_of,
)
from eventcoder.coding.grouping import group_sentence
from eventcoder.coding.nlp import TRIGGER_SPANS
from eventcoder.coding.participants import ARMED_TYPES, ARMY_WEAPON_VARIANTS, crowd_weapon, patient_of
from eventcoder.coding.plurals import generic_plural, habitual_clause, ongoing_clause, told_country_wide
from eventcoder.coding.protests import (
    blocks_a_road,
    crowd_goes_on,
    diplomatic_protest,
    dispersed_crowd,
    led_people,
    misread_place,
    protest_purpose,
)
from eventcoder.coding.rules import (
    PLACE_LABELS,
    VERBAL,
    anchor_verb,
    conjuncts,
    doc_ents,
    event_head,
    freed,
    has_negation,
    irrealis_reason,
    is_definite,
    is_infinitive,
    is_passive,
    is_trend,
    lemma,
    names_people,
    never_done,
    nonfinite_governors,
    of_objects,
    path_up,
    prep_targets,
    set_free,
)
from eventcoder.coding.sentcache import doc_spans, label_line, sent_tokens
from eventcoder.coding.several import split_by_place
from eventcoder.coding.subjects import parenthetical_subject, repels
from eventcoder.coding.talks import meeting_held, talks_not_held

ANY_POS = frozenset({"NOUN", "VERB", "PROPN"})


def trigger_candidates(doc: Doc, ctx: ArticleContext, res: CoderResources) -> list[Candidate]:
    """Candidates of every sentence, grouped so that one sentence reports one event per family."""
    by_sentence: dict[int, list[Span]] = {}
    sentences = list(doc.sents)
    starts = {s.start: i for i, s in enumerate(sentences)}
    for span in doc.spans[TRIGGER_SPANS]:
        sent_index = starts[span.sent.start]
        by_sentence.setdefault(sent_index, []).append(span)
    out: list[Candidate] = []
    for sent_index, spans in sorted(by_sentence.items()):
        sent = sentences[sent_index]
        cands = [c for s in spans if (c := make_candidate(s, sent, sent_index, ctx, res)) is not None]
        shadows = [c for c in cands if c.shadow]
        for shadow in shadows:
            attach(shadow, ctx, res)
        modifiers = [s for s in spans if s.label_.endswith("|modifier")]
        for cand in group_sentence([c for c in cands if not c.shadow], modifiers, sent, ctx, res):
            out.extend(split_by_place(cand, ctx, res.cues))
        out.extend(shadows)
    return told_one_by_one(sorted(out, key=lambda c: c.trigger.start))


def told_one_by_one(cands: list[Candidate]) -> list[Candidate]:
    """A dated set of events ("a string of attacks on police posts across the province on Wednesday")
    that the article then tells one by one, in two places or more, is their summary, not an event of
    its own: it is kept as a shadow (never coded; a bare "the attacks" after it still refers to it). So is
    a whole country's toll ("nearly 100 killed across X as protesters clashed with police") that the
    article then tells in one district or town, of violence or protest alike."""
    for i, cand in enumerate(cands):
        if not (cand.summary or cand.wide) or cand.shadow:
            continue
        later = {
            (c.place.iso3, c.place.location)
            for c in cands[i + 1 :]
            if (own_unrest(c, cand) if cand.wide else c.family == cand.family)
            and not c.summary
            and not c.shadow
            and c.place is not None
            and c.place.geo_precision is not None
            and c.place.geo_precision <= (3 if cand.wide else 2)
        }
        if len(later) >= (1 if cand.wide else 2):
            cand.shadow = True
    return cands


UNREST = frozenset({"violent", "protest"})  # the families a country's toll of unrest is told in


def own_unrest(cand: Candidate, toll: Candidate) -> bool:
    """Violence or protest told by a trigger of its own ("a mob attacked a police station"), not by a toll
    or a supporting word, in a sentence after a country's toll of either."""
    return cand.role == "event" and cand.sent_index > toll.sent_index and {cand.family, toll.family} <= UNREST


def arrested_people(noun: Token) -> bool:
    """A plural of people who are what an arrest trigger is done to ("detained 57 protesters", "the
    arrest of demonstrators")."""
    if noun.tag_ != "NNS":
        return False
    taker = noun.head
    if noun.dep_ == "pobj" and taker.lower_ == "of":
        taker = taker.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    return any(
        s.root.i == taker.i and s.label_.startswith("arrest.") for s in doc_spans(noun.doc, TRIGGER_SPANS)
    )


def make_candidate(
    span: Span, sent: Span, sent_index: int, ctx: ArticleContext, res: CoderResources
) -> Candidate | None:
    """A candidate for a trigger, or None when the trigger does not report a real occurrence."""
    label, variant, role = span.label_.split("|")
    if role == "modifier" or (role == "toll" and not distributed_toll(span.root, sent, res.cues)):
        return None
    # "the strike" (role "again") is kept by the matcher only where it tells a trigger again: a reference
    role = "support" if role == "toll" else "event" if role == "again" else role
    event_type, sub_event_type = label.split(".")
    cues = res.cues
    allowed = cues.pos_by_term.get(span.text.lower()) or cues.pos_by_term.get(lemma(span.root), ANY_POS)
    if len(span) == 1 and (
        (span.root.pos_ not in allowed and not set_free(span.root)) or names_people(span.root)
    ):
        return None
    if (event_type == "protest" and arrested_people(span.root)) or said_of_captives(span, sent, res.cues):
        return None  # "detained 57 protesters": the arrest is told; "those detained were freed": the release
    head = event_head(span)
    if head.i != span.root.i and lemma(head) in cues.armament_nouns:
        return None  # "an assault rifle", "attack helicopters", "a strike force": what fights, no event
    if event_type in VIOLENT and nonlethal_modified(head, cues):
        return None  # "tear gas shells", "stun grenades": crowd control, a protest's, not an attack
    if event_type in VIOLENT and head.pos_ in VERBAL and fires_crowd_weapon(head, cues):
        return None  # "responded by firing teargas": the tear gas tells the protest's intervention
    if not_its_kind(event_type, head, cues):
        return None  # "a press conference": no talks; "a ceasefire agreement": the ceasefire
    anchor = anchor_verb(head) if head.pos_ not in VERBAL else head
    cand = Candidate(
        sent=sent,
        sent_index=sent_index,
        trigger=span,
        head=head,
        anchor=anchor,
        event_type=event_type,
        sub_event_type=sub_event_type,
        variant=variant,
        role=role,
        headline=span.start_char < ctx.headline_end  # a caption restates the lead as a headline does
        or any(a <= span.start_char < b for a, b in ctx.captions),
        new_marker=has_new_event_marker(head, cues) and not crowd_goes_on(head, event_type),
        same_day=opens_same_day(sent, cues),
        definite=is_definite(head, cues),
        again=span.label_.endswith("|again"),
    )
    if not type_specific_checks(cand, res) or is_characterisation(cand, cues) or tallied_conflict(cand, cues):
        return None
    if span.start_char >= len(ctx.article.title or "") and label_line(sent):
        return None
    in_general = (
        is_trend(head, cand.anchor, cues)
        or generic_plural(cand, cues)
        or habitual_clause(cand, cues)
        or ongoing_clause(cand)
        or kind_of_people(cand)
        or war_on_a_country(cand, cues)
        or during_a_war(cand, cues)
        or one_after_another(cand, cues)
        or describes_a_place(cand)
    )
    if (in_general and not has_specific_date(cand, cues)) or over_a_period(cand, ctx, cues):
        return None
    if starts_a_period(cand, cues) or conflict_displaced(cand, cues):
        return None
    if over_several_occasions(cand, cues) or conflict_as_killer(cand, cues) or cited_statistics(cand, cues):
        return None
    if accident_as_killer(cand, cues) or years_of(cand, cues) or judicial_execution(cand, cues):
        return None
    cand.summary, cand.wide = in_general, told_country_wide(cand, cues)
    exempt = cand.anchor if cand.eventive or fended_off(cand, cues) or set_free(head) else None
    unreal = irrealis_reason(head, cues, exempt=exempt) is not None or is_grievance(cand, cues)
    unreal = unreal or (not cand.nominal and claimed_by_its_subject(head, cues))
    unreal = unreal or (not cand.eventive and planned_participle(head, cues))
    if not unreal and cand.nominal and head.dep_ in ("nsubj", "nsubjpass") and cand.anchor != head:
        unreal = irrealis_reason(cand.anchor, cues, exempt=cand.anchor) is not None
    if unreal and (agreed_truce(cand, cues) or dispersed_crowd(head, cand.anchor, cues)):
        unreal = False
    if not unreal and is_infinitive(cand.anchor) and lemma(cand.anchor.head) in cues.trend_verbs:
        return None
    negated = has_negation(list(path_up(head, stop=cand.anchor)) + nonfinite_governors(cand.anchor), cues)
    if unreal or negated or never_done(cand.anchor):
        if not cand.nominal:
            return None
        cand.shadow = True
    return cand


def fended_off(cand: Candidate, cues: Cues) -> bool:
    """An assault that was foiled or thwarted ("police foiled attacks on two posts"): it took place and
    was fought off, as one repelled; a foiled bombing or plot never happened."""
    return (
        cand.nominal
        and cand.sub_event_type in ("armed_assault", "armed_clash")
        and cand.anchor.pos_ in VERBAL
        and repels(cand.anchor, cues)
    )


def distributed_toll(verb: Token, sent: Span, cues: Cues) -> bool:
    """A death verb whose sentence gives the dead place by place ("four people died in A, four in B",
    "14 died, 13 of them at A and one at B"): two locative phrases or more, one at least of them on a
    number of its own."""
    if verb.pos_ not in VERBAL:
        return False
    locatives = [t for t in sent_tokens(sent) if t.dep_ == "prep" and t.lower_ in cues.locative_prepositions]
    counted = [p for p in locatives if p.head.like_num]
    own = [p for p in locatives if p.head == verb]
    return len(counted) >= 1 and len(counted) + len(own) >= 2


def fires_crowd_weapon(verb: Token, cues: Cues) -> bool:
    """A verb whose objects are all weapons of crowd control, fired at no one named ("responded by firing
    teargas"; not "tear gas and live rounds", nor "tear gas at protesters": a side the fire took)."""
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    return (
        bool(objects)
        and all(lemma(o) in cues.nonlethal_modifiers or nonlethal_modified(o, cues) for o in objects)
        and not prep_targets(verb, cues.crowd_weapon_prepositions)
    )


def nonlethal_modified(noun: Token, cues: Cues) -> bool:
    """A noun made a crowd-control weapon by its modifier ("tear gas", "rubber bullets")."""
    return any(c.dep_ in ("compound", "amod") and lemma(c) in cues.nonlethal_modifiers for c in noun.children)


def crowd_weapon_used(weapon: Token, cues: Cues) -> bool:
    """Tear gas, water cannon or rubber bullets used on someone ("police fired tear gas in X", "were
    dispersed with water cannon", "tear gas shells were lobbed"): force on a crowd, a protest; the
    weapon only named ("imports tear gas") is none."""
    tok = weapon
    while tok.dep_ in ("compound", "amod", "conj", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("dobj", "nsubjpass"):
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("with", "of"):
        verb = tok.head.head
    else:
        return False
    targets = [
        of_objects(g)[0] if lemma(g) in cues.crowd_quantities and of_objects(g) else g  # "hundreds of ..."
        for g in prep_targets(verb, cues.crowd_weapon_prepositions)
    ]
    return lemma(verb) in cues.crowd_weapon_verbs and not any(named_people(t, cues) for t in targets)


def named_people(tok: Token, cues: Cues) -> bool:
    """People named by who they are, not as a crowd ("at Palestinian fishermen", "at residents"): the
    force used on them is no protest's."""
    nationals = tok.ent_type_ == "NORP" or any(c.ent_type_ == "NORP" for c in tok.children)
    return (nationals or lemma(tok) in cues.person_words) and lemma(tok) not in cues.crowd_nouns


def governing_verbs(head: Token, anchor: Token) -> list[Token]:
    """Verbs and verbal nouns between a noun trigger and its anchor (e.g. 'calling off of the truce')."""
    return [t for t in path_up(head, stop=anchor) if t != head and (t.pos_ in VERBAL or t.tag_ == "VBG")]


def particles(verb: Token) -> set[str]:
    """Particles and prepositional objects of a verb ('off' in 'call off', 'hold' in 'put on hold'; 'away'
    in 'walked away from', which the parser may read as an adverb)."""
    out = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}
    out |= {g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    return out


def type_specific_checks(cand: Candidate, res: CoderResources) -> bool:
    """Checks one event type needs (a ceasefire's verb, a release's object...); sets eventive."""
    cues = res.cues
    head, anchor = cand.head, cand.anchor
    verbs = governing_verbs(head, anchor) if cand.nominal else [head]
    etype = cand.event_type
    if etype == "ceasefire":
        return ceasefire_subtype(cand, verbs, cues)
    if etype == "dialogue":
        if not cand.nominal:
            return meeting_held(head)
        if head.i != cand.trigger.root.i and lemma(head) in cues.venue_nouns:
            return False  # "the conference centre", "a meeting room": a place, not talks
        cand.eventive = any(lemma(v) in cues.eventive_verbs["talks"] for v in verbs)
        return not talks_not_held(cand, cues)
    if etype == "agreement":
        cand.eventive = any(lemma(v) in cues.eventive_verbs["agreement"] for v in verbs)
        return cand.eventive or (
            head.dep_ in ("nsubj", "nsubjpass") and lemma(anchor) in cues.eventive_verbs["agreement"]
        )
    if etype == "release":
        return releases_people(head, cues)
    if cand.sub_event_type == "abduction" and cand.trigger[-1].lower_ == "by":
        return seized_people(head, res)
    if etype == "arrest" and lemma(head) == "capture":
        obj = patient_of(head)
        if obj is not None and (lemma(obj) in cues.territory_nouns or captured_place(obj, cues)):
            # "the capture of X" told in passing, "began capturing territories": no one occurrence
            return not cand.nominal and one_place(obj) and took_ground(cand)
    if cand.variant == "overtakes_territory" and cand.role == "event":
        obj = patient_of(head)
        held = obj is not None and (
            lemma(obj) in cues.territory_nouns | cues.guarded_sites or captured_place(obj, cues)
        )
        crowd = any(c.dep_ == "nsubj" and lemma(c) in cues.crowd_nouns for c in head.children)
        return held and one_place(obj) and not crowd and took_ground(cand)  # a crowd occupies: a protest
    if etype == "protest" and (
        diplomatic_protest(head, cues)
        or (cand.variant == "peaceful" and not cand.nominal and led_people(head, cues))
    ):
        return False
    if etype in VIOLENT and cand.nominal and carried(head, cues):
        return False
    if etype in VIOLENT and lemma(head) in cues.beating_verbs:
        return beats_a_person(head, cues)
    if etype in VIOLENT and lemma(head) == "blow" and not blows_something_up(head, cues):
        return False  # "tensions blew up": nothing blown up, no explosive gone off
    if etype in VIOLENT and head.pos_ in VERBAL and lemma(head) in cues.intrusion_verbs:
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return subject is not None and (armed(subject, res) or has_word(subject, "armed"))
    if etype in VIOLENT and lemma(head) in cues.observed_fire_words:
        return observed_count(head, cues)
    if etype in VIOLENT and cand.trigger[0].lower_ in cues.discovery_words:
        return marks_of_violence(cand, cues)
    if etype in VIOLENT and body_trigger(cand, cues):
        return found_remains(cand, cues)
    if cand.sub_event_type == "armed_assault" and any(v.pos_ in VERBAL and flown_by(v, cues) for v in verbs):
        # "jets killed 30 bandits", "jets killed 30 bandits in raids on their camps"
        cand.sub_event_type, cand.variant = "explosion", "air_drone_strike"
    if etype in VIOLENT and head.pos_ in VERBAL and lemma(head) in cues.targeting_verbs:
        return armed_targeting(cand, res)
    if etype == "protest" and head.pos_ in VERBAL and lemma(head) in cues.blocking_verbs:
        return blocks_a_road(head, cues)
    if cand.nominal and crowd_weapon(cand):
        return crowd_weapon_used(cand.trigger[-1], cues)
    if etype == "protest" and lemma(head) in cues.gathering_words:
        return protest_purpose(head, anchor, cues) or crowd_in_protest_story(cand, cues)
    if etype == "protest" and lemma(head) in cues.ambiguous_protest_verbs:  # not "rallied support"
        objects = [c for c in head.children if c.dep_ in ("ccomp", "dobj") and not misread_place(c, cues)]
        if any(c.dep_ == "nsubj" and lemma(c) in cues.market_nouns for c in head.children):
            return False  # "Kenyan shares rallied": a market, no crowd
        return protest_purpose(head, anchor, cues) or (not is_passive(head) and not objects)
    if etype in VIOLENT and not cand.nominal:
        target = patient_of(head)
        launched = (
            target is not None
            and lemma(head) in cues.launching_verbs
            and lemma(target) not in cues.shot_down_targets
        )
        if target is not None and lemma(target) in cues.interception_objects and not launched:
            return False  # "shot down a drone", but "fired rockets at X" is the attack
    if etype in VIOLENT or etype == "protest" or etype == "arrest":
        cand.eventive = not cand.nominal or any(lemma(v) in cues.eventive_verbs["violence"] for v in verbs)
    return True


def found_remains(cand: Candidate, cues: Cues) -> bool:
    """A body found, dumped or recovered ("the body of a man was found by a road", "police recovered two
    bodies") with marks of how the person was killed is an attack; a body mentioned otherwise is not."""
    noun = cand.head
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    if noun.dep_ not in ("nsubjpass", "dobj") or lemma(noun.head) not in cues.discovery_verbs:
        return False
    return marks_of_violence(cand, cues)


def marks_of_violence(cand: Candidate, cues: Cues) -> bool:
    """A body found is an attack when its sentence or the next one in the text tells how the person was
    killed ("found dead with gunshot wounds"; "... The body bore signs of torture."), not a death alone."""
    sent = cand.sent
    words = list(sent)
    if sent.end < len(sent.doc):
        nxt = sent.doc[sent.end].sent
        if "\n\n" not in sent.doc[sent.end - 1 : nxt.start + 1].text:
            words += list(nxt)
    return any(
        ({lemma(t)} | participle_stems(t)) & cues.violent_death_marks
        and t.i not in range(cand.trigger.start, cand.trigger.end)
        for t in words
    )


def participle_stems(tok: Token) -> set[str]:
    """The verbs an adjective in -ed of six letters or more may be the participle of ("dismembered",
    "wrapped"): the tagger reads it as an adjective and leaves it unlemmatised."""
    low = tok.lower_
    participle = tok.pos_ == "ADJ" and low.endswith("ed") and len(low) > 5
    return {low[:-1], low[:-2], low[:-3]} if participle else set()


def carried(head: Token, cues: Cues) -> bool:
    """A weapon the attackers carry is their instrument, not an event of its own ("gunmen carrying rockets
    and grenades stormed ...", "armed with explosives")."""
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    governor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "with" else tok.head
    if any(c.dep_ == "prt" for c in governor.children):
        return False  # "carried out an airstrike": did it
    return tok.dep_ in ("dobj", "pobj") and lemma(governor) in cues.carrying_verbs


def beats_a_person(head: Token, cues: Cues) -> bool:
    """Beating or torture done to people ("police beat a man to death", "a journalist was tortured", "the
    beating of two students"), not "beat the champions", "beat back an assault" or "torture" in general."""
    if any(c.dep_ == "prt" and c.lower_ == "back" for c in head.children):
        return False  # "beat back an attack": repelled, a clash word's business
    patient = patient_of(head)
    if patient is None:
        return False
    words = {lemma(patient), lemma(patient.head)} if lemma(patient) == "of" else {lemma(patient)}
    return bool(words & cues.person_words) or patient.ent_type_ in ("PERSON", "NORP")


def observed_count(head: Token, cues: Cues) -> bool:
    """Shots, bursts of fire or projectiles counted by an observer ("the mission recorded a total of 40
    projectiles near X"): a monitor's report of fire. Shots alone ("shots rang out", "he fired two shots")
    are left to the words that say who fired at whom."""
    tok = head
    for _ in range(4):
        if tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in cues.observation_verbs:
            return True
        if tok.dep_ not in ("pobj", "prep", "dobj", "nsubjpass") or tok.head is tok:
            return False
        tok = tok.head
    return False


PERSONAL_OBJECTS = frozenset({"them", "him", "her"})


def armed_targeting(cand: Candidate, res: CoderResources) -> bool:
    """An armed actor "targeted", "struck" or "hit" something: an attack ("the air force targeted a fuel
    truck near X", "militants struck a checkpoint", "the group said it had targeted army posts"), an air
    strike when aircraft did it; "the campaign targeted young voters" and "the rebels struck a deal" are
    none. In the passive, a named place struck by armed men or weapons, or struck a number of times
    ("Qwertykot was hit by drones", "Zarnok was struck three times"), was attacked."""
    cues, head = res.cues, cand.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None) or parenthetical_subject(head)
    subject = speaker_if_pronoun(subject, cues)
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if subject is None:
        return struck_place(cand, res)
    if not objects or any(lemma(o) in cues.targeting_idioms for o in objects):
        return False
    told_again = lemma(subject) in cues.army_strike_nouns and strike_told_before(subject)
    if not armed(subject, res) and not army_weapon(subject) and not told_again:
        return False  # "A drone strike killed 26 ... The strike hit the town of X": the strike again
    if {lemma(t) for t in subject.subtree} & cues.air_subjects or told_again:
        cand.sub_event_type, cand.variant = "explosion", "air_drone_strike"
    return True


def strike_told_before(noun: Token) -> bool:
    """An air strike or shelling is told before the noun (no workers' strike is)."""
    spans = doc_spans(noun.doc, TRIGGER_SPANS)
    return any(s.end <= noun.i and s.label_.split("|")[1] in ARMY_WEAPON_VARIANTS for s in spans)


def flown_by(verb: Token, cues: Cues) -> bool:
    """Aircraft or drones did it: the head of the verb's subject or passive agent is one ("air force jets
    killed", "a drone killed", "were killed by a drone"; not "air force intelligence officers")."""
    clauses = [verb, verb.head] if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") else [verb]
    doers = [c for v in clauses for c in v.children if c.dep_ == "nsubj"]  # "a drone slammed into X, killing"
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(lemma(d) in cues.air_subjects and lemma(d) != "air" for d in doers)


def speaker_if_pronoun(subject: Token | None, cues: Cues) -> Token | None:
    """The subject of a clause, or for a pronoun in reported speech the one who reports ("the group said
    it had targeted ...": the group)."""
    if subject is None or subject.pos_ != "PRON":
        return subject
    verb = subject.head
    if verb.dep_ == "ccomp" and lemma(verb.head) in cues.reporting_verbs:
        return next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), subject)
    return subject


def armed(tok: Token, res: CoderResources) -> bool:
    """An armed noun ("militants", "drones") or an armed group of the actor dictionary."""
    if lemma(tok) in res.cues.armed_subjects:
        return True
    actor = res.actors.resolve(tok.ent_id_) if tok.ent_id_ else None
    return actor is not None and actor.inter in ARMED_TYPES


def has_word(tok: Token, word: str) -> bool:
    """The token has a modifier of that lemma ("armed men")."""
    return any(c.dep_ in ("amod", "compound") and lemma(c) == word for c in tok.children)


def army_weapon(tok: Token) -> bool:
    """A word that is itself a trigger of shelling or an air strike ("a missile struck a market")."""
    return any(
        span.start <= tok.i < span.end and span.label_.split("|")[1] in ARMY_WEAPON_VARIANTS
        for span in doc_spans(tok.doc, TRIGGER_SPANS)
    )


def struck_place(cand: Candidate, res: CoderResources) -> bool:
    """A named place (or person), or a place or guarded site told by its kind ("the village", "a police
    post"), that "was hit" or "struck" by armed men or weapons, or with no agent a number of times;
    "Germany was hit by floods" and "several places were hit" are none."""
    head, cues = cand.head, res.cues
    target = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if target is None:
        return False
    if target.pos_ != "PROPN" and lemma(target) not in cues.place_kind_words | cues.guarded_sites:
        return False
    agents = [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    agents += [c for a in agents for c in a.children if c.dep_ == "conj"]
    if agents:
        munitions = any(lemma(a) in cues.striking_munitions for a in agents)  # "by shells", "by a missile"
        if any(lemma(a) in cues.air_subjects for a in agents):
            cand.sub_event_type, cand.variant = "explosion", "air_drone_strike"
        elif munitions:
            cand.sub_event_type, cand.variant = "explosion", "shelling"
        return munitions or any(armed(a, res) or lemma(a) in cues.fired_weapon_words for a in agents)
    return struck_times(head)


PROTEST_STORY_SENTENCES = 2  # a protest told this many sentences before a crowd's gathering is its protest


def crowd_in_protest_story(cand: Candidate, cues: Cues) -> bool:
    """Supporters, workers or students who gather or converge where the sentences just before (or
    this one) tell of protests ("Protesters blocked the highway. In Quetta, workers converged on the
    square"): a gathering of the protests, though its clause says nothing of what for."""
    head = cand.head
    if not any(c.dep_ == "nsubj" and lemma(c) in cues.crowd_nouns for c in head.children):
        return False
    return told_before(
        head,
        PROTEST_STORY_SENTENCES,
        lambda span: span.label_.startswith("protest.") and lemma(span.root) not in cues.gathering_words,
        upto=cand.sent.end,
    )


def told_before(tok: Token, sentences: int, wanted: Callable[[Span], bool], upto: int | None = None) -> bool:
    """A trigger `wanted` accepts, from `sentences` sentences before the token's up to it (or `upto`)."""
    doc, start = tok.doc, tok.sent.start
    for _ in range(sentences):
        if start > 0:
            start = doc[start - 1].sent.start
    end = tok.i if upto is None else upto
    return any(start <= span.start < end and wanted(span) for span in doc_spans(doc, TRIGGER_SPANS))


def ceasefire_subtype(cand: Candidate, verbs: list[Token], cues: Cues) -> bool:
    """Declared, ended or violated, from the verb that governs the truce; unknown is a reference."""
    ev = cues.eventive_verbs
    for verb in verbs:
        lem, parts = lemma(verb), particles(verb)
        if lem in cues.ceasefire_ended_particles and parts & cues.ceasefire_ended_particles[lem]:
            cand.sub_event_type, cand.eventive, cand.anchor = "ended", True, verb
            return True
        if (
            lem in ev["ceasefire_violated"]
            and lem != "break"
            or (lem == "break" and not parts & cues.ceasefire_ended_particles["break"])
        ):
            if lem in ev["ceasefire_violated"]:
                cand.sub_event_type, cand.eventive, cand.anchor = "violated", True, verb
                return True
        if lem in ev["ceasefire_ended"] and lem not in cues.ceasefire_ended_particles:
            cand.sub_event_type, cand.eventive, cand.anchor = "ended", True, verb
            return True
        if lem in ev["ceasefire_declared"]:
            cand.sub_event_type, cand.eventive, cand.anchor = "declared", True, verb
            return True
    head = cand.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in VERBAL:
        lem = lemma(head.head)
        if lem in cues.ceasefire_ended_subject_verbs:
            cand.sub_event_type, cand.eventive, cand.anchor = "ended", True, head.head
            return True
        if lem in cues.ceasefire_declared_subject_verbs or lem in ev["ceasefire_declared"]:
            cand.sub_event_type, cand.eventive, cand.anchor = "declared", True, head.head
            return True
    cand.sub_known = False
    return True


def one_place(obj: Token) -> bool:
    """One place taken ("the town", "X"), not kinds of them ("territories", "villages")."""
    return obj.tag_ not in ("NNS", "NNPS")


def took_ground(cand: Candidate) -> bool:
    """A town, base or post captured, seized or taken over ("militiamen seized the town of X", "X was
    captured by government troops"): a battle for territory, as ACLED codes it (the variant, overtaken or
    regained, follows from who took it)."""
    cand.event_type, cand.sub_event_type, cand.variant = "clash", "armed_clash", "armed_clash"
    cand.territory = True
    return True


def captured_place(obj: Token, cues: Cues) -> bool:
    """A place taken ("the capture of Goma", "captured X, a village"): a one-word place name (a longer one
    may be a person's), or any name set beside a word for a settlement."""
    ent = next((e for e in doc_ents(obj.doc) if e.start <= obj.i < e.end), None)
    named = (ent is None or len(ent) == 1 or ent.label_ in PLACE_LABELS) and placename(obj)
    return named or any(c.dep_ == "appos" and lemma(c) in cues.settlement_words for c in obj.children)


def seized_people(head: Token, res: CoderResources) -> bool:
    """People taken by armed men ("the group of 17 was taken by a gang"): an abduction; a town "seized by
    rebels" or a decision "taken by the council" is none."""
    taken = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    agents = [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if taken is None or not agents:
        return False
    people = lemma(taken) in res.cues.release_object_nouns or taken.ent_type_ in ("PERSON", "NORP")
    return people and any(armed(a, res) or has_word(a, "armed") for a in agents)


def releases_people(head: Token, cues: Cues) -> bool:
    """A release trigger whose object is people (not a statement or a video)."""
    obj = patient_of(head)
    if obj is None:
        obj = freed(head)  # "set 24 hostages free": who was set free
    if obj is None:
        return False
    for tok in conjuncts(obj):
        if lemma(tok) in cues.release_object_nouns or tok.ent_type_ in ("PERSON", "NORP", "ORG"):
            return True
        if any(captive_participle(t, cues) for t in (tok, *of_objects(tok))):
            return True  # "those detained", "some of those arrested"
        if any(c.dep_ in ("amod", "compound") and c.lower_ in cues.captive_modifiers for c in tok.children):
            return True
        if any(c.dep_ == "nummod" for c in tok.children) and tok.tag_ in ("NNS", "NNPS"):
            return True
        if (tok.lower_ in PERSONAL_OBJECTS or tok.pos_ == "NUM") and told_before(head, 1, holds_captives):
            return True  # "arrested the wives ..., but later released them", "the final 12 were freed"
    return False


def captive_participle(tok: Token, cues: Cues) -> bool:
    """People described by what was done to them: "those detained", "the men abducted"."""
    return any(c.dep_ in ("acl", "relcl") and c.lower_ in cues.captive_modifiers for c in tok.children)
