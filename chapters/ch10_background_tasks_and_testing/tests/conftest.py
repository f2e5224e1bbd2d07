"""Fixtures of chapter 10's suite: the solution, a test database, an outbox, real servers.

Grading contract (what ``--solution ch10=<module>`` must provide): ``app``; every test that
can be checked over HTTP needs nothing else. ``client`` installs, of the overrides below, those
the solution allows: a test database of the test's own (``get_db`` and ``Base``, section 5 of
the course text), the test settings (``get_settings``), the outbox (``get_mailer``); without
them the test runs on the solution's own state. The fixtures that read those things directly
(``test_engine``, ``count_rows``, ``settings``, ``outbox``...) ask for the hook by name, so
only the tests using them need it. ``celery_app`` is asked for by the tests that run a worker.
"""

from __future__ import annotations

import contextlib
import json
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
    """The mailer the tests put in place of the real one: it keeps what it is asked to send."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> None:
        self.messages.append(message)


class FailingMailer:
    """A mailer whose server refuses every message, as a down SMTP relay would."""

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
    """Whether the solution lets a test run on a database of its own (``get_db`` and ``Base``,
    section 5 of the course text); without them the tests run on the solution's own state."""
    return solution.has("get_db") and solution.has("Base")


def table_of(solution: Any, name: str) -> Any:
    """The table ``name`` of the solution's ``Base.metadata``, or a failure that says so."""
    tables = solution.hook("Base", BASE_WHY).metadata.tables
    assert name in tables, f"`Base.metadata`에 `{name}` 테이블이 없습니다"
    return tables[name]


def all_listed(client: TestClient) -> list[dict]:
    """Every item ``GET /items`` lists, page after page (``size=100``): the solution's own state
    may hold other tests' items. A solution that ignores ``page`` lists them all at once."""
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
def own_database(solution: Any, test_database_path: Path) -> Iterator[Any]:
    """This test's own SQLite file with the solution's tables, or ``None`` if the solution has
    no ``get_db`` and ``Base`` (then its requests use the solution's own database)."""
    if not isolates_database(solution):
        yield None
        return
    engine = create_engine(
        f"sqlite:///{test_database_path}", connect_args={"check_same_thread": False}
    )
    solution.Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def test_engine(solution: Any, own_database: Any) -> Any:
    """The test database, for the tests that read or change it directly."""
    solution.hook("get_db", DB_WHY)
    solution.hook("Base", BASE_WHY)
    return own_database


@pytest.fixture
def TestSessionLocal(test_engine) -> sessionmaker[Session]:  # the course text's name
    """Sessions on the test database, as in the course text's ``override_get_db``."""
    return sessionmaker(bind=test_engine, autoflush=False, expire_on_commit=False)


@pytest.fixture
def count_rows(solution: Any, test_engine) -> Callable[[str], int]:
    """``count_rows("items")``: how many rows a table of the test database holds."""

    def count(table: str) -> int:
        with test_engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(table_of(solution, table)))

    return count


# --------------------------------------------------------------------------- overrides


def settings_for_test(solution: Any, tmp_path: Path, test_database_path: Path) -> Any:
    """The solution's settings, with every file in this test's ``tmp_path`` and no SMTP."""
    return solution.get_settings().model_copy(
        update={
            "database_url": f"sqlite:///{test_database_path}",
            "audit_log_path": tmp_path / "audit.log",
            "upload_dir": tmp_path / "uploads",
            "smtp_host": None,
            "task_backend": "background",  # BackgroundTasks unless a test says otherwise
        }
    )


@pytest.fixture
def own_settings(solution: Any, tmp_path: Path, test_database_path: Path) -> Any:
    """The test settings, or ``None`` if the solution has no ``get_settings``."""
    if not solution.has("get_settings"):
        return None
    return settings_for_test(solution, tmp_path, test_database_path)


@pytest.fixture
def settings(solution: Any, own_settings: Any) -> Any:
    """The settings this test's app uses, for the tests that read or change them."""
    solution.hook("get_settings", SETTINGS_WHY)
    return own_settings


