"""A learner's code costs only its own points: hangs, import errors, missing hooks, file paths."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from shared.grading.chapters import all_chapters
from shared.grading.solutions import load, parse_value
from shared.testing import Solution

SAMPLES = Path(__file__).parent / "samples"
ROOT = Path(__file__).resolve().parents[2]

FIRST_STEPS = (Path(__file__).parent / "samples/ch01_first_steps.py").read_text(encoding="utf-8")


def run_pytest(tmp_path: Path, *args: str, timeout: float = 300) -> tuple[dict, str, float]:
    """``python -m pytest ARGS`` from the repository root: (results.json, output, seconds)."""
    out = tmp_path / "results.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--grades-out", str(out), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    return json.loads(out.read_text(encoding="utf-8")), proc.stdout + proc.stderr, elapsed


def by_name(results: dict, folder: str) -> dict[str, dict]:
    prefix = f"chapters/{folder}/tests/"
    return {
        t["nodeid"].removeprefix(prefix): t
        for t in results["tests"]
        if t["nodeid"].startswith(prefix)
    }


@pytest.mark.timeout(200)
@pytest.mark.parametrize(
    ("sample", "where"),
    [
        ("ch01_hangs.py", ["chapters/ch01_getting_started", "-n", "2"]),  # the whole chapter
        ("ch01_hangs_async.py", ["chapters/ch01_getting_started/tests/test_main.py", "-n", "0"]),
    ],
)
def test_an_endpoint_that_sleeps_an_hour_costs_only_its_own_test(
    tmp_path: Path, sample: str, where: list[str]
) -> None:
    """A ``GET /`` that never answers fails that test with "시간 초과"; the rest is graded.

    With a 3 s limit instead of pyproject's 20 s: the same path, a seventh of the wait."""
    results, output, elapsed = run_pytest(
        tmp_path,
        *where,
        "-o",
        "timeout=3",
        "--solution",
        f"ch01={SAMPLES / sample}",
    )
    tests = by_name(results, "ch01_getting_started")
    root = tests["test_main.py::test_root_returns_json_message"]
    assert root["status"] == "failed"
    assert root["message"].startswith("시간 초과: 3초 안에 끝나지 않았습니다")
    assert tests["test_main.py::test_health_check_reports_ok"]["status"] == "passed"
    assert not [name for name, t in tests.items() if t["status"] == "error"]
    assert "ch01     FastAPI 시작하기" in output  # the run reached its grade table
    assert elapsed < 120


@pytest.mark.timeout(200)
def test_an_import_error_costs_its_own_chapter_only(tmp_path: Path) -> None:
    """Three learners' ``main.py`` in one run: one good, one with a syntax error, one that
    imports a missing package. Each chapter gets exactly what its file deserves."""
    for folder, text in {
        "good": FIRST_STEPS,
        "syntax": 'import fastapi\n\napp = fastapi.FastAPI()\n@app.get("/items"\ndef f(): ...\n',
        "missing": "import fastapi\nimport not_a_package_anywhere\n\napp = fastapi.FastAPI()\n",
    }.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "main.py").write_text(textwrap.dedent(text), encoding="utf-8")
    results, output, _ = run_pytest(
        tmp_path,
        "chapters/ch01_getting_started",
        "chapters/ch02_path_and_query",
        "chapters/ch03_request_body",
        "-n",
        "2",
        f"--solution=ch01={tmp_path / 'good' / 'main.py'}",
        f"--solution=ch02={tmp_path / 'syntax' / 'main.py'}",
        f"--solution=3={tmp_path / 'missing' / 'main.py'}",
    )
    good = by_name(results, "ch01_getting_started")
    assert good["test_main.py::test_health_check_reports_ok"]["status"] == "passed"
    assert good["test_main.py::test_root_returns_json_message"]["status"] == "passed"
    syntax_line = f"{tmp_path / 'syntax' / 'main.py'}:4: SyntaxError"
    for folder, expected in [
        ("ch02_path_and_query", syntax_line),
        ("ch03_request_body", "ModuleNotFoundError: No module named 'not_a_package_anywhere'"),
    ]:
        tests = by_name(results, folder).values()
        assert tests
        assert {t["status"] for t in tests} == {"failed"}
        assert all(expected in t["message"] for t in tests), {t["message"] for t in tests}
        summary = [line for line in output.splitlines() if line.startswith(f"{folder}: ")]
        assert len(summary) == 1, output
        assert expected in summary[0]
    assert "Traceback" not in output


