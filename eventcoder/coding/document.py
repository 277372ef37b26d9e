"""Code one parsed article into event mentions, following docs/GUIDELINES.md.

The steps, each a small function:
1. candidates: every trigger in `doc.spans["event_triggers"]` that survives the realis rules
   (not negated, not modal, planned, feared, demanded, conditional; not a trend);
2. attachments: the date phrase, place phrase and participants that the dependency parse
   attaches to the trigger's clause;
3. one event per occurrence: candidates in one sentence of one family become one; then
   candidates across the article that report the same occurrence are merged (a definite
   "the attack" with nothing new is a reference to an earlier one, never a new event);
4. fields: date (own phrase, else an event it is anchored to, else the narrative context,
   else the publication date when the text says it just happened), place, actors and
   fatalities of the merged event; crosswalk to ACLED/CAMEO/PLOVER; evidence and confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from eventcoder.coding.actors import Actor, ActorDictionary
from eventcoder.coding.crosswalk import crosswalk
from eventcoder.coding.dates import EventDate, is_recent_cue, resolve_date
from eventcoder.coding.fatalities.figures import count_fatalities, killed_figures
from eventcoder.coding.nlp import TRIGGER_SPANS
from eventcoder.coding.places.resolve import (
    Place,
    PlacePhrase,
    country_for_name,
    is_known_place,
    parse_place_phrases,
    resolve_place,
)
from eventcoder.records import Article, Mention
from eventcoder.coding.rules import (
    LOCATIVE_PREPOSITIONS,
    PLACE_KIND_WORDS,
    PLACE_LABELS,
    VERBAL,
    Cues,
    anchor_verb,
    attachment_rank,
    bounded_by_preposition,
    clause_chain,
    clause_of,
    conjuncts,
    doc_ents,
    event_head,
    has_negation,
    has_new_event_marker,
    irrealis_reason,
    is_definite,
    is_infinitive,
    is_passive,
    is_trend,
    lemma,
    nonfinite_governors,
    noun_phrase,
    path_up,
    phrase_text,
    span_ents,
)

VIOLENT = {"attack", "clash"}
ARMED_INTER = {1, 2, 3, 4, 8}
EXPLOSION_PRIORITY = [
    "suicide_bomb",
    "car_bomb",
    "roadside_bomb",
    "air_drone_strike",
    "shelling",
    "grenade",
    "ied",
    "chemical",
]
SYMMETRIC_TYPES = frozenset({"clash", "dialogue", "agreement", "ceasefire"})
ARMED_SITES = frozenset(
    {"checkpoint", "post", "outpost", "base", "convoy", "patrol", "barrack", "garrison", "check"}
)
PROTEST_WORDS = frozenset(
    {"protest", "demonstrate", "demonstration", "rally", "march", "strike", "sit", "chant"}
)
MOB_WORDS = frozenset(
    {"mob", "family", "tribe", "clan", "community", "villager", "stick", "axe", "club", "stone", "rod"}
)
ANY_POS = frozenset({"NOUN", "VERB", "PROPN"})
SUB_PRIORITY = {"explosion": 0, "abduction": 1, "armed_clash": 2, "armed_assault": 3}
PLACE_KIND_NOUNS = PLACE_KIND_WORDS


@dataclass
class ArticleContext:
    """What the coder knows about the whole article while coding one sentence."""

    article: Article
    countries: list[str]
    paragraph_of: dict[int, int]
    date_anchors: dict[str, EventDate]
    headline_end: int
    last_armed_actor: Actor | None = None

    @property
    def published(self) -> dt.date | None:
        """Publication date."""
        return self.article.published_at

    @property
    def main_country(self) -> str | None:
        """The country the article mentions most."""
        return self.countries[0] if self.countries else None


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
    date_origin: str = "none"
    date_specificity: float = 0.0
    place: Place | None = None
    place_text: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc1: list[str] = field(default_factory=list)
    headline: bool = False
    new_marker: bool = False
    definite: bool = False
    territory: bool = False
    shadow: bool = False

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
            or stated_dead(self.sent.text)
        )

    @cached_property
    def own_details(self) -> bool:
        """Says something about the occurrence itself: an eventive verb, a date, a place or the dead."""
        return bool(self.eventive or self.date_text or self.place_text or stated_dead(self.sent.text))

    @property
    def reference(self) -> bool:
        """A definite mention with nothing new: it points at an event told elsewhere."""
        if not self.sub_known:
            return True
        return self.nominal and not self.specific

    def informativeness(self) -> float:
        """How much this mention says about its event (the best one is the evidence)."""
        score = self.date_specificity
        score += 1.0 if self.place_text else 0.0
        score += sum(0.5 + (0.5 if a.inter else 0.0) for a in (self.actor1, self.actor2) if a)
        score += 1.0 if stated_dead(self.sent.text) else 0.0
        score -= 1.0 if self.headline else 0.0
        score -= 2.0 if self.reference else 0.0
        return score


@dataclass
class Cluster:
    """Mentions of one occurrence within the article."""

    members: list[Candidate]

    @property
    def first(self) -> Candidate:
        """The earliest mention."""
        return self.members[0]

    def best(self) -> Candidate:
        """The most informative mention (the earliest among equals)."""
        return max(self.members, key=lambda c: (c.informativeness(), -c.trigger.start))

    def dated(self) -> Candidate | None:
        """The mention with the most precise own date."""
        dated = [c for c in self.members if c.date is not None]
        return min(dated, key=lambda c: (c.date.precision, c.trigger.start)) if dated else None

    def placed(self) -> Candidate | None:
        """The mention with the most precise place."""
        placed = [c for c in self.members if c.place is not None and c.place.iso3]
        return (
            min(placed, key=lambda c: (c.place.geo_precision or 9, c.headline, c.trigger.start))
            if placed
            else None
        )


@dataclass(frozen=True)
class CoderResources:
    """Dictionaries the coder reads (loaded once per process)."""

    actors: ActorDictionary
    cues: Cues


# ---------------------------------------------------------------- article context


def article_context(doc: Doc, article: Article, res: CoderResources) -> ArticleContext:
    """Countries mentioned, paragraphs, dated event nouns and where the headline ends."""
    counts: Counter[str] = Counter()
    for ent in doc_ents(doc):
        if ent.label_ in ("GPE", "NORP", "LOC"):
            found = country_for_name(ent.text)
            if found:
                counts[found[1]] += 1
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
    headline_end = 0
    if article.title and doc.text.startswith(article.title):
        headline_end = len(article.title)
    return ArticleContext(
        article=article,
        countries=[c for c, _ in counts.most_common()],
        paragraph_of=paragraph_of,
        date_anchors=dated_nouns(doc, article.published_at),
        headline_end=headline_end,
    )


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


# ---------------------------------------------------------------- candidates


def trigger_candidates(doc: Doc, ctx: ArticleContext, res: CoderResources) -> list[Candidate]:
    """Candidates of every sentence, grouped so that one sentence reports one event per family."""
    by_sentence: dict[int, list[Span]] = {}
    sentences = list(doc.sents)
    starts = {s.start: i for i, s in enumerate(sentences)}
    for span in doc.spans[TRIGGER_SPANS]:
        sent_index = starts[span.sent.start]
        by_sentence.setdefault(sent_index, []).append(span)
    out: list[Candidate] = []
    for sent_index, spans in sorted(by_sentence.items()):
        sent = sentences[sent_index]
        cands = [c for s in spans if (c := make_candidate(s, sent, sent_index, ctx, res)) is not None]
        shadows = [c for c in cands if c.shadow]
        for shadow in shadows:
            attach(shadow, ctx, res)
        modifiers = [s for s in spans if s.label_.endswith("|modifier")]
        out.extend(group_sentence([c for c in cands if not c.shadow], modifiers, sent, ctx, res))
        out.extend(shadows)
    return sorted(out, key=lambda c: c.trigger.start)


def make_candidate(
    span: Span, sent: Span, sent_index: int, ctx: ArticleContext, res: CoderResources
) -> Candidate | None:
    """A candidate for a trigger, or None when the trigger does not report a real occurrence."""
    label, variant, role = span.label_.split("|")
    if role == "modifier":
        return None
    event_type, sub_event_type = label.split(".")
    cues = res.cues
    allowed = cues.pos_by_term.get(span.text.lower()) or cues.pos_by_term.get(lemma(span.root), ANY_POS)
    if len(span) == 1 and span.root.pos_ not in allowed:
        return None
    head = event_head(span)
    anchor = anchor_verb(head) if head.pos_ not in VERBAL else head
    cand = Candidate(
        sent=sent,
        sent_index=sent_index,
        trigger=span,
        head=head,
        anchor=anchor,
        event_type=event_type,
        sub_event_type=sub_event_type,
        variant=variant,
        role=role,
        headline=span.start_char < ctx.headline_end,
        new_marker=has_new_event_marker(head, cues),
        definite=is_definite(head, cues),
    )
    if not type_specific_checks(cand, cues) or is_characterisation(cand, cues):
        return None
    if (is_trend(head, cand.anchor, cues) or generic_plural(cand, cues)) and not has_specific_date(cand):
        return None
    exempt = cand.anchor if cand.eventive else None
    unreal = irrealis_reason(head, cues, exempt=exempt) is not None or is_grievance(cand, cues)
    if not unreal and cand.nominal and head.dep_ in ("nsubj", "nsubjpass") and cand.anchor != head:
        unreal = irrealis_reason(cand.anchor, cues, exempt=cand.anchor) is not None
    if unreal and agreed_truce(cand):
        unreal = False
    if not unreal and is_infinitive(cand.anchor) and lemma(cand.anchor.head) in cues.trend_verbs:
        return None
    if unreal or has_negation(list(path_up(head, stop=cand.anchor)) + nonfinite_governors(cand.anchor), cues):
        if not cand.nominal:
            return None
        cand.shadow = True
    return cand


def agreed_truce(cand: Candidate) -> bool:
    """'agreed to extend the ceasefire': agreeing to a truce is declaring it."""
    if cand.event_type != "ceasefire" or cand.sub_event_type != "declared" or not cand.eventive:
        return False
    verb = cand.anchor
    return is_infinitive(verb) and lemma(verb.head) in ("agree", "decide", "accept")


def is_grievance(cand: Candidate, cues: Cues) -> bool:
    """'protested against the arrest of X': what a protest is about is not an event of the protest."""
    head = cand.head
    if not cand.nominal or cand.event_type == "protest":
        return False
    protest_here = any(
        span.label_.startswith("protest.") and cand.sent.start <= span.start < cand.sent.end
        for span in cand.sent.doc.spans[TRIGGER_SPANS]
    )
    if not protest_here:
        return False
    return any(tok.dep_ == "prep" and tok.lower_ in ("against", "over") for tok in path_up(head, limit=4))


def has_specific_date(cand: Candidate) -> bool:
    """An own date phrase that names a day, month or year (not 'in recent years')."""
    span = own_date_span(cand)
    return span is not None and date_specificity(date_phrase(span)) >= 1.0


def is_characterisation(cand: Candidate, cues: Cues) -> bool:
    """'This is an attack on democracy': a noun predicated of something, or aimed at an abstraction."""
    head = cand.head
    if not cand.nominal:
        return False
    if head.dep_ in ("attr", "acomp") and lemma(head.head) == "be":
        return True
    target = prep_object(head, {"on", "against"})
    return target is not None and lemma(target) in cues.figurative_targets


def generic_plural(cand: Candidate, cues: Cues) -> bool:
    """A plural noun ('attacks') with no place of its own: events in general, not one occurrence."""
    head = cand.head
    if not cand.nominal or head.tag_ not in ("NNS", "NNPS") or head.lower_ in cues.plurale_tantum:
        return False
    return not any(rank < 50 for rank, _ in place_preps(cand))


def governing_verbs(head: Token, anchor: Token) -> list[Token]:
    """Verbs and verbal nouns between a noun trigger and its anchor (e.g. 'calling off of the truce')."""
    return [t for t in path_up(head, stop=anchor) if t != head and (t.pos_ in VERBAL or t.tag_ == "VBG")]


def particles(verb: Token) -> set[str]:
    """Particles and prepositional objects of a verb ('off' in 'call off', 'hold' in 'put on hold')."""
    out = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
    out |= {g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    return out


def type_specific_checks(cand: Candidate, cues: Cues) -> bool:
    """Checks one event type needs (a ceasefire's verb, a release's object...); sets eventive."""
    head, anchor = cand.head, cand.anchor
    verbs = governing_verbs(head, anchor) if cand.nominal else [head]
    etype = cand.event_type
    if etype == "ceasefire":
        return ceasefire_subtype(cand, verbs, cues)
    if etype == "dialogue":
        if not cand.nominal:
            return lemma(head) != "meet" or meets_someone(head)
        cand.eventive = any(lemma(v) in cues.eventive_verbs["talks"] for v in verbs)
        return True
    if etype == "agreement":
        cand.eventive = any(lemma(v) in cues.eventive_verbs["agreement"] for v in verbs)
        return cand.eventive or (
            head.dep_ in ("nsubj", "nsubjpass") and lemma(anchor) in cues.eventive_verbs["agreement"]
        )
    if etype == "release":
        return releases_people(head, cues)
    if etype == "arrest" and lemma(head) == "capture":
        obj = patient_of(head)
        if obj is not None and (lemma(obj) in cues.territory_nouns or obj.ent_type_ in PLACE_LABELS):
            return False
    if etype == "protest" and lemma(head) in ("demonstrate", "rally"):
        return not is_passive(head) and not any(c.dep_ in ("ccomp", "dobj") for c in head.children)
    if etype in VIOLENT and not cand.nominal:
        target = patient_of(head)
        if target is not None and lemma(target) in cues.interception_objects:
            return False
    if etype in VIOLENT or etype == "protest" or etype == "arrest":
        cand.eventive = not cand.nominal or any(lemma(v) in cues.eventive_verbs["violence"] for v in verbs)
    return True


def ceasefire_subtype(cand: Candidate, verbs: list[Token], cues: Cues) -> bool:
    """Declared, ended or violated, from the verb that governs the truce; unknown is a reference."""
    ev = cues.eventive_verbs
    for verb in verbs:
        lem, parts = lemma(verb), particles(verb)
        if lem in cues.ceasefire_ended_particles and parts & cues.ceasefire_ended_particles[lem]:
            cand.sub_event_type, cand.eventive, cand.anchor = "ended", True, verb
            return True
        if (
            lem in ev["ceasefire_violated"]
            and lem != "break"
            or (lem == "break" and not parts & {"off", "down"})
        ):
            if lem in ev["ceasefire_violated"]:
                cand.sub_event_type, cand.eventive, cand.anchor = "violated", True, verb
                return True
        if lem in ev["ceasefire_ended"] and lem not in cues.ceasefire_ended_particles:
            cand.sub_event_type, cand.eventive, cand.anchor = "ended", True, verb
            return True
        if lem in ev["ceasefire_declared"]:
            cand.sub_event_type, cand.eventive, cand.anchor = "declared", True, verb
            return True
    head = cand.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in VERBAL:
        lem = lemma(head.head)
        if lem in cues.ceasefire_ended_subject_verbs:
            cand.sub_event_type, cand.eventive, cand.anchor = "ended", True, head.head
            return True
        if lem in cues.ceasefire_declared_subject_verbs or lem in ev["ceasefire_declared"]:
            cand.sub_event_type, cand.eventive, cand.anchor = "declared", True, head.head
            return True
    cand.sub_known = False
    return True


def meets_someone(verb: Token) -> bool:
    """'X met Y' / 'X and Y met' / 'met with Y', where the parties are named."""
    named = {"PERSON", "ORG", "GPE", "NORP"}
    for child in verb.children:
        if child.dep_ == "dobj" and child.ent_type_ in named:
            return True
        if child.dep_ == "prep" and child.lower_ == "with":
            if any(g.ent_type_ in named for g in child.subtree):
                return True
        if child.dep_ == "nsubj" and child.conjuncts:
            return True
    return False


def patient_of(head: Token) -> Token | None:
    """What a verb or noun trigger is done to (object, passive subject, 'of' complement)."""
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    if head.pos_ not in VERBAL:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def releases_people(head: Token, cues: Cues) -> bool:
    """A release trigger whose object is people (not a statement or a video)."""
    obj = patient_of(head)
    if obj is None:
        return False
    for tok in conjuncts(obj):
        if lemma(tok) in cues.release_object_nouns or tok.ent_type_ in ("PERSON", "NORP", "ORG"):
            return True
        if any(c.dep_ in ("amod", "compound") and c.lower_ in cues.captive_modifiers for c in tok.children):
            return True
        if any(c.dep_ == "nummod" for c in tok.children) and tok.tag_ in ("NNS", "NNPS"):
            return True
    return False


def own_date_span(cand: Candidate, cues: Cues | None = None) -> Span | None:
    """The DATE phrase attached to the trigger's clause (or a clause above it), if any; a date
    in a reporting clause beside it ('Reported on 28 April, militants attacked...') counts too."""
    chain = clause_chain(cand.anchor)
    best: tuple[int, Span] | None = None
    for ent in span_ents(cand.sent):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        rank = attachment_rank(ent, cand.head, chain)
        if rank is None:
            rank = reporting_clause_rank(ent, chain)
        if rank is None or bounded_by_preposition(ent, stop=cand.head):
            continue
        if best is None or rank < best[0]:
            best = (rank, ent)
    return best[1] if best else None


REPORTING_VERBS = frozenset({"report", "say", "tell", "confirm", "announce", "state", "add", "claim"})


def reporting_clause_rank(ent: Span, chain: list[Token]) -> int | None:
    """Rank 20 for a date in a reporting clause ('as reported on X') attached to the trigger's clauses."""
    clause = clause_of(ent.root)
    if (
        lemma(clause) in REPORTING_VERBS
        and clause.head in chain
        and clause.dep_ in ("advcl", "ccomp", "parataxis")
    ):
        return 20
    return None


