"""Chapter 5: ``/items`` CRUD — list with page/size, read, create, replace, patch, delete."""

from urllib.parse import urljoin

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .helpers import (
    ITEM_FIELDS,
    all_items,
    assert_detail_message,
    assert_validation_error,
    create_item,
)


class TestList:
    def test_no_items_is_an_empty_list(self, client: TestClient) -> None:
        response = client.get("/items")
        assert response.status_code == 200
        assert response.json() == []
        assert response.headers["x-total-count"] == "0"

    @pytest.mark.points(2)
    def test_pages_split_the_items_in_id_order(self, client: TestClient) -> None:
        ids = [create_item(client, f"아이템 {n}", n * 100)["id"] for n in range(25)]
        pages = [client.get("/items", params={"page": p, "size": 10}) for p in (1, 2, 3)]
        assert [[item["id"] for item in page.json()] for page in pages] == [
            ids[:10],
            ids[10:20],
            ids[20:],
        ]
        assert {page.headers["x-total-count"] for page in pages} == {"25"}
        assert set(pages[0].json()[0]) == ITEM_FIELDS

    def test_page_and_size_are_optional(self, client: TestClient) -> None:
        """Absent: page 1 of 10."""
        ids = [create_item(client, f"아이템 {n}")["id"] for n in range(12)]
        assert [item["id"] for item in client.get("/items").json()] == ids[:10]
        second = client.get("/items", params={"page": 2})
        assert [item["id"] for item in second.json()] == ids[10:]

    @pytest.mark.parametrize("size", [1, 100])
    def test_size_bounds_are_accepted(self, client: TestClient, size: int) -> None:
        ids = [create_item(client, f"아이템 {n}")["id"] for n in range(2)]
        response = client.get("/items", params={"size": size})
        assert response.status_code == 200
        assert [item["id"] for item in response.json()] == ids[:size]

    @pytest.mark.parametrize("page", [2, 10**20])
    def test_page_past_the_end_is_empty(self, client: TestClient, page: int) -> None:
        create_item(client)
        response = client.get("/items", params={"page": page})
        assert response.status_code == 200
        assert response.json() == []
        assert response.headers["x-total-count"] == "1"

    @pytest.mark.parametrize(
        ("params", "name"),
        [
            ({"page": 0}, "page"),
            ({"page": -1}, "page"),
            ({"page": "첫째"}, "page"),
            ({"size": 0}, "size"),
            ({"size": 101}, "size"),
            ({"size": 1.5}, "size"),
        ],
    )
    def test_bad_page_or_size_is_422(self, client: TestClient, params: dict, name: str) -> None:
        assert_validation_error(client.get("/items", params=params), ["query", name])


class TestRead:
    def test_read_answers_the_whole_item(self, client: TestClient) -> None:
        created = create_item(client, "라떼", 5000, description="우유 듬뿍", stock=3)
        response = client.get(f"/items/{created['id']}")
        assert response.status_code == 200
        assert response.json() == {
            "id": created["id"],
            "name": "라떼",
            "price": 5000,
            "description": "우유 듬뿍",
            "stock": 3,
        }

    @pytest.mark.points(2)
    def test_unknown_item_is_404_naming_it(self, client: TestClient) -> None:
        response = client.get("/items/99999")
        assert response.status_code == 404
        assert_detail_message(response, 99999)

    @pytest.mark.parametrize("item_id", ["0", "-3", "abc", "1.5"])
    def test_bad_item_id_is_422(self, client: TestClient, item_id: str) -> None:
        assert_validation_error(client.get(f"/items/{item_id}"), ["path", "item_id"])


