"""사용자 정의 검증기: ``Field``로 말할 수 없는 규칙, 필드 하나와 여러 필드에 걸쳐.

422는 Pydantic의 ``value_error`` 항목이고, ``msg``는 "Value error, " 뒤에 검증기의 메시지를 담는다.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .bodies import MINIMAL
from .checks import added, custom_error, stored


class TestFieldValidators:
    @pytest.mark.points(2)
    def test_name_is_stored_stripped(self, client: TestClient) -> None:
        """`name`은 앞뒤 공백을 지운 채 저장한다."""
        before = stored(client)
        response = client.post("/items", json={**MINIMAL, "name": "  제주 감귤\t "})
        assert response.status_code in (200, 201)  # the 201 is test_items.py's
        assert response.json()["name"] == "제주 감귤"
        [item] = added(client, before)
        assert item["name"] == "제주 감귤"

    @pytest.mark.parametrize("name", [" ", "   ", "\t\n"], ids=["space", "spaces", "tab-newline"])
    def test_blank_name_is_422(self, client: TestClient, name: str) -> None:
        """공백뿐인 `name`은 `422 value_error`다."""
        before = stored(client)
        custom_error(client.post("/items", json={**MINIMAL, "name": name}), ["body", "name"])
        assert stored(client) == before

    def test_tags_are_normalized(self, client: TestClient) -> None:
        """태그는 공백을 지우고 소문자로 바꾸고 중복을 뺀다."""
        tags = [" Sale", "sale", "신상품 ", "SALE", "Office"]
        response = client.post("/items", json={**MINIMAL, "tags": tags})
        assert response.status_code in (200, 201)  # the 201 is test_items.py's
        assert response.json()["tags"] == ["sale", "신상품", "office"]

    def test_blank_tag_is_422(self, client: TestClient) -> None:
        """빈 태그는 `422 value_error`다."""
        before = stored(client)
        response = client.post("/items", json={**MINIMAL, "tags": ["과일", "  "]})
        custom_error(response, ["body", "tags"])
        assert stored(client) == before


class TestModelValidator:
    """``discount_price``는 ``price``보다 낮아야 한다: 두 필드에 걸친 규칙."""

    @pytest.mark.parametrize("discount", [59000, 60000], ids=["equal", "above"])
    def test_discount_not_below_price_is_422(self, client: TestClient, discount: int) -> None:
        """`discount_price`가 `price`보다 낮지 않으면 `422`다(`model_validator`)."""
        before = stored(client)
        response = client.post("/items", json={**MINIMAL, "discount_price": discount})
        custom_error(response, ["body"])
        assert stored(client) == before

    def test_rule_holds_on_put(self, client: TestClient, created: dict[str, Any]) -> None:
        """할인가 규칙은 `PUT`에서도 지켜진다."""
        before = stored(client)
        response = client.put(
            f"/items/{created['id']}", json={"name": "감귤", "price": 100, "discount_price": 100}
        )
        custom_error(response, ["body"])
        assert stored(client) == before


def test_validators_run_on_every_item_of_a_bulk_body(client: TestClient) -> None:
    """검증기는 `/items/bulk` 배열의 모든 상품에 적용된다."""
    before = stored(client)
    bodies = [MINIMAL, {**MINIMAL, "name": "   "}, {**MINIMAL, "discount_price": 1e6}]
    response = client.post("/items/bulk", json=bodies)
    assert response.status_code == 422
    locs = sorted((e["type"], e["loc"]) for e in response.json()["detail"])
    assert locs == [("value_error", ["body", 1, "name"]), ("value_error", ["body", 2])]
    assert stored(client) == before
