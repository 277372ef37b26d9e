"""One candidate per event family in a sentence: the strongest violent trigger, filled in from the
others; another clause's own day or own place makes another candidate (one event per day and place).

Used by triggers.trigger_candidates; a pure part of the coding core.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventcoder.coding.actors import Actor, is_unidentified
from eventcoder.coding.attach import attach, attach_place
from eventcoder.coding.candidates import ArticleContext, Candidate, CoderResources, body_trigger, stated_dead
from eventcoder.coding.claims import charged_with
from eventcoder.coding.cues import Cues
from eventcoder.coding.dates import windows_overlap
from eventcoder.coding.dating import attach_date, days_apart
from eventcoder.coding.event_places import names_town_part
from eventcoder.coding.occurrences import places_compatible
from eventcoder.coding.participants import ARMY_WEAPON_VARIANTS
from eventcoder.coding.places import Place
from eventcoder.coding.rules import VERBAL, clause_chain, is_definite, lemma
from eventcoder.coding.same_sides import NON_STATE_ARMED, is_armed
from eventcoder.coding.sentcache import sent_text, sent_tokens
from eventcoder.coding.several import SPLIT_FAMILIES, struck_places

EXPLOSION_PRIORITY = [
    "suicide_bomb",
    "car_bomb",
    "roadside_bomb",
    "air_drone_strike",
    "shelling",
    "grenade",
    "ied",
    "chemical",
]
SUB_PRIORITY = {"explosion": 0, "abduction": 1, "armed_clash": 2, "armed_assault": 3}


def group_sentence(
    cands: list[Candidate], modifiers: list[Span], sent: Span, ctx: ArticleContext, res: CoderResources
) -> list[Candidate]:
    """One candidate per family in a sentence; support triggers only when nothing stronger is there."""
    out: list[Candidate] = []
    # "arrested two over the killing": the killing told before, what the arrest is for, no event here
    cands = [c for c in cands if not (c.family == "violent" and charged_reference(c, res.cues))]
    violent = [c for c in cands if c.family == "violent"]
    violent_events = [c for c in violent if c.role == "event"]
    for cand in violent:
        attach(cand, ctx, res)
    primary: Candidate | None = None
    if violent_events:
        primary = min(violent_events, key=lambda c: violent_priority(c, res.cues))
        primary.eventive = primary.eventive or any(c.eventive for c in violent_events)
    elif violent and (
        reports_casualties(sent, res.cues, arrests=arrests_beside_violence(cands, res.cues))
        or any(body_trigger(c, res.cues) for c in violent)
    ):
        # a body found with marks of violence (its checks passed) is a death told, as a toll is
        primary = min(violent, key=lambda c: (c.actor1 is None, c.trigger.start))
    if primary is not None:  # "A was hit by warplanes": the clause's place, its finest reading
        placed = finer_reading(
            primary, [c for c in violent if c is not primary and c.anchor == primary.anchor]
        )
        if placed is not None:
            primary.place, primary.place_text = placed.place, placed.place_text
    if primary is not None and primary.sub_event_type == "abduction" and stated_dead(sent_text(sent)):
        primary.sub_event_type, primary.variant = "armed_assault", "attack"
    others = {  # another occurrence of the sentence, by what sets it apart: its day, kind or town
        id(c): (c, reason)
        for c in violent_events
        if primary is not None
        and c is not primary
        and (reason := "day" if other_day(c, primary) else other_reason(c, primary, ctx, res))
    }
    if primary is not None:  # "killed three on Sunday, two days after militants attacked X": a killing
        # on a day of its own is its own occurrence, even told by a verb that only supports others
        apart = bool(days_apart(primary))  # once, not per candidate
        days = [
            c
            for c in violent
            if c.role != "event"
            and (apart or days_apart(c))
            and other_day(c, primary)
            and not toll_of(c, primary)
        ]
        others.update((id(c), (c, "day")) for c in days[:1])
    if primary is not None:
        fill_from(primary, [c for c in violent if c is not primary and id(c) not in others], res.cues)
        for other, reason in others.values():
            if reason == "town":
                struck_alike(other, primary, res.cues)
        primary.territory = primary.territory or bool(modifiers)
        out.append(primary)
        if others:  # one event a day, as one a place: parts of one group
            group = (primary.sent_index, primary.trigger.start)
            first_reason = next(iter(others.values()))[1]
            for one, reason in ((primary, first_reason), *others.values()):
                if one.split_group is None:
                    one.split_group, one.split_key = group, part_key(one, reason, ctx, res)
            out.extend(c for c, _ in others.values())
    seen: dict[str, list[Candidate]] = {"violent": []}
    for cand in sorted(cands, key=lambda c: lemma(c.head) in res.cues.gathering_words):  # a gathering last
        if cand.family in seen:
            if cand.family in CLAUSE_FAMILIES and own_clause_place(cand, seen[cand.family], ctx, res):
                # "in A supporters are demonstrating, while in B loyalists staged sit-ins": one per place
                group = (cand.sent_index, seen[cand.family][0].trigger.start)
                for one in [*seen[cand.family], cand]:
                    if one.split_group is None and one.place is not None:
                        one.split_group, one.split_key = group, one.place.location or one.place_text
                out.append(cand)
                seen[cand.family].append(cand)
            elif (kept := seen[cand.family]) and (kept[0].place is None or kept[0].date_text is None):
                attach_date(cand, ctx, res.cues)  # "used tear gas to disperse protesters in X on Sunday":
                attach_place(cand, ctx, res.cues)  # the crowd's day and place (its sides are never read)
                fill_when_where(kept[0], cand)
            continue
        if cand.event_type == "arrest" and primary is not None and same_operation(cand, primary, res.cues):
            continue
        seen[cand.family] = [cand]
        attach(cand, ctx, res)
        out.append(cand)
    return out


def toll_of(cand: Candidate, primary: Candidate) -> bool:
    """A death or injury verb whose subject is the primary's noun ("clashes ... killed a policeman and
    injured 100"): the primary's toll, told on its day."""
    verb = cand.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return any(c.dep_ == "nsubj" and c.i == primary.head.i for c in verb.children)


