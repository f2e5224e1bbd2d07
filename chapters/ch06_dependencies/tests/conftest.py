"""Fixtures of chapter 6's suite: the solution under test, a client, and controlled inputs.

Grading contract (what ``--solution ch06=<module>`` must provide), see the README: ``app`` for
every test. The dependencies the chapter teaches are asked for only by the tests about them, with
``solution.hook``: ``get_settings`` (``lru_cache``d, reads ``API_KEY`` from the environment),
``get_event_log`` (where the ``yield`` dependency records its steps), ``make_nonce`` (the
dependency the caching routes share) and ``PaginationDep`` (the pagination alias).
"""

import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import Solution, chapter_fixtures, overridden

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def overrides(app: FastAPI) -> Iterator[dict[Callable[..., Any], Callable[..., Any]]]:
    """``app.dependency_overrides`` for one test, put back as it was afterwards."""
    with overridden(app) as current:
        yield current


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client on a run of the app (its lifespan runs)."""
    with TestClient(app) as test_client:
        yield test_client


SETTINGS_WHY = "환경 변수 API_KEY를 바꾼 뒤 캐시된 설정을 비우려면 필요합니다"
EVENT_LOG_WHY = "yield 의존성이 남기는 기록을 테스트의 목록으로 바꾸려면 필요합니다"


def clear_settings_cache(get_settings: Any) -> None:
    """``cache_clear()`` of an ``lru_cache``d ``get_settings``; nothing to clear otherwise."""
    clear = getattr(get_settings, "cache_clear", None)
    if clear is not None:
        clear()


@pytest.fixture
def settings_cache(solution: Solution) -> Iterator[None]:
    """Forget cached settings before and after a test that changes the environment.

    Optional: a solution without ``get_settings`` is run as it is (it may read the environment
    on every request)."""
    get_settings = getattr(solution.module, "get_settings", None)
    clear_settings_cache(get_settings)
    yield
    clear_settings_cache(get_settings)


@pytest.fixture
def get_settings(solution: Solution, settings_cache: None) -> Any:
    """The solution's ``get_settings``, for the tests about reading the key from ``API_KEY``."""
    get_settings = solution.hook("get_settings", SETTINGS_WHY)
    clear_settings_cache(get_settings)
    return get_settings


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
def event_log(solution: Solution, overrides: dict) -> list[dict[str, Any]]:
    """A list of this test's own that the ``yield`` dependency records its steps in."""
    log: list[dict[str, Any]] = []
    overrides[solution.hook("get_event_log", EVENT_LOG_WHY)] = lambda: log
    return log
