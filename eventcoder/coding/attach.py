"""What attaches to a candidate in the dependency parse: its place phrase (and, through dating.py, its
date phrase; through participants.py, its actors)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from eventcoder.coding.candidates import VIOLENT, ArticleContext, Candidate, CoderResources, country_mention
from eventcoder.coding.cues import Cues
from eventcoder.coding.dating import attach_date, in_quiet_subclause
from eventcoder.coding.fire import exchanged
from eventcoder.coding.nlp import TRIGGER_SPANS
from eventcoder.coding.participants import ARMY_WEAPON_VARIANTS, attach_actors, names_town
from eventcoder.coding.places import (
    Place,
    country_for_name,
    is_known_place,
    parse_place_phrases,
    resolve_place,
)
from eventcoder.coding.places.keys import compact, skeleton
from eventcoder.coding.places.words import ARABIC_ARTICLES, COMMON_WORDS
from eventcoder.coding.rules import (
    PLACE_LABELS,
    VERBAL,
    attachment_rank,
    bracketed_units_end,
    clause_chain,
    doc_ents,
    in_subject,
    lemma,
    noun_phrase,
    of_objects,
    path_up,
    phrase_text,
)
from eventcoder.coding.sentcache import doc_memo, doc_spans, sent_tokens
from eventcoder.coding.settlements import name_start, settlement_of, taken_place, taken_settlement

SUBJECT_RANK = 60  # a place phrase inside the subject: taken only when the clause has no other


def attach(cand: Candidate, ctx: ArticleContext, res: CoderResources) -> None:
    """Date, place and participants of a candidate."""
    attach_date(cand, ctx, res.cues)
    attach_place(cand, ctx, res.cues)
    if cand.event_type == "attack" and exchanged(cand.head, res.cues):  # "X and Y traded gunfire": both sides
        cand.event_type, cand.sub_event_type, cand.variant = "clash", "armed_clash", "armed_clash"
    attach_actors(cand, ctx, res)


def place_preps(cand: Candidate, cues: Cues) -> list[tuple[int, Token]]:
    """Locative prepositional phrases that name a place: in the trigger's clauses (ranked by
    attachment), else in a clause below them that reports no other kind of event (rank 50)."""
    chain = clause_chain(cand.anchor)
    found: list[tuple[int, Token]] = []
    for tok in locative_place_preps(cand.sent, cues):
        rank = attachment_rank(tok.doc[tok.i : tok.i + 1], cand.head, chain)
        if rank is None and not in_quiet_subclause(tok, chain, cand, cues):
            continue
        if rank != 0 and belongs_to_other_event(tok, cand):
            continue
        rank = 50 if rank is None else rank
        if rank and in_subject(tok):  # "militants based in X attacked ... in Y": where they are from
            rank = SUBJECT_RANK
        found.append((rank, tok))
    return sorted(found, key=lambda x: (x[0], x[1].i))


def locative_place_preps(sent: Span, cues: Cues) -> tuple[Token, ...]:
    """The locative prepositions of a sentence whose object names a place (found once per document)."""
    memo = doc_memo(sent.doc)
    key = ("locative_place_preps", sent.start, sent.end, id(cues))
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(tok for tok in sent_tokens(sent) if locative_place_prep(tok, cues))
    return found


def locative_place_prep(tok: Token, cues: Cues) -> bool:
    """A locative preposition ("in", "near", "to the streets of"; "around" in "in and around X") whose
    object names a place."""
    # "in and around the town of X": a preposition joined to one that has no object of its own
    joined = (
        tok.dep_ == "conj"
        and tok.head.dep_ == "prep"
        and not any(c.dep_ == "pobj" for c in tok.head.children)
    )
    if not (tok.dep_ == "prep" or joined) or not (
        tok.lower_ in cues.locative_prepositions or into_the_streets(tok)
    ):
        return False
    objs = prep_objects(tok)
    return bool(objs) and names_a_place(objs[0], cues, strict=tok.lower_ in cues.strict_place_prepositions)


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, also when the parser took a place name's Arabic article for a second
    preposition ("in As Silw district": "As" governs "district")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if objs:
        return objs
    return [
        g
        for c in prep.children
        if c.dep_ == "prep" and c.i == prep.i + 1 and c.is_title and c.lower_ in ARABIC_ARTICLES
        for g in c.children
        if g.dep_ == "pobj"
    ]


def into_the_streets(prep: Token) -> bool:
    """'(took) to the streets of Nairobi', 'poured onto the streets of X': a 'to', 'onto' or 'into' whose
    object is the streets is a locative."""
    objs = prep_objects(prep)
    return prep.lower_ in ("to", "onto", "into") and any(c.lemma_.lower() == "street" for c in objs)


def belongs_to_other_event(prep: Token, cand: Candidate) -> bool:
    """A place phrase that modifies another trigger ('agreed ... after talks in Caracas': Caracas is
    where the talks were, not where the truce applies)."""
    others = {
        span.root.i
        for span in doc_spans(cand.sent.doc, TRIGGER_SPANS)
        if cand.sent.start <= span.start < cand.sent.end and span.start != cand.trigger.start
    }
    for tok in path_up(prep.head, limit=6):
        if tok.i == cand.head.i or tok.pos_ in VERBAL:
            return False
        if tok.i in others:
            return True
    return False


def names_a_place(obj: Token, cues: Cues, strict: bool = False) -> bool:
    """A prepositional object that is a place name or a place noun with a proper-noun modifier.

    Possessors ("on Pakistan's embassy") do not place anything; with `strict` (for 'on'),
    the object itself must be the place.
    """
    if obj.ent_type_ in PLACE_LABELS:
        return True
    if lemma(obj) in cues.figurative_locatives:  # "in support of South Yemen's self-rule"
        return False
    sub = [
        t for t in obj.subtree if t.dep_ != "poss" and t.head.dep_ != "poss" and not attribute_only(t, cues)
    ]
    if strict:  # "on the outskirts of X": a place word named by a place (one the tagger may call a person)
        # "air strikes on Idlib" (the tagger calls the town a group): a known place, no dictionary actor
        town = obj.pos_ == "PROPN" and obj.ent_type_ in ("ORG", "") and not obj.ent_id_
        return (town and plausible_place_name(obj)) or (
            lemma(obj) in cues.place_kind_words and any(placename(t) for t in sub)
        )
    if any(t.ent_type_ in PLACE_LABELS for t in sub):
        return True
    if lemma(obj) in cues.place_kind_words and any(t.pos_ == "PROPN" and t.ent_type_ != "DATE" for t in sub):
        return True
    if any(placename(g) or names_a_place(g, cues, strict=True) for g in of_objects(obj)):
        return True  # "in the eastern part of X city", "outside the hospital of X": a part or site of a place
    propn = [t for t in sub if t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", "PERSON", "NORP", "DATE")]
    if propn and plausible_place_name(propn[0]):
        return True
    if any(written_as_place(t, cues) for t in sub if t.ent_type_ in ("ORG", "PERSON")):
        return True  # a one-word town the parser took for a group or a person ("in parts of Madurai city")
    if obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG", "") and plausible_place_name(obj):
        return True
    if obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG", "") and units_follow(obj):
        return True  # "at X, in Y county", "in X (Y, Z)": a name the gazetteer may lack, with its units
    if obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG") and known_compound_name(obj):
        return True  # a two-word district the tagger took for a person ("in Lakki Marwat")
    if obj.pos_ == "PROPN" and obj.ent_type_ == "NORP" and not country_for_name(obj.text):
        return plausible_place_name(obj)  # a town the parser took for a nationality ("in Qorveh")
    return lemma(obj) == "capital" and any(t.ent_type_ in ("NORP", "GPE") for t in sub)


def units_follow(tok: Token) -> bool:
    """A name followed by the place it lies in: a bracket of units ("X (Y, Z)"), or a comma and a place
    name, with "in" or without ("X, in Y county", "X, in the Y region", "X, Y province")."""
    doc, i, stop = tok.doc, tok.i + 1, tok.sent.end
    if i < stop and bracketed_units_end(doc, i, stop):
        return True
    if i + 1 >= stop or doc[i].text != ",":
        return False
    said_in = doc[i + 1].lower_ == "in"
    j = i + 2 if said_in else i + 1
    while said_in and j < stop - 1 and (doc[j].pos_ == "DET" or (doc[j].pos_ == "ADJ" and doc[j].is_lower)):
        j += 1  # "X, in the northern Y region"
    unit = doc[min(j, stop - 1)]
    # a bare name after the comma may be the next of a list ("near A, B, C and D"): a tagged place, or
    # a known one that ends the list ("at X, Y.")
    listed = unit.i + 1 < stop and doc[unit.i + 1].lower_ in (",", "and", "or")
    known = plausible_place_name(unit) and (said_in or not listed)
    return unit.text[:1].isupper() and (unit.ent_type_ in PLACE_LABELS or known)


def written_as_place(tok: Token, cues: Cues) -> bool:
    """A one-word entity the gazetteer knows, followed by a place word or its units ("Madurai city (...)")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.ent_iob_ != "B" or nxt is None or nxt.ent_iob_ == "I" or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1].text
    listed = (before == "(" and nxt.text == ",") or (before == "," and nxt.text == ")")  # "X (Y, Z)"
    return (listed or nxt.text == "(" or nxt.lower_ in cues.place_kind_words) and plausible_place_name(tok)


