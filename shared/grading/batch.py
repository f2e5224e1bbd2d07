"""Grade a whole class: ``python -m shared.grading.batch DIR`` (``nox -s grade -- DIR``).

``DIR`` holds one folder per learner (the folder's name is the learner), each with one module per
chapter submitted: ``ch01.py`` or a package folder ``ch01/``. A learner folder may instead be a
clone of a GitHub Classroom assignment (``gh classroom clone student-repos``): an export of
``shared/grading/starter.py``, recognised by its ``.course-chapter`` file or the ``[tool.grading]
chapter`` of its pyproject.toml; its submission is its ``app/`` package, graded by our tests (the
clone's own tests and grader are never run, nor put on the path: ``app/`` is graded from a copy).

Every submission is graded by its
own pytest process, in a scratch folder of its own, several at once (up to the core count), with
a limit for the whole submission as well as pytest-timeout's per test. A submission that hangs,
crashes its process or does not import gets its row and a reason: the batch always finishes.
Everything is written to a new folder first, then put in place of ``reports/batch``.

Each submission runs in a sandbox (``sandbox.py``: bubblewrap, no network, everything read-only
but its scratch, no view of the other submissions or the reports, its own process and memory
limits). Without bubblewrap the batch refuses to start unless ``--no-sandbox`` is given.
"""

from __future__ import annotations

import argparse
import csv
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import feedback, sandbox
from .chapters import REPO_ROOT, Chapter, all_chapters, normalize_key
from .results import TestResult, load, score
from .table import render_text

COLUMNS = [
    "learner",
    "chapter",
    "earned",
    "possible",
    "percent",
    "passed",
    "failed",
    "errors",
    "seconds",
    "reason",
]


class BatchError(Exception):
    """The batch cannot start: what to fix, in one line."""


@dataclass
class Submission:
    learner: str
    chapter: Chapter
    path: Path
    clone: bool = False  # the app/ of a Classroom clone: always graded from a copy


if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the Python 3.10 CI job
    import tomli as tomllib


def clone_chapter(folder: Path) -> str | None:
    """The chapter key of a Classroom clone (an assignment export), or None for other folders."""
    marker = folder / ".course-chapter"
    if marker.is_file():
        return normalize_key(marker.read_text(encoding="utf-8").strip())
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    chapter = data.get("tool", {}).get("grading", {}).get("chapter")
    return normalize_key(chapter) if isinstance(chapter, str) else None


@dataclass
class Graded:
    submission: Submission
    results: list[TestResult] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    reason: str = ""  # why it could not be graded (or why it lost everything)

    @property
    def earned(self) -> float:
        return sum(r.earned for r in self.results)

    @property
    def possible(self) -> float:
        return sum(r.points for r in self.results)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def find_submissions(folder: Path) -> tuple[list[str], list[Submission]]:
    """Learners (every sub-folder) and what each submitted, or ``BatchError``."""
    if not folder.is_dir():
        raise BatchError(f"{folder} is not a folder of learner folders")
    learners = sorted(
        p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    )
    if not learners:
        raise BatchError(
            f"{folder} has no learner folders (one folder per learner, e.g. {folder}/kim/ch01.py)"
        )
    chapters = {c.key: c for c in all_chapters()}
    submissions = []
    for learner in learners:
        key = clone_chapter(folder / learner)
        if key is not None:
            app = folder / learner / "app"
            if key in chapters and ((app / "__init__.py").is_file() or (app / "main.py").is_file()):
                submissions.append(Submission(learner, chapters[key], app.resolve(), clone=True))
            continue  # nothing else of a clone is graded (its tests, its copy of the grader)
        for entry in sorted((folder / learner).iterdir()):
            key = normalize_key(entry.stem if entry.suffix == ".py" else entry.name)
            module = entry.suffix == ".py" or (
                entry.is_dir()
                and ((entry / "__init__.py").is_file() or (entry / "main.py").is_file())
            )
            if key in chapters and module and entry.name.lower().startswith("ch"):
                submissions.append(Submission(learner, chapters[key], entry.resolve()))
    if not submissions:
        raise BatchError(
            f"no submission found in {folder}: each learner folder holds ch01.py ... ch10.py "
            "or a package folder ch01/ ..."
        )
    return learners, submissions


@dataclass
class Box:
    """How submissions are boxed: ``hidden`` folders (the class, the reports), a free slot each."""

    hidden: list[Path]
    slots: queue.Queue[int]


def grade_submission(
    submission: Submission,
    scratch: Path,
    timeout: float,
    test_timeout: float | None = None,
    box: Box | None = None,
) -> Graded:
    """One submission in its own pytest process, its working directory ``scratch``; in the
    sandbox when ``box`` is given (the submission graded from a copy inside ``scratch``)."""
    scratch.mkdir(parents=True, exist_ok=True)
    out = scratch / "results.json"
    if box is not None or submission.clone:
        copy = scratch / "submission" / submission.path.name
        if submission.path.is_dir():
            shutil.copytree(submission.path, copy, symlinks=True)
        else:
            copy.parent.mkdir()
            shutil.copy2(submission.path, copy)
        submission = Submission(submission.learner, submission.chapter, copy, submission.clone)
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(submission.chapter.path),
        "--rootdir",
        str(REPO_ROOT),
        "-c",
        str(REPO_ROOT / "pyproject.toml"),
        "-p",
        "no:cacheprovider",
        "-n",
        "0",
        "-q",
        "--basetemp",
        str(scratch / "tmp"),
        "--grades-out",
        str(out),
        "--solution",
        f"{submission.chapter.key}={submission.path}",
    ]
    if test_timeout:
        command += ["-o", f"timeout={test_timeout:g}"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    graded = Graded(submission)
    slot = None
    if box is not None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # everything but the scratch is read-only
        slot = box.slots.get()
        (scratch / "output.log").touch()
        sandbox.prepare(scratch, slot)
        command = sandbox.command(command, scratch=scratch, hidden=box.hidden, slot=slot)
    try:
        return run_graded(command, scratch, out, env, timeout, graded)
    finally:
        if box is not None and slot is not None:
            box.slots.put(slot)


def run_graded(
    command: list[str],
    scratch: Path,
    out: Path,
    env: dict[str, str],
    timeout: float,
    graded: Graded,
) -> Graded:
    started = time.monotonic()
    with open(scratch / "output.log", "ab") as log:
        process = subprocess.Popen(  # noqa: S603 - our pytest, grading the learner's code
            command,
            cwd=scratch,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the learner's servers and threads too
            process.wait()
            graded.seconds = time.monotonic() - started
            graded.reason = f"제출물 전체의 시간 제한({timeout:g}초)을 넘겨 중단했습니다"
            return graded
    graded.seconds = time.monotonic() - started
    if not out.is_file():
        graded.reason = f"채점 프로세스가 결과를 남기지 못하고 끝났습니다 (exit code {code})"
        return graded
    run = load([out])
    graded.results, graded.titles = run.results, run.titles
    messages = {r.message for r in graded.results}
    if graded.results and all(r.status != "passed" for r in graded.results) and len(messages) == 1:
        graded.reason = messages.pop()  # e.g. the import error every test reports
    elif code not in (0, 1):
        graded.reason = f"pytest exit code {code}"
    return graded


def write_reports(out: Path, learners: list[str], graded: list[Graded]) -> None:
    """grades.csv and <learner>/feedback.md, written beside ``out`` and then moved in place."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        possible = {}
        for g in graded:
            if g.results:
                possible[g.submission.chapter.key] = g.possible
        with open(staging / "grades.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            for g in graded:
                writer.writerow(row_of(g, possible))
            for learner in sorted(set(learners) - {g.submission.learner for g in graded}):
                writer.writerow(
                    [
                        learner,
                        "",
                        0,
                        "",
                        "",
                        0,
                        0,
                        0,
                        0,
                        "제출한 모듈이 없습니다 (ch01.py ... ch10.py)",
                    ]
                )
        for learner in learners:
            mine = [g for g in graded if g.submission.learner == learner]
            (staging / learner).mkdir()
            (staging / learner / "feedback.md").write_text(
                learner_feedback(learner, mine), encoding="utf-8"
            )
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def row_of(g: Graded, possible: dict[str, float]) -> list[Any]:
    chapter = g.submission.chapter.key
    total: float | None = g.possible if g.results else possible.get(chapter)
    percent = round(100 * g.earned / total, 1) if total else ""
    return [
        g.submission.learner,
        chapter,
        f"{g.earned:g}",
        f"{total:g}" if total is not None else "",
        percent,
        g.count("passed"),
        g.count("failed"),
        g.count("error"),
        round(g.seconds, 1),
        g.reason,
    ]


def learner_feedback(learner: str, graded: list[Graded]) -> str:
    parts = [f"# {learner}의 채점 결과", ""]
    if not graded:
        parts.append(
            "제출한 모듈이 없습니다: 폴더에 `ch01.py` ... `ch10.py` 또는 `ch01/` 패키지를 두세요."
        )
    for g in sorted(graded, key=lambda g: g.submission.chapter.key):
        if not g.results:
            parts += [
                f"## {g.submission.chapter.key} {g.submission.chapter.title}",
                "",
                g.reason,
                "",
            ]
            continue
        body = feedback.render_markdown(score(g.results), g.results, g.titles)
        parts.append(body.replace("# 피드백\n\n", "", 1))
    return "\n".join(parts).rstrip() + "\n"


def class_table(graded: list[Graded], possible: dict[str, float]) -> str:
    rows = []
    for g in graded:
        row = row_of(g, possible)
        points = f"{row[2]}/{row[3]}" if row[3] != "" else "-"
        tests = f"{row[5]}/{len(g.results)}" if g.results else "-"
        rows.append(
            [
                row[0],
                row[1],
                tests,
                points,
                f"{row[4]}%" if row[4] != "" else "-",
                f"{row[8]}s",
                row[9][:60],
            ]
        )
    return render_text(
        ["learner", "chapter", "tests", "points", "score", "time", "reason"], rows, []
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s grade --", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", help="one folder per learner")
    parser.add_argument("--out", type=Path, default=Path("reports/batch"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="at once (cores)")
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds for one whole submission (600)"
    )
    parser.add_argument(
        "--test-timeout", type=float, default=None, help="seconds per test (pyproject's default)"
    )
    parser.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run each submission with your own rights (no bubblewrap box)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.folder is None:
        print(
            "usage: nox -s grade -- DIR (one folder per learner, each with ch01.py ...)",
            file=sys.stderr,
        )
        return 2
    try:
        learners, submissions = find_submissions(args.folder)
    except BatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.no_sandbox and not sandbox.able():
        print(f"error: {sandbox.missing_line()}", file=sys.stderr)
        return 2
    started = time.monotonic()
    jobs_at_once = max(1, args.jobs)
    with (
        tempfile.TemporaryDirectory(prefix="grade-") as scratch,
        ThreadPoolExecutor(jobs_at_once) as pool,
    ):
        box = None
        if not args.no_sandbox:
            hidden = [args.folder, args.out, REPO_ROOT / "reports", Path(scratch)]
            slots: queue.Queue[int] = queue.Queue()
            for slot in range(jobs_at_once):
                slots.put(slot)
            existing = {p.resolve() for p in hidden if p.exists()}
            box = Box(sorted(existing), slots)
            # Each slot's user may pass through to its own folder, not list the others.
            os.chmod(scratch, 0o711)  # noqa: S103
        jobs = [
            pool.submit(
                grade_submission,
                s,
                Path(scratch) / f"{i:04d}-{s.learner}-{s.chapter.key}",
                args.timeout,
                args.test_timeout,
                box,
            )
            for i, s in enumerate(submissions)
        ]
        graded = [job.result() for job in jobs]
    write_reports(args.out, learners, graded)
    possible = {g.submission.chapter.key: g.possible for g in graded if g.results}
    print(class_table(graded, possible))
    elapsed = time.monotonic() - started
    print(f"\n{len(graded)} submissions of {len(learners)} learners in {elapsed:.1f}s")
    print(f"written: {args.out / 'grades.csv'}, {args.out}/<learner>/feedback.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
