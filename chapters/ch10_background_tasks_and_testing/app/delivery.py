"""Delivering notifications: the background task that sends the email, and restart recovery.

The course text's task sleeps and prints; this one sends real mail with ``smtplib``. Three
things make it safe to run as a ``BackgroundTasks`` task in a busy server:

* It never blocks the event loop: the database work and the SMTP conversation run in a worker
  thread (``anyio.to_thread.run_sync``).
* It never starves requests: those threads are counted by a ``CapacityLimiter`` of its own
  (``SMTP_MAX_CONNECTIONS``), not by AnyIO's default limiter of 40 threads that sync endpoints
  and dependencies share. A slow mail server makes mails queue up, not requests.
* It survives a crash: the row is stored (``pending``) before the response, and the app's
  lifespan re-dispatches every row still ``pending`` when the next process starts. A row is
  claimed with an atomic UPDATE first (see ``claim``), so one claim sends at most one email,
  and a row already ``sent`` is never sent again. Delivery is "at least once": a process killed
  after the SMTP server accepted a mail but before the row said ``sent`` sends it again.
"""

import functools
import logging
from typing import Any

import anyio
import anyio.to_thread
from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session, sessionmaker

from .background import logged_task
from .config import Settings
from .mailer import Mailer, build_message
from .models import FAILED, PENDING, SENT, Notification, utcnow

logger = logging.getLogger(__name__)

MAX_ERROR_LENGTH = 500


@functools.cache
def delivery_limiter(size: int) -> anyio.CapacityLimiter:
    """The process's limiter for delivery threads (one per size, so one in practice)."""
    return anyio.CapacityLimiter(size)


@logged_task
async def deliver_notification(
    notification_id: int,
    *,
    sessions: sessionmaker[Session],
    mailer: Mailer,
    settings: Settings,
    attempts_seen: int = 0,
) -> None:
    """Background task: send notification ``notification_id``'s email, record the outcome.

    ``attempts_seen`` is the row's ``attempts`` when it was queued: 0 for a new row, the
    stored value for a row recovered at startup.
    """
    await anyio.to_thread.run_sync(
        functools.partial(
            deliver,
            notification_id,
            sessions=sessions,
            mailer=mailer,
            mail_from=settings.mail_from,
            attempts_seen=attempts_seen,
        ),
        limiter=delivery_limiter(settings.smtp_max_connections),
    )


def claim(db: Session, notification_id: int, attempts_seen: int | None) -> Notification | None:
    """Take the row for one delivery attempt, or ``None`` if it is not ours to send.

    ``UPDATE ... SET attempts = attempts + 1 WHERE status = 'pending' AND attempts = :seen``
    changes one row only if nobody sent or claimed it since it was read; of two processes
    recovering the same row, one wins. ``attempts_seen=None`` (a Celery job) leaves out the
    attempts test: the broker hands a job to one worker at a time, and a job handed out again
    after its worker died must be able to take the row that worker had claimed.
    """
    conditions = [Notification.id == notification_id, Notification.status == PENDING]
    if attempts_seen is not None:
        conditions.append(Notification.attempts == attempts_seen)
    result: CursorResult[Any] = db.execute(  # type: ignore[assignment]  # an UPDATE's result
        update(Notification)
        .where(*conditions)
        .values(attempts=Notification.attempts + 1, updated_at=utcnow())
    )
    db.commit()
    if result.rowcount != 1:
        return None
    return db.get(Notification, notification_id)


def deliver(
    notification_id: int,
    *,
    sessions: sessionmaker[Session],
    mailer: Mailer,
    mail_from: str,
    attempts_seen: int | None,
) -> None:
    """Claim, send, record: blocking, run in a delivery thread. No session is held open
    while the SMTP server is talking (it may take up to ``SMTP_TIMEOUT`` per step)."""
    with sessions() as db:
        notification = claim(db, notification_id, attempts_seen)
        if notification is None:
            logger.info("notification %s: already claimed or sent, skipped", notification_id)
            return
        message = build_message(
            sender=mail_from, recipient=notification.email, body=notification.message
        )
    try:
        mailer.send(message)
    except Exception as exc:
        logger.exception("notification %s to %s: delivery failed", notification_id, message["To"])
        finish(sessions, notification_id, FAILED, f"{type(exc).__name__}: {exc}")
    else:
        logger.info("notification %s: sent to %s", notification_id, message["To"])
        finish(sessions, notification_id, SENT, None)


def finish(
    sessions: sessionmaker[Session], notification_id: int, status: str, error: str | None
) -> None:
    with sessions() as db:
        notification = db.get_one(Notification, notification_id)
        notification.status = status
        notification.error = error[:MAX_ERROR_LENGTH] if error else None
        db.commit()


def pending_notifications(db: Session) -> list[tuple[int, int]]:
    """``(id, attempts)`` of every row still waiting for its email, oldest first."""
    rows = db.execute(
        select(Notification.id, Notification.attempts)
        .where(Notification.status == PENDING)
        .order_by(Notification.id)
    )
    return [(row.id, row.attempts) for row in rows]
