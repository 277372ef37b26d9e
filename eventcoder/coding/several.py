"""Several events in one sentence: one event per place, as ACLED codes them (docs/GUIDELINES.md).

"Protests in A, B and C", "four were killed in A and two in B", "shops in A and B were bombed":
the trigger's place phrases name several places that do not contain one another, so the
candidate stands for one occurrence per place. Each place becomes a candidate of its own (a
"share" of the sentence), with the number that belongs to that place alone ("four in A") as
its figure of dead; a figure of the whole sentence is not given to any one place.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Token

from eventcoder.coding.attach import (
    names_a_place,
    place_of,
    place_preps,
    placename,
    prep_objects,
)
from eventcoder.coding.candidates import VIOLENT, ArticleContext, Candidate
from eventcoder.coding.cues import Cues
from eventcoder.coding.fatalities.numbers import core_number
from eventcoder.coding.fatalities.tokens import Tok
from eventcoder.coding.nlp import TRIGGER_SPANS
from eventcoder.coding.participants import patient_of, prep_object
from eventcoder.coding.places import Place, PlacePhrase, parse_place_phrases, resolve_place, resolve_places
from eventcoder.coding.places.keys import compact
from eventcoder.coding.places.lookup import is_known_place
from eventcoder.coding.rules import VERBAL, bracketed_units, clause_chain, lemma, phrase_text
from eventcoder.coding.sentcache import doc_spans

# Coordinated place names of one phrase ("in A, B and C") or of parallel phrases ("four in A and
# two in B") are separate events for these families; a truce, talks or a deal in two places is one.
SPLIT_FAMILIES = frozenset({"violent", "protest", "arrest", "release"})
LIST_DEPS = frozenset({"cc", "conj", "punct", "appos"})


@dataclass(frozen=True)
class PlaceShare:
    """One place of a sentence that names several, with what belongs to it alone."""

    place: Place
    text: str
    figure: int | None


def split_by_place(cand: Candidate, ctx: ArticleContext, cues: Cues) -> list[Candidate]:
    """The candidate, or one candidate per place when it names several distinct places."""
    if cand.family not in SPLIT_FAMILIES or cand.shadow:
        return [cand]
    shares = place_shares(cand, ctx, cues)
    if len(shares) < 2:
        shares = example_places(cand, ctx, cues) or shares
    if not shares and cand.family in ("violent", "protest"):
        shares = struck_places(cand, ctx, cues)
        if len(shares) == 1:
            cand.place, cand.place_text = shares[0].place, shares[0].text
    elif len(shares) == 1 and cand.family == "violent" and precision(shares[0]) >= 3:
        # "attacked the villages of A, B and C in central Mali": the places struck, in the phrase's place
        struck = struck_places(cand, ctx, cues, within=shares[0].text)
        shares = struck if len(struck) >= 2 else shares
    if len(shares) < 2:
        return [cand]
    group = (cand.sent_index, cand.trigger.start)
    return [
        dataclasses.replace(
            cand,
            place=share.place,
            place_text=share.text,
            split_group=group,
            split_key=share.place.location or share.text,
            split_figure=share.figure,
        )
        for share in shares
    ]


def place_shares(cand: Candidate, ctx: ArticleContext, cues: Cues) -> list[PlaceShare]:
    """Every distinct place the candidate's place phrases name, the containers of others left out."""
    chain = clause_chain(cand.anchor)
    ranked = place_preps(cand, cues)
    preps = [prep for i, (rank, prep) in enumerate(ranked) if rank < 50 or i == 0]
    preps = [q for p in preps for q in (p, *coordinated_preps([p], cues))]
    starts = {p.i for p in preps}
    shares: list[PlaceShare] = []
    covered: set[int] = set()
    for prep in preps:
        if prep.i in covered:
            continue
        first = not covered
        listed = not first and repeated_after_comma(prep) and not names_a_unit(prep, cues)
        if not first and not listed and not parallel_phrase(prep, cand, chain):
            continue
        covered |= {t.i for t in own_tokens(prep)}
        found = listed_places(prep, ctx, cues, starts)
        if not first:
            finest = min((s.place.geo_precision or 4 for s in shares), default=4)
            if listed:
                finest = max(finest, 2)  # a town of a list may resolve to its district's namesake
            found = [s for s in found if s.place.iso3 and precision(s) <= own_finest(s, finest)]
        shares.extend(found)
    if len(shares) >= 2 and shares[0].figure is None and any(s.figure is not None for s in shares[1:]):
        first = subject_figure(cand.anchor)  # "four people died in A, four in B": A's dead are the subject's
        shares[0] = dataclasses.replace(shares[0], figure=first)
    return distinct_places(shares)


