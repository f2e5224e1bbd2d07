"""챕터 5: ``/items`` CRUD — page/size 목록, 조회, 생성, 교체, 부분 수정, 삭제.

테스트마다 읽을 아이템을 자기 이름(``helpers.unique``)으로 만든다. 마지막 테스트만 빈 시작을 본다.
"""

from urllib.parse import urljoin

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .helpers import (
    CREATED,
    ITEM_FIELDS,
    all_items,
    assert_detail_message,
    assert_nothing_stored_after,
    assert_validation_error,
    create_item,
    unique,
)


def ids_of(items: list[dict]) -> list[int]:
    return [item["id"] for item in items]


def total_count(client: TestClient) -> int:
    return int(client.get("/items").headers["x-total-count"])


class TestList:
    def test_no_items_is_an_empty_list(self, client: TestClient) -> None:
        """아이템이 하나도 없으면 목록은 `[]`이고 `X-Total-Count`는 `0`이다.

        앞 테스트가 남긴 아이템을 먼저 지운다(이 챕터의 앱은 새로 실행하면 비어 있다).
        """
        for item in all_items(client):
            client.delete(f"/items/{item['id']}")
        response = client.get("/items")
        assert response.status_code == 200
        assert response.json() == []
        assert response.headers["x-total-count"] == "0"

    @pytest.mark.points(2)
    def test_pages_split_the_items_in_id_order(self, client: TestClient) -> None:
        """`page`/`size` 쪽들은 아이템을 id 순서로 나누고, `X-Total-Count`는 전체 개수다."""
        mine = ids_of([create_item(client, f"아이템 {n}", n * 100) for n in range(25)])
        total = total_count(client)
        pages = [
            client.get("/items", params={"page": p, "size": 10}) for p in range(1, total // 10 + 2)
        ]
        listed = [item for page in pages for item in page.json()]
        assert [len(page.json()) for page in pages[:-1]] == [10] * (len(pages) - 1)
        assert len(listed) == total >= 25
        assert ids_of(listed) == sorted(set(ids_of(listed)))  # id order, none twice
        assert [item_id for item_id in ids_of(listed) if item_id in mine] == mine
        assert {page.headers["x-total-count"] for page in pages} == {str(total)}
        assert all(set(item) == ITEM_FIELDS for item in listed)

    def test_page_and_size_are_optional(self, client: TestClient) -> None:
        """`page`와 `size`가 없으면 1쪽, 한 쪽에 10개다."""
        for n in range(12):
            create_item(client, f"아이템 {n}")
        listed = ids_of(all_items(client))
        assert ids_of(client.get("/items").json()) == listed[:10]
        second = client.get("/items", params={"page": 2})
        assert ids_of(second.json()) == listed[10:20]

    @pytest.mark.parametrize("size", [1, 100])
    def test_size_bounds_are_accepted(self, client: TestClient, size: int) -> None:
        """`size`는 1과 100도 받는다."""
        for n in range(2):
            create_item(client, f"아이템 {n}")
        listed = ids_of(all_items(client))
        response = client.get("/items", params={"size": size})
        assert response.status_code == 200
        assert ids_of(response.json()) == listed[:size]

    @pytest.mark.parametrize("past", ["next", "far"])
    def test_page_past_the_end_is_empty(self, client: TestClient, past: str) -> None:
        """마지막 쪽을 넘은 `page`는 `[]`이고 `X-Total-Count`는 그대로다."""
        create_item(client)
        total = total_count(client)
        page = total // 10 + 1 + (total % 10 > 0) if past == "next" else 10**20
        response = client.get("/items", params={"page": page})
        assert response.status_code == 200
        assert response.json() == []
        assert response.headers["x-total-count"] == str(total)

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
        """잘못된 `page`나 `size`는 그 매개변수를 가리키는 `422`이다."""
        assert_validation_error(client.get("/items", params=params), ["query", name])


class TestRead:
    def test_read_answers_the_whole_item(self, client: TestClient) -> None:
        """`GET /items/{item_id}`는 아이템의 모든 필드를 돌려준다."""
        created = create_item(client, "라떼", 5000, description="우유 듬뿍", stock=3)
        response = client.get(f"/items/{created['id']}")
        assert response.status_code == 200
        assert response.json() == {
            "id": created["id"],
            "name": created["name"],
            "price": 5000,
            "description": "우유 듬뿍",
            "stock": 3,
        }
        assert created["name"].startswith("라떼 ")

    @pytest.mark.points(2)
    def test_unknown_item_is_404_naming_it(self, client: TestClient) -> None:
        """없는 아이템은 그 id를 담은 `404`이다."""
        response = client.get("/items/99999")
        assert response.status_code == 404
        assert_detail_message(response, 99999)

    @pytest.mark.parametrize("item_id", ["0", "-3", "abc", "1.5"])
    def test_bad_item_id_is_422(self, client: TestClient, item_id: str) -> None:
        """1 이상의 정수가 아닌 id는 `422`이다."""
        assert_validation_error(client.get(f"/items/{item_id}"), ["path", "item_id"])


class TestCreate:
    @pytest.mark.points(3)
    def test_created_is_201_with_the_item_and_its_location(self, client: TestClient) -> None:
        """생성은 `201`과 아이템 전체, 그리고 그 아이템으로 이어지는 `Location`으로 답한다."""
        body = {"name": unique("아메리카노"), "price": 4500, "description": "산미", "stock": 7}
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
        """`description`과 `stock`을 빼면 기본값 `null`과 `0`이 된다."""
        created = create_item(client, "녹차", 4000)
        assert (created["description"], created["stock"]) == (None, 0)

    def test_unicode_name_is_kept_and_trimmed(self, client: TestClient) -> None:
        """한글·이모지 이름은 그대로 저장되고 앞뒤 공백만 지워진다."""
        name = unique("유자차 🍋")
        response = client.post("/items", json={"name": f"  {name}  ", "price": 5500})
        assert response.status_code in CREATED
        created = response.json()
        assert created["name"] == name
        assert client.get(f"/items/{created['id']}").json()["name"] == name

    @pytest.mark.points(2)
    def test_taken_name_is_409_and_stores_nothing(self, client: TestClient) -> None:
        """이미 있는 이름으로 만들면 그 이름을 담은 `409`이고 아무것도 저장되지 않는다."""
        first = create_item(client, "아메리카노", 4500)
        response = client.post("/items", json={"name": first["name"], "price": 9999})
        assert response.status_code == 409
        assert_detail_message(response, first["name"])
        assert client.get(f"/items/{first['id']}").json() == first
        assert_nothing_stored_after(client, first)

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
        """잘못된 본문은 그 필드를 가리키는 `422`이고 아무것도 저장되지 않는다."""
        name = unique("커피")  # were it stored by mistake, no other test would trip on it
        if isinstance(body, dict):
            body = {**body, "name": name} if body.get("name") == "커피" else body
        else:
            body = [name if value == "커피" else value for value in body]
        last = create_item(client, "기준")
        assert_validation_error(client.post("/items", json=body), *locations)
        assert_nothing_stored_after(client, last)


class TestReplace:
    @pytest.mark.points(2)
    def test_put_replaces_every_field(self, client: TestClient) -> None:
        """`PUT`은 모든 필드를 바꾸고, 보내지 않은 필드는 기본값으로 돌아간다."""
        created = create_item(client, "라떼", 5000, description="우유", stock=4)
        name = unique("바닐라 라떼")
        response = client.put(f"/items/{created['id']}", json={"name": name, "price": 5500})
        assert response.status_code == 200
        replaced = {
            "id": created["id"],
            "name": name,
            "price": 5500,
            "description": None,  # left out of a PUT: back to its default
            "stock": 0,
        }
        assert response.json() == replaced
        assert client.get(f"/items/{created['id']}").json() == replaced

    def test_put_may_keep_the_item_s_own_name(self, client: TestClient) -> None:
        """`PUT`에서 자기 이름을 그대로 써도 `409`가 아니다."""
        created = create_item(client, "라떼", 5000)
        response = client.put(
            f"/items/{created['id']}", json={"name": created["name"], "price": 5200}
        )
        assert response.status_code == 200
        assert response.json()["price"] == 5200

    def test_put_of_an_unknown_item_is_404_and_creates_nothing(self, client: TestClient) -> None:
        """없는 아이템에 `PUT`하면 `404`이고 아무것도 만들지 않는다."""
        last = create_item(client, "기준")
        response = client.put("/items/12345", json={"name": unique("라떼"), "price": 5000})
        assert response.status_code == 404
        assert_detail_message(response, 12345)
        assert_nothing_stored_after(client, last)
        assert client.get("/items/12345").status_code == 404

    def test_put_to_a_taken_name_is_409_and_changes_nothing(self, client: TestClient) -> None:
        """다른 아이템의 이름으로 `PUT`하면 `409`이고 아무것도 바뀌지 않는다."""
        latte = create_item(client, "라떼", 5000)
        mocha = create_item(client, "모카", 5500)
        response = client.put(f"/items/{mocha['id']}", json={"name": latte["name"], "price": 1})
        assert response.status_code == 409
        assert_detail_message(response, latte["name"])
        assert client.get(f"/items/{mocha['id']}").json() == mocha

    def test_put_without_a_required_field_is_422(self, client: TestClient) -> None:
        """필수 필드가 빠진 `PUT`은 `422`이고 아이템은 그대로다."""
        created = create_item(client, "라떼", 5000)
        response = client.put(f"/items/{created['id']}", json={"name": created["name"]})
        assert_validation_error(response, ["body", "price"])
        assert client.get(f"/items/{created['id']}").json() == created


class TestPatch:
    @pytest.mark.points(2)
    def test_patch_changes_only_the_fields_sent(self, client: TestClient) -> None:
        """`PATCH`는 보낸 필드만 바꾼다."""
        created = create_item(client, "라떼", 5000, description="우유", stock=4)
        response = client.patch(f"/items/{created['id']}", json={"price": 5300})
        assert response.status_code == 200
        assert response.json() == {**created, "price": 5300}
        assert client.get(f"/items/{created['id']}").json() == {**created, "price": 5300}

    def test_empty_patch_changes_nothing(self, client: TestClient) -> None:
        """빈 `PATCH` `{}`는 아무것도 바꾸지 않는다."""
        created = create_item(client, "라떼", 5000, description="우유")
        response = client.patch(f"/items/{created['id']}", json={})
        assert response.status_code == 200
        assert response.json() == created

    def test_null_description_clears_it(self, client: TestClient) -> None:
        """`PATCH`의 `"description": null`은 설명을 지운다."""
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
        """잘못된 `PATCH`는 그 필드를 가리키는 `422`이고 아이템은 그대로다."""
        created = create_item(client, "라떼", 5000)
        response = client.patch(f"/items/{created['id']}", json=body)
        assert_validation_error(response, ["body", field])
        assert client.get(f"/items/{created['id']}").json() == created

    def test_patch_of_an_unknown_item_is_404(self, client: TestClient) -> None:
        """없는 아이템에 `PATCH`하면 그 id를 담은 `404`이다."""
        response = client.patch("/items/777777", json={"price": 1})
        assert response.status_code == 404
        assert_detail_message(response, 777777)

    def test_patch_to_a_taken_name_is_409_and_changes_nothing(self, client: TestClient) -> None:
        """다른 아이템의 이름으로 `PATCH`하면 `409`이고 아무것도 바뀌지 않는다."""
        latte = create_item(client, "라떼", 5000)
        mocha = create_item(client, "모카", 5500)
        response = client.patch(f"/items/{mocha['id']}", json={"name": latte["name"], "price": 1})
        assert response.status_code == 409
        assert_detail_message(response, latte["name"])
        assert client.get(f"/items/{mocha['id']}").json() == mocha


class TestDelete:
    @pytest.mark.points(2)
    def test_delete_is_204_and_the_item_is_gone(self, client: TestClient) -> None:
        """삭제는 본문 없는 `204`이고, 그 아이템만 사라진다."""
        keep = create_item(client, "라떼", 5000)
        gone = create_item(client, "모카", 5500)
        response = client.delete(f"/items/{gone['id']}")
        assert response.status_code == 204
        assert response.content == b""
        assert client.get(f"/items/{gone['id']}").status_code == 404
        assert client.get(f"/items/{keep['id']}").json() == keep  # only that one is gone

    def test_second_delete_is_404(self, client: TestClient) -> None:
        """같은 아이템을 두 번 삭제하면 두 번째는 `404`이다."""
        created = create_item(client)
        assert client.delete(f"/items/{created['id']}").status_code == 204
        response = client.delete(f"/items/{created['id']}")
        assert response.status_code == 404
        assert_detail_message(response, created["id"])

    @pytest.mark.points(2)
    def test_ids_are_never_reused_after_a_delete(self, client: TestClient) -> None:
        """삭제한 아이템의 id는 다시 쓰이지 않는다."""
        seen = [create_item(client, f"아이템 {n}")["id"] for n in range(3)]
        for item_id in (seen[-1], seen[0], seen[1]):  # the newest first, then all of them
            assert client.delete(f"/items/{item_id}").status_code == 204
            seen.append(create_item(client, f"새 아이템 {len(seen)}")["id"])
        assert len(set(seen)) == len(seen)


def test_each_run_of_the_app_starts_with_no_items(app: FastAPI) -> None:
    """앱을 새로 실행할 때마다(lifespan) 아이템 없이 시작한다.

    저장소는 앱의 한 실행에 속한다: 새 lifespan이면 새 빈 저장소다.
    """
    with TestClient(app) as first_run:
        assert first_run.get("/items").json() == []
        created = create_item(first_run)
        assert first_run.get(f"/items/{created['id']}").status_code == 200
    with TestClient(app) as second_run:
        assert second_run.get(f"/items/{created['id']}").status_code == 404
        assert second_run.get("/items").json() == []
        again = second_run.post("/items", json={"name": created["name"], "price": 1})
        assert again.status_code in CREATED  # the name is free again
