"""``PUT /items/{item_id}?dry_run=``: 경로 매개변수, 쿼리 파라미터, 요청 본문을 한꺼번에."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .bodies import MINIMAL_STORED
from .checks import error_kinds, replaced, stored, unknown_id

NEW = {"name": "기계식 키보드", "price": 129000, "tags": ["office"]}
NEW_STORED = {**MINIMAL_STORED, **NEW}


@pytest.mark.points(2)
def test_put_replaces_the_item(client: TestClient, created: dict[str, Any]) -> None:
    """`PUT /items/{item_id}`는 상품을 새 본문으로 바꾼다."""
    before = stored(client)
    item_id = created["id"]
    response = client.put(f"/items/{item_id}", json=NEW)
    assert response.status_code == 200
    assert response.json() == {"id": item_id, **NEW_STORED}
    assert stored(client) == replaced(before, response.json())


def test_put_replaces_the_whole_item(client: TestClient) -> None:
    """`PUT`은 상품 전체를 바꾼다: 보내지 않은 필드는 기본값으로 돌아간다."""
    full = {"name": "감귤", "price": 20000, "description": "제철", "tags": ["과일"]}
    item_id = client.post("/items", json=full).json()["id"]
    client.put(f"/items/{item_id}", json={"name": "감귤", "price": 19000})
    item = client.get(f"/items/{item_id}").json()
    assert (item["price"], item["description"], item["tags"]) == (19000, None, [])


@pytest.mark.parametrize("flag", ["true", "yes"])
def test_dry_run_validates_without_storing(
    client: TestClient, created: dict[str, Any], flag: str
) -> None:
    """`dry_run=true`는 같은 응답을 주지만 아무것도 바꾸지 않는다."""
    before = stored(client)
    response = client.put(f"/items/{created['id']}", params={"dry_run": flag}, json=NEW)
    assert response.status_code == 200
    assert response.json() == {"id": created["id"], **NEW_STORED}
    assert stored(client) == before


@pytest.mark.parametrize("flag", ["false", "0"])
def test_dry_run_false_stores(client: TestClient, created: dict[str, Any], flag: str) -> None:
    """`dry_run=false`(또는 `0`)면 바꾼 상품을 저장한다."""
    before = stored(client)
    response = client.put(f"/items/{created['id']}", params={"dry_run": flag}, json=NEW)
    assert response.status_code == 200
    assert stored(client) == replaced(before, {"id": created["id"], **NEW_STORED})


def test_dry_run_that_is_not_a_boolean_is_422(client: TestClient, created: dict[str, Any]) -> None:
    """불리언이 아닌 `dry_run`은 `422 bool_parsing`이다."""
    before = stored(client)
    response = client.put(f"/items/{created['id']}", params={"dry_run": "maybe"}, json=NEW)
    assert error_kinds(response) == [("bool_parsing", ("query", "dry_run"))]
    assert stored(client) == before


@pytest.mark.parametrize("dry_run", ["false", "true"])
def test_put_on_an_unknown_id_is_404_and_creates_nothing(
    client: TestClient, created: dict[str, Any], dry_run: str
) -> None:
    """없는 번호에 `PUT`하면 `404`이고 아무것도 만들지 않는다."""
    before = stored(client)
    item_id = unknown_id(client)
    response = client.put(f"/items/{item_id}", params={"dry_run": dry_run}, json=NEW)
    assert response.status_code == 404
    assert str(item_id) in response.json()["detail"]
    assert stored(client) == before


@pytest.mark.points(2)
def test_errors_in_path_query_and_body_are_reported_together(
    client: TestClient, created: dict[str, Any]
) -> None:
    """경로, 쿼리, 본문의 오류가 `422`에 함께 나온다."""
    before = stored(client)
    # A path that is not a number: the README states no range for ids, only that they are ints.
    # A price that is not a number: a mistake in price's bound costs test_field_constraints alone.
    response = client.put("/items/abc", params={"dry_run": "maybe"}, json={"price": "비쌈"})
    assert error_kinds(response) == [
        ("bool_parsing", ("query", "dry_run")),
        ("float_parsing", ("body", "price")),
        ("int_parsing", ("path", "item_id")),
        ("missing", ("body", "name")),
    ]
    assert stored(client) == before


def test_docs_place_each_parameter(schema: dict[str, Any]) -> None:
    """문서에 `item_id`는 경로, `dry_run`은 쿼리, 상품은 본문으로 나온다."""
    operation = schema["paths"]["/items/{item_id}"]["put"]
    where = {p["name"]: (p["in"], p["required"]) for p in operation["parameters"]}
    assert where == {"item_id": ("path", True), "dry_run": ("query", False)}
    dry_run = next(p for p in operation["parameters"] if p["name"] == "dry_run")
    assert dry_run["schema"]["type"] == "boolean"
    assert dry_run["schema"]["default"] is False
    assert operation["requestBody"]["required"] is True
