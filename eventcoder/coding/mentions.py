"""The event_mentions record of a merged occurrence.

Date (own phrase, else an event it is anchored to, else the narrative context, else the
publication date when the text says it just happened), place (its own phrase, else `event_places`),
actors and fatalities of the merged event; crosswalk to ACLED/CAMEO/PLOVER; evidence and confidence.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter

from spacy.tokens import Span

from eventcoder.coding.actor_words import irregular_weapon, perpetrator_kind
from eventcoder.coding.actors import Actor, is_unidentified
from eventcoder.coding.candidates import VIOLENT, ArticleContext, Candidate, CoderResources, stated_dead
from eventcoder.coding.claims import CLAIM_REACH, claim_subjects
from eventcoder.coding.crosswalk import crosswalk
from eventcoder.coding.cues import Cues
from eventcoder.coding.dates import (
    DAY,
    EventDate,
    day_offset,
    find_day_offset,
    is_recent_cue,
    resolve_date,
    year_of,
)
from eventcoder.coding.dating import bound_date
from eventcoder.coding.event_places import (
    article_town,
    fallback_place,
    frame_place,
    outside_frame,
    parties_country,
    scene_place,
    sentence_place,
    sentences_before,
    signed_abroad,
    talks_venue,
    village_in_article_unit,
    village_in_unit,
)
from eventcoder.coding.fatalities.figures import clause_fatalities, count_fatalities
from eventcoder.coding.fatalities.summary import note_summary
from eventcoder.coding.generic import killed_by_accident
from eventcoder.coding.grouping import named_armed_group
from eventcoder.coding.occurrences import Cluster, demonstration_told
from eventcoder.coding.participants import (
    ARMED_TYPES,
    ARMY_WEAPON_VARIANTS,
    NON_STATE_ARMED,
    resolve_actor,
)
from eventcoder.coding.places import Place, beat_place
from eventcoder.coding.protests import crowd_sized, protest_actors, protest_variant
from eventcoder.coding.rules import (
    VERBAL,
    bounded_by_preposition,
    date_phrase,
    doc_text,
    is_infinitive,
    lemma,
    month_as_modifier,
    noun_phrase,
    span_ents,
)
from eventcoder.coding.sentcache import sent_text, sent_tokens
from eventcoder.coding.subjects import subject_of
from eventcoder.records import Mention


def context_date(
    cluster: Cluster, clusters: list[Cluster], sentences: list[Span], ctx: ArticleContext, cues: Cues
) -> tuple[EventDate | None, str | None]:
    """A date from the narrative: an event the mention is anchored to, or the sentences before it."""
    first = cluster.first
    for tok in sent_tokens(first.sent):
        if tok.dep_ == "prep" and tok.lower_ in cues.anchoring_prepositions:
            for obj in tok.children:
                if obj.dep_ == "pobj" and lemma(obj) in ctx.date_anchors:
                    return ctx.date_anchors[lemma(obj)], noun_phrase(obj).text
    index = first.sent_index
    for back in (1, 2):
        if index - back < 0:
            break
        sent = sentences[index - back]
        for other in clusters:
            for m in other.members:
                if m.sent_index == index - back and m.date is not None and not bound_date(m, cues):
                    return m.date, m.date_text
        for ent in span_ents(sent):
            if (
                ent.label_ == "DATE"
                and not month_as_modifier(ent, cues)
                and not bounded_by_preposition(ent, sent.root, cues)
            ):
                resolved = resolve_date(date_phrase(ent), ctx.published)
                if resolved is not None:
                    return resolved, ent.text
    paragraph = ctx.paragraph_of.get(first.sent.start)
    for ahead in (1, 2, 3):
        if index + ahead >= len(sentences):
            break
        sent = sentences[index + ahead]
        if ctx.paragraph_of.get(sent.start) != paragraph:
            break
        for ent in span_ents(sent):
            if (
                ent.label_ == "DATE"
                and not month_as_modifier(ent, cues)
                and not bounded_by_preposition(ent, sent.root, cues)
            ):
                resolved = resolve_date(date_phrase(ent), ctx.published)
                if resolved is not None:
                    return year_of(resolved, ctx.published, ent.text), ent.text
    return None, None


def just_happened(cand: Candidate, cues: Cues) -> bool:
    """Present perfect ('has been killed') or a 'today'-like phrase: it just happened."""
    verb = cand.anchor
    if verb.pos_ in VERBAL and verb.tag_ == "VBN" and not is_infinitive(verb):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in cues.just_happened_aux for c in verb.children):
            return True
    return any(ent.label_ in ("DATE", "TIME") and is_recent_cue(ent.text) for ent in span_ents(cand.sent))


def event_date(
    cluster: Cluster, clusters: list[Cluster], sentences: list[Span], ctx: ArticleContext, cues: Cues
) -> tuple[EventDate | None, str | None, str]:
    """Date, the phrase it came from, and its origin (phrase, context, published, none)."""
    dated = cluster.dated()
    if dated is not None:
        return dated.date, dated.date_text, "phrase"
    offset = told_after(cluster, clusters)
    if offset is not None:
        return offset[0], offset[1], "context"
    own_texts = [m.date_text for m in cluster.dating() if m.date_text]
    if own_texts:
        lead = None if told_as_long_ago(cluster, cues) else lead_date(clusters, ctx)
        text = own_texts[0]
        return (lead, None, "lead") if lead is not None else (None, text, "none")
    resolved, text = context_date(cluster, clusters, sentences, ctx, cues)
    if resolved is not None:
        return resolved, text, "context"
    if ctx.published and any(just_happened(m, cues) for m in cluster.members):
        day = ctx.published
        return EventDate(day, 1, day, day, "publication date"), None, "published"
    lead = None if told_as_long_ago(cluster, cues) else lead_date(clusters, ctx)
    if lead is not None:
        return lead, None, "lead"
    return None, None, "none"


def told_after(cluster: Cluster, clusters: list[Cluster]) -> tuple[EventDate, str] | None:
    """'A day earlier', 'two days later', 'the next day': that many days from the day of the event told
    just before (the nearest earlier mention with a day of its own), with the phrase."""
    for m in cluster.members:
        found = (day_offset(m.date_text), m.date_text) if m.date_text else find_day_offset(sent_text(m.sent))
        if found is not None and found[0] is not None:
            offset, text = found
            break
    else:
        return None
    start = cluster.first.trigger.start
    days = [
        (c.first.trigger.start, d.date)
        for c in clusters
        if c.first.trigger.start < start and (d := c.dated()) is not None and d.date.precision == DAY
    ]
    if not days:
        return None
    day = max(days, key=lambda x: x[0])[1].date + dt.timedelta(days=offset)
    return EventDate(day, DAY, day, day, text), text


def told_as_long_ago(cluster: Cluster, cues: Cues) -> bool:
    """'Rebels once ambushed a convoy': a past the report does not date, never the lead event's day."""
    return any(
        c.dep_ == "advmod" and c.lower_ in cues.undated_past_adverbs
        for m in cluster.members
        for c in m.anchor.children
    )


