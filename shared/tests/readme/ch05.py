"""Chapter 5 -- CRUD and error handling, in one file (FastAPI-tutorial style).

Run:  uvicorn solution:app --reload      (with this folder on PYTHONPATH / as cwd)

* In-memory item store guarded by one ``threading.Lock``; a new, empty store is
  made by the lifespan every time the app starts.
* 404 / 409 via ``HTTPException``; ``OutOfStockError`` is a domain exception with
  its own registered handler (409).
* ``RequestValidationError`` handler that keeps only ``loc``/``msg``/``type``.
* Every error body is ``{"detail": ...}`` and documented in OpenAPI as
  ``ErrorMessage`` or ``ValidationErrorBody``.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# ---------------------------------------------------------------------------
# Schemas
# ---------------------------------------------------------------------------

ItemName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Won = Annotated[int, Field(ge=0, strict=True)]
Description = Annotated[str, Field(max_length=300)]


class ItemCreate(BaseModel):
    """Body of POST /items and PUT /items/{id} (PUT replaces everything)."""

    model_config = ConfigDict(extra="forbid")

    name: ItemName
    price: Won
    description: Description | None = None
    stock: Won = 0


class ItemUpdate(BaseModel):
    """Body of PATCH: every field optional; only ``description`` may be null.

    ``name``/``price``/``stock`` are typed without ``None`` so an explicit
    ``null`` is a 422, while leaving them out keeps the stored value
    (``model_dump(exclude_unset=True)``).
    """

    model_config = ConfigDict(extra="forbid")

    name: ItemName = None  # type: ignore[assignment]
    price: Won = None  # type: ignore[assignment]
    description: Description | None = None
    stock: Won = None  # type: ignore[assignment]


class ItemRead(BaseModel):
    id: int
    name: str
    price: int
    description: str | None = None
    stock: int


class Purchase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quantity: Annotated[int, Field(ge=1, le=1000, strict=True)]


class ErrorMessage(BaseModel):
    """Body of 400 / 404 / 405 / 409 responses."""

    detail: str


class ValidationErrorDetail(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorBody(BaseModel):
    """Body of 422 responses (never echoes the rejected input)."""

    detail: list[ValidationErrorDetail]


# ---------------------------------------------------------------------------
# Domain exceptions
# ---------------------------------------------------------------------------


class DuplicateNameError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class OutOfStockError(Exception):
    def __init__(self, item_id: int, requested: int, available: int) -> None:
        super().__init__(item_id, requested, available)
        self.item_id = item_id
        self.requested = requested
        self.available = available


# ---------------------------------------------------------------------------
# Store (thread safe, ids never reused)
# ---------------------------------------------------------------------------


class ItemStore:
    """Each method holds the lock for its whole read-check-write."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[int, dict[str, Any]] = {}
        self._last_id = 0  # only ever grows -> dict order == id order

    def _name_taken(self, name: str, exclude_id: int | None = None) -> bool:
        return any(i["name"] == name and i["id"] != exclude_id for i in self._items.values())

    def page(self, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        with self._lock:
            items = list(self._items.values())
        return [dict(i) for i in items[offset : offset + limit]], len(items)

    def get(self, item_id: int) -> dict[str, Any] | None:
        with self._lock:
            item = self._items.get(item_id)
            return dict(item) if item else None

    def add(self, data: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            if self._name_taken(data["name"]):
                raise DuplicateNameError(data["name"])
            self._last_id += 1
            item = {"id": self._last_id, **data}
            self._items[item["id"]] = item
            return dict(item)

    def update(self, item_id: int, changes: dict[str, Any]) -> dict[str, Any] | None:
        with self._lock:
            item = self._items.get(item_id)
            if item is None:
                return None
            if "name" in changes and self._name_taken(changes["name"], exclude_id=item_id):
                raise DuplicateNameError(changes["name"])
            item.update(changes)
            return dict(item)

    def delete(self, item_id: int) -> bool:
        with self._lock:
            return self._items.pop(item_id, None) is not None

    def purchase(self, item_id: int, quantity: int) -> dict[str, Any] | None:
        with self._lock:
            item = self._items.get(item_id)
            if item is None:
                return None
            if quantity > item["stock"]:
                raise OutOfStockError(item_id, quantity, item["stock"])
            item["stock"] -= quantity
            return dict(item)


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.items = ItemStore()  # a fresh, empty store for every run
    yield


def get_item_store(request: Request) -> ItemStore:
    return request.app.state.items


StoreDep = Annotated[ItemStore, Depends(get_item_store)]
ItemId = Annotated[int, Path(ge=1, description="Item id (an integer >= 1)")]

# ---------------------------------------------------------------------------
# App, error handlers and the documented error responses
# ---------------------------------------------------------------------------

app = FastAPI(title="Chapter 5: CRUD and errors", lifespan=lifespan)


@app.exception_handler(OutOfStockError)
async def out_of_stock_handler(request: Request, exc: OutOfStockError) -> JSONResponse:
    return JSONResponse(
        status_code=status.HTTP_409_CONFLICT,
        content={
            "detail": (
                f"Item {exc.item_id} is out of stock: requested {exc.requested}, "
                f"only {exc.available} left"
            )
        },
    )


@app.exception_handler(RequestValidationError)
async def validation_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content=jsonable_encoder({"detail": errors}),
    )


def _doc(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {
        400: "Body could not be decoded",
        404: "Item not found",
        409: "Conflict",
        422: "Validation error",
    }
    return {
        code: {
            "model": ValidationErrorBody if code == 422 else ErrorMessage,
            "description": text[code],
        }
        for code in codes
    }


def item_not_found(item_id: int) -> HTTPException:
    return HTTPException(status_code=404, detail=f"Item {item_id} not found")


def name_taken(name: str) -> HTTPException:
    return HTTPException(status_code=409, detail=f"Item name '{name}' is already taken")


# ---------------------------------------------------------------------------
# Routes (plain ``def``: they run in the thread pool, hence the lock)
# ---------------------------------------------------------------------------


@app.get("/items", response_model=list[ItemRead], responses=_doc(422))
def list_items(
    response: Response,
    store: StoreDep,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
):
    items, total = store.page((page - 1) * size, size)
    response.headers["X-Total-Count"] = str(total)
    return items


@app.get("/items/{item_id}", response_model=ItemRead, responses=_doc(404, 422))
def read_item(item_id: ItemId, store: StoreDep):
    item = store.get(item_id)
    if item is None:
        raise item_not_found(item_id)
    return item


@app.post(
    "/items",
    response_model=ItemRead,
    status_code=status.HTTP_201_CREATED,
    responses=_doc(400, 409, 422),
)
def create_item(item: ItemCreate, request: Request, response: Response, store: StoreDep):
    try:
        created = store.add(item.model_dump())
    except DuplicateNameError as exc:
        raise name_taken(exc.name) from exc
    response.headers["Location"] = str(request.url_for("read_item", item_id=created["id"]))
    return created


@app.put("/items/{item_id}", response_model=ItemRead, responses=_doc(400, 404, 409, 422))
def replace_item(item_id: ItemId, item: ItemCreate, store: StoreDep):
    try:
        updated = store.update(item_id, item.model_dump())
    except DuplicateNameError as exc:
        raise name_taken(exc.name) from exc
    if updated is None:
        raise item_not_found(item_id)
    return updated


@app.patch("/items/{item_id}", response_model=ItemRead, responses=_doc(400, 404, 409, 422))
def update_item(item_id: ItemId, patch: ItemUpdate, store: StoreDep):
    try:
        updated = store.update(item_id, patch.model_dump(exclude_unset=True))
    except DuplicateNameError as exc:
        raise name_taken(exc.name) from exc
    if updated is None:
        raise item_not_found(item_id)
    return updated


@app.delete(
    "/items/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=_doc(404, 422),
)
def delete_item(item_id: ItemId, store: StoreDep):
    if not store.delete(item_id):
        raise item_not_found(item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@app.post(
    "/items/{item_id}/purchase",
    response_model=ItemRead,
    responses=_doc(400, 404, 409, 422),
)
def purchase_item(item_id: ItemId, order: Purchase, store: StoreDep):
    # OutOfStockError is turned into a 409 by ``out_of_stock_handler``.
    item = store.purchase(item_id, order.quantity)
    if item is None:
        raise item_not_found(item_id)
    return item
