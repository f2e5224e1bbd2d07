"""챕터 5 README만 읽은 학습자의 풀이: `/items` CRUD, 사용자 정의 예외와 처리기, 422 처리기, 락.

아이템은 모듈 변수 `items`에 둡니다(lifespan이 없어 앱을 다시 실행해도 남습니다). 라우트에
`responses=`를 적지 않았고, `PATCH`의 `"name": null`·`"price": null`은 422 대신 무시합니다.
"""

import itertools
import threading
from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

app = FastAPI()

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


class ItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    price: int = Field(ge=0)
    description: str | None = Field(default=None, max_length=300)
    stock: int = Field(default=0, ge=0)


class ItemPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    price: int | None = Field(default=None, ge=0)
    description: str | None = Field(default=None, max_length=300)
    stock: int | None = Field(default=None, ge=0)


class Item(ItemIn):
    id: int


class Purchase(BaseModel):
    quantity: int = Field(ge=1, le=1000)


class OutOfStockError(Exception):
    def __init__(self, item: Item, quantity: int):
        self.item = item
        self.quantity = quantity


@app.exception_handler(OutOfStockError)
async def out_of_stock_handler(request: Request, exc: OutOfStockError):
    return JSONResponse(
        status_code=409,
        content={"detail": f"재고가 부족합니다: {exc.item.stock}개 남았습니다"},
    )


@app.exception_handler(RequestValidationError)
async def validation_handler(request: Request, exc: RequestValidationError):
    errors = [
        {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
        for error in exc.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": errors})


items: dict[int, Item] = {}
ids = itertools.count(1)
lock = threading.Lock()

ItemId = Annotated[int, Path(ge=1)]


def not_found(item_id: int) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{item_id}번 아이템이 없습니다")


def check_name(name: str, item_id: int | None = None) -> None:
    for item in items.values():
        if item.name == name and item.id != item_id:
            raise HTTPException(status_code=409, detail=f"이미 있는 이름입니다: {name}")


@app.get("/items")
def read_items(
    response: Response,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[Item]:
    with lock:
        all_items = sorted(items.values(), key=lambda item: item.id)
    response.headers["X-Total-Count"] = str(len(all_items))
    start = (page - 1) * size
    return all_items[start : start + size]


@app.get("/items/{item_id}")
def read_item(item_id: ItemId) -> Item:
    if item_id not in items:
        raise not_found(item_id)
    return items[item_id]


@app.post("/items", status_code=201)
def create_item(item_in: ItemIn, request: Request, response: Response) -> Item:
    with lock:
        check_name(item_in.name)
        item = Item(id=next(ids), **item_in.model_dump())
        items[item.id] = item
    response.headers["Location"] = str(request.url_for("read_item", item_id=item.id))
    return item


@app.put("/items/{item_id}")
def replace_item(item_id: ItemId, item_in: ItemIn) -> Item:
    with lock:
        if item_id not in items:
            raise not_found(item_id)
        check_name(item_in.name, item_id)
        items[item_id] = Item(id=item_id, **item_in.model_dump())
        return items[item_id]


@app.patch("/items/{item_id}")
def update_item(item_id: ItemId, patch: ItemPatch) -> Item:
    with lock:
        if item_id not in items:
            raise not_found(item_id)
        changes = patch.model_dump(exclude_unset=True)
        changes = {k: v for k, v in changes.items() if v is not None or k == "description"}
        if "name" in changes:
            check_name(changes["name"], item_id)
        items[item_id] = items[item_id].model_copy(update=changes)
        return items[item_id]


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: ItemId) -> None:
    with lock:
        if items.pop(item_id, None) is None:
            raise not_found(item_id)


@app.post("/items/{item_id}/purchase")
def purchase(item_id: ItemId, order: Purchase) -> Item:
    with lock:
        if item_id not in items:
            raise not_found(item_id)
        item = items[item_id]
        if order.quantity > item.stock:
            raise OutOfStockError(item, order.quantity)
        items[item_id] = item.model_copy(update={"stock": item.stock - order.quantity})
        return items[item_id]
