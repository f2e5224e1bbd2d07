"""챕터 7: API 뒤의 데이터베이스, SQLite 위의 SQLAlchemy 2.0.

실행: ``uvicorn chapters.ch07_database.app.main:app --reload`` (README의 "실행" 참고).
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
    """첫 요청 전에 테이블을 만듭니다(실제 프로젝트는 Alembic 마이그레이션을 실행합니다)."""
    create_tables()
    yield


app = FastAPI(
    title=TITLE, version=VERSION, description=DESCRIPTION, openapi_tags=TAGS, lifespan=lifespan
)
app.exception_handler(DuplicateItemNameError)(duplicate_name_handler)
app.include_router(items.router)
