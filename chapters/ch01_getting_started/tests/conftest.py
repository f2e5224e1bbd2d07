"""Fixtures of chapter 1's suite: the solution under test and a client on it.

Grading contract (what ``--solution ch01=<module>`` must provide): a module attribute ``app``,
a FastAPI application. Everything else is checked through HTTP only.
"""

from collections.abc import Iterator
from types import ModuleType

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import solution_module

from ..app import main as reference


@pytest.fixture(scope="session")
def solution(pytestconfig: pytest.Config) -> ModuleType:
    """The module graded: our ``app.main`` unless ``--solution ch01=...`` names another."""
    return solution_module(pytestconfig, "ch01", reference)


@pytest.fixture(scope="session")
def app(solution: ModuleType) -> FastAPI:
    return solution.app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
