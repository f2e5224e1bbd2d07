"""Fixtures of chapter 9's suite: the solution under test, its settings, clients on it.

Grading contract (the README's table): ``app`` for everything; ``get_settings`` and
``Settings`` for the tests that look into this test's upload folder or need the small
per-file limit (``tmp_client``, ``test_settings``). ``client`` needs ``app`` alone, and so
does ``request_limit`` (read from ``get_settings()`` if there is one).
"""

import os
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import ValidationError

from shared.testing import Solution, chapter_fixtures, overridden

from .support import MAX_UPLOAD

solution, app = chapter_fixtures(__name__)

SETTINGS_WHY = "이 테스트의 업로드 폴더(tmp_path)와 작은 파일 한도로 설정을 만들려면 필요합니다"
GET_SETTINGS_WHY = "라우트가 이 테스트의 업로드 폴더와 파일 한도를 쓰도록 바꾸려면 필요합니다"
DEFAULT_REQUEST_LIMIT = 10 * 1024 * 1024  # the README's default MAX_REQUEST_BYTES


@pytest.fixture
def upload_dir(tmp_path: Path) -> Path:
    """Not created here: storing the first file must create it."""
    return tmp_path / "uploads"


@pytest.fixture
def test_settings(app: FastAPI, solution: Solution, upload_dir: Path) -> Iterator[Any]:
    """The routes see this test's folder and a 4 KiB per-file limit (needs ``get_settings``
    and ``Settings``); restored after."""
    get_settings = solution.hook("get_settings", GET_SETTINGS_WHY)
    settings = solution.hook("Settings", SETTINGS_WHY)(
        upload_dir=upload_dir, max_upload_bytes=MAX_UPLOAD
    )
    with overridden(app, {get_settings: lambda: settings}):
        yield settings


@pytest.fixture
def own_uploads(app: FastAPI, solution: Solution, upload_dir: Path) -> Iterator[None]:
    """Optional isolation: if the solution has ``Settings`` and ``get_settings``, its files go
    to this test's ``upload_dir`` (its own limits kept); otherwise to its own folder."""
    context: Any = nullcontext()
    if solution.has("Settings") and solution.has("get_settings"):
        try:
            own = solution.Settings(upload_dir=upload_dir)
        except (TypeError, ValidationError):  # another shape of settings: no isolation
            pass
        else:
            context = overridden(app, {solution.get_settings: lambda: own})
    with context:
        yield


@pytest.fixture
def client(app: FastAPI, own_uploads: None) -> Iterator[TestClient]:
    """A client on ``app`` alone: tests using it never look into a folder."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def tmp_client(app: FastAPI, test_settings: Any) -> Iterator[TestClient]:
    """A client whose uploads go to ``upload_dir`` with the 4 KiB limit (needs both hooks)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def request_limit(solution: Solution) -> int:
    """The whole-body limit the middleware was built with: ``get_settings()``'s cached value
    if the solution has it, else ``MAX_REQUEST_BYTES`` as the README documents it."""
    if solution.has("get_settings"):
        limit = getattr(solution.get_settings(), "max_request_bytes", None)
        if isinstance(limit, int):
            return limit
    return int(os.environ.get("MAX_REQUEST_BYTES", DEFAULT_REQUEST_LIMIT))


@pytest.fixture
def anyio_backend() -> str:
    """Async tests (``@pytest.mark.anyio``) run on asyncio."""
    return "asyncio"
