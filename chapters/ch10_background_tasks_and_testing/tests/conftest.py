"""챕터 10 테스트의 fixture: 채점할 풀이, 테스트용 DB, outbox, 진짜 서버.

채점 계약은 README에 있다: ``app``, 그리고 직접 읽는 fixture를 쓰는 테스트에만 그 훅.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import jwt
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from shared.testing import (
    SmtpServer,
    chapter_fixtures,
    cheap_argon2,
    overridden,
    redis_server_path,
    run_smtp_server,
)
from shared.testing.postgres import server_database

# The key the tests' settings sign tokens with. A missing SECRET_KEY is the subject of one
# test only (test_settings.py): elsewhere the documented warning is not what is graded.
TEST_SECRET_KEY = "test-secret-key-for-chapter-10-tests-only"
SAMPLE_USERNAME = "kim"
SAMPLE_PASSWORD = "correct horse battery"


solution, app = chapter_fixtures(__name__)


@pytest.fixture(autouse=True)
def cheap_hashing() -> Iterator[None]:
    """우리 풀이의 argon2를 가장 싼 설정으로: 해시 형식은 같고 테스트는 빨라집니다."""
    with cheap_argon2(f"{__package__.rpartition('.')[0]}.app.security"):
        yield


# --------------------------------------------------------------------------- test doubles


class Outbox:
    """진짜 발송기 대신 넣는 테스트용 발송기: 보내라는 메일을 모아 둔다."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> None:
        self.messages.append(message)


class FailingMailer:
    """꺼진 SMTP 릴레이처럼 모든 메일을 거절하는 발송기."""

    def __init__(self) -> None:
        self.calls = 0

    def send(self, message: EmailMessage) -> None:
        self.calls += 1
        raise ConnectionRefusedError(f"SMTP relay refused the connection for {message['To']}")


# --------------------------------------------------------------------------- hooks

# Why a test needs more of the solution than ``app``: the one line a learner reads without it.
DB_WHY = "테스트용 DB로 바꾸고 그 DB를 직접 읽으려면 필요합니다"
BASE_WHY = "테스트용 DB에 테이블을 만들고 직접 읽으려면 필요합니다"
SETTINGS_WHY = "테스트용 설정(SMTP, 파일 경로, 비밀 키)으로 바꾸려면 필요합니다"
MAILER_WHY = "메일 발송기를 테스트용으로 바꾸려면 필요합니다"


def isolates_database(solution: Any) -> bool:
    """풀이가 테스트마다 자기 DB를 쓰게 해 주는지(``get_db``와 ``Base``, 교재 5절)."""
    return solution.has("get_db") and solution.has("Base")


def table_of(solution: Any, name: str) -> Any:
    """풀이의 ``Base.metadata``에 있는 ``name`` 테이블, 없으면 그렇게 말하는 실패."""
    tables = solution.hook("Base", BASE_WHY).metadata.tables
    assert name in tables, f"`Base.metadata`에 `{name}` 테이블이 없습니다"
    return tables[name]


def all_listed(client: TestClient) -> list[dict]:
    """``GET /items``가 페이지마다(``size=100``) 내놓는 모든 아이템(남의 것도 있을 수 있다)."""
    items: list[dict] = []
    for page in range(1, 1000):
        batch = client.get("/items", params={"page": page, "size": 100}).json()
        assert isinstance(batch, list), batch
        new = [item for item in batch if item not in items]
        items += new
        if len(batch) < 100 or not new:
            break
    return items


# --------------------------------------------------------------------------- database


@pytest.fixture
def test_database_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def test_database_url(test_database_path: Path) -> str:
    """이 테스트만의 SQLite 파일(``nox -s postgres``에서는 그 PostgreSQL 서버의 새 DB)."""
    return server_database() or f"sqlite:///{test_database_path}"


@pytest.fixture
def own_database(solution: Any, test_database_url: str) -> Iterator[Any]:
    """풀이의 테이블을 만든 이 테스트만의 DB, ``get_db``와 ``Base``가 없으면 ``None``."""
    if not isolates_database(solution):
        yield None
        return
    sqlite = test_database_url.startswith("sqlite")
    engine = create_engine(
        test_database_url, connect_args={"check_same_thread": False} if sqlite else {}
    )
    solution.Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def test_engine(solution: Any, own_database: Any) -> Any:
    """DB를 직접 읽거나 바꾸는 테스트를 위한 테스트용 DB."""
    solution.hook("get_db", DB_WHY)
    solution.hook("Base", BASE_WHY)
    return own_database


