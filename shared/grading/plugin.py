"""pytest plugin: ``@pytest.mark.points(n)`` weights, results per chapter, a grade table.

Loaded through the ``pytest11`` entry point. Under pytest-xdist the workers only tag each
report with its points (``user_properties`` travel to the controller); the controller, which
sees every report, does the grading. A plain run grades the same way in its one process.

A test that cannot be graded as written (the solution does not import, or lacks a hook the
test needs) fails with one line instead of a traceback: ``GradingProblem`` in ``solutions``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from . import feedback, hangs, responses
from .chapters import all_chapters, chapter_from_folder, chapter_title
from .report import build_table
from .results import INFRA, TestResult, dump, group_of, message_of, score, tier_scores
from .solutions import GradingProblem, Loaded, SolutionSpec, load, parse_value, reference_spec

# The shared test helpers assert like tests do: let pytest explain their failures.
pytest.register_assert_rewrite("shared.testing")

POINTS_KEY = "points"
DESCRIPTION_KEY = "description"
ORDER_KEY = "order"
TIER_KEY = "tier"
RESPONSE_KEY = "response"
HANGUL = re.compile("[\uac00-\ud7a3]")
specs_key = pytest.StashKey[dict[str, SolutionSpec]]()
loaded_key = pytest.StashKey[dict[str, Loaded]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("grading", "chapter grading")
    group.addoption(
        "--solution",
        action="append",
        default=[],
        metavar="CHAPTER=MODULE|PATH",
        help="grade another implementation of a chapter: a module (--solution ch01=mypkg.main) "
        "or a file or package folder (--solution ch10=../my-work/main.py)",
    )
    parser.addini(
        "grading_require_descriptions",
        type="bool",
        default=False,
        help="refuse to collect a graded test whose docstring does not start in Korean",
    )
    parser.addini(
        "grading_solutions",
        type="linelist",
        default=[],
        help="what is graded when --solution does not say: CHAPTER=PATH, the path relative to "
        "the rootdir (an assignment repository grades its own app/: ch05=app)",
    )
    group.addoption(
        "--grades-out",
        metavar="PATH",
        default=None,
        help="write every test's chapter, points and outcome to this JSON file",
    )


def parse_solutions(values: list[str], cwd: Path | None = None) -> dict[str, SolutionSpec]:
    specs = {}
    for value in values:
        try:
            spec = parse_value(value, cwd=cwd)
        except ValueError as exc:
            raise pytest.UsageError(str(exc)) from None
        specs[spec.chapter] = spec
    return specs


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "points(n): weight of this test in its chapter's grade (default 1)"
    )
    config.addinivalue_line(
        "markers",
        'tier(name): the part of its chapter this test grades, e.g. tier("교재 범위"); '
        "each tier's score is shown beside the chapter's",
    )
    # --solution first; the ini's defaults (an assignment repository's own app) for the rest.
    defaults = parse_solutions(config.getini("grading_solutions"), cwd=config.rootpath)
    config.stash[specs_key] = defaults | parse_solutions(config.getoption("solution"))
    config.stash[loaded_key] = {}
    responses.install()
    if config.pluginmanager.hasplugin("timeout"):  # pytest-timeout: see hangs.py
        config.pluginmanager.register(hangs.HangGuard(), "grading-hangs")
    config.pluginmanager.register(TierTagger(), "grading-tiers")
    if not hasattr(config, "workerinput"):  # the controller (or a run without xdist) grades
        config.pluginmanager.register(Grader(config), "grading-grader")


def solution_of(config: pytest.Config, chapter: str) -> Loaded:
    """The chapter's solution, imported once per process (errors kept, never raised)."""
    cache = config.stash[loaded_key]
    if chapter not in cache:
        spec = config.stash[specs_key].get(chapter) or reference_spec(chapter)
        cache[chapter] = load(spec)
    return cache[chapter]


