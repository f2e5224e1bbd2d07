"""챕터 6 테스트의 fixture: 채점할 풀이, 클라이언트, 테스트가 정하는 입력.

채점 계약은 README에 있다: ``app``, 그리고 챕터의 의존성은 그것을 다루는 테스트에만.
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
    """테스트 하나 동안의 ``app.dependency_overrides``, 끝나면 원래대로 복원한다."""
    with overridden(app) as current:
        yield current


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """앱을 한 번 실행한(lifespan이 도는) 클라이언트."""
    with TestClient(app) as test_client:
        yield test_client


SETTINGS_WHY = "환경 변수 API_KEY를 바꾼 뒤 캐시된 설정을 비우려면 필요합니다"
EVENT_LOG_WHY = "yield 의존성이 남기는 기록을 테스트의 목록으로 바꾸려면 필요합니다"


def clear_settings_cache(get_settings: Any) -> None:
    """``lru_cache``가 붙은 ``get_settings``의 ``cache_clear()``(없으면 아무것도 하지 않는다)."""
    clear = getattr(get_settings, "cache_clear", None)
    if clear is not None:
        clear()


@pytest.fixture
def settings_cache(solution: Solution) -> Iterator[None]:
    """환경을 바꾸는 테스트 앞뒤로 캐시된 설정을 비운다(``get_settings``가 없으면 그대로 둔다)."""
    get_settings = getattr(solution.module, "get_settings", None)
    clear_settings_cache(get_settings)
    yield
    clear_settings_cache(get_settings)


@pytest.fixture
def get_settings(solution: Solution, settings_cache: None) -> Any:
    """``API_KEY``에서 키를 읽는 테스트를 위한 풀이의 ``get_settings``."""
    get_settings = solution.hook("get_settings", SETTINGS_WHY)
    clear_settings_cache(get_settings)
    return get_settings


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch, settings_cache: None) -> str:
    """배포할 때처럼 ``API_KEY`` 환경 변수로 설정한 무작위 키."""
    key = secrets.token_urlsafe(24)
    monkeypatch.setenv("API_KEY", key)
    return key


@pytest.fixture
def no_api_key(monkeypatch: pytest.MonkeyPatch, settings_cache: None) -> None:
    monkeypatch.delenv("API_KEY", raising=False)


@pytest.fixture
def event_log(solution: Solution, overrides: dict) -> list[dict[str, Any]]:
    """``yield`` 의존성이 단계를 기록하는, 이 테스트만의 목록."""
    log: list[dict[str, Any]] = []
    overrides[solution.hook("get_event_log", EVENT_LOG_WHY)] = lambda: log
    return log
