"""One row per real-world event: mentions that report the same occurrence merge, and each merge says why.

ACLED's event is one type of thing, at one place, on one day, done by one set of actors. Two
mentions are merged only on positive evidence that they report one such occurrence, by one of
these rules (`RULES`; the rule and its evidence are written to the `event_merges` table):

- `same_occurrence` (different articles): same event type (and, for ceasefires, sub-type); both
  dated, with overlapping date windows (`date_start`..`date_end`); the same named sides (for
  symmetric events — clashes, talks, agreements, ceasefires — the same set of sides in either
  order; a protest's side is its protesting group, `assoc_actor_1`, which both must name: one city
  sees several protests a day, by journalists, by labourers); and the same place:
  - two places finer than the country agree when they name the same place, are within MAX_KM
    kilometres (both towns), or one is the province or district that contains the other;
  - at different precisions the less precise one must contain the other: a country-level mention
    joins a finer one only when its own sentence names that place (a report of Taliban attacks "in
    Afghanistan" is not the Logar attack of the same day, and "Maruf district, Kandahar", left at
    country level, is not every Kandahar event);
  - two mentions placed only at country level (or not at all) are not shown to be one place,
    except for ceasefires, talks, agreements and prisoner releases, placed at country level by nature;
  - when either is placed no finer than a district or province, the names one sentence gives
    must be among the other's: such a place sees many events a day ("regime forces shelled Kinda
    in Idleb" and "... shelled Nayrab in Idleb" are two events);
- `same_report` (different articles): the two evidence sentences, and the two articles' openings,
  are the same text reworded — most of their words are shared (Jaccard ≥ SAME_REPORT_JACCARD),
  the names of one are among the names of the other, and so are the figures (a copy keeps its dates
  and counts) — and nothing coded differs (below):
  syndicated and reworded copies;
- `headline` (one article): the headline's report and a body sentence of the same type that
  nothing sets apart (the body's sentence is the event's evidence, docs/GUIDELINES.md);
- `same_protest` (one article): two protest mentions of one article on the same day at the same
  place by the same protesters (the coder may report a sit-in and "traders blocked the road");
- `correction`: an analyst merged them (corrections.py).

Whatever the rule, a mention joins an event only if it conflicts with none of its mentions
(`conflict`): a different type, disjoint date windows, different countries, two fine places that
are not one place, place phrases naming different places (two villages of one district), two
different named sides, two reports of different articles that each give a name the other neither
gives nor codes as its place or sides (dates aside: "shelled Kinda in Idleb" and "shelled Nayrab in
Idleb", both placed at Idleb when the villages are not in the gazetteer); and two body mentions of
one article are two occurrences (the coder already merged the mentions of one occurrence) unless
they are one protest. Against a member whose text is the same report reworded, only type, dates,
country and place (and the place phrase) count
(`hard_conflict`): the coder may read the sides of two copies differently. A mention that joins
two events neither of which conflicts with the other makes them one (`absorb`), so merging does not
hang so much on the order reports arrive in.

The merged event takes the most precise date and place, the actors of its best mention (highest
confidence, then most precise; a headline's mention last), and for fatalities the lowest figure
among the articles that report it (ACLED's rule for conflicting reports: an article's own figure is
its highest), every outlet in `sources`, and keeps the id of its first mention: adding a mention
never changes an event's id.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from eventcoder.coding.dates import precision_window, spans_overlap
from eventcoder.coding.geo import km_between
from eventcoder.warehouse.place_cells import Place, filed_where, filing_cells, fine, lookup_cells
from schemas.vocab import MERGE_RULES

# Two reports from different articles name the same town when their places are this close (the
# coder's own limit within one article is wider: there the text already ties the two mentions).
MAX_KM = 10.0
SYMMETRIC = {"clash", "dialogue", "agreement", "ceasefire"}
# Placed at country level by nature (a truce applies to the conflict's country, a release of prisoners
# is a national decision): country-level mentions of these may merge with each other.
COUNTRY_LEVEL_TYPES = {"dialogue", "agreement", "ceasefire", "release"}
RULES = MERGE_RULES
SAME_REPORT_JACCARD = 0.6
# A short sentence copied with a phrase added ("..., according to local sources") shares fewer words:
# it is a copy when all its words (at least this many) are in the other, and half as many are shared.
CONTAINED_MIN_WORDS = 2
CONTAINED_JACCARD = 0.3
LEDE_CHARS = 400  # the article's opening that merging reads (warehouse/sql/mentions_to_merge.sql)
# A district or province (geo_precision 3) sees many events a day: there, two reports must also not
# name different things ("shelled Kinda in Idleb", "shelled Nayrab in Idleb").
NAMES_FROM_PRECISION = 3
MAX_MONTHS = 14  # a date window longer than this is indexed as undated (looked up, and found, by all)
MINHASH_K = 4  # a mention is filed under its K lowest-hashed words for the same_report index
STOPWORDS = frozenset(
    "the a an of in on at to by for from with and or but as is was were are be been has have had that "
    "this these those which who whom its it their his her they he she we said says reported reportedly "
    "after during when while into near over than also about".split()
)
WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w'\u2019-]*")
LETTERS = re.compile(r"[^\W\d_]+")
NUMBER = re.compile(r"\d+")
# Names that say when, not where or who: a report dated "Tuesday" and one dated "5 May" may be one event.
CALENDAR_WORDS = frozenset(
    w.lower()
    for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if w
)


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
    evidence: str = ""
    admin2: str | None = None
    headline_end: int = 0
    lede: str = ""  # the article's first 400 characters (its headline, if any, included)
    acled_event_type: str | None = None  # a protest's ACLED type: Protests or Riots

    def order_key(self) -> tuple:
        """Which mention came first: publication date (unknown last), then article, then position (a
        headline's report after the body's, so that it finds the body's event to join)."""
        return self.order

    @cached_property
    def order(self) -> tuple:
        """The order key, built once."""
        return (
            self.published_at is None,
            self.published_at or dt.date.max,
            self.article_id,
            self.in_headline,
            self.evidence_start,
        )

    @property
    def in_headline(self) -> bool:
        """The mention's evidence is the article's headline."""
        return self.evidence_start < self.headline_end

    @cached_property
    def content(self) -> Content:
        """What the merge rules read of the mention beyond whether two share an article: copies of one
        report (same text, same coding) have the same content, and are compared once."""
        return Content(dataclasses.replace(self, mention_id="", article_id=""))


class Content:
    """A mention without its identity, hashed once (a frozen dataclass hashes every field each time)."""

    __slots__ = ("row", "hash")

    def __init__(self, row: MentionRow) -> None:
        self.row, self.hash = row, hash(row)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Content) and self.hash == other.hash and self.row == other.row


