"""알림 발송: 메일을 보내는 백그라운드 작업과 재시작 복구.

본문의 작업은 잠자고 출력하지만, 이 작업은 ``smtplib``으로 실제 메일을 보냅니다."""

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
    """발송 스레드를 세는 프로세스의 limiter (크기마다 하나, 실제로는 하나)."""
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
    """백그라운드 작업: 알림 ``notification_id``의 메일을 보내고 결과를 기록합니다.

    ``attempts_seen``은 등록할 때의 ``attempts``: 새 행은 0, 복구한 행은 저장된 값."""
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
    """한 번의 발송 시도를 위해 행을 차지합니다. 우리가 보낼 행이 아니면 ``None``.

    조건부 UPDATE라서 두 프로세스 중 하나만 이깁니다(``None``이면 횟수 검사 없음)."""
    conditions = [Notification.id == notification_id, Notification.status == PENDING]
    if attempts_seen is not None:
        conditions.append(Notification.attempts == attempts_seen)
    result: CursorResult[Any] = db.execute(  # type: ignore[assignment]  # UPDATE의 결과
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
    """차지하고, 보내고, 기록합니다: 발송 스레드에서 실행합니다.

    SMTP 서버와 대화하는 동안에는 세션을 열어 두지 않습니다."""
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
    """메일을 기다리는 모든 행의 ``(id, attempts)``, 오래된 것부터."""
    rows = db.execute(
        select(Notification.id, Notification.attempts)
        .where(Notification.status == PENDING)
        .order_by(Notification.id)
    )
    return [(row.id, row.attempts) for row in rows]