LEAD_DAYS = 7  # a lead event this many days before publication is still the news the report is about


def lead_date(clusters: list[Cluster], ctx: ArticleContext) -> EventDate | None:
    """The date of a report's lead event (the first, in reading order, with a day of its own within a week
    before publication), else the publication day: what an undated event the report tells is dated by."""
    for cluster in sorted(clusters, key=lambda c: c.first.trigger.start):
        dated = cluster.dated()
        if dated is None or dated.date is None or dated.date.precision != DAY:
            continue
        if ctx.published is None or 0 <= (ctx.published - dated.date.date).days <= LEAD_DAYS:
            return dated.date
    if ctx.published is None:
        return None
    return EventDate(ctx.published, DAY, ctx.published, ctx.published, "publication date")


def scene_start(
    best: Candidate, clusters: list[Cluster], sentences: list[Span], ctx: ArticleContext, scene: set[int]
) -> int:
    """Where the event's evidence starts: at the sentence before it that gave it its date or place (in
    `scene`) when no other event is told in between, else at the event's own sentence."""
    told = {m.sent_index for other in clusters for m in other.members if m.sent is not best.sent}
    start = best.sent.start_char
    for index in sentences_before(best.sent_index, sentences, ctx):
        if index in told:
            break
        if index in scene:
            start = sentences[index].start_char
    return start


