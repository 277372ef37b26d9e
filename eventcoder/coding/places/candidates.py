"""Candidate entries for a name: the gazetteer entries it may mean (exact, fuzzy, or less a word) and where
they lie (`containers`), for `resolve` to rank."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from eventcoder.coding.geo import km_between
from eventcoder.coding.places.gazetteer import Gazetteer
from eventcoder.coding.places.index import place_index
from eventcoder.coding.places.keys import (
    SKELETON_DROPPED,
    compact,
    fold_words,
    join_key,
    name_keys,
    skeleton,
    strip_generic,
)
from eventcoder.coding.places.phrases import split_kind
from eventcoder.coding.places.records import PlacePhrase
from eventcoder.coding.places.words import ADM1_KINDS, ADM2_KINDS, GENERIC_SUFFIXES, TOWN_KINDS

ANYWHERE_SIMILARITY = 0.8  # a unit matched by spelling without any country known
Ref = tuple[str, int]  # ("c", country) | ("u", unit) | ("t", town) | ("r", region)


@dataclass(frozen=True)
class Cand:
    """A gazetteer entry matched by a name, with how it matched."""

    ref: Ref
    exact: bool
    similarity: float = 1.0
    by_code: bool = False  # a code or short name matched by capitals ("UP", "UN"): meant in context only


def is_acronym(name: str) -> bool:
    """A name written as an acronym of up to three capitals ("UN", "AU"): a code or an organisation more
    often than the place of that short name ("Un", "Au") or the airport code among alternate names."""
    core = name.strip()
    return 2 <= len(core) <= 3 and core.isalpha() and core.isupper()


def is_code(alias: str) -> bool:
    """An alternate name written as a code of up to four capitals ("ADL", "OPKC"): an airport's IATA or ICAO
    code, meant only when the text writes it in capitals too."""
    return len(alias) <= 4 and alias.isalpha() and alias.isupper()


def candidates(g: Gazetteer, name: str, kind: str | None) -> list[Cand]:
    """Entries matching exactly by name, alias or ISO3 code (units also without generic word, "<X> City")."""
    words = fold_words(name)
    keys = name_keys(words)
    if kind in TOWN_KINDS:
        keys.append(compact(f"{name} {kind}"))
    unit_keys = [*keys, *name_keys(strip_generic(words))]
    out: dict[Ref, Cand] = {}
    acronym = is_acronym(name)
    code = g.by_iso3.get(name.strip()) if name.strip().isupper() else None
    if code is not None:  # an ISO3 code written as such ("AFG")
        out[("c", code.idx)] = Cand(("c", code.idx), True)
    for key in dict.fromkeys(keys):
        if key in g.country_index:
            out.setdefault(("c", g.country_index[key]), Cand(("c", g.country_index[key]), True))
        for t in g.town_index.get(key, ()):
            coded = acronym and compact(g.town(t).name) == key  # "UN" -> the village Un
            out.setdefault(("t", t), Cand(("t", t), True, by_code=coded))
    demonyms = [g.demonyms[k] for k in keys if k in g.demonyms]
    if demonyms:  # a demonym read as a place names its country ("Chadian" is no hamlet in China)
        country = [Cand(("c", demonyms[0]), True)]
        if kind in ADM1_KINDS | ADM2_KINDS:  # "Somali region" is Ethiopia's unit, not Somalia
            return [Cand(("u", u), True) for k in unit_keys for u in g.unit_index.get(k, ())] + country
        return country
    for found in place_index().candidates(name):  # GeoNames alternate names ("Kiev", "Aleppo")
        if is_code(found.matched) and not name.strip().isupper():
            continue  # an airport code among the alternate names ("ADL") is no word written "Adl"
        t = g.town_by_geonameid(found.id)
        if t is not None:
            out.setdefault(("t", t), Cand(("t", t), True, by_code=acronym))
    if name.strip().isupper():  # an ADM1 written by its ISO 3166-2 code ("Kanpur (UP)")
        for u in g.unit_codes.get(name.strip(), ()):
            out.setdefault(("u", u), Cand(("u", u), True, by_code=True))
    written = written_generic_word(name)
    for key in dict.fromkeys(unit_keys):
        for u in g.unit_index.get(key, ()):
            if key not in keys and other_generic_word(g, u, written):
                continue  # "Green Zone" is no "Green County"
            out.setdefault(("u", u), Cand(("u", u), True))
        for r in g.region_index.get(key, ()):
            out.setdefault(("r", r), Cand(("r", r), True))
    if not out:  # "Maguindanao": a province since split into "Maguindanao del Norte" and "... del Sur"
        for u in split_units(g, name):
            out.setdefault(("u", u), Cand(("u", u), False, 0.9))
    return list(out.values())


def written_generic_word(name: str) -> str | None:
    """The generic unit word a name is written with ("Green Zone" -> zone; "X city" names a town too)."""
    words = fold_words(name)
    stem = strip_generic(words)
    if len(stem) == len(words) or words[: len(stem)] != stem:
        return None
    written = " ".join(words[len(stem) :])
    return None if written in TOWN_KINDS else written


def other_generic_word(g: Gazetteer, unit: int, written: str | None) -> bool:
    """The unit's own names carry generic words, none the one written ("Green County" is no "Green Zone")."""
    if written is None:
        return False
    own = g.unit_name_keys(unit)
    suffixes = {s: compact(s) for s in GENERIC_SUFFIXES}
    theirs = {s for s, key in suffixes.items() for k in own if k.endswith(key) and k[: -len(key)] in own}
    return bool(theirs) and written not in theirs


