"""One event per occurrence: the type a candidate's sides give it, and the merging of the
candidates of an article that report the same occurrence.

A definite mention with nothing new ("the attack") is a reference to an earlier one, never a
new event; dates, places and sides must be compatible for two mentions to be one occurrence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventcoder.coding.actors import GENERIC_KINDS
from eventcoder.coding.candidates import VIOLENT, Candidate, stated_dead
from eventcoder.coding.cues import Cues
from eventcoder.coding.dates import day_offset, windows_overlap
from eventcoder.coding.fire import (
    fire_on_areas,
    fire_on_held_positions,
    fire_on_positions,
    munition_struck,
    observed_fire,
)
from eventcoder.coding.geo import km_between
from eventcoder.coding.nlp import TRIGGER_SPANS, trigger_at, trigger_on
from eventcoder.coding.participants import (
    ARMY_WEAPON_VARIANTS,
    patient_of,
    prep_object,
)
from eventcoder.coding.places import Place
from eventcoder.coding.rules import VERBAL, is_definite, lemma, prep_targets
from eventcoder.coding.same_sides import actors_compatible, is_armed, is_crowd, points_back
from eventcoder.coding.sentcache import WORDS_RE, doc_spans, sent_text, sent_tokens

# Two mentions of one article are one occurrence only if their places are this close (the radius of one
# place in ACLED's coordinates; wider than the merge across articles: within one text the narrative ties them;
# two towns of one article farther apart are two places, one event each).
SAME_ARTICLE_KM = 25.0
# A mention dated this many days or more before the publication is background: it does not join an
# undated mention told before it, which the narrative dates near the publication.
BACKGROUND_DAYS = 30
OF = frozenset({"of"})


@dataclass
class Cluster:
    """Mentions of one occurrence within the article."""

    members: list[Candidate]

    @property
    def first(self) -> Candidate:
        """The earliest mention."""
        return self.members[0]

    def best(self) -> Candidate:
        """The most informative mention (the earliest among equals); a body mention before the headline's,
        as GUIDELINES.md asks of an event reported in both. The doer told again in an act of another kind
        ("Gunmen abducted 73 students ... The assailants struck the school in X") gives details, not the
        evidence: it ranks one below its equals."""
        first = self.first.sub_event_type
        return max(
            self.members,
            key=lambda c: (
                not c.headline,
                c.informativeness() - (1.0 if c.doer_told_again and c.sub_event_type != first else 0.0),
                -c.trigger.start,
            ),
        )

    def dating(self) -> list[Candidate]:
        """The mentions whose date phrase can date the occurrence: a vague "the latest attack" only when
        nothing else tells of it."""
        alone = len(self.members) == 1
        return [c for c in self.members if alone or c.date_origin != "recent"]

    def dated(self) -> Candidate | None:
        """The mention with the most precise own date."""
        dated = [c for c in self.dating() if c.date is not None]
        return (
            min(dated, key=lambda c: (c.date_origin == "report", c.date.precision, c.trigger.start))
            if dated
            else None
        )

    def placed(self) -> Candidate | None:
        """The mention with the most precise place; the headline's only when no sentence of the body
        places the event in the same province ("Jets bomb villages in X": the body's village in X)."""
        placed = [c for c in self.members if c.place is not None and c.place.iso3]
        told = {(c.place.iso3, c.place.admin1) for c in placed if not c.headline}
        return (
            min(
                placed,
                key=lambda c: (
                    c.headline and (c.place.iso3, c.place.admin1) in told,
                    c.place.geo_precision or 9,
                    c.place.province_level,  # a district before its province ("in the municipality of X")
                    c.headline,
                    c.trigger.start,
                ),
            )
            if placed
            else None
        )


def targets_armed_site(cand: Candidate, cues: Cues) -> bool:
    """An attack on a checkpoint, post, base or convoy, or on a police station or army vehicle (also
    one that 'came under attack'), is an attack on armed forces."""
    aimed = prep_object(cand.head, cues.armed_site_prepositions)
    patient = patient_of(cand.head)
    if (
        aimed is not None
        and aimed.head.lower_ == "at"
        and patient is not None
        and patient.i >= cand.trigger.end
    ):
        aimed = None  # "assaulted a man at a police station": the station is where, the man whom
    if aimed is None and patient is None and cand.nominal and cand.head.dep_ == "pobj":
        if cand.head.head.lower_ == "under":
            aimed = next((c for c in cand.anchor.children if c.dep_ == "nsubj"), None)
    nouns = [t for t in (aimed, patient) if t is not None]
    if patient is not None and patient.dep_ == "dobj":
        # a name the parser split off the object ("attacked the Qwerty check post": three objects)
        split = [c for c in patient.head.children if c.dep_ == "dobj" and c != patient]
        nouns += [*split, *(g for o in split for g in o.children if g.dep_ in ("dobj", "compound"))]
    return any(armed_site(n, cues) for n in nouns)


def armed_site(noun: Token, cues: Cues) -> bool:
    """A site or unit of armed forces: a checkpoint or base, or a station, vehicle or position that a
    security noun qualifies ('police station', 'army vehicle', 'the soldiers' positions')."""
    if lemma(noun) in cues.armed_sites:
        return True
    if lemma(noun) not in cues.guarded_sites:
        return False
    owners = [t for t in noun.subtree if t.i < noun.i or (t.head.lower_ == "of" and t.head.head == noun)]
    return any(lemma(t) in cues.security_nouns for t in owners)


def crowd_told(cand: Candidate, cues: Cues) -> bool:
    """The sentence tells of a crowd ("police set fire to protesters' tents") or one is a side."""
    crowd = cues.protester_nouns | cues.crowd_nouns | cues.rioter_nouns
    return is_crowd(cand.actor2) or any(lemma(t) in crowd for t in sent_tokens(cand.sent))


def with_quantified(words: list[Token]) -> list[Token]:
    """The words and, for a number or plural quantity, what it counts ("thousands of students")."""
    return words + [g for a in words if a.like_num or a.tag_ == "NNS" for g in prep_targets(a, OF)]


def crowd_side(cand: Candidate, cues: Cues) -> bool:
    """A side of the fight named by a crowd noun ('party workers', 'supporters', 'students'), or people
    the sentence says were protesting."""
    verb = cand.anchor
    sides = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    sides += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    # 'clash with protesters calling for ...': the parser makes the crowd the subject of the participle
    sides += [s for g in sides if g.dep_ == "pcomp" for s in g.children if s.dep_ == "nsubj"]
    if cand.nominal:
        sides += [g for c in cand.head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if cand.event_type == "clash":  # party workers who fight the police; crowds that shoot are attackers
        agents = with_quantified([c for c in verb.children if c.dep_ == "nsubj"] + sides)
        if any(lemma(side) in cues.crowd_nouns or protesting(side, cues) for side in agents):
            return True
        named = [a for a in agents if a.i != cand.head.i and a.pos_ in ("NOUN", "PROPN")]
        unnamed = all(a.ent_type_ == "GPE" for a in named)
        if cand.nominal and unnamed and crowd_against_police(cand.sent, cues):
            return True  # "cities saw violent clashes, as supporters of X took on riot police"
    for side in sides:
        if lemma(side) in cues.protester_nouns:
            return True
        if any(c.dep_ in ("acl", "relcl") and lemma(c) in ("protest", "demonstrate") for c in side.children):
            return True
    return False


def crowd_against_police(sent: Span, cues: Cues) -> bool:
    """A clause of the sentence in which a crowd acts on the security forces ("as supporters of X took on
    riot police"): the sides of clashes the sentence names no one for."""
    for verb in sent_tokens(sent):
        if crowd_acts(verb, cues):
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            objects += [g for c in verb.children if c.dep_ in ("prep", "prt") for g in c.children]
            if any(lemma(o) in cues.security_nouns for o in objects):
                return True
    return False


def crowd_acts(verb: Token, cues: Cues) -> bool:
    """A crowd is the verb's subject ("supporters took on riot police")."""
    return any(c.dep_ == "nsubj" and lemma(c) in cues.crowd_nouns for c in verb.children)


def crowd_target(cand: Candidate, cues: Cues) -> bool:
    """Fire aimed at protesters ('police fired tear gas at the demonstrators', 'police shot and wounded
    five demonstrators', 'protesters were shot'): force used on a protest, which stays that protest
    (ACLED's protest with intervention or excessive force), not an attack, nor the crowd's violence."""
    targets = prep_targets(cand.anchor, cues.target_prepositions)
    verbs = (cand.anchor, *cand.anchor.conjuncts) if cand.anchor.pos_ in VERBAL else ()
    targets += [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(lemma(t) in cues.protester_nouns or protesting(t, cues) for t in targets)


def protesting(noun: Token, cues: Cues) -> bool:
    """People told as protesting ("students protesting against fees", "marching workers")."""
    return any(
        c.dep_ in ("acl", "relcl", "amod") and lemma(c) in cues.protesting_verbs for c in noun.children
    )


def fire_across_a_line(cand: Candidate, cues: Cues) -> bool:
    """Fire 'across the line' (of control, of contact, a border) in an article about a truce: a
    violation of that truce."""
    across = [t for t in sent_tokens(cand.sent) if t.dep_ == "prep" and t.lower_ == "across"]
    crosses = any(lemma(g) in cues.ceasefire_lines for t in across for g in t.subtree if g.dep_ == "pobj")
    if not crosses:
        return False
    return any(span.label_.startswith("ceasefire.") for span in doc_spans(cand.sent.doc, TRIGGER_SPANS))


def act_of_violation(cand: Candidate, cues: Cues) -> bool:
    """The act a side broke a truce by ("violated it by attacking the town", "has broken the ceasefire
    and killed one of its fighters", "fired on the village, once again violating the truce"): the
    violation itself, one event."""
    head = cand.head
    if head.pos_ not in VERBAL:
        return False
    if head.dep_ == "pcomp" and head.head.lower_ == "by":
        verb = head.head.head
    elif head.dep_ == "conj":
        verb = head.head
    else:
        return any(
            c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and lemma(c) in cues.eventive_verbs["ceasefire_violated"]
            and any(trigger_on(t, "ceasefire") for t in (c, *(o for o in c.children if o.dep_ == "dobj")))
            for c in head.children
        )
    return (
        verb.pos_ in VERBAL
        and lemma(verb) in cues.eventive_verbs["ceasefire_violated"]
        and (head.dep_ == "pcomp" or trigger_on(verb, "ceasefire"))
    )


def arresting_raid(cand: Candidate, cues: Cues) -> bool:
    """A raid by police or troops whose clause tells of arrests and of no one killed or hurt ("police
    raided a house and arrested three", "raided the hideout, detaining them", "arrested three during a
    raid"): the arrests are the event, not an attack."""
    if lemma(cand.head) not in cues.arrest_raid_verbs:
        return False
    during = cand.nominal and cand.head.dep_ == "pobj" and cand.head.head.dep_ == "prep"
    if not during and (cand.actor1 is None or cand.actor1.inter != 1):
        return False
    text = sent_text(cand.sent)
    if stated_dead(text) or set(WORDS_RE.findall(text.lower())) & cues.wounded_words:
        return False
    if during:  # the raid an arrest was made in ("arrested three ... and seized arms during a raid")
        verb = cand.head.head.head
        while (verb.pos_ not in VERBAL or verb.dep_ == "acl") and verb.dep_ != "ROOT":  # "detained 70
            verb = verb.head  # suspected of links to X in raids": hung on the object's noun, the arrest above
        return trigger_at(verb, "arrest") or (verb.dep_ == "conj" and trigger_at(verb.head, "arrest"))
    return trigger_on(cand.head, "arrest", ARREST_LINKS)


ARREST_LINKS = frozenset({"conj", "advcl", "xcomp"})  # "raided ... and arrested", "raided ..., detaining"


def firearms_told(span: Span, cues: Cues) -> bool:
    """A firearm word among a span's words (cue list firearm_words), a hyphenated one in its text
    ("a shoot-out took place")."""
    if {lemma(t) for t in span} & cues.firearm_words:
        return True
    text = span.text.lower()
    return any(word in text for word in cues.firearm_words if "-" in word)


def paragraph_so_far(sent: Span) -> Span:
    """The sentence with the sentences of its paragraph before it ("armed families clashed ... Two
    were killed in the clash": the clash is still the armed families')."""
    start = sent.start
    while start > 0 and not (sent.doc[start - 1].is_space and "\n" in sent.doc[start - 1].text):
        start -= 1
    return sent.doc[start : sent.end]


def crowd_violence(cand: Candidate, cues: Cues) -> str:
    """The violence of a crowd is a violent demonstration when its paragraph so far tells of a
    demonstration ("protesters threw stones", "a rally turned violent", "clashed with police, demanding
    ..."), else mob violence ("supporters of two parties fought one another"), as ACLED tells them apart."""
    return "violent_demonstration" if demonstration_told(cand.sent, cues) else "mob_violence"


def demonstration_told(sent: Span, cues: Cues) -> bool:
    """The sentence or its paragraph before it names a demonstration (cue list demonstration_words)."""
    return any(lemma(t) in cues.demonstration_words for t in paragraph_so_far(sent))


def mob_fight(cand: Candidate, cues: Cues) -> bool:
    """A fight between crowds, families or groups, or with sticks, axes and stones."""
    words = {lemma(t) for t in sent_tokens(cand.sent)}
    return bool(words & cues.mob_nouns) or bool(words & cues.mob_weapons)


def refine_type(cand: Candidate, cues: Cues) -> None:
    """Attack on armed forces is a clash; a clash of crowds is a riot; territory changes hands."""
    if cand.event_type in VIOLENT and (fire_across_a_line(cand, cues) or act_of_violation(cand, cues)):
        cand.event_type, cand.sub_event_type, cand.variant = "ceasefire", "violated", "ceasefire"
        return
    cand.responds = strikes_attackers(cand, cues)
    cand.answers = answers_in_kind(cand, cues)
    if (
        cand.event_type == "arrest"
        and is_armed(cand.actor1)
        and cand.actor1.inter != GENERIC_KINDS["military"].inter
        and not is_armed(cand.actor2)
    ):
        # "the insurgents rounded up the farmers": civilians an armed group seizes are abducted, not
        # arrested; soldiers it takes prisoner are captured ("captures" are arrests in the guidelines)
        cand.event_type, cand.sub_event_type, cand.variant = "attack", "abduction", "abduction"
    if cand.variant == "violent_demonstration" and is_armed(cand.actor1) and not crowd_told(cand, cues):
        # "the gunmen also set fire to 45 homes": an armed side's arson is its attack, no riot
        cand.event_type, cand.sub_event_type, cand.variant = "attack", "armed_assault", "armed_assault"
    if cand.event_type == "attack" and cand.sub_event_type == "armed_assault" and not cand.nominal:
        munition_struck(cand, cues)  # "Russian missiles also struck the city of X": a strike from afar
    if cand.event_type == "attack" and cand.sub_event_type == "explosion":
        observed_fire(cand, cues)
    if cand.event_type == "attack" and cand.sub_event_type == "explosion":
        fire_on_positions(cand, cues)
    if cand.event_type == "attack" and cand.sub_event_type == "armed_assault":
        fire_on_held_positions(cand, cues)
    if cand.event_type == "attack" and cand.sub_event_type == "armed_assault":
        fire_on_areas(cand, cues)
    if cand.event_type == "attack" and arresting_raid(cand, cues):
        cand.event_type, cand.sub_event_type, cand.variant = "arrest", "arrest", "arrest"
        return
    doers = with_quantified(
        [c for c in cand.anchor.children if c.dep_ == "nsubj"] if cand.actor1 is None else []
    )
    if cand.event_type in VIOLENT and any(lemma(d) in cues.crowd_nouns for d in doers):  # "a crowd beat"
        cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", crowd_violence(cand, cues)
        return
    if cand.event_type == "attack" and cand.sub_event_type != "explosion" and crowd_target(cand, cues):
        cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", "protest"
        return
    if cand.event_type in VIOLENT and cand.sub_event_type != "explosion" and crowd_side(cand, cues):
        cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", crowd_violence(cand, cues)
        return
    if cand.event_type == "attack" and cand.sub_event_type == "armed_assault":
        civilian_side = cand.actor2 is None or not cand.actor2.inter or cand.actor2.inter == 7
        armed_target = is_armed(cand.actor2) or (civilian_side and targets_armed_site(cand, cues))
        if armed_target or (cand.role == "support" and is_armed(cand.actor1) and cand.actor2 is None):
            cand.event_type, cand.sub_event_type, cand.variant = "clash", "armed_clash", "armed_clash"
    if cand.event_type in VIOLENT and (is_crowd(cand.actor1) or is_crowd(cand.actor2)):
        cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", crowd_violence(cand, cues)
    elif (
        cand.event_type == "clash"
        and not cand.territory
        and not (is_armed(cand.actor1) and is_armed(cand.actor2))
    ):
        both_unarmed = not is_armed(cand.actor1) and not is_armed(cand.actor2)
        told_armed = firearms_told(paragraph_so_far(cand.sent), cues)
        named_both = cand.actor1 is not None and cand.actor2 is not None
        crowds = (both_unarmed and named_both) or mob_fight(cand, cues)
        if crowds and not told_armed:
            variant = crowd_violence(cand, cues)
            cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", variant
    if cand.event_type == "clash" and cand.territory:
        state = cand.actor1 is not None and cand.actor1.inter == 1
        cand.variant = "regains_territory" if state else "overtakes_territory"


LEAD_PARAGRAPHS = 2  # the headline's and the lede's paragraphs say what the article is about


def dead_of_the_protests(cands: list[Candidate], paragraph_of: dict[int, int]) -> None:
    """An article led by protests (a protest in its headline or lede, no armed side's attack there) that
    counts its dead place by place ("at least five were killed in A", "four died in B") or as the protests'
    ("three were shot dead during protests"): deaths told with no one who killed them are the protests'
    dead, protests of the lede's kind, not attacks of their own."""
    lead = [c for c in cands if not c.shadow and paragraph_of.get(c.sent.start, 0) < LEAD_PARAGRAPHS]
    armed = any(c.family == "violent" and c.role == "event" and is_armed(c.actor1) for c in lead)
    protests = [c for c in lead if c.event_type == "protest"]
    if armed or not protests:
        return
    for cand in cands:
        told = cand.role == "support" or during_protest(cand)  # "three were shot dead during protests"
        if cand.family == "violent" and told and not cand.shadow and no_killer(cand):
            cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", protests[0].variant
            if cand.actor1 is not None and cand.actor1.inter == 1 and cand.actor2 is None:
                cand.actor2 = cand.actor1  # "14 officers had died": the police are the dead, not who killed
            cand.actor1 = None  # the text names no one who killed (an unidentified attacker was a default)
            rioting = cand.variant in ("mob_violence", "violent_demonstration")  # a mob's victims are a side
            if cand.actor2 is not None and cand.actor2.inter == 7 and not rioting:
                cand.actor2 = None  # the dead civilians are the crowd, no side of their protest


def during_protest(cand: Candidate) -> bool:
    """A violent verb told with a protest as its circumstance ("were shot dead during protests")."""
    preps = [c for c in cand.head.children if c.dep_ == "prep"]
    return any(trigger_at(o, "protest") for p in preps for o in p.children if o.dep_ == "pobj")


def no_killer(cand: Candidate) -> bool:
    """Deaths told without who caused them: a death verb ("four died") or a passive with no agent
    ("five were killed in A")."""
    if cand.trigger.label_.endswith("|toll"):
        return True
    head = cand.head
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
    return head.pos_ == "VERB" and passive and not any(c.dep_ == "agent" for c in head.children)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Two places that can be the same place (one missing, one inside the other, or close and in one
    district)."""
    if a is None or b is None or not a.iso3 or not b.iso3:
        return True
    if a.iso3 != b.iso3:
        return False
    if (a.geo_precision or 4) >= 4 or (b.geo_precision or 4) >= 4:
        return True
    names_a = {n for n in (a.location, a.admin2, a.admin1) if n}
    names_b = {n for n in (b.location, b.admin2, b.admin1) if n}
    if a.location in names_b or b.location in names_a:
        return True
    if a.admin2 and b.admin2 and a.admin2 != b.admin2 and not (a.province_level or b.province_level):
        return False  # two towns or districts named in two districts are two places, however close
    if (a.geo_precision or 4) >= 3 or (b.geo_precision or 4) >= 3:
        return a.admin1 is not None and a.admin1 == b.admin1
    if a.latitude is not None and b.latitude is not None:
        return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_ARTICLE_KM
    return False


REPORT_LAG_DAYS = 7  # a report dated by its statement ("said on Thursday") tells of these days before it


def days_compatible(a: Candidate, b: Candidate) -> bool:
    """Two dates that can be one occurrence's: overlapping, or one the day of a report ("said on
    Thursday that ...") and the other a day of the week before it ("on Wednesday")."""
    if any(c.date is None and c.date_text and day_offset(c.date_text) for c in (a, b)):
        return False  # "The next day, soldiers killed ...": another day than the event told before
    if windows_overlap(a.date, b.date):
        return True
    for report, told in ((a, b), (b, a)):
        if report.date_origin == "report" and told.date is not None and report.date is not None:
            lag = (report.date.end - told.date.end).days
            if 0 <= lag <= REPORT_LAG_DAYS:
                return True
    return False


def same_family(cluster: Cluster, cand: Candidate) -> bool:
    """Candidates that can report the same occurrence: one family, and two mentions that each say
    something of their own are of one sub-type (an air strike and a repelled attack are two events)."""
    first = cluster.first
    pointer = points_back(cand)
    if first.family != cand.family:
        return (
            cand.family == "violent"
            and first.sub_event_type == "violated"
            and (pointer or act_told(cluster, cand))
        )
    if cand.responds and all(m.variant not in ARMY_WEAPON_VARIANTS for m in cluster.members):
        return False
    told_again = pointer or cand.doer_told_again  # "the assault", "the assailants struck": just told
    if cand.own_details and cand.role == "event" and not (cand.reference or told_again) and set_apart(cand):
        towns = any(m.place is not None and (m.place.geo_precision or 4) < 3 for m in cluster.members)
        kinds = {
            (m.event_type, m.sub_event_type, m.territory and not towns)
            for m in cluster.members
            if m.own_details and m.role == "event"
        }
        if kinds and (cand.event_type, cand.sub_event_type, cand.territory and not towns) not in kinds:
            return False  # a town seized is another event than fighting told only region-wide
    if cand.event_type == "ceasefire" and cand.sub_known:
        return any(m.sub_known and m.sub_event_type == cand.sub_event_type for m in cluster.members)
    return True


def strikes_attackers(cand: Candidate, cues: Cues) -> bool:
    """An air strike or shelling on "the attackers" ("Afterwards an air strike neutralised every one of
    the attackers"): the response to the attack just told, another event."""
    if cand.variant not in ARMY_WEAPON_VARIANTS or cand.head.dep_ != "nsubj":
        return False
    objects = [c for c in cand.anchor.children if c.dep_ in ("dobj", "prep")]
    return any(lemma(t) in cues.attacker_nouns for o in objects for t in o.subtree)


def set_apart(cand: Candidate) -> bool:
    """A mention that could tell another occurrence: it has a date, a place or an acting side of its own
    ("After heavy gunfire from both sides, the militants fled" continues the ambush just told; so do "the
    attackers", unnamed, told again)."""
    own_side = cand.actor1 is not None and cand.actor1.inter and not cand.doer_told_again
    return bool(cand.date_text or cand.place_text or own_side)


def act_told(violation: Cluster, cand: Candidate) -> bool:
    """The act a truce was broken by, told after a violation that named no place ("X broke the truce and
    killed one fighter. ... X attacked the group's positions at Y"): the accused side does it there."""
    if cand.place_text is None or cand.actor1 is None or any(m.place_text for m in violation.members):
        return False
    return any(m.actor1 is not None and m.actor1.name == cand.actor1.name for m in violation.members)


def separate_places(cluster: Cluster, cand: Candidate) -> bool:
    """The candidate is one place of a sentence naming several, and the cluster is another place of it
    (or another place of a list): one event per place."""
    for m in cluster.members:
        if cand.split_group is not None and m.split_group == cand.split_group:
            return True
        if cand.split_key and m.split_key and cand.split_key != m.split_key:
            return True
    return False


def same_unresolved(a: Candidate, b: Candidate) -> bool:
    """Two date phrases or two place names the coder could not resolve are the same only when they read
    the same ('on Friday' and 'on Wednesday' of an undated article are two days)."""
    named = a.date_specificity >= 1.0 and b.date_specificity >= 1.0
    named = named and "clock" not in (a.date_origin, b.date_origin)  # "at 2 p.m." names no day
    if named and a.date_text and b.date_text and (a.date is None or b.date is None):
        if a.date_text.lower() != b.date_text.lower():
            return False
    pa, pb = a.place, b.place
    if pa is not None and pb is not None and (not pa.iso3 or not pb.iso3) and pa.location and pb.location:
        la, lb = pa.location.lower(), pb.location.lower()
        return la in lb or lb in la
    return True


def two_told_places(a: Candidate, b: Candidate) -> bool:
    """One place of a list that the gazetteer lacks ("similar attacks in the A and B areas") and a
    mention at another named place ("in C, militants attacked a post"): two places, not one the
    unknown name may lie in."""
    pa, pb = a.place, b.place
    if pa is None or pb is None or not pa.location or not pb.location or pa.location == pb.location:
        return False
    listed = [
        c for c in (a, b) if c.split_group is not None and c.place is not None and c.place.latitude is None
    ]
    return len(listed) == 1 and all(c.place_text and not c.definite and not c.reference for c in (a, b))


def compatible(cluster: Cluster, cand: Candidate) -> bool:
    """Date, place and sides all allow the candidate to be the cluster's occurrence."""
    return (
        not separate_places(cluster, cand)
        and all(days_compatible(m, cand) and same_unresolved(m, cand) for m in cluster.members)
        and all(
            places_compatible(m.place, cand.place) and not two_told_places(m, cand) for m in cluster.members
        )
        and actors_compatible(cluster, cand)
    )


def absorb_into_protest(clusters: list[Cluster], cand: Candidate) -> Cluster | None:
    """Arrests and clashes of protesters belong to the protest they happened at."""
    protests = [c for c in clusters if c.first.event_type == "protest" and not c.first.shadow]
    if not protests:
        return None
    involves_crowd = is_crowd(cand.actor1) or is_crowd(cand.actor2)
    unattributed = cand.actor1 is None or (cand.actor1.inter == 1 and not is_armed(cand.actor2))
    if involves_crowd or (cand.event_type in VIOLENT and (cand.actor2 is None or unattributed)):
        for cluster in reversed(protests):
            near = cand.sent_index - cluster.members[-1].sent_index <= 3
            if compatible(cluster, cand) and (near or not set_apart(cand)):  # nothing of its own: goes on
                return cluster
    return None


def merge_mentions(cands: list[Candidate], published: dt.date | None = None) -> list[Cluster]:
    """Group candidates that report the same occurrence; references without an antecedent go.

    Unreal mentions (planned, feared, what a protest is about) form shadow clusters that are
    never coded but take in later plain mentions of the same thing ('He was arrested...').
    """
    clusters: list[Cluster] = []
    for cand in cands:
        target = None
        last = last_told(clusters) if cand.answers else None
        if last is not None and same_scene(last, cand):
            target = last  # "soldiers responded with live ammunition": the protest or attack just told
        elif not cand.new_marker and not (cand.same_day and cand.place_text):
            target = antecedent_cluster(clusters, cand, published)
        if target is None and cand.family != "protest" and not cand.shadow:
            target = absorb_into_protest(clusters, cand)
        if target is not None:
            target.members.append(cand)
        elif not cand.reference or cand.shadow:
            clusters.append(Cluster([cand]))
    return clusters


def answers_in_kind(cand: Candidate, cues: Cues) -> bool:
    """Force told as an answer ("responded with live fire", "shot back", "returned fire"; not strikes on a
    target of their own), or people joining "the protest", with no date or place of their own: a part of
    the event just told, not another."""
    verb = cand.anchor
    answer = lemma(verb) in cues.answer_verbs or any(c.lower_ == "back" for c in verb.children)
    joined = cand.head.dep_ == "dobj" and lemma(verb) in cues.joining_verbs and is_definite(cand.head, cues)
    answer = answer and cand.actor2 is None and cand.variant not in ARMY_WEAPON_VARIANTS
    told = (cand.event_type in VIOLENT and answer) or (cand.event_type == "protest" and joined)
    return told and not cand.date_text and not cand.place_text


def same_scene(cluster: Cluster, cand: Candidate) -> bool:
    """Date and place allow the candidate to be part of the cluster's occurrence, whoever its sides (one
    joining a protest: a protest's)."""
    if cand.family == "protest" and cluster.first.family != "protest":
        return False
    return all(days_compatible(m, cand) and places_compatible(m.place, cand.place) for m in cluster.members)


def last_told(clusters: list[Cluster]) -> Cluster | None:
    """The real cluster told last."""
    real = [c for c in clusters if not c.first.shadow]
    return max(real, key=lambda c: c.members[-1].sent_index, default=None)


def antecedent_cluster(
    clusters: list[Cluster], cand: Candidate, published: dt.date | None = None
) -> Cluster | None:
    """The most recent cluster the candidate can report: a real one first; an unreal (shadow) one
    only for a mention with nothing of its own; shadows only join shadows."""
    usable = [
        c
        for c in reversed(clusters)
        if same_family(c, cand) and compatible(c, cand) and not background_of_current(c, cand, published)
    ]
    if cand.shadow:
        return next((c for c in usable if c.first.shadow), None)
    real = next((c for c in usable if not c.first.shadow), None)
    if real is not None or not absorbable(cand):
        return real
    return next((c for c in usable if c.first.shadow), None)


def background_of_current(cluster: Cluster, cand: Candidate, published: dt.date | None) -> bool:
    """A mention dated well before the publication ("on October 7, 2023" in a report of this week) is
    background, not the undated mention told before it, which the narrative dates near the publication
    ("Hezbollah said it had targeted ..."; later undated mentions may still refer back to it)."""
    if published is None:
        return False
    dated = [m.date for m in cluster.members if m.date is not None]
    if cand.date is None:  # an undated violent report of its own ("gunmen opened fire") after background
        return (
            bool(dated)
            and cand.event_type in VIOLENT
            and not cand.definite
            and all((published - d.end).days >= BACKGROUND_DAYS for d in dated)
        )
    return not dated and (published - cand.date.end).days >= BACKGROUND_DAYS


def absorbable(cand: Candidate) -> bool:
    """A mention with nothing of its own (no date, place or dead) can belong to an unreal one."""
    return not (cand.date_text or cand.place_text or stated_dead(sent_text(cand.sent)))
