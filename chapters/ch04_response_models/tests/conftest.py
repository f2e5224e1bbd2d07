"""챕터 4 테스트의 fixture: 채점할 풀이, 그 앱에 붙은 클라이언트, 들여다볼 저장소.

채점 계약은 README에 있다: ``app``, 그리고 ``users_db``를 쓰는 테스트에만 ``get_user_store``.
"""

from collections.abc import Iterator
from uuid import uuid4

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import Solution, chapter_fixtures, cheap_argon2, overridden

solution, app = chapter_fixtures(__name__)


@pytest.fixture(autouse=True)
def cheap_hashing() -> Iterator[None]:
    """우리 풀이의 argon2를 가장 싼 설정으로: 해시 형식은 같고 테스트는 빨라집니다."""
    with cheap_argon2(f"{__package__.rpartition('.')[0]}.app.security"):
        yield


STORE_WHY = "저장된 사용자(비밀번호 해시)를 들여다보려면 필요합니다"


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """앱을 한 번 실행한(lifespan이 도는) 클라이언트, 앱 자신의 사용자 저장소 위에서."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def users_db(app: FastAPI, solution: Solution) -> Iterator[dict]:
    """``get_user_store``로 넣은 이 테스트만의 사용자 저장소: 테스트가 안을 들여다본다."""
    store: dict = {}
    with overridden(app, {solution.hook("get_user_store", STORE_WHY): lambda: store}):
        yield store


@pytest.fixture
def username() -> str:
    """다른 테스트가 쓰지 않는 사용자 이름(앱 자신의 저장소는 테스트보다 오래 남을 수 있다)."""
    return f"user_{uuid4().hex[:8]}"
