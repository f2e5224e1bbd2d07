"""챕터 7 테스트의 fixture: 채점할 풀이, 테스트용 DB, 그 DB에 연결된 클라이언트.

``get_db``와 ``Base``가 있으면 테스트용 DB를, 없으면 풀이 자신의 DB를 씁니다(README "채점 계약").
"""

from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import Solution, chapter_fixtures

from .databases import (
    RollbackDatabase,
    Saved,
    TestDatabase,
    fresh_database,
    isolated,
    metadata_of,
    override_get_db,
)

solution, app = chapter_fixtures(__name__)


@pytest.fixture(scope="session")
def rollback_database(solution: Solution) -> Iterator[RollbackDatabase]:
    """워커 프로세스마다 인메모리 DB 하나. 테이블은 한 번만 만듭니다."""
    database = RollbackDatabase(metadata_of(solution))
    yield database
    database.dispose()


@pytest.fixture
def rollback_db(rollback_database: RollbackDatabase) -> Iterator[TestDatabase]:
    """롤백 격리: 테스트의 쓰기는 테스트가 끝나면 되돌리는 트랜잭션 안에 있습니다."""
    with rollback_database.transaction() as database:
        yield database


@pytest.fixture
def fresh_db(solution: Solution) -> Iterator[TestDatabase]:
    """새 DB 격리: 테스트마다 새 인메모리 DB를 만듭니다."""
    with fresh_database(metadata_of(solution)) as database:
        yield database


@pytest.fixture
def db(rollback_db: TestDatabase) -> TestDatabase:
    """이 스위트의 테스트용 DB: 재어 보니 더 빠른 롤백 격리(``get_db``와 ``Base`` 필요)."""
    return rollback_db


@pytest.fixture
def own_db(request: pytest.FixtureRequest, solution: Solution) -> TestDatabase | None:
    """풀이가 허락하면 테스트용 DB, 아니면 ``None``(풀이 자신의 DB)."""
    return request.getfixturevalue("db") if isolated(solution) else None


@pytest.fixture
def client(app: FastAPI, solution: Solution, own_db: TestDatabase | None) -> Iterator[TestClient]:
    """테스트용 DB(오버라이드는 끝나면 복원) 또는 풀이 자신의 DB에 연결된 클라이언트."""
    if own_db is None:
        with TestClient(app) as test_client:  # its lifespan may create its tables
            yield test_client
        return
    with override_get_db(app, solution.get_db, own_db):
        test_client = TestClient(app)  # no ``with``: the lifespan must not run (see above)
        yield test_client
        test_client.close()


@pytest.fixture
def unique() -> Any:
    """``unique("연필")`` -> ``"연필 1a2b3c4d"``: 다른 테스트나 이전 실행이 쓰지 않는 이름."""
    tag = uuid4().hex[:8]
    return lambda name="연필": f"{name} {tag}"


@pytest.fixture
def saved(client: TestClient, own_db: TestDatabase | None) -> Saved:
    """DB에 저장된 것을 확인하는 도우미(``databases.Saved``)."""
    return Saved(client, own_db)
