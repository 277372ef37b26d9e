"""Place resolution: location clauses of news/ACLED text to ACLED-style places, offline (see `gazetteer`).

Pipeline: `parse_place_phrases` turns a clause ("in Nawabad village of Imam Sahib district, Kunduz") into
`PlacePhrase`s, most specific first: levels split on commas, "of", "in", "near" (a known name such as
"Republic of Korea" stays whole), "(X, Y)" read as enclosing places, "A (B)" kept as alternative names,
"A/B" and "A, B and C districts" as coordinated names sharing the feature word, "X district center" as
the town X inside district X, "Afghanistan's Helmand" and "the Pakistani city of Quetta" unwrapped, a
Nigerian "local government area" read as a district. Words around the places are dropped: a name ends at
the first lower-case word that is neither a particle inside a name ("Qala i Naw") nor a feature word or its
modifier ("Mohmand tribal district"), so "on Sunday" goes; a clause after the places ("..., where ...")
is cut; a sentence's subject before the locative phrase ("Protests also took place in ...") and dates
("in March") are no places; a place the first one borders ("Rafah, on the border with Egypt") is no
enclosing place. A direction word before a place ("northern Gaza") makes it near; before a feature word
("the northern city of Kano") it does not. `resolve_place` picks one gazetteer entry for the phrases and
returns a `Place`; `resolve_places` returns one `Place` per coordinated place of a clause ("in Mombasa and
Kisumu").

Choosing among entries of the same name, in this order (first difference wins):

1. the qualifiers written with the phrase ("Gardez city, Paktia" -> the Gardez inside Paktia); a phrase
   whose qualifiers resolve but that has no entry inside them is *not* resolved (a village of the same
   name elsewhere is not taken) unless it names a unit that is unique in its country; later phrases count
   as softer qualifiers;
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
   province, "Swat" -> the district); a qualifier used as the place itself prefers units;
4. exact name (or alias, or name without an Arabic article or a final "City") before fuzzy match (same
   consonant skeleton, similarity >= 0.6, similar length or one name the start of the other, only inside
   a context country or a resolved qualifier);
5. national capital, then population (a unit's population is the sum of its places').

Fuzzy matching is the last resort: when no exact entry is acceptable in the article's countries, an exact
*notable* entry anywhere (country, ADM1, region, national capital, city of 100,000+: "Caracas" in a
Colombia article is not the village Carcasi) is taken first, else an exact *substantial* one (a place of
20,000+ or a unit with that many people) if all substantial entries of the name lie in one country
("Nuseirat" in an Israel article); only then a fuzzy match in context; then an empty unit in context.

Precision (ACLED geo_precision): 1 a populated place; 2 "near"/"outside"/"area"/"sector" of a place, or a
unit when the text named a village/area inside it that is not in the gazetteer; 3 an ADM2, an ADM1 or a
region alone; 4 the country only. Coordinates of units, regions and countries follow the seat rule in
`gazetteer`'s docstring; an ADM1-level place takes the seat's name as location and the seat's ADM2 as
admin2 (as ACLED places a province-level event at its capital). Nothing resolved: the name as written and
the first context country, without coordinates or precision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from eventcoder.coding.places.gazetteer import Gazetteer, gazetteer
from eventcoder.coding.places.keys import (
    ascii_name,
    compact,
    fold_words,
    join_key,
    name_keys,
    skeleton,
    strip_generic,
)
from eventcoder.coding.places.words import (
    ADM1_KINDS,
    ADM2_KINDS,
    BORDER_WORDS,
    CENTER_WORDS,
    CLAUSE_END_WORDS,
    COMMON_WORDS,
    DATE_WORDS,
    DIRECTION_WORDS,
    DISTRICT_PHRASES,
    KIND_WORDS,
    LEAD_WORDS,
    LEVEL_SEPARATORS,
    NEAR_SEPARATORS,
    NEAR_WORDS,
    NOT_MODIFIERS,
    PARTICLES,
    TOWN_KINDS,
    alternation,
)

BIG_TOWN = 100_000  # a place this big is notable: meant even outside the article's countries
NEAR_MARGIN = 1.0  # degrees around the main context country's places
SUBSTANTIAL = 20_000  # outside the article's countries, the only place of a name this big is taken
ENCLOSING = "enclosing"  # internal kind: a qualifier used as the place because the inner place is unknown

_PAREN = re.compile(r"\(([^()]*)\)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_SENTENCE_END = re.compile(r"(?<![A-Z])\.\s+(?=[A-Z\[])|\.\s*$")
# Words that end a location clause: what follows is another clause ("in Kharkiv, where ...").
_CLAUSE_END = re.compile(r"(?:,\s*|\s+)(?:" + alternation(CLAUSE_END_WORDS) + r")\b")
_BORDER = re.compile(r"\b(?:" + alternation(BORDER_WORDS) + r")\b", re.IGNORECASE)
_LGA = re.compile(r"\b(?:" + alternation(DISTRICT_PHRASES) + r")\b", re.IGNORECASE)
_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:" + alternation(LEVEL_SEPARATORS) + r")\s+")
_COORD = re.compile(r"\s*(/|\band\b|\bor\b|&)\s*")
_CAP = re.compile(r"(?:[a-z]{1,3}-)?[A-Z0-9]")  # a capitalised word, also "al-Bab", "ez-Zor"
_POSSESSIVE = re.compile(r"(.+?)'s?\s+(.*[A-Z].*)$")
_DISTANCE = re.compile(r"\d[\d.,]*(?:-\d+)?$")


@dataclass(frozen=True)
class PlacePhrase:
    """A place named in the text: feature word, enclosing places (most specific first), near flag."""

    text: str
    kind: str | None = None
    qualifiers: tuple[str, ...] = ()
    near: bool = False


@dataclass(frozen=True)
class Place:
    """An ACLED-style location: plain-ASCII names, WGS84 coordinates, geo_precision 1-4 (None if unplaced)."""

    location: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    iso3: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None


# ----------------------------------------------------------------------------------------------------------
# ----
# Parsing
# ----------------------------------------------------------------------------------------------------------
# ----


@dataclass
class _Name:
    """One name inside a level of a clause, with its own feature word and flags (`alt`: another name of the
    previous place, written "A/B" or "A or B", not a place of its own)."""

    text: str
    kind: str | None
    near: bool = False
    center: bool = False
    alt: bool = False
    border: bool = False  # "on the border with Egypt": beside the place, not inside it


def parse_place_phrases(text: str) -> list[PlacePhrase]:
    """Parse an ACLED/news-style location clause into place phrases, most specific first."""
    return _dedupe(p for level in _level_phrases(_levels(_linearise(text))) for name in level for p in name)


def resolve_places(text: str, context_iso3: Sequence[str] = ()) -> list[Place]:
    """One Place per coordinated place of a clause's most specific level ("in Mombasa and Kisumu" -> two;
    "in Kabul, Ghor and Balkh provinces" -> three), each resolved with the clause's enclosing places; one
    Place for a clause naming one place, none for a clause naming no place."""
    levels = _levels(_linearise(text))
    if not levels:
        return []
    per_level = _level_phrases(levels)
    outer = [p for level in per_level[1:] for name in level for p in name]
    groups: list[list[PlacePhrase]] = []
    for name, phrases in zip(levels[0], per_level[0], strict=True):
        if name.alt and groups:
            groups[-1].extend(phrases)
        else:
            groups.append(list(phrases))
    return [resolve_place(_dedupe([*group, *outer]), context_iso3) for group in groups]


def _level_phrases(levels: list[list[_Name]]) -> list[list[list[PlacePhrase]]]:
    """The phrases of every name of every level, each with the enclosing levels' first names as qualifiers."""
    out: list[list[list[PlacePhrase]]] = []
    for i, level in enumerate(levels):
        outer = tuple(_qualifier_text(n) for later in levels[i + 1 :] for n in later[:1])
        names: list[list[PlacePhrase]] = []
        for name in level:
            if name.center:
                own = f"{name.text} district"
                names.append(
                    [
                        PlacePhrase(name.text, "town", (own, *outer), name.near),
                        PlacePhrase(name.text, "district", outer, name.near),
                    ]
                )
            else:
                names.append([PlacePhrase(name.text, name.kind, outer, name.near)])
        out.append(names)
    return out