def points_of(item: pytest.Item) -> float:
    marker = item.get_closest_marker(POINTS_KEY)
    if marker is None:
        return 1.0
    if len(marker.args) != 1 or not isinstance(marker.args[0], (int, float)) or marker.args[0] < 0:
        raise pytest.UsageError(f"{item.nodeid}: use @pytest.mark.points(n) with one number n >= 0")
    return float(marker.args[0])


def tier_of(item: pytest.Item) -> str:
    marker = item.get_closest_marker(TIER_KEY)
    if marker is None:
        return ""
    if len(marker.args) != 1 or not isinstance(marker.args[0], str) or not marker.args[0].strip():
        raise pytest.UsageError(f'{item.nodeid}: use @pytest.mark.tier("name") with one name')
    return marker.args[0].strip()


class TierTagger:
    """Tags each test with its tier after every other hook (a conftest may add the marker)."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            item.user_properties.append((TIER_KEY, tier_of(item)))


def description_of(obj: object) -> str:
    """The first line of a test function's docstring."""
    doc = inspect.getdoc(obj) or ""
    return doc.strip().splitlines()[0].strip() if doc.strip() else ""


@pytest.hookimpl(wrapper=True)
def pytest_pycollect_makeitem(
    collector: pytest.Collector, name: str, obj: object
) -> Generator[None, Any, Any]:
    """A graded test (one in a chapter folder) must say in Korean what it checks."""
    made = yield
    if not made or not collector.config.getini("grading_require_descriptions"):
        return made
    functions = made if isinstance(made, list) else [made]
    if not any(isinstance(m, pytest.Function) for m in functions):
        return made  # a class: its test methods come through here one by one
    if group_of(collector.nodeid) != INFRA and not HANGUL.search(description_of(obj)):
        where = f"{collector.nodeid}::{name}"
        raise collector.CollectError(
            f"{where}: a graded test needs a docstring whose first line says in Korean what it "
            'checks, e.g. """`GET /health`는 {"status": "ok"}를 돌려준다."""'
        )
    return made


def place_in_file(item: pytest.Item) -> tuple[tuple[str, ...], int, tuple[int, ...]]:
    """Where a test is written: its file, its line, its parameters' places (not run order)."""
    callspec = getattr(item, "callspec", None)
    indices = tuple(callspec.indices.values()) if callspec is not None else ()
    return item.path.parts, item.location[1] or 0, indices


def time_limit(item: pytest.Item) -> float:
    """The test's own time limit (``@pytest.mark.timeout(n)``), 0 when it has none."""
    marker = item.get_closest_marker("timeout")
    try:
        return float(marker.args[0]) if marker and marker.args else 0.0
    except (TypeError, ValueError):
        return 0.0


