"""Chapter 3: request bodies as Pydantic models, kept in an in-memory store.

Run it:  uvicorn chapters.ch03_request_body.app.main:app --reload
   or:  fastapi dev chapters/ch03_request_body/app/main.py
Then open /docs: POST /items shows the schema's example, PUT /items/{item_id} a drop-down of
examples; send a bad body to see the 422 and its ``detail``.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .routers import items
from .store import ItemStore

__all__ = ["app"]  # the grading contract: see the chapter README


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Each run of the app (each ``with TestClient(app)``) gets a new, empty store."""
    app.state.store = ItemStore()
    yield


app = FastAPI(
    title=TITLE, version=VERSION, description=DESCRIPTION, openapi_tags=TAGS, lifespan=lifespan
)
app.include_router(items.router)