def _dedupe(phrases: Iterable[PlacePhrase]) -> list[PlacePhrase]:
    """Drop repeated phrases, keeping the first."""
    seen: set[PlacePhrase] = set()
    out = []
    for p in phrases:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


def _qualifier_text(name: _Name) -> str:
    """A level's name as a qualifier, keeping an administrative feature word ("Imam Sahib district")."""
    if name.kind in ADM2_KINDS or name.kind in ADM1_KINDS:
        return f"{name.text} {name.kind}"
    return name.text


def _linearise(text: str) -> str:
    """Flatten parentheses: "(X, Y)" lists become enclosing levels; "(lowercase remark)" is dropped; a
    following clause ("..., where ...", "... after ...") once a name has been seen is cut off."""
    text = _BRACKETS.sub(" ", text.replace("\u2019", "'"))
    text = _SENTENCE_END.split(text, maxsplit=1)[0]
    text = " ".join(text.split()).strip(" .;:")
    text = _LGA.sub("district", text)  # Nigeria's ADM2s
    first_name = re.search(r"(?:^|\s)[A-Z0-9]", text)
    if first_name:
        end = _CLAUSE_END.search(text, first_name.end())
        if end:
            text = text[: end.start()]

    def repl(m: re.Match[str]) -> str:
        """One parenthesis group."""
        inner = m.group(1).strip()
        if not inner or not _CAP.match(inner):
            return ""
        if "," in inner:
            return ", " + inner + ","
        return "" if _SPLIT.search(inner) else m.group(0)

    text = _PAREN.sub(repl, text)
    return re.sub(r"\s*,\s*(,\s*)+", ", ", text).strip(" ,")