def other_day(cand: Candidate, primary: Candidate) -> bool:
    """A violent event of the sentence told in a clause of its own with a day of its own ("one soldier died
    in an attack last Sunday, while on Friday militants killed five officers in skirmishes"): another
    occurrence, not the primary's."""
    if cand.anchor == primary.anchor or not cand.date_text or not primary.date_text:
        return False
    if cand.date is not None and primary.date is not None:  # one phrase, days apart: "on Sunday, two
        return not windows_overlap(cand.date, primary.date)  # days after militants attacked ..."
    if cand.date_text.lower() == primary.date_text.lower():
        return False
    return cand.date_specificity >= 1.0 and primary.date_specificity >= 1.0


def other_reason(cand: Candidate, primary: Candidate, ctx: ArticleContext, res: CoderResources) -> str | None:
    """Why the candidate is another occurrence than the sentence's primary ("kind", "town"), or None."""
    if other_kind(cand, primary) or other_sides(cand, primary):
        return "kind"
    return "town" if other_town(cand, primary, ctx, res) else None


def other_sides(cand: Candidate, primary: Candidate) -> bool:
    """Another kind of violence done the other way round, the state's from afar ("militants killed nine
    soldiers in an attack on a base, prompting Turkish air strikes on militant targets"): the answer is
    another occurrence; fire returned in the same fight ("died in a gunfight with X" after X's bomb) stays
    one."""
    sides = [a for a in (cand.actor1, cand.actor2, primary.actor1, primary.actor2) if a is not None]
    if len(sides) < 4 or cand.sub_event_type == primary.sub_event_type:
        return False
    state = [a.inter == 1 for a in sides]
    armed = [a.inter in NON_STATE_ARMED or is_unidentified(a) for a in sides]
    # the state's answer from afar (air strikes, shelling) to a group's attack, or the other way round
    struck = [c.variant in ARMY_WEAPON_VARIANTS for c in (cand, primary)]
    one_way = state[0] and armed[1] and armed[2] and state[3] and struck[0] and not struck[1]
    return one_way or (armed[0] and state[1] and state[2] and armed[3] and struck[1] and not struck[0])