@dataclass(frozen=True)
class Link:
    """Why a mention is in its event: the rule, the member it was matched with, and the evidence."""

    mention_id: str
    rule: str
    partner_id: str | None
    evidence: str


@dataclass
class MergedEvent:
    """An event and its mentions (the first mention gives the id)."""

    event_id: str
    mentions: list[MentionRow] = field(default_factory=list)
    links: dict[str, Link] = field(default_factory=dict, repr=False, compare=False)

    def add(self, mention: MentionRow, link: Link | None = None) -> None:
        """Add a mention with the link that joined it (the first mention needs none)."""
        self.mentions.append(mention)
        if link is not None:
            self.links[mention.mention_id] = link


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


def fine_places_agree(a: MentionRow, b: MentionRow) -> bool:
    """Two places finer than the country are one place: same name, close towns, or one contains the other."""
    pa, pb = a.geo_precision or 4, b.geo_precision or 4
    if a.location and a.location == b.location:
        return True
    if pa <= 2 and pb <= 2 and a.latitude is not None and b.latitude is not None:
        return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= MAX_KM
    return contains(a, b) or contains(b, a)


def contains(coarse: MentionRow, other: MentionRow) -> bool:
    """A province- or district-level place that is the other's province or district."""
    if (coarse.geo_precision or 4) != 3 or not coarse.location:
        return False
    return coarse.location in (other.admin1, other.admin2) or (
        coarse.admin1 is not None and coarse.location == coarse.admin1 and coarse.admin1 == other.admin1
    )


