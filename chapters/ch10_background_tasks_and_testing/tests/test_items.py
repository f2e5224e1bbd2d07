"""교재 4절: 교재의 이름 그대로 쓴 pytest 테스트 클래스와 fixture.

``client``는 "pytest fixture 활용"의 fixture라서 테스트마다 자기 DB를 쓴다(테스트 격리).
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import all_listed


class TestItemsAPI:
    """아이템 API 테스트"""

    def test_아이템_목록_조회(self, client: TestClient) -> None:
        """`GET /items`는 200과 목록(list)을 돌려준다."""
        response = client.get("/items")
        assert response.status_code == 200
        data = response.json()
        assert isinstance(data, list)

    @pytest.mark.points(2)
    def test_아이템_생성(self, client: TestClient) -> None:
        """`POST /items`는 201과 만든 아이템의 이름과 가격을 돌려준다."""
        response = client.post(
            "/items",
            json={"name": "테스트 아이템", "price": 1000},
        )
        assert response.status_code == 201
        data = response.json()
        assert data["name"] == "테스트 아이템"
        assert data["price"] == 1000

    def test_존재하지_않는_아이템_조회(self, client: TestClient) -> None:
        """없는 아이템을 조회하면 404와 `detail`을 돌려준다."""
        response = client.get("/items/99999")
        assert response.status_code == 404
        assert "detail" in response.json()


def test_아이템_생성(client: TestClient, sample_item: dict[str, Any]) -> None:
    """fixture로 받은 샘플 아이템을 만들면 201이고, 그 id로 다시 조회할 수 있다."""
    response = client.post("/items", json=sample_item)
    assert response.status_code == 201
    assert client.get(f"/items/{response.json()['id']}").json() == response.json()


@pytest.mark.points(2)
def test_아이템_생성_후_목록에_나온다(client: TestClient, sample_item: dict[str, Any]) -> None:
    """만든 아이템이 `GET /items` 목록에 나온다."""
    created = client.post("/items", json=sample_item).json()
    assert created in all_listed(client)


def test_each_test_starts_with_an_empty_database(client: TestClient, test_engine) -> None:
    """테스트마다 빈 테스트용 DB에서 시작한다(`get_db` 오버라이드, 테스트 격리).

    다른 테스트의 아이템은 그 테스트의 DB에 있고, 여기에는 없다.
    """
    assert client.get("/items").json() == []
    assert client.get("/items/1").status_code == 404
