"""Chapter 6: dependency injection — functions, classes, sub-dependencies, ``yield``, caching.

Run it:  API_KEY=change-me uvicorn chapters.ch06_dependencies.app.main:app --reload
   or:  API_KEY=change-me fastapi dev chapters/ch06_dependencies/app/main.py
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
    """Each run of the app starts with an empty event log of its own."""
    app.state.event_log = new_event_log()
    yield


app = FastAPI(
    title=TITLE,
    version=VERSION,
    description=DESCRIPTION,
    openapi_tags=TAGS,
    lifespan=lifespan,
    # A global dependency: it runs for every route of every router.
    dependencies=[Depends(request_id)],
)
app.include_router(items.router)
app.include_router(nonces.router)
app.include_router(secure.router)
app.include_router(events.router)
