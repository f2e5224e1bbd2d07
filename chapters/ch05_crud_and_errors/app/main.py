"""챕터 5: 에러 본문이 한 가지 모양인 ``/items`` CRUD.

실행: ``uvicorn chapters.ch05_crud_and_errors.app.main:app --reload``
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
    """앱을 실행할 때마다(서버 시작, ``with TestClient(app)``) 빈 저장소를 만듭니다."""
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
