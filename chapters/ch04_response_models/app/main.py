"""Chapter 4: response models and status codes.

Run it:  uvicorn chapters.ch04_response_models.app.main:app --reload
   or:  fastapi dev chapters/ch04_response_models/app/main.py
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
    """A fresh user store for every run of the app: nothing carries over between runs (or tests)."""
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
