"""`make eval`: code every development set into a temporary warehouse and score it; write the scorecard.

    python -m flows.scorecard [--out eval]

Finds the sets in ../shared/eval (or --shared DIR, or $EVENTCODER_SHARED) and in the project's eval/
folder (eventcoder.publish.scorecard), codes
each with the refresh command (one process, so Prefect's temporary API starts once), scores it with
`eventcoder evaluate`'s core, and writes OUT/scores.json and OUT/scorecard.md (the previous commit's
figures beside). Without ../shared it says so and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from flows.cli import prefect_environment

# The coder processes are spawned: each imports this module again as its main one. What follows is
# imported where it is used, so that they do not load DuckDB (whose bindings report "leaked" objects
# on stderr when such a process exits).
if TYPE_CHECKING:
    from eventcoder.publish.scorecard import DevSet


def score_set(dev: DevSet, tmp: Path, workers: int) -> dict:
    """Code one set into a new warehouse under tmp and score it."""
    from eventcoder.publish.evaluate import evaluate_warehouse, summary_metrics
    from eventcoder.publish.scorecard import set_record
    from flows.commands.evaluate_command import code_raw

    warehouse = tmp / f"{dev.name}.duckdb"
    code_raw(dev.raw, warehouse, workers)
    evaluation = evaluate_warehouse(dev.gold, dev.articles, warehouse)
    n_articles = len(evaluation.articles)
    return set_record(dev, n_articles, evaluation.typed.gold, summary_metrics(evaluation))


def score_all(sets: list[DevSet], workers: int, keep: Path | None = None) -> dict:
    """Scores of every set, as scores.json holds them; the coded warehouses stay in keep if given."""
    result: dict = {"sets": {}}
    with tempfile.TemporaryDirectory(prefix="eventcoder-eval-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for dev in sets:
            started = time.monotonic()
            result["sets"][dev.name] = score_set(dev, folder, workers)
            m = result["sets"][dev.name]["metrics"]
            print(
                f"{dev.name}: detection_f1={m['detection_f1']} typed_f1={m['typed_f1']} "
                f"wrong_merges={m['wrong_merges']} ({time.monotonic() - started:.0f} s)",
                flush=True,
            )
    return result


def main(argv: list[str] | None = None) -> int:
    """Score every development set found and write the scorecard; 0 also when there is nothing to score."""
    from eventcoder.publish.scorecard import (
        EVAL_DIR,
        committed_scores,
        development_sets,
        drops,
        shared_dir,
        write_scores,
    )

    parser = argparse.ArgumentParser(prog="make eval", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=EVAL_DIR, help="folder for scores.json and scorecard.md")
    parser.add_argument(
        "--shared", type=Path, help="shared material (default: $EVENTCODER_SHARED, else ../shared)"
    )
    parser.add_argument("--keep", type=Path, help="keep the coded warehouses in this folder (SET.duckdb)")
    parser.add_argument("--workers", type=int, default=2, help="coding processes (default: %(default)s)")
    args = parser.parse_args(argv)
    shared = args.shared or shared_dir()
    if not (shared / "eval").is_dir():
        print(f"make eval: skipped, no {shared / 'eval'} (the shared material goes beside the project)")
        return 0
    prefect_environment()
    started = time.monotonic()
    scores = score_all(development_sets(shared), args.workers, args.keep)
    previous = committed_scores()
    scores_path, card_path = write_scores(args.out, scores, previous)
    print(f"wrote {scores_path} and {card_path} in {time.monotonic() - started:.0f} s")
    for line in drops(scores, previous or {"sets": {}}):
        print(f"  worse than the committed scores: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