@pytest.fixture
def TestSessionLocal(test_engine) -> sessionmaker[Session]:  # the course text's name
    """교재의 ``override_get_db``처럼 테스트용 DB에 여는 세션."""
    return sessionmaker(bind=test_engine, autoflush=False, expire_on_commit=False)


@pytest.fixture
def count_rows(solution: Any, test_engine) -> Callable[[str], int]:
    """``count_rows("items")``: 테스트용 DB의 테이블에 든 행 수."""

    def count(table: str) -> int:
        with test_engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(table_of(solution, table)))

    return count


# --------------------------------------------------------------------------- overrides


@contextlib.contextmanager
def secret_key_set() -> Iterator[None]:
    """``SECRET_KEY``가 있는 환경: 키가 없을 때의 경고는 그것을 채점하는 테스트만 봅니다."""
    with pytest.MonkeyPatch.context() as patch:
        if not os.environ.get("SECRET_KEY"):
            patch.setenv("SECRET_KEY", TEST_SECRET_KEY)
        yield


def settings_for_test(solution: Any, tmp_path: Path, database_url: str) -> Any:
    """파일은 모두 이 테스트의 ``tmp_path``에 두고 SMTP는 쓰지 않는 풀이의 설정."""
    with secret_key_set():
        built = solution.get_settings()
    return built.model_copy(
        update={
            "database_url": database_url,
            "audit_log_path": tmp_path / "audit.log",
            "upload_dir": tmp_path / "uploads",
            "smtp_host": None,
            "task_backend": "background",  # BackgroundTasks unless a test says otherwise
        }
    )


@pytest.fixture
def own_settings(solution: Any, tmp_path: Path, test_database_url: str) -> Any:
    """테스트용 설정, 풀이에 ``get_settings``가 없으면 ``None``."""
    if not solution.has("get_settings"):
        return None
    return settings_for_test(solution, tmp_path, test_database_url)


@pytest.fixture
def settings(solution: Any, own_settings: Any) -> Any:
    """이 테스트의 앱이 쓰는 설정, 설정을 읽거나 바꾸는 테스트용."""
    solution.hook("get_settings", SETTINGS_WHY)
    return own_settings


@pytest.fixture
def own_outbox() -> Outbox:
    return Outbox()


@pytest.fixture
def outbox(solution: Any, own_outbox: Outbox) -> Outbox:
    """발송기 대신 넣은 outbox, 보낸 메일을 읽는 테스트용."""
    solution.hook("get_mailer", MAILER_WHY)
    return own_outbox


@pytest.fixture
def get_db(solution: Any) -> Any:
    return solution.hook("get_db", DB_WHY)


@pytest.fixture
def get_settings(solution: Any) -> Any:
    return solution.hook("get_settings", SETTINGS_WHY)


@pytest.fixture
def get_mailer(solution: Any) -> Any:
    return solution.hook("get_mailer", MAILER_WHY)


def replacements_for(solution: Any, engine: Any, settings: Any, outbox: Any) -> dict:
    """풀이에 있는 의존성 가운데 테스트가 바꿔 넣을 것들."""

    def override_get_db() -> Iterator[Session]:
        """테스트용 데이터베이스 세션(교재의 오버라이드, 이 테스트의 DB 위에서)."""
        test_db = TestSessionLocal()
        try:
            yield test_db
        finally:
            test_db.close()

    replacements: dict = {}
    if engine is not None:
        TestSessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)
        replacements[solution.get_db] = override_get_db
    if settings is not None:
        replacements[solution.get_settings] = lambda: settings
    if solution.has("get_mailer"):
        replacements[solution.get_mailer] = outbox if callable(outbox) else lambda: outbox
    return replacements


@pytest.fixture
def overrides(
    app: FastAPI, solution: Any, own_database: Any, own_settings: Any, own_outbox: Outbox
) -> Iterator[dict]:
    """테스트용 DB·설정·outbox로 바꾼 의존성(풀이에 있는 것만), 테스트가 끝나면 모두 복원한다."""
    replacements = replacements_for(solution, own_database, own_settings, own_outbox)
    with overridden(app, replacements) as current:
        yield current


