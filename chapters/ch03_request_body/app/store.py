"""메모리에 두는 아이템(데이터베이스는 챕터 7): 앱을 실행할 때마다 저장소 하나.

라우트는 전역 변수 대신 ``get_store`` 의존성으로 저장소를 받습니다.
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
        self._lock = threading.Lock()  # 평범한 ``def`` 라우트는 스레드 풀에서 실행됩니다

    def add(self, items: Iterable[ItemBase]) -> list[ItemOut]:
        """아이템마다 차례로 새 id를 붙여 저장하고, 저장된 것을 돌려줍니다."""
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
