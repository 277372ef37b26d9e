"""Whose forces a bare "troops" or "militants" names: an article that names state forces of one
nationality only ("Israeli forces", "the Israeli military", "Russia's army") means them by "troops",
"soldiers" or "the army" told without a nationality, wherever the event took place (a raid in an
occupied town, a strike across a border); one that names a single non-state armed group means it by
"militants", "rebels" or "the fighters". An article naming two, or none, leaves them as they were: the
event country's forces, an unidentified armed group.

Used by candidates.article_context and participants.resolve_actor; a pure part of the coding core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventcoder.coding.actors import Actor, ActorDictionary, is_unidentified
from eventcoder.coding.cues import Cues
from eventcoder.coding.places import country_for_name
from eventcoder.coding.rules import doc_ents, lemma

if TYPE_CHECKING:
    from eventcoder.coding.candidates import ArticleContext

STATE_FORCE_KINDS = ("military", "police")
ARMED_GROUP_INTER = frozenset(
    {2, 4}
)  # ACLED's rebels and identity militias (political militias are parties too)
NATIONALITY_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


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
    modifiers = [t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i < tok.i]
    if lemma(tok) not in cues.group_fighter_nouns or any(t.pos_ != "ADJ" or t.ent_type_ for t in modifiers):
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
    phrase = [t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i <= tok.i]
    if kind is None or not all(bare_word(t, cues) for t in phrase):
        return actor  # "government troops", "regime forces", "Somali soldiers": their own country
    return actors.generic(kind, next(iter(ctx.forces)))


def bare_word(tok: Token, cues: Cues) -> bool:
    """A word of a security noun phrase that names no one's forces ("the heavily armed troops")."""
    return lemma(tok) in cues.state_force_nouns or (tok.pos_ == "ADJ" and not tok.ent_type_)
