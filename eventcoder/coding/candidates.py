"""What coding one article works with: its resources, its context and its candidates.

A candidate is a trigger that reports a real occurrence, with the date, place and participants
that attach to it (see triggers.py and attach.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from eventcoder.coding.actors import DASHES, Actor, ActorDictionary
from eventcoder.coding.cues import Cues
from eventcoder.coding.dates import EventDate, resolve_date
from eventcoder.coding.fatalities.figures import killed_figures
from eventcoder.coding.forces import named_forces, named_groups
from eventcoder.coding.places import Place, country_focus, country_for_name, focus_mentions
from eventcoder.coding.places.focus import filed_countries, outlet_areas, outlet_countries, place_shares
from eventcoder.coding.rules import VERBAL, date_phrase, doc_ents, doc_text, lemma
from eventcoder.coding.sentcache import sent_text
from eventcoder.ingest.published import dateline_end, dateline_places, is_caption
from eventcoder.records import Article

VIOLENT = {"attack", "clash"}
NOUNS = ("NOUN", "PROPN")
FOCUS_MENTIONS = 3  # mentions of a country's nationals that make it the article's focus without a place
FRONT_LINES = 3  # lines a dateline may follow: a headline the title did not match, an outlet, a standfirst
FRONT_LINE_CHARS = 400  # ... each at most this long


@dataclass
class ArticleContext:
    """What the coder knows about the whole article while coding one sentence."""

    article: Article
    countries: list[str]
    paragraph_of: dict[int, int]
    date_anchors: dict[str, EventDate]
    headline_end: int
    captions: tuple[tuple[int, int], ...] = ()  # character spans of photo captions: they restate the lead
    dateline: tuple[int, int] = (0, 0)  # character span of the lede's dateline: where the story was filed
    place_countries: frozenset[str] = frozenset()  # where its place names mostly lie, and its outlet's home
    weighted_countries: list[str] = field(default_factory=list)  # places over nationalities
    focus_weight: float = 0.0
    actor_country: str | None = None
    mentions: int = 0
    last_armed_actor: Actor | None = None
    areas: tuple[tuple[str, str], ...] = ()  # (ISO3, ADM1) its outlet reports from: namesakes there first
    forces: frozenset[str] = frozenset()  # countries whose forces it names by nationality ("Israeli troops")
    groups: frozenset[str] = frozenset()  # the non-state armed groups it names

    @property
    def published(self) -> dt.date | None:
        """Publication date."""
        return self.article.published_at

    @property
    def main_country(self) -> str | None:
        """The country the article mentions most."""
        return self.countries[0] if self.countries else None

    @property
    def nationality(self) -> str | None:
        """The country whose places or nationals the article names most: the default country of
        its generic actors ("the delegation", "soldiers")."""
        return self.actor_country or self.main_country

    @property
    def focus_country(self) -> str | None:
        """The main country when the text places events there, not only names its nationals once (a
        place mention, or several mentions of its actors, or all the places it names lie there), else, when
        it names no country at all, the country of the places it names: an event with no place of its
        own goes there."""
        if not self.weighted_countries:  # no country named: the one its place names lie in
            return self.main_country
        top = self.weighted_countries[0]
        agreed = self.countries == [top] and top in self.place_countries  # a place it names or its outlet
        return top if self.focus_weight >= 1.0 or self.mentions >= FOCUS_MENTIONS or agreed else None

    @property
    def focus_first(self) -> tuple[str, ...]:
        """The article's countries with its focus country first: where a name the gazetteer lacks lies."""
        focus = self.focus_country
        return (focus, *(c for c in self.countries if c != focus)) if focus else tuple(self.countries)


