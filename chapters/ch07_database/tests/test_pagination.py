"""챕터 7: ``page``/``size``는 SQL의 ``LIMIT``/``OFFSET``이 되고, 전체 행 수를 함께 준다.

풀이 자신의 DB에서는 ``seven``의 일곱 아이템이 이전 행 ``before``개 뒤에 있어, 그 쪽을 본다.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from .databases import TestDatabase
from .test_items_crud import create


@dataclass
class Seven:
    ids: list[int]  # in the order created
    before: int  # rows in front of them (0 on the test database)

    @property
    def total(self) -> int:
        return self.before + len(self.ids)


@pytest.fixture
def seven(client: TestClient, own_db: TestDatabase | None, unique: Callable[..., str]) -> Seven:
    """이 테스트가 만든 아이템 일곱 개와, 그 앞에 이미 있던 행 수."""
    ids = [create(client, unique(f"아이템 {n}"), n * 100)["id"] for n in range(1, 8)]
    if own_db is not None:
        return Seven(ids, 0)
    total = client.get("/items", params={"page": 1, "size": 1}).json()["total"]
    return Seven(ids, total - len(ids))


@pytest.fixture
def statements(db: TestDatabase) -> Iterator[list[str]]:
    """테스트하는 동안 테스트용 DB가 실행하는 SQL."""
    seen: list[str] = []

    def record(_conn, _cursor, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()).upper())

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


def ids_of(body: dict) -> list[int]:
    return [item["id"] for item in body["items"]]


@pytest.mark.points(2)
def test_page_and_size_select_a_slice_in_id_order(client: TestClient, seven: Seven) -> None:
    """`page`와 `size`는 id 순서로 그 쪽의 아이템을 고르고, 전체 개수(`total`)를 함께 준다."""
    size = 3
    offset = -(-seven.before // size) * size  # the first page boundary at or after the seven
    if offset + 2 * size <= seven.total:
        offset += size  # not the first page when it can be helped (page 2 on the test database)
    body = client.get("/items", params={"page": offset // size + 1, "size": size}).json()
    start = offset - seven.before
    assert ids_of(body) == seven.ids[start : start + size]
    assert (body["total"], body["page"], body["size"]) == (seven.total, offset // size + 1, size)


def test_defaults_and_past_the_last_page(client: TestClient, seven: Seven) -> None:
    """기본값은 1쪽, 10개씩이고, 마지막 쪽을 넘으면 빈 목록과 전체 개수를 준다."""
    first = client.get("/items").json()
    assert (first["page"], first["size"], first["total"]) == (1, 10, seven.total)
    ids = ids_of(first)
    assert len(ids) == min(10, seven.total)
    assert ids == sorted(ids)
    if seven.before < 10:
        assert ids[seven.before :] == seven.ids[: 10 - seven.before]
    past = client.get("/items", params={"page": seven.total // 5 + 2, "size": 5}).json()
    assert (past["items"], past["total"]) == ([], seven.total)


@pytest.mark.points(2)
def test_the_database_does_the_paging(
    db: TestDatabase, client: TestClient, seven: Seven, statements: list[str]
) -> None:
    """아이템을 자르는 일은 SQL이 한다: 목록 SELECT마다 LIMIT과 OFFSET, 전체 개수는 COUNT.

    Needs the test database (``get_db`` and ``Base``) to watch its SQL."""
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
    """`page`가 1–1,000,000, `size`가 1–100 밖이면 그 매개변수를 가리키는 422다."""
    response = client.get("/items", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", next(iter(params))]


def test_the_last_allowed_page_is_empty_not_an_error(client: TestClient, seven: Seven) -> None:
    """허용되는 마지막 쪽(1,000,000쪽, 100개씩)은 오류가 아니라 빈 목록이다."""
    response = client.get("/items", params={"page": 1_000_000, "size": 100})
    assert response.status_code == 200
    assert response.json() == {
        "items": [],
        "total": seven.total,
        "page": 1_000_000,
        "size": 100,
    }
