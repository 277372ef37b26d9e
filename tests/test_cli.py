"""The command line: every command has --help and is documented in the README."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from flows.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def subcommands() -> list[str]:
    """Names of the CLI's commands."""
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


def test_every_command_is_dispatched():
    assert subcommands() == sorted(COMMANDS)


@pytest.mark.parametrize("command", subcommands())
def test_every_command_is_documented_in_the_readme(command):
    assert f"eventcoder {command}" in README


@pytest.mark.parametrize("command", subcommands())
def test_every_command_has_help(command):
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", command, "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "usage: eventcoder" in result.stdout


def test_readme_quick_start_is_the_two_make_targets():
    assert "make refresh" in README and "make test" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
