"""Where an event took place when its trigger's own place phrase does not say: a place its sentences
name, the scene the sentences before it set, the frame its sentence opens with, the venue of the
article's talks, the country of a truce's parties, the country-level fallback (a country the
sentences name as a place, the home of a named armed group, the article's focus), the one town
of an article whose other events all lie there, and the village the gazetteer lacks that another
mention names inside the unit the event was placed in.

Used by mentions.to_mention; a pure part of the coding core.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Span

from eventcoder.coding.actors import Actor
from eventcoder.coding.candidates import ArticleContext, Candidate, CoderResources, place_country
from eventcoder.coding.cues import Cues
from eventcoder.coding.geo import km_between
from eventcoder.coding.occurrences import Cluster
from eventcoder.coding.places import (
    QUARTER_KM,
    Place,
    PlacePhrase,
    after_locative,
    named_place,
    resolve_place,
)
from eventcoder.coding.places.focus import LOCATIVES
from eventcoder.coding.places.words import PARTY_PREPOSITIONS
from eventcoder.coding.rules import (
    PLACE_LABELS,
    doc_text,
    in_subject,
    phrase_text,
    span_ents,
)


def signed_abroad(place: Place, actors: tuple[Actor | None, Actor | None]) -> bool:
    """A truce is placed where it applies: a town or region outside every party's country is where it was
    signed (a country is no venue)."""
    countries = {a.country for a in actors if a is not None and a.country}
    venue = place.geo_precision is not None and place.geo_precision < 4
    return bool(countries) and venue and place.iso3 not in countries


def parties_country(actor1: Actor | None, actor2: Actor | None) -> Place | None:
    """The country-level place of a truce's parties: the first party's country, else the second's."""
    iso3 = next((a.country for a in (actor1, actor2) if a is not None and a.country), None)
    return country_place(iso3) if iso3 else None


def talks_venue(clusters: list[Cluster]) -> Place | None:
    """The place of the article's first placed talks or agreement: "the jirga travelled to Kabul ... the
    delegation met the leadership" holds the second meeting where the first was."""
    for other in clusters:
        placed = other.placed()
        if other.first.event_type in ("dialogue", "agreement") and placed is not None:
            return placed.place
    return None


NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def sentence_place(members: list[Candidate], ctx: ArticleContext) -> Place | None:
    """A place named in the event's sentences though not attached to its trigger ("gunmen attacked X (Y)")."""
    for member in members:  # a place the sentence names, not attached to the trigger
        named = named_in(member.sent, ctx)
        if named is not None:
            return named
    return None


def named_in(sent: Span, ctx: ArticleContext) -> Place | None:
    """The first place below country level a sentence names as a place (or writes with its units)."""
    text = doc_text(sent.doc)
    # a name the parser took for a person or group counts when written with its units: "X (Y, Z)", "X, Y"
    starts = tuple(
        (text[locative_start(e) : sent.end_char], e.label_ not in PLACE_LABELS and not after_locative(e))
        for e in span_ents(sent)
        if e.label_ not in NOT_NAMES
        and not ctx.dateline[0] <= e.start_char < ctx.dateline[1]  # where the story was filed
        and not names_a_party(e)
        and (e.label_ in PLACE_LABELS or after_locative(e) or written_with_units(e, text))
    )
    return named_place(starts, tuple(ctx.countries), ctx.areas)


def written_with_units(ent: Span, text: str) -> bool:
    """A name followed by its units, "X (Y, Z)" or "X, Y", also when the model's span took in the bracket
    ("X (Y, Z" tagged as one organisation), "X, in Y"; "X, a spokesman" is no place."""
    after = text[ent.end_char :]
    units = after[1:].lstrip()
    return (
        after.startswith(" (")
        or " (" in ent.text
        or after[:1] == ","
        and (units[:1].isupper() or units[:3] == "in ")
    )


