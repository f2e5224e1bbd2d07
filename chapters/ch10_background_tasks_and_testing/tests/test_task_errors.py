"""주의사항, 에러 처리: a background task's error never reaches the client (it already has its
answer), so it must be logged, with its traceback, and recorded where it matters."""

import logging
from types import ModuleType

import pytest
from fastapi.testclient import TestClient

from shared.testing import free_port

from .conftest import FailingMailer


def error_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]


@pytest.mark.points(3)
def test_failed_delivery_is_logged_stored_and_not_sent_to_the_client(
    client: TestClient, overrides: dict, get_mailer, caplog: pytest.LogCaptureFixture
) -> None:
    """발송이 실패해도 클라이언트는 202를 받고, 알림은 `failed`로 저장되며 에러가 로그에 남는다."""
    mailer = FailingMailer()
    overrides[get_mailer] = lambda: mailer
    response = client.post("/send-notification", params={"email": "down@example.com"})

    assert response.status_code == 202  # the client got its answer before the task failed
    assert mailer.calls == 1
    notification = client.get(f"/notifications/{response.json()['id']}").json()
    assert notification["status"] == "failed"
    assert "ConnectionRefusedError" in notification["error"]
    assert notification["attempts"] == 1
    [record] = error_records(caplog)
    assert record.exc_info[0] is ConnectionRefusedError  # logged with its traceback
    assert "down@example.com" in record.getMessage()


@pytest.mark.points(2)
def test_the_app_keeps_serving_after_a_task_failed(
    client: TestClient, overrides: dict, get_mailer, outbox, sample_item
) -> None:
    """작업 하나가 실패한 뒤에도 앱은 다음 요청을 정상 처리한다."""
    overrides[get_mailer] = FailingMailer
    client.post("/send-notification", params={"email": "first@example.com"})
    overrides[get_mailer] = lambda: outbox
    response = client.post("/send-notification", params={"email": "second@example.com"})
    assert client.get(f"/notifications/{response.json()['id']}").json()["status"] == "sent"
    assert client.post("/items", json=sample_item).status_code == 201


@pytest.mark.points(2)
def test_a_refused_smtp_connection_is_a_failed_notification(
    client: TestClient, overrides: dict, solution: ModuleType, get_settings, settings
) -> None:
    """SMTP 서버에 연결할 수 없으면 알림은 `failed`와 에러 내용으로 남는다.

    The real mailer against a port where no SMTP server listens."""
    nobody = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": free_port()})
    overrides[get_settings] = lambda: nobody
    if solution.has("get_mailer"):
        del overrides[solution.get_mailer]
    response = client.post("/send-notification", params={"email": "nobody@example.com"})
    assert response.status_code == 202
    notification = client.get(f"/notifications/{response.json()['id']}").json()
    assert notification["status"] == "failed"
    assert notification["error"]


@pytest.mark.points(2)
def test_a_failing_audit_write_is_logged_and_the_write_stands(
    client: TestClient,
    overrides: dict,
    get_settings,
    settings,
    tmp_path,
    sample_item,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """감사 로그 쓰기가 실패해도 에러가 로그에 남고, 아이템은 저장된 그대로다.

    The audit log path is a folder, so appending to it fails (in a task, after the 201)."""
    (tmp_path / "a-folder").mkdir()
    broken = settings.model_copy(update={"audit_log_path": tmp_path / "a-folder"})
    overrides[get_settings] = lambda: broken
    response = client.post("/items", json=sample_item)
    assert response.status_code == 201
    assert client.get(f"/items/{response.json()['id']}").json() == response.json()
    [record] = error_records(caplog)
    assert issubclass(record.exc_info[0], OSError)
