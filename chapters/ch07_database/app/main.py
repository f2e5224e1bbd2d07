"""Chapter 7: a database behind the API — SQLAlchemy 2.0 on SQLite.

Run it:  uvicorn chapters.ch07_database.app.main:app --reload
   or:  DATABASE_URL=sqlite:///./my.db fastapi dev chapters/ch07_database/app/main.py
Without ``DATABASE_URL`` the data goes to ``chapters/ch07_database/data/items.db``.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .crud import DuplicateItemNameError
from .database import SessionLocal, create_tables, engine, get_db
from .errors import duplicate_name_handler
from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .models import Base
from .routers import items

__all__ = ["Base", "SessionLocal", "app", "create_tables", "engine", "get_db"]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Tables exist before the first request (a real project runs Alembic migrations)."""
    create_tables()
    yield


app = FastAPI(
    title=TITLE, version=VERSION, description=DESCRIPTION, openapi_tags=TAGS, lifespan=lifespan
)
app.exception_handler(DuplicateItemNameError)(duplicate_name_handler)
app.include_router(items.router)
