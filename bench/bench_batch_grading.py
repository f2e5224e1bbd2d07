"""Batch grading: a class of 30 submissions graded by ``python -m shared.grading.batch``, and
what one pytest process per submission costs against grading the same module in-process.

1. A made-up class (``submissions.py``: 6 learners x chapters 1-5; complete, partial, broken and
   hanging submissions) is graded by the batch grader in a subprocess, ``--jobs`` = cores and
   ``--test-timeout 5`` (for every submission: a hung test costs 5 s, not 20 s), as an
   instructor runs it. Figures: the batch's wall time and each submission's seconds (the
   ``seconds`` of ``grades.csv``: its pytest process from start to exit, while other
   submissions run beside it).
2. For a few complete and partial submissions, one after another (nothing else of ours running):
   ``python -m pytest chapters/<folder> --solution chNN=<file> -n 0 -p no:cacheprovider -q``
   as a process of its own (what the batch pays per submission), against the same arguments
   given to ``pytest.main`` in one Python process that grades the same submission several
   times in a row. Its first run pays what a fresh process pays after start-up (importing
   pytest's plugins, FastAPI, the chapter's tests and the solution); the later ("warm") runs
   find those modules imported and pay collection, the tests and the report only: what a
   long-lived in-process grader would pay per submission, without the isolation.

    nox -s bench -- bench/bench_batch_grading.py
"""

from __future__ import annotations

import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from submissions import CHAPTERS, CLASS, KINDS, write_class
from timing import ROOT, machine, print_table

JOBS = os.cpu_count() or 1
TEST_TIMEOUT = 5  # seconds per test in the batch (pyproject's default is 20)
SUBMISSION_TIMEOUT = 180  # seconds for one whole submission in the batch
OWN_PROCESS_RUNS = 2  # each subject as a process of its own
IN_PROCESS_RUNS = 3  # each subject in one process: the first run, then the warm ones
SUBJECTS = [("kim", "ch02"), ("kim", "ch03"), ("park", "ch02")]
ENV = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}


def pytest_args(chapter: str, solution: Path, grades: Path) -> list[str]:
    """The arguments of both measurements; ``--grades-out`` to check they grade alike."""
    return [
        f"chapters/{CHAPTERS[chapter]}",
        "--solution",
        f"{chapter}={solution}",
        "-n",
        "0",
        "-p",
        "no:cacheprovider",
        "-q",
        "--grades-out",
        str(grades),
    ]


def passed(grades: Path) -> str:
    tests = json.loads(grades.read_text(encoding="utf-8"))["tests"]
    return f"{sum(t['status'] == 'passed' for t in tests)}/{len(tests)}"


def run(command: list[str], timeout: float) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(
        command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=timeout, check=False
    )
    return time.perf_counter() - start, proc


def warm_worker(chapter: str, solution: Path, out: Path, runs: int) -> None:
    """``--warm``: grade one submission ``runs`` times with ``pytest.main`` in this process."""
    import pytest  # before the first timed run: the process is started and pytest is there

    figures = []
    for i in range(runs):
        grades = out.with_name(f"{out.stem}-{i}.json")
        start = time.perf_counter()
        code = pytest.main(pytest_args(chapter, solution, grades))
        figures.append(
            {"seconds": time.perf_counter() - start, "code": int(code), "passed": passed(grades)}
        )
    out.write_text(json.dumps(figures), encoding="utf-8")


def grade_class(folder: Path, out: Path, *extra: str) -> tuple[float, float | None, str]:
    command = [
        sys.executable,
        "-m",
        "shared.grading.batch",
        str(folder),
        "--out",
        str(out),
        "--jobs",
        str(JOBS),
        "--timeout",
        str(SUBMISSION_TIMEOUT),
        "--test-timeout",
        str(TEST_TIMEOUT),
        *extra,
    ]
    wall, proc = run(command, timeout=1200)
    if proc.returncode != 0:
        raise SystemExit(f"the batch failed ({proc.returncode}):\n{proc.stdout[-3000:]}")
    own = None  # the batch's own figure: from finding the submissions to the last one graded
    for line in proc.stdout.splitlines():
        if " submissions of " in line and line.endswith("s"):
            own = float(line.rsplit(" in ", 1)[1].rstrip("s"))
    return wall, own, proc.stdout


