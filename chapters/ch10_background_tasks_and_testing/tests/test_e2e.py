"""End to end, with real parts: a uvicorn process on a free loopback port sends real mail to an
aiosmtpd server on loopback. ``TestClient`` waits for background tasks; a real server does not,
which is what these tests show: the client has its answer while the mail is still on its way.

Every test runs twice: ``[background]``, the web process sends the mail after the response;
``[celery]``, a Celery worker process sends it, fed through a real Redis server.
"""

import asyncio
import sqlite3
import time
from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest

from shared.testing import ServerProcess, SmtpServer

from .conftest import BACKENDS, checked_backend
from .live import (
    DEADLINE,
    deployment,
    new_address,
    request_notification,
    status_of,
    wait_for_status,
    wait_until_sent,
)

# Real processes (uvicorn, Redis, Celery workers): far more than the 20 s default.
pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module", params=BACKENDS)
def server(
    request: pytest.FixtureRequest,
    solution: ModuleType,
    smtp_server: SmtpServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ServerProcess]:
    """Module scope: one deployment per backend serves every test in this file. Starting one
    takes a second or more, and the tests here cannot disturb each other: each sends to
    addresses of its own and reads only its own rows, and ``smtp`` puts the delay back."""
    backend = checked_backend(request.param)
    folder = tmp_path_factory.mktemp(f"e2e-{backend}")
    with deployment(backend, solution, folder, smtp_server) as deployed, deployed.running() as web:
        yield web


@pytest.mark.points(3)
def test_the_smtp_server_receives_the_email(server: ServerProcess, smtp: SmtpServer) -> None:
    """실제 서버로 보낸 알림 메일이 실제 SMTP 서버에 도착한다."""
    address = new_address()
    notification_id = request_notification(server, address)
    [mail] = smtp.wait_for_messages(1, to=address, timeout=DEADLINE)
    assert mail.mail_from == "e2e@example.com"
    assert mail.message["To"] == address
    assert "환영합니다!" in mail.body
    assert wait_until_sent(server, notification_id)["attempts"] == 1


@pytest.mark.points(3)
def test_the_response_does_not_wait_for_a_slow_smtp_server(
    server: ServerProcess, smtp: SmtpServer
) -> None:
    """SMTP 서버가 느려도 응답은 메일을 기다리지 않고 바로 온다."""
    smtp.delay = 3  # the SMTP server takes 3 s to accept each message
    address = new_address()
    started = time.monotonic()
    notification_id = request_notification(server, address)
    answered_after = time.monotonic() - started

    assert answered_after < 1.5  # generous: well under the 3 s the mail takes
    assert smtp.messages_to(address) == []  # the client has its answer, the mail is not out
    assert status_of(server, notification_id)["status"] == "pending"
    smtp.wait_for_messages(1, to=address, timeout=smtp.delay + DEADLINE)
    wait_until_sent(server, notification_id)


@pytest.mark.points(3)
def test_stalled_deliveries_do_not_hold_up_other_requests(
    server: ServerProcess, smtp: SmtpServer
) -> None:
    """멈춘 발송이 많아도 다른 요청은 막히지 않는다.

    More stalled deliveries than AnyIO's 40 worker threads: if each held a thread (a plain
    ``def`` task calling ``smtplib``), new requests would wait for a thread, and time out."""
    smtp.delay = 60  # every delivery stalls at the SMTP server until the delay is lowered
    addresses = [new_address() for _ in range(45)]
    with httpx.Client(base_url=server.url, timeout=10) as http:
        for address in addresses:
            response = http.post("/send-notification", params={"email": address})
            assert response.status_code == 202
        smtp.wait_for_in_flight(1, timeout=DEADLINE)
        assert http.post("/items", json={"name": "그동안", "price": 1}).status_code == 201
        assert http.get("/items").status_code == 200
    assert not any(smtp.messages_to(address) for address in addresses)  # all still stalled

    smtp.delay = 0
    for address in addresses:
        smtp.wait_for_messages(1, to=address, timeout=DEADLINE)


@pytest.mark.points(2)
def test_a_reader_holding_the_database_does_not_fail_requests(
    server: ServerProcess, smtp: SmtpServer
) -> None:
    """다른 연결이 DB를 읽고 있어도 요청은 실패하지 않는다.

    Under load, status polls and delivery tasks keep reading while requests write. With
    SQLite's rollback journal a writer cannot commit while any reader holds the file, and after
    pysqlite's 5 s busy timeout the request fails with "database is locked" (a 500, found by
    the load benchmark). Here one reader holds a read transaction open on purpose."""
    reader = sqlite3.connect(server.log_path.parent / "app.db", isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM notifications").fetchone()
        address = new_address()
        response = httpx.post(
            f"{server.url}/send-notification", params={"email": address}, timeout=DEADLINE
        )
        assert response.status_code == 202, response.text
        smtp.wait_for_messages(1, to=address, timeout=DEADLINE)
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    wait_until_sent(server, response.json()["id"])


@pytest.mark.points(2)
def test_a_refused_recipient_is_recorded_as_failed(server: ServerProcess, smtp: SmtpServer) -> None:
    """SMTP 서버가 거절한 수신자는 `failed`와 서버의 답으로 기록되고, 다음 메일은 나간다.

    The mail server answers 550: the row says ``failed`` with the server's answer, nothing
    is delivered, and the next notification goes out as usual."""
    refused, accepted = new_address(), new_address()
    smtp.refuse(refused)
    failed = wait_for_status(server, request_notification(server, refused), "failed")
    assert failed["attempts"] == 1
    assert "550" in failed["error"]
    assert "mailbox unavailable" in failed["error"]

    wait_until_sent(server, request_notification(server, accepted))
    assert smtp.messages_to(refused) == []
    assert len(smtp.messages_to(accepted)) == 1


async def post_concurrently(url: str, addresses: list[str]) -> list[httpx.Response]:
    """One POST per address, all in flight at once (one connection each)."""
    limits = httpx.Limits(max_connections=len(addresses))
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        return await asyncio.gather(
            *(client.post("/send-notification", params={"email": a}) for a in addresses)
        )


@pytest.mark.points(3)
def test_100_concurrent_requests_lose_no_mail(server: ServerProcess, smtp: SmtpServer) -> None:
    """동시 요청 100개의 메일이 하나도 빠짐없이 한 번씩 간다.

    Every request answered 202 with an id of its own, every address got exactly one mail,
    and every row ends ``sent`` after one attempt."""
    addresses = [new_address() for _ in range(100)]
    responses = asyncio.run(post_concurrently(server.url, addresses))
    assert [r.status_code for r in responses] == [202] * 100, [r.text for r in responses]
    ids = [r.json()["id"] for r in responses]
    assert len(set(ids)) == 100

    for address in addresses:
        smtp.wait_for_messages(1, to=address, timeout=DEADLINE)
    statuses = [wait_until_sent(server, notification_id) for notification_id in ids]
    assert {(s["status"], s["attempts"]) for s in statuses} == {("sent", 1)}
    # Every row is final now: no claim can send any of them again.
    assert [len(smtp.messages_to(address)) for address in addresses] == [1] * 100