def group_sentence(
    cands: list[Candidate], modifiers: list[Span], sent: Span, ctx: ArticleContext, res: CoderResources
) -> list[Candidate]:
    """One candidate per family in a sentence; support triggers only when nothing stronger is there."""
    out: list[Candidate] = []
    violent = [c for c in cands if c.family == "violent"]
    violent_events = [c for c in violent if c.role == "event"]
    for cand in violent:
        attach(cand, ctx, res)
    primary: Candidate | None = None
    if violent_events:
        primary = min(violent_events, key=violent_priority)
        primary.eventive = primary.eventive or any(c.eventive for c in violent_events)
    elif violent and reports_casualties(sent, violent[0]):
        primary = min(violent, key=lambda c: (c.actor1 is None, c.trigger.start))
    if primary is not None and primary.sub_event_type == "abduction" and stated_dead(sent.text):
        primary.sub_event_type, primary.variant = "armed_assault", "attack"
    if primary is not None:
        fill_from(primary, [c for c in violent if c is not primary])
        primary.territory = bool(modifiers)
        out.append(primary)
    seen: set[str] = {"violent"}
    for cand in cands:
        if cand.family in seen:
            continue
        if cand.event_type == "arrest" and primary is not None and same_operation(cand, primary):
            continue
        seen.add(cand.family)
        attach(cand, ctx, res)
        out.append(cand)
    return out


