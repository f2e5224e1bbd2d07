"""Which tests a mutant runs: the tests that execute its lines, from a per-test coverage map.

The map's contexts are pytest node ids (``contexts.py`` switches coverage's dynamic context at
every test phase); the empty context is code run outside any test phase (collection) or in a
process of its own (a real uvicorn server a test starts), where no test can be named.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

# Coverage's name for code measured while no dynamic context was set.
NO_CONTEXT = ""


@dataclass(frozen=True)
class Selection:
    """The tests to run for one mutant: ``whole`` (the chapter's suite), or ``tests``.

    Neither (``tests`` empty, ``whole`` false): no test executes the mutant's lines.
    """

    tests: tuple[str, ...] = ()
    whole: bool = False
    why: str = ""

    @property
    def runs_nothing(self) -> bool:
        return not self.whole and not self.tests


def runtime_lines(source: str) -> set[int]:
    """The lines of ``source`` inside a function body: they run only when the function is called.

    Every other line (module and class level, decorators, default values, annotations) runs at
    import, once per process: the test that happened to import the module first is no better
    a choice than any other, so a mutant there runs the whole suite.
    """
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for statement in node.body:
                end = statement.end_lineno or statement.lineno
                lines.update(range(statement.lineno, end + 1))
    return lines


def select(
    lines: Iterable[int],
    runtime: Set[int],
    contexts_by_line: Mapping[int, Iterable[str]],
) -> Selection:
    """The tests for a mutant on ``lines``, given the file's ``runtime_lines`` and coverage map."""
    lines = sorted(set(lines))
    import_time = [line for line in lines if line not in runtime]
    if import_time:
        return Selection(whole=True, why=f"line {import_time[0]} runs at import")
    contexts: set[str] = set()
    for line in lines:
        contexts.update(contexts_by_line.get(line, ()))
    if NO_CONTEXT in contexts:
        return Selection(whole=True, why="executed outside a test phase (a server process)")
    if not contexts:
        return Selection(why="no test executes it")
    return Selection(tests=tuple(sorted(contexts)))


def time_limit(
    selection: Selection,
    durations: Mapping[str, float],
    startup: float,
    factor: float = 3.0,
    extra: float = 5.0,
) -> float:
    """Seconds a mutant's run may take: ``factor`` times the baseline of its tests, plus ``extra``.

    The baseline is a pytest process's ``startup`` and the selected tests' ``durations`` (all of
    them for the whole suite); a test the baseline did not time counts as the slowest one.
    """
    if selection.whole:
        baseline = sum(durations.values())
    else:
        slowest = max(durations.values(), default=0.0)
        baseline = sum(durations.get(test, slowest) for test in selection.tests)
    return factor * (startup + baseline) + extra


def one_line_change(original: str, mutated: str) -> tuple[str, str]:
    """The changed lines, stripped (several joined with `` ⏎ ``): before and after."""
    old, new = original.splitlines(), mutated.splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag != "equal":
            return (
                " ⏎ ".join(line.strip() for line in old[i1:i2]),
                " ⏎ ".join(line.strip() for line in new[j1:j2]),
            )
    return "", ""


def mutation_lines(start_pos: tuple[int, int], end_pos: tuple[int, int]) -> range:
    """The lines a cosmic-ray mutation spans (1-based; an end at column 0 ends the line before)."""
    start, (end, end_col) = start_pos[0], end_pos
    return range(start, max(start, end - 1 if end_col == 0 else end) + 1)
