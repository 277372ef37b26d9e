"""ACLED-style actors: the versioned actor dictionary and the resolution of actor mentions.

Named actors (Taliban, TTP, Al Shabaab, ...) come from `data/actors.jsonl`. Generic actors
("Military Forces of X", "Police Forces of X", "Government of X", "Protesters (X)", "Rioters (X)",
"Civilians (X)", "Unidentified Armed Group (X)") are not listed per country: they come from rules over
a lexicon of generic nouns (`data/actor_nouns.json`) and the country table (`data/demonyms.csv` plus
pycountry).

`ActorDictionary.resolve` segments a mention into normalised n-grams (longest match first) and picks:

1. a named actor when one is mentioned ("Taliban militants" -> Taliban, "Pakistani Taliban" -> TTP),
   except that a named group's protesters or rioters ("PTI protesters") are Protesters/Rioters (X),
   as ACLED codes them (the group is then an associate, see `resolve_all`);
2. otherwise a generic noun, of the country named by a demonym, country name or capital in the mention
   ("Afghan soldiers" -> Military Forces of Afghanistan), else of the event's country;
3. otherwise a country name alone is its government ("Pakistan" -> Government of Pakistan), a plural
   demonym its civilians ("Afghans" -> Civilians (Afghanistan)), and a capital its government only
   when the caller asks for metonyms (`capitals=True`).

With no country known, a generic actor keeps its name without the country part ("Unidentified Armed
Group", "Police Forces"): a partial name is better than a guessed country.

Design choices (ACLED practice): political parties and criminal groups are inter 3 (political militias);
Unidentified Armed Group is inter 3; Frontier Corps, Rangers, CTD and Levies are police; names carry no
ACLED period ("Military Forces of Afghanistan", not "... (2014-)") nor sub-unit. Entries may have
`local_aliases` (only for events in one country: "FC", "Rangers" in Pakistan) and `branches` (a
transnational group's country branch: "Daesh" in Afghanistan -> Islamic State (Khorasan)). Short all-caps
acronyms ("IS", "UN", "TTP") match only in their case when the mention mixes cases, so "Is" is no actor.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from eventcoder.coding.actor_patterns import DASHES, as_phrases, token_pattern  # noqa: F401
from eventcoder.coding.actor_words import (
    GENERIC_NOUNS_PATH,
    NAME_LINKS,
    Tokens,
    name_heads,
    not_a_name,
    phrase_set,
    tokenize,
)
from eventcoder.coding.places.lookup import is_known_place
from eventcoder.config import DATA_DIR  # noqa: E402

ACTORS_PATH = DATA_DIR / "actors.jsonl"
DEMONYMS_PATH = DATA_DIR / "demonyms.csv"

VERSION_RE = re.compile(r"^\d{4}\.\d{2}\.\d+$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
ENTRY_FIELDS = {"name", "inter", "country", "aliases", "local_aliases", "branches", "label", "note"}
LABELS = ("ORG", "NORP")
COUNTRY_SLOT = "{country}"
MAX_CASED_LEN = 3  # all-caps aliases this short ("IS", "UN", "TTP") must match in case in mixed-case text
CACHE_SIZE = 100_000


@dataclass(frozen=True)
class Actor:
    """An ACLED-style actor: canonical name, inter code (0 unknown, 1-8) and iso3 country."""

    name: str
    inter: int
    country: str | None


@dataclass(frozen=True)
class ActorEntry:
    """One named actor of actors.jsonl."""

    name: str
    inter: int
    country: str | None
    aliases: tuple[str, ...]
    local_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    branches: tuple[tuple[str, str], ...] = ()
    label: str = "ORG"
    note: str | None = None

    @property
    def base_name(self) -> str:
        """Name without the country slot of per-country entries ("Fulani Ethnic Militia")."""
        return self.name.replace(f" ({COUNTRY_SLOT})", "").replace(COUNTRY_SLOT, "").strip()


@dataclass(frozen=True)
class Country:
    """A country as generic actor names use it."""

    iso3: str
    name: str
    of_the: bool = False
    demonyms: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    @property
    def of_name(self) -> str:
        """The name after "of" in "Military Forces of the United States"."""
        return f"the {self.name}" if self.of_the else self.name


@dataclass(frozen=True)
class GenericKind:
    """A generic actor type and how its name is built."""

    key: str
    inter: int
    with_country: str
    without_country: str


GENERIC_KINDS: dict[str, GenericKind] = {
    k.key: k
    for k in (
        GenericKind("military", 1, "Military Forces of {of}", "Military Forces"),
        GenericKind("police", 1, "Police Forces of {of}", "Police Forces"),
        GenericKind("government", 1, "Government of {of}", "Government"),
        GenericKind("rioters", 5, "Rioters ({name})", "Rioters"),
        GenericKind("protesters", 6, "Protesters ({name})", "Protesters"),
        GenericKind("civilians", 7, "Civilians ({name})", "Civilians"),
        GenericKind("unidentified", 3, "Unidentified Armed Group ({name})", "Unidentified Armed Group"),
        GenericKind("gang", 3, "Unidentified Gang ({name})", "Unidentified Gang"),
    )
}

# Generic kinds whose bracket names the country where the event happened (ACLED's naming), not a side's state.
BRACKETED_KINDS = ("rioters", "protesters", "civilians", "unidentified", "gang")

# Priority of lexicon kinds when one n-gram is several things at once.
KIND_PRIORITY = {"named": 0, "generic": 1, "country": 2, "demonym": 3, "people": 4, "capital": 5}
PLACE_KINDS = ("country", "demonym", "people", "capital")


@dataclass(frozen=True)
class Lexeme:
    """What an n-gram means: a named actor, a generic noun, or a place (country, demonym, capital)."""

    kind: str
    value: str = ""
    rank: int = 0
    iso3: tuple[str, ...] = ()
    cased: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Term:
    """A lexeme found at a position of a mention."""

    lexeme: Lexeme
    index: int


@dataclass(frozen=True)
class Resolution:
    """The primary actor of a mention and the other named actors it mentions."""

    primary: Actor | None
    associates: tuple[Actor, ...] = ()


def normalise(text: str) -> str:
    """Normalised form of a mention or alias: lower-case ASCII words joined by single spaces."""
    return " ".join(tokenize(text).lower)


def is_cased(alias: str) -> bool:
    """Whether an alias is a short all-caps acronym ("IS", "UN", "LeT") that must match in case."""
    compact = "".join(tokenize(alias).orig)
    return 0 < len(compact) <= MAX_CASED_LEN and sum(c.isupper() for c in compact) >= 2


def plural(demonym: str) -> str | None:
    """English plural of a demonym used as a noun ("Afghans"), None when it has none ("Sudanese")."""
    return None if demonym.endswith(("ese", "s", "sh", "ch", "x", "z")) else demonym + "s"


@cache
def generic_nouns(path: Path = GENERIC_NOUNS_PATH) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """The generic nouns of data/actor_nouns.json as (kind, rank, phrases), in file order."""
    groups = json.loads(path.read_text(encoding="utf-8"))["generic_nouns"]
    for group in groups:
        if group["kind"] not in GENERIC_KINDS:
            raise ValueError(f"{path}: unknown generic kind {group['kind']!r}")
    return tuple((g["kind"], g["rank"], tuple(g["phrases"])) for g in groups)


def read_entries(path: Path) -> tuple[str, tuple[ActorEntry, ...]]:
    """Read and validate actors.jsonl: the header's version and the entries."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        raise ValueError(f"{path}: empty actor dictionary")
    header = json.loads(lines[0])
    version = header.get("version") if isinstance(header, dict) else None
    if not isinstance(version, str) or not VERSION_RE.match(version):
        raise ValueError(f"{path}:1: header needs a version YYYY.MM.N, got {version!r}")
    entries = tuple(parse_entry(json.loads(line), f"{path}:{n}") for n, line in enumerate(lines[1:], start=2))
    return version, entries