@pytest.mark.timeout(120)
def test_a_missing_hook_fails_only_the_tests_that_need_it(pytester: pytest.Pytester) -> None:
    """One line names the attribute and why; the tests that need only ``app`` pass."""
    pytester.makepyfile(
        theirs="""
        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/items")
        def items():
            return []
        """
    )
    files = {
        "course/__init__.py": "",
        "course/ch07_x/__init__.py": '"""x"""',
        "course/ch07_x/tests/__init__.py": "",
        "course/ch07_x/tests/conftest.py": """
            import pytest
            from fastapi.testclient import TestClient

            from shared.testing import chapter_fixtures

            solution, app = chapter_fixtures(__name__)


            @pytest.fixture
            def get_db(solution):
                return solution.hook("get_db", "테스트용 DB로 바꾸려면 필요합니다")
            """,
        "course/ch07_x/tests/test_x.py": """
            from fastapi.testclient import TestClient


            def test_needs_only_the_app(app):
                assert TestClient(app).get("/items").json() == []


            def test_needs_the_hook(app, get_db):
                assert get_db


            def test_reads_a_hook_in_its_body(solution):
                assert solution.Base
            """,
    }
    for name, text in files.items():
        (pytester.path / name).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    pytester.syspathinsert()
    result = pytester.runpytest("-p", "no:cacheprovider", "--solution", "ch07=theirs", "-rf")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*모듈 theirs에 `get_db`가 없습니다: 테스트용 DB로 바꾸려면 필요합니다*",
            "*모듈 theirs에 `Base`가 없습니다*",
        ]
    )
    assert "AttributeError" not in result.stdout.str()
    assert "Traceback" not in result.stdout.str()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ch01", "--solution expects CHAPTER=MODULE or CHAPTER=PATH"),
        ("=mod", "--solution expects CHAPTER=MODULE or CHAPTER=PATH"),
        ("chapter1=mod", "no chapter 'chapter1' (known: ch01, ch02"),
        ("ch42=mod", "no chapter 'ch42'"),
        ("ch01=", "the module or path after '=' is empty"),
        ("ch01=  ", "the module or path after '=' is empty"),
        ("ch01=no/such/main.py", "no/such/main.py does not exist"),
        ("ch01=nothing_here.py", "nothing_here.py does not exist"),
    ],
)
def test_a_wrong_solution_value_is_a_usage_error(
    pytester: pytest.Pytester, value: str, message: str
) -> None:
    pytester.makepyfile("def test_x(): pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--solution", value)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert message in result.stderr.str()


def test_a_folder_without_main_or_init_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match=r"has neither __init__\.py nor main\.py"):
        parse_value(f"ch01={tmp_path / 'empty'}")


def test_two_files_named_main_py_are_two_modules(tmp_path: Path) -> None:
    """Each path is imported under a name of its own, its folder first on ``sys.path``."""
    for name in ("anna", "minsu"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.py").write_text(f"WHO = {name!r}\n", encoding="utf-8")
    anna = load(parse_value(f"ch01={tmp_path / 'anna' / 'main.py'}"))
    minsu = load(parse_value(f"ch02={tmp_path / 'minsu' / 'main.py'}"))
    assert (anna.module.WHO, minsu.module.WHO) == ("anna", "minsu")
    assert anna.module.__name__ != minsu.module.__name__
    assert anna.files == [str(tmp_path / "anna" / "main.py")]
    assert Solution(anna.module, anna.spec).target == "main:app"
    assert anna.spec.folder == tmp_path / "anna"


def test_a_package_folder_is_graded_on_its_main_module(tmp_path: Path) -> None:
    package = tmp_path / "homework"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "main.py").write_text("from .routes import app\n", encoding="utf-8")
    (package / "routes.py").write_text("app = 'the app'\n", encoding="utf-8")
    loaded = load(parse_value(f"ch10={package}"))
    assert loaded.error is None
    assert loaded.module.app == "the app"
    assert loaded.files == [str(package / "*")]
    assert Solution(loaded.module, loaded.spec).target == "homework.main:app"


