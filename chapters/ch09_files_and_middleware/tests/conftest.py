"""챕터 9 테스트의 fixture: 채점할 풀이, 그 설정, 그 앱에 붙은 클라이언트.

채점 계약은 README에 있다: ``app``, 그리고 폴더·한도를 보는 테스트에만 설정 훅 두 개.
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
    """여기서는 만들지 않는 폴더: 첫 파일을 저장할 때 앱이 만들어야 한다."""
    return tmp_path / "uploads"


@pytest.fixture
def test_settings(app: FastAPI, solution: Solution, upload_dir: Path) -> Iterator[Any]:
    """라우트가 이 테스트의 폴더와 4 KiB 파일 한도를 쓰게 한다(두 훅이 필요하고, 끝나면 복원)."""
    get_settings = solution.hook("get_settings", GET_SETTINGS_WHY)
    settings = solution.hook("Settings", SETTINGS_WHY)(
        upload_dir=upload_dir, max_upload_bytes=MAX_UPLOAD
    )
    with overridden(app, {get_settings: lambda: settings}):
        yield settings


@pytest.fixture
def own_uploads(app: FastAPI, solution: Solution, upload_dir: Path) -> Iterator[None]:
    """풀이에 ``Settings``와 ``get_settings``가 있으면 파일을 ``upload_dir``에 둔다(한도는 유지)."""
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
    """``app``만 쓰는 클라이언트: 이것을 쓰는 테스트는 폴더를 들여다보지 않는다."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def tmp_client(app: FastAPI, test_settings: Any) -> Iterator[TestClient]:
    """업로드가 4 KiB 한도로 ``upload_dir``에 가는 클라이언트(두 훅이 필요하다)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def request_limit(solution: Solution) -> int:
    """미들웨어의 본문 전체 한도: 캐시된 ``get_settings()`` 값, 없으면 ``MAX_REQUEST_BYTES``."""
    if solution.has("get_settings"):
        limit = getattr(solution.get_settings(), "max_request_bytes", None)
        if isinstance(limit, int):
            return limit
    return int(os.environ.get("MAX_REQUEST_BYTES", DEFAULT_REQUEST_LIMIT))


@pytest.fixture
def anyio_backend() -> str:
    """비동기 테스트(``@pytest.mark.anyio``)는 asyncio에서 돈다."""
    return "asyncio"
