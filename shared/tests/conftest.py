"""``grade``: run one chapter's suite against another solution and read what it earned.

Used by the broken-solution proofs (``broken/``) and the learner-style ones (``learners/``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from shared.grading.chapters import resolve


@dataclass
class Grade:
    failed: set[str]  # test names (the part of the node id after tests/), not passed
    errors: set[str]  # of those, the ones in error (a fixture broke, not an assertion)
    earned: float
    possible: float
    messages: dict[str, str]  # test name -> the first line of why it did not pass
    lost: dict[str, float]  # test name -> its points, for every test not passed
    returncode: int
    output: str


def run_grading(
    chapter: str,
    solution: str | None,
    out: Path,
    *extra: str,
    files: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cwd: Path | None = None,
) -> Grade:
    """``pytest <chapter> --solution <chapter>=<solution>`` in a subprocess, serially (in
    ``cwd``: a solution that keeps files in its working folder keeps them there).

    ``files`` (names in the chapter's ``tests/``): only those files; ``ignore``: all but those.
    A proof split in two runs the same ``files`` in one part and ``ignore``s them in the other."""
    folder = resolve(chapter)
    tests = folder.path / "tests"
    targets = [str(tests / name) for name in files] or [str(folder.path)]
    command = [
        sys.executable,
        "-m",
        "pytest",
        *targets,
        *(f"--ignore={tests / name}" for name in ignore),
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
        command, capture_output=True, text=True, timeout=300, check=False, env=env, cwd=cwd
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    tests = json.loads(out.read_text(encoding="utf-8"))["tests"]
    lost = [t for t in tests if t["status"] != "passed"]
    return Grade(
        failed={name_of(t) for t in lost},
        errors={name_of(t) for t in lost if t["status"] == "error"},
        earned=sum(t["points"] for t in tests if t["status"] == "passed"),
        possible=sum(t["points"] for t in tests),
        messages={name_of(t): t["message"] for t in lost},
        lost={name_of(t): t["points"] for t in lost},
        returncode=proc.returncode,
        output=proc.stdout + proc.stderr,
    )


def name_of(test: dict) -> str:
    return test["nodeid"].split("/tests/", 1)[1]


@pytest.fixture
def grade(tmp_path: Path) -> Callable[..., Grade]:
    """``grade("ch01", "shared.tests.broken.ch01_partial")`` -> what that solution earned.

    The solution may also be a path (``grade("ch10", str(LEARNERS / "ch10_text.py"))``);
    ``None`` grades our reference. ``files=``/``ignore=`` run a part of it (``run_grading``).
    """
    return lambda chapter, solution=None, *extra, **parts: run_grading(
        chapter, solution, tmp_path / "results.json", *extra, **parts
    )


# Extra arguments for a proof whose suite is long: run it on two xdist workers, test by test (the
# chapters' tests are independent of their order and worker). Which tests fail, and the points,
# are the same as in a serial run; the time is about half.
IN_PARALLEL = ("-n", "2", "--dist", "load")

# A proof runs a whole chapter suite in a subprocess: the per-test limit of a graded test
# (pyproject's ``timeout``) is far too short for it; run_grading's own bound is 300 s. A test
# that runs pytest itself (``pytester``: a whole session, xdist workers) gets a minute or two.
PROOF_TIMEOUT = 330
PYTESTER_TIMEOUT = 120


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("timeout"):
            continue
        fixtures = getattr(item, "fixturenames", ())
        if "grade" in fixtures:
            item.add_marker(pytest.mark.timeout(PROOF_TIMEOUT))
        elif "pytester" in fixtures:
            item.add_marker(pytest.mark.timeout(PYTESTER_TIMEOUT))