def scene_party(
    sent: Span, best: Candidate, place: Place | None, ctx: ArticleContext, res: CoderResources
) -> Actor | None:
    """The armed actor a scene sentence is about, its main verb's subject ("On 2 May, police raided a
    house. A shoot-out broke out ..."): a party to a clash whose own sentence names none."""
    subject = subject_of(sent.root)
    if subject is None:
        return None
    country = place.iso3 if place is not None and place.iso3 else ctx.nationality
    actor = resolve_actor(subject, best, country, ctx, res, role=1)
    return actor if actor is not None and actor.inter in ARMED_TYPES else None


def date_sentence(
    first: Candidate, date_text: str | None, sentences: list[Span], ctx: ArticleContext
) -> set[int]:
    """The sentence just before the event's (in its paragraph) whose date phrase dated it from context."""
    before = sentences_before(first.sent_index, sentences, ctx)
    return next(({i} for i in before if date_text and date_text in sentences[i].text), set())


def first_actor(cluster: Cluster, best: Candidate, attr: str, other: Actor | None = None) -> Actor | None:
    """An actor of the best mention, else of the other mentions (named ones first), never the actor
    `other` already chosen for the event's other side (a mention told the other way round)."""
    value = getattr(best, attr)
    if value is not None and value.inter:
        return value
    named = [
        a
        for m in cluster.members
        if (a := getattr(m, attr)) is not None and a.inter and (other is None or a.name != other.name)
    ]
    if named:
        return named[0]
    any_actor = [
        a
        for m in cluster.members
        if (a := getattr(m, attr)) is not None and (other is None or a.name != other.name)
    ]
    return value or (any_actor[0] if any_actor else None)


def named_for_unnamed(
    actor1: Actor | None, actor2: Actor | None, cluster: Cluster
) -> tuple[Actor | None, Actor | None]:
    """A side of a clash the best mention leaves unnamed ("rebel positions") or gives as the civilians it
    killed ("55 people were killed in clashes between two armed groups": no side of a clash) is the
    armed group another mention of it names ("fought M23 rebels"), when that group is not the other
    side."""
    named = [a for m in cluster.members for a in (m.actor1, m.actor2) if named_armed_group(a)]
    for a in named:
        if actor1 is not None and unnamed_side(actor1) and a != actor2:
            actor1 = a
        elif actor2 is not None and unnamed_side(actor2) and a != actor1:
            actor2 = a
    return actor1, actor2


def unnamed_side(actor: Actor) -> bool:
    """An unidentified armed group, or civilians (ACLED's type 7), as a side of a clash."""
    return is_unidentified(actor) or actor.inter == 7


def named_doer(cluster: Cluster, other: Actor | None) -> Actor | None:
    """The named armed group (not a state's forces) another mention of the event tells as its doer."""
    named = (m.actor1 for m in cluster.members if m.actor1 is not None and m.actor1 != other)
    return next((a for a in named if named_armed_group(a)), None)


