"""Mistakes catalogues: one classic learner mistake at a time, planted in a chapter's
README-only solution (``shared/tests/readme``), costs exactly the tests about it.

Each ``test_chNN.py`` lists ``Mistake`` entries; ``check`` grades the solution with the mistake
and asserts that the lost tests are exactly the listed ones, that none of them is an error in
setup (a fixture asserting what a graded test grades), and that the loss is more than nothing and
at most ``MAX_SHARE`` of the chapter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from shared.tests.conftest import Grade
from shared.tests.readme import copied, solution_path

MAX_SHARE = 0.15  # no single mistake costs more than this share of its chapter's points


@dataclass(frozen=True)
class Mistake:
    """A learner's mistake: ``old`` (once in the README-only solution) becomes ``new``."""

    name: str  # the test id: what went wrong, in a few English words
    description: str  # Korean, as the README's 채점 기준 lists it
    old: str
    new: str
    lost: frozenset[str]  # the tests (node id after tests/) that must fail, no other

    def apply(self, source: str) -> str:
        count = source.count(self.old)
        assert count == 1, f"{self.name}: the text to change is there {count} times, not once"
        return source.replace(self.old, self.new)


def mistake(name: str, description: str, old: str, new: str, *lost: str) -> Mistake:
    return Mistake(name, description, old, new, frozenset(lost))


def check(
    grade: Callable[..., Grade], chapter: str, wrong: Mistake, tmp_path: Path, *extra: str
) -> Grade:
    """Grade ``chapter``'s README-only solution with ``wrong`` planted; assert its cost."""
    source = wrong.apply(solution_path(chapter).read_text(encoding="utf-8"))
    result = grade(chapter, str(copied(chapter, tmp_path, source)), *extra, cwd=tmp_path)
    assert result.failed == wrong.lost, {
        "lost but not listed": sorted(result.failed - wrong.lost),
        "listed but kept": sorted(wrong.lost - result.failed),
        "messages": {name: result.messages[name] for name in sorted(result.failed - wrong.lost)},
    }
    assert result.errors == set(), f"setup failed instead of a test: {sorted(result.errors)}"
    lost = result.possible - result.earned
    assert 0 < lost <= MAX_SHARE * result.possible, (lost, result.possible)
    return result
