"""교재 1절: ``POST /send-notification``은 바로 답하고 백그라운드 작업이 이메일을 보낸다
(SMTP로 진짜 보내거나, 서버가 없으면 로그로). 다시 시작해도 중단된 발송은 마저 보낸다.
"""

import contextlib
import functools
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from types import ModuleType

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import make_url, text, update

from shared.testing import SmtpServer, wait_until

from .conftest import Outbox


def new_address() -> str:
    return f"user-{uuid.uuid4().hex[:12]}@example.com"


def notify(client: TestClient, email: str) -> int:
    response = client.post("/send-notification", params={"email": email})
    assert response.status_code == 202, response.text
    return response.json()["id"]


def status_of(client: TestClient, notification_id: int) -> dict:
    response = client.get(f"/notifications/{notification_id}")
    assert response.status_code == 200
    return response.json()


@pytest.mark.points(2)
def test_send_notification_answers_202_with_its_id_and_location(client) -> None:
    """`POST /send-notification`은 곧바로 202, 알림 id, 그 상태를 볼 `Location`을 돌려준다."""
    response = client.post("/send-notification", params={"email": "a@b.co"})
    assert response.status_code == 202
    body = response.json()
    assert body == {"message": "알림이 요청되었습니다", "id": body["id"]}
    assert isinstance(body["id"], int)
    assert response.headers["location"].endswith(f"/notifications/{body['id']}")
    assert client.get(response.headers["location"]).json()["id"] == body["id"]  # stored


@pytest.mark.points(3)
def test_background_task_sends_the_welcome_email(client, outbox: Outbox, settings) -> None:
    """백그라운드 작업이 환영 메일을 보낸다: `TestClient`가 돌아올 때 outbox에 있다."""
    address = new_address()
    notify(client, address)
    # TestClient returns only after the background tasks ran: the mail is already "sent".
    [message] = outbox.messages
    assert message["To"] == address
    assert message["From"] == settings.mail_from
    assert message["Subject"]
    assert "환영합니다!" in message.get_content()


@pytest.mark.points(2)
def test_status_turns_sent_after_the_delivery(client) -> None:
    """발송이 끝나면 알림 상태가 `sent`, 시도 1번이 된다."""
    address = new_address()
    notification_id = notify(client, address)
    assert status_of(client, notification_id) == {
        "id": notification_id,
        "email": address,
        "status": "sent",
        "attempts": 1,
        "error": None,
    }


@pytest.mark.points(2)
def test_tasks_run_in_the_order_they_were_added(
    client, overrides: dict, get_mailer, audit_lines
) -> None:
    """백그라운드 작업은 등록한 순서대로 실행된다(메일 발송 다음에 감사 로그).

    라우트는 발송을 먼저, 감사 항목을 두 번째로 등록한다: 메일이 나갈 때 감사 로그에는
    아직 그 줄이 없고, 응답 뒤에는 있다.
    """
    audit_paths_at_send: list[list[str]] = []

    class RecordingOutbox(Outbox):
        def send(self, message) -> None:
            audit_paths_at_send.append([entry["path"] for entry in audit_lines()])
            super().send(message)

    overrides[get_mailer] = RecordingOutbox
    notify(client, new_address())
    assert audit_paths_at_send == [[]]
    assert [entry["path"] for entry in audit_lines()] == ["/send-notification"]