def part_key(cand: Candidate, reason: str, ctx: ArticleContext, res: CoderResources) -> str | None:
    """What names the candidate's part of its sentence: its day, its kind of violence or its town."""
    if reason == "kind":
        return cand.sub_event_type
    if reason == "day" and cand.date is not None:  # "on Sunday, two days after ...": one phrase, two days
        return cand.date.date.isoformat()
    town = own_town(cand, ctx, res.cues) if reason == "town" else None
    return town.location if town is not None else cand.date_text


def other_kind(cand: Candidate, primary: Candidate) -> bool:
    """Another kind of violence told in a clause of its own, with a subject of its own, joined to the
    primary's ("seven officers were abducted and several explosions went off"): another occurrence; not
    shooting, which tells one exchange ("a shoot-out broke out and a suspect was shot")."""
    a, b = cand.anchor, primary.anchor
    joined = (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)
    return (
        joined
        and cand.sub_event_type != primary.sub_event_type
        and not {cand.sub_event_type, primary.sub_event_type} & {"armed_assault", "armed_clash"}
        and all(any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in (a, b))
    )


def other_town(cand: Candidate, primary: Candidate, ctx: ArticleContext, res: CoderResources) -> bool:
    """Violence told in a clause of its own at another town of the primary's country ("A was shelled
    six times, while B was struck three times"): one event per place."""
    if cand.nominal or not own_clause(cand, [primary]):
        return False  # "while forces carried out raids in B": a noun's clause tells no second scene
    attach(cand, ctx, res)
    if cand.place_text and primary.place_text and f" {cand.place_text} " in f" {primary.place_text} ":
        return False  # "stormed the village of A near B ..., and a man was shot dead": "near B" is A's
    towns = [town for c in (cand, primary) if (town := own_town(c, ctx, res.cues)) is not None]
    if len(towns) < 2:
        return False
    a, b = towns
    return a.iso3 == b.iso3 and a.location != b.location and a.location not in (b.admin1, b.admin2)


def own_town(cand: Candidate, ctx: ArticleContext, cues: Cues) -> Place | None:
    """The town or village of the candidate: its place phrase's, else the one place it struck; a name the
    gazetteer lacks counts as written (no coordinates, the article's country)."""
    place, text = cand.place, cand.place_text
    if place is None:
        struck = struck_places(cand, ctx, cues)
        place, text = (struck[0].place, struck[0].text) if len(struck) == 1 else (None, None)
    if place is None or not place.location or (place.geo_precision or 0) > 2:
        return None
    return None if names_town_part(text, cues) else place  # "in A neighbourhood": part of a town told before


CLAUSE_FAMILIES = SPLIT_FAMILIES - {"violent"}  # the violent family has its own primary trigger


def own_clause_place(
    cand: Candidate, kept: list[Candidate], ctx: ArticleContext, res: CoderResources
) -> bool:
    """A second trigger of the sentence's family that is an event of its own: the verb of a clause of its
    own (with its subject, not a relative clause), and a town of its own that is no place of the ones kept,
    nor taken by one that names none ("blocked highways in 10 regions, as thousands marched in X": one
    event per place, GUIDELINES.md)."""
    if not own_clause(cand, kept):
        return False
    attach(cand, ctx, res)
    place = cand.place
    if place is None or place.geo_precision is None or place.geo_precision > 2:
        return False
    return all(k.place is None or not places_compatible(k.place, place) for k in kept)


