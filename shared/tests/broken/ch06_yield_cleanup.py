"""Chapter 6 whose ``yield`` dependency never cleans up: connections open, never close.

The reference app's routers, global dependency and lifespan on a new app, with
``get_connection`` swapped for a version that has no code after its ``yield`` (no close,
no record of errors). Exactly the clean-up tests must fail.
"""

import itertools
from collections.abc import Iterator

from fastapi import Depends, FastAPI

from chapters.ch06_dependencies.app import main as reference
from chapters.ch06_dependencies.app.catalog import CatalogConnection
from chapters.ch06_dependencies.app.main import (  # the grading contract, unchanged
    PaginationDep,
    get_event_log,
    get_settings,
    make_nonce,
)
from chapters.ch06_dependencies.app.request_id import request_id
from chapters.ch06_dependencies.app.resources import EventLogDep, get_connection
from chapters.ch06_dependencies.app.routers import events, items, nonces, secure

__all__ = ["PaginationDep", "app", "get_event_log", "get_settings", "make_nonce"]

_numbers = itertools.count(1)


def get_connection_without_cleanup(log: EventLogDep) -> Iterator[CatalogConnection]:
    connection = CatalogConnection(next(_numbers))
    log.append({"connection": connection.number, "event": "open"})
    yield connection  # the clean-up that should follow is missing


app = FastAPI(lifespan=reference.lifespan, dependencies=[Depends(request_id)])
for router in (items.router, nonces.router, secure.router, events.router):
    app.include_router(router)
app.dependency_overrides[get_connection] = get_connection_without_cleanup
