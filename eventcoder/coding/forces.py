"""Whose forces a bare "troops" or "militants" names: an article that names state forces of one
nationality only ("Israeli forces", "the Israeli military", "Russia's army") means them by "troops",
"soldiers" or "the army" told without a nationality, wherever the event took place (a raid in an
occupied town, a strike across a border); one that names a single non-state armed group means it by
"militants", "rebels" or "the fighters". An article naming two, or none, leaves them as they were: the
event country's forces, an unidentified armed group. `state_initiative` tells a clash the state forces
began (fought during their operation or patrol); `party_members` the members of a party attacked (civilians,
as ACLED codes them), not an armed group's; `joint_side` the second country of "the forces of A and B" or
"A and B troops" (`nationality_pair`; `first_nationality` the first's; `bare_nationality` a nationality the
parser split from its noun); `weapon_owner` whose weapon a compound names ("Russian missile strike").

Used by candidates.article_context and participants.resolve_actor; a pure part of the coding core.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from eventcoder.coding.actors import GENERIC_KINDS, Actor, ActorDictionary, is_unidentified
from eventcoder.coding.cues import Cues
from eventcoder.coding.places import country_for_name
from eventcoder.coding.rules import doc_ents, lemma, of_objects

if TYPE_CHECKING:
    from eventcoder.coding.candidates import ArticleContext

STATE_FORCE_KINDS = ("military", "police")
STATE_KINDS = {GENERIC_KINDS[k].with_country.split("{")[0]: k for k in STATE_FORCE_KINDS}  # prefix: kind
PARTY_KINDS = {**STATE_KINDS, GENERIC_KINDS["government"].with_country.split("{")[0]: "government"}
# ACLED's rebels and identity militias (its political militias are parties too)
ARMED_GROUP_INTER = frozenset({2, 4})
NATIONALITY_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
NATION_ENTS = frozenset({"NORP", "GPE"})


def named_forces(doc: Doc, cues: Cues) -> frozenset[str]:
    """The countries (iso3) whose state forces the text names by nationality or country ("Israeli
    troops", "Kenya's police")."""
    found = set()
    for ent in doc_ents(doc):
        root = ent.root
        if ent.label_ not in ("NORP", "GPE") or root.dep_ not in NATIONALITY_DEPS or root.head.i == root.i:
            continue
        if lemma(root.head) in cues.state_force_nouns and (country := country_for_name(ent.text)) is not None:
            found.add(country[1])
    return frozenset(found)


def named_groups(doc: Doc, actors: ActorDictionary) -> frozenset[str]:
    """The non-state armed groups (rebels, identity militias; not parties) the text names."""
    found = set()
    for ent in doc_ents(doc):
        actor = actors.resolve(ent.ent_id_) if ent.ent_id_ else None
        if actor is not None and actor.inter in ARMED_GROUP_INTER and not is_unidentified(actor):
            found.add(actor.name)
    return frozenset(found)


def named_group(
    actor: Actor | None, tok: Token, ctx: ArticleContext, actors: ActorDictionary, cues: Cues
) -> Actor | None:
    """An unidentified armed group read from a bare "militants", "rebels" or "the fighters" is the one
    non-state armed group the article names."""
    if actor is None or len(ctx.groups) != 1 or not is_unidentified(actor):
        return actor
    if not bare_phrase(tok, cues.group_fighter_nouns):
        return actor  # "IS fighters", "a regime's fighter", "Somali militants": someone's, not the group's
    return actors.resolve(next(iter(ctx.groups))) or actor


def national_forces(
    actor: Actor | None, tok: Token, ctx: ArticleContext, actors: ActorDictionary, cues: Cues
) -> Actor | None:
    """A country's generic forces read from a bare security noun ("troops", "the soldiers") are those of
    the one nationality the article names forces of, when that is another country."""
    if actor is None or len(ctx.forces) != 1 or actor.country in ctx.forces:
        return actor
    kind = next((k for k in STATE_FORCE_KINDS if actors.is_generic(actor, k)), None)
    if kind is None or not bare_phrase(tok, cues.state_force_nouns):
        return actor  # "government troops", "regime forces", "Somali soldiers": their own country
    return actors.generic(kind, next(iter(ctx.forces)))


def bare_phrase(tok: Token, words: frozenset[str]) -> bool:
    """A noun of `words` whose modifiers name no one: plain adjectives and words of the same list ("the
    heavily armed troops", "security forces"; not "government troops" or "Somali soldiers")."""
    phrase = [t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i <= tok.i]
    return lemma(tok) in words and all(
        lemma(t) in words or (t.pos_ == "ADJ" and not t.ent_type_) for t in phrase
    )


def state_initiative(verb: Token, cues: Cues) -> bool:
    """A clash told as happening during an operation or a patrol ("exchanged fire with police during an
    operation", "were killed after exchanging fire with troops during a raid"): the state forces began it
    (ACLED's actor 1 is the side that initiated); not when the operation is another side's ("their raid")."""
    clause = [verb, *(a for a in verb.ancestors if a.pos_ in ("VERB", "AUX"))][:2]
    for head in clause:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in cues.initiative_prepositions:
                continue
            for obj in prep.children:
                owned = any(c.dep_ == "poss" for c in obj.children)
                if obj.dep_ == "pobj" and lemma(obj) in cues.initiative_nouns and not owned:
                    return True
    return False


def party_members(target: Token | None, actor: Actor | None, cues: Cues) -> bool:
    """Members, supporters or officials of a party (inter 3, told with no armed word) as the ones
    attacked: ACLED codes them civilians, the party associated."""
    if actor is None or actor.inter != 3 or target is None or lemma(target) not in cues.member_words:
        return False
    words = {*re.findall(r"[a-z]+", actor.name.lower()), *(lemma(t) for t in target.subtree)}
    party = not cues.party_name_words.isdisjoint(words)  # "... Party", "members of the X party"
    if not party and lemma(target) in cues.combatant_member_words:  # "two Hezbollah members": its fighters
        return False
    return not any(lemma(t) in cues.armed_subjects for t in target.subtree)  # "militia members": armed


def joint_side(
    agent: Token, actor: Actor, actors: ActorDictionary, kinds: dict[str, str] = STATE_KINDS
) -> Actor | None:
    """The second country of "the military forces of A and B exchanged fire" or "A and B troops clashed"
    (with `PARTY_KINDS`, also "A and B foreign ministers held talks"): its actor of the same kind is the
    other side."""
    kind = next((k for prefix, k in kinds.items() if actor.name.startswith(prefix)), None)
    if kind is None:
        return None
    for nation in nationality_pair(agent) or ():  # "Indian and Pakistani troops exchanged fire"
        found = country_for_name(nation.text)
        if found is not None and found[1] != actor.country:
            return actors.generic(kind, found[1])
    for owner in of_objects(agent):
        for other in (c for c in owner.conjuncts if c.i > owner.i):
            found = country_for_name(other.text)
            if found is not None and found[1] != actor.country:
                return actors.generic(kind, found[1])
    return None


def nationality_pair(noun: Token) -> tuple[Span, Span] | None:
    """Two nationalities that share one noun ("Indian and Pakistani troops"): their entity spans."""
    first = next((c for c in noun.lefts if c.dep_ in ("amod", "compound") and _nation_word(c)), None)
    if first is None:
        return None
    second = next((c for c in first.conjuncts if first.i < c.i < noun.i and _nation_word(c)), None)
    if second is None:
        return None
    spans = [_nation_span(t) for t in (first, second)]
    if any(s is None or country_for_name(s.text) is None for s in spans):
        return None
    return spans[0], spans[1]


def _nation_word(token: Token) -> bool:
    """A nationality or country word, also inside a name the actor dictionary tagged ("Chinese military")."""
    return token.ent_type_ in NATION_ENTS or (
        token.ent_type_ == "ORG" and country_for_name(token.text) is not None
    )


def _nation_span(token: Token) -> Span | None:
    """The nationality's entity span, or the word alone when it opens an actor's name."""
    span = next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None)
    return span if span is None or span.label_ in NATION_ENTS else token.doc[token.i : token.i + 1]


