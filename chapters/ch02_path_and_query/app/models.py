"""The shapes the routes read and answer: a category Enum, an item, a page of items.

Chapter 2 has no request bodies yet, so these are ``TypedDict``s (plain dicts with declared
keys); Pydantic still validates them on the way out and /docs shows their schemas.
Chapter 3 turns items into Pydantic models.
"""

from enum import Enum

# On Python < 3.12 Pydantic needs typing_extensions' TypedDict, not typing's.
from typing_extensions import TypedDict


class Category(str, Enum):
    """The only values ``/categories/{category}`` accepts; anything else is a 422."""

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
    price: int  # 원 (won): no fractions
    tags: list[str]


class Page(TypedDict):
    """One page of a list: its items and where it sits in the whole (``total`` items)."""

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