@pytest.mark.points(2)
def test_without_smtp_host_the_mail_is_written_to_the_log(
    client, overrides: dict, solution: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    """`SMTP_HOST`가 없으면 메일 내용이 로그에 기록되고 상태는 `sent`가 된다."""
    if solution.has("get_mailer"):
        del overrides[solution.get_mailer]  # the real mailer, the test settings' SMTP_HOST unset
    address = new_address()
    with caplog.at_level(logging.INFO):
        notification_id = notify(client, address)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert address in logged
    assert "환영합니다!" in logged
    assert status_of(client, notification_id)["status"] == "sent"


@pytest.mark.points(3)
@pytest.mark.timeout(60)  # a real SMTP server (aiosmtpd) on loopback
def test_the_real_mailer_delivers_to_an_smtp_server(
    client, overrides: dict, solution: ModuleType, get_settings, settings, smtp: SmtpServer
) -> None:
    """`SMTP_HOST`를 설정하면 진짜 SMTP 서버(aiosmtpd)로 메일이 배달된다."""
    smtp_settings = settings.model_copy(update={"smtp_host": smtp.host, "smtp_port": smtp.port})
    overrides[get_settings] = lambda: smtp_settings
    if solution.has("get_mailer"):
        del overrides[solution.get_mailer]
    address = new_address()
    notification_id = notify(client, address)
    [mail] = smtp.messages_to(address)  # accepted before TestClient returned
    assert mail.mail_from == settings.mail_from
    assert "환영합니다!" in mail.body
    assert status_of(client, notification_id)["status"] == "sent"


@pytest.mark.points(3)
def test_startup_sends_what_an_earlier_process_left_pending(
    app: FastAPI, overrides: dict, solution: ModuleType, TestSessionLocal, outbox: Outbox
) -> None:
    """앱이 시작할 때 `pending`으로 남은 알림은 보내고, `sent`인 알림은 다시 보내지 않는다.

    앱이 시작할 때 아직 ``pending``인 행은 lifespan이 보낸다.
    """
    interrupted, done = new_address(), new_address()
    with TestClient(app) as first_process:
        interrupted_id = notify(first_process, interrupted)
        done_id = notify(first_process, done)
    # As a process killed mid-delivery leaves them: one row pending, the other one sent.
    notifications = solution.Base.metadata.tables["notifications"]
    with TestSessionLocal() as db:
        db.execute(
            update(notifications)
            .where(notifications.c.id == interrupted_id)
            .values(status="pending")
        )
        db.execute(update(notifications).where(notifications.c.id == done_id).values(status="sent"))
        db.commit()
    already_sent = len(outbox.messages)

    with TestClient(app) as next_process:
        wait_until(
            lambda: status_of(next_process, interrupted_id)["status"] == "sent",
            timeout=10,
            what="the pending notification sent at startup",
        )
    assert [m["To"] for m in outbox.messages[already_sent:]] == [interrupted]


@contextlib.contextmanager
def writes_held(url: str, engine) -> Iterator[Callable[[], object]]:
    """쓰기는 ``release()``까지 기다리고 읽기는 그대로: SQLite의 쓰기 잠금, PostgreSQL의 표 잠금."""
    if url.startswith("sqlite"):
        blocker = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        try:
            blocker.execute("BEGIN IMMEDIATE")  # writers wait (up to SQLite's busy timeout)
            yield functools.partial(blocker.execute, "ROLLBACK")
        finally:
            blocker.close()
        return
    with engine.connect() as holder:
        holder.execute(text("LOCK TABLE notifications IN EXCLUSIVE MODE"))
        yield holder.rollback


@pytest.mark.anyio
@pytest.mark.points(2)
async def test_two_processes_recovering_one_row_send_it_once(
    app: FastAPI,
    overrides: dict,
    solution: ModuleType,
    TestSessionLocal,
    test_database_url: str,
    test_engine,
    get_mailer,
    outbox: Outbox,
) -> None:
    """두 프로세스가 동시에 같은 `pending` 알림을 복구해도 메일은 한 번만 간다.

    DB 하나에서 앱 프로세스 둘(``uvicorn --workers 2``)이 함께 시작해 둘 다 그 행을 찾는다.
    원자적인 선점(claim) 덕에 하나만 보낸다(lifespan 둘은 여기서 한 이벤트 루프에서 돈다).
    """
    address = new_address()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as ac:
            response = await ac.post("/send-notification", params={"email": address})
    notification_id = response.json()["id"]
    notifications = solution.Base.metadata.tables["notifications"]
    with TestSessionLocal() as db:  # left pending by a crash, as in the test above
        db.execute(
            update(notifications)
            .where(notifications.c.id == notification_id)
            .values(status="pending")
        )
        db.commit()
    already_sent = len(outbox.messages)

    class SlowOutbox(Outbox):
        """느린 메일 서버: 두 번째가 선점할 때 첫 발송이 아직 보내는 중이다."""

        def send(self, message) -> None:
            time.sleep(0.5)
            outbox.send(message)

    overrides[get_mailer] = SlowOutbox
    with writes_held(test_database_url, test_engine) as release:
        async with app.router.lifespan_context(app), app.router.lifespan_context(app):
            release()  # both have read the row: let the claims race
    # Both lifespans have shut down, after their deliveries.
    assert [m["To"] for m in outbox.messages[already_sent:]] == [address]


@pytest.mark.points(1)
def test_a_task_whose_database_fails_is_logged_and_the_app_goes_on(
    client: TestClient,
    overrides: dict,
    get_mailer,
    test_engine,
    sample_item,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """작업 중 DB가 사라져도 에러가 traceback과 함께 기록되고 앱은 계속 동작한다.

    메일을 보내는 사이에 DB가 사라져 작업은 아무것도 기록하지 못하므로 에러를 traceback과
    함께 로그로 남긴다. 클라이언트는 그래도 202를 받는다.
    """

    class DatabaseBreakingMailer(Outbox):
        def send(self, message) -> None:
            super().send(message)
            with test_engine.begin() as connection:
                connection.execute(text("DROP TABLE notifications"))

    overrides[get_mailer] = DatabaseBreakingMailer
    response = client.post("/send-notification", params={"email": new_address()})
    assert response.status_code == 202
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    assert errors
    # SQLite: "no such table: notifications"; PostgreSQL: relation "notifications" does not exist
    assert "notifications" in str(errors[-1].exc_info[1])
    assert client.post("/items", json=sample_item).status_code in (200, 201)
