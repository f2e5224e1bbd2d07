"""주의사항, BackgroundTasks 한계: 작업은 프로세스와 함께 죽는다. 발송 도중 웹 프로세스를
SIGKILL로 죽이고 같은 DB로 새 프로세스를 띄워도 메일은 한 번 도착한다(``[background]``는
새 lifespan이 다시 보내고, ``[celery]``는 워커가 마저 보낸다).
"""

from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import create_engine, select

from shared.testing import SmtpServer

from .conftest import table_of
from .live import (
    DEADLINE,
    MAIL_DEADLINE,
    deployment,
    new_address,
    request_notification,
    started_together,
    wait_until_sent,
)

# Real processes (uvicorn, Redis, Celery workers): far more than the 20 s default.
pytestmark = pytest.mark.timeout(180)

# Attempts the interrupted notification ends with: who sent it, and how many times it was tried.
ATTEMPTS_AFTER_RESTART = {"background": 2, "celery": 1}


def stored_status(database_url: str, table, notification_id: int) -> str:
    """DB 파일에서 직접 읽은 행: 그 행을 쓴 서버는 죽었다."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(table.c.status).where(table.c.id == notification_id))
    finally:
        engine.dispose()


@pytest.mark.points(4)
def test_a_delivery_cut_by_a_crash_is_made_after_the_restart(
    backend: str, solution: ModuleType, smtp: SmtpServer, tmp_path: Path
) -> None:
    """발송 중에 프로세스가 죽어도 재시작 뒤 메일이 한 번 배달된다."""
    solution.hook("Base", "서버가 죽은 뒤 DB 파일의 알림 상태를 직접 읽으려면 필요합니다")
    delivered, interrupted = new_address(), new_address()
    abandoned_before = smtp.abandoned

    with (
        deployment(backend, solution, tmp_path, smtp) as deployed,
        # The worker (celery) lives through both web processes; it starts with the first.
        started_together(*deployed.workers(), deployed.web("first")) as processes,
    ):
        first = processes[-1]
        delivered_id = request_notification(first, delivered)
        wait_until_sent(first, delivered_id)
        smtp.delay = 120  # the next mail stalls at the SMTP server, its delivery in flight
        interrupted_id = request_notification(first, interrupted)
        smtp.wait_for_in_flight(1, timeout=MAIL_DEADLINE)
        first.kill()  # SIGKILL, as in a crash: no shutdown, no cleanup

        if backend == "background":
            # The SMTP server saw its client vanish before accepting: nothing was delivered.
            smtp.wait_for_abandoned(abandoned_before + 1, timeout=DEADLINE)
            assert smtp.messages_to(interrupted) == []
        notifications = table_of(solution, "notifications")
        assert stored_status(deployed.env["DATABASE_URL"], notifications, interrupted_id) == (
            "pending"
        )

        smtp.delay = 0
        with deployed.web("second") as second:
            smtp.wait_for_messages(1, to=interrupted, timeout=MAIL_DEADLINE)
            attempts = wait_until_sent(second, interrupted_id)["attempts"]
            assert attempts == ATTEMPTS_AFTER_RESTART[backend]
    # Every process has shut down (gracefully): whatever it was going to send, it sent.
    assert len(smtp.messages_to(interrupted)) == 1
    assert len(smtp.messages_to(delivered)) == 1  # sent before the crash, never again