def fill_from(primary: Candidate, others: list[Candidate]) -> None:
    """Fields the primary trigger of a sentence lacks, taken from the sentence's other triggers."""
    for other in others:
        primary.actor1 = primary.actor1 or other.actor1
        primary.actor2 = primary.actor2 or other.actor2
        if primary.place is None and other.place is not None:
            primary.place, primary.place_text = other.place, other.place_text
        if primary.date_text is None and other.date_text is not None:
            primary.date, primary.date_text = other.date, other.date_text
            primary.date_origin, primary.date_specificity = other.date_origin, other.date_specificity
    if primary.actor1 and primary.actor2 and primary.actor1.name == primary.actor2.name:
        primary.actor2 = None


def same_operation(arrest: Candidate, violent: Candidate) -> bool:
    """An arrest told in the same clause as fighting ('killed, wounded and arrested') is part of it."""
    chain = clause_chain(violent.anchor)
    anchor = arrest.anchor
    return (
        anchor in chain or any(c in chain for c in anchor.conjuncts) or violent.anchor in clause_chain(anchor)
    )


def violent_priority(cand: Candidate) -> tuple[int, int, int]:
    """Order of preference among violent triggers of one sentence (an abduction that left dead is
    an attack: the killing is the graver act)."""
    sub = SUB_PRIORITY.get(cand.sub_event_type, 9)
    if cand.sub_event_type == "abduction" and stated_dead(cand.sent.text):
        sub = SUB_PRIORITY["armed_assault"] + 1
    variant = EXPLOSION_PRIORITY.index(cand.variant) if cand.variant in EXPLOSION_PRIORITY else 9
    return (sub, variant, cand.trigger.start)


def stated_dead(text: str) -> bool:
    """The text states that at least one person died."""
    return any(f.count > 0 for f in killed_figures(text))


def reports_casualties(sent: Span, cand: Candidate) -> bool:
    """The sentence says people were killed, wounded or arrested."""
    if stated_dead(sent.text):
        return True
    words = {lemma(t) for t in sent}
    return bool(words & {"injure", "wound", "arrest", "detain", "kill", "die", "dead"}) and any(
        t.like_num or t.lower_ in ("a", "an", "one", "several", "dozens", "scores") for t in sent
    )


# ---------------------------------------------------------------- attachments


def attach(cand: Candidate, ctx: ArticleContext, res: CoderResources) -> None:
    """Date, place and participants of a candidate."""
    attach_date(cand, ctx)
    attach_place(cand, ctx)
    attach_actors(cand, ctx, res)


def date_specificity(text: str) -> float:
    """How exact a date phrase is as written (a day beats a month beats a vague phrase)."""
    has_digit = any(ch.isdigit() for ch in text)
    words = text.lower().split()
    if has_digit and len([w for w in words if w.strip(",").isdigit()]) >= 1 and len(words) >= 2:
        return 2.0
    return (
        1.0
        if has_digit
        or any(
            w
            in (
                "yesterday",
                "today",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            )
            for w in words
        )
        else 0.5
    )