def _levels(text: str) -> list[list[_Name]]:
    """Split a flattened clause into nested levels (most specific first), each a list of coordinated names.

    A sentence's subject before its locative phrase ("Protests also took place in Mombasa") is no place:
    a first piece that is not a known name and is followed by other words than a name is dropped.
    """
    levels: list[list[_Name]] = []
    level_seps: list[str] = []
    pending_near = pending_border = False
    pending_kind: str | None = None
    pieces = _split_protected(text)
    for n_piece, (sep, piece) in enumerate(pieces):
        coordinated = bool(re.match(r"(?:and|or|&)\s", piece)) and bool(levels)
        names, near, kind_only, clause = _piece_names(piece)
        if clause and n_piece == 0 and len(pieces) > 1 and _CAP.match(piece):
            if not any(is_known_place(n.text) for n in names):
                names = []
        pending_near = pending_near or near or sep in NEAR_SEPARATORS
        pending_border = pending_border or _BORDER.search(piece) is not None
        if not names:
            pending_kind = kind_only or pending_kind
            continue
        if pending_kind and names[0].kind is None:
            names[0].kind = pending_kind
        for n in names:
            n.near = n.near or pending_near
            n.border = pending_border
        pending_near = pending_border = False
        pending_kind = None
        if coordinated:
            names[0].alt = piece.startswith("or ")
            levels[-1].extend(names)
            _pull_comma_list(levels, level_seps)
            _share_kind(levels[-1])
        else:
            levels.append(names)
            level_seps.append(sep)
    # A country or place the first one borders is no enclosing place ("in Rafah, on the border with Egypt").
    return [level for k, level in enumerate(levels) if k == 0 or not all(n.border for n in level)]


def _pull_comma_list(levels: list[list[_Name]], level_seps: list[str]) -> None:
    """ "Kabul, Ghor, and Balkh provinces": bare names before an "and" joined by commas join its level."""
    while len(levels) >= 2 and level_seps[-1] == "," and len(levels[-2]) == 1 and levels[-2][0].kind is None:
        levels[-1].insert(0, levels.pop(-2)[0])
        level_seps.pop(-2)


def _share_kind(names: list[_Name]) -> None:
    """Names without a feature word take the next one's ("Mir Hazar and Tangari Dara areas")."""
    kind: str | None = None
    near = False
    for n in reversed(names):
        if n.kind is None:
            n.kind = kind
            n.near = n.near or near
        else:
            kind, near = n.kind, n.near or n.kind == "area"


def _split_protected(text: str) -> list[tuple[str, str]]:
    """(separator, piece) pairs split on commas, "of", "in", "near"...; "X of Y" kept when a known name."""
    parts = _SPLIT.split(text)
    seps = [m.strip(" ,;") or "," for m in _SPLIT.findall(text)]
    out: list[list[str]] = [["", parts[0]]]
    for sep, part in zip(seps, parts[1:], strict=False):
        joined = f"{out[-1][1]} {sep} {part}"
        if (
            sep in ("of", "in")
            and _CAP.match(out[-1][1].split()[-1] if out[-1][1].split() else "")
            and (_is_known_text(joined))
        ):
            out[-1][1] = joined
        else:
            out.append([sep, part])
    pieces: list[tuple[str, str]] = []
    for sep, piece in out:
        owner = _POSSESSIVE.match(piece.strip())
        if owner and _is_known_text(owner.group(1)) and not _is_known_text(piece):  # "Afghanistan's Helmand"
            pieces += [(sep, owner.group(2)), (",", owner.group(1))]
        elif piece.strip():
            pieces.append((sep, piece.strip()))
    return pieces


def _is_known_text(text: str) -> bool:
    """True when a text (its capitalised part) is a name in the gazetteer."""
    words = text.split()
    while words and not _CAP.match(words[0]):
        words.pop(0)
    return bool(words) and is_known_place(" ".join(words))


def _piece_names(piece: str) -> tuple[list[_Name], bool, str | None, bool]:
    """The names in one piece, whether it says "near", a feature word when it has no name ("the city"), and
    whether other words followed the names ("Zamfara State on Sunday": they are dropped)."""
    words = piece.split()
    near = False
    kind_only: str | None = None
    popped_kind: str | None = None
    while words and (not _is_name_word(words[0]) or _is_distance(words)):
        w = words.pop(0).lower().strip("'\"")
        of_kind = w in DIRECTION_WORDS and any(x.lower() in KIND_WORDS for x in words[:2])  # "northern city"
        near = near or (w in NEAR_WORDS and not of_kind) or bool(_DISTANCE.match(w))
        popped_kind = KIND_WORDS.get(w)
        if popped_kind and not words:
            kind_only = popped_kind
    demonym = words.pop(0) if words and _is_demonym(words[0]) else None  # "the Pakistani city of Quetta"
    lead_kind: str | None = popped_kind if words else None  # "the provincial capital Lashkar Gah"
    while words and words[0].lower() in KIND_WORDS:
        lead_kind = KIND_WORDS[words.pop(0).lower()]
    if not words and demonym and piece.split()[-1].lower() == "capital":  # "the Afghan capital"
        capital = _capital_of(demonym)
        return ([_Name(capital, "city", near)] if capital else []), near, None, False
    end = _name_run(words)
    clause = end < len(words)
    words = words[:end]
    if not words:
        return [], near, lead_kind or kind_only, clause
    body = " ".join(words)
    parts = [body] if _is_known_text(body) else _COORD.split(body)
    names: list[_Name] = []
    for i in range(0, len(parts), 2):
        name = _one_name(parts[i]) if parts[i].strip() else None
        if name is not None:
            name.alt = i > 0 and parts[i - 1] in ("/", "or") and bool(names)
            names.append(name)
    if names and lead_kind and names[0].kind is None:
        names[0].kind = lead_kind
    if names and near:
        for n in names:
            n.near = True
    _share_kind(names)
    return names, near, kind_only, clause


