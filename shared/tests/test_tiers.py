"""Tiers (``@pytest.mark.tier``): a part of a chapter's points, shown beside the chapter's own
in the grade table, grades.json, the feedback and Gradescope's results.json."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from chapters.ch10_background_tasks_and_testing.tests.tiers import BEYOND, TEXT, TEXT_TESTS
from shared.grading import feedback
from shared.grading.chapters import REPO_ROOT
from shared.grading.outputs import grades_data, gradescope_data
from shared.grading.report import build_table
from shared.grading.results import TestResult as Result
from shared.grading.results import score, tier_scores

GROUP = "ch10_background_tasks_and_testing"
CONFTEST = """
import pytest

TEXT = {"test_main.py::test_text_one", "test_main.py::test_text_two"}


def pytest_collection_modifyitems(items):
    for item in items:
        name = f"{item.path.name}::{item.name.split('[')[0]}"
        item.add_marker(pytest.mark.tier("교재 범위" if name in TEXT else "더 나아가기"))
"""
TESTS = """
import pytest


@pytest.mark.points(3)
def test_text_one():
    pass


def test_text_two():
    assert False, "교재의 것"


@pytest.mark.points(4)
def test_beyond():
    pass
"""


def results() -> list[Result]:
    def result(name: str, points: float, status: str, tier: str) -> Result:
        nodeid = f"chapters/{GROUP}/tests/test_x.py::{name}"
        return Result(nodeid, GROUP, points, status, description=name, tier=tier)

    return [
        result("test_a", 3, "passed", TEXT),
        result("test_b", 1, "failed", TEXT),
        result("test_c", 4, "passed", BEYOND),
        result("test_d", 2, "failed", BEYOND),
    ]


def test_tier_scores_are_parts_of_the_chapter() -> None:
    tiers = tier_scores(results())[GROUP]
    assert list(tiers) == [TEXT, BEYOND]
    assert (tiers[TEXT].earned, tiers[TEXT].possible, tiers[TEXT].passed) == (3, 4, 1)
    assert (tiers[BEYOND].earned, tiers[BEYOND].possible) == (4, 6)
    assert tier_scores([Result("x.py::t", GROUP)]) == {}  # no tier: no rows


def test_the_table_has_a_row_per_tier_under_its_chapter() -> None:
    graded = results()
    table = build_table(score(graded), titles={GROUP: "배경"}, tiers=tier_scores(graded))
    assert table.rows == [
        ["ch10", "배경", "2/4", "7/10", "70.0%"],
        ["", f"└ {TEXT}", "1/2", "3/4", "75.0%"],
        ["", f"└ {BEYOND}", "1/2", "4/6", "66.7%"],
    ]
    assert table.footer[0][:2] == ["total", "1 chapters"]  # tier rows are not chapters
    with_coverage = build_table(score(graded), {GROUP: 90.0}, 90.0, tiers=tier_scores(graded))
    assert [len(row) for row in with_coverage.rows] == [6, 6, 6]
    assert f"└ {TEXT}" in table.markdown()


def test_grades_json_lists_each_chapters_tiers() -> None:
    graded = results()
    data = grades_data(score(graded), {}, None, None, {}, [], tier_scores(graded))
    assert data["chapters"][0]["tiers"] == [
        {"tier": TEXT, "earned": 3.0, "possible": 4.0, "percent": 75.0, "tests": 2, "passed": 1},
        {"tier": BEYOND, "earned": 4.0, "possible": 6.0, "percent": 66.67, "tests": 2, "passed": 1},
    ]
    assert (data["total"]["earned"], data["total"]["possible"]) == (7.0, 10.0)


def test_the_feedback_says_each_tiers_score_and_tags_lost_tests() -> None:
    graded = results()
    groups = score(graded)
    text = feedback.render_text(groups, graded, {GROUP: "배경"})
    assert f"  {TEXT} 3/4점 · {BEYOND} 4/6점" in text.splitlines()
    assert f"  -1점  [{TEXT}] test_b" in text.splitlines()
    markdown = feedback.render_markdown(groups, graded, {GROUP: "배경"})
    assert f"범위별 점수: {TEXT} 3/4점 · {BEYOND} 4/6점" in markdown
    assert f"| 1점 | [{TEXT}] test_b<br>" in markdown


def test_gradescope_tags_each_test_with_its_tier() -> None:
    data = gradescope_data(results())
    first = data["tests"][0]
    assert first["name"] == f"ch10 [{TEXT}] test_a"
    assert first["tags"] == [TEXT]
    assert first["extra_data"]["tier"] == TEXT
    assert data["extra_data"]["tiers"]["ch10"][0] == {
        "tier": TEXT,
        "earned": 3.0,
        "possible": 4.0,
        "percent": 75.0,
        "tests": 2,
        "passed": 1,
    }
    plain = gradescope_data([Result(f"chapters/{GROUP}/tests/t.py::t", GROUP)])
    assert "tags" not in plain["tests"][0]
    assert "extra_data" not in plain


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_conftest_marks_tiers_and_the_run_grades_them(
    pytester: pytest.Pytester, workers: str
) -> None:
    for path, text in {
        "course/__init__.py": "",
        "course/ch03_gamma/__init__.py": '"""감마"""\n',
        "course/ch03_gamma/tests/__init__.py": "",
        "course/ch03_gamma/tests/conftest.py": CONFTEST,
        "course/ch03_gamma/tests/test_main.py": TESTS,
    }.items():
        target = pytester.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider", "-n", workers, "--grades-out", "r.json")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.re_match_lines([r"ch03\s+감마\s+2/3\s+7/8\s+87.5%"])
    result.stdout.re_match_lines([rf"\s+└ {TEXT}\s+1/2\s+3/4\s+75.0%"])
    result.stdout.re_match_lines([rf"\s+└ {BEYOND}\s+1/1\s+4/4\s+100.0%"])
    data = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    assert {t["nodeid"].rsplit("::", 1)[1]: t["tier"] for t in data["tests"]} == {
        "test_text_one": TEXT,
        "test_text_two": TEXT,
        "test_beyond": BEYOND,
    }


@pytest.mark.parametrize("marker", ["tier()", "tier('')", "tier(1)", "tier('a', 'b')"])
def test_bad_tier_marker_is_a_usage_error(pytester: pytest.Pytester, marker: str) -> None:
    pytester.makepyfile(f"import pytest\n\n@pytest.mark.{marker}\ndef test_x(): pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(['*use @pytest.mark.tier("name") with one name*'])


def test_every_test_of_ch10s_text_tier_exists() -> None:
    """A renamed test would silently leave the tier: each name in tiers.py is collected."""
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", f"chapters/{GROUP}", "--co", "-q", "-p", "no:randomly"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    collected = {
        line.split("/tests/", 1)[1].split("[", 1)[0] for line in listed.splitlines() if "::" in line
    }
    assert collected >= TEXT_TESTS, TEXT_TESTS - collected
