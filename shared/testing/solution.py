"""Which implementation a chapter's suite grades: ours, or the module named by ``--solution``."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from shared.grading.plugin import solutions_key


def solution_module(config: pytest.Config, chapter: str, reference: ModuleType) -> ModuleType:
    """The module under test for ``chapter`` (``"ch01"``): ``reference`` unless overridden.

    ``pytest --solution ch01=mypkg.main`` grades ``mypkg.main`` instead; it must provide the
    attributes the chapter's README lists as its grading contract.
    """
    name = config.stash.get(solutions_key, {}).get(chapter)
    if name is None:
        return reference
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # stop the whole run: every test of the chapter would error
        pytest.exit(
            f"--solution {chapter}={name}: cannot import it ({exc})",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )
