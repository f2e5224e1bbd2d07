"""The app's lifespan: what runs once at startup and once at shutdown.

Startup logs to stderr (uvicorn configures only its own loggers), makes the items cache, and
re-dispatches every notification still ``pending``: an earlier process accepted it and then
crashed or was killed before the email went out (``BackgroundTasks`` die with their process).
Only rows left by an earlier process can be pending here, since no request has been served
yet; the claim in ``delivery.claim`` keeps two processes from sending the same row twice.
Shutdown waits for those re-dispatched deliveries. With ``TASK_BACKEND=celery`` there is
nothing to re-dispatch: the jobs wait on the broker, and a worker sends them.

A lifespan has no request, so FastAPI's dependency injection does not run in it.
``provided`` looks a dependency up the way injection would, a test's override first, so a test
that swaps the database or the mailer swaps them here too.
"""

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
    """Show the app's INFO logs (sent mails, task errors) on stderr under uvicorn.

    Where the root logger already has handlers (pytest, a ``--log-config``) records go there.
    """
    app_logger = logging.getLogger(__package__)
    app_logger.setLevel(logging.INFO)
    if not logging.getLogger().handlers and not app_logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-9s %(name)s: %(message)s"))
        app_logger.addHandler(handler)


def provided(app: FastAPI, dependency: Callable[..., Any], *args: Any) -> Any:
    """What injection would give for ``dependency``: an override (called without arguments,
    as overrides in tests are), else ``dependency(*args)``."""
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
