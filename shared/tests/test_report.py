"""The grade report: per-chapter coverage equals ``coverage report --include``, thresholds fail."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import coverage
import pytest

from shared.grading.__main__ import main
from shared.grading.table import render_text, width

PYPROJECT = """
[tool.coverage.run]
branch = true
source = ["chapters"]
[tool.coverage.report]
fail_under = 50
[tool.grading]
chapter_fail_under = 80
"""

FULLY_COVERED = """
def sign(x):
    if x < 0:
        return -1
    return 1
"""

HALF_COVERED = """
def sign(x):
    if x < 0:
        return -1
    return 1


def never_called():
    a = 1
    b = 2
    return a + b
"""

RUN = """
from chapters.ch01_alpha.app.main import sign as a
from chapters.ch02_beta.app.main import sign as b
a(-1); a(1); b(1)
"""


def clean_env() -> dict[str, str]:
    """The environment without this run's own coverage hooks, for a measured child process."""
    return {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}


def coverage_cli(project: Path, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "coverage", *args],
        cwd=project,
        env=clean_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode in (0, 2), proc.stdout + proc.stderr  # 2: under fail_under
    return proc.stdout


@pytest.fixture(autouse=True)
def keep_this_process_measured() -> Iterator[None]:
    """The report creates a ``Coverage`` object, and creating one in a process that coverage
    started by itself (``patch = ["subprocess"]``: the xdist workers) tells that process's own
    measurement not to save. Keep this worker's data: restore the flag after each test."""
    auto = getattr(coverage.process_startup, "coverage", None)
    if auto is None:
        yield
        return
    auto_save = auto._auto_save
    yield
    auto._auto_save = auto_save


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two chapters measured by a real ``coverage run``, and their test results."""
    files = {
        "pyproject.toml": PYPROJECT,
        "run.py": RUN,
        "chapters/__init__.py": "",
        "chapters/ch01_alpha/__init__.py": "",
        "chapters/ch01_alpha/app/__init__.py": "",
        "chapters/ch01_alpha/app/main.py": FULLY_COVERED,
        "chapters/ch02_beta/__init__.py": "",
        "chapters/ch02_beta/app/__init__.py": "",
        "chapters/ch02_beta/app/main.py": HALF_COVERED,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    coverage_cli(tmp_path, "run", "run.py")
    tests = [
        {
            "nodeid": "chapters/ch01_alpha/tests/test_a.py::t",
            "group": "ch01_alpha",
            "points": 2.0,
            "status": "passed",
        },
        {
            "nodeid": "chapters/ch02_beta/tests/test_b.py::t",
            "group": "ch02_beta",
            "points": 1.0,
            "status": "passed",
        },
    ]
    results = {"tests": tests, "collect_errors": [], "titles": {"ch01_alpha": "알파 (Alpha)"}}
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports/results.json").write_text(json.dumps(results), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def total_of(report: str) -> str:
    return re.search(r"^TOTAL.*?(\d+\.\d)%$", report, re.MULTILINE).group(1)


def grade(project: Path, *extra: str) -> int:
    return main(["--no-combine", "--pyproject", str(project / "pyproject.toml"), *extra])


def test_chapter_coverage_matches_coverage_report_include(project: Path) -> None:
    grade(project)
    rows = json.loads((project / "reports/grades.json").read_text(encoding="utf-8"))["chapters"]
    by_key = {row["chapter"]: row for row in rows}
    for key, folder in [("ch01", "ch01_alpha"), ("ch02", "ch02_beta")]:
        expected = total_of(
            coverage_cli(project, "report", "--precision=1", f"--include=chapters/{folder}/app/*")
        )
        assert f"{by_key[key]['coverage']:.1f}" == expected
    assert by_key["ch01"]["coverage"] == 100.0
    assert by_key["ch02"]["coverage"] < 80
    assert by_key["ch01"]["title"] == "알파 (Alpha)"
    assert by_key["ch02"]["title"] == "ch02_beta"  # no title recorded: the folder


def test_thresholds_fail_the_report_and_say_why(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert grade(project) == 1
    out = capsys.readouterr().out
    assert re.search(r"FAIL: coverage of ch02_beta is \d+\.\d%, under 80%", out)
    assert "FAIL: coverage of ch01_alpha" not in out
    problems = json.loads((project / "reports/grades.json").read_text())["problems"]
    assert len(problems) == 1


def test_report_passes_when_thresholds_are_met(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace("chapter_fail_under = 80", "chapter_fail_under = 10")
    )
    assert grade(project) == 0
    assert (project / "htmlcov/index.html").is_file()
    assert (project / "reports/coverage.json").is_file()
    assert (project / "reports/coverage.xml").is_file()
    html = (project / "htmlcov/index.html").read_text(encoding="utf-8")
    assert "ch01_alpha" in html
    assert "ch02_beta" in html
    # One report per chapter, of its app alone, and a page linking them with their figures.
    alpha = (project / "htmlcov/ch01/index.html").read_text(encoding="utf-8")
    assert "ch01_alpha" in alpha
    assert "ch02_beta" not in alpha
    assert "ch02_beta" in (project / "htmlcov/ch02/index.html").read_text(encoding="utf-8")
    index = (project / "htmlcov/chapters.html").read_text(encoding="utf-8")
    assert '<a href="ch01/index.html">ch01</a> 알파 (Alpha): <b>100.0%</b>' in index
    assert '<a href="ch02/index.html">ch02</a>' in index


def test_failed_test_fails_the_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = project / "reports/results.json"
    data = json.loads(results.read_text())
    data["tests"][0]["status"] = "failed"
    results.write_text(json.dumps(data))
    assert grade(project, "--no-coverage") == 1
    out = capsys.readouterr().out
    assert "FAIL: ch01: 1 of 1 tests not passed (see the feedback)" in out
    assert re.search(r"ch01\s+알파 \(Alpha\)\s+0/1\s+0/2\s+0.0%", out)


def test_matrix_runs_merge_worst_outcome(project: Path) -> None:
    """A test that failed on one Python of the CI matrix failed."""
    first = project / "reports/results.json"
    second = project / "reports/results-other.json"
    data = json.loads(first.read_text())
    data["tests"][1]["status"] = "failed"
    second.write_text(json.dumps(data))
    assert grade(project, "--no-coverage", "--results", str(first), "--results", str(second)) == 1
    total = json.loads((project / "reports/grades.json").read_text())["total"]
    assert (total["tests"], total["passed"], total["failed"]) == (2, 1, 1)
    assert (total["earned"], total["possible"]) == (2, 3)


def test_step_summary_gets_markdown_tables(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    grade(project)
    text = summary.read_text(encoding="utf-8")
    assert "## Grades" in text
    assert "## Coverage" in text
    assert "| ch01 | 알파 (Alpha) | 1/1 | 2/2 | 100.0% | 100.0% |" in text
    assert ":x: coverage of ch02_beta" in text


def test_no_results_is_a_failure(project: Path) -> None:
    (project / "reports/results.json").write_text('{"tests": [], "collect_errors": []}')
    assert grade(project, "--no-coverage") == 1


def test_a_graded_solution_is_measured_on_its_own_code(project: Path) -> None:
    """With ``--solution``, the chapter's coverage is the learner's file, and our thresholds
    (``fail_under``, ``chapter_fail_under``) do not apply to it."""
    learner = project / "work" / "main.py"
    learner.parent.mkdir()
    learner.write_text(textwrap.dedent(HALF_COVERED), encoding="utf-8")
    (project / "run2.py").write_text(
        "import sys\nsys.path.insert(0, 'work')\nimport main\nmain.sign(1)\n"
    )
    coverage_cli(project, "run", "--append", "--source=chapters,work", "run2.py")
    results = project / "reports/results.json"
    data = json.loads(results.read_text())
    data["solutions"] = {"ch02_beta": {"value": "ch02=work/main.py", "files": [str(learner)]}}
    results.write_text(json.dumps(data))
    assert grade(project) == 0  # ch02's own app is under 80%, the learner's file too: no FAIL
    rows = json.loads((project / "reports/grades.json").read_text(encoding="utf-8"))["chapters"]
    expected = total_of(coverage_cli(project, "report", "--precision=1", f"--include={learner}"))
    assert f"{rows[1]['coverage']:.1f}" == expected
    assert float(expected) < 80
    assert rows[0]["coverage"] == 100.0
    assert rows[1]["solution"] == "ch02=work/main.py"  # the other chapter: our app, as before


def test_a_solution_never_measured_is_graded_without_coverage(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A graded solution with no coverage data (a folder coverage leaves out, or a run that
    did not measure it): the report says so in one line and grades on points, no traceback."""
    learner = project / "tests" / "ch02.py"  # never run under coverage
    learner.parent.mkdir()
    learner.write_text(textwrap.dedent(HALF_COVERED), encoding="utf-8")
    results = project / "reports/results.json"
    data = json.loads(results.read_text())
    data["solutions"] = {"ch02_beta": {"value": "ch02=tests/ch02.py", "files": [str(learner)]}}
    data["tests"] = [t for t in data["tests"] if "ch02" in t["nodeid"]]
    results.write_text(json.dumps(data))
    assert grade(project) == 0
    assert f"no coverage data for {learner}: coverage is left out" in capsys.readouterr().out
    rows = json.loads((project / "reports/grades.json").read_text(encoding="utf-8"))["chapters"]
    assert [row["coverage"] for row in rows] == [None]


