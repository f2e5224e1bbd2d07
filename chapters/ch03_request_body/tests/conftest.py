"""Fixtures of chapter 3's suite: the solution under test and a client on it.

Grading contract (what ``--solution ch03=<module>`` must provide): a module attribute ``app``,
a FastAPI application, checked through HTTP only. The tests compare the store with what they
read first (``checks.added``, ``before = stored(client)``), so they hold on a store that outlives
one ``with TestClient(app)`` block; only ``test_store_starts_empty_on_every_start_up`` asks
for the reset.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures

from .bodies import MINIMAL

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """Entering the client runs the app's lifespan (ours starts a new, empty store)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def created(client: TestClient) -> dict[str, Any]:
    """One stored item (``MINIMAL``), as ``POST /items`` answered it."""
    response = client.post("/items", json=MINIMAL)
    assert response.status_code == 201
    return response.json()


@pytest.fixture
def schema(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()
