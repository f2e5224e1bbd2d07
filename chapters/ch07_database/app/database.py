"""엔진, 세션 팩토리(``SessionLocal``), 요청마다 세션 하나를 주는 ``get_db`` 의존성.

엔진은 한 번만 만듭니다. SQLite 파일은 처음 쓸 때 열리므로 import는 디스크를 건드리지 않습니다.
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
    # FastAPI는 한 요청의 의존성과 엔드포인트를 서로 다른 스레드 풀 스레드에서 실행할 수 있습니다.
    # SQLite 드라이버는 연결을 동시에 나눠 쓰지 않는다고 알려 줘야 이를 허용합니다.
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    # hide_parameters: SQL 로그나 거부된 INSERT의 IntegrityError에는 SQL만 나오고 행의 값은
    # 나오지 않습니다(SQL 로그나 traceback이 데이터를 옮겨 적으면 안 됩니다).
    return create_engine(url, connect_args=connect_args, hide_parameters=True)


engine = make_engine(get_settings().database_url)
SessionLocal = sessionmaker(bind=engine, autoflush=False)


def get_db() -> Iterator[Session]:
    """요청 하나의 세션. 엔드포인트가 예외를 던져도 요청이 끝나면 닫힙니다."""
    with SessionLocal() as db:
        yield db


SessionDep = Annotated[Session, Depends(get_db)]


def ensure_sqlite_folder(bind: Engine) -> None:
    """SQLite는 없는 파일은 만들지만 없는 폴더는 만들지 않으므로, 폴더를 만듭니다."""
    url = make_url(bind.url)
    database = url.database or ""  # 파일 이름이 없는 URL이면 None
    on_disk = url.get_backend_name() == "sqlite" and database not in ("", ":memory:")
    if on_disk:  # pragma: no branch - 다른 DB에는 폴더가 없고, 테스트는 SQLite 파일을 씀
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def create_tables(bind: Engine = engine) -> None:
    """없는 테이블을 만듭니다. 실제 프로젝트는 Alembic으로 마이그레이션합니다(README 참고)."""
    ensure_sqlite_folder(bind)
    Base.metadata.create_all(bind)
