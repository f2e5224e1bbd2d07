"""Chapter 3 solution: request bodies and Pydantic models, all in one file.

Run with ``uvicorn solution:app`` from this folder.
"""

import threading
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Body, FastAPI, HTTPException, Path, Query, Request, Depends
from pydantic import BaseModel, Field, HttpUrl, field_validator, model_validator


# --------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------

class Image(BaseModel):
    url: HttpUrl
    name: str = Field(min_length=1, max_length=100)


class ItemBase(BaseModel):
    name: str = Field(min_length=1, max_length=50, description="1-50 characters")
    price: float = Field(gt=0, le=1_000_000, description="Greater than 0, at most 1,000,000")
    discount_price: float | None = Field(
        default=None, gt=0, description="Optional, must be lower than price"
    )
    description: str | None = Field(default=None, max_length=300)
    tags: list[str] = Field(default_factory=list, max_length=10)
    images: list[Image] = Field(default_factory=list, max_length=5)


SAMPLE_ITEM = {
    "name": "Wireless Mouse",
    "price": 25000.0,
    "discount_price": 19900.0,
    "description": "A quiet mouse with a long battery life",
    "tags": ["electronics", "sale"],
    "images": [
        {"url": "https://example.com/images/mouse.png", "name": "Front view"},
    ],
}

SAMPLE_ITEM_PLAIN = {
    "name": "Notebook",
    "price": 3500.0,
    "discount_price": None,
    "description": None,
    "tags": [],
    "images": [],
}


class Item(ItemBase):
    """What the client sends (POST and PUT): fields plus custom rules."""

    model_config = {"json_schema_extra": {"examples": [SAMPLE_ITEM, SAMPLE_ITEM_PLAIN]}}

    @field_validator("name")
    @classmethod
    def name_is_not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("name must not be blank")
        return value

    @field_validator("tags")
    @classmethod
    def normalize_tags(cls, value: list[str]) -> list[str]:
        seen: list[str] = []
        for tag in value:
            tag = tag.strip().lower()
            if not tag:
                raise ValueError("tags must not be empty")
            if tag not in seen:
                seen.append(tag)
        return seen

    @model_validator(mode="after")
    def discount_is_below_price(self) -> "Item":
        if self.discount_price is not None and self.discount_price >= self.price:
            raise ValueError("discount_price must be lower than price")
        return self


class ItemOut(ItemBase):
    id: int


# --------------------------------------------------------------------------
# In-memory store (fresh on every start-up)
# --------------------------------------------------------------------------

class ItemStore:
    def __init__(self) -> None:
        self.items: dict[int, ItemOut] = {}
        self.next_id = 1
        self.lock = threading.Lock()

    def add_many(self, items: list[Item]) -> list[ItemOut]:
        with self.lock:
            saved = []
            for item in items:
                out = ItemOut(id=self.next_id, **item.model_dump())
                self.items[out.id] = out
                self.next_id += 1
                saved.append(out)
            return saved


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.store = ItemStore()
    yield


app = FastAPI(title="Chapter 3: Request bodies", version="0.1.0", lifespan=lifespan)


def get_store(request: Request) -> ItemStore:
    return request.app.state.store


Store = Annotated[ItemStore, Depends(get_store)]

NOT_FOUND = {404: {"description": "Item not found", "content": {"application/json": {
    "schema": {"type": "object", "properties": {"detail": {"type": "string"}}}}}}}
UNREADABLE_BODY = {400: {"description": "The body could not be decoded", "content": {
    "application/json": {"schema": {"type": "object", "properties": {"detail": {"type": "string"}}}}}}}

PUT_EXAMPLES = {
    "full": {
        "summary": "A full item",
        "description": "Every field set.",
        "value": SAMPLE_ITEM,
    },
    "minimal": {
        "summary": "Only the required fields",
        "description": "Fields you leave out go back to their defaults.",
        "value": {"name": "Notebook", "price": 3500.0},
    },
}


def not_found(item_id: int) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{item_id}번 상품을 찾을 수 없습니다")


# --------------------------------------------------------------------------
# Routes
# --------------------------------------------------------------------------

@app.post("/items", response_model=ItemOut, status_code=201, tags=["items"],
          responses=UNREADABLE_BODY)
def create_item(item: Item, store: Store):
    return store.add_many([item])[0]


@app.post("/items/bulk", response_model=list[ItemOut], status_code=201, tags=["items"],
          responses=UNREADABLE_BODY)
def create_items(items: Annotated[list[Item], Body(min_length=1, max_length=50)], store: Store):
    return store.add_many(items)


@app.get("/items", response_model=list[ItemOut], tags=["items"])
def read_items(store: Store):
    with store.lock:
        return [store.items[k] for k in sorted(store.items)]


@app.get("/items/{item_id}", response_model=ItemOut, tags=["items"], responses=NOT_FOUND)
def read_item(item_id: Annotated[int, Path(description="The item's id")], store: Store):
    with store.lock:
        if item_id not in store.items:
            raise not_found(item_id)
        return store.items[item_id]


@app.put("/items/{item_id}", response_model=ItemOut, tags=["items"],
         responses={**NOT_FOUND, **UNREADABLE_BODY})
def replace_item(
    item_id: Annotated[int, Path(description="The item's id")],
    item: Annotated[Item, Body(openapi_examples=PUT_EXAMPLES)],
    store: Store,
    dry_run: Annotated[bool, Query(description="Answer without saving")] = False,
):
    with store.lock:
        if item_id not in store.items:
            raise not_found(item_id)
        new = ItemOut(id=item_id, **item.model_dump())
        if not dry_run:
            store.items[item_id] = new
        return new
