"""The development sets and the committed scorecard (the core of `make eval`).

A development set is a raw folder, a gold file and its manifest. They are found in ../shared/eval (the
seeds, and every folder holding raw/ or feed/ with one *.gold.jsonl and one *.articles.txt) and, of the
same shape, in the project's own eval/ folder. Their scores go to eval/scores.json and eval/scorecard.md.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from eventcoder.config import PROJECT_ROOT
from eventcoder.publish.evaluate import metric_order

SHARED_ENV = "EVENTCODER_SHARED"  # where the shared material is, when not at ../shared
EVAL_DIR = PROJECT_ROOT / "eval"
SCORES_FILE = "scores.json"
SCORECARD_FILE = "scorecard.md"
TOLERANCE = 0.005  # a metric may move this much between runs without counting as a drop
LOWER_IS_BETTER = {"wrong_merges", "missed_merges"}


@dataclass(frozen=True)
class DevSet:
    """One development set: where its articles are, its gold events and its manifest."""

    name: str
    raw: Path
    gold: Path
    articles: Path


def shared_dir() -> Path:
    """The shared material: $EVENTCODER_SHARED, else ../shared beside the project."""
    return Path(os.environ.get(SHARED_ENV) or PROJECT_ROOT.parent / "shared")


def shown_path(path: Path) -> str:
    """A path as the project's docs write it, the same on every machine: ../shared/..., eval/..."""
    path = Path(path).resolve()
    for root, prefix in ((shared_dir().resolve(), "../shared"), (PROJECT_ROOT, ".")):
        if path.is_relative_to(root):
            return (Path(prefix) / path.relative_to(root)).as_posix().removeprefix("./")
    return path.name


def set_in_folder(folder: Path) -> DevSet | None:
    """The set a folder holds (raw/ or feed/, one gold file, one manifest), or None."""
    raws = [folder / d for d in ("raw", "feed") if (folder / d).is_dir()]
    golds = sorted(folder.glob("*.gold.jsonl"))
    manifests = sorted(folder.glob("*.articles.txt"))
    if len(raws) != 1 or len(golds) != 1 or len(manifests) != 1:
        return None
    return DevSet(folder.name, raws[0], golds[0], manifests[0])


def shared_sets(shared: Path) -> list[DevSet]:
    """The development sets of ../shared/eval: the seeds first, then each set folder by name."""
    eval_dir = shared / "eval"
    found = []
    if (eval_dir / "seeds.gold.jsonl").is_file() and (shared / "seeds").is_dir():
        found.append(
            DevSet("seeds", shared / "seeds", eval_dir / "seeds.gold.jsonl", eval_dir / "seeds.articles.txt")
        )
    if eval_dir.is_dir():
        found += [s for d in sorted(eval_dir.iterdir()) if d.is_dir() and (s := set_in_folder(d))]
    return found


def project_sets(eval_dir: Path = EVAL_DIR) -> list[DevSet]:
    """The project's own sets: each folder of eval/ shaped like a shared set."""
    if not eval_dir.is_dir():
        return []
    return [s for d in sorted(eval_dir.iterdir()) if d.is_dir() and (s := set_in_folder(d))]


def development_sets(shared: Path, eval_dir: Path = EVAL_DIR) -> list[DevSet]:
    """Every development set found; a project set may not reuse a shared set's name."""
    sets = shared_sets(shared)
    names = {s.name for s in sets}
    for s in project_sets(eval_dir):
        if s.name in names:
            raise ValueError(f"eval/{s.name} has the name of a set in ../shared/eval: rename the folder")
        sets.append(s)
    return sets


def set_record(dev: DevSet, n_articles: int, n_gold: int, metrics: dict[str, float | int]) -> dict:
    """What scores.json keeps about one set."""
    return {
        "gold": shown_path(dev.gold),
        "raw": shown_path(dev.raw),
        "articles": n_articles,
        "gold_events": n_gold,
        "metrics": metrics,
    }