def confidence(cluster: Cluster, best: Candidate, date_origin: str, place: Place | None) -> float:
    """Confidence in [0, 1] from how the event was found (the codebook documents the terms)."""
    score = 0.5 if best.nominal else 0.6
    score += 0.1 if best.eventive or not best.nominal else 0.0
    score -= 0.15 if best.role == "support" else 0.0
    score += 0.1 if date_origin == "phrase" else 0.0
    score += 0.05 if place is not None and (place.geo_precision or 4) < 4 else 0.0
    score += 0.05 if best.actor1 is not None and best.actor1.inter else 0.0
    score += 0.05 if len(cluster.members) > 1 else 0.0
    return round(min(max(score, 0.05), 0.95), 2)


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two actor types, lower first; one type times ten when alone."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def to_mention(
    cluster: Cluster,
    clusters: list[Cluster],
    sentences: list[Span],
    ctx: ArticleContext,
    res: CoderResources,
    narrative: list[Cluster] | None = None,
) -> Mention:
    """The event_mentions record of a merged occurrence; narrative (default: clusters) is what dates it,
    the real occurrences and the summaries of events told one by one, in reading order."""
    best = cluster.best()
    violation = cluster.first.sub_event_type == "violated" and best.family == "violent"  # its act told after
    absorbed = (  # "protesters marched in A, and police detained 40 protesters": the protest's arrests
        cluster.first.family == "protest"
        and best.event_type == "arrest"
        and best.sent_index == cluster.first.sent_index
    )
    kind = cluster.first if violation or absorbed else best
    etype, sub, variant = kind.event_type, kind.sub_event_type, kind.variant
    crowd_riot = etype in VIOLENT and crowd_sized(ctx, res.cues)
    if crowd_riot:
        etype, sub = "protest", "protest"
    if etype == "protest":
        variant = protest_variant(cluster, sentences, res)
    if crowd_riot and variant != "excessive_force":
        told = variant == "violent_demonstration" and demonstration_told(best.sent, res.cues)
        variant = variant if told else "mob_violence"  # a crowd's violence with no demonstration told
    row = crosswalk(etype, sub, variant)
    date, date_text, date_origin = event_date(cluster, narrative or clusters, sentences, ctx, res.cues)
    # never the side the best mention tells acted on ("Two soldiers killed in X clash" read as their doing)
    actor1 = first_actor(cluster, best, "actor1", other=best.actor2 if etype in VIOLENT else None)
    # a violent event's sides are two actors; talks may be told of one government's two parts
    actor2 = first_actor(cluster, best, "actor2", other=actor1 if etype in VIOLENT else None)
    if etype == "clash":
        actor1, actor2 = named_for_unnamed(actor1, actor2, cluster)
    elif etype in VIOLENT and actor1 is not None and is_unidentified(actor1):
        actor1 = named_doer(cluster, actor2) or actor1  # "Gunmen killed five. The attack, claimed by X, ..."
    if sub == "violated" and actor1 is None:  # "the regime violated it by attacking X": the violator
        actor1 = first_subject(best, cluster)
    if etype in ("dialogue", "agreement", "ceasefire") and (actor1 is None or actor2 is None):
        actor1, actor2 = salient_parties(actor1, actor2, clusters)
    if etype == "protest":
        actor1, actor2 = protest_actors(actor1, actor2, row.acled_event_type == "Riots", ctx, cluster, res)
    elif etype in VIOLENT and actor1 is None:
        country = (cluster.placed().place.iso3 if cluster.placed() else None) or ctx.main_country
        actor1 = first_subject(best, cluster)
        doer = res.actors.armed(actor1)
        if etype == "attack" and doer is not None and actor2 is not None and doer.name == actor2.name:
            actor1 = None  # a subject found in passing, not the side attacked ("bomb wounds rangers")
        if actor1 is None:
            text = " ".join(sent_text(m.sent) for m in cluster.members)
            weapon = [t.text for t in best.trigger]
            army_weapons = variant in ARMY_WEAPON_VARIANTS and not irregular_weapon(weapon)
            actor1 = res.actors.generic(perpetrator_kind(text, army_weapons), country)
    if etype in VIOLENT and (actor1 is None or res.actors.is_unidentified(actor1)):
        # "... killing 12 soldiers. X claimed responsibility.": the group the claim names
        actor1 = claimed_after(cluster, best, clusters, sentences, ctx, res) or actor1
    actor1 = res.actors.armed(actor1) if etype in VIOLENT else actor1  # a government fights by its forces
    if etype == "clash" and actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        if actor1.inter == 1:  # "Two soldiers, three militants killed in X gunfight": no force fights itself
            actor2 = named_doer(cluster, actor1) or res.actors.generic("unidentified", actor1.country)
    paired = etype == "clash" and any(m.paired_sides for m in cluster.members)
    if paired and actor1 is not None and (actor2 is None or actor2.inter == 7):
        actor2 = actor1  # "clashes between two armed groups killed nine": both sides alike, the dead none
    if etype == "arrest" and actor1 is None:  # "four people were arrested": by the police, as ACLED codes
        located = cluster.placed()
        actor1 = res.actors.generic("police", (located.place.iso3 if located else None) or ctx.main_country)
    if etype in VIOLENT and actor1 is not None and res.actors.is_unidentified(actor1):
        text = " ".join(sent_text(m.sent) for m in cluster.members)
        if perpetrator_kind(text) == "gang":  # 'armed men ... in a drive-by': a gang's
            alike = actor2 == actor1  # "a shoot-out between rival gangs": both sides
            actor1 = res.actors.generic("gang", actor1.country)
            actor2 = actor1 if alike else actor2
    placed = cluster.placed()
    place = placed.place if placed else None
    framed = placed is not None and placed.split_group is None  # one place of a list is not framed by another
    frame = frame_place(placed, ctx, res.cues) if framed and place is not None and place.latitude else None
    if frame is not None and place is not None and outside_frame(place, frame, placed, res.cues):
        place = frame  # the trigger's place lies outside the sentence's opening place: a namesake elsewhere
    if place is not None:
        place = village_in_unit(place, cluster)
    listed = placed is not None and placed.split_group is not None and place is not None
    if place is None or place.latitude is None:  # none or unresolved: a place the sentence names, else
        # (an unresolved town of a list struck, "A and B were shelled", only in its own sentence)
        place = sentence_place([placed] if listed else cluster.members, ctx) or place
    if listed and place.latitude is None and place.location and etype in VIOLENT:
        place = village_in_article_unit(place, cluster, clusters) or place  # "A, B and C" in one district
    scene: set[int] = (
        date_sentence(cluster.first, date_text, sentences, ctx) if date_origin == "context" else set()
    )
    if place is None:  # nothing in its own sentences: the scene the sentences before it set
        found = scene_place(cluster, clusters, sentences, ctx)
        if found is not None:
            place, index = found
            scene.add(index)
    if place is None and etype in ("dialogue", "agreement"):  # the venue the article gives its talks
        place = talks_venue(clusters)
    place = place or fallback_place(cluster, (actor1, actor2), ctx, res, clusters)
    if place is not None and place.geo_precision == 4 and etype not in ("dialogue", "agreement", "ceasefire"):
        place = article_town(cluster, clusters, place.iso3) or place  # a story of one town: there
    if place is not None and ctx.areas and etype not in ("dialogue", "agreement"):  # talks have a venue
        place = beat_place(place, ctx.areas) or place  # an unknown village or none: on the outlet's beat
    place_text = placed.place_text if placed else None
    if place is not None and etype == "ceasefire" and signed_abroad(place, (actor1, actor2)):
        place, place_text = parties_country(actor1, actor2), None  # signed abroad: the truce lies at home
    unnamed = actor1 is None or res.actors.is_unidentified(actor1)
    if etype == "clash" and scene and actor2 is None and unnamed:  # "police raided X. A shoot-out ..."
        party = scene_party(sentences[min(scene)], best, place, ctx, res)
        if party is not None and (actor1 is None or party.name != actor1.name):
            actor1, actor2 = party, actor1
    if etype == "attack" and sub in ("armed_assault", "abduction") and actor2 is None:
        # an assault on armed forces is a clash: an attack's unnamed victims are civilians, as ACLED codes
        actor2 = res.actors.generic("civilians", (place.iso3 if place else None) or ctx.main_country)
    if etype == "release" and actor1 is None:  # "some of those detained were released": by who held them
        actor1 = captors(cluster, clusters, res, place.iso3 if place else ctx.main_country)
    if place is not None and place.iso3:
        actor1, actor2 = localise(actor1, place.iso3, res), localise(actor2, place.iso3, res)
    sentence = best.sent
    start = scene_start(best, clusters, sentences, ctx, scene)
    fatalities = None
    if etype in VIOLENT or etype == "protest" or (etype == "ceasefire" and sub == "violated"):
        fatalities = cluster_fatalities(cluster, clusters, res.cues)
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    return Mention(
        article_id=ctx.article.article_id,
        event_type=etype,
        sub_event_type=sub,
        evidence=doc_text(sentence.doc)[start : sentence.end_char].strip(),
        evidence_start=start,
        evidence_end=sentence.end_char,
        trigger=best.trigger.text,
        confidence=confidence(cluster, best, date_origin, place),
        acled_event_type=row.acled_event_type,
        acled_sub_event_type=row.acled_sub_event_type,
        cameo_code=row.cameo_code,
        plover_type=row.plover_type,
        event_date=date.date if date else None,
        time_precision=date.precision if date else None,
        date_text=date_text,
        date_origin=date_origin,
        date_start=date.start if date else None,
        date_end=date.end if date else None,
        actor1=actor1.name if actor1 else None,
        assoc_actor_1="; ".join(best.assoc1) or None,
        inter1=inter1 or None,
        actor2=actor2.name if actor2 else None,
        assoc_actor_2="; ".join(best.assoc2) if actor2 and actor2.inter == 7 and best.assoc2 else None,
        inter2=inter2 or None,
        interaction=interaction_code(inter1, inter2),
        country=place.country if place else None,
        iso3=place.iso3 if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=place.location if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        place_text=place_text,
        fatalities=fatalities,
        part=best.split_key if best.split_group is not None else None,
    )


