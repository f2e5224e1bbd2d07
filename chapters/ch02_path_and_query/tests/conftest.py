"""Fixtures of chapter 2's suite: the solution under test, a client, and a catalogue we choose.

Grading contract (what ``--solution ch02=<module>`` must provide): ``app``, a FastAPI
application. Tests whose answer depends on which items exist use the ``catalog`` fixture, which
asks for ``get_catalog`` (the dependency the routes read the items from) and overrides it with
``SAMPLE`` until the test ends. The others (422s, the docs) need ``app`` alone.
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
    """The app serves this list (a copy of ``SAMPLE``) until the test ends.

    A test may change the list before its requests (clear it, add items): the override
    hands the app the same list object on every request. Only tests whose answer depends on
    the items use it: it needs the solution's ``get_catalog``.
    """
    get_catalog = solution.hook("get_catalog", CATALOG_WHY)
    items = copy.deepcopy(SAMPLE)
    with overridden(app, {get_catalog: lambda: items}):
        yield items


@pytest.fixture
def schema(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()