def date_phrase(span: Span) -> str:
    """Text of a DATE entity, with a day number the model left out ('3 | May 2020')."""
    start = span.start
    doc = span.doc
    while start > span.sent.start and doc[start - 1].like_num and doc[start - 1].text.isdigit():
        if not 1 <= int(doc[start - 1].text) <= 31:
            break
        start -= 1
    return doc[start : span.end].text


def attach_date(cand: Candidate, ctx: ArticleContext) -> None:
    """The candidate's own date phrase, resolved against the publication date."""
    span = own_date_span(cand)
    if span is None:
        for tok in (cand.head, cand.anchor):
            for child in tok.children:
                if child.lower_ in ("recent", "recently", "latest") and child.dep_ in ("amod", "advmod"):
                    cand.date_text, cand.date_specificity = child.text, 0.5
                    cand.date = resolve_date("recently", ctx.published)
                    cand.date_origin = "phrase" if cand.date else "none"
                    return
        return
    text = date_phrase(span)
    cand.date_text = text
    cand.date_specificity = date_specificity(text)
    cand.date = resolve_date(text, ctx.published)
    cand.date_origin = "phrase" if cand.date else "none"


def place_preps(cand: Candidate) -> list[tuple[int, Token]]:
    """Locative prepositional phrases that name a place: in the trigger's clauses (ranked by
    attachment), else in a clause below them that reports no other kind of event (rank 50)."""
    chain = clause_chain(cand.anchor)
    found: list[tuple[int, Token]] = []
    for tok in cand.sent:
        if tok.dep_ != "prep" or not (tok.lower_ in LOCATIVE_PREPOSITIONS or into_the_streets(tok)):
            continue
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if not objs or not names_a_place(objs[0], strict=tok.lower_ in ("on", "off", "into")):
            continue
        rank = attachment_rank(tok.doc[tok.i : tok.i + 1], cand.head, chain)
        if rank is None and not in_quiet_subclause(tok, chain, cand):
            continue
        if rank != 0 and belongs_to_other_event(tok, cand):
            continue
        found.append((50 if rank is None else rank, tok))
    return sorted(found, key=lambda x: (x[0], x[1].i))


def into_the_streets(prep: Token) -> bool:
    """'(took) to the streets of Nairobi': a 'to' whose object is the streets is a locative."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ == "to" and any(c.lemma_.lower() == "street" for c in objs)


def belongs_to_other_event(prep: Token, cand: Candidate) -> bool:
    """A place phrase that modifies another trigger ('agreed ... after talks in Caracas': Caracas is
    where the talks were, not where the truce applies)."""
    others = {
        span.root.i
        for span in cand.sent.doc.spans[TRIGGER_SPANS]
        if cand.sent.start <= span.start < cand.sent.end and span.start != cand.trigger.start
    }
    for tok in path_up(prep.head, limit=6):
        if tok.i == cand.head.i or tok.pos_ in VERBAL:
            return False
        if tok.i in others:
            return True
    return False


def in_quiet_subclause(tok: Token, chain: list[Token], cand: Candidate) -> bool:
    """A phrase in a clause under the trigger's clauses that reports no other event of its own
    (a 'killing' of the same event may be there; another attack or a truce may not)."""
    clause = clause_of(tok)
    if not any(top in clause.ancestors for top in chain):
        return False
    inside = {t.i for t in clause.subtree}
    for span in cand.sent.doc.spans[TRIGGER_SPANS]:
        if span.start == cand.trigger.start or not (cand.sent.start <= span.start < cand.sent.end):
            continue
        label, _, role = span.label_.split("|")
        family = "violent" if label.split(".")[0] in VIOLENT else label.split(".")[0]
        if span.root.i in inside and (family != cand.family or role == "event"):
            return False
    return True


def names_a_place(obj: Token, strict: bool = False) -> bool:
    """A prepositional object that is a place name or a place noun with a proper-noun modifier.

    Possessors ("on Pakistan's embassy") do not place anything; with `strict` (for 'on'),
    the object itself must be the place.
    """
    if obj.ent_type_ in PLACE_LABELS:
        return True
    sub = [t for t in obj.subtree if t.dep_ != "poss" and t.head.dep_ != "poss"]
    if strict:
        return lemma(obj) in PLACE_KIND_NOUNS and any(t.ent_type_ in PLACE_LABELS for t in sub)
    if any(t.ent_type_ in PLACE_LABELS for t in sub):
        return True
    if lemma(obj) in PLACE_KIND_NOUNS and any(t.pos_ == "PROPN" and t.ent_type_ != "DATE" for t in sub):
        return True
    propn = [t for t in sub if t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", "PERSON", "NORP", "DATE")]
    if propn and plausible_place_name(propn[0]):
        return True
    if obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG", "") and plausible_place_name(obj):
        return True
    return lemma(obj) == "capital" and any(t.ent_type_ in ("NORP", "GPE") for t in sub)


def plausible_place_name(tok: Token) -> bool:
    """A capitalised word (not an acronym like UN or EU) that the gazetteer knows as a place."""
    text = tok.text
    if text.isupper() and len(text) <= 4:
        return False
    return text[:1].isupper() and is_known_place(text)


def attach_place(cand: Candidate, ctx: ArticleContext) -> None:
    """The place of the candidate: its locative phrase (a venue for talks), resolved in the gazetteer."""
    texts: list[str] = []
    for rank, prep in place_preps(cand)[:1]:
        if cand.event_type in ("dialogue", "agreement") and rank >= 50:
            break
        texts.append(phrase_text(prep))
    if not texts and cand.event_type == "dialogue":
        host = hosted_by(cand)
        if host:
            texts.append(host)
    if not texts:
        return
    place = place_of(tuple(texts), tuple(ctx.countries))
    if place is not None:
        cand.place, cand.place_text = place, texts[0]


@lru_cache(maxsize=65536)
def place_of(texts: tuple[str, ...], countries: tuple[str, ...]) -> Place | None:
    """The resolved place of some place phrases in an article about some countries (memoised:
    the same districts and cities recur across thousands of articles)."""
    phrases = [p for text in texts for p in parse_place_phrases(text)]
    if not phrases:
        return None
    place = resolve_place(phrases, countries)
    return place if place.iso3 or place.location else None


def hosted_by(cand: Candidate) -> str | None:
    """'The meeting was hosted by Kazakhstan': the host country or city is the venue."""
    for tok in path_up(cand.head, limit=3):
        if lemma(tok) == "host":
            for child in tok.children:
                if child.dep_ == "agent":
                    objs = [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS]
                    if objs:
                        return noun_phrase(objs[0]).text
    return None


# ---------------------------------------------------------------- participants


def attach_actors(cand: Candidate, ctx: ArticleContext, res: CoderResources) -> None:
    """Actor 1 (who did it) and actor 2 (to whom, or the other party) from the parse."""
    agent_tok, patient_tok = participants(cand, res.cues)
    country = cand.place.iso3 if cand.place and cand.place.iso3 else ctx.main_country
    cand.actor1 = resolve_actor(agent_tok, cand, country, ctx, res, role=1) if agent_tok is not None else None
    cand.actor2 = (
        resolve_actor(patient_tok, cand, country, ctx, res, role=2) if patient_tok is not None else None
    )
    if cand.event_type in VIOLENT and cand.actor1 is not None and cand.actor1.inter == 7:
        cand.actor1 = res.actors.generic("unidentified", cand.actor1.country or country)
    claimant = claimed_by(cand, res.cues)
    if claimant is not None:
        cand.actor1 = resolve_actor(claimant, cand, country, ctx, res, role=1) or cand.actor1
    mediator = mediated_by(cand, res.cues)
    if mediator is not None:
        found = resolve_actor(mediator, cand, country, ctx, res, role=1)
        if found is not None:
            cand.assoc1.append(found.name)
        if cand.actor1 is not None and found is not None and cand.actor1.name == found.name:
            cand.actor1 = None
    if cand.actor1 and cand.actor2 and cand.actor1.name == cand.actor2.name:
        cand.actor2 = None
    if cand.actor1 and cand.actor1.inter in (2, 3, 4):
        ctx.last_armed_actor = cand.actor1


def claimed_by(cand: Candidate, cues: Cues) -> Token | None:
    """'X claimed responsibility for the attack': X is the attack's actor 1."""
    if not cand.nominal:
        return None
    for tok in path_up(cand.head, limit=4):
        if lemma(tok) in cues.claim_verbs and any(lemma(c) == "responsibility" for c in tok.children):
            return subject_of(tok)
    return None


