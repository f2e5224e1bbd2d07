"""챕터 2: 메모리의 아이템 목록 위에서 경로 매개변수와 쿼리 파라미터를 다룹니다.

실행: ``uvicorn chapters.ch02_path_and_query.app.main:app --reload`` 후 ``/docs``를 여세요.
"""

from fastapi import FastAPI

from .catalog import get_catalog
from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .routers import categories, items, search

__all__ = ["app", "get_catalog"]  # 채점 계약: 챕터 README를 보세요

app = FastAPI(title=TITLE, version=VERSION, description=DESCRIPTION, openapi_tags=TAGS)
app.include_router(items.router)
app.include_router(categories.router)
app.include_router(search.router)
