"""교재 1절: `POST /send-notification`과 그 백그라운드 작업을, 교재 코드만으로 확인할 수 있게.

교재의 작업은 `print(f"이메일 발송 완료: {email}")`만 하므로, 발송기(`get_mailer`)를 바꿔 넣지
않고 작업이 남긴 것으로 확인한다: 표준 출력(pytest의 ``capsys``), 로그(``caplog``), 또는 풀이에
발송기가 있으면 그 자리에 들어간 outbox. ``TestClient``는 응답을 돌려주기 전에 백그라운드 작업을
끝까지 실행하므로, 요청이 돌아왔을 때 작업의 출력이 이미 있다.
"""

from __future__ import annotations

import logging
import uuid

import pytest
from fastapi.testclient import TestClient

from .conftest import Outbox


def what_the_task_left(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, outbox: Outbox
) -> str:
    """작업이 남긴 모든 것: 출력한 줄, 로그, outbox에 들어온 메일의 받는 사람."""
    printed = capsys.readouterr()
    recipients = " ".join(str(message["To"]) for message in outbox.messages)
    return "\n".join([printed.out, printed.err, caplog.text, recipients])


@pytest.mark.points(3)
def test_the_background_task_runs_and_leaves_its_output(
    client: TestClient,
    own_outbox: Outbox,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """`POST /send-notification?email=...`는 2xx로 답하고, 백그라운드 작업이 그 주소로 실행된다.

    교재처럼 `print`만 하는 작업이면 표준 출력에 주소가 나오면 된다(로그나 발송기도 된다).
    """
    caplog.set_level(logging.INFO)
    email = f"text-{uuid.uuid4().hex[:8]}@example.com"
    capsys.readouterr()  # what came before this request is not the task's
    response = client.post("/send-notification", params={"email": email})
    assert 200 <= response.status_code < 300, response.text
    assert isinstance(response.json(), dict), "응답 본문은 JSON 객체여야 합니다"
    left = what_the_task_left(capsys, caplog, own_outbox)
    assert email in left, (
        f"백그라운드 작업이 {email}로 실행된 흔적(출력, 로그, 메일)이 없습니다: "
        "`background_tasks.add_task(함수, email, ...)`로 등록했나요?"
    )


def test_each_request_runs_its_own_task(
    client: TestClient,
    own_outbox: Outbox,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """요청 두 번은 작업 두 번이다: 각 요청의 작업이 자기 주소로 실행된다."""
    caplog.set_level(logging.INFO)
    emails = [f"text-{n}-{uuid.uuid4().hex[:8]}@example.com" for n in (1, 2)]
    capsys.readouterr()
    for email in emails:
        assert client.post("/send-notification", params={"email": email}).is_success
    left = what_the_task_left(capsys, caplog, own_outbox)
    missing = [email for email in emails if email not in left]
    assert not missing, f"이 주소의 백그라운드 작업이 실행된 흔적이 없습니다: {missing}"


def test_the_email_query_parameter_is_required(client: TestClient) -> None:
    """교재의 `email: str` 파라미터는 필수다: 없으면 422와 `detail`을 돌려준다."""
    response = client.post("/send-notification")
    assert response.status_code == 422
    assert "detail" in response.json()