def mediated_by(cand: Candidate, cues: Cues) -> Token | None:
    """'X brokered the talks': X is a mediator, not a party."""
    if cand.event_type not in ("dialogue", "agreement", "ceasefire"):
        return None
    verb = cand.anchor
    if lemma(verb) in cues.mediator_verbs:
        return subject_of(verb) or by_agent(verb)
    return None


def subject_of(verb: Token) -> Token | None:
    """Active subject of a verb (inherited from the verb it is conjoined with or controlled by)."""
    for v in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if v is None:
            continue
        for child in v.children:
            if child.dep_ in ("nsubj",):
                return child
    return None


def by_agent(token: Token) -> Token | None:
    """The object of a 'by' phrase (passive agent or nominal 'attack by X'), also on a conjoined
    verb ('was shot and killed by X')."""
    heads = [token, *token.conjuncts]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("agent", "prep") and child.lower_ == "by":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return named_after(objs[0])
    return None


def named_after(tok: Token) -> Token:
    """The token itself, or — when the parser stopped at a modifier ('by the paramilitary | Rapid
    Support Forces') — the root of the named entity that follows it."""
    if tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.i + 1 >= len(tok.doc):
        return tok
    nxt = tok.doc[tok.i + 1]
    for ent in span_ents(tok.sent):
        if ent.start == nxt.i and ent.label_ in ("ORG", "NORP", "GPE"):
            return ent.root
    return tok


def prep_object(token: Token, preps: set[str]) -> Token | None:
    """The object of the first of the given prepositions under a token."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def nominal_agent(head: Token) -> Token | None:
    """Who did a nominal event: 'attack by X', 'X's attack', 'Taliban attack', 'Taliban-planted bomb'."""
    agent = by_agent(head)
    if agent is not None:
        return agent
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in ("ORG", "NORP", "GPE"):
            return child
        if child.dep_ == "amod" and child.pos_ == "VERB":
            for g in child.children:
                if g.dep_ == "npadvmod" and g.pos_ == "PROPN":
                    return g
        if child.dep_ == "acl" and child.pos_ == "VERB":
            agent = by_agent(child)
            if agent is not None:
                return agent
    return None


def participants(cand: Candidate, cues: Cues) -> tuple[Token | None, Token | None]:
    """Tokens heading actor 1 and actor 2 of a candidate."""
    if cand.nominal:
        agent, patient = nominal_participants(cand, cues)
    else:
        agent, patient = verbal_participants(cand)
    head, anchor = cand.head, cand.anchor
    if lemma(head) in ("repel", "repulse") or lemma(anchor) in ("repel", "repulse"):
        verb = head if not cand.nominal else anchor
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        attacker = None
        if obj is not None:
            attacker = nominal_agent(obj) or next((c for c in obj.children if c.dep_ == "poss"), None)
        agent, patient = attacker or agent, subject_of(verb)
    if cand.event_type in VIOLENT:
        victims = victims_in(cand)
        if patient is None:
            patient = victims
        elif agent is None and cand.event_type == "clash" and victims is not None and victims.i != patient.i:
            agent = victims
    return agent, patient


def verbal_participants(cand: Candidate) -> tuple[Token | None, Token | None]:
    """Subject (or passive agent) and object of a verb trigger."""
    head = cand.head
    if is_passive(head):
        agent = by_agent(head)
        patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    else:
        agent = subject_of(head) or by_agent(head)
        patient = next((c for c in head.children if c.dep_ == "dobj"), None)
        if patient is None:
            patient = prep_object(head, {"with", "against", "on", "at"})
    return agent, other_party(cand, agent, patient)


def other_party(cand: Candidate, agent: Token | None, patient: Token | None) -> Token | None:
    """For events between two sides, 'X and Y clashed / agreed / held talks': Y is the other side."""
    if agent is None or patient is not None or cand.event_type not in SYMMETRIC_TYPES:
        return patient
    others = [c for c in agent.conjuncts if c.i > agent.i]
    return others[0] if others else None


def nominal_participants(cand: Candidate, cues: Cues) -> tuple[Token | None, Token | None]:
    """Who did a nominal event and to whom: its own modifiers first, then its governing verb."""
    head, anchor = cand.head, cand.anchor
    agent = nominal_agent(head)
    targets = (
        {"with"}
        if cand.event_type in ("dialogue", "agreement", "ceasefire")
        else {"on", "against", "targeting", "with", "at", "of"}
    )
    patient = prep_object(head, targets)
    between = prep_object(head, {"between"})
    if between is not None:
        agent = agent or between
        others = [c for c in between.conjuncts if c.i > between.i]
        patient = others[0] if others else patient
    if cand.event_type in ("dialogue", "agreement") and agent is None:
        agent, patient = named_parties(head, patient)
    if agent is None and anchor.pos_ in VERBAL and done_by_subject(head, anchor):
        describes = lemma(anchor) in cues.reference_verbs and not cand.eventive
        if not describes and lemma(anchor) not in cues.mediator_verbs:
            agent = subject_of(anchor) if not is_passive(anchor) else by_agent(anchor)
    patient = other_party(cand, agent, patient)
    if head.dep_ == "nsubj" and patient is None:
        patient = next((c for c in anchor.children if c.dep_ == "dobj"), None)
    if head.dep_ == "pobj" and patient is None and anchor.pos_ in VERBAL and is_passive(anchor):
        patient = next((c for c in anchor.children if c.dep_ == "nsubjpass"), None)
    return agent, patient


def done_by_subject(head: Token, anchor: Token) -> bool:
    """The anchor's subject is who did a nominal event: 'X launched an attack', 'X began talks',
    'X took part in talks' — not 'X recovered bodies after the gunfight'."""
    if head.dep_ in ("dobj", "attr", "oprd"):
        return True
    path = [t for t in path_up(head, stop=anchor) if t.dep_ == "prep"]
    return bool(path) and all(t.lower_ in ("for", "in", "into", "to", "of", "with") for t in path)


def party_start(tok: Token) -> bool:
    """First token of a named party, or a country inside a hyphenated dyad ('Pakistan-US')."""
    if tok.ent_iob_ == "B" and tok.ent_type_ in ("GPE", "ORG", "NORP"):
        return True
    after_hyphen = tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–")
    return after_hyphen and tok.pos_ == "PROPN" and country_for_name(tok.text) is not None


