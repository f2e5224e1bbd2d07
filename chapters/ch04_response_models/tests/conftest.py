"""Fixtures of chapter 4's suite: the solution under test, clients on it, a store to look into.

Grading contract (what ``--solution ch04=<module>`` must provide):

- ``app``: the FastAPI application; it runs its lifespan under ``with TestClient(app)``. Every
  test but the ``users_db`` ones runs over HTTP on the app's own store.
- ``get_user_store``: only for the tests that look at what is stored (the ``users_db`` fixture):
  the suite overrides it with a plain ``dict`` of its own and expects the app to keep each user
  there under its username, as an object with ``username`` and ``hashed_password``.
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
    """A client on a run of the app (its lifespan runs), on the app's own user store."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def users_db(app: FastAPI, solution: Solution) -> Iterator[dict]:
    """This test's own user store, put in through ``get_user_store``: the test looks inside."""
    store: dict = {}
    with overridden(app, {solution.hook("get_user_store", STORE_WHY): lambda: store}):
        yield store


@pytest.fixture
def username() -> str:
    """A username no other test uses (the app's own store may outlive one test)."""
    return f"user_{uuid4().hex[:8]}"