def captors(cluster: Cluster, clusters: list[Cluster], res: CoderResources, iso3: str | None) -> Actor | None:
    """Who held the people a release frees: the side of the article's arrest or abduction told before it
    (else after it), the police for an arrest that names no arrester, as ACLED codes both."""
    holding = [c for c in clusters if c is not cluster and any(captive_taking(m) for m in c.members)]
    earlier = [c for c in holding if c.first.sent_index < cluster.first.sent_index]
    for other in reversed(earlier) if earlier else holding:
        actor = first_actor(other, other.best(), "actor1")
        if actor is not None:
            return actor
        if any(m.event_type == "arrest" for m in other.members):
            return res.actors.generic("police", iso3)
    return None


def claimed_after(
    cluster: Cluster,
    best: Candidate,
    clusters: list[Cluster],
    sentences: list[Span],
    ctx: ArticleContext,
    res: CoderResources,
) -> Actor | None:
    """The named armed group of a claim of responsibility told in a sentence of its own ("The X group
    claimed responsibility."), when the event (its best mention `best`) is the violent one told just
    before it."""
    last = max(m.sent_index for m in cluster.members)
    country = best.place.iso3 if best.place is not None and best.place.iso3 else ctx.main_country
    for subject in claim_subjects(best.sent.doc, res.cues):
        index = bisect_right([s.start for s in sentences], subject.i) - 1  # the claim's sentence
        if not 0 < index - last <= CLAIM_REACH:
            continue
        between = range(last + 1, index + 1)
        if any(m.sent_index in between for c in clusters if c.first.event_type in VIOLENT for m in c.members):
            continue  # another violent event told in between: the claim is of that one, or unclear
        actor = resolve_actor(subject, best, country, ctx, res, role=1)
        if actor is not None and actor.inter in NON_STATE_ARMED and not is_unidentified(actor):
            return actor
    return None


