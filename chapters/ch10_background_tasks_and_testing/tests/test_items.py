"""Section 4 of the course text: a pytest test class and fixtures, with the text's own names.

The text makes one module-level ``client = TestClient(app)``; here ``client`` is the fixture of
the text's "pytest fixture 활용" part, so that each test gets its own database (테스트 격리).
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient


class TestItemsAPI:
    """아이템 API 테스트"""

    def test_아이템_목록_조회(self, client: TestClient) -> None:
        response = client.get("/items")
        assert response.status_code == 200
        data = response.json()
        assert isinstance(data, list)

    @pytest.mark.points(2)
    def test_아이템_생성(self, client: TestClient) -> None:
        response = client.post(
            "/items",
            json={"name": "테스트 아이템", "price": 1000},
        )
        assert response.status_code == 201
        data = response.json()
        assert data["name"] == "테스트 아이템"
        assert data["price"] == 1000

    def test_존재하지_않는_아이템_조회(self, client: TestClient) -> None:
        response = client.get("/items/99999")
        assert response.status_code == 404
        assert "detail" in response.json()


def test_아이템_생성(client: TestClient, sample_item: dict[str, Any]) -> None:
    response = client.post("/items", json=sample_item)
    assert response.status_code == 201
    assert client.get(f"/items/{response.json()['id']}").json() == response.json()


@pytest.mark.points(2)
def test_아이템_생성_후_목록에_나온다(client: TestClient, sample_item: dict[str, Any]) -> None:
    created = client.post("/items", json=sample_item).json()
    assert client.get("/items").json() == [created]


def test_each_test_starts_with_an_empty_database(client: TestClient) -> None:
    """테스트 격리: the other tests' items are in their own databases, not here."""
    assert client.get("/items").json() == []
    assert client.get("/items/1").status_code == 404
