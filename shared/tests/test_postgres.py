"""Chapters 7, 8 and 10 on a real PostgreSQL: the same apps, only ``DATABASE_URL`` changed.

Each test gets a database of its own on one server per module (``initdb`` + ``postgres`` on a
loopback port, ``shared.testing.postgres``). Chapter 10's Celery workers are separate
processes sharing that database: the scale-out its README describes, with nothing of SQLite.
Without PostgreSQL these tests skip with the command that installs it; under CI=true they fail.
"""

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text

from chapters.ch10_background_tasks_and_testing.tests.live import (
    DEADLINE,
    deployment,
    new_address,
    request_notification,
    started_together,
    wait_until_sent,
)
from shared.testing import (
    SmtpServer,
    load_solution,
    post_at_once,
    run_smtp_server,
    run_uvicorn,
    wait_until,
)
from shared.testing import postgres as postgres_module
from shared.testing.postgres import PostgresServer, run_postgres_server

pytestmark = pytest.mark.timeout(240)  # real servers: PostgreSQL, uvicorn, Redis, workers

CH07 = "chapters.ch07_database.app.main:app"
CH08 = "chapters.ch08_authentication.app.main:app"
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    with run_postgres_server() as server:
        yield server


@pytest.fixture
def database_url(postgres: PostgresServer) -> str:
    """A new, empty database on the module's server."""
    return postgres.create_database(f"test_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with run_smtp_server() as server:
        yield server


def scalar(database_url: str, sql: str) -> object:
    """One value read straight from PostgreSQL, not through the app."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(text(sql))
    finally:
        engine.dispose()


def test_ch07_crud_conflicts_and_paging_on_postgresql(database_url: str, tmp_path: Path) -> None:
    """Chapter 7's CRUD on PostgreSQL: rows in its tables, its unique constraint as 409s."""
    with run_uvicorn(CH07, log_path=tmp_path / "ch07.log", env={"DATABASE_URL": database_url}) as s:
        ids = []
        for n in range(12):
            created = httpx.post(f"{s.url}/items", json={"name": f"연필 {n}", "price": 100 + n})
            assert created.status_code == 201, created.text
            ids.append(created.json()["id"])
        taken = httpx.post(f"{s.url}/items", json={"name": "연필 3", "price": 1})
        assert taken.status_code == 409
        assert "연필 3" in taken.json()["detail"]
        renamed = httpx.patch(f"{s.url}/items/{ids[0]}", json={"name": "연필 5"})
        assert renamed.status_code == 409
        page = httpx.get(f"{s.url}/items", params={"page": 2, "size": 5})
        assert [item["id"] for item in page.json()["items"]] == ids[5:10]
        assert page.json()["total"] == 12
        assert httpx.delete(f"{s.url}/items/{ids[-1]}").status_code == 204
        assert httpx.get(f"{s.url}/items/{ids[-1]}").status_code == 404
        racers = post_at_once(s, "/items", [{"name": "동시", "price": 1}] * 6)
        assert sorted(r.status_code for r in racers) == [201] + [409] * 5
    assert scalar(database_url, "SELECT count(*) FROM items") == 12  # 12 - 1 deleted + 1 racer
    assert scalar(database_url, "SELECT name FROM items ORDER BY id LIMIT 1") == "연필 0"


def test_ch08_users_and_tokens_on_postgresql(database_url: str, tmp_path: Path) -> None:
    """Chapter 8 on PostgreSQL: sign-up, a taken name, log-in, and users that outlive a restart."""
    env = {"DATABASE_URL": database_url, "SECRET_KEY": "pg-" + "k" * 40}
    with run_uvicorn(CH08, log_path=tmp_path / "first.log", env=env) as s:
        body = {"username": "alice", "password": PASSWORD}
        assert httpx.post(f"{s.url}/users", json=body, timeout=30).status_code == 201
        assert httpx.post(f"{s.url}/users", json=body, timeout=30).status_code == 409
        racers = post_at_once(s, "/users", [{"username": "bob", "password": PASSWORD}] * 4)
        assert sorted(r.status_code for r in racers) == [201, 409, 409, 409]
        login = httpx.post(f"{s.url}/login", data=body, timeout=30)
        assert login.status_code == 200, login.text
        token = login.json()["access_token"]
    with run_uvicorn(CH08, log_path=tmp_path / "second.log", env=env) as s:
        me = httpx.get(f"{s.url}/users/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200
        assert me.json()["username"] == "alice"
    stored = scalar(database_url, "SELECT hashed_password FROM users WHERE username = 'alice'")
    assert isinstance(stored, str)
    assert stored.startswith("$argon2")


@pytest.mark.parametrize("backend", ["background", "celery"])
def test_ch10_mail_is_sent_once_after_a_crash_on_postgresql(
    backend: str,
    pytestconfig: pytest.Config,
    database_url: str,
    smtp: SmtpServer,
    tmp_path: Path,
) -> None:
    """Chapter 10's restart test on PostgreSQL: a delivery cut by SIGKILL arrives once."""
    solution = load_solution(pytestconfig, "ch10")
    interrupted = new_address()
    with (
        deployment(backend, solution, tmp_path, smtp, database_url=database_url) as deployed,
        # The worker (celery) lives through both web processes; it starts with the first.
        started_together(*deployed.workers(), deployed.web("first")) as processes,
    ):
        first = processes[-1]
        assert wait_until_sent(first, request_notification(first, new_address()))
        smtp.delay = 120  # the next mail stalls at the SMTP server
        interrupted_id = request_notification(first, interrupted)
        smtp.wait_for_in_flight(1, timeout=DEADLINE)
        first.kill()
        smtp.delay = 0
        with deployed.web("second") as second:
            smtp.wait_for_messages(1, to=interrupted, timeout=DEADLINE)
            wait_until_sent(second, interrupted_id)
    assert len(smtp.messages_to(interrupted)) == 1
    sent = scalar(database_url, "SELECT count(*) FROM notifications WHERE status = 'sent'")
    assert sent == 2


def test_ch10_celery_workers_share_one_postgresql(
    pytestconfig: pytest.Config, database_url: str, smtp: SmtpServer, tmp_path: Path
) -> None:
    """Two Celery workers, each a process of its own, share one PostgreSQL: 40 mails, each once."""
    solution = load_solution(pytestconfig, "ch10")
    addresses = [new_address() for _ in range(40)]
    with (
        deployment("celery", solution, tmp_path, smtp, database_url=database_url) as deployed,
        started_together(deployed.worker("one"), deployed.worker("two"), deployed.web()) as (
            one,
            two,
            web,
        ),
    ):
        smtp.delay = 0.2  # deliveries overlap: more in flight than one worker's threads
        ids = [request_notification(web, address) for address in addresses]
        smtp.wait_for_messages(len(addresses), timeout=60)
        for notification_id in ids:
            assert wait_until_sent(web, notification_id)["attempts"] == 1
    for address in addresses:
        assert len(smtp.messages_to(address)) == 1
    # Both workers did part of the work: the queue really was shared.
    assert "succeeded" in one.output
    assert "succeeded" in two.output


def test_ch10_processes_recovering_the_same_rows_send_each_once(
    pytestconfig: pytest.Config, database_url: str, smtp: SmtpServer, tmp_path: Path
) -> None:
    """Three app processes start on one PostgreSQL with the same pending rows: each mail once.

    A table lock (EXCLUSIVE: reads go on, writes wait) holds their claims until all three have
    read the rows, so the claims race on PostgreSQL's row locks, not one after another."""
    solution = load_solution(pytestconfig, "ch10")
    addresses = [new_address() for _ in range(20)]
    with deployment("background", solution, tmp_path, smtp, database_url=database_url) as deployed:
        engine = create_engine(database_url)
        solution.Base.metadata.create_all(engine)  # the tables the app's lifespan would make
        try:
            notifications = solution.Base.metadata.tables["notifications"]
            with engine.begin() as connection:
                connection.execute(
                    notifications.insert(),
                    [{"email": a, "message": "복구", "status": "pending"} for a in addresses],
                )
            with engine.connect() as holder:
                holder.execute(text("LOCK TABLE notifications IN EXCLUSIVE MODE"))
                with started_together(deployed.web("a"), deployed.web("b"), deployed.web("c")):

                    def claims_waiting() -> bool:
                        waiting = holder.execute(
                            text(
                                "SELECT count(*) FROM pg_stat_activity"
                                " WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE%'"
                            )
                        ).scalar()
                        return (waiting or 0) >= 3

                    wait_until(claims_waiting, timeout=30, what="three processes claiming")
                    holder.rollback()  # the claims race now
                    smtp.wait_for_messages(len(addresses), timeout=60)
            with engine.connect() as connection:
                attempts = connection.scalars(select(notifications.c.attempts)).all()
                unsent = connection.scalar(
                    select(func.count()).where(notifications.c.status != "sent")
                )
        finally:
            engine.dispose()
    assert unsent == 0
    assert attempts == [1] * len(addresses)
    for address in addresses:
        assert len(smtp.messages_to(address)) == 1


def test_without_postgresql_the_runner_skips_and_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``nox -s postgres`` on a machine without PostgreSQL: a skip with the install command,
    an error under CI=true; the command is not run."""
    monkeypatch.setattr(postgres_module.shutil, "which", lambda _name: None)
    monkeypatch.setattr(postgres_module.glob, "glob", lambda _pattern: [])
    monkeypatch.delenv("CI", raising=False)
    assert postgres_module.main(["false"]) == 0
    assert "apt-get install postgresql" in capsys.readouterr().err
    monkeypatch.setenv("CI", "true")
    assert postgres_module.main(["false"]) == 1
    assert "CI=true" in capsys.readouterr().err
