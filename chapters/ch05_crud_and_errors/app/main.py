"""챕터 5: 에러 본문이 한 가지 모양인 ``/items`` CRUD.

실행: ``uvicorn chapters.ch05_crud_and_errors.app.main:app --reload``
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .errors import register_error_handlers
from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .routers import items
from .store import ItemStore


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """앱을 실행할 때마다(서버 시작, ``with TestClient(app)``) 빈 저장소를 만듭니다."""
    app.state.item_store = ItemStore()
    yield


app = FastAPI(
    title=TITLE,
    version=VERSION,
    description=DESCRIPTION,
    openapi_tags=TAGS,
    lifespan=lifespan,
)
register_error_handlers(app)
app.include_router(items.router)