def named_parties(head: Token, patient: Token | None) -> tuple[Token | None, Token | None]:
    """Parties of talks named around the noun: 'Pakistan-US Dialogue', 'meeting of SCO advisers'."""
    named: list[Token] = []
    for child in head.children:
        if child.dep_ in ("compound", "nmod", "amod"):
            named += [t for t in child.subtree if party_start(t)]
        if child.dep_ == "prep" and child.lower_ in ("of", "among", "by", "from"):
            named += [t for t in child.subtree if t.ent_type_ in ("ORG", "GPE") and party_start(t)]
    named = sorted(set(named), key=lambda t: (0 if t.ent_id_ else 1, t.i))
    if not named:
        return None, patient
    agent = named[0]
    rest = [t for t in named[1:] if patient is None or t.i != patient.i]
    return agent, patient or (rest[0] if rest else None)


def antecedent(tok: Token, country: str | None, ctx: ArticleContext, res: CoderResources) -> Actor | None:
    """What 'they', 'their' or 'the group' stands for: the nearest armed actor named before it in
    the sentence, else the last armed non-state actor of the article."""
    for prev in reversed(list(tok.sent[: tok.i - tok.sent.start])):
        if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ not in ("compound", "amod"):
            actor = res.actors.resolve(noun_phrase(prev).text, country)
            if actor is not None and actor.inter in (1, 2, 3, 4, 8):
                return actor
    return ctx.last_armed_actor


def former_or_latter(
    tok: Token, cand: Candidate, country: str | None, ctx: ArticleContext, res: CoderResources
) -> Actor | None:
    """'the latter' / 'the former': the last or the first of the actors named before it in the sentence."""
    named: list[Actor] = []
    for ent in span_ents(tok.sent):
        if ent.end <= tok.i and ent.label_ in ("ORG", "NORP", "GPE"):
            actor = res.actors.resolve(ent.text, country)
            if actor is not None and (not named or named[-1].name != actor.name):
                named.append(actor)
    if not named:
        return None
    return named[-1] if tok.lower_ == "latter" else named[0]


def victims_in(cand: Candidate) -> Token | None:
    """Who was killed or hurt in the sentence ('killing five people', 'two soldiers were killed')."""
    for tok in cand.sent:
        if lemma(tok) in ("kill", "injure", "wound", "abduct", "kidnap", "target", "shoot"):
            for child in tok.children:
                if child.dep_ == "dobj" or (child.dep_ == "nsubjpass"):
                    return child
    return None


def resolve_actor(
    tok: Token, cand: Candidate, country: str | None, ctx: ArticleContext, res: CoderResources, role: int
) -> Actor | None:
    """The dictionary actor a participant names (a country stands for its government or army)."""
    if tok.lower_ in ("latter", "former"):
        return former_or_latter(tok, cand, country, ctx, res)
    anaphor = tok.lower_ in ("group", "outfit", "organisation", "organization", "militants")
    if tok.pos_ == "PRON" or (anaphor and is_definite(tok, res.cues)):
        if tok.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        elif tok.lower_ in ("he", "she", "i", "we", "you", "this"):
            return None
        else:
            return antecedent(tok, country, ctx, res)
    entity = next((e for e in span_ents(tok.sent) if e.start <= tok.i < e.end), None)
    if entity is not None and entity.ent_id_:
        return res.actors.resolve(entity.ent_id_, country) or res.actors.resolve(entity.text, country)
    phrase = noun_phrase(tok)
    if entity is not None and entity.label_ == "GPE" and "-" in entity.text:
        phrase = tok.doc[tok.i : tok.i + 1]
    actor = res.actors.resolve(phrase.text, country)
    country_only = country_for_name(phrase.text)
    if country_only is not None and (entity is None or entity.label_ == "GPE") and len(phrase) <= 3:
        return res.actors.generic("military" if cand.event_type in VIOLENT else "government", country_only[1])
    if actor is not None:
        return actor
    modifiers = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if modifiers:
        actor = res.actors.resolve(tok.doc[modifiers[0].left_edge.i : tok.i].text, country)
        if actor is not None:
            return actor
    if entity is not None and entity.label_ == "ORG" and tok.ent_type_ == "ORG":
        return res.actors.unknown(entity.text)
    if tok.ent_type_ == "PERSON" and role == 2 and cand.event_type in VIOLENT:
        return res.actors.generic("civilians", country)
    return None


# ---------------------------------------------------------------- event type from the sides


def is_armed(actor: Actor | None) -> bool:
    """An organised armed actor (state forces, rebels, militias, external forces), not a government office."""
    return actor is not None and actor.inter in ARMED_INTER and not actor.name.startswith("Government of")


def is_crowd(actor: Actor | None) -> bool:
    """Protesters or rioters."""
    return actor is not None and actor.inter in (5, 6)


def targets_armed_site(cand: Candidate) -> bool:
    """An attack on a checkpoint, post, base or convoy is an attack on armed forces."""
    target = prep_object(cand.head, {"on", "against", "at"}) or patient_of(cand.head)
    return target is not None and lemma(target) in ARMED_SITES


def mob_fight(cand: Candidate) -> bool:
    """A fight between crowds, families or groups, or with sticks, axes and stones."""
    words = {lemma(t) for t in cand.sent}
    return bool(words & MOB_WORDS)


def refine_type(cand: Candidate) -> None:
    """Attack on armed forces is a clash; a clash of crowds is a riot; territory changes hands."""
    if cand.event_type == "attack" and cand.sub_event_type == "armed_assault":
        armed_target = is_armed(cand.actor2) or (cand.actor2 is None and targets_armed_site(cand))
        if armed_target or (cand.role == "support" and is_armed(cand.actor1) and cand.actor2 is None):
            cand.event_type, cand.sub_event_type, cand.variant = "clash", "armed_clash", "armed_clash"
    if cand.event_type in VIOLENT and (is_crowd(cand.actor1) or is_crowd(cand.actor2)):
        cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", "violent_demonstration"
    elif cand.event_type == "clash" and not (is_armed(cand.actor1) and is_armed(cand.actor2)):
        both_unarmed = not is_armed(cand.actor1) and not is_armed(cand.actor2)
        if (both_unarmed and cand.actor1 is not None and cand.actor2 is not None) or mob_fight(cand):
            cand.event_type, cand.sub_event_type, cand.variant = "protest", "protest", "mob_violence"
    if cand.event_type == "clash" and cand.territory:
        state = cand.actor1 is not None and cand.actor1.inter == 1
        cand.variant = "regains_territory" if state else "overtakes_territory"


# ---------------------------------------------------------------- one event per occurrence


