"""Small request helpers the chapter's tests share.

The tests run on whatever the app's store holds: each one creates what it reads, names its
items with a suffix of its own (names are unique in the store) and compares with what it
created, never with an empty store or a fixed id.
"""

from uuid import uuid4

from fastapi.testclient import TestClient

ITEM_FIELDS = {"id", "name", "price", "description", "stock"}


def unique(name: str) -> str:
    """``name`` with a suffix no other test uses (8 hex digits)."""
    return f"{name} {uuid4().hex[:8]}"


def create_item(client: TestClient, name: str = "아메리카노", price: int = 4500, **fields) -> dict:
    """Create an item named ``name`` plus a unique suffix; the answer's body."""
    response = client.post("/items", json={"name": unique(name), "price": price, **fields})
    assert response.status_code == 201, response.text
    return response.json()


MAX_PAGES = 50  # 5,000 items: far more than any test stores


def all_items(client: TestClient) -> list[dict]:
    """Every stored item, in the order the list gives them (page by page, 100 at a time)."""
    items: list[dict] = []
    seen: set[int] = set()
    for page in range(1, MAX_PAGES + 1):
        response = client.get("/items", params={"page": page, "size": 100})
        assert response.status_code == 200
        batch = response.json()
        ids = {item["id"] for item in batch}
        # A list that ignores `page` gives the same items again: stop, never loop forever.
        assert not ids & seen, f"GET /items?page={page} repeats items of an earlier page"
        seen |= ids
        items += batch
        if len(batch) < 100:
            return items
    raise AssertionError(f"GET /items still full after {MAX_PAGES} pages of 100")


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
