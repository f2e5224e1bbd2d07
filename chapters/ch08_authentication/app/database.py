"""The SQLite database behind the users: engine, ``SessionLocal`` and the ``get_db`` dependency.

The engine is built on first use, not at import: importing the app, or testing it with
``get_db`` overridden, never touches the default database file.
"""

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from .config import get_settings
from .init_db import init_db

# Bound per call in get_db (bind=...), so that the engine can come from the settings lazily.
SessionLocal = sessionmaker(autoflush=False)


def make_engine(url: str) -> Engine:
    """A SQLite engine for ``url``; the database file's folder is created if missing."""
    # The database file's folder; for an in-memory database (no file) that is ".", which exists.
    Path(make_url(url).database or "").parent.mkdir(parents=True, exist_ok=True)
    # FastAPI runs sync dependencies in a thread pool: one connection may change threads.
    # hide_parameters: a logged statement or an IntegrityError's message shows the SQL but never
    # its values, so no password hash reaches a log (SQL logging on, or a traceback).
    return create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)


_engine: Engine | None = None
_engine_lock = threading.Lock()


def get_engine() -> Engine:
    """The process's engine for ``DATABASE_URL``, with its tables and first admin in place.

    Built once, under a lock: the first requests arrive together (in the thread pool), and
    without it each would build an engine and run ``CREATE TABLE``, all but one failing."""
    global _engine
    with _engine_lock:
        if _engine is None:
            settings = get_settings()
            engine = make_engine(settings.database_url)
            init_db(engine, settings)
            _engine = engine
        return _engine


def get_db() -> Iterator[Session]:
    """One session per request, closed after the response (tests override this dependency)."""
    with SessionLocal(bind=get_engine()) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
