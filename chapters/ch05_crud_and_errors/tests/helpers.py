"""Small request helpers the chapter's tests share."""

from fastapi.testclient import TestClient

ITEM_FIELDS = {"id", "name", "price", "description", "stock"}


def create_item(client: TestClient, name: str = "아메리카노", price: int = 4500, **fields) -> dict:
    response = client.post("/items", json={"name": name, "price": price, **fields})
    assert response.status_code == 201, response.text
    return response.json()


def all_items(client: TestClient) -> list[dict]:
    response = client.get("/items", params={"size": 100})
    assert response.status_code == 200
    return response.json()


def assert_detail_message(response, *fragments: object) -> None:
    """A ``{"detail": "<message>"}`` body whose message names each fragment."""
    body = response.json()
    assert set(body) == {"detail"}
    assert isinstance(body["detail"], str)
    assert body["detail"].strip()
    for fragment in fragments:
        assert str(fragment) in body["detail"]


def assert_validation_error(response, *locations: list) -> None:
    """A 422 ``{"detail": [{"loc", "msg", "type"}, ...]}`` naming exactly ``locations``."""
    assert response.status_code == 422, response.text
    errors = response.json()["detail"]
    assert [error["loc"] for error in errors] == list(locations)
    for error in errors:
        assert isinstance(error["msg"], str)
        assert error["msg"]
