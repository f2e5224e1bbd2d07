"""챕터 3 테스트의 fixture: 채점할 풀이와 그 앱에 붙은 클라이언트.

채점 계약은 README에 있다: 풀이 모듈의 ``app`` 하나를 HTTP로만 확인한다.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures

from .bodies import MINIMAL

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """``with``로 클라이언트를 열면 앱의 lifespan이 돈다(이 챕터의 앱은 빈 저장소를 새로 만든다)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def created(client: TestClient) -> dict[str, Any]:
    """저장된 아이템 하나(``MINIMAL``), ``POST /items``가 돌려준 그대로."""
    response = client.post("/items", json=MINIMAL)
    assert response.status_code == 201
    return response.json()


@pytest.fixture
def schema(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()
