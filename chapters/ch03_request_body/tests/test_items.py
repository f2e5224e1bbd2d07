"""``Item(name, price)`` bodies: created, read back, and what a body that is not an item gets."""

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .bodies import MINIMAL, MINIMAL_STORED
from .checks import error_kinds, stored, validation_errors


@pytest.mark.points(2)
def test_post_creates_an_item_with_its_defaults(client: TestClient) -> None:
    response = client.post("/items", json=MINIMAL)
    assert response.status_code == 201
    assert response.json() == {"id": 1, **MINIMAL_STORED}


@pytest.mark.points(2)
def test_created_item_is_read_back(client: TestClient, created: dict[str, Any]) -> None:
    response = client.get(f"/items/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created
    assert stored(client) == [created]


def test_each_item_gets_the_next_id(client: TestClient, created: dict[str, Any]) -> None:
    second = client.post("/items", json={"name": "USB-C 충전기", "price": 25000}).json()
    assert second["id"] == created["id"] + 1
    assert [item["id"] for item in stored(client)] == [created["id"], second["id"]]


def test_korean_and_emoji_text_round_trips(client: TestClient) -> None:
    body = {"name": "제주 감귤 🍊", "price": 18900, "description": "새콤달콤 — 당도 12브릭스"}
    response = client.post("/items", json=body)
    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    item = client.get(f"/items/{response.json()['id']}").json()
    assert (item["name"], item["description"]) == (body["name"], body["description"])


def test_unknown_item_is_404_with_a_detail(client: TestClient, created: dict[str, Any]) -> None:
    response = client.get("/items/99")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert "99" in detail


def test_store_starts_empty_on_every_start_up(app: FastAPI) -> None:
    """Part of the contract: each ``with TestClient(app)`` block sees a fresh store."""
    with TestClient(app) as first:
        assert stored(first) == []
        assert first.post("/items", json=MINIMAL).status_code == 201
        assert len(stored(first)) == 1
    with TestClient(app) as second:
        assert stored(second) == []


class TestBadBodies:
    """A body that is not an item is a 422 naming what is wrong, and nothing is stored."""

    @pytest.mark.points(2)
    def test_missing_fields_are_each_reported(self, client: TestClient) -> None:
        response = client.post("/items", json={})
        assert error_kinds(response) == [
            ("missing", ("body", "name")),
            ("missing", ("body", "price")),
        ]
        assert {error["msg"] for error in response.json()["detail"]} == {"Field required"}
        assert stored(client) == []

    def test_only_the_missing_field_is_reported(self, client: TestClient) -> None:
        response = client.post("/items", json={"name": "test"})
        assert error_kinds(response) == [("missing", ("body", "price"))]
        assert stored(client) == []

    @pytest.mark.points(2)
    def test_wrong_types_are_each_reported(self, client: TestClient) -> None:
        response = client.post("/items", json={"name": 123, "price": "비쌈", "tags": "과일"})
        assert error_kinds(response) == [
            ("float_parsing", ("body", "price")),
            ("list_type", ("body", "tags")),
            ("string_type", ("body", "name")),
        ]
        assert stored(client) == []

    @pytest.mark.parametrize("body", [[], "감귤", 5], ids=["array", "string", "number"])
    def test_json_that_is_not_an_object_is_422(self, client: TestClient, body: Any) -> None:
        response = client.post("/items", json=body)
        assert error_kinds(response) == [("model_attributes_type", ("body",))]
        assert stored(client) == []

    def test_no_body_is_422_missing(self, client: TestClient) -> None:
        assert error_kinds(client.post("/items")) == [("missing", ("body",))]
        assert stored(client) == []

    def test_malformed_json_is_422_not_500(self, client: TestClient) -> None:
        response = client.post(
            "/items",
            content='{"name": "감귤",'.encode(),
            headers={"content-type": "application/json"},
        )
        [error] = validation_errors(response)
        assert error["type"] == "json_invalid"
        assert error["loc"][0] == "body"
        assert stored(client) == []

    def test_form_data_is_not_a_json_body(self, client: TestClient) -> None:
        response = client.post("/items", data={"name": "감귤", "price": "1000"})
        assert response.status_code == 422
        assert stored(client) == []
