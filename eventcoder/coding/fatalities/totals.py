"""Totalling: the dead of one event from all the figures a text states (sums, repeats, tolls)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby


@dataclass(slots=True)
class Fig:
    """A figure with what the totalling needs to know beyond the public KilledFigure."""

    count: int
    start: int
    end: int
    group: str | None
    key: str | None
    also: bool
    clause: tuple[int, int] = (0, 0)
    toll: bool = False
    update: bool = False  # a toll that "rose/climbed to" a new figure
    definite: bool = False
    anaphoric: bool = False
    sources: int = 0  # reporting verbs in the figure's clause ("said", "according to")
    perfect: bool = False  # told in the present perfect ("have been killed"): maybe a tally


@dataclass(slots=True)
class _Account:
    """One account of dead in the event: a running number and the groups it covers."""

    value: int
    groups: dict[str | None, int] = field(default_factory=dict)


def _clause_total(figs: list[Fig]) -> tuple[int, dict[str | None, int]]:
    """Sum of one clause's figures; when it cites two sources, figures for the same group are alternatives."""
    groups: dict[str | None, int] = {}
    for f in figs:
        if f.key not in groups:
            groups[f.key] = f.count
        else:
            groups[f.key] = min(groups[f.key], f.count) if f.sources >= 2 else groups[f.key] + f.count
    return sum(groups.values()), groups


def _merge(main: _Account, figs: list[Fig], total: int) -> None:
    """Fold a clause that speaks of dead already counted into the current account."""
    value, groups = _clause_total(figs)
    generic = None in groups or set(main.groups) <= {None}
    if any(f.sources or f.definite for f in figs):
        if all(groups.get(k) == v for k, v in main.groups.items()):
            main.value = max(main.value, value)  # a fuller restatement: every group again, same numbers
            main.groups.update(groups)
        elif all(main.groups.get(k) == v for k, v in groups.items()):
            pass  # "the killing of the officer": dead already counted, told again
        elif set(groups) == {None} and None not in main.groups and value > main.value:
            main.value = value  # "shot dead an officer ... police said four people died": all groups' total
            main.groups.update(groups)
        elif None in main.groups and None not in groups and value < main.value:
            main.groups.update(groups)  # "left 10 people dead ... officials said five gendarmes": a part
        else:
            main.value = min(main.value, value)  # another account of the same dead: the lower one
            for k, v in groups.items():
                main.groups.setdefault(k, v)
    elif generic:
        if value > main.value and value != total:
            main.value = value
    else:
        for k, v in groups.items():
            if main.groups.get(k) == v:
                continue
            main.value += v
            main.groups[k] = main.groups.get(k, 0) + v


def event_total(figs: list[Fig]) -> int | None:
    """Total dead of the event from its figures, by the rules in the package docstring."""
    positive = [f for f in figs if f.count > 0]
    if not positive:
        return 0 if figs else None
    if any(not f.anaphoric for f in positive):
        positive = [f for f in positive if not f.anaphoric]
    accounts: list[_Account] = []
    main: _Account | None = None
    for _, clause_iter in groupby(
        sorted(positive, key=lambda f: (f.clause, f.start)), key=lambda f: f.clause
    ):
        clause = list(clause_iter)
        rest = [f for f in clause if not f.also]
        tolls = [f for f in rest if f.toll]
        if tolls and main is not None and tolls[-1].sources and not tolls[-1].update:
            main.value = min(main.value, tolls[-1].count)
        elif tolls:
            main = _Account(tolls[-1].count, {None: tolls[-1].count})
            accounts = [main]
        elif rest:
            value, groups = _clause_total(rest)
            total = sum(a.value for a in accounts)
            if main is None:
                main = _Account(value, dict(groups))
                accounts.append(main)
            elif (
                set(groups) & set(main.groups)
                or None in groups
                or None in main.groups
                or any(f.definite for f in rest)
            ):
                _merge(main, rest, total)
            else:
                main = _Account(value, dict(groups))
                accounts.append(main)
        accounts.extend(_Account(f.count, {f.key: f.count}) for f in clause if f.also)
    return sum(a.value for a in accounts)