def overhead(folder: Path, scratch: Path) -> list[dict]:
    """Each subject: own-process runs before and after its in-process runs (load drifts)."""
    figures = []
    for learner, chapter in SUBJECTS:
        solution = folder / learner / f"{chapter}.py"
        kind = CLASS[learner][list(CHAPTERS).index(chapter)]
        own = []
        for i in range(OWN_PROCESS_RUNS):
            if i == OWN_PROCESS_RUNS // 2 or OWN_PROCESS_RUNS == 1:
                warm_out = scratch / f"warm-{learner}-{chapter}.json"
                command = [sys.executable, __file__, "--warm", chapter, str(solution)]
                _, proc = run([*command, str(warm_out), str(IN_PROCESS_RUNS)], timeout=600)
                if proc.returncode != 0 or not warm_out.is_file():
                    raise SystemExit(f"in-process run failed:\n{proc.stdout[-3000:]}")
                in_process = json.loads(warm_out.read_text(encoding="utf-8"))
            grades = scratch / f"own-{learner}-{chapter}-{i}.json"
            args = pytest_args(chapter, solution, grades)
            seconds, proc = run([sys.executable, "-m", "pytest", *args], timeout=600)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"pytest failed ({proc.returncode}):\n{proc.stdout[-3000:]}")
            own.append({"seconds": seconds, "code": proc.returncode, "passed": passed(grades)})
        outcomes = {f["passed"] for f in own + in_process}
        if len(outcomes) != 1:
            raise SystemExit(f"{learner}/{chapter}: the runs disagree: {own} {in_process}")
        figures.append(
            {
                "learner": learner,
                "chapter": chapter,
                "kind": kind,
                "passed": outcomes.pop(),
                "own": own,
                "in_process": in_process,
            }
        )
    return figures


def startup_floor() -> list[float]:
    """A process that only imports what every grading process imports before collecting."""
    imports = "import fastapi.testclient, httpx, pytest, xdist, shared.grading.plugin"
    return [run([sys.executable, "-c", imports], timeout=120)[0] for _ in range(2)]