def attribute_only(tok: Token, cues: Cues) -> bool:
    """A country name used as a mere attribute of a thing ("at the soaring US dollar rate")."""
    if tok.ent_type_ not in PLACE_LABELS:
        return False
    ent = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
    found = country_mention(ent, cues, None) if ent is not None else None
    return found is not None and found[1] == 0.0


def placename(tok: Token) -> bool:
    """A token that is itself the name of a place (not a noun phrase that mentions one), also one the
    tagger calls a person or a group ("Goma" tagged PERSON) when the gazetteer knows it."""
    return tok.ent_type_ in PLACE_LABELS or (tok.pos_ == "PROPN" and plausible_place_name(tok))


def known_compound_name(tok: Token) -> bool:
    """A proper noun with its proper-noun compounds ("Lakki Marwat") that the gazetteer knows as a place."""
    parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not parts:
        return False
    name = tok.doc[parts[0].i : tok.i + 1]
    return name.text[:1].isupper() and is_known_place(name.text)


def plausible_place_name(tok: Token) -> bool:
    """A capitalised word (not an acronym like UN or EU) that the gazetteer knows as a place."""
    text = tok.text
    if text.isupper() and len(text) <= 4:
        return False
    return text[:1].isupper() and is_known_place(text)


def attach_place(cand: Candidate, ctx: ArticleContext, cues: Cues) -> None:
    """The place of the candidate: its locative phrase (a venue for talks), resolved in the gazetteer."""
    texts: list[str] = []
    preps = place_preps(cand, cues)
    if cand.nominal and lemma(cand.anchor) in cues.reference_verbs:
        # "the resumption of talks was welcomed by groups in Colombia": only the noun's own place counts
        own = range(cand.head.left_edge.i, cand.head.right_edge.i + 1)
        preps = [(rank, p) for rank, p in preps if p.i in own]
    struck = struck_place_name(cand, ctx, cues) if cand.event_type in VIOLENT else None
    if struck is not None and (not preps or preps[0][0] > 0):
        # "Kobarre was hit by drones, residents in Kenya said": the place struck, not the residents'
        preps = []
        texts.append(struck)
    for rank, prep in preps[:1]:
        if cand.event_type in ("dialogue", "agreement") and rank >= 50:
            break
        target = struck_object(cand, prep, ctx, cues) if cand.event_type in VIOLENT and not texts else None
        # "shelled Kobarre in Lamu": the town shelled, in the unit the phrase names
        texts.append(f"{target} {phrase_text(prep, cues)}" if target else phrase_text(prep, cues))
    if not texts and cand.event_type == "dialogue":
        host = hosted_by(cand)
        if host:
            texts.append(host)
    if not texts:
        return
    # a struck name the gazetteer may lack: where the events are told
    countries = ctx.focus_first if texts == [struck] else tuple(ctx.countries)
    place = place_of(tuple(texts), countries, ctx.areas)
    later = next_place_phrase(texts[0], preps, cues)
    if place is not None and place.latitude is None and later is not None:
        # "struck the checkpoint at X in Y district": X unknown, the clause's next place phrase encloses it
        joined = f"{texts[0]} {later}"
        enclosed = place_of((joined,), tuple(ctx.countries), ctx.areas)
        if (
            enclosed is not None
            and enclosed.latitude is not None
            and enclosed.iso3 in (ctx.countries or [enclosed.iso3])
        ):
            place, texts = enclosed, [joined]
    elif place is not None and later is not None:
        contained = in_named_unit(place, texts[0], later, ctx)
        if contained is not None:
            place, texts = contained
    if place is not None and place.geo_precision == 4 and len(preps) > 1:
        finer = finer_in_country(place, [p for rank, p in preps[1:] if rank < 50], ctx, cues)
        if finer is not None:
            place, texts = finer
    if place is not None:
        cand.place, cand.place_text = place, texts[0]


