"""챕터 4: ``response_model``은 저장된 데이터를 거르고 ``exclude_unset``은 줄인다. 리스트, dict."""

from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

ITEM_FIELDS = {"name", "description", "price", "tax", "tags"}
OPTIONAL = ("description", "tax", "tags")  # the fields `Item` gives a default

# README의 카탈로그: 설정한 필드가 서로 다른 세 항목(그 밖의 데이터는 풀이가 정한다).
SPARSE = "keyboard"  # only name and price set
FULL = "mouse"  # every field set, none to its default; at least one tag
EXPLICIT = "cable"  # description, tax and tags set, each to its default


def listed(client: TestClient, **params: str) -> list[dict]:
    response = client.get("/items", params=params)
    assert response.status_code == 200
    return response.json()


def answer_and_entry(client: TestClient, item_id: str) -> tuple[dict, dict]:
    """``GET /items/{item_id}``의 본문과, 같은 이름을 가진 ``GET /items`` 항목의 ``Item`` 필드."""
    response = client.get(f"/items/{item_id}")
    assert response.status_code == 200, response.text
    answer = response.json()
    (entry,) = (item for item in listed(client) if item["name"] == answer["name"])
    return answer, {field: value for field, value in entry.items() if field in ITEM_FIELDS}


class TestItemList:
    @pytest.mark.points(2)
    def test_list_answers_every_item_through_the_response_model(self, client: TestClient) -> None:
        """`GET /items`는 `Item`의 필드만 기본값까지 채워 돌려주고 `cost`는 내보내지 않는다.

        ``Item``의 모든 필드를 기본값까지 채우고, 그 밖에는 없다(내부용 ``cost``도 없다).
        """
        response = client.get("/items")
        assert response.status_code == 200
        items = response.json()
        assert all(set(item) == ITEM_FIELDS for item in items), items
        assert "cost" not in response.text
        names = {client.get(f"/items/{item_id}").json()["name"] for item_id in (SPARSE, FULL)}
        assert names <= {item["name"] for item in items}

    def test_list_counts_its_items_in_a_header(self, client: TestClient) -> None:
        """`GET /items`는 상품 수를 `X-Total-Count` 헤더에 담는다."""
        response = client.get("/items")
        assert len(response.json()) >= 3
        assert response.headers["x-total-count"] == str(len(response.json()))

    def test_list_filtered_by_tag(self, client: TestClient) -> None:
        """`tag`를 주면 그 태그가 붙은 상품만 돌려준다."""
        _, entry = answer_and_entry(client, FULL)
        tag = entry["tags"][0]
        tagged = [item for item in listed(client) if tag in item.get("tags", [])]
        response = client.get("/items", params={"tag": tag})
        assert response.status_code == 200
        assert response.json() == tagged
        assert len(tagged) < len(listed(client))  # the item with no tags is left out
        assert response.headers["x-total-count"] == str(len(tagged))

    def test_unknown_tag_gives_an_empty_list(self, client: TestClient) -> None:
        """어느 상품에도 없는 태그면 빈 목록 `[]`이다."""
        response = client.get("/items", params={"tag": f"없는태그-{uuid4().hex[:8]}"})
        assert response.status_code == 200
        assert response.json() == []
        assert response.headers["x-total-count"] == "0"

    def test_thirty_character_tag_is_accepted(self, client: TestClient) -> None:
        """30자 `tag`까지는 받아들인다: `422`가 아니라 그 태그의 상품 목록이다."""
        response = client.get("/items", params={"tag": "가" * 30})
        assert response.status_code == 200
        assert isinstance(response.json(), list)

    def test_too_long_tag_is_422(self, client: TestClient) -> None:
        """30자를 넘는 `tag`는 `422`이다."""
        response = client.get("/items", params={"tag": "가" * 31})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["query", "tag"]


