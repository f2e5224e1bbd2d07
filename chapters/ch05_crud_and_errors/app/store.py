"""The items, in memory (the database comes in chapter 7), correct under concurrent requests.

Sync routes run on a thread pool, so two requests can be inside the store at once. Every method
holds one lock for its whole read-check-write: two PATCHes of one item cannot both start from the
old version (a lost update), two creates cannot take the same id or the same name, two purchases
cannot sell the last unit twice. Ids come from a counter that only goes up: a deleted item's id is
never given out again.
"""

import threading
from typing import Any

from .exceptions import DuplicateNameError, OutOfStockError
from .schemas import Item, ItemCreate


class ItemStore:
    def __init__(self) -> None:
        self._items: dict[int, Item] = {}  # ids only grow, so insertion order is id order
        self._last_id = 0
        self._lock = threading.Lock()

    def page(self, offset: int, limit: int) -> tuple[list[Item], int]:
        """Items ``offset`` to ``offset + limit`` in id order, and how many there are in all."""
        with self._lock:
            items = list(self._items.values())
        return items[offset : offset + limit], len(items)

    def get(self, item_id: int) -> Item | None:
        with self._lock:
            return self._items.get(item_id)

    def create(self, data: ItemCreate) -> Item:
        with self._lock:
            self._check_name_free(data.name)
            item = Item(id=self._last_id + 1, **data.model_dump())
            self._items[item.id] = item
            self._last_id = item.id
            return item

    def replace(self, item_id: int, data: ItemCreate) -> Item | None:
        """The item with every field from ``data``; ``None`` if there is no such item."""
        with self._lock:
            if item_id not in self._items:
                return None
            self._check_name_free(data.name, owner=item_id)
            item = Item(id=item_id, **data.model_dump())
            self._items[item_id] = item
            return item

    def update(self, item_id: int, changes: dict[str, Any]) -> Item | None:
        """The item with ``changes`` applied to its current version; ``None`` if it is gone."""
        with self._lock:
            current = self._items.get(item_id)
            if current is None:
                return None
            if "name" in changes:
                self._check_name_free(changes["name"], owner=item_id)
            item = current.model_copy(update=changes)
            self._items[item_id] = item
            return item

    def delete(self, item_id: int) -> bool:
        with self._lock:
            return self._items.pop(item_id, None) is not None

    def purchase(self, item_id: int, quantity: int) -> Item | None:
        """Take ``quantity`` out of stock, or raise ``OutOfStockError`` and change nothing."""
        with self._lock:
            current = self._items.get(item_id)
            if current is None:
                return None
            if current.stock < quantity:
                raise OutOfStockError(item_id, quantity, current.stock)
            item = current.model_copy(update={"stock": current.stock - quantity})
            self._items[item_id] = item
            return item

    def _check_name_free(self, name: str, owner: int | None = None) -> None:
        """Names are unique; an item may keep its own. Call with the lock held."""
        if any(item.name == name and item.id != owner for item in self._items.values()):
            raise DuplicateNameError(name)
