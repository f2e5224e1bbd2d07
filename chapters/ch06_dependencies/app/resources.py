"""A ``yield`` dependency: open a connection per request, close it afterwards, always.

Every step goes to the app's event log (``GET /events``), so the clean-up can be seen — also
when the endpoint raised. Tests swap the log for their own list through ``get_event_log``.
"""

import itertools
from collections import deque
from collections.abc import Iterator, MutableSequence
from typing import Annotated, Any

from fastapi import Depends, Request

from .catalog import CatalogConnection

EVENT_LOG_SIZE = 200  # a long-running server keeps only the latest events

Event = dict[str, Any]
EventLog = MutableSequence[Event]


def new_event_log() -> EventLog:
    return deque(maxlen=EVENT_LOG_SIZE)


def get_event_log(request: Request) -> EventLog:
    """The app's own log, created by the lifespan in ``main.py``."""
    log: EventLog = request.app.state.event_log
    return log


EventLogDep = Annotated[EventLog, Depends(get_event_log)]

_numbers = itertools.count(1)


def get_connection(log: EventLogDep) -> Iterator[CatalogConnection]:
    """Code before ``yield`` sets up, code after it cleans up (``finally``: even on errors)."""
    connection = CatalogConnection(next(_numbers))
    log.append({"connection": connection.number, "event": "open"})
    try:
        yield connection
    except Exception as exc:
        # The endpoint's exception arrives here; record it and re-raise so FastAPI answers.
        log.append({"connection": connection.number, "event": "error", "error": type(exc).__name__})
        raise
    finally:
        connection.close()
        log.append({"connection": connection.number, "event": "close"})


ConnectionDep = Annotated[CatalogConnection, Depends(get_connection)]