SYNTAX_ERROR = 'import fastapi\n\napp = fastapi.FastAPI()\n@app.get("/items"\ndef f(): ...\n'


@pytest.mark.parametrize("alone", [True, False], ids=["alone", "beside-a-measured-chapter"])
def test_a_solution_that_does_not_parse_is_zero_percent_not_a_crash(
    project: Path, capsys: pytest.CaptureFixture[str], alone: bool
) -> None:
    """A learner's syntax error: every report is written, the table shows its 0 %. A second,
    unrelated broken ``.py`` beside it (in the folder coverage measures) is not reported."""
    learner = project / "work" / "main.py"
    learner.parent.mkdir()
    learner.write_text(SYNTAX_ERROR, encoding="utf-8")
    (project / "work" / "notes.py").write_text("def half(:\n", encoding="utf-8")
    # As nox -s tests measures a graded solution: its folder is a coverage source.
    coverage_cli(project, "run", "--append", "--source=chapters,work", "run.py")
    results = project / "reports/results.json"
    data = json.loads(results.read_text())
    data["solutions"] = {"ch02_beta": {"value": "ch02=work/main.py", "files": [str(learner)]}}
    if alone:
        data["tests"] = [t for t in data["tests"] if "ch02" in t["nodeid"]]
    results.write_text(json.dumps(data))
    assert grade(project) == 0
    assert "ch02: the graded solution does not parse: its coverage is 0%" in capsys.readouterr().out
    grades = json.loads((project / "reports/grades.json").read_text(encoding="utf-8"))
    rows = {row["chapter"]: row for row in grades["chapters"]}
    assert rows["ch02"]["coverage"] == 0.0
    assert rows.get("ch01", {"coverage": 100.0})["coverage"] == 100.0
    assert (project / "reports/feedback.md").is_file()
    assert (project / "reports/gradescope.json").is_file()