@pytest.fixture
def own_outbox() -> Outbox:
    return Outbox()


@pytest.fixture
def outbox(solution: Any, own_outbox: Outbox) -> Outbox:
    """The outbox in place of the mailer, for the tests that read what was sent."""
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
    """What the tests put in place of the solution's dependencies, of those it has."""

    def override_get_db() -> Iterator[Session]:
        """테스트용 데이터베이스 세션 (the course text's override, on this test's database)."""
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
    """The test database, the test settings and the outbox in place of the real ones, for one
    test, each if the solution has its dependency (``get_db`` and ``Base``, ``get_settings``,
    ``get_mailer``). A test may change the dict it gets; everything is restored after it."""
    replacements = replacements_for(solution, own_database, own_settings, own_outbox)
    with overridden(app, replacements) as current:
        yield current


@pytest.fixture
def client(app: FastAPI, overrides: dict) -> Iterator[TestClient]:
    """테스트용 클라이언트. ``with`` runs the app's lifespan (startup and shutdown) around the
    test; ``TestClient`` also waits for background tasks before it returns a response."""
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
    """A token as the app makes them: HS256 JWT with ``sub`` and ``exp``, signed with
    ``SECRET_KEY`` (a negative ``expires_in`` makes an expired one)."""
    payload = {"sub": username, "exp": datetime.now(timezone.utc) + expires_in}
    return jwt.encode(payload, secret_key_of(settings), algorithm="HS256")


@pytest.fixture(scope="session")
def registered_user(app: FastAPI, solution: Any, tmp_path_factory) -> dict[str, Any] | None:
    """Session scope: hashing a password with argon2 is slow on purpose, so the sample user is
    registered once per run (through the API, on a scratch database) and ``sample_user``
    copies its row into each test's own database. Tests still share no data. ``None`` if the
    registration failed (a solution without ``POST /users``): the tests that log in fail."""
    folder = tmp_path_factory.mktemp("registered-user")
    engine = create_engine(
        f"sqlite:///{folder / 'users.db'}", connect_args={"check_same_thread": False}
    )
    solution.Base.metadata.create_all(engine)
    settings = None
    if solution.has("get_settings"):
        settings = settings_for_test(solution, folder, folder / "users.db")
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
    """The sample user (password ``SAMPLE_PASSWORD``); its name. On a test database of its own
    the row registered once is copied in; on the solution's own state a user with a name of
    this test's own is registered through ``POST /users``. Never fails itself: if there is no
    user, the test fails where it logs in."""
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
    """An ``Authorization`` header with the token ``POST /login`` gives the sample user (an
    empty one if the login fails: then the test fails at its first protected request)."""
    response = client.post("/login", data={"username": sample_user, "password": SAMPLE_PASSWORD})
    token = ""
    with contextlib.suppress(ValueError):
        body = response.json()
        if response.status_code == 200 and isinstance(body, dict):
            token = str(body.get("access_token", ""))
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def audit_lines(settings: Any) -> Callable[[], list[dict]]:
    """The audit log's entries so far (none if the file does not exist)."""

    def read() -> list[dict]:
        path = Path(settings.audit_log_path)
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    return read


@pytest.fixture
def anyio_backend() -> str:
    """Async tests (``@pytest.mark.anyio``) run on asyncio, like uvicorn's default loop."""
    return "asyncio"


# --------------------------------------------------------------------------- real SMTP


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    """Session scope: one SMTP server (a thread and a port) serves every test of a worker.
    Tests never share what they read from it: each sends to addresses of its own and looks
    only at those; ``smtp`` puts the delay back after each test."""
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
    """``backend``, if this machine can run it: Celery needs ``redis-server`` (the test skips
    without it, with the command that installs it; under ``CI=true`` it fails instead)."""
    if backend == "celery":
        redis_server_path()
    return backend


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return checked_backend(request.param)


@pytest.fixture
def celery() -> str:
    """For the tests of the Celery backend alone (skipped without ``redis-server``)."""
    return checked_backend("celery")