@dataclass
class Candidate:
    """One trigger that reports a real occurrence, with what attaches to it."""

    sent: Span
    sent_index: int
    trigger: Span
    head: Token
    anchor: Token
    event_type: str
    sub_event_type: str
    variant: str
    role: str
    eventive: bool = False
    sub_known: bool = True
    date: EventDate | None = None
    date_text: str | None = None
    date_origin: str = "none"  # "phrase" (resolved), "report" (a statement's day), "clock" (a time),
    # "recent" ("the latest attack": the days before publication) or "none"
    date_specificity: float = 0.0
    place: Place | None = None
    place_text: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    subject_actor: Actor | None = None  # an armed subject before the trigger, when the parse gave no agent
    doer_told_again: bool = False  # actor 1 named by a definite unnamed noun: "the attackers" just told
    paired_sides: bool = False  # the doer names both sides alike: "clashes between two armed groups"
    unnamed_party: str | None = None  # talks "with the elders": a party the dictionary does not name
    assoc1: list[str] = field(default_factory=list)
    assoc2: list[str] = field(default_factory=list)  # "CNL members" attacked: civilians, the party here
    headline: bool = False
    new_marker: bool = False
    same_day: bool = False  # the sentence opens "On the same day": another occurrence where placed
    definite: bool = False
    territory: bool = False
    shadow: bool = False
    summary: bool = False  # a dated set of events ("a string of attacks on Wednesday")
    wide: bool = False  # told of a whole country ("killed across X"): a summary of the places it then tells
    split_group: tuple[int, int] | None = None
    split_key: str | None = None
    split_figure: int | None = None
    responds: bool = False  # an air strike or shelling on "the attackers": the response, another event
    answers: bool = False  # "soldiers responded with live ammunition": the event just told, answered
    again: bool = False  # a vague word that tells an event again ("the strike"): never one of its own

    @property
    def nominal(self) -> bool:
        """The trigger is a noun ("the attack"), not a verb ("attacked")."""
        return self.head.pos_ not in VERBAL

    @property
    def family(self) -> str:
        """Merge family: violent events merge with each other, the rest by type."""
        return "violent" if self.event_type in VIOLENT else self.event_type

    @cached_property
    def specific(self) -> bool:
        """Carries something of its own: a date, a place, a named side, casualties or an eventive verb."""
        return bool(
            self.eventive
            or self.date_text
            or self.place_text
            or (self.actor1 and self.actor1.inter != 0)
            or stated_dead(sent_text(self.sent))
        )

    @cached_property
    def own_details(self) -> bool:
        """Says something about the occurrence itself: an eventive verb, a date, a place or the dead."""
        return bool(self.eventive or self.date_text or self.place_text or stated_dead(sent_text(self.sent)))

    @property
    def reference(self) -> bool:
        """A definite mention with nothing new: it points at an event told elsewhere."""
        if not self.sub_known or self.again:
            return True
        return self.nominal and not self.specific and not self.acts_anew

    @property
    def acts_anew(self) -> bool:
        """An indefinite noun trigger that acts ("an air strike neutralised the attackers"): a new event."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in self.head.children)
        return self.head.dep_ == "nsubj" and indefinite

    def informativeness(self) -> float:
        """How much this mention says about its event (the best one is the evidence)."""
        score = self.date_specificity
        score -= min(score, 0.5) if self.date_origin == "report" else 0.0  # the day it was said, not done
        score += 1.0 if self.place_text else 0.0
        precision = (self.place.geo_precision or 4) if self.place is not None else 4
        score += 1.0 if precision < 3 else 0.5 if precision == 3 else 0.0  # resolved, to a town or a region
        score += sum(0.5 + (0.5 if a.inter else 0.0) for a in (self.actor1, self.actor2) if a)
        score += 1.0 if stated_dead(sent_text(self.sent)) else 0.0
        score -= 1.0 if self.headline else 0.0
        score -= 1.0 if self.variant == "intervention" else 0.0  # told by the force used on the crowd
        score -= 2.0 if self.reference else 0.0
        return score


@dataclass(frozen=True)
class CoderResources:
    """Dictionaries the coder reads (loaded once per process)."""

    actors: ActorDictionary
    cues: Cues


def article_context(doc: Doc, article: Article, res: CoderResources) -> ArticleContext:
    """The article's country focus (from the places it names, for place resolution), the countries
    it names weighted as places over nationalities (for events with no place of their own),
    paragraphs, dated event nouns and where the headline ends."""
    weights: Counter[str] = Counter()
    named: Counter[str] = Counter()
    linked = set()  # "the US dollar", "Saudi-led": a country as an attribute says nothing of where
    for ent in doc_ents(doc):
        found = country_mention(ent, res.cues, res.actors)
        if found is not None:
            weights[found[0]] += found[1]
            if found[1] == 0.0:  # no nationality for the article's soldiers and police either
                linked.add(ent.start)
            else:
                named[found[0]] += 1
    headline_end = 0
    if article.title and doc_text(doc).startswith(article.title):
        headline_end = len(article.title)
    elif article.title:
        headline_end = restated_title_end(doc_text(doc), article.title)
    dateline = lede_dateline(doc_text(doc), headline_end)
    filed = filed_countries(dateline_places(doc_text(doc)[dateline[0] : dateline[1]]))  # where it was filed
    in_dateline = {e.start for e in doc_ents(doc) if dateline[0] <= e.start_char < dateline[1]}
    ents = focus_mentions(e for e in doc_ents(doc) if e.start not in linked and e.start not in in_dateline)
    paragraph_of: dict[int, int] = {}
    paragraph = 0
    for sent in doc.sents:
        paragraph_of[sent.start] = paragraph
        if "\n\n" in sent[-1].text_with_ws or (
            sent.end < len(doc) and "\n\n" in doc[sent.end - 1].text_with_ws
        ):
            paragraph += 1
        elif sent.end < len(doc) and doc[sent.end].is_space and "\n\n" in doc[sent.end].text:
            paragraph += 1
    if dateline[1] > dateline[0]:  # lines between headline and dateline (outlet, standfirst) restate it
        headline_end = max(headline_end, dateline[0])
    return ArticleContext(
        article=article,
        countries=country_focus(ents, article.source, filed),
        place_countries=placed_in(ents) | frozenset(outlet_countries(article.source)) | frozenset(filed),
        areas=outlet_areas(article.source),
        weighted_countries=[c for c, w in weights.most_common() if w > 0],
        actor_country=named.most_common(1)[0][0] if named else None,
        focus_weight=weights.most_common(1)[0][1] if weights else 0.0,
        mentions=named[weights.most_common(1)[0][0]] if weights else 0,
        paragraph_of=paragraph_of,
        date_anchors=dated_nouns(doc, article.published_at),
        headline_end=headline_end,
        captions=caption_spans(doc_text(doc)),
        dateline=dateline,
        forces=named_forces(doc, res.cues),
        groups=named_groups(doc, res.actors),
    )


def placed_in(mentions: list[tuple[str, str]]) -> frozenset[str]:
    """The countries where the article's place names (not country names or nationalities) mostly lie."""
    names = {t for t, label in mentions if label != "NORP" and country_for_name(t) is None}
    return frozenset(iso3 for t in names for iso3, share in place_shares(t).items() if share >= 0.5)


