"""챕터 3을 읽은 학습자의 풀이: Pydantic 모델로 본문을 받고, 상품은 모듈의 딕셔너리에 둔다."""

from typing import Annotated

from fastapi import Body, FastAPI, HTTPException
from pydantic import BaseModel, Field, HttpUrl, field_validator

app = FastAPI(title="상품 등록", version="0.3.0")


class Image(BaseModel):
    url: HttpUrl
    name: str = Field(min_length=1, max_length=100)


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0, le=1_000_000)
    discount_price: float | None = Field(default=None, gt=0)
    description: str | None = Field(default=None, max_length=300)
    tags: list[str] = Field(default=[], max_length=10)
    images: list[Image] = Field(default=[], max_length=5)

    model_config = {
        "json_schema_extra": {
            "examples": [{"name": "감귤", "price": 18900, "tags": ["과일"]}],
        }
    }

    @field_validator("name")
    @classmethod
    def name_not_blank(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("이름이 비어 있습니다")
        return v

    @field_validator("tags")
    @classmethod
    def clean_tags(cls, v: list[str]) -> list[str]:
        result = []
        for tag in v:
            tag = tag.strip().lower()
            if not tag:
                raise ValueError("빈 태그가 있습니다")
            if tag not in result:
                result.append(tag)
        return result


class ItemOut(Item):
    id: int


items_db: dict[int, ItemOut] = {}
next_id = 1


def save(item: Item) -> ItemOut:
    global next_id
    stored = ItemOut(id=next_id, **item.model_dump())
    items_db[next_id] = stored
    next_id += 1
    return stored


@app.post("/items", status_code=201)
def create_item(item: Item) -> ItemOut:
    return save(item)


@app.post("/items/bulk", status_code=201)
def create_items(items: Annotated[list[Item], Body(min_length=1, max_length=50)]) -> list[ItemOut]:
    return [save(item) for item in items]


@app.get("/items")
def read_items() -> list[ItemOut]:
    return list(items_db.values())


@app.get("/items/{item_id}", responses={404: {"description": "상품이 없습니다"}})
def read_item(item_id: int) -> ItemOut:
    if item_id not in items_db:
        raise HTTPException(status_code=404, detail=f"{item_id}번 상품이 없습니다")
    return items_db[item_id]


@app.put("/items/{item_id}", responses={404: {"description": "상품이 없습니다"}})
def update_item(item_id: int, item: Item, dry_run: bool = False) -> ItemOut:
    if item_id not in items_db:
        raise HTTPException(status_code=404, detail=f"{item_id}번 상품이 없습니다")
    updated = ItemOut(id=item_id, **item.model_dump())
    if not dry_run:
        items_db[item_id] = updated
    return updated
