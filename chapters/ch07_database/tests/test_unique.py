"""챕터 7: 이름의 유일성은 데이터베이스 제약이고, 어기면 아무것도 저장하지 않는 409다."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from .databases import Saved, TestDatabase
from .test_items_crud import create


@pytest.mark.points(2)
def test_duplicate_name_is_409_and_stores_nothing(
    client: TestClient, saved: Saved, unique: Callable[..., str]
) -> None:
    """이미 있는 이름으로 만들면 409이고 저장되지 않으며, 다음 요청은 정상이다."""
    first = create(client, unique(), 500)
    response = client.post("/items", json={"name": unique(), "price": 900})
    assert response.status_code == 409
    assert response.json()["detail"]  # the README promises a detail, not its words
    saved.are(first)
    # The failed write was rolled back: the next one works normally.
    second = create(client, unique("공책"), 2000)
    saved.are(first, second)


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_renaming_to_a_taken_name_is_409_and_changes_nothing(
    client: TestClient, saved: Saved, unique: Callable[..., str], method: str
) -> None:
    """`PUT`이나 `PATCH`로 남의 이름을 쓰면 409이고, 두 아이템 모두 그대로다."""
    pencil, notebook = create(client, unique(), 500), create(client, unique("공책"), 2000)
    response = client.request(
        method, f"/items/{notebook['id']}", json={"name": unique(), "price": 1}
    )
    assert response.status_code == 409
    assert response.json()["detail"]
    saved.are(pencil, notebook)


def test_the_constraint_lives_in_the_database(db: TestDatabase) -> None:
    """이름의 유일 제약은 테이블 자체에 있어서, 같은 이름의 두 번째 행을 거부한다.

    Not only a check in Python. Needs ``Base`` (and ``get_db``) for a test database."""
    items = db.metadata.tables["items"]
    with db.sessions() as session:
        session.execute(insert(items).values(name="연필", price=1))
        with pytest.raises(IntegrityError):
            session.execute(insert(items).values(name="연필", price=2))