def test_korean_text_counts_double_width_in_the_terminal_table() -> None:
    assert width("가나") == 4
    table = render_text(["a", "b", "n"], [["x", "한국어", "1"], ["y", "abc", "10"]], [])
    lines = table.splitlines()
    assert width(lines[2]) == width(lines[3]) == width(lines[0])


def test_parallel_data_files_are_combined_first(project: Path) -> None:
    """What ``nox -s tests`` leaves: one data file per process, combined by the report."""
    (project / ".coverage").rename(project / ".coverage.worker1")
    assert main(["--pyproject", str(project / "pyproject.toml")]) == 1  # ch02 under 80%
    assert (project / ".coverage").is_file()
    assert not (project / ".coverage.worker1").exists()
    rows = json.loads((project / "reports/grades.json").read_text(encoding="utf-8"))["chapters"]
    assert rows[0]["coverage"] == 100.0


def test_unmeasured_run_is_graded_on_points_only(project: Path) -> None:
    (project / ".coverage").unlink()
    assert grade(project) == 0
    grades = json.loads((project / "reports/grades.json").read_text(encoding="utf-8"))
    assert grades["chapters"][0]["coverage"] is None
    assert not (project / "htmlcov").exists()


def test_total_under_fail_under_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text().replace("fail_under = 50", "fail_under = 99.5")
    pyproject.write_text(text.replace("chapter_fail_under = 80", "chapter_fail_under = 0"))
    assert grade(project) == 1
    assert re.search(r"FAIL: total coverage is \d+\.\d%, under 99.5%", capsys.readouterr().out)


