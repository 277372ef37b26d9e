"""The article's country focus: which countries its place names, country names, demonyms and outlet point at.

Every mention votes (weights in `data/place_ranking.json`, "focus_weights"):

* a country's name ("Albania", "the Philippines") gives its country `country`;
* a demonym or nationality ("Albanian") gives its country `demonym` (less: "French forces" fight abroad);
* a place name ("Fier", "Bamenda") splits `place` among the countries of its gazetteer entries, each country
  by (population + `population_base`) ** `population_exponent` of its biggest entry of that name, so a city
  of a million outvotes a hamlet of the same name elsewhere and a name found in thirty countries votes little;
* the dateline gives the country of the place the story was filed from `dateline` ("PESHAWAR, Pakistan --":
  the country it names, else where its city mostly lies; the model rarely tags a city in capitals);
* the outlet gives its country `outlet`: the country of a national or local outlet of the outlets
  registry (`data/outlets.csv`, written from public knowledge: "An-Nahar" is Lebanese), else each
  country its name names ("The Kabul Times", "Daily Nation (Kenya)", "OSCE SMM-Ukraine").

`country_focus` returns the countries by score, keeping every country named outright (by name, demonym,
dateline or outlet) and every other country that at least `focus_support` distinct place names give a share of
`focus_share` or more ("in Juliaca, Puno": two names of one country; a lone name does not make its own
context: the resolver ranks its entries by population then); `resolve` ranks a place's candidates by
this order.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

from eventcoder.coding.places.candidates import candidates, country_of, notable, own_name, population
from eventcoder.coding.places.gazetteer import gazetteer
from eventcoder.coding.places.keys import outlet_key
from eventcoder.coding.places.lookup import country_for_name
from eventcoder.config import DATA_DIR

RANKING_FILE = DATA_DIR / "place_ranking.json"
OUTLETS_FILE = DATA_DIR / "outlets.csv"
HOME_SCALES = frozenset({"national", "local"})  # outlets that report mostly from their own country
PLACE_LABELS = frozenset({"GPE", "LOC"})
LOCATIVES = frozenset({"in", "at", "near"})
LOCATIVE_LABELS = frozenset({"PERSON", "ORG", "FAC"})
_SPLIT = re.compile(r"[\s\-\u2013/(),:.]+")
_BRACKET_END = re.compile(r"\s*\([^)]*\)\s*$")


@cache
def ranking_data() -> dict[str, Any]:
    """The weights of `data/place_ranking.json`."""
    data: dict[str, Any] = json.loads(RANKING_FILE.read_text(encoding="utf-8"))
    return data


def country_focus(
    mentions: Iterable[tuple[str, str]], outlet: str | None = None, filed: Iterable[str] = ()
) -> list[str]:
    """ISO3 codes of the countries an article is about, best first, from its named entities (text, label:
    GPE, LOC or NORP), its outlet's name and the countries of the places its dateline names (`filed`,
    ISO3 codes: `filed_countries`)."""
    data = ranking_data()
    weights = data["focus_weights"]
    scores: Counter[str] = Counter()
    support: Counter[str] = Counter()
    named: set[str] = set()
    places = [t for t, label in mentions if label in PLACE_LABELS and not country_for_name(t)]
    for text in dict.fromkeys(places):
        strong = strong_countries(text)
        for iso3, share in place_shares(text).items():
            scores[iso3] += weights["place"] * share
            support[iso3] += (2 if iso3 in strong else 1) if share >= data["focus_share"] else 0
    for text, label in mentions:
        found = country_for_name(text)
        if found is not None:
            scores[found[1]] += weights["demonym"] if label == "NORP" else weights["country"]
            named.add(found[1])
    for iso3 in outlet_countries(outlet):
        scores[iso3] += weights["outlet"]
        named.add(iso3)
    for iso3 in filed:
        scores[iso3] += weights["dateline"]
        named.add(iso3)
    ranked = sorted(scores, key=lambda c: (-scores[c], c))
    return [c for c in ranked if c in named or support[c] >= data["focus_support"]]


def filed_countries(names: Iterable[str]) -> list[str]:
    """The countries where a dateline's places lie ("PESHAWAR, Pakistan --"): a country it names, else
    the one that holds most of a place name's weight (a dateline names a city a reader knows)."""
    found: dict[str, None] = {}
    for name in names:
        country = country_for_name(name)
        if country is not None:
            found.setdefault(country[1])
            continue
        shares = place_shares(name, towns=True) or place_shares(name)
        best = max(shares, key=lambda c: shares[c], default=None)
        if best is not None and shares[best] >= 0.5:
            found.setdefault(best)
    return list(found)


def focus_mentions(ents: Iterable[Any]) -> list[tuple[str, str]]:
    """(text, label) of a document's entities (spaCy spans) for `country_focus`: a name the parser took for
    a person, group or building after a locative preposition ("in Joao Pessoa") counts as a place."""
    out = []
    for ent in ents:
        if after_locative(ent):
            out.append((ent.text, "LOC"))
        elif ent.label_ in PLACE_LABELS or ent.label_ == "NORP":
            out.append((ent.text, ent.label_))
    return out


