"""챕터 7: 데이터베이스에 저장되는 ``/items`` CRUD와, 아무것도 저장하지 않는 잘못된 입력.

``app``만 있으면 된다. 풀이 자신의 DB에서는 테스트마다 고유한 이름과 돌려받은 id만 본다.
"""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .databases import Saved

# No database of a course ever gets this far: an id nothing can have.
UNKNOWN_ID = 123_456_789_012

# What a create may answer in a test's setup: the 201 itself is graded by
# test_post_stores_a_row_and_answers_201_with_it alone (a create answering 200 costs that test).
CREATED = (200, 201)


def create(client: TestClient, name: str, price: int = 500) -> dict[str, Any]:
    response = client.post("/items", json={"name": name, "price": price})
    assert response.status_code in CREATED, response.text
    return response.json()


class TestCreateAndRead:
    @pytest.mark.points(2)
    def test_post_stores_a_row_and_answers_201_with_it(
        self, client: TestClient, saved: Saved, unique: Callable[..., str]
    ) -> None:
        """`POST /items`는 201과 저장된 아이템(id, 앞뒤 공백을 뺀 이름, 가격)을 돌려준다."""
        response = client.post("/items", json={"name": f"  {unique()} ", "price": 500})
        assert response.status_code == 201
        body = response.json()
        assert body == {"id": body["id"], "name": unique(), "price": 500}
        assert isinstance(body["id"], int)
        saved.are(body)

    def test_get_one_reads_it_back(self, client: TestClient, unique: Callable[..., str]) -> None:
        """`GET /items/{id}`는 만든 아이템을 그대로 돌려준다."""
        item = create(client, unique())
        response = client.get(f"/items/{item['id']}")
        assert response.status_code == 200
        assert response.json() == item

    def test_unknown_id_is_404_with_detail(self, client: TestClient) -> None:
        """없는 id는 `detail`이 있는 404다.

        The README promises ``404 {"detail"}``, not what the text says."""
        response = client.get(f"/items/{UNKNOWN_ID}")
        assert response.status_code == 404
        assert response.json()["detail"]

    def test_non_positive_id_is_422(self, client: TestClient) -> None:
        """id 0은 422이고, 오류 위치는 경로의 `item_id`다."""
        response = client.get("/items/0")
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["path", "item_id"]

    @pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
    def test_an_id_past_sqlite_integers_is_422_not_500(
        self, client: TestClient, saved: Saved, unique: Callable[..., str], method: str
    ) -> None:
        """SQLite 정수 범위(2⁶³−1)를 넘는 id는 500이 아니라 422다.

        Found by ``nox -s fuzz``: 2**63 reached SQLite, whose driver cannot send it (500)."""
        body = {"name": unique(), "price": 500} if method in ("PUT", "PATCH") else None
        response = client.request(method, f"/items/{2**63}", json=body)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["path", "item_id"]
        saved.empty()

    def test_the_largest_sqlite_id_is_a_plain_404(self, client: TestClient) -> None:
        """SQLite의 가장 큰 정수 id(2⁶³−1)는 평범한 404다."""
        response = client.get(f"/items/{2**63 - 1}")
        assert response.status_code == 404


class TestBadBodyStoresNothing:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"name": "연필"}, "price"),
            ({"price": 500}, "name"),
            ({"name": "연필", "price": -1}, "price"),
            ({"name": "연필", "price": 100_000_001}, "price"),
            ({"name": "연필", "price": "많이"}, "price"),
            ({"name": "   ", "price": 500}, "name"),
            ({"name": "x" * 101, "price": 500}, "name"),
            ({"id": 7, "name": "연필", "price": 500}, "id"),
        ],
        ids=[
            "no-price",
            "no-name",
            "negative",
            "too-expensive",
            "not-a-number",
            "blank",
            "too-long",
            "own-id",
        ],
    )
    def test_invalid_item_is_422_and_not_stored(
        self,
        client: TestClient,
        saved: Saved,
        unique: Callable[..., str],
        body: dict,
        field: str,
    ) -> None:
        """잘못된 본문은 그 필드를 가리키는 422이고, 아무것도 저장되지 않는다."""
        if body.get("name") == "연필":
            body = {**body, "name": unique()}
        response = client.post("/items", json=body)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert [error["loc"][-1] for error in detail] == [field]
        assert detail[0]["msg"]
        saved.empty()


