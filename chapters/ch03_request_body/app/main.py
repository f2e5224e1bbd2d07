"""챕터 3: Pydantic 모델로 받는 요청 본문, 메모리 저장소에 보관합니다.

실행: ``uvicorn chapters.ch03_request_body.app.main:app --reload`` 뒤 ``/docs``를 여세요.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .routers import items
from .store import ItemStore

__all__ = ["app"]  # 채점 계약: 챕터 README 참고


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """앱을 실행할 때마다(``with TestClient(app)``마다) 빈 저장소를 새로 만듭니다."""
    app.state.store = ItemStore()
    yield


app = FastAPI(
    title=TITLE, version=VERSION, description=DESCRIPTION, openapi_tags=TAGS, lifespan=lifespan
)
app.include_router(items.router)
