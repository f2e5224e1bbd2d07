"""Fixtures of chapter 4's suite: the solution under test, its user store, clients on it.

Grading contract (what ``--solution ch04=<module>`` must provide):

- ``app``: the FastAPI application; it runs its lifespan under ``with TestClient(app)``.
- ``get_user_store``: the dependency the ``/users`` routes take their store from. The suite
  overrides it with a plain ``dict`` of its own and expects the app to keep each user there under
  its username, as an object with the attributes ``username`` and ``hashed_password``.
"""

from collections.abc import Iterator
from types import ModuleType

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures, overridden

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def users_db() -> dict:
    """This test's own user store: empty, and the test can look inside."""
    return {}


@pytest.fixture
def client(app: FastAPI, solution: ModuleType, users_db: dict) -> Iterator[TestClient]:
    """A client on the app with ``users_db`` as its store; the overrides are restored after."""
    with (
        overridden(app, {solution.get_user_store: lambda: users_db}),
        TestClient(app) as test_client,
    ):
        yield test_client
