"""메모리에 두는 아이템(데이터베이스는 챕터 7): 동시 요청에도 올바르게 동작합니다.

메서드마다 읽기-확인-쓰기 전체에 락 하나를 잡습니다(이유는 README의 "더 나아가기").
"""

import threading
from typing import Any

from .errors import DuplicateNameError, OutOfStockError
from .schemas import ItemCreate, ItemRead


class ItemStore:
    def __init__(self) -> None:
        self._items: dict[int, ItemRead] = {}  # id는 늘기만 하므로 넣은 순서가 곧 id 순서
        self._last_id = 0
        self._lock = threading.Lock()

    def page(self, offset: int, limit: int) -> tuple[list[ItemRead], int]:
        """id 순서로 ``offset``부터 ``offset + limit``까지의 아이템과 전체 개수."""
        with self._lock:
            items = list(self._items.values())
        return items[offset : offset + limit], len(items)

    def get(self, item_id: int) -> ItemRead | None:
        with self._lock:
            return self._items.get(item_id)

    def create(self, data: ItemCreate) -> ItemRead:
        with self._lock:
            self._check_name_free(data.name)
            item = ItemRead(id=self._last_id + 1, **data.model_dump())
            self._items[item.id] = item
            self._last_id = item.id
            return item

    def replace(self, item_id: int, data: ItemCreate) -> ItemRead | None:
        """모든 필드를 ``data``로 바꾼 아이템; 그런 아이템이 없으면 ``None``."""
        with self._lock:
            if item_id not in self._items:
                return None
            self._check_name_free(data.name, owner=item_id)
            item = ItemRead(id=item_id, **data.model_dump())
            self._items[item_id] = item
            return item

    def update(self, item_id: int, changes: dict[str, Any]) -> ItemRead | None:
        """현재 버전에 ``changes``를 적용한 아이템; 이미 없으면 ``None``."""
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

    def purchase(self, item_id: int, quantity: int) -> ItemRead | None:
        """재고에서 ``quantity``를 빼거나, 아무것도 바꾸지 않고 ``OutOfStockError``를 던집니다."""
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
        """이름은 겹칠 수 없고 자기 이름은 유지할 수 있습니다. 락을 잡은 채 부르세요."""
        if any(item.name == name and item.id != owner for item in self._items.values()):
            raise DuplicateNameError(name)
