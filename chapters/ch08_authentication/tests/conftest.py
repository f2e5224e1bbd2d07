"""Fixtures of chapter 8's suite: the solution under test, a test database, a client, users.

Grading contract (what ``--solution ch08=<module>`` must provide, see the README): ``app``,
``get_db``, ``get_settings``, ``Settings``, ``Base`` (its metadata has the ``users`` table with
``username``, ``hashed_password`` and ``role`` columns) and ``create_user(db, username, password,
role)``. The database and the settings reach the app only through ``dependency_overrides``.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, Table, create_engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from shared.testing import chapter_fixtures, overridden

from .support import PASSWORD, TEST_EXPIRE_MINUTES, TEST_SECRET_KEY

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def settings(solution: ModuleType) -> Any:
    return solution.Settings(
        secret_key=TEST_SECRET_KEY, access_token_expire_minutes=TEST_EXPIRE_MINUTES
    )


@pytest.fixture
def engine(solution: ModuleType, tmp_path: Path) -> Iterator[Engine]:
    """A SQLite file of this test's own, with the solution's tables."""
    engine = create_engine(
        f"sqlite:///{tmp_path / 'test.db'}", connect_args={"check_same_thread": False}
    )
    solution.Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def users_table(solution: ModuleType) -> Table:
    return solution.Base.metadata.tables["users"]


@pytest.fixture
def count_users(engine: Engine, users_table: Table) -> Callable[[], int]:
    def count() -> int:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(users_table))

    return count


@pytest.fixture
def client(
    app: FastAPI, solution: ModuleType, engine: Engine, settings: Any
) -> Iterator[TestClient]:
    """A client on the app with the test database and the test settings swapped in."""
    test_session = sessionmaker(bind=engine, autoflush=False)

    def override_get_db() -> Iterator[Session]:
        with test_session() as session:
            yield session

    replacements = {solution.get_db: override_get_db, solution.get_settings: lambda: settings}
    with overridden(app, replacements), TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def register(client: TestClient) -> Callable[..., dict]:
    """``register("alice")`` -> the new user as the API answers it (201 asserted)."""

    def register_user(username: str, password: str = PASSWORD) -> dict:
        response = client.post("/users", json={"username": username, "password": password})
        assert response.status_code == 201, response.text
        return response.json()

    return register_user


@pytest.fixture
def login(client: TestClient) -> Callable[..., str]:
    """``login("alice")`` -> a Bearer access token (200 asserted)."""

    def log_in(username: str, password: str = PASSWORD) -> str:
        response = client.post("/login", data={"username": username, "password": password})
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    return log_in


@pytest.fixture
def admin_token(solution: ModuleType, engine: Engine, login: Callable[..., str]) -> str:
    """A token of a user given the "admin" role directly in the database (as a seed would)."""
    with Session(engine) as db:
        solution.create_user(db, "root", PASSWORD, role="admin")
    return login("root")


@pytest.fixture
def use_settings(app: FastAPI, solution: ModuleType, client: TestClient) -> Callable[..., None]:
    """``use_settings(access_token_expire_minutes=90)``: other settings for this test's app.

    Depends on ``client``, whose teardown restores the app's overrides.
    """

    def override(**changes: Any) -> None:
        settings = solution.Settings(**{"secret_key": TEST_SECRET_KEY, **changes})
        app.dependency_overrides[solution.get_settings] = lambda: settings

    return override