class TestUpdate:
    @pytest.mark.points(2)
    def test_put_replaces_every_field(
        self, client: TestClient, saved: Saved, unique: Callable[..., str]
    ) -> None:
        """`PUT`은 모든 필드를 바꾸고 바뀐 아이템을 돌려준다."""
        item = create(client, unique())
        response = client.put(f"/items/{item['id']}", json={"name": unique("샤프"), "price": 1500})
        assert response.status_code == 200
        assert response.json() == {"id": item["id"], "name": unique("샤프"), "price": 1500}
        saved.are(response.json())

    def test_put_needs_the_whole_item(
        self, client: TestClient, saved: Saved, unique: Callable[..., str]
    ) -> None:
        """일부 필드만 보낸 `PUT`은 422이고, 아이템은 그대로다."""
        item = create(client, unique())
        response = client.put(f"/items/{item['id']}", json={"price": 1500})
        assert response.status_code == 422
        saved.are(item)

    @pytest.mark.points(2)
    def test_patch_changes_only_the_given_fields(
        self, client: TestClient, saved: Saved, unique: Callable[..., str]
    ) -> None:
        """`PATCH`는 보낸 필드만 바꾸고, 빈 본문은 아무것도 바꾸지 않는다."""
        item = create(client, unique())
        response = client.patch(f"/items/{item['id']}", json={"price": 700})
        assert response.status_code == 200
        assert response.json() == {**item, "price": 700}
        saved.are({**item, "price": 700})
        unchanged = client.patch(f"/items/{item['id']}", json={})
        assert unchanged.json() == {**item, "price": 700}

    @pytest.mark.parametrize(
        "body",
        [{"price": None}, {"name": None}, {"colour": "red"}],
        ids=["null-price", "null-name", "unknown-field"],
    )
    def test_patch_refuses_nulls_and_unknown_fields(
        self, client: TestClient, saved: Saved, unique: Callable[..., str], body: dict
    ) -> None:
        """`PATCH`에 `null`이나 모르는 필드가 있으면 422이고, 아이템은 그대로다."""
        item = create(client, unique())
        response = client.patch(f"/items/{item['id']}", json=body)
        assert response.status_code == 422
        assert response.json()["detail"][0]["msg"]
        saved.are(item)

    @pytest.mark.parametrize("method", ["PUT", "PATCH"])
    def test_updating_an_unknown_id_is_404(
        self, client: TestClient, unique: Callable[..., str], method: str
    ) -> None:
        """없는 id를 `PUT`이나 `PATCH`로 고치려 하면 404다."""
        body = {"name": unique("샤프"), "price": 1}
        response = client.request(method, f"/items/{UNKNOWN_ID}", json=body)
        assert response.status_code == 404
        assert response.json()["detail"]


class TestDelete:
    @pytest.mark.points(2)
    def test_delete_removes_the_row(
        self, client: TestClient, saved: Saved, unique: Callable[..., str]
    ) -> None:
        """`DELETE`는 본문 없는 204로 답하고 그 아이템만 지운다."""
        keep, gone = create(client, unique("공책"), 2000), create(client, unique())
        response = client.delete(f"/items/{gone['id']}")
        assert response.status_code == 204
        assert response.content == b""
        assert client.get(f"/items/{gone['id']}").status_code == 404
        saved.are(keep)

    def test_deleting_an_unknown_id_is_404(
        self, client: TestClient, saved: Saved, unique: Callable[..., str]
    ) -> None:
        """없는 id를 지우려 하면 404이고, 다른 아이템은 그대로다."""
        item = create(client, unique())
        response = client.delete(f"/items/{UNKNOWN_ID}")
        assert response.status_code == 404
        assert response.json()["detail"]
        saved.are(item)
