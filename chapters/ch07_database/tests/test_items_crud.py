"""Chapter 7: ``/items`` CRUD stored in the database, and bad input that stores nothing."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .databases import TestDatabase


def create(client: TestClient, name: str = "연필", price: int = 500) -> dict[str, Any]:
    response = client.post("/items", json={"name": name, "price": price})
    assert response.status_code == 201, response.text
    return response.json()


class TestCreateAndRead:
    @pytest.mark.points(2)
    def test_post_stores_a_row_and_answers_201_with_it(
        self, client: TestClient, db: TestDatabase
    ) -> None:
        response = client.post("/items", json={"name": "  연필 ", "price": 500})
        assert response.status_code == 201
        body = response.json()
        assert body == {"id": body["id"], "name": "연필", "price": 500}
        assert isinstance(body["id"], int)
        assert db.rows() == [body]

    def test_get_one_reads_it_back(self, client: TestClient) -> None:
        item = create(client)
        response = client.get(f"/items/{item['id']}")
        assert response.status_code == 200
        assert response.json() == item

    def test_unknown_id_is_404_with_detail(self, client: TestClient) -> None:
        response = client.get("/items/12345")
        assert response.status_code == 404
        assert "12345" in response.json()["detail"]

    def test_non_positive_id_is_422(self, client: TestClient) -> None:
        response = client.get("/items/0")
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["path", "item_id"]

    @pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
    def test_an_id_past_sqlite_integers_is_422_not_500(
        self, client: TestClient, db: TestDatabase, method: str
    ) -> None:
        """Found by ``nox -s fuzz``: 2**63 reached SQLite, whose driver cannot send it (500)."""
        body = {"name": "연필", "price": 500} if method in ("PUT", "PATCH") else None
        response = client.request(method, f"/items/{2**63}", json=body)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["path", "item_id"]
        assert db.count() == 0

    def test_the_largest_sqlite_id_is_a_plain_404(self, client: TestClient) -> None:
        response = client.get(f"/items/{2**63 - 1}")
        assert response.status_code == 404


class TestBadBodyStoresNothing:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"name": "연필"}, "price"),
            ({"price": 500}, "name"),
            ({"name": "연필", "price": -1}, "price"),
            ({"name": "연필", "price": "많이"}, "price"),
            ({"name": "   ", "price": 500}, "name"),
            ({"name": "x" * 101, "price": 500}, "name"),
            ({"id": 7, "name": "연필", "price": 500}, "id"),
        ],
        ids=["no-price", "no-name", "negative", "not-a-number", "blank", "too-long", "own-id"],
    )
    def test_invalid_item_is_422_and_not_stored(
        self, client: TestClient, db: TestDatabase, body: dict, field: str
    ) -> None:
        response = client.post("/items", json=body)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert [error["loc"][-1] for error in detail] == [field]
        assert detail[0]["msg"]
        assert db.count() == 0


class TestUpdate:
    @pytest.mark.points(2)
    def test_put_replaces_every_field(self, client: TestClient, db: TestDatabase) -> None:
        item = create(client)
        response = client.put(f"/items/{item['id']}", json={"name": "샤프", "price": 1500})
        assert response.status_code == 200
        assert response.json() == {"id": item["id"], "name": "샤프", "price": 1500}
        assert db.rows() == [response.json()]

    def test_put_needs_the_whole_item(self, client: TestClient, db: TestDatabase) -> None:
        item = create(client)
        response = client.put(f"/items/{item['id']}", json={"price": 1500})
        assert response.status_code == 422
        assert db.rows() == [item]

    @pytest.mark.points(2)
    def test_patch_changes_only_the_given_fields(
        self, client: TestClient, db: TestDatabase
    ) -> None:
        item = create(client)
        response = client.patch(f"/items/{item['id']}", json={"price": 700})
        assert response.status_code == 200
        assert response.json() == {**item, "price": 700}
        assert db.rows() == [{**item, "price": 700}]
        unchanged = client.patch(f"/items/{item['id']}", json={})
        assert unchanged.json() == {**item, "price": 700}

    @pytest.mark.parametrize(
        "body",
        [{"price": None}, {"name": None}, {"colour": "red"}],
        ids=["null-price", "null-name", "unknown-field"],
    )
    def test_patch_refuses_nulls_and_unknown_fields(
        self, client: TestClient, db: TestDatabase, body: dict
    ) -> None:
        item = create(client)
        response = client.patch(f"/items/{item['id']}", json=body)
        assert response.status_code == 422
        assert response.json()["detail"][0]["msg"]
        assert db.rows() == [item]

    @pytest.mark.parametrize("method", ["PUT", "PATCH"])
    def test_updating_an_unknown_id_is_404(self, client: TestClient, method: str) -> None:
        response = client.request(method, "/items/999", json={"name": "샤프", "price": 1})
        assert response.status_code == 404
        assert response.json()["detail"]


class TestDelete:
    @pytest.mark.points(2)
    def test_delete_removes_the_row(self, client: TestClient, db: TestDatabase) -> None:
        keep, gone = create(client, "공책", 2000), create(client)
        response = client.delete(f"/items/{gone['id']}")
        assert response.status_code == 204
        assert response.content == b""
        assert client.get(f"/items/{gone['id']}").status_code == 404
        assert db.rows() == [keep]

    def test_deleting_an_unknown_id_is_404(self, client: TestClient, db: TestDatabase) -> None:
        item = create(client)
        response = client.delete("/items/999")
        assert response.status_code == 404
        assert response.json()["detail"]
        assert db.rows() == [item]