def lede_dateline(text: str, headline_end: int) -> tuple[int, int]:
    """The character span of the dateline opening the body ("KYIV, March 3 (Reuters) -"), at the body's
    start or after up to FRONT_LINES short lines under the headline (an outlet's name, a standfirst);
    an empty span at the body's start if none."""
    first = pos = headline_end + len(text[headline_end:]) - len(text[headline_end:].lstrip())
    for _ in range(FRONT_LINES + 1):
        end = dateline_end(text[pos : pos + 200])
        if end:
            return pos, pos + end
        line_end = text.find("\n", pos)
        if line_end < 0 or line_end - pos > FRONT_LINE_CHARS:
            break
        pos = line_end + len(text[line_end:]) - len(text[line_end:].lstrip())
    return first, first


def place_country(ent: Span, cues: Cues, actors: ActorDictionary | None = None) -> str | None:
    """The iso3 of a country an entity names as a place, None for a nationality: "in Mali", "Syria's
    Idlib province" and "on Afghan soil" are places; "French forces", "US-backed", "Turkish jets",
    "an Armenian soldier" and "the US dollar" name whose, not where."""
    found = country_mention(ent, cues, actors)
    return found[0] if found is not None and found[1] >= 1.0 else None


def country_mention(ent: Span, cues: Cues, actors: ActorDictionary | None) -> tuple[str, float] | None:
    """(iso3, weight) of a country mention as evidence of where the article is: 1 for a place, 1/2 for
    a country whose actors act ("Yemen's troops"), 1/4 for a demonym ("Afghan soldiers"), 0 for a
    mere link or attribute ("Saudi-led", "US-backed", "the US dollar")."""
    if ent.label_ not in ("GPE", "NORP", "LOC"):
        return None
    found = country_for_name(ent.text)
    if found is None:
        return None
    doc, root = ent.doc, ent.root
    head, links = root.head, cues.nationality_participles
    if ent.end + 1 < len(doc) and doc[ent.end].text in DASHES and doc[ent.end + 1].lower_ in links:
        return found[1], 0.0
    if root.dep_ == "npadvmod" and head.lower_ in links:
        return found[1], 0.0
    modifies = root.dep_ in ("compound", "amod", "nmod", "poss") and head.i != root.i and head.pos_ in NOUNS
    if modifies and (lemma(head) in cues.demonym_place_heads or head.ent_type_ in ("GPE", "LOC", "FAC")):
        return found[1], 1.0
    if ent.label_ == "NORP":
        return found[1], 0.25
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        return found[1], 0.5  # the state acts or speaks ("Israel responded by shelling"): whose, not where
    if not modifies:
        return found[1], 1.0
    actorish = head.ent_type_ in ("ORG", "NORP") or (
        actors is not None and actors.resolve(head.text) is not None
    )
    return found[1], 0.5 if actorish else 0.0


