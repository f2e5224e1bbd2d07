"""Which implementation a chapter's suite grades, and the hooks a test asks of it.

A chapter's conftest takes its ``solution`` and ``app`` fixtures from here::

    solution, app = chapter_fixtures(__name__)

``solution`` is our ``app.main`` unless ``--solution chNN=...`` names another. A test that
needs more than ``app`` asks for it by name, with the reason a learner reads when it is missing:
``solution.hook("get_db", "테스트용 DB로 바꾸려면 필요합니다")``. Isolation that a solution may or
may not allow uses ``solution.has("get_db")`` and falls back to the solution's own state.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from shared.grading.chapters import chapter_of_path
from shared.grading.plugin import solution_of
from shared.grading.solutions import MissingHook, SolutionImportError, SolutionSpec

APP_WHY = "모든 테스트가 이 FastAPI 앱에 요청을 보냅니다"


class Solution:
    """The graded module, with one-line failures for what it lacks."""

    def __init__(self, module: ModuleType, spec: SolutionSpec) -> None:
        self.module = module
        self.spec = spec

    @property
    def __name__(self) -> str:
        return self.module.__name__

    @property
    def target(self) -> str:
        """``module:app`` for ``uvicorn`` in a subprocess; see ``pythonpath``."""
        if not self.spec.is_path:
            return f"{self.module.__name__}:app"
        inner = self.module.__name__.removeprefix(self.spec.module_name)  # ".main" or ""
        return f"{self.spec.subprocess_name}{inner}:app"

    @property
    def pythonpath(self) -> dict[str, str]:
        """Environment for a subprocess that imports ``target`` (empty for an installed module)."""
        if self.spec.folder is None:
            return {}
        parts = [str(self.spec.folder), os.environ.get("PYTHONPATH", "")]
        return {"PYTHONPATH": os.pathsep.join(p for p in parts if p)}

    def has(self, name: str) -> bool:
        return hasattr(self.module, name)

    def hook(self, name: str, why: str) -> Any:
        """The attribute ``name``, or this test fails with one line naming it and ``why``."""
        try:
            return getattr(self.module, name)
        except AttributeError:
            raise MissingHook(self.shown_name, name, why) from None

    @property
    def shown_name(self) -> str:
        """What the learner named (``main.py``, ``mypkg.main``), for the one-line failures."""
        named = self.spec.value.partition("=")[2].strip()
        return Path(named).name if self.spec.is_path else named or self.module.__name__

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # __file__, __path__...: as the module has them
            return getattr(self.module, name)
        try:
            return getattr(self.module, name)
        except AttributeError:
            raise MissingHook(self.shown_name, name) from None


def load_solution(config: pytest.Config, chapter: str) -> Solution:
    """The chapter's graded module; an import error fails the test with its one line."""
    loaded = solution_of(config, chapter)
    if loaded.module is None:
        raise SolutionImportError(f"풀이를 불러오지 못했습니다: {loaded.error}")
    return Solution(loaded.module, loaded.spec)


def chapter_fixtures(conftest: str) -> tuple[Any, Any]:
    """The ``solution`` and ``app`` fixtures of the chapter whose conftest is ``conftest``."""
    chapter = chapter_of_path(conftest.replace(".", "/"))
    if chapter is None:
        raise ValueError(f"{conftest} is not inside a chapter folder")

    @pytest.fixture(scope="session", name="solution")
    def solution_fixture(pytestconfig: pytest.Config) -> Solution:
        """The module graded: our ``app.main`` unless ``--solution`` names another."""
        return load_solution(pytestconfig, chapter.key)

    @pytest.fixture(scope="session", name="app")
    def app_fixture(solution: Solution) -> Any:
        return solution.hook("app", APP_WHY)

    return solution_fixture, app_fixture
