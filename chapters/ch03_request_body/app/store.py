"""Items kept in memory (a database arrives in chapter 7), one store per run of the app.

The app creates its store in its lifespan (``app.state.store``), so every run, and every
``with TestClient(app)`` block, starts empty. Routes get it through the ``get_store``
dependency rather than a global.
"""

import threading
from collections.abc import Iterable
from typing import Annotated

from fastapi import Depends, Request

from .schemas import ItemBase, ItemOut


class ItemStore:
    def __init__(self) -> None:
        self._items: dict[int, ItemOut] = {}
        self._last_id = 0
        self._lock = threading.Lock()  # plain ``def`` routes run in a thread pool

    def add(self, items: Iterable[ItemBase]) -> list[ItemOut]:
        """Store the items under new ids, one after another, and return them stored."""
        with self._lock:
            stored = []
            for item in items:
                self._last_id += 1
                stored.append(ItemOut(id=self._last_id, **item.model_dump()))
            self._items.update((item.id, item) for item in stored)
            return stored

    def get(self, item_id: int) -> ItemOut | None:
        return self._items.get(item_id)

    def save(self, item: ItemOut) -> None:
        with self._lock:
            self._items[item.id] = item

    def all(self) -> list[ItemOut]:
        return sorted(self._items.values(), key=lambda item: item.id)


def get_store(request: Request) -> ItemStore:
    store: ItemStore = request.app.state.store
    return store


StoreDep = Annotated[ItemStore, Depends(get_store)]
