"""챕터 7 학습자 풀이: FastAPI 튜토리얼처럼 한 파일에 SQLAlchemy 2.0, SQLite, /items CRUD.

A learner's solution (chapter README only). The session dependency is named ``get_session``,
as in FastAPI's current SQL tutorial, so the suite cannot swap in its test database: the tests
run on this app's own SQLite file, and those about the test database fail naming ``get_db``.
"""

import os
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./items.db")

engine = create_engine(DATABASE_URL, connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, autoflush=False)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    price: Mapped[int]


Base.metadata.create_all(bind=engine)


def get_session():
    with SessionLocal() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


class ItemCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    price: int = Field(ge=0, le=100_000_000)


class ItemUpdate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=100)
    price: int | None = Field(default=None, ge=0, le=100_000_000)


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    price: int


class ItemPage(BaseModel):
    items: list[ItemRead]
    total: int
    page: int
    size: int


app = FastAPI()


def get_item_or_404(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return item


@app.get("/items", response_model=ItemPage)
def read_items(
    session: SessionDep,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
):
    total = session.scalar(select(func.count()).select_from(Item))
    rows = session.scalars(select(Item).order_by(Item.id).offset((page - 1) * size).limit(size))
    return {"items": rows.all(), "total": total, "page": page, "size": size}


@app.post("/items", response_model=ItemRead, status_code=201)
def create_item(item: ItemCreate, session: SessionDep):
    db_item = Item(**item.model_dump())
    session.add(db_item)
    session.commit()
    session.refresh(db_item)
    return db_item


@app.get("/items/{item_id}", response_model=ItemRead)
def read_item(item_id: Annotated[int, Path(ge=1)], session: SessionDep):
    return get_item_or_404(session, item_id)


@app.put("/items/{item_id}", response_model=ItemRead)
def replace_item(item_id: Annotated[int, Path(ge=1)], item: ItemCreate, session: SessionDep):
    db_item = get_item_or_404(session, item_id)
    db_item.name = item.name
    db_item.price = item.price
    session.commit()
    session.refresh(db_item)
    return db_item


@app.patch("/items/{item_id}", response_model=ItemRead)
def update_item(item_id: Annotated[int, Path(ge=1)], item: ItemUpdate, session: SessionDep):
    db_item = get_item_or_404(session, item_id)
    for key, value in item.model_dump(exclude_unset=True).items():
        setattr(db_item, key, value)
    session.commit()
    session.refresh(db_item)
    return db_item


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: Annotated[int, Path(ge=1)], session: SessionDep):
    session.delete(get_item_or_404(session, item_id))
    session.commit()
