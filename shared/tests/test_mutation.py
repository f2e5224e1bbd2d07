"""The mutation driver's pure parts: test selection, time limits, the equivalent filter, reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import coverage
import pytest

from shared.mutation import equivalent, report, selection
from shared.mutation.equivalent import EquivalentError, Mutant

SOURCE = textwrap.dedent(
    '''
    import os

    LIMIT = 10


    @decorate(
        limit=LIMIT + 1,
    )
    def f(x, y=LIMIT * 2):
        """Doc."""
        if x > y:
            return (
                x - y
            )
        return 0


    class C:
        size = 3

        async def g(self):
            def inner():
                return self.size + 1
            return inner()
    '''
)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_runtime_lines_are_function_bodies() -> None:
    runtime = selection.runtime_lines(SOURCE)
    for needle in ('"""Doc."""', "if x > y", "x - y", "return 0", "def inner", "self.size + 1"):
        assert line_of(SOURCE, needle) in runtime, needle
    for needle in (
        "import os",
        "LIMIT = 10",
        "limit=LIMIT + 1",
        "def f(",
        "size = 3",
        "async def g",
    ):
        assert line_of(SOURCE, needle) not in runtime, needle


def test_import_time_line_runs_the_whole_suite() -> None:
    runtime = selection.runtime_lines(SOURCE)
    chosen = selection.select([line_of(SOURCE, "y=LIMIT * 2")], runtime, {})
    assert chosen.whole
    assert not chosen.runs_nothing
    assert "import" in chosen.why


def test_covered_line_runs_the_tests_that_executed_it() -> None:
    runtime = selection.runtime_lines(SOURCE)
    start, end = line_of(SOURCE, "return ("), line_of(SOURCE, "x - y")
    contexts = {start: ["t.py::b", "t.py::a"], end: ["t.py::c", "t.py::a"]}
    chosen = selection.select(range(start, end + 1), runtime, contexts)
    assert chosen == selection.Selection(tests=("t.py::a", "t.py::b", "t.py::c"))


def test_unexecuted_line_runs_nothing() -> None:
    runtime = selection.runtime_lines(SOURCE)
    chosen = selection.select([line_of(SOURCE, "return 0")], runtime, {99: ["t.py::a"]})
    assert chosen.runs_nothing
    assert chosen.why == "no test executes it"


def test_line_run_outside_a_test_phase_runs_the_whole_suite() -> None:
    runtime = selection.runtime_lines(SOURCE)
    line = line_of(SOURCE, "return 0")
    chosen = selection.select([line], runtime, {line: ["", "t.py::a"]})
    assert chosen.whole
    assert "server" in chosen.why


def test_time_limit_from_the_baseline() -> None:
    durations = {"a": 1.0, "b": 2.0, "c": 4.0}
    some = selection.Selection(tests=("a", "b"))
    assert selection.time_limit(some, durations, startup=1.0) == pytest.approx(3 * 4.0 + 5)
    whole = selection.Selection(whole=True)
    assert selection.time_limit(whole, durations, 1.0, factor=2, extra=1) == pytest.approx(17)
    unknown = selection.Selection(tests=("a", "new"))  # not timed: counts as the slowest
    assert selection.time_limit(unknown, durations, 0.0, extra=0) == pytest.approx(15)


GOOD = """
[[mutant]]
file = "app/main.py"
operator = "core/NumberReplacer"
before = "return a + 0"
after = "return a + 1"
reason = "  a + 1 is never observed  "

