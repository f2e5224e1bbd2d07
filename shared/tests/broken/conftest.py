"""``grade``: run one chapter's suite against another solution and read what it earned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from shared.grading.chapters import resolve


@dataclass
class Grade:
    failed: set[str]  # test names (the part of the node id after the file), not passed
    earned: float
    possible: float


def run_grading(chapter: str, solution: str | None, out: Path, *extra: str) -> Grade:
    """``pytest <chapter> --solution <chapter>=<solution>`` in a subprocess, serially."""
    folder = resolve(chapter)
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(folder.path),
        "-p",
        "no:cacheprovider",
        "-n",
        "0",
        "-q",
        "--grades-out",
        str(out),
        *extra,
    ]
    if solution:
        command += ["--solution", f"{folder.key}={solution}"]
    # Not measured: the chapter apps are covered by their own suites, and the files here are
    # test code. Coverage would only make these whole-suite runs slower.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    proc = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, env=env
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    tests = json.loads(out.read_text(encoding="utf-8"))["tests"]
    return Grade(
        failed={t["nodeid"].split("/tests/", 1)[1] for t in tests if t["outcome"] != "passed"},
        earned=sum(t["points"] for t in tests if t["outcome"] == "passed"),
        possible=sum(t["points"] for t in tests),
    )


@pytest.fixture
def grade(tmp_path: Path) -> Callable[..., Grade]:
    """``grade("ch01", "shared.tests.broken.ch01_partial")`` -> what that solution earned."""
    return lambda chapter, solution=None, *extra: run_grading(
        chapter, solution, tmp_path / "results.json", *extra
    )