def struck_place_name(cand: Candidate, ctx: ArticleContext, cues: Cues) -> str | None:
    """The place a passive violent verb tells as struck ("Kobarre was hit by drones", "Kobarre village was
    shelled"): its name, when the clause has no locative phrase of its own."""
    if cand.nominal:  # "took control of the town of X after clashes": the town the clashes were for
        verb = cand.head.head.head if cand.head.dep_ == "pobj" and cand.head.head.dep_ == "prep" else None
        if verb is not None and verb.pos_ == "VERB":
            return taken_settlement(verb, cues)
        hitter = cand.head.head if cand.head.dep_ == "nsubj" else None  # "the strike hit X": X, a town
        hits = hitter is not None and hitter.pos_ == "VERB" and lemma(hitter) in cues.targeting_verbs
        return town_of_countries(taken_place(hitter), ctx) if hits and hitter is not None else None
    target = next((c for c in cand.head.children if c.dep_ == "nsubjpass"), None)
    if target is None:  # "overran the town of X": the settlement named as the active verb's object
        settled = taken_settlement(cand.head, cues)
        taken = cand.territory or cand.variant in ("overtakes_territory", "regains_territory")
        # "recaptured X": X when it is a town of the article's countries
        return settled or (town_of_countries(taken_place(cand.head), ctx) if taken else None)
    if target.ent_type_ in ("NORP", "DATE") or target.ent_id_:
        return None
    if target.pos_ != "PROPN" and not (
        lemma(target) in cues.place_kind_words and any(c.pos_ == "PROPN" for c in target.lefts)
    ):
        return None
    name = noun_phrase(target).text
    # a person or a group is struck too ("Otieno was hit by a bullet"): a name the tagger took for one is
    # a place when the gazetteer holds it, or when what struck it was bombs or shells or it was struck N
    # times (a group of the actor dictionary never is)
    if target.ent_type_ in ("PERSON", "ORG") and not is_known_place(name):
        return name if cand.sub_event_type == "explosion" or struck_times(cand.head) else None
    return name


