"""주의사항, BackgroundTasks 한계: a task dies with its process. The app keeps the notification
in its database and sends it when it starts again: kill a real uvicorn process in the middle
of a delivery, start a new one on the same database, and the email arrives, once.

This test starts its own servers (it kills one), unlike ``test_e2e.py``'s shared one.
"""

from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import create_engine, select

from shared.testing import SmtpServer, run_uvicorn

from .live import (
    DEADLINE,
    STARTUP_TIMEOUT,
    new_address,
    request_notification,
    server_env,
    wait_until_sent,
)


def stored_status(database_url: str, table, notification_id: int) -> str:
    """Read the row from the database file itself: the server that wrote it is dead."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(table.c.status).where(table.c.id == notification_id))
    finally:
        engine.dispose()


@pytest.mark.points(4)
def test_a_delivery_cut_by_a_crash_is_made_after_the_restart(
    solution: ModuleType, smtp: SmtpServer, tmp_path: Path
) -> None:
    env = server_env(tmp_path, smtp)
    app = f"{solution.__name__}:app"
    notifications = solution.Base.metadata.tables["notifications"]
    delivered, interrupted = new_address(), new_address()
    abandoned_before = smtp.abandoned

    with run_uvicorn(
        app, log_path=tmp_path / "first.log", env=env, timeout=STARTUP_TIMEOUT
    ) as first:
        delivered_id = request_notification(first, delivered)
        wait_until_sent(first, delivered_id)
        smtp.delay = 120  # the next mail stalls at the SMTP server, its delivery in flight
        interrupted_id = request_notification(first, interrupted)
        smtp.wait_for_in_flight(1, timeout=DEADLINE)
        first.kill()  # SIGKILL, as in a crash: no shutdown, no cleanup

    # The SMTP server saw its client vanish before accepting: nothing was delivered.
    smtp.wait_for_abandoned(abandoned_before + 1, timeout=DEADLINE)
    assert smtp.messages_to(interrupted) == []
    assert stored_status(env["DATABASE_URL"], notifications, interrupted_id) == "pending"

    smtp.delay = 0
    with run_uvicorn(
        app, log_path=tmp_path / "second.log", env=env, timeout=STARTUP_TIMEOUT
    ) as second:
        smtp.wait_for_messages(1, to=interrupted, timeout=DEADLINE)
        assert wait_until_sent(second, interrupted_id)["attempts"] == 2
    # The second server has shut down (gracefully): whatever it was going to send, it sent.
    assert len(smtp.messages_to(interrupted)) == 1
    assert len(smtp.messages_to(delivered)) == 1  # sent before the crash, never again