def names_place_of(coarse: MentionRow, other: MentionRow) -> str | None:
    """The other's place, if the coarse mention's sentence names it: every name of its place phrase
    (naming its province is not enough: "Maruf district, Kandahar" is not every place of Kandahar,
    and "Donetsk Airport" is not Petrovskoye, Donetsk)."""
    text = f"{coarse.evidence} {coarse.place_text or ''}".lower()
    names = place_names(other.place_text) or frozenset(WORD.findall(other.location or ""))
    if names and all(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", text) for n in names):
        return other.location
    return None


def same_place(a: MentionRow, b: MentionRow) -> str | None:
    """Evidence that two mentions are at one place (None: not shown)."""
    if not a.iso3 or a.iso3 != b.iso3:
        return None
    if fine(a) and fine(b):
        if not fine_places_agree(a, b):
            return None
        return f"place {a.location}" if a.location == b.location else f"places {a.location} / {b.location}"
    if fine(a) or fine(b):
        coarse, other = (b, a) if fine(a) else (a, b)
        name = names_place_of(coarse, other)
        return f"country-level report names {name}" if name else None
    if a.event_type in COUNTRY_LEVEL_TYPES:
        return f"country {a.iso3}"
    return None


def side_set(m: MentionRow) -> frozenset[str]:
    """The named sides of a mention."""
    return frozenset(x for x in (m.actor1, m.actor2) if x)


def same_actors(a: MentionRow, b: MentionRow) -> str | None:
    """Evidence that two mentions have the same sides (None: not shown)."""
    if a.event_type in SYMMETRIC:
        return (
            f"sides {' / '.join(sorted(side_set(a)))}" if side_set(a) and side_set(a) == side_set(b) else None
        )
    if a.actor1 is None or a.actor1 != b.actor1:
        return None
    if a.event_type == "protest":  # one city sees several protests a day: the group tells them apart
        return (
            f"protesters {a.assoc_actor_1}"
            if a.assoc_actor_1 and a.assoc_actor_1 == b.assoc_actor_1
            else None
        )
    return f"actor1 {a.actor1}"


def same_side(x: str, y: str) -> bool:
    """Two names of one side: equal, or one the other without its country ('Police Forces' and 'Police
    Forces of Guinea', 'Unidentified Armed Group' and 'Unidentified Armed Group (Brazil)')."""
    short, long = sorted((x, y), key=len)
    return x == y or long.startswith(short + " (") or long.startswith(short + " of ")


def actors_conflict(a: MentionRow, b: MentionRow) -> bool:
    """Two different named sides."""
    if a.event_type in SYMMETRIC:
        sa, sb = side_set(a), side_set(b)
        covered = all(any(same_side(x, y) for y in sb) for x in sa) or all(
            any(same_side(x, y) for y in sa) for x in sb
        )
        return bool(sa) and bool(sb) and not covered
    return any(
        x is not None and y is not None and not same_side(x, y)
        for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2), (a.assoc_actor_1, b.assoc_actor_1))
    )


@lru_cache(maxsize=65536)
def proper_names(text: str | None) -> frozenset[str]:
    """Capitalised words of a text that are not capitalised for opening a sentence or a clause after
    a colon, function words left out ('... in Pasab village of Zhari' -> Pasab, Zhari)."""
    out = set()
    for match in WORD.finditer(text or ""):
        word, before = match.group(), (text or "")[: match.start()].rstrip()
        if word[0].isupper() and before and before[-1] not in ".:!?\n" and word.lower() not in STOPWORDS:
            out.add(word)
    return frozenset(out)


def place_texts_compatible(a: MentionRow, b: MentionRow) -> bool:
    """The place phrases do not name two different places: the names of one are among the other's
    (a village and another village of the same district are not)."""
    na, nb = place_names(a.place_text), place_names(b.place_text)
    return not na or not nb or na <= nb or nb <= na


@lru_cache(maxsize=65536)
def place_names(text: str | None) -> frozenset[str]:
    """Capitalised words of a place phrase (all of them: it starts with a preposition)."""
    return frozenset(w for w in WORD.findall(text or "") if w[0].isupper() and w.lower() not in STOPWORDS)


def conflict(a: MentionRow, b: MentionRow) -> str | None:
    """What shows two mentions are two events (None: nothing does)."""
    return hard_conflict(a, b) or soft_conflict(a, b)


def soft_conflict(a: MentionRow, b: MentionRow) -> str | None:
    """What shows two mentions that nothing hard sets apart are two events (None: nothing does)."""
    if not place_texts_compatible(a, b):
        return "place phrases name different places"
    if a.article_id != b.article_id and not other_names_nested(a, b):
        return "the reports name different things"
    if actors_conflict(a, b):
        return "sides differ"
    return None


