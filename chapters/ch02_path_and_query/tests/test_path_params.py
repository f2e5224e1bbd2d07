"""타입이 있는 경로 매개변수: ``/items/{item_id}``는 문자열을 1..1000 사이 ``int``로 바꾼다."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import error_kinds, parameter, validation_errors

ITEM_ID = ("path", "item_id")


@pytest.mark.points(2)
def test_item_is_found_by_its_id(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    """`GET /items/{item_id}`는 그 번호의 상품 전체를 돌려준다."""
    response = client.get("/items/5")
    assert response.status_code == 200
    assert response.json() == catalog[4]


def test_path_text_is_converted_to_an_int(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """경로의 `"007"`은 정수 7로 바뀐다."""
    response = client.get("/items/007")
    assert response.status_code == 200
    assert response.json() == catalog[6]


@pytest.mark.parametrize("raw", ["abc", "1.5", "1e3", "%20"])
def test_text_that_is_not_an_int_is_422(client: TestClient, raw: str) -> None:
    """정수가 아닌 `item_id`는 `422 int_parsing`이다."""
    response = client.get(f"/items/{raw}")
    assert error_kinds(response) == [("int_parsing", ITEM_ID)]


def test_unknown_id_is_404_with_a_detail(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    """없는 번호는 그 번호를 적은 `detail`이 있는 `404`다."""
    response = client.get("/items/999")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert "999" in detail


def test_id_missing_between_others_is_404(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """번호 사이가 빈 목록에서도 없는 번호는 그다음 번호의 상품이 아니라 `404`다."""
    del catalog[2]  # 번호 3이 빠지고 2 다음은 4
    response = client.get("/items/3")
    assert response.status_code == 404
    assert client.get("/items/4").json() == catalog[2]


class TestBounds:
    """``Path(ge=1, le=1000)``: 경계값 그대로는 통과하고, 하나 넘으면 422다."""

    def test_lowest_id_is_accepted(self, client: TestClient, catalog: list[dict[str, Any]]) -> None:
        """가장 작은 번호 1을 받아들인다."""
        response = client.get("/items/1")
        assert response.status_code == 200
        assert response.json() == catalog[0]

    def test_highest_id_is_accepted(
        self, client: TestClient, catalog: list[dict[str, Any]]
    ) -> None:
        """가장 큰 번호 1000을 받아들인다."""
        last = {"id": 1000, "name": "천 번째 상품", "category": "food", "price": 1, "tags": []}
        catalog.append(last)
        response = client.get("/items/1000")
        assert response.status_code == 200
        assert response.json() == last

    @pytest.mark.parametrize(
        ("raw", "kind", "msg"),
        [
            ("0", "greater_than_equal", "Input should be greater than or equal to 1"),
            ("-1", "greater_than_equal", "Input should be greater than or equal to 1"),
            ("1001", "less_than_equal", "Input should be less than or equal to 1000"),
        ],
    )
    def test_out_of_bounds_is_422(self, client: TestClient, raw: str, kind: str, msg: str) -> None:
        """1보다 작거나 1000보다 큰 번호는 정확한 `type`, `loc`, `msg`가 있는 `422`다."""
        response = client.get(f"/items/{raw}")
        [error] = validation_errors(response)
        assert (error["type"], error["loc"], error["msg"]) == (kind, list(ITEM_ID), msg)


def test_docs_show_the_bounds(schema: dict[str, Any]) -> None:
    """문서에 `item_id`의 최솟값 1과 최댓값 1000이 나온다."""
    item_id = parameter(schema, "/items/{item_id}", "item_id")
    assert item_id["in"] == "path"
    assert item_id["required"] is True
    assert item_id["schema"]["type"] == "integer"
    assert (item_id["schema"]["minimum"], item_id["schema"]["maximum"]) == (1, 1000)
