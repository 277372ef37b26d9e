"""`make eval` and the committed scorecard: fresh scores may not fall below eval/scores.json, and
`eventcoder evaluate` agrees with the reference scorer ../shared/eval/score.py.

One run of `make eval`'s code path (every development set coded, a few minutes) serves every test here.
Without the shared material (../shared, or $EVENTCODER_SHARED) they skip; CI has it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventcoder.publish.evaluate import evaluate_warehouse, summary_metrics
from eventcoder.publish.scorecard import drops, shared_dir

PROJECT = Path(__file__).resolve().parents[1]
SHARED = shared_dir()
AGREEMENT = 0.01  # the largest difference allowed between our figures and score.py's
REFERENCE_NAMES = {"P": "precision", "R": "recall"}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SHARED / "eval" / "score.py").is_file(),
        reason="the shared evaluation material (../shared/eval, or $EVENTCODER_SHARED) is absent",
    ),
]


def run(argv: list[str], timeout: int) -> subprocess.CompletedProcess:
    """A command in a new process from the project root, as a user runs it."""
    env = os.environ | {"EVENTCODER_SHARED": str(SHARED)}
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=PROJECT, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The folder `make eval`'s code path wrote: scores.json, scorecard.md and warehouses/SET.duckdb."""
    out = tmp_path_factory.mktemp("eval")
    done = run(
        [sys.executable, "-m", "flows.scorecard", "--out", str(out), "--keep", str(out / "warehouses")], 900
    )
    (out / "stderr.txt").write_text(done.stderr, encoding="utf-8")
    return out


def test_make_eval_prints_no_noise_from_its_coder_processes(fresh):
    stderr = (fresh / "stderr.txt").read_text(encoding="utf-8")
    assert "leaked" not in stderr and "Traceback" not in stderr, stderr[-2000:]


def test_fresh_scores_are_not_worse_than_the_committed_ones(fresh):
    committed = json.loads((PROJECT / "eval" / "scores.json").read_text(encoding="utf-8"))
    scores = json.loads((fresh / "scores.json").read_text(encoding="utf-8"))
    assert set(scores["sets"]) >= {"seeds", "news-dev", "acled", "acled-world"}
    assert not drops(scores, committed), (
        "scores fell: run `make eval` and commit eval/scores.json and eval/scorecard.md with the change"
    )


def test_the_scorecard_has_every_set_and_metric(fresh):
    card = (fresh / "scorecard.md").read_text(encoding="utf-8")
    scores = json.loads((fresh / "scores.json").read_text(encoding="utf-8"))
    for name in scores["sets"]:
        assert f"**{name}**" in card
    assert "| typed_f1 |" in card and "| wrong_merges |" in card


def reference_scores(gold: Path, articles: Path, warehouse: Path) -> dict[str, float]:
    """The last line of ../shared/eval/score.py, as metric → value."""
    done = run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "--gold",
            str(gold),
            "--articles",
            str(articles),
            "--warehouse",
            str(warehouse),
        ],
        300,
    )
    pairs = re.findall(r"(\w+)=([\d.]+)", done.stdout.strip().splitlines()[-1])
    return {REFERENCE_NAMES.get(k, k): float(v) for k, v in pairs}


@pytest.mark.parametrize(
    ("name", "gold", "articles"),
    [
        ("news-dev", "news-dev/news-dev.gold.jsonl", "news-dev/news-dev.articles.txt"),
        ("acled", "acled/acled.gold.jsonl", "acled/acled.articles.txt"),
    ],
)
def test_evaluate_agrees_with_the_reference_scorer(fresh, name, gold, articles):
    gold_path, manifest = SHARED / "eval" / gold, SHARED / "eval" / articles
    warehouse = fresh / "warehouses" / f"{name}.duckdb"
    reference = reference_scores(gold_path, manifest, warehouse)
    ours = summary_metrics(evaluate_warehouse(gold_path, manifest, warehouse))
    assert len(reference) >= 10
    differences = {k: abs(ours[k] - v) for k, v in reference.items()}
    assert max(differences.values()) <= AGREEMENT, differences


def test_evaluate_codes_a_raw_folder_first(fresh):
    done = run(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "evaluate",
            "--raw",
            str(SHARED / "seeds"),
            "--gold",
            str(SHARED / "eval" / "seeds.gold.jsonl"),
            "--articles",
            str(SHARED / "eval" / "seeds.articles.txt"),
            "--format",
            "json",
        ],
        600,
    )
    scores = json.loads((fresh / "scores.json").read_text(encoding="utf-8"))
    assert json.loads(done.stdout)["summary"] == scores["sets"]["seeds"]["metrics"]