def hard_conflict(a: MentionRow, b: MentionRow) -> str | None:
    """What sets two mentions apart even when their texts are one report reworded (the coder may read
    the sides of two copies differently, never their type, day, country or place)."""
    if a.event_type != b.event_type:
        return "event types differ"
    if a.event_type == "ceasefire" and a.sub_event_type != b.sub_event_type:
        return "ceasefire sub-types differ"
    if a.event_type == "protest" and None not in (a.acled_event_type, b.acled_event_type):
        if a.acled_event_type != b.acled_event_type:
            return "a riot and a peaceful protest"  # ACLED's two event types: one coder reads copies alike
    wa, wb = window(a), window(b)
    if wa is not None and wb is not None and not spans_overlap(wa, wb):
        return "dates differ"
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return "countries differ"
    if fine(a) and fine(b) and not fine_places_agree(a, b):
        return "places differ"
    if a.article_id == b.article_id and not (a.in_headline or b.in_headline):
        if a.event_type != "protest":
            return "two occurrences of one article"
    return None


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """Lower-cased content words of a sentence."""
    return frozenset(w for w in (x.lower() for x in WORD.findall(text)) if len(w) > 2 and w not in STOPWORDS)


@lru_cache(maxsize=65536)
def near_copy(x: str, y: str) -> float | None:
    """How much of two texts' words they share (Jaccard), when they are one text reworded: most words
    shared, or every word of the shorter one in the longer with at most as many added ("Four people
    were arrested" and "Four people were arrested, according to local sources"); and the names of
    one among the names of the other. None when they are not one text reworded."""
    wx, wy = words(x), words(y)
    if not wx or not wy:
        return None
    shared = len(wx & wy)
    jaccard = shared / len(wx | wy)
    contained = shared == min(len(wx), len(wy)) >= CONTAINED_MIN_WORDS and jaccard >= CONTAINED_JACCARD
    nx, ny = proper_names(x), proper_names(y)
    if (jaccard < SAME_REPORT_JACCARD and not contained) or not (nx <= ny or ny <= nx):
        return None
    return jaccard


def whole_words(opening: str) -> str:
    """An article's opening without the word its cut went through (copies are cut at different words)."""
    return opening.rsplit(None, 1)[0] if len(opening) >= LEDE_CHARS and " " in opening else opening


def same_report(a: MentionRow, b: MentionRow) -> str | None:
    """Evidence that two mentions are one report reworded: their sentences and their articles' openings
    are near copies (a sentence alone is not enough: "During the day, one soldier was killed" opens
    no two reports alike)."""
    if fine(a) and fine(b) and (a.location, a.geo_precision) != (b.location, b.geo_precision):
        return None  # one coder, one text: copies placed finely are placed alike (Bennsh is not Idleb city)
    # and their place phrases name one place: "detained in Tripoli, Marj and Sidon" gives three events
    sentence = near_copy(a.evidence, b.evidence)
    if (
        sentence is None
        or not numbers_nested(a.evidence, b.evidence)
        or not place_texts_compatible(a, b)
        or (a.lede != a.evidence or b.lede != b.evidence)
        and near_copy(whole_words(a.lede), whole_words(b.lede)) is None
    ):
        return None
    return f"same report reworded: {sentence:.0%} of the sentence's words shared, names agree, same opening"


def same_occurrence_evidence(a: MentionRow, b: MentionRow) -> str | None:
    """Type, day, place and actors shown to agree (ACLED's event), as evidence text; None if not."""
    if not dates_compatible(a, b):
        return None
    actors = same_actors(a, b)
    if actors is None:
        return None
    place = same_place(a, b)
    if place is None:
        return None
    if max(a.geo_precision or 4, b.geo_precision or 4) >= NAMES_FROM_PRECISION and not names_nested(a, b):
        return None
    when = a.event_date.isoformat() if a.event_date == b.event_date else "overlapping dates"
    return f"{a.event_type}, {when}, {place}, {actors}"


@lru_cache(maxsize=65536)
def name_parts(text: str | None) -> frozenset[str]:
    """Lower-cased letter runs of a name or names ('TTP: Tehreek-i-Taliban' -> ttp, tehreek, i, taliban)."""
    return frozenset(w.lower() for w in LETTERS.findall(text or ""))


