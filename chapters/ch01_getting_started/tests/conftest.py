"""Fixtures of chapter 1's suite: the solution under test and a client on it.

Grading contract (what ``--solution ch01=<module>`` must provide): a module attribute ``app``,
a FastAPI application. Everything else is checked through HTTP only.
"""

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
