"""One row per real-world event: mentions from different articles that report the same occurrence merge.

Two mentions report the same occurrence when (ACLED's practice: same actors, same place, same day):
- they come from different articles (one article's mentions are already one per occurrence);
- they have the same event type (and, for ceasefires, the same sub-type: a truce declared is not
  the truce called off; talks and a ceasefire on the same day stay apart);
- their dates are compatible given their precisions: two day-precision dates are the same day;
  otherwise the windows the dates stand for (week, month, year) overlap; a mention without a
  date does not merge (nothing places it);
- their places agree: the same named place or within MAX_KM kilometres when both are towns or
  districts; a coarser place (a province, a country) must contain the finer one (same admin1 or
  country); a mention without a place merges only by the other rules;
- the most specific place names they were coded from (place_text) do not differ: two villages
  of one district are two places even when both resolve to the district;
- their actors agree: both name the acting side (actor1) and it is the same, and the sides acted
  on (actor2) are the same or unknown on one side; for symmetric events (clashes, talks,
  agreements, ceasefires) both name the same set of sides, in either order; protests also need
  the same protesting group (assoc_actor_1), since one city can see several protests a day.
A mention missing what identifies an occurrence (its date, or who acted) stays an event of its own.

The merged event takes the most precise date and place among its mentions, the actors of its best
mention (highest confidence, then most precise), the lowest stated fatality figure (ACLED's rule
for conflicting reports), every outlet in `sources`, and keeps the id of its first mention: adding
a mention never changes an event's id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventcoder.coding.dates import precision_window, spans_overlap
from eventcoder.coding.geo import km_between

# Two reports from different articles name the same town when their places are this close (the
# coder's own limit within one article is wider: there the text already ties the two mentions).
MAX_KM = 10.0
SYMMETRIC = {"clash", "dialogue", "agreement", "ceasefire"}


@dataclass(frozen=True)
class MentionRow:
    """The fields of an event mention that merging reads."""

    mention_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    event_date: dt.date | None
    time_precision: int | None
    actor1: str | None
    actor2: str | None
    iso3: str | None
    location: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    confidence: float
    published_at: dt.date | None
    evidence_start: int = 0
    place_text: str | None = None
    assoc_actor_1: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None

    def order_key(self) -> tuple:
        """Which mention came first: publication date (unknown last), then article, then position."""
        return (
            self.published_at is None,
            self.published_at or dt.date.max,
            self.article_id,
            self.evidence_start,
        )


def signature(m: MentionRow) -> tuple:
    """What the merge rule reads of a mention besides its article: mentions alike in it merge alike."""
    return (
        m.event_type,
        m.sub_event_type,
        m.event_date,
        m.time_precision,
        m.actor1,
        m.actor2,
        m.assoc_actor_1,
        m.iso3,
        m.admin1,
        m.location,
        m.latitude,
        m.longitude,
        m.geo_precision,
        m.place_text,
    )


@dataclass
class MergedEvent:
    """An event and its mentions (the first mention gives the id)."""

    event_id: str
    mentions: list[MentionRow] = field(default_factory=list)
    articles: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    kinds: dict[tuple, MentionRow] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the mentions given at creation."""
        for m in self.mentions:
            self.articles.add(m.article_id)
            self.kinds.setdefault(signature(m), m)

    def add(self, mention: MentionRow) -> None:
        """Add a mention (its article and its merge signature are indexed)."""
        self.mentions.append(mention)
        self.articles.add(mention.article_id)
        self.kinds.setdefault(signature(mention), mention)


def window(m: MentionRow) -> tuple[dt.date, dt.date] | None:
    """The days a mention's date admits: its own window, or (coded before mentions carried one) the
    window of its precision."""
    if m.event_date is None:
        return None
    if m.date_start is not None and m.date_end is not None:
        return m.date_start, m.date_end
    return precision_window(m.event_date, m.time_precision)


def dates_compatible(a: MentionRow, b: MentionRow) -> bool:
    """Both dated, and their windows overlap."""
    wa, wb = window(a), window(b)
    return wa is not None and wb is not None and spans_overlap(wa, wb)


def places_compatible(a: MentionRow, b: MentionRow) -> bool:
    """Same country; same place or close when both are fine; a coarse place contains the fine one."""
    if not a.iso3 or not b.iso3:
        return True
    if a.iso3 != b.iso3:
        return False
    pa, pb = a.geo_precision or 4, b.geo_precision or 4
    if pa >= 4 or pb >= 4:
        return True
    if a.location and a.location == b.location:
        return True
    if pa <= 2 and pb <= 2 and a.latitude is not None and b.latitude is not None:
        return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= MAX_KM
    return (
        a.admin1 is not None
        and a.admin1 == b.admin1
        and (pa == 3 or pb == 3)
        and a.location != b.location
        and (a.location in (b.admin1, None) or b.location in (a.admin1, None))
    )


def actors_compatible(a: MentionRow, b: MentionRow) -> bool:
    """The same named acting side, and the same side acted on (or unknown on one side)."""
    if a.event_type in SYMMETRIC:
        sides_a = {x for x in (a.actor1, a.actor2) if x}
        sides_b = {x for x in (b.actor1, b.actor2) if x}
        return bool(sides_a) and sides_a == sides_b
    if a.event_type == "protest" and (a.assoc_actor_1 is None or a.assoc_actor_1 != b.assoc_actor_1):
        return False
    same_actor2 = a.actor2 is None or b.actor2 is None or a.actor2 == b.actor2
    return a.actor1 is not None and a.actor1 == b.actor1 and same_actor2


