"""Score a warehouse's coded events against a hand-coded gold set (the core of `eventcoder evaluate`).

The matching is the one documented in ../shared/eval/GUIDELINES.md ("Scoring"): within an article, a
coded mention matches a gold event when at least half of the gold evidence's tokens occur in the mention's
evidence sentence; pairs are taken greedily, same event type first, then the highest overlap. On top of
the mention-level scores, the events level checks the `events` table: merged events whose mentions belong
to different gold events (wrong merges) and gold events sharing an `event_key` left apart (missed merges).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import duckdb

from eventcoder.config import SQL_DIR

WORD = re.compile(r"[a-z0-9]+")
SYMMETRIC_TYPES = {"dialogue", "agreement"}  # either side may be coded as actor1
MIN_OVERLAP = 0.5
MAX_KM = 25.0
EVIDENCE_CHARS = 100
FORMATS = ("table", "json", "markdown")
FIELD_ORDER = (
    "event_type", "sub_event_type", "acled_event_type", "acled_sub_event_type", "date", "country",
    "admin1", "location", "within_25km", "actor1", "actor2", "fatalities",
)  # fmt: skip
HEAD_METRICS = ("detection_f1", "typed_f1", "precision", "recall")
MERGE_METRICS = ("wrong_merges", "missed_merges")
NO_VALUE = "(none)"


@dataclass(frozen=True)
class GoldEvent:
    """One hand-coded event of a gold file (see README, "Measuring quality")."""

    article: str
    event_type: str
    evidence: str
    sub_event_type: str | None = None
    event_date: str | None = None
    iso3: str | None = None
    location: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    actor1: tuple[str, ...] = ()
    actor2: tuple[str, ...] = ()
    fatalities: int | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    event_key: str | None = None


@dataclass(frozen=True)
class CodedEvent:
    """One coded mention (or merged event) with the fields a gold event is compared on."""

    article: str
    mention_id: str
    merged_id: str | None
    event_type: str | None
    sub_event_type: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    event_date: dt.date | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    evidence: str | None
    text_key: str | None = None  # digest of the article's words: items of equal words report equal events


@dataclass(frozen=True)
class Prf:
    """Precision, recall and F1 from counts."""

    tp: int
    predicted: int
    gold: int
    tp_coded: int | None = None  # matches counted on the coded side, when it differs (breakdowns)

    @property
    def precision(self) -> float:
        """Share of predictions that match."""
        tp = self.tp if self.tp_coded is None else self.tp_coded
        return tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold events matched."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded figures for reports."""
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class ArticleResult:
    """One article's matches, misses and extras (what --verbose prints)."""

    article: str
    golds: list[GoldEvent]
    coded: list[CodedEvent]
    pairs: list[tuple[int, int]]  # (gold index, coded index), any type
    typed_pairs: list[tuple[int, int]]  # same event type only


@dataclass(frozen=True)
class MergeScores:
    """Events-level figures: how the `events` table groups the scored articles' mentions."""

    events: int
    merged: int  # events with two or more mentions
    cross_article: int  # events with mentions from two or more articles
    wrong: int  # events whose mentions belong to different gold events
    right: int  # events joining mentions of one gold event reported by different articles
    missed: int  # extra events that a gold event reported by several articles is split into
    gold_groups: int  # gold events reported by two or more articles
    items_distinct: bool  # each article its own event: a merge across articles of different words is wrong
    wrong_examples: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class Evaluation:
    """Everything `eventcoder evaluate` reports about one gold set."""

    detection: Prf
    typed: Prf
    fields: dict[str, list[bool]]
    event_fields: dict[str, list[bool]]
    by_type: dict[str, Prf]
    by_country: dict[str, Prf]
    confusion: dict[str, Counter]
    merges: MergeScores
    articles: list[ArticleResult]


# -- reading ---------------------------------------------------------------------------------------