def _is_name_word(word: str) -> bool:
    """A capitalised word, number or bracketed name ("Kabul", "al-Bab", "12", "(Girishk)")."""
    return bool(_CAP.match(word.lstrip("(\"'")))


def _name_run(words: list[str]) -> int:
    """How many leading words make up names and their feature words: capitalised words, particles between
    them ("Qala i Naw", "Toba tek Singh"), feature words and their modifiers ("Mohmand tribal district");
    the first other word ends the names ("Kadawa village in Zamfara State on Sunday" ends at "on")."""
    end = i = 0
    joiners = PARTICLES | {"/", "&", "or"}
    while i < len(words):
        low = words[i].lower().strip(".,;:'\"")
        if _is_name_word(words[i]) or low in KIND_WORDS or low in CENTER_WORDS:
            i = end = i + 1
            continue
        j = i
        while j < len(words) and words[j].lower() in joiners:
            j += 1
        if j > i and j < len(words) and _is_name_word(words[j]):
            i = j
            continue
        if i + 1 < len(words) and low not in NOT_MODIFIERS and _is_name_word(words[i + 1]):
            i += 1  # a lower-case word inside a name ("Toba tek Singh")
            continue
        j = i
        while j < min(i + 2, len(words)) and words[j].lower() not in NOT_MODIFIERS | KIND_WORDS.keys():
            if _is_name_word(words[j]):
                break
            j += 1
        if j > i and j < len(words) and words[j].lower().strip(".,") in KIND_WORDS:
            i = j
            continue
        break
    return end


def _is_distance(words: list[str]) -> bool:
    """True for "20 km", "5 miles" at the start of a piece."""
    return len(words) > 1 and bool(_DISTANCE.match(words[0])) and words[1].lower() in NEAR_WORDS


def _capital_of(demonym: str) -> str | None:
    """Name of the capital of the country of a demonym ("Afghan" -> "Kabul")."""
    found = country_for_name(demonym)
    g = gazetteer()
    country = g.by_iso3.get(found[1]) if found else None
    town = g.capitals.get(country.idx) if country else None
    return g.town(town).name if town is not None else None


def _is_demonym(word: str) -> bool:
    """True for a country adjective that is not itself a place name ("Pakistani", "Afghan")."""
    return country_for_name(word) is not None and not is_known_place(word)


def _one_name(text: str) -> _Name | None:
    """A name with its trailing feature words removed ("Kahuta sector area" -> Kahuta, area)."""
    alt = _PAREN.search(text)
    if alt:
        name = _one_name((text[: alt.start()] + text[alt.end() :]).strip())
        if name is not None:
            name.text = f"{name.text} ({alt.group(1).strip()})"
        return name
    words = text.strip(" '\"").split()
    while words and words[0].lower() in LEAD_WORDS:
        words.pop(0)
    full = " ".join(words)
    kind: str | None = None
    near = center = False
    if (
        words
        and words[-1].lower() in CENTER_WORDS
        and len(words) > 2
        and words[-2].lower() in ("district", "city")
    ):
        center = words[-2].lower() == "district"
        words = words[:-1]
    while len(words) > 1 and words[-1].lower().strip(".") in KIND_WORDS:
        w = KIND_WORDS[words.pop().lower().strip(".")]
        kind = kind or w
        near = near or w == "area"
        if kind == "area" and w != "area":
            kind = w if w in TOWN_KINDS else kind
    while kind and len(words) > 1 and not _is_name_word(words[-1]):  # "Mohmand tribal district"
        words.pop()
    if words and words[-1].endswith(("'s", "'")):  # "Beirut's southern suburbs"
        words[-1] = words[-1].removesuffix("s").removesuffix("'")
    if not words or not any(_CAP.match(w) for w in words):
        return None
    if all(w.lower().strip(".,") in DATE_WORDS or w.strip(".,").isdigit() for w in words):  # "March 2023"
        return None
    if kind == "area" and len(words) > 1 and words[-1].lower() in KIND_WORDS:
        words.pop()
    if kind and not is_known_place(" ".join(words)) and is_known_place(full):  # "Tribal Areas", "Kuwait City"
        return _Name(full, None, False, False)
    return _Name(" ".join(words), kind, near, center)


