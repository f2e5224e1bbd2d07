"""챕터 5 테스트의 fixture: 채점할 풀이와 그 앱에 붙은 클라이언트.

채점 계약은 README에 있다: 풀이 모듈의 ``app`` 하나를 HTTP로만 확인한다.
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
    """앱을 한 번 실행한(lifespan이 도는) 클라이언트."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def async_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """이 프로세스 안의 동시 요청용 클라이언트(lifespan은 fixture가 직접 돌린다)."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client