class TestCreate:
    @pytest.mark.points(3)
    def test_created_is_201_with_the_item_and_its_location(self, client: TestClient) -> None:
        body = {"name": "아메리카노", "price": 4500, "description": "산미 있는 원두", "stock": 7}
        response = client.post("/items", json=body)
        assert response.status_code == 201
        created = response.json()
        assert created == {"id": created["id"], **body}
        assert isinstance(created["id"], int)
        assert created["id"] >= 1
        location = urljoin(str(response.url), response.headers["location"])
        assert location == f"http://testserver/items/{created['id']}"
        assert client.get(location).json() == created

    def test_optional_fields_take_their_defaults(self, client: TestClient) -> None:
        created = create_item(client, "녹차", 4000)
        assert (created["description"], created["stock"]) == (None, 0)

    def test_unicode_name_is_kept_and_trimmed(self, client: TestClient) -> None:
        created = create_item(client, "  유자차 🍋  ", 5500)
        assert created["name"] == "유자차 🍋"
        assert client.get(f"/items/{created['id']}").json()["name"] == "유자차 🍋"

    @pytest.mark.points(2)
    def test_taken_name_is_409_and_stores_nothing(self, client: TestClient) -> None:
        first = create_item(client, "아메리카노", 4500)
        response = client.post("/items", json={"name": "아메리카노", "price": 9999})
        assert response.status_code == 409
        assert_detail_message(response, "아메리카노")
        assert all_items(client) == [first]

    @pytest.mark.parametrize(
        ("body", "locations"),
        [
            ({"price": 100}, [["body", "name"]]),
            ({"name": "커피"}, [["body", "price"]]),
            ({"name": "", "price": 100}, [["body", "name"]]),
            ({"name": "   ", "price": 100}, [["body", "name"]]),
            ({"name": "가" * 51, "price": 100}, [["body", "name"]]),
            ({"name": "커피", "price": -1}, [["body", "price"]]),
            ({"name": "커피", "price": 1.5}, [["body", "price"]]),
            ({"name": "커피", "price": "비쌈"}, [["body", "price"]]),
            ({"name": "커피", "price": 100, "stock": -1}, [["body", "stock"]]),
            ({"name": "커피", "price": 100, "description": "설" * 301}, [["body", "description"]]),
            ({"name": "커피", "price": 100, "id": 7}, [["body", "id"]]),
            (["커피", 100], [["body"]]),
        ],
    )
    def test_bad_body_is_422_and_stores_nothing(
        self, client: TestClient, body: object, locations: list
    ) -> None:
        assert_validation_error(client.post("/items", json=body), *locations)
        assert all_items(client) == []


class TestReplace:
    @pytest.mark.points(2)
    def test_put_replaces_every_field(self, client: TestClient) -> None:
        created = create_item(client, "라떼", 5000, description="우유", stock=4)
        response = client.put(
            f"/items/{created['id']}", json={"name": "바닐라 라떼", "price": 5500}
        )
        assert response.status_code == 200
        replaced = {
            "id": created["id"],
            "name": "바닐라 라떼",
            "price": 5500,
            "description": None,  # left out of a PUT: back to its default
            "stock": 0,
        }
        assert response.json() == replaced
        assert client.get(f"/items/{created['id']}").json() == replaced

    def test_put_may_keep_the_item_s_own_name(self, client: TestClient) -> None:
        created = create_item(client, "라떼", 5000)
        response = client.put(f"/items/{created['id']}", json={"name": "라떼", "price": 5200})
        assert response.status_code == 200
        assert response.json()["price"] == 5200

    def test_put_of_an_unknown_item_is_404_and_creates_nothing(self, client: TestClient) -> None:
        response = client.put("/items/12345", json={"name": "라떼", "price": 5000})
        assert response.status_code == 404
        assert_detail_message(response, 12345)
        assert all_items(client) == []

    def test_put_to_a_taken_name_is_409_and_changes_nothing(self, client: TestClient) -> None:
        create_item(client, "라떼", 5000)
        mocha = create_item(client, "모카", 5500)
        response = client.put(f"/items/{mocha['id']}", json={"name": "라떼", "price": 1})
        assert response.status_code == 409
        assert_detail_message(response, "라떼")
        assert client.get(f"/items/{mocha['id']}").json() == mocha

    def test_put_without_a_required_field_is_422(self, client: TestClient) -> None:
        created = create_item(client, "라떼", 5000)
        response = client.put(f"/items/{created['id']}", json={"name": "라떼"})
        assert_validation_error(response, ["body", "price"])
        assert client.get(f"/items/{created['id']}").json() == created


