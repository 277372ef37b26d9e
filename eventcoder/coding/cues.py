"""The cue lists of the rules: data/cues.json read into one typed, frozen record.

Every list and every dict of lists in the file is a field of Cues; a key given twice is an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eventcoder.config import DATA_DIR

CUES_FILE = DATA_DIR / "cues.json"


@dataclass(frozen=True)
class Cues:
    """The cue lists of data/cues.json as frozensets."""

    version: str
    pos_by_term: dict[str, frozenset[str]]
    modal_aux: frozenset[str]
    negators: dict[str, frozenset[str]]
    irrealis_heads: frozenset[str]
    irrealis_exempt_for_infinitive: frozenset[str]
    irrealis_modifiers: frozenset[str]
    new_event_modifiers: frozenset[str]
    sequence_adverbs: frozenset[str]
    period_openers: frozenset[str]
    undated_past_adverbs: frozenset[str]
    period_prepositions: frozenset[str]
    period_nouns: frozenset[str]
    tally_nouns: frozenset[str]
    distributive_quantifiers: frozenset[str]
    judicial_words: frozenset[str]  # a court's conviction or sentence told with an execution
    state_executioners: frozenset[str]  # who carries out a state's sentence ("the authorities executed")
    accident_words: frozenset[str]  # an accident or disaster as what killed: no one's act
    accident_verbs: frozenset[str]  # an accident told by its verb ("their bus crashed")
    conflict_nouns: frozenset[str]
    period_spans: frozenset[str]
    conditional_marks: frozenset[str]
    trend_heads: frozenset[str]
    trend_modifiers: frozenset[str]
    arrest_raid_verbs: frozenset[str]  # a raid by the state that arrests is the arrest
    wounded_words: frozenset[str]
    counting_modifiers: frozenset[str]  # "similar", "several": of a set told place by place, not a trend
    displacement_verbs: frozenset[str]  # "the fighting has driven thousands from their homes"
    apart_openers: frozenset[str]  # "Separately, ...": the sentence tells another occurrence
    same_day_openers: frozenset[str]  # "On the same day, ... in X": another occurrence if placed
    town_part_words: frozenset[str]  # "in A and B neighbourhoods": parts of one town, one event
    armament_nouns: frozenset[str]  # "an assault rifle", "attack helicopters": a weapon, no event
    nonlethal_modifiers: frozenset[str]  # "tear gas shells", "stun grenades": no explosion
    media_modifiers: frozenset[str]  # "a press conference": no talks
    conflict_agents: frozenset[str]  # "people hit by the fighting": the conflict's toll, no one event
    indefinite_quantifiers: frozenset[str]
    shot_down_targets: frozenset[str]
    trend_verbs: frozenset[str]
    reference_verbs: frozenset[str]
    eventive_verbs: dict[str, frozenset[str]]
    ceasefire_ended_particles: dict[str, frozenset[str]]
    ceasefire_ended_subject_verbs: frozenset[str]
    ceasefire_declared_subject_verbs: frozenset[str]
    release_object_nouns: frozenset[str]
    territory_nouns: frozenset[str]
    just_happened_aux: frozenset[str]
    market_nouns: frozenset[str]  # "shares rallied": a market's rally, no protest
    frequency_adverbs: frozenset[str]  # "has been repeatedly attacked": a series, no one occurrence
    anaphoric_determiners: frozenset[str]
    protest_intervention: frozenset[str]
    protest_violence: frozenset[str]
    protest_excessive_force: frozenset[str]
    plurale_tantum: frozenset[str]
    mediator_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    figurative_targets: frozenset[str]
    mob_nouns: frozenset[str]
    mob_weapons: frozenset[str]
    captive_modifiers: frozenset[str]
    interception_objects: frozenset[str]
    presupposing_prepositions: frozenset[str]
    backdrop_prepositions: frozenset[str]  # "despite peace talks": what the sentence's event is told against
    answer_verbs: frozenset[str]  # "responded with live fire", "returned fire": force answering an event
    joining_verbs: frozenset[str]  # "drivers also joined the protest": the protest just told
    running_total_openers: frozenset[str]  # "As of Monday, 200 had been arrested": a total up to a day
    bound_prepositions: frozenset[str]
    single_periods: frozenset[str]  # "over the weekend": one occasion, not a period's bound
    month_homographs: frozenset[str]  # "March coordinator X" opening a sentence: the march's, no month
    locative_prepositions: frozenset[str]
    figurative_locatives: frozenset[str]
    strict_place_prepositions: frozenset[str]
    initiative_nouns: frozenset[str]  # "during an operation": the side that began a clash
    initiative_prepositions: frozenset[str]
    protesting_verbs: frozenset[str]  # "students protesting in X": a crowd of protesters
    party_name_words: frozenset[str]  # a political militia named as a party ("... Party", "... Movement")
    combatant_member_words: frozenset[str]  # "Hezbollah members": an armed group's own, not civilians
    place_kind_words: frozenset[str]
    place_continuation: frozenset[str]
    place_trailing: frozenset[str]
    specific_day_words: frozenset[str]
    recent_modifiers: frozenset[str]
    anchoring_prepositions: frozenset[str]
    truce_agreeing_verbs: frozenset[str]
    truce_announcing_verbs: frozenset[str]
    commitment_modals: frozenset[str]
    grievance_prepositions: frozenset[str]
    charge_prepositions: frozenset[str]  # "arrested over the killing": what the arrest is for
    charge_nouns: frozenset[str]  # "in connection with the attack"
    figurative_target_prepositions: frozenset[str]
    ambiguous_protest_verbs: frozenset[str]
    gathering_words: frozenset[str]
    blocking_verbs: frozenset[str]
    targeting_verbs: frozenset[str]
    attacker_nouns: frozenset[str]  # "an air strike neutralised the attackers": a response
    firearm_words: frozenset[str]  # "armed families clashed": a clash, no mob's fight
    member_words: frozenset[str]  # "attacked 3 CNL members": party members, civilians
    affiliation_words: frozenset[str]  # "militants belonging to X", "fighters loyal to X": X's
    affiliation_prepositions: frozenset[str]  # "rebels from X": X's
    circumstance_prepositions: frozenset[str]  # "clashes ... amid shelling": around the event
    witnessing_verbs: frozenset[str]  # "Lahore saw clashes": the subject is the place
    exposing_verbs: frozenset[str]  # "subjected the troops to heavy fire": the troops are the target
    intrusion_verbs: frozenset[str]  # "gunmen burst into a church": an armed intrusion, an attack
    targeting_idioms: frozenset[str]
    armed_subjects: frozenset[str]
    air_subjects: frozenset[str]
    road_words: frozenset[str]
    carrying_verbs: frozenset[str]
    crowd_weapon_verbs: frozenset[str]
    crowd_weapon_prepositions: frozenset[str]
    crowd_quantities: frozenset[str]
    launching_verbs: frozenset[str]
    beating_verbs: frozenset[str]
    person_words: frozenset[str]
    observed_fire_words: frozenset[str]
    observation_verbs: frozenset[str]
    discovery_words: frozenset[str]
    discovery_verbs: frozenset[str]
    remains_nouns: frozenset[str]
    violent_death_marks: frozenset[str]
    protest_purposes: frozenset[str]
    protest_purpose_objects: frozenset[str]
    casualty_words: frozenset[str]
    arrest_casualty_words: frozenset[str]  # casualty words that tell arrests (an arrest's, not a clash's)
    casualty_quantifiers: frozenset[str]
    repel_verbs: frozenset[str]
    verbal_target_prepositions: frozenset[str]
    nominal_target_prepositions: frozenset[str]
    participation_prepositions: frozenset[str]
    named_party_prepositions: frozenset[str]
    victim_verbs: frozenset[str]
    positional_anaphors: frozenset[str]
    occasion_nouns: frozenset[str]
    vague_occasion_modifiers: frozenset[str]
    statistics_nouns: frozenset[str]
    diplomatic_protest_nouns: frozenset[str]
    diplomatic_protest_verbs: frozenset[str]
    settlement_words: frozenset[str]
    stalled_verbs: frozenset[str]
    counting_verbs: frozenset[str]
    anaphoric_nouns: frozenset[str]
    relative_pronouns: frozenset[str]
    non_actor_pronouns: frozenset[str]
    armed_sites: frozenset[str]
    armed_site_prepositions: frozenset[str]
    nationality_participles: frozenset[str]
    demonym_place_heads: frozenset[str]
    security_nouns: frozenset[str]
    guarded_sites: frozenset[str]
    crowd_nouns: frozenset[str]
    protester_nouns: frozenset[str]
    time_span_nouns: frozenset[str]  # stretches of time a relative clause may tell other events of
    rioter_nouns: frozenset[str]  # a report's own words for a violent crowd ("rioters", "a mob")
    state_force_nouns: frozenset[str]  # a country's forces: "Israeli troops", bare "the soldiers"
    group_fighter_nouns: frozenset[str]  # a group's fighters told bare: "militants", "the rebels"
    demonstration_words: frozenset[str]
    clash_lemmas: frozenset[str]
    exchange_lemmas: frozenset[str]
    ceasefire_lines: frozenset[str]
    crowd_size_tags: frozenset[str]
    victim_subject_verbs: frozenset[str]
    army_strike_nouns: frozenset[str]  # "an Israeli strike killed": a nationality's strike is its army's
    control_nouns: frozenset[str]  # "took control of the town of X": the town taken
    victim_subject_phrases: frozenset[str]  # "came under fire": the subject suffers it
    direct_fire_cues: frozenset[str]
    heavy_weapon_phrases: frozenset[str]  # "heavy machine guns": fired from afar, not direct fire
    counted_fire_units: frozenset[str]  # "57 shots", "13 bursts of fire": how fire was counted
    bare_explosion_words: frozenset[str]
    device_words: frozenset[str]
    fired_weapon_words: frozenset[str]
    launcher_words: frozenset[str]
    striking_munitions: frozenset[str]
    venue_nouns: frozenset[str]
    position_words: frozenset[str]
    generic_weapon_words: frozenset[str]
    target_prepositions: frozenset[str]
    aftermath_nouns: frozenset[str]  # "officers at the scene of a blast": there after it, not its doers
    conveyance_words: frozenset[str]  # "a U.S.-owned cargo ship": whose it is names no government
    sequence_prepositions: frozenset[str]  # "launched a search operation after the attack": another act
    dispersal_verbs: frozenset[str]  # "used tear gas to disperse protesters": the crowd had gathered
    nationwide_words: frozenset[str]  # "across the country", "nationwide": a tally of many places


@cache
def load_cues(path: Path = CUES_FILE) -> Cues:
    """Cue lists from data/cues.json (every list and every dict of lists is a field of Cues)."""
    raw = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique_keys)
    lists = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    nested = {k: {kk: frozenset(vv) for kk, vv in v.items()} for k, v in raw.items() if isinstance(v, dict)}
    nested["pos_by_term"] = nested.pop("pos_by_family")
    return Cues(version=raw["version"], **lists, **nested)


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are unique (json.loads keeps the last of a repeated key silently)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"cue list {key!r} is given twice")
        out[key] = value
    return out
