"""The database: engine, ``SessionLocal``, the ``get_db`` dependency, and sessions for tasks.

The engine is built on first use, not at import: importing the app, or testing it with
``get_db`` overridden, never touches the default database file.
"""

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from .config import get_settings


class Base(DeclarativeBase):
    """Every table of the app (``Base.metadata.create_all`` makes them)."""


# Bound per call in get_db (bind=...), so that the engine can come from the settings lazily.
SessionLocal = sessionmaker(autoflush=False, expire_on_commit=False)


# Seconds a write waits for another writer's lock before "database is locked" (pysqlite's
# default is 5: under load, 50 requests and their delivery tasks writing at once, too short).
BUSY_TIMEOUT = 30


def make_engine(url: str) -> Engine:
    """A SQLite engine for ``url``; the database file's folder is created if missing."""
    database = make_url(url).database or ""  # "" for an in-memory database: nothing to create
    Path(database).parent.mkdir(parents=True, exist_ok=True)
    # Requests and background tasks run in worker threads: a connection may change threads.
    # hide_parameters: a failed statement's log line never shows its values (a password hash).
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT},
        hide_parameters=True,
    )
    event.listen(engine, "connect", use_write_ahead_log)  # a no-op on an in-memory database
    return engine


def use_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    """WAL: readers (status polls, the items cache) no longer block the writers, and the
    other way round; only writers queue, each for at most ``BUSY_TIMEOUT`` seconds."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@lru_cache
def get_engine() -> Engine:
    """The process's engine for ``DATABASE_URL``, its tables created on first use."""
    engine = make_engine(get_settings().database_url)
    Base.metadata.create_all(engine)
    return engine


def get_db() -> Iterator[Session]:
    """One session per request, closed after the response (tests override this dependency)."""
    db = SessionLocal(bind=get_engine())
    try:
        yield db
    finally:
        db.close()


SessionDep = Annotated[Session, Depends(get_db)]


def session_factory_for(db: Session) -> sessionmaker[Session]:
    """New sessions on the same database as ``db``."""
    return sessionmaker(bind=db.get_bind(), autoflush=False, expire_on_commit=False)


def get_session_factory(db: SessionDep) -> sessionmaker[Session]:
    """Sessions for background tasks, on the database of the request's own session.

    Since FastAPI 0.106 a ``yield`` dependency's session is closed before background tasks
    run, so a task opens its own. Deriving the factory from ``get_db``'s session means a test
    that overrides ``get_db`` also moves its tasks to the test database.
    """
    return session_factory_for(db)


SessionFactoryDep = Annotated[sessionmaker[Session], Depends(get_session_factory)]