def own_clause(cand: Candidate, kept: list[Candidate]) -> bool:
    """The candidate is the verb of a clause of its own (with its subject, not a relative clause)."""
    if cand.role != "event" or not kept or any(k.anchor == cand.anchor for k in kept):
        return False
    verb = cand.anchor
    if verb.pos_ not in VERBAL or verb.dep_ not in ("ROOT", "conj", "advcl"):
        return False  # not what a relative clause or a phrase tells of someone ("detained during protests")
    if cand.head != verb and cand.head.head != verb:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def fill_from(primary: Candidate, others: list[Candidate], cues: Cues) -> None:
    """Fields the primary trigger of a sentence lacks, taken from the sentence's other triggers (not the
    sides of an act told as coming after or before it)."""
    own_side = primary.actor2 is not None  # its own parse decided it (two unnamed groups may fight)
    for other in others:
        if not acted_after(primary, other, cues):
            primary.actor1 = primary.actor1 or other.actor1
            primary.actor2 = primary.actor2 or other.actor2
        fill_when_where(primary, other)
    if primary.actor1 and primary.actor2 and primary.actor1.name == primary.actor2.name and not own_side:
        primary.actor2 = None
    for role, side in (("actor1", primary.actor2), ("actor2", primary.actor1)):
        # "killed 12 X rebels ... in a raid on a rebel camp": the group the other trigger names
        mine = getattr(primary, role)
        named = [a for o in others if named_armed_group(a := getattr(o, role))]
        if mine is not None and is_unidentified(mine) and named and named[0] != side:
            setattr(primary, role, named[0])


def acted_after(primary: Candidate, other: Candidate, cues: Cues) -> bool:
    """The primary is the occurrence another trigger's act came after or before ("Troops launched a search
    operation after the attack"): whoever acted then did not do it; its toll ("two soldiers were wounded
    following an attack") is still its own."""
    head = primary.head
    prep = head.head
    sequence = head.dep_ == "pobj" and prep.lower_ in cues.sequence_prepositions
    toll = lemma(other.anchor) in cues.victim_verbs  # "two were wounded following an attack": its toll
    return primary.nominal and sequence and prep.head.i == other.anchor.i and not toll


def fill_when_where(primary: Candidate, other: Candidate) -> None:
    """The place and date the primary lacks, from another trigger of its sentence."""
    if primary.place is None and other.place is not None:
        primary.place, primary.place_text = other.place, other.place_text
    if primary.date_text is None and other.date_text is not None:
        primary.date, primary.date_text = other.date, other.date_text
        primary.date_origin, primary.date_specificity = other.date_origin, other.date_specificity


def named_armed_group(actor: Actor | None) -> bool:
    """An armed group the text names (no state force, no unidentified group)."""
    return actor is not None and is_armed(actor) and actor.inter != 1 and not is_unidentified(actor)


def struck_alike(town: Candidate, primary: Candidate, cues: Cues) -> None:
    """A town struck in a clause of its own with no doer told ("A was hit by drones, while B was struck
    three times") was struck by the primary's doer, in the same way."""
    if town.actor1 is not None:
        return
    town.actor1 = primary.actor1
    if lemma(town.head) in cues.targeting_verbs and town.event_type == primary.event_type:
        town.sub_event_type, town.variant = primary.sub_event_type, primary.variant


def same_operation(arrest: Candidate, violent: Candidate, cues: Cues) -> bool:
    """An arrest told in the same clause as fighting ('killed, wounded and arrested') is part of it."""
    chain = clause_chain(violent.anchor)
    anchor = arrest.anchor
    if own_statement(anchor, violent.anchor):
        return False  # "said that the shootout left four dead, and that officers detained four suspects"
    if charged_with(violent.head, cues):
        return False  # "arrested five in connection with the killing": the arrest is for it, not in it
    if days_apart(violent) or days_apart(arrest):
        return False  # "arrested 20 on Sunday, a day after protesters clashed with police"
    return (
        anchor in chain or any(c in chain for c in anchor.conjuncts) or violent.anchor in clause_chain(anchor)
    )


def own_statement(verb: Token, other: Token) -> bool:
    """The verb heads a statement of its own beside the other's, with its own "that" and its own doer
    ("said that ..., and that officers had detained four suspects"): a fact reported apart."""
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    told = any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    return verb.i != other.i and told and doer is not None and doer.i not in {c.i for c in other.children}


