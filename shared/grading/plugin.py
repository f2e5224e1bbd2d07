"""pytest plugin: ``@pytest.mark.points(n)`` weights, results per chapter, a grade table.

Loaded through the ``pytest11`` entry point. Under pytest-xdist the workers only tag each
report with its points (``user_properties`` travel to the controller); the controller, which
sees every report, does the grading. A plain run grades the same way in its one process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .chapters import chapter_from_folder, chapter_title, normalize_key
from .report import build_table
from .results import TestResult, dump, group_of, score

# The shared test helpers assert like tests do: let pytest explain their failures.
pytest.register_assert_rewrite("shared.testing")

POINTS_KEY = "points"
solutions_key = pytest.StashKey[dict[str, str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("grading", "chapter grading")
    group.addoption(
        "--solution",
        action="append",
        default=[],
        metavar="CHAPTER=MODULE",
        help="grade another implementation of a chapter, e.g. --solution ch01=mypkg.main "
        "(the module must provide what the chapter's README lists as its contract)",
    )
    group.addoption(
        "--grades-out",
        metavar="PATH",
        default=None,
        help="write every test's chapter, points and outcome to this JSON file",
    )


def parse_solutions(values: list[str]) -> dict[str, str]:
    solutions = {}
    for value in values:
        chapter, sep, module = value.partition("=")
        key = normalize_key(chapter)
        if not sep or not key or not module.strip():
            raise pytest.UsageError(
                f"--solution expects CHAPTER=MODULE (e.g. ch01=mypkg.main), got {value!r}"
            )
        solutions[key] = module.strip()
    return solutions


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "points(n): weight of this test in its chapter's grade (default 1)"
    )
    config.stash[solutions_key] = parse_solutions(config.getoption("solution"))
    if not hasattr(config, "workerinput"):  # the controller (or a run without xdist) grades
        config.pluginmanager.register(Grader(config), "grading-grader")


def points_of(item: pytest.Item) -> float:
    marker = item.get_closest_marker(POINTS_KEY)
    if marker is None:
        return 1.0
    if len(marker.args) != 1 or not isinstance(marker.args[0], (int, float)) or marker.args[0] < 0:
        raise pytest.UsageError(f"{item.nodeid}: use @pytest.mark.points(n) with one number n >= 0")
    return float(marker.args[0])


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.user_properties.append((POINTS_KEY, points_of(item)))


class Grader:
    """Collects every test's outcome on the process that sees all reports."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.results: dict[str, TestResult] = {}
        self.collect_errors: list[str] = []
        self.titles: dict[str, str] = {}

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collect_errors.append(report.nodeid)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        result = self.results.get(report.nodeid)
        if result is None:
            points = float(dict(report.user_properties).get(POINTS_KEY, 1.0))
            result = TestResult(report.nodeid, group_of(report.nodeid), points)
            self.results[report.nodeid] = result
            if result.group not in self.titles:
                self.titles[result.group] = self.title_of(report.nodeid)
        if report.failed:
            result.outcome = "failed"
        elif report.skipped and result.outcome == "passed":
            # xfail reports as skipped too: an expected failure earns nothing.
            result.outcome = "skipped"

    def title_of(self, nodeid: str) -> str:
        """The docstring title of the chapter folder this test lives in."""
        parts = Path(nodeid.split("::", 1)[0]).parts
        for depth, part in enumerate(parts, start=1):
            if chapter_from_folder(part):
                return chapter_title(self.config.rootpath.joinpath(*parts[:depth]))
        return ""

    def pytest_sessionfinish(self) -> None:
        path = self.config.getoption("grades_out")
        if path:
            dump(list(self.results.values()), Path(path), self.collect_errors, self.titles)

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        groups = score(list(self.results.values()))
        if not groups:
            return
        terminalreporter.write_sep("=", "grades (coverage: see python -m shared.grading)")
        terminalreporter.write_line(build_table(groups, titles=self.titles).text())
        for error in self.collect_errors:
            terminalreporter.write_line(f"collection error (its tests earn nothing): {error}")
