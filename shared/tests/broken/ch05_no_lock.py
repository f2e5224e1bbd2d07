"""Chapter 5 with a store that takes no lock: the concurrency tests, and only they, must fail.

The store is the reference's, with its lock replaced by a no-op. Its dict stands for a real
storage: a read returns what was there when it was asked, and arrives a moment later (a round
trip, releasing the GIL, as I/O does); a write takes a moment too. Concurrent requests then
all read the same state before any of them writes the new one, every time, instead of only
when Python happens to switch threads at the wrong instant. Routes and error handlers are the
reference's own.
"""

import contextlib
import time
from collections.abc import AsyncIterator

from fastapi import FastAPI

from chapters.ch05_crud_and_errors.app.errors import register_error_handlers
from chapters.ch05_crud_and_errors.app.routers import items
from chapters.ch05_crud_and_errors.app.schemas import ItemRead
from chapters.ch05_crud_and_errors.app.store import ItemStore

READ_LATENCY = 0.05  # seconds between reading a value and the reader having it
WRITE_LATENCY = 0.005  # seconds per write


class SlowStorage(dict[int, ItemRead]):
    def get(self, key: int, default: ItemRead | None = None) -> ItemRead | None:
        value = super().get(key, default)
        time.sleep(READ_LATENCY)
        return value

    def values(self) -> list[ItemRead]:  # a snapshot, as a query would return
        snapshot = list(super().values())
        time.sleep(READ_LATENCY)
        return snapshot

    def __setitem__(self, key: int, value: ItemRead) -> None:
        time.sleep(WRITE_LATENCY)
        super().__setitem__(key, value)


class UnlockedItemStore(ItemStore):
    def __init__(self) -> None:
        super().__init__()
        self._items = SlowStorage()
        self._lock = contextlib.nullcontext()


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.item_store = UnlockedItemStore()
    yield


app = FastAPI(lifespan=lifespan)
register_error_handlers(app)
app.include_router(items.router)
