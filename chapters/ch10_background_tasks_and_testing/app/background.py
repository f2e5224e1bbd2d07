"""모든 백그라운드 작업의 공통점: 에러는 일으키지 않고 로그로 남깁니다.

응답 뒤에 실행되는 작업의 예외는 어떤 클라이언트에도 닿지 않기 때문입니다."""

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

Task = TypeVar("Task", bound=Callable[..., Any])


def logged_task(task: Task) -> Task:
    """동기 또는 비동기 작업을 감쌉니다. 감싼 함수도 ``task``처럼 동기 또는 비동기입니다.

    Starlette는 비동기 작업은 await하고, 동기 작업은 워커 스레드에서 실행하기 때문입니다."""
    if inspect.iscoroutinefunction(task):

        @functools.wraps(task)
        async def run_async(*args: Any, **kwargs: Any) -> None:
            try:
                await task(*args, **kwargs)
            except Exception:
                logger.exception("background task %s failed", task.__name__)

        return run_async  # type: ignore[return-value]

    @functools.wraps(task)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            task(*args, **kwargs)
        except Exception:
            logger.exception("background task %s failed", task.__name__)

    return run  # type: ignore[return-value]
