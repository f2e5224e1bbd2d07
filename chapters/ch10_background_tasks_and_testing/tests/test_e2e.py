"""진짜 부품으로 끝에서 끝까지: uvicorn 프로세스가 aiosmtpd 서버로 진짜 메일을 보낸다.
``TestClient``와 달리 진짜 서버는 백그라운드 작업을 기다리지 않아, 메일이 가는 동안 응답이 온다.
테스트마다 두 번 돈다: ``[background]``(웹 프로세스가 발송)와 ``[celery]``(Redis 위의 워커가 발송).
"""

import asyncio
import contextlib
import sqlite3
from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest
from sqlalchemy import create_engine, make_url, text

from shared.testing import ServerProcess, SmtpServer
from shared.testing.postgres import server_database

from .conftest import BACKENDS, checked_backend
from .live import (
    MAIL_DEADLINE,
    Deployment,
    deployment,
    http_client,
    new_address,
    request_notification,
    status_of,
    wait_for_status,
    wait_until_sent,
)

# Real processes (uvicorn, Redis, Celery workers): far more than the 20 s default.
pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module", params=BACKENDS)
def deployed(
    request: pytest.FixtureRequest,
    solution: ModuleType,
    smtp_server: SmtpServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Deployment, ServerProcess]]:
    """모듈 범위: 백엔드마다 배포 하나가 이 파일의 모든 테스트를 맡는다(띄우는 데 1초 넘게)."""
    backend = checked_backend(request.param)
    folder = tmp_path_factory.mktemp(f"e2e-{backend}")
    with deployment(backend, solution, folder, smtp_server) as deployed, deployed.running() as web:
        yield deployed, web


@pytest.fixture(scope="module")
def server(deployed: tuple[Deployment, ServerProcess]) -> ServerProcess:
    """배포의 웹 프로세스."""
    return deployed[1]


@pytest.mark.points(3)
def test_the_smtp_server_receives_the_email(server: ServerProcess, smtp: SmtpServer) -> None:
    """실제 서버로 보낸 알림 메일이 실제 SMTP 서버에 도착한다."""
    address = new_address()
    notification_id = request_notification(server, address)
    [mail] = smtp.wait_for_messages(1, to=address, timeout=MAIL_DEADLINE)
    assert mail.mail_from == "e2e@example.com"
    assert mail.message["To"] == address
    assert "환영합니다!" in mail.body
    assert wait_until_sent(server, notification_id)["attempts"] == 1


@pytest.mark.points(3)
def test_the_response_does_not_wait_for_a_slow_smtp_server(
    server: ServerProcess, smtp: SmtpServer
) -> None:
    """SMTP 서버가 느려도 응답은 메일을 기다리지 않고 바로 온다.

    SMTP 서버는 메일을 붙잡아 둔다(테스트가 놓아줄 때까지 받아들이지 않는다): 그동안 202가 오고,
    메일은 SMTP 서버에서 기다리며, 행은 ``pending``이다. 메일을 기다리는 응답은 오지 않는다.
    """
    smtp.delay = 60  # the SMTP server holds every message until the delay is lowered
    held_before = smtp.in_flight
    address = new_address()
    notification_id = request_notification(server, address)  # answered while the mail is held

    smtp.wait_for_in_flight(held_before + 1, timeout=MAIL_DEADLINE)  # the delivery is under way
    assert smtp.messages_to(address) == []  # the client has its answer, the mail is not out
    assert status_of(server, notification_id)["status"] == "pending"
    smtp.delay = 0  # release it
    smtp.wait_for_messages(1, to=address, timeout=MAIL_DEADLINE)
    wait_until_sent(server, notification_id)


@pytest.mark.points(3)
def test_stalled_deliveries_do_not_hold_up_other_requests(
    server: ServerProcess, smtp: SmtpServer
) -> None:
    """멈춘 발송이 많아도 다른 요청은 막히지 않는다.

    멈춘 발송이 AnyIO의 작업 스레드 40개보다 많다: 발송마다 스레드를 잡으면(``smtplib``을
    부르는 평범한 ``def`` 작업) 새 요청이 스레드를 기다리다 시간이 다 된다.
    """
    smtp.delay = 60  # every delivery stalls at the SMTP server until the delay is lowered
    addresses = [new_address() for _ in range(45)]
    with httpx.Client(base_url=server.url, timeout=10) as http:
        for address in addresses:
            response = http.post("/send-notification", params={"email": address})
            assert response.status_code == 202
        smtp.wait_for_in_flight(1, timeout=MAIL_DEADLINE)
        assert http.post("/items", json={"name": "그동안", "price": 1}).status_code in (200, 201)
        assert http.get("/items").status_code == 200
    assert not any(smtp.messages_to(address) for address in addresses)  # all still stalled

    smtp.delay = 0
    smtp.wait_for_each(addresses, idle_timeout=MAIL_DEADLINE)


