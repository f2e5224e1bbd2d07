"""Suite speed: what a learner and CI wait for, each beside its target, in one run.

``nox -s tests`` twice (the second reuses the venv: the figure that counts), each chapter
alone, a learner's chapter 10 graded with ``--solution``, and ``nox -s proofs``; then the
worker time of the tests and proofs runs from their results (the sum of every test's setup,
call and teardown), which falls only when the work does, not when it moves.

    nox -s bench -- bench/bench_suite_speed.py
    nox -s bench -- bench/bench_suite_speed.py --quick   # no proofs, no second full run
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from timing import ROOT, machine, print_table, run_timed

NOX = [sys.executable, "-m", "nox"]
CHAPTERS = [f"ch{n:02d}" for n in range(1, 11)]
LEARNER_CH10 = "shared/tests/learners/ch10_text_complete.py"
TARGETS = {"tests": 60.0, "ch10": 20.0, "chapter": 8.0, "learner ch10": 15.0, "proofs": 120.0}


def worker_seconds(results: Path) -> tuple[float, Counter[str]]:
    """Total test time in a results file, and per test file."""
    tests = json.loads(results.read_text(encoding="utf-8"))["tests"]
    per_file: Counter[str] = Counter()
    for test in tests:
        per_file[test["nodeid"].split("::")[0]] += test["duration"]
    return sum(per_file.values()), per_file


def row(name: str, seconds: float, target: float | None) -> list[str]:
    verdict = "" if target is None else ("ok" if seconds <= target else "OVER")
    return [name, f"{seconds:.1f}", "" if target is None else f"<= {target:g}", verdict]


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"suite speed on {machine()}")
    rows = []
    first = run_timed([*NOX, "-s", "tests"])
    rows.append(row("nox -s tests (first: installs if needed)", first, None))
    if not quick:
        second = run_timed([*NOX, "-s", "tests"])
        rows.append(row("nox -s tests (venv reused)", second, TARGETS["tests"]))
    tests_work, tests_files = worker_seconds(ROOT / "reports/results.json")
    for chapter in CHAPTERS:
        target = TARGETS["ch10"] if chapter == "ch10" else TARGETS["chapter"]
        rows.append(
            row(
                f"nox -s tests -- {chapter}",
                run_timed([*NOX, "-s", "tests", "--", chapter]),
                target,
            )
        )
    learner = run_timed(
        [*NOX, "-s", "tests", "--", "ch10", f"--solution=ch10={LEARNER_CH10}"],
        ok_codes=(0, 1),  # the learner's solution loses points: the session fails, as it should
    )
    rows.append(row("a learner's ch10 (--solution)", learner, TARGETS["learner ch10"]))
    proofs_work = None
    if not quick:
        rows.append(row("nox -s proofs", run_timed([*NOX, "-s", "proofs"]), TARGETS["proofs"]))
        proofs_work, proofs_files = worker_seconds(ROOT / "reports/proofs-results.json")
    print_table("wall time, seconds", ["run", "seconds", "target", ""], rows)
    work = [["nox -s tests", f"{tests_work:.1f}"]]
    if proofs_work is not None:
        work.append(["nox -s proofs", f"{proofs_work:.1f}"])
        work.append(["together", f"{tests_work + proofs_work:.1f}"])
    print_table("worker time (sum of test durations), seconds", ["session", "seconds"], work)
    slowest = tests_files.most_common(8) + (proofs_files.most_common(8) if proofs_work else [])
    print_table(
        "slowest files, worker seconds",
        ["file", "seconds"],
        [[name, f"{seconds:.1f}"] for name, seconds in slowest],
    )


if __name__ == "__main__":
    main()