SPLIT_NAME_MIN = 4  # letters a split unit's name needs of its own ("" + "Norte" is no "Nord")
SPLIT_SUFFIXES = ("del norte", "del sur", "norte", "sur", "north", "south", "east", "west")


def split_units(g: Gazetteer, name: str) -> list[int]:
    """Units named by the name and a compass suffix ("X del Norte", "X South"): the parts of a unit the
    gazetteer holds only as split, when the name itself names nothing."""
    if len(compact(name)) < SPLIT_NAME_MIN:
        return []
    return [u for suffix in SPLIT_SUFFIXES for u in g.unit_index.get(compact(f"{name} {suffix}"), ())]


def fuzzy_candidates(g: Gazetteer, name: str, ctx: list[int], hard: list[set[Ref]]) -> list[Cand]:
    """Skeleton matches inside a context country or a resolved qualifier, with similarity of at least 0.6."""
    key = join_key(strip_generic(fold_words(name)))
    skel = skeleton(key)
    within = {r for q in hard for r in q}
    if len(skel) < (2 if within else 3):
        return []
    countries = set(ctx) | {r[1] for r in within if r[0] == "c"}
    out: list[Cand] = []
    if not within and not countries:
        return _fuzzy_units_anywhere(g, key, skel)
    search = countries | {country_of(g, r) for r in within}
    written = written_generic_word(name)  # "Green Zone" is a unit's name, no town's
    towns = [t for c in search for t in g.fuzzy_towns(c).get(skel, ())] if written is None else []
    for kind, found in (("u", g.unit_fuzzy.get(skel, ())), ("t", towns)):
        for i in found:
            ref: Ref = (kind, i)
            if within and not (containers(g, ref) & within):
                continue
            if not within and country_of(g, ref) not in countries:
                continue
            if kind == "u" and other_generic_word(g, i, written):
                continue
            other = g.units[i].name if kind == "u" else g.town(i).name
            sim = _similarity(key, name_keys(strip_generic(fold_words(other))))
            if sim >= 0.6:
                out.append(Cand(ref, False, sim))
    return out


def _fuzzy_units_anywhere(g: Gazetteer, key: str, skel: str) -> list[Cand]:
    """With no country known: ADM1/ADM2 units of any country spelled nearly alike (similarity >= 0.8, five
    letters or more: "Idleb" is Idlib, "Aljfara" Al Jifarah), for a unit named beside a place."""
    if len(key) < 5:
        return []
    out = []
    for i in g.unit_fuzzy.get(skel, ()):
        sim = _similarity(key, name_keys(strip_generic(fold_words(g.units[i].name))))
        if sim >= ANYWHERE_SIMILARITY:
            out.append(Cand(("u", i), False, sim))
    return out


