"""A class in one command, and Gradescope: each submission graded alone, every row written."""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from shared.grading import batch, gradescope

ROOT = Path(__file__).resolve().parents[2]

FIRST_STEPS = (Path(__file__).parent / "samples/ch01_first_steps.py").read_text(encoding="utf-8")

# pytest-timeout's signal never arrives: only the limit on the whole submission stops this one.
DEAF_TO_TIMEOUTS = """
import signal
import time

from fastapi import FastAPI

signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
app = FastAPI()


@app.get("/")
def root():
    time.sleep(3600)


@app.get("/health")
def health():
    return {"status": "ok"}
"""


def make_class(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is not None:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def rows_of(out: Path) -> dict[str, dict]:
    with open(out / "grades.csv", encoding="utf-8", newline="") as fh:
        return {row["learner"]: row for row in csv.DictReader(fh)}


@pytest.mark.timeout(240)
def test_every_submission_gets_its_row_whatever_it_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Good, broken and crashing submissions, and a learner with none: one row each."""
    learners = make_class(
        tmp_path / "class",
        {
            "kim/ch01.py": FIRST_STEPS,
            "lee/ch01/main.py": FIRST_STEPS,  # a folder of modules
            "park/ch02.py": "import fastapi\napp = fastapi.FastAPI(\n",
            "choi/ch01.py": "import os\nos._exit(3)\n",  # the whole process dies at import
            "yoon/notes.txt": "no module here",
        },
    )
    out = tmp_path / "reports" / "batch"
    (out / "stale").mkdir(parents=True)
    (out / "stale" / "feedback.md").write_text("from an earlier run", encoding="utf-8")
    code = batch.main([str(learners), "--out", str(out), "--timeout", "180", "--jobs", "4"])
    assert code == 0
    rows = rows_of(out)
    assert set(rows) == {"kim", "lee", "park", "choi", "yoon"}
    for good in ("kim", "lee"):
        assert rows[good]["reason"] == ""
        assert float(rows[good]["earned"]) > 0
        assert rows[good]["possible"] == rows["kim"]["possible"]
    assert "SyntaxError" in rows["park"]["reason"]
    assert (rows["park"]["earned"], rows["park"]["passed"]) == ("0", "0")
    assert "exit code 3" in rows["choi"]["reason"]
    assert rows["choi"]["possible"] == rows["kim"]["possible"]  # known from another learner
    assert "제출한 모듈이 없습니다" in rows["yoon"]["reason"]
    assert not (out / "stale").exists()  # nothing left from the earlier run
    kim = (out / "kim" / "feedback.md").read_text(encoding="utf-8")
    assert kim.startswith("# kim의 채점 결과")
    assert "ch01 FastAPI 시작하기" in kim
    assert "SyntaxError" in (out / "park" / "feedback.md").read_text(encoding="utf-8")
    table = capsys.readouterr().out
    assert "learner" in table
    assert "5 submissions" not in table  # yoon submitted nothing: 4 submissions, 5 learners
    assert "4 submissions of 5 learners" in table


@pytest.mark.timeout(120)
def test_a_submission_deaf_to_timeouts_is_stopped_by_its_own_limit(tmp_path: Path) -> None:
    """pytest-timeout cannot stop this one: the limit on the whole submission does, and the
    batch still writes its row."""
    learners = make_class(tmp_path / "class", {"jung/ch01.py": DEAF_TO_TIMEOUTS})
    out = tmp_path / "batch"
    assert batch.main([str(learners), "--out", str(out), "--timeout", "5"]) == 0
    rows = rows_of(out)
    assert "시간 제한(5초)" in rows["jung"]["reason"]
    assert rows["jung"]["earned"] == "0"
    assert "시간 제한" in (out / "jung" / "feedback.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("layout", ["missing", "empty", "no-modules"])
def test_a_folder_without_submissions_is_a_clear_error(
    tmp_path: Path, layout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "class"
    if layout != "missing":
        folder.mkdir()
    if layout == "no-modules":
        make_class(folder, {"kim/readme.md": "hi"})
    out = tmp_path / "out"
    assert batch.main([str(folder), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert str(folder) in err
    assert not out.exists()


@pytest.mark.timeout(180)
def test_run_autograder_writes_gradescope_results(tmp_path: Path) -> None:
    """``run_autograder`` in a root laid out as Gradescope's: the learner's file in, results out."""
    root = tmp_path / "autograder"
    (root / "results").mkdir(parents=True)
    (root / "source").symlink_to(ROOT)
    make_class(root / "submission", {"ch01.py": FIRST_STEPS})
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COVERAGE_", "CHAPTER"))}
    env |= {"AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable}
    proc = subprocess.run(
        [str(ROOT / "gradescope" / "run_autograder")],
        env=env,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    tests = results["tests"]
    assert tests
    assert all(t["name"].startswith("ch01 ") for t in tests)
    assert results["score"] == sum(t["score"] for t in tests)
    assert 0 < results["score"] < sum(t["max_score"] for t in tests)  # first steps: not all
    lost = [t for t in tests if t["status"] == "failed"]
    assert lost
    assert all(t["score"] == 0 and "\n실패: " in t["output"] for t in lost)
    assert "피드백" in results["output"]
    assert results["execution_time"] > 0


def test_the_autograder_zip_has_gradescopes_layout(tmp_path: Path) -> None:
    out = gradescope.build_zip("5", tmp_path / "autograder.zip")
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert {"setup.sh", "run_autograder", "pyproject.toml"} <= names
        assert "chapters/ch05_crud_and_errors/app/main.py" in names
        assert "shared/grading/plugin.py" in names
        assert not [n for n in names if "__pycache__" in n]
        assert archive.read("gradescope/chapter").decode().strip() == "ch05"
        mode = archive.getinfo("run_autograder").external_attr >> 16
        assert mode & stat.S_IXUSR


def test_the_submitted_module_is_found_by_its_usual_names(tmp_path: Path) -> None:
    make_class(tmp_path / "a", {"ch03.py": "", "notes.py": ""})
    make_class(tmp_path / "b", {"main.py": "", "database.py": ""})
    make_class(tmp_path / "c", {"homework.py": ""})
    make_class(tmp_path / "d", {"readme.md": ""})
    assert gradescope.find_module("ch03", tmp_path / "a") == tmp_path / "a" / "ch03.py"
    assert gradescope.find_module("ch03", tmp_path / "b") == tmp_path / "b" / "main.py"
    assert gradescope.find_module("ch03", tmp_path / "c") == tmp_path / "c" / "homework.py"
    assert gradescope.find_module("ch03", tmp_path / "d") is None
