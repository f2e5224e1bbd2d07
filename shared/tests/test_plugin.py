"""The grading plugin: weights, chapters, xdist, and chapters that share file names."""

from __future__ import annotations

import json
import textwrap

import pytest

APP = """
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def root():
    return {{"chapter": "{name}"}}
"""

CONFTEST = """
import pytest
from fastapi.testclient import TestClient

from ..app.main import app


@pytest.fixture
def client():
    with TestClient(app) as c:
        yield c
"""

TESTS = """
import pytest


@pytest.mark.points(3)
def test_root_names_its_chapter(client):
    assert client.get("/").json() == {{"chapter": "{name}"}}


def test_fails_on_purpose_{fail}(client):
    assert {fail} is False
"""


def make_chapter(pytester: pytest.Pytester, folder: str, name: str, fail: bool = False) -> None:
    """A chapter package with the same file names as every other chapter."""
    files = {
        f"course/{folder}/__init__.py": f'"""{name} title"""\n',
        f"course/{folder}/app/__init__.py": "",
        f"course/{folder}/app/main.py": APP.format(name=name),
        f"course/{folder}/tests/__init__.py": "",
        f"course/{folder}/tests/conftest.py": CONFTEST,
        f"course/{folder}/tests/test_main.py": TESTS.format(name=name, fail=fail),
    }
    for path, text in files.items():
        target = pytester.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    (pytester.path / "course" / "__init__.py").write_text("")


@pytest.fixture
def two_chapters(pytester: pytest.Pytester) -> pytest.Pytester:
    make_chapter(pytester, "ch01_alpha", "alpha")
    make_chapter(pytester, "ch02_beta", "beta", fail=True)
    return pytester


def read_results(pytester: pytest.Pytester) -> dict[str, tuple[str, float, str]]:
    data = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    return {
        t["nodeid"].split("::")[-1]: (t["group"], t["points"], t["status"]) for t in data["tests"]
    }


@pytest.mark.parametrize("workers", ["0", "2"])
def test_same_file_names_in_two_chapters_do_not_collide(
    two_chapters: pytest.Pytester, workers: str
) -> None:
    """Each chapter's tests import their own ``app.main`` through relative imports."""
    result = two_chapters.runpytest_subprocess(
        "-n", workers, "-p", "no:cacheprovider", "--grades-out", "r.json"
    )
    result.assert_outcomes(passed=3, failed=1)
    data = json.loads((two_chapters.path / "r.json").read_text(encoding="utf-8"))
    graded = {t["nodeid"]: (t["group"], t["points"], t["status"]) for t in data["tests"]}
    alpha, beta = "course/ch01_alpha/tests/test_main.py", "course/ch02_beta/tests/test_main.py"
    assert graded == {
        f"{alpha}::test_root_names_its_chapter": ("ch01_alpha", 3.0, "passed"),
        f"{alpha}::test_fails_on_purpose_False": ("ch01_alpha", 1.0, "passed"),
        f"{beta}::test_root_names_its_chapter": ("ch02_beta", 3.0, "passed"),
        f"{beta}::test_fails_on_purpose_True": ("ch02_beta", 1.0, "failed"),
    }
    assert data["titles"] == {"ch01_alpha": "alpha title", "ch02_beta": "beta title"}
    # The grade table sums points per chapter on the controller, also under xdist.
    result.stdout.re_match_lines([r"ch01\s+alpha title\s+2/2\s+4/4\s+100.0%"])
    result.stdout.re_match_lines([r"ch02\s+beta title\s+1/2\s+3/4\s+75.0%"])
    result.stdout.re_match_lines([r"total\s+2 chapters\s+3/4\s+7/8\s+87.5%"])


