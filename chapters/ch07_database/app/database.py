"""Engine, session factory and the ``get_db`` dependency: one session per request.

The engine is built once from ``DATABASE_URL``; SQLite opens its file only on first use, so
importing this module touches no disk. ``create_tables`` runs at startup (``main.lifespan``).
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from .config import get_settings
from .models import Base


def make_engine(url: str) -> Engine:
    # FastAPI may run a request's dependency and endpoint in different threadpool threads;
    # SQLite's driver refuses that unless told the connection is not shared at once.
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    # hide_parameters: a logged statement or a refused INSERT's IntegrityError shows the SQL
    # but never the row's values (SQL logging on, or a traceback, must not copy the data).
    return create_engine(url, connect_args=connect_args, hide_parameters=True)


engine = make_engine(get_settings().database_url)
SessionLocal = sessionmaker(bind=engine, autoflush=False)


def get_db() -> Iterator[Session]:
    """A session for one request, closed after it (also when the endpoint raised)."""
    with SessionLocal() as db:
        yield db


SessionDep = Annotated[Session, Depends(get_db)]


def ensure_sqlite_folder(bind: Engine) -> None:
    """SQLite makes a missing database file but not a missing folder: make the folder."""
    url = make_url(bind.url)
    database = url.database or ""  # 파일 이름이 없는 URL이면 None
    on_disk = url.get_backend_name() == "sqlite" and database not in ("", ":memory:")
    if on_disk:  # pragma: no branch - other databases have no folder; the tests use SQLite files
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def create_tables(bind: Engine = engine) -> None:
    """Create missing tables. A real project migrates with Alembic instead (see README)."""
    ensure_sqlite_folder(bind)
    Base.metadata.create_all(bind)
