"""챕터 4: 응답 모델과 상태 코드.

실행: ``uvicorn chapters.ch04_response_models.app.main:app --reload``
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError

from .errors import validation_error_without_input
from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .routers import catalog, preferences, users, vehicles
from .store import get_user_store


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """실행마다 새 사용자 저장소: 실행(또는 테스트) 사이에 아무것도 남지 않습니다."""
    app.state.users = {}
    yield


app = FastAPI(
    title=TITLE, version=VERSION, description=DESCRIPTION, openapi_tags=TAGS, lifespan=lifespan
)
app.exception_handler(RequestValidationError)(validation_error_without_input)
app.include_router(catalog.router)
app.include_router(vehicles.router)
app.include_router(users.router)
app.include_router(preferences.router)

__all__ = ["app", "get_user_store"]
