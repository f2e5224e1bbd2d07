"""Chapter 5: ``/items`` CRUD with consistent errors.

Run it:  uvicorn chapters.ch05_crud_and_errors.app.main:app --reload
   or:  fastapi dev chapters/ch05_crud_and_errors/app/main.py
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .error_handlers import register_error_handlers
from .routers import items
from .store import ItemStore

TAGS = [
    {"name": "items", "description": "아이템 CRUD: 목록·조회·생성·전체 수정·부분 수정·삭제·구매"}
]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Each run of the app (a server start, a ``with TestClient(app)``) gets an empty store."""
    app.state.item_store = ItemStore()
    yield


app = FastAPI(
    title="CRUD와 에러 처리",
    version="1.0.0",
    description=(
        "챕터 5: 메모리에 두는 `/items` CRUD, 404/409 `HTTPException`, 직접 만든 예외와 핸들러, "
        '검증 오류 핸들러. 모든 에러 본문은 `{"detail": ...}` 한 가지 모양이다.'
    ),
    openapi_tags=TAGS,
    lifespan=lifespan,
)
register_error_handlers(app)
app.include_router(items.router)