def coded_names(m: MentionRow) -> frozenset[str]:
    """The name parts of a mention's coded place and sides."""
    return name_parts(
        " ".join(x or "" for x in (m.location, m.admin1, m.admin2, m.actor1, m.actor2, m.assoc_actor_1))
    )


def unexplained_names(a: MentionRow, b: MentionRow) -> frozenset[str]:
    """The names a's sentence gives that b's sentence does not, and that are not b's coded place,
    b's sides or a date: the village shelled, the neighbourhood, the base."""
    return names_unexplained(a.evidence, b.evidence, coded_names(b))


@lru_cache(maxsize=65536)
def names_unexplained(sentence: str, other: str, coded: frozenset[str]) -> frozenset[str]:
    """The names a sentence gives that the other sentence does not, and that are not among the other's
    coded names or a date (copies of one report share sentences: worked out once a pair)."""
    known = name_parts(" ".join(proper_names(other))) | coded | CALENDAR_WORDS
    return frozenset(n for n in proper_names(sentence) if not name_parts(n) <= known)


def other_names_nested(a: MentionRow, b: MentionRow) -> bool:
    """At most one of two reports names something the other does not explain: reports of shelling
    in one province on one day, one naming village X and one village Y, are two events, while a copy
    that adds a spokesman's name to the same report is not."""
    return not (unexplained_names(a, b) and unexplained_names(b, a))


def numbers_nested(x: str, y: str) -> bool:
    """The figures of one text are among the other's (a reworded copy keeps its dates and counts)."""
    nx, ny = numbers(x), numbers(y)
    return nx <= ny or ny <= nx


@lru_cache(maxsize=65536)
def numbers(text: str) -> frozenset[str]:
    """The figures of a text."""
    return frozenset(NUMBER.findall(text))


def names_nested(a: MentionRow, b: MentionRow) -> bool:
    """The names one sentence gives are among the other's: they do not name two different things."""
    na, nb = proper_names(a.evidence), proper_names(b.evidence)
    return na <= nb or nb <= na


def same_protest(a: MentionRow, b: MentionRow) -> str | None:
    """Two protest mentions of one article at one place on one day by the same protesters."""
    if a.event_type != "protest" or a.in_headline or b.in_headline:
        return None
    if a.actor1 is not None and b.actor1 is not None and not same_side(a.actor1, b.actor1):
        return None
    if window(a) != window(b) and window(a) is not None and window(b) is not None:
        return None
    if fine(a) and fine(b) and a.location != b.location:
        return None
    return f"one protest of the article: {a.location or 'same place'}, {a.event_date or 'same day'}"


def merge_rule(a: MentionRow, b: MentionRow) -> tuple[str, str] | None:
    """The rule and evidence that make two mentions one event, or None (conflicts checked apart)."""
    if a.event_type != b.event_type:
        return None
    if a.article_id == b.article_id:
        if a.in_headline != b.in_headline:
            return "headline", "the headline's report of the body's event"
        evidence = same_protest(a, b)
        return ("same_protest", evidence) if evidence else None
    evidence = same_occurrence_evidence(a, b)
    if evidence:
        return "same_occurrence", evidence
    evidence = same_report(a, b)
    return ("same_report", evidence) if evidence else None


def same_occurrence(a: MentionRow, b: MentionRow) -> bool:
    """Two mentions are one event: some rule joins them and nothing sets them apart (for one report
    reworded, nothing but type, day, country or place)."""
    copy = a.article_id != b.article_id and same_report(a, b)
    return (hard_conflict if copy else conflict)(a, b) is None and merge_rule(a, b) is not None


def link_to(event: MergedEvent, mention: MentionRow, alone: frozenset[str] = frozenset()) -> Link | None:
    """How a mention joins an event: it conflicts with none of its mentions and a rule ties it to one."""
    members = event.mentions
    if alone and (mention.mention_id in alone or any(m.mention_id in alone for m in members[:1])):
        return None
    if not members or hard_conflict(members[0], mention) is not None:
        return None  # cheap, and what sets most candidates apart: checked before any bookkeeping
    found: Link | None = None
    compared: set[tuple[MentionRow, bool]] = set()
    for i, member in enumerate(members):
        key = (member.content, member.article_id == mention.article_id)
        if key in compared:  # a copy of a member already compared gives the same answer
            continue
        compared.add(key)
        if i and hard_conflict(member, mention) is not None:  # the first member was checked above
            return None
        soft = soft_conflict(member, mention) is not None
        if soft and not (member.article_id != mention.article_id and same_report(member, mention)):
            return None
        if found is None:
            rule = merge_rule(member, mention)
            if rule is not None:
                found = Link(mention.mention_id, rule[0], member.mention_id, rule[1])
    return found