@pytest.fixture
def client(app: FastAPI, overrides: dict) -> Iterator[TestClient]:
    """테스트용 클라이언트: ``with``로 lifespan을 돌리고, 응답 전에 백그라운드 작업을 기다린다."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def sample_item() -> dict[str, Any]:
    """테스트용 샘플 아이템 데이터"""
    return {"name": "테스트 아이템", "price": 5000}


def secret_key_of(settings: Any) -> str:
    key = settings.secret_key
    return key.get_secret_value() if hasattr(key, "get_secret_value") else key


def make_token(settings: Any, username: str, expires_in: timedelta) -> str:
    """앱이 만드는 것과 같은 토큰: ``SECRET_KEY``로 서명한 HS256 JWT(음수 기한이면 만료)."""
    payload = {"sub": username, "exp": datetime.now(timezone.utc) + expires_in}
    return jwt.encode(payload, secret_key_of(settings), algorithm="HS256")


@pytest.fixture(scope="session")
def registered_user(app: FastAPI, solution: Any, tmp_path_factory) -> dict[str, Any] | None:
    """세션 범위: argon2 해싱이 일부러 느려서 예시 사용자를 실행마다 한 번만 등록한다."""
    folder = tmp_path_factory.mktemp("registered-user")
    database_url = f"sqlite:///{folder / 'users.db'}"
    engine = create_engine(database_url, connect_args={"check_same_thread": False})
    solution.Base.metadata.create_all(engine)
    settings = None
    if solution.has("get_settings"):
        settings = settings_for_test(solution, folder, database_url)
    # No ``with``: registering needs no lifespan, and the test that asked for this fixture
    # may have its own client (and lifespan) running on the same app already.
    with (
        overridden(app, replacements_for(solution, engine, settings, Outbox)),
        contextlib.closing(TestClient(app)) as scratch,
    ):
        response = scratch.post(
            "/users", json={"username": SAMPLE_USERNAME, "password": SAMPLE_PASSWORD}
        )
    users = solution.Base.metadata.tables.get("users")
    row = None
    if response.status_code == 201 and users is not None:
        with engine.connect() as connection:
            found = connection.execute(select(users)).one_or_none()
            row = found._asdict() if found is not None else None
    engine.dispose()
    return row


@pytest.fixture
def sample_user(
    request: pytest.FixtureRequest, solution: Any, client: TestClient, own_database: Any
) -> str:
    """예시 사용자(비밀번호 ``SAMPLE_PASSWORD``)의 이름. 사용자가 없으면 로그인에서 실패한다."""
    if own_database is None:
        username = f"kim_{uuid.uuid4().hex[:8]}"
        client.post("/users", json={"username": username, "password": SAMPLE_PASSWORD})
        return username
    registered = request.getfixturevalue("registered_user")
    if registered is not None:
        with own_database.begin() as connection:
            users = solution.Base.metadata.tables["users"]
            connection.execute(insert(users).values(registered))
    return SAMPLE_USERNAME


@pytest.fixture
def auth_headers(client: TestClient, sample_user: str) -> dict[str, str]:
    """``POST /login``이 예시 사용자에게 준 토큰을 담은 ``Authorization`` 헤더(실패하면 빈 헤더)."""
    response = client.post("/login", data={"username": sample_user, "password": SAMPLE_PASSWORD})
    token = ""
    with contextlib.suppress(ValueError):
        body = response.json()
        if response.status_code == 200 and isinstance(body, dict):
            token = str(body.get("access_token", ""))
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def audit_lines(settings: Any) -> Callable[[], list[dict]]:
    """지금까지의 감사 로그 항목(파일이 없으면 빈 목록)."""

    def read() -> list[dict]:
        path = Path(settings.audit_log_path)
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    return read


@pytest.fixture
def anyio_backend() -> str:
    """비동기 테스트(``@pytest.mark.anyio``)는 uvicorn의 기본 루프처럼 asyncio에서 돈다."""
    return "asyncio"


# --------------------------------------------------------------------------- real SMTP


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    """세션 범위: 워커의 모든 테스트가 SMTP 서버 하나(스레드와 포트 하나)를 함께 쓴다."""
    with run_smtp_server() as server:
        yield server


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> Iterator[SmtpServer]:
    yield smtp_server
    smtp_server.delay = 0


# --------------------------------------------------------------------------- task backends

# TASK_BACKEND values: the end-to-end tests run once for each.
BACKENDS = ["background", "celery"]


def checked_backend(backend: str) -> str:
    """이 기계에서 돌릴 수 있는 ``backend``(Celery는 ``redis-server``가 없으면 건너뛴다)."""
    if backend == "celery":
        redis_server_path()
    return backend


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return checked_backend(request.param)


@pytest.fixture
def celery() -> str:
    """Celery 백엔드만의 테스트용(``redis-server``가 없으면 건너뛴다)."""
    return checked_backend("celery")


# --------------------------------------------------------------------------- tiers


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """채점 범위: ``tiers.py``의 목록이 "교재 범위", 나머지는 "더 나아가기"."""
    from .tiers import apply_tiers

    apply_tiers(items, Path(__file__).parent)