class TestItemExcludeUnset:
    """``GET /items/{id}``는 저장된 항목이 설정한 필드만 보내고, 기본값은 보내지 않는다."""

    @pytest.mark.points(2)
    def test_unset_fields_are_left_out(self, client: TestClient) -> None:
        """`GET /items/{item_id}`는 상품에 설정되지 않은 필드를 응답에서 뺀다."""
        answer, entry = answer_and_entry(client, SPARSE)
        assert answer == {"name": entry["name"], "price": entry["price"]}

    def test_fields_set_to_other_values_are_all_sent(self, client: TestClient) -> None:
        """모든 필드를 설정한 상품은 모든 필드가 응답에 있다."""
        answer, entry = answer_and_entry(client, FULL)
        assert answer == entry
        assert set(answer) == ITEM_FIELDS
        _, explicit = answer_and_entry(client, EXPLICIT)  # its fields hold the defaults
        assert all(answer[field] != explicit[field] for field in OPTIONAL), (answer, explicit)

    def test_fields_explicitly_set_to_defaults_are_kept(self, client: TestClient) -> None:
        """기본값과 같은 값이라도 직접 설정한 필드는 응답에 남는다.

        설정했으면 설정한 것이다: 항목에 적힌 기본값(``None``, ``[]`` 같은)은 응답에 남는다.
        """
        answer, entry = answer_and_entry(client, EXPLICIT)
        assert answer == entry
        assert set(answer) == ITEM_FIELDS

    def test_unknown_item_is_404(self, client: TestClient) -> None:
        """없는 상품은 문자열 `detail`의 `404`이다."""
        response = client.get(f"/items/no-such-item-{uuid4().hex[:8]}")
        assert response.status_code == 404
        assert isinstance(response.json()["detail"], str)


def test_dict_response_maps_keywords_to_weights(client: TestClient) -> None:
    """`GET /keyword-weights`는 검색어→가중치 `dict`를 돌려준다."""
    response = client.get("/keyword-weights")
    assert response.status_code == 200
    weights = response.json()
    assert isinstance(weights, dict)
    assert weights
    assert all(isinstance(weight, float) for weight in weights.values()), weights


class TestUnionResponse:
    """``GET /vehicles/{id}``는 각자의 필드를 가진 ``Car`` 또는 ``Plane``으로 답한다."""

    def test_car_has_only_car_fields(self, client: TestClient) -> None:
        """자동차(`Car`) 응답에는 자동차의 필드만 있다."""
        response = client.get("/vehicles/1")
        assert response.status_code == 200
        assert set(response.json()) == {"type", "description"}

    @pytest.mark.points(2)
    def test_plane_keeps_its_size(self, client: TestClient) -> None:
        """비행기(`Plane`) 응답에는 `size`까지 남는다."""
        response = client.get("/vehicles/2")
        assert response.status_code == 200
        assert set(response.json()) == {"type", "description", "size"}

    def test_schema_documents_both_shapes(self, client: TestClient) -> None:
        """`/openapi.json`은 `/vehicles/{vehicle_id}`의 두 가지 응답 모양을 모두 적는다."""
        schema = client.get("/openapi.json").json()
        answer = schema["paths"]["/vehicles/{vehicle_id}"]["get"]["responses"]["200"]
        body = answer["content"]["application/json"]["schema"]
        variants = body.get("oneOf") or body.get("anyOf")
        refs = {variant["$ref"].rsplit("/", 1)[1] for variant in variants}
        components = schema["components"]["schemas"]
        properties = [set(components[ref]["properties"]) for ref in refs]
        assert sorted(properties, key=len) == [
            {"type", "description"},
            {"type", "description", "size"},
        ]

    def test_unknown_vehicle_is_404(self, client: TestClient) -> None:
        """없는 차량은 `404`이다."""
        response = client.get("/vehicles/99")
        assert response.status_code == 404
        assert isinstance(response.json()["detail"], str)

    def test_vehicle_id_must_be_an_integer(self, client: TestClient) -> None:
        """정수가 아닌 차량 id는 `422`이다."""
        response = client.get("/vehicles/first")
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["path", "vehicle_id"]
