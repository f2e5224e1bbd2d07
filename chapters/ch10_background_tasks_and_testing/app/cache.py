"""메모리 안의 아이템 목록: ``GET /items``가 읽고, 백그라운드 작업이 갱신합니다.

쓰기마다 응답 뒤에 ``refresh_items_cache``가 목록을 다시 만들어, 쓴 쪽은 기다리지 않습니다."""

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
    """모든 아이템을 id 순서로: 처음 읽을 때 불러오고, 갱신할 때마다 바꿉니다."""

    def __init__(self) -> None:
        self._items: list[ItemRead] | None = None
        # 갱신은 워커 스레드에서 돌아갑니다. 잠금 덕분에 마지막에 시작한 갱신이 마지막에
        # 저장하므로, 캐시는 마지막 쓰기가 남긴 내용으로 끝납니다.
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
    """백그라운드 작업: 쓰기 뒤에 데이터베이스에서 목록을 다시 불러옵니다."""
    with sessions() as db:
        cache.refresh(lambda: load_items(db))


def get_items_cache(request: Request) -> ItemsCache:
    """앱의 캐시. lifespan이 만듭니다(uvicorn과 ``with TestClient(app)``가 실행)."""
    cache: ItemsCache = request.app.state.items_cache
    return cache


ItemsCacheDep = Annotated[ItemsCache, Depends(get_items_cache)]
