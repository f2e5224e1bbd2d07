"""Fixtures of chapter 7's suite: the solution under test, a test database, a client on it.

Grading contract (README, "채점 기준"): every test needs ``app``. The tests about the test
database itself ask for ``get_db`` (the session dependency every route uses) and ``Base``
(whose ``metadata`` holds the ``items`` table) with ``solution.hook``. The other tests use them
only to isolate: when the solution has both, ``client`` points ``get_db`` at an in-memory test
database; without them it runs on the solution's own database, and ``saved`` reads back over
HTTP only what the test itself created (names unique per test, see ``unique``).

With the test database the app's lifespan does not run: it would create tables in the
configured database, a file shared by everyone. ``test_real_database.py`` runs the real wiring
in a real server on a file in ``tmp_path``.
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
    """One in-memory database per worker process, tables created once."""
    database = RollbackDatabase(metadata_of(solution))
    yield database
    database.dispose()


@pytest.fixture
def rollback_db(rollback_database: RollbackDatabase) -> Iterator[TestDatabase]:
    """Isolation by rollback: the test's writes live in a transaction undone after it."""
    with rollback_database.transaction() as database:
        yield database


@pytest.fixture
def fresh_db(solution: Solution) -> Iterator[TestDatabase]:
    """Isolation by a new in-memory database per test."""
    with fresh_database(metadata_of(solution)) as database:
        yield database


@pytest.fixture
def db(rollback_db: TestDatabase) -> TestDatabase:
    """The suite's test database: rollback, measured faster than fresh (README, "Isolation").

    Needs ``get_db`` and ``Base``: only the tests about the test database use it directly."""
    return rollback_db


@pytest.fixture
def own_db(request: pytest.FixtureRequest, solution: Solution) -> TestDatabase | None:
    """The test database when the solution allows one, else ``None`` (its own database)."""
    return request.getfixturevalue("db") if isolated(solution) else None


@pytest.fixture
def client(app: FastAPI, solution: Solution, own_db: TestDatabase | None) -> Iterator[TestClient]:
    """A client on the test database (overrides restored afterwards), or on the solution's own."""
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
    """``unique("연필")`` -> ``"연필 1a2b3c4d"``: a name no other test (or earlier run) uses."""
    tag = uuid4().hex[:8]
    return lambda name="연필": f"{name} {tag}"


@pytest.fixture
def saved(client: TestClient, own_db: TestDatabase | None) -> Saved:
    return Saved(client, own_db)