IndexKey = tuple


def sides(mention: MentionRow) -> object:
    """Who a mention's same_occurrence rule compares: the acting side, or for symmetric events the
    set of sides; None when that is unknown."""
    if mention.event_type in SYMMETRIC:
        return tuple(sorted(side_set(mention))) or None
    return mention.actor1


def own_keys(mention: MentionRow) -> list[IndexKey]:
    """Where a mention is filed: by type, sides and date; by its article; by its rarest words."""
    keys: list[IndexKey] = [("article", mention.article_id)]
    who, span = sides(mention), window(mention)
    if span is not None and who is not None:
        kind, months = mention.event_type, indexed_months(mention)
        if span[0] == span[1]:
            keys.append((kind, who, span[0].year, span[0].month, span[0].day))
        elif months is not None:  # every month the window touches: a lookup over any of them finds it
            keys += [(kind, who, year, month, 0) for year, month in months]
        else:
            keys += [(kind, who, year, 0, 0) for year in range(span[0].year, span[1].year + 1)]
    return keys + copy_keys(mention)


def copy_keys(mention: MentionRow, filing: bool = True) -> list[IndexKey]:
    """Where a copy of the mention's report is filed (or, not filing, looked up): a word of its
    sentence's sketch with a word of its article opening's sketch (`same_report` needs both to be
    near copies, so a sentence that many different articles share, a quote or a stock phrase, does
    not make them all candidates), and the months its date admits (copies of different dates are
    never one event). An undated mention (or one dated only over years) is filed under "undated" and
    looks up every date; every mention is also filed under "any" for such lookups."""
    opening = whole_words(mention.lede) if mention.lede else mention.evidence
    when = copy_times(mention, filing)
    base = (mention.event_type,)
    return [
        ("words", *base, w, v, m) for w in sketch(mention.evidence) for v in sketch(opening) for m in when
    ]


def copy_times(mention: MentionRow, filing: bool) -> list[object]:
    """The dates under which a mention's copy keys are filed (or looked up): a mention of one day by its
    day (copies of two different days are never one event, so a day looks up its own day only, not
    every report of its month), and as a day inside its month, for mentions dated only to a month or
    a week; a longer window by its months; no date, or a window over MAX_MONTHS, as "undated"."""
    span = window(mention)
    if span is not None and span[0] == span[1]:
        day = span[0]
        if filing:
            return ["any", ("day", day), ("day in", day.year, day.month)]
        return [("day", day), (day.year, day.month), "undated"]
    months = indexed_months(mention)
    if filing:
        return ["any", *(months if months is not None else ["undated"])]
    if months is None:
        return ["any"]
    return [*months, *(("day in", year, month) for year, month in months), "undated"]


def indexed_months(mention: MentionRow) -> list[tuple[int, int]] | None:
    """The months of a mention's date window (None: undated, or a window of more than MAX_MONTHS)."""
    span = window(mention)
    if span is None:
        return None
    months = months_of(span)
    return months if len(months) <= MAX_MONTHS else None


