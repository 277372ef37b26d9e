"""Place phrases: location clauses of news/ACLED text parsed into `PlacePhrase`s (resolved by `resolve`).

`parse_place_phrases` turns a clause ("in Nawabad village of Imam Sahib district, Kunduz") into
`PlacePhrase`s, most specific first: levels split on commas, "of", "in", "near" (a known name such as
"Republic of Korea" stays whole), "(X, Y)" read as enclosing places, "A (B)" kept as alternative names,
"A/B" and "A, B and C districts" as coordinated names sharing the feature word, "X district center" as
the town X inside district X, "Afghanistan's Helmand" and "the Pakistani city of Quetta" unwrapped, a
Nigerian "local government area" read as a district. Words around the places are dropped: a name ends at
the first lower-case word that is neither a particle inside a name ("Qala i Naw") nor a feature word or its
modifier ("Mohmand tribal district"), so "on Sunday" goes; a clause after the places ("..., where ...")
is cut; a sentence's subject before the locative phrase ("Protests also took place in ...") and dates
("in March") are no places, nor is a force written with capitals ("at Police forces in X"); a place the
first one borders ("Rafah, on the border with Egypt") is no enclosing place. A direction word before a
place ("northern Gaza") makes it near; before a feature word ("the northern city of Kano") it does not.

`place_groups` gives the phrases of each coordinated place of a clause ("in Mombasa and Kisumu");
`without_direction` a name without its capitalised direction word ("Central Beirut"), for a name that
resolves to nothing as a whole. The word lists come from `data/place_words.json` (`words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from eventcoder.coding.places.lookup import capital_of, country_for_name, is_known_place
from eventcoder.coding.places.records import PlacePhrase
from eventcoder.coding.places.words import (
    ADM1_KINDS,
    ADM2_KINDS,
    BORDER_WORDS,
    BUILDING_WORDS,
    CENTER_WORDS,
    CLAUSE_END_WORDS,
    COMMON_WORDS,
    DATE_WORDS,
    DIRECTION_WORDS,
    DISTRICT_PHRASES,
    HOLDER_WORDS,
    KIND_WORDS,
    LEAD_WORDS,
    LEVEL_SEPARATORS,
    NAME_KIND_WORDS,
    NEAR_SEPARATORS,
    NEAR_WORDS,
    NOT_MODIFIERS,
    ORGANISATION_HEADS,
    PARTICLES,
    PLACING_VERBS,
    SITE_WORDS,
    STREET_WORDS,
    TOWN_KINDS,
    WORLD_REGIONS,
    alternation,
)

_PAREN = re.compile(r"\(([^()]*)\)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_SENTENCE_END = re.compile(r"(?<![A-Z])\.\s+(?=[A-Z\[])|\.\s*$")
# Words that end a location clause: what follows is another clause ("in Kharkiv, where ...").
# A lowercase participle ends it too: "in X province denouncing the plans", "in Y district protesting";
# so does a verb in the past ("in Sidon gathered at the square"), but not one that places ("located in").
_PLACING_VERBS = r"(?!(?:" + alternation(PLACING_VERBS) + r")\b)"
_CLAUSE_END = re.compile(
    r"(?:,\s*|\s+)(?:"
    + alternation(CLAUSE_END_WORDS)
    + r"|[a-z]{2,}ing|"
    + _PLACING_VERBS
    + r"[a-z]{3,}ed)\b"
)
# A relative clause that says what the place is ends a locative even before any name ("in a district that
# was once a Taliban stronghold"); one that says what it does may hold the names ("on the road that
# connects A to B").
_RELATIVE = re.compile(r"(?:,\s*|\s+)(?:which|that|who)\s+(?:is|was|are|were|has been|had been|used to be)\b")
_BORDER = re.compile(r"\b(?:" + alternation(BORDER_WORDS) + r")\b", re.IGNORECASE)
_LGA = re.compile(r"\b(?:" + alternation(DISTRICT_PHRASES) + r")\b", re.IGNORECASE)
INSIDE_SEPARATORS = LEVEL_SEPARATORS - {"of"}  # "a village in X", "villages near X": X is no village
_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:" + alternation(LEVEL_SEPARATORS) + r")\s+")
_ENDS_AND = re.compile(r"\s(?:and|or)$")
_COORD = re.compile(r"\s*(/|\band\b|\bor\b|(?<=\s)&(?=\s))\s*")  # "AJ&K" is one name
_CAP = re.compile(r"(?:[a-z]{1,3}-|[a-z]{1,2}(?=[A-Z]))?[A-Z0-9]")  # also "al-Bab", "ez-Zor", "eThekwini"
_POSSESSIVE = re.compile(r"(.+?)'s?\s+(.*[A-Z].*)$")
# "A and the southern city of B": B is coordinated with A (B city), not the unit A lies in
_COORD_SETTLEMENT = re.compile(
    r"\b(and|or)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(city|town|village)\s+of\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)
_DISTANCE = re.compile(r"\d[\d.,]*(?:-\d+)?$")


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
    site: bool = False  # "outside the Parliament": a building or site


def parse_place_phrases(text: str) -> list[PlacePhrase]:
    """Parse an ACLED/news-style location clause into place phrases, most specific first."""
    return list(_parsed(text))


@lru_cache(maxsize=65536)
def _parsed(text: str) -> tuple[PlacePhrase, ...]:
    """The place phrases of a clause, parsed once per text (the coder reads one clause several times)."""
    return tuple(
        _dedupe(p for level in _level_phrases(_levels(_linearise(text))) for name in level for p in name)
    )


def place_groups(text: str) -> list[list[PlacePhrase]]:
    """The phrases of each coordinated place of a clause's most specific level ("in Mombasa and Kisumu" ->
    two; "in Kabul, Ghor and Balkh provinces" -> three), each followed by the clause's enclosing places; a
    clause naming no place gives none."""
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
    return [_dedupe([*group, *outer]) for group in groups]


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
                names.append([PlacePhrase(name.text, name.kind, outer, name.near, name.site)])
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
    following clause ("..., where ...", "... after ...") once a name has been seen is cut off, a relative
    clause that says what the place is even before ("in a district that was once a Taliban stronghold")."""
    text = _BRACKETS.sub(" ", text.replace("\u2019", "'"))
    text = _SENTENCE_END.split(text, maxsplit=1)[0]
    text = " ".join(text.split()).strip(" .;:")
    text = _LGA.sub("district", text)  # Nigeria's ADM2s
    text = _COORD_SETTLEMENT.sub(r"\1 \3 \2", text)
    relative = _RELATIVE.search(text)
    first_name = re.search(r"(?:^|\s)[A-Z0-9]", text)
    if relative and (first_name is None or relative.start() < first_name.start()):
        text, first_name = text[: relative.start()], None
    if first_name:
        end = _CLAUSE_END.search(text, first_name.end())
        if end:
            text = text[: end.start()]

    def repl(m: re.Match[str]) -> str:
        """One parenthesis group."""
        inner = m.group(1).strip()
        if not inner or not _CAP.match(inner):
            return ""
        if "," in inner or _admin_kind(inner):  # "(Y, Z)", "(Y state)": enclosing places
            return ", " + inner + ","
        return "" if _SPLIT.search(inner) else m.group(0)

    text = _PAREN.sub(repl, text)
    return re.sub(r"\s*,\s*(,\s*)+", ", ", text).strip(" ,")