def windows_overlap(a: EventDate | None, b: EventDate | None) -> bool:
    """Two dates that can be the same day."""
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Two places that can be the same place (one missing, one inside the other, or close)."""
    if a is None or b is None or not a.iso3 or not b.iso3:
        return True
    if a.iso3 != b.iso3:
        return False
    if (a.geo_precision or 4) >= 4 or (b.geo_precision or 4) >= 4:
        return True
    names_a = {n for n in (a.location, a.admin2, a.admin1) if n}
    names_b = {n for n in (b.location, b.admin2, b.admin1) if n}
    if a.location in names_b or b.location in names_a:
        return True
    if (a.geo_precision or 4) >= 3 or (b.geo_precision or 4) >= 3:
        return a.admin1 is not None and a.admin1 == b.admin1
    if a.latitude is not None and b.latitude is not None:
        return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= 50
    return False


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def actors_compatible(cluster: Cluster, cand: Candidate) -> bool:
    """Sides that can be the same: none named differently on the acting side."""
    known = [m.actor1 for m in cluster.members if m.actor1 and m.actor1.inter]
    if not known or not cand.actor1 or not cand.actor1.inter:
        return True
    if cand.event_type in ("clash", "dialogue", "agreement", "ceasefire"):
        sides = {a.name for m in cluster.members for a in (m.actor1, m.actor2) if a}
        return cand.actor1.name in sides or (cand.actor2 is not None and cand.actor2.name in sides)
    return any(a.name == cand.actor1.name for a in known)


def same_family(cluster: Cluster, cand: Candidate) -> bool:
    """Candidates that can report the same occurrence: one family, and two mentions that each say
    something of their own are of one sub-type (an air strike and a repelled attack are two events)."""
    first = cluster.first
    if first.family != cand.family:
        return False
    if cand.own_details and cand.role == "event" and not cand.reference:
        kinds = {
            (m.event_type, m.sub_event_type) for m in cluster.members if m.own_details and m.role == "event"
        }
        if kinds and (cand.event_type, cand.sub_event_type) not in kinds:
            return False
    if cand.event_type == "ceasefire" and cand.sub_known:
        return any(m.sub_known and m.sub_event_type == cand.sub_event_type for m in cluster.members)
    return True


def compatible(cluster: Cluster, cand: Candidate) -> bool:
    """Date, place and sides all allow the candidate to be the cluster's occurrence."""
    return (
        all(windows_overlap(m.date, cand.date) for m in cluster.members)
        and all(places_compatible(m.place, cand.place) for m in cluster.members)
        and actors_compatible(cluster, cand)
    )


def absorb_into_protest(clusters: list[Cluster], cand: Candidate) -> Cluster | None:
    """Arrests and clashes of protesters belong to the protest they happened at."""
    protests = [c for c in clusters if c.first.event_type == "protest"]
    if not protests:
        return None
    involves_crowd = is_crowd(cand.actor1) or is_crowd(cand.actor2)
    unattributed = cand.actor1 is None or (cand.actor1.inter == 1 and not is_armed(cand.actor2))
    if involves_crowd or (cand.event_type in VIOLENT and (cand.actor2 is None or unattributed)):
        for cluster in reversed(protests):
            if compatible(cluster, cand) and cand.sent_index - cluster.members[-1].sent_index <= 3:
                return cluster
    return None


def merge_mentions(cands: list[Candidate]) -> list[Cluster]:
    """Group candidates that report the same occurrence; references without an antecedent go.

    Unreal mentions (planned, feared, what a protest is about) form shadow clusters that are
    never coded but take in later plain mentions of the same thing ('He was arrested...').
    """
    clusters: list[Cluster] = []
    for cand in cands:
        target = None
        if not cand.new_marker:
            target = antecedent_cluster(clusters, cand)
        if target is None and cand.family != "protest" and not cand.shadow:
            target = absorb_into_protest(clusters, cand)
        if target is not None:
            target.members.append(cand)
        elif not cand.reference or cand.shadow:
            clusters.append(Cluster([cand]))
    return clusters


def antecedent_cluster(clusters: list[Cluster], cand: Candidate) -> Cluster | None:
    """The most recent cluster the candidate can report: a real one first; an unreal (shadow) one
    only for a mention with nothing of its own; shadows only join shadows."""
    usable = [c for c in reversed(clusters) if same_family(c, cand) and compatible(c, cand)]
    if cand.shadow:
        return next((c for c in usable if c.first.shadow), None)
    real = next((c for c in usable if not c.first.shadow), None)
    if real is not None or not absorbable(cand):
        return real
    return next((c for c in usable if c.first.shadow), None)


def absorbable(cand: Candidate) -> bool:
    """A mention with nothing of its own (no date, place or dead) can belong to an unreal one."""
    return not (cand.date_text or cand.place_text or stated_dead(cand.sent.text))


# ---------------------------------------------------------------- fields of a merged event


def context_date(
    cluster: Cluster, clusters: list[Cluster], sentences: list[Span], ctx: ArticleContext
) -> tuple[EventDate | None, str | None]:
    """A date from the narrative: an event the mention is anchored to, or the sentences before it."""
    first = cluster.first
    for tok in first.sent:
        if tok.dep_ == "prep" and tok.lower_ in ("during", "after", "following", "amid", "in"):
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
                if m.sent_index == index - back and m.date is not None:
                    return m.date, m.date_text
        for ent in span_ents(sent):
            if ent.label_ == "DATE" and not bounded_by_preposition(ent, stop=sent.root):
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
            if ent.label_ == "DATE" and not bounded_by_preposition(ent, stop=sent.root):
                resolved = resolve_date(date_phrase(ent), ctx.published)
                if resolved is not None:
                    year = dt.date(resolved.date.year, 7, 2)
                    start, end = dt.date(resolved.date.year, 1, 1), dt.date(resolved.date.year, 12, 31)
                    if ctx.published and end > ctx.published:
                        end = ctx.published
                        year = start + (end - start) / 2
                    return EventDate(year, 4, start, end, ent.text), ent.text
    return None, None


def just_happened(cand: Candidate) -> bool:
    """Present perfect ('has been killed') or a 'today'-like phrase: it just happened."""
    verb = cand.anchor
    if verb.pos_ in VERBAL and verb.tag_ == "VBN" and not is_infinitive(verb):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in verb.children):
            return True
    return any(ent.label_ in ("DATE", "TIME") and is_recent_cue(ent.text) for ent in span_ents(cand.sent))


def event_date(
    cluster: Cluster, clusters: list[Cluster], sentences: list[Span], ctx: ArticleContext
) -> tuple[EventDate | None, str | None, str]:
    """Date, the phrase it came from, and its origin (phrase, context, published, none)."""
    dated = cluster.dated()
    if dated is not None:
        return dated.date, dated.date_text, "phrase"
    if any(m.date_text for m in cluster.members):
        return None, next(m.date_text for m in cluster.members if m.date_text), "none"
    resolved, text = context_date(cluster, clusters, sentences, ctx)
    if resolved is not None:
        return resolved, text, "context"
    if ctx.published and any(just_happened(m) for m in cluster.members):
        day = ctx.published
        return EventDate(day, 1, day, day, "publication date"), None, "published"
    return None, None, "none"


def signed_abroad(place: Place, actors: tuple[Actor | None, Actor | None]) -> bool:
    """A truce is placed where it applies: a place outside every party's country is where it was signed."""
    countries = {a.country for a in actors if a is not None and a.country}
    return bool(countries) and place.iso3 not in countries


def fallback_place(
    cluster: Cluster, actors: tuple[Actor | None, Actor | None], ctx: ArticleContext
) -> Place | None:
    """Country-level place where nothing finer is known (never for talks, which are placed at a venue)."""
    if cluster.first.event_type in ("dialogue", "agreement"):
        return None
    iso3 = None
    for actor in actors:
        if actor is not None and actor.country:
            iso3 = actor.country
            break
    if iso3 is None:
        for member in cluster.members:
            for ent in span_ents(member.sent):
                if ent.label_ in ("GPE", "NORP"):
                    found = country_for_name(ent.text)
                    if found:
                        iso3 = found[1]
                        break
            if iso3:
                break
    iso3 = iso3 or ctx.main_country
    return country_place(iso3) if iso3 else None