def md_table(header: list[str], rows: list[list[str]], right: int = 1) -> str:
    aligns = ["---"] * right + ["---:"] * (len(header) - right)
    lines = [header, aligns, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def main() -> None:
    started = time.perf_counter()
    print(f"batch grading on {machine()}, --jobs {JOBS}, --test-timeout {TEST_TIMEOUT}")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp) / "class"
        kinds = write_class(folder)
        counts = {k: sum(v == k for v in kinds.values()) for k in KINDS}
        print(f"{len(kinds)} submissions of {len(CLASS)} learners, chapters 1-5: {counts}")
        wall, own_wall, _ = grade_class(folder, Path(tmp) / "out")
        with open(Path(tmp) / "out" / "grades.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        # The same class again without the bubblewrap box: what the sandbox costs.
        bare_wall, _, _ = grade_class(folder, Path(tmp) / "bare", "--no-sandbox")
        with open(Path(tmp) / "bare" / "grades.csv", encoding="utf-8") as fh:
            bare = {(r["learner"], r["chapter"]): r for r in csv.DictReader(fh)}
        floor = startup_floor()
        subjects = overhead(folder, Path(tmp))
    total = time.perf_counter() - started

    for row in rows:
        row["kind"] = kinds[row["learner"], row["chapter"]]
        row["seconds"] = float(row["seconds"])
    by_kind = {"all": rows} | {k: [r for r in rows if r["kind"] == k] for k in KINDS}
    batch_rows = []
    for kind, group in by_kind.items():
        seconds = [r["seconds"] for r in group]
        earned = sum(float(r["earned"]) for r in group)
        possible = sum(float(r["possible"]) for r in group)
        batch_rows.append(
            [
                kind,
                str(len(group)),
                f"{statistics.mean(seconds):.1f}",
                f"{max(seconds):.1f}",
                f"{sum(seconds):.1f}",
                f"{100 * earned / possible:.1f}%",
            ]
        )
    summed = sum(r["seconds"] for r in rows)
    bare_summed = sum(float(r["seconds"]) for r in bare.values())
    same = all(bare[r["learner"], r["chapter"]]["earned"] == r["earned"] for r in rows)
    print_table(
        "the sandbox's cost: the same class with and without bubblewrap, one after the other",
        ["run", "wall s", "per submission s", "ratio", "same grades"],
        [
            ["sandboxed (default)", f"{wall:.1f}", f"{summed / len(rows):.2f}", "1.00", ""],
            [
                "--no-sandbox",
                f"{bare_wall:.1f}",
                f"{bare_summed / len(rows):.2f}",
                f"{bare_wall / wall:.2f}",
                "yes" if same else "NO",
            ],
        ],
    )
    print_table(
        f"the batch: {len(rows)} submissions in {wall:.1f} s wall time "
        f"(the batch's own figure {own_wall}s; submissions' seconds add up to {summed:.1f} s, "
        f"{summed / wall:.2f} at once on average with --jobs {JOBS})",
        ["kind", "submissions", "mean s", "max s", "sum s", "points earned"],
        batch_rows,
    )

    def mean(runs: list[dict]) -> float:
        return statistics.mean(r["seconds"] for r in runs)

    over_rows = []
    for s in subjects:
        own, first = mean(s["own"]), s["in_process"][0]["seconds"]
        warm = mean(s["in_process"][1:])
        over_rows.append(
            [
                f"{s['learner']}/{s['chapter']} ({s['kind']}, {s['passed']} passed)",
                f"{own:.2f}",
                f"{first:.2f}",
                f"{warm:.2f}",
                f"{own - warm:.2f}",
                f"{own / warm:.1f}x",
            ]
        )
    over_header = [
        "submission",
        "own process s",
        "in-process 1st s",
        "in-process warm s",
        "overhead s",
        "own / warm",
    ]
    print_table(
        f"one submission, its own process (mean of {OWN_PROCESS_RUNS}) against pytest.main in "
        f"one process (its 1st run, and the mean of the {IN_PROCESS_RUNS - 1} warm runs after)",
        over_header,
        over_rows,
    )
    print(
        f"\nstart-up floor: `python -c 'import fastapi.testclient, httpx, pytest, xdist, "
        f"shared.grading.plugin'` takes {statistics.mean(floor):.2f} s"
    )

    print("\nMarkdown (for the README):\n")
    md_batch = [
        [f"`{r[0]}`" if r[0] != "all" else "all", *r[1:]] for r in batch_rows
    ]  # kind names as code
    print(md_table(["kind", "submissions", "mean s", "max s", "sum s", "points earned"], md_batch))
    print(
        f"\nBatch wall time: {wall:.1f} s for {len(rows)} submissions ({JOBS} at once, "
        f"`--test-timeout {TEST_TIMEOUT}`); their seconds add up to {summed:.1f} s.\n"
    )
    print(md_table(over_header, over_rows))
    print(
        f"\nStart-up floor (interpreter + imports of a grading process): "
        f"{statistics.mean(floor):.2f} s."
    )

    print("\nraw figures")
    print(f"  batch wall {wall:.2f} s, batch's own {own_wall} s, whole benchmark {total:.1f} s")
    print(f"  start-up floor runs: {', '.join(f'{f:.2f}' for f in floor)}")
    for r in rows:
        reason = f"  {r['reason'][:70]}" if r["reason"] else ""
        print(
            f"  {r['learner']:5} {r['chapter']}  {r['kind']:8}  {r['seconds']:6.1f} s  "
            f"{r['earned']:>5}/{r['possible']:<5}{reason}"
        )
    for s in subjects:
        own = ", ".join(f"{r['seconds']:.2f}" for r in s["own"])
        inproc = ", ".join(f"{r['seconds']:.2f}" for r in s["in_process"])
        print(f"  {s['learner']}/{s['chapter']}: own process {own}; in-process {inproc}")


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--warm":
        warm_worker(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]))
    else:
        main()
