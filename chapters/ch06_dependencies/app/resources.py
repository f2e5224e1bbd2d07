"""``yield`` 의존성: 요청마다 연결을 열고, 끝나면 언제나 닫습니다.

모든 단계가 앱의 이벤트 기록(``GET /events``)에 남아 정리 작업을 볼 수 있습니다.
"""

import itertools
from collections import deque
from collections.abc import Iterator, MutableSequence
from typing import Annotated, Any

from fastapi import Depends, Request

from .catalog import CatalogConnection

EVENT_LOG_SIZE = 200  # 오래 도는 서버는 최근 이벤트만 보관합니다

Event = dict[str, Any]
EventLog = MutableSequence[Event]


def new_event_log() -> EventLog:
    return deque(maxlen=EVENT_LOG_SIZE)


def get_event_log(request: Request) -> EventLog:
    """``main.py``의 lifespan이 만든 앱의 기록. 테스트는 이 의존성을 오버라이드합니다."""
    log: EventLog = request.app.state.event_log
    return log


EventLogDep = Annotated[EventLog, Depends(get_event_log)]

_numbers = itertools.count(1)


def get_connection(log: EventLogDep) -> Iterator[CatalogConnection]:
    """``yield`` 앞은 준비, 뒤는 정리입니다(``finally``: 에러가 나도 실행)."""
    connection = CatalogConnection(next(_numbers))
    log.append({"connection": connection.number, "event": "open"})
    try:
        yield connection
    except Exception as exc:
        # 엔드포인트의 예외가 여기로 옵니다. 기록하고 다시 던져야 FastAPI가 응답합니다.
        log.append({"connection": connection.number, "event": "error", "error": type(exc).__name__})
        raise
    finally:
        connection.close()
        log.append({"connection": connection.number, "event": "close"})


ConnectionDep = Annotated[CatalogConnection, Depends(get_connection)]
