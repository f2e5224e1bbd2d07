"""``Item(name, price)`` 본문: 생성, 다시 읽기, 아이템이 아닌 본문이 받는 응답."""

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .bodies import MINIMAL, MINIMAL_STORED
from .checks import added, error_kinds, stored, unknown_id, validation_errors


@pytest.mark.points(2)
def test_post_creates_an_item_with_its_defaults(client: TestClient) -> None:
    """`POST /items`는 `201`과 기본값이 채워진 상품 전체를 새 `id`와 함께 돌려준다."""
    before = stored(client)
    response = client.post("/items", json=MINIMAL)
    assert response.status_code == 201
    body = response.json()
    assert isinstance(body["id"], int)
    assert body == {"id": body["id"], **MINIMAL_STORED}
    assert added(client, before) == [body]


@pytest.mark.points(2)
def test_created_item_is_read_back(client: TestClient, created: dict[str, Any]) -> None:
    """만든 상품을 번호로, 그리고 목록에서 다시 읽을 수 있다."""
    response = client.get(f"/items/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created
    assert [item for item in stored(client) if item["id"] == created["id"]] == [created]


def test_each_item_gets_the_next_id(client: TestClient, created: dict[str, Any]) -> None:
    """다음 상품은 바로 다음 번호를 받는다."""
    second = client.post("/items", json={"name": "USB-C 충전기", "price": 25000}).json()
    assert second["id"] == created["id"] + 1
    assert [item["id"] for item in stored(client)][-2:] == [created["id"], second["id"]]


def test_korean_and_emoji_text_round_trips(client: TestClient) -> None:
    """한국어와 이모지가 든 글자가 그대로 저장되고 돌아온다."""
    body = {"name": "제주 감귤 🍊", "price": 18900, "description": "새콤달콤 — 당도 12브릭스"}
    response = client.post("/items", json=body)
    assert response.status_code in (200, 201)  # the 201 is test_post_creates_...'s
    assert response.headers["content-type"].startswith("application/json")
    item = client.get(f"/items/{response.json()['id']}").json()
    assert (item["name"], item["description"]) == (body["name"], body["description"])


def test_unknown_item_is_404_with_a_detail(client: TestClient, created: dict[str, Any]) -> None:
    """없는 번호는 그 번호를 적은 `detail`이 있는 `404`다."""
    item_id = unknown_id(client)
    response = client.get(f"/items/{item_id}")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert str(item_id) in detail


def test_store_starts_empty_on_every_start_up(app: FastAPI) -> None:
    """앱이 시작할 때마다(`with TestClient(app)`마다) 저장소가 비어 있고 번호는 1부터다.

    채점 계약의 일부: ``with TestClient(app)`` 블록마다 새 저장소를 본다.
    """
    with TestClient(app) as first:
        assert stored(first) == []
        response = first.post("/items", json=MINIMAL)
        assert response.status_code in (200, 201)  # the 201 is test_post_creates_...'s
        assert response.json()["id"] == 1  # ids start at 1 in an empty store
        assert len(stored(first)) == 1
    with TestClient(app) as second:
        assert stored(second) == []


class TestBadBodies:
    """아이템이 아닌 본문은 무엇이 틀렸는지 밝힌 422를 받고, 아무것도 저장되지 않는다."""

    @pytest.mark.points(2)
    def test_missing_fields_are_each_reported(self, client: TestClient) -> None:
        """빈 본문은 빠진 필드 `name`과 `price`를 각각 `422 missing`으로 알린다."""
        before = stored(client)
        response = client.post("/items", json={})
        assert error_kinds(response) == [
            ("missing", ("body", "name")),
            ("missing", ("body", "price")),
        ]
        assert {error["msg"] for error in response.json()["detail"]} == {"Field required"}
        assert stored(client) == before

    def test_only_the_missing_field_is_reported(self, client: TestClient) -> None:
        """빠진 필드 하나만 `422`에 나온다."""
        before = stored(client)
        response = client.post("/items", json={"name": "test"})
        assert error_kinds(response) == [("missing", ("body", "price"))]
        assert stored(client) == before

    @pytest.mark.points(2)
    def test_wrong_types_are_each_reported(self, client: TestClient) -> None:
        """타입이 틀린 필드마다 `422` 오류가 하나씩 나온다."""
        before = stored(client)
        response = client.post("/items", json={"name": 123, "price": "비쌈", "tags": "과일"})
        assert error_kinds(response) == [
            ("float_parsing", ("body", "price")),
            ("list_type", ("body", "tags")),
            ("string_type", ("body", "name")),
        ]
        assert stored(client) == before

    @pytest.mark.parametrize("body", [[], "감귤", 5], ids=["array", "string", "number"])
    def test_json_that_is_not_an_object_is_422(self, client: TestClient, body: Any) -> None:
        """객체가 아닌 JSON(배열, 문자열, 숫자) 본문은 `422`다."""
        before = stored(client)
        response = client.post("/items", json=body)
        assert error_kinds(response) == [("model_attributes_type", ("body",))]
        assert stored(client) == before

    def test_no_body_is_422_missing(self, client: TestClient) -> None:
        """본문이 없으면 `422 missing`이다."""
        before = stored(client)
        assert error_kinds(client.post("/items")) == [("missing", ("body",))]
        assert stored(client) == before

    def test_malformed_json_is_422_not_500(self, client: TestClient) -> None:
        """깨진 JSON은 `500`이 아니라 `422 json_invalid`다."""
        before = stored(client)
        response = client.post(
            "/items",
            content='{"name": "감귤",'.encode(),
            headers={"content-type": "application/json"},
        )
        [error] = validation_errors(response)
        assert error["type"] == "json_invalid"
        assert error["loc"][0] == "body"
        assert stored(client) == before

    def test_form_data_is_not_a_json_body(self, client: TestClient) -> None:
        """폼 데이터는 JSON 본문이 아니므로 `422`다."""
        before = stored(client)
        response = client.post("/items", data={"name": "감귤", "price": "1000"})
        assert response.status_code == 422
        assert stored(client) == before
