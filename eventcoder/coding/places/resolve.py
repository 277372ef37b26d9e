"""Place resolution: `PlacePhrase`s (from `phrases`) to ACLED-style `Place`s against the offline `gazetteer`.

`resolve_place` picks one gazetteer entry for the phrases of a place; `resolve_places` returns one `Place` per
coordinated place of a clause ("in Mombasa and Kisumu"). Candidate entries come from `candidates`.

Choosing among entries of the same name, in this order (first difference wins):

1. the qualifiers written with the phrase ("Gardez city, Paktia" -> the Gardez inside Paktia); a phrase
   whose qualifiers resolve but that has no entry inside them is *not* resolved (a village of the same
   name elsewhere is not taken) unless it names a unit that is unique in its country; later phrases count
   as softer qualifiers; a town the gazetteer gives no ADM2 meets a district of its province;
2. the article's countries (`context_iso3`, most mentioned first); a country name itself counts as in
   context unless an ADM1 of the main country has that name ("Georgia" in a US article); a notable or
   substantial entry (below) within the main country's extent (its places' bounding box and a degree)
   ranks just below the main country, above the other context countries (Hebron in the West Bank, not in
   Connecticut, for an Israel article that mentions the US); an empty unit (no populated place in it,
   Israel's ADM2 "Gaza") does not count as in context when a notable or substantial entry of the name
   exists;
3. the feature word: district -> ADM2, province/state/region -> ADM1, city/town/village -> populated place
   (or the seat of a unit of that name); with no feature word: country, then a national capital or a
   place of 100,000 people or more, then a place that is the seat of every unit of its name in its country
   ("Goma"), then ADM1/ADM2 or a region, then a smaller place ("Kabul" -> the city, "Helmand" -> the
   province, "Swat" -> the district); a qualifier used as the place itself prefers units, but a country
   in context stays the country ("X in central Mali" is not Guinea's prefecture Mali); a spelling variant
   of the feature word's type replaces an exact entry of another type only when close (similarity >=
   0.75) or inside it ("X district" is the province X when the only such district lies elsewhere);
4. exact name (or alias, or name without an Arabic article or a final "City") before fuzzy match (same
   consonant skeleton, similarity >= 0.6 inside a resolved qualifier, else >= 0.75 inside a context
   country: "Tumbao" is no Tambo; similar length or one name the start of the other; never inside units
   it lacks: "X village in Y township");
5. inside one of the article's areas (the ADM1s its outlet reports from: `focus.outlet_areas`);
6. national capital, then population (a unit's population is the sum of its places').

Fuzzy matching is the last resort: when no exact entry is acceptable in the article's countries, an exact
*notable* entry anywhere (country, ADM1, region, national capital, city of 100,000+: "Caracas" in a
Colombia article is not the village Carcasi) is taken first, else an exact *substantial* one (a place of
20,000+ or a unit with that many people) if all substantial entries of the name lie in one country
("Nuseirat" in an Israel article); only then a fuzzy match in context; then an empty unit in context.

An outlet that reports from some areas (its beat: `focus.outlet_areas`) names villages of its beat: a
place written alone (no units beside it, no other place phrase) that resolves only to a small town or
district of the outlet's country outside every area of its beat is taken as a village the gazetteer lacks
on the beat: its name as written, at the beat's first area's coordinates with precision 2 (a front-line
monitor's "near X" is not the X of another province); a notable or substantial place is meant wherever it
is. `beat_place` does the same for an event's place the gazetteer does not hold at all, and gives an
event placed in the country alone the beat's first area (precision 3).

A name the gazetteer lacks joining two towns of one country by a hyphen ("the Garissa-Mandera road") is the
way between them, placed near the first town. Precision (ACLED geo_precision): 1 a populated place; 2
"near"/"outside"/"area"/"sector" of a place, or a unit when the text named a village/area inside it that is
not in the gazetteer ("X in Y district", "X (Y)"; the village keeps its name as location, at the unit's
coordinates and admin levels, as ACLED names it; inside a province it has no admin2: the seat's district is
not the village's); 3 an ADM2, an ADM1 or a region alone; 4 the country only (a village it lacks named in a
country alone keeps its name). Coordinates of units, regions and countries follow the seat rule in
`gazetteer`'s docstring; an ADM1-level place takes the seat's name as location and the seat's ADM2 as admin2
(as ACLED places a province-level event at its capital). Nothing resolved: the name as written and the first
context country, without coordinates or precision. The records are built in `build`.

This module also re-exports the parsing and look-up names `eventcoder.coding.document` imports from it;
the package (`eventcoder.coding.places`) is the entry point for everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from eventcoder.coding.places.build import named_within, to_place, unknown_place, written_name
from eventcoder.coding.places.candidates import (
    BIG_TOWN,
    Cand,
    Ref,
    candidates,
    city_of_quarter,
    containers,
    containers_of_name,
    country_of,
    fuzzy_candidates,
    is_substantial,
    known_by,
    notable,
    population,
    provinces_of_districts,
    seat_unit,
    shortened_candidates,
    village_spelling,
    weak_unit,
)
from eventcoder.coding.places.gazetteer import Gazetteer, gazetteer
from eventcoder.coding.places.keys import compact, skeleton
from eventcoder.coding.places.phrases import (
    alternatives,
    parse_place_phrases,
    place_groups,
    split_kind,
    without_direction,
)
from eventcoder.coding.places.records import Place, PlacePhrase
from eventcoder.coding.places.words import (
    ADM1_KINDS,
    ADM2_KINDS,
    COMMON_WORDS,
    DIRECTION_WORDS,
    KIND_WORDS,
    TOWN_KINDS,
)

NEAR_MARGIN = 1.0  # degrees around the main context country's places
# a spelling of the name that has the kind the feature word asks for replaces an exact entry of another kind
# when this similar ("Vehari city": the town Vihari, not the district) or inside it ("Muscat district": the
# province's district Masqat); "Tripura district" is the state Tripura, not the district Tiruppur elsewhere,
# whose consonants are the same
KIND_SPELLING = FREE_SPELLING = 0.75  # the latter: a spelling variant with no unit written beside it
ENCLOSING = "enclosing"  # internal kind: a qualifier used as the place because the inner place is unknown


@dataclass(frozen=True)
class _Scored:
    """A candidate with the criteria it is ranked by (module docstring), compared in field order."""

    qualifiers: int
    soft_qualifiers: int
    context: int
    kind_fit: float
    exact: bool
    similarity: float
    capital: bool
    population: int
    cand: Cand
    weak_context: bool = False  # in a context country, but only as an empty unit (context counted as 0)
    area: bool = False  # inside one of the article's areas (its outlet's home region)

    @property
    def order(self) -> tuple[int, int, int, float, bool, float, bool, bool, int]:
        """The sort key (higher is better)."""
        return (
            self.qualifiers,
            self.soft_qualifiers,
            self.context,
            self.kind_fit,
            self.exact,
            self.similarity,
            self.area,
            self.capital,
            self.population,
        )


def resolve_place(
    phrases: Sequence[PlacePhrase], context_iso3: Sequence[str] = (), areas: Sequence[tuple[str, str]] = ()
) -> Place:
    """From the place phrases of an event (most specific first), the article's countries and its areas
    ((ISO3, ADM1 name) pairs: its outlet's home region) to one Place."""
    g = gazetteer()
    ctx = [c for c in (g.country_row(i.upper()) for i in context_iso3) if c in g.countries]
    area = _area_refs(tuple(areas)) if areas else frozenset()
    expanded = _expand(phrases)
    for i, phrase in enumerate(expanded):
        soft = [p.text for p in expanded[i + 1 :]]
        missed = any(_names_phrase(q, phrase) for earlier in expanded[:i] for q in earlier.qualifiers)
        asked = (
            phrase if not missed or phrase.kind else PlacePhrase(phrase.text, ENCLOSING, phrase.qualifiers)
        )
        ref = _resolve_phrase(g, asked, soft, ctx, area)
        if ref is None and i == 0:
            ref = city_of_quarter(g, phrase, ctx)
        if ref is None and i == 0:
            ref = _road_start(g, phrase, ctx)
            phrase = replace(phrase, near=True) if ref is not None else phrase
        if ref is not None and len(expanded) == 1 and area and _namesake_off_beat(g, ref, phrase, area):
            home = _home_area(tuple(areas))
            if home is not None:  # a village the gazetteer lacks on the outlet's beat, not its namesake
                return _on_beat(g, home, phrase)
        if ref is not None:
            enclosing = _enclosing_alternative(g, ref, phrase)
            place = to_place(g, ref, phrase, missed or enclosing)
            province = ref[0] == "u" and g.unit_level(ref[1]) == 1
            if (
                missed
                and i > 0
                and (ref[0] in ("u", "c") or (expanded[0].kind == "village" and not phrase.near))
            ):
                # "X village in Y township", X unknown: near the town Y (precision 2), not Y itself; "X
                # village close to Y town" is coded at Y
                near = replace(place, geo_precision=2) if ref[0] == "t" else place
                return named_within(near, expanded[0], province)
            if enclosing and _names_enclosing(g, ref, phrase):  # "Kobarre (Lamu)", Kobarre unknown
                return named_within(place, replace(phrase, text=alternatives(phrase.text)[0]), province)
            return place
    split = _unit_tail(g, phrases, ctx)
    if split is not None:  # "X Sinaloa", "X Baja California": a town and its unit without a comma
        return resolve_place(split, context_iso3, areas)
    bare = without_direction(phrases)
    part = resolve_place(bare, context_iso3, areas) if bare is not None else None
    if part is not None and (part.geo_precision or 4) < 4:  # "Central X", "West X": part of a place X (a
        # country's part is no place of the country: "South Yemen", "West Africa")
        return part
    return unknown_place(g, expanded, ctx)


def _unit_tail(g: Gazetteer, phrases: Sequence[PlacePhrase], ctx: list[int]) -> list[PlacePhrase] | None:
    """A lone name nothing resolved whose last words name a unit exactly (the longest such tail): the
    place and its unit, as if a comma stood between them. The unit lies in the article's countries, or,
    when it names none, is a province; a common word ("Central") names no unit here, a kind or direction
    word ("Colonia X", "Western X") no town, and a known place that is not a town of the unit ("Kenya's
    Coast") is not read so."""
    if len(phrases) != 1 or phrases[0].qualifiers or phrases[0].kind not in (None, *TOWN_KINDS):
        return None
    words = phrases[0].text.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if not tail[:1].isupper() or compact(tail) in COMMON_WORDS:
            continue
        units = [c.ref[1] for c in candidates(g, tail, None) if c.ref[0] == "u"]
        units = [u for u in units if (g.unit_country(u) in ctx if ctx else g.unit_level(u) == 1)]
        head = " ".join(words[:k])
        if not units or any(
            w.lower() in KIND_WORDS or w.lower() in DIRECTION_WORDS or compact(w) in COMMON_WORDS
            for w in words[:k]
        ):
            continue  # "Colonia X", "Western X": a word of a place's kind, not its name
        named = [c.ref for c in candidates(g, head.removesuffix("'s").removesuffix("’s"), None)]
        if named and not any(r[0] == "t" and containers(g, r) & {("u", u) for u in units} for r in named):
            continue  # "Hodeidah Red Sea port", "Kenya's Coast": a known place not a town in the unit
        return [replace(phrases[0], text=head, qualifiers=(tail,)), PlacePhrase(tail, None, ())]
    return None


def beat_place(place: Place, areas: Sequence[tuple[str, str]]) -> Place | None:
    """An event's place in an article by an outlet with a beat in the place's country, when the place is
    a name the gazetteer does not hold (no coordinates: the name in the beat's first area, at the area's
    coordinates, precision 2) or the country alone (the beat's first area, precision 3); None otherwise
    (a place resolved below country level stays)."""
    g = gazetteer()
    home = _home_area(tuple(areas)) if areas else None
    if home is None or not place.location or g.countries[country_of(g, home)].iso3 != place.iso3:
        return None
    if place.geo_precision == 4:
        return to_place(g, home, PlacePhrase(place.location, None, ()), False)
    if place.latitude is not None:
        return None
    return _on_beat(g, home, PlacePhrase(place.location, None, ()))


def resolve_places(
    text: str, context_iso3: Sequence[str] = (), areas: Sequence[tuple[str, str]] = ()
) -> list[Place]:
    """One Place per coordinated place of a clause's most specific level ("in Mombasa and Kisumu" -> two;
    "in Kabul, Ghor and Balkh provinces" -> three), each resolved with the clause's enclosing places; one
    Place for a clause naming one place, none for a clause naming no place."""
    return [resolve_place(group, context_iso3, areas) for group in place_groups(text)]


def named_place(
    texts: Sequence[tuple[str, bool]],
    context_iso3: Sequence[str] = (),
    areas: Sequence[tuple[str, str]] = (),
) -> Place | None:
    """The first place below country level named by texts that start at a name ("Kosti (White Nile state)
    ..."), each with a flag asking for a place written with its enclosing units ("X (Y, Z)"), for an event
    whose trigger has no locative phrase; None when none resolves."""
    for text, qualified in texts:
        for group in place_groups(text)[:1]:
            if qualified and not group[0].qualifiers:
                continue
            place = resolve_place(group, context_iso3, areas)
            if place.latitude is not None and place.geo_precision is not None and place.geo_precision < 4:
                return place
    return None


@lru_cache(maxsize=4096)
def _area_refs(areas: tuple[tuple[str, str], ...]) -> frozenset[Ref]:
    """The ADM1 units named by (ISO3, name) pairs; a region's name stands for its ADM1s ("Donbas")."""
    g = gazetteer()
    out: set[Ref] = set()
    for iso3, name in areas:
        out.update(("u", u) for u in g.adm1s_named(iso3, name))
    return frozenset(out)


def _road_start(g: Gazetteer, phrase: PlacePhrase, ctx: list[int]) -> Ref | None:
    """ "The Garissa-Mandera road": an unknown name joining two towns of one country by a hyphen (one of
    the article's countries, when it has any) is the way between them, placed near the first (precision
    2); None otherwise."""
    head, dash, rest = phrase.text.partition("-")
    if not dash or phrase.qualifiers or phrase.kind not in (None, *TOWN_KINDS):
        return None
    ends = [_resolve_phrase(g, PlacePhrase(part.strip(), None, ()), [], ctx) for part in (head, rest)]
    if any(end is None or end[0] != "t" or (ctx and country_of(g, end) not in ctx) for end in ends):
        return None
    first, second = ends
    return first if country_of(g, first) == country_of(g, second) else None


def _namesake_off_beat(g: Gazetteer, ref: Ref, phrase: PlacePhrase, area: frozenset[Ref]) -> bool:
    """A small town or district written without its units, in the outlet's country but outside every
    area the outlet reports from (a village of the same name elsewhere: "near X" in a front-line
    monitor's report); a notable or substantial place is meant wherever it is."""
    if phrase.qualifiers or len(alternatives(phrase.text)) > 1 or phrase.kind not in (None, *TOWN_KINDS):
        return False
    if ref[0] not in ("t", "u") or notable(g, ref) or is_substantial(g, ref):
        return False
    return country_of(g, ref) in {country_of(g, a) for a in area} and not containers(g, ref) & area


def _on_beat(g: Gazetteer, home: Ref, phrase: PlacePhrase) -> Place:
    """A village the gazetteer lacks on the outlet's beat: its name as written, in the beat's area, at the
    area's coordinates with precision 2."""
    area = to_place(g, home, PlacePhrase(phrase.text, ENCLOSING, (), phrase.near), True)
    written = written_name(phrase.text) or area.location
    return replace(area, location=written, admin2=None, geo_precision=2)


def _home_area(areas: tuple[tuple[str, str], ...]) -> Ref | None:
    """The outlet's first area (its main beat) as a unit."""
    g = gazetteer()
    for iso3, name in areas[:1]:
        for u in g.adm1s_named(iso3, name)[:1]:
            return ("u", u)
    return None


def _enclosing_alternative(g: Gazetteer, ref: Ref, phrase: PlacePhrase) -> bool:
    """ "A (B)" resolved to the unit B, A unknown: the place is inside B, not B itself (precision 2)."""
    names = alternatives(phrase.text)
    return len(names) == 2 and ref[0] == "u" and ref not in {c.ref for c in candidates(g, names[0], None)}


def _names_enclosing(g: Gazetteer, ref: Ref, phrase: PlacePhrase) -> bool:
    """ "A (B)" resolved to an entry of B's name, not to A's under another spelling."""
    names = alternatives(phrase.text)
    return len(names) == 2 and ref in {c.ref for c in candidates(g, names[1], ENCLOSING)}


def _expand(phrases: Sequence[PlacePhrase]) -> list[PlacePhrase]:
    """The phrases plus their qualifiers as phrases of their own (for falling back to the enclosing unit)."""
    out = list(phrases)
    have = {compact(p.text) for p in out}
    for p in phrases:
        for j, q in enumerate(p.qualifiers):
            name, kind = split_kind(q)
            if compact(name) not in have:
                have.add(compact(name))
                out.append(PlacePhrase(name, kind, p.qualifiers[j + 1 :]))
    return out


def _names_phrase(qualifier: str, phrase: PlacePhrase) -> bool:
    """True when a qualifier string names this phrase's place."""
    return compact(split_kind(qualifier)[0]) == compact(phrase.text)


def _resolve_phrase(
    g: Gazetteer, phrase: PlacePhrase, soft: list[str], ctx: list[int], area: frozenset[Ref] = frozenset()
) -> Ref | None:
    """The best gazetteer entry for one phrase, or None when nothing acceptable matches."""
    names = alternatives(phrase.text)
    hard = _nested([containers_of_name(g, q, ctx) for q in phrase.qualifiers], g)
    softq = [containers_of_name(g, q, ctx) for q in soft]
    if len(names) == 2:
        return _resolve_pair(g, names, phrase, hard, softq, ctx, area)
    unknown_units = bool(phrase.qualifiers) and not any(hard)  # "X payam of Y": units the gazetteer lacks
    return _best(g, names[0] if names else phrase.text, phrase.kind, hard, softq, ctx, area, unknown_units)


def _nested(hard: list[set[Ref]], g: Gazetteer) -> list[set[Ref]]:
    """Qualifiers read together, outermost first: of a qualifier's entries keep those inside the next one
    ("Plaridel, Bulacan": the Plaridel in Bulacan, not its namesakes elsewhere) when any is."""
    out = list(hard)
    for i in range(len(out) - 2, -1, -1):
        if out[i] and out[i + 1]:
            inside = {r for r in out[i] if containers(g, r) & out[i + 1]}
            out[i] = inside or out[i]
    return out


def _resolve_pair(
    g: Gazetteer,
    names: list[str],
    phrase: PlacePhrase,
    hard: list[set[Ref]],
    softq: list[set[Ref]],
    ctx: list[int],
    area: frozenset[Ref] = frozenset(),
) -> Ref | None:
    """ "A (B)": an A inside B (B names A's unit: "Santa Rosa (La Pampa)"); else B inside A -> B; A inside
    B -> A; else, B being a unit, B when A is only a spelling variant or one of several namesakes elsewhere
    (A unknown inside B), and when A lies outside the article's countries ("Martinez (Buenos Aires)" in an
    Argentine article is not Martinez, California); else A; else B."""
    qual = containers_of_name(g, names[1], ctx)
    if qual:
        inner = _best(g, names[0], phrase.kind, [qual, *hard], softq, ctx, area)
        if inner is not None and inner[0] != "c" and containers(g, inner) & qual:
            return inner
    a = _best(g, names[0], phrase.kind, hard, softq, ctx, area)
    b = _best(g, names[1], (phrase.kind or ENCLOSING) if a is None else None, hard, softq, ctx, area)
    if a is not None and b is not None:
        if a in containers(g, b) and b != a:
            return b if b[0] != "c" else a
        # "Nagaonn (Kerala)": a village the gazetteer lacks inside the unit, not Nagaon in Assam
        elsewhere = b[0] in ("u", "r") and not containers(g, a) & qual and not _meant_anywhere(g, a, names[0])
        abroad = (
            not names[1].isupper()  # "(AP)", "(HTS)": a source or a group, not a unit
            and country_of(g, a) not in ctx
            and country_of(g, a) not in {country_of(g, q) for q in qual}
        )
        if qual and (elsewhere or abroad):
            return _best(g, names[1], phrase.kind or ENCLOSING, hard, softq, ctx, area)
        return a
    return a if a is not None else b


def _best(
    g: Gazetteer,
    name: str,
    kind: str | None,
    hard: list[set[Ref]],
    softq: list[set[Ref]],
    ctx: list[int],
    area: frozenset[Ref] = frozenset(),
    unknown_units: bool = False,
) -> Ref | None:
    """Rank the candidates of one name (see the module docstring) and apply the acceptance rules; a name
    written with units the gazetteer does not hold (`unknown_units`) is no namesake abroad."""
    exact = candidates(g, name, kind)
    constrained = any(hard)
    ranked = _rank(g, exact, kind, hard, softq, ctx, area)
    if ranked and _acceptable(ranked[0], hard, ctx):
        country = kind == ENCLOSING and ranked[0].cand.ref[0] == "c" and ranked[0].context > 0
        if kind is not None and ranked[0].kind_fit < 3 and not country:  # "X in Mali": Mali, not its namesake
            # The feature word asks for another type: an exact entry of that type that is in context or
            # notable ("Kuwait City" is no country), else a fuzzy one ("Vehari city" matched the district);
            # never one of a country less in context than the best entry (Lebanon's Tripoli, a town, is not
            # Libya's province Tripoli in a Lebanese article).
            top = ranked[0]
            fitting = [
                sc
                for sc in ranked
                if sc.kind_fit >= 3
                and sc.qualifiers == top.qualifiers
                and (sc.context > 0 or notable(g, sc.cand.ref))
                and (sc.context >= top.context or top.cand.ref[0] == "c")
            ]
            if fitting:
                return _namesake_seat(g, fitting[0].cand.ref, name, kind)
            fuzzy = [
                c
                for c in fuzzy_candidates(g, name, ctx, hard)
                if _kind_pref(g, c.ref, kind, False) >= 3
                and (c.similarity >= KIND_SPELLING or containers(g, c.ref) & {e.ref for e in exact})
            ]
            ranked = _rank(g, exact + fuzzy, kind, hard, softq, ctx, area)
        return _namesake_seat(g, ranked[0].cand.ref, name, kind)
    if ranked and not constrained and not unknown_units and compact(name) not in COMMON_WORDS:
        # "Airport" is no town abroad; nor is "Kisumu" in "Kisumu payam of Zarvo" (units the gazetteer lacks)
        # An exact match outside the article's countries (or a weak one inside) beats a fuzzy one inside.
        outside = _outside_choice(g, ranked, name, kind)
        if outside is not None:
            return outside.cand.ref
    fuzzy = fuzzy_candidates(g, name, ctx, hard) or shortened_candidates(g, name, kind, hard)
    if not constrained:  # "Tumbao" is no Tambo: loosely alike only beside its units
        fuzzy = [c for c in fuzzy if c.similarity >= FREE_SPELLING]
    if unknown_units:  # "X village in Y township", Y unknown: a spelling of X elsewhere is unsupported
        fuzzy = []
    if kind == "village":  # "the village of Kotile" is no spelling of the town of Kitale
        fuzzy = [c for c in fuzzy if village_spelling(g, c.ref, name)]
    ranked_f = _rank(g, fuzzy, kind, hard, softq, ctx, area)
    if ranked_f and (not constrained or _inside_innermost(g, ranked_f[0].cand.ref, hard)):
        return _namesake_seat(g, ranked_f[0].cand.ref, name, kind)
    if ranked and constrained and _unique_unit(g, ranked[0].cand, exact, kind):
        return ranked[0].cand.ref
    weak = [sc for sc in ranked if sc.weak_context] if not constrained else []
    return weak[0].cand.ref if weak else None


def _meant_anywhere(g: Gazetteer, ref: Ref, name: str) -> bool:
    """An exact entry of the name that is notable, substantial or the only one of its country: meant even
    outside a unit written beside it (a writer's slip: "Kabul (Nangarhar)" is still Kabul); a spelling
    variant or one of several namesakes is not."""
    exact = {c.ref for c in candidates(g, name, None)}
    if ref not in exact:
        return False
    country = country_of(g, ref)
    return notable(g, ref) or is_substantial(g, ref) or [country_of(g, r) for r in exact].count(country) == 1


def _inside_innermost(g: Gazetteer, ref: Ref, hard: list[set[Ref]]) -> bool:
    """An entry inside the most specific unit written beside its name (a spelling variant elsewhere in the
    province is not the village of the district named)."""
    inner = next((q for q in hard if q), set())
    return bool(containers(g, ref) & inner)


def _outside_choice(
    g: Gazetteer, ranked: list[_Scored], name: str, kind: str | None = None
) -> _Scored | None:
    """An exact match taken without qualifier when none is acceptable in the article's countries: the best
    notable entry (country, ADM1, region, capital, city of 100,000+), else the best substantial one (a place
    of 20,000+ or an ADM2) if all substantial entries of the name lie in one country; a place other than a
    capital only by its own name ("Koya" in an Iraqi report is no old spelling of Guinea's Coyah), a code
    or a short name matched by capitals is no such entry ("UN" is no department or village abroad); an
    area, sector or neighbourhood ("Bangu neighborhood" in a Rio report) is no district abroad."""
    ranked = [sc for sc in ranked if not sc.cand.by_code]
    known = [sc for sc in ranked if notable(g, sc.cand.ref) and known_by(g, sc.cand.ref, name)]
    if known:
        return known[0]
    if kind == "area":
        return None
    substantial = [sc for sc in ranked if is_substantial(g, sc.cand.ref)]
    if substantial and len({country_of(g, sc.cand.ref) for sc in substantial}) == 1:
        return substantial[0] if known_by(g, substantial[0].cand.ref, name) else None
    return None


def _namesake_seat(g: Gazetteer, ref: Ref, name: str, kind: str | None) -> Ref:
    """For "X city/town/village" matched as unit X: its seat town when named X too ("Mekelle city"); for "the
    province of X" matched as town X, the province it is the seat of, named as it is."""
    if kind in ADM1_KINDS or kind in ADM2_KINDS:
        return seat_unit(g, ref, 1 if kind in ADM1_KINDS else 2) or ref
    if kind not in TOWN_KINDS or ref[0] != "u":
        return ref
    seat = g.units[ref[1]].seat
    if seat is None:
        return ref
    key, seat_key = compact(name), compact(g.town(seat).name)
    if key == seat_key or skeleton(key) == skeleton(seat_key):
        return ("t", seat)
    return ref


def _acceptable(top: _Scored, hard: list[set[Ref]], ctx: list[int]) -> bool:
    """Exact match taken: it meets a resolvable qualifier, or, lacking one, lies in a context country."""
    if any(hard):
        return top.qualifiers > 0
    return not ctx or (top.context > 0 and not top.weak_context)


def _unique_unit(g: Gazetteer, cand: Cand, exact: list[Cand], kind: str | None) -> bool:
    """True for an administrative unit asked for as such that is the only unit of its name in its country."""
    if cand.ref[0] != "u" or kind not in ADM2_KINDS | ADM1_KINDS:
        return False
    country = g.unit_country(cand.ref[1])
    same = [c for c in exact if c.ref[0] == "u" and g.unit_country(c.ref[1]) == country]
    return len(same) == 1


def _rank(
    g: Gazetteer,
    cands: list[Cand],
    kind: str | None,
    hard: list[set[Ref]],
    softq: list[set[Ref]],
    ctx: list[int],
    area: frozenset[Ref] = frozenset(),
) -> list[_Scored]:
    """Candidates with their ranking criteria, best first."""
    # "Georgia" in a US article: an ADM1 of the main country hides the country of that name.
    ctx_units = bool(ctx) and any(
        c.ref[0] == "u" and g.unit_country(c.ref[1]) == ctx[0] and g.unit_level(c.ref[1]) == 1 for c in cands
    )
    # An empty unit in a context country does not count as in context against a real place elsewhere.
    weak_refs = {c.ref for c in cands if weak_unit(g, c.ref)}
    strong = bool(weak_refs) and any(
        c.exact and c.ref not in weak_refs and (notable(g, c.ref) or is_substantial(g, c.ref)) for c in cands
    )
    contexts = {c.ref: _ctx_score(g, c.ref, ctx, ctx_units) for c in cands}
    seats = _namesake_seats(g, cands) if kind is None else {}
    for town, units in seats.items():  # the seat is as much in context as its units
        contexts[town] = max(contexts[town], *(contexts[u] for u in units))
    # a qualifier's districts also stand for their provinces, met only by a town without ADM2 (its marker)
    qualified = [q | provinces_of_districts(g, q) for q in hard]
    scored = []
    for c in cands:
        conts = containers(g, c.ref)
        if c.ref[0] == "t" and g.town(c.ref[1]).adm2 is None:
            # a town the gazetteer gives no district meets a district of its province
            conts = conts | {("d", u[1]) for u in conts if u[0] == "u"}
        capital = c.ref[0] == "t" and c.ref[1] in g.capital_towns
        context = contexts[c.ref]
        weak = strong and context > 0 and c.ref in weak_refs
        scored.append(
            _Scored(
                qualifiers=sum(1 for q in qualified if q and conts & q),
                soft_qualifiers=sum(1 for q in softq if q and conts & q),
                context=0 if weak else context,
                kind_fit=2.5 if c.ref in seats and not capital else _kind_pref(g, c.ref, kind, capital),
                exact=c.exact,
                similarity=c.similarity,
                capital=capital,
                population=population(g, c.ref),
                cand=c,
                weak_context=weak,
                area=bool(conts & area),
            )
        )
    scored.sort(key=lambda sc: sc.order, reverse=True)
    return scored


def _namesake_seats(g: Gazetteer, cands: list[Cand]) -> dict[Ref, list[Ref]]:
    """Towns among the candidates that are the seat of every unit of that name in their country, with those
    units: "Goma" names the city before the ADM2 around it ("Balkh" still names the province, whose seat is
    elsewhere)."""
    seats: dict[int, set[int | None]] = {}
    units: dict[int, list[Ref]] = {}
    for c in cands:
        if c.ref[0] == "u" and c.exact:
            unit = g.units[c.ref[1]]
            seats.setdefault(unit.country, set()).add(unit.seat)
            units.setdefault(unit.country, []).append(c.ref)
    out: dict[Ref, list[Ref]] = {}
    for c in cands:
        if c.ref[0] == "t" and seats.get(country := g.town_country(c.ref[1])) == {c.ref[1]}:
            out[c.ref] = units[country]
    return out


def _ctx_score(g: Gazetteer, ref: Ref, ctx: list[int], ctx_units: bool) -> int:
    """2*len(ctx) for the first context country down to 2 for the last, 0 outside; countries count as in the
    first (unless an ADM1 of it has the name); a notable or substantial entry outside the first country but
    within its extent (plus a margin) scores just below it: the West Bank's Hebron in an Israel article that
    also mentions the United States is not Hebron, Connecticut."""
    n = len(ctx)
    country = country_of(g, ref)
    score = 2 * (n - ctx.index(country)) if country in ctx else 0
    if ref[0] == "c":  # a country named counts as the first context country ("Sudan" is no town abroad)
        return 2 * n if not ctx_units else score
    if score < 2 * n - 1 and (notable(g, ref) or is_substantial(g, ref)) and _near_country(g, ref, ctx[0]):
        return 2 * n - 1
    return score


def _near_country(g: Gazetteer, ref: Ref, country: int) -> bool:
    """True for an entry within a country's extent (its places' bounding box) plus a margin."""
    bounds = g.country_bounds(country)
    if bounds is None:
        return False
    kind, i = ref
    if kind == "t":
        lat, lon = g.town_point(i)
    else:
        entry = g.units[i] if kind == "u" else g.regions[i]
        if entry.latitude is None or entry.longitude is None:
            return False
        lat, lon = entry.latitude, entry.longitude
    south, north, west, east = bounds
    return (
        south - NEAR_MARGIN <= lat <= north + NEAR_MARGIN and west - NEAR_MARGIN <= lon <= east + NEAR_MARGIN
    )


def _kind_pref(g: Gazetteer, ref: Ref, kind: str | None, capital: bool) -> int:
    """How well an entry's type fits the feature word (higher is better)."""
    typ = ref[0]
    level = g.units[ref[1]].level if typ == "u" else 1 if typ == "r" else 0
    if kind in TOWN_KINDS:
        return {"t": 3, "c": 0}.get(typ, 3 - level)
    if kind in ADM2_KINDS and kind in ADM1_KINDS:
        return {"t": 1, "c": 0}.get(typ, 3)
    if kind in ADM2_KINDS:
        return {"t": 1, "c": 0}.get(typ, 1 + level)
    if kind in ADM1_KINDS:
        return {"t": 1, "c": 0}.get(typ, 4 - level)
    if kind == ENCLOSING:
        return {"t": 1, "c": 2}.get(typ, 3)
    if typ == "c":
        return 4
    if typ == "t":
        return 3 if capital or g.town_population(ref[1]) >= BIG_TOWN else 1
    return 2  # units and regions


@lru_cache(maxsize=16384)
def town_named(name: str, countries: tuple[str, ...], units: str = "") -> bool:
    """The name is, exactly, a town or village of the countries (of any when none are given), or one the
    units written after it place (" (Y, Z)"); memoised: names recur across articles."""
    phrases = parse_place_phrases(name + units)
    if not phrases:
        return False
    place = resolve_place(phrases, countries)
    return (
        (place.iso3 in countries or not countries)
        and (place.geo_precision or 4) <= 2
        and compact(place.location or "") == compact(name)
    )
