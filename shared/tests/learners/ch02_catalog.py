"""챕터 2를 읽은 학습자의 풀이: 상품 목록을 모듈의 리스트에서 바로 읽는다(`get_catalog` 없음)."""

from enum import Enum
from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query

app = FastAPI(title="상품 카탈로그", version="0.2.0")


class Category(str, Enum):
    books = "books"
    electronics = "electronics"
    food = "food"


LABELS = {"books": "도서", "electronics": "전자제품", "food": "식품"}

fake_items_db = [
    {"id": 1, "name": "파이썬 책", "category": "books", "price": 20000, "tags": ["python"]},
    {"id": 2, "name": "키보드", "category": "electronics", "price": 50000, "tags": ["office"]},
    {"id": 3, "name": "감귤", "category": "food", "price": 10000, "tags": ["과일"]},
]


@app.get("/items")
async def read_items(
    tag: Annotated[list[str], Query()] = [],  # noqa: B006 (as in FastAPI's tutorial)
    sort: Annotated[str | None, Query(pattern="^-?(id|name|price)$")] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
):
    items = [item for item in fake_items_db if all(t in item["tags"] for t in tag)]
    if sort:
        items = sorted(items, key=lambda item: item[sort.lstrip("-")], reverse=sort[0] == "-")
    start = (page - 1) * size
    return {"items": items[start : start + size], "page": page, "size": size, "total": len(items)}


@app.get("/items/{item_id}", responses={404: {"description": "상품이 없습니다"}})
async def read_item(item_id: Annotated[int, Path(ge=1, le=1000)]):
    for item in fake_items_db:
        if item["id"] == item_id:
            return item
    raise HTTPException(status_code=404, detail=f"{item_id}번 상품이 없습니다")


@app.get("/categories/{category}")
async def read_category(category: Category):
    items = [item for item in fake_items_db if item["category"] == category.value]
    return {"category": category, "label": LABELS[category.value], "items": items}


@app.get("/search")
async def search(q: Annotated[str, Query(min_length=2, max_length=50)]):
    results = [item for item in fake_items_db if q.lower() in item["name"].lower()]
    return {"q": q, "category": None, "results": results}