def parse_entry(obj: dict, where: str) -> ActorEntry:
    """Validate one dictionary object and build its entry."""
    if (
        not isinstance(obj, dict)
        or not ENTRY_FIELDS >= set(obj)
        or not {"name", "inter", "country", "aliases"} <= set(obj)
    ):
        raise ValueError(f"{where}: an entry needs name, inter, country, aliases and nothing unknown")
    name, inter, country, aliases = obj["name"], obj["inter"], obj.get("country"), obj["aliases"]
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: name must be a non-empty string")
    if not isinstance(inter, int) or isinstance(inter, bool) or not 1 <= inter <= 8:
        raise ValueError(f"{where}: inter must be an ACLED actor type 1-8")
    if country is not None and not (isinstance(country, str) and ISO3_RE.match(country)):
        raise ValueError(f"{where}: country must be iso3 or null")
    if not _is_str_list(aliases) or not aliases:
        raise ValueError(f"{where}: aliases must be a non-empty list of strings")
    local = obj.get("local_aliases", {})
    if not isinstance(local, dict) or not all(ISO3_RE.match(k) and _is_str_list(v) for k, v in local.items()):
        raise ValueError(f"{where}: local_aliases must map iso3 to lists of strings")
    branches = obj.get("branches", {})
    if not isinstance(branches, dict) or not all(
        ISO3_RE.match(k) and isinstance(v, str) for k, v in branches.items()
    ):
        raise ValueError(f"{where}: branches must map iso3 to canonical names")
    label = obj.get("label", "ORG")
    if label not in LABELS:
        raise ValueError(f"{where}: label must be one of {LABELS}")
    return ActorEntry(
        name=name,
        inter=inter,
        country=country,
        aliases=tuple(aliases),
        local_aliases=tuple((k, tuple(v)) for k, v in sorted(local.items())),
        branches=tuple(sorted(branches.items())),
        label=label,
        note=obj.get("note"),
    )