def town_of_countries(name: str | None, ctx: ArticleContext) -> str | None:
    """The name, when the gazetteer holds it as a town (not a province) of the article's countries."""
    place = place_of((name,), tuple(ctx.countries)) if name is not None else None
    town = place is not None and place.latitude is not None and (place.geo_precision or 4) <= 2
    return name if town else None


def struck_object(cand: Candidate, prep: Token, ctx: ArticleContext, cues: Cues) -> str | None:
    """The town a violent verb's object names when the clause's place phrase follows it ("shelled
    Kobarre in Lamu", "raided Mpeketoni in Lamu", "shelled Kobarre village in Lamu"): a town of the
    article's countries, a name written with its kind of settlement, or any name not of an actor shelled
    or struck from the air (what is shelled is a place)."""
    if cand.nominal:
        return None
    # "raiders struck X village in Y, killing four": the phrase's own verb, when the trigger is another
    verb = prep.head if prep.head.pos_ in VERBAL else cand.head
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    settled = settlement_of(target, cues) if target is not None else None
    if settled is not None:  # "seized the town of X in Y", "raided the village of X, in Y"
        after = settled[1] + (target.doc[settled[1]].text == "," if settled[1] < len(target.doc) else 0)
        return settled[0] if prep.i == after else None
    if (
        target is not None
        and prep.head.i == prep.i - 1
        and prep.head.dep_ == "nmod"
        and prep.head.head == target
    ):
        target = prep.head  # "shelled X in Y countryside", parsed as "X-in-Y countryside": X is the object
    # "captured X, a village in Y": the phrase on the settlement word in apposition to the name
    appos = target is not None and prep.head.dep_ == "appos" and prep.head.head == target
    appos = appos and lemma(prep.head) in cues.settlement_words and target.pos_ == "PROPN"
    if target is None or (prep.i != target.i + 1 and not appos):
        return None
    kind_word = lemma(target) in cues.settlement_words
    if target.pos_ != "PROPN" and not kind_word:
        return None
    kind_start = target.i + 1  # where the name ends
    if kind_word:  # "X village", "X cattle camp", "X refugee camp": the kind's own modifiers, then the name
        kind_start = target.i
        while kind_start > target.i - 2 and target.doc[kind_start - 1].dep_ == "compound":
            if target.doc[kind_start - 1].pos_ != "NOUN" or not target.doc[kind_start - 1].is_lower:
                break
            kind_start -= 1
    start = name_start(target, min(kind_start, target.i))
    words = target.doc[start : target.i + 1]
    if start == kind_start:
        return None  # "shelled the village in X", "raided a cattle camp in X": no name
    if any(c.dep_ == "det" for c in target.children) or any(
        t.ent_id_ or compact(t.text) in COMMON_WORDS for t in target.doc[start:kind_start]
    ):
        return None  # "targeted the X Military Faculty in Y": a site, placed at Y; a town takes no "the"
    name = words.text
    if kind_word or appos or names_town(name, ctx):
        return name
    struck_from_afar = cand.variant in ARMY_WEAPON_VARIANTS
    if struck_from_afar and target.ent_type_ != "NORP" and not country_for_name(name):
        return name
    return None


