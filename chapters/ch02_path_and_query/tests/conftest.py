"""챕터 2 테스트의 fixture: 채점할 풀이, 클라이언트, 테스트가 정한 카탈로그.

채점 계약은 README에 있다: ``app``, 그리고 ``catalog`` fixture를 쓰는 테스트에만 ``get_catalog``.
"""

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shared.testing import Solution, chapter_fixtures, overridden

# The items the tests serve, in id order: what every expected body below is built from.
SAMPLE: list[dict[str, Any]] = [
    {"id": 1, "name": "파이썬 입문서", "category": "books", "price": 28000,
     "tags": ["python", "입문"]},
    {"id": 2, "name": "FastAPI 실전 가이드", "category": "books", "price": 32000,
     "tags": ["python", "web", "신상품"]},
    {"id": 3, "name": "무선 키보드", "category": "electronics", "price": 59000,
     "tags": ["office"]},
    {"id": 4, "name": "USB-C 충전기", "category": "electronics", "price": 25000,
     "tags": ["mobile", "신상품"]},
    {"id": 5, "name": "제주 감귤 3kg", "category": "food", "price": 18900,
     "tags": ["과일", "제철"]},
    {"id": 6, "name": "유기농 감귤 주스", "category": "food", "price": 4500,
     "tags": ["음료", "신상품"]},
    {"id": 7, "name": "Python Cookbook", "category": "books", "price": 45000,
     "tags": ["python"]},
]  # fmt: skip


solution, app = chapter_fixtures(__name__)

CATALOG_WHY = "테스트가 정한 상품 목록으로 바꾸려면(의존성 오버라이드) 필요합니다"


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def catalog(app: FastAPI, solution: Solution) -> Iterator[list[dict[str, Any]]]:
    """테스트가 끝날 때까지 앱이 내주는 목록(``SAMPLE``의 복사본, 테스트가 바꿔도 된다)."""
    get_catalog = solution.hook("get_catalog", CATALOG_WHY)
    items = copy.deepcopy(SAMPLE)
    with overridden(app, {get_catalog: lambda: items}):
        yield items


@pytest.fixture
def schema(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()
