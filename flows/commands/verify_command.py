"""Check a release folder against its manifest: every file's sha256, size and row count, and that
no unlisted file is present. Exits non-zero naming each file that differs. With --data, also
validates every row against datapackage.json with frictionless (slower)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.publish.release import DATAPACKAGE, datapackage_errors, read_manifest, verify_release

NAME = "verify"
HELP = "check a release's files against its manifest (checksums, row counts, no extra files)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `eventcoder verify`."""
    parser.add_argument("release", type=Path, help="release folder, e.g. releases/2026.1")
    parser.add_argument(
        "--data", action="store_true", help="also validate every row against datapackage.json"
    )


def run(args: argparse.Namespace) -> int:
    """Verify the release; print what differs."""
    problems = [str(p) for p in verify_release(args.release)]
    if not problems and args.data:
        problems = [f"{DATAPACKAGE}: {e}" for e in datapackage_errors(args.release / DATAPACKAGE, data=True)]
    if problems:
        for problem in problems:
            print(f"{args.release}: {problem}", file=sys.stderr)
        print(f"release {args.release} FAILED verification ({len(problems)} problems)", file=sys.stderr)
        return 1
    manifest = read_manifest(args.release)
    print(f"release {manifest.version} at {args.release}: {len(manifest.files)} files verified")
    return 0
