"""앱의 lifespan: 시작할 때 한 번, 종료할 때 한 번 실행하는 것.

시작할 때 로깅과 캐시를 준비하고, 이전 프로세스가 남긴 ``pending`` 알림을 다시 보냅니다."""

import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import anyio
from fastapi import FastAPI

from .cache import ItemsCache
from .config import get_settings
from .database import get_db, session_factory_for
from .delivery import deliver_notification, pending_notifications
from .mailer import get_mailer

logger = logging.getLogger(__name__)


def configure_logging() -> None:
    """uvicorn에서 앱의 INFO 로그(보낸 메일, 작업 에러)를 stderr에 보여 줍니다.

    루트 로거에 이미 핸들러가 있으면(pytest, ``--log-config``) 그리로 보냅니다."""
    app_logger = logging.getLogger(__package__)
    app_logger.setLevel(logging.INFO)
    if not logging.getLogger().handlers and not app_logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-9s %(name)s: %(message)s"))
        app_logger.addHandler(handler)


def provided(app: FastAPI, dependency: Callable[..., Any], *args: Any) -> Any:
    """주입이 줄 값: 오버라이드(인자 없이 호출), 없으면 ``dependency(*args)``."""
    override = app.dependency_overrides.get(dependency)
    return override() if override is not None else dependency(*args)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    configure_logging()
    app.state.items_cache = ItemsCache()

    settings = provided(app, get_settings)
    mailer = provided(app, get_mailer, settings)
    session_provider = app.dependency_overrides.get(get_db, get_db)
    with contextlib.contextmanager(session_provider)() as db:
        sessions = session_factory_for(db)
        pending = pending_notifications(db) if settings.task_backend == "background" else []
    if pending:
        logger.info("re-dispatching %d notification(s) left pending", len(pending))

    async with anyio.create_task_group() as deliveries:
        for notification_id, attempts in pending:
            deliveries.start_soon(
                functools.partial(
                    deliver_notification,
                    notification_id,
                    sessions=sessions,
                    mailer=mailer,
                    settings=settings,
                    attempts_seen=attempts,
                )
            )
        yield