def _admin_kind(text: str) -> bool:
    """True when a text ends with an administrative feature word ("White Nile state", "Mezam division")."""
    words = text.split()
    kind = KIND_WORDS.get(words[-1].lower()) if len(words) > 1 else None
    return kind in ADM1_KINDS or kind in ADM2_KINDS


def _levels(text: str) -> list[list[_Name]]:
    """Split a flattened clause into nested levels (most specific first), each a list of coordinated names.

    A sentence's subject before its locative phrase ("Protests also took place in Mombasa") is no place:
    a first piece that is not a known name and is followed by other words than a name is dropped; so are
    the names that hold what a place word names ("the positions of the army of Kenya near X": X), unless
    the gazetteer holds a name below a country ("the police posts of Garissa town").
    """
    levels: list[list[_Name]] = []
    level_seps: list[str] = []
    pending_near = pending_border = pending_capital = False
    pending_kind: str | None = None
    pending_country: str | None = None  # "the Kenyan village of X": X lies in Kenya
    pending_plural = False  # "the regions of A and B": the kind of every item of the list
    plural_item: _Name | None = None  # the first item of such a list
    pieces = _split_protected(text)
    held = False
    for n_piece, (sep, piece) in enumerate(pieces):
        coordinated = bool(re.match(r"(?:and|or|&)\s", piece)) and bool(levels)
        # "in A region and in B state": the second phrase is a list's next item, not A's container
        coordinated = coordinated or (
            n_piece > 0 and bool(levels) and _ENDS_AND.search(pieces[n_piece - 1][1])
        )
        held = (held and sep == "of") or (sep == "of" and _holds(pieces[n_piece - 1][1]))
        names, near, kind_only, clause = _piece_names(piece)
        if held and not any(is_known_place(n.text) and country_for_name(n.text) is None for n in names):
            continue  # "the positions of al-Shabaab", "of the army of Kenya": who holds them
        if clause and n_piece == 0 and len(pieces) > 1 and _CAP.match(piece):
            if not any(is_known_place(n.text) for n in names):
                names = []
        if sep in INSIDE_SEPARATORS - NEAR_SEPARATORS:
            pending_near = False  # "outside the parliament in X": near the building, in X
        pending_near = pending_near or near or sep in NEAR_SEPARATORS
        pending_border = pending_border or _BORDER.search(piece) is not None
        if not names:
            if kind_only and sep == "," and levels and levels[-1][-1].kind is None and not coordinated:
                levels[-1][-1].kind = kind_only  # "X, a northern village in Y": what X is, not Y
                continue
            pending_plural = bool(kind_only) and _plural_kind_word(piece, kind_only) or pending_plural
            pending_country = _kind_country(piece) if kind_only else pending_country
            pending_kind = kind_only or pending_kind
            pending_capital = "capital" in piece.lower().split()
            continue
        if pending_capital and country_for_name(names[0].text) is not None:  # "the capital of Kenya"
            names[0] = _Name(capital_of(names[0].text) or names[0].text, "city", names[0].near)
        if pending_kind and names[0].kind is None and sep not in INSIDE_SEPARATORS:
            names[0].kind = pending_kind  # "the village of X"; "villages in X": X holds them
            plural_item = names[0] if pending_plural else plural_item
        for n in names:
            n.near = n.near or pending_near
            n.border = pending_border
        pending_near = pending_border = pending_capital = False
        pending_kind, pending_plural = None, False
        if coordinated:
            names[0].alt = piece.startswith("or ")
            levels[-1].extend(names)
            _pull_comma_list(levels, level_seps, plural_item)
            _share_kind(levels[-1])
        else:
            levels.append(names)
            level_seps.append(sep)
            if len(names) > 1:  # "A, B and C" (no comma before "and"): one list, as "A, B, and C"
                _pull_comma_list(levels, level_seps, plural_item)
            if pending_country is not None and sep == "of":
                levels.append([_Name(pending_country, None)])
                level_seps.append(",")
        pending_country = None if names else pending_country
        if plural_item is not None and any(n is plural_item for n in levels[-1]):
            for n in levels[-1]:
                n.kind = n.kind or plural_item.kind
    # A country or place the first one borders is no enclosing place ("in Rafah, on the border with Egypt");
    # a country named for its border is no place at all ("near the Malian border in X region": X region)
    levels = [level for level in levels if not all(n.border and country_for_name(n.text) for n in level)]
    return [level for k, level in enumerate(levels) if k == 0 or not all(n.border for n in level)]


