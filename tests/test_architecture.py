"""The tree keeps its shape: a pure coding core, small modules, and data files whose every key is read."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from eventcoder.config import CODING_DIR, PACKAGE_DIR

FORBIDDEN_IN_CORE = ("prefect", "duckdb", "eventcoder.warehouse", "eventcoder.publish", "flows")
MAX_CORE_LINES = 700
METADATA_KEYS = {"version", "description", "_comment", "comment", "source", "license"}


def core_modules() -> list[Path]:
    """Every Python module of the coding core."""
    return sorted(CODING_DIR.rglob("*.py"))


def imported_names(path: Path) -> set[str]:
    """Every module a Python file imports (at any depth of the file)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(CODING_DIR).as_posix())
def test_coding_core_imports_no_orchestration_storage_or_publishing(path: Path) -> None:
    bad = {
        name
        for name in imported_names(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IN_CORE)
    }
    assert not bad, f"{path.name} imports {sorted(bad)}: the coding core stays pure"


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(CODING_DIR).as_posix())
def test_coding_core_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_CORE_LINES, f"{path.name} has {lines} lines: split it along its seams"


def package_source() -> str:
    """The text of every module of the package."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE_DIR.rglob("*.py")))


def data_files() -> list[Path]:
    """Every JSON data file of the package (word lists, cues, patterns)."""
    return sorted(p for p in PACKAGE_DIR.rglob("*.json") if "assets" not in p.parts)


def is_read(key: str, source: str) -> bool:
    """A key is read when the code names it: as a string ("key") or as an attribute (.key)."""
    return bool(re.search(rf"[\"']{re.escape(key)}[\"']|\.{re.escape(key)}\b", source))


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.name)
def test_every_key_of_a_data_file_is_read(path: Path) -> None:
    source = package_source()
    keys = json.loads(path.read_text(encoding="utf-8"))
    unread = [k for k in keys if k not in METADATA_KEYS and not k.startswith("_") and not is_read(k, source)]
    assert not unread, f"{path.name}: keys {unread} are never read; use them or delete them"


def test_the_key_check_sees_unread_keys() -> None:
    assert is_read("negators", "cues.negators")
    assert is_read("months", 'raw["months"]')
    assert not is_read("never_used_key_xyz", package_source())