# ----------------------------------------------------------------------------------------------------------
# ----
# Resolution
# ----------------------------------------------------------------------------------------------------------
# ----

Ref = tuple[str, int]  # ("c", country) | ("u", unit) | ("t", town) | ("r", region)


@dataclass(frozen=True)
class _Cand:
    """A gazetteer entry matched by a name, with how it matched."""

    ref: Ref
    exact: bool
    similarity: float = 1.0


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
    cand: _Cand
    weak_context: bool = False  # in a context country, but only as an empty unit (context counted as 0)

    @property
    def order(self) -> tuple[int, int, int, float, bool, float, bool, int]:
        """The sort key (higher is better)."""
        return (
            self.qualifiers,
            self.soft_qualifiers,
            self.context,
            self.kind_fit,
            self.exact,
            self.similarity,
            self.capital,
            self.population,
        )


def resolve_place(phrases: Sequence[PlacePhrase], context_iso3: Sequence[str] = ()) -> Place:
    """From the place phrases of an event (most specific first) and the article's countries to one Place."""
    g = gazetteer()
    ctx = [c for c in (g.country_row(i.upper()) for i in context_iso3) if c in g.countries]
    expanded = _expand(phrases)
    for i, phrase in enumerate(expanded):
        soft = [p.text for p in expanded[i + 1 :]]
        missed = any(_names_phrase(q, phrase) for earlier in expanded[:i] for q in earlier.qualifiers)
        asked = (
            phrase if not missed or phrase.kind else PlacePhrase(phrase.text, ENCLOSING, phrase.qualifiers)
        )
        ref = _resolve_phrase(g, asked, soft, ctx)
        if ref is not None:
            return _to_place(g, ref, phrase, missed)
    return _unknown(g, expanded, ctx)


def _expand(phrases: Sequence[PlacePhrase]) -> list[PlacePhrase]:
    """The phrases plus their qualifiers as phrases of their own (for falling back to the enclosing unit)."""
    out = list(phrases)
    have = {compact(p.text) for p in out}
    for p in phrases:
        for j, q in enumerate(p.qualifiers):
            name, kind = _split_kind(q)
            if compact(name) not in have:
                have.add(compact(name))
                out.append(PlacePhrase(name, kind, p.qualifiers[j + 1 :]))
    return out


def _names_phrase(qualifier: str, phrase: PlacePhrase) -> bool:
    """True when a qualifier string names this phrase's place."""
    return compact(_split_kind(qualifier)[0]) == compact(phrase.text)


def _split_kind(text: str) -> tuple[str, str | None]:
    """Split a trailing feature word off a qualifier ("Imam Sahib district" -> ("Imam Sahib", "district"))."""
    words = text.split()
    kind = None
    while len(words) > 1 and words[-1].lower() in KIND_WORDS:
        word = KIND_WORDS[words.pop().lower()]
        kind = kind or word
    return " ".join(words), kind


def _alternatives(text: str) -> list[str]:
    """The names in a phrase text: "Nahri Saraj (Girishk)" -> both, "A/B" -> both."""
    m = _PAREN.search(text)
    if m:
        main = (text[: m.start()] + text[m.end() :]).strip()
        return [n for n in (main, m.group(1).strip()) if n]
    if "/" in text and not is_known_place(text):
        return [n.strip() for n in text.split("/") if n.strip()]
    return [text.strip()]


def _resolve_phrase(g: Gazetteer, phrase: PlacePhrase, soft: list[str], ctx: list[int]) -> Ref | None:
    """The best gazetteer entry for one phrase, or None when nothing acceptable matches."""
    names = _alternatives(phrase.text)
    hard = [_containers_of_name(g, q, ctx) for q in phrase.qualifiers]
    softq = [_containers_of_name(g, q, ctx) for q in soft]
    if len(names) == 2:
        return _resolve_pair(g, names, phrase, hard, softq, ctx)
    return _best(g, names[0] if names else phrase.text, phrase.kind, hard, softq, ctx)


def _resolve_pair(
    g: Gazetteer,
    names: list[str],
    phrase: PlacePhrase,
    hard: list[set[Ref]],
    softq: list[set[Ref]],
    ctx: list[int],
) -> Ref | None:
    """ "A (B)": B inside A -> B; A inside B -> A; else A, else B."""
    a = _best(g, names[0], phrase.kind, hard, softq, ctx)
    b = _best(g, names[1], phrase.kind if a is None else None, hard, softq, ctx)
    if a is not None and b is not None:
        if a in _containers(g, b) and b != a:
            return b if b[0] != "c" else a
        return a
    return a if a is not None else b


