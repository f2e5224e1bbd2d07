"""Fixtures of chapter 9's suite: the solution under test, its settings, a client on it.

Grading contract (what ``--solution ch09=<module>`` must provide, see the README): ``app``,
``get_settings`` (the dependency the routes read ``UPLOAD_DIR`` and ``MAX_UPLOAD_BYTES``
through; its cached value also configured the middleware and CORS) and ``Settings``.
"""

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import chapter_fixtures, overridden

from .support import MAX_UPLOAD

solution, app = chapter_fixtures(__name__)


@pytest.fixture
def upload_dir(tmp_path: Path) -> Path:
    """Not created here: storing the first file must create it."""
    return tmp_path / "uploads"


@pytest.fixture
def settings(solution: ModuleType, upload_dir: Path) -> Any:
    return solution.Settings(upload_dir=upload_dir, max_upload_bytes=MAX_UPLOAD)


@pytest.fixture
def test_settings(app: FastAPI, solution: ModuleType, settings: Any) -> Iterator[Any]:
    """The routes see ``settings`` (this test's upload folder and limit); restored after."""
    with overridden(app, {solution.get_settings: lambda: settings}):
        yield settings


@pytest.fixture
def client(app: FastAPI, test_settings: Any) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def anyio_backend() -> str:
    """Async tests (``@pytest.mark.anyio``) run on asyncio."""
    return "asyncio"
