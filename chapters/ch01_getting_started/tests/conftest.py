"""챕터 1 테스트의 fixture: 채점할 풀이와 그 앱에 붙은 클라이언트.

채점 계약: 풀이 모듈의 ``app``(FastAPI 애플리케이션) 하나를 HTTP로만 확인한다.
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