def _plural_kind_word(piece: str, kind: str) -> bool:
    """The piece ends in a feature word in the plural ("the regions", "the provinces")."""
    words = piece.lower().split()
    plural = bool(words) and words[-1].endswith("s") and not kind.endswith("s") and words[-1] != kind
    return plural and kind != "area"  # "the areas of A, B": vague, near the first


def _holds(piece: str) -> bool:
    """A piece ending in a word for what a side holds ("the positions"): its "of" names the side."""
    words = piece.lower().split()
    return bool(words) and words[-1] in HOLDER_WORDS


def _pull_comma_list(levels: list[list[_Name]], level_seps: list[str], plural: _Name | None = None) -> None:
    """ "Kabul, Ghor, and Balkh provinces", "the villages of A, B and C": bare names (the first may carry a
    settlement word, or any feature word in the plural: "the provinces of A, B and C") before an "and"
    joined by commas join its level; a name before a country is no item of a list with it ("Garissa,
    Kenya and Mogadishu")."""
    while len(levels) >= 2 and level_seps[-1] == "," and len(levels[-2]) == 1:
        first, bare = levels[-2][0], all(n.kind is None for n in levels[-1])
        if first.kind is not None and not ((first.kind in TOWN_KINDS or first is plural) and bare):
            return
        if country_for_name(levels[-1][0].text) is not None and country_for_name(first.text) is None:
            return
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
            and (_is_known_text(joined) or _ends_in_world_region(joined))
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


