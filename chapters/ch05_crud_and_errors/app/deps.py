"""요청이 쓰는 저장소: 앱의 lifespan이 이번 실행을 위해 만든 저장소입니다."""

from typing import Annotated

from fastapi import Depends, Request

from .store import ItemStore


def get_item_store(request: Request) -> ItemStore:
    store: ItemStore = request.app.state.item_store
    return store


ItemStoreDep = Annotated[ItemStore, Depends(get_item_store)]