def _best(
    g: Gazetteer, name: str, kind: str | None, hard: list[set[Ref]], softq: list[set[Ref]], ctx: list[int]
) -> Ref | None:
    """Rank the candidates of one name (see the module docstring) and apply the acceptance rules."""
    exact = _candidates(g, name, kind)
    constrained = any(hard)
    ranked = _rank(g, exact, kind, hard, softq, ctx)
    if ranked and _acceptable(ranked[0], hard, ctx):
        if kind is not None and ranked[0].kind_fit < 3:
            # The feature word asks for another type: an exact entry of that type that is in context or
            # notable ("Kuwait City" is no country), else a fuzzy one ("Vehari city" matched the district).
            fitting = [
                sc
                for sc in ranked
                if sc.kind_fit >= 3
                and sc.qualifiers == ranked[0].qualifiers
                and (sc.context > 0 or _notable(g, sc.cand.ref))
            ]
            if fitting:
                return _namesake_seat(g, fitting[0].cand.ref, name, kind)
            fuzzy = [
                c for c in _fuzzy_candidates(g, name, ctx, hard) if _kind_pref(g, c.ref, kind, False) >= 3
            ]
            ranked = _rank(g, exact + fuzzy, kind, hard, softq, ctx)
        return _namesake_seat(g, ranked[0].cand.ref, name, kind)
    if ranked and not constrained:
        # An exact match outside the article's countries (or a weak one inside) beats a fuzzy one inside.
        outside = _outside_choice(g, ranked)
        if outside is not None:
            return outside.cand.ref
    fuzzy = _fuzzy_candidates(g, name, ctx, hard) or _shortened_candidates(g, name, kind, hard)
    ranked_f = _rank(g, fuzzy, kind, hard, softq, ctx)
    if ranked_f and (not constrained or ranked_f[0].qualifiers > 0):
        return _namesake_seat(g, ranked_f[0].cand.ref, name, kind)
    if ranked and constrained and _unique_unit(g, ranked[0].cand, exact, kind):
        return ranked[0].cand.ref
    weak = [sc for sc in ranked if sc.weak_context] if not constrained else []
    return weak[0].cand.ref if weak else None


def _outside_choice(g: Gazetteer, ranked: list[_Scored]) -> _Scored | None:
    """An exact match taken without qualifier when none is acceptable in the article's countries: the best
    notable entry (country, ADM1, region, capital, city of 100,000+), else the best substantial one (a place
    of 20,000+ or an ADM2) if all substantial entries of the name lie in one country."""
    notable = [sc for sc in ranked if _notable(g, sc.cand.ref)]
    if notable:
        return notable[0]
    substantial = [sc for sc in ranked if _substantial(g, sc.cand.ref)]
    if substantial and len({_country_of(g, sc.cand.ref) for sc in substantial}) == 1:
        return substantial[0]
    return None


def _substantial(g: Gazetteer, ref: Ref) -> bool:
    """A place of 20,000 people or more, or a unit with that many in its places."""
    kind, i = ref
    if kind == "t":
        return g.town_population(i) >= SUBSTANTIAL
    return kind == "u" and not g.is_empty_unit(i) and g.units[i].population >= SUBSTANTIAL


def _weak(g: Gazetteer, ref: Ref) -> bool:
    """A unit with no populated place in the gazetteer (a statistical area: a name, no place)."""
    return ref[0] == "u" and g.is_empty_unit(ref[1])


def _notable(g: Gazetteer, ref: Ref) -> bool:
    """Known well enough to be meant outside the article's countries: country, ADM1, capital, big city."""
    kind, i = ref
    if kind == "t":
        return i in g.capital_towns or g.town_population(i) >= BIG_TOWN
    return kind in ("c", "r") or g.units[i].level == 1


def _namesake_seat(g: Gazetteer, ref: Ref, name: str, kind: str | None) -> Ref:
    """For "X city/town/village" matched as unit X: its seat town when named X too ("Mekelle city")."""
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


def _unique_unit(g: Gazetteer, cand: _Cand, exact: list[_Cand], kind: str | None) -> bool:
    """True for an administrative unit asked for as such that is the only unit of its name in its country."""
    if cand.ref[0] != "u" or kind not in ADM2_KINDS | ADM1_KINDS:
        return False
    country = g.unit_country(cand.ref[1])
    same = [c for c in exact if c.ref[0] == "u" and g.unit_country(c.ref[1]) == country]
    return len(same) == 1


def _candidates(g: Gazetteer, name: str, kind: str | None) -> list[_Cand]:
    """Entries matching exactly by name, alias or ISO3 code (units also without generic word, "<X> City")."""
    words = fold_words(name)
    keys = name_keys(words)
    if kind in TOWN_KINDS:
        keys.append(compact(f"{name} {kind}"))
    unit_keys = [*keys, *name_keys(strip_generic(words))]
    out: dict[Ref, _Cand] = {}
    code = g.by_iso3.get(name.strip()) if name.strip().isupper() else None
    if code is not None:  # an ISO3 code written as such ("AFG")
        out[("c", code.idx)] = _Cand(("c", code.idx), True)
    for key in dict.fromkeys(keys):
        if key in g.country_index:
            out.setdefault(("c", g.country_index[key]), _Cand(("c", g.country_index[key]), True))
        for t in g.town_index.get(key, ()):
            out.setdefault(("t", t), _Cand(("t", t), True))
    for key in dict.fromkeys(unit_keys):
        for u in g.unit_index.get(key, ()):
            out.setdefault(("u", u), _Cand(("u", u), True))
        for r in g.region_index.get(key, ()):
            out.setdefault(("r", r), _Cand(("r", r), True))
    return list(out.values())


