"""중첩 모델과 리스트: 아이템의 ``images``, 그리고 한 본문에 담긴 아이템 JSON 배열."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .bodies import MINIMAL, MINIMAL_STORED
from .checks import added, error_kinds, stored, without_id
from .openapi import item_schema, resolve

IMAGES = [
    {"url": "https://example.com/images/keyboard-front.jpg", "name": "앞면"},
    {"url": "https://cdn.example.com/k/side.png?size=large", "name": "옆면"},
]


class TestNestedImages:
    @pytest.mark.points(2)
    def test_item_with_images_round_trips(self, client: TestClient) -> None:
        """`images`(중첩 모델의 리스트)가 있는 상품이 그대로 저장되고 돌아온다."""
        before = stored(client)
        response = client.post("/items", json={**MINIMAL, "images": IMAGES})
        assert response.status_code in (200, 201)  # the 201 is test_items.py's
        assert without_id(response.json()) == {**MINIMAL_STORED, "images": IMAGES}
        assert added(client, before) == [response.json()]

    @pytest.mark.points(2)
    def test_errors_inside_the_list_name_the_index_and_field(self, client: TestClient) -> None:
        """리스트 안의 오류는 `loc`에 위치(index)와 필드를 적는다."""
        before = stored(client)
        images = [{"url": "not a url", "name": "앞면"}, {"url": IMAGES[1]["url"]}]
        response = client.post("/items", json={**MINIMAL, "images": images})
        assert error_kinds(response) == [
            ("missing", ("body", "images", 1, "name")),
            ("url_parsing", ("body", "images", 0, "url")),
        ]
        assert stored(client) == before

    @pytest.mark.parametrize(
        ("images", "kind"),
        [
            pytest.param({"url": IMAGES[0]["url"], "name": "앞면"}, "list_type", id="an-object"),
            pytest.param(IMAGES * 3, "too_long", id="six-images"),
        ],
    )
    def test_images_must_be_a_short_list(self, client: TestClient, images: Any, kind: str) -> None:
        """`images`는 5개 이하의 리스트여야 한다."""
        before = stored(client)
        response = client.post("/items", json={**MINIMAL, "images": images})
        assert error_kinds(response) == [(kind, ("body", "images"))]
        assert stored(client) == before

    def test_five_images_are_accepted(self, client: TestClient) -> None:
        """`images`는 5개까지 받아들여 그대로 저장한다."""
        before = stored(client)
        images = [{**IMAGES[0], "name": f"사진 {n}"} for n in range(5)]
        response = client.post("/items", json={**MINIMAL, "images": images})
        assert response.status_code in (200, 201), response.text  # the 201 is test_items.py's
        [item] = added(client, before)
        assert item["images"] == images

    def test_image_names_at_the_limits_are_accepted(self, client: TestClient) -> None:
        """이미지 `name`은 1자와 100자를 받아들여 그대로 저장한다."""
        before = stored(client)
        images = [{**IMAGES[0], "name": "앞"}, {**IMAGES[1], "name": "옆" * 100}]
        response = client.post("/items", json={**MINIMAL, "images": images})
        assert response.status_code in (200, 201), response.text
        [item] = added(client, before)
        assert item["images"] == images

    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            pytest.param("", "string_too_short", id="empty"),
            pytest.param("옆" * 101, "string_too_long", id="101-chars"),
        ],
    )
    def test_image_names_past_the_limits_are_422(
        self, client: TestClient, name: str, kind: str
    ) -> None:
        """빈 이미지 `name`과 101자 `name`은 그 위치를 가리키는 `422`이고 저장되지 않는다."""
        before = stored(client)
        images = [IMAGES[0], {**IMAGES[1], "name": name}]
        response = client.post("/items", json={**MINIMAL, "images": images})
        assert error_kinds(response) == [(kind, ("body", "images", 1, "name"))]
        assert stored(client) == before

    def test_image_must_be_an_object(self, client: TestClient) -> None:
        """`images`의 각 항목은 객체여야 한다."""
        response = client.post("/items", json={**MINIMAL, "images": [IMAGES[0]["url"]]})
        assert error_kinds(response) == [("model_attributes_type", ("body", "images", 0))]

    def test_docs_nest_the_image_schema(self, schema: dict[str, Any]) -> None:
        """문서에서 `images`는 `Image` 스키마의 배열이다."""
        images = item_schema(schema)["properties"]["images"]
        assert images["type"] == "array"
        image = resolve(schema, images["items"])
        assert image["properties"]["url"]["format"] == "uri"
        assert sorted(image["required"]) == ["name", "url"]


class TestBulkList:
    """``POST /items/bulk``는 아이템 JSON 배열을 받아 모두 저장하거나 하나도 저장하지 않는다."""

    @pytest.mark.points(2)
    def test_every_item_of_the_array_is_stored(self, client: TestClient) -> None:
        """`POST /items/bulk`는 배열의 모든 상품을 순서대로 저장한다."""
        before = stored(client)
        bodies = [MINIMAL, {"name": "제주 감귤", "price": 18900, "images": IMAGES[:1]}]
        response = client.post("/items/bulk", json=bodies)
        assert response.status_code == 201
        first = response.json()[0]["id"]
        assert response.json() == [
            {"id": first, **MINIMAL_STORED},
            {"id": first + 1, **MINIMAL_STORED, **bodies[1]},
        ]
        assert added(client, before) == response.json()

    @pytest.mark.points(2)
    def test_one_bad_item_rejects_the_whole_array(self, client: TestClient) -> None:
        """배열에 잘못된 상품이 하나라도 있으면 `422`이고 아무것도 저장되지 않는다."""
        before = stored(client)
        bodies = [MINIMAL, {"name": "감귤", "price": "비쌈"}, MINIMAL]  # not a number at all
        response = client.post("/items/bulk", json=bodies)
        assert error_kinds(response) == [("float_parsing", ("body", 1, "price"))]
        assert stored(client) == before

    def test_an_array_of_one_item_is_stored(self, client: TestClient) -> None:
        """상품 하나짜리 배열도 받아들여 저장한다."""
        before = stored(client)
        response = client.post("/items/bulk", json=[MINIMAL])
        # The bulk 201 is test_every_item_of_the_array_is_stored's.
        assert response.status_code in (200, 201), response.text
        assert [without_id(item) for item in added(client, before)] == [MINIMAL_STORED]

    def test_empty_array_is_422(self, client: TestClient) -> None:
        """빈 배열은 `422`다."""
        before = stored(client)
        response = client.post("/items/bulk", json=[])
        assert error_kinds(response) == [("too_short", ("body",))]
        assert stored(client) == before

    def test_more_than_fifty_items_is_422(self, client: TestClient) -> None:
        """50개는 받아들이고 51개는 `422`다."""
        before = stored(client)
        # The bulk 201 is test_every_item_of_the_array_is_stored's.
        assert client.post("/items/bulk", json=[MINIMAL] * 50).status_code in (200, 201)
        response = client.post("/items/bulk", json=[MINIMAL] * 51)
        assert error_kinds(response) == [("too_long", ("body",))]
        assert len(added(client, before)) == 50

    def test_an_object_is_not_an_array(self, client: TestClient) -> None:
        """`/items/bulk`에 객체를 보내면 `422`다."""
        before = stored(client)
        response = client.post("/items/bulk", json=MINIMAL)
        assert error_kinds(response) == [("list_type", ("body",))]
        assert stored(client) == before
