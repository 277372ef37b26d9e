"""Controlled vocabularies: the allowed values that schemas, coder and codebook share."""

from __future__ import annotations

# Our event types and their sub-types (docs/GUIDELINES.md).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "attack": ("armed_assault", "explosion", "abduction"),
    "clash": ("armed_clash",),
    "protest": ("protest",),
    "ceasefire": ("declared", "ended", "violated"),
    "dialogue": ("talks",),
    "agreement": ("agreement",),
    "arrest": ("arrest",),
    "release": ("release",),
}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(s for subs in EVENT_TYPES.values() for s in subs)

# ACLED's 6 event types and 25 sub-event types (ACLED Codebook).
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(s for subs in ACLED_TYPES.values() for s in subs)

# PLOVER's 16 event types (Halterman et al., PLOVER ontology).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# ACLED time precision (1-3) plus 4 for a year.
TIME_PRECISION: dict[int, str] = {1: "day", 2: "week", 3: "month", 4: "year"}

# ACLED geo precision (1-3) plus 4 for a country.
GEO_PRECISION: dict[int, str] = {
    1: "town or village named",
    2: "part of a region, or near a named town",
    3: "larger region (province or district) only",
    4: "country only",
}

# ACLED actor types ("inter" codes).
ACTOR_TYPES: dict[int, str] = {
    0: "unknown",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/other forces",
}

QUARANTINE_STAGES: tuple[str, ...] = ("read", "decode", "parse", "code", "validate", "load")
RUN_STATUSES: tuple[str, ...] = ("running", "completed", "failed")
INPUT_FORMATS: tuple[str, ...] = ("txt", "jsonl", "html")

# What kind of outlet a source is (eventcoder/coding/data/outlets.csv, the `sources` table).
OUTLET_KINDS: dict[str, str] = {
    "news agency": "wire service selling news to other outlets (state-owned ones included)",
    "newspaper": "daily or weekly paper, in print or online",
    "broadcaster": "television or radio station",
    "online news": "news site without a print or broadcast edition",
    "social media": "platform or aggregator of posts (Twitter, Facebook, WhatsApp, Telegram, Liveuamap)",
    "government": "ministry, armed forces, police or other state body speaking for itself",
    "armed group channel": "website, radio, agency or account of a non-state armed group",
    "NGO": "non-governmental organisation, monitor or research group",
    "international organisation": "UN mission, OSCE or other intergovernmental body",
}
# Kinds that speak for a party to the conflict: an event reported only by them is flagged.
PARTY_KINDS: tuple[str, ...] = ("government", "armed group channel")
# How far an outlet reaches (ACLED's source scale; "new media" is ACLED's term for social media).
SOURCE_SCALES: tuple[str, ...] = ("local", "national", "international", "new media")

# ACLED's actor type names (inter1, inter2 and interaction in its current exports).
ACLED_ACTOR_TYPE_NAMES: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
# ACLED's disorder type of each ACLED event type, and the sub-event types that differ from their type's.
ACLED_DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
ACLED_DISORDER_EXCEPTIONS: dict[str, str] = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}

# Why a mention is in its event (eventcoder/warehouse/merge.py; table event_merges).
MERGE_RULE_MEANINGS: dict[str, str] = {
    "first": "the event's first report",
    "same_occurrence": "another article reports the same type, day, place and sides",
    "same_report": "another article carries the same report reworded (a syndicated or edited copy)",
    "headline": "the article's headline reports the event its body reports",
    "same_protest": "the article reports one protest twice (same place, day and protesters)",
    "correction": "an analyst merged the two events",
}
MERGE_RULES: tuple[str, ...] = tuple(MERGE_RULE_MEANINGS)
# An analyst's corrections (eventcoder/warehouse/corrections.py; table corrections).
CORRECTION_KINDS: tuple[str, ...] = ("set", "not_event", "merge", "split")
CORRECTION_STATUSES: tuple[str, ...] = ("applied", "stale", "invalid")