def finer_reading(primary: Candidate, readings: list[Candidate]) -> Candidate | None:
    """Another reading of the primary's own trigger that places it where the primary has no place, or
    names the town struck in the primary's own place phrase ("a jet struck X village in Y county with
    bombs": the verb's reading has "X village in Y county", the bombs' only "in Y county")."""
    placed = [c for c in readings if c.place is not None]
    if primary.place is None:
        return placed[0] if placed else None
    own = primary.place_text
    return next((c for c in placed if own and named_before(c.place_text or "", own)), None)


def named_before(text: str, phrase: str) -> bool:
    """The text is the phrase with a name before it ("X village in Y county" for "in Y county"), not a
    longer phrase around it ("in a clash with police at X in Y")."""
    prefix = text[: -len(phrase)].strip() if text.endswith(phrase) else ""
    return prefix[:1].isupper()


def violent_priority(cand: Candidate, cues: Cues) -> tuple[bool, bool, int, int, int]:
    """Order of preference among violent triggers of one sentence (an abduction that left dead is
    an attack: the killing is the graver act; "targeted" only when nothing says how; what went on
    around it, "clashes ... amid shelling", last)."""
    sub = SUB_PRIORITY.get(cand.sub_event_type, 9)
    if cand.sub_event_type == "abduction" and stated_dead(sent_text(cand.sent)):
        sub = SUB_PRIORITY["armed_assault"] + 1
    variant = EXPLOSION_PRIORITY.index(cand.variant) if cand.variant in EXPLOSION_PRIORITY else 9
    aside = cand.head.dep_ in ("pobj", "pcomp") and cand.head.head.lower_ in cues.circumstance_prepositions
    aside = aside or (cand.variant == "grenade" and instrument(cand.head)) or means_of_clash(cand.head, cues)
    targeting = not cand.nominal and lemma(cand.trigger.root) in cues.targeting_verbs  # not "a drone strike"
    return (aside, targeting, sub, variant, cand.trigger.start)


def instrument(noun: Token) -> bool:
    """A weapon named as what an act was done with ("an assault carried out with machine guns and
    rocket-propelled grenades"): the act's means; for grenades, thrown or fired in a ground assault,
    not the event (artillery or air strikes named so are: "attacked positions with artillery")."""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "with"


def means_of_clash(noun: Token, cues: Cues) -> bool:
    """Fire named as what a clash was fought with ("clashed with heavy artillery fire", "a clash ...,
    involving artillery fire"): the clash's means, not a shelling of its own."""
    while noun.dep_ == "conj":
        noun = noun.head
    involved = noun.dep_ == "dobj" and lemma(noun.head) == "involve"
    return (instrument(noun) or involved) and lemma(noun.head.head) in cues.clash_lemmas


def reports_casualties(sent: Span, cues: Cues, arrests: bool) -> bool:
    """The sentence says people were killed, wounded or (`arrests`) arrested."""
    if stated_dead(sent_text(sent)):
        return True
    words = {lemma(t) for t in sent_tokens(sent)} - (set() if arrests else cues.arrest_casualty_words)
    return bool(words & cues.casualty_words) and any(
        t.like_num or t.lower_ in cues.casualty_quantifiers for t in sent_tokens(sent)
    )


def arrests_beside_violence(cands: list[Candidate], cues: Cues) -> bool:
    """Arrests told as an event beside violence other than an operation ("arrested three over the
    killing"): casualties of the violence. Arrests in an operation or crackdown that is the sentence's only
    violence are the event ("police arrested seven priests in a crackdown on the church"), and people only
    described as detained are no casualties ("an operation to move 900 people detained in the war")."""
    violent = [c for c in cands if c.family == "violent"]
    operations = all(lemma(c.head) in cues.initiative_nouns for c in violent)
    return not operations and any(c.family == "arrest" for c in cands)


def charged_reference(cand: Candidate, cues: Cues) -> bool:
    """A violent noun told only as what people were arrested for, as one already known ("in connection
    with the attack", "over the killing"); "over the killing of a journalist in X" tells it anew."""
    head = cand.head
    told = any(c.dep_ == "prep" for c in head.children)
    return cand.nominal and charged_with(head, cues) and is_definite(head, cues) and not told
