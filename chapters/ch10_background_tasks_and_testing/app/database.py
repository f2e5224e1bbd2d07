"""데이터베이스: 엔진, ``SessionLocal``, ``get_db`` 의존성, 작업용 세션.

엔진은 처음 쓸 때 만들므로, 앱을 가져오기만 해서는 DB 파일을 건드리지 않습니다."""

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from .config import get_settings
from .models import Base

# get_db가 호출마다 bind=...로 묶으므로, 엔진은 나중에 설정으로 만들 수 있습니다.
SessionLocal = sessionmaker(autoflush=False, expire_on_commit=False)


# 쓰기가 다른 쓰기의 잠금을 기다리는 초, 넘으면 "database is locked"(pysqlite의 기본값
# 5초는 요청 50개와 그 발송 작업이 동시에 쓰는 부하에서 너무 짧았습니다).
BUSY_TIMEOUT = 30


def make_engine(url: str) -> Engine:
    """``url``의 엔진, 방언(dialect)마다 맞는 옵션으로: SQLite 파일이거나 PostgreSQL 같은 서버."""
    # hide_parameters: 실패한 문장의 로그에 값(비밀번호 해시)을 보이지 않습니다.
    if make_url(url).get_backend_name() != "sqlite":
        # 서버 DB: 연결 풀이 끊긴 연결을 쓰기 전에 확인합니다(서버 재시작, 유휴 연결 정리).
        return create_engine(url, hide_parameters=True, pool_pre_ping=True)
    database = make_url(url).database or ""  # 메모리 DB는 "": 만들 것이 없음
    Path(database).parent.mkdir(parents=True, exist_ok=True)
    # 요청과 백그라운드 작업은 워커 스레드에서 돌아가므로 연결이 스레드를 옮길 수 있습니다.
    # max_overflow=-1: no limit on connections (a SQLite connection is a file handle). A sync
    # endpoint's session keeps its connection until the response is serialized, which needs a
    # worker thread: with a bounded pool, 100 concurrent reads had every thread waiting for a
    # connection and every connection waiting for a thread.
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT},
        hide_parameters=True,
        max_overflow=-1,
    )
    event.listen(engine, "connect", use_write_ahead_log)  # 메모리 DB에서는 아무 일도 하지 않음
    return engine


def use_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    """WAL: 읽는 쪽과 쓰는 쪽이 서로 막지 않고, 쓰는 쪽끼리만 줄을 섭니다."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@lru_cache
def get_engine() -> Engine:
    """``DATABASE_URL``에 대한 프로세스의 엔진. 처음 쓸 때 테이블을 만듭니다."""
    engine = make_engine(get_settings().database_url)
    Base.metadata.create_all(engine)
    return engine


def get_db() -> Iterator[Session]:
    """요청마다 세션 하나, 응답 뒤에 닫습니다(테스트가 오버라이드합니다)."""
    db = SessionLocal(bind=get_engine())
    try:
        yield db
    finally:
        db.close()


SessionDep = Annotated[Session, Depends(get_db)]


def session_factory_for(db: Session) -> sessionmaker[Session]:
    """``db``와 같은 데이터베이스의 새 세션."""
    return sessionmaker(bind=db.get_bind(), autoflush=False, expire_on_commit=False)


def get_session_factory(db: SessionDep) -> sessionmaker[Session]:
    """백그라운드 작업용 세션, 요청 세션과 같은 데이터베이스 위에서.

    ``yield`` 의존성의 세션은 작업 전에 닫히므로, 작업은 자기 세션을 엽니다."""
    return session_factory_for(db)


SessionFactoryDep = Annotated[sessionmaker[Session], Depends(get_session_factory)]