def _fuzzy_candidates(g: Gazetteer, name: str, ctx: list[int], hard: list[set[Ref]]) -> list[_Cand]:
    """Skeleton matches inside a context country or a resolved qualifier, with similarity of at least 0.6."""
    key = join_key(strip_generic(fold_words(name)))
    skel = skeleton(key)
    within = {r for q in hard for r in q}
    if len(skel) < (2 if within else 3):
        return []
    countries = set(ctx) | {r[1] for r in within if r[0] == "c"}
    out: list[_Cand] = []
    if not within and not countries:
        return out
    search = countries | {_country_of(g, r) for r in within}
    towns = [t for c in search for t in g.fuzzy_towns(c).get(skel, ())]
    for kind, found in (("u", g.unit_fuzzy.get(skel, ())), ("t", towns)):
        for i in found:
            ref: Ref = (kind, i)
            if within and not (_containers(g, ref) & within):
                continue
            if not within and _country_of(g, ref) not in countries:
                continue
            other = g.units[i].name if kind == "u" else g.town(i).name
            sim = _similarity(key, name_keys(strip_generic(fold_words(other))))
            if sim >= 0.6:
                out.append(_Cand(ref, False, sim))
    return out


def _similarity(key: str, others: list[str]) -> float:
    """Best similarity of a key to another entry's keys (with and without an article) of a similar length:
    0 when the lengths differ by more than 2 letters and a quarter ("Mand" is not "Mohmand") unless one
    begins with the other (the adjectival "Kurskaya" oblast is "Kursk")."""
    best = 0.0
    for other in others:
        similar = abs(len(key) - len(other)) <= max(2, max(len(key), len(other)) // 4)
        if similar or (min(len(key), len(other)) >= 4 and (other.startswith(key) or key.startswith(other))):
            best = max(best, SequenceMatcher(None, key, other).ratio())
    return best


def _shortened_candidates(g: Gazetteer, name: str, kind: str | None, hard: list[set[Ref]]) -> list[_Cand]:
    """Exact matches of a multi-word name less its last or first word, only inside a resolved qualifier."""
    within = {r for q in hard for r in q}
    words = name.split()
    if not within or len(words) < 2:
        return []
    out: list[_Cand] = []
    for part in (" ".join(words[:-1]), " ".join(words[1:])):
        for c in _candidates(g, part, kind):
            if _containers(g, c.ref) & within:
                out.append(_Cand(c.ref, False, 0.5))
    return out


def _country_of(g: Gazetteer, ref: Ref) -> int:
    """Country index of an entry."""
    kind, i = ref
    if kind == "c":
        return i
    if kind == "r":
        return g.regions[i].country
    return g.unit_country(i) if kind == "u" else g.town_country(i)


def _containers(g: Gazetteer, ref: Ref) -> set[Ref]:
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


def _containers_of_name(g: Gazetteer, text: str, ctx: list[int]) -> set[Ref]:
    """Entries a qualifier may name: its units/countries, else its towns and their ADM2s; empty if none."""
    name, kind = _split_kind(text)
    refs: set[Ref] = set()
    cands = _candidates(g, name, kind) or _fuzzy_candidates(g, name, ctx, [])
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


def _rank(
    g: Gazetteer,
    cands: list[_Cand],
    kind: str | None,
    hard: list[set[Ref]],
    softq: list[set[Ref]],
    ctx: list[int],
) -> list[_Scored]:
    """Candidates with their ranking criteria, best first."""
    # "Georgia" in a US article: an ADM1 of the main country hides the country of that name.
    ctx_units = bool(ctx) and any(
        c.ref[0] == "u" and g.unit_country(c.ref[1]) == ctx[0] and g.unit_level(c.ref[1]) == 1 for c in cands
    )
    # An empty unit in a context country does not count as in context against a real place elsewhere.
    weak_refs = {c.ref for c in cands if _weak(g, c.ref)}
    strong = bool(weak_refs) and any(
        c.exact and c.ref not in weak_refs and (_notable(g, c.ref) or _substantial(g, c.ref)) for c in cands
    )
    contexts = {c.ref: _ctx_score(g, c.ref, ctx, ctx_units) for c in cands}
    seats = _namesake_seats(g, cands) if kind is None else {}
    for town, units in seats.items():  # the seat is as much in context as its units
        contexts[town] = max(contexts[town], *(contexts[u] for u in units))
    scored = []
    for c in cands:
        conts = _containers(g, c.ref)
        capital = c.ref[0] == "t" and c.ref[1] in g.capital_towns
        context = contexts[c.ref]
        weak = strong and context > 0 and c.ref in weak_refs
        scored.append(
            _Scored(
                qualifiers=sum(1 for q in hard if q and conts & q),
                soft_qualifiers=sum(1 for q in softq if q and conts & q),
                context=0 if weak else context,
                kind_fit=2.5 if c.ref in seats and not capital else _kind_pref(g, c.ref, kind, capital),
                exact=c.exact,
                similarity=c.similarity,
                capital=capital,
                population=_population(g, c.ref),
                cand=c,
                weak_context=weak,
            )
        )
    scored.sort(key=lambda sc: sc.order, reverse=True)
    return scored


def _namesake_seats(g: Gazetteer, cands: list[_Cand]) -> dict[Ref, list[Ref]]:
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
    country = _country_of(g, ref)
    score = 2 * (n - ctx.index(country)) if country in ctx else 0
    if ref[0] == "c":
        return score or (2 * n if not ctx_units else 0)
    if score < 2 * n - 1 and (_notable(g, ref) or _substantial(g, ref)) and _near_country(g, ref, ctx[0]):
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


def _population(g: Gazetteer, ref: Ref) -> int:
    """Population of an entry (a unit's and a country's is the sum of their places')."""
    kind, i = ref
    if kind == "t":
        return g.town_population(i)
    if kind == "r":
        return g.regions[i].population
    return g.units[i].population if kind == "u" else g.countries[i].population


def _to_place(g: Gazetteer, ref: Ref, phrase: PlacePhrase, missed: bool) -> Place:
    """Build the Place for a chosen entry (precision per the module docstring)."""
    kind, i = ref
    if kind == "c":
        c = g.countries[i]
        return Place(c.name, None, None, c.name, c.iso3, c.latitude, c.longitude, 4)
    if kind == "r":
        r = g.regions[i]
        c = g.countries[r.country]
        adm1 = g.units[r.adm1s[0]].name if len(r.adm1s) == 1 else None
        return Place(r.name, adm1, None, c.name, c.iso3, r.latitude, r.longitude, 3)
    if kind == "t":
        t = g.town(i)
        inexact = missed and phrase.kind not in TOWN_KINDS
        precision = 2 if inexact or phrase.near or phrase.kind in ADM2_KINDS | ADM1_KINDS else 1
        return _town_place(g, t.idx, precision)
    u = g.units[i]
    precision = 2 if (missed or phrase.near or phrase.kind in TOWN_KINDS) else 3
    country = g.countries[u.country]
    if u.level == 2:
        adm1 = g.units[u.adm1].name if u.adm1 is not None else None
        return Place(u.name, adm1, u.name, country.name, country.iso3, u.latitude, u.longitude, precision)
    seat = g.town(u.seat) if u.seat is not None else None
    adm2 = g.units[seat.adm2].name if seat is not None and seat.adm2 is not None else None
    location = seat.name if seat is not None else u.name
    return Place(location, u.name, adm2, country.name, country.iso3, u.latitude, u.longitude, precision)


def _town_place(g: Gazetteer, idx: int, precision: int) -> Place:
    """The Place of a populated place."""
    t = g.town(idx)
    country = g.countries.get(t.country)
    adm1 = g.units[t.adm1].name if t.adm1 is not None else None
    adm2 = g.units[t.adm2].name if t.adm2 is not None else None
    return Place(
        t.name,
        adm1,
        adm2,
        country.name if country else None,
        country.iso3 if country else None,
        t.latitude,
        t.longitude,
        precision,
    )


def _unknown(g: Gazetteer, phrases: list[PlacePhrase], ctx: list[int]) -> Place:
    """Nothing resolved: the name as written and the article's main country, without coordinates."""
    names = _alternatives(phrases[0].text) if phrases else []
    location = ascii_name(names[0]) if names and names[0] else None
    country = g.countries[ctx[0]] if ctx else None
    return Place(
        location or None,
        None,
        None,
        country.name if country else None,
        country.iso3 if country else None,
        None,
        None,
        None,
    )


# ----------------------------------------------------------------------------------------------------------
# ----
# Names
# ----------------------------------------------------------------------------------------------------------
# ----


def country_for_name(name: str) -> tuple[str, str] | None:
    """(country name, iso3) for a country name, alias or demonym/adjective; None otherwise ("Washington")."""
    g = gazetteer()
    words = fold_words(name)
    if words and words[0] == "the":
        words = words[1:]
    key = join_key(words)
    idx = g.country_index.get(key) or g.demonyms.get(key) or g.country_parts.get(key)
    if idx is None and key.endswith("s"):
        idx = g.demonyms.get(key[:-1])
    if idx is None or idx not in g.countries:
        return None
    c = g.countries[idx]
    return c.name, c.iso3


def is_known_place(name: str) -> bool:
    """Cheap check that a (capitalised) name is a country, ADM1/ADM2 or populated place in the gazetteer."""
    g = gazetteer()
    words = fold_words(name)
    if not words or (len(words) == 1 and words[0] in COMMON_WORDS):
        return False
    for key in {*name_keys(words), *name_keys(strip_generic(words))}:
        if key in g.country_index or key in g.unit_index or key in g.town_index or key in g.region_index:
            return True
    return False
