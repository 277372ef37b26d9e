"""Whether two mentions' sides may be one occurrence's (`actors_compatible`), and the kinds of side
it asks about: an organised armed actor (`is_armed`), a government office, a crowd. Used by
`occurrences` to merge the candidates of an article; a pure part of the coding core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.coding.actors import GENERIC_KINDS, Actor, is_unidentified
from eventcoder.coding.candidates import Candidate
from eventcoder.coding.participants import ARMED_TYPES, NON_STATE_ARMED

if TYPE_CHECKING:
    from eventcoder.coding.occurrences import Cluster

ARMED_INTER = frozenset(ARMED_TYPES)


def is_armed(actor: Actor | None) -> bool:
    """An organised armed actor (state forces, rebels, militias, external forces), not a government office."""
    return actor is not None and actor.inter in ARMED_INTER and not is_government(actor)


def is_government(actor: Actor) -> bool:
    """A government (or its office), not its forces."""
    return actor.name.startswith(GENERIC_KINDS["government"].without_country)


def is_crowd(actor: Actor | None) -> bool:
    """Protesters or rioters."""
    return actor is not None and actor.inter in (5, 6)


def actors_compatible(cluster: Cluster, cand: Candidate) -> bool:
    """Sides that can be the same: none named differently on the acting side."""
    if also_done_to_another(cluster, cand):
        return False
    known = [m.actor1 for m in cluster.members if m.actor1 and m.actor1.inter]
    if not known or not cand.actor1 or not cand.actor1.inter:
        return True
    if cand.event_type in ("clash", "dialogue", "agreement", "ceasefire"):
        sides = {a.name for m in cluster.members for a in (m.actor1, m.actor2) if a}
        if other_parties(cluster, cand, sides):
            return False
        if cand.actor1.name in sides or (cand.actor2 is not None and cand.actor2.name in sides):
            return True
        if points_back(cand) and unnamed_group_named(known, cand.actor1):
            return True  # "the attack, which was claimed by X": the gunmen just told were X's
        if cand.actor2 is None and is_unidentified(cand.actor1) and unnamed_group_named(known, cand.actor1):
            return True  # "jihadists attacked an army base in X ... 'terrorists attacked the detachment'"
        return cand.event_type == "clash" and (unnamed_side_of(cand, sides) or sides_named(cluster, cand))
    if cand.event_type == "protest" and crowd_told_again(cluster, cand):
        return True
    # the side the occurrence was done to, told firing back ("Police returned fire"), is not its doer
    targets = {m.actor2.name for m in cluster.members if m.actor2 is not None}
    doers = [a for a in known if a.name not in targets] or known
    if unnamed_group_named(doers, cand.actor1):
        return True  # "gunmen attacked X" told again of the group that did it, or the other way round
    return any(a.name == cand.actor1.name for a in known)


def unnamed_group_named(known: list[Actor], actor: Actor) -> bool:
    """One side an unidentified armed group, the other a named non-state armed group it may be."""
    if is_unidentified(actor):
        return all(a.inter in NON_STATE_ARMED for a in known)
    return actor.inter in NON_STATE_ARMED and all(is_unidentified(a) for a in known)


def crowd_told_again(cluster: Cluster, cand: Candidate) -> bool:
    """The crowd of a protest (whoever held it: workers, residents, a party's members) told again as
    rioters or as the side the police clashed with ("Rioters pelted the police", "Police clashed with
    the demonstrators")."""
    held = any(m.event_type == "protest" and m.actor1 is not None for m in cluster.members)
    return held and (is_crowd(cand.actor1) or is_crowd(cand.actor2))


def other_parties(cluster: Cluster, cand: Candidate, sides: set[str]) -> bool:
    """Talks of one party with two others ("met the delegation", "negotiated with the elders"): each
    mention names a party the other does not (a party the dictionary does not know counts by its word)."""
    if cand.event_type not in ("dialogue", "agreement"):
        return False
    known = sides | {m.unnamed_party for m in cluster.members if m.unnamed_party}
    named = {a.name for a in (cand.actor1, cand.actor2) if a is not None} | {cand.unnamed_party} - {None}
    return bool(known & named) and bool(known - named) and bool(named - known)


def unnamed_side_of(cand: Candidate, sides: set[str]) -> bool:
    """A clash told again with one side unnamed ("rebel positions"): that side may be the named group of
    the occurrence, when its other side is one the cluster knows (also without its country) or the
    cluster knows one side only."""
    sides_of = [a for a in (cand.actor1, cand.actor2) if a is not None]
    named = [a for a in sides_of if not is_unidentified(a)]
    if len(named) == len(sides_of):
        return False
    return len(sides) < 2 or any(
        a.name in sides or any(s.startswith(f"{a.name} ") for s in sides) for a in named
    )


def sides_named(cluster: Cluster, cand: Candidate) -> bool:
    """A definite "the fighting between X and Y" after a clash told with no side named ("clashes between
    two rival militias killed 27"): the sides of the clash just told, named."""
    armed = [a for m in cluster.members for a in (m.actor1, m.actor2) if is_armed(a)]
    return points_back(cand) and bool(armed) and all(is_unidentified(a) for a in armed)


def points_back(cand: Candidate) -> bool:
    """'the assault', 'the clash': a definite noun names the occurrence just told, whatever its word."""
    return cand.nominal and cand.definite


def also_done_to_another(cluster: Cluster, cand: Candidate) -> bool:
    """A violent act done with "also" to a side of another kind than the occurrence's ("Gunmen killed 12
    worshippers ... The attackers also targeted a military post"): a second act. More victims told
    with "also" ("two militants were also killed") are the same occurrence's."""
    verb = cand.anchor
    also = verb.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)
    struck = also and any(c.dep_ == "dobj" for c in verb.children)  # not "two militants were also killed"
    if not struck or cand.role != "event" or cand.family != "violent" or cand.actor2 is None:
        return False
    done_to = {m.actor2.inter for m in cluster.members if m.actor2 is not None}
    return bool(done_to) and cand.actor2.inter not in done_to
