"""``TASK_BACKEND=celery``: 작업은 어느 한 프로세스가 아니라 브로커에 있다.

작업은 웹 프로세스보다 오래 남고, 발송 도중 죽은 워커의 작업은 다음 워커가 받아 한 번 보낸다.
"""

from pathlib import Path
from types import ModuleType

import pytest

from shared.testing import SmtpServer

from .live import (
    DEADLINE,
    MAIL_DEADLINE,
    deployment,
    new_address,
    request_notification,
    started_together,
    status_of,
    wait_until_sent,
)

# Real processes (uvicorn, Redis, Celery workers): far more than the 20 s default.
pytestmark = pytest.mark.timeout(180)

# Seconds before Redis hands out again a job whose worker died, for the worker that takes over
# (each worker looks for jobs older than its own visibility timeout). Short, so the test is
# quick; long enough that its own delivery (milliseconds here) is never handed out twice. The
# first worker keeps the default (an hour): however slow the machine, it never hands the job it
# is stalled on back to itself before it is killed.
VISIBILITY_TIMEOUT = 2
# Waiting for a job handed out again: the visibility timeout, a restore sweep, the delivery.
REDELIVERY_DEADLINE = VISIBILITY_TIMEOUT + MAIL_DEADLINE


@pytest.mark.points(3)
def test_a_job_queued_while_no_worker_runs_outlives_the_web_process(
    celery: str, solution: ModuleType, smtp: SmtpServer, tmp_path: Path
) -> None:
    """워커가 없을 때 넣은 작업은 웹 프로세스가 죽어도 남아, 나중에 워커가 한 번 보낸다."""
    address = new_address()
    with deployment(celery, solution, tmp_path, smtp) as deployed:
        with deployed.web("first") as first:  # and no worker at all
            notification_id = request_notification(first, address)
            assert status_of(first, notification_id)["status"] == "pending"
            first.kill()  # the only process that knew of the request is gone
        assert smtp.messages_to(address) == []

        with started_together(deployed.worker(), deployed.web("second")) as (_, second):
            smtp.wait_for_messages(1, to=address, timeout=MAIL_DEADLINE)
            assert wait_until_sent(second, notification_id)["attempts"] == 1
    assert len(smtp.messages_to(address)) == 1


@pytest.mark.points(4)
def test_a_worker_killed_mid_delivery_loses_no_job(
    celery: str, solution: ModuleType, smtp: SmtpServer, tmp_path: Path
) -> None:
    """발송 중에 죽은 워커의 작업은 다음 워커가 받아 한 번만 보낸다."""
    delivered, interrupted = new_address(), new_address()
    abandoned_before = smtp.abandoned
    with (
        deployment(celery, solution, tmp_path, smtp) as deployed,
        started_together(deployed.web(), deployed.worker("first")) as (web, first),
    ):
        wait_until_sent(web, request_notification(web, delivered))
        smtp.delay = 120  # the next mail stalls at the SMTP server, its delivery in flight
        interrupted_id = request_notification(web, interrupted)
        smtp.wait_for_in_flight(1, timeout=MAIL_DEADLINE)
        first.kill()  # SIGKILL: the job was taken but never acknowledged

        smtp.wait_for_abandoned(abandoned_before + 1, timeout=DEADLINE)
        assert smtp.messages_to(interrupted) == []
        pending = status_of(web, interrupted_id)
        assert (pending["status"], pending["attempts"]) == ("pending", 1)  # the dead worker's

        smtp.delay = 0
        with deployed.worker("second", celery_visibility_timeout=str(VISIBILITY_TIMEOUT)):
            smtp.wait_for_messages(1, to=interrupted, timeout=REDELIVERY_DEADLINE)
            assert wait_until_sent(web, interrupted_id)["attempts"] == 2
    assert len(smtp.messages_to(interrupted)) == 1
    assert len(smtp.messages_to(delivered)) == 1