class TestPatch:
    @pytest.mark.points(2)
    def test_patch_changes_only_the_fields_sent(self, client: TestClient) -> None:
        created = create_item(client, "라떼", 5000, description="우유", stock=4)
        response = client.patch(f"/items/{created['id']}", json={"price": 5300})
        assert response.status_code == 200
        assert response.json() == {**created, "price": 5300}
        assert client.get(f"/items/{created['id']}").json() == {**created, "price": 5300}

    def test_empty_patch_changes_nothing(self, client: TestClient) -> None:
        created = create_item(client, "라떼", 5000, description="우유")
        response = client.patch(f"/items/{created['id']}", json={})
        assert response.status_code == 200
        assert response.json() == created

    def test_null_description_clears_it(self, client: TestClient) -> None:
        created = create_item(client, "라떼", 5000, description="우유")
        response = client.patch(f"/items/{created['id']}", json={"description": None})
        assert response.json() == {**created, "description": None}

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"name": None}, "name"),
            ({"price": None}, "price"),
            ({"name": ""}, "name"),
            ({"price": -5}, "price"),
            ({"stock": "많이"}, "stock"),
            ({"colour": "갈색"}, "colour"),
        ],
    )
    def test_bad_patch_is_422_and_changes_nothing(
        self, client: TestClient, body: dict, field: str
    ) -> None:
        created = create_item(client, "라떼", 5000)
        response = client.patch(f"/items/{created['id']}", json=body)
        assert_validation_error(response, ["body", field])
        assert client.get(f"/items/{created['id']}").json() == created

    def test_patch_of_an_unknown_item_is_404(self, client: TestClient) -> None:
        response = client.patch("/items/777", json={"price": 1})
        assert response.status_code == 404
        assert_detail_message(response, 777)

    def test_patch_to_a_taken_name_is_409_and_changes_nothing(self, client: TestClient) -> None:
        create_item(client, "라떼", 5000)
        mocha = create_item(client, "모카", 5500)
        response = client.patch(f"/items/{mocha['id']}", json={"name": "라떼", "price": 1})
        assert response.status_code == 409
        assert_detail_message(response, "라떼")
        assert client.get(f"/items/{mocha['id']}").json() == mocha


class TestDelete:
    @pytest.mark.points(2)
    def test_delete_is_204_and_the_item_is_gone(self, client: TestClient) -> None:
        keep = create_item(client, "라떼", 5000)
        gone = create_item(client, "모카", 5500)
        response = client.delete(f"/items/{gone['id']}")
        assert response.status_code == 204
        assert response.content == b""
        assert client.get(f"/items/{gone['id']}").status_code == 404
        assert all_items(client) == [keep]

    def test_second_delete_is_404(self, client: TestClient) -> None:
        created = create_item(client)
        assert client.delete(f"/items/{created['id']}").status_code == 204
        response = client.delete(f"/items/{created['id']}")
        assert response.status_code == 404
        assert_detail_message(response, created["id"])

    @pytest.mark.points(2)
    def test_ids_are_never_reused_after_a_delete(self, client: TestClient) -> None:
        seen = [create_item(client, f"아이템 {n}")["id"] for n in range(3)]
        for item_id in (seen[-1], seen[0], seen[1]):  # the newest first, then all of them
            assert client.delete(f"/items/{item_id}").status_code == 204
            seen.append(create_item(client, f"새 아이템 {len(seen)}")["id"])
        assert len(set(seen)) == len(seen)


def test_each_run_of_the_app_starts_with_no_items(app: FastAPI) -> None:
    """The store belongs to one run of the app: a new lifespan, a new empty store."""
    with TestClient(app) as first_run:
        create_item(first_run)
        assert len(all_items(first_run)) == 1
    with TestClient(app) as second_run:
        assert all_items(second_run) == []
        assert second_run.post("/items", json={"name": "아메리카노", "price": 1}).status_code == 201