def test_a_folder_of_modules_is_graded_on_its_main_py(tmp_path: Path) -> None:
    """The course text's layout: ``main.py`` beside its other modules, imported by name."""
    main = "from lesson_database import URL\napp = URL\n"
    (tmp_path / "main.py").write_text(main, encoding="utf-8")
    (tmp_path / "lesson_database.py").write_text("URL = 'sqlite:///./app.db'\n", encoding="utf-8")
    loaded = load(parse_value(f"ch10={tmp_path}"))
    assert loaded.error is None
    assert loaded.module.app == "sqlite:///./app.db"
    assert loaded.files == [str(tmp_path / "*")]
    solution = Solution(loaded.module, loaded.spec)
    assert solution.target == "main:app"
    assert solution.pythonpath["PYTHONPATH"].split(os.pathsep)[0] == str(tmp_path)


def test_our_reference_through_the_front_door_is_the_same_module() -> None:
    """``--solution chNN=chapters.<folder>.app.main`` grades exactly our code, every chapter."""
    for chapter in all_chapters():
        loaded = load(parse_value(f"{chapter.key}={chapter.module}"))
        assert loaded.error is None
        assert loaded.module is sys.modules[chapter.module]
        assert loaded.files == [str(chapter.path.resolve() / "app" / "*")]


@pytest.mark.timeout(200)
def test_our_reference_through_the_front_door_earns_everything(tmp_path: Path) -> None:
    """A real run of chapter 1 named as a solution: every point, exit code 0, green report."""
    results, _, _ = run_pytest(
        tmp_path,
        "chapters/ch01_getting_started",
        "-n",
        "0",
        "--solution",
        "ch01=chapters.ch01_getting_started.app.main",
    )
    assert {t["status"] for t in results["tests"]} == {"passed"}
    assert results["solutions"]["ch01_getting_started"]["files"] == [
        str(ROOT / "chapters" / "ch01_getting_started" / "app" / "*")
    ]
    report = subprocess.run(
        [
            sys.executable,
            "-m",
            "shared.grading",
            "--no-coverage",
            "--results",
            str(tmp_path / "results.json"),
            "--reports",
            str(tmp_path / "reports"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert report.returncode == 0, report.stdout + report.stderr


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def is_running(pid: int) -> bool:
    """Alive and not a zombie (a container's first process may never reap orphans)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.timeout(120)
def test_a_hung_real_server_is_stopped_and_its_port_freed(pytester: pytest.Pytester) -> None:
    """A test waiting on a uvicorn whose endpoint never answers times out; the server goes."""
    port_file, pid_file = pytester.path / "port", pytester.path / "pid"
    pytester.makepyfile(
        test_live=f"""
        import httpx
        import pytest

        from shared.testing import run_uvicorn


        @pytest.mark.timeout(6)
        def test_waits_forever(tmp_path):
            with run_uvicorn(
                "shared.tests.samples.ch01_hangs:app", log_path=tmp_path / "log"
            ) as server:
                open({str(port_file)!r}, "w").write(server.url.rsplit(":", 1)[1])
                open({str(pid_file)!r}, "w").write(str(server.process.pid))
                httpx.get(server.url + "/", timeout=None)


        def test_the_next_test_runs():
            pass
        """
    )
    started = time.monotonic()
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "0")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*Timeout*6*"])
    assert port_is_free(int(port_file.read_text()))
    assert not is_running(int(pid_file.read_text()))  # killed, not only closed its port
    assert time.monotonic() - started < 90
