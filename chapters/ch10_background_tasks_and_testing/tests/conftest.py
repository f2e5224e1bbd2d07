"""Fixtures of chapter 10's suite: the solution, a test database, an outbox, real servers.

Grading contract (what ``--solution ch10=<module>`` must provide): ``app`` (a FastAPI app with
a lifespan), the dependencies ``get_db``, ``get_settings`` and ``get_mailer`` that the tests
override, and ``Base`` (SQLAlchemy declarative base whose metadata makes the test database).
The rest is checked over HTTP, in the test database and the files the settings point at.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path
from types import ModuleType
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
    overridden,
    redis_server_path,
    run_smtp_server,
)

SAMPLE_USERNAME = "kim"
SAMPLE_PASSWORD = "correct horse battery"


solution, app = chapter_fixtures(__name__)


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


# --------------------------------------------------------------------------- database


@pytest.fixture
def test_database_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def test_engine(solution: ModuleType, test_database_path: Path):
    """A SQLite file of this test's own, with the solution's tables."""
    engine = create_engine(
        f"sqlite:///{test_database_path}", connect_args={"check_same_thread": False}
    )
    solution.Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def TestSessionLocal(test_engine) -> sessionmaker[Session]:  # the course text's name
    """Sessions on the test database, as in the course text's ``override_get_db``."""
    return sessionmaker(bind=test_engine, autoflush=False, expire_on_commit=False)


@pytest.fixture
def count_rows(solution: ModuleType, test_engine) -> Callable[[str], int]:
    """``count_rows("items")``: how many rows a table of the test database holds."""

    def count(table: str) -> int:
        with test_engine.connect() as connection:
            return connection.scalar(
                select(func.count()).select_from(solution.Base.metadata.tables[table])
            )

    return count


# --------------------------------------------------------------------------- overrides


@pytest.fixture
def settings(solution: ModuleType, tmp_path: Path, test_database_path: Path):
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
def outbox() -> Outbox:
    return Outbox()


@pytest.fixture
def overrides(
    app: FastAPI,
    solution: ModuleType,
    TestSessionLocal: sessionmaker[Session],
    settings: Any,
    outbox: Outbox,
) -> Iterator[dict]:
    """The test database, the test settings and the outbox in place of the real ones, for one
    test. A test may change the dict it gets; everything is restored after it."""

    def override_get_db() -> Iterator[Session]:
        """테스트용 데이터베이스 세션 (the course text's override, on this test's database)."""
        test_db = TestSessionLocal()
        try:
            yield test_db
        finally:
            test_db.close()

    replacements = {
        solution.get_db: override_get_db,
        solution.get_settings: lambda: settings,
        solution.get_mailer: lambda: outbox,
    }
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
def registered_user(app: FastAPI, solution: ModuleType, tmp_path_factory) -> dict[str, Any]:
    """Session scope: hashing a password with argon2 is slow on purpose, so the sample user is
    registered once per run (through the API, on a scratch database) and ``sample_user``
    copies its row into each test's own database. Tests still share no data."""
    folder = tmp_path_factory.mktemp("registered-user")
    engine = create_engine(
        f"sqlite:///{folder / 'users.db'}", connect_args={"check_same_thread": False}
    )
    solution.Base.metadata.create_all(engine)
    sessions = sessionmaker(bind=engine)

    def scratch_db() -> Iterator[Session]:
        with sessions() as db:
            yield db

    scratch_settings = solution.get_settings().model_copy(
        update={"audit_log_path": folder / "audit.log", "upload_dir": folder / "uploads"}
    )
    replacements = {
        solution.get_db: scratch_db,
        solution.get_settings: lambda: scratch_settings,
        solution.get_mailer: Outbox,
    }
    # No ``with``: registering needs no lifespan, and the test that asked for this fixture
    # may have its own client (and lifespan) running on the same app already.
    with overridden(app, replacements), contextlib.closing(TestClient(app)) as scratch:
        response = scratch.post(
            "/users", json={"username": SAMPLE_USERNAME, "password": SAMPLE_PASSWORD}
        )
        assert response.status_code == 201, response.text
    users = solution.Base.metadata.tables["users"]
    with engine.connect() as connection:
        row = connection.execute(select(users)).one()._asdict()
    engine.dispose()
    return row


@pytest.fixture
def sample_user(registered_user: dict[str, Any], solution: ModuleType, test_engine) -> str:
    """The sample user (password ``SAMPLE_PASSWORD``), in this test's database; its name."""
    with test_engine.begin() as connection:
        connection.execute(insert(solution.Base.metadata.tables["users"]).values(registered_user))
    return SAMPLE_USERNAME


@pytest.fixture
def auth_headers(sample_user: str, settings: Any) -> dict[str, str]:
    """An ``Authorization`` header with a valid token for the sample user."""
    token = make_token(settings, sample_user, timedelta(minutes=5))
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