def _is_str_list(value: object) -> bool:
    """Whether value is a list of non-empty strings."""
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def read_countries(path: Path) -> dict[str, Country]:
    """Countries by iso3: every pycountry country, with names and demonyms from demonyms.csv."""
    import pycountry

    countries: dict[str, Country] = {}
    for c in pycountry.countries:
        official = getattr(c, "official_name", None)
        common = getattr(c, "common_name", None)
        names = tuple(n for n in (c.name, official, common) if n)
        countries[c.alpha_3] = Country(iso3=c.alpha_3, name=common or c.name, names=names)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            iso3 = row["iso3"].strip()
            if not ISO3_RE.match(iso3):
                raise ValueError(f"{path}: bad iso3 {iso3!r}")
            known = countries.get(iso3)
            countries[iso3] = Country(
                iso3=iso3,
                name=row["country"].strip(),
                of_the=row.get("of_the", "").strip() == "1",
                demonyms=_split(row.get("demonyms")),
                names=tuple(
                    dict.fromkeys(
                        (row["country"].strip(), *_split(row.get("names")), *(known.names if known else ()))
                    )
                ),
                capitals=_split(row.get("capitals")),
            )
    return countries


def _split(cell: str | None) -> tuple[str, ...]:
    """Values of a |-separated cell."""
    return tuple(v.strip() for v in (cell or "").split("|") if v.strip())


