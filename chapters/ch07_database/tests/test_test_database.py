"""Chapter 7: the app runs on a test database through ``dependency_overrides[get_db]``.

Both isolation strategies of ``databases.py`` are proven here: what one test writes through
the app (including the app's own ``commit()``) is gone for the next.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager
from types import ModuleType

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .databases import RollbackDatabase, TestDatabase, fresh_database, override_get_db


@pytest.fixture(params=["fresh", "rollback"])
def strategy(
    request: pytest.FixtureRequest, solution: ModuleType
) -> Callable[[], AbstractContextManager[TestDatabase]]:
    if request.param == "fresh":
        return lambda: fresh_database(solution.Base.metadata)
    database: RollbackDatabase = request.getfixturevalue("rollback_database")
    return database.transaction


@pytest.mark.points(2)
def test_each_test_starts_empty_whatever_the_app_committed(
    app: FastAPI,
    solution: ModuleType,
    strategy: Callable[[], AbstractContextManager[TestDatabase]],
) -> None:
    before = dict(app.dependency_overrides)
    for _ in range(2):  # two tests in a row
        with strategy() as database, override_get_db(app, solution.get_db, database):
            client = TestClient(app)
            assert client.get("/items").json()["total"] == 0
            assert client.post("/items", json={"name": "연필", "price": 500}).status_code == 201
            assert database.count() == 1  # the app wrote to the test database
            client.close()
        assert app.dependency_overrides == before
