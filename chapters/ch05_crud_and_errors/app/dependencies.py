"""The store a request works on: the one the app's lifespan made for this run of the app."""

from typing import Annotated

from fastapi import Depends, Request

from .store import ItemStore


def get_item_store(request: Request) -> ItemStore:
    store: ItemStore = request.app.state.item_store
    return store


ItemStoreDep = Annotated[ItemStore, Depends(get_item_store)]