def months_of(span: tuple[dt.date, dt.date]) -> list[tuple[int, int]]:
    """(year, month) of every month a date window touches."""
    out, (year, month) = [], (span[0].year, span[0].month)
    while (year, month) <= (span[1].year, span[1].month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@lru_cache(maxsize=65536)
def sketch(text: str) -> tuple[str, ...]:
    """The MINHASH_K content words of a sentence with the lowest stable hash (a min-hash sketch: two
    near-identical sentences share most of them)."""
    import zlib

    return tuple(sorted(words(text), key=lambda w: zlib.crc32(w.encode()))[:MINHASH_K])


def lookup_keys(mention: MentionRow) -> list[IndexKey]:
    """Every key under which an event this mention may join is filed."""
    keys: list[IndexKey] = [("article", mention.article_id), *copy_keys(mention, filing=False)]
    span, who = window(mention), sides(mention)
    if span is None or who is None:
        return keys
    etype = mention.event_type
    day = span[0]
    while day <= span[1]:
        keys.append((etype, who, day.year, day.month, day.day))
        day += dt.timedelta(days=1)
    keys += [(etype, who, year, month, 0) for year, month in months_of(span)]
    keys += [(etype, who, y, 0, 0) for y in range(span[0].year, span[1].year + 1)]
    return keys


Index = dict[IndexKey, list[tuple[Place, MergedEvent]]]


def add_to_index(index: Index, event: MergedEvent, member: MentionRow) -> None:
    """File an event under its member's keys, with the member's place (place_cells.py)."""
    place = filing_cells(member)
    for key in own_keys(member):
        bucket = index.setdefault(key, [])
        if not bucket or bucket[-1][1] is not event or bucket[-1][0] != place:
            bucket.append((place, event))


def candidates(index: Index, mention: MentionRow) -> list[MergedEvent]:
    """Events this mention may join (same article, same sides and overlapping dates, or shared rare
    words; filed at a place that may agree with its place), oldest first."""
    seen: dict[str, MergedEvent] = {}
    lookup = lookup_cells(mention, MAX_KM)
    for key in lookup_keys(mention):
        bucket = index.get(key)
        for event in filed_where(bucket, lookup) if bucket else ():
            if event.mentions:  # an event absorbed into another is empty
                seen.setdefault(event.event_id, event)
    return sorted(seen.values(), key=lambda e: e.mentions[0].order)


def merge_mentions(
    existing: Sequence[MergedEvent], new: Iterable[MentionRow], alone: frozenset[str] = frozenset()
) -> list[MergedEvent]:
    """Attach each new mention (taken in first-reported order) to a known event or start a new one.

    Events passed in keep their ids; a new event takes the id of its first mention. Mentions in
    `alone` (split off by a correction) stay events of their own.
    """
    events = [MergedEvent(e.event_id, list(e.mentions), dict(e.links)) for e in existing]
    index: Index = {}
    for event in events:
        for member in event.mentions:
            add_to_index(index, event, member)
    for mention in sorted(new, key=MentionRow.order_key):
        joined = [
            (e, link) for e in candidates(index, mention) if (link := link_to(e, mention, alone)) is not None
        ]
        if not joined:
            target = MergedEvent(mention.mention_id, [])
            events.append(target)
            target.add(mention)
        else:
            target = joined[0][0]
            target.add(mention, joined[0][1])
            for other, link in joined[
                1:
            ]:  # the mention ties two events: one event, if nothing sets them apart
                if compatible(target, other):
                    absorb(
                        index,
                        target,
                        other,
                        Link(other.event_id, link.rule, mention.mention_id, link.evidence),
                    )
        add_to_index(index, target, mention)
    return [e for e in events if e.mentions]


def compatible(a: MergedEvent, b: MergedEvent) -> bool:
    """No mention of one event conflicts with a mention of the other (copies compared as copies)."""
    compared: set[tuple[MentionRow, MentionRow, bool]] = set()
    for x in a.mentions:
        for y in b.mentions:
            key = (x.content, y.content, x.article_id == y.article_id)
            if key in compared:  # copies compared once
                continue
            compared.add(key)
            if hard_conflict(x, y) is not None or (
                soft_conflict(x, y) is not None and not (x.article_id != y.article_id and same_report(x, y))
            ):
                return False
    return True


def absorb(index: Index, target: MergedEvent, other: MergedEvent, link: Link) -> None:
    """Move every mention of `other` into `target` (its first joined by `link`) and leave `other` empty."""
    for i, m in enumerate(other.mentions):
        target.add(m, link if i == 0 else other.links.get(m.mention_id))
        add_to_index(index, target, m)
    other.mentions, other.links = [], {}


def recluster(events: Sequence[MergedEvent], alone: frozenset[str] = frozenset()) -> list[MergedEvent]:
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
    return merge_mentions(survivors, loose, alone)


def best_mention(event: MergedEvent) -> MentionRow:
    """The mention whose coding the event takes: a body sentence before the headline, most confident,
    then most precise, then first."""
    return min(
        event.mentions,
        key=lambda m: (
            m.in_headline,
            -m.confidence,
            m.time_precision or 9,
            m.geo_precision or 9,
            m.order_key(),
        ),
    )
