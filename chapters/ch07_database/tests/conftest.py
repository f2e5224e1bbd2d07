"""Fixtures of chapter 7's suite: the solution under test, a test database, a client on it.

Grading contract (what ``--solution ch07=<module>`` must provide), see the README:
``app`` (creates its tables at startup), ``get_db`` (the session dependency every route uses)
and ``Base`` (whose ``metadata`` holds the ``items`` table).

In-process tests never run the app's lifespan: it would create tables in the configured
database, a file shared by everyone. They get an in-memory database through
``dependency_overrides[get_db]`` instead; ``test_real_database.py`` runs the real wiring in a
real server on a file in ``tmp_path``.
"""

from collections.abc import Iterator
from types import ModuleType

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures

from .databases import RollbackDatabase, TestDatabase, fresh_database, override_get_db

solution, app = chapter_fixtures(__name__)


@pytest.fixture(scope="session")
def rollback_database(solution: ModuleType) -> Iterator[RollbackDatabase]:
    """One in-memory database per worker process, tables created once."""
    database = RollbackDatabase(solution.Base.metadata)
    yield database
    database.dispose()


@pytest.fixture
def rollback_db(rollback_database: RollbackDatabase) -> Iterator[TestDatabase]:
    """Isolation by rollback: the test's writes live in a transaction undone after it."""
    with rollback_database.transaction() as database:
        yield database


@pytest.fixture
def fresh_db(solution: ModuleType) -> Iterator[TestDatabase]:
    """Isolation by a new in-memory database per test."""
    with fresh_database(solution.Base.metadata) as database:
        yield database


@pytest.fixture
def db(rollback_db: TestDatabase) -> TestDatabase:
    """The suite's test database: rollback, measured faster than fresh (README, "Isolation")."""
    return rollback_db


@pytest.fixture
def client(app: FastAPI, solution: ModuleType, db: TestDatabase) -> Iterator[TestClient]:
    """A client whose requests use the test database; overrides restored afterwards."""
    with override_get_db(app, solution.get_db, db):
        test_client = TestClient(app)  # no ``with``: the lifespan must not run (see above)
        yield test_client
        test_client.close()
