"""``PUT /items/{item_id}?dry_run=``: a path parameter, a query parameter and a body at once."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .bodies import MINIMAL_STORED
from .checks import error_kinds, stored

NEW = {"name": "기계식 키보드", "price": 129000, "tags": ["office"]}
NEW_STORED = {**MINIMAL_STORED, **NEW}


@pytest.mark.points(2)
def test_put_replaces_the_item(client: TestClient, created: dict[str, Any]) -> None:
    item_id = created["id"]
    response = client.put(f"/items/{item_id}", json=NEW)
    assert response.status_code == 200
    assert response.json() == {"id": item_id, **NEW_STORED}
    assert stored(client) == [response.json()]


def test_put_replaces_the_whole_item(client: TestClient) -> None:
    """PUT is a replacement: a field the new body leaves out goes back to its default."""
    full = {"name": "감귤", "price": 20000, "description": "제철", "tags": ["과일"]}
    item_id = client.post("/items", json=full).json()["id"]
    client.put(f"/items/{item_id}", json={"name": "감귤", "price": 19000})
    item = client.get(f"/items/{item_id}").json()
    assert (item["price"], item["description"], item["tags"]) == (19000, None, [])


@pytest.mark.parametrize("flag", ["true", "yes"])
def test_dry_run_validates_without_storing(
    client: TestClient, created: dict[str, Any], flag: str
) -> None:
    response = client.put(f"/items/{created['id']}", params={"dry_run": flag}, json=NEW)
    assert response.status_code == 200
    assert response.json() == {"id": created["id"], **NEW_STORED}
    assert stored(client) == [created]


@pytest.mark.parametrize("flag", ["false", "0"])
def test_dry_run_false_stores(client: TestClient, created: dict[str, Any], flag: str) -> None:
    response = client.put(f"/items/{created['id']}", params={"dry_run": flag}, json=NEW)
    assert response.status_code == 200
    assert stored(client) == [{"id": created["id"], **NEW_STORED}]


def test_dry_run_that_is_not_a_boolean_is_422(client: TestClient, created: dict[str, Any]) -> None:
    response = client.put(f"/items/{created['id']}", params={"dry_run": "maybe"}, json=NEW)
    assert error_kinds(response) == [("bool_parsing", ("query", "dry_run"))]
    assert stored(client) == [created]


@pytest.mark.parametrize("dry_run", ["false", "true"])
def test_put_on_an_unknown_id_is_404_and_creates_nothing(
    client: TestClient, created: dict[str, Any], dry_run: str
) -> None:
    response = client.put("/items/99", params={"dry_run": dry_run}, json=NEW)
    assert response.status_code == 404
    assert "99" in response.json()["detail"]
    assert stored(client) == [created]


@pytest.mark.points(2)
def test_errors_in_path_query_and_body_are_reported_together(
    client: TestClient, created: dict[str, Any]
) -> None:
    response = client.put("/items/0", params={"dry_run": "maybe"}, json={"price": -1})
    assert error_kinds(response) == [
        ("bool_parsing", ("query", "dry_run")),
        ("greater_than", ("body", "price")),
        ("greater_than_equal", ("path", "item_id")),
        ("missing", ("body", "name")),
    ]
    assert stored(client) == [created]


def test_docs_place_each_parameter(schema: dict[str, Any]) -> None:
    operation = schema["paths"]["/items/{item_id}"]["put"]
    where = {p["name"]: (p["in"], p["required"]) for p in operation["parameters"]}
    assert where == {"item_id": ("path", True), "dry_run": ("query", False)}
    dry_run = next(p for p in operation["parameters"] if p["name"] == "dry_run")
    assert dry_run["schema"]["type"] == "boolean"
    assert dry_run["schema"]["default"] is False
    assert operation["requestBody"]["required"] is True
