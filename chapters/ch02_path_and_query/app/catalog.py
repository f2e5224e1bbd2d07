"""라우트가 읽는 메모리의 아이템 목록입니다(데이터베이스는 챕터 7).

라우트는 ``get_catalog`` 의존성으로 받으므로 테스트가 자기 목록으로 바꿀 수 있습니다.
"""

from typing import Annotated

from fastapi import Depends

from .models import Category, Item

CATALOG: tuple[Item, ...] = (
    {"id": 1, "name": "파이썬 입문서", "category": Category.books, "price": 28000,
     "tags": ["python", "입문"]},
    {"id": 2, "name": "FastAPI 실전 가이드", "category": Category.books, "price": 32000,
     "tags": ["python", "web", "신상품"]},
    {"id": 3, "name": "Python Cookbook", "category": Category.books, "price": 45000,
     "tags": ["python"]},
    {"id": 4, "name": "무선 키보드", "category": Category.electronics, "price": 59000,
     "tags": ["office"]},
    {"id": 5, "name": "USB-C 충전기", "category": Category.electronics, "price": 25000,
     "tags": ["mobile", "신상품"]},
    {"id": 6, "name": "노이즈 캔슬링 헤드폰", "category": Category.electronics, "price": 189000,
     "tags": ["audio", "mobile"]},
    {"id": 7, "name": "제주 감귤 3kg", "category": Category.food, "price": 18900,
     "tags": ["과일", "제철"]},
    {"id": 8, "name": "유기농 감귤 주스", "category": Category.food, "price": 4500,
     "tags": ["음료", "신상품"]},
)  # fmt: skip


def get_catalog() -> list[Item]:
    """번호순의 모든 아이템. 요청마다 새 리스트를 돌려주고, 라우트는 읽기만 합니다."""
    return list(CATALOG)


CatalogDep = Annotated[list[Item], Depends(get_catalog)]