def _ends_in_world_region(text: str) -> bool:
    """True when a text ends with the name of a world region ("Kenya and the Horn of Africa")."""
    low = " ".join(text.lower().split())
    return any(low == r or low.endswith(" " + r) for r in WORLD_REGIONS)


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
    near = site = False
    kind_only: str | None = None
    popped_kind: str | None = None
    unit = False  # "2.4 KM south of X": the unit of a distance, however written, is no name
    while words and (not _is_name_word(words[0]) or _is_distance(words) or unit or _opening_lead(words)):
        unit = _is_distance(words)
        w = words.pop(0).lower().strip("'\"")
        if w in STREET_WORDS:  # "on the rue de X": a street's name, no town
            return [], near, None, True
        site = site or w in SITE_WORDS
        of_kind = w in DIRECTION_WORDS and any(x.lower() in KIND_WORDS for x in words[:2])  # "northern city"
        near = near or (w in NEAR_WORDS and not of_kind) or bool(_DISTANCE.match(w))
        popped_kind = KIND_WORDS.get(w)
        if popped_kind and not words:
            kind_only = popped_kind
    # "the Pakistani city of Quetta"; "the Somali town of X" (a demonym that also names a province elsewhere)
    town_after = len(words) > 1 and words[1].islower() and KIND_WORDS.get(words[1].strip(".,")) in TOWN_KINDS
    adjective = words and (_is_demonym(words[0]) or (town_after and country_for_name(words[0]) is not None))
    demonym = words.pop(0) if adjective else None
    if not adjective and (long_country := _country_before_kind(words)):  # "the Burkina Faso village of X"
        demonym = " ".join(words[:long_country])
        del words[:long_country]
    lead_kind: str | None = popped_kind if words else None  # "the provincial capital Lashkar Gah"
    while words and words[0].lower() in KIND_WORDS:
        lead_kind = KIND_WORDS[words.pop(0).lower()]
    if not words and demonym and piece.split()[-1].lower() == "capital":  # "the Afghan capital"
        capital = capital_of(demonym)
        return ([_Name(capital, "city", near)] if capital else []), near, None, False
    end = _name_run(words)
    clause = end < len(words)
    building = clause and words[end].lower().strip(".,") in BUILDING_WORDS
    if building and not is_known_place(" ".join(words[:end])):  # "inside a Pentecostal church": its kind
        return [], near, None, clause
    if clause and _names_force(words[:end], words[end]):
        return [], near, None, clause
    words = words[:end]
    if len(words) > 1 and words[-1].lower() in BUILDING_WORDS and not is_known_place(" ".join(words)):
        if is_known_place(" ".join(words[:-1])):  # "at Dhaka University": the town it is named after
            words = words[:-1]
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
    for n in names:
        n.near = n.near or near
        n.site = site
    _share_kind(names)
    return names, near, kind_only, clause


def _country_before_kind(words: list[str]) -> int:
    """The number of words of a country's name of two or three words that opens the piece before a
    settlement word ("Burkina Faso village", "Sierra Leone town"), else 0."""
    for n in (3, 2):
        kind = KIND_WORDS.get(words[n].strip(".,")) if len(words) > n and words[n].islower() else None
        if kind in TOWN_KINDS and country_for_name(" ".join(words[:n])) is not None:
            return n
    return 0


def _kind_country(piece: str) -> str | None:
    """The country a settlement word is told of ("the Kenyan village", "the eastern Burkina Faso town"):
    its name, for the place the next "of" names; None when the piece is no such phrase."""
    words = piece.split()
    if len(words) < 2 or KIND_WORDS.get(words[-1].lower().strip(".,")) not in TOWN_KINDS:
        return None
    start = len(words) - 1
    while start > 0 and words[start - 1][:1].isupper():  # the capitalised words before the kind word
        start -= 1
    found = country_for_name(" ".join(words[start:-1])) if start < len(words) - 1 else None
    return found[0] if found is not None else None