def restated_title_end(text: str, title: str) -> int:
    """End of a first line that restates the title in other words ('Rebels Kill 2 Peacekeepers' over
    'Rebels kill two peacekeepers'): short, without a closing full stop, sharing most of its words."""
    stripped = text.lstrip()
    line = stripped.split("\n", 1)[0].strip()
    words = line.lower().split()
    if not words or len(words) > 25 or line.endswith("."):
        return 0
    shared = set(words) & set(title.lower().split())
    if len(shared) * 2 < len(words):
        return 0
    return len(text) - len(stripped) + len(line)


def dated_nouns(doc: Doc, published: dt.date | None) -> dict[str, EventDate]:
    """Nouns the text dates ("the August 2021 takeover"), so 'during the takeover' can be dated."""
    anchors: dict[str, EventDate] = {}
    for ent in doc_ents(doc):
        if ent.label_ != "DATE":
            continue
        noun = ent.root.head if ent.root.dep_ in ("compound", "nmod", "npadvmod", "amod") else None
        if ent.root.dep_ == "pobj" and ent.root.head.dep_ == "prep" and ent.root.head.head.pos_ == "NOUN":
            noun = ent.root.head.head
        if noun is None or noun.pos_ != "NOUN":
            continue
        resolved = resolve_date(date_phrase(ent), published)
        if resolved is not None:
            anchors.setdefault(lemma(noun), resolved)
    return anchors


def stated_dead(text: str) -> bool:
    """The text states that at least one person died."""
    return any(f.count > 0 for f in killed_figures(text))


def caption_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the paragraphs that are photo captions."""
    spans, start = [], 0
    for block in text.split("\n\n"):
        if block.strip() and is_caption(block):
            spans.append((start, start + len(block)))
        start += len(block) + 2
    return tuple(spans)


def body_trigger(cand: Candidate, cues: Cues) -> bool:
    """The trigger is a body or corpse ("the body of a man was found"), not an act."""
    return cand.nominal and lemma(cand.head) in cues.remains_nouns