def first_nationality(phrase: Span, noun: Token) -> str | None:
    """A phrase of two nationalities that share its noun read as the first's ("Indian and Pakistani troops"
    -> "Indian troops"; `joint_side` gives the other); None for any other phrase."""
    pair = nationality_pair(noun)
    if pair is None or not phrase.start <= pair[0].start < pair[1].end <= noun.i:
        return None
    doc = phrase.doc
    return f"{doc[phrase.start : pair[0].end].text} {doc[pair[1].end : phrase.end].text}"


def weapon_owner(weapon: Token) -> Token | None:
    """The nationality or group a weapon word of a compound carries ("Russian missile" in "Saturday's Russian
    missile strike"): whose strike it was."""
    owners = ("ORG", "NORP", "GPE")
    return next(
        (g for g in weapon.children if g.dep_ in ("amod", "compound") and g.ent_type_ in owners), None
    )


def bare_nationality(word: Token) -> str | None:
    """A nationality alone joined to another nationality's noun ("Kyrgyz" of "Kyrgyz and Tajik border
    guards", misparsed): the nationality with that noun ("Kyrgyz border guards")."""
    if word.ent_type_ not in NATION_ENTS or country_for_name(word.text) is None:
        return None
    for other in (c for c in word.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        owner = next((c for c in other.lefts if c.dep_ in NATIONALITY_DEPS and c.ent_type_), None)
        if owner is not None and country_for_name(owner.text) is not None:
            return f"{word.text} {word.doc[owner.i + 1 : other.i + 1].text}"
    return None