def tuple_of_names(value: object) -> tuple[str, ...]:
    """A gold actor field (list, one name or null) as a tuple of names."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(str(v) for v in value)


def gold_event(record: dict, where: str) -> GoldEvent:
    """One gold line as a GoldEvent, or ValueError naming the line."""
    missing = [k for k in ("article", "event_type", "evidence") if not record.get(k)]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    known = {f for f in GoldEvent.__dataclass_fields__}
    values = {k: v for k, v in record.items() if k in known}
    values["actor1"] = tuple_of_names(record.get("actor1"))
    values["actor2"] = tuple_of_names(record.get("actor2"))
    if values.get("event_key") is not None:
        values["event_key"] = str(values["event_key"])
    if values.get("event_date") is not None and date_window(str(values["event_date"])) is None:
        raise ValueError(f"{where}: event_date {values['event_date']!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return GoldEvent(**values)


def load_gold(path: Path) -> list[GoldEvent]:
    """The gold events of a JSONL file, one per line (blank lines skipped)."""
    golds = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
                if not isinstance(record, dict):
                    raise ValueError(f"{path}:{n}: not a JSON object")
                golds.append(gold_event(record, f"{path}:{n}"))
    return golds


def load_manifest(path: Path) -> list[str]:
    """The article names of a manifest, one per line."""
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def sql_text(name: str) -> str:
    """The text of warehouse/sql/evaluation/<name>.sql."""
    return (SQL_DIR / "evaluation" / f"{name}.sql").read_text(encoding="utf-8")


def fetch_coded(con: duckdb.DuckDBPyConnection, query: str) -> list[CodedEvent]:
    """Rows of one evaluation query as CodedEvents."""
    cursor = con.execute(sql_text(query))
    columns = [d[0] for d in cursor.description]
    return [CodedEvent(**dict(zip(columns, row, strict=True))) for row in cursor.fetchall()]


def load_coded(warehouse: Path) -> tuple[list[CodedEvent], dict[str, CodedEvent]]:
    """The warehouse's mentions and its merged events by id, read read-only."""
    if not Path(warehouse).is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `eventcoder refresh` first, or use --raw")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        mentions = fetch_coded(con, "coded_mentions")
        events = {e.merged_id: e for e in fetch_coded(con, "merged_events")}
    finally:
        con.close()
    return mentions, events


# -- comparing one pair ----------------------------------------------------------------------------


def tokens(text: object) -> list[str]:
    """Lower-case word tokens."""
    return WORD.findall(str(text or "").lower())


def norm(text: object) -> str:
    """Text reduced to its tokens joined by spaces."""
    return " ".join(tokens(text))


def name_matches(coded: object, aliases: tuple[str, ...] | list[str]) -> bool:
    """True when the coded name equals, contains or is contained in one alias (as whole words)."""
    p = norm(coded)
    if not p:
        return not aliases
    for alias in aliases:
        a = norm(alias)
        if a and (p == a or f" {a} " in f" {p} " or f" {p} " in f" {a} "):
            return True
    return False


def overlap(gold_evidence: str, coded_evidence: object) -> float:
    """Share of the gold evidence's tokens found in the coded evidence."""
    g = tokens(gold_evidence)
    p = set(tokens(coded_evidence))
    return sum(t in p for t in g) / len(g) if g else 0.0


