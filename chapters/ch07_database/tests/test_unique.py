"""Chapter 7: the unique name is a database constraint; breaking it is a 409 storing nothing."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from .databases import TestDatabase
from .test_items_crud import create


@pytest.mark.points(2)
def test_duplicate_name_is_409_and_stores_nothing(client: TestClient, db: TestDatabase) -> None:
    first = create(client, "연필", 500)
    response = client.post("/items", json={"name": "연필", "price": 900})
    assert response.status_code == 409
    assert "연필" in response.json()["detail"]
    assert db.rows() == [first]
    # The failed write was rolled back: the next one works normally.
    second = create(client, "공책", 2000)
    assert db.rows() == [first, second]


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_renaming_to_a_taken_name_is_409_and_changes_nothing(
    client: TestClient, db: TestDatabase, method: str
) -> None:
    pencil, notebook = create(client, "연필", 500), create(client, "공책", 2000)
    response = client.request(method, f"/items/{notebook['id']}", json={"name": "연필", "price": 1})
    assert response.status_code == 409
    assert response.json()["detail"]
    assert db.rows() == [pencil, notebook]


def test_the_constraint_lives_in_the_database(db: TestDatabase) -> None:
    """Not only a check in Python: the table itself refuses a second row with the same name."""
    items = db.metadata.tables["items"]
    with db.sessions() as session:
        session.execute(insert(items).values(name="연필", price=1))
        with pytest.raises(IntegrityError):
            session.execute(insert(items).values(name="연필", price=2))