def country_place(iso3: str) -> Place | None:
    """The country-level place of an ISO3 code (precision 4)."""
    name = country_name(iso3)
    if name is None:
        return None
    place = resolve_place([PlacePhrase(name)], [iso3])
    return place if place.iso3 == iso3 else None


def first_actor(cluster: Cluster, best: Candidate, attr: str) -> Actor | None:
    """An actor of the best mention, else of the other mentions (named ones first)."""
    value = getattr(best, attr)
    if value is not None and value.inter:
        return value
    named = [
        getattr(m, attr) for m in cluster.members if getattr(m, attr) is not None and getattr(m, attr).inter
    ]
    if named:
        return named[0]
    any_actor = [getattr(m, attr) for m in cluster.members if getattr(m, attr) is not None]
    return value or (any_actor[0] if any_actor else None)


def protest_variant(cluster: Cluster, sentences: list[Span], res: CoderResources) -> str:
    """Peaceful, with intervention, excessive force, violent demonstration or mob violence."""
    variants = {m.variant for m in cluster.members}
    if "mob_violence" in variants:
        return "mob_violence"
    indices = sorted({m.sent_index for m in cluster.members})
    told = " ".join(
        sentences[i].text.lower() for i in range(indices[0], min(indices[-1] + 2, len(sentences)))
    )
    cues = res.cues
    if says_any(told, cues.protest_excessive_force) and stated_dead(told):
        return "excessive_force"
    if "violent_demonstration" in variants or says_any(told, cues.protest_violence):
        return "violent_demonstration"
    if says_any(told, cues.protest_intervention) or any(m.event_type == "arrest" for m in cluster.members):
        return "intervention"
    for v in ("hunger_strike", "strike", "blockade"):
        if v in variants:
            return v
    return "peaceful"


def says_any(text: str, phrases: frozenset[str]) -> bool:
    """Any of the phrases occurs in the (lower-case) text as whole words."""
    return phrase_pattern(phrases).search(text) is not None


@lru_cache(maxsize=64)
def phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """One compiled alternation of whole-word phrases."""
    return re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b"
    )


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
    cluster: Cluster, clusters: list[Cluster], sentences: list[Span], ctx: ArticleContext, res: CoderResources
) -> Mention:
    """The event_mentions record of a merged occurrence."""
    best = cluster.best()
    etype, sub, variant = best.event_type, best.sub_event_type, best.variant
    if etype == "protest":
        variant = protest_variant(cluster, sentences, res)
    row = crosswalk(etype, sub, variant)
    date, date_text, date_origin = event_date(cluster, clusters, sentences, ctx)
    actor1, actor2 = first_actor(cluster, best, "actor1"), first_actor(cluster, best, "actor2")
    if etype in ("dialogue", "agreement", "ceasefire") and (actor1 is None or actor2 is None):
        actor1, actor2 = salient_parties(actor1, actor2, clusters)
    if etype == "protest":
        actor1, actor2 = protest_actors(actor1, actor2, row.acled_event_type == "Riots", ctx, cluster, res)
    elif etype in VIOLENT and actor1 is None:
        country = (cluster.placed().place.iso3 if cluster.placed() else None) or ctx.main_country
        actor1 = res.actors.generic("unidentified", country)
    placed = cluster.placed()
    if placed is not None and etype == "ceasefire" and signed_abroad(placed.place, (actor1, actor2)):
        placed = None
    place = placed.place if placed else fallback_place(cluster, (actor1, actor2), ctx)
    place_text = placed.place_text if placed else None
    if place is not None and place.iso3:
        actor1, actor2 = localise(actor1, place.iso3, res), localise(actor2, place.iso3, res)
    sentence = best.sent
    fatalities = None
    if etype in VIOLENT or etype == "protest" or (etype == "ceasefire" and sub == "violated"):
        fatalities = count_fatalities(" ".join(s.text for s in fatality_sentences(cluster)))
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    return Mention(
        article_id=ctx.article.article_id,
        event_type=etype,
        sub_event_type=sub,
        evidence=sentence.text.strip(),
        evidence_start=sentence.start_char,
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
        actor1=actor1.name if actor1 else None,
        assoc_actor_1="; ".join(best.assoc1) or None,
        inter1=inter1 or None,
        actor2=actor2.name if actor2 else None,
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
    )


def localise(actor: Actor | None, iso3: str, res: CoderResources) -> Actor | None:
    """A generic actor named without its country ('Military Forces') gets the event's country."""
    if actor is None or actor.country is not None or actor.inter == 0:
        return actor
    return res.actors.resolve(actor.name, iso3) or actor


def fatality_sentences(cluster: Cluster) -> list[Span]:
    """The sentences whose dead the event counts: its mentions' sentences, without the headline's
    (often a rounder figure) when the body states a number of dead."""
    sents = {m.sent_index: m for m in cluster.members}
    body = [m.sent for i, m in sorted(sents.items()) if not m.headline]
    if any(stated_dead(s.text) for s in body):
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
    ranked = [by_name[name] for name, _ in counts.most_common() if name not in taken]
    if actor1 is None and ranked:
        actor1 = ranked.pop(0)
    if actor2 is None and ranked:
        actor2 = ranked.pop(0)
    return actor1, actor2


def protest_actors(
    actor1: Actor | None,
    actor2: Actor | None,
    riot: bool,
    ctx: ArticleContext,
    cluster: Cluster,
    res: CoderResources,
) -> tuple[Actor | None, Actor | None]:
    """Protest events are coded to 'Protesters (X)' or 'Rioters (X)'; the group itself is associated."""
    placed = cluster.placed()
    iso3 = (placed.place.iso3 if placed else None) or (actor1.country if actor1 else None) or ctx.main_country
    crowd = res.actors.generic("rioters" if riot else "protesters", iso3)
    second = actor2 if actor2 is not None and not is_crowd(actor2) else None
    if second is None and actor1 is not None and is_armed(actor1):
        second = actor1
    return crowd, second


@cache
def country_name(iso3: str | None) -> str | None:
    """Country name of an ISO3 code."""
    if not iso3:
        return None
    place = resolve_place([PlacePhrase(iso3)], [iso3])
    return place.country


# ---------------------------------------------------------------- entry point


def code_doc(doc: Doc, article: Article, res: CoderResources) -> list[Mention]:
    """All event mentions of one parsed article, one per real occurrence."""
    ctx = article_context(doc, article, res)
    sentences = list(doc.sents)
    cands = trigger_candidates(doc, ctx, res)
    for cand in cands:
        refine_type(cand)
    clusters = merge_mentions(cands)
    real = [c for c in clusters if not c.first.shadow]
    return distinct_mentions([(c, to_mention(c, real, sentences, ctx, res)) for c in real])


def distinct_mentions(coded: list[tuple[Cluster, Mention]]) -> list[Mention]:
    """One mention per sentence and event type (its event_id): the most informative one is kept.

    Two triggers of one sentence can end as the same event type once refined ("held a protest
    ... youths who clashed"); the guidelines code one event per type per sentence.
    """
    kept: dict[str, tuple[float, Mention]] = {}
    for cluster, mention in coded:
        score = cluster.best().informativeness()
        held = kept.get(mention.event_id)
        if held is None or score > held[0]:
            kept[mention.event_id] = (score, mention)
    return [mention for _, mention in kept.values()]