def long_files_first(items: list[pytest.Item]) -> None:
    """Files by their longest time limit, longest first, each file's tests kept together and
    in their order. A test marked with a long limit starts real processes (uvicorn, Redis,
    workers, a whole suite): ``--dist loadfile`` without xdist's reorder (pyproject) hands those
    files out first, and the many short in-process files fill the workers up after them."""
    longest: dict[str, float] = {}
    for item in items:
        longest[item.nodeid.split("::")[0]] = max(
            longest.get(item.nodeid.split("::")[0], 0.0), time_limit(item)
        )
    items.sort(key=lambda item: -longest[item.nodeid.split("::")[0]])  # stable


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The feedback lists tests as they are written, whatever order they run in (shuffled by
    # pytest-randomly, whose reordering comes before this hook).
    by_place = sorted(range(len(items)), key=lambda i: place_in_file(items[i]))
    orders = {index: order for order, index in enumerate(by_place)}
    for index, item in enumerate(items):
        item.user_properties.append((POINTS_KEY, points_of(item)))
        item.user_properties.append((DESCRIPTION_KEY, description_of(getattr(item, "obj", None))))
        item.user_properties.append((ORDER_KEY, orders[index]))
    long_files_first(items)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    responses.forget()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call" and report.failed:
        answer = responses.last()
        if answer:
            report.user_properties.append((RESPONSE_KEY, answer))
    if call.excinfo is not None and isinstance(call.excinfo.value, GradingProblem):
        # The learner's one line, and a failed test (not an error of the grader's fixtures).
        report.longrepr = str(call.excinfo.value)
        if report.when == "setup":
            report.when = "call"
    return report


class Grader:
    """Collects every test's outcome on the process that sees all reports."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.results: dict[str, TestResult] = {}
        self.collect_errors: list[str] = []
        self.titles: dict[str, str] = {}
        self.import_errors: dict[str, str] = {}

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collect_errors.append(report.nodeid)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        result = self.results.get(report.nodeid)
        if result is None:
            properties = dict(report.user_properties)
            result = TestResult(
                report.nodeid,
                group_of(report.nodeid),
                float(properties.get(POINTS_KEY, 1.0)),  # type: ignore[arg-type]
                description=str(properties.get(DESCRIPTION_KEY, "")),
                order=int(properties.get(ORDER_KEY, 0)),  # type: ignore[call-overload]
                tier=str(properties.get(TIER_KEY, "")),
            )
            self.results[report.nodeid] = result
            if result.group not in self.titles:
                self.titles[result.group] = self.title_of(report.nodeid)
        result.duration += report.duration
        if report.failed and result.status in ("passed", "skipped"):
            result.status = "failed" if report.when == "call" else "error"
            result.message = message_of(report)
            answer = dict(report.user_properties).get(RESPONSE_KEY)
            if answer and not result.message.startswith("시간 초과"):
                result.message += f" (받은 응답: {answer})"
            if result.message.startswith("풀이를 불러오지 못했습니다"):
                self.import_errors[result.group] = result.message
        elif report.skipped and result.status == "passed":
            # xfail reports as skipped too: an expected failure earns nothing.
            result.status = "skipped"
            result.message = message_of(report)

    def title_of(self, nodeid: str) -> str:
        """The docstring title of the chapter folder this test lives in."""
        parts = Path(nodeid.split("::", 1)[0]).parts
        for depth, part in enumerate(parts, start=1):
            if chapter_from_folder(part):
                return chapter_title(self.config.rootpath.joinpath(*parts[:depth]))
        return ""

    def solutions(self) -> dict[str, dict[str, Any]]:
        """Per chapter folder graded with ``--solution``: what was named and its files."""
        specs = self.config.stash[specs_key]
        out = {}
        for chapter in all_chapters():
            spec = specs.get(chapter.key)
            if spec is not None:
                out[chapter.folder] = {
                    "value": spec.value,
                    "module": spec.module_name,
                    "files": load_files(spec),
                }
        return out

    def pytest_sessionfinish(self) -> None:
        path = self.config.getoption("grades_out")
        if path:
            dump(
                list(self.results.values()),
                Path(path),
                self.collect_errors,
                self.titles,
                self.solutions(),
            )

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        results = list(self.results.values())
        groups = score(results)
        if not groups:
            return
        terminalreporter.write_sep("=", "grades (coverage: see python -m shared.grading)")
        table = build_table(groups, titles=self.titles, tiers=tier_scores(results))
        terminalreporter.write_line(table.text())
        if not self.config.getoption("grades_out"):  # else the report after the run says it
            text = feedback.render_text(groups, list(self.results.values()), self.titles)
            if text:
                terminalreporter.write_line(text)
        for error in self.collect_errors:
            terminalreporter.write_line(f"collection error (its tests earn nothing): {error}")
        for group, message in self.import_errors.items():
            terminalreporter.write_line(f"{group}: {message}")


def load_files(spec: SolutionSpec) -> list[str]:
    """Coverage patterns of a solution's code, found without importing it on the controller."""
    import importlib.util

    from .solutions import coverage_files

    if spec.is_path:
        return coverage_files(spec, None)
    try:
        found = importlib.util.find_spec(spec.module_name)
    except Exception:
        return []
    if found is None or not found.origin:
        return []
    return coverage_files(spec, None, found.origin)
