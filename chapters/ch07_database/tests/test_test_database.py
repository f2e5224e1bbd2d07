"""챕터 7: 앱은 ``dependency_overrides[get_db]``로 테스트용 DB에서 돈다.

두 격리 방식 모두, 앱이 커밋한 것까지 다음 테스트에는 남지 않는다(``get_db``, ``Base`` 필요).
"""

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import Solution

from .databases import (
    GET_DB_WHY,
    RollbackDatabase,
    TestDatabase,
    fresh_database,
    metadata_of,
    override_get_db,
)
from .test_items_crud import CREATED


@pytest.fixture(params=["fresh", "rollback"])
def strategy(
    request: pytest.FixtureRequest, solution: Solution
) -> Callable[[], AbstractContextManager[TestDatabase]]:
    """격리 방식 하나(fresh 또는 rollback): 부를 때마다 빈 테스트용 DB를 엽니다."""
    if request.param == "fresh":
        metadata = metadata_of(solution)
        return lambda: fresh_database(metadata)
    database: RollbackDatabase = request.getfixturevalue("rollback_database")
    return database.transaction


@pytest.mark.points(2)
def test_each_test_starts_empty_whatever_the_app_committed(
    app: FastAPI,
    solution: Solution,
    strategy: Callable[[], AbstractContextManager[TestDatabase]],
) -> None:
    """`get_db`를 바꾼 테스트용 DB에 앱이 쓰고, 다음 테스트는 빈 DB로 시작한다."""
    get_db = solution.hook("get_db", GET_DB_WHY)
    before = dict(app.dependency_overrides)
    for _ in range(2):  # two tests in a row
        with strategy() as database, override_get_db(app, get_db, database):
            client = TestClient(app)
            assert database.count() == 0  # read from the test database, not through /items
            created = client.post("/items", json={"name": "연필", "price": 500})
            assert created.status_code in CREATED  # the 201 is test_items_crud.py's to grade
            assert database.count() == 1  # the app wrote to the test database
            client.close()
        assert app.dependency_overrides == before