def captive_taking(cand: Candidate) -> bool:
    """An arrest or an abduction: people taken and held."""
    return cand.event_type == "arrest" or cand.sub_event_type == "abduction"


def first_subject(best: Candidate, cluster: Cluster) -> Actor | None:
    """The actor the parse found before the trigger of the event's best mention, else of its others."""
    return next((m.subject_actor for m in (best, *cluster.members) if m.subject_actor is not None), None)


def localise(actor: Actor | None, iso3: str, res: CoderResources) -> Actor | None:
    """A generic actor named without its country ('Military Forces') gets the event's country, as does
    one of the kinds ACLED names by where the event happened ('Civilians (X)')."""
    if actor is None or actor.inter == 0:
        return actor
    if actor.country is not None:
        return res.actors.where_it_happened(actor, iso3)
    return res.actors.resolve(actor.name, iso3) or actor


def cluster_fatalities(cluster: Cluster, clusters: list[Cluster], cues: Cues) -> int | None:
    """The dead of the event: of its sentences; of its own clause when another of the real events
    (`clusters`) is told in another clause of its one sentence; for one place of a sentence naming
    several, only the number that belongs to that place ('four in A'), never the whole sentence's
    figure. A note's own summary of its dead ('2 fatalities.', 'Unknown fatalities coded as 10') wins
    over all."""
    summary = note_summary(doc_text(cluster.first.sent.doc))
    if summary is not None:
        return summary
    own = own_clause_dead(cluster, clusters)
    if own is not None:
        return own
    whole = [m for m in cluster.members if m.split_group is None]
    if len(whole) < len(cluster.members):
        own = next((m.split_figure for m in cluster.members if m.split_figure is not None), None)
        if own is None and count_fatalities(" ".join(sent_text(m.sent) for m in cluster.members)) == 0:
            return 0  # "attacks in A and B without any casualties": none at either
        if own is not None or not any(stated_dead(sent_text(m.sent)) for m in whole if not m.headline):
            return own
        return count_fatalities(" ".join(sent_text(m.sent) for m in whole if not m.headline))
    starts = {m.trigger.start for m in cluster.members}
    return count_fatalities(" ".join(own_text(s, starts, cues) for s in fatality_sentences(cluster)))