def proper_names(text: str | None) -> list[str]:
    """Capitalised words of a place phrase, in order ('in Pasab village of Zhari' -> Pasab, Zhari)."""
    return [w.strip(",.()") for w in (text or "").split() if w[:1].isupper()]


def place_texts_compatible(a: MentionRow, b: MentionRow) -> bool:
    """The places named in the two texts are not two different places: the first name one text
    gives appears in the other (a village and another village of the same district do not)."""
    na, nb = proper_names(a.place_text), proper_names(b.place_text)
    return not na or not nb or na[0] in nb or nb[0] in na


def same_occurrence(a: MentionRow, b: MentionRow) -> bool:
    """The merge rule: two mentions from different articles that report one occurrence."""
    if a.article_id == b.article_id or a.event_type != b.event_type:
        return False
    if a.event_type == "ceasefire" and a.sub_event_type != b.sub_event_type:
        return False
    return (  # cheapest and most selective first
        actors_compatible(a, b)
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and place_texts_compatible(a, b)
    )


def joins(event: MergedEvent, mention: MentionRow) -> bool:
    """A mention joins an event when it reports the same occurrence as every mention of it (checked
    once per distinct signature: an event reported alike by 100 articles costs one comparison)."""
    return mention.article_id not in event.articles and all(
        same_occurrence(m, mention) for m in event.kinds.values()
    )


def merge_mentions(existing: Sequence[MergedEvent], new: Iterable[MentionRow]) -> list[MergedEvent]:
    """Attach each new mention (taken in first-reported order) to a known event or start a new one.

    Events passed in keep their ids; a new event takes the id of its first mention.
    """
    events = [MergedEvent(e.event_id, list(e.mentions)) for e in existing]
    index: dict[IndexKey, list[MergedEvent]] = {}
    for event in events:
        for member in event.mentions:
            add_to_index(index, event, member)
    for mention in sorted(new, key=MentionRow.order_key):
        target = next((e for e in candidates(index, mention) if joins(e, mention)), None)
        if target is None:
            target = MergedEvent(mention.mention_id, [])
            events.append(target)
        target.add(mention)
        add_to_index(index, target, mention)
    return events


IndexKey = tuple[str, object, int, int, int]


def sides(mention: MentionRow) -> object:
    """Who a mention's merge rule compares (actors_compatible): the acting side, or for symmetric
    events the set of sides; None when that is unknown (such a mention never merges)."""
    if mention.event_type in SYMMETRIC:
        return tuple(sorted({x for x in (mention.actor1, mention.actor2) if x})) or None
    return mention.actor1


def own_key(mention: MentionRow) -> IndexKey | None:
    """Where a dated mention is filed: (type, sides, year, month, day) for a day, day 0 for a week or
    month, month 0 for a year."""
    who = sides(mention)
    if mention.event_date is None or who is None:
        return None
    d, precision = mention.event_date, mention.time_precision or 1
    if precision == 1:
        return (mention.event_type, who, d.year, d.month, d.day)
    if precision in (2, 3):
        return (mention.event_type, who, d.year, d.month, 0)
    return (mention.event_type, who, d.year, 0, 0)


def lookup_keys(mention: MentionRow) -> list[IndexKey]:
    """Every key under which a mention whose window overlaps this mention's (and whose sides are the
    same) may be filed."""
    span = window(mention)
    who = sides(mention)
    if span is None or who is None:
        return []
    etype, keys = mention.event_type, []
    day = span[0]
    while day <= span[1]:
        keys.append((etype, who, day.year, day.month, day.day))
        day += dt.timedelta(days=1)
    year, month = span[0].year, span[0].month
    while (year, month) <= (span[1].year, span[1].month):
        keys.append((etype, who, year, month, 0))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    keys += [(etype, who, y, 0, 0) for y in range(span[0].year, span[1].year + 1)]
    return keys


def add_to_index(index: dict[IndexKey, list[MergedEvent]], event: MergedEvent, member: MentionRow) -> None:
    """File an event under its member's date and sides."""
    key = own_key(member)
    if key is None:
        return
    bucket = index.setdefault(key, [])
    if not bucket or bucket[-1] is not event:
        bucket.append(event)


def candidates(index: dict[IndexKey, list[MergedEvent]], mention: MentionRow) -> list[MergedEvent]:
    """Events with a member of the same sides whose window may overlap the mention's, oldest first."""
    seen: dict[str, MergedEvent] = {}
    for key in lookup_keys(mention):
        for event in index.get(key, ()):
            seen.setdefault(event.event_id, event)
    return sorted(seen.values(), key=lambda e: e.mentions[0].order_key())


def recluster(events: Sequence[MergedEvent]) -> list[MergedEvent]:
    """Rebuild events whose mentions changed: each keeps its id while its first mention remains in it."""
    survivors: list[MergedEvent] = []
    loose: list[MentionRow] = []
    for event in events:
        mentions = sorted(event.mentions, key=MentionRow.order_key)
        if not mentions:
            continue
        head, rest = MergedEvent(event.event_id, [mentions[0]]), mentions[1:]
        survivors.append(head)
        loose.extend(rest)
    return merge_mentions(survivors, loose)


def best_mention(event: MergedEvent) -> MentionRow:
    """The mention whose coding the event takes: most confident, then most precise, then first."""
    return min(
        event.mentions,
        key=lambda m: (-m.confidence, m.time_precision or 9, m.geo_precision or 9, m.order_key()),
    )
