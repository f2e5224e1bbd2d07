"""주의사항, 에러 처리: 백그라운드 작업의 에러는 클라이언트에 가지 않으므로(이미 응답을 받았다)
traceback과 함께 로그로 남기고, 필요한 곳에 기록해야 한다.
"""

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
    error = notification["error"]  # says what went wrong: the exception's name or its message
    assert "ConnectionRefusedError" in error or "refused the connection" in error, error
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
    assert client.post("/items", json=sample_item).status_code in (200, 201)


@pytest.mark.points(2)
def test_a_refused_smtp_connection_is_a_failed_notification(
    client: TestClient, overrides: dict, solution: ModuleType, get_settings, settings
) -> None:
    """SMTP 서버에 연결할 수 없으면 알림은 `failed`와 에러 내용으로 남는다.

    SMTP 서버가 듣지 않는 포트를 향한 진짜 발송기.
    """
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

    감사 로그 경로가 폴더라서 덧붙이기가 실패한다(201 뒤의 작업에서).
    """
    (tmp_path / "a-folder").mkdir()
    broken = settings.model_copy(update={"audit_log_path": tmp_path / "a-folder"})
    overrides[get_settings] = lambda: broken
    response = client.post("/items", json=sample_item)
    assert response.status_code in (200, 201)  # the write stands (its status is graded elsewhere)
    assert client.get(f"/items/{response.json()['id']}").json() == response.json()
    [record] = error_records(caplog)
    assert issubclass(record.exc_info[0], OSError)