def _similarity(key: str, others: list[str]) -> float:
    """Best similarity of a key to another entry's keys (with and without an article) of a similar length:
    0 when the lengths differ by more than 2 letters and a quarter ("Mand" is not "Mohmand") unless one
    begins with the other (the adjectival "Kurskaya" oblast is "Kursk")."""
    best = 0.0
    for other in others:
        if not same_onset(key, other):
            continue
        similar = abs(len(key) - len(other)) <= max(2, max(len(key), len(other)) // 4)
        if similar or (min(len(key), len(other)) >= 4 and (other.startswith(key) or key.startswith(other))):
            best = max(best, SequenceMatcher(None, key, other).ratio())
    return best


def same_onset(key: str, other: str) -> bool:
    """Two spellings of one name begin alike: both with a vowel (or h), or both with a consonant
    ("Idleb" and "Idlib", "Qandahar" and "Kandahar"; not "Nakyal" and "Anekal", one skeleton)."""
    return bool(key and other) and (key[0] in SKELETON_DROPPED) == (other[0] in SKELETON_DROPPED)


def shortened_candidates(g: Gazetteer, name: str, kind: str | None, hard: list[set[Ref]]) -> list[Cand]:
    """Exact matches of a multi-word name less its last or first word, only inside a resolved qualifier."""
    within = {r for q in hard for r in q}
    words = name.split()
    if not within or len(words) < 2:
        return []
    out: list[Cand] = []
    for part in (" ".join(words[:-1]), " ".join(words[1:])):
        for c in candidates(g, part, kind):
            if containers(g, c.ref) & within:
                out.append(Cand(c.ref, False, 0.5))
    return out


BIG_TOWN = 100_000  # a place this big is notable: meant even outside the article's countries
WORLD_CITY = 1_000_000  # a city this big is known abroad by its other names too ("Rangoon", "Bombay")
SUBSTANTIAL = 20_000  # outside the article's countries, the only place of a name this big is taken


def notable(g: Gazetteer, ref: Ref) -> bool:
    """Known well enough to be meant outside the article's countries: country, ADM1, capital, big city."""
    kind, i = ref
    if kind == "t":
        return i in g.capital_towns or g.town_population(i) >= BIG_TOWN
    return kind in ("c", "r") or g.units[i].level == 1


def own_name(g: Gazetteer, ref: Ref, name: str) -> bool:
    """The entry's own name is the name, with or without an Arabic article or a unit word ("Mandera County"),
    not an alternate or historical one."""
    kind, i = ref
    own = fold_words(g.town(i).name if kind == "t" else g.regions[i].name if kind == "r" else g.units[i].name)
    words = fold_words(name)
    return bool(
        {*name_keys(own), *name_keys(strip_generic(own))}
        & {*name_keys(words), *name_keys(strip_generic(words))}
    )


def seat_unit(g: Gazetteer, ref: Ref, level: int) -> Ref | None:
    """The unit of that level a town is the seat of and shares its name with ("the province of Deir
    al-Zor", matched as the city by one of its spellings: the province Deir-ez-Zor)."""
    if ref[0] != "t":
        return None
    town = g.town(ref[1]).name
    for kind, i in containers(g, ref):
        unit = g.units[i] if kind == "u" else None
        if unit is not None and unit.level == level and unit.seat == ref[1] and own_name(g, (kind, i), town):
            return (kind, i)
    return None


def known_by(g: Gazetteer, ref: Ref, name: str) -> bool:
    """A unit, a capital, a city of a million (known by its other names: "Rangoon") or a place written by its
    own name."""
    if ref[0] != "t":
        return True
    return ref[1] in g.capital_towns or g.town_population(ref[1]) >= WORLD_CITY or own_name(g, ref, name)


def village_spelling(g: Gazetteer, ref: Ref, name: str) -> bool:
    """A fuzzy match that can be the village written: no town of 20,000+ people ("the village of Kotile" is
    no spelling of the town of Kitale) unless the name written is its name with more words ("Bali
    Nyonga" for Bali)."""
    if ref[0] != "t" or not is_substantial(g, ref):
        return True
    return compact(name).startswith(compact(g.town(ref[1]).name))


def population(g: Gazetteer, ref: Ref) -> int:
    """Population of an entry (a unit's and a country's is the sum of their places')."""
    kind, i = ref
    if kind == "t":
        return g.town_population(i)
    if kind == "r":
        return g.regions[i].population
    return g.units[i].population if kind == "u" else g.countries[i].population


def is_substantial(g: Gazetteer, ref: Ref) -> bool:
    """A place of 20,000 people or more, or a unit with that many in its places."""
    kind, i = ref
    if kind == "t":
        return g.town_population(i) >= SUBSTANTIAL
    return kind == "u" and not g.is_empty_unit(i) and g.units[i].population >= SUBSTANTIAL


def weak_unit(g: Gazetteer, ref: Ref) -> bool:
    """A unit with no populated place in the gazetteer (a statistical area: a name, no place)."""
    return ref[0] == "u" and g.is_empty_unit(ref[1])


def country_of(g: Gazetteer, ref: Ref) -> int:
    """Country index of an entry."""
    kind, i = ref
    if kind == "c":
        return i
    if kind == "r":
        return g.regions[i].country
    return g.unit_country(i) if kind == "u" else g.town_country(i)


def containers(g: Gazetteer, ref: Ref) -> set[Ref]:
    """The entry itself and every entry it lies in (its ADM2, ADM1 and country)."""
    kind, i = ref
    out: set[Ref] = {ref}
    if kind == "t":
        t = g.town(i)
        out.add(("c", t.country))
        if t.adm1 is not None:
            out.add(("u", t.adm1))
        if t.adm2 is not None:
            out.add(("u", t.adm2))
    elif kind == "u":
        out.add(("c", g.unit_country(i)))
        adm1 = g.unit_adm1(i)
        if adm1 is not None:
            out.add(("u", adm1))
    elif kind == "r":
        out.add(("c", g.regions[i].country))
    return out


def provinces_of_districts(g: Gazetteer, refs: set[Ref]) -> set[Ref]:
    """The provinces of the ADM2s among some entries, marked ("d", ADM1) to meet only a town without ADM2."""
    return {("d", adm1) for kind, i in refs if kind == "u" and (adm1 := g.unit_adm1(i)) is not None}


_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*(.*)$")


def containers_of_name(g: Gazetteer, text: str, ctx: list[int]) -> set[Ref]:
    """Entries a qualifier may name: its units/countries, else its towns and their ADM2s; empty if none.
    A bracket inside the qualifier names its enclosing unit ("Patiala (Punjab) district")."""
    bracketed = _BRACKETED.match(text)
    if bracketed and bracketed[1]:
        refs = containers_of_name(g, f"{bracketed[1]} {bracketed[3]}".strip(), ctx)
        outer = containers_of_name(g, bracketed[2], ctx)
        return {r for r in refs if containers(g, r) & outer} or refs
    name, kind = split_kind(text)
    refs: set[Ref] = set()
    cands = candidates(g, name, kind) or fuzzy_candidates(g, name, ctx, [])
    if ctx:  # "Kanpur (UP)" in an Indian article; "the Central African Republic, the UN" names no unit
        cands = [c for c in cands if not c.by_code or country_of(g, c.ref) in ctx]
    # "X in central Mali": the country, not a namesake unit abroad (Guinea's Mali), unless the article's
    # main country has a unit of that name ("Atlanta, Georgia" in a US article)
    countries = [c for c in cands if c.ref[0] == "c" and c.exact]
    home = any(c.ref[0] != "c" and country_of(g, c.ref) in ctx[:1] for c in cands)
    if countries and kind is None and not home:
        cands = countries
    areas = [c for c in cands if c.ref[0] != "t"]
    for c in areas or cands:
        refs.add(c.ref)
        if c.ref[0] == "t":
            t = g.town(c.ref[1])
            if t.adm2 is not None:
                refs.add(("u", t.adm2))
        elif c.ref[0] == "r":  # a region qualifies through its ADM1s
            refs.update(("u", u) for u in g.regions[c.ref[1]].adm1s)
    return refs


QUARTER_KM = 20  # "City-Quarter": the quarter lies this close to the city; farther, "A-B" is a road


def city_of_quarter(g: Gazetteer, phrase: PlacePhrase, ctx: list[int]) -> Ref | None:
    """ "Belgrade-Vracar", "Lima-Puente Piedra": a quarter written after its notable or substantial city
    and a hyphen, the city in the article's countries: the quarter when the gazetteer holds it near the
    city, else the city; None when the second name is a town farther away ("Dhaka-Mymensingh highway"
    joins two places)."""
    head, dash, rest = phrase.text.partition("-")
    if not dash or not head.strip() or not rest[:1].isupper() or phrase.kind not in (None, *TOWN_KINDS):
        return None
    inside = [c.ref for c in candidates(g, head.strip(), None) if c.ref[0] == "t"]
    cities = [r for r in inside if (notable(g, r) or is_substantial(g, r)) and country_of(g, r) in ctx]
    if not cities:
        return None
    city = max(cities, key=lambda r: g.town_population(r[1]))
    towns = [c.ref for c in candidates(g, rest.strip(), None) if c.ref[0] == "t"]
    towns = [r for r in towns if country_of(g, r) == country_of(g, city)]
    near = [r for r in towns if km_between(*g.town_point(r[1]), *g.town_point(city[1])) <= QUARTER_KM]
    if near:
        return near[0]
    return None if towns else city
