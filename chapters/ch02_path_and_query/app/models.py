"""라우트가 읽고 돌려주는 모양: 카테고리 Enum, 아이템, 아이템 한 페이지.

아직 요청 본문이 없어서 ``TypedDict``로 적습니다. 그래도 Pydantic이 응답을 검증합니다.
"""

from enum import Enum

# Python 3.12 미만에서 Pydantic은 typing이 아니라 typing_extensions의 TypedDict를 요구합니다.
from typing_extensions import TypedDict


class Category(str, Enum):
    """``/categories/{category}``가 받는 값은 이것뿐이고, 그 밖의 값은 422입니다."""

    books = "books"
    electronics = "electronics"
    food = "food"


CATEGORY_LABELS: dict[Category, str] = {
    Category.books: "도서",
    Category.electronics: "전자제품",
    Category.food: "식품",
}


class Item(TypedDict):
    id: int
    name: str
    category: Category
    price: int  # 원 단위: 소수점 없음
    tags: list[str]


class Page(TypedDict):
    """목록의 한 페이지: 그 아이템들과, 전체(``total``개) 중 어디인지."""

    items: list[Item]
    page: int
    size: int
    total: int


class CategoryItems(TypedDict):
    category: Category
    label: str
    items: list[Item]


class SearchResult(TypedDict):
    q: str
    category: Category | None
    results: list[Item]
