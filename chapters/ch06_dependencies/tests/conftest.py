"""Fixtures of chapter 6's suite: the solution under test, a client, and controlled inputs.

Grading contract (what ``--solution ch06=<module>`` must provide), see the README:
``app``; ``get_settings`` (``lru_cache``d, reads ``API_KEY`` from the environment);
``get_event_log`` (the dependency the ``yield`` dependency records its steps in);
``make_nonce`` (the dependency the caching routes share); ``PaginationDep`` (an ``Annotated``
alias of the pagination dependency).
"""

import secrets
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures, overridden

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def overrides(app: FastAPI) -> Iterator[dict[Callable[..., Any], Callable[..., Any]]]:
    """``app.dependency_overrides`` for one test, put back as it was afterwards."""
    with overridden(app) as current:
        yield current


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client with the lifespan run: a fresh app event log per test."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def settings_cache(solution: ModuleType) -> Iterator[None]:
    """Forget cached settings before and after a test that changes the environment."""
    solution.get_settings.cache_clear()
    yield
    solution.get_settings.cache_clear()


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch, settings_cache: None) -> str:
    """A random key, set the way a deployment sets it: the ``API_KEY`` environment variable."""
    key = secrets.token_urlsafe(24)
    monkeypatch.setenv("API_KEY", key)
    return key


@pytest.fixture
def no_api_key(monkeypatch: pytest.MonkeyPatch, settings_cache: None) -> None:
    monkeypatch.delenv("API_KEY", raising=False)


@pytest.fixture
def event_log(solution: ModuleType, overrides: dict) -> list[dict[str, Any]]:
    """A list of this test's own that the ``yield`` dependency records its steps in."""
    log: list[dict[str, Any]] = []
    overrides[solution.get_event_log] = lambda: log
    return log
