"""챕터 10: 실제 일을 하는 백그라운드 작업과, 테스트하기 쉽게 만든 앱.

채점 계약: ``app``, ``get_db``, ``get_settings``, ``get_mailer``, ``Base``, ``celery_app``."""

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError

from .body_limit import BodyLimitMiddleware
from .celery_tasks import celery_app
from .config import Settings, get_settings
from .database import SessionLocal, get_db
from .lifespan import lifespan
from .mailer import get_mailer
from .metadata import DESCRIPTION, TAGS, TITLE, VERSION
from .models import Base
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
