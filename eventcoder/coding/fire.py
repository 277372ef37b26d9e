"""Fire on positions and observed fire: whether a side's fire is shelling or an exchange of fire, a
clash, from the weapons its sentence names (direct fire: shots, small arms, machine guns; heavy
weapons: mortars, artillery, heavy machine guns, launched grenades).

Used by occurrences.refine_type and attach (fire exchanged is a clash before its sides are read); a pure
part of the coding core.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventcoder.coding.candidates import Candidate
from eventcoder.coding.cues import Cues
from eventcoder.coding.rules import lemma, prep_targets
from eventcoder.coding.sentcache import WORDS_RE, sent_words


def direct_fire(words: Sequence[str], cues: Cues, counted: bool = False) -> bool:
    """Shots, small arms or machine guns among a sentence's lower-case words: fire at close range, an
    exchange of fire. A heavy machine gun (cue list heavy_weapon_phrases) is a heavy weapon fired from
    afar, like a mortar: ACLED codes its fire on positions as shelling unless small arms are told too.
    In a count of fire (`counted`: "57 shots involving unknown weapons") shots and bursts are how the
    fire was counted, not what fired (cue list counted_fire_units)."""
    text = spaced(words)
    for phrase in cues.heavy_weapon_phrases:
        text = text.replace(f" {phrase} ", " ")
    direct = cues.direct_fire_cues - cues.counted_fire_units if counted else cues.direct_fire_cues
    return any(f" {cue} " in text for cue in direct)


def heavy_weapon_named(words: Sequence[str], cues: Cues) -> bool:
    """A heavy machine gun among a sentence's lower-case words."""
    text = spaced(words)
    return any(f" {phrase} " in text for phrase in cues.heavy_weapon_phrases)


def spaced(words: Sequence[str]) -> str:
    """Words joined by spaces, with a space at each end (phrases are looked up as " phrase ")."""
    return f" {' '.join(words)} "


def observed_fire(cand: Candidate, cues: Cues) -> None:
    """A count of explosions, shots or bursts of fired weapons, with no device named ('12 explosions
    involving mortars near X', '13 bursts of fire involving heavy machine guns'): shelling; with small
    arms among the weapons or fire 'in both directions', an exchange of fire, a clash."""
    words = WORDS_RE.findall(cand.trigger.text.lower())
    if not words or words[-1] not in cues.bare_explosion_words:
        return
    said = sent_words(cand.sent)
    if set(said) & cues.device_words:
        return
    if direct_fire(said, cues, counted=True):
        cand.event_type, cand.sub_event_type, cand.variant = "clash", "armed_clash", "armed_clash"
    elif set(said) & cues.fired_weapon_words or heavy_weapon_named(said, cues):
        cand.variant = "shelling"


def fire_on_positions(cand: Candidate, cues: Cues) -> None:
    """Launched grenades are shelling ('fired grenade launchers'); fire on a side's positions with
    small arms or (light) machine guns among the weapons is an exchange of fire, a clash."""
    said = sent_words(cand.sent)
    after = cand.head.doc[cand.head.i + 1] if cand.head.i + 1 < len(cand.head.doc) else None
    # "grenade launchers", however the parser reads "grenade"
    launched = after is not None and after.lower_ in cues.launcher_words
    if cand.head.lower_ in cues.launcher_words or launched:
        cand.variant = "shelling"
    if set(said) & cues.position_words and direct_fire(said, cues):
        cand.event_type, cand.sub_event_type, cand.variant = "clash", "armed_clash", "armed_clash"


def fire_on_held_positions(cand: Candidate, cues: Cues) -> None:
    """Gunfire on a side's positions with no heavy weapon named ('fired with unspecified weapons on the
    positions of the army'): positions are held by an armed side, so the assault is a clash."""
    said = set(sent_words(cand.sent))
    heavy = (said & cues.fired_weapon_words) - cues.generic_weapon_words
    if said & cues.position_words and not heavy and not said & cues.device_words:
        cand.event_type, cand.sub_event_type, cand.variant = "clash", "armed_clash", "armed_clash"


def fire_on_areas(cand: Candidate, cues: Cues) -> None:
    """Weapons fired at a place, not at people or a side's positions ("fired machine guns at residential
    neighbourhoods of X", "fired heavy weapons at scattered areas of X"): fire from afar into an area,
    which ACLED codes as shelling."""
    verb = cand.head
    if cand.nominal or lemma(verb) not in cues.launching_verbs:
        return
    weapons = cues.firearm_words | cues.generic_weapon_words | cues.fired_weapon_words
    if not any(c.dep_ == "dobj" and lemma(c) in weapons for c in verb.children):
        return
    targets = prep_targets(verb, cues.verbal_target_prepositions - {"with"})
    targets = [t for t in targets if t.ent_type_ not in ("DATE", "TIME")]  # "on 6 May"
    if targets and all(lemma(t) in cues.place_kind_words for t in targets):
        cand.sub_event_type, cand.variant = "explosion", "shelling"


def exchanged(head: Token, cues: Cues) -> bool:
    """Fire the two sides exchanged ("exchanged artillery fire", "traded gunfire", "an exchange of mortar
    fire", "shelling" parsed as the compound of "exchange"): a clash fought with those weapons, not one
    side's shelling or shooting."""
    gov = head.head
    if head.dep_ == "pobj" and gov.lower_ == "of":
        gov = gov.head
    return head.dep_ in ("dobj", "compound", "pobj") and lemma(gov) in cues.exchange_lemmas


def munition_struck(cand: Candidate, cues: Cues) -> None:
    """A verb of striking whose subject is a munition or an aircraft ("missiles struck the city", "a drone
    hit a car"): an explosion, whatever the verb's own kind."""
    subjects = [lemma(c) for c in cand.head.children if c.dep_ == "nsubj"]
    if any(s in cues.air_subjects for s in subjects):
        cand.sub_event_type, cand.variant = "explosion", "air_drone_strike"
    elif any(s in cues.striking_munitions for s in subjects):
        cand.sub_event_type, cand.variant = "explosion", "shelling"


def blows_something_up(verb: Token, cues: Cues) -> bool:
    """A "blew up" told of something blown up ("blew up a pipeline", "a bridge was blown up") or of an
    explosive going off ("a car bomb blew up"); not "tensions blew up"."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return True
    return any(c.dep_ == "nsubj" and lemma(c) in cues.striking_munitions for c in verb.children)
