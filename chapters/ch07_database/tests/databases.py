"""테스트마다 빈 DB를 주는 두 방법과, 앱을 그 DB에 잇는 오버라이드(``override_get_db``).

저장소 루트의 ``bench/bench_isolation.py``가 둘을 재고, ``conftest.py``는 더 빠른 쪽을 씁니다.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, MetaData, create_engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from shared.testing import Solution, overridden
from shared.testing.postgres import server_database

GET_DB_WHY = "테스트용 DB로 바꾸려면 필요합니다"
BASE_WHY = "테스트용 DB에 테이블을 만들려면 필요합니다"


def metadata_of(solution: Solution) -> Any:
    """``Base.metadata``, after ``get_db``: what a test database needs (a hook failure if not)."""
    solution.hook("get_db", GET_DB_WHY)
    return solution.hook("Base", BASE_WHY).metadata


def isolated(solution: Solution) -> bool:
    """Whether the suite can swap in its test database (``get_db`` and ``Base`` both there)."""
    return solution.has("get_db") and solution.has("Base")


@dataclass
class TestDatabase:
    """Sessions on a test database, and the engine underneath (to watch its SQL)."""

    __test__ = False  # not a test class, despite the name

    sessions: sessionmaker[Session]
    engine: Engine
    metadata: MetaData

    def count(self, table: str = "items") -> int:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(self.metadata.tables[table]))

    def rows(self, table: str = "items") -> list[dict[str, Any]]:
        """Every row, read with a session of its own (never left open across requests)."""
        table_ = self.metadata.tables[table]
        with self.sessions() as session:
            result = session.execute(select(table_).order_by(*table_.primary_key.columns))
            return [dict(row) for row in result.mappings()]


def memory_engine() -> Engine:
    """In-memory SQLite shared by every session and thread: one connection (``StaticPool``);
    under ``nox -s postgres``, a new database on its PostgreSQL server instead."""
    url = server_database()
    if url is not None:
        return create_engine(url, poolclass=StaticPool)
    return create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )


@contextlib.contextmanager
def fresh_database(metadata: MetaData) -> Iterator[TestDatabase]:
    engine = memory_engine()
    metadata.create_all(engine)
    try:
        yield TestDatabase(sessionmaker(bind=engine, autoflush=False), engine, metadata)
    finally:
        engine.dispose()


def _let_sqlalchemy_begin(engine: Engine) -> None:
    """pysqlite starts and ends transactions on its own, which breaks SAVEPOINT: turn that off
    and emit BEGIN ourselves (SQLAlchemy's SQLite docs, "Serializable isolation / Savepoints")."""

    if engine.dialect.name != "sqlite":
        return  # other drivers leave transactions to SQLAlchemy already

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")


class RollbackDatabase:
    def __init__(self, metadata: MetaData) -> None:
        self.metadata = metadata
        self.engine = memory_engine()
        _let_sqlalchemy_begin(self.engine)
        metadata.create_all(self.engine)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[TestDatabase]:
        with self.engine.connect() as connection:
            outer = connection.begin()
            try:
                sessions = sessionmaker(
                    bind=connection, autoflush=False, join_transaction_mode="create_savepoint"
                )
                yield TestDatabase(sessions, self.engine, self.metadata)
            finally:
                outer.rollback()

    def dispose(self) -> None:
        self.engine.dispose()


@contextlib.contextmanager
def override_get_db(
    app: FastAPI, get_db: Callable[..., Any], database: TestDatabase
) -> Iterator[None]:
    """Point ``get_db`` at the test database; put the app's overrides back as they were."""

    def test_get_db() -> Iterator[Session]:
        with database.sessions() as session:
            yield session

    with overridden(app, {get_db: test_get_db}):
        yield


class Saved:
    """What the database holds, as far as a test can tell.

    On the test database: exactly its rows. On the solution's own database (shared with every
    earlier test and run): each item the test knows of reads back as expected over HTTP.
    """

    def __init__(self, client: TestClient, database: TestDatabase | None) -> None:
        self.client = client
        self.database = database

    def are(self, *items: dict[str, Any]) -> None:
        """The table holds exactly ``items`` (or, on the solution's own database, each of
        them is there unchanged)."""
        if self.database is not None:
            assert self.database.rows() == list(items)
            return
        for item in items:
            response = self.client.get(f"/items/{item['id']}")
            assert response.status_code == 200, response.text
            assert response.json() == item

    def empty(self) -> None:
        """Nothing stored (checked on the test database; the solution's own is never empty)."""
        if self.database is not None:
            assert self.database.count() == 0