@contextlib.contextmanager
def read_transaction(url: str) -> Iterator[None]:
    """앱의 DB에 열어 둔 읽기 트랜잭션 하나(다른 프로그램의 보고서 쿼리처럼)."""
    if url.startswith("sqlite"):
        reader = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM notifications").fetchone()
            yield
        finally:
            reader.execute("ROLLBACK")
            reader.close()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as reader:  # the SELECT begins the transaction it holds
            reader.execute(text("SELECT count(*) FROM notifications")).scalar()
            yield
    finally:
        engine.dispose()


@pytest.mark.points(2)
def test_a_reader_holding_the_database_does_not_fail_requests(
    deployed: tuple[Deployment, ServerProcess], smtp: SmtpServer
) -> None:
    """다른 연결이 DB를 읽고 있어도 요청은 실패하지 않는다.

    SQLite의 rollback journal에서는 읽는 쪽이 있으면 쓰는 쪽이 커밋하지 못하고, 5초 뒤
    "database is locked"(500)가 난다. 여기서는 읽기 트랜잭션 하나를 일부러 열어 둔다.
    """
    app_deployment, server = deployed
    with read_transaction(app_deployment.env["DATABASE_URL"]):
        address = new_address()
        with http_client(server) as http:
            response = http.post("/send-notification", params={"email": address})
        assert response.status_code == 202, response.text
        smtp.wait_for_messages(1, to=address, timeout=MAIL_DEADLINE)
    wait_until_sent(server, response.json()["id"])


@pytest.mark.points(2)
def test_a_refused_recipient_is_recorded_as_failed(server: ServerProcess, smtp: SmtpServer) -> None:
    """SMTP 서버가 거절한 수신자는 `failed`와 서버의 답으로 기록되고, 다음 메일은 나간다.

    메일 서버가 550으로 답한다: 행은 서버의 답과 함께 ``failed``이고, 다음 알림은 평소대로 나간다.
    """
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
    """주소마다 POST 하나, 모두 한꺼번에(연결은 하나씩)."""
    limits = httpx.Limits(max_connections=len(addresses))
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        return await asyncio.gather(
            *(client.post("/send-notification", params={"email": a}) for a in addresses)
        )


@pytest.mark.points(3)
def test_100_concurrent_requests_lose_no_mail(server: ServerProcess, smtp: SmtpServer) -> None:
    """동시 요청 100개의 메일이 하나도 빠짐없이 한 번씩 간다.

    요청마다 자기 id로 202를 받고, 주소마다 메일이 정확히 하나 가며,
    행은 모두 한 번의 시도로 ``sent``가 된다.
    """
    addresses = [new_address() for _ in range(100)]
    responses = asyncio.run(post_concurrently(server.url, addresses))
    assert [r.status_code for r in responses] == [202] * 100, [r.text for r in responses]
    ids = [r.json()["id"] for r in responses]
    assert len(set(ids)) == 100

    smtp.wait_for_each(addresses, idle_timeout=MAIL_DEADLINE)
    statuses = [wait_until_sent(server, notification_id) for notification_id in ids]
    assert {(s["status"], s["attempts"]) for s in statuses} == {("sent", 1)}
    # Every row is final now: no claim can send any of them again.
    assert [len(smtp.messages_to(address)) for address in addresses] == [1] * 100


async def read_concurrently(url: str, path: str, count: int) -> list[httpx.Response]:
    """``GET path`` ``count``번, 모두 한꺼번에(연결은 하나씩)."""
    limits = httpx.Limits(max_connections=count)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        return await asyncio.gather(*(client.get(path) for _ in range(count)))


@pytest.mark.points(2)
def test_100_concurrent_status_reads_all_answer(server: ServerProcess, smtp: SmtpServer) -> None:
    """한꺼번에 보낸 상태 조회 100개가 모두 200으로 답한다.

    동기 ``yield`` 의존성의 세션은 응답 뒤에 워커 스레드에서 닫힌다. 연결 풀이 작으면 연결을
    기다리는 요청들이 스레드 40개를 모두 잡고, 연결을 쥔 세션들은 자기를 닫을 스레드를 기다린다.
    """
    if server_database():  # pragma: no cover - nox -s postgres only
        pytest.skip("a server database bounds its connections: the pool is sized for SQLite only")
    path = f"/notifications/{request_notification(server, new_address())}"
    responses = asyncio.run(read_concurrently(server.url, path, 100))
    assert [r.status_code for r in responses] == [200] * 100, {r.text[:200] for r in responses}
