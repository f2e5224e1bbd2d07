"""Chapter 5 with a store that takes no lock: the concurrency tests, and only they, must fail.

The store is the reference's, with its lock replaced by a no-op. Its dict stands for a real
storage: every read and write takes a moment (releasing the GIL, as I/O does), so concurrent
requests really interleave between "read the current state" and "write the new one" instead of
depending on when Python happens to switch threads. Routes and error handlers are the
reference's own.
"""

import contextlib
import time
from collections.abc import AsyncIterator

from fastapi import FastAPI

from chapters.ch05_crud_and_errors.app.error_handlers import register_error_handlers
from chapters.ch05_crud_and_errors.app.routers import items
from chapters.ch05_crud_and_errors.app.schemas import Item
from chapters.ch05_crud_and_errors.app.store import ItemStore

STORAGE_LATENCY = 0.005  # seconds per read or write


class SlowStorage(dict[int, Item]):
    def get(self, key: int, default: Item | None = None) -> Item | None:
        time.sleep(STORAGE_LATENCY)
        return super().get(key, default)

    def values(self) -> list[Item]:  # a snapshot, as a query would return
        time.sleep(STORAGE_LATENCY)
        return list(super().values())

    def __setitem__(self, key: int, value: Item) -> None:
        time.sleep(STORAGE_LATENCY)
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
