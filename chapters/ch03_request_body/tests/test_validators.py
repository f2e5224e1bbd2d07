"""Custom validators: rules ``Field`` cannot say, on one field and across fields.

Their 422s are Pydantic's ``value_error`` entries: ``loc`` says where, and ``msg`` carries the
validator's own message after "Value error, ".
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .bodies import MINIMAL
from .checks import custom_error, stored


class TestFieldValidators:
    @pytest.mark.points(2)
    def test_name_is_stored_stripped(self, client: TestClient) -> None:
        response = client.post("/items", json={**MINIMAL, "name": "  제주 감귤\t "})
        assert response.status_code == 201
        assert response.json()["name"] == "제주 감귤"
        assert stored(client)[0]["name"] == "제주 감귤"

    @pytest.mark.parametrize("name", [" ", "   ", "\t\n"], ids=["space", "spaces", "tab-newline"])
    def test_blank_name_is_422(self, client: TestClient, name: str) -> None:
        custom_error(client.post("/items", json={**MINIMAL, "name": name}), ["body", "name"])
        assert stored(client) == []

    def test_tags_are_normalized(self, client: TestClient) -> None:
        tags = [" Sale", "sale", "신상품 ", "SALE", "Office"]
        response = client.post("/items", json={**MINIMAL, "tags": tags})
        assert response.status_code == 201
        assert response.json()["tags"] == ["sale", "신상품", "office"]

    def test_blank_tag_is_422(self, client: TestClient) -> None:
        response = client.post("/items", json={**MINIMAL, "tags": ["과일", "  "]})
        custom_error(response, ["body", "tags"])
        assert stored(client) == []


class TestModelValidator:
    """``discount_price`` must be below ``price``: a rule across two fields."""

    @pytest.mark.parametrize("discount", [59000, 60000], ids=["equal", "above"])
    def test_discount_not_below_price_is_422(self, client: TestClient, discount: int) -> None:
        response = client.post("/items", json={**MINIMAL, "discount_price": discount})
        custom_error(response, ["body"])
        assert stored(client) == []

    def test_rule_holds_on_put(self, client: TestClient, created: dict[str, Any]) -> None:
        response = client.put(
            f"/items/{created['id']}", json={"name": "감귤", "price": 100, "discount_price": 100}
        )
        custom_error(response, ["body"])
        assert stored(client) == [created]


def test_validators_run_on_every_item_of_a_bulk_body(client: TestClient) -> None:
    bodies = [MINIMAL, {**MINIMAL, "name": "   "}, {**MINIMAL, "discount_price": 1e6}]
    response = client.post("/items/bulk", json=bodies)
    assert response.status_code == 422
    locs = sorted((e["type"], e["loc"]) for e in response.json()["detail"])
    assert locs == [("value_error", ["body", 1, "name"]), ("value_error", ["body", 2])]
    assert stored(client) == []
