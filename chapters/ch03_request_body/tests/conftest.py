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
    """저장된 아이템 하나(``MINIMAL``), ``POST /items``가 돌려준 그대로.

    201인지는 ``test_items.py``가 채점합니다: 200으로 만드는 풀이도 PUT 테스트는 치릅니다."""
    response = client.post("/items", json=MINIMAL)
    assert response.status_code in (200, 201), response.text  # created, whatever the status
    return response.json()


@pytest.fixture
def schema(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()