def precision(share: PlaceShare) -> int:
    """The share's geo precision (4 when unknown)."""
    return share.place.geo_precision or 4


def own_finest(share: PlaceShare, finest: int) -> int:
    """The coarsest precision a later place of a list may have: the finest of the places before it,
    or a district when it has a figure of its own ("four in A, three in B district")."""
    return max(finest, 3) if share.figure is not None else finest


def subject_figure(verb: Token) -> int | None:
    """The number of a verb's subject ('four people died'), if it has one."""
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        for num in (c for c in subj.children if c.dep_ == "nummod"):
            found = token_number(num)
            if found is not None:
                return found
    return None


EXAMPLE_WORDS = frozenset({"including", "like"})


def example_places(cand: Candidate, ctx: ArticleContext, cues: Cues) -> list[PlaceShare]:
    """The towns a sentence gives as examples of where it happened ('in several towns, including A, B
    and C', 'across the country, including in A and B'): one share each, when there are two or more."""
    anchor = cand.anchor
    objects = [c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")]
    places = [c for p in anchor.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
    heads = [anchor, *objects, *places]
    names: list[Token] = []
    for head in heads:
        for example in head.children:
            if example.dep_ != "prep" or example.lower_ not in EXAMPLE_WORDS:
                continue
            objs = [c for c in example.children if c.dep_ == "pobj"]
            objs += [g for c in example.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for obj in objs[:1]:
                names += listed_names(obj)
    shares = named_shares(names, ctx)
    return shares if len(shares) >= 2 else []


def struck_places(cand: Candidate, ctx: ArticleContext, cues: Cues, within: str = "") -> list[PlaceShare]:
    """Towns and villages that are what was struck ('jets bombed A and B villages', 'A was shelled'),
    for a trigger with no place phrase; a country struck is a side, not a place."""
    target = patient_of(cand.head) if not cand.nominal and cand.family == "violent" else None
    if cand.nominal and cand.head.dep_ == "nsubj" and spreads_to_object(cand, cues):
        target = patient_of(cand.anchor)  # 'jets bombed A', 'the blast hit A', 'protests rocked A'
    elif cand.nominal and cand.family == "violent" and (verb := passive_agent_verb(cand.head)) is not None:
        target = patient_of(verb) if violent_verb(verb, cues) else None  # 'A and B were hit by shells'
    elif cand.nominal and cand.family == "violent":
        target = prep_object(cand.head, cues.target_prepositions)  # 'an attack on A', 'strikes on A and B'
    if target is None:
        target = witnessed_by(cand, cues)
    if target is None:
        return []
    kind = lemma(target) in cues.place_kind_words
    if kind:
        named = [g for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        target = next((g for g in named if g.dep_ == "pobj"), target)
    names = [c for c in target.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if kind and target.pos_ != "PROPN" and names:
        if any(c.ent_id_ for c in names):
            return []  # 'targeted a Hamas command centre': a group's site, no place of that name
        return named_shares(
            [target], ctx, kind, within=within
        )  # 'targeted A district': the kind word heads it
    # 'A and B were hit by shells': names of no actor shelled are towns, known to the gazetteer or not
    shelled = target.dep_ == "nsubjpass" and cand.sub_event_type == "explosion" and target.pos_ == "PROPN"
    listed = kind and bool(target.conjuncts)  # "the villages of A, B and C": places, whatever the tagger says
    return named_shares(listed_names(target, shelled or listed), ctx, kind, written=shelled, within=within)


def witnessed_by(cand: Candidate, cues: Cues) -> Token | None:
    """The place that "saw" or "witnessed" the event ("Lahore saw clashes"; "A, B and C were among the
    cities that saw clashes": the cities, told by the copula's subject)."""
    verb = cand.head.head
    if not cand.nominal or cand.head.dep_ != "dobj" or lemma(verb) not in cues.witnessing_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head
        if subject.dep_ == "pobj" and subject.head.lower_ == "among":
            subject = next((c for c in subject.head.head.children if c.dep_ == "nsubj"), subject)
    return subject


def passive_agent_verb(head: Token) -> Token | None:
    """The passive verb whose agent a noun is, also as a conjunct ('hit by shells and rockets')."""
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return head.head.head
    return None


def listed_names(first: Token, written: bool = False) -> list[Token]:
    """A place name and the names coordinated after it ('A, B and C'), those that name places (with
    `written`, any proper name of no actor of the dictionary)."""
    names = [first, *[c for c in first.conjuncts if c.i > first.i]]
    return [n for n in names if placename(n) or written and n.pos_ == "PROPN" and not n.ent_id_]


def named_shares(
    names: list[Token], ctx: ArticleContext, kind: bool = False, written: bool = False, within: str = ""
) -> list[PlaceShare]:
    """One share per distinct place the names resolve to, finer than a country (or, written with a
    kind of place, 'A and B villages', a named place of any precision; with `written`, also a name the
    gazetteer lacks, in the country the article's events are told in)."""
    countries = ctx.focus_first if written else tuple(ctx.countries)
    shares = []
    for name in names:
        text = conjunct_text(name) + bracketed_units(name) + (f" {within}" if within else "")
        place = place_of((text,), countries)
        unknown = written and place is not None and place.latitude is None
        if place is None or (place.geo_precision or 4) >= 4 and not (kind and place.location) and not unknown:
            continue
        shares.append(PlaceShare(place, text, None))
    return distinct_places(shares)


def spreads_to_object(cand: Candidate, cues: Cues) -> bool:
    """The verb of which the trigger is the subject puts the event at its object: a violent verb
    ('jets bombed A') or a verb of targeting ('airstrikes targeted A district'), or for protests any verb
    ('protests rocked A and B', 'rallies paralysed A')."""
    if cand.family == "protest":
        return cand.anchor.pos_ in VERBAL and cand.anchor.i != cand.head.i
    targeting = cand.anchor.pos_ in VERBAL and lemma(cand.anchor) in cues.targeting_verbs  # 'strikes hit A'
    return targeting or violent_verb(cand.anchor, cues)


def violent_verb(verb: Token, cues: Cues) -> bool:
    """A verb that does violence itself: an eventive verb of violence or a violent trigger ('bombed')."""
    if verb.pos_ not in VERBAL:
        return False
    if lemma(verb) in cues.eventive_verbs["violence"]:
        return True
    return any(
        s.root.i == verb.i and s.label_.split(".")[0] in VIOLENT for s in doc_spans(verb.doc, TRIGGER_SPANS)
    )


def parallel_phrase(prep: Token, cand: Candidate, chain: list[Token]) -> bool:
    """A second place phrase that is another place of the event, not a finer spot of the first one: a
    number of victims of its own ('four in A and two in B'), a coordinated phrase ('in A and in B', and
    the first of them after another place: 'in A, at B and C, and at D') or the place of a coordinated
    clause ('five died in A and three died in B', not 'shot and killed him in A in B')."""
    if prep.lower_ not in ("in", "at"):
        return False
    head = prep.head
    if head.like_num or (prep.dep_ == "conj" and head.dep_ == "prep"):
        return True
    if any(c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in ("in", "at") for c in prep.children):
        return True
    if any(t.dep_ == "prep" and t.lower_ in ("in", "at") and head.i < t.i < prep.i for t in head.subtree):
        return False  # "shot and killed him in A in B": a finer spot and its unit in one clause
    return head.dep_ == "conj" and head.pos_ in VERBAL and head.head in chain and head != cand.anchor


def names_a_unit(prep: Token, cues: Cues) -> bool:
    """A place phrase that calls its place a district, province or other unit ("in X subdivision"), not
    a settlement ("in the border city of X")."""
    objs = prep_objects(prep)
    kind = lemma(objs[0]) if objs else ""
    return kind in cues.place_kind_words and kind not in cues.settlement_words


def coordinated_preps(preps: list[Token], cues: Cues) -> list[Token]:
    """The prepositions coordinated with place phrases ("in C and in D": the parser hangs "in D" under
    "in C"), when they name a place."""
    return [
        c
        for p in preps
        for c in p.children
        if c.dep_ == "conj"
        and c.pos_ == "ADP"
        and c.lower_ in cues.locative_prepositions
        and (objs := prep_objects(c))
        and names_a_place(objs[0], cues)
    ]


def repeated_after_comma(prep: Token) -> bool:
    """A preposition repeated after a comma, beside the same one on the same word ("fired tear gas in
    A, in the port city of B, in C and in D"): the next item of a list, unless it names a unit
    ("in X town, in Y subdivision": where the town lies)."""
    if prep.i < 2 or prep.doc[prep.i - 1].text != ",":
        return False
    end = prep.doc[prep.i - 2]
    return any(
        p.dep_ == "prep" and p.lower_ == prep.lower_ and p.i < prep.i and p.right_edge.i == end.i
        for p in prep.head.children
    )


def listed_places(prep: Token, ctx: ArticleContext, cues: Cues, starts: set[int]) -> list[PlaceShare]:
    """The places of one prepositional phrase: one per coordinated name ('in A, B and C'); the phrase
    stops where another place phrase of the sentence starts."""
    figure = own_figure(prep)
    text = phrase_text(prep, cues)
    end = prep.idx + len(text)
    own = own_tokens(prep)
    if any(prep.i < i and prep.doc[i].idx < end for i in starts) or own[-1].i < prep.right_edge.i:
        text = prep.doc[own[0].i : own[-1].i + 1].text
    objs = prep_objects(prep)
    head = capital_named(objs[0], cues) if objs else None  # "the capital Dakar and the city of X": a list
    head = head or (objs[0] if objs else None)
    listed = [c for c in head.conjuncts if c.i > head.i and not inside_word(c)] if head is not None else []
    names = [head, *listed] if head is not None else []
    names = [kind_named(n, cues) for n in names]
    # a facility is no town of the list, unless the tagger took a town for one ("in Dakar and Ziguinchor")
    names = [n for n in names if n.pos_ == "PROPN" and not_a_site(n) and names_a_place(n, cues)]
    countries = tuple(ctx.countries)
    if any(lemma(t) in cues.town_part_words for t in own_tokens(prep)):
        place = place_of((text,), countries, ctx.areas)  # "in A and B neighbourhoods": parts of one town
        return [PlaceShare(place, text, figure)] if place is not None else []
    if not any(c.dep_ == "cc" for n in names for c in n.children):
        towns = town_list(text, ctx)
        if towns:
            return [PlaceShare(place, f"{prep.text} {name}", figure) for name, place in towns]
        names = names[:1]  # 'in Town, Province': a place and what encloses it, not a list
    if len(names) >= 2:
        suffix = shared_suffix(prep, names[-1], text)
        out = []
        for name in names:
            own = f"{prep.text} {conjunct_text(name)}{suffix}"
            place = place_of((own,), countries, ctx.areas)
            if place is not None:
                out.append(PlaceShare(place, own, figure))
        return out
    kinds = any(lemma(t) in cues.place_kind_words and t.tag_ in ("NNS", "NNPS") for t in own_tokens(prep))
    several = [p for p in resolve_places(text, countries, ctx.areas) if p.iso3 or p.location] if kinds else []
    if len(several) >= 2:
        return [PlaceShare(p, text, figure) for p in several]
    place = place_of((text,), countries, ctx.areas)
    return [PlaceShare(place, text, figure)] if place is not None else []


LIST_TOWNS = 3  # "in A, B, C" without "and" is a list when at least so many towns of one country


def town_list(text: str, ctx: ArticleContext) -> list[tuple[str, Place]]:
    """'in A, B, C' (a headline's list, no 'and'): towns of one country, each resolved alone, none the
    same, are a list; 'in Town, District, Province' is one place and what encloses it (empty)."""
    phrases = parse_place_phrases(text)
    if len(phrases) < LIST_TOWNS or any(p.kind for p in phrases):
        return []
    countries = tuple(ctx.countries)
    places = [resolve_place([PlacePhrase(p.text, None, (), p.near)], countries, ctx.areas) for p in phrases]
    towns = all(p.geo_precision == 1 for p in places)
    if not towns or len({p.iso3 for p in places}) != 1 or len({p.location for p in places}) != len(places):
        return []
    for i, place in enumerate(places[:-1]):  # "A, Monreal, Masbate": A lies inside a later name
        units = {compact(u) for u in (place.admin1, place.admin2) if u}
        if any(compact(later.text) in units for later in phrases[i + 1 :]):
            return []
    return [(ph.text, p) for ph, p in zip(phrases, places, strict=True)]


def not_a_site(name: Token) -> bool:
    """A name that is not a facility's ("the Serena Hotel"): not tagged one, or a single word the
    gazetteer holds as a place."""
    return name.ent_type_ != "FAC" or (not list(name.lefts) and is_known_place(name.text))


def capital_named(noun: Token, cues: Cues) -> Token | None:
    """The name set beside a place word ("the capital Dakar", "the port city Mombasa") when the parser
    coordinated the list's next item with that name, not with the place word; else None."""
    if lemma(noun) not in cues.place_kind_words:
        return None
    named = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return named if named is not None and named.conjuncts else None


def kind_named(name: Token, cues: Cues) -> Token:
    """The name in a list's item written with a kind of place ('A, B and C provinces', "the city of C";
    the parser makes 'provinces' the item and C its modifier); any other item as it is."""
    if name.pos_ == "PROPN" or lemma(name) not in cues.place_kind_words:
        return name
    of = [g for c in name.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of and of[0].pos_ == "PROPN":  # "A and the southern city of B": B
        return of[0]
    named = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < name.i]
    return named[0] if len(named) == 1 else name


def own_tokens(prep: Token) -> list[Token]:
    """The preposition and its object's phrase, without what the parser coordinated with the
    preposition itself ('in A and two in B') or hung under its object ('in A, four in B': 'four in B'
    as an apposition of A)."""
    toks = [prep]
    for child in prep.children:
        if child.dep_ not in LIST_DEPS:
            toks.extend(child.subtree)
    counted = {t.i for tok in toks if tok is not prep and counted_place(tok) for t in tok.subtree}
    return sorted((t for t in toks if t.i not in counted), key=lambda t: t.i)


def inside_word(tok: Token) -> bool:
    """A token written onto the one before it, with no space ("Adl" of "Aiwan-e-Adl"): part of one
    hyphenated name, not an item of a list, whatever the parser coordinated."""
    return tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def counted_place(tok: Token) -> bool:
    """A number with a place phrase of its own ('four in B'): the dead of another place."""
    return tok.like_num and tok.dep_ in LIST_DEPS and any(c.dep_ == "prep" for c in tok.children)


def conjunct_text(name: Token) -> str:
    """A coordinated name with its own modifiers, without the names coordinated with it or a participle
    that says who holds it ("rebel-held", "government-controlled")."""
    skip: set[int] = set()
    for child in name.children:
        if (child.dep_ in LIST_DEPS and child.i > name.i) or (child.dep_ == "amod" and child.pos_ == "VERB"):
            skip |= {t.i for t in child.subtree}
    kept = [t for t in name.subtree if t.i not in skip and t.dep_ != "det"]
    text = ""
    for t, after in zip(kept, [*kept[1:], None], strict=True):  # "Al-Fuah" stays one word
        text += t.text + ("" if after is None else t.whitespace_ if after.i == t.i + 1 else " ")
    return text


def shared_suffix(prep: Token, last: Token, text: str) -> str:
    """What the phrase says after its last name ('..., Yala province'): shared by every name."""
    tail_start = last.right_edge.idx + len(last.right_edge.text) - prep.idx
    tail = text[tail_start:] if 0 <= tail_start <= len(text) else ""
    return tail if tail.strip(" ,") else ""


def own_figure(prep: Token) -> int | None:
    """A number that a place phrase qualifies ('four in A'): the dead of that place alone."""
    return token_number(prep.head) if prep.head.like_num else None


def token_number(tok: Token) -> int | None:
    """The number a token writes ('four', '13'), read as the fatality counter reads numbers."""
    found = core_number([Tok(tok.text, tok.lower_, tok.idx, tok.idx + len(tok.text))], 0, 1)
    return found[0] if found else None


def distinct_places(shares: list[PlaceShare]) -> list[PlaceShare]:
    """Shares of different places; a place that contains another share's place is left out. Villages the
    gazetteer lacks, placed at one unit's coordinates ("A and B villages in Y district"), are one place."""
    out: list[PlaceShare] = []
    seen: set[tuple[str | None, object]] = set()
    for share in shares:
        place = share.place
        spot = (place.latitude, place.longitude) if place.geo_precision == 2 else None
        key = (place.iso3, spot or place.location)
        if key in seen:
            continue
        seen.add(key)
        out.append(share)
    return [s for s in out if not any(other is not s and contains(s.place, other.place) for other in out)]


def contains(outer: Place, inner: Place) -> bool:
    """The outer place is a region, district or country the inner place lies in."""
    if not outer.iso3 or outer.iso3 != inner.iso3 or outer.geo_precision == 1:
        return False  # a town contains no other share's place, though a province bears its name
    if (outer.geo_precision or 4) >= 4:
        return (inner.geo_precision or 4) < 4
    return outer.location is not None and outer.location in (inner.admin1, inner.admin2)