def date_window(gold: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a gold date admits: a day ±1, the whole month, the whole year."""
    if not gold:
        return None
    try:
        parts = [int(p) for p in str(gold).split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day - dt.timedelta(days=1), day + dt.timedelta(days=1)
        if len(parts) == 2:
            y, m = parts
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def actors_match(g: GoldEvent, coded_actor: str | None, side: str) -> bool:
    """The coded actor against the gold side; for talks and agreements either side will do."""
    own, other = (g.actor1, g.actor2) if side == "actor1" else (g.actor2, g.actor1)
    if name_matches(coded_actor, own):
        return True
    return g.event_type in SYMMETRIC_TYPES and name_matches(coded_actor, other)


def optional_checks(g: GoldEvent, p: CodedEvent) -> dict[str, bool]:
    """Checks of the fields only some gold sets carry (admin1, ACLED types, coordinates, actor2)."""
    checks: dict[str, bool] = {}
    if g.admin1:
        checks["admin1"] = name_matches(p.admin1, [g.admin1])
    if g.acled_event_type:
        checks["acled_event_type"] = p.acled_event_type == g.acled_event_type
        checks["acled_sub_event_type"] = p.acled_sub_event_type == g.acled_sub_event_type
    if g.latitude is not None and g.longitude is not None:
        checks["within_25km"] = (
            p.latitude is not None
            and p.longitude is not None
            and km_between(p.latitude, p.longitude, g.latitude, g.longitude) <= MAX_KM
        )
    if g.actor2:
        checks["actor2"] = actors_match(g, p.actor2, "actor2")
    return checks


def field_checks(g: GoldEvent, p: CodedEvent) -> dict[str, bool | None]:
    """Per-field verdicts on one matched pair (None: the gold leaves the field out, not scored)."""
    window = date_window(g.event_date)
    return optional_checks(g, p) | {
        "event_type": p.event_type == g.event_type,
        "sub_event_type": p.sub_event_type == g.sub_event_type,
        "date": None
        if window is None
        else bool(p.event_date is not None and window[0] <= p.event_date <= window[1]),
        "country": None if not g.iso3 else (p.iso3 or "").upper() == g.iso3,
        "location": None
        if not g.location
        else any(name_matches(v, [g.location]) for v in (p.location, p.admin2, p.admin1)),
        "actor1": None if not g.actor1 else actors_match(g, p.actor1, "actor1"),
        "fatalities": None if g.fatalities is None else p.fatalities == g.fatalities,
    }


def match_events(golds: list[GoldEvent], coded: list[CodedEvent], typed: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, coded index): same type first, then the highest overlap.

    Ties go to the later gold event and the later mention, as the reference scorer breaks them.
    """
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(coded):
            same_type = p.event_type == g.event_type
            if typed and not same_type:
                continue
            score = overlap(g.evidence, p.evidence)
            if score >= MIN_OVERLAP:
                candidates.append((same_type, score, gi, pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


# -- scoring a set ---------------------------------------------------------------------------------


def article_name(raw_path: str) -> str:
    """The raw file's name (feed items keep their #ID), as the gold's `article` field writes it."""
    return PurePath(str(raw_path or "")).name


def group_by_article(
    golds: list[GoldEvent], coded: list[CodedEvent], articles: list[str]
) -> list[ArticleResult]:
    """Gold and coded events of each manifest article, matched (articles outside the manifest ignored)."""
    keep = dict.fromkeys(articles)
    gold_of: dict[str, list[GoldEvent]] = defaultdict(list)
    coded_of: dict[str, list[CodedEvent]] = defaultdict(list)
    for g in golds:
        if g.article not in keep:
            raise ValueError(f"gold event of {g.article!r}, which the articles manifest does not list")
        gold_of[g.article].append(g)
    for p in coded:
        name = article_name(p.article)
        if name in keep:
            coded_of[name].append(p)
    results = []
    for name in sorted(keep):
        gs, ps = gold_of[name], coded_of[name]
        results.append(
            ArticleResult(name, gs, ps, match_events(gs, ps, typed=False), match_events(gs, ps, typed=True))
        )
    return results


def group_prf(results: list[ArticleResult], gold_key: str, coded_key: str) -> dict[str, Prf]:
    """Typed precision/recall/F1 by the value of one field (gold events by theirs, coded by theirs)."""
    tp_gold: Counter = Counter()
    tp_coded: Counter = Counter()
    n_gold: Counter = Counter()
    n_coded: Counter = Counter()
    for r in results:
        n_gold.update(getattr(g, gold_key) or NO_VALUE for g in r.golds)
        n_coded.update(getattr(p, coded_key) or NO_VALUE for p in r.coded)
        for gi, pi in r.typed_pairs:
            tp_gold[getattr(r.golds[gi], gold_key) or NO_VALUE] += 1
            tp_coded[getattr(r.coded[pi], coded_key) or NO_VALUE] += 1
    out = {}
    for key in sorted(set(n_gold) | set(n_coded)):
        # recall counts matches by the gold's value, precision by the coder's
        out[key] = Prf(tp_gold[key], n_coded[key], n_gold[key], tp_coded=tp_coded[key])
    return out


def confusion_table(results: list[ArticleResult]) -> dict[str, Counter]:
    """Gold event type → counts of the coded type matched to it ("(missed)"; "(extra)" rows for extras)."""
    table: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        matched_g = {gi for gi, _ in r.pairs}
        matched_p = {pi for _, pi in r.pairs}
        for gi, pi in r.pairs:
            table[r.golds[gi].event_type][r.coded[pi].event_type or NO_VALUE] += 1
        for gi, g in enumerate(r.golds):
            if gi not in matched_g:
                table[g.event_type]["(missed)"] += 1
        for pi, p in enumerate(r.coded):
            if pi not in matched_p:
                table["(extra)"][p.event_type or NO_VALUE] += 1
    return dict(sorted(table.items(), key=lambda item: (item[0] == "(extra)", item[0])))


def field_verdicts(
    results: list[ArticleResult], events: dict[str, CodedEvent] | None = None
) -> dict[str, list[bool]]:
    """Verdicts per field over matched pairs: on the mentions, or (given events) on their merged events."""
    verdicts: dict[str, list[bool]] = {}
    for r in results:
        for gi, pi in r.pairs:
            coded = r.coded[pi]
            if events is not None:
                coded = events.get(coded.merged_id) or coded
            for name, ok in field_checks(r.golds[gi], coded).items():
                if ok is not None:
                    verdicts.setdefault(name, []).append(ok)
    return verdicts


def items_are_distinct(golds: list[GoldEvent], articles: list[str]) -> bool:
    """True for a feed where each item is its own event: one gold event per article, no event_key."""
    if not articles or any(g.event_key for g in golds):
        return False
    per_article = Counter(g.article for g in golds)
    return all(per_article[a] == 1 for a in articles)


def gold_identities(results: list[ArticleResult], items_distinct: bool) -> dict[tuple[str, int], str]:
    """The real-world event each gold line stands for, by (article, gold index).

    Its `event_key` when the set uses event keys; else, unless each article is its own event, the
    gold fields that place an occurrence (type, sub-type, date, country, place, first actor1 name):
    two articles coding equal fields, date and country given, report one event. Otherwise every line
    is an event of its own.
    """
    use_keys = any(g.event_key for r in results for g in r.golds)
    out = {}
    for r in results:
        for gi, g in enumerate(r.golds):
            if use_keys and g.event_key:
                out[r.article, gi] = f"key:{g.event_key}"
            elif use_keys or items_distinct or not (g.event_date and g.iso3):
                out[r.article, gi] = f"row:{r.article}:{gi}"
            else:
                actor = norm(g.actor1[0]) if g.actor1 else ""
                fields = (g.event_type, g.sub_event_type, g.event_date, g.iso3, norm(g.location), actor)
                out[r.article, gi] = "fields:" + json.dumps(fields)
    return out


def merge_scores(results: list[ArticleResult], items_distinct: bool) -> MergeScores:
    """Wrong, right and missed merges of the `events` table over the scored articles."""
    identity = gold_identities(results, items_distinct)
    members: dict[str, list[tuple[str, str | None]]] = defaultdict(list)  # merged id → (article, gold id)
    texts: dict[str, set[str | None]] = defaultdict(set)  # merged id → text digests of its articles
    events_of: dict[str, set[str]] = defaultdict(set)  # gold identity → merged ids of its matched mentions
    articles_of: dict[str, set[str]] = defaultdict(set)  # gold identity → articles that report it
    for r in results:
        gold_of = {pi: gi for gi, pi in r.pairs}
        for pi, p in enumerate(r.coded):
            merged_id = p.merged_id or p.mention_id
            gid = identity[r.article, gold_of[pi]] if pi in gold_of else None
            members[merged_id].append((r.article, gid))
            texts[merged_id].add(p.text_key)
            if gid is not None:
                events_of[gid].add(merged_id)
        for gi in range(len(r.golds)):
            articles_of[identity[r.article, gi]].add(r.article)
    wrong = right = merged = cross = 0
    examples = []
    for merged_id, parts in sorted(members.items()):
        if len(parts) < 2:
            continue
        merged += 1
        arts = {a for a, _ in parts}
        gids = {i for _, i in parts if i is not None}
        cross += len(arts) > 1
        one_text = len(texts[merged_id]) == 1 and None not in texts[merged_id]
        if len(gids) > 1 or (items_distinct and len(arts) > 1 and not one_text):
            wrong += 1
            examples.append([merged_id, *sorted(arts)])
        elif len(arts) > 1 and len(gids) == 1 and len(articles_of[next(iter(gids))]) > 1:
            right += 1
    shared = [gid for gid, arts in articles_of.items() if len(arts) > 1]
    missed = sum(max(len(events_of[gid]) - 1, 0) for gid in shared)
    return MergeScores(
        events=len(members),
        merged=merged,
        cross_article=cross,
        wrong=wrong,
        right=right,
        missed=missed,
        gold_groups=len(shared),
        items_distinct=items_distinct,
        wrong_examples=examples,
    )


def evaluate(
    golds: list[GoldEvent],
    coded: list[CodedEvent],
    articles: list[str],
    events: dict[str, CodedEvent] | None = None,
    items_distinct: bool | None = None,
) -> Evaluation:
    """Score coded mentions (and their merged events) against the gold events of the manifest's articles."""
    results = group_by_article(golds, coded, articles)
    n_coded = sum(len(r.coded) for r in results)
    n_gold = sum(len(r.golds) for r in results)
    distinct = items_are_distinct(golds, articles) if items_distinct is None else items_distinct
    return Evaluation(
        detection=Prf(sum(len(r.pairs) for r in results), n_coded, n_gold),
        typed=Prf(sum(len(r.typed_pairs) for r in results), n_coded, n_gold),
        fields=field_verdicts(results),
        event_fields=field_verdicts(results, events or {}),
        by_type=group_prf(results, "event_type", "event_type"),
        by_country=group_prf(results, "iso3", "iso3"),
        confusion=confusion_table(results),
        merges=merge_scores(results, distinct),
        articles=results,
    )


def evaluate_warehouse(
    gold: Path, manifest: Path, warehouse: Path, items_distinct: bool | None = None
) -> Evaluation:
    """Read a gold file, its manifest and a warehouse (read-only), and score them."""
    mentions, events = load_coded(warehouse)
    return evaluate(load_gold(gold), mentions, load_manifest(manifest), events, items_distinct)


# -- reporting -------------------------------------------------------------------------------------


def metric_order(name: str) -> tuple:
    """Sort key of a metric: F1s first, then mention fields, merged-event fields, merges."""
    if name in HEAD_METRICS:
        return (0, HEAD_METRICS.index(name), name)
    if name in MERGE_METRICS:
        return (3, MERGE_METRICS.index(name), name)
    base = name.removeprefix("event_")
    if name.startswith("event_") and base in FIELD_ORDER:
        return (2, FIELD_ORDER.index(base), name)
    return (1, FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER), name)


def accuracy(verdicts: dict[str, list[bool]]) -> dict[str, float]:
    """Share of true verdicts per field, rounded, fields in FIELD_ORDER."""
    return {
        k: round(sum(v) / len(v), 3)
        for k, v in sorted(verdicts.items(), key=lambda kv: metric_order(kv[0]))
        if v
    }


def summary_metrics(ev: Evaluation) -> dict[str, float | int]:
    """The flat figures of a set (what the scorecard tracks)."""
    return {
        "detection_f1": round(ev.detection.f1, 3),
        "typed_f1": round(ev.typed.f1, 3),
        "precision": round(ev.typed.precision, 3),
        "recall": round(ev.typed.recall, 3),
        **accuracy(ev.fields),
        **{f"event_{k}": v for k, v in accuracy(ev.event_fields).items()},
        "wrong_merges": ev.merges.wrong,
        "missed_merges": ev.merges.missed,
    }


def article_misses(r: ArticleResult) -> dict[str, list[dict]]:
    """The misses, extras and wrongly coded fields of one article."""
    matched_g = {gi for gi, _ in r.pairs}
    matched_p = {pi for _, pi in r.pairs}
    wrong = []
    for gi, pi in r.pairs:
        bad = sorted(k for k, ok in field_checks(r.golds[gi], r.coded[pi]).items() if ok is False)
        if bad:
            p = r.coded[pi]
            wrong.append(
                {
                    "event_type": r.golds[gi].event_type,
                    "evidence": r.golds[gi].evidence,
                    "wrong": bad,
                    "coded": {k: json_value(getattr(p, k)) for k in CODED_SHOWN},
                }
            )
    return {
        "missed": [
            {"event_type": g.event_type, "evidence": g.evidence}
            for gi, g in enumerate(r.golds)
            if gi not in matched_g
        ],
        "extra": [
            {"event_type": p.event_type, "evidence": p.evidence}
            for pi, p in enumerate(r.coded)
            if pi not in matched_p
        ],
        "wrong_fields": wrong,
    }


CODED_SHOWN = (
    "event_type",
    "sub_event_type",
    "event_date",
    "iso3",
    "location",
    "actor1",
    "actor2",
    "fatalities",
)


def json_value(value: object) -> object:
    """A JSON-friendly value (dates as ISO text)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def prf_table(groups: dict[str, Prf]) -> dict[str, dict]:
    """Each group's rounded figures."""
    return {k: v.as_dict() for k, v in groups.items()}


def merges_dict(m: MergeScores) -> dict[str, object]:
    """The events-level figures as a dict."""
    return {
        "events": m.events,
        "merged_events": m.merged,
        "cross_article_merges": m.cross_article,
        "wrong_merges": m.wrong,
        "right_merges": m.right,
        "missed_merges": m.missed,
        "gold_events_in_several_articles": m.gold_groups,
        "items_distinct": m.items_distinct,
        "wrong_merge_examples": m.wrong_examples[:20],
    }


def as_dict(ev: Evaluation, verbose: bool = False) -> dict[str, object]:
    """The whole evaluation as JSON-friendly data."""
    out: dict[str, object] = {
        "summary": summary_metrics(ev),
        "detection": ev.detection.as_dict(),
        "typed": ev.typed.as_dict(),
        "field_accuracy": accuracy(ev.fields),
        "field_counts": {k: len(v) for k, v in ev.fields.items()},
        "event_field_accuracy": accuracy(ev.event_fields),
        "by_event_type": prf_table(ev.by_type),
        "by_country": prf_table(ev.by_country),
        "confusion": {k: dict(sorted(v.items())) for k, v in ev.confusion.items()},
        "merges": merges_dict(ev.merges),
    }
    if verbose:
        out["articles"] = {r.article: article_misses(r) for r in ev.articles}
    return out


def shorten(text: object, width: int = EVIDENCE_CHARS) -> str:
    """One line of at most width characters."""
    line = " ".join(str(text or "").split())
    return line if len(line) <= width else line[: width - 1] + "…"


def rows_to_text(header: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    """A table as aligned plain text or as a markdown table."""
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        return lines + ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(header)]
    fmt = [lambda v, w=w, i=i: v.ljust(w) if i == 0 else v.rjust(w) for i, w in enumerate(widths)]
    lines = ["  ".join(f(h) for f, h in zip(fmt, header, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    return lines + ["  ".join(f(c) for f, c in zip(fmt, row, strict=True)).rstrip() for row in rows]


def prf_rows(groups: dict[str, Prf]) -> list[list[str]]:
    """Rows of a breakdown table."""
    return [
        [k, str(v.gold), str(v.predicted), f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}"]
        for k, v in groups.items()
    ]


def confusion_rows(confusion: dict[str, Counter]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the confusion table (gold type down, coded type across)."""
    coded_types = sorted({c for row in confusion.values() for c in row} - {"(missed)"})
    header = ["gold \\ coded", *coded_types, "(missed)"]
    rows = [[g, *(str(row.get(c, 0)) for c in header[1:])] for g, row in confusion.items()]
    return header, rows


def verbose_lines(ev: Evaluation) -> list[str]:
    """Per article: what was missed, what was coded without a gold event, which fields were wrong."""
    lines = []
    for r in ev.articles:
        found = article_misses(r)
        if not any(found.values()):
            continue
        lines.append(f"{r.article}: gold {len(r.golds)}, coded {len(r.coded)}, matched {len(r.pairs)}")
        for m in found["missed"]:
            lines.append(f"  MISS  {m['event_type']:<10} {shorten(m['evidence'])}")
        for m in found["extra"]:
            lines.append(f"  EXTRA {m['event_type'] or NO_VALUE:<10} {shorten(m['evidence'])}")
        for m in found["wrong_fields"]:
            coded = ", ".join(f"{k}={m['coded'][k]!r}" for k in CODED_SHOWN)
            lines.append(f"  WRONG {', '.join(m['wrong'])}: {shorten(m['evidence'], 70)}")
            lines.append(f"        coded {coded}")
    return lines


def format_text(ev: Evaluation, verbose: bool, markdown: bool) -> str:
    """The report as plain-text tables or markdown."""
    title = (lambda t: f"## {t}") if markdown else (lambda t: f"{t}\n{'=' * len(t)}")
    s = summary_metrics(ev)
    m = ev.merges
    out = [title("Scores")]
    out += rows_to_text(
        ["metric", "value", "matched"],
        [
            ["detection F1 (any type)", f"{ev.detection.f1:.3f}", f"{ev.detection.tp}"],
            ["typed F1 (same event type)", f"{ev.typed.f1:.3f}", f"{ev.typed.tp}"],
            ["typed precision", f"{ev.typed.precision:.3f}", f"of {ev.typed.predicted} coded"],
            ["typed recall", f"{ev.typed.recall:.3f}", f"of {ev.typed.gold} gold"],
        ],
        markdown,
    )
    out += ["", title("Field accuracy on matched events (mentions; merged events)")]
    out += rows_to_text(
        ["field", "mentions", "events", "pairs"],
        [[k, f"{s[k]:.3f}", f"{s.get('event_' + k, 0):.3f}", str(len(ev.fields[k]))] for k in ev.fields],
        markdown,
    )
    out += ["", title("Events level (the events table)")]
    out += rows_to_text(
        ["figure", "value"],
        [
            ["events of the scored articles", str(m.events)],
            ["events merging 2+ mentions", str(m.merged)],
            ["... across articles", str(m.cross_article)],
            ["wrong merges", str(m.wrong)],
            ["right merges (one gold event, 2+ articles)", str(m.right)],
            ["missed merges (one gold event split)", str(m.missed)],
            ["gold events reported by 2+ articles", str(m.gold_groups)],
            ["each article its own event", "yes" if m.items_distinct else "no"],
        ],
        markdown,
    )
    breakdown = ["", "gold", "coded", "precision", "recall", "F1"]
    out += ["", title("By event type (typed)")]
    out += rows_to_text(["event type", *breakdown[1:]], prf_rows(ev.by_type), markdown)
    out += ["", title("By country (typed)")]
    out += rows_to_text(["iso3", *breakdown[1:]], prf_rows(ev.by_country), markdown)
    out += ["", title("Event types: gold (rows) by coded (columns), detection matches")]
    out += rows_to_text(*confusion_rows(ev.confusion), markdown)
    if verbose:
        out += ["", title("Misses, extras and wrong fields")]
        body = verbose_lines(ev)
        out += (["```", *body, "```"] if markdown else body) if body else ["(none)"]
    line = " ".join(f"{k}={v}" for k, v in s.items())
    out += ["", f"`{line}`" if markdown else line]
    return "\n".join(out) + "\n"


def format_evaluation(ev: Evaluation, fmt: str = "table", verbose: bool = False) -> str:
    """The report in one of FORMATS."""
    if fmt == "json":
        return json.dumps(as_dict(ev, verbose), indent=1, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return format_text(ev, verbose, markdown=fmt == "markdown")