class ActorDictionary:
    """Named actors, countries and generic rules, with a cached `resolve` for actor mentions."""

    version: str

    def __init__(self, version: str, entries: Iterable[ActorEntry], countries: dict[str, Country]) -> None:
        self.version = version
        self.entries: tuple[ActorEntry, ...] = tuple(entries)
        self.countries = countries
        self._by_name = {e.name: e for e in self.entries}
        self._index: dict[tuple[str, ...], Lexeme] = {}
        self._local: dict[tuple[str, tuple[str, ...]], Lexeme] = {}
        self._build_index()
        self._prefixes = frozenset(
            k[:n] for k in (*self._index, *(k for _, k in self._local)) for n in range(1, len(k))
        )
        self._max_len = max(len(k) for k in (*self._index, *(k for _, k in self._local)))
        self._cached = lru_cache(maxsize=CACHE_SIZE)(self._resolve_uncached)

    @classmethod
    def load(cls, path: Path | None = None, demonyms: Path | None = None) -> ActorDictionary:
        """The dictionary at path (default: the packaged actors.jsonl and demonyms.csv), cached."""
        return _load(Path(path or ACTORS_PATH).resolve(), Path(demonyms or DEMONYMS_PATH).resolve())

    def __len__(self) -> int:
        """Number of named entries."""
        return len(self.entries)

    # ----- index -----

    def _build_index(self) -> None:
        """Fill the n-gram index from entries, generic nouns and countries."""
        names_seen: dict[tuple[str, ...], str] = {}
        for entry in self.entries:
            for alias in (entry.base_name, *entry.aliases):
                self._add_named(alias, entry.name, names_seen)
            for iso3, aliases in entry.local_aliases:
                for alias in aliases:
                    key = tokenize(alias).lower
                    self._local[(iso3, key)] = self._merge(
                        self._local.get((iso3, key)), _named_lexeme(alias, entry.name)
                    )
        for kind, rank, phrases in generic_nouns():
            for phrase in phrases:
                self._add(phrase, Lexeme("generic", kind, rank))
        for country in self.countries.values():
            for name in country.names:
                self._add(name, Lexeme("country", iso3=(country.iso3,), cased=_cased(name)))
            for demonym in country.demonyms:
                self._add(demonym, Lexeme("demonym", iso3=(country.iso3,), cased=_cased(demonym)))
                if (many := plural(demonym)) is not None:
                    self._add(many, Lexeme("people", iso3=(country.iso3,)))
            for capital in country.capitals:
                self._add(capital, Lexeme("capital", iso3=(country.iso3,), cased=_cased(capital)))

    def _add_named(self, alias: str, name: str, seen: dict[tuple[str, ...], str]) -> None:
        """Index a named alias; two actors sharing one alias is a data error."""
        key = tokenize(alias).lower
        if not key:
            raise ValueError(f"alias {alias!r} of {name!r} has no words")
        if seen.get(key, name) != name:
            raise ValueError(f"alias {alias!r} belongs to both {seen[key]!r} and {name!r}")
        seen[key] = name
        self._add(alias, _named_lexeme(alias, name))

    def _add(self, text: str, lexeme: Lexeme) -> None:
        """Index one n-gram, keeping the higher-priority meaning when it has several."""
        key = tokenize(text).lower
        if key:
            self._index[key] = self._merge(self._index.get(key), lexeme)

    @staticmethod
    def _merge(old: Lexeme | None, new: Lexeme) -> Lexeme:
        """Combine two meanings of one n-gram: priority by kind, union of countries, cased if both are."""
        if old is None:
            return new
        if KIND_PRIORITY[new.kind] < KIND_PRIORITY[old.kind]:
            return new
        if new.kind != old.kind or new.value != old.value:
            return old
        cased = old.cased if old.cased == new.cased else None
        return Lexeme(
            old.kind, old.value, max(old.rank, new.rank), tuple(dict.fromkeys(old.iso3 + new.iso3)), cased
        )

    # ----- resolution -----

    def resolve(self, mention: str, country: str | None = None, *, capitals: bool = False) -> Actor | None:
        """Canonical actor for a mention given the event's iso3; None when it names no actor."""
        return self._cached(mention, _iso(country), capitals).primary

    def resolve_all(
        self, mention: str, country: str | None = None, *, capitals: bool = False
    ) -> tuple[Actor, ...]:
        """The primary actor of a mention followed by the other named actors in it (associates)."""
        res = self._cached(mention, _iso(country), capitals)
        return () if res.primary is None else (res.primary, *res.associates)

    def local_alias(self, mention: str, country: str | None) -> bool:
        """The mention is a local alias of the country ("Maoist rebels" in India: the CPI (Maoist))."""
        return country is not None and (country, tokenize(mention).lower) in self._local

    def generic(self, kind: str, country: str | None = None) -> Actor:
        """The generic actor of a kind (military, police, government, protesters, rioters, civilians,
        unidentified) for an iso3; without the country part when the country is None or unknown."""
        spec = GENERIC_KINDS[kind]
        known = self.countries.get(_iso(country) or "")
        if known is None:
            return Actor(spec.without_country, spec.inter, None)
        return Actor(spec.with_country.format(of=known.of_name, name=known.name), spec.inter, known.iso3)

    def where_it_happened(self, actor: Actor | None, iso3: str) -> Actor | None:
        """A generic actor named by the event's country in brackets (rioters, protesters, civilians,
        unidentified groups: "Civilians (X)" says where, not whose) named for the country of the event;
        any other actor as it is."""
        if actor is None or actor.country in (None, iso3):
            return actor
        for kind in BRACKETED_KINDS:
            if actor.name.startswith(GENERIC_KINDS[kind].without_country + " ("):
                return self.generic(kind, iso3)
        return actor

    def moved(self, actor: Actor | None, old: str | None, new: str | None) -> Actor | None:
        """A generic actor named for the country `old` ("Military Forces of X", "Civilians (X)") named for
        `new` instead (its event's place was a namesake in `old`); any other actor as it is."""
        if actor is None or old is None or actor.country != old:
            return actor
        for kind in GENERIC_KINDS:
            if self.generic(kind, old).name == actor.name:
                return self.generic(kind, new)
        return actor

    def is_generic(self, actor: Actor | None, kind: str) -> bool:
        """The actor is the generic one of a kind for its country ("Government of X" for "government")."""
        return actor is not None and actor == self.generic(kind, actor.country)

    def armed(self, actor: Actor | None) -> Actor | None:
        """The side that used force: a government named generically ("the regime carried out airstrikes")
        is its military, as ACLED codes state violence by forces; any other actor as it is."""
        if actor is None or actor.country is None or not self.is_generic(actor, "government"):
            return actor
        return self.generic("military", actor.country)

    def is_unidentified(self, actor: Actor) -> bool:
        """Whether an actor is an unnamed armed group or gang ("Unidentified Armed Group (X)")."""
        return is_unidentified(actor)

    def home(self, actor: Actor) -> str | None:
        """The fixed home country of a named actor ("Houthi Movement" -> YEM); None for generic and
        per-country names, whose country is the event's own."""
        entry = self._by_name.get(actor.name)
        return entry.country if entry is not None and COUNTRY_SLOT not in entry.name else None

    def unknown(self, name: str) -> Actor:
        """An actor for an unknown named group: kept with its own name, inter 0."""
        return Actor(clean_name(name), 0, None)

    def _resolve_uncached(self, mention: str, country: str | None, capitals: bool) -> Resolution:
        """Resolve a mention (see the module docstring for the rules)."""
        terms = self.segment(mention, country)
        named = [t for t in terms if t.lexeme.kind == "named"]
        generics = [t for t in terms if t.lexeme.kind == "generic"]
        places = [t for t in terms if t.lexeme.kind in PLACE_KINDS]
        if named:
            return self._choose_named(named, generics, places, country)
        guessed = self.guess_named(mention)
        if guessed is not None:
            return Resolution(guessed)
        if generics:
            best = max(generics, key=lambda t: (t.lexeme.rank, t.index))
            found = self.generic(best.lexeme.value, self._place_country(places, best.index, country))
            return Resolution(self._branch_of(found, country))
        for kind, generic_kind in (("people", "civilians"), ("country", "government")):
            found = [t for t in places if t.lexeme.kind == kind]
            if found:
                return Resolution(self.generic(generic_kind, _pick(found[0].lexeme.iso3, country)))
        found = [t for t in places if t.lexeme.kind == "capital"]
        if capitals and found:
            return Resolution(self.generic("government", _pick(found[0].lexeme.iso3, country)))
        return Resolution(None)

    def guess_named(self, mention: str) -> Actor | None:
        """A capitalised name outside the dictionary ending in a group's head noun ("Zamfara Vigilance
        Brigade", "Red Star militia", "XYZ rebels"): kept by its name with the head's inter; None when
        every capitalised word is a known country, demonym or generic noun ("Nigerian Army")."""
        tokens = tokenize(mention)
        found = None if tokens.uniform_case else self._name_head(tokens)
        if found is None:
            return None
        head_start, head_end, inter = found
        start = head_start
        while start > 0 and tokens.orig[start - 1][0].isupper():
            start -= 1
        while start < head_start and not_a_name(tokens.orig[start]):
            start += 1  # "Suspected West Papua rebels": the hedge opens the sentence, it names nothing
        modifiers = tokens.orig[start:head_start]
        if all(self._index.get((w.lower(),)) is not None or not_a_name(w) for w in modifiers):
            return None
        if tokens.orig[head_start].islower() and is_known_place(" ".join(modifiers)):
            return None  # "West Papua rebels": rebels of a place, not a group named after it (a capitalised
            # head names one: "Ostrava Liberation Front")
        end = head_end
        if tokens.orig[head_start].islower() and (
            tokens.lower[head_start:end] in phrase_set("member_heads") or modifiers[-1].isupper()
        ):
            end = head_start
        end = self._name_tail(tokens, end)
        words = [w.title() if head_start <= i < head_end else w for i, w in enumerate(tokens.orig)]
        return Actor(" ".join(words[start:end]), inter, None)

    @staticmethod
    def _name_tail(tokens: Tokens, end: int) -> int:
        """End of a name that goes on after its head ("Front for the Liberation of X"): linking words
        followed by a capitalised word, as long as they last."""
        n = len(tokens.orig)
        while end < n and tokens.lower[end] in NAME_LINKS:
            nxt = end
            while nxt < n and tokens.lower[nxt] in NAME_LINKS:
                nxt += 1
            if nxt >= n or not tokens.orig[nxt][0].isupper():
                break
            end = nxt
            while end < n and tokens.orig[end][0].isupper():
                end += 1
        return end

    @staticmethod
    def _name_head(tokens: Tokens) -> tuple[int, int, int] | None:
        """(start, end, inter) of the head noun of a name: the last capitalised head, else the last
        head in lower case right after a capitalised word."""
        heads = sorted(name_heads().items(), key=lambda kv: -len(kv[0]))
        spans = [
            (end - len(h), end, inter)
            for end in range(len(tokens.lower), 0, -1)
            for h, inter in heads
            if end - len(h) > 0 and tokens.lower[end - len(h) : end] == h
        ]
        capitalised = [s for s in spans if tokens.orig[s[0]][0].isupper()]
        if capitalised:
            return capitalised[0]
        after_name = [s for s in spans if tokens.orig[s[0] - 1][0].isupper()]
        return after_name[0] if after_name else None

    def _choose_named(
        self, named: list[Term], generics: list[Term], places: list[Term], country: str | None
    ) -> Resolution:
        """Primary actor when named actors are mentioned: the first, unless they protest or riot."""
        place = _pick(places[0].lexeme.iso3, country) if places else None
        actors = tuple(dict.fromkeys(self._named_actor(t.lexeme.value, place or country) for t in named))
        crowd = [t for t in generics if t.lexeme.value in ("protesters", "rioters") and t.lexeme.rank >= 2]
        if crowd:
            best = max(crowd, key=lambda t: (t.lexeme.rank, t.index))
            home = place or country or self._by_name[named[0].lexeme.value].country
            return Resolution(self.generic(best.lexeme.value, home), actors)
        return Resolution(actors[0], actors[1:])

    def _branch_of(self, actor: Actor, country: str | None) -> Actor:
        """A generic actor listed in the dictionary with a branch for the event's country ("Saudi
        forces" in Yemen -> the coalition they fight in); else the actor itself."""
        entry = self._by_name.get(actor.name)
        if entry is None or not dict(entry.branches).get(country or ""):
            return actor
        return self._named_actor(entry.name, country)

    def _named_actor(self, name: str, country: str | None) -> Actor:
        """The actor of a named entry in a country: its country branch, or its per-country name."""
        entry = self._by_name[name]
        branch = dict(entry.branches).get(country or "")
        if branch is not None and branch in self._by_name:
            entry = self._by_name[branch]
        if COUNTRY_SLOT not in entry.name:
            return Actor(entry.name, entry.inter, entry.country)
        known = self.countries.get(country or "")
        if known is None:
            return Actor(entry.base_name, entry.inter, None)
        return Actor(entry.name.replace(COUNTRY_SLOT, known.name), entry.inter, known.iso3)

    def _place_country(self, places: list[Term], index: int, country: str | None) -> str | None:
        """Country of the place term nearest before index, else the first place term, else country."""
        before = [t for t in places if t.index <= index]
        chosen = before[-1] if before else (places[0] if places else None)
        return country if chosen is None else _pick(chosen.lexeme.iso3, country)

    def segment(self, mention: str, country: str | None = None) -> list[Term]:
        """Longest-match segmentation of a mention into known n-grams (unknown words are skipped)."""
        tokens = tokenize(mention)
        terms: list[Term] = []
        i, n = 0, len(tokens.lower)
        while i < n:
            best: tuple[int, Lexeme] | None = None
            for length in range(1, min(self._max_len, n - i) + 1):
                lexeme = self._match(tokens, i, length, country)
                if lexeme is not None:
                    best = (length, lexeme)
                if tokens.lower[i : i + length] not in self._prefixes:
                    break
            if best is None:
                i += 1
                continue
            terms.append(Term(best[1], i))
            i += best[0]
        return terms

    def _match(self, tokens: Tokens, i: int, length: int, country: str | None) -> Lexeme | None:
        """Meaning of the n-gram at i (local aliases of the event country first), also as a singular."""
        key = tokens.lower[i : i + length]
        orig = tokens.orig[i : i + length]
        candidates = [(key, orig)]
        last = key[-1]
        if len(last) > 3 and last.endswith("s"):
            candidates.append((key[:-1] + (last[:-1],), orig[:-1] + (orig[-1][:-1],)))
        for k, o in candidates:
            for lexeme in (self._local.get((country, k)) if country else None, self._index.get(k)):
                if lexeme is not None and (tokens.uniform_case or lexeme.cased is None or lexeme.cased == o):
                    return lexeme
        return None

    # ----- spaCy -----

    def acronyms(self) -> list[str]:
        """The short all-caps aliases of named actors ("IS", "TTP"), matched in case."""
        names = (a for e in self.entries for a in (e.base_name, *e.aliases))
        return sorted({a for a in names if is_cased(a) and " " not in a})

    def country_labels(self) -> dict[str, str]:
        """Entity labels of every country's names (GPE) and demonyms, singular and plural (NORP), as
        written; names of three letters or fewer are left to the model ("US", "CAR")."""
        labels: dict[str, str] = {}
        for country in self.countries.values():
            for demonym in country.demonyms:
                labels[demonym] = "NORP"
                if not demonym.endswith(("s", "i", "ese")):
                    labels[demonym + "s"] = "NORP"
            for name in country.names:
                if len(name) > 3 and "," not in name and "(" not in name:
                    labels[name] = "GPE"
        return labels

    def entity_ruler_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns for named actors: {"label": "ORG" or "NORP", "pattern": a lower-case
        phrase or [token dicts], "id": canonical name}. Dashes and possessives are optional tokens,
        apostrophes match straight or curly, words match in any case except short acronyms. Local
        (country-only) aliases are left out."""
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        patterns: dict[str, dict] = {}
        for entry in self.entries:
            for alias in dict.fromkeys((entry.base_name, *entry.aliases)):
                for variant in dict.fromkeys((alias, alias.replace("’", "'"), alias.replace("'", "’"))):
                    tokens = [t.text for t in tokenizer(variant)]
                    pattern = token_pattern(tokens, is_cased(alias))
                    if any("OP" not in p for p in pattern):
                        for form in as_phrases(pattern, tokenizer) or [pattern]:
                            item = {"label": entry.label, "pattern": form, "id": entry.base_name}
                            patterns.setdefault(json.dumps(item, sort_keys=True), item)
        return list(patterns.values())


def clean_name(name: str) -> str:
    """A group's name as written, without leading determiners, possessive or surrounding punctuation."""
    text = " ".join(name.split())
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"['’]s?$", "", text)
    return text.strip(" \t\"'“”‘’.,;:!?()[]")


def _named_lexeme(alias: str, name: str) -> Lexeme:
    """Lexeme of a named alias."""
    return Lexeme("named", name, cased=_cased(alias))


def _cased(text: str) -> tuple[str, ...] | None:
    """Tokens as written when the text must match in case, else None."""
    return tokenize(text).orig if is_cased(text) else None


def _iso(country: str | None) -> str | None:
    """Upper-cased iso3, None for empty."""
    return country.strip().upper() or None if country else None


def _pick(candidates: tuple[str, ...], country: str | None) -> str | None:
    """One iso3 of an ambiguous demonym ("Congolese"): the event's country if among them, else the first."""
    if country in candidates:
        return country
    return candidates[0] if candidates else country


@lru_cache(maxsize=8)
def _load(path: Path, demonyms: Path) -> ActorDictionary:
    """Load and index the dictionary files (cached per path)."""
    version, entries = read_entries(path)
    return ActorDictionary(version, entries, read_countries(demonyms))


def is_unidentified(actor: Actor) -> bool:
    """Whether an actor is an unnamed armed group or gang ("Unidentified Armed Group (X)")."""
    return actor.name.startswith(tuple(GENERIC_KINDS[k].without_country for k in ("unidentified", "gang")))
