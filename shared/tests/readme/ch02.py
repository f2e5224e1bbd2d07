"""Chapter 2 solution: path and query parameters, tutorial-style in one file.

Run it:
    uvicorn solution:app --reload      (from this folder)
    fastapi dev solution.py

Try /items?tag=python&sort=-price&size=2, /search?q=감귤 and /items/0 (422).
"""

from enum import Enum
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Path, Query
from pydantic import BaseModel


class Category(str, Enum):
    books = "books"
    electronics = "electronics"
    food = "food"


LABELS = {
    Category.books: "도서",
    Category.electronics: "전자제품",
    Category.food: "식품",
}


# --- the in-memory data ----------------------------------------------------

FAKE_ITEMS_DB = [
    {"id": 1, "name": "Learning Python", "category": "books", "price": 42000, "tags": ["python", "programming"]},
    {"id": 2, "name": "FastAPI Cookbook", "category": "books", "price": 35000, "tags": ["python", "web"]},
    {"id": 3, "name": "파이썬 첫걸음", "category": "books", "price": 18000, "tags": ["python", "입문"]},
    {"id": 4, "name": "Mechanical Keyboard", "category": "electronics", "price": 89000, "tags": ["keyboard", "desk"]},
    {"id": 5, "name": "USB-C Hub", "category": "electronics", "price": 25000, "tags": ["usb", "desk"]},
    {"id": 6, "name": "Raspberry Pi 5", "category": "electronics", "price": 110000, "tags": ["python", "hardware"]},
    {"id": 7, "name": "노이즈 캔슬링 헤드폰", "category": "electronics", "price": 250000, "tags": ["audio", "무선"]},
    {"id": 8, "name": "제주 감귤 3kg", "category": "food", "price": 15000, "tags": ["과일", "제주"]},
    {"id": 9, "name": "감귤 주스", "category": "food", "price": 4500, "tags": ["음료", "제주"]},
    {"id": 10, "name": "Green Tea", "category": "food", "price": 9000, "tags": ["tea", "음료"]},
    {"id": 11, "name": "Dark Chocolate", "category": "food", "price": 6000, "tags": ["snack"]},
    {"id": 12, "name": "Clean Code", "category": "books", "price": 33000, "tags": ["programming"]},
]


def get_catalog() -> list[dict]:
    """Dependency: a fresh list of the items, read on every request.

    Tests replace it with ``app.dependency_overrides[get_catalog]``.
    """
    return [dict(item, tags=list(item["tags"])) for item in FAKE_ITEMS_DB]


Catalog = Annotated[list[dict], Depends(get_catalog)]


# --- response shapes --------------------------------------------------------

class Item(BaseModel):
    id: int
    name: str
    category: Category
    price: int
    tags: list[str]


class ItemPage(BaseModel):
    items: list[Item]
    page: int
    size: int
    total: int


class CategoryListing(BaseModel):
    category: Category
    label: str
    items: list[Item]


class SearchResults(BaseModel):
    q: str
    category: Category | None
    results: list[Item]


class NotFound(BaseModel):
    detail: str


# --- the app ----------------------------------------------------------------

tags_metadata = [
    {"name": "items", "description": "List, filter, sort and page through items, or read one by id."},
    {"name": "categories", "description": "Items of one category (an `Enum` path parameter)."},
    {"name": "search", "description": "Case-insensitive search in item names."},
]

app = FastAPI(
    title="Shop Catalog (path & query parameters)",
    version="2.0.0",
    description="Chapter 2: typed and `Enum` path parameters, `Path`/`Query` validation, "
    "list queries and pagination over an in-memory item list.",
    openapi_tags=tags_metadata,
)


@app.get("/items", response_model=ItemPage, tags=["items"])
async def list_items(
    catalog: Catalog,
    page: Annotated[int, Query(ge=1, description="Page number, starting at 1")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="Items per page (1-100)")] = 10,
    tag: Annotated[
        list[str],
        Query(description="Repeat to require several tags: ?tag=a&tag=b (an item must have all)"),
    ] = [],
    sort: Annotated[
        str | None,
        Query(
            pattern=r"^-?(id|name|price)$",
            description="Sort key: id, name or price; prefix with - for descending",
        ),
    ] = None,
):
    # 1. filter by every tag
    wanted = set(tag)
    found = [item for item in catalog if wanted.issubset(item["tags"])]
    # 2. sort the whole filtered list
    if sort:
        key = sort.lstrip("-")
        found = sorted(found, key=lambda item: item[key], reverse=sort.startswith("-"))
    # 3. cut one page
    start = (page - 1) * size
    return {"items": found[start:start + size], "page": page, "size": size, "total": len(found)}


@app.get(
    "/items/{item_id}",
    response_model=Item,
    tags=["items"],
    responses={404: {"model": NotFound, "description": "Item not found"}},
)
async def read_item(
    item_id: Annotated[int, Path(ge=1, le=1000, description="The item id (1-1000)")],
    catalog: Catalog,
):
    for item in catalog:
        if item["id"] == item_id:
            return item
    raise HTTPException(status_code=404, detail=f"{item_id}번 상품을 찾을 수 없습니다")


@app.get("/categories/{category}", response_model=CategoryListing, tags=["categories"])
async def items_in_category(category: Category, catalog: Catalog):
    return {
        "category": category,
        "label": LABELS[category],
        "items": [item for item in catalog if item["category"] == category.value],
    }


@app.get("/search", response_model=SearchResults, tags=["search"])
async def search_items(
    q: Annotated[str, Query(min_length=2, max_length=50, description="Text to look for in item names")],
    catalog: Catalog,
    category: Annotated[Category | None, Query(description="Only this category")] = None,
):
    needle = q.casefold()
    results = [
        item
        for item in catalog
        if needle in item["name"].casefold()
        and (category is None or item["category"] == category.value)
    ]
    return {"q": q, "category": category, "results": results}