def test_one_chapter_alone_is_graded_alone(two_chapters: pytest.Pytester) -> None:
    result = two_chapters.runpytest("course/ch01_alpha", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    result.stdout.re_match_lines([r"total\s+1 chapters\s+2/2\s+4/4\s+100.0%"])
    assert "ch02" not in result.stdout.str()


def test_skipped_and_xfailed_tests_earn_nothing(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_x="""
        import pytest

        @pytest.mark.points(2)
        def test_ok(): pass

        @pytest.mark.points(5)
        @pytest.mark.skip(reason="not done")
        def test_skipped(): pass

        @pytest.mark.xfail(reason="known")
        def test_xfail(): assert False
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--grades-out", "r.json")
    result.assert_outcomes(passed=1, skipped=1, xfailed=1)
    data = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    outcomes = {t["nodeid"]: t["status"] for t in data["tests"]}
    assert outcomes == {
        "test_x.py::test_ok": "passed",
        "test_x.py::test_skipped": "skipped",
        "test_x.py::test_xfail": "skipped",
    }
    result.stdout.re_match_lines([r"shared\s+infrastructure \(not graded\)\s+1/3\s+2/8"])


@pytest.mark.parametrize("marker", ["points()", "points(-1)", "points('3')", "points(1, 2)"])
def test_bad_points_marker_is_a_usage_error(pytester: pytest.Pytester, marker: str) -> None:
    pytester.makepyfile(f"import pytest\n\n@pytest.mark.{marker}\ndef test_x(): pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*use @pytest.mark.points(n) with one number n >= 0*"])


def test_collection_error_is_reported(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_broken="import not_a_module_anywhere\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--grades-out", "r.json")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    data = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    assert data["collect_errors"] == ["test_broken.py"]


GRADED = {
    "course/__init__.py": "",
    "course/ch03_x/__init__.py": '"""x"""',
    "course/ch03_x/tests/__init__.py": "",
}


def write(pytester: pytest.Pytester, files: dict[str, str]) -> None:
    for name, text in files.items():
        (pytester.path / name).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / name).write_text(textwrap.dedent(text), encoding="utf-8")


def test_a_graded_test_without_a_korean_description_is_not_collected(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeini("[pytest]\ngrading_require_descriptions = true\n")
    write(
        pytester,
        {
            **GRADED,
            "course/ch03_x/tests/test_x.py": '''
            def test_described():
                """설명이 있는 테스트는 모인다."""


            def test_in_english():
                """Only English here."""
            ''',
            "test_infra.py": "def test_not_graded(): pass\n",
        },
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        ["*course/ch03_x/tests/test_x.py::test_in_english: a graded test needs a docstring*"]
    )
    assert "test_infra.py" not in result.stdout.str()  # the infrastructure's tests need none


def test_results_carry_the_description_the_reason_and_the_points(
    pytester: pytest.Pytester,
) -> None:
    write(
        pytester,
        {
            **GRADED,
            "course/ch03_x/tests/test_x.py": '''
            import pytest


            @pytest.mark.points(3)
            def test_lost():
                """`GET /`는 200을 돌려준다.

                English details stay below the first line.
                """
                status = 404
                assert status == 200, "GET / answered 404: {'detail': 'Not Found'}"


            def test_kept():
                """둘째 테스트는 통과한다."""


            def test_answer_is_shown():
                """`POST /nowhere`는 201을 돌려준다."""
                from fastapi import FastAPI
                from fastapi.testclient import TestClient

                response = TestClient(FastAPI()).post("/nowhere")
                assert response.status_code == 201
            ''',
        },
    )
    result = pytester.runpytest(
        "-p", "no:cacheprovider", "--grades-out", "r.json", "--junitxml", "junit.xml"
    )
    result.assert_outcomes(passed=1, failed=2)
    tests = {
        t["nodeid"].rsplit("::")[-1]: t
        for t in json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))["tests"]
    }
    lost = tests["test_lost"]
    assert lost["chapter"] == "ch03"
    assert (lost["status"], lost["points"]) == ("failed", 3.0)
    assert lost["description"] == "`GET /`는 200을 돌려준다."
    assert lost["message"] == "AssertionError: GET / answered 404: {'detail': 'Not Found'}"
    assert lost["duration"] > 0
    assert tests["test_kept"]["order"] == lost["order"] + 1
    answered = tests["test_answer_is_shown"]["message"]
    assert answered.startswith("assert 404 == 201")
    assert answered.endswith('(받은 응답: 404 {"detail":"Not Found"})')
    junit = (pytester.path / "junit.xml").read_text(encoding="utf-8")
    assert '<property name="points" value="3.0"' in junit
