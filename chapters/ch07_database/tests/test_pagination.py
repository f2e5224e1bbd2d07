"""Chapter 7: ``page``/``size`` become ``LIMIT``/``OFFSET`` in SQL, with a total of all rows."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from .databases import TestDatabase
from .test_items_crud import create


@pytest.fixture
def seven(client: TestClient) -> list[int]:
    return [create(client, f"아이템 {n}", n * 100)["id"] for n in range(1, 8)]


@pytest.fixture
def statements(db: TestDatabase) -> Iterator[list[str]]:
    """The SQL the test database runs while the test is going on."""
    seen: list[str] = []

    def record(_conn, _cursor, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()).upper())

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


@pytest.mark.points(2)
def test_page_and_size_select_a_slice_in_id_order(client: TestClient, seven: list[int]) -> None:
    body = client.get("/items", params={"page": 2, "size": 3}).json()
    assert [item["id"] for item in body["items"]] == seven[3:6]
    assert (body["total"], body["page"], body["size"]) == (7, 2, 3)


def test_defaults_and_past_the_last_page(client: TestClient, seven: list[int]) -> None:
    first = client.get("/items").json()
    assert (first["page"], first["size"], first["total"]) == (1, 10, 7)
    assert [item["id"] for item in first["items"]] == seven
    past = client.get("/items", params={"page": 3, "size": 5}).json()
    assert (past["items"], past["total"]) == ([], 7)


@pytest.mark.points(2)
def test_the_database_does_the_paging(
    client: TestClient, seven: list[int], statements: list[str]
) -> None:
    """The rows are cut in SQL: every SELECT of item rows carries LIMIT and OFFSET."""
    assert client.get("/items", params={"page": 3, "size": 2}).status_code == 200
    selects = [s for s in statements if s.startswith("SELECT") and "FROM ITEMS" in s]
    row_selects = [s for s in selects if "COUNT(" not in s]
    assert row_selects
    assert all("LIMIT" in s and "OFFSET" in s for s in row_selects)
    assert any("COUNT(" in s for s in selects), "the total should be counted by the database"


@pytest.mark.parametrize(
    "params",
    [{"page": 0}, {"size": 0}, {"size": 101}, {"page": 2**62}],
    # The last one was found by ``nox -s fuzz``: its OFFSET overflowed SQLite's INTEGER (500).
    ids=["page-0", "size-0", "size-101", "page-past-sqlite"],
)
def test_bad_page_or_size_is_422(client: TestClient, params: dict) -> None:
    response = client.get("/items", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", next(iter(params))]


def test_the_last_allowed_page_is_empty_not_an_error(client: TestClient, seven: list[int]) -> None:
    response = client.get("/items", params={"page": 1_000_000, "size": 100})
    assert response.status_code == 200
    assert response.json() == {"items": [], "total": 7, "page": 1_000_000, "size": 100}
