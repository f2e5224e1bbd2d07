"""pytest plugin of the coverage-map run (``-p shared.mutation.contexts``): per-test contexts.

Each test's setup, call and teardown are measured under the test's node id (coverage's
``switch_context``, as pytest-cov's ``--cov-context=test``). Unlike coverage's own
``dynamic_context = "test_function"`` this also names the app code that TestClient runs in its
portal thread and the fixtures. With ``MUTATION_DURATIONS`` set, each test's seconds (its three
phases) are written there as JSON when the session ends: the mutants' time limits.

``MUTATION_PRELOAD`` names a module imported when the session starts, outside any test: the
chapter's app. What its import runs (module level, and functions called at import) is then
measured under no test, so a mutant there runs the whole suite rather than the one test that
happened to import the app first.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
from pathlib import Path

import coverage
import pytest

DURATIONS_ENV = "MUTATION_DURATIONS"
PRELOAD_ENV = "MUTATION_PRELOAD"

_durations: dict[str, float] = {}


def _switch(context: str) -> None:
    current = coverage.Coverage.current()
    if current is not None:
        current.switch_context(context)


def pytest_sessionstart(session: pytest.Session) -> None:
    module = os.environ.get(PRELOAD_ENV)
    if module:
        with contextlib.suppress(Exception):  # the suite itself reports a broken app
            importlib.import_module(module)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _switch(item.nodeid)


@pytest.hookimpl(trylast=True)
def pytest_runtest_logfinish(nodeid: str) -> None:
    _switch("")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _durations[report.nodeid] = _durations.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    target = os.environ.get(DURATIONS_ENV)
    if target:
        Path(target).write_text(json.dumps(_durations, indent=1, sort_keys=True))
