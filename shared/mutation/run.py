"""The driver of ``nox -s mutate``: cosmic-ray's mutants, each against the tests that run its lines.

For each chapter, in a scratch copy of the checkout (cosmic-ray rewrites modules in place):

1. the chapter's suite once under coverage, every test phase its own context (``contexts``):
   the coverage map, each test's baseline seconds, and proof that the unmutated suite passes;
2. ``cosmic-ray init``'s work items for every module of the chapter's app, in a session
   database (``<work>/sessions/chNN.sqlite``: ``cr-report`` reads it);
3. each mutant: reviewed equivalent (``equivalent``), or applied on disk with cosmic-ray's
   ``use_mutation`` and run against the selected tests (``selection``) without coverage, with a
   time limit from their baseline; its result goes back to the session database. A survivor
   of its selected tests runs the whole suite before it counts (``--no-confirm``: not).

``--jobs N`` runs N mutants at a time, each in a scratch copy of its own.

``python -m shared.mutation --help`` for the options (``nox -s mutate -- --help``).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import datetime
import difflib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cosmic_ray.commands.init import init as cosmic_ray_init
from cosmic_ray.mutating import mutate_code, use_mutation
from cosmic_ray.plugins import get_operator
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult
from coverage import CoverageData

from shared.grading import chapters
from shared.mutation import equivalent, report, selection
from shared.mutation.contexts import DURATIONS_ENV, PRELOAD_ENV

ROOT = chapters.REPO_ROOT
PYTEST = ["-m", "pytest", "-p", "no:cacheprovider", "-n", "0", "-q"]


@dataclass(frozen=True)
class Options:
    work: Path
    reports: Path
    factor: float
    extra: float
    whole_suite: bool
    limit: int | None
    confirm: bool
    jobs: int


def make_scratch(source: Path, scratch: Path) -> None:
    """A copy of the checkout's files (tracked and untracked, not ignored) as they are on disk."""
    if scratch.exists():
        shutil.rmtree(scratch)
    listed = subprocess.run(
        ["git", "-C", str(source), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in sorted(set(filter(None, listed.split("\0")))):
        path = source / name
        if path.is_file():  # a deleted tracked file is still listed
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def environment(scratch: Path, **extra: str) -> dict[str, str]:
    """The tests' environment: the scratch copy first on the path, no bytecode written.

    No .pyc: a mutant written in the same second as its original, with the same size, would
    otherwise be read from the original's cache (or the other way round).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    path = os.pathsep.join(filter(None, [str(scratch), env.get("PYTHONPATH", "")]))
    return {**env, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1", **extra}


def run_limited(command: list[str], cwd: Path, env: dict[str, str], limit: float) -> int | None:
    """Run ``command`` in its own process group; its exit code, or None after ``limit`` seconds."""
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:
        try:
            return process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the servers the tests started too
            process.wait()
            return None


@dataclass
class CoverageMap:
    contexts: dict[str, dict[int, list[str]]]  # absolute path -> line -> node ids
    durations: dict[str, float]
    startup: float


COVERAGE_RC = """\
[tool.coverage.run]
source = [{source}]
data_file = {data}
branch = false
patch = ["subprocess"]
sigterm = true
"""


def coverage_map(chapter: chapters.Chapter, scratch: Path, work: Path) -> CoverageMap | str:
    """The chapter's suite under coverage: the map, or why it could not be made."""
    tests = scratch / "chapters" / chapter.folder / "tests"
    data = work / f"{chapter.key}.coverage"
    for stale in work.glob(f"{chapter.key}.coverage*"):
        stale.unlink()
    rc = work / f"{chapter.key}-coveragerc.toml"
    app = scratch / "chapters" / chapter.folder / "app"
    rc.write_text(COVERAGE_RC.format(source=json.dumps(str(app)), data=json.dumps(str(data))))
    durations_file = work / f"{chapter.key}-durations.json"
    log = work / f"{chapter.key}-map.log"
    env = environment(scratch, **{DURATIONS_ENV: str(durations_file), PRELOAD_ENV: chapter.module})
    command = [sys.executable, "-m", "coverage", "run", f"--rcfile={rc}", *PYTEST]
    command += ["-p", "shared.mutation.contexts", str(tests)]
    start = time.monotonic()
    with log.open("w") as out:
        code = subprocess.run(command, cwd=scratch, env=env, stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    if code.returncode != 0:
        return f"the unmutated suite fails under coverage (pytest exit {code.returncode}): {log}"
    combine = [sys.executable, "-m", "coverage", "combine", "-q", f"--rcfile={rc}"]
    subprocess.run(combine, cwd=scratch, env=env, check=True, capture_output=True)
    covdata = CoverageData(basename=str(data))
    covdata.read()
    contexts = {
        str(Path(name).resolve()): {
            line: sorted(names) for line, names in covdata.contexts_by_lineno(name).items()
        }
        for name in covdata.measured_files()
    }
    durations: dict[str, float] = json.loads(durations_file.read_text())
    startup = max(1.0, wall - sum(durations.values()))
    return CoverageMap(contexts, durations, startup)


def unified_diff(original: str, mutated: str, name: str) -> str:
    """The mutant as a diff, for ``cr-report --show-diff`` on the session database."""
    old, new = original.splitlines(), mutated.splitlines()
    return "\n".join(difflib.unified_diff(old, new, f"a/{name}", f"b/{name}", lineterm=""))


def run_mutant(
    spec: Any,
    path: Path,
    operator: Any,
    chosen: selection.Selection,
    cmap: CoverageMap,
    scratch: Path,
    options: Options,
) -> tuple[str, str, int]:
    """Apply the mutation on disk (cosmic-ray's ``use_mutation``), run the chosen tests, restore.

    Status, note and how many tests ran. The selection only saves time: a mutant that survives
    its selected tests runs against the whole suite too (``options.confirm``), which may catch
    it through what the map cannot see (a value cached by the first test that computed it).
    """
    parts = path.relative_to(scratch).parts  # chapters, the chapter's folder, app, ...
    suite = str(scratch.joinpath(*parts[:2], "tests"))
    env = environment(scratch)
    attempts = [chosen]
    if not chosen.whole and options.confirm:
        attempts.append(selection.Selection(whole=True))
    status, note, tests = "survived", "", 0
    for attempt in attempts:
        limit = selection.time_limit(
            attempt, cmap.durations, cmap.startup, options.factor, options.extra
        )
        targets = [suite] if attempt.whole else list(attempt.tests)
        with use_mutation(path, operator, spec.occurrence):
            code = run_limited([sys.executable, *PYTEST, "-x", *targets], scratch, env, limit)
        status, note = report.outcome(code, limit)
        tests = len(cmap.durations) if attempt.whole else len(attempt.tests)
        if status != "survived":
            if attempt is not chosen:
                note = f"{status} by the whole suite only, not by the tests that run its line"
            break
    if status == "survived" and chosen.whole:
        note = f"whole suite: {chosen.why}" if chosen.why else "whole suite"
    return status, note, tests


@dataclass(frozen=True)
class Pending:
    """A mutant to run: its work item, what the report says of it, the tests chosen."""

    job_id: str
    spec: Any
    result: report.Result  # status and figures still to be filled in
    chosen: selection.Selection
    diff: str


def outcome_of(status: str) -> Any:
    """cosmic-ray's test outcome for one of our statuses."""
    if status == "error":
        return TestOutcome.INCOMPETENT
    return TestOutcome.SURVIVED if status == "survived" else TestOutcome.KILLED


def mutate_chapter(
    chapter: chapters.Chapter, scratches: Sequence[Path], options: Options
) -> report.ChapterRun:
    """One chapter: its coverage map (in the first scratch copy), then its mutants, as many at
    once as there are scratch copies (each applies its mutant in a copy of its own)."""
    started = time.monotonic()
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    run = report.ChapterRun(chapter.key, ran_at=stamp)
    scratch = scratches[0]
    folder = scratch / "chapters" / chapter.folder
    print(f"[{chapter.key}] coverage map of {folder.relative_to(scratch)}/tests", flush=True)
    cmap = coverage_map(chapter, scratch, options.work)
    if isinstance(cmap, str):
        run.failure = cmap
        print(f"[{chapter.key}] {cmap}", flush=True)
        run.seconds = time.monotonic() - started
        return run
    entries = equivalent.load(chapter.key)
    exclusions = equivalent.exclusions(chapter.key)
    kept_out = dict.fromkeys(exclusions, 0)
    modules = sorted((folder / "app").rglob("*.py"))
    sessions = options.work / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    with use_db(str(sessions / f"{chapter.key}.sqlite"), WorkDB.Mode.create) as db:
        cosmic_ray_init(modules, db, {})
        items = list(db.pending_work_items)[: options.limit]
        pending: list[Pending] = []
        for item in items:
            spec = item.mutations[0]
            path = Path(spec.module_path)
            operator = get_operator(spec.operator_name)(**spec.operator_args)
            source = path.read_text(encoding="utf-8")
            lines = selection.mutation_lines(spec.start_pos, spec.end_pos)
            relative = str(path.relative_to(folder))
            data = next((e for e in exclusions if e.covers(relative, lines.start, source)), None)
            if data is not None:  # values the README leaves to the solution: not a mutant
                output = f"excluded: {data.reason}"
                skipped = WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output=output)
                db.set_result(item.job_id, skipped)
                kept_out[data] += 1
                continue
            mutated = mutate_code(source, operator, spec.occurrence)
            if mutated is None:  # cosmic-ray found nothing to mutate there after all
                db.set_result(item.job_id, WorkResult(worker_outcome=WorkerOutcome.NO_TEST))
                continue
            before, after = selection.one_line_change(source, mutated)
            diff = unified_diff(source, mutated, str(path.relative_to(scratch)))
            mutant = equivalent.Mutant(relative, spec.operator_name, before, after)
            why = equivalent.reason(mutant, entries)
            chosen = (
                selection.Selection(whole=True, why="--whole-suite")
                if options.whole_suite
                else selection.select(
                    lines,
                    selection.runtime_lines(source),
                    cmap.contexts.get(str(path.resolve()), {}),
                )
            )
            result = report.Result(
                file=str(path.relative_to(scratch)),
                line=lines.start,
                operator=spec.operator_name,
                occurrence=spec.occurrence,
                before=before,
                after=after,
                status="equivalent" if why is not None else "survived",
                note=why if why is not None else chosen.why,
            )
            if why is not None:
                db.set_result(
                    item.job_id,
                    WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output=why, diff=diff),
                )
                run.results.append(result)
            elif chosen.runs_nothing:
                survived = WorkResult(
                    worker_outcome=WorkerOutcome.NORMAL,
                    test_outcome=TestOutcome.SURVIVED,
                    output=chosen.why,
                    diff=diff,
                )
                db.set_result(item.job_id, survived)
                run.results.append(result)
            else:
                pending.append(Pending(item.job_id, spec, result, chosen, diff))
        run.excluded = [
            report.Excluded(f"chapters/{chapter.folder}/{e.file}", e.name, e.reason, count)
            for e, count in kept_out.items()
        ]
        done = len(items) - len(pending)
        print(
            f"[{chapter.key}] {len(items)} mutants: {sum(kept_out.values())} in excluded data,"
            f" {done} without a run (excluded, equivalent, no test executes them),"
            f" {len(pending)} to run, {len(scratches)} at a time",
            flush=True,
        )
        free: queue.Queue[Path] = queue.Queue()
        for copy in scratches:
            free.put(copy)

        def work(job: Pending) -> report.Result:
            copy = free.get()
            try:
                path = copy / Path(job.spec.module_path).relative_to(scratch)
                operator = get_operator(job.spec.operator_name)(**job.spec.operator_args)
                start = time.monotonic()
                status, note, tests = run_mutant(
                    job.spec, path, operator, job.chosen, cmap, copy, options
                )
                seconds = round(time.monotonic() - start, 2)
            finally:
                free.put(copy)
            return dataclasses.replace(
                job.result, status=status, note=note, tests=tests, seconds=seconds
            )

        with concurrent.futures.ThreadPoolExecutor(max_workers=len(scratches)) as pool:
            futures = {pool.submit(work, job): job for job in pending}
            for future in concurrent.futures.as_completed(futures):
                job, result = futures[future], future.result()
                db.set_result(
                    job.job_id,
                    WorkResult(
                        worker_outcome=WorkerOutcome.NORMAL,
                        test_outcome=outcome_of(result.status),
                        output=result.note,
                        diff=job.diff,
                    ),
                )
                run.results.append(result)
                done += 1
                where = Path(result.file).relative_to(folder.relative_to(scratch))
                print(
                    f"[{chapter.key} {done}/{len(items)}] {result.status:10} {where}:{result.line}"
                    f" {result.operator.removeprefix('core/')} ({result.tests} tests,"
                    f" {result.seconds} s)",
                    flush=True,
                )
    run.results.sort(key=lambda r: (r.file, r.line, r.operator, r.occurrence))
    run.seconds = time.monotonic() - started
    return run


def parse_args(argv: Sequence[str] | None) -> tuple[list[chapters.Chapter], Options, bool]:
    parser = argparse.ArgumentParser(prog="python -m shared.mutation", description=__doc__)
    parser.add_argument("chapters", nargs="*", help="ch01 02 3 ... (default: every chapter)")
    parser.add_argument("--work", type=Path, default=ROOT / ".nox" / "mutate" / "work")
    parser.add_argument("--reports", type=Path, default=ROOT / "reports")
    parser.add_argument("--timeout-factor", type=float, default=3.0, help="x the baseline (3)")
    parser.add_argument("--timeout-extra", type=float, default=5.0, help="+ seconds (5)")
    parser.add_argument("--whole-suite", action="store_true", help="every mutant: whole suite")
    parser.add_argument("--limit", type=int, help="the first N mutants of each chapter only")
    parser.add_argument(
        "--jobs", type=int, default=1, help="mutants at a time, each in its own scratch copy (1)"
    )
    parser.add_argument(
        "--no-confirm",
        dest="confirm",
        action="store_false",
        help="a survivor of its selected tests is not run against the whole suite",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on a survivor or error")
    args = parser.parse_args(argv)
    try:
        chosen = [chapters.resolve(name) for name in args.chapters] or chapters.all_chapters()
    except LookupError as exc:
        parser.error(str(exc))
    options = Options(
        work=args.work.resolve(),
        reports=args.reports.resolve(),
        factor=args.timeout_factor,
        extra=args.timeout_extra,
        whole_suite=args.whole_suite,
        limit=args.limit,
        confirm=args.confirm,
        jobs=max(1, args.jobs),
    )
    return chosen, options, args.strict


def main(argv: Sequence[str] | None = None) -> int:
    chosen, options, strict = parse_args(argv)
    options.work.mkdir(parents=True, exist_ok=True)
    scratches = [
        options.work / "scratch",
        *(options.work / f"scratch-{n}" for n in range(1, options.jobs)),
    ]
    start = time.monotonic()
    for scratch in scratches:
        make_scratch(ROOT, scratch)
    print(f"scratch copies: {len(scratches)} in {time.monotonic() - start:.1f} s", flush=True)
    runs: list[report.ChapterRun] = []
    written = report.merge(report.read(options.reports / "mutation.json"), runs)
    for chapter in chosen:
        run = mutate_chapter(chapter, scratches, options)
        runs.append(run)
        written = report.write(options.reports, runs)  # after each chapter: progress is kept
    for run in runs:
        c = written["chapters"][run.chapter]
        print(
            f"{run.chapter}: {c['mutants']} mutants, {c['killed']} killed, {c['timed_out']} timed"
            f" out, {c['survived']} survived, {c['equivalent']} equivalent, {c['errors']} errors,"
            f" score {c['score']}, {c['seconds']} s"
        )
    print(f"survivors: {options.reports / 'mutation.md'}")
    failed = any(written["chapters"][run.chapter]["failure"] for run in runs)
    bad = any(written["chapters"][run.chapter]["survivors"] for run in runs)
    return 1 if failed or (strict and bad) else 0