def names_a_party(ent: Span) -> bool:
    """A place name standing for its government: the object of "with" or "against" ("a truce with
    Islamabad", "talks with Kabul")."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in PARTY_PREPOSITIONS


def sentences_before(index: int, sentences: list[Span], ctx: ArticleContext) -> list[int]:
    """The indices of the (up to) two sentences before sentence `index` in its paragraph, nearest first."""
    paragraph = ctx.paragraph_of.get(sentences[index].start)
    out = []
    for back in (1, 2):
        if index - back < 0 or ctx.paragraph_of.get(sentences[index - back].start) != paragraph:
            break
        out.append(index - back)
    return out


def scene_place(
    cluster: Cluster, clusters: list[Cluster], sentences: list[Span], ctx: ArticleContext
) -> tuple[Place, int] | None:
    """The scene the sentences just before the event set in its paragraph ("On 2 May, in X, police raided
    a house. A shoot-out broke out."), a sentence that tells no event of its own: the place it names and
    its index."""
    told = {m.sent_index for other in clusters if other is not cluster for m in other.members}
    for index in sentences_before(cluster.first.sent_index, sentences, ctx):
        if index in told:  # the sentence before tells an event of its own: not a scene
            break
        place = named_in(sentences[index], ctx)
        if place is not None and (place.geo_precision or 4) < 4:
            return (place, index) if ctx.focus_country in (None, place.iso3) else None
    return None


def locative_start(ent: Span) -> int:
    """Where a name's place phrase starts: at the "in"/"at"/"near" right before it (or before "the": "in the
    X village close to Y"), else at the name."""
    start = (
        ent.start - 1 if ent.start > ent.sent.start and ent.doc[ent.start - 1].lower_ == "the" else ent.start
    )
    before = ent.doc[start - 1] if start > ent.sent.start else None
    return before.idx if before is not None and before.lower_ in LOCATIVES else ent.start_char


def frame_place(cand: Candidate, ctx: ArticleContext, cues: Cues) -> Place | None:
    """The place of a locative that opens the sentence before the trigger ("On 2 May, in Manaus, Amazonas,
    a man was shot in X neighbourhood"): the frame the trigger's own place lies in. Read from the
    preposition's phrase ("in X, workers of the Y protested": X, not X in a unit Y), else, when that names
    nothing known, from the words after the name (the parser may leave the phrase's units out)."""
    sent, text = cand.sent, doc_text(cand.sent.doc)
    for e in span_ents(sent):
        if e.start >= cand.trigger.start:
            break
        before = sent.doc[e.start - 1].lower_ if e.start > sent.start else ""
        if before in ("in", "at") and in_subject(sent.doc[e.start - 1]):
            continue  # "militants based in X attacked ...": where the doers are from, no frame
        if before in ("in", "at") and (e.label_ in PLACE_LABELS or after_locative(e)):
            prep = sent.doc[e.start - 1]
            told = phrase_text(prep, cues) if prep.dep_ == "prep" else ""
            told = told[len(prep.text) :].strip() if told.startswith(prep.text) else told
            rest = text[e.start_char : sent.end_char]  # the parser may leave the phrase's units out
            texts = ((told, False), (rest, False)) if told.startswith(e.text) else ((rest, False),)
            return named_place(texts, tuple(ctx.countries), ctx.areas)
    return None


def outside_frame(place: Place, frame: Place, placed: Candidate, cues: Cues) -> bool:
    """The trigger's place is not inside the sentence's opening place: another country or province, or a
    part of a town ("in Braga neighbourhood") that the gazetteer found far from the opening town; or it
    is only the unit the opening place lies in ("living in X village, in Y county", split by the parser)."""
    if (frame.iso3, frame.admin1) != (place.iso3, place.admin1):
        return True
    if (place.geo_precision or 4) >= 3 and (frame.geo_precision or 4) < place.geo_precision:
        return True
    return (
        frame.geo_precision == 1
        and names_town_part(placed.place_text, cues)
        and km_between(frame.latitude, frame.longitude, place.latitude, place.longitude) > QUARTER_KM
    )


def fallback_place(
    cluster: Cluster,
    actors: tuple[Actor | None, Actor | None],
    ctx: ArticleContext,
    res: CoderResources,
    clusters: list[Cluster],
) -> Place | None:
    """Country-level place where nothing finer is known: for a truce of armed groups, the country where
    the article's other violent events are (where they fight); else a country the event's sentences
    name as a place, else the home of a named armed non-state group (never for talks: they are held at
    a venue), else the article's focus country (never a state's or a civilian's home: "French forces",
    "an Armenian soldier" say whose, not where), else the one country of all its other placed events."""
    armed_groups = not any(a is not None and a.inter == 1 for a in actors)
    truce = (
        conflict_country(cluster, clusters)
        if cluster.first.event_type == "ceasefire" and armed_groups
        else None
    )
    if truce and (place := country_place(truce)) is not None:
        return place
    iso3 = None
    for member in cluster.members:
        iso3 = next(
            filter(None, (place_country(ent, res.cues, res.actors) for ent in span_ents(member.sent))), None
        )
        if iso3:
            break
    talks = cluster.first.event_type in ("dialogue", "agreement")  # held at a venue, not at a party's home
    homes = [a.country for a in actors if a is not None and a.inter in (2, 3, 4) and res.actors.home(a)]
    homes = [] if talks else homes
    iso3 = (
        iso3
        or (homes[0] if homes else None)
        or ctx.focus_country
        or conflict_country(cluster, clusters, None)
    )
    return country_place(iso3) if iso3 else None


def conflict_country(cluster: Cluster, clusters: list[Cluster], family: str | None = "violent") -> str | None:
    """The one country where the article's other violent events (of any family with None) are placed: where
    a truce told with no place of its own applies (not the home country of a group that signed it)."""
    countries = {
        place.iso3
        for other, place in other_places(cluster, clusters)
        if family is None or other.first.family == family
    }
    return next(iter(countries)) if len(countries) == 1 else None


def other_places(cluster: Cluster, clusters: list[Cluster]) -> Iterator[tuple[Cluster, Place]]:
    """The article's other placed events, each with its place."""
    for other in clusters:
        placed = other.placed() if other is not cluster else None
        if placed is not None:
            yield other, placed.place


def country_place(iso3: str) -> Place | None:
    """The country-level place of an ISO3 code (precision 4)."""
    name = country_name(iso3)
    if name is None:
        return None
    place = resolve_place([PlacePhrase(name)], [iso3])
    return place if place.iso3 == iso3 else None


@cache
def country_name(iso3: str | None) -> str | None:
    """Country name of an ISO3 code."""
    if not iso3:
        return None
    place = resolve_place([PlacePhrase(iso3)], [iso3])
    return place.country


def article_town(cluster: Cluster, clusters: list[Cluster], iso3: str | None) -> Place | None:
    """The one town or district every other placed event of the article lies at, in the event's country:
    an event the article tells without a place of its own ("since the clashes of 30 September"), in a
    story of one place, is there ("near" it: precision 2 at best)."""
    places = {}
    for _, found in other_places(cluster, clusters):
        if found.iso3 == iso3 and (found.geo_precision or 4) < 4:
            places[(found.location, found.admin1)] = found
    if len(places) != 1:
        return None
    place = next(iter(places.values()))
    return replace(place, geo_precision=max(place.geo_precision or 2, 2)) if place.latitude else None


def village_in_article_unit(place: Place, cluster: Cluster, clusters: list[Cluster]) -> Place | None:
    """A village of a list the gazetteer lacks ("The attacks on A, B and C", after "Gunmen attacked three
    villages in X district"), when every other placed event of the article in its country lies in one
    district (or one province, where the gazetteer gives no district): the village as written, near
    that event's place (precision 2)."""
    units: dict[tuple[str, str | None], Place] = {}
    for _, found in other_places(cluster, clusters):
        if found.iso3 == place.iso3 and found.admin1 and found.latitude is not None:
            units.setdefault((found.admin1, found.admin2), found)
    if len(units) != 1:
        return None
    unit = next(iter(units.values()))
    return replace(unit, location=place.location, geo_precision=2)


def names_town_part(text: str | None, cues: Cues) -> bool:
    """A place phrase naming a part of a town ("in A neighbourhood", "a suburb of B")."""
    return any(w in cues.town_part_words for w in (text or "").lower().split())


def village_in_unit(place: Place, cluster: Cluster) -> Place:
    """An event placed at a district or province (precision 3) that another of its mentions places in a
    village the gazetteer lacks ("Gunmen killed six in Mandera county ... The attack was carried out in
    the village of Kotile"): the village as written, at the unit's coordinates, precision 2 (as "X in Y
    district" is placed); a province's seat district is not the village's."""
    if place.geo_precision != 3 or not place.location:
        return place
    for member in cluster.members:
        other = member.place
        unplaced = other is not None and other.latitude is None and other.geo_precision is None
        if member.headline or not unplaced or other.iso3 not in (None, place.iso3) or not other.location:
            continue
        if other.location in (place.location, place.admin1, place.admin2, place.country):
            continue
        district = place.admin2 is not None and not place.province_level
        return replace(
            place, location=other.location, geo_precision=2, admin2=place.admin2 if district else None
        )
    return place
