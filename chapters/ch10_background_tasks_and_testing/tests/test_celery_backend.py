"""테스트 프로세스 안의 ``TASK_BACKEND=celery``: 웹 쪽이 작업을 어떻게 다루는가.

작업은 브로커에 올릴 뿐 직접 보내지 않고, 브로커가 죽었으면 503, ``pending`` 행은 워커 몫이다.
"""

import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import redis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from shared.testing import free_port, run_redis_server

from .conftest import Outbox

# Real Redis servers: more than the 20 s default.
pytestmark = pytest.mark.timeout(60)

CELERY_DEFAULT_QUEUE = "celery"  # the Redis list a job waits in until a worker takes it


@pytest.fixture
def use_celery(overrides: dict, get_settings, settings: Any) -> Callable[[str], None]:
    """``use_celery(broker_url)``: 이 테스트의 앱을 그 브로커의 Celery 백엔드로 바꾼다(복원됨)."""

    def switch(broker_url: str) -> None:
        celery_settings = settings.model_copy(
            update={"task_backend": "celery", "celery_broker_url": broker_url}
        )
        overrides[get_settings] = lambda: celery_settings

    return switch


def unreachable_broker() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"  # nobody listens there


def notification_rows(solution: ModuleType, TestSessionLocal) -> list[dict]:
    table = solution.Base.metadata.tables["notifications"]
    with TestSessionLocal() as db:
        return [row._asdict() for row in db.execute(select(table))]


@pytest.mark.points(2)
def test_the_route_puts_one_job_on_the_broker_and_sends_nothing_itself(
    celery: str, app: FastAPI, use_celery, outbox: Outbox, tmp_path: Path
) -> None:
    """Celery 백엔드에서는 라우트가 브로커에 작업 하나를 넣고 메일은 직접 보내지 않는다."""
    with run_redis_server(tmp_path) as broker:
        use_celery(broker.url)
        with TestClient(app) as client:
            response = client.post("/send-notification", params={"email": "a@b.co"})
            assert response.status_code == 202
            notification = client.get(response.headers["location"]).json()
        with redis.Redis.from_url(broker.url) as queue:
            assert queue.llen(CELERY_DEFAULT_QUEUE) == 1  # waiting for a worker
    assert outbox.messages == []  # nothing sent by the web process, not even after the response
    assert (notification["status"], notification["attempts"]) == ("pending", 0)


@pytest.mark.points(2)
def test_an_unreachable_broker_is_a_503_and_the_row_says_failed(
    app: FastAPI, use_celery, solution: ModuleType, outbox: Outbox, TestSessionLocal, audit_lines
) -> None:
    """브로커에 연결할 수 없으면 503이고 알림은 `failed`로 남는다."""
    use_celery(unreachable_broker())
    with TestClient(app) as client:
        response = client.post("/send-notification", params={"email": "a@b.co"})
    assert response.status_code == 503
    assert isinstance(response.json()["detail"], str)
    assert response.json()["detail"]
    [row] = notification_rows(solution, TestSessionLocal)
    assert row["status"] == "failed"  # the client was told; nothing will send it later
    assert outbox.messages == []
    assert audit_lines() == []  # a failed request writes no audit line


@pytest.mark.points(1)
def test_startup_leaves_pending_rows_to_the_workers(
    app: FastAPI, use_celery, solution: ModuleType, outbox: Outbox, TestSessionLocal
) -> None:
    """Celery 백엔드에서는 시작할 때 `pending` 알림을 직접 보내지 않고 워커에 맡긴다.

    Celery에서는 ``pending`` 행의 작업이 브로커에 있다: 웹 프로세스가 시작할 때
    또 보내면 두 번 가게 된다.
    """
    table = solution.Base.metadata.tables["notifications"]
    address = f"left-{uuid.uuid4().hex[:8]}@example.com"
    with TestClient(app) as first_process:  # background backend: the row is made and sent
        notification_id = first_process.post("/send-notification", params={"email": address})
        notification_id = notification_id.json()["id"]
    with TestSessionLocal() as db:  # as a process killed mid-delivery leaves it
        db.execute(update(table).where(table.c.id == notification_id).values(status="pending"))
        db.commit()
    already_sent = len(outbox.messages)
    use_celery(unreachable_broker())
    with TestClient(app):
        pass  # startup and shutdown
    assert outbox.messages[already_sent:] == []
    [row] = notification_rows(solution, TestSessionLocal)
    assert row["status"] == "pending"