def struck_times(verb: Token) -> bool:
    """A verb told a number of times ("was hit six times"): strikes on a place, not on a person."""
    return any(
        lemma(c) == "time" and any(n.dep_ == "nummod" for n in c.children)
        for c in verb.children
        if c.dep_ in ("npadvmod", "dobj", "advmod")
    )


def next_place_phrase(text: str, preps: list[tuple[int, Token]], cues: Cues) -> str | None:
    """The clause's place phrase after the one a place was read from, when it adds to it."""
    if not preps:
        return None
    later = [phrase_text(p, cues) for rank, p in preps[1:] if rank < 50 and p.i > preps[0][1].i]
    return later[0] if later and later[0] not in text else None


def in_named_unit(place: Place, text: str, later: str, ctx: ArticleContext) -> tuple[Place, list[str]] | None:
    """'The attack on X, in Y province': a later place phrase of the clause names a unit the first place's
    resolution is not in; read together they name the X of Y (or Y itself when its X is unknown)."""
    unit = place_of((later,), tuple(ctx.countries), ctx.areas)
    if unit is None or unit.admin1 is None or region(unit) == region(place):
        return None
    joined = f"{text} {later}"
    enclosed = place_of((joined,), tuple(ctx.countries), ctx.areas)
    return (enclosed, [joined]) if enclosed is not None and region(enclosed) == region(unit) else None


def region(place: Place) -> tuple[str | None, str | None]:
    """A place's country and province."""
    return place.iso3, place.admin1


def one_place_per_name(cands: list[Candidate]) -> list[tuple[Candidate, str | None]]:
    """A place named bare in one sentence and with its unit in another ("at X", "at X in Y district") is
    the one its unit names: an article means one place by one name. The candidates moved to another
    country, each with the country it had (its sides may be named for it)."""
    placed = [c for c in cands if c.place is not None and c.place_text]
    if len(placed) < 2:
        return []
    told: dict[str, Place] = {}
    bare: list[tuple[str, Candidate]] = []
    for cand in placed:
        phrases = parse_place_phrases(cand.place_text or "")
        if phrases and phrases[0].qualifiers and names_itself(cand.place, phrases[0].text):
            told.setdefault(phrases[0].text.lower(), cand.place)
        elif len(phrases) == 1:
            bare.append((phrases[0].text.lower(), cand))
    moved = []
    for name, cand in bare:
        known = told.get(name)
        if known is not None and cand.place is not None and region(known) != region(cand.place):
            if known.iso3 != cand.place.iso3:
                moved.append((cand, cand.place.iso3))
            cand.place = known
    return moved


def names_itself(place: Place, name: str) -> bool:
    """The place resolved is the one the name names (not a unit or another item of a list read as one:
    "in A, B and C")."""
    key, location = compact(name), compact(place.location or "")
    return key == location or skeleton(key) == skeleton(location)


def finer_in_country(
    country: Place, preps: list[Token], ctx: ArticleContext, cues: Cues
) -> tuple[Place, list[str]] | None:
    """A later place phrase of the trigger's clauses naming a place inside the country the first one
    named ("protesters of the movement in Lebanon gathered at the square in Nabatiyeh"): the country
    was an attribute, the town is where."""
    for prep in preps:
        text = phrase_text(prep, cues)
        place = place_of((text,), tuple(ctx.countries), ctx.areas)
        if place is not None and place.iso3 == country.iso3 and (place.geo_precision or 4) < 4:
            return place, [text]
    return None


@lru_cache(maxsize=65536)
def place_of(
    texts: tuple[str, ...], countries: tuple[str, ...], areas: tuple[tuple[str, str], ...] = ()
) -> Place | None:
    """The resolved place of some place phrases in an article about some countries and areas (memoised:
    the same districts and cities recur across thousands of articles)."""
    phrases = [p for text in texts for p in parse_place_phrases(text)]
    if not phrases:
        return None
    place = resolve_place(phrases, countries, areas)
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
