"""Fixtures of chapter 5's suite: the solution under test and clients on it.

Grading contract (what ``--solution ch05=<module>`` must provide): a module attribute ``app``.
Every client fixture runs the lifespan (``with TestClient(app)``, or
``app.router.lifespan_context(app)`` around an ``httpx.AsyncClient`` over ``ASGITransport``;
the server test starts ``uvicorn`` on ``solution.target``), but no test relies on the store being
empty unless it is about that: each creates what it reads, with names of its own. Everything is
checked through HTTP only.
"""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client on a run of the app (its lifespan runs)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def async_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """Concurrent requests in this process: sync routes run on the app's thread pool.

    ``ASGITransport`` sends no lifespan events, so the fixture runs the app's lifespan itself.
    """
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client
