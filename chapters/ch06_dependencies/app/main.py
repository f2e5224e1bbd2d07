"""챕터 6: 의존성 주입 — 함수, 클래스, 하위 의존성, ``yield``, 캐싱.

실행: ``API_KEY=change-me uvicorn chapters.ch06_dependencies.app.main:app --reload``
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from .config import Settings, SettingsDep, get_settings
from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .nonces import make_nonce
from .params import Pagination, PaginationDep, SearchDep, search_term
from .request_id import request_id
from .resources import get_connection, get_event_log, new_event_log
from .routers import events, items, nonces, secure

__all__ = [
    "Pagination",
    "PaginationDep",
    "SearchDep",
    "Settings",
    "SettingsDep",
    "app",
    "get_connection",
    "get_event_log",
    "get_settings",
    "make_nonce",
    "search_term",
]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """앱을 실행할 때마다 자기만의 빈 이벤트 기록으로 시작합니다."""
    app.state.event_log = new_event_log()
    yield


app = FastAPI(
    title=TITLE,
    version=VERSION,
    description=DESCRIPTION,
    openapi_tags=TAGS,
    lifespan=lifespan,
    # 전역 의존성: 모든 라우터의 모든 라우트에서 실행됩니다.
    dependencies=[Depends(request_id)],
)
app.include_router(items.router)
app.include_router(nonces.router)
app.include_router(secure.router)
app.include_router(events.router)