def _opening_lead(words: list[str]) -> bool:
    """A preposition or article capitalised as a sentence's first word, before lower-case words ("In
    southern X", "At the X"); "In Amenas" is a name."""
    return len(words) > 1 and words[0].lower() in LEAD_WORDS and not _is_name_word(words[1])


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
    if words and words[0].lower().strip(".") in STREET_WORDS:  # "Avenida X", "Rue X": a street
        return None
    full = " ".join(words)
    capital = _country_capital(words)
    if capital is not None:  # "Kenya's capital", "Brazil's capital city"
        return _Name(capital, "city")
    kind: str | None = None
    near = center = False
    if (
        words
        and words[-1].lower() in CENTER_WORDS
        and len(words) > 2
        and words[-2].lower() in ("district", "city", "town")
    ):
        center = words[-2].lower() == "district"
        words = words[:-1]
    while len(words) > 1 and is_kind_word(words[-1]):
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
    if _names_organisation(words):  # "the positions of the Zarvo Front"
        return None
    if {" ".join(words).lower(), full.lower()} & WORLD_REGIONS:  # "in West Africa": no place of one country
        return None
    if kind == "area" and len(words) > 1 and words[-1].lower() in KIND_WORDS:
        words.pop()
    if kind and not is_known_place(" ".join(words)) and is_known_place(full):  # "Tribal Areas", "Kuwait City"
        return _Name(full, None, False, False)
    return _Name(" ".join(words), kind, near, center)


def _country_capital(words: list[str]) -> str | None:
    """The capital a country's name or possessive names ("Kenya's capital city", "the Burkina Faso
    capital" in a headline -> its capital)."""
    at = next((i for i, w in enumerate(words) if w.lower() == "capital"), None)
    if not at or any(KIND_WORDS.get(w.lower()) != "city" for w in words[at + 1 :]):
        return None
    country = " ".join(words[:at]).removesuffix("'s").removesuffix("'")
    return capital_of(country) if country_for_name(country) is not None else None


def _names_force(words: list[str], following: str) -> bool:
    """Common words capitalised before an organisation's head: a force, no place ("at Police forces in X",
    "with Security forces")."""
    return following.lower().strip(".,;:") in ORGANISATION_HEADS and all(
        w.lower().strip(".,;:") in COMMON_WORDS for w in words
    )


def _names_organisation(words: list[str]) -> bool:
    """True for an organisation's name the gazetteer lacks ("Zarvo Front", "Lamu People's Militia")."""
    return len(words) > 1 and words[-1].lower() in ORGANISATION_HEADS and not is_known_place(" ".join(words))


def is_kind_word(word: str) -> bool:
    """A feature word after a name ("district", "Province", "camp"), not part of the name ("Zarvo Camp")."""
    low = word.lower().strip(".")
    return low in KIND_WORDS and not (low in NAME_KIND_WORDS and word[:1].isupper())


def split_kind(text: str) -> tuple[str, str | None]:
    """Split a trailing feature word off a qualifier ("Imam Sahib district" -> ("Imam Sahib", "district"))."""
    words = text.split()
    kind = None
    while len(words) > 1 and words[-1].lower() in KIND_WORDS:
        word = KIND_WORDS[words.pop().lower()]
        kind = kind or word
    return " ".join(words), kind


def alternatives(text: str) -> list[str]:
    """The names in a phrase text: "Nahri Saraj (Girishk)" -> both, "A/B" -> both."""
    m = _PAREN.search(text)
    if m:
        main = (text[: m.start()] + text[m.end() :]).strip()
        return [n for n in (main, m.group(1).strip()) if n]
    if "/" in text and not is_known_place(text):
        return [n.strip() for n in text.split("/") if n.strip()]
    return [text.strip()]


def without_direction(phrases: Sequence[PlacePhrase]) -> list[PlacePhrase] | None:
    """A first name that opens with a capitalised direction word and resolved to nothing as a whole
    ("Central Beirut", "West Mosul"): the name without it, near unless central (as "central X" is)."""
    words = phrases[0].text.split() if phrases else []
    if len(words) < 2 or words[0].lower() not in DIRECTION_WORDS or not words[1][:1].isupper():
        return None
    near = phrases[0].near or words[0].lower() in NEAR_WORDS
    return [replace(phrases[0], text=" ".join(words[1:]), near=near), *phrases[1:]]