def own_text(sent: Span, starts: set[int], cues: Cues) -> str:
    """The sentence without a relative clause on a stretch of time that tells none of the event's own
    triggers ("a ranger died ..., following a weekend in which a spate of attacks killed six": the six
    are the weekend's; "since April, when militants killed 25" keeps its 25 for that April event), nor an
    accident's or disaster's dead ("a week after a stampede killed nine")."""
    aside = [
        inside
        for tok in sent_tokens(sent)
        if (
            (
                tok.dep_ == "relcl"
                and (tok.head.ent_type_ in ("DATE", "TIME") or lemma(tok.head) in cues.time_span_nouns)
            )
            or (tok.pos_ in VERBAL and killed_by_accident(tok, cues))  # "a week after a stampede killed nine"
        )
        and not any(start in (inside := range(tok.left_edge.i, tok.right_edge.i + 1)) for start in starts)
    ]
    if not aside:
        return sent_text(sent)
    return "".join(t.text_with_ws for t in sent_tokens(sent) if not any(t.i in r for r in aside))


def own_clause_dead(cluster: Cluster, clusters: list[Cluster]) -> int | None:
    """The dead of the event's own clause when it is told in one sentence with another event in
    another clause ("One soldier died in an attack on Sunday, while on Friday militants killed five"),
    else None."""
    body = [m for m in cluster.members if not m.headline]  # a headline's "kill 11" is no other sentence
    sents = {m.sent_index for m in body}
    if len(sents) != 1:
        return None
    sent = body[0].sent
    others = [m for c in clusters if c is not cluster for m in c.members if m.sent_index in sents]
    for other in others:
        dead = clause_fatalities(
            sent_text(sent), body[0].trigger.start_char - sent.start_char,
            other.trigger.start_char - sent.start_char,
        )  # fmt: skip
        if dead is not None:
            return dead
    return None


def fatality_sentences(cluster: Cluster) -> list[Span]:
    """The sentences whose dead the event counts: its mentions' sentences, without the headline's
    (often a rounder figure) when the body states a number of dead."""
    sents = {m.sent_index: m for m in cluster.members}
    body = [m.sent for i, m in sorted(sents.items()) if not m.headline]
    if any(stated_dead(sent_text(s)) for s in body):
        return body
    return [m.sent for _, m in sorted(sents.items())]


def salient_parties(
    actor1: Actor | None, actor2: Actor | None, clusters: list[Cluster]
) -> tuple[Actor | None, Actor | None]:
    """Fill the missing party of talks or a truce with the sides the article's other events involve most."""
    counts: Counter[str] = Counter()
    by_name: dict[str, Actor] = {}
    for cluster in clusters:
        for member in cluster.members:
            for actor in (member.actor1, member.actor2):
                if actor is not None and actor.inter in (1, 2, 3, 4, 8):
                    counts[actor.name] += 1
                    by_name[actor.name] = actor
    taken = {a.name for a in (actor1, actor2) if a}
    states = {a.country for a in (actor1, actor2) if a and a.inter == 1}  # no party to talks with itself
    ranked = [
        by_name[name]
        for name, _ in counts.most_common()
        if name not in taken and not (by_name[name].inter == 1 and by_name[name].country in states)
    ]
    ranked.sort(key=is_unidentified)  # a named side before "two armed groups" told unnamed
    if actor1 is None and ranked:
        actor1 = ranked.pop(0)
    if actor2 is None and ranked:
        actor2 = ranked.pop(0)
    return actor1, actor2