@pytest.fixture
def lost_one(project: Path) -> Path:
    """Chapter 2's one test failed, with its Korean description and the assertion's line."""
    results = project / "reports/results.json"
    data = json.loads(results.read_text())
    data["tests"][1].update(
        status="failed",
        description="`GET /items/1`은 200을 돌려준다",
        message="assert 404 == 200",
        duration=0.25,
    )
    data["tests"][0].update(description="알파는 100%를 돌려준다", duration=0.5)
    results.write_text(json.dumps(data))
    return project


def test_feedback_says_in_korean_what_was_lost_and_why(
    lost_one: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = lost_one / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert grade(lost_one, "--no-coverage") == 1
    out = capsys.readouterr().out
    feedback = out[out.index("피드백") :]
    assert out.index("grade table") < out.index("피드백")
    assert "ch01 알파 (Alpha): 2/2점 — 모든 테스트를 통과했습니다" in feedback
    assert "ch02 ch02_beta: 0/1점 — 잃은 점수 1점" in feedback
    assert "-1점  `GET /items/1`은 200을 돌려준다" in feedback
    assert "실패: assert 404 == 200" in feedback
    markdown = (lost_one / "reports/feedback.md").read_text(encoding="utf-8")
    assert "## ch01 알파 (Alpha): 2/2점" in markdown
    assert "| 1점 | `GET /items/1`은 200을 돌려준다<br>" in markdown
    assert "실패: assert 404 == 200 |" in markdown
    assert "## 피드백" in summary.read_text(encoding="utf-8")


def test_grades_are_numbers_per_chapter_and_in_total(lost_one: Path) -> None:
    grade(lost_one)
    grades = json.loads((lost_one / "reports/grades.json").read_text(encoding="utf-8"))
    ch01, ch02 = grades["chapters"]
    assert ch01 == {
        "chapter": "ch01",
        "folder": "ch01_alpha",
        "title": "알파 (Alpha)",
        "earned": 2.0,
        "possible": 2.0,
        "percent": 100.0,
        "tests": 1,
        "passed": 1,
        "failed": 0,
        "errors": 0,
        "skipped": 0,
        "coverage": 100.0,
        "seconds": 0.5,
        "solution": None,
        "tiers": [],
    }
    assert (ch02["earned"], ch02["failed"], ch02["percent"]) == (0.0, 1, 0.0)
    total = grades["total"]
    assert (total["earned"], total["possible"], total["chapters"]) == (2.0, 3.0, 2)
    assert total["percent"] == round(200 / 3, 2)
    assert isinstance(total["coverage"], float)
    assert total["seconds"] == 0.75


def test_gradescope_results_total_what_the_table_shows(lost_one: Path) -> None:
    grade(lost_one, "--no-coverage")
    results = json.loads((lost_one / "reports/gradescope.json").read_text(encoding="utf-8"))
    grades = json.loads((lost_one / "reports/grades.json").read_text(encoding="utf-8"))
    assert results["score"] == grades["total"]["earned"] == 2.0
    assert sum(t["max_score"] for t in results["tests"]) == grades["total"]["possible"]
    assert results["execution_time"] == 0.75
    failed = next(t for t in results["tests"] if t["status"] == "failed")
    assert failed["name"] == "ch02 `GET /items/1`은 200을 돌려준다"
    assert (failed["score"], failed["max_score"]) == (0.0, 1.0)
    assert failed["output"] == "`GET /items/1`은 200을 돌려준다\n실패: assert 404 == 200"
