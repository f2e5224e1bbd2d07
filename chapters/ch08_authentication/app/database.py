"""사용자를 담는 SQLite 데이터베이스: 엔진, ``SessionLocal``, ``get_db`` 의존성.

엔진은 import할 때가 아니라 처음 쓸 때 만들어, 기본 DB 파일을 괜히 건드리지 않습니다.
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

# get_db가 호출마다 bind=...로 엔진에 묶습니다. 엔진은 설정에서 나중에 만들어집니다.
SessionLocal = sessionmaker(autoflush=False)


def make_engine(url: str) -> Engine:
    """``url``의 엔진입니다. SQLite라면 DB 파일의 폴더가 없을 때 만듭니다."""
    # hide_parameters: 로그와 IntegrityError 메시지에 SQL은 나와도 값은 나오지 않습니다.
    # 그래서 비밀번호 해시가 로그에 남지 않습니다.
    if make_url(url).get_backend_name() != "sqlite":  # PostgreSQL 같은 서버 DB
        return create_engine(url, hide_parameters=True, pool_pre_ping=True)
    # DB 파일의 폴더. 파일이 없는 메모리 DB라면 "."이고, 이미 있습니다.
    Path(make_url(url).database or "").parent.mkdir(parents=True, exist_ok=True)
    # FastAPI는 동기 의존성을 스레드 풀에서 실행하므로 연결 하나가 스레드를 옮길 수 있습니다.
    return create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)


_engine: Engine | None = None
_engine_lock = threading.Lock()


def get_engine() -> Engine:
    """프로세스의 엔진 하나(``DATABASE_URL``)를 테이블, 첫 관리자와 함께 준비합니다.

    첫 요청들은 함께 도착하므로, ``CREATE TABLE``이 한 번만 돌게 락 안에서 만듭니다."""
    global _engine
    with _engine_lock:
        if _engine is None:
            settings = get_settings()
            engine = make_engine(settings.database_url)
            init_db(engine, settings)
            _engine = engine
        return _engine


def get_db() -> Iterator[Session]:
    """요청마다 세션 하나, 응답 뒤에 닫습니다. 테스트는 이 의존성을 오버라이드합니다."""
    with SessionLocal(bind=get_engine()) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