def write_scores(out_dir: Path, scores: dict, previous: dict | None) -> tuple[Path, Path]:
    """Write scores.json and scorecard.md into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    scores_path = out_dir / SCORES_FILE
    scores_path.write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    card_path = out_dir / SCORECARD_FILE
    card_path.write_text(scorecard_markdown(scores, previous), encoding="utf-8")
    return scores_path, card_path


def committed_scores(eval_dir: Path = EVAL_DIR) -> dict | None:
    """eval/scores.json as last committed (git HEAD), else as on disk, else None."""
    relative = Path(os.path.relpath(eval_dir / SCORES_FILE, PROJECT_ROOT)).as_posix()
    try:
        shown = subprocess.run(
            ["git", "show", f"HEAD:{relative}"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
        if shown.returncode == 0:
            return json.loads(shown.stdout)
    except (OSError, subprocess.SubprocessError, json.JSONDecodeError):
        pass
    path = eval_dir / SCORES_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def metric_names(scores: dict) -> list[str]:
    """Every metric of any set, F1s first, then field accuracies, then merges."""
    return sorted({m for record in scores["sets"].values() for m in record["metrics"]}, key=metric_order)


def cell(value: float | int | None) -> str:
    """A figure as the scorecard shows it (— when the set has no such metric)."""
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def change_cell(now: float | int | None, before: float | int | None) -> str:
    """The previous figure, with the change when there is one."""
    if before is None:
        return "—" if now is None else "new"
    if now is None or now == before:
        return cell(before)
    return (
        f"{cell(before)} ({now - before:+.3f})" if isinstance(now, float) else f"{before} ({now - before:+d})"
    )


def scorecard_markdown(scores: dict, previous: dict | None) -> str:
    """One table, metric × set, each set's figure with the previous commit's beside it."""
    sets = list(scores["sets"])
    before = (previous or {}).get("sets", {})
    header = ["metric"] + [c for s in sets for c in (f"**{s}**", "before")]
    lines = [
        "# Scorecard",
        "",
        "Written by `make eval`: every development set coded by the code of this commit and scored by",
        "`eventcoder evaluate`; *before* is the figure in the previous commit's `eval/scores.json`, with",
        "the change. Field accuracies are over matched events (`event_*`: the same fields on the merged",
        "event of the `events` table); `wrong_merges` and `missed_merges` count events (lower is better).",
        "",
        "| " + " | ".join(header) + " |",
        "|---|" + "---:|" * (len(header) - 1),
    ]
    rows = [("articles", "articles"), ("gold events", "gold_events")]
    for label, key in rows:
        cells = [
            c
            for s in sets
            for c in (
                cell(scores["sets"][s][key]),
                change_cell(scores["sets"][s][key], before.get(s, {}).get(key)),
            )
        ]
        lines.append("| " + " | ".join([label, *cells]) + " |")
    for metric in metric_names(scores):
        cells = []
        for s in sets:
            now = scores["sets"][s]["metrics"].get(metric)
            cells += [cell(now), change_cell(now, before.get(s, {}).get("metrics", {}).get(metric))]
        lines.append("| " + " | ".join([metric, *cells]) + " |")
    gone = sorted(set(before) - set(sets))
    if gone:
        lines += ["", f"Sets scored before and not now: {', '.join(gone)}."]
    return "\n".join(lines) + "\n"


def drops(fresh: dict, committed: dict, tolerance: float = TOLERANCE) -> list[str]:
    """Metrics of fresh scores worse than the committed ones by more than tolerance, in words."""
    found = []
    for name, record in fresh["sets"].items():
        old = committed.get("sets", {}).get(name, {}).get("metrics", {})
        for metric, now in record["metrics"].items():
            if metric not in old:
                continue
            worse = now - old[metric] if metric in LOWER_IS_BETTER else old[metric] - now
            if worse > tolerance:
                found.append(f"{name} {metric}: {old[metric]} → {now}")
    return found