def after_locative(ent: Any) -> bool:
    """A capitalised name of a person, group or building right after "in", "at" or "near" (or "in the"), or
    after a place and a comma or bracket ("Juliaca, Puno"; a spaCy span); also a name taken for a
    nationality that is no demonym ("in Qorveh")."""
    if ent.start == 0 or not ent.text[:1].isupper():
        return False
    if ent.label_ not in LOCATIVE_LABELS and not (
        ent.label_ == "NORP" and country_for_name(ent.text) is None
    ):
        return False
    before = ent.doc[ent.start - 1]
    if before.text in (",", "(") and ent.start >= 2:
        return bool(ent.doc[ent.start - 2].ent_type_ in PLACE_LABELS)
    if before.lower_ == "the" and ent.start >= 2:  # "in the X village"
        before = ent.doc[ent.start - 2]
    return bool(before.lower_ in LOCATIVES)


def outlet_countries(outlet: str | None) -> list[str]:
    """Countries an outlet's name names by a country name or demonym ("Albanian Daily News" -> ALB,
    "Radio Free Asia-Myanmar" -> MMR), each source of a list ("A; B") on its own."""
    if not outlet:
        return []
    found: dict[str, None] = {}
    registry = home_countries()
    for source in outlet.split(";"):
        bracket = _BRACKET_END.search(source)
        named = country_for_name(bracket.group(0).strip(" ()")) if bracket else None
        bare = registry.get(outlet_key(_BRACKET_END.sub("", source)))
        if named is not None and bare is not None and bare != named[1]:
            bare = None  # "The Telegraph (UK)" is not India's Telegraph: the bracket's country decides
        home = registry.get(outlet_key(source)) or bare
        if home is not None:  # a national or local outlet of the registry
            found.setdefault(home)
            continue
        words = [w for w in _SPLIT.split(source) if w]
        for size in range(min(4, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if not words[start][:1].isupper():
                    continue
                hit = country_for_name(" ".join(words[start : start + size]))
                if hit is not None:
                    found.setdefault(hit[1])
    return list(found)


def outlet_areas(outlet: str | None) -> tuple[tuple[str, str], ...]:
    """The home regions ((ISO3, ADM1 or region name) pairs, column `areas`) of the registry's outlets that
    report from a few regions ("El Norte" -> Nuevo Leon), each source of a list ("A; B") on its own: the
    article's places are looked for there first among namesakes of equal standing."""
    if not outlet:
        return ()
    registry = area_rows()
    found: dict[tuple[str, str], None] = {}
    for source in outlet.split(";"):
        row = registry.get(outlet_key(source)) or registry.get(outlet_key(_BRACKET_END.sub("", source)))
        if row is not None and outlet_countries(source) in ([], [row["country"]]):
            found.update(((row["country"], name), None) for name in row["areas"].split("|") if name)
    return tuple(found)


@cache
def outlet_rows() -> list[dict[str, str]]:
    """The rows of the outlets registry (`data/outlets.csv`)."""
    with OUTLETS_FILE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@cache
def area_rows() -> dict[str, dict[str, str]]:
    """Outlet name or alias (as `outlet_key`) -> the registry's row, for outlets with areas."""
    out: dict[str, dict[str, str]] = {}
    for row in outlet_rows():
        if row["country"] and row.get("areas"):
            for key in row_keys(row):
                out.setdefault(key, row)
    return out


def row_keys(row: dict[str, str]) -> list[str]:
    """The `outlet_key`s of a registry row's name and aliases."""
    return [outlet_key(name) for name in [row["outlet"], *(row["aliases"] or "").split("|")] if name.strip()]


@cache
def home_countries() -> dict[str, str]:
    """Outlet name or alias (as `outlet_key`) -> the country of the registry's national and local
    outlets (an international outlet's stories are placed by their text and its name's words)."""
    out: dict[str, str] = {}
    for row in outlet_rows():
        if row["country"] and row["scale"] in HOME_SCALES:
            for key in row_keys(row):
                out.setdefault(key, row["country"])
    return out


@cache
def place_shares(name: str, towns: bool = False) -> dict[str, float]:
    """How a place name's vote splits among countries: by the population of its biggest entry in each
    (of its towns only, with `towns`: a dateline names a city, not a province)."""
    g = gazetteer()
    data = ranking_data()
    base, power = data["population_base"], data["population_exponent"]
    best: dict[int, int] = {}
    found = [c for c in candidates(g, name, None) if c.ref[0] != "c" and (c.ref[0] == "t" or not towns)]
    own = [c for c in found if own_name(g, c.ref, name)]
    meant = any(notable(g, c.ref) for c in own)
    for cand in own if meant else found:  # a notable place of that very name, not one once so called
        country = country_of(g, cand.ref)
        best[country] = max(best.get(country, 0), population(g, cand.ref))
    mass = {c: (pop + base) ** power for c, pop in best.items() if c in g.countries}
    total = sum(mass.values())
    return {g.countries[c].iso3: m / total for c, m in mass.items()} if total else {}


@cache
def strong_countries(name: str) -> frozenset[str]:
    """Countries where a name is the own name of an ADM1 or of a place of `focus_strong_population` people or
    more: such a name counts as two names for the focus ("Donetsk", "Mombasa"); a big city's alternate name
    does not ("Mina", once a spelling of Nigeria's Minna, is a quarter of Tripoli in a Lebanese report)."""
    g = gazetteer()
    least = ranking_data()["focus_strong_population"]
    out: set[str] = set()
    for cand in candidates(g, name, None):
        kind, i = cand.ref
        strong = (kind == "u" and g.unit_level(i) == 1) or (kind == "t" and g.town_population(i) >= least)
        if strong and own_name(g, cand.ref, name) and (country := country_of(g, cand.ref)) in g.countries:
            out.add(g.countries[country].iso3)
    return frozenset(out)