[[contract]]
file = "app/*.py"
line = 'print\\('
reason = "prints are not graded"
"""


def test_equivalent_file_matches_its_mutants() -> None:
    entries = equivalent.parse(GOOD)
    assert entries[0].reason == "a + 1 is never observed"
    same = Mutant("app/main.py", "core/NumberReplacer", "return a + 0", "return a + 1")
    assert equivalent.reason(same, entries) == "a + 1 is never observed"
    other = Mutant("app/main.py", "core/NumberReplacer", "return a + 0", "return a + -1")
    assert equivalent.reason(other, entries) is None
    printed = Mutant("app/models.py", "core/AddNot", 'print("x", 1 < 2)', 'print("x", not 1 < 2)')
    assert equivalent.reason(printed, entries) == "prints are not graded"
    elsewhere = Mutant("tests/x.py", "core/AddNot", 'print("x")', 'print(not "x")')
    assert equivalent.reason(elsewhere, entries) is None


def test_logging_is_equivalent_by_contract(tmp_path: Path) -> None:
    entries = equivalent.load("ch99", folder=tmp_path)  # no file: the contract only
    assert entries == list(equivalent.CONTRACT)
    logged = Mutant(
        "app/main.py", "core/NumberReplacer", 'logger.info("%d", 1)', 'logger.info("%d", 2)'
    )
    assert equivalent.reason(logged, entries)
    returned = Mutant("app/main.py", "core/NumberReplacer", "return 1", "return 2")
    assert equivalent.reason(returned, entries) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[mutant]]\nfile = 'a'\n", "missing"),
        (GOOD.replace('reason = "  a', 'colour = "red"\nreason = "  a'), "unknown"),
        (GOOD.replace('"  a + 1 is never observed  "', '"""two\nlines"""'), "one line"),
        (GOOD.replace('"  a + 1 is never observed  "', '"   "'), "one line"),
        (GOOD.replace('"core/NumberReplacer"', "3"), "string"),
        ("[other]\n", "unknown tables"),
        ("[[mutant]\n", "ch01.toml"),
        ("mutant = [1]\n", "a table"),
    ],
)
def test_malformed_equivalent_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(EquivalentError, match=message):
        equivalent.parse(text, "ch01.toml")


def test_every_reviewed_file_parses() -> None:
    for path in sorted(equivalent.FOLDER.glob("*.toml")):
        assert equivalent.load(path.stem)


EXCLUDED = textwrap.dedent(
    '''
    """Doc."""

    LIMIT = 3
    DATA: tuple[int, ...] = (
        1,
        2,
    )


    def get() -> int:
        return LIMIT + 1
    '''
)


def test_every_exclusion_names_a_file_of_its_chapter() -> None:
    root = equivalent.FOLDER.parents[2]
    for path in sorted(equivalent.FOLDER.glob("*.toml")):
        for exclusion in equivalent.exclusions(path.stem):
            found = list(root.glob(f"chapters/{path.stem}_*/{exclusion.file}"))
            assert found, exclusion
            for module in found:  # its assignment is there: span raises otherwise
                assert exclusion.span(module.read_text(encoding="utf-8")) != (0, 0)


def test_excluded_data_covers_its_assignment_or_its_module(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """
        [[exclude]]
        file = "app/catalog.py"
        name = "DATA"
        reason = " sample data "

        [[exclude]]
        file = "app/samples/*.py"
        reason = "sample modules"
        """
    )
    (tmp_path / "ch99.toml").write_text(text)
    data, samples = equivalent.exclusions("ch99", folder=tmp_path)
    assert (data.reason, data.name, samples.name) == ("sample data", "DATA", "")
    assert equivalent.load("ch99", folder=tmp_path) == list(equivalent.CONTRACT)  # no entry
    first, last = line_of(EXCLUDED, "DATA"), line_of(EXCLUDED, ")")
    assert data.span(EXCLUDED) == (first, last)
    assert data.covers("app/catalog.py", first, EXCLUDED)
    assert data.covers("app/catalog.py", last - 1, EXCLUDED)
    assert not data.covers("app/catalog.py", line_of(EXCLUDED, "LIMIT = 3"), EXCLUDED)
    assert not data.covers("app/catalog.py", line_of(EXCLUDED, "return"), EXCLUDED)
    assert not data.covers("app/main.py", first, EXCLUDED)
    assert samples.span(EXCLUDED) is None
    assert samples.covers("app/samples/one.py", 1, EXCLUDED)
    assert not samples.covers("app/main.py", 1, EXCLUDED)
    assert equivalent.exclusions("ch98", folder=tmp_path) == []


def test_exclusion_of_a_missing_assignment_is_refused() -> None:
    stale = equivalent.Exclusion(file="app/catalog.py", reason="why", name="GONE")
    with pytest.raises(EquivalentError, match="no top-level assignment to GONE"):
        stale.covers("app/catalog.py", 1, EXCLUDED)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[exclude]]\nfile = 'a'\n", "missing"),
        ("[[exclude]]\nfile = 'a'\nreason = 'r'\nline = 'x'\n", "unknown"),
        ("[[exclude]]\nfile = 'a'\nreason = ''\n", "one line"),
        ("[[exclude]]\nfile = 'a'\nreason = 'r'\nname = 1\n", "string"),
        ("[[exclude]\n", "ch01.toml"),
    ],
)
def test_malformed_exclusions_are_refused(text: str, message: str) -> None:
    with pytest.raises(EquivalentError, match=message):
        equivalent.parse_exclusions(text, "ch01.toml")


def result(status: str, line: int = 1, **extra: object) -> report.Result:
    fields: dict[str, object] = {
        "file": "chapters/ch01_x/app/main.py",
        "line": line,
        "operator": "core/NumberReplacer",
        "occurrence": line,
        "before": "x = 1",
        "after": "x = 2",
        "status": status,
        **extra,
    }
    return report.Result(**fields)  # type: ignore[arg-type]


def test_summary_counts_and_score() -> None:
    run = report.ChapterRun("ch01", seconds=12.34, ran_at="now")
    run.results = [
        result("killed"),
        result("killed"),
        result("timeout"),
        result("survived", note="no test executes it"),
        result("equivalent", note="why"),
        result("error", note="pytest exit 5"),
    ]
    figures = report.summary(run)
    assert {k: figures[k] for k in ("mutants", "killed", "timed_out", "survived")} == {
        "mutants": 6,
        "killed": 2,
        "timed_out": 1,
        "survived": 1,
    }
    assert (figures["equivalent"], figures["errors"], figures["seconds"]) == (1, 1, 12.3)
    assert figures["score"] == pytest.approx(3 / 5, abs=1e-4)
    assert [s["status"] for s in figures["survivors"]] == ["survived", "error"]
    assert [s["note"] for s in figures["equivalents"]] == ["why"]


def test_score_without_judged_mutants_is_none() -> None:
    assert report.summary(report.ChapterRun("ch01"))["score"] is None
    run = report.ChapterRun("ch01", results=[result("equivalent")])
    assert report.summary(run)["score"] is None


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        result("dead")


def test_report_keeps_the_chapters_not_run_again(tmp_path: Path) -> None:
    first = report.ChapterRun("ch02", results=[result("killed")], seconds=3)
    report.write(tmp_path, [first])
    again = report.ChapterRun("ch01", results=[result("survived", line=7, before="a | b")])
    written = report.write(tmp_path, [again])
    assert list(written["chapters"]) == ["ch01", "ch02"]
    assert written["total"]["mutants"] == 2
    assert written["total"]["score"] == pytest.approx(0.5)
    assert json.loads((tmp_path / "mutation.json").read_text()) == written
    page = (tmp_path / "mutation.md").read_text()
    assert "## ch01: 1 survivors" in page
    assert "| chapters/ch01_x/app/main.py:7 | NumberReplacer | `a \\| b` → `x = 2` |" in page
    assert "ch02: " not in page  # no survivor: no section


def test_report_lists_the_excluded_data(tmp_path: Path) -> None:
    kept = report.Excluded("chapters/ch02_x/app/catalog.py", "CATALOG", "sample data", 32)
    whole = report.Excluded("chapters/ch02_x/app/samples.py", "", "samples", 3)
    run = report.ChapterRun("ch02", results=[result("killed")], excluded=[kept, whole])
    written = report.write(tmp_path, [run])
    assert written["chapters"]["ch02"]["mutants"] == 1  # excluded data is not counted
    assert written["chapters"]["ch02"]["excluded"][0]["mutants"] == 32
    page = (tmp_path / "mutation.md").read_text()
    assert "## ch02: excluded data (not mutated, not counted)" in page
    assert "| chapters/ch02_x/app/catalog.py | `CATALOG` | 32 | sample data |" in page
    assert "| chapters/ch02_x/app/samples.py | (whole module) | 3 | samples |" in page


def test_report_pages_show_failures_errors_and_empty_lines(tmp_path: Path) -> None:
    failed = report.ChapterRun("ch03", failure="the unmutated suite fails")
    broken = report.ChapterRun("ch04", results=[result("error", note="pytest exit 5", after="")])
    page = report.markdown(report.merge({}, [failed, broken]))
    assert "## ch03: not mutated\n\nthe unmutated suite fails" in page
    assert "`x = 1` → (empty) | 0 | error: pytest exit 5 |" in page
    assert report.markdown({}).startswith("# Mutation testing")


def test_unreadable_previous_report_is_empty(tmp_path: Path) -> None:
    assert report.read(tmp_path / "missing.json") == {}
    (tmp_path / "bad.json").write_text("{")
    assert report.read(tmp_path / "bad.json") == {}
    (tmp_path / "list.json").write_text("[]")
    assert report.read(tmp_path / "list.json") == {}


class FakeCoverage:
    def __init__(self) -> None:
        self.contexts: list[str] = []

    def switch_context(self, context: str) -> None:
        self.contexts.append(context)


def test_plugin_names_each_test_and_times_it(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = FakeCoverage()
    monkeypatch.setattr(coverage.Coverage, "current", classmethod(lambda cls: fake))
    durations = tmp_path / "durations.json"
    monkeypatch.setenv("MUTATION_DURATIONS", str(durations))
    pytester.makepyfile(test_two="def test_a():\n    pass\n\ndef test_b():\n    pass\n")
    outcome = pytester.runpytest_inprocess("-p", "shared.mutation.contexts", "-p", "no:randomly")
    outcome.assert_outcomes(passed=2)
    assert fake.contexts == ["test_two.py::test_a", "", "test_two.py::test_b", ""]
    assert sorted(json.loads(durations.read_text())) == [
        "test_two.py::test_a",
        "test_two.py::test_b",
    ]


def test_plugin_without_coverage_or_durations(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coverage.Coverage, "current", classmethod(lambda cls: None))
    monkeypatch.delenv("MUTATION_DURATIONS", raising=False)
    pytester.makepyfile(test_one="def test_a():\n    pass\n")
    pytester.runpytest_inprocess("-p", "shared.mutation.contexts").assert_outcomes(passed=1)


@pytest.mark.timeout(60)
def test_coverage_map_names_the_tests_that_ran_a_line(tmp_path: Path) -> None:
    """A real ``coverage run`` with the plugin: the app code's lines carry the tests' node ids."""
    (tmp_path / "lib.py").write_text("def f(x):\n    return x + 1\n\ndef g():\n    return 0\n")
    (tmp_path / "test_lib.py").write_text(
        "import threading\nimport lib\n\n"
        "def test_f():\n    assert lib.f(1) == 2\n\n"
        "def test_thread():\n"
        "    t = threading.Thread(target=lib.f, args=(2,))\n    t.start()\n    t.join()\n\n"
        "def test_none():\n    pass\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env["PYTHONPATH"] = os.pathsep.join([str(root), str(tmp_path)])
    data = tmp_path / "map.coverage"
    command = [sys.executable, "-m", "coverage", "run", f"--data-file={data}", "--include=lib.py"]
    command += ["-m", "pytest", "-p", "no:cacheprovider", "-p", "shared.mutation.contexts", "-q"]
    command += ["-p", "no:randomly", "-n", "0", "test_lib.py"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    covdata = coverage.CoverageData(basename=str(data))
    covdata.read()
    (measured,) = covdata.measured_files()
    by_line = covdata.contexts_by_lineno(measured)
    assert sorted(by_line[2]) == ["test_lib.py::test_f", "test_lib.py::test_thread"]
    assert by_line[1] == [""]  # the def runs at import, during collection
    assert 5 not in by_line


def test_one_line_change() -> None:
    original = "a = 1\nb = 2\nc = 3\n"
    assert selection.one_line_change(original, "a = 1\nb = 3\nc = 3\n") == ("b = 2", "b = 3")
    removed = "@app.get('/')\n    def f():\n"
    assert selection.one_line_change(removed, "    def f():\n") == ("@app.get('/')", "")
    assert selection.one_line_change(original, original) == ("", "")
    several = selection.one_line_change("x(\n  1,\n  2)\n", "x(\n  3,\n  4)\n")
    assert several == ("1, ⏎ 2)", "3, ⏎ 4)")


def test_mutation_lines() -> None:
    assert selection.mutation_lines((3, 4), (3, 9)) == range(3, 4)
    assert selection.mutation_lines((3, 0), (6, 0)) == range(3, 6)  # ends at the start of 6
    assert selection.mutation_lines((3, 0), (5, 2)) == range(3, 6)


@pytest.mark.parametrize(
    ("code", "status"),
    [(0, "survived"), (1, "killed"), (2, "killed"), (-9, "killed"), (4, "error"), (5, "error")],
)
def test_outcome_of_an_exit_code(code: int, status: str) -> None:
    assert report.outcome(code, 10)[0] == status


def test_outcome_of_a_time_limit() -> None:
    assert report.outcome(None, 12.4) == ("timeout", "stopped after 12 s")


@pytest.mark.parametrize("preload", ["preloaded_probe", "broken_probe", ""])
def test_plugin_imports_the_app_before_any_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, preload: str
) -> None:
    pytester.syspathinsert()
    pytester.makepyfile(preloaded_probe="VALUE = 1\n", broken_probe="raise RuntimeError('x')\n")
    pytester.makepyfile(
        test_probe=f"import sys\n\ndef test_p():\n    assert {preload == 'preloaded_probe'} is "
        "('preloaded_probe' in sys.modules)\n"
    )
    monkeypatch.setenv("MUTATION_PRELOAD", preload)
    monkeypatch.delenv("MUTATION_DURATIONS", raising=False)
    pytester.runpytest_inprocess("-p", "shared.mutation.contexts").assert_outcomes(passed=1)
