"""What every background task here shares: an error is logged, never raised.

A task runs after the response has been sent, so its exception can reach no client. Left to
itself it would go up into the server (uvicorn logs "Exception in ASGI application"; a
``TestClient`` re-raises it into the test). ``logged_task`` catches it and logs it with its
traceback and the task's name, and the server goes on serving.
"""

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

Task = TypeVar("Task", bound=Callable[..., Any])


def logged_task(task: Task) -> Task:
    """Wrap a sync or async task function; the wrapper stays sync or async like ``task``
    (Starlette awaits async tasks and runs sync ones in a worker thread)."""
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
