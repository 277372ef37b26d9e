"""Headlines: a headline restates the article's lead event, so a headline-only occurrence is folded into
the body's report of it (after `occurrences.merge_mentions`)."""

from __future__ import annotations

from eventcoder.coding.candidates import stated_dead
from eventcoder.coding.occurrences import Cluster
from eventcoder.coding.sentcache import sent_text


def fold_headlines(clusters: list[Cluster]) -> list[Cluster]:
    """A headline restates the article's lead event: a headline-only occurrence is the body's first
    report of the same family, even when the body tells it with another place or type word ('Rebels
    kill two peacekeepers' / 'their convoy was ambushed'), or, for a killing the body tells no killing
    of, its protest or riot with dead ('two killed as mobs torch houses'); it stays an event only when
    the body reports neither."""
    out: list[Cluster] = []
    for cluster in clusters:
        if cluster.first.shadow or not all(m.headline for m in cluster.members):
            out.append(cluster)
            continue
        body = next(
            (
                c
                for c in clusters
                if not c.first.shadow
                and any(m.family == cluster.first.family for m in c.members)  # also one a protest took in
                and not all(m.headline for m in c.members)  # the body's, with the headline it took in
            ),
            None,
        )
        if body is None and cluster.first.family == "violent":  # "two killed as mobs torch houses"
            body = next((c for c in clusters if deadly_body_protest(c)), None)
        if body is None:
            out.append(cluster)
        else:
            body.members[:0] = cluster.members
    return out


def deadly_body_protest(cluster: Cluster) -> bool:
    """A protest or riot the body tells with dead: where a headline's killing is told when the body tells
    no killing of its own."""
    return (
        cluster.first.event_type == "protest"
        and not cluster.first.shadow
        and not all(m.headline for m in cluster.members)
        and any(stated_dead(sent_text(m.sent)) for m in cluster.members)
    )
