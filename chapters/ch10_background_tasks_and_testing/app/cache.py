"""The items list in memory: ``GET /items`` reads it, a background task refreshes it.

Every write to the items (POST, PUT, PATCH, DELETE) registers ``refresh_items_cache``, so the
cache is rebuilt after the response instead of making the writer wait. Between the write and
the refresh a reader may see the old list: the usual price of a cache. The cache lives in
``app.state`` and starts empty with each run of the app's lifespan.
"""

import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from .background import logged_task
from .models import Item
from .schemas import ItemRead


class ItemsCache:
    """Every item, in id order, loaded on first read and replaced by each refresh."""

    def __init__(self) -> None:
        self._items: list[ItemRead] | None = None
        # Refreshes run in worker threads; the lock makes the last one to start the last to
        # store, so the cache ends with what the last write left in the database.
        self._lock = threading.Lock()

    def get(self, load: Callable[[], list[ItemRead]]) -> list[ItemRead]:
        with self._lock:
            if self._items is None:
                self._items = load()
            return self._items

    def refresh(self, load: Callable[[], list[ItemRead]]) -> None:
        with self._lock:
            self._items = load()


def load_items(db: Session) -> list[ItemRead]:
    return [ItemRead.model_validate(item) for item in db.scalars(select(Item).order_by(Item.id))]


@logged_task
def refresh_items_cache(cache: ItemsCache, sessions: sessionmaker[Session]) -> None:
    """Background task: reload the cached list from the database after a write."""
    with sessions() as db:
        cache.refresh(lambda: load_items(db))


def get_items_cache(request: Request) -> ItemsCache:
    """The app's cache, made by its lifespan (run by uvicorn and by ``with TestClient(app)``)."""
    cache: ItemsCache = request.app.state.items_cache
    return cache


ItemsCacheDep = Annotated[ItemsCache, Depends(get_items_cache)]
